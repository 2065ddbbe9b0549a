//! The Markdown loader on one language file: any bytes load or give an input error.
#![no_main]

use codepub::source::{SourceFile, SourceMap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = codepub::source::decode(data, "content/en/a.md") else { return };
    let mut sources = SourceMap::default();
    let file = sources.add(SourceFile::new("content/en/a.md", text));
    let _ = codepub::load::markdown::parse(&sources, file, 1 << 20);
});
