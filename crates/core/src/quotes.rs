//! Typographic quotes: straight quotes and apostrophes as typed (`"`, `'`) made curly (“ ” ‘ ’)
//! in English text, at render time only (`smart_quotes = true` under `[edition]`); the sources,
//! and everything that reads them (`check`, `diff`, the XLIFF), keep what was typed.
//!
//! Decisions:
//! - A paragraph (a heading, a list item) is curled as one sequence of [`Piece`]s in reading
//!   order, so that a quote is decided with its neighbours' text even when they stand in
//!   another inline: in `"**the Association**"` the quotes are plain text and the words bold.
//! - A `"` opens after the start of the text, a space, an opening bracket, a dash or an opening
//!   quote, and closes everywhere else; a `'` between two letters or digits (`don't`), or after
//!   one and before anything else (`Residents'`), is an apostrophe or a closing quote, ’ either
//!   way; where a `"` would open it opens (‘), except before a decade (`'90s`) or a word that
//!   lost its first letters (`'tis`, `'twas`, `'em`, rock `'n'` roll), where it is an
//!   apostrophe. A quote with a space (or nothing) on both sides is left as typed.
//! - Never curled: code spans ([`Piece::Verbatim`]) and URLs in the text (from `http://`,
//!   `https://`, `mailto:` or `www.` to the next space, less the punctuation that ends a
//!   sentence); link targets are not text and never reach here.
//! - Japanese text is left as typed: 「」『』 are its quotes, and a straight quote in it has no
//!   established typographic rule to follow.
//! - Primes (`5'10"`) are not told apart from quotes: type ′ and ″ for them.

use crate::model::Lang;

/// One piece of a paragraph's printed text, in reading order.
#[derive(Debug)]
pub enum Piece<'t> {
    /// Text whose quotes are curled in place.
    Text(&'t mut String),
    /// Text printed as it is (a code span): its neighbours' context, never changed.
    Verbatim(&'t str),
    /// A word space or a line break that is not text: whitespace to its neighbours.
    Space,
    /// Something printed that is not text and ends a word (a footnote's number).
    Mark,
}

/// What a [`Piece::Mark`] is to its neighbours: a character of a word.
const MARK: char = '\u{FFFC}';

/// One character of a paragraph: the [`Piece::Text`] it belongs to, if any, and whether it may
/// be curled (not in a URL).
#[derive(Clone, Copy)]
struct Char {
    c: char,
    owner: Option<usize>,
    curls: bool,
}

/// Curls the straight quotes and apostrophes of `pieces`, one paragraph of `lang` (see the
/// module's decisions); Japanese is left as typed.
pub fn curl(pieces: &mut [Piece<'_>], lang: Lang) {
    if lang == Lang::Ja {
        return;
    }
    // The paragraph's characters, each with the piece it belongs to and whether it may change.
    let mut chars: Vec<Char> = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Text(text) => {
                let urls = url_ranges(text);
                chars.extend(text.char_indices().map(|(at, c)| {
                    let in_url = urls.iter().any(|range| range.contains(&at));
                    Char { c, owner: Some(index), curls: !in_url }
                }));
            }
            Piece::Verbatim(text) => chars.extend(text.chars().map(|c| Char { c, owner: None, curls: false })),
            Piece::Space => chars.push(Char { c: ' ', owner: None, curls: false }),
            Piece::Mark => chars.push(Char { c: MARK, owner: None, curls: false }),
        }
    }
    if !chars.iter().any(|ch| ch.curls && matches!(ch.c, '"' | '\'')) {
        return;
    }
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (i, ch) in chars.iter().enumerate() {
        let before = out.last().copied();
        let curled = match ch.c {
            '"' if ch.curls => double(before, chars.get(i + 1).map(|next| next.c)),
            '\'' if ch.curls => single(before, &chars[i + 1..]),
            c => c,
        };
        out.push(curled);
    }
    let mut texts: Vec<Option<String>> = pieces.iter().map(|_| None).collect();
    for (ch, &c) in chars.iter().zip(&out) {
        if let Some(text) = ch.owner.and_then(|index| texts.get_mut(index)) {
            text.get_or_insert_with(String::new).push(c);
        }
    }
    for (piece, text) in pieces.iter_mut().zip(texts) {
        if let (Piece::Text(target), Some(text)) = (piece, text) {
            **target = text;
        }
    }
}

/// Whether a quote after `before` opens: at the start, after a space, an opening bracket, a dash
/// or an opening quote.
fn opens_after(before: Option<char>) -> bool {
    match before {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '“' | '‘'),
    }
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn double(before: Option<char>, after: Option<char>) -> char {
    match (opens_after(before), is_space(after)) {
        (true, true) => '"',
        (true, false) => '“',
        (false, _) => '”',
    }
}

/// Words English writes with their first letters left out and an apostrophe in their place.
const ELIDED: [&str; 6] = ["tis", "twas", "twere", "twill", "em", "n"];

fn single(before: Option<char>, rest: &[Char]) -> char {
    let after = rest.first().map(|next| next.c);
    if !opens_after(before) {
        return '’';
    }
    if is_space(after) {
        return '\'';
    }
    let word: String = rest.iter().map(|next| next.c).take_while(|c| c.is_alphanumeric()).collect();
    let decade = word.len() >= 2
        && word.chars().take(2).all(|c| c.is_ascii_digit())
        && (word.len() == 2 || word[2..].eq_ignore_ascii_case("s"));
    if decade || ELIDED.contains(&word.to_lowercase().as_str()) { '’' } else { '‘' }
}

/// The byte ranges of the URLs written in `text`: from `http://`, `https://`, `mailto:` or
/// `www.` (at the start of a word) to the next space, less the punctuation that ends a sentence.
fn url_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    const STARTS: [&str; 4] = ["http://", "https://", "mailto:", "www."];
    let mut ranges = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let found = (text[from..].char_indices())
            .filter(|&(at, _)| {
                let at = from + at;
                let word_start = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                word_start
                    && STARTS
                        .iter()
                        .any(|start| text[at..].get(..start.len()).is_some_and(|s| s.eq_ignore_ascii_case(start)))
            })
            .map(|(at, _)| from + at)
            .next();
        let Some(start) = found else { break };
        let end = text[start..].find(char::is_whitespace).map_or(text.len(), |n| start + n);
        let url = text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', ')', ']', '}']);
        ranges.push(start..start + url.len());
        from = end;
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One English paragraph written as pieces, curled and joined again: `|` is a footnote
    /// mark, `" "` a soft break, `` `…` `` a code span, anything else text.
    fn curled(written: &[&str]) -> String {
        fn piece(text: &mut String) -> Piece<'_> {
            match text.as_str() {
                "|" => Piece::Mark,
                " " => Piece::Space,
                t if t.starts_with('`') => Piece::Verbatim(text),
                _ => Piece::Text(text),
            }
        }
        let mut texts: Vec<String> = written.iter().map(|s| s.to_string()).collect();
        let mut pieces: Vec<Piece<'_>> = texts.iter_mut().map(piece).collect();
        curl(&mut pieces, Lang::En);
        drop(pieces);
        texts.join("")
    }

    #[test]
    fn english_quotes_and_apostrophes_are_curled_by_their_neighbours() {
        for (typed, printed) in [
            (r#""the Association""#, "“the Association”"),
            ("'single'", "‘single’"),
            ("the Residents' rights", "the Residents’ rights"),
            ("don't and O'Neil's", "don’t and O’Neil’s"),
            ("in the '90s and '20s", "in the ’90s and ’20s"),
            ("'Tis the 'em of rock 'n' roll", "’Tis the ’em of rock ’n’ roll"),
            ("'2023' as a word", "‘2023’ as a word"),
            (r#"He said "it's 'ours'.""#, "He said “it’s ‘ours’.”"),
            (r#""'Nested,' she said""#, "“‘Nested,’ she said”"),
            (r#"(“x”) and ("y") and ["z"]"#, "(“x”) and (“y”) and [“z”]"),
            (r#"the rule—"always"—holds"#, "the rule—“always”—holds"),
            (r#"a " b"#, r#"a " b"#),
            ("a ' b", "a ' b"),
            (r#"ends with "#, "ends with "),
        ] {
            assert_eq!(curled(&[typed]), printed, "{typed}");
        }
    }

    #[test]
    fn quotes_are_decided_across_inline_boundaries() {
        // `"**the Association**"`: the quotes are text pieces of their own around the bold.
        assert_eq!(curled(&["\"", "the Association", "\" and '", "x", "'"]), "“the Association” and ‘x’");
        // A footnote number ends a word; a soft break is a space.
        assert_eq!(curled(&["said", "|", "\"", " ", "\"next\""]), "said|” “next”");
    }

    #[test]
    fn code_spans_and_urls_keep_their_straight_quotes_but_give_context() {
        assert_eq!(curled(&["\"", "`a'b\"`", "\""]), "“`a'b\"`”");
        assert_eq!(curled(&["run ", "`x`", "'s output"]), "run `x`’s output");
        assert_eq!(
            curled(&[r#"see "https://example.org/it's?q=1" and www.x.org/a'b, don't"#]),
            r#"see “https://example.org/it's?q=1” and www.x.org/a'b, don’t"#
        );
        assert_eq!(curled(&["mailto:o'neil@example.org"]), "mailto:o'neil@example.org");
        assert_eq!(curled(&["\"fwww.x'y\""]), "“fwww.x’y”", "www. inside a word is no URL");
    }

    #[test]
    fn japanese_is_left_as_typed() {
        let mut text = "「規範」と\"ISO\"の'例'".to_string();
        curl(&mut [Piece::Text(&mut text)], Lang::Ja);
        assert_eq!(text, "「規範」と\"ISO\"の'例'");
    }

    #[test]
    fn text_without_quotes_is_not_rewritten() {
        let mut text = "plain".to_string();
        let mut pieces = [Piece::Text(&mut text), Piece::Verbatim("\"")];
        curl(&mut pieces, Lang::En);
        assert_eq!(text, "plain");
    }
}
