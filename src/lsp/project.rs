//! One project as the language server holds it: its root, the editor's open buffers of its
//! sources, its last analysis, and the URIs of its files (the client's own for an open one).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use lsp_types::Uri;

use super::position::uri_of;
use crate::check::Report;
use crate::load::Project;
use crate::source::FileId;

/// One project: its open sources and its last analysis.
pub(super) struct ProjectState {
    pub root: PathBuf,
    /// Open sources by path relative to the root: the client's URI and the buffer's text.
    pub open: BTreeMap<PathBuf, (Uri, String)>,
    /// `None` after an edit, until analysed again.
    pub analysis: Option<Analysis>,
    /// Where diagnostics were last published, to clear the files that have none now.
    pub published: HashSet<Uri>,
}

/// The project as the buffers make it, checked; or not, for input errors (shown as diagnostics
/// at their place) or a check that panicked (a bug, reported rather than taking the server down).
pub(super) enum Analysis {
    Checked { project: Box<Project>, report: Report },
    NotChecked,
}

/// The id of the loaded source at `relative`.
pub(super) fn file_id(project: &Project, relative: &Path) -> Option<FileId> {
    project.sources.find(&crate::load::tree::shown(relative))
}

/// The URI of a file of the project: the client's own for an open one.
pub(super) fn uri_in(project: &ProjectState, relative: &Path) -> Uri {
    match project.open.get(relative) {
        Some((uri, _)) => uri.clone(),
        None => uri_of(&project.root.join(relative)),
    }
}
