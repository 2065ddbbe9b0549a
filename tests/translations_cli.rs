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
        .stdout(predicate::str::contains(
            "error[P013]: source changed: English changed since the Japanese was signed off",
        ))
        .stdout(predicate::str::contains(format!("English when signed off: {OLD}")))
        .stdout(predicate::str::contains(format!("English now: {NEW}")))
        .stdout(predicate::str::contains("at principle-7#3"))
        .stdout(predicate::str::contains("codepub sign-off principle-7"));
    assert_eq!(clause(&status(&project), "principle-7")["stale"], 1);

    project.replace(JA, "データ保護ポリシー", "データ保護およびプライバシーポリシー");
    project
        .codepub()
        .args(["sign-off", "principle-7", "--by", "Aiko Tanaka"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("signed off 1"));
    project.codepub().arg("check").assert().code(0);
    assert_eq!(clause(&status(&project), "principle-7")["current"], 4);
}

#[test]
fn changed_japanese_alone_is_a_translation_awaiting_review() {
    let project = TempProject::shipped();
    project.replace(JA, "データ保護ポリシー", "データ保護方針");
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[P013]: translation updated, awaiting review: Japanese changed since it was signed off against this English",
        ));
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
    project.codepub().args(["sign-off", "--by", "Aiko Tanaka"]).assert().code(0);
    project.codepub().arg("check").assert().code(0);
}

#[test]
fn sign_off_of_one_clause_leaves_the_others_stale() {
    let project = TempProject::shipped();
    project.replace(EN, OLD, NEW);
    project.replace(EN, "We act with honesty, integrity", "We act with full honesty, integrity");
    project.codepub().args(["sign-off", "principle-3", "--by", "Aiko Tanaka"]).assert().code(0);
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

/// Signs off every clause as `Aiko Tanaka` at a fixed time: a record of the current format.
fn sign_off_all(project: &TempProject) {
    project
        .codepub()
        .args(["sign-off", "--by", "Aiko Tanaka"])
        .env("CODEPUB_NOW", "2026-03-01T09:30:00Z")
        .assert()
        .code(0);
}

/// The entry of `status --format json`'s `pairs` at `address`.
fn pair<'v>(status: &'v Value, address: &str) -> &'v Value {
    status["pairs"].as_array().unwrap().iter().find(|p| p["address"] == address).unwrap_or_else(|| panic!("{address}"))
}

#[test]
fn sign_off_is_refused_over_a_p004_error_and_writes_nothing() {
    let project = TempProject::shipped();
    project.add_a_number_to_the_japanese();
    let before = project.read("content/translations.lock");
    project
        .codepub()
        .args(["sign-off", "principle-2", "--by", "Aiko Tanaka"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("sign-off refused: one error other than P013"))
        .stderr(predicate::str::contains("P004 at principle-2#4: numbers differ: 11 only in Japanese"))
        .stderr(predicate::str::contains("--force --reason"));
    assert_eq!(project.read("content/translations.lock"), before);
    // Another clause, without errors, signs off.
    project.codepub().args(["sign-off", "principle-3", "--by", "Aiko Tanaka"]).assert().code(0);
}

#[test]
fn sign_off_with_force_and_reason_records_the_reason() {
    let project = TempProject::shipped();
    project.add_a_number_to_the_japanese();
    project.codepub().args(["sign-off", "principle-2", "--by", "Aiko Tanaka", "--force"]).assert().code(2);
    project
        .codepub()
        .args([
            "sign-off",
            "principle-2",
            "--by",
            "Aiko Tanaka",
            "--force",
            "--reason",
            "November is the Japanese term",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("signed off 1"));
    let lock = project.read("content/translations.lock");
    assert!(lock.contains("reason = \"November is the Japanese term\""), "{lock}");
    let status = status(&project);
    assert_eq!(pair(&status, "principle-2#4")["state"], "current");
    assert_eq!(pair(&status, "principle-2#4")["signed_off"]["reason"], "November is the Japanese term");
}

#[test]
fn sign_off_records_the_name_given_with_by_the_time_a_note_and_both_texts() {
    let project = TempProject::shipped();
    project.replace(EN, OLD, NEW);
    project
        .codepub()
        .args(["sign-off", "principle-7", "--by", "Aiko Tanaka", "--note", "checked with legal"])
        .env("CODEPUB_NOW", "1772357400")
        .assert()
        .code(0);
    let lock = project.read("content/translations.lock");
    assert!(lock.starts_with("# Translation record") && lock.contains("version = 2"), "{lock}");
    let entry = lock.split("[[pair]]").find(|e| e.contains("address = \"principle-7#3\"")).unwrap();
    for line in [
        "by = \"Aiko Tanaka\"",
        "at = \"2026-03-01T09:30:00Z\"",
        &format!("english = \"{NEW}\""),
        "japanese = \"私たちは、本機構専用のデータ保護ポリシーを遵守します。\"",
        "note = \"checked with legal\"",
    ] {
        assert!(entry.contains(line), "{line} not in {entry}");
    }
    // Pairs of the other clauses keep their version 1 entries, and the record still reads.
    assert!(!lock.split("[[pair]]").find(|e| e.contains("principle-3#1")).unwrap().contains("by ="));
    project.codepub().arg("check").assert().code(0);
}

#[test]
fn sign_off_defaults_to_the_git_user_name_then_to_user_and_else_asks_for_by() {
    let home = tempfile::tempdir().unwrap();
    let isolated = |project: &TempProject| {
        let mut command = project.codepub();
        command.env("HOME", home.path()).env("XDG_CONFIG_HOME", home.path()).env("GIT_CONFIG_NOSYSTEM", "1");
        command
    };
    let project = TempProject::shipped();
    project.replace(EN, OLD, NEW);
    isolated(&project)
        .args(["sign-off", "principle-7"])
        .env_remove("USER")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --by NAME"));
    isolated(&project).args(["sign-off", "principle-7"]).env("USER", "yuki").assert().code(0);
    assert!(project.read("content/translations.lock").contains("by = \"yuki\""));

    project.replace(EN, NEW, OLD);
    common::git(project.root(), &["init", "-q"]);
    common::git(project.root(), &["config", "user.name", "Kenji Sato"]);
    isolated(&project).args(["sign-off", "principle-7"]).env("USER", "yuki").assert().code(0);
    assert!(project.read("content/translations.lock").contains("by = \"Kenji Sato\""));
}

#[test]
fn status_names_the_five_states_with_who_and_when_in_text_and_json() {
    let project = TempProject::shipped();
    sign_off_all(&project);
    // Source changed: the English of principle-7#3.
    project.replace(EN, OLD, NEW);
    // Translation updated, awaiting review: both languages of principle-3#1.
    project.replace(EN, "We act with honesty, integrity", "We act with full honesty, integrity");
    project.replace(JA, "正直さ、誠実さ", "完全な正直さ、誠実さ");
    // Never signed off: a paragraph added in both languages.
    project.replace(EN, "\n### 8. Protect ISO assets", "\nWe keep records.\n\n### 8. Protect ISO assets");
    project.replace(JA, "\n### 8. ISO資産の保護", "\n私たちは記録を保管します。\n\n### 8. ISO資産の保護");
    // Missing: a closing paragraph in English only.
    let en = project.read(EN);
    project.write(EN, format!("{}\n\nThis paragraph is in English only.\n", en.trim_end()));

    let json = status(&project);
    assert_eq!(pair(&json, "principle-7#3")["state"], "source-changed");
    assert_eq!(pair(&json, "principle-3#1")["state"], "translation-updated");
    assert_eq!(pair(&json, "principle-7#4")["state"], "unsigned");
    assert_eq!(pair(&json, "principle-2#1")["state"], "current");
    let missing: Vec<&Value> = json["pairs"].as_array().unwrap().iter().filter(|p| p["state"] == "missing").collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    for address in ["principle-7#3", "principle-3#1", "principle-2#1"] {
        assert_eq!(pair(&json, address)["signed_off"]["by"], "Aiko Tanaka");
        assert_eq!(pair(&json, address)["signed_off"]["at"], "2026-03-01T09:30:00Z");
    }
    assert_eq!(pair(&json, "principle-7#4")["signed_off"], Value::Null);
    let row = clause(&json, "principle-7");
    assert_eq!((row["source_changed"].as_u64(), row["unsigned"].as_u64()), (Some(1), Some(1)));
    assert_eq!(clause(&json, "principle-3")["awaiting_review"], 1);
    assert_eq!(row["signed_off"]["by"], "Aiko Tanaka");

    let human = project.codepub().arg("status").assert().code(0).get_output().stdout.clone();
    // Columns are padded: compared with single spaces.
    let human = String::from_utf8(human).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "last signed off",
        "Aiko Tanaka 2026-03-01T09:30:00Z",
        "principle-7#3 source changed (English changed, Japanese not yet) (signed off by Aiko Tanaka 2026-03-01T09:30:00Z)",
        "principle-3#1 translation updated, awaiting review (signed off by Aiko Tanaka",
        "principle-7#4 never signed off",
        "missing in one language",
    ] {
        assert!(human.contains(expected), "{expected:?} not in\n{human}");
    }
    assert!(!human.contains("principle-2#1 "), "{human}");
}

#[test]
fn status_explain_shows_the_english_word_diff_and_the_japanese_as_signed_off() {
    let project = TempProject::shipped();
    sign_off_all(&project);
    project.replace(EN, OLD, NEW);
    let changes = "We comply with the organization's dedicated data protection {+and privacy+} policies.";
    let japanese = "私たちは、本機構専用のデータ保護ポリシーを遵守します。";
    project
        .codepub()
        .args(["status", "--explain"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!("English changes since sign-off: {changes}")))
        .stdout(predicate::str::contains(format!("Japanese as signed off: {japanese}")));
    project.codepub().arg("status").assert().code(0).stdout(predicate::str::contains("English changes").not());
    let json = status(&project);
    assert_eq!(pair(&json, "principle-7#3")["english_changes"], changes);
    assert_eq!(pair(&json, "principle-7#3")["japanese_then"], japanese);
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!("English changes since sign-off: {changes}")))
        .stdout(predicate::str::contains(format!("Japanese as signed off: {japanese}")))
        .stdout(predicate::str::contains("last signed off by Aiko Tanaka at 2026-03-01T09:30:00Z"));
}
