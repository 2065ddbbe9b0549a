//! The numbered footnotes of one edition as it prints them: each language's text, its ids, and
//! the section after which the web edition prints it (the numbering itself: [`super::note_refs`]).

use serde::Serialize;

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
}
