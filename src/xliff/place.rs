//! Where a unit's Japanese goes in the sources: the bytes of its text when there is one, or, for a
//! paragraph or list item the Japanese lacks, the point after the Japanese that precedes it in
//! its clause or footnote, with what opens the new block there (a blank line, a list marker).

use std::collections::HashMap;
use std::ops::Range;

use crate::address::{Address, Owner};
use crate::model::Inline;
use crate::source::FileId;

/// How a target's Markdown continues onto a new line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A heading: one line, line breaks become spaces, `{` is escaped (heading attributes).
    Heading,
    /// A paragraph, list item or footnote paragraph whose lines continue after this many spaces.
    Lines { indent: usize },
}

/// Where a unit's Japanese text is, or goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: FileId,
    /// The bytes of the inline content (no heading marks or id, no list marker); empty where a
    /// missing block is to be inserted.
    pub range: Range<usize>,
    pub layout: Layout,
    /// What goes before the text: nothing for an existing text, `\n\n` or `\n- ` for a new one.
    pub opening: String,
}

/// The last Japanese seen in each clause or footnote, as units are built in reading order.
#[derive(Default)]
pub struct Anchors {
    last: HashMap<Owner, Anchor>,
}

struct Anchor {
    file: FileId,
    /// Where the block (or list item) ends.
    end: usize,
    /// For a list item: the list's address and the item's marker (`- `, `2. `).
    item: Option<(Address, String)>,
}

/// The bytes of a run of inlines in its file: from the first inline's start to the last's end.
pub fn content_range(inlines: &[Inline]) -> Range<usize> {
    let start = inlines.iter().map(|i| i.span.start).min().unwrap_or(0);
    let end = inlines.iter().map(|i| i.span.end).max().unwrap_or(start);
    start..end
}

impl Anchors {
    /// The place of a Japanese text (`inlines` of file `text`), recorded as the last of its owner.
    /// `block_end`: where its block ends; `item`: whether it is a list item.
    pub fn existing(
        &mut self,
        address: &Address,
        inlines: &[Inline],
        text: &str,
        heading: bool,
        block_end: usize,
        item: bool,
    ) -> Place {
        let file = inlines.first().map_or(FileId::default(), |i| i.span.file);
        let range = content_range(inlines);
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let layout = if heading {
            Layout::Heading
        } else {
            Layout::Lines { indent: text[line_start..range.start].chars().count() }
        };
        let anchor = if item {
            let marker = text[line_start..range.start].to_string();
            Anchor { file, end: range.end, item: Some((address.clone(), marker)) }
        } else {
            Anchor { file, end: block_end, item: None }
        };
        self.last.insert(address.owner.clone(), anchor);
        Place { file, range, layout, opening: String::new() }
    }

    /// Where a unit the Japanese lacks would go: a paragraph after the last Japanese block of its
    /// owner, a list item after the last Japanese item of its list. `None` when there is no such
    /// Japanese (a missing heading, clause or whole list).
    /// Items inserted one after another count on (`2.`, `3.`).
    pub fn missing(&mut self, address: &Address, item: bool, footnote: bool) -> Option<Place> {
        if address.part == crate::address::Part::Heading {
            return None;
        }
        let anchor = self.last.get_mut(&address.owner)?;
        let at = anchor.end..anchor.end;
        if item {
            let (_, marker) = anchor.item.as_mut().filter(|(list, _)| list == address)?;
            *marker = next_marker(marker);
            let indent = marker.chars().count();
            let opening = format!("\n{marker}");
            return Some(Place { file: anchor.file, range: at, layout: Layout::Lines { indent }, opening });
        }
        let indent = if footnote { 4 } else { 0 };
        let opening = format!("\n\n{}", " ".repeat(indent));
        Some(Place { file: anchor.file, range: at, layout: Layout::Lines { indent }, opening })
    }
}

/// The marker of the item after one marked `marker`: the same bullet, or the next number.
fn next_marker(marker: &str) -> String {
    let indent: String = marker.chars().take_while(|c| *c == ' ').collect();
    let rest = &marker[indent.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<u64>() {
        Ok(n) if !digits.is_empty() => format!("{indent}{}{}", n + 1, &rest[digits.len()..]),
        _ => marker.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_item_keeps_its_bullet_or_counts_on() {
        assert_eq!(next_marker("- "), "- ");
        assert_eq!(next_marker("  * "), "  * ");
        assert_eq!(next_marker("9. "), "10. ");
        assert_eq!(next_marker("3) "), "4) ");
    }
}
