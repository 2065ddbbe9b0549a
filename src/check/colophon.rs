//! P014 edition-matter: each language's back cover prints the ISBN and the copyright lines
//! that `codepub.toml` gives for that edition, and no other ISBN.

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, Context, Draft, Label};
use crate::i18n::Message;
use crate::model::{ClauseKind, Lang};

pub struct EditionMatter;

static ISBN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"ISBN\s+([0-9][0-9-]+[0-9Xx])").expect("valid regex"));

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
        let edition = &cx.project.config.edition;
        for lang in Lang::BOTH {
            for clause in cx.project.document(lang).clauses.iter().filter(|c| c.kind == ClauseKind::Colophon) {
                let lines: Vec<String> = clause
                    .blocks
                    .iter()
                    .flat_map(|b| b.inline_groups())
                    .flat_map(|g| {
                        let mut lines = vec![String::new()];
                        for inline in g {
                            match &inline.kind {
                                crate::model::InlineKind::SoftBreak | crate::model::InlineKind::HardBreak => {
                                    lines.push(String::new())
                                }
                                _ => {
                                    if let Some(last) = lines.last_mut() {
                                        last.push_str(&super::text_without_refs(std::slice::from_ref(inline)))
                                    }
                                }
                            }
                        }
                        lines
                    })
                    .map(|l| l.trim().to_string())
                    .collect();
                let text = lines.join("\n");
                for line in edition.copyright.get(lang) {
                    if !lines.contains(line) {
                        out.push(
                            Draft::new(
                                Message::new("p014-copyright-missing").arg("line", line),
                                &clause.id.0,
                                Some(lang),
                            )
                            .excerpt(line)
                            .label(Label::new(lang, &clause.span)),
                        );
                    }
                }
                let isbns: Vec<&str> = ISBN.captures_iter(&text).filter_map(|c| c.get(1)).map(|m| m.as_str()).collect();
                if !isbns.contains(&edition.isbn.as_str()) {
                    out.push(
                        Draft::new(
                            Message::new("p014-isbn-missing").arg("isbn", &edition.isbn),
                            &clause.id.0,
                            Some(lang),
                        )
                        .label(Label::new(lang, &clause.span)),
                    );
                }
                for other in isbns.into_iter().filter(|i| *i != edition.isbn) {
                    out.push(
                        Draft::new(
                            Message::new("p014-isbn-differs").arg("found", other).arg("isbn", &edition.isbn),
                            &clause.id.0,
                            Some(lang),
                        )
                        .excerpt(other)
                        .label(Label::new(lang, &clause.span)),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    fn colophon_project(en_cover: &str, ja_cover: &str) -> crate::load::Project {
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
        let ids: Vec<_> = findings(&p, &EditionMatter).iter().map(|d| d.message.id).collect();
        assert_eq!(ids, ["p014-copyright-missing", "p014-isbn-missing", "p014-isbn-differs"]);
    }
}
