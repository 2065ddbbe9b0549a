//! Load + align + check, on the shipped Code and on a generated 10 000-paragraph corpus, to show
//! the cost per paragraph stays flat (linear scaling).

use std::path::{Path, PathBuf};

use codepub::check::{RunOptions, run};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// A project of `paragraphs` paragraph pairs, 10 per clause, written into a temporary folder.
fn generated_project(paragraphs: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let config = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("codepub.toml")).expect("config");
    std::fs::write(root.join("codepub.toml"), config).expect("write config");
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
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content/glossary.toml"),
        root.join("content/glossary.toml"),
    )
    .expect("glossary");
    dir
}

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
