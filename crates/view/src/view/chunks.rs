//! An edition cut into parts, for rendering a long document a run of clauses at a time: every
//! part holds whole sections, in order, about `budget` bytes of the model each (a section larger
//! than the budget is a part of its own); the title matter and the table of contents open the
//! first part and the back covers close the last. An edition with a contents page opens with a
//! part of its own holding the title matter and the contents, and no section. A part carries
//! the notes it refers to (the templates look a note up by its number), those its notes refer
//! to included, and no others:
//! the templates hand the notes to every block they lay out, so a part carrying all of a long
//! document's notes would cost time with the length of the whole. A part's model is made when
//! it is rendered ([`Chunks::chunk`]), so that only one part's copy of the sections is held at a
//! time.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::Serialize;

use super::EditionModel;

/// An edition's model and where its parts start and end.
pub struct Chunks<'m, 'p> {
    model: &'m EditionModel<'p>,
    /// The sections of each part.
    ranges: Vec<Range<usize>>,
    /// The numbers of the notes each part's sections refer to.
    references: Vec<BTreeSet<usize>>,
}

/// `model` in parts of about `budget` bytes of serialised sections each; one part (the whole)
/// when it fits.
pub fn split<'m, 'p>(model: &'m EditionModel<'p>, budget: usize) -> Chunks<'m, 'p> {
    // The first part, empty until its first section.
    let mut ranges: Vec<Range<usize>> = Vec::new();
    ranges.push(0..0);
    let mut references = vec![BTreeSet::new()];
    let mut filled = 0;
    for (index, section) in model.sections.iter().enumerate() {
        let size = serde_json::to_vec(section).map_or(0, |bytes| bytes.len());
        let current = ranges.last_mut().expect("one part at least");
        if current.end > current.start && filled + size > budget {
            ranges.push(index..index);
            references.push(BTreeSet::new());
            filled = 0;
        }
        ranges.last_mut().expect("one part at least").end = index + 1;
        note_references(section, references.last_mut().expect("one part at least"));
        filled += size;
    }
    // A long edition's contents page is a part of its own, with the title matter: it is laid
    // out twice (its length first, its labels once every part is laid out), and its size grows
    // with the length of the text, so it is kept apart from any body.
    if model.contents && ranges.len() > 1 {
        ranges.insert(0, 0..0);
        references.insert(0, BTreeSet::new());
    }
    Chunks { model, ranges, references }
}

/// The numbers of the notes `value` refers to (its footnote runs, as the templates read them)
/// added to `numbers`.
fn note_references(value: &impl Serialize, numbers: &mut BTreeSet<usize>) {
    fn walk(value: &serde_json::Value, numbers: &mut BTreeSet<usize>) {
        match value {
            serde_json::Value::Object(object) => {
                let footnote = object.get("type").and_then(|kind| kind.as_str()) == Some("footnote");
                let number = object.get("number").and_then(|number| number.as_u64());
                if let (true, Some(number)) = (footnote, number.and_then(|number| usize::try_from(number).ok())) {
                    numbers.insert(number);
                }
                object.values().for_each(|value| walk(value, numbers));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|value| walk(value, numbers)),
            _ => {}
        }
    }
    if let Ok(value) = serde_json::to_value(value) {
        walk(&value, numbers);
    }
}

impl<'p> Chunks<'_, 'p> {
    /// How many parts there are.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Whether the first part holds the title matter and the contents alone (a long edition
    /// with a contents page, [`split`]).
    pub fn opens_with_contents(&self) -> bool {
        self.model.contents && self.ranges.len() > 1 && self.ranges[0].is_empty()
    }

    /// Whether there is none (never: an edition without sections is one part).
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Part `index`'s model: its sections, with the title matter and the table of contents if it
    /// is the first and the covers if it is the last.
    pub fn chunk(&self, index: usize) -> EditionModel<'p> {
        let model = self.model;
        let first = index == 0;
        let last = index + 1 == self.ranges.len();
        let mut numbers = self.references[index].clone();
        if first {
            note_references(&model.title_page, &mut numbers);
        }
        if last {
            note_references(&model.covers, &mut numbers);
        }
        // Notes referred to from notes, until none is new.
        loop {
            let mut more = BTreeSet::new();
            for note in model.notes.iter().filter(|note| numbers.contains(&note.number)) {
                note_references(&note.sides, &mut more);
            }
            let before = numbers.len();
            numbers.extend(more);
            if numbers.len() == before {
                break;
            }
        }
        EditionModel {
            edition: model.edition,
            langs: model.langs,
            bilingual: model.bilingual,
            lang: model.lang,
            meta: model.meta,
            titles: model.titles.clone(),
            title_page: if first { model.title_page.clone() } else { None },
            sections: model.sections[self.ranges[index].clone()].to_vec(),
            toc: if first { model.toc.clone() } else { Vec::new() },
            // The contents page opens the first part; every part marks its headings for it.
            contents: model.contents,
            contents_labels: if first { model.contents_labels.clone() } else { None },
            paragraph_numbers: model.paragraph_numbers,
            notes: model.notes.iter().filter(|note| numbers.contains(&note.number)).cloned().collect(),
            covers: if last { model.covers.clone() } else { Vec::new() },
            // The note is printed with the title matter, in the first part.
            provisional: if first { model.provisional.clone() } else { None },
        }
    }

    /// Every part's model, in order.
    pub fn models(&self) -> impl Iterator<Item = EditionModel<'p>> + '_ {
        (0..self.len()).map(|index| self.chunk(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::EditionKind;

    fn with_code_model<T>(edition: EditionKind, check: impl FnOnce(&EditionModel<'_>) -> T) -> T {
        let project = codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .expect("shipped project");
        let alignment = project.alignment();
        check(&EditionModel::build(&alignment, &project.config.edition, edition))
    }

    fn ids(model: &EditionModel<'_>) -> Vec<String> {
        model.sections.iter().map(|s| s.anchor.clone()).collect()
    }

    #[test]
    fn parts_hold_every_section_once_in_order_title_first_covers_last() {
        with_code_model(EditionKind::En, |model| {
            let parts: Vec<_> = split(model, 2_000).models().collect();
            assert!(parts.len() > 3, "{} parts", parts.len());
            let joined: Vec<String> = parts.iter().flat_map(ids).collect();
            assert_eq!(joined, ids(model));
            assert!(parts[0].title_page.is_some() && parts[1..].iter().all(|p| p.title_page.is_none()));
            let last = parts.len() - 1;
            assert!(!parts[last].covers.is_empty() && parts[..last].iter().all(|p| p.covers.is_empty()));
            assert!(parts.iter().all(|p| !p.sections.is_empty()));
            assert!(parts[0].toc.len() == model.toc.len() && parts[1..].iter().all(|p| p.toc.is_empty()));
        });
    }

    /// The note numbers a part's footnote references print.
    fn referenced(model: &EditionModel<'_>) -> BTreeSet<usize> {
        let mut numbers = BTreeSet::new();
        note_references(&model.title_page, &mut numbers);
        note_references(&model.sections, &mut numbers);
        note_references(&model.covers, &mut numbers);
        numbers
    }

    #[test]
    fn a_part_carries_the_notes_it_refers_to_and_no_others() {
        with_code_model(EditionKind::Bilingual, |model| {
            assert!(!model.notes.is_empty(), "the Code has a note");
            let parts: Vec<_> = split(model, 2_000).models().collect();
            for part in &parts {
                let carried: BTreeSet<usize> = part.notes.iter().map(|note| note.number).collect();
                assert_eq!(carried, referenced(part));
            }
            let with_notes = parts.iter().filter(|part| !part.notes.is_empty()).count();
            assert!(with_notes >= 1 && with_notes < parts.len(), "{with_notes} of {} parts", parts.len());
            assert_eq!(referenced(model), model.notes.iter().map(|note| note.number).collect());
        });
    }

    #[test]
    fn a_long_edition_with_a_contents_page_opens_with_a_part_holding_the_title_matter_and_contents_alone() {
        with_code_model(EditionKind::En, |model| {
            let model = EditionModel { contents: true, ..model.clone() };
            let parts: Vec<_> = split(&model, 2_000).models().collect();
            let front = &parts[0];
            assert!(front.sections.is_empty() && front.covers.is_empty());
            assert!(front.title_page.is_some() && front.toc.len() == model.toc.len() && front.contents);
            let joined: Vec<String> = parts.iter().flat_map(ids).collect();
            assert_eq!(joined, ids(&model));
            assert!(parts[1..].iter().all(|p| !p.sections.is_empty() && p.title_page.is_none() && p.toc.is_empty()));
            // Within the budget, the contents page stays with the body: one part.
            assert!(split(&model, 2_000).opens_with_contents());
            assert_eq!(split(&model, usize::MAX).len(), 1);
            assert!(!split(&model, usize::MAX).opens_with_contents());
        });
    }

    #[test]
    fn a_model_within_the_budget_is_one_part() {
        with_code_model(EditionKind::Bilingual, |model| {
            let parts: Vec<_> = split(model, usize::MAX).models().collect();
            assert_eq!(parts.len(), 1);
            assert_eq!(ids(&parts[0]), ids(model));
            assert_eq!(parts[0].covers.len(), model.covers.len());
        });
    }

    #[test]
    fn a_section_larger_than_the_budget_is_a_part_of_its_own() {
        with_code_model(EditionKind::Ja, |model| {
            assert_eq!(split(model, 1).len(), model.sections.len());
        });
    }
}
