//! `render_site` on the shipped Code: the three HTML pages and the stylesheet, from a loaded
//! project, with the built-in templates.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

fn render_site(c: &mut Criterion) {
    let project = codepub::load::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("the shipped project loads");
    c.bench_function("html/render_site (shipped Code, 3 pages + css)", |b| {
        b.iter(|| {
            let files = codepub::render::html::render_site(
                std::hint::black_box(&project),
                &codepub::render::Templates::built_in(),
            )
            .expect("renders");
            files.iter().map(|(_, bytes)| bytes.len()).sum::<usize>()
        })
    });
}

criterion_group!(benches, render_site);
criterion_main!(benches);
