//! Source files as codepub reads them: confined to the project root, strict about encoding
//! (UTF-8, no BOM, LF line ends), indexed by line so every byte offset has a line and column.

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::error::InputError;
use crate::location::Location;

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize)]
pub struct FileId(pub u32);

/// A byte range in one source file, with the 1-based line and column (in characters) of its start.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
}

impl Span {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One file's text and where its lines start.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators, as shown to users.
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// Whether the text is in Unicode normal form ([`crate::nfc`]), once asked: the loader and
    /// the normalization check both ask, and a long file is read once.
    normalized: std::sync::OnceLock<bool>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: String) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { name: name.into(), text, line_starts, normalized: std::sync::OnceLock::new() }
    }

    /// Whether the text reads the same normalised ([`crate::nfc::is_normalized`]).
    pub fn is_normalized(&self) -> bool {
        *self.normalized.get_or_init(|| crate::nfc::is_normalized(&self.text))
    }

    /// 0-based line index holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte range of 0-based line `index`, without its line end.
    pub fn line_range(&self, index: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(index)?;
        let end = self.line_starts.get(index + 1).map(|next| next - 1).unwrap_or(self.text.len());
        Some(start..end.max(start))
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and character column of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let column = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }
}

/// Every file a run has read, addressable by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn span(&self, file: FileId, range: Range<usize>) -> Span {
        let (line, column) = self.get(file).line_column(range.start);
        Span { file, start: range.start, end: range.end, line, column }
    }

    pub fn name(&self, id: FileId) -> &str {
        &self.get(id).name
    }

    /// The bytes of text of every file read.
    pub fn total_bytes(&self) -> usize {
        self.files.iter().map(|file| file.text.len()).sum()
    }

    /// The file shown as `name` (`content/ja/10-code.md`), if it was read.
    pub fn find(&self, name: &str) -> Option<FileId> {
        self.files.iter().position(|file| file.name == name).map(|index| FileId(index as u32))
    }
}

/// Largest source file codepub reads.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Resolves `relative` against `root` and refuses anything that leaves the root, through `..`,
/// an absolute path or a symbolic link.
pub fn confine(root: &Path, relative: &Path, shown_as: &str) -> Result<PathBuf, InputError> {
    let escapes = relative.is_absolute()
        || relative.components().any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)));
    let outside = || InputError::OutsideRoot { path: shown_as.to_string(), root: root.display().to_string() };
    if escapes {
        return Err(outside());
    }
    let joined = root.join(relative);
    if let (Ok(real_root), Ok(real)) = (root.canonicalize(), joined.canonicalize())
        && !real.starts_with(&real_root)
    {
        return Err(outside());
    }
    Ok(joined)
}

/// Reads a text file strictly: UTF-8 without BOM, LF line ends, at most [`MAX_FILE_BYTES`].
pub fn read_text(path: &Path, shown_as: &str) -> Result<String, InputError> {
    let io = |source| InputError::Io { path: shown_as.to_string(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(InputError::FileTooLarge { path: shown_as.to_string(), bytes: size, limit: MAX_FILE_BYTES });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    decode(&bytes, shown_as)
}

/// Checks encoding rules on bytes already read; see [`read_text`].
pub fn decode(bytes: &[u8], shown_as: &str) -> Result<String, InputError> {
    let at = |text: &str, offset: usize| {
        let (line, column) = SourceFile::new(shown_as, text.to_string()).line_column(offset);
        Location { path: shown_as.to_string(), line, column }
    };
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(InputError::ByteOrderMark { at: Location { path: shown_as.to_string(), line: 1, column: 1 } });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = error.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            return Err(InputError::InvalidUtf8 { at: at(prefix, valid), byte: bytes[valid] });
        }
    };
    if let Some(offset) = text.find('\r') {
        return Err(InputError::CarriageReturn { at: at(text, offset) });
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_normalized_as_its_text_reads_and_the_answer_is_kept() {
        let nfd = SourceFile::new("a.md", "\u{304B}\u{3099}くせい".to_string());
        let nfc = SourceFile::new("b.md", "がくせい café".to_string());
        assert!(!nfd.is_normalized() && nfc.is_normalized());
        assert_eq!(nfd.normalized.get(), Some(&false), "kept for the next reader");
        assert_eq!(nfc.normalized.get(), Some(&true));
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let file = SourceFile::new("a.md", "ab\n日本語x\n".to_string());
        let x = file.text.find('x').unwrap();
        assert_eq!(file.line_column(x), (2, 4));
        assert_eq!(file.line_column(0), (1, 1));
    }

    #[test]
    fn line_range_excludes_line_end() {
        let file = SourceFile::new("a.md", "ab\ncd".to_string());
        assert_eq!(file.line_range(0), Some(0..2));
        assert_eq!(file.line_range(1), Some(3..5));
        assert_eq!(file.line_range(2), None);
    }

    #[test]
    fn invalid_utf8_is_located_at_the_bad_byte() {
        let error = decode(b"ok\nab\xFFc", "x.md").unwrap_err();
        match error {
            InputError::InvalidUtf8 { at, byte } => {
                assert_eq!((at.line, at.column, byte), (2, 3, 0xFF));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn bom_and_crlf_are_refused() {
        assert!(matches!(decode(b"\xEF\xBB\xBFx", "x.md"), Err(InputError::ByteOrderMark { .. })));
        let error = decode(b"a\r\nb", "x.md").unwrap_err();
        assert!(matches!(error, InputError::CarriageReturn { at } if at.line == 1 && at.column == 2));
    }

    #[test]
    fn parent_directories_and_absolute_paths_escape_the_root() {
        let root = Path::new("/tmp");
        assert!(confine(root, Path::new("../etc/passwd"), "x").is_err());
        assert!(confine(root, Path::new("/etc/passwd"), "x").is_err());
        assert!(confine(root, Path::new("a/b.md"), "x").is_ok());
    }
}
