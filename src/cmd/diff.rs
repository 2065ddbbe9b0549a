//! `codepub diff OLD NEW`: compares two revisions (git revisions of the project, or two project
//! folders) clause by clause; exit 0 without changes, 1 with changes, 2 on errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, Session};
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{compare, render_json, render_terminal};
use crate::load::{DirTree, GitTree, Project, load_from};
use crate::write::write_file_atomic;

/// Loads one side of the diff: a folder holding `codepub.toml`, else a git revision of the project.
pub fn load_revision(root: &Path, spec: &str) -> Result<Project, CliError> {
    let folder = PathBuf::from(spec);
    if folder.join(crate::config::CONFIG_FILE).is_file() {
        return Ok(load_from(&folder, &DirTree::new(&folder))?);
    }
    Ok(load_from(root, &GitTree::open(root, spec)?)?)
}

pub fn diff(session: &Session, args: &DiffArgs) -> Result<ExitCode, CliError> {
    match args.format {
        DiffFormat::Html => super::require_feature("the HTML redline", "html")?,
        DiffFormat::Pdf => super::require_feature("the PDF redline", "pdf")?,
        DiffFormat::Terminal | DiffFormat::Json => {}
    }
    let old = load_revision(&session.root, &args.old)?;
    let new = load_revision(&session.root, &args.new)?;
    let diff = compare(&old, &new);
    let output: Vec<u8> = match args.format {
        DiffFormat::Terminal => render_terminal(&diff, &session.l10n, session.color).into_bytes(),
        DiffFormat::Json => (render_json(&diff) + "\n").into_bytes(),
        DiffFormat::Html => html_redline(&diff, session, &new)?,
        DiffFormat::Pdf => pdf_redline(&diff, &new)?,
    };
    match &args.out {
        Some(path) => {
            let path = session.output_path(path);
            write_file_atomic(&path, &output)
                .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
        }
        None => {
            super::write_stdout(&output)?;
        }
    }
    Ok(if diff.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The HTML redline, with the later revision's templates, labelled in the session's language.
#[cfg(feature = "html")]
fn html_redline(diff: &crate::diff::RevisionDiff, session: &Session, new: &Project) -> Result<Vec<u8>, CliError> {
    let templates = crate::render::Templates::of_project(&new.root);
    crate::render::html::redline::render_redline(diff, &session.l10n, &templates)
        .map(String::into_bytes)
        .map_err(|error| CliError::Render { what: "redline".into(), error })
}

#[cfg(not(feature = "html"))]
fn html_redline(_: &crate::diff::RevisionDiff, _: &Session, _: &Project) -> Result<Vec<u8>, CliError> {
    Err(CliError::MissingFeature { output: "the HTML redline", feature: "html" })
}

/// The PDF redline, with the later revision's templates.
#[cfg(feature = "pdf")]
fn pdf_redline(diff: &crate::diff::RevisionDiff, new: &Project) -> Result<Vec<u8>, CliError> {
    use crate::render::{CacheUse, RenderContext, Templates, pdf::PdfRenderer};
    let cx = RenderContext { templates: Templates::of_project(&new.root), slug: new.slug(), caches: CacheUse::Shared };
    let redline = crate::diff::redline_view(diff);
    PdfRenderer::new(&[])
        .and_then(|renderer| renderer.render_redline(&redline, &cx))
        .map_err(|error| CliError::Render { what: "redline".into(), error })
}

#[cfg(not(feature = "pdf"))]
fn pdf_redline(_: &crate::diff::RevisionDiff, _: &Project) -> Result<Vec<u8>, CliError> {
    Err(CliError::MissingFeature { output: "the PDF redline", feature: "pdf" })
}
