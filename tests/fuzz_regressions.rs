//! Every input the fuzz targets found (`tests/fixtures/fuzz/<target>/`), run through the same
//! steps as its target: each must give a result or a clean error, never a panic or an abort.

use std::path::{Path, PathBuf};

use codepub::load::Project;
#[cfg(all(feature = "pdf", feature = "html"))]
use codepub::render::Templates;
#[cfg(all(feature = "pdf", feature = "html"))]
use codepub::view::{EditionKind, EditionModel};

const CONFIG: &str = "[edition]\nslug = \"fuzz\"\nadopted = 2023-02-23\n\
identifier = { value = \"11/2023\", label = { en = \"Council Resolution\", ja = \"理事会決議\" } }\n\
isbn = \"978-92-67-11315-9\"\nauthor = \"ISO\"\n\
title = { en = \"Code\", ja = \"規範\" }\n\
copyright = { en = [\"© ISO, 2023\"], ja = [\"© ISO, 2023\", \"© ISO/JSA, 2023\"] }\n";

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).map_or(Vec::new(), |entries| {
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect()
    });
    files.sort();
    files.into_iter().map(|path| (path.clone(), std::fs::read(&path).expect("read input"))).collect()
}

/// The bytes split at NUL into `n` parts, as the fuzz targets split them.
fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    for i in 0..n {
        if i + 1 == n {
            out.push(rest);
            break;
        }
        let at = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        out.push(&rest[..at]);
        rest = rest.get(at + 1..).unwrap_or_default();
    }
    out
}

/// A project on disk with `files` (relative path, bytes) over the fixed configuration.
fn project(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Result<Project, codepub::error::InputError>) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("codepub.toml"), CONFIG).unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let loaded = codepub::load::load(dir.path());
    (dir, loaded)
}

fn pair(en: &[u8], ja: &[u8]) -> (tempfile::TempDir, Result<Project, codepub::error::InputError>) {
    project(&[("content/en/a.md", en), ("content/ja/a.md", ja)])
}

#[test]
fn markdown_inputs_load_or_give_an_input_error() {
    for (path, data) in inputs("markdown") {
        let (_dir, loaded) = pair(&data, "# T {#t}\n\n本文。\n".as_bytes());
        if let Ok(project) = loaded {
            codepub::check::run(&project, &project.alignment(), Default::default(), codepub::glyphs::bundled());
        }
        eprintln!("ok {}", path.display());
    }
}

#[test]
fn check_pair_inputs_check() {
    for (path, data) in inputs("check_pair") {
        let p = parts(&data, 2);
        if let (_dir, Ok(project)) = pair(p[0], p[1]) {
            codepub::check::run(&project, &project.alignment(), Default::default(), codepub::glyphs::bundled());
        }
        eprintln!("ok {}", path.display());
    }
}

#[test]
fn toml_inputs_load_or_give_an_input_error() {
    for (path, data) in inputs("toml_files") {
        let Some((&which, text)) = data.split_first() else { continue };
        let file = ["codepub.toml", "content/accepted.toml", "content/glossary.toml", "content/translations.lock"]
            [usize::from(which % 4)];
        let en: &[u8] = b"# T {#t}\n\nText.\n";
        let (_dir, loaded) =
            project(&[("content/en/a.md", en), ("content/ja/a.md", "# T {#t}\n\n本文。\n".as_bytes()), (file, text)]);
        if let Ok(project) = loaded {
            codepub::check::run(&project, &project.alignment(), Default::default(), codepub::glyphs::bundled());
        }
        eprintln!("ok {}", path.display());
    }
}

#[test]
#[cfg(all(feature = "pdf", feature = "html"))]
fn render_pair_inputs_render_or_give_a_clean_error() {
    let renderer = codepub::render::pdf::PdfRenderer::new(&[]).expect("bundled fonts");
    for (path, data) in inputs("render_pair") {
        let p = parts(&data, 2);
        if let (_dir, Ok(project)) = pair(p[0], p[1]) {
            let _ = renderer.render(
                &EditionModel::build(&project.alignment(), &project.config.edition, EditionKind::Bilingual),
                &Templates::built_in(),
            );
            let _ = codepub::render::html::render_site(&project, &Templates::built_in());
        }
        eprintln!("ok {}", path.display());
    }
}

#[test]
fn diff_inputs_compare() {
    for (path, data) in inputs("diff_projects") {
        let p = parts(&data, 4);
        if let ((_a, Ok(old)), (_b, Ok(new))) = (pair(p[0], p[1]), pair(p[2], p[3])) {
            let diff = codepub::diff::compare(&old, &new);
            let _ = codepub::diff::render_json(&diff);
            let l10n = codepub::i18n::Localizer::new(codepub::i18n::UiLang::English);
            let _ = codepub::diff::render_terminal(&diff, &l10n, false);
            #[cfg(feature = "html")]
            let _ =
                codepub::render::html::redline::render_redline(&diff, &l10n, &codepub::render::Templates::built_in());
        }
        eprintln!("ok {}", path.display());
    }
}
