//! Renders a check [`Report`](crate::check::Report) for people and machines: rustc-style text,
//! JSON, SARIF 2.1.0, GitHub workflow annotations and GitLab Code Quality reports.

mod github;
mod gitlab;
mod human;
mod input_error;
mod json;
mod sarif;
mod terminal;

pub use github::render_github;
pub use gitlab::render_gitlab;
pub use human::{render_diagnostics, render_human, render_input_error, render_skipped};
pub use input_error::render_input_error_as;
pub use json::render_json;
pub use sarif::render_sarif;

use std::collections::HashMap;

use crate::check::{Diagnostic, Finding, Label};
use codepub_core::load::Project;
use codepub_core::location::Location;

/// Output formats of `codepub check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-style text with the English and Japanese source lines.
    Human,
    /// One JSON document (its fields: docs/json.md).
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// GitLab Code Quality report (a JSON array of issues).
    Gitlab,
}

/// A label's place as file, line, column and end line/column (1-based, columns in characters).
pub struct Place<'a> {
    pub file: &'a str,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// Where a diagnostic without labels is, for the machine formats: its location (every input
/// error has one), else the project folder.
pub(crate) fn location_of(diagnostic: &Diagnostic) -> Location {
    diagnostic.location.clone().unwrap_or_else(|| Location { path: ".".into(), line: 1, column: 1 })
}

pub fn place<'a>(project: &'a Project, label: &Label) -> Place<'a> {
    let file = project.sources.get(label.span.file);
    let (end_line, end_column) = file.line_column(label.span.end);
    Place { file: &file.name, line: label.span.line, column: label.span.column, end_line, end_column }
}

/// A key per finding that survives edits elsewhere in the text: check code, language, address and
/// excerpt (never line numbers), with `~2`, `~3`… for repeated findings of the same key, so every
/// finding of a report has its own. SARIF's `partialFingerprints` and GitLab's `fingerprint` use it.
pub(crate) fn finding_keys(findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    findings
        .iter()
        .map(|finding| {
            let lang = finding.lang.map_or("-", |lang| lang.code());
            let key =
                format!("{}:{lang}:{}:{}", finding.code(), finding.address, finding.excerpt.as_deref().unwrap_or(""));
            let count = seen.entry(key.clone()).or_insert(0);
            *count += 1;
            if *count == 1 { key } else { format!("{key}~{count}") }
        })
        .collect()
}
