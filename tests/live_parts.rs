//! The live loop on a long text: a warm rebuilder's PDF renderer keeps the parts of each long
//! edition and, after an edit, lays out again only the parts whose inputs changed. What it
//! writes is byte for byte what `codepub build` writes from the same sources, after every edit:
//! one word, a paragraph moved from an early part to a late one, and a paragraph made long
//! enough to push the pages after it on.

#![cfg(all(feature = "pdf", feature = "html"))]

use std::collections::BTreeMap;

use crate::common;

use codepub::i18n::{Localizer, UiLang};
use codepub::live::{Changes, Outcome, Pass, Plan, Rebuilder};
use codepub::pipeline::{OutputFormat, Silent};
use codepub::view::EditionKind;
use common::{TempProject, long_project};

const EN: &str = "content/en/10-code.md";
const JA: &str = "content/ja/10-code.md";
/// A paragraph of principle 3, in each copy of the body.
const EN_PARAGRAPH: &str = "We act with honesty, integrity";
const JA_PARAGRAPH: &str = "正直さ、誠実さ";
/// Enough copies of the body for the sources (some 15 KiB a copy) to be over the limit above
/// which editions are rendered one at a time, in parts.
const COPIES: usize = 40;
const EDITIONS: [EditionKind; 3] = [EditionKind::Bilingual, EditionKind::Facing, EditionKind::En];

fn rebuilder(project: &TempProject, out: &std::path::Path, editions: &[EditionKind]) -> Rebuilder {
    Rebuilder::new(Plan {
        root: project.root().to_path_buf(),
        out: out.to_path_buf(),
        editions: editions.to_vec(),
        named: true,
        formats: vec![OutputFormat::Pdf, OutputFormat::Html],
        font_path: Vec::new(),
    })
    .expect("renderers")
}

/// A pass after a change to the sources, which must rebuild.
fn pass(rebuilder: &mut Rebuilder, changes: &Changes) -> Pass {
    let l10n = Localizer::new(UiLang::English);
    let pass = rebuilder.pass(changes, &l10n, false, &Silent);
    assert!(matches!(pass.outcome, Outcome::Rebuilt(_)), "{}", pass.text);
    pass
}

/// The parts laid out again and all the parts, as the pass says.
fn parts(pass: &Pass) -> (usize, usize) {
    let line =
        (pass.text.lines().find(|line| line.starts_with("laid out "))).unwrap_or_else(|| panic!("{}", pass.text));
    let numbers: Vec<usize> = line.split(' ').filter_map(|word| word.parse().ok()).collect();
    (numbers[0], numbers[1])
}

/// Every file the rebuilder of `editions` wrote is what `codepub build` writes from the same
/// sources.
fn assert_as_built(project: &TempProject, rebuilder: &Rebuilder, editions: &[EditionKind], after: &str) {
    let built = tempfile::tempdir().unwrap();
    let named: Vec<&str> = editions.iter().map(|edition| edition.name()).collect();
    project
        .codepub()
        .args(["build", "--allow-errors", "--quiet", "--edition", &named.join(","), "--out"])
        .arg(built.path())
        .assert()
        .success();
    let outputs: &BTreeMap<String, Vec<u8>> = rebuilder.outputs();
    let pdfs = outputs.keys().filter(|path| path.ends_with(".pdf")).count();
    assert_eq!(pdfs, editions.len(), "{:?}", outputs.keys());
    for (path, bytes) in outputs {
        let cold = std::fs::read(built.path().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            &cold == bytes,
            "after {after}: {path} differs from a cold build ({} against {} bytes)",
            bytes.len(),
            cold.len()
        );
    }
}

/// `text` with `edit` applied to the body's copy `copy` only (its ids end `-r<copy>`).
fn in_copy(text: &str, copy: usize, edit: impl FnOnce(&str) -> String) -> String {
    let start = text.find(&format!("-r{copy}}}")).expect("the copy");
    let start = text[..start].rfind("\n## ").expect("its first heading") + 1;
    let end = (text[start..].find(&format!("-r{}}}", copy + 1))).map_or(text.len(), |at| {
        let at = start + at;
        text[..at].rfind("\n## ").expect("the next copy's heading") + 1
    });
    format!("{}{}{}", &text[..start], edit(&text[start..end]), &text[end..])
}

/// The paragraph of `text` holding `words`, with the blank line before it.
fn paragraph<'a>(text: &'a str, words: &str) -> &'a str {
    let at = text.find(words).expect("the paragraph");
    let start = text[..at].rfind("\n\n").expect("a paragraph before");
    let end = text[at..].find("\n\n").map_or(text.len(), |end| at + end);
    &text[start..end]
}

#[test]
fn after_each_edit_a_warm_rebuild_lays_out_only_changed_parts_and_writes_what_a_cold_build_writes() {
    let project = long_project(COPIES);
    let out = tempfile::tempdir().unwrap();
    let mut rebuilder = rebuilder(&project, out.path(), &EDITIONS);
    let first = pass(&mut rebuilder, &Changes::all());
    let (laid, all) = parts(&first);
    assert!(laid == all && all >= 3 * EDITIONS.len(), "every part laid out the first time: {}", first.text);
    let sources = Changes { sources: true, ..Changes::default() };

    // One word in the middle of the text: the part of each PDF edition that holds it is laid
    // out again (and the next, where the word moves the page the next part starts on); the
    // rest are as they were.
    let en = project.read(EN);
    let word = |copy: &str| copy.replacen(EN_PARAGRAPH, &format!("{EN_PARAGRAPH} and care"), 1);
    project.write(EN, in_copy(&en, COPIES / 2, word));
    let edited = pass(&mut rebuilder, &sources);
    let (laid, now) = parts(&edited);
    assert!(now == all && laid >= EDITIONS.len() && laid * 2 < all, "{}", edited.text);
    assert_as_built(&project, &rebuilder, &EDITIONS, "one word");

    // A paragraph moved, in both languages, from the second copy (the first part) to a late copy.
    for (file, words) in [(EN, EN_PARAGRAPH), (JA, JA_PARAGRAPH)] {
        let text = project.read(file);
        let moved = paragraph(&in_copy(&text, 1, |copy| copy.to_string()), words).to_string();
        let text = in_copy(&text, 1, |copy| copy.replacen(&moved, "", 1));
        let text = in_copy(&text, COPIES - 3, |copy| {
            let after = paragraph(copy, words).to_string();
            copy.replacen(&after, &format!("{after}{moved}"), 1)
        });
        project.write(file, text);
    }
    let moved = pass(&mut rebuilder, &sources);
    assert!(parts(&moved).0 > 0, "{}", moved.text);
    assert_as_built(&project, &rebuilder, &EDITIONS, "a paragraph moved across parts");

    // A paragraph made pages long early in the text: the pages after it move on.
    let long = format!("{EN_PARAGRAPH}{}", " and with care for every party".repeat(400));
    let en = project.read(EN);
    project.write(EN, in_copy(&en, 2, |copy| copy.replacen(EN_PARAGRAPH, &long, 1)));
    let longer = pass(&mut rebuilder, &sources);
    assert!(parts(&longer).0 > EDITIONS.len(), "the parts after it laid out again: {}", longer.text);
    assert_as_built(&project, &rebuilder, &EDITIONS, "a paragraph made pages long");
}

#[test]
fn a_change_to_a_template_lays_out_every_part_again() {
    let project = long_project(COPIES);
    let out = tempfile::tempdir().unwrap();
    let mut rebuilder = rebuilder(&project, out.path(), &[EditionKind::En]);
    let (_, all) = parts(&pass(&mut rebuilder, &Changes::all()));
    // The project's own style: the defaults with a comment added, so the pages are the same.
    let style = codepub::render::Templates::built_in().read("style.typ").ok().expect("the default style").text;
    project.write("templates/style.typ", format!("{style}\n// the publisher's own\n"));
    let after = pass(&mut rebuilder, &Changes { templates: true, ..Changes::default() });
    assert_eq!(parts(&after), (all, all), "{}", after.text);
    assert_as_built(&project, &rebuilder, &[EditionKind::En], "a template changed");
}
