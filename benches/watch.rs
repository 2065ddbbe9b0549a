//! The live loop of `codepub watch` on the shipped Code: one pass of a warm [`Rebuilder`]
//! (renderers, fonts, parsed templates and Typst's memoised layout kept from the passes before)
//! after a one-paragraph edit: load, check, build every edition's model, render again the
//! editions whose model changed, and write them atomically. Each iteration edits the paragraph
//! to one of two texts in turn, so every iteration is a real rebuild.
//!
//! - `en-paragraph`: principle 3's English paragraph edited: the bilingual, facing and English
//!   PDFs and the bilingual and English pages are rebuilt (5 of 7).
//! - `both-languages`: the paragraph edited in English and Japanese: every edition of both
//!   formats is rebuilt (4 PDFs, 3 pages).
//! - `both-languages-without-facing`: the same, with the editions of `--edition
//!   bilingual,en,ja` (3 PDFs, 3 pages): the facing-pages edition, which measures every row to
//!   cut its spreads, is most of a pass.
//!
//! `cargo bench --bench watch`.

use std::path::Path;

use codepub::i18n::{Localizer, UiLang};
use codepub::live::{Changes, Outcome, Plan, Rebuilder};
use codepub::pipeline::{OutputFormat, Silent};
use codepub::view::EditionKind;
use criterion::{Criterion, criterion_group};

const EN: &str = "content/en/10-code.md";
const JA: &str = "content/ja/10-code.md";
const EN_TEXT: &str = "We act with honesty, integrity";
const JA_TEXT: &str = "正直さ、誠実さ";

/// A copy of the shipped project in a temporary folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy(&manifest.join("content"), &dir.path().join("content"));
    std::fs::copy(manifest.join("codepub.toml"), dir.path().join("codepub.toml")).expect("config copied");
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder made");
    for entry in std::fs::read_dir(from).expect("folder read") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("type").is_dir() {
            copy(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("file copied");
        }
    }
}

/// Edits `file` of `root` from its shipped text: `anchor`, in principle 3's paragraph, followed
/// by the `n`-th of two words.
fn edit(root: &Path, file: &str, anchor: &str, n: u64) {
    let shipped = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect("source read");
    let word = if file == JA { ["、配慮", "、率直さ"] } else { [" and care", " and candour"] }[(n % 2) as usize];
    assert!(shipped.contains(anchor), "{anchor} not in {file}");
    std::fs::write(root.join(file), shipped.replacen(anchor, &format!("{anchor}{word}"), 1)).expect("source written");
}

fn rebuilder(root: &Path, editions: &[EditionKind]) -> Rebuilder {
    let plan = Plan {
        root: root.to_path_buf(),
        out: root.join("out"),
        editions: editions.to_vec(),
        named: false,
        formats: vec![OutputFormat::Pdf, OutputFormat::Html],
        // Every edit makes the signed-off translations stale (P013): the preview renders it all the same.
        font_path: Vec::new(),
    };
    Rebuilder::new(plan).expect("renderers start")
}

fn bench(c: &mut Criterion) {
    let l10n = Localizer::new(UiLang::English);
    let mut group = c.benchmark_group("watch");
    group.sample_size(20);
    let all = EditionKind::ALL;
    let without_facing = [EditionKind::Bilingual, EditionKind::En, EditionKind::Ja];
    // Name, paragraphs edited (file, words they start with), editions built, editions rebuilt.
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [EditionKind], usize);
    let cases: [Case; 3] = [
        ("en-paragraph", &[(EN, EN_TEXT)], &all, 5),
        ("both-languages", &[(EN, EN_TEXT), (JA, JA_TEXT)], &all, 7),
        ("both-languages-without-facing", &[(EN, EN_TEXT), (JA, JA_TEXT)], &without_facing, 6),
    ];
    for (name, files, editions, expected) in cases {
        let dir = project();
        let mut rebuilder = rebuilder(dir.path(), editions);
        // The cold first pass; criterion's warm-up passes then warm both variants.
        let mut n = 0;
        rebuilder.pass(&Changes::all(), &l10n, false, &Silent);
        group.bench_function(name, |b| {
            b.iter(|| {
                n += 1;
                for &(file, anchor) in files {
                    edit(dir.path(), file, anchor, n);
                }
                let pass = rebuilder.pass(&Changes { sources: true, ..Changes::default() }, &l10n, false, &Silent);
                match pass.outcome {
                    Outcome::Rebuilt(editions) => assert_eq!(editions.len(), expected, "{}", pass.text),
                    other => panic!("no rebuild: {other:?}\n{}", pass.text),
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
