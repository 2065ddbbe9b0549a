//! The diff for a terminal (`render_terminal`): a header naming both editions, each changed
//! clause with its per-language status and paragraph changes (inline word or character runs,
//! `[-deleted-]{+inserted+}` when plain, red/green ANSI when coloured), then the translations
//! to review and a summary. Control characters and the other hidden characters in the text are
//! shown escaped, never sent raw.

use std::fmt::Write as _;

use codepub_core::i18n::{Localizer, Message};
use codepub_core::model::Lang;

use super::labels::to_review;
use super::{ChangeKind, ClauseDiff, ClauseSide, ClauseStatus, GroupKind, RevisionDiff, SegmentOp, StaleKind};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
const DELETED: &str = "\x1b[31;9m";
const INSERTED: &str = "\x1b[32;4m";

struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, style: &str, text: &str) -> String {
        if self.color && !text.is_empty() { format!("{style}{text}{RESET}") } else { text.to_string() }
    }
}

/// Text from the sources, safe to print: control characters (escape sequences included),
/// bidirectional controls and invisible characters are shown as `\u{…}`, as the check report
/// shows them ([`codepub_core::invisible::escape`]); newlines and tabs are kept.
fn printable(text: &str) -> String {
    codepub_core::invisible::escape(text).into_owned()
}

pub fn lang_name(lang: Lang) -> Message {
    Message::new(match lang {
        Lang::En => "diff-lang-en",
        Lang::Ja => "diff-lang-ja",
    })
}

pub fn status_message(status: ClauseStatus) -> Message {
    Message::new(match status {
        ClauseStatus::Absent => "diff-status-absent",
        ClauseStatus::Unchanged => "diff-status-unchanged",
        ClauseStatus::Added => "diff-status-added",
        ClauseStatus::Removed => "diff-status-removed",
        ClauseStatus::Changed => "diff-status-changed",
    })
}

pub fn change_message(change: ChangeKind) -> Message {
    Message::new(match change {
        ChangeKind::Added => "diff-paragraph-added",
        ChangeKind::Removed => "diff-paragraph-removed",
        ChangeKind::Changed => "diff-paragraph-changed",
    })
}

pub fn stale_message(kind: StaleKind, lang: Option<Lang>) -> Message {
    Message::new(match (kind, lang) {
        (StaleKind::JapaneseStale, _) => "diff-stale-japanese",
        (StaleKind::EnglishStale, _) => "diff-stale-english",
        (StaleKind::BothChanged, _) => "diff-stale-both",
        (StaleKind::TranslationUpdated, _) => "diff-stale-updated",
        (StaleKind::Unsigned, _) => "diff-stale-unsigned",
        (StaleKind::MissingTranslation, Some(Lang::En)) => "diff-stale-missing-english",
        (StaleKind::MissingTranslation, _) => "diff-stale-missing-japanese",
    })
}

pub fn kind_message(kind: GroupKind) -> Option<Message> {
    match kind {
        GroupKind::Body => None,
        GroupKind::Colophon => Some(Message::new("diff-kind-colophon")),
        GroupKind::Footnote => Some(Message::new("diff-kind-footnote")),
    }
}

pub fn moved_message(side: &ClauseSide) -> Option<Message> {
    let moved = side.moved.as_ref()?;
    Some(match &moved.after {
        Some(after) => Message::new("diff-moved-after").arg("after", after.clone()),
        None => Message::new("diff-moved-first"),
    })
}

/// The header line naming both editions.
pub fn header_message(diff: &RevisionDiff) -> Message {
    Message::new("diff-header")
        .arg("old_en", diff.old.name(Lang::En))
        .arg("old_ja", diff.old.name(Lang::Ja))
        .arg("old_adopted", diff.old.adopted.to_string())
        .arg("new_en", diff.new.name(Lang::En))
        .arg("new_ja", diff.new.name(Lang::Ja))
        .arg("new_adopted", diff.new.adopted.to_string())
}

/// The summary line: clause and paragraph counts, the pairs to review, and (apart, as nothing
/// is to review there) the pairs updated together in both languages.
pub fn summary_message(diff: &RevisionDiff) -> Message {
    let s = diff.summary();
    let together = diff.stale.iter().filter(|t| !to_review(t.kind)).count();
    Message::new("diff-summary")
        .num("clauses", (s.clauses_added + s.clauses_removed + s.clauses_changed + s.clauses_moved) as i64)
        .num("added", s.paragraphs_added as i64)
        .num("removed", s.paragraphs_removed as i64)
        .num("changed", s.paragraphs_changed as i64)
        .num("stale", (s.stale - together) as i64)
        .num("together", together as i64)
}

/// Renders the diff for a terminal; ANSI colours when `color`.
pub fn render_terminal(diff: &RevisionDiff, l10n: &Localizer, color: bool) -> String {
    let p = Painter { color };
    let mut out = String::new();
    let _ = writeln!(out, "{}", p.paint(BOLD, &printable(&l10n.format(&header_message(diff)))));
    for lang in Lang::BOTH {
        let (old, new) = (diff.old.title.get(lang), diff.new.title.get(lang));
        if old != new {
            let message = Message::new("diff-title-changed")
                .arg("lang", l10n.format(&lang_name(lang)))
                .arg("old", old.clone())
                .arg("new", new.clone());
            let _ = writeln!(out, "{}", printable(&l10n.format(&message)));
        }
    }
    if diff.is_empty() {
        let _ = writeln!(out, "{}", l10n.format(&Message::new("diff-no-changes")));
        return out;
    }
    for clause in &diff.clauses {
        out.push('\n');
        clause_block(&mut out, clause, l10n, &p);
    }
    // The pairs to review, then those changed in both languages (updated together: listed
    // apart, as nothing is to review there).
    for (review, heading, style) in [(true, "diff-stale-heading", YELLOW), (false, "diff-together-heading", CYAN)] {
        let listed: Vec<_> = diff.stale.iter().filter(|s| to_review(s.kind) == review).collect();
        if listed.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", p.paint(BOLD, &l10n.format(&Message::new(heading))));
        for stale in listed {
            let message = l10n.format(&stale_message(stale.kind, stale.lang));
            let _ = writeln!(out, "  {}  {}", p.paint(style, &printable(&stale.address.to_string())), message);
        }
    }
    let _ = writeln!(out, "\n{}", l10n.format(&summary_message(diff)));
    out
}

fn clause_block(out: &mut String, clause: &ClauseDiff, l10n: &Localizer, p: &Painter) {
    let kind = kind_message(clause.kind).map(|m| format!(" ({})", l10n.format(&m))).unwrap_or_default();
    let _ = writeln!(out, "{}{kind}", p.paint(BOLD, &printable(&clause.id.to_string())));
    for lang in Lang::BOTH {
        let side = clause.side(lang);
        if side.status == ClauseStatus::Absent {
            continue;
        }
        let style = match side.status {
            ClauseStatus::Added => GREEN,
            ClauseStatus::Removed => RED,
            ClauseStatus::Changed => YELLOW,
            ClauseStatus::Absent | ClauseStatus::Unchanged => "",
        };
        let mut status = p.paint(style, &l10n.format(&status_message(side.status)));
        if let Some(moved) = moved_message(side) {
            status = format!("{status}, {}", p.paint(CYAN, &printable(&l10n.format(&moved))));
        }
        let _ = writeln!(out, "  {}: {status}", lang.code());
        for paragraph in &side.paragraphs {
            let style = match paragraph.change {
                ChangeKind::Added => GREEN,
                ChangeKind::Removed => RED,
                ChangeKind::Changed => YELLOW,
            };
            let label = l10n.format(&change_message(paragraph.change));
            let _ = writeln!(out, "    {} {}", printable(&paragraph.address.to_string()), p.paint(style, &label));
            let mut body = String::new();
            for segment in &paragraph.segments {
                let text = printable(&segment.text);
                match (segment.op, p.color, paragraph.change) {
                    (SegmentOp::Equal, ..) => body.push_str(&text),
                    // A whole added or removed paragraph: its colour says it all.
                    (SegmentOp::Delete, true, _) | (SegmentOp::Delete, false, ChangeKind::Removed) => body
                        .push_str(&p.paint(if paragraph.change == ChangeKind::Removed { RED } else { DELETED }, &text)),
                    (SegmentOp::Insert, true, _) | (SegmentOp::Insert, false, ChangeKind::Added) => body.push_str(
                        &p.paint(if paragraph.change == ChangeKind::Added { GREEN } else { INSERTED }, &text),
                    ),
                    (SegmentOp::Delete, false, _) => {
                        let _ = write!(body, "[-{text}-]");
                    }
                    (SegmentOp::Insert, false, _) => {
                        let _ = write!(body, "{{+{text}+}}");
                    }
                }
            }
            let marker = match paragraph.change {
                ChangeKind::Added => "+ ",
                ChangeKind::Removed => "- ",
                ChangeKind::Changed => "~ ",
            };
            for (i, line) in body.split('\n').enumerate() {
                let lead = if i == 0 { marker } else { "  " };
                let _ = writeln!(out, "      {lead}{line}");
            }
        }
    }
}
