//! Inside a changed paragraph: the word-level (English) or character-level (Japanese) diff,
//! as runs of equal, deleted and inserted text.

use std::time::Duration;

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

use codepub_core::model::Lang;

/// How long one paragraph's diff may search before it settles for a coarser (still correct)
/// result. Paragraphs are short; this only bounds pathological input.
const PARAGRAPH_TIMEOUT: Duration = Duration::from_millis(50);

/// A run of text in a paragraph diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: SegmentOp,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentOp {
    Equal,
    Delete,
    Insert,
}

impl Segment {
    pub fn new(op: SegmentOp, text: impl Into<String>) -> Self {
        Self { op, text: text.into() }
    }
}

/// The runs turning `old` into `new`: by words for English, by characters for Japanese. Each
/// changed stretch is one deletion followed by one insertion; a lone space (English) or
/// character (Japanese) left equal between two changes is folded into them, so the result
/// reads as phrases rather than confetti.
pub fn segments(old: &str, new: &str, lang: Lang) -> Vec<Segment> {
    let mut config = TextDiff::configure();
    config.algorithm(Algorithm::Myers).timeout(PARAGRAPH_TIMEOUT);
    let diff = match lang {
        Lang::En => config.diff_words(old, new),
        Lang::Ja => config.diff_chars(old, new),
    };
    let mut raw: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => SegmentOp::Equal,
            ChangeTag::Delete => SegmentOp::Delete,
            ChangeTag::Insert => SegmentOp::Insert,
        };
        match raw.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => raw.push(Segment::new(op, change.value())),
        }
    }
    fold(raw, lang)
}

/// Regroups runs so each change is one deletion then one insertion, absorbing short equal
/// runs sandwiched between changes.
fn fold(raw: Vec<Segment>, lang: Lang) -> Vec<Segment> {
    let absorbable = |text: &str| match lang {
        Lang::En => text.chars().all(char::is_whitespace),
        Lang::Ja => text.chars().count() <= 1,
    };
    let mut out = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let mut pending = false;
    let flush = |out: &mut Vec<Segment>, deleted: &mut String, inserted: &mut String| {
        if !deleted.is_empty() {
            out.push(Segment::new(SegmentOp::Delete, std::mem::take(deleted)));
        }
        if !inserted.is_empty() {
            out.push(Segment::new(SegmentOp::Insert, std::mem::take(inserted)));
        }
    };
    for (i, segment) in raw.iter().enumerate() {
        match segment.op {
            SegmentOp::Delete => {
                deleted.push_str(&segment.text);
                pending = true;
            }
            SegmentOp::Insert => {
                inserted.push_str(&segment.text);
                pending = true;
            }
            SegmentOp::Equal => {
                let next_changes = raw.get(i + 1).is_some_and(|s| s.op != SegmentOp::Equal);
                if pending && next_changes && absorbable(&segment.text) {
                    deleted.push_str(&segment.text);
                    inserted.push_str(&segment.text);
                    continue;
                }
                flush(&mut out, &mut deleted, &mut inserted);
                pending = false;
                out.push(segment.clone());
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// Runs for text that is only on one side (an added or removed paragraph).
pub fn whole(op: SegmentOp, text: &str) -> Vec<Segment> {
    if text.is_empty() { Vec::new() } else { vec![Segment::new(op, text)] }
}

/// A cheap similarity in `0..=1` between two texts: the Dice coefficient of their character
/// bigrams. Used to pair paragraphs in a rewritten stretch, never to decide equality.
pub fn similarity(a: &str, b: &str) -> f32 {
    fn bigrams(text: &str) -> Vec<(char, char)> {
        let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        pairs.sort_unstable();
        pairs
    }
    if a == b {
        return 1.0;
    }
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f32 / (x.len() + y.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s.op {
                SegmentOp::Equal => s.text.clone(),
                SegmentOp::Delete => format!("[-{}-]", s.text),
                SegmentOp::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn english_differs_by_words() {
        let s = segments("We act with honesty and care.", "We act with integrity and care.", Lang::En);
        assert_eq!(show(&s), "We act with [-honesty-]{+integrity+} and care.");
    }

    #[test]
    fn adjacent_word_changes_read_as_one_phrase() {
        let s = segments("a quick brown fox", "a slow red fox", Lang::En);
        assert_eq!(show(&s), "a [-quick brown-]{+slow red+} fox");
    }

    #[test]
    fn japanese_differs_by_characters() {
        let s = segments("私たちは行動します。", "私たちは誠実に行動します。", Lang::Ja);
        assert_eq!(show(&s), "私たちは{+誠実に+}行動します。");
    }

    #[test]
    fn similarity_ranks_edits_above_strangers() {
        let base = "We protect the integrity of discussions and debates.";
        assert!(similarity(base, "We protect the integrity of all discussions and debates.") > 0.8);
        assert!(similarity(base, "Harassment is not tolerated.") < 0.4);
    }
}
