//! The translator's loop through the real binary: edit English → `check` flags the stale
//! Japanese → translate → `sign-off` → `check` passes; and `status` tells where things stand.

use crate::common;

use common::{EN, JA, TempProject};
use predicates::prelude::*;
use serde_json::Value;

const OLD: &str = "We comply with the organization's dedicated data protection policies.";
const NEW: &str = "We comply with the organization's dedicated data protection and privacy policies.";

fn status(project: &TempProject) -> Value {
    project.json(&["status", "--format", "json"], 0)
}

fn clause<'v>(status: &'v Value, id: &str) -> &'v Value {
    status["clauses"].as_array().unwrap().iter().find(|c| c["clause"] == id).unwrap()
}

#[test]
fn changed_english_flags_the_japanese_as_stale_until_signed_off() {
    let project = TempProject::shipped();
    project.replace(EN, OLD, NEW);
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[P013]: English changed since the Japanese was signed off"))
        .stdout(predicate::str::contains(format!("English when signed off: {OLD}")))
        .stdout(predicate::str::contains(format!("English now: {NEW}")))
        .stdout(predicate::str::contains("at principle-7#3"))
        .stdout(predicate::str::contains("codepub sign-off principle-7"));
    assert_eq!(clause(&status(&project), "principle-7")["stale"], 1);

    project.replace(JA, "データ保護ポリシー", "データ保護およびプライバシーポリシー");
    project
        .codepub()
        .args(["sign-off", "principle-7"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("signed off 1"));
    project.codepub().arg("check").assert().code(0);
    assert_eq!(clause(&status(&project), "principle-7")["current"], 4);
}

#[test]
fn changed_japanese_alone_is_reported_as_a_japanese_first_edit() {
    let project = TempProject::shipped();
    project.replace(JA, "データ保護ポリシー", "データ保護方針");
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[P013]: Japanese changed since it was signed off against this English"));
}

#[test]
fn a_new_pair_is_unsigned_until_signed_off() {
    let project = TempProject::shipped();
    project.replace(EN, "\n### 8. Protect ISO assets", "\nWe keep records.\n\n### 8. Protect ISO assets");
    project.replace(JA, "\n### 8. ISO資産の保護", "\n私たちは記録を保管します。\n\n### 8. ISO資産の保護");
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("translation has never been signed off"));
    assert_eq!(clause(&status(&project), "principle-7")["unsigned"], 1);
    project.codepub().arg("sign-off").assert().code(0);
    project.codepub().arg("check").assert().code(0);
}

#[test]
fn sign_off_of_one_clause_leaves_the_others_stale() {
    let project = TempProject::shipped();
    project.replace(EN, OLD, NEW);
    project.replace(EN, "We act with honesty, integrity", "We act with full honesty, integrity");
    project.codepub().args(["sign-off", "principle-3"]).assert().code(0);
    let status = status(&project);
    assert_eq!(clause(&status, "principle-3")["stale"], 0);
    assert_eq!(clause(&status, "principle-7")["stale"], 1);
}

#[test]
fn signing_off_an_unknown_clause_is_an_error() {
    let project = TempProject::shipped();
    project
        .codepub()
        .args(["sign-off", "principle-99"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no clause `principle-99` in the sources"));
}

#[test]
fn status_table_lists_every_clause_with_totals() {
    let project = TempProject::shipped();
    project
        .codepub()
        .arg("status")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("clause"))
        .stdout(predicate::str::is_match(r"principle-10\s+2\s+2\s+0\s+0\s+0").unwrap())
        .stdout(predicate::str::is_match(r"total\s+45\s+45\s+0\s+0\s+0").unwrap());
}

#[test]
fn without_a_record_status_says_how_to_start_one() {
    let project = TempProject::shipped();
    std::fs::remove_file(project.path("content/translations.lock")).unwrap();
    project.codepub().arg("status").assert().code(0).stdout(predicate::str::contains("no translation record yet"));
    project.codepub().arg("check").assert().code(0);
}
