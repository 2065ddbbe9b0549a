//! An input error (exit 2) in the machine formats, so a CI job reading `--format json`, `sarif`,
//! `github` or `gitlab` learns about a badly encoded file the same way it learns about findings.

use serde_json::json;

use super::Format;
use crate::error::InputError;
use crate::i18n::Localizer;

/// The error in `format`, for standard output; `None` for the human format (printed to stderr).
pub fn render_input_error_as(error: &InputError, format: Format, l10n: &Localizer) -> Option<String> {
    let at = error.location();
    let message = l10n.format(&error.message());
    let help = error.help().map(|help| l10n.format(&help));
    let text = match format {
        Format::Human => return None,
        Format::Json => serde_json::to_string_pretty(&json!({
            "version": super::json::JSON_VERSION,
            "error": {
                "code": error.code(), "message": message, "help": help,
                "file": at.path, "line": at.line, "column": at.column,
            },
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
                    "toolExecutionNotifications": [{
                        "level": "error",
                        "descriptor": { "id": error.code() },
                        "message": { "text": message },
                        "locations": [{ "physicalLocation": {
                            "artifactLocation": { "uri": at.path },
                            "region": { "startLine": at.line, "startColumn": at.column },
                        }}],
                    }],
                }],
                "results": [],
            }],
        }))
        .unwrap_or_default(),
        Format::Gitlab => {
            let description = match &help {
                Some(help) => format!("{} {message} — {help}", error.code()),
                None => format!("{} {message}", error.code()),
            };
            let key = format!("{}:{}", error.code(), at.path);
            let issue = super::gitlab::issue(description, error.code(), &key, "blocker", &at.path, at.line);
            serde_json::to_string_pretty(&json!([issue])).unwrap_or_default()
        }
        Format::Github => {
            let message = match help {
                Some(help) => format!("{message} — {help}"),
                None => message,
            };
            return Some(format!(
                "::error file={},line={},col={},title={}::{}\n",
                super::github::property(&at.path),
                at.line,
                at.column,
                error.code(),
                super::github::data(&message)
            ));
        }
    };
    Some(text + "\n")
}
