//! `codepub.toml`, `accepted.toml`, `glossary.toml` and `translations.lock`: the first byte picks
//! the file, the rest is its text. Any bytes parse or give an input error.
#![no_main]

use codepub_fuzz::MemTree;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, text)) = data.split_first() else { return };
    let mut tree = MemTree::pair(b"# T {#t}\n\nText.\n", "# T {#t}\n\n本文。\n".as_bytes());
    let file = match which % 4 {
        0 => "codepub.toml",
        1 => "content/accepted.toml",
        2 => "content/glossary.toml",
        _ => "content/translations.lock",
    };
    tree.files.insert(file.into(), text.to_vec());
    if let Ok(project) = tree.load() {
        let _ = codepub::check::run(&project, &project.alignment(), codepub::check::RunOptions::default(), codepub::glyphs::bundled());
        if let Some(lock) = &project.lock {
            let _ = lock.to_toml();
        }
    }
});
