//! Load + align + check, on the shipped Code and on a generated 10 000-paragraph corpus, to show
//! the cost per paragraph stays flat (linear scaling).

mod common;

use std::path::{Path, PathBuf};

use codepub::check::{RunOptions, run};
use common::generated_project;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn load_align_check(root: &Path) -> usize {
    let project = codepub::load::load(root).expect("project loads");
    run(&project, &project.alignment(), RunOptions::default()).findings.len()
}

fn bench(c: &mut Criterion) {
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    c.bench_function("check/iso-code", |b| b.iter(|| load_align_check(&shipped)));

    let mut group = c.benchmark_group("check/generated");
    group.sample_size(10);
    for size in [1_000, 10_000] {
        let dir = generated_project(size);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &dir, |b, dir| {
            b.iter(|| load_align_check(dir.path()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
