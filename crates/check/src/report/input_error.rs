//! Input errors (exit 2) in the machine formats, so a CI job reading `--format json`, `sarif`,
//! `github` or `gitlab` learns about a badly encoded file the same way it learns about findings.
//! Every error the loader found is listed; JSON keeps the first as `error` too.

use serde_json::json;

use super::Format;
use codepub_core::diagnostic::Diagnostic;
use codepub_core::error::InputError;
use codepub_core::i18n::Localizer;

/// The error in `format`, for standard output; `None` for the human format (printed to stderr).
pub fn render_input_error_as(error: &InputError, format: Format, l10n: &Localizer) -> Option<String> {
    let each = error.diagnostics();
    let code = |diagnostic: &Diagnostic| diagnostic.code.unwrap_or_default();
    let described = |diagnostic: &Diagnostic| super::json::described(diagnostic, None, l10n);
    let text = match format {
        Format::Human => return None,
        Format::Json => serde_json::to_string_pretty(&json!({
            "version": super::json::JSON_VERSION,
            "error": described(&each[0]),
            "errors": each.iter().map(described).collect::<Vec<_>>(),
            "findings": [],
        }))
        .unwrap_or_default(),
        Format::Sarif => serde_json::to_string_pretty(&json!({
            "$schema": super::sarif::SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": super::sarif::tool(l10n),
                "columnKind": "unicodeCodePoints",
                "invocations": [{
                    "executionSuccessful": false,
                    "toolExecutionNotifications": each.iter().map(|diagnostic| {
                        json!({
                            "level": "error",
                            "descriptor": { "id": code(diagnostic) },
                            "message": { "text": l10n.format(&diagnostic.message) },
                            "locations": super::sarif::locations(diagnostic, None, l10n).primary,
                        })
                    }).collect::<Vec<_>>(),
                }],
                "results": [],
            }],
        }))
        .unwrap_or_default(),
        Format::Gitlab => {
            let issues: Vec<_> = each
                .iter()
                .map(|diagnostic| {
                    let (at, code) = (super::location_of(diagnostic), code(diagnostic));
                    let head = format!("{code} {}", l10n.format(&diagnostic.message));
                    let key = format!("{code}:{}:{}", at.path, at.line);
                    super::gitlab::issue(diagnostic, None, head, &key, "blocker", l10n)
                })
                .collect();
            serde_json::to_string_pretty(&json!(issues)).unwrap_or_default()
        }
        Format::Github => {
            let annotation = |diagnostic: &Diagnostic| {
                let message = l10n.format(&diagnostic.message);
                super::github::annotation(diagnostic, None, code(diagnostic), message, l10n)
            };
            return Some(each.iter().map(annotation).collect());
        }
    };
    Some(text + "\n")
}
