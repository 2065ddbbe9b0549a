//! Every output codepub writes, on the shipped project and on a long one, byte for byte as it was
//! recorded in `tests/fixtures/outputs.sha256`: the editions, the reports in every format, the
//! explanations, the XLIFF export, the status and the diffs with their redlines. It was recorded
//! before the code moved into a workspace of crates (issue 28), so that a move that changes no
//! behaviour is seen to change no byte.
//!
//! A change meant to change an output records the new checksums with
//! `CODEPUB_RECORD_OUTPUTS=1 cargo test --test suite outputs_unchanged` and shows the difference
//! in its commit.

#![cfg(all(feature = "pdf", feature = "html"))]

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{TempProject, manifest_dir};
use sha2::{Digest, Sha256};

const RECORD: &str = "tests/fixtures/outputs.sha256";

/// The shipped project with its body repeated `copies` times, clause ids and footnote labels
/// suffixed per copy (as `benches/memory_pages.py` makes it).
fn long_project(copies: usize) -> TempProject {
    let project = TempProject::shipped();
    let id = regex::Regex::new(r"\{#([a-z0-9-]+)\}").unwrap();
    let note = regex::Regex::new(r"\[\^([^\]]+)\]").unwrap();
    for lang in ["en", "ja"] {
        let relative = format!("content/{lang}/10-code.md");
        let text = project.read(&relative);
        let start = text.find("\n## ").expect("a numbered clause") + 1;
        let (head, body) = text.split_at(start);
        let mut out = head.to_owned();
        for copy in 0..copies {
            let part = id.replace_all(body, |c: &regex::Captures| format!("{{#{}-r{copy}}}", &c[1]));
            let part = note.replace_all(&part, |c: &regex::Captures| format!("[^{}-r{copy}]", &c[1]));
            out.push_str(&part);
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
        }
        project.write(&relative, out);
    }
    project
}

/// Checksums of every file under `dir`, by path relative to `under` (codepub's `.codepub/` aside).
fn checksum_tree(dir: &Path, prefix: &str, into: &mut BTreeMap<String, String>) {
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap().to_str().unwrap().replace('\\', "/");
        if relative.starts_with(".codepub/") {
            continue;
        }
        into.insert(format!("{prefix}/{relative}"), hex(&std::fs::read(entry.path()).unwrap()));
    }
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs codepub in `project` and returns its standard output with the project's folder written
/// `<root>`, whatever its exit status.
fn output(project: &TempProject, args: &[&str]) -> Vec<u8> {
    let output = project.codepub().args(args).output().expect("run codepub");
    let root = project.root().to_str().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).replace(root, "<root>");
    let mut bytes = text.into_bytes();
    bytes.extend(format!("\nexit {:?}\n", output.status.code()).bytes());
    bytes
}

fn build_checksums(project: &TempProject, name: &str, into: &mut BTreeMap<String, String>) {
    let out = project.path("out");
    project.codepub().args(["build", "--allow-errors", "--quiet", "--out"]).arg(&out).assert().success();
    checksum_tree(&out, &format!("{name}/build"), into);
}

fn all_checksums() -> BTreeMap<String, String> {
    let mut sums = BTreeMap::new();

    let shipped = TempProject::shipped();
    build_checksums(&shipped, "shipped", &mut sums);
    for format in ["human", "json", "sarif", "github", "gitlab"] {
        let bytes = output(&shipped, &["check", "--format", format]);
        sums.insert(format!("shipped/check.{format}"), hex(&bytes));
    }
    sums.insert("shipped/status".into(), hex(&output(&shipped, &["status"])));
    sums.insert("shipped/explain.md".into(), hex(&output(&shipped, &["explain", "--markdown"])));
    let xliff = shipped.path("export.xlf");
    shipped.codepub().args(["xliff", "export", "--out"]).arg(&xliff).assert().success();
    sums.insert("shipped/export.xlf".into(), hex(&std::fs::read(&xliff).unwrap()));

    let newer = manifest_dir().join("tests/fixtures/revisions/2025-synthetic");
    let newer = newer.to_str().unwrap();
    for format in ["terminal", "json"] {
        let bytes = output(&shipped, &["diff", "--format", format, shipped.root().to_str().unwrap(), newer]);
        let bytes = String::from_utf8_lossy(&bytes).replace(newer, "<newer>").into_bytes();
        sums.insert(format!("shipped/diff.{format}"), hex(&bytes));
    }
    for format in ["html", "pdf"] {
        let redline = shipped.path(&format!("redline.{format}"));
        let status = shipped
            .codepub()
            .args(["diff", "--format", format, "--out"])
            .arg(&redline)
            .args([shipped.root().to_str().unwrap(), newer])
            .output()
            .unwrap()
            .status;
        assert!(status.code().is_some_and(|code| code < 2), "redline {format}: {status}");
        sums.insert(format!("shipped/redline.{format}"), hex(&std::fs::read(&redline).unwrap()));
    }

    let long = long_project(10);
    build_checksums(&long, "long-10", &mut sums);
    sums.insert("long-10/check.json".into(), hex(&output(&long, &["check", "--format", "json"])));
    sums.insert("long-10/check.human".into(), hex(&output(&long, &["check"])));

    // Input errors, in each format: a clause without its id, a heading with an empty one, a bad
    // configuration.
    let broken = TempProject::shipped();
    broken.replace("content/en/10-code.md", "{#principle-3}", "");
    broken.replace("content/ja/10-code.md", "\n## ", "\n## {#}");
    let bad_config = TempProject::shipped();
    bad_config.replace("codepub.toml", "[edition]", "[[edition]");
    for format in ["human", "json", "sarif"] {
        sums.insert(format!("broken/check.{format}"), hex(&output(&broken, &["check", "--format", format])));
        sums.insert(format!("bad-config/check.{format}"), hex(&output(&bad_config, &["check", "--format", format])));
    }
    sums.insert("broken/build".into(), hex(&output(&broken, &["build", "--out", "out"])));
    sums
}

#[test]
fn every_output_is_byte_identical_to_the_recorded_checksums() {
    let sums = all_checksums();
    let text: String = sums.iter().map(|(name, sum)| format!("{sum}  {name}\n")).collect();
    let path = manifest_dir().join(RECORD);
    if std::env::var_os("CODEPUB_RECORD_OUTPUTS").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(&path).expect("tests/fixtures/outputs.sha256");
    let recorded: BTreeMap<&str, &str> =
        recorded.lines().filter_map(|line| line.split_once("  ")).map(|(sum, name)| (name, sum)).collect();
    let changed: Vec<String> = sums
        .iter()
        .filter(|(name, sum)| recorded.get(name.as_str()) != Some(&sum.as_str()))
        .map(|(name, _)| name.clone())
        .chain(recorded.keys().filter(|name| !sums.contains_key(**name)).map(|name| format!("{name} (gone)")))
        .collect();
    assert!(changed.is_empty(), "outputs changed from {RECORD}: {changed:#?}");
    assert!(sums.len() > 30, "too few outputs checked: {}", sums.len());
}
