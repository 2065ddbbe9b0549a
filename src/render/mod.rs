//! Renderers: each turns an [`EditionView`](crate::view::EditionView) into output bytes. They
//! know nothing of Markdown or of each other.

pub mod html;
pub mod pdf;

use crate::source::Location;

/// Why an edition could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// An error in a template, at the template's own file, line and column.
    #[error("{at}: {message}")]
    Template { at: Location, message: String, hints: Vec<String> },
    /// A font could not be read or none was found for a script.
    #[error("{0}")]
    Font(String),
    /// The document could not be exported (PDF/A or PDF/UA conformance, say).
    #[error("{0}")]
    Export(String),
    /// `error` comes from the content of one block of the edition, not from the templates.
    #[error("{}: {error}", culprit.address)]
    InContent { culprit: pdf::blame::Culprit, error: Box<RenderError> },
}
