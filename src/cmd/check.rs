//! `codepub check`: load, align, check, report; exit 1 when errors are left.

use std::process::ExitCode;

use super::{CliError, Session};
use crate::check::{RunOptions, run};
use crate::cli::CheckArgs;
use crate::i18n::Message;
use crate::report::{Format, render_github, render_human, render_input_error_as, render_json, render_sarif};

pub fn check(session: &Session, args: &CheckArgs) -> Result<ExitCode, CliError> {
    let project = match crate::load::load(&session.root) {
        Ok(project) => project,
        Err(error) => {
            // Machine formats report the error on standard output too, in their own shape.
            if let Some(output) = render_input_error_as(&error, args.format, &session.l10n) {
                print!("{output}");
            }
            return Err(error.into());
        }
    };
    let report = run(&project, RunOptions { no_baseline: args.no_baseline, deny_warnings: args.deny_warnings });
    let output = match args.format {
        Format::Human => {
            let mut text = render_human(&report, &project, &session.l10n, session.color);
            if report.findings.iter().all(|f| f.accepted.is_some()) {
                let alignment = project.alignment();
                let pairs: usize = alignment.clauses.iter().map(|c| c.blocks.len()).sum();
                text.push_str(
                    &session.l10n.format(
                        &Message::new("report-clean")
                            .num("clauses", alignment.clauses.len() as i64)
                            .num("pairs", pairs as i64),
                    ),
                );
                text.push('\n');
            }
            text
        }
        Format::Json => render_json(&report, &project, &session.l10n) + "\n",
        Format::Sarif => render_sarif(&report, &project, &session.l10n) + "\n",
        Format::Github => render_github(&report, &project, &session.l10n),
    };
    print!("{output}");
    Ok(if report.failing().next().is_some() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
