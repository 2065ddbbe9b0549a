//! Pairs the English and Japanese documents: clauses by id, then the blocks of each clause (and
//! footnote) by the strongest evidence there is: the translation record first, then what a
//! translation keeps (numbers, footnote references, markup, glossary terms, acronyms, sentences),
//! and length only to break ties. Unpaired, swapped and reordered blocks and clauses are recorded,
//! never fatal.
//!
//! Where a clause has more blocks in one language than in the other and no translation record
//! pairs them, word associations learnt from the document's own sure pairs (its headings and its
//! clauses of as many blocks in both languages) say which blocks share words in translation (see
//! [`lexicon`]); they are learnt once, on first need, and never where the record decides.

mod lexicon;

use std::sync::OnceLock;

use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::address::{Address, Owner, Part};
use crate::glossary::{Term, TermPresence};
use crate::model::{Block, BlockKind, Clause, ClauseId, ClauseKind, Document, Footnote, Inline, InlineKind, Lang};
use crate::pair::Pair;
use crate::source::Span;

/// The two documents side by side.
#[derive(Debug)]
pub struct Alignment<'d> {
    /// Every clause id of either language, in English order with Japanese-only clauses after
    /// their Japanese predecessor.
    pub clauses: Vec<ClausePair<'d>>,
    pub footnotes: Vec<FootnotePair<'d>>,
    /// Clauses present in both languages whose Japanese position disagrees with the English order.
    pub out_of_order: Vec<&'d ClauseId>,
    /// The numbers of every block the aligner weighed, by text, for the checks to take.
    pub numerals: crate::numerals::Memo,
}

/// A clause in both languages: its `sides` are the [`Pair`] of them (`pair.sides.en`).
#[derive(Debug)]
pub struct ClausePair<'d> {
    pub id: &'d ClauseId,
    pub sides: Pair<Option<&'d Clause>>,
    /// Blocks paired by translation, in English order; empty for colophons, whose blocks are not
    /// translations.
    pub blocks: Vec<BlockPair<'d>>,
    /// Rows `r` whose blocks and those of row `r + 1` stand in the other order in one language.
    pub swaps: Vec<usize>,
}

impl<'d> ClausePair<'d> {
    pub fn side(&self, lang: Lang) -> Option<&'d Clause> {
        *self.sides.get(lang)
    }

    pub fn is_colophon(&self) -> bool {
        [self.sides.en, self.sides.ja].into_iter().flatten().any(|c| c.kind == ClauseKind::Colophon)
    }
}

/// The n-th block of a clause (or footnote) in each language, its `sides` a [`Pair`].
#[derive(Debug, Clone)]
pub struct BlockPair<'d> {
    /// Stable address: `principle-3#2` is the second block of principle 3.
    pub address: Address,
    pub sides: Pair<Option<&'d Block>>,
}

impl<'d> BlockPair<'d> {
    pub fn side(&self, lang: Lang) -> Option<&'d Block> {
        *self.sides.get(lang)
    }

    /// Both blocks, when both languages have this one.
    pub fn both(&self) -> Option<(&'d Block, &'d Block)> {
        Some((self.sides.en?, self.sides.ja?))
    }
}

/// A footnote in both languages, its `sides` a [`Pair`].
#[derive(Debug)]
pub struct FootnotePair<'d> {
    pub label: &'d str,
    pub sides: Pair<Option<&'d Footnote>>,
    pub blocks: Vec<BlockPair<'d>>,
    /// As for [`ClausePair::swaps`].
    pub swaps: Vec<usize>,
}

impl<'d> Alignment<'d> {
    /// Where the `lang` text of the block, heading or back-cover line at `address` is in its
    /// source file, when that language has it.
    pub fn span_of(&self, address: &Address, lang: Lang) -> Option<&'d Span> {
        let in_rows = |rows: &[BlockPair<'d>]| {
            rows.iter().find(|row| row.address == *address).and_then(|row| row.side(lang)).map(|block| &block.span)
        };
        match &address.owner {
            Owner::Footnote(label) => {
                let pair = self.footnotes.iter().find(|pair| pair.label == label.as_str())?;
                in_rows(&pair.blocks).or_else(|| pair.sides.get(lang).map(|footnote| &footnote.span))
            }
            Owner::Clause(id) => {
                let pair = self.clauses.iter().find(|pair| pair.id.0 == *id)?;
                let clause = pair.side(lang)?;
                match address.part {
                    Part::Heading => Some(clause.heading.as_ref().map_or(&clause.span, |heading| &heading.span)),
                    // A back cover's lines are not paired: its blocks are read in order.
                    Part::Block(n) if pair.blocks.is_empty() => clause.blocks.get(n).map(|block| &block.span),
                    _ => in_rows(&pair.blocks),
                }
            }
        }
    }
}

/// Blocks of one clause or footnote, paired.
struct Paired<'d> {
    rows: Vec<BlockPair<'d>>,
    swaps: Vec<usize>,
    /// The numbers read from the blocks while weighing them, with the texts read.
    numerals: Pair<crate::numerals::Readings>,
}

/// Pairs the blocks of one clause or footnote by the evidence in [`Evidence`]: a minimal-cost
/// alignment of the two sequences in which a block may be left alone (deleted or added in one
/// language) or two neighbours may be swapped. With as many blocks on both sides, blocks are
/// never left alone: they pair in order, unless the evidence shows two neighbours swapped.
/// Rows with English are addressed by the English position (`principle-7#2`), Japanese-only
/// rows by the Japanese one (`principle-7#ja2`).
fn pair_blocks<'d>(owner: &Owner, en: &'d [Block], ja: &'d [Block], evidence: &Evidence<'_>) -> Paired<'d> {
    let (n, m) = (en.len(), ja.len());
    let (steps, numerals) = if n == m {
        let scorer = Scorer::new(en, ja, evidence);
        (in_order_with_swaps(&scorer, n), scorer.into_numerals())
    } else {
        match Band::new(n, m) {
            Some(band) => {
                let scorer = Scorer::new(en, ja, evidence);
                (best_alignment(&scorer, &band), scorer.into_numerals())
            }
            // Long clauses whose lengths differ by thousands of blocks fall back to positions.
            None => ((0..n.max(m)).map(|i| Step::Pair(i < n, i < m)).collect(), Default::default()),
        }
    };
    let mut paired = Paired { rows: Vec::with_capacity(n.max(m)), swaps: Vec::new(), numerals };
    let (mut i, mut j) = (0, 0);
    let row = |e: Option<usize>, j: Option<usize>| BlockPair {
        address: match (e, j) {
            (Some(e), _) => Address::block(owner.clone(), e),
            (None, Some(j)) => Address::japanese_only(owner.clone(), j),
            (None, None) => Address::block(owner.clone(), 0),
        },
        sides: Pair::new(e.map(|e| &en[e]), j.map(|j| &ja[j])),
    };
    for step in steps {
        match step {
            Step::Pair(has_en, has_ja) => {
                paired.rows.push(row(has_en.then_some(i), has_ja.then_some(j)));
                i += usize::from(has_en);
                j += usize::from(has_ja);
            }
            Step::EnglishOnly => {
                paired.rows.push(row(Some(i), None));
                i += 1;
            }
            Step::JapaneseOnly => {
                paired.rows.push(row(None, Some(j)));
                j += 1;
            }
            Step::Swap => {
                paired.swaps.push(paired.rows.len());
                paired.rows.push(row(Some(i), Some(j + 1)));
                paired.rows.push(row(Some(i + 1), Some(j)));
                (i, j) = (i + 2, j + 2);
            }
        }
    }
    paired
}

/// One move of an alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// The next English and the next Japanese block, either of which may be absent (positional
    /// fallback past the end of the shorter side).
    Pair(bool, bool),
    EnglishOnly,
    JapaneseOnly,
    /// The next two blocks of each language, paired crosswise.
    Swap,
}

/// Largest clause (English blocks × Japanese blocks) aligned over every candidate pair; a longer
/// one is aligned within a band around the diagonal.
const MAX_ALIGNMENT_CELLS: usize = 1_000_000;

/// How far off the diagonal a long clause's alignment may stray, beyond the difference in block
/// counts (which a run of blocks left alone at one end would need).
const BAND_MARGIN: usize = 16;

/// Most candidate pairs a band may hold (8 M costs: 64 MB); a wider one falls back to positions.
const MAX_BAND_CELLS: usize = 8_000_000;

/// Cost of leaving a block without counterpart, against the cost of a pair (see [`Scorer::cost`]).
const SKIP_COST: f64 = 2.0;

/// Cost of reading two neighbours crosswise, on top of the two pairs' own costs: a swap must be
/// clearly better than the order of the sources.
const SWAP_COST: f64 = 1.0;

/// Cost of a pair the translation record holds: below what any other evidence can reach.
const SIGNED_OFF: f64 = -2.0;

/// Cost of pairing a block with another while the translation record pairs it (or that other
/// block) with a third block of the same clause.
const RECORD_CONTRADICTED: f64 = 6.0;

/// Cost of pairing two blocks when one has a loanword (`データ`, `data`) that the other lacks and
/// a nearby block of the other language has.
const LOANWORD_ELSEWHERE: f64 = 0.75;

/// Cost of pairing a block that repeats an earlier one of its clause with a block that does not.
const REPEAT_UNMATCHED: f64 = 2.0;

/// Weight of the word associations in a pair's cost: from `-LEXICAL` when every associated
/// word and feature of the two blocks finds its partner, to `+LEXICAL` when none does.
const LEXICAL: f64 = 2.0;

/// What says two blocks translate each other.
pub struct Evidence<'t> {
    /// The document's Japanese/English length ratio.
    ratio: f64,
    /// Which glossary terms a block has.
    terms: &'t TermPresence,
    record: Option<&'t SignedOff<'t>>,
    /// The documents' own word associations, learnt when a clause first needs them.
    lexicon: Option<&'t Learnt<'t>>,
}

/// The word associations of two documents, learnt on first need (see [`lexicon`]).
struct Learnt<'d> {
    documents: Pair<&'d Document>,
    lexicon: OnceLock<lexicon::Lexicon>,
}

impl Learnt<'_> {
    fn get(&self) -> &lexicon::Lexicon {
        self.lexicon.get_or_init(|| lexicon::Lexicon::learn(self.documents.en, self.documents.ja))
    }
}

/// The translation record as alignment evidence: the (English, Japanese) source fingerprints
/// signed off together, and how to fingerprint a block's source.
pub struct SignedOff<'a> {
    pub pairs: HashSet<(String, String)>,
    pub fingerprint: &'a (dyn Fn(&Block) -> String + Sync),
}

/// What a translation keeps of a block, computed once per block.
struct Traits {
    kind: &'static str,
    /// Non-whitespace characters, plus one.
    length: f64,
    /// Numbers as values in canonical form (`40` for `四十日` and `forty (40) days`), sorted.
    numbers: Vec<String>,
    /// The block's plain text and the numbers read from it, for [`Alignment::numerals`].
    read: (String, Vec<crate::numerals::Numeral>),
    /// Footnote labels referenced, sorted.
    notes: Vec<String>,
    /// Emphasis and strong spans (English italics may be Japanese bold).
    markup: usize,
    links: usize,
    /// Latin acronyms (`ISO`, `ISO/CS`), which Japanese keeps as they are; sorted.
    acronyms: Vec<String>,
    /// Sentence ends: `.`, `?`, `!` before a space or the end in English; `。？！` in Japanese.
    sentences: usize,
    /// For each glossary term, whether the block has it.
    terms: Vec<bool>,
    fingerprint: Option<String>,
    /// Japanese: consonant skeletons of katakana loanwords; English: of its words (see
    /// [`crate::loanword`]).
    loanwords: Vec<String>,
    /// Whether an earlier block of the same clause and language has the same text: a copy
    /// pairs with nothing unless the other language repeats a block too.
    repeat: bool,
}

impl Traits {
    /// The traits of `block`; `seen`: the normalised texts of the blocks before it in its clause;
    /// `loanwords`: whether its loanwords can have a home (an English block's words are looked
    /// for only when a Japanese block near it has a katakana word).
    fn of(
        block: &Block,
        lang: Lang,
        evidence: &Evidence<'_>,
        seen: &mut HashSet<String, FixedState>,
        loanwords: bool,
    ) -> Self {
        let text = block.plain_text();
        let repeat = !seen.insert(crate::lock::normalise(&text));
        let mut notes = Vec::new();
        let (mut markup, mut links) = (0, 0);
        for group in block.inline_groups() {
            crate::model::walk_inlines(group, &mut |inline| match &inline.kind {
                InlineKind::FootnoteRef(label) => notes.push(label.clone()),
                InlineKind::Emphasis(_) | InlineKind::Strong(_) => markup += 1,
                InlineKind::Link { .. } => links += 1,
                _ => {}
            });
        }
        notes.sort();
        let acronyms = acronyms(&text);
        let sentences = match lang {
            Lang::Ja => text.chars().filter(|c| matches!(c, '。' | '？' | '！')).count(),
            Lang::En => {
                let mut chars = text.chars().peekable();
                let mut ends = 0;
                while let Some(c) = chars.next() {
                    if matches!(c, '.' | '?' | '!') && chars.peek().is_none_or(|c| c.is_whitespace()) {
                        ends += 1;
                    }
                }
                ends
            }
        };
        let terms = evidence.terms.in_text(&text, lang);
        let numerals = crate::numerals::read(&text, lang);
        Self {
            kind: block.kind_name(),
            length: text.chars().filter(|c| !c.is_whitespace()).count() as f64 + 1.0,
            numbers: crate::numerals::values_of(&numerals),
            notes,
            markup,
            links,
            acronyms,
            sentences,
            terms,
            fingerprint: evidence.record.map(|record| (record.fingerprint)(block)),
            loanwords: match lang {
                _ if !loanwords => Vec::new(),
                Lang::En => crate::loanword::english_skeletons(&text),
                Lang::Ja => crate::loanword::katakana_skeletons(&text),
            },
            repeat,
            read: (text, numerals),
        }
    }

    /// Traits of a clause's blocks, repeats marked; the loanwords of the blocks `loanwords`
    /// says can have a home (by index).
    fn of_all(blocks: &[Block], lang: Lang, evidence: &Evidence<'_>, loanwords: impl Fn(usize) -> bool) -> Vec<Self> {
        let mut seen = HashSet::default();
        (blocks.iter().enumerate())
            .map(|(index, block)| Self::of(block, lang, evidence, &mut seen, loanwords(index)))
            .collect()
    }
}

/// The Latin acronyms of a text (`ISO`, `ISO/CS`), sorted: words of two capitals or more, except
/// the capitalised words of a square-bracket placeholder (`[INSERT CONTACT METHOD]`, which a
/// translation writes in its own language) and runs of two or more all-caps words (`RIGHTS AND
/// DUTIES`, a heading in capitals), which are words, not acronyms.
fn acronyms(text: &str) -> Vec<String> {
    if !has_word_of_two_capitals(text) {
        return Vec::new();
    }
    let mut words: Vec<(usize, usize)> = Vec::new();
    let (mut depth, mut start) = (0usize, None::<usize>);
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_ascii_alphanumeric() || c == '/' {
            start.get_or_insert(i);
            continue;
        }
        if let Some(from) = start.take()
            && depth == 0
        {
            words.push((from, i));
        }
        match c {
            '[' | '［' => depth += 1,
            ']' | '］' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let all_caps = |&(from, to): &(usize, usize)| {
        let word = &text[from..to];
        word.chars().filter(char::is_ascii_alphabetic).count() >= 2 && word.chars().all(|c| !c.is_ascii_lowercase())
    };
    // Neighbours: only whitespace between.
    let joined = |a: &(usize, usize), b: &(usize, usize)| {
        let gap = &text[a.1..b.0];
        !gap.is_empty() && gap.chars().all(char::is_whitespace)
    };
    let mut acronyms: Vec<String> = (0..words.len())
        .filter(|&k| text[words[k].0..words[k].1].chars().filter(char::is_ascii_uppercase).count() >= 2)
        .filter(|&k| {
            let in_run = all_caps(&words[k])
                && ((k > 0 && all_caps(&words[k - 1]) && joined(&words[k - 1], &words[k]))
                    || words.get(k + 1).is_some_and(|next| all_caps(next) && joined(&words[k], next)));
            !in_run
        })
        .map(|k| text[words[k].0..words[k].1].to_string())
        .collect();
    acronyms.sort();
    acronyms
}

/// Whether a word of `text` (a run of ASCII letters, digits and `/`, as [`acronyms`] reads words)
/// has two capitals: most texts have none, and need no more reading for acronyms.
fn has_word_of_two_capitals(text: &str) -> bool {
    let mut capitals = 0;
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' => {
                capitals += 1;
                if capitals == 2 {
                    return true;
                }
            }
            b'a'..=b'z' | b'0'..=b'9' | b'/' => {}
            _ => capitals = 0,
        }
    }
    false
}

/// Items in one sorted list and not in the other.
fn sorted_difference<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut different) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => (i, j) = (i + 1, j + 1),
            std::cmp::Ordering::Less => (i, different) = (i + 1, different + 1),
            std::cmp::Ordering::Greater => (j, different) = (j + 1, different + 1),
        }
    }
    different + (a.len() - i) + (b.len() - j)
}

/// Pair costs of one clause's blocks.
struct Scorer<'e> {
    /// What each block of each language holds.
    traits: Pair<Vec<Traits>>,
    /// Per block, whether the record pairs it with a block of the other language in this clause.
    recorded: Pair<Vec<bool>>,
    /// Per block, per loanword shared with the other language: the nearby blocks of the other
    /// language that have it (see [`loanword_homes`]).
    loanwords: Pair<Vec<Vec<Vec<usize>>>>,
    evidence: &'e Evidence<'e>,
    /// The blocks' associated words and features, and the lexicon that associates them: only in
    /// a clause of unequal block counts with blocks the record leaves unpaired.
    lexical: Option<(Pair<Vec<lexicon::Bag>>, &'e lexicon::Lexicon)>,
    /// Evidence beyond the blocks' own (a section heading's level and numbers), added to every
    /// pair's cost.
    extra: Option<&'e dyn Fn(usize, usize) -> f64>,
}

impl<'e> Scorer<'e> {
    fn new(en_blocks: &[Block], ja_blocks: &[Block], evidence: &'e Evidence<'e>) -> Self {
        let ja = Traits::of_all(ja_blocks, Lang::Ja, evidence, |_| true);
        // An English word has a home only in a Japanese block near it with a katakana word.
        let reach = loanword_reach(en_blocks.len(), ja_blocks.len());
        let katakana_near = |k: usize| ja[near(k, reach, ja.len())].iter().any(|t| !t.loanwords.is_empty());
        let en = Traits::of_all(en_blocks, Lang::En, evidence, katakana_near);
        let (mut en_recorded, mut ja_recorded) = (vec![false; en.len()], vec![false; ja.len()]);
        if let Some(record) = evidence.record {
            let ja_at: HashMap<&str, Vec<usize>> = ja.iter().enumerate().fold(HashMap::new(), |mut map, (j, t)| {
                map.entry(t.fingerprint.as_deref().unwrap_or_default()).or_default().push(j);
                map
            });
            let en_at: HashMap<&str, Vec<usize>> = en.iter().enumerate().fold(HashMap::new(), |mut map, (i, t)| {
                map.entry(t.fingerprint.as_deref().unwrap_or_default()).or_default().push(i);
                map
            });
            for (en_print, ja_print) in &record.pairs {
                let (Some(english), Some(japanese)) = (en_at.get(en_print.as_str()), ja_at.get(ja_print.as_str()))
                else {
                    continue;
                };
                japanese.iter().for_each(|&j| ja_recorded[j] = true);
                english.iter().for_each(|&i| en_recorded[i] = true);
            }
        }
        let loanwords = loanword_homes(&en, &ja);
        let unrecorded = |recorded: &[bool]| recorded.iter().any(|r| !r);
        let lexical = evidence
            .lexicon
            .filter(|_| en_blocks.len() != ja_blocks.len() && unrecorded(&en_recorded) && unrecorded(&ja_recorded));
        let lexical = lexical.map(|learnt| {
            let lexicon = learnt.get();
            let en = en_blocks.iter().map(|b| lexicon.english_bag(&b.plain_text())).collect();
            let ja = ja_blocks.iter().map(|b| lexicon.japanese_bag(&b.plain_text())).collect();
            (Pair::new(en, ja), lexicon)
        });
        Self {
            traits: Pair::new(en, ja),
            recorded: Pair::new(en_recorded, ja_recorded),
            loanwords,
            evidence,
            lexical,
            extra: None,
        }
    }

    /// The texts of the blocks and the numbers read from them.
    fn into_numerals(self) -> Pair<crate::numerals::Readings> {
        self.traits.map(|traits| traits.into_iter().map(|t| t.read).collect())
    }

    /// Whether the translation record pairs English block `i` with Japanese block `j`.
    fn signed_off(&self, i: usize, j: usize) -> bool {
        let Some(record) = self.evidence.record else { return false };
        match (&self.traits.en[i].fingerprint, &self.traits.ja[j].fingerprint) {
            (Some(e), Some(j)) => record.pairs.contains(&(e.clone(), j.clone())),
            _ => false,
        }
    }

    /// How unlikely it is that Japanese block `j` translates English block `i`: [`SIGNED_OFF`]
    /// when the translation record says it does; otherwise the weighted differences of what a
    /// translation keeps, less the loanwords the two share, with length only as a tie-breaker.
    fn cost(&self, i: usize, j: usize) -> f64 {
        if self.signed_off(i, j) {
            return SIGNED_OFF;
        }
        let (en, ja) = (&self.traits.en[i], &self.traits.ja[j]);
        let mut cost = 0.0;
        if self.recorded.en[i] || self.recorded.ja[j] {
            cost += RECORD_CONTRADICTED;
        }
        if en.kind != ja.kind {
            cost += 2.0;
        }
        if en.repeat != ja.repeat {
            cost += REPEAT_UNMATCHED;
        }
        cost += 2.0 * sorted_difference(&en.notes, &ja.notes) as f64;
        cost += (sorted_difference(&en.numbers, &ja.numbers) as f64).min(3.0);
        cost += 0.5 * (en.markup.abs_diff(ja.markup) as f64).min(2.0);
        cost += en.links.abs_diff(ja.links) as f64;
        cost += (0.5 * sorted_difference(&en.acronyms, &ja.acronyms) as f64).min(2.0);
        cost += en.terms.iter().zip(&ja.terms).filter(|(e, j)| e != j).count() as f64;
        cost += (0.4 * en.sentences.abs_diff(ja.sentences) as f64).min(1.2);
        // Loanwords shared with a neighbour but not with this block, against those shared here.
        let (ja_here, ja_elsewhere) = split_homes(&self.loanwords.ja[j], i);
        let (en_here, en_elsewhere) = split_homes(&self.loanwords.en[i], j);
        let against = (ja_elsewhere + en_elsewhere) as f64 - (ja_here + en_here) as f64;
        cost += LOANWORD_ELSEWHERE * against.clamp(-2.0, 3.0);
        let lengths = ((ja.length / en.length).ln() - self.evidence.ratio.ln()).abs();
        cost += self.extra.map_or(0.0, |extra| extra(i, j));
        cost += self.lexical_cost(i, j);
        cost + 0.5 * lengths.min(2.0)
    }

    /// The word associations' say on pairing English block `i` with Japanese block `j` (see
    /// [`LEXICAL`]): nothing where the record pairs either block, or neither has an associated
    /// word.
    fn lexical_cost(&self, i: usize, j: usize) -> f64 {
        let Some((bags, lexicon)) = &self.lexical else { return 0.0 };
        if self.recorded.en[i] || self.recorded.ja[j] {
            return 0.0;
        }
        lexicon.similarity(&bags.en[i], &bags.ja[j]).map_or(0.0, |similarity| LEXICAL * (1.0 - 2.0 * similarity))
    }
}

/// For each block's loanwords (a Japanese block's katakana words, an English block's words), the
/// blocks of the other language near it that have the same word, in order; the words no near
/// block has are left out. Near: as far as the clause's difference in block counts could shift a
/// pair, and two more (the same reach both ways). Each English word is compared with each
/// katakana word of the Japanese blocks near it once, for both languages' homes.
fn loanword_homes(en: &[Traits], ja: &[Traits]) -> Pair<Vec<Vec<Vec<usize>>>> {
    let reach = loanword_reach(en.len(), ja.len());
    let unhomed = |blocks: &[Traits]| -> Vec<Vec<Vec<usize>>> {
        blocks.iter().map(|traits| vec![Vec::new(); traits.loanwords.len()]).collect()
    };
    let (mut en_homes, mut ja_homes) = (unhomed(en), unhomed(ja));
    for (k, english) in en.iter().enumerate() {
        for o in near(k, reach, ja.len()) {
            let japanese = &ja[o];
            for (w, word) in english.loanwords.iter().enumerate() {
                for (v, katakana) in japanese.loanwords.iter().enumerate() {
                    if !crate::loanword::transliterates(katakana, word) {
                        continue;
                    }
                    if en_homes[k][w].last() != Some(&o) {
                        en_homes[k][w].push(o);
                    }
                    if ja_homes[o][v].last() != Some(&k) {
                        ja_homes[o][v].push(k);
                    }
                }
            }
        }
    }
    for homes in en_homes.iter_mut().chain(ja_homes.iter_mut()) {
        homes.retain(|homes| !homes.is_empty());
    }
    Pair::new(en_homes, ja_homes)
}

/// How far from a block its loanwords' homes can be, in a clause of `en` and `ja` blocks: as far
/// as the difference in block counts could shift a pair, and two more.
fn loanword_reach(en: usize, ja: usize) -> usize {
    en.abs_diff(ja) + 2
}

/// The blocks within `reach` of block `k`, among `count`.
fn near(k: usize, reach: usize, count: usize) -> std::ops::Range<usize> {
    k.saturating_sub(reach).min(count)..(k + reach + 1).min(count)
}

/// How many of a block's shared loanwords the block `other` has, and how many only other blocks.
fn split_homes(homes: &[Vec<usize>], other: usize) -> (usize, usize) {
    let here = homes.iter().filter(|homes| homes.contains(&other)).count();
    (here, homes.len() - here)
}

/// As many blocks on both sides: pairs in order, or two neighbours crosswise where that is
/// clearly cheaper. Linear in the clause's length.
fn in_order_with_swaps(scorer: &Scorer<'_>, n: usize) -> Vec<Step> {
    let mut cost = vec![f64::INFINITY; n + 1];
    let mut back = vec![Step::Pair(true, true); n + 1];
    cost[0] = 0.0;
    for i in 0..n {
        let straight = cost[i] + scorer.cost(i, i);
        if straight < cost[i + 1] {
            (cost[i + 1], back[i + 1]) = (straight, Step::Pair(true, true));
        }
        if i + 1 < n {
            let crossed = cost[i] + scorer.cost(i, i + 1) + scorer.cost(i + 1, i) + SWAP_COST;
            let in_order = cost[i] + scorer.cost(i, i) + scorer.cost(i + 1, i + 1);
            if crossed < in_order && crossed < cost[i + 2] {
                (cost[i + 2], back[i + 2]) = (crossed, Step::Swap);
            }
        }
    }
    let mut steps = Vec::new();
    let mut i = n;
    while i > 0 {
        steps.push(back[i]);
        i -= if back[i] == Step::Swap { 2 } else { 1 };
    }
    steps.reverse();
    steps
}

/// The candidate pairs an alignment considers: for English block `i`, the Japanese blocks within
/// `width` of the diagonal (`i * m / n`), every one when the clause is small. Time and memory
/// grow with the clause's length times the band's width, not with the square of its length.
struct Band {
    n: usize,
    m: usize,
    width: usize,
    /// Where row `i`'s costs start in the costs of [`best_alignment`]; one more entry, the total.
    starts: Vec<usize>,
}

impl Band {
    /// The band of an `n` × `m` clause, or `None` when it would hold too many pairs.
    fn new(n: usize, m: usize) -> Option<Self> {
        let width = if n.saturating_mul(m) <= MAX_ALIGNMENT_CELLS { n.max(m) } else { n.abs_diff(m) + BAND_MARGIN };
        let mut band = Self { n, m, width, starts: Vec::with_capacity(n + 2) };
        let mut total = 0usize;
        for i in 0..=n {
            band.starts.push(total);
            let (lo, hi) = band.columns(i);
            total += hi - lo + 1;
            if total > MAX_BAND_CELLS {
                return None;
            }
        }
        band.starts.push(total);
        Some(band)
    }

    /// The first and last Japanese position of row `i`.
    fn columns(&self, i: usize) -> (usize, usize) {
        let diagonal = (i * self.m).checked_div(self.n).unwrap_or(0);
        (diagonal.saturating_sub(self.width), (diagonal + self.width).min(self.m))
    }

    /// Where the cost of `(i, j)` is kept, when the band holds it.
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        if i > self.n {
            return None;
        }
        let (lo, hi) = self.columns(i);
        (lo..=hi).contains(&j).then(|| self.starts[i] + j - lo)
    }
}

/// Minimal-cost alignment of two block sequences of different lengths: pairs, single blocks and
/// swapped neighbours, in order, over the candidate pairs of `band`.
fn best_alignment(scorer: &Scorer<'_>, band: &Band) -> Vec<Step> {
    let (n, m) = (scorer.traits.en.len(), scorer.traits.ja.len());
    let mut costs = vec![f64::INFINITY; band.starts[n + 1]];
    let cost = |costs: &[f64], i: usize, j: usize| band.index(i, j).map_or(f64::INFINITY, |k| costs[k]);
    let relax = |costs: &mut [f64], i: usize, j: usize, value: f64| {
        if let Some(k) = band.index(i, j) {
            costs[k] = costs[k].min(value);
        }
    };
    costs[0] = 0.0;
    let swap = |i: usize, j: usize| scorer.cost(i, j + 1) + scorer.cost(i + 1, j) + SWAP_COST;
    for i in 0..=n {
        let (lo, hi) = band.columns(i);
        for j in lo..=hi {
            let here = cost(&costs, i, j);
            if here.is_infinite() {
                continue;
            }
            if i < n && j < m && band.index(i + 1, j + 1).is_some() {
                relax(&mut costs, i + 1, j + 1, here + scorer.cost(i, j));
            }
            if i + 1 < n && j + 1 < m && band.index(i + 2, j + 2).is_some() {
                relax(&mut costs, i + 2, j + 2, here + swap(i, j));
            }
            if i < n {
                relax(&mut costs, i + 1, j, here + SKIP_COST);
            }
            if j < m {
                relax(&mut costs, i, j + 1, here + SKIP_COST);
            }
        }
    }
    // Walk back from the end. On a tie the later block is the one left alone, as a reader
    // comparing the two columns from the top would find it.
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    let (mut i, mut j) = (n, m);
    let mut steps = Vec::new();
    while i > 0 || j > 0 {
        let here = cost(&costs, i, j);
        if i > 0 && close(here, cost(&costs, i - 1, j) + SKIP_COST) {
            steps.push(Step::EnglishOnly);
            i -= 1;
        } else if j > 0 && close(here, cost(&costs, i, j - 1) + SKIP_COST) {
            steps.push(Step::JapaneseOnly);
            j -= 1;
        } else if i > 0 && j > 0 && close(here, cost(&costs, i - 1, j - 1) + scorer.cost(i - 1, j - 1)) {
            steps.push(Step::Pair(true, true));
            (i, j) = (i - 1, j - 1);
        } else {
            steps.push(Step::Swap);
            (i, j) = (i - 2, j - 2);
        }
    }
    steps.reverse();
    steps
}

/// The document's Japanese/English length ratio, over every block of both languages.
fn length_ratio(en: &Document, ja: &Document) -> f64 {
    // Clause by clause over the cores: a sum, the same in any order.
    let chars = |d: &Document| {
        let counts = crate::parallel::map_in_order(&d.clauses, |clause| {
            clause.blocks.iter().map(|b| b.plain_text().chars().filter(|c| !c.is_whitespace()).count()).sum::<usize>()
        });
        counts.into_iter().sum::<usize>() as f64
    };
    let (e, j) = (chars(en), chars(ja));
    if e > 0.0 && j > 0.0 { j / e } else { 1.0 }
}

/// Aligns on length alone, without a glossary or translation record (see [`align_with`]).
pub fn align<'d>(en: &'d Document, ja: &'d Document) -> Alignment<'d> {
    align_with(en, ja, &[], None)
}

/// Aligns the two documents. Glossary `terms` and the translation `record` are evidence for
/// pairing blocks when a clause has more blocks in one language than in the other, or when two
/// neighbours stand in the other order.
pub fn align_with<'d>(
    en: &'d Document,
    ja: &'d Document,
    terms: &[Term],
    record: Option<&SignedOff<'_>>,
) -> Alignment<'d> {
    let learnt = Learnt { documents: Pair::new(en, ja), lexicon: OnceLock::new() };
    let terms = &TermPresence::new(terms);
    let evidence = Evidence { ratio: length_ratio(en, ja), terms, record, lexicon: Some(&learnt) };
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
    // Clauses align independently (the learnt associations are shared, learnt once): over the
    // cores, in order.
    let paired = crate::parallel::map_in_order(&order, |&id| {
        let (en, ja) = (en_by_id.get(id).copied(), ja_by_id.get(id).copied());
        let colophon = [en, ja].into_iter().flatten().any(|c| c.kind == ClauseKind::Colophon);
        let Paired { rows: blocks, swaps, numerals } = if colophon {
            Paired { rows: Vec::new(), swaps: Vec::new(), numerals: Default::default() }
        } else {
            pair_blocks(&id.owner(), en.map_or(&[], |c| &c.blocks), ja.map_or(&[], |c| &c.blocks), &evidence)
        };
        (Some(ClausePair { id, sides: Pair::new(en, ja), blocks, swaps }), numerals)
    });
    let (footnotes, in_footnotes) = align_footnotes(en, ja, &evidence);
    let mut read = Pair::<Vec<_>>::default();
    let mut clauses = Vec::with_capacity(paired.len());
    for (clause, numerals) in paired.into_iter().chain(in_footnotes.into_iter().map(|numerals| (None, numerals))) {
        clauses.extend(clause);
        read.en.extend(numerals.en);
        read.ja.extend(numerals.ja);
    }
    let numerals = crate::numerals::Memo::of(read);

    Alignment { clauses, footnotes, out_of_order: out_of_order(&en_ids, &ja_ids), numerals }
}

/// A section of one language's text as [`pair_sections`] reads it: a heading and the blocks up to
/// the next heading.
pub struct Section<'d> {
    pub level: u8,
    pub heading: &'d [Inline],
    pub blocks: &'d [Block],
}

/// A section of each language that [`pair_sections`] pairs, or one left alone; `sure` when the
/// evidence is clear enough to act on unattended (see [`SURE_MARGIN`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionPair {
    pub en: Option<usize>,
    pub ja: Option<usize>,
    pub sure: bool,
}

/// Cost of pairing headings of different levels.
const LEVEL_MISMATCH: f64 = 3.0;

/// Cost per number only one of two headings has (`3. Temporary Ban` against `4. 永久的な禁止`), on
/// top of the numbers of the whole section.
const HEADING_NUMBER_MISMATCH: f64 = 1.5;

/// Cost per block one section has more than the other, up to four.
const BLOCK_COUNT_MISMATCH: f64 = 0.5;

/// Highest cost of a section pair acted on unattended: no more than leaving one side alone.
const SURE_COST: f64 = SKIP_COST;

/// How much cheaper a sure pair is than pairing either of its sections with a neighbour of the
/// other's.
const SURE_MARGIN: f64 = 0.5;

/// Pairs the sections of two texts whose headings carry no ids: in order, by the evidence blocks
/// are paired by (numbers, notes, markup, links, acronyms, sentences, glossary `terms`, length,
/// over the heading and every block of the section), plus the headings' levels, their own
/// numbers and the sections' numbers of blocks. A section may be left alone; two neighbours may pair crosswise.
pub fn pair_sections(en: &[Section<'_>], ja: &[Section<'_>], terms: &[Term]) -> Vec<SectionPair> {
    let whole = |section: &Section<'_>| {
        let heading = Block { kind: BlockKind::Paragraph(section.heading.to_vec()), span: Span::default() };
        let blocks = std::iter::once(heading).chain(section.blocks.iter().cloned()).collect();
        Block { kind: BlockKind::Quote(blocks), span: Span::default() }
    };
    let (en_blocks, ja_blocks): (Vec<Block>, Vec<Block>) =
        (en.iter().map(whole).collect(), ja.iter().map(whole).collect());
    let chars = |blocks: &[Block]| {
        blocks.iter().map(|b| b.plain_text().chars().filter(|c| !c.is_whitespace()).count()).sum::<usize>() as f64
    };
    let (e, j) = (chars(&en_blocks), chars(&ja_blocks));
    let terms = &TermPresence::new(terms);
    let evidence = Evidence { ratio: if e > 0.0 && j > 0.0 { j / e } else { 1.0 }, terms, record: None, lexicon: None };
    let numbers = |sections: &[Section<'_>], lang: Lang| -> Vec<Vec<String>> {
        sections.iter().map(|s| crate::numerals::values(&crate::model::plain_text(s.heading), lang)).collect()
    };
    let (en_numbers, ja_numbers) = (numbers(en, Lang::En), numbers(ja, Lang::Ja));
    let extra = |i: usize, j: usize| {
        let level = if en[i].level == ja[j].level { 0.0 } else { LEVEL_MISMATCH };
        let blocks = BLOCK_COUNT_MISMATCH * (en[i].blocks.len().abs_diff(ja[j].blocks.len()) as f64).min(4.0);
        level + blocks + HEADING_NUMBER_MISMATCH * sorted_difference(&en_numbers[i], &ja_numbers[j]) as f64
    };
    let mut scorer = Scorer::new(&en_blocks, &ja_blocks, &evidence);
    scorer.extra = Some(&extra);
    let (n, m) = (en.len(), ja.len());
    let steps = match Band::new(n, m) {
        Some(band) => best_alignment(&scorer, &band),
        None => (0..n.max(m)).map(|i| Step::Pair(i < n, i < m)).collect(),
    };
    let sure = |i: usize, j: usize| {
        let cost = scorer.cost(i, j);
        let rivals = [
            (i > 0).then(|| scorer.cost(i - 1, j)),
            (i + 1 < n).then(|| scorer.cost(i + 1, j)),
            (j > 0).then(|| scorer.cost(i, j - 1)),
            (j + 1 < m).then(|| scorer.cost(i, j + 1)),
        ];
        en[i].level == ja[j].level
            && cost <= SURE_COST
            && rivals.into_iter().flatten().all(|rival| rival >= cost + SURE_MARGIN)
    };
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::with_capacity(n.max(m));
    let mut pair = |e: Option<usize>, k: Option<usize>| {
        let sure = matches!((e, k), (Some(e), Some(k)) if sure(e, k));
        pairs.push(SectionPair { en: e, ja: k, sure });
    };
    for step in steps {
        match step {
            Step::Pair(has_en, has_ja) => {
                pair(has_en.then_some(i), has_ja.then_some(j));
                i += usize::from(has_en);
                j += usize::from(has_ja);
            }
            Step::EnglishOnly => {
                pair(Some(i), None);
                i += 1;
            }
            Step::JapaneseOnly => {
                pair(None, Some(j));
                j += 1;
            }
            Step::Swap => {
                pair(Some(i), Some(j + 1));
                pair(Some(i + 1), Some(j));
                (i, j) = (i + 2, j + 2);
            }
        }
    }
    pairs
}

/// The footnotes paired, and the numbers read from their blocks (see [`Paired::numerals`]).
type FootnotesPaired<'d> = (Vec<FootnotePair<'d>>, Vec<Pair<crate::numerals::Readings>>);

/// The footnotes paired, and the numbers read from their blocks.
fn align_footnotes<'d>(en: &'d Document, ja: &'d Document, evidence: &Evidence<'_>) -> FootnotesPaired<'d> {
    let mut numerals = Vec::new();
    let mut labels: Vec<&str> = en.footnotes.iter().map(|f| f.label.as_str()).collect();
    for footnote in &ja.footnotes {
        if !labels.contains(&footnote.label.as_str()) {
            labels.push(&footnote.label);
        }
    }
    let footnotes = labels
        .into_iter()
        .map(|label| {
            let (en, ja) = (en.footnote(label), ja.footnote(label));
            let Paired { rows: blocks, swaps, numerals: read } = pair_blocks(
                &Owner::footnote(label),
                en.map_or(&[], |f| &f.blocks),
                ja.map_or(&[], |f| &f.blocks),
                evidence,
            );
            numerals.push(read);
            FootnotePair { label, sides: Pair::new(en, ja), blocks, swaps }
        })
        .collect();
    (footnotes, numerals)
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

    /// Evidence from the blocks alone: no glossary, no record, no learnt associations.
    const NO_EVIDENCE_BUT_THE_TEXT: Evidence<'static> =
        Evidence { ratio: 0.5, terms: &TermPresence::NONE, record: None, lexicon: None };
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
    fn a_clause_whose_id_starts_like_a_footnote_is_addressed_as_a_clause() {
        let mut en = doc(Lang::En, &["footnote-rules"]);
        let mut ja = doc(Lang::Ja, &["footnote-rules"]);
        en.clauses[0].blocks.push(block("Rule one."));
        ja.clauses[0].blocks.push(block("規則一。"));
        let alignment = align(&en, &ja);
        let address = &alignment.clauses[0].blocks[0].address;
        assert_eq!(address.owner, Owner::Clause("footnote-rules".into()));
        assert_eq!(address.clause_id(), Some("footnote-rules"));
        assert_eq!(address.to_string(), "footnote-rules#1");
    }

    #[test]
    fn clauses_pair_by_id_and_unpaired_ones_keep_their_place() {
        let en = doc(Lang::En, &["a", "b", "c"]);
        let ja = doc(Lang::Ja, &["a", "x", "c"]);
        let alignment = align(&en, &ja);
        let ids: Vec<_> = alignment.clauses.iter().map(|p| p.id.0.as_str()).collect();
        assert_eq!(ids, ["a", "x", "b", "c"]);
        assert!(alignment.clauses[2].sides.ja.is_none());
        assert!(alignment.clauses[1].sides.en.is_none());
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
        let pairs = pair_blocks(&Owner::clause("c"), &en, &ja, &NO_EVIDENCE_BUT_THE_TEXT).rows;
        let shape: Vec<_> =
            pairs.iter().map(|p| (p.address.to_string(), p.sides.en.is_some(), p.sides.ja.is_some())).collect();
        assert_eq!(
            shape.iter().map(|(a, e, j)| (a.as_str(), *e, *j)).collect::<Vec<_>>(),
            [("c#1", true, false), ("c#2", true, true), ("c#3", true, true)]
        );
    }

    /// A clause of 100 000 English paragraphs, ten of them left untranslated here and there: the
    /// band around the diagonal still finds each by its evidence (a number each paragraph
    /// keeps), where the former positional fallback paired everything after the first gap
    /// with the wrong paragraph; the work grows with the length, not its square.
    #[test]
    fn a_clause_of_100_000_paragraphs_is_aligned_by_evidence_within_a_band() {
        let n = 100_000;
        let missing: Vec<usize> = (0..10).map(|k| 3_000 + k * 9_700).collect();
        let en: Vec<Block> = (0..n).map(|i| block(&format!("Paragraph {} applies.", i + 7))).collect();
        let ja: Vec<Block> =
            (0..n).filter(|i| !missing.contains(i)).map(|i| block(&format!("第{}段落を適用する。", i + 7))).collect();
        assert!(Band::new(en.len(), ja.len()).is_some_and(|band| band.starts[n + 1] <= 53 * (n + 1)));
        let rows = pair_blocks(
            &Owner::clause("c"),
            &en,
            &ja,
            &Evidence { ratio: 1.0, terms: &TermPresence::NONE, record: None, lexicon: None },
        )
        .rows;
        let alone: Vec<Part> = rows.iter().filter(|row| row.sides.ja.is_none()).map(|row| row.address.part).collect();
        assert_eq!(alone, missing.iter().map(|i| Part::Block(i + 1)).collect::<Vec<_>>());
    }

    /// Lengths that differ by more than a band can hold fall back to positions, in linear time.
    #[test]
    fn lengths_too_far_apart_for_a_band_fall_back_to_positions() {
        assert!(Band::new(2_000_000, 1_000_000).is_none());
        assert!(Band::new(160_000, 1).is_some(), "one Japanese block: a band of two columns");
    }

    #[test]
    fn numbers_in_kanji_and_in_english_words_are_alignment_evidence() {
        let en = [block("Within forty (40) days."), block("Within sixty (60) days.")];
        let ja = [block("六十日以内。")];
        let rows = shape(&pair_blocks(&Owner::clause("c"), &en, &ja, &NO_EVIDENCE_BUT_THE_TEXT).rows);
        assert_eq!(rows[0], ("c#1".into(), Some("Within forty (40) days.".into()), None));
        assert_eq!(rows[1].2.as_deref(), Some("六十日以内。"));
    }

    #[test]
    fn an_extra_japanese_block_gets_a_japanese_address() {
        let en = [block("one two three four."), block("five six seven eight.")];
        let ja = [block("一二三四。"), block(&"余".repeat(80)), block("五六七八。")];
        let pairs = pair_blocks(&Owner::clause("c"), &en, &ja, &NO_EVIDENCE_BUT_THE_TEXT).rows;
        let addresses: Vec<_> = pairs.iter().map(|p| p.address.to_string()).collect();
        assert_eq!(addresses, ["c#1", "c#ja2", "c#2"]);
    }

    fn shape(pairs: &[BlockPair<'_>]) -> Vec<(String, Option<String>, Option<String>)> {
        pairs
            .iter()
            .map(|p| (p.address.to_string(), p.sides.en.map(Block::plain_text), p.sides.ja.map(Block::plain_text)))
            .collect()
    }

    fn signed_off<'a>(pairs: &[(&str, &str)], fingerprint: &'a (dyn Fn(&Block) -> String + Sync)) -> SignedOff<'a> {
        SignedOff { pairs: pairs.iter().map(|(e, j)| (e.to_string(), j.to_string())).collect(), fingerprint }
    }

    #[test]
    fn the_translation_record_places_a_deletion_that_lengths_would_misplace() {
        // By length, the Japanese left would pair with the long second paragraph.
        let en = [block("Short."), block(&"long ".repeat(30)), block("Third one.")];
        let ja = [block(&"長".repeat(60)), block("三番目。")];
        let text = |b: &Block| b.plain_text();
        let record = signed_off(&[("Short.", &"長".repeat(60)), ("Third one.", "三番目。")], &text);
        let evidence = Evidence { ratio: 0.5, terms: &TermPresence::NONE, record: Some(&record), lexicon: None };
        let rows = shape(&pair_blocks(&Owner::clause("c"), &en, &ja, &evidence).rows);
        assert_eq!(rows[1], ("c#2".into(), Some("long ".repeat(30)), None));
        let without = Evidence { ratio: 0.5, terms: &TermPresence::NONE, record: None, lexicon: None };
        assert_eq!(
            shape(&pair_blocks(&Owner::clause("c"), &en, &ja, &without).rows)[0].0,
            "c#1",
            "lengths alone pair it elsewhere"
        );
        assert!(shape(&pair_blocks(&Owner::clause("c"), &en, &ja, &without).rows)[0].2.is_none());
    }

    #[test]
    fn neighbours_swapped_in_one_language_pair_crosswise_and_are_recorded() {
        let en = [block("One."), block("Two."), block("Three.")];
        let ja = [block("一。"), block("三。"), block("二。")];
        let text = |b: &Block| b.plain_text();
        let record = signed_off(&[("One.", "一。"), ("Two.", "二。"), ("Three.", "三。")], &text);
        let paired = pair_blocks(
            &Owner::clause("c"),
            &en,
            &ja,
            &Evidence { ratio: 0.5, terms: &TermPresence::NONE, record: Some(&record), lexicon: None },
        );
        assert_eq!(paired.swaps, [1]);
        let rows = shape(&paired.rows);
        assert_eq!(rows[1], ("c#2".into(), Some("Two.".into()), Some("二。".into())));
        assert_eq!(rows[2], ("c#3".into(), Some("Three.".into()), Some("三。".into())));
    }

    #[test]
    fn blocks_in_the_same_order_are_never_read_as_swapped_without_evidence() {
        let en = [block("One two three."), block("Four five six.")];
        let ja = [block("四五六。"), block("一二三。")];
        let paired = pair_blocks(&Owner::clause("c"), &en, &ja, &NO_EVIDENCE_BUT_THE_TEXT);
        assert!(paired.swaps.is_empty());
    }

    #[test]
    fn of_a_block_written_twice_the_copy_is_the_one_left_alone() {
        // By length, the copy would pair with the second paragraph, and the last block be left.
        let en = [block("One two three."), block("Four five six seven eight nine ten eleven.")];
        let ja = [block("一二三。"), block("一二三。"), block("四。")];
        let rows = shape(&pair_blocks(&Owner::clause("c"), &en, &ja, &NO_EVIDENCE_BUT_THE_TEXT).rows);
        let alone: Vec<_> = rows.iter().filter(|r| r.1.is_none()).map(|r| r.0.as_str()).collect();
        assert_eq!(alone, ["c#ja2"]);
    }

    #[test]
    fn english_words_are_read_for_loanwords_only_near_a_japanese_block_with_katakana() {
        let en: Vec<Block> =
            ["The data.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven.", "The data again."].map(block).into();
        let ja: Vec<Block> = ["一。", "二。", "三。", "四。", "五。", "六。", "七。", "データ。"].map(block).into();
        let evidence = NO_EVIDENCE_BUT_THE_TEXT;
        let scorer = Scorer::new(&en, &ja, &evidence);
        assert!(scorer.traits.en[0].loanwords.is_empty(), "no katakana within reach of the first block");
        assert!(!scorer.traits.en[7].loanwords.is_empty());
        // The homes are those of every English word read.
        let all = |_| true;
        let every = loanword_homes(&Traits::of_all(&en, Lang::En, &evidence, all), &scorer.traits.ja);
        assert_eq!(scorer.loanwords.en, every.en);
        assert_eq!(scorer.loanwords.ja, every.ja);
        assert_eq!(scorer.loanwords.ja[7], [vec![7]], "データ is at home in the last English block only");
    }

    #[test]
    fn loanword_homes_found_in_one_pass_are_each_languages_nearby_blocks_with_the_word() {
        let en: Vec<Block> = [
            "Harassment and data policies.",
            "Global community guidelines.",
            "Nothing here.",
            "The data of the community, and harassment.",
            "Timely processes.",
        ]
        .map(block)
        .into();
        let ja: Vec<Block> = [
            "ハラスメントとデータ。",
            "グローバルコミュニティのガイドライン。",
            "データとコミュニティ。",
            "プロセス。",
        ]
        .map(block)
        .into();
        let evidence = NO_EVIDENCE_BUT_THE_TEXT;
        let all = |_| true;
        let (en, ja) = (Traits::of_all(&en, Lang::En, &evidence, all), Traits::of_all(&ja, Lang::Ja, &evidence, all));
        // The definition, one language at a time.
        let one_way = |blocks: &[Traits], others: &[Traits], japanese: bool| -> Vec<Vec<Vec<usize>>> {
            let reach = blocks.len().abs_diff(others.len()) + 2;
            let same = |a: &str, b: &str| {
                if japanese { crate::loanword::transliterates(a, b) } else { crate::loanword::transliterates(b, a) }
            };
            (blocks.iter().enumerate())
                .map(|(k, traits)| {
                    let near = k.saturating_sub(reach)..(k + reach + 1).min(others.len());
                    (traits.loanwords.iter())
                        .map(|word| {
                            near.clone().filter(|&o| others[o].loanwords.iter().any(|w| same(word, w))).collect()
                        })
                        .filter(|homes: &Vec<usize>| !homes.is_empty())
                        .collect()
                })
                .collect()
        };
        let homes = loanword_homes(&en, &ja);
        assert_eq!(homes.en, one_way(&en, &ja, false));
        assert_eq!(homes.ja, one_way(&ja, &en, true));
        assert_eq!(homes.ja[0], [vec![0, 3], vec![0, 3]], "ハラスメント and データ, each in two English blocks");
    }

    #[test]
    fn a_shared_loanword_outweighs_length() {
        // By length, the Japanese would pair with the first paragraph; ハラスメント says the second.
        let en = [block("We value skill and care."), block("Harassment is not tolerated here at all.")];
        let ja = [block("ハラスメント容認不可。")];
        let rows = shape(&pair_blocks(&Owner::clause("c"), &en, &ja, &NO_EVIDENCE_BUT_THE_TEXT).rows);
        assert_eq!(rows[0].0, "c#1");
        assert!(rows[0].2.is_none(), "{rows:?}");
    }

    #[test]
    fn a_text_is_read_for_acronyms_only_when_a_word_of_it_has_two_capitals() {
        // A word runs over letters, digits and `/`, as `acronyms` reads it.
        for text in ["ISO", "see ISO/CS", "iSO", "A/B", "x1Y2Z", "ＩＳＯ and ISO", "規格ISO"] {
            assert!(has_word_of_two_capitals(text), "{text}");
            assert!(!acronyms(text).is_empty(), "{text}");
        }
        // Capitals in different words, split by a space, a dash, a full-width letter or kana.
        for text in ["We are Council", "A-B", "I A", "AＢ", "Aの B", "", "iso 9001", "ＩＳＯ"] {
            assert!(!has_word_of_two_capitals(text), "{text}");
            assert!(acronyms(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_placeholder_in_capitals_is_no_acronym_and_does_not_mis_pair_paragraphs() {
        assert_eq!(acronyms("Report to [INSERT CONTACT METHOD] or ISO/CS."), ["ISO/CS"]);
        assert_eq!(acronyms("CHAPTER III. RIGHTS AND DUTIES OF THE PEOPLE, ISO, IEC"), ["IEC", "ISO"]);
        assert_eq!(acronyms("ISO and IEC, ISO 9001"), ["IEC", "ISO", "ISO"]);
        // The placeholder's paragraph is the one the Japanese translates; three acronyms it
        // seemed to lack paired the Japanese with the other one.
        let en = [
            block("Report abuse to the leaders at [INSERT CONTACT METHOD]."),
            block("Complaints are reviewed. Each one is answered soon."),
        ];
        let ja = [block("虐待は[連絡方法]で指導者に報告してください。")];
        let rows = shape(&pair_blocks(&Owner::clause("c"), &en, &ja, &NO_EVIDENCE_BUT_THE_TEXT).rows);
        assert_eq!(rows[0].2.as_deref(), Some("虐待は[連絡方法]で指導者に報告してください。"), "{rows:?}");
    }

    /// Clauses of one block each teaching three English phrases and their Japanese, twice, then
    /// a clause of three look-alike paragraphs (no number, term, markup or loanword; lengths
    /// alike) whose Japanese lacks the middle one.
    fn look_alike_documents() -> (Document, Document) {
        let taught = [
            ("We protect confidential information.", "機密情報を保護する。"),
            ("Confidential information stays private.", "機密情報は非公開とする。"),
            ("We support fair competition.", "公正競争を支持する。"),
            ("Fair competition serves markets.", "公正競争は市場に役立つ。"),
            ("We put public safety first.", "公共安全を優先する。"),
            ("Public safety guides design.", "公共安全は設計を導く。"),
        ];
        let ids: Vec<String> = (0..=taught.len()).map(|k| format!("c{k}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let (mut en, mut ja) = (doc(Lang::En, &ids), doc(Lang::Ja, &ids));
        for (k, (e, j)) in taught.iter().enumerate() {
            en.clauses[k].blocks.push(block(e));
            ja.clauses[k].blocks.push(block(j));
        }
        let last = taught.len();
        en.clauses[last].blocks = vec![
            block("Keep confidential information."),
            block("Favour fair competition."),
            block("Value public safety."),
        ];
        ja.clauses[last].blocks = vec![block("機密情報を守る。"), block("公共安全を重んじる。")];
        (en, ja)
    }

    #[test]
    fn word_associations_learnt_from_the_document_blame_a_deletion_between_look_alike_paragraphs_on_itself() {
        let (en, ja) = look_alike_documents();
        let alignment = align(&en, &ja);
        let rows = shape(&alignment.clauses[6].blocks);
        let alone: Vec<_> = rows.iter().filter(|r| r.2.is_none()).map(|r| r.0.as_str()).collect();
        assert_eq!(alone, ["c6#2"], "{rows:?}");
        // Without them, the tie leaves the last paragraph alone.
        let (en_blocks, ja_blocks) = (&en.clauses[6].blocks, &ja.clauses[6].blocks);
        let without =
            Evidence { ratio: length_ratio(&en, &ja), terms: &TermPresence::NONE, record: None, lexicon: None };
        let rows = shape(&pair_blocks(&Owner::clause("c6"), en_blocks, ja_blocks, &without).rows);
        let alone: Vec<_> = rows.iter().filter(|r| r.2.is_none()).map(|r| r.0.as_str()).collect();
        assert_ne!(alone, ["c6#2"], "{rows:?}");
    }

    #[test]
    fn word_associations_are_not_learnt_for_a_clause_of_as_many_blocks_in_both_languages() {
        let (en, ja) = look_alike_documents();
        let learnt = Learnt { documents: Pair::new(&en, &ja), lexicon: OnceLock::new() };
        let evidence = Evidence { ratio: 0.5, terms: &TermPresence::NONE, record: None, lexicon: Some(&learnt) };
        pair_blocks(&Owner::clause("c0"), &en.clauses[0].blocks, &ja.clauses[0].blocks, &evidence);
        assert!(learnt.lexicon.get().is_none(), "the cheap path learns nothing");
        pair_blocks(&Owner::clause("c6"), &en.clauses[6].blocks, &ja.clauses[6].blocks, &evidence);
        assert!(learnt.lexicon.get().is_some(), "a clause of unequal counts learns");
    }

    #[test]
    fn word_associations_never_overrule_the_translation_record() {
        // The record pairs the Japanese with the first paragraph, against the words they share.
        let (en, ja) = look_alike_documents();
        let (en_blocks, ja_blocks) = (&en.clauses[6].blocks[..2], &ja.clauses[6].blocks[1..]);
        let text = |b: &Block| b.plain_text();
        let record = signed_off(&[("Keep confidential information.", "公共安全を重んじる。")], &text);
        let learnt = Learnt { documents: Pair::new(&en, &ja), lexicon: OnceLock::new() };
        let evidence =
            Evidence { ratio: 0.5, terms: &TermPresence::NONE, record: Some(&record), lexicon: Some(&learnt) };
        let rows = shape(&pair_blocks(&Owner::clause("c6"), en_blocks, ja_blocks, &evidence).rows);
        assert_eq!(rows[0].2.as_deref(), Some("公共安全を重んじる。"), "{rows:?}");
    }

    #[test]
    fn a_swapped_clause_is_out_of_order() {
        let en = doc(Lang::En, &["a", "b", "c", "d"]);
        let ja = doc(Lang::Ja, &["a", "c", "b", "d"]);
        let moved: Vec<_> = align(&en, &ja).out_of_order.iter().map(|id| id.0.clone()).collect();
        assert_eq!(moved.len(), 1, "{moved:?}");
    }
}
