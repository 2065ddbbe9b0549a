//! Which characters the PDF editions can print: the coverage of the fonts Typst sets them with
//! (the bundled ones and those of `--font-path`), read from the fonts' own tables as Typst parses
//! them ([`typst::text::FontInfo::coverage`]). Typst falls back through every font it has, so a
//! character prints when any of them has a glyph for it.

//!
//! A build without the `pdf` feature has no fonts: its coverage is unknown, every character
//! counts as printable and P015 reports nothing (CONTRIBUTING.md says so).

use std::path::PathBuf;
use std::sync::OnceLock;

#[cfg(feature = "pdf")]
use typst::text::Coverage;

use crate::render::RenderError;
#[cfg(feature = "pdf")]
use crate::render::pdf::fonts::FontSet;
use crate::skipped::Skipped;

/// Without the `pdf` feature: no coverage is known.
#[cfg(not(feature = "pdf"))]
#[derive(Clone)]
struct Coverage;

#[cfg(not(feature = "pdf"))]
impl Coverage {
    fn iter(&self) -> std::iter::Empty<u32> {
        std::iter::empty()
    }
}

/// The character coverage of a set of fonts, with their family names in loading order.
#[derive(Clone)]
pub struct GlyphCoverage {
    fonts: Vec<(String, Coverage)>,
    /// Every code point some font covers, as sorted, disjoint, inclusive ranges: one binary
    /// search per character (a font's own coverage is searched run by run).
    covered: Vec<(u32, u32)>,
    /// Entries of the `--font-path` folders that could not be read, left out.
    skipped: Vec<Skipped>,
}

impl GlyphCoverage {
    /// The coverage of the bundled fonts, from the fonts the renderer parses (once per process).
    pub fn bundled() -> &'static GlyphCoverage {
        static BUNDLED: OnceLock<GlyphCoverage> = OnceLock::new();
        BUNDLED.get_or_init(|| Self::load(&[]).unwrap_or_else(|_| GlyphCoverage::new(Vec::new())))
    }

    /// Starts reading the bundled fonts on another thread (see [`GlyphCoverage::bundled`]).
    pub fn warm() {
        #[cfg(feature = "pdf")]
        crate::render::pdf::fonts::warm_bundled_fonts();
    }

    /// The coverage of the bundled fonts and those under `extra_dirs` (the `--font-path`
    /// folders), as the PDF renderer loads them.
    #[cfg(feature = "pdf")]
    pub fn load(extra_dirs: &[PathBuf]) -> Result<GlyphCoverage, RenderError> {
        Ok(Self::of(&FontSet::load(extra_dirs)?))
    }

    /// Without the `pdf` feature there are no fonts to read.
    #[cfg(not(feature = "pdf"))]
    pub fn load(_: &[PathBuf]) -> Result<GlyphCoverage, RenderError> {
        Ok(GlyphCoverage::new(Vec::new()))
    }

    #[cfg(feature = "pdf")]
    fn of(set: &FontSet) -> Self {
        let fonts = set.fonts.iter().map(|font| (font.info().family.clone(), font.info().coverage.clone())).collect();
        GlyphCoverage { skipped: set.skipped.clone(), ..GlyphCoverage::new(fonts) }
    }

    fn new(fonts: Vec<(String, Coverage)>) -> Self {
        let mut covered: Vec<(u32, u32)> = Vec::new();
        for (_, coverage) in &fonts {
            for c in coverage.iter() {
                match covered.last_mut() {
                    Some((_, end)) if *end + 1 == c => *end = c,
                    _ => covered.push((c, c)),
                }
            }
        }
        covered.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(covered.len());
        for (start, end) in covered {
            match merged.last_mut() {
                Some((_, last)) if start <= last.saturating_add(1) => *last = (*last).max(end),
                _ => merged.push((start, end)),
            }
        }
        GlyphCoverage { fonts, covered: merged, skipped: Vec::new() }
    }

    /// What the `--font-path` folders hold that could not be read, for the commands to warn
    /// about (the renderers leave out the same).
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Whether some font has a glyph for code point `c`.
    fn covers(&self, c: u32) -> bool {
        let at = self.covered.partition_point(|&(_, end)| end < c);
        self.covered.get(at).is_some_and(|&(start, _)| start <= c)
    }

    /// Whether some font prints `c`. Spaces, control characters and default-ignorable
    /// characters (joiners, variation selectors) print nothing and need no glyph; the PDF export
    /// fails on control characters and U+FEFF all the same, which P016 reports.
    pub fn prints(&self, c: char) -> bool {
        // Without the `pdf` feature no coverage is known: nothing is reported.
        !cfg!(feature = "pdf") || needs_no_glyph(c) || self.covers(c as u32)
    }

    /// The families tried for every character, each once, in loading order.
    pub fn families(&self) -> Vec<&str> {
        let mut families: Vec<&str> = Vec::new();
        for (family, _) in &self.fonts {
            if !families.contains(&family.as_str()) {
                families.push(family);
            }
        }
        families
    }
}

/// Whether `c` prints as nothing. U+1680 OGHAM SPACE MARK is white space with a glyph: the
/// export fails without one, so it needs a font like any letter.
fn needs_no_glyph(c: char) -> bool {
    (c.is_whitespace() && c != '\u{1680}') || c.is_control() || is_default_ignorable(c)
}

#[cfg(feature = "pdf")]
fn is_default_ignorable(c: char) -> bool {
    typst::text::is_default_ignorable(c)
}

#[cfg(not(feature = "pdf"))]
fn is_default_ignorable(_: char) -> bool {
    false
}

#[cfg(all(test, feature = "pdf"))]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_print_latin_kana_kanji_and_jis_x_0213_name_characters() {
        let coverage = GlyphCoverage::bundled();
        for c in "Aé–“”。、「」ア漢𠮷髙﨑".chars() {
            assert!(coverage.prints(c), "{c} U+{:04X}", c as u32);
        }
    }

    /// JIS X 0208 and JIS X 0213 (2004), every plane: BIZ UD and the Noto Serif CJK JP subset
    /// together. The two white parentheses ⦅⦆ (U+2985, U+2986) are in no bundled font.
    #[test]
    fn bundled_fonts_print_jis_x_0208_and_jis_x_0213() {
        let coverage = GlyphCoverage::bundled();
        let jis = include_str!("../tests/fixtures/japanese-repertoire.txt");
        let missing: String = jis.chars().filter(|&c| !coverage.prints(c)).collect();
        assert_eq!(missing, "⦅⦆");
    }

    #[test]
    fn the_merged_ranges_cover_exactly_what_some_font_covers() {
        let coverage = GlyphCoverage::bundled();
        let union: std::collections::HashSet<u32> =
            coverage.fonts.iter().flat_map(|(_, coverage)| coverage.iter()).collect();
        assert!(union.len() > 10_000, "{} code points", union.len());
        for c in 0..=0x10FFFF {
            assert_eq!(coverage.covers(c), union.contains(&c), "U+{c:04X}");
        }
    }

    #[test]
    fn emoji_and_arabic_ligature_are_not_printable() {
        let coverage = GlyphCoverage::bundled();
        assert!(!coverage.prints('😀'));
        assert!(!coverage.prints('﷽'));
    }

    #[test]
    fn the_ogham_space_mark_needs_a_glyph_like_a_letter() {
        assert!(!GlyphCoverage::bundled().prints('\u{1680}'));
        assert!(GlyphCoverage::bundled().prints('\u{3000}'));
    }

    #[test]
    fn joiners_and_variation_selectors_need_no_glyph() {
        let coverage = GlyphCoverage::bundled();
        for c in ['\u{200D}', '\u{FE0F}', '\u{E0100}', '\t'] {
            assert!(coverage.prints(c), "U+{:04X}", c as u32);
        }
    }
}
