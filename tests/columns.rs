//! The bilingual columns edition (`codepub build --edition bilingual --format pdf`), built by the
//! real binary and read page by page with `pdftotext -f N -l N`: a row holding a note's
//! references may break across pages, but a note is always printed on the page of both its
//! references (English and Japanese); where breaking a row freely would separate them, codepub
//! lays the edition out again with the row cut higher (`crates/pdf/src/columns.rs`).

#![cfg(feature = "pdf")]

use crate::common;

use std::path::{Path, PathBuf};

use common::poppler::{pages, squash};
use common::{TempProject, manifest_dir};

/// Builds the bilingual PDF edition of `project` into `out`; the PDF's path.
fn build(project: &TempProject, out: &Path) -> PathBuf {
    project.codepub().args(["build", "--format", "pdf", "--edition", "bilingual", "--out"]).arg(out).assert().success();
    let slug = if project.path("content/en/a.md").exists() { "small" } else { "code" };
    out.join(format!("{slug}-bilingual.pdf"))
}

/// The page (from 1) whose text holds `text` (squashed); panics unless exactly one does.
fn page_of(pages: &[String], text: &str) -> usize {
    let text = squash(text);
    let found: Vec<usize> = (1..=pages.len()).filter(|&page| pages[page - 1].contains(&text)).collect();
    assert_eq!(found.len(), 1, "{text:?} is on pages {found:?}");
    found[0]
}

#[test]
fn page_2_of_the_code_takes_the_start_of_the_noted_paragraph_and_the_note_stays_with_both_references() {
    let project = TempProject::shipped();
    let out = tempfile::tempdir().unwrap();
    let pages = pages(&build(&project, out.path()));
    // Principle 1's second paragraph starts on page 2 (kept whole, it left page 2 some 8 lines
    // short and started page 3) …
    assert_eq!(page_of(&pages, "Within the ISO system, we recognize"), 2);
    assert_eq!(page_of(&pages, "ISOシステムの中で、私たちは"), 2);
    // … and its references (each printed as the number 1 after the words before it) are on the
    // page that prints the note, in both languages.
    let note = page_of(&pages, "1 Nevertheless, these ISO procedural documents");
    assert_eq!(page_of(&pages, "1 それでもなお、これらのISO手続き文書"), note);
    assert_eq!(page_of(&pages, "Procedures specific to ISO.1"), note, "English reference");
    assert_eq!(page_of(&pages, "ISO専用手順1に準拠"), note, "Japanese reference");
    assert_eq!(note, 3);
}

/// A small project: a title, `before` one-line rows, a row of 12 English and 5 Japanese lines
/// that refers to a note at its end in both languages (after ALPHA and BETA), six more rows.
fn noted_row_after(before: usize) -> TempProject {
    let filler_en = "Each person keeps the rules of the committee and acts in good faith.\n\n";
    let filler_ja = "各人は委員会の規則を守り、誠実に行動します。\n\n";
    let en = format!(
        "# Code {{#title}}\n\n(Approved)\n\n## a) Rows {{#rows}}\n\n{}Opening words of the noted row. {}Closing words ALPHA.[^n]\n\n{}\
         [^n]: The note text GAMMA of the noted row.\n",
        filler_en.repeat(before),
        "The members of the committee agree on the procedures and report on their work to the council every year. "
            .repeat(5),
        filler_en.repeat(6),
    );
    let ja = format!(
        "# 規範 {{#title}}\n\n（承認）\n\n## a) 行 {{#rows}}\n\n{}注のある行の冒頭。{}結びの語BETA[^n]です。\n\n{}\
         [^n]: 注記の本文DELTAです。\n",
        filler_ja.repeat(before),
        "委員会の委員は手続に合意し、毎年その業務を理事会に報告します。".repeat(3),
        filler_ja.repeat(6),
    );
    TempProject::small(&en, &ja)
}

/// The pages of the noted row's opening words, its English reference, its Japanese reference
/// and its note (in both languages).
fn noted_row_pages(pdf: &Path) -> [usize; 5] {
    let pages = pages(pdf);
    ["Opening words of the noted row", "ALPHA.1", "BETA1", "1 The note text GAMMA", "1 注記の本文DELTA"]
        .map(|text| page_of(&pages, text))
}

#[test]
fn wherever_a_noted_row_falls_its_note_is_on_the_page_of_both_references_and_the_row_still_breaks() {
    // The row starts from 7 lines above the foot of page 2 to the top of page 3: between, laid out
    // freely, it would print one reference on page 2 and the note with the other on page 3, or
    // both references on page 2 and the note on page 3 (shown below with a template that lets
    // every row break).
    let out = tempfile::tempdir().unwrap();
    let mut broken = 0;
    for before in 18..=24 {
        let project = noted_row_after(before);
        let pdf = build(&project, &out.path().join(before.to_string()));
        let [opening, english, japanese, note, note_ja] = noted_row_pages(&pdf);
        assert_eq!(
            [english, japanese, note_ja],
            [note; 3],
            "{before} rows before: references on pages {english} and {japanese}, note on {note} and {note_ja}"
        );
        if opening < note {
            broken += 1;
        }
    }
    // Cut higher rather than moved whole: the row opens on the page before its note.
    assert!(broken >= 3, "the noted row broke across pages in only {broken} of the layouts");
}

#[test]
fn a_noted_row_laid_out_freely_would_part_a_note_from_a_reference_at_those_places() {
    // The guard's premise: with a project template that lets every row break and ignores
    // codepub's cuts, some of the layouts above print a reference and its note on different pages.
    let template = std::fs::read_to_string(manifest_dir().join("templates/edition.typ")).unwrap();
    let cut = "let at = cuts.at(row.address, default: none)";
    let kept = "breakable: address not in columns.kept";
    assert!(template.contains(cut) && template.contains(kept), "edition.typ no longer reads the cuts as expected");
    let free = template.replace(cut, "let at = none").replace(kept, "breakable: true");
    let out = tempfile::tempdir().unwrap();
    let mut parted = 0;
    for before in 18..=24 {
        let project = noted_row_after(before);
        project.write("templates/edition.typ", &free);
        let [_, english, japanese, note, _] = noted_row_pages(&build(&project, &out.path().join(before.to_string())));
        if english != note || japanese != note {
            parted += 1;
        }
    }
    assert!(parted >= 3, "only {parted} free layouts part a note from a reference");
}
