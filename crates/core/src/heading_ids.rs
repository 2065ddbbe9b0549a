//! Ids for headings written without one (`## Our Pledge`): between the clauses both languages
//! already share, each language's sections are paired by the aligner ([`align::pair_sections`]),
//! and each pair gets one id, the English heading's slug (`our-pledge`), unique in the project;
//! a heading whose counterpart already has an id takes that id. P001's fix and
//! `codepub init --from-markdown` write what this proposes.

use std::collections::{HashMap, HashSet};

use crate::align::{self, Section};
use crate::glossary::Term;
use crate::model::{Clause, Document, Lang, plain_text};
use crate::pair::Pair;

/// An id for one heading that has none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub lang: Lang,
    /// The clause's index in its language's document.
    pub clause: usize,
    pub id: String,
    /// The heading of the other language given the same id (or holding it already), if any.
    pub counterpart: Option<usize>,
    /// Whether the aligner is sure of the counterpart (see [`align::SectionPair`]); always false
    /// for a heading left alone.
    pub sure: bool,
}

/// Proposes an id for each heading of `en` and `ja` whose clause index is in `missing` (per
/// language). Headings paired with a counterpart share its id (or one new id); a heading left
/// alone gets its own: the slug of its English text, or `section-N` in Japanese.
pub fn propose(documents: Pair<&Document>, missing: Pair<&HashSet<usize>>, terms: &[Term]) -> Vec<Proposal> {
    propose_among(documents, missing, terms, &mut HashSet::new())
}

/// [`propose`] for one part of a project (a pair of files), with the ids `taken` elsewhere in
/// it; the ids proposed are added to `taken`.
pub fn propose_among(
    documents: Pair<&Document>,
    missing: Pair<&HashSet<usize>>,
    terms: &[Term],
    taken: &mut HashSet<String>,
) -> Vec<Proposal> {
    let ids = |lang: Lang| -> HashSet<&str> {
        let document = documents.get(lang);
        let missing = missing.get(lang);
        document
            .clauses
            .iter()
            .enumerate()
            .filter(|(k, _)| !missing.contains(k))
            .map(|(_, c)| c.id.0.as_str())
            .collect()
    };
    let (en_ids, ja_ids) = (ids(Lang::En), ids(Lang::Ja));
    taken.extend(en_ids.union(&ja_ids).map(|id| id.to_string()));
    let mut proposals = Vec::new();
    for gap in gaps(documents, missing, &en_ids, &ja_ids) {
        let sections = |lang: Lang, clauses: &[usize]| -> Vec<Section<'_>> {
            clauses.iter().map(|&k| section(&documents.get(lang).clauses[k])).collect()
        };
        let pairs = align::pair_sections(&sections(Lang::En, &gap.en), &sections(Lang::Ja, &gap.ja), terms);
        for pair in pairs {
            let en = pair.en.map(|i| gap.en[i]);
            let ja = pair.ja.map(|j| gap.ja[j]);
            let is_missing = |lang: Lang, k: Option<usize>| k.is_some_and(|k| missing.get(lang).contains(&k));
            let (en_missing, ja_missing) = (is_missing(Lang::En, en), is_missing(Lang::Ja, ja));
            if !en_missing && !ja_missing {
                continue;
            }
            let existing = |lang: Lang, k: Option<usize>, lacking: bool| {
                k.filter(|_| !lacking).map(|k| documents.get(lang).clauses[k].id.0.clone())
            };
            let id = match (existing(Lang::En, en, en_missing), existing(Lang::Ja, ja, ja_missing)) {
                (Some(id), _) | (_, Some(id)) => id,
                (None, None) => {
                    let base = match en {
                        Some(k) => slug(&heading_text(&documents.en.clauses[k])),
                        None => format!("section-{}", ja.map_or(0, |k| k + 1)),
                    };
                    unique(&base, taken)
                }
            };
            if en_missing && let Some(k) = en {
                proposals.push(Proposal {
                    lang: Lang::En,
                    clause: k,
                    id: id.clone(),
                    counterpart: ja,
                    sure: pair.sure,
                });
            }
            if ja_missing && let Some(k) = ja {
                proposals.push(Proposal { lang: Lang::Ja, clause: k, id, counterpart: en, sure: pair.sure });
            }
        }
    }
    proposals
}

/// The clauses between two clauses both languages share (by id, in order), that the other
/// language may hold the counterparts of: headings without ids, and ids the other lacks.
struct Gap {
    en: Vec<usize>,
    ja: Vec<usize>,
}

fn gaps(
    documents: Pair<&Document>,
    missing: Pair<&HashSet<usize>>,
    en_ids: &HashSet<&str>,
    ja_ids: &HashSet<&str>,
) -> Vec<Gap> {
    // Anchors: ids in both languages, in English order, Japanese positions increasing.
    let japanese_at: HashMap<&str, usize> = (documents.ja.clauses.iter().enumerate())
        .filter(|(j, _)| !missing.ja.contains(j))
        .map(|(j, clause)| (clause.id.0.as_str(), j))
        .rev()
        .collect();
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for (i, clause) in documents.en.clauses.iter().enumerate() {
        if missing.en.contains(&i) || !ja_ids.contains(clause.id.0.as_str()) {
            continue;
        }
        if let Some(&j) = japanese_at.get(clause.id.0.as_str())
            && anchors.last().is_none_or(|&(_, last)| j > last)
        {
            anchors.push((i, j));
        }
    }
    let candidates = |lang: Lang, from: usize, to: usize, other: &HashSet<&str>| -> Vec<usize> {
        let document = documents.get(lang);
        (from..to)
            .filter(|&k| {
                let clause = &document.clauses[k];
                clause.heading.is_some() && (missing.get(lang).contains(&k) || !other.contains(clause.id.0.as_str()))
            })
            .collect()
    };
    let ends = anchors.iter().copied().chain([(documents.en.clauses.len(), documents.ja.clauses.len())]);
    let mut from = (0, 0);
    let mut gaps = Vec::new();
    for (to_en, to_ja) in ends {
        let gap =
            Gap { en: candidates(Lang::En, from.0, to_en, ja_ids), ja: candidates(Lang::Ja, from.1, to_ja, en_ids) };
        if !gap.en.is_empty() || !gap.ja.is_empty() {
            gaps.push(gap);
        }
        from = (to_en + 1, to_ja + 1);
    }
    gaps
}

fn section(clause: &Clause) -> Section<'_> {
    let (level, heading) = clause.heading.as_ref().map_or((0, &[][..]), |h| (h.level, h.inlines.as_slice()));
    Section { level, heading, blocks: &clause.blocks }
}

fn heading_text(clause: &Clause) -> String {
    clause.heading.as_ref().map(|h| plain_text(&h.inlines)).unwrap_or_default()
}

/// A heading's id as GitHub and most static site generators make it: lower case, ASCII letters
/// and digits (accents dropped), words joined by `-`; `section` when nothing is left.
pub fn slug(heading: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut slug = String::new();
    for c in heading.nfd() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation() || !c.is_ascii())
            && !is_mark(c)
            && !slug.ends_with('-')
        {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() { "section".to_string() } else { slug.to_string() }
}

/// Whether `c` is a combining mark an accented letter decomposes into (`é` → `e` + U+0301).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// `base`, or `base-2`, `base-3`… whichever is not taken yet; recorded as taken.
fn unique(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.insert(id.clone());
    id
}

/// Where `{#id}` goes in a heading written as `source[start..end]`, and the text to insert: at
/// the end of its first line (after an ATX heading's closing `#`s; a setext heading's underline
/// is its second line), where Markdown parsers read heading attributes.
pub fn insertion(source: &str, start: usize, end: usize, id: &str) -> (usize, String) {
    let heading = source.get(start..end).unwrap_or_default();
    let line = heading.find('\n').map_or(heading, |n| &heading[..n]).trim_end();
    (start + line.len(), format!(" {{#{id}}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, ClauseId, ClauseKind, Heading, Inline, InlineKind};
    use crate::source::Span;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline { kind: InlineKind::Text(s.to_string()), span: Span::default() }]
    }

    fn clause(id: &str, level: u8, heading: &str, paragraphs: &[&str]) -> Clause {
        Clause {
            id: ClauseId(id.to_string()),
            kind: ClauseKind::Body,
            heading: Some(Heading { level, inlines: text(heading), span: Span::default() }),
            blocks: paragraphs
                .iter()
                .map(|p| Block { kind: BlockKind::Paragraph(text(p)), span: Span::default() })
                .collect(),
            span: Span::default(),
        }
    }

    fn doc(lang: Lang, clauses: Vec<Clause>) -> Document {
        Document { lang, clauses, footnotes: Vec::new() }
    }

    fn all(document: &Document) -> HashSet<usize> {
        (0..document.clauses.len()).collect()
    }

    fn ids(proposals: &[Proposal], lang: Lang) -> Vec<(usize, &str, bool)> {
        proposals.iter().filter(|p| p.lang == lang).map(|p| (p.clause, p.id.as_str(), p.sure)).collect()
    }

    fn with_id(source: &str, id: &str) -> String {
        let (at, text) = insertion(source, 0, source.trim_end().len(), id);
        format!("{}{text}{}", &source[..at], &source[at..])
    }

    #[test]
    fn an_id_goes_where_the_markdown_parser_reads_it_as_the_heading_s_id() {
        for (source, expected) in [
            ("## Our Pledge\n", "## Our Pledge {#our-pledge}\n"),
            ("## Our Pledge ##\n", "## Our Pledge ## {#our-pledge}\n"),
            ("Our Pledge\n----------\n", "Our Pledge {#our-pledge}\n----------\n"),
        ] {
            let written = with_id(source, "our-pledge");
            assert_eq!(written, expected);
            let parser = pulldown_cmark::Parser::new_ext(&written, crate::load::markdown::options());
            let (mut id, mut text) = (None, String::new());
            for event in parser {
                match event {
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { id: read, .. }) => {
                        id = read.map(|id| id.to_string())
                    }
                    pulldown_cmark::Event::Text(read) => text.push_str(&read),
                    _ => {}
                }
            }
            assert_eq!((id.as_deref(), text.as_str()), (Some("our-pledge"), "Our Pledge"), "{written}");
        }
    }

    #[test]
    fn slugs_are_lower_case_ascii_words_joined_by_hyphens() {
        assert_eq!(slug("Our Pledge"), "our-pledge");
        assert_eq!(slug("1. Correction"), "1-correction");
        assert_eq!(slug("Résumé & Scope"), "resume-scope");
        assert_eq!(slug("私たちの約束"), "section");
        assert_eq!(slug("ISO/CS — Rules"), "iso-cs-rules");
    }

    #[test]
    fn sections_pair_by_level_and_numbers_not_by_position_in_the_file() {
        let en = doc(
            Lang::En,
            vec![
                clause("", 1, "Guidelines", &["Community leaders will follow these guidelines."]),
                clause("", 2, "Enforcement", &["Instances may be reported to the leaders at [contact]."]),
                clause("", 3, "1. Correction", &["Use of inappropriate language."]),
                clause("", 3, "2. Warning", &["A violation through a single incident."]),
            ],
        );
        // Japanese lacks the level-2 `Enforcement` section.
        let ja = doc(
            Lang::Ja,
            vec![
                clause("", 1, "ガイドライン", &["コミュニティリーダーは、このガイドラインに従います。"]),
                clause("", 3, "1. 更生", &["不適切な言葉の使用。"]),
                clause("", 3, "2. 警告", &["一回の事件による違反。"]),
            ],
        );
        let proposals = propose(Pair::new(&en, &ja), Pair::new(&all(&en), &all(&ja)), &[]);
        assert_eq!(
            ids(&proposals, Lang::En),
            [(0, "guidelines", true), (1, "enforcement", false), (2, "1-correction", true), (3, "2-warning", true)]
        );
        assert_eq!(
            ids(&proposals, Lang::Ja),
            [(0, "guidelines", true), (1, "1-correction", true), (2, "2-warning", true)]
        );
    }

    #[test]
    fn a_heading_takes_the_id_its_counterpart_already_has_and_new_ids_stay_unique() {
        let en = doc(
            Lang::En,
            vec![
                clause("scope", 2, "Scope", &["It applies in 3 places."]),
                clause("", 2, "Scope", &["Again 5 times."]),
            ],
        );
        let ja = doc(
            Lang::Ja,
            vec![clause("", 2, "適用範囲", &["3か所で適用する。"]), clause("", 2, "適用範囲", &["5回。"])],
        );
        let missing_en: HashSet<usize> = [1].into();
        let proposals = propose(Pair::new(&en, &ja), Pair::new(&missing_en, &all(&ja)), &[]);
        assert_eq!(ids(&proposals, Lang::Ja), [(0, "scope", true), (1, "scope-2", true)]);
        assert_eq!(ids(&proposals, Lang::En), [(1, "scope-2", true)]);
    }

    #[test]
    fn clauses_both_languages_share_bound_the_pairing() {
        let en = doc(
            Lang::En,
            vec![
                clause("", 2, "Before", &["One."]),
                clause("middle", 2, "Middle", &["Two."]),
                clause("", 2, "After", &["Within 30 days."]),
            ],
        );
        let ja = doc(
            Lang::Ja,
            vec![
                clause("middle", 2, "中", &["二。"]),
                clause("", 2, "後", &["30日以内。"]),
                clause("", 2, "後の後", &["4つ。"]),
            ],
        );
        let (missing_en, missing_ja): (HashSet<usize>, HashSet<usize>) = ([0, 2].into(), [1, 2].into());
        let proposals = propose(Pair::new(&en, &ja), Pair::new(&missing_en, &missing_ja), &[]);
        // `Before` has nothing before `middle` in Japanese to pair with.
        assert_eq!(ids(&proposals, Lang::En), [(0, "before", false), (2, "after", true)]);
        assert_eq!(ids(&proposals, Lang::Ja), [(1, "after", true), (2, "section-3", false)]);
    }
}
