//! Helpers shared by the fuzz targets: projects held in memory (a [`SourceTree`] over a map of
//! files), built from the fuzzer's bytes split at NUL bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codepub::error::InputError;
use codepub::load::{Project, SourceTree};

/// The `codepub.toml` of every fuzzed project: all optional metadata present, so the checks and
/// renderers that read it run.
pub const CONFIG: &str = "[edition]\nslug = \"fuzz\"\nadopted = 2023-02-23\n\
identifier = { value = \"11/2023\", label = { en = \"Council Resolution\", ja = \"理事会決議\" } }\n\
isbn = \"978-92-67-11315-9\"\nauthor = \"ISO\"\n\
title = { en = \"Code\", ja = \"規範\" }\n\
copyright = { en = [\"© ISO, 2023\"], ja = [\"© ISO, 2023\", \"© ISO/JSA, 2023\"] }\n";

/// A project's files in memory, by path relative to its root.
#[derive(Default)]
pub struct MemTree {
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemTree {
    /// The fixed configuration with `en` and `ja` as the only Markdown file of each language.
    pub fn pair(en: &[u8], ja: &[u8]) -> Self {
        let mut tree = MemTree::default();
        tree.files.insert("codepub.toml".into(), CONFIG.as_bytes().to_vec());
        tree.files.insert("content/en/a.md".into(), en.to_vec());
        tree.files.insert("content/ja/a.md".into(), ja.to_vec());
        tree
    }

    pub fn load(&self) -> Result<Project, InputError> {
        codepub::load::load_from(Path::new("/fuzz"), self)
    }
}

impl SourceTree for MemTree {
    fn read(&self, relative: &Path) -> Result<Option<Vec<u8>>, InputError> {
        Ok(self.files.get(relative).cloned())
    }

    fn markdown_files(&self, dir: &Path) -> Result<Option<Vec<PathBuf>>, InputError> {
        let files: Vec<PathBuf> = self
            .files
            .keys()
            .filter(|path| path.starts_with(dir) && path.extension().is_some_and(|ext| ext == "md"))
            .cloned()
            .collect();
        Ok(if files.is_empty() { None } else { Some(files) })
    }
}

/// The fuzzer's bytes as `N` parts, split at NUL bytes (missing parts are empty; the last part
/// keeps any further NULs).
pub fn parts<const N: usize>(data: &[u8]) -> [&[u8]; N] {
    let mut out = [&data[..0]; N];
    let mut rest = data;
    for (i, slot) in out.iter_mut().enumerate() {
        if i + 1 == N {
            *slot = rest;
            break;
        }
        match rest.iter().position(|&b| b == 0) {
            Some(at) => {
                *slot = &rest[..at];
                rest = &rest[at + 1..];
            }
            None => {
                *slot = rest;
                rest = &rest[rest.len()..];
            }
        }
    }
    out
}
