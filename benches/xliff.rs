//! XLIFF export (units and document) and import (read, plan, check the planned sources) on the
//! shipped Code and on generated 1 000 and 10 000-paragraph projects, to show both stay linear.
//! The import changes one target, so the parity check runs on the planned sources as well.

mod common;

use std::path::{Path, PathBuf};

use codepub::xliff::{document, import, read, units};
use common::generated_project;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn export(root: &Path) -> String {
    let project = codepub::load::load(root).expect("project loads");
    let alignment = project.alignment();
    document::write(&units(&project, &alignment)).expect("document")
}

/// Reads `xliff` and plans its import into the project at `root`; the number of files changed.
fn import(root: &Path, xliff: &str) -> usize {
    let units = read::read(xliff, "bench.xlf").expect("XLIFF reads");
    let project = codepub::load::load(root).expect("project loads");
    import::plan(&project, &units).expect("no input error").expect("not refused").files.len()
}

/// The export of the project at `root`, with one more word at the start of the last target.
fn edited_export(root: &Path) -> String {
    let xliff = export(root);
    let target = xliff.rfind("<target>").expect("a target") + "<target>".len();
    format!("{}改訂：{}", &xliff[..target], &xliff[target..])
}

fn bench(c: &mut Criterion) {
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let code = tempfile::tempdir().expect("temp dir");
    codepub_copy(&shipped, code.path());
    let edited = edited_export(code.path());
    c.bench_function("xliff/export/iso-code", |b| b.iter(|| export(&shipped)));
    c.bench_function("xliff/import/iso-code", |b| b.iter(|| import(code.path(), &edited)));

    let mut group = c.benchmark_group("xliff/generated");
    group.sample_size(10);
    for size in [1_000, 10_000] {
        let dir = generated_project(size);
        let edited = edited_export(dir.path());
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::new("export", size), &dir, |b, dir| b.iter(|| export(dir.path())));
        group.bench_with_input(BenchmarkId::new("import", size), &dir, |b, dir| b.iter(|| import(dir.path(), &edited)));
    }
    group.finish();
}

/// A copy of the shipped project's `codepub.toml` and `content/` in `to`.
fn codepub_copy(from: &Path, to: &Path) {
    std::fs::copy(from.join("codepub.toml"), to.join("codepub.toml")).expect("config");
    for entry in walkdir::WalkDir::new(from.join("content")) {
        let entry = entry.expect("entry");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
