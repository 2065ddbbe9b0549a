//! Whitespace as nothing but a word separator: runs of it collapsed to one space, none at the
//! ends. What the translation record's fingerprints cover, what `diff` compares and what the
//! consistency check groups by.

/// `text` with every run of whitespace as one space and none at the ends.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_whitespace_become_one_space_and_the_ends_none() {
        assert_eq!(collapse("  a \t b\n\nc　d  "), "a b c d");
        assert_eq!(collapse(" \n "), "");
    }
}
