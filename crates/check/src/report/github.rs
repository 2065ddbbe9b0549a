//! `--format github`: GitHub Actions workflow commands, one annotation per new finding.

use super::place;
use crate::check::{Diagnostic, Report, Severity};
use codepub_core::i18n::Localizer;
use codepub_core::load::Project;

/// Escapes a workflow-command property value (hidden characters too, as the log is a terminal's).
pub(super) fn property(value: &str) -> String {
    let value =
        value.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A").replace(':', "%3A").replace(',', "%2C");
    codepub_core::invisible::escape(&value).into_owned()
}

/// Escapes a workflow-command message.
pub(super) fn data(value: &str) -> String {
    codepub_core::invisible::escape(&value.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")).into_owned()
}

pub fn render_github(report: &Report, project: &Project, l10n: &Localizer) -> String {
    let mut out = String::new();
    for finding in report.findings.iter().filter(|f| f.accepted.is_none()) {
        let title = format!("{} {}", finding.code(), finding.check);
        let message = format!("{} ({})", l10n.format(finding.message()), finding.address);
        out.push_str(&annotation(&finding.diagnostic, Some(project), &title, message, l10n));
    }
    for diagnostic in report.baseline_diagnostics(project) {
        let message = l10n.format(&diagnostic.message);
        out.push_str(&annotation(&diagnostic, None, "codepub baseline", message, l10n));
    }
    out
}

/// One diagnostic as a workflow command, the one way each is written (findings and input errors
/// alike): at its primary label (with its end) or its location, titled `title`, its `message`
/// followed by the help and the other labels' places (an annotation has one place; the others,
/// often in the other language's file, are named).
pub(super) fn annotation(
    diagnostic: &Diagnostic,
    project: Option<&Project>,
    title: &str,
    mut message: String,
    l10n: &Localizer,
) -> String {
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    if let Some(help) = &diagnostic.help {
        message.push_str(&format!(" — {}", l10n.format(help)));
    }
    // The labels' places, in the project's sources (a diagnostic without a project has none).
    let labels: Vec<_> = match project {
        Some(project) => diagnostic.labels.iter().map(|label| (place(project, label), label)).collect(),
        None => Vec::new(),
    };
    for (at, label) in labels.iter().skip(1) {
        message.push_str(&format!("\n{}:{}:{}", at.file, at.line, at.column));
        if let Some(text) = &label.message {
            message.push_str(&format!(": {}", l10n.format(text)));
        }
    }
    let (title, message) = (property(title), data(&message));
    match (labels.first(), &diagnostic.location) {
        (Some((at, _)), _) => {
            format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={title}::{message}\n",
                property(at.file),
                at.line,
                at.column,
                at.end_line,
                at.end_column
            )
        }
        (None, Some(at)) => {
            format!(
                "::{command} file={},line={},col={},title={title}::{message}\n",
                property(&at.path),
                at.line,
                at.column
            )
        }
        (None, None) => format!("::{command} title={title}::{message}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(property("a:b,c%\nd"), "a%3Ab%2Cc%25%0Ad");
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(data("a\u{1b}]0;x"), "a\\u{1b}]0;x");
    }
}
