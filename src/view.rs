//! What renderers see: one edition (bilingual, English or Japanese) of the document as plain,
//! serialisable data: sections of paired rows, inline runs, numbered footnotes, edition metadata.
//! Renderers (Typst, HTML) take this as data; they never see Markdown.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::align::Alignment;
use crate::config::Edition;
use crate::load::Project;
use crate::model::{Block, BlockKind, Clause, ClauseKind, Inline, InlineKind, Lang};

/// Which edition to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum EditionKind {
    Bilingual,
    En,
    Ja,
}

impl EditionKind {
    pub const ALL: [EditionKind; 3] = [EditionKind::Bilingual, EditionKind::En, EditionKind::Ja];

    /// Languages printed, left column first.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            EditionKind::Bilingual => &[Lang::En, Lang::Ja],
            EditionKind::En => &[Lang::En],
            EditionKind::Ja => &[Lang::Ja],
        }
    }

    /// Whose edition matter (back cover) is printed: the Japanese edition's for the Japanese and
    /// bilingual editions, the English edition's for the English one.
    pub fn colophon_lang(self) -> Lang {
        match self {
            EditionKind::En => Lang::En,
            EditionKind::Bilingual | EditionKind::Ja => Lang::Ja,
        }
    }

    /// File stem of the edition's outputs: the project's slug and the edition (`code-bilingual`).
    pub fn file_stem(self, slug: &str) -> String {
        format!("{slug}-{}", self.name())
    }

    pub fn name(self) -> &'static str {
        match self {
            EditionKind::Bilingual => "bilingual",
            EditionKind::En => "en",
            EditionKind::Ja => "ja",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct EditionView<'p> {
    pub edition: EditionKind,
    pub langs: &'static [Lang],
    pub meta: &'p Edition,
    pub sections: Vec<SectionView>,
    /// Footnotes by label, numbered in order of first reference.
    pub footnotes: BTreeMap<String, FootnoteView>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: String,
    pub kind: ClauseKind,
    /// Heading level (1 for the title), 0 for a headless section.
    pub level: u8,
    pub heading: Sides<Vec<InlineView>>,
    pub rows: Vec<RowView>,
}

/// One value per language; a side the edition does not print is absent.
#[derive(Debug, Serialize)]
pub struct Sides<T> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ja: Option<T>,
}

impl<T> Sides<T> {
    fn from_fn(langs: &[Lang], mut f: impl FnMut(Lang) -> Option<T>) -> Self {
        let mut sides = Sides { en: None, ja: None };
        for &lang in langs {
            match lang {
                Lang::En => sides.en = f(lang),
                Lang::Ja => sides.ja = f(lang),
            }
        }
        sides
    }
}

#[derive(Debug, Serialize)]
pub struct RowView {
    pub address: String,
    #[serde(flatten)]
    pub sides: Sides<BlockView>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum BlockView {
    Paragraph {
        inlines: Vec<InlineView>,
    },
    /// A paragraph printed line for line (edition matter): soft breaks are line breaks.
    Lines {
        inlines: Vec<InlineView>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<InlineView>>,
    },
    Quote {
        blocks: Vec<BlockView>,
    },
    Code {
        text: String,
    },
    Rule,
}

#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum InlineView {
    Text {
        text: String,
    },
    Code {
        text: String,
    },
    Emphasis {
        children: Vec<InlineView>,
    },
    Strong {
        children: Vec<InlineView>,
    },
    /// `target` is absent when the source's target was unsafe (see [`safe_link_target`]).
    Link {
        #[serde(skip_serializing_if = "Option::is_none")]
        target: Option<String>,
        children: Vec<InlineView>,
    },
    Footnote {
        label: String,
        number: usize,
    },
    Softbreak,
    Linebreak,
}

#[derive(Debug, Serialize)]
pub struct FootnoteView {
    pub number: usize,
    #[serde(flatten)]
    pub sides: Sides<Vec<BlockView>>,
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

/// Builds the view of `edition` from a loaded project.
pub fn edition_view(project: &Project, edition: EditionKind) -> EditionView<'_> {
    let alignment = project.alignment();
    build(project, &alignment, edition)
}

fn build<'p>(project: &'p Project, alignment: &Alignment<'_>, edition: EditionKind) -> EditionView<'p> {
    let langs = edition.langs();
    let mut numbers = FootnoteNumbers::default();
    let mut sections = Vec::new();
    for pair in &alignment.clauses {
        let kind = if pair.is_colophon() { ClauseKind::Colophon } else { ClauseKind::Body };
        let colophon_lang = [edition.colophon_lang()];
        let printed: &[Lang] = match kind {
            ClauseKind::Colophon => &colophon_lang,
            ClauseKind::Body => langs,
        };
        if printed.iter().all(|&lang| pair.side(lang).is_none()) {
            continue;
        }
        let level = [pair.en, pair.ja].into_iter().flatten().find_map(|c| c.heading.as_ref()).map_or(0, |h| h.level);
        let heading = Sides::from_fn(printed, |lang| {
            let heading = pair.side(lang)?.heading.as_ref()?;
            Some(inlines(&heading.inlines, &mut numbers))
        });
        let rows = match kind {
            ClauseKind::Body => pair
                .blocks
                .iter()
                .map(|row| RowView {
                    address: row.address.clone(),
                    sides: Sides::from_fn(printed, |lang| Some(block(row.side(lang)?, false, &mut numbers))),
                })
                .collect(),
            ClauseKind::Colophon => {
                let lang = printed[0];
                let clause: Option<&Clause> = pair.side(lang);
                clause
                    .map(|c| c.blocks.as_slice())
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .map(|(i, b)| RowView {
                        address: crate::align::block_address(&pair.id.0, i),
                        sides: Sides::from_fn(printed, |_| Some(block(b, true, &mut numbers))),
                    })
                    .collect()
            }
        };
        sections.push(SectionView { id: pair.id.0.clone(), kind, level, heading, rows });
    }

    let footnotes = alignment
        .footnotes
        .iter()
        .filter_map(|pair| {
            let number = numbers.get(pair.label)?;
            let sides = Sides::from_fn(langs, |lang| {
                let footnote = match lang {
                    Lang::En => pair.en?,
                    Lang::Ja => pair.ja?,
                };
                Some(footnote.blocks.iter().map(|b| block(b, false, &mut FootnoteNumbers::default())).collect())
            });
            Some((pair.label.to_string(), FootnoteView { number, sides }))
        })
        .collect();

    EditionView { edition, langs, meta: &project.config.edition, sections, footnotes }
}

/// Footnote numbers in order of first reference, shared by both languages.
#[derive(Default)]
struct FootnoteNumbers {
    labels: Vec<String>,
}

impl FootnoteNumbers {
    fn number(&mut self, label: &str) -> usize {
        match self.labels.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.labels.push(label.to_string());
                self.labels.len()
            }
        }
    }

    fn get(&self, label: &str) -> Option<usize> {
        self.labels.iter().position(|l| l == label).map(|i| i + 1)
    }
}

fn block(block: &Block, lines: bool, numbers: &mut FootnoteNumbers) -> BlockView {
    match &block.kind {
        BlockKind::Paragraph(runs) if lines => BlockView::Lines { inlines: inlines(runs, numbers) },
        BlockKind::Paragraph(runs) => BlockView::Paragraph { inlines: inlines(runs, numbers) },
        BlockKind::List { ordered, items } => BlockView::List {
            ordered: *ordered,
            items: items.iter().map(|item| inlines(&item.inlines, numbers)).collect(),
        },
        BlockKind::Quote(blocks) => {
            BlockView::Quote { blocks: blocks.iter().map(|b| self::block(b, lines, numbers)).collect() }
        }
        BlockKind::Code(text) => BlockView::Code { text: text.clone() },
        BlockKind::Rule => BlockView::Rule,
    }
}

fn inlines(runs: &[Inline], numbers: &mut FootnoteNumbers) -> Vec<InlineView> {
    runs.iter()
        .map(|inline| match &inline.kind {
            InlineKind::Text(text) => InlineView::Text { text: text.clone() },
            InlineKind::Code(text) => InlineView::Code { text: text.clone() },
            InlineKind::Emphasis(children) => InlineView::Emphasis { children: inlines(children, numbers) },
            InlineKind::Strong(children) => InlineView::Strong { children: inlines(children, numbers) },
            InlineKind::Link { target, children } => InlineView::Link {
                target: safe_link_target(target).then(|| target.clone()),
                children: inlines(children, numbers),
            },
            InlineKind::FootnoteRef(label) => {
                InlineView::Footnote { label: label.clone(), number: numbers.number(label) }
            }
            InlineKind::SoftBreak => InlineView::Softbreak,
            InlineKind::HardBreak => InlineView::Linebreak,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
