//! The sources as the terminal report shows them: every hidden character ([`codepub_core::invisible`]:
//! ESC, NUL, a right-to-left override…) spelt as an escape, `\u{1b}`, so a source can neither
//! drive the terminal (retitle it, erase a line) nor reorder what it shows. Labels are moved onto
//! the escaped text, and line and column stay those of the file on disk.

use std::collections::HashMap;
use std::ops::Range;

use codespan_reporting::files::{Error as FilesError, Files};

use codepub_core::invisible::{escape, escaped, hidden};
use codepub_core::source::{FileId, SourceFile, SourceMap};

/// A file whose text has hidden characters, escaped.
struct EscapedFile {
    shown: SourceFile,
    /// Each hidden character: its range in the file and in the shown text.
    escapes: Vec<(Range<usize>, Range<usize>)>,
}

impl EscapedFile {
    fn new(file: &SourceFile) -> Option<Self> {
        let mut escapes = Vec::new();
        let mut text = String::with_capacity(file.text.len());
        for (offset, c) in file.text.char_indices() {
            if hidden(c).is_some() {
                let start = text.len();
                text.push_str(&escaped(c));
                escapes.push((offset..offset + c.len_utf8(), start..text.len()));
            } else {
                text.push(c);
            }
        }
        (!escapes.is_empty()).then(|| Self { shown: SourceFile::new(file.name.clone(), text), escapes })
    }

    /// Where byte `offset` of the file is in the shown text.
    fn shown_offset(&self, offset: usize) -> usize {
        let before = self.escapes.partition_point(|(original, _)| original.start < offset);
        match before.checked_sub(1).map(|i| &self.escapes[i]) {
            Some((original, shown)) if offset < original.end => shown.start,
            Some((original, shown)) => shown.end + (offset - original.end),
            None => offset,
        }
    }

    /// Where byte `offset` of the shown text is in the file (an escape's start for any byte of it).
    fn original_offset(&self, offset: usize) -> usize {
        let before = self.escapes.partition_point(|(_, shown)| shown.start <= offset);
        match before.checked_sub(1).map(|i| &self.escapes[i]) {
            Some((original, shown)) if offset < shown.end => original.start,
            Some((original, shown)) => original.end + (offset - shown.end),
            None => offset,
        }
    }
}

/// The run's sources, with the files that need it escaped.
pub(super) struct TerminalSources<'a> {
    sources: &'a SourceMap,
    escaped: HashMap<FileId, EscapedFile>,
}

impl<'a> TerminalSources<'a> {
    /// `files`: the files labels point into.
    pub fn new(sources: &'a SourceMap, files: impl IntoIterator<Item = FileId>) -> Self {
        let mut escaped = HashMap::new();
        // Each file is read once, however many labels point into it (a file without anything
        // to escape is not kept, so `escaped` alone cannot tell it was read).
        let mut read = std::collections::HashSet::new();
        for file in files {
            if read.insert(file)
                && let Some(shown) = EscapedFile::new(sources.get(file))
            {
                escaped.insert(file, shown);
            }
        }
        Self { sources, escaped }
    }

    /// Where `range` of `file` is in the text shown.
    pub fn range(&self, file: FileId, range: Range<usize>) -> Range<usize> {
        match self.escaped.get(&file) {
            Some(shown) => shown.shown_offset(range.start)..shown.shown_offset(range.end),
            None => range,
        }
    }

    fn shown(&self, file: FileId) -> &SourceFile {
        self.escaped.get(&file).map_or_else(|| self.sources.get(file), |escaped| &escaped.shown)
    }
}

impl<'a> Files<'a> for TerminalSources<'_> {
    type FileId = FileId;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<String, FilesError> {
        Ok(escape(&self.sources.get(id).name).into_owned())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.shown(id).text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.shown(id).line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.shown(id);
        match file.line_range(line_index) {
            // codespan wants the range including the line end.
            Some(range) => Ok(range.start..(range.end + 1).min(file.text.len())),
            None if line_index == file.line_count() => Ok(file.text.len()..file.text.len()),
            None => Err(FilesError::LineTooLarge { given: line_index, max: file.line_count() }),
        }
    }

    /// The column in the file on disk, as every other output reports it.
    fn column_number(&'a self, id: FileId, _line_index: usize, byte_index: usize) -> Result<usize, FilesError> {
        let offset = self.escaped.get(&id).map_or(byte_index, |escaped| escaped.original_offset(byte_index));
        Ok(self.sources.get(id).line_column(offset).1 as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_move_past_escapes_and_back() {
        let file = SourceFile::new("a.md", "ab\u{1b}c\u{200B}d".to_string());
        let shown = EscapedFile::new(&file).unwrap();
        assert_eq!(shown.shown.text, "ab\\u{1b}c\\u{200b}d");
        // `c` is at byte 3 of the file and after `\u{1b}` in the text shown.
        assert_eq!(shown.shown_offset(3), 8);
        assert_eq!((shown.shown_offset(2), shown.shown_offset(4)), (2, 9));
        assert_eq!(shown.shown_offset(file.text.len()), shown.shown.text.len());
        for offset in [0, 2, 3, 4, 7, 8] {
            assert_eq!(shown.original_offset(shown.shown_offset(offset)), offset);
        }
        assert_eq!(shown.original_offset(5), 2);
    }

    #[test]
    fn a_file_without_hidden_characters_is_shown_as_it_is() {
        assert!(EscapedFile::new(&SourceFile::new("a.md", "plain 日本語\n".to_string())).is_none());
    }
}
