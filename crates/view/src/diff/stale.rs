//! Stale translations: the new revision's paired paragraphs (headings, blocks, footnote blocks)
//! whose English and Japanese sides did not change together since the old revision.

use std::collections::{HashMap, HashSet};

use codepub_core::align::Alignment;
use codepub_core::load::Project;
use codepub_core::lock::{State, fingerprint};
use codepub_core::model::Lang;
use codepub_core::source::Span;

use super::matching::Match;
use super::text;
use super::{GroupMatch, StaleKind, StaleTranslation};
use codepub_core::address::{Address, Owner};

/// What happened to one side of a pair since the old revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    /// No such paragraph in the new revision.
    Absent,
    Same(usize),
    Changed(usize),
    Added,
}

impl Fate {
    fn of(m: Option<Match>, present: bool) -> Fate {
        match m {
            _ if !present => Fate::Absent,
            Some(Match::Same(o, _)) => Fate::Same(o),
            Some(Match::Changed(o, _)) => Fate::Changed(o),
            // Present but unmatched cannot happen; an addition is the safe reading.
            Some(Match::Added(_)) | Some(Match::Removed(_)) | None => Fate::Added,
        }
    }

    fn old_index(self) -> Option<usize> {
        match self {
            Fate::Same(o) | Fate::Changed(o) => Some(o),
            Fate::Absent | Fate::Added => None,
        }
    }
}

/// Where a pair's units sit, for turning an old index back into an address.
#[derive(Clone, Copy)]
enum Unit {
    Heading,
    Block,
}

/// The state of every pair of `project` present in both languages, by its translation record
/// (`None` when it keeps none): what `codepub status` and P013 say.
pub(crate) fn record_states(project: &Project, alignment: &Alignment<'_>) -> Option<HashMap<Address, State>> {
    let lock = project.lock.as_ref()?;
    let text = |span: &Span| fingerprint(&project.sources.get(span.file).text[span.range()]);
    let mut pairs: Vec<(Address, String, String)> = Vec::new();
    for clause in alignment.clauses.iter().filter(|c| !c.is_colophon()) {
        let heading = |lang: Lang| clause.side(lang).and_then(|c| c.heading.as_ref()).map(|h| text(&h.span));
        if let (Some(en), Some(ja)) = (heading(Lang::En), heading(Lang::Ja)) {
            pairs.push((Address::heading(clause.id.owner()), en, ja));
        }
        for row in &clause.blocks {
            if let Some((en, ja)) = row.both() {
                pairs.push((row.address.clone(), text(&en.span), text(&ja.span)));
            }
        }
    }
    for row in alignment.footnotes.iter().flat_map(|f| &f.blocks) {
        if let Some((en, ja)) = row.both() {
            pairs.push((row.address.clone(), text(&en.span), text(&ja.span)));
        }
    }
    let english_now: HashSet<&str> = pairs.iter().map(|(_, en, _)| en.as_str()).collect();
    Some(pairs.iter().map(|(address, en, ja)| (address.clone(), lock.state(address, en, ja, &english_now))).collect())
}

pub(crate) fn stale_translations(
    alignment: &Alignment<'_>,
    matches: &HashMap<(Lang, Owner), GroupMatch>,
    record: Option<&HashMap<Address, State>>,
) -> Vec<StaleTranslation> {
    let mut out = Vec::new();
    let lookup = |lang: Lang, id: &Owner| matches.get(&(lang, id.clone()));
    for pair in &alignment.clauses {
        if pair.is_colophon() {
            continue;
        }
        let id = &pair.id.owner();
        let (en, ja) = (lookup(Lang::En, id), lookup(Lang::Ja, id));
        let heading = |lang: Lang| pair.side(lang).and_then(|c| c.heading.as_ref()).is_some();
        if heading(Lang::En) || heading(Lang::Ja) {
            let fate = |m: Option<&GroupMatch>, lang| Fate::of(m.and_then(|g| g.heading), heading(lang));
            let old_len = |m: Option<&GroupMatch>| m.and_then(|g| g.heading).map_or(0, |_| 1);
            let sides = [(fate(en, Lang::En), old_len(en)), (fate(ja, Lang::Ja), old_len(ja))];
            let current = |lang: Lang| {
                let heading = pair.side(lang)?.heading.as_ref()?;
                Some((text::heading_text(&heading.inlines), text::heading_runs(&heading.inlines)))
            };
            judge(&mut out, record, id, &Address::heading(id.clone()), sides, Unit::Heading, current);
        }
        for (i, row) in pair.blocks.iter().enumerate() {
            let fate = |m: Option<&GroupMatch>, present: bool| Fate::of(m.and_then(|g| g.of_new(i)), present);
            let old_len = |m: Option<&GroupMatch>| m.map_or(0, |g| g.old_len);
            let sides =
                [(fate(en, row.sides.en.is_some()), old_len(en)), (fate(ja, row.sides.ja.is_some()), old_len(ja))];
            let current = |lang: Lang| row.side(lang).map(|b| (text::block_text(b, false), text::block_runs(b, false)));
            judge(&mut out, record, id, &row.address, sides, Unit::Block, current);
        }
    }
    for footnote in &alignment.footnotes {
        let id = Owner::footnote(footnote.label);
        let (en, ja) = (lookup(Lang::En, &id), lookup(Lang::Ja, &id));
        for (i, row) in footnote.blocks.iter().enumerate() {
            let fate = |m: Option<&GroupMatch>, present: bool| Fate::of(m.and_then(|g| g.of_new(i)), present);
            let old_len = |m: Option<&GroupMatch>| m.map_or(0, |g| g.old_len);
            let sides =
                [(fate(en, row.sides.en.is_some()), old_len(en)), (fate(ja, row.sides.ja.is_some()), old_len(ja))];
            let current = |lang: Lang| row.side(lang).map(|b| (text::block_text(b, false), text::block_runs(b, false)));
            judge(&mut out, record, &id, &row.address, sides, Unit::Block, current);
        }
    }
    out
}

/// Decides a pair from each side's fate and the old revision's unit count per side
/// (`[english, japanese]`).
fn judge(
    out: &mut Vec<StaleTranslation>,
    record: Option<&HashMap<Address, State>>,
    clause: &Owner,
    address: &Address,
    sides: [(Fate, usize); 2],
    unit: Unit,
    current: impl Fn(Lang) -> Option<(String, Vec<text::StyledRun>)>,
) {
    let [(en, en_old_len), (ja, ja_old_len)] = sides;
    let in_both = !matches!(en, Fate::Absent) && !matches!(ja, Fate::Absent);
    let touched = !matches!((en, ja), (Fate::Same(_), Fate::Same(_)));
    let by_record = record.filter(|_| in_both && touched).map(|states| states.get(address).copied());
    let (kind, lang) = match (by_record, en, ja) {
        // The record decides, as for `status`: a pair changed on both sides and signed off is
        // current; a Japanese that follows an earlier English change awaits review.
        (Some(Some(State::Current)), ..) => return,
        (Some(Some(State::SourceChanged)), ..) => (StaleKind::JapaneseStale, Some(Lang::Ja)),
        (Some(Some(State::TranslationUpdated)), ..) => (StaleKind::TranslationUpdated, Some(Lang::Ja)),
        (Some(Some(State::Unsigned | State::Missing) | None), ..) => (StaleKind::Unsigned, Some(Lang::Ja)),
        (None, en, ja) => match judge_by_revisions(en, ja, en_old_len, ja_old_len) {
            Some(judged) => judged,
            None => return,
        },
    };
    let old_address = en.old_index().or(ja.old_index()).map(|o| match unit {
        Unit::Heading => Address::heading(clause.clone()),
        Unit::Block => Address::block(clause.clone(), o),
    });
    let (current, current_runs) = lang.and_then(current).map_or((None, Vec::new()), |(text, runs)| (Some(text), runs));
    out.push(StaleTranslation {
        address: address.clone(),
        clause: clause.clone(),
        old_address,
        kind,
        lang,
        current,
        current_runs,
    });
}

/// Decides a pair from which language changed between the revisions (no record to ask).
fn judge_by_revisions(en: Fate, ja: Fate, en_old_len: usize, ja_old_len: usize) -> Option<(StaleKind, Option<Lang>)> {
    Some(match (en, ja) {
        (Fate::Changed(_), Fate::Same(_)) => (StaleKind::JapaneseStale, Some(Lang::Ja)),
        (Fate::Same(_), Fate::Changed(_)) => (StaleKind::EnglishStale, Some(Lang::En)),
        (Fate::Changed(_), Fate::Changed(_)) => (StaleKind::BothChanged, None),
        (Fate::Added, Fate::Added) | (Fate::Same(_), Fate::Same(_)) | (Fate::Absent, Fate::Absent) => return None,
        // A paragraph present in both languages is never a missing translation: an addition
        // that one language's matching read as a rewrite of an old paragraph was translated
        // together with the other language's.
        (Fate::Added, Fate::Changed(_)) | (Fate::Changed(_), Fate::Added) => (StaleKind::BothChanged, None),
        (Fate::Added, Fate::Same(_)) => (StaleKind::JapaneseStale, Some(Lang::Ja)),
        (Fate::Same(_), Fate::Added) => (StaleKind::EnglishStale, Some(Lang::En)),
        (Fate::Added | Fate::Changed(_), Fate::Absent) => (StaleKind::MissingTranslation, Some(Lang::Ja)),
        (Fate::Absent, Fate::Added | Fate::Changed(_)) => (StaleKind::MissingTranslation, Some(Lang::En)),
        // Unchanged on one side, nothing on the other: reported only when the other side's
        // paragraph existed in the old revision (it was removed), not when it never did.
        (Fate::Same(o), Fate::Absent) if o < ja_old_len => (StaleKind::MissingTranslation, Some(Lang::Ja)),
        (Fate::Absent, Fate::Same(o)) if o < en_old_len => (StaleKind::MissingTranslation, Some(Lang::En)),
        (Fate::Same(_), Fate::Absent) | (Fate::Absent, Fate::Same(_)) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_added_in_both_languages_is_never_a_missing_translation() {
        for (en, ja) in [(Fate::Added, Fate::Added), (Fate::Added, Fate::Changed(0)), (Fate::Changed(0), Fate::Added)] {
            let judged = judge_by_revisions(en, ja, 1, 1);
            assert!(!matches!(judged, Some((StaleKind::MissingTranslation, _))), "{en:?} {ja:?}: {judged:?}");
        }
        assert_eq!(
            judge_by_revisions(Fate::Absent, Fate::Added, 1, 1),
            Some((StaleKind::MissingTranslation, Some(Lang::En)))
        );
    }
}
