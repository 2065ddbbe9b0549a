//! P005 inline-markup: emphasis, strong emphasis, code and links agree between a pair, under the
//! configured mappings (English italics may be Japanese bold), and links point to the same targets.

use super::{Check, Context, Draft, Label, multiset};
use codepub_core::i18n::Message;
use codepub_core::model::{InlineKind, Lang, MarkupKind};

pub struct InlineMarkup;

fn kind_of(kind: &InlineKind) -> Option<MarkupKind> {
    match kind {
        InlineKind::Emphasis(_) => Some(MarkupKind::Emphasis),
        InlineKind::Strong(_) => Some(MarkupKind::Strong),
        InlineKind::Code(_) => Some(MarkupKind::Code),
        InlineKind::Link { .. } => Some(MarkupKind::Link),
        _ => None,
    }
}

fn kind_name(kind: MarkupKind) -> &'static str {
    match kind {
        MarkupKind::Emphasis => "emphasis",
        MarkupKind::Strong => "strong",
        MarkupKind::Code => "code",
        MarkupKind::Link => "link",
    }
}

impl Check for InlineMarkup {
    fn code(&self) -> &'static str {
        "P005"
    }

    fn name(&self) -> &'static str {
        "inline-markup"
    }

    fn help(&self) -> &'static str {
        "help-p005"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let mappings = &cx.project.config.check.markup.accepted;
        // English markup as the Japanese side is expected to spell it.
        let expected = |kind: MarkupKind| mappings.iter().find(|m| m.en == kind).map_or(kind, |m| m.ja);
        for pair in &cx.pairs {
            let Some((en, ja)) = pair.sides.both() else { continue };
            let (en_inlines, ja_inlines) = (en.inlines(), ja.inlines());
            let en_kinds = multiset(en_inlines.iter().filter_map(|i| kind_of(&i.kind)).map(expected));
            let ja_kinds = multiset(ja_inlines.iter().filter_map(|i| kind_of(&i.kind)));
            let mut kinds: Vec<MarkupKind> = en_kinds.keys().chain(ja_kinds.keys()).copied().collect();
            kinds.sort();
            kinds.dedup();
            for kind in kinds {
                let (e, j) = (en_kinds.get(&kind).copied().unwrap_or(0), ja_kinds.get(&kind).copied().unwrap_or(0));
                if e == j {
                    continue;
                }
                let ja_at = ja_inlines.iter().find(|i| kind_of(&i.kind) == Some(kind)).map_or(ja.span, |i| &i.span);
                let en_at = en_inlines
                    .iter()
                    .find(|i| kind_of(&i.kind).map(expected) == Some(kind))
                    .map_or(en.span, |i| &i.span);
                out.push(
                    Draft::new(
                        Message::new("p005-markup-count")
                            .arg("kind", kind_name(kind))
                            .num("en", e as i64)
                            .num("ja", j as i64),
                        &pair.address,
                        Some(Lang::Ja),
                    )
                    .excerpt(kind_name(kind))
                    .label(Label::new(Lang::Ja, ja_at))
                    .label(Label::new(Lang::En, en_at)),
                );
            }
            let targets = |inlines: &[&codepub_core::model::Inline]| {
                let mut targets: Vec<String> = inlines
                    .iter()
                    .filter_map(|i| match &i.kind {
                        InlineKind::Link { target, .. } => Some(target.clone()),
                        _ => None,
                    })
                    .collect();
                targets.sort();
                targets
            };
            let (en_targets, ja_targets) = (targets(&en_inlines), targets(&ja_inlines));
            if en_targets.len() == ja_targets.len() && en_targets != ja_targets {
                out.push(Draft::on_pair(
                    Message::new("p005-link-targets").arg("en", en_targets.join(", ")).arg("ja", ja_targets.join(", ")),
                    &pair.address,
                    ja.span,
                    en.span,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project, project_with};

    const MAPPING: &str = "[check.markup]\naccepted = [{ en = \"emphasis\", ja = \"strong\" }]\n";

    #[test]
    fn english_italics_match_japanese_bold_when_configured() {
        let p = project_with("# A {#a}\n\nthe *Statutes* x\n", "# A {#a}\n\n**会則**を\n", MAPPING);
        assert!(findings(&p, &InlineMarkup).is_empty());
    }

    #[test]
    fn without_the_mapping_italics_against_bold_is_reported() {
        let p = project("# A {#a}\n\nthe *Statutes* x\n", "# A {#a}\n\n**会則**を\n");
        assert_eq!(findings(&p, &InlineMarkup).len(), 2);
    }

    #[test]
    fn missing_emphasis_is_reported_at_the_english_span() {
        let p = project_with("# A {#a}\n\nthe *Statutes* and *Rules*\n", "# A {#a}\n\n**会則**と規則\n", MAPPING);
        let found = findings(&p, &InlineMarkup);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p005-markup-count");
    }

    #[test]
    fn different_link_targets_are_reported() {
        let p = project("# A {#a}\n\n[x](https://a.org)\n", "# A {#a}\n\n[エ](https://b.org)\n");
        let found = findings(&p, &InlineMarkup);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p005-link-targets");
    }
}
