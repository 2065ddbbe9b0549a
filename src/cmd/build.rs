//! `codepub build`: check parity, render the requested editions and formats, and only when all of
//! them rendered, write them atomically under the output folder. A failed build leaves the last
//! good output in place.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, Session};
use crate::check::{RunOptions, run_with_fonts};
use crate::cli::{BuildArgs, OutputFormat};
use crate::i18n::Message;
use crate::load::Project;
use crate::model::Lang;
use crate::render::RenderError;
use crate::render::html::render_site;
use crate::render::pdf::PdfRenderer;
use crate::source::Span;
use crate::view::{EditionKind, edition_view};
use crate::write::{write_dir_atomic, write_file_atomic};

pub fn build(session: &Session, args: &BuildArgs) -> Result<ExitCode, CliError> {
    let project = crate::load::load(&session.root)?;
    let glyphs = super::glyph_coverage(&args.font_path)?;
    let report = run_with_fonts(&project, RunOptions::default(), &glyphs);
    let failing = report.failing().count();
    if failing > 0 && !args.allow_errors {
        eprint!("{}", crate::report::render_human(&report, &project, &session.l10n, session.color));
        eprintln!("error: {}", session.l10n.format(&Message::new("report-build-refused")));
        return Ok(ExitCode::from(1));
    }
    if failing > 0 {
        // Publishing over errors is a decision: it is never silent.
        if !args.quiet {
            eprint!("{}", crate::report::render_human(&report, &project, &session.l10n, session.color));
        }
        let message = Message::new("report-build-overridden").num("count", failing as i64);
        eprintln!("warning: {}", session.l10n.format(&message));
    }
    let editions: Vec<EditionKind> =
        if args.edition.is_empty() { EditionKind::ALL.to_vec() } else { dedup(&args.edition) };
    let out = if args.out.is_absolute() { args.out.clone() } else { session.root.join(&args.out) };
    let templates = templates_dir(&project);

    let pdfs = if args.format.contains(&OutputFormat::Pdf) {
        for edition in &editions {
            let message = Message::new("report-building").arg("edition", edition.name()).arg("format", "PDF");
            eprintln!("{}", session.l10n.format(&message));
        }
        render_pdfs(&project, &editions, templates.as_deref(), &args.font_path)?
    } else {
        Vec::new()
    };
    let site = if args.format.contains(&OutputFormat::Html) {
        eprintln!("{}", session.l10n.format(&Message::new("report-building-html")));
        let files = render_site(&project, templates.as_deref())
            .map_err(|error| CliError::Render { what: "html".into(), error })?;
        Some(files.into_iter().filter(|(name, _)| page_wanted(name, &editions)).collect::<Vec<_>>())
    } else {
        None
    };

    let written = |path: &Path| {
        eprintln!("{}", session.l10n.format(&Message::new("report-built").arg("path", path.display().to_string())));
    };
    for (edition, bytes) in pdfs {
        let path = out.join(format!("{}.pdf", edition.file_stem(&project.slug())));
        write_file_atomic(&path, &bytes)
            .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
        written(&path);
    }
    if let Some(files) = site {
        let dir = out.join("html");
        write_dir_atomic(&dir, &files).map_err(|error| CliError::Write { path: dir.display().to_string(), error })?;
        written(&dir.join("index.html"));
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether an HTML output file belongs to the requested editions (shared assets always do).
fn page_wanted(name: &str, editions: &[EditionKind]) -> bool {
    let page = match name {
        "index.html" => EditionKind::Bilingual,
        "en.html" => EditionKind::En,
        "ja.html" => EditionKind::Ja,
        _ => return true,
    };
    editions.contains(&page)
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

/// Renders the PDF editions in parallel with one renderer (fonts loaded once).
fn render_pdfs(
    project: &Project,
    editions: &[EditionKind],
    templates: Option<&Path>,
    font_paths: &[PathBuf],
) -> Result<Vec<(EditionKind, Vec<u8>)>, CliError> {
    let renderer = PdfRenderer::new(font_paths).map_err(|error| CliError::Render { what: "pdf".into(), error })?;
    let rendered: Vec<(EditionKind, Result<Vec<u8>, RenderError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = editions
            .iter()
            .map(|&edition| {
                let renderer = &renderer;
                scope.spawn(move || (edition, renderer.render(&edition_view(project, edition), templates)))
            })
            .collect();
        handles
            .into_iter()
            .zip(editions)
            .map(|(handle, &edition)| {
                handle.join().unwrap_or_else(|_| (edition, Err(RenderError::Export("the renderer panicked".into()))))
            })
            .collect()
    });
    rendered
        .into_iter()
        .map(|(edition, result)| {
            result
                .map(|bytes| (edition, bytes))
                .map_err(|error| CliError::Render { what: edition.name().into(), error: in_sources(project, error) })
        })
        .collect()
}

/// A render error that comes from one block of the content, placed at that block in the sources
/// (the template's place becomes a hint); any other error as it is.
fn in_sources(project: &Project, error: RenderError) -> RenderError {
    let RenderError::InContent { culprit, error } = error else { return error };
    let lang = culprit.lang.as_deref().and_then(|code| Lang::BOTH.into_iter().find(|l| l.code() == code));
    let Some(span) = block_span(project, &culprit.address, lang) else {
        return RenderError::InContent { culprit, error };
    };
    let at = crate::load::location(&project.sources, &span);
    let (message, mut hints) = match *error {
        RenderError::Template { at: template, message, hints } => {
            let mut all = vec![format!("raised at {template}")];
            all.extend(hints);
            (message, all)
        }
        other => (other.to_string(), Vec::new()),
    };
    hints.push(format!("at {}", culprit.address));
    RenderError::Template { at, message, hints }
}

/// The source span of the heading or block at `address` (a row of the edition), in `lang`, or
/// in whichever language has it.
fn block_span(project: &Project, address: &str, lang: Option<Lang>) -> Option<Span> {
    let alignment = project.alignment();
    let langs: Vec<Lang> = lang.map_or(Lang::BOTH.to_vec(), |lang| vec![lang]);
    for clause in &alignment.clauses {
        for &lang in &langs {
            let Some(side) = clause.side(lang) else { continue };
            if address == format!("{}#heading", clause.id) {
                return side.heading.as_ref().map(|heading| heading.span.clone());
            }
            if clause.is_colophon() {
                let index = (side.blocks.iter().enumerate())
                    .find(|(i, _)| crate::align::block_address(&clause.id.0, *i) == address);
                if let Some((_, block)) = index {
                    return Some(block.span.clone());
                }
            }
        }
        let rows = clause.blocks.iter().filter(|row| row.address == address);
        if let Some(block) = rows.flat_map(|row| langs.iter().filter_map(|&lang| row.side(lang))).next() {
            return Some(block.span.clone());
        }
        if clause.id.0 == address {
            return langs.iter().find_map(|&lang| clause.side(lang)).map(|c| c.span.clone());
        }
    }
    None
}
