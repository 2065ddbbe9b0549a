//! Imports a plain text (one paragraph per block of lines, blocks separated by blank lines) as
//! clauses, and refuses a file that is Markdown (front matter, `#` headings, bold, links, lists
//! on most blocks: [`MarkdownSign`]) rather than keep its markup as text.
//!
//! Headings are recognised by pattern (`text_import/headings.rs`) and get ids from their numbers,
//! so the two languages' clauses meet by id:
//!
//! - articles: `第一条`, `第一条（名称）`, `Article 13.`, `Article 1 (Name)`, `Article 1. Name`, the
//!   article's text on the same line or the lines after; `第十条の二` (`第十条ノ二`) /
//!   `Article 10-2` / `Article 10 bis` → `article-10-2`; a caption alone on the line (or block)
//!   above an article, `（名称）` / `(Name)`, is the article's: its heading becomes `第一条（名称）` /
//!   `Article 1 (Name)`; paragraph numbers in an article (`２　…`, `2. …`, `(2) …`) open its next
//!   paragraph;
//! - chapters `第一章　総則` / `CHAPTER I` / `Chapter 1 General Provisions` → `chapter-1`; sections
//!   `第一節` / `Section 1` → `chapter-1-section-1` (`section-1` outside a chapter);
//! - supplementary provisions `附則` / `附　則` / `Supplementary Provisions` →
//!   `supplementary-provisions` (`-2` for a second), their articles
//!   `supplementary-provisions-article-1`; appended tables `別表` / `別表第一` / `Appended Table 1`
//!   → `appended-table`, `appended-table-1`;
//! - outside articles, `1. Title` → `section-1` and `a) Title` → `section-a` (short lines).
//!
//! Numbers in kanji (`十三`, `百一`, `壱`), digits or roman numerals are read by
//! [`crate::numerals::part_number`]. Heading levels: the title 1; chapters, supplementary
//! provisions, appended tables and lettered parts 2; sections one below the chapter holding them;
//! articles and numbered headings one below the deepest part holding them. A block is cut where
//! a Japanese heading starts a line, or an English one after the end of a sentence (or after a
//! heading), so a statute written without blank lines still reads part by part. What precedes
//! the first heading is the title matter (its dates are read by [`crate::adopted`]).
//!
//! Writes the clauses as Markdown sources the loader reads, and, through the aligner, says which
//! clauses and paragraphs have no counterpart in the other language (`codepub init --from-text`).

mod headings;
mod markdown_signs;

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

pub use markdown_signs::MarkdownSign;

use crate::config::Date;
use crate::diagnostic::Diagnostic;
use crate::error::InputError;
use crate::i18n::Message;
use crate::location::Location;
use crate::model::{
    Block, BlockKind, Clause, ClauseId, ClauseKind, Document, Heading, Inline, InlineKind, Lang, ListItem,
};
use crate::source::{FileId, Span};
use headings::{NumberStyle, SENTENCE_ENDS};

/// One language's text, cut into clauses.
#[derive(Debug)]
pub struct ImportedText {
    pub lang: Lang,
    pub clauses: Vec<TextClause>,
    /// The title matter's lines as written, each with its 1-based line in the text, and an empty
    /// line (numbered 0) between two blocks.
    pub title_lines: Vec<(u32, String)>,
}

/// A heading of the text (or the title matter) and the blocks up to the next heading.
#[derive(Debug)]
pub struct TextClause {
    pub id: String,
    pub kind: HeadingKind,
    /// The heading as written (`Article 13`, `第十三条`, `CHAPTER I. THE EMPEROR`), with the caption
    /// that stood above it (`第一条（名称）`, `Article 1 (Name)`).
    pub heading: String,
    /// The article's caption as written (`（名称）`, `(Name)`, `Name`), on its line or above it.
    pub caption: Option<String>,
    /// The Markdown heading level: 1 the title, 2 a chapter, … (see the module comment).
    pub level: u8,
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
    /// `Section 1`, `第一節`: a part of a chapter.
    Section,
    /// `Article 13`, `第十三条`.
    Article,
    /// `Supplementary Provisions`, `附則`.
    SupplementaryProvisions,
    /// `Appended Table 1`, `別表第一`.
    AppendedTable,
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

/// Why a text cannot be imported.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// No paragraph at all ([`InputError::EmptyText`]).
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    NotPlainText(#[from] NotPlainText),
}

/// A file given as a plain text that is Markdown: read as plain text its markup would become
/// literal text, so it is refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: Markdown ({}), not a plain text", sign.name())]
pub struct NotPlainText {
    pub path: String,
    /// 1-based line of what gave it away.
    pub line: u32,
    pub sign: MarkdownSign,
}

impl NotPlainText {
    /// The refusal as a diagnostic at the line that gave the file away, with the command that
    /// imports Markdown.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::error(Message::new("error-import-markdown").arg("sign", self.sign.name()))
            .at(Location { path: self.path.clone(), line: self.line, column: 1 })
            .help(Message::new("help-import-markdown"))
    }
}

/// A block of non-blank lines (trimmed), with the 1-based line it starts on.
#[derive(Clone, Debug)]
struct Group {
    line: u32,
    lines: Vec<String>,
}

/// Reads `text` (shown to users as `name`) as `lang`. A text without any paragraph, or one that
/// is Markdown, is an error.
pub fn read(text: &str, lang: Lang, name: &str) -> Result<ImportedText, ReadError> {
    if let Some((line, sign)) = markdown_signs::first_sign(text) {
        return Err(NotPlainText { path: name.to_string(), line, sign }.into());
    }
    let mut reader = Reader::default();
    let mut groups = split_at_headings(line_groups(text)).into_iter().peekable();
    while let Some(group) = groups.next() {
        let caption = caption_above(&group).filter(|_| groups.peek().is_some_and(opens_an_uncaptioned_article));
        match (caption, groups.next_if(|_| caption.is_some())) {
            (Some(caption), Some(article)) => reader.read_group(article, Some(caption)),
            _ => reader.read_group(group, None),
        }
    }
    reader.finish(lang, name)
}

/// The text's blocks of non-blank lines, each with the 1-based line it starts on; lines trimmed.
fn line_groups(text: &str) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut open = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        match groups.last_mut() {
            Some(group) if open => group.lines.push(line.to_string()),
            _ => groups.push(Group { line: line_number(index), lines: vec![line.to_string()] }),
        }
        open = true;
    }
    groups
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// The blocks cut where a line inside one opens a part: a caption followed by its article (on the
/// next line, or first in the next block), a Japanese heading (`第一章`, `第一条　…`, `附則`: no
/// sentence runs on into one), or an English heading after a line that ends a sentence or is
/// itself a heading or caption. So a statute written without blank lines reads part by part.
fn split_at_headings(groups: Vec<Group>) -> Vec<Group> {
    let mut cut = Vec::with_capacity(groups.len());
    for (index, group) in groups.iter().enumerate() {
        let next_block = groups.get(index + 1).map(|next| next.lines[0].as_str());
        let mut start = 0;
        for i in 1..group.lines.len() {
            let following = group.lines.get(i + 1).map(String::as_str).or(next_block);
            if opens_a_part_inside_a_block(&group.lines, i, following) {
                cut.push(Group { line: group.line + start as u32, lines: group.lines[start..i].to_vec() });
                start = i;
            }
        }
        let lines = if start == 0 { group.lines.clone() } else { group.lines[start..].to_vec() };
        cut.push(Group { line: group.line + start as u32, lines });
    }
    cut
}

/// Whether line `i` (not the first) of a block opens a part of its own; `following` is the line
/// after it (in the block, or first in the next one).
fn opens_a_part_inside_a_block(lines: &[String], i: usize, following: Option<&str>) -> bool {
    let line = &lines[i];
    if headings::caption_line(line).is_some() {
        return following.is_some_and(|next| headings::article(next, None).is_some());
    }
    let opens = headings::article(line, None).is_some() || headings::part(line).is_some();
    opens && (ends_what_came_before(lines, i) || line.starts_with(['第', '附', '別']))
}

/// Whether the lines before line `i` of a block end there: a sentence's end, a heading, a caption,
/// or a chapter's title on the line after its number.
fn ends_what_came_before(lines: &[String], i: usize) -> bool {
    let previous = &lines[i - 1];
    let is_heading = |line: &str| headings::article(line, None).is_some() || headings::part(line).is_some();
    previous.ends_with(SENTENCE_ENDS)
        || is_heading(previous)
        || headings::caption_line(previous).is_some()
        || (i >= 2 && headings::part(&lines[i - 2]).is_some())
}

/// The caption a block of one line is, as written (`（名称）`).
fn caption_above(group: &Group) -> Option<&str> {
    match group.lines.as_slice() {
        [line] => headings::caption_line(line),
        _ => None,
    }
}

/// Whether a block opens an article that has no caption of its own (so one above it is its).
fn opens_an_uncaptioned_article(group: &Group) -> bool {
    headings::article(&group.lines[0], group.lines.get(1).map(String::as_str)).is_some_and(|a| a.caption.is_none())
}

/// What a block's heading opens: the clause, and the block's lines after the heading (an
/// article's text may follow `第一条` on its line) with the line the first of them is on.
struct Opening {
    kind: HeadingKind,
    /// The number as a part of the id (`1`, `10-2`, `a`); `None` for a part without one.
    number: Option<String>,
    heading: String,
    caption: Option<String>,
    rest: Vec<String>,
    rest_line: u32,
}

/// The parts that hold what comes next: the chapter (or supplementary provisions, appended
/// table, lettered part) and the section in it, by id.
#[derive(Default)]
struct Enclosing {
    part: Option<(HeadingKind, String)>,
    section: Option<(String, u8)>,
}

impl Enclosing {
    /// The level of the deepest part open: 1 (the title) when none is.
    fn depth(&self) -> u8 {
        match (&self.section, &self.part) {
            (Some((_, level)), _) => *level,
            (None, Some(_)) => 2,
            (None, None) => 1,
        }
    }

    /// The id of the supplementary provisions open, whose articles are numbered apart.
    fn supplementary(&self) -> Option<&str> {
        match &self.part {
            Some((HeadingKind::SupplementaryProvisions, id)) => Some(id),
            _ => None,
        }
    }
}

/// The text read so far, block by block.
#[derive(Default)]
struct Reader {
    clauses: Vec<TextClause>,
    title_matter: Vec<TextBlock>,
    title_lines: Vec<(u32, String)>,
    enclosing: Enclosing,
    supplementary_provisions: usize,
}

impl Reader {
    /// Reads a block: a heading (with the caption that stood above it) and the text after it on
    /// its lines, or text for the clause open.
    fn read_group(&mut self, group: Group, caption: Option<&str>) {
        match self.opening(&group, caption) {
            Some(mut opening) => {
                let (rest, rest_line) = (std::mem::take(&mut opening.rest), opening.rest_line);
                self.open(opening, group.line);
                if !rest.is_empty() {
                    self.push_text(rest, rest_line);
                }
            }
            None => {
                if self.clauses.is_empty() {
                    self.note_title_lines(&group);
                }
                self.push_text(group.lines, group.line);
            }
        }
    }

    fn note_title_lines(&mut self, group: &Group) {
        if !self.title_lines.is_empty() {
            self.title_lines.push((0, String::new()));
        }
        self.title_lines.extend((group.line..).zip(group.lines.iter().cloned()));
    }

    fn in_article(&self) -> bool {
        self.clauses.last().is_some_and(|clause| clause.kind == HeadingKind::Article)
    }

    /// The heading a block opens with, if any. Inside an article, `1. …` and `a) …` are its
    /// paragraphs and items, not headings.
    fn opening(&self, group: &Group, caption_above: Option<&str>) -> Option<Opening> {
        let first = group.lines[0].as_str();
        let after_first = group.lines[1..].to_vec();
        if let Some(article) = headings::article(first, group.lines.get(1).map(String::as_str)) {
            let mut rest: Vec<String> = article.text.map(str::to_string).into_iter().collect();
            let rest_line = if rest.is_empty() { group.line + 1 } else { group.line };
            rest.extend(after_first);
            let written = single_spaced(article.heading);
            let (heading, caption) = match (caption_above, article.caption) {
                (Some(above), None) => (captioned(&written, above), Some(above.to_string())),
                (_, caption) => (written, caption.map(str::to_string)),
            };
            let number = Some(article.number);
            return Some(Opening { kind: HeadingKind::Article, number, heading, caption, rest, rest_line });
        }
        if let Some(part) = headings::part(first) {
            let whole_block = matches!(part.kind, HeadingKind::Chapter | HeadingKind::Section);
            if whole_block && group.lines.len() > 2 {
                return None;
            }
            let (heading, rest) =
                if whole_block { (group.lines.join(" "), Vec::new()) } else { (first.to_string(), after_first) };
            let rest_line = group.line + 1;
            return Some(Opening { kind: part.kind, number: part.number, heading, caption: None, rest, rest_line });
        }
        if self.in_article() || group.lines.len() > 1 {
            return None;
        }
        let (kind, number) = if let Some(number) = headings::numbered(first) {
            (HeadingKind::Numbered, number.to_string())
        } else {
            (HeadingKind::Lettered, headings::lettered(first)?.to_string())
        };
        let heading = first.to_string();
        Some(Opening { kind, number: Some(number), heading, caption: None, rest: Vec::new(), rest_line: group.line })
    }

    /// Opens the clause of a heading: its id and level from the parts that hold it.
    fn open(&mut self, opening: Opening, line: u32) {
        let (id, level) = self.place(opening.kind, opening.number.as_deref());
        self.clauses.push(TextClause {
            id,
            kind: opening.kind,
            heading: opening.heading,
            caption: opening.caption,
            level,
            line,
            blocks: Vec::new(),
        });
    }

    /// The id and level of a heading of `kind` numbered `number`, where it stands; the parts it
    /// opens hold what comes next.
    fn place(&mut self, kind: HeadingKind, number: Option<&str>) -> (String, u8) {
        let number = number.unwrap_or_default();
        match kind {
            HeadingKind::Title => ("title".into(), 1),
            HeadingKind::Chapter | HeadingKind::Lettered | HeadingKind::AppendedTable => {
                let id = match kind {
                    HeadingKind::Chapter => format!("chapter-{number}"),
                    HeadingKind::Lettered => format!("section-{number}"),
                    _ if number.is_empty() => "appended-table".into(),
                    _ => format!("appended-table-{number}"),
                };
                self.open_part(kind, id)
            }
            HeadingKind::SupplementaryProvisions => {
                self.supplementary_provisions += 1;
                let id = match self.supplementary_provisions {
                    1 => "supplementary-provisions".to_string(),
                    n => format!("supplementary-provisions-{n}"),
                };
                self.open_part(kind, id)
            }
            HeadingKind::Section => {
                let (id, level) = match &self.enclosing.part {
                    Some((_, part)) => (format!("{part}-section-{number}"), 3),
                    None => (format!("section-{number}"), 2),
                };
                self.enclosing.section = Some((id.clone(), level));
                (id, level)
            }
            HeadingKind::Article => {
                let id = match self.enclosing.supplementary() {
                    Some(part) => format!("{part}-article-{number}"),
                    None => format!("article-{number}"),
                };
                (id, self.enclosing.depth() + 1)
            }
            HeadingKind::Numbered => (format!("section-{number}"), self.enclosing.depth() + 1),
        }
    }

    /// Opens a part at chapter level (2), closing the section open.
    fn open_part(&mut self, kind: HeadingKind, id: String) -> (String, u8) {
        self.enclosing = Enclosing { part: Some((kind, id.clone())), section: None };
        (id, 2)
    }

    /// Adds text to the clause open (or the title matter): an article's cut where its
    /// paragraph numbers open paragraphs.
    fn push_text(&mut self, lines: Vec<String>, line: u32) {
        let in_article = self.in_article();
        let target = match self.clauses.last_mut() {
            Some(clause) => &mut clause.blocks,
            None => &mut self.title_matter,
        };
        if in_article {
            let before = target.iter().filter(|b| matches!(b.kind, TextBlockKind::Paragraph(_))).count();
            for (line, lines) in article_paragraphs(lines, line, before) {
                let numbered = headings::paragraph_number(&lines[0]).is_some();
                push_blocks(target, lines, line, numbered);
            }
        } else {
            push_blocks(target, lines, line, false);
        }
    }

    fn finish(self, lang: Lang, name: &str) -> Result<ImportedText, ReadError> {
        let Reader { mut clauses, mut title_matter, title_lines, .. } = self;
        if clauses.is_empty() && title_matter.is_empty() {
            return Err(InputError::EmptyText { path: name.to_string() }.into());
        }
        if !title_matter.is_empty() {
            let first = title_matter.remove(0);
            let title = TextClause {
                id: "title".into(),
                kind: HeadingKind::Title,
                heading: first.plain().replace('\n', " "),
                caption: None,
                level: 1,
                line: first.line,
                blocks: title_matter,
            };
            clauses.insert(0, title);
        }
        number_ids(&mut clauses);
        Ok(ImportedText { lang, clauses, title_lines })
    }
}

/// An article's heading with runs of spaces made one (`Article 1  (Name)`, as some translations
/// set it, is `Article 1 (Name)`); an ideographic space is kept as written.
fn single_spaced(heading: &str) -> String {
    heading.split(' ').filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

/// An article's heading with the caption that stood above it: `第一条（名称）`, `Article 1 (Name)`.
fn captioned(heading: &str, caption: &str) -> String {
    if caption.starts_with('(') {
        format!("{} {caption}", heading.trim_end_matches('.'))
    } else {
        format!("{heading}{caption}")
    }
}

/// An article's lines cut into paragraphs where a line opens the next paragraph by its number
/// (`２　…` after paragraph 1): the number after the `before` paragraphs of the article and the
/// ones cut here, on a line after the end of a sentence, in a style that no list counting from
/// 1 in these lines uses (`(1) …` `(2) …` after a lead-in are items).
fn article_paragraphs(lines: Vec<String>, line: u32, before: usize) -> Vec<(u32, Vec<String>)> {
    let listed: HashSet<NumberStyle> = lines[1..]
        .iter()
        .filter_map(|l| headings::paragraph_number(l))
        .filter(|(number, _)| *number == 1)
        .map(|(_, style)| style)
        .collect();
    let mut paragraphs: Vec<(u32, Vec<String>)> = Vec::new();
    let mut number = before as u64 + 1;
    for (offset, text) in (0u32..).zip(lines) {
        let opens = paragraphs.last().is_some_and(|(_, previous)| {
            previous.last().is_some_and(|l| l.ends_with(SENTENCE_ENDS))
                && headings::paragraph_number(&text)
                    .is_some_and(|(n, style)| n == number + 1 && !listed.contains(&style))
        });
        match paragraphs.last_mut() {
            Some((_, current)) if !opens => current.push(text),
            _ => {
                if !paragraphs.is_empty() {
                    number += 1;
                }
                paragraphs.push((line + offset, vec![text]));
            }
        }
    }
    paragraphs
}

/// Adds the blocks a group of lines makes to `target`: a paragraph, or a lead-in paragraph and a
/// list when two or more lines start with list labels. `numbered`: the first line opens a
/// numbered paragraph of an article (`(2) …`), so its label is the paragraph's, not an item's.
fn push_blocks(target: &mut Vec<TextBlock>, lines: Vec<String>, line: u32, numbered: bool) {
    let is_item = |index: usize, line: &str| index >= usize::from(numbered) && LIST_LABEL.is_match(line);
    let first_item = lines.iter().enumerate().position(|(i, l)| is_item(i, l));
    let labelled = lines.iter().enumerate().filter(|(i, l)| is_item(*i, l)).count();
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

/// A list item's label: `一　`, `(i)`, `（二）`, `(1)`, `1)`, `- `, `・`.
static LIST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[-•・]\s*|[(（][0-9０-９a-zivx一二三四五六七八九十]+[)）]\s*|[0-9０-９]+[)）]\s*|[一二三四五六七八九十]+[\s　])\S",
    )
    .expect("valid pattern")
});

/// Makes ids unique in reading order: a second `section-1` becomes `section-1-2` (or the next
/// number no clause has).
fn number_ids(clauses: &mut [TextClause]) {
    let mut taken: HashSet<String> = HashSet::new();
    for clause in clauses {
        let mut id = clause.id.clone();
        let mut count = 1;
        while taken.contains(&id) {
            count += 1;
            id = format!("{}-{count}", clause.id);
        }
        taken.insert(id.clone());
        clause.id = id;
    }
}

/// Paragraphs a text may hold with no heading recognised before that is worth a warning.
const FEW_PARAGRAPHS: usize = 3;

impl ImportedText {
    /// How many paragraphs the text holds when no heading was recognised in it and it holds more
    /// than a few: all of it is title matter, and nothing in it pairs clause by clause.
    pub fn without_headings(&self) -> Option<usize> {
        let [title] = self.clauses.as_slice() else { return None };
        let paragraphs = title.blocks.len() + 1;
        (title.kind == HeadingKind::Title && paragraphs > FEW_PARAGRAPHS).then_some(paragraphs)
    }

    /// The adoption date the title matter states ([`crate::adopted::adoption_date`]), with its
    /// 1-based line in the text.
    pub fn adoption_date(&self) -> Option<(Date, u32)> {
        let lines: Vec<&str> = self.title_lines.iter().map(|(_, line)| line.as_str()).collect();
        let (date, index) = crate::adopted::adoption_date(&lines)?;
        Some((date, self.title_lines[index].0))
    }

    /// The text as a Markdown source: each clause a heading with its `{#id}`, its blocks after it.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for clause in &self.clauses {
            let level = "#".repeat(usize::from(clause.level));
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
                    level: clause.level,
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
            matches!(read(" \n\n　\n", Lang::Ja, "ja.txt"), Err(ReadError::Input(InputError::EmptyText { path })) if path == "ja.txt")
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

    fn paragraphs(clause: &TextClause) -> Vec<String> {
        clause.blocks.iter().map(TextBlock::plain).collect()
    }

    fn clause<'t>(text: &'t ImportedText, id: &str) -> &'t TextClause {
        text.clauses.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no {id} in {:?}", ids(text)))
    }

    #[test]
    fn an_article_s_text_may_follow_its_heading_and_caption_on_the_same_line() {
        let ja = read("第一条（名称）　本会は、例会と称する。\n", Lang::Ja, "t").unwrap();
        let article = clause(&ja, "article-1");
        assert_eq!((article.heading.as_str(), article.caption.as_deref()), ("第一条（名称）", Some("（名称）")));
        assert_eq!(paragraphs(article), ["本会は、例会と称する。"]);
        let en = read("Article 1 (Name) The Society is named the Example Society.\n", Lang::En, "t").unwrap();
        let article = clause(&en, "article-1");
        assert_eq!((article.heading.as_str(), article.caption.as_deref()), ("Article 1 (Name)", Some("(Name)")));
        assert_eq!(paragraphs(article), ["The Society is named the Example Society."]);
    }

    #[test]
    fn an_article_s_text_may_follow_on_the_next_lines() {
        for (text, lang, heading) in [
            ("第一条（名称）\n本会は、例会と称する。\n", Lang::Ja, "第一条（名称）"),
            ("Article 1 (Name)\nThe Society is named.\n", Lang::En, "Article 1 (Name)"),
            ("Article 1. Name\nThe Society is named.\n", Lang::En, "Article 1. Name"),
            ("Article 1. Name\n\nThe Society is named.\n", Lang::En, "Article 1. Name"),
        ] {
            let read = read(text, lang, "t").unwrap();
            assert_eq!(ids(&read), ["article-1"], "{text}");
            assert_eq!(read.clauses[0].heading, heading, "{text}");
            assert_eq!(paragraphs(&read.clauses[0]).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_caption_above_an_article_in_the_same_block_is_its_caption() {
        let ja = read("規則\n\n（名称）\n第一条　本会は、例会と称する。\n", Lang::Ja, "t").unwrap();
        assert_eq!(ids(&ja), ["title", "article-1"]);
        let article = clause(&ja, "article-1");
        assert_eq!((article.heading.as_str(), article.caption.as_deref()), ("第一条（名称）", Some("（名称）")));
        assert_eq!((article.line, article.blocks[0].line), (4, 4));
        assert!(
            ja.markdown().contains("## 第一条（名称） {#article-1}\n\n本会は、例会と称する。\n"),
            "{}",
            ja.markdown()
        );
        let en = read("Rules\n\n(Name)\nArticle 1 The Society is named.\n", Lang::En, "t").unwrap();
        assert_eq!(clause(&en, "article-1").heading, "Article 1 (Name)");
    }

    #[test]
    fn a_caption_in_the_block_above_an_article_is_its_caption() {
        let ja = read("規則\n\n（名称）\n\n第一条　本会は、例会と称する。\n", Lang::Ja, "t").unwrap();
        assert_eq!(ids(&ja), ["title", "article-1"]);
        assert_eq!(clause(&ja, "article-1").heading, "第一条（名称）");
        assert!(clause(&ja, "title").blocks.is_empty(), "the caption is not title matter");
        let en = read("Rules\n\n(Name)\n\nArticle 1.\nThe Society is named.\n", Lang::En, "t").unwrap();
        assert_eq!(clause(&en, "article-1").heading, "Article 1 (Name)");
    }

    #[test]
    fn a_caption_never_ends_up_in_the_article_before_it() {
        for text in [
            "第一条　本会は、例会と称する。\n（目的）\n第二条　本会は、例を示す。\n",
            "第一条　本会は、例会と称する。\n（目的）\n\n第二条　本会は、例を示す。\n",
            "第一条　本会は、例会と称する。\n\n（目的）\n\n第二条　本会は、例を示す。\n",
        ] {
            let ja = read(text, Lang::Ja, "t").unwrap();
            assert_eq!(ids(&ja), ["article-1", "article-2"], "{text}");
            assert_eq!(paragraphs(&ja.clauses[0]), ["本会は、例会と称する。"], "{text}");
            assert_eq!(ja.clauses[1].heading, "第二条（目的）", "{text}");
            assert_eq!(paragraphs(&ja.clauses[1]), ["本会は、例を示す。"], "{text}");
        }
        let en = read("Article 1 One.\n(Purpose)\nArticle 2 Two.\n", Lang::En, "t").unwrap();
        assert_eq!(paragraphs(&en.clauses[0]), ["One."]);
        assert_eq!(en.clauses[1].heading, "Article 2 (Purpose)");
    }

    #[test]
    fn a_note_in_parentheses_above_the_first_article_stays_title_matter() {
        let en = read("Rules\n\n(Adopted by the general meeting)\n\nArticle 1 One.\n", Lang::En, "t").unwrap();
        assert_eq!(clause(&en, "article-1").heading, "Article 1");
        assert_eq!(paragraphs(clause(&en, "title")), ["(Adopted by the general meeting)"]);
    }

    #[test]
    fn an_article_inserted_after_another_is_numbered_with_its_branch() {
        let ja =
            read("第十条　十。\n\n第十条の二　十の二。\n\n第十条の二の二（細則）\n細則。\n", Lang::Ja, "t").unwrap();
        assert_eq!(ids(&ja), ["article-10", "article-10-2", "article-10-2-2"]);
        let en =
            read("Article 10 Ten.\n\nArticle 10-2 Ten two.\n\nArticle 11 bis\nEleven two.\n", Lang::En, "t").unwrap();
        assert_eq!(ids(&en), ["article-10", "article-10-2", "article-11-2"]);
    }

    #[test]
    fn an_article_heading_set_with_two_spaces_is_single_spaced() {
        let en = read("Article 1  (Name)  The Society is named.\n", Lang::En, "t").unwrap();
        assert_eq!(en.clauses[0].heading, "Article 1 (Name)");
        assert_eq!(paragraphs(&en.clauses[0]), ["The Society is named."]);
    }

    #[test]
    fn old_kanji_numerals_number_articles() {
        let ja = read("第壱条　一。\n\n第拾弐条　十二。\n", Lang::Ja, "t").unwrap();
        assert_eq!(ids(&ja), ["article-1", "article-12"]);
    }

    #[test]
    fn chapters_and_sections_hold_articles_one_level_below_them() {
        let ja = read(
            "規則\n\n第一章　総則\n\n第一条　一。\n\n第二章　機関\n\n第一節　総会\n\n第二条　二。\n\n第二節　理事会\n\n第三条　三。\n",
            Lang::Ja,
            "t",
        )
        .unwrap();
        let en = read(
            "Rules\n\nCHAPTER 1 GENERAL PROVISIONS\n\nArticle 1 One.\n\nChapter II Organs\n\nSection 1 General Meeting\n\nArticle 2 Two.\n\nSection 2 Board\n\nArticle 3 Three.\n",
            Lang::En,
            "t",
        )
        .unwrap();
        for text in [&ja, &en] {
            let placed: Vec<(&str, u8)> = text.clauses.iter().map(|c| (c.id.as_str(), c.level)).collect();
            assert_eq!(
                placed,
                [
                    ("title", 1),
                    ("chapter-1", 2),
                    ("article-1", 3),
                    ("chapter-2", 2),
                    ("chapter-2-section-1", 3),
                    ("article-2", 4),
                    ("chapter-2-section-2", 3),
                    ("article-3", 4),
                ]
            );
        }
        assert!(ja.markdown().contains("### 第一節　総会 {#chapter-2-section-1}\n\n#### 第二条"), "{}", ja.markdown());
    }

    #[test]
    fn articles_outside_any_part_are_one_level_below_the_title() {
        let en = read("Rules\n\nArticle 1 One.\n", Lang::En, "t").unwrap();
        assert_eq!(clause(&en, "article-1").level, 2);
        let sections = read("Section 1 Scope\n\nArticle 1 One.\n", Lang::En, "t").unwrap();
        assert_eq!((sections.clauses[0].id.as_str(), sections.clauses[0].level), ("section-1", 2));
        assert_eq!(sections.clauses[1].level, 3);
    }

    #[test]
    fn supplementary_provisions_in_their_spellings_are_parts_at_chapter_level() {
        for heading in ["附則", "附　則", "附 則"] {
            let ja = read(
                &format!("第一章　総則\n\n第一条　一。\n\n{heading}\n\nこの規則は、公布の日から施行する。\n"),
                Lang::Ja,
                "t",
            )
            .unwrap();
            assert_eq!(ids(&ja), ["chapter-1", "article-1", "supplementary-provisions"], "{heading}");
            assert_eq!(clause(&ja, "supplementary-provisions").level, 2);
            assert_eq!(paragraphs(clause(&ja, "supplementary-provisions")), ["この規則は、公布の日から施行する。"]);
        }
        for heading in ["Supplementary Provisions", "SUPPLEMENTARY PROVISIONS"] {
            let en = read(&format!("Article 1 One.\n\n{heading}\nThese Rules come into force today.\n"), Lang::En, "t")
                .unwrap();
            assert_eq!(ids(&en), ["article-1", "supplementary-provisions"], "{heading}");
            assert_eq!(paragraphs(&en.clauses[1]), ["These Rules come into force today."], "text in the same block");
        }
    }

    #[test]
    fn a_second_supplementary_provisions_and_their_articles_are_numbered_apart() {
        let ja = read(
            "第一条　一。\n\n附　則\n\n第一条　施行。\n\n附　則（令和五年規則第一号）\n\n第一条　改正。\n",
            Lang::Ja,
            "t",
        )
        .unwrap();
        assert_eq!(
            ids(&ja),
            [
                "article-1",
                "supplementary-provisions",
                "supplementary-provisions-article-1",
                "supplementary-provisions-2",
                "supplementary-provisions-2-article-1",
            ]
        );
        assert_eq!(clause(&ja, "supplementary-provisions-article-1").level, 3);
    }

    #[test]
    fn appended_tables_are_parts_at_chapter_level() {
        let ja =
            read("第一条　一。\n\n別表\n区分　金額\n\n別表第一（第一条関係）\n\n会費　千円\n", Lang::Ja, "t").unwrap();
        assert_eq!(ids(&ja), ["article-1", "appended-table", "appended-table-1"]);
        assert_eq!(clause(&ja, "appended-table").level, 2);
        assert_eq!(paragraphs(clause(&ja, "appended-table")), ["区分　金額"]);
        let en = read(
            "Article 1 One.\n\nAppended Table\n\nAppended Table 1 (re Article 1)\n\nFee 1000 yen\n",
            Lang::En,
            "t",
        )
        .unwrap();
        assert_eq!(ids(&en), ["article-1", "appended-table", "appended-table-1"]);
    }

    #[test]
    fn paragraph_numbers_inside_an_article_open_its_next_paragraphs() {
        for (text, lang, third_line) in [
            (
                "第三条　会員は、会費を納める。\n２　会費の額は、総会で定める。\n３　納めた会費は、返さない。\n",
                Lang::Ja,
                3,
            ),
            (
                "Article 3\n(1) Members pay dues.\n(2) The general meeting sets them.\n(3) Dues are not refunded.\n",
                Lang::En,
                4,
            ),
            (
                "Article 3. Members pay dues.\n2. The general meeting sets them.\n3. Dues are not refunded.\n",
                Lang::En,
                3,
            ),
            (
                "Article 3 Members pay dues.\n\n2 The general meeting sets them.\n\n3 Dues are not refunded.\n",
                Lang::En,
                5,
            ),
        ] {
            let read = read(text, lang, "t").unwrap();
            assert_eq!(ids(&read), ["article-3"], "{text}");
            let blocks: Vec<bool> =
                read.clauses[0].blocks.iter().map(|b| matches!(b.kind, TextBlockKind::Paragraph(_))).collect();
            assert_eq!(blocks, [true, true, true], "{text}");
            assert_eq!(read.clauses[0].blocks[2].line, third_line, "{text}");
        }
    }

    #[test]
    fn a_numbered_list_after_a_lead_in_stays_a_list_and_a_short_numbered_line_no_heading() {
        let en = read(
            "Article 13. The general meeting shall:\n(1) elect the board;\n(2) adopt the accounts.\n",
            Lang::En,
            "t",
        )
        .unwrap();
        assert!(matches!(&en.clauses[0].blocks[1].kind, TextBlockKind::List(items) if items.len() == 2));
        let en = read("Article 2\n\nThe board meets.\n\n2. Members\n", Lang::En, "t").unwrap();
        assert_eq!(ids(&en), ["article-2"], "`2. Members` in an article is its paragraph");
        assert_eq!(en.clauses[0].blocks.len(), 2);
    }

    #[test]
    fn a_numbered_paragraph_with_items_is_a_lead_in_and_a_list_in_both_languages() {
        let en = read(
            "Article 2 (1) In this Act, a member is a person who joins.\n(2) A member is any of the following:\n(i) a founder;\n(ii) a person admitted.\n",
            Lang::En,
            "t",
        )
        .unwrap();
        let ja = read(
            "第二条　この法律において、会員とは、入会した者をいう。\n２　会員は、次に掲げる者とする。\n一　設立者\n二　入会を認められた者\n",
            Lang::Ja,
            "t",
        )
        .unwrap();
        for text in [&en, &ja] {
            let kinds: Vec<&str> = text.clauses[0]
                .blocks
                .iter()
                .map(|b| match &b.kind {
                    TextBlockKind::Paragraph(_) => "paragraph",
                    TextBlockKind::List(items) if items.len() == 2 => "list of 2",
                    TextBlockKind::List(_) => "list",
                })
                .collect();
            assert_eq!(kinds, ["paragraph", "paragraph", "list of 2"], "{:?}", text.lang);
        }
    }

    #[test]
    fn a_statute_written_without_blank_lines_reads_part_by_part() {
        let ja = read(
            "例会規則\n第一章　総則\n（名称）\n第一条　本会は、例会と称する。\n（目的）\n第二条　本会は、例を示す。\n２　本会は、営利を目的としない。\n附　則\nこの規則は、令和五年四月一日から施行する。\n",
            Lang::Ja,
            "t",
        )
        .unwrap();
        assert_eq!(ids(&ja), ["title", "chapter-1", "article-1", "article-2", "supplementary-provisions"]);
        assert_eq!(clause(&ja, "article-2").heading, "第二条（目的）");
        assert_eq!(paragraphs(clause(&ja, "article-2")), ["本会は、例を示す。", "２　本会は、営利を目的としない。"]);
        assert_eq!(clause(&ja, "article-2").blocks[1].line, 7);
    }

    #[test]
    fn a_text_without_any_heading_is_told_apart_from_a_short_one() {
        let long = read("Title\n\nOne.\n\nTwo.\n\nThree.\n", Lang::En, "t").unwrap();
        assert_eq!(long.without_headings(), Some(4));
        let short = read("Title\n\nOne.\n\nTwo.\n", Lang::En, "t").unwrap();
        assert_eq!(short.without_headings(), None, "a few paragraphs may be all there is");
        let headed = read("Title\n\nOne.\n\nTwo.\n\nThree.\n\nArticle 1 Text.\n", Lang::En, "t").unwrap();
        assert_eq!(headed.without_headings(), None);
    }

    #[test]
    fn the_adoption_date_is_read_from_the_title_matter_with_its_line() {
        let ja = read("例会規則\n\n令和五年二月二十三日制定\n\n第一条　令和六年一月一日に改める。\n", Lang::Ja, "t")
            .unwrap();
        let date = Date { year: 2023, month: 2, day: 23 };
        assert_eq!(ja.adoption_date(), Some((date, 3)));
        let en = read("Rules\n(Adopted on\n23 February 2023)\n\nArticle 1 One.\n", Lang::En, "t").unwrap();
        assert_eq!(en.adoption_date(), Some((date, 3)));
        let dated_article = read("Rules\n\nArticle 1 Adopted on 23 February 2023.\n", Lang::En, "t").unwrap();
        assert_eq!(dated_article.adoption_date(), None, "only the title matter dates the text");
    }

    #[test]
    fn a_markdown_file_is_refused_at_the_line_that_gives_it_away() {
        let refused = read("Rules\n\n## Article 1 {#article-1}\n\nText.\n", Lang::En, "en.md");
        let Err(ReadError::NotPlainText(refusal)) = refused else { panic!("{refused:?}") };
        assert_eq!(refusal, NotPlainText { path: "en.md".into(), line: 3, sign: MarkdownSign::Heading });
        let diagnostic = refusal.diagnostic();
        assert_eq!(diagnostic.location.map(|l| (l.path, l.line)), Some(("en.md".to_string(), 3)));
        assert!(diagnostic.help.is_some());
    }

    #[test]
    fn a_clause_in_one_text_only_is_reported_whole() {
        let en = read("Article 1\n\nOne.\n\nArticle 2\n\nTwo.\n", Lang::En, "en").unwrap();
        let ja = read("第一条\n\n一。\n", Lang::Ja, "ja").unwrap();
        let alone = unpaired(&en, &ja);
        assert_eq!(alone, [Unpaired { lang: Lang::En, line: 5, heading: "Article 2".into(), excerpt: None }]);
    }
}
