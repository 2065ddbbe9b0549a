//! Atomic output: a file is written beside its destination and renamed over it; a directory is
//! built aside and swapped in. A failed build leaves the last good output in place.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, the
/// file synced to disk before the rename.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file_atomic_with(path, bytes, Durability::Synced)
}

/// Whether an atomic write waits for the file to reach the disk before renaming it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Synced: after a crash, the path holds the old file or the new one, whole (`build`).
    Synced,
    /// Not synced: readers still see the old file or the new one, whole, but a crash may leave
    /// it empty; for the live loop, which writes again on the next change.
    RenameOnly,
}

/// [`write_file_atomic`], synced to disk or not.
pub fn write_file_atomic_with(path: &Path, bytes: &[u8], sync: Durability) -> std::io::Result<()> {
    let mut staged = Staged::default();
    staged.stage(path, bytes, sync)?;
    staged.commit()?;
    Ok(())
}

/// Syncs folder `dir`'s entries to disk (a file renamed or removed in it), where the system
/// allows it (not on Windows, whose folders cannot be opened as files).
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Files written beside their destinations, each to a temporary file, and renamed over them
/// together by [`Staged::commit`], so that what was rendered early need not wait in memory for
/// the rest. Dropped without a commit (a later render failed), the temporary files are removed,
/// with any folder staging created, and the destinations keep their last good output.
#[derive(Default)]
pub struct Staged {
    files: Vec<(std::path::PathBuf, tempfile::TempPath)>,
    /// Folders created for the files, outermost first.
    created: Vec<std::path::PathBuf>,
}

impl Staged {
    /// `bytes` written to a temporary file beside `path`, synced to disk or not.
    pub fn stage(&mut self, path: &Path, bytes: &[u8], sync: Durability) -> std::io::Result<()> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let missing: Vec<_> = dir.ancestors().take_while(|dir| !dir.as_os_str().is_empty() && !dir.exists()).collect();
        std::fs::create_dir_all(dir)?;
        self.created.extend(missing.into_iter().rev().map(Path::to_path_buf));
        let mut temp = tempfile::Builder::new().prefix(".codepub-").tempfile_in(dir)?;
        // Temporary files are private; a published file is readable like any other output.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            temp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
        temp.write_all(bytes)?;
        if sync == Durability::Synced {
            temp.as_file().sync_all()?;
        }
        self.files.push((path.to_path_buf(), temp.into_temp_path()));
        Ok(())
    }

    /// Every staged file renamed over its destination, in the order staged; returns the paths.
    pub fn commit(mut self) -> std::io::Result<Vec<std::path::PathBuf>> {
        self.created.clear();
        let mut written = Vec::with_capacity(self.files.len());
        for (path, temp) in std::mem::take(&mut self.files) {
            temp.persist(&path).map_err(|error| error.error)?;
            written.push(path);
        }
        Ok(written)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // The temporary files go first (each removes itself), then the folders made for them,
        // innermost first, if nothing else was put in them.
        self.files.clear();
        for dir in self.created.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Replaces directory `path` with `files` (relative path, bytes): all are written into a fresh
/// sibling directory, which is then swapped in by rename; the old directory is removed after.
pub fn write_dir_atomic(path: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let staging = tempfile::Builder::new().prefix(".codepub-").tempdir_in(parent)?;
    for (relative, bytes) in files {
        let target = staging.path().join(relative);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&target, bytes)?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(staging.path(), std::fs::Permissions::from_mode(0o755))?;
    }
    let staged = staging.keep();
    if path.exists() {
        let old = tempfile::Builder::new().prefix(".codepub-old-").tempdir_in(parent)?.keep();
        std::fs::remove_dir(&old)?;
        std::fs::rename(path, &old)?;
        std::fs::rename(&staged, path)?;
        std::fs::remove_dir_all(&old)?;
    } else {
        std::fs::rename(&staged, path)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_is_replaced_whole_and_no_temporary_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        write_file_atomic(&path, b"one").unwrap();
        write_file_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        }
    }

    #[test]
    fn staged_files_appear_together_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
        std::fs::write(&a, b"old").unwrap();
        let mut staged = Staged::default();
        staged.stage(&a, b"new a", Durability::RenameOnly).unwrap();
        staged.stage(&b, b"new b", Durability::RenameOnly).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"old", "nothing replaced before the commit");
        assert!(!b.exists());
        assert_eq!(staged.commit().unwrap(), vec![a.clone(), b.clone()]);
        assert_eq!((std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap()), (b"new a".to_vec(), b"new b".to_vec()));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file left");
    }

    #[test]
    fn staged_files_dropped_without_commit_leave_the_last_output_and_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.pdf");
        std::fs::write(&a, b"old").unwrap();
        let fresh = dir.path().join("out/editions/b.pdf");
        let mut staged = Staged::default();
        staged.stage(&a, b"new", Durability::Synced).unwrap();
        staged.stage(&fresh, b"new", Durability::Synced).unwrap();
        drop(staged);
        assert_eq!(std::fs::read(&a).unwrap(), b"old");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|entry| entry.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("a.pdf")], "the folders made for staging are gone too");
    }

    #[test]
    fn directory_is_swapped_in_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("html");
        write_dir_atomic(&out, &[("a.html".into(), b"1".to_vec()), ("old.css".into(), b"x".to_vec())]).unwrap();
        write_dir_atomic(&out, &[("a.html".into(), b"2".to_vec())]).unwrap();
        assert_eq!(std::fs::read(out.join("a.html")).unwrap(), b"2");
        assert!(!out.join("old.css").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
