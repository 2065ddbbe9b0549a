//! Stale translations: the new revision's paired paragraphs (headings, blocks, footnote blocks)
//! whose English and Japanese sides did not change together since the old revision.

use std::collections::HashMap;

use codepub_core::align::Alignment;
use codepub_core::model::Lang;

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

pub(crate) fn stale_translations(
    alignment: &Alignment<'_>,
    matches: &HashMap<(Lang, Owner), GroupMatch>,
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
            let current = |lang: Lang| pair.side(lang)?.heading.as_ref().map(|h| text::heading_text(&h.inlines));
            judge(&mut out, id, &Address::heading(id.clone()), sides, Unit::Heading, current);
        }
        for (i, row) in pair.blocks.iter().enumerate() {
            let fate = |m: Option<&GroupMatch>, present: bool| Fate::of(m.and_then(|g| g.of_new(i)), present);
            let old_len = |m: Option<&GroupMatch>| m.map_or(0, |g| g.old_len);
            let sides =
                [(fate(en, row.sides.en.is_some()), old_len(en)), (fate(ja, row.sides.ja.is_some()), old_len(ja))];
            let current = |lang: Lang| row.side(lang).map(|b| text::block_text(b, false));
            judge(&mut out, id, &row.address, sides, Unit::Block, current);
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
            let current = |lang: Lang| row.side(lang).map(|b| text::block_text(b, false));
            judge(&mut out, &id, &row.address, sides, Unit::Block, current);
        }
    }
    out
}

/// Decides a pair from each side's fate and the old revision's unit count per side
/// (`[english, japanese]`).
fn judge(
    out: &mut Vec<StaleTranslation>,
    clause: &Owner,
    address: &Address,
    sides: [(Fate, usize); 2],
    unit: Unit,
    current: impl Fn(Lang) -> Option<String>,
) {
    let [(en, en_old_len), (ja, ja_old_len)] = sides;
    let (kind, lang) = match (en, ja) {
        (Fate::Changed(_), Fate::Same(_)) => (StaleKind::JapaneseStale, Some(Lang::Ja)),
        (Fate::Same(_), Fate::Changed(_)) => (StaleKind::EnglishStale, Some(Lang::En)),
        (Fate::Changed(_), Fate::Changed(_)) => (StaleKind::BothChanged, None),
        (Fate::Added, Fate::Added) | (Fate::Same(_), Fate::Same(_)) | (Fate::Absent, Fate::Absent) => return,
        (Fate::Added, _) | (Fate::Changed(_), Fate::Absent) => (StaleKind::MissingTranslation, Some(Lang::Ja)),
        (_, Fate::Added) | (Fate::Absent, Fate::Changed(_)) => (StaleKind::MissingTranslation, Some(Lang::En)),
        // Unchanged on one side, nothing on the other: reported only when the other side's
        // paragraph existed in the old revision (it was removed), not when it never did.
        (Fate::Same(o), Fate::Absent) if o < ja_old_len => (StaleKind::MissingTranslation, Some(Lang::Ja)),
        (Fate::Absent, Fate::Same(o)) if o < en_old_len => (StaleKind::MissingTranslation, Some(Lang::En)),
        (Fate::Same(_), Fate::Absent) | (Fate::Absent, Fate::Same(_)) => return,
    };
    let old_address = en.old_index().or(ja.old_index()).map(|o| match unit {
        Unit::Heading => Address::heading(clause.clone()),
        Unit::Block => Address::block(clause.clone(), o),
    });
    let current = lang.and_then(current);
    out.push(StaleTranslation { address: address.clone(), clause: clause.clone(), old_address, kind, lang, current });
}
