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

/// Two plain texts that pair cleanly: title matter that states the adoption date, chapters,
/// articles with kanji numbers, a list of items after a lead-in.
const CLEAN_EN: &str = "Rules of the Example Society

(Adopted by the general meeting on 23 February 2023)

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

（2023年2月23日総会で採択）

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

/// The same statute in both languages, written as statutes are: title matter that states the
/// date, chapters, captions on the line above their articles, a second paragraph numbered `２`,
/// supplementary provisions and an appended table.
const STATUTE_EN: &str = "Rules of the Example Society

Adopted on 1 April 2023

CHAPTER I GENERAL PROVISIONS

(Name)
Article 1 The Society is named the Example Society.

(Purpose)
Article 2 The Society shows how rules are published.
2 The Society does not seek profit.

CHAPTER II MEMBERS

(Admission)

Article 3 The board admits members.

SUPPLEMENTARY PROVISIONS

These Rules come into force on 1 April 2023.

Appended Table 1 (re Article 3)

Admission fee: 1,000 yen
";

const STATUTE_JA: &str = "例会規則

令和五年四月一日制定

第一章　総則

（名称）
第一条　本会は、例会と称する。

（目的）
第二条　本会は、規則の公表の仕方を示す。
２　本会は、営利を目的としない。

第二章　会員

（入会）

第三条　理事会は、会員の入会を認める。

附　則

この規則は、令和五年四月一日から施行する。

別表第一（第三条関係）

入会金　千円
";

#[test]
fn a_statute_with_captions_above_its_articles_imports_every_part_as_a_clause_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = texts(dir.path(), STATUTE_EN, STATUTE_JA);
    let root = dir.path().join("statute");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("imported 8 clauses; every clause and paragraph is paired"));
    let english = std::fs::read_to_string(root.join("content/en/10-text.md")).unwrap();
    let japanese = std::fs::read_to_string(root.join("content/ja/10-text.md")).unwrap();
    for heading in [
        "## CHAPTER I GENERAL PROVISIONS {#chapter-1}\n",
        "### Article 1 (Name) {#article-1}\n\nThe Society is named the Example Society.\n",
        "### Article 2 (Purpose) {#article-2}\n\nThe Society shows how rules are published.\n\n2 The Society",
        "## CHAPTER II MEMBERS {#chapter-2}\n\n### Article 3 (Admission) {#article-3}\n",
        "## SUPPLEMENTARY PROVISIONS {#supplementary-provisions}\n",
        "## Appended Table 1 (re Article 3) {#appended-table-1}\n",
    ] {
        assert!(english.contains(heading), "{heading}\n{english}");
    }
    for heading in [
        "## 第一章　総則 {#chapter-1}\n",
        "### 第一条（名称） {#article-1}\n\n本会は、例会と称する。\n",
        "### 第二条（目的） {#article-2}\n\n本会は、規則の公表の仕方を示す。\n\n２　本会は",
        "## 第二章　会員 {#chapter-2}\n\n### 第三条（入会） {#article-3}\n",
        "## 附　則 {#supplementary-provisions}\n",
        "## 別表第一（第三条関係） {#appended-table-1}\n",
    ] {
        assert!(japanese.contains(heading), "{heading}\n{japanese}");
    }
    assert!(!english.contains("\n(Name)") && !japanese.contains("\n（名称）"), "no caption is left a paragraph");
    codepub()
        .arg("--root")
        .arg(&root)
        .args(["check", "--no-baseline"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no errors, no warnings, 0 accepted"))
        .stdout(predicate::str::contains("8 clauses, 7 paragraph pairs checked"));
}

#[test]
fn a_markdown_file_given_as_a_plain_text_is_refused_with_a_pointer_to_from_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let markdown = "+++\ntitle = \"Rules\"\n+++\n\n# Rules {#title}\n\n## Article 1 {#article-1}\n\nText.\n";
    let (en, ja) = texts(dir.path(), CLEAN_EN, markdown);
    let root = dir.path().join("project");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: this file is Markdown, not a plain text: it opens with front matter"))
        .stderr(predicate::str::contains(format!("--> {}:1:1", ja.display())))
        .stderr(predicate::str::contains("codepub init --from-markdown EN.md JA.md"));
    assert!(!root.exists(), "nothing is written");
    let bold = CLEAN_EN.replace("Membership is open", "Membership is **open**");
    let (en, ja) = texts(dir.path(), &bold, CLEAN_JA);
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("this line marks bold text"))
        .stderr(predicate::str::contains(format!("--> {}:7:1", en.display())));
    assert!(!root.exists(), "nothing is written");
}

#[test]
fn a_text_in_which_no_heading_is_recognised_is_a_warning_and_exit_status_1_never_all_paired() {
    let dir = tempfile::tempdir().unwrap();
    let en = "Rules\n\nAdopted on 1 April 2023.\n\nMembers meet.\n\nThe board acts.\n\nDues are paid.\n";
    let ja = "規則\n\n2023年4月1日採択。\n\n会員は集まる。\n\n理事会は行動する。\n\n会費を納める。\n";
    let (en, ja) = texts(dir.path(), en, ja);
    let root = dir.path().join("project");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("warning: no heading was recognised in these 5 paragraphs"))
        .stderr(predicate::str::contains(format!("--> {}:1:1", en.display())))
        .stderr(predicate::str::contains(format!("--> {}:1:1", ja.display())))
        .stderr(predicate::str::contains("a text without headings is not paired clause by clause"))
        .stderr(predicate::str::contains("every clause").not());
    assert!(root.join("codepub.toml").is_file(), "the project is written all the same");
}

#[test]
fn the_adopted_option_wins_over_the_date_the_text_states() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = texts(dir.path(), CLEAN_EN, CLEAN_JA);
    let root = dir.path().join("project");
    codepub()
        .arg("init")
        .args(["--adopted", "2024-02-29", "--from-text"])
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("dated").not());
    let config = std::fs::read_to_string(root.join("codepub.toml")).unwrap();
    assert!(config.contains("\nadopted = 2024-02-29\n"), "{config}");
}

#[test]
fn the_date_the_english_title_matter_states_is_taken_before_the_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let ja = CLEAN_JA.replace("2023年2月23日", "2023年3月1日");
    let (en, ja) = texts(dir.path(), CLEAN_EN, &ja);
    let root = dir.path().join("project");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!("dated 2023-02-23, as {}:3 states", en.display())));
    let config = std::fs::read_to_string(root.join("codepub.toml")).unwrap();
    assert!(config.contains("\nadopted = 2023-02-23\n"), "{config}");
}

#[test]
fn a_japanese_era_date_in_the_title_matter_becomes_the_adopted_date() {
    let dir = tempfile::tempdir().unwrap();
    let en =
        CLEAN_EN.replace("(Adopted by the general meeting on 23 February 2023)", "(Adopted by the general meeting)");
    let ja = CLEAN_JA.replace("（2023年2月23日総会で採択）", "（令和五年二月二十三日総会で採択）");
    let (en, ja) = texts(dir.path(), &en, &ja);
    let root = dir.path().join("project");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!("dated 2023-02-23, as {}:3 states", ja.display())));
    let config = std::fs::read_to_string(root.join("codepub.toml")).unwrap();
    assert!(config.contains("\nadopted = 2023-02-23\n"), "{config}");
}

#[test]
fn texts_that_state_no_date_are_refused_without_the_adopted_option_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let en = CLEAN_EN.replace(" on 23 February 2023", "");
    let ja = CLEAN_JA.replace("2023年2月23日", "");
    let (en, ja) = texts(dir.path(), &en, &ja);
    let root = dir.path().join("project");
    codepub()
        .arg("init")
        .arg("--from-text")
        .arg(&en)
        .arg(&ja)
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("states the date the text was adopted"))
        .stderr(predicate::str::contains("--adopted YYYY-MM-DD"));
    assert!(!root.exists(), "today is never written instead");
}

#[test]
fn an_adopted_date_that_is_no_calendar_day_or_not_yyyy_mm_dd_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    for (date, says) in
        [("2023-02-30", "2023-02-30 is not a day of the calendar"), ("23/02/2023", "is not a date written YYYY-MM-DD")]
    {
        codepub()
            .arg("init")
            .args(["--adopted", date])
            .arg(&root)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
        assert!(!root.exists(), "{date}");
    }
}

#[test]
fn the_example_project_is_dated_as_the_adopted_option_says() {
    let dir = tempfile::tempdir().unwrap();
    codepub().arg("init").args(["--adopted", "2021-03-04"]).arg(dir.path()).assert().code(0);
    let config = std::fs::read_to_string(dir.path().join("codepub.toml")).unwrap();
    assert!(config.contains("\nadopted = 2021-03-04\n"), "{config}");
    let example = std::fs::read_to_string(dir.path().join("content/en/10-text.md")).unwrap();
    assert!(example.contains("(Adopted on 4 March 2021)"), "{example}");
}
