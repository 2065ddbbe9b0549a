//! The redline's words in the interface's language ([`RedlineLabels`]), the same for the HTML
//! page and the PDF: the header naming both revisions (edition, date, and the git revision or
//! folder each was read from), the legend, and the names of every status, change and state.
//!
//! The legend names each state of a pair as `codepub status` does ([`super::stale`]): a pair
//! changed in one language only is stale (the other language is to review); a pair changed in
//! both languages was updated together, and is not counted among the translations to review.

use std::collections::BTreeMap;

use serde::Serialize;

use codepub_core::i18n::{Localizer, Message};
use codepub_core::model::Lang;

use super::terminal::{self, header_message, lang_name, stale_message, status_message, summary_message};
use super::{ChangeKind, ClauseStatus, EditionInfo, GroupKind, RevisionDiff, RevisionSource, StaleKind};

/// Localised strings a redline template prints, keyed by the serialised enum names.
#[derive(Clone, Debug, Serialize)]
pub struct RedlineLabels {
    /// The interface language's tag (`en` or `ja`).
    pub ui_lang: &'static str,
    pub title: String,
    /// One line naming both editions (kept for templates written before `revisions`).
    pub header: String,
    /// The old and the new revision, each on a line of its own.
    pub revisions: Vec<RevisionLine>,
    pub titles_changed: Vec<String>,
    pub no_changes: String,
    /// Heading of the list of pairs to review (stale, updated awaiting review, unsigned, missing).
    pub stale_heading: String,
    /// Heading of the list of pairs changed in both languages (updated together: none to review).
    pub together_heading: String,
    pub summary: String,
    pub legend: Legend,
    pub lang: BTreeMap<&'static str, String>,
    pub status: BTreeMap<&'static str, String>,
    pub change: BTreeMap<&'static str, String>,
    pub kind: BTreeMap<&'static str, String>,
    /// `"<kind>:<lang>"` → text (`lang` empty when none).
    pub stale: BTreeMap<String, String>,
    /// Clause id → per-language "moved after …" text.
    pub moved: BTreeMap<String, BTreeMap<&'static str, String>>,
}

/// One revision of the header: `role` ("Old", "New"), the edition's name (its identifier, or its
/// title), the date, and where it was read from.
#[derive(Clone, Debug, Serialize)]
pub struct RevisionLine {
    pub role: String,
    pub edition: String,
    pub date: String,
    /// The git revision or folder, in words; empty when not known.
    pub source: String,
}

/// What the marks and the row states mean.
#[derive(Clone, Debug, Serialize)]
pub struct Legend {
    pub heading: String,
    pub deleted: String,
    pub inserted: String,
    /// The states the redline's rows are in, each with its name and how many rows are.
    pub states: Vec<LegendState>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LegendState {
    /// The state's serialised name (`japanese-stale`, `both-changed`, …), as in a row's `stale`.
    pub kind: &'static str,
    pub name: String,
    pub count: usize,
    /// Whether a pair in this state is to review (all but `both-changed`).
    pub review: bool,
}

/// Every state, in the legend's order: to review first, updated together last.
const STATES: [(&str, StaleKind, &str); 6] = [
    ("japanese-stale", StaleKind::JapaneseStale, "diff-state-japanese-stale"),
    ("english-stale", StaleKind::EnglishStale, "diff-state-english-stale"),
    ("translation-updated", StaleKind::TranslationUpdated, "diff-state-translation-updated"),
    ("unsigned", StaleKind::Unsigned, "diff-state-unsigned"),
    ("missing-translation", StaleKind::MissingTranslation, "diff-state-missing-translation"),
    ("both-changed", StaleKind::BothChanged, "diff-state-both-changed"),
];

/// Whether a pair in state `kind` is to review.
pub fn to_review(kind: StaleKind) -> bool {
    kind != StaleKind::BothChanged
}

impl RedlineLabels {
    /// The labels of `diff`'s redline, in `l10n`'s language.
    pub fn new(diff: &RevisionDiff, l10n: &Localizer) -> Self {
        let f = |m: Message| l10n.format(&m);
        // The interface language's tag, from the locale itself.
        let (ui_lang, ui) = match f(Message::new("diff-html-lang")).as_str() {
            "ja" => ("ja", Lang::Ja),
            _ => ("en", Lang::En),
        };
        let mut lang = BTreeMap::new();
        for l in Lang::BOTH {
            lang.insert(l.code(), f(lang_name(l)));
        }
        let status = [
            ("absent", ClauseStatus::Absent),
            ("unchanged", ClauseStatus::Unchanged),
            ("added", ClauseStatus::Added),
            ("removed", ClauseStatus::Removed),
            ("changed", ClauseStatus::Changed),
        ]
        .into_iter()
        .map(|(k, s)| (k, f(status_message(s))))
        .collect();
        let mut change: BTreeMap<&'static str, String> =
            [("added", ChangeKind::Added), ("removed", ChangeKind::Removed), ("changed", ChangeKind::Changed)]
                .into_iter()
                .map(|(k, c)| (k, f(terminal::change_message(c))))
                .collect();
        change.insert("unchanged", f(Message::new("diff-paragraph-unchanged")));
        let kind = [("body", GroupKind::Body), ("colophon", GroupKind::Colophon), ("footnote", GroupKind::Footnote)]
            .into_iter()
            .map(|(k, g)| (k, terminal::kind_message(g).map(&f).unwrap_or_default()))
            .collect();
        let mut stale = BTreeMap::new();
        for (name, kind, _) in STATES {
            for l in [None, Some(Lang::En), Some(Lang::Ja)] {
                stale.insert(format!("{name}:{}", l.map_or("", Lang::code)), f(stale_message(kind, l)));
            }
        }
        let mut moved = BTreeMap::new();
        for clause in &diff.clauses {
            let mut sides = BTreeMap::new();
            for l in Lang::BOTH {
                if let Some(m) = terminal::moved_message(clause.side(l)) {
                    sides.insert(l.code(), f(m));
                }
            }
            moved.insert(clause.id.to_string(), sides);
        }
        let titles_changed = Lang::BOTH
            .into_iter()
            .filter(|&l| diff.old.title.get(l) != diff.new.title.get(l))
            .map(|l| {
                f(Message::new("diff-title-changed")
                    .arg("lang", f(lang_name(l)))
                    .arg("old", diff.old.title.get(l).clone())
                    .arg("new", diff.new.title.get(l).clone()))
            })
            .collect();
        let revisions = vec![
            revision_line(&diff.old, Message::new("diff-revision-old"), ui, l10n),
            revision_line(&diff.new, Message::new("diff-revision-new"), ui, l10n),
        ];
        let states = STATES
            .into_iter()
            .filter_map(|(name, kind, message)| {
                let count = diff.stale.iter().filter(|s| s.kind == kind).count();
                (count > 0).then(|| LegendState {
                    kind: name,
                    name: f(Message::new(message)),
                    count,
                    review: to_review(kind),
                })
            })
            .collect();
        RedlineLabels {
            ui_lang,
            title: f(Message::new("diff-html-title")
                .arg("old_en", diff.old.name(Lang::En))
                .arg("old_ja", diff.old.name(Lang::Ja))
                .arg("new_en", diff.new.name(Lang::En))
                .arg("new_ja", diff.new.name(Lang::Ja))),
            header: f(header_message(diff)),
            revisions,
            titles_changed,
            no_changes: f(Message::new("diff-no-changes")),
            stale_heading: f(Message::new("diff-stale-heading")),
            together_heading: f(Message::new("diff-together-heading")),
            summary: f(summary_message(diff)),
            legend: Legend {
                heading: f(Message::new("diff-legend-heading")),
                deleted: f(Message::new("diff-legend-deleted")),
                inserted: f(Message::new("diff-legend-inserted")),
                states,
            },
            lang,
            status,
            change,
            kind,
            stale,
            moved,
        }
    }
}

/// The header line of one revision.
fn revision_line(info: &EditionInfo, role: Message, ui: Lang, l10n: &Localizer) -> RevisionLine {
    RevisionLine {
        role: l10n.format(&role),
        edition: info.name(ui),
        date: info.adopted.to_string(),
        source: info.source.as_ref().map(|source| l10n.format(&source_message(source))).unwrap_or_default(),
    }
}

/// Where a revision was read from, in words.
pub fn source_message(source: &RevisionSource) -> Message {
    match source {
        RevisionSource::Git { name, commit: Some(commit), date: Some(date) } => Message::new("diff-source-commit")
            .arg("name", name.clone())
            .arg("commit", commit.clone())
            .arg("date", date.clone()),
        RevisionSource::Git { name, .. } => Message::new("diff-source-git").arg("name", name.clone()),
        RevisionSource::Folder { name: Some(name) } => Message::new("diff-source-folder").arg("name", name.clone()),
        RevisionSource::Folder { name: None } => Message::new("diff-source-project-folder"),
    }
}
