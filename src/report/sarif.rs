//! `--format sarif`: SARIF 2.1.0, one run, one rule per check, accepted findings as suppressed.

use serde_json::{Value, json};

use super::place;
use crate::check::{Report, Severity, all_checks};
use crate::i18n::{Localizer, Message};
use crate::load::Project;

pub fn render_sarif(report: &Report, project: &Project, l10n: &Localizer) -> String {
    let rules: Vec<Value> = all_checks()
        .iter()
        .map(|check| {
            json!({
                "id": check.code(),
                "name": check.name(),
                "help": { "text": l10n.format(&Message::new(check.help())) },
                "defaultConfiguration": { "level": level(check.default_severity()) },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let locations: Vec<Value> = finding
                .labels
                .iter()
                .map(|label| {
                    let at = place(project, label);
                    json!({
                        "physicalLocation": {
                            "artifactLocation": { "uri": at.file },
                            "region": {
                                "startLine": at.line, "startColumn": at.column,
                                "endLine": at.end_line, "endColumn": at.end_column,
                            },
                        },
                        "message": { "text": label.message.as_ref().map(|m| l10n.format(m)).unwrap_or_else(|| label.lang.code().to_string()) },
                    })
                })
                .collect();
            let (primary, related) = match locations.split_first() {
                Some((first, rest)) => (vec![first.clone()], rest.to_vec()),
                None => (Vec::new(), Vec::new()),
            };
            let mut result = json!({
                "ruleId": finding.code,
                "level": level(finding.severity),
                "message": { "text": l10n.format(&finding.message) },
                "locations": primary,
                "relatedLocations": related,
                "partialFingerprints": { "codepubAddress/v1": format!("{}:{}:{}", finding.code, finding.address, finding.excerpt.as_deref().unwrap_or_default()) },
            });
            if let Some(reason) = &finding.accepted {
                result["suppressions"] = json!([{ "kind": "external", "justification": reason }]);
            }
            result
        })
        .collect();
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "codepub",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/codepub/codepub",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
