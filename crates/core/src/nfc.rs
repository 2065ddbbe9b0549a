//! Unicode normalization as codepub reads text: NFC (canonical composition), except that CJK
//! compatibility ideographs are kept as written.
//!
//! A source saved in NFD (by some macOS tools, input methods and CAT tools) spells `が` as `か`
//! and U+3099, `é` as `e` and U+0301: it looks the same and is not the same string. The loader
//! gives the model normalised text (clause ids, inline text, code, link targets, footnote
//! labels), so the checks, the alignment and the editions compare and print one spelling; the
//! spans still point at the bytes of the file as it is on disk, so every place reported is in
//! the file and a file already normalised reads exactly as before. The fingerprints of the
//! translation record (`lock::normalise`), the glossary's terms and the baseline's keys
//! are normalised the same way. P017 reports a source that is not normalised, with a fix that
//! rewrites it.
//!
//! Decision: CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) are left alone. NFC
//! maps each to its unified ideograph (`神` U+FA19 becomes `神` U+795E): another glyph in print,
//! so a name character of JIS X 0213 would silently change in the edition. The publisher wrote
//! that character, and codepub keeps it. (Unicode's own answer, a standardized variation
//! sequence, prints right only in fonts that support it.) These ideographs are starters that
//! compose with nothing, so keeping them does not change how the text around them normalises.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Whether `c` is a CJK compatibility ideograph, which codepub does not normalise.
fn is_cjk_compatibility(c: char) -> bool {
    matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// Whether `c` is a starter (combining class 0) that NFC keeps as it is and nothing composes
/// with: ASCII, and the bulk of a Japanese text (kanji, kana, full-width forms, CJK punctuation
/// but the ideographic tone marks U+302A–U+302F). A quick check passes over it in a few
/// comparisons, where the tables take two lookups.
fn is_inert(c: char) -> bool {
    matches!(c,
        '\0'..='\u{7F}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF60}')
}

/// The Unicode quick check for NFC of `text`, as [`is_nfc_quick`] answers it: an inert character
/// ([`is_inert`]) changes nothing and starts the ordering of combining classes afresh, so only
/// the runs between inert characters are looked up.
fn quick_check(text: &str) -> IsNormalized {
    // ASCII is in every normal form, and a text of it is told a word at a time.
    if text.is_ascii() {
        return IsNormalized::Yes;
    }
    let mut result = IsNormalized::Yes;
    for run in text.split(is_inert).filter(|run| !run.is_empty()) {
        match is_nfc_quick(run.chars()) {
            IsNormalized::Yes => {}
            IsNormalized::Maybe => result = IsNormalized::Maybe,
            IsNormalized::No => return IsNormalized::No,
        }
    }
    result
}

/// Whether a segment may start at `c`: nothing before it can compose or reorder with it.
fn starts_segment(c: char) -> bool {
    is_cjk_compatibility(c)
        || (canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// The text cut where normalising the pieces one by one gives the normalised whole: before every
/// character nothing composes with, and around each CJK compatibility ideograph.
fn segments(text: &str) -> Vec<Range<usize>> {
    let mut segments = Vec::new();
    let mut start = 0;
    let mut after_kept = false;
    for (offset, c) in text.char_indices() {
        if offset > start && (after_kept || starts_segment(c)) {
            segments.push(start..offset);
            start = offset;
        }
        after_kept = is_cjk_compatibility(c);
    }
    if start < text.len() {
        segments.push(start..text.len());
    }
    segments
}

/// One segment normalised.
fn normalise_segment(segment: &str) -> Cow<'_, str> {
    if segment.chars().next().is_some_and(is_cjk_compatibility) {
        return Cow::Borrowed(segment);
    }
    match quick_check(segment) {
        IsNormalized::Yes => Cow::Borrowed(segment),
        _ => {
            let composed: String = segment.nfc().collect();
            if composed == segment { Cow::Borrowed(segment) } else { Cow::Owned(composed) }
        }
    }
}

/// Whether `text` reads the same normalised.
pub fn is_normalized(text: &str) -> bool {
    quick_check(text) == IsNormalized::Yes || not_normalized(text).is_none()
}

/// `text` normalised; borrowed when it already is.
pub fn normalize(text: &str) -> Cow<'_, str> {
    // ASCII is in every normal form; most English paragraphs are ASCII.
    if text.is_ascii() || quick_check(text) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut changed = false;
    for range in segments(text) {
        let segment = normalise_segment(&text[range.clone()]);
        changed |= matches!(segment, Cow::Owned(_));
        out.push_str(&segment);
    }
    if changed { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

/// Normalises `text` where it stands.
pub fn normalize_in_place(text: &mut String) {
    if let Cow::Owned(normalized) = normalize(text) {
        *text = normalized;
    }
}

/// Where a text is not normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotNormalized {
    /// The first stretch that normalises to something else (`か` and U+3099).
    pub first: Range<usize>,
    /// From the first such stretch to the end of the last: the smallest range whose replacement
    /// by [`NotNormalized::replacement`] normalises the whole text.
    pub range: Range<usize>,
    pub replacement: String,
    /// How many stretches change.
    pub count: usize,
}

/// Where `text` is not normalised, or `None` when it is.
pub fn not_normalized(text: &str) -> Option<NotNormalized> {
    if quick_check(text) == IsNormalized::Yes {
        return None;
    }
    let changed: Vec<Range<usize>> = (segments(text).into_iter())
        .filter(|range| matches!(normalise_segment(&text[range.clone()]), Cow::Owned(_)))
        .collect();
    let (first, last) = (changed.first()?.clone(), changed.last()?.clone());
    let range = first.start..last.end;
    let replacement = normalize(&text[range.clone()]).into_owned();
    Some(NotNormalized { first, range, replacement, count: changed.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NFD_GAKUSEI: &str = "\u{304B}\u{3099}\u{304F}\u{305B}\u{3044}";

    /// The quick check over runs answers as the whole text's: every inert character is one the
    /// tables call a starter that is normalised, and every character, alone and beside inert
    /// characters, combining marks and sound marks, is judged alike.
    #[test]
    fn the_quick_check_over_runs_answers_as_over_the_whole_text() {
        let all = || (0..=0x10_FFFF).filter_map(char::from_u32);
        for c in all().filter(|&c| is_inert(c)) {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "U+{:04X}", c as u32);
        }
        for c in all() {
            for text in [
                format!("{c}"),
                format!("a{c}\u{301}"),
                format!("\u{301}{c}か"),
                format!("か{c}\u{3099}"),
                format!("\u{316}{c}\u{301}\u{316}"),
            ] {
                assert_eq!(quick_check(&text), is_nfc_quick(text.chars()), "{:?}", text.escape_unicode().to_string());
            }
        }
    }

    #[test]
    fn decomposed_kana_and_accents_are_composed() {
        assert_eq!(normalize(NFD_GAKUSEI), "がくせい");
        assert_eq!(normalize("cafe\u{301}"), "café");
        assert!(!is_normalized(NFD_GAKUSEI));
        assert!(is_normalized("がくせい café"));
    }

    #[test]
    fn normalised_text_is_borrowed_as_it_is() {
        assert!(matches!(normalize("# 学生 {#gakusei}\n\nがくせい。\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn cjk_compatibility_ideographs_are_kept_as_written() {
        // 神 U+FA19 would become 神 U+795E in NFC; the accent after it still composes nothing.
        let text = "\u{FA19}社と\u{FA19}\u{301}";
        assert!(is_normalized(text));
        assert_eq!(normalize(&format!("{text}{NFD_GAKUSEI}")), format!("{text}がくせい"));
    }

    #[test]
    fn the_changed_stretch_spans_the_first_to_the_last_decomposed_character() {
        let text = format!("ab {NFD_GAKUSEI} cd e\u{301}f");
        let found = not_normalized(&text).unwrap();
        assert_eq!(found.first, 3..9);
        assert_eq!(found.count, 2);
        assert_eq!(&text[found.range.end..], "f");
        let mut fixed = text.clone();
        fixed.replace_range(found.range, &found.replacement);
        assert_eq!(fixed, "ab がくせい cd éf");
        assert_eq!(not_normalized("がくせい"), None);
    }

    #[test]
    fn normalising_piece_by_piece_is_nfc_of_the_whole() {
        // Reordered and composed marks, Hangul jamo, a mark after a character that takes none.
        let text = format!("x{NFD_GAKUSEI}\u{0323}\u{0301}o\u{0301}\u{0323}\u{1100}\u{1161}\u{11A8}、\u{0301}\u{212B}");
        let nfc: String = text.nfc().collect();
        assert_eq!(normalize(&text), nfc);
        assert!(nfc.contains('\u{AC01}'), "Hangul jamo compose: {nfc:?}");
    }
}
