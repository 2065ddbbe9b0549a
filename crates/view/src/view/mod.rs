//! The render model: one edition (bilingual columns, facing pages, English or Japanese) fully resolved and typed, built
//! once from one [`Alignment`]. It holds the title matter, the sections of paired rows, the table
//! of contents, the numbered footnotes with the ids of their references and back-links, the back
//! covers with the language of each line, and inline runs whose soft breaks are already decided
//! ([`runs`]). Renderers (Typst, HTML) only lay it out: they receive these structs serialised,
//! never Markdown, and decide nothing about the text.

pub mod chunks;
mod note_refs;
mod notes;
mod pieces;
mod runs;

use serde::Serialize;

use codepub_core::address::Address;
use codepub_core::align::{Alignment, BlockPair, ClausePair};
use codepub_core::config::Edition;
use codepub_core::model::{Block, BlockKind, Clause, Lang};
use codepub_core::pair::Pair;
use codepub_core::script::has_japanese_script;

pub use note_refs::note_id;
pub use notes::{Note, NoteSide};
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
#[derive(Debug, Serialize)]
pub struct EditionModel<'p> {
    pub edition: EditionKind,
    /// Languages printed, left column first.
    pub langs: &'static [Lang],
    pub bilingual: bool,
    /// See [`EditionKind::own_lang`].
    pub lang: Lang,
    pub meta: &'p Edition,
    /// The title and what stands under it on the title page (an approval line), when the text
    /// opens with a title.
    pub title_page: Option<TitleMatter>,
    /// The body: sections of paired rows, in order.
    pub sections: Vec<Section>,
    /// Headed body sections, nested by level.
    pub toc: Vec<TocEntry>,
    /// Footnotes in number order.
    pub notes: Vec<Note>,
    pub covers: Vec<Cover>,
}

/// The title matter: the text before the first clause of the body, when it opens with a title
/// (a level-1 heading). Its leading short lines (an approval line, a resolution) are the title
/// page's; a longer text under the title (a preamble) is laid out as paired rows, in a headless
/// [`Section`] that opens the body.
#[derive(Clone, Debug, Serialize)]
pub struct TitleMatter {
    pub id: String,
    pub heading: Pair<Option<Vec<Run>>>,
    pub lines: Vec<Row>,
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
}

/// Blocks that translate each other, side by side; a language the edition does not print, or
/// the source lacks, is `None`.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The block address (`principle-3#2`).
    pub address: Address,
    #[serde(flatten)]
    pub cells: Pair<Option<BlockView>>,
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
                while let Some(row) = rows.next_if(|row| is_title_line(row, langs)) {
                    lines.push(print_row(row, langs, &mut refs));
                }
                title_page = Some(TitleMatter { id: pair.id.0.clone(), heading, lines });
                let rest: Vec<&BlockPair<'_>> = rows.collect();
                if !rest.is_empty() {
                    let anchor = format!("{}-text", pair.id);
                    refs.section = Some(anchor.clone());
                    let rows = rest.into_iter().map(|row| print_row(row, langs, &mut refs)).collect();
                    let heading = Pair::new(None, None);
                    sections.push(Section { id: pair.id.0.clone(), anchor, level: 0, headed: false, heading, rows });
                }
                continue;
            }
            let anchor = pair.id.0.clone();
            refs.section = Some(anchor.clone());
            let heading = headings(pair, langs, &mut refs);
            let headed = heading.present().next().is_some();
            let rows = pair.blocks.iter().map(|row| print_row(row, langs, &mut refs)).collect();
            sections.push(Section { id: pair.id.0.clone(), anchor, level, headed, heading, rows });
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
        EditionModel {
            edition,
            langs,
            bilingual: langs.len() > 1,
            lang: edition.own_lang(),
            meta,
            title_page,
            sections,
            toc,
            notes,
            covers,
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
    Row { address: row.address.clone(), cells }
}

/// Whether a row of the title matter is a title-page line: one short paragraph in each
/// printed language that has it.
fn is_title_line(row: &BlockPair<'_>, langs: &[Lang]) -> bool {
    let short_paragraph = |block: &Block| {
        matches!(block.kind, BlockKind::Paragraph(_)) && block.plain_text().chars().count() <= TITLE_LINE_MAX_CHARS
    };
    langs.iter().filter_map(|&lang| row.side(lang)).all(short_paragraph)
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
                let backref = refs.referenced(lang, number).then(|| note_refs::reference_id(lang, number));
                *sides.get_mut(lang) = Some(NoteSide { id: note_refs::note_id(lang, number), backref, blocks });
            }
            Some(Note { label: pair.label.to_string(), number, section: refs.section_of(number), sides })
        })
        .collect();
    notes.sort_by_key(|note| note.number);
    notes
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
