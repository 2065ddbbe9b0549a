//! The language server's request path on the shipped Code: an edit of the Japanese buffer
//! (`didChange`) to the diagnostics to publish (load with the buffer laid over the folder, align,
//! check, convert to UTF-16 LSP diagnostics), and a hover. Target: diagnostics within 50 ms.

use std::path::PathBuf;

use codepub::i18n::{Localizer, UiLang};
use codepub::lsp::Workspace;
use codepub::lsp::position::uri_of;
use criterion::{Criterion, criterion_group, criterion_main};
use lsp_types::Position;

const FULL_STOP: &str = "私たちは、本機構専用のデータ保護ポリシーを遵守します。";
const DROPPED: &str = "私たちは、本機構専用のデータ保護ポリシーを遵守します";

fn bench(c: &mut Criterion) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/ja/10-code.md");
    let text = std::fs::read_to_string(&path).expect("the Code");
    let dropped = text.replacen(FULL_STOP, DROPPED, 1);
    let uri = uri_of(&path);
    let mut workspace = Workspace::new(None, Localizer::new(UiLang::English));
    assert!(workspace.open(uri.clone(), text.clone()).is_none(), "the Code is a source");
    assert!(!workspace.analyse().is_empty());

    // Each edit alternately drops and restores the 。, so every iteration analyses a change.
    let mut drop_it = false;
    c.bench_function("lsp/change-to-diagnostics/iso-code", |b| {
        b.iter(|| {
            drop_it = !drop_it;
            workspace.change(&uri, if drop_it { dropped.clone() } else { text.clone() });
            let published = workspace.analyse();
            assert!(!published.is_empty());
            published
        })
    });

    let line = text.lines().position(|line| line == FULL_STOP).expect("the paragraph") as u32;
    c.bench_function("lsp/hover/iso-code", |b| {
        b.iter(|| workspace.hover(&uri, Position { line, character: 3 }).expect("a hover"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
