//! `codepub sign-off [CLAUSE…]`: records that the translations of the given clauses (all, when
//! none is given) are current, in `content/translations.lock`.

use std::process::ExitCode;

use super::{CliError, Session};
use codepub::address::Address;
use codepub::check::Context;
use codepub::check::stale::pair_fingerprints;
use codepub::i18n::Message;
use codepub::lock::{LOCK_VERSION, LockedPair, TranslationLock, normalise};

pub fn sign_off(session: &Session, clauses: &[String]) -> Result<ExitCode, CliError> {
    let owner = |address: &Address| address.owner.to_string();
    let selected = |address: &Address| clauses.is_empty() || clauses.contains(&owner(address));
    let scope = if clauses.is_empty() { "*".to_string() } else { clauses.join(", ") };
    record(session, clauses, &selected, scope)
}

/// Signs off the pairs `selected` picks (after checking that each of `clauses` is known), and
/// says so, naming them as `scope`.
pub fn record(
    session: &Session,
    clauses: &[String],
    selected: &dyn Fn(&Address) -> bool,
    scope: String,
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

    let previous = project.lock.clone().unwrap_or(TranslationLock { version: LOCK_VERSION, pairs: Vec::new() });
    let previous: std::collections::HashMap<&Address, &LockedPair> =
        previous.pairs.iter().map(|p| (&p.address, p)).collect();
    let mut signed = 0;
    let mut pairs = Vec::new();
    for pair in &cx.pairs {
        if selected(&pair.address) {
            let (Some((en, ja)), Some(english)) = (pair_fingerprints(&cx, pair), pair.sides.en.as_ref()) else {
                continue;
            };
            if previous.get(&pair.address).is_none_or(|old| old.en != en || old.ja != ja) {
                signed += 1;
            }
            pairs.push(LockedPair { address: pair.address.clone(), en, ja, english: normalise(&english.text) });
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
