//! The facing-pages edition (`codepub build --edition facing`), built by the real binary and read
//! page by page with `pdftotext -f N -l N`: English on the even pages, Japanese on the odd ones,
//! every heading and paragraph of the model on the two pages of one spread, headings never last
//! on a page, each note on the page of its reference in its language, both back covers facing
//! each other; page labels, bookmarks in both languages and the two-page view; the same bytes
//! from two builds; A5 by `codepub.toml`; and a page that overflows is caught.

#![cfg(feature = "pdf")]

use crate::common;

use std::path::{Path, PathBuf};

use codepub::model::Lang;
use codepub::view::{BlockView, EditionKind, EditionModel, Run};
use common::poppler::{self, pages, squash};
use common::{TempProject, manifest_dir, page_labels};

/// Builds the facing edition of `project` into a temporary folder; the PDF's path.
fn build(project: &TempProject, out: &Path) -> PathBuf {
    project.codepub().args(["build", "--format", "pdf", "--edition", "facing", "--out"]).arg(out).assert().success();
    out.join("code-facing.pdf")
}

/// The printed pieces of inline runs, squashed: the text between footnote references (which
/// print as numbers).
fn pieces(runs: &[Run]) -> Vec<String> {
    fn walk(runs: &[Run], out: &mut Vec<String>) {
        for run in runs {
            match run {
                Run::Text { text } | Run::Code { text } => out.last_mut().unwrap().push_str(text),
                Run::Emphasis { children } | Run::Strong { children } | Run::Link { children, .. } => {
                    walk(children, out)
                }
                Run::Footnote { .. } => out.push(String::new()),
                Run::Space | Run::Linebreak => {}
            }
        }
    }
    let mut out = vec![String::new()];
    walk(runs, &mut out);
    out.into_iter().map(|piece| squash(&piece)).filter(|piece| !piece.is_empty()).collect()
}

fn block_pieces(block: &BlockView) -> Vec<String> {
    match block {
        BlockView::Paragraph { inlines } | BlockView::Lines { inlines } => pieces(inlines),
        BlockView::List { items, .. } => items.iter().flat_map(|item| pieces(item)).collect(),
        BlockView::Quote { blocks } => blocks.iter().flat_map(block_pieces).collect(),
        BlockView::Code { text } => vec![squash(text)],
        BlockView::Rule => Vec::new(),
    }
}

/// The notes a block's references print (in the facing edition, each language's first).
fn printed_notes(block: &BlockView) -> Vec<usize> {
    fn walk(runs: &[Run], out: &mut Vec<usize>) {
        for run in runs {
            match run {
                Run::Footnote { number, first: true, .. } => out.push(*number),
                Run::Emphasis { children } | Run::Strong { children } | Run::Link { children, .. } => {
                    walk(children, out)
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    match block {
        BlockView::Paragraph { inlines } | BlockView::Lines { inlines } => walk(inlines, &mut out),
        BlockView::List { items, .. } => items.iter().for_each(|item| walk(item, &mut out)),
        BlockView::Quote { blocks } => out.extend(blocks.iter().flat_map(printed_notes)),
        _ => {}
    }
    out
}

/// One heading or row of the body, in both languages: what the spreads are cut between.
struct Unit {
    what: String,
    heading: bool,
    text: [Vec<String>; 2],
    notes: [Vec<usize>; 2],
}

const LANGS: [Lang; 2] = [Lang::En, Lang::Ja];

fn units(model: &EditionModel<'_>) -> Vec<Unit> {
    let mut units = Vec::new();
    for section in &model.sections {
        if section.headed && section.level > 0 {
            units.push(Unit {
                what: format!("{} heading", section.id),
                heading: true,
                text: LANGS.map(|lang| section.heading.get(lang).as_deref().map(pieces).unwrap_or_default()),
                notes: [Vec::new(), Vec::new()],
            });
        }
        for row in &section.rows {
            units.push(Unit {
                what: row.address.to_string(),
                heading: false,
                text: LANGS.map(|lang| row.cells.get(lang).as_ref().map(block_pieces).unwrap_or_default()),
                notes: LANGS.map(|lang| row.cells.get(lang).as_ref().map(printed_notes).unwrap_or_default()),
            });
        }
    }
    units
}

/// Whether `text` holds `pieces` in order.
fn holds(text: &str, pieces: &[String]) -> bool {
    let mut from = 0;
    pieces.iter().all(|piece| match text[from..].find(piece.as_str()) {
        Some(at) => {
            from += at + piece.len();
            true
        }
        None => false,
    })
}

/// The page (1-based) of each unit in each language, searched page by page from the page of
/// the unit before, so that a short heading is not found in an earlier paragraph.
fn pages_of(units: &[Unit], pages: &[String], first_body_page: usize) -> Vec<[usize; 2]> {
    let mut from = [first_body_page, first_body_page + 1];
    units
        .iter()
        .map(|unit| {
            [0, 1].map(|side| {
                let found = (from[side]..=pages.len()).find(|&page| holds(&pages[page - 1], &unit.text[side]));
                let page = found.unwrap_or_else(|| {
                    panic!("{} ({}) is on no page from {}: {:?}", unit.what, LANGS[side], from[side], unit.text[side])
                });
                from[side] = page;
                page
            })
        })
        .collect()
}

/// The model of the shipped project's facing edition.
fn with_model<T>(check: impl FnOnce(&EditionModel<'_>) -> T) -> T {
    with_model_of(&manifest_dir(), check)
}

/// The model of the facing edition of the project at `root`.
fn with_model_of<T>(root: &Path, check: impl FnOnce(&EditionModel<'_>) -> T) -> T {
    let project = codepub::load::load(root).expect("the project loads");
    let alignment = project.alignment();
    check(&EditionModel::build(&alignment, &project.config.edition, EditionKind::Facing))
}

/// Everything the spreads promise, checked on `pdf` of the shipped project: returns the number
/// of body spreads.
fn assert_synchronised(pdf: &Path) -> usize {
    assert_synchronised_of(pdf, &manifest_dir())
}

/// Everything the spreads promise, checked on `pdf`, the facing edition of the project at
/// `root`: returns the number of body spreads.
fn assert_synchronised_of(pdf: &Path, root: &Path) -> usize {
    let pages = pages(pdf);
    let count = pages.len();
    assert_eq!(count % 2, 1, "a front cover and whole spreads: an odd number of pages, not {count}");
    // Front cover, then the title spread: English left, Japanese right.
    with_model_of(root, |model| {
        assert!(pages[0].contains(&squash(&model.meta.title.en)) && pages[0].contains(&squash(&model.meta.title.ja)));
        let title = model.title_page.as_ref().expect("the Code opens with a title");
        let heading = |lang| pieces(title.heading.get(lang).as_deref().unwrap());
        assert!(holds(&pages[1], &heading(Lang::En)) && !holds(&pages[1], &heading(Lang::Ja)), "page 2: {}", pages[1]);
        assert!(holds(&pages[2], &heading(Lang::Ja)) && !holds(&pages[2], &heading(Lang::En)), "page 3: {}", pages[2]);
        for line in &title.lines {
            assert!(holds(&pages[1], &block_pieces(line.cells.en.as_ref().unwrap())), "approval line, page 2");
            assert!(holds(&pages[2], &block_pieces(line.cells.ja.as_ref().unwrap())), "approval line, page 3");
        }

        let units = units(model);
        let found = pages_of(&units, &pages, 4);
        for (unit, &[en, ja]) in units.iter().zip(&found) {
            // English left (even), Japanese right (odd), on the two pages of one spread.
            assert_eq!(en % 2, 0, "{}: English on page {en}, a right-hand page", unit.what);
            assert_eq!(ja, en + 1, "{}: English on page {en}, Japanese on page {ja}", unit.what);
        }
        // A heading is never the last thing on a page: what follows it is on the same page.
        for (i, unit) in units.iter().enumerate().filter(|(_, unit)| unit.heading) {
            assert_eq!(found.get(i + 1).map(|f| f[0]), Some(found[i][0]), "{} ends page {}", unit.what, found[i][0]);
        }
        // No spread is empty: the body's pages run from 4 without a gap.
        let last_body = found.last().unwrap()[1];
        for page in (4..=last_body).step_by(2) {
            assert!(found.iter().any(|f| f[0] == page), "spread of page {page} holds nothing");
        }
        // Each note on the page of the reference that prints it, in each language, once (notes
        // of the same words, as in a long project of copies, as often as there are of them).
        for note in &model.notes {
            for (side, &lang) in LANGS.iter().enumerate() {
                let Some(text) = note.sides.get(lang) else { continue };
                let note_text: Vec<String> = text.blocks.iter().flat_map(block_pieces).collect();
                let same_words = (model.notes.iter())
                    .filter(|other| {
                        other.sides.get(lang).as_ref().map(|t| t.blocks.iter().flat_map(block_pieces).collect())
                            == Some(note_text.clone())
                    })
                    .count();
                let referring = units.iter().position(|u| u.notes[side].contains(&note.number)).expect("a reference");
                let page = found[referring][side];
                let on: Vec<usize> = (1..=count).filter(|&p| holds(&pages[p - 1], &note_text)).collect();
                assert!(
                    on.contains(&page) && on.len() == same_words,
                    "note {} ({lang}) is on pages {on:?}, its reference on page {page}",
                    note.number
                );
            }
        }
        // Both back covers after the body, the English edition's left, the Japanese edition's
        // facing it.
        let (en_cover, ja_cover) = (&pages[count - 2], &pages[count - 1]);
        assert_eq!(last_body, count - 2, "the covers follow the body");
        assert!(en_cover.contains("iso.org") && !en_cover.contains("不許複製"), "page {}: {en_cover}", count - 1);
        assert!(ja_cover.contains("不許複製") && ja_cover.contains("©ISO/JSA,2023"), "page {count}: {ja_cover}");
        (last_body - 3) / 2
    })
}

#[test]
fn every_spread_holds_the_same_clauses_english_left_japanese_right() {
    let project = TempProject::shipped();
    let out = tempfile::tempdir().unwrap();
    let pdf = build(&project, out.path());
    let spreads = assert_synchronised(&pdf);
    // The brochure's own cut, found by measuring: a)–c) with principles 1–2 and the note, then
    // principles 3–10 with d).
    assert_eq!(spreads, 2);
    let text =
        |page: usize| squash(&poppler::run("pdftotext", &["-f", &page.to_string(), "-l", &page.to_string()], &pdf));
    assert!(text(6).starts_with("3.Behaveethically"), "{}", text(6));
    assert!(text(7).starts_with("3.倫理的な行動"), "{}", text(7));
    let info = poppler::run("pdfinfo", &[], &pdf);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
}

#[test]
fn pages_are_numbered_on_from_the_cover_labelled_as_printed_bookmarked_in_both_languages_and_open_as_spreads() {
    let project = TempProject::shipped();
    let out = tempfile::tempdir().unwrap();
    let pdf = build(&project, out.path());
    let bytes = std::fs::read(&pdf).unwrap();
    // Every page has a number of its own, counted from the front cover; the body's pages print
    // it, and the label is the same number (page_layout.rs proves it on every page).
    assert_eq!(page_labels(&bytes), ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    for (page, folio) in [(4, "4"), (5, "5"), (6, "6"), (7, "7")] {
        let text = poppler::run("pdftotext", &["-f", &page.to_string(), "-l", &page.to_string()], &pdf);
        assert_eq!(text.trim_end().lines().last().map(str::trim), Some(folio), "page {page}: {text}");
    }
    // The viewer shows spreads, the first page alone on the right.
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/PageLayout/TwoPageRight"), "no two-page layout in the catalog");
    // One bookmark per clause, with its heading in both languages, on the English page.
    let xml = poppler::run("pdftohtml", &["-xml", "-i", "-q", "-stdout"], &pdf);
    let outline = &xml[xml.find("<outline>").expect("an outline")..];
    with_model(|model| {
        for section in model.sections.iter().filter(|s| s.headed) {
            let words = |lang| codepub::view::plain_text(section.heading.get(lang).as_deref().unwrap());
            let title = format!("{} / {}", words(Lang::En), words(Lang::Ja));
            let entry = regex::Regex::new(&format!(r#"<item page="(\d+)">{}</item>"#, regex::escape(&title))).unwrap();
            let page: usize = entry.captures(outline).unwrap_or_else(|| panic!("no bookmark {title:?} in {outline}"))
                [1]
            .parse()
            .unwrap();
            assert_eq!(page % 2, 0, "{title:?} leads to page {page}, not the spread's English page");
        }
    });
}

/// A long project (sources over `build`'s one-edition-at-a-time limit) has its facing edition
/// rendered in parts of whole clauses, each probed and planned on its own, and merged: the
/// spreads stay synchronised across the parts' boundaries, the pages are numbered on, the
/// covers close it, and it still opens as spreads.
#[test]
fn a_long_facing_edition_is_rendered_in_parts_and_stays_synchronised_across_them() {
    let project = common::long_project(40);
    // What this test reads is the body's pages: no contents page (which "auto" gives a text this long).
    project.replace("codepub.toml", "[edition]\n", "[edition]\ncontents = false\n");
    let out = tempfile::tempdir().unwrap();
    project
        .codepub()
        .args(["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", "facing", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let pdf = out.path().join("code-facing.pdf");
    let spreads = assert_synchronised_of(&pdf, project.root());
    assert!(spreads > 60, "{spreads} spreads");
    let bytes = std::fs::read(&pdf).unwrap();
    // The pages are numbered on across the parts: the cover, the title spread, the spreads and
    // the back covers, 1 to the last.
    let labels = page_labels(&bytes);
    assert_eq!(labels, (1..=labels.len()).map(|n| n.to_string()).collect::<Vec<_>>());
    assert!(labels.len() >= 3 + 2 * spreads + 2, "{} pages for {spreads} spreads", labels.len());
    assert!(String::from_utf8_lossy(&bytes).contains("/PageLayout/TwoPageRight"), "no two-page layout");
    // Rendered in parts: each part embeds its own subset of the Japanese body face.
    let fonts = poppler::run("pdffonts", &[], &pdf);
    let subsets = fonts.lines().filter(|line| line.contains("BIZUDMincho")).count();
    assert!(subsets > 1, "one subset of BIZ UD Mincho: not rendered in parts?\n{fonts}");
}

#[test]
fn two_builds_give_the_same_bytes() {
    let project = TempProject::shipped();
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first = std::fs::read(build(&project, one.path())).unwrap();
    let second = std::fs::read(build(&project, two.path())).unwrap();
    assert!(first == second, "the facing edition differs between two builds");
}

#[test]
fn a5_is_chosen_in_codepub_toml_and_stays_synchronised() {
    let project = TempProject::shipped();
    project.replace("codepub.toml", "slug = \"code\"", "slug = \"code\"\nfacing_paper = \"a5\"");
    let out = tempfile::tempdir().unwrap();
    let pdf = build(&project, out.path());
    let info = poppler::run("pdfinfo", &[], &pdf);
    assert!(info.contains("419.528 x 595.276 pts"), "not A5: {info}");
    // A smaller page: more spreads than A4's two, each still synchronised.
    assert!(assert_synchronised(&pdf) > 2);
    // Only the facing edition changes paper.
    project
        .codepub()
        .args(["build", "--format", "pdf", "--edition", "bilingual", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let info = poppler::run("pdfinfo", &[], &out.path().join("code-bilingual.pdf"));
    assert!(info.contains("(A4)"), "{info}");
}

/// The built-in `facing.typ` with the height it fills pages to changed by `extra`.
fn template_measuring_pages(extra: &str) -> String {
    let template = std::fs::read_to_string(manifest_dir().join("templates/facing.typ")).unwrap();
    let line = "#let text-height = paper.height - paper.top - paper.bottom";
    assert!(template.contains(line), "facing.typ no longer has {line:?}");
    template.replacen(line, &format!("{line} + {extra}"), 1)
}

#[test]
fn a_row_too_tall_for_a_page_is_set_smaller_on_a_spread_of_its_own() {
    // One paragraph some 1.3 pages long in each language: it cannot fit at the body size, so its
    // spread sets it smaller, each language whole on its own page, English left.
    let (en, ja) = (
        "We respect applicable laws and regulations and we avoid collusive or anticompetitive behaviour.",
        "私たちは、適用される法律および規制を尊重し、共謀または反競争的な行動を避けます。",
    );
    let (en_times, ja_times) = (50, 60);
    let project = TempProject::shipped();
    project.replace("content/en/10-code.md", en, &vec![en; en_times].join(" "));
    project.replace("content/ja/10-code.md", ja, &vec![ja; ja_times].join(""));
    let out = tempfile::tempdir().unwrap();
    // The English changed since sign-off (P013): published over it, as a translator's draft is.
    let build = ["build", "--allow-errors", "--format", "pdf", "--edition", "facing", "--out"];
    project.codepub().args(build).arg(out.path()).assert().success();
    let pages = pages(&out.path().join("code-facing.pdf"));
    let count = |page: &String, sentence: &str| page.matches(&squash(sentence)).count();
    let en_page = pages.iter().position(|p| count(p, en) > 0).expect("the English paragraph is printed");
    assert_eq!(count(&pages[en_page], en), en_times, "the English paragraph is whole on page {}", en_page + 1);
    assert_eq!(en_page % 2, 1, "English on a left-hand page, not page {}", en_page + 1);
    assert_eq!(count(&pages[en_page + 1], ja), ja_times, "the Japanese paragraph is whole on the facing page");
    assert_eq!(pages.len() % 2, 1, "whole spreads after the front cover");
}

#[test]
fn a_facing_template_without_the_probe_markers_is_refused_by_name() {
    // A project's own facing.typ that prints something but reports nothing of its layout: the
    // spreads cannot be planned, and the build says why instead of printing unsynchronised pages.
    let stderr = facing_build_fails_with("#let data = json(\"/data.json\")\n#data.meta.title.en\n");
    assert!(stderr.contains("probe could not be read"), "{stderr}");
}

/// Builds the facing edition of the shipped project with `template` as its `facing.typ`, which
/// must fail (exit 2) and write nothing; its standard error.
fn facing_build_fails_with(template: &str) -> String {
    let project = TempProject::shipped();
    project.write("templates/facing.typ", template);
    let out = tempfile::tempdir().unwrap();
    let assert = project
        .codepub()
        .args(["build", "--format", "pdf", "--edition", "facing", "--out"])
        .arg(out.path())
        .assert()
        .code(2);
    assert!(!out.path().join("code-facing.pdf").exists());
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn a_page_that_overflows_is_caught_not_printed() {
    // A template that fills pages far beyond their foot: every page overflows, whatever margin
    // codepub keeps free, and the build fails rather than desynchronise the spreads.
    let stderr = facing_build_fails_with(&template_measuring_pages("300pt"));
    assert!(stderr.contains("overflowed"), "{stderr}");
}

#[test]
fn an_underestimated_page_is_laid_out_again_with_a_wider_margin() {
    // A template that believes its pages 30 pt taller than they are: with the first margins the
    // pages overflow; codepub widens the margin until none does, and the spreads hold.
    let project = TempProject::shipped();
    project.write("templates/facing.typ", template_measuring_pages("30pt"));
    let out = tempfile::tempdir().unwrap();
    let pdf = build(&project, out.path());
    assert_synchronised(&pdf);
}

#[test]
fn html_has_no_facing_edition_and_says_so_when_asked() {
    let project = TempProject::shipped();
    let out = tempfile::tempdir().unwrap();
    // The default set: the facing edition in PDF only, no word about HTML.
    let assert = project.codepub().args(["build", "--out"]).arg(out.path()).assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(out.path().join("code-facing.pdf").is_file());
    assert!(!stderr.contains("facing edition (HTML)") && !stderr.contains("no HTML form"), "{stderr}");
    let html: Vec<String> = std::fs::read_dir(out.path().join("html"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!html.iter().any(|name| name.contains("facing")), "{html:?}");
    // Asked for by name in HTML alone: nothing is written, and the HTML already there stays.
    let assert = project
        .codepub()
        .args(["build", "--format", "html", "--edition", "facing", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("the facing edition has no HTML form"), "{stderr}");
    assert!(out.path().join("html/index.html").is_file(), "the HTML folder was replaced");
}
