//! What a page template sees: the edition's render model as it is, plus what only a web page
//! needs: its file name, the language its `html` element declares, its title, the links to the
//! other editions and the stylesheet's name.

use std::collections::BTreeMap;

use serde::Serialize;

use codepub_core::model::Lang;
use codepub_view::view::{EditionKind, EditionModel, Note};

/// The file name of an edition's page in the HTML output folder; `None` for the facing-pages
/// edition, which a web page has no pages to lay out (the bilingual page is its web form).
pub fn page_file(edition: EditionKind) -> Option<&'static str> {
    match edition {
        EditionKind::Bilingual => Some("index.html"),
        EditionKind::Facing => None,
        EditionKind::En => Some("en.html"),
        EditionKind::Ja => Some("ja.html"),
    }
}

/// The language a page declares on its `html` element: the bilingual page's is its left column's.
pub fn page_lang(edition: EditionKind) -> Lang {
    edition.langs().first().copied().unwrap_or(Lang::En)
}

/// The template context of one page.
#[derive(Serialize)]
pub struct Page<'m> {
    /// The edition, its fields at the top level of the context.
    #[serde(flatten)]
    pub model: &'m EditionModel<'m>,
    pub page_lang: Lang,
    /// The `<title>`: the edition's titles (its model's `titles`), both in the bilingual page.
    pub title: String,
    pub editions: Vec<EditionLink>,
    pub stylesheet: &'static str,
    /// The notes each section is followed by, by the section's anchor (a note's `section`), in
    /// order: what a page looks up per section instead of filtering every note for each.
    pub notes_after: BTreeMap<&'m str, Vec<&'m Note>>,
}

/// A link to one of the editions' pages.
#[derive(Serialize)]
pub struct EditionLink {
    pub kind: EditionKind,
    pub href: &'static str,
    pub current: bool,
}

impl<'m> Page<'m> {
    pub fn new(model: &'m EditionModel<'m>, stylesheet: &'static str) -> Self {
        let edition = model.edition;
        let title = &model.titles;
        let page_title = match edition {
            EditionKind::Bilingual | EditionKind::Facing => format!("{} — {}", title.en, title.ja),
            EditionKind::En => title.en.clone(),
            EditionKind::Ja => title.ja.clone(),
        };
        let editions = EditionKind::ALL
            .iter()
            .filter_map(|&kind| Some(EditionLink { kind, href: page_file(kind)?, current: kind == edition }))
            .collect();
        let mut notes_after: BTreeMap<&str, Vec<&Note>> = BTreeMap::new();
        for note in &model.notes {
            if let Some(section) = &note.section {
                notes_after.entry(section).or_default().push(note);
            }
        }
        Self { model, page_lang: page_lang(edition), title: page_title, editions, stylesheet, notes_after }
    }
}
