//! `codepub sign-off [CLAUSE…]`: records that the translations of the given clauses (all, when
//! none is given) are current, in `content/translations.lock`: per pair, the fingerprints and
//! texts of both languages, who signed off and when, and an optional note.
//!
//! Refused (exit 1, nothing written) while a selected pair has errors other than P013 that the
//! baseline does not accept, unless `--force --reason`, whose reason is recorded.

use std::process::ExitCode;

use super::{CliError, Session};
use crate::cli::SignOffArgs;
use codepub::address::Address;
use codepub::check::Context;
use codepub::check::stale::pair_fingerprints;
use codepub::diagnostic::Diagnostic;
use codepub::i18n::Message;
use codepub::lock::{LOCK_VERSION, LockedPair, TranslationLock, default_signer, normalise, now_utc};

/// Who signs off, when, and why (what `sign-off`'s options say).
#[derive(Clone, Debug, Default)]
pub struct Signature {
    pub by: Option<String>,
    pub at: Option<String>,
    pub note: Option<String>,
    /// `--force --reason`: signed off over errors, for this reason.
    pub reason: Option<String>,
    /// Refuse to sign off pairs with errors (other than P013) unless `reason` is given.
    pub refuse_errors: bool,
    /// Refuse to sign off without a name (`by`).
    pub require_name: bool,
}

impl Signature {
    /// `--by`, else the git user name, else `$USER` (`None` when none is known); now (or
    /// `CODEPUB_NOW`): the exit status 2, with the error printed, when that is not a time.
    pub fn resolve(session: &Session, by: Option<&str>) -> Result<Signature, ExitCode> {
        let by = by.map(str::trim).filter(|b| !b.is_empty()).map(str::to_string);
        let by = by.or_else(|| default_signer(&session.root));
        let at = match now_utc() {
            Ok(at) => at,
            Err(value) => {
                let message =
                    Message::new("error-sign-off-now").arg("variable", codepub::lock::NOW_VARIABLE).arg("value", value);
                refuse(session, Diagnostic::error(message));
                return Err(ExitCode::from(2));
            }
        };
        Ok(Signature { by, at: Some(at), ..Signature::default() })
    }
}

/// Prints `diagnostic` on standard error.
fn refuse(session: &Session, diagnostic: Diagnostic) {
    let text = codepub::report::render_diagnostics(&[diagnostic], &session.l10n, session.color);
    eprint!("{text}");
}

pub fn sign_off(session: &Session, args: &SignOffArgs) -> Result<ExitCode, CliError> {
    let clauses = &args.clauses;
    let owner = |address: &Address| address.owner.to_string();
    let selected = |address: &Address| clauses.is_empty() || clauses.contains(&owner(address));
    let scope = if clauses.is_empty() { "*".to_string() } else { clauses.join(", ") };
    let signature = match Signature::resolve(session, args.by.as_deref()) {
        Ok(signature) => signature,
        Err(code) => return Ok(code),
    };
    let signature = Signature {
        note: args.note.clone(),
        reason: args.reason.clone().filter(|_| args.force),
        refuse_errors: true,
        require_name: true,
        ..signature
    };
    record(session, clauses, &selected, scope, &signature)
}

/// Signs off the pairs `selected` picks (after checking that each of `clauses` is known), and
/// says so, naming them as `scope`.
pub fn record(
    session: &Session,
    clauses: &[String],
    selected: &dyn Fn(&Address) -> bool,
    scope: String,
    signature: &Signature,
) -> Result<ExitCode, CliError> {
    let project = codepub::load::load(&session.root)?;
    let alignment = project.alignment();
    let cx = Context::new(&project, &alignment).with_glyphs(codepub::glyphs::bundled());
    for clause in clauses {
        let known = cx.pairs.iter().any(|p| &p.address.owner.to_string() == clause);
        if !known {
            return Err(CliError::UnknownClause { id: clause.clone() });
        }
    }

    if signature.require_name && signature.by.is_none() {
        refuse(session, Diagnostic::error(Message::new("error-sign-off-no-name")));
        return Ok(ExitCode::from(2));
    }
    if signature.refuse_errors && signature.reason.is_none() {
        let report = codepub::check::run(&project, &alignment, Default::default(), codepub::glyphs::bundled());
        let blocking: Vec<_> =
            report.failing().filter(|f| f.diagnostic.code != Some("P013") && selected(&f.address)).collect();
        if !blocking.is_empty() {
            let mut refusal =
                Diagnostic::error(Message::new("error-sign-off-refused").num("count", blocking.len() as i64));
            for finding in &blocking {
                refusal = refusal.note(
                    Message::new("note-sign-off-blocked")
                        .arg("code", finding.diagnostic.code.unwrap_or("?"))
                        .arg("address", finding.address.to_string())
                        .arg("message", session.l10n.format(&finding.diagnostic.message)),
                );
            }
            refuse(session, refusal.help(Message::new("help-sign-off-refused")));
            return Ok(ExitCode::from(1));
        }
    }

    let previous = project.lock.clone().unwrap_or(TranslationLock { version: LOCK_VERSION, pairs: Vec::new() });
    let previous: std::collections::HashMap<&Address, &LockedPair> =
        previous.pairs.iter().map(|p| (&p.address, p)).collect();
    let mut signed = 0;
    let mut pairs = Vec::new();
    for pair in &cx.pairs {
        if selected(&pair.address) {
            let (Some((en, ja)), Some((english, japanese))) = (pair_fingerprints(&cx, pair), pair.sides.both()) else {
                continue;
            };
            match previous.get(&pair.address) {
                // Unchanged since its sign-off: who signed off, when, and why stay as they were
                // (a version 1 entry, which knows neither, is signed off anew).
                Some(old) if old.en == en && old.ja == ja && old.by.is_some() => {
                    let mut kept = (*old).clone();
                    kept.address = pair.address.clone();
                    pairs.push(kept);
                }
                old => {
                    signed += usize::from(old.is_none_or(|old| old.en != en || old.ja != ja));
                    pairs.push(LockedPair {
                        by: signature.by.clone(),
                        at: signature.at.clone(),
                        japanese: Some(normalise(&japanese.text)),
                        note: signature.note.clone(),
                        reason: signature.reason.clone(),
                        ..LockedPair::new(pair.address.clone(), en, ja, normalise(&english.text))
                    });
                }
            }
        } else if let Some(kept) = previous.get(&pair.address) {
            pairs.push((*kept).clone());
        }
    }
    let lock = TranslationLock { version: LOCK_VERSION, pairs };
    let path = session.root.join(&project.config.content.lock);
    codepub::write::write_file_atomic(&path, lock.to_toml().as_bytes())
        .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
    super::write_line(
        &session.l10n.format(
            &Message::new("report-signed-off")
                .num("count", signed as i64)
                .num("total", lock.pairs.len() as i64)
                .arg("clauses", scope)
                .arg("path", project.config.content.lock.display().to_string()),
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}
