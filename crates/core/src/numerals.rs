//! Numbers as values, read from English or Japanese text with their byte spans, so a translation
//! can be compared number by number: digits (ASCII and full-width), kanji numerals (`二十五`,
//! `二〇二三`, `第十三条`, `三分の二`), English number words (`forty-five`, `one hundred and three`,
//! `two-thirds`, `forty (40)`), roman and kanji list labels, and dates in both scripts.
//!
//! What counts as a number, and what is a word that happens to hold a numeral, is decided here:
//!
//! - A kanji numeral counts after `第` with a structural counter (`第十三条` = `Article 13`,
//!   `第二項` = `paragraph 2`, `第三号` = `item 3`, also 章 節 款 目 編 部, `第三十六条の二` =
//!   `Article 36-2` (the token `36-2`), and `別表第一` = `Appended Table 1`); before a counter or
//!   unit (`四十日`, `四年`, `三人`, `二つ`, `五割`, `三箇月`… see [`COUNTERS`]); in a fraction
//!   (`三分の二`) or a date; as a list label (`一、` at the start of a line, `（二）`); or standing
//!   alone when it is a compound (`二十五`, `二〇二三`). Anything else is a word: `一般`, `統一`,
//!   `一貫性`, `第三者`, `一部`, `十分`, `万一`.
//! - The number one is too often a word in both languages (`一つの`, `一人`, `no one`, `one of`):
//!   a bare `一` or `one` is not read; `第一条`, `一、`, `(i)`, `one-third`, `one (1)`, `1` are, and
//!   so are numbers given as alternatives or a range (`一又は二`, `one or two`, `三ないし五`).
//! - English words one to ninety-nine, `hundred`, `thousand`, `million` and their compounds,
//!   fractions (`two-thirds` = 2/3), and `twice` (2) are read. A word number followed by the same
//!   value in digits, `forty (40)`, is one number.
//! - Roman numbers of parts (`CHAPTER III` = `第三章`) and labels in parentheses (`(ii)` = 2) are read; a single `(i)`, `(v)` or `(x)` is a letter
//!   when the text also has `(h)`, `(u)` or `(w)`.
//! - An ordinal or number word numbering a structural unit is read: `the second paragraph`,
//!   `paragraph two`, `item three` (`第二項`, `第三号`); `第壱条`, in old kanji forms, is Article 1.
//! - Dates are values (`23 February 2023` ≡ `2023年2月23日` ≡ `令和5年2月23日`; without a year,
//!   `30 June` ≡ `June 30` ≡ `6月30日`); other digit groups with separators (`11/2023`, ISBNs,
//!   `1.5`) are compared as written. The digits of a URL are no numbers.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use crate::model::Lang;

mod memo;
mod pattern;

use pattern::{Captures, Regex};

pub use memo::{Memo, Readings};

/// A number as a value, comparable across the two languages.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    Integer(u64),
    /// Numerator, denominator: `two-thirds`, `三分の二`.
    Fraction(u64, u64),
    Date {
        year: u32,
        month: u32,
        day: u32,
    },
    /// A month of a year: `February 2023`, `2023年2月`.
    Month {
        year: u32,
        month: u32,
    },
    /// A day of a month, of no year or of every year: `30 June`, `June 30`, `6月30日`.
    MonthDay {
        month: u32,
        day: u32,
    },
    /// Digit groups with separators, compared as written in ASCII: `11/2023`, `978-92-67-11315-9`.
    Token(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Integer(n) => write!(f, "{n}"),
            Value::Fraction(num, den) => write!(f, "{num}/{den}"),
            Value::Date { year, month, day } => write!(f, "{year}-{month:02}-{day:02}"),
            Value::Month { year, month } => write!(f, "{year}-{month:02}"),
            Value::MonthDay { month, day } => write!(f, "--{month:02}-{day:02}"),
            Value::Token(token) => f.write_str(token),
        }
    }
}

/// A number read from a text: its value and the bytes that spell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Numeral {
    pub value: Value,
    pub span: Range<usize>,
}

/// The numbers of a text, in reading order.
pub fn read(text: &str, lang: Lang) -> Vec<Numeral> {
    let lower = lowercase(text);
    read_having(text, &lower, lang, Present::of(text, &lower))
}

/// [`read`], running only the patterns whose needs `has` says the text meets.
fn read_having(text: &str, lower: &str, lang: Lang, has: Present) -> Vec<Numeral> {
    let mut reader = Reader { text, lower, has, taken: Vec::new(), found: Vec::new() };
    // The digits of a URL (`…/version/2/1/`) are its path, no numbers: the URL is compared whole
    // elsewhere.
    if reader.has.url {
        for m in URL.find_iter(lower) {
            reader.take(m.range(), None);
        }
    }
    match lang {
        Lang::En => reader.english(),
        Lang::Ja => reader.japanese(),
    }
    reader.digits();
    let mut found = reader.found;
    found.sort_by_key(|n| n.span.start);
    found
}

/// The values of a text in canonical form (`40`, `2/3`, `2023-02-23`, `11/2023`), sorted: what
/// the aligner compares between blocks.
pub fn values(text: &str, lang: Lang) -> Vec<String> {
    values_of(&read(text, lang))
}

/// [`values`] of numerals already read.
pub fn values_of(numerals: &[Numeral]) -> Vec<String> {
    let mut values: Vec<String> = numerals.iter().map(|n| n.value.to_string()).collect();
    values.sort();
    values
}

/// Counters and units after which a kanji numeral is a number (`四十日`, `三人`). `月` alone is
/// not one (`三月` is March), nor `分` alone (`十分` is "enough").
pub const COUNTERS: [&str; 34] = [
    "箇月",
    "か月",
    "ヶ月",
    "ケ月",
    "カ月",
    "ヵ月",
    "箇所",
    "か所",
    "ヶ所",
    "日",
    "年",
    "条",
    "項",
    "号",
    "人",
    "名",
    "回",
    "歳",
    "割",
    "パーセント",
    "%",
    "％",
    "件",
    "個",
    "つ",
    "倍",
    "時間",
    "週間",
    "円",
    "票",
    "通",
    "種類",
    "週",
    "期",
];

/// Counters after `第` that number parts of a text: `第十三条` is `Article 13`.
const ORDINAL_COUNTERS: &str = "条項号章節款目編部";

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A Japanese number: digits or kanji.
const JA_NUMBER: &str = r"[0-9０-９]+|[〇一二三四五六七八九十百千]+";

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

static ENGLISH_DATE: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"\b(\d{{1,2}})\s+({})\s+(\d{{4}})\b", MONTHS.join("|"))));
static ENGLISH_DATE_MONTH_FIRST: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"\b({})\s+(\d{{1,2}}),\s+(\d{{4}})\b", MONTHS.join("|"))));
static ENGLISH_MONTH: LazyLock<Regex> = LazyLock::new(|| regex(&format!(r"\b({})\s+(\d{{4}})\b", MONTHS.join("|"))));
static JAPANESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?:(明治|大正|昭和|平成|令和)\s*)?({JA_NUMBER}|元)\s*年\s*({JA_NUMBER})\s*月\s*({JA_NUMBER})\s*日"
    ))
});
static ENGLISH_DAY_MONTH: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({})\b", MONTHS.join("|"))));
static ENGLISH_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"\b({})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", MONTHS.join("|"))));
static JAPANESE_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"({JA_NUMBER})\s*月\s*({JA_NUMBER})\s*日")));
/// A URL as written in text: `https://…`, `www.…`, up to a space or a character no URL has.
/// Matched in the text lowercased (see [`Reader::lower`]), as every pattern that ignores case.
static URL: LazyLock<Regex> = LazyLock::new(|| regex(r"(?:https?://|www\.)[a-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"));
/// English ordinal words, `first` to `twentieth`.
const ORDINAL_WORDS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];
/// The structural units a statute numbers (`第二項` is `the second paragraph`, `paragraph two`).
const UNIT_WORDS: &str = r"paragraphs?|articles?|items?|chapters?|sections?|sub-?paragraphs?";
/// `the second paragraph`, `first article`: an ordinal word before a structural unit.
static ORDINAL_BEFORE_UNIT: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"\b({})\s+(?:{UNIT_WORDS})\b", ORDINAL_WORDS.join("|"))));
/// `paragraph one`, `item three`, `paragraph second`: a number word after a structural unit.
static WORD_AFTER_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(r"\b(?:{UNIT_WORDS})\s+({}|{}|{})\b", ORDINAL_WORDS.join("|"), UNITS.join("|"), TENS.join("|")))
});
/// Old forms of kanji numerals (大字) an old statute numbers its parts with: `第壱条`, `第弐拾参条`.
static JAPANESE_OLD_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"第\s*([零壱壹弐貳参參肆伍陸漆捌玖拾廿陌佰阡〇一二三四五六七八九十百千]+)\s*([{ORDINAL_COUNTERS}])"
    ))
});
static JAPANESE_MONTH: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"(?:(明治|大正|昭和|平成|令和)\s*)?({JA_NUMBER}|元)\s*年\s*({JA_NUMBER})\s*月")));
static JAPANESE_ERA_YEAR: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"(明治|大正|昭和|平成|令和)\s*({JA_NUMBER}|元)\s*年")));
static JAPANESE_FRACTION: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"({JA_NUMBER})\s*分\s*の\s*({JA_NUMBER})")));
static JAPANESE_ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"第\s*({JA_NUMBER})\s*([{ORDINAL_COUNTERS}])")));
static JAPANESE_OTHER_ORDINAL: LazyLock<Regex> = LazyLock::new(|| regex(r"第[〇一二三四五六七八九十百千]+"));
/// `第三十六条の二` (`第二十九条ノ七` in older statutes): a branch article, `Article 36-2`, read as
/// the token `36-2`.
static JAPANESE_BRANCH_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"第\s*({JA_NUMBER})\s*条((?:\s*[のノ]\s*(?:{JA_NUMBER}))+)")));
/// `別表第一`: the number of an appended table (`Appended Table 1`).
static APPENDED_TABLE: LazyLock<Regex> = LazyLock::new(|| regex(r"別表第([〇一二三四五六七八九十百千]+)"));
static JAPANESE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?m)^[ \t　]*([一二三四五六七八九十]+)[、　．]|[(（]([一二三四五六七八九十]+)[)）]"));
static JAPANESE_MAN: LazyLock<Regex> = LazyLock::new(|| regex(r"([0-9０-９]+)\s*([万億])"));
static KANJI_RUN: LazyLock<Regex> = LazyLock::new(|| regex(r"[〇一二三四五六七八九十百千万億]+"));
static ROMAN_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?m)(?:[(（]|^[ \t]*)([ivxIVXｉｖｘＩＶＸ]+|[ⅰ-ⅻⅠ-Ⅻ])[)）]"));
static DIGITS: LazyLock<Regex> = LazyLock::new(|| regex(r"[0-9０-９]+(?:[-/.,:－／．，：][0-9０-９]+)*"));
/// `CHAPTER III`, `Part IV`: numbered as `第三章`, `第四部`.
static ENGLISH_PART: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:chapter|part|section|article|book|title)\s+([ivxlc]+)\b"));
/// `a quarter or more of the members` = `四分の一以上`.
static A_QUARTER: LazyLock<Regex> = LazyLock::new(|| regex(r"\ba quarter\b"));
static WORD: LazyLock<Regex> = LazyLock::new(|| regex(r"[A-Za-z]+"));
/// Kanji numerals given as alternatives or a range, `一又は二の措置`, `三ないし五`: numbers, the
/// bare `一` too, unless the first is the end of a word (`統一又は…`) or the last the start of one.
static JAPANESE_ALTERNATIVES: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:^|[^\p{Han}々])([一二三四五六七八九十]+)(?:又は|若しくは|ないし|から|か)([一二三四五六七八九十]+)(?:[^\p{Han}々]|$)",
    )
});
/// `one or two`, `one to three`: the bare `one` is a number when another number word is its
/// alternative or the end of its range.
static ONE_OR_ANOTHER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^one\s+(?:or|to)\s+(?:two|three|four|five|six|seven|eight|nine|ten)\b"));
static PARENTHESISED_DIGITS: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*\((\d+)\)"));

/// Every pattern of this module, for the test that builds each. A pattern is built when a text
/// first needs it, by the thread reading that text: the aligner's threads, over the cores, build
/// the patterns their blocks need and no others. (`codepub check` built all of them ahead, in this
/// order, on a thread of its own while the project loaded; the aligner's threads then waited for
/// that one thread, and the check of the Code ran 0.91× as long without it.)
#[cfg(test)]
const PATTERNS: [&LazyLock<Regex>; 31] = [
    &DIGITS,
    &WORD,
    &MONTH_NAME,
    &UNIT_WORD,
    &ENGLISH_DATE,
    &ENGLISH_DATE_MONTH_FIRST,
    &ENGLISH_MONTH,
    &ENGLISH_DAY_MONTH,
    &ENGLISH_MONTH_DAY,
    &PARENTHESISED_DIGITS,
    &ONE_OR_ANOTHER,
    &ORDINAL_BEFORE_UNIT,
    &WORD_AFTER_UNIT,
    &ENGLISH_PART,
    &A_QUARTER,
    &ROMAN_LABEL,
    &URL,
    &JAPANESE_LABEL,
    &KANJI_RUN,
    &JAPANESE_MAN,
    &JAPANESE_ORDINAL,
    &JAPANESE_OTHER_ORDINAL,
    &JAPANESE_DATE,
    &JAPANESE_MONTH,
    &JAPANESE_MONTH_DAY,
    &JAPANESE_ERA_YEAR,
    &JAPANESE_FRACTION,
    &JAPANESE_BRANCH_ARTICLE,
    &JAPANESE_OLD_ORDINAL,
    &APPENDED_TABLE,
    &JAPANESE_ALTERNATIVES,
];

/// What a text holds that some pattern needs, found in one pass over its characters: a pattern
/// that needs what the text lacks is not run (most texts have no date, no `第`, no kanji numeral),
/// which keeps reading numbers linear and cheap on long documents.
#[derive(Clone, Copy, Debug, Default)]
struct Present {
    digit: bool,
    /// `〇一二三四五六七八九十百千万億`.
    kanji_numeral: bool,
    /// `第`, and `条`.
    dai: bool,
    jo: bool,
    /// `年`, `月`, `日`, `分`, `万` or `億`, `別`.
    year: bool,
    month: bool,
    day: bool,
    fraction: bool,
    myriad: bool,
    /// An ASCII letter or a full-width or circled roman numeral, and a closing parenthesis.
    closing_parenthesis: bool,
    /// `://` or `www.` (in any case).
    url: bool,
    /// An English month name (case-sensitive, as the date patterns read them).
    month_name: bool,
    /// A word that numbered parts follow or precede, in any case (`paragraph`, `Chapter`…), or
    /// `quarter`.
    unit_word: bool,
    /// Whole words, in any case: one an English number in words starts with (`one`…`ninety`,
    /// `twice`), an ordinal (`first`…`twentieth`), one of roman-numeral letters only (`iv`).
    number_word: bool,
    ordinal_word: bool,
    roman_word: bool,
}

static MONTH_NAME: LazyLock<Regex> = LazyLock::new(|| regex(&MONTHS.join("|")));
/// What [`ORDINAL_BEFORE_UNIT`], [`WORD_AFTER_UNIT`], [`ENGLISH_PART`] and [`A_QUARTER`] need.
static UNIT_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"paragraph|article|item|chapter|section|part|book|title|quarter"));

/// `text` with its ASCII letters lowercased: the patterns that ignore case are matched in it,
/// written in lower case, since a case-insensitive pattern costs several times as much to build
/// (each letter a class of two, each word many literals). Its byte offsets are the text's.
fn lowercase(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) { text.to_ascii_lowercase().into() } else { text.into() }
}

impl Present {
    /// What `text` holds; `lower`: the text lowercased ([`lowercase`]).
    fn of(text: &str, lower: &str) -> Self {
        let mut has = Self::default();
        for c in text.chars() {
            match c {
                '0'..='9' | '０'..='９' => has.digit = true,
                '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' => {
                    has.kanji_numeral = true
                }
                '万' | '億' => (has.kanji_numeral, has.myriad) = (true, true),
                '第' => has.dai = true,
                '条' => has.jo = true,
                '年' => has.year = true,
                '月' => has.month = true,
                '日' => has.day = true,
                '分' => has.fraction = true,
                ')' | '）' => has.closing_parenthesis = true,
                _ => {}
            }
        }
        has.url = lower.contains("://") || lower.contains("www.");
        has.month_name = MONTH_NAME.is_match(text);
        has.unit_word = UNIT_WORD.is_match(lower);
        (has.number_word, has.ordinal_word, has.roman_word) = number_words(text);
        has
    }

    /// As if the text held everything: every pattern runs.
    #[cfg(test)]
    fn everything() -> Self {
        Self {
            digit: true,
            kanji_numeral: true,
            dai: true,
            jo: true,
            year: true,
            month: true,
            day: true,
            fraction: true,
            myriad: true,
            closing_parenthesis: true,
            url: true,
            month_name: true,
            unit_word: true,
            number_word: true,
            ordinal_word: true,
            roman_word: true,
        }
    }
}

struct Reader<'t> {
    text: &'t str,
    /// The text, lowercased ([`lowercase`]).
    lower: &'t str,
    has: Present,
    /// Bytes already read, as a number or as a word that is none.
    taken: Vec<Range<usize>>,
    found: Vec<Numeral>,
}

impl Reader<'_> {
    /// Claims `span` unless part of it was read already; records `value` when there is one.
    fn take(&mut self, span: Range<usize>, value: Option<Value>) -> bool {
        if self.taken.iter().any(|t| t.start < span.end && span.start < t.end) {
            return false;
        }
        self.taken.push(span.clone());
        if let Some(value) = value {
            self.found.push(Numeral { value, span });
        }
        true
    }

    fn each(&mut self, pattern: &Regex, value: impl FnMut(&Captures<'_>) -> Option<Value>) {
        self.each_in(self.text, pattern, value);
    }

    /// [`Self::each`] for a pattern written in lower case, matched in the lowercased text.
    fn each_lowercase(&mut self, pattern: &Regex, value: impl FnMut(&Captures<'_>) -> Option<Value>) {
        self.each_in(self.lower, pattern, value);
    }

    fn each_in(&mut self, text: &str, pattern: &Regex, mut value: impl FnMut(&Captures<'_>) -> Option<Value>) {
        for c in pattern.captures_iter(text) {
            if let Some(v) = value(&c) {
                let whole = c.get(0).map_or(0..0, |m| m.range());
                self.take(whole, Some(v));
            }
        }
    }

    fn english(&mut self) {
        if self.has.month_name && self.has.digit {
            self.english_dates();
        }
        if self.has.unit_word {
            if self.has.ordinal_word {
                self.each_lowercase(&ORDINAL_BEFORE_UNIT, |c| ordinal_word(&c[1]).map(Value::Integer));
            }
            if self.has.ordinal_word || self.has.number_word {
                self.each_lowercase(&WORD_AFTER_UNIT, |c| {
                    ordinal_word(&c[1]).or_else(|| below_hundred(&c[1])).map(Value::Integer)
                });
            }
            if self.has.roman_word {
                self.each_lowercase(&ENGLISH_PART, |c| roman_value(&c[1]).map(Value::Integer));
            }
            self.each_lowercase(&A_QUARTER, |_| Some(Value::Fraction(1, 4)));
        }
        if self.has.number_word {
            self.words();
        }
        self.roman_labels();
    }

    fn english_dates(&mut self) {
        self.each(&ENGLISH_DATE, |c| date(number(&c[3])?, month_number(&c[2])?, number(&c[1])?));
        self.each(&ENGLISH_DATE_MONTH_FIRST, |c| date(number(&c[3])?, month_number(&c[1])?, number(&c[2])?));
        self.each(&ENGLISH_MONTH, |c| month(number(&c[2])?, month_number(&c[1])?));
        self.each(&ENGLISH_DAY_MONTH, |c| month_day(month_number(&c[2])?, number(&c[1])?));
        self.each(&ENGLISH_MONTH_DAY, |c| month_day(month_number(&c[1])?, number(&c[2])?));
    }

    fn japanese(&mut self) {
        let has = self.has;
        let numeral = has.digit || has.kanji_numeral;
        if has.year && has.month && has.day {
            self.each(&JAPANESE_DATE, |c| {
                date(japanese_year(c.get(1).map(|m| m.as_str()), &c[2])?, ja_number(&c[3])?, ja_number(&c[4])?)
            });
        }
        if has.year && has.month {
            self.each(&JAPANESE_MONTH, |c| {
                month(japanese_year(c.get(1).map(|m| m.as_str()), &c[2])?, ja_number(&c[3])?)
            });
        }
        if has.month && has.day && numeral {
            self.each(&JAPANESE_MONTH_DAY, |c| month_day(ja_number(&c[1])?, ja_number(&c[2])?));
        }
        if has.year {
            self.each(&JAPANESE_ERA_YEAR, |c| Some(Value::Integer(japanese_year(Some(&c[1]), &c[2])?)));
        }
        if has.fraction && numeral {
            self.each(&JAPANESE_FRACTION, |c| fraction(ja_number(&c[2])?, ja_number(&c[1])?));
        }
        let text = self.text;
        if has.dai {
            if has.jo {
                self.each(&JAPANESE_BRANCH_ARTICLE, |c| branch_article(&c[1], &c[2]));
            }
            // `第壱条` is Article 1 (only text holding an old form is read so).
            self.each(&JAPANESE_OLD_ORDINAL, |c| kanji_value(&modern_kanji(&c[1])?).map(Value::Integer));
            self.each(&JAPANESE_ORDINAL, |c| ja_number(&c[1]).map(Value::Integer));
            self.each(&APPENDED_TABLE, |c| kanji_value(&c[1]).map(Value::Integer));
            // `第三者`, `第一回`: ordinals English writes as words (`third party`, `first session`).
            for m in JAPANESE_OTHER_ORDINAL.find_iter(text) {
                self.take(m.range(), None);
            }
        }
        if has.kanji_numeral {
            for c in JAPANESE_LABEL.captures_iter(text) {
                let Some(label) = c.get(1).or_else(|| c.get(2)) else { continue };
                if let Some(n) = kanji_value(label.as_str()) {
                    self.take(label.range(), Some(Value::Integer(n)));
                }
            }
        }
        self.roman_labels();
        if has.myriad && has.digit {
            self.each(&JAPANESE_MAN, |c| {
                let scale = if &c[2] == "万" { 10_000 } else { 100_000_000 };
                number(&c[1])?.checked_mul(scale).map(Value::Integer)
            });
        }
        if has.kanji_numeral {
            for c in JAPANESE_ALTERNATIVES.captures_iter(text) {
                for run in [c.get(1), c.get(2)].into_iter().flatten() {
                    if let Some(n) = kanji_value(run.as_str()) {
                        self.take(run.range(), Some(Value::Integer(n)));
                    }
                }
            }
            for m in KANJI_RUN.find_iter(text) {
                if let Some(n) = standalone_kanji(m.as_str(), &text[m.end()..]) {
                    self.take(m.range(), Some(Value::Integer(n)));
                }
            }
        }
    }

    fn roman_labels(&mut self) {
        if !self.has.closing_parenthesis {
            return;
        }
        let text = self.text;
        let letters = letter_labels(text);
        for c in ROMAN_LABEL.captures_iter(text) {
            let Some(label) = c.get(1) else { continue };
            let lower: String = label.as_str().chars().map(ascii_roman).collect();
            // `(i)` after `(h)` is the ninth letter, not one.
            if lower.len() == 1 && letters.contains(&(lower.as_bytes()[0] - 1)) {
                continue;
            }
            if let Some(n) = roman_value(&lower) {
                let whole = c.get(0).map_or(0..0, |m| m.range());
                self.take(whole, Some(Value::Integer(n)));
            }
        }
    }

    /// English number words, compounds and fractions; `forty (40)` as one number.
    fn words(&mut self) {
        let text = self.text;
        // The words as the lowercased text spells them (the same byte ranges).
        let words: Vec<(Range<usize>, &str)> = WORD.find_iter(self.lower).map(|m| (m.range(), m.as_str())).collect();
        let mut i = 0;
        while i < words.len() {
            let Some(read) = word_number(text, &words[i..]) else {
                i += 1;
                continue;
            };
            let start = words[i].0.start;
            let mut end = words[i + read.words - 1].0.end;
            let mut plain_one =
                read.value == Value::Integer(1) && read.words == 1 && !ONE_OR_ANOTHER.is_match(&self.lower[start..]);
            if let Some(digits) = PARENTHESISED_DIGITS.captures(&text[end..])
                && number(&digits[1]).map(Value::Integer) == Some(read.value.clone())
            {
                end += digits.get(0).map_or(0, |m| m.end());
                plain_one = false;
            }
            let value = (!plain_one).then_some(read.value);
            self.take(start..end, value);
            i += read.words;
        }
    }

    /// Digit groups not read as part of something else.
    fn digits(&mut self) {
        if !self.has.digit {
            return;
        }
        let text = self.text;
        for m in DIGITS.find_iter(text) {
            let ascii: String = m.as_str().chars().map(ascii_digit).collect();
            let value = if ascii.bytes().all(|b| b.is_ascii_digit()) && !(ascii.len() > 1 && ascii.starts_with('0')) {
                number(&ascii).map_or(Value::Token(ascii), Value::Integer)
            } else if is_thousands(&ascii) {
                number(&ascii.replace(',', "")).map_or(Value::Token(ascii), Value::Integer)
            } else {
                Value::Token(ascii)
            };
            self.take(m.range(), Some(value));
        }
    }
}

/// A branch article's number as the English writes it: `三十六` and `の二` → `36-2`.
fn branch_article(article: &str, branches: &str) -> Option<Value> {
    let mut token = ja_number(article)?.to_string();
    for branch in branches.split(['の', 'ノ']).map(str::trim).filter(|b| !b.is_empty()) {
        token = format!("{token}-{}", ja_number(branch)?);
    }
    Some(Value::Token(token))
}

/// Letters used as list labels in a text, `(h)` → `b'h'`.
fn letter_labels(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    (1..bytes.len().saturating_sub(1))
        .filter(|&i| bytes[i - 1] == b'(' && bytes[i + 1] == b')' && bytes[i].is_ascii_lowercase())
        .map(|i| bytes[i])
        .collect()
}

/// `1,000`, `12,345,678`.
fn is_thousands(text: &str) -> bool {
    let mut groups = text.split(',');
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len()) && text.contains(',') && groups.all(|g| g.len() == 3)
}

fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '－' => '-',
        '／' => '/',
        '．' => '.',
        '，' => ',',
        '：' => ':',
        other => other,
    }
}

fn ascii_roman(c: char) -> char {
    match c {
        'ｉ' | 'Ｉ' | 'I' => 'i',
        'ｖ' | 'Ｖ' | 'V' => 'v',
        'ｘ' | 'Ｘ' | 'X' => 'x',
        other => other,
    }
}

/// ASCII or full-width digits as a number; `None` when too long.
fn number(digits: &str) -> Option<u64> {
    let ascii: String = digits.chars().map(ascii_digit).collect();
    if ascii.is_empty() || ascii.len() > 18 || !ascii.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    ascii.parse().ok()
}

/// The number of a part as a heading writes it (`13`, `１３`, `十三`, `III`, `iii`): what
/// `codepub init --from-text` makes clause ids of.
pub fn part_number(text: &str) -> Option<u64> {
    ja_number(text).or_else(|| roman_value(&text.to_ascii_lowercase())).or_else(|| kanji_value(&modern_kanji(text)?))
}

/// The old forms of kanji numerals (大字, as deeds and old statutes write them: `壱`, `弐`, `参`,
/// `拾`) in today's forms; `None` when `text` holds none, so that only such text is read again.
fn modern_kanji(text: &str) -> Option<String> {
    const OLD_FORMS: [(char, &str); 18] = [
        ('零', "〇"),
        ('壱', "一"),
        ('壹', "一"),
        ('弐', "二"),
        ('貳', "二"),
        ('参', "三"),
        ('參', "三"),
        ('肆', "四"),
        ('伍', "五"),
        ('陸', "六"),
        ('漆', "七"),
        ('捌', "八"),
        ('玖', "九"),
        ('拾', "十"),
        ('廿', "二十"),
        ('陌', "百"),
        ('佰', "百"),
        ('阡', "千"),
    ];
    let old = |c: char| OLD_FORMS.iter().find(|(form, _)| *form == c).map(|(_, modern)| *modern);
    text.chars()
        .any(|c| old(c).is_some())
        .then(|| text.chars().map(|c| old(c).map_or_else(|| c.to_string(), str::to_string)).collect())
}

/// Digits or kanji.
fn ja_number(text: &str) -> Option<u64> {
    number(text).or_else(|| kanji_value(text))
}

fn small(n: u64) -> Option<u32> {
    u32::try_from(n).ok()
}

fn date(year: u64, month: u64, day: u64) -> Option<Value> {
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Value::Date {
        year: small(year)?,
        month: small(month)?,
        day: small(day)?,
    })
}

fn month(year: u64, month: u64) -> Option<Value> {
    (1..=12).contains(&month).then_some(Value::Month { year: small(year)?, month: small(month)? })
}

fn month_day(month: u64, day: u64) -> Option<Value> {
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(Value::MonthDay { month: small(month)?, day: small(day)? })
}

/// `first` → 1 … `twentieth` → 20 (lower case).
fn ordinal_word(word: &str) -> Option<u64> {
    let word = word.to_ascii_lowercase();
    ORDINAL_WORDS.iter().position(|w| *w == word).map(|i| i as u64 + 1)
}

fn fraction(numerator: u64, denominator: u64) -> Option<Value> {
    (denominator > 0).then_some(Value::Fraction(numerator, denominator))
}

fn month_number(name: &str) -> Option<u64> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u64 + 1)
}

/// A year as Western: `令和5` is 2023, `令和元` 2019; without an era, as written.
fn japanese_year(era: Option<&str>, year: &str) -> Option<u64> {
    let n = if year == "元" { 1 } else { ja_number(year)? };
    let first: u64 = match era {
        None if year == "元" => return None,
        None => return Some(n),
        Some("明治") => 1868,
        Some("大正") => 1912,
        Some("昭和") => 1926,
        Some("平成") => 1989,
        Some(_) => 2019,
    };
    first.checked_add(n)?.checked_sub(1)
}

fn kanji_digit(c: char) -> Option<u64> {
    "〇一二三四五六七八九".chars().position(|d| d == c).map(|i| i as u64)
}

/// The value of a kanji numeral: positional (`二〇二三` = 2023) or with multipliers (`千九百四十六`
/// = 1946, `百三` = 103, `三万五千` = 35000). `None` for what is no well-formed numeral.
pub fn kanji_value(text: &str) -> Option<u64> {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if chars.iter().all(|&c| kanji_digit(c).is_some()) {
        if chars.len() > 18 {
            return None;
        }
        return chars.iter().try_fold(0u64, |n, &c| n.checked_mul(10)?.checked_add(kanji_digit(c)?));
    }
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    let (mut last_small, mut last_big) = (10_000u64, u64::MAX);
    for c in chars {
        if let Some(d) = kanji_digit(c) {
            if digit.is_some() {
                return None;
            }
            digit = Some(d);
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let m = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                if m >= last_small {
                    return None;
                }
                section = section.checked_add(digit.take().unwrap_or(1).checked_mul(m)?)?;
                last_small = m;
            }
            '万' | '億' => {
                let m: u64 = if c == '万' { 10_000 } else { 100_000_000 };
                section = section.checked_add(digit.take().unwrap_or(0))?;
                if section == 0 || m >= last_big {
                    return None;
                }
                total = total.checked_add(section.checked_mul(m)?)?;
                (section, last_small, last_big) = (0, 10_000, m);
            }
            _ => return None,
        }
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// A kanji run not read as part of a date, fraction, ordinal or label: a number when a counter
/// follows or when it is a compound, never a bare `一` (see the module comment).
fn standalone_kanji(run: &str, after: &str) -> Option<u64> {
    if run.starts_with(['万', '億']) {
        return None;
    }
    let value = kanji_value(run)?;
    let counted = COUNTERS.iter().any(|counter| after.starts_with(counter));
    let compound = run.chars().count() >= 2 && run.contains(['十', '百', '千', '〇']);
    (value != 1 && (counted || compound)).then_some(value)
}

fn roman_value(lower: &str) -> Option<u64> {
    if let Some(c) = lower.chars().next().filter(|_| lower.chars().count() == 1)
        && let '\u{2160}'..='\u{216B}' | '\u{2170}'..='\u{217B}' = c
    {
        return Some(u64::from(c as u32 & 0xF) + 1);
    }
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let digits: Vec<u64> = lower.chars().map(value).collect::<Option<_>>()?;
    // A letter before a larger one is subtracted: `iv` = 5 - 1.
    let (added, subtracted) = digits.iter().enumerate().fold((0u64, 0u64), |(added, subtracted), (i, &d)| {
        if digits.get(i + 1).is_some_and(|&next| next > d) { (added, subtracted + d) } else { (added + d, subtracted) }
    });
    let n = added.saturating_sub(subtracted);
    // Only well-formed numerals (`iv`, not `iiii` or `vx`).
    (n > 0 && n < 400 && to_roman(n) == lower).then_some(n)
}

fn to_roman(mut n: u64) -> String {
    let mut out = String::new();
    for (value, letters) in
        [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// An English number read from the start of `words`: its value and how many words it spans.
struct WordNumber {
    value: Value,
    words: usize,
}

const UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// Whether `text` has, as a whole ASCII word in any case, one that [`word_number`] can start a
/// number with, an ordinal word, and one of roman-numeral letters only: one pass over the bytes,
/// no allocation.
fn number_words(text: &str) -> (bool, bool, bool) {
    let (mut number, mut ordinal, mut roman) = (false, false, false);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let word = &bytes[start..i];
        roman = roman || word.iter().all(|b| matches!(b.to_ascii_lowercase(), b'i' | b'v' | b'x' | b'l' | b'c'));
        let mut lower = [0u8; LONGEST_NUMBER_WORD];
        if word.len() <= LONGEST_NUMBER_WORD && NUMBER_WORD_SHAPES.has(word.len(), word[0]) {
            let lower = &mut lower[..word.len()];
            lower.copy_from_slice(word);
            lower.make_ascii_lowercase();
            // ASCII letters only: always UTF-8.
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            number = number || lower == "twice" || below_hundred(lower).is_some();
            ordinal = ordinal || ORDINAL_WORDS.contains(&lower);
        }
        if number && ordinal && roman {
            break;
        }
    }
    (number, ordinal, roman)
}

/// Letters in the longest of [`UNITS`], [`TENS`] and [`ORDINAL_WORDS`] (`seventeenth`).
const LONGEST_NUMBER_WORD: usize = 11;

/// The length and first letter of each word [`number_words`] looks for (`twice`, [`UNITS`],
/// [`TENS`], [`ORDINAL_WORDS`]): a word of another shape (`the`, `and`, `that`) is none of
/// them, without comparing it with each.
const NUMBER_WORD_SHAPES: WordShapes = WordShapes::of(&[&["twice"], &UNITS, &TENS, &ORDINAL_WORDS]);

/// Pairs of a word's length (up to [`LONGEST_NUMBER_WORD`]) and its first letter, in any case.
struct WordShapes([u32; LONGEST_NUMBER_WORD + 1]);

impl WordShapes {
    const fn of(lists: &[&[&str]]) -> Self {
        let mut shapes = [0u32; LONGEST_NUMBER_WORD + 1];
        let mut l = 0;
        while l < lists.len() {
            let mut w = 0;
            while w < lists[l].len() {
                let word = lists[l][w].as_bytes();
                shapes[word.len()] |= 1 << (word[0].to_ascii_lowercase() - b'a');
                w += 1;
            }
            l += 1;
        }
        Self(shapes)
    }

    /// Whether a word of `len` letters starting with `first` has a listed shape (never when
    /// `first` is no ASCII letter).
    fn has(&self, len: usize, first: u8) -> bool {
        let letter = first.to_ascii_lowercase().wrapping_sub(b'a');
        letter < 26 && self.0.get(len).is_some_and(|letters| letters & (1 << letter) != 0)
    }
}

fn below_hundred(word: &str) -> Option<u64> {
    UNITS
        .iter()
        .position(|w| *w == word)
        .map(|i| i as u64 + 1)
        .or_else(|| TENS.iter().position(|w| *w == word).map(|i| (i as u64 + 2) * 10))
}

fn denominator(word: &str) -> Option<u64> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    match singular {
        "half" | "halve" => Some(2),
        "quarter" => Some(4),
        _ => ["third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
            .iter()
            .position(|w| *w == singular)
            .map(|i| i as u64 + 3),
    }
}

fn word_number(text: &str, words: &[(Range<usize>, &str)]) -> Option<WordNumber> {
    let first = words.first()?;
    if first.1 == "twice" {
        return Some(WordNumber { value: Value::Integer(2), words: 1 });
    }
    let mut small = below_hundred(first.1)?;
    let (mut total, mut used, mut scaled) = (0u64, 1, false);
    // Each following word joins when only a space or a hyphen stands between.
    let joined = |i: usize| {
        words.get(i).filter(|w| {
            let gap = &text[words[i - 1].0.end..w.0.start];
            gap == "-" || (!gap.is_empty() && gap.chars().all(char::is_whitespace))
        })
    };
    while let Some(word) = joined(used) {
        let w: &str = word.1;
        if let Some(n) = below_hundred(w) {
            // `forty-five`: a unit after a ten.
            let after_ten = small % 10 == 0 && (20..100).contains(&(small % 100)) && n < 10;
            let after_scale = scaled && small % 100 == 0;
            if !(after_ten || after_scale) {
                break;
            }
            small += n;
            scaled = false;
        } else if w == "hundred" && (1..100).contains(&small) {
            small *= 100;
            scaled = true;
        } else if (w == "thousand" || w == "million") && small > 0 && total == 0 {
            total = small.checked_mul(if w == "thousand" { 1000 } else { 1_000_000 })?;
            small = 0;
            scaled = true;
        } else if w == "and" && scaled && joined(used + 1).is_some_and(|next| below_hundred(next.1).is_some()) {
            // `one hundred and three`: `and` belongs to the number.
        } else if let Some(den) = denominator(w).filter(|_| total == 0 && small < 100 && !scaled) {
            return Some(WordNumber { value: Value::Fraction(small, den), words: used + 1 });
        } else {
            break;
        }
        used += 1;
    }
    // A trailing `and` is not part of the number.
    if words.get(used - 1).is_some_and(|w| w.1 == "and") {
        used -= 1;
    }
    Some(WordNumber { value: Value::Integer(total + small), words: used })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_values(text: &str, lang: Lang) -> Vec<String> {
        read(text, lang).iter().map(|n| n.value.to_string()).collect()
    }

    #[test]
    fn kanji_numerals_read_as_positional_and_compound_values() {
        for (kanji, value) in [
            ("二十五", 25),
            ("百三", 103),
            ("四十", 40),
            ("千九百四十六", 1946),
            ("二〇二三", 2023),
            ("十", 10),
            ("三万五千", 35_000),
            ("一億二千万", 120_000_000),
        ] {
            assert_eq!(kanji_value(kanji), Some(value), "{kanji}");
        }
        for malformed in ["", "十十", "二二十", "万", "百千", "一般"] {
            assert_eq!(kanji_value(malformed), None, "{malformed}");
        }
    }

    #[test]
    fn part_numbers_read_digits_kanji_roman_and_old_kanji_forms() {
        for (text, value) in [
            ("13", 13),
            ("１３", 13),
            ("十三", 13),
            ("百一", 101),
            ("二〇", 20),
            ("XIII", 13),
            ("iv", 4),
            ("壱", 1),
            ("弐", 2),
            ("参拾", 30),
            ("拾参", 13),
            ("壱百", 100),
            ("廿一", 21),
            ("弐〇", 20),
        ] {
            assert_eq!(part_number(text), Some(value), "{text}");
        }
        for text in ["", "一般", "拾拾", "第", "x1"] {
            assert_eq!(part_number(text), None, "{text}");
        }
    }

    #[test]
    fn every_pattern_of_the_module_is_listed_once_and_builds() {
        let declared = include_str!("numerals.rs").matches(concat!(": LazyLock<", "Regex> =")).count();
        assert_eq!(PATTERNS.len(), declared);
        let mut listed: Vec<*const LazyLock<Regex>> = PATTERNS.iter().map(|p| *p as *const _).collect();
        listed.sort();
        listed.dedup();
        assert_eq!(listed.len(), declared, "each listed once");
        for pattern in PATTERNS {
            LazyLock::force(pattern);
        }
    }

    #[test]
    fn words_that_number_a_part_are_read_in_any_case_from_lowercase_patterns() {
        for (text, expected) in [
            ("PARAGRAPH ONE of the Article", vec!["1"]),
            ("The Second Paragraph", vec!["2"]),
            ("CHAPTER IV", vec!["4"]),
            ("A Quarter or more", vec!["1/4"]),
            ("One or Two members", vec!["1", "2"]),
            ("see HTTPS://WWW.EXAMPLE.ORG/Version/2/1 now", vec![]),
        ] {
            assert_eq!(read_values(text, Lang::En), expected, "{text}");
        }
        // A case-insensitive pattern costs several times as much to build (the check of a short
        // text is mostly building them): they are written in lower case and matched in the
        // lowercased text instead.
        for pattern in
            [&URL, &ORDINAL_BEFORE_UNIT, &WORD_AFTER_UNIT, &ENGLISH_PART, &A_QUARTER, &ONE_OR_ANOTHER, &UNIT_WORD]
        {
            assert!(!pattern.as_str().contains("(?i"), "{}", pattern.as_str());
            assert_eq!(pattern.as_str(), pattern.as_str().to_ascii_lowercase(), "written in lower case");
        }
    }

    #[test]
    fn english_number_words_read_as_values() {
        for (text, expected) in [
            ("forty-five days", vec!["45"]),
            ("one hundred and three members", vec!["103"]),
            ("two-thirds of the members", vec!["2/3"]),
            ("one-fourth", vec!["1/4"]),
            ("one half", vec!["1/2"]),
            ("forty (40) days", vec!["40"]),
            ("forty (41) days", vec!["40", "41"]),
            ("two thousand and twenty-three", vec!["2023"]),
            ("four years and three months", vec!["4", "3"]),
            ("no one, one of them, at one time", vec![]),
            ("one (1) year", vec!["1"]),
            ("twice a year", vec!["2"]),
            ("a quarter or more of the members", vec!["1/4"]),
            ("CHAPTER III. RIGHTS", vec!["3"]),
            ("Part XIV and section ii", vec!["14", "2"]),
            ("Part of it", vec![]),
        ] {
            assert_eq!(read_values(text, Lang::En), expected, "{text}");
        }
    }

    #[test]
    fn spans_cover_the_whole_written_number() {
        let text = "within forty (40) days of 2023年";
        let numbers = read(text, Lang::En);
        assert_eq!(&text[numbers[0].span.clone()], "forty (40)");
        let text = "国会は、四十日以内に";
        let numbers = read(text, Lang::Ja);
        assert_eq!(&text[numbers[0].span.clone()], "四十");
    }

    #[test]
    fn numbers_given_as_alternatives_are_read_the_bare_one_too() {
        assert_eq!(read_values("措置のうち一又は二の措置をとる", Lang::Ja), ["1", "2"]);
        assert_eq!(read_values("三ないし五の委員", Lang::Ja), ["3", "5"]);
        assert_eq!(read_values("One or two of the following measures", Lang::En), ["1", "2"]);
        assert_eq!(read_values("one to three members", Lang::En), ["1", "3"]);
        // Words ending or starting with a numeral stay words.
        assert_eq!(read_values("統一又は二重の基準", Lang::Ja), Vec::<String>::new());
        assert_eq!(read_values("no one or anyone", Lang::En), Vec::<String>::new());
    }

    #[test]
    fn japanese_words_holding_a_numeral_are_not_numbers() {
        for text in [
            "一般の人々",
            "統一",
            "一貫性",
            "一連の価値",
            "唯一",
            "同一",
            "第三者から",
            "一部",
            "一方",
            "十分な情報",
            "万一の場合",
            "一つの",
            "一人",
            "三月に",
        ] {
            assert_eq!(read_values(text, Lang::Ja), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn roman_labels_are_numbers_unless_the_list_is_lettered() {
        assert_eq!(read_values("(i) first (ii) second (iv) fourth", Lang::En), ["1", "2", "4"]);
        assert_eq!(read_values("(g) g (h) h (i) i", Lang::En), Vec::<String>::new());
        assert_eq!(read_values("（ⅱ）と（ｉｉｉ）", Lang::Ja), ["2", "3"]);
        assert_eq!(read_values("(iiii) (vx)", Lang::En), Vec::<String>::new());
    }

    #[test]
    fn a_branch_article_reads_as_its_english_number() {
        assert_eq!(read_values("第三十六条の二", Lang::Ja), ["36-2"]);
        assert_eq!(read_values("Article 36-2", Lang::En), ["36-2"]);
        assert_eq!(read_values("第十条の二の三第一項", Lang::Ja), ["10-2-3", "1"]);
        assert_eq!(read_values("同法第二十九条ノ七の規定", Lang::Ja), ["29-7"]);
        assert_eq!(read_values("第五条の規定", Lang::Ja), ["5"], "の followed by no number");
    }

    #[test]
    fn an_appended_table_s_number_is_a_number_other_ordinals_are_words() {
        assert_eq!(read_values("別表第一（第三条関係）", Lang::Ja), ["1", "3"]);
        assert_eq!(read_values("Appended Table 1 (re Article 3)", Lang::En), ["1", "3"]);
        assert_eq!(read_values("第一回の会議", Lang::Ja), Vec::<String>::new());
    }

    #[test]
    fn japanese_list_labels_are_numbers() {
        assert_eq!(read_values("一、総則\n二、雑則", Lang::Ja), ["1", "2"]);
        assert_eq!(read_values("（三）の場合", Lang::Ja), ["3"]);
    }

    #[test]
    fn dates_and_eras_read_as_dates() {
        assert_eq!(read_values("令和5年2月23日", Lang::Ja), ["2023-02-23"]);
        assert_eq!(read_values("二〇二三年二月二十三日", Lang::Ja), ["2023-02-23"]);
        assert_eq!(read_values("平成元年", Lang::Ja), ["1989"]);
        assert_eq!(read_values("2023年2月に", Lang::Ja), ["2023-02"]);
        assert_eq!(read_values("in February 2023", Lang::En), ["2023-02"]);
        assert_eq!(read_values("February 23, 2023", Lang::En), ["2023-02-23"]);
    }

    #[test]
    fn ordinal_words_number_a_structural_unit() {
        assert_eq!(read_values("paragraph one of the article", Lang::En), ["1"]);
        assert_eq!(read_values("The second paragraph of the preceding article", Lang::En), ["2"]);
        assert_eq!(read_values("item three and the tenth Article", Lang::En), ["3", "10"]);
        assert_eq!(read_values("前条第二項", Lang::Ja), ["2"]);
        // Elsewhere ordinal words stay words, and `one` stays a word.
        assert_eq!(read_values("the second time, at first, one of them", Lang::En), Vec::<String>::new());
    }

    #[test]
    fn old_kanji_forms_number_a_part_with_their_whole_value() {
        assert_eq!(read_values("第壱条", Lang::Ja), ["1"]);
        assert_eq!(read_values("第弐拾参条第壱項", Lang::Ja), ["23", "1"]);
        assert_eq!(read_values("第三条参照", Lang::Ja), ["3"]);
    }

    #[test]
    fn dates_without_a_year_are_month_days() {
        assert_eq!(read_values("by 30 June of each year", Lang::En), ["--06-30"]);
        assert_eq!(read_values("by June 30th", Lang::En), ["--06-30"]);
        assert_eq!(read_values("毎年6月30日までに", Lang::Ja), ["--06-30"]);
        assert_eq!(read_values("毎年六月三十日", Lang::Ja), ["--06-30"]);
        // A year makes it a date as before.
        assert_eq!(read_values("30 June 2023", Lang::En), ["2023-06-30"]);
        assert_eq!(read_values("2023年6月30日", Lang::Ja), ["2023-06-30"]);
    }

    #[test]
    fn digits_of_a_url_are_no_numbers() {
        let url = "https://www.contributor-covenant.org/version/2/1/code_of_conduct.html";
        assert_eq!(read_values(&format!("version 2.1 at {url}"), Lang::En), ["2.1"]);
        assert_eq!(read_values(&format!("{url} の第2.1版"), Lang::Ja), ["2.1"]);
        assert_eq!(read_values("see www.example.org/2023/faq", Lang::En), Vec::<String>::new());
        assert_eq!(read_values("詳細はhttps://example.org/2/1を参照", Lang::Ja), Vec::<String>::new());
    }

    #[test]
    fn digit_groups_keep_their_old_reading() {
        assert_eq!(read_values("1,000 and 1.5 and 007", Lang::En), ["1000", "1.5", "007"]);
        assert_eq!(read_values("３万人", Lang::Ja), ["30000"]);
        assert_eq!(read_values("９９９９９９９９９９９９９９９９９９９９９", Lang::Ja), ["999999999999999999999"]);
    }

    #[test]
    fn odd_and_malformed_input_reads_without_panicking() {
        let long_kanji = "九".repeat(40);
        let long_compound = "九千九百九十九億".repeat(3);
        for text in [
            "",
            "第",
            "分の",
            "の分",
            "(",
            ")",
            "forty (",
            "forty ()",
            "(ivx)",
            "元年",
            "令和元年2月",
            "平成九九九九九九九九九九九九九九九九九九九九年",
            "億億",
            "万万",
            "一億億",
            "9999999999999999999999万",
            "and hundred thousand million",
            "one hundred and",
            "ninety-nine thousand nine hundred and ninety-nine million",
            "（ⅻ）",
            "2023年13月40日",
            "0分の0",
            &long_kanji,
            &long_compound,
        ] {
            for lang in [Lang::En, Lang::Ja] {
                for numeral in read(text, lang) {
                    assert!(text.get(numeral.span.clone()).is_some(), "{text}: {numeral:?}");
                }
            }
        }
    }

    #[test]
    fn values_are_canonical_and_sorted_for_the_aligner() {
        assert_eq!(values("第十三条及び四十日", Lang::Ja), ["13", "40"]);
        assert_eq!(values("within forty (40) days, Article 13", Lang::En), ["13", "40"]);
    }

    #[test]
    fn the_word_shapes_let_every_number_and_ordinal_word_through_in_any_case() {
        let title = |w: &str| w[..1].to_ascii_uppercase() + &w[1..];
        for (words, ordinal) in
            [(&UNITS[..], false), (&TENS[..], false), (&["twice"][..], false), (&ORDINAL_WORDS[..], true)]
        {
            for word in words {
                for written in [word.to_string(), word.to_ascii_uppercase(), title(word)] {
                    let (number, is_ordinal, _) = number_words(&format!("in {written} ways"));
                    assert_eq!((number, is_ordinal), (!ordinal, ordinal), "{written}");
                }
            }
        }
        // Words of no listed shape are passed over: none of three letters starts with `a`, none
        // of four with `t`.
        assert!(!NUMBER_WORD_SHAPES.has(3, b'a') && !NUMBER_WORD_SHAPES.has(4, b'T'));
        assert!(NUMBER_WORD_SHAPES.has(3, b'T') && NUMBER_WORD_SHAPES.has(11, b's'));
        assert!(!NUMBER_WORD_SHAPES.has(LONGEST_NUMBER_WORD + 1, b's'));
        assert!(!NUMBER_WORD_SHAPES.has(3, b'1') && !NUMBER_WORD_SHAPES.has(3, b'{'), "a letter or nothing");
    }

    /// The patterns skipped for what a text lacks could not have matched it: every line of the
    /// shipped Code and of the test fixtures (statutes, a constitution, a code of conduct) reads
    /// the same numbers as with every pattern run.
    #[test]
    fn the_number_word_prefilter_reads_whole_words_up_to_the_longest() {
        let longest = UNITS.iter().chain(&TENS).chain(&ORDINAL_WORDS).chain(&["twice"]).map(|w| w.len()).max();
        assert_eq!(longest, Some(LONGEST_NUMBER_WORD));
        for (text, found) in [
            ("Seventeen days", (true, false, false)),
            ("x FORTY-five", (true, false, true)),
            ("the Seventeenth Article", (false, true, false)),
            ("Chapter IV", (false, false, true)),
            ("someone often content attention firstly", (false, false, false)),
            ("一二三", (false, false, false)),
        ] {
            assert_eq!(number_words(text), found, "{text}");
        }
    }

    #[test]
    fn skipping_patterns_a_text_cannot_match_reads_the_same_numbers() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut lines = 0;
        for dir in ["content", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
                let entry = entry.expect("readable");
                if entry.path().extension().is_none_or(|e| e != "md" && e != "txt") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
                for line in text.lines().chain([text.as_str()]) {
                    for lang in [Lang::En, Lang::Ja] {
                        assert_eq!(
                            read(line, lang),
                            read_having(line, &lowercase(line), lang, Present::everything()),
                            "{}: {line}",
                            entry.path().display()
                        );
                    }
                    lines += 1;
                }
            }
        }
        assert!(lines > 1000, "only {lines} lines read");
        // And one text for each pattern.
        for text in [
            "令和5年4月1日",
            "平成元年",
            "2023年3月",
            "4月1日",
            "四分の一",
            "第三十六条の二",
            "別表第一",
            "第壱条",
            "第三者",
            "一　総則",
            "（二）",
            "(iv)",
            "ⅳ）",
            "1億円",
            "3万人",
            "一又は二",
            "四十日",
            "三月",
            "https://x.org/2/1",
            "www.iso.org/2",
            "30 June 2023",
            "June 30, 2023",
            "June 2023",
            "30 June",
            "June 30th",
            "the second paragraph",
            "paragraph two",
            "Chapter IV",
            "a quarter of",
            "forty (40) days",
            "１２３",
            "1,000",
        ] {
            for lang in [Lang::En, Lang::Ja] {
                assert_eq!(
                    read(text, lang),
                    read_having(text, &lowercase(text), lang, Present::everything()),
                    "{text}"
                );
            }
        }
    }
}
