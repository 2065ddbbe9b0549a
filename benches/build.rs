//! PDF rendering of the shipped Code: each edition alone, and all four at once on parallel
//! threads sharing one renderer (fonts loaded once), as `codepub build` renders them. Typst's
//! memoisation cache is emptied before every iteration, so each measures a cold render.
//!
//! `CODEPUB_BENCH_ONCE=1` renders the four editions once and exits (for `/usr/bin/time -v`).

use std::path::Path;

use codepub::load::{self, Project};
use codepub::render::Templates;
use codepub::render::pdf::PdfRenderer;
use codepub::view::{EditionKind, EditionModel};
use criterion::{Criterion, criterion_group};

fn project() -> Project {
    load::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("shipped project loads")
}

fn render_all(renderer: &PdfRenderer, project: &Project) -> usize {
    std::thread::scope(|scope| {
        let handles: Vec<_> = EditionKind::ALL
            .iter()
            .map(|&edition| {
                scope.spawn(move || {
                    renderer.render(
                        &EditionModel::build(&project.alignment(), &project.config.edition, edition),
                        &Templates::built_in(),
                    )
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("render thread").expect("edition renders").len()).sum()
    })
}

fn bench(c: &mut Criterion) {
    let project = project();
    let renderer = PdfRenderer::new(&[]).expect("bundled fonts load");
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    for edition in EditionKind::ALL {
        let view = EditionModel::build(&project.alignment(), &project.config.edition, edition);
        group.bench_function(edition.name(), |b| {
            b.iter(|| {
                typst::comemo::evict(0);
                renderer.render(&view, &Templates::built_in()).expect("edition renders")
            })
        });
    }
    group.bench_function("all-parallel", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            render_all(&renderer, &project)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    if std::env::var_os("CODEPUB_BENCH_ONCE").is_some() {
        let started = std::time::Instant::now();
        let renderer = PdfRenderer::new(&[]).expect("bundled fonts load");
        let bytes = render_all(&renderer, &project());
        println!("rendered {} editions, {bytes} bytes, in {:?}", EditionKind::ALL.len(), started.elapsed());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
