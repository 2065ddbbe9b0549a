//! An analysis as LSP diagnostics, by file: the findings of `codepub check` (accepted ones as
//! hints, with the publisher's reason), each with its other labels and the counterpart in the
//! other language as related information; the baseline's problems (entries that match nothing,
//! record no values or give no reason) at their entries; and input errors
//! at their place, so half-typed input shows where it is wrong instead of stopping the server.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lsp_types::{Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, Uri};

use super::position::{position_of_line_column, range};
use super::project::{ProjectState, uri_in};
use crate::check::{Context, Finding, Report, Severity};
use crate::config::CONFIG_FILE;
use crate::error::InputError;
use crate::i18n::{Localizer, Message};
use crate::load::Project;
use crate::source::{self, SourceFile, Span};

/// The name diagnostics are published under.
pub const SOURCE: &str = "codepub";

/// Diagnostics by the URI of their file.
pub(super) type ByUri = BTreeMap<Uri, Vec<Diagnostic>>;

/// The diagnostics of a checked project, by the URI of their file: every finding, and the
/// baseline's problems.
pub(super) fn of_report(state: &ProjectState, cx: &Context<'_>, report: &Report, l10n: &Localizer) -> ByUri {
    let project = cx.project;
    let mut out = ByUri::new();
    for finding in &report.findings {
        let (uri, diagnostic) = of_finding(state, cx, finding, l10n);
        out.entry(uri).or_default().push(diagnostic);
    }
    for problem in report.baseline_diagnostics(project) {
        let (uri, diagnostic) = of_diagnostic(state, Some(project), &problem, Around::default(), l10n);
        out.entry(uri).or_default().push(diagnostic);
    }
    out
}

/// The diagnostics of a project that does not load: each input error at its place, and on every
/// open source without one of its own, why it shows no findings.
pub(super) fn of_input_errors(state: &ProjectState, error: &InputError, l10n: &Localizer) -> ByUri {
    let mut out = ByUri::new();
    let diagnostics = error.diagnostics();
    for diagnostic in &diagnostics {
        let (uri, diagnostic) = of_diagnostic(state, None, diagnostic, Around::default(), l10n);
        out.entry(uri).or_default().push(diagnostic);
    }
    let first = error.each()[0];
    let reason = l10n.format(&first.message());
    let message = Message::new("lsp-not-checked").arg("place", first.location().to_string()).arg("reason", reason);
    let (first_uri, first_diagnostic) = of_diagnostic(state, None, &diagnostics[0], Around::default(), l10n);
    for (uri, _) in state.open.values() {
        if out.contains_key(uri) {
            continue;
        }
        let related = DiagnosticRelatedInformation {
            location: Location { uri: first_uri.clone(), range: first_diagnostic.range },
            message: first.code().to_string(),
        };
        let not_checked = codepub_core::diagnostic::Diagnostic::error(message.clone()).code(first.code());
        let (_, diagnostic) = of_diagnostic(state, None, &not_checked, Around::default(), l10n);
        let diagnostic = Diagnostic { range: Range::default(), related_information: Some(vec![related]), ..diagnostic };
        out.insert(uri.clone(), vec![diagnostic]);
    }
    out
}

/// The diagnostics when a check panicked: one on every open source, asking for a report.
pub(super) fn of_crash(state: &ProjectState, reason: &str, l10n: &Localizer) -> ByUri {
    let crashed = codepub_core::diagnostic::Diagnostic::error(Message::new("lsp-crashed").arg("reason", reason));
    let (_, diagnostic) = of_diagnostic(state, None, &crashed, Around::default(), l10n);
    let diagnostic = Diagnostic { range: Range::default(), ..diagnostic };
    state.open.values().map(|(uri, _)| (uri.clone(), vec![diagnostic.clone()])).collect()
}

/// A finding as an LSP diagnostic: the diagnostic's one path ([`of_diagnostic`]), with the
/// finding's address, the explain line and, when accepted, the publisher's reason (as a hint);
/// the counterpart in the other language as related information.
pub(super) fn of_finding(
    state: &ProjectState,
    cx: &Context<'_>,
    finding: &Finding,
    l10n: &Localizer,
) -> (Uri, Diagnostic) {
    let project = cx.project;
    let accepted = (finding.accepted.as_ref())
        .map(|reason| Message::new("lsp-accepted").arg("path", &project.baseline.path).arg("reason", reason));
    let address = Message::new("report-address").arg("address", &finding.address);
    let context = Around { first: accepted.as_slice(), last: std::slice::from_ref(&address) };
    let (uri, mut diagnostic) = of_diagnostic(state, Some(project), &finding.diagnostic, context, l10n);
    // The counterpart in the other language, when no label points there already.
    if let Some(primary) = finding.labels().first() {
        let other = primary.lang.other();
        let counterpart = (cx.pairs.iter())
            .find(|pair| pair.address == finding.address)
            .and_then(|pair| pair.side(other))
            .filter(|_| !finding.labels().iter().any(|label| label.lang == other));
        if let Some(unit) = counterpart {
            let (uri, range) = located(state, project, unit.span);
            let message = l10n.format(&Message::new("lsp-counterpart").arg("lang", other.code()));
            let related = DiagnosticRelatedInformation { location: Location { uri, range }, message };
            diagnostic.related_information.get_or_insert_with(Vec::new).push(related);
        }
    }
    if finding.accepted.is_some() {
        diagnostic.severity = Some(DiagnosticSeverity::HINT);
    }
    (uri, diagnostic)
}

/// The URI and range of a span of a loaded source.
fn located(state: &ProjectState, project: &Project, span: &Span) -> (Uri, Range) {
    let file = project.sources.get(span.file);
    (uri_in(state, Path::new(&file.name)), range(file, span.start, span.end))
}

/// Lines of the reporter's own around a diagnostic's: `first` right after its message, `last`
/// after its help.
#[derive(Clone, Copy, Default)]
struct Around<'m> {
    first: &'m [Message],
    last: &'m [Message],
}

/// Any diagnostic as an LSP diagnostic, the one way they all become one: at its primary label
/// (a span of a loaded source), or at its location (a file, line and column: the rest of that
/// line; a file that cannot be shown, at `codepub.toml`), or at the configuration when it has
/// neither; its other labels and related places as related information; its message, the
/// `context`, notes, hints, help and the explain line as the message's lines.
fn of_diagnostic(
    state: &ProjectState,
    project: Option<&Project>,
    diagnostic: &codepub_core::diagnostic::Diagnostic,
    context: Around<'_>,
    l10n: &Localizer,
) -> (Uri, Diagnostic) {
    let mut message = l10n.format(&diagnostic.message);
    let (uri, at) = match (diagnostic.labels.first(), project, &diagnostic.location) {
        (Some(label), Some(project), _) => located(state, project, &label.span),
        (_, _, Some(location)) => {
            let mut relative = PathBuf::from(&location.path);
            if !state.root.join(&relative).is_file() && !state.open.contains_key(&relative) {
                // A folder (a missing language) or a file that cannot be read: the configuration
                // names it.
                relative = PathBuf::from(CONFIG_FILE);
            }
            if location.path != crate::load::tree::shown(&relative) {
                message = format!("{}: {message}", location.path);
            }
            (uri_in(state, &relative), place(state, project, &relative, location.line, location.column))
        }
        // A finding about the configuration (no place in a source): codepub.toml, as SARIF does.
        _ => (uri_in(state, Path::new(CONFIG_FILE)), Range::default()),
    };
    let mut related: Vec<DiagnosticRelatedInformation> = Vec::new();
    if let Some(project) = project {
        for label in diagnostic.labels.iter().skip(1) {
            let (uri, range) = located(state, project, &label.span);
            let message = match &label.message {
                Some(message) => format!("{}: {}", label.lang, l10n.format(message)),
                None => label.lang.code().to_string(),
            };
            related.push(DiagnosticRelatedInformation { location: Location { uri, range }, message });
        }
    }
    for other in &diagnostic.related {
        let relative = PathBuf::from(&other.location.path);
        let range = place(state, project, &relative, other.location.line, other.location.column);
        let location = Location { uri: uri_in(state, &relative), range };
        related.push(DiagnosticRelatedInformation { location, message: l10n.format(&other.message) });
    }
    let mut lines = vec![message];
    lines.extend(context.first.iter().map(|line| l10n.format(line)));
    lines.extend(diagnostic.notes.iter().map(|note| l10n.format(note)));
    lines.extend(diagnostic.hints.iter().map(|hint| format!("hint: {}", l10n.format(hint))));
    lines.extend(diagnostic.help.iter().map(|help| format!("help: {}", l10n.format(help))));
    lines.extend(context.last.iter().map(|line| l10n.format(line)));
    if let Some(code) = diagnostic.code.filter(|_| diagnostic.is_explained()) {
        lines.push(l10n.format(&Message::new("explain-see").arg("code", code)));
    }
    let severity = match diagnostic.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
    };
    let lsp = Diagnostic {
        range: at,
        severity: Some(severity),
        code: diagnostic.code.map(|code| NumberOrString::String(code.to_string())),
        source: Some(SOURCE.to_string()),
        message: lines.join("\n"),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    };
    (uri, lsp)
}

/// The range from a 1-based line and character column to the end of that line, in a file of
/// the project: the loaded source, the open buffer or the file on disk.
fn place(state: &ProjectState, project: Option<&Project>, relative: &Path, line: u32, column: u32) -> Range {
    let loaded = project.and_then(|project| {
        let id = project.sources.find(&crate::load::tree::shown(relative))?;
        Some(project.sources.get(id))
    });
    let read;
    let file = match loaded {
        Some(file) => file,
        None => {
            let text = match state.open.get(relative) {
                Some((_, text)) => text.clone(),
                None => source::read_text(&state.root.join(relative), "").unwrap_or_default(),
            };
            read = SourceFile::new("", text);
            &read
        }
    };
    let start = position_of_line_column(file, line, column);
    let end = file.line_range(start.line as usize).map_or(start, |line| super::position::position(file, line.end));
    Range { start, end: if end.character > start.character { end } else { start } }
}
