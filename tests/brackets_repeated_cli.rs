//! P018 (unpaired brackets) and P019 (repeated words) through the real binary: the findings on a
//! copy of the shipped project with slips of each kind, and `--fix`, which removes them.

use crate::common;

use common::{EN, JA, TempProject};
use predicates::prelude::*;

const MIXED_BRACKET: (&str, &str) = ("Central Secretariat (ISO/CS).", "Central Secretariat (ISO/CS）.");
const REPEATED_WORD: (&str, &str) = ("We act with honesty", "We act with with honesty");
const DOUBLED_PARTICLE: (&str, &str) = ("ISOの資産に関連して", "ISOの資産にに関連して");
const UNCLOSED_QUOTE: (&str, &str) = ("ISOの資産に関連して", "ISOの「資産に関連して");

#[test]
fn the_shipped_project_has_no_unpaired_bracket_or_repeated_word() {
    let report = TempProject::shipped().json(&["check", "--no-baseline", "--format", "json"], 1);
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["code"] != "P018" && f["code"] != "P019"), "{findings:#?}");
}

#[test]
fn slips_are_reported_as_warnings_at_their_place_and_fixed() {
    let project = TempProject::shipped();
    project.replace(EN, MIXED_BRACKET.0, MIXED_BRACKET.1);
    project.replace(EN, REPEATED_WORD.0, REPEATED_WORD.1);
    project.replace(JA, DOUBLED_PARTICLE.0, DOUBLED_PARTICLE.1);
    project
        .codepub()
        .arg("check")
        .assert()
        .stdout(predicate::str::contains("warning[P018]: `(` is closed by `）`, a bracket of the other width"))
        .stdout(predicate::str::contains("content/en/10-code.md:16:"))
        .stdout(predicate::str::contains("warning[P019]: repeated word: “with with”"))
        .stdout(predicate::str::contains("warning[P019]: doubled particle `にに`"))
        .stdout(predicate::str::contains("content/ja/10-code.md:78:12"));
    project
        .codepub()
        .args(["check", "--fix"])
        .assert()
        .stdout(predicate::str::contains("`）` → `)`"))
        .stdout(predicate::str::contains("3 fixes applied"));
    for file in [EN, JA] {
        let shipped = std::fs::read_to_string(common::manifest_dir().join(file)).unwrap();
        assert_eq!(project.read(file), shipped, "{file}");
    }
    project.codepub().arg("check").assert().code(0);
}

#[test]
fn an_unclosed_quote_is_a_warning_labelled_at_the_quote_without_fix() {
    let project = TempProject::shipped();
    project.replace(JA, UNCLOSED_QUOTE.0, UNCLOSED_QUOTE.1);
    // The edit also makes the Japanese stale (P013, an error).
    let report = project.json(&["check", "--format", "json"], 1);
    let finding = report["findings"].as_array().unwrap().iter().find(|f| f["code"] == "P018").expect("a P018");
    assert_eq!((finding["severity"].as_str(), finding["lang"].as_str()), (Some("warning"), Some("ja")));
    assert_eq!((finding["labels"][0]["line"].as_u64(), finding["labels"][0]["column"].as_u64()), (Some(78), Some(10)));
    assert!(finding["fix"].is_null(), "{finding:#}");
}
