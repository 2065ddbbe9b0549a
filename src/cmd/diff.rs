//! `codepub diff OLD NEW`: compares two revisions (git revisions of the project, or two project
//! folders) clause by clause; exit 0 without changes, 1 with changes, 2 on errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, Session};
use crate::cli::{DiffArgs, DiffFormat};
use codepub::diff::{RevisionSource, compare, render_json, render_terminal};
use codepub::load::{DirTree, GitTree, Project, load_from};
use codepub::render::Templates;
use codepub::write::write_file_atomic;

/// One side of the diff: the project, and the templates it is rendered with.
pub struct Revision {
    pub project: Project,
    /// Where it was read from, as the redline's header names it.
    pub source: RevisionSource,
    /// Read only by the redline renderers: unused in a check-only build.
    #[cfg_attr(not(any(feature = "pdf", feature = "html")), allow(dead_code))]
    pub templates: Templates,
}

/// Loads one side of the diff: a folder holding `codepub.toml`, else a git revision of the
/// project, with that folder's or that revision's templates. An empty name is neither.
pub fn load_revision(root: &Path, spec: &str) -> Result<Revision, CliError> {
    let folder = PathBuf::from(spec);
    if !spec.trim().is_empty() && folder.join(codepub::config::CONFIG_FILE).is_file() {
        let project = load_from(&folder, &DirTree::new(&folder))?;
        let source = RevisionSource::Folder { name: folder_name(root, &folder) };
        return Ok(Revision { templates: Templates::of_project(&folder), project, source });
    }
    let tree = GitTree::open(root, spec)?;
    let commit = tree.commit();
    let source = RevisionSource::Git {
        name: spec.to_string(),
        commit: Some(commit.short_id.clone()),
        date: commit.date.map(|date| date.to_string()),
    };
    let project = load_from(root, &tree)?;
    let mut files = BTreeMap::new();
    for path in tree.files_under(Path::new("templates")) {
        let text = codepub::load::read_text(&tree, &path)?.unwrap_or_default();
        let inside = path.strip_prefix("templates").unwrap_or(&path);
        files.insert(codepub::load::shown(inside), text);
    }
    Ok(Revision { project, templates: Templates::of_revision(files), source })
}

/// A folder revision's name: the last part of its path, or `None` for the project's own folder
/// (`--root`), whose name (a clone's, a temporary copy's) says nothing of the revision. Never the
/// whole path, which would tie the redline's bytes to the machine it was made on.
fn folder_name(root: &Path, folder: &Path) -> Option<String> {
    let canonical = |path: &Path| path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let folder = canonical(folder);
    if folder == canonical(root) {
        return None;
    }
    folder.file_name().map(|name| name.to_string_lossy().into_owned())
}

pub fn diff(session: &Session, args: &DiffArgs) -> Result<ExitCode, CliError> {
    match args.format {
        DiffFormat::Html => super::require_feature("the HTML redline", "html")?,
        DiffFormat::Pdf => super::require_feature("the PDF redline", "pdf")?,
        DiffFormat::Terminal | DiffFormat::Json => {}
    }
    let old = load_revision(&session.root, &args.old)?;
    let new = load_revision(&session.root, &args.new)?;
    let diff = compare(&old.project, &new.project).with_sources(old.source, new.source.clone());
    let output: Vec<u8> = match args.format {
        DiffFormat::Terminal => render_terminal(&diff, &session.l10n, session.color).into_bytes(),
        DiffFormat::Json => (render_json(&diff) + "\n").into_bytes(),
        DiffFormat::Html => html_redline(&diff, session, &new)?,
        DiffFormat::Pdf => pdf_redline(&diff, session, &new)?,
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
fn html_redline(diff: &codepub::diff::RevisionDiff, session: &Session, new: &Revision) -> Result<Vec<u8>, CliError> {
    codepub::render::html::redline::render_redline(diff, &session.l10n, &new.templates)
        .map(String::into_bytes)
        .map_err(|error| CliError::Render { what: "redline".into(), error })
}

#[cfg(not(feature = "html"))]
fn html_redline(_: &codepub::diff::RevisionDiff, _: &Session, _: &Revision) -> Result<Vec<u8>, CliError> {
    Err(CliError::MissingFeature { output: "the HTML redline", feature: "html" })
}

/// The PDF redline, with the later revision's templates, labelled in the session's language.
#[cfg(feature = "pdf")]
fn pdf_redline(diff: &codepub::diff::RevisionDiff, session: &Session, new: &Revision) -> Result<Vec<u8>, CliError> {
    use codepub::render::{CacheUse, RenderContext, pdf::PdfRenderer};
    let cx = RenderContext { templates: new.templates.clone(), slug: new.project.slug(), caches: CacheUse::Shared };
    let redline = codepub::diff::redline_view(diff);
    let labels = codepub::diff::RedlineLabels::new(diff, &session.l10n);
    PdfRenderer::new(&[])
        .and_then(|renderer| renderer.render_redline(&redline, &labels, &cx))
        .map_err(|error| CliError::Render { what: "redline".into(), error })
}

#[cfg(not(feature = "pdf"))]
fn pdf_redline(_: &codepub::diff::RevisionDiff, _: &Session, _: &Revision) -> Result<Vec<u8>, CliError> {
    Err(CliError::MissingFeature { output: "the PDF redline", feature: "pdf" })
}
