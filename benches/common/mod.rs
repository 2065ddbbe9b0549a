//! What the benches share: generated projects of a given size. Each bench uses part of it.
#![allow(dead_code)]

use std::path::Path;

/// A project of `paragraphs` paragraph pairs, 10 per clause, written into a temporary folder.
pub fn generated_project(paragraphs: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write_generated_project(dir.path(), paragraphs);
    dir
}

/// The project of [`generated_project`], written into `root`.
pub fn write_generated_project(root: &Path, paragraphs: usize) {
    std::fs::create_dir_all(root).expect("project folder");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(manifest.join("codepub.toml"), root.join("codepub.toml")).expect("config");
    let (mut en, mut ja) = (String::new(), String::new());
    for i in 0..paragraphs {
        if i % 10 == 0 {
            let clause = i / 10 + 1;
            en.push_str(&format!("## {clause}. Protect confidential information {{#clause-{clause}}}\n\n"));
            ja.push_str(&format!("## {clause}. 機密情報の保護 {{#clause-{clause}}}\n\n"));
        }
        en.push_str(&format!(
            "We ensure that any *confidential* documents or data in our possession, item {i}, are properly safeguarded by Council.\n\n"
        ));
        ja.push_str(&format!(
            "私たちは、**機密**文書やデータ（項目 {i}）が理事会によって適切に保護されるよう確実にします。\n\n"
        ));
    }
    for (lang, text) in [("en", en), ("ja", ja)] {
        std::fs::create_dir_all(root.join("content").join(lang)).expect("mkdir");
        std::fs::write(root.join("content").join(lang).join("10-code.md"), text).expect("write");
    }
    std::fs::copy(manifest.join("content/glossary.toml"), root.join("content/glossary.toml")).expect("glossary");
}
