//! Places as the Language Server Protocol counts them: 0-based lines and UTF-16 code units (a
//! kanji is one unit, an emoji two; codepub counts bytes and characters), and `file:` URIs.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};

use crate::source::SourceFile;

/// The LSP position of byte `offset` of `file` (clamped to the text, and to a character boundary).
pub fn position(file: &SourceFile, offset: usize) -> Position {
    let offset = floor_char_boundary(&file.text, offset.min(file.text.len()));
    let line = file.line_index(offset);
    let start = file.line_range(line).map_or(0, |range| range.start);
    let character = file.text[start..offset].encode_utf16().count();
    Position { line: line as u32, character: character as u32 }
}

/// The LSP range of bytes `start..end` of `file`.
pub fn range(file: &SourceFile, start: usize, end: usize) -> Range {
    Range { start: position(file, start), end: position(file, end.max(start)) }
}

/// The byte offset of an LSP position in `file`: a line past the end is the end of the text, a
/// character past the end of its line is the line's end, and one inside a surrogate pair (or
/// any character) is that character's start.
pub fn offset(file: &SourceFile, position: Position) -> usize {
    let Some(line) = file.line_range(position.line as usize) else { return file.text.len() };
    let mut units = 0;
    for (index, c) in file.text[line.clone()].char_indices() {
        units += c.len_utf16() as u32;
        if units > position.character {
            return line.start + index;
        }
    }
    line.end
}

/// The LSP position of a 1-based line and 1-based character column (an input error's place).
pub fn position_of_line_column(file: &SourceFile, line: u32, column: u32) -> Position {
    let Some(range) = file.line_range(line.saturating_sub(1) as usize) else {
        return position(file, file.text.len());
    };
    let text = &file.text[range.clone()];
    let within = text.char_indices().nth(column.saturating_sub(1) as usize).map_or(text.len(), |(i, _)| i);
    position(file, range.start + within)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The local path a `file:` URI names; `None` for other schemes or a malformed escape.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file:///path` or `file://localhost/path`; no other host is local.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = crate::percent::decode(path)?;
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

/// The `file:` URI of an absolute local path, every byte outside the unreserved set and `/`
/// percent-encoded.
pub fn uri_of(path: &Path) -> Uri {
    let mut text = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            text.push(byte as char);
        } else {
            text.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&text).expect("a percent-encoded file URI is a valid URI")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("a.md", text.to_string())
    }

    #[test]
    fn positions_count_utf16_units_not_bytes_or_characters() {
        // 私 is 3 bytes and 1 unit; 𠮷 (outside the BMP) is 4 bytes, 1 character and 2 units.
        let source = file("ab\n私𠮷。x\n");
        let x = source.text.find('x').unwrap();
        assert_eq!(position(&source, x), Position { line: 1, character: 4 });
        assert_eq!(offset(&source, Position { line: 1, character: 4 }), x);
        let stop = source.text.find('。').unwrap();
        assert_eq!(position(&source, stop), Position { line: 1, character: 3 });
        assert_eq!(offset(&source, Position { line: 1, character: 3 }), stop);
    }

    #[test]
    fn a_position_inside_a_surrogate_pair_or_past_the_line_is_clamped() {
        let source = file("𠮷a\nb");
        assert_eq!(offset(&source, Position { line: 0, character: 1 }), 0);
        assert_eq!(offset(&source, Position { line: 0, character: 99 }), 5);
        assert_eq!(offset(&source, Position { line: 9, character: 0 }), source.text.len());
        assert_eq!(position(&source, 2), Position { line: 0, character: 0 });
    }

    #[test]
    fn line_and_character_column_become_utf16() {
        let source = file("一\n私𠮷x");
        assert_eq!(position_of_line_column(&source, 2, 3), Position { line: 1, character: 3 });
        assert_eq!(position_of_line_column(&source, 2, 99), Position { line: 1, character: 4 });
    }

    #[test]
    fn file_uris_round_trip_with_spaces_and_japanese() {
        let path = Path::new("/tmp/日本 語/content/ja/10-code.md");
        let uri = uri_of(path);
        assert!(uri.as_str().starts_with("file:///tmp/%E6%97%A5"), "{}", uri.as_str());
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        let other = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(path_of(&other), None);
    }
}
