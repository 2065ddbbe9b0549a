//! Which writing system a character belongs to, for the checks that care about Japanese text.

/// Hiragana, katakana, kanji, and the CJK punctuation and full-width forms used in Japanese.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation
        | '\u{3040}'..='\u{309F}' // hiragana
        | '\u{30A0}'..='\u{30FF}' // katakana
        | '\u{31F0}'..='\u{31FF}' // katakana extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // half- and full-width forms
    )
}

/// Japanese script proper: kana and kanji, without punctuation or full-width Latin.
pub fn is_kana_or_kanji(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}'
    )
}

pub fn has_japanese_script(text: &str) -> bool {
    text.chars().any(is_kana_or_kanji)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kana_kanji_and_fullwidth_punctuation_are_japanese() {
        for c in ['あ', 'ア', '規', '。', '（', '：'] {
            assert!(is_japanese(c), "{c}");
        }
        for c in ['a', '(', ':', '1', '–'] {
            assert!(!is_japanese(c), "{c}");
        }
        assert!(has_japanese_script("ISO会員"));
        assert!(!has_japanese_script("ISO/CS（）"));
    }
}
