//! P023 partly-untranslated: English prose left inside an otherwise Japanese heading, paragraph,
//! list item or footnote. A Japanese text with no Japanese script at all is P008's finding and is
//! not read here.
//!
//! The Japanese is cut into **runs** of text that is not Japanese script (kana, kanji, CJK and
//! full-width punctuation end a run, and so does a code span; a line break does not), and a run
//! is cut again at a URL or an e-mail address. A run's **words** are its Latin-script tokens;
//! tokens with digits, slashes or dots (`9001:2015`, `ISO/CS`) are neither words nor breaks.
//! A run is reported when it reads as prose:
//!
//! - it has at least `min_words` words (4 by default), one of them a lowercase function word
//!   (`the`, `of`, `shall`…) and one a lowercase word that is not, as a sentence has: `We act
//!   with integrity`; or
//! - it has at least three words, one a lowercase word that is not a function word, and the
//!   paired English holds it verbatim (case and whitespace aside): `act with integrity`, copied.
//!
//! So names and titles in title case (`International Organization for Standardization`,
//! `Code of Ethics and Conduct`), acronyms, standard numbers and romanised names of one to three
//! capitalised words are never reported, however long. A run in quotes (`「…」`, `『…』`, `“…”`,
//! `"…"`), or that is the whole text of a link, is a cited title when the English also holds it,
//! and passes (`[Mozilla's code of conduct enforcement ladder][Mozilla CoC]に適合`); a run in
//! parentheses is a gloss of a term (`利益相反（conflict of interest）`) and is reported only when it reads as
//! prose on its own (the first rule). Code spans and link targets are not read. The project's
//! own exceptions are regular expressions in `allow` under `[check.partly_untranslated]`, each
//! matched against a whole run as the finding shows it.
//!
//! Measured on the shipped Code, the Constitution fixture, the Contributor Covenant and the
//! Radio Act: no finding (the covenant's link text `Mozilla's code of conduct enforcement
//! ladder` is a cited title); the check is a warning all the same, as a Japanese text may quote
//! English on purpose.

use std::ops::Range;

use regex::Regex;

use super::brackets::{CODE, Char, char_span, chars_of, literal_span};
use super::{Check, Context, Draft, Label, Unit};
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, InlineKind, Lang, walk_inlines};
use codepub_core::script::{has_japanese_script, is_japanese};
use codepub_core::source::Span;

pub struct PartlyUntranslated;

/// Words that a sentence has and a name in title case writes in lowercase.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "and", "or", "but", "nor",
    "not", "no", "is", "are", "was", "were", "be", "been", "being", "shall", "must", "will", "would", "may", "should",
    "can", "could", "that", "this", "these", "those", "we", "our", "us", "you", "your", "it", "its", "they", "their",
    "as", "if", "all", "any", "which", "who", "whom", "has", "have", "had", "do", "does", "than", "so", "such",
];

/// Fewest words of a run the English holds verbatim.
const VERBATIM_MIN_WORDS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKind {
    /// Lowercase, not a function word: what a title in title case does not have.
    Lower,
    Function,
    /// Capitalised or in capitals.
    Capital,
}

/// A run of non-Japanese text, as character indices in its inline group, trimmed to its words.
struct Run {
    range: Range<usize>,
    words: Vec<WordKind>,
}

impl Run {
    fn has(&self, kind: WordKind) -> bool {
        self.words.contains(&kind)
    }
}

/// Text that is not part of a run: Japanese script and punctuation, and code spans.
fn ends_a_run(c: char) -> bool {
    is_japanese(c) || c == CODE
}

/// What a token is: a word, something neutral (a number, `ISO/CS`, punctuation) or a break (a
/// URL or an e-mail address).
enum Token {
    Word(WordKind),
    Neutral,
    Break,
}

fn token(text: &str) -> Token {
    let lower = text.to_ascii_lowercase();
    if lower.contains("://") || lower.contains('@') || lower.starts_with("www.") {
        return Token::Break;
    }
    let core = text.trim_matches(|c: char| !c.is_alphanumeric());
    let inner = |c: char| c.is_alphabetic() || matches!(c, '\'' | '’' | '-');
    if core.is_empty() || !core.chars().all(inner) {
        return Token::Neutral;
    }
    let core_lower = core.to_lowercase();
    if core_lower == core {
        if FUNCTION_WORDS.contains(&core_lower.as_str()) {
            Token::Word(WordKind::Function)
        } else {
            Token::Word(WordKind::Lower)
        }
    } else {
        Token::Word(WordKind::Capital)
    }
}

/// The runs of one inline group, each trimmed to its first and last word.
fn runs(chars: &[Char<'_>]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut current: Option<Run> = None;
    let close = |current: &mut Option<Run>, runs: &mut Vec<Run>| {
        if let Some(run) = current.take().filter(|r| !r.words.is_empty()) {
            runs.push(run);
        }
    };
    let mut i = 0;
    while i < chars.len() {
        if ends_a_run(chars[i].c) {
            close(&mut current, &mut runs);
            i += 1;
            continue;
        }
        if chars[i].c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !ends_a_run(chars[i].c) && !chars[i].c.is_whitespace() {
            i += 1;
        }
        let text: String = chars[start..i].iter().map(|ch| ch.c).collect();
        match token(&text) {
            Token::Break => close(&mut current, &mut runs),
            Token::Neutral => {}
            Token::Word(kind) => {
                // The word without the punctuation around it.
                let lead = chars[start..i].iter().take_while(|ch| !ch.c.is_alphanumeric()).count();
                let trail = chars[start..i].iter().rev().take_while(|ch| !ch.c.is_alphanumeric()).count();
                let word = start + lead..i - trail;
                let run = current.get_or_insert_with(|| Run { range: word.clone(), words: Vec::new() });
                run.range.end = word.end;
                run.words.push(kind);
            }
        }
    }
    close(&mut current, &mut runs);
    runs
}

/// The text of `chars`, lowercase (ASCII), whitespace collapsed to one space, with the index in
/// `chars` of each byte's character.
fn normalized(chars: &[Char<'_>]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut at = Vec::new();
    for (i, ch) in chars.iter().enumerate() {
        let c = if ch.c.is_whitespace() { ' ' } else { ch.c.to_ascii_lowercase() };
        if c == ' ' && (text.is_empty() || text.ends_with(' ')) {
            continue;
        }
        text.push(c);
        at.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    (text, at)
}

/// The paired English, normalised once, for finding a run in it.
struct English<'a> {
    groups: Vec<(Vec<Char<'a>>, String, Vec<usize>)>,
    span: &'a Span,
}

impl<'a> English<'a> {
    fn of(unit: &Unit<'a>) -> Self {
        let groups = (unit.groups.iter())
            .map(|group| {
                let chars = chars_of(group);
                let (text, at) = normalized(&chars);
                (chars, text, at)
            })
            .collect();
        Self { groups, span: unit.span }
    }

    /// Where the English holds `needle` (normalised) as whole words: its span.
    fn find(&self, needle: &str) -> Option<Span> {
        for (chars, text, at) in &self.groups {
            for (start, _) in text.match_indices(needle) {
                let end = start + needle.len();
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let range = at[start]..at[end - 1] + 1;
                return Some(
                    literal_span(&chars[range.clone()]).unwrap_or_else(|| char_span(&chars[range.start], self.span)),
                );
            }
        }
        None
    }
}

/// The nearest characters around `range` that are not spaces.
fn around(chars: &[Char<'_>], range: &Range<usize>) -> (Option<char>, Option<char>) {
    let before = chars[..range.start].iter().rev().map(|ch| ch.c).find(|c| !c.is_whitespace());
    let after = chars[range.end..].iter().map(|ch| ch.c).find(|c| !c.is_whitespace());
    (before, after)
}

/// The text of each link of an inline group, normalised.
fn link_texts(group: &[Inline]) -> Vec<String> {
    let mut texts = Vec::new();
    walk_inlines(group, &mut |inline| {
        if let InlineKind::Link { children, .. } = &inline.kind {
            texts.push(normalized(&chars_of(children)).0.trim().to_string());
        }
    });
    texts
}

fn quoted(before: Option<char>, after: Option<char>) -> bool {
    matches!(
        (before, after),
        (Some('「'), Some('」')) | (Some('『'), Some('』')) | (Some('“'), Some('”')) | (Some('"'), Some('"'))
    )
}

fn parenthesised(before: Option<char>, after: Option<char>) -> bool {
    matches!(before, Some('(' | '（')) && matches!(after, Some(')' | '）'))
}

impl Check for PartlyUntranslated {
    fn code(&self) -> &'static str {
        "P023"
    }

    fn name(&self) -> &'static str {
        "partly-untranslated"
    }

    fn help(&self) -> &'static str {
        "help-p023"
    }

    /// A Japanese text may quote English on purpose.
    fn default_severity(&self) -> super::Severity {
        super::Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let config = &cx.project.config.check.partly_untranslated;
        // Invalid patterns are reported once and otherwise ignored.
        let mut allow = Vec::new();
        for pattern in &config.allow {
            match Regex::new(&format!("^(?:{pattern})$")) {
                Ok(regex) => allow.push(regex),
                Err(_) => {
                    out.push(Draft::new(Message::new("p023-bad-pattern").arg("pattern", pattern), "codepub.toml", None))
                }
            }
        }
        let min_words = config.min_words.max(1);
        for pair in cx.pairs.iter().filter(|p| !cx.unmatched.contains(&p.address)) {
            let Some(ja) = &pair.sides.ja else { continue };
            if !has_japanese_script(&ja.text) {
                continue;
            }
            let mut english: Option<English<'_>> = None;
            for group in &ja.groups {
                let chars = chars_of(group);
                let links = link_texts(group);
                for run in runs(&chars) {
                    let prose = run.words.len() >= min_words && run.has(WordKind::Function) && run.has(WordKind::Lower);
                    let may_be_copied = run.words.len() >= VERBATIM_MIN_WORDS && run.has(WordKind::Lower);
                    if !prose && !may_be_copied {
                        continue;
                    }
                    let (text, _) = normalized(&chars[run.range.clone()]);
                    let english = english.get_or_insert_with(|| match &pair.sides.en {
                        Some(en) => English::of(en),
                        None => English { groups: Vec::new(), span: ja.span },
                    });
                    let in_english = english.find(&text);
                    let (before, after) = around(&chars, &run.range);
                    let cited = quoted(before, after) || links.contains(&text);
                    if cited && in_english.is_some() {
                        continue;
                    }
                    let copied = in_english.is_some() && !parenthesised(before, after);
                    if !(prose || may_be_copied && copied) {
                        continue;
                    }
                    let shown: String = chars[run.range.clone()]
                        .iter()
                        .map(|ch| if ch.c.is_whitespace() { ' ' } else { ch.c })
                        .collect();
                    if allow.iter().any(|regex| regex.is_match(&shown)) {
                        continue;
                    }
                    let id = if in_english.is_some() { "p023-same-as-english" } else { "p023-english-in-japanese" };
                    let label = literal_span(&chars[run.range.clone()])
                        .unwrap_or_else(|| char_span(&chars[run.range.start], ja.span));
                    let mut draft = Draft::new(Message::new(id).arg("text", &shown), &pair.address, Some(Lang::Ja))
                        .label(Label::new(Lang::Ja, &label))
                        .excerpt(&shown);
                    if let Some(en) = in_english.as_ref().or(pair.sides.en.as_ref().map(|en| en.span)) {
                        draft = draft.label(Label::new(Lang::En, en));
                    }
                    out.push(draft);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{explanation_examples, findings, project, project_with};

    /// The runs reported in a one-paragraph pair, with whether the English holds them.
    fn found_with(en: &str, ja: &str, config: &str) -> Vec<(String, bool)> {
        let p = project_with(&format!("# A {{#a}}\n\n{en}\n"), &format!("# エー {{#a}}\n\n{ja}\n"), config);
        (findings(&p, &PartlyUntranslated).into_iter())
            .map(|d| (d.excerpt.unwrap_or_default(), d.diagnostic.message.id == "p023-same-as-english"))
            .collect()
    }

    fn found(en: &str, ja: &str) -> Vec<(String, bool)> {
        found_with(en, ja, "")
    }

    const EN: &str = "We act with integrity and declare conflicts of interest.";

    /// English, Japanese, and each run reported with whether the English holds it.
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, bool)]);

    #[test]
    fn failing_and_passing_pairs() {
        // (English, Japanese, what is reported and whether the English holds it; empty: passes).
        let table: &[Case] = &[
            // A sentence of the English pasted into the Japanese.
            (
                EN,
                "私たちは誠実に行動します。We act with integrity and declare conflicts of interest.",
                &[("We act with integrity and declare conflicts of interest", true)],
            ),
            // A clause copied from the English, three words.
            (EN, "私たちは act with integrity ことを約束します。", &[("act with integrity", true)]),
            // English prose the English does not hold.
            (
                "We act.",
                "私たちは行動します。Members shall report any breach promptly.",
                &[("Members shall report any breach promptly", false)],
            ),
            // A sentence across a line break.
            (
                EN,
                "私たちは誠実に行動します。We act with\nintegrity and declare conflicts.",
                &[("We act with integrity and declare conflicts", true)],
            ),
            // A parenthesis that is a sentence, not a term.
            (
                "We act.",
                "行動します（this paragraph is still to be translated）。",
                &[("this paragraph is still to be translated", false)],
            ),
            // Quoted prose the English does not hold.
            ("We act.", "「we act with integrity」と書かれている。", &[("we act with integrity", false)]),
            // Passing: names and titles in title case, however long.
            (
                "The International Organization for Standardization adopted the Code of Ethics and Conduct.",
                "International Organization for Standardizationは Code of Ethics and Conduct を採択した。",
                &[],
            ),
            // Romanised names, acronyms, standard numbers.
            ("Yamada Taro Jiro of ISO/CS.", "Yamada Taro Jiroは ISO/CS と ISO 9001:2015 の担当です。", &[]),
            // A gloss of a term, copied from the English.
            ("Declare any conflict of interest.", "利益相反（conflict of interest）を申告する。", &[]),
            ("Declare any conflicts of interest now.", "利益相反（conflicts of interest）を申告する。", &[]),
            // A title as a link's text, which the English cites too.
            (
                "Adapted from [the ladder of enforcement](https://example.org).",
                "[the ladder of enforcement](https://example.org)に適合しています。",
                &[],
            ),
            // A title in quotes that the English cites too.
            ("Read “the rules of good conduct for members”.", "「the rules of good conduct for members」を読む。", &[]),
            // URLs and e-mail addresses break runs and are not words.
            (
                "Write to ethics@iso.org or see https://www.iso.org/code-of-ethics.",
                "ethics@iso.org に書くか https://www.iso.org/code-of-ethics を見る。",
                &[],
            ),
            // Fewer than four words, not in the English.
            ("We act.", "私たちは act with care します。", &[]),
            // Code spans are not read.
            ("We act.", "`git commit --all and push to the main branch` を実行する。", &[]),
            // A Japanese text with no Japanese script is P008's.
            (EN, EN, &[]),
        ];
        for (en, ja, expected) in table {
            let found = found(en, ja);
            let expected: Vec<(String, bool)> = expected.iter().map(|(t, c)| (t.to_string(), *c)).collect();
            assert_eq!(found, expected, "{en} | {ja}");
        }
    }

    #[test]
    fn min_words_sets_how_long_a_run_of_prose_must_be() {
        let ja = "私たちは act with care します。";
        assert!(found("We act.", ja).is_empty());
        assert_eq!(found_with("We act.", ja, "[check.partly_untranslated]\nmin_words = 3\n").len(), 1);
    }

    #[test]
    fn allow_takes_whole_runs_and_a_bad_pattern_is_reported() {
        let ja = "私たちは Members shall report any breach と書く。";
        assert_eq!(found("We act.", ja).len(), 1);
        let config = "[check.partly_untranslated]\nallow = [\"Members shall .*\"]\n";
        assert!(found_with("We act.", ja, config).is_empty());
        let config = "[check.partly_untranslated]\nallow = [\"shall\"]\n";
        assert_eq!(found_with("We act.", ja, config).len(), 1, "a pattern matches a whole run");
        let p = project_with(
            "# A {#a}\n\nWe act.\n",
            "# エー {#a}\n\n行動する。\n",
            "[check.partly_untranslated]\nallow = [\"(\"]\n",
        );
        let drafts = findings(&p, &PartlyUntranslated);
        assert_eq!(drafts.len(), 1);
        assert_eq!(
            (drafts[0].diagnostic.message.id, drafts[0].address.to_string()),
            ("p023-bad-pattern", "codepub.toml".into())
        );
    }

    #[test]
    fn a_finding_is_labelled_at_the_run_and_at_the_english_it_copies() {
        let p =
            project("# A {#a}\n\nWe act with integrity.\n", "# エー {#a}\n\n私たちは act with integrity します。\n");
        let drafts = findings(&p, &PartlyUntranslated);
        assert_eq!(drafts.len(), 1);
        let text = |label: &Label| p.sources.get(label.span.file).text[label.span.range()].to_string();
        let labels = &drafts[0].diagnostic.labels;
        assert_eq!((labels[0].lang, text(&labels[0])), (Lang::Ja, "act with integrity".into()));
        assert_eq!((labels[1].lang, text(&labels[1])), (Lang::En, "act with integrity".into()));
        assert_eq!(drafts[0].address.to_string(), "a#1");
    }

    #[test]
    fn headings_list_items_and_footnotes_are_read() {
        let p = project(
            "# We act {#a}\n\n- One.\n- Two.[^1]\n\n[^1]: Note.\n",
            "# 私たちは shall act with integrity always {#a}\n\n- 一。\n- 二 members must declare any conflicts。[^1]\n\n[^1]: 注 see the rules of the council。\n",
        );
        let addresses: Vec<String> = findings(&p, &PartlyUntranslated).iter().map(|d| d.address.to_string()).collect();
        assert_eq!(addresses.len(), 3, "{addresses:?}");
    }

    #[test]
    fn odd_text_does_not_panic() {
        for ja in ["あ", "あ a", "あ 𠮷 é’s a the of — “ ”", "あ\u{FFFC} a b c d", "あ ’’’ '' -- ..", "あ「」（）"]
        {
            let _ = found("We.", ja);
        }
    }

    #[test]
    fn the_explanation_examples_fail_and_pass() {
        explanation_examples(&PartlyUntranslated);
    }
}
