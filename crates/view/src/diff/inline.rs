//! Inside a changed paragraph: the word diff (English words; Japanese words as runs of one
//! script, numbers whole: see [`super::words`]), as runs of equal, deleted and inserted text.
//! [`segments`] diffs plain texts (the terminal and JSON diffs); [`styled_segments`] diffs the
//! runs of a unit as it reads ([`super::text::block_runs`]), each word keeping its style, for
//! the redline.

use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use codepub_core::model::Lang;

use super::text::{Style, StyledRun};
use super::words::words;

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

/// A run of a paragraph diff with the style its words are set in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StyledSegment {
    pub op: SegmentOp,
    pub text: String,
    pub style: Style,
}

/// The runs turning `old` into `new`, by words (see the module documentation). Each changed
/// stretch is one deletion followed by one insertion; a lone space (English) or a word of one
/// character (Japanese) left equal between two changes is folded into them, so the result
/// reads as phrases rather than confetti.
pub fn segments(old: &str, new: &str, lang: Lang) -> Vec<Segment> {
    let one = |text: &str| vec![StyledRun { text: text.to_string(), style: Style::default() }];
    styled_segments(&one(old), &one(new), lang).into_iter().map(|s| Segment::new(s.op, s.text)).collect()
}

/// [`segments`] over styled runs: a word is the same only in the same style, so a word made
/// bold, or a link given another target, shows as deleted and inserted.
pub fn styled_segments(old: &[StyledRun], new: &[StyledRun], lang: Lang) -> Vec<StyledSegment> {
    let tokens = |runs: &[StyledRun]| -> Vec<(String, Style)> {
        let mut out = Vec::new();
        for run in runs {
            out.extend(words(&run.text, lang).into_iter().map(|w| (w.to_string(), run.style.clone())));
        }
        out
    };
    let (old, new) = (tokens(old), tokens(new));
    let deadline = Instant::now().checked_add(PARAGRAPH_TIMEOUT);
    let mut raw: Vec<StyledSegment> = Vec::new();
    let mut push = |op: SegmentOp, (text, style): &(String, Style)| match raw.last_mut() {
        Some(last) if last.op == op && last.style == *style => last.text.push_str(text),
        _ => raw.push(StyledSegment { op, text: text.clone(), style: style.clone() }),
    };
    for op in capture_diff_slices_deadline(Algorithm::Myers, &old, &new, deadline) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => old[old_range].iter().for_each(|t| push(SegmentOp::Equal, t)),
            DiffTag::Delete => old[old_range].iter().for_each(|t| push(SegmentOp::Delete, t)),
            DiffTag::Insert => new[new_range].iter().for_each(|t| push(SegmentOp::Insert, t)),
            DiffTag::Replace => {
                old[old_range].iter().for_each(|t| push(SegmentOp::Delete, t));
                new[new_range].iter().for_each(|t| push(SegmentOp::Insert, t));
            }
        }
    }
    fold(raw, lang)
}

/// Appends `text` in `style` to `runs`, merging with the last run when it has the same style.
fn append(runs: &mut Vec<StyledSegment>, op: SegmentOp, text: &str, style: &Style) {
    match runs.last_mut() {
        Some(last) if last.style == *style => last.text.push_str(text),
        _ => runs.push(StyledSegment { op, text: text.to_string(), style: style.clone() }),
    }
}

/// Regroups runs so each change is its deletions then its insertions, absorbing short equal
/// runs sandwiched between changes.
fn fold(raw: Vec<StyledSegment>, lang: Lang) -> Vec<StyledSegment> {
    let absorbable = |text: &str| match lang {
        Lang::En => text.chars().all(char::is_whitespace),
        Lang::Ja => text.chars().count() <= 1,
    };
    let mut out = Vec::new();
    let (mut deleted, mut inserted): (Vec<StyledSegment>, Vec<StyledSegment>) = (Vec::new(), Vec::new());
    let mut pending = false;
    let flush = |out: &mut Vec<StyledSegment>, deleted: &mut Vec<StyledSegment>, inserted: &mut Vec<StyledSegment>| {
        out.append(deleted);
        out.append(inserted);
    };
    for (i, segment) in raw.iter().enumerate() {
        match segment.op {
            SegmentOp::Delete => {
                append(&mut deleted, SegmentOp::Delete, &segment.text, &segment.style);
                pending = true;
            }
            SegmentOp::Insert => {
                append(&mut inserted, SegmentOp::Insert, &segment.text, &segment.style);
                pending = true;
            }
            SegmentOp::Equal => {
                let next_changes = raw.get(i + 1).is_some_and(|s| s.op != SegmentOp::Equal);
                if pending && next_changes && absorbable(&segment.text) {
                    append(&mut deleted, SegmentOp::Delete, &segment.text, &segment.style);
                    append(&mut inserted, SegmentOp::Insert, &segment.text, &segment.style);
                    continue;
                }
                flush(&mut out, &mut deleted, &mut inserted);
                pending = false;
                match out.last_mut() {
                    Some(last) if last.op == SegmentOp::Equal && last.style == segment.style => {
                        last.text.push_str(&segment.text);
                    }
                    _ => out.push(segment.clone()),
                }
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
    fn japanese_differs_by_words() {
        let s = segments("私たちは行動します。", "私たちは誠実に行動します。", Lang::Ja);
        assert_eq!(show(&s), "私たちは{+誠実に+}行動します。");
    }

    #[test]
    fn the_japanese_word_diff_keeps_numbers_whole() {
        assert_eq!(show(&segments("30日以内に", "60日以内に", Lang::Ja)), "[-30-]{+60+}日以内に");
        assert_eq!(show(&segments("1,000円", "1,500円", Lang::Ja)), "[-1,000-]{+1,500+}円");
        assert_eq!(show(&segments("三十日", "六十日", Lang::Ja)), "[-三十-]{+六十+}日");
    }

    #[test]
    fn a_word_made_bold_is_deleted_plain_and_inserted_bold() {
        let plain = |t: &str| StyledRun { text: t.into(), style: Style::default() };
        let bold = |t: &str| StyledRun { text: t.into(), style: Style { strong: true, ..Style::default() } };
        let s = styled_segments(&[plain("Our Community Impact")], &[plain("Our "), bold("Community Impact")], Lang::En);
        let shown: Vec<(SegmentOp, &str, bool)> = s.iter().map(|s| (s.op, s.text.as_str(), s.style.strong)).collect();
        assert_eq!(
            shown,
            [
                (SegmentOp::Equal, "Our ", false),
                (SegmentOp::Delete, "Community Impact", false),
                (SegmentOp::Insert, "Community Impact", true)
            ]
        );
    }

    #[test]
    fn similarity_ranks_edits_above_strangers() {
        let base = "We protect the integrity of discussions and debates.";
        assert!(similarity(base, "We protect the integrity of all discussions and debates.") > 0.8);
        assert!(similarity(base, "Harassment is not tolerated.") < 0.4);
    }
}
