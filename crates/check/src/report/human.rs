//! rustc-style output: code, message, `file:line:col`, the English and Japanese source lines with
//! carets, help; then the accepted findings, stale baseline entries, the sources left out and a
//! summary. Nothing from a source reaches the terminal raw: source lines, messages and excerpts
//! have their hidden characters escaped ([`super::terminal`]).

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel};
use std::io::Write;

use codespan_reporting::term::{self, Config, termcolor::Buffer};

use super::terminal::TerminalSources;
use crate::check::{Diagnostic, Finding, Report, Severity};
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
    let labelled = report.findings.iter().flat_map(|f| f.labels().iter().map(|label| label.span.file));
    let sources = TerminalSources::new(&project.sources, labelled);
    let shown: Vec<&Finding> = report.findings.iter().filter(|f| f.accepted.is_none()).collect();
    // Each finding rendered on its own, over the cores, and put back in order: thousands of
    // findings (a first check of a long text) otherwise cost as much as the check.
    let rendered = codepub_core::parallel::map_in_order(&shown, |finding| {
        let mut out = buffer(color);
        let address = Message::new("report-address").arg("address", &finding.address);
        emit(&mut out, &finding.diagnostic, Some(&sources), &[address], l10n);
        // A blank line ends a finding without labels too, as codespan ends a labelled one, so
        // the next one does not run on.
        if finding.diagnostic.labels.is_empty() {
            let _ = out.write_all(b"\n");
        }
        out.into_inner()
    });
    let mut bytes = Vec::with_capacity(rendered.iter().map(Vec::len).sum());
    rendered.iter().for_each(|finding| bytes.extend_from_slice(finding));
    let mut text =
        String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());

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
    // The baseline's problems, each at its entry's line, with the fix.
    let mut out = buffer(color);
    for diagnostic in report.baseline_diagnostics(project) {
        emit(&mut out, &diagnostic, None, &[], l10n);
    }
    text.push_str(&String::from_utf8_lossy(out.as_slice()));
    text.push_str(&render_skipped(&project.skipped, l10n));
    let of_baseline = |severity| report.baseline.iter().filter(|w| w.severity == severity).count();
    let errors = (report.count(Severity::Error, false) + of_baseline(Severity::Error)) as i64;
    let warnings = (report.count(Severity::Warning, false) + of_baseline(Severity::Warning)) as i64;
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

/// Input errors in the same style, each as `error[E004]: …` with `--> file:line:col` and help,
/// a blank line between two.
pub fn render_input_error(error: &InputError, l10n: &Localizer, color: bool) -> String {
    let mut out = buffer(color);
    for (i, diagnostic) in error.diagnostics().iter().enumerate() {
        if i > 0 {
            let _ = out.write_all(b"\n");
        }
        emit(&mut out, diagnostic, None, &[], l10n);
    }
    String::from_utf8_lossy(out.as_slice()).into_owned()
}

/// Diagnostics without a loaded project (a command's failure, an import refused), one after
/// another.
pub fn render_diagnostics(diagnostics: &[Diagnostic], l10n: &Localizer, color: bool) -> String {
    let mut out = buffer(color);
    for diagnostic in diagnostics {
        emit(&mut out, diagnostic, None, &[], l10n);
    }
    String::from_utf8_lossy(out.as_slice()).into_owned()
}

/// One diagnostic, the one way every diagnostic is printed: with its labels' source lines and
/// carets (codespan-reporting) when it has labels in loaded `sources`, else its header and
/// `--> file:line:col`; then `context` (the finding's address), its notes, hints and help, and
/// where a check explains it, the `codepub explain` line. Every text is escaped
/// ([`super::terminal`]): nothing from a source reaches the terminal raw.
fn emit(
    out: &mut Buffer,
    diagnostic: &Diagnostic,
    sources: Option<&TerminalSources>,
    context: &[Message],
    l10n: &Localizer,
) {
    let format = |message: &Message| escape(&l10n.format(message)).into_owned();
    let mut notes: Vec<String> = context.iter().chain(&diagnostic.notes).map(format).collect();
    notes.extend(diagnostic.hints.iter().map(|hint| format!("hint: {}", format(hint))));
    notes.extend(diagnostic.help.iter().map(|help| format!("help: {}", format(help))));
    if let Some(code) = diagnostic.code.filter(|_| diagnostic.is_explained()) {
        notes.push(format(&Message::new("explain-see").arg("code", code)));
    }
    match sources {
        Some(sources) if !diagnostic.labels.is_empty() => {
            let labels = (diagnostic.labels.iter().enumerate())
                .map(|(i, label)| {
                    let make = if i == 0 { CsLabel::primary } else { CsLabel::secondary };
                    let text = label.message.as_ref().map(format).unwrap_or_default();
                    let text =
                        if text.is_empty() { label.lang.code().to_string() } else { format!("{}: {text}", label.lang) };
                    make(label.span.file, sources.range(label.span.file, label.span.range())).with_message(text)
                })
                .collect();
            let mut rendered = match diagnostic.severity {
                Severity::Error => CsDiagnostic::error(),
                Severity::Warning => CsDiagnostic::warning(),
            };
            if let Some(code) = diagnostic.code {
                rendered = rendered.with_code(code);
            }
            let rendered = rendered.with_message(format(&diagnostic.message)).with_labels(labels).with_notes(notes);
            // Rendering only fails on spans outside their file, which the loader never makes.
            let _ = term::emit_to_write_style(out, &Config::default(), sources, &rendered);
        }
        _ => {
            let mut text = match diagnostic.code {
                Some(code) => format!("{}[{code}]: {}\n", diagnostic.severity.name(), format(&diagnostic.message)),
                None => format!("{}: {}\n", diagnostic.severity.name(), format(&diagnostic.message)),
            };
            if let Some(location) = &diagnostic.location {
                text.push_str(&format!("  --> {}\n", escape(&location.to_string())));
            }
            for note in notes {
                text.push_str(&format!("  = {note}\n"));
            }
            let _ = out.write_all(text.as_bytes());
        }
    }
}
