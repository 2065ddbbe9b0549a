//! An analysis as LSP diagnostics, by file: the findings of `codepub check` (accepted ones as
//! hints, with the publisher's reason), each with its other labels and the counterpart in the
//! other language as related information; baseline entries that match nothing; and input errors
//! at their place, so half-typed input shows where it is wrong instead of stopping the server.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lsp_types::{Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, Uri};

use super::position::{position_of_line_column, range};
use super::workspace::{ProjectState, uri_in};
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
/// baseline entries that match none.
pub(super) fn of_report(state: &ProjectState, cx: &Context<'_>, report: &Report, l10n: &Localizer) -> ByUri {
    let project = cx.project;
    let mut out = ByUri::new();
    for finding in &report.findings {
        let (uri, diagnostic) = of_finding(state, cx, finding, l10n);
        out.entry(uri).or_default().push(diagnostic);
    }
    for &index in &report.unused_baseline {
        let entry = &project.baseline.entries[index];
        let message = Message::new("report-unused-baseline").arg("code", &entry.check).arg("address", &entry.address);
        let relative = PathBuf::from(&entry.at.path);
        let at = place(state, Some(project), &relative, entry.at.line, entry.at.column);
        let diagnostic = Diagnostic { severity: Some(DiagnosticSeverity::WARNING), ..plain(at, l10n.format(&message)) };
        out.entry(uri_in(state, &relative)).or_default().push(diagnostic);
    }
    out
}

/// The diagnostics of a project that does not load: each input error at its place, and on every
/// open source without one of its own, why it shows no findings.
pub(super) fn of_input_errors(state: &ProjectState, error: &InputError, l10n: &Localizer) -> ByUri {
    let mut out = ByUri::new();
    for error in error.each() {
        let (uri, diagnostic) = of_input_error(state, error, l10n);
        out.entry(uri).or_default().push(diagnostic);
    }
    let first = error.each()[0];
    let reason = l10n.format(&first.message());
    let message = Message::new("lsp-not-checked").arg("place", first.location().to_string()).arg("reason", reason);
    let (first_uri, first_diagnostic) = of_input_error(state, first, l10n);
    for (uri, _) in state.open.values() {
        if out.contains_key(uri) {
            continue;
        }
        let related = DiagnosticRelatedInformation {
            location: Location { uri: first_uri.clone(), range: first_diagnostic.range },
            message: first.code().to_string(),
        };
        let diagnostic = Diagnostic {
            code: Some(NumberOrString::String(first.code().to_string())),
            related_information: Some(vec![related]),
            ..plain(Range::default(), l10n.format(&message))
        };
        out.insert(uri.clone(), vec![diagnostic]);
    }
    out
}

/// The diagnostics when a check panicked: one on every open source, asking for a report.
pub(super) fn of_crash(state: &ProjectState, reason: &str, l10n: &Localizer) -> ByUri {
    let message = l10n.format(&Message::new("lsp-crashed").arg("reason", reason));
    state.open.values().map(|(uri, _)| (uri.clone(), vec![plain(Range::default(), message.clone())])).collect()
}

/// An error diagnostic from codepub with only a range and a message.
fn plain(range: Range, message: String) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message,
        ..Diagnostic::default()
    }
}

pub(super) fn of_finding(
    state: &ProjectState,
    cx: &Context<'_>,
    finding: &Finding,
    l10n: &Localizer,
) -> (Uri, Diagnostic) {
    let project = cx.project;
    let located = |span: &Span| {
        let file = project.sources.get(span.file);
        (uri_in(state, Path::new(&file.name)), range(file, span.start, span.end))
    };
    let (uri, at) = match finding.labels().first() {
        Some(label) => located(&label.span),
        // A finding about the configuration (no place in a source): codepub.toml, as SARIF does.
        None => (uri_in(state, Path::new(CONFIG_FILE)), Range::default()),
    };
    let mut related: Vec<DiagnosticRelatedInformation> = (finding.labels().iter().skip(1))
        .map(|label| {
            let (uri, range) = located(&label.span);
            let message = match &label.message {
                Some(message) => format!("{}: {}", label.lang, l10n.format(message)),
                None => label.lang.code().to_string(),
            };
            DiagnosticRelatedInformation { location: Location { uri, range }, message }
        })
        .collect();
    // The counterpart in the other language, when no label points there already.
    if let Some(primary) = finding.labels().first() {
        let other = primary.lang.other();
        let counterpart = (cx.pairs.iter())
            .find(|pair| pair.address == finding.address)
            .and_then(|pair| pair.side(other))
            .filter(|_| !finding.labels().iter().any(|label| label.lang == other));
        if let Some(unit) = counterpart {
            let (uri, range) = located(unit.span);
            let message = l10n.format(&Message::new("lsp-counterpart").arg("lang", other.code()));
            related.push(DiagnosticRelatedInformation { location: Location { uri, range }, message });
        }
    }
    let mut lines = vec![l10n.format(&finding.message())];
    lines.extend(finding.notes().iter().map(|note| l10n.format(note)));
    lines.push(format!("help: {}", l10n.format(&finding.help())));
    lines.push(l10n.format(&Message::new("report-address").arg("address", &finding.address)));
    lines.push(l10n.format(&Message::new("explain-see").arg("code", finding.code())));
    let severity = match (&finding.accepted, finding.severity()) {
        (Some(reason), _) => {
            let message = Message::new("lsp-accepted").arg("path", &project.baseline.path).arg("reason", reason);
            lines.insert(1, l10n.format(&message));
            DiagnosticSeverity::HINT
        }
        (None, Severity::Error) => DiagnosticSeverity::ERROR,
        (None, Severity::Warning) => DiagnosticSeverity::WARNING,
    };
    let diagnostic = Diagnostic {
        range: at,
        severity: Some(severity),
        code: Some(NumberOrString::String(finding.code().to_string())),
        source: Some(SOURCE.to_string()),
        message: lines.join("\n"),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    };
    (uri, diagnostic)
}

fn of_input_error(state: &ProjectState, error: &InputError, l10n: &Localizer) -> (Uri, Diagnostic) {
    let at = error.location();
    let mut relative = PathBuf::from(&at.path);
    if !state.root.join(&relative).is_file() && !state.open.contains_key(&relative) {
        // A folder (a missing language) or a file that cannot be read: the configuration names it.
        relative = PathBuf::from(CONFIG_FILE);
    }
    let range = place(state, None, &relative, at.line, at.column);
    let mut message = l10n.format(&error.message());
    if at.path != crate::load::tree::shown(&relative) {
        message = format!("{}: {message}", at.path);
    }
    if let Some(help) = error.help() {
        message.push_str(&format!("\nhelp: {}", l10n.format(&help)));
    }
    let related = match error {
        InputError::DuplicateClause { first, .. } => {
            let first_path = PathBuf::from(&first.path);
            let range = place(state, None, &first_path, first.line, first.column);
            Some(vec![DiagnosticRelatedInformation {
                location: Location { uri: uri_in(state, &first_path), range },
                message: l10n.format(&Message::new("lsp-first-here")),
            }])
        }
        _ => None,
    };
    let diagnostic = Diagnostic {
        code: Some(NumberOrString::String(error.code().to_string())),
        related_information: related,
        ..plain(range, message)
    };
    (uri_in(state, &relative), diagnostic)
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
