//! `codepub status`: a per-clause table of current, stale, unsigned and missing translations.

use std::process::ExitCode;

use serde::Serialize;

use super::{CliError, Session};
use crate::cli::StatusArgs;
use codepub::check::Context;
use codepub::check::stale::{Standing, standings};
use codepub::i18n::Message;

#[derive(Debug, Default, Serialize)]
pub struct ClauseStatus {
    pub clause: String,
    pub pairs: usize,
    pub current: usize,
    pub stale: usize,
    pub unsigned: usize,
    /// Headings and blocks present in one language only (or the whole clause).
    pub missing: usize,
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
    let standings = standings(&cx);
    let owner = |address: &codepub::address::Address| address.owner.to_string();

    let mut table: Vec<ClauseStatus> = Vec::new();
    for clause in &alignment.clauses {
        row(&mut table, &clause.id.0).missing += usize::from(clause.sides.en.is_none() || clause.sides.ja.is_none());
    }
    for pair in &cx.pairs {
        let entry = row(&mut table, &owner(&pair.address));
        if pair.sides.both().is_some() {
            entry.pairs += 1;
        } else {
            entry.missing += 1;
        }
    }
    for (pair, standing) in standings.iter().flatten() {
        let entry = row(&mut table, &owner(&pair.address));
        match standing {
            Standing::Current => entry.current += 1,
            Standing::EnglishChanged { .. } | Standing::JapaneseChanged => entry.stale += 1,
            Standing::Unsigned => entry.unsigned += 1,
        }
    }

    match args.format {
        crate::cli::StatusFormat::Json => {
            let json = serde_json::json!({ "version": 1, "record": standings.is_some(), "clauses": table });
            super::write_line(&serde_json::to_string_pretty(&json).unwrap_or_default())?;
        }
        crate::cli::StatusFormat::Human => super::write_stdout(
            codepub::invisible::escape(&render_table(session, &table, standings.is_some())).as_bytes(),
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

fn render_table(session: &Session, table: &[ClauseStatus], has_record: bool) -> String {
    let header = ["clause", "pairs", "current", "stale", "unsigned", "missing"].map(|id| {
        session.l10n.format(&Message::new(match id {
            "clause" => "status-clause",
            "pairs" => "status-pairs",
            "current" => "status-current",
            "stale" => "status-stale",
            "unsigned" => "status-unsigned",
            _ => "status-missing",
        }))
    });
    let width = table.iter().map(|r| r.clause.len()).max().unwrap_or(0).max(display_width(&header[0]));
    let pad = |text: &str, to: usize| format!("{text}{}", " ".repeat(to.saturating_sub(display_width(text))));
    let mut out = pad(&header[0], width);
    for title in &header[1..] {
        // Counts are right-aligned, and so are their titles.
        out.push_str("  ");
        out.push_str(&" ".repeat(5usize.saturating_sub(display_width(title))));
        out.push_str(title);
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
        out.push('\n');
    }
    if !has_record {
        out.push_str(&session.l10n.format(&Message::new("status-no-record")));
        out.push('\n');
    }
    out
}

/// Terminal columns of a text (Japanese characters take two).
fn display_width(text: &str) -> usize {
    text.chars().map(|c| if codepub::script::is_japanese(c) { 2 } else { 1 }).sum()
}
