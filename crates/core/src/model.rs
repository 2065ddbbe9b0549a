//! The bilingual document model: a [`Document`] per language, made of [`Clause`]s that hold
//! [`Block`]s of [`Inline`]s. Every node keeps the [`Span`] it was read from.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::source::Span;

/// The two languages of a codepub project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    pub const BOTH: [Lang; 2] = [Lang::En, Lang::Ja];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "ja" => Some(Lang::Ja),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A clause's stable id, the same in both languages (`principle-3`, `back-cover`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClauseId(pub String);

impl ClauseId {
    /// The clause as the owner of its blocks' addresses.
    pub fn owner(&self) -> crate::address::Owner {
        crate::address::Owner::Clause(self.0.clone())
    }
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a clause is to the edition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClauseKind {
    /// Translated text: its paragraphs pair one to one with the other language's.
    #[default]
    Body,
    /// Edition matter (a back cover): paired by id, but each language prints its own edition's
    /// version, line for line, so its paragraphs are not aligned.
    Colophon,
}

/// One language's text of the publication.
#[derive(Debug)]
pub struct Document {
    pub lang: Lang,
    pub clauses: Vec<Clause>,
    pub footnotes: Vec<Footnote>,
}

impl Document {
    pub fn clause(&self, id: &ClauseId) -> Option<&Clause> {
        self.clauses.iter().find(|c| &c.id == id)
    }

    pub fn footnote(&self, label: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.label == label)
    }

    /// Every paragraph-like block, in order, with the clause that holds it.
    pub fn blocks(&self) -> impl Iterator<Item = (&Clause, &Block)> {
        self.clauses.iter().flat_map(|c| c.blocks.iter().map(move |b| (c, b)))
    }
}

/// A heading and the blocks up to the next heading (or a headless front-matter clause).
#[derive(Debug)]
pub struct Clause {
    pub id: ClauseId,
    pub kind: ClauseKind,
    /// `None` for clauses declared by front matter (a back cover has no heading).
    pub heading: Option<Heading>,
    pub blocks: Vec<Block>,
    /// Where the clause is declared: its heading or its front matter.
    pub span: Span,
}

#[derive(Debug)]
pub struct Heading {
    pub level: u8,
    pub inlines: Vec<Inline>,
    pub span: Span,
}

/// A footnote definition (`[^1]: …`).
#[derive(Debug)]
pub struct Footnote {
    pub label: String,
    pub blocks: Vec<Block>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum BlockKind {
    Paragraph(Vec<Inline>),
    List { ordered: bool, items: Vec<ListItem> },
    Quote(Vec<Block>),
    Code(String),
    Rule,
}

#[derive(Clone, Debug)]
pub struct ListItem {
    pub inlines: Vec<Inline>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Inline {
    pub kind: InlineKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum InlineKind {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link { target: String, children: Vec<Inline> },
    FootnoteRef(String),
    SoftBreak,
    HardBreak,
}

/// Kinds of inline markup that parity checks compare between languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkupKind {
    Emphasis,
    Strong,
    Link,
    Code,
}

impl Block {
    /// The block's inline runs: a paragraph's, or each list item's in turn.
    pub fn inline_groups(&self) -> Vec<&[Inline]> {
        match &self.kind {
            BlockKind::Paragraph(inlines) => vec![inlines.as_slice()],
            BlockKind::List { items, .. } => items.iter().map(|i| i.inlines.as_slice()).collect(),
            BlockKind::Quote(blocks) => blocks.iter().flat_map(|b| b.inline_groups()).collect(),
            BlockKind::Code(_) | BlockKind::Rule => Vec::new(),
        }
    }

    /// Plain text: soft breaks become spaces, footnote references become `[^label]`, list items
    /// are joined by newlines.
    pub fn plain_text(&self) -> String {
        match &self.kind {
            BlockKind::Code(code) => code.clone(),
            _ => {
                let mut out = String::new();
                for (i, group) in self.inline_groups().into_iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    push_plain_text(group, &mut out);
                }
                out
            }
        }
    }

    pub fn item_count(&self) -> usize {
        match &self.kind {
            BlockKind::List { items, .. } => items.len(),
            _ => 0,
        }
    }

    /// A short name for the block's kind, used in messages (`paragraph`, `list`).
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            BlockKind::Paragraph(_) => "paragraph",
            BlockKind::List { .. } => "list",
            BlockKind::Quote(_) => "quote",
            BlockKind::Code(_) => "code",
            BlockKind::Rule => "rule",
        }
    }
}

/// Plain text of inline runs (see [`Block::plain_text`]).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

/// The plain text of an inline that holds no others (text, code, a line break as a space), as
/// [`plain_text`] spells it, without allocating; `None` for one that does (emphasis, a link) and
/// for a footnote reference.
pub fn leaf_text(inline: &Inline) -> Option<&str> {
    match &inline.kind {
        InlineKind::Text(text) | InlineKind::Code(text) => Some(text),
        InlineKind::SoftBreak | InlineKind::HardBreak => Some(" "),
        InlineKind::Emphasis(_) | InlineKind::Strong(_) | InlineKind::Link { .. } | InlineKind::FootnoteRef(_) => None,
    }
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match &inline.kind {
            InlineKind::Text(text) | InlineKind::Code(text) => out.push_str(text),
            InlineKind::Emphasis(children) | InlineKind::Strong(children) => push_plain_text(children, out),
            InlineKind::Link { children, .. } => push_plain_text(children, out),
            InlineKind::FootnoteRef(label) => {
                out.push_str("[^");
                out.push_str(label);
                out.push(']');
            }
            InlineKind::SoftBreak | InlineKind::HardBreak => out.push(' '),
        }
    }
}

/// Calls `visit` on every inline of `inlines`, depth first.
pub fn walk_inlines<'a>(inlines: &'a [Inline], visit: &mut dyn FnMut(&'a Inline)) {
    for inline in inlines {
        visit(inline);
        match &inline.kind {
            InlineKind::Emphasis(children) | InlineKind::Strong(children) | InlineKind::Link { children, .. } => {
                walk_inlines(children, visit)
            }
            _ => {}
        }
    }
}
/// Whether a link target may be followed: http(s), mailto, or a relative reference.
pub fn safe_link_target(target: &str) -> bool {
    let lower = target.trim().to_ascii_lowercase();
    match lower.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &lower[..colon];
            // A colon after a path separator or fragment belongs to a relative reference.
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            matches!(scheme, "http" | "https" | "mailto")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_of_a_leaf_inline_is_its_plain_text_and_a_container_has_none() {
        let inline = |kind| Inline { kind, span: Span::default() };
        let text = inline(InlineKind::Text("ISO 9001".into()));
        for leaf in [text.clone(), inline(InlineKind::Code("a < b".into())), inline(InlineKind::SoftBreak)] {
            assert_eq!(leaf_text(&leaf), Some(plain_text(std::slice::from_ref(&leaf)).as_str()));
        }
        for container in [
            inline(InlineKind::Strong(vec![text.clone()])),
            inline(InlineKind::Emphasis(vec![text.clone()])),
            inline(InlineKind::FootnoteRef("1".into())),
        ] {
            assert_eq!(leaf_text(&container), None);
        }
    }
}
