//! Characters a reader of a source cannot see, or that steer how text is shown instead of being
//! text: control characters, bidirectional controls and invisible format characters. They are
//! classified here once, for P016 (`invisible-characters`), for the terminal report, which
//! spells them as escapes (`\u{1b}`) instead of sending them to the terminal, and for the XLIFF
//! import, which refuses control characters in a target.
//!
//! Decisions:
//! - Control characters: C0 but tab and line feed (a carriage return never loads, E006), DEL
//!   and C1 (U+0085 NEXT LINE included). No PDF can carry them (the export fails on them), and a
//!   terminal obeys them: ESC starts sequences that retitle the window or erase a line. They are
//!   not removed by `--fix`: what they stood for is unknown.
//! - Bidirectional controls: embeddings, overrides and their pop (U+202A–U+202E), isolates
//!   (U+2066–U+2069) and marks (U+200E, U+200F, U+061C). They change the order text is shown in,
//!   so a sentence can read otherwise than it is written. English and Japanese run left to right:
//!   `--fix` removes the embeddings, overrides and isolates; a mark is left to the publisher, as a
//!   right-to-left quotation may need it.
//! - Invisible characters: U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF (a byte order mark
//!   anywhere but at the start, where the loader refuses it, E004), U+00AD SOFT HYPHEN, U+200C
//!   and U+200D (zero width non-joiner and joiner) and U+2061–U+2064 (invisible mathematical
//!   operators). They split or glue words unseen, so a glossary term or a search no longer
//!   matches. `--fix` removes the first four, which only say where a line may or may not break
//!   (the editions break lines themselves); the joiners shape some scripts and are reported only.
//!   A zero width joiner between two emoji (`👩‍💻`) is part of the emoji and is not reported.
//! - Variation selectors (U+FE00–U+FE0F, and U+E0100–U+E01EF, the ideographic variation
//!   sequences that pick a Japanese name character's glyph) are text and are never reported.

use std::borrow::Cow;

/// What kind of hidden character a character is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    Control,
    Bidi,
    Invisible,
}

/// The kind of hidden character `c` is, if it is one.
pub fn hidden(c: char) -> Option<Hidden> {
    match c {
        '\t' | '\n' => None,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Some(Hidden::Control),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => Some(Hidden::Bidi),
        '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' => Some(Hidden::Invisible),
        _ => None,
    }
}

/// Whether removing `c` is safe: it only hints at line breaks, or forces a direction on text
/// that runs left to right anyway.
pub fn removable(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a zero width joiner between `before` and `after` joins two emoji into one (`👩‍💻`).
pub fn joins_emoji(before: Option<char>, after: Option<char>) -> bool {
    let pictograph = |c: char| {
        matches!(c, '\u{A9}' | '\u{AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
            | '\u{2190}'..='\u{2BFF}' | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}' | '\u{1F000}'..='\u{1FAFF}')
    };
    // Before the joiner, an emoji may end with its presentation selector or a tag sequence.
    let ends_emoji = |c: char| pictograph(c) || matches!(c, '\u{FE0F}' | '\u{E0020}'..='\u{E007F}');
    before.is_some_and(ends_emoji) && after.is_some_and(pictograph)
}

/// The character's Unicode name (or, for a control character, its name alias).
pub fn name(c: char) -> &'static str {
    const C0: [&str; 32] = [
        "NULL",
        "START OF HEADING",
        "START OF TEXT",
        "END OF TEXT",
        "END OF TRANSMISSION",
        "ENQUIRY",
        "ACKNOWLEDGE",
        "ALERT",
        "BACKSPACE",
        "CHARACTER TABULATION",
        "LINE FEED",
        "LINE TABULATION",
        "FORM FEED",
        "CARRIAGE RETURN",
        "SHIFT OUT",
        "SHIFT IN",
        "DATA LINK ESCAPE",
        "DEVICE CONTROL ONE",
        "DEVICE CONTROL TWO",
        "DEVICE CONTROL THREE",
        "DEVICE CONTROL FOUR",
        "NEGATIVE ACKNOWLEDGE",
        "SYNCHRONOUS IDLE",
        "END OF TRANSMISSION BLOCK",
        "CANCEL",
        "END OF MEDIUM",
        "SUBSTITUTE",
        "ESCAPE",
        "INFORMATION SEPARATOR FOUR",
        "INFORMATION SEPARATOR THREE",
        "INFORMATION SEPARATOR TWO",
        "INFORMATION SEPARATOR ONE",
    ];
    const C1: [&str; 32] = [
        "PADDING CHARACTER",
        "HIGH OCTET PRESET",
        "BREAK PERMITTED HERE",
        "NO BREAK HERE",
        "INDEX",
        "NEXT LINE",
        "START OF SELECTED AREA",
        "END OF SELECTED AREA",
        "CHARACTER TABULATION SET",
        "CHARACTER TABULATION WITH JUSTIFICATION",
        "LINE TABULATION SET",
        "PARTIAL LINE FORWARD",
        "PARTIAL LINE BACKWARD",
        "REVERSE LINE FEED",
        "SINGLE SHIFT TWO",
        "SINGLE SHIFT THREE",
        "DEVICE CONTROL STRING",
        "PRIVATE USE ONE",
        "PRIVATE USE TWO",
        "SET TRANSMIT STATE",
        "CANCEL CHARACTER",
        "MESSAGE WAITING",
        "START OF GUARDED AREA",
        "END OF GUARDED AREA",
        "START OF STRING",
        "SINGLE GRAPHIC CHARACTER INTRODUCER",
        "SINGLE CHARACTER INTRODUCER",
        "CONTROL SEQUENCE INTRODUCER",
        "STRING TERMINATOR",
        "OPERATING SYSTEM COMMAND",
        "PRIVACY MESSAGE",
        "APPLICATION PROGRAM COMMAND",
    ];
    match c {
        '\u{0}'..='\u{1F}' => C0[c as usize],
        '\u{7F}' => "DELETE",
        '\u{80}'..='\u{9F}' => C1[c as usize - 0x80],
        '\u{AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        _ => "",
    }
}

/// `U+200B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// How a hidden character is spelt where it must not act: `\u{1b}`.
pub fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// `text` safe to print on a terminal: every hidden character spelt as [`escaped`] (tabs and
/// line feeds kept); borrowed when there is none.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| hidden(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match hidden(c) {
            Some(_) => out.push_str(&escaped(c)),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_invisible_characters_are_hidden_and_text_is_not() {
        for c in ['\0', '\u{1b}', '\r', '\u{7f}', '\u{85}', '\u{9b}'] {
            assert_eq!(hidden(c), Some(Hidden::Control), "U+{:04X}", c as u32);
        }
        for c in ['\u{202E}', '\u{2066}', '\u{200F}', '\u{061C}'] {
            assert_eq!(hidden(c), Some(Hidden::Bidi), "U+{:04X}", c as u32);
        }
        for c in ['\u{200B}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{AD}'] {
            assert_eq!(hidden(c), Some(Hidden::Invisible), "U+{:04X}", c as u32);
        }
        for c in ['\t', '\n', ' ', '\u{3000}', 'a', '漢', '\u{FE0F}', '\u{E0100}', '\u{3099}'] {
            assert_eq!(hidden(c), None, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_hidden_character_has_a_name() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| hidden(c).is_some()) {
            assert!(!name(c).is_empty(), "U+{:04X}", c as u32);
        }
        assert_eq!(name('\u{1b}'), "ESCAPE");
        assert_eq!(name('\u{9b}'), "CONTROL SEQUENCE INTRODUCER");
    }

    #[test]
    fn only_line_break_hints_and_direction_overrides_are_removable() {
        assert!(removable('\u{200B}') && removable('\u{202E}') && removable('\u{FEFF}'));
        assert!(!removable('\0') && !removable('\u{200D}') && !removable('\u{200F}'));
    }

    #[test]
    fn a_joiner_between_emoji_joins_them() {
        assert!(joins_emoji(Some('👩'), Some('💻')));
        assert!(joins_emoji(Some('\u{FE0F}'), Some('🔥')));
        assert!(!joins_emoji(Some('a'), Some('💻')));
        assert!(!joins_emoji(Some('👩'), None));
    }

    #[test]
    fn escaping_spells_hidden_characters_and_keeps_the_rest() {
        assert_eq!(escape("a\u{1b}]0;x\u{7}b\tc\n"), "a\\u{1b}]0;x\\u{7}b\tc\n");
        assert_eq!(escape("\u{202E}abc"), "\\u{202e}abc");
        assert!(matches!(escape("plain 日本語"), Cow::Borrowed(_)));
    }
}
