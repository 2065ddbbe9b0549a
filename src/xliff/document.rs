//! Writes translation units as one XLIFF 2.0 document (`srcLang="en"`, `trgLang="ja"`): a
//! `<file>` per English source file, a `<unit>` per heading, paragraph, list item and footnote
//! paragraph, with the glossary terms it uses (glossary module), the earlier translations it is
//! offered (translation candidates module), notes, the Markdown spelling of its inline codes
//! (`<originalData>`) and one segment. Every text and attribute goes through
//! quick-xml's escaping.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{CodeKind, Content, InlineCode, Piece, Unit, UnitFile};

pub const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
pub const GLOSSARY_NS: &str = "urn:oasis:names:tc:xliff:glossary:2.0";
/// The Translation Candidates module, for the earlier translations a unit is offered.
pub const MATCHES_NS: &str = "urn:oasis:names:tc:xliff:matches:2.0";
/// The segment id a unit's candidates point at (`ref="#s1"`): code ids are numbers.
const SEGMENT_ID: &str = "s1";

/// The XLIFF document of `files`.
pub fn write(files: &[UnitFile]) -> io::Result<String> {
    let mut out = XmlOut { writer: Writer::new(Vec::new()) };
    out.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    out.newline(0)?;
    let root = BytesStart::new("xliff").with_attributes([
        ("xmlns", XLIFF_NS),
        ("xmlns:gls", GLOSSARY_NS),
        ("version", "2.0"),
        ("srcLang", "en"),
        ("trgLang", "ja"),
    ]);
    out.event(Event::Start(root))?;
    for (index, file) in files.iter().enumerate() {
        out.newline(1)?;
        let id = format!("f{}", index + 1);
        out.event(Event::Start(
            BytesStart::new("file").with_attributes([("id", id.as_str()), ("original", file.original.as_str())]),
        ))?;
        for unit in &file.units {
            write_unit(&mut out, unit)?;
        }
        out.newline(1)?;
        out.event(Event::End(BytesEnd::new("file")))?;
    }
    out.newline(0)?;
    out.event(Event::End(BytesEnd::new("xliff")))?;
    out.newline(0)?;
    String::from_utf8(out.writer.into_inner()).map_err(io::Error::other)
}

struct XmlOut {
    writer: Writer<Vec<u8>>,
}

impl XmlOut {
    fn event<'a>(&mut self, event: impl Into<Event<'a>>) -> io::Result<()> {
        self.writer.write_event(event)
    }

    /// A line end and the indentation of `depth`, between elements (never inside a segment).
    fn newline(&mut self, depth: usize) -> io::Result<()> {
        let text = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::new(&text)))
    }

    fn text_element(&mut self, depth: usize, start: BytesStart<'_>, text: &str) -> io::Result<()> {
        self.newline(depth)?;
        let name = start.name().as_ref().to_string();
        self.event(Event::Start(start))?;
        self.event(Event::Text(BytesText::new(text)))?;
        self.event(Event::End(BytesEnd::new(name)))
    }

    fn start(&mut self, depth: usize, start: BytesStart<'_>) -> io::Result<()> {
        self.newline(depth)?;
        self.event(Event::Start(start))
    }

    fn end(&mut self, depth: usize, name: &str) -> io::Result<()> {
        self.newline(depth)?;
        self.event(Event::End(BytesEnd::new(name)))
    }
}

fn write_unit(out: &mut XmlOut, unit: &Unit) -> io::Result<()> {
    let name = unit.address.to_string();
    let mut start = BytesStart::new("unit").with_attributes([("id", unit.id.as_str()), ("name", name.as_str())]);
    if !unit.translate {
        start.push_attribute(("translate", "no"));
    }
    out.start(2, start)?;
    if !unit.terms.is_empty() {
        out.start(3, BytesStart::new("gls:glossary"))?;
        for (en, ja) in &unit.terms {
            out.start(4, BytesStart::new("gls:glossEntry"))?;
            out.text_element(5, BytesStart::new("gls:term"), en)?;
            out.text_element(5, BytesStart::new("gls:translation"), ja)?;
            out.end(4, "gls:glossEntry")?;
        }
        out.end(3, "gls:glossary")?;
    }
    if !unit.candidates.is_empty() {
        // Declared here rather than on <xliff>, so that an export without candidates is as before.
        out.start(3, BytesStart::new("mtc:matches").with_attributes([("xmlns:mtc", MATCHES_NS)]))?;
        let reference = format!("#{SEGMENT_ID}");
        for candidate in &unit.candidates {
            let similarity = format!("{:.1}", candidate.similarity);
            let similarity = similarity.strip_suffix(".0").unwrap_or(&similarity);
            out.start(
                4,
                BytesStart::new("mtc:match").with_attributes([
                    ("ref", reference.as_str()),
                    ("similarity", similarity),
                    ("origin", "codepub memory"),
                ]),
            )?;
            out.text_element(5, BytesStart::new("source"), &candidate.english)?;
            out.text_element(5, BytesStart::new("target"), &candidate.japanese)?;
            out.end(4, "mtc:match")?;
        }
        out.end(3, "mtc:matches")?;
    }
    out.start(3, BytesStart::new("notes"))?;
    let mut notes = vec![("address", name.clone())];
    if let Some(item) = unit.item {
        notes.push(("item", item.to_string()));
    }
    if !unit.heading.is_empty() {
        notes.push(("clause", unit.heading.clone()));
    }
    if let Some(english) = &unit.signed_off_english {
        notes.push(("signed-off-english", english.clone()));
    }
    for (category, text) in notes {
        out.text_element(4, BytesStart::new("note").with_attributes([("category", category)]), &text)?;
    }
    out.end(3, "notes")?;
    let target_only: Vec<&InlineCode> =
        (unit.target.iter()).flat_map(|t| t.codes.iter()).filter(|code| unit.source.code(&code.id).is_none()).collect();
    let codes: Vec<&InlineCode> = unit.source.codes.iter().chain(target_only).collect();
    if !codes.is_empty() {
        out.start(3, BytesStart::new("originalData"))?;
        for code in codes {
            let (start, end) = data_refs(code);
            out.text_element(4, BytesStart::new("data").with_attributes([("id", start.as_str())]), &code.start)?;
            if let Some(end) = end {
                out.text_element(4, BytesStart::new("data").with_attributes([("id", end.as_str())]), &code.end)?;
            }
        }
        out.end(3, "originalData")?;
    }
    let mut segment = BytesStart::new("segment").with_attributes([("state", unit.state.name())]);
    if !unit.candidates.is_empty() {
        segment.push_attribute(("id", SEGMENT_ID));
    }
    out.start(3, segment)?;
    out.newline(4)?;
    write_content(out, "source", &unit.source)?;
    if let Some(target) = &unit.target {
        out.newline(4)?;
        write_content(out, "target", target)?;
    }
    out.end(3, "segment")?;
    out.end(2, "unit")
}

/// The ids of a code's `<data>`: `d1` (and `d1e` for the end of a paired code).
fn data_refs(code: &InlineCode) -> (String, Option<String>) {
    let start = format!("d{}", code.id);
    let end = code.kind.is_paired().then(|| format!("d{}e", code.id));
    (start, end)
}

fn write_content(out: &mut XmlOut, element: &str, content: &Content) -> io::Result<()> {
    out.event(Event::Start(BytesStart::new(element)))?;
    for piece in &content.pieces {
        match piece {
            Piece::Text(text) => out.event(Event::Text(BytesText::new(text)))?,
            Piece::Open(id) => {
                let Some(code) = content.code(id) else { continue };
                let (start, end) = data_refs(code);
                let mut pc = BytesStart::new("pc").with_attributes([("id", id.as_str()), ("dataRefStart", &start)]);
                pc.push_attribute(("dataRefEnd", end.as_deref().unwrap_or_default()));
                for attribute in code_attributes(code) {
                    pc.push_attribute(attribute);
                }
                out.event(Event::Start(pc))?;
            }
            Piece::Close(_) => out.event(Event::End(BytesEnd::new("pc")))?,
            Piece::Placeholder(id) => {
                let Some(code) = content.code(id) else { continue };
                let (data, _) = data_refs(code);
                let mut ph = BytesStart::new("ph").with_attributes([("id", id.as_str()), ("dataRef", &data)]);
                for attribute in code_attributes(code) {
                    ph.push_attribute(attribute);
                }
                out.event(Event::Empty(ph))?;
            }
        }
    }
    out.event(Event::End(BytesEnd::new(element)))
}

/// A code's type, what it displays as, and that it may be moved but neither copied nor deleted.
fn code_attributes(code: &InlineCode) -> Vec<(&'static str, &str)> {
    let mut attributes = match code.kind {
        CodeKind::Emphasis => vec![("type", "fmt"), ("subType", "xlf:i")],
        CodeKind::Strong => vec![("type", "fmt"), ("subType", "xlf:b")],
        CodeKind::Link => vec![("type", "link")],
        CodeKind::HardBreak => vec![("type", "fmt"), ("subType", "xlf:lb")],
        CodeKind::Code => vec![("type", "other"), ("disp", code.shown.as_str()), ("equiv", code.shown.as_str())],
        CodeKind::FootnoteRef => vec![("type", "other"), ("disp", code.start.as_str())],
    };
    attributes.extend([("canCopy", "no"), ("canDelete", "no")]);
    attributes
}
