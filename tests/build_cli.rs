//! `codepub build` through the real binary: the parity gate, edition and format selection,
//! determinism, and atomic output (a failed build leaves the last good output in place).

use crate::common;

use common::{JA, TempProject};
use predicates::prelude::*;

fn read(project: &TempProject, relative: &str) -> Vec<u8> {
    std::fs::read(project.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn build_writes_three_pdfs_and_the_html_pages() {
    let project = TempProject::shipped();
    project.codepub().arg("build").assert().code(0).stderr(predicate::str::contains("out/code-bilingual.pdf"));
    for file in ["out/code-bilingual.pdf", "out/code-facing.pdf", "out/code-en.pdf", "out/code-ja.pdf"] {
        assert!(read(&project, file).starts_with(b"%PDF-"), "{file}");
    }
    for file in ["out/html/index.html", "out/html/en.html", "out/html/ja.html", "out/html/style.css"] {
        assert!(project.path(file).is_file(), "{file}");
    }
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn two_builds_are_byte_identical() {
    let project = TempProject::shipped();
    project.codepub().args(["build", "--out", "first"]).assert().code(0);
    project.codepub().args(["build", "--out", "second"]).assert().code(0);
    for file in [
        "code-bilingual.pdf",
        "code-facing.pdf",
        "code-en.pdf",
        "code-ja.pdf",
        "html/index.html",
        "html/ja.html",
        "html/style.css",
    ] {
        assert_eq!(read(&project, &format!("first/{file}")), read(&project, &format!("second/{file}")), "{file}");
    }
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn errors_in_the_sources_stop_the_build_unless_allowed() {
    let project = TempProject::shipped();
    project.replace(JA, "理事会決議 11/2023", "理事会決議 12/2023");
    project
        .codepub()
        .arg("build")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[P004]"))
        .stderr(predicate::str::contains("not publishing"));
    assert!(!project.path("out").exists());
    project
        .codepub()
        .args(["build", "--allow-errors", "--format", "pdf"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("error[P004]"))
        .stderr(predicate::str::contains("warning: publishing despite 2 errors (--allow-errors)"));
    assert!(project.path("out/code-ja.pdf").is_file());
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn allow_errors_quiet_prints_the_count_without_the_findings() {
    let project = TempProject::shipped();
    project.replace(JA, "理事会決議 11/2023", "理事会決議 12/2023");
    project.replace(JA, "本機構専用のデータ保護ポリシーを遵守します。", "本機構専用のデータ保護ポリシーを遵守します");
    project
        .codepub()
        .args(["build", "--allow-errors", "--quiet", "--format", "html"])
        .assert()
        .code(0)
        // Each edit is a finding of its own check and a P013 (Japanese changed since sign-off).
        .stderr(predicate::str::contains("warning: publishing despite 4 errors (--allow-errors)"))
        .stderr(predicate::str::contains("error[").not());
    project.codepub().args(["build", "--quiet"]).assert().code(2);
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn edition_and_format_options_select_what_is_built() {
    let project = TempProject::shipped();
    project.codepub().args(["build", "--edition", "en", "--format", "pdf", "--out", "only-en"]).assert().code(0);
    let names: Vec<_> = std::fs::read_dir(project.path("only-en"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != ".codepub")
        .collect();
    assert_eq!(names, ["code-en.pdf"], "codepub's own .codepub/ aside");
    project.codepub().args(["build", "--edition", "ja,bilingual", "--format", "html", "--out", "web"]).assert().code(0);
    assert!(project.path("web/html/index.html").is_file() && project.path("web/html/ja.html").is_file());
    assert!(!project.path("web/html/en.html").exists());
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let project = TempProject::shipped();
    project.codepub().arg("build").assert().code(0);
    let before: Vec<_> = ["out/code-bilingual.pdf", "out/code-en.pdf", "out/html/index.html"]
        .iter()
        .map(|f| read(&project, f))
        .collect();
    project.write("templates/content.typ", "#let inlines(runs, lang) = {\n  runs.map(r => r.text\n}\n");
    project
        .codepub()
        .arg("build")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("templates/content.typ:2:").or(predicate::str::contains("content.typ:3:")));
    let after: Vec<_> = ["out/code-bilingual.pdf", "out/code-en.pdf", "out/html/index.html"]
        .iter()
        .map(|f| read(&project, f))
        .collect();
    assert_eq!(before, after);
    // Nothing staged is left: codepub's own folder holds only its lock and its manifest.
    let names = |dir: &str| -> Vec<String> {
        let entries = std::fs::read_dir(project.path(dir)).unwrap();
        let mut names: Vec<String> = entries.map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        names
    };
    let leftovers: Vec<_> = names("out").into_iter().filter(|n| n.starts_with(".codepub-")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(names("out/.codepub"), ["lock", "manifest.json"]);
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn a_missing_font_path_is_an_error() {
    let project = TempProject::shipped();
    project.codepub().args(["build", "--format", "pdf", "--font-path", "no-such-fonts"]).assert().code(2);
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn the_pdf_redline_of_two_revisions_is_written() {
    let project = TempProject::shipped();
    let revised = common::manifest_dir().join("tests/fixtures/revisions/2025-synthetic");
    project
        .codepub()
        .args([
            "diff",
            &project.root().display().to_string(),
            &revised.display().to_string(),
            "--format",
            "pdf",
            "--out",
            "redline.pdf",
        ])
        .assert()
        .code(1);
    assert!(read(&project, "redline.pdf").starts_with(b"%PDF-"));
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn an_unwritable_output_folder_is_a_clear_error() {
    let project = TempProject::shipped();
    project.write("blocked", "a file where the output folder should be");
    project
        .codepub()
        .args(["build", "--format", "pdf", "--out", "blocked"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: cannot write"))
        .stderr(predicate::str::contains("blocked"));
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn a_project_with_only_a_title_and_a_date_checks_and_builds_under_its_folder_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("act-on-examples");
    std::fs::create_dir_all(root.join("content/en")).unwrap();
    std::fs::create_dir_all(root.join("content/ja")).unwrap();
    std::fs::write(
        root.join("codepub.toml"),
        "[edition]\nadopted = 1947-05-03\ntitle = { en = \"Act on Examples\", ja = \"例に関する法律\" }\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/en/10-act.md"),
        "# Article 1 {#article-1}\n\nThis Act applies for forty (40) days.\n",
    )
    .unwrap();
    std::fs::write(root.join("content/ja/10-act.md"), "# 第一条 {#article-1}\n\nこの法律は、四十日間適用する。\n")
        .unwrap();
    let run = |args: &[&str]| {
        let mut command = assert_cmd::Command::cargo_bin("codepub").unwrap();
        command.arg("--root").arg(&root).args(["--lang", "en", "--color", "never"]).args(args);
        command.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
        command.assert()
    };
    run(&["check"]).code(0).stdout(predicate::str::contains("no errors, no warnings"));
    run(&["build"]).code(0);
    for file in ["act-on-examples-bilingual.pdf", "act-on-examples-en.pdf", "act-on-examples-ja.pdf", "html/index.html"]
    {
        assert!(root.join("out").join(file).is_file(), "{file}");
    }
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn a_slug_that_is_not_a_file_name_stem_is_refused() {
    let project = TempProject::shipped();
    project.replace("codepub.toml", "slug = \"code\"", "slug = \"../../elsewhere\"");
    project.codepub().arg("build").assert().code(2).stderr(predicate::str::contains("must be a file-name stem"));
    assert!(!project.path("out").exists());
}

/// One event of a trace written by `--timings`: thread, name, phase, file and line.
type TraceEvent = (u64, String, String, Option<String>, Option<u64>);

fn trace_events(trace: &[u8]) -> Vec<TraceEvent> {
    let events: Vec<serde_json::Value> = serde_json::from_slice(trace).expect("the trace is a JSON array");
    (events.iter())
        .map(|event| {
            let args = event.get("args").filter(|args| !args.is_null());
            (
                event["tid"].as_u64().expect("a thread id"),
                event["name"].as_str().expect("a name").to_string(),
                event["ph"].as_str().expect("a phase").to_string(),
                args.and_then(|args| args["file"].as_str()).map(str::to_string),
                args.and_then(|args| args["line"].as_u64()),
            )
        })
        .collect()
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn timings_trace_codepubs_phases_and_typsts_work_on_each_edition_tied_to_template_lines() {
    let project = TempProject::shipped();
    project
        .codepub()
        .args(["build", "--edition", "en,ja", "--timings", "trace.json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("trace.json"));
    let events = trace_events(&read(&project, "trace.json"));
    let began = |name: &str| events.iter().filter(|(_, n, phase, ..)| n == name && phase == "B").count();
    for phase in ["codepub: load and align", "codepub: check", "codepub: write"] {
        assert_eq!(began(phase), 1, "{phase}");
    }
    for edition in ["codepub: pdf en", "codepub: pdf ja", "codepub: html en", "codepub: html ja"] {
        assert_eq!(began(edition), 1, "{edition}");
    }
    // Typst's own phases, once per PDF at least: evaluation, layout, export.
    for phase in ["eval", "layout document", "pdf"] {
        assert!(began(phase) >= 2, "{phase}: {}", began(phase));
    }
    // Every event that begins on a thread ends on it, in order.
    let mut open: std::collections::HashMap<u64, Vec<&str>> = std::collections::HashMap::new();
    for (thread, name, phase, ..) in &events {
        let stack = open.entry(*thread).or_default();
        match phase.as_str() {
            "B" => stack.push(name),
            "E" => assert_eq!(stack.pop(), Some(name.as_str()), "{name} ends where it did not begin"),
            other => panic!("phase {other}"),
        }
    }
    assert!(open.values().all(Vec::is_empty));
    // Template work is tied to the template (the built-in ones here) and a line in it.
    let placed = |file: &str| {
        events.iter().any(|(_, _, _, f, line)| f.as_deref() == Some(file) && line.is_some_and(|line| line > 0))
    };
    assert!(placed("<built-in>/edition.typ"), "no event placed in edition.typ");
    assert!(placed("<built-in>/content.typ"), "no event placed in content.typ");
}

#[test]
#[cfg_attr(not(all(feature = "pdf", feature = "html")), ignore = "needs the pdf and html features")]
fn no_trace_is_written_without_timings() {
    let project = TempProject::shipped();
    project.codepub().args(["build", "--edition", "en", "--format", "html"]).assert().code(0);
    let written: Vec<_> = std::fs::read_dir(project.path(""))
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json"))
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
#[cfg_attr(not(feature = "html"), ignore = "needs the html feature")]
fn a_timings_file_that_cannot_be_written_is_an_error_naming_it() {
    let project = TempProject::shipped();
    // A path under a file: no folder can be made there.
    project
        .codepub()
        .args(["build", "--edition", "en", "--format", "html", "--timings", "codepub.toml/trace.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("codepub.toml/trace.json"));
}
