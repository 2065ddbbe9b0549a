//! Reads an XLIFF 2.0 file back: every `<unit>` (in files and groups) with its id, name, the
//! position of its source and target, and their content as [`Piece`]s. Paired codes may come
//! as `<pc>` or as `<sc>`/`<ec>`; annotations (`<mrk>`) are read through; a unit split into
//! several segments is read as one. Malformed XML, or XML that is not an English to Japanese
//! XLIFF 2.0 document, is an input error with its line and column; so are inline codes nested
//! deeper than [`MAX_INLINE_DEPTH`] (the reader recurses once per level: a file of 60 000 nested
//! `<pc>` overflowed the stack).

use roxmltree::{Document, Node, ParsingOptions};

use super::Piece;
use super::document::XLIFF_NS;
use crate::error::InputError;
use crate::location::Location;
use crate::source::SourceFile;

/// How deep `<pc>` and `<mrk>` may nest in a `<source>` or `<target>`. Far more than a text
/// holds (the Markdown loader refuses inline markup nested over 12 levels), far less than the
/// stack allows.
pub const MAX_INLINE_DEPTH: usize = 64;

/// A unit as the XLIFF file has it.
#[derive(Clone, Debug)]
pub struct ReadUnit {
    pub id: String,
    pub name: Option<String>,
    /// Where the unit starts.
    pub at: Location,
    pub source: Vec<Piece>,
    /// The target and where it starts; `None` when the unit has no target.
    pub target: Option<(Vec<Piece>, Location)>,
    /// The `state` of its (first) segment, `initial` when it says none.
    pub state: Option<String>,
    /// Control characters in the target ([`crate::invisible`]), each where the file has it (a
    /// `<cp hex="0000"/>`, or the character in the text): an import refuses them.
    pub target_controls: Vec<(char, Location)>,
}

/// The units of XLIFF text `text`, read from the file shown as `shown`.
pub fn read(text: &str, shown: &str) -> Result<Vec<ReadUnit>, InputError> {
    let options = ParsingOptions { allow_dtd: false, ..ParsingOptions::default() };
    let document = Document::parse_with_options(text, options).map_err(|error| {
        let pos = error.pos();
        InputError::Xliff {
            at: Location { path: shown.to_string(), line: pos.row, column: pos.col },
            message: error.to_string(),
        }
    })?;
    // Line and column through a line index: roxmltree's own `text_pos_at` reads from the start.
    let lines = SourceFile::new(shown, text.to_string());
    let at = |node: Node<'_, '_>| at_offset(&lines, node.range().start);
    let invalid = |node: Node<'_, '_>, message: String| InputError::Xliff { at: at(node), message };
    let root = document.root_element();
    if !is(root, "xliff") {
        return Err(invalid(root, format!("the root element is not <xliff> of {XLIFF_NS}")));
    }
    let version = root.attribute("version").unwrap_or_default();
    if !version.starts_with("2.") {
        return Err(invalid(root, format!("XLIFF version {version:?}, not 2.x")));
    }
    let langs = (root.attribute("srcLang").unwrap_or_default(), root.attribute("trgLang").unwrap_or_default());
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    if primary(langs.0) != "en" || primary(langs.1) != "ja" {
        return Err(invalid(root, format!("srcLang {:?} and trgLang {:?}, not en and ja", langs.0, langs.1)));
    }
    let mut units = Vec::new();
    for unit in root.descendants().filter(|n| is(*n, "unit")) {
        let Some(id) = unit.attribute("id") else {
            return Err(invalid(unit, "a <unit> without id".into()));
        };
        let mut source = Vec::new();
        let mut target: Option<(Vec<Piece>, Location)> = None;
        let mut target_controls = Vec::new();
        let state = (unit.children().find(|n| is(*n, "segment")))
            .map(|segment| segment.attribute("state").unwrap_or("initial").to_string());
        for part in unit.children().filter(|n| is(*n, "segment") || is(*n, "ignorable")) {
            for child in part.children().filter(Node::is_element) {
                if is(child, "source") {
                    pieces(child, &mut source, 0).map_err(|(node, message)| invalid(node, message))?;
                } else if is(child, "target") {
                    target_controls.extend(controls(child, text, |offset| at_offset(&lines, offset)));
                    let (into, _) = target.get_or_insert_with(|| (Vec::new(), at(child)));
                    pieces(child, into, 0).map_err(|(node, message)| invalid(node, message))?;
                }
            }
        }
        units.push(ReadUnit {
            id: id.to_string(),
            name: unit.attribute("name").map(str::to_string),
            at: at(unit),
            source,
            target,
            state,
            target_controls,
        });
    }
    Ok(units)
}

/// Where byte `offset` of the file is.
fn at_offset(lines: &SourceFile, offset: usize) -> Location {
    let (line, column) = lines.line_column(offset);
    Location { path: lines.name.clone(), line, column }
}

/// The control characters of a `<target>` (of the XLIFF file `text`), each at its `<cp>` or at
/// the character itself (at its text's start when an entity spells it).
fn controls(target: Node<'_, '_>, text: &str, at: impl Fn(usize) -> Location) -> Vec<(char, Location)> {
    let control = |c: &char| crate::invisible::hidden(*c) == Some(crate::invisible::Hidden::Control);
    let mut found = Vec::new();
    for node in target.descendants() {
        let start = node.range().start;
        if node.is_text() {
            let raw = text.get(node.range()).unwrap_or_default();
            let mut searched = 0;
            for c in node.text().unwrap_or_default().chars().filter(control) {
                let offset = match raw[searched..].find(c) {
                    Some(i) => {
                        searched += i + c.len_utf8();
                        start + searched - c.len_utf8()
                    }
                    None => start,
                };
                found.push((c, at(offset)));
            }
        } else if is(node, "cp") {
            let hex = node.attribute("hex").unwrap_or_default();
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            found.extend(c.filter(control).map(|c| (c, at(start))));
        }
    }
    found
}

/// Whether `node` is XLIFF core element `name`.
fn is(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(XLIFF_NS)
}

type Invalid<'a, 'i> = (Node<'a, 'i>, String);

/// Appends the content of a `<source>` or `<target>` (or of an element in it, `depth` levels
/// down) to `out`.
fn pieces<'a, 'i>(element: Node<'a, 'i>, out: &mut Vec<Piece>, depth: usize) -> Result<(), Invalid<'a, 'i>> {
    if depth > MAX_INLINE_DEPTH {
        return Err((element, format!("inline codes nest more than {MAX_INLINE_DEPTH} levels deep")));
    }
    for node in element.children() {
        if let Some(text) = node.text().filter(|_| node.is_text()) {
            push_text(out, text);
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let id = || node.attribute("id").map(str::to_string).ok_or((node, format!("<{}> without id", name(node))));
        match name(node) {
            "pc" => {
                let id = id()?;
                out.push(Piece::Open(id.clone()));
                pieces(node, out, depth + 1)?;
                out.push(Piece::Close(id));
            }
            "ph" => out.push(Piece::Placeholder(id()?)),
            "sc" => out.push(Piece::Open(id()?)),
            "ec" => {
                let start = node.attribute("startRef").map(str::to_string);
                out.push(Piece::Close(start.map_or_else(id, Ok)?));
            }
            "mrk" => pieces(node, out, depth + 1)?,
            "cp" => {
                let hex = node.attribute("hex").unwrap_or_default();
                let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
                let c = c.ok_or((node, format!("<cp hex=\"{hex}\"> is no character")))?;
                push_text(out, c.encode_utf8(&mut [0; 4]));
            }
            "sm" | "em" => {}
            other => return Err((node, format!("<{other}> is not XLIFF 2.0 inline content"))),
        }
    }
    Ok(())
}

fn name<'a>(node: Node<'a, '_>) -> &'a str {
    node.tag_name().name()
}

fn push_text(out: &mut Vec<Piece>, text: &str) {
    match out.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ if !text.is_empty() => out.push(Piece::Text(text.to_string())),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja">"#;

    #[test]
    fn paired_codes_read_the_same_as_pc_or_as_sc_and_ec() {
        let text = format!(
            "{HEAD}<file id=\"f\"><unit id=\"a_1\" name=\"a#1\"><segment><source>A <pc id=\"1\">b</pc><ph id=\"2\"/></source>\
             <target><sc id=\"1\"/>ビ<ec startRef=\"1\"/><mrk id=\"m\">エ</mrk><ph id=\"2\"/></target></segment></unit></file></xliff>"
        );
        let units = read(&text, "t.xlf").unwrap();
        assert_eq!(
            units[0].source,
            [
                Piece::Text("A ".into()),
                Piece::Open("1".into()),
                Piece::Text("b".into()),
                Piece::Close("1".into()),
                Piece::Placeholder("2".into())
            ]
        );
        let (target, _) = units[0].target.as_ref().unwrap();
        assert_eq!(
            target,
            &[
                Piece::Open("1".into()),
                Piece::Text("ビ".into()),
                Piece::Close("1".into()),
                Piece::Text("エ".into()),
                Piece::Placeholder("2".into())
            ]
        );
    }

    #[test]
    fn malformed_xml_is_an_input_error_at_its_line_and_column() {
        let error = read(&format!("{HEAD}\n<file id=\"f\">\n  <unit id=\"a\"></file></xliff>"), "t.xlf").unwrap_err();
        match error {
            InputError::Xliff { at, .. } => assert_eq!((at.path.as_str(), at.line), ("t.xlf", 3)),
            other => panic!("{other:?}"),
        }
    }

    /// `<pc>` and `<mrk>` nested `depth` levels in the target of one unit (on line 2).
    fn nested(depth: usize) -> String {
        let tag =
            |i: usize| if i.is_multiple_of(2) { ("<pc id=\"1\">", "</pc>") } else { ("<mrk id=\"m\">", "</mrk>") };
        let open: String = (0..depth).map(|i| tag(i).0).collect();
        let close: String = (0..depth).rev().map(|i| tag(i).1).collect();
        format!(
            "{HEAD}<file id=\"f\"><unit id=\"a_1\"><segment><source>A</source>\n\
             <target>{open}ア{close}</target></segment></unit></file></xliff>"
        )
    }

    #[test]
    fn inline_codes_nest_up_to_the_limit() {
        let units = read(&nested(MAX_INLINE_DEPTH), "t.xlf").unwrap();
        let (target, _) = units[0].target.as_ref().unwrap();
        assert_eq!(target.iter().filter(|p| matches!(p, Piece::Open(_))).count(), MAX_INLINE_DEPTH / 2);
    }

    #[test]
    fn inline_codes_nested_over_the_limit_are_refused_at_the_code_that_goes_over() {
        // `<target>`, then 32 `<pc id="1">` (11 characters) and 32 `<mrk id="m">` (12): the next
        // code, the 65th level, starts at column 1 + 8 + 736.
        for depth in [MAX_INLINE_DEPTH + 1, 60_000] {
            match read(&nested(depth), "t.xlf").unwrap_err() {
                InputError::Xliff { at, message } => {
                    assert_eq!((at.line, at.column), (2, 745), "{message}");
                    assert_eq!(message, "inline codes nest more than 64 levels deep");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn control_characters_of_a_target_are_found_at_their_code_or_character() {
        let text = format!(
            "{HEAD}<file id=\"f\"><unit id=\"a_1\"><segment><source>A<cp hex=\"0007\"/></source>\n\
             <target>エ<cp hex=\"0000\"/>ー<pc id=\"1\">\u{85}</pc><cp hex=\"200B\"/></target></segment></unit></file></xliff>"
        );
        let units = read(&text, "t.xlf").unwrap();
        let found: Vec<_> = units[0].target_controls.iter().map(|(c, at)| (*c, at.line, at.column)).collect();
        assert_eq!(found, [('\0', 2, 10), ('\u{85}', 2, 38)]);
    }

    #[test]
    fn a_document_of_other_languages_is_refused() {
        let text = HEAD.replace("trgLang=\"ja\"", "trgLang=\"fr\"") + "</xliff>";
        assert!(matches!(read(&text, "t.xlf"), Err(InputError::Xliff { .. })));
    }
}
