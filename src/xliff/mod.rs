//! XLIFF 2.0 exchange with translators' CAT tools: the paired headings, paragraphs, list items and
//! footnote paragraphs of a project as translation [`Unit`]s, each with its English source, its
//! Japanese target, its inline codes and its state in the translation record. [`content`] reads
//! a segment's text and codes from the model, [`place`] says where its Japanese is (or goes),
//! [`document`] writes the units as XLIFF, [`read`] reads an XLIFF file back, [`import`] turns its
//! targets into edits of the Japanese sources, and [`markdown`] spells a target as Markdown.
//!
//! Inline markup is kept as XLIFF inline codes: emphasis, strong emphasis and links as `<pc>`
//! (paired codes), footnote references, code spans and hard breaks as `<ph>` (placeholders). A
//! code's `id` is the same in the source and the target; the Japanese codes take the id of the
//! English code they translate (by kind, after the project's markup mappings, and order).

pub mod content;
pub mod document;
pub mod import;
pub mod markdown;
pub mod place;
pub mod read;

pub use content::{CodeKind, Content, InlineCode, Piece, content};
pub use place::{Layout, Place};

use std::collections::{HashMap, HashSet};

use crate::address::{Address, Part};
use crate::align::Alignment;
use crate::check::stale::{Standing, standings};
use crate::check::{Context, UnitKind};
use crate::load::Project;
use crate::model::{Inline, Lang, MarkupKind, plain_text};
use crate::source::FileId;
use content::match_codes;
use place::Anchors;

/// The XLIFF `state` of a unit's segment, from the translation record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Stale (the English changed since sign-off) or missing in Japanese.
    Initial,
    /// The Japanese exists but is not signed off against this English.
    Translated,
    /// Signed off and current.
    Final,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Initial => "initial",
            State::Translated => "translated",
            State::Final => "final",
        }
    }
}

/// One translation unit: a heading, paragraph, list item or footnote paragraph.
#[derive(Clone, Debug)]
pub struct Unit {
    /// XLIFF id (an NMTOKEN): the address with `#` as `_`, and `.n` for the n-th list item.
    pub id: String,
    /// The block's address (the unit's `name`).
    pub address: Address,
    /// The list item (1-based), for a list's units.
    pub item: Option<usize>,
    /// Edition matter (a back cover): exported for reference, never imported.
    pub translate: bool,
    pub source: Content,
    /// The Japanese, when there is one, its codes under the ids of the source's.
    pub target: Option<Content>,
    pub state: State,
    /// The English as signed off, when the English changed since.
    pub signed_off_english: Option<String>,
    /// The English heading of the clause the unit is in (or `[^label]` for a footnote).
    pub heading: String,
    /// Glossary terms used by the English: (English, Japanese).
    pub terms: Vec<(String, String)>,
    /// Where the Japanese is, or would go when it is missing (`None`: nowhere to put it).
    pub japanese: Option<Place>,
    /// The English to look up in the translation memory (plain text, whitespace-normalised, as
    /// the record keeps it), for a unit that needs translating: stale, never signed off, or
    /// missing in Japanese. `None` for the others.
    pub memory_query: Option<String>,
    /// Earlier translations offered for the unit ([`offer_candidates`]); never its target.
    pub candidates: Vec<Candidate>,
}

/// An earlier signed-off translation offered for a unit (XLIFF's Translation Candidates module).
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The English it translated.
    pub english: String,
    pub japanese: String,
    /// 100 for the same English (whitespace aside), else the percentage of words in common.
    pub similarity: f32,
}

/// Offers, for every unit that needs translating (its [`Unit::memory_query`]), the best earlier
/// translation in `memory`, as a candidate.
pub fn offer_candidates(files: &mut [UnitFile], memory: &crate::translation_memory::Memory) {
    for unit in files.iter_mut().flat_map(|file| file.units.iter_mut()) {
        let Some(english) = &unit.memory_query else { continue };
        unit.candidates = (memory.best_match(english).into_iter())
            .map(|found| Candidate {
                english: found.entry.english.clone(),
                japanese: found.entry.japanese.clone(),
                similarity: found.similarity,
            })
            .collect();
    }
}

/// The units of one English source file.
#[derive(Clone, Debug)]
pub struct UnitFile {
    /// `content/en/10-code.md`.
    pub original: String,
    pub units: Vec<Unit>,
}

/// Every unit of the project, grouped by English source file in reading order.
pub fn units(project: &Project, alignment: &Alignment<'_>) -> Vec<UnitFile> {
    let cx = Context::new(project, alignment).with_glyphs(crate::glyphs::bundled());
    let standings: HashMap<&Address, Standing> = standings(&cx)
        .map(|all| all.into_iter().map(|(pair, standing)| (&pair.address, standing)).collect())
        .unwrap_or_default();
    let mappings = &project.config.check.markup.accepted;
    let map_kind = |kind: MarkupKind| mappings.iter().find(|m| m.en == kind).map_or(kind, |m| m.ja);
    let headings = clause_headings(project);
    let mut builder =
        Builder { project, map_kind: &map_kind, files: Vec::new(), ids: HashSet::new(), anchors: Anchors::default() };

    for pair in &cx.pairs {
        let Some(en) = pair.side(Lang::En) else { continue };
        let ja = pair.side(Lang::Ja);
        let standing = standings.get(&pair.address);
        // Stale, never signed off, or missing: worth an earlier translation from the memory.
        let needs_translation = matches!(standing, None | Some(Standing::EnglishChanged { .. } | Standing::Unsigned));
        let (state, signed_off_english) = match (ja, standing) {
            (None, _) => (State::Initial, None),
            (Some(_), Some(Standing::Current)) => (State::Final, None),
            (Some(_), Some(Standing::EnglishChanged { old_english })) => (State::Initial, Some(old_english.clone())),
            (Some(_), _) => (State::Translated, None),
        };
        let heading = match &pair.address.owner {
            crate::address::Owner::Clause(id) => headings.get(id.as_str()).cloned().unwrap_or_default(),
            crate::address::Owner::Footnote(label) => format!("[^{label}]"),
        };
        let items = en.groups.len();
        for (index, group) in en.groups.iter().enumerate() {
            let item = (en.kind == UnitKind::List).then_some(index + 1);
            let ja_group = ja.and_then(|ja| ja.groups.get(index).copied());
            let ja_group = ja_group.filter(|_| item.is_some() || items == 1);
            builder.push(
                en.span.file,
                Draft {
                    address: &pair.address,
                    item,
                    en: group,
                    ja: ja_group.zip(ja).map(|(g, ja)| (g, ja.kind, ja.span.end)),
                    state: if ja_group.is_none() { State::Initial } else { state },
                    signed_off_english: signed_off_english.clone(),
                    heading: heading.clone(),
                    translate: true,
                    needs_translation: needs_translation || ja_group.is_none(),
                },
            );
        }
    }
    for (address, unit) in &cx.colophon {
        if unit.lang != Lang::En {
            continue;
        }
        let heading = address.owner.to_string();
        for (index, group) in unit.groups.iter().enumerate() {
            let item = (unit.kind == UnitKind::List).then_some(index + 1);
            builder.push(
                unit.span.file,
                Draft {
                    address,
                    item,
                    en: group,
                    ja: None,
                    state: State::Final,
                    signed_off_english: None,
                    heading: heading.clone(),
                    translate: false,
                    needs_translation: false,
                },
            );
        }
    }
    builder.files
}

/// The English heading text of every clause, by id.
fn clause_headings(project: &Project) -> HashMap<&str, String> {
    (project.documents.en.clauses.iter())
        .map(|c| (c.id.0.as_str(), c.heading.as_ref().map(|h| plain_text(&h.inlines)).unwrap_or_default()))
        .collect()
}

struct Draft<'a, 'u> {
    address: &'a Address,
    item: Option<usize>,
    en: &'u [Inline],
    /// The Japanese inlines, the kind of their unit and where its block ends.
    ja: Option<(&'u [Inline], UnitKind, usize)>,
    state: State,
    signed_off_english: Option<String>,
    heading: String,
    translate: bool,
    needs_translation: bool,
}

struct Builder<'p, 'm> {
    project: &'p Project,
    map_kind: &'m dyn Fn(MarkupKind) -> MarkupKind,
    files: Vec<UnitFile>,
    ids: HashSet<String>,
    anchors: Anchors,
}

impl Builder<'_, '_> {
    fn push(&mut self, file: FileId, draft: Draft<'_, '_>) {
        let sources = &self.project.sources;
        let source = content(draft.en, &sources.get(file).text);
        let (target, japanese) = match draft.ja {
            Some((inlines, kind, block_end)) if !inlines.is_empty() => {
                let text = &sources.get(inlines[0].span.file).text;
                let target = match_codes(&source, content(inlines, text), self.map_kind);
                let heading = kind == UnitKind::Heading || draft.address.part == Part::Heading;
                let item = draft.item.is_some();
                (Some(target), Some(self.anchors.existing(draft.address, inlines, text, heading, block_end, item)))
            }
            _ if draft.translate => {
                let footnote = matches!(draft.address.owner, crate::address::Owner::Footnote(_));
                (None, self.anchors.missing(draft.address, draft.item.is_some(), footnote))
            }
            _ => (None, None),
        };
        let memory_query =
            draft.needs_translation.then(|| crate::lock::normalise(&crate::check::text_without_refs(draft.en)));
        let english = source.text();
        let terms = (self.project.glossary.terms.iter())
            .filter(|term| term.occurs_in_english(&english))
            .map(|term| (term.en.clone(), term.ja.clone()))
            .collect();
        let unit = Unit {
            id: self.unique_id(&draft.address.to_string(), draft.item),
            address: draft.address.clone(),
            item: draft.item,
            translate: draft.translate,
            source,
            target,
            state: draft.state,
            signed_off_english: draft.signed_off_english,
            heading: draft.heading,
            terms,
            japanese,
            memory_query,
            candidates: Vec::new(),
        };
        let original = sources.name(file).to_string();
        match self.files.iter_mut().find(|f| f.original == original) {
            Some(f) => f.units.push(unit),
            None => self.files.push(UnitFile { original, units: vec![unit] }),
        }
    }

    /// The unit's id: its address made an NMTOKEN, numbered when two addresses make the same.
    fn unique_id(&mut self, address: &str, item: Option<usize>) -> String {
        let mut id = nmtoken(address);
        if let Some(item) = item {
            id.push_str(&format!(".{item}"));
        }
        let mut candidate = id.clone();
        let mut n = 2;
        while !self.ids.insert(candidate.clone()) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        candidate
    }
}

/// `text` as an XML NMTOKEN: `#` becomes `_`, and any other character an NMTOKEN cannot hold `-`.
pub fn nmtoken(text: &str) -> String {
    let token: String = text
        .chars()
        .map(|c| match c {
            '#' => '_',
            c if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':') => c,
            _ => '-',
        })
        .collect();
    if token.is_empty() { "u".into() } else { token }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::project_with;

    fn project(en: &str, ja: &str) -> Project {
        project_with(en, ja, "[check.markup]\naccepted = [{ en = \"emphasis\", ja = \"strong\" }]\n")
    }

    fn all(project: &Project) -> Vec<Unit> {
        let alignment = project.alignment();
        units(project, &alignment).into_iter().flat_map(|f| f.units).collect()
    }

    #[test]
    fn ids_are_nmtokens_and_names_are_addresses() {
        let p = project("# A {#a}\n\nOne.\n\n- x\n- y\n", "# ア {#a}\n\n一。\n\n- エ\n- ワイ\n");
        let ids: Vec<_> = all(&p).iter().map(|u| (u.id.clone(), u.address.to_string())).collect();
        assert_eq!(
            ids,
            [("a_heading", "a#heading"), ("a_1", "a#1"), ("a_2.1", "a#2"), ("a_2.2", "a#2")]
                .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert_eq!(nmtoken("a b#1"), "a-b_1");
    }

    #[test]
    fn japanese_codes_take_the_ids_of_the_english_codes_they_translate() {
        let p = project(
            "# A {#a}\n\nSee *Statutes* and `x`.[^1]\n\n[^1]: N.\n",
            "# ア {#a}\n\n[^1]`x`と**会則**を参照。\n\n[^1]: 注。\n",
        );
        let unit = all(&p).into_iter().find(|u| u.id == "a_1").unwrap();
        let target = unit.target.unwrap();
        assert_eq!(
            target.pieces,
            vec![
                Piece::Placeholder("3".into()),
                Piece::Placeholder("2".into()),
                Piece::Text("と".into()),
                Piece::Open("1".into()),
                Piece::Text("会則".into()),
                Piece::Close("1".into()),
                Piece::Text("を参照。".into()),
            ]
        );
        assert_eq!(target.code("1").unwrap().start, "**");
        assert_eq!(unit.source.code("1").unwrap().start, "*");
        let place = unit.japanese.unwrap();
        assert_eq!(&p.sources.get(place.file).text[place.range], "[^1]`x`と**会則**を参照。");
    }
}
