//! The guard of the facing-pages edition (`facing.typ`). The template cuts the edition into
//! spreads by measuring every row in both languages, and keeps a safety margin (`slack`) free at
//! the foot of every page; if a page overflowed all the same, everything after it would be one
//! page late and every later spread would pair the English of one page with the Japanese of
//! another. So each page the template makes carries a `<codepub-facing-page>` marker holding the
//! page it is meant to be, and [`overflow`] checks where each one landed; the renderer lays the
//! edition out again with a wider margin ([`SLACKS`]) until none is out of place.

use serde::Serialize;
use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::view::EditionModel;

/// The safety margins tried in turn, in points: a few points for rounding first (what the
/// shipped text needs), then a line, three, eight.
pub const SLACKS: [f64; 4] = [4.0, 14.0, 40.0, 110.0];

/// The label of the page markers.
const MARKER: &str = "codepub-facing-page";

/// The data `facing.typ` reads: the edition's model, and the safety margin.
#[derive(Serialize)]
pub struct FacingData<'m, 'p> {
    #[serde(flatten)]
    pub model: &'m EditionModel<'p>,
    /// Points kept free at the foot of every page.
    pub slack: f64,
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
/// place, or the last page when there are more pages than markers. `None` when every page is
/// where it was meant to be, or when the template (a project's own) sets no markers.
pub fn overflow(document: &PagedDocument) -> Option<Overflow> {
    let introspector = document.introspector();
    let label = Label::new(PicoStr::intern(MARKER))?;
    let mut last = 0;
    for marker in introspector.query(&Selector::Label(label)) {
        let meant = match marker.to_packed::<MetadataElem>().map(|m| &m.value) {
            Some(Value::Int(page)) => usize::try_from(*page).ok()?,
            _ => continue,
        };
        let found = introspector.page(marker.location()?)?.get();
        if found != meant {
            return Some(Overflow { page: meant.saturating_sub(1) });
        }
        last = last.max(meant);
    }
    (last > 0 && document.pages().len() > last).then_some(Overflow { page: last })
}
