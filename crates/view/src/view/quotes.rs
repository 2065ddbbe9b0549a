//! Typographic quotes in the render model (`smart_quotes = true` under `[edition]`): every
//! printed paragraph, list item, heading, note paragraph and back-cover line of the English
//! curled as one sequence of runs by [`codepub_core::quotes`], and the edition's title, so that
//! every renderer prints the same characters and decides nothing. Code spans are context, never changed; a link's
//! target is not text and is never touched; Japanese is left as typed.

use codepub_core::model::Lang;
use codepub_core::pair::Pair;
use codepub_core::quotes::{Piece, curl};

use super::{BlockView, EditionModel, Row, Run, TocEntry};

impl EditionModel<'_> {
    /// Curls the quotes of every text the edition prints, each in its own language.
    pub(super) fn curl_quotes(&mut self) {
        for lang in [Lang::En, Lang::Ja] {
            curl(&mut [Piece::Text(self.titles.get_mut(lang))], lang);
        }
        if let Some(title) = &mut self.title_page {
            heading(&mut title.heading);
            rows(&mut title.lines);
        }
        for section in &mut self.sections {
            heading(&mut section.heading);
            rows(&mut section.rows);
        }
        toc(&mut self.toc);
        for cover in &mut self.covers {
            for line in &mut cover.lines {
                block(&mut line.block, line.lang);
            }
        }
        for note in &mut self.notes {
            for (lang, side) in [(Lang::En, &mut note.sides.en), (Lang::Ja, &mut note.sides.ja)] {
                for view in side.iter_mut().flat_map(|side| side.blocks.iter_mut()) {
                    block(view, lang);
                }
            }
        }
    }
}

fn heading(heading: &mut Pair<Option<Vec<Run>>>) {
    for (lang, runs) in [(Lang::En, &mut heading.en), (Lang::Ja, &mut heading.ja)] {
        if let Some(runs) = runs {
            paragraph(runs, lang);
        }
    }
}

fn toc(entries: &mut [TocEntry]) {
    for entry in entries {
        heading(&mut entry.heading);
        toc(&mut entry.children);
    }
}

fn rows(rows: &mut [Row]) {
    for row in rows {
        for (lang, cell) in [(Lang::En, &mut row.cells.en), (Lang::Ja, &mut row.cells.ja)] {
            if let Some(view) = cell {
                block(view, lang);
            }
        }
    }
}

fn block(view: &mut BlockView, lang: Lang) {
    match view {
        BlockView::Paragraph { inlines } | BlockView::Lines { inlines } => paragraph(inlines, lang),
        BlockView::List { items, .. } => items.iter_mut().for_each(|item| paragraph(item, lang)),
        BlockView::Quote { blocks } => blocks.iter_mut().for_each(|view| block(view, lang)),
        BlockView::Code { .. } | BlockView::Rule => {}
    }
}

/// One paragraph's runs, curled as one sequence.
fn paragraph(runs: &mut [Run], lang: Lang) {
    let mut pieces = Vec::new();
    pieces_of(runs, &mut pieces);
    curl(&mut pieces, lang);
}

fn pieces_of<'r>(runs: &'r mut [Run], pieces: &mut Vec<Piece<'r>>) {
    for run in runs {
        match run {
            Run::Text { text } => pieces.push(Piece::Text(text)),
            Run::Code { text } => pieces.push(Piece::Verbatim(text)),
            Run::Emphasis { children } | Run::Strong { children } | Run::Link { children, .. } => {
                pieces_of(children, pieces)
            }
            Run::Footnote { .. } => pieces.push(Piece::Mark),
            Run::Space | Run::Linebreak => pieces.push(Piece::Space),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Run {
        Run::Text { text: s.to_string() }
    }

    #[test]
    fn a_quote_around_bold_words_is_decided_with_its_neighbours_and_code_is_kept() {
        let mut runs = vec![
            text("\""),
            Run::Strong { children: vec![text("the Association")] },
            text("\" and "),
            Run::Link { target: Some("https://x.org/it's".into()), children: vec![text("Residents'")] },
            Run::Space,
            Run::Code { text: "'a'".into() },
        ];
        paragraph(&mut runs, Lang::En);
        assert_eq!(super::super::plain_text(&runs), "“the Association” and Residents’ 'a'");
        let Run::Link { target, .. } = &runs[3] else { panic!("a link") };
        assert_eq!(target.as_deref(), Some("https://x.org/it's"));
    }
}
