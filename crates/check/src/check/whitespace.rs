//! P010 whitespace: lines holding only whitespace, trailing spaces, spaces leading a paragraph
//! line, and doubled spaces inside text, found in the source lines themselves.

use super::{Check, Context, Draft, Label, UnitKind};
use codepub_core::i18n::Message;
use codepub_core::model::Lang;
use codepub_core::source::FileId;

pub struct Whitespace;

impl Check for Whitespace {
    fn code(&self) -> &'static str {
        "P010"
    }

    fn name(&self) -> &'static str {
        "whitespace"
    }

    fn help(&self) -> &'static str {
        "help-p010"
    }

    fn default_severity(&self) -> super::Severity {
        super::Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        for lang in Lang::BOTH {
            let mut units = cx.units(lang);
            units.sort_by_key(|(_, u)| (u.span.file, u.span.start));
            let mut files: Vec<FileId> = cx.project.document(lang).clauses.iter().map(|c| c.span.file).collect();
            files.dedup();
            for file in files {
                let source = cx.project.sources.get(file);
                // Units do not overlap, so one sweep over the lines finds each line's unit.
                let in_file: Vec<_> = units.iter().filter(|(_, u)| u.span.file == file).collect();
                let mut cursor = 0;
                for index in 0..source.line_count() {
                    let Some(range) = source.line_range(index) else { continue };
                    let line = &source.text[range.clone()];
                    while in_file.get(cursor).is_some_and(|(_, u)| u.span.end <= range.start) {
                        cursor += 1;
                    }
                    let holder = in_file.get(cursor).filter(|(_, u)| u.span.start <= range.start);
                    // The unit holding this line, or else the next one: the address a reader looks at.
                    let address = || {
                        holder
                            .or_else(|| in_file[cursor..].iter().find(|(_, u)| u.span.start >= range.end))
                            .map_or_else(|| format!("{}:{}", source.name, index + 1), |(a, _)| a.to_string())
                    };
                    let mut report = |message: &'static str, start: usize, end: usize| {
                        let span = cx.project.sources.span(file, range.start + start..range.start + end);
                        out.push(
                            Draft::new(Message::new(message), address(), Some(lang))
                                .excerpt(message.trim_start_matches("p010-"))
                                .label(Label::new(lang, &span)),
                        );
                    };
                    if line.is_empty() {
                        continue;
                    }
                    if line.trim().is_empty() {
                        report("p010-whitespace-line", 0, line.len());
                        continue;
                    }
                    let trimmed_end = line.trim_end();
                    if trimmed_end.len() < line.len() {
                        report("p010-trailing", trimmed_end.len(), line.len());
                    }
                    let in_paragraph = holder.is_some_and(|(_, u)| u.kind == UnitKind::Paragraph);
                    let indent = line.len() - line.trim_start().len();
                    if in_paragraph && indent > 0 {
                        report("p010-leading", 0, indent);
                    }
                    if holder.is_some_and(|(_, u)| u.kind != UnitKind::Other)
                        && let Some(at) = trimmed_end[indent..].find("  ")
                    {
                        report("p010-double-space", indent + at, indent + at + 2);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    fn found(en: &str) -> Vec<(&'static str, String, u32)> {
        let p = project(en, "# A {#a}\n\nエ。\n");
        findings(&p, &Whitespace)
            .into_iter()
            .filter(|d| d.lang == Some(Lang::En))
            .map(|d| (d.diagnostic.message.id, d.address.to_string(), d.diagnostic.labels[0].span.line))
            .collect()
    }

    #[test]
    fn a_line_of_only_spaces_is_reported_against_the_next_paragraph() {
        assert_eq!(found("# A {#a}\n\n \nWe act.\n"), [("p010-whitespace-line", "a#1".to_string(), 3)]);
    }

    #[test]
    fn trailing_leading_and_doubled_spaces_are_reported() {
        let ids: Vec<_> = found("# A {#a}\n\nWe  act. \n and more.\n").into_iter().map(|(id, _, _)| id).collect();
        assert_eq!(ids, ["p010-trailing", "p010-double-space", "p010-leading"]);
    }

    #[test]
    fn clean_text_reports_nothing() {
        assert!(found("# A {#a}\n\nWe act.\n\n- one\n- two\n").is_empty());
    }
}
