//! P026 enumerations: an in-sentence list has as many items in the Japanese as in the English
//! (the case that called for it: a translation of the Contributor Covenant that lists thirteen of
//! the sixteen characteristics of its pledge).
//!
//! Each paragraph or heading, and each list item (paired with the item of the same rank; lists of
//! different lengths are P002's finding and left alone), is read for series, and the longest
//! series of each language is compared; a pair is reported when both have at least `min_items` items
//! (`[check.enumerations]`, 4 by default) and the counts differ.
//!
//! - **English**: items separated by commas (not the comma of `1,000`), the last one opened by
//!   `and`, `or` or `nor` (`A, B, and C`), or joined to the one before it (`A, B and C`); or
//!   items separated by semicolons, the last opened by `and`/`or`. The first item is the end of
//!   the text before the first comma; the others are short (six words at most), and one that
//!   opens with a word that starts a clause (`regardless`, `including`, `which`, `but`…) ends the
//!   series, so `for everyone, regardless of age, body size, and religion` has three items. An
//!   `and` inside an item (`gender identity and expression`) does not split it.
//! - **Japanese**: items separated by `、` (or `，`), the last one opened by `及び`, `並びに`,
//!   `又は`, `若しくは`, `その他` (or their kana spellings, `そして`, `かつ`), or joined to the
//!   one before it by one of those, `や` or `と` (`A、B及びC`); items joined by `・` (not the `・`
//!   between two katakana words of a name). Every item is a short noun phrase (20 characters at
//!   most, ending as a noun does): a `、` after a clause (`私たちは、`, `…に従って、`) separates no
//!   items.
//! - In parentheses, in either language, items separated by commas or `、` are a series without
//!   a conjunction (`(age, sex, race)`, `（年齢、性別、人種）`).
//!
//! An item with a conjunction inside (`gender identity and expression`, `general and special
//! amnesty`, `性同一性とジェンダー表現`) may be one item or two: each list is counted both ways, and
//! a pair is reported only when both counts say the same list is longer (`general and special
//! amnesty, commutation, reprieve, and restoration`, four or five items, passes against
//! `大赦、特赦、減刑、刑の執行の免除及び復権`, five).
//!
//! An open list, one that ends with `etc.`, `等`, `など` or is introduced by `e.g.`, says that
//! it does not name every item: a pair whose longest series is open on either side is not
//! reported. Linear in the text: each character is read once per bracket depth.

use std::ops::Range;

use super::brackets::{Char, char_span, chars_of, literal_span};
use super::{Check, Context, Draft, Label, Unit};
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, InlineKind, Lang, walk_inlines};

pub struct Enumerations;

/// Words an English item (besides the first) has at most.
const MAX_WORDS: usize = 6;
/// Characters a Japanese item (besides the first) has at most.
const MAX_CHARS: usize = 20;
/// Where a conjunction joining the last two items is looked for: the first words (English) or
/// characters (Japanese) of the segment after the last comma.
const HEAD_WORDS: usize = 4;
const HEAD_CHARS: usize = 15;

const EN_CONJUNCTIONS: [&str; 4] = ["and", "or", "nor", "and/or"];
/// Words that open a clause, not an item: a comma before one ends a series.
const EN_OPENERS: [&str; 36] = [
    "regardless",
    "including",
    "such",
    "especially",
    "particularly",
    "namely",
    "e.g.",
    "i.e.",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "whenever",
    "if",
    "unless",
    "because",
    "while",
    "although",
    "though",
    "but",
    "not",
    "so",
    "whether",
    "than",
    "as",
    "whereas",
    "provided",
    "however",
    "therefore",
    "thus",
    "hence",
    "etc.",
    "etc",
    "without",
];
/// Words after which a sentence goes on (`No. 5`).
const EN_ABBREVIATIONS: [&str; 10] = ["e.g.", "i.e.", "etc.", "no.", "art.", "para.", "mr.", "ms.", "dr.", "vs."];

/// What opens the last item of a Japanese series (`、及び…`).
const JA_CONJUNCTIONS: [&str; 14] = [
    "及び",
    "および",
    "並びに",
    "ならびに",
    "又は",
    "または",
    "若しくは",
    "もしくは",
    "あるいは",
    "或いは",
    "そして",
    "かつ",
    "その他",
    "及",
];
/// What joins the last two items of a Japanese series inside one segment (`B及びC`).
const JA_JOINERS: [&str; 11] =
    ["及び", "および", "並びに", "ならびに", "又は", "または", "若しくは", "もしくは", "あるいは", "や", "と"];
/// Words that open an apposition or a clause, not an item (`原則、すなわちA、B`).
const JA_OPENERS: [&str; 13] = [
    "すなわち",
    "即ち",
    "つまり",
    "例えば",
    "たとえば",
    "特に",
    "とりわけ",
    "なお",
    "ただし",
    "但し",
    "しかし",
    "また",
    "さらに",
];
/// Endings of a clause, not of a noun phrase, though the last character would end a noun.
const JA_CLAUSE_ENDINGS: [&str; 10] = ["場合", "とき", "ため", "際", "限り", "うえ", "上で", "例えば", "たり", "だり"];

/// One series found in a block: how many items, whether it is open (`etc.`, `等`), and the
/// characters it spans (for the label).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Series {
    items: usize,
    /// Items with an `and`, `or`, `及び`, `と`… inside (`gender identity and expression`,
    /// `general and special amnesty`): each may be one item or two, so the list has between
    /// `items` and `items + joined` items.
    joined: usize,
    open: bool,
    range: Range<usize>,
}

impl Check for Enumerations {
    fn code(&self) -> &'static str {
        "P026"
    }

    fn name(&self) -> &'static str {
        "enumerations"
    }

    fn help(&self) -> &'static str {
        "help-p026"
    }

    /// Where items are grouped or spelled out differently, the counts differ without anything
    /// missing: measured on real texts, a warning.
    fn default_severity(&self) -> super::Severity {
        super::Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let min_items = cx.project.config.check.enumerations.min_items;
        for pair in cx.pairs.iter().filter(|p| !cx.unmatched.contains(&p.address)) {
            let Some((en, ja)) = pair.sides.both() else { continue };
            // List items one by one; lists of different lengths are P002's finding, not one here.
            if en.groups.len() != ja.groups.len() {
                continue;
            }
            let long_enough = |group: &[Inline]| separators(group) + 2 >= min_items;
            let compared =
                (en.groups.iter().zip(&ja.groups)).filter(|(e, j)| long_enough(j) && long_enough(e)).map(|(e, j)| {
                    (Longest::of(en.lang, std::slice::from_ref(e)), Longest::of(ja.lang, std::slice::from_ref(j)))
                });
            for (en_found, ja_found) in compared {
                let (Some(en_found), Some(ja_found)) = (en_found, ja_found) else { continue };
                let (e, j) = (&en_found.series, &ja_found.series);
                // Counted with every joined item as one item, and again as two: reported when
                // both counts say one list is longer.
                let (fewest, most) = (e.items.cmp(&j.items), (e.items + e.joined).cmp(&(j.items + j.joined)));
                if fewest != most || fewest.is_eq() || e.items < min_items || j.items < min_items || e.open || j.open {
                    continue;
                }
                let label = |count: usize| Message::new("label-p026-items").num("count", count as i64);
                out.push(
                    Draft::new(
                        Message::new("p026-counts").num("en", e.items as i64).num("ja", j.items as i64),
                        &pair.address,
                        Some(Lang::Ja),
                    )
                    .label(Label::new(Lang::Ja, &ja_found.span(ja)).with(label(j.items)))
                    .label(Label::new(Lang::En, &en_found.span(en)).with(label(e.items)))
                    .excerpt(ja_found.excerpt(40)),
                );
            }
        }
    }
}

/// Characters that separate the items of a series (`,` `;` `、` `，` `；` `・`) in the text of a
/// run, code left out as [`chars_of`] leaves it: a series of `n` items has at least `n - 2` (its
/// last two may be joined by a conjunction alone), so a run with fewer than `min_items - 2` holds
/// no series long enough to report and is not read.
fn separators(group: &[Inline]) -> usize {
    let mut count = 0;
    walk_inlines(group, &mut |inline| {
        if let InlineKind::Text(text) = &inline.kind {
            count += text.chars().filter(|c| matches!(c, ',' | ';' | '、' | '，' | '；' | '・')).count();
        }
    });
    count
}

/// The longest series of a unit, with the characters of the run it is in.
struct Longest<'a> {
    series: Series,
    chars: Vec<Char<'a>>,
}

impl<'a> Longest<'a> {
    fn of(lang: Lang, groups: &[&'a [Inline]]) -> Option<Self> {
        let mut best: Option<Longest<'a>> = None;
        for group in groups {
            let mut chars = chars_of(group);
            if lang == Lang::Ja {
                // Line breaks join Japanese text without a space.
                chars.retain(|ch| ch.c != '\n');
            }
            let text: Vec<char> = chars.iter().map(|ch| ch.c).collect();
            let found = series(&text, lang).into_iter().max_by_key(|s| (s.items, std::cmp::Reverse(s.range.start)));
            if let Some(found) = found
                && best.as_ref().is_none_or(|b| found.items > b.series.items)
            {
                best = Some(Longest { series: found, chars });
            }
        }
        best
    }

    fn span(&self, unit: &Unit<'_>) -> codepub_core::source::Span {
        let chars = &self.chars[self.series.range.clone()];
        literal_span(chars).unwrap_or_else(|| char_span(&chars[0], unit.span))
    }

    fn excerpt(&self, max: usize) -> String {
        let chars = &self.chars[self.series.range.clone()];
        let mut text: String = chars.iter().take(max).map(|ch| if ch.c == '\n' { ' ' } else { ch.c }).collect();
        if chars.len() > max {
            text.push('…');
        }
        text
    }
}

/// Every series of a run of text, in either language.
fn series(text: &[char], lang: Lang) -> Vec<Series> {
    let mut found = Vec::new();
    scan(text, 0..text.len(), lang, false, &mut found);
    found
}

fn opening(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        '（' => '）',
        '[' => ']',
        '「' => '」',
        '『' => '』',
        '【' => '】',
        '〔' => '〕',
        _ => return None,
    })
}

/// Reads `range` of `text` at one bracket depth: its series, then each bracketed part's.
fn scan(text: &[char], range: Range<usize>, lang: Lang, parenthetical: bool, out: &mut Vec<Series>) {
    let mut commas = Vec::new();
    let mut semicolons = Vec::new();
    let mut inner = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let c = text[i];
        if let Some(close) = opening(c) {
            // The matching bracket, nesting counted; an unclosed one runs to the end.
            let (mut depth, mut j) = (0usize, i);
            while j < range.end {
                if text[j] == c {
                    depth += 1;
                } else if text[j] == close {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            // Only round and corner brackets hold a list of their own; quotes are one item.
            if matches!(c, '(' | '（') {
                inner.push(i + 1..j.min(range.end));
            }
            i = j + 1;
            continue;
        }
        let digits_around =
            || i > range.start && text[i - 1].is_ascii_digit() && text.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        match (lang, c) {
            (Lang::En, ',') if !digits_around() => commas.push(i),
            (Lang::En, ';') => semicolons.push(i),
            (Lang::Ja, '、' | '，') => commas.push(i),
            _ => {}
        }
        i += 1;
    }
    let end = range.end.min(text.len());
    out.extend(comma_series(text, &segments(range.start, end, &commas), lang, parenthetical));
    if lang == Lang::En {
        out.extend(semicolon_series(text, &segments(range.start, end, &semicolons)));
    } else {
        out.extend(nakaguro_series(text, range.start..end));
    }
    for part in inner {
        scan(text, part, lang, true, out);
    }
}

/// The ranges between separators.
fn segments(start: usize, end: usize, separators: &[usize]) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(separators.len() + 1);
    let mut from = start;
    for &at in separators {
        ranges.push(from..at);
        from = at + 1;
    }
    ranges.push(from..end);
    ranges
}

/// A segment's text, trimmed.
fn trimmed(text: &[char], range: &Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (range.start, range.end);
    while start < end && text[start].is_whitespace() {
        start += 1;
    }
    while end > start && text[end - 1].is_whitespace() {
        end -= 1;
    }
    start..end
}

/// The words of an English segment, lower-cased, as character ranges.
fn words(text: &[char], range: &Range<usize>) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if text[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < range.end && !text[i].is_whitespace() {
            i += 1;
        }
        words.push(start..i);
    }
    words
}

fn is_word(text: &[char], word: &Range<usize>, list: &[&str]) -> bool {
    let mut word = &text[word.clone()];
    while let [rest @ .., ',' | ':'] = word {
        word = rest;
    }
    list.iter().any(|candidate| candidate.chars().eq(word.iter().flat_map(|c| c.to_lowercase())))
}

fn starts_with(text: &[char], range: &Range<usize>, prefix: &str) -> bool {
    let mut chars = text[range.clone()].iter();
    prefix.chars().all(|p| chars.next() == Some(&p))
}

fn ends_with(text: &[char], range: &Range<usize>, suffix: &str) -> bool {
    let n = suffix.chars().count();
    range.end - range.start >= n && starts_with(text, &(range.end - n..range.end), suffix)
}

/// Whether an English segment ends a sentence or clause inside it (`B. C`, `B; C`).
fn en_breaks(text: &[char], range: &Range<usize>) -> bool {
    let segment = &text[range.clone()];
    if segment.iter().any(|c| matches!(c, ';' | ':' | '?' | '!')) {
        return true;
    }
    (words(text, range).iter())
        .any(|w| text[w.end - 1] == '.' && w.end < range.end && !is_word(text, w, &EN_ABBREVIATIONS))
}

/// How a segment can take part in a series, per language.
trait Items {
    /// The segment may end with the first item (its text before is not read).
    fn first(&self, text: &[char], seg: &Range<usize>) -> bool;
    /// The segment is one item of the middle of a series.
    fn middle(&self, text: &[char], seg: &Range<usize>) -> bool;
    /// The segment opens with the last item (`and C`, `及びC`).
    fn opens_last(&self, text: &[char], seg: &Range<usize>) -> bool;
    /// The segment opens with two items joined (`C and D`, `C及びD`).
    fn joins_two(&self, text: &[char], seg: &Range<usize>) -> bool;
    /// The segment opens with an item that says the list goes on (`etc.`, `C等`).
    fn opens_open_end(&self, text: &[char], seg: &Range<usize>) -> bool;
    /// The segment introduces examples (`e.g.`): the series after it is open.
    fn introduces_examples(&self, text: &[char], seg: &Range<usize>) -> bool;
}

struct English;
struct Japanese;

impl Items for English {
    fn first(&self, text: &[char], seg: &Range<usize>) -> bool {
        let words = words(text, seg);
        match words.as_slice() {
            [] => false,
            [only] => !is_word(text, only, &EN_OPENERS) && !is_word(text, only, &EN_CONJUNCTIONS),
            [.., last] => !is_word(text, last, &["e.g.", "i.e.", "example", "including", "as"]),
        }
    }

    fn middle(&self, text: &[char], seg: &Range<usize>) -> bool {
        let words = words(text, seg);
        match words.first() {
            None => false,
            Some(first) => {
                words.len() <= MAX_WORDS
                    && !is_word(text, first, &EN_CONJUNCTIONS)
                    && !is_word(text, first, &EN_OPENERS)
                    && !en_breaks(text, seg)
            }
        }
    }

    fn opens_last(&self, text: &[char], seg: &Range<usize>) -> bool {
        words(text, seg).first().is_some_and(|w| is_word(text, w, &EN_CONJUNCTIONS))
            && !(words(text, seg).get(1)).is_some_and(|w| is_word(text, w, &["so", "on", "others"]))
    }

    fn joins_two(&self, text: &[char], seg: &Range<usize>) -> bool {
        let words = words(text, seg);
        (words.iter().enumerate().skip(1).take(HEAD_WORDS - 1))
            .take_while(|(i, w)| *i == 1 || !en_breaks(text, &(words[0].start..w.end)))
            .any(|(_, w)| is_word(text, w, &EN_CONJUNCTIONS))
    }

    fn opens_open_end(&self, text: &[char], seg: &Range<usize>) -> bool {
        let words = words(text, seg);
        words.first().is_some_and(|w| is_word(text, w, &["etc.", "etc"]))
            || words.last().is_some_and(|w| is_word(text, w, &["etc.", "etc"]))
            || (words.first().is_some_and(|w| is_word(text, w, &["and"])))
                && words.get(1).is_some_and(|w| is_word(text, w, &["so", "others"]))
    }

    fn introduces_examples(&self, text: &[char], seg: &Range<usize>) -> bool {
        words(text, seg).last().is_some_and(|w| is_word(text, w, &["e.g.", "example", "including", "as"]))
    }
}

/// A character a Japanese noun phrase ends with: kanji, katakana, a letter or digit, a closing
/// bracket, or kana that is no particle nor verb ending.
fn ends_a_noun(c: char) -> bool {
    if matches!(c, '\u{3041}'..='\u{309F}') {
        return !matches!(
            c,
            'は' | 'が' | 'を' | 'に' | 'で' | 'て' | 'し' | 'ば' | 'ら' | 'も' | 'へ' | 'く' | 'ず' | 'と'
        );
    }
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '々' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}'
        | '」' | '』' | '）' | ')' | '】' | '〕'
    ) || c.is_alphanumeric()
}

/// A character a Japanese noun starts with (after `や` or `と` joining two).
fn starts_a_noun(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '「' | '『')
        || c.is_alphanumeric() && !matches!(c, '\u{3041}'..='\u{309F}')
}

fn ja_noun_phrase_end(text: &[char], seg: &Range<usize>) -> bool {
    seg.end > seg.start
        && (ends_a_noun(text[seg.end - 1]) || ends_with(text, seg, "こと"))
        && !JA_CLAUSE_ENDINGS.iter().any(|ending| ends_with(text, seg, ending))
        // A verb's り (`あり`, `により`), not a noun's (`気配り`).
        && !(text[seg.end - 1] == 'り' && seg.end - seg.start >= 2 && matches!(text[seg.end - 2], '\u{3041}'..='\u{309F}'))
}

/// Where in the head of a Japanese segment a joiner stands between two nouns.
fn ja_joined(text: &[char], seg: &Range<usize>) -> bool {
    let head_end = (seg.start + HEAD_CHARS).min(seg.end);
    let breaks = |i: usize| matches!(text[i], '。' | '！' | '？' | '：' | '；');
    for i in seg.start + 1..head_end {
        if breaks(i) {
            return false;
        }
        for joiner in JA_JOINERS {
            if !starts_with(text, &(i..seg.end), joiner) || !ends_a_noun(text[i - 1]) {
                continue;
            }
            let after = i + joiner.chars().count();
            let strict = matches!(joiner, "や" | "と");
            if strict && !(ja_kanji_or_katakana(text[i - 1]) && text.get(after).is_some_and(|&c| starts_a_noun(c))) {
                continue;
            }
            return after < seg.end;
        }
    }
    false
}

fn ja_kanji_or_katakana(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '々' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '」' | '）')
}

impl Items for Japanese {
    fn first(&self, text: &[char], seg: &Range<usize>) -> bool {
        ja_noun_phrase_end(text, seg)
            && !(seg.clone()).any(|i| matches!(text[i], '。' | '！' | '？') && i + 1 == seg.end)
    }

    fn middle(&self, text: &[char], seg: &Range<usize>) -> bool {
        let len = seg.end - seg.start;
        (1..=MAX_CHARS).contains(&len)
            && ja_noun_phrase_end(text, seg)
            && !JA_CONJUNCTIONS.iter().chain(&JA_OPENERS).any(|c| starts_with(text, seg, c))
            && !(seg.clone()).any(|i| matches!(text[i], '。' | '！' | '？' | '：' | '；' | ' ' | '\u{3000}'))
    }

    fn opens_last(&self, text: &[char], seg: &Range<usize>) -> bool {
        JA_CONJUNCTIONS.iter().any(|c| starts_with(text, seg, c))
    }

    fn joins_two(&self, text: &[char], seg: &Range<usize>) -> bool {
        ja_joined(text, seg)
    }

    fn opens_open_end(&self, text: &[char], seg: &Range<usize>) -> bool {
        let head_end = (seg.start + HEAD_CHARS).min(seg.end);
        (seg.start + 1..head_end)
            .any(|i| (text[i] == '等' || starts_with(text, &(i..seg.end), "など")) && ends_a_noun(text[i - 1]))
            || ends_with(text, seg, "等")
            || ends_with(text, seg, "など")
    }

    fn introduces_examples(&self, text: &[char], seg: &Range<usize>) -> bool {
        ends_with(text, seg, "例えば") || ends_with(text, seg, "たとえば")
    }
}

/// Series of comma-separated (`、`-separated) segments.
fn comma_series(text: &[char], segs: &[Range<usize>], lang: Lang, parenthetical: bool) -> Vec<Series> {
    let rules: &dyn Items = match lang {
        Lang::En => &English,
        Lang::Ja => &Japanese,
    };
    let segs: Vec<Range<usize>> = segs.iter().map(|s| trimmed(text, s)).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < segs.len() {
        if !rules.first(text, &segs[i]) {
            i += 1;
            continue;
        }
        let examples = i > 0 && rules.introduces_examples(text, &segs[i - 1]);
        let mut j = i + 1;
        while j < segs.len() && rules.middle(text, &segs[j]) && !rules.opens_last(text, &segs[j]) {
            j += 1;
        }
        // segs[i] holds the first item, segs[i + 1..j] one item each; segs[j], if any, does not.
        let middles = j - i - 1;
        let last_middle = (middles > 0).then(|| &segs[j - 1]);
        let mut open = examples;
        // The last middle segment is two items (`C and D`), counted as such.
        let mut split_last_middle = false;
        let items = match segs.get(j) {
            Some(next) if rules.opens_open_end(text, next) && middles > 0 => {
                open = true;
                // `etc.` is no item; `敬意等` is one.
                let etc =
                    lang == Lang::En && words(text, next).first().is_some_and(|w| is_word(text, w, &["etc.", "etc"]));
                Some(middles + if etc { 1 } else { 2 })
            }
            Some(next) if rules.opens_last(text, next) => Some(middles + 2),
            Some(next) if rules.joins_two(text, next) => Some(middles + 3),
            _ if last_middle.is_some_and(|m| rules.opens_open_end(text, m)) => {
                open = true;
                Some(middles + 1)
            }
            _ if last_middle.is_some_and(|m| rules.joins_two(text, m) && !rules.opens_last(text, m)) => {
                split_last_middle = true;
                Some(middles + 2)
            }
            None if parenthetical && middles > 0 => Some(middles + 1),
            _ => None,
        };
        match items {
            Some(items) => {
                let end = segs.get(j).map_or(segs[j - 1].end, |next| head_end(text, next, lang));
                let joined = joined_items(text, &segs[i..j - usize::from(split_last_middle)], segs.get(j), lang);
                found.push(Series { items, joined, open, range: first_item_start(text, &segs[i], lang)..end });
                // The last segment may hold the first item of another series.
                i = j.max(i + 1);
            }
            // Any start among the middle segments ends at the same segment, with no more: none
            // holds a series either, so each segment is read once (linear).
            None => i = j,
        }
    }
    found
}

/// How many items of a series have a conjunction inside: the end of the first segment, the
/// middle ones, and the item after the conjunction opening the last segment.
fn joined_items(text: &[char], segs: &[Range<usize>], last: Option<&Range<usize>>, lang: Lang) -> usize {
    let Some((first, middles)) = segs.split_first() else { return 0 };
    match lang {
        Lang::En => {
            let has_conjunction = |words: &[Range<usize>]| words.iter().any(|w| is_word(text, w, &EN_CONJUNCTIONS));
            let first_words = words(text, first);
            let tail = &first_words[first_words.len().saturating_sub(HEAD_WORDS)..];
            let last_joined = last.is_some_and(|seg| {
                let words = words(text, seg);
                English.opens_last(text, seg) && has_conjunction(&words[1..words.len().min(HEAD_WORDS + 1)])
            });
            usize::from(has_conjunction(tail))
                + middles.iter().filter(|m| has_conjunction(&words(text, m))).count()
                + usize::from(last_joined)
        }
        Lang::Ja => {
            let tail = first.end.saturating_sub(MAX_CHARS).max(first.start)..first.end;
            let last_joined = last.is_some_and(|seg| Japanese.opens_last(text, seg) && ja_joined(text, seg));
            usize::from(ja_joined(text, &tail))
                + middles.iter().filter(|m| ja_joined(text, m)).count()
                + usize::from(last_joined)
        }
    }
}

/// Where the first item of a series starts in its segment, for the label: the segment's start
/// when it is short, else its last word (English) or what follows its last kana (Japanese).
fn first_item_start(text: &[char], seg: &Range<usize>, lang: Lang) -> usize {
    match lang {
        Lang::En => {
            let words = words(text, seg);
            if words.len() <= MAX_WORDS { seg.start } else { words.last().map_or(seg.start, |w| w.start) }
        }
        Lang::Ja if seg.end - seg.start <= MAX_CHARS => seg.start,
        Lang::Ja => (seg.start..seg.end)
            .rev()
            .find(|&i| matches!(text[i], '\u{3041}'..='\u{309F}' | '。' | ' ' | '\u{3000}') && i + 1 < seg.end)
            .map_or(seg.start, |i| i + 1),
    }
}

/// The end of the last item's head, for the label.
fn head_end(text: &[char], seg: &Range<usize>, lang: Lang) -> usize {
    match lang {
        Lang::En => words(text, seg).iter().take(HEAD_WORDS).next_back().map_or(seg.end, |w| w.end),
        Lang::Ja => (seg.start..seg.end)
            .take(HEAD_CHARS)
            .find(|&i| matches!(text[i], '。' | '！' | '？'))
            .unwrap_or((seg.start + HEAD_CHARS).min(seg.end)),
    }
}

/// English series of semicolon-separated parts, the last opened by `and` or `or` (`A; B; and C`).
fn semicolon_series(text: &[char], segs: &[Range<usize>]) -> Vec<Series> {
    let segs: Vec<Range<usize>> = segs.iter().map(|s| trimmed(text, s)).collect();
    let last = segs.iter().rposition(|s| English.opens_last(text, s));
    match last {
        Some(last) if last >= 2 => {
            vec![Series {
                items: last + 1,
                joined: 0,
                open: false,
                range: segs[0].start..head_end(text, &segs[last], Lang::En),
            }]
        }
        _ => Vec::new(),
    }
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// Japanese series of words joined by `・` (`個人・団体・機関`); a `・` between katakana on both
/// sides separates the words of a name (`コード・オブ・コンダクト`).
fn nakaguro_series(text: &[char], range: Range<usize>) -> Vec<Series> {
    let mut found = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if text[i] != '・' || i == range.start {
            i += 1;
            continue;
        }
        let joins = |at: usize| {
            text[at] == '・'
                && at > range.start
                && at + 1 < range.end
                && ja_kanji_or_katakana(text[at - 1])
                && ja_kanji_or_katakana(text[at + 1])
                && !(is_katakana(text[at - 1]) && is_katakana(text[at + 1]))
        };
        if !joins(i) {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > range.start && ja_kanji_or_katakana(text[start - 1]) {
            start -= 1;
        }
        let mut items = 1;
        let mut j = i;
        while j < range.end && joins(j) {
            items += 1;
            j += 1;
            while j < range.end && ja_kanji_or_katakana(text[j]) {
                j += 1;
            }
        }
        found.push(Series { items, joined: 0, open: false, range: start..j });
        i = j.max(i + 1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{explanation_examples, findings, project_with};

    /// A text, its language, and the items of its longest series and whether it is open.
    type Counted = (&'static str, Lang, Option<(usize, bool)>);
    /// English, Japanese, and the counts reported on them.
    type Reported = (&'static str, &'static str, &'static [(i64, i64)]);

    /// The counts reported on a one-paragraph pair (English, Japanese), with `config`.
    fn reported_with(en: &str, ja: &str, config: &str) -> Vec<(i64, i64)> {
        let p = project_with(&format!("# A {{#a}}\n\n{en}\n"), &format!("# エー {{#a}}\n\n{ja}\n"), config);
        let number = |arg: &codepub_core::i18n::Arg| match arg {
            codepub_core::i18n::Arg::Number(n) => *n,
            codepub_core::i18n::Arg::Text(t) => panic!("a number, not {t}"),
        };
        (findings(&p, &Enumerations).into_iter())
            .map(|d| (number(&d.diagnostic.message.args[0].1), number(&d.diagnostic.message.args[1].1)))
            .collect()
    }

    fn reported(en: &str, ja: &str) -> Vec<(i64, i64)> {
        reported_with(en, ja, "")
    }

    /// The item counts of the longest series of a text.
    fn longest(text: &str, lang: Lang) -> Option<(usize, bool)> {
        let chars: Vec<char> = text.chars().collect();
        series(&chars, lang).into_iter().max_by_key(|s| s.items).map(|s| (s.items, s.open))
    }

    const COVENANT_EN: &str = "We as members, contributors, and leaders pledge to make participation in our \
        community a harassment-free experience for everyone, regardless of age, body size, visible or invisible \
        disability, ethnicity, sex characteristics, gender identity and expression, level of experience, \
        education, socio-economic status, nationality, personal appearance, race, caste, color, religion, or \
        sexual identity and orientation.";
    const COVENANT_JA: &str = "メンバー、コントリビューター、およびリーダーとして、年齢、体の大きさ、目に見えるまたは目に見えない\
        障害、民族性、性的特徴、性同一性とジェンダー表現、経験のレベル、教育、社会経済的地位、国籍、人格、人種、カースト、\
        肌の色、宗教、または性的同一性と性的指向に関係なく、コミュニティへの参加をハラスメントのない体験にすることを誓います。";
    /// The same Japanese without 性的特徴, 教育 and 社会経済的地位.
    const COVENANT_JA_SHORT: &str = "メンバー、コントリビューター、およびリーダーとして、年齢、体の大きさ、目に見えるまたは目に見えない\
        障害、民族性、性同一性とジェンダー表現、経験のレベル、国籍、人格、人種、カースト、\
        肌の色、宗教、または性的同一性と性的指向に関係なく、コミュニティへの参加をハラスメントのない体験にすることを誓います。";

    #[test]
    fn covenant_pledge_missing_three_characteristics_in_japanese_is_reported_with_both_counts() {
        assert_eq!(reported(COVENANT_EN, COVENANT_JA_SHORT), [(16, 13)]);
        assert_eq!(reported(COVENANT_EN, COVENANT_JA), []);
    }

    #[test]
    fn series_are_counted_in_each_language() {
        // (text, language, items of the longest series and whether it is open; None: no series).
        let table: &[Counted] = &[
            (COVENANT_EN, Lang::En, Some((16, false))),
            (COVENANT_JA, Lang::Ja, Some((16, false))),
            // Oxford comma or not, `or`, `nor`.
            ("We value honesty, integrity, fairness, and respect.", Lang::En, Some((4, false))),
            ("We value honesty, integrity, fairness and respect.", Lang::En, Some((4, false))),
            ("Neither A, B, C, nor D applies.", Lang::En, Some((4, false))),
            ("We value honesty, integrity, fairness and respect in all dealings.", Lang::En, Some((4, false))),
            // An `and` inside an item does not split it.
            ("It covers age, gender identity and expression, race, and religion.", Lang::En, Some((4, false))),
            // A semicolon series.
            ("We act fairly; we keep records; we share them; and we listen.", Lang::En, Some((4, false))),
            // Numbers with a comma are not separators.
            ("It costs 1,000 francs, 2,000 euros, 3,000 dollars, or 4,000 yen.", Lang::En, Some((4, false))),
            // A clause comma before the series is not one.
            ("This applies to everyone, regardless of age, sex, race, or religion.", Lang::En, Some((4, false))),
            // Parentheses: a list without conjunction; an e.g. list is open; an etc. list too.
            ("Some traits (age, sex, race, religion) are protected.", Lang::En, Some((4, false))),
            ("Some traits (e.g., age, sex, race, religion) are protected.", Lang::En, Some((4, true))),
            ("We value honesty, integrity, fairness, respect, etc.", Lang::En, Some((4, true))),
            // No conjunction: no series.
            ("We value honesty, integrity, fairness, respect.", Lang::En, None),
            ("Yes, we did, and we will.", Lang::En, Some((3, false))),
            // Japanese: 及び after a 、, joined inside the last segment, や, と.
            ("誠実、公正、透明性、及び説明責任をもって行動する。", Lang::Ja, Some((4, false))),
            ("誠実、公正、透明性及び説明責任をもって行動する。", Lang::Ja, Some((4, false))),
            ("誠実、公正、透明性や説明責任を重んじる。", Lang::Ja, Some((4, false))),
            ("誠実、公正、透明性と説明責任を重んじる。", Lang::Ja, Some((4, false))),
            ("年齢、性別、人種、その他の属性", Lang::Ja, Some((4, false))),
            // A noun ending in り is an item; the たり form of a verb is not.
            ("注意力、気配り、勤勉さ、そしてスキルをもって力を発揮します。", Lang::Ja, Some((4, false))),
            ("話したり、聞いたり、書いたり、そして読んだりする。", Lang::Ja, None),
            ("実施する責任があり、不適切、脅迫的、攻撃的、または有害と見なされる", Lang::Ja, Some((4, false))),
            (
                "法の下に平等であつて、人種、信条、性別、社会的身分又は門地により、政治的、経済的又は社会的関係において",
                Lang::Ja,
                Some((5, false)),
            ),
            // 、 after clauses is not a list separator.
            ("私たちは、合意されたプロセスに従って、紛争を特定し、そして、その結果を尊重します。", Lang::Ja, None),
            ("私たちは、誠実、公正、透明性及び説明責任をもって行動します。", Lang::Ja, Some((4, false))),
            // ・ joins words, not the words of a katakana name.
            ("個人・団体・機関・国は対象となる。", Lang::Ja, Some((4, false))),
            ("コード・オブ・コンダクトを読む。", Lang::Ja, None),
            // Parentheses and open lists.
            ("属性（年齢、性別、人種、宗教）は保護される。", Lang::Ja, Some((4, false))),
            ("年齢、性別、人種、宗教等を理由とする差別", Lang::Ja, Some((4, true))),
            ("年齢、性別、人種、宗教などを理由とする差別", Lang::Ja, Some((4, true))),
            ("例えば、年齢、性別、人種、又は宗教を理由とする差別", Lang::Ja, Some((4, true))),
            // Full-width comma and digits.
            ("年齢，性別，人種，又は宗教", Lang::Ja, Some((4, false))),
        ];
        for (text, lang, expected) in table {
            assert_eq!(longest(text, *lang), *expected, "{text}");
        }
    }

    #[test]
    fn failing_and_passing_pairs() {
        // (English, Japanese, counts reported; empty: passes).
        let table: &[Reported] = &[
            (
                "We value honesty, integrity, fairness, courage, and respect.",
                "私たちは、誠実、公正、勇気、及び敬意を重んじます。",
                &[(5, 4)],
            ),
            (
                "We value honesty, integrity, fairness, and respect.",
                "私たちは、誠実、高潔、公正、透明性、及び敬意を重んじます。",
                &[(4, 5)],
            ),
            (
                "Some traits (age, sex, race, caste, religion) are protected.",
                "一部の属性（年齢、性別、人種、宗教）は保護される。",
                &[(5, 4)],
            ),
            (
                "Staff, members, partners, donors and guests may attend.",
                "職員・会員・協力者・来賓が出席できる。",
                &[(5, 4)],
            ),
            // Passing: the same count.
            (
                "We value honesty, integrity, fairness, and respect.",
                "私たちは、誠実、高潔、公正、及び敬意を重んじます。",
                &[],
            ),
            // Passing: an apposition (`principles, namely A, B`, `原則、すなわちA、B`) is no item.
            (
                "We uphold the key principles, namely consensus, transparency, openness, coherence and development.",
                "我々は、重要な原則、すなわちコンセンサス、透明性、開放性、一貫性および開発を支持します。",
                &[],
            ),
            // Passing: an `and` inside an item against one Japanese item.
            (
                "It covers age, gender identity and expression, race, and religion.",
                "年齢、性同一性とジェンダー表現、人種、及び宗教を対象とする。",
                &[],
            ),
            // Passing: `general and special amnesty` may be two items, as 大赦、特赦 are (the
            // Constitution of Japan, Article 7 (vi)).
            (
                "Attestation of general and special amnesty, commutation of punishment, reprieve, and restoration of rights.",
                "大赦、特赦、減刑、刑の執行の免除及び復権を認証すること。",
                &[],
            ),
            // Passing: a clause comma in English, clause 、 in Japanese.
            (
                "This applies to everyone, regardless of age, sex, race, or religion.",
                "これは、年齢、性別、人種、又は宗教に関係なく、すべての人に適用される。",
                &[],
            ),
            // Passing: 1,000 is no separator.
            (
                "It costs 1,000 francs, 2,000 euros, 3,000 dollars, or 4,000 yen.",
                "1,000フラン、2,000ユーロ、3,000ドル、又は4,000円かかる。",
                &[],
            ),
            // Passing: an open list on either side.
            ("We value honesty, integrity, fairness, respect, etc.", "私たちは、誠実、公正、敬意等を重んじます。", &[]),
            (
                "We value honesty, integrity, fairness, and respect.",
                "私たちは、誠実、公正、敬意などを重んじます。",
                &[],
            ),
            // Passing: fewer than min_items on one side.
            ("We value honesty, integrity, fairness, and respect.", "私たちは、誠実及び公正を重んじます。", &[]),
            // Passing: a Japanese list without conjunction is no list.
            ("We value honesty, integrity, fairness, and respect.", "私たちは、誠実、公正、敬意を重んじます。", &[]),
        ];
        for (en, ja, expected) in table {
            assert_eq!(reported(en, ja), *expected, "{en} | {ja}");
        }
    }

    #[test]
    fn list_items_are_compared_one_by_one_when_both_lists_have_as_many() {
        // The longest lists agree (6 items); the second items do not (5 and 4).
        let en =
            "# A {#a}\n\n- Age, sex, race, caste, color and creed.\n- Staff, members, partners, donors and guests.\n";
        let ja = "# エー {#a}\n\n- 年齢、性別、人種、カースト、肌の色及び信条\n- 職員、会員、協力者及び来賓\n";
        let found = findings(&project_with(en, ja, ""), &Enumerations);
        let counts: Vec<&[(&str, codepub_core::i18n::Arg)]> =
            found.iter().map(|d| &d.diagnostic.message.args[..]).collect();
        assert_eq!(counts.len(), 1, "{found:?}");
        assert_eq!(counts[0][0].1, codepub_core::i18n::Arg::Number(5));
        assert_eq!(counts[0][1].1, codepub_core::i18n::Arg::Number(4));
    }

    #[test]
    fn lists_with_a_different_number_of_items_are_left_to_p002() {
        let en = "# A {#a}\n\n- Age, sex, race, caste, color and creed.\n- Staff.\n";
        let ja = "# エー {#a}\n\n- 年齢、性別、人種及び信条\n";
        assert!(findings(&project_with(en, ja, ""), &Enumerations).is_empty());
    }

    #[test]
    fn a_series_of_min_items_is_read_when_it_has_just_enough_separators() {
        // Four items, two commas, the last two joined by `and` / `及び`: the least a reported
        // series has; one separator fewer on either side is no series of four.
        let (en, ja) = ("Members declare age, sex, race and religion.", "会員は年齢、性別及び宗教を申告する。");
        assert_eq!(reported_with(en, ja, ""), []);
        let ja = "会員は年齢、性別、人種、国籍及び宗教を申告する。";
        assert_eq!(reported_with(en, ja, ""), [(4, 5)]);
        assert_eq!(separators(&[]), 0);
    }

    #[test]
    fn min_items_sets_how_long_both_lists_must_be() {
        let (en, ja) =
            ("We value honesty, integrity, and respect.", "私たちは、誠実、高潔、公正及び敬意を重んじます。");
        assert_eq!(reported(en, ja), []);
        assert_eq!(reported_with(en, ja, "[check.enumerations]\nmin_items = 3\n"), [(3, 4)]);
        assert_eq!(reported_with(COVENANT_EN, COVENANT_JA_SHORT, "[check.enumerations]\nmin_items = 14\n"), []);
    }

    #[test]
    fn the_finding_is_labelled_at_both_lists() {
        let p = project_with(
            "# A {#a}\n\nWe value honesty, integrity, fairness, and respect.\n",
            "# エー {#a}\n\n私たちは、誠実、公正、勇気、高潔、及び敬意を重んじます。\n",
            "",
        );
        let found = findings(&p, &Enumerations);
        let [draft] = &found[..] else { panic!("{found:?}") };
        let labelled: Vec<(Lang, &str)> = (draft.diagnostic.labels.iter())
            .map(|l| (l.lang, &p.sources.get(l.span.file).text[l.span.range()]))
            .collect();
        assert_eq!(
            labelled,
            [
                (Lang::Ja, "誠実、公正、勇気、高潔、及び敬意を重んじます"),
                (Lang::En, "We value honesty, integrity, fairness, and respect.")
            ]
        );
        assert_eq!(draft.lang, Some(Lang::Ja));
    }

    #[test]
    fn no_input_panics() {
        for text in [
            "",
            ",",
            "、",
            "(",
            "（",
            ")",
            "、、、及び",
            ", , , and",
            "a,",
            "・",
            "・・",
            "A・",
            "（、、",
            "1,",
            "e.g.,",
        ] {
            for lang in Lang::BOTH {
                let _ = longest(text, lang);
            }
        }
        assert_eq!(reported("(a, b, c, and", "（あ、い、う、及び"), []);
        // A long run of separators without a series is read once, not once per start.
        assert_eq!(longest(&"word, ".repeat(50_000), Lang::En), None);
        assert_eq!(longest(&"私たちは、".repeat(50_000), Lang::Ja), None);
    }

    #[test]
    fn the_explanation_examples_fail_and_pass() {
        explanation_examples(&Enumerations);
    }
}
