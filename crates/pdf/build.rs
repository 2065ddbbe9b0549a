//! Build script of the PDF renderer: embeds every font file of `fonts/` (the repository's, linked
//! into this crate so that the packaged crate carries it) in the
//! binary by generating `$OUT_DIR/bundled_fonts.rs`, a static list of `(file name,
//! include_bytes!(…))` in name order. A check-only build does not build this crate at all, so
//! embeds no font.

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
}
