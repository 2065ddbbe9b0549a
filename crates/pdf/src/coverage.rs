//! Which characters the PDF editions can print: the coverage of the fonts Typst sets them with
//! (the bundled ones and those of `--font-path`), read from the fonts' own tables as Typst parses
//! them ([`typst::text::FontInfo::coverage`]). Typst falls back through every font it has, so a
//! character prints when any of them has a glyph for it.
//!
//! The bundled fonts' coverage is a table `build.rs` wrote at compile time from the same tables,
//! so a check reads no font: only the names of the families, printed with a finding, are read
//! from the fonts, when first asked for.
//!
//! It implements [`codepub_core::glyphs::GlyphCoverage`], which the glyph check (P015) reads.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::fonts::FontSet;
use codepub_core::skipped::Skipped;
use codepub_view::render::RenderError;

mod bundled_table {
    include!(concat!(env!("OUT_DIR"), "/bundled_coverage.rs"));
}

/// The character coverage of a set of fonts, with their family names in loading order.
#[derive(Clone)]
pub struct FontCoverage {
    /// The fonts' families, or none for the bundled fonts' table (read from the fonts when
    /// asked for: [`bundled_families`]).
    families: Option<Vec<String>>,
    /// Every code point some font covers, as sorted, disjoint, inclusive ranges: one binary
    /// search per character.
    covered: Cow<'static, [(u32, u32)]>,
    /// The same for the Basic Multilingual Plane, one bit a code point (8 KiB), made from
    /// `covered` when first read: nearly every character of a text is there, and a bit is read
    /// in one step where the ranges take a dozen.
    plane_zero: OnceLock<Box<[u64; PLANE_ZERO_WORDS]>>,
    /// Entries of the `--font-path` folders that could not be read, left out.
    skipped: Vec<Skipped>,
}

impl FontCoverage {
    /// The coverage of the bundled fonts: the table written at compile time (no font is read).
    pub fn bundled() -> &'static FontCoverage {
        static BUNDLED: FontCoverage = FontCoverage {
            families: None,
            covered: Cow::Borrowed(bundled_table::COVERED),
            plane_zero: OnceLock::new(),
            skipped: Vec::new(),
        };
        &BUNDLED
    }

    /// Starts reading the bundled fonts on another thread, for a command that will typeset.
    pub fn warm() {
        crate::fonts::warm_bundled_fonts();
    }

    /// The coverage of the bundled fonts and those under `extra_dirs` (the `--font-path`
    /// folders), as the PDF renderer loads them.
    pub fn load(extra_dirs: &[PathBuf]) -> Result<FontCoverage, RenderError> {
        Ok(Self::of(&FontSet::load(extra_dirs)?))
    }

    /// The coverage of the fonts of `set`, read from the fonts as Typst parsed them.
    fn of(set: &FontSet) -> Self {
        let families = set.fonts.iter().map(|font| font.info().family.clone()).collect();
        let mut covered: Vec<(u32, u32)> = Vec::new();
        for font in &set.fonts {
            for c in font.info().coverage.iter() {
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
        FontCoverage {
            families: Some(families),
            covered: Cow::Owned(merged),
            plane_zero: OnceLock::new(),
            skipped: set.skipped.clone(),
        }
    }

    /// What the `--font-path` folders hold that could not be read, for the commands to warn
    /// about (the renderers leave out the same).
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Whether some font has a glyph for code point `c`.
    fn covers(&self, c: u32) -> bool {
        if c < 0x1_0000 {
            let bits = self.plane_zero.get_or_init(|| plane_zero_bits(&self.covered));
            return bits[(c / 64) as usize] & (1 << (c % 64)) != 0;
        }
        in_ranges(&self.covered, c)
    }

    /// Whether some font prints `c`. Spaces, control characters and default-ignorable
    /// characters (joiners, variation selectors) print nothing and need no glyph; the PDF export
    /// fails on control characters and U+FEFF all the same, which P016 reports.
    pub fn prints(&self, c: char) -> bool {
        self.covers(c as u32) || needs_no_glyph(c)
    }

    /// The families tried for every character, each once, in loading order.
    pub fn families(&self) -> Vec<&str> {
        let all: &[String] = match &self.families {
            Some(families) => families,
            None => bundled_families(),
        };
        let mut families: Vec<&str> = Vec::new();
        for family in all {
            if !families.contains(&family.as_str()) {
                families.push(family);
            }
        }
        families
    }
}

/// The families of the bundled fonts, one per font in loading order, read from the fonts once
/// per process (none if they cannot be read: the renderer reports that).
fn bundled_families() -> &'static [String] {
    static FAMILIES: OnceLock<Vec<String>> = OnceLock::new();
    FAMILIES.get_or_init(|| {
        let fonts = crate::fonts::bundled_fonts().unwrap_or_default();
        fonts.iter().map(|font| font.info().family.clone()).collect()
    })
}

impl codepub_core::glyphs::GlyphCoverage for FontCoverage {
    fn prints(&self, c: char) -> bool {
        FontCoverage::prints(self, c)
    }

    fn families(&self) -> Vec<&str> {
        FontCoverage::families(self)
    }
}

/// Whether `c` is within one of `covered` (sorted, disjoint, inclusive ranges).
fn in_ranges(covered: &[(u32, u32)], c: u32) -> bool {
    let at = covered.partition_point(|&(_, end)| end < c);
    covered.get(at).is_some_and(|&(start, _)| start <= c)
}

/// 64 code points a word: the Basic Multilingual Plane's 65 536.
const PLANE_ZERO_WORDS: usize = 0x1_0000 / 64;

/// One bit for each code point of the Basic Multilingual Plane within `covered` (sorted,
/// disjoint, inclusive ranges).
fn plane_zero_bits(covered: &[(u32, u32)]) -> Box<[u64; PLANE_ZERO_WORDS]> {
    let mut bits = Box::new([0u64; PLANE_ZERO_WORDS]);
    for &(start, end) in covered.iter().take_while(|&&(start, _)| start < 0x1_0000) {
        for c in start..=end.min(0xFFFF) {
            bits[(c / 64) as usize] |= 1 << (c % 64);
        }
    }
    bits
}

/// Whether `c` prints as nothing. U+1680 OGHAM SPACE MARK is white space with a glyph: the
/// export fails without one, so it needs a font like any letter.
fn needs_no_glyph(c: char) -> bool {
    (c.is_whitespace() && c != '\u{1680}') || c.is_control() || is_default_ignorable(c)
}

fn is_default_ignorable(c: char) -> bool {
    typst::text::is_default_ignorable(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bits of the Basic Multilingual Plane answer as the ranges do, for every code point:
    /// the bundled table, and ranges that start at 0, cross U+FFFF and end at the last code point.
    #[test]
    fn the_plane_zero_bits_cover_exactly_what_the_ranges_cover() {
        static OWN: &[(u32, u32)] =
            &[(0, 0), (0x41, 0x5A), (0x3040, 0x30FF), (0xFFF0, 0x1_0010), (0x10_FFFF, 0x10_FFFF)];
        for covered in [bundled_table::COVERED, OWN] {
            let coverage = FontCoverage {
                families: Some(Vec::new()),
                covered: Cow::Borrowed(covered),
                plane_zero: OnceLock::new(),
                skipped: Vec::new(),
            };
            let differ = (0..=0x10_FFFF).filter(|&c| coverage.covers(c) != in_ranges(covered, c)).count();
            assert_eq!(differ, 0);
        }
    }

    #[test]
    fn bundled_fonts_print_latin_kana_kanji_and_jis_x_0213_name_characters() {
        let coverage = FontCoverage::bundled();
        for c in "Aé–“”。、「」ア漢𠮷髙﨑".chars() {
            assert!(coverage.prints(c), "{c} U+{:04X}", c as u32);
        }
    }

    /// JIS X 0208 and JIS X 0213 (2004), every plane: BIZ UD and the Noto Serif CJK JP subset
    /// together. The two white parentheses ⦅⦆ (U+2985, U+2986) are in no bundled font.
    #[test]
    fn bundled_fonts_print_jis_x_0208_and_jis_x_0213() {
        let coverage = FontCoverage::bundled();
        let jis = include_str!("../../../tests/fixtures/japanese-repertoire.txt");
        let missing: String = jis.chars().filter(|&c| !coverage.prints(c)).collect();
        assert_eq!(missing, "⦅⦆");
    }

    #[test]
    fn the_merged_ranges_cover_exactly_what_some_font_covers() {
        let set = FontSet::load(&[]).expect("the bundled fonts");
        let coverage = FontCoverage::of(&set);
        let union: std::collections::HashSet<u32> =
            set.fonts.iter().flat_map(|font| font.info().coverage.iter()).collect();
        assert!(union.len() > 10_000, "{} code points", union.len());
        for c in 0..=0x10FFFF {
            assert_eq!(coverage.covers(c), union.contains(&c), "U+{c:04X}");
        }
    }

    /// The table `build.rs` wrote is what Typst reads from the fonts, range for range.
    #[test]
    fn the_compile_time_table_is_the_coverage_typst_reads_from_the_bundled_fonts() {
        let parsed = FontCoverage::of(&FontSet::load(&[]).expect("the bundled fonts"));
        assert_eq!(FontCoverage::bundled().covered, parsed.covered);
        assert_eq!(FontCoverage::bundled().families(), parsed.families());
        assert!(!parsed.families().is_empty());
    }

    #[test]
    fn emoji_and_arabic_ligature_are_not_printable() {
        let coverage = FontCoverage::bundled();
        assert!(!coverage.prints('😀'));
        assert!(!coverage.prints('﷽'));
    }

    #[test]
    fn the_ogham_space_mark_needs_a_glyph_like_a_letter() {
        assert!(!FontCoverage::bundled().prints('\u{1680}'));
        assert!(FontCoverage::bundled().prints('\u{3000}'));
    }

    #[test]
    fn joiners_and_variation_selectors_need_no_glyph() {
        let coverage = FontCoverage::bundled();
        for c in ['\u{200D}', '\u{FE0F}', '\u{E0100}', '\t'] {
            assert!(coverage.prints(c), "U+{:04X}", c as u32);
        }
    }
}
