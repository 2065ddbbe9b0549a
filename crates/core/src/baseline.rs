//! The publisher's accepted findings (`content/accepted.toml`): each entry names a check, the
//! address it fired at and why the published text keeps it. Accepted findings do not fail a run.

use serde::Deserialize;

use crate::address::Address;
use crate::config;
use crate::error::InputError;
use crate::location::Location;
use crate::model::Lang;
use crate::source::SourceFile;

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
    pub address: Address,
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
    /// Parses the baseline's text (`None`: the project has no baseline and accepts nothing).
    pub fn parse(text: Option<String>, shown: &str) -> Result<Self, InputError> {
        let Some(text) = text else {
            return Ok(Self { path: shown.to_string(), entries: Vec::new() });
        };
        let file: File = config::parse_toml(&text, shown)?;
        let index = SourceFile::new(shown, text);
        let entries = file
            .accepted
            .into_iter()
            .map(|spanned| {
                let (line, column) = index.line_column(spanned.span().start);
                let entry = spanned.into_inner();
                // Keys compare with findings made from normalised text (see crate::nfc).
                Accepted {
                    check: entry.check,
                    address: Address::from(entry.address),
                    lang: entry.lang,
                    excerpt: entry.excerpt.map(|excerpt| crate::nfc::normalize(&excerpt).into_owned()),
                    reason: entry.reason,
                    at: Location { path: shown.to_string(), line, column },
                }
            })
            .collect();
        Ok(Self { path: shown.to_string(), entries })
    }

    /// Index of the first entry that accepts a finding with these coordinates.
    pub fn find(&self, check: &str, address: &Address, lang: Option<Lang>, excerpt: Option<&str>) -> Option<usize> {
        self.entries.iter().position(|entry| {
            entry.check == check
                && entry.address == *address
                && (entry.lang.is_none() || entry.lang == lang)
                && (entry.excerpt.is_none() || entry.excerpt.as_deref() == excerpt)
        })
    }
}
