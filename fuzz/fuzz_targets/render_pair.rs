//! The view and both renderers on an arbitrary English/Japanese pair that loads: the bilingual
//! PDF and the HTML site render, or give a clean error. Run with `-timeout=` (see README).
#![no_main]

use std::sync::OnceLock;

use codepub::render::pdf::PdfRenderer;
use codepub::render::Templates;
use codepub::view::{EditionKind, EditionModel};
use codepub_fuzz::{MemTree, parts};
use libfuzzer_sys::fuzz_target;

fn renderer() -> &'static PdfRenderer {
    static RENDERER: OnceLock<PdfRenderer> = OnceLock::new();
    RENDERER.get_or_init(|| PdfRenderer::new(&[]).expect("bundled fonts load"))
}

fuzz_target!(|data: &[u8]| {
    let [en, ja] = parts::<2>(data);
    let Ok(project) = MemTree::pair(en, ja).load() else { return };
    let templates = Templates::built_in();
    let model = EditionModel::build(&project.alignment(), &project.config.edition, EditionKind::Bilingual);
    let _ = renderer().render(&model, &templates);
    let _ = codepub::render::html::render_site(&project, &templates);
    // Typst memoises every compilation; a long fuzz run must let the cache go, as typst-cli does
    // after each compile, or the fuzzer's RSS limit fires on the cache.
    typst::comemo::evict(10);
});
