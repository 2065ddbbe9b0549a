//! Where a project's files come from: the working folder (confined to the project root) or a
//! git revision read with gix. The loader sees only this trait.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::InputError;
use crate::location::Location;
use crate::skipped::SpecialFile;
use crate::source::{self, MAX_FILE_BYTES};

/// Read access to one version of a project's files, by path relative to the project root.
pub trait SourceTree {
    /// Bytes of a file; `None` when there is no such file. A named pipe, socket or device is
    /// [`InputError::NotAFile`], never opened.
    fn read(&self, relative: &Path) -> Result<Option<Vec<u8>>, InputError>;
    /// Markdown files under `dir`, walked in name order; `None` when there is no such folder.
    /// Every entry named `*.md` that is not a folder is listed, whatever its type: [`read`] says
    /// which cannot be read.
    ///
    /// [`read`]: SourceTree::read
    fn markdown_files(&self, dir: &Path) -> Result<Option<Vec<PathBuf>>, InputError>;
}

/// How paths are shown to users: relative, with `/`.
pub fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The project folder on disk. Nothing outside `root` is read, not even through a symbolic link.
pub struct DirTree {
    root: PathBuf,
}

impl DirTree {
    pub fn new(root: &Path) -> Self {
        Self { root: root.to_path_buf() }
    }
}

impl SourceTree for DirTree {
    fn read(&self, relative: &Path) -> Result<Option<Vec<u8>>, InputError> {
        let name = shown(relative);
        let path = source::confine(&self.root, relative, &name)?;
        let io = |source| InputError::Io { path: name.clone(), source };
        let metadata = match std::fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(io(error)),
        };
        // Looked at before opening: opening a named pipe waits for a writer, forever.
        if let Some(kind) = SpecialFile::of(&metadata) {
            return Err(InputError::NotAFile { path: name, kind });
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(InputError::FileTooLarge { path: name, bytes: metadata.len(), limit: MAX_FILE_BYTES });
        }
        std::fs::read(&path).map(Some).map_err(io)
    }

    fn markdown_files(&self, dir: &Path) -> Result<Option<Vec<PathBuf>>, InputError> {
        let name = shown(dir);
        let path = source::confine(&self.root, dir, &name)?;
        if !path.is_dir() {
            return Ok(None);
        }
        let mut files = Vec::new();
        for entry in WalkDir::new(&path).sort_by_file_name() {
            let entry = entry.map_err(|error| InputError::Io {
                path: name.clone(),
                source: error.into_io_error().unwrap_or_else(|| std::io::Error::other("filesystem loop")),
            })?;
            if entry.file_type().is_dir() || entry.path().extension().is_none_or(|ext| ext != "md") {
                continue;
            }
            let relative = entry.path().strip_prefix(&self.root).unwrap_or(entry.path()).to_path_buf();
            // Confine every file, so a symbolic link out of the project is refused.
            source::confine(&self.root, &relative, &shown(&relative))?;
            files.push(relative);
        }
        Ok(Some(files))
    }
}

/// The project's files as committed at one git revision (any `git rev-parse` spelling).
///
/// Opening lists the revision's paths under the project; a file's contents are read from the
/// object database only when asked for, and a file over [`MAX_FILE_BYTES`] is refused by its
/// size before it is read, so blobs the project does not use (an unrelated 300 MB file in the
/// same repository) cost nothing.
pub struct GitTree {
    repo: gix::Repository,
    /// The blobs under the project, by path relative to the project root.
    files: BTreeMap<PathBuf, gix::ObjectId>,
    /// The repository, for errors.
    shown_root: String,
    commit: CommitInfo,
}

/// The commit a [`GitTree`] reads: its id shortened as git shortens it, and its commit date in
/// the committer's time zone (`None` when the commit's time cannot be read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitInfo {
    pub short_id: String,
    pub date: Option<crate::config::Date>,
}

impl GitTree {
    /// Reads the project under `root` as it is at `revision` of the repository holding `root`.
    pub fn open(root: &Path, revision: &str) -> Result<Self, InputError> {
        let shown_root = shown(root);
        let error = |message: String| InputError::Git {
            at: Location { path: shown_root.clone(), line: 1, column: 1 },
            message,
        };
        if revision.trim().is_empty() {
            return Err(error("an empty revision: name a git revision (`HEAD~1`, a tag, a commit)".into()));
        }
        let repo = gix::discover(root).map_err(|e| error(format!("not a git repository: {e}")))?;
        let workdir = repo.workdir().ok_or_else(|| error("the repository has no work tree".into()))?;
        let workdir = workdir.canonicalize().map_err(|e| error(e.to_string()))?;
        let root = root.canonicalize().map_err(|e| error(e.to_string()))?;
        let prefix = root.strip_prefix(&workdir).unwrap_or(Path::new("")).to_path_buf();
        let (records, commit) = {
            let id =
                repo.rev_parse_single(revision).map_err(|e| error(format!("unknown revision `{revision}`: {e}")))?;
            let not_a_commit = |e: &dyn std::fmt::Display| error(format!("`{revision}` is not a commit: {e}"));
            let commit = id.object().map_err(|e| not_a_commit(&e))?.peel_to_commit().map_err(|e| not_a_commit(&e))?;
            let tree = commit.tree().map_err(|e| error(e.to_string()))?;
            let mut recorder = gix::traverse::tree::Recorder::default();
            tree.traverse().breadthfirst(&mut recorder).map_err(|e| error(e.to_string()))?;
            let date = commit.time().ok().map(|time| {
                let local = time.seconds + i64::from(time.offset);
                crate::config::Date::from_days_since_epoch(local.div_euclid(86_400))
            });
            (recorder.records, CommitInfo { short_id: commit.id().shorten_or_id().to_string(), date })
        };
        let mut files = BTreeMap::new();
        for entry in records {
            if !entry.mode.is_blob() {
                continue;
            }
            let path = PathBuf::from(entry.filepath.to_string());
            let Ok(relative) = path.strip_prefix(&prefix) else { continue };
            files.insert(relative.to_path_buf(), entry.oid);
        }
        Ok(Self { repo, files, shown_root, commit })
    }

    /// The commit read.
    pub fn commit(&self) -> &CommitInfo {
        &self.commit
    }

    /// The paths of the revision under `dir`, in name order.
    pub fn files_under(&self, dir: &Path) -> Vec<PathBuf> {
        self.files.keys().filter(|path| path.starts_with(dir)).cloned().collect()
    }
}

impl SourceTree for GitTree {
    fn read(&self, relative: &Path) -> Result<Option<Vec<u8>>, InputError> {
        if relative.is_absolute() || relative.components().any(|c| matches!(c, std::path::Component::ParentDir)) {
            return Err(InputError::OutsideRoot { path: shown(relative), root: ".".into() });
        }
        let Some(&oid) = self.files.get(relative) else { return Ok(None) };
        let error = |message: String| InputError::Git {
            at: Location { path: self.shown_root.clone(), line: 1, column: 1 },
            message: format!("{}: {message}", shown(relative)),
        };
        let size = self.repo.find_header(oid).map_err(|e| error(e.to_string()))?.size();
        if size > MAX_FILE_BYTES {
            return Err(InputError::FileTooLarge { path: shown(relative), bytes: size, limit: MAX_FILE_BYTES });
        }
        let object = self.repo.find_object(oid).map_err(|e| error(e.to_string()))?;
        Ok(Some(object.detach().data))
    }

    fn markdown_files(&self, dir: &Path) -> Result<Option<Vec<PathBuf>>, InputError> {
        if dir.is_absolute() || dir.components().any(|c| matches!(c, std::path::Component::ParentDir)) {
            return Err(InputError::OutsideRoot { path: shown(dir), root: ".".into() });
        }
        let files: Vec<PathBuf> =
            self.files_under(dir).into_iter().filter(|path| path.extension().is_some_and(|ext| ext == "md")).collect();
        Ok((!files.is_empty()).then_some(files))
    }
}

/// Another tree with some files replaced by texts held in memory: the unsaved buffers of an
/// editor (`codepub lsp`). A buffer may also be a file the tree does not have yet.
pub struct OverlayTree<'a> {
    base: &'a dyn SourceTree,
    /// Texts by path relative to the project root.
    buffers: &'a BTreeMap<PathBuf, String>,
}

impl<'a> OverlayTree<'a> {
    pub fn new(base: &'a dyn SourceTree, buffers: &'a BTreeMap<PathBuf, String>) -> Self {
        Self { base, buffers }
    }
}

impl SourceTree for OverlayTree<'_> {
    fn read(&self, relative: &Path) -> Result<Option<Vec<u8>>, InputError> {
        match self.buffers.get(relative) {
            Some(text) => Ok(Some(text.as_bytes().to_vec())),
            None => self.base.read(relative),
        }
    }

    fn markdown_files(&self, dir: &Path) -> Result<Option<Vec<PathBuf>>, InputError> {
        let listed = self.base.markdown_files(dir)?;
        let unsaved: Vec<&PathBuf> = (self.buffers.keys())
            .filter(|path| path.starts_with(dir) && path.extension().is_some_and(|ext| ext == "md"))
            .filter(|path| listed.as_ref().is_none_or(|files| !files.contains(path)))
            .collect();
        if unsaved.is_empty() {
            return Ok(listed);
        }
        let mut files = listed.unwrap_or_default();
        files.extend(unsaved.into_iter().cloned());
        // Component by component, as the folder is walked.
        files.sort();
        Ok(Some(files))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_replace_files_and_add_unsaved_ones_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/ja")).unwrap();
        std::fs::write(dir.path().join("content/ja/10-a.md"), "on disk").unwrap();
        std::fs::write(dir.path().join("content/ja/30-c.md"), "on disk").unwrap();
        let base = DirTree::new(dir.path());
        let mut buffers = BTreeMap::new();
        buffers.insert(PathBuf::from("content/ja/10-a.md"), "unsaved".to_string());
        buffers.insert(PathBuf::from("content/ja/20-b.md"), "new".to_string());
        let tree = OverlayTree::new(&base, &buffers);
        assert_eq!(tree.read(Path::new("content/ja/10-a.md")).unwrap().unwrap(), b"unsaved");
        assert_eq!(tree.read(Path::new("content/ja/30-c.md")).unwrap().unwrap(), b"on disk");
        let files = tree.markdown_files(Path::new("content/ja")).unwrap().unwrap();
        let names: Vec<String> = files.iter().map(|path| shown(path)).collect();
        assert_eq!(names, ["content/ja/10-a.md", "content/ja/20-b.md", "content/ja/30-c.md"]);
        assert_eq!(tree.markdown_files(Path::new("content/en")).unwrap(), None);
    }
}
