//! P019 repeated-word: a word written twice in a row, in either language.
//!
//! - **English** (Latin words in either language's text): the same word twice, case aside
//!   (`the the`, `The the`, `of of`), separated only by spaces or a line break; any punctuation in
//!   between (`…end. End…`, `had, had`) separates them, so a repeat never runs across a sentence's
//!   end. Words repeated on purpose pass: `that that`, `had had`, `is is`, `do do`, and the words
//!   of `allow` under `[check.repeated]` in codepub.toml (added to these).
//! - **Japanese**: a particle doubled, `をを`, `のの`, `にに`, `がが`, `はは`, `でで`, `とと`,
//!   `もも`, `へへ`, only where it cannot be part of a word: right after a kanji, katakana, a
//!   Latin letter or digit or a closing bracket (where a particle follows a noun), and before
//!   anything but hiragana. `すもももももももものうち` (all hiragana), `今日ははやく` (`は` then
//!   `はやく`) and `ではは` pass; `規範をを遵守` and `会員がが、` are reported. A particle doubled
//!   after hiragana (`ことをを`) is not reported: kana words make that place ambiguous.
//!
//! Code spans are not read, and separate the words on either side. The fix removes the second
//! occurrence (and the space before it) when the source spells both literally.

use std::collections::HashSet;
use std::ops::Range;

use super::brackets::{CODE, Char, char_span, chars_of, each_char, excerpt, literal_span};
use super::{Check, Context, Draft, Fix, Label, Unit};
use codepub_core::address::Address;
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, Lang};
use codepub_core::script::is_japanese;

pub struct RepeatedWord;

/// English words repeated on purpose, always allowed.
const ALLOWED: [&str; 4] = ["that", "had", "is", "do"];

/// Japanese particles that are a typo when doubled.
const PARTICLES: [char; 9] = ['を', 'の', 'に', 'が', 'は', 'で', 'と', 'も', 'へ'];

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Japanese first: it is a range test, and a kanji is alphanumeric only after a table lookup.
    c != CODE && !is_japanese(c) && c.is_alphanumeric()
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// What a particle follows when it follows a noun: a kanji, katakana, a Latin letter or digit, a
/// closing bracket.
fn ends_a_noun(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFD}'
        | '々' | '〆' | '\u{30A1}'..='\u{30FF}' | '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}'
        | '」' | '』' | '）' | ')' | '】' | '〕' | '”'
    ) || c.is_ascii_alphanumeric()
}

/// The words of a run: character ranges of Latin letters and digits, with apostrophes inside.
fn words(chars: &[char]) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (is_word_char(chars[i])
                || (matches!(chars[i], '\'' | '’') && chars.get(i + 1).is_some_and(|&c| is_word_char(c))))
        {
            i += 1;
        }
        words.push(start..i);
    }
    words
}

/// The words of a run said twice in a row, as pairs of character ranges: the same word but for
/// case, with only white space between, and not one of the words allowed twice.
fn repeats(chars: &[char], allowed: &HashSet<String>) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found = Vec::new();
    for pair in words(chars).windows(2) {
        let (first, second) = (pair[0].clone(), pair[1].clone());
        if !chars[first.end..second.start].iter().all(|c| c.is_whitespace()) {
            continue;
        }
        let (a, b) = (&chars[first.clone()], &chars[second.clone()]);
        let same = if a.iter().chain(b).all(char::is_ascii) {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.eq_ignore_ascii_case(b))
        } else {
            a.iter().flat_map(|c| c.to_lowercase()).eq(b.iter().flat_map(|c| c.to_lowercase()))
        };
        if !same {
            continue;
        }
        let word = a.iter().collect::<String>().to_lowercase();
        if !allowed.contains(&word) {
            found.push((first, second));
        }
    }
    found
}

/// The fix that removes the second of two words: the spaces before it and it, else it and the
/// spaces after it, when one text inline spells them.
fn removal(chars: &[Char<'_>], first_end: usize, second: Range<usize>) -> Option<Fix> {
    let before = literal_span(&chars[first_end..second.end]);
    let after = || {
        let mut end = second.end;
        while chars.get(end).is_some_and(|ch| ch.c == ' ') {
            end += 1;
        }
        (end > second.end).then(|| literal_span(&chars[second.start..end])).flatten()
    };
    before.or_else(after).map(|span| Fix { span, replacement: String::new() })
}

/// Whether a run holds two words or more (runs of word characters: [`words`] joins some across
/// an apostrophe, never splits one), the least a repeated word needs.
fn two_words(group: &[Inline]) -> bool {
    let (mut runs, mut in_word) = (0, false);
    each_char(group, &mut |c| {
        let word = is_word_char(c);
        runs += usize::from(word && !in_word);
        in_word = word;
    });
    runs >= 2
}

/// Whether a run holds a particle twice in a row, line breaks aside, the least a doubled
/// particle needs.
fn particle_twice(group: &[Inline]) -> bool {
    let (mut found, mut previous) = (false, None);
    each_char(group, &mut |c| {
        if c == '\n' {
            return;
        }
        found |= previous == Some(c) && PARTICLES.contains(&c);
        previous = Some(c);
    });
    found
}

impl RepeatedWord {
    fn english(&self, address: &Address, unit: &Unit<'_>, allowed: &HashSet<String>, out: &mut Vec<Draft>) {
        // The quick look pays in Japanese, whose Latin words are few; English runs have words.
        // Each run's characters are read plainly first: most runs repeat nothing, and only a run
        // that does is read again with where each character comes from.
        let mut plain = Vec::new();
        for group in unit.groups.iter().filter(|group| unit.lang == Lang::En || two_words(group)) {
            plain.clear();
            each_char(group, &mut |c| plain.push(c));
            let repeats = repeats(&plain, allowed);
            if repeats.is_empty() {
                continue;
            }
            let chars = chars_of(group);
            for (first, second) in repeats {
                let written: String = chars[first.start..second.end]
                    .iter()
                    .map(|ch| if ch.c.is_whitespace() { ' ' } else { ch.c })
                    .collect();
                let label =
                    literal_span(&chars[second.clone()]).unwrap_or_else(|| char_span(&chars[second.start], unit.span));
                out.push(
                    Draft::new(Message::new("p019-word").arg("words", &written), address, Some(unit.lang))
                        .label(Label::new(unit.lang, &label))
                        .excerpt(excerpt(&chars, first.start..second.end, 8))
                        .help(
                            Message::new("help-p019-word")
                                .arg("word", chars[second.clone()].iter().map(|c| c.c).collect::<String>()),
                        )
                        .fix(removal(&chars, first.end, second)),
                );
            }
        }
    }

    fn japanese(&self, address: &Address, unit: &Unit<'_>, out: &mut Vec<Draft>) {
        for group in unit.groups.iter().filter(|group| particle_twice(group)) {
            // Line breaks join Japanese text without a space.
            let chars: Vec<Char<'_>> = chars_of(group).into_iter().filter(|ch| ch.c != '\n').collect();
            for i in 1..chars.len().saturating_sub(1) {
                let c = chars[i].c;
                if !PARTICLES.contains(&c) || chars[i + 1].c != c || !ends_a_noun(chars[i - 1].c) {
                    continue;
                }
                if chars.get(i + 2).is_some_and(|ch| is_hiragana(ch.c)) {
                    continue;
                }
                let doubled = format!("{c}{c}");
                let label = literal_span(&chars[i..i + 2]).unwrap_or_else(|| char_span(&chars[i], unit.span));
                let fix = literal_span(&chars[i + 1..i + 2]).map(|span| Fix { span, replacement: String::new() });
                out.push(
                    Draft::new(Message::new("p019-particle").arg("particle", &doubled), address, Some(unit.lang))
                        .label(Label::new(unit.lang, &label))
                        .excerpt(excerpt(&chars, i..i + 2, 4))
                        .help(Message::new("help-p019-particle").arg("particle", c.to_string()))
                        .fix(fix),
                );
            }
        }
    }
}

impl Check for RepeatedWord {
    fn code(&self) -> &'static str {
        "P019"
    }

    fn name(&self) -> &'static str {
        "repeated-word"
    }

    fn help(&self) -> &'static str {
        "help-p019-word"
    }

    fn default_severity(&self) -> super::Severity {
        super::Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let mut allowed: HashSet<String> = ALLOWED.iter().map(|w| w.to_string()).collect();
        for entry in &cx.project.config.check.repeated.allow {
            // `that` or `that that`.
            let entry = entry.to_lowercase();
            allowed.extend(entry.split_whitespace().next().map(str::to_string));
        }
        for lang in Lang::BOTH {
            for (address, unit) in cx.units(lang) {
                self.english(address, unit, &allowed, out);
                if lang == Lang::Ja {
                    self.japanese(address, unit, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project, project_with};

    /// The words or particles reported on a one-paragraph pair, with the language.
    fn found_with(en: &str, ja: &str, config: &str) -> Vec<(Lang, String)> {
        let p = project_with(&format!("# A {{#a}}\n\n{en}\n"), &format!("# エー {{#a}}\n\n{ja}\n"), config);
        (findings(&p, &RepeatedWord).into_iter())
            .map(|d| {
                let value = d.diagnostic.message.args[0].1.clone();
                let codepub_core::i18n::Arg::Text(value) = value else { panic!() };
                (d.lang.unwrap(), value)
            })
            .collect()
    }

    fn found(en: &str, ja: &str) -> Vec<(Lang, String)> {
        found_with(en, ja, "")
    }

    /// The first inline run of the Japanese side of a one-paragraph pair.
    fn quick_looks(ja: &str) -> (bool, bool) {
        let p = project("# A {#a}\n\nA.\n", &format!("# エー {{#a}}\n\n{ja}\n"));
        let groups = p.document(Lang::Ja).clauses[0].blocks[0].inline_groups();
        (two_words(groups[0]), particle_twice(groups[0]))
    }

    #[test]
    fn the_quick_looks_pass_only_runs_that_may_hold_a_repeat() {
        assert_eq!(quick_looks("項目 5 が理事会によって確実にします"), (false, false));
        assert_eq!(quick_looks("ISO*の*ISO"), (true, false));
        assert_eq!(quick_looks("規範**を**を遵守"), (false, true));
        assert_eq!(quick_looks("規範を\nを遵守"), (false, true));
    }

    const EN: &str = "Members shall declare conflicts.";
    const JA: &str = "会員は利益相反を申告しなければならない。";

    #[test]
    fn failing_and_passing_pairs() {
        // (English, Japanese, what is reported; empty: passes).
        let table: &[(&str, &str, &[&str])] = &[
            ("Members shall declare the the conflicts.", JA, &["the the"]),
            ("Members of of ISO shall declare.", JA, &["of of"]),
            ("The the members shall declare.", JA, &["The the"]),
            ("Members shall declare the\nthe conflicts.", JA, &["the the"]),
            ("Members *shall* shall declare.", JA, &["shall shall"]),
            (EN, "会員は規範をを遵守しなければならない。", &["をを"]),
            (EN, "会員がが、申告する。", &["がが"]),
            (EN, "ISOのの会員は申告する。", &["のの"]),
            (EN, "会員は「規範」にに従う。", &["にに"]),
            (EN, "会員は ISO ISO の規範に従う。", &["ISO ISO"]),
            ("Members Über über all declare.", JA, &["Über über"]),
            // Passing.
            ("We know that that rule applies, and he had had doubts.", JA, &[]),
            ("It ends here. Here it starts.", JA, &[]),
            ("A bye-bye, a had, had.", JA, &[]),
            ("Run `the` the tests.", JA, &[]),
            ("Then the thee and thé the.", JA, &[]),
            (EN, "すもももももももものうち。", &[]),
            (EN, "今日ははやく申告する。", &[]),
            (EN, "会議ではは申告する。", &[]),
            (EN, "会員は規範を遵守しなければならない。", &[]),
        ];
        for (en, ja, expected) in table {
            let words: Vec<String> = found(en, ja).into_iter().map(|f| f.1).collect();
            assert_eq!(&words, expected, "{en} | {ja}");
        }
    }

    #[test]
    fn allow_adds_words_repeated_on_purpose() {
        let en = "It is very very old and bye bye.";
        assert_eq!(found(en, JA).len(), 2);
        let config = "[check.repeated]\nallow = [\"very\", \"Bye bye\"]\n";
        assert!(found_with(en, JA, config).is_empty());
    }

    #[test]
    fn the_fix_removes_the_second_occurrence() {
        let p = project("# A {#a}\n\nDeclare the the conflicts, of\nof ISO.\n", "# エー {#a}\n\n規範をを遵守する。\n");
        let drafts = findings(&p, &RepeatedWord);
        let fixed: Vec<(String, String)> = (drafts.iter())
            .map(|d| {
                let fix = d.diagnostic.fix.as_ref().expect("a fix");
                (p.sources.get(fix.span.file).text[fix.span.range()].to_string(), fix.replacement.clone())
            })
            .collect();
        assert_eq!(
            fixed,
            [(" the".into(), String::new()), ("of ".into(), String::new()), ("を".into(), String::new())]
        );
        assert_eq!(drafts[2].lang, Some(Lang::Ja));
    }

    #[test]
    fn the_explanation_examples_fail_and_pass() {
        let l10n = codepub_core::i18n::Localizer::new(codepub_core::i18n::UiLang::English);
        let explanation = crate::explain::Explanation::of(&RepeatedWord, &l10n).expect("explained");
        assert!(!found(&explanation.fails.en, &explanation.fails.ja).is_empty());
        assert!(found(&explanation.passes.en, &explanation.passes.ja).is_empty());
    }
}
