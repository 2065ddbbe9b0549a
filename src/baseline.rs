//! The publisher's accepted findings (`content/accepted.toml`): each entry names a check, the
//! address it fired at and why the published text keeps it. Accepted findings do not fail a run.

use std::path::Path;

use serde::Deserialize;

use crate::config;
use crate::error::InputError;
use crate::model::Lang;
use crate::source::{self, Location, SourceFile};

#[derive(Debug, Default)]
pub struct Baseline {
    /// Path shown to users.
    pub path: String,
    pub entries: Vec<Accepted>,
}

/// One accepted finding.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub check: String,
    pub address: String,
    pub lang: Option<Lang>,
    pub excerpt: Option<String>,
    pub reason: String,
    /// Where the entry is written, for reporting entries that no longer match anything.
    pub at: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    accepted: Vec<toml::Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    check: String,
    address: String,
    #[serde(default)]
    lang: Option<Lang>,
    #[serde(default)]
    excerpt: Option<String>,
    reason: String,
}

impl Baseline {
    /// Reads the baseline; a project without one accepts nothing.
    pub fn load(root: &Path, relative: &Path) -> Result<Self, InputError> {
        let shown = relative.to_string_lossy().replace('\\', "/");
        let path = source::confine(root, relative, &shown)?;
        if !path.exists() {
            return Ok(Self { path: shown, entries: Vec::new() });
        }
        let text = source::read_text(&path, &shown)?;
        let file: File = config::parse_toml(&text, &shown)?;
        let index = SourceFile::new(shown.clone(), text);
        let entries = file
            .accepted
            .into_iter()
            .map(|spanned| {
                let (line, column) = index.line_column(spanned.span().start);
                let entry = spanned.into_inner();
                Accepted {
                    check: entry.check,
                    address: entry.address,
                    lang: entry.lang,
                    excerpt: entry.excerpt,
                    reason: entry.reason,
                    at: Location { path: shown.clone(), line, column },
                }
            })
            .collect();
        Ok(Self { path: shown, entries })
    }

    /// Index of the first entry that accepts a finding with these coordinates.
    pub fn find(&self, check: &str, address: &str, lang: Option<Lang>, excerpt: Option<&str>) -> Option<usize> {
        self.entries.iter().position(|entry| {
            entry.check == check
                && entry.address == address
                && (entry.lang.is_none() || entry.lang == lang)
                && (entry.excerpt.is_none() || entry.excerpt.as_deref() == excerpt)
        })
    }
}
