//! The Typst [`World`] of one render: the templates as sources, the edition data as the virtual
//! file `/data.json`, the shared fonts and standard library, and a fixed date (the edition's
//! adoption date), so a render depends on nothing but its inputs.
//!
//! The parsed templates outlive a render in the renderer's [`SourceCache`]: a template whose
//! text has not changed is the same [`Source`] in the next render, and one that changed is
//! reparsed incrementally, as `typst watch` does; with the file ids the same from render to
//! render, Typst's memoised layout of everything but the changed data is reused
//! (`codepub watch`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use typst::Library;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, Span, SpanKind, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use super::fonts::FontSet;
use codepub_view::render::templates::{TemplateMiss, Templates};

/// The virtual path of the data, read by the templates with `json("/data.json")`.
pub const DATA_PATH: &str = "data.json";

/// A file id in the project root, for a path known to be valid.
pub fn project_file(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// Template sources parsed by earlier renders, by file id, with the text they were parsed from
/// and the name they are shown by. Each render reads every template it uses again (they are
/// small): the cache only saves the parse.
#[derive(Default)]
pub struct SourceCache {
    parsed: Mutex<HashMap<FileId, (Source, String)>>,
}

impl SourceCache {
    /// The source of `text` as `id`: the cached one when its text is `text`, else the cached one
    /// edited into `text` (an incremental reparse), else a new parse.
    fn source(&self, id: FileId, text: &str, shown_as: &str) -> Source {
        let mut parsed = self.parsed.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match parsed.get_mut(&id) {
            Some((source, shown)) if shown == shown_as => {
                if source.text() != text {
                    source.replace(text);
                }
                source.clone()
            }
            _ => {
                let source = Source::new(id, text.to_string());
                parsed.insert(id, (source.clone(), shown_as.to_string()));
                source
            }
        }
    }

    /// The template a span points into, as users see it named, and the line (from 1) it starts
    /// on; `None` for a span into no template parsed here (detached, or `data.json`).
    pub fn locate(&self, span: Span) -> Option<(String, u32)> {
        let parsed = self.parsed.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (id, range) = match span.get() {
            SpanKind::Detached => return None,
            SpanKind::Number { id, num } => (id, parsed.get(&id)?.0.range(num, None)?),
            SpanKind::Range { id, range } => (id, range),
        };
        let (source, shown) = parsed.get(&id)?;
        let line = source.lines().byte_to_line(range.start)?;
        Some((shown.clone(), u32::try_from(line + 1).ok()?))
    }
}

pub struct EditionWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a FontSet,
    cache: &'a SourceCache,
    templates: &'a Templates,
    main: FileId,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
    /// Template sources read so far, and the name each is shown by.
    sources: Mutex<HashMap<FileId, FileResult<(Source, String)>>>,
}

impl<'a> EditionWorld<'a> {
    pub fn new(
        library: &'a LazyHash<Library>,
        fonts: &'a FontSet,
        cache: &'a SourceCache,
        templates: &'a Templates,
        main: &str,
        data: Vec<u8>,
        today: Datetime,
    ) -> Option<Self> {
        Some(Self {
            library,
            fonts,
            cache,
            templates,
            main: project_file(main)?,
            data_id: project_file(DATA_PATH)?,
            data: Bytes::new(data),
            today,
            sources: Mutex::new(HashMap::new()),
        })
    }

    /// How the file `id` is named to users: the template's path, or `data.json`.
    pub fn shown_as(&self, id: FileId) -> String {
        if id == self.data_id {
            return DATA_PATH.to_string();
        }
        match self.load(id) {
            Ok((_, shown)) => shown,
            Err(_) => format!("templates/{}", id.vpath().get_without_slash()),
        }
    }

    fn load(&self, id: FileId) -> FileResult<(Source, String)> {
        let mut sources = self.sources.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        sources.entry(id).or_insert_with(|| self.read(id)).clone()
    }

    fn read(&self, id: FileId) -> FileResult<(Source, String)> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some("packages are not available in codepub templates".into())));
        }
        let path = id.vpath().get_without_slash();
        match self.templates.read(path) {
            Ok(file) => Ok((self.cache.source(id, &file.text, &file.shown_as), file.shown_as)),
            Err(TemplateMiss::NotFound) => Err(FileError::NotFound(PathBuf::from(path))),
            Err(TemplateMiss::Io(error)) => Err(FileError::from_io(error, &PathBuf::from(path))),
        }
    }
}

impl typst::World for EditionWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.data_id {
            return Err(FileError::NotSource);
        }
        self.load(id).map(|(source, _)| source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        self.load(id).map(|(source, _)| Bytes::from_string(source.text().to_string()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    /// The edition's date, whatever the clock says: renders are reproducible.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests {
    use typst::syntax::{LinkedNode, Side};

    use super::*;

    #[test]
    fn a_span_is_located_at_its_template_as_shown_and_its_line() {
        let cache = SourceCache::default();
        let id = project_file("style.typ").unwrap();
        let text = "#let a = 1\n\n#let b = 2\n";
        let source = cache.source(id, text, "templates/style.typ");
        let leaf = |at: &str| LinkedNode::new(source.root()).leaf_at(text.find(at).unwrap() + 1, Side::Before).unwrap();
        assert_eq!(cache.locate(leaf("a =").span()), Some(("templates/style.typ".to_string(), 1)));
        assert_eq!(cache.locate(leaf("b =").span()), Some(("templates/style.typ".to_string(), 3)));
    }

    #[test]
    fn a_span_into_no_parsed_template_is_not_located() {
        let cache = SourceCache::default();
        assert_eq!(cache.locate(Span::detached()), None);
        let elsewhere = Source::new(project_file("edition.typ").unwrap(), "#let a = 1".into());
        let span = LinkedNode::new(elsewhere.root()).leaf_at(6, Side::Before).unwrap().span();
        assert!(!span.is_detached());
        assert_eq!(cache.locate(span), None);
    }
}
