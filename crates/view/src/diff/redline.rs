//! The redline: the diff laid out as rows of English | Japanese for each changed clause, the
//! shape both the HTML redline and the Typst (PDF) redline template read. [`redline_view`]
//! gives it as JSON data:
//!
//! ```text
//! {
//!   "version": 2,
//!   "old": { "identifier": { "value", "label": { "en", "ja" } } | null, "adopted", "title": { "en", "ja" },
//!            "source": { "kind": "git", "name", "commit" | null, "date" | null }
//!                    | { "kind": "folder", "name" | null } },           // absent when not known
//!   "new": { …same… },
//!   "summary": { …as in the JSON diff… },
//!   "clauses": [ {
//!     "id": "principle-3",
//!     "kind": "body" | "colophon" | "footnote",
//!     "status": { "en": "changed", "ja": "unchanged" },     // absent|unchanged|added|removed|changed
//!     "moved": { "en": { "old_position", "new_position", "after" } | null, "ja": … | null },
//!     "rows": [ {
//!       "address": "principle-3#2",
//!       "stale": "japanese-stale" | "english-stale" | "both-changed" | "missing-translation"
//!                | "translation-updated" | "unsigned" | null,
//!       "stale_lang": "ja" | "en" | null,
//!       "en": null | {
//!         "change": "added" | "removed" | "changed" | "unchanged",  // unchanged: shown for review
//!         "address": "principle-3#2", "old_address": "principle-3#2" | null,
//!         "segments": [ { "op": "equal" | "delete" | "insert", "text": "…",
//!                         "emphasis", "strong", "code", "note": true | false,
//!                         "href": "https://…" | null } ]
//!       },
//!       "ja": null | { …same… }
//!     } ]
//!   } ],
//!   "stale": [ …as in the JSON diff… ]
//! }
//! ```
//!
//! A row pairs the English and Japanese changes at the same address; an unchanged side of a
//! stale pair is filled with its current text (`equal` segments) so the reviewer sees both.
//!
//! A segment's text is the text as it reads, never Markdown source: `**Community Impact**` is
//! `Community Impact` with `strong`, a link is its text with `href`, a footnote reference its
//! label with `note`. `href` is set only for targets a standalone page may follow (`http:`,
//! `https:`, `mailto:`); any other link prints as its text alone. Templates print every text as
//! text (the HTML one escaped, the Typst one as a string value, never evaluated as markup).
//! For a Typst template: `delete` segments are struck through, `insert` ones underlined.

use std::collections::HashMap;

use serde::Serialize;

use codepub_core::address::Address;
use codepub_core::model::Lang;
use codepub_core::pair::Pair;

use super::text::StyledRun;
use super::{
    ChangeKind, ClauseDiff, ClauseStatus, EditionInfo, GroupKind, Move, ParagraphChange, RevisionDiff, SegmentOp,
    StaleKind, StaleTranslation, StyledSegment, Summary,
};

#[derive(Clone, Debug, Serialize)]
pub struct RedlineView {
    pub version: u32,
    pub old: EditionInfo,
    pub new: EditionInfo,
    pub summary: Summary,
    pub clauses: Vec<RedlineClause>,
    pub stale: Vec<StaleTranslation>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RedlineClause {
    pub id: String,
    pub kind: GroupKind,
    /// Each language's heading as it reads (see [`super::ClauseDiff::headings_read`]).
    pub headings: Pair<Option<String>>,
    pub status: Pair<ClauseStatus>,
    pub moved: Pair<Option<Move>>,
    pub rows: Vec<RedlineRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RedlineRow {
    pub address: Address,
    pub stale: Option<StaleKind>,
    pub stale_lang: Option<Lang>,
    /// Serialised as `en` and `ja` beside `address`.
    #[serde(flatten)]
    pub cells: Pair<Option<RedlineCell>>,
}

impl RedlineRow {
    fn cell_mut(&mut self, lang: Lang) -> &mut Option<RedlineCell> {
        self.cells.get_mut(lang)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct RedlineCell {
    pub change: CellChange,
    pub address: Address,
    pub old_address: Option<Address>,
    pub segments: Vec<RedlineSegment>,
}

/// A run of a cell: its text as it reads, its style, and whether it was deleted or inserted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RedlineSegment {
    pub op: SegmentOp,
    pub text: String,
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    /// A footnote reference (`text` is its label), set as a superscript.
    pub note: bool,
    /// The target of the link the text is in, when a standalone page may follow it (see
    /// [`followable`]); `None` outside a link and for any other target.
    pub href: Option<String>,
}

impl RedlineSegment {
    fn new(segment: &StyledSegment) -> Self {
        let style = &segment.style;
        Self {
            op: segment.op,
            text: segment.text.clone(),
            emphasis: style.emphasis,
            strong: style.strong,
            code: style.code,
            note: style.note,
            href: style.link.as_deref().filter(|target| followable(target)).map(|target| target.trim().to_string()),
        }
    }

    fn equal(runs: &[StyledRun]) -> Vec<Self> {
        let segment =
            |run: &StyledRun| StyledSegment { op: SegmentOp::Equal, text: run.text.clone(), style: run.style.clone() };
        runs.iter().map(|run| Self::new(&segment(run))).collect()
    }
}

/// Whether a redline may link to `target`: an absolute `http:`, `https:` or `mailto:` address.
/// A relative one would point into wherever the redline is saved; any other scheme
/// (`javascript:`, `data:`, `file:`) is never followed.
pub fn followable(target: &str) -> bool {
    let target = target.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|scheme| target.starts_with(scheme) && target.len() > scheme.len())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CellChange {
    Added,
    Removed,
    Changed,
    Unchanged,
}

impl From<ChangeKind> for CellChange {
    fn from(change: ChangeKind) -> Self {
        match change {
            ChangeKind::Added => CellChange::Added,
            ChangeKind::Removed => CellChange::Removed,
            ChangeKind::Changed => CellChange::Changed,
        }
    }
}

/// The redline rows of a diff (see the module documentation).
pub fn build(diff: &RevisionDiff) -> RedlineView {
    let mut stale_by_address: HashMap<&Address, &StaleTranslation> = HashMap::new();
    for stale in &diff.stale {
        stale_by_address.entry(&stale.address).or_insert(stale);
    }
    let mut clauses: Vec<RedlineClause> = diff.clauses.iter().map(|c| clause(c, &stale_by_address)).collect();
    // Stale pairs in clauses without a change of their own (cannot happen with the engine's
    // rules, but the rows must never lose a stale entry).
    for stale in &diff.stale {
        let listed = clauses.iter().any(|c| c.rows.iter().any(|r| r.address == stale.address));
        if !listed {
            let row = stale_row(stale);
            match clauses.iter_mut().find(|c| c.id == stale.clause.to_string()) {
                Some(c) => c.rows.push(row),
                None => clauses.push(RedlineClause {
                    id: stale.clause.to_string(),
                    kind: GroupKind::Body,
                    headings: Pair::new(None, None),
                    status: Pair { en: ClauseStatus::Unchanged, ja: ClauseStatus::Unchanged },
                    moved: Pair { en: None, ja: None },
                    rows: vec![row],
                }),
            }
        }
    }
    RedlineView {
        version: super::json::VERSION,
        old: diff.old.clone(),
        new: diff.new.clone(),
        summary: diff.summary(),
        clauses,
        stale: diff.stale.clone(),
    }
}

fn cell(paragraph: &ParagraphChange) -> RedlineCell {
    RedlineCell {
        change: paragraph.change.into(),
        address: paragraph.address.clone(),
        old_address: paragraph.old_address.clone(),
        segments: paragraph.styled.iter().map(RedlineSegment::new).collect(),
    }
}

fn stale_row(stale: &StaleTranslation) -> RedlineRow {
    let mut row = RedlineRow {
        address: stale.address.clone(),
        stale: Some(stale.kind),
        stale_lang: stale.lang,
        cells: Pair::new(None, None),
    };
    if let (Some(lang), Some(_)) = (stale.lang, &stale.current) {
        *row.cell_mut(lang) = Some(RedlineCell {
            change: CellChange::Unchanged,
            address: stale.address.clone(),
            old_address: stale.old_address.clone(),
            segments: RedlineSegment::equal(&stale.current_runs),
        });
    }
    row
}

fn clause(clause: &ClauseDiff, stale: &HashMap<&Address, &StaleTranslation>) -> RedlineClause {
    // Rows keyed by (address, removed): a removed old `x#3` and an added new `x#3` are
    // different paragraphs.
    let mut rows: Vec<RedlineRow> = Vec::new();
    let mut keys: Vec<(Address, bool)> = Vec::new();
    for lang in Lang::BOTH {
        for paragraph in &clause.side(lang).paragraphs {
            let key = (paragraph.address.clone(), paragraph.change == ChangeKind::Removed);
            let at = match keys.iter().position(|k| *k == key) {
                Some(at) if rows[at].cell_mut(lang).is_none() => at,
                _ => {
                    keys.push(key);
                    rows.push(RedlineRow {
                        address: paragraph.address.clone(),
                        stale: None,
                        stale_lang: None,
                        cells: Pair::new(None, None),
                    });
                    rows.len() - 1
                }
            };
            *rows[at].cell_mut(lang) = Some(cell(paragraph));
        }
    }
    // Document order: heading first, then by block number (stable, so English order breaks ties).
    let mut keyed: Vec<((Address, bool), RedlineRow)> = keys.into_iter().zip(rows).collect();
    keyed.sort_by_key(|((address, _), _)| address.rank());
    let (keys, mut rows): (Vec<_>, Vec<_>) = keyed.into_iter().unzip();
    for (row, (_, removed)) in rows.iter_mut().zip(&keys) {
        if *removed {
            continue;
        }
        if let Some(s) = stale.get(&row.address) {
            row.stale = Some(s.kind);
            row.stale_lang = s.lang;
            if let (Some(lang), Some(_)) = (s.lang, &s.current) {
                let slot = row.cell_mut(lang);
                if slot.is_none() {
                    *slot = Some(RedlineCell {
                        change: CellChange::Unchanged,
                        address: s.address.clone(),
                        old_address: s.old_address.clone(),
                        segments: RedlineSegment::equal(&s.current_runs),
                    });
                }
            }
        }
    }
    RedlineClause {
        id: clause.id.to_string(),
        kind: clause.kind,
        headings: clause.headings_read.clone(),
        status: Pair { en: clause.sides.en.status, ja: clause.sides.ja.status },
        moved: Pair { en: clause.sides.en.moved.clone(), ja: clause.sides.ja.moved.clone() },
        rows,
    }
}

/// The redline as data for a Typst template (shape in the module documentation).
pub fn redline_view(diff: &RevisionDiff) -> RedlineView {
    build(diff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_links_are_followed() {
        for target in ["https://www.iso.org", " HTTP://x.org ", "mailto:ethics@iso.org"] {
            assert!(followable(target), "{target}");
        }
        for target in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/relative", "#top", "https://"]
        {
            assert!(!followable(target), "{target}");
        }
    }
}
