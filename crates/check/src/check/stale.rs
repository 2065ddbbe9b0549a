//! P013 stale-translation: a pair whose English changed since its Japanese was signed off (or
//! whose Japanese changed since), or that was never signed off, per `content/translations.lock`.

use std::collections::HashSet;

use super::{Check, Context, Draft, Label, UnitPair};
use codepub_core::i18n::Message;
use codepub_core::lock::fingerprint;
use codepub_core::model::Lang;

pub struct StaleTranslation;

/// Where a pair stands against the translation record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    Current,
    /// The English changed since sign-off; carries the English as signed off.
    EnglishChanged {
        old_english: String,
    },
    /// The Japanese changed since sign-off (a Japanese-first edit).
    JapaneseChanged,
    Unsigned,
}

/// Fingerprints of a pair's two sides, from their source text.
pub fn pair_fingerprints(cx: &Context<'_>, pair: &UnitPair<'_>) -> Option<(String, String)> {
    let (en, ja) = pair.sides.both()?;
    let text = |span: &codepub_core::source::Span| &cx.project.sources.get(span.file).text[span.range()];
    Some((fingerprint(text(en.span)), fingerprint(text(ja.span))))
}

/// The standing of every pair present in both languages (None when the project keeps no record).
pub fn standings<'c>(cx: &'c Context<'_>) -> Option<Vec<(&'c UnitPair<'c>, Standing)>> {
    let lock = cx.project.lock.as_ref()?;
    let current: Vec<_> = cx.pairs.iter().filter_map(|p| Some((p, pair_fingerprints(cx, p)?))).collect();
    let english_now: HashSet<&str> = current.iter().map(|(_, (en, _))| en.as_str()).collect();
    let signed_off: HashSet<(&str, &str)> = lock.pairs.iter().map(|p| (p.en.as_str(), p.ja.as_str())).collect();
    Some(
        current
            .iter()
            .map(|(pair, (en, ja))| {
                let standing = if signed_off.contains(&(en.as_str(), ja.as_str())) {
                    Standing::Current
                } else {
                    match lock.get(&pair.address) {
                        // The entry at this address belongs to a paragraph that moved elsewhere.
                        Some(entry) if entry.en != *en && english_now.contains(entry.en.as_str()) => Standing::Unsigned,
                        Some(entry) if entry.en != *en => {
                            Standing::EnglishChanged { old_english: entry.english.clone() }
                        }
                        Some(_) => Standing::JapaneseChanged,
                        None => Standing::Unsigned,
                    }
                };
                (*pair, standing)
            })
            .collect(),
    )
}

impl Check for StaleTranslation {
    fn code(&self) -> &'static str {
        "P013"
    }

    fn name(&self) -> &'static str {
        "stale-translation"
    }

    fn help(&self) -> &'static str {
        "help-p013"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let Some(standings) = standings(cx) else { return };
        for (pair, standing) in standings {
            let Some((en, ja)) = pair.sides.both() else { continue };
            let clause = pair.address.owner.to_string();
            let draft = match standing {
                Standing::Current => continue,
                Standing::EnglishChanged { old_english } => {
                    Draft::new(Message::new("p013-stale"), &pair.address, Some(Lang::Ja))
                        .label(Label::new(Lang::Ja, ja.span).with(Message::new("label-signed-off-japanese")))
                        .label(Label::new(Lang::En, en.span).with(Message::new("label-new-english")))
                        .note(Message::new("note-old-english").arg("text", old_english))
                        .note(Message::new("note-new-english").arg("text", codepub_core::lock::normalise(&en.text)))
                }
                Standing::JapaneseChanged => {
                    Draft::on_pair(Message::new("p013-stale-ja"), &pair.address, ja.span, en.span)
                }
                Standing::Unsigned => Draft::on_pair(Message::new("p013-unsigned"), &pair.address, ja.span, en.span),
            };
            out.push(draft.note(Message::new("note-sign-off").arg("clause", clause)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};
    use codepub_core::lock::{LOCK_VERSION, LockedPair, TranslationLock};

    fn signed(en: &str, ja: &str) -> LockedPair {
        LockedPair { address: "a#1".into(), en: fingerprint(en), ja: fingerprint(ja), english: en.into() }
    }

    fn with_lock(en: &str, ja: &str, pairs: Vec<LockedPair>) -> codepub_core::load::Project {
        let mut p = project(&format!("# A {{#a}}\n\n{en}\n"), &format!("# ア {{#a}}\n\n{ja}\n"));
        let heading = LockedPair {
            address: "a#heading".into(),
            en: fingerprint("# A {#a}"),
            ja: fingerprint("# ア {#a}"),
            english: "A".into(),
        };
        p.lock = Some(TranslationLock { version: LOCK_VERSION, pairs: [vec![heading], pairs].concat() });
        p
    }

    #[test]
    fn signed_off_pairs_are_current() {
        let p = with_lock("We act.", "行動します。", vec![signed("We act.", "行動します。")]);
        assert!(findings(&p, &StaleTranslation).is_empty());
    }

    #[test]
    fn changed_english_makes_the_japanese_stale_and_shows_both_englishes() {
        let p = with_lock("We act fairly.", "行動します。", vec![signed("We act.", "行動します。")]);
        let found = findings(&p, &StaleTranslation);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].diagnostic.message.id, "p013-stale");
        assert_eq!(found[0].diagnostic.notes[0].args[0].1, codepub_core::i18n::Arg::Text("We act.".into()));
        assert_eq!(found[0].diagnostic.notes[1].args[0].1, codepub_core::i18n::Arg::Text("We act fairly.".into()));
    }

    #[test]
    fn changed_japanese_is_reported_the_other_way() {
        let p = with_lock("We act.", "公正に行動します。", vec![signed("We act.", "行動します。")]);
        assert_eq!(findings(&p, &StaleTranslation)[0].diagnostic.message.id, "p013-stale-ja");
    }

    #[test]
    fn a_pair_never_signed_off_is_unsigned() {
        let p = with_lock("We act.", "行動します。", vec![]);
        assert_eq!(findings(&p, &StaleTranslation)[0].diagnostic.message.id, "p013-unsigned");
    }

    #[test]
    fn projects_without_a_record_are_not_checked() {
        let p = project("# A {#a}\n\nWe act.\n", "# ア {#a}\n\n行動します。\n");
        assert!(findings(&p, &StaleTranslation).is_empty());
    }
}
