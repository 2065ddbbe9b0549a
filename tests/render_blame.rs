//! A render error is reported at the source block that causes it (file:line:col of the
//! paragraph), never only at a template line: an unprintable character that `--allow-errors`
//! lets through, and a project template that fails on one paragraph's text. An error of the
//! template itself stays at the template.
#![cfg(feature = "pdf")]

use crate::common;

use common::{JA, TempProject, manifest_dir};
use predicates::prelude::*;

/// The line of `file` holding `needle`, 1-based.
fn line_of(project: &TempProject, file: &str, needle: &str) -> usize {
    project.read(file).lines().position(|line| line.contains(needle)).expect("the needle is in the file") + 1
}

#[test]
fn an_unprintable_character_let_through_by_allow_errors_is_reported_at_its_paragraph() {
    let project = TempProject::shipped();
    project.replace(JA, "一連の価値、原則、", "一連の価値、原則😀、");
    let line = line_of(&project, JA, "😀");
    project
        .codepub()
        .args(["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", "ja"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{JA}:{line}:1: the PDF could not be exported")))
        .stderr(predicate::str::contains("could not be displayed"))
        .stderr(predicate::str::contains("the ja text of introduction#2 fails to render even alone"));
}

/// The built-in `content.typ` with `block-of` wrapped to fail on a paragraph holding TRIPWIRE,
/// as a project's own template might fail on some text.
fn tripwire_template(project: &TempProject) {
    let content = std::fs::read_to_string(manifest_dir().join("templates/content.typ")).expect("built-in template");
    project.write(
        "templates/content.typ",
        format!(
            "{content}\n#let block-of-as-built = block-of\n#let block-of(b, lang, ..rest) = {{\n  \
             if repr(b).contains(\"TRIPWIRE\") {{ panic(\"a tripwire in the text\") }}\n  \
             block-of-as-built(b, lang, ..rest)\n}}\n"
        ),
    );
}

#[test]
fn a_template_error_one_paragraph_causes_is_reported_at_that_paragraph_with_the_template_place() {
    let project = TempProject::shipped();
    tripwire_template(&project);
    project.codepub().args(["build", "--format", "pdf", "--edition", "en"]).assert().success();
    let en = "content/en/10-code.md";
    project.replace(en, "Within the ISO system, we recognize", "Within the ISO system, TRIPWIRE, we recognize");
    let line = line_of(&project, en, "TRIPWIRE");
    project
        .codepub()
        .args(["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{en}:{line}:1: panicked with: a tripwire in the text")))
        .stderr(predicate::str::contains("the error arose in the template at templates/content.typ:"));
}

#[test]
fn an_error_of_the_template_itself_stays_at_the_template() {
    let project = TempProject::shipped();
    project.write("templates/content.typ", "#let block-of(b) = {\n");
    project
        .codepub()
        .args(["build", "--format", "pdf", "--edition", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("templates/content.typ:"))
        .stderr(predicate::str::contains("fails to render even alone").not())
        .stderr(predicate::str::contains("content/en/").not());
}
