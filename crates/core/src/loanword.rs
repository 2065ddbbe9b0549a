//! Katakana loanwords and the English words they transliterate, as evidence that two paragraphs
//! translate each other (`ハラスメント` ↔ `harassment`, `ポリシー` ↔ `policies`). Both are reduced
//! to a skeleton of consonant classes, which survives the vowels Japanese adds and the letters
//! English spells but does not pronounce; two skeletons that mostly agree are a match.

use similar::TextDiff;

/// Consonant classes of each katakana run of two or more characters in `text`.
pub fn katakana_skeletons(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let (mut skeleton, mut run) = (String::new(), 0);
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_katakana(c) {
            run += 1;
            skeleton.extend(katakana_class(c));
        } else {
            if run >= 2 && skeleton.chars().count() >= MIN_CLASSES {
                words.push(std::mem::take(&mut skeleton));
            }
            skeleton.clear();
            run = 0;
        }
    }
    words
}

/// Fewest consonant classes a skeleton needs to be evidence: one alone matches by chance.
const MIN_CLASSES: usize = 2;

/// Skeletons shorter than this match only when equal (`データ` ↔ `data`).
const FUZZY_CLASSES: usize = 4;

/// Consonant classes of each English word in `text`, and of each two neighbouring words
/// together (Japanese writes `global community` as one katakana run, `グローバルコミュニティ`).
pub fn english_skeletons(text: &str) -> Vec<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .map(|word| english_skeleton(&word.to_ascii_lowercase()))
        .collect();
    let pairs = words.windows(2).map(|pair| format!("{}{}", pair[0], pair[1]));
    let mut skeletons: Vec<String> =
        words.iter().cloned().chain(pairs).filter(|s| s.chars().count() >= MIN_CLASSES).collect();
    skeletons.sort();
    skeletons.dedup();
    skeletons
}

/// Whether a katakana skeleton and an English one name the same word: short ones are equal,
/// longer ones start alike and at least 80% of their classes agree, in order.
pub fn transliterates(katakana: &str, english: &str) -> bool {
    let length = katakana.chars().count().max(english.chars().count());
    if length < FUZZY_CLASSES {
        return katakana == english;
    }
    if katakana.chars().next() != english.chars().next()
        || katakana.chars().count().abs_diff(english.chars().count()) * 4 > length
    {
        return false;
    }
    TextDiff::from_chars(katakana, english).ratio() >= 0.8
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

/// The consonant classes of a lower-case English word, as Japanese would hear them.
fn english_skeleton(word: &str) -> String {
    let letters: Vec<char> = word.chars().collect();
    let vowel = |i: usize| letters.get(i).is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
    let front = |i: usize| letters.get(i).is_some_and(|c| matches!(c, 'e' | 'i' | 'y'));
    let mut skeleton = String::new();
    // The class of the previous consonant letter, while no vowel has come between.
    let mut previous: Option<char> = None;
    for (i, &c) in letters.iter().enumerate() {
        let class = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' => {
                previous = None;
                continue;
            }
            'h' if i > 0 && !vowel(i - 1) => continue,
            'h' => 'H',
            'w' if !vowel(i + 1) => continue,
            'w' => 'W',
            'b' | 'p' | 'v' | 'f' => 'P',
            'c' if letters.get(i + 1) == Some(&'h') => 'T',
            'c' if front(i + 1) => 'S',
            'c' | 'k' | 'q' => 'K',
            'g' if front(i + 1) => 'S',
            'g' => 'K',
            't' if letters.get(i + 1) == Some(&'h') => 'S',
            't' if letters.get(i + 1) == Some(&'i') && vowel(i + 2) => 'S',
            'd' | 't' => 'T',
            's' | 'z' | 'j' => 'S',
            'x' => {
                skeleton.push('K');
                'S'
            }
            'l' | 'r' => 'R',
            'm' => 'M',
            'n' => 'N',
            _ => continue,
        };
        if previous != Some(class) {
            skeleton.push(class);
        }
        previous = Some(class);
    }
    skeleton
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
    fn single_katakana_and_short_english_words_are_no_evidence() {
        assert!(katakana_skeletons("ア・イ・ケ").is_empty());
        assert!(english_skeletons("a to a").is_empty());
        assert!(!transliterates("TT", "TTS"), "short skeletons match only when equal");
    }

    #[test]
    fn a_katakana_compound_matches_two_english_words() {
        assert!(matches("グローバルコミュニティ", "the global community"));
    }
}
