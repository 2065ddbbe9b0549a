//! The numerals' regular expressions, built without the full DFA.
//!
//! The `regex` crate builds a full DFA ahead for every small pattern when any crate of the build
//! turns on `regex-automata`'s `dfa-build` feature (`fancy-regex` does, under Typst's syntax
//! highlighting). The patterns here are built as their texts first need them, and in the check
//! of a short text building them is a quarter of the work (the 31 patterns: 4.2 ms with full
//! DFAs, 3.0 ms without, in a test of the optimised dependencies); they search short texts, where
//! the lazy DFA, built as it searches, is as fast (10 000 paragraph pairs: the same instruction
//! count). The same engine (`regex-automata`'s meta regex, which `regex::Regex` wraps) gives the
//! same matches: only which of its strategies run changes.

use std::ops::{Index, Range};

use regex_automata::meta;
use regex_automata::util::captures::Captures as Groups;

/// A pattern, matched leftmost-first as `regex::Regex` matches it.
#[derive(Debug)]
pub struct Regex {
    regex: meta::Regex,
    /// The pattern as written, which the tests read.
    #[cfg(test)]
    source: Box<str>,
}

impl Regex {
    pub fn new(pattern: &str) -> Result<Self, Box<meta::BuildError>> {
        let config = meta::Config::new().dfa(false);
        let regex = meta::Regex::builder().configure(config).build(pattern).map_err(Box::new)?;
        Ok(Regex {
            regex,
            #[cfg(test)]
            source: pattern.into(),
        })
    }

    /// The pattern as written.
    #[cfg(test)]
    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }

    /// Each match in `text`, leftmost first, none overlapping.
    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Match<'t>> + use<'r, 't> {
        self.regex.find_iter(text).map(move |found| Match { text, range: found.range() })
    }

    /// The groups of each match in `text`.
    pub fn captures_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Captures<'t>> + use<'r, 't> {
        self.regex.captures_iter(text).map(move |groups| Captures { text, groups })
    }

    /// The groups of the first match in `text`.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let mut groups = self.regex.create_captures();
        self.regex.captures(text, &mut groups);
        groups.is_match().then_some(Captures { text, groups })
    }
}

/// Where a pattern or one of its groups matched, in the text searched.
#[derive(Clone, Debug)]
pub struct Match<'t> {
    text: &'t str,
    range: Range<usize>,
}

impl<'t> Match<'t> {
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    pub fn end(&self) -> usize {
        self.range.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.range.clone()]
    }
}

/// The groups of one match: group 0 the whole match.
#[derive(Debug)]
pub struct Captures<'t> {
    text: &'t str,
    groups: Groups,
}

impl<'t> Captures<'t> {
    /// Group `index`, when it took part in the match.
    pub fn get(&self, index: usize) -> Option<Match<'t>> {
        let span = self.groups.get_group(index)?;
        Some(Match { text: self.text, range: span.range() })
    }
}

/// The text of group `index`; as `regex::Captures` indexes, a group that did not take part is a
/// bug in the caller, and panics.
impl Index<usize> for Captures<'_> {
    type Output = str;

    fn index(&self, index: usize) -> &str {
        match self.get(index) {
            Some(group) => &self.text[group.range],
            None => panic!("group {index} did not take part in the match"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches and groups as `regex::Regex`, on patterns of each kind the numerals use:
    /// Unicode classes and word boundaries, lines, optional groups, alternatives.
    #[test]
    fn a_pattern_matches_and_captures_as_the_regex_crate_does() {
        let patterns = [
            r"\b(\d{1,2})\s+(January|March)\s+(\d{4})\b",
            r"(?m)^[ \t　]*([一二三四五六七八九十]+)[、　．]|[(（]([一二三四五六七八九十]+)[)）]",
            r"(?:(令和|平成)\s*)?([0-9０-９]+|[〇一二三]+)\s*年",
            r"[0-9０-９]+(?:[-/.,:][0-9０-９]+)*",
            r"^\s*\((\d+)\)",
        ];
        let texts = [
            "On 3 March 2023 and ٣ January ٢٠٢٣, not 12 Marchx 2020.",
            "一、総則\n（二）目的　三．範囲 (四)",
            "令和5年と２０２３年と〇一年、平成 元年",
            "1.2.3, 4/5 and ７：３０ and 6-",
            " (12) then (13)",
        ];
        for source in patterns {
            let ours = Regex::new(source).expect("builds");
            let theirs = regex::Regex::new(source).expect("builds");
            for text in texts {
                assert_eq!(ours.is_match(text), theirs.is_match(text), "{source} in {text}");
                let found: Vec<_> = ours.find_iter(text).map(|m| (m.range(), m.as_str())).collect();
                let expected: Vec<_> = theirs.find_iter(text).map(|m| (m.range(), m.as_str())).collect();
                assert_eq!(found, expected, "{source} in {text}");
                let groups = |c: &Captures<'_>| (0..4).map(|i| c.get(i).map(|m| m.range())).collect::<Vec<_>>();
                let their_groups =
                    |c: &regex::Captures<'_>| (0..4).map(|i| c.get(i).map(|m| m.range())).collect::<Vec<_>>();
                let found: Vec<_> = ours.captures_iter(text).map(|c| groups(&c)).collect();
                let expected: Vec<_> = theirs.captures_iter(text).map(|c| their_groups(&c)).collect();
                assert_eq!(found, expected, "{source} in {text}");
                assert_eq!(
                    ours.captures(text).map(|c| groups(&c)),
                    theirs.captures(text).map(|c| their_groups(&c)),
                    "{source} in {text}"
                );
            }
        }
        assert!(found_any(&patterns, &texts), "the texts match the patterns somewhere");
    }

    fn found_any(patterns: &[&str], texts: &[&str]) -> bool {
        patterns.iter().zip(texts).all(|(p, t)| Regex::new(p).expect("builds").is_match(t))
    }

    #[test]
    fn a_group_is_read_by_index_and_one_that_did_not_take_part_is_none() {
        let pattern = Regex::new(r"(a)|(b)").expect("builds");
        let found = pattern.captures("xb").expect("matches");
        assert_eq!(&found[0], "b");
        assert_eq!(&found[2], "b");
        assert!(found.get(1).is_none());
        assert_eq!(found.get(2).map(|m| m.end()), Some(2));
    }
}
