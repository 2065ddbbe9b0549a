//! The data a page template sees: one edition's view (see [`crate::view`]) as plain values,
//! with what a web page needs on top: the title page split from the body, a nested table of
//! contents, unique ids for footnote references and their back-links, the language of every
//! colophon line, soft breaks that must vanish between Japanese characters, and the links to the
//! other editions.

use serde_json::{Map, Value as Json, json};

use crate::render::RenderError;
use crate::view::{EditionKind, EditionView};

/// The file name of an edition's page in the HTML output folder.
pub fn page_file(edition: EditionKind) -> &'static str {
    match edition {
        EditionKind::Bilingual => "index.html",
        EditionKind::En => "en.html",
        EditionKind::Ja => "ja.html",
    }
}

/// The language a page declares on its `html` element: the bilingual page's is its left column's.
pub fn page_lang(edition: EditionKind) -> &'static str {
    edition.langs().first().map_or("en", |lang| lang.code())
}

/// Builds the template context of `view`'s page.
pub fn page_context(view: &EditionView<'_>) -> Result<Json, RenderError> {
    let mut data = serde_json::to_value(view).map_err(|error| {
        RenderError::Export(format!("cannot serialise the {} edition: {error}", view.edition.name()))
    })?;
    let langs: Vec<&'static str> = view.langs.iter().map(|lang| lang.code()).collect();

    let mut sections = match data.get_mut("sections").map(Json::take) {
        Some(Json::Array(sections)) => sections,
        _ => Vec::new(),
    };
    let mut refs = FootnoteRefs::default();
    for (index, section) in sections.iter_mut().enumerate() {
        refs.section = index;
        annotate_section(section, &langs, &mut refs);
    }

    // Each note is printed after the clause that first refers to it; notes first referred to
    // from the title page or the back cover, at the end of the body.
    let title_index = sections.iter().position(|s| kind_of(s) == "body" && level_of(s) == 1);
    let mut end_notes = Vec::new();
    for note in footnotes(data.get_mut("footnotes").map(Json::take), &langs, &refs) {
        let number = note.get("number").and_then(Json::as_u64).unwrap_or(0);
        let section = refs.first_section(number).filter(|&i| Some(i) != title_index);
        match section.and_then(|i| sections.get_mut(i)).filter(|s| kind_of(s) == "body") {
            Some(section) => push_note(section, note),
            None => end_notes.push(note),
        }
    }

    let mut title_page = Json::Null;
    let mut body = Vec::new();
    let mut colophons = Vec::new();
    for (index, section) in sections.into_iter().enumerate() {
        if kind_of(&section) == "colophon" {
            colophons.push(section);
        } else if Some(index) == title_index {
            title_page = section;
        } else {
            body.push(section);
        }
    }
    let toc = table_of_contents(&body);

    let edition = view.edition;
    let title = &view.meta.title;
    let page_title = match edition {
        EditionKind::Bilingual => format!("{} — {}", title.en, title.ja),
        EditionKind::En => title.en.clone(),
        EditionKind::Ja => title.ja.clone(),
    };
    let editions: Vec<Json> = EditionKind::ALL
        .iter()
        .map(|&kind| json!({ "kind": kind.name(), "href": page_file(kind), "current": kind == edition }))
        .collect();

    Ok(json!({
        "edition": edition.name(),
        "bilingual": langs.len() > 1,
        "lang": page_lang(edition),
        "langs": langs,
        "meta": data.get_mut("meta").map(Json::take).unwrap_or(Json::Null),
        "title": page_title,
        "title_page": title_page,
        "toc": toc,
        "sections": body,
        "colophons": colophons,
        "footnotes": end_notes,
        "editions": editions,
        "stylesheet": super::templates::STYLESHEET,
    }))
}

fn kind_of(section: &Json) -> &str {
    section.get("kind").and_then(Json::as_str).unwrap_or("body")
}

fn level_of(section: &Json) -> u64 {
    section.get("level").and_then(Json::as_u64).unwrap_or(0)
}

fn push_note(section: &mut Json, note: Json) {
    let Some(section) = section.as_object_mut() else {
        return;
    };
    match section.entry("notes").or_insert_with(|| Json::Array(Vec::new())) {
        Json::Array(notes) => notes.push(note),
        other => *other = Json::Array(vec![note]),
    }
}

/// Footnote references seen so far, by language and number, in document order, with the index
/// of the section each is in.
#[derive(Default)]
struct FootnoteRefs {
    seen: Vec<(String, u64, usize)>,
    /// The section being annotated.
    section: usize,
}

impl FootnoteRefs {
    /// The id of the next reference to footnote `number` in `lang`: the first one is the target
    /// of the footnote's back-link.
    fn next_id(&mut self, lang: &str, number: u64) -> String {
        let count = self.seen.iter().filter(|(l, n, _)| l == lang && *n == number).count();
        self.seen.push((lang.to_string(), number, self.section));
        match count {
            0 => format!("fnref-{lang}-{number}"),
            _ => format!("fnref-{lang}-{number}-{}", count + 1),
        }
    }

    fn referenced(&self, lang: &str, number: u64) -> bool {
        self.seen.iter().any(|(l, n, _)| l == lang && *n == number)
    }

    /// The section of the first reference to footnote `number`, in any language.
    fn first_section(&self, number: u64) -> Option<usize> {
        self.seen.iter().find(|(_, n, _)| *n == number).map(|(_, _, section)| *section)
    }
}

fn annotate_section(section: &mut Json, langs: &[&str], refs: &mut FootnoteRefs) {
    let colophon = section.get("kind").and_then(Json::as_str) == Some("colophon");
    for &lang in langs {
        if let Some(heading) = section.pointer_mut(&format!("/heading/{lang}")) {
            annotate_inlines(heading, lang, Some(refs));
        }
    }
    let Some(Json::Array(rows)) = section.get_mut("rows") else {
        return;
    };
    for row in rows {
        for lang in ["en", "ja"] {
            let Some(block) = row.get_mut(lang) else {
                continue;
            };
            annotate_block(block, lang, Some(refs));
            if colophon && let Some(block) = block.as_object_mut() {
                // The Japanese edition's back cover holds English lines: say so.
                let text = plain_text(block.get("inlines"));
                let line_lang = if lang == "ja" && !has_japanese(&text) { "en" } else { lang };
                block.insert("lang".into(), line_lang.into());
            }
        }
    }
}

fn annotate_block(block: &mut Json, lang: &str, mut refs: Option<&mut FootnoteRefs>) {
    let Some(block) = block.as_object_mut() else {
        return;
    };
    if let Some(inlines) = block.get_mut("inlines") {
        annotate_inlines(inlines, lang, refs.as_deref_mut());
    }
    if let Some(Json::Array(items)) = block.get_mut("items") {
        for item in items {
            annotate_inlines(item, lang, refs.as_deref_mut());
        }
    }
    if let Some(Json::Array(blocks)) = block.get_mut("blocks") {
        for inner in blocks {
            annotate_block(inner, lang, refs.as_deref_mut());
        }
    }
}

/// Gives footnote references their ids and links (none inside footnotes, whose references are
/// not numbered in the edition), and marks soft breaks between two wide (CJK) characters as
/// `join`: they print as nothing rather than as a space.
fn annotate_inlines(runs: &mut Json, lang: &str, mut refs: Option<&mut FootnoteRefs>) {
    let Some(runs) = runs.as_array_mut() else {
        return;
    };
    let joins: Vec<bool> = (0..runs.len())
        .map(|i| {
            kind(&runs[i]) == "softbreak" && {
                let before = runs[..i].iter().rev().find_map(|r| edge_char(r, true));
                let after = runs[i + 1..].iter().find_map(|r| edge_char(r, false));
                before.is_some_and(is_wide) && after.is_some_and(is_wide)
            }
        })
        .collect();
    for (run, join) in runs.iter_mut().zip(joins) {
        let run_kind = kind(run).to_string();
        let Some(object) = run.as_object_mut() else {
            continue;
        };
        match run_kind.as_str() {
            "softbreak" => {
                object.insert("join".into(), join.into());
            }
            "footnote" => {
                let number = object.get("number").and_then(Json::as_u64).unwrap_or(0);
                if let Some(refs) = refs.as_deref_mut() {
                    object.insert("id".into(), refs.next_id(lang, number).into());
                    object.insert("href".into(), format!("#fn-{lang}-{number}").into());
                }
            }
            _ => {
                if let Some(children) = object.get_mut("children") {
                    annotate_inlines(children, lang, refs.as_deref_mut());
                }
            }
        }
    }
}

fn kind(run: &Json) -> &str {
    run.get("type").and_then(Json::as_str).unwrap_or("")
}

/// The first (or last) character an inline run prints, if it prints text.
fn edge_char(run: &Json, last: bool) -> Option<char> {
    match kind(run) {
        "text" | "code" => {
            let text = run.get("text").and_then(Json::as_str)?;
            if last { text.chars().next_back() } else { text.chars().next() }
        }
        "emphasis" | "strong" | "link" => {
            let children = run.get("children").and_then(Json::as_array)?;
            if last {
                children.iter().rev().find_map(|c| edge_char(c, true))
            } else {
                children.iter().find_map(|c| edge_char(c, false))
            }
        }
        _ => None,
    }
}

/// East Asian wide characters (CJK ideographs, kana, fullwidth forms and punctuation), between
/// which a line break in the source is no space (CSS Text, segment break transformation).
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
}

fn has_japanese(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}

fn plain_text(runs: Option<&Json>) -> String {
    let mut out = String::new();
    for run in runs.and_then(Json::as_array).into_iter().flatten() {
        if let Some(text) = run.get("text").and_then(Json::as_str) {
            out.push_str(text);
        }
        out.push_str(&plain_text(run.get("children")));
    }
    out
}

/// Headed body sections (level 2 and below) nested by level.
fn table_of_contents(sections: &[Json]) -> Vec<Json> {
    let entries: Vec<(u64, Json)> = sections
        .iter()
        .filter_map(|section| {
            let level = section.get("level").and_then(Json::as_u64)?;
            let heading = section.get("heading")?;
            let has_heading = heading.as_object().is_some_and(|sides| !sides.is_empty());
            (level >= 1 && has_heading).then(|| {
                (level, json!({ "id": section.get("id").cloned().unwrap_or(Json::Null), "heading": heading.clone() }))
            })
        })
        .collect();
    nest(&mut entries.into_iter().peekable(), 0)
}

/// Takes entries deeper than `parent_level`, each with the deeper entries that follow it.
fn nest(entries: &mut std::iter::Peekable<impl Iterator<Item = (u64, Json)>>, parent_level: u64) -> Vec<Json> {
    let mut out = Vec::new();
    while let Some((level, _)) = entries.peek() {
        let level = *level;
        if level <= parent_level {
            break;
        }
        let Some((_, mut entry)) = entries.next() else {
            break;
        };
        let children = nest(entries, level);
        if let Some(object) = entry.as_object_mut() {
            object.insert("children".into(), Json::Array(children));
        }
        out.push(entry);
    }
    out
}

/// Footnotes in number order, each side with its id and, when the side references it, the id of
/// the reference its back-link returns to.
fn footnotes(footnotes: Option<Json>, langs: &[&str], refs: &FootnoteRefs) -> Vec<Json> {
    let Some(Json::Object(footnotes)) = footnotes else {
        return Vec::new();
    };
    let mut out: Vec<(u64, Json)> = footnotes
        .into_iter()
        .map(|(label, mut footnote)| {
            let number = footnote.get("number").and_then(Json::as_u64).unwrap_or(0);
            let mut sides = Map::new();
            for &lang in langs {
                let Some(Json::Array(mut blocks)) = footnote.get_mut(lang).map(Json::take) else { continue };
                for block in &mut blocks {
                    annotate_block(block, lang, None);
                }
                let backref = refs.referenced(lang, number).then(|| format!("fnref-{lang}-{number}"));
                sides.insert(
                    lang.into(),
                    json!({ "id": format!("fn-{lang}-{number}"), "backref": backref, "blocks": blocks }),
                );
            }
            (number, json!({ "label": label, "number": number, "sides": sides }))
        })
        .collect();
    out.sort_by_key(|(number, _)| *number);
    out.into_iter().map(|(_, footnote)| footnote).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_breaks_between_japanese_characters_join() {
        let mut runs = json!([
            { "type": "text", "text": "私たちは" },
            { "type": "softbreak" },
            { "type": "strong", "children": [{ "type": "text", "text": "地球" }] },
            { "type": "softbreak" },
            { "type": "text", "text": "ISO" },
        ]);
        annotate_inlines(&mut runs, "ja", None);
        assert_eq!(runs[1]["join"], json!(true));
        assert_eq!(runs[3]["join"], json!(false));
    }

    #[test]
    fn repeated_footnote_references_get_distinct_ids() {
        let mut refs = FootnoteRefs::default();
        let mut runs = json!([
            { "type": "footnote", "label": "a", "number": 1 },
            { "type": "footnote", "label": "a", "number": 1 },
        ]);
        annotate_inlines(&mut runs, "en", Some(&mut refs));
        assert_eq!(runs[0]["id"], json!("fnref-en-1"));
        assert_eq!(runs[1]["id"], json!("fnref-en-1-2"));
        assert_eq!(runs[1]["href"], json!("#fn-en-1"));
        assert!(refs.referenced("en", 1) && !refs.referenced("ja", 1));
    }

    #[test]
    fn contents_nest_by_level() {
        let section = |id: &str, level: u64| json!({ "id": id, "level": level, "heading": { "en": [] } });
        let toc = table_of_contents(&[section("a", 2), section("b", 3), section("c", 3), section("d", 2)]);
        assert_eq!(toc.len(), 2);
        assert_eq!(toc[0]["children"].as_array().map(Vec::len), Some(2));
        assert_eq!(toc[1]["id"], json!("d"));
    }
}
