//! Build script of the PDF renderer: embeds every font file of `fonts/` (the repository's, linked
//! into this crate so that the packaged crate carries it) in the
//! binary by generating `$OUT_DIR/bundled_fonts.rs`, a static list of `(file name,
//! include_bytes!(…))` in name order, and writes what those fonts can print to
//! `$OUT_DIR/bundled_coverage.rs`: every code point of a Unicode `cmap` subtable of any of their
//! faces (what Typst reads as a font's coverage), as sorted, disjoint, inclusive ranges. The glyph
//! check reads that table instead of parsing 20 MB of fonts on every run. A check-only build
//! does not build this crate at all, so embeds no font.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new(&manifest).join("fonts");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension()
                .and_then(|ext| ext.to_str())
                .is_some_and(|ext| matches!(ext.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc" | "otc"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no font files in {}", dir.display());

    let mut code = String::from("/// Bundled fonts: file name and bytes, in file-name order.\n");
    code.push_str("pub static BUNDLED_FONTS: &[(&str, &[u8])] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).expect("font file names are UTF-8");
        let _ = writeln!(code, "    ({name:?}, include_bytes!({:?})),", path.display().to_string());
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out).join("bundled_fonts.rs"), code).expect("cannot write bundled_fonts.rs");

    let mut table = String::from(
        "/// Every code point some bundled font covers, as sorted, disjoint, inclusive ranges.\n\
         pub static COVERED: &[(u32, u32)] = &[\n",
    );
    for (start, end) in covered_ranges(&files) {
        let _ = writeln!(table, "    (0x{start:X}, 0x{end:X}),");
    }
    table.push_str("];\n");
    std::fs::write(Path::new(&out).join("bundled_coverage.rs"), table).expect("cannot write bundled_coverage.rs");
}

/// The code points of the Unicode `cmap` subtables of every face of `files` that parses (as
/// Typst's `FontInfo` reads a font's coverage, and as `Font::iter` skips a face that does not
/// parse), merged into sorted, disjoint, inclusive ranges.
fn covered_ranges(files: &[std::path::PathBuf]) -> Vec<(u32, u32)> {
    let mut points: Vec<u32> = Vec::new();
    for path in files {
        let data = std::fs::read(path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        for index in 0..ttf_parser::fonts_in_collection(&data).unwrap_or(1) {
            let Ok(face) = ttf_parser::Face::parse(&data, index) else { continue };
            for subtable in face.tables().cmap.into_iter().flat_map(|table| table.subtables) {
                if subtable.is_unicode() {
                    subtable.codepoints(|c| points.push(c));
                }
            }
        }
    }
    points.sort_unstable();
    points.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in points {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == c => *end = c,
            _ => ranges.push((c, c)),
        }
    }
    ranges
}
