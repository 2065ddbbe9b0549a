//! The merged PDF written as it grows: each object framed and appended as soon as the merge
//! has its final number and content, its byte offset recorded, and the cross-reference table
//! and trailer written at the end. The framing is lopdf's (`N 0 obj`, the object as
//! [`lopdf::Writer`] writes it, `endobj`, a classic cross-reference table), so the file reads as
//! one that lopdf saved, without the whole document ever being held as objects.

use std::io::Write;

use lopdf::{Dictionary, Object, Writer};

/// The binary comment of the header when the first part's is not one (every byte ≥ 128, as
/// PDF/A wants).
const BINARY_MARK: [u8; 4] = [0xE2, 0xE3, 0xCF, 0xD3];

/// A PDF file being written object by object.
pub(super) struct PdfWriter {
    out: Vec<u8>,
    /// The byte offset of each object written, by object number (`None`: not written).
    offsets: Vec<Option<usize>>,
}

impl PdfWriter {
    /// A file with the header of PDF `version`.
    pub(super) fn new(version: &str, binary_mark: &[u8]) -> Self {
        let mark = if !binary_mark.is_empty() && binary_mark.iter().all(|&byte| byte >= 128) {
            binary_mark
        } else {
            &BINARY_MARK
        };
        let mut out = format!("%PDF-{version}\n%").into_bytes();
        out.extend_from_slice(mark);
        out.push(b'\n');
        Self { out, offsets: vec![None] }
    }

    /// Object `number` (generation 0) appended.
    pub(super) fn write(&mut self, number: u32, object: &Object) -> Result<(), String> {
        let index = usize::try_from(number).map_err(|_| "too many objects")?;
        if index == 0 || self.offsets.get(index).is_some_and(Option::is_some) {
            return Err(format!("object {number} written twice"));
        }
        if self.offsets.len() <= index {
            self.offsets.resize(index + 1, None);
        }
        self.offsets[index] = Some(self.out.len());
        let before = if Writer::need_separator(object) { " " } else { "" };
        let after = if Writer::need_end_separator(object) { " " } else { "" };
        let failed = |error: std::io::Error| error.to_string();
        write!(self.out, "{number} 0 obj\n{before}").map_err(failed)?;
        Writer::write_object(&mut self.out, object).map_err(failed)?;
        writeln!(self.out, "{after}\nendobj").map_err(failed)
    }

    /// The file: the objects written, their cross-reference table (a number never written is
    /// listed free) and `trailer` with the table's `/Size`.
    pub(super) fn finish(mut self, mut trailer: Dictionary) -> Result<Vec<u8>, String> {
        let failed = |error: std::io::Error| error.to_string();
        let start = self.out.len();
        writeln!(self.out, "xref\n0 {}", self.offsets.len()).map_err(failed)?;
        self.out.extend_from_slice(b"0000000000 65535 f \n");
        for offset in &self.offsets[1..] {
            match offset {
                Some(offset) if *offset < 10_000_000_000 => {
                    writeln!(self.out, "{offset:010} 00000 n ").map_err(failed)?
                }
                Some(_) => return Err("the file is larger than a cross-reference table can address".to_string()),
                None => self.out.extend_from_slice(b"0000000000 00000 f \n"),
            }
        }
        trailer.set("Size", i64::try_from(self.offsets.len()).map_err(|_| "too many objects")?);
        self.out.extend_from_slice(b"trailer\n");
        Writer::write_object(&mut self.out, &Object::Dictionary(trailer)).map_err(failed)?;
        write!(self.out, "\nstartxref\n{start}\n%%EOF").map_err(failed)?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Document, dictionary};

    #[test]
    fn a_file_written_object_by_object_reads_back_with_every_object() {
        let mut writer = PdfWriter::new("1.7", &[0x80; 4]);
        writer
            .write(2, &Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 }))
            .unwrap();
        writer.write(1, &Object::Dictionary(dictionary! { "Type" => "Catalog", "Pages" => (2, 0) })).unwrap();
        let pdf = writer.finish(dictionary! { "Root" => (1, 0) }).unwrap();
        assert!(pdf.starts_with(b"%PDF-1.7\n%\x80\x80\x80\x80\n"));
        let read = Document::load_mem(&pdf).unwrap();
        assert_eq!(read.catalog().unwrap().get(b"Type").unwrap().as_name().unwrap(), b"Catalog");
        assert_eq!(read.trailer.get(b"Size").unwrap().as_i64().unwrap(), 3);
        assert_eq!(read.objects.len(), 2);
    }

    #[test]
    fn an_object_number_is_written_once() {
        let mut writer = PdfWriter::new("1.7", &[]);
        writer.write(1, &Object::Null).unwrap();
        assert!(writer.write(1, &Object::Null).is_err());
        assert!(writer.write(0, &Object::Null).is_err());
    }

    #[test]
    fn a_header_without_a_binary_comment_gets_one() {
        let writer = PdfWriter::new("1.7", b"ab");
        assert!(writer.finish(Dictionary::new()).unwrap().starts_with(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
    }
}
