//! One codepub at a time in an output folder: `out/.codepub/lock`, held with the operating
//! system's advisory file lock (std's `File::lock`: `flock` on Unix, `LockFileEx` on Windows),
//! which the system releases however the process ends, so a killed build never leaves the
//! folder locked. The holder writes its process id in the file, for the message of one that
//! waits, always ten digits wide (padded), so that it overwrites the last holder's in one write
//! and a reader never sees half of each. The file itself is never removed: removing a lock file
//! another process has open and waits on would let a third one lock a new file beside it.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

use super::PublishError;

/// The lock of an output folder, released when dropped.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

impl FolderLock {
    /// Locks `path` (made if missing); when another process holds it, calls `waiting` with
    /// its process id (when it could be read) and waits for it.
    pub fn acquire(path: &Path, waiting: impl FnOnce(Option<u32>)) -> Result<Self, PublishError> {
        let failed = |error| PublishError::Io { path: path.to_path_buf(), error };
        let mut file =
            File::options().read(true).write(true).create(true).truncate(false).open(path).map_err(failed)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting(holder(&mut file));
                file.lock().map_err(failed)?;
            }
            Err(TryLockError::Error(error)) => return Err(failed(error)),
        }
        let pid = format!("{:>10}\n", std::process::id());
        file.rewind().and_then(|()| file.write_all(pid.as_bytes())).map_err(failed)?;
        file.set_len(pid.len() as u64).map_err(failed)?;
        Ok(Self { _file: file })
    }
}

/// The process id the holder of a lock file wrote in it; a holder that has only just locked a
/// new file has not written it yet, so an empty file is read again a few times. `None` when it
/// cannot be read (Windows locks reads too).
fn holder(file: &mut File) -> Option<u32> {
    for _ in 0..5 {
        let mut text = String::new();
        if file.rewind().and_then(|()| file.read_to_string(&mut text)).is_ok()
            && let Ok(pid) = text.trim().parse()
        {
            return Some(pid);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_for_the_first_and_learns_its_process_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        let first = FolderLock::acquire(&path, |_| panic!("nobody holds it yet")).unwrap();
        let (told, heard) = std::sync::mpsc::channel();
        let second = std::thread::spawn(move || {
            let lock = FolderLock::acquire(&path, |holder| told.send(holder).unwrap());
            lock.map(drop)
        });
        // The second waits while the first is held; dropping it lets the second through.
        assert_eq!(heard.recv().unwrap(), Some(std::process::id()));
        drop(first);
        second.join().unwrap().unwrap();
    }
}
