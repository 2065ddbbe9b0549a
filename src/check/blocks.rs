//! P002 block-counts: paragraphs and lists pair one to one within a clause (and a footnote), lists
//! have as many items in both languages; the unmatched block itself is pointed at.

use super::{Check, Context, Draft, Label, Unit, UnitKind};
use crate::i18n::Message;
use crate::model::Lang;

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
        let in_both = owners_in_both(cx);
        for pair in &cx.pairs {
            // A missing clause is P001's finding; only report blocks of clauses present in both.
            let owner = pair.address.split('#').next().unwrap_or_default();
            if !in_both.contains(owner) {
                continue;
            }
            match (&pair.en, &pair.ja) {
                (Some(en), None) if en.kind != UnitKind::Heading => out.push(
                    Draft::new(
                        Message::new("p002-unmatched-block").arg("kind", kind_name(en)).arg("address", &pair.address),
                        &pair.address,
                        Some(Lang::Ja),
                    )
                    .label(Label::new(Lang::En, en.span).with(Message::new("label-no-japanese-counterpart"))),
                ),
                (None, Some(ja)) if ja.kind != UnitKind::Heading => out.push(
                    Draft::new(
                        Message::new("p002-extra-block").arg("kind", kind_name(ja)).arg("address", &pair.address),
                        &pair.address,
                        Some(Lang::Ja),
                    )
                    .label(Label::new(Lang::Ja, ja.span).with(Message::new("label-no-english-counterpart"))),
                ),
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

/// Clauses and footnotes (`footnote-<label>`) present in both languages.
fn owners_in_both(cx: &Context<'_>) -> std::collections::HashSet<String> {
    let clauses = cx.alignment.clauses.iter().filter(|c| c.en.is_some() && c.ja.is_some()).map(|c| c.id.0.clone());
    let footnotes = cx
        .alignment
        .footnotes
        .iter()
        .filter(|f| f.en.is_some() && f.ja.is_some())
        .map(|f| crate::align::footnote_address(f.label));
    clauses.chain(footnotes).collect()
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
        assert_eq!(found[0].message.id, "p002-unmatched-block");
        assert_eq!(found[0].address, "a#2");
        assert_eq!(found[0].labels[0].span.line, 5);
    }

    #[test]
    fn extra_japanese_paragraph_is_reported() {
        let p = project("# A {#a}\n\none\n", "# A {#a}\n\n一\n\n二\n");
        let found = findings(&p, &BlockCounts);
        assert_eq!(found[0].message.id, "p002-extra-block");
    }

    #[test]
    fn list_item_counts_must_match_and_the_extra_item_is_labelled() {
        let p = project("# A {#a}\n\n- x\n- y\n", "# A {#a}\n\n- エ\n");
        let found = findings(&p, &BlockCounts);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message.id, "p002-item-count");
        assert_eq!(found[0].labels[0].span.line, 4);
    }

    #[test]
    fn paragraph_against_list_is_a_kind_mismatch() {
        let p = project("# A {#a}\n\n- x\n", "# A {#a}\n\nエ\n");
        assert_eq!(findings(&p, &BlockCounts)[0].message.id, "p002-kind-mismatch");
    }

    #[test]
    fn blocks_of_a_clause_missing_in_one_language_are_left_to_p001() {
        let p = project("# A {#a}\n\nx\n\n# B {#b}\n\ny\n", "# A {#a}\n\nx\n");
        assert!(findings(&p, &BlockCounts).is_empty());
    }
}
