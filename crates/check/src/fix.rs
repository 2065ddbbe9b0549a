//! `codepub check --fix`: applies the machine-applicable fixes of a check report to the sources.
//! Findings the baseline accepts are never touched; where fixes overlap in a file, the ones that
//! do not are applied, from the end of the file backwards; every file is rewritten atomically.

use std::collections::BTreeMap;
use std::path::Path;

use crate::check::{Fix, Report};
use codepub_core::load::Project;
use codepub_core::source::FileId;

/// One edit made to a source: where it was (1-based line, character column) and what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub old: String,
    pub new: String,
}

/// Why a file could not be fixed: its shown path and the I/O error.
#[derive(Debug)]
pub struct FixError {
    pub path: String,
    pub error: std::io::Error,
}

/// The fixes to apply, per file, in the order they are applied (from the end of the file
/// backwards): those of findings the baseline does not accept, overlapping ones left out.
pub fn plan(report: &Report) -> BTreeMap<FileId, Vec<Fix>> {
    let mut by_file: BTreeMap<FileId, Vec<Fix>> = BTreeMap::new();
    for finding in report.findings.iter().filter(|f| f.accepted.is_none()) {
        if let Some(fix) = finding.fix() {
            by_file.entry(fix.span.file).or_default().push(fix.clone());
        }
    }
    for fixes in by_file.values_mut() {
        fixes.sort_by_key(|fix| std::cmp::Reverse((fix.span.start, fix.span.end)));
        let mut kept: Vec<Fix> = Vec::new();
        for fix in fixes.drain(..) {
            let fits = kept.last().is_none_or(|last| {
                let same_point = fix.span.start == fix.span.end && last.span.start == last.span.end;
                fix.span.end <= last.span.start && !(same_point && fix.span.start == last.span.start)
            });
            if fits {
                kept.push(fix);
            }
        }
        *fixes = kept;
    }
    by_file.retain(|_, fixes| !fixes.is_empty());
    by_file
}

/// Applies the planned fixes to the project's sources under `root` and returns what changed.
/// A file changed on disk since it was loaded is left alone and reported as an error.
pub fn apply(project: &Project, root: &Path, report: &Report) -> Result<Vec<Applied>, FixError> {
    let mut applied = Vec::new();
    for (file_id, fixes) in plan(report) {
        let source = project.sources.get(file_id);
        let path = root.join(&source.name);
        let error = |error| FixError { path: source.name.clone(), error };
        let on_disk = std::fs::read(&path).map_err(error)?;
        if on_disk != source.text.as_bytes() {
            return Err(error(std::io::Error::other("changed on disk since it was checked; run the check again")));
        }
        let mut text = source.text.clone();
        let mut changes = Vec::new();
        for fix in fixes {
            let range = fix.span.range();
            if range.end > text.len() || !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
                continue;
            }
            let (line, column) = source.line_column(range.start);
            let old = text[range.clone()].to_string();
            text.replace_range(range, &fix.replacement);
            changes.push(Applied { file: source.name.clone(), line, column, old, new: fix.replacement });
        }
        codepub_core::write::write_file_atomic(&path, text.as_bytes()).map_err(error)?;
        changes.reverse();
        applied.extend(changes);
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Diagnostic, Finding};
    use codepub_core::i18n::Message;
    use codepub_core::source::Span;

    fn finding(start: usize, end: usize, replacement: &str, accepted: bool) -> Finding {
        let span = Span { file: FileId(0), start, end, line: 1, column: start as u32 + 1 };
        let diagnostic = Diagnostic::error(Message::new("p007-half-width"))
            .code("P007")
            .help(Message::new("help-p007"))
            .fix(Some(Fix { span, replacement: replacement.into() }));
        Finding {
            diagnostic,
            check: "half-width-punctuation",
            address: "a#1".into(),
            lang: None,
            excerpt: None,
            values: Vec::new(),
            accepted: accepted.then(|| "as published".to_string()),
            changed: None,
        }
    }

    fn planned(findings: Vec<Finding>) -> Vec<(usize, usize, String)> {
        let report = Report { findings, ..Report::default() };
        plan(&report).into_values().flatten().map(|fix| (fix.span.start, fix.span.end, fix.replacement)).collect()
    }

    #[test]
    fn fixes_are_planned_from_the_end_of_the_file_backwards() {
        let found = planned(vec![finding(1, 2, "、", false), finding(9, 10, "。", false), finding(5, 5, "：", false)]);
        assert_eq!(found, [(9, 10, "。".into()), (5, 5, "：".into()), (1, 2, "、".into())]);
    }

    #[test]
    fn overlapping_fixes_keep_the_later_one_only() {
        let found = planned(vec![finding(2, 6, "x", false), finding(4, 8, "y", false), finding(8, 8, "z", false)]);
        assert_eq!(found, [(8, 8, "z".into()), (4, 8, "y".into())]);
        let twice = planned(vec![finding(3, 3, "。", false), finding(3, 3, "。", false)]);
        assert_eq!(twice, [(3, 3, "。".into())]);
    }

    #[test]
    fn accepted_findings_are_never_fixed() {
        assert!(planned(vec![finding(1, 2, "、", true)]).is_empty());
    }
}
