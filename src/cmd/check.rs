//! `codepub check`: load, align, check, report; exit 1 when errors are left. With `--fix`, the
//! unambiguous fixes are applied first (see [`codepub::fix`]) and the sources checked again.

use std::collections::HashSet;
use std::process::ExitCode;

use super::{CliError, Session};
use crate::cli::CheckArgs;
use codepub::address::Owner;
use codepub::align::Alignment;
use codepub::check::{BaselineProblem, Report, RunOptions, run};
use codepub::error::InputError;
use codepub::glyphs::EditionFonts;
use codepub::i18n::Message;
use codepub::load::{GitTree, Project, load_from};
use codepub::report::{
    Format, render_github, render_gitlab, render_human, render_input_error_as, render_json, render_sarif,
    render_skipped,
};

pub fn check(session: &Session, args: &CheckArgs) -> Result<ExitCode, CliError> {
    let format = Format::from(args.format);
    // The bundled fonts' coverage (P015) is a table built in; with `--font-path` the fonts are
    // read, while the sources are loaded and aligned.
    if !args.font_path.is_empty() {
        codepub::glyphs::warm();
    }
    let load = || {
        let loaded = codepub::load::load(&session.root).and_then(|project| {
            let changed = args.changed_since.as_deref().map(|rev| changed_clauses(&project, rev)).transpose()?;
            Ok((project, changed))
        });
        loaded.map_err(|error| {
            // Machine formats report the error on standard output too, in their own shape.
            if let Some(output) = render_input_error_as(&error, format, &session.l10n) {
                let _ = super::write_stdout(output.as_bytes());
            }
            CliError::from(error)
        })
    };
    let (mut project, mut changed) = load()?;
    if args.fix {
        fix(session, args, &project)?;
        (project, changed) = load()?;
    }
    if !args.accept.is_empty() {
        if let Err(refused) = accept(session, args, &project) {
            return refused;
        }
        (project, changed) = load()?;
    }
    let alignment = project.alignment();
    let glyphs = EditionFonts::load(&args.font_path)?;
    // What was left out goes to standard error, beside the machine formats' standard output;
    // the human report lists the sources left out itself.
    eprint!("{}", render_skipped(glyphs.skipped(), &session.l10n));
    if format != Format::Human {
        eprint!("{}", render_skipped(&project.skipped, &session.l10n));
    }
    let options = RunOptions { no_baseline: args.no_baseline, deny_warnings: args.deny_warnings };
    let mut report = run(&project, &alignment, options, glyphs.coverage());
    if let Some(changed) = &changed {
        report = only_changed(report, changed, &alignment);
    }
    let output = match format {
        Format::Human => {
            let mut text = render_human(&report, &project, &session.l10n, session.color);
            if report.findings.iter().all(|f| f.accepted.is_some()) {
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
        Format::Gitlab => render_gitlab(&report, &project, &session.l10n) + "\n",
    };
    super::write_stdout(output.as_bytes())?;
    let status = if report.fails() { ExitCode::from(1) } else { ExitCode::SUCCESS };
    // The process ends with this command, and the system takes its memory back whole: dropping
    // the sources, the alignment and the findings one allocation at a time would only delay the
    // exit (about 10 ms at 10 000 paragraph pairs, a twentieth of the check).
    std::mem::forget((report, alignment, output));
    std::mem::forget(project);
    Ok(status)
}

/// `--accept CODE@ADDRESS --reason TEXT`: writes an entry bound to each current finding named
/// (its values and excerpt; see [`codepub_check::accept`]) into the baseline, atomically, and
/// says so (on standard error when standard output carries a machine format). Refuses, with
/// exit status 2 and nothing written, a missing or empty reason, a target that names no current
/// finding, or one with findings in both languages and no `--accept-lang`.
fn accept(session: &Session, args: &CheckArgs, project: &Project) -> Result<(), Result<ExitCode, CliError>> {
    use codepub::check::Severity;
    use codepub::diagnostic::Diagnostic;
    use codepub_check::accept::{Target, baseline_text, entries, select};
    let refuse = |message: Message, help: Option<Message>| {
        let diagnostic = Diagnostic::new(Severity::Error, message);
        let diagnostic = match help {
            Some(help) => diagnostic.help(help),
            None => diagnostic,
        };
        eprint!("{}", codepub::report::render_diagnostics(&[diagnostic], &session.l10n, session.color));
        Err(Ok(ExitCode::from(2)))
    };
    let reason = args.reason.as_deref().map(str::trim).unwrap_or_default();
    if reason.is_empty() {
        return refuse(Message::new("accept-no-reason"), Some(Message::new("help-accept-no-reason")));
    }
    let lang = args.accept_lang.map(|lang| match lang {
        crate::cli::UiLangArg::En => codepub::model::Lang::En,
        crate::cli::UiLangArg::Ja => codepub::model::Lang::Ja,
    });
    let report = run(project, &project.alignment(), RunOptions::default(), codepub::glyphs::bundled());
    let mut written = Vec::new();
    for target in &args.accept {
        let target = match Target::parse(target, lang) {
            Ok(target) => target,
            Err(message) => return refuse(message, Some(Message::new("help-accept-target"))),
        };
        let findings = match select(&report, &target) {
            Ok(findings) => findings,
            Err(message) => return refuse(message, Some(Message::new("help-accept-target"))),
        };
        for (replaces, entry) in entries(&findings, &project.baseline, reason) {
            let same = |(_, other): &(Option<usize>, codepub::baseline::Accepted)| other.toml() == entry.toml();
            if !written.iter().any(same) {
                written.push((replaces, entry));
            }
        }
    }
    let path = project.root.join(&project.config.content.baseline);
    let mut text = String::new();
    if !written.is_empty() {
        let old = std::fs::read_to_string(&path).ok();
        let new = baseline_text(old.as_deref(), &project.baseline, &written);
        if let Err(error) = codepub::write::write_file_atomic(&path, new.as_bytes()) {
            return Err(Err(CliError::Write { path: project.baseline.path.clone(), error }));
        }
    }
    for (_, entry) in &written {
        let lang = entry.lang.map(|lang| format!(" ({lang})")).unwrap_or_default();
        let message = Message::new("accept-written")
            .arg("path", &project.baseline.path)
            .arg("target", format!("{}@{}{lang}", entry.check, entry.address))
            .arg("values", codepub::baseline::values_line(entry.values.as_deref().unwrap_or_default()));
        text.push_str(&session.l10n.format(&message));
        text.push('\n');
    }
    if written.is_empty() {
        text.push_str(&session.l10n.format(&Message::new("accept-nothing").arg("path", &project.baseline.path)));
        text.push('\n');
    }
    text.push('\n');
    if Format::from(args.format) == Format::Human {
        super::write_stdout(text.as_bytes()).map_err(Err)?;
    } else {
        eprint!("{text}");
    }
    Ok(())
}

/// Ids of the clauses (and footnotes, and edition matter) that changed in either language between
/// `revision` of the project's repository and the project as it is now, as `codepub diff` sees them.
fn changed_clauses(project: &Project, revision: &str) -> Result<HashSet<Owner>, InputError> {
    let old = load_from(&project.root, &GitTree::open(&project.root, revision)?)?;
    let diff = codepub::diff::compare(&old, project);
    let mut changed: HashSet<Owner> = diff.clauses.iter().map(|clause| clause.id.clone()).collect();
    changed.extend(diff.stale.iter().map(|stale| stale.clause.clone()));
    Ok(changed)
}

/// The report with only the findings of changed clauses, stale translations (P013: the whole
/// document's record) and findings tied to no clause (a heading without id, the configuration).
fn only_changed(mut report: Report, changed: &HashSet<Owner>, alignment: &Alignment<'_>) -> Report {
    let clauses: HashSet<Owner> = {
        let mut owners: HashSet<Owner> = alignment.clauses.iter().map(|c| c.id.owner()).collect();
        owners.extend(alignment.footnotes.iter().map(|f| Owner::footnote(f.label)));
        owners
    };
    let kept: Vec<bool> = (report.findings.iter())
        .map(|finding| {
            // The clause (or footnote) the finding belongs to (`principle-3#2` → `principle-3`).
            let owner = &finding.address.owner;
            finding.code() == "P013" || changed.contains(owner) || !clauses.contains(owner)
        })
        .collect();
    // The baseline's warnings name findings by index: renumbered, those of findings left out
    // dropped (an entry without values is reported where its findings are).
    let mut index = Vec::with_capacity(kept.len());
    let mut next = 0;
    for &keep in &kept {
        index.push(keep.then_some(next));
        next += usize::from(keep);
    }
    report.baseline.retain_mut(|warning| match &mut warning.problem {
        BaselineProblem::Unbound { findings } => {
            *findings = findings.iter().filter_map(|&i| index[i]).collect();
            !findings.is_empty()
        }
        _ => true,
    });
    let mut keep = kept.into_iter();
    report.findings.retain(|_| keep.next().unwrap_or(false));
    report
}

/// `--fix`: applies the fixes of the findings the baseline does not accept (whatever
/// `--no-baseline` says) and lists them: on standard output for people, on standard error when
/// standard output carries a machine format.
fn fix(session: &Session, args: &CheckArgs, project: &Project) -> Result<(), CliError> {
    let options = RunOptions { no_baseline: false, deny_warnings: args.deny_warnings };
    let report = run(project, &project.alignment(), options, codepub::glyphs::bundled());
    let applied = codepub::fix::apply(project, &session.root, &report)
        .map_err(|e| CliError::Write { path: e.path, error: e.error })?;
    // An insertion replaces nothing, a deletion leaves nothing: said in words, not as a dash.
    let nothing = session.l10n.format(&Message::new("report-fix-nothing"));
    let shown = |text: &str| if text.is_empty() { nothing.clone() } else { format!("`{}`", one_line(text)) };
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
    if Format::from(args.format) == Format::Human {
        super::write_stdout(text.as_bytes())?;
    } else {
        eprint!("{text}");
    }
    Ok(())
}

/// A fix's old or new text on one line of the list: hidden characters escaped (a fix may remove
/// one: it is shown, never sent to the terminal), line ends as `\n`, and a long text (a whole
/// stretch normalised by P017) cut in the middle.
fn one_line(text: &str) -> String {
    const KEEP: usize = 24;
    let text = codepub::invisible::escape(text).replace('\n', "\\n");
    let count = text.chars().count();
    if count <= 2 * KEEP + 1 {
        return text;
    }
    let head: String = text.chars().take(KEEP).collect();
    let tail: String = text.chars().skip(count - KEEP).collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn a_fixed_text_is_shown_on_one_line_escaped_and_cut_when_long() {
        assert_eq!(one_line("a\u{200B}b"), "a\\u{200b}b");
        assert_eq!(one_line("x\ny"), "x\\ny");
        let long = "あ".repeat(30) + &"い".repeat(30);
        assert_eq!(one_line(&long), "あ".repeat(24) + "…" + &"い".repeat(24));
    }
}
