//! `codepub check --format sarif` as GitHub code scanning reads it. Every SARIF document the
//! suite knows how to produce (the shipped project, its findings without the baseline, a project
//! with findings of every check, `--changed-since`, an input error) is validated against the
//! official SARIF 2.1.0 schema (the `sarif-2.1.0.json` that Microsoft's SARIF Multitool ships in
//! its npm platform package) and by the Multitool itself with GitHub's ingestion rules
//! (`validate --rule-kind "Sarif;Gh"`): no errors, no warnings from the GitHub rules.
//!
//! The validators come from `tests/sarif/package.json` (`npm ci --ignore-scripts` there, then
//! make `Sarif.Multitool` executable; `bash .ci/run` does both). In CI (`CI` set) missing
//! validators fail the tests; elsewhere the validating tests skip with a notice.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{EN, JA, TempProject, git, manifest_dir};
use serde_json::Value;

/// The Multitool's platform package: the program and the schema.
fn platform_package() -> PathBuf {
    manifest_dir().join("tests/sarif/node_modules/@microsoft/sarif-multitool-linux")
}

/// The Multitool program and the official schema, or why they are missing. In CI a missing one
/// fails the calling test.
fn validators() -> Option<(PathBuf, PathBuf)> {
    let package = platform_package();
    let (tool, schema) = (package.join("Sarif.Multitool"), package.join("sarif-2.1.0.json"));
    let missing = if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        Some("the linux-x64 SARIF Multitool (this platform has another)".to_string())
    } else if !schema.is_file() || !tool.is_file() {
        Some(format!("{} (npm ci --ignore-scripts in tests/sarif)", package.display()))
    } else if !is_executable(&tool) {
        Some(format!("an executable {} (chmod u+x)", tool.display()))
    } else {
        None
    };
    match missing {
        Some(missing) => {
            assert!(std::env::var_os("CI").is_none(), "the SARIF tests need {missing}");
            eprintln!("skipping SARIF validation: {missing} is missing; `bash .ci/run` installs it");
            None
        }
        None => Some((tool, schema)),
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o100 != 0)
}

/// Runs `codepub … check --format sarif <args>` on `project`, expecting exit status `code`.
fn sarif(project: &TempProject, args: &[&str], code: i32) -> Value {
    project.json(&[&["check", "--format", "sarif"], args].concat(), code)
}

/// Every SARIF document the suite produces, named.
fn every_sarif_output() -> Vec<(&'static str, Value)> {
    let shipped = TempProject::shipped();
    let broken = TempProject::with_every_check_failing();
    let japanese_ui = {
        let mut command = broken.codepub();
        command.args(["--lang", "ja", "check", "--format", "sarif"]);
        serde_json::from_slice(&command.assert().code(1).get_output().stdout).expect("SARIF")
    };
    let input_error = TempProject::shipped();
    input_error.replace(JA, "理事会決議 11/2023 採択", "理事会決議\r\n11/2023 採択");
    let changed = TempProject::shipped();
    git(changed.root(), &["init", "-q", "-b", "main"]);
    git(changed.root(), &["add", "."]);
    git(changed.root(), &["commit", "-q", "-m", "shipped"]);
    changed.add_a_number_to_the_japanese();
    vec![
        ("shipped, accepted findings suppressed", sarif(&shipped, &[], 0)),
        ("shipped without the baseline", sarif(&shipped, &["--no-baseline"], 1)),
        ("every check failing", sarif(&broken, &[], 1)),
        ("every check failing, warnings denied", sarif(&broken, &["--deny-warnings"], 1)),
        ("every check failing, Japanese messages", japanese_ui),
        ("changed since HEAD", sarif(&changed, &["--changed-since", "HEAD"], 1)),
        ("input error", sarif(&input_error, &[], 2)),
    ]
}

#[test]
fn every_sarif_output_is_valid_against_the_official_schema_and_for_github() {
    let outputs = every_sarif_output();
    let Some((tool, schema)) = validators() else { return };

    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&schema).expect("schema")).expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("the official schema compiles");
    for (name, document) in &outputs {
        let errors: Vec<String> =
            validator.iter_errors(document).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{name}: not valid against sarif-2.1.0.json:\n{}", errors.join("\n"));
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for (i, (name, document)) in outputs.iter().enumerate() {
        let file = dir.path().join(format!("{i}.sarif"));
        std::fs::write(&file, serde_json::to_string_pretty(document).unwrap()).unwrap();
        files.push((file, *name));
    }
    let log = dir.path().join("validation.sarif");
    let output = Command::new(&tool)
        .args(["validate", "--rule-kind", "Sarif;Gh", "--output"])
        .arg(&log)
        .args(files.iter().map(|(file, _)| file))
        // Self-contained .NET: without ICU it runs in invariant mode instead of failing.
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .env("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
        .output()
        .expect("Sarif.Multitool starts");
    let console = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "Sarif.Multitool failed:\n{console}");
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&log).expect("validation log")).expect("JSON");
    let results = log["runs"][0]["results"].as_array().cloned().unwrap_or_default();
    let mut problems = Vec::new();
    for result in &results {
        let rule = result["ruleId"].as_str().unwrap_or_default();
        // SARIF's default level is warning.
        let level = result["level"].as_str().unwrap_or("warning");
        if level == "error" || (level == "warning" && rule.starts_with("GH")) {
            problems.push(format!("{level} {rule}"));
        }
    }
    assert!(problems.is_empty(), "Sarif.Multitool reports {problems:?}:\n{console}");
    assert!(console.contains(&format!("{} files scanned", files.len())), "{console}");
}

#[test]
fn a_project_failing_every_check_yields_a_result_for_every_rule() {
    let project = TempProject::with_every_check_failing();
    let sarif = sarif(&project, &[], 1);
    let run = &sarif["runs"][0];
    let rules: Vec<&str> =
        run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    let results = run["results"].as_array().unwrap();
    // P015 (glyph coverage) needs the fonts of the `pdf` feature: without them it finds nothing.
    for rule in rules.iter().filter(|&&rule| cfg!(feature = "pdf") || rule != "P015") {
        assert!(results.iter().any(|r| r["ruleId"] == *rule && r.get("suppressions").is_none()), "no new {rule}");
    }
    assert_eq!(rules.len(), codepub::check::all_checks().len());
}

/// GitHub code scanning shows `help.markdown` beside an alert: each rule carries the whole
/// explanation of `codepub explain` there, and no link to a page the project may not own.
#[test]
fn rules_have_descriptions_and_their_explanation_inline_without_links() {
    let sarif = sarif(&TempProject::shipped(), &[], 0);
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert!(driver.get("informationUri").is_none(), "{driver}");
    for rule in driver["rules"].as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(!rule[field]["text"].as_str().unwrap_or_default().is_empty(), "{id} lacks {field}");
        }
        assert_ne!(rule["shortDescription"], rule["fullDescription"], "{id}");
        assert!(rule.get("helpUri").is_none(), "{id} links to {}", rule["helpUri"]);
        let explained = project_codepub_explain(id);
        assert_eq!(rule["help"]["markdown"].as_str().unwrap(), explained, "{id}: help.markdown is not the explanation");
    }
}

/// `codepub explain CODE --markdown`, the section body without its heading.
fn project_codepub_explain(code: &str) -> String {
    let output = assert_cmd::Command::cargo_bin("codepub")
        .unwrap()
        .args(["--lang", "en", "explain", code, "--markdown"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let (_heading, body) = text.split_once("\n\n").expect("a heading, then the body");
    body.to_string()
}

#[test]
fn rule_descriptions_follow_the_interface_language() {
    let project = TempProject::shipped();
    let mut command = project.codepub();
    command.args(["--lang", "ja", "check", "--format", "sarif"]);
    let sarif: Value = serde_json::from_slice(&command.assert().code(0).get_output().stdout).unwrap();
    let p007 = &sarif["runs"][0]["tool"]["driver"]["rules"][6];
    assert_eq!(p007["id"], "P007");
    assert_eq!(p007["shortDescription"]["text"], "日本語に半角の句読点がない");
}

#[test]
fn columns_are_unicode_code_points_on_a_japanese_line() {
    let project = TempProject::shipped();
    let sarif = sarif(&project, &["--no-baseline"], 1);
    assert_eq!(sarif["runs"][0]["columnKind"], "unicodeCodePoints");
    // The approval line of the Japanese edition: `(2023年2月23日, 理事会決議 11/2023 採択により承認)`.
    let p007 = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "P007" && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 3)
        .expect("the half-width comma of the approval line");
    let region = &p007["locations"][0]["physicalLocation"]["region"];
    let line = project.read(JA).lines().nth(2).unwrap().to_string();
    let byte = line.find(',').unwrap();
    let code_points = line[..byte].chars().count() as u64;
    assert_eq!(region["startColumn"], code_points + 1);
    assert_eq!(region["endColumn"], code_points + 2);
    assert_ne!(code_points as usize, byte, "the line must hold multi-byte characters");
    let utf16 = line[..byte].encode_utf16().count();
    assert_eq!(utf16 as u64, code_points, "BMP text: UTF-16 readers (GitHub) see the same column");
}

#[test]
fn secondary_labels_are_related_locations_with_ids_that_the_message_links() {
    let project = TempProject::shipped();
    project.add_a_number_to_the_japanese();
    let sarif = sarif(&project, &[], 1);
    let p004 = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "P004").unwrap();
    assert_eq!(p004["locations"].as_array().unwrap().len(), 1);
    assert_eq!(p004["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], JA);
    let related = p004["relatedLocations"].as_array().expect("related locations");
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["id"], 1);
    assert_eq!(related[0]["physicalLocation"]["artifactLocation"]["uri"], EN);
    let text = p004["message"]["text"].as_str().unwrap();
    assert!(text.starts_with("numbers differ"), "{text}");
    assert!(text.contains("(principle-2#4)"), "{text}");
    assert!(text.ends_with("[en: 11 is not here](1)"), "{text}");
    let label = related[0]["message"]["text"].as_str().unwrap();
    assert_eq!(label, "en: 11 is not here");
}

#[test]
fn fingerprints_tell_languages_and_checks_apart_and_are_unique() {
    let project = TempProject::with_every_check_failing();
    let sarif = sarif(&project, &[], 1);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let prints: Vec<&str> =
        results.iter().map(|r| r["partialFingerprints"]["codepubFinding/v1"].as_str().unwrap()).collect();
    let unique: std::collections::HashSet<_> = prints.iter().collect();
    assert_eq!(unique.len(), prints.len(), "{prints:#?}");
    for (result, print) in results.iter().zip(&prints) {
        let lang = result["properties"]["lang"].as_str().unwrap_or("-");
        let address = result["properties"]["address"].as_str().unwrap();
        assert!(print.starts_with(&format!("{}:{lang}:{address}:", result["ruleId"].as_str().unwrap())), "{print}");
    }
    // The unsafe link of the English and of the Japanese paragraph of one pair: two fingerprints.
    assert!(prints.iter().any(|p| p.starts_with("P012:en:principle-1#1:")));
    assert!(prints.iter().any(|p| p.starts_with("P012:ja:principle-1#1:")));
}

#[test]
fn fingerprints_stay_when_lines_above_move() {
    let project = TempProject::shipped();
    project.add_a_number_to_the_japanese();
    let print = |project: &TempProject| {
        let sarif = sarif(project, &[], 1);
        let p004 = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "P004").cloned();
        let p004 = p004.unwrap();
        (p004["partialFingerprints"].clone(), p004["locations"][0]["physicalLocation"]["region"]["startLine"].clone())
    };
    let (before, line_before) = print(&project);
    project.replace(JA, "## a) 序文 {#introduction}\n", "## a) 序文 {#introduction}\n\n\n");
    let (after, line_after) = print(&project);
    assert_eq!(before, after);
    assert_ne!(line_before, line_after);
}

#[test]
fn an_input_error_in_sarif_still_lists_the_rules() {
    let project = TempProject::shipped();
    project.replace(JA, "理事会決議 11/2023 採択", "理事会決議\r\n11/2023 採択");
    let sarif = sarif(&project, &[], 2);
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), codepub::check::all_checks().len());
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    assert_eq!(run["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["id"], "E006");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
}
