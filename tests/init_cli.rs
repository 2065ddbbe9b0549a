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
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
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

/// Two plain texts that pair cleanly: title matter, chapters, articles with kanji numbers, a
/// list of items after a lead-in.
const CLEAN_EN: &str = "Rules of the Example Society

(Adopted by the general meeting)

CHAPTER I. MEMBERS

Article 1. Membership is open to every person who accepts these rules.

Article 2. The board may admit members.

A member may resign at any time.

CHAPTER II. MEETINGS

Article 13. The general meeting shall:
(i) elect the board;
(ii) adopt the accounts.
";

const CLEAN_JA: &str = "例の協会規則

（総会で採択）

第一章　会員

第一条　この規則を受け入れるすべての人は、会員になることができる。

第二条　理事会は、会員を認めることができる。

会員は、いつでも退会することができる。

第二章　会議

第十三条　総会は、次の事項を行ふ。
（一）理事会を選任すること。
（二）決算を承認すること。
";

/// Writes the two texts into `dir` and returns their paths.
fn texts(dir: &std::path::Path, en: &str, ja: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let (en_path, ja_path) = (dir.join("en.txt"), dir.join("ja.txt"));
    std::fs::write(&en_path, en).unwrap();
    std::fs::write(&ja_path, ja).unwrap();
    (en_path, ja_path)
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn texts_that_pair_cleanly_become_a_project_that_checks_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = texts(dir.path(), CLEAN_EN, CLEAN_JA);
    let root = dir.path().join("society");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("every clause and paragraph is paired"));
    let english = std::fs::read_to_string(root.join("content/en/10-text.md")).unwrap();
    let japanese = std::fs::read_to_string(root.join("content/ja/10-text.md")).unwrap();
    assert!(english.starts_with("# Rules of the Example Society {#title}\n"), "{english}");
    assert!(english.contains("### Article 13. {#article-13}"), "{english}");
    assert!(japanese.contains("### 第十三条 {#article-13}"), "{japanese}");
    assert!(japanese.contains("## 第二章　会議 {#chapter-2}"), "{japanese}");
    assert!(japanese.contains("- （一）理事会を選任すること。\n"), "{japanese}");
    let config = std::fs::read_to_string(root.join("codepub.toml")).unwrap();
    assert!(config.contains("en = \"Rules of the Example Society\""), "{config}");
    codepub().arg("--root").arg(&root).arg("check").assert().code(0).stdout(predicate::str::contains("no errors"));
    codepub().arg("--root").arg(&root).arg("build").assert().code(0);
    assert!(root.join("out/society-bilingual.pdf").is_file());
}

#[test]
fn a_paragraph_without_counterpart_is_reported_with_its_line_in_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let en = CLEAN_EN.replace(
        "A member may resign at any time.\n",
        "A member may resign at any time.\n\nA member who resigns within 30 days of joining keeps no right to the property.\n",
    );
    let (en, ja) = texts(dir.path(), &en, CLEAN_JA);
    let root = dir.path().join("project");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}:13: this paragraph of “Article 2.” has no counterpart in {}: A member who resigns",
            en.display(),
            ja.display()
        )))
        .stderr(predicate::str::contains("one clause or paragraph could not be paired"));
    // The project is written all the same, and the check reports the same paragraph.
    codepub().arg("--root").arg(&root).arg("check").assert().code(1).stdout(predicate::str::contains("article-2#3"));
}

#[test]
fn a_clause_in_one_text_only_is_reported_at_its_heading_line() {
    let dir = tempfile::tempdir().unwrap();
    let ja = CLEAN_JA
        .replace("第二条　理事会は、会員を認めることができる。\n\n会員は、いつでも退会することができる。\n\n", "");
    let (en, ja) = texts(dir.path(), CLEAN_EN, &ja);
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(dir.path().join("project"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:9: “Article 2.” has no counterpart in", en.display())));
}

#[test]
fn from_text_never_overwrites_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = texts(dir.path(), CLEAN_EN, CLEAN_JA);
    let root = dir.path().join("project");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("codepub.toml"), "mine").unwrap();
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already holds a codepub project"));
    assert_eq!(std::fs::read_to_string(root.join("codepub.toml")).unwrap(), "mine");
    assert!(!root.join("content").exists());
}

#[test]
fn from_text_never_overwrites_a_source_and_writes_nothing_then() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = texts(dir.path(), CLEAN_EN, CLEAN_JA);
    let root = dir.path().join("project");
    std::fs::create_dir_all(root.join("content/ja")).unwrap();
    std::fs::write(root.join("content/ja/10-text.md"), "mine").unwrap();
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("10-text.md already exists; nothing was written"));
    assert_eq!(std::fs::read_to_string(root.join("content/ja/10-text.md")).unwrap(), "mine");
    assert!(!root.join("codepub.toml").exists());
    assert!(!root.join("content/en").exists());
}

#[test]
fn an_empty_text_is_an_input_error_at_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = texts(dir.path(), CLEAN_EN, "\n　\n\n");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(dir.path().join("project"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E013]: no text to import"))
        .stderr(predicate::str::contains(format!("--> {}:1:1", ja.display())));
    assert!(!dir.path().join("project").exists());
}

#[test]
fn an_unreadable_or_badly_encoded_text_is_an_input_error_at_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let (en, _) = texts(dir.path(), CLEAN_EN, CLEAN_JA);
    let missing = dir.path().join("missing.txt");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&missing)
        .arg(dir.path().join("project"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E001]"))
        .stderr(predicate::str::contains(format!("--> {}:1:1", missing.display())));
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Title\n\nCaf\xe9 rules.\n").unwrap();
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&latin1)
        .arg(&en)
        .arg(dir.path().join("project"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E005]"))
        .stderr(predicate::str::contains(format!("--> {}:3:4", latin1.display())));
    assert!(!dir.path().join("project").exists());
}

#[test]
fn windows_line_ends_in_a_text_are_read_as_plain_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = texts(dir.path(), &CLEAN_EN.replace('\n', "\r\n"), CLEAN_JA);
    let root = dir.path().join("project");
    codepub().arg("init").arg("--from-text").arg(&en).arg(&ja).arg(&root).assert().code(0);
    assert!(!std::fs::read_to_string(root.join("content/en/10-text.md")).unwrap().contains('\r'));
}
