//! `codepub check` driven through the real binary: exit statuses, the baseline, output formats
//! and the interface language.

use crate::common;

use common::{EN, JA, TempProject};
use predicates::prelude::*;

#[test]
fn shipped_content_passes_with_its_accepted_findings_listed() {
    let project = TempProject::shipped();
    project
        .codepub()
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("accepted by content/accepted.toml"))
        .stdout(predicate::str::contains("P006 principle-4#1 (ja)"))
        .stdout(predicate::str::contains("no errors"));
}

#[test]
fn no_baseline_shows_every_finding_and_fails() {
    let project = TempProject::shipped();
    project
        .codepub()
        .args(["check", "--no-baseline"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[P007]: half-width `,` in Japanese text"))
        .stdout(
            predicate::str::contains("--> content/ja/10-code.md:3:12")
                .or(predicate::str::contains("┌─ content/ja/10-code.md:3:12")),
        );
}

#[test]
fn a_finding_not_in_the_baseline_fails_with_both_source_lines() {
    let project = TempProject::shipped();
    project.add_a_number_to_the_japanese();
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[P004]: numbers differ"))
        .stdout(predicate::str::contains("content/ja/10-code.md:35:1"))
        .stdout(predicate::str::contains("content/en/10-code.md"))
        .stdout(predicate::str::contains("at principle-2#4"));
}

#[test]
fn missing_japanese_paragraph_is_reported_where_it_belongs_and_at_the_english_paragraph() {
    let project = TempProject::shipped();
    project.replace(JA, "私たちは、本機構専用のデータ保護ポリシーを遵守します。\n\n", "");
    let report = project.json(&["check", "--format", "json"], 1);
    let finding = report["findings"].as_array().unwrap().iter().find(|f| f["code"] == "P002").expect("a P002 finding");
    assert_eq!(finding["address"], "principle-7#3");
    assert_eq!((finding["labels"][0]["file"].as_str(), finding["labels"][0]["line"].as_u64()), (Some(JA), Some(73)));
    assert_eq!(finding["labels"][0]["message"], "the Japanese of `principle-7#3` belongs here");
    assert_eq!(finding["labels"][1]["lang"], "en");
    assert_eq!(finding["labels"][1]["file"], EN);
}

#[test]
fn a_japanese_paragraph_missing_mid_clause_is_found_by_length_and_nothing_else_cascades() {
    let project = TempProject::shipped();
    project.replace(JA, "私たちは、議論と討論の完全性を保護し、その性質上機密である情報を開示しません。\n\n", "");
    let report = project.json(&["check", "--format", "json"], 1);
    let failing: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["accepted"] == false && f["code"] != "P013")
        .map(|f| (f["code"].as_str().unwrap().to_string(), f["address"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(failing, [("P002".to_string(), "principle-7#1".to_string())]);
}

#[test]
fn json_output_has_the_documented_fields() {
    let project = TempProject::shipped();
    let report = project.json(&["check", "--format", "json"], 0);
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["failed"], false);
    assert_eq!(report["summary"]["accepted"], 11);
    let first = &report["findings"][0];
    for field in ["code", "check", "severity", "message", "help", "address", "lang", "labels", "accepted", "reason"] {
        assert!(first.get(field).is_some(), "missing field {field}");
    }
    for field in ["file", "line", "column", "end_line", "end_column", "lang"] {
        assert!(first["labels"][0].get(field).is_some(), "missing label field {field}");
    }
}

#[test]
fn sarif_output_is_sarif_2_1_0_with_suppressed_accepted_results() {
    let project = TempProject::shipped();
    let sarif = project.json(&["check", "--format", "sarif"], 0);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "codepub");
    assert!(run["tool"]["driver"]["rules"].as_array().unwrap().iter().any(|r| r["id"] == "P007"));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 11);
    assert!(results.iter().all(|r| r["suppressions"][0]["kind"] == "external"));
    let region = &results[1]["locations"][0]["physicalLocation"]["region"];
    assert!(region["startLine"].as_u64().unwrap() >= 1);
}

#[test]
fn github_format_prints_workflow_annotations_for_new_findings_only() {
    let project = TempProject::shipped();
    project.codepub().args(["check", "--format", "github"]).assert().code(0).stdout(predicate::str::is_empty());
    project.add_a_number_to_the_japanese();
    project
        .codepub()
        .args(["check", "--format", "github"])
        .assert()
        .code(1)
        // P004 points at the number itself: `11` of `11月に`.
        .stdout(predicate::str::starts_with(
            "::error file=content/ja/10-code.md,line=35,col=27,endLine=35,endColumn=29,",
        ))
        .stdout(predicate::str::contains("title=P004 numbers::"));
}

#[test]
fn deny_warnings_fails_on_an_unaccepted_warning() {
    let project = TempProject::shipped();
    project.replace(EN, "We act with honesty, integrity", "We act with honesty,  integrity");
    project.codepub().arg("check").assert().code(0).stdout(predicate::str::contains("warning[P010]: doubled space"));
    project.codepub().args(["check", "--deny-warnings"]).assert().code(1);
}

#[test]
fn stale_baseline_entry_is_reported() {
    let project = TempProject::shipped();
    let baseline = project.read("content/accepted.toml");
    project.write(
        "content/accepted.toml",
        format!("{baseline}\n[[accepted]]\ncheck = \"P004\"\naddress = \"principle-9#1\"\nreason = \"obsolete\"\n"),
    );
    project
        .codepub()
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("baseline entry matches no finding: P004 principle-9#1"))
        .stdout(predicate::str::contains(format!("content/accepted.toml:{}:1", baseline.lines().count() + 2)));
}

#[test]
fn messages_follow_the_lang_option_and_the_environment_locale() {
    let project = TempProject::shipped();
    let mut command = assert_cmd::Command::cargo_bin("codepub").unwrap();
    command
        .arg("--root")
        .arg(project.root())
        .args(["--color", "never", "check", "--no-baseline"])
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("日本語テキスト中に半角の `,` があります"));
    project.codepub().args(["--lang", "ja", "check"]).assert().code(0).stdout(predicate::str::contains("エラー 0 件"));
}

#[test]
fn check_finds_the_project_root_from_a_subfolder() {
    let project = TempProject::shipped();
    let mut command = assert_cmd::Command::cargo_bin("codepub").unwrap();
    command.current_dir(project.path("content/ja")).args(["--color", "never", "check"]).assert().code(0);
}

#[test]
fn usage_errors_exit_with_status_2() {
    let project = TempProject::shipped();
    project.codepub().args(["check", "--format", "xml"]).assert().code(2);
    project.codepub().arg("frobnicate").assert().code(2);
}

#[test]
fn colour_follows_the_color_option() {
    let project = TempProject::shipped();
    project.replace(JA, "理事会決議 11/2023", "理事会決議 12/2023");
    let run = |choice: &str| {
        let mut command = assert_cmd::Command::cargo_bin("codepub").unwrap();
        command.arg("--root").arg(project.root()).args(["--lang", "en", "--color", choice, "check"]);
        String::from_utf8(command.assert().code(1).get_output().stdout.clone()).unwrap()
    };
    assert!(run("always").contains("\u{1b}["));
    assert!(!run("never").contains('\u{1b}'));
    // Not a terminal: `auto` means plain.
    assert!(!run("auto").contains('\u{1b}'));
}

#[test]
fn a_dropped_japanese_paragraph_is_reported_once_and_located_in_both_files() {
    let project = TempProject::shipped();
    // Principle 3, paragraph 2: the case that used to blame paragraph 1 and cascade into P013.
    project.replace(JA, "私たちは、科学的、専門的、またはその他の専門家の意見の多様性と他者を尊重します。\n\n", "");
    let json = project.json(&["check", "--format", "json"], 1);
    let new: Vec<_> = json["findings"].as_array().unwrap().iter().filter(|f| f["accepted"] == false).collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!((new[0]["code"].as_str(), new[0]["address"].as_str()), (Some("P002"), Some("principle-3#2")));
    let places: Vec<_> = new[0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["file"].as_str().unwrap().to_string(), l["line"].as_u64().unwrap()))
        .collect();
    let (ja_line, en_line) = (line_of(&project.read(JA), "私たちはすべての取引において") + 1, 44);
    assert_eq!(places, [(JA.to_string(), ja_line), (EN.to_string(), en_line)]);
    let github = project.codepub().args(["check", "--format", "github"]).assert().code(1).get_output().stdout.clone();
    let github = String::from_utf8(github).unwrap();
    assert!(github.starts_with(&format!("::error file={JA},line={ja_line},")), "{github}");
    assert!(github.contains(&format!("%0A{EN}:{en_line}:1")), "{github}");
}

#[test]
fn a_wrong_digit_in_the_isbn_is_one_finding_at_the_isbn_line() {
    let project = TempProject::shipped();
    project.replace("content/en/90-back-cover.md", "ISBN 978-92-67-11315-9", "ISBN 978-92-67-11315-8");
    let json = project.json(&["check", "--format", "json"], 1);
    let new: Vec<_> = json["findings"].as_array().unwrap().iter().filter(|f| f["accepted"] == false).collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    let label = &new[0]["labels"][0];
    assert_eq!(new[0]["code"], "P014");
    assert_eq!((label["line"].as_u64(), label["column"].as_u64()), (Some(17), Some(6)));
}

/// 1-based line of the first line of `text` starting with `start`.
fn line_of(text: &str, start: &str) -> u64 {
    text.lines().position(|l| l.starts_with(start)).expect("line present") as u64 + 1
}

/// The shipped project with a P004 finding at principle-2#4 (the Japanese says 11月, the English
/// no number); the Japanese changed since it was signed off (P013), which the baseline accepts.
/// Returns the baseline then.
fn with_a_number(project: &TempProject) -> String {
    project.add_a_number_to_the_japanese();
    let baseline = project.read("content/accepted.toml");
    let reviewed = "[[accepted]]\ncheck = \"P013\"\naddress = \"principle-2#4\"\nlang = \"ja\"\nvalues = []\nreason = \"Reviewed.\"\n";
    project.write("content/accepted.toml", format!("{baseline}\n{reviewed}"));
    project.read("content/accepted.toml")
}

/// [`with_a_number`], the number accepted by `entry` appended to the baseline; returns the
/// baseline before.
fn with_an_accepted_number(project: &TempProject, entry: &str) -> String {
    let baseline = with_a_number(project);
    project.write("content/accepted.toml", format!("{baseline}\n{entry}"));
    baseline
}

#[test]
fn an_accepted_finding_that_changes_fails_the_run_as_the_accepted_finding_changed() {
    let project = TempProject::shipped();
    let entry = "[[accepted]]\ncheck = \"P004\"\naddress = \"principle-2#4\"\nlang = \"ja\"\nvalues = [\"11\"]\n\
                 reason = \"As published: the month is the Japanese edition's own.\"\n";
    with_an_accepted_number(&project, entry);
    project.codepub().arg("check").assert().code(0).stdout(predicate::str::contains("P004 principle-2#4 (ja)"));
    // The number changes under the acceptance: a new, real error, not accepted with the old reason.
    project.replace(JA, "、11月に", "、12月に");
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[P004]"))
        .stdout(predicate::str::contains("the accepted finding changed: content/accepted.toml:"))
        .stdout(predicate::str::contains("accepted values = [\"11\"], accepted because “As published: the month"))
        .stdout(predicate::str::contains("now values = [\"12\"]"))
        .stdout(predicate::str::contains("codepub check --accept P004@principle-2#4 --accept-lang ja"))
        .stdout(predicate::str::contains("matches no finding").not());
    let report = project.json(&["check", "--format", "json"], 1);
    let finding = report["findings"].as_array().unwrap().iter().find(|f| f["code"] == "P004").expect("P004");
    assert_eq!(finding["accepted"], false);
    assert_eq!(finding["values"], serde_json::json!(["12"]));
    assert_eq!(finding["changed_acceptance"]["reason"], "As published: the month is the Japanese edition's own.");
}

#[test]
fn accept_writes_a_bound_entry_that_makes_check_pass_and_keeps_the_baseline_as_it_was() {
    let project = TempProject::shipped();
    let shipped = with_a_number(&project);
    project.codepub().arg("check").assert().code(1);
    project
        .codepub()
        .args(["check", "--accept", "P004@principle-2#4", "--reason", "As published."])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "accepted in content/accepted.toml: P004@principle-2#4 (ja) values = [\"11\"]",
        ))
        .stdout(predicate::str::contains("no errors, no warnings, 13 accepted"));
    let written = project.read("content/accepted.toml");
    assert_eq!(
        written,
        format!(
            "{shipped}\n[[accepted]]\ncheck = \"P004\"\naddress = \"principle-2#4\"\nlang = \"ja\"\nvalues = [\"11\"]\n\
             excerpt = \"— | 11\"\nreason = \"As published.\"\n"
        )
    );
    project.codepub().arg("check").assert().code(0);
    // Accepting it again writes nothing.
    project.codepub().args(["check", "--accept", "P004@principle-2#4", "--reason", "Again."]).assert().code(0);
    assert_eq!(project.read("content/accepted.toml"), written);
}

#[test]
fn accept_takes_the_place_of_the_entry_whose_finding_changed() {
    let project = TempProject::shipped();
    let entry = "[[accepted]]\ncheck = \"P004\"\naddress = \"principle-2#4\"\nlang = \"ja\"\nvalues = [\"11\"]\nreason = \"old\"\n";
    let shipped = with_an_accepted_number(&project, entry);
    project.replace(JA, "、11月に", "、12月に");
    project.codepub().args(["check", "--accept", "P004@principle-2#4", "--reason", "new"]).assert().code(0);
    let written = project.read("content/accepted.toml");
    assert!(written.starts_with(&shipped), "{written}");
    assert!(written.contains("values = [\"12\"]") && !written.contains("reason = \"old\""), "{written}");
    assert_eq!(written.matches("[[accepted]]").count(), shipped.matches("[[accepted]]").count() + 1);
}

#[test]
fn accept_refuses_a_finding_that_is_not_there_a_missing_reason_and_an_unsaid_language() {
    let project = TempProject::shipped();
    let shipped = project.read("content/accepted.toml");
    project
        .codepub()
        .args(["check", "--accept", "P004@principle-2#4", "--reason", "As published."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no current finding P004@principle-2#4 to accept"));
    project.add_a_number_to_the_japanese();
    for reason in [&["--reason", "  "][..], &[]] {
        project
            .codepub()
            .args(["check", "--accept", "P004@principle-2#4"])
            .args(reason)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--accept needs a reason"));
    }
    project
        .codepub()
        .args(["check", "--accept", "P004", "--reason", "r"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected CODE@ADDRESS"));
    // P010 fires at principle-5#1 in both languages.
    project
        .codepub()
        .args(["check", "--accept", "P010@principle-5#1", "--reason", "r"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--accept-lang en or --accept-lang ja"));
    assert_eq!(project.read("content/accepted.toml"), shipped, "nothing written");
}

#[test]
fn an_entry_without_values_still_accepts_but_is_warned_about_once_with_the_fix() {
    let project = TempProject::shipped();
    let entry = "[[accepted]]\ncheck = \"P004\"\naddress = \"principle-2#4\"\nreason = \"As published.\"\n";
    let shipped = with_an_accepted_number(&project, entry);
    let line = shipped.lines().count() + 2;
    let output = project.codepub().arg("check").assert().code(0).get_output().stdout.clone();
    let output = String::from_utf8(output).unwrap();
    assert_eq!(output.matches("baseline entry records no values").count(), 1, "{output}");
    assert!(output.contains(&format!("--> content/accepted.toml:{line}:1")), "{output}");
    assert!(output.contains("add `values = [\"11\"]`, `excerpt = \"— | 11\"` to the entry"), "{output}");
    assert!(output.contains("`codepub check --accept P004@principle-2#4 --accept-lang ja --reason \"…\"`"), "{output}");
    assert!(output.contains("no errors, 1 warning, 13 accepted"), "{output}");
    let report = project.json(&["check", "--format", "json"], 0);
    assert_eq!(report["baseline"][0]["problem"], "no-values");
    assert_eq!(report["baseline"][0]["line"], line);
    // With --deny-warnings it fails the run, as warnings do.
    project.codepub().args(["check", "--deny-warnings"]).assert().code(1);
}

#[test]
fn an_entry_that_matches_nothing_is_a_warning_at_its_line_in_every_format() {
    let project = TempProject::shipped();
    let baseline = project.read("content/accepted.toml");
    project.write(
        "content/accepted.toml",
        format!("{baseline}\n[[accepted]]\ncheck = \"P004\"\naddress = \"principle-9#1\"\nvalues = [\"1\"]\nreason = \"obsolete\"\n"),
    );
    let line = baseline.lines().count() + 2;
    project
        .codepub()
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning: baseline entry matches no finding: P004 principle-9#1"))
        .stdout(predicate::str::contains(format!("--> content/accepted.toml:{line}:1")))
        .stdout(predicate::str::contains("help: remove the entry"))
        .stdout(predicate::str::contains("no errors, 1 warning, 11 accepted"));
    let json = project.json(&["check", "--format", "json"], 0);
    assert_eq!(json["unused_baseline"][0]["line"], line);
    let problem = &json["baseline"][0];
    assert_eq!(
        (problem["problem"].as_str(), problem["file"].as_str()),
        (Some("unused"), Some("content/accepted.toml"))
    );
    assert_eq!((problem["line"].as_u64(), problem["severity"].as_str()), (Some(line as u64), Some("warning")));
    let github = project.codepub().args(["check", "--format", "github"]).assert().code(0).get_output().stdout.clone();
    let github = String::from_utf8(github).unwrap();
    assert!(github.contains(&format!("::warning file=content/accepted.toml,line={line},col=1,")), "{github}");
    let gitlab = project.json(&["check", "--format", "gitlab"], 0);
    let issue = gitlab.as_array().unwrap().iter().find(|i| i["check_name"] == "baseline").expect("an issue");
    assert_eq!(issue["location"], serde_json::json!({ "path": "content/accepted.toml", "lines": { "begin": line } }));
    let sarif = project.json(&["check", "--format", "sarif"], 0);
    let notification = &sarif["runs"][0]["invocations"][0]["toolConfigurationNotifications"][0];
    assert_eq!(notification["level"], "warning");
    let location = &notification["locations"][0]["physicalLocation"];
    assert_eq!(
        (location["artifactLocation"]["uri"].as_str(), location["region"]["startLine"].as_u64()),
        (Some("content/accepted.toml"), Some(line as u64))
    );
}

#[test]
fn an_entry_with_the_placeholder_reason_is_warned_about() {
    let project = TempProject::shipped();
    let entry = "[[accepted]]\ncheck = \"P004\"\naddress = \"principle-2#4\"\nlang = \"ja\"\nvalues = [\"11\"]\n\
                 reason = \"TODO: why this finding is accepted\"\n";
    with_an_accepted_number(&project, entry);
    project
        .codepub()
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning: baseline entry gives no reason: P004 principle-2#4"))
        .stdout(predicate::str::contains("no errors, 1 warning, 13 accepted"));
}

/// The new findings of one check in a JSON report.
fn new_findings<'a>(report: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    let findings = report["findings"].as_array().unwrap().iter();
    findings.filter(|f| f["accepted"] == false && f["code"] == code).collect()
}

#[test]
fn an_acronym_dropped_from_the_japanese_is_a_p020_warning_labelled_in_both_files() {
    let project = TempProject::shipped();
    project.replace(JA, "- 事務総長: ISO/CS職員に対して", "- 事務総長: 中央事務局職員に対して");
    // (The edit also makes the paragraph's translation stale: P013, an error.)
    let report = project.json(&["check", "--format", "json"], 1);
    let found = new_findings(&report, "P020");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(
        (found[0]["severity"].as_str(), found[0]["address"].as_str()),
        (Some("warning"), Some("implementation#2"))
    );
    assert_eq!(found[0]["message"], "“ISO/CS” is in the English but not in the Japanese");
    let labels: Vec<_> = (found[0]["labels"].as_array().unwrap().iter())
        .map(|l| (l["file"].as_str().unwrap(), l["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(labels, [(JA, 92), (EN, 95)], "the Japanese list, the acronym in the English");
    project.codepub().args(["check"]).assert().stdout(predicate::str::contains("warning[P020]"));
}

#[test]
fn one_japanese_given_for_two_english_items_is_one_p021_warning_at_the_later_item() {
    let project = TempProject::shipped();
    project.replace(
        JA,
        "- 技術管理評議会: 専門コミュニティおよびリエゾン機関に対して",
        "- 理事会: ISO会員およびガバナンスグループに対して",
    );
    let report = project.json(&["check", "--format", "json", "--no-baseline"], 1);
    let found = new_findings(&report, "P021");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["severity"], "warning");
    assert_eq!(found[0]["address"], "implementation#2");
    let lines: Vec<_> = (found[0]["labels"].as_array().unwrap().iter()).map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [94, 93, 93], "the later item in both languages, then the first English item");
    // The shipped Code, and the Code repeated, translate every text one way.
    let shipped = TempProject::shipped().json(&["check", "--format", "json", "--no-baseline"], 1);
    assert!(new_findings(&shipped, "P021").is_empty() && new_findings(&shipped, "P020").is_empty());
    let long = common::long_project(3).json(&["check", "--format", "json", "--no-baseline"], 1);
    assert!(new_findings(&long, "P021").is_empty(), "{long:#}");
}
