//! `--format gitlab`: a GitLab Code Quality report, the JSON array of issues that a job's
//! `artifacts:reports:codequality` reads. Each issue has `description`, `check_name` (the check's
//! code), `fingerprint`, `severity` and `location` (`path`, `lines.begin`).
//!
//! Errors are `major`, warnings `minor` (`critical` and `blocker` are left to input errors, which
//! stop the run: `blocker`). Accepted findings are left out: the publisher has accepted them, and
//! GitLab lists every issue of the report as one to fix. Fingerprints are SHA-256 of the finding's
//! key (check, language, address, excerpt; see `finding_keys`): unique within a report and stable
//! while the text around the finding changes.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{finding_keys, place};
use crate::check::{Diagnostic, Report, Severity};
use codepub_core::i18n::Localizer;
use codepub_core::load::Project;

/// The fingerprint of a finding key: lowercase hex SHA-256.
pub(super) fn fingerprint(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// One diagnostic as a Code Quality issue, the one way each is written (findings and input
/// errors alike): `head`, then its help; at the line of its primary label in `project`'s
/// sources, else of its location, else line 1 of `codepub.toml` (a finding about the
/// configuration has no place in a source); fingerprinted by `key`.
pub(super) fn issue(
    diagnostic: &Diagnostic,
    project: Option<&Project>,
    head: String,
    key: &str,
    severity: &str,
    l10n: &Localizer,
) -> Value {
    let (path, line) = match (project.zip(diagnostic.labels.first()), &diagnostic.location) {
        (Some((project, label)), _) => {
            let at = place(project, label);
            (at.file.to_string(), at.line)
        }
        (None, Some(at)) => (at.path.clone(), at.line),
        (None, None) => (codepub_core::config::CONFIG_FILE.to_string(), 1),
    };
    let description = match &diagnostic.help {
        Some(help) => format!("{head} — {}", l10n.format(help)),
        None => head,
    };
    json!({
        "description": description,
        "check_name": diagnostic.code.unwrap_or_default(),
        "fingerprint": fingerprint(key),
        "severity": severity,
        "location": { "path": path, "lines": { "begin": line } },
    })
}

pub fn render_gitlab(report: &Report, project: &Project, l10n: &Localizer) -> String {
    let keys = finding_keys(&report.findings);
    let mut issues: Vec<Value> = report
        .findings
        .iter()
        .zip(&keys)
        .filter(|(finding, _)| finding.accepted.is_none())
        .map(|(finding, key)| {
            let severity = match finding.severity() {
                Severity::Error => "major",
                Severity::Warning => "minor",
            };
            let head = format!(
                "{} {}: {} ({})",
                finding.code(),
                finding.check,
                l10n.format(finding.message()),
                finding.address
            );
            issue(&finding.diagnostic, Some(project), head, key, severity, l10n)
        })
        .collect();
    // The baseline's problems, at the entries' lines, keyed by the entry's place and problem.
    for (warning, diagnostic) in report.baseline.iter().zip(report.baseline_diagnostics(project)) {
        let entry = &project.baseline.entries[warning.entry];
        let head = l10n.format(&diagnostic.message);
        let key = format!("baseline:{}:{}:{}:{}", warning.problem.name(), entry.check, entry.address, entry.at.line);
        let severity = if warning.severity == Severity::Error { "major" } else { "minor" };
        let mut issue = issue(&diagnostic, None, head, &key, severity, l10n);
        issue["check_name"] = json!("baseline");
        issues.push(issue);
    }
    serde_json::to_string_pretty(&issues).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_hex_sha256_of_the_key() {
        let print = fingerprint("P004:ja:principle-2#4:");
        assert_eq!(print.len(), 64);
        assert!(print.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_ne!(print, fingerprint("P004:en:principle-2#4:"));
    }
}
