//! codepub: publishes official texts in two languages at once.
//!
//! Sources (Markdown per language, `codepub.toml`) are [`load`]ed into a bilingual
//! [`model`], [`align`]ed clause by clause, [`check`]ed for translation parity, and rendered
//! into editions from a language-neutral [`view`]; [`live`] does it again on every change
//! (`codepub watch`, `codepub serve`).
//!
//! ```
//! use std::path::Path;
//!
//! // The shipped Code passes its parity check, its accepted findings aside.
//! let project = codepub::load::load(Path::new(env!("CARGO_MANIFEST_DIR")))?;
//! let alignment = project.alignment();
//! let report = codepub::check::run(&project, &alignment, codepub::check::RunOptions::default());
//! assert!(report.failing().next().is_none());
//! assert!(report.findings.iter().any(|finding| finding.accepted.is_some()));
//! # Ok::<(), codepub::error::InputError>(())
//! ```

pub mod address;
pub mod align;
pub mod baseline;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod diff;
pub mod error;
pub mod explain;
pub mod fix;
pub mod glossary;
pub mod glyphs;
pub mod i18n;
pub mod import;
pub mod invisible;
pub mod live;
pub mod load;
pub mod loanword;
pub mod lock;
pub mod lsp;
pub mod memory;
pub mod model;
pub mod nfc;
pub mod numerals;
pub mod pair;
pub mod percent;
pub mod publish;
pub mod render;
pub mod report;
pub mod script;
pub mod skipped;
pub mod source;
pub mod timings;
pub mod view;
pub mod write;
pub mod xliff;
