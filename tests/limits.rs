//! Nesting limits: markup nested deeper than the limit (12) is an input error at its line (E014,
//! exit 2) in every command, never a stack overflow; markup nested exactly to the limit checks,
//! builds (PDF through Typst, HTML) and diffs.

#![cfg(all(feature = "pdf", feature = "html"))]

use crate::common;

use common::TempProject;
use predicates::prelude::*;

const LIMIT: usize = 12;

/// A clause whose paragraph sits in `quotes` block quotes and `inline` levels of emphasis
/// (alternating `*` and `_`, so that the delimiters nest).
fn nested(id: &str, heading: &str, quotes: usize, inline: usize, word: &str) -> String {
    let marks: Vec<&str> = (0..inline).map(|i| if i % 2 == 0 { "*" } else { "_" }).collect();
    let open: String = marks.iter().map(|m| format!("{m}{word} ")).collect();
    let close: String = marks.iter().rev().map(|m| format!(" {word}{m}")).collect();
    format!("# {heading} {{#{id}}}\n\n{} {open}{word}{close}\n", ">".repeat(quotes))
}

fn at_the_limit() -> TempProject {
    let en = [
        nested("quotes", "Quotes", LIMIT, 0, "deep"),
        nested("mixed", "Mixed", LIMIT / 2, LIMIT / 2, "word"),
        nested("inline", "Inline", 0, LIMIT, "word"),
    ]
    .concat();
    let ja = [
        nested("quotes", "引用", LIMIT, 0, "深い"),
        nested("mixed", "混合", LIMIT / 2, LIMIT / 2, "語"),
        nested("inline", "書式", 0, LIMIT, "語"),
    ]
    .concat();
    TempProject::small(&en, &ja)
}

#[test]
fn markup_nested_to_the_limit_builds_pdf_and_html() {
    let project = at_the_limit();
    project
        .codepub()
        .args(["build", "--allow-errors", "--quiet", "--format", "pdf,html"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("panicked").not());
    for file in ["out/small-bilingual.pdf", "out/small-en.pdf", "out/small-ja.pdf", "out/html/index.html"] {
        assert!(project.path(file).is_file(), "{file} written");
    }
}

#[test]
fn markup_nested_to_the_limit_checks_and_diffs() {
    let project = at_the_limit();
    project
        .codepub()
        .arg("check")
        .assert()
        .stderr(predicate::str::contains("error[E014]").not())
        .code(predicate::in_iter([0, 1]));
    let other = at_the_limit();
    other.replace("content/en/a.md", "deep", "deeper");
    project
        .codepub()
        .args(["diff", project.root().to_str().unwrap(), other.root().to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("{+deeper+}"));
    for format in ["html", "pdf"] {
        let out = project.path(&format!("redline.{format}"));
        project
            .codepub()
            .args(["diff", project.root().to_str().unwrap(), other.root().to_str().unwrap(), "--format", format])
            .arg("--out")
            .arg(&out)
            .assert()
            .code(1);
        assert!(out.is_file(), "{format} redline written");
    }
}

#[test]
fn one_level_over_the_limit_is_refused_at_its_line() {
    let en = format!("# T {{#t}}\n\nText.\n\n{}", nested("over", "Over", LIMIT / 2, LIMIT / 2 + 1, "word"));
    let project = TempProject::small(&en, "# T {#t}\n\n本文。\n");
    project
        .codepub()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E014]"))
        .stderr(predicate::str::contains("--> content/en/a.md:7:"))
        .stderr(predicate::str::contains("at most 12 levels deep"));
}

/// The inputs of the issue: 5 000 nested block quotes, and 3 000 nested list markers followed by
/// 20 000 `[`, in both languages: refused by check, build and diff alike, without aborting.
#[test]
fn thousands_of_nested_quotes_or_lists_are_refused_by_every_command() {
    let quotes = format!("# T {{#t}}\n\n{} deep\n", ">".repeat(5000));
    let lists = format!("# T {{#t}}\n\n{}{}\n", "- ".repeat(3000), "[".repeat(20000));
    for body in [quotes, lists] {
        let project = TempProject::small(&body, &body);
        for args in [&["check"][..], &["build", "--allow-errors"], &["diff", ".", "."]] {
            project
                .codepub()
                .current_dir(project.root())
                .args(args)
                .assert()
                .code(2)
                .stderr(predicate::str::contains("error[E014]"))
                .stderr(predicate::str::contains("--> content/en/a.md:3:"));
        }
    }
}
