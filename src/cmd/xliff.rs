//! `codepub xliff export` and `codepub xliff import`: the round trip through a translator's CAT
//! tool, as XLIFF 2.0 (see [`codepub::xliff`]).

use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;

use super::{CliError, Session};
use crate::cli::{XliffExportArgs, XliffImportArgs};
use codepub::address::Address;
use codepub::error::InputError;
use codepub::i18n::Message;
use codepub::xliff::import::Refusal;
use codepub::xliff::{State, UnitFile};

pub fn export(session: &Session, args: &XliffExportArgs) -> Result<ExitCode, CliError> {
    let project = codepub::load::load(&session.root)?;
    let alignment = project.alignment();
    let mut files = codepub::xliff::units(&project, &alignment);
    let known: HashSet<String> = files.iter().flat_map(|f| &f.units).map(|u| u.address.owner.to_string()).collect();
    if let Some(unknown) = args.clauses.iter().find(|clause| !known.contains(*clause)) {
        return Err(CliError::UnknownClause { id: unknown.clone() });
    }
    for file in &mut files {
        file.units.retain(|unit| {
            let in_scope = args.clauses.is_empty() || args.clauses.contains(&unit.address.owner.to_string());
            in_scope && (!args.stale || (unit.translate && unit.state == State::Initial))
        });
    }
    files.retain(|file| !file.units.is_empty());
    // The memory (the record's history) is read only when a unit needs a translation.
    if files.iter().flat_map(|f| &f.units).any(|unit| unit.memory_query.is_some()) {
        let memory = super::memory::gather(session, &project)?;
        codepub::xliff::offer_candidates(&mut files, &memory);
    }
    let count: usize = files.iter().map(|f| f.units.len()).sum();
    if files.is_empty() {
        eprintln!("{}", session.l10n.format(&Message::new("xliff-nothing-to-export")));
        return Ok(ExitCode::SUCCESS);
    }
    let document = write_document(&files)?;
    match &args.out {
        Some(path) => {
            codepub::write::write_file_atomic(path, document.as_bytes())
                .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
            eprintln!(
                "{}",
                session.l10n.format(
                    &Message::new("xliff-exported").num("count", count as i64).arg("path", path.display().to_string())
                )
            );
        }
        None => super::write_stdout(document.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn write_document(files: &[UnitFile]) -> Result<String, CliError> {
    codepub::xliff::document::write(files).map_err(|error| CliError::Write { path: "-".into(), error })
}

pub fn import(session: &Session, args: &XliffImportArgs) -> Result<ExitCode, CliError> {
    let shown = args.file.display().to_string();
    let text = read_xliff(&args.file, &shown)?;
    let read = codepub::xliff::read::read(&text, &shown)?;
    let project = codepub::load::load(&session.root)?;
    let plan = match codepub::xliff::import::plan(&project, &read)? {
        Ok(plan) => plan,
        Err(refusals) => {
            eprint!("{}", codepub::invisible::escape(&render_refusals(session, &refusals)));
            return Ok(ExitCode::from(1));
        }
    };
    if args.dry_run {
        let mut out = String::new();
        for file in &plan.files {
            let diff = similar::TextDiff::from_lines(&file.old, &file.new);
            out.push_str(
                &diff.unified_diff().header(&format!("a/{}", file.path), &format!("b/{}", file.path)).to_string(),
            );
        }
        let summary =
            Message::new("xliff-dry-run").num("count", plan.changed as i64).num("files", plan.files.len() as i64);
        out.push_str(&session.l10n.format(&summary));
        out.push('\n');
        // The diff quotes the sources: their hidden characters are shown, not sent to the terminal.
        super::write_stdout(codepub::invisible::escape(&out).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    // Every new text is ready before the first is written; each is written atomically.
    for file in &plan.files {
        let path = session.root.join(&file.path);
        codepub::write::write_file_atomic(&path, file.new.as_bytes())
            .map_err(|error| CliError::Write { path: file.path.clone(), error })?;
    }
    super::write_line(
        &session.l10n.format(
            &Message::new("xliff-imported")
                .num("count", plan.changed as i64)
                .num("files", plan.files.len() as i64)
                .num("units", plan.units as i64),
        ),
    )?;
    if args.sign_off && !plan.imported.is_empty() {
        let imported: HashSet<&Address> = plan.imported.iter().collect();
        let scope = plan.imported.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        // Who and when as far as known; an import is never refused for want of a name.
        let signature = super::sign_off::Signature {
            by: codepub::lock::default_signer(&session.root),
            at: codepub::lock::now_utc().ok(),
            ..Default::default()
        };
        return super::sign_off::record(session, &[], &|address| imported.contains(address), scope, &signature);
    }
    Ok(ExitCode::SUCCESS)
}

/// The XLIFF file's text: UTF-8, a byte order mark allowed.
fn read_xliff(path: &Path, shown: &str) -> Result<String, CliError> {
    let bytes = std::fs::read(path).map_err(|source| InputError::Io { path: shown.to_string(), source })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match String::from_utf8(bytes.to_vec()) {
        Ok(text) => Ok(text),
        // Not UTF-8: the loader's error, at the first bad byte.
        Err(_) => Ok(codepub::source::decode(bytes, shown)?),
    }
}

fn render_refusals(session: &Session, refusals: &[Refusal]) -> String {
    let l10n = &session.l10n;
    let diagnostics: Vec<_> = refusals.iter().map(Refusal::diagnostic).collect();
    let mut out = codepub::report::render_diagnostics(&diagnostics, l10n, false);
    out.push_str(&format!("{}\n", l10n.format(&Message::new("xliff-refused").num("count", refusals.len() as i64))));
    out
}
