//! `codepub build`: load and align the project once, check parity, build the render model of
//! each requested edition once, lay it out with each requested renderer, and only when all of
//! them rendered, publish the files together into the output folder ([`crate::publish`]). A
//! failed build leaves the last good output in place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, Session};
use crate::align::Alignment;
use crate::check::{RunOptions, run_with_fonts};
use crate::cli::{BuildArgs, OutputFormat};
use crate::i18n::{Localizer, Message};
use crate::publish::Publication;
use crate::render::{CacheUse, Output, RenderContext, RenderError, Renderer, Templates, blame};
use crate::source::SourceMap;
use crate::view::{EditionKind, EditionModel};
use crate::write::Durability;

pub fn build(session: &Session, args: &BuildArgs) -> Result<ExitCode, CliError> {
    // A format this binary cannot write is a usage error, found before any work.
    require_formats(&args.format)?;
    let recording = args.timings.is_some().then(crate::timings::Recording::start);
    // The fonts are parsed while the sources are loaded, aligned and checked.
    crate::glyphs::GlyphCoverage::warm();
    let loading = crate::timings::phase("codepub: load and align");
    let project = crate::load::load(&session.root)?;
    let alignment = project.alignment();
    drop(loading);
    let setting_up = crate::timings::phase("codepub: set up renderers");
    let renderers = renderers(&args.format, &args.font_path)?;
    drop(setting_up);
    let checking = crate::timings::phase("codepub: check");
    let glyphs = super::glyph_coverage(&args.font_path)?;
    let report = run_with_fonts(&project, &alignment, RunOptions::default(), &glyphs);
    drop(checking);
    let failing = report.failing().count();
    eprint!("{}", crate::report::render_skipped(glyphs.skipped(), &session.l10n));
    // The report, printed below when there are errors, lists the sources left out itself.
    let report_printed = failing > 0 && (!args.allow_errors || !args.quiet);
    if !report_printed {
        eprint!("{}", crate::report::render_skipped(&project.skipped, &session.l10n));
    }
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
    let out = session.output_path(&args.out);
    let cx = RenderContext {
        templates: Templates::of_project(&project.root),
        slug: project.slug(),
        caches: CacheUse::Shared,
    };
    let modelling = crate::timings::phase("codepub: build the render models");
    let models: Vec<EditionModel<'_>> =
        editions.iter().map(|&edition| EditionModel::build(&alignment, &project.config.edition, edition)).collect();
    drop(modelling);

    // Each edition's files go to disk as soon as it is rendered (a long edition's PDF need not
    // wait in memory for the others) and replace the last output together at the end.
    let mut outputs = OutputWriter::new(&out, Durability::Synced, &session.l10n);
    for renderer in &renderers {
        // An edition the format has no form of (the facing pages in HTML) is left out: said so
        // when it was asked for by name, silently in the default set.
        let (rendered, left_out): (Vec<&EditionModel<'_>>, Vec<&EditionModel<'_>>) =
            models.iter().partition(|model| renderer.renders(model.edition));
        for model in &rendered {
            let message =
                Message::new("report-building").arg("edition", model.edition.name()).arg("format", renderer.name());
            eprintln!("{}", session.l10n.format(&message));
        }
        if !args.edition.is_empty() {
            for model in &left_out {
                let message = Message::new("report-no-such-form")
                    .arg("edition", model.edition.name())
                    .arg("format", renderer.name());
                eprintln!("note: {}", session.l10n.format(&message));
            }
        }
        // A format with nothing to render writes nothing, not even its shared files (the HTML
        // folder is published as a whole).
        if !rendered.is_empty() {
            let keep = &mut |rendered| outputs.add(rendered);
            render_all(renderer.as_ref(), &rendered, &cx, &alignment, &project.sources, keep)?;
        }
    }
    let writing = crate::timings::phase("codepub: write");
    let written = outputs.commit()?;
    drop(writing);
    for path in written {
        let message = Message::new("report-built").arg("path", path.display().to_string());
        eprintln!("{}", session.l10n.format(&message));
    }
    if let (Some(recording), Some(file)) = (recording, &args.timings) {
        let path = session.output_path(file);
        write_timings(recording, &renderers, &path)?;
        let message = Message::new("report-built").arg("path", path.display().to_string());
        eprintln!("{}", session.l10n.format(&message));
    }
    Ok(ExitCode::SUCCESS)
}

/// The recorded trace written (atomically) to `path`, each Typst event tied to its template
/// line by the renderer whose template it ran.
fn write_timings(
    recording: crate::timings::Recording,
    renderers: &[Box<dyn Renderer>],
    path: &Path,
) -> Result<(), CliError> {
    let failed = |error: std::io::Error| CliError::Write { path: path.display().to_string(), error };
    let trace = recording
        .finish(|span| renderers.iter().find_map(|renderer| renderer.locate_span(span)))
        .map_err(|message| failed(std::io::Error::other(message)))?;
    crate::write::write_file_atomic(path, &trace).map_err(failed)
}

/// The renderers of the requested formats, PDF first; an error naming the Cargo feature a
/// format needs when this binary lacks it. `font_path`: the extra font folders of the PDFs.
pub(crate) fn renderers(
    formats: &[OutputFormat],
    #[cfg_attr(not(feature = "pdf"), allow(unused_variables))] font_path: &[std::path::PathBuf],
) -> Result<Vec<Box<dyn Renderer>>, CliError> {
    require_formats(formats)?;
    #[cfg_attr(not(any(feature = "pdf", feature = "html")), allow(unused_mut))]
    let mut renderers: Vec<Box<dyn Renderer>> = Vec::new();
    if formats.contains(&OutputFormat::Pdf) {
        #[cfg(feature = "pdf")]
        {
            let pdf = crate::render::pdf::PdfRenderer::new(font_path)
                .map_err(|error| CliError::Render { what: "pdf".into(), error })?;
            renderers.push(Box::new(pdf));
        }
    }
    #[cfg(feature = "html")]
    if formats.contains(&OutputFormat::Html) {
        renderers.push(Box::new(crate::render::html::HtmlRenderer));
    }
    Ok(renderers)
}

/// An error naming the Cargo feature a requested format needs, when this binary lacks it.
fn require_formats(formats: &[OutputFormat]) -> Result<(), CliError> {
    if formats.contains(&OutputFormat::Pdf) {
        super::require_feature("PDF output", "pdf")?;
    }
    if formats.contains(&OutputFormat::Html) {
        super::require_feature("HTML output", "html")?;
    }
    Ok(())
}

/// Sources larger than this (the Code is 16 KiB) render one edition at a time, each edition's
/// caches released after it, so that the peak memory is one edition's, not the sum of all.
pub const ONE_EDITION_AT_A_TIME_BYTES: usize = 512 * 1024;

/// Renders every edition with `renderer`, each on its own thread (one after another for large
/// sources), plus the format's shared files, and hands each edition's outputs to `keep` as soon
/// as they are there (in the order of `models`; the shared files last). An edition that fails is
/// rendered again in pieces, to report the error at the source block that causes it ([`blame`]).
pub(crate) fn render_all(
    renderer: &dyn Renderer,
    models: &[&EditionModel<'_>],
    cx: &RenderContext,
    alignment: &Alignment<'_>,
    sources: &SourceMap,
    keep: &mut dyn FnMut(Vec<Output>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let failed = |what: &str, error: RenderError| CliError::Render { what: what.to_string(), error };
    let checked = |model: &EditionModel<'_>, result: Result<Vec<Output>, RenderError>| {
        let traced = |error| {
            blame::in_source(error, model, alignment, sources, |cut| renderer.render_edition(cut, cx).map(drop))
        };
        result.map_err(|error| failed(model.edition.name(), traced(error)))
    };
    if sources.total_bytes() > ONE_EDITION_AT_A_TIME_BYTES {
        // Each render alone: it may release what its own earlier passes cached.
        let alone = RenderContext { caches: CacheUse::Own, ..cx.clone() };
        crate::memory::release_promptly();
        for &model in models {
            let timed = crate::timings::rendering(renderer.name(), model.edition);
            let result = renderer.render_edition(model, &alone);
            drop(timed);
            renderer.release_caches();
            keep(checked(model, result)?)?;
        }
    } else {
        let rendered: Vec<Result<Vec<Output>, RenderError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (models.iter())
                .map(|&model| {
                    scope.spawn(move || {
                        let _timed = crate::timings::rendering(renderer.name(), model.edition);
                        renderer.render_edition(model, cx)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle.join().unwrap_or_else(|_| Err(RenderError::Export("the renderer panicked".into())))
                })
                .collect()
        });
        for (&model, result) in models.iter().zip(rendered) {
            keep(checked(model, result)?)?;
        }
    }
    keep(renderer.shared(cx).map_err(|error| failed(&renderer.name().to_lowercase(), error))?)
}

/// Publishes `outputs` under `out` ([`crate::publish`]): a file at the top level by itself, the
/// files of a folder (`html/…`) as the folder's whole content, so `outputs` holds all of a
/// folder's files or none. Files are synced to disk or not (`sync`). Returns what was written,
/// in order: each file, and each folder as its first page.
pub(crate) fn write_outputs(
    out: &Path,
    outputs: Vec<Output>,
    sync: Durability,
    l10n: &Localizer,
) -> Result<Vec<PathBuf>, CliError> {
    let mut writer = OutputWriter::new(out, sync, l10n);
    writer.add(outputs)?;
    writer.commit()
}

/// Outputs staged as they come and published together by [`OutputWriter::commit`]: the output
/// folder is locked at the first ([`Publication`]), saying so on standard error when another
/// build holds it. Nothing is replaced before the commit; dropped before it, the staged files
/// are removed.
pub(crate) struct OutputWriter<'o> {
    out: &'o Path,
    sync: Durability,
    l10n: &'o Localizer,
    publication: Option<Publication>,
    /// The paths added, in order.
    paths: Vec<String>,
}

impl<'o> OutputWriter<'o> {
    pub(crate) fn new(out: &'o Path, sync: Durability, l10n: &'o Localizer) -> Self {
        Self { out, sync, l10n, publication: None, paths: Vec::new() }
    }

    pub(crate) fn add(&mut self, outputs: Vec<Output>) -> Result<(), CliError> {
        for output in outputs {
            let publication = match &mut self.publication {
                Some(publication) => publication,
                None => self.publication.insert(Publication::open(self.out, self.sync, |holder| {
                    let path = self.out.display().to_string();
                    let message = match holder {
                        Some(pid) => Message::new("report-waiting").arg("path", path).arg("pid", pid.to_string()),
                        None => Message::new("report-waiting-unknown").arg("path", path),
                    };
                    eprintln!("{}", self.l10n.format(&message));
                })?),
            };
            publication.add(&output.path, &output.bytes)?;
            self.paths.push(output.path);
        }
        Ok(())
    }

    /// Everything published; returns what was written, in order: each file, and each folder as
    /// its first page.
    pub(crate) fn commit(self) -> Result<Vec<PathBuf>, CliError> {
        if let Some(publication) = self.publication {
            publication.commit()?;
        }
        let mut written = Vec::new();
        let mut folders: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for path in &self.paths {
            match path.split_once('/') {
                Some((folder, inside)) => folders.entry(folder).or_default().push(inside),
                None => written.push(self.out.join(path)),
            }
        }
        for (folder, pages) in folders {
            let dir = self.out.join(folder);
            let first_page = (pages.iter().find(|name| **name == "index.html"))
                .or_else(|| pages.iter().find(|name| name.ends_with(".html")));
            written.push(first_page.map_or_else(|| dir.clone(), |name| dir.join(name)));
        }
        Ok(written)
    }
}

/// `items` in order, each once.
pub(crate) fn dedup<T: PartialEq + Copy>(items: &[T]) -> Vec<T> {
    let mut unique = Vec::new();
    for item in items {
        if !unique.contains(item) {
            unique.push(*item);
        }
    }
    unique
}
