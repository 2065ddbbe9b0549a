//! P015 glyph-coverage: a character that no font of the editions can print (an emoji, ﷽, a
//! CJK character outside the bundled fonts' repertoire) is reported where it is written, with
//! its code point and the fonts tried, so CI catches it before typesetting.

use super::{Check, Context, Draft, Label, Unit};
use codepub_core::i18n::Message;
use codepub_core::model::{InlineKind, Lang};
use codepub_core::source::Span;

pub struct GlyphCoverage;

impl Check for GlyphCoverage {
    fn code(&self) -> &'static str {
        "P015"
    }

    fn name(&self) -> &'static str {
        "glyph-coverage"
    }

    fn help(&self) -> &'static str {
        "help-p015"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        // The fonts' names are read from the fonts themselves (the bundled ones' coverage is a
        // table built at compile time): only for a finding to name them in.
        let mut fonts: Option<String> = None;
        for lang in Lang::BOTH {
            for (address, unit) in cx.every_unit(lang) {
                for (c, span) in unprintable(cx, unit) {
                    let fonts = fonts.get_or_insert_with(|| cx.glyphs.families().join(", "));
                    let codepoint = format!("U+{:04X}", c as u32);
                    out.push(
                        Draft::new(
                            Message::new("p015-unprintable").arg("char", c.to_string()).arg("codepoint", &codepoint),
                            address,
                            Some(lang),
                        )
                        .excerpt(c.to_string())
                        .label(Label::new(lang, &span))
                        .note(Message::new("p015-fonts-tried").arg("fonts", fonts.as_str())),
                    );
                }
            }
        }
    }
}

/// Every character of `unit` that no font prints, with its place in the source: the character
/// itself where the source spells it, else the inline (an entity such as `&#x1F600;`) or block
/// holding it.
fn unprintable(cx: &Context<'_>, unit: &Unit<'_>) -> Vec<(char, Span)> {
    let sources = &cx.project.sources;
    let mut found = Vec::new();
    if unit.groups.is_empty() {
        // A code block: its source text is what prints (the fences are ASCII).
        let text = &sources.get(unit.span.file).text[unit.span.range()];
        for (offset, c) in text.char_indices() {
            if !cx.glyphs.prints(c) {
                found.push((c, char_span(cx, unit.span, offset, c)));
            }
        }
        return found;
    }
    for inline in unit.inlines() {
        let (InlineKind::Text(text) | InlineKind::Code(text)) = &inline.kind else { continue };
        let source = &sources.get(inline.span.file).text[inline.span.range()];
        let mut searched = 0;
        for c in text.chars() {
            if cx.glyphs.prints(c) {
                continue;
            }
            // The next occurrence in the inline's source, when it is written there literally.
            let span = match source[searched..].find(c) {
                Some(at) => {
                    searched += at + c.len_utf8();
                    char_span(cx, &inline.span, searched - c.len_utf8(), c)
                }
                None => inline.span.clone(),
            };
            found.push((c, span));
        }
    }
    found
}

/// The span of character `c` at byte `offset` of `within`.
fn char_span(cx: &Context<'_>, within: &Span, offset: usize, c: char) -> Span {
    let start = within.start + offset;
    cx.project.sources.span(within.file, start..start + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::project;
    use codepub_core::glyphs::GlyphCoverage as Coverage;

    /// Fonts that print every character but an emoji and the Arabic ligature ﷽ (the bundled
    /// fonts' own coverage is tested in `codepub_pdf::coverage`).
    struct WithoutEmoji;

    impl Coverage for WithoutEmoji {
        fn prints(&self, c: char) -> bool {
            !matches!(c, '😀' | '﷽')
        }

        fn families(&self) -> Vec<&str> {
            vec!["Serif", "Mincho"]
        }
    }

    fn findings(p: &codepub_core::load::Project) -> Vec<Draft> {
        let alignment = p.alignment();
        let cx = Context::new(p, &alignment).with_glyphs(&WithoutEmoji);
        let mut out = Vec::new();
        GlyphCoverage.run(&cx, &mut out);
        out
    }

    /// [`WithoutEmoji`], counting how often the fonts' names are asked for.
    #[derive(Default)]
    struct CountingNames(std::sync::atomic::AtomicUsize);

    impl Coverage for CountingNames {
        fn prints(&self, c: char) -> bool {
            WithoutEmoji.prints(c)
        }

        fn families(&self) -> Vec<&str> {
            self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            vec!["Serif", "Mincho"]
        }
    }

    #[test]
    fn the_fonts_names_are_read_only_for_a_finding_and_then_once() {
        let names_read = |en: &str, ja: &str| {
            let p = project(en, ja);
            let alignment = p.alignment();
            let fonts = CountingNames::default();
            let cx = Context::new(&p, &alignment).with_glyphs(&fonts);
            GlyphCoverage.run(&cx, &mut Vec::new());
            fonts.0.into_inner()
        };
        assert_eq!(names_read("# A {#a}\n\nSmile now.\n", "# A {#a}\n\n笑顔です。\n"), 0);
        assert_eq!(names_read("# A {#a}\n\nSmile 😀 now 😀.\n", "# A {#a}\n\n笑顔﷽です。\n"), 1);
    }

    #[test]
    fn emoji_and_arabic_ligature_are_reported_at_their_column() {
        let p = project("# A {#a}\n\nSmile 😀 now.\n", "# A {#a}\n\n笑顔﷽です。\n");
        let found = findings(&p);
        let places: Vec<_> = found
            .iter()
            .map(|d| {
                (
                    d.lang,
                    d.excerpt.clone().unwrap(),
                    d.diagnostic.labels[0].span.line,
                    d.diagnostic.labels[0].span.column,
                )
            })
            .collect();
        assert_eq!(places, [(Some(Lang::En), "😀".to_string(), 3, 7), (Some(Lang::Ja), "﷽".to_string(), 3, 3)]);
    }

    #[test]
    fn a_character_every_font_prints_passes() {
        let p = project("# A {#a}\n\nMr Yoshida.\n", "# A {#a}\n\n𠮷田さん、髙橋さん、山﨑さん。\n");
        assert!(findings(&p).is_empty());
    }

    #[test]
    fn the_fonts_tried_are_named_in_a_note() {
        let p = project("# A {#a}\n\nSmile 😀 now.\n", "# A {#a}\n\n笑顔。\n");
        let found = findings(&p);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.notes.len(), 1);
    }

    #[test]
    fn without_known_fonts_nothing_is_reported() {
        let p = project("# A {#a}\n\nSmile 😀 now.\n", "# A {#a}\n\n笑顔﷽です。\n");
        let alignment = p.alignment();
        let mut out = Vec::new();
        GlyphCoverage.run(&Context::new(&p, &alignment), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_character_written_as_an_entity_is_reported_at_its_inline() {
        let p = project("# A {#a}\n\nSmile &#x1F600; now.\n", "# A {#a}\n\n笑顔。\n");
        let found = findings(&p);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].diagnostic.labels[0].span.line, found[0].excerpt.as_deref()), (3, Some("😀")));
    }

    #[test]
    fn code_blocks_and_headings_are_checked_too() {
        let p = project("# A 😀 {#a}\n\n```\nx ﷽\n```\n", "# A {#a}\n\n```\nx\n```\n");
        let lines: Vec<u32> = findings(&p).iter().map(|d| d.diagnostic.labels[0].span.line).collect();
        assert_eq!(lines, [1, 4]);
    }
}
