//! P017 unicode-normalization: a source not in Unicode normal form ([`codepub_core::nfc`]: NFC, CJK
//! compatibility ideographs kept), such as a file saved in NFD. One finding per file, a
//! warning: codepub already reads the file normalised, so the checks, the translation record
//! and the editions are right; what is left wrong is the file itself, for every other tool
//! (a search, a diff, a translator's tool) that sees `か` and U+3099 where `が` looks the same.
//! The finding points at the first decomposed character; its fix rewrites the stretch from
//! the first to the last one, normalised.
//!
//! Its own code rather than part of P016: nothing is hidden or wrong in what a reader sees,
//! the fix is one edit of the file and not the removal of a character, and a publisher may
//! accept one and not the other.

use super::{Check, Context, Draft, Fix, Label, Severity};
use codepub_core::i18n::Message;
use codepub_core::model::Lang;
use codepub_core::nfc::not_normalized;

pub struct UnicodeNormalization;

impl Check for UnicodeNormalization {
    fn code(&self) -> &'static str {
        "P017"
    }

    fn name(&self) -> &'static str {
        "unicode-normalization"
    }

    fn help(&self) -> &'static str {
        "help-p017"
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let sources = &cx.project.sources;
        for lang in Lang::BOTH {
            for &file in cx.project.files.get(lang) {
                let source = sources.get(file);
                if source.is_normalized() {
                    continue;
                }
                let Some(found) = not_normalized(&source.text) else { continue };
                let first = sources.span(file, found.first.clone());
                let composed = codepub_core::nfc::normalize(&source.text[found.first.clone()]).into_owned();
                let message =
                    Message::new("p017-not-normalized").arg("file", &source.name).num("count", found.count as i64);
                out.push(
                    Draft::new(message, cx.address_at(lang, file, found.first.start), Some(lang))
                        .label(Label::new(lang, &first))
                        .note(Message::new("p017-read-as").arg("composed", composed))
                        .fix(Some(Fix { span: sources.span(file, found.range), replacement: found.replacement })),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    const NFD_GAKUSEI: &str = "\u{304B}\u{3099}\u{304F}\u{305B}\u{3044}";

    #[test]
    fn a_decomposed_file_is_one_finding_at_its_first_decomposed_character() {
        let ja = format!("# エー {{#a}}\n\n{NFD_GAKUSEI}と{NFD_GAKUSEI}。\n");
        let p = project("# A {#a}\n\nStudents.\n", &ja);
        let found = findings(&p, &UnicodeNormalization);
        assert_eq!(found.len(), 1);
        let label = &found[0].diagnostic.labels[0].span;
        assert_eq!((found[0].lang, label.line, label.column), (Some(Lang::Ja), 3, 1));
        assert_eq!(found[0].address.to_string(), "a#1");
        let fix = found[0].diagnostic.fix.as_ref().unwrap();
        let mut text = p.sources.get(fix.span.file).text.clone();
        text.replace_range(fix.span.range(), &fix.replacement);
        assert_eq!(text, "# エー {#a}\n\nがくせいとがくせい。\n");
    }

    #[test]
    fn composed_files_and_compatibility_ideographs_pass() {
        let p = project("# A {#a}\n\nCafé.\n", "# エー {#a}\n\n\u{FA19}社とがくせい。\n");
        assert!(findings(&p, &UnicodeNormalization).is_empty());
    }
}
