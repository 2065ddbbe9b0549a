//! The guard of the bilingual columns edition (`edition.typ`): a note and both its references on
//! one page.
//!
//! A row of the edition (English paragraph | Japanese paragraph) may cross a page. The note of a
//! reference is one footnote entry holding both languages side by side, attached to the first
//! reference; when a row with a reference breaks across pages, one language's reference may end
//! on one page and the other's (with the note) on the next. So the edition is laid out in
//! passes, decided here rather than in the template:
//!
//! 1. every row breakable;
//! 2. after layout, [`next_layout`] reads where the markers the template sets landed (Typst's
//!    introspection): `<codepub-note-ref>` at each reference of a row (its note, language and
//!    row), `<codepub-note-entry>` in each note entry, `<codepub-row>` at the top of each row;
//! 3. for the first note whose English and Japanese references (each language's first) and
//!    entry are not on one page, the row holding them is *cut*: its first page ends just above
//!    the highest reference left on that page, so both references and the note move to the next
//!    page together (the template places a float of the measured height at the foot of the page;
//!    [`Cut`]). A row already cut, a note whose references are in two rows, or a row whose first
//!    page would keep nothing of it is *kept* whole instead ([`ColumnsLayout::kept`]);
//! 4. the edition is laid out again with that, until no note is out of place, or none left out of
//!    place can be helped (a row kept whole that still does not fit).
//!
//! Each pass moves one row one step (breakable, cut, kept), so the passes end; past
//! [`MAX_PASSES`] the edition falls back to every row with a reference kept whole. The shipped
//! Code takes two passes. A template without the markers (a project's own) is laid out once.

use std::collections::BTreeMap;

use serde::Serialize;
use typst::introspection::Introspector;
use typst_layout::PagedDocument;

use super::markers::{Place, int, markers, string};

use codepub_view::view::EditionModel;

/// Compiles of the edition at most before the fallback (which is one more).
pub const MAX_PASSES: usize = 12;

/// How far above a reference's baseline a cut ends the page, in points: less than the space
/// between two lines, so that the line before the reference stays.
const CUT_ABOVE: f64 = 1.0;

/// The label of the markers at each reference in a row.
const REFERENCE: &str = "codepub-note-ref";
/// The label of the marker in each note entry.
const ENTRY: &str = "codepub-note-entry";
/// The label of the marker at the top of each row.
const ROW: &str = "codepub-row";

/// The data `edition.typ` reads for the bilingual edition: the edition's model, and how its
/// rows are laid out.
#[derive(Serialize)]
pub struct ColumnsData<'m, 'p> {
    #[serde(flatten)]
    pub model: &'m EditionModel<'p>,
    pub columns: &'m ColumnsLayout,
    /// Which part of a long edition this is, when it is rendered in parts.
    pub part: Option<super::Chunk>,
}

/// The rows that are not simply breakable, by address (`principle-1#2`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ColumnsLayout {
    /// Rows kept whole on one page.
    pub kept: Vec<String>,
    /// Rows whose first page ends at a given height.
    pub cuts: Vec<Cut>,
}

/// A row whose first page ends `at` points from the top of the page: the template places a
/// float that fills the page from there to its foot, before the row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cut {
    pub row: String,
    pub at: f64,
}

/// What a pass asks for: another pass with `layout`, or, when the passes run out, `fallback`
/// (every row with a reference kept whole).
#[derive(Clone, Debug)]
pub struct Retry {
    pub layout: ColumnsLayout,
    pub fallback: ColumnsLayout,
}

/// A reference marker, as the template sets it.
struct Reference {
    note: i64,
    lang: String,
    row: String,
    place: Place,
}

/// `None` when every note of `document` (laid out with `layout`) is on the page of both its
/// references, or when none out of place can be helped; else the layout of the next pass.
pub fn next_layout(document: &PagedDocument, layout: &ColumnsLayout) -> Option<Retry> {
    let introspector: &dyn Introspector = &**document.introspector();
    let references: Vec<Reference> = markers(introspector, REFERENCE)
        .filter_map(|(value, place)| {
            Some(Reference {
                note: int(&value, "note")?,
                lang: string(&value, "lang")?,
                row: string(&value, "row")?,
                place,
            })
        })
        .collect();
    if references.is_empty() {
        return None;
    }
    let mut entries: BTreeMap<i64, Place> = BTreeMap::new();
    for (value, place) in markers(introspector, ENTRY) {
        if let Some(note) = int(&value, "note") {
            entries.entry(note).or_insert(place);
        }
    }
    let mut rows: BTreeMap<String, Place> = BTreeMap::new();
    for (value, place) in markers(introspector, ROW) {
        if let Some(row) = string(&value, "row") {
            rows.entry(row).or_insert(place);
        }
    }

    // Notes in order of their first reference; each language's first reference.
    let mut notes: Vec<(i64, Vec<&Reference>)> = Vec::new();
    for reference in &references {
        let index = match notes.iter().position(|(note, _)| *note == reference.note) {
            Some(index) => index,
            None => {
                notes.push((reference.note, Vec::new()));
                notes.len() - 1
            }
        };
        let firsts = &mut notes[index].1;
        if !firsts.iter().any(|first| first.lang == reference.lang) {
            firsts.push(reference);
        }
    }

    let mut noted: Vec<String> = references.iter().map(|r| r.row.clone()).collect();
    noted.sort();
    noted.dedup();
    let fallback = ColumnsLayout { kept: noted, cuts: Vec::new() };

    for (note, firsts) in notes {
        let entry = entries.get(&note).copied();
        let pages = firsts.iter().map(|r| r.place.page).chain(entry.map(|e| e.page));
        let (low, high) = pages.fold((usize::MAX, 0), |(low, high), page| (low.min(page), high.max(page)));
        if low == high {
            continue;
        }
        if let Some(layout) = escalate(layout, &firsts, entry, &rows) {
            return Some(Retry { layout, fallback });
        }
    }
    None
}

/// The layout that moves the row(s) of a misplaced note one step on: a cut when the note's
/// references are in one breakable row that starts on the earlier of two pages, else its rows
/// kept whole. `None` when they already are.
fn escalate(
    layout: &ColumnsLayout,
    firsts: &[&Reference],
    entry: Option<Place>,
    rows: &BTreeMap<String, Place>,
) -> Option<ColumnsLayout> {
    let mut next = layout.clone();
    let mut note_rows: Vec<&str> = firsts.iter().map(|r| r.row.as_str()).collect();
    note_rows.dedup();
    if let [row] = note_rows[..]
        && !layout.kept.iter().any(|kept| kept == row)
        && !layout.cuts.iter().any(|cut| cut.row == row)
        && let Some(at) = cut_at(firsts, entry, rows.get(row).copied())
    {
        next.cuts.push(Cut { row: row.to_string(), at });
        return Some(next);
    }
    for row in note_rows {
        if !next.kept.iter().any(|kept| kept == row) {
            next.cuts.retain(|cut| cut.row != row);
            next.kept.push(row.to_string());
        }
    }
    (next != *layout).then_some(next)
}

/// Where to end the first page of a row so that the references on it move to the next page,
/// with the others and the note: just above the highest of them. `None` unless the row starts
/// on page p, the references and the entry are on pages p and p + 1, and the row keeps something
/// on page p.
fn cut_at(firsts: &[&Reference], entry: Option<Place>, row: Option<Place>) -> Option<f64> {
    let row = row?;
    let first_page = row.page;
    let pages = firsts.iter().map(|r| r.place.page).chain(entry.map(|e| e.page));
    if !pages.into_iter().all(|page| page == first_page || page == first_page + 1) {
        return None;
    }
    let highest = firsts.iter().filter(|r| r.place.page == first_page).map(|r| r.place.y).reduce(f64::min)?;
    let at = ((highest - CUT_ABOVE) * 100.0).floor() / 100.0;
    (at > row.y).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(lang: &str, row: &str, page: usize, y: f64) -> Reference {
        Reference { note: 1, lang: lang.into(), row: row.into(), place: Place { page, y } }
    }

    fn rows(row: &str, page: usize, y: f64) -> BTreeMap<String, Place> {
        BTreeMap::from([(row.to_string(), Place { page, y })])
    }

    #[test]
    fn a_row_split_between_its_references_is_cut_above_the_higher_one_on_its_first_page() {
        let (en, ja) = (reference("en", "p#2", 3, 80.0), reference("ja", "p#2", 2, 760.5));
        let next =
            escalate(&ColumnsLayout::default(), &[&en, &ja], Some(Place { page: 3, y: 500.0 }), &rows("p#2", 2, 600.0));
        assert_eq!(next, Some(ColumnsLayout { kept: vec![], cuts: vec![Cut { row: "p#2".into(), at: 759.5 }] }));
    }

    #[test]
    fn a_cut_row_still_out_of_place_is_kept_whole_and_a_kept_row_is_left() {
        let (en, ja) = (reference("en", "p#2", 3, 80.0), reference("ja", "p#2", 2, 760.5));
        let cut = ColumnsLayout { kept: vec![], cuts: vec![Cut { row: "p#2".into(), at: 759.5 }] };
        let kept = escalate(&cut, &[&en, &ja], None, &rows("p#2", 2, 600.0));
        assert_eq!(kept, Some(ColumnsLayout { kept: vec!["p#2".into()], cuts: vec![] }));
        assert_eq!(escalate(&kept.unwrap(), &[&en, &ja], None, &rows("p#2", 2, 600.0)), None);
    }

    #[test]
    fn a_row_that_starts_a_page_earlier_or_would_keep_nothing_is_kept_whole() {
        let (en, ja) = (reference("en", "p#2", 3, 80.0), reference("ja", "p#2", 2, 760.5));
        // The row starts on page 1: the float before it would be on the wrong page.
        let early = escalate(&ColumnsLayout::default(), &[&en, &ja], None, &rows("p#2", 1, 600.0));
        assert_eq!(early.unwrap().kept, vec!["p#2".to_string()]);
        // The reference is on the row's first line: a cut would move the whole row.
        let top = escalate(&ColumnsLayout::default(), &[&en, &ja], None, &rows("p#2", 2, 760.0));
        assert_eq!(top.unwrap().kept, vec!["p#2".to_string()]);
    }

    #[test]
    fn references_in_two_rows_keep_both_whole() {
        let (en, ja) = (reference("en", "p#2", 3, 80.0), reference("ja", "p#3", 2, 760.5));
        let next = escalate(&ColumnsLayout::default(), &[&en, &ja], None, &rows("p#2", 2, 600.0)).unwrap();
        assert_eq!(next.kept, vec!["p#2".to_string(), "p#3".to_string()]);
        assert!(next.cuts.is_empty());
    }
}
