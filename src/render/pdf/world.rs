//! The Typst [`World`] of one render: the templates as sources, the edition data as the virtual
//! file `/data.json`, the shared fonts and standard library, and a fixed date (the edition's
//! adoption date), so a render depends on nothing but its inputs.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use typst::Library;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use super::fonts::FontSet;
use crate::render::templates::{TemplateMiss, Templates};

/// The virtual path of the data, read by the templates with `json("/data.json")`.
pub const DATA_PATH: &str = "data.json";

/// A file id in the project root, for a path known to be valid.
pub fn project_file(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

pub struct EditionWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a FontSet,
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
        templates: &'a Templates,
        main: &str,
        data: Vec<u8>,
        today: Datetime,
    ) -> Option<Self> {
        Some(Self {
            library,
            fonts,
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
            Ok(file) => Ok((Source::new(id, file.text), file.shown_as)),
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
