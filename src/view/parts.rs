//! An edition cut into parts, for rendering a long document a run of clauses at a time: every
//! part holds whole sections, in order, about `budget` bytes of the model each (a section larger
//! than the budget is a part of its own); the title matter and the table of contents open the
//! first part and the back covers close the last. Every part keeps all the notes (the templates
//! look a note up by its number). A part's model is made when it is rendered ([`Parts::part`]),
//! so that only one part's copy of the sections is held at a time.

use std::ops::Range;

use super::EditionModel;

/// An edition's model and where its parts start and end.
pub struct Parts<'m, 'p> {
    model: &'m EditionModel<'p>,
    /// The sections of each part.
    ranges: Vec<Range<usize>>,
}

/// `model` in parts of about `budget` bytes of serialised sections each; one part (the whole)
/// when it fits.
pub fn split<'m, 'p>(model: &'m EditionModel<'p>, budget: usize) -> Parts<'m, 'p> {
    // The first part, empty until its first section.
    let mut ranges: Vec<Range<usize>> = Vec::new();
    ranges.push(0..0);
    let mut filled = 0;
    for (index, section) in model.sections.iter().enumerate() {
        let size = serde_json::to_vec(section).map_or(0, |bytes| bytes.len());
        let current = ranges.last_mut().expect("one part at least");
        if current.end > current.start && filled + size > budget {
            ranges.push(index..index);
            filled = 0;
        }
        ranges.last_mut().expect("one part at least").end = index + 1;
        filled += size;
    }
    Parts { model, ranges }
}

impl<'p> Parts<'_, 'p> {
    /// How many parts there are.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Whether there is none (never: an edition without sections is one part).
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Part `index`'s model: its sections, with the title matter and the table of contents if it
    /// is the first and the covers if it is the last.
    pub fn part(&self, index: usize) -> EditionModel<'p> {
        let model = self.model;
        let first = index == 0;
        let last = index + 1 == self.ranges.len();
        EditionModel {
            edition: model.edition,
            langs: model.langs,
            bilingual: model.bilingual,
            lang: model.lang,
            meta: model.meta,
            title_page: if first { model.title_page.clone() } else { None },
            sections: model.sections[self.ranges[index].clone()].to_vec(),
            toc: if first { model.toc.clone() } else { Vec::new() },
            notes: model.notes.clone(),
            covers: if last { model.covers.clone() } else { Vec::new() },
        }
    }

    /// Every part's model, in order.
    pub fn models(&self) -> impl Iterator<Item = EditionModel<'p>> + '_ {
        (0..self.len()).map(|index| self.part(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::EditionKind;

    fn with_code_model<T>(edition: EditionKind, check: impl FnOnce(&EditionModel<'_>) -> T) -> T {
        let project = crate::load::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).expect("shipped project");
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
            assert!(parts.iter().all(|p| !p.sections.is_empty() && p.notes.len() == model.notes.len()));
            assert!(parts[0].toc.len() == model.toc.len() && parts[1..].iter().all(|p| p.toc.is_empty()));
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
