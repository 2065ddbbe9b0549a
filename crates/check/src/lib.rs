//! codepub-check: the translation-parity checks ([`check`]) over the aligned documents of
//! `codepub-core`, the baseline's acceptances applied to their findings, the long explanation of
//! each check ([`explain`]), the fixes they offer ([`fix`]) and the reporters that print them
//! ([`report`]: human, JSON, SARIF, GitHub, GitLab).
//!
//! No renderer is below this crate: what the editions' fonts can print reaches P015 through the
//! [`codepub_core::glyphs::GlyphCoverage`] trait, which the PDF renderer implements. A check-only
//! build of codepub is this crate and the core, without Typst or HTML templates.

pub mod accept;
pub mod check;
pub mod explain;
pub mod fix;
pub mod report;
