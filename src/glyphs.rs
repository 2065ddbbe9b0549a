//! The coverage of the fonts the PDF editions will be set with, for the glyph check (P015): the
//! PDF renderer's bundled fonts and those of `--font-path`, or, in a build without the PDF
//! renderer, no fonts known ([`codepub_core::glyphs::Unknown`]: every character prints).

use std::path::PathBuf;

use codepub_core::glyphs::GlyphCoverage;
use codepub_core::skipped::Skipped;

use crate::failure::Failure;

/// The editions' fonts, as the checks see them.
pub enum EditionFonts {
    #[cfg(feature = "pdf")]
    Bundled(&'static codepub_pdf::coverage::FontCoverage),
    #[cfg(feature = "pdf")]
    Loaded(codepub_pdf::coverage::FontCoverage),
    Unknown,
}

impl EditionFonts {
    /// The bundled fonts and those under `font_paths` (the `--font-path` folders), as the PDF
    /// renderer loads them.
    pub fn load(font_paths: &[PathBuf]) -> Result<EditionFonts, Failure> {
        #[cfg(feature = "pdf")]
        {
            use codepub_pdf::coverage::FontCoverage;
            if font_paths.is_empty() {
                return Ok(EditionFonts::Bundled(FontCoverage::bundled()));
            }
            let coverage =
                FontCoverage::load(font_paths).map_err(|error| Failure::Render { what: "pdf".into(), error })?;
            Ok(EditionFonts::Loaded(coverage))
        }
        #[cfg(not(feature = "pdf"))]
        {
            let _ = font_paths;
            Ok(EditionFonts::Unknown)
        }
    }

    /// What the fonts print.
    pub fn coverage(&self) -> &dyn GlyphCoverage {
        match self {
            #[cfg(feature = "pdf")]
            EditionFonts::Bundled(coverage) => *coverage,
            #[cfg(feature = "pdf")]
            EditionFonts::Loaded(coverage) => coverage,
            EditionFonts::Unknown => &codepub_core::glyphs::Unknown,
        }
    }

    /// What the `--font-path` folders hold that could not be read, for the commands to warn
    /// about (the renderers leave out the same).
    pub fn skipped(&self) -> &[Skipped] {
        match self {
            #[cfg(feature = "pdf")]
            EditionFonts::Bundled(coverage) => coverage.skipped(),
            #[cfg(feature = "pdf")]
            EditionFonts::Loaded(coverage) => coverage.skipped(),
            EditionFonts::Unknown => &[],
        }
    }
}

/// The coverage of the bundled fonts (a table built in at compile time).
pub fn bundled() -> &'static dyn GlyphCoverage {
    #[cfg(feature = "pdf")]
    return codepub_pdf::coverage::FontCoverage::bundled();
    #[cfg(not(feature = "pdf"))]
    return &codepub_core::glyphs::Unknown;
}

/// Starts reading the bundled fonts on another thread, for a command that will typeset them or
/// read the coverage of `--font-path` fonts beside them.
pub fn warm() {
    #[cfg(feature = "pdf")]
    codepub_pdf::coverage::FontCoverage::warm();
}
