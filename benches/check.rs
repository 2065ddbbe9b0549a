//! Load + align + check, on the shipped Code and on a generated 10 000-paragraph corpus, to show
//! the cost per paragraph stays flat (linear scaling); and on one clause whose English has
//! thousands of paragraphs the Japanese lacks (issue 27: 160 000 against 1 took 17 s, quadratic
//! in the unmatched paragraphs), where the time per paragraph must stay flat too.

mod common;

/// The allocator of the `codepub` binary, so the bench measures the check as it runs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};

use codepub::check::{RunOptions, run};
use common::generated_project;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn load_align_check(root: &Path) -> usize {
    let project = codepub::load::load(root).expect("project loads");
    run(&project, &project.alignment(), RunOptions::default(), codepub::glyphs::bundled()).findings.len()
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

    let mut group = c.benchmark_group("check/one-sided-clause");
    group.sample_size(10);
    for size in [5_000, 20_000] {
        let dir = one_sided_clause(size);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &dir, |b, dir| {
            b.iter(|| load_align_check(dir.path()))
        });
    }
    group.finish();
}

/// A project of one clause: `paragraphs` English paragraphs, one Japanese.
fn one_sided_clause(paragraphs: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    for lang in ["en", "ja"] {
        std::fs::create_dir_all(root.join("content").join(lang)).expect("content folder");
    }
    let config = "[edition]\nslug = \"long\"\nadopted = 2024-01-01\n[edition.title]\nen = \"Long\"\nja = \"長い\"\n";
    std::fs::write(root.join("codepub.toml"), config).expect("codepub.toml");
    let english: String = (0..paragraphs).map(|i| format!("Paragraph {i} of the clause.\n\n")).collect();
    std::fs::write(root.join("content/en/a.md"), format!("# Title {{#title}}\n\n{english}")).expect("English");
    std::fs::write(root.join("content/ja/a.md"), "# 題名 {#title}\n\n本文の段落。\n").expect("Japanese");
    dir
}

criterion_group!(benches, bench);
criterion_main!(benches);
