//! The numbered footnotes of one edition as it prints them: each language's text, its ids, and
//! the section after which the web edition prints it (the numbering itself: [`super::note_refs`]).

use serde::Serialize;

use codepub_core::address::Address;
use codepub_core::pair::Pair;

use super::runs::BlockView;

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
    /// The aligned pair of each of `blocks`, in order (`footnote-1#1`, or `footnote-1#ja1` for a
    /// block without counterpart), which [`super::EditionModel::mark_provisional`] looks up;
    /// `None` for a block the alignment does not hold. Not serialised: the renderers read the
    /// marks only, so an ordinary build's data is what it always was.
    #[serde(skip)]
    pub addresses: Vec<Option<Address>>,
    /// The indices (0-based) of `blocks` whose translation is provisional, set by
    /// [`super::EditionModel::mark_provisional`]; serialised only when there is one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub provisional: Vec<usize>,
}
