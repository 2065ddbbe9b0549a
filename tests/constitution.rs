//! The second test project, a subset of the Constitution of Japan (tests/fixtures/constitution):
//! made by `codepub init --from-text`, it checks with no finding at all, builds, and a number
//! changed in either language, in kanji, digits or words, is one P004 error at that number.

use crate::common;

use assert_cmd::Command;
use common::{TempProject, constitution, manifest_dir};
use predicates::prelude::*;

const EN: &str = "content/en/10-text.md";
const JA: &str = "content/ja/10-text.md";

fn findings(project: &TempProject, code: i32) -> Vec<serde_json::Value> {
    let report = project.json(&["check", "--no-baseline", "--format", "json"], code);
    report["findings"].as_array().expect("findings").clone()
}

/// Where a finding is: its code, its address, and the file and line of each label.
type Place = (String, String, Vec<(String, u64)>);

fn places(findings: &[serde_json::Value]) -> Vec<Place> {
    findings
        .iter()
        .map(|f| {
            let labels = f["labels"]
                .as_array()
                .expect("labels")
                .iter()
                .map(|l| (l["file"].as_str().unwrap_or_default().to_string(), l["line"].as_u64().unwrap_or_default()))
                .collect();
            (
                f["code"].as_str().unwrap_or_default().to_string(),
                f["address"].as_str().unwrap_or_default().to_string(),
                labels,
            )
        })
        .collect()
}

#[test]
fn the_constitution_checks_with_no_finding_at_all_without_a_baseline() {
    let project = constitution();
    assert_eq!(places(&findings(&project, 0)), []);
    project
        .codepub()
        .args(["check", "--no-baseline"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no errors, no warnings, 0 accepted"))
        .stdout(predicate::str::contains("17 clauses, 20 paragraph pairs checked"));
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn the_constitution_builds_under_its_slug() {
    let project = constitution();
    project.codepub().arg("build").assert().code(0);
    for edition in ["bilingual", "en", "ja"] {
        assert!(project.path(&format!("out/constitution-{edition}.pdf")).is_file(), "{edition}");
    }
}

#[test]
fn forty_days_changed_to_fifty_in_kanji_is_one_error_at_both_numbers() {
    let project = constitution();
    project.replace(JA, "解散の日から四十日以内", "解散の日から五十日以内");
    let found = findings(&project, 1);
    assert_eq!(
        places(&found),
        [("P004".into(), "article-54#1".into(), vec![(JA.into(), 72), (EN.into(), 72)])],
        "{found:#?}"
    );
    assert!(found[0]["message"].as_str().unwrap_or_default().contains("五十 (50)"), "{found:#?}");
}

#[test]
fn every_kind_of_number_changed_in_either_language_is_caught_where_it_is() {
    // (file, from, to, address): kanji days, English words with digits, an article number.
    let cases = [
        (JA, "その選挙の日から三十日以内", "その選挙の日から六十日以内", "article-54#1"),
        (JA, "次の国会開会の後十日以内", "次の国会開会の後二十日以内", "article-54#3"),
        (EN, "within forty (40) days", "within fifty (50) days", "article-54#1"),
        (EN, "within a period of ten (10) days", "within a period of ten (12) days", "article-54#3"),
        (JA, "### 第十四条 {#article-14}", "### 第十五条 {#article-14}", "article-14#heading"),
        (EN, "## CHAPTER IV. THE DIET {#chapter-4}", "## CHAPTER V. THE DIET {#chapter-4}", "chapter-4#heading"),
    ];
    for (file, from, to, address) in cases {
        let project = constitution();
        project.replace(file, from, to);
        let found = places(&findings(&project, 1));
        assert_eq!(found.len(), 1, "{from} → {to}: {found:?}");
        assert_eq!((found[0].0.as_str(), found[0].1.as_str()), ("P004", address), "{from} → {to}");
    }
}

#[test]
fn the_fixture_is_what_init_from_text_makes_of_its_source_texts() {
    let fixture = manifest_dir().join("tests/fixtures/constitution");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("constitution");
    Command::cargo_bin("codepub")
        .unwrap()
        .args(["--lang", "en", "init", "--adopted", "1946-11-03", "--from-text"])
        .arg(fixture.join("source/constitution.en.txt"))
        .arg(fixture.join("source/constitution.ja.txt"))
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("imported 17 clauses; every clause and paragraph is paired"));
    for source in [EN, JA] {
        let made = std::fs::read_to_string(root.join(source)).unwrap();
        let kept = std::fs::read_to_string(fixture.join(source)).unwrap();
        assert_eq!(made, kept, "{source}");
    }
}

#[test]
fn a_mistake_in_the_statute_list_is_one_finding_not_a_cascade_over_its_labels() {
    // (from, to, the one finding): an item ending in 、 instead of 。; an item dropped.
    let cases = [
        ("- 二　国会を召集すること。\n", "- 二　国会を召集すること、\n", "P006"),
        ("- 七　栄典を授与すること。\n", "", "P002"),
    ];
    for (from, to, code) in cases {
        let project = constitution();
        project.replace(JA, from, to);
        let found = places(&findings(&project, 1));
        let codes: Vec<(&str, &str)> =
            found.iter().map(|(code, address, _)| (code.as_str(), address.as_str())).collect();
        assert_eq!(codes, [(code, "article-7#2")], "{from:?} → {to:?}");
    }
}
