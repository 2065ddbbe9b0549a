//! `codepub diff` through the real binary: folders and git revisions, formats, exit statuses.

use crate::common;

use common::{EN, JA, TempProject, git, manifest_dir};
use predicates::prelude::*;

fn synthetic_revision() -> String {
    manifest_dir().join("tests/fixtures/revisions/2025-synthetic").display().to_string()
}

#[test]
fn identical_revisions_exit_0() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    project.codepub().args(["diff", &root, &root]).assert().code(0);
}

#[test]
fn changed_folders_exit_1_with_a_header_naming_both_resolutions() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    project
        .codepub()
        .args(["diff", &root, &synthetic_revision()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Council Resolution 11/2023 (adopted 2023-02-23)"))
        .stdout(predicate::str::contains("Council Resolution 7/2025 (adopted 2025-06-12)"))
        .stdout(predicate::str::contains("principle-11"));
}

#[test]
fn git_revisions_are_compared_and_the_stale_japanese_is_named() {
    let project = TempProject::shipped();
    git(project.root(), &["init", "-q", "-b", "main"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "11/2023"]);
    git(project.root(), &["tag", "r11-2023"]);
    project.replace(EN, "We act with honesty", "We act with complete honesty");
    git(project.root(), &["commit", "-q", "-am", "revise principle 3"]);
    let output = project.codepub().args(["diff", "r11-2023", "HEAD", "--format", "json"]).assert().code(1);
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("principle-3#1"), "{text}");
    assert!(text.contains("complete"), "{text}");
    project.codepub().args(["diff", "HEAD", "HEAD"]).assert().code(0);
}

#[test]
#[cfg_attr(not(feature = "html"), ignore = "needs the html feature")]
fn html_redline_is_written_to_the_out_file() {
    let project = TempProject::shipped();
    project.replace(
        JA,
        "私たちは、本機構専用のデータ保護ポリシーを遵守します。",
        "私たちは、本機構専用のデータ保護方針を遵守します。",
    );
    let out = project.path("redline.html");
    project
        .codepub()
        .args([
            "diff",
            &manifest_dir().display().to_string(),
            &project.root().display().to_string(),
            "--format",
            "html",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(out).unwrap();
    assert!(html.contains("<ins") && html.contains("<del"), "{html}");
}

#[test]
fn an_unknown_revision_exits_2_with_a_clear_message() {
    let project = TempProject::shipped();
    git(project.root(), &["init", "-q"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "x"]);
    project
        .codepub()
        .args(["diff", "v9.9", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E012]: unknown revision `v9.9`"));
}

#[test]
fn a_project_outside_any_repository_exits_2() {
    let project = TempProject::shipped();
    project
        .codepub()
        .args(["diff", "HEAD~1", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a git repository"));
}

#[test]
fn pdf_redline_needs_an_output_file() {
    let project = TempProject::shipped();
    project.codepub().args(["diff", "HEAD~1", "HEAD", "--format", "pdf"]).assert().code(2);
}

#[test]
#[cfg_attr(not(feature = "pdf"), ignore = "needs the pdf feature")]
fn the_pdf_redline_titles_each_clause_by_its_headings_in_both_languages() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    let pdf = project.path("redline.pdf");
    project
        .codepub()
        .args(["diff", &synthetic_revision(), &root, "--format", "pdf", "--out"])
        .arg(&pdf)
        .assert()
        .code(1);
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text: String = String::from_utf8_lossy(&text.stdout).split_whitespace().collect();
    assert!(text.contains("3.Behaveethically/3.倫理的な行動"), "{text}");
    assert!(!text.contains("principle-3\n") && !text.contains("principle-3principle"), "titled by id: {text}");
}

#[test]
#[cfg_attr(not(feature = "html"), ignore = "needs the html feature")]
fn a_project_redline_template_replaces_the_built_in_one() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    project.write("templates/redline.html", "<p>{{ view.clauses | length }} clauses changed</p>\n");
    let out = project.path("redline.html");
    project
        .codepub()
        .args(["diff", &synthetic_revision(), &root, "--format", "html", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(&out).expect("written");
    assert!(html.starts_with("<p>") && html.ends_with("clauses changed</p>\n"), "{html}");
}

/// The state `status --format json` gives the pair at `address`.
fn state_of(project: &TempProject, address: &str) -> String {
    let status = project.json(&["status", "--format", "json"], 0);
    let pairs = status["pairs"].as_array().unwrap();
    pairs.iter().find(|p| p["address"] == address).unwrap()["state"].as_str().unwrap().to_string()
}

/// `(address, kind)` of each entry of `diff OLD NEW --format json`'s stale list.
fn stale_list(project: &TempProject, old: &str, new: &str) -> Vec<(String, String)> {
    let output = project.codepub().args(["diff", old, new, "--format", "json"]).output().unwrap();
    let diff: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let stale = diff["stale"].as_array().unwrap().iter();
    stale.map(|s| (s["address"].as_str().unwrap().to_string(), s["kind"].as_str().unwrap().to_string())).collect()
}

/// Sign off (r1); change the English of two paragraphs, one only by its spacing (r2); update the
/// Japanese of the one that really changed (r3): `status`, P013 and `diff` say the same of
/// every pair at each step, and the catch-up reads "translation updated, awaiting review".
#[test]
fn diff_status_and_check_agree_along_a_revision_history() {
    let project = TempProject::shipped();
    let signed = |p: &TempProject| {
        p.codepub().args(["sign-off", "--by", "Aiko Tanaka"]).env("CODEPUB_NOW", "1772357400").assert().code(0);
    };
    signed(&project);
    git(project.root(), &["init", "-q", "-b", "main"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "r1: signed off"]);
    git(project.root(), &["tag", "r1"]);

    let (old, new) = ("data protection policies.", "data protection and privacy policies.");
    project.replace(EN, old, new);
    project.replace(EN, "We act with honesty, integrity", "We act  with honesty,\nintegrity");
    git(project.root(), &["commit", "-q", "-am", "r2: English revised"]);
    git(project.root(), &["tag", "r2"]);
    assert_eq!(state_of(&project, "principle-7#3"), "source-changed");
    assert_eq!(state_of(&project, "principle-3#1"), "current");
    let stale_r2 = vec![("principle-7#3".to_string(), "japanese-stale".to_string())];
    assert_eq!(stale_list(&project, "r1", "r2"), stale_r2);
    let check = project.codepub().arg("check").output().unwrap();
    let check = String::from_utf8(check.stdout).unwrap();
    assert_eq!(check.matches("error[P013]").count(), 1, "{check}");
    assert!(check.contains("error[P013]: source changed"), "{check}");

    project.replace(JA, "データ保護ポリシー", "データ保護およびプライバシーポリシー");
    git(project.root(), &["commit", "-q", "-am", "r3: Japanese follows"]);
    git(project.root(), &["tag", "r3"]);
    assert_eq!(state_of(&project, "principle-7#3"), "translation-updated");
    assert_eq!(state_of(&project, "principle-3#1"), "current");
    let status = project.json(&["status", "--format", "json"], 0);
    let not_current: Vec<&str> = (status["pairs"].as_array().unwrap().iter())
        .filter(|p| p["state"] != "current")
        .map(|p| p["address"].as_str().unwrap())
        .collect();
    assert_eq!(not_current, ["principle-7#3"]);
    let human = project.codepub().arg("status").output().unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(human.contains("principle-7#3  translation updated, awaiting review"), "{human}");
    assert!(!human.contains("principle-3#1"), "{human}");

    // The catch-up, from either earlier revision: awaiting review, not "review the English".
    let updated = vec![("principle-7#3".to_string(), "translation-updated".to_string())];
    assert_eq!(stale_list(&project, "r2", "r3"), updated);
    assert_eq!(stale_list(&project, "r1", "r3"), updated);
    project
        .codepub()
        .args(["diff", "r2", "r3"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("principle-7#3  translation updated, awaiting review"))
        .stdout(predicate::str::contains("review the English").not());
    // The spacing of principle 3 is no change to diff either.
    let r1_r2 = project.codepub().args(["diff", "r1", "r2", "--format", "json"]).output().unwrap();
    let r1_r2: serde_json::Value = serde_json::from_slice(&r1_r2.stdout).unwrap();
    let clauses: Vec<&str> = r1_r2["clauses"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(clauses, ["principle-7"]);

    let check = project.codepub().arg("check").output().unwrap();
    let check = String::from_utf8(check.stdout).unwrap();
    assert_eq!(check.matches("error[P013]").count(), 1, "{check}");
    assert!(check.contains("error[P013]: translation updated, awaiting review"), "{check}");
    assert!(check.contains("English changes since sign-off:"), "{check}");

    // Signed off again: current everywhere, and nothing left for diff to list.
    signed(&project);
    git(project.root(), &["commit", "-q", "-am", "r4: reviewed"]);
    assert_eq!(state_of(&project, "principle-7#3"), "current");
    assert_eq!(stale_list(&project, "r1", "HEAD"), []);
    project.codepub().arg("check").assert().code(0);
}

/// The text of a PDF, by pdftotext (poppler-utils), with its whitespace runs made single spaces.
fn pdf_text(pdf: &std::path::Path) -> String {
    let text = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `diff OLD NEW --format FORMAT --out redline.FORMAT` in `project`; the redline's path.
fn redline(project: &TempProject, old: &str, new: &str, format: &str) -> std::path::PathBuf {
    let out = project.path(&format!("redline.{format}"));
    project.codepub().args(["diff", old, new, "--format", format, "--out"]).arg(&out).assert().code(1);
    out
}

#[test]
#[cfg_attr(not(all(feature = "html", feature = "pdf")), ignore = "needs the html and pdf features")]
fn the_redline_header_names_both_revisions() {
    // Two folders: the project's own, and another one named by its folder.
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    let html = std::fs::read_to_string(redline(&project, &root, &synthetic_revision(), "html")).expect("written");
    let old = "<dt>Old</dt><dd>Council Resolution 11/2023 · 2023-02-23 · the project&#39;s folder</dd>";
    let new = "<dt>New</dt><dd>Council Resolution 7/2025 · 2025-06-12 · folder 2025-synthetic</dd>";
    assert!(html.contains(old) && html.contains(new), "{html}");
    assert!(!html.contains(&root), "the folder's whole path ties the redline to the machine");
    let pdf = pdf_text(&redline(&project, &root, &synthetic_revision(), "pdf"));
    assert!(pdf.contains("Old Council Resolution 11/2023 · 2023-02-23 · the project's folder"), "{pdf}");
    assert!(pdf.contains("New Council Resolution 7/2025 · 2025-06-12 · folder 2025-synthetic"), "{pdf}");

    // Two git revisions, named as given.
    git(project.root(), &["init", "-q", "-b", "main"]);
    git(project.root(), &["add", "content", "codepub.toml"]);
    git(project.root(), &["commit", "-q", "-m", "11/2023"]);
    git(project.root(), &["tag", "r11-2023"]);
    project.replace(EN, "We act with honesty", "We act with complete honesty");
    git(project.root(), &["commit", "-q", "-am", "revise principle 3"]);
    // Each named with its commit, shortened as git shortens it, and the commit's date.
    let commit_of = |revision: &str| {
        let output = std::process::Command::new("git")
            .current_dir(project.root())
            .args(["log", "-1", "--format=%h %cs", revision])
            .output()
            .expect("git runs");
        let line = String::from_utf8(output.stdout).expect("UTF-8");
        let (hash, date) = line.trim().split_once(' ').expect("hash and date");
        format!("commit {hash} of {date}")
    };
    let (old_commit, new_commit) = (commit_of("r11-2023"), commit_of("HEAD"));
    assert_ne!(old_commit, new_commit);
    let html = std::fs::read_to_string(redline(&project, "r11-2023", "HEAD", "html")).expect("written");
    let old = format!("<dd>Council Resolution 11/2023 · 2023-02-23 · git revision r11-2023, {old_commit}</dd>");
    let new = format!("<dd>Council Resolution 11/2023 · 2023-02-23 · git revision HEAD, {new_commit}</dd>");
    assert!(html.contains(&old) && html.contains(&new), "{html}");
    let pdf = pdf_text(&redline(&project, "r11-2023", "HEAD", "pdf"));
    assert!(pdf.contains(&format!("git revision r11-2023, {old_commit}")), "{pdf}");
    assert!(pdf.contains(&format!("git revision HEAD, {new_commit}")), "{pdf}");

    // In Japanese.
    let out = project.path("redline-ja.html");
    let mut command = project.codepub();
    command.args(["--lang", "ja", "diff", &root, &synthetic_revision(), "--format", "html", "--out"]).arg(&out);
    command.assert().code(1);
    let html = std::fs::read_to_string(out).expect("written");
    assert!(
        html.contains("<dt>新版</dt><dd>理事会決議 7/2025 · 2025-06-12 · フォルダー 2025-synthetic</dd>"),
        "{html}"
    );
}

#[test]
#[cfg_attr(not(all(feature = "html", feature = "pdf")), ignore = "needs the html and pdf features")]
fn markup_in_source_text_is_text_in_the_html_and_pdf_redline() {
    let project = TempProject::shipped();
    let root = project.root().display().to_string();
    let hostile = r#"We act with <script>alert("x")</script> #set page(width: 1pt) $x^2$ ] [x] \ honesty"#;
    project.replace(EN, "We act with honesty", hostile);
    project.replace(JA, "正直さ", "#strong[正直さ] $y$ ]");
    let base = manifest_dir().display().to_string();

    let html = std::fs::read_to_string(redline(&project, &base, &root, "html")).expect("written");
    assert!(!html.contains("<script"), "{html}");
    // The text as it reads, the <ins> marks aside.
    let text = regex::Regex::new("</?(ins|del)>").expect("regex").replace_all(&html, "");
    assert!(text.contains(r#"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; #set page(width: 1pt) $x^2$ ] [x] \"#));
    assert!(text.contains("#strong[正直さ] $y$ ]"), "{text}");

    let pdf = pdf_text(&redline(&project, &base, &root, "pdf"));
    // Line by line (pdftotext reads the two columns' lines in turn).
    for fragment in [r#"<script>alert("x")</script>"#, "#set page(width: 1pt)", r"$x^2$ ] [x] \ honesty"] {
        assert!(pdf.contains(fragment), "{fragment} in {pdf}");
    }
    assert!(pdf.contains("#strong[正直さ] $y$ ]"), "{pdf}");
}
