//! `codepub diff` through the real binary: folders and git revisions, formats, exit statuses.

use crate::common;

use common::{EN, JA, TempProject, git, manifest_dir};
use predicates::prelude::*;

fn synthetic_revision() -> String {
    manifest_dir().join("tests/fixtures/revisions/2025-synthetic").display().to_string()
}

#[test]
fn identical_revisions_exit_0() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    project.codepub().args(["diff", &root, &root]).assert().code(0);
}

#[test]
fn changed_folders_exit_1_with_a_header_naming_both_resolutions() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    project
        .codepub()
        .args(["diff", &root, &synthetic_revision()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Council Resolution 11/2023 (adopted 2023-02-23)"))
        .stdout(predicate::str::contains("Council Resolution 7/2025 (adopted 2025-06-12)"))
        .stdout(predicate::str::contains("principle-11"));
}

#[test]
fn git_revisions_are_compared_and_the_stale_japanese_is_named() {
    let project = TempProject::shipped();
    git(project.root(), &["init", "-q", "-b", "main"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "11/2023"]);
    git(project.root(), &["tag", "r11-2023"]);
    project.replace(EN, "We act with honesty", "We act with complete honesty");
    git(project.root(), &["commit", "-q", "-am", "revise principle 3"]);
    let output = project.codepub().args(["diff", "r11-2023", "HEAD", "--format", "json"]).assert().code(1);
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("principle-3#1"), "{text}");
    assert!(text.contains("complete"), "{text}");
    project.codepub().args(["diff", "HEAD", "HEAD"]).assert().code(0);
}

#[test]
#[cfg_attr(not(feature = "html"), ignore = "needs the html feature")]
fn html_redline_is_written_to_the_out_file() {
    let project = TempProject::shipped();
    project.replace(
        JA,
        "私たちは、本機構専用のデータ保護ポリシーを遵守します。",
        "私たちは、本機構専用のデータ保護方針を遵守します。",
    );
    let out = project.path("redline.html");
    project
        .codepub()
        .args([
            "diff",
            &manifest_dir().display().to_string(),
            &project.root().display().to_string(),
            "--format",
            "html",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(out).unwrap();
    assert!(html.contains("<ins") && html.contains("<del"), "{html}");
}

#[test]
fn an_unknown_revision_exits_2_with_a_clear_message() {
    let project = TempProject::shipped();
    git(project.root(), &["init", "-q"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "x"]);
    project
        .codepub()
        .args(["diff", "v9.9", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E012]: unknown revision `v9.9`"));
}

#[test]
fn a_project_outside_any_repository_exits_2() {
    let project = TempProject::shipped();
    project
        .codepub()
        .args(["diff", "HEAD~1", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a git repository"));
}

#[test]
fn pdf_redline_needs_an_output_file() {
    let project = TempProject::shipped();
    project.codepub().args(["diff", "HEAD~1", "HEAD", "--format", "pdf"]).assert().code(2);
}

#[test]
#[cfg_attr(not(feature = "pdf"), ignore = "needs the pdf feature")]
fn the_pdf_redline_titles_each_clause_by_its_headings_in_both_languages() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    let pdf = project.path("redline.pdf");
    project
        .codepub()
        .args(["diff", &synthetic_revision(), &root, "--format", "pdf", "--out"])
        .arg(&pdf)
        .assert()
        .code(1);
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text: String = String::from_utf8_lossy(&text.stdout).split_whitespace().collect();
    assert!(text.contains("3.Behaveethically/3.倫理的な行動"), "{text}");
    assert!(!text.contains("principle-3\n") && !text.contains("principle-3principle"), "titled by id: {text}");
}

#[test]
#[cfg_attr(not(feature = "html"), ignore = "needs the html feature")]
fn a_project_redline_template_replaces_the_built_in_one() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    project.write("templates/redline.html", "<p>{{ view.clauses | length }} clauses changed</p>\n");
    let out = project.path("redline.html");
    project
        .codepub()
        .args(["diff", &synthetic_revision(), &root, "--format", "html", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(&out).expect("written");
    assert!(html.starts_with("<p>") && html.ends_with("clauses changed</p>\n"), "{html}");
}
