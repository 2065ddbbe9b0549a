//! The render model: one edition (bilingual columns, facing pages, English or Japanese) fully resolved and typed, built
//! once from one [`Alignment`]. It holds the title matter, the sections of paired rows, the table
//! of contents, the numbered footnotes with the ids of their references and back-links, the back
//! covers with the language of each line, and inline runs whose soft breaks are already decided
//! ([`runs`]). Renderers (Typst, HTML) only lay it out: they receive these structs serialised,
//! never Markdown, and decide nothing about the text.

pub mod chunks;
mod note_refs;
mod notes;
mod numbers;
mod pieces;
mod quotes;
pub(crate) mod runs;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use codepub_core::address::{Address, Owner};
use codepub_core::align::{Alignment, BlockPair, ClausePair};
use codepub_core::config::{ContentsPage, Edition, Numbering};
use codepub_core::model::{Block, BlockKind, Clause, Lang};
use codepub_core::pair::Pair;
use codepub_core::script::has_japanese_script;

pub use note_refs::note_id;
pub use notes::{Note, NoteSide};
pub use numbers::ParagraphNumber;
pub use pieces::Piece;
pub use runs::{BlockView, Run, plain_text};

use note_refs::NoteRefs;
use runs::Printer;

/// Which edition to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditionKind {
    /// Both languages side by side in two columns.
    Bilingual,
    /// Both languages on facing pages: English on the left-hand pages, Japanese on the right
    /// (PDF only).
    Facing,
    En,
    Ja,
}

impl EditionKind {
    /// The editions `codepub build` builds when none is named.
    pub const ALL: [EditionKind; 4] = [EditionKind::Bilingual, EditionKind::Facing, EditionKind::En, EditionKind::Ja];

    /// Languages printed, left column (or left-hand page) first.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            EditionKind::Bilingual | EditionKind::Facing => &[Lang::En, Lang::Ja],
            EditionKind::En => &[Lang::En],
            EditionKind::Ja => &[Lang::Ja],
        }
    }

    /// The edition's own language, of its metadata: the Japanese edition's for the bilingual one
    /// (published with the Japanese edition's matter).
    pub fn own_lang(self) -> Lang {
        match self {
            EditionKind::En => Lang::En,
            EditionKind::Bilingual | EditionKind::Facing | EditionKind::Ja => Lang::Ja,
        }
    }

    /// Whether the edition is laid out in pages that face each other, one language to a page:
    /// a paged format's edition only (the HTML renderer has no page to face another).
    pub fn facing_pages(self) -> bool {
        self == EditionKind::Facing
    }

    /// Whose back covers are printed, in order: each language edition's own; both, English first
    /// (the order of the printed brochure), in the bilingual edition.
    pub fn cover_langs(self) -> &'static [Lang] {
        self.langs()
    }

    /// File stem of the edition's outputs: the project's slug and the edition (`code-bilingual`).
    pub fn file_stem(self, slug: &str) -> String {
        format!("{slug}-{}", self.name())
    }

    pub fn name(self) -> &'static str {
        match self {
            EditionKind::Bilingual => "bilingual",
            EditionKind::Facing => "facing",
            EditionKind::En => "en",
            EditionKind::Ja => "ja",
        }
    }
}

/// One edition, resolved: everything a renderer prints, in reading order.
#[derive(Clone, Debug, Serialize)]
pub struct EditionModel<'p> {
    pub edition: EditionKind,
    /// Languages printed, left column first.
    pub langs: &'static [Lang],
    pub bilingual: bool,
    /// See [`EditionKind::own_lang`].
    pub lang: Lang,
    pub meta: &'p Edition,
    /// The edition's title in each language as it prints (on the facing edition's cover, in the
    /// web page's `<title>`, in the PDF's metadata): `title` in `codepub.toml`, its quotes
    /// curled under `smart_quotes` as the text's are. Templates read this, never `meta.title`.
    pub titles: Pair<String>,
    /// The title and what stands under it on the title page (an approval line), when the text
    /// opens with a title.
    pub title_page: Option<TitleMatter>,
    /// The body: sections of paired rows, in order.
    pub sections: Vec<Section>,
    /// Headed body sections, nested by level.
    pub toc: Vec<TocEntry>,
    /// Whether the PDF editions print a contents page listing [`EditionModel::toc`]
    /// (`contents` under `[edition]`, [`contents_page`]); serialised only when they do, so an
    /// edition without one has the data it always had.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub contents: bool,
    /// The page label of every heading the contents page lists, when codepub gives them: anchor
    /// → language (`any` for a row holding every language's heading) → label. An edition
    /// rendered in parts gives its contents the labels read from every part, and no label at
    /// all the first time they are laid out (to count their pages, before the body's parts are
    /// laid out). `None`, and not serialised, when the edition is laid out
    /// whole: the contents page then finds each heading's page where it is laid out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contents_labels: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// Whether the body's rows carry their paragraph numbers (`numbering = "paragraph"`,
    /// [`ParagraphNumber`]); serialised only when they do, so an edition without them has the
    /// data it always had.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub paragraph_numbers: bool,
    /// Footnotes in number order.
    pub notes: Vec<Note>,
    pub covers: Vec<Cover>,
    /// The note of a provisional build ([`EditionModel::mark_provisional`]); absent otherwise,
    /// and then not serialised, so an ordinary build's data is what it always was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<ProvisionalNote>,
}

/// A provisional build (`codepub build --provisional`): the pairs (headings and blocks, the
/// footnotes' blocks too) whose Japanese is published before it was signed off (P013), and the
/// note that explains their mark.
#[derive(Clone, Debug, Default)]
pub struct Provisional {
    pub addresses: BTreeSet<Address>,
    /// The note on the title page, in each language.
    pub note: Pair<String>,
}

/// What an edition with provisional translations prints on its title page, in each language it
/// prints; the mark set beside each provisional Japanese heading and block (a footnote's too).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProvisionalNote {
    pub note: Pair<Option<String>>,
    pub mark: &'static str,
}

/// The mark of a provisional translation.
pub const PROVISIONAL_MARK: &str = "\u{2020}";

/// The title matter: the text before the first clause of the body, when it opens with a title
/// (a level-1 heading). Its leading short lines (an approval line, a resolution) are the title
/// page's; a longer text under the title (a preamble) is laid out as paired rows, in a headless
/// [`Section`] that opens the body.
#[derive(Clone, Debug, Serialize)]
pub struct TitleMatter {
    pub id: String,
    pub heading: Pair<Option<Vec<Run>>>,
    pub lines: Vec<Row>,
    /// Whether the Japanese title is a provisional translation; serialised only when it is.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// The clause's id.
    pub id: String,
    /// The section's id in a page: the clause's id, or `<id>-text` for the text under a title.
    pub anchor: String,
    /// Heading level (1 for a title, 2 and 3 for clauses), 0 for a headless section.
    pub level: u8,
    /// Whether either printed language has a heading (an empty one counts: P001 reports it).
    pub headed: bool,
    pub heading: Pair<Option<Vec<Run>>>,
    pub rows: Vec<Row>,
    /// Whether the Japanese heading is a provisional translation ([`Provisional`]); serialised
    /// only when it is.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

/// Blocks that translate each other, side by side; a language the edition does not print, or
/// the source lacks, is `None`.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The block address (`principle-3#2`).
    pub address: Address,
    #[serde(flatten)]
    pub cells: Pair<Option<BlockView>>,
    /// Whether the Japanese is a provisional translation ([`Provisional`]); serialised only when
    /// it is.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    /// The number printed beside the row and its id in a page (`numbering = "paragraph"`,
    /// [`ParagraphNumber`]); absent, and not serialised, otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<ParagraphNumber>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TocEntry {
    pub anchor: String,
    pub heading: Pair<Option<Vec<Run>>>,
    pub children: Vec<TocEntry>,
}

/// A back cover: one language edition's matter, printed line for line.
#[derive(Clone, Debug, Serialize)]
pub struct Cover {
    pub id: String,
    /// Its id in a page: the clause's id, with the language when the edition prints several
    /// covers (`back-cover-en`).
    pub anchor: String,
    /// Whose edition's cover this is.
    pub lang: Lang,
    pub lines: Vec<CoverLine>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CoverLine {
    pub address: Address,
    /// The language of the line's text: the Japanese edition's cover holds English lines.
    pub lang: Lang,
    pub block: BlockView,
}

/// A title-page line is at most this many characters in each language; a longer text under the
/// title is laid out as paired rows.
pub const TITLE_LINE_MAX_CHARS: usize = 200;

impl<'p> EditionModel<'p> {
    /// Builds `edition` from the aligned documents and the edition metadata.
    pub fn build(alignment: &Alignment<'_>, meta: &'p Edition, edition: EditionKind) -> Self {
        let langs = edition.langs();
        let mut refs = NoteRefs::default();
        refs.per_language = edition.facing_pages();
        let mut title_page = None;
        let mut sections = Vec::new();
        let (colophons, body): (Vec<&ClausePair<'_>>, Vec<&ClausePair<'_>>) =
            alignment.clauses.iter().partition(|pair| pair.is_colophon());
        let printed = body.into_iter().filter(|pair| langs.iter().any(|&lang| pair.side(lang).is_some()));
        for (index, pair) in printed.enumerate() {
            let level = heading_level(pair);
            if index == 0 && level == 1 {
                refs.section = None;
                let heading = headings(pair, langs, &mut refs);
                let mut rows = pair.blocks.iter().peekable();
                let mut lines = Vec::new();
                while let Some(row) = rows.next_if(|row| is_title_line(row)) {
                    lines.push(print_row(row, langs, &mut refs));
                }
                title_page = Some(TitleMatter { id: pair.id.0.clone(), heading, lines, provisional: false });
                let rest: Vec<&BlockPair<'_>> = rows.collect();
                if !rest.is_empty() {
                    let anchor = format!("{}-text", pair.id);
                    refs.section = Some(anchor.clone());
                    let rows = rest.into_iter().map(|row| print_row(row, langs, &mut refs)).collect();
                    let heading = Pair::new(None, None);
                    sections.push(Section {
                        id: pair.id.0.clone(),
                        anchor,
                        level: 0,
                        headed: false,
                        heading,
                        rows,
                        provisional: false,
                    });
                }
                continue;
            }
            let anchor = pair.id.0.clone();
            refs.section = Some(anchor.clone());
            let heading = headings(pair, langs, &mut refs);
            let headed = heading.present().next().is_some();
            let rows = pair.blocks.iter().map(|row| print_row(row, langs, &mut refs)).collect();
            sections.push(Section { id: pair.id.0.clone(), anchor, level, headed, heading, rows, provisional: false });
        }

        refs.section = None;
        let mut covers = Vec::new();
        for pair in colophons {
            for &lang in edition.cover_langs() {
                if let Some(clause) = pair.side(lang) {
                    let anchor = match edition.cover_langs() {
                        [_] => pair.id.0.clone(),
                        _ => format!("{}-{lang}", pair.id),
                    };
                    covers.push(cover(clause, lang, anchor, &mut refs));
                }
            }
        }

        let notes = notes(alignment, langs, &mut refs);
        let toc = table_of_contents(&sections);
        let contents = contents_page(meta.contents, &toc);
        let mut model = EditionModel {
            edition,
            langs,
            bilingual: langs.len() > 1,
            lang: edition.own_lang(),
            meta,
            titles: meta.title.clone(),
            title_page,
            sections,
            toc,
            contents,
            contents_labels: None,
            paragraph_numbers: false,
            notes,
            covers,
            provisional: None,
        };
        if meta.smart_quotes {
            model.curl_quotes();
        }
        if meta.numbering == Numbering::Paragraph {
            model.number_paragraphs();
        }
        model
    }

    /// Marks the provisional translations of a provisional build: each Japanese heading and
    /// block printed whose pair is in `provisional` (a footnote's blocks included, by the pair
    /// address each carries: [`NoteSide::addresses`]), and, when the edition prints any of them,
    /// the note on the title page in each printed language. An edition without Japanese, or
    /// with none of them, stays as it was.
    pub fn mark_provisional(&mut self, provisional: &Provisional) {
        if provisional.addresses.is_empty() || !self.langs.contains(&Lang::Ja) {
            return;
        }
        let marked = |address: &Address| provisional.addresses.contains(address);
        let heading_marked = |id: &str, heading: &Pair<Option<Vec<Run>>>| {
            heading.ja.is_some() && marked(&Address::heading(Owner::clause(id)))
        };
        let mut any = false;
        if let Some(title) = &mut self.title_page {
            title.provisional = heading_marked(&title.id, &title.heading);
            any |= title.provisional;
        }
        for section in &mut self.sections {
            section.provisional = section.headed && heading_marked(&section.id, &section.heading);
            any |= section.provisional;
        }
        let title_lines = self.title_page.iter_mut().flat_map(|title| title.lines.iter_mut());
        for row in title_lines.chain(self.sections.iter_mut().flat_map(|section| section.rows.iter_mut())) {
            row.provisional = row.cells.ja.is_some() && marked(&row.address);
            any |= row.provisional;
        }
        for side in self.notes.iter_mut().filter_map(|note| note.sides.ja.as_mut()) {
            side.provisional = (side.addresses.iter().enumerate())
                .filter(|(_, address)| address.as_ref().is_some_and(marked))
                .map(|(index, _)| index)
                .collect();
            any |= !side.provisional.is_empty();
        }
        if any {
            let mut note = Pair::new(None, None);
            for &lang in self.langs {
                *note.get_mut(lang) = Some(provisional.note.get(lang).clone());
            }
            self.provisional = Some(ProvisionalNote { note, mark: PROVISIONAL_MARK });
        }
    }
}

fn heading_level(pair: &ClausePair<'_>) -> u8 {
    [pair.sides.en, pair.sides.ja].into_iter().flatten().find_map(|c| c.heading.as_ref()).map_or(0, |h| h.level)
}

fn headings(pair: &ClausePair<'_>, langs: &[Lang], refs: &mut NoteRefs) -> Pair<Option<Vec<Run>>> {
    let mut heading = Pair::new(None, None);
    for &lang in langs {
        if let Some(h) = pair.side(lang).and_then(|clause| clause.heading.as_ref()) {
            *heading.get_mut(lang) = Some(Printer { lang, lines: false, in_note: false, refs }.runs(&h.inlines));
        }
    }
    heading
}

fn print_row(row: &BlockPair<'_>, langs: &[Lang], refs: &mut NoteRefs) -> Row {
    let mut cells = Pair::new(None, None);
    for &lang in langs {
        if let Some(block) = row.side(lang) {
            *cells.get_mut(lang) = Some(Printer { lang, lines: false, in_note: false, refs }.block(block));
        }
    }
    Row { address: row.address.clone(), cells, provisional: false, paragraph: None }
}

/// Whether a row of the title matter is a title-page line: one short paragraph in each
/// language that has it, printed by the edition or not, so that every edition puts the same
/// rows on its title page (a preamble short in Japanese and long in English was a title-page
/// line of the Japanese edition and a numbered paragraph of the others).
fn is_title_line(row: &BlockPair<'_>) -> bool {
    let short_paragraph = |block: &Block| {
        matches!(block.kind, BlockKind::Paragraph(_)) && block.plain_text().chars().count() <= TITLE_LINE_MAX_CHARS
    };
    [Lang::En, Lang::Ja].into_iter().filter_map(|lang| row.side(lang)).all(short_paragraph)
}

fn cover(clause: &Clause, lang: Lang, anchor: String, refs: &mut NoteRefs) -> Cover {
    let lines = clause
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let text = block.plain_text();
            let line_lang = match lang {
                Lang::Ja if !has_japanese_script(&text) => Lang::En,
                Lang::En if has_japanese_script(&text) => Lang::Ja,
                _ => lang,
            };
            CoverLine {
                address: Address::block(clause.id.owner(), i),
                lang: line_lang,
                block: Printer { lang, lines: true, in_note: false, refs }.block(block),
            }
        })
        .collect();
    Cover { id: clause.id.0.clone(), anchor, lang, lines }
}

/// The notes referenced in the edition, numbered, each with the text of every printed language.
fn notes(alignment: &Alignment<'_>, langs: &[Lang], refs: &mut NoteRefs) -> Vec<Note> {
    let mut notes: Vec<Note> = alignment
        .footnotes
        .iter()
        .filter_map(|pair| {
            let number = refs.get(pair.label)?;
            let mut sides = Pair::new(None, None);
            for &lang in langs {
                let footnote = match lang {
                    Lang::En => pair.sides.en,
                    Lang::Ja => pair.sides.ja,
                };
                let Some(footnote) = footnote else { continue };
                let blocks = footnote
                    .blocks
                    .iter()
                    .map(|b| Printer { lang, lines: false, in_note: true, refs: &mut *refs }.block(b))
                    .collect();
                // Each block's aligned pair: the row that holds this very block in this language.
                let addresses = (footnote.blocks.iter())
                    .map(|block| {
                        let row = pair.blocks.iter().find(|row| row.side(lang).is_some_and(|b| std::ptr::eq(b, block)));
                        row.map(|row| row.address.clone())
                    })
                    .collect();
                let backref = refs.referenced(lang, number).then(|| note_refs::reference_id(lang, number));
                let id = note_refs::note_id(lang, number);
                *sides.get_mut(lang) = Some(NoteSide { id, backref, blocks, addresses, provisional: Vec::new() });
            }
            Some(Note { label: pair.label.to_string(), number, section: refs.section_of(number), sides })
        })
        .collect();
    notes.sort_by_key(|note| note.number);
    notes
}

/// Under `contents = "auto"`, an edition gets a contents page when its contents would list more
/// than this many headings. A reader finds one of a few headings by leafing through a short
/// text (the Code's 14, on four pages, need none); past a score of headings the text runs to
/// many pages and a list of where each starts pays for its page. Counted on the model, before
/// any layout, so the same sources always decide the same way.
pub const AUTO_CONTENTS_HEADINGS: usize = 20;

/// Whether an edition whose contents are `toc` prints a contents page under `setting`.
pub fn contents_page(setting: ContentsPage, toc: &[TocEntry]) -> bool {
    fn count(entries: &[TocEntry]) -> usize {
        entries.iter().map(|entry| 1 + count(&entry.children)).sum()
    }
    match setting {
        ContentsPage::Always => !toc.is_empty(),
        ContentsPage::Never => false,
        ContentsPage::Auto => count(toc) > AUTO_CONTENTS_HEADINGS,
    }
}

/// Headed body sections (level 1 and below), nested by level.
fn table_of_contents(sections: &[Section]) -> Vec<TocEntry> {
    let mut entries = sections.iter().filter(|s| s.level >= 1 && s.headed).peekable();
    nest(&mut entries, 0)
}

/// Takes the entries deeper than `parent_level`, each with the deeper entries that follow it.
fn nest<'s>(entries: &mut std::iter::Peekable<impl Iterator<Item = &'s Section>>, parent_level: u8) -> Vec<TocEntry> {
    let mut out = Vec::new();
    while let Some(section) = entries.next_if(|s| s.level > parent_level) {
        let children = nest(entries, section.level);
        out.push(TocEntry { anchor: section.anchor.clone(), heading: section.heading.clone(), children });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked_in(edition: EditionKind, addresses: &[Address]) -> (Vec<String>, Option<ProvisionalNote>) {
        let project = codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .expect("shipped project");
        let alignment = project.alignment();
        let mut model = EditionModel::build(&alignment, &project.config.edition, edition);
        let note = Pair::new("Provisional.".to_string(), "暫定訳。".to_string());
        model.mark_provisional(&Provisional { addresses: addresses.iter().cloned().collect(), note });
        let headings = model.sections.iter().filter(|s| s.provisional).map(|s| format!("{}#heading", s.id));
        let rows = model.sections.iter().flat_map(|s| &s.rows).filter(|r| r.provisional).map(|r| r.address.to_string());
        let notes = model.notes.iter().flat_map(|note| [&note.sides.en, &note.sides.ja]).flatten().flat_map(|side| {
            side.provisional.iter().map(|&i| format!("{}:{}", side.id, side.addresses[i].as_ref().expect("address")))
        });
        (headings.chain(rows).chain(notes).collect(), model.provisional)
    }

    fn toc_of(headings: usize) -> Vec<TocEntry> {
        let entry =
            |n: usize| TocEntry { anchor: format!("s{n}"), heading: Pair::new(None, None), children: Vec::new() };
        // Half of them nested: every heading counts, at any level.
        let mut parent = entry(0);
        parent.children = (1..headings / 2).map(entry).collect();
        std::iter::once(parent).chain((headings / 2..headings).map(entry)).collect()
    }

    #[test]
    fn auto_prints_a_contents_page_past_twenty_headings_at_any_level() {
        assert!(!contents_page(ContentsPage::Auto, &toc_of(AUTO_CONTENTS_HEADINGS)));
        assert!(contents_page(ContentsPage::Auto, &toc_of(AUTO_CONTENTS_HEADINGS + 1)));
        assert!(contents_page(ContentsPage::Always, &toc_of(1)));
        assert!(!contents_page(ContentsPage::Always, &[]), "nothing to list");
        assert!(!contents_page(ContentsPage::Never, &toc_of(500)));
    }

    /// The Constitution's preamble is under 200 characters in Japanese and over in English.
    #[test]
    fn every_edition_puts_the_same_rows_on_its_title_page() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/constitution");
        let project = codepub_core::load::load(std::path::Path::new(root)).expect("the Constitution fixture");
        let alignment = project.alignment();
        let title_rows = |edition| {
            let model = EditionModel::build(&alignment, &project.config.edition, edition);
            let title = model.title_page.expect("a title page");
            let body: Vec<Address> = model.sections.iter().flat_map(|s| &s.rows).map(|r| r.address.clone()).collect();
            (title.lines.iter().map(|row| row.address.clone()).collect::<Vec<_>>(), body.first().cloned())
        };
        let bilingual = title_rows(EditionKind::Bilingual);
        assert!(bilingual.0.is_empty(), "the preamble is long in English: {bilingual:?}");
        for edition in [EditionKind::Facing, EditionKind::En, EditionKind::Ja] {
            assert_eq!(title_rows(edition), bilingual, "{edition:?}");
        }
    }

    #[test]
    fn the_shipped_code_has_no_contents_page_under_auto() {
        let project = codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .expect("shipped project");
        let alignment = project.alignment();
        let meta = Edition { contents: ContentsPage::Auto, ..project.config.edition.clone() };
        for edition in EditionKind::ALL {
            let model = EditionModel::build(&alignment, &meta, edition);
            assert!(!model.contents, "{edition:?}");
            let json = serde_json::to_string(&model).expect("serialised");
            assert!(!json.contains("\"contents\""), "{edition:?}");
        }
    }

    #[test]
    fn only_the_provisional_pairs_are_marked_and_only_where_japanese_is_printed() {
        let pairs = [Address::block(Owner::clause("principle-1"), 0), Address::heading(Owner::clause("principle-3"))];
        for edition in [EditionKind::Bilingual, EditionKind::Facing, EditionKind::Ja] {
            let (marked, note) = marked_in(edition, &pairs);
            assert_eq!(marked, ["principle-3#heading", "principle-1#1"], "{edition:?}");
            let note = note.expect("the note");
            assert_eq!(note.note.ja.as_deref(), Some("暫定訳。"));
            assert_eq!(note.note.en.is_some(), edition != EditionKind::Ja, "{edition:?}");
        }
        assert_eq!(marked_in(EditionKind::En, &pairs), (Vec::new(), None));
        // Nothing to mark: the edition as it was, without the note.
        assert_eq!(marked_in(EditionKind::Bilingual, &[]), (Vec::new(), None));
    }

    #[test]
    fn a_footnote_block_is_marked_by_its_pair_address_in_its_japanese_only() {
        let pair = Address::block(Owner::footnote("1"), 0);
        for edition in [EditionKind::Bilingual, EditionKind::Facing, EditionKind::Ja] {
            let (marked, note) = marked_in(edition, std::slice::from_ref(&pair));
            assert_eq!(marked, ["fn-ja-1:footnote-1#1"], "{edition:?}");
            assert!(note.is_some(), "{edition:?}");
        }
        assert_eq!(marked_in(EditionKind::En, &[pair]), (Vec::new(), None));
    }

    #[test]
    fn every_footnote_block_carries_its_pair_address_which_is_not_serialised() {
        let project = codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .expect("shipped project");
        let alignment = project.alignment();
        let model = EditionModel::build(&alignment, &project.config.edition, EditionKind::Bilingual);
        let sides: Vec<&NoteSide> = model.notes.iter().flat_map(|n| [&n.sides.en, &n.sides.ja]).flatten().collect();
        assert!(!sides.is_empty());
        for side in sides {
            assert_eq!(side.addresses.len(), side.blocks.len(), "{}", side.id);
            assert!(side.addresses.iter().all(|a| a.as_ref().is_some_and(|a| matches!(a.owner, Owner::Footnote(_)))));
        }
        let json = serde_json::to_string(&model).expect("serialised");
        assert!(!json.contains("footnote-1#") && !json.contains("provisional"), "{json}");
    }
}
