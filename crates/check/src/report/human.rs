//! rustc-style output: code, message, `file:line:col`, the English and Japanese source lines with
//! carets, help; then the accepted findings, stale baseline entries, the sources left out and a
//! summary. Nothing from a source reaches the terminal raw: source lines, messages and excerpts
//! have their hidden characters escaped ([`super::terminal`]).

use codespan_reporting::diagnostic::{Diagnostic, Label as CsLabel};
use codespan_reporting::term::{self, Config, termcolor::Buffer};

use super::terminal::TerminalSources;
use crate::check::{Report, Severity};
use codepub_core::error::InputError;
use codepub_core::i18n::{Localizer, Message};
use codepub_core::invisible::escape;
use codepub_core::load::Project;
use codepub_core::skipped::Skipped;

fn buffer(color: bool) -> Buffer {
    if color { Buffer::ansi() } else { Buffer::no_color() }
}

/// The whole report as text.
pub fn render_human(report: &Report, project: &Project, l10n: &Localizer, color: bool) -> String {
    let config = Config::default();
    let mut out = buffer(color);
    let labelled = report.findings.iter().flat_map(|f| f.labels().iter().map(|label| label.span.file));
    let sources = TerminalSources::new(&project.sources, labelled);
    let format = |message: &Message| escape(&l10n.format(message)).into_owned();
    for finding in report.findings.iter().filter(|f| f.accepted.is_none()) {
        let diagnostic = match finding.severity() {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
        };
        let labels = finding
            .labels()
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let make = if i == 0 { CsLabel::primary } else { CsLabel::secondary };
                let text = label.message.as_ref().map(format).unwrap_or_default();
                let text =
                    if text.is_empty() { label.lang.code().to_string() } else { format!("{}: {text}", label.lang) };
                make(label.span.file, sources.range(label.span.file, label.span.range())).with_message(text)
            })
            .collect();
        let mut notes = vec![format(&Message::new("report-address").arg("address", &finding.address))];
        notes.extend(finding.notes().iter().map(format));
        notes.push(format!("help: {}", format(&finding.help())));
        notes.push(format(&Message::new("explain-see").arg("code", finding.code())));
        let diagnostic = diagnostic
            .with_code(finding.code())
            .with_message(format(&finding.message()))
            .with_labels(labels)
            .with_notes(notes);
        // Rendering only fails on spans outside their file, which the loader never makes.
        let _ = term::emit_to_write_style(&mut out, &config, &sources, &diagnostic);
    }
    let mut text = String::from_utf8_lossy(out.as_slice()).into_owned();

    let accepted: Vec<_> = report.findings.iter().filter(|f| f.accepted.is_some()).collect();
    if !accepted.is_empty() {
        text.push_str(&l10n.format(&Message::new("report-accepted-heading").arg("path", &project.baseline.path)));
        text.push('\n');
        for finding in accepted {
            let mut address = finding.address.to_string();
            if let Some(lang) = finding.lang {
                address.push_str(&format!(" ({lang})"));
            }
            if let Some(excerpt) = &finding.excerpt {
                address.push_str(&format!(" «{excerpt}»"));
            }
            let line = l10n.format(
                &Message::new("report-accepted")
                    .arg("code", finding.code())
                    .arg("address", &address)
                    .arg("reason", finding.accepted.as_deref().unwrap_or_default()),
            );
            text.push_str(&format!("  {}\n", escape(&line)));
        }
    }
    for &index in &report.unused_baseline {
        let entry = &project.baseline.entries[index];
        let message = l10n
            .format(&Message::new("report-unused-baseline").arg("code", &entry.check).arg("address", &entry.address));
        text.push_str(&escape(&format!("warning: {message}\n  --> {}\n", entry.at)));
    }
    text.push_str(&render_skipped(&project.skipped, l10n));
    let errors = report.count(Severity::Error, false) as i64;
    let warnings = report.count(Severity::Warning, false) as i64;
    let accepted = report.findings.iter().filter(|f| f.accepted.is_some()).count() as i64;
    text.push_str(&l10n.format(
        &Message::new("report-summary").num("errors", errors).num("warnings", warnings).num("accepted", accepted),
    ));
    text.push('\n');
    text
}

/// A warning for each input left out (a named pipe among the sources, an unusable font file),
/// in the style of the findings.
pub fn render_skipped(skipped: &[Skipped], l10n: &Localizer) -> String {
    let mut text = String::new();
    for input in skipped {
        text.push_str(&format!("warning: {}\n  --> {}\n", l10n.format(&input.message()), input.path));
    }
    text
}

/// Input errors in the same style, each as `error[E004]: …` with `--> file:line:col` and help.
pub fn render_input_error(error: &InputError, l10n: &Localizer, color: bool) -> String {
    use std::io::Write;
    let mut out = buffer(color);
    let mut message = Vec::new();
    for (i, error) in error.each().into_iter().enumerate() {
        if i > 0 {
            message.push(b'\n');
        }
        let _ = writeln!(message, "error[{}]: {}", error.code(), l10n.format(&error.message()));
        let _ = writeln!(message, "  --> {}", error.location());
        if let Some(help) = error.help() {
            let help = match error {
                InputError::MissingLanguage { lang, .. } => help.arg("lang", lang),
                _ => help,
            };
            let _ = writeln!(message, "  = help: {}", l10n.format(&help));
        }
    }
    let _ = out.write_all(escape(&String::from_utf8_lossy(&message)).as_bytes());
    String::from_utf8_lossy(out.as_slice()).into_owned()
}
