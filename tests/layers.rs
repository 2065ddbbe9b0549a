//! The workspace's layers, as `cargo tree` shows them: each crate depends only on the crates
//! below it (docs/architecture.md), no Typst, HTML engine or PDF library is under the checks,
//! the core or the render model, and the PDF merge crate knows nothing of codepub. The compiler
//! then refuses any import that points up a layer.

use std::collections::BTreeSet;
use std::process::Command;

use crate::common::manifest_dir;

/// Every package `package` depends on (normal dependencies, transitively), by name.
fn dependencies(package: &str) -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(manifest_dir())
        .args(["tree", "--offline", "--edges", "normal", "--prefix", "none", "--format", "{p}", "--package"])
        .arg(package)
        .output()
        .expect("cargo tree");
    assert!(output.status.success(), "cargo tree -p {package}: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let mut names: BTreeSet<String> =
        text.lines().filter_map(|line| line.split_whitespace().next()).map(str::to_owned).collect();
    names.remove(package);
    names
}

/// The crates of this workspace among `names`.
fn ours(names: &BTreeSet<String>) -> BTreeSet<&str> {
    names.iter().map(String::as_str).filter(|name| name.starts_with("codepub") || *name == "pdfa-merge").collect()
}

const RENDERING: [&str; 5] = ["typst", "typst-library", "typst-pdf", "minijinja", "lopdf"];

#[test]
fn the_check_crate_has_no_typst_no_html_engine_and_no_renderer_under_it() {
    let deps = dependencies("codepub-check");
    let found: Vec<&str> = RENDERING.iter().copied().filter(|name| deps.contains(*name)).collect();
    assert!(found.is_empty(), "codepub-check depends on {found:?}");
    assert_eq!(ours(&deps), BTreeSet::from(["codepub-core"]));
}

#[test]
fn the_core_depends_on_no_other_crate_of_the_workspace_and_on_no_renderer() {
    let deps = dependencies("codepub-core");
    assert!(ours(&deps).is_empty(), "{:?}", ours(&deps));
    assert!(RENDERING.iter().all(|name| !deps.contains(*name)));
}

#[test]
fn the_render_model_stands_on_the_core_alone_without_typst_or_templates() {
    let deps = dependencies("codepub-view");
    assert_eq!(ours(&deps), BTreeSet::from(["codepub-core"]));
    assert!(RENDERING.iter().all(|name| !deps.contains(*name)), "{deps:?}");
}

#[test]
fn the_renderers_stand_on_the_render_model_and_not_on_each_other_or_the_checks() {
    assert_eq!(ours(&dependencies("codepub-pdf")), BTreeSet::from(["codepub-core", "codepub-view", "pdfa-merge"]));
    let html = dependencies("codepub-html");
    assert_eq!(ours(&html), BTreeSet::from(["codepub-core", "codepub-view"]));
    assert!(!html.contains("typst"));
}

#[test]
fn the_pdf_merge_crate_knows_nothing_of_codepub() {
    let deps = dependencies("pdfa-merge");
    assert!(ours(&deps).is_empty(), "{:?}", ours(&deps));
    assert!(!deps.contains("typst"));
    let source = std::fs::read_to_string(manifest_dir().join("crates/pdf-merge/src/lib.rs")).unwrap();
    assert!(!source.to_lowercase().contains("codepub"), "pdfa-merge names codepub");
}

/// The files `cargo package` puts in `package`'s archive.
fn packaged(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(manifest_dir())
        .args(["package", "--offline", "--allow-dirty", "--list", "--package", package])
        .output()
        .expect("cargo package");
    assert!(output.status.success(), "cargo package -p {package}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().lines().map(str::to_owned).collect()
}

#[test]
fn each_crate_carries_the_files_it_embeds_when_packaged() {
    // The messages, the templates and the fonts live at the top of the repository and are
    // linked into the crates that embed them: a packaged crate must hold them itself.
    let core = packaged("codepub-core");
    for file in ["locales/en-US/codepub.ftl", "locales/ja-JP/codepub.ftl", "locales/en-US/explain.ftl"] {
        assert!(core.iter().any(|path| path == file), "codepub-core lacks {file}: {core:?}");
    }
    let view = packaged("codepub-view");
    for file in ["templates/edition.typ", "templates/page.html", "templates/style.css"] {
        assert!(view.iter().any(|path| path == file), "codepub-view lacks {file}");
    }
    let pdf = packaged("codepub-pdf");
    assert!(pdf.iter().any(|path| path.starts_with("fonts/") && path.ends_with(".ttf")), "codepub-pdf lacks its fonts");
}
