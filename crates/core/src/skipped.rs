//! Inputs codepub leaves out instead of failing on them, and how it says so: a named pipe, a
//! socket or a device among the sources (reading a named pipe waits for a writer forever, so
//! such a file is never opened: its type is looked at first, through any symbolic link), and a
//! symbolic link to nothing, a loop of links or an unreadable file under `--font-path`. Each is
//! a warning naming the path, never a failure of the run. A file the configuration names
//! (`codepub.toml`, the glossary…) that is not a regular file is an input error instead
//! (`InputError::NotAFile`, in the `error` module): there is nothing to fall back on.

use std::fs::Metadata;

use crate::i18n::Message;

/// What a path holds when it is neither a regular file nor a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialFile {
    /// A named pipe (FIFO).
    Fifo,
    Socket,
    /// A block or character device.
    Device,
    /// Anything else a file system may hold.
    Other,
}

impl SpecialFile {
    /// The kind of what `metadata` describes (taken through symbolic links, as
    /// `std::fs::metadata` takes it); `None` for a regular file or a folder.
    pub fn of(metadata: &Metadata) -> Option<Self> {
        let kind = metadata.file_type();
        if kind.is_file() || kind.is_dir() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(Self::Fifo);
            }
            if kind.is_socket() {
                return Some(Self::Socket);
            }
            if kind.is_block_device() || kind.is_char_device() {
                return Some(Self::Device);
            }
        }
        Some(Self::Other)
    }

    /// The name the messages select on (`fifo`, `socket`, `device`, `other`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Fifo => "fifo",
            Self::Socket => "socket",
            Self::Device => "device",
            Self::Other => "other",
        }
    }
}

/// An input left out of the run, as the user named or placed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Relative to the project root for a source, as given for a font.
    pub path: String,
    pub why: SkipReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Never opened.
    Special(SpecialFile),
    /// A symbolic link whose target does not exist.
    DanglingLink,
    /// A symbolic link that leads back to a folder above it.
    LinkLoop,
    /// The system's reason (permission denied…).
    Unreadable(String),
}

impl Skipped {
    /// The warning: `content/en/notes.md is left out: it is a named pipe (FIFO), never opened`.
    pub fn message(&self) -> Message {
        let message = Message::new("report-input-skipped").arg("path", &self.path);
        match &self.why {
            SkipReason::Special(kind) => message.arg("why", kind.name()).arg("reason", ""),
            SkipReason::DanglingLink => message.arg("why", "dangling").arg("reason", ""),
            SkipReason::LinkLoop => message.arg("why", "loop").arg("reason", ""),
            SkipReason::Unreadable(reason) => message.arg("why", "unreadable").arg("reason", reason),
        }
    }

    /// The reason a walk of a folder (following links) could not enter or read an entry.
    pub fn of_walk_error(error: &walkdir::Error) -> SkipReason {
        if error.loop_ancestor().is_some() {
            return SkipReason::LinkLoop;
        }
        // A link to a link to itself is the system's "too many levels of symbolic links".
        let dangling = error.path().is_some_and(|path| {
            path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink())
                && std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        });
        if dangling {
            return SkipReason::DanglingLink;
        }
        match error.io_error() {
            Some(io) => SkipReason::Unreadable(io.to_string()),
            None => SkipReason::Unreadable(error.to_string()),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_named_pipe_is_special_and_a_file_or_folder_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert_eq!(SpecialFile::of(&std::fs::metadata(&fifo).unwrap()), Some(SpecialFile::Fifo));
        std::fs::write(dir.path().join("a.md"), "x").unwrap();
        assert_eq!(SpecialFile::of(&std::fs::metadata(dir.path().join("a.md")).unwrap()), None);
        assert_eq!(SpecialFile::of(&std::fs::metadata(dir.path()).unwrap()), None);
        // Through a symbolic link, what it points at counts.
        std::os::unix::fs::symlink(&fifo, dir.path().join("link.md")).unwrap();
        assert_eq!(SpecialFile::of(&std::fs::metadata(dir.path().join("link.md")).unwrap()), Some(SpecialFile::Fifo));
    }

    #[test]
    fn walk_errors_say_dangling_link_or_loop() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path().join("nothing.ttf"), dir.path().join("gone.ttf")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("self.ttf"), dir.path().join("self.ttf")).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/up")).unwrap();
        let reasons: Vec<SkipReason> = walkdir::WalkDir::new(dir.path())
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::err)
            .map(|error| Skipped::of_walk_error(&error))
            .collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert_eq!(reasons[0], SkipReason::DanglingLink);
        assert!(matches!(&reasons[1], SkipReason::Unreadable(why) if why.contains("symbolic links")), "{reasons:?}");
        assert_eq!(reasons[2], SkipReason::LinkLoop);
    }
}
