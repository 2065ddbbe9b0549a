//! Writes a [`Memory`] as TMX 1.4b (LISA's Translation Memory eXchange, as CAT tools import it):
//! a header naming codepub, English as the source language and plain text, then one `<tu>` per
//! pair with its address as a `<prop type="x-address">`, who signed off and when as
//! `creationid` and `creationdate`, and a `<tuv>` per language. Every text and attribute goes
//! through quick-xml's escaping.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Entry, Memory};

/// The TMX document of `memory`.
pub fn write(memory: &Memory) -> io::Result<String> {
    let mut writer = Writer::new(Vec::new());
    let mut event = |event: Event<'_>| writer.write_event(event);
    let newline = |depth: usize| Event::Text(BytesText::from_escaped(format!("\n{}", "  ".repeat(depth))));
    event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    event(newline(0))?;
    event(Event::Start(BytesStart::new("tmx").with_attributes([("version", "1.4")])))?;
    event(newline(1))?;
    event(Event::Empty(BytesStart::new("header").with_attributes([
        ("creationtool", "codepub"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "paragraph"),
        ("o-tmf", "codepub translations.lock"),
        ("adminlang", "en"),
        ("srclang", "en"),
        ("datatype", "plaintext"),
    ])))?;
    event(newline(1))?;
    event(Event::Start(BytesStart::new("body")))?;
    for entry in &memory.entries {
        event(newline(2))?;
        event(Event::Start(tu(entry)))?;
        event(newline(3))?;
        event(Event::Start(BytesStart::new("prop").with_attributes([("type", "x-address")])))?;
        event(Event::Text(BytesText::new(&entry.address.to_string())))?;
        event(Event::End(BytesEnd::new("prop")))?;
        for (lang, text) in [("en", &entry.english), ("ja", &entry.japanese)] {
            event(newline(3))?;
            event(Event::Start(BytesStart::new("tuv").with_attributes([("xml:lang", lang)])))?;
            event(Event::Start(BytesStart::new("seg")))?;
            event(Event::Text(BytesText::new(text)))?;
            event(Event::End(BytesEnd::new("seg")))?;
            event(Event::End(BytesEnd::new("tuv")))?;
        }
        event(newline(2))?;
        event(Event::End(BytesEnd::new("tu")))?;
    }
    event(newline(1))?;
    event(Event::End(BytesEnd::new("body")))?;
    event(newline(0))?;
    event(Event::End(BytesEnd::new("tmx")))?;
    event(newline(0))?;
    String::from_utf8(writer.into_inner()).map_err(io::Error::other)
}

/// A `<tu>`, with who signed off and when as far as the record says.
fn tu(entry: &Entry) -> BytesStart<'static> {
    let mut tu = BytesStart::new("tu");
    if let Some(by) = &entry.by {
        tu.push_attribute(("creationid", by.as_str()));
    }
    if let Some(date) = entry.at.as_deref().and_then(tmx_date) {
        tu.push_attribute(("creationdate", date.as_str()));
    }
    tu
}

/// `2026-03-01T09:30:00Z` as TMX writes a date (ISO 8601 basic format): `20260301T093000Z`.
fn tmx_date(at: &str) -> Option<String> {
    let date: String = at.chars().filter(|c| !matches!(c, '-' | ':')).collect();
    let shape = date.len() == 16
        && date.as_bytes()[8] == b'T'
        && date.ends_with('Z')
        && date.bytes().enumerate().all(|(i, b)| i == 8 || i == 15 || b.is_ascii_digit());
    shape.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_the_basic_format_and_others_left_out() {
        assert_eq!(tmx_date("2026-03-01T09:30:00Z").as_deref(), Some("20260301T093000Z"));
        assert_eq!(tmx_date("yesterday"), None);
    }

    #[test]
    fn texts_and_names_are_escaped() {
        let memory = Memory {
            entries: vec![Entry {
                english: "Terms & <conditions>".into(),
                japanese: "「条件」".into(),
                address: "a#1".into(),
                by: Some("O'Brien \"Pat\"".into()),
                at: Some("2026-03-01T09:30:00Z".into()),
            }],
            ..Memory::default()
        };
        let text = write(&memory).unwrap();
        let document = roxmltree::Document::parse(&text).unwrap();
        let tu = document.descendants().find(|n| n.has_tag_name("tu")).unwrap();
        assert_eq!(tu.attribute("creationid"), Some("O'Brien \"Pat\""));
        assert_eq!(tu.attribute("creationdate"), Some("20260301T093000Z"));
        let segs: Vec<_> = document.descendants().filter(|n| n.has_tag_name("seg")).map(|n| n.text()).collect();
        assert_eq!(segs, [Some("Terms & <conditions>"), Some("「条件」")]);
    }
}
