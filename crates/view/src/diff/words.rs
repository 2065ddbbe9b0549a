//! The words a paragraph diff compares. English: words and the whitespace between them (as
//! `similar`'s word diff splits them). Japanese, written without spaces: runs of one script, so
//! that a change reads as whole words and whole numbers (`30日` → `60日` is `[-30-]{+60+}日`,
//! never `[-3-]{+6+}0日`):
//!
//! - kanji (with 々 〆 ヶ), hiragana, katakana (with ー), Latin letters (half- or full-width) each
//!   make runs of their own; okurigana are thus a word apart from their kanji (`行動` `します`);
//! - kanji numerals (〇一二三…十百千万億兆, 零) make runs of their own, so `三十日` is `三十` `日`;
//! - numbers are whole: digits (half- or full-width) with the separators inside them (`1,000`,
//!   `3.5`, `１，０００`);
//! - whitespace makes runs; any other character (punctuation, symbols) is a word alone.

use codepub_core::model::Lang;

/// The words of `text`, in order; concatenated they give `text` back.
pub fn words(text: &str, lang: Lang) -> Vec<&str> {
    match lang {
        Lang::En => split(text, english_class),
        Lang::Ja => split(text, japanese_class),
    }
}

/// What a character is, for grouping into words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Space,
    /// Characters of this class group into one word.
    Run(Script),
    /// A word of its own.
    Alone,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Word,
    Kanji,
    KanjiNumeral,
    Hiragana,
    Katakana,
    Latin,
    Digit,
}

fn english_class(c: char) -> Class {
    if c.is_whitespace() { Class::Space } else { Class::Run(Script::Word) }
}

fn japanese_class(c: char) -> Class {
    match c {
        _ if c.is_whitespace() => Class::Space,
        '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '億'
        | '兆' | '零' => Class::Run(Script::KanjiNumeral),
        '々' | '〆' | 'ヶ' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => {
            Class::Run(Script::Kanji)
        }
        '\u{20000}'..='\u{3FFFD}' => Class::Run(Script::Kanji),
        '\u{3041}'..='\u{309F}' => Class::Run(Script::Hiragana),
        'ー'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{30FD}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF66}'..='\u{FF9F}' => Class::Run(Script::Katakana),
        '0'..='9' | '０'..='９' => Class::Run(Script::Digit),
        'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => Class::Run(Script::Latin),
        _ if c.is_alphabetic() => Class::Run(Script::Latin),
        _ => Class::Alone,
    }
}

/// A separator that belongs to a number when digits stand on both sides of it.
fn number_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '，' | '．')
}

fn split(text: &str, class: fn(char) -> Class) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<Class> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let mut this = class(c);
        // `1,000` and `3.5`: a separator between digits stays in the number.
        if current == Some(Class::Run(Script::Digit))
            && number_separator(c)
            && chars.get(i + 1).is_some_and(|&(_, next)| class(next) == Class::Run(Script::Digit))
        {
            this = Class::Run(Script::Digit);
        }
        let joins = current == Some(this) && this != Class::Alone;
        if !joins && at > start {
            out.push(&text[start..at]);
            start = at;
        }
        current = Some(this);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ja(text: &str) -> Vec<&str> {
        words(text, Lang::Ja)
    }

    #[test]
    fn japanese_words_are_runs_of_one_script() {
        assert_eq!(ja("私たちは行動します。"), ["私", "たちは", "行動", "します", "。"]);
        assert_eq!(ja("データ保護ポリシー"), ["データ", "保護", "ポリシー"]);
        assert_eq!(ja("ISOの規範"), ["ISO", "の", "規範"]);
    }

    #[test]
    fn numbers_stay_whole_with_their_separators() {
        assert_eq!(ja("30日以内に"), ["30", "日以内", "に"]);
        assert_eq!(ja("1,000円と3.5%"), ["1,000", "円", "と", "3.5", "%"]);
        assert_eq!(ja("３０日"), ["３０", "日"]);
        assert_eq!(ja("三十日"), ["三十", "日"]);
        assert_eq!(ja("1、2。"), ["1", "、", "2", "。"]);
    }

    #[test]
    fn punctuation_is_a_word_alone() {
        assert_eq!(ja("「規範」、"), ["「", "規範", "」", "、"]);
    }

    #[test]
    fn english_words_are_split_at_whitespace() {
        assert_eq!(words("We act,  with care.", Lang::En), ["We", " ", "act,", "  ", "with", " ", "care."]);
    }

    #[test]
    fn words_give_the_text_back() {
        for text in ["", "a", "私たちは、30日以内に1,000件。", "  x  ", "3."] {
            assert_eq!(ja(text).concat(), text);
            assert_eq!(words(text, Lang::En).concat(), text);
        }
    }
}
