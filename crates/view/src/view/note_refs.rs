//! Footnote numbering for one edition: numbers in order of first reference, shared by both
//! languages; which reference prints the note (the first in reading order, or each language's
//! first in the facing-pages edition); the ids of the references and of the notes they link to,
//! and the section of each note's first reference.

use std::collections::HashMap;

use codepub_core::model::Lang;

/// One reference as numbered: its note's number, whether it is the one that prints the note,
/// its own id and the link to its note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub number: usize,
    pub first: bool,
    pub id: String,
    pub href: String,
}

/// References seen so far, in reading order.
#[derive(Debug, Default)]
pub struct NoteRefs {
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
    pub fn reference(&mut self, lang: Lang, label: &str) -> Reference {
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
        Reference { number, first, id, href: format!("#{}", note_id(lang, number)) }
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
                .map(|(lang, label)| {
                    let reference = refs.reference(lang, label);
                    (reference.number, reference.first, Some(reference.id))
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
            .map(|(lang, label)| {
                let reference = refs.reference(lang, label);
                (reference.number, reference.first)
            })
            .collect();
        assert_eq!(firsts, vec![(1, true), (1, true), (1, false), (2, true)]);
    }
}
