//! The gate where translators' CI runs: `--format gitlab`, `--changed-since`, `--deny-warnings`,
//! and the recipes of `examples/ci/` and `.pre-commit-hooks.yaml`, whose `codepub` commands are
//! run as written, through the real binary, on copies of the shipped project.

use crate::common;

use std::collections::HashSet;
use std::path::Path;

use common::{EN, JA, TempProject, git, manifest_dir};
use predicates::prelude::*;
use serde_json::Value;
use serde_yaml::Value as Yaml;

/// Checks a GitLab Code Quality report against GitLab's documented fields; returns its issues.
fn assert_code_quality_report(report: &Value) -> Vec<Value> {
    let issues = report.as_array().expect("a Code Quality report is a JSON array");
    let mut prints = HashSet::new();
    for issue in issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[field].as_str().is_some_and(|s| !s.is_empty()), "{field} in {issue}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&issue["severity"].as_str().unwrap()));
        assert!(issue["location"]["path"].as_str().is_some_and(|p| !p.is_empty() && !p.starts_with('/')));
        assert!(issue["location"]["lines"]["begin"].as_u64().is_some_and(|line| line >= 1), "{issue}");
        assert!(prints.insert(issue["fingerprint"].as_str().unwrap().to_string()), "duplicate fingerprint {issue}");
    }
    issues.clone()
}

// --- --format gitlab -------------------------------------------------------------------------

#[test]
fn gitlab_report_of_the_shipped_project_is_empty_since_its_findings_are_accepted() {
    let report = TempProject::shipped().json(&["check", "--format", "gitlab"], 0);
    assert_eq!(report, serde_json::json!([]));
}

#[test]
fn gitlab_report_lists_every_new_finding_with_the_documented_fields() {
    let project = TempProject::with_every_check_failing();
    let issues = assert_code_quality_report(&project.json(&["check", "--format", "gitlab"], 1));
    let all = project.json(&["check", "--format", "json"], 1);
    let new = all["findings"].as_array().unwrap().iter().filter(|f| f["accepted"] == false).count();
    assert_eq!(issues.len(), new, "accepted findings are left out, every new one is in");
    let p004 = issues.iter().find(|i| i["check_name"] == "P004").expect("P004");
    assert_eq!(p004["severity"], "major");
    assert_eq!(p004["location"]["path"], JA);
    assert_eq!(p004["location"]["lines"]["begin"], 35);
    assert!(p004["description"].as_str().unwrap().starts_with("P004 numbers: numbers differ"));
    let p010 = issues.iter().find(|i| i["check_name"] == "P010").expect("P010");
    assert_eq!(p010["severity"], "minor", "warnings are minor");
    let codes: HashSet<&str> = issues.iter().map(|i| i["check_name"].as_str().unwrap()).collect();
    // P015 (glyph coverage) needs the fonts of the `pdf` feature.
    let all = codepub::check::all_checks().len();
    assert_eq!(codes.len(), if cfg!(feature = "pdf") { all } else { all - 1 }, "{codes:?}");
}

#[test]
fn gitlab_fingerprints_stay_when_lines_above_move() {
    let project = TempProject::shipped();
    project.add_a_number_to_the_japanese();
    let issues = |project: &TempProject| assert_code_quality_report(&project.json(&["check", "--format", "gitlab"], 1));
    let before = issues(&project);
    project.replace(JA, "## a) 序文 {#introduction}\n", "## a) 序文 {#introduction}\n\n\n");
    let after = issues(&project);
    let print = |issues: &[Value]| issues.iter().map(|i| i["fingerprint"].clone()).collect::<Vec<_>>();
    assert_eq!(print(&before), print(&after));
    assert_ne!(before[0]["location"]["lines"]["begin"], after[0]["location"]["lines"]["begin"]);
}

#[test]
fn gitlab_report_of_bad_input_is_one_blocker_at_the_file() {
    let project = TempProject::shipped();
    project.replace(JA, "理事会決議 11/2023 採択", "理事会決議\r\n11/2023 採択");
    let issues = assert_code_quality_report(&project.json(&["check", "--format", "gitlab"], 2));
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0]["check_name"], "E006");
    assert_eq!(issues[0]["severity"], "blocker");
    assert_eq!(issues[0]["location"]["path"], JA);
    assert_eq!(issues[0]["location"]["lines"]["begin"], 3);
}

// --- --changed-since -------------------------------------------------------------------------

/// A repository whose commit already has a half-width parenthesis in principle 8 (P007) and a
/// revised English principle 3 (stale: P013); the work tree then adds a number to the Japanese of
/// principle 2 (P004).
fn repository_with_a_change_to_principle_2() -> TempProject {
    let project = TempProject::shipped();
    project.replace(JA, "ISOの資産に関連して", "ISOの資産(財産)に関連して");
    project.replace(EN, "We act with honesty", "We act with complete honesty");
    git(project.root(), &["init", "-q", "-b", "main"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "base"]);
    project.add_a_number_to_the_japanese();
    project
}

fn new_findings(report: &Value) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["accepted"] == false)
        .map(|f| (f["code"].as_str().unwrap().to_string(), f["address"].as_str().unwrap().to_string()))
        .collect();
    found.sort();
    found
}

fn pair(code: &str, address: &str) -> (String, String) {
    (code.to_string(), address.to_string())
}

#[test]
fn changed_since_limits_findings_to_changed_clauses_but_keeps_stale_translations() {
    let project = repository_with_a_change_to_principle_2();
    let everything = new_findings(&project.json(&["check", "--format", "json"], 1));
    assert!(everything.contains(&pair("P007", "principle-8#1")), "{everything:?}");
    let changed = new_findings(&project.json(&["check", "--format", "json", "--changed-since", "HEAD"], 1));
    assert!(changed.contains(&pair("P004", "principle-2#4")), "{changed:?}");
    assert!(changed.contains(&pair("P013", "principle-3#1")), "P013 is reported everywhere: {changed:?}");
    assert!(!changed.contains(&pair("P007", "principle-8#1")), "{changed:?}");
    assert!(changed.iter().all(|(code, address)| code == "P013" || address.starts_with("principle-2")), "{changed:?}");
}

#[test]
fn changed_since_a_revision_with_the_same_text_reports_only_stale_translations() {
    let project = repository_with_a_change_to_principle_2();
    git(project.root(), &["commit", "-q", "-am", "principle 2"]);
    let changed = new_findings(&project.json(&["check", "--format", "json", "--changed-since", "main"], 1));
    assert!(changed.iter().all(|(code, _)| code == "P013"), "{changed:?}");
    // Against the commit before, principle 2 changed again.
    let changed = new_findings(&project.json(&["check", "--format", "json", "--changed-since", "HEAD~1"], 1));
    assert!(changed.contains(&pair("P004", "principle-2#4")), "{changed:?}");
}

#[test]
fn changed_since_applies_to_every_format() {
    let project = repository_with_a_change_to_principle_2();
    project
        .codepub()
        .args(["check", "--format", "github", "--changed-since", "HEAD"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("title=P007").not())
        .stdout(predicate::str::contains("title=P004 numbers"));
    let report = project.json(&["check", "--format", "gitlab", "--changed-since", "HEAD"], 1);
    let issues = assert_code_quality_report(&report);
    assert!(issues.iter().all(|i| i["check_name"] != "P007"), "{issues:?}");
    let sarif = project.json(&["check", "--format", "sarif", "--changed-since", "HEAD"], 1);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r["ruleId"] != "P007"));
}

#[test]
fn changed_since_an_unknown_revision_exits_2_with_a_clear_error() {
    let project = repository_with_a_change_to_principle_2();
    project
        .codepub()
        .args(["check", "--changed-since", "no-such-branch"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("error[E012]"))
        .stderr(predicate::str::contains("unknown revision `no-such-branch`"));
    let sarif = project.json(&["check", "--format", "sarif", "--changed-since", "no-such-branch"], 2);
    let notification = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(notification["descriptor"]["id"], "E012");
}

#[test]
fn changed_since_outside_a_git_repository_exits_2() {
    let project = TempProject::shipped();
    project
        .codepub()
        .args(["check", "--changed-since", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a git repository"));
}

// --- --deny-warnings -------------------------------------------------------------------------

#[test]
fn deny_warnings_turns_warnings_into_errors_in_every_format() {
    let project = TempProject::shipped();
    project.replace(EN, "We act with honesty, integrity", "We act with honesty,  integrity");
    let report = project.json(&["check", "--format", "json"], 0);
    assert_eq!(report["summary"]["warnings"], 1);
    let report = project.json(&["check", "--format", "json", "--deny-warnings"], 1);
    assert_eq!(report["summary"]["warnings"], 0);
    assert_eq!(report["summary"]["errors"], 1);
    let issues = assert_code_quality_report(&project.json(&["check", "--format", "gitlab", "--deny-warnings"], 1));
    assert_eq!(issues[0]["severity"], "major");
    project
        .codepub()
        .args(["check", "--format", "github", "--deny-warnings"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("::error "));
}

// --- recipes ---------------------------------------------------------------------------------

fn yaml(relative: &str) -> Yaml {
    let text = std::fs::read_to_string(manifest_dir().join(relative)).expect("recipe");
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{relative} is not YAML: {e}"))
}

/// The `codepub …` lines of a shell script.
fn codepub_lines(script: &str) -> Vec<String> {
    script.lines().map(str::trim).filter(|line| line.starts_with("codepub ")).map(str::to_string).collect()
}

/// Runs one recipe line with `sh` in `dir`, the built codepub first on PATH; returns the exit
/// status and standard output.
fn run_line(dir: &Path, line: &str, env: &[(String, String)]) -> (i32, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_codepub")).parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let output = std::process::Command::new("sh")
        .args(["-c", line])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.code().is_some(), "{line}: killed; {stderr}");
    (output.status.code().unwrap(), String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A copy of the shipped project in a git repository (so `--changed-since` has a base).
fn project_in_git() -> TempProject {
    let project = TempProject::shipped();
    git(project.root(), &["init", "-q", "-b", "main"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "shipped"]);
    project
}

/// Checks what a recipe line wrote: SARIF, a Code Quality report or annotations.
fn assert_output_format(project: &TempProject, line: &str, stdout: &str) {
    if let Some((_, file)) = line.split_once('>') {
        let text = project.read(file.trim());
        let document: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{line}: {e}"));
        if line.contains("--format sarif") {
            assert_eq!(document["version"], "2.1.0", "{line}");
            assert!(document["runs"][0]["results"].is_array(), "{line}");
        } else if line.contains("--format gitlab") {
            assert_code_quality_report(&document);
        } else {
            panic!("{line}: an unexpected output file");
        }
    } else if line.contains("--format github") {
        assert!(stdout.lines().all(|l| l.starts_with("::error ") || l.starts_with("::warning ")), "{stdout}");
    }
}

/// Runs every `(env, line)` of a recipe on the shipped project (each succeeds) and on one with a
/// new finding (each fails with status 1), checking the outputs.
fn run_recipe(name: &str, lines: &[(Vec<(String, String)>, String)]) {
    assert!(!lines.is_empty(), "{name} runs no codepub command");
    let shipped = project_in_git();
    for (env, line) in lines {
        let (status, stdout) = run_line(shipped.root(), line, env);
        assert_eq!(status, 0, "{name}: `{line}` on the shipped project:\n{stdout}");
        assert_output_format(&shipped, line, &stdout);
    }
    let broken = project_in_git();
    broken.add_a_number_to_the_japanese();
    for (env, line) in lines {
        let (status, stdout) = run_line(broken.root(), line, env);
        assert_eq!(status, 1, "{name}: `{line}` with a new finding:\n{stdout}");
        assert_output_format(&broken, line, &stdout);
        if line.contains("--format github") {
            assert!(stdout.contains("title=P004 numbers"), "{stdout}");
        }
    }
}

/// The workflow runs the codepub action (its steps are run by tests/action.rs) with the history
/// `--changed-since` needs and the permission the SARIF upload needs.
#[test]
fn github_workflow_runs_the_codepub_action_with_full_history_and_sarif_permission() {
    let workflow = yaml("examples/ci/github-actions.yml");
    let steps = workflow["jobs"]["parity"]["steps"].as_sequence().expect("steps");
    let checkout = steps.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/checkout@")));
    assert_eq!(checkout.expect("a checkout step")["with"]["fetch-depth"], 0, "the base revision is fetched");
    let codepub = steps.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("OWNER/codepub@")));
    let codepub = codepub.expect("the codepub action");
    let action = yaml("action.yml");
    for (name, _) in codepub["with"].as_mapping().into_iter().flatten() {
        assert!(!action["inputs"][name.as_str().unwrap()].is_null(), "the action has no input {name:?}");
    }
    assert_eq!(workflow["permissions"]["security-events"], "write");
}

#[test]
fn gitlab_job_writes_a_code_quality_report_and_its_commands_run() {
    let pipeline = yaml("examples/ci/gitlab-ci.yml");
    let job = &pipeline["codepub"];
    let report = job["artifacts"]["reports"]["codequality"].as_str().expect("a codequality report");
    assert_eq!(job["artifacts"]["when"], "always");
    let mut lines = Vec::new();
    for key in ["script", "after_script"] {
        for entry in job[key].as_sequence().into_iter().flatten() {
            lines.extend(codepub_lines(entry.as_str().unwrap()).into_iter().map(|line| (Vec::new(), line)));
        }
    }
    assert!(lines.iter().any(|(_, l)| l.contains("--format gitlab") && l.ends_with(&format!("> {report}"))));
    run_recipe("gitlab-ci.yml", &lines);
}

#[test]
fn pre_commit_hooks_run_codepub_check_on_content_changes() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().expect("a list of hooks");
    let files = regex::Regex::new(hooks[0]["files"].as_str().unwrap()).unwrap();
    assert!(files.is_match(JA) && files.is_match("content/accepted.toml") && !files.is_match("README.md"));
    let mut lines = Vec::new();
    for hook in hooks {
        assert_eq!(hook["pass_filenames"], false);
        assert_eq!(hook["files"], "^content/");
        assert!(["system", "rust"].contains(&hook["language"].as_str().unwrap()));
        let entry = hook["entry"].as_str().unwrap();
        assert!(entry.starts_with("codepub check"), "{entry}");
        lines.push((Vec::new(), entry.to_string()));
    }
    run_recipe(".pre-commit-hooks.yaml", &lines);
}

/// The example configuration clones no repository: a local hook that pre-commit gives the pinned
/// `codepub-cli` wheel, run on the same files as the published hooks, and its command runs.
#[test]
fn pre_commit_example_is_a_local_hook_installing_the_pinned_wheel() {
    let config = yaml("examples/ci/pre-commit-config.yaml");
    let repos = config["repos"].as_sequence().expect("repos");
    let mut lines = Vec::new();
    for repo in repos {
        assert_eq!(repo["repo"], "local", "a hook from a repository we may not own: {repo:?}");
        for hook in repo["hooks"].as_sequence().unwrap() {
            assert_eq!(hook["language"], "python");
            let deps = hook["additional_dependencies"].as_sequence().expect("additional_dependencies");
            let version = env!("CARGO_PKG_VERSION");
            assert_eq!(deps.len(), 1);
            assert_eq!(deps[0].as_str(), Some(format!("codepub-cli=={version}").as_str()));
            assert_eq!(hook["pass_filenames"], false);
            assert_eq!(hook["files"], "^content/");
            let entry = hook["entry"].as_str().unwrap();
            assert!(entry.starts_with("codepub check"), "{entry}");
            lines.push((Vec::new(), entry.to_string()));
        }
    }
    assert!(!lines.is_empty());
    run_recipe("pre-commit-config.yaml", &lines);
}
