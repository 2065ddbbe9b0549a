//! Word associations learnt from the document itself, for pairing blocks where a clause has more
//! blocks in one language than in the other and no translation record decides.
//!
//! The blocks the aligner is sure of teach which English words the Japanese writes with which
//! characters: every clause (and footnote) with as many blocks in both languages pairs them in
//! order, and every clause pairs its two headings. Over those pairs, each English content word
//! (lowercased, stop words out, cut to a stem of [`STEM`] letters) and each Japanese feature (the
//! kanji bigrams of a kanji run, a lone kanji, a katakana run, a Latin word) is counted in how
//! many pairs it occurs, and each word and feature together. A word and a feature are associated
//! when they occur together in at least [`MIN_TOGETHER`] pairs and their Dice coefficient
//! (`2 × together / (word's pairs + feature's pairs)`) is at least [`MIN_DICE`]; each keeps its
//! [`MAX_LINKS`] strongest partners. Nothing is downloaded: the text is its own dictionary.
//!
//! Two blocks are then the more alike the more of their associated words and features find a
//! partner in the other block, each weighted by how rare it is in the document (see
//! [`Lexicon::similarity`]). Learning is linear in the text, bounded by [`MAX_PAIRS`] pairs of at
//! most [`MAX_WORDS`] words and [`MAX_FEATURES`] features, deterministic (counts are sorted before
//! any choice), and done at most once per alignment, only when a clause needs it.

use std::collections::HashMap;

use crate::model::{ClauseKind, Document};

/// Letters an English word is cut to: `member`, `members` and `membership` read as one.
const STEM: usize = 6;

/// Pairs a word and a feature must share to be associated: one shared pair is chance.
const MIN_TOGETHER: u32 = 2;

/// Lowest Dice coefficient of an association.
const MIN_DICE: f64 = 0.5;

/// Partners kept per word or feature, the strongest.
const MAX_LINKS: usize = 4;

/// Most training pairs read (the first, in document order).
const MAX_PAIRS: usize = 2_000;

/// Most distinct words, and Japanese features, read of one training block (the first).
const MAX_WORDS: usize = 40;
const MAX_FEATURES: usize = 80;

/// English words too common to tell blocks apart.
const STOP_WORDS: &[&str] = &[
    "about", "after", "all", "also", "and", "any", "are", "been", "before", "being", "but", "can", "could", "does",
    "each", "for", "from", "had", "has", "have", "its", "may", "more", "most", "not", "only", "other", "our", "over",
    "shall", "should", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "under", "upon", "was", "were", "what", "when", "where", "which", "while", "who", "will",
    "with", "within", "would", "you", "your",
];

/// The English content words of a text, stemmed, in order of first occurrence, each once.
pub(super) fn english_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.len() < 3 {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        if STOP_WORDS.binary_search(&lower.as_str()).is_ok() {
            continue;
        }
        // ASCII only, so any byte is a character boundary.
        let stem = lower[..lower.len().min(STEM)].to_string();
        if !words.contains(&stem) {
            words.push(stem);
        }
    }
    words
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// The Japanese features of a text, in order of first occurrence, each once: the bigrams of each
/// kanji run (a lone kanji by itself), each katakana run of two or more, and each Latin word
/// (lowercased, stemmed as English words are, prefixed `@` so it is never a kanji feature).
pub(super) fn japanese_features(text: &str) -> Vec<String> {
    let mut features: Vec<String> = Vec::new();
    let mut push = |feature: String| {
        if !features.contains(&feature) {
            features.push(feature);
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        let run = |test: fn(char) -> bool| chars[k..].iter().take_while(|&&c| test(c)).count();
        if is_kanji(c) {
            let len = run(is_kanji);
            if len == 1 {
                push(c.to_string());
            }
            for pair in chars[k..k + len].windows(2) {
                push(pair.iter().collect());
            }
            k += len;
        } else if is_katakana(c) {
            let len = run(is_katakana);
            if len >= 2 {
                push(chars[k..k + len].iter().collect());
            }
            k += len;
        } else if c.is_ascii_alphabetic() {
            let len = run(|c| c.is_ascii_alphabetic());
            let word: String = chars[k..k + len].iter().collect();
            if let Some(stem) = english_words(&word).pop() {
                push(format!("@{stem}"));
            }
            k += len;
        } else {
            k += 1;
        }
    }
    features
}

/// What the document's sure pairs say about which words translate which.
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    english: HashMap<String, u32>,
    japanese: HashMap<String, u32>,
    /// Per English word id: the associated Japanese feature ids, sorted.
    en_links: Vec<Vec<u32>>,
    /// Per Japanese feature id: the associated English word ids, sorted.
    ja_links: Vec<Vec<u32>>,
    /// Per word and feature id: how rare it is (`ln((pairs + 1) / its pairs)`).
    en_weight: Vec<f64>,
    ja_weight: Vec<f64>,
}

/// A block as the lexicon reads it: its associated words (or features), sorted ids.
#[derive(Debug, Default, Clone)]
pub(super) struct Bag {
    ids: Vec<u32>,
}

impl Lexicon {
    /// Learns from the sure pairs of two documents: the headings of clauses both have, and the
    /// blocks of clauses and footnotes with as many blocks in both, in order.
    pub(super) fn learn(en: &Document, ja: &Document) -> Self {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let add = |pairs: &mut Vec<(String, String)>, e: String, j: String| {
            if pairs.len() < MAX_PAIRS {
                pairs.push((e, j));
            }
        };
        let ja_by_id: HashMap<&str, &crate::model::Clause> = ja.clauses.iter().map(|c| (c.id.0.as_str(), c)).collect();
        for clause in &en.clauses {
            let Some(other) = ja_by_id.get(clause.id.0.as_str()) else { continue };
            if clause.kind == ClauseKind::Colophon || other.kind == ClauseKind::Colophon {
                continue;
            }
            if let (Some(h), Some(g)) = (&clause.heading, &other.heading) {
                add(&mut pairs, crate::model::plain_text(&h.inlines), crate::model::plain_text(&g.inlines));
            }
            if clause.blocks.len() == other.blocks.len() {
                for (e, j) in clause.blocks.iter().zip(&other.blocks) {
                    add(&mut pairs, e.plain_text(), j.plain_text());
                }
            }
        }
        for footnote in &en.footnotes {
            if let Some(other) = ja.footnote(&footnote.label)
                && footnote.blocks.len() == other.blocks.len()
            {
                for (e, j) in footnote.blocks.iter().zip(&other.blocks) {
                    add(&mut pairs, e.plain_text(), j.plain_text());
                }
            }
        }
        Self::from_pairs(&pairs)
    }

    /// Learns from (English, Japanese) texts known to translate each other.
    pub(super) fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut lexicon = Self::default();
        let intern = |map: &mut HashMap<String, u32>, counts: &mut Vec<u32>, key: String| -> u32 {
            let next = map.len() as u32;
            let id = *map.entry(key).or_insert(next);
            if id == next {
                counts.push(0);
            }
            counts[id as usize] += 1;
            id
        };
        let (mut en_count, mut ja_count) = (Vec::new(), Vec::new());
        let mut together: HashMap<(u32, u32), u32> = HashMap::new();
        for (e, j) in pairs {
            let words: Vec<u32> = english_words(e)
                .into_iter()
                .take(MAX_WORDS)
                .map(|w| intern(&mut lexicon.english, &mut en_count, w))
                .collect();
            let features: Vec<u32> = japanese_features(j)
                .into_iter()
                .take(MAX_FEATURES)
                .map(|f| intern(&mut lexicon.japanese, &mut ja_count, f))
                .collect();
            for &w in &words {
                for &f in &features {
                    *together.entry((w, f)).or_default() += 1;
                }
            }
        }
        // Sorted, so that which partners are kept never depends on the map's order.
        let mut links: Vec<(u32, u32, f64)> = together
            .into_iter()
            .filter(|&(_, n)| n >= MIN_TOGETHER)
            .map(|((w, f), n)| (w, f, 2.0 * f64::from(n) / f64::from(en_count[w as usize] + ja_count[f as usize])))
            .filter(|&(_, _, dice)| dice >= MIN_DICE)
            .collect();
        lexicon.en_links = strongest(&mut links, en_count.len(), |&(w, f, _)| (w, f));
        lexicon.ja_links = strongest(&mut links, ja_count.len(), |&(w, f, _)| (f, w));
        let total = pairs.len() as f64 + 1.0;
        let weight = |count: &[u32]| count.iter().map(|&n| (total / f64::from(n)).ln()).collect();
        (lexicon.en_weight, lexicon.ja_weight) = (weight(&en_count), weight(&ja_count));
        lexicon
    }

    /// The associated words of an English text.
    pub(super) fn english_bag(&self, text: &str) -> Bag {
        bag(english_words(text).iter().filter_map(|w| self.english.get(w)), &self.en_links)
    }

    /// The associated features of a Japanese text.
    pub(super) fn japanese_bag(&self, text: &str) -> Bag {
        bag(japanese_features(text).iter().filter_map(|f| self.japanese.get(f)), &self.ja_links)
    }

    /// How much of what the two blocks hold with a known partner finds it in the other block,
    /// weighted by rarity: from 0 (nothing) to 1 (everything); `None` without any association.
    pub(super) fn similarity(&self, en: &Bag, ja: &Bag) -> Option<f64> {
        let (mut found, mut known) = (0.0, 0.0);
        let mut side = |bag: &Bag, other: &Bag, links: &[Vec<u32>], weight: &[f64]| {
            for &id in &bag.ids {
                let w = weight[id as usize];
                known += w;
                if links[id as usize].iter().any(|partner| other.ids.binary_search(partner).is_ok()) {
                    found += w;
                }
            }
        };
        side(en, ja, &self.en_links, &self.en_weight);
        side(ja, en, &self.ja_links, &self.ja_weight);
        (known > 0.0).then(|| found / known)
    }
}

/// Per id, the [`MAX_LINKS`] partners of strongest association, sorted by id.
fn strongest(links: &mut [(u32, u32, f64)], ids: usize, key: impl Fn(&(u32, u32, f64)) -> (u32, u32)) -> Vec<Vec<u32>> {
    links.sort_by(|a, b| key(a).0.cmp(&key(b).0).then(b.2.total_cmp(&a.2)).then(key(a).1.cmp(&key(b).1)));
    let mut out = vec![Vec::new(); ids];
    for link in links.iter() {
        let (id, partner) = key(link);
        let kept = &mut out[id as usize];
        if kept.len() < MAX_LINKS {
            kept.push(partner);
        }
    }
    for kept in &mut out {
        kept.sort_unstable();
    }
    out
}

/// The ids that have partners, sorted and once each.
fn bag<'a>(ids: impl Iterator<Item = &'a u32>, links: &[Vec<u32>]) -> Bag {
    let mut ids: Vec<u32> = ids.copied().filter(|&id| !links[id as usize].is_empty()).collect();
    ids.sort_unstable();
    ids.dedup();
    Bag { ids }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn english_words_are_lowercased_stemmed_and_stripped_of_stop_words() {
        assert_eq!(english_words("The Members shall respect members' MEMBERSHIP of ISO."), ["member", "respec", "iso"]);
        assert!(english_words("").is_empty());
        assert!(english_words("a an to of — 日本語").is_empty());
    }

    #[test]
    fn japanese_features_are_kanji_bigrams_lone_kanji_katakana_runs_and_latin_words() {
        assert_eq!(japanese_features("機密情報はデータとISOの名。"), ["機密", "密情", "情報", "データ", "@iso", "名"]);
        assert!(japanese_features("").is_empty());
        // Combining marks, surrogates' neighbours and lone katakana read without a panic.
        assert_eq!(japanese_features("ア\u{3099}x\u{1F600}々"), ["々"]);
    }

    fn pairs(texts: &[(&str, &str)]) -> Vec<(String, String)> {
        texts.iter().map(|(e, j)| (e.to_string(), j.to_string())).collect()
    }

    #[test]
    fn a_word_and_a_feature_seen_together_once_are_not_associated() {
        let once = Lexicon::from_pairs(&pairs(&[("Confidential.", "機密。"), ("Safety.", "安全。")]));
        let (en, ja) = (once.english_bag("Confidential."), once.japanese_bag("機密。"));
        assert_eq!(once.similarity(&en, &ja), None);
        let twice = Lexicon::from_pairs(&pairs(&[
            ("Confidential.", "機密。"),
            ("Confidential data.", "機密のデータ。"),
            ("Safety.", "安全。"),
        ]));
        let (en, ja) = (twice.english_bag("Confidential."), twice.japanese_bag("機密。"));
        assert_eq!(twice.similarity(&en, &ja), Some(1.0));
        assert_eq!(twice.similarity(&en, &twice.japanese_bag("安全。")), Some(0.0));
    }

    #[test]
    fn learning_the_same_pairs_twice_gives_the_same_associations() {
        let texts = pairs(&[
            ("Fair competition.", "公正競争。"),
            ("Fair competition matters.", "公正競争が重要。"),
            ("Public safety.", "公共安全。"),
            ("Public safety matters.", "公共安全が重要。"),
        ]);
        let (a, b) = (Lexicon::from_pairs(&texts), Lexicon::from_pairs(&texts));
        let links = |l: &Lexicon| {
            let mut words: Vec<(&String, &Vec<u32>)> =
                l.english.iter().map(|(w, &id)| (w, &l.en_links[id as usize])).collect();
            words.sort();
            words.into_iter().map(|(w, links)| (w.clone(), links.len())).collect::<Vec<_>>()
        };
        assert_eq!(links(&a), links(&b));
        assert!(a.en_links.iter().all(|links| links.len() <= MAX_LINKS));
    }
}
