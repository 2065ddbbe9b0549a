//! `--format github`: GitHub Actions workflow commands, one annotation per new finding.

use super::place;
use crate::check::{Report, Severity};
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
        let command = match finding.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let title = property(&format!("{} {}", finding.code(), finding.check));
        let mut message =
            format!("{} ({}) — {}", l10n.format(finding.message()), finding.address, l10n.format(finding.help()));
        // An annotation has one place; the others (often in the other language's file) are named.
        for label in finding.labels().iter().skip(1) {
            let at = place(project, label);
            message.push_str(&format!("\n{}:{}:{}", at.file, at.line, at.column));
            if let Some(text) = &label.message {
                message.push_str(&format!(": {}", l10n.format(text)));
            }
        }
        let message = data(&message);
        match finding.labels().first() {
            Some(label) => {
                let at = place(project, label);
                out.push_str(&format!(
                    "::{command} file={},line={},col={},endLine={},endColumn={},title={title}::{message}\n",
                    property(at.file),
                    at.line,
                    at.column,
                    at.end_line,
                    at.end_column
                ));
            }
            None => out.push_str(&format!("::{command} title={title}::{message}\n")),
        }
    }
    out
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
