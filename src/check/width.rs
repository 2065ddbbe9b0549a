//! P007 half-width-punctuation: ASCII `( ) , : ; ! ?` written against Japanese text, where
//! Japanese typesetting expects the full-width forms `（ ） 、 ： ； ！ ？`.

use super::{Check, Context, Draft, Label, span_in_text};
use crate::i18n::Message;
use crate::model::{InlineKind, Lang};
use crate::script::is_japanese;

pub struct HalfWidthPunctuation;

const HALF_WIDTH: [(char, char); 7] =
    [('(', '（'), (')', '）'), (',', '、'), (':', '：'), (';', '；'), ('!', '！'), ('?', '？')];

impl Check for HalfWidthPunctuation {
    fn code(&self) -> &'static str {
        "P007"
    }

    fn name(&self) -> &'static str {
        "half-width-punctuation"
    }

    fn help(&self) -> &'static str {
        "help-p007"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        for (address, unit) in cx.units(Lang::Ja) {
            for inline in unit.inlines() {
                let InlineKind::Text(text) = &inline.kind else { continue };
                let chars: Vec<(usize, char)> = text.char_indices().collect();
                for (i, &(offset, c)) in chars.iter().enumerate() {
                    let Some(&(_, full)) = HALF_WIDTH.iter().find(|(half, _)| *half == c) else { continue };
                    let before = i.checked_sub(1).map(|j| chars[j].1);
                    let after = chars.get(i + 1).map(|&(_, c)| c);
                    // Only punctuation touching Japanese text: `a) 序文` and `ISO, 2023` are left alone.
                    if !before.is_some_and(is_japanese) && !after.is_some_and(is_japanese) {
                        continue;
                    }
                    let excerpt: String =
                        chars[i.saturating_sub(2)..(i + 3).min(chars.len())].iter().map(|&(_, c)| c).collect();
                    out.push(
                        Draft::new(
                            Message::new("p007-half-width").arg("char", c.to_string()).arg("full", full.to_string()),
                            address,
                            Some(Lang::Ja),
                        )
                        .excerpt(excerpt)
                        .label(Label::new(Lang::Ja, &span_in_text(inline, offset, c.len_utf8()))),
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

    #[test]
    fn ascii_punctuation_against_japanese_is_reported_at_its_column() {
        let p = project("# A {#a}\n\n(x, y)\n", "# A {#a}\n\n(2023年2月23日, 理事会)\n");
        let found = findings(&p, &HalfWidthPunctuation);
        let excerpts: Vec<_> = found.iter().map(|d| d.excerpt.clone().unwrap_or_default()).collect();
        assert_eq!(excerpts, ["3日, 理", "事会)"], "{found:?}");
        assert_eq!(found[0].labels[0].span.column, 12);
    }

    #[test]
    fn enumerators_and_latin_runs_are_left_alone() {
        let p = project("# a) Intro {#a}\n\nx\n", "# a) 序文 {#a}\n\n© ISO, 2023\n");
        assert!(findings(&p, &HalfWidthPunctuation).is_empty());
    }

    #[test]
    fn full_width_forms_are_accepted() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n事務局（ISO/CS）を代表する：\n");
        assert!(findings(&p, &HalfWidthPunctuation).is_empty());
    }
}
