//! Katakana loanwords and the English words they transliterate, as evidence that two paragraphs
//! translate each other (`ハラスメント` ↔ `harassment`, `ポリシー` ↔ `policies`). Both are reduced
//! to a skeleton of units: a consonant class, as Japanese hears it, and the vowels that may follow
//! it. The classes survive the vowels Japanese adds and the letters English spells but does not
//! pronounce; the vowels tell apart words of one consonant class sequence (`コメント`, comment, and
//! `community`). Two skeletons whose units mostly agree, in order, are a match.
//!
//! A skeleton is written as text, each unit an upper-case class followed by its lower-case vowels:
//! `コミュニティ` is `KoMuNiTi`, `community` is `KaouMauNaiTai`, since an English vowel letter is
//! heard as one of several Japanese vowels. A unit without vowels (`ン`, the `s` of `skill`, the
//! `e` of `code`) agrees with any vowel: Japanese adds its own after an English consonant cluster.

use std::collections::HashMap;

use foldhash::fast::FixedState;

/// Consonant classes and vowels of each katakana run of two or more characters in `text`.
pub fn katakana_skeletons(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let (mut skeleton, mut run, mut units) = (String::new(), 0, 0);
    // The mora being read, whose vowel a small kana may still change (`テ` + `ィ`, `ビ` + `ュ`).
    let mut mora: Option<(char, u8)> = None;
    for c in text.chars().chain(std::iter::once(' ')) {
        let katakana = is_katakana(c);
        if katakana
            && let Some(vowel) = small_vowel(c)
            && let Some((_, vowels)) = mora.as_mut()
        {
            *vowels = vowel;
            run += 1;
            continue;
        }
        if let Some((class, vowels)) = mora.take() {
            push_unit(&mut skeleton, class, vowels);
            units += 1;
        }
        if katakana {
            run += 1;
            mora = katakana_class(c).map(|class| (class, katakana_vowel(c)));
            continue;
        }
        if run >= 2 && units >= MIN_CLASSES {
            words.push(std::mem::take(&mut skeleton));
        }
        skeleton.clear();
        (run, units) = (0, 0);
    }
    words
}

/// Fewest units a skeleton needs to be evidence: one alone matches by chance.
const MIN_CLASSES: usize = 2;

/// Skeletons shorter than this match only when every unit agrees (`データ` ↔ `data`).
const FUZZY_CLASSES: usize = 4;

/// Most units a skeleton compared may have: a longer katakana run is no one loanword.
const MAX_UNITS: usize = 40;

/// Vowel classes, as bits of a unit's vowels (none: any vowel).
const A: u8 = 1;
const I: u8 = 2;
const U: u8 = 4;
const E: u8 = 8;
const O: u8 = 16;
const VOWEL_LETTERS: [(u8, char); 5] = [(A, 'a'), (E, 'e'), (I, 'i'), (O, 'o'), (U, 'u')];

#[inline]
fn push_unit(skeleton: &mut String, class: char, vowels: u8) {
    skeleton.push(class);
    for &(bit, letter) in &VOWEL_LETTERS {
        if vowels & bit != 0 {
            skeleton.push(letter);
        }
    }
}

/// English words, as written, each with its skeleton and its count of units.
type SkeletonsRead = HashMap<Box<str>, (Box<str>, usize), FixedState>;

thread_local! {
    /// The skeleton of each English word read on this thread before: a text repeats its words,
    /// and a skeleton is read letter by letter.
    static SKELETONS_READ: std::cell::RefCell<SkeletonsRead> = Default::default();
}

/// Most words whose skeletons a thread keeps: beyond this (a vocabulary larger than any one
/// text's) they are forgotten and read again as they come.
const MOST_SKELETONS_KEPT: usize = 1 << 16;

/// Consonant classes and vowels of each English word in `text`, and of each two neighbouring
/// words together (Japanese writes `global community` as one katakana run, `グローバルコミュニティ`).
pub fn english_skeletons(text: &str) -> Vec<String> {
    // Every word's skeleton written one after another into one buffer, each with its range and
    // its count of units: besides a word seen for the first time on this thread (kept), only the
    // skeletons returned are allocated (most words, `the`, `of`, `we`, have fewer than two units).
    let mut buffer = String::new();
    let mut words: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    SKELETONS_READ.with_borrow_mut(|read| {
        if read.len() > MOST_SKELETONS_KEPT {
            read.clear();
        }
        for word in text.split(|c: char| !c.is_ascii_alphabetic()).filter(|word| !word.is_empty()) {
            let start = buffer.len();
            let units = match read.get(word) {
                Some((skeleton, units)) => {
                    buffer.push_str(skeleton);
                    *units
                }
                None => {
                    english_skeleton_into(word, &mut buffer);
                    let units = Units::count(&buffer[start..]);
                    read.insert(word.into(), (buffer[start..].into(), units));
                    units
                }
            };
            words.push((start..buffer.len(), units));
        }
    });
    let mut skeletons = Vec::with_capacity(2 * words.len());
    for pair in words.windows(2) {
        let ((first, first_units), (second, second_units)) = (&pair[0], &pair[1]);
        if first_units + second_units >= MIN_CLASSES {
            let mut joined = String::with_capacity(first.len() + second.len());
            joined.push_str(&buffer[first.clone()]);
            joined.push_str(&buffer[second.clone()]);
            skeletons.push(joined);
        }
    }
    skeletons
        .extend(words.into_iter().filter(|(_, units)| *units >= MIN_CLASSES).map(|(at, _)| buffer[at].to_string()));
    skeletons.sort_unstable();
    skeletons.dedup();
    skeletons
}

/// Whether a katakana skeleton and an English one name the same word: short ones agree unit by
/// unit; longer ones start alike and at least 80% of their units agree, in order. Units agree
/// when their classes are equal and their vowels share one (or either has none).
pub fn transliterates(katakana: &str, english: &str) -> bool {
    // Every match starts with the same class: the cheap test first.
    if katakana.bytes().next() != english.bytes().next() {
        return false;
    }
    let (Some(katakana), Some(english)) = (Units::of(katakana), Units::of(english)) else { return false };
    let length = katakana.len.max(english.len);
    if length < FUZZY_CLASSES {
        return katakana.len == english.len && (0..length).all(|u| katakana.agrees(u, &english, u));
    }
    if !katakana.agrees(0, &english, 0) || katakana.len.abs_diff(english.len) * 4 > length {
        return false;
    }
    // 2 × common / (both lengths) ≥ 0.8
    10 * katakana.common(&english) >= 4 * (katakana.len + english.len)
}

/// A skeleton read back from its text, on the stack.
struct Units {
    classes: [u8; MAX_UNITS],
    vowels: [u8; MAX_UNITS],
    len: usize,
}

impl Units {
    /// The units of `skeleton`; `None` when it has none or more than [`MAX_UNITS`].
    fn of(skeleton: &str) -> Option<Self> {
        let mut units = Self { classes: [0; MAX_UNITS], vowels: [0; MAX_UNITS], len: 0 };
        for byte in skeleton.bytes() {
            if byte.is_ascii_uppercase() {
                *units.classes.get_mut(units.len)? = byte;
                units.len += 1;
            } else if let Some(&(bit, _)) = VOWEL_LETTERS.iter().find(|(_, letter)| *letter as u8 == byte)
                && let Some(vowels) = units.len.checked_sub(1).and_then(|last| units.vowels.get_mut(last))
            {
                *vowels |= bit;
            }
        }
        (units.len > 0).then_some(units)
    }

    fn count(skeleton: &str) -> usize {
        skeleton.bytes().filter(u8::is_ascii_uppercase).count()
    }

    /// Whether unit `a` of these units agrees with unit `b` of `other`.
    fn agrees(&self, a: usize, other: &Self, b: usize) -> bool {
        let (vowels, others) = (self.vowels[a], other.vowels[b]);
        self.classes[a] == other.classes[b] && (vowels == 0 || others == 0 || vowels & others != 0)
    }

    /// How many units of the two agree, in order, at most (their longest common subsequence).
    fn common(&self, other: &Self) -> usize {
        // `row[b]`: the most agreeing units of the units read so far and `other`'s first `b`.
        let mut row = [0u8; MAX_UNITS + 1];
        for a in 0..self.len {
            let mut diagonal = 0;
            for b in 0..other.len {
                let above = row[b + 1];
                row[b + 1] = if self.agrees(a, other, b) { diagonal + 1 } else { above.max(row[b]) };
                diagonal = above;
            }
        }
        usize::from(row[other.len])
    }
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// The consonant class of a katakana character (`None` for vowels, glides, `ッ` and `ー`).
fn katakana_class(c: char) -> Option<char> {
    let class = match c {
        'カ' | 'キ' | 'ク' | 'ケ' | 'コ' | 'ガ' | 'ギ' | 'グ' | 'ゲ' | 'ゴ' => 'K',
        'サ' | 'シ' | 'ス' | 'セ' | 'ソ' | 'ザ' | 'ジ' | 'ズ' | 'ゼ' | 'ゾ' => 'S',
        'タ' | 'チ' | 'ツ' | 'テ' | 'ト' | 'ダ' | 'ヂ' | 'ヅ' | 'デ' | 'ド' => 'T',
        'ナ' | 'ニ' | 'ヌ' | 'ネ' | 'ノ' | 'ン' => 'N',
        'ハ' | 'ヒ' | 'ヘ' | 'ホ' => 'H',
        'フ' | 'バ' | 'ビ' | 'ブ' | 'ベ' | 'ボ' | 'パ' | 'ピ' | 'プ' | 'ペ' | 'ポ' | 'ヴ' => 'P',
        'マ' | 'ミ' | 'ム' | 'メ' | 'モ' => 'M',
        'ラ' | 'リ' | 'ル' | 'レ' | 'ロ' => 'R',
        'ワ' => 'W',
        _ => return None,
    };
    Some(class)
}

/// The katakana of each vowel: the column of the syllabary a character's mora ends in.
const KANA_VOWELS: [(u8, &str); 5] = [
    (A, "アカガサザタダナハバパマヤラワャァ"),
    (I, "イキギシジチヂニヒビピミリィヰ"),
    (U, "ウクグスズツヅヌフブプムユルュゥヴ"),
    (E, "エケゲセゼテデネヘベペメレェヱ"),
    (O, "オコゴソゾトドノホボポモヨロョォヲ"),
];

/// The vowel of a katakana character's mora (none for `ン`, `ッ` and `ー`).
fn katakana_vowel(c: char) -> u8 {
    KANA_VOWELS.iter().find(|(_, kana)| kana.contains(c)).map_or(0, |&(vowel, _)| vowel)
}

/// The vowel a small kana gives the mora before it (`ティ` is `ti`, `ビュ` is `byu`).
fn small_vowel(c: char) -> Option<u8> {
    matches!(c, 'ャ' | 'ュ' | 'ョ' | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ').then(|| katakana_vowel(c))
}

/// The Japanese vowels an English vowel letter may be heard as: its own, and where spelling
/// and sound part (`data` is `デー`, `public` `パブ`, `my` `マイ`, `come` `カム`).
fn letter_vowels(letter: char) -> u8 {
    match letter {
        'a' => A | E | O,
        'e' => E | I,
        'i' | 'y' => I | A,
        'o' => O | A | U,
        'u' => U | A,
        _ => 0,
    }
}

/// The units of an English word of ASCII letters (in any case), as Japanese would hear them,
/// written at the end of `skeleton`.
fn english_skeleton_into(word: &str, skeleton: &mut String) {
    let letters = word.as_bytes();
    let letter = |i: usize| letters.get(i).map(u8::to_ascii_lowercase);
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let vowel = |i: usize| letter(i).is_some_and(is_vowel);
    let front = |i: usize| letter(i).is_some_and(|c| matches!(c, b'e' | b'i' | b'y'));
    // An `e` after a consonant that Japanese may hear as any vowel or none, in a word with an
    // earlier vowel: silent at the end (`code`) and after one consonant and a vowel before another
    // consonant (`timely` is `タイムリー`, `guidelines` `ガイドライン`), or unstressed before one
    // final consonant (`open` is `オープン`, `processes` `プロセス`).
    let unheard_e = |i: usize| {
        let last = letters.len().saturating_sub(1);
        let silent = i == last || (i >= 2 && vowel(i - 2) && i < last && !vowel(i + 1));
        let unstressed = i + 1 == last && !vowel(last);
        (silent || unstressed) && i >= 1 && !vowel(i - 1) && (0..i - 1).any(vowel)
    };
    // The unit being read, whose vowels the letters after it may still add to.
    let mut unit: Option<(char, u8)> = None;
    let mut push = |unit: &mut Option<(char, u8)>, next: (char, u8)| {
        if let Some((class, vowels)) = unit.replace(next) {
            push_unit(skeleton, class, vowels);
        }
    };
    // The class of the previous consonant letter, while no vowel has come between.
    let mut previous: Option<char> = None;
    for (i, byte) in letters.iter().enumerate() {
        let c = byte.to_ascii_lowercase();
        let class = match c {
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => {
                previous = None;
                if let Some((_, vowels)) = unit.as_mut()
                    && !(c == b'e' && unheard_e(i))
                {
                    *vowels |= letter_vowels(char::from(c));
                }
                continue;
            }
            b'h' if i > 0 && !vowel(i - 1) => continue,
            b'h' => 'H',
            b'w' if !vowel(i + 1) => continue,
            b'w' => 'W',
            b'b' | b'p' | b'v' | b'f' => 'P',
            b'c' if letter(i + 1) == Some(b'h') => 'T',
            b'c' if front(i + 1) => 'S',
            b'c' | b'k' | b'q' => 'K',
            b'g' if front(i + 1) => 'S',
            b'g' => 'K',
            b't' if letter(i + 1) == Some(b'h') => 'S',
            b't' if letter(i + 1) == Some(b'i') && vowel(i + 2) => 'S',
            b'd' | b't' => 'T',
            b's' | b'z' | b'j' => 'S',
            b'x' => {
                push(&mut unit, ('K', 0));
                'S'
            }
            // An `r` after a vowel and before none is no consonant: the vowel is heard long, often
            // as `アー` (`sector` is `セクター`, `party` `パーティー`). A unit whose vowel is
            // unheard keeps agreeing with any.
            b'r' if i >= 1 && vowel(i - 1) && !vowel(i + 1) => {
                if let Some((_, vowels)) = unit.as_mut()
                    && *vowels != 0
                {
                    *vowels |= A;
                }
                continue;
            }
            b'l' | b'r' => 'R',
            // Before a labial, `m` is the moraic nasal `ン` (`computer` is `コンピューター`).
            b'm' if matches!(letter(i + 1), Some(b'b' | b'p' | b'f' | b'v')) => 'N',
            b'm' => 'M',
            b'n' => 'N',
            _ => continue,
        };
        if previous != Some(class) {
            push(&mut unit, (class, 0));
        }
        previous = Some(class);
    }
    if let Some((class, vowels)) = unit {
        push_unit(skeleton, class, vowels);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(katakana: &str, english: &str) -> bool {
        let k = katakana_skeletons(katakana);
        let e = english_skeletons(english);
        k.len() == 1 && e.iter().any(|e| transliterates(&k[0], e))
    }

    #[test]
    fn a_word_read_again_has_the_skeleton_it_had_when_first_read() {
        let text = "Harassment policies of the global Community, the global community";
        SKELETONS_READ.with_borrow_mut(|read| read.clear());
        let first = english_skeletons(text);
        SKELETONS_READ.with_borrow(|read| {
            assert!(
                read.contains_key("Harassment") && read.contains_key("Community") && read.contains_key("community")
            );
        });
        // Every skeleton now comes from what was kept.
        assert_eq!(english_skeletons(text), first);
        assert!(first.contains(&"KaouMauNaiTai".to_string()), "{first:?}");
    }

    #[test]
    fn a_thread_forgets_the_words_it_read_beyond_the_most_it_keeps() {
        // Distinct words of letters only: `i` written in base 26.
        let word = |mut i: usize| {
            let mut word = String::from("q");
            while i > 0 {
                word.push(char::from(b'a' + (i % 26) as u8));
                i /= 26;
            }
            word
        };
        let mut i = 0;
        while i < MOST_SKELETONS_KEPT + 2_000 {
            let text: Vec<String> = (i..i + 1_000).map(word).collect();
            english_skeletons(&text.join(" "));
            i += 1_000;
        }
        let kept = SKELETONS_READ.with_borrow(HashMap::len);
        assert!(kept <= MOST_SKELETONS_KEPT + 1_000, "{kept} words kept");
    }

    #[test]
    fn loanwords_of_the_code_match_their_english() {
        for (katakana, english) in [
            ("ハラスメント", "harassment"),
            ("ポリシー", "policies"),
            ("コミュニティ", "community"),
            ("グローバル", "global"),
            ("スキル", "skill"),
            ("コンセンサス", "consensus"),
            ("イノベーション", "innovation"),
            ("セクター", "sector"),
            ("データ", "data"),
            ("プロセス", "processes"),
        ] {
            assert!(matches(katakana, english), "{katakana} ↔ {english}");
        }
    }

    #[test]
    fn unrelated_words_do_not_match() {
        for (katakana, english) in [("ハラスメント", "impartiality"), ("データ", "debates"), ("スキル", "care")]
        {
            assert!(!matches(katakana, english), "{katakana} ↔ {english}");
        }
    }

    #[test]
    fn words_of_one_consonant_sequence_match_only_when_their_vowels_agree() {
        for (katakana, english, same) in [
            // KMNT: `コメント` is comment, not community.
            ("コミュニティ", "community", true),
            ("コメント", "comments", true),
            ("コメント", "community", false),
            ("コミュニティ", "comment", false),
            // KMT: a commit, not a community.
            ("コミット", "commits", true),
            ("コミット", "community", false),
            // HRSMNT: the fuzzy match of a longer skeleton needs agreeing vowels too.
            ("ハラスメント", "harassment", true),
            ("ハラスメント", "healthy community", false),
            ("ポリシー", "policies", true),
            ("ポリシー", "places", false),
            ("データ", "data", true),
            ("データ", "duty", false),
            ("コード", "code", true),
            ("コード", "kid", false),
        ] {
            assert_eq!(matches(katakana, english), same, "{katakana} ↔ {english}");
        }
    }

    #[test]
    fn english_spelling_is_heard_as_japanese_hears_it() {
        for (katakana, english) in [
            // A vowel before an `r` no vowel follows is `アー`.
            ("メンバー", "member"),
            ("リーダー", "leader"),
            // `u` is often `ア`, `o` too, `i` and `y` often `アイ`.
            ("パブリック", "public"),
            ("カラー", "color"),
            ("タイプ", "type"),
            ("オンライン", "online"),
            // An `r` no vowel follows is no consonant.
            ("レーダー", "radar"),
            ("パーティー", "party"),
            // A final `e` is silent, and often one between a vowel's consonant and another;
            // an `e` before a final consonant is unstressed.
            ("インクルーシブ", "inclusive"),
            ("タイムリー", "timely"),
            ("ガイドライン", "guidelines"),
            ("オープン", "open"),
            // A small kana sets the vowel of the mora before it; `m` before a labial is `ン`.
            ("コンピューター", "computer"),
        ] {
            assert!(matches(katakana, english), "{katakana} ↔ {english}");
        }
    }

    #[test]
    fn single_katakana_and_short_english_words_are_no_evidence() {
        assert!(katakana_skeletons("ア・イ・ケ").is_empty());
        assert!(english_skeletons("a to a").is_empty());
        assert!(!transliterates("TaTa", "TaTaSa"), "short skeletons match only unit by unit");
    }

    #[test]
    fn malformed_skeletons_match_nothing() {
        let long = "Ta".repeat(MAX_UNITS + 1);
        for (katakana, english) in [("", ""), ("aei", "aei"), ("Ta", ""), (long.as_str(), long.as_str()), ("ー", "T")]
        {
            assert!(!transliterates(katakana, english), "{katakana:?} ↔ {english:?}");
        }
    }

    #[test]
    fn a_katakana_compound_matches_two_english_words() {
        assert!(matches("グローバルコミュニティ", "the global community"));
    }
}
