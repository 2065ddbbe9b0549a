//! P008 untranslated: a Japanese heading or paragraph with no Japanese script at all, unless it
//! matches the project's allow-list (names, addresses, ISBN).

use regex::Regex;

use super::{Check, Context, Draft, Label};
use codepub_core::i18n::Message;
use codepub_core::model::Lang;
use codepub_core::script::has_japanese_script;

pub struct Untranslated;

impl Check for Untranslated {
    fn code(&self) -> &'static str {
        "P008"
    }

    fn name(&self) -> &'static str {
        "untranslated"
    }

    fn help(&self) -> &'static str {
        "help-p008"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        // Invalid patterns are reported once and otherwise ignored.
        let mut allow = Vec::new();
        for pattern in &cx.project.config.check.untranslated.allow {
            match Regex::new(pattern) {
                Ok(regex) => allow.push(regex),
                Err(_) => {
                    out.push(Draft::new(Message::new("p008-bad-pattern").arg("pattern", pattern), "codepub.toml", None))
                }
            }
        }
        for pair in cx.pairs.iter().filter(|p| !cx.unmatched.contains(&p.address)) {
            let Some(ja) = &pair.sides.ja else { continue };
            let text = ja.text.trim();
            if text.is_empty() || has_japanese_script(text) || allow.iter().any(|r| r.is_match(text)) {
                continue;
            }
            let same_as_english = pair.sides.en.as_ref().is_some_and(|en| en.text.trim() == text);
            let id = if same_as_english { "p008-same-as-english" } else { "p008-no-japanese" };
            let mut draft =
                Draft::new(Message::new(id), &pair.address, Some(Lang::Ja)).label(Label::new(Lang::Ja, ja.span));
            if let Some(en) = &pair.sides.en {
                draft = draft.label(Label::new(Lang::En, en.span));
            }
            out.push(draft);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project, project_with};

    #[test]
    fn english_left_in_the_japanese_text_is_reported() {
        let p = project("# A {#a}\n\nWe act.\n", "# A {#a}\n\nWe act.\n");
        let found = findings(&p, &Untranslated);
        assert_eq!(
            found.iter().map(|d| d.diagnostic.message.id).collect::<Vec<_>>(),
            ["p008-same-as-english", "p008-same-as-english"]
        );
    }

    #[test]
    fn allow_listed_text_is_accepted() {
        let p = project_with(
            "# ISO/CS {#a}\n\nISBN 978-92-67-11315-9\n",
            "# ISO/CS {#a}\n\nISBN 978-92-67-11315-9\n",
            "[check.untranslated]\nallow = [\"^ISO(/[A-Z]+)?$\", \"^ISBN [0-9-]+$\"]\n",
        );
        assert!(findings(&p, &Untranslated).is_empty());
    }

    #[test]
    fn translated_text_passes() {
        let p = project("# A {#a}\n\nWe act.\n", "# ア {#a}\n\n行動します。\n");
        assert!(findings(&p, &Untranslated).is_empty());
    }
}
