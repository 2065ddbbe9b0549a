//! Traces a failed render to the source block that causes it. The pieces of the edition's model
//! ([`Piece`]: one language's text of one block) are halved, each half rendered alone, until one
//! piece alone fails; the error is then reported at that block's file, line and column, with
//! the template's place as a hint. When the edition's frame fails with no piece at all, or only
//! pieces together fail, no block is to blame and the error stays where the template put it.

use std::collections::HashSet;

use crate::view::{EditionModel, Piece};
use codepub_core::align::Alignment;
use codepub_core::load::location;
use codepub_core::source::SourceMap;

use super::RenderError;

/// The piece that makes `fails` true when rendered alone, found by halving; `None` when the
/// frame alone fails or no single piece does.
pub fn culprit(model: &EditionModel<'_>, fails: impl Fn(&EditionModel<'_>) -> bool) -> Option<Piece> {
    if fails(&model.keeping(&|_| false)) {
        return None;
    }
    let only = |set: &[Piece]| {
        let set: HashSet<&Piece> = set.iter().collect();
        fails(&model.keeping(&|piece| set.contains(piece)))
    };
    let mut candidates = model.pieces();
    while candidates.len() > 1 {
        let (first, second) = candidates.split_at(candidates.len() / 2);
        candidates = if only(first) {
            first.to_vec()
        } else if only(second) {
            second.to_vec()
        } else {
            return None;
        };
    }
    let piece = candidates.pop()?;
    only(std::slice::from_ref(&piece)).then_some(piece)
}

/// `error`, the failure of rendering `model` with `render`, placed at the source block that
/// causes it when one alone does.
pub fn in_source(
    error: RenderError,
    model: &EditionModel<'_>,
    alignment: &Alignment<'_>,
    sources: &SourceMap,
    render: impl Fn(&EditionModel<'_>) -> Result<(), RenderError>,
) -> RenderError {
    if !matches!(error, RenderError::Template { .. } | RenderError::Export(_)) {
        return error;
    }
    let Some(piece) = culprit(model, |cut| render(cut).is_err()) else { return error };
    let Some(span) = alignment.span_of(&piece.address, piece.lang) else { return error };
    RenderError::InSource {
        at: location(sources, span),
        address: piece.address,
        lang: piece.lang,
        cause: Box::new(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::EditionKind;
    use codepub_core::address::{Address, Owner};
    use codepub_core::model::Lang;

    /// The culprit search on the shipped Code's bilingual model, with `fails` as the renderer.
    fn search(fails: impl Fn(&EditionModel<'_>) -> bool) -> Option<Piece> {
        let project = codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .expect("shipped project");
        let alignment = project.alignment();
        let model = EditionModel::build(&alignment, &project.config.edition, EditionKind::Bilingual);
        culprit(&model, fails)
    }

    fn has(model: &EditionModel<'_>, piece: &Piece) -> bool {
        model.pieces().contains(piece)
    }

    #[test]
    fn the_one_piece_that_fails_is_found_wherever_it_is() {
        let pieces = {
            let project =
                codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))).unwrap();
            let alignment = project.alignment();
            EditionModel::build(&alignment, &project.config.edition, EditionKind::Bilingual).pieces()
        };
        for bad in [&pieces[0], &pieces[7], &pieces[pieces.len() / 2], pieces.last().unwrap()] {
            assert_eq!(search(|model| has(model, bad)).as_ref(), Some(bad));
        }
        let heading = Piece { address: Address::heading(Owner::clause("principle-3")), lang: Lang::Ja };
        assert_eq!(search(|model| has(model, &heading)), Some(heading));
    }

    #[test]
    fn nothing_is_blamed_when_the_frame_alone_fails() {
        assert_eq!(search(|_| true), None);
    }

    #[test]
    fn nothing_is_blamed_when_only_two_pieces_together_fail() {
        let a = Piece { address: Address::heading(Owner::clause("principle-1")), lang: Lang::En };
        let b = Piece { address: Address::heading(Owner::clause("principle-10")), lang: Lang::Ja };
        assert_eq!(search(|model| has(model, &a) && has(model, &b)), None);
    }
}
