//! The revision diff on a generated 10 000-paragraph corpus (1 000 clauses of 10 paragraph
//! pairs): the new revision edits about 1% of the paragraphs (English only, Japanese only,
//! both), removes a few, moves three clauses and adds three. Measures `compare` on loaded
//! projects, the renderers, and load + compare together.

use std::path::Path;

use codepub::diff::{compare, render_json, render_terminal};
use codepub::i18n::{Localizer, UiLang};
use codepub::render::Templates;
use codepub::render::html::redline::render_redline;
use criterion::{Criterion, criterion_group, criterion_main};

const PARAGRAPHS: usize = 10_000;
const PER_CLAUSE: usize = 10;

struct Clause {
    id: String,
    en: Vec<String>,
    ja: Vec<String>,
}

fn corpus() -> Vec<Clause> {
    (0..PARAGRAPHS / PER_CLAUSE)
        .map(|c| Clause {
            id: format!("clause-{c}"),
            en: (0..PER_CLAUSE)
                .map(|p| {
                    let i = c * PER_CLAUSE + p;
                    format!(
                        "We ensure that any *confidential* documents or data in our possession, item {i}, are properly \
                         safeguarded by Council, and we review the arrangements for item {i} every {} months.",
                        i % 12 + 1
                    )
                })
                .collect(),
            ja: (0..PER_CLAUSE)
                .map(|p| {
                    let i = c * PER_CLAUSE + p;
                    format!(
                        "私たちは、**機密**文書やデータ（項目 {i}）が理事会によって適切に保護されるよう確実にし、\
                         項目 {i} の取り決めを {} か月ごとに見直します。",
                        i % 12 + 1
                    )
                })
                .collect(),
        })
        .collect()
}

/// The next revision: ~1% of paragraphs edited, a few removed, clauses moved and added.
fn revise(mut clauses: Vec<Clause>) -> Vec<Clause> {
    for (c, clause) in clauses.iter_mut().enumerate() {
        for p in 0..PER_CLAUSE {
            let i = c * PER_CLAUSE + p;
            match i % 100 {
                13 => clause.en[p] = clause.en[p].replace("properly safeguarded", "properly and securely safeguarded"),
                47 => {
                    clause.en[p] = clause.en[p].replace("every", "at least every");
                    clause.ja[p] = clause.ja[p].replace("ごとに", "ごとに少なくとも一度");
                }
                81 => clause.ja[p] = clause.ja[p].replace("適切に", "適切かつ安全に"),
                _ => {}
            }
        }
        if c % 250 == 3 {
            clause.en.remove(5);
            clause.ja.remove(5);
        }
    }
    for from in [100, 500] {
        clauses.swap(from, from + 1);
    }
    let last = clauses.remove(700);
    clauses.push(last);
    for (at, n) in [(10, 0), (400, 1), (900, 2)] {
        clauses.insert(
            at,
            Clause {
                id: format!("added-{n}"),
                en: vec![format!("We publish added principle {n} in accessible formats.")],
                ja: vec![format!("私たちは、追加原則 {n} を利用しやすい形式で公開します。")],
            },
        );
    }
    clauses
}

fn write_project(clauses: &[Clause], resolution: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read_to_string(manifest.join("codepub.toml")).expect("config");
    let config = config.replace("value = \"11/2023\"", &format!("value = \"{resolution}\""));
    std::fs::write(root.join("codepub.toml"), config).expect("write config");
    let (mut en, mut ja) = (String::new(), String::new());
    for clause in clauses {
        // Headings name the clause by id: inserting a clause renumbers nothing.
        en.push_str(&format!("## Protect confidential information ({0}) {{#{0}}}\n\n", clause.id));
        ja.push_str(&format!("## 機密情報の保護（{0}） {{#{0}}}\n\n", clause.id));
        for text in &clause.en {
            en.push_str(text);
            en.push_str("\n\n");
        }
        for text in &clause.ja {
            ja.push_str(text);
            ja.push_str("\n\n");
        }
    }
    for (lang, text) in [("en", en), ("ja", ja)] {
        std::fs::create_dir_all(root.join("content").join(lang)).expect("mkdir");
        std::fs::write(root.join("content").join(lang).join("10-code.md"), text).expect("write");
    }
    std::fs::copy(manifest.join("content/glossary.toml"), root.join("content/glossary.toml")).expect("glossary");
    dir
}

fn bench(c: &mut Criterion) {
    let old_dir = write_project(&corpus(), "11/2023");
    let new_dir = write_project(&revise(corpus()), "7/2025");
    let old = codepub::load::load(old_dir.path()).expect("old revision loads");
    let new = codepub::load::load(new_dir.path()).expect("new revision loads");

    let diff = compare(&old, &new);
    let summary = diff.summary();
    assert!(
        summary.paragraphs_changed >= 300 && summary.clauses_moved >= 6 && summary.clauses_added == 6,
        "{summary:?}"
    );
    assert!(diff.stale.len() >= 200, "{}", diff.stale.len());

    let mut group = c.benchmark_group("diff/generated-10000");
    group.sample_size(20);
    group.bench_function("compare", |b| b.iter(|| compare(&old, &new)));
    let l10n = Localizer::new(UiLang::English);
    group.bench_function("render-terminal", |b| b.iter(|| render_terminal(&diff, &l10n, true)));
    group.bench_function("render-json", |b| b.iter(|| render_json(&diff)));
    group.bench_function("render-html", |b| {
        b.iter(|| render_redline(&diff, &l10n, &Templates::built_in()).expect("renders"))
    });
    group.sample_size(10);
    group.bench_function("load+compare", |b| {
        b.iter(|| {
            let old = codepub::load::load(old_dir.path()).expect("old revision loads");
            let new = codepub::load::load(new_dir.path()).expect("new revision loads");
            compare(&old, &new).is_empty()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
