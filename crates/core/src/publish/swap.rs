//! The swap of a journal into the output folder, and what the next run does after a killed one:
//! the checks that nothing but codepub's own files is replaced or removed, the renames and
//! removals themselves (each can be done again, so a half-done swap is finished by doing it
//! again), and the removal of what a killed run left under `.codepub/`.

use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::record::{self, FileDigest, Files, Journal, OutputPath};
use super::{JOURNAL, LOCK, MANIFEST, PublishError, RECORD, Steps};
use crate::write::{Durability, sync_dir};

/// What is at an output path.
#[derive(Debug, PartialEq)]
enum OnDisk {
    Absent,
    File(FileDigest),
    /// A folder, or anything else a file cannot be renamed over.
    Other,
}

fn on_disk(path: &Path) -> Result<OnDisk, PublishError> {
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(OnDisk::Absent),
        Err(error) => Err(PublishError::Io { path: path.to_path_buf(), error }),
        Ok(meta) if !meta.is_file() => Ok(OnDisk::Other),
        Ok(_) => FileDigest::of_file(path)
            .map(OnDisk::File)
            .map_err(|error| PublishError::Io { path: path.to_path_buf(), error }),
    }
}

/// The paths in the output folder `out` that `journal` would replace or remove though they are
/// not codepub's: a file neither missing nor holding what codepub last wrote there (`before`)
/// nor already what it writes now (`after`), or a folder or file where a file or folder must
/// go. `pending`: the files still to rename into place; `unchanged`: files kept as they are,
/// which must still hold what codepub wrote.
pub(super) fn refusals(
    out: &Path,
    journal: &Journal,
    pending: &[OutputPath],
    unchanged: &[OutputPath],
) -> Result<Vec<PathBuf>, PublishError> {
    let mut refused = BTreeSet::new();
    let holds = |path: &OutputPath, files: &Files, state: &OnDisk| matches!(state, OnDisk::File(digest) if files.get(path) == Some(digest));
    for path in pending {
        let at = path.under(out);
        // The folders it goes in must be folders (or missing).
        for dir in at.ancestors().skip(1).take_while(|dir| *dir != out) {
            if std::fs::metadata(dir).is_ok_and(|meta| !meta.is_dir()) {
                refused.insert(dir.to_path_buf());
            }
        }
        let state = on_disk(&at)?;
        if !(state == OnDisk::Absent || holds(path, &journal.before, &state) || holds(path, &journal.after, &state)) {
            refused.insert(at);
        }
    }
    for path in &journal.remove {
        let state = on_disk(&path.under(out))?;
        if !(state == OnDisk::Absent || holds(path, &journal.before, &state)) {
            refused.insert(path.under(out));
        }
    }
    for path in unchanged {
        if !holds(path, &journal.after, &on_disk(&path.under(out))?) {
            refused.insert(path.under(out));
        }
    }
    Ok(refused.into_iter().collect())
}

/// Does the swap `journal` describes, or what is left of it: each staged file still in the
/// staging folder renamed into place, each stale file removed (with the folders it leaves
/// empty), the manifest written, the journal and the staging folder removed; a step after
/// each ([`Steps`]). Checked before by [`refusals`].
pub(super) fn roll_forward(
    out: &Path,
    journal: &Journal,
    sync: Durability,
    steps: &mut Steps,
) -> Result<(), PublishError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| PublishError::Io { path, error }
    };
    let record = out.join(RECORD);
    let staging = record.join(&journal.staging);
    // Folders whose entries changed, synced before the manifest says the swap is done.
    let mut changed = BTreeSet::new();
    for path in &journal.install {
        let (from, to) = (path.under(&staging), path.under(out));
        if std::fs::symlink_metadata(&from).is_err() {
            continue; // In place already.
        }
        let dir = to.parent().unwrap_or(out);
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        std::fs::rename(&from, &to).map_err(io(&to))?;
        changed.insert(dir.to_path_buf());
        steps.done();
    }
    for path in &journal.remove {
        let at = path.under(out);
        match std::fs::remove_file(&at) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(io(&at)(error)),
            _ => {}
        }
        // The folders it leaves empty go too (a folder still holding anything stays).
        for dir in at.ancestors().skip(1).take_while(|dir| *dir != out) {
            changed.insert(dir.parent().unwrap_or(out).to_path_buf());
            if std::fs::remove_dir(dir).is_err() {
                break;
            }
        }
        steps.done();
    }
    if sync == Durability::Synced {
        for dir in changed.iter().filter(|dir| dir.is_dir()) {
            sync_dir(dir).map_err(io(dir))?;
        }
    }
    record::write_manifest(&record.join(MANIFEST), &journal.after, sync)?;
    steps.done();
    let journal_path = record.join(JOURNAL);
    std::fs::remove_file(&journal_path).map_err(io(&journal_path))?;
    if sync == Durability::Synced {
        sync_dir(&record).map_err(io(&record))?;
    }
    steps.done();
    match std::fs::remove_dir_all(&staging) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(io(&staging)(error)),
        _ => {}
    }
    steps.done();
    Ok(())
}

/// What a run does first, the folder locked: finishes the swap a killed run left under way (its
/// journal), then removes everything else a killed run left: under `.codepub/`, all but the lock
/// and the manifest; in `out/`, what codepub left there before it kept `.codepub/`
/// ([`is_earlier_leftover`]).
pub(super) fn recover(out: &Path, sync: Durability) -> Result<(), PublishError> {
    let record = out.join(RECORD);
    if let Some(journal) = record::read_journal(&record.join(JOURNAL))? {
        let staging = record.join(&journal.staging);
        let pending: Vec<OutputPath> = journal
            .install
            .iter()
            .filter(|path| std::fs::symlink_metadata(path.under(&staging)).is_ok())
            .cloned()
            .collect();
        let refused = refusals(out, &journal, &pending, &[])?;
        if !refused.is_empty() {
            return Err(PublishError::NotOurs { paths: refused });
        }
        roll_forward(out, &journal, sync, &mut Steps::uncounted())?;
    }
    remove_entries(&record, |path| path.file_name().is_some_and(|name| name != LOCK && name != MANIFEST))?;
    remove_entries(out, is_earlier_leftover)
}

/// Removes each entry of `dir` that `matches`, a folder with all it holds.
fn remove_entries(dir: &Path, matches: impl Fn(&Path) -> bool) -> Result<(), PublishError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| PublishError::Io { path, error }
    };
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if !matches(&path) {
            continue;
        }
        let removed = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        removed.map_err(io(&path))?;
    }
    Ok(())
}

/// What codepub left in the output folder before it kept `.codepub/`, when a build was killed:
/// named by `tempfile` (`.codepub-` and six random letters or digits, or `.codepub-old-` and
/// six) and holding what codepub wrote there: a PDF, whole or cut short, or the HTML folder
/// (pages and stylesheet). Anything else of that name is not taken for codepub's.
fn is_earlier_leftover(path: &Path) -> bool {
    let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
    let random = name.strip_prefix(".codepub-old-").or_else(|| name.strip_prefix(".codepub-"));
    if !random.is_some_and(|random| random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric())) {
        return false;
    }
    if path.is_dir() {
        let page = |path: &Path| path.extension().is_some_and(|ext| ext == "html" || ext == "css");
        return walkdir::WalkDir::new(path)
            .into_iter()
            .all(|entry| entry.is_ok_and(|entry| entry.file_type().is_dir() || page(entry.path())));
    }
    let mut start = Vec::with_capacity(5);
    let read = std::fs::File::open(path).and_then(|file| file.take(5).read_to_end(&mut start));
    read.is_ok() && b"%PDF-".starts_with(&start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_earlier_versions_left_counts_as_their_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, bytes).unwrap();
            path
        };
        for leftover in [write(".codepub-a1B2c3", b"%PDF-1.7 cut sh"), write(".codepub-Zz0000", b"")] {
            assert!(is_earlier_leftover(&leftover), "{}", leftover.display());
        }
        write(".codepub-old-XyZ789/index.html", b"<p>");
        write(".codepub-old-XyZ789/style.css", b"p {}");
        assert!(is_earlier_leftover(&dir.path().join(".codepub-old-XyZ789")));
        for kept in [
            write(".codepub-backup", b"my notes"),
            write(".codepub-notes.txt", b"%PDF-"),
            write("codepub-a1B2c3", b"%PDF-"),
            write(".codepub-Qq1234/thesis.tex", b"\\begin"),
        ] {
            assert!(!is_earlier_leftover(&kept), "{}", kept.display());
        }
        assert!(!is_earlier_leftover(&dir.path().join(".codepub-Qq1234")));
    }
}
