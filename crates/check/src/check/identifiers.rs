//! P020 identifiers: what a translation keeps as written (plain-text URLs, e-mail addresses,
//! acronyms such as `ISO/CS`, standard numbers such as `ISO 9001:2015` or `JIS Q 9001`) is in both
//! languages of a pair. Full-width forms (`ＩＳＯ`, `９００１`) count as their ASCII ones.
//!
//! Not identifiers: text in capitals that is English (a heading set in capitals, three or more
//! words in capitals in a row, a bracketed placeholder such as `[INSERT CONTACT METHOD]`, the
//! emphatic words of requirements such as `SHALL` and `MUST`), roman numerals (`III`, P004 reads
//! them), and link targets (P005 compares those; a URL shown as a link's text is its target).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{Check, Context, Draft, Label, Unit, literal_span_in_text};
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, InlineKind, Lang};
use codepub_core::script::has_japanese_script;
use codepub_core::source::Span;

pub struct Identifiers;

impl Check for Identifiers {
    fn code(&self) -> &'static str {
        "P020"
    }

    fn name(&self) -> &'static str {
        "identifiers"
    }

    fn help(&self) -> &'static str {
        "help-p020"
    }

    /// A translation may spell an acronym out (中央事務局 for ISO/CS).
    fn default_severity(&self) -> super::Severity {
        super::Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        // Invalid patterns are reported once and otherwise ignored.
        let mut allow = Vec::new();
        for pattern in &cx.project.config.check.identifiers.allow {
            match Regex::new(&format!("^(?:{pattern})$")) {
                Ok(regex) => allow.push(regex),
                Err(_) => {
                    out.push(Draft::new(Message::new("p020-bad-pattern").arg("pattern", pattern), "codepub.toml", None))
                }
            }
        }
        for pair in cx.pairs.iter().filter(|p| !cx.unmatched.contains(&p.address)) {
            let Some((en, ja)) = pair.sides.both() else { continue };
            let (en, ja) = (Scanned::of(en), Scanned::of(ja));
            for (side, other) in [(&en, &ja), (&ja, &en)] {
                let present = other.present();
                let mut reported = HashSet::new();
                for found in &side.found {
                    if present.contains(found.key.as_str())
                        || (found.key.contains('/') && found.key.split('/').all(|part| present.contains(part)))
                        || allow.iter().any(|r| r.is_match(&found.key))
                        || !reported.insert(found.key.as_str())
                    {
                        continue;
                    }
                    let id = if side.unit.lang == Lang::En { "p020-only-english" } else { "p020-only-japanese" };
                    let missing = other.unit;
                    out.push(
                        Draft::new(Message::new(id).arg("id", &found.key), &pair.address, Some(missing.lang))
                            .label(
                                Label::new(missing.lang, missing.span)
                                    .with(Message::new("label-identifier-missing").arg("id", &found.key)),
                            )
                            .label(
                                Label::new(side.unit.lang, &side.span(found))
                                    .with(Message::new("label-identifier-here").arg("id", &found.key)),
                            )
                            .excerpt(&found.key),
                    );
                }
            }
        }
    }
}

/// An identifier found in a unit: its normalised form and where it is in [`Scanned::text`].
#[derive(Clone, Debug, PartialEq)]
struct Found {
    key: String,
    kind: Kind,
    range: std::ops::Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Url,
    Email,
    Acronym,
    /// `ISO 9001:2015`: its body's acronym is [`Found::body`].
    Standard,
}

/// A unit's visible text, full-width ASCII forms folded, with what it maps back to.
struct Scanned<'a> {
    unit: &'a Unit<'a>,
    /// The folded text, groups (list items) joined by newlines.
    text: String,
    /// For each character of `text`: its byte offset there, the byte offset of the character it
    /// folds in the unfolded text, and whether it is a link's text.
    chars: Vec<(usize, usize, bool)>,
    /// Byte offset in the unfolded text where each inline's text starts.
    pieces: Vec<(usize, &'a Inline)>,
    found: Vec<Found>,
}

impl<'a> Scanned<'a> {
    fn of(unit: &'a Unit<'a>) -> Self {
        // Every identifier has a Latin letter (an acronym's capitals, a URL's scheme, a mail
        // domain): a text without one, most Japanese paragraphs, is not scanned.
        // An identifier also needs two capitals in a word, a capital and a slash (`A/1`), `@`,
        // `://` or `www.`: a text with none of them, most English paragraphs, is not scanned
        // either.
        if !unit.text.chars().any(is_latin_letter) || !may_hold_identifier(&unit.text) {
            return Self { unit, text: String::new(), chars: Vec::new(), pieces: Vec::new(), found: Vec::new() };
        }
        // The unit's text is what is pushed, each character folded: reserved once.
        let (text, chars) = (String::with_capacity(unit.text.len()), Vec::with_capacity(unit.text.chars().count()));
        let mut scanned = Self { unit, text, chars, pieces: Vec::new(), found: Vec::new() };
        let mut unfolded = 0;
        for (i, group) in unit.groups.iter().enumerate() {
            if i > 0 {
                scanned.push('\n', &mut unfolded, false);
            }
            scanned.push_inlines(group, &mut unfolded, false);
        }
        scanned.found = identifiers(&scanned.text, &|offset| scanned.in_link(offset));
        scanned
    }

    fn push(&mut self, c: char, unfolded: &mut usize, in_link: bool) {
        self.chars.push((self.text.len(), *unfolded, in_link));
        self.text.push(fold(c));
        *unfolded += c.len_utf8();
    }

    fn push_inlines(&mut self, inlines: &'a [Inline], unfolded: &mut usize, in_link: bool) {
        for inline in inlines {
            match &inline.kind {
                InlineKind::FootnoteRef(_) => {}
                InlineKind::Emphasis(children) | InlineKind::Strong(children) => {
                    self.push_inlines(children, unfolded, in_link)
                }
                InlineKind::Link { children, .. } => self.push_inlines(children, unfolded, true),
                _ => {
                    self.pieces.push((*unfolded, inline));
                    for c in codepub_core::model::leaf_text(inline).unwrap_or_default().chars() {
                        self.push(c, unfolded, in_link);
                    }
                }
            }
        }
    }

    /// The character at byte `offset` of the folded text: its index in `chars`.
    fn char_at(&self, offset: usize) -> usize {
        self.chars.partition_point(|&(at, _, _)| at < offset)
    }

    fn in_link(&self, offset: usize) -> bool {
        self.chars.get(self.char_at(offset)).is_some_and(|&(_, _, link)| link)
    }

    /// What the other language must hold for an identifier of this one to be there: every
    /// identifier, each part of a compound acronym (`ISO/CS` holds `ISO`) and the acronym of a
    /// standard number (`ISO 9001` holds `ISO`).
    fn present(&self) -> HashSet<&str> {
        let mut present = HashSet::new();
        for found in &self.found {
            present.insert(found.key.as_str());
            let acronym = match found.kind {
                Kind::Acronym => found.key.as_str(),
                Kind::Standard => found.key.split(' ').next().unwrap_or_default(),
                Kind::Url | Kind::Email => continue,
            };
            present.insert(acronym);
            present.extend(acronym.split('/'));
        }
        present
    }

    /// Where an identifier is in the source: exactly when it is literal text of one inline, the
    /// unit otherwise.
    fn span(&self, found: &Found) -> Span {
        let unfolded = |offset: usize| self.chars.get(self.char_at(offset)).map(|&(_, at, _)| at);
        let start = unfolded(found.range.start);
        let end = unfolded(found.range.end).unwrap_or_else(|| self.chars.last().map_or(0, |&(_, at, _)| at + 1));
        let exact = start.and_then(|start| {
            let &(piece, inline) = self.pieces.iter().rev().find(|(at, _)| *at <= start)?;
            literal_span_in_text(inline, start - piece, end.checked_sub(start)?)
        });
        exact.unwrap_or_else(|| self.unit.span.clone())
    }
}

/// A Latin letter, in either width: what [`fold`] makes an ASCII letter.
fn is_latin_letter(c: char) -> bool {
    fold(c).is_ascii_alphabetic()
}

/// Whether `text`, folded, has what every identifier [`identifiers`] finds has: `@` (a mail
/// address), `://` or `www.` (a URL), or a run of letters, digits, `/` and `-` (which holds any
/// of [`words`]' words) with two capitals, or a capital and a slash (an acronym, a standard's
/// number). It may say yes where there is none, never no where there is one.
fn may_hold_identifier(text: &str) -> bool {
    let (mut capitals, mut slash) = (0, false);
    let mut previous = ['\0'; 3];
    for c in text.chars().map(fold) {
        if c == '@'
            || (c == '/' && previous[1..] == [':', '/'])
            || (c == '.' && previous.map(|p| p.to_ascii_lowercase()) == ['w'; 3])
        {
            return true;
        }
        previous = [previous[1], previous[2], c];
        if c.is_ascii_alphanumeric() || c == '/' || c == '-' {
            capitals += usize::from(c.is_ascii_uppercase());
            slash |= c == '/';
            if capitals >= 2 || (capitals >= 1 && slash) {
                return true;
            }
        } else {
            (capitals, slash) = (0, false);
        }
    }
    false
}

/// Full-width ASCII forms and the ideographic space as their ASCII characters.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:https?://|www\.)[^\s<>()\[\]{}"'`\p{Han}\p{Hiragana}\p{Katakana}、。「」『』（）]+"#)
        .expect("valid")
});
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").expect("valid"));

/// English words set in capitals for emphasis or as a sentence's lead (`SHALL`, `NOTE`), never
/// an identifier a translation keeps.
const EMPHATIC: &[&str] = &[
    "A",
    "ALL",
    "AN",
    "AND",
    "ANNEX",
    "ANY",
    "APPENDIX",
    "ARE",
    "ARTICLE",
    "AS",
    "AT",
    "BE",
    "BUT",
    "BY",
    "CAUTION",
    "CHAPTER",
    "DO",
    "EVER",
    "EXCEPT",
    "FOR",
    "IF",
    "IMPORTANT",
    "IN",
    "IS",
    "IT",
    "MAY",
    "MUST",
    "NEVER",
    "NO",
    "NOT",
    "NOTE",
    "NOTES",
    "NOW",
    "OF",
    "ON",
    "ONLY",
    "OPTIONAL",
    "OR",
    "PART",
    "PREAMBLE",
    "RECOMMENDED",
    "REQUIRED",
    "RESOLVED",
    "SECTION",
    "SHALL",
    "SHOULD",
    "THE",
    "THEREFORE",
    "TO",
    "WARNING",
    "WE",
    "WHEREAS",
    "WILL",
    "YOU",
];

/// A word of the text: a run of ASCII letters and digits, with single `/` or `-` inside.
#[derive(Clone, Debug)]
struct Word {
    range: std::ops::Range<usize>,
    /// Two or more capitals and no small letter but a plural `s` (`NGOs`).
    caps: bool,
    lowercase: bool,
    /// Four or more capital letters and nothing else (`PEOPLE`, `INSERT`): likely an English
    /// word, which two of in a row make English set in capitals.
    long: bool,
}

fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_alphanumeric()
                || (matches!(bytes[i], b'/' | b'-') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)))
        {
            i += 1;
        }
        let word = &text[start..i];
        let body = word.strip_suffix('s').filter(|w| w.ends_with(|c: char| c.is_ascii_uppercase())).unwrap_or(word);
        let capitals = body.bytes().filter(u8::is_ascii_uppercase).count();
        let lowercase = body.bytes().any(|b| b.is_ascii_lowercase());
        let long = word.len() >= 4 && word.bytes().all(|b| b.is_ascii_uppercase());
        words.push(Word { range: start..i, caps: capitals >= 2 && !lowercase, lowercase, long });
    }
    words
}

/// `III`, `IV`, `XII`: a roman numeral (a number: P004's).
fn roman(word: &str) -> bool {
    static ROMAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^X{0,3}(?:IX|IV|V?I{0,3})$").expect("valid"));
    ROMAN.is_match(word)
}

/// The identifiers of a folded text; `in_link` says whether a byte offset is a link's text.
fn identifiers(text: &str, in_link: &dyn Fn(usize) -> bool) -> Vec<Found> {
    let mut found = Vec::new();
    // Bytes already part of an identifier or of English set in capitals.
    let mut taken = vec![false; text.len()];
    let take = |taken: &mut Vec<bool>, range: &std::ops::Range<usize>| taken[range.clone()].fill(true);
    for (regex, kind) in [(&*URL, Kind::Url), (&*EMAIL, Kind::Email)] {
        for m in regex.find_iter(text) {
            let range = m.start()..m.start() + m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']).len();
            if taken[range.start] {
                continue;
            }
            take(&mut taken, &(m.start()..m.end()));
            if !in_link(range.start) {
                let key = text[range.clone()].trim_end_matches('/').to_string();
                found.push(Found { key, kind, range });
            }
        }
    }
    // Bracketed placeholders: `[INSERT CONTACT METHOD]`, `<NAME>`.
    static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\[[A-Z0-9 _/-]*[A-Z]{2}[A-Z0-9 _/-]*\]|<[A-Z0-9 _/-]*[A-Z]{2}[A-Z0-9 _/-]*>").expect("valid")
    });
    for m in PLACEHOLDER.find_iter(text) {
        take(&mut taken, &m.range());
    }
    for line in line_ranges(text) {
        let words: Vec<Word> = words(&text[line.clone()])
            .into_iter()
            .map(|w| Word { range: w.range.start + line.start..w.range.end + line.start, ..w })
            .collect();
        // A line in capitals (a heading so set) is English, not a row of acronyms.
        let long = |words: &[Word]| words.iter().filter(|w| w.long && !roman(&text[w.range.clone()])).count();
        if long(&words) >= 2 && !words.iter().any(|w| w.lowercase) && !has_japanese_script(&text[line.clone()]) {
            take(&mut taken, &line);
            continue;
        }
        // Words in capitals in a row, only spaces between, two of them long: English set in
        // capitals (`RIGHTS AND DUTIES`, `INSERT CONTACT METHOD`), not `ISO/IEC JTC 1/SC 27`.
        let mut i = 0;
        while i < words.len() {
            let mut j = i;
            while j < words.len()
                && words[j].caps
                && (j == i || text[words[j - 1].range.end..words[j].range.start].chars().all(|c| c == ' '))
            {
                j += 1;
            }
            if long(&words[i..j]) >= 2 {
                for word in &words[i..j] {
                    take(&mut taken, &word.range);
                }
            }
            i = j.max(i + 1);
        }
        let mut i = 0;
        while i < words.len() {
            let word = &words[i];
            i += 1;
            let written = &text[word.range.clone()];
            if taken[word.range.start] {
                continue;
            }
            // `ISO9001`: an acronym and its number written together.
            let split = written
                .find(|c: char| c.is_ascii_digit())
                .filter(|&at| at >= 2 && written[..at].bytes().all(|b| b.is_ascii_uppercase() || b == b'/'));
            if let Some(at) = split {
                let number = standard_number(text, word.range.start + at);
                let key = format!("{} {}", &written[..at], number.0);
                found.push(Found { key, kind: Kind::Standard, range: word.range.start..number.1 });
                continue;
            }
            if !word.caps || roman(written) || EMPHATIC.contains(&written) {
                continue;
            }
            let acronym = written.strip_suffix('s').unwrap_or(written).to_string();
            // A standard number: the acronym, perhaps a letter (`JIS Q`), and a number.
            let mut key = acronym.clone();
            let mut end = word.range.end;
            let mut next = i;
            let spaced = |from: usize, to: usize| text[from..to].chars().all(|c| c == ' ') && to - from <= 1;
            let letter = words.get(next).filter(|w| {
                w.range.len() == 1 && text.as_bytes()[w.range.start].is_ascii_uppercase() && spaced(end, w.range.start)
            });
            let numbered = |letter: &Word| {
                words
                    .get(next + 1)
                    .is_some_and(|n| starts_with_digit(text, n) && spaced(letter.range.end, n.range.start))
            };
            if let Some(letter) = letter.filter(|letter| numbered(letter)) {
                key = format!("{key} {}", &text[letter.range.clone()]);
                end = letter.range.end;
                next += 1;
            }
            if let Some(number) = words
                .get(next)
                .filter(|n| starts_with_digit(text, n) && spaced(end, n.range.start) && acronym == written)
            {
                let (digits, number_end) = standard_number(text, number.range.start);
                found.push(Found {
                    key: format!("{key} {digits}"),
                    kind: Kind::Standard,
                    range: word.range.start..number_end,
                });
                i = next + 1;
                continue;
            }
            found.push(Found { key: acronym, kind: Kind::Acronym, range: word.range.clone() });
        }
    }
    found
}

fn starts_with_digit(text: &str, word: &Word) -> bool {
    text.as_bytes()[word.range.start].is_ascii_digit()
}

/// The number of a standard at byte `start`: digits with `-` or `.` parts, and a year after a
/// colon (`9001:2015`, `27001-1`); its normalised form and where it ends.
fn standard_number(text: &str, start: usize) -> (String, usize) {
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[0-9]+(?:[-.][0-9]+)*(?: ?: ?[0-9]{4})?").expect("valid"));
    let m = NUMBER.find(&text[start..]).map_or("", |m| m.as_str());
    (m.replace(' ', ""), start + m.len())
}

/// The byte ranges of the lines of `text`.
fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        ranges.push(start..start + line.len());
        start += line.len() + 1;
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{explanation_examples, findings, project, project_with};

    #[test]
    fn a_text_without_a_latin_letter_is_not_scanned_and_one_with_a_full_width_letter_is() {
        let p = project(
            "# T {#t}\n\nISO and ＩＳＯ 9001.\n\nNo identifier.\n",
            "# T {#t}\n\n項目 5（第２条）、無し。\n\nＩＳＯ 9001 を参照。\n",
        );
        let alignment = p.alignment();
        let cx = Context::new(&p, &alignment);
        let units: Vec<_> = cx.units(Lang::Ja).into_iter().map(|(_, unit)| unit).collect();
        let scanned = |text: &str| {
            let unit = units.iter().find(|unit| unit.text == text).unwrap_or_else(|| panic!("{text}"));
            Scanned::of(unit)
        };
        let without = scanned("項目 5（第２条）、無し。");
        assert!(without.chars.is_empty() && without.found.is_empty(), "not scanned");
        let with = scanned("ＩＳＯ 9001 を参照。");
        assert!(!with.chars.is_empty(), "scanned");
        assert_eq!(with.found.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["ISO 9001"]);
        // Where there is no Latin letter, a full scan finds nothing either.
        for text in ["項目 5（第２条）、無し。", "２０２３年１月１日、第３項", "＠、：／／。１２"]
        {
            let text: String = text.chars().map(fold).collect();
            assert!(!text.chars().any(is_latin_letter), "{text}");
            assert!(identifiers(&text, &|_| false).is_empty(), "{text}");
        }
    }

    /// The quick look says no only where the scan finds nothing: every string of up to five
    /// characters from those identifiers are made of, and texts of each kind.
    #[test]
    fn a_text_the_quick_look_passes_over_holds_no_identifier() {
        let alphabet = ['A', 'B', 's', '1', '/', '-', ' ', '@', ':', '.', 'w', 'Ｗ'];
        let mut texts: Vec<String> = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..5 {
            texts = texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            all.extend(texts.iter().cloned());
        }
        let mut passed_over = 0;
        for text in &all {
            let folded: String = text.chars().map(fold).collect();
            if !may_hold_identifier(text) {
                passed_over += 1;
                assert!(identifiers(&folded, &|_| false).is_empty(), "{text:?}");
            }
        }
        assert!(passed_over > all.len() / 4, "{passed_over} of {}", all.len());
        for text in [
            "www.iso.org",
            "WWW.ISO.ORG",
            "ｗｗｗ．ｉｓｏ．ｏｒｇ",
            "see https://iso.org",
            "a@iso.org",
            "ISO",
            "NGOs",
            "ＩＳＯ",
            "A/1",
            "ISO9001",
        ] {
            assert!(may_hold_identifier(text), "{text}");
            let folded: String = text.chars().map(fold).collect();
            assert!(!identifiers(&folded, &|_| false).is_empty(), "{text}");
        }
        for text in ["We ensure that any documents are safeguarded by Council.", "In Article 3-1, see item 4/5."] {
            assert!(!may_hold_identifier(text), "{text}");
        }
    }

    fn pair(en: &str, ja: &str) -> Vec<Draft> {
        findings(&project(&format!("# T {{#t}}\n\n{en}\n"), &format!("# T {{#t}}\n\n{ja}\n")), &Identifiers)
    }

    fn keys(text: &str) -> Vec<String> {
        identifiers(&text.chars().map(fold).collect::<String>(), &|_| false).into_iter().map(|f| f.key).collect()
    }

    #[test]
    fn identifiers_are_read_and_english_in_capitals_is_not() {
        let cases: &[(&str, &[&str])] = &[
            ("ISO and ISO/CS staff", &["ISO", "ISO/CS"]),
            ("ISO/IEC 27001 and ISO 9001:2015", &["ISO/IEC 27001", "ISO 9001:2015"]),
            ("JIS Q 9001 に適合", &["JIS Q 9001"]),
            ("ＩＳＯ　９００１：２０１５に", &["ISO 9001:2015"]),
            ("ISO9001の", &["ISO 9001"]),
            ("NGOs and the UN", &["NGO", "UN"]),
            ("at https://www.iso.org/ or ethics@iso.org.", &["https://www.iso.org", "ethics@iso.org"]),
            ("詳細はhttps://www.iso.org/code。", &["https://www.iso.org/code"]),
            ("reported at [INSERT CONTACT METHOD].", &[]),
            ("Members SHALL NOT disclose it. NOTE: see MUST.", &[]),
            ("CHAPTER III. RIGHTS AND DUTIES OF THE PEOPLE", &[]),
            ("Article IV of the FAQ", &["FAQ"]),
            ("THE BOARD OF DIRECTORS of ISO", &["ISO"]),
        ];
        for (text, expected) in cases {
            assert_eq!(keys(text), *expected, "{text}");
        }
    }

    #[test]
    fn a_missing_identifier_is_reported_and_a_kept_one_is_not() {
        // (English, Japanese keeping every identifier, Japanese missing one, the one)
        let cases = [
            ("ISO/CS staff report to ISO.", "ISO/CS職員はISOに報告する。", "中央事務局職員はISOに報告する。", "ISO/CS"),
            (
                "Certified to ISO 9001:2015.",
                "ISO 9001:2015の認証を受けた。",
                "ISO 9001の認証を受けた。",
                "ISO 9001:2015",
            ),
            ("Conforms to JIS Q 9001.", "ＪＩＳ　Ｑ　９００１に適合する。", "JIS Q 9000に適合する。", "JIS Q 9001"),
            ("Write to ethics@iso.org.", "ethics@iso.org に連絡する。", "倫理担当に連絡する。", "ethics@iso.org"),
            (
                "See https://www.iso.org/code.",
                "https://www.iso.org/code/ を参照。",
                "ウェブサイトを参照。",
                "https://www.iso.org/code",
            ),
            ("Read the FAQ.", "FAQを読む。", "よくある質問を読む。", "FAQ"),
        ];
        for (en, ja, missing, id) in cases {
            assert!(pair(en, ja).is_empty(), "{en} ↔ {ja}: {:?}", pair(en, ja));
            let found = pair(en, missing);
            assert!(found.iter().any(|d| d.excerpt.as_deref() == Some(id)), "{en} ↔ {missing}: {found:?}");
        }
    }

    #[test]
    fn placeholders_emphasis_roman_numerals_and_links_pass() {
        let cases = [
            ("Report it at [INSERT CONTACT METHOD].", "[連絡方法を挿入]で報告する。"),
            ("Members SHALL NOT disclose it.", "会員は、これを開示してはならない。"),
            ("CHAPTER III. RIGHTS AND DUTIES OF THE PEOPLE", "第三章　国民の権利及び義務"),
            ("See [the site](https://www.iso.org).", "[ウェブサイト](https://www.iso.org)を参照。"),
            ("See <https://www.iso.org>.", "[ウェブサイト](https://www.iso.org)を参照。"),
            // A compound acronym whose parts the other language has, and a part of one.
            ("ISO and IEC standards", "ISO/IEC規格"),
            ("ISO/CS and ISO", "ISO/CSの規則"),
        ];
        for (en, ja) in cases {
            assert!(pair(en, ja).is_empty(), "{en} ↔ {ja}: {:?}", pair(en, ja));
        }
    }

    #[test]
    fn a_finding_is_labelled_in_both_files_and_reported_in_either_direction() {
        let found = pair("Staff report to the secretariat.", "ISO/CS職員は事務局に報告する。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].diagnostic.message.id, "p020-only-japanese");
        assert_eq!(found[0].lang, Some(Lang::En));
        let labels = &found[0].diagnostic.labels;
        assert_eq!((labels[0].lang, labels[1].lang), (Lang::En, Lang::Ja));
        assert_eq!((labels[1].span.line, labels[1].span.column, labels[1].span.end - labels[1].span.start), (3, 1, 6));
    }

    #[test]
    fn the_explanations_examples_fail_and_pass() {
        explanation_examples(&Identifiers);
    }

    #[test]
    fn the_allow_list_takes_literals_and_patterns_and_reports_a_bad_one() {
        let (en, ja) =
            ("# T {#t}\n\nISO/CS and FAQ and TC 176.\n", "# T {#t}\n\n中央事務局とよくある質問と専門委員会。\n");
        let allowed = project_with(en, ja, "[check.identifiers]\nallow = [\"ISO/CS\", \"FA.\", \"TC [0-9]+\"]\n");
        assert!(findings(&allowed, &Identifiers).is_empty(), "{:?}", findings(&allowed, &Identifiers));
        let bad = project_with(en, ja, "[check.identifiers]\nallow = [\"(\"]\n");
        let found = findings(&bad, &Identifiers);
        assert_eq!(found[0].diagnostic.message.id, "p020-bad-pattern");
        assert_eq!(found.len(), 4);
    }
}
