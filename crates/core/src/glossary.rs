//! The project's glossary (`content/glossary.toml`): English terms and the Japanese terms that
//! must translate them (`[[term]]`), and the terms not to use (`[[forbidden]]`, or the shorthands
//! `en_forbidden`, `ja_forbidden`, `en_deprecated`, `ja_deprecated` on a `[[term]]`).
//!
//! [`TermFinder`] finds many terms in one pass over a text (one Aho-Corasick automaton per
//! language and run), so that the checks stay linear in the text whatever the glossary's size.
//! English terms match whole words, as written, or with capitals where the term has lower case
//! at the start of a word (a sentence start, a heading in title case) or throughout (`THE
//! COUNCIL`), never in lower case where the term has a capital; they may be followed by `s`,
//! `'s` or `’s` (`Council's`, `Councils`). Japanese terms match literally.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use crate::model::Lang;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(default, rename = "term")]
    pub terms: Vec<Term>,
    /// Terms not to use, each with what to use instead (`[[forbidden]]`).
    #[serde(default)]
    pub forbidden: Vec<Banned>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub en: String,
    pub ja: String,
    /// English terms not to use for this one (shorthand for `[[forbidden]]` with `use = en`).
    #[serde(default)]
    pub en_forbidden: Vec<String>,
    /// English terms to avoid for this one (a warning).
    #[serde(default)]
    pub en_deprecated: Vec<String>,
    /// Japanese terms not to use for this one (shorthand for `[[forbidden]]` with `use = ja`).
    #[serde(default)]
    pub ja_forbidden: Vec<String>,
    /// Japanese terms to avoid for this one (a warning).
    #[serde(default)]
    pub ja_deprecated: Vec<String>,
}

/// A term not to use in one language (`[[forbidden]]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Banned {
    pub lang: Lang,
    pub term: String,
    /// The preferred terms: `use = "理事会"` or `use = ["A", "B"]`; a fix replaces the term when
    /// there is exactly one.
    #[serde(default, rename = "use", deserialize_with = "one_or_many")]
    pub preferred: Vec<String>,
    #[serde(default)]
    pub status: Status,
    /// Why, shown with the finding.
    #[serde(default)]
    pub reason: Option<String>,
}

/// How strongly a banned term is banned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Never to be used: an error.
    #[default]
    Forbidden,
    /// Being phased out: a warning.
    Deprecated,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(one) => vec![one],
        OneOrMany::Many(many) => many,
    })
}

impl Glossary {
    /// Puts every term in Unicode normal form, as the text it is matched in ([`crate::nfc`]).
    pub fn normalize(&mut self) {
        for term in &mut self.terms {
            crate::nfc::normalize_in_place(&mut term.en);
            crate::nfc::normalize_in_place(&mut term.ja);
            for list in
                [&mut term.en_forbidden, &mut term.en_deprecated, &mut term.ja_forbidden, &mut term.ja_deprecated]
            {
                list.iter_mut().for_each(crate::nfc::normalize_in_place);
            }
        }
        for banned in &mut self.forbidden {
            crate::nfc::normalize_in_place(&mut banned.term);
            banned.preferred.iter_mut().for_each(crate::nfc::normalize_in_place);
            if let Some(reason) = &mut banned.reason {
                crate::nfc::normalize_in_place(reason);
            }
        }
    }

    /// Every banned term: the `[[forbidden]]` tables, then the shorthands of the `[[term]]`
    /// tables (whose preferred term is the entry's own); empty terms left out.
    pub fn banned(&self) -> Vec<Banned> {
        let mut all: Vec<Banned> = self.forbidden.iter().filter(|b| !b.term.is_empty()).cloned().collect();
        for term in &self.terms {
            let lists = [
                (Lang::En, &term.en_forbidden, Status::Forbidden, &term.en),
                (Lang::En, &term.en_deprecated, Status::Deprecated, &term.en),
                (Lang::Ja, &term.ja_forbidden, Status::Forbidden, &term.ja),
                (Lang::Ja, &term.ja_deprecated, Status::Deprecated, &term.ja),
            ];
            for (lang, list, status, preferred) in lists {
                all.extend(list.iter().filter(|t| !t.is_empty()).map(|banned| Banned {
                    lang,
                    term: banned.clone(),
                    preferred: vec![preferred.clone()],
                    status,
                    reason: None,
                }));
            }
        }
        all
    }
}

impl Term {
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Self {
        Self { en: en.into(), ja: ja.into(), ..Self::default() }
    }

    /// The term in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }

    /// Whether `text` uses the English term as a whole word (case-sensitive).
    pub fn occurs_in_english(&self, text: &str) -> bool {
        self.find_in_english(text).is_some()
    }

    /// Byte offset of the first whole-word occurrence of the English term in `text`.
    pub fn find_in_english(&self, text: &str) -> Option<usize> {
        find_whole_word(text, &self.en)
    }
}

/// Byte offset of the first occurrence of `word` in `text` that is a whole word, among those
/// `str::match_indices` gives (each after the end of the one before).
fn find_whole_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(start, _)| start).find(|&start| is_whole_word(text, start, start + word.len()))
}

/// Whether `text[start..end]` stands alone: no letter or digit just before or after it.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(char::is_alphanumeric)
        && !text[end..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Which of a glossary's terms a text has, one pass over the text per language: an English
/// term as [`Term::occurs_in_english`] finds it (a whole word, capitals as written), a Japanese
/// one anywhere (`str::contains`). What the aligner asks of every block.
#[derive(Debug)]
pub struct TermPresence {
    count: usize,
    /// Per language: the automaton of the terms' distinct non-empty texts, and for each of its
    /// patterns the terms spelled so.
    en: Option<(AhoCorasick, Vec<Vec<usize>>)>,
    ja: Option<(AhoCorasick, Vec<Vec<usize>>)>,
    /// The terms with an empty text in a language (no automaton looks for it): each answered as
    /// asking for the empty text alone answers.
    empty: Vec<(usize, Lang)>,
}

impl TermPresence {
    /// No terms.
    pub const NONE: TermPresence = TermPresence { count: 0, en: None, ja: None, empty: Vec::new() };

    pub fn new(terms: &[Term]) -> Self {
        let mut empty = Vec::new();
        let mut automaton = |lang: Lang| {
            let mut patterns: Vec<&str> = Vec::new();
            let mut spelled: Vec<Vec<usize>> = Vec::new();
            for (index, term) in terms.iter().enumerate() {
                let text = match lang {
                    Lang::En => term.en.as_str(),
                    Lang::Ja => term.ja.as_str(),
                };
                if text.is_empty() {
                    empty.push((index, lang));
                } else if let Some(at) = patterns.iter().position(|p| *p == text) {
                    spelled[at].push(index);
                } else {
                    patterns.push(text);
                    spelled.push(vec![index]);
                }
            }
            let built = (!patterns.is_empty()).then(|| AhoCorasick::new(&patterns).ok()).flatten();
            built.map(|automaton| (automaton, spelled))
        };
        let (en, ja) = (automaton(Lang::En), automaton(Lang::Ja));
        Self { count: terms.len(), en, ja, empty }
    }

    /// For each term, whether `text` (of language `lang`) has it.
    pub fn in_text(&self, text: &str, lang: Lang) -> Vec<bool> {
        let mut present = vec![false; self.count];
        for &(index, empty_in) in &self.empty {
            if empty_in == lang {
                // What matching the empty text gives: anywhere in Japanese; in English, a place
                // between two characters that are not both letters or digits.
                present[index] = match lang {
                    Lang::Ja => true,
                    Lang::En => find_whole_word(text, "").is_some(),
                };
            }
        }
        let automaton = match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        };
        let Some((automaton, spelled)) = automaton else { return present };
        // Where each pattern's last occurrence taken ends: as `str::match_indices`, which
        // `occurs_in_english` reads, an occurrence overlapping the one before is not one.
        let mut taken_to = vec![0usize; spelled.len()];
        for found in automaton.find_overlapping_iter(text) {
            let pattern = found.pattern().as_usize();
            if spelled[pattern].iter().all(|&term| present[term]) {
                continue;
            }
            let whole = match lang {
                Lang::Ja => true,
                Lang::En => {
                    if found.start() < taken_to[pattern] {
                        continue;
                    }
                    taken_to[pattern] = found.end();
                    is_whole_word(text, found.start(), found.end())
                }
            };
            if whole {
                spelled[pattern].iter().for_each(|&term| present[term] = true);
            }
        }
        present
    }
}

/// One occurrence of a term in a text: which term (its index in [`TermFinder::term`]) and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub term: usize,
    pub range: std::ops::Range<usize>,
}

/// Finds a set of terms of one language in texts, in one pass per text.
#[derive(Debug)]
pub struct TermFinder {
    lang: Lang,
    terms: Vec<String>,
    /// What the automaton looks for: the terms, and the singular of plural English terms when
    /// asked for ([`TermFinder::with_singulars`]), each with its term's index.
    patterns: Vec<(String, usize)>,
    /// Whether English capitals are compared ([`TermFinder::any_case`]).
    case: bool,
    automaton: Option<AhoCorasick>,
}

impl TermFinder {
    /// A finder of `terms` (duplicates and empty terms dropped; the first of equal terms keeps
    /// its index, see [`TermFinder::index`]).
    pub fn new<'t>(lang: Lang, terms: impl IntoIterator<Item = &'t str>) -> Self {
        Self::build(lang, terms, false)
    }

    /// A finder that also finds an English plural term in the singular, its final `s` dropped
    /// (`stakeholder` for `stakeholders`, `International Standard`; not after `s`, `u` or `i`:
    /// `consensus`, `process`, `analysis`).
    pub fn with_singulars<'t>(lang: Lang, terms: impl IntoIterator<Item = &'t str>) -> Self {
        Self::build(lang, terms, lang == Lang::En)
    }

    fn build<'t>(lang: Lang, terms: impl IntoIterator<Item = &'t str>, singulars: bool) -> Self {
        let mut unique: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for term in terms {
            if !term.is_empty() && seen.insert(term) {
                unique.push(term.to_string());
            }
        }
        let mut patterns: Vec<(String, usize)> = unique.iter().cloned().zip(0..).collect();
        if singulars {
            for (index, term) in unique.iter().enumerate() {
                let Some(singular) = term.strip_suffix('s') else { continue };
                if !singular.is_empty() && !singular.ends_with(['s', 'u', 'i']) && !seen.contains(singular) {
                    patterns.push((singular.to_string(), index));
                }
            }
        }
        // English letters may differ in case (a sentence start), checked for each match.
        let automaton = (!unique.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .ascii_case_insensitive(lang == Lang::En)
                    .build(patterns.iter().map(|(pattern, _)| pattern))
                    .ok()
            })
            .flatten();
        Self { lang, terms: unique, patterns, case: true, automaton }
    }

    /// The same finder, ignoring the capitals of English terms (`code of conduct` for `Code of
    /// Conduct`): to tell whether a text mentions a term at all.
    pub fn any_case(mut self) -> Self {
        self.case = false;
        self
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn term(&self, index: usize) -> &str {
        &self.terms[index]
    }

    /// The index of `term`, when it is one of the finder's.
    pub fn index(&self, term: &str) -> Option<usize> {
        self.terms.iter().position(|t| t == term)
    }

    /// Every occurrence of every term, overlapping ones included, by start then longest first.
    pub fn all(&self, text: &str) -> Vec<Occurrence> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let mut found: Vec<Occurrence> = automaton
            .find_overlapping_iter(text)
            .map(|m| (&self.patterns[m.pattern().as_usize()], m))
            .filter(|((pattern, _), m)| {
                self.lang == Lang::Ja || english_match(text, m.start(), m.end(), pattern, self.case)
            })
            .map(|((_, term), m)| Occurrence { term: *term, range: m.start()..m.end() })
            .collect();
        found.sort_by_key(|o| (o.range.start, std::cmp::Reverse(o.range.end)));
        found
    }

    /// The occurrences as a reader counts them: at each place the longest term, and none
    /// inside another (理事会 inside 技術管理理事会 is not counted when both are terms).
    pub fn longest(&self, text: &str) -> Vec<Occurrence> {
        let mut kept: Vec<Occurrence> = Vec::new();
        for occurrence in self.all(text) {
            if kept.last().is_none_or(|last| occurrence.range.start >= last.range.end) {
                kept.push(occurrence);
            }
        }
        kept
    }
}

/// Whether bytes `start..end` of `text`, found ignoring ASCII case, are the English `term`: the
/// same letters, where a lower-case letter of the term may be a capital at the start of a word
/// (a sentence start, a heading in title case) or anywhere in a match in capitals (`THE
/// EMPEROR`), but a capital of the term never lower case; a whole word, or followed only by `s`
/// (`'s` and `’s` end the word anyway).
fn english_match(text: &str, start: usize, end: usize, term: &str, case: bool) -> bool {
    let Some(found) = text.get(start..end) else { return false };
    if case && found != term {
        let all_caps = !found.chars().any(char::is_lowercase);
        let mut word_start = true;
        for (f, t) in found.chars().zip(term.chars()) {
            if f != t && !(t.is_ascii_lowercase() && f == t.to_ascii_uppercase() && (all_caps || word_start)) {
                return false;
            }
            word_start = !t.is_alphanumeric();
        }
    }
    let before = text[..start].chars().next_back();
    if before.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let ends_word = |rest: &str| !rest.chars().next().is_some_and(char::is_alphanumeric);
    let rest = &text[end..];
    ends_word(rest) || rest.strip_prefix('s').is_some_and(ends_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_presence_in_one_pass_answers_as_each_term_asked_alone() {
        let term = |en: &str, ja: &str| Term { en: en.into(), ja: ja.into(), ..Term::default() };
        let terms = [
            term("committee", "委員会"),
            term("technical committee", "専門委員会"),
            term("a a", "アア"),
            term("ISO", "ISO"),
            term("committee", "委員会議"),
            term("", ""),
        ];
        let presence = TermPresence::new(&terms);
        let texts = [
            "The technical committee met.",
            "Committees and subcommittee work.",
            "ba a a",
            "a a",
            "ISO/IEC and ISOs",
            "",
            "-",
            "専門委員会と委員会議。アアア",
            "本機構の委員会",
        ];
        for text in texts {
            let alone: Vec<bool> = terms.iter().map(|t| t.occurs_in_english(text)).collect();
            assert_eq!(presence.in_text(text, Lang::En), alone, "{text:?} in English");
            let alone: Vec<bool> = terms.iter().map(|t| text.contains(&t.ja)).collect();
            assert_eq!(presence.in_text(text, Lang::Ja), alone, "{text:?} in Japanese");
        }
        assert_eq!(presence.in_text("The technical committee met.", Lang::En)[..2], [true, true]);
        assert!(TermPresence::NONE.in_text("committee", Lang::En).is_empty());
    }

    #[test]
    fn english_terms_match_whole_words_only() {
        let term = Term::new("Council", "理事会");
        assert!(term.occurs_in_english("under the responsibility of Council."));
        assert!(term.occurs_in_english("Council: for ISO members"));
        assert!(!term.occurs_in_english("the Councils of"));
        assert!(!term.occurs_in_english("council"));
    }

    fn found(finder: &TermFinder, text: &str) -> Vec<String> {
        finder.longest(text).into_iter().map(|o| text[o.range].to_string()).collect()
    }

    #[test]
    fn the_finder_reads_english_as_a_reader_does() {
        let finder = TermFinder::new(Lang::En, ["Council", "consensus", "Rules of Procedure", "Procedure"]);
        let table: &[(&str, &[&str])] = &[
            ("under the responsibility of Council.", &["Council"]),
            ("the Council's decision and the Councils", &["Council", "Council"]),
            ("Consensus is sought; by consensus.", &["Consensus", "consensus"]),
            ("the Rules of Procedure apply", &["Rules of Procedure"]),
            ("a Procedure", &["Procedure"]),
            // Title case and capitals, as headings write them.
            ("Chapter III Rules Of Procedure; THE COUNCIL; CONSENSUS", &["Rules Of Procedure", "COUNCIL", "CONSENSUS"]),
            // Not the term: another word, a capital of the term in lower case, a longer word.
            ("council, Councillor, Councilor, cONSENSUS, reconsensus, rules of procedure", &[]),
            ("the Councilship", &[]),
        ];
        for (text, expected) in table {
            assert_eq!(&found(&finder, text), expected, "{text}");
        }
    }

    #[test]
    fn a_plural_term_is_found_in_the_singular_when_asked() {
        let terms = ["stakeholders", "International Standards", "consensus", "Statutes"];
        let finder = TermFinder::with_singulars(Lang::En, terms);
        let text = "a multi-stakeholder body, an International Standard, the Statute, consensu";
        assert_eq!(found(&finder, text), ["stakeholder", "International Standard", "Statute"]);
        assert_eq!(finder.longest("stakeholders")[0].term, 0);
        assert!(found(&TermFinder::new(Lang::En, terms), text).is_empty(), "only when asked");
    }

    #[test]
    fn any_case_ignores_capitals_but_not_word_boundaries() {
        let finder = TermFinder::new(Lang::En, ["Code of Conduct"]).any_case();
        assert_eq!(found(&finder, "this code of conduct, CODE OF CONDUCT"), ["code of conduct", "CODE OF CONDUCT"]);
        assert!(found(&finder, "the code of conducts").len() == 1 && found(&finder, "code of conductor").is_empty());
    }

    #[test]
    fn the_finder_counts_the_longest_japanese_term_once() {
        let finder = TermFinder::new(Lang::Ja, ["理事会", "技術管理理事会", "会則"]);
        assert_eq!(found(&finder, "技術管理理事会と理事会の会則"), ["技術管理理事会", "理事会", "会則"]);
        assert_eq!(finder.all("技術管理理事会").len(), 2, "every occurrence, overlapping");
    }

    #[test]
    fn the_finder_never_splits_a_character_and_ignores_empty_terms() {
        let finder = TermFinder::new(Lang::En, ["", "é", "s"]);
        assert_eq!(finder.len(), 2);
        assert!(found(&finder, "ÉÉ é's ss").contains(&"é".to_string()));
        assert!(TermFinder::new(Lang::Ja, [""]).all("理事会").is_empty());
    }

    #[test]
    fn banned_terms_come_from_tables_and_shorthands_and_unknown_keys_are_errors() {
        let text = "[[term]]\nen = \"Council\"\nja = \"理事会\"\nja_forbidden = [\"評議会\"]\nen_deprecated = [\"Board\"]\n\n\
                    [[forbidden]]\nlang = \"ja\"\nterm = \"規定\"\nuse = [\"規程\", \"規則\"]\nstatus = \"deprecated\"\nreason = \"JIS\"\n";
        let glossary: Glossary = crate::config::parse_toml(text, "content/glossary.toml").expect("parses");
        let banned = glossary.banned();
        assert_eq!(banned.len(), 3);
        assert_eq!(banned[0].preferred, ["規程", "規則"]);
        assert_eq!(banned[0].status, Status::Deprecated);
        assert_eq!(
            banned[1],
            Banned {
                lang: Lang::En,
                term: "Board".into(),
                preferred: vec!["Council".into()],
                status: Status::Deprecated,
                reason: None
            }
        );
        assert_eq!(
            (banned[2].lang, banned[2].status, banned[2].preferred.as_slice()),
            (Lang::Ja, Status::Forbidden, ["理事会".to_string()].as_slice())
        );
        for (bad, line) in [
            ("[[forbidden]]\nlang = \"ja\"\nterm = \"x\"\nusing = \"y\"\n", 4),
            ("[[forbidden]]\nlang = \"fr\"\nterm = \"x\"\n", 2),
            ("[[forbidden]]\nlang = \"ja\"\nterm = \"x\"\nstatus = \"banned\"\n", 4),
            ("[[term]]\nen = \"a\"\nja = \"b\"\nja_forbiden = [\"c\"]\n", 4),
        ] {
            let error = crate::config::parse_toml::<Glossary>(bad, "content/glossary.toml").unwrap_err();
            assert!(
                matches!(&error, crate::error::InputError::Toml { at, .. } if at.line == line && at.path == "content/glossary.toml"),
                "{bad}: {error}"
            );
        }
    }
}
