//! What the editions' fonts can print, as the checks see it: a [`GlyphCoverage`] trait that the
//! PDF renderer implements from the fonts it sets the editions with (`codepub_pdf::coverage`), so
//! that P015 reads the coverage without any check importing a renderer.
//!
//! A build without the PDF renderer has no fonts: its coverage is [`Unknown`], every character
//! counts as printable and P015 reports nothing (CONTRIBUTING.md says so).

/// The characters a set of fonts can print.
pub trait GlyphCoverage: Sync {
    /// Whether some font prints `c` (spaces, control characters and default-ignorable ones need
    /// no glyph).
    fn prints(&self, c: char) -> bool;

    /// The families tried for every character, each once, in loading order.
    fn families(&self) -> Vec<&str>;
}

/// No fonts known: every character prints.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unknown;

impl GlyphCoverage for Unknown {
    fn prints(&self, _: char) -> bool {
        true
    }

    fn families(&self) -> Vec<&str> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_coverage_prints_everything_and_names_no_font() {
        assert!(Unknown.prints('😀') && Unknown.prints('a'));
        assert!(Unknown.families().is_empty());
    }
}
