//! codepub: publishes official texts in two languages at once.
//!
//! The work is done in a workspace of crates, each a layer that can only use those below it
//! (`docs/architecture.md`): `codepub-core` loads and aligns the sources, `codepub-check` checks
//! their parity and reports it, `codepub-view` builds the render model of each edition and the
//! revision diff, `codepub-pdf` and `codepub-html` render them. This crate is the top: the
//! [`pipeline`] that renders and publishes editions, the [`live`] loop of `codepub watch` and
//! `serve`, the language server ([`lsp`]), the XLIFF exchange ([`xliff`]) and the
//! [`translation_memory`] of what was signed off, the plain-text
//! import of `codepub init` ([`text_import`]) and the adoption date a title matter states
//! ([`adopted`]); the `codepub` binary's command line sits on it.
//! The lower crates' modules are re-exported here under their own names.
//!
//! ```
//! use std::path::Path;
//!
//! // The shipped Code passes its parity check, its accepted findings aside.
//! let project = codepub::load::load(Path::new(env!("CARGO_MANIFEST_DIR")))?;
//! let alignment = project.alignment();
//! let options = codepub::check::RunOptions::default();
//! let report = codepub::check::run(&project, &alignment, options, codepub::glyphs::bundled());
//! assert!(report.failing().next().is_none());
//! assert!(report.findings.iter().any(|finding| finding.accepted.is_some()));
//! # Ok::<(), codepub::error::InputError>(())
//! ```

pub use codepub_check::{check, explain, fix, report};
pub use codepub_core::{
    address, align, baseline, config, diagnostic, error, glossary, i18n, invisible, load, loanword, location, lock,
    memory, model, nfc, numerals, pair, percent, publish, script, skipped, source, write,
};
pub use codepub_view::{diff, timings, view};

/// The renderers: the `Renderer` trait and what they share (`codepub-view`), and the PDF and
/// HTML renderers of this build.
pub mod render {
    #[cfg(feature = "html")]
    pub use codepub_html as html;
    #[cfg(feature = "pdf")]
    pub use codepub_pdf as pdf;
    pub use codepub_view::render::*;
}

pub mod adopted;
pub mod failure;
pub mod glyphs;
pub mod live;
pub mod lsp;
pub mod markdown_import;
pub mod pipeline;
pub mod text_import;
pub mod translation_memory;
pub mod xliff;
