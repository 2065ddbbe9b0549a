//! `--format json`: one JSON document, stable field names (documented in docs/json.md).

use serde_json::{Value, json};

use super::place;
use crate::check::Report;
use codepub_core::i18n::Localizer;
use codepub_core::load::Project;

/// Version of the JSON layout; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;

pub fn render_json(report: &Report, project: &Project, l10n: &Localizer) -> String {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let labels: Vec<Value> = finding
                .labels()
                .iter()
                .map(|label| {
                    let at = place(project, label);
                    json!({
                        "lang": label.lang,
                        "file": at.file,
                        "line": at.line,
                        "column": at.column,
                        "end_line": at.end_line,
                        "end_column": at.end_column,
                        "byte_start": label.span.start,
                        "byte_end": label.span.end,
                        "message": label.message.as_ref().map(|m| l10n.format(m)),
                    })
                })
                .collect();
            json!({
                "code": finding.code(),
                "check": finding.check,
                "severity": finding.severity(),
                "message": l10n.format(finding.message()),
                "help": l10n.format(finding.help()),
                "address": finding.address,
                "lang": finding.lang,
                "excerpt": finding.excerpt,
                "labels": labels,
                "notes": finding.notes().iter().map(|n| l10n.format(n)).collect::<Vec<_>>(),
                // Accepted findings are never to be fixed: they carry no fix.
                "fix": finding.fix().filter(|_| finding.accepted.is_none()).map(|fix| {
                    let file = project.sources.get(fix.span.file);
                    let (end_line, end_column) = file.line_column(fix.span.end);
                    json!({
                        "file": file.name,
                        "line": fix.span.line,
                        "column": fix.span.column,
                        "end_line": end_line,
                        "end_column": end_column,
                        "byte_start": fix.span.start,
                        "byte_end": fix.span.end,
                        "replacement": fix.replacement,
                    })
                }),
                "accepted": finding.accepted.is_some(),
                "reason": finding.accepted,
            })
        })
        .collect();
    let unused: Vec<Value> = report
        .unused_baseline
        .iter()
        .map(|&i| {
            let entry = &project.baseline.entries[i];
            json!({ "check": entry.check, "address": entry.address, "file": entry.at.path, "line": entry.at.line })
        })
        .collect();
    let document = json!({
        "version": JSON_VERSION,
        "findings": findings,
        "unused_baseline": unused,
        "summary": {
            "errors": report.count(crate::check::Severity::Error, false),
            "warnings": report.count(crate::check::Severity::Warning, false),
            "accepted": report.findings.iter().filter(|f| f.accepted.is_some()).count(),
            "failed": report.failing().next().is_some(),
        },
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
