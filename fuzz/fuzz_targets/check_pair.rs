//! The whole check on an arbitrary English/Japanese pair (the bytes split at the first NUL).
#![no_main]

use codepub_fuzz::{MemTree, parts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [en, ja] = parts::<2>(data);
    let Ok(project) = MemTree::pair(en, ja).load() else { return };
    let report = codepub::check::run(&project, &project.alignment(), codepub::check::RunOptions::default(), codepub::glyphs::bundled());
    let l10n = codepub::i18n::Localizer::new(codepub::i18n::UiLang::English);
    let _ = codepub::report::render_json(&report, &project, &l10n);
});
