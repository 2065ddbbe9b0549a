//! The same edition prints the same text in every format: each edition of the shipped Code is
//! rendered as PDF and as HTML, and both are read back and compared, block by block, with the
//! render model they were laid out from. HTML text comes from the DOM (the cells of each
//! `data-address` row, the title page, the notes and the covers); PDF text from `pdftotext`, one
//! column at a time in the bilingual edition.
//!
//! The HTML comparison is exact up to whitespace runs: a soft break that one renderer joins and
//! the model does not (or the other way round) fails it. The PDF comparison ignores whitespace
//! and hyphens (line breaking and hyphenation are the PDF's own), and requires every block of a
//! language in reading order in that language's column.

#![cfg(all(feature = "pdf", feature = "html"))]

use crate::common;

use std::path::Path;

use codepub::load;
use codepub::model::Lang;
use codepub::render::html::HtmlRenderer;
use codepub::render::pdf::PdfRenderer;
use codepub::render::{CacheUse, RenderContext, Renderer, Templates};
use codepub::view::{BlockView, EditionKind, EditionModel, Run};
use common::poppler::{self, page_count, squash};
use scraper::{ElementRef, Html, Selector};

/// A block's text as printed, footnote references as their numbers.
fn runs_text(runs: &[Run], out: &mut String) {
    for run in runs {
        match run {
            Run::Text { text } | Run::Code { text } => out.push_str(text),
            Run::Emphasis { children } | Run::Strong { children } | Run::Link { children, .. } => {
                runs_text(children, out)
            }
            Run::Footnote { number, .. } => out.push_str(&number.to_string()),
            Run::Space => out.push(' '),
            Run::Linebreak => out.push('\n'),
        }
    }
}

fn block_text(block: &BlockView) -> String {
    let mut out = String::new();
    match block {
        BlockView::Paragraph { inlines } | BlockView::Lines { inlines } => runs_text(inlines, &mut out),
        BlockView::List { items, .. } => {
            for item in items {
                runs_text(item, &mut out);
                out.push('\n');
            }
        }
        BlockView::Quote { blocks } => {
            for inner in blocks {
                out.push_str(&block_text(inner));
                out.push('\n');
            }
        }
        BlockView::Code { text } => out.push_str(text),
        BlockView::Rule => {}
    }
    out
}

fn heading_text(runs: &[Run]) -> String {
    let mut out = String::new();
    runs_text(runs, &mut out);
    out
}

/// Whitespace runs as one space, trimmed: what a reader of the HTML sees.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|error| panic!("selector {css}: {error}"))
}

/// An element's text as a reader sees it: whitespace collapsed, and a space where one block
/// (list item, paragraph) or line (`br`) ends and the next begins.
fn dom_text(element: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in element.descendants() {
        if let Some(text) = node.value().as_text() {
            out.push_str(text);
        } else if let Some(inner) = node.value().as_element()
            && matches!(inner.name(), "li" | "p" | "br" | "div" | "blockquote" | "pre")
        {
            out.push(' ');
        }
    }
    collapse(&out)
}

/// Every (place, language, text) the model prints, in reading order: title lines, headings and
/// rows, notes, cover lines.
struct Expected {
    title_lines: Vec<(Lang, String)>,
    rows: Vec<(String, Lang, String)>,
    headings: Vec<(String, Lang, String)>,
    notes: Vec<(usize, Lang, String)>,
    covers: Vec<(String, Lang, String)>,
}

fn expected(model: &EditionModel<'_>) -> Expected {
    let mut out = Expected {
        title_lines: Vec::new(),
        rows: Vec::new(),
        headings: Vec::new(),
        notes: Vec::new(),
        covers: Vec::new(),
    };
    if let Some(title) = &model.title_page {
        for row in &title.lines {
            for (lang, cell) in row.cells.present() {
                out.title_lines.push((lang, block_text(cell)));
            }
        }
    }
    for section in &model.sections {
        for (lang, heading) in section.heading.present() {
            out.headings.push((section.anchor.clone(), lang, heading_text(heading)));
        }
        for row in &section.rows {
            for (lang, cell) in row.cells.present() {
                out.rows.push((row.address.to_string(), lang, block_text(cell)));
            }
        }
    }
    for note in &model.notes {
        for (lang, side) in note.sides.present() {
            let text: Vec<String> = side.blocks.iter().map(block_text).collect();
            out.notes.push((note.number, lang, text.join("\n")));
        }
    }
    for cover in &model.covers {
        for line in &cover.lines {
            out.covers.push((cover.anchor.clone(), cover.lang, block_text(&line.block)));
        }
    }
    out
}

fn shipped() -> (load::Project, RenderContext) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = load::load(root).expect("the shipped project loads");
    let cx = RenderContext { templates: Templates::built_in(), slug: project.slug(), caches: CacheUse::Shared };
    (project, cx)
}

#[test]
fn every_html_page_prints_its_model_block_by_block() {
    let (project, cx) = shipped();
    let alignment = project.alignment();
    // The facing-pages edition has no web form (its PDF is checked below).
    for edition in EditionKind::ALL.into_iter().filter(|&edition| HtmlRenderer.renders(edition)) {
        let model = EditionModel::build(&alignment, &project.config.edition, edition);
        let output = HtmlRenderer.render_edition(&model, &cx).expect("the page renders");
        let page = Html::parse_document(std::str::from_utf8(&output[0].bytes).expect("UTF-8"));
        let expected = expected(&model);
        let name = edition.name();

        // Rows: the cells of each row, in the edition's column order.
        let mut checked = 0;
        for (address, lang, text) in &expected.rows {
            let row_selector = selector(&format!("main .pair[data-address=\"{address}\"]"));
            let row = page.select(&row_selector).next().unwrap_or_else(|| panic!("{name}: no row {address}"));
            let column = model.langs.iter().position(|l| l == lang).expect("a printed language");
            let cell = row.select(&selector(":scope > .cell")).nth(column).expect("a cell per language");
            assert_eq!(dom_text(cell), collapse(text), "{name}: {address} ({lang}) differs from the model");
            checked += 1;
        }
        assert!(checked > 20, "{name}: only {checked} cells compared");

        // Headings, in each section.
        for (anchor, lang, text) in &expected.headings {
            let section = page.select(&selector(&format!("section#{anchor}"))).next().expect("the section");
            let headings: Vec<String> =
                section.select(&selector(".pair.heading > :is(h1, h2, h3, h4, h5, h6)")).map(dom_text).collect();
            assert!(
                headings.contains(&collapse(text)),
                "{name}: heading {anchor} ({lang}) {text:?} not in {headings:?}"
            );
        }

        // The title page's lines.
        let approval: Vec<String> = page.select(&selector(".cover .approval > div")).map(dom_text).collect();
        let title_lines: Vec<String> = expected.title_lines.iter().map(|(_, text)| collapse(text)).collect();
        assert_eq!(approval, title_lines, "{name}: title page lines");
        assert!(!title_lines.is_empty(), "{name}: the Code has an approval line");

        // Notes: the text after the number, before the back-link.
        for (number, lang, text) in &expected.notes {
            let note = page.select(&selector(&format!("#fn-{lang}-{number} .note-body"))).next().expect("the note");
            let body = dom_text(note);
            let body = body.trim_end_matches('↩').trim_end_matches('\u{FE0E}').trim_end_matches('↩').trim();
            assert_eq!(body, collapse(text), "{name}: note {number} ({lang})");
        }

        // Back covers, line by line, in order.
        let printed: Vec<String> = page.select(&selector("footer .colophon .colophon-block")).map(dom_text).collect();
        let covers: Vec<String> = expected.covers.iter().map(|(_, _, text)| collapse(text)).collect();
        assert_eq!(printed, covers, "{name}: back covers");
    }
}

/// The squashed text of pages `first..=last`, of one column of the bilingual edition (English
/// left, Japanese right: the halves of an A4 page at 72 dpi, without the footer in the bottom
/// 24 mm, so that a paragraph continued on the next page reads on) or of the whole page.
fn column_text(pdf: &Path, first: usize, last: usize, column: Option<usize>) -> String {
    let (first, last) = (first.to_string(), last.to_string());
    let mut args = vec!["-f", first.as_str(), "-l", last.as_str(), "-r", "72"];
    let (x, width, height) = match column {
        Some(0) => ("0", "297", "774"),
        Some(_) => ("298", "297", "774"),
        None => ("0", "595", "842"),
    };
    args.extend(["-x", x, "-y", "0", "-W", width, "-H", height]);
    squash(&poppler::run("pdftotext", &args, pdf))
}

#[test]
fn every_pdf_edition_prints_its_model_block_by_block_in_each_column() {
    let (project, cx) = shipped();
    let alignment = project.alignment();
    let renderer = PdfRenderer::new(&[]).expect("the bundled fonts load");
    let dir = tempfile::tempdir().expect("a temporary folder");
    for edition in EditionKind::ALL {
        let model = EditionModel::build(&alignment, &project.config.edition, edition);
        let output = renderer.render_edition(&model, &cx).expect("the edition renders");
        let pdf = dir.path().join(&output[0].path);
        std::fs::write(&pdf, &output[0].bytes).expect("written");
        let expected = expected(&model);
        let name = edition.name();
        let pages = page_count(&pdf);
        let covers = model.covers.len();
        // The facing-pages edition opens with a front cover and a title spread, each language on
        // its own pages (read whole: English and Japanese pages alternate, each in order).
        let facing = edition.facing_pages();
        let title = match (model.title_page.is_some(), facing) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 1,
            (true, true) => 3,
        };
        let whole = |first, last| column_text(&pdf, first, last, None);

        // The title page holds the title lines; the cover pages their covers, each its own.
        if model.title_page.is_some() {
            let page = whole(1, title);
            for (lang, text) in &expected.title_lines {
                assert!(page.contains(&squash(text)), "{name}: title line ({lang}) {text:?} not on the title page");
            }
        }
        for (i, cover) in model.covers.iter().enumerate() {
            let page = pages - covers + 1 + i;
            let text = whole(page, page);
            for line in &cover.lines {
                let line = squash(&block_text(&line.block));
                assert!(text.contains(&line), "{name}: page {page} lacks cover line {line:?}");
            }
        }

        // The body: each language's headings, rows and notes in its own column, rows in order.
        let (body_first, body_last) = (1 + title, pages - covers);
        for (column, &lang) in model.langs.iter().enumerate() {
            let text = column_text(&pdf, body_first, body_last, (model.bilingual && !facing).then_some(column));
            let mut from = 0;
            let mut checked = 0;
            for (address, _, block) in expected.rows.iter().filter(|(_, l, _)| *l == lang) {
                // Line by line: a list's items are separated by their markers.
                for line in block.lines().map(squash).filter(|line| !line.is_empty()) {
                    match text[from..].find(&line) {
                        Some(at) => from += at + line.len(),
                        None => panic!("{name}: {address} ({lang}) not printed in order in its column: {line:?}"),
                    }
                }
                checked += 1;
            }
            assert!(checked > 20, "{name} ({lang}): only {checked} rows compared");
            for (anchor, _, heading) in expected.headings.iter().filter(|(_, l, _)| *l == lang) {
                assert!(text.contains(&squash(heading)), "{name}: heading {anchor} ({lang}) not in its column");
            }
            for (number, _, note) in expected.notes.iter().filter(|(_, l, _)| *l == lang) {
                let printed = format!("{number}{}", squash(note));
                assert!(text.contains(&printed), "{name}: note {number} ({lang}) not in its column");
            }
        }
    }
}
