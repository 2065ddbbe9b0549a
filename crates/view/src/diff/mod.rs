//! Revision diff: what changed between two revisions of a project (say the edition of Council
//! Resolution 11/2023 and that of 7/2025), clause by clause and in both languages, and which
//! translations the change left stale.
//!
//! [`compare`] works clause-aware: clauses are matched by id (added, removed, moved, changed,
//! per language); inside a clause the heading and the blocks are matched by content (an LCS over
//! their texts, with rewritten stretches paired by similarity), footnote definitions by label.
//! A changed paragraph carries a word diff (English words; Japanese runs of one script, numbers
//! whole: [`words`]), of its plain text and of its styled runs (for the redline).
//! Stale translations come from pairing the new revision's English and Japanese blocks
//! ([`codepub_core::align::align`]) and looking at what happened to each side since the old revision.
//!
//! Outputs: [`render_terminal`], [`render_json`] (see [`json`] for the documented shape) and
//! [`redline_view`], the redline as data (see [`redline`] for its shape), which the renderers lay
//! out as an HTML page (`codepub_html::redline`) or a PDF (`redline.typ`).

pub mod inline;
pub mod json;
pub mod labels;
pub mod matching;
pub mod redline;
pub mod stale;
pub mod terminal;
pub mod text;
pub mod words;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use codepub_core::address::Address;
use codepub_core::address::Owner;
use codepub_core::align::Alignment;
use codepub_core::config::{Date, Edition, Identifier};
use codepub_core::load::Project;
use codepub_core::model::{ClauseKind, Document, Lang};
use codepub_core::pair::Pair;

pub use inline::{Segment, SegmentOp, StyledSegment};
pub use json::render_json;
pub use labels::RedlineLabels;
pub use redline::{RedlineView, redline_view};
pub use terminal::render_terminal;

use matching::Match;
use text::StyledRun;

/// Everything that changed between two revisions.
#[derive(Clone, Debug, Serialize)]
pub struct RevisionDiff {
    pub old: EditionInfo,
    pub new: EditionInfo,
    /// Clauses (and footnotes, and edition matter) with a change in either language, in the new
    /// revision's order; removed ones after their old predecessor.
    pub clauses: Vec<ClauseDiff>,
    /// Paired paragraphs whose two languages no longer match, in the new revision's order.
    pub stale: Vec<StaleTranslation>,
}

/// What identifies a revision: from `[edition]` of its `codepub.toml`, and where it was read
/// from when the caller says ([`RevisionDiff::with_sources`]).
#[derive(Clone, Debug, Serialize)]
pub struct EditionInfo {
    pub identifier: Option<Identifier>,
    pub adopted: Date,
    pub title: Pair<String>,
    /// The git revision or folder the edition was read from; absent when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<RevisionSource>,
}

/// Where a compared revision was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum RevisionSource {
    /// A git revision: `name` as the user spelled it (`HEAD~1`, `v2`); `commit` its commit's
    /// short id and `date` its commit date (`2025-06-12`), when the loader knows them.
    Git { name: String, commit: Option<String>, date: Option<String> },
    /// A project folder, by its name (the final part of its path); `None` for the project's own
    /// folder (`--root`), whose name says nothing (and, for a temporary copy, changes each run).
    Folder { name: Option<String> },
}

impl EditionInfo {
    pub fn from_edition(edition: &Edition) -> Self {
        Self {
            identifier: edition.identifier.clone(),
            adopted: edition.adopted,
            title: edition.title.clone(),
            source: None,
        }
    }

    /// The revision's name in `lang` (`Council Resolution 11/2023`, or the title).
    pub fn name(&self, lang: Lang) -> String {
        match &self.identifier {
            Some(id) => format!("{} {}", id.label.get(lang), id.value),
            None => self.title.get(lang).clone(),
        }
    }
}

/// What a compared group of paragraphs is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// A translated clause: heading and blocks.
    Body,
    /// Edition matter (a back cover): each language's own text, compared per language.
    Colophon,
    /// A footnote definition, id `footnote-<label>` (its address in the alignment).
    Footnote,
}

/// One clause (or footnote, or back cover), both languages.
#[derive(Clone, Debug, Serialize)]
pub struct ClauseDiff {
    pub id: Owner,
    pub kind: GroupKind,
    /// Each language's heading as plain text: the new revision's, or the old one's for a removed
    /// clause; `None` for a clause without heading (a back cover, a footnote).
    pub headings: Pair<Option<String>>,
    /// The same headings as they read (no Markdown), for the redline.
    #[serde(skip)]
    pub headings_read: Pair<Option<String>>,
    /// Serialised as `en` and `ja` beside `id`.
    #[serde(flatten)]
    pub sides: Pair<ClauseSide>,
}

impl ClauseDiff {
    pub fn side(&self, lang: Lang) -> &ClauseSide {
        self.sides.get(lang)
    }
}

/// One language's side of a clause.
#[derive(Clone, Debug, Serialize)]
pub struct ClauseSide {
    pub status: ClauseStatus,
    /// Set when the clause stands elsewhere in the order (outside the longest common order of
    /// the clauses both revisions hold).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved: Option<Move>,
    /// Heading and block changes, in document order.
    pub paragraphs: Vec<ParagraphChange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClauseStatus {
    /// In neither revision in this language.
    Absent,
    Unchanged,
    Added,
    Removed,
    Changed,
}

/// Where a moved clause was and is (1-based positions among the language's clauses).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Move {
    pub old_position: usize,
    pub new_position: usize,
    /// The clause it now follows; `None` when it comes first.
    pub after: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// A heading, block or footnote block that was added, removed or changed in one language.
#[derive(Clone, Debug, Serialize)]
pub struct ParagraphChange {
    pub change: ChangeKind,
    pub lang: Lang,
    /// The clause (or footnote) changed.
    pub clause: Owner,
    /// The new address (`principle-3#2`, `principle-3#heading`, `footnote-1#1`); the old one
    /// for a removal.
    pub address: Address,
    pub old_address: Option<Address>,
    pub new_address: Option<Address>,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
    /// Word runs of the plain texts; the whole text for an addition or removal.
    pub segments: Vec<Segment>,
    /// The same over the texts as they read (bold as bold, a link as its text), for the redline.
    #[serde(skip)]
    pub styled: Vec<StyledSegment>,
}

/// A paired paragraph whose languages no longer match: with the later revision's translation
/// record, the pairs the change touched that are not current by that record, in the states
/// `codepub status` shows; without one, judged from which language changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StaleTranslation {
    /// Address in the new revision.
    pub address: Address,
    /// The clause (or footnote) the paragraph is in.
    pub clause: Owner,
    /// The address the paragraph had in the old revision (English side first).
    pub old_address: Option<Address>,
    pub kind: StaleKind,
    /// The language to review or translate; `None` for [`StaleKind::BothChanged`].
    pub lang: Option<Lang>,
    /// The new revision's text of `lang`, when it has one: what the translator reviews.
    pub current: Option<String>,
    /// `current` as it reads, for the redline.
    #[serde(skip)]
    pub current_runs: Vec<StyledRun>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StaleKind {
    /// English changed, Japanese did not: the Japanese needs review.
    JapaneseStale,
    /// Japanese changed, English did not: the English (the source) needs review.
    EnglishStale,
    /// Both changed: translated together; informational (only when the later revision keeps
    /// no translation record).
    BothChanged,
    /// The later revision's record says: the Japanese changed since sign-off (after the English,
    /// or alone), awaiting review (`lang`: Japanese).
    TranslationUpdated,
    /// The later revision's record has no sign-off for this pair.
    Unsigned,
    /// One language has a paragraph the other lacks (`lang` is the language lacking it).
    MissingTranslation,
}

/// Counts, for summaries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub clauses_added: usize,
    pub clauses_removed: usize,
    pub clauses_moved: usize,
    pub clauses_changed: usize,
    pub paragraphs_added: usize,
    pub paragraphs_removed: usize,
    pub paragraphs_changed: usize,
    pub stale: usize,
}

impl RevisionDiff {
    /// The diff with where each revision was read from (the git revision or folder).
    pub fn with_sources(mut self, old: RevisionSource, new: RevisionSource) -> Self {
        self.old.source = Some(old);
        self.new.source = Some(new);
        self
    }

    /// No paragraph of either language was added, removed, changed or moved. Edition metadata
    /// (resolution, date) is not content: two revisions with the same text are empty.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.stale.is_empty()
    }

    /// Every paragraph change of both languages, clause by clause.
    pub fn paragraphs(&self) -> impl Iterator<Item = &ParagraphChange> {
        self.clauses.iter().flat_map(|c| c.sides.en.paragraphs.iter().chain(&c.sides.ja.paragraphs))
    }

    /// The clause (or footnote) whose printed key is `key` (`principle-3`, `footnote-1`).
    pub fn clause(&self, key: &str) -> Option<&ClauseDiff> {
        self.clauses.iter().find(|c| c.id.to_string() == key)
    }

    /// Counts per language side: a clause changed in both languages counts twice.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for side in self.clauses.iter().flat_map(|c| [&c.sides.en, &c.sides.ja]) {
            match side.status {
                ClauseStatus::Added => s.clauses_added += 1,
                ClauseStatus::Removed => s.clauses_removed += 1,
                ClauseStatus::Changed => s.clauses_changed += 1,
                ClauseStatus::Absent | ClauseStatus::Unchanged => {}
            }
            s.clauses_moved += usize::from(side.moved.is_some());
        }
        for p in self.paragraphs() {
            match p.change {
                ChangeKind::Added => s.paragraphs_added += 1,
                ChangeKind::Removed => s.paragraphs_removed += 1,
                ChangeKind::Changed => s.paragraphs_changed += 1,
            }
        }
        s.stale = self.stale.len();
        s
    }
}

/// A comparable group of units in one language of one revision: a clause (heading and
/// blocks), a footnote, or edition matter.
struct Group {
    id: Owner,
    kind: GroupKind,
    heading: Option<String>,
    blocks: Vec<String>,
    /// The heading's and the blocks' runs as they read ([`text::heading_runs`]).
    heading_runs: Vec<StyledRun>,
    block_runs: Vec<Vec<StyledRun>>,
}

impl Group {
    fn block_address(&self, index: usize) -> Address {
        Address::block(self.id.clone(), index)
    }

    fn heading_address(&self) -> Address {
        Address::heading(self.id.clone())
    }
}

/// One language of one revision, grouped.
struct Side {
    groups: Vec<Group>,
    index: HashMap<Owner, usize>,
    /// Ids of clauses (not footnotes), in document order.
    clause_order: Vec<String>,
}

impl Side {
    fn new(document: &Document) -> Self {
        let mut groups = Vec::with_capacity(document.clauses.len() + document.footnotes.len());
        for clause in &document.clauses {
            let lines = clause.kind == ClauseKind::Colophon;
            groups.push(Group {
                id: clause.id.owner(),
                kind: if lines { GroupKind::Colophon } else { GroupKind::Body },
                heading: clause.heading.as_ref().map(|h| text::heading_text(&h.inlines)),
                blocks: clause.blocks.iter().map(|b| text::block_text(b, lines)).collect(),
                heading_runs: clause.heading.as_ref().map(|h| text::heading_runs(&h.inlines)).unwrap_or_default(),
                block_runs: clause.blocks.iter().map(|b| text::block_runs(b, lines)).collect(),
            });
        }
        let clause_order = document.clauses.iter().map(|clause| clause.id.0.clone()).collect();
        for footnote in &document.footnotes {
            groups.push(Group {
                id: Owner::footnote(&footnote.label),
                kind: GroupKind::Footnote,
                heading: None,
                blocks: footnote.blocks.iter().map(|b| text::block_text(b, false)).collect(),
                heading_runs: Vec::new(),
                block_runs: footnote.blocks.iter().map(|b| text::block_runs(b, false)).collect(),
            });
        }
        let mut index = HashMap::with_capacity(groups.len());
        for (i, group) in groups.iter().enumerate() {
            index.entry(group.id.clone()).or_insert(i);
        }
        Side { groups, index, clause_order }
    }

    fn get(&self, id: &Owner) -> Option<&Group> {
        self.index.get(id).map(|&i| &self.groups[i])
    }
}

/// How one language's group matched between revisions: the heading's match and the blocks'.
#[derive(Debug, Default)]
pub(crate) struct GroupMatch {
    pub heading: Option<Match>,
    /// The match of each new block, by index.
    by_new: Vec<Option<Match>>,
    /// Block count of the old group.
    pub old_len: usize,
}

impl GroupMatch {
    fn new(heading: Option<Match>, blocks: &[Match], old_len: usize, new_len: usize) -> Self {
        let mut by_new = vec![None; new_len];
        for &m in blocks {
            if let Match::Same(_, n) | Match::Changed(_, n) | Match::Added(n) = m
                && let Some(slot) = by_new.get_mut(n)
            {
                *slot = Some(m);
            }
        }
        Self { heading, by_new, old_len }
    }

    /// The match of new block `index`.
    pub fn of_new(&self, index: usize) -> Option<Match> {
        self.by_new.get(index).copied().flatten()
    }
}

/// Compares two revisions of a project.
pub fn compare(old: &Project, new: &Project) -> RevisionDiff {
    let sides = Pair {
        en: (Side::new(&old.documents.en), Side::new(&new.documents.en)),
        ja: (Side::new(&old.documents.ja), Side::new(&new.documents.ja)),
    };
    let (old_alignment, new_alignment) = (old.alignment(), new.alignment());
    let order = group_order(&old_alignment, &new_alignment, &sides);

    let mut matches: HashMap<(Lang, Owner), GroupMatch> = HashMap::new();
    let mut clauses = Vec::new();
    let moved = Pair { en: moves(&sides.en.0, &sides.en.1), ja: moves(&sides.ja.0, &sides.ja.1) };
    for id in &order {
        let mut kind = None;
        let mut headings = Pair::new(None, None);
        let mut headings_read = Pair::new(None, None);
        let mut per_lang = Vec::with_capacity(2);
        for lang in Lang::BOTH {
            let (old_side, new_side) = sides.get(lang);
            let (old_group, new_group) = (old_side.get(id), new_side.get(id));
            kind = kind.or(new_group.map(|g| g.kind)).or(old_group.map(|g| g.kind));
            *headings.get_mut(lang) = new_group.or(old_group).and_then(|g| g.heading.clone());
            *headings_read.get_mut(lang) =
                new_group.or(old_group).filter(|g| g.heading.is_some()).map(|g| text::plain(&g.heading_runs));
            let (side, group_match) = compare_group(lang, id, old_group, new_group, moved.get(lang).get(&id.key()));
            if let Some(group_match) = group_match {
                matches.insert((lang, id.clone()), group_match);
            }
            per_lang.push(side);
        }
        let (Some(ja), Some(en)) = (per_lang.pop(), per_lang.pop()) else { continue };
        let changed =
            |s: &ClauseSide| !matches!(s.status, ClauseStatus::Absent | ClauseStatus::Unchanged) || s.moved.is_some();
        if changed(&en) || changed(&ja) {
            clauses.push(ClauseDiff {
                id: id.clone(),
                kind: kind.unwrap_or(GroupKind::Body),
                headings,
                headings_read,
                sides: Pair::new(en, ja),
            });
        }
    }

    let record = stale::record_states(new, &new_alignment);
    let stale = stale::stale_translations(&new_alignment, &matches, record.as_ref());
    RevisionDiff {
        old: EditionInfo::from_edition(&old.config.edition),
        new: EditionInfo::from_edition(&new.config.edition),
        clauses,
        stale,
    }
}

/// Group ids of both revisions: the new revision's aligned clause order, each old-only clause
/// after its old predecessor, then footnotes (new labels, then old-only ones).
fn group_order(old: &Alignment<'_>, new: &Alignment<'_>, sides: &Pair<(Side, Side)>) -> Vec<Owner> {
    let new_order: Vec<Owner> = new.clauses.iter().map(|p| p.id.owner()).collect();
    let old_order: Vec<Owner> = old.clauses.iter().map(|p| p.id.owner()).collect();
    let mut order = new_order;
    let mut seen: HashSet<Owner> = order.iter().cloned().collect();
    let mut previous: Option<&Owner> = None;
    for id in &old_order {
        if !seen.contains(id) {
            let at = previous.and_then(|p| order.iter().position(|o| o == p)).map_or(0, |p| p + 1);
            order.insert(at, id.clone());
            seen.insert(id.clone());
        }
        previous = Some(id);
    }
    for (old_side, new_side) in [&sides.en, &sides.ja] {
        for side in [new_side, old_side] {
            for group in side.groups.iter().filter(|g| g.kind == GroupKind::Footnote) {
                if seen.insert(group.id.clone()) {
                    order.push(group.id.clone());
                }
            }
        }
    }
    order
}

/// The clauses of one language that moved, with their positions.
fn moves(old: &Side, new: &Side) -> HashMap<String, Move> {
    let old_ids: Vec<&str> = old.clause_order.iter().map(String::as_str).collect();
    let new_ids: Vec<&str> = new.clause_order.iter().map(String::as_str).collect();
    let moved = matching::moved(&old_ids, &new_ids);
    let mut out = HashMap::new();
    for (new_index, id) in new_ids.iter().enumerate() {
        if !moved.contains(id) {
            continue;
        }
        let Some(old_index) = old_ids.iter().position(|o| o == id) else { continue };
        let after = new_index.checked_sub(1).map(|p| new_ids[p].to_string());
        out.insert(id.to_string(), Move { old_position: old_index + 1, new_position: new_index + 1, after });
    }
    out
}

fn compare_group(
    lang: Lang,
    id: &Owner,
    old: Option<&Group>,
    new: Option<&Group>,
    moved: Option<&Move>,
) -> (ClauseSide, Option<GroupMatch>) {
    let moved = moved.cloned();
    let (status, heading, blocks) = match (old, new) {
        (None, None) => return (ClauseSide { status: ClauseStatus::Absent, moved, paragraphs: Vec::new() }, None),
        (None, Some(new)) => (
            ClauseStatus::Added,
            new.heading.as_ref().map(|_| Match::Added(0)),
            (0..new.blocks.len()).map(Match::Added).collect(),
        ),
        (Some(old), None) => (
            ClauseStatus::Removed,
            old.heading.as_ref().map(|_| Match::Removed(0)),
            (0..old.blocks.len()).map(Match::Removed).collect(),
        ),
        (Some(old), Some(new)) => {
            // Whitespace is not content: a doubled space made single is no change (as for the
            // translation record's fingerprints, [`codepub_core::lock::normalise`]).
            let normalise = |text: &String| codepub_core::whitespace::collapse(text);
            let heading = match (&old.heading, &new.heading) {
                (None, None) => None,
                (Some(a), Some(b)) if normalise(a) == normalise(b) => Some(Match::Same(0, 0)),
                (Some(_), Some(_)) => Some(Match::Changed(0, 0)),
                (None, Some(_)) => Some(Match::Added(0)),
                (Some(_), None) => Some(Match::Removed(0)),
            };
            let (old_texts, new_texts): (Vec<String>, Vec<String>) =
                (old.blocks.iter().map(normalise).collect(), new.blocks.iter().map(normalise).collect());
            let old_texts: Vec<&str> = old_texts.iter().map(String::as_str).collect();
            let new_texts: Vec<&str> = new_texts.iter().map(String::as_str).collect();
            (ClauseStatus::Changed, heading, matching::match_units(&old_texts, &new_texts))
        }
    };
    let empty = Group {
        id: id.clone(),
        kind: GroupKind::Body,
        heading: None,
        blocks: Vec::new(),
        heading_runs: Vec::new(),
        block_runs: Vec::new(),
    };
    let (old_group, new_group) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    let mut paragraphs = Vec::new();
    if let Some(m) = heading {
        push_change(&mut paragraphs, lang, id, m, old_group, new_group, Slot::Heading);
    }
    for &m in &blocks {
        push_change(&mut paragraphs, lang, id, m, old_group, new_group, Slot::Block);
    }
    let status =
        if status == ClauseStatus::Changed && paragraphs.is_empty() { ClauseStatus::Unchanged } else { status };
    let group_match = new.map(|new| GroupMatch::new(heading, &blocks, old_group.blocks.len(), new.blocks.len()));
    (ClauseSide { status, moved, paragraphs }, group_match)
}

/// Which units of a group a [`Match`] indexes.
#[derive(Clone, Copy)]
enum Slot {
    Heading,
    Block,
}

/// Address and text of unit `index` of `group`.
fn unit(group: &Group, slot: Slot, index: usize) -> (Address, String) {
    match slot {
        Slot::Heading => (group.heading_address(), group.heading.clone().unwrap_or_default()),
        Slot::Block => (group.block_address(index), group.blocks.get(index).cloned().unwrap_or_default()),
    }
}

/// The runs of unit `index` of `group`, as it reads.
fn unit_runs(group: &Group, slot: Slot, index: usize) -> &[StyledRun] {
    match slot {
        Slot::Heading => &group.heading_runs,
        Slot::Block => group.block_runs.get(index).map_or(&[], Vec::as_slice),
    }
}

/// One side's runs, whole, as a deletion or an insertion.
fn whole_runs(op: SegmentOp, runs: &[StyledRun]) -> Vec<StyledSegment> {
    runs.iter().map(|run| StyledSegment { op, text: run.text.clone(), style: run.style.clone() }).collect()
}

/// Records the change `m` (if it is one) between units of `old` and `new`.
fn push_change(out: &mut Vec<ParagraphChange>, lang: Lang, id: &Owner, m: Match, old: &Group, new: &Group, slot: Slot) {
    let change = match m {
        Match::Same(..) => return,
        Match::Changed(o, n) => {
            let ((old_address, old_text), (new_address, new_text)) = (unit(old, slot, o), unit(new, slot, n));
            ParagraphChange {
                change: ChangeKind::Changed,
                lang,
                clause: id.clone(),
                address: new_address.clone(),
                old_address: Some(old_address),
                new_address: Some(new_address),
                segments: inline::segments(&old_text, &new_text, lang),
                styled: inline::styled_segments(unit_runs(old, slot, o), unit_runs(new, slot, n), lang),
                old_text: Some(old_text),
                new_text: Some(new_text),
            }
        }
        Match::Added(n) => {
            let (new_address, new_text) = unit(new, slot, n);
            ParagraphChange {
                change: ChangeKind::Added,
                lang,
                clause: id.clone(),
                address: new_address.clone(),
                old_address: None,
                new_address: Some(new_address),
                segments: inline::whole(SegmentOp::Insert, &new_text),
                styled: whole_runs(SegmentOp::Insert, unit_runs(new, slot, n)),
                old_text: None,
                new_text: Some(new_text),
            }
        }
        Match::Removed(o) => {
            let (old_address, old_text) = unit(old, slot, o);
            ParagraphChange {
                change: ChangeKind::Removed,
                lang,
                clause: id.clone(),
                address: old_address.clone(),
                old_address: Some(old_address),
                new_address: None,
                segments: inline::whole(SegmentOp::Delete, &old_text),
                styled: whole_runs(SegmentOp::Delete, unit_runs(old, slot, o)),
                old_text: Some(old_text),
                new_text: None,
            }
        }
    };
    out.push(change);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revision_without_identifier_is_named_by_its_title() {
        let title = Pair { en: "Act on Examples".to_string(), ja: "例に関する法律".to_string() };
        let date = Date { year: 1947, month: 5, day: 3 };
        let info = EditionInfo { identifier: None, adopted: date, title: title.clone(), source: None };
        assert_eq!(info.name(Lang::Ja), "例に関する法律");
        let label = Pair { en: "Act No.".to_string(), ja: "法律第".to_string() };
        let identifier = Some(Identifier { value: "25".into(), label });
        let info = EditionInfo { identifier, adopted: date, title, source: None };
        assert_eq!(info.name(Lang::En), "Act No. 25");
    }
}
