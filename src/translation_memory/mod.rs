//! A translation memory from the project's own history: every pair of English and Japanese that
//! was ever signed off, from the translation record as it is now and as it was at every commit
//! that changed it. [`tmx`] writes it as TMX 1.4b (`codepub memory export`); the XLIFF export
//! offers the [best earlier translation](Memory::best_match) of a unit that needs one.
//!
//! A version 2 record holds both texts as signed off. A version 1 record holds the English and
//! the fingerprints only: its Japanese is the block of the sources of the same revision whose
//! fingerprint matches, read through the loader (a [`GitTree`] for a commit); an entry whose
//! Japanese is no longer there is left out. Texts are
//! whitespace-normalised plain text, footnote references left out, a list's items joined, as the
//! record keeps them. Identical (English, Japanese) pairs are kept once, at their first
//! appearance in this order: the record now, then each commit that changed it, newest first.

pub mod tmx;

use std::collections::HashMap;

use crate::address::Address;
use crate::check::Context;
use crate::error::InputError;
use crate::load::history::commits_changing;
use crate::load::{GitTree, Project, load_from, read_text};
use crate::lock::{TranslationLock, fingerprint, normalise};
use crate::model::Lang;

/// How similar (0 to 1, the ratio of words in common) an earlier English must be to the
/// English of a unit for its translation to be offered.
pub const THRESHOLD: f32 = 0.5;

/// One signed-off pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The English as signed off (whitespace-normalised).
    pub english: String,
    /// The Japanese as signed off (whitespace-normalised).
    pub japanese: String,
    /// The pair's address when it was signed off.
    pub address: Address,
    /// Who signed off, when the record says (version 2).
    pub by: Option<String>,
    /// When, as a UTC date-time (`2026-03-01T09:30:00Z`), when the record says.
    pub at: Option<String>,
}

/// Every signed-off pair, each (English, Japanese) once, in a deterministic order.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    pub entries: Vec<Entry>,
    /// Commits of the record read from git history.
    pub revisions: usize,
    /// What could not be read (a commit whose record or sources do not load), with why.
    pub skipped: Vec<String>,
    seen: HashMap<(String, String), usize>,
}

/// An earlier translation offered for an English.
#[derive(Clone, Copy, Debug)]
pub struct Match<'m> {
    pub entry: &'m Entry,
    /// 100 for the same English (whitespace aside), else the percentage of words in common.
    pub similarity: f32,
}

impl Memory {
    /// The memory of `project`: its record now and, when the project is in a git repository,
    /// the record at every commit reachable from `HEAD` that changed it.
    pub fn of_project(project: &Project) -> Result<Memory, InputError> {
        let mut memory = Memory::default();
        if let Some(lock) = &project.lock {
            memory.add_record(lock, || Ok(japanese_by_fingerprint(project)))?;
        }
        let lock_path = &project.config.content.lock;
        for revision in commits_changing(&project.root, lock_path)?.unwrap_or_default() {
            let short = &revision.commit[..revision.commit.len().min(12)];
            let tree = match GitTree::open(&project.root, &revision.commit) {
                Ok(tree) => tree,
                Err(error) => {
                    memory.skipped.push(format!("{short}: {error}"));
                    continue;
                }
            };
            let lock = read_text(&tree, lock_path)
                .and_then(|text| TranslationLock::parse(text, &crate::load::shown(lock_path)));
            let lock = match lock {
                Ok(Some(lock)) => lock,
                Ok(None) => continue,
                Err(error) => {
                    memory.skipped.push(format!("{short}: {error}"));
                    continue;
                }
            };
            memory.revisions += 1;
            let texts = || load_from(&project.root, &tree).map(|old| japanese_by_fingerprint(&old));
            if let Err(error) = memory.add_record(&lock, texts) {
                memory.skipped.push(format!("{short}: {error}"));
            }
        }
        Ok(memory)
    }

    /// Adds the pairs of `lock`; `texts` gives the texts of the sources of the record's revision
    /// by fingerprint, for the entries that do not hold their Japanese (version 1: every entry
    /// holds its English), asked once and only then; its error is returned after the entries
    /// that hold both texts are added.
    pub fn add_record(
        &mut self,
        lock: &TranslationLock,
        texts: impl FnOnce() -> Result<HashMap<String, String>, InputError>,
    ) -> Result<(), InputError> {
        let mut texts = Some(texts);
        let mut sources: Option<Result<HashMap<String, String>, InputError>> = None;
        for pair in &lock.pairs {
            let japanese = match &pair.japanese {
                Some(japanese) => normalise(japanese),
                None => {
                    let found = sources.get_or_insert_with(|| (texts.take().expect("asked once"))());
                    let Some(japanese) = found.as_ref().ok().and_then(|found| found.get(&pair.ja)) else {
                        continue;
                    };
                    japanese.clone()
                }
            };
            let english = normalise(&pair.english);
            self.add(Entry {
                english,
                japanese,
                address: pair.address.clone(),
                by: pair.by.clone(),
                at: pair.at.clone(),
            });
        }
        match sources {
            Some(Err(error)) => Err(error),
            _ => Ok(()),
        }
    }

    /// Adds `entry` unless the memory holds its two texts already (then only who and when, if
    /// the entry held knows neither).
    fn add(&mut self, entry: Entry) {
        if entry.english.is_empty() || entry.japanese.is_empty() {
            return;
        }
        let key = (entry.english.clone(), entry.japanese.clone());
        match self.seen.get(&key) {
            Some(&index) => {
                let kept = &mut self.entries[index];
                if kept.by.is_none() && kept.at.is_none() {
                    (kept.by, kept.at) = (entry.by, entry.at);
                }
            }
            None => {
                self.seen.insert(key, self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    /// The best earlier translation of `english`: an entry of the same English (whitespace
    /// aside; the first in the memory's order, the most recent), else the entry whose English
    /// has the most words in common with it (the ratio of a word diff, at least
    /// [`THRESHOLD`]; the first of equals).
    pub fn best_match(&self, english: &str) -> Option<Match<'_>> {
        let english = normalise(english);
        if english.is_empty() {
            return None;
        }
        if let Some(entry) = self.entries.iter().find(|entry| entry.english == english) {
            return Some(Match { entry, similarity: 100.0 });
        }
        let words: Vec<&str> = english.split(' ').collect();
        let counts = word_counts(&words);
        let mut best: Option<Match<'_>> = None;
        for entry in &self.entries {
            let theirs: Vec<&str> = entry.english.split(' ').collect();
            let floor = best.map_or(THRESHOLD, |b| b.similarity / 100.0);
            // The ratio is 2 × words in common / words in both: bounded by the words they share
            // in any order, which is cheap to count; most entries end here.
            let mut shared = word_counts(&theirs);
            let common: usize = counts.iter().map(|(word, n)| (*n).min(shared.remove(word).unwrap_or(0))).sum();
            let total = (words.len() + theirs.len()) as f32;
            if 2.0 * common as f32 / total < floor || common == 0 {
                continue;
            }
            let ratio = similar::TextDiff::configure()
                .algorithm(similar::Algorithm::Myers)
                .timeout(std::time::Duration::from_millis(20))
                .diff_slices(&words, &theirs)
                .ratio();
            let better = best.map_or(ratio >= THRESHOLD, |b| ratio * 100.0 > b.similarity);
            if better {
                best = Some(Match { entry, similarity: ratio * 100.0 });
            }
        }
        best
    }
}

fn word_counts<'w>(words: &[&'w str]) -> HashMap<&'w str, usize> {
    let mut counts = HashMap::new();
    for word in words {
        *counts.entry(*word).or_insert(0) += 1;
    }
    counts
}

/// The text of every Japanese heading and block of `project`, by the fingerprint of its
/// source: as `codepub sign-off` records them.
pub fn japanese_by_fingerprint(project: &Project) -> HashMap<String, String> {
    let alignment = project.alignment();
    let cx = Context::new(project, &alignment);
    let mut texts = HashMap::new();
    for unit in cx.pairs.iter().filter_map(|pair| pair.side(Lang::Ja)) {
        let source = &project.sources.get(unit.span.file).text[unit.span.range()];
        texts.entry(fingerprint(source)).or_insert_with(|| normalise(&unit.text));
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lock::{LOCK_VERSION, LockedPair};

    fn entry(english: &str, japanese: &str) -> LockedPair {
        LockedPair {
            japanese: Some(japanese.into()),
            ..LockedPair::new("a#1".into(), fingerprint(english), fingerprint(japanese), english.into())
        }
    }

    fn memory(pairs: Vec<LockedPair>) -> Memory {
        let mut memory = Memory::default();
        let lock = TranslationLock { version: LOCK_VERSION, pairs };
        memory.add_record(&lock, || unreachable!("every entry holds its texts")).unwrap();
        memory
    }

    #[test]
    fn identical_pairs_are_kept_once_and_whitespace_does_not_make_a_pair_new() {
        let m = memory(vec![entry("We act.", "行動。"), entry("We  act.", "行動。"), entry("We act.", "行動する。")]);
        let texts: Vec<_> = m.entries.iter().map(|e| (e.english.as_str(), e.japanese.as_str())).collect();
        assert_eq!(texts, [("We act.", "行動。"), ("We act.", "行動する。")]);
    }

    #[test]
    fn the_same_english_is_an_exact_match_and_a_similar_one_scores_its_words_in_common() {
        let m = memory(vec![
            entry("We comply with the data protection policies.", "私たちはデータ保護方針を遵守します。"),
            entry("We act fairly.", "公正に行動します。"),
        ]);
        let exact = m.best_match("We  act\nfairly.").unwrap();
        assert_eq!((exact.entry.japanese.as_str(), exact.similarity), ("公正に行動します。", 100.0));
        let near = m.best_match("We comply with the data protection and privacy policies.").unwrap();
        assert_eq!(near.entry.japanese, "私たちはデータ保護方針を遵守します。");
        assert!(near.similarity > 80.0 && near.similarity < 100.0, "{}", near.similarity);
        assert!(m.best_match("Members shall elect a president every three years.").is_none());
    }

    #[test]
    fn a_version_1_entry_takes_its_texts_from_the_sources_by_fingerprint() {
        let mut m = Memory::default();
        let v1 = LockedPair::new("a#1".into(), fingerprint("We act."), fingerprint("行動。"), "We act.".into());
        let lock = TranslationLock { version: 1, pairs: vec![v1] };
        let texts = HashMap::from([(fingerprint("行動。"), "行動。".to_string())]);
        m.add_record(&lock, || Ok(texts)).unwrap();
        assert_eq!(m.entries[0].japanese, "行動。");
    }
}
