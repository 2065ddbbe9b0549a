//! The command-line conventions: shell completions and the manual page (generated from the command
//! line's own definition), the `--version` line and `NO_COLOR`. Every command and option is in the
//! completions, the bash script parses, and the pages render with groff without a warning.

use std::process::Command as Process;

use assert_cmd::Command;

fn codepub(args: &[&str]) -> Vec<u8> {
    let output = Command::cargo_bin("codepub").expect("binary").args(args).output().expect("runs");
    assert!(output.status.success(), "codepub {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

#[test]
fn completions_name_every_command_and_option_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = String::from_utf8(codepub(&["completions", shell])).expect("UTF-8");
        for word in ["sign-off", "status", "edition", "allow-errors", "from-text", "format"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
}

#[test]
fn the_bash_completion_script_parses() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("codepub.bash");
    std::fs::write(&path, codepub(&["completions", "bash"])).expect("written");
    let status = Process::new("bash").arg("-n").arg(&path).status().expect("bash");
    assert!(status.success(), "bash -n rejects the script");
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    Command::cargo_bin("codepub").expect("binary").args(["completions", "cmd.exe"]).assert().code(2);
}

/// Renders a roff page with groff, warnings on; returns (text, warnings).
fn groff(page: &[u8]) -> (String, String) {
    use std::io::Write;
    let mut child = Process::new("groff")
        .args(["-man", "-Tutf8", "-ww"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("groff (groff-base) is needed");
    child.stdin.take().expect("stdin").write_all(page).expect("page written");
    let output = child.wait_with_output().expect("groff runs");
    (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn the_manual_page_renders_without_warnings_and_lists_the_commands() {
    let (text, warnings) = groff(&codepub(&["man"]));
    assert!(warnings.is_empty(), "groff warns: {warnings}");
    assert!(text.contains("codepub - Publishes official texts in two languages at once"), "{text}");
    for command in ["check", "build", "sign-off", "status", "init", "diff", "completions"] {
        assert!(text.contains(command), "no {command} in the page");
    }
}

#[test]
fn man_out_writes_one_page_per_command() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().display().to_string();
    codepub(&["man", "--out", &out]);
    let page = std::fs::read(dir.path().join("man1/codepub-build.1")).expect("codepub-build.1");
    let (text, warnings) = groff(&page);
    assert!(warnings.is_empty(), "groff warns: {warnings}");
    assert!(text.contains("codepub-build") && text.contains("--allow-errors"), "{text}");
    for name in ["codepub.1", "codepub-check.1", "codepub-diff.1", "codepub-sign-off.1"] {
        assert!(dir.path().join("man1").join(name).is_file(), "no {name}");
    }
}

#[test]
fn version_names_the_crate_version_and_the_typst_it_typesets_with() {
    let line = String::from_utf8(codepub(&["--version"])).expect("UTF-8");
    assert!(line.starts_with(&format!("codepub {}", env!("CARGO_PKG_VERSION"))), "{line}");
    if cfg!(feature = "pdf") {
        assert!(line.contains("(Typst 0.15."), "{line}");
    } else {
        assert!(line.contains("no pdf"), "{line}");
    }
}

/// `codepub check` on the shipped project under a pseudo-terminal (`script`), so `--color auto`
/// sees a terminal; returns what it printed.
fn check_on_a_terminal(no_color: bool) -> String {
    let binary = assert_cmd::cargo::cargo_bin("codepub");
    let mut command = Process::new("script");
    command
        .args(["-qec", &format!("{} check --no-baseline --color auto", binary.display()), "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env("TERM", "xterm");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let output = command.output().expect("script runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn no_color_turns_off_colour_on_a_terminal() {
    let coloured = check_on_a_terminal(false);
    assert!(coloured.contains("\u{1b}["), "no colour on a terminal without NO_COLOR:\n{coloured}");
    let plain = check_on_a_terminal(true);
    assert!(!plain.contains("\u{1b}["), "colour despite NO_COLOR:\n{plain}");
    assert!(plain.contains("P0"), "the findings are still printed:\n{plain}");
}

/// The page ends with `codepub explain`'s text of every check, Japanese examples included,
/// and still renders without a warning.
#[test]
fn the_manual_page_explains_every_check() {
    let (text, warnings) = groff(&codepub(&["man"]));
    assert!(warnings.is_empty(), "groff warns: {warnings}");
    // grotty sets bold by overstriking (`C\bC`): read the letters only.
    let text = regex::Regex::new(".\x08").unwrap().replace_all(&text, "");
    let checks = &text[text.find("CHECKS").expect("a CHECKS section")..];
    for code in (1..=15).map(|n| format!("P{n:03}")) {
        assert!(checks.contains(&code), "{code} is not explained");
    }
    assert!(checks.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)), "no Japanese example:\n{checks}");
}

/// `codepub status | head -1`: a reader that leaves before the output is written ends it quietly,
/// as a Unix filter does, with the command's own exit status and no panic.
#[test]
fn a_reader_that_leaves_early_ends_the_output_quietly() {
    for args in [&["status"][..], &["check"], &["explain"], &["status", "--format", "json"]] {
        let mut child = Process::new(assert_cmd::cargo::cargo_bin("codepub"))
            .args(["--lang", "en", "--root", env!("CARGO_MANIFEST_DIR")])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("codepub starts");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("codepub ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
