//! Spells a target's content as Markdown: text escaped so that it reads back as the same text
//! (markup characters, and what would start a block at the start of a line), line breaks
//! continued at the block's indentation, and each inline code as its Markdown spelling.

use std::collections::HashMap;

use super::{Layout, Piece};

/// How one code is spelt: before and after the text it marks (a placeholder: `start` only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    pub start: String,
    pub end: String,
}

/// The Markdown of `pieces` laid out as `layout`, codes spelt by `spellings` (by id).
pub fn render(pieces: &[Piece], spellings: &HashMap<String, Spelling>, layout: &Layout) -> String {
    let mut out = Writer { out: String::new(), line_start: true, layout };
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.text(text),
            Piece::Open(id) | Piece::Placeholder(id) => {
                out.raw(spellings.get(id).map_or("", |s| s.start.as_str()));
            }
            Piece::Close(id) => out.raw(spellings.get(id).map_or("", |s| s.end.as_str())),
        }
    }
    let end = out.out.trim_end().len();
    out.out.truncate(end);
    out.out
}

struct Writer<'l> {
    out: String,
    /// Nothing but indentation written on the current line yet.
    line_start: bool,
    layout: &'l Layout,
}

impl Writer<'_> {
    fn raw(&mut self, code: &str) {
        if !code.is_empty() {
            self.out.push_str(code);
            self.line_start = code.ends_with('\n');
        }
    }

    fn text(&mut self, text: &str) {
        let heading = *self.layout == Layout::Heading;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c == '\n' {
                if heading {
                    self.out.push(' ');
                    continue;
                }
                // A line break continues the block: never a blank line, never trailing spaces
                // (a hard break is a code of its own).
                if !self.line_start {
                    let kept = self.out.trim_end_matches([' ', '\t']).len();
                    self.out.truncate(kept);
                    let Layout::Lines { indent } = self.layout else { continue };
                    self.out.push('\n');
                    self.out.push_str(&" ".repeat(*indent));
                    self.line_start = true;
                }
                continue;
            }
            if self.line_start && heading {
                if c == ' ' || c == '\t' {
                    continue;
                }
                self.line_start = false;
            } else if self.line_start {
                if c == ' ' || c == '\t' {
                    continue;
                }
                self.line_start = false;
                if matches!(c, '#' | '>' | '-' | '+' | '=' | '|') {
                    self.out.push('\\');
                } else if c.is_ascii_digit() {
                    // `1.` or `1)` at the start of a line would open an ordered list.
                    let digits: String = text[at..].chars().take_while(char::is_ascii_digit).collect();
                    if text[at + digits.len()..].starts_with(['.', ')']) {
                        self.out.push_str(&digits);
                        self.out.push('\\');
                        for _ in 1..digits.len() {
                            chars.next();
                        }
                        continue;
                    }
                }
            }
            let entity = c == '&' && is_entity(&text[at..]);
            if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~') || entity || (heading && c == '{') {
                self.out.push('\\');
            }
            self.out.push(c);
        }
    }
}

/// Whether `text` starts with what Markdown reads as an entity (`&amp;`, `&#38;`).
fn is_entity(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('&') else { return false };
    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(text: &str, layout: Layout) -> String {
        render(&[Piece::Text(text.into())], &HashMap::new(), &layout)
    }

    #[test]
    fn markup_characters_are_escaped_to_read_back_as_text() {
        assert_eq!(
            text("a*b*_c_ [x] `y` <z> ~w~ \\ &amp; & {#q}", Layout::Lines { indent: 0 }),
            "a\\*b\\*\\_c\\_ \\[x\\] \\`y\\` \\<z> \\~w\\~ \\\\ \\&amp; & {#q}"
        );
        assert_eq!(text("見出し {#x}", Layout::Heading), "見出し \\{#x}");
    }

    #[test]
    fn what_would_open_a_block_at_the_start_of_a_line_is_escaped() {
        assert_eq!(
            text("# a\n- b\n12. c\n> d\nplain", Layout::Lines { indent: 0 }),
            "\\# a\n\\- b\n12\\. c\n\\> d\nplain"
        );
    }

    #[test]
    fn line_breaks_continue_the_block_at_its_indentation_and_never_leave_a_blank_line() {
        assert_eq!(text("  one  \n\n \n two\n", Layout::Lines { indent: 2 }), "one\n  two");
        assert_eq!(text("one\ntwo", Layout::Heading), "one two");
    }

    #[test]
    fn codes_are_spelt_around_their_text() {
        let spellings: HashMap<String, Spelling> = [
            ("1".to_string(), Spelling { start: "**".into(), end: "**".into() }),
            ("2".to_string(), Spelling { start: "[^1]".into(), end: String::new() }),
        ]
        .into();
        let pieces = [
            Piece::Open("1".into()),
            Piece::Text("会則".into()),
            Piece::Close("1".into()),
            Piece::Text("を参照".into()),
            Piece::Placeholder("2".into()),
        ];
        assert_eq!(render(&pieces, &spellings, &Layout::Lines { indent: 0 }), "**会則**を参照[^1]");
    }
}
