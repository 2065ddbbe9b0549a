//! The translation record (`content/translations.lock`): for every paired heading and block, a
//! fingerprint of the English the Japanese was translated from, of the Japanese as signed off,
//! both texts as signed off (so a stale translation can show what changed without git), who
//! signed off and when, and an optional note (and the reason, when signed off over errors).
//!
//! Version 1 records (fingerprints and the English only) still read: the fields added by
//! version 2 are optional.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::address::Address;
use crate::config;
use crate::error::InputError;

/// The version `codepub sign-off` writes; version 1 records read as well.
pub const LOCK_VERSION: u32 = 2;

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
    /// Who signed off (`--by`, else the git user name); absent in version 1 records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When, as a UTC date-time (`2026-03-01T09:30:00Z`); absent in version 1 records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The English source text as signed off (whitespace-normalised).
    pub english: String,
    /// The Japanese source text as signed off (whitespace-normalised); absent in version 1 records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub japanese: Option<String>,
    /// `--note`: a remark of the reviewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `--reason`: why the pair was signed off over errors (`--force`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl LockedPair {
    /// A pair signed off with its fingerprints and English text only (as version 1 recorded).
    pub fn new(address: Address, en: String, ja: String, english: String) -> Self {
        Self { address, en, ja, by: None, at: None, english, japanese: None, note: None, reason: None }
    }
}

/// Where a pair stands against the record, in the translator's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Both languages as signed off.
    Current,
    /// The English changed since sign-off, the Japanese not yet.
    SourceChanged,
    /// The Japanese changed since sign-off (with the English or alone): awaiting review.
    TranslationUpdated,
    /// No sign-off recorded for this pair.
    Unsigned,
    /// One language has the heading or paragraph, the other does not.
    Missing,
}

impl State {
    /// The id of the state's name in the messages (`state-current`, …).
    pub fn message_id(self) -> &'static str {
        match self {
            State::Current => "state-current",
            State::SourceChanged => "state-source-changed",
            State::TranslationUpdated => "state-translation-updated",
            State::Unsigned => "state-unsigned",
            State::Missing => "state-missing",
        }
    }
}

/// Whitespace-normalised source text in Unicode normal form ([`crate::nfc`]): what a
/// fingerprint covers, so a file saved again in NFD keeps its translations signed off.
pub fn normalise(source: &str) -> String {
    crate::whitespace::collapse(&crate::nfc::normalize(source))
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

    /// The state of the pair at `address` whose sides now have fingerprints `en` and `ja`;
    /// `english_now`: the English fingerprints of every pair now (an entry whose English is
    /// still elsewhere belongs to a paragraph that moved, not to this one).
    pub fn state(&self, address: &Address, en: &str, ja: &str, english_now: &HashSet<&str>) -> State {
        if self.pairs.iter().any(|p| p.en == en && p.ja == ja) {
            return State::Current;
        }
        match self.get(address) {
            Some(entry) if entry.en != en && english_now.contains(entry.en.as_str()) => State::Unsigned,
            Some(entry) if entry.ja == ja => State::SourceChanged,
            Some(_) => State::TranslationUpdated,
            None => State::Unsigned,
        }
    }

    /// The entry a pair now at `address` with fingerprints `en`, `ja` was signed off as: the
    /// entry of both fingerprints (at this address first), else the entry at this address.
    pub fn entry_of(&self, address: &Address, en: &str, ja: &str) -> Option<&LockedPair> {
        let same = |p: &&LockedPair| p.en == en && p.ja == ja;
        (self.pairs.iter().filter(same).find(|p| p.address == *address))
            .or_else(|| self.pairs.iter().find(same))
            .or_else(|| self.get(address))
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

/// What changed from `old` to `new`, marked inline as `[-deleted-]{+inserted+}`: by words for
/// English, by characters for Japanese (whitespace runs are compared as single spaces).
pub fn marked_diff(old: &str, new: &str, lang: crate::model::Lang) -> String {
    let (old, new) = (normalise(old), normalise(new));
    let mut config = similar::TextDiff::configure();
    config.algorithm(similar::Algorithm::Myers).timeout(std::time::Duration::from_millis(50));
    let diff = match lang {
        crate::model::Lang::En => config.diff_words(&old, &new),
        crate::model::Lang::Ja => config.diff_chars(&old, &new),
    };
    let (mut out, mut deleted, mut inserted) = (String::new(), String::new(), String::new());
    let flush = |out: &mut String, deleted: &mut String, inserted: &mut String| {
        for (text, open, close) in [(deleted, "[-", "-]"), (inserted, "{+", "+}")] {
            if !text.is_empty() {
                // Spaces at a change's edges stay outside its marks.
                let core = text.trim();
                let (lead, trail) = (&text[..text.len() - text.trim_start().len()], &text[text.trim_end().len()..]);
                if !core.is_empty() {
                    out.push_str(&format!("{lead}{open}{core}{close}{trail}"));
                }
                text.clear();
            }
        }
    };
    for change in diff.iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Equal => {
                let value = change.value();
                // A lone space between two changes belongs to them.
                if value.trim().is_empty() && !(deleted.is_empty() && inserted.is_empty()) {
                    deleted.push_str(value);
                    inserted.push_str(value);
                    continue;
                }
                flush(&mut out, &mut deleted, &mut inserted);
                out.push_str(value);
            }
            similar::ChangeTag::Delete => deleted.push_str(change.value()),
            similar::ChangeTag::Insert => inserted.push_str(change.value()),
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// Who signs off when `--by` is not given: `user.name` of the git configuration of the
/// repository holding `root` (with the user's and the system's), else the `USER` variable.
pub fn default_signer(root: &std::path::Path) -> Option<String> {
    let from_git = gix::discover(root).ok().and_then(|repo| {
        let name = repo.config_snapshot().string("user.name")?.to_string();
        Some(name.trim().to_string())
    });
    from_git
        .filter(|name| !name.is_empty())
        .or_else(|| std::env::var("USER").ok().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()))
}

/// The variable that fixes the sign-off time (seconds since 1970, or a UTC date-time
/// `YYYY-MM-DDTHH:MM:SSZ`), for reproducible records and tests.
pub const NOW_VARIABLE: &str = "CODEPUB_NOW";

/// Now, as a UTC date-time (`2026-03-01T09:30:00Z`): [`NOW_VARIABLE`] when set, else the clock.
pub fn now_utc() -> Result<String, String> {
    match std::env::var(NOW_VARIABLE) {
        Ok(value) => parse_now(&value).ok_or(value),
        Err(_) => {
            let seconds =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
            Ok(utc_date_time(seconds))
        }
    }
}

fn parse_now(value: &str) -> Option<String> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<i64>() {
        return Some(utc_date_time(seconds));
    }
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let shape = b.len() == 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'Z';
    shape.then(|| value.to_string())
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian, UTC).
pub fn utc_date_time(seconds: i64) -> String {
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let crate::config::Date { year, month, day } = crate::config::Date::from_days_since_epoch(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
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
                by: Some("Aiko Tanaka".into()),
                at: Some("2026-03-01T09:30:00Z".into()),
                japanese: Some("エ".into()),
                note: Some("checked with legal".into()),
                reason: Some("P004 accepted: \"30日\" is the statutory term".into()),
                ..LockedPair::new("a#1".into(), fingerprint("x"), fingerprint("エ"), "x".into())
            }],
        };
        let text = lock.to_toml();
        assert!(text.contains("version = 2") && text.contains("by = \"Aiko Tanaka\""), "{text}");
        let parsed = TranslationLock::parse(Some(text), "t.lock").unwrap().unwrap();
        assert_eq!(parsed, lock);
    }

    #[test]
    fn a_version_1_record_still_reads_without_who_or_when() {
        let text = "version = 1\n\n[[pair]]\naddress = \"a#1\"\nen = \"sha256:6816fa581ce319d5\"\n\
                    ja = \"sha256:7146614fc2fc5f1c\"\nenglish = \"x\"\n";
        let lock = TranslationLock::parse(Some(text.into()), "t.lock").unwrap().unwrap();
        assert_eq!(lock.version, 1);
        let pair = &lock.pairs[0];
        assert_eq!((pair.by.as_deref(), pair.at.as_deref(), pair.japanese.as_deref()), (None, None, None));
        assert_eq!(pair.english, "x");
    }

    #[test]
    fn the_shipped_record_still_reads() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/translations.lock"));
        let lock = TranslationLock::parse(Some(text.unwrap()), "translations.lock").unwrap().unwrap();
        assert!(!lock.pairs.is_empty());
    }

    #[test]
    fn states_follow_which_side_changed_since_sign_off() {
        let lock = TranslationLock {
            version: LOCK_VERSION,
            pairs: vec![LockedPair::new("a#1".into(), fingerprint("We act."), fingerprint("行動。"), "We act.".into())],
        };
        let (a, none) = (Address::from("a#1"), HashSet::new());
        let state = |en: &str, ja: &str| lock.state(&a, &fingerprint(en), &fingerprint(ja), &none);
        assert_eq!(state("We  act.", "行動。"), State::Current);
        assert_eq!(state("We act now.", "行動。"), State::SourceChanged);
        assert_eq!(state("We act now.", "今行動。"), State::TranslationUpdated);
        assert_eq!(state("We act.", "今行動。"), State::TranslationUpdated);
        assert_eq!(lock.state(&"a#2".into(), &fingerprint("x"), &fingerprint("y"), &none), State::Unsigned);
    }

    #[test]
    fn marked_diffs_show_english_words_and_japanese_characters() {
        use crate::model::Lang;
        let english = marked_diff("We protect data policies.", "We protect data and privacy policies.", Lang::En);
        assert_eq!(english, "We protect data {+and privacy+} policies.");
        assert_eq!(marked_diff("within 30 days", "within  60 days", Lang::En), "within [-30-] {+60+} days");
        assert_eq!(marked_diff("30日以内", "60日以内", Lang::Ja), "[-3-]{+6+}0日以内");
    }

    #[test]
    fn date_times_are_utc_and_injectable() {
        assert_eq!(utc_date_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_date_time(1_772_357_400), "2026-03-01T09:30:00Z");
        assert_eq!(parse_now("2026-03-01T09:30:00Z").as_deref(), Some("2026-03-01T09:30:00Z"));
        assert_eq!(parse_now("yesterday"), None);
    }
}
