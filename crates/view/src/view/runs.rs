//! Blocks and inline runs as the renderers print them. Decided here, once, for every output:
//! a soft break next to a Japanese character joins the lines (no space), any other soft break
//! is a [`Run::Space`], and in edition matter printed line for line it is a [`Run::Linebreak`];
//! footnote references carry their number, whether they print the note, and their ids.

use serde::Serialize;

use codepub_core::model::{Block, BlockKind, Inline, InlineKind, Lang, safe_link_target};
use codepub_core::script::is_japanese;

use super::note_refs::NoteRefs;

/// One block of one language.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum BlockView {
    Paragraph {
        inlines: Vec<Run>,
    },
    /// A paragraph printed line for line (edition matter): its soft breaks are line breaks.
    Lines {
        inlines: Vec<Run>,
    },
    /// `labelled`: every item opens with its own label (`一　`, `(i)`, `(1)`), as a statute's
    /// items do; such a list prints no marker of its own.
    List {
        ordered: bool,
        labelled: bool,
        items: Vec<Vec<Run>>,
    },
    Quote {
        blocks: Vec<BlockView>,
    },
    Code {
        text: String,
    },
    Rule,
}

/// An inline run.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Run {
    Text {
        text: String,
    },
    Code {
        text: String,
    },
    Emphasis {
        children: Vec<Run>,
    },
    Strong {
        children: Vec<Run>,
    },
    /// `target` is absent when the source's target was unsafe (see [`safe_link_target`]).
    Link {
        #[serde(skip_serializing_if = "Option::is_none")]
        target: Option<String>,
        children: Vec<Run>,
    },
    /// A footnote reference. `first`: the first reference to the note in reading order (in the
    /// facing-pages edition, in its language), the one whose page prints it. `id`/`href`: the reference's own id and its note's, for the web
    /// (absent inside a note, whose references are not linked).
    Footnote {
        label: String,
        number: usize,
        first: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        href: Option<String>,
    },
    /// A soft break that stays a word space.
    Space,
    Linebreak,
}

/// Turns source blocks of one language into printed blocks.
pub(super) struct Printer<'r> {
    pub lang: Lang,
    /// Edition matter: soft breaks are line breaks and paragraphs are [`BlockView::Lines`].
    pub lines: bool,
    /// Inside a footnote: references are numbered but neither print a note nor link.
    pub in_note: bool,
    pub refs: &'r mut NoteRefs,
}

impl Printer<'_> {
    pub fn block(&mut self, block: &Block) -> BlockView {
        match &block.kind {
            BlockKind::Paragraph(inlines) if self.lines => BlockView::Lines { inlines: self.runs(inlines) },
            BlockKind::Paragraph(inlines) => BlockView::Paragraph { inlines: self.runs(inlines) },
            BlockKind::List { ordered, items } => {
                let items: Vec<Vec<Run>> = items.iter().map(|item| self.runs(&item.inlines)).collect();
                let labelled = !*ordered && items.iter().all(|item| opens_with_label(&plain_text(item)));
                BlockView::List { ordered: *ordered, labelled, items }
            }
            BlockKind::Quote(blocks) => BlockView::Quote { blocks: blocks.iter().map(|b| self.block(b)).collect() },
            BlockKind::Code(text) => BlockView::Code { text: text.clone() },
            BlockKind::Rule => BlockView::Rule,
        }
    }

    pub fn runs(&mut self, inlines: &[Inline]) -> Vec<Run> {
        let mut out = Vec::with_capacity(inlines.len());
        for (i, inline) in inlines.iter().enumerate() {
            let run = match &inline.kind {
                InlineKind::Text(text) => Run::Text { text: text.clone() },
                InlineKind::Code(text) => Run::Code { text: text.clone() },
                InlineKind::Emphasis(children) => Run::Emphasis { children: self.runs(children) },
                InlineKind::Strong(children) => Run::Strong { children: self.runs(children) },
                InlineKind::Link { target, children } => Run::Link {
                    target: safe_link_target(target).then(|| target.clone()),
                    children: self.runs(children),
                },
                InlineKind::FootnoteRef(label) if self.in_note => Run::Footnote {
                    label: label.clone(),
                    number: self.refs.number(label),
                    first: false,
                    id: None,
                    href: None,
                },
                InlineKind::FootnoteRef(label) => {
                    let reference = self.refs.reference(self.lang, label);
                    Run::Footnote {
                        label: label.clone(),
                        number: reference.number,
                        first: reference.first,
                        id: Some(reference.id),
                        href: Some(reference.href),
                    }
                }
                InlineKind::SoftBreak if self.lines => Run::Linebreak,
                InlineKind::SoftBreak if joins(inlines, i) => continue,
                InlineKind::SoftBreak => Run::Space,
                InlineKind::HardBreak => Run::Linebreak,
            };
            out.push(run);
        }
        out
    }
}

/// Whether a list item's text opens with a label of its own: a kanji number followed by a space
/// (`一　`), or a number or letter in brackets (`(i) `, `（二）`, `(1) `, `1) `).
fn opens_with_label(text: &str) -> bool {
    let kanji = text.chars().take_while(|c| "一二三四五六七八九十百".contains(*c)).count();
    if kanji > 0 {
        return text.chars().nth(kanji).is_some_and(char::is_whitespace);
    }
    let inner = text.strip_prefix(['(', '（']).unwrap_or(text);
    let label: String = inner.chars().take_while(|c| c.is_alphanumeric()).collect();
    let is_label = |label: &str| {
        let count = label.chars().count();
        (1..=3).contains(&count) && label.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || count == 1
            || (1..=6).contains(&count) && label.chars().all(|c| "ivxlcIVXLC".contains(c))
            || label.chars().all(|c| "一二三四五六七八九十百".contains(c)) && count > 0
    };
    let rest: String = inner.chars().skip(label.chars().count()).take(2).collect();
    // A full-width bracket needs no space after it.
    is_label(&label)
        && (rest.starts_with('）') || rest.starts_with(')') && rest.chars().nth(1).is_some_and(char::is_whitespace))
}

/// Whether the soft break `inlines[i]` joins its lines: the character printed just before or
/// just after it is Japanese (a line break in Japanese text is no word space).
pub(crate) fn joins(inlines: &[Inline], i: usize) -> bool {
    let before = inlines[..i].iter().rev().find_map(|inline| edge(inline, Edge::Last));
    let after = inlines[i + 1..].iter().find_map(|inline| edge(inline, Edge::First));
    before.is_some_and(is_japanese) || after.is_some_and(is_japanese)
}

#[derive(Clone, Copy)]
enum Edge {
    First,
    Last,
}

/// The first or last character `inline` prints; `None` when it prints none (a footnote
/// reference's number is not text). A break counts as a space.
fn edge(inline: &Inline, which: Edge) -> Option<char> {
    match &inline.kind {
        InlineKind::Text(text) | InlineKind::Code(text) => match which {
            Edge::First => text.chars().next(),
            Edge::Last => text.chars().next_back(),
        },
        InlineKind::Emphasis(children) | InlineKind::Strong(children) | InlineKind::Link { children, .. } => {
            match which {
                Edge::First => children.iter().find_map(|c| edge(c, which)),
                Edge::Last => children.iter().rev().find_map(|c| edge(c, which)),
            }
        }
        InlineKind::FootnoteRef(_) => None,
        InlineKind::SoftBreak | InlineKind::HardBreak => Some(' '),
    }
}

/// The plain text of printed runs, as a reader sees it: spaces for [`Run::Space`], newlines for
/// line breaks, footnote numbers left out. What the renderers must print, block by block.
pub fn plain_text(runs: &[Run]) -> String {
    let mut out = String::new();
    push_text(runs, &mut out);
    out
}

fn push_text(runs: &[Run], out: &mut String) {
    for run in runs {
        match run {
            Run::Text { text } | Run::Code { text } => out.push_str(text),
            Run::Emphasis { children } | Run::Strong { children } | Run::Link { children, .. } => {
                push_text(children, out)
            }
            Run::Footnote { .. } => {}
            Run::Space => out.push(' '),
            Run::Linebreak => out.push('\n'),
        }
    }
}

impl BlockView {
    /// The block's text (see [`plain_text`]); list items and quoted blocks one per line.
    pub fn plain_text(&self) -> String {
        match self {
            BlockView::Paragraph { inlines } | BlockView::Lines { inlines } => plain_text(inlines),
            BlockView::List { items, .. } => items.iter().map(|item| plain_text(item)).collect::<Vec<_>>().join("\n"),
            BlockView::Quote { blocks } => blocks.iter().map(BlockView::plain_text).collect::<Vec<_>>().join("\n"),
            BlockView::Code { text } => text.clone(),
            BlockView::Rule => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codepub_core::source::Span;

    fn inline(kind: InlineKind) -> Inline {
        Inline { kind, span: Span::default() }
    }

    fn text(s: &str) -> Inline {
        inline(InlineKind::Text(s.to_string()))
    }

    fn printed(inlines: &[Inline]) -> String {
        let mut refs = NoteRefs::default();
        let mut printer = Printer { lang: Lang::Ja, lines: false, in_note: false, refs: &mut refs };
        plain_text(&printer.runs(inlines))
    }

    #[test]
    fn a_soft_break_next_to_a_japanese_character_joins_the_lines() {
        let soft = || inline(InlineKind::SoftBreak);
        let strong = inline(InlineKind::Strong(vec![text("地球")]));
        assert_eq!(printed(&[text("私たちは"), soft(), strong]), "私たちは地球");
        // Either side is enough: Latin next to Japanese takes no word space either.
        assert_eq!(printed(&[text("ISO"), soft(), text("会員")]), "ISO会員");
        assert_eq!(printed(&[text("規格"), soft(), text("ISO")]), "規格ISO");
        assert_eq!(printed(&[text("Council"), soft(), text("Resolution")]), "Council Resolution");
        // Beyond the basic plane: 𠮷 is a Japanese character too.
        assert_eq!(printed(&[text("𠮷"), soft(), text("野")]), "𠮷野");
    }

    #[test]
    fn a_footnote_number_is_not_a_neighbour_of_a_soft_break() {
        let note = inline(InlineKind::FootnoteRef("1".into()));
        assert_eq!(printed(&[text("規則"), note, inline(InlineKind::SoftBreak), text("ISO")]), "規則ISO");
    }

    #[test]
    fn edition_matter_keeps_its_lines() {
        let mut refs = NoteRefs::default();
        let mut printer = Printer { lang: Lang::Ja, lines: true, in_note: false, refs: &mut refs };
        let runs = printer.runs(&[text("私たち"), inline(InlineKind::SoftBreak), text("地球")]);
        assert_eq!(plain_text(&runs), "私たち\n地球");
    }

    #[test]
    fn statute_item_labels_are_recognised() {
        for labelled in
            ["一　国会を召集すること。", "十二 x", "(i) the Diet", "（二）国会", "(1) one", "1) one", "a) x"]
        {
            assert!(opens_with_label(labelled), "{labelled}");
        }
        for plain in ["一国会", "Promulgation of laws", "(note) x", "", "(i)x", "国会"] {
            assert!(!opens_with_label(plain), "{plain}");
        }
    }

    #[test]
    fn only_web_mail_and_relative_links_are_safe() {
        for ok in ["https://www.iso.org", "http://x", "mailto:a@b", "#principle-3", "page.html", "a/b:c"] {
            assert!(safe_link_target(ok), "{ok}");
        }
        for bad in ["javascript:alert(1)", " JavaScript:x", "data:text/html,x", "file:///etc/passwd", "vbscript:x"] {
            assert!(!safe_link_target(bad), "{bad}");
        }
    }
}
