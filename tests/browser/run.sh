#!/bin/sh
# Runs the browser tests of the HTML editions in OUT_HTML_DIR (index.html, en.html, ja.html,
# style.css): layout at 1280 px and 375 px, print, axe-core, the Nu HTML Checker.
# Needs: node >= 18, Debian's chromium and a Java runtime (apt-get install chromium
# default-jre-headless fonts-noto-cjk), and `npm ci --ignore-scripts` run in this folder.
# Screenshots and print PDFs go to SCREENSHOT_DIR (default: OUT_HTML_DIR/../html-screenshots).
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 OUT_HTML_DIR [SCREENSHOT_DIR]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
html=$(cd "$1" && pwd)
shots=${2:-$html/../html-screenshots}
mkdir -p "$shots"
if [ ! -d "$here/node_modules/playwright-core" ]; then
    echo "$here/node_modules is missing: run 'npm ci --ignore-scripts' in $here" >&2
    exit 2
fi
cd "$here"
CODEPUB_HTML_DIR=$html CODEPUB_SCREENSHOT_DIR=$(cd "$shots" && pwd) exec node --test --test-concurrency=1 site.test.mjs
