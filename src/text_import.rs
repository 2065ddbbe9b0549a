//! Imports a plain text (one paragraph per block of lines, blocks separated by blank lines) as
//! clauses: headings are recognised by pattern (`Article 13` / `第十三条`, `CHAPTER I` / `第一章`,
//! `1. Title`, `a) Title`) and get ids from their numbers (`article-13`, `chapter-1`), so the two
//! languages' clauses meet by id; what precedes the first heading is the title matter. Writes the
//! clauses as Markdown sources the loader reads, and, through the aligner, says which clauses
//! and paragraphs have no counterpart in the other language (`codepub init --from-text`).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::InputError;
use crate::model::{
    Block, BlockKind, Clause, ClauseId, ClauseKind, Document, Heading, Inline, InlineKind, Lang, ListItem,
};
use crate::source::{FileId, Span};

/// One language's text, cut into clauses.
#[derive(Debug)]
pub struct ImportedText {
    pub lang: Lang,
    pub clauses: Vec<TextClause>,
}

/// A heading of the text (or the title matter) and the blocks up to the next heading.
#[derive(Debug)]
pub struct TextClause {
    pub id: String,
    pub kind: HeadingKind,
    /// The heading as written (`Article 13`, `第十三条`, `CHAPTER I. THE EMPEROR`).
    pub heading: String,
    /// 1-based line of the heading in the input text.
    pub line: u32,
    pub blocks: Vec<TextBlock>,
}

/// What a heading numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingKind {
    /// The title matter: everything before the first heading, its first block the title.
    Title,
    /// `CHAPTER I`, `第一章`.
    Chapter,
    /// `Article 13`, `第十三条`.
    Article,
    /// `1. Purpose`.
    Numbered,
    /// `a) Introduction`.
    Lettered,
}

/// A paragraph or a list, with the 1-based line it starts on in the input text.
#[derive(Debug)]
pub struct TextBlock {
    pub line: u32,
    pub kind: TextBlockKind,
}

#[derive(Debug)]
pub enum TextBlockKind {
    /// The paragraph's lines, as written.
    Paragraph(Vec<String>),
    /// Items, each with its label (`一　…`, `(i) …`) as written.
    List(Vec<String>),
}

impl TextBlock {
    fn plain(&self) -> String {
        match &self.kind {
            TextBlockKind::Paragraph(lines) => lines.join(" "),
            TextBlockKind::List(items) => items.join("\n"),
        }
    }
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid pattern")
}

/// `Article 13`, `Article 13.`, `ARTICLE XIII.` alone on the line, or followed by the article's text
/// after the full stop or starting with a capital (`Article 5 of the law…` is a sentence).
static ENGLISH_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?i:article)\s+(\d+|[IVXLC]+)(?:\.?$|\.\s+(.*)$|\s+([A-Z(\[\p{Lu}].*)$)"));
/// `第十三条`, `第13条`, with or without the article's text after a space.
static JAPANESE_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^第([〇一二三四五六七八九十百千0-9０-９]+)条(?:[\s　]+(.*))?$"));
/// `CHAPTER I`, `Chapter 3. Title`, `第一章　天皇`: the whole line is the heading.
static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:(?i:chapter)\s+([IVXLCivxlc]+|\d+)\b|第([〇一二三四五六七八九十百千0-9０-９]+)章(?:[\s　]|$))")
});
/// `1. Purpose`, `１．目的`.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| regex(r"^([0-9０-９]+)[.．]\s*(\S.*)$"));
/// `a) Introduction`, `ａ）序文`.
static LETTERED: LazyLock<Regex> = LazyLock::new(|| regex(r"^([a-zａ-ｚ])[)）]\s*(\S.*)$"));
/// A list item's label: `一　`, `(i)`, `（二）`, `(1)`, `1)`, `- `, `・`.
static LIST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:[-•・]\s*|[(（][0-9０-９a-zivx一二三四五六七八九十]+[)）]\s*|[0-9０-９]+[)）]\s*|[一二三四五六七八九十]+[\s　])\S",
    )
});

/// Longest line read as a `1. Title` or `a) Title` heading; longer lines are text.
const MAX_HEADING_CHARS: usize = 150;

/// Reads `text` (shown to users as `name`) as `lang`. A text without any paragraph is an error.
pub fn read(text: &str, lang: Lang, name: &str) -> Result<ImportedText, InputError> {
    let mut clauses: Vec<TextClause> = Vec::new();
    let mut title_matter: Vec<TextBlock> = Vec::new();
    for (line, lines) in line_groups(text) {
        if let Some((clause, rest)) = heading(&lines, line) {
            clauses.push(clause);
            if let Some(rest) = rest {
                push_blocks(&mut clauses, &mut title_matter, rest, line);
            }
        } else {
            push_blocks(&mut clauses, &mut title_matter, lines, line);
        }
    }
    if clauses.is_empty() && title_matter.is_empty() {
        return Err(InputError::EmptyText { path: name.to_string() });
    }
    if !title_matter.is_empty() {
        let first = title_matter.remove(0);
        let title = TextClause {
            id: "title".into(),
            kind: HeadingKind::Title,
            heading: first.plain().replace('\n', " "),
            line: first.line,
            blocks: title_matter,
        };
        clauses.insert(0, title);
    }
    number_ids(&mut clauses);
    Ok(ImportedText { lang, clauses })
}

/// The text's blocks of non-blank lines, each with the 1-based line it starts on; lines trimmed.
fn line_groups(text: &str) -> Vec<(u32, Vec<String>)> {
    let mut groups: Vec<(u32, Vec<String>)> = Vec::new();
    let mut open = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        match groups.last_mut() {
            Some((_, lines)) if open => lines.push(line.to_string()),
            _ => groups.push((u32::try_from(index + 1).unwrap_or(u32::MAX), vec![line.to_string()])),
        }
        open = true;
    }
    groups
}

/// The clause a block of lines opens, if its first line is a heading, and the lines after the
/// heading that belong to the clause's text (an article's text may follow `第一条` on its line).
fn heading(lines: &[String], line: u32) -> Option<(TextClause, Option<Vec<String>>)> {
    let first = lines.first()?;
    let clause = |kind, id: String, heading: &str| TextClause {
        id,
        kind,
        heading: heading.to_string(),
        line,
        blocks: Vec::new(),
    };
    let article = ENGLISH_ARTICLE.captures(first).or_else(|| JAPANESE_ARTICLE.captures(first));
    if let Some(captures) = article
        && let Some(number) = crate::numerals::part_number(&captures[1])
    {
        let text = captures.get(2).or(captures.get(3));
        let label_end = text.map_or(first.len(), |text| text.start());
        let label = first[..label_end].trim_end_matches(|c: char| c.is_whitespace());
        let mut rest: Vec<String> = text.map(|text| text.as_str().to_string()).into_iter().collect();
        rest.extend(lines[1..].iter().cloned());
        return Some((
            clause(HeadingKind::Article, format!("article-{number}"), label),
            (!rest.is_empty()).then_some(rest),
        ));
    }
    if let Some(captures) = CHAPTER.captures(first)
        && let Some(number) = captures.get(1).or(captures.get(2)).and_then(|n| crate::numerals::part_number(n.as_str()))
        && lines.len() <= 2
    {
        return Some((clause(HeadingKind::Chapter, format!("chapter-{number}"), &lines.join(" ")), None));
    }
    let short = lines.len() == 1
        && first.chars().count() <= MAX_HEADING_CHARS
        && !first.ends_with(['.', '。', ';', '；', ':', '：', ',', '、']);
    if short && let Some(captures) = NUMBERED.captures(first) {
        let number = crate::numerals::part_number(&captures[1])?;
        return Some((clause(HeadingKind::Numbered, format!("section-{number}"), first), None));
    }
    if short && let Some(captures) = LETTERED.captures(first) {
        let letter: String = captures[1].chars().map(half_width_letter).collect();
        return Some((clause(HeadingKind::Lettered, format!("section-{letter}"), first), None));
    }
    None
}

fn half_width_letter(c: char) -> char {
    match c {
        'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32).unwrap_or(c),
        _ => c,
    }
}

/// Adds the blocks a group of lines makes to the last clause (or the title matter): a paragraph,
/// or a lead-in paragraph and a list when two or more lines start with list labels.
fn push_blocks(clauses: &mut [TextClause], title_matter: &mut Vec<TextBlock>, lines: Vec<String>, line: u32) {
    let target = match clauses.last_mut() {
        Some(clause) => &mut clause.blocks,
        None => title_matter,
    };
    let first_item = lines.iter().position(|l| LIST_LABEL.is_match(l));
    let labelled = lines.iter().filter(|l| LIST_LABEL.is_match(l)).count();
    let Some(first_item) = first_item.filter(|_| labelled >= 2) else {
        target.push(TextBlock { line, kind: TextBlockKind::Paragraph(lines) });
        return;
    };
    let (lead_in, items) = lines.split_at(first_item);
    if !lead_in.is_empty() {
        target.push(TextBlock { line, kind: TextBlockKind::Paragraph(lead_in.to_vec()) });
    }
    let mut list: Vec<String> = Vec::new();
    for item in items {
        match list.last_mut() {
            Some(last) if !LIST_LABEL.is_match(item) => {
                last.push(' ');
                last.push_str(item);
            }
            // A bullet is the list's own marker, not the item's text; numbering labels (一, (i)) are text.
            _ => list.push(item.trim_start_matches(['-', '•', '・']).trim_start().to_string()),
        }
    }
    target.push(TextBlock { line: line + first_item as u32, kind: TextBlockKind::List(list) });
}

/// Makes ids unique in reading order: a second `section-1` becomes `section-1-2`.
fn number_ids(clauses: &mut [TextClause]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for clause in clauses {
        let count = seen.entry(clause.id.clone()).or_default();
        *count += 1;
        if *count > 1 {
            clause.id = format!("{}-{count}", clause.id);
        }
    }
}

impl ImportedText {
    /// Heading level of each kind of part: the title 1, chapters and lettered parts 2, articles
    /// and numbered parts one below the parts that hold them.
    fn level(&self, kind: HeadingKind) -> usize {
        let has = |k: HeadingKind| self.clauses.iter().any(|c| c.kind == k);
        match kind {
            HeadingKind::Title => 1,
            HeadingKind::Chapter | HeadingKind::Lettered => 2,
            HeadingKind::Article | HeadingKind::Numbered => {
                if has(HeadingKind::Chapter) || has(HeadingKind::Lettered) {
                    3
                } else {
                    2
                }
            }
        }
    }

    /// The text as a Markdown source: each clause a heading with its `{#id}`, its blocks after it.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for clause in &self.clauses {
            let level = "#".repeat(self.level(clause.kind));
            out.push_str(&format!("{level} {} {{#{}}}\n\n", escape_line(&clause.heading), clause.id));
            for block in &clause.blocks {
                match &block.kind {
                    TextBlockKind::Paragraph(lines) => {
                        let lines: Vec<String> = lines.iter().map(|l| escape_line(l)).collect();
                        out.push_str(&lines.join("\n"));
                        out.push('\n');
                    }
                    TextBlockKind::List(items) => {
                        for item in items {
                            out.push_str(&format!("- {}\n", escape_line(item)));
                        }
                    }
                }
                out.push('\n');
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    /// The text as the model the aligner reads; spans carry the input's line numbers.
    fn document(&self, file: FileId) -> Document {
        let span = |line: u32| Span { file, start: 0, end: 0, line, column: 1 };
        let text = |s: &str, line: u32| vec![Inline { kind: InlineKind::Text(s.to_string()), span: span(line) }];
        let clauses = self
            .clauses
            .iter()
            .map(|clause| Clause {
                id: ClauseId(clause.id.clone()),
                kind: ClauseKind::Body,
                heading: Some(Heading {
                    level: self.level(clause.kind) as u8,
                    inlines: text(&clause.heading, clause.line),
                    span: span(clause.line),
                }),
                blocks: clause
                    .blocks
                    .iter()
                    .map(|block| Block {
                        kind: match &block.kind {
                            TextBlockKind::Paragraph(lines) => BlockKind::Paragraph(text(&lines.join(" "), block.line)),
                            TextBlockKind::List(items) => BlockKind::List {
                                ordered: false,
                                items: items
                                    .iter()
                                    .map(|item| ListItem { inlines: text(item, block.line), span: span(block.line) })
                                    .collect(),
                            },
                        },
                        span: span(block.line),
                    })
                    .collect(),
                span: span(clause.line),
            })
            .collect();
        Document { lang: self.lang, clauses, footnotes: Vec::new() }
    }
}

/// A clause or paragraph of one text that the other text has no counterpart for.
#[derive(Debug, PartialEq, Eq)]
pub struct Unpaired {
    pub lang: Lang,
    /// 1-based line in that language's input text.
    pub line: u32,
    /// The heading of the clause it is (or is in).
    pub heading: String,
    /// The paragraph's beginning; `None` when the whole clause is alone.
    pub excerpt: Option<String>,
}

/// Pairs the two texts as `codepub check` will (clauses by id, then their blocks with the
/// aligner) and returns what stays alone, in English order.
pub fn unpaired(en: &ImportedText, ja: &ImportedText) -> Vec<Unpaired> {
    let (en_doc, ja_doc) = (en.document(FileId(0)), ja.document(FileId(1)));
    let alignment = crate::align::align(&en_doc, &ja_doc);
    let heading_of =
        |clause: &Clause| clause.heading.as_ref().map(|h| crate::model::plain_text(&h.inlines)).unwrap_or_default();
    let mut alone = Vec::new();
    for pair in &alignment.clauses {
        match (pair.sides.en, pair.sides.ja) {
            (Some(clause), None) | (None, Some(clause)) => {
                let lang = if pair.sides.en.is_some() { Lang::En } else { Lang::Ja };
                alone.push(Unpaired { lang, line: clause.span.line, heading: heading_of(clause), excerpt: None });
            }
            (Some(en_clause), Some(ja_clause)) => {
                for row in &pair.blocks {
                    let (lang, block, clause) = match (row.sides.en, row.sides.ja) {
                        (Some(block), None) => (Lang::En, block, en_clause),
                        (None, Some(block)) => (Lang::Ja, block, ja_clause),
                        _ => continue,
                    };
                    alone.push(Unpaired {
                        lang,
                        line: block.span.line,
                        heading: heading_of(clause),
                        excerpt: Some(excerpt(&block.plain_text())),
                    });
                }
            }
            (None, None) => {}
        }
    }
    alone
}

/// The first words of a paragraph, for a report line.
fn excerpt(text: &str) -> String {
    const CHARS: usize = 40;
    let mut short: String = text.chars().take(CHARS).collect();
    if text.chars().count() > CHARS {
        short.push('…');
    }
    short.replace('\n', " ")
}

/// A line of text as Markdown that reads back as the same text: Markdown's punctuation escaped,
/// and a line start that would open a heading, quote, list or rule neutralised.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '{' | '}' | '#' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &ImportedText) -> Vec<&str> {
        text.clauses.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn article_and_chapter_headings_take_their_numbers_as_ids_in_both_scripts() {
        let en =
            read("The Law\n\nCHAPTER II. THE DIET\n\nArticle 13. All of the people.\n", Lang::En, "en.txt").unwrap();
        let ja = read("法\n\n第二章　国会\n\n第十三条　すべて国民は。\n", Lang::Ja, "ja.txt").unwrap();
        assert_eq!(ids(&en), ["title", "chapter-2", "article-13"]);
        assert_eq!(ids(&ja), ["title", "chapter-2", "article-13"]);
        assert_eq!(ja.clauses[2].heading, "第十三条");
        assert!(matches!(&ja.clauses[2].blocks[0].kind, TextBlockKind::Paragraph(l) if l == &["すべて国民は。"]));
        assert_eq!(en.clauses[2].heading, "Article 13.");
    }

    #[test]
    fn a_sentence_that_starts_with_an_article_number_is_text_not_a_heading() {
        let text =
            read("Article 1\n\nOne.\n\nArticle 5 of the law applies.\n\nARTICLE II The second.\n", Lang::En, "t")
                .unwrap();
        assert_eq!(ids(&text), ["article-1", "article-2"]);
        assert_eq!(text.clauses[0].blocks.len(), 2);
        assert_eq!(text.clauses[1].heading, "ARTICLE II");
    }

    #[test]
    fn numbered_and_lettered_headings_are_short_lines_without_a_final_stop() {
        let text = read("Title\n\na) Introduction\n\n1. Comply with the law\n\n2. We act.\n", Lang::En, "t").unwrap();
        assert_eq!(ids(&text), ["title", "section-a", "section-1"]);
        assert_eq!(text.clauses[2].blocks.len(), 1, "`2. We act.` is a paragraph");
    }

    #[test]
    fn title_matter_is_what_precedes_the_first_heading() {
        let text = read("\n\nThe Title\n\nA preamble.\n\nArticle 1\n\nText.\n", Lang::En, "t").unwrap();
        assert_eq!(text.clauses[0].heading, "The Title");
        assert_eq!(text.clauses[0].line, 3);
        assert_eq!(text.clauses[0].blocks[0].line, 5);
        assert_eq!(text.clauses[1].blocks[0].line, 9);
    }

    #[test]
    fn a_bullet_marks_a_list_item_and_is_not_its_text() {
        let text =
            read("Article 7\n\nThe acts:\n- Promulgation of laws.\n- Convocation of the Diet.\n", Lang::En, "en.txt")
                .unwrap();
        let lists: Vec<&Vec<String>> = text.clauses[0]
            .blocks
            .iter()
            .filter_map(|block| match &block.kind {
                TextBlockKind::List(items) => Some(items),
                TextBlockKind::Paragraph(_) => None,
            })
            .collect();
        assert_eq!(lists, [&vec!["Promulgation of laws.".to_string(), "Convocation of the Diet.".to_string()]]);
    }

    #[test]
    fn labelled_lines_after_a_lead_in_become_a_list() {
        let text = read(
            "第七条　天皇は、左の行為を行ふ。\n一　国会を召集すること。\n二　衆議院を解散すること。\n",
            Lang::Ja,
            "t",
        )
        .unwrap();
        let blocks = &text.clauses[0].blocks;
        assert!(matches!(&blocks[0].kind, TextBlockKind::Paragraph(l) if l.len() == 1));
        assert!(matches!(&blocks[1].kind, TextBlockKind::List(items) if items.len() == 2));
        assert_eq!(blocks[1].line, 2);
    }

    #[test]
    fn a_text_without_paragraphs_is_an_error() {
        assert!(
            matches!(read(" \n\n　\n", Lang::Ja, "ja.txt"), Err(InputError::EmptyText { path }) if path == "ja.txt")
        );
    }

    #[test]
    fn repeated_ids_are_numbered_in_reading_order() {
        let text = read("Article 1\n\nOne.\n\nArticle 1\n\nAgain.\n", Lang::En, "t").unwrap();
        assert_eq!(ids(&text), ["article-1", "article-1-2"]);
    }

    #[test]
    fn markdown_punctuation_and_line_starts_are_escaped_and_read_back_as_written() {
        assert_eq!(escape_line("1. not a list *really* [x]"), r"1\. not a list \*really\* \[x\]");
        assert_eq!(escape_line("- dash"), r"\- dash");
        assert_eq!(escape_line("# hash"), r"\# hash");
    }

    #[test]
    fn a_paragraph_without_counterpart_is_reported_at_its_input_line() {
        let en = "Article 1\n\nMembers meet every year.\n\nThey vote within 30 days of the meeting.\n";
        let en = read(en, Lang::En, "en").unwrap();
        let ja = read("第一条\n\n会員は毎年会合する。\n", Lang::Ja, "ja").unwrap();
        let alone = unpaired(&en, &ja);
        assert_eq!(alone.len(), 1, "{alone:?}");
        assert_eq!((alone[0].lang, alone[0].line), (Lang::En, 5));
        assert_eq!(alone[0].excerpt.as_deref(), Some("They vote within 30 days of the meeting."));
    }

    #[test]
    fn a_clause_in_one_text_only_is_reported_whole() {
        let en = read("Article 1\n\nOne.\n\nArticle 2\n\nTwo.\n", Lang::En, "en").unwrap();
        let ja = read("第一条\n\n一。\n", Lang::Ja, "ja").unwrap();
        let alone = unpaired(&en, &ja);
        assert_eq!(alone, [Unpaired { lang: Lang::En, line: 5, heading: "Article 2".into(), excerpt: None }]);
    }
}
