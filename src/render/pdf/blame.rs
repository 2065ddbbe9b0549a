//! Which block of the edition a failed render comes from. Typst places its errors in the
//! templates (the text arrives as data), so the edition data is compiled again one section, then
//! one row, then one language at a time, and the first part that fails alone is named by its
//! address. Only failed renders pay for this.

use serde_json::Value;

/// The part of the edition data that fails to render on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Culprit {
    /// The row's address (`principle-3#2`, `principle-3#heading`), or the section's id.
    pub address: String,
    /// The language whose side fails alone, when one does.
    pub lang: Option<String>,
}

/// The culprit of a failure, given `fails`, which renders some edition data and says whether that
/// failed too. `None` when the data without any section fails (the templates are at fault) or no
/// single part fails alone.
pub fn culprit(data: &[u8], fails: &mut dyn FnMut(Vec<u8>) -> bool) -> Option<Culprit> {
    let value: Value = serde_json::from_slice(data).ok()?;
    let sections = value.get("sections")?.as_array()?.clone();
    let mut fails_with = |sections: Vec<Value>| {
        let mut part = value.clone();
        part["sections"] = Value::Array(sections);
        serde_json::to_vec(&part).is_ok_and(&mut *fails)
    };
    if fails_with(Vec::new()) {
        return None;
    }
    for section in sections {
        if !fails_with(vec![section.clone()]) {
            continue;
        }
        let id = section.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
        let rows = section.get("rows").and_then(Value::as_array).cloned().unwrap_or_default();
        let mut bare = section.clone();
        bare["rows"] = Value::Array(Vec::new());
        if fails_with(vec![bare.clone()]) {
            let lang = ["en", "ja"].into_iter().find(|lang| {
                let mut one = bare.clone();
                if let Some(heading) = one.get_mut("heading").and_then(Value::as_object_mut) {
                    for (side, runs) in heading.iter_mut() {
                        if side != lang {
                            *runs = Value::Array(Vec::new());
                        }
                    }
                }
                fails_with(vec![one])
            });
            return Some(Culprit { address: format!("{id}#heading"), lang: lang.map(str::to_string) });
        }
        for row in rows {
            let with_row = |row: Value| {
                let mut one = bare.clone();
                one["rows"] = Value::Array(vec![row]);
                vec![one]
            };
            if !fails_with(with_row(row.clone())) {
                continue;
            }
            let address = row.get("address").and_then(Value::as_str).unwrap_or(&id).to_string();
            let lang = ["en", "ja"].into_iter().find(|lang| {
                let mut one = row.clone();
                if let Some(object) = one.as_object_mut() {
                    object.retain(|key, _| key == "address" || key == lang);
                }
                fails_with(with_row(one))
            });
            return Some(Culprit { address, lang: lang.map(str::to_string) });
        }
        return Some(Culprit { address: id, lang: None });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in renderer that fails on any data holding `bad`.
    fn fails_on(bad: &'static str) -> impl FnMut(Vec<u8>) -> bool {
        move |bytes| String::from_utf8_lossy(&bytes).contains(bad)
    }

    fn data() -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({
            "langs": ["en", "ja"],
            "sections": [
                { "id": "a", "heading": { "en": [{"text": "A"}], "ja": [{"text": "甲"}] }, "rows": [
                    { "address": "a#1", "en": {"text": "one"}, "ja": {"text": "一"} },
                ]},
                { "id": "b", "heading": { "en": [{"text": "B"}], "ja": [{"text": "乙"}] }, "rows": [
                    { "address": "b#1", "en": {"text": "two"}, "ja": {"text": "二"} },
                    { "address": "b#2", "en": {"text": "three"}, "ja": {"text": "BAD"} },
                ]},
            ],
        }))
        .unwrap()
    }

    #[test]
    fn a_failing_block_is_named_by_address_and_language() {
        let found = culprit(&data(), &mut fails_on("BAD"));
        assert_eq!(found, Some(Culprit { address: "b#2".into(), lang: Some("ja".into()) }));
    }

    #[test]
    fn a_failing_heading_is_named_by_its_heading_address() {
        let found = culprit(&data(), &mut fails_on("乙"));
        assert_eq!(found, Some(Culprit { address: "b#heading".into(), lang: Some("ja".into()) }));
    }

    #[test]
    fn a_template_failing_without_any_section_blames_no_block() {
        assert_eq!(culprit(&data(), &mut fails_on("langs")), None);
    }
}
