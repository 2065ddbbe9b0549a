//! Reading what a template reports about its own layout: metadata markers (`#metadata(…)<label>`)
//! and where they landed, through Typst's introspection. The columns and facing-pages editions
//! are planned from them.

use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;

/// A marker's place: page (from 1) and height from the top of the page, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub page: usize,
    pub y: f64,
}

/// The values and places of the metadata labelled `label`, in document order.
pub fn markers<'i>(introspector: &'i dyn Introspector, label: &str) -> impl Iterator<Item = (Value, Place)> + 'i {
    let found = Label::new(PicoStr::intern(label)).map(|label| introspector.query(&Selector::Label(label)));
    found.into_iter().flatten().filter_map(move |marker| {
        let value = marker.to_packed::<MetadataElem>()?.value.clone();
        let position = introspector.position(marker.location()?)?.as_paged()?;
        Some((value, Place { page: position.page.get(), y: position.point.y.to_pt() }))
    })
}

/// Field `key` of a dictionary value.
pub fn field<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    match value {
        Value::Dict(dict) => dict.get(key).ok(),
        _ => None,
    }
}

/// Integer field `key` of a dictionary value.
pub fn int(value: &Value, key: &str) -> Option<i64> {
    match field(value, key)? {
        Value::Int(n) => Some(*n),
        _ => None,
    }
}

/// Number field `key` of a dictionary value (an integer is a number too).
pub fn float(value: &Value, key: &str) -> Option<f64> {
    match field(value, key)? {
        Value::Float(n) => Some(*n),
        Value::Int(n) => Some(*n as f64),
        _ => None,
    }
}

/// String field `key` of a dictionary value.
pub fn string(value: &Value, key: &str) -> Option<String> {
    match field(value, key)? {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    }
}
