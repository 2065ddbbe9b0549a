//! P013 stale-translation: a pair whose English changed since its Japanese was signed off (or
//! whose Japanese changed since), or that was never signed off, per `content/translations.lock`.

use std::collections::HashSet;

use super::{Check, Context, Draft, Label, UnitPair};
use codepub_core::i18n::Message;
use codepub_core::lock::{LockedPair, State, fingerprint, marked_diff, normalise};
use codepub_core::model::Lang;

pub struct StaleTranslation;

/// Where a pair stands against the translation record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    Current,
    /// Source changed: the English changed since sign-off, the Japanese not yet; carries the
    /// English as signed off.
    EnglishChanged {
        old_english: String,
    },
    /// Translation updated, awaiting review: the Japanese changed since sign-off (after the
    /// English, or alone); carries the English as signed off when the English changed too.
    JapaneseChanged {
        old_english: Option<String>,
    },
    Unsigned,
}

impl Standing {
    /// The state's name, shared with `status` and `diff`.
    pub fn state(&self) -> State {
        match self {
            Standing::Current => State::Current,
            Standing::EnglishChanged { .. } => State::SourceChanged,
            Standing::JapaneseChanged { .. } => State::TranslationUpdated,
            Standing::Unsigned => State::Unsigned,
        }
    }
}

/// Fingerprints of a pair's two sides, from their source text.
pub fn pair_fingerprints(cx: &Context<'_>, pair: &UnitPair<'_>) -> Option<(String, String)> {
    let (en, ja) = pair.sides.both()?;
    let text = |span: &codepub_core::source::Span| &cx.project.sources.get(span.file).text[span.range()];
    Some((fingerprint(text(en.span)), fingerprint(text(ja.span))))
}

/// The standing of every pair present in both languages (None when the project keeps no record).
pub fn standings<'c>(cx: &'c Context<'_>) -> Option<Vec<(&'c UnitPair<'c>, Standing)>> {
    Some(records(cx)?.into_iter().map(|(pair, standing, _)| (pair, standing)).collect())
}

/// [`standings`], with the record's entry of each pair (who signed off, when, the texts then).
pub fn records<'c>(cx: &'c Context<'_>) -> Option<Vec<(&'c UnitPair<'c>, Standing, Option<&'c LockedPair>)>> {
    let lock = cx.project.lock.as_ref()?;
    let current: Vec<_> = cx.pairs.iter().filter_map(|p| Some((p, pair_fingerprints(cx, p)?))).collect();
    let english_now: HashSet<&str> = current.iter().map(|(_, (en, _))| en.as_str()).collect();
    Some(
        current
            .iter()
            .map(|(pair, (en, ja))| {
                let entry = lock.entry_of(&pair.address, en, ja);
                let old_english = || entry.map(|e| e.english.clone()).unwrap_or_default();
                let standing = match lock.state(&pair.address, en, ja, &english_now) {
                    State::Current => Standing::Current,
                    State::SourceChanged => Standing::EnglishChanged { old_english: old_english() },
                    State::TranslationUpdated => Standing::JapaneseChanged {
                        old_english: entry.filter(|e| e.en != *en).map(|e| e.english.clone()),
                    },
                    State::Unsigned | State::Missing => Standing::Unsigned,
                };
                let entry = if standing == Standing::Unsigned { None } else { entry };
                (*pair, standing, entry)
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
        let Some(records) = records(cx) else { return };
        for (pair, standing, entry) in records {
            let Some((en, ja)) = pair.sides.both() else { continue };
            let clause = pair.address.owner.to_string();
            let english_now = normalise(&en.text);
            let changes =
                |old: &str| Message::new("note-english-changes").arg("text", marked_diff(old, &english_now, Lang::En));
            let japanese_then = entry.and_then(|e| e.japanese.clone());
            let draft = match standing {
                Standing::Current => continue,
                Standing::EnglishChanged { old_english } => {
                    let draft = Draft::new(Message::new("p013-stale"), &pair.address, Some(Lang::Ja))
                        .label(Label::new(Lang::Ja, ja.span).with(Message::new("label-signed-off-japanese")))
                        .label(Label::new(Lang::En, en.span).with(Message::new("label-new-english")))
                        .note(Message::new("note-old-english").arg("text", old_english.clone()))
                        .note(Message::new("note-new-english").arg("text", english_now.clone()))
                        .note(changes(&old_english));
                    match japanese_then {
                        Some(text) => draft.note(Message::new("note-old-japanese").arg("text", text)),
                        None => draft,
                    }
                }
                Standing::JapaneseChanged { old_english: Some(old_english) } => {
                    Draft::on_pair(Message::new("p013-updated"), &pair.address, ja.span, en.span)
                        .note(changes(&old_english))
                }
                Standing::JapaneseChanged { old_english: None } => {
                    Draft::on_pair(Message::new("p013-stale-ja"), &pair.address, ja.span, en.span)
                }
                Standing::Unsigned => Draft::on_pair(Message::new("p013-unsigned"), &pair.address, ja.span, en.span),
            };
            let draft = match entry.and_then(|e| Some((e.by.clone()?, e.at.clone().unwrap_or_default()))) {
                Some((by, at)) => draft.note(Message::new("note-signed-off-by").arg("by", by).arg("at", at)),
                None => draft,
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
        LockedPair::new("a#1".into(), fingerprint(en), fingerprint(ja), en.into())
    }

    fn with_lock(en: &str, ja: &str, pairs: Vec<LockedPair>) -> codepub_core::load::Project {
        let mut p = project(&format!("# A {{#a}}\n\n{en}\n"), &format!("# ア {{#a}}\n\n{ja}\n"));
        let heading =
            LockedPair::new("a#heading".into(), fingerprint("# A {#a}"), fingerprint("# ア {#a}"), "A".into());
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
    fn a_translation_following_a_changed_english_awaits_review_and_shows_the_english_changes() {
        let p = with_lock("We act fairly.", "公正に行動します。", vec![signed("We act.", "行動します。")]);
        let found = findings(&p, &StaleTranslation);
        assert_eq!(found[0].diagnostic.message.id, "p013-updated");
        let note = &found[0].diagnostic.notes[0];
        assert_eq!(note.id, "note-english-changes");
        assert_eq!(note.args[0].1, codepub_core::i18n::Arg::Text("We [-act.-]{+act fairly.+}".into()));
    }

    #[test]
    fn whitespace_only_changes_leave_the_pair_current() {
        let p = with_lock("We  act.", "行動します。", vec![signed("We act.", "行動します。")]);
        assert!(findings(&p, &StaleTranslation).is_empty());
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
