//! Renderers: each lays out an [`EditionModel`] (the render model of [`crate::view`]) as files,
//! behind one [`Renderer`] trait. `codepub build` loops over the requested renderers and
//! editions; it knows no file name a renderer writes. Renderers know nothing of Markdown or of
//! each other; all of them read their templates through one loader ([`templates`]).

pub mod blame;
pub mod templates;

use crate::view::{EditionKind, EditionModel};
use codepub_core::address::Address;
use codepub_core::diagnostic::Diagnostic;
use codepub_core::i18n::Message;
use codepub_core::location::Location;
use codepub_core::model::Lang;

pub use templates::Templates;

/// What every render of a build shares: where templates come from, the project's slug (the
/// stem of its output names), and how the renders may use the caches they share.
#[derive(Clone, Debug)]
pub struct RenderContext {
    pub templates: Templates,
    pub slug: String,
    pub caches: CacheUse,
}

/// How a render may treat the caches every render of the process shares (Typst's memo cache).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CacheUse {
    /// Beside other renders, or before the next pass of `watch`: what is cached stays for them
    /// (an edition laid out in passes keeps every pass's results).
    #[default]
    Shared,
    /// Alone (`build` renders large sources one edition at a time): an edition laid out in
    /// passes may release what its earlier passes cached, so that memory holds about one pass.
    Own,
}

/// One output file: its path relative to the output folder (`/`-separated; a file in a folder,
/// `html/index.html`, belongs to a folder the build replaces as a whole) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// An output format.
pub trait Renderer: Sync {
    /// The format's name, in messages (`PDF`, `HTML`).
    fn name(&self) -> &'static str;

    /// Whether the format has a form of `edition` (HTML has none of the facing-pages edition).
    fn renders(&self, _edition: EditionKind) -> bool {
        true
    }

    /// The files of one edition: none of an edition the format does not render.
    fn render_edition(&self, edition: &EditionModel<'_>, cx: &RenderContext) -> Result<Vec<Output>, RenderError>;

    /// Lets go of what rendering an edition left cached (Typst's memoised layouts), so that the
    /// next edition of a large document starts from an empty cache; the next render is slower.
    fn release_caches(&self) {}

    /// Whether a live preview shows this format first (the HTML pages): after the first pass,
    /// a live loop renders and writes it before it checks the sources, so that the pages follow
    /// an edit as soon as they can, and the findings a moment later.
    fn is_preview(&self) -> bool {
        false
    }

    /// The template file (as users see it named) and line a Typst span of this renderer's
    /// points into, for `--timings`; `None` for a format without Typst templates.
    fn locate_span(&self, _span: std::num::NonZeroU64) -> Option<(String, u32)> {
        None
    }

    /// Files every edition of the format shares (a stylesheet), written with them.
    fn shared(&self, _cx: &RenderContext) -> Result<Vec<Output>, RenderError> {
        Ok(Vec::new())
    }

    /// How many parts of long editions this renderer has laid out over its life, and how many
    /// it took as its last render of the edition left them (a renderer kept across renders, in
    /// `codepub watch`); none for a format that does not render in parts.
    fn parts_laid_out_and_reused(&self) -> (usize, usize) {
        (0, 0)
    }
}

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
    /// The pages could not be laid out as the edition requires (a page of the facing-pages
    /// edition overflows whatever margin is kept free): the whole edition's failure, traced to
    /// no block.
    #[error("{0}")]
    Layout(String),
    /// A template or export error traced to the source block whose text causes it ([`blame`]).
    #[error("{at}: {}", cause.message())]
    InSource { at: Location, address: Address, lang: Lang, cause: Box<RenderError> },
}

impl RenderError {
    /// The error as a diagnostic: `what` (the edition, or `redline`) could not be rendered, with
    /// the source block it was traced to, the template line, and Typst's hints.
    pub fn diagnostic(&self, what: &str) -> Diagnostic {
        let message = Message::new("error-render").arg("edition", what).arg("reason", self.to_string());
        let mut diagnostic = Diagnostic::error(message);
        if let RenderError::InSource { address, lang, cause, .. } = self {
            let block = Message::new("hint-render-block").arg("address", address.to_string());
            diagnostic = diagnostic.hint(block.arg("lang", lang.to_string()));
            if let RenderError::Template { at, .. } = cause.as_ref() {
                diagnostic = diagnostic.hint(Message::new("hint-render-template").arg("at", at.to_string()));
            }
        }
        for hint in self.hints() {
            diagnostic = diagnostic.hint(Message::text(hint.as_str()));
        }
        diagnostic
    }

    /// What went wrong, without the place.
    pub fn message(&self) -> String {
        match self {
            RenderError::Template { message, .. } => message.clone(),
            RenderError::InSource { cause, .. } => cause.message(),
            other => other.to_string(),
        }
    }

    /// Typst's hints and call trace of a template error (also when traced to the source).
    pub fn hints(&self) -> &[String] {
        match self {
            RenderError::Template { hints, .. } => hints,
            RenderError::InSource { cause, .. } => cause.hints(),
            _ => &[],
        }
    }

    /// The error for data that could not be serialised for the templates.
    pub fn data(error: impl std::fmt::Display) -> Self {
        RenderError::Export(format!("the edition data could not be serialised: {error}"))
    }
}
