//! P002 block-counts: paragraphs and lists pair one to one within a clause (and a footnote), in
//! the same order, and lists have as many items in both languages. The unmatched block itself is
//! pointed at, and so is the place in the other language's file where its counterpart belongs.

use super::{Check, Context, Draft, Label, Unit, UnitKind};
use codepub_core::align::BlockPair;
use codepub_core::i18n::Message;
use codepub_core::model::{Block, Lang};
use codepub_core::source::Span;

pub struct BlockCounts;

fn kind_name(unit: &Unit<'_>) -> &'static str {
    match unit.kind {
        UnitKind::Heading => "heading",
        UnitKind::Paragraph => "paragraph",
        UnitKind::List => "list",
        UnitKind::Other => "block",
    }
}

impl Check for BlockCounts {
    fn code(&self) -> &'static str {
        "P002"
    }

    fn name(&self) -> &'static str {
        "block-counts"
    }

    fn help(&self) -> &'static str {
        "help-p002"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        for owner in owners_in_both(cx) {
            unmatched_blocks(cx, &owner, out);
            swapped_blocks(cx, &owner, out);
        }
        for pair in &cx.pairs {
            // A missing clause is P001's finding; only report blocks of clauses present in both.
            if !cx.in_both.contains(&pair.address.owner) {
                continue;
            }
            match (&pair.sides.en, &pair.sides.ja) {
                (Some(en), Some(ja)) if en.kind != ja.kind => out.push(Draft::on_pair(
                    Message::new("p002-kind-mismatch").arg("en", kind_name(en)).arg("ja", kind_name(ja)),
                    &pair.address,
                    ja.span,
                    en.span,
                )),
                (Some(en), Some(ja)) if en.kind == UnitKind::List && en.groups.len() != ja.groups.len() => {
                    let (longer, lang) =
                        if en.groups.len() > ja.groups.len() { (en, Lang::En) } else { (ja, Lang::Ja) };
                    let first_unmatched = longer.groups[en.groups.len().min(ja.groups.len())];
                    let span = first_unmatched.first().map_or(longer.span, |inline| &inline.span);
                    out.push(
                        Draft::new(
                            Message::new("p002-item-count")
                                .num("en", en.groups.len() as i64)
                                .num("ja", ja.groups.len() as i64),
                            &pair.address,
                            Some(Lang::Ja),
                        )
                        .label(Label::new(lang, span).with(Message::new("label-unmatched-item")))
                        .label(Label::new(lang.other(), if lang == Lang::En { ja.span } else { en.span })),
                    );
                }
                _ => {}
            }
        }
    }
}

/// A clause or footnote present in both languages, as the alignment paired it.
struct Rows<'a> {
    rows: &'a [BlockPair<'a>],
    swaps: &'a [usize],
    /// Per language: where the owner's text starts (its heading, or its declaration).
    starts: [Option<&'a Span>; 2],
}

/// Clauses and footnotes present in both languages.
fn owners_in_both<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = Rows<'a>> {
    let clauses = cx.alignment.clauses.iter().filter_map(|c| {
        let (en, ja) = (c.sides.en?, c.sides.ja?);
        let start =
            |clause: &'a codepub_core::model::Clause| Some(clause.heading.as_ref().map_or(&clause.span, |h| &h.span));
        Some(Rows { rows: &c.blocks, swaps: &c.swaps, starts: [start(en), start(ja)] })
    });
    let footnotes = cx.alignment.footnotes.iter().filter(|f| f.sides.en.is_some() && f.sides.ja.is_some()).map(|f| {
        Rows { rows: &f.blocks, swaps: &f.swaps, starts: [f.sides.en.map(|f| &f.span), f.sides.ja.map(|f| &f.span)] }
    });
    clauses.chain(footnotes)
}

/// A block of one language without counterpart: labelled where it is and where its counterpart
/// belongs in the other language's file (after the translation of its nearest paired neighbour).
///
/// One pass over the rows, each language's latest block carried along, so a clause of many
/// unmatched blocks costs time in proportion to its length.
fn unmatched_blocks(cx: &Context<'_>, owner: &Rows<'_>, out: &mut Vec<Draft>) {
    fn side<'a>(row: &BlockPair<'a>, lang: Lang) -> Option<&'a Span> {
        row.side(lang).map(|block| &block.span)
    }
    let first = |lang: Lang| owner.rows.iter().find_map(|row| side(row, lang).cloned());
    let firsts = [first(Lang::En), first(Lang::Ja)];
    // Per language: the block of the nearest earlier row that has one, else the owner's start.
    let mut latest = [owner.starts[0].cloned(), owner.starts[1].cloned()];
    for row in owner.rows {
        let current = latest.clone();
        for lang in [Lang::En, Lang::Ja] {
            if let Some(span) = side(row, lang) {
                latest[usize::from(lang == Lang::Ja)] = Some(span.clone());
            }
        }
        let (present, missing, block) = match (row.sides.en, row.sides.ja) {
            (Some(en), None) => (Lang::En, Lang::Ja, en),
            (None, Some(ja)) => (Lang::Ja, Lang::En, ja),
            _ => continue,
        };
        let unit = Unit::block(present, block);
        let (message, here) = match present {
            Lang::En => ("p002-unmatched-block", "label-no-japanese-counterpart"),
            Lang::Ja => ("p002-extra-block", "label-no-english-counterpart"),
        };
        let belongs = match missing {
            Lang::Ja => "label-japanese-belongs-here",
            Lang::En => "label-english-belongs-here",
        };
        let index = usize::from(missing == Lang::Ja);
        let place = match &current[index] {
            Some(before) => line_after(cx, before),
            // No earlier block and no start: before the first block of that language, which
            // comes later (this row has none).
            None => firsts[index].clone().unwrap_or_else(|| block.span.clone()),
        };
        let block_label = Label::new(present, &block.span).with(Message::new(here));
        let place_label = Label::new(missing, &place).with(Message::new(belongs).arg("address", &row.address));
        // The primary label is where the translator works: the Japanese file.
        let (primary, secondary) =
            if missing == Lang::Ja { (place_label, block_label) } else { (block_label, place_label) };
        out.push(
            Draft::new(
                Message::new(message).arg("kind", kind_name(&unit)).arg("address", &row.address),
                &row.address,
                Some(Lang::Ja),
            )
            .label(primary)
            .label(secondary),
        );
    }
}

/// An empty span at the start of the line after the one `span` ends on (where a new block goes
/// after a blank line); the end of `span` when it ends the file.
fn line_after(cx: &Context<'_>, span: &Span) -> Span {
    let file = cx.project.sources.get(span.file);
    let line = file.line_index(span.end.max(span.start + 1) - 1);
    let offset = file.line_range(line + 1).map_or(span.end, |range| range.start);
    cx.project.sources.span(span.file, offset..offset)
}

/// Two neighbours paired crosswise: one finding naming both, labelled in both languages.
fn swapped_blocks(cx: &Context<'_>, owner: &Rows<'_>, out: &mut Vec<Draft>) {
    for &r in owner.swaps {
        let (first, second) = (&owner.rows[r], &owner.rows[r + 1]);
        let (Some((en1, ja1)), Some((en2, ja2))) = (first.both(), second.both()) else { continue };
        let moved = moved_language(cx, first, en1, en2);
        let (moved_first, moved_second) = match moved {
            // The block that comes first in the moved language's file translates the second row.
            Lang::Ja => (ja2, ja1),
            Lang::En => (en1, en2),
        };
        let (kept_first, kept_second) = match moved {
            Lang::Ja => (en1, en2),
            Lang::En => (ja2, ja1),
        };
        let (row_of_first, row_of_second) = match moved {
            Lang::Ja => (second, first),
            Lang::En => (first, second),
        };
        out.push(
            Draft::new(
                Message::new(match moved {
                    Lang::Ja => "p002-swapped-ja",
                    Lang::En => "p002-swapped-en",
                })
                .arg("first", &first.address)
                .arg("second", &second.address),
                &first.address,
                Some(moved),
            )
            .label(
                Label::new(moved, &moved_first.span)
                    .with(Message::new("label-translates").arg("address", &row_of_first.address)),
            )
            .label(
                Label::new(moved, &moved_second.span)
                    .with(Message::new("label-translates").arg("address", &row_of_second.address)),
            )
            .label(
                Label::new(moved.other(), &kept_first.span)
                    .with(Message::new("label-address").arg("address", &first.address)),
            )
            .label(
                Label::new(moved.other(), &kept_second.span)
                    .with(Message::new("label-address").arg("address", &second.address)),
            ),
        );
    }
}

/// Which language's order changed, by the translation record: the English, if the record holds
/// the English of the first row at the second row's address; else the Japanese (a translation
/// follows its English).
fn moved_language(cx: &Context<'_>, first: &BlockPair<'_>, en1: &Block, en2: &Block) -> Lang {
    let Some(lock) = cx.project.lock.as_ref() else { return Lang::Ja };
    let print = |block: &Block| {
        codepub_core::lock::fingerprint(&cx.project.sources.get(block.span.file).text[block.span.range()])
    };
    match lock.get(&first.address) {
        Some(entry) if entry.en != print(en1) && entry.en == print(en2) => Lang::En,
        _ => Lang::Ja,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    #[test]
    fn english_paragraph_without_japanese_counterpart_is_pointed_at() {
        let p = project("# A {#a}\n\none\n\ntwo\n", "# A {#a}\n\n一\n");
        let found = findings(&p, &BlockCounts);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p002-unmatched-block");
        assert_eq!(found[0].address.to_string(), "a#2");
        assert_eq!((found[0].diagnostic.labels[1].lang, found[0].diagnostic.labels[1].span.line), (Lang::En, 5));
    }

    #[test]
    fn a_missing_japanese_paragraph_is_labelled_where_it_belongs_in_the_japanese_file() {
        let p = project("# A {#a}\n\nOne 1.\n\nTwo 2.\n\nThree 3.\n", "# A {#a}\n\n一1。\n\n三3。\n");
        let found = findings(&p, &BlockCounts);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].address.to_string(), "a#2");
        let japanese = &found[0].diagnostic.labels[0];
        assert_eq!(japanese.lang, Lang::Ja, "the primary label is in the Japanese file");
        assert_eq!((japanese.span.line, japanese.span.column), (4, 1), "the blank line after 一1。");
        assert_eq!(japanese.message.as_ref().map(|m| m.id), Some("label-japanese-belongs-here"));
    }

    #[test]
    fn an_extra_japanese_paragraph_is_labelled_where_its_english_belongs() {
        let p = project("# A {#a}\n\nOne 1.\n\nThree 3.\n", "# A {#a}\n\n一1。\n\n二2。\n\n三3。\n");
        let found = findings(&p, &BlockCounts);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].address.to_string(), "a#ja2");
        let english =
            found[0].diagnostic.labels.iter().find(|l| l.lang == Lang::En).expect("a label in the English file");
        assert_eq!(english.span.line, 4);
    }

    #[test]
    fn two_swapped_paragraphs_are_one_finding_naming_both() {
        let p = project("# A {#a}\n\nItem 1 here.\n\nItem 2 here.\n", "# A {#a}\n\n項目2。\n\n項目1。\n");
        let found = findings(&p, &BlockCounts);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].diagnostic.message.id, "p002-swapped-ja");
        assert_eq!(found[0].address.to_string(), "a#1");
        let lines: Vec<_> = found[0].diagnostic.labels.iter().map(|l| (l.lang, l.span.line)).collect();
        assert_eq!(lines, [(Lang::Ja, 3), (Lang::Ja, 5), (Lang::En, 3), (Lang::En, 5)]);
    }

    #[test]
    fn extra_japanese_paragraph_is_reported() {
        let p = project("# A {#a}\n\none\n", "# A {#a}\n\n一\n\n二\n");
        let found = findings(&p, &BlockCounts);
        assert_eq!(found[0].diagnostic.message.id, "p002-extra-block");
    }

    #[test]
    fn list_item_counts_must_match_and_the_extra_item_is_labelled() {
        let p = project("# A {#a}\n\n- x\n- y\n", "# A {#a}\n\n- エ\n");
        let found = findings(&p, &BlockCounts);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p002-item-count");
        assert_eq!(found[0].diagnostic.labels[0].span.line, 4);
    }

    #[test]
    fn paragraph_against_list_is_a_kind_mismatch() {
        let p = project("# A {#a}\n\n- x\n", "# A {#a}\n\nエ\n");
        assert_eq!(findings(&p, &BlockCounts)[0].diagnostic.message.id, "p002-kind-mismatch");
    }

    #[test]
    fn blocks_of_a_clause_missing_in_one_language_are_left_to_p001() {
        let p = project("# A {#a}\n\nx\n\n# B {#b}\n\ny\n", "# A {#a}\n\nx\n");
        assert!(findings(&p, &BlockCounts).is_empty());
    }
}
