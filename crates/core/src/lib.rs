//! codepub-core: what codepub reads and how it reads it, below every other layer.
//!
//! Sources (`codepub.toml`, each language's Markdown, the glossary, the baseline and the
//! translation record) are [`load`]ed through a [`source::SourceTree`] into one
//! [`model::Document`] per language, every node with its [`source::Span`], and [`align`]ed clause
//! by clause into one [`align::Alignment`] that every later stage reads. Blocks are keyed by
//! [`address::Address`]; the two languages of anything are a [`pair::Pair`]; numbers in either
//! script are read in [`numerals`]. Writing a file or a set of files atomically ([`write`],
//! [`publish`]) is here too, since every layer above writes through it.
//!
//! Nothing here knows of checks, editions or renderers: the crates above (`codepub-check`,
//! `codepub-view`, the renderers, the `codepub` binary) depend on this one, never the reverse.

pub mod address;
pub mod align;
pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod dictionary;
pub mod error;
pub mod glossary;
pub mod glyphs;
pub mod heading_ids;
pub mod i18n;
pub mod invisible;
pub mod load;
pub mod loanword;
pub mod location;
pub mod lock;
pub mod memory;
pub mod model;
pub mod nfc;
pub mod numerals;
pub mod pair;
pub mod parallel;
pub mod percent;
pub mod publish;
pub mod quotes;
pub mod script;
pub mod skipped;
pub mod source;
pub mod whitespace;
pub mod write;
