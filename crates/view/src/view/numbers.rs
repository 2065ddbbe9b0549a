//! Paragraph numbers (`numbering = "paragraph"` under `[edition]`): the number of each block of
//! a clause, printed beside it so that a reader can cite "principle 3, paragraph 2", and the id
//! a page gives it so that a link lands on it.
//!
//! Decisions: the number is the one the block's [`Address`] holds (`principle-3#2` → 2), so the
//! English and the Japanese of a pair print the same number in every edition, and a block found
//! in one language only prints its own address's number (`principle-3#ja2` → 2). The id is the
//! address with `:` for `#` (`principle-3:2`, `principle-3:ja2`), the same on every page, so a
//! link to a paragraph lands on the same row of the bilingual and the single-language pages. Not
//! `-`: clause ids are slugs that end in `-2` themselves (a second "Definitions" heading is
//! `definitions-2`, a statute's 第一条の二 `article-1-2`), and a page's ids must be unique; a
//! slug never holds a `:`.
//! Only the body's rows are numbered: headings, the title page's lines, footnotes and back
//! covers are not.

use serde::Serialize;

use codepub_core::address::{Address, Part};

use super::EditionModel;

/// What a numbered row prints beside it and the id it carries in a page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParagraphNumber {
    /// The number printed: the block's number within its clause.
    pub number: usize,
    /// The row's id in a page (`principle-3:2`).
    pub anchor: String,
}

impl ParagraphNumber {
    /// The number of the block at `address`; none for an address that names no block.
    pub fn of(address: &Address) -> Option<Self> {
        let (number, part) = match address.part {
            Part::Block(n) => (n, n.to_string()),
            Part::JapaneseOnly(n) => (n, format!("ja{n}")),
            Part::Whole | Part::Heading => return None,
        };
        Some(Self { number, anchor: format!("{}:{part}", address.owner) })
    }
}

impl EditionModel<'_> {
    /// Numbers every row of the body (`numbering = "paragraph"`).
    pub(super) fn number_paragraphs(&mut self) {
        self.paragraph_numbers = true;
        for row in self.sections.iter_mut().flat_map(|section| section.rows.iter_mut()) {
            row.paragraph = ParagraphNumber::of(&row.address);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codepub_core::address::Owner;

    #[test]
    fn a_block_is_numbered_as_its_address_and_anchored_by_it() {
        let number = ParagraphNumber::of(&Address::block(Owner::clause("principle-3"), 1));
        assert_eq!(number, Some(ParagraphNumber { number: 2, anchor: "principle-3:2".into() }));
        let japanese = ParagraphNumber::of(&Address::japanese_only(Owner::clause("principle-3"), 1));
        assert_eq!(japanese, Some(ParagraphNumber { number: 2, anchor: "principle-3:ja2".into() }));
    }

    #[test]
    fn only_the_body_rows_of_the_code_are_numbered_and_only_when_numbering_is_paragraph() {
        use crate::view::EditionKind;
        use codepub_core::config::{Edition, Numbering};
        let project = codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .expect("shipped project");
        let alignment = project.alignment();
        let on = Edition { numbering: Numbering::Paragraph, ..project.config.edition.clone() };
        for edition in EditionKind::ALL {
            let model = EditionModel::build(&alignment, &on, edition);
            let principle_3 = model.sections.iter().find(|s| s.id == "principle-3").expect("principle 3");
            let numbers: Vec<usize> =
                principle_3.rows.iter().filter_map(|r| Some(r.paragraph.as_ref()?.number)).collect();
            assert_eq!(numbers, [1, 2, 3], "{edition:?}");
            assert!(model.sections.iter().flat_map(|s| &s.rows).all(|r| r.paragraph.is_some()), "{edition:?}");
            assert!(model.title_page.iter().flat_map(|t| &t.lines).all(|r| r.paragraph.is_none()), "{edition:?}");
            let json = serde_json::to_string(&model).expect("serialised");
            assert!(json.contains(r#""paragraph":{"number":1,"anchor":"principle-3:1"}"#), "{edition:?}");
            let off = EditionModel::build(&alignment, &project.config.edition, edition);
            let json = serde_json::to_string(&off).expect("serialised");
            assert!(!json.contains("\"paragraph\":{") && !json.contains("paragraph_numbers"), "{edition:?}");
        }
    }

    #[test]
    fn a_heading_or_a_whole_clause_has_no_paragraph_number() {
        assert_eq!(ParagraphNumber::of(&Address::heading(Owner::clause("principle-3"))), None);
        assert_eq!(ParagraphNumber::of(&Address::from(Owner::clause("principle-3"))), None);
    }
}
