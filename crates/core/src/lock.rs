//! The translation record (`content/translations.lock`): for every paired heading and block, a
//! fingerprint of the English the Japanese was translated from, of the Japanese as signed off,
//! and that English text itself, so a stale translation can show what changed.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::address::Address;
use crate::config;
use crate::error::InputError;

pub const LOCK_VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationLock {
    pub version: u32,
    #[serde(default, rename = "pair")]
    pub pairs: Vec<LockedPair>,
}

/// One signed-off translation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedPair {
    /// Address of the pair when it was signed off (`principle-3#2`).
    pub address: Address,
    /// Fingerprint of the English source text.
    pub en: String,
    /// Fingerprint of the Japanese source text.
    pub ja: String,
    /// The English source text as signed off (whitespace-normalised).
    pub english: String,
}

/// Whitespace-normalised source text in Unicode normal form ([`crate::nfc`]): what a
/// fingerprint covers, so a file saved again in NFD keeps its translations signed off.
pub fn normalise(source: &str) -> String {
    crate::nfc::normalize(source).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `sha256:` and the first 16 hex digits of the SHA-256 of the normalised text.
pub fn fingerprint(source: &str) -> String {
    let digest = Sha256::digest(normalise(source).as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

impl TranslationLock {
    /// Parses the record (`None`: the project keeps no record, and staleness is not checked).
    pub fn parse(text: Option<String>, shown: &str) -> Result<Option<Self>, InputError> {
        text.map(|text| config::parse_toml(&text, shown)).transpose()
    }

    pub fn get(&self, address: &Address) -> Option<&LockedPair> {
        self.pairs.iter().find(|p| p.address == *address)
    }

    /// The record as written to disk.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!(
            "# Translation record: which English each Japanese heading and paragraph was signed off against.\n\
             # Written by `codepub sign-off`; do not edit by hand.\n\n{body}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_line_wrapping_but_not_words() {
        assert_eq!(fingerprint("We act\nfairly."), fingerprint("We  act fairly."));
        assert_ne!(fingerprint("We act fairly."), fingerprint("We act fairly!"));
        assert!(fingerprint("x").starts_with("sha256:") && fingerprint("x").len() == 23);
    }

    #[test]
    fn fingerprints_are_the_same_for_composed_and_decomposed_text() {
        assert_eq!(fingerprint("がくせい"), fingerprint("\u{304B}\u{3099}\u{304F}\u{305B}\u{3044}"));
    }

    #[test]
    fn record_round_trips_through_toml() {
        let lock = TranslationLock {
            version: LOCK_VERSION,
            pairs: vec![LockedPair {
                address: "a#1".into(),
                en: fingerprint("x"),
                ja: fingerprint("エ"),
                english: "x".into(),
            }],
        };
        let parsed = TranslationLock::parse(Some(lock.to_toml()), "t.lock").unwrap().unwrap();
        assert_eq!(parsed, lock);
    }
}
