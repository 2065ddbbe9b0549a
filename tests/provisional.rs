//! `codepub build --provisional`: the translations that are stale or never signed off (P013)
//! published, each marked where it is printed (a footnote's too) and explained by a note on the
//! title page, in the PDF editions and the HTML; any other error still stops the build; and a
//! project with nothing provisional builds as without the option, byte for byte.

#![cfg(all(feature = "pdf", feature = "html"))]

use crate::common;

use common::poppler::{self, squash};
use common::{JA, TempProject};
use predicates::prelude::*;

/// The Japanese paragraph edited (principle-1#1), before and after: the edit changes no number,
/// punctuation or term, so P013 (the Japanese changed since sign-off) is its only finding.
const SIGNED: &str = "私たちは、適用される法律および規制を尊重し、共謀または反競争的な行動を避けます。";
const EDITED: &str = "私たちは、適用される法律および規制を尊重し、共謀または反競争的な行動を回避します。";
const ADDRESS: &str = "principle-1#1";
const NOTE_EN: &str = "Provisional translation: where the texts differ, the English text prevails.";
const NOTE_JA: &str = "暫定訳：両テキストに相違がある場合は、英語のテキストが優先します。";
const MARK: char = '†';

fn stale_project() -> TempProject {
    let project = TempProject::shipped();
    project.replace(JA, SIGNED, EDITED);
    project
}

/// Each page's text, squashed: the whole page, or with `right_half` the right half only (the
/// Japanese column of the bilingual edition).
fn page_texts(pdf: &std::path::Path, right_half: bool) -> Vec<String> {
    (1..=poppler::page_count(pdf))
        .map(|page| {
            let page = page.to_string();
            let mut args = vec!["-f", &page, "-l", &page];
            if right_half {
                args.extend(["-x", "298", "-y", "0", "-W", "297", "-H", "842"]);
            }
            squash(&poppler::run("pdftotext", &args, pdf))
        })
        .collect()
}

/// The body pages (after the title page) that print the mark, each with how often.
fn marked_pages(pages: &[String]) -> Vec<(usize, usize)> {
    (pages.iter().enumerate().skip(1))
        .map(|(i, text)| (i + 1, text.matches(MARK).count()))
        .filter(|&(_, count)| count > 0)
        .collect()
}

#[test]
fn a_stale_translation_stops_a_plain_build_and_is_published_marked_with_provisional() {
    let project = stale_project();
    project
        .codepub()
        .arg("build")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[P013]"))
        .stderr(predicate::str::contains("not publishing"));
    assert!(!project.path("out").exists());
    project.codepub().args(["build", "--provisional", "--edition", "bilingual,en,ja"]).assert().code(0).stderr(
        predicate::str::contains("warning: publishing one provisional translation, marked as such (--provisional)"),
    );

    // The bilingual PDF: the note in both languages on the title page; the mark once in the body,
    // in the Japanese column, at the start of the edited paragraph.
    let bilingual = project.path("out/code-bilingual.pdf");
    let whole = page_texts(&bilingual, false);
    assert!(whole[0].contains(&squash(&format!("{MARK} {NOTE_EN}"))), "{}", whole[0]);
    assert!(whole[0].contains(&squash(&format!("{MARK} {NOTE_JA}"))), "{}", whole[0]);
    let right = page_texts(&bilingual, true);
    let marked = marked_pages(&right);
    assert!(matches!(marked[..], [(_, 1)]), "the mark on one body page, once: {marked:?}");
    let page = &right[marked[0].0 - 1];
    assert!(page.contains(&format!("{MARK}{}", squash(EDITED))), "the mark opens the edited paragraph: {page}");
    assert_eq!(marked_pages(&whole), marked, "nothing marked in the English column");
    let info = poppler::run("pdfinfo", &[], &bilingual);
    assert!(info.lines().any(|l| l.starts_with("Keywords:") && l.contains("Provisional translation")), "{info}");

    // The Japanese PDF: its note, and the mark at the paragraph only.
    let ja = page_texts(&project.path("out/code-ja.pdf"), false);
    assert!(ja[0].contains(&squash(&format!("{MARK} {NOTE_JA}"))), "{}", ja[0]);
    assert!(!ja[0].contains(&squash(NOTE_EN)));
    let marked = marked_pages(&ja);
    assert!(matches!(marked[..], [(_, 1)]), "{marked:?}");
    assert!(ja[marked[0].0 - 1].contains(&format!("{MARK}{}", squash(EDITED))));

    // The English PDF prints no Japanese: nothing provisional in it.
    let en = poppler::run("pdftotext", &[], &project.path("out/code-en.pdf"));
    assert!(!en.contains(MARK) && !en.contains("Provisional"), "{en}");

    // The HTML: the edited paragraph's Japanese cell marked, and only it; the note on the title page.
    let index = project.read("out/html/index.html");
    assert_eq!(index.matches("class=\"cell provisional\"").count(), 1, "{index}");
    let row = index.split(&format!("data-address=\"{ADDRESS}\"")).nth(1).expect("the edited row");
    let row = &row[..row.find("</div>\n</div>").expect("the row's end")];
    let mark = format!(
        "<span class=\"provisional-mark\" role=\"img\" aria-label=\"{NOTE_JA}\" title=\"{NOTE_JA}\">{MARK}</span>"
    );
    assert!(row.contains(&format!("<div class=\"cell provisional\" lang=\"ja\">{mark}<p>{EDITED}</p>")), "{row}");
    assert!(index.contains(&format!("<span lang=\"en\">{MARK} {NOTE_EN}</span>")), "{index}");
    assert!(index.contains(&format!("<span lang=\"ja\">{MARK} {NOTE_JA}</span>")), "{index}");
    assert!(index.contains("<meta name=\"codepub-provisional\" content=\"true\">"));
    let ja_page = project.read("out/html/ja.html");
    assert_eq!(ja_page.matches("class=\"cell provisional\"").count(), 1);
    assert!(ja_page.contains(NOTE_JA) && !ja_page.contains(NOTE_EN));
    let en_page = project.read("out/html/en.html");
    assert!(!en_page.contains("provisional"), "{en_page}");
}

#[test]
fn a_parity_error_other_than_p013_still_stops_a_provisional_build() {
    let project = stale_project();
    project.replace(JA, "理事会決議 11/2023", "理事会決議 12/2023");
    project
        .codepub()
        .args(["build", "--provisional"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[P004]"))
        .stderr(predicate::str::contains(
            "error: the sources have errors that a provisional build does not publish (P004); not publishing",
        ));
    assert!(!project.path("out").exists());
}

#[test]
fn a_provisional_build_of_a_clean_project_is_a_plain_build_byte_for_byte() {
    let project = TempProject::shipped();
    project.codepub().args(["build", "--out", "plain"]).assert().code(0);
    project
        .codepub()
        .args(["build", "--provisional", "--out", "provisional"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning").not());
    for file in [
        "code-bilingual.pdf",
        "code-facing.pdf",
        "code-en.pdf",
        "code-ja.pdf",
        "html/index.html",
        "html/en.html",
        "html/ja.html",
        "html/style.css",
    ] {
        let read = |dir: &str| std::fs::read(project.path(&format!("{dir}/{file}"))).unwrap();
        assert!(read("plain") == read("provisional"), "{file} differs");
    }
}

/// Footnote 1's Japanese (footnote-1#1), before and after: as for [`SIGNED`], P013 is the edit's
/// only finding.
const FOOTNOTE_SIGNED: &str = "それでもなお、これらのISO手続き文書は";
const FOOTNOTE_EDITED: &str = "それでも、これらのISO手続き文書は";

#[test]
fn a_stale_footnote_is_published_marked_at_the_footnote_text_only() {
    let project = TempProject::shipped();
    project.replace(JA, FOOTNOTE_SIGNED, FOOTNOTE_EDITED);
    project.codepub().arg("build").assert().code(1).stderr(predicate::str::contains("error[P013]"));
    project.codepub().args(["build", "--provisional"]).assert().code(0).stderr(predicate::str::contains(
        "warning: publishing one provisional translation, marked as such (--provisional)",
    ));

    // Each PDF that prints Japanese: after the title matter (the title page; the facing edition's
    // front cover and title spread), the mark once, opening the footnote's Japanese text, and in
    // the bilingual edition in the Japanese column.
    let marked_text = squash(&format!("{MARK}{FOOTNOTE_EDITED}"));
    for (pdf, title_pages, right_half) in
        [("code-bilingual.pdf", 1, true), ("code-ja.pdf", 1, false), ("code-facing.pdf", 3, false)]
    {
        let pdf = project.path(&format!("out/{pdf}"));
        let pages = page_texts(&pdf, right_half);
        let marked: Vec<(usize, usize)> = (pages.iter().enumerate().skip(title_pages))
            .map(|(i, text)| (i + 1, text.matches(MARK).count()))
            .filter(|&(_, count)| count > 0)
            .collect();
        assert!(matches!(marked[..], [(_, 1)]), "{}: the mark once, on one page: {marked:?}", pdf.display());
        let page = &pages[marked[0].0 - 1];
        assert!(page.contains(&marked_text), "{}: the mark opens the footnote: {page}", pdf.display());
        if right_half {
            let whole = page_texts(&pdf, false);
            assert_eq!(whole[marked[0].0 - 1].matches(MARK).count(), 1, "nothing marked in the English column");
        }
    }
    let en = poppler::run("pdftotext", &[], &project.path("out/code-en.pdf"));
    assert!(!en.contains(MARK), "{en}");

    // The HTML: the note's Japanese cell marked (the bar) and its paragraph opening with the
    // mark; nothing else marked.
    let mark = format!(
        "<span class=\"provisional-mark\" role=\"img\" aria-label=\"{NOTE_JA}\" title=\"{NOTE_JA}\">{MARK}</span>"
    );
    for page in ["index.html", "ja.html"] {
        let html = project.read(&format!("out/html/{page}"));
        assert_eq!(html.matches("class=\"provisional-mark\"").count(), 1, "{page}: {html}");
        assert_eq!(html.matches(" provisional\"").count(), 1, "{page}: one marked cell: {html}");
        let note = html.split("id=\"fn-ja-1\"").nth(1).expect("the Japanese note");
        let note = &note[..note.find("</div>\n</div>").expect("the note's end")];
        assert!(note.contains(&format!("<p>{mark}{FOOTNOTE_EDITED}")), "{page}: {note}");
        let cell = html.split("id=\"fn-ja-1\"").next().expect("before the note");
        assert!(cell.ends_with("<div class=\"cell note provisional\" "), "{page}: {cell}");
    }
    let index = project.read("out/html/index.html");
    assert!(index.contains("<div class=\"cell note\" id=\"fn-en-1\" lang=\"en\">"), "the English note unmarked");
    assert!(!project.read("out/html/en.html").contains("provisional"));
}
