//! The lines that open a part of a plain text, each read alone: an article (`第一条（名称）　本会は…`,
//! `Article 1 (Name)`, `Article 13. Text`, `第十条の二`, `Article 10-2`), a chapter, a section,
//! supplementary provisions, an appended table, a numbered or lettered heading (`1. Purpose`,
//! `a) Introduction`), the caption above an article (`（名称）`, `(Name)`), and the number that
//! opens a paragraph of an article (`２　…`, `2. …`, `(2) …`).

use std::sync::LazyLock;

use regex::Regex;

use super::HeadingKind;
use crate::numerals::part_number;

fn regex(pattern: &str) -> Regex {
    Regex::new(&pattern.replace("NUM", NUMERAL)).expect("valid pattern")
}

/// The characters of a part's number: digits, kanji numerals and their old forms (`壱`, `拾`).
const NUMERAL: &str = "[〇一二三四五六七八九十百千零壱壹弐貳参參肆伍陸漆捌玖拾廿陌佰阡0-9０-９]+";

/// `Article 13`, `ARTICLE XIII`, `Article 10-2`, `Article 10 bis`: what follows is read by
/// [`english_article_rest`].
static ENGLISH_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?i:article)\s+(\d+|[IVXLC]+)(?:-(\d+)|\s?(bis|ter|quater)\b)?"));
/// `第十三条`, `第13条`, `第十条の二`, `第十条の二の三`, `第十条ノ二` (older statutes): what follows is
/// read by [`japanese_article_rest`].
static JAPANESE_ARTICLE: LazyLock<Regex> = LazyLock::new(|| regex(r"^第(NUM)条((?:[のノ]NUM)*)"));
/// A caption in parentheses at the start of what follows an article's number: `（名称）`, `(Name)`.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| regex(r"^[（(]([^（）()]{1,100})[）)]"));
/// `CHAPTER I`, `Chapter 3. Title`, `第一章　天皇`: the whole line is the heading.
static CHAPTER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:(?i:chapter)\s+([IVXLCivxlc]+|\d+)\b|第(NUM)章(?:\s|$))"));
/// `Section 1`, `SECTION II. Meetings`, `第一節　総会`; not `Section 2 applies…`.
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:(?i:section)\s+([IVXLCivxlc]+|\d+)(?:\.?$|\.?\s+[\p{Lu}\d(])|第(NUM)節(?:\s|$))"));
/// `附則`, `附　則`, `附 則（令和五年規則第一号）`, `附則　抄`, `Supplementary Provisions`.
static SUPPLEMENTARY: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:附\s*則|(?i:supplementary\s+provisions?))(?:\s*[（(][^（）()]*[）)])?(?:\s*抄)?$"));
/// `別表`, `別表第一（第五条関係）`, `Appended Table`, `Appended Table 1 (re Article 5)`.
static APPENDED_TABLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:別表(?:第(NUM))?|(?i:appended\s+table)(?:\s+(\d+|[IVXLC]+))?)(?:\s.*|[（(].*)?$"));
/// `1. Purpose`, `１．目的`.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| regex(r"^([0-9０-９]+)[.．]\s*(\S.*)$"));
/// `a) Introduction`, `ａ）序文`.
static LETTERED: LazyLock<Regex> = LazyLock::new(|| regex(r"^([a-zａ-ｚ])[)）]\s*(\S.*)$"));
/// A caption alone on its line: `（名称）`, `(Name)`.
static CAPTION_LINE: LazyLock<Regex> = LazyLock::new(|| regex(r"^[（(]([^（）()]+)[）)]$"));
/// A paragraph's number at the start of its line: `２　`, `2 `, `2. `, `２．`, `(2)`, `（２）`.
static PARAGRAPH_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:([0-9０-９]{1,3})\s|([0-9０-９]{1,3})(?:\.\s|．)|[(（]([0-9０-９]{1,3})[)）])\s*\S"));

/// Longest line read as a heading that stands alone (`1. Title`, `Section 2 …`); longer lines
/// are text.
pub(super) const MAX_HEADING_CHARS: usize = 150;
/// Longest caption, in characters (`(Requirements for Radio Equipment on Compulsory Ship
/// Stations)`).
const MAX_CAPTION_CHARS: usize = 100;
/// Longest caption written without parentheses after an English article's number
/// (`Article 1. Name`), in characters and in words.
const MAX_BARE_CAPTION_CHARS: usize = 60;
const MAX_BARE_CAPTION_WORDS: usize = 8;
/// What ends a sentence or a note, so that a line after it may open a part.
pub(super) const SENTENCE_ENDS: [char; 10] = ['。', '.', '．', ';', '；', ':', '：', ')', '）', '」'];
/// What an article says when it was repealed: its text, not its caption (`Article 2-2 (Deleted)`).
const DELETED: [&str; 2] = ["deleted", "削除"];
/// Words of a note in parentheses that is no caption: `(Adopted by the general meeting)`.
const NOTE_WORDS: [&str; 14] = [
    "adopt",
    "amend",
    "enact",
    "effective",
    "revised",
    "promulgat",
    "採択",
    "制定",
    "施行",
    "改正",
    "公布",
    "議決",
    "決議",
    "可決",
];

/// An article's first line, read.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct ArticleLine<'l> {
    /// The number as a part of an id: `1`, `10-2`.
    pub number: String,
    /// The heading as written, its caption included: `第一条（名称）`, `Article 13.`, `Article 1. Name`.
    pub heading: &'l str,
    /// The caption as written: `（名称）`, `(Name)`, `Name`.
    pub caption: Option<&'l str>,
    /// The article's text after the heading on the same line.
    pub text: Option<&'l str>,
}

/// The article `line` opens, if it does; `next` is the line after it in its block, which tells
/// a caption (`Article 1. Name`) from the start of a sentence.
pub(super) fn article<'l>(line: &'l str, next: Option<&str>) -> Option<ArticleLine<'l>> {
    if let Some(captures) = ENGLISH_ARTICLE.captures(line) {
        let mut number = part_number(&captures[1])?.to_string();
        if let Some(sub) = captures.get(2) {
            number = format!("{number}-{}", part_number(sub.as_str())?);
        } else if let Some(latin) = captures.get(3) {
            number = format!("{number}-{}", latin_ordinal(latin.as_str()));
        }
        let label_end = captures.get(0)?.end();
        return english_article_rest(line, label_end, next).map(|(heading, caption, text)| ArticleLine {
            number,
            heading,
            caption,
            text,
        });
    }
    let captures = JAPANESE_ARTICLE.captures(line)?;
    let mut number = part_number(&captures[1])?.to_string();
    for sub in captures[2].split(['の', 'ノ']).filter(|s| !s.is_empty()) {
        number = format!("{number}-{}", part_number(sub)?);
    }
    let label_end = captures.get(0)?.end();
    let (heading, caption, text) = japanese_article_rest(line, label_end)?;
    Some(ArticleLine { number, heading, caption, text })
}

/// `bis` 2, `ter` 3, `quater` 4.
fn latin_ordinal(word: &str) -> u64 {
    match word {
        "bis" => 2,
        "ter" => 3,
        _ => 4,
    }
}

/// An article line's heading, caption and text, as in [`ArticleLine`].
type Parts<'l> = (&'l str, Option<&'l str>, Option<&'l str>);

/// The heading, caption and text of an English article line whose number ends at `label_end`:
/// nothing (`Article 13`, `Article 13.`), a caption in parentheses and perhaps the text
/// (`Article 1 (Name) The Society…`), a bare caption (`Article 1. Name`), or the text after a
/// full stop or starting with a capital (`Article 13. All…`, `ARTICLE II The…`). `None` when the
/// line is a sentence that starts with an article's number (`Article 5 of the law applies.`).
fn english_article_rest<'l>(line: &'l str, label_end: usize, next: Option<&str>) -> Option<Parts<'l>> {
    let rest = &line[label_end..];
    if rest.is_empty() || rest == "." {
        return Some((line, None, None));
    }
    if let Some(after_stop) = rest.strip_prefix('.').filter(|r| r.starts_with(char::is_whitespace)) {
        let after_stop = after_stop.trim_start();
        let start = line.len() - after_stop.len();
        if is_bare_caption(after_stop, next) {
            return Some((line, Some(after_stop), None));
        }
        return Some((line[..label_end + 1].trim_end(), None, Some(&line[start..])));
    }
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let trimmed = rest.trim_start();
    let start = line.len() - trimmed.len();
    if let Some((caption, after)) = parenthesised_caption(trimmed) {
        let caption_end = start + caption.len();
        let text = after.trim_start();
        if text.is_empty() {
            return Some((line, Some(caption), None));
        }
        if text.starts_with(|c: char| c.is_uppercase() || c == '(') {
            return Some((&line[..caption_end], Some(caption), Some(text)));
        }
        return None;
    }
    trimmed.starts_with(|c: char| c.is_uppercase() || c == '(' || c == '[').then_some((
        &line[..label_end],
        None,
        Some(trimmed),
    ))
}

/// The heading, caption and text of a Japanese article line whose number ends at `label_end`:
/// nothing (`第一条`), a caption (`第一条（名称）`), and the text after a space. `None` when the
/// number is part of a sentence (`第五条の規定により`, `第五条（定義）の規定`).
fn japanese_article_rest(line: &str, label_end: usize) -> Option<Parts<'_>> {
    let rest = &line[label_end..];
    let (heading_end, caption, after) = match parenthesised_caption(rest) {
        Some((caption, after)) => (label_end + caption.len(), Some(caption), after),
        None => (label_end, None, rest),
    };
    if after.is_empty() {
        return Some((&line[..heading_end], caption, None));
    }
    after.starts_with(char::is_whitespace).then(|| (&line[..heading_end], caption, Some(after.trim_start())))
}

/// A caption in parentheses at the start of `text`, and what follows it.
fn parenthesised_caption(text: &str) -> Option<(&str, &str)> {
    let captures = CAPTION.captures(text)?;
    let whole = captures.get(0)?;
    is_caption_text(&captures[1], false).then(|| (whole.as_str(), &text[whole.end()..]))
}

/// Whether `text` (inside parentheses) can be a caption: a short name without digits (`(2)` is a
/// paragraph's number), not a sentence; `alone` when it stands on a line of its own, where a
/// note of the title matter (`(Adopted by the general meeting)`) must not be taken for one.
fn is_caption_text(text: &str, alone: bool) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let is_note = || {
        let lower = text.to_lowercase();
        NOTE_WORDS.iter().any(|word| lower.contains(word))
    };
    let sentence = text.contains(['。', '．']) || text.trim_end().ends_with('.');
    let deleted = DELETED.contains(&text.trim().to_lowercase().as_str());
    let unlike_a_name = text.contains(digit) || sentence || deleted || (alone && is_note());
    (1..=MAX_CAPTION_CHARS).contains(&text.chars().count()) && !unlike_a_name
}

/// Whether the text after `Article 1.` is a caption (`Name`) rather than the article's first
/// sentence: short, without a final stop, capitalised, and not continued by the next line in
/// lower case.
fn is_bare_caption(text: &str, next: Option<&str>) -> bool {
    text.chars().count() <= MAX_BARE_CAPTION_CHARS
        && text.split_whitespace().count() <= MAX_BARE_CAPTION_WORDS
        && text.starts_with(char::is_uppercase)
        && !text.ends_with(['.', ';', ':', ',', '!', '?'])
        && !DELETED.contains(&text.to_lowercase().as_str())
        && !next.is_some_and(|next| next.starts_with(char::is_lowercase))
}

/// A caption standing alone on its line, as written (`（名称）`, `(Name)`), which names the
/// article that follows it.
pub(super) fn caption_line(line: &str) -> Option<&str> {
    let captures = CAPTION_LINE.captures(line)?;
    is_caption_text(&captures[1], true).then_some(line)
}

/// A part that is not an article, read from its heading's first line.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct PartLine {
    pub kind: HeadingKind,
    /// The number as a part of an id (`1`); `None` for a part that has none (`附則`, `別表`).
    pub number: Option<String>,
}

/// The chapter, section, supplementary provisions or appended table `line` opens, if any.
pub(super) fn part(line: &str) -> Option<PartLine> {
    let numbered = |kind: HeadingKind, pattern: &Regex| {
        let captures = pattern.captures(line)?;
        let number = captures.get(1).or(captures.get(2)).and_then(|n| part_number(n.as_str()))?;
        Some(PartLine { kind, number: Some(number.to_string()) })
    };
    if let Some(chapter) = numbered(HeadingKind::Chapter, &CHAPTER) {
        return Some(chapter);
    }
    if !stands_alone(line) {
        return None;
    }
    if let Some(section) = numbered(HeadingKind::Section, &SECTION) {
        return Some(section);
    }
    if SUPPLEMENTARY.is_match(line) {
        return Some(PartLine { kind: HeadingKind::SupplementaryProvisions, number: None });
    }
    let captures = APPENDED_TABLE.captures(line)?;
    let number = match captures.get(1).or(captures.get(2)) {
        Some(number) => Some(part_number(number.as_str())?.to_string()),
        None => None,
    };
    Some(PartLine { kind: HeadingKind::AppendedTable, number })
}

/// A line that can be a heading on its own: short, and no sentence (no final stop).
fn stands_alone(line: &str) -> bool {
    line.chars().count() <= MAX_HEADING_CHARS && !line.ends_with(['.', '。', ';', '；', ':', '：', ',', '、'])
}

/// The number of a `1. Purpose` heading.
pub(super) fn numbered(line: &str) -> Option<u64> {
    let captures = NUMBERED.captures(line).filter(|_| stands_alone(line))?;
    part_number(&captures[1])
}

/// The letter of an `a) Introduction` heading, in ASCII.
pub(super) fn lettered(line: &str) -> Option<char> {
    let captures = LETTERED.captures(line).filter(|_| stands_alone(line))?;
    captures[1].chars().next().map(half_width_letter)
}

fn half_width_letter(c: char) -> char {
    match c {
        'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32).unwrap_or(c),
        _ => c,
    }
}

/// How a paragraph number is written: `２　`, `2. `, `(2)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum NumberStyle {
    Bare,
    Stop,
    Parenthesised,
}

/// The paragraph number a line starts with, and how it is written.
pub(super) fn paragraph_number(line: &str) -> Option<(u64, NumberStyle)> {
    let captures = PARAGRAPH_NUMBER.captures(line)?;
    let styles = [NumberStyle::Bare, NumberStyle::Stop, NumberStyle::Parenthesised];
    let (index, digits) = (1..=3).find_map(|i| Some((i, captures.get(i)?)))?;
    Some((part_number(digits.as_str())?, styles[index - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(String, &str, Option<&str>, Option<&str>)> {
        article(line, None).map(|a| (a.number, a.heading, a.caption, a.text))
    }

    #[test]
    fn japanese_articles_with_a_caption_and_text_on_the_line() {
        assert_eq!(
            read("第一条（名称）　本会は、例会と称する。"),
            Some(("1".into(), "第一条（名称）", Some("（名称）"), Some("本会は、例会と称する。")))
        );
        assert_eq!(read("第一条（名称）"), Some(("1".into(), "第一条（名称）", Some("（名称）"), None)));
        assert_eq!(read("第十三条 すべて国民は"), Some(("13".into(), "第十三条", None, Some("すべて国民は"))));
        assert_eq!(read("第13条"), Some(("13".into(), "第13条", None, None)));
        assert_eq!(read("第百二条の二　text"), Some(("102-2".into(), "第百二条の二", None, Some("text"))));
        assert_eq!(read("第十条の二の三"), Some(("10-2-3".into(), "第十条の二の三", None, None)));
        assert_eq!(read("第十条ノ二"), Some(("10-2".into(), "第十条ノ二", None, None)));
        assert_eq!(read("第参条"), Some(("3".into(), "第参条", None, None)));
    }

    #[test]
    fn a_sentence_that_starts_with_an_article_number_opens_no_article() {
        for line in [
            "第五条の規定により",
            "第五条（定義）の規定は",
            "第五条（第三項を除く。）の規定",
            "Article 5 of the law applies.",
            "Article 5 (Definitions) of the Act",
            "Articles 5 and 6",
            "Article 13a",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    #[test]
    fn english_articles_with_a_caption_a_stop_or_text() {
        assert_eq!(read("Article 1 (Name)"), Some(("1".into(), "Article 1 (Name)", Some("(Name)"), None)));
        assert_eq!(
            read("Article 1 (Name) The Society is named."),
            Some(("1".into(), "Article 1 (Name)", Some("(Name)"), Some("The Society is named.")))
        );
        assert_eq!(read("Article 1. Name"), Some(("1".into(), "Article 1. Name", Some("Name"), None)));
        assert_eq!(
            read("Article 13. All of the people."),
            Some(("13".into(), "Article 13.", None, Some("All of the people.")))
        );
        assert_eq!(read("ARTICLE II The second."), Some(("2".into(), "ARTICLE II", None, Some("The second."))));
        assert_eq!(read("Article 10-2"), Some(("10-2".into(), "Article 10-2", None, None)));
        assert_eq!(read("Article 10 bis"), Some(("10-2".into(), "Article 10 bis", None, None)));
        assert_eq!(read("Article 13 (1) Everyone"), Some(("13".into(), "Article 13", None, Some("(1) Everyone"))));
        assert_eq!(read("Article 2-2 (Deleted)"), Some(("2-2".into(), "Article 2-2", None, Some("(Deleted)"))));
        assert_eq!(read("Article 2-2. Deleted"), Some(("2-2".into(), "Article 2-2.", None, Some("Deleted"))));
    }

    #[test]
    fn a_bare_caption_is_short_and_not_continued_in_lower_case() {
        assert!(article("Article 1. Name", Some("The Society is named.")).is_some_and(|a| a.caption == Some("Name")));
        let sentence =
            article("Article 1. Membership is open to every", Some("person who accepts these rules.")).unwrap();
        assert_eq!((sentence.caption, sentence.text), (None, Some("Membership is open to every")));
    }

    #[test]
    fn captions_alone_on_a_line_are_names_not_notes() {
        assert_eq!(caption_line("（名称）"), Some("（名称）"));
        assert_eq!(caption_line("(Purpose and Scope)"), Some("(Purpose and Scope)"));
        for line in [
            "（総会で採択）",
            "(Adopted by the general meeting)",
            "（2023年2月23日）",
            "(as amended in 2020)",
            "(See below.)",
            "(a) (b)",
        ] {
            assert_eq!(caption_line(line), None, "{line}");
        }
    }

    #[test]
    fn parts_other_than_articles() {
        let part_of = |line: &str| part(line).map(|p| (p.kind, p.number));
        let n = |n: &str| Some(n.to_string());
        assert_eq!(part_of("第一章　総則"), Some((HeadingKind::Chapter, n("1"))));
        assert_eq!(part_of("CHAPTER 1 GENERAL PROVISIONS"), Some((HeadingKind::Chapter, n("1"))));
        assert_eq!(part_of("Chapter I General Provisions"), Some((HeadingKind::Chapter, n("1"))));
        assert_eq!(part_of("第二節　理事会"), Some((HeadingKind::Section, n("2"))));
        assert_eq!(part_of("Section 2 The Board"), Some((HeadingKind::Section, n("2"))));
        assert_eq!(part_of("SECTION II. Meetings"), Some((HeadingKind::Section, n("2"))));
        assert_eq!(part_of("Section 2 of the Act applies."), None);
        assert_eq!(part_of("Section 2 applies to members"), None);
        for line in [
            "附則",
            "附　則",
            "附 則",
            "附則（令和五年規則第一号）",
            "附　則　抄",
            "Supplementary Provisions",
            "SUPPLEMENTARY PROVISIONS",
        ] {
            assert_eq!(part_of(line), Some((HeadingKind::SupplementaryProvisions, None)), "{line}");
        }
        assert_eq!(part_of("別表"), Some((HeadingKind::AppendedTable, None)));
        assert_eq!(part_of("別表第一（第五条関係）"), Some((HeadingKind::AppendedTable, n("1"))));
        assert_eq!(part_of("Appended Table"), Some((HeadingKind::AppendedTable, None)));
        assert_eq!(part_of("Appended Table 1 (re Article 5)"), Some((HeadingKind::AppendedTable, n("1"))));
        assert_eq!(part_of("別表に掲げる額"), None);
        assert_eq!(part_of("附則の規定"), None);
    }

    #[test]
    fn paragraph_numbers_in_their_styles() {
        assert_eq!(paragraph_number("２　前項の"), Some((2, NumberStyle::Bare)));
        assert_eq!(paragraph_number("2 The board"), Some((2, NumberStyle::Bare)));
        assert_eq!(paragraph_number("2. The board"), Some((2, NumberStyle::Stop)));
        assert_eq!(paragraph_number("２．前項"), Some((2, NumberStyle::Stop)));
        assert_eq!(paragraph_number("(2) The board"), Some((2, NumberStyle::Parenthesised)));
        assert_eq!(paragraph_number("（２）前項"), Some((2, NumberStyle::Parenthesised)));
        for line in ["2023年", "2.5 percent", "二　item", "(i) item", "2"] {
            assert_eq!(paragraph_number(line), None, "{line}");
        }
    }
}
