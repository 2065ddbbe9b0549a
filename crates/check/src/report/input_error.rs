//! Input errors (exit 2) in the machine formats, so a CI job reading `--format json`, `sarif`,
//! `github` or `gitlab` learns about a badly encoded file the same way it learns about findings.
//! Every error the loader found is listed; JSON keeps the first as `error` too.

use serde_json::json;

use super::Format;
use codepub_core::error::InputError;
use codepub_core::i18n::Localizer;

/// The error in `format`, for standard output; `None` for the human format (printed to stderr).
pub fn render_input_error_as(error: &InputError, format: Format, l10n: &Localizer) -> Option<String> {
    let each = error.each();
    let described = |error: &InputError| {
        let at = error.location();
        let help = error.help().map(|help| l10n.format(&help));
        json!({
            "code": error.code(), "message": l10n.format(&error.message()), "help": help,
            "file": at.path, "line": at.line, "column": at.column,
        })
    };
    let text = match format {
        Format::Human => return None,
        Format::Json => serde_json::to_string_pretty(&json!({
            "version": super::json::JSON_VERSION,
            "error": described(each[0]),
            "errors": each.iter().map(|e| described(e)).collect::<Vec<_>>(),
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
                    "toolExecutionNotifications": each.iter().map(|error| {
                        let at = error.location();
                        json!({
                            "level": "error",
                            "descriptor": { "id": error.code() },
                            "message": { "text": l10n.format(&error.message()) },
                            "locations": [{ "physicalLocation": {
                                "artifactLocation": { "uri": at.path },
                                "region": { "startLine": at.line, "startColumn": at.column },
                            }}],
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
                .map(|error| {
                    let (at, message) = (error.location(), l10n.format(&error.message()));
                    let description = match error.help() {
                        Some(help) => format!("{} {message} — {}", error.code(), l10n.format(&help)),
                        None => format!("{} {message}", error.code()),
                    };
                    let key = format!("{}:{}:{}", error.code(), at.path, at.line);
                    super::gitlab::issue(description, error.code(), &key, "blocker", &at.path, at.line)
                })
                .collect();
            serde_json::to_string_pretty(&json!(issues)).unwrap_or_default()
        }
        Format::Github => {
            let lines = each.iter().map(|error| {
                let (at, message) = (error.location(), l10n.format(&error.message()));
                let message = match error.help() {
                    Some(help) => format!("{message} — {}", l10n.format(&help)),
                    None => message,
                };
                format!(
                    "::error file={},line={},col={},title={}::{}\n",
                    super::github::property(&at.path),
                    at.line,
                    at.column,
                    error.code(),
                    super::github::data(&message)
                )
            });
            return Some(lines.collect());
        }
    };
    Some(text + "\n")
}
