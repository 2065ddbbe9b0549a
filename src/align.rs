//! Pairs the English and Japanese documents: clauses by id, then blocks by their order within
//! the clause, footnotes by label. Unpaired and reordered clauses are recorded, never fatal.

use std::collections::{HashMap, HashSet};

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::glossary::Term;
use crate::model::{Block, Clause, ClauseId, ClauseKind, Document, Footnote, Lang};

/// The two documents side by side.
#[derive(Debug)]
pub struct Alignment<'d> {
    /// Every clause id of either language, in English order with Japanese-only clauses after
    /// their Japanese predecessor.
    pub clauses: Vec<ClausePair<'d>>,
    pub footnotes: Vec<FootnotePair<'d>>,
    /// Clauses present in both languages whose Japanese position disagrees with the English order.
    pub out_of_order: Vec<&'d ClauseId>,
}

#[derive(Debug)]
pub struct ClausePair<'d> {
    pub id: &'d ClauseId,
    pub en: Option<&'d Clause>,
    pub ja: Option<&'d Clause>,
    /// Blocks paired by position; empty for colophons, whose blocks are not translations.
    pub blocks: Vec<BlockPair<'d>>,
}

impl<'d> ClausePair<'d> {
    pub fn side(&self, lang: Lang) -> Option<&'d Clause> {
        match lang {
            Lang::En => self.en,
            Lang::Ja => self.ja,
        }
    }

    pub fn is_colophon(&self) -> bool {
        [self.en, self.ja].into_iter().flatten().any(|c| c.kind == ClauseKind::Colophon)
    }
}

/// The n-th block of a clause (or footnote) in each language.
#[derive(Debug, Clone)]
pub struct BlockPair<'d> {
    /// Stable address: `principle-3#2` is the second block of principle 3.
    pub address: String,
    pub en: Option<&'d Block>,
    pub ja: Option<&'d Block>,
}

impl<'d> BlockPair<'d> {
    pub fn side(&self, lang: Lang) -> Option<&'d Block> {
        match lang {
            Lang::En => self.en,
            Lang::Ja => self.ja,
        }
    }

    /// Both blocks, when both languages have this one.
    pub fn both(&self) -> Option<(&'d Block, &'d Block)> {
        Some((self.en?, self.ja?))
    }
}

#[derive(Debug)]
pub struct FootnotePair<'d> {
    pub label: &'d str,
    pub en: Option<&'d Footnote>,
    pub ja: Option<&'d Footnote>,
    pub blocks: Vec<BlockPair<'d>>,
}

/// Address of block `index` (0-based) of the clause or footnote named `owner`.
pub fn block_address(owner: &str, index: usize) -> String {
    format!("{owner}#{}", index + 1)
}

/// Address of a footnote definition.
pub fn footnote_address(label: &str) -> String {
    format!("footnote-{label}")
}

/// Address of the `index`-th (0-based) Japanese block of `owner` when it has no English counterpart.
pub fn japanese_only_address(owner: &str, index: usize) -> String {
    format!("{owner}#ja{}", index + 1)
}

/// Pairs the blocks of one clause or footnote. With as many blocks on both sides they pair by
/// position; otherwise by a length-based alignment (Gale and Church's idea): translations keep
/// roughly the document's length ratio, so the block left without a counterpart is the one the
/// lengths single out, not merely the last one. Rows with English are addressed by the English
/// position (`principle-7#2`), Japanese-only rows by the Japanese one (`principle-7#ja2`).
fn pair_blocks<'d>(owner: &str, en: &'d [Block], ja: &'d [Block], evidence: &Evidence<'_>) -> Vec<BlockPair<'d>> {
    // Very long uneven clauses (over a million candidate pairs) fall back to positions.
    if en.len() == ja.len() || en.len().saturating_mul(ja.len()) > MAX_ALIGNMENT_CELLS {
        return (0..en.len().max(ja.len()))
            .map(|i| BlockPair { address: block_address(owner, i), en: en.get(i), ja: ja.get(i) })
            .collect();
    }
    length_alignment(en, ja, evidence)
        .into_iter()
        .map(|(e, j)| BlockPair {
            address: match (e, j) {
                (Some(e), _) => block_address(owner, e),
                (None, Some(j)) => japanese_only_address(owner, j),
                (None, None) => block_address(owner, 0),
            },
            en: e.map(|e| &en[e]),
            ja: j.map(|j| &ja[j]),
        })
        .collect()
}

/// Largest clause (English blocks × Japanese blocks) aligned by evidence rather than position.
const MAX_ALIGNMENT_CELLS: usize = 1_000_000;

/// Cost of leaving a block without counterpart, against the cost of a pair (see [`pair_cost`]).
const SKIP_COST: f64 = 1.0;

/// What says two blocks translate each other: the document's length ratio and the glossary.
struct Evidence<'t> {
    ratio: f64,
    terms: &'t [Term],
}

/// How unlikely it is that `ja` translates `en`: distance of their length ratio from the
/// document's, plus a penalty for a paragraph facing a list, for each glossary term found on one
/// side only, and for different footnote references.
fn pair_cost(en: &Block, ja: &Block, evidence: &Evidence<'_>) -> f64 {
    let (en_text, ja_text) = (en.plain_text(), ja.plain_text());
    let length = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count() as f64 + 1.0;
    let lengths = ((length(&ja_text) / length(&en_text)).ln() - evidence.ratio.ln()).abs();
    let kind = if en.kind_name() == ja.kind_name() { 0.0 } else { 1.0 };
    let terms =
        evidence.terms.iter().filter(|term| term.occurs_in_english(&en_text) != ja_text.contains(&term.ja)).count()
            as f64
            * 0.5;
    let references = |text: &str| text.matches("[^").count();
    let notes = if references(&en_text) == references(&ja_text) { 0.0 } else { 1.0 };
    lengths + kind + terms + notes
}

/// Minimal-cost alignment of two block sequences: pairs and single blocks, in order.
fn length_alignment(en: &[Block], ja: &[Block], evidence: &Evidence<'_>) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (en.len(), ja.len());
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = cost[i][j];
            if i < n && j < m {
                let pair = here + pair_cost(&en[i], &ja[j], evidence);
                if pair < cost[i + 1][j + 1] {
                    cost[i + 1][j + 1] = pair;
                }
            }
            if i < n && here + SKIP_COST < cost[i + 1][j] {
                cost[i + 1][j] = here + SKIP_COST;
            }
            if j < m && here + SKIP_COST < cost[i][j + 1] {
                cost[i][j + 1] = here + SKIP_COST;
            }
        }
    }
    // Walk back from the end. On a tie the later block is the one left alone, as a reader
    // comparing the two columns from the top would find it.
    let (mut i, mut j) = (n, m);
    let mut rows = Vec::new();
    while i > 0 || j > 0 {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        if i > 0 && close(cost[i][j], cost[i - 1][j] + SKIP_COST) {
            rows.push((Some(i - 1), None));
            i -= 1;
        } else if j > 0 && close(cost[i][j], cost[i][j - 1] + SKIP_COST) {
            rows.push((None, Some(j - 1)));
            j -= 1;
        } else {
            rows.push((Some(i - 1), Some(j - 1)));
            (i, j) = (i - 1, j - 1);
        }
    }
    rows.reverse();
    rows
}

/// The document's Japanese/English length ratio, over every block of both languages.
fn length_ratio(en: &Document, ja: &Document) -> f64 {
    let chars = |d: &Document| {
        d.blocks().map(|(_, b)| b.plain_text().chars().filter(|c| !c.is_whitespace()).count()).sum::<usize>() as f64
    };
    let (e, j) = (chars(en), chars(ja));
    if e > 0.0 && j > 0.0 { j / e } else { 1.0 }
}

/// Aligns without a glossary (see [`align_with`]).
pub fn align<'d>(en: &'d Document, ja: &'d Document) -> Alignment<'d> {
    align_with(en, ja, &[])
}

/// Aligns the two documents; glossary `terms` help pair blocks when a clause has more blocks in one
/// language than in the other.
pub fn align_with<'d>(en: &'d Document, ja: &'d Document, terms: &[Term]) -> Alignment<'d> {
    let evidence = Evidence { ratio: length_ratio(en, ja), terms };
    let en_ids: Vec<&ClauseId> = en.clauses.iter().map(|c| &c.id).collect();
    let ja_ids: Vec<&ClauseId> = ja.clauses.iter().map(|c| &c.id).collect();

    // Order: English order, each Japanese-only clause after its nearest Japanese predecessor.
    let mut order: Vec<&ClauseId> = en_ids.clone();
    let english: HashSet<&ClauseId> = en_ids.iter().copied().collect();
    for (i, id) in ja_ids.iter().enumerate() {
        if english.contains(id) || order.contains(id) {
            continue;
        }
        let after = ja_ids[..i].iter().rev().find_map(|prev| order.iter().position(|o| o == prev));
        order.insert(after.map_or(0, |p| p + 1), id);
    }

    let en_by_id: HashMap<&ClauseId, &Clause> = en.clauses.iter().map(|c| (&c.id, c)).collect();
    let ja_by_id: HashMap<&ClauseId, &Clause> = ja.clauses.iter().map(|c| (&c.id, c)).collect();
    let clauses = order
        .into_iter()
        .map(|id| {
            let (en, ja) = (en_by_id.get(id).copied(), ja_by_id.get(id).copied());
            let colophon = [en, ja].into_iter().flatten().any(|c| c.kind == ClauseKind::Colophon);
            let blocks = if colophon {
                Vec::new()
            } else {
                pair_blocks(&id.0, en.map_or(&[], |c| &c.blocks), ja.map_or(&[], |c| &c.blocks), &evidence)
            };
            ClausePair { id, en, ja, blocks }
        })
        .collect();

    Alignment { clauses, footnotes: align_footnotes(en, ja, &evidence), out_of_order: out_of_order(&en_ids, &ja_ids) }
}

fn align_footnotes<'d>(en: &'d Document, ja: &'d Document, evidence: &Evidence<'_>) -> Vec<FootnotePair<'d>> {
    let mut labels: Vec<&str> = en.footnotes.iter().map(|f| f.label.as_str()).collect();
    for footnote in &ja.footnotes {
        if !labels.contains(&footnote.label.as_str()) {
            labels.push(&footnote.label);
        }
    }
    labels
        .into_iter()
        .map(|label| {
            let (en, ja) = (en.footnote(label), ja.footnote(label));
            let blocks = pair_blocks(
                &footnote_address(label),
                en.map_or(&[], |f| &f.blocks),
                ja.map_or(&[], |f| &f.blocks),
                evidence,
            );
            FootnotePair { label, en, ja, blocks }
        })
        .collect()
}

/// Clauses of both languages that fall outside the longest common ordering.
fn out_of_order<'d>(en_ids: &[&'d ClauseId], ja_ids: &[&'d ClauseId]) -> Vec<&'d ClauseId> {
    let (in_en, in_ja): (HashSet<_>, HashSet<_>) = (en_ids.iter().collect(), ja_ids.iter().collect());
    let common_en: Vec<&ClauseId> = en_ids.iter().copied().filter(|id| in_ja.contains(id)).collect();
    let common_ja: Vec<&ClauseId> = ja_ids.iter().copied().filter(|id| in_en.contains(id)).collect();
    let mut moved = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &common_en, &common_ja) {
        if let DiffOp::Insert { new_index, new_len, .. } | DiffOp::Replace { new_index, new_len, .. } = op {
            moved.extend(common_ja[new_index..new_index + new_len].iter().copied());
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClauseKind;
    use crate::source::{FileId, Span};

    fn doc(lang: Lang, ids: &[&str]) -> Document {
        let span = Span { file: FileId(0), start: 0, end: 0, line: 1, column: 1 };
        let clauses = ids
            .iter()
            .map(|id| Clause {
                id: ClauseId(id.to_string()),
                kind: ClauseKind::Body,
                heading: None,
                blocks: vec![],
                span: span.clone(),
            })
            .collect();
        Document { lang, clauses, footnotes: vec![] }
    }

    #[test]
    fn clauses_pair_by_id_and_unpaired_ones_keep_their_place() {
        let en = doc(Lang::En, &["a", "b", "c"]);
        let ja = doc(Lang::Ja, &["a", "x", "c"]);
        let alignment = align(&en, &ja);
        let ids: Vec<_> = alignment.clauses.iter().map(|p| p.id.0.as_str()).collect();
        assert_eq!(ids, ["a", "x", "b", "c"]);
        assert!(alignment.clauses[2].ja.is_none());
        assert!(alignment.clauses[1].en.is_none());
        assert!(alignment.out_of_order.is_empty());
    }

    fn block(text: &str) -> Block {
        let span = Span { file: FileId(0), start: 0, end: 0, line: 1, column: 1 };
        let inline = crate::model::Inline { kind: crate::model::InlineKind::Text(text.into()), span: span.clone() };
        Block { kind: crate::model::BlockKind::Paragraph(vec![inline]), span }
    }

    #[test]
    fn the_block_left_without_counterpart_is_found_by_length_not_position() {
        let en = [block(&"long ".repeat(40)), block("short one."), block(&"middle ".repeat(12))];
        let ja = [block("短い。"), block(&"中".repeat(40))];
        let pairs = pair_blocks("c", &en, &ja, &Evidence { ratio: 0.5, terms: &[] });
        let shape: Vec<_> = pairs.iter().map(|p| (p.address.as_str(), p.en.is_some(), p.ja.is_some())).collect();
        assert_eq!(shape, [("c#1", true, false), ("c#2", true, true), ("c#3", true, true)]);
    }

    #[test]
    fn an_extra_japanese_block_gets_a_japanese_address() {
        let en = [block("one two three four."), block("five six seven eight.")];
        let ja = [block("一二三四。"), block(&"余".repeat(80)), block("五六七八。")];
        let pairs = pair_blocks("c", &en, &ja, &Evidence { ratio: 0.5, terms: &[] });
        let addresses: Vec<_> = pairs.iter().map(|p| p.address.as_str()).collect();
        assert_eq!(addresses, ["c#1", "c#ja2", "c#2"]);
    }

    #[test]
    fn a_swapped_clause_is_out_of_order() {
        let en = doc(Lang::En, &["a", "b", "c", "d"]);
        let ja = doc(Lang::Ja, &["a", "c", "b", "d"]);
        let moved: Vec<_> = align(&en, &ja).out_of_order.iter().map(|id| id.0.clone()).collect();
        assert_eq!(moved.len(), 1, "{moved:?}");
    }
}
