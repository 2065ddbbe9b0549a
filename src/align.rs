//! Pairs the English and Japanese documents: clauses by id, then blocks by their order within
//! the clause, footnotes by label. Unpaired and reordered clauses are recorded, never fatal.

use std::collections::{HashMap, HashSet};

use similar::{Algorithm, DiffOp, capture_diff_slices};

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

fn pair_blocks<'d>(owner: &str, en: &'d [Block], ja: &'d [Block]) -> Vec<BlockPair<'d>> {
    (0..en.len().max(ja.len()))
        .map(|i| BlockPair { address: block_address(owner, i), en: en.get(i), ja: ja.get(i) })
        .collect()
}

pub fn align<'d>(en: &'d Document, ja: &'d Document) -> Alignment<'d> {
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
                pair_blocks(&id.0, en.map_or(&[], |c| &c.blocks), ja.map_or(&[], |c| &c.blocks))
            };
            ClausePair { id, en, ja, blocks }
        })
        .collect();

    Alignment { clauses, footnotes: align_footnotes(en, ja), out_of_order: out_of_order(&en_ids, &ja_ids) }
}

fn align_footnotes<'d>(en: &'d Document, ja: &'d Document) -> Vec<FootnotePair<'d>> {
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
            let blocks =
                pair_blocks(&footnote_address(label), en.map_or(&[], |f| &f.blocks), ja.map_or(&[], |f| &f.blocks));
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

    #[test]
    fn a_swapped_clause_is_out_of_order() {
        let en = doc(Lang::En, &["a", "b", "c", "d"]);
        let ja = doc(Lang::Ja, &["a", "c", "b", "d"]);
        let moved: Vec<_> = align(&en, &ja).out_of_order.iter().map(|id| id.0.clone()).collect();
        assert_eq!(moved.len(), 1, "{moved:?}");
    }
}
