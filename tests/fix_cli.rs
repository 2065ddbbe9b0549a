//! `codepub check --fix` and the `fix` of JSON findings, driven through the real binary: the
//! unambiguous punctuation fixes are applied, accepted findings are never touched.

use crate::common;

use common::{JA, TempProject};
use predicates::prelude::*;

const DROPPED_FULL_STOP: (&str, &str) = ("データ保護ポリシーを遵守します。", "データ保護ポリシーを遵守します");
const WESTERN_COMMA: (&str, &str) = ("個人として、私たちは", "個人として，私たちは");
const WESTERN_FULL_STOP: (&str, &str) = ("基盤を提供します。", "基盤を提供します．");

/// A copy of the shipped project with three punctuation slips in the Japanese.
fn project_with_slips() -> TempProject {
    let project = TempProject::shipped();
    for (from, to) in [DROPPED_FULL_STOP, WESTERN_COMMA, WESTERN_FULL_STOP] {
        project.replace(JA, from, to);
    }
    project
}

/// Every file under content/, with its bytes.
fn content(project: &TempProject) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(project.path("content"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn fix_on_the_shipped_project_changes_nothing_and_leaves_accepted_findings_alone() {
    let project = TempProject::shipped();
    let before = content(&project);
    project
        .codepub()
        .args(["check", "--fix"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no fixes applied"))
        .stdout(predicate::str::contains("no errors, no warnings, 11 accepted"));
    project.codepub().args(["check", "--fix", "--no-baseline"]).assert().code(1);
    assert_eq!(content(&project), before);
}

#[test]
fn fix_restores_dropped_and_western_punctuation_and_lists_each_change() {
    let project = project_with_slips();
    project.codepub().arg("check").assert().code(1);
    project
        .codepub()
        .args(["check", "--fix"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("fixed content/ja/10-code.md:74:27: (nothing) → `。`"))
        .stdout(
            predicate::str::contains("fixed content/ja/10-code.md:19:").and(predicate::str::contains("`，` → `、`")),
        )
        .stdout(predicate::str::contains("`．` → `。`"))
        .stdout(predicate::str::contains("3 fixes applied"))
        .stdout(predicate::str::contains("no errors, no warnings, 11 accepted"));
    let shipped = std::fs::read_to_string(common::manifest_dir().join(JA)).unwrap();
    assert_eq!(project.read(JA), shipped);
}

#[test]
fn fix_with_json_output_keeps_standard_output_json_and_lists_changes_on_standard_error() {
    let project = project_with_slips();
    let output = project.codepub().args(["check", "--fix", "--format", "json"]).assert().code(0).get_output().clone();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on standard output");
    assert_eq!(report["summary"]["failed"], false);
    assert!(String::from_utf8(output.stderr).unwrap().contains("3 fixes applied"));
}

#[test]
fn json_findings_carry_the_fix_as_replacement_and_byte_range() {
    let project = project_with_slips();
    let report = project.json(&["check", "--format", "json"], 1);
    let text = project.read(JA);
    let findings = report["findings"].as_array().unwrap();
    let fixes: Vec<&serde_json::Value> =
        findings.iter().filter(|f| f["accepted"] == false).map(|f| &f["fix"]).filter(|f| !f.is_null()).collect();
    assert_eq!(fixes.len(), 3, "{fixes:#?}");
    let insertion = text.find(DROPPED_FULL_STOP.1).unwrap() + DROPPED_FULL_STOP.1.len();
    let comma = text.find('，').unwrap();
    let expected = [(insertion, insertion, "。"), (comma, comma + '，'.len_utf8(), "、")];
    for (start, end, replacement) in expected {
        let fix = fixes.iter().find(|f| f["byte_start"] == start).unwrap_or_else(|| panic!("no fix at {start}"));
        assert_eq!(
            (fix["byte_end"].as_u64().unwrap() as usize, fix["replacement"].as_str().unwrap()),
            (end, replacement)
        );
        assert_eq!(fix["file"], JA);
    }
    let comma_fix = fixes.iter().find(|f| f["byte_start"] == comma).unwrap();
    let line = text[..comma].matches('\n').count() + 1;
    let column = text[..comma].rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!((comma_fix["line"].as_u64(), comma_fix["column"].as_u64()), (Some(line as u64), Some(column as u64)));
}

#[test]
fn accepted_findings_carry_no_fix_in_json() {
    let project = TempProject::shipped();
    let report = project.json(&["check", "--format", "json"], 0);
    let accepted = report["findings"].as_array().unwrap().iter().find(|f| f["excerpt"] == "3日, 理").unwrap();
    assert_eq!(accepted["accepted"], true);
    assert!(accepted["fix"].is_null());
    let report = project.json(&["check", "--format", "json", "--no-baseline"], 1);
    let new = report["findings"].as_array().unwrap().iter().find(|f| f["excerpt"] == "3日, 理").unwrap();
    assert_eq!(new["fix"]["replacement"], "、");
}

#[test]
fn human_output_helps_with_the_exact_replacement() {
    let project = project_with_slips();
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("help: end the Japanese with 。, as the English ends with ."))
        .stdout(predicate::str::contains("help: replace `，` with `、`"))
        .stdout(predicate::str::contains("help: replace ． with 。"));
}
