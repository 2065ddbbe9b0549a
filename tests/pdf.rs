//! PDF editions of the shipped project, checked through poppler-utils (`pdftotext`, `pdffonts`,
//! `pdfinfo`, `pdftohtml`): every paragraph of the edition's languages is printed, only the
//! bundled fonts are used (all embedded), renders are reproducible, text from the sources is
//! never evaluated as Typst markup, and template errors point into the template.
//!
//! Set `CODEPUB_PDF_OUT=dir` to keep the rendered editions for inspection.

#![cfg(feature = "pdf")]

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use codepub::load;
use codepub::model::{Block, BlockKind, ClauseKind, Document, Lang, plain_text};
use codepub::render::RenderError;
use codepub::render::Templates;
use codepub::render::pdf::PdfRenderer;
use codepub::view::{EditionKind, EditionModel};
use common::poppler::squash;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn renderer() -> &'static PdfRenderer {
    static RENDERER: OnceLock<PdfRenderer> = OnceLock::new();
    RENDERER.get_or_init(|| PdfRenderer::new(&[]).expect("bundled fonts load"))
}

/// The shipped project's editions, rendered once (in parallel) with the embedded templates.
fn shipped() -> &'static [(EditionKind, Vec<u8>)] {
    static EDITIONS: OnceLock<Vec<(EditionKind, Vec<u8>)>> = OnceLock::new();
    EDITIONS.get_or_init(|| {
        let project = load::load(root()).expect("shipped project loads");
        let editions: Vec<(EditionKind, Vec<u8>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = EditionKind::ALL
                .iter()
                .map(|&edition| {
                    let project = &project;
                    scope.spawn(move || {
                        let pdf = renderer().render(
                            &EditionModel::build(&project.alignment(), &project.config.edition, edition),
                            &Templates::built_in(),
                        );
                        (edition, pdf.unwrap_or_else(|error| panic!("{} edition: {error}", edition.name())))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("render thread")).collect()
        });
        if let Some(dir) = std::env::var_os("CODEPUB_PDF_OUT") {
            for (edition, pdf) in &editions {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(Path::new(&dir).join(format!("{}.pdf", edition.file_stem("code"))), pdf).unwrap();
            }
        }
        editions
    })
}

fn pdf_of(edition: EditionKind) -> &'static [u8] {
    &shipped().iter().find(|(e, _)| *e == edition).expect("rendered").1
}

/// Writes `pdf` to a temporary file and runs a poppler tool on it.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edition.pdf");
    std::fs::write(&path, pdf).unwrap();
    common::poppler::run(tool, args, &path)
}

/// Whether `text` holds `expected` (plain text with `[^label]` footnote references, which print
/// as numbers): its pieces between references, in order.
fn contains_paragraph(text: &str, expected: &str) -> bool {
    let reference = regex::Regex::new(r"\[\^[^\]]*\]").unwrap();
    let mut from = 0;
    for piece in reference.split(expected).map(squash).filter(|p| !p.is_empty()) {
        match text[from..].find(&piece) {
            Some(at) => from += at + piece.len(),
            None => return false,
        }
    }
    true
}

/// Every text the edition prints from `document`: headings, blocks and footnotes of body
/// clauses (or of edition matter, when `colophon`).
fn printed_texts(document: &Document, colophon: bool) -> Vec<String> {
    let mut texts = Vec::new();
    for clause in &document.clauses {
        if (clause.kind == ClauseKind::Colophon) != colophon {
            continue;
        }
        if let Some(heading) = &clause.heading {
            texts.push(plain_text(&heading.inlines));
        }
        texts.extend(clause.blocks.iter().flat_map(block_texts));
    }
    if !colophon {
        texts.extend(document.footnotes.iter().flat_map(|f| f.blocks.iter().flat_map(block_texts)));
    }
    texts
}

/// A block's printed texts: a paragraph's, or each list item's (bullets print between items).
fn block_texts(block: &Block) -> Vec<String> {
    match &block.kind {
        BlockKind::Code(_) => vec![block.plain_text()],
        _ => block.inline_groups().into_iter().map(plain_text).collect(),
    }
}

/// The edition's text, squashed: as pdftotext reads each page, and the left and right halves of
/// every page without the footer margin, page after page, with and without the footnotes
/// (`notes`, squashed, each with its number), so that a paragraph of one column that continues
/// on the next page reads on.
fn haystacks(pdf: &[u8], notes: &[String]) -> Vec<String> {
    let whole = squash(&poppler("pdftotext", &[], pdf));
    // A4 in points (pdftotext's default 72 dpi); the footer sits in the bottom 24 mm margin.
    let (width, body_height) = (595, 842 - 68);
    let half = |x: i32| {
        let (x, w, h) = (x.to_string(), (width / 2).to_string(), body_height.to_string());
        let text = squash(&poppler("pdftotext", &["-x", &x, "-y", "0", "-W", &w, "-H", &h], pdf));
        let without_notes = notes.iter().fold(text.clone(), |text, note| text.replace(note.as_str(), ""));
        [text, without_notes]
    };
    let (left, right) = (half(0), half(width / 2 + 1));
    [whole].into_iter().chain(left).chain(right).collect()
}

#[test]
fn every_paragraph_of_each_edition_is_printed() {
    let project = load::load(root()).unwrap();
    for &edition in &EditionKind::ALL {
        let view = EditionModel::build(&project.alignment(), &project.config.edition, edition);
        let notes: Vec<String> = view
            .notes
            .iter()
            .flat_map(|note| {
                let blocks = edition.langs().iter().filter_map(|&lang| project.document(lang).footnote(&note.label));
                let text: Vec<String> = blocks.flat_map(|f| f.blocks.iter().flat_map(block_texts)).collect();
                text.into_iter().map(move |t| format!("{}{}", note.number, squash(&t)))
            })
            .collect();
        let texts = haystacks(pdf_of(edition), &notes);
        let mut expected = Vec::new();
        for &lang in edition.langs() {
            expected.extend(printed_texts(project.document(lang), false));
        }
        for &lang in edition.cover_langs() {
            expected.extend(printed_texts(project.document(lang), true));
        }
        assert!(expected.len() > 40, "{} edition: too few paragraphs", edition.name());
        let missing: Vec<&String> =
            expected.iter().filter(|p| !texts.iter().any(|text| contains_paragraph(text, p))).collect();
        assert!(missing.is_empty(), "{} edition lacks {missing:#?}", edition.name());
    }
}

#[test]
fn the_back_covers_are_the_last_pages_each_on_its_own() {
    for &edition in &EditionKind::ALL {
        let pdf = pdf_of(edition);
        let pages: usize = poppler("pdfinfo", &[], pdf)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
            .unwrap();
        // One cover per language printed, English first; the first on a left-hand (even) page.
        let covers = edition.cover_langs();
        let first_cover = pages + 1 - covers.len();
        assert_eq!(first_cover % 2, 0, "{}: the first back cover is not on a left-hand page", edition.name());
        let before = poppler("pdftotext", &["-l", &(first_cover - 1).to_string()], pdf);
        assert!(!before.contains("Blandonnet"), "{}: a cover shares a page", edition.name());
        for (i, &lang) in covers.iter().enumerate() {
            let page = (first_cover + i).to_string();
            let cover = poppler("pdftotext", &["-f", &page, "-l", &page], pdf);
            assert!(cover.contains("Chemin de Blandonnet 8"), "{} page {page}: {cover}", edition.name());
            let japanese_cover = cover.contains("不許複製");
            assert_eq!(japanese_cover, lang == Lang::Ja, "{} page {page}: wrong back cover", edition.name());
            assert_eq!(cover.contains("iso.org"), lang == Lang::En, "{} page {page}: iso.org", edition.name());
            // Lines print as in the source.
            let lines: Vec<&str> = cover.lines().map(str::trim).collect();
            for line in ["ISO Central Secretariat", "Chemin de Blandonnet 8", "1214 Geneva, Switzerland"] {
                assert!(lines.contains(&line), "{}: {line:?} not a line of {lines:?}", edition.name());
            }
        }
    }
}

#[test]
fn the_footnote_is_at_the_foot_of_the_page_that_references_it() {
    for &edition in &EditionKind::ALL {
        let pdf = pdf_of(edition);
        let pages = poppler("pdftotext", &[], pdf);
        let pages: Vec<&str> = pages.split('\u{c}').collect();
        let notes = [
            ("Nevertheless, these ISO procedural documents", "Procedures specific to ISO"),
            ("それでもなお、これらのISO手続き文書", "ISO専用手順"),
        ];
        for (lang, (note, referrer)) in [Lang::En, Lang::Ja].into_iter().zip(notes) {
            if !edition.langs().contains(&lang) {
                continue;
            }
            let page = pages.iter().find(|p| squash(p).contains(&squash(note)));
            let page = page.unwrap_or_else(|| panic!("{}: no page has {note:?}", edition.name()));
            assert!(squash(page).contains(&squash(referrer)), "{}: note not on the referring page", edition.name());
            let at = squash(page).find(&squash(note)).unwrap();
            assert!(at > squash(page).find(&squash(referrer)).unwrap(), "{}: note above its reference", edition.name());
        }
    }
}

const BUNDLED_FONTS: [&str; 10] = [
    "BIZUDMincho-Regular",
    "BIZUDGothic-Regular",
    "BIZUDGothic-Bold",
    "LibertinusSerif-Regular",
    "LibertinusSerif-Italic",
    "LibertinusSerif-Bold",
    "LibertinusSerif-BoldItalic",
    "OpenSans",
    "OpenSans-Bold",
    "DejaVuSansMono",
];

/// `pdffonts` rows: font name without subset prefix, and whether it is embedded.
fn fonts_of(pdf: &[u8]) -> Vec<(String, bool)> {
    poppler("pdffonts", &[], pdf)
        .lines()
        .skip(2)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let name = fields.first()?;
            let name = name.split_once('+').map_or(*name, |(_, n)| n);
            let name = name.strip_suffix("-Identity-H").unwrap_or(name).to_string();
            // Columns from the right: object number, generation, uni, sub, emb.
            let emb = fields.get(fields.len().checked_sub(5)?)?;
            Some((name, *emb == "yes"))
        })
        .collect()
}

#[test]
fn only_bundled_fonts_are_used_and_all_are_embedded() {
    for &edition in &EditionKind::ALL {
        let fonts = fonts_of(pdf_of(edition));
        assert!(!fonts.is_empty(), "{}: no fonts", edition.name());
        for (name, embedded) in &fonts {
            assert!(BUNDLED_FONTS.contains(&name.as_str()), "{}: font {name} is not bundled", edition.name());
            assert!(embedded, "{}: font {name} is not embedded", edition.name());
        }
        let has = |name: &str| fonts.iter().any(|(n, _)| n == name);
        if edition != EditionKind::En {
            assert!(has("BIZUDMincho-Regular") && has("BIZUDGothic-Bold"), "{}: {fonts:?}", edition.name());
        }
        if edition != EditionKind::Ja {
            // English emphasis (the titles of the ISO documents) is italic.
            assert!(has("LibertinusSerif-Regular") && has("LibertinusSerif-Italic"), "{}: {fonts:?}", edition.name());
        } else {
            // Japanese emphasis is bold Gothic, never a slanted face.
            assert!(!has("LibertinusSerif-Italic"), "ja: an italic face is used: {fonts:?}");
        }
    }
}

#[test]
fn metadata_standards_and_tags_are_set() {
    for &edition in &EditionKind::ALL {
        let info = poppler("pdfinfo", &[], pdf_of(edition));
        let field = |name: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(':')))
                .map(str::trim)
                .unwrap_or_default()
                .to_string()
        };
        let title = field("Title");
        match edition {
            EditionKind::En => assert_eq!(title, "ISO Code of Ethics and Conduct"),
            EditionKind::Ja => assert_eq!(title, "ISOの倫理および行動の規範"),
            EditionKind::Bilingual | EditionKind::Facing => {
                assert!(title.contains("Conduct") && title.contains("規範"), "{title}")
            }
        }
        assert_eq!(field("Author"), "International Organization for Standardization");
        assert_eq!(field("Tagged"), "yes", "{info}");
        assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)", "{info}");
        // The facing pages open as spreads; the other editions as the reader's viewer likes.
        let two_page = String::from_utf8_lossy(pdf_of(edition)).contains("/PageLayout/TwoPageRight");
        assert_eq!(two_page, edition.facing_pages(), "{}: /PageLayout", edition.name());
        assert!(field("CreationDate").contains("2023"), "{info}");
        assert!(field("Creator").starts_with("codepub"), "{info}");
        // PDF/A-2u and PDF/UA-1, declared in the XMP metadata with the document language.
        let metadata = poppler("pdfinfo", &["-meta"], pdf_of(edition));
        for claim in [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>U</pdfaid:conformance>",
            "<pdfuaid:part>1</pdfuaid:part>",
        ] {
            assert!(metadata.contains(claim), "{}: no {claim}", edition.name());
        }
        let lang = if edition == EditionKind::En { "en" } else { "ja" };
        assert!(metadata.contains(&format!("<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li>")), "{metadata}");
    }
}

#[test]
fn every_clause_has_a_bookmark_in_every_language_of_its_edition() {
    let project = load::load(root()).unwrap();
    for &edition in &EditionKind::ALL {
        let xml = poppler("pdftohtml", &["-xml", "-i", "-q", "-stdout"], pdf_of(edition));
        let start = xml.find("<outline>").unwrap_or_else(|| panic!("{}: no outline", edition.name()));
        let outline = &xml[start..];
        for clause in &project.document(edition.langs()[0]).clauses {
            let Some(heading) = &clause.heading else { continue };
            // One bookmark per clause: its headings, in the edition's languages, joined by " / ".
            let title: Vec<String> = edition
                .langs()
                .iter()
                .filter_map(|&lang| project.document(lang).clauses.iter().find(|c| c.id == clause.id))
                .filter_map(|c| c.heading.as_ref().map(|h| plain_text(&h.inlines)))
                .collect();
            assert_eq!(title.len(), edition.langs().len(), "{}: {:?}", edition.name(), heading.inlines);
            let title = format!(">{}</item>", title.join(" / "));
            assert!(outline.contains(&title), "{}: no bookmark {title:?} in {outline}", edition.name());
        }
    }
}

#[test]
fn renders_are_byte_identical() {
    let project = load::load(root()).unwrap();
    let again = PdfRenderer::new(&[])
        .unwrap()
        .render(
            &EditionModel::build(&project.alignment(), &project.config.edition, EditionKind::Bilingual),
            &Templates::built_in(),
        )
        .unwrap();
    assert!(again == pdf_of(EditionKind::Bilingual), "a second render differs");
}

/// A minimal project in a temporary folder, with `paragraph` as its one body paragraph in
/// both languages.
fn project_with(paragraph: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let config = std::fs::read_to_string(self::root().join("codepub.toml")).unwrap();
    std::fs::write(root.join("codepub.toml"), config).unwrap();
    for (lang, title, heading) in [("en", "Code", "Principles"), ("ja", "規範", "原則")] {
        std::fs::create_dir_all(root.join("content").join(lang)).unwrap();
        let text = format!("# {title} {{#title}}\n\nApproved.\n\n## {heading} {{#principles}}\n\n{paragraph}\n");
        std::fs::write(root.join("content").join(lang).join("10-code.md"), text).unwrap();
    }
    dir
}

#[test]
fn markup_in_the_sources_prints_literally() {
    let paragraph = r"Literal \#let x = 1 and \] and \$x\$ and \<l\> and \@r and \* and \_ and \\ and // end #set page(width: 1cm) `#emph[x]`";
    let dir = project_with(paragraph);
    let project = load::load(dir.path()).unwrap();
    let block = project.documents.en.clauses.iter().flat_map(|c| &c.blocks).last().unwrap().plain_text();
    for token in ["#let x = 1", "]", "$x$", "<l>", "@r", "*", "_", "\\", "//", "#set page", "#emph[x]"] {
        assert!(block.contains(token), "the test paragraph must hold {token:?}: {block}");
    }
    for &edition in &EditionKind::ALL {
        let pdf = renderer()
            .render(
                &EditionModel::build(&project.alignment(), &project.config.edition, edition),
                &Templates::built_in(),
            )
            .unwrap();
        let text = poppler("pdftotext", &[], &pdf);
        // Here every character counts, hyphens and spacing included (the line is short).
        let normalised = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let wanted = block.split_whitespace().collect::<Vec<_>>().join(" ");
        let found = normalised.contains(&wanted) || contains_paragraph(&squash(&text), &wanted);
        assert!(found, "{} edition: {wanted:?} not in {normalised:?}", edition.name());
        assert!(text.matches("Literal").count() >= edition.langs().len(), "{}", edition.name());
    }
}

fn template_error(files: &[(&str, &str)]) -> RenderError {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let project = load::load(root()).unwrap();
    renderer()
        .render(
            &EditionModel::build(&project.alignment(), &project.config.edition, EditionKind::En),
            &Templates::new(Some(dir.path().to_path_buf())),
        )
        .expect_err("a broken template fails")
}

#[test]
fn a_template_error_points_into_the_template() {
    let error =
        template_error(&[("edition.typ", "#let data = json(\"/data.json\")\n\n= Title\n#text(undefined-thing)\n")]);
    let RenderError::Template { at, message, .. } = &error else { panic!("{error:?}") };
    assert!(at.path.ends_with("edition.typ"), "{at}");
    assert_eq!((at.line, at.column), (4, 7), "{error}");
    assert!(message.contains("undefined-thing"), "{message}");

    // An error in an imported part is located in that part; its call site is a hint.
    let error = template_error(&[
        ("edition.typ", "#import \"part.typ\": f\n#f(1)\n"),
        ("part.typ", "#let f(x) = {\n  x + \"a\"\n}\n"),
    ]);
    let RenderError::Template { at, hints, .. } = &error else { panic!("{error:?}") };
    assert!(at.path.ends_with("part.typ") && at.line == 2, "{error}");
    assert!(hints.iter().any(|h| h.contains("edition.typ")), "{hints:?}");

    // Syntax errors too, and a template reading a file that does not exist.
    let error = template_error(&[("edition.typ", "ok\n#let x = (\n")]);
    assert!(matches!(&error, RenderError::Template { at, .. } if at.line == 2), "{error}");
    let error = template_error(&[("edition.typ", "#read(\"../Cargo.toml\")\n")]);
    assert!(matches!(&error, RenderError::Template { at, .. } if at.line == 1), "{error}");
}

#[test]
fn a_project_template_replaces_the_default_and_the_rest_fall_back() {
    let dir = tempfile::tempdir().unwrap();
    let style = std::fs::read_to_string(root().join("templates/style.typ")).unwrap();
    std::fs::write(dir.path().join("style.typ"), style.replace("#let gutter = 8mm", "#let gutter = 20mm")).unwrap();
    let project = load::load(root()).unwrap();
    let pdf = renderer()
        .render(
            &EditionModel::build(&project.alignment(), &project.config.edition, EditionKind::Bilingual),
            &Templates::new(Some(dir.path().to_path_buf())),
        )
        .unwrap();
    assert!(pdf != pdf_of(EditionKind::Bilingual));
    let text = squash(&poppler("pdftotext", &[], &pdf));
    assert!(text.contains(&squash("We act with honesty, integrity")));
}

#[test]
fn extra_font_paths_are_searched_and_must_exist() {
    let missing = PdfRenderer::new(&[PathBuf::from("/nonexistent/fonts")]);
    assert!(matches!(missing, Err(RenderError::Font(_))));
    let empty = tempfile::tempdir().unwrap();
    assert!(PdfRenderer::new(&[empty.path().to_path_buf()]).is_ok());
}

#[test]
fn emphasis_is_tagged_as_emphasis_and_strong_emphasis_as_strong() {
    // The Code's three emphasised document titles (English italics, Japanese bold: `**…**`).
    for &edition in &EditionKind::ALL {
        let pdf = String::from_utf8_lossy(pdf_of(edition)).into_owned();
        let tags = |tag: &str| pdf.matches(&format!("/S/{tag}")).count();
        if edition.langs().contains(&Lang::En) {
            assert!(tags("Em") >= 3, "{}: {} Em tags", edition.name(), tags("Em"));
        }
        if edition.langs().contains(&Lang::Ja) {
            assert!(tags("Strong") >= 3, "{}: {} Strong tags", edition.name(), tags("Strong"));
        }
    }
}
