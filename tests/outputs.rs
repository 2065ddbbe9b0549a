//! The output folder, shared with whoever else keeps files there: codepub replaces and removes
//! only the files it wrote (`out/.codepub/manifest.json`), publishes one build at a time, cleans
//! what a killed build left, and a build killed at any step of its publication leaves the old set
//! of files or the new one, each whole, once the next run has finished its swap. Small projects
//! built as HTML, to keep it quick.

#![cfg(feature = "html")]

use crate::common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::TempProject;
use predicates::prelude::*;

const EN: &str = "# Names {#names}\n\nMr Yoshida, Mr Takahashi and Ms Yamasaki.\n";
const JA: &str = "# 名前 {#names}\n\n吉田さん、髙橋さん、山﨑さん。\n";

fn small() -> TempProject {
    TempProject::small(EN, JA)
}

/// `codepub build --format html --out <out> <args>`.
fn build(project: &TempProject, out: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut command = project.codepub();
    command.args(["build", "--format", "html", "--out"]).arg(out).args(args);
    command
}

/// Every file under `dir` by path (with `/`), with its bytes; codepub's own `.codepub/` aside.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walk(dir) {
        let relative = entry.strip_prefix(dir).unwrap().to_str().unwrap().replace('\\', "/");
        if !relative.starts_with(".codepub/") {
            files.insert(relative, std::fs::read(&entry).unwrap());
        }
    }
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { found.extend(walk(&path)) } else { found.push(path) }
    }
    found
}

/// What is left in `out` beside the files, codepub's lock and its manifest: temporary files,
/// staging folders, a journal.
fn leftovers(out: &Path) -> Vec<String> {
    let names = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|entries| entries.map(|entry| entry.unwrap().file_name().into_string().unwrap()).collect())
            .unwrap_or_default()
    };
    let mut left: Vec<String> = names(out).into_iter().filter(|name| name.starts_with(".codepub-")).collect();
    left.extend(names(&out.join(".codepub")).into_iter().filter(|name| name != "lock" && name != "manifest.json"));
    left.sort();
    left
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn files_in_the_html_folder_that_codepub_did_not_write_survive_every_build() {
    let project = small();
    let out = project.path("o");
    std::fs::create_dir_all(out.join("html/sub")).unwrap();
    write(&out.join("html/precious.txt"), "x\n");
    build(&project, &out, &["--edition", "en,bilingual"]).assert().code(0);
    assert!(out.join("html/en.html").is_file() && out.join("html/index.html").is_file());
    // Again, with a page fewer: codepub's stale page goes, the others' files stay.
    build(&project, &out, &["--edition", "ja,bilingual"]).assert().code(0);
    assert!(!out.join("html/en.html").exists(), "the page codepub wrote and no longer writes is removed");
    assert!(out.join("html/ja.html").is_file());
    assert_eq!(std::fs::read_to_string(out.join("html/precious.txt")).unwrap(), "x\n");
    assert!(out.join("html/sub").is_dir());
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

#[test]
fn a_build_that_would_replace_a_file_codepub_did_not_write_is_refused_naming_it() {
    let project = small();
    let out = project.path("o");
    write(&out.join("html/index.html"), "my own page\n");
    build(&project, &out, &[])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "error: {} was not written by codepub, or was changed since",
            out.join("html").join("index.html").display()
        )))
        .stderr(predicate::str::contains("= help: codepub replaces and removes only the files it wrote itself"));
    assert_eq!(std::fs::read_to_string(out.join("html/index.html")).unwrap(), "my own page\n");
    assert!(!out.join("html/en.html").exists(), "nothing is published");
    // A page codepub wrote and someone edited since is not codepub's to replace either.
    std::fs::remove_file(out.join("html/index.html")).unwrap();
    build(&project, &out, &[]).assert().code(0);
    write(&out.join("html/en.html"), "edited\n");
    project.replace("content/en/a.md", "Mr Yoshida", "Dr Yoshida");
    build(&project, &out, &[]).assert().code(2).stderr(predicate::str::contains("en.html was not written by codepub"));
    assert_eq!(std::fs::read_to_string(out.join("html/en.html")).unwrap(), "edited\n");
}

#[test]
fn concurrent_builds_into_one_folder_all_succeed_one_after_another_and_leave_nothing_behind() {
    let project = small();
    let reference = project.path("reference");
    build(&project, &reference, &[]).assert().code(0);
    let out = project.path("o");
    for _ in 0..3 {
        let builds: Vec<_> = (0..4)
            .map(|_| {
                let mut command = Command::new(assert_cmd::cargo::cargo_bin("codepub"));
                command.arg("--root").arg(project.root()).args(["--lang", "en", "--color", "never"]);
                command.args(["build", "--format", "html", "--out"]).arg(&out);
                command.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap()
            })
            .collect();
        for child in builds {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        }
        assert_eq!(files(&out), files(&reference));
        assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
    }
}

#[test]
fn a_build_waits_for_the_one_writing_the_folder_and_says_so() {
    let project = small();
    let out = project.path("o");
    std::fs::create_dir_all(out.join(".codepub")).unwrap();
    let mut lock = std::fs::File::create(out.join(".codepub/lock")).unwrap();
    lock.lock().unwrap();
    write!(lock, "{}", std::process::id()).unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("codepub"))
        .arg("--root")
        .arg(project.root())
        .args(["--lang", "en", "--color", "never", "build", "--format", "html", "--out"])
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (send, lines) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let waiting = format!("waiting for another build writing {} (pid {})", out.display(), std::process::id());
    let mut seen = String::new();
    while !seen.contains(&waiting) {
        match lines.recv_timeout(Duration::from_secs(120)) {
            Ok(line) => seen.push_str(&(line + "\n")),
            Err(_) => panic!("no {waiting:?} on standard error:\n{seen}"),
        }
    }
    assert!(!out.join("html/index.html").exists(), "nothing is written while the folder is held");
    drop(lock);
    assert!(child.wait().unwrap().success());
    assert!(out.join("html/index.html").is_file());
}

#[test]
fn what_a_killed_build_left_is_removed_by_the_next_one() {
    let project = small();
    let out = project.path("o");
    build(&project, &out, &[]).assert().code(0);
    // What a build killed while writing left before codepub kept .codepub/: a PDF cut short
    // beside its destination, the HTML folder staged, the last one set aside.
    write(&out.join(".codepub-aB3dE9"), "%PDF-1.7\n%cut sh");
    write(&out.join(".codepub-Qw12er/index.html"), "<p>new</p>");
    write(&out.join(".codepub-old-Zx81Qa/index.html"), "<p>old</p>");
    // A file of a like name that is not codepub's stays.
    write(&out.join(".codepub-backup"), "my notes");
    build(&project, &out, &[]).assert().code(0);
    assert_eq!(leftovers(&out), [".codepub-backup"]);
    assert_eq!(std::fs::read_to_string(out.join(".codepub-backup")).unwrap(), "my notes");
    // A build killed with every file staged leaves its staging folder; the next one removes it.
    project.replace("content/en/a.md", "Mr Yoshida", "Dr Yoshida");
    let killed = build(&project, &out, &[]).env("CODEPUB_FAULT_AFTER_STEP", "1").assert().failure();
    assert!(String::from_utf8_lossy(&killed.get_output().stderr).contains("CODEPUB_FAULT_AFTER_STEP=1"));
    assert!(leftovers(&out).iter().any(|name| name.starts_with("staging-")), "{:?}", leftovers(&out));
    build(&project, &out, &[]).assert().code(0);
    assert_eq!(leftovers(&out), [".codepub-backup"]);
    assert!(std::fs::read_to_string(out.join("html/en.html")).unwrap().contains("Dr Yoshida"));
}

/// Builds `project` (`--edition` `editions`) into a fresh folder: the files a build of it writes.
fn reference(project: &TempProject, editions: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    build(project, dir.path(), &["--edition", editions]).assert().code(0);
    files(dir.path())
}

#[test]
fn a_build_killed_at_any_step_of_its_publication_leaves_the_old_set_or_the_new_one_whole() {
    // The old set: English and bilingual pages; the new one: Japanese and bilingual pages of
    // other sources, so one page is replaced, one added, one removed, the stylesheet kept.
    let (old_project, new_project) =
        (small(), TempProject::small(&EN.replace("Mr", "Dr"), &JA.replace("吉田", "吉川")));
    let (old_editions, new_editions) = ("en,bilingual", "ja,bilingual");
    let others =
        BTreeMap::from([("html/precious.txt".to_string(), b"x\n".to_vec()), ("notes.txt".into(), b"y\n".to_vec())]);
    let with_others = |files: BTreeMap<String, Vec<u8>>| files.into_iter().chain(others.clone()).collect();
    let old: BTreeMap<String, Vec<u8>> = with_others(reference(&old_project, old_editions));
    let new: BTreeMap<String, Vec<u8>> = with_others(reference(&new_project, new_editions));
    assert!(old.contains_key("html/en.html") && !new.contains_key("html/en.html"));
    assert_ne!(old["html/index.html"], new["html/index.html"]);
    assert_eq!(old["html/style.css"], new["html/style.css"]);
    let start = tempfile::tempdir().unwrap();
    build(&old_project, start.path(), &["--edition", old_editions]).assert().code(0);
    for (path, bytes) in &others {
        write(&start.path().join(path), std::str::from_utf8(bytes).unwrap());
    }

    let mut step = 0;
    loop {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        common::copy_dir(start.path(), &out);
        let run = build(&new_project, &out, &["--edition", new_editions])
            .env("CODEPUB_FAULT_AFTER_STEP", step.to_string())
            .output()
            .unwrap();
        if run.status.success() {
            assert_eq!(files(&out), new, "no fault after step {step}: the new set");
            break;
        }
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(&format!("CODEPUB_FAULT_AFTER_STEP={step}")), "step {step}: {stderr}");
        // Killed: every file whole, the old one or the new one; the old set until the journal.
        let seen = files(&out);
        for (path, bytes) in &seen {
            assert!(old.get(path) == Some(bytes) || new.get(path) == Some(bytes), "step {step}: {path} is neither");
        }
        if step <= 1 {
            assert_eq!(seen, old, "killed after step {step}, before the journal: the old set");
        }
        // The next run finishes the swap before anything else (killed right after, at step 0).
        let next = build(&new_project, &out, &["--edition", new_editions])
            .env("CODEPUB_FAULT_AFTER_STEP", "0")
            .output()
            .unwrap();
        assert!(!next.status.success());
        let (expected, which) = if step <= 1 { (&old, "old") } else { (&new, "new") };
        assert_eq!(&files(&out), expected, "killed after step {step}, then recovered: the {which} set");
        assert!(leftovers(&out).is_empty(), "step {step}: {:?}", leftovers(&out));
        // And a build after that is a build like any other.
        build(&old_project, &out, &["--edition", old_editions]).assert().code(0);
        assert_eq!(files(&out), old, "step {step}: built again");
        step += 1;
    }
    // Locked and recovered, staged, journal, 2 renames, 1 removal, manifest, journal and
    // staging folder removed.
    assert_eq!(step, 9, "a fault was injected after each step of the publication");
}
