//! P021 consistency: across the project, the same English sentence, heading or list item is
//! translated one way, and one Japanese translation stands for one English text (as Xbench and
//! Verifika check a translation memory).
//!
//! Each pair is cut into segments: its list items (when both languages have as many), each cut
//! into sentences (English after `.`, `?` or `!` and a space; Japanese after `。`, `？` or `！`)
//! when both languages have as many sentences, else kept whole. Segments are compared with their
//! whitespace collapsed, through hash maps: the check is linear in the project's length. An
//! inconsistent group is reported once, at its first occurrence that differs from the first one,
//! with a label at the first one.

use std::borrow::Cow;
use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::{Check, Context, Draft, Label, Unit, UnitKind, text_without_refs};
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, Lang};
use codepub_core::source::Span;
use codepub_core::whitespace;

pub struct Consistency;

/// Occurrences of one inconsistent group shown as labels besides the first two.
const MORE_LABELS: usize = 3;

impl Check for Consistency {
    fn code(&self) -> &'static str {
        "P021"
    }

    fn name(&self) -> &'static str {
        "consistency"
    }

    fn help(&self) -> &'static str {
        "help-p021"
    }

    fn default_severity(&self) -> super::Severity {
        super::Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let segments = segments(cx);
        for lang in Lang::BOTH {
            // Segments of `lang`, by text, in order of first occurrence: the indices of their
            // occurrences.
            let mut groups: HashMap<&str, Vec<usize>, FixedState> = HashMap::default();
            let mut order = Vec::new();
            for (i, segment) in segments.iter().enumerate() {
                let occurrences = groups.entry(segment.key(lang)).or_default();
                if occurrences.is_empty() {
                    order.push(segment.key(lang));
                }
                occurrences.push(i);
            }
            let other = lang.other();
            for key in order {
                let occurrences = &groups[key];
                let first = &segments[occurrences[0]];
                let differ: Vec<&Segment<'_>> =
                    (occurrences.iter().map(|&i| &segments[i])).filter(|s| s.key(other) != first.key(other)).collect();
                let Some(&at) = differ.first() else { continue };
                let mut variants: Vec<&str> = occurrences.iter().map(|&i| segments[i].key(other)).collect();
                variants.sort_unstable();
                variants.dedup();
                out.push(finding(cx, lang, first, at, &differ[1..], variants.len()));
            }
        }
    }
}

/// The finding on a `lang` text given `count` different counterparts: at `at`, the first
/// occurrence whose counterpart differs from the first occurrence's (`first`), with labels at
/// a few of the `more` occurrences that differ too.
fn finding(
    cx: &Context<'_>,
    lang: Lang,
    first: &Segment<'_>,
    at: &Segment<'_>,
    more: &[&Segment<'_>],
    count: usize,
) -> Draft {
    let other = lang.other();
    let shown = |text: &str| shorten(text, 60);
    let (message, label) = match lang {
        Lang::En => (
            Message::new("p021-english-translated-differently")
                .arg("en", shown(at.key(lang)))
                .num("count", count as i64),
            Message::new("label-translated-here").arg("ja", shown(at.key(other))),
        ),
        Lang::Ja => (
            Message::new("p021-japanese-for-different-english")
                .arg("ja", shown(at.key(lang)))
                .num("count", count as i64),
            Message::new("label-translates-here").arg("en", shown(at.key(other))),
        ),
    };
    let mut draft = Draft::new(message, at.address(cx), Some(Lang::Ja))
        .label(Label::new(other, &at.span(cx, other)).with(label))
        .label(Label::new(lang, &at.span(cx, lang)))
        .label(
            Label::new(other, &first.span(cx, other))
                .with(Message::new("label-first-counterpart").arg("text", shown(first.key(other)))),
        )
        .excerpt(shorten(at.key(lang), 40));
    for segment in more.iter().take(MORE_LABELS) {
        draft = draft.label(
            Label::new(other, &segment.span(cx, other))
                .with(Message::new("label-other-counterpart").arg("text", shown(segment.key(other)))),
        );
    }
    draft
}

/// `text` cut to `chars` characters, with `…` when cut.
fn shorten(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// One sentence, list item, heading or paragraph in both languages.
struct Segment<'a> {
    /// Index of the pair in [`Context::pairs`].
    pair: usize,
    /// The inline runs it is in, per language (an item, or the whole unit).
    groups: [&'a [&'a [Inline]]; 2],
    /// Whitespace collapsed, per language (English first).
    keys: [String; 2],
}

impl<'a> Segment<'a> {
    fn key(&self, lang: Lang) -> &str {
        &self.keys[lang as usize]
    }

    fn address<'c>(&self, cx: &'c Context<'_>) -> &'c codepub_core::address::Address {
        &cx.pairs[self.pair].address
    }

    /// Where the segment is in `lang`'s source: the sentence itself when the source spells it
    /// literally on its lines, its item or unit otherwise.
    fn span(&self, cx: &Context<'_>, lang: Lang) -> Span {
        let unit = cx.pairs[self.pair].side(lang).expect("segments are of pairs in both languages");
        let inlines: Vec<&Inline> = self.groups[lang as usize].iter().flat_map(|g| g.iter()).collect();
        let (Some(first), Some(last)) = (inlines.first(), inlines.last()) else { return unit.span.clone() };
        if first.span.file != last.span.file || first.span.start >= last.span.end {
            return unit.span.clone();
        }
        let file = first.span.file;
        let source = &cx.project.sources.get(file).text;
        let Some(within) = source.get(first.span.start..last.span.end) else { return unit.span.clone() };
        let key = self.key(lang);
        match within.find(key) {
            Some(at) => cx.project.sources.span(file, first.span.start + at..first.span.start + at + key.len()),
            None => cx.project.sources.span(file, first.span.start..last.span.end),
        }
    }
}

/// Every segment of the translated pairs in both languages, in reading order.
fn segments<'a>(cx: &'a Context<'a>) -> Vec<Segment<'a>> {
    let mut segments = Vec::new();
    for (i, pair) in cx.pairs.iter().enumerate() {
        if cx.unmatched.contains(&pair.address) {
            continue;
        }
        let Some((en, ja)) = pair.sides.both() else { continue };
        if !matches!(en.kind, UnitKind::Heading | UnitKind::Paragraph | UnitKind::List) || en.kind != ja.kind {
            continue;
        }
        let groups: Vec<[&'a [&'a [Inline]]; 2]> = if en.groups.len() == ja.groups.len() {
            (0..en.groups.len()).map(|g| [&en.groups[g..g + 1], &ja.groups[g..g + 1]]).collect()
        } else {
            vec![[&en.groups[..], &ja.groups[..]]]
        };
        for group in groups {
            // A whole unit's text is the unit's (most units: a paragraph, one group).
            let (en_text, ja_text) = (whole_or_part(en, group[0]), whole_or_part(ja, group[1]));
            let (en_sentences, ja_sentences) = (english_sentences(&en_text), japanese_sentences(&ja_text));
            let cut: Vec<(&str, &str)> = if en_sentences.len() == ja_sentences.len() {
                en_sentences.into_iter().zip(ja_sentences).collect()
            } else {
                vec![(&*en_text, &*ja_text)]
            };
            for (en, ja) in cut {
                let (en, ja) = (whitespace::collapse(en), whitespace::collapse(ja));
                // Nothing to translate: a number, a mark.
                if !en.chars().any(char::is_alphabetic) || ja.is_empty() {
                    continue;
                }
                segments.push(Segment { pair: i, groups: group, keys: [en, ja] });
            }
        }
    }
    segments
}

/// Closing marks a sentence's final mark may be followed by.
const CLOSING: &[char] = &['"', '\'', ')', ']', '”', '’', '」', '』', '）', '］', '】'];

/// Abbreviations a `.` ends without ending the sentence.
const ABBREVIATIONS: &[&str] =
    &["e.g", "i.e", "etc", "Mr", "Mrs", "Ms", "Dr", "No", "Nos", "Art", "para", "cf", "vs", "St"];

/// English sentences: cut after `.`, `?` or `!` (and closing marks) followed by whitespace and
/// not by a small letter; not after an abbreviation, a number or a single letter (`3.`, `(a).`).
fn english_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if !CLOSING.contains(&next) && !matches!(next, '.' | '?' | '!') {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        let rest = &text[end..];
        let after = rest.trim_start();
        if rest.len() == after.len() || after.is_empty() || after.starts_with(char::is_lowercase) {
            continue;
        }
        let word = text[start..at].rsplit(char::is_whitespace).next().unwrap_or_default();
        let word = word.trim_start_matches(['(', '[', '"', '“', '‘']);
        let label = word.chars().all(|c| c.is_ascii_digit() || c == ')')
            || (word.chars().count() == 1 || (word.len() == 2 && word.ends_with(')')));
        if c == '.' && (label || ABBREVIATIONS.contains(&word)) {
            continue;
        }
        sentences.push(&text[start..end]);
        start = end;
    }
    if !text[start..].trim().is_empty() {
        sentences.push(&text[start..]);
    }
    sentences
}

/// Japanese sentences: cut after `。`, `？`, `！` (and closing marks).
fn japanese_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !matches!(c, '。' | '？' | '！') {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if !CLOSING.contains(&next) && !matches!(next, '。' | '？' | '！') {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        if !text[end..].trim().is_empty() {
            sentences.push(&text[start..end]);
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        sentences.push(&text[start..]);
    }
    sentences
}

/// The text of `groups` of `unit`: the unit's own when they are all of it (most units: a
/// paragraph, one group).
fn whole_or_part<'u>(unit: &'u Unit<'_>, groups: &[&[Inline]]) -> Cow<'u, str> {
    if groups.len() == unit.groups.len() {
        Cow::Borrowed(&unit.text)
    } else {
        groups.iter().map(|g| text_without_refs(g)).collect::<Vec<_>>().join("\n").into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{explanation_examples, findings, project};

    fn run(en: &str, ja: &str) -> Vec<Draft> {
        findings(&project(en, ja), &Consistency)
    }

    #[test]
    fn sentences_are_cut_at_their_final_marks_only() {
        assert_eq!(
            english_sentences("We act. We comply, e.g. with laws. See Art. 3! Is it? yes it is."),
            vec!["We act.", " We comply, e.g. with laws.", " See Art. 3!", " Is it? yes it is."]
        );
        assert_eq!(english_sentences("3. Behave ethically"), vec!["3. Behave ethically"]);
        assert_eq!(
            japanese_sentences("私たちは行動する。「法」を守る。"),
            vec!["私たちは行動する。", "「法」を守る。"]
        );
    }

    #[test]
    fn inconsistent_translations_are_reported_and_consistent_ones_pass() {
        // (English, Japanese; each case two clauses)
        let cases: &[(&str, &str, usize)] = &[
            // One sentence translated two ways, in paragraphs of two sentences.
            (
                "# A {#a}\n\nWe act ethically. We comply.\n\n# B {#b}\n\nWe act ethically. We report.\n",
                "# A {#a}\n\n私たちは倫理的に行動します。私たちは遵守します。\n\n# B {#b}\n\n私たちは倫理的にふるまいます。私たちは報告します。\n",
                1,
            ),
            // Two English sentences given one Japanese translation.
            (
                "# A {#a}\n\nWe comply.\n\n# B {#b}\n\nWe obey.\n",
                "# A {#a}\n\n私たちは遵守します。\n\n# B {#b}\n\n私たちは遵守します。\n",
                1,
            ),
            // A list item and a heading, each translated two ways: one finding each.
            (
                "# Scope {#a}\n\n- Members\n- Staff\n\n# Scope {#b}\n\n- Members\n- Staff\n\n# Scope {#c}\n\nx.\n",
                "# 範囲 {#a}\n\n- 会員\n- 職員\n\n# 適用範囲 {#b}\n\n- 会員\n- スタッフ\n\n# 範囲 {#c}\n\nx。\n",
                2,
            ),
            // The same sentences translated the same way: nothing to report.
            (
                "# A {#a}\n\nWe act ethically. We comply.\n\n# B {#b}\n\nWe act ethically.  We comply.\n",
                "# A {#a}\n\n私たちは倫理的に行動します。私たちは遵守します。\n\n# B {#b}\n\n私たちは倫理的に行動します。私たちは遵守します。\n",
                0,
            ),
            // Sentence counts differ: the paragraphs are compared whole, and differ as wholes.
            (
                "# A {#a}\n\nWe act. We comply.\n\n# B {#b}\n\nWe act. We report.\n",
                "# A {#a}\n\n私たちは行動し、遵守します。\n\n# B {#b}\n\n私たちは行動し、報告します。\n",
                0,
            ),
        ];
        for (en, ja, expected) in cases {
            let found = run(en, ja);
            assert_eq!(found.len(), *expected, "{en}\n{ja}\n{found:?}");
        }
    }

    #[test]
    fn the_explanations_examples_fail_and_pass() {
        explanation_examples(&Consistency);
    }

    #[test]
    fn a_finding_is_at_the_later_occurrence_labelled_with_the_first() {
        let found = run(
            "# A {#a}\n\nWe comply.\n\n# B {#b}\n\nWe comply.\n\n# C {#c}\n\nWe comply.\n",
            "# A {#a}\n\n遵守します。\n\n# B {#b}\n\n従います。\n\n# C {#c}\n\n守ります。\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let draft = &found[0];
        assert_eq!(draft.address.to_string(), "b#1");
        assert_eq!(draft.diagnostic.message.id, "p021-english-translated-differently");
        assert_eq!(draft.excerpt.as_deref(), Some("We comply."));
        let labels: Vec<(Lang, u32)> = draft.diagnostic.labels.iter().map(|l| (l.lang, l.span.line)).collect();
        assert_eq!(labels, vec![(Lang::Ja, 7), (Lang::En, 7), (Lang::Ja, 3), (Lang::Ja, 11)]);
        assert_eq!(draft.diagnostic.labels[0].span.end - draft.diagnostic.labels[0].span.start, "従います。".len());
    }
}
