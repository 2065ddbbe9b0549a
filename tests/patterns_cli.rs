//! P024 (the project's own patterns) and P023 (English left in the Japanese) through the real
//! binary: a rule in codepub.toml reported at its match with its own message and severity, fixed
//! by `--fix`, accepted one match at a time, and bad rules reported on codepub.toml.

use crate::common;

use common::{JA, TempProject};
use predicates::prelude::*;

const KANA_RULE: &str = "\n[[check.patterns]]\nlang = \"ja\"\npattern = \"下さい\"\n\
                         message = { en = \"write ください in kana\", ja = \"「ください」はかなで書く\" }\n\
                         replace = \"ください\"\nname = \"kana-kudasai\"\n";
const KANJI_SLIP: (&str, &str) =
    ("その性質上機密である情報を開示しません。", "その性質上機密である情報を開示しないで下さい。");

fn with_config(project: &TempProject, extra: &str) {
    let config = project.read("codepub.toml");
    project.write("codepub.toml", format!("{config}{extra}"));
}

#[test]
fn a_match_is_reported_with_the_rules_message_in_each_ui_language_and_fixed() {
    let project = TempProject::shipped();
    with_config(&project, KANA_RULE);
    project.codepub().arg("check").assert().code(0);
    project.replace(JA, KANJI_SLIP.0, KANJI_SLIP.1);
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[P024]: write ください in kana (kana-kudasai): “下さい”"))
        .stdout(predicate::str::contains("content/ja/10-code.md:70:"));
    let mut japanese = project.codepub();
    japanese.args(["--lang", "ja", "check"]);
    japanese.assert().code(1).stdout(predicate::str::contains("「ください」はかなで書く（kana-kudasai）：「下さい」"));
    project.codepub().args(["check", "--fix"]).assert().stdout(predicate::str::contains("1 fix applied"));
    let shipped = std::fs::read_to_string(common::manifest_dir().join(JA)).unwrap();
    assert_eq!(project.read(JA), shipped.replace(KANJI_SLIP.0, &KANJI_SLIP.1.replace("下さい", "ください")));
    // The edit leaves the Japanese stale (P013), but no P024.
    let report = project.json(&["check", "--format", "json"], 1);
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f["code"] != "P024"), "{report:#}");
}

#[test]
fn a_warning_rule_does_not_fail_the_run_and_one_match_is_accepted_at_one_address() {
    let project = TempProject::shipped();
    with_config(
        &project,
        "\n[[check.patterns]]\nlang = \"ja\"\npattern = \"透明性\"\nmessage = \"m\"\nseverity = \"warning\"\n",
    );
    let report = project.json(&["check", "--format", "json"], 0);
    let found: Vec<&serde_json::Value> =
        report["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "P024").collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().all(|f| f["severity"] == "warning" && f["values"] == serde_json::json!(["透明性", "透明性"])));
    // The same rule as an error: each match fails the run until accepted, one at a time.
    project.replace("codepub.toml", "severity = \"warning\"\n", "");
    let address = found[0]["address"].as_str().unwrap().to_string();
    project.codepub().args(["check", "--accept", &format!("P024@{address}"), "--reason", "Ours."]).assert().code(1);
    let report = project.json(&["check", "--format", "json"], 1);
    let left: Vec<&serde_json::Value> = (report["findings"].as_array().unwrap().iter())
        .filter(|f| f["code"] == "P024" && f["accepted"] == false)
        .collect();
    assert_eq!(left.len(), 2);
    assert!(left.iter().all(|f| f["address"] != address.as_str()));
}

#[test]
fn an_invalid_pattern_is_a_finding_on_codepub_toml_and_a_bad_severity_an_input_error_at_its_line() {
    let project = TempProject::shipped();
    with_config(&project, "\n[[check.patterns]]\nlang = \"ja\"\npattern = \"下(さい\"\nmessage = \"m\"\n");
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[P024]: `check.patterns` pattern 下(さい is not a valid regular expression",
        ))
        .stdout(predicate::str::contains("panicked").not());
    project.replace("codepub.toml", "message = \"m\"\n", "message = \"m\"\nseverity = \"fatal\"\n");
    let line = project.read("codepub.toml").lines().position(|l| l == "severity = \"fatal\"").unwrap() + 1;
    project
        .codepub()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E007]"))
        .stderr(predicate::str::contains(format!("--> codepub.toml:{line}:")));
}

#[test]
fn an_english_sentence_pasted_into_the_japanese_is_a_p023_warning_labelled_in_both_files() {
    let project = TempProject::shipped();
    let report = project.json(&["check", "--no-baseline", "--format", "json"], 1);
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f["code"] != "P023"), "none in the shipped Code");
    project.replace(
        JA,
        "それらは直ちに開示され、適切なメカニズムを通じて対処されるものとします。",
        "they shall immediately be disclosed and addressed through the appropriate mechanisms。",
    );
    let report = project.json(&["check", "--format", "json"], 1);
    let found: Vec<&serde_json::Value> =
        report["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "P023").collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["severity"], "warning");
    let files: Vec<&str> = found[0]["labels"].as_array().unwrap().iter().map(|l| l["file"].as_str().unwrap()).collect();
    assert_eq!(files, [JA, common::EN]);
}
