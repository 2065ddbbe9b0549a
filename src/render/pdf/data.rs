//! The edition as the templates read it: the [`EditionView`] serialised to JSON (the virtual
//! file `/data.json`), with one addition: each footnote reference says whether it is the `first`
//! reference to its footnote (the one that prints the note; later ones repeat its number).

use std::collections::HashSet;

use serde_json::Value;

use crate::render::RenderError;
use crate::view::EditionView;

/// The JSON bytes of `/data.json` for `view`.
pub fn edition_json(view: &EditionView<'_>) -> Result<Vec<u8>, RenderError> {
    let mut value = serde_json::to_value(view)
        .map_err(|error| RenderError::Export(format!("edition data could not be serialised: {error}")))?;
    mark_first_footnotes(&mut value);
    serde_json::to_vec(&value)
        .map_err(|error| RenderError::Export(format!("edition data could not be serialised: {error}")))
}

/// Sets `first: true` on the first reference to each footnote label, in reading order (title,
/// sections, and in each row the languages left to right), and `first: false` on the others.
fn mark_first_footnotes(data: &mut Value) {
    let langs: Vec<String> = data
        .get("langs")
        .and_then(Value::as_array)
        .map(|langs| langs.iter().filter_map(|l| l.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    let mut seen = Seen::new();
    let Some(sections) = data.get_mut("sections").and_then(Value::as_array_mut) else { return };
    for section in sections {
        for lang in &langs {
            if let Some(runs) = section.get_mut("heading").and_then(|h| h.get_mut(lang.as_str())) {
                mark_runs(runs, &mut seen);
            }
        }
        let Some(rows) = section.get_mut("rows").and_then(Value::as_array_mut) else { continue };
        for row in rows {
            // Edition matter prints the colophon language's side, whichever that is.
            for lang in ["en", "ja"] {
                if let Some(block) = row.get_mut(lang) {
                    mark_block(block, &mut seen);
                }
            }
        }
    }
}

type Seen = HashSet<String>;

fn mark_block(block: &mut Value, seen: &mut Seen) {
    if let Some(runs) = block.get_mut("inlines") {
        mark_runs(runs, seen);
    }
    if let Some(items) = block.get_mut("items").and_then(Value::as_array_mut) {
        for item in items {
            mark_runs(item, seen);
        }
    }
    if let Some(blocks) = block.get_mut("blocks").and_then(Value::as_array_mut) {
        for inner in blocks {
            mark_block(inner, seen);
        }
    }
}

fn mark_runs(runs: &mut Value, seen: &mut Seen) {
    let Some(runs) = runs.as_array_mut() else { return };
    for run in runs {
        let Some(object) = run.as_object_mut() else { continue };
        if object.get("type").and_then(Value::as_str) == Some("footnote") {
            let label = object.get("label").and_then(Value::as_str).unwrap_or_default().to_string();
            let first = seen.insert(label);
            object.insert("first".into(), Value::Bool(first));
        }
        if let Some(children) = object.get_mut("children") {
            mark_runs(children, seen);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_reference_of_a_label_is_first() {
        let note = |label: &str| serde_json::json!({"type": "footnote", "label": label, "number": 1});
        let mut data = serde_json::json!({
            "langs": ["en", "ja"],
            "sections": [{
                "heading": {"en": [], "ja": []},
                "rows": [
                    {"en": {"type": "paragraph", "inlines": [note("1")]},
                     "ja": {"type": "paragraph", "inlines": [{"type": "strong", "children": [note("1")]}]}},
                    {"en": {"type": "list", "ordered": false, "items": [[note("2")], [note("1")]]},
                     "ja": {"type": "quote", "blocks": [{"type": "paragraph", "inlines": [note("1")]}]}}
                ]
            }]
        });
        mark_first_footnotes(&mut data);
        let rows = &data["sections"][0]["rows"];
        assert_eq!(rows[0]["en"]["inlines"][0]["first"], true);
        assert_eq!(rows[0]["ja"]["inlines"][0]["children"][0]["first"], false);
        assert_eq!(rows[1]["en"]["items"][0][0]["first"], true);
        assert_eq!(rows[1]["en"]["items"][1][0]["first"], false);
        assert_eq!(rows[1]["ja"]["blocks"][0]["inlines"][0]["first"], false);
    }
}
