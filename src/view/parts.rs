//! An edition cut into parts, for rendering a long document a run of clauses at a time: every
//! part holds whole sections, in order, about `budget` bytes of the model each (a section larger
//! than the budget is a part of its own); the title matter opens the first part and the back
//! covers close the last. Every part keeps all the notes (the templates look a note up by its
//! number) and the whole table of contents.

use super::{EditionModel, Section};

/// `model` in parts of about `budget` bytes of serialised sections each; one part (a copy of
/// the whole) when it fits.
pub fn split<'p>(model: &EditionModel<'p>, budget: usize) -> Vec<EditionModel<'p>> {
    let mut groups: Vec<Vec<Section>> = vec![Vec::new()];
    let mut filled = 0;
    for section in &model.sections {
        let size = serde_json::to_vec(section).map_or(0, |bytes| bytes.len());
        let current = groups.last_mut().expect("one group at least");
        if !current.is_empty() && filled + size > budget {
            groups.push(Vec::new());
            filled = 0;
        }
        groups.last_mut().expect("one group at least").push(section.clone());
        filled += size;
    }
    let count = groups.len();
    (groups.into_iter().enumerate())
        .map(|(index, sections)| EditionModel {
            edition: model.edition,
            langs: model.langs,
            bilingual: model.bilingual,
            lang: model.lang,
            meta: model.meta,
            title_page: if index == 0 { model.title_page.clone() } else { None },
            sections,
            toc: model.toc.clone(),
            notes: model.notes.clone(),
            covers: if index + 1 == count { model.covers.clone() } else { Vec::new() },
        })
        .collect()
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
            let parts = split(model, 2_000);
            assert!(parts.len() > 3, "{} parts", parts.len());
            let joined: Vec<String> = parts.iter().flat_map(ids).collect();
            assert_eq!(joined, ids(model));
            assert!(parts[0].title_page.is_some() && parts[1..].iter().all(|p| p.title_page.is_none()));
            let last = parts.len() - 1;
            assert!(!parts[last].covers.is_empty() && parts[..last].iter().all(|p| p.covers.is_empty()));
            assert!(parts.iter().all(|p| !p.sections.is_empty() && p.notes.len() == model.notes.len()));
        });
    }

    #[test]
    fn a_model_within_the_budget_is_one_part() {
        with_code_model(EditionKind::Bilingual, |model| {
            let parts = split(model, usize::MAX);
            assert_eq!(parts.len(), 1);
            assert_eq!(ids(&parts[0]), ids(model));
            assert_eq!(parts[0].covers.len(), model.covers.len());
        });
    }

    #[test]
    fn a_section_larger_than_the_budget_is_a_part_of_its_own() {
        with_code_model(EditionKind::Ja, |model| {
            let parts = split(model, 1);
            assert_eq!(parts.len(), model.sections.len());
        });
    }
}
