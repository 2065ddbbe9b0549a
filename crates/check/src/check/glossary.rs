//! P009 glossary: an English glossary term in a heading or paragraph expects its Japanese term in
//! the paired Japanese text.

use super::{Check, Context, Draft, Label, span_in_text};
use codepub_core::i18n::Message;
use codepub_core::model::{InlineKind, Lang};

pub struct GlossaryTerms;

impl Check for GlossaryTerms {
    fn code(&self) -> &'static str {
        "P009"
    }

    fn name(&self) -> &'static str {
        "glossary"
    }

    fn help(&self) -> &'static str {
        "help-p009"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        for pair in &cx.pairs {
            let Some((en, ja)) = pair.sides.both() else { continue };
            for term in &cx.project.glossary.terms {
                if !term.occurs_in_english(&en.text) || ja.text.contains(&term.ja) {
                    continue;
                }
                // Point at the term itself in the English text.
                let at = en
                    .inlines()
                    .into_iter()
                    .find_map(|inline| match &inline.kind {
                        InlineKind::Text(text) => {
                            term.find_in_english(text).map(|offset| span_in_text(inline, offset, term.en.len()))
                        }
                        _ => None,
                    })
                    .unwrap_or_else(|| en.span.clone());
                out.push(
                    Draft::new(
                        Message::new("p009-term-missing").arg("en", &term.en).arg("ja", &term.ja),
                        &pair.address,
                        Some(Lang::Ja),
                    )
                    .excerpt(&term.en)
                    .label(Label::new(Lang::Ja, ja.span).with(Message::new("label-term-expected").arg("ja", &term.ja)))
                    .label(Label::new(Lang::En, &at).with(Message::new("label-term-here").arg("en", &term.en))),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, glossary, project};

    #[test]
    fn term_translated_as_the_glossary_says_passes() {
        let mut p =
            project("# A {#a}\n\nunder the responsibility of Council.\n", "# A {#a}\n\n理事会の責任下にあります。\n");
        glossary(&mut p, "Council", "理事会");
        assert!(findings(&p, &GlossaryTerms).is_empty());
    }

    #[test]
    fn term_translated_otherwise_is_reported() {
        let mut p =
            project("# A {#a}\n\nunder the responsibility of Council.\n", "# A {#a}\n\n評議会の責任下にあります。\n");
        glossary(&mut p, "Council", "理事会");
        let found = findings(&p, &GlossaryTerms);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt.as_deref(), Some("Council"));
    }
}
