//! P018 unpaired-brackets: brackets and quotes that open and close within one scope, in each
//! language, and parentheses that pair across the two.
//!
//! **Within a language.** The scope is a heading, a paragraph or one list item: a bracket opened
//! in one list item and closed in the next is reported (an item is read on its own, in the
//! editions and by the other checks). The pairs are `( )` and `（ ）` (one kind in two widths),
//! `[ ]` and `［ ］` (the same), `「 」`, `『 』`, `【 】`, `〔 〕`, `〈 〉`, `《 》`, `“ ”` and
//! `‘ ’`. Code spans are not read, nor are link targets; a Markdown link's brackets are markup,
//! not text. Straight quotes `"` and `'` are left out: they do not say whether they open or close.
//! `’` is also the apostrophe: between two letters (`ISO’s`, `don’t`) it always is one, and
//! elsewhere it closes a `‘` only when one is open (`members’ rights` alone is an apostrophe).
//! A `)` or `）` that closes nothing right after an enumerator (`a)`, `iv)`, `1)`, `イ）`, at the
//! start of a word) is the enumerator's, as in `section b) above`, and not reported.
//!
//! Reported: an opening bracket never closed, a closing one that closes nothing, each labelled at
//! the bracket; and a pair of two widths (`(…）`), fixed by writing the member of the other width
//! in the language's own form (half-width in English, full-width in Japanese). In Japanese a
//! half-width member that touches Japanese text is P007's finding (with the same fix), so it is
//! left to P007.
//!
//! **Across the pair.** The number of parenthesised asides, `( )` and `（ ）` counted together,
//! must be the same in both languages, per heading or block (list items summed), when neither
//! side has an unpaired bracket. A parenthesis holding only a number or an enumerator
//! (`forty (40) days`, `paragraph (i)`) is a drafting convention and is not counted. Quotes are
//! not compared: English “…” and Japanese 「…」 do not translate one to one (Japanese quotes
//! defined terms the English leaves bare).

use super::{Check, Context, Draft, Fix, Label, Unit, literal_span_in_text};
use codepub_core::address::Address;
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, InlineKind, Lang, walk_inlines};
use codepub_core::script::{is_japanese, is_kana_or_kanji};
use codepub_core::source::Span;
use std::collections::HashMap;

use foldhash::fast::FixedState;

pub struct UnpairedBrackets;

/// One character of an inline run as printed and, for text, where it comes from.
#[derive(Clone, Copy)]
pub(super) struct Char<'a> {
    pub c: char,
    /// The text inline holding the character and its byte offset there.
    pub origin: Option<(&'a Inline, usize)>,
}

/// Stands for a code span: no word, no bracket, and it separates what is on either side.
pub(super) const CODE: char = '\u{FFFC}';

/// The characters of an inline run, footnote references left out: line breaks are `\n`, a code
/// span is one [`CODE`].
pub(super) fn chars_of(group: &[Inline]) -> Vec<Char<'_>> {
    // Reserved exactly, once: growing by each inline's characters cost more than the scan.
    let mut count = 0;
    each_char(group, &mut |_| count += 1);
    let mut chars = Vec::with_capacity(count);
    walk_inlines(group, &mut |inline| match &inline.kind {
        InlineKind::Text(text) => {
            for (offset, c) in text.char_indices() {
                chars.push(Char { c, origin: Some((inline, offset)) });
            }
        }
        InlineKind::Code(_) => chars.push(Char { c: CODE, origin: None }),
        InlineKind::SoftBreak | InlineKind::HardBreak => chars.push(Char { c: '\n', origin: None }),
        _ => {}
    });
    chars
}

/// The characters [`chars_of`] gives, one by one, without building them: for a quick look
/// before the whole scan.
pub(super) fn each_char(group: &[Inline], visit: &mut impl FnMut(char)) {
    walk_inlines(group, &mut |inline| match &inline.kind {
        InlineKind::Text(text) => text.chars().for_each(&mut *visit),
        InlineKind::Code(_) => visit(CODE),
        InlineKind::SoftBreak | InlineKind::HardBreak => visit('\n'),
        _ => {}
    });
}

/// The source span of consecutive characters `chars`, when one text inline spells them literally.
pub(super) fn literal_span(chars: &[Char<'_>]) -> Option<Span> {
    let (first, start) = chars.first()?.origin?;
    let mut len = 0;
    for ch in chars {
        let (inline, offset) = ch.origin?;
        if !std::ptr::eq(inline, first) || offset != start + len {
            return None;
        }
        len += ch.c.len_utf8();
    }
    literal_span_in_text(first, start, len)
}

/// The span of one character: its own, else its inline's, else `fallback`.
pub(super) fn char_span(ch: &Char<'_>, fallback: &Span) -> Span {
    literal_span(std::slice::from_ref(ch)).unwrap_or_else(|| ch.origin.map_or(fallback.clone(), |o| o.0.span.clone()))
}

/// Up to `around` characters on either side of `range`, on one line, for the excerpt.
pub(super) fn excerpt(chars: &[Char<'_>], range: std::ops::Range<usize>, around: usize) -> String {
    let start = range.start.saturating_sub(around);
    let end = (range.end + around).min(chars.len());
    chars[start..end].iter().map(|ch| if ch.c == '\n' { ' ' } else { ch.c }).collect()
}

/// Kinds of bracket: the two widths of `( )` and of `[ ]` are one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Paren,
    Square,
    Corner,
    WhiteCorner,
    Lenticular,
    Tortoise,
    Angle,
    DoubleAngle,
    DoubleQuote,
    SingleQuote,
}

/// Every bracket: opening, closing, kind, and whether it is the full-width form.
const BRACKETS: [(char, char, Kind, bool); 12] = [
    ('(', ')', Kind::Paren, false),
    ('（', '）', Kind::Paren, true),
    ('[', ']', Kind::Square, false),
    ('［', '］', Kind::Square, true),
    ('「', '」', Kind::Corner, true),
    ('『', '』', Kind::WhiteCorner, true),
    ('【', '】', Kind::Lenticular, true),
    ('〔', '〕', Kind::Tortoise, true),
    ('〈', '〉', Kind::Angle, true),
    ('《', '》', Kind::DoubleAngle, true),
    ('“', '”', Kind::DoubleQuote, false),
    ('‘', '’', Kind::SingleQuote, false),
];

fn opening(c: char) -> Option<(Kind, bool)> {
    BRACKETS.iter().find(|b| b.0 == c).map(|b| (b.2, b.3))
}

fn closing(c: char) -> Option<(Kind, bool)> {
    BRACKETS.iter().find(|b| b.1 == c).map(|b| (b.2, b.3))
}

/// Whether `c` is one of [`BRACKETS`], opening or closing.
fn is_bracket(c: char) -> bool {
    // By code point, as a few comparisons: it is asked of every character of a Japanese text.
    matches!(
        c,
        '(' | ')' | '[' | ']' | '（' | '）' | '［' | '］' | '“' | '”' | '‘' | '’' | '【' | '】' | '〔' | '〕' | '〈'
            ..='』'
    )
}

/// Whether an inline run's text holds a bracket: looked for a text at a time, stopping at the
/// first, and byte by byte in ASCII text (most of an English text).
fn has_bracket(group: &[Inline]) -> bool {
    let mut found = false;
    walk_inlines(group, &mut |inline| {
        if let InlineKind::Text(text) = &inline.kind
            && !found
        {
            found = if text.is_ascii() {
                text.bytes().any(|b| matches!(b, b'(' | b')' | b'[' | b']'))
            } else {
                text.chars().any(is_bracket)
            };
        }
    });
    found
}

/// The characters and scan of an inline run; `None` when its text holds no bracket, so that
/// its scan has neither pairs nor problems (most runs: read without building the characters).
fn scanned(group: &[Inline]) -> Option<(Vec<Char<'_>>, Scan)> {
    has_bracket(group).then(|| {
        let chars = chars_of(group);
        let scan = scan(&chars);
        (chars, scan)
    })
}

/// The partner of a bracket, in its own width.
fn partner(c: char) -> char {
    BRACKETS.iter().find_map(|b| (b.0 == c).then_some(b.1).or((b.1 == c).then_some(b.0))).unwrap_or(c)
}

/// The same bracket in the other width (`(` ↔ `（`), for the two kinds that have two.
fn other_width(c: char) -> char {
    match c {
        '(' => '（',
        '（' => '(',
        ')' => '）',
        '）' => ')',
        '[' => '［',
        '［' => '[',
        ']' => '］',
        '］' => ']',
        other => other,
    }
}

fn is_letter(c: char) -> bool {
    c.is_alphanumeric() && !is_japanese(c)
}

/// Latin letters and digits, in either width.
fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('０'..='９').contains(&c) || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

/// Whether `token` is an enumerator or a number: `a`, `iv`, `12`, `3a`, `１`, `イ`, `三`.
fn is_enumerator(token: &[char]) -> bool {
    const ROMAN: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    let digit = |c: &char| c.is_ascii_digit() || ('０'..='９').contains(c);
    let word: String = token.iter().collect::<String>().to_lowercase();
    match token {
        [] => false,
        [c] => is_kana_or_kanji(*c) || is_alnum(*c),
        [digits @ .., last] if digits.iter().all(digit) && (digit(last) || is_alnum(*last)) => true,
        _ => ROMAN.contains(&word.as_str()),
    }
}

/// Whether the `)` at `index` follows an enumerator at the start of a word (`b)`, ` iv)`).
fn after_enumerator(chars: &[Char<'_>], index: usize) -> bool {
    let kana_or_kanji = index > 0 && is_kana_or_kanji(chars[index - 1].c);
    let mut start = index;
    while start > 0 && (is_alnum(chars[start - 1].c) || (kana_or_kanji && start == index)) {
        start -= 1;
    }
    let token: Vec<char> = chars[start..index].iter().map(|ch| ch.c).collect();
    let boundary = start == 0 || {
        let before = chars[start - 1].c;
        before.is_whitespace() || !(before.is_alphanumeric() || before == CODE)
    };
    boundary && is_enumerator(&token)
}

/// What is wrong with one bracket of a run.
#[derive(Debug, PartialEq)]
enum Problem {
    /// Opened at this index and never closed.
    Unclosed(usize),
    /// A closing bracket at this index that closes nothing.
    Unopened(usize),
    /// A pair of two widths: opening and closing index.
    Mixed(usize, usize),
}

/// The pairs and problems of one inline run.
#[derive(Debug, Default)]
struct Scan {
    /// Opening and closing index of each pair, in the order they close.
    pairs: Vec<(usize, usize)>,
    problems: Vec<Problem>,
}

fn scan(chars: &[Char<'_>]) -> Scan {
    let mut scan = Scan::default();
    let mut open: Vec<(usize, Kind, bool)> = Vec::new();
    for (i, ch) in chars.iter().enumerate() {
        if let Some((kind, full)) = opening(ch.c) {
            open.push((i, kind, full));
            continue;
        }
        let Some((kind, full)) = closing(ch.c) else { continue };
        let is_open = |kind: Kind| open.iter().any(|o| o.1 == kind);
        if ch.c == '’' {
            let letter = |j: Option<&Char<'_>>| j.is_some_and(|ch| is_letter(ch.c));
            if (i > 0 && letter(chars.get(i - 1)) && letter(chars.get(i + 1))) || !is_open(kind) {
                continue; // an apostrophe
            }
        }
        if kind == Kind::Paren && !is_open(kind) && after_enumerator(chars, i) {
            continue;
        }
        match open.iter().rposition(|o| o.1 == kind) {
            Some(at) => {
                for (unclosed, _, _) in open.drain(at + 1..) {
                    scan.problems.push(Problem::Unclosed(unclosed));
                }
                let (start, _, opener_full) = open.pop().expect("the opening bracket");
                if opener_full != full {
                    scan.problems.push(Problem::Mixed(start, i));
                }
                scan.pairs.push((start, i));
            }
            None => scan.problems.push(Problem::Unopened(i)),
        }
    }
    scan.problems.extend(open.into_iter().map(|(i, _, _)| Problem::Unclosed(i)));
    scan.problems.sort_by_key(|p| match *p {
        Problem::Unclosed(i) | Problem::Unopened(i) | Problem::Mixed(i, _) => i,
    });
    scan
}

/// Parenthesised asides of a run: pairs of `( )`/`（ ）` whose content is more than a number or
/// an enumerator.
fn asides(chars: &[Char<'_>], pairs: &[(usize, usize)]) -> Vec<usize> {
    let mut found: Vec<usize> = (pairs.iter())
        .filter(|&&(open, _)| opening(chars[open].c).is_some_and(|(kind, _)| kind == Kind::Paren))
        .filter(|&&(open, close)| {
            let content: Vec<char> =
                chars[open + 1..close].iter().map(|ch| ch.c).filter(|c| !c.is_whitespace()).collect();
            !is_enumerator(&content)
        })
        .map(|&(open, _)| open)
        .collect();
    found.sort_unstable();
    found
}

impl UnpairedBrackets {
    /// The within-language findings of every unit of `lang`, and the asides of each unit whose
    /// brackets all pair (one scan a unit serves both).
    fn language<'c>(
        &self,
        cx: &'c Context<'_>,
        lang: Lang,
        out: &mut Vec<Draft>,
    ) -> HashMap<&'c Address, Vec<Span>, FixedState> {
        let mut asides = HashMap::default();
        for (address, unit) in cx.units(lang) {
            if let Some(found) = self.unit(address, unit, out) {
                asides.insert(address, found);
            }
        }
        asides
    }

    /// The within-language findings of one unit, and the spans of its parenthesised asides when
    /// every bracket of it pairs.
    fn unit(&self, address: &Address, unit: &Unit<'_>, out: &mut Vec<Draft>) -> Option<Vec<Span>> {
        let mut paired = true;
        let mut spans = Vec::new();
        for group in &unit.groups {
            let Some((chars, scan)) = scanned(group) else { continue };
            if scan.problems.is_empty() {
                spans.extend(asides(&chars, &scan.pairs).into_iter().map(|i| char_span(&chars[i], unit.span)));
                continue;
            }
            paired = false;
            for problem in scan.problems {
                let draft = match problem {
                    Problem::Unclosed(i) | Problem::Unopened(i) => {
                        let c = chars[i].c;
                        let id =
                            if matches!(problem, Problem::Unclosed(_)) { "p018-unclosed" } else { "p018-unopened" };
                        Draft::new(
                            Message::new(id).arg("char", c.to_string()).arg("partner", partner(c).to_string()),
                            address,
                            Some(unit.lang),
                        )
                        .label(Label::new(unit.lang, &char_span(&chars[i], unit.span)))
                        .excerpt(excerpt(&chars, i..i + 1, 4))
                    }
                    Problem::Mixed(open, close) => {
                        // The member to rewrite: the one not in the language's form.
                        let wrong = if chars[open].c.is_ascii() == (unit.lang == Lang::En) { close } else { open };
                        let touches_japanese = |j: usize| {
                            (j > 0 && is_japanese(chars[j - 1].c))
                                || chars.get(j + 1).is_some_and(|ch| is_japanese(ch.c))
                        };
                        if unit.lang == Lang::Ja && touches_japanese(wrong) {
                            continue; // P007's
                        }
                        let (old, new) = (chars[wrong].c.to_string(), other_width(chars[wrong].c).to_string());
                        let fix =
                            literal_span(&chars[wrong..=wrong]).map(|span| Fix { span, replacement: new.clone() });
                        let message = Message::new("p018-mixed")
                            .arg("open", chars[open].c.to_string())
                            .arg("close", chars[close].c.to_string());
                        Draft::new(message, address, Some(unit.lang))
                            .label(Label::new(unit.lang, &char_span(&chars[wrong], unit.span)))
                            .label(Label::new(
                                unit.lang,
                                &char_span(&chars[if wrong == open { close } else { open }], unit.span),
                            ))
                            .excerpt(excerpt(&chars, open..close + 1, 0))
                            .help(Message::new("help-p018-mixed").arg("old", old).arg("new", new))
                            .fix(fix)
                    }
                };
                out.push(draft);
            }
        }
        paired.then_some(spans)
    }
}

impl Check for UnpairedBrackets {
    fn code(&self) -> &'static str {
        "P018"
    }

    fn name(&self) -> &'static str {
        "unpaired-brackets"
    }

    fn help(&self) -> &'static str {
        "help-p018"
    }

    fn default_severity(&self) -> super::Severity {
        super::Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        // Reported in the order they always were: English findings, the counts, Japanese ones.
        let mut japanese = Vec::new();
        let en_asides = self.language(cx, Lang::En, out);
        let ja_asides = self.language(cx, Lang::Ja, &mut japanese);
        // Compared only where neither side has an unpaired bracket.
        for pair in &cx.pairs {
            let Some((en, ja)) = pair.sides.both() else { continue };
            if en.kind != ja.kind {
                continue;
            }
            let (Some(en_asides), Some(ja_asides)) = (en_asides.get(&pair.address), ja_asides.get(&pair.address))
            else {
                continue;
            };
            if en_asides.len() == ja_asides.len() {
                continue;
            }
            let message =
                Message::new("p018-count").num("en", en_asides.len() as i64).num("ja", ja_asides.len() as i64);
            let mut draft = Draft::new(message, &pair.address, Some(Lang::Ja));
            for span in ja_asides {
                draft = draft.label(Label::new(Lang::Ja, span));
            }
            if ja_asides.is_empty() {
                draft = draft.label(Label::new(Lang::Ja, ja.span));
            }
            for span in en_asides {
                draft = draft.label(Label::new(Lang::En, span));
            }
            if en_asides.is_empty() {
                draft = draft.label(Label::new(Lang::En, en.span));
            }
            out.push(draft.help(Message::new("help-p018-count")));
        }
        out.append(&mut japanese);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_bracket_is_true_for_exactly_the_characters_of_the_bracket_table() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let listed = BRACKETS.iter().any(|b| b.0 == c || b.1 == c);
            assert_eq!(is_bracket(c), listed, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_quick_bracket_test_knows_every_bracket_and_nothing_else() {
        for c in ('\0'..='\u{FFFF}').chain(['\u{1F600}']) {
            assert_eq!(is_bracket(c), opening(c).is_some() || closing(c).is_some(), "{c:?}");
        }
    }

    #[test]
    fn a_run_without_brackets_is_not_scanned_and_one_with_them_is() {
        let p = project("# A {#a}\n\nNo brackets *here*.\n", "# エー {#a}\n\n括弧**（なし）**。\n");
        let groups = |lang: Lang| p.document(lang).clauses[0].blocks[0].inline_groups();
        assert!(scanned(groups(Lang::En)[0]).is_none());
        let (_, scan) = scanned(groups(Lang::Ja)[0]).expect("brackets inside strong");
        assert_eq!(scan.pairs.len(), 1);
    }
    use crate::check::testing::{findings, project};

    /// (message id, language, excerpt) of each finding on a one-paragraph pair.
    fn found(en: &str, ja: &str) -> Vec<(&'static str, Lang, String)> {
        let p = project(&format!("# A {{#a}}\n\n{en}\n"), &format!("# エー {{#a}}\n\n{ja}\n"));
        (findings(&p, &UnpairedBrackets).into_iter())
            .map(|d| (d.diagnostic.message.id, d.lang.unwrap(), d.excerpt.unwrap_or_default()))
            .collect()
    }

    const EN: &str = "Members shall declare conflicts.";
    const JA: &str = "会員は利益相反を申告しなければならない。";

    #[test]
    fn failing_and_passing_pairs() {
        // (English, Japanese, the message ids reported; empty: passes).
        let table: &[(&str, &str, &[&str])] = &[
            // Unclosed and unopened, in each language.
            ("Members (all of them shall declare.", JA, &["p018-unclosed"]),
            ("Members all of them) shall declare.", JA, &["p018-unopened"]),
            (EN, "会員（全員は申告しなければならない。", &["p018-unclosed"]),
            (EN, "会員は「利益相反を申告しなければならない。", &["p018-unclosed"]),
            (EN, "会員は利益相反』を申告しなければならない。", &["p018-unopened"]),
            ("Members shall declare “conflicts.", JA, &["p018-unclosed"]),
            ("Members shall declare ‘conflicts.", JA, &["p018-unclosed"]),
            // Crossed: the inner one is never closed, the outer one's partner closes nothing.
            (EN, "会員は「利益相反（を」申告しなければならない）。", &["p018-unclosed", "p018-unopened"]),
            // Two widths in one pair.
            ("Members (all of them） shall declare.", JA, &["p018-mixed"]),
            (EN, "会員は、(ISO/CS）を含め申告しなければならない。", &[]), // P007's: `(` touches Japanese
            (EN, "会員は、 (ISO/CS） を含め申告しなければならない。", &["p018-mixed"]),
            // Across the pair: an aside in one language only.
            ("Members (all of them) shall declare.", JA, &["p018-count"]),
            (EN, "会員（全員）は利益相反を申告しなければならない。", &["p018-count"]),
            // Passing.
            ("Members (all of them) shall declare.", "会員（全員）は申告しなければならない。", &[]),
            ("Members (all of them) shall declare.", "会員(全員)は申告しなければならない。", &[]),
            ("The member’s “duty” and the members’ duties.", "会員の「義務」。", &[]),
            ("See ‘Conflicts’ in section b) above.", "上記のセクション b) の「利益相反」を参照。", &[]),
            ("Within forty (40) days, under item (iv).", "四十日以内に、第四号に基づき。", &[]),
            ("[sic] as `f(x` shows.", "［原文ママ］`f(x`。", &[]),
            ("A [link](https://iso.org/a_(b)) here.", "[リンク](https://iso.org/a_(b))。", &[]),
            (EN, "会員は『規範』【重要】〔注〕を守る。", &[]),
        ];
        for (en, ja, expected) in table {
            let ids: Vec<&str> = found(en, ja).into_iter().map(|f| f.0).collect();
            assert_eq!(&ids, expected, "{en} | {ja}");
        }
    }

    #[test]
    fn a_bracket_does_not_span_list_items() {
        let p = project("# A {#a}\n\n- one (first\n- second) two\n", "# エー {#a}\n\n- 一つ目（最初\n- 二つ目）\n");
        let ids: Vec<_> = findings(&p, &UnpairedBrackets).into_iter().map(|d| d.diagnostic.message.id).collect();
        assert_eq!(ids, ["p018-unclosed", "p018-unopened", "p018-unclosed", "p018-unopened"]);
    }

    #[test]
    fn a_paragraph_spans_its_line_breaks_and_headings_are_read() {
        assert!(found("Members (all\nof them) shall.", "会員（全\n員）は。").is_empty());
        let p = project("# A (draft {#a}\n\nText.\n", "# エー {#a}\n\n本文。\n");
        assert_eq!(findings(&p, &UnpairedBrackets).len(), 1);
    }

    #[test]
    fn the_label_is_at_the_bracket_and_the_mixed_pair_is_fixed_in_the_language_form() {
        let p = project("# A {#a}\n\nMembers (all） shall.\n", "# エー {#a}\n\n会員は 「全員 申告する。\n");
        let drafts = findings(&p, &UnpairedBrackets);
        assert_eq!(drafts.len(), 2);
        let text = |span: &Span| p.sources.get(span.file).text[span.range()].to_string();
        let fix = drafts.iter().find_map(|d| d.diagnostic.fix.clone()).expect("a fix");
        assert_eq!((text(&fix.span), fix.replacement.as_str()), ("）".into(), ")"));
        let unclosed = drafts.iter().find(|d| d.lang == Some(Lang::Ja)).unwrap();
        assert_eq!(text(&unclosed.diagnostic.labels[0].span), "「");
        assert_eq!((unclosed.diagnostic.labels[0].span.line, unclosed.diagnostic.labels[0].span.column), (3, 5));
        assert!(unclosed.diagnostic.fix.is_none());
        // In Japanese, the half-width member becomes full-width.
        let p = project("# A {#a}\n\nText.\n", "# エー {#a}\n\n会員は （ISO/CS) を含む。\n");
        let drafts = findings(&p, &UnpairedBrackets);
        let text = |span: &Span| p.sources.get(span.file).text[span.range()].to_string();
        let fix = drafts[0].diagnostic.fix.clone().expect("a fix");
        assert_eq!((text(&fix.span), fix.replacement.as_str()), (")".into(), "）"));
    }

    #[test]
    fn the_explanation_examples_fail_and_pass() {
        let l10n = codepub_core::i18n::Localizer::new(codepub_core::i18n::UiLang::English);
        let explanation = crate::explain::Explanation::of(&UnpairedBrackets, &l10n).expect("explained");
        assert!(!found(&explanation.fails.en, &explanation.fails.ja).is_empty());
        assert!(found(&explanation.passes.en, &explanation.passes.ja).is_empty());
    }
}
