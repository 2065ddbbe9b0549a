//! P014 edition-matter: each language's back cover prints the ISBN and the copyright lines
//! that `codepub.toml` gives for that edition, and no other ISBN.

use std::sync::LazyLock;

use regex::Regex;
use similar::TextDiff;

use super::{Check, Context, Draft, Label, span_in_text};
use codepub_core::i18n::Message;
use codepub_core::model::{Clause, ClauseKind, InlineKind, Lang};
use codepub_core::source::Span;

pub struct EditionMatter;

static ISBN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"ISBN\s+([0-9][0-9-]+[0-9Xx])").expect("valid regex"));

/// How alike a printed line must be to an expected copyright line to be read as a misspelling
/// of it (similar's character ratio), rather than as another line.
const MISSPELLED: f32 = 0.6;

/// One printed line of a back cover and where it is.
struct PrintedLine {
    text: String,
    span: Span,
}

impl Check for EditionMatter {
    fn code(&self) -> &'static str {
        "P014"
    }

    fn name(&self) -> &'static str {
        "edition-matter"
    }

    fn help(&self) -> &'static str {
        "help-p014"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        for lang in Lang::BOTH {
            for clause in cx.project.document(lang).clauses.iter().filter(|c| c.kind == ClauseKind::Colophon) {
                copyright_lines(cx, lang, clause, out);
                isbn(cx, lang, clause, out);
            }
        }
    }
}

/// The back cover's lines, split at line breaks, trimmed, with their spans.
fn printed_lines(cx: &Context<'_>, clause: &Clause) -> Vec<PrintedLine> {
    let mut lines = Vec::new();
    for group in clause.blocks.iter().flat_map(|b| b.inline_groups()) {
        let mut current: Vec<&codepub_core::model::Inline> = Vec::new();
        for inline in group.iter().chain(std::iter::once(&LINE_END)) {
            if matches!(inline.kind, InlineKind::SoftBreak | InlineKind::HardBreak) {
                if let (Some(first), Some(last)) = (current.first(), current.last()) {
                    let text: String =
                        current.iter().map(|i| super::text_without_refs(std::slice::from_ref(*i))).collect();
                    let span = cx.project.sources.span(first.span.file, first.span.start..last.span.end);
                    lines.push(PrintedLine { text: text.trim().to_string(), span });
                }
                current.clear();
            } else {
                current.push(inline);
            }
        }
    }
    lines
}

/// Ends the last line of an inline run.
static LINE_END: codepub_core::model::Inline = codepub_core::model::Inline {
    kind: InlineKind::HardBreak,
    span: Span { file: codepub_core::source::FileId(0), start: 0, end: 0, line: 0, column: 0 },
};

/// Each copyright line of `codepub.toml` printed as given: a misspelt one is reported at the
/// line that misspells it, a missing one at the clause's declaration.
fn copyright_lines(cx: &Context<'_>, lang: Lang, clause: &Clause, out: &mut Vec<Draft>) {
    let expected = cx.project.config.edition.copyright.get(lang);
    let lines = printed_lines(cx, clause);
    let unexplained: Vec<&PrintedLine> = lines.iter().filter(|l| !expected.contains(&l.text)).collect();
    let mut used = vec![false; unexplained.len()];
    for line in expected {
        if lines.iter().any(|l| &l.text == line) {
            continue;
        }
        let likeness = |l: &PrintedLine| TextDiff::from_chars(l.text.as_str(), line.as_str()).ratio();
        let closest = unexplained
            .iter()
            .enumerate()
            .filter(|(i, l)| !used[*i] && likeness(l) >= MISSPELLED)
            .max_by(|(_, a), (_, b)| likeness(a).total_cmp(&likeness(b)));
        let draft = match closest {
            Some((i, printed)) => {
                used[i] = true;
                Draft::new(
                    Message::new("p014-copyright-differs").arg("found", &printed.text).arg("line", line),
                    &clause.id.0,
                    Some(lang),
                )
                .label(Label::new(lang, &printed.span).with(Message::new("label-expected").arg("text", line)))
            }
            None => Draft::new(Message::new("p014-copyright-missing").arg("line", line), &clause.id.0, Some(lang))
                .label(Label::new(lang, &clause.span)),
        };
        out.push(draft.excerpt(line));
    }
}

/// The ISBN of `codepub.toml` printed, and no other: a wrong ISBN is reported at itself, once;
/// a missing one at the clause's declaration.
fn isbn(cx: &Context<'_>, lang: Lang, clause: &Clause, out: &mut Vec<Draft>) {
    // A publication without an ISBN in codepub.toml has none to check.
    let Some(isbn) = &cx.project.config.edition.isbn else { return };
    let mut printed: Vec<(String, Span)> = Vec::new();
    for group in clause.blocks.iter().flat_map(|b| b.inline_groups()) {
        codepub_core::model::walk_inlines(group, &mut |inline| {
            if let InlineKind::Text(text) = &inline.kind {
                for found in ISBN.captures_iter(text).filter_map(|c| c.get(1)) {
                    printed.push((found.as_str().to_string(), span_in_text(inline, found.start(), found.len())));
                }
            }
        });
    }
    if printed.is_empty() {
        out.push(
            Draft::new(Message::new("p014-isbn-missing").arg("isbn", isbn), &clause.id.0, Some(lang))
                .label(Label::new(lang, &clause.span)),
        );
    }
    for (found, span) in printed.into_iter().filter(|(found, _)| found != isbn) {
        out.push(
            Draft::new(
                Message::new("p014-isbn-differs").arg("found", &found).arg("isbn", isbn),
                &clause.id.0,
                Some(lang),
            )
            .excerpt(found)
            .label(Label::new(lang, &span).with(Message::new("label-expected").arg("text", isbn))),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    fn colophon_project(en_cover: &str, ja_cover: &str) -> codepub_core::load::Project {
        let front = "+++\nclause = \"back\"\nkind = \"colophon\"\n+++\n\n";
        project(&format!("{front}{en_cover}\n"), &format!("{front}{ja_cover}\n"))
    }

    #[test]
    fn back_covers_matching_the_metadata_pass() {
        let p = colophon_project(
            "© ISO, 2023\nAll rights reserved\nISBN 978-92-67-11315-9",
            "© ISO, 2023\n\n© ISO/JSA, 2023\n\nISBN 978-92-67-11315-9",
        );
        assert!(findings(&p, &EditionMatter).is_empty(), "{:?}", findings(&p, &EditionMatter));
    }

    #[test]
    fn a_missing_copyright_line_and_a_wrong_isbn_are_reported() {
        let p = colophon_project("© ISO, 2023\nISBN 978-92-67-11315-9", "© ISO, 2023\n\nISBN 978-92-67-11315-0");
        let ids: Vec<_> = findings(&p, &EditionMatter).iter().map(|d| d.diagnostic.message.id).collect();
        assert_eq!(ids, ["p014-copyright-missing", "p014-isbn-differs"]);
    }

    #[test]
    fn a_wrong_isbn_is_one_finding_at_the_isbn_itself() {
        let p = colophon_project(
            "© ISO, 2023\nAll rights reserved\nISBN 978-92-67-11315-8",
            "© ISO, 2023\n\n© ISO/JSA, 2023\n\nISBN 978-92-67-11315-9",
        );
        let found = findings(&p, &EditionMatter);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].diagnostic.message.id, "p014-isbn-differs");
        let span = &found[0].diagnostic.labels[0].span;
        assert_eq!((span.line, span.column), (8, 6));
        assert_eq!(span.end - span.start, "978-92-67-11315-8".len());
    }

    #[test]
    fn a_misspelt_copyright_line_is_reported_at_that_line() {
        let p = colophon_project(
            "© ISO, 2023\nAll rights reserved\nISBN 978-92-67-11315-9",
            "© ISO, 2023\n\n© ISO/JSA, 2032\n\nISBN 978-92-67-11315-9",
        );
        let found = findings(&p, &EditionMatter);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].diagnostic.message.id, "p014-copyright-differs");
        assert_eq!(found[0].diagnostic.labels[0].span.line, 8);
    }

    #[test]
    fn a_missing_isbn_is_reported_at_the_clause_key() {
        let p = colophon_project(
            "© ISO, 2023\nAll rights reserved",
            "© ISO, 2023\n\n© ISO/JSA, 2023\n\nISBN 978-92-67-11315-9",
        );
        let found = findings(&p, &EditionMatter);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].diagnostic.message.id, "p014-isbn-missing");
        assert_eq!(found[0].diagnostic.labels[0].span.line, 2);
    }
}
