//! The comparable text of a unit (heading, block, footnote block): a light Markdown spelling of
//! the model, so that wording and inline markup changes both show, while reflowed source lines
//! (a soft break moved) do not.

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
