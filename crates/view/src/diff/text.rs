//! The comparable text of a unit (heading, block, footnote block), in two forms:
//!
//! - [`heading_text`] and [`block_text`]: a light Markdown spelling of the model, so that wording
//!   and inline markup changes both show in the terminal and JSON diffs, while reflowed source
//!   lines (a soft break moved) do not;
//! - [`heading_runs`] and [`block_runs`]: the same unit as it reads, runs of text each with its
//!   [`Style`] (emphasis, strong, code, link target, footnote reference), which the redline diffs
//!   and prints as the editions do: bold as bold, a link as its text, never Markdown source. A
//!   soft break next to a Japanese character joins the lines, as in the editions; list items
//!   open with `• ` (or `1. `) and end with a line break.

use serde::Serialize;

use codepub_core::model::{Block, BlockKind, Inline, InlineKind};

/// Text of a heading's inline runs.
pub fn heading_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_inlines(inlines, false, &mut out);
    out
}

/// Text of a block. In `lines` mode (edition matter, printed line for line) a soft break is a
/// line break; otherwise it is a space.
pub fn block_text(block: &Block, lines: bool) -> String {
    let mut out = String::new();
    push_block(block, lines, &mut out);
    out
}

fn push_block(block: &Block, lines: bool, out: &mut String) {
    match &block.kind {
        BlockKind::Paragraph(inlines) => push_inlines(inlines, lines, out),
        BlockKind::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                if *ordered {
                    out.push_str(&format!("{}. ", i + 1));
                } else {
                    out.push_str("- ");
                }
                push_inlines(&item.inlines, lines, out);
            }
        }
        BlockKind::Quote(blocks) => {
            for (i, inner) in blocks.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str("> ");
                push_block(inner, lines, out);
            }
        }
        BlockKind::Code(code) => out.push_str(code.trim_end_matches('\n')),
        BlockKind::Rule => out.push_str("---"),
    }
}

fn push_inlines(inlines: &[Inline], lines: bool, out: &mut String) {
    for inline in inlines {
        match &inline.kind {
            InlineKind::Text(text) => out.push_str(text),
            InlineKind::Code(text) => {
                out.push('`');
                out.push_str(text);
                out.push('`');
            }
            InlineKind::Emphasis(children) => {
                out.push('*');
                push_inlines(children, lines, out);
                out.push('*');
            }
            InlineKind::Strong(children) => {
                out.push_str("**");
                push_inlines(children, lines, out);
                out.push_str("**");
            }
            InlineKind::Link { target, children } => {
                out.push('[');
                push_inlines(children, lines, out);
                out.push_str("](");
                out.push_str(target);
                out.push(')');
            }
            InlineKind::FootnoteRef(label) => {
                out.push_str("[^");
                out.push_str(label);
                out.push(']');
            }
            InlineKind::SoftBreak if lines => out.push('\n'),
            InlineKind::SoftBreak => out.push(' '),
            InlineKind::HardBreak => out.push('\n'),
        }
    }
}

/// How a run of text is set: what the redline prints it as. Part of a word's identity in the
/// redline's diff, so text turned bold, or a link given another target, shows as changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Style {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    /// A footnote reference: the run's text is its label.
    pub note: bool,
    /// The target of the link the run is in, as written (any scheme: see
    /// [`super::redline::RedlineSegment::href`] for the one printed).
    pub link: Option<String>,
}

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StyledRun {
    pub text: String,
    pub style: Style,
}

/// The runs of a heading.
pub fn heading_runs(inlines: &[Inline]) -> Vec<StyledRun> {
    let mut flat = Flattener::default();
    flat.inlines(inlines, &Style::default(), false);
    flat.finish()
}

/// The runs of a block; `lines` as for [`block_text`].
pub fn block_runs(block: &Block, lines: bool) -> Vec<StyledRun> {
    let mut flat = Flattener::default();
    flat.block(block, lines);
    flat.finish()
}

/// The text of runs, without their styles.
pub fn plain(runs: &[StyledRun]) -> String {
    runs.iter().map(|run| run.text.as_str()).collect()
}

#[derive(Default)]
struct Flattener {
    runs: Vec<StyledRun>,
}

impl Flattener {
    fn push(&mut self, text: &str, style: &Style) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.runs.last_mut()
            && last.style == *style
        {
            last.text.push_str(text);
            return;
        }
        self.runs.push(StyledRun { text: text.to_string(), style: style.clone() });
    }

    fn block(&mut self, block: &Block, lines: bool) {
        let plain = Style::default();
        match &block.kind {
            BlockKind::Paragraph(inlines) => self.inlines(inlines, &plain, lines),
            BlockKind::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.push("\n", &plain);
                    }
                    let marker = if *ordered { format!("{}. ", i + 1) } else { "• ".to_string() };
                    self.push(&marker, &plain);
                    self.inlines(&item.inlines, &plain, lines);
                }
            }
            BlockKind::Quote(blocks) => {
                for (i, inner) in blocks.iter().enumerate() {
                    if i > 0 {
                        self.push("\n", &plain);
                    }
                    self.block(inner, lines);
                }
            }
            BlockKind::Code(code) => self.push(code.trim_end_matches('\n'), &Style { code: true, ..Style::default() }),
            BlockKind::Rule => self.push("———", &plain),
        }
    }

    fn inlines(&mut self, inlines: &[Inline], style: &Style, lines: bool) {
        for (i, inline) in inlines.iter().enumerate() {
            match &inline.kind {
                InlineKind::Text(text) => self.push(text, style),
                InlineKind::Code(text) => self.push(text, &Style { code: true, ..style.clone() }),
                InlineKind::Emphasis(children) => {
                    self.inlines(children, &Style { emphasis: true, ..style.clone() }, lines);
                }
                InlineKind::Strong(children) => self.inlines(children, &Style { strong: true, ..style.clone() }, lines),
                InlineKind::Link { target, children } => {
                    self.inlines(children, &Style { link: Some(target.clone()), ..style.clone() }, lines);
                }
                InlineKind::FootnoteRef(label) => self.push(label, &Style { note: true, ..style.clone() }),
                InlineKind::SoftBreak if lines => self.push("\n", style),
                // As the editions print it: no word space where Japanese is next to the break.
                InlineKind::SoftBreak if crate::view::runs::joins(inlines, i) => {}
                InlineKind::SoftBreak => self.push(" ", &Style::default()),
                InlineKind::HardBreak => self.push("\n", style),
            }
        }
    }

    fn finish(self) -> Vec<StyledRun> {
        self.runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codepub_core::model::{Inline, ListItem};
    use codepub_core::source::Span;

    fn inline(kind: InlineKind) -> Inline {
        Inline { kind, span: Span::default() }
    }

    fn text(t: &str) -> Inline {
        inline(InlineKind::Text(t.to_string()))
    }

    #[test]
    fn runs_carry_strong_and_link_without_markdown() {
        let inlines = [
            inline(InlineKind::Strong(vec![text("Community Impact")])),
            text(": see "),
            inline(InlineKind::Link { target: "https://www.iso.org".into(), children: vec![text("iso.org")] }),
        ];
        let runs = heading_runs(&inlines);
        assert_eq!(plain(&runs), "Community Impact: see iso.org");
        assert!(runs[0].style.strong);
        assert_eq!(runs[2].style.link.as_deref(), Some("https://www.iso.org"));
        assert_eq!(heading_text(&inlines), "**Community Impact**: see [iso.org](https://www.iso.org)");
    }

    #[test]
    fn list_items_open_with_a_bullet_and_keep_their_styles() {
        let item = |inlines: Vec<Inline>| ListItem { inlines, span: Span::default() };
        let list = Block {
            kind: BlockKind::List {
                ordered: false,
                items: vec![
                    item(vec![inline(InlineKind::Strong(vec![text("Community Impact")])), text(": a warning")]),
                    item(vec![text("a ban")]),
                ],
            },
            span: Span::default(),
        };
        let runs = block_runs(&list, false);
        assert_eq!(plain(&runs), "• Community Impact: a warning\n• a ban");
        assert!(runs.iter().any(|r| r.text == "Community Impact" && r.style.strong));
        assert_eq!(block_text(&list, false), "- **Community Impact**: a warning\n- a ban");
    }

    #[test]
    fn a_soft_break_next_to_japanese_joins_the_lines() {
        let inlines = [
            text("私たちは"),
            inline(InlineKind::SoftBreak),
            text("行動します。 We"),
            inline(InlineKind::SoftBreak),
            text("act"),
        ];
        assert_eq!(plain(&heading_runs(&inlines)), "私たちは行動します。 We act");
    }
}
