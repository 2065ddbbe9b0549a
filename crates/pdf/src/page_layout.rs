//! The viewer's page layout of a written PDF: `/PageLayout /TwoPageRight` in the document
//! catalog, so that the facing-pages edition opens as spreads with its first page alone on the
//! right. typst-pdf 0.15 has no option for it (krilla can write it, typst-pdf never asks), so the
//! key is added to the exported file with lopdf: the file is read, the catalog gets the key, and
//! the file is written again. The objects, streams, trailer and document id are kept, so the
//! file stays PDF/A-2u and PDF/UA-1 (the key is allowed by both, ISO 32000-1 §7.7.2; veraPDF
//! checks every edition in `tests/verapdf.rs`).

use lopdf::{Document, Object};

/// Why the file was left as it was.
#[derive(Debug)]
pub struct Unrecognised(pub String);

impl std::fmt::Display for Unrecognised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the PDF's page layout could not be set: {}", self.0)
    }
}

impl From<lopdf::Error> for Unrecognised {
    fn from(error: lopdf::Error) -> Self {
        Unrecognised(error.to_string())
    }
}

/// The catalog entry: `/PageLayout /TwoPageRight` (a merge of parts sets it as it writes the
/// catalog).
pub fn two_page_right_entry() -> (&'static [u8], Object) {
    (b"PageLayout", Object::Name(b"TwoPageRight".to_vec()))
}

/// `pdf` with `/PageLayout /TwoPageRight` in its catalog.
pub fn two_page_right(pdf: &[u8]) -> Result<Vec<u8>, Unrecognised> {
    let mut document = Document::load_mem(pdf)?;
    let (key, value) = two_page_right_entry();
    document.catalog_mut()?.set(key, value);
    let mut out = Vec::with_capacity(pdf.len() + 64);
    document.save_to(&mut out).map_err(|error| Unrecognised(error.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small PDF as typst-pdf writes one: header with a binary comment line, a catalog, a
    /// page tree, a trailer with an id.
    fn sample() -> Vec<u8> {
        let mut document = Document::with_version("1.7");
        let pages = document.new_object_id();
        let page = document.add_object(lopdf::dictionary! { "Type" => "Page", "Parent" => pages });
        document.objects.insert(
            pages,
            Object::Dictionary(lopdf::dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
        );
        let catalog = document.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
        document.trailer.set("Root", catalog);
        let id = Object::String(b"0123456789abcdef".to_vec(), lopdf::StringFormat::Hexadecimal);
        document.trailer.set("ID", vec![id.clone(), id]);
        let mut out = Vec::new();
        document.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn the_catalog_gets_the_layout_and_the_rest_is_kept() {
        let before = sample();
        let after = two_page_right(&before).unwrap();
        let read = Document::load_mem(&after).unwrap();
        let catalog = read.catalog().unwrap();
        assert_eq!(catalog.get(b"PageLayout").unwrap().as_name().unwrap(), b"TwoPageRight");
        assert_eq!(catalog.get(b"Type").unwrap().as_name().unwrap(), b"Catalog");
        assert_eq!(read.get_pages().len(), 1);
        assert!(read.trailer.get(b"ID").is_ok(), "the document id is kept");
        // Written twice, the same bytes: the output stays deterministic.
        assert_eq!(two_page_right(&before).unwrap(), after);
    }

    #[test]
    fn a_file_that_is_not_a_pdf_is_refused() {
        assert!(two_page_right(b"%PDF-1.7\nnot a PDF at all").is_err());
        assert!(two_page_right(b"").is_err());
    }
}
