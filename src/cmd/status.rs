//! `codepub status`: per clause, how many translations are current, source changed (English
//! changed, Japanese not yet), translation updated (awaiting review), never signed off and
//! missing, and who signed off last when; then each pair that is not current, with its state
//! and sign-off (`--explain`: the English changes since sign-off and the Japanese as signed off).

use std::process::ExitCode;

use serde::Serialize;

use super::{CliError, Session};
use crate::cli::StatusArgs;
use codepub::check::Context;
use codepub::check::stale::{Standing, records};
use codepub::i18n::Message;
use codepub::lock::{LockedPair, State, marked_diff, normalise};
use codepub::model::Lang;

#[derive(Debug, Default, Serialize)]
pub struct ClauseStatus {
    pub clause: String,
    pub pairs: usize,
    pub current: usize,
    /// Source changed and translation updated together (`source_changed + awaiting_review`).
    pub stale: usize,
    pub source_changed: usize,
    pub awaiting_review: usize,
    pub unsigned: usize,
    /// Headings and blocks present in one language only (or the whole clause).
    pub missing: usize,
    /// The latest sign-off among the clause's pairs.
    pub signed_off: Option<SignOff>,
}

/// Who signed off a pair, when, and with what note or reason.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SignOff {
    pub by: Option<String>,
    pub at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl SignOff {
    fn of(entry: &LockedPair) -> Self {
        Self { by: entry.by.clone(), at: entry.at.clone(), note: entry.note.clone(), reason: entry.reason.clone() }
    }
}

/// One pair: its state, its sign-off and, when its English changed since, what changed.
#[derive(Debug, Serialize)]
pub struct PairStatus {
    pub address: String,
    pub clause: String,
    pub state: State,
    pub signed_off: Option<SignOff>,
    /// The English as signed off and now, and the word diff between them (`[-old-]{+new+}`),
    /// when the English changed since sign-off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub english_then: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub english_now: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub english_changes: Option<String>,
    /// The Japanese as signed off (records of version 2 and later).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub japanese_then: Option<String>,
}

/// The row of `clause`, added at the end when new.
fn row<'t>(table: &'t mut Vec<ClauseStatus>, clause: &str) -> &'t mut ClauseStatus {
    let index = match table.iter().position(|r| r.clause == clause) {
        Some(index) => index,
        None => {
            table.push(ClauseStatus { clause: clause.to_string(), ..Default::default() });
            table.len() - 1
        }
    };
    &mut table[index]
}

pub fn status(session: &Session, args: &StatusArgs) -> Result<ExitCode, CliError> {
    let project = codepub::load::load(&session.root)?;
    let alignment = project.alignment();
    let cx = Context::new(&project, &alignment).with_glyphs(codepub::glyphs::bundled());
    let records = records(&cx);
    let owner = |address: &codepub::address::Address| address.owner.to_string();

    let mut table: Vec<ClauseStatus> = Vec::new();
    let mut pairs: Vec<PairStatus> = Vec::new();
    for clause in &alignment.clauses {
        row(&mut table, &clause.id.0).missing += usize::from(clause.sides.en.is_none() || clause.sides.ja.is_none());
    }
    for pair in &cx.pairs {
        let entry = row(&mut table, &owner(&pair.address));
        if pair.sides.both().is_some() {
            entry.pairs += 1;
        } else {
            entry.missing += 1;
            pairs.push(PairStatus {
                address: pair.address.to_string(),
                clause: owner(&pair.address),
                state: State::Missing,
                signed_off: None,
                english_then: None,
                english_now: None,
                english_changes: None,
                japanese_then: None,
            });
        }
    }
    for (pair, standing, record) in records.iter().flatten() {
        let entry = row(&mut table, &owner(&pair.address));
        let state = standing.state();
        match state {
            State::Current => entry.current += 1,
            State::SourceChanged => entry.source_changed += 1,
            State::TranslationUpdated => entry.awaiting_review += 1,
            State::Unsigned | State::Missing => entry.unsigned += 1,
        }
        entry.stale = entry.source_changed + entry.awaiting_review;
        if let Some(record) = record {
            let later = |old: &SignOff| record.at.is_some() && record.at >= old.at;
            if entry.signed_off.as_ref().is_none_or(later) {
                entry.signed_off = Some(SignOff { note: None, reason: None, ..SignOff::of(record) });
            }
        }
        let english_then = match standing {
            Standing::EnglishChanged { old_english } => Some(old_english.clone()),
            Standing::JapaneseChanged { old_english } => old_english.clone(),
            Standing::Current | Standing::Unsigned => None,
        };
        let english_now = english_then.as_ref().and_then(|_| pair.side(Lang::En)).map(|en| normalise(&en.text));
        pairs.push(PairStatus {
            address: pair.address.to_string(),
            clause: owner(&pair.address),
            state,
            signed_off: record.map(SignOff::of),
            english_changes: english_then.as_ref().zip(english_now.as_ref()).map(|(t, n)| marked_diff(t, n, Lang::En)),
            japanese_then: english_then.as_ref().and_then(|_| record.and_then(|r| r.japanese.clone())),
            english_then,
            english_now,
        });
    }

    // In reading order.
    let order: std::collections::HashMap<String, usize> =
        cx.pairs.iter().enumerate().map(|(i, p)| (p.address.to_string(), i)).collect();
    pairs.sort_by_key(|p| order.get(&p.address).copied().unwrap_or(usize::MAX));

    match args.format {
        crate::cli::StatusFormat::Json => {
            let json = serde_json::json!({
                "version": 2,
                "record": records.is_some(),
                "clauses": table,
                "pairs": pairs,
            });
            super::write_line(&serde_json::to_string_pretty(&json).unwrap_or_default())?;
        }
        crate::cli::StatusFormat::Human => {
            let mut text = render_table(session, &table, records.is_some());
            if records.is_some() {
                text.push_str(&render_pairs(session, &pairs, args.explain));
            }
            super::write_stdout(codepub::invisible::escape(&text).as_bytes())?
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `by, at` of a sign-off, `-` for what version 1 records lack.
fn signed_off_text(signed_off: Option<&SignOff>) -> String {
    match signed_off {
        Some(s) if s.by.is_some() || s.at.is_some() => {
            format!("{} {}", s.by.as_deref().unwrap_or("-"), s.at.as_deref().unwrap_or("-"))
        }
        _ => "-".to_string(),
    }
}

/// The table: counts per clause (`stale`: source changed and awaiting review together; the list
/// below tells them apart), and who signed off last when, once the record knows.
fn render_table(session: &Session, table: &[ClauseStatus], has_record: bool) -> String {
    let ids = ["status-clause", "status-pairs", "status-current", "status-stale", "status-unsigned", "status-missing"];
    let header = ids.map(|id| session.l10n.format(&Message::new(id)));
    let signers = table.iter().any(|r| r.signed_off.as_ref().is_some_and(|s| s.by.is_some() || s.at.is_some()));
    let width = table.iter().map(|r| r.clause.len()).max().unwrap_or(0).max(display_width(&header[0]));
    let pad = |text: &str, to: usize| format!("{text}{}", " ".repeat(to.saturating_sub(display_width(text))));
    let mut out = pad(&header[0], width);
    for title in &header[1..] {
        // Counts are right-aligned, and so are their titles.
        out.push_str("  ");
        out.push_str(&" ".repeat(5usize.saturating_sub(display_width(title))));
        out.push_str(title);
    }
    if signers {
        out.push_str("  ");
        out.push_str(&session.l10n.format(&Message::new("status-signed-off")));
    }
    out.push('\n');
    let mut totals = ClauseStatus { clause: session.l10n.format(&Message::new("status-total")), ..Default::default() };
    for r in table {
        totals.pairs += r.pairs;
        totals.current += r.current;
        totals.stale += r.stale;
        totals.unsigned += r.unsigned;
        totals.missing += r.missing;
    }
    for r in table.iter().chain(std::iter::once(&totals)) {
        out.push_str(&pad(&r.clause, width));
        for (title, value) in header[1..].iter().zip([r.pairs, r.current, r.stale, r.unsigned, r.missing]) {
            out.push_str("  ");
            let needs_record = [&header[2], &header[3], &header[4]].contains(&title);
            let shown = if !has_record && needs_record { "-".to_string() } else { value.to_string() };
            out.push_str(&format!("{shown:>w$}", w = display_width(title).max(5)));
        }
        if signers && !std::ptr::eq(r, &totals) {
            out.push_str("  ");
            out.push_str(&signed_off_text(r.signed_off.as_ref()));
        }
        out.push('\n');
    }
    if !has_record {
        out.push_str(&session.l10n.format(&Message::new("status-no-record")));
        out.push('\n');
    }
    out
}

/// Each pair that is not current: address, state, who signed off when; with `explain`, what
/// changed in the English and the Japanese as signed off.
fn render_pairs(session: &Session, pairs: &[PairStatus], explain: bool) -> String {
    let shown: Vec<&PairStatus> = pairs.iter().filter(|p| p.state != State::Current).collect();
    if shown.is_empty() {
        return String::new();
    }
    let format = |message: Message| session.l10n.format(&message);
    let width = shown.iter().map(|p| p.address.len()).max().unwrap_or(0);
    let mut out = format!("\n{}\n", format(Message::new("status-review-heading")));
    for pair in shown {
        let state = format(Message::new(pair.state.message_id()));
        out.push_str(&format!("  {:width$}  {state}", pair.address));
        if pair.signed_off.as_ref().is_some_and(|s| s.by.is_some() || s.at.is_some()) {
            let signed = signed_off_text(pair.signed_off.as_ref());
            out.push_str(&format!(" ({})", format(Message::new("status-last-signed-off").arg("who", signed))));
        }
        out.push('\n');
        if !explain {
            continue;
        }
        if let Some(changes) = &pair.english_changes {
            out.push_str(&format!(
                "      {}\n",
                format(Message::new("note-english-changes").arg("text", changes.clone()))
            ));
        }
        if let Some(japanese) = &pair.japanese_then {
            out.push_str(&format!(
                "      {}\n",
                format(Message::new("note-old-japanese").arg("text", japanese.clone()))
            ));
        }
    }
    out
}

/// Terminal columns of a text (Japanese characters take two).
fn display_width(text: &str) -> usize {
    text.chars().map(|c| if codepub::script::is_japanese(c) { 2 } else { 1 }).sum()
}
