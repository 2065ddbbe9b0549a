//! `codepub explain [CODE] [--markdown]`: a check's long explanation (crates/check/src/explain.rs), the list
//! of checks, or the whole of docs/checks.md.

use std::process::ExitCode;

use super::{CliError, write_stdout};
use codepub::explain::{Explanation, catalogue_markdown, find_check, list_text};
use codepub::i18n::Localizer;

pub fn explain(l10n: &Localizer, code: Option<&str>, markdown: bool) -> Result<ExitCode, CliError> {
    let text = match code {
        None if markdown => catalogue_markdown(l10n),
        None => list_text(l10n),
        Some(code) => {
            let unknown = || CliError::UnknownCheck { code: code.to_string() };
            let check = find_check(code).ok_or_else(unknown)?;
            let explanation = Explanation::of(check.as_ref(), l10n).ok_or_else(unknown)?;
            if markdown {
                format!("## {}\n\n{}", explanation.heading(), explanation.to_markdown(l10n))
            } else {
                explanation.to_text(l10n)
            }
        }
    };
    write_stdout(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
