//! `codepub init`: a new project, from an empty folder, that checks clean and builds; never an
//! overwrite.

use assert_cmd::Command;
use predicates::prelude::*;

fn codepub() -> Command {
    let mut command = Command::cargo_bin("codepub").expect("binary");
    command.args(["--lang", "en", "--color", "never"]);
    command.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    command
}

#[test]
fn a_new_project_checks_clean_and_builds_under_its_folder_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("rules of procedure");
    codepub().arg("init").arg(&root).assert().code(0).stderr(predicate::str::contains("created"));
    for file in [
        "codepub.toml",
        "content/en/10-text.md",
        "content/ja/10-text.md",
        "content/glossary.toml",
        "content/accepted.toml",
        ".gitignore",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }
    codepub()
        .arg("--root")
        .arg(&root)
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no errors, no warnings, 0 accepted"));
    codepub().arg("--root").arg(&root).arg("build").assert().code(0);
    assert!(root.join("out/rules-of-procedure-bilingual.pdf").is_file());
    assert!(root.join("out/html/index.html").is_file());
}

#[test]
fn init_in_the_current_folder_needs_no_project_around_it() {
    let dir = tempfile::tempdir().unwrap();
    codepub().current_dir(dir.path()).arg("init").assert().code(0);
    assert!(dir.path().join("codepub.toml").is_file());
}

#[test]
fn init_never_overwrites_a_project() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("codepub.toml"), "mine").unwrap();
    codepub()
        .arg("init")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already holds a codepub project"));
    assert_eq!(std::fs::read_to_string(dir.path().join("codepub.toml")).unwrap(), "mine");
    assert!(!dir.path().join("content").exists());
}
