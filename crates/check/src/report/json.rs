//! `--format json`: one JSON document, stable field names (documented in docs/json.md).

use serde_json::{Value, json};

use super::place;
use crate::check::{Diagnostic, Report, Severity};
use codepub_core::i18n::Localizer;
use codepub_core::load::Project;

/// Version of the JSON layout; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;

/// A diagnostic's own fields, the one way each is written (findings and input errors alike):
/// its code, message and help, and its place: the labels in `project`'s sources (each with its
/// language, span and message), or, for a diagnostic of no loaded project, the file, line and
/// column of its location.
pub(super) fn described(diagnostic: &Diagnostic, project: Option<&Project>, l10n: &Localizer) -> Value {
    let mut object = json!({
        "code": diagnostic.code.unwrap_or_default(),
        "message": l10n.format(&diagnostic.message),
        "help": diagnostic.help.as_ref().map(|help| l10n.format(help)),
    });
    match project {
        Some(project) => {
            let labels: Vec<Value> = (diagnostic.labels.iter())
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
            object["labels"] = json!(labels);
        }
        None => {
            let at = super::location_of(diagnostic);
            object["file"] = json!(at.path);
            object["line"] = json!(at.line);
            object["column"] = json!(at.column);
        }
    }
    object
}

pub fn render_json(report: &Report, project: &Project, l10n: &Localizer) -> String {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let mut object = described(&finding.diagnostic, Some(project), l10n);
            let fields = json!({
                "check": finding.check,
                "severity": finding.severity(),
                "address": finding.address,
                "lang": finding.lang,
                "excerpt": finding.excerpt,
                "values": finding.values,
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
                // The baseline entry that accepted this finding before it changed.
                "changed_acceptance": finding.changed.map(|i| {
                    let entry = &project.baseline.entries[i];
                    json!({ "file": entry.at.path, "line": entry.at.line, "reason": entry.reason })
                }),
            });
            if let (Value::Object(object), Value::Object(fields)) = (&mut object, fields) {
                object.extend(fields);
            }
            object
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
    // Every problem of the baseline (unused entries, entries without values, placeholder
    // reasons), as diagnostics at the entries' lines.
    let baseline: Vec<Value> = (report.baseline.iter())
        .map(|warning| {
            let mut object = described(&warning.diagnostic(report, project), None, l10n);
            let entry = &project.baseline.entries[warning.entry];
            object["severity"] = json!(warning.severity);
            object["problem"] = json!(warning.problem.name());
            object["check"] = json!(entry.check);
            object["address"] = json!(entry.address);
            object
        })
        .collect();
    let of_baseline = |severity| report.baseline.iter().filter(|w| w.severity == severity).count();
    let document = json!({
        "version": JSON_VERSION,
        "findings": findings,
        "unused_baseline": unused,
        "baseline": baseline,
        "summary": {
            "errors": report.count(Severity::Error, false) + of_baseline(Severity::Error),
            "warnings": report.count(Severity::Warning, false) + of_baseline(Severity::Warning),
            "accepted": report.findings.iter().filter(|f| f.accepted.is_some()).count(),
            "failed": report.fails(),
        },
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
