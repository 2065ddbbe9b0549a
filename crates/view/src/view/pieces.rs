//! An edition model cut down to some of its pieces. A [`Piece`] is one language's text of one
//! block, heading, note paragraph or back-cover line, named by its block address; the frame
//! (metadata, page furniture, the numbering of notes) stays. `render::blame` renders cut-down
//! models to trace a render failure to the source block that causes it.

use codepub_core::address::{Address, Owner};
use codepub_core::model::Lang;
use codepub_core::pair::Pair;

use super::{EditionModel, Row, Section, table_of_contents};

/// One language's text of one block of the edition.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Piece {
    pub address: Address,
    pub lang: Lang,
}

impl EditionModel<'_> {
    /// Every piece of the edition, in reading order: the title matter, the body, the back
    /// covers, then the notes.
    pub fn pieces(&self) -> Vec<Piece> {
        let mut pieces = Vec::new();
        let mut heading = |id: &str, heading: &Pair<Option<_>>| {
            for lang in heading.present().map(|(lang, _)| lang) {
                pieces.push(Piece { address: Address::heading(Owner::clause(id)), lang });
            }
        };
        if let Some(title) = &self.title_page {
            heading(&title.id, &title.heading);
        }
        for section in &self.sections {
            heading(&section.id, &section.heading);
        }
        let rows = self.title_page.iter().flat_map(|t| &t.lines).chain(self.sections.iter().flat_map(|s| &s.rows));
        for row in rows {
            pieces.extend(row.cells.present().map(|(lang, _)| Piece { address: row.address.clone(), lang }));
        }
        for cover in &self.covers {
            pieces.extend(cover.lines.iter().map(|line| Piece { address: line.address.clone(), lang: cover.lang }));
        }
        for note in &self.notes {
            for (lang, side) in note.sides.present() {
                let owner = Owner::Footnote(note.label.clone());
                let blocks = 0..side.blocks.len();
                pieces.extend(blocks.map(|i| Piece { address: Address::block(owner.clone(), i), lang }));
            }
        }
        // A heading's pieces come first above; put them back in reading order by section.
        pieces.sort_by_key(|piece| self.reading_rank(piece));
        pieces
    }

    /// The same edition with only the pieces `keep` holds: the other cells, headings, lines and
    /// note paragraphs are left out, and rows and sections left empty go.
    pub fn keeping(&self, keep: &dyn Fn(&Piece) -> bool) -> Self {
        let kept_heading = |id: &str, heading: &Pair<Option<_>>| {
            let mut heading = heading.clone();
            for lang in [Lang::En, Lang::Ja] {
                if !keep(&Piece { address: Address::heading(Owner::clause(id)), lang }) {
                    *heading.get_mut(lang) = None;
                }
            }
            heading
        };
        let kept_rows = |rows: &[Row]| -> Vec<Row> {
            rows.iter()
                .map(|row| {
                    let mut row = row.clone();
                    for lang in [Lang::En, Lang::Ja] {
                        if !keep(&Piece { address: row.address.clone(), lang }) {
                            *row.cells.get_mut(lang) = None;
                        }
                    }
                    row
                })
                .filter(|row| row.cells.present().next().is_some())
                .collect()
        };
        let title_page = self.title_page.as_ref().map(|title| {
            let mut title = title.clone();
            title.heading = kept_heading(&title.id, &title.heading);
            title.lines = kept_rows(&title.lines);
            title
        });
        let sections: Vec<Section> = (self.sections.iter())
            .map(|section| Section {
                heading: kept_heading(&section.id, &section.heading),
                rows: kept_rows(&section.rows),
                ..section.clone()
            })
            .filter(|section| section.heading.present().next().is_some() || !section.rows.is_empty())
            .collect();
        let covers = (self.covers.iter())
            .map(|cover| {
                let mut cover = cover.clone();
                cover.lines.retain(|line| keep(&Piece { address: line.address.clone(), lang: cover.lang }));
                cover
            })
            .filter(|cover| !cover.lines.is_empty())
            .collect();
        // Notes keep their numbers (references to them may stay), with only the kept paragraphs.
        let notes = (self.notes.iter())
            .map(|note| {
                let mut note = note.clone();
                for lang in [Lang::En, Lang::Ja] {
                    if let Some(side) = note.sides.get_mut(lang) {
                        let owner = Owner::Footnote(note.label.clone());
                        let mut index = 0..;
                        side.blocks.retain(|_| {
                            let i = index.next().unwrap_or_default();
                            keep(&Piece { address: Address::block(owner.clone(), i), lang })
                        });
                    }
                }
                note
            })
            .collect();
        let toc = table_of_contents(&sections);
        EditionModel {
            titles: self.titles.clone(),
            title_page,
            toc,
            sections,
            covers,
            notes,
            provisional: self.provisional.clone(),
            contents_labels: self.contents_labels.clone(),
            ..*self
        }
    }

    /// Where a piece stands in reading order: its section's place, then heading before blocks,
    /// then the block's place, then English before Japanese.
    fn reading_rank(&self, piece: &Piece) -> (usize, (u8, usize), Lang) {
        let title = self.title_page.iter().map(|t| &t.id);
        let sections = self.sections.iter().map(|s| &s.id);
        let covers = self.covers.iter().map(|c| &c.id);
        let notes = self.notes.iter().map(|n| Owner::footnote(&n.label));
        let order: Vec<Owner> = title.chain(sections).chain(covers).map(Owner::clause).chain(notes).collect();
        let place = order.iter().position(|owner| *owner == piece.address.owner).unwrap_or(order.len());
        (place, piece.address.rank(), piece.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::EditionKind;
    use codepub_core::config::Edition;

    fn with_model(test: impl Fn(&EditionModel<'_>)) {
        let project = codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .expect("shipped project");
        let alignment = project.alignment();
        let meta: &Edition = &project.config.edition;
        test(&EditionModel::build(&alignment, meta, EditionKind::Bilingual));
    }

    #[test]
    fn every_cell_heading_cover_line_and_note_paragraph_is_a_piece_once() {
        with_model(|model| {
            let pieces = model.pieces();
            let unique: std::collections::HashSet<&Piece> = pieces.iter().collect();
            assert_eq!(unique.len(), pieces.len(), "no piece twice");
            let cells: usize = model.sections.iter().flat_map(|s| &s.rows).map(|r| r.cells.present().count()).sum();
            let lines: usize = model.covers.iter().map(|c| c.lines.len()).sum();
            assert!(pieces.len() > cells + lines, "headings and notes too");
            let footnote = pieces.iter().find(|p| matches!(p.address.owner, Owner::Footnote(_)));
            assert!(footnote.is_some(), "the Code's footnote is a piece");
            assert!(
                pieces.contains(&Piece { address: Address::heading(Owner::clause("principle-3")), lang: Lang::Ja })
            );
        });
    }

    #[test]
    fn keeping_everything_is_the_same_model_and_keeping_nothing_keeps_only_the_frame() {
        with_model(|model| {
            let json = |m: &EditionModel<'_>| serde_json::to_string(m).unwrap();
            assert_eq!(json(&model.keeping(&|_| true)), json(model));
            let empty = model.keeping(&|_| false);
            assert!(empty.sections.is_empty() && empty.covers.is_empty() && empty.toc.is_empty());
            assert!(empty.pieces().is_empty());
            assert_eq!(empty.notes.len(), model.notes.len(), "notes keep their numbers");
        });
    }

    #[test]
    fn keeping_one_piece_leaves_exactly_that_piece() {
        with_model(|model| {
            let pieces = model.pieces();
            for piece in [&pieces[0], &pieces[pieces.len() / 2], pieces.last().unwrap()] {
                let cut = model.keeping(&|p| p == piece);
                assert_eq!(cut.pieces(), vec![piece.clone()], "{piece:?}");
            }
        });
    }
}
