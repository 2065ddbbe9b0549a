//! `codepub init --from-markdown`: existing Markdown adopted as it is (front matter read, every
//! heading given the same id as its counterpart, nothing else changed), checked, and what needs a
//! look reported at its file and line; and `check --fix` giving ids to headings without them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn codepub() -> Command {
    let mut command = Command::cargo_bin("codepub").expect("binary");
    command.args(["--lang", "en", "--color", "never"]);
    command.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    command
}

fn covenant() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/adopt/contributor-covenant")
}

/// The lines of `text` with every `{#id}` taken out: what the source said before adoption.
fn without_ids(text: &str) -> String {
    let ids = regex::Regex::new(r" \{#[a-z0-9-]+\}").unwrap();
    ids.replace_all(text, "").into_owned()
}

/// The file as given, without its front matter.
fn body(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let rest = text.strip_prefix("+++\n").unwrap();
    rest[rest.find("+++\n").unwrap() + 4..].to_string()
}

#[test]
fn a_hugo_markdown_pair_becomes_a_checked_project_with_its_markdown_intact_and_headings_paired() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("covenant");
    let (en, ja) = (covenant().join("code_of_conduct.md"), covenant().join("code_of_conduct.ja.md"));
    codepub()
        .args(["init", "--adopted", "2022-04-20", "--from-markdown"])
        .args([&en, &ja])
        .arg(&root)
        .assert()
        // Eleven true findings are left (ASCII colons in the Japanese), so the status is 1.
        .code(1)
        .stderr(predicate::str::contains("12 heading pairs given ids (0 on weak evidence), no heading left alone"))
        .stderr(predicate::str::contains("`codepub check` on the new project: 11 errors, no warnings"));
    let written_en = std::fs::read_to_string(root.join("content/en/code_of_conduct.md")).unwrap();
    let written_ja = std::fs::read_to_string(root.join("content/ja/code_of_conduct.md")).unwrap();
    // Nothing but the ids came in, nothing but the front matter went out.
    assert_eq!(without_ids(&written_en), body(&en));
    assert_eq!(without_ids(&written_ja), body(&ja));
    for (english, japanese) in [
        ("## Our Pledge {#our-pledge}", "## 私たちの約束 {#our-pledge}"),
        ("## Enforcement {#enforcement}", "## 執行 {#enforcement}"),
        ("### 3. Temporary Ban {#3-temporary-ban}", "### 3. 一時的な禁止 {#3-temporary-ban}"),
        ("## Attribution {#attribution}", "## 帰属 {#attribution}"),
    ] {
        assert!(written_en.contains(english), "{english}");
        assert!(written_ja.contains(japanese), "{japanese}");
    }
    let config = std::fs::read_to_string(root.join("codepub.toml")).unwrap();
    assert!(config.contains("adopted = 2022-04-20"), "{config}");
    assert!(config.contains("en = \"Contributor Covenant Code of Conduct\""), "{config}");
    assert!(config.contains("ja = \"コントリビューター行動規範\""), "{config}");
    assert!(config.contains("#   version = \"2.1\""), "the front matter is kept as comments: {config}");
    // What check reports are the true findings the fixture's README explains, and no P001.
    let report =
        codepub().arg("--root").arg(&root).args(["check", "--no-baseline", "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap().to_string(), f["address"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        found,
        [
            ("P006".to_string(), "our-standards#1".to_string()),
            ("P006".to_string(), "our-standards#3".to_string()),
            ("P006".to_string(), "enforcement-guidelines#1".to_string()),
            // The colon after bold Japanese, `**帰結**: ` (issue 33).
            ("P007".to_string(), "1-correction#1".to_string()),
            ("P007".to_string(), "1-correction#2".to_string()),
            ("P007".to_string(), "2-warning#1".to_string()),
            ("P007".to_string(), "2-warning#2".to_string()),
            ("P007".to_string(), "3-temporary-ban#1".to_string()),
            ("P007".to_string(), "3-temporary-ban#2".to_string()),
            ("P007".to_string(), "4-permanent-ban#1".to_string()),
            ("P007".to_string(), "4-permanent-ban#2".to_string()),
        ]
    );
}

#[test]
fn check_fix_rewrites_the_ascii_colon_after_bold_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("covenant");
    let (en, ja) = (covenant().join("code_of_conduct.md"), covenant().join("code_of_conduct.ja.md"));
    codepub().args(["init", "--adopted", "2022-04-20", "--from-markdown"]).args([&en, &ja]).arg(&root).assert().code(1);
    codepub()
        .arg("--root")
        .arg(&root)
        .args(["check", "--no-baseline", "--fix"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("`:` → `：`"))
        .stdout(predicate::str::contains("11 fixes applied"));
    let fixed = std::fs::read_to_string(root.join("content/ja/code_of_conduct.md")).unwrap();
    assert_eq!(fixed.matches("**帰結**：").count(), 4, "{fixed}");
    assert_eq!(fixed.matches("**コミュニティへの影響**：").count(), 4, "{fixed}");
    assert!(!fixed.contains("**: "), "{fixed}");
}

#[test]
fn an_import_without_a_date_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("covenant");
    codepub()
        .args(["init", "--from-markdown"])
        .args([covenant().join("code_of_conduct.md"), covenant().join("code_of_conduct.ja.md")])
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("states no date of adoption"))
        .stderr(predicate::str::contains("--adopted YYYY-MM-DD"));
    assert!(!root.exists());
}

#[test]
fn a_date_in_the_front_matter_dates_the_edition_and_its_title_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = (dir.path().join("rules.md"), dir.path().join("rules.ja.md"));
    std::fs::write(&en, "---\ntitle: House Rules\ndate: 2024-05-01\nsidebar_position: 3\n---\nBe kind.\n\n## Quiet {#quiet}\n\nNo noise after 22:00.\n").unwrap();
    std::fs::write(&ja, "---\ntitle: 館内規則\n---\n親切に。\n\n## 静粛 {#quiet}\n\n22:00以降は静かに。\n").unwrap();
    let root = dir.path().join("project");
    codepub().args(["init", "--from-markdown"]).args([&en, &ja]).arg(&root).assert().stderr(predicate::str::contains(
        "rules.md: text came before the first heading, so a heading “House Rules” was added",
    ));
    let config = std::fs::read_to_string(root.join("codepub.toml")).unwrap();
    assert!(config.contains("adopted = 2024-05-01"), "{config}");
    assert!(config.contains("ja = \"館内規則\""), "{config}");
    assert!(config.contains("#   sidebar_position = 3"), "{config}");
    let written = std::fs::read_to_string(root.join("content/en/rules.md")).unwrap();
    assert_eq!(written, "# House Rules {#house-rules}\n\nBe kind.\n\n## Quiet {#quiet}\n\nNo noise after 22:00.\n");
    let written = std::fs::read_to_string(root.join("content/ja/rules.md")).unwrap();
    assert_eq!(written, "# 館内規則 {#house-rules}\n\n親切に。\n\n## 静粛 {#quiet}\n\n22:00以降は静かに。\n");
}

#[test]
fn folders_are_matched_file_by_file_and_a_file_without_counterpart_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ja) = (dir.path().join("en"), dir.path().join("ja"));
    std::fs::create_dir_all(en.join("guide")).unwrap();
    std::fs::create_dir_all(ja.join("guide")).unwrap();
    let write = |path: PathBuf, text: &str| std::fs::write(path, text).unwrap();
    write(en.join("intro.md"), "# Introduction\n\nWelcome, in 3 steps.\n");
    write(ja.join("intro.md"), "# はじめに\n\n3つの手順で始めます。\n");
    write(en.join("guide/setup.md"), "# Setup\n\nInstall version 2.\n");
    write(ja.join("guide/setup.ja.md"), "# セットアップ\n\nバージョン2をインストールします。\n");
    write(en.join("faq.md"), "# FAQ\n\nAsk us 24 hours a day.\n");
    write(ja.join("appendix.md"), "# 付録\n\n資料は5点です。\n");
    write(en.join("SUMMARY.md"), "- [Introduction](intro.md)\n");
    let root = dir.path().join("project");
    codepub()
        .args(["init", "--adopted", "2024-01-31", "--from-markdown"])
        .args([&en, &ja])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}: no Japanese counterpart", en.join("faq.md").display())))
        .stderr(predicate::str::contains(format!("{}: no English counterpart", ja.join("appendix.md").display())))
        .stderr(predicate::str::contains("adopted 4 files a side"));
    for (path, heading) in [
        ("content/en/intro.md", "# Introduction {#introduction}"),
        ("content/ja/intro.md", "# はじめに {#introduction}"),
        ("content/en/guide/setup.md", "# Setup {#setup}"),
        ("content/ja/guide/setup.md", "# セットアップ {#setup}"),
        ("content/en/faq.md", "# FAQ {#faq}"),
        ("content/ja/appendix.md", "# 付録 {#section-"),
    ] {
        let text = std::fs::read_to_string(root.join(path)).unwrap();
        assert!(text.starts_with(heading), "{path}: {text}");
    }
    assert!(!root.join("content/en/SUMMARY.md").exists(), "mdBook's table of contents is not text");
    assert!(!root.join("content/ja/faq.md").exists());
}

#[test]
fn one_folder_holding_both_languages_is_matched_by_the_japanese_suffix() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("content");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("about.md"), "# About\n\nFounded in 1999.\n").unwrap();
    std::fs::write(site.join("about.ja.md"), "# 概要\n\n1999年設立。\n").unwrap();
    let root = dir.path().join("project");
    codepub()
        .args(["init", "--adopted", "2024-01-31", "--from-markdown"])
        .args([&site, &site])
        .arg(&root)
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(root.join("content/ja/about.md")).unwrap().starts_with("# 概要 {#about}"));
}

#[test]
fn a_file_and_a_folder_or_broken_front_matter_are_refused_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("en.md");
    std::fs::write(&file, "+++\ntitle = \"x\"\n# never closed\n").unwrap();
    codepub()
        .args(["init", "--adopted", "2024-01-31", "--from-markdown"])
        .args([&file, &dir.path().to_path_buf()])
        .arg(dir.path().join("p"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a folder"));
    let ja = dir.path().join("ja.md");
    std::fs::write(&ja, "# 題\n").unwrap();
    codepub()
        .args(["init", "--adopted", "2024-01-31", "--from-markdown"])
        .args([&file, &ja])
        .arg(dir.path().join("p"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("en.md:1:1"))
        .stderr(predicate::str::contains("never closed"));
    assert!(!dir.path().join("p").exists());
}

#[test]
fn check_fix_gives_headings_without_ids_the_same_id_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    codepub().arg("init").arg(&root).assert().code(0);
    std::fs::write(
        root.join("content/en/10-text.md"),
        "# Rules {#title}\n\n## Scope\n\nThese rules apply in 3 buildings.\n\n## Enforcement\n\nReport within 30 days.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/ja/10-text.md"),
        "# 規則 {#title}\n\n## 適用範囲\n\nこの規則は3つの建物で適用します。\n\n## 執行\n\n30日以内に報告します。\n",
    )
    .unwrap();
    codepub().arg("--root").arg(&root).args(["check", "--no-baseline"]).assert().code(1).stdout(
        predicate::str::contains("`--fix` gives it `{#scope}`, and the same id to its Japanese counterpart “適用範囲”"),
    );
    codepub().arg("--root").arg(&root).args(["check", "--no-baseline", "--fix"]).assert().code(0);
    let ja = std::fs::read_to_string(root.join("content/ja/10-text.md")).unwrap();
    assert!(ja.contains("## 適用範囲 {#scope}") && ja.contains("## 執行 {#enforcement}"), "{ja}");
}

#[test]
fn headings_without_ids_on_the_same_line_are_not_paired_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    codepub().arg("init").arg(&root).assert().code(0);
    // English `## Enforcement` and Japanese `### 3. 一時的な禁止` both stand on line 5.
    std::fs::write(root.join("content/en/10-text.md"), "# Rules {#title}\n\nIntro.\n\n## Enforcement\n\nReport it.\n")
        .unwrap();
    std::fs::write(root.join("content/ja/10-text.md"), "# 規則 {#title}\n\n序。\n\n### 3. 一時的な禁止\n\n3か月。\n")
        .unwrap();
    let output =
        codepub().arg("--root").arg(&root).args(["check", "--no-baseline", "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&str> = report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["P001", "P001"], "only the two missing ids, no findings of a bogus pair: {report}");
}

fn radio_act() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/adopt/radio-act")
}

#[test]
fn a_statute_with_captions_above_its_articles_keeps_every_article_caption_chapter_and_provision() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("radio");
    codepub()
        .args(["init", "--from-text"])
        .args([radio_act().join("en.txt"), radio_act().join("ja.txt")])
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("dated 1950-05-02"))
        .stderr(predicate::str::contains("imported 20 clauses; every clause and paragraph is paired"));
    let headings = |lang: &str| -> Vec<String> {
        let text = std::fs::read_to_string(root.join(format!("content/{lang}/10-text.md"))).unwrap();
        text.lines().filter(|line| line.starts_with('#')).map(str::to_string).collect()
    };
    let (en, ja) = (headings("en"), headings("ja"));
    assert_eq!(en.len(), 20, "{en:#?}");
    assert_eq!(ja.len(), 20, "{ja:#?}");
    for (english, japanese) in [
        ("## Chapter I General Provisions {#chapter-1}", "## 第一章　総則 {#chapter-1}"),
        ("### Article 1 (Purpose) {#article-1}", "### 第一条（目的） {#article-1}"),
        ("### Article 35 {#article-35}", "### 第三十五条 {#article-35}"),
        (
            "### Article 36-2 (Requirements for Artificial Satellite Stations) {#article-36-2}",
            "### 第三十六条の二（人工衛星局の条件） {#article-36-2}",
        ),
        ("## Supplementary Provisions {#supplementary-provisions}", "## 附　則 {#supplementary-provisions}"),
    ] {
        assert!(en.iter().any(|h| h == english), "{english} in {en:#?}");
        assert!(ja.iter().any(|h| h == japanese), "{japanese} in {ja:#?}");
    }
    let articles = ja.iter().filter(|h| h.starts_with("### 第")).count();
    assert_eq!(articles, 16, "every article is a clause");
    let config = std::fs::read_to_string(root.join("codepub.toml")).unwrap();
    assert!(config.contains("adopted = 1950-05-02"), "{config}");
    // The findings the fixture's README explains, and nothing else.
    let report =
        codepub().arg("--root").arg(&root).args(["check", "--no-baseline", "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let found: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["address"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [("P004", "title#1"), ("P004", "article-36-2#1"), ("P004", "article-38-2#1")]);
}
