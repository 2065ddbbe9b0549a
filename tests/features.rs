//! A build without the `pdf` or `html` feature (`cargo install codepub --no-default-features`)
//! checks, signs off, reports status and diffs as terminal text or JSON; what needs a missing
//! feature says so, names the feature and exits 2, before any work. These tests run in CI's
//! check-only configuration (`cargo test --no-default-features`).

use crate::common;

use common::TempProject;
#[cfg(not(all(feature = "pdf", feature = "html")))]
use predicates::prelude::*;

#[test]
#[cfg(not(feature = "pdf"))]
fn a_pdf_build_without_the_pdf_feature_names_the_feature_and_exits_2() {
    let project = TempProject::shipped();
    project
        .codepub()
        .args(["build", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PDF output needs codepub built with the `pdf` feature"))
        .stderr(predicate::str::contains("cargo install codepub --features pdf"));
    assert!(!project.path("out").exists(), "nothing written");
}

#[test]
#[cfg(not(feature = "html"))]
fn an_html_build_or_redline_without_the_html_feature_names_the_feature_and_exits_2() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    project.codepub().args(["build", "--format", "html"]).assert().code(2).stderr(predicate::str::contains("`html`"));
    project
        .codepub()
        .args(["diff", &root, &root, "--format", "html"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the HTML redline needs codepub built with the `html` feature"));
}

#[test]
fn check_status_and_terminal_and_json_diffs_need_no_feature() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    project.codepub().arg("check").assert().code(0);
    project.codepub().arg("status").assert().code(0);
    project.codepub().args(["diff", &root, &root]).assert().code(0);
    project.codepub().args(["diff", &root, &root, "--format", "json"]).assert().code(0);
}
