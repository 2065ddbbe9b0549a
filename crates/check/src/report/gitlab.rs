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
use crate::check::{Report, Severity};
use codepub_core::i18n::Localizer;
use codepub_core::load::Project;

/// The fingerprint of a finding key: lowercase hex SHA-256.
pub(super) fn fingerprint(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// One Code Quality issue.
pub(super) fn issue(description: String, check: &str, key: &str, severity: &str, path: &str, line: u32) -> Value {
    json!({
        "description": description,
        "check_name": check,
        "fingerprint": fingerprint(key),
        "severity": severity,
        "location": { "path": path, "lines": { "begin": line } },
    })
}

pub fn render_gitlab(report: &Report, project: &Project, l10n: &Localizer) -> String {
    let keys = finding_keys(&report.findings);
    let issues: Vec<Value> = report
        .findings
        .iter()
        .zip(&keys)
        .filter(|(finding, _)| finding.accepted.is_none())
        .map(|(finding, key)| {
            let severity = match finding.severity() {
                Severity::Error => "major",
                Severity::Warning => "minor",
            };
            let (path, line) = match finding.labels().first() {
                Some(label) => {
                    let at = place(project, label);
                    (at.file, at.line)
                }
                // A finding about the configuration: no place in a source.
                None => (codepub_core::config::CONFIG_FILE, 1),
            };
            let description = format!(
                "{} {}: {} ({}) — {}",
                finding.code(),
                finding.check,
                l10n.format(finding.message()),
                finding.address,
                l10n.format(finding.help())
            );
            issue(description, finding.code(), key, severity, path, line)
        })
        .collect();
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
