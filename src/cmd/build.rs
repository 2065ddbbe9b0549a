//! `codepub build`: check parity, then render the requested editions and formats and write them
//! atomically under the output folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, Session};
use crate::check::{RunOptions, run};
use crate::cli::{BuildArgs, OutputFormat};
use crate::i18n::Message;
use crate::load::Project;
use crate::render::html::render_site;
use crate::render::pdf::PdfRenderer;
use crate::view::{EditionKind, edition_view};
use crate::write::{write_dir_atomic, write_file_atomic};

pub fn build(session: &Session, args: &BuildArgs) -> Result<ExitCode, CliError> {
    let project = crate::load::load(&session.root)?;
    let report = run(&project, RunOptions::default());
    if report.failing().next().is_some() && !args.allow_errors {
        eprint!("{}", crate::report::render_human(&report, &project, &session.l10n, session.color));
        eprintln!("error: {}", session.l10n.format(&Message::new("report-build-refused")));
        return Ok(ExitCode::from(1));
    }
    let editions: Vec<EditionKind> =
        if args.edition.is_empty() { EditionKind::ALL.to_vec() } else { dedup(&args.edition) };
    let out = if args.out.is_absolute() { args.out.clone() } else { session.root.join(&args.out) };
    let templates = templates_dir(&project);

    if args.format.contains(&OutputFormat::Pdf) {
        build_pdfs(session, &project, &editions, &out, templates.as_deref(), &args.font_path)?;
    }
    if args.format.contains(&OutputFormat::Html) {
        eprintln!(
            "{}",
            session
                .l10n
                .format(&Message::new("report-building").arg("edition", "bilingual, en, ja").arg("format", "HTML"))
        );
        let files = render_site(&project, templates.as_deref())
            .map_err(|error| CliError::Render { what: "html".into(), error })?;
        let dir = out.join("html");
        write_dir_atomic(&dir, &files).map_err(|error| CliError::Write { path: dir.display().to_string(), error })?;
        eprintln!("{}", session.l10n.format(&Message::new("report-built").arg("path", dir.display().to_string())));
    }
    Ok(ExitCode::SUCCESS)
}

fn dedup(editions: &[EditionKind]) -> Vec<EditionKind> {
    let mut unique = Vec::new();
    for edition in editions {
        if !unique.contains(edition) {
            unique.push(*edition);
        }
    }
    unique
}

/// The project's own templates folder, when it has one.
fn templates_dir(project: &Project) -> Option<PathBuf> {
    let dir = project.root.join("templates");
    dir.is_dir().then_some(dir)
}

/// Renders the PDF editions in parallel (fonts loaded once), then writes each atomically. Nothing
/// is written unless every edition rendered.
fn build_pdfs(
    session: &Session,
    project: &Project,
    editions: &[EditionKind],
    out: &Path,
    templates: Option<&Path>,
    font_paths: &[PathBuf],
) -> Result<(), CliError> {
    let renderer = PdfRenderer::new(font_paths).map_err(|error| CliError::Render { what: "pdf".into(), error })?;
    for edition in editions {
        eprintln!(
            "{}",
            session.l10n.format(&Message::new("report-building").arg("edition", edition.name()).arg("format", "PDF"))
        );
    }
    let rendered: Vec<(EditionKind, Result<Vec<u8>, crate::render::RenderError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = editions
            .iter()
            .map(|&edition| {
                let renderer = &renderer;
                scope.spawn(move || (edition, renderer.render(&edition_view(project, edition), templates)))
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut pdfs = Vec::new();
    for (edition, result) in rendered {
        pdfs.push((edition, result.map_err(|error| CliError::Render { what: edition.name().into(), error })?));
    }
    for (edition, bytes) in pdfs {
        let path = out.join(format!("{}.pdf", edition.file_stem()));
        write_file_atomic(&path, &bytes)
            .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
        eprintln!("{}", session.l10n.format(&Message::new("report-built").arg("path", path.display().to_string())));
    }
    Ok(())
}
