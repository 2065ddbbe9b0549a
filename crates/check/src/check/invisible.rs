//! P016 invisible-characters: control characters, bidirectional controls and invisible
//! characters ([`codepub_core::invisible`]) anywhere in a source, in either language: text, headings,
//! ids, link targets, code and front matter alike. Each is reported at its line and column with
//! its code point and name; `--fix` removes the ones whose removal is safe. The source's bytes
//! are read, not the model, so nothing the parser drops or joins escapes the check.
//!
//! An accepted finding is typeset as written: bidirectional and invisible characters print
//! nothing, but the PDF export fails on a control character, so a build never fails on one that
//! `check` did not report first.

use super::{Check, Context, Draft, Fix, Label};
use codepub_core::i18n::Message;
use codepub_core::invisible::{Hidden, code_point, hidden, joins_emoji, name, removable};
use codepub_core::model::Lang;

pub struct InvisibleCharacters;

/// The byte offsets of `text` where a character [`hidden`] knows may start: every control
/// character but the tab and line feed, and every character whose UTF-8 starts as one of the
/// hidden ones does (`0xC2`: U+0080–U+00BF, `0xD8`: U+061C, `0xE2`: U+2000–U+2FFF, `0xEF`:
/// U+F000–U+FFFF). Such a byte always starts a character; the rest of a text, nearly all of it,
/// is passed over a byte at a time.
fn may_be_hidden(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter(move |&i| match bytes[i] {
        b'\t' | b'\n' => false,
        0x00..=0x1F | 0x7F | 0xC2 | 0xD8 | 0xE2 | 0xEF => true,
        _ => false,
    })
}

impl Check for InvisibleCharacters {
    fn code(&self) -> &'static str {
        "P016"
    }

    fn name(&self) -> &'static str {
        "invisible-characters"
    }

    fn help(&self) -> &'static str {
        "help-p016"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let sources = &cx.project.sources;
        for lang in Lang::BOTH {
            for &file in cx.project.files.get(lang) {
                let text = &sources.get(file).text;
                for offset in may_be_hidden(text) {
                    let Some(c) = text[offset..].chars().next() else { continue };
                    let previous = text[..offset].chars().next_back();
                    let after = text[offset + c.len_utf8()..].chars().next();
                    let Some(kind) = hidden(c) else { continue };
                    if c == '\u{200D}' && joins_emoji(previous, after) {
                        continue;
                    }
                    let span = sources.span(file, offset..offset + c.len_utf8());
                    let codepoint = code_point(c);
                    let id = match kind {
                        Hidden::Control => "p016-control",
                        Hidden::Bidi => "p016-bidi",
                        Hidden::Invisible => "p016-invisible",
                    };
                    let help = match kind {
                        _ if removable(c) => "help-p016-remove",
                        Hidden::Control => "help-p016-control",
                        Hidden::Bidi => "help-p016-mark",
                        Hidden::Invisible => "help-p016-joiner",
                    };
                    let fix = removable(c).then(|| Fix { span: span.clone(), replacement: String::new() });
                    out.push(
                        Draft::new(
                            Message::new(id).arg("codepoint", &codepoint).arg("name", name(c)),
                            cx.address_at(lang, file, offset),
                            Some(lang),
                        )
                        .excerpt(codepoint)
                        .label(Label::new(lang, &span))
                        .help(Message::new(help))
                        .fix(fix),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    /// (language, excerpt, line, column, fixed) of each finding.
    fn found(en: &str, ja: &str) -> Vec<(Lang, String, u32, u32, bool)> {
        let p = project(en, ja);
        (findings(&p, &InvisibleCharacters).into_iter())
            .map(|d| {
                let span = &d.diagnostic.labels[0].span;
                (d.lang.unwrap(), d.excerpt.unwrap(), span.line, span.column, d.diagnostic.fix.is_some())
            })
            .collect()
    }

    /// Every character `hidden` knows is where the quick scan stops, in any text around it.
    #[test]
    fn the_quick_scan_stops_at_every_hidden_character() {
        let every = (0..=0x10_FFFF).filter_map(char::from_u32).filter(|&c| hidden(c).is_some());
        for c in every {
            let text = format!("ア{c}a");
            let at = "ア".len();
            assert!(may_be_hidden(&text).any(|offset| offset == at), "U+{:04X}", c as u32);
        }
        assert_eq!(may_be_hidden("Plain text\tand\n日本語“”。").count(), 2, "“ and ” start with 0xE2");
    }

    #[test]
    fn nul_escape_override_space_and_bom_are_reported_at_their_line_and_column() {
        let en = "# A {#a}\n\nHello\0 wo\u{1b}]0;x\u{7}rld.\n";
        let ja = "# エー {#a}\n\nこん\u{202E}にち\u{200B}は\u{FEFF}。\n";
        assert_eq!(
            found(en, ja),
            [
                (Lang::En, "U+0000".into(), 3, 6, false),
                (Lang::En, "U+001B".into(), 3, 10, false),
                (Lang::En, "U+0007".into(), 3, 15, false),
                (Lang::Ja, "U+202E".into(), 3, 3, true),
                (Lang::Ja, "U+200B".into(), 3, 6, true),
                (Lang::Ja, "U+FEFF".into(), 3, 8, true),
            ]
        );
    }

    #[test]
    fn the_fix_removes_exactly_the_character() {
        let p = project("# A {#a}\n\nText.\n", "# エー {#a}\n\nテ\u{200B}キスト。\n");
        let drafts = findings(&p, &InvisibleCharacters);
        let fix = drafts[0].diagnostic.fix.as_ref().unwrap();
        assert_eq!(&p.sources.get(fix.span.file).text[fix.span.range()], "\u{200B}");
        assert_eq!(fix.replacement, "");
        assert_eq!(drafts[0].address.to_string(), "a#1");
    }

    #[test]
    fn ids_and_link_targets_are_read_too() {
        let en = "# A {#a\u{200B}}\n\n[x](https://iso.org/\u{202E}gpj.exe)\n";
        let found = found(en, "# エー {#a}\n\nテキスト。\n");
        assert_eq!(found.iter().map(|f| (f.2, f.3)).collect::<Vec<_>>(), [(1, 8), (3, 21)]);
    }

    #[test]
    fn variation_selectors_emoji_joiners_tabs_and_ideographic_space_pass() {
        let en = "# A {#a}\n\nA family 👩\u{200D}💻 at\twork.\n";
        let ja = "# エー {#a}\n\n葛\u{E0100}飾区の辻\u{FE00}さん、　❤\u{FE0F}\u{200D}🔥。\n";
        assert!(found(en, ja).is_empty());
    }

    #[test]
    fn a_joiner_outside_an_emoji_and_a_bidi_mark_are_reported_without_fix() {
        let found = found("# A {#a}\n\nNon\u{200D}joined \u{200F}mark.\n", "# エー {#a}\n\nテキスト。\n");
        assert_eq!(
            found.iter().map(|f| (f.1.as_str(), f.4)).collect::<Vec<_>>(),
            [("U+200D", false), ("U+200F", false)]
        );
    }

    #[test]
    fn a_character_outside_any_block_is_addressed_to_its_clause() {
        let en = "# A {#a}\n\nText [x][r].\n\n[r]: https://iso.org/\u{200B}\n\n# B {#b}\n\nMore.\n";
        let p = project(en, "# エー {#a}\n\nテキスト。\n");
        let drafts = findings(&p, &InvisibleCharacters);
        assert_eq!(drafts.iter().map(|d| d.address.to_string()).collect::<Vec<_>>(), ["a"]);
    }
}
