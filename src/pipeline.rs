//! The publish pipeline of the library: after the sources are loaded ([`crate::load`]), aligned
//! and checked ([`crate::check`]), build the render model of each edition, render it with each
//! requested renderer and publish the files together into the output folder
//! ([`crate::publish`]): [`publish`] for `codepub build`, its pieces ([`renderers`],
//! [`render_all`], [`write_outputs`]) for the live loop of `watch` and `serve`, which renders
//! only what changed. A failed render or write leaves the last good output in place. Nothing
//! here prints: what a build has to say goes to a [`Progress`], and the commands print it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::align::Alignment;
use crate::failure::{Failure, require_feature};
use crate::load::Project;
use crate::publish::Publication;
use crate::render::{CacheUse, Output, RenderContext, RenderError, Renderer, Templates, blame};
use crate::source::SourceMap;
use crate::view::{EditionKind, EditionModel, Provisional};
use crate::write::Durability;

/// The output formats of the editions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Pdf,
    Html,
}

/// What a build tells as it goes, for the command to print (the library prints nothing).
pub trait Progress {
    /// `edition` is about to be rendered as `format` (`PDF`, `HTML`).
    fn building(&self, _edition: EditionKind, _format: &str) {}
    /// `edition`, named on the command line, has no form in `format` (the facing pages in HTML).
    fn no_such_form(&self, _edition: EditionKind, _format: &str) {}
    /// Another build holds the output folder `out` (its process id, when known): waiting for it.
    fn waiting(&self, _out: &Path, _holder: Option<u32>) {}
}

/// A build that tells nothing.
pub struct Silent;

impl Progress for Silent {}

/// What [`publish`] builds and where.
pub struct Plan<'a> {
    /// The editions, in order.
    pub editions: &'a [EditionKind],
    /// Whether they were named (an edition a format has no form of is then said so).
    pub named: bool,
    pub out: &'a Path,
    pub durability: Durability,
}

/// The last stages of a build, after load, align and check: the render model of each edition,
/// built once; each renderer's editions, rendered (an edition the format has no form of left
/// out); and every file published together into `plan.out`. Each edition's files go to the
/// staging folder as soon as it is rendered (a long edition's PDF need not wait in memory for
/// the others) and replace the last output together at the end, so a failure leaves the last
/// good output in place. Returns what was written, in order.
pub fn publish(
    project: &Project,
    alignment: &Alignment<'_>,
    renderers: &[Box<dyn Renderer>],
    plan: &Plan<'_>,
    progress: &dyn Progress,
) -> Result<Vec<PathBuf>, Failure> {
    publish_marked(project, alignment, renderers, plan, progress, None)
}

/// [`publish`], with the provisional translations of `build --provisional` marked in every
/// edition that prints Japanese ([`EditionModel::mark_provisional`]); with `None`, or none to
/// mark, the editions are those of [`publish`], byte for byte.
pub fn publish_marked(
    project: &Project,
    alignment: &Alignment<'_>,
    renderers: &[Box<dyn Renderer>],
    plan: &Plan<'_>,
    progress: &dyn Progress,
    provisional: Option<&Provisional>,
) -> Result<Vec<PathBuf>, Failure> {
    let cx = RenderContext {
        templates: Templates::of_project(&project.root),
        slug: project.slug(),
        caches: CacheUse::Shared,
    };
    let modelling = crate::timings::phase("codepub: build the render models");
    let models: Vec<EditionModel<'_>> = (plan.editions.iter())
        .map(|&edition| {
            let mut model = EditionModel::build(alignment, &project.config.edition, edition);
            if let Some(provisional) = provisional {
                model.mark_provisional(provisional);
            }
            model
        })
        .collect();
    drop(modelling);
    let mut outputs = OutputWriter::new(plan.out, plan.durability, progress);
    for renderer in renderers {
        let (rendered, left_out): (Vec<&EditionModel<'_>>, Vec<&EditionModel<'_>>) =
            models.iter().partition(|model| renderer.renders(model.edition));
        for model in &rendered {
            progress.building(model.edition, renderer.name());
        }
        if plan.named {
            for model in &left_out {
                progress.no_such_form(model.edition, renderer.name());
            }
        }
        // A format with nothing to render writes nothing, not even its shared files (the HTML
        // folder is published as a whole).
        if !rendered.is_empty() {
            let keep = &mut |rendered| outputs.add(rendered);
            let large = LargeSources::OneAtATime;
            render_all(renderer.as_ref(), &rendered, &cx, alignment, &project.sources, large, keep)?;
        }
    }
    let _writing = crate::timings::phase("codepub: write");
    outputs.commit()
}

/// What `build --provisional` marks: the pairs of the failing P013 findings of `report` (stale
/// or never signed off) that the editions mark, the headings and blocks of the body and the title
/// matter and the footnotes' blocks, and the title page's note in each language. A back cover is
/// edition matter, not a translation: P013 never reports its lines (the check reads the
/// translated pairs only), and were one reported it would have no mark and still stop the build.
pub fn provisional(report: &crate::check::Report, alignment: &Alignment<'_>) -> Provisional {
    use crate::address::Owner;
    use crate::i18n::{Localizer, Message, UiLang};
    let colophons: Vec<&str> =
        alignment.clauses.iter().filter(|pair| pair.is_colophon()).map(|pair| pair.id.0.as_str()).collect();
    let marked = |owner: &Owner| match owner {
        Owner::Clause(id) => !colophons.contains(&id.as_str()),
        Owner::Footnote(_) => true,
    };
    let addresses = (report.failing())
        .filter(|finding| finding.code() == PROVISIONAL_CODE && marked(&finding.address.owner))
        .map(|finding| finding.address.clone());
    let note = |lang| Localizer::new(lang).format(&Message::new("edition-provisional-note"));
    Provisional {
        addresses: addresses.collect(),
        note: crate::pair::Pair::new(note(UiLang::English), note(UiLang::Japanese)),
    }
}

/// The check whose errors `build --provisional` publishes, marked: P013, a stale or unsigned
/// translation.
pub const PROVISIONAL_CODE: &str = "P013";

/// How long the renderers live, which decides what they keep between renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifetime {
    /// One build: nothing is kept for a later render.
    OneBuild,
    /// Many renders of the same sources (`codepub watch`): the PDF renderer keeps the parts of
    /// long editions, and lays out again only the parts an edit changed.
    Live,
}

/// The renderers of the requested formats, for renderers that live `lifetime` (for one build,
/// PDF first); an error naming the Cargo feature a format needs when this binary lacks it.
/// `font_path`: the extra font folders of the PDFs.
pub fn renderers(
    formats: &[OutputFormat],
    #[cfg_attr(not(feature = "pdf"), allow(unused_variables))] font_path: &[std::path::PathBuf],
    #[cfg_attr(not(any(feature = "pdf", feature = "html")), allow(unused_variables))] lifetime: Lifetime,
) -> Result<Vec<Box<dyn Renderer>>, Failure> {
    require_formats(formats)?;
    #[cfg_attr(not(any(feature = "pdf", feature = "html")), allow(unused_mut))]
    let mut renderers: Vec<Box<dyn Renderer>> = Vec::new();
    if formats.contains(&OutputFormat::Pdf) {
        #[cfg(feature = "pdf")]
        {
            let pdf = codepub_pdf::PdfRenderer::new(font_path)
                .map_err(|error| Failure::Render { what: "pdf".into(), error })?;
            let pdf = if lifetime == Lifetime::Live { pdf.keeping_parts() } else { pdf };
            renderers.push(Box::new(pdf));
        }
    }
    #[cfg(feature = "html")]
    if formats.contains(&OutputFormat::Html) {
        // Live, the pages come first: they are what a preview shows while the PDFs are laid out.
        let at = if lifetime == Lifetime::Live { 0 } else { renderers.len() };
        renderers.insert(at, Box::new(codepub_html::HtmlRenderer));
    }
    Ok(renderers)
}

/// An error naming the Cargo feature a requested format needs, when this binary lacks it.
pub fn require_formats(formats: &[OutputFormat]) -> Result<(), Failure> {
    if formats.contains(&OutputFormat::Pdf) {
        require_feature("PDF output", "pdf")?;
    }
    if formats.contains(&OutputFormat::Html) {
        require_feature("HTML output", "html")?;
    }
    Ok(())
}

/// Sources larger than this (the Code is 16 KiB) render one edition at a time, each edition's
/// caches released after it, so that the peak memory is one edition's, not the sum of all.
pub const ONE_EDITION_AT_A_TIME_BYTES: usize = 512 * 1024;

/// How the editions of large sources are rendered: each renders alone, in parts, releasing its
/// caches as it goes, either one after another or each on its own thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LargeSources {
    /// One edition after another, so that the peak memory is one edition's part's (a build, and
    /// a live loop's first pass).
    OneAtATime,
    /// On parallel threads: for a renderer that keeps the parts of its last render
    /// ([`Lifetime::Live`]) after its first pass, when an edit leaves most parts as they were
    /// and each edition lays out only a few.
    Together,
}

/// Renders every edition with `renderer`, each on its own thread (for large sources, as `large`
/// says), plus the format's shared files, and hands each edition's outputs to `keep` as soon as
/// they are there (in the order of `models`; the shared files last). An edition that fails is
/// rendered again in pieces, to report the error at the source block that causes it ([`blame`]).
pub fn render_all(
    renderer: &dyn Renderer,
    models: &[&EditionModel<'_>],
    cx: &RenderContext,
    alignment: &Alignment<'_>,
    sources: &SourceMap,
    large: LargeSources,
    keep: &mut dyn FnMut(Vec<Output>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let failed = |what: &str, error: RenderError| Failure::Render { what: what.to_string(), error };
    let checked = |model: &EditionModel<'_>, result: Result<Vec<Output>, RenderError>| {
        let traced = |error| {
            blame::in_source(error, model, alignment, sources, |cut| renderer.render_edition(cut, cx).map(drop))
        };
        result.map_err(|error| failed(model.edition.name(), traced(error)))
    };
    let is_large = sources.total_bytes() > ONE_EDITION_AT_A_TIME_BYTES;
    // Each render alone: it may release what its own earlier passes cached.
    let alone = RenderContext { caches: CacheUse::Own, ..cx.clone() };
    if is_large && large == LargeSources::OneAtATime {
        crate::memory::release_promptly();
        for &model in models {
            let timed = crate::timings::rendering(renderer.name(), model.edition);
            let result = renderer.render_edition(model, &alone);
            drop(timed);
            renderer.release_caches();
            keep(checked(model, result)?)?;
        }
    } else {
        if is_large {
            crate::memory::release_at_leisure();
        }
        let cx = if is_large { &alone } else { cx };
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
pub fn write_outputs(
    out: &Path,
    outputs: Vec<Output>,
    sync: Durability,
    progress: &dyn Progress,
) -> Result<Vec<PathBuf>, Failure> {
    let mut writer = OutputWriter::new(out, sync, progress);
    writer.add(outputs)?;
    writer.commit()
}

/// Outputs staged as they come and published together by [`OutputWriter::commit`]: the output
/// folder is locked at the first ([`Publication`]), telling `progress` when another build holds
/// it. Nothing is replaced before the commit; dropped before it, the staged files
/// are removed.
pub struct OutputWriter<'o> {
    out: &'o Path,
    sync: Durability,
    progress: &'o dyn Progress,
    publication: Option<Publication>,
    /// The paths added, in order.
    paths: Vec<String>,
}

impl<'o> OutputWriter<'o> {
    pub fn new(out: &'o Path, sync: Durability, progress: &'o dyn Progress) -> Self {
        Self { out, sync, progress, publication: None, paths: Vec::new() }
    }

    pub fn add(&mut self, outputs: Vec<Output>) -> Result<(), Failure> {
        for output in outputs {
            let publication = match &mut self.publication {
                Some(publication) => publication,
                None => self
                    .publication
                    .insert(Publication::open(self.out, self.sync, |holder| self.progress.waiting(self.out, holder))?),
            };
            publication.add(&output.path, &output.bytes)?;
            self.paths.push(output.path);
        }
        Ok(())
    }

    /// Everything published; returns what was written, in order: each file, and each folder as
    /// its first page.
    pub fn commit(self) -> Result<Vec<PathBuf>, Failure> {
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
