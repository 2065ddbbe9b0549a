//! Which writing system a character belongs to, for the checks that care about Japanese text.

/// Hiragana, katakana, kanji (all CJK ideograph blocks, the supplementary planes' too: 𠮷), and
/// the CJK punctuation and full-width forms used in Japanese. The one classifier of Japanese
/// text: the checks use it, and so does the render model to decide soft breaks.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'   // CJK radicals and Kangxi radicals
        | '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{309F}' // hiragana
        | '\u{30A0}'..='\u{30FF}' // katakana
        | '\u{31F0}'..='\u{31FF}' // katakana extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}' // CJK compatibility forms
        | '\u{FF00}'..='\u{FFEF}' // half- and full-width forms
        | '\u{20000}'..='\u{3FFFD}' // CJK extensions B and beyond, compatibility supplement
    )
}

/// Japanese script proper: kana and kanji, without punctuation or full-width Latin.
pub fn is_kana_or_kanji(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{3FFFD}'
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
        for c in ['あ', 'ア', '規', '。', '（', '：', '𠮷', '﨑', '髙'] {
            assert!(is_japanese(c), "{c}");
        }
        for c in ['a', '(', ':', '1', '–'] {
            assert!(!is_japanese(c), "{c}");
        }
        assert!(has_japanese_script("ISO会員") && has_japanese_script("𠮷"));
        assert!(!has_japanese_script("ISO/CS（）"));
    }
}
