//! What gives a Markdown file away when it is given as a plain text: front matter at the top
//! (`+++` … `+++`, `---` … `---`), an ATX heading (`## Title`), bold (`**text**`), a link
//! (`[text](url)`), or lists on most of its blocks. Plain texts have none of these: a statute's
//! `一　…` items, one `- ` list or numbered paragraphs (`1. …`) are no sign.

use std::sync::LazyLock;

use regex::Regex;

/// What showed that a text is Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkdownSign {
    /// `+++` or `---` front matter at the top.
    FrontMatter,
    /// A `#` heading.
    Heading,
    /// Most blocks are Markdown lists.
    Lists,
    /// `**bold**`.
    Bold,
    /// `[text](url)`.
    Link,
}

impl MarkdownSign {
    /// The sign's name, as the messages select on it.
    pub fn name(self) -> &'static str {
        match self {
            MarkdownSign::FrontMatter => "front-matter",
            MarkdownSign::Heading => "heading",
            MarkdownSign::Lists => "lists",
            MarkdownSign::Bold => "bold",
            MarkdownSign::Link => "link",
        }
    }
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid pattern")
}

static ATX_HEADING: LazyLock<Regex> = LazyLock::new(|| regex(r"^ {0,3}#{1,6}[ \t]+\S"));
static BOLD: LazyLock<Regex> = LazyLock::new(|| regex(r"\*\*[^\s*][^*]*\*\*"));
/// A link whose target looks like one: it holds `/`, `.`, `#` or `:` (`[2](b)` is a reference).
static LINK: LazyLock<Regex> = LazyLock::new(|| regex(r"\[[^\[\]]+\]\([^()\s]*[/.#:][^()\s]*\)"));
/// A front matter's field: `title = "…"`, `title: …`.
static FIELD: LazyLock<Regex> = LazyLock::new(|| regex(r"^[A-Za-z_][\w-]*\s*(?:=|:)"));
static BULLET: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*[*+-]\s+\S"));
static ORDERED: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*\d{1,9}[.)]\s+\S"));

/// Blocks at least that make a text of lists.
const MIN_LIST_BLOCKS: usize = 3;

/// The first sign that `text` is Markdown, with its 1-based line; `None` for a plain text.
pub fn first_sign(text: &str) -> Option<(u32, MarkdownSign)> {
    let lines: Vec<&str> = text.lines().collect();
    [front_matter(&lines), line_sign(&lines), lists(&lines)].into_iter().flatten().min_by_key(|(line, _)| *line)
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// Front matter: the first non-blank line a fence (`+++`, `---`), closed by the same fence
/// further down, with a field between.
fn front_matter(lines: &[&str]) -> Option<(u32, MarkdownSign)> {
    let open = lines.iter().position(|line| !line.trim().is_empty())?;
    let fence = lines[open].trim_end();
    if fence != "+++" && fence != "---" {
        return None;
    }
    let close = lines[open + 1..].iter().position(|line| line.trim_end() == fence)?;
    let fields = &lines[open + 1..open + 1 + close];
    fields.iter().any(|line| FIELD.is_match(line)).then_some((line_number(open), MarkdownSign::FrontMatter))
}

/// The first line holding a heading, bold text or a link.
fn line_sign(lines: &[&str]) -> Option<(u32, MarkdownSign)> {
    lines.iter().enumerate().find_map(|(index, line)| {
        let sign = if ATX_HEADING.is_match(line) {
            MarkdownSign::Heading
        } else if BOLD.is_match(line) {
            MarkdownSign::Bold
        } else if LINK.is_match(line) {
            MarkdownSign::Link
        } else {
            return None;
        };
        Some((line_number(index), sign))
    })
}

/// Lists on most blocks: more than half of the blocks, and at least [`MIN_LIST_BLOCKS`], open
/// with a bullet (`* `, `- `, `+ `) or are ordered lists of two items or more (`1. …` alone is a
/// numbered paragraph or heading); at the first such block.
fn lists(lines: &[&str]) -> Option<(u32, MarkdownSign)> {
    let blocks = blocks(lines);
    let is_list = |block: &[(usize, &str)]| {
        BULLET.is_match(block[0].1) || block.iter().filter(|(_, line)| ORDERED.is_match(line)).count() >= 2
    };
    let lists: Vec<usize> = blocks.iter().filter(|block| is_list(block)).map(|block| block[0].0).collect();
    (lists.len() >= MIN_LIST_BLOCKS && lists.len() * 2 > blocks.len())
        .then(|| (line_number(lists[0]), MarkdownSign::Lists))
}

/// The blocks of non-blank lines, each line with its index.
fn blocks<'l>(lines: &[&'l str]) -> Vec<Vec<(usize, &'l str)>> {
    let mut blocks: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut open = false;
    for (index, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            open = false;
        } else if open && let Some(block) = blocks.last_mut() {
            block.push((index, line));
        } else {
            blocks.push(vec![(index, line)]);
            open = true;
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_at_the_top_is_markdown() {
        assert_eq!(first_sign("+++\ntitle = \"Rules\"\n+++\n\nText.\n"), Some((1, MarkdownSign::FrontMatter)));
        assert_eq!(first_sign("\n---\ntitle: Rules\n---\n\nText.\n"), Some((2, MarkdownSign::FrontMatter)));
        assert_eq!(first_sign("---\n\nText without a closing fence.\n"), None);
        assert_eq!(first_sign("Title\n\n---\ntitle: x\n---\n"), None, "a rule further down is no front matter");
    }

    #[test]
    fn a_heading_bold_text_or_a_link_is_markdown_at_its_line() {
        assert_eq!(first_sign("Title\n\n## 1. Purpose {#article-1}\n"), Some((3, MarkdownSign::Heading)));
        assert_eq!(first_sign("Title\n\nThis is **binding**.\n"), Some((3, MarkdownSign::Bold)));
        assert_eq!(first_sign("Title\n\nSee [the rules](https://example.org/rules).\n"), Some((3, MarkdownSign::Link)));
        assert_eq!(first_sign("Title\n\nAs in Article 5[2](b) of the Act.\n"), None, "a reference, not a link");
        assert_eq!(first_sign("#1 priority\n\nC# and F#\n"), None);
    }

    #[test]
    fn lists_on_most_blocks_are_markdown_one_list_is_not() {
        let markdown = "Title\n\n- one\n- two\n\n- three\n\n* four\n";
        assert_eq!(first_sign(markdown), Some((3, MarkdownSign::Lists)));
        let one_list = "Article 7\n\nThe acts:\n- Promulgation.\n- Convocation.\n\nArticle 8\n\nText.\n";
        assert_eq!(first_sign(one_list), None);
        let numbered_paragraphs = "1. First.\n\n2. Second.\n\n3. Third.\n\n4. Fourth.\n";
        assert_eq!(first_sign(numbered_paragraphs), None);
        let statute = "第七条　天皇は、左の行為を行ふ。\n一　国会を召集すること。\n二　衆議院を解散すること。\n";
        assert_eq!(first_sign(statute), None);
    }

    #[test]
    fn the_earliest_sign_is_reported() {
        assert_eq!(first_sign("Title\n\n**x**\n\n# Heading\n"), Some((3, MarkdownSign::Bold)));
    }
}
