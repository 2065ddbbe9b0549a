//! Diff of two arbitrary projects: old English, old Japanese, new English, new Japanese, split at
//! NUL bytes; every output format but the PDF redline (the render target covers Typst).
#![no_main]

use codepub_fuzz::{MemTree, parts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [old_en, old_ja, new_en, new_ja] = parts::<4>(data);
    let (Ok(old), Ok(new)) = (MemTree::pair(old_en, old_ja).load(), MemTree::pair(new_en, new_ja).load()) else {
        return;
    };
    let diff = codepub::diff::compare(&old, &new);
    let _ = codepub::diff::render_json(&diff);
    let l10n = codepub::i18n::Localizer::new(codepub::i18n::UiLang::English);
    let _ = codepub::diff::render_terminal(&diff, &l10n, false);
    let _ = codepub::render::html::redline::render_redline(&diff, &l10n, &codepub::render::Templates::built_in());
});
