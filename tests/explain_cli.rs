//! `codepub explain`: every check's long explanation, in English and Japanese, and the places
//! that show the same text (docs/checks.md, the human report's last line, the manual page).

use assert_cmd::Command;

use crate::common::{TempProject, manifest_dir};

fn explain(args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("codepub")
        .expect("binary")
        .args(["--color", "never"])
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("runs");
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).expect("UTF-8");
    (output.status.code().unwrap_or(-1), text(&output.stdout), text(&output.stderr))
}

#[test]
fn explain_without_a_code_lists_every_check_with_its_name_and_severity() {
    let (status, list, _) = explain(&["explain"]);
    assert_eq!(status, 0);
    for code in (1..=codepub::check::all_checks().len()).map(|n| format!("P{n:03}")) {
        assert!(list.contains(&code), "{code} is not listed:\n{list}");
    }
    assert!(list.contains("numbers") && list.contains("warning") && list.contains("error"), "{list}");
}

#[test]
fn explain_a_code_prints_what_it_compares_an_example_pair_its_configuration_and_how_to_accept() {
    let (status, text, _) = explain(&["explain", "p004"]);
    assert_eq!(status, 0);
    assert!(text.starts_with("P004 numbers: "), "{text}");
    for section in ["What it compares", "Why it matters", "Example", "Configuration", "Accepting a finding"] {
        assert!(text.contains(section), "no {section}:\n{text}");
    }
    assert!(text.contains("en │ ") && text.contains("ja │ "), "no example pair:\n{text}");
    assert!(text.contains("[[accepted]]\n") && text.contains("check = \"P004\""), "{text}");
}

#[test]
fn explain_speaks_japanese_with_lang_ja() {
    let (status, text, _) = explain(&["--lang", "ja", "explain", "P007"]);
    assert_eq!(status, 0);
    let (_, english, _) = explain(&["--lang", "en", "explain", "P007"]);
    assert_ne!(text, english);
    assert!(text.contains("設定") || text.contains("例"), "{text}");
}

#[test]
fn explain_an_unknown_code_is_an_error_naming_it() {
    let (status, stdout, stderr) = explain(&["--lang", "en", "explain", "P999"]);
    assert_eq!(status, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("P999") && stderr.contains("codepub explain"), "{stderr}");
}

/// docs/checks.md is generated: `codepub explain --markdown > docs/checks.md`.
#[test]
fn docs_checks_md_is_what_explain_markdown_generates() {
    let (status, generated, _) = explain(&["--lang", "en", "explain", "--markdown"]);
    assert_eq!(status, 0);
    let committed = std::fs::read_to_string(manifest_dir().join("docs/checks.md")).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/checks.md is out of date: run `cargo run -- --lang en explain --markdown > docs/checks.md`"
    );
    for code in (1..=codepub::check::all_checks().len()).map(|n| format!("p{n:03}")) {
        assert!(generated.contains(&format!("<a id=\"{code}\"></a>")), "no anchor {code}");
    }
}

#[test]
fn every_human_diagnostic_ends_by_naming_its_explanation() {
    let project = TempProject::with_every_check_failing();
    let output = project.codepub().args(["check"]).output().expect("runs");
    let report = String::from_utf8(output.stdout).expect("UTF-8");
    let diagnostics: Vec<&str> =
        report.split("\n\n").filter(|d| d.starts_with("error[") || d.starts_with("warning[")).collect();
    assert!(diagnostics.len() > 10, "{report}");
    for diagnostic in diagnostics {
        let code = &diagnostic[diagnostic.find('[').unwrap() + 1..diagnostic.find(']').unwrap()];
        let last = diagnostic.trim_end().lines().last().unwrap();
        assert!(last.ends_with(&format!("see `codepub explain {code}`")), "last line {last:?} of:\n{diagnostic}");
    }
}
