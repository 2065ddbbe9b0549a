//! `codepub check`: load, align, check, report; exit 1 when errors are left. With `--fix`, the
//! unambiguous fixes are applied first (see [`crate::fix`]) and the sources checked again.

use std::process::ExitCode;

use super::{CliError, Session};
use crate::check::{RunOptions, run};
use crate::cli::CheckArgs;
use crate::i18n::Message;
use crate::load::Project;
use crate::report::{Format, render_github, render_human, render_input_error_as, render_json, render_sarif};

pub fn check(session: &Session, args: &CheckArgs) -> Result<ExitCode, CliError> {
    let load = || match crate::load::load(&session.root) {
        Ok(project) => Ok(project),
        Err(error) => {
            // Machine formats report the error on standard output too, in their own shape.
            if let Some(output) = render_input_error_as(&error, args.format, &session.l10n) {
                print!("{output}");
            }
            Err(CliError::from(error))
        }
    };
    let mut project = load()?;
    if args.fix {
        fix(session, args, &project)?;
        project = load()?;
    }
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

/// `--fix`: applies the fixes of the findings the baseline does not accept (whatever
/// `--no-baseline` says) and lists them: on standard output for people, on standard error when
/// standard output carries a machine format.
fn fix(session: &Session, args: &CheckArgs, project: &Project) -> Result<(), CliError> {
    let report = run(project, RunOptions { no_baseline: false, deny_warnings: args.deny_warnings });
    let applied = crate::fix::apply(project, &session.root, &report)
        .map_err(|e| CliError::Write { path: e.path, error: e.error })?;
    let shown = |text: &str| if text.is_empty() { "—".to_string() } else { format!("`{text}`") };
    let mut text = String::new();
    for change in &applied {
        let place = format!("{}:{}:{}", change.file, change.line, change.column);
        let message = Message::new("report-fix-applied")
            .arg("place", place)
            .arg("old", shown(&change.old))
            .arg("new", shown(&change.new));
        text.push_str(&session.l10n.format(&message));
        text.push('\n');
    }
    text.push_str(&session.l10n.format(&Message::new("report-fix-summary").num("count", applied.len() as i64)));
    text.push_str("\n\n");
    if args.format == Format::Human {
        print!("{text}");
    } else {
        eprint!("{text}");
    }
    Ok(())
}
