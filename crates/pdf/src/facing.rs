//! The spreads of the facing-pages edition (`facing.typ`), planned from a measured probe, and
//! the guard that they hold.
//!
//! The edition is compiled twice. The *probe* ([`FacingData::probe`]) lays out each language's
//! body alone on pages of unbounded height: once as the pages set it, with a marker at the start
//! of every unit (a heading or a row of the body) holding the notes it prints; once with every
//! unit and every note entry in a block of its own, one under the other without spacing, each
//! preceded by a marker. [`Probe::read`] reads where the markers landed: where each unit starts
//! on a page, and (the distance to the next marker) how tall each unit and note is alone. Then
//! [`Probe::plan`] cuts the units into spreads: each as long as both languages fit on their
//! pages, notes included, with a safety margin (`slack`) free at the foot; never ending with a
//! heading. The edition is then compiled with that plan.
//!
//! If a page overflowed all the same, everything after it would be one page late and every later
//! spread would pair the English of one page with the Japanese of another. So each page the
//! template makes carries a `<codepub-facing-page>` marker holding the page it is meant to be,
//! and [`overflow`] checks where each one landed; the renderer plans again from the same probe
//! with a wider margin ([`SLACKS`]) until none is out of place.

use std::collections::BTreeMap;

use serde::Serialize;
use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use super::Chunk;
use super::markers::{Place, field, float, int, markers, string};

use codepub_view::view::EditionModel;

/// The safety margins tried in turn, in points: a few points for rounding first (what the
/// shipped text needs), then a line, three, eight.
pub const SLACKS: [f64; 4] = [4.0, 14.0, 40.0, 110.0];

/// The label of the page markers.
const MARKER: &str = "codepub-facing-page";
/// The label of the probe's marker of a language: the page's sizes.
const PROBE: &str = "codepub-facing-probe";
/// The label of the probe's marker at the start of each unit, as a page sets them.
const UNIT: &str = "codepub-facing-unit";
/// The label of the probe's marker at the start of each unit and note entry set alone, one
/// after the other, and after the last.
const EXTENT: &str = "codepub-facing-extent";

/// The languages of the edition, left-hand page first.
const LANGS: [&str; 2] = ["en", "ja"];

/// Heights closer than this, in points, are equal (Typst's lengths are floating point).
const EPSILON: f64 = 1e-6;

/// The data `facing.typ` reads: the edition's model, and either the probe's request or the
/// spreads to print.
#[derive(Serialize)]
pub struct FacingData<'m, 'p> {
    #[serde(flatten)]
    pub model: &'m EditionModel<'p>,
    /// Lay out the probe instead of the edition.
    pub probe: bool,
    /// The spreads, in order (empty for the probe).
    pub spreads: &'m [Spread],
    /// Points kept free at the foot of every page.
    pub slack: f64,
    /// Which part of the edition this is, when it is rendered in parts: `pages_before` is the
    /// pages of the parts before it (every page is numbered by its place in the whole edition,
    /// so `first_page` is not read).
    pub part: Option<Chunk>,
}

/// One spread of the body: units `start..end` on both of its pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Spread {
    pub start: usize,
    pub end: usize,
    /// False for a spread of one row too tall for a page even alone: the template sets it
    /// smaller.
    pub fits: bool,
}

/// One unit of the body as the probe laid it out in one language.
#[derive(Clone, Debug, Default, PartialEq)]
struct ProbedUnit {
    heading: bool,
    /// Where the unit's first line landed, from the top of the column.
    top: f64,
    /// Its height laid out alone (0 when it prints nothing in this language).
    height: f64,
    /// The notes its references print.
    notes: Vec<i64>,
}

/// One language of the probe.
#[derive(Clone, Debug, Default, PartialEq)]
struct ProbedLanguage {
    /// The height of a page's text area.
    text_height: f64,
    /// The space above a page's notes, and between two notes.
    note_clearance: f64,
    note_gap: f64,
    units: Vec<ProbedUnit>,
    /// Each note's entry height, by number.
    notes: BTreeMap<i64, f64>,
}

/// What the probe measured, per language (English, Japanese).
#[derive(Clone, Debug, PartialEq)]
pub struct Probe {
    langs: [ProbedLanguage; 2],
}

/// A probe whose markers are missing or do not agree (a project's own template).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProbeError(pub String);

impl std::fmt::Display for ProbeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the facing-pages template's probe could not be read: {}", self.0)
    }
}

impl Probe {
    /// Reads the probe's markers from its laid-out document.
    pub fn read(document: &PagedDocument) -> Result<Self, ProbeError> {
        let introspector: &dyn Introspector = &**document.introspector();
        let mut langs: [ProbedLanguage; 2] = Default::default();
        let index = |value: &Value| {
            let lang = string(value, "lang")?;
            LANGS.iter().position(|l| *l == lang)
        };
        let mut declared = [None; 2];
        for (value, _) in markers(introspector, PROBE) {
            let Some(i) = index(&value) else { continue };
            let lang = &mut langs[i];
            lang.text_height = float(&value, "text-height").ok_or_else(|| missing(PROBE, "text-height"))?;
            lang.note_clearance = float(&value, "note-clearance").ok_or_else(|| missing(PROBE, "note-clearance"))?;
            lang.note_gap = float(&value, "note-gap").ok_or_else(|| missing(PROBE, "note-gap"))?;
            declared[i] = int(&value, "units").and_then(|n| usize::try_from(n).ok());
        }
        for (value, place) in markers(introspector, UNIT) {
            let Some(i) = index(&value) else { continue };
            let unit = int(&value, "unit").ok_or_else(|| missing(UNIT, "unit"))?;
            let units = &mut langs[i].units;
            if usize::try_from(unit).ok() != Some(units.len()) {
                return Err(ProbeError(format!("unit {unit} of {} is out of order", LANGS[i])));
            }
            let notes = match field(&value, "notes") {
                Some(Value::Array(numbers)) => numbers.iter().filter_map(|n| n.clone().cast::<i64>().ok()).collect(),
                _ => Vec::new(),
            };
            let heading = matches!(field(&value, "heading"), Some(Value::Bool(true)));
            units.push(ProbedUnit { heading, top: place.y, height: 0.0, notes });
        }
        // Each extent ends where the next one of its language starts.
        let mut extents: [Vec<(Value, Place)>; 2] = Default::default();
        for (value, place) in markers(introspector, EXTENT) {
            if let Some(i) = index(&value) {
                extents[i].push((value, place));
            }
        }
        for (i, extents) in extents.iter().enumerate() {
            let lang = &mut langs[i];
            let mut measured = 0;
            for pair in extents.windows(2) {
                let [(value, start), (_, end)] = pair else { continue };
                if start.page != end.page {
                    return Err(ProbeError(format!("the extents of {} are not on one page", LANGS[i])));
                }
                let height = end.y - start.y;
                if let Some(unit) = int(value, "unit") {
                    let unit = usize::try_from(unit).ok().and_then(|u| lang.units.get_mut(u));
                    unit.ok_or_else(|| ProbeError(format!("an extent of {} has no unit", LANGS[i])))?.height = height;
                    measured += 1;
                } else if let Some(note) = int(value, "note") {
                    lang.notes.insert(note, height);
                }
            }
            if !extents.last().is_some_and(|(value, _)| matches!(field(value, "end"), Some(Value::Bool(true)))) {
                return Err(missing(EXTENT, "end"));
            }
            if measured != lang.units.len() {
                return Err(ProbeError(format!(
                    "{measured} of {} units of {} were measured",
                    lang.units.len(),
                    LANGS[i]
                )));
            }
        }
        for (i, lang) in langs.iter().enumerate() {
            if declared[i] != Some(lang.units.len()) {
                return Err(ProbeError(format!("{} units of {} were measured", lang.units.len(), LANGS[i])));
            }
        }
        if langs[0].units.len() != langs[1].units.len() {
            return Err(ProbeError("the two languages have different units".into()));
        }
        Ok(Self { langs })
    }

    /// The spreads of the body with `slack` points free at the foot of each page: from the
    /// first unit not yet placed, as many units as fit on both pages, the spread ending after
    /// the last unit that is not a heading. A first row too tall even alone (with the headings
    /// before it) gets a spread of its own, marked as not fitting.
    pub fn plan(&self, slack: f64) -> Vec<Spread> {
        let count = self.langs[0].units.len();
        let heading = |u: usize| self.langs.iter().any(|lang| lang.units[u].heading);
        let mut spreads = Vec::new();
        let mut start = 0;
        while start < count {
            let mut best = None;
            let mut end = start;
            while end < count {
                end += 1;
                if !self.langs.iter().all(|lang| lang.fits(start..end, slack)) {
                    break;
                }
                if !heading(end - 1) {
                    best = Some(end);
                }
            }
            let spread = match best {
                Some(end) => Spread { start, end, fits: true },
                None => {
                    let mut end = start;
                    while end < count && heading(end) {
                        end += 1;
                    }
                    Spread { start, end: (end + 1).min(count), fits: false }
                }
            };
            spreads.push(spread);
            start = spread.end;
        }
        spreads
    }
}

impl ProbedLanguage {
    /// Whether `units` fit on one page of this language, their notes and `slack` included.
    fn fits(&self, units: std::ops::Range<usize>, slack: f64) -> bool {
        let printed = || self.units[units.clone()].iter().filter(|unit| unit.height > 0.0);
        let top = printed().map(|unit| unit.top).fold(f64::INFINITY, f64::min);
        let bottom = printed().map(|unit| unit.top + unit.height).fold(f64::NEG_INFINITY, f64::max);
        let body = if bottom > top { bottom - top } else { 0.0 };
        let mut numbers: Vec<i64> = Vec::new();
        for unit in &self.units[units] {
            for number in &unit.notes {
                if !numbers.contains(number) {
                    numbers.push(*number);
                }
            }
        }
        let notes = if numbers.is_empty() {
            0.0
        } else {
            let entries: f64 = numbers.iter().map(|n| self.notes.get(n).copied().unwrap_or(0.0)).sum();
            self.note_clearance + entries + self.note_gap * (numbers.len() - 1) as f64
        };
        body + notes + slack <= self.text_height + EPSILON
    }
}

fn missing(marker: &str, key: &str) -> ProbeError {
    ProbeError(format!("a <{marker}> marker has no `{key}`"))
}

/// A page of the template whose text ran over onto another page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow {
    /// The page, as the template numbers them (1 is the front cover).
    pub page: usize,
}

impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "page {} overflowed: the pages after it no longer face their translation", self.page)
    }
}

/// The first page of `document` that overflowed: the page before the first marker out of
/// place, or the last page when there are more pages than markers. Pages are counted in the
/// whole edition: `document` is a part of it with `pages_before` pages before it. `None` when
/// every page is where it was meant to be, or when the template (a project's own) sets no
/// markers.
pub fn overflow(document: &PagedDocument, pages_before: usize) -> Option<Overflow> {
    let introspector = document.introspector();
    let label = Label::new(PicoStr::intern(MARKER))?;
    let mut last = 0;
    for marker in introspector.query(&Selector::Label(label)) {
        let meant = match marker.to_packed::<MetadataElem>().map(|m| &m.value) {
            Some(Value::Int(page)) => usize::try_from(*page).ok()?,
            _ => continue,
        };
        let found = pages_before + introspector.page(marker.location()?)?.get();
        if found != meant {
            return Some(Overflow { page: meant.saturating_sub(1) });
        }
        last = last.max(meant);
    }
    (last > 0 && pages_before + document.pages().len() > last).then_some(Overflow { page: last })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page 100 pt tall, notes with 10 pt above them and 2 pt between them.
    fn language(units: &[(bool, f64, f64, &[i64])], notes: &[(i64, f64)]) -> ProbedLanguage {
        ProbedLanguage {
            text_height: 100.0,
            note_clearance: 10.0,
            note_gap: 2.0,
            units: (units.iter())
                .map(|&(heading, top, height, notes)| ProbedUnit { heading, top, height, notes: notes.to_vec() })
                .collect(),
            notes: notes.iter().copied().collect(),
        }
    }

    fn both(lang: ProbedLanguage) -> Probe {
        Probe { langs: [lang.clone(), lang] }
    }

    fn spread(start: usize, end: usize) -> Spread {
        Spread { start, end, fits: true }
    }

    #[test]
    fn a_spread_takes_every_row_that_fits_measured_from_its_first_line() {
        // Rows of 30 pt, 40 pt apart: two take 70 pt of the 100, three would take 110.
        let rows = [
            (false, 0.0, 30.0, &[][..]),
            (false, 40.0, 30.0, &[]),
            (false, 80.0, 30.0, &[]),
            (false, 120.0, 30.0, &[]),
        ];
        let probe = both(language(&rows, &[]));
        assert_eq!(probe.plan(0.0), vec![spread(0, 2), spread(2, 4)]);
    }

    #[test]
    fn the_slack_is_kept_free_at_the_foot() {
        let rows = [(false, 0.0, 45.0, &[][..]), (false, 50.0, 45.0, &[])];
        let probe = both(language(&rows, &[]));
        assert_eq!(probe.plan(5.0), vec![spread(0, 2)]);
        assert_eq!(probe.plan(5.1), vec![spread(0, 1), spread(1, 2)]);
    }

    #[test]
    fn a_spread_never_ends_with_a_heading() {
        let units = [(false, 0.0, 40.0, &[][..]), (true, 50.0, 20.0, &[]), (false, 80.0, 40.0, &[])];
        let probe = both(language(&units, &[]));
        assert_eq!(probe.plan(0.0), vec![spread(0, 1), spread(1, 3)]);
    }

    #[test]
    fn both_languages_must_fit() {
        let short = language(&[(false, 0.0, 40.0, &[][..]), (false, 50.0, 40.0, &[])], &[]);
        let long = language(&[(false, 0.0, 40.0, &[][..]), (false, 50.0, 60.0, &[])], &[]);
        let probe = Probe { langs: [short, long] };
        assert_eq!(probe.plan(0.0), vec![spread(0, 1), spread(1, 2)]);
    }

    #[test]
    fn notes_printed_on_a_page_take_their_height_once_each() {
        // Body 70 pt; one note of 15 pt: 70 + 10 + 15 = 95 fits. The same note referenced twice
        // counts once; a second note (15 pt more and a 2 pt gap) does not fit.
        let once = language(&[(false, 0.0, 30.0, &[1][..]), (false, 40.0, 30.0, &[1])], &[(1, 15.0), (2, 15.0)]);
        assert_eq!(both(once).plan(0.0), vec![spread(0, 2)]);
        let two = language(&[(false, 0.0, 30.0, &[1][..]), (false, 40.0, 30.0, &[2])], &[(1, 15.0), (2, 15.0)]);
        assert_eq!(both(two).plan(0.0), vec![spread(0, 1), spread(1, 2)]);
    }

    #[test]
    fn units_that_print_nothing_take_no_room() {
        // The middle unit prints nothing in this language (its marker landed on the next line).
        let units = [(false, 0.0, 40.0, &[][..]), (false, 60.0, 0.0, &[]), (false, 60.0, 40.0, &[])];
        let probe = both(language(&units, &[]));
        assert_eq!(probe.plan(0.0), vec![spread(0, 3)]);
    }

    #[test]
    fn a_row_too_tall_for_a_page_gets_a_spread_of_its_own_with_its_headings_marked_not_fitting() {
        let units = [
            (false, 0.0, 20.0, &[][..]),
            (true, 30.0, 10.0, &[]),
            (false, 50.0, 150.0, &[]),
            (false, 210.0, 20.0, &[]),
        ];
        let probe = both(language(&units, &[]));
        assert_eq!(probe.plan(0.0), vec![spread(0, 1), Spread { start: 1, end: 3, fits: false }, spread(3, 4)]);
    }
}
