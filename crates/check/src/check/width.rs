//! P007 half-width-punctuation: punctuation of the wrong width in Japanese text, each with the
//! exact replacement:
//!
//! - ASCII `( ) , : ; ! ?` touching Japanese text → `（ ） 、 ： ； ！ ？`; an ASCII pair `!?`/`?!`
//!   is one finding → `！？`/`？！`;
//! - ASCII `.` after Japanese text (`します.次`) → `。`;
//! - full-width Western `．` `，` touching Japanese text → `。` `、` (not between digits: `１，０００`);
//! - half-width katakana punctuation `｡ ､ ｢ ｣ ･` anywhere in Japanese → `。 、 「 」 ・`.
//!
//! What a mark touches is read across inline markup: the `:` of `**帰結**: ` follows `結`. Marks
//! inside code spans are left alone. The mark that ends a paragraph is P006's to judge and is left
//! out here. Every finding carries
//! a fix, except a bracket whose partner would stay half-width (fixing one of `(…)` alone would
//! unbalance the pair).

use super::{Check, Context, Draft, Fix, Label, literal_span_in_text, span_in_text};
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, InlineKind, Lang, walk_inlines};
use codepub_core::script::is_japanese;

pub struct HalfWidthPunctuation;

const HALF_WIDTH: [(char, char); 7] =
    [('(', '（'), (')', '）'), (',', '、'), (':', '：'), (';', '；'), ('!', '！'), ('?', '？')];

/// Half-width katakana punctuation (U+FF61–FF65), wrong wherever it is.
const HALF_WIDTH_KANA: [(char, char); 5] = [('｡', '。'), ('､', '、'), ('｢', '「'), ('｣', '」'), ('･', '・')];

/// Full-width Western punctuation, wrong in Japanese running text.
const WESTERN: [(char, char); 2] = [('．', '。'), ('，', '、')];

fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

fn lookup(table: &[(char, char)], c: char) -> Option<char> {
    table.iter().find(|(from, _)| *from == c).map(|&(_, to)| to)
}

/// One offending mark in a text inline: character index, length in characters, replacement.
struct Found {
    index: usize,
    len: usize,
    replacement: String,
    message: &'static str,
}

/// The offending marks of one text.
fn find(chars: &[(usize, char)]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let pair = matches!(c, '!' | '?') && chars.get(i + 1).is_some_and(|&(_, d)| matches!(d, '!' | '?') && d != c);
        let len = if pair { 2 } else { 1 };
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + len).map(|&(_, c)| c);
        // Only punctuation touching Japanese text: `a) 序文` and `ISO, 2023` are left alone.
        let touching = before.is_some_and(is_japanese) || after.is_some_and(is_japanese);
        let verdict = if let Some(full) = lookup(&HALF_WIDTH_KANA, c) {
            Some((full.to_string(), "p007-half-width"))
        } else if let Some(full) = lookup(&WESTERN, c) {
            (touching && !(is_digit(before) && is_digit(after))).then(|| (full.to_string(), "p007-western"))
        } else if c == '.' {
            before.is_some_and(is_japanese).then(|| ("。".to_string(), "p007-half-width"))
        } else if lookup(&HALF_WIDTH, c).is_some() && touching {
            let replacement = chars[i..i + len].iter().filter_map(|&(_, c)| lookup(&HALF_WIDTH, c)).collect();
            Some((replacement, "p007-half-width"))
        } else {
            None
        };
        if let Some((replacement, message)) = verdict {
            found.push(Found { index: i, len, replacement, message });
        }
        i += len;
    }
    found
}

/// The index of the bracket pairing with the one at `index`, counting both widths.
fn partner(chars: &[(usize, char)], index: usize) -> Option<usize> {
    let opening = matches!(chars[index].1, '(' | '（');
    let mut depth = 0usize;
    let step = |j: usize| if opening { j.checked_add(1).filter(|&j| j < chars.len()) } else { j.checked_sub(1) };
    let mut j = step(index)?;
    loop {
        match chars[j].1 {
            '(' | '（' if opening => depth += 1,
            ')' | '）' if !opening => depth += 1,
            '(' | '（' | ')' | '）' if depth == 0 => return Some(j),
            '(' | '（' | ')' | '）' => depth -= 1,
            _ => {}
        }
        j = step(j)?;
    }
}

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
        let final_marks = super::punctuation::judged_final_marks(cx);
        for (address, unit) in cx.units(Lang::Ja) {
            for group in &unit.groups {
                // The whole run, so that a mark at the start of a text sees the character before
                // it in another inline: the `:` of `**帰結**: ` follows `結`.
                let run = run_chars(group);
                let chars: Vec<(usize, char)> = run.iter().enumerate().map(|(i, ch)| (i, ch.c)).collect();
                let found = find(&chars);
                for mark in &found {
                    // Marks in code are no punctuation of the text, and a mark is one text's.
                    let Some((inline, offset)) = run[mark.index].origin else { continue };
                    let InlineKind::Text(text) = &inline.kind else { continue };
                    let marks = &run[mark.index..mark.index + mark.len];
                    if !marks.iter().all(|ch| ch.origin.is_some_and(|(i, _)| std::ptr::eq(i, inline))) {
                        continue;
                    }
                    let len: usize = marks.iter().map(|ch| ch.c.len_utf8()).sum();
                    let literal = literal_span_in_text(inline, offset, len);
                    if literal.as_ref().is_some_and(|span| final_marks.contains(&(span.file, span.start))) {
                        continue;
                    }
                    let old: String = marks.iter().map(|ch| ch.c).collect();
                    let balanced = !matches!(chars[mark.index].1, '(' | ')')
                        || partner(&chars, mark.index).is_some_and(|j| {
                            matches!(chars[j].1, '（' | '）') || found.iter().any(|other| other.index == j)
                        });
                    let fix =
                        literal.filter(|_| balanced).map(|span| Fix { span, replacement: mark.replacement.clone() });
                    // The excerpt is the text's own (two characters either side), as it always was.
                    let before: Vec<char> = text[..offset].chars().rev().take(2).collect();
                    let excerpt: String = before
                        .into_iter()
                        .rev()
                        .chain(old.chars())
                        .chain(text[offset + len..].chars().take(2))
                        .collect();
                    out.push(
                        Draft::new(
                            Message::new(mark.message).arg("char", &old).arg("full", &mark.replacement),
                            address,
                            Some(Lang::Ja),
                        )
                        .excerpt(excerpt)
                        .label(Label::new(Lang::Ja, &span_in_text(inline, offset, len)))
                        .help(Message::new("help-p007-replace").arg("old", old).arg("new", &mark.replacement))
                        .fix(fix),
                    );
                }
            }
        }
    }
}

/// One character of an inline run as printed, and for text the inline and byte offset it has.
struct RunChar<'a> {
    c: char,
    origin: Option<(&'a Inline, usize)>,
}

/// The characters of an inline run as printed (code as its text, a line break as a space),
/// footnote references and images left out.
fn run_chars(group: &[Inline]) -> Vec<RunChar<'_>> {
    let mut chars = Vec::new();
    walk_inlines(group, &mut |inline| match &inline.kind {
        InlineKind::Text(text) => {
            chars.extend(text.char_indices().map(|(offset, c)| RunChar { c, origin: Some((inline, offset)) }))
        }
        InlineKind::Code(code) => chars.extend(code.chars().map(|c| RunChar { c, origin: None })),
        InlineKind::SoftBreak | InlineKind::HardBreak => chars.push(RunChar { c: ' ', origin: None }),
        _ => {}
    });
    chars
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
        assert_eq!(found[0].diagnostic.labels[0].span.column, 12);
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

    /// (source text, replacement) of each finding's fix, `None` where there is none.
    fn fixes(p: &codepub_core::load::Project) -> Vec<Option<(String, String)>> {
        findings(p, &HalfWidthPunctuation)
            .iter()
            .map(|d| {
                let fix = d.diagnostic.fix.as_ref()?;
                Some((p.sources.get(fix.span.file).text[fix.span.range()].to_string(), fix.replacement.clone()))
            })
            .collect()
    }

    fn some(old: &str, new: &str) -> Option<(String, String)> {
        Some((old.into(), new.into()))
    }

    #[test]
    fn full_width_western_period_and_comma_become_japanese_marks() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n規範は，倫理を定める．また行動する。\n");
        assert_eq!(fixes(&p), [some("，", "、"), some("．", "。")]);
        assert_eq!(findings(&p, &HalfWidthPunctuation)[0].diagnostic.message.id, "p007-western");
    }

    #[test]
    fn full_width_comma_between_digits_is_left_alone() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n会員数は１，０００です。\n");
        assert!(findings(&p, &HalfWidthPunctuation).is_empty());
    }

    #[test]
    fn half_width_katakana_punctuation_is_reported_even_next_to_latin_text() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n｢ISO｣･IEC､規範。\n");
        assert_eq!(fixes(&p), [some("｢", "「"), some("｣", "」"), some("･", "・"), some("､", "、")]);
    }

    #[test]
    fn ascii_full_stop_after_japanese_mid_text_becomes_ideographic() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n行動します.次に、ISO 9001.1 を参照する。\n");
        assert_eq!(fixes(&p), [some(".", "。")]);
    }

    #[test]
    fn ascii_interrobang_pair_is_one_finding() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n本当!?と問う。\n");
        assert_eq!(fixes(&p), [some("!?", "！？")]);
    }

    #[test]
    fn final_mark_of_a_paired_paragraph_is_left_to_p006() {
        let p = project("# A {#a}\n\nWhy?\n", "# A {#a}\n\nなぜか?\n");
        assert!(findings(&p, &HalfWidthPunctuation).is_empty());
    }

    #[test]
    fn ascii_colon_after_bold_japanese_is_reported_and_fixed() {
        let p = project(
            "# A {#a}\n\n**Consequence**: x.\n\n[Code](https://x.org), x.\n",
            "# A {#a}\n\n**帰結**: 本文。\n\n[規約](https://x.org), 本文。\n",
        );
        assert_eq!(fixes(&p), [some(":", "："), some(",", "、")]);
        let found = findings(&p, &HalfWidthPunctuation);
        assert_eq!(found[0].excerpt.as_deref(), Some(": 本"));
        assert_eq!(found[0].diagnostic.labels[0].span.column, 7);
        // Marks in code spans are the code's, and a Latin inline before a mark is no Japanese.
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n本`a,b`文と`c`: 本文、**ISO**: 文。\n");
        assert!(findings(&p, &HalfWidthPunctuation).is_empty(), "{:?}", findings(&p, &HalfWidthPunctuation));
    }

    #[test]
    fn a_bracket_is_fixed_only_with_its_partner() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n事務局(ISO/CS)を代表する。ISO (2023年承認)\n");
        assert_eq!(fixes(&p), [some("(", "（"), some(")", "）"), None]);
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\n事務局（ISO/CS)を代表する。\n");
        assert_eq!(fixes(&p), [some(")", "）")]);
    }
}
