//! Bad input never panics: each case gives a clear error with file, line and column, and exit 2.

use crate::common;

use common::{JA, TempProject};
use predicates::prelude::*;

fn fails_with(project: &TempProject, code: &str, location: &str) {
    project
        .codepub()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("error[{code}]")))
        .stderr(predicate::str::contains(format!("--> {location}")))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn invalid_utf8_is_located() {
    let project = TempProject::shipped();
    let mut bytes = project.read(JA).into_bytes();
    // Line 3 begins with `(`: the bad byte goes right after it.
    let line_three = bytes.windows(2).position(|w| w == b"\n(").unwrap() + 2;
    bytes.insert(line_three, 0xFF);
    project.write(JA, bytes);
    fails_with(&project, "E005", "content/ja/10-code.md:3:2");
}

#[test]
fn byte_order_mark_is_refused() {
    let project = TempProject::shipped();
    project.write(JA, format!("\u{FEFF}{}", project.read(JA)));
    fails_with(&project, "E004", "content/ja/10-code.md:1:1");
}

#[test]
fn crlf_line_ends_are_refused_at_the_first_one() {
    let project = TempProject::shipped();
    project.write(JA, project.read(JA).replace('\n', "\r\n"));
    let first_line = project.read(JA).split('\r').next().unwrap().chars().count();
    fails_with(&project, "E006", &format!("content/ja/10-code.md:1:{}", first_line + 1));
}

#[test]
fn missing_language_folder_is_reported() {
    let project = TempProject::shipped();
    std::fs::remove_dir_all(project.path("content/ja")).unwrap();
    project
        .codepub()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E008]: no ja sources found"))
        .stderr(predicate::str::contains("--> content/ja:1:1"));
}

#[test]
fn language_folder_without_markdown_is_reported() {
    let project = TempProject::shipped();
    for file in ["10-code.md", "90-back-cover.md"] {
        std::fs::remove_file(project.path("content/ja").join(file)).unwrap();
    }
    fails_with(&project, "E008", "content/ja:1:1");
}

#[test]
fn malformed_config_toml_is_located() {
    let project = TempProject::shipped();
    project.replace("codepub.toml", "isbn = \"978-92-67-11315-9\"", "isbn = 978-92-67-11315-9\"");
    fails_with(&project, "E007", "codepub.toml:10:8");
}

#[test]
fn malformed_glossary_and_baseline_are_located() {
    let project = TempProject::shipped();
    project.write("content/glossary.toml", "[[term]]\nen = \"Council\"\nja = 理事会\n");
    fails_with(&project, "E007", "content/glossary.toml:3:6");
    let project = TempProject::shipped();
    project.write("content/accepted.toml", "[[accepted]]\ncheck = \"P006\"\n");
    fails_with(&project, "E007", "content/accepted.toml:1:1");
}

#[test]
fn duplicate_clause_id_points_at_both_declarations() {
    let project = TempProject::shipped();
    project.replace(JA, "{#principle-8}", "{#principle-7}");
    project
        .codepub()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error[E009]: duplicate clause id `principle-7` (first declared at content/ja/10-code.md:68:1)",
        ))
        .stderr(predicate::str::contains("--> content/ja/10-code.md:76:1"));
}

#[test]
fn ten_megabyte_paragraph_is_refused_without_panic() {
    let project = TempProject::shipped();
    let huge = "あ".repeat(10 * 1024 * 1024 / 3);
    project.write(JA, format!("{}\n{huge}\n", project.read(JA)));
    let lines = project.read(JA).lines().count();
    fails_with(&project, "E010", &format!("content/ja/10-code.md:{lines}:1"));
}

#[test]
fn content_folder_outside_the_root_is_refused() {
    let project = TempProject::shipped();
    project.replace("codepub.toml", "dir = \"content\"", "dir = \"../elsewhere\"");
    fails_with(&project, "E002", "../elsewhere/en:1:1");
}

#[test]
fn symbolic_link_out_of_the_root_is_refused() {
    let project = TempProject::shipped();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "# Secret {#secret}\n\nx\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), project.path("content/ja/50-link.md")).unwrap();
    fails_with(&project, "E002", "content/ja/50-link.md:1:1");
}

#[test]
fn text_before_the_first_heading_is_located() {
    let project = TempProject::shipped();
    project.write(JA, format!("迷子の段落。\n\n{}", project.read(JA)));
    fails_with(&project, "E011", "content/ja/10-code.md:1:1");
}

#[test]
fn missing_config_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("codepub")
        .unwrap()
        .current_dir(dir.path())
        .args(["--color", "never", "--lang", "en", "check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no codepub.toml in"));
}

#[test]
fn machine_formats_report_input_errors_in_their_own_shape() {
    let project = TempProject::shipped();
    project.write(JA, project.read(JA).replace('\n', "\r\n"));
    let json = project.json(&["check", "--format", "json"], 2);
    assert_eq!(json["error"]["code"], "E006");
    assert_eq!(json["error"]["file"], "content/ja/10-code.md");
    assert_eq!(json["error"]["line"], 1);
    project
        .codepub()
        .args(["check", "--format", "github"])
        .assert()
        .code(2)
        .stdout(predicate::str::starts_with("::error file=content/ja/10-code.md,line=1,col="))
        .stdout(predicate::str::contains("title=E006::"));
    let sarif = project.json(&["check", "--format", "sarif"], 2);
    let notification = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(notification["descriptor"]["id"], "E006");
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn unusual_markdown_is_checked_and_built_without_panicking() {
    let project = TempProject::shipped();
    let odd = "\n## {#odd}\n\n#\n\n> quoted *text* with [a ref][r] and ![an image](x.png)\n\n\
               | a | b |\n|---|---|\n| 1 | 2 |\n\n```rust\nfn main() {}\n```\n\n- a\n  - nested\n    1. deep\n\n\
               ***\n\n[r]: https://example.org\n\n<div>raw</div>\n\nTerm[^nope] and `code` ~~struck~~\n";
    project.write(JA, format!("{}{odd}", project.read(JA)));
    project.write(common::EN, format!("{}{odd}", project.read(common::EN)));
    let output = project.codepub().args(["check", "--format", "json"]).assert().code(1).get_output().clone();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    project.codepub().args(["build", "--allow-errors", "--format", "pdf,html"]).assert().code(0);
}

#[test]
fn a_configured_punctuation_equivalence_that_is_no_mark_is_located() {
    let project = TempProject::shipped();
    let config = project.read("codepub.toml");
    let line = config.lines().count() + 4;
    project.write(
        "codepub.toml",
        format!("{config}\n[[check.final_punctuation.accept]]\nen = \";\"\nja = \"maru\"\nwhere = \"list-item\"\n"),
    );
    fails_with(&project, "E007", &format!("codepub.toml:{line}:6"));
}

#[test]
fn every_input_error_is_reported_at_once() {
    let project = TempProject::shipped();
    // Three files at fault: a byte order mark in the Japanese, carriage returns in the English,
    // and a broken glossary.
    project.write(JA, format!("\u{FEFF}{}", project.read(JA)));
    project.write(common::EN, project.read(common::EN).replace('\n', "\r\n"));
    project.write("content/glossary.toml", "[[term]\nen = 1\n");
    let assert = project.codepub().arg("check").assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for (code, at) in [
        ("E006", "--> content/en/10-code.md:1:"),
        ("E004", "--> content/ja/10-code.md:1:1"),
        ("E007", "--> content/glossary.toml:1:"),
    ] {
        assert!(stderr.contains(&format!("error[{code}]")) && stderr.contains(at), "{code} at {at} missing:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"));

    // The machine formats list them all too.
    let json = project.json(&["check", "--format", "json"], 2);
    let codes: Vec<&str> =
        json["errors"].as_array().expect("errors").iter().filter_map(|e| e["code"].as_str()).collect();
    assert_eq!(codes, ["E006", "E004", "E007"]);
    assert_eq!(json["error"]["code"], "E006", "the first stays where readers of version 1 look");
}

#[test]
fn a_missing_language_s_help_names_the_language_in_every_format() {
    let project = TempProject::shipped();
    std::fs::remove_dir_all(project.path("content/ja")).unwrap();
    for format in ["human", "json", "sarif", "github", "gitlab"] {
        let output = project.codepub().args(["check", "--format", format]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{format}");
        let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
        assert!(!text.contains("{$lang}"), "{format}: {text}");
        if format != "sarif" {
            assert!(text.contains("put the ja Markdown files"), "{format}: {text}");
        }
    }
}
