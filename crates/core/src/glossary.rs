//! The project's glossary (`content/glossary.toml`): English terms and the Japanese terms that
//! must translate them.

use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(default, rename = "term")]
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub en: String,
    pub ja: String,
}

impl Glossary {
    /// Puts every term in Unicode normal form, as the text it is matched in ([`crate::nfc`]).
    pub fn normalize(&mut self) {
        for term in &mut self.terms {
            crate::nfc::normalize_in_place(&mut term.en);
            crate::nfc::normalize_in_place(&mut term.ja);
        }
    }
}

impl Term {
    /// Whether `text` uses the English term as a whole word (case-sensitive).
    pub fn occurs_in_english(&self, text: &str) -> bool {
        self.find_in_english(text).is_some()
    }

    /// Byte offset of the first whole-word occurrence of the English term in `text`.
    pub fn find_in_english(&self, text: &str) -> Option<usize> {
        text.match_indices(self.en.as_str())
            .find(|(start, found)| {
                let before = text[..*start].chars().next_back();
                let after = text[start + found.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            })
            .map(|(start, _)| start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_terms_match_whole_words_only() {
        let term = Term { en: "Council".into(), ja: "理事会".into() };
        assert!(term.occurs_in_english("under the responsibility of Council."));
        assert!(term.occurs_in_english("Council: for ISO members"));
        assert!(!term.occurs_in_english("the Councils of"));
        assert!(!term.occurs_in_english("council"));
    }
}
