//! The git history of one file of a project: the commits, reachable from `HEAD`, that changed it
//! (read with gix). The translation memory walks the record's history with it; each commit is
//! then read as a [`super::GitTree`].

use std::collections::HashMap;
use std::path::Path;

use crate::error::InputError;
use crate::location::Location;

/// A commit that changed the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// The commit's id, in hex (a revision [`super::GitTree::open`] reads).
    pub commit: String,
}

/// The commits reachable from `HEAD` of the repository holding `root` in which the file
/// `relative` (to `root`) differs from its version in every parent (added, or changed; a merge
/// that kept one parent's version did not change it), newest first. `None` when `root` is in no
/// git repository, or the repository has no commit yet.
///
/// A commit whose parents are missing (a shallow clone) counts as having added the file when it
/// holds it: the walk ends there.
pub fn commits_changing(root: &Path, relative: &Path) -> Result<Option<Vec<Revision>>, InputError> {
    let shown_root = super::shown(root);
    let error =
        |message: String| InputError::Git { at: Location { path: shown_root.clone(), line: 1, column: 1 }, message };
    let Ok(repo) = gix::discover(root) else { return Ok(None) };
    let Some(workdir) = repo.workdir() else { return Ok(None) };
    let workdir = workdir.canonicalize().map_err(|e| error(e.to_string()))?;
    let absolute = root.canonicalize().map_err(|e| error(e.to_string()))?;
    let path = absolute.strip_prefix(&workdir).unwrap_or(Path::new("")).join(relative);
    let Ok(head) = repo.head_id() else { return Ok(None) };

    // The file's blob at each commit looked at (`None`: absent, or the commit is not in the clone).
    let mut blobs: HashMap<gix::ObjectId, Option<gix::ObjectId>> = HashMap::new();
    let mut blob_at = |id: gix::ObjectId| -> Option<gix::ObjectId> {
        *blobs.entry(id).or_insert_with(|| {
            let commit = repo.find_commit(id).ok()?;
            let tree = commit.tree().ok()?;
            let entry = tree.lookup_entry_by_path(&path).ok()??;
            entry.mode().is_blob().then(|| entry.object_id())
        })
    };
    let walk = head.ancestors().all().map_err(|e| error(format!("walking the history: {e}")))?;
    let mut changed = Vec::new();
    for info in walk {
        // A shallow clone ends the walk where its history does.
        let Ok(info) = info else { break };
        let Some(blob) = blob_at(info.id) else { continue };
        let parents: Vec<gix::ObjectId> = info.parent_ids.iter().copied().collect();
        if parents.iter().all(|&parent| blob_at(parent) != Some(blob)) {
            changed.push(Revision { commit: info.id.to_string() });
        }
    }
    Ok(Some(changed))
}
