//! PDF editions through the embedded Typst compiler. [`PdfRenderer`] holds what every render
//! shares (fonts, Typst's standard library); it compiles the templates (`edition.typ` and the
//! files it imports) against the render model, serialised as the JSON file `/data.json` the
//! templates read as data, and exports a tagged PDF/A-2u + PDF/UA-1 file whose bytes depend only
//! on the inputs (fixed date, identifier and creator).
//!
//! The bilingual columns edition is checked for notes printed on another page than one of their
//! references and laid out again, with the row holding them cut higher or kept whole, until none
//! is ([`columns`]). The facing-pages edition compiles `facing.typ` instead, is checked for pages
//! out of place and laid out again with a wider safety margin until none is ([`facing`]), and
//! opens in two-page view ([`page_layout`]).
//!
//! Modules: [`fonts`] (bundled and extra fonts), [`world`] (the Typst `World`), [`diagnostics`]
//! (Typst errors), [`markers`] (what a template reports of its layout), [`reuse`] (the parts of
//! long editions a long-lived renderer keeps between renders).

pub mod columns;
pub mod coverage;
mod diagnostics;
pub mod facing;
pub mod fonts;
mod markers;
pub mod page_layout;
mod reuse;
mod world;

use std::convert::Infallible;
use std::path::PathBuf;

use typst::diag::Warned;
use typst::foundations::{Datetime, Smart};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use codepub_core::config::Date;
use codepub_view::diff::{RedlineLabels, RedlineView};
use codepub_view::render::{CacheUse, Output, RenderContext, RenderError, Renderer, Templates};
use codepub_view::view::EditionModel;

use self::fonts::FontSet;
use self::world::{EditionWorld, SourceCache};

/// Typst's memoised results that the columns edition's passes keep when the render has the
/// cache to itself ([`CacheUse::Own`]): those used by one of the last two passes (comemo's
/// eviction age).
const PASSES_KEPT_IN_CACHE: usize = 2;

/// The main template of the editions, the file Typst compiles.
pub const EDITION_TEMPLATE: &str = "edition.typ";

/// The main template of the facing-pages edition.
pub const FACING_TEMPLATE: &str = "facing.typ";

/// The main template of a revision redline (`codepub diff --format pdf`).
pub const REDLINE_TEMPLATE: &str = "redline.typ";

/// The PDF `/Creator`: fixed, so that output does not change with the build machine.
pub const CREATOR: &str = concat!("codepub ", env!("CARGO_PKG_VERSION"), " (Typst 0.15)");

/// The standards every edition conforms to: archivable (PDF/A-2u) and accessible (PDF/UA-1).
pub const STANDARDS: [PdfStandard; 2] = [PdfStandard::A_2u, PdfStandard::Ua_1];

/// Renders PDF editions. Fonts are loaded once; one renderer may render editions on several
/// threads at once.
pub struct PdfRenderer {
    fonts: FontSet,
    library: LazyHash<Library>,
    /// The templates as parsed by earlier renders of this renderer.
    sources: SourceCache,
    /// How many times a render released Typst's cache between its passes.
    evictions: std::sync::atomic::AtomicUsize,
    /// The parts of long editions kept from their last render, when this renderer keeps them
    /// ([`PdfRenderer::keeping_parts`]).
    parts: Option<reuse::PartStore>,
}

impl PdfRenderer {
    /// Bundled fonts (embedded in the binary), plus fonts found in `extra_font_dirs` (the CLI's
    /// `--font-path`).
    pub fn new(extra_font_dirs: &[PathBuf]) -> Result<Self, RenderError> {
        let fonts = FontSet::load(extra_font_dirs)?;
        Ok(Self {
            fonts,
            library: LazyHash::new(Library::default()),
            sources: SourceCache::default(),
            evictions: Default::default(),
            parts: None,
        })
    }

    /// This renderer, keeping the parts of each long edition it renders for its next render of
    /// the edition, which lays out again only the parts whose inputs changed ([`reuse`]): for a
    /// renderer that lives across many renders of the same sources (`codepub watch`).
    pub fn keeping_parts(mut self) -> Self {
        self.parts = Some(reuse::PartStore::default());
        self
    }

    /// The PDF of one edition, rendered beside others: Typst's cache is left as it is.
    pub fn render(&self, edition: &EditionModel<'_>, templates: &Templates) -> Result<Vec<u8>, RenderError> {
        self.render_with(edition, templates, CacheUse::Shared)
    }

    /// The PDF of one edition; `caches` says whether the render may release what it cached.
    pub fn render_with(
        &self,
        edition: &EditionModel<'_>,
        templates: &Templates,
        caches: CacheUse,
    ) -> Result<Vec<u8>, RenderError> {
        // The PDF's document id: stable across builds, distinct per publication and edition.
        let meta = edition.meta;
        let publication = (meta.isbn.clone())
            .or_else(|| meta.identifier.as_ref().map(|id| id.value.clone()))
            .unwrap_or_else(|| meta.title.en.clone());
        let ident = format!("codepub/{publication}/{}", edition.edition.name());
        let facing = edition.edition.facing_pages();
        // Alone, a long edition is rendered in parts.
        let parts = (caches == CacheUse::Own).then(|| codepub_view::view::chunks::split(edition, CHUNK_BYTES));
        // The edition (or one part of it) laid out by its template.
        let render = |model: &EditionModel<'_>, part: Option<Chunk>, caches: CacheUse| {
            if facing {
                self.render_facing(model, &ident, templates, part)
            } else {
                self.render_part(model, &ident, templates, caches, part)
            }
        };
        if let Some(parts) = parts.filter(|parts| parts.len() > 1) {
            // The merged whole opens as spreads: set as it is written, not read and written again.
            let catalog = if facing { vec![page_layout::two_page_right_entry()] } else { Vec::new() };
            let in_part = |model: &EditionModel<'_>, part, caches| render(model, Some(part), caches);
            return self.render_in_parts(&parts, catalog, &ident, templates, in_part);
        }
        let pdf = render(edition, None, caches)?.0;
        if facing { two_page(&pdf) } else { Ok(pdf) }
    }

    /// A long edition rendered a part at a time by `render`, each part's caches released after
    /// it and its PDF merged as soon as it is written ([`pdfa_merge::Merger`]), so that memory holds
    /// one part's layout and objects, not the edition's: each part's body carries on the page
    /// numbers of the one before (in the facing edition, every page's place in the whole), and
    /// the back covers start on a left-hand page of the whole. `catalog`: entries the merged
    /// catalog gets.
    ///
    /// An edition with a contents page: its first part holds the title matter and the contents
    /// alone ([`codepub_view::view::chunks`]), which list headings laid out in later parts, whose
    /// page labels are known only once those are laid out. The contents are laid out a run of
    /// [`CONTENTS_ENTRIES_PER_PART`] entries at a time, each cut where its last page opens;
    /// each run is laid out without labels only to count its pages (no PDF is exported:
    /// [`Chunk::pages_only`]); the body parts' PDFs are held (their bytes, not their layouts)
    /// until the last is rendered, and the runs are rendered with every heading's label
    /// ([`EditionModel::contents_labels`]). Its contents page keeps its length (the label column
    /// has a fixed width, an unknown label stands hidden in its place), so no page moves. Given
    /// its labels, the contents page reads nothing from the layout, so Typst lays it out once,
    /// not again on each of its layout passes.
    ///
    /// A renderer that keeps parts ([`PdfRenderer::keeping_parts`]) takes each part whose inputs
    /// are those of a part of the edition's last render (`ident`) as it was, and keeps this
    /// render's parts for the next; a failed render keeps the last one's. It also keeps Typst's
    /// memoised layout of the first part it lays out, so that the next edit in that part is laid
    /// out warm, as `typst watch` would.
    fn render_in_parts<'p>(
        &self,
        parts: &codepub_view::view::chunks::Chunks<'_, 'p>,
        catalog: Vec<(&'static [u8], lopdf::Object)>,
        ident: &str,
        templates: &Templates,
        render: impl Fn(&EditionModel<'p>, Chunk, CacheUse) -> Result<(Vec<u8>, Pages), RenderError>,
    ) -> Result<Vec<u8>, RenderError> {
        let Some(store) = &self.parts else {
            let laid_out = |model: &EditionModel<'p>, part| {
                let rendered = render(model, part, CacheUse::Own);
                typst::comemo::evict(0);
                rendered
            };
            return self.merge_parts(parts, catalog, laid_out);
        };
        let fingerprint = templates.fingerprint();
        let previous = store.take(ident);
        let now = std::cell::RefCell::new(Vec::new());
        let laid_out = std::cell::Cell::new(false);
        let reused_or_laid_out = |model: &EditionModel<'p>, part: Chunk| {
            let data = serde_json::to_vec(&EditionData { model, part: Some(part) }).map_err(RenderError::data)?;
            let key = reuse::PartKey { templates: fingerprint, data, pages_only: part.pages_only };
            if let Some(kept) = reuse::find(&previous, &key) {
                store.count(true);
                now.borrow_mut().push(kept.clone());
                return Ok((kept.pdf.clone(), kept.pages.clone()));
            }
            // Typst's memoised layout of the first part this render lays out is kept for the
            // next render (an edit is most often followed by another in the same place), its
            // passes' included; before a second, the caches are released, so that memory holds
            // about one part's layout.
            if laid_out.replace(true) {
                typst::comemo::evict(0);
            }
            let (pdf, pages) = render(model, part, CacheUse::Shared)?;
            store.count(false);
            now.borrow_mut().push(reuse::KeptPart { key, pdf: pdf.clone(), pages: pages.clone() });
            Ok((pdf, pages))
        };
        let merged = self.merge_parts(parts, catalog, reused_or_laid_out);
        store.keep(ident, if merged.is_ok() { now.into_inner() } else { previous });
        merged
    }

    /// The parts of a long edition, each from `render`, merged ([`PdfRenderer::render_in_parts`]).
    fn merge_parts<'p>(
        &self,
        parts: &codepub_view::view::chunks::Chunks<'_, 'p>,
        catalog: Vec<(&'static [u8], lopdf::Object)>,
        render: impl Fn(&EditionModel<'p>, Chunk) -> Result<(Vec<u8>, Pages), RenderError>,
    ) -> Result<Vec<u8>, RenderError> {
        let merge_error = |error: pdfa_merge::MergeError| RenderError::Export(error.to_string());
        let mut merger = pdfa_merge::Merger::new();
        for (key, value) in catalog {
            merger.set_in_catalog(key, value);
        }
        let mut part = Chunk { first_page: None, pages_before: 0, pages_only: false, contents: None };
        let mut models = parts.models();
        // The contents of a long edition, a part of their own (the first), laid out a run of
        // entries at a time: first without labels, only to count each run's pages and find where
        // it ends (its last page, or spread, begun again by the next run), so that the body's
        // parts know where they start.
        let mut runs = Vec::new();
        let front = if parts.opens_with_contents() { models.next() } else { None };
        if let Some(front) = &front {
            let total = contents_entries(&front.toc);
            let mut start = 0;
            loop {
                let end = (start + CONTENTS_ENTRIES_PER_PART).min(total);
                let model = contents_run(front, start, Some(Default::default()));
                let run = Chunk { pages_only: true, contents: Some((start, end)), ..part };
                let (_, pages) = render(&model, run)?;
                drop(model);
                let (cut, dropped) = match pages.contents_cut {
                    Some((entry, from_cut)) if end < total && entry > start && from_cut < pages.count => {
                        (entry, from_cut)
                    }
                    _ => (end, 0),
                };
                let count = pages.count - dropped;
                runs.push((Chunk { pages_only: false, contents: Some((start, cut)), ..part }, count));
                part = Chunk {
                    first_page: Some(pages.last_number + 1 - dropped as u64),
                    pages_before: part.pages_before + count,
                    pages_only: false,
                    contents: None,
                };
                if cut >= total {
                    break;
                }
                start = cut;
            }
        }
        let mut held = Vec::new();
        let mut labels: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
            Default::default();
        for model in models {
            let (pdf, pages) = render(&model, part)?;
            drop(model);
            if front.is_some() {
                for (anchor, lang, label) in &pages.contents_labels {
                    labels.entry(anchor.clone()).or_default().entry(lang.clone()).or_insert_with(|| label.clone());
                }
                held.push(pdf);
            } else {
                merger.push(pdf).map_err(merge_error)?;
            }
            part = Chunk {
                first_page: Some(pages.last_number + 1),
                pages_before: part.pages_before + pages.count,
                pages_only: false,
                contents: None,
            };
        }
        // Every label known, the contents' runs are rendered with them, each to the pages it
        // was counted at (the label column has a fixed width, an unknown label stands hidden).
        if let Some(front) = &front {
            for (run, counted) in runs {
                let (start, _) = run.contents.unwrap_or_default();
                let model = contents_run(front, start, Some(labels.clone()));
                let (pdf, pages) = render(&model, run)?;
                drop(model);
                if pages.count != counted {
                    return Err(RenderError::Layout(format!(
                        "the contents changed length from {counted} to {} pages once the page labels were known",
                        pages.count
                    )));
                }
                merger.push(pdf).map_err(merge_error)?;
            }
            for pdf in held {
                merger.push(pdf).map_err(merge_error)?;
            }
        }
        merger.finish().map_err(merge_error)
    }

    /// One edition laid out by `edition.typ` (columns or one language), or one part of it.
    fn render_part(
        &self,
        edition: &EditionModel<'_>,
        ident: &str,
        templates: &Templates,
        caches: CacheUse,
        part: Option<Chunk>,
    ) -> Result<(Vec<u8>, Pages), RenderError> {
        if edition.bilingual {
            return self.render_columns(edition, ident.to_string(), templates, caches, part);
        }
        let data = serde_json::to_vec(&EditionData { model: edition, part }).map_err(RenderError::data)?;
        let pages = std::cell::Cell::new(Pages::default());
        let export = export_of(part);
        let pdf = self
            .compile_to(
                EDITION_TEMPLATE,
                data,
                edition.meta.adopted,
                ident.to_string(),
                templates,
                export,
                |document| {
                    pages.set(Pages::of(document));
                    unchecked(document)
                },
            )
            .map_err(Rejected::error)?;
        Ok((pdf, pages.take()))
    }

    /// The bilingual columns edition: laid out with every row breakable, then again with the rows
    /// of notes printed away from one of their references cut higher or kept whole, until every
    /// note is on the page of both its references ([`columns`]).
    fn render_columns(
        &self,
        edition: &EditionModel<'_>,
        ident: String,
        templates: &Templates,
        caches: CacheUse,
        part: Option<Chunk>,
    ) -> Result<(Vec<u8>, Pages), RenderError> {
        let mut layout = columns::ColumnsLayout::default();
        let mut fallback = None;
        let pages = std::cell::Cell::new(Pages::default());
        for _ in 0..columns::MAX_PASSES {
            let data = serde_json::to_vec(&columns::ColumnsData { model: edition, columns: &layout, part })
                .map_err(RenderError::data)?;
            let export = export_of(part);
            let checked = self.compile_to(
                EDITION_TEMPLATE,
                data,
                edition.meta.adopted,
                ident.clone(),
                templates,
                export,
                |document| {
                    pages.set(Pages::of(document));
                    columns::next_layout(document, &layout).map_or(Ok(()), Err)
                },
            );
            match checked {
                Ok(pdf) => return Ok((pdf, pages.take())),
                Err(Rejected::Render(error)) => return Err(error),
                Err(Rejected::Check(retry)) => {
                    layout = retry.layout;
                    fallback = Some(retry.fallback);
                    // The next pass reuses most of this one's layout. Alone, what neither of the
                    // last two passes used is released, so that the cache does not keep every
                    // pass; beside other renders (or in `watch`) the cache is theirs too: an
                    // eviction here would age what they, and the next rebuild, are about to use.
                    if caches == CacheUse::Own {
                        self.evictions.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        typst::comemo::evict(PASSES_KEPT_IN_CACHE);
                    }
                }
            }
        }
        // Out of passes: every row with a reference kept whole.
        let layout = fallback.unwrap_or_default();
        let data = serde_json::to_vec(&columns::ColumnsData { model: edition, columns: &layout, part })
            .map_err(RenderError::data)?;
        let pdf = self
            .compile_to(EDITION_TEMPLATE, data, edition.meta.adopted, ident, templates, export_of(part), |document| {
                pages.set(Pages::of(document));
                unchecked(document)
            })
            .map_err(Rejected::error)?;
        Ok((pdf, pages.take()))
    }

    /// The facing-pages edition, or one part of it: the probe compiled and read, the spreads
    /// planned from it with the smallest safety margin under which no page overflows
    /// ([`facing`]). The caller sets the whole to open in two-page view. A run of the contents
    /// ([`Chunk::contents`]) has no clause to probe.
    fn render_facing(
        &self,
        edition: &EditionModel<'_>,
        ident: &str,
        templates: &Templates,
        part: Option<Chunk>,
    ) -> Result<(Vec<u8>, Pages), RenderError> {
        let date = edition.meta.adopted;
        // A run of the contents of a long edition holds no clause: nothing to probe, no spreads.
        let probe = if part.is_some_and(|part| part.contents.is_some()) {
            None
        } else {
            let data =
                serde_json::to_vec(&facing::FacingData { model: edition, probe: true, spreads: &[], slack: 0.0, part })
                    .map_err(RenderError::data)?;
            // The probe's laid-out pages are read, then let go of before the spreads are laid out.
            let document = self.lay_out(FACING_TEMPLATE, data, date, templates)?;
            Some(facing::Probe::read(&document).map_err(|error| RenderError::Layout(error.to_string()))?)
        };
        let mut overflow = None;
        let mut tried = Vec::new();
        for slack in facing::SLACKS {
            let spreads = probe.as_ref().map_or_else(Vec::new, |probe| probe.plan(slack));
            // A wider margin that plans the same spreads would overflow the same way.
            if tried.contains(&spreads) {
                continue;
            }
            let data = serde_json::to_vec(&facing::FacingData {
                model: edition,
                probe: false,
                spreads: &spreads,
                slack,
                part,
            })
            .map_err(RenderError::data)?;
            let pages_before = part.map_or(0, |part| part.pages_before);
            let pages = std::cell::Cell::new(Pages::default());
            let checked = self.compile_to(
                FACING_TEMPLATE,
                data,
                date,
                ident.to_string(),
                templates,
                export_of(part),
                |document| {
                    pages.set(Pages::of(document));
                    facing::overflow(document, pages_before).map_or(Ok(()), Err)
                },
            );
            match checked {
                Ok(pdf) => return Ok((pdf, pages.take())),
                Err(Rejected::Render(error)) => return Err(error),
                Err(Rejected::Check(found)) => overflow = Some(found),
            }
            tried.push(spreads);
        }
        let overflow = overflow.map_or_else(String::new, |o| o.to_string());
        Err(RenderError::Layout(format!(
            "the facing-pages edition could not be laid out: {overflow} even with {} pt free at the foot of each page",
            facing::SLACKS[facing::SLACKS.len() - 1]
        )))
    }

    /// Renders the redline of a revision diff (`redline.typ`), with its words in the interface's
    /// language (`labels`, beside the view in `/data.json`), dated by the later revision's
    /// adoption date.
    pub fn render_redline(
        &self,
        redline: &RedlineView,
        labels: &RedlineLabels,
        cx: &RenderContext,
    ) -> Result<Vec<u8>, RenderError> {
        /// The template's `/data.json`: the redline, and its words in the interface's language.
        #[derive(serde::Serialize)]
        struct RedlineData<'a> {
            #[serde(flatten)]
            view: &'a RedlineView,
            labels: &'a RedlineLabels,
        }
        let data = serde_json::to_vec(&RedlineData { view: redline, labels }).map_err(RenderError::data)?;
        let revision = |info: &codepub_view::diff::EditionInfo| {
            info.identifier.as_ref().map_or_else(|| info.adopted.to_string(), |id| id.value.clone())
        };
        let ident = format!("codepub/redline/{}/{}", revision(&redline.old), revision(&redline.new));
        self.compile(REDLINE_TEMPLATE, data, redline.new.adopted, ident, &cx.templates, unchecked)
            .map_err(Rejected::error)
    }

    /// Lays out template `main` against `data` (the virtual file `/data.json`), with `date` as
    /// Typst's `today`.
    fn lay_out(
        &self,
        main: &str,
        data: Vec<u8>,
        date: Date,
        templates: &Templates,
    ) -> Result<PagedDocument, RenderError> {
        let (document, _) = self.lay_out_in_world(main, data, date, templates)?;
        Ok(document)
    }

    fn lay_out_in_world<'w>(
        &'w self,
        main: &'w str,
        data: Vec<u8>,
        date: Date,
        templates: &'w Templates,
    ) -> Result<(PagedDocument, EditionWorld<'w>), RenderError> {
        let today = today(date)?;
        let world = EditionWorld::new(&self.library, &self.fonts, &self.sources, templates, main, data, today)
            .ok_or_else(|| RenderError::Export("template paths could not be set up".into()))?;
        let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let Warned { output, warnings: _ } = typst::compile::<PagedDocument>(&world);
            output
        }))
        .map_err(|panic| RenderError::Export(format!("Typst failed: {}", panic_message(&panic))))?;
        let document = compiled.map_err(|errors| diagnostics::template_error(&world, &errors))?;
        Ok((document, world))
    }

    /// Compiles template `main` against `data` (the virtual file `/data.json`) and exports the
    /// PDF, with `date` as both the document date and Typst's `today`, when `check` accepts the
    /// laid-out document.
    fn compile<E>(
        &self,
        main: &str,
        data: Vec<u8>,
        date: Date,
        ident: String,
        templates: &Templates,
        check: impl Fn(&PagedDocument) -> Result<(), E>,
    ) -> Result<Vec<u8>, Rejected<E>> {
        self.compile_to(main, data, date, ident, templates, Export::Pdf(&STANDARDS), check)
    }

    /// [`PdfRenderer::compile`], exporting what `export` says.
    #[allow(clippy::too_many_arguments)]
    fn compile_to<E>(
        &self,
        main: &str,
        data: Vec<u8>,
        date: Date,
        ident: String,
        templates: &Templates,
        export: Export,
        check: impl Fn(&PagedDocument) -> Result<(), E>,
    ) -> Result<Vec<u8>, Rejected<E>> {
        let (document, world) = self.lay_out_in_world(main, data, date, templates)?;
        check(&document).map_err(Rejected::Check)?;
        let Export::Pdf(standards) = export else { return Ok(Vec::new()) };

        let standards = PdfStandards::new(standards)
            .map_err(|error| RenderError::Export(format!("PDF standards: {}", error.message())))?;
        let options = PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(CREATOR.to_string())),
            timestamp: Some(Timestamp::new_utc(today(date)?)),
            page_ranges: None,
            standards,
            tagged: true,
            pretty: false,
        };
        let exported = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| typst_pdf::pdf(&document, &options)))
            .map_err(|panic| RenderError::Export(format!("Typst failed: {}", panic_message(&panic))))?;
        Ok(exported.map_err(|errors| diagnostics::export_error(&world, &errors))?)
    }
}

/// The facing-pages edition set to open in two-page view, page 1 alone on the right.
fn two_page(pdf: &[u8]) -> Result<Vec<u8>, RenderError> {
    page_layout::two_page_right(pdf).map_err(|error| RenderError::Export(error.to_string()))
}

/// `date` as a Typst date.
fn today(date: Date) -> Result<Datetime, RenderError> {
    Datetime::from_ymd(i32::from(date.year), date.month, date.day)
        .ok_or_else(|| RenderError::Export(format!("date {date} is not a calendar date")))
}

/// The contents of a long edition are laid out this many entries at a time (some ten pages), so
/// that memory holds a run of them, not the contents of the whole text.
pub const CONTENTS_ENTRIES_PER_PART: usize = 500;

/// How many entries the contents list (`contents.typ`'s `flat-entries`): every entry of `toc`
/// and of its children.
fn contents_entries(toc: &[codepub_view::view::TocEntry]) -> usize {
    toc.iter().map(|entry| 1 + contents_entries(&entry.children)).sum()
}

/// The model of the run of the contents that starts at entry `start`: the front part's (the
/// title matter and the whole list, which the template cuts), the title matter only in the
/// first run; with the page labels `labels`.
fn contents_run<'p>(
    front: &EditionModel<'p>,
    start: usize,
    labels: Option<std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>>,
) -> EditionModel<'p> {
    let mut model = front.clone();
    if start > 0 {
        model.title_page = None;
        model.provisional = None;
    }
    model.contents_labels = labels;
    model
}

/// Sources of an edition rendered alone are cut into parts of about this many bytes of the
/// render model (some 50 pages of the bilingual edition), rendered one after another and merged.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// Which part of a long edition a render is (`part` in `/data.json`).
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Chunk {
    /// The page number the part's body starts at; `None` for the first part.
    pub first_page: Option<u64>,
    /// How many pages the parts before it have.
    pub pages_before: usize,
    /// Whether the part is laid out only for what its pages are ([`Pages`]), its PDF not
    /// exported: a run of a long edition's contents, before the body's labels are known. Not
    /// part of the template's data.
    #[serde(skip)]
    pub pages_only: bool,
    /// The entries `(start, end)` of the contents list this part lays out, when it lays out a
    /// run of them (the contents of a long edition, [`CONTENTS_ENTRIES_PER_PART`] at a time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contents: Option<(usize, usize)>,
}

/// An edition's model for `edition.typ`, with the part it is when rendered in parts.
#[derive(serde::Serialize)]
struct EditionData<'m, 'p> {
    #[serde(flatten)]
    model: &'m EditionModel<'p>,
    part: Option<Chunk>,
}

/// Parts after the first of an edition rendered in parts are exported to PDF/A-2u only: the
/// PDF/UA-1 validator of typst-pdf wants a document's first heading at level 1, and such a part
/// opens with a clause. The merged whole takes the first part's metadata, and veraPDF checks it
/// against both standards.
const LATER_PART_STANDARDS: [PdfStandard; 1] = [PdfStandard::A_2u];

/// What a render of `part` exports: the PDF standards it conforms to, or no PDF at all.
fn export_of(part: Option<Chunk>) -> Export {
    match part {
        Some(part) if part.pages_only => Export::PagesOnly,
        Some(part) if part.pages_before > 0 => Export::Pdf(&LATER_PART_STANDARDS),
        _ => Export::Pdf(&STANDARDS),
    }
}

/// What a compile exports once its layout is accepted.
#[derive(Clone, Copy)]
enum Export {
    /// A PDF conforming to these standards.
    Pdf(&'static [PdfStandard]),
    /// Nothing: the layout is wanted only for what its pages are (an empty PDF is returned).
    PagesOnly,
}

/// What a laid-out document's pages are: how many, the number of the last, and the page label of
/// each heading a contents page lists (`contents.typ`'s markers: anchor, language or `any`,
/// label), for the contents page of an edition rendered in parts.
#[derive(Clone, Debug, Default)]
struct Pages {
    count: usize,
    last_number: u64,
    contents_labels: Vec<(String, String, String)>,
    /// Where a run of the contents list may be cut: the entry that opens its last page (or
    /// spread), and how many pages there are from that page to the end.
    contents_cut: Option<(usize, usize)>,
}

impl Pages {
    fn of(document: &PagedDocument) -> Self {
        let contents_labels = markers::markers(&**document.introspector(), "codepub-contents-target")
            .filter_map(|(value, _)| {
                let anchor = markers::string(&value, "anchor")?;
                let lang = markers::string(&value, "lang").unwrap_or_else(|| "any".into());
                Some((anchor, lang, markers::string(&value, "label")?))
            })
            .collect();
        let count = document.pages().len();
        // The entry markers on the last page that has any: the first of them opens it.
        let mut cut: Option<(usize, usize)> = None;
        for (value, place) in markers::markers(&**document.introspector(), "codepub-contents-entry") {
            let Some(entry) = markers::int(&value, "entry").and_then(|entry| usize::try_from(entry).ok()) else {
                continue;
            };
            if cut.is_none_or(|(page, first)| place.page > page || (place.page == page && entry < first)) {
                cut = Some((place.page, entry));
            }
        }
        Pages {
            count,
            last_number: document.pages().last().map_or(0, |page| page.number),
            contents_labels,
            contents_cut: cut.map(|(page, entry)| (entry, (count + 1).saturating_sub(page))),
        }
    }
}

/// Why [`PdfRenderer::compile`] gave no PDF: an error, or the check of the laid-out document.
enum Rejected<E> {
    Render(RenderError),
    Check(E),
}

impl Rejected<Infallible> {
    fn error(self) -> RenderError {
        match self {
            Rejected::Render(error) => error,
            Rejected::Check(never) => match never {},
        }
    }
}

/// The check of a document that is not checked.
fn unchecked(_: &PagedDocument) -> Result<(), Infallible> {
    Ok(())
}

impl<E> From<RenderError> for Rejected<E> {
    fn from(error: RenderError) -> Self {
        Rejected::Render(error)
    }
}

impl Renderer for PdfRenderer {
    fn name(&self) -> &'static str {
        "PDF"
    }

    /// Typst keeps every memoised layout of a compilation until evicted, as typst-cli evicts
    /// after each compile.
    fn release_caches(&self) {
        typst::comemo::evict(0);
    }

    /// `<slug>-<edition>.pdf`.
    fn render_edition(&self, edition: &EditionModel<'_>, cx: &RenderContext) -> Result<Vec<Output>, RenderError> {
        let bytes = self.render_with(edition, &cx.templates, cx.caches)?;
        Ok(vec![Output { path: format!("{}.pdf", edition.edition.file_stem(&cx.slug)), bytes }])
    }

    fn locate_span(&self, span: std::num::NonZeroU64) -> Option<(String, u32)> {
        self.sources.locate(typst::syntax::Span::from_raw(span))
    }

    fn parts_laid_out_and_reused(&self) -> (usize, usize) {
        self.parts.as_ref().map_or((0, 0), reuse::PartStore::counts)
    }
}

/// Forgets what Typst memoised for renders more than a few passes old, as `typst watch` does
/// between compiles: a long-lived renderer's caches stay warm without growing for ever.
pub fn evict_old_caches() {
    typst::comemo::evict(10);
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderer_is_shareable_across_threads() {
        fn assert_sync<T: Send + Sync>() {}
        assert_sync::<PdfRenderer>();
    }

    /// The Code's columns edition, which takes two passes (its note).
    fn columns_edition_rendered(caches: CacheUse) -> usize {
        let project = codepub_core::load::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .expect("shipped project");
        let alignment = project.alignment();
        let model =
            EditionModel::build(&alignment, &project.config.edition, codepub_view::view::EditionKind::Bilingual);
        let renderer = PdfRenderer::new(&[]).expect("fonts");
        renderer.render_with(&model, &Templates::built_in(), caches).expect("renders");
        renderer.evictions.load(std::sync::atomic::Ordering::Relaxed)
    }

    #[test]
    fn a_render_beside_others_leaves_the_shared_cache_alone_between_passes() {
        assert_eq!(columns_edition_rendered(CacheUse::Shared), 0);
    }

    #[test]
    fn a_render_alone_releases_its_earlier_passes_between_passes() {
        assert_eq!(columns_edition_rendered(CacheUse::Own), 1);
    }

    #[test]
    fn the_standards_combine() {
        assert!(PdfStandards::new(&STANDARDS).is_ok());
    }
}
