//! `--format sarif`: SARIF 2.1.0, one run, one rule per check, accepted findings as suppressed.
//!
//! Shaped for GitHub code scanning: every rule has a short and a full description and carries
//! its whole explanation inline (`help.text` and `help.markdown`, which GitHub shows beside an
//! alert: the text of `codepub explain`), with no link to a page the project may not own; columns are Unicode code points (`columnKind`), as codepub counts them; a
//! finding's first label is its location and the others (often in the other language's file)
//! are `relatedLocations`, linked from the message; `partialFingerprints` carry the check, the
//! language, the address and the excerpt, never a line number.

use serde_json::{Value, json};

use super::{finding_keys, place};
use crate::check::{Check, Diagnostic, Finding, Report, Severity, all_checks};
use crate::explain::Explanation;
use codepub_core::i18n::{Localizer, Message};
use codepub_core::load::Project;

/// Where the SARIF schema lives; the validator and editors recognise this address.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Fluent ids of a check's short and full description.
fn descriptions(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "P001" => ("p001-short", "p001-full"),
        "P002" => ("p002-short", "p002-full"),
        "P003" => ("p003-short", "p003-full"),
        "P004" => ("p004-short", "p004-full"),
        "P005" => ("p005-short", "p005-full"),
        "P006" => ("p006-short", "p006-full"),
        "P007" => ("p007-short", "p007-full"),
        "P008" => ("p008-short", "p008-full"),
        "P009" => ("p009-short", "p009-full"),
        "P010" => ("p010-short", "p010-full"),
        "P011" => ("p011-short", "p011-full"),
        "P012" => ("p012-short", "p012-full"),
        "P013" => ("p013-short", "p013-full"),
        "P014" => ("p014-short", "p014-full"),
        "P015" => ("p015-short", "p015-full"),
        "P016" => ("p016-short", "p016-full"),
        "P017" => ("p017-short", "p017-full"),
        "P018" => ("p018-short", "p018-full"),
        "P019" => ("p019-short", "p019-full"),
        "P020" => ("p020-short", "p020-full"),
        "P021" => ("p021-short", "p021-full"),
        "P022" => ("p022-short", "p022-full"),
        "P023" => ("p023-short", "p023-full"),
        "P024" => ("p024-short", "p024-full"),
        "P025" => ("p025-short", "p025-full"),
        "P026" => ("p026-short", "p026-full"),
        _ => return None,
    })
}

fn rule(check: &dyn Check, l10n: &Localizer) -> Value {
    let help = l10n.format(&Message::new(check.help()));
    let (short, full) = match descriptions(check.code()) {
        Some((short, full)) => (l10n.format(&Message::new(short)), l10n.format(&Message::new(full))),
        None => (check.name().to_string(), help.clone()),
    };
    let help = match Explanation::of(check, l10n) {
        Some(explanation) => json!({ "text": explanation.to_text(l10n), "markdown": explanation.to_markdown(l10n) }),
        None => json!({ "text": help }),
    };
    json!({
        "id": check.code(),
        "name": check.name(),
        "shortDescription": { "text": short },
        "fullDescription": { "text": full },
        "help": help,
        "defaultConfiguration": { "level": level(check.default_severity()) },
    })
}

/// The `tool` object: codepub and its rules (GitHub wants the rules even in a run without results).
pub(super) fn tool(l10n: &Localizer) -> Value {
    let rules: Vec<Value> = all_checks().iter().map(|check| rule(check.as_ref(), l10n)).collect();
    json!({ "driver": {
        "name": "codepub",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    }})
}

/// Escapes text for a SARIF message that may hold embedded links (`[text](id)`).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn physical(uri: &str, region: Value) -> Value {
    json!({ "artifactLocation": { "uri": uri }, "region": region })
}

/// A diagnostic's places, the one way each is placed (findings and input errors alike): its
/// primary location, the related ones and the message's links to them. Its labels in
/// `project`'s sources (each with its language and message), else its location, else
/// `codepub.toml` (a finding about the configuration has no place in a source).
pub(super) fn locations(diagnostic: &Diagnostic, project: Option<&Project>, l10n: &Localizer) -> Places {
    let mut places = Places::default();
    let labels = project.map(|project| diagnostic.labels.iter().map(move |label| (place(project, label), label)));
    for (i, (at, label)) in labels.into_iter().flatten().enumerate() {
        let text = match &label.message {
            Some(message) => format!("{}: {}", label.lang, l10n.format(message)),
            None => label.lang.code().to_string(),
        };
        let region = json!({
            "startLine": at.line, "startColumn": at.column,
            "endLine": at.end_line, "endColumn": at.end_column,
        });
        let mut location = json!({ "physicalLocation": physical(at.file, region), "message": { "text": text } });
        if i == 0 {
            places.primary.push(location);
        } else {
            location["id"] = json!(i);
            places.links.push(format!("[{}]({i})", escape(&text)));
            places.related.push(location);
        }
    }
    if places.primary.is_empty() {
        let (uri, line, column) = match &diagnostic.location {
            Some(at) => (at.path.as_str(), at.line, at.column),
            None => (codepub_core::config::CONFIG_FILE, 1, 1),
        };
        let region = json!({ "startLine": line, "startColumn": column });
        places.primary.push(json!({ "physicalLocation": physical(uri, region) }));
    }
    places
}

/// Where a diagnostic is, as SARIF says it.
#[derive(Default)]
pub(super) struct Places {
    /// The one location (SARIF's `locations`).
    pub primary: Vec<Value>,
    pub related: Vec<Value>,
    /// `[text](id)` for each related location, for the message.
    pub links: Vec<String>,
}

fn result(finding: &Finding, fingerprint: &str, project: &Project, l10n: &Localizer) -> Value {
    let Places { primary: locations, related, links } = locations(&finding.diagnostic, Some(project), l10n);
    let mut text = format!("{} ({})", escape(&l10n.format(finding.message())), escape(&finding.address.to_string()));
    if !links.is_empty() {
        text.push_str(&format!(" — {}", links.join(", ")));
    }
    let mut result = json!({
        "ruleId": finding.code(),
        "level": level(finding.severity()),
        "message": { "text": text },
        "locations": locations,
        "partialFingerprints": { "codepubFinding/v1": fingerprint },
        "properties": { "address": finding.address },
    });
    if let Some(lang) = finding.lang {
        result["properties"]["lang"] = json!(lang.code());
    }
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if let Some(reason) = &finding.accepted {
        result["suppressions"] = json!([{ "kind": "external", "justification": reason }]);
    }
    result
}

pub fn render_sarif(report: &Report, project: &Project, l10n: &Localizer) -> String {
    let keys = finding_keys(&report.findings);
    let results: Vec<Value> =
        report.findings.iter().zip(&keys).map(|(finding, key)| result(finding, key, project, l10n)).collect();
    let mut document = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": tool(l10n),
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    // The baseline's problems are about the tool's configuration, not the text: notifications
    // at the entries' lines.
    let notifications: Vec<Value> = (report.baseline.iter().zip(report.baseline_diagnostics(project)))
        .map(|(warning, diagnostic)| {
            let mut text = l10n.format(&diagnostic.message);
            if let Some(help) = &diagnostic.help {
                text.push_str(&format!(" — {}", l10n.format(help)));
            }
            json!({
                "level": level(warning.severity),
                "descriptor": { "id": format!("baseline-{}", warning.problem.name()) },
                "message": { "text": text },
                "locations": locations(&diagnostic, None, l10n).primary,
            })
        })
        .collect();
    if !notifications.is_empty() {
        document["runs"][0]["invocations"] = json!([{
            "executionSuccessful": true,
            "toolConfigurationNotifications": notifications,
        }]);
    }
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_has_a_short_and_a_full_description() {
        for check in all_checks() {
            assert!(descriptions(check.code()).is_some(), "{} has no descriptions", check.code());
        }
    }

    #[test]
    fn every_rule_carries_its_explanation_inline_and_links_nowhere() {
        let l10n = Localizer::new(codepub_core::i18n::UiLang::English);
        let tool = tool(&l10n);
        assert!(tool["driver"].get("informationUri").is_none());
        for rule in tool["driver"]["rules"].as_array().unwrap() {
            assert!(rule.get("helpUri").is_none(), "{rule}");
            let markdown = rule["help"]["markdown"].as_str().unwrap_or_default();
            assert!(markdown.contains("```markdown"), "{}: no examples in {markdown}", rule["id"]);
            assert!(rule["help"]["text"].as_str().unwrap_or_default().contains(rule["id"].as_str().unwrap()));
        }
    }

    #[test]
    fn message_text_escapes_brackets_so_only_links_are_links() {
        assert_eq!(escape(r"[^1] a\b"), r"\[^1\] a\\b");
    }
}
