//! Atomic writes of single files (a redline, a trace, a translation record): each is written
//! beside its destination and renamed over it, so a reader sees the old file or the new one,
//! whole. A build's editions are published together, into a folder shared with other files,
//! by the `publish` module, above this one.

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
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
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
    temp.persist(path).map_err(|error| error.error)?;
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
}
