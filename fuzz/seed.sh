#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/) from the shipped content and the test fixtures.
# Pair targets take "EN\0JA"; diff_projects "OLD_EN\0OLD_JA\0NEW_EN\0NEW_JA"; toml_files a
# selector byte (0 codepub.toml, 1 accepted.toml, 2 glossary.toml, 3 translations.lock) + text;
# xliff_import an XLIFF file (fuzz/seeds/xliff_import/: the export of its project, and one edited
# with <sc>/<ec>, <mrk> and <cp>); lsp_frames the bytes a client writes.
set -euo pipefail
cd "$(dirname "$0")/.."
C=fuzz/corpus
mkdir -p $C/markdown $C/check_pair $C/render_pair $C/diff_projects $C/toml_files $C/xliff_import $C/lsp_frames
R=tests/fixtures/revisions/2025-synthetic
n=0
for f in content/*/*.md $R/content/*/*.md tests/fixtures/fuzz/markdown/* ; do
  [ -f "$f" ] || continue; n=$((n+1)); cp "$f" $C/markdown/seed-$n
done
pair() { { cat "$1"; printf '\0'; cat "$2"; } > "$3"; }
pair content/en/10-code.md content/ja/10-code.md $C/check_pair/code
pair content/en/90-back-cover.md content/ja/90-back-cover.md $C/check_pair/back-cover
pair $R/content/en/10-code.md $R/content/ja/10-code.md $C/check_pair/synthetic
# The renderers are slow: seed them with the shorter files only.
pair content/en/90-back-cover.md content/ja/90-back-cover.md $C/render_pair/back-cover
head -c 4000 content/en/10-code.md > /tmp/seed-en; head -c 6000 content/ja/10-code.md > /tmp/seed-ja
pair /tmp/seed-en /tmp/seed-ja $C/render_pair/code-start
{ cat content/en/10-code.md; printf '\0'; cat content/ja/10-code.md; printf '\0'
  cat $R/content/en/10-code.md; printf '\0'; cat $R/content/ja/10-code.md; } > $C/diff_projects/revisions
i=0
for f in codepub.toml $R/codepub.toml content/accepted.toml content/glossary.toml content/translations.lock; do
  case "$f" in *codepub.toml) s='\x00';; *accepted.toml) s='\x01';; *glossary.toml) s='\x02';; *) s='\x03';; esac
  i=$((i+1)); { printf "$s"; cat "$f"; } > $C/toml_files/seed-$i
done
cp fuzz/seeds/xliff_import/*.xlf $C/xliff_import/
# A client's session: initialize, open, change, hover, shutdown, exit; then broken frames.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
uri='file:///fuzz/content/ja/a.md'
{ frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"processId":null}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$uri'","languageId":"markdown","version":1,"text":"# A {#a}\n\nOne.\n"}}}'
  frame '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"'$uri'","version":2},"contentChanges":[{"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":3}},"text":"Two"}]}}'
  frame '{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"'$uri'"},"position":{"line":2,"character":1}}}'
  frame '{"jsonrpc":"2.0","id":"s","method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'; } > $C/lsp_frames/session
{ frame '{not json}'; printf 'Content-Length: abc\r\n\r\n'; printf 'Content-Type: x\r\ncontent-length:2\n\n{}'
  frame '{"jsonrpc":"2.0","id":3,"result":null}'; } > $C/lsp_frames/broken
for t in check_pair render_pair diff_projects toml_files; do
  for f in tests/fixtures/fuzz/$t/*; do [ -f "$f" ] && cp "$f" $C/$t/; done
done
echo seeded
