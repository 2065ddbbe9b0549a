//! P003 footnotes: each paired paragraph references the same footnotes in both languages; every
//! reference has a definition, every definition is referenced, and both languages define it.

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, Context, Draft, Label, multiset, span_in_text};
use codepub_core::address::Owner;
use codepub_core::i18n::Message;
use codepub_core::model::{Document, Inline, InlineKind, Lang, walk_inlines};

pub struct Footnotes;

/// `[^label]` left as text by the parser: a reference to a footnote nobody defined.
static UNDEFINED_REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\^([^\]\s]+)\]").expect("valid regex"));

fn references(inlines: &[&Inline]) -> Vec<String> {
    inlines
        .iter()
        .filter_map(|inline| match &inline.kind {
            InlineKind::FootnoteRef(label) => Some(label.clone()),
            _ => None,
        })
        .collect()
}

/// Labels referenced anywhere in a document (clauses and footnotes).
fn referenced_labels(document: &Document) -> Vec<String> {
    let mut labels = Vec::new();
    let mut visit = |inline: &Inline| {
        if let InlineKind::FootnoteRef(label) = &inline.kind {
            labels.push(label.clone());
        }
    };
    for (_, block) in document.blocks() {
        for group in block.inline_groups() {
            walk_inlines(group, &mut visit);
        }
    }
    for footnote in &document.footnotes {
        for block in &footnote.blocks {
            for group in block.inline_groups() {
                walk_inlines(group, &mut visit);
            }
        }
    }
    labels
}

impl Check for Footnotes {
    fn code(&self) -> &'static str {
        "P003"
    }

    fn name(&self) -> &'static str {
        "footnotes"
    }

    fn help(&self) -> &'static str {
        "help-p003"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        // Per pair: the same references on both sides.
        for pair in &cx.pairs {
            let Some((en, ja)) = pair.sides.both() else { continue };
            let (en_inlines, ja_inlines) = (en.inlines(), ja.inlines());
            let (en_refs, ja_refs) = (multiset(references(&en_inlines)), multiset(references(&ja_inlines)));
            for (label, &count) in &en_refs {
                let other = ja_refs.get(label).copied().unwrap_or(0);
                if other < count {
                    let at = en_inlines.iter().find(|i| matches!(&i.kind, InlineKind::FootnoteRef(l) if l == label));
                    out.push(
                        Draft::new(
                            Message::new("p003-reference-missing").arg("label", label),
                            &pair.address,
                            Some(Lang::Ja),
                        )
                        .excerpt(format!("[^{label}]"))
                        .label(Label::new(Lang::Ja, ja.span).with(Message::new("label-no-reference")))
                        .label(Label::new(Lang::En, at.map_or(en.span, |i| &i.span))),
                    );
                }
            }
            for (label, &count) in &ja_refs {
                let other = en_refs.get(label).copied().unwrap_or(0);
                if other < count {
                    let at = ja_inlines.iter().find(|i| matches!(&i.kind, InlineKind::FootnoteRef(l) if l == label));
                    out.push(
                        Draft::new(
                            Message::new("p003-reference-extra").arg("label", label),
                            &pair.address,
                            Some(Lang::Ja),
                        )
                        .excerpt(format!("[^{label}]"))
                        .label(Label::new(Lang::Ja, at.map_or(ja.span, |i| &i.span)))
                        .label(Label::new(Lang::En, en.span).with(Message::new("label-no-reference"))),
                    );
                }
            }
        }

        for lang in Lang::BOTH {
            let document = cx.project.document(lang);
            // References to footnotes nobody defined stay as literal `[^label]` text.
            for (address, unit) in cx.units(lang) {
                for inline in unit.inlines() {
                    let InlineKind::Text(text) = &inline.kind else { continue };
                    for found in UNDEFINED_REFERENCE.captures_iter(text) {
                        let whole = found.get(0).expect("match");
                        out.push(
                            Draft::new(Message::new("p003-undefined").arg("label", &found[1]), address, Some(lang))
                                .excerpt(whole.as_str())
                                .label(Label::new(lang, &span_in_text(inline, whole.start(), whole.len()))),
                        );
                    }
                }
            }
            let referenced = referenced_labels(document);
            // A definition left unused because the block referencing it has no counterpart in
            // this language: that block's P002 finding is the one mistake.
            let referenced_unmatched: std::collections::HashSet<String> = cx
                .every_unit(lang.other())
                .into_iter()
                .filter(|(address, _)| cx.unmatched.contains(*address))
                .flat_map(|(_, unit)| unit.inlines())
                .filter_map(|inline| match &inline.kind {
                    InlineKind::FootnoteRef(label) => Some(label.clone()),
                    _ => None,
                })
                .collect();
            for footnote in &document.footnotes {
                if !referenced.contains(&footnote.label) && !referenced_unmatched.contains(&footnote.label) {
                    out.push(
                        Draft::new(
                            Message::new("p003-unused").arg("label", &footnote.label),
                            Owner::footnote(&footnote.label),
                            Some(lang),
                        )
                        .label(Label::new(lang, &footnote.span)),
                    );
                }
                if cx.project.document(lang.other()).footnote(&footnote.label).is_none() {
                    let id = if lang == Lang::En { "p003-definition-missing-ja" } else { "p003-definition-missing-en" };
                    out.push(
                        Draft::new(
                            Message::new(id).arg("label", &footnote.label),
                            Owner::footnote(&footnote.label),
                            Some(Lang::Ja),
                        )
                        .label(Label::new(lang, &footnote.span)),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};

    fn ids(p: &codepub_core::load::Project) -> Vec<&'static str> {
        findings(p, &Footnotes).iter().map(|d| d.diagnostic.message.id).collect()
    }

    #[test]
    fn matching_footnotes_report_nothing() {
        let p = project("# A {#a}\n\nx.[^1]\n\n[^1]: N.\n", "# A {#a}\n\nエ。[^1]\n\n[^1]: 注。\n");
        assert!(ids(&p).is_empty(), "{:?}", ids(&p));
    }

    #[test]
    fn reference_missing_from_the_japanese_paragraph_is_reported() {
        let p = project("# A {#a}\n\nx.[^1]\n\n[^1]: N.\n", "# A {#a}\n\nエ。\n\n[^1]: 注。\n");
        let found = ids(&p);
        assert!(found.contains(&"p003-reference-missing"), "{found:?}");
        assert!(found.contains(&"p003-unused"), "{found:?}");
    }

    #[test]
    fn reference_without_definition_is_undefined() {
        let p = project("# A {#a}\n\nx.[^9]\n", "# A {#a}\n\nエ。[^9]\n");
        let found = findings(&p, &Footnotes);
        assert_eq!(found.iter().filter(|d| d.diagnostic.message.id == "p003-undefined").count(), 2, "{found:?}");
        assert_eq!(found[0].diagnostic.labels[0].span.column, 3);
    }

    #[test]
    fn definition_in_one_language_only_is_reported() {
        let p = project("# A {#a}\n\nx.[^1]\n\n[^1]: N.\n", "# A {#a}\n\nエ。[^1]\n");
        assert!(ids(&p).contains(&"p003-definition-missing-ja"), "{:?}", ids(&p));
    }
}
