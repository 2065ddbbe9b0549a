//! A segment's content: text and inline codes ([`Piece`]s), read from the inlines of a heading,
//! paragraph or list item, with each code's Markdown spelling; and the Japanese codes renamed to
//! the ids of the English codes they translate.

use std::collections::HashMap;

use crate::model::{Inline, InlineKind, MarkupKind};
use crate::source::Span;

use super::place::content_range;
/// One piece of a segment's content, in reading order. Paired codes open and close around the
/// text they mark; a soft line break is a `\n` in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// The start of paired code `id` (`<pc id>`).
    Open(String),
    /// The end of paired code `id`.
    Close(String),
    /// Placeholder `id` (`<ph id>`).
    Placeholder(String),
}

/// What an inline code stands for in the Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Emphasis,
    Strong,
    Link,
    FootnoteRef,
    Code,
    HardBreak,
}

impl CodeKind {
    /// Whether the code is paired (`<pc>`) rather than a placeholder (`<ph>`).
    pub fn is_paired(self) -> bool {
        matches!(self, CodeKind::Emphasis | CodeKind::Strong | CodeKind::Link)
    }
}

/// An inline code and how its language's Markdown spells it (`**`, `[` … `](url)`, `` `x` ``).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineCode {
    pub id: String,
    pub kind: CodeKind,
    /// The Markdown before the marked text (a placeholder's whole spelling).
    pub start: String,
    /// The Markdown after the marked text (paired codes only).
    pub end: String,
    /// What the code reads as: a code span's text, a footnote's label.
    pub shown: String,
}

/// A segment's content: its pieces and the codes they use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Content {
    pub pieces: Vec<Piece>,
    pub codes: Vec<InlineCode>,
}

impl Content {
    pub fn code(&self, id: &str) -> Option<&InlineCode> {
        self.codes.iter().find(|c| c.id == id)
    }

    /// The text with whitespace normalised and codes as their ids: what the source of an XLIFF
    /// unit must still read as for its target to be imported.
    pub fn signature(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Open(id) => out.push_str(&format!(" \u{1}{id} ")),
                Piece::Close(id) => out.push_str(&format!(" \u{2}{id} ")),
                Piece::Placeholder(id) => out.push_str(&format!(" \u{3}{id} ")),
            }
        }
        crate::lock::normalise(&out)
    }

    /// Plain text, codes left out.
    pub fn text(&self) -> String {
        self.pieces.iter().filter_map(|p| if let Piece::Text(t) = p { Some(t.as_str()) } else { None }).collect()
    }
}

/// The content of a run of inlines, codes numbered from 1 in order, spelt as `text` spells them.
pub fn content(inlines: &[Inline], text: &str) -> Content {
    let mut content = Content::default();
    push_content(inlines, text, &mut content);
    content
}

fn push_text(content: &mut Content, text: &str) {
    if let Some(Piece::Text(last)) = content.pieces.last_mut() {
        last.push_str(text);
    } else if !text.is_empty() {
        content.pieces.push(Piece::Text(text.to_string()));
    }
}

fn push_content(inlines: &[Inline], text: &str, content: &mut Content) {
    let spelt = |span: &Span| text.get(span.range()).unwrap_or_default().to_string();
    for inline in inlines {
        let next_id = (content.codes.len() + 1).to_string();
        let (kind, children, shown) = match &inline.kind {
            InlineKind::Text(t) => {
                push_text(content, t);
                continue;
            }
            InlineKind::SoftBreak => {
                push_text(content, "\n");
                continue;
            }
            InlineKind::HardBreak => (CodeKind::HardBreak, None, String::new()),
            InlineKind::Code(code) => (CodeKind::Code, None, code.clone()),
            InlineKind::FootnoteRef(label) => (CodeKind::FootnoteRef, None, label.clone()),
            InlineKind::Emphasis(children) => (CodeKind::Emphasis, Some(children), String::new()),
            InlineKind::Strong(children) => (CodeKind::Strong, Some(children), String::new()),
            InlineKind::Link { target, children } => (CodeKind::Link, Some(children), target.clone()),
        };
        match children {
            None => {
                content.codes.push(InlineCode {
                    id: next_id.clone(),
                    kind,
                    start: spelt(&inline.span),
                    end: String::new(),
                    shown,
                });
                content.pieces.push(Piece::Placeholder(next_id));
            }
            Some(children) => {
                let range = content_range(children);
                let (start, end) = if children.is_empty() {
                    (spelt(&inline.span), String::new())
                } else {
                    (
                        text.get(inline.span.start..range.start).unwrap_or_default().to_string(),
                        text.get(range.end..inline.span.end).unwrap_or_default().to_string(),
                    )
                };
                content.codes.push(InlineCode { id: next_id.clone(), kind, start, end, shown });
                content.pieces.push(Piece::Open(next_id.clone()));
                push_content(children, text, content);
                content.pieces.push(Piece::Close(next_id));
            }
        }
    }
}

/// What makes a Japanese code the translation of an English one: its kind (English kinds
/// through the project's markup mappings), a footnote's label.
fn code_key(code: &InlineCode, map_kind: Option<&dyn Fn(MarkupKind) -> MarkupKind>) -> String {
    let markup = |kind| map_kind.map_or(kind, |map| map(kind));
    match code.kind {
        CodeKind::Emphasis => format!("{:?}", markup(MarkupKind::Emphasis)),
        CodeKind::Strong => format!("{:?}", markup(MarkupKind::Strong)),
        CodeKind::Link => "link".into(),
        CodeKind::Code => "code".into(),
        CodeKind::HardBreak => "break".into(),
        CodeKind::FootnoteRef => format!("footnote:{}", code.shown),
    }
}

/// The Japanese content with each code renamed to the id of the English code it translates, in
/// order of kind; a Japanese code without English counterpart gets an id of its own (`j1`…).
pub fn match_codes(source: &Content, mut target: Content, map_kind: &dyn Fn(MarkupKind) -> MarkupKind) -> Content {
    let mut free: Vec<(String, &str)> =
        source.codes.iter().map(|c| (code_key(c, Some(map_kind)), c.id.as_str())).collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut extra = 0;
    for code in &mut target.codes {
        let key = code_key(code, None);
        let id = match free.iter().position(|(k, _)| *k == key) {
            Some(i) => free.remove(i).1.to_string(),
            None => {
                extra += 1;
                format!("j{extra}")
            }
        };
        renamed.insert(code.id.clone(), id.clone());
        code.id = id;
    }
    for piece in &mut target.pieces {
        if let Piece::Open(id) | Piece::Close(id) | Piece::Placeholder(id) = piece
            && let Some(new) = renamed.get(id.as_str())
        {
            *id = new.clone();
        }
    }
    target
}
