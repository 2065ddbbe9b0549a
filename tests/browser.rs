//! The HTML editions in a real browser: runs `tests/browser/run.sh` (Node's test runner driving
//! Debian's Chromium through playwright-core, axe-core, and the Nu HTML Checker) on a freshly
//! rendered site. In CI (`CI` set) missing prerequisites fail the test; elsewhere they skip it
//! with a notice, since `bash .ci/run` installs them.

#![cfg(feature = "html")]

use crate::common;

use std::path::Path;
use std::process::Command;

use codepub::render::Templates;
use codepub::render::html::render_site;

fn prerequisites_missing(browser_dir: &Path) -> Option<&'static str> {
    if !browser_dir.join("node_modules/playwright-core").is_dir() {
        return Some("tests/browser/node_modules (npm ci --ignore-scripts in tests/browser)");
    }
    if !Path::new("/usr/bin/chromium").exists() {
        return Some("/usr/bin/chromium (apt-get install chromium)");
    }
    if Command::new("java").arg("-version").output().is_err() {
        return Some("a Java runtime (apt-get install default-jre-headless)");
    }
    None
}

#[test]
fn html_editions_pass_layout_accessibility_and_validation_in_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = root.join("tests/browser");
    if let Some(missing) = prerequisites_missing(&browser_dir) {
        assert!(std::env::var_os("CI").is_none(), "browser tests need {missing}");
        eprintln!("skipping the browser tests: {missing} is missing; `bash .ci/run` installs it");
        return;
    }
    let project = codepub::load::load(root).expect("shipped project loads");
    let site = tempfile::tempdir().expect("temp dir");
    let html = site.path().join("html");
    let files = render_site(&project, &Templates::built_in()).expect("site renders");
    common::write_site(&html, &files);
    let output = Command::new("sh")
        .arg(browser_dir.join("run.sh"))
        .arg(&html)
        .arg(site.path().join("screenshots"))
        .output()
        .expect("run.sh starts");
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "browser tests failed:\n{report}");
    assert!(report.contains("# fail 0"), "{report}");
}
