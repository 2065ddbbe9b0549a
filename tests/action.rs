//! The GitHub Action (`action.yml`): parsed, and its shell steps run as a runner would run them
//! (`bash -eo pipefail`, `if:` conditions, `${{ … }}` expressions through `env:`, `$GITHUB_PATH`)
//! on copies of the shipped project. The wheel it installs is the one `.ci/run` builds
//! (`CODEPUB_WHEEL`); without it, outside CI, the install step is left out and the test binary
//! stands in. The `cargo` install runs in CI only (a cold build of the check-only binary).

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{TempProject, git, manifest_dir};
use serde_yaml::Value as Yaml;

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| v == "true")
}

fn action() -> Yaml {
    let text = std::fs::read_to_string(manifest_dir().join("action.yml")).expect("action.yml");
    serde_yaml::from_str(&text).expect("action.yml is YAML")
}

/// What a runner knows when it runs the action: the inputs (defaults overridden by `with`) and
/// the contexts the action reads.
struct Runner {
    inputs: BTreeMap<String, String>,
    contexts: BTreeMap<&'static str, String>,
    temp: tempfile::TempDir,
    /// Folders the steps added through `$GITHUB_PATH`, first one first on PATH.
    path: Vec<PathBuf>,
    /// Environment every step gets, as a runner's job-level `env:`.
    env: Vec<(String, String)>,
}

impl Runner {
    fn new(action: &Yaml, with: &[(&str, &str)], base_sha: Option<&str>) -> Self {
        let mut inputs = BTreeMap::new();
        for (name, input) in action["inputs"].as_mapping().expect("inputs") {
            let default = input["default"].as_str().unwrap_or_default().to_string();
            assert!(input["description"].as_str().is_some_and(|d| !d.is_empty()), "{name:?} has no description");
            inputs.insert(name.as_str().unwrap().to_string(), default);
        }
        for (name, value) in with {
            assert!(inputs.contains_key(*name), "no input {name}");
            inputs.insert(name.to_string(), value.to_string());
        }
        let temp = tempfile::tempdir().expect("runner temp");
        let mut contexts = BTreeMap::new();
        contexts.insert("runner.temp", temp.path().display().to_string());
        contexts.insert("runner.os", "Linux".to_string());
        contexts.insert("github.action_path", manifest_dir().display().to_string());
        contexts.insert("github.event.pull_request.base.sha", base_sha.unwrap_or_default().to_string());
        Runner { inputs, contexts, temp, path: Vec::new(), env: Vec::new() }
    }

    /// The value of one expression: an input, a context, or `always()`; a comparison `A == 'b'`;
    /// terms joined by `&&`. Anything else fails the test, so the action cannot grow an
    /// expression this runner would get wrong.
    fn evaluate(&self, expression: &str) -> String {
        let expression = expression.trim();
        if expression.contains("&&") {
            let all = expression.split("&&").all(|term| self.evaluate(term) == "true");
            return all.to_string();
        }
        if let Some((left, right)) = expression.split_once("==") {
            let right = right.trim().strip_prefix('\'').and_then(|r| r.strip_suffix('\'')).expect("a quoted string");
            return (self.evaluate(left) == right).to_string();
        }
        if expression == "always()" {
            return "true".into();
        }
        if let Some(name) = expression.strip_prefix("inputs.") {
            return self.inputs.get(name).unwrap_or_else(|| panic!("no input {name}")).clone();
        }
        self.contexts
            .get(expression)
            .unwrap_or_else(|| panic!("an expression this test cannot evaluate: {expression}"))
            .clone()
    }

    /// A string with its `${{ … }}` expressions replaced by their values.
    fn substitute(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("closed expression") + start;
            out.push_str(&self.evaluate(&rest[start + 3..end]));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// Runs one `run:` step in `workspace` as a runner does; returns its exit status and output.
    fn run(&mut self, step: &Yaml, workspace: &Path, fallback_bin: Option<&Path>) -> (i32, String) {
        let script = step["run"].as_str().expect("a run step");
        assert!(!script.contains("${{"), "expressions reach scripts through env:, never spliced in: {script}");
        assert_eq!(step["shell"], "bash", "composite run steps name their shell");
        let github_path = self.temp.path().join("github-path");
        std::fs::write(&github_path, "").unwrap();
        let dir = match step["working-directory"].as_str() {
            Some(dir) => workspace.join(self.substitute(dir)),
            None => workspace.to_path_buf(),
        };
        let inherited = std::env::var_os("PATH").unwrap_or_default();
        let path = std::env::join_paths(
            self.path
                .iter()
                .cloned()
                .chain(fallback_bin.map(Path::to_path_buf))
                .chain(std::env::split_paths(&inherited)),
        )
        .unwrap();
        let mut command = std::process::Command::new("bash");
        command
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
            .current_dir(&dir)
            .env("PATH", path)
            .env("GITHUB_PATH", &github_path)
            .env("RUNNER_TEMP", self.temp.path())
            .env("GITHUB_ACTION_PATH", manifest_dir())
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        for (name, value) in step["env"].as_mapping().into_iter().flatten() {
            command.env(name.as_str().unwrap(), self.substitute(value.as_str().unwrap()));
        }
        let output = command.output().expect("bash runs");
        // Folders a step appends to $GITHUB_PATH come first on PATH for the later steps.
        let added = std::fs::read_to_string(&github_path).unwrap();
        for line in added.lines().filter(|l| !l.is_empty()) {
            self.path.insert(0, PathBuf::from(line));
        }
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        (output.status.code().expect("not killed"), text)
    }
}

/// The outcome of running the action's steps: each step's name with its status and output, or
/// `None` when it was skipped.
type Outcome = Vec<(String, Option<(i32, String)>)>;

/// Runs every step as a runner does: a failed step skips the later steps whose condition does
/// not hold `always()`; `uses:` steps are recorded as run (status 0) but not executed.
fn run_action(runner: &mut Runner, workspace: &Path, skip_install: bool) -> Outcome {
    let action = action();
    assert_eq!(action["runs"]["using"], "composite");
    let bin = Path::new(env!("CARGO_BIN_EXE_codepub")).parent().unwrap().to_path_buf();
    let mut failed = false;
    let mut outcome = Vec::new();
    for step in action["runs"]["steps"].as_sequence().expect("steps") {
        let name = step["name"].as_str().expect("every step is named").to_string();
        let condition = step["if"].as_str().unwrap_or("success()");
        let holds = if condition == "success()" {
            !failed
        } else {
            (condition.contains("always()") || !failed) && runner.evaluate(condition) == "true"
        };
        let is_install = name.starts_with("Install codepub");
        if !holds || (skip_install && is_install) {
            outcome.push((name, None));
            continue;
        }
        if step["uses"].as_str().is_some() {
            outcome.push((name, Some((0, String::new()))));
            continue;
        }
        let fallback = if skip_install { Some(bin.as_path()) } else { None };
        let (status, text) = runner.run(step, workspace, fallback);
        if is_install {
            assert_eq!(status, 0, "{name}:\n{text}");
        }
        failed |= status != 0;
        outcome.push((name, Some((status, text))));
    }
    outcome
}

fn step<'a>(outcome: &'a Outcome, name: &str) -> &'a Option<(i32, String)> {
    &outcome.iter().find(|(n, _)| n.starts_with(name)).unwrap_or_else(|| panic!("no step {name}")).1
}

/// A workspace holding a copy of the shipped project in `project/`, committed to git.
fn workspace() -> TempProject {
    let project = TempProject::shipped();
    git(project.root(), &["init", "-q", "-b", "main"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "shipped"]);
    project
}

/// The wheel `.ci/run` built, if any; in CI there must be one.
fn wheel() -> Option<String> {
    let wheel = std::env::var("CODEPUB_WHEEL").ok().filter(|w| !w.is_empty());
    assert!(wheel.is_some() || !in_ci(), "CI builds the wheel and names it in CODEPUB_WHEEL (.ci/run)");
    if wheel.is_none() {
        eprintln!("CODEPUB_WHEEL unset: the wheel install step is left out, the test binary stands in");
    }
    wheel
}

#[test]
fn the_action_installs_the_wheel_and_passes_on_the_shipped_project_with_sarif_written() {
    let project = workspace();
    let wheel = wheel();
    let with: Vec<(&str, &str)> = wheel.iter().map(|w| ("requirement", w.as_str())).collect();
    let mut runner = Runner::new(&action(), &with, Some("HEAD"));
    let outcome = run_action(&mut runner, project.root(), wheel.is_none());
    if wheel.is_some() {
        assert_eq!(step(&outcome, "Install codepub (wheel)").as_ref().map(|s| s.0), Some(0));
        let venv = runner.temp.path().join("codepub-venv/bin");
        assert_eq!(runner.path.first(), Some(&venv), "the wheel's scripts folder goes on PATH");
        assert!(venv.join("codepub").is_file(), "the wheel installs the codepub binary");
    }
    assert!(step(&outcome, "Install codepub (cargo").is_none(), "one install path at a time");
    let (status, text) = step(&outcome, "Check translation parity").clone().expect("the check runs");
    assert_eq!(status, 0, "{text}");
    assert!(text.starts_with("codepub 0."), "the log names the version: {text}");
    let (status, text) = step(&outcome, "SARIF for code scanning").clone().expect("SARIF is written");
    assert_eq!(status, 0, "{text}");
    let sarif: serde_json::Value = serde_json::from_str(&project.read("codepub.sarif")).expect("SARIF JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(
        !results.is_empty() && results.iter().all(|r| r["suppressions"][0]["kind"] == "external"),
        "only accepted findings"
    );
    assert!(step(&outcome, "Upload SARIF").is_some());
    let upload = action()["runs"]["steps"].as_sequence().unwrap().iter().find(|s| s["name"] == "Upload SARIF").cloned();
    let upload = upload.expect("an upload step");
    assert!(upload["uses"].as_str().unwrap().starts_with("github/codeql-action/upload-sarif@"));
    assert_eq!(runner.substitute(upload["with"]["sarif_file"].as_str().unwrap()), "./codepub.sarif");
}

#[test]
fn the_action_fails_on_a_new_finding_annotates_it_and_still_uploads_the_sarif() {
    let project = workspace();
    project.add_a_number_to_the_japanese();
    git(project.root(), &["commit", "-q", "-am", "a number added"]);
    // A pull request whose base is the shipped text: the changed clause is annotated.
    let base = String::from_utf8(
        std::process::Command::new("git")
            .args(["rev-parse", "HEAD~1"])
            .current_dir(project.root())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let mut runner = Runner::new(&action(), &[], Some(base.trim()));
    let outcome = run_action(&mut runner, project.root(), true);
    let (status, text) = step(&outcome, "Check translation parity").clone().expect("the check runs");
    assert_eq!(status, 1, "a parity error fails the step: {text}");
    assert!(text.contains("::error ") && text.contains("title=P004 numbers"), "{text}");
    let (_, _) = step(&outcome, "SARIF for code scanning").clone().expect("SARIF runs after a failed check");
    let sarif: serde_json::Value = serde_json::from_str(&project.read("codepub.sarif")).expect("SARIF JSON");
    assert!(sarif["runs"][0]["results"].as_array().is_some_and(|r| r.iter().any(|r| r["ruleId"] == "P004")));
    assert!(step(&outcome, "Upload SARIF").is_some(), "the upload runs after a failed check");
}

#[test]
fn without_upload_sarif_the_action_writes_and_uploads_nothing() {
    let project = workspace();
    let mut runner = Runner::new(&action(), &[("upload-sarif", "false")], None);
    let outcome = run_action(&mut runner, project.root(), true);
    assert_eq!(step(&outcome, "Check translation parity").as_ref().map(|s| s.0), Some(0));
    assert!(step(&outcome, "SARIF for code scanning").is_none());
    assert!(step(&outcome, "Upload SARIF").is_none());
    assert!(!project.path("codepub.sarif").exists());
}

#[test]
fn the_action_checks_a_project_in_a_subfolder_named_by_root() {
    let workspace = tempfile::tempdir().unwrap();
    common::copy_dir(TempProject::shipped().root(), &workspace.path().join("docs/code"));
    let mut runner = Runner::new(&action(), &[("root", "docs/code")], None);
    let outcome = run_action(&mut runner, workspace.path(), true);
    assert_eq!(step(&outcome, "Check translation parity").as_ref().map(|s| s.0), Some(0));
    assert!(workspace.path().join("docs/code/codepub.sarif").is_file());
}

/// The cargo install path: a cold build of the check-only binary, so CI only (set
/// `CODEPUB_TEST_CARGO_INSTALL=1` to run it elsewhere). The release profile's LTO is turned off
/// for the test's build through Cargo's environment; the command is the action's own.
#[test]
fn the_action_installs_with_cargo_the_check_only_build() {
    if !in_ci() && std::env::var_os("CODEPUB_TEST_CARGO_INSTALL").is_none() {
        eprintln!("skipped outside CI: a cold check-only build");
        return;
    }
    let project = workspace();
    let mut runner = Runner::new(&action(), &[("install", "cargo"), ("upload-sarif", "false")], None);
    for (name, value) in [
        ("CARGO_PROFILE_RELEASE_LTO", "off"),
        ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
        ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1"),
    ] {
        runner.env.push((name.into(), value.into()));
    }
    let outcome = run_action(&mut runner, project.root(), false);
    assert_eq!(step(&outcome, "Install codepub (cargo").as_ref().map(|s| s.0), Some(0));
    assert!(step(&outcome, "Install codepub (wheel)").is_none());
    let installed = runner.temp.path().join("codepub-cargo/bin");
    assert_eq!(runner.path.first(), Some(&installed));
    let (status, text) = step(&outcome, "Check translation parity").clone().expect("the check runs");
    assert_eq!(status, 0, "{text}");
    assert!(text.contains("check-only"), "the cargo path installs the check-only build: {text}");
}
