//! P006 final-punctuation: a paragraph (or list item) ends the same way in both languages:
//! `.` ↔ `。`, `:` ↔ `：`, `?` ↔ `？`, `!` ↔ `！`, or neither ends in punctuation.

use super::{Check, Context, Draft, Label, UnitKind, span_in_text, text_without_refs};
use crate::i18n::Message;
use crate::model::Lang;
use crate::model::{Inline, InlineKind, walk_inlines};
use crate::source::Span;

pub struct FinalPunctuation;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    FullStop,
    Colon,
    Question,
    Exclamation,
    Semicolon,
    None,
}

/// How a text ends, looking past closing brackets and quotes and trailing whitespace.
fn ending(text: &str) -> (Ending, Option<char>) {
    let last = text
        .trim_end()
        .trim_end_matches([')', '）', '」', '』', '"', '”', '’', '\'', ']', '】', '*', '_'])
        .trim_end()
        .chars()
        .next_back();
    let ending = match last {
        Some('.' | '。' | '．') => Ending::FullStop,
        Some(':' | '：') => Ending::Colon,
        Some('?' | '？') => Ending::Question,
        Some('!' | '！') => Ending::Exclamation,
        Some(';' | '；') => Ending::Semicolon,
        _ => Ending::None,
    };
    (ending, last)
}

fn describe(last: Option<char>, ending: Ending) -> String {
    match (ending, last) {
        (Ending::None, _) | (_, None) => "—".to_string(),
        (_, Some(c)) => c.to_string(),
    }
}

/// The span of the last visible character of an inline run (or `fallback`).
fn last_character(group: &[Inline], fallback: &Span) -> Span {
    let mut last_text = None;
    walk_inlines(group, &mut |inline| {
        if let InlineKind::Text(text) = &inline.kind
            && !text.trim().is_empty()
        {
            last_text = Some((inline, text));
        }
    });
    match last_text {
        Some((inline, text)) => {
            let trimmed = text.trim_end();
            let c = trimmed.chars().next_back().map_or(1, char::len_utf8);
            span_in_text(inline, trimmed.len() - c, c)
        }
        None => fallback.clone(),
    }
}

impl Check for FinalPunctuation {
    fn code(&self) -> &'static str {
        "P006"
    }

    fn name(&self) -> &'static str {
        "final-punctuation"
    }

    fn help(&self) -> &'static str {
        "help-p006"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        for pair in &cx.pairs {
            let Some((en, ja)) = pair.both() else { continue };
            if en.kind == UnitKind::Heading || en.kind != ja.kind || en.groups.len() != ja.groups.len() {
                continue;
            }
            for (index, (en_group, ja_group)) in en.groups.iter().zip(&ja.groups).enumerate() {
                let (en_end, en_last) = ending(&text_without_refs(en_group));
                let (ja_end, ja_last) = ending(&text_without_refs(ja_group));
                if en_end == ja_end {
                    continue;
                }
                let (ja_span, en_span) = (last_character(ja_group, ja.span), last_character(en_group, en.span));
                let mut draft = Draft::new(
                    Message::new("p006-final-punctuation")
                        .arg("en", describe(en_last, en_end))
                        .arg("ja", describe(ja_last, ja_end)),
                    &pair.address,
                    Some(Lang::Ja),
                )
                .label(Label::new(Lang::Ja, &ja_span).with(Message::new("label-japanese-ending")))
                .label(Label::new(Lang::En, &en_span).with(Message::new("label-english-ending")));
                if en.groups.len() > 1 {
                    draft = draft.excerpt(format!("item {}", index + 1));
                }
                out.push(draft);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    #[test]
    fn full_stop_matches_ideographic_full_stop() {
        let p = project("# A {#a}\n\nWe act.\n\nAs follows:\n", "# A {#a}\n\n行動します。\n\n以下の通り：\n");
        assert!(findings(&p, &FinalPunctuation).is_empty());
    }

    #[test]
    fn japanese_paragraph_without_final_full_stop_is_reported() {
        let p = project("# A {#a}\n\nWe act.\n", "# A {#a}\n\n行動します\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].address, "a#1");
    }

    #[test]
    fn footnote_references_and_closing_brackets_are_looked_past() {
        let p = project(
            "# A {#a}\n\n*Directives*.[^1]\n\n(adopted 2023)\n\n[^1]: N.\n",
            "# A {#a}\n\n**指針**に準拠します。[^1]\n\n(2023年採択)\n\n[^1]: 注。\n",
        );
        assert!(findings(&p, &FinalPunctuation).is_empty());
    }

    #[test]
    fn headings_are_not_checked() {
        let p = project("# Behave ethically {#a}\n", "# 倫理的な行動。 {#a}\n");
        assert!(findings(&p, &FinalPunctuation).is_empty());
    }
}
