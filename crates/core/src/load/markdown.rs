//! Parses one Markdown source file into clauses and footnotes with pulldown-cmark, keeping the
//! span of every block and inline. Raw HTML is kept as literal text: sources are data, never markup.
//! The model holds normalised text ([`crate::nfc`]): a file not in NFC is parsed as it is on
//! disk, so the spans stay its own, and every text of the model is then normalised.

use std::iter::Peekable;
use std::ops::Range;

use pulldown_cmark::{Event, MetadataBlockKind, OffsetIter, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::error::InputError;
use crate::location::Location;
use crate::model::{Block, BlockKind, Clause, ClauseId, ClauseKind, Footnote, Heading, Inline, InlineKind, ListItem};
use crate::source::{FileId, SourceMap, Span};

/// How a clause got its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOrigin {
    /// `{#id}` on the heading.
    Heading,
    /// `clause = "…"` in the file's `+++` front matter.
    FrontMatter,
    /// The heading has no `{#id}`; the loader made one up from its line.
    Missing,
}

/// What one file contributes to its language's document.
#[derive(Debug, Default)]
pub struct ParsedFile {
    pub clauses: Vec<(Clause, IdOrigin)>,
    pub footnotes: Vec<Footnote>,
}

/// Front matter of a headless clause: `+++ clause = "back-cover" kind = "colophon" +++`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    /// Spanned, so findings about the clause point at its key.
    clause: toml::Spanned<String>,
    #[serde(default)]
    kind: ClauseKind,
}

pub fn options() -> Options {
    Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
}

/// How deep block quotes, lists and inline markup (emphasis, strong emphasis, strikethrough,
/// links, images) may nest inside one another, counted together: `> - *a*` is three levels.
/// Everything after loading walks the model recursively at most this deep plus a few levels
/// (lists are flattened into their items, so only quotes and inline markup nest in the model):
/// the loader itself, `model::walk_inlines`, the checks' text walks, the view, the PDF data and
/// HTML context, the diff's text, and the Typst templates, which stop at 15 nested block quotes
/// ("maximum show rule depth exceeded") and at JSON nesting 128; `tests/limits.rs` builds a
/// project nested exactly this deep.
pub const MAX_NESTING: usize = 12;

/// Whether `tag` opens a nesting level counted against [`MAX_NESTING`].
fn nests(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

/// Refuses a file nesting deeper than [`MAX_NESTING`], at the element that goes over. One pass
/// over the parser's events with a counter: nothing here recurses, however deep the input.
fn check_nesting(sources: &SourceMap, file: FileId) -> Result<(), InputError> {
    let text = &sources.get(file).text;
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let counted = nests(&tag);
                open.push(counted);
                if counted {
                    depth += 1;
                    if depth > MAX_NESTING {
                        let (line, column) = sources.get(file).line_column(range.start);
                        let at = Location { path: sources.name(file).to_string(), line, column };
                        return Err(InputError::NestingTooDeep { at, limit: MAX_NESTING });
                    }
                }
            }
            Event::End(_) if open.pop() == Some(true) => depth -= 1,
            _ => {}
        }
    }
    Ok(())
}

/// Parses file `file` of `sources`, its text normalised (see [`crate::nfc`]). Blocks larger than
/// `max_block_bytes` and markup nested deeper than [`MAX_NESTING`] are refused.
pub fn parse(sources: &SourceMap, file: FileId, max_block_bytes: usize) -> Result<ParsedFile, InputError> {
    check_nesting(sources, file)?;
    let text = &sources.get(file).text;
    let mut parser = FileParser {
        sources,
        file,
        max_block_bytes,
        events: Parser::new_ext(text, options()).into_offset_iter().peekable(),
    };
    let mut parsed = parser.parse_file()?;
    if !sources.get(file).is_normalized() {
        parsed.normalize();
    }
    Ok(parsed)
}

impl ParsedFile {
    /// Normalises every text of the model: ids, labels, inline text, code, link targets.
    fn normalize(&mut self) {
        use crate::nfc::normalize_in_place;
        for (clause, _) in &mut self.clauses {
            normalize_in_place(&mut clause.id.0);
            if let Some(heading) = &mut clause.heading {
                normalize_inlines(&mut heading.inlines);
            }
            clause.blocks.iter_mut().for_each(normalize_block);
        }
        for footnote in &mut self.footnotes {
            normalize_in_place(&mut footnote.label);
            footnote.blocks.iter_mut().for_each(normalize_block);
        }
    }
}

fn normalize_block(block: &mut Block) {
    match &mut block.kind {
        BlockKind::Paragraph(inlines) => normalize_inlines(inlines),
        BlockKind::List { items, .. } => items.iter_mut().for_each(|item| normalize_inlines(&mut item.inlines)),
        BlockKind::Quote(blocks) => blocks.iter_mut().for_each(normalize_block),
        BlockKind::Code(text) => crate::nfc::normalize_in_place(text),
        BlockKind::Rule => {}
    }
}

fn normalize_inlines(inlines: &mut [Inline]) {
    for inline in inlines {
        match &mut inline.kind {
            InlineKind::Text(text) | InlineKind::Code(text) | InlineKind::FootnoteRef(text) => {
                crate::nfc::normalize_in_place(text)
            }
            InlineKind::Emphasis(children) | InlineKind::Strong(children) => normalize_inlines(children),
            InlineKind::Link { target, children } => {
                crate::nfc::normalize_in_place(target);
                normalize_inlines(children);
            }
            InlineKind::SoftBreak | InlineKind::HardBreak => {}
        }
    }
}

struct FileParser<'s> {
    sources: &'s SourceMap,
    file: FileId,
    max_block_bytes: usize,
    events: Peekable<OffsetIter<'s, pulldown_cmark::DefaultBrokenLinkCallback>>,
}

impl<'s> FileParser<'s> {
    fn span(&self, range: Range<usize>) -> Span {
        self.sources.span(self.file, range)
    }

    /// The span of a block or heading, without the line ends the parser includes.
    fn block_span(&self, range: Range<usize>) -> Span {
        let text = &self.sources.get(self.file).text;
        let trimmed = text.get(range.clone()).map_or(0, |t| t.len() - t.trim_end().len());
        self.span(range.start..(range.end - trimmed).max(range.start))
    }

    fn location(&self, offset: usize) -> Location {
        let (line, column) = self.sources.get(self.file).line_column(offset);
        Location { path: self.sources.name(self.file).to_string(), line, column }
    }

    fn parse_file(&mut self) -> Result<ParsedFile, InputError> {
        let mut parsed = ParsedFile::default();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::Start(Tag::MetadataBlock(MetadataBlockKind::PlusesStyle)) => {
                    let (body, body_start) = self.collect_text(TagEnd::MetadataBlock(MetadataBlockKind::PlusesStyle));
                    let front: FrontMatter = toml::from_str(&body).map_err(|error| InputError::Toml {
                        at: self.location(body_start + error.span().map_or(0, |s| s.start)),
                        message: error.message().to_string(),
                    })?;
                    // The clause is declared by its `clause = "…"` line: findings point there.
                    let key = front.clause.span();
                    let line = body[..key.start].rfind('\n').map_or(0, |i| i + 1);
                    let declared = body_start + line..body_start + key.end;
                    let declared = if declared.end <= range.end { declared } else { range.clone() };
                    parsed.clauses.push((
                        Clause {
                            id: ClauseId(front.clause.into_inner()),
                            kind: front.kind,
                            heading: None,
                            blocks: Vec::new(),
                            span: self.block_span(declared),
                        },
                        IdOrigin::FrontMatter,
                    ));
                }
                Event::Start(Tag::Heading { level, id, .. }) => {
                    let inlines = self.inlines_until(TagEnd::Heading(level))?;
                    let span = self.block_span(range.clone());
                    let (id, origin) = match id {
                        Some(id) => (ClauseId(id.to_string()), IdOrigin::Heading),
                        None => (ClauseId(format!("line-{}", span.line)), IdOrigin::Missing),
                    };
                    let heading = Heading { level: level as u8, inlines, span: span.clone() };
                    parsed.clauses.push((
                        Clause { id, kind: ClauseKind::Body, heading: Some(heading), blocks: Vec::new(), span },
                        origin,
                    ));
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let blocks = self.blocks_until(TagEnd::FootnoteDefinition)?;
                    parsed.footnotes.push(Footnote { label: label.to_string(), blocks, span: self.block_span(range) });
                }
                Event::Start(tag) => {
                    let block = self.block(tag, range.clone())?;
                    match parsed.clauses.last_mut() {
                        Some((clause, _)) => clause.blocks.push(block),
                        None => return Err(InputError::ContentOutsideClause { at: self.location(range.start) }),
                    }
                }
                Event::Rule => match parsed.clauses.last_mut() {
                    Some((clause, _)) => clause.blocks.push(Block { kind: BlockKind::Rule, span: self.span(range) }),
                    None => return Err(InputError::ContentOutsideClause { at: self.location(range.start) }),
                },
                _ => {}
            }
        }
        Ok(parsed)
    }

    /// Concatenated text up to `end`, and the offset where it starts.
    fn collect_text(&mut self, end: TagEnd) -> (String, usize) {
        let mut body = String::new();
        let mut start = None;
        for (event, range) in self.events.by_ref() {
            match event {
                Event::End(tag) if tag == end => break,
                Event::Text(text) => {
                    start.get_or_insert(range.start);
                    body.push_str(&text);
                }
                _ => {}
            }
        }
        (body, start.unwrap_or(0))
    }

    fn check_size(&self, range: &Range<usize>) -> Result<(), InputError> {
        let bytes = range.end - range.start;
        if bytes > self.max_block_bytes {
            return Err(InputError::BlockTooLarge {
                at: self.location(range.start),
                bytes,
                limit: self.max_block_bytes,
            });
        }
        Ok(())
    }

    /// The block opened by `tag` (its Start event already consumed).
    fn block(&mut self, tag: Tag<'s>, range: Range<usize>) -> Result<Block, InputError> {
        self.check_size(&range)?;
        let span = self.block_span(range);
        let kind = match tag {
            Tag::Paragraph => BlockKind::Paragraph(self.inlines_until(TagEnd::Paragraph)?),
            Tag::List(start) => BlockKind::List { ordered: start.is_some(), items: self.list_items()? },
            Tag::BlockQuote(kind) => BlockKind::Quote(self.blocks_until(TagEnd::BlockQuote(kind))?),
            Tag::CodeBlock(_) => BlockKind::Code(self.collect_text(TagEnd::CodeBlock).0),
            Tag::HtmlBlock => {
                // Raw HTML is data: kept as its literal text, shown escaped.
                let text = self.raw_text_until(TagEnd::HtmlBlock);
                BlockKind::Paragraph(vec![Inline { kind: InlineKind::Text(text), span: span.clone() }])
            }
            other => {
                // Tables and definition lists: their text as one paragraph.
                let end = other.to_end();
                BlockKind::Paragraph(self.inlines_until(end)?)
            }
        };
        Ok(Block { kind, span })
    }

    fn raw_text_until(&mut self, end: TagEnd) -> String {
        let mut text = String::new();
        for (event, _) in self.events.by_ref() {
            match event {
                Event::End(tag) if tag == end => break,
                Event::Html(html) | Event::Text(html) => text.push_str(&html),
                _ => {}
            }
        }
        text.trim_end_matches('\n').to_string()
    }

    fn blocks_until(&mut self, end: TagEnd) -> Result<Vec<Block>, InputError> {
        let mut blocks = Vec::new();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::End(tag) if tag == end => break,
                Event::Start(tag) => blocks.push(self.block(tag, range)?),
                Event::Rule => blocks.push(Block { kind: BlockKind::Rule, span: self.span(range) }),
                _ => {}
            }
        }
        Ok(blocks)
    }

    fn list_items(&mut self) -> Result<Vec<ListItem>, InputError> {
        let mut items = Vec::new();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::End(TagEnd::List(_)) => break,
                Event::Start(Tag::Item) => {
                    let inlines = self.inlines_until(TagEnd::Item)?;
                    items.push(ListItem { inlines, span: self.block_span(range) });
                }
                _ => {}
            }
        }
        Ok(items)
    }

    /// Inline content up to `end`. Nested blocks (a loose list item's paragraphs, a nested list)
    /// are flattened into the run, separated by soft breaks.
    fn inlines_until(&mut self, end: TagEnd) -> Result<Vec<Inline>, InputError> {
        let mut inlines: Vec<Inline> = Vec::new();
        while let Some((event, range)) = self.events.next() {
            let span = self.span(range.clone());
            let kind = match event {
                Event::End(tag) if tag == end => break,
                Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::List(_)) => continue,
                Event::End(_) => continue,
                Event::Text(text) => InlineKind::Text(text.to_string()),
                Event::Code(code) => InlineKind::Code(code.to_string()),
                Event::Html(html) | Event::InlineHtml(html) => InlineKind::Text(html.to_string()),
                Event::InlineMath(math) | Event::DisplayMath(math) => InlineKind::Text(math.to_string()),
                Event::FootnoteReference(label) => InlineKind::FootnoteRef(label.to_string()),
                Event::SoftBreak => InlineKind::SoftBreak,
                Event::HardBreak => InlineKind::HardBreak,
                Event::Rule | Event::TaskListMarker(_) => continue,
                Event::Start(Tag::Emphasis) => InlineKind::Emphasis(self.inlines_until(TagEnd::Emphasis)?),
                Event::Start(Tag::Strong) => InlineKind::Strong(self.inlines_until(TagEnd::Strong)?),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    InlineKind::Link { target: dest_url.to_string(), children: self.inlines_until(TagEnd::Link)? }
                }
                Event::Start(Tag::Paragraph | Tag::Item) | Event::Start(Tag::List(_)) => {
                    if !inlines.is_empty() {
                        InlineKind::SoftBreak
                    } else {
                        continue;
                    }
                }
                Event::Start(other) => {
                    // Strikethrough, images (their alt text), table cells and the like: their
                    // text joins the run; nothing is loaded or passed through.
                    let end = other.to_end();
                    let children = self.inlines_until(end)?;
                    inlines.extend(children);
                    continue;
                }
            };
            // The parser splits text at brackets and entities; keep one inline per run of text.
            if let (InlineKind::Text(next), Some(Inline { kind: InlineKind::Text(text), span: last })) =
                (&kind, inlines.last_mut())
                && last.end == span.start
            {
                text.push_str(next);
                last.end = span.end;
                continue;
            }
            inlines.push(Inline { kind, span });
        }
        Ok(inlines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn parse_str(text: &str) -> Result<ParsedFile, InputError> {
        let mut sources = SourceMap::default();
        let file = sources.add(SourceFile::new("t.md", text.to_string()));
        parse(&sources, file, 1 << 20)
    }

    #[test]
    fn headings_with_ids_open_clauses_and_collect_blocks() {
        let parsed = parse_str("# Title {#title}\n\nOne.\n\n## a) Intro {#intro}\n\nTwo.\n\n- x\n- y\n").unwrap();
        let ids: Vec<_> = parsed.clauses.iter().map(|(c, _)| c.id.0.as_str()).collect();
        assert_eq!(ids, ["title", "intro"]);
        let intro = &parsed.clauses[1].0;
        assert_eq!(intro.blocks.len(), 2);
        assert_eq!(intro.blocks[1].item_count(), 2);
        assert_eq!(intro.blocks[0].span.line, 7);
    }

    #[test]
    fn heading_without_id_is_marked_missing() {
        let parsed = parse_str("# Title\n\nOne.\n").unwrap();
        assert_eq!(parsed.clauses[0].1, IdOrigin::Missing);
        assert_eq!(parsed.clauses[0].0.id.0, "line-1");
    }

    #[test]
    fn front_matter_declares_a_headless_clause() {
        let parsed = parse_str("+++\nclause = \"back\"\nkind = \"colophon\"\n+++\n\nText\nmore\n").unwrap();
        let (clause, origin) = &parsed.clauses[0];
        assert_eq!((clause.id.0.as_str(), clause.kind, *origin), ("back", ClauseKind::Colophon, IdOrigin::FrontMatter));
        assert_eq!(clause.blocks.len(), 1);
    }

    #[test]
    fn a_front_matter_clause_is_located_at_its_clause_key() {
        let parsed = parse_str("+++\nkind = \"colophon\"\nclause = \"back\"\n+++\n\nText\n").unwrap();
        let span = &parsed.clauses[0].0.span;
        assert_eq!((span.line, span.column), (3, 1));
        assert_eq!(span.end - span.start, "clause = \"back\"".len());
    }

    #[test]
    fn malformed_front_matter_is_a_located_error() {
        let error = parse_str("+++\nclause = \n+++\n").unwrap_err();
        assert!(matches!(&error, InputError::Toml { at, .. } if at.line == 2), "{error:?}");
    }

    #[test]
    fn footnotes_are_collected_and_referenced() {
        let parsed = parse_str("# T {#t}\n\nText.[^1]\n\n[^1]: Note.\n").unwrap();
        assert_eq!(parsed.footnotes[0].label, "1");
        assert_eq!(parsed.clauses[0].0.blocks[0].plain_text(), "Text.[^1]");
    }

    #[test]
    fn raw_html_stays_literal_text() {
        let parsed = parse_str("# T {#t}\n\n<script>alert(1)</script>\n\nA <b>b</b>\n").unwrap();
        let blocks = &parsed.clauses[0].0.blocks;
        assert_eq!(blocks[0].plain_text(), "<script>alert(1)</script>");
        assert_eq!(blocks[1].plain_text(), "A <b>b</b>");
    }

    #[test]
    fn text_before_any_clause_is_an_error() {
        assert!(matches!(parse_str("Stray.\n"), Err(InputError::ContentOutsideClause { .. })));
    }

    #[test]
    fn nesting_at_the_limit_loads() {
        let quotes = ">".repeat(MAX_NESTING / 2);
        let emphasis = "*a ".repeat(MAX_NESTING / 2) + &" b*".repeat(MAX_NESTING / 2);
        let parsed = parse_str(&format!("# T {{#t}}\n\n{quotes} {emphasis}\n")).unwrap();
        assert_eq!(parsed.clauses[0].0.blocks.len(), 1);
    }

    #[test]
    fn nesting_over_the_limit_is_refused_where_it_goes_over() {
        let quotes = ">".repeat(MAX_NESTING / 2);
        let emphasis = "*a ".repeat(MAX_NESTING / 2 + 1) + &" b*".repeat(MAX_NESTING / 2 + 1);
        let error = parse_str(&format!("# T {{#t}}\n\nText.\n\n{quotes} {emphasis}\n")).unwrap_err();
        let column = (MAX_NESTING / 2 + 2 + 3 * (MAX_NESTING / 2)) as u32;
        assert!(
            matches!(&error, InputError::NestingTooDeep { at, .. } if (at.line, at.column) == (5, column)),
            "{error:?}"
        );
    }

    #[test]
    fn deeply_nested_lists_and_brackets_are_refused_without_overflow() {
        let text = format!("# T {{#t}}\n\n{}{}\n", "- ".repeat(3000), "[".repeat(20000));
        assert!(matches!(parse_str(&text), Err(InputError::NestingTooDeep { .. })));
        let text = format!("# T {{#t}}\n\n{} deep\n", ">".repeat(5000));
        assert!(matches!(parse_str(&text), Err(InputError::NestingTooDeep { .. })));
    }

    #[test]
    fn a_decomposed_file_gives_composed_ids_and_text_with_spans_on_its_own_bytes() {
        let text = "# \u{304B}\u{3099}\u{304F} {#\u{304B}\u{3099}\u{304F}}\n\n[^\u{304B}\u{3099}]\u{305B}\u{3044}\u{3002}\n\n\
                    [^\u{304B}\u{3099}]: e\u{301}\n";
        let parsed = parse_str(text).unwrap();
        let clause = &parsed.clauses[0].0;
        assert_eq!(clause.id.0, "がく");
        assert_eq!(clause.blocks[0].plain_text(), "[^が]せい。");
        assert_eq!(parsed.footnotes[0].label, "が");
        assert_eq!(parsed.footnotes[0].blocks[0].plain_text(), "é");
        // The spans are the file's: the paragraph's ends where its bytes end.
        let span = &clause.blocks[0].span;
        assert_eq!(&text[span.range()], "[^\u{304B}\u{3099}]\u{305B}\u{3044}\u{3002}");
        assert_eq!((span.line, span.column), (3, 1));
    }

    #[test]
    fn oversized_block_is_refused_with_its_location() {
        let mut sources = SourceMap::default();
        let text = format!("# T {{#t}}\n\n{}\n", "x".repeat(2000));
        let file = sources.add(SourceFile::new("t.md", text));
        let error = parse(&sources, file, 1000).unwrap_err();
        assert!(matches!(error, InputError::BlockTooLarge { at, .. } if at.line == 3));
    }
}
