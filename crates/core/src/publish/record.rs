//! What codepub records about an output folder under `out/.codepub/`: the manifest (every file
//! it wrote there, with its SHA-256) and the journal of a swap under way, read and written as
//! JSON; and the pure decisions taken on them: which paths a build's files replace, which files
//! they make stale. Paths read from these files are checked like the outputs' own: relative,
//! downward, outside `.codepub/` (a tampered record cannot make codepub touch anything else).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{PublishError, RECORD};
use crate::write::{Durability, write_file_atomic_with};

/// The version of both records' format.
const VERSION: u32 = 1;

/// Where a file lies in the output folder: `code-en.pdf`, `html/index.html`. Relative, with `/`
/// between its parts, none of them empty, `.` or `..`, and not under `.codepub/`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OutputPath(String);

impl OutputPath {
    pub fn parse(path: &str) -> Result<Self, String> {
        let bad_part = |part: &str| part.is_empty() || part == "." || part == ".." || part.contains(['\\', ':', '\0']);
        if path.split('/').any(bad_part) {
            return Err(format!("`{path}` is not a relative path downward"));
        }
        if path.split('/').next() == Some(RECORD) {
            return Err(format!("`{path}` is inside codepub's own {RECORD} folder"));
        }
        Ok(Self(path.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The folder the file is published with (`html` for `html/index.html`); `None` at the top.
    pub fn folder(&self) -> Option<&str> {
        self.0.split_once('/').map(|(folder, _)| folder)
    }

    /// The file under `dir`.
    pub fn under(&self, dir: &Path) -> PathBuf {
        self.0.split('/').fold(dir.to_path_buf(), |path, part| path.join(part))
    }
}

impl TryFrom<String> for OutputPath {
    type Error = String;
    fn try_from(path: String) -> Result<Self, String> {
        Self::parse(&path)
    }
}

impl From<OutputPath> for String {
    fn from(path: OutputPath) -> String {
        path.0
    }
}

/// A file's content, as codepub wrote it: its SHA-256 (hex) and length.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileDigest {
    pub sha256: String,
    pub bytes: u64,
}

impl FileDigest {
    pub fn of(bytes: &[u8]) -> Self {
        Self { sha256: hex(&Sha256::digest(bytes)), bytes: bytes.len() as u64 }
    }

    /// The digest of the file at `path`, read in pieces.
    pub fn of_file(path: &Path) -> std::io::Result<Self> {
        let mut file = std::fs::File::open(path)?;
        let (mut hasher, mut buffer, mut bytes) = (Sha256::new(), vec![0; 64 * 1024], 0u64);
        loop {
            match file.read(&mut buffer)? {
                0 => break,
                read => {
                    hasher.update(&buffer[..read]);
                    bytes += read as u64;
                }
            }
        }
        Ok(Self { sha256: hex(&hasher.finalize()), bytes })
    }
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Files by path, each with its content.
pub type Files = BTreeMap<OutputPath, FileDigest>;

/// `out/.codepub/manifest.json`: the files codepub wrote in the folder and that it owns while
/// they hold what it wrote.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub version: u32,
    pub files: Files,
}

/// `out/.codepub/journal.json`, written once every new file is complete in the staging folder and
/// before anything in the output folder changes; removed once the manifest records `after`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    pub version: u32,
    /// The staging folder under `.codepub/` (`staging-<pid>`).
    pub staging: String,
    /// The files renamed from the staging folder into place, in this order; one no longer in
    /// the staging folder is in place already.
    pub install: Vec<OutputPath>,
    /// The stale files removed after that, each only while it holds what `before` says.
    pub remove: Vec<OutputPath>,
    /// The manifest before the swap and after it.
    pub before: Files,
    pub after: Files,
}

impl Journal {
    pub fn new(staging: String, install: Vec<OutputPath>, before: Files, built: &Files) -> Self {
        let (after, remove) = plan(&before, built);
        Self { version: VERSION, staging, install, remove, before, after }
    }
}

/// The manifest after a build that wrote `built` over `before`, and the files it makes stale:
/// those codepub wrote in a folder the build writes (`html/`) that it did not write this time.
/// A top-level file stands alone: a build that does not write it leaves it as it is.
pub fn plan(before: &Files, built: &Files) -> (Files, Vec<OutputPath>) {
    let folders: Vec<&str> = built.keys().filter_map(OutputPath::folder).collect();
    let stale: Vec<OutputPath> = (before.keys())
        .filter(|path| path.folder().is_some_and(|folder| folders.contains(&folder)) && !built.contains_key(*path))
        .cloned()
        .collect();
    let mut after: Files = before.iter().filter(|(path, _)| !stale.contains(path)).map(clone_entry).collect();
    after.extend(built.iter().map(clone_entry));
    (after, stale)
}

fn clone_entry((path, digest): (&OutputPath, &FileDigest)) -> (OutputPath, FileDigest) {
    (path.clone(), digest.clone())
}

/// Whether `name` is a staging folder's: `staging-` and digits (a journal naming anything
/// else is refused: the folder is removed after the swap).
pub fn is_staging_name(name: &str) -> bool {
    name.strip_prefix("staging-").is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// The manifest at `path`; empty when there is none (nothing published there yet).
pub fn read_manifest(path: &Path) -> Result<Files, PublishError> {
    Ok(read::<Manifest>(path)?.map(|manifest| manifest.files).unwrap_or_default())
}

/// The journal at `path`, if a swap was left under way.
pub fn read_journal(path: &Path) -> Result<Option<Journal>, PublishError> {
    let journal = read::<Journal>(path)?;
    if let Some(journal) = &journal
        && !is_staging_name(&journal.staging)
    {
        let reason = format!("`{}` is not a staging folder", journal.staging);
        return Err(PublishError::Record { path: path.to_path_buf(), reason });
    }
    Ok(journal)
}

fn read<T: serde::de::DeserializeOwned + Versioned>(path: &Path) -> Result<Option<T>, PublishError> {
    let text = match std::fs::read(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(PublishError::Io { path: path.to_path_buf(), error }),
    };
    let record = |reason: String| PublishError::Record { path: path.to_path_buf(), reason };
    let value: T = serde_json::from_slice(&text).map_err(|error| record(error.to_string()))?;
    if value.version() != VERSION {
        return Err(record(format!("version {} (this codepub reads version {VERSION})", value.version())));
    }
    Ok(Some(value))
}

trait Versioned {
    fn version(&self) -> u32;
}

impl Versioned for Manifest {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for Journal {
    fn version(&self) -> u32 {
        self.version
    }
}

/// Writes `files` as the manifest at `path`, atomically.
pub fn write_manifest(path: &Path, files: &Files, sync: Durability) -> Result<(), PublishError> {
    write(path, &Manifest { version: VERSION, files: files.clone() }, sync)
}

/// Writes `journal` at `path`, atomically.
pub fn write_journal(path: &Path, journal: &Journal, sync: Durability) -> Result<(), PublishError> {
    write(path, journal, sync)
}

fn write(path: &Path, value: &impl Serialize, sync: Durability) -> Result<(), PublishError> {
    let mut json = serde_json::to_vec_pretty(value).expect("a record serialises");
    json.push(b'\n');
    write_file_atomic_with(path, &json, sync).map_err(|error| PublishError::Io { path: path.to_path_buf(), error })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(entries: &[(&str, &str)]) -> Files {
        entries.iter().map(|(path, text)| (OutputPath::parse(path).unwrap(), FileDigest::of(text.as_bytes()))).collect()
    }

    fn paths(list: &[&str]) -> Vec<OutputPath> {
        list.iter().map(|path| OutputPath::parse(path).unwrap()).collect()
    }

    #[test]
    fn output_paths_are_relative_and_downward_and_outside_the_record() {
        for good in ["code-en.pdf", "html/index.html", "html/sub/a.css", ".codepub-x/a"] {
            assert!(OutputPath::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "/etc/passwd", "../a", "html/../../a", "a//b", "./a", "a/", "c:x", "a\\b", ".codepub/lock"] {
            assert!(OutputPath::parse(bad).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Manifest>(r#"{"version":1,"files":{"../x":{"sha256":"","bytes":0}}}"#).is_err());
    }

    #[test]
    fn a_folder_written_again_loses_the_files_not_written_this_time_and_a_top_level_file_stands_alone() {
        let before = files(&[("code-ja.pdf", "ja"), ("html/en.html", "en"), ("html/style.css", "css")]);
        let built = files(&[("code-en.pdf", "en"), ("html/ja.html", "ja"), ("html/style.css", "css")]);
        let (after, stale) = plan(&before, &built);
        assert_eq!(stale, paths(&["html/en.html"]));
        let kept: Vec<&str> = after.keys().map(OutputPath::as_str).collect();
        assert_eq!(kept, ["code-en.pdf", "code-ja.pdf", "html/ja.html", "html/style.css"]);
    }

    #[test]
    fn a_build_without_a_folder_leaves_the_folder_alone() {
        let before = files(&[("html/en.html", "en")]);
        let (after, stale) = plan(&before, &files(&[("code-en.pdf", "new")]));
        assert!(stale.is_empty());
        assert_eq!(after.len(), 2);
    }

    #[test]
    fn a_file_digest_is_the_same_read_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let bytes: Vec<u8> = (0..200_000u32).map(|n| n as u8).collect();
        std::fs::write(dir.path().join("a"), &bytes).unwrap();
        assert_eq!(FileDigest::of_file(&dir.path().join("a")).unwrap(), FileDigest::of(&bytes));
        assert_eq!(FileDigest::of(b"").sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn records_are_read_back_as_written_and_a_missing_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("manifest.json");
        assert!(read_manifest(&manifest).unwrap().is_empty());
        let written = files(&[("html/a.html", "a")]);
        write_manifest(&manifest, &written, Durability::RenameOnly).unwrap();
        assert_eq!(read_manifest(&manifest).unwrap(), written);
        let journal = dir.path().join("journal.json");
        let staged = Journal::new("staging-7".into(), paths(&["html/a.html"]), Files::new(), &written);
        write_journal(&journal, &staged, Durability::RenameOnly).unwrap();
        assert_eq!(read_journal(&journal).unwrap(), Some(staged));
    }

    #[test]
    fn a_journal_naming_another_folder_or_a_manifest_of_another_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.json");
        let elsewhere = Journal::new("../../home".into(), Vec::new(), Files::new(), &Files::new());
        write_journal(&journal, &elsewhere, Durability::RenameOnly).unwrap();
        assert!(matches!(read_journal(&journal), Err(PublishError::Record { .. })));
        std::fs::write(dir.path().join("manifest.json"), r#"{"version":9,"files":{}}"#).unwrap();
        assert!(matches!(read_manifest(&dir.path().join("manifest.json")), Err(PublishError::Record { .. })));
        assert!(is_staging_name("staging-123") && !is_staging_name("staging-") && !is_staging_name("staging-1/.."));
    }
}
