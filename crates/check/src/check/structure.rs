//! P001 clause-structure: every clause id in both languages, once, in the same order, and
//! every heading with an explicit `{#id}`.

use std::collections::HashSet;

use super::{Check, Context, Draft, Fix, Label};
use codepub_core::heading_ids;
use codepub_core::i18n::Message;
use codepub_core::model::{Lang, plain_text};
use codepub_core::pair::Pair;
use codepub_core::source::Span;

pub struct ClauseStructure;

impl Check for ClauseStructure {
    fn code(&self) -> &'static str {
        "P001"
    }

    fn name(&self) -> &'static str {
        "clause-structure"
    }

    fn help(&self) -> &'static str {
        "help-p001"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let synthetic: Vec<_> = cx.project.missing_ids.iter().map(|(_, span)| span).collect();
        missing_ids(cx, out);
        for lang in Lang::BOTH {
            // Tagged PDF (PDF/UA) wants the document's first heading at level 1.
            let first =
                cx.project.document(lang).clauses.iter().find_map(|clause| Some((clause, clause.heading.as_ref()?)));
            if let Some((clause, heading)) = first
                && heading.level != 1
            {
                out.push(
                    Draft::new(
                        Message::new("p001-first-heading-level").num("level", i64::from(heading.level)),
                        format!("{}#heading", clause.id),
                        Some(lang),
                    )
                    .label(Label::new(lang, &heading.span)),
                );
            }
            for clause in &cx.project.document(lang).clauses {
                let Some(heading) = &clause.heading else { continue };
                if codepub_core::model::plain_text(&heading.inlines).trim().is_empty() {
                    out.push(
                        Draft::new(Message::new("p001-empty-heading"), format!("{}#heading", clause.id), Some(lang))
                            .label(Label::new(lang, &heading.span)),
                    );
                }
            }
        }
        for pair in &cx.alignment.clauses {
            match (pair.sides.en, pair.sides.ja) {
                (Some(en), None) if !synthetic.contains(&&en.span) => out.push(
                    Draft::new(Message::new("p001-missing-clause").arg("id", &pair.id.0), &pair.id.0, Some(Lang::Ja))
                        .label(Label::new(Lang::En, &en.span).with(Message::new("label-only-english"))),
                ),
                (None, Some(ja)) if !synthetic.contains(&&ja.span) => out.push(
                    Draft::new(Message::new("p001-extra-clause").arg("id", &pair.id.0), &pair.id.0, Some(Lang::Ja))
                        .label(Label::new(Lang::Ja, &ja.span).with(Message::new("label-only-japanese"))),
                ),
                _ => {}
            }
        }
        for id in &cx.alignment.out_of_order {
            let (Some(en), Some(ja)) = (cx.project.documents.en.clause(id), cx.project.documents.ja.clause(id)) else {
                continue;
            };
            out.push(
                Draft::new(Message::new("p001-out-of-order").arg("id", &id.0), &id.0, Some(Lang::Ja))
                    .label(Label::new(Lang::Ja, &ja.span).with(Message::new("label-japanese-position")))
                    .label(Label::new(Lang::En, &en.span).with(Message::new("label-english-position"))),
            );
        }
    }
}

/// A heading without `{#id}`, at itself. Its fix, when the aligner is sure which heading of the
/// other language translates it, writes the id [`heading_ids::propose`] gives the pair (the
/// counterpart's finding carries the same id); otherwise a note says why it has none.
fn missing_ids(cx: &Context<'_>, out: &mut Vec<Draft>) {
    let project = cx.project;
    if project.missing_ids.is_empty() {
        return;
    }
    let missing = Pair::new(missing_clauses(cx, Lang::En), missing_clauses(cx, Lang::Ja));
    let proposals = heading_ids::propose(
        Pair::new(&project.documents.en, &project.documents.ja),
        Pair::new(&missing.en, &missing.ja),
        &project.glossary.terms,
    );
    for (lang, span) in &project.missing_ids {
        let document = project.document(*lang);
        let Some(index) = document.clauses.iter().position(|clause| &clause.span == span) else { continue };
        let clause = &document.clauses[index];
        let proposal = proposals.iter().find(|p| p.lang == *lang && p.clause == index);
        let other = lang.other();
        let counterpart = proposal.and_then(|p| Some((p, &project.document(other).clauses[p.counterpart?])));
        let place = |clause: &codepub_core::model::Clause| {
            let heading = clause.heading.as_ref().map(|h| plain_text(&h.inlines)).unwrap_or_default();
            let file = project.sources.name(clause.span.file).to_string();
            (heading, format!("{file}:{}", clause.span.line))
        };
        let mut draft =
            Draft::new(Message::new("p001-missing-id"), &clause.id.0, Some(*lang)).label(Label::new(*lang, span));
        draft = match counterpart {
            Some((proposal, other_clause)) if proposal.sure => {
                let heading_span = clause.heading.as_ref().map_or(span, |h| &h.span);
                let text = &project.sources.get(heading_span.file).text;
                let (at, insert) = heading_ids::insertion(text, heading_span.start, heading_span.end, &proposal.id);
                let (heading, at_other) = place(other_clause);
                let note = Message::new("p001-missing-id-paired")
                    .arg("id", &proposal.id)
                    .arg("heading", heading)
                    .arg("place", at_other)
                    .arg("lang", other.code());
                draft
                    .note(note)
                    .fix(Some(Fix { span: project.sources.span(heading_span.file, at..at), replacement: insert }))
            }
            Some((_, other_clause)) => {
                let (heading, at_other) = place(other_clause);
                draft.note(
                    Message::new("p001-missing-id-unsure")
                        .arg("heading", heading)
                        .arg("place", at_other)
                        .arg("lang", other.code()),
                )
            }
            None => draft.note(Message::new("p001-missing-id-alone").arg("lang", other.code())),
        };
        out.push(draft);
    }
}

/// Indexes of `lang`'s clauses whose headings have no `{#id}`.
fn missing_clauses(cx: &Context<'_>, lang: Lang) -> HashSet<usize> {
    let spans: Vec<&Span> = cx.project.missing_ids.iter().filter(|(l, _)| *l == lang).map(|(_, span)| span).collect();
    let clauses = &cx.project.document(lang).clauses;
    clauses.iter().enumerate().filter(|(_, clause)| spans.contains(&&clause.span)).map(|(k, _)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    fn ids(drafts: &[Draft]) -> Vec<(&'static str, String)> {
        drafts.iter().map(|d| (d.diagnostic.message.id, d.address.to_string())).collect()
    }

    #[test]
    fn clause_missing_from_japanese_is_reported_at_the_english_heading() {
        let p = project("# A {#a}\n\nx\n\n# B {#b}\n\ny\n", "# A {#a}\n\nx\n");
        let found = findings(&p, &ClauseStructure);
        assert_eq!(ids(&found), [("p001-missing-clause", "b".to_string())]);
        assert_eq!(found[0].diagnostic.labels[0].span.line, 5);
    }

    #[test]
    fn extra_japanese_clause_is_reported() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\nx\n\n# Z {#z}\n\ny\n");
        assert_eq!(ids(&findings(&p, &ClauseStructure)), [("p001-extra-clause", "z".to_string())]);
    }

    #[test]
    fn reordered_clause_is_reported_out_of_order() {
        let p = project("# A {#a}\n# B {#b}\n# C {#c}\n", "# A {#a}\n# C {#c}\n# B {#b}\n");
        let found = findings(&p, &ClauseStructure);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p001-out-of-order");
    }

    #[test]
    fn heading_without_id_is_reported_once() {
        let p = project("# A {#a}\n# No id\n", "# A {#a}\n");
        assert_eq!(ids(&findings(&p, &ClauseStructure)), [("p001-missing-id", "en-line-2".to_string())]);
    }

    #[test]
    fn an_empty_heading_is_reported() {
        let p = project("# A {#a}\n\n## {#b}\n", "# A {#a}\n\n## {#b}\n");
        let found = ids(&findings(&p, &ClauseStructure));
        assert_eq!(
            found,
            [("p001-empty-heading", "b#heading".to_string()), ("p001-empty-heading", "b#heading".to_string())]
        );
    }

    #[test]
    fn matching_structure_reports_nothing() {
        let p = project("# A {#a}\n\nx\n", "# A {#a}\n\nx\n");
        assert!(findings(&p, &ClauseStructure).is_empty());
    }

    #[test]
    fn a_document_opening_with_a_level_two_heading_is_reported() {
        let p = project("## 1. A {#a}\n\nText.\n", "# 1. 甲 {#a}\n\n本文。\n");
        let found = findings(&p, &ClauseStructure);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].lang, found[0].address.to_string().as_str()), (Some(Lang::En), "a#heading"));
    }
}
