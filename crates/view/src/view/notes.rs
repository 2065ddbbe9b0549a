//! Footnote numbering for one edition: numbers in order of first reference, shared by both
//! languages; which reference prints the note (the first in reading order); the ids of the
//! references and of the notes they link to, and the section after which the web edition
//! prints each note.

use std::collections::HashMap;

use serde::Serialize;

use codepub_core::model::Lang;
use codepub_core::pair::Pair;

use super::runs::{BlockView, Run};

/// A numbered footnote as the edition prints it.
#[derive(Clone, Debug, Serialize)]
pub struct Note {
    pub label: String,
    pub number: usize,
    /// The anchor of the section after which a page prints the note: the section of its first
    /// reference; `None` for a note first referred to from the title matter or a back cover,
    /// printed at the end of the body.
    pub section: Option<String>,
    /// Each printed language's text, when that language has the note.
    pub sides: Pair<Option<NoteSide>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NoteSide {
    /// `fn-ja-1`.
    pub id: String,
    /// The id of the first reference to the note in this language, when it has one.
    pub backref: Option<String>,
    pub blocks: Vec<BlockView>,
}

/// References seen so far, in reading order.
#[derive(Debug, Default)]
pub(super) struct NoteRefs {
    labels: Vec<String>,
    /// Reference count per (language, number).
    counts: HashMap<(Lang, usize), usize>,
    /// The section of each number's first reference.
    first_section: HashMap<usize, Option<String>>,
    /// The anchor of the section being read; `None` outside the body.
    pub section: Option<String>,
    /// Whether each language's first reference prints the note (the facing-pages edition, where
    /// each language has its own pages), rather than the first reference in reading order.
    pub per_language: bool,
}

impl NoteRefs {
    /// The number of `label`, given on its first reference.
    pub fn number(&mut self, label: &str) -> usize {
        match self.labels.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.labels.push(label.to_string());
                self.labels.len()
            }
        }
    }

    pub fn get(&self, label: &str) -> Option<usize> {
        self.labels.iter().position(|l| l == label).map(|i| i + 1)
    }

    /// A reference to `label` in `lang`'s text.
    pub fn reference(&mut self, lang: Lang, label: &str) -> Run {
        let number = self.number(label);
        let first = !self.first_section.contains_key(&number);
        if first {
            self.first_section.insert(number, self.section.clone());
        }
        let count = self.counts.entry((lang, number)).or_default();
        *count += 1;
        let first = if self.per_language { *count == 1 } else { first };
        let id = match *count {
            1 => reference_id(lang, number),
            n => format!("{}-{n}", reference_id(lang, number)),
        };
        Run::Footnote {
            label: label.to_string(),
            number,
            first,
            id: Some(id),
            href: Some(format!("#{}", note_id(lang, number))),
        }
    }

    /// Whether `lang`'s text refers to note `number`.
    pub fn referenced(&self, lang: Lang, number: usize) -> bool {
        self.counts.contains_key(&(lang, number))
    }

    /// The section of the first reference to note `number`.
    pub fn section_of(&self, number: usize) -> Option<String> {
        self.first_section.get(&number).cloned().flatten()
    }
}

/// The id of the first reference to note `number` in `lang` (`fnref-en-1`).
pub fn reference_id(lang: Lang, number: usize) -> String {
    format!("fnref-{lang}-{number}")
}

/// The id of note `number`'s text in `lang` (`fn-en-1`).
pub fn note_id(lang: Lang, number: usize) -> String {
    format!("fn-{lang}-{number}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_first_reference_and_ids_count_per_language() {
        let mut refs = NoteRefs { section: Some("a".into()), ..NoteRefs::default() };
        let ids: Vec<(usize, bool, Option<String>)> =
            [(Lang::En, "x"), (Lang::Ja, "x"), (Lang::En, "y"), (Lang::En, "x")]
                .into_iter()
                .map(|(lang, label)| match refs.reference(lang, label) {
                    Run::Footnote { number, first, id, .. } => (number, first, id),
                    _ => unreachable!(),
                })
                .collect();
        assert_eq!(
            ids,
            vec![
                (1, true, Some("fnref-en-1".into())),
                (1, false, Some("fnref-ja-1".into())),
                (2, true, Some("fnref-en-2".into())),
                (1, false, Some("fnref-en-1-2".into())),
            ]
        );
        assert_eq!(refs.section_of(1).as_deref(), Some("a"));
        assert!(refs.referenced(Lang::Ja, 1) && !refs.referenced(Lang::Ja, 2));
    }

    #[test]
    fn per_language_numbering_prints_the_note_at_each_languages_first_reference() {
        let mut refs = NoteRefs { per_language: true, ..NoteRefs::default() };
        let firsts: Vec<(usize, bool)> = [(Lang::En, "x"), (Lang::Ja, "x"), (Lang::En, "x"), (Lang::Ja, "y")]
            .into_iter()
            .map(|(lang, label)| match refs.reference(lang, label) {
                Run::Footnote { number, first, .. } => (number, first),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(firsts, vec![(1, true), (1, true), (1, false), (2, true)]);
    }
}
