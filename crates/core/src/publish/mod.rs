//! Publishing a build's files into its output folder (`out/`), a folder codepub shares with
//! whoever else keeps files there. `build`, `watch` and `serve` all publish through a
//! [`Publication`]. The decisions taken:
//!
//! - **Ownership.** codepub owns a file in `out/` while the file holds the bytes codepub last
//!   wrote there: `out/.codepub/manifest.json` lists each such file with its SHA-256 ([`record`]).
//!   It replaces or removes nothing else. A file at a path a build must write or remove that the
//!   manifest does not list, or that was changed since, stops the build before anything changes
//!   (exit 2, every such file named): move it away and build again. One exception: a file that
//!   already holds exactly the bytes to be written is taken over, so an `out/` written before
//!   codepub kept a manifest is taken over wherever the build writes the same bytes. The folder
//!   `out/.codepub/` is codepub's alone.
//! - **Sets.** A build publishes whole sets: a top-level file (a PDF) is a set of its own, a
//!   folder (`html/`) one set of its files. The files of a folder codepub wrote before and does
//!   not write this time are removed, with the folders they leave empty; a top-level file not
//!   built this time stays as it is (`--edition en` keeps the last Japanese PDF).
//! - **Staging.** Each file is written to `out/.codepub/staging-<pid>/` as soon as it is
//!   rendered (synced to disk for `build`: [`Durability`]), on the file system of its
//!   destination; a file that already holds its bytes is not written again (its time stamp
//!   stays: `watch` writes only what changed).
//! - **Swap.** The commit checks every path, writes a journal (`out/.codepub/journal.json`:
//!   the staging folder, the files to rename and to remove, the manifest before and after),
//!   renames each staged file into place, removes the stale ones, writes the new manifest, and
//!   removes the journal and the staging folder ([`swap`]). Every step can be done again, so a
//!   run that finds a journal finishes that swap first (it rolls forward: the staged files were
//!   whole before the journal was written).
//! - **What a reader sees.** Each file whole, old or new, at every moment (a rename is atomic).
//!   Until the journal is written, the old set; once the manifest is written, the new set; in
//!   between, for the few milliseconds of the renames, a mix: the files renamed so far new, the
//!   others old, the stale ones still there. A run killed in between leaves that mix until the
//!   next codepub run on the folder (`build`, `watch` or `serve` with that `--out`) finishes the
//!   swap, before it does anything else.
//! - **One at a time.** A publication holds `out/.codepub/lock` ([`folder_lock`]) from its
//!   first file to its commit (`build`: from its first edition rendered; `watch` and `serve`:
//!   while each pass writes); another waits, and says so.
//! - **Leftovers.** With the lock held, anything else under `.codepub/` is a killed run's and is
//!   removed, as are the temporary files a killed codepub left in `out/` before it kept
//!   `.codepub/`.
//! - **Faults.** In debug builds only, `CODEPUB_FAULT_AFTER_STEP=N` aborts the process right
//!   after step N of a publication, as a kill would, for the tests: 0 the folder locked and
//!   recovered, 1 every file staged, 2 the journal written, then one step per file renamed and
//!   per file removed, then the manifest written, the journal removed, the staging folder removed.

pub mod folder_lock;
pub mod record;
mod swap;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::write::{Durability, sync_dir};
use folder_lock::FolderLock;
use record::{FileDigest, Files, Journal, OutputPath};

/// codepub's own folder in an output folder.
pub const RECORD: &str = ".codepub";
const LOCK: &str = "lock";
const MANIFEST: &str = "manifest.json";
const JOURNAL: &str = "journal.json";

/// Why files could not be published; nothing visible changed, unless the swap had begun (then
/// the next run finishes it).
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// A file or folder could not be read, written, renamed or removed.
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: std::io::Error },
    /// Files the build would replace or remove that codepub did not write, or that changed
    /// since it wrote them (or folders where files go, or files where folders go).
    #[error("not written by codepub, or changed since: {}", list(paths))]
    NotOurs { paths: Vec<PathBuf> },
    /// The manifest or the journal is not one this codepub can read.
    #[error("{}: {reason}", path.display())]
    Record { path: PathBuf, reason: String },
}

fn list(paths: &[PathBuf]) -> String {
    paths.iter().map(|path| path.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// The files of one build, staged as they come and published together by
/// [`Publication::commit`]; the output folder is locked meanwhile. Dropped before the commit
/// (a render failed), nothing is published and the staged files are removed.
#[derive(Debug)]
pub struct Publication {
    out: PathBuf,
    sync: Durability,
    /// The staging folder's name under `.codepub/`.
    staging: String,
    /// The manifest as this publication found it.
    before: Files,
    /// Every file of this build.
    built: Files,
    /// Those written to the staging folder (the others already hold their bytes).
    staged: BTreeSet<OutputPath>,
    /// Whether the journal was written: the staging folder is then the next run's to finish.
    journaled: bool,
    steps: Steps,
    _lock: FolderLock,
}

impl Publication {
    /// Locks the output folder `out` (made if missing), calling `waiting` with the holder's
    /// process id first when another codepub holds it, and finishes what a killed run left.
    pub fn open(out: &Path, sync: Durability, waiting: impl FnOnce(Option<u32>)) -> Result<Self, PublishError> {
        let record = out.join(RECORD);
        std::fs::create_dir_all(&record).map_err(|error| PublishError::Io { path: record.clone(), error })?;
        let lock = FolderLock::acquire(&record.join(LOCK), waiting)?;
        swap::recover(out, sync)?;
        let before = record::read_manifest(&record.join(MANIFEST))?;
        let mut steps = Steps::counted();
        steps.done();
        Ok(Self {
            out: out.to_path_buf(),
            sync,
            staging: format!("staging-{}", std::process::id()),
            before,
            built: Files::new(),
            staged: BTreeSet::new(),
            journaled: false,
            steps,
            _lock: lock,
        })
    }

    /// `bytes` to be published at `path` (`code-en.pdf`, `html/index.html`): written to the
    /// staging folder now, unless the file there already holds them as codepub wrote them.
    pub fn add(&mut self, path: &str, bytes: &[u8]) -> Result<(), PublishError> {
        let failed = |at: &Path| {
            let path = at.to_path_buf();
            move |error| PublishError::Io { path, error }
        };
        let path = OutputPath::parse(path).map_err(|reason| {
            failed(&self.out.join(path))(std::io::Error::new(std::io::ErrorKind::InvalidInput, reason))
        })?;
        let digest = FileDigest::of(bytes);
        let at = path.under(&self.out);
        let unchanged = self.before.get(&path) == Some(&digest)
            && std::fs::metadata(&at).is_ok_and(|meta| meta.is_file() && meta.len() == digest.bytes);
        if unchanged {
            self.staged.remove(&path);
        } else {
            let staged = path.under(&self.out.join(RECORD).join(&self.staging));
            let dir = staged.parent().expect("a staged file is in the staging folder");
            std::fs::create_dir_all(dir).map_err(failed(dir))?;
            let mut file = std::fs::File::create(&staged).map_err(failed(&staged))?;
            file.write_all(bytes).map_err(failed(&staged))?;
            if self.sync == Durability::Synced {
                file.sync_all().map_err(failed(&staged))?;
            }
            self.staged.insert(path.clone());
        }
        self.built.insert(path, digest);
        Ok(())
    }

    /// Publishes every file added: checks that each path it replaces or removes is codepub's,
    /// then swaps them in ([`swap`]).
    pub fn commit(mut self) -> Result<(), PublishError> {
        let install: Vec<OutputPath> = self.staged.iter().cloned().collect();
        let unchanged: Vec<OutputPath> =
            self.built.keys().filter(|path| !self.staged.contains(*path)).cloned().collect();
        let journal = Journal::new(self.staging.clone(), install, std::mem::take(&mut self.before), &self.built);
        let refused = swap::refusals(&self.out, &journal, &journal.install, &unchanged)?;
        if !refused.is_empty() {
            return Err(PublishError::NotOurs { paths: refused });
        }
        if journal.install.is_empty() && journal.remove.is_empty() && journal.after == journal.before {
            return Ok(());
        }
        let record = self.out.join(RECORD);
        if self.sync == Durability::Synced {
            let staging = record.join(&self.staging);
            let folders: BTreeSet<PathBuf> = (journal.install.iter())
                .flat_map(|path| {
                    let file = path.under(&staging);
                    let folders: Vec<PathBuf> =
                        file.ancestors().skip(1).take_while(|dir| *dir != record).map(Path::to_path_buf).collect();
                    folders
                })
                .chain([record.clone()])
                .collect();
            for dir in &folders {
                sync_dir(dir).map_err(|error| PublishError::Io { path: dir.clone(), error })?;
            }
        }
        self.steps.done();
        self.journaled = true;
        record::write_journal(&record.join(JOURNAL), &journal, self.sync)?;
        if self.sync == Durability::Synced {
            sync_dir(&record).map_err(|error| PublishError::Io { path: record.clone(), error })?;
        }
        self.steps.done();
        swap::roll_forward(&self.out, &journal, self.sync, &mut self.steps)
    }
}

impl Drop for Publication {
    fn drop(&mut self) {
        if !self.journaled {
            let _ = std::fs::remove_dir_all(self.out.join(RECORD).join(&self.staging));
        }
    }
}

/// The steps of a publication, counted for fault injection (see the module's documentation).
#[derive(Debug)]
struct Steps {
    done: u32,
    abort_after: Option<u32>,
}

impl Steps {
    /// Steps that abort the process after the one `CODEPUB_FAULT_AFTER_STEP` names.
    fn counted() -> Self {
        Self { done: 0, abort_after: fault_step() }
    }

    /// Steps that never abort: those of finishing a killed run's swap.
    fn uncounted() -> Self {
        Self { done: 0, abort_after: None }
    }

    fn done(&mut self) {
        if self.abort_after == Some(self.done) {
            eprintln!("codepub: CODEPUB_FAULT_AFTER_STEP={}: aborting", self.done);
            std::process::abort();
        }
        self.done += 1;
    }
}

#[cfg(debug_assertions)]
fn fault_step() -> Option<u32> {
    std::env::var("CODEPUB_FAULT_AFTER_STEP").ok()?.parse().ok()
}

/// Release builds have no fault injection.
#[cfg(not(debug_assertions))]
fn fault_step() -> Option<u32> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn publish(out: &Path, files: &[(&str, &str)]) -> Result<(), PublishError> {
        let mut publication = Publication::open(out, Durability::RenameOnly, |_| panic!("not locked"))?;
        for (path, text) in files {
            publication.add(path, text.as_bytes())?;
        }
        publication.commit()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_folder_is_published_over_the_last_one_and_what_others_put_there_stays() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        publish(&out, &[("a.pdf", "1"), ("html/a.html", "1"), ("html/old.css", "x")]).unwrap();
        std::fs::write(out.join("html/mine.txt"), "mine").unwrap();
        publish(&out, &[("html/a.html", "2")]).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("html/a.html")).unwrap(), "2");
        assert!(!out.join("html/old.css").exists(), "codepub's stale file is removed");
        assert_eq!(std::fs::read_to_string(out.join("html/mine.txt")).unwrap(), "mine");
        assert_eq!(std::fs::read_to_string(out.join("a.pdf")).unwrap(), "1", "a file not built stays");
        assert_eq!(names(&out.join(RECORD)), ["lock", "manifest.json"]);
    }

    #[test]
    fn a_file_codepub_did_not_write_is_neither_replaced_nor_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join("html")).unwrap();
        std::fs::write(out.join("html/a.html"), "mine").unwrap();
        let error = publish(&out, &[("html/a.html", "codepub's"), ("b.pdf", "b")]).unwrap_err();
        assert!(matches!(&error, PublishError::NotOurs { paths } if paths == &[out.join("html/a.html")]), "{error}");
        assert_eq!(std::fs::read_to_string(out.join("html/a.html")).unwrap(), "mine");
        assert!(!out.join("b.pdf").exists(), "nothing is published");
        assert_eq!(names(&out.join(RECORD)), ["lock"], "nothing staged is left");
        // Once written by codepub and then changed, it is not codepub's either.
        std::fs::remove_file(out.join("html/a.html")).unwrap();
        publish(&out, &[("html/a.html", "codepub's"), ("html/b.html", "b")]).unwrap();
        std::fs::write(out.join("html/b.html"), "edited").unwrap();
        assert!(matches!(publish(&out, &[("html/a.html", "new")]), Err(PublishError::NotOurs { .. })));
        assert_eq!(std::fs::read_to_string(out.join("html/a.html")).unwrap(), "codepub's");
    }

    #[test]
    fn a_file_already_holding_the_bytes_is_taken_over_and_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("a.pdf"), "same").unwrap();
        publish(&out, &[("a.pdf", "same")]).unwrap();
        let modified = std::fs::metadata(out.join("a.pdf")).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        publish(&out, &[("a.pdf", "same")]).unwrap();
        assert_eq!(std::fs::metadata(out.join("a.pdf")).unwrap().modified().unwrap(), modified);
        publish(&out, &[("a.pdf", "new")]).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a.pdf")).unwrap(), "new");
    }

    #[test]
    fn a_publication_dropped_before_its_commit_changes_nothing_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        publish(&out, &[("a.pdf", "1")]).unwrap();
        let mut publication = Publication::open(&out, Durability::Synced, |_| panic!("not locked")).unwrap();
        publication.add("a.pdf", b"2").unwrap();
        publication.add("html/index.html", b"2").unwrap();
        drop(publication);
        assert_eq!(std::fs::read_to_string(out.join("a.pdf")).unwrap(), "1");
        assert_eq!(names(&out), [".codepub", "a.pdf"]);
        assert_eq!(names(&out.join(RECORD)), ["lock", "manifest.json"]);
    }

    #[test]
    fn a_swap_left_half_done_is_finished_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        publish(&out, &[("html/a.html", "1"), ("html/b.html", "1")]).unwrap();
        // A run killed after renaming the first of its two files: its journal and staging left.
        let before = record::read_manifest(&out.join(RECORD).join(MANIFEST)).unwrap();
        let built: Files = [("html/a.html", "2"), ("html/c.html", "2")]
            .iter()
            .map(|(path, text)| (OutputPath::parse(path).unwrap(), FileDigest::of(text.as_bytes())))
            .collect();
        let journal = Journal::new("staging-1".into(), built.keys().cloned().collect(), before, &built);
        let record = out.join(RECORD);
        record::write_journal(&record.join(JOURNAL), &journal, Durability::RenameOnly).unwrap();
        std::fs::write(out.join("html/a.html"), "2").unwrap();
        std::fs::create_dir_all(record.join("staging-1/html")).unwrap();
        std::fs::write(record.join("staging-1/html/c.html"), "2").unwrap();
        std::fs::create_dir_all(record.join("staging-2")).unwrap();
        drop(Publication::open(&out, Durability::RenameOnly, |_| panic!("not locked")).unwrap());
        assert_eq!(names(&out.join("html")), ["a.html", "c.html"]);
        assert_eq!(std::fs::read_to_string(out.join("html/c.html")).unwrap(), "2");
        assert_eq!(record::read_manifest(&record.join(MANIFEST)).unwrap(), journal.after);
        assert_eq!(names(&record), ["lock", "manifest.json"], "the other run's staging folder is gone too");
    }
}
