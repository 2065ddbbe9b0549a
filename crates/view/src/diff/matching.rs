//! Matching between revisions: units (heading, blocks) of one clause by content, with a
//! longest-common-subsequence over their texts and a similarity pairing inside rewritten
//! stretches; and clauses by id, with an LCS over the id order to tell which ones moved.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::inline::similarity;

/// How long the LCS over one clause's blocks (or the clause order) may search before it
/// settles for a coarser result.
const SEQUENCE_TIMEOUT: Duration = Duration::from_millis(200);

/// Below this similarity two paragraphs of a rewritten stretch are a removal and an addition,
/// not one changed paragraph.
const PAIRING_THRESHOLD: f32 = 0.3;

/// Largest rewritten stretch (old × new paragraphs) paired by similarity; larger ones are
/// paired by position.
const MAX_PAIRING_CELLS: usize = 4096;

/// How a unit of the old revision relates to one of the new, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    Same(usize, usize),
    Changed(usize, usize),
    Removed(usize),
    Added(usize),
}

/// Matches `old` texts to `new` texts, in document order.
pub fn match_units(old: &[&str], new: &[&str]) -> Vec<Match> {
    if old == new {
        return (0..old.len()).map(|i| Match::Same(i, i)).collect();
    }
    let deadline = Instant::now().checked_add(SEQUENCE_TIMEOUT);
    let mut out = Vec::new();
    for op in capture_diff_slices_deadline(Algorithm::Myers, old, new, deadline) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                out.extend((0..len).map(|k| Match::Same(old_index + k, new_index + k)));
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                out.extend((old_index..old_index + old_len).map(Match::Removed))
            }
            DiffOp::Insert { new_index, new_len, .. } => out.extend((new_index..new_index + new_len).map(Match::Added)),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                pair_rewritten(old, new, old_index..old_index + old_len, new_index..new_index + new_len, &mut out)
            }
        }
    }
    out
}

/// Pairs a rewritten stretch: one for one by position when both sides hold as many
/// paragraphs, otherwise the in-order pairing of greatest total similarity.
fn pair_rewritten(
    old: &[&str],
    new: &[&str],
    olds: std::ops::Range<usize>,
    news: std::ops::Range<usize>,
    out: &mut Vec<Match>,
) {
    let (k, m) = (olds.len(), news.len());
    if k == m || k * m > MAX_PAIRING_CELLS {
        let common = k.min(m);
        out.extend((0..common).map(|i| Match::Changed(olds.start + i, news.start + i)));
        out.extend((olds.start + common..olds.end).map(Match::Removed));
        out.extend((news.start + common..news.end).map(Match::Added));
        return;
    }
    // score[i][j]: best total similarity pairing old[..i] with new[..j] of the stretch.
    let sim: Vec<Vec<f32>> = olds.clone().map(|i| news.clone().map(|j| similarity(old[i], new[j])).collect()).collect();
    let mut score = vec![vec![0f32; m + 1]; k + 1];
    for i in 1..=k {
        for j in 1..=m {
            let s = sim[i - 1][j - 1];
            let diagonal = if s >= PAIRING_THRESHOLD { score[i - 1][j - 1] + s } else { f32::MIN };
            score[i][j] = score[i - 1][j].max(score[i][j - 1]).max(diagonal);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (k, m);
    while i > 0 && j > 0 {
        let s = sim[i - 1][j - 1];
        if s >= PAIRING_THRESHOLD && score[i][j] == score[i - 1][j - 1] + s {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if score[i][j] == score[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    let (mut next_old, mut next_new) = (0, 0);
    for (a, b) in pairs.into_iter().chain(std::iter::once((k, m))) {
        out.extend((next_old..a).map(|x| Match::Removed(olds.start + x)));
        out.extend((next_new..b).map(|y| Match::Added(news.start + y)));
        if a < k && b < m {
            out.push(Match::Changed(olds.start + a, news.start + b));
        }
        (next_old, next_new) = (a + 1, b + 1);
    }
}

/// Ids present in both orders that fall outside their longest common subsequence: the clauses
/// that moved. When several common orders are equally long (two neighbours swapped), the
/// earlier clause is the one reported: "8 moved after 9" rather than "9 moved before 8".
pub fn moved<'a>(old: &[&'a str], new: &[&'a str]) -> HashSet<&'a str> {
    let old_set: HashSet<&str> = old.iter().copied().collect();
    let new_set: HashSet<&str> = new.iter().copied().collect();
    let common_old: Vec<&str> = old.iter().copied().filter(|id| new_set.contains(id)).collect();
    let common_new: Vec<&str> = new.iter().copied().filter(|id| old_set.contains(id)).collect();
    if common_old == common_new {
        return HashSet::new();
    }
    let deadline = Instant::now().checked_add(SEQUENCE_TIMEOUT);
    // Diffing new against old makes Myers, which deletes before it inserts, keep the later
    // clause of a swapped pair in place; what the new order lacks from the LCS moved.
    let mut moved = HashSet::new();
    for op in capture_diff_slices_deadline(Algorithm::Myers, &common_new, &common_old, deadline) {
        if let DiffOp::Delete { old_index, old_len, .. } | DiffOp::Replace { old_index, old_len, .. } = op {
            moved.extend(common_new[old_index..old_index + old_len].iter().copied());
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_blocks_keep_their_pairing_around_an_insertion() {
        let m = match_units(&["a", "b", "c"], &["a", "x", "b", "c"]);
        assert_eq!(m, [Match::Same(0, 0), Match::Added(1), Match::Same(1, 2), Match::Same(2, 3)]);
    }

    #[test]
    fn a_rewritten_stretch_pairs_by_similarity() {
        let old = ["We protect the integrity of discussions and debates.", "We comply with policies."];
        let new = ["We protect the integrity of all discussions and debates."];
        let m = match_units(&old, &new);
        assert_eq!(m, [Match::Changed(0, 0), Match::Removed(1)]);
        let new = ["Something else entirely, nothing alike.", "We comply with the policies."];
        let m = match_units(&old[..1], &new);
        assert_eq!(m, [Match::Removed(0), Match::Added(0), Match::Added(1)]);
    }

    #[test]
    fn a_clause_put_after_its_successor_moved() {
        let moved = moved(&["a", "b", "c", "d"], &["a", "c", "b", "d", "e"]);
        assert_eq!(moved, HashSet::from(["b"]));
    }

    #[test]
    fn a_clause_moved_far_is_the_one_reported() {
        assert_eq!(moved(&["a", "b", "c", "d"], &["b", "c", "d", "a"]), HashSet::from(["a"]));
        assert_eq!(moved(&["a", "b", "c", "d"], &["d", "a", "b", "c"]), HashSet::from(["d"]));
        assert!(moved(&["a", "b"], &["a", "x", "b"]).is_empty());
    }
}
