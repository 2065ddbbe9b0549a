//! The viewer's page layout of a written PDF: `/PageLayout /TwoPageRight` in the document
//! catalog, so that the facing-pages edition opens as spreads with its first page alone on the
//! right. typst-pdf 0.15 has no option for it (krilla can write it, typst-pdf never asks), so the
//! key is added to the exported file: the catalog object is rewritten in place and the offsets
//! of the cross-reference table that follow it are moved by the bytes added. Nothing else
//! changes, so the file stays PDF/A-2u and PDF/UA-1 (the key is allowed by both, ISO 32000-1
//! §7.7.2).

/// The key and value added to the catalog.
const TWO_PAGE_RIGHT: &[u8] = b"/PageLayout/TwoPageRight";

/// Why the file was left as it was: it is not laid out as typst-pdf writes files (one classic
/// cross-reference table, a catalog dictionary object of its own).
#[derive(Debug, PartialEq, Eq)]
pub struct Unrecognised(pub &'static str);

impl std::fmt::Display for Unrecognised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the PDF's page layout could not be set: {}", self.0)
    }
}

/// `pdf` with `/PageLayout /TwoPageRight` in its catalog.
pub fn two_page_right(pdf: &[u8]) -> Result<Vec<u8>, Unrecognised> {
    let xref_at = start_xref(pdf).ok_or(Unrecognised("no startxref"))?;
    let trailer_at = find(pdf, b"trailer", xref_at).ok_or(Unrecognised("no trailer"))?;
    let root = object_number_after(&pdf[trailer_at..], b"/Root").ok_or(Unrecognised("no /Root"))?;
    let table = Xref::read(pdf, xref_at, trailer_at).ok_or(Unrecognised("not one classic xref table"))?;
    let catalog_at = table.offset_of(root).ok_or(Unrecognised("the catalog is not in the table"))?;
    let header = format!("{root} 0 obj");
    if !pdf[catalog_at..].starts_with(header.as_bytes()) {
        return Err(Unrecognised("the catalog is not where the table says"));
    }
    let end = find(pdf, b"endobj", catalog_at).ok_or(Unrecognised("the catalog does not end"))?;
    if find(&pdf[..end], b"/PageLayout", catalog_at).is_some() {
        return Err(Unrecognised("the catalog already has a page layout"));
    }
    let open = find(&pdf[..end], b"<<", catalog_at).ok_or(Unrecognised("the catalog is not a dictionary"))? + 2;

    let delta = TWO_PAGE_RIGHT.len();
    let mut out = Vec::with_capacity(pdf.len() + delta);
    out.extend_from_slice(&pdf[..open]);
    out.extend_from_slice(TWO_PAGE_RIGHT);
    out.extend_from_slice(&pdf[open..xref_at]);
    // The table: every offset past the catalog moves by `delta`; the widths stay the same.
    let mut rest = pdf[xref_at..trailer_at].to_vec();
    for entry in &table.entries {
        let offset: usize = entry.offset;
        if entry.in_use && offset > catalog_at {
            let moved = format!("{:010}", offset + delta);
            if moved.len() != 10 {
                return Err(Unrecognised("an offset outgrows its field"));
            }
            rest[entry.at - xref_at..entry.at - xref_at + 10].copy_from_slice(moved.as_bytes());
        }
    }
    out.extend_from_slice(&rest);
    let startxref = find(pdf, b"startxref", trailer_at).ok_or(Unrecognised("no startxref"))?;
    out.extend_from_slice(&pdf[trailer_at..startxref]);
    out.extend_from_slice(format!("startxref\n{}\n%%EOF", xref_at + delta).as_bytes());
    let tail = &pdf[startxref..];
    let eof = find(tail, b"%%EOF", 0).ok_or(Unrecognised("no %%EOF"))? + 5;
    out.extend_from_slice(&tail[eof..]);
    Ok(out)
}

/// The byte offset named by the last `startxref`.
fn start_xref(pdf: &[u8]) -> Option<usize> {
    let at = rfind(pdf, b"startxref")?;
    let digits: String = pdf[at + 9..]
        .iter()
        .map(|&b| b as char)
        .skip_while(|c| c.is_ascii_whitespace())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|&offset| offset < pdf.len())
}

/// The object number in `key N 0 R`.
fn object_number_after(text: &[u8], key: &[u8]) -> Option<usize> {
    let at = find(text, key, 0)? + key.len();
    let digits: String = text[at..]
        .iter()
        .map(|&b| b as char)
        .skip_while(|c| c.is_ascii_whitespace())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// A classic cross-reference table of one subsection starting at object 0.
struct Xref {
    entries: Vec<Entry>,
}

struct Entry {
    /// Where the entry's 10-digit offset is in the file.
    at: usize,
    offset: usize,
    in_use: bool,
}

impl Xref {
    fn read(pdf: &[u8], xref_at: usize, trailer_at: usize) -> Option<Xref> {
        let text = std::str::from_utf8(&pdf[xref_at..trailer_at]).ok()?;
        // Each line with where it starts in the file.
        let mut lines = text.split_inclusive('\n').scan(xref_at, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        });
        let (_, keyword) = lines.next()?;
        if keyword.trim() != "xref" {
            return None;
        }
        let (_, subsection) = lines.next()?;
        let (first, count) = subsection.trim().split_once(' ')?;
        let (first, count): (usize, usize) = (first.parse().ok()?, count.parse().ok()?);
        if first != 0 {
            return None;
        }
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            let (start, line) = lines.next()?;
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [offset, _generation, kind] = fields[..] else { return None };
            if offset.len() != 10 {
                return None;
            }
            entries.push(Entry { at: start, offset: offset.parse().ok()?, in_use: kind == "n" });
        }
        // One subsection only: the trailer follows.
        lines.all(|(_, line)| line.trim().is_empty()).then_some(Xref { entries })
    }

    fn offset_of(&self, object: usize) -> Option<usize> {
        self.entries.get(object).filter(|entry| entry.in_use).map(|entry| entry.offset)
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small PDF as typst-pdf lays files out: objects, then one xref table, the trailer.
    fn sample(catalog: &str, catalog_first: bool) -> Vec<u8> {
        let pages = "<</Type/Pages/Count 0/Kids[]>>";
        let objects: Vec<(usize, &str)> =
            if catalog_first { vec![(2, catalog), (1, pages)] } else { vec![(1, pages), (2, catalog)] };
        let mut pdf = b"%PDF-1.7\n".to_vec();
        let mut offsets = [0usize; 3];
        for (number, body) in objects {
            offsets[number] = pdf.len();
            pdf.extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
        }
        let xref = pdf.len();
        pdf.extend_from_slice(b"xref\n0 3\n0000000000 65535 f\r\n");
        for offset in &offsets[1..] {
            pdf.extend_from_slice(format!("{offset:010} 00000 n\r\n").as_bytes());
        }
        pdf.extend_from_slice(format!("trailer\n<</Size 3/Root 2 0 R>>\nstartxref\n{xref}\n%%EOF").as_bytes());
        pdf
    }

    /// The offsets of the table and of each object, checked against where the objects are.
    fn consistent(pdf: &[u8]) -> bool {
        let xref_at = start_xref(pdf).unwrap();
        let trailer_at = find(pdf, b"trailer", xref_at).unwrap();
        let table = Xref::read(pdf, xref_at, trailer_at).unwrap();
        pdf[xref_at..].starts_with(b"xref")
            && table
                .entries
                .iter()
                .enumerate()
                .skip(1)
                .all(|(number, entry)| pdf[entry.offset..].starts_with(format!("{number} 0 obj").as_bytes()))
    }

    #[test]
    fn the_catalog_gets_the_layout_and_every_offset_still_points_at_its_object() {
        for catalog_first in [true, false] {
            let pdf = sample("<</Type/Catalog/Pages 1 0 R>>", catalog_first);
            assert!(consistent(&pdf));
            let out = two_page_right(&pdf).unwrap();
            let text = String::from_utf8(out.clone()).unwrap();
            assert!(text.contains("2 0 obj\n<</PageLayout/TwoPageRight/Type/Catalog/Pages 1 0 R>>"), "{text}");
            assert!(consistent(&out), "{text}");
            assert!(text.ends_with("%%EOF"));
        }
    }

    #[test]
    fn a_file_it_does_not_recognise_is_refused() {
        let pdf = sample("<</Type/Catalog/PageLayout/SinglePage>>", false);
        assert_eq!(two_page_right(&pdf), Err(Unrecognised("the catalog already has a page layout")));
        assert!(two_page_right(b"%PDF-1.7\nno table").is_err());
    }
}
