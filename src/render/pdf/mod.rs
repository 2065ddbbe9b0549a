//! PDF editions through the embedded Typst compiler. [`PdfRenderer`] holds what every render
//! shares (fonts, Typst's standard library); [`PdfRenderer::render`] compiles the templates
//! (`templates/edition.typ` and the files it imports) against the edition data, read by the
//! templates as the JSON file `/data.json`, and exports a tagged PDF/A-2u + PDF/UA-1 file whose
//! bytes depend only on the inputs (fixed date, identifier and creator).
//!
//! Modules: [`fonts`] (bundled and extra fonts), [`templates`] (project or embedded templates),
//! [`world`] (the Typst `World`), [`data`] (the JSON data), [`diagnostics`] (Typst errors).

pub mod blame;
mod data;
mod diagnostics;
pub mod fonts;
pub mod templates;
mod world;

use std::path::{Path, PathBuf};

use typst::diag::Warned;
use typst::foundations::{Datetime, Smart};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::config::Date;
use crate::diff::RevisionDiff;
use crate::render::RenderError;
use crate::view::EditionView;

use self::fonts::FontSet;
use self::templates::Templates;
use self::world::EditionWorld;

/// The PDF `/Creator`: fixed, so that output does not change with the build machine.
pub const CREATOR: &str = concat!("codepub ", env!("CARGO_PKG_VERSION"), " (Typst 0.15)");

/// The standards every edition conforms to: archivable (PDF/A-2u) and accessible (PDF/UA-1).
pub const STANDARDS: [PdfStandard; 2] = [PdfStandard::A_2u, PdfStandard::Ua_1];

/// Renders PDF editions. Fonts are loaded once; one renderer may render editions on several
/// threads at once.
pub struct PdfRenderer {
    fonts: FontSet,
    library: LazyHash<Library>,
}

impl PdfRenderer {
    /// Bundled fonts (embedded in the binary), plus fonts found in `extra_font_dirs` (the CLI's
    /// `--font-path`).
    pub fn new(extra_font_dirs: &[PathBuf]) -> Result<Self, RenderError> {
        let fonts = FontSet::load(extra_font_dirs)?;
        Ok(Self { fonts, library: LazyHash::new(Library::default()) })
    }

    /// Renders one edition. `template_dir`: the project's `templates/` folder if it exists, else
    /// the embedded default templates are used (a file missing from the folder also falls back
    /// to its default).
    pub fn render(&self, view: &EditionView<'_>, template_dir: Option<&Path>) -> Result<Vec<u8>, RenderError> {
        let data = data::edition_json(view)?;
        // The PDF's document id: stable across builds, distinct per publication and edition.
        let publication = (view.meta.isbn.clone())
            .or_else(|| view.meta.identifier.as_ref().map(|id| id.value.clone()))
            .unwrap_or_else(|| view.meta.title.en.clone());
        let ident = format!("codepub/{publication}/{}", view.edition.name());
        let compile = |data| self.compile(templates::MAIN, data, view.meta.adopted, ident.clone(), template_dir);
        compile(data.clone()).map_err(|error| {
            // Typst places the error in a template: find the block whose data fails.
            match blame::culprit(&data, &mut |part| compile(part).is_err()) {
                Some(culprit) => RenderError::InContent { culprit, error: Box::new(error) },
                None => error,
            }
        })
    }

    /// Renders the redline of a revision diff (`templates/redline.typ`), dated by the later
    /// revision's adoption date.
    pub fn render_redline(&self, diff: &RevisionDiff, template_dir: Option<&Path>) -> Result<Vec<u8>, RenderError> {
        let data = serde_json::to_vec(&crate::diff::redline_view(diff))
            .map_err(|error| RenderError::Export(format!("redline data could not be serialised: {error}")))?;
        let revision = |info: &crate::diff::EditionInfo| {
            info.identifier.as_ref().map_or_else(|| info.adopted.to_string(), |id| id.value.clone())
        };
        let ident = format!("codepub/redline/{}/{}", revision(&diff.old), revision(&diff.new));
        self.compile(templates::REDLINE, data, diff.new.adopted, ident, template_dir)
    }

    /// Compiles template `main` against `data` (the virtual file `/data.json`) and exports the
    /// PDF, with `date` as both the document date and Typst's `today`.
    fn compile(
        &self,
        main: &str,
        data: Vec<u8>,
        date: Date,
        ident: String,
        template_dir: Option<&Path>,
    ) -> Result<Vec<u8>, RenderError> {
        let today = Datetime::from_ymd(i32::from(date.year), date.month, date.day)
            .ok_or_else(|| RenderError::Export(format!("date {date} is not a calendar date")))?;
        let templates = Templates::new(template_dir.filter(|dir| dir.is_dir()));
        let world = EditionWorld::new(&self.library, &self.fonts, templates, main, data, today)
            .ok_or_else(|| RenderError::Export("template paths could not be set up".into()))?;

        let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let Warned { output, warnings: _ } = typst::compile::<PagedDocument>(&world);
            output
        }))
        .map_err(|panic| RenderError::Export(format!("Typst failed: {}", panic_message(&panic))))?;
        let document = compiled.map_err(|errors| diagnostics::template_error(&world, &errors))?;

        let standards = PdfStandards::new(&STANDARDS)
            .map_err(|error| RenderError::Export(format!("PDF standards: {}", error.message())))?;
        let options = PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(CREATOR.to_string())),
            timestamp: Some(Timestamp::new_utc(today)),
            page_ranges: None,
            standards,
            tagged: true,
            pretty: false,
        };
        let exported = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| typst_pdf::pdf(&document, &options)))
            .map_err(|panic| RenderError::Export(format!("Typst failed: {}", panic_message(&panic))))?;
        exported.map_err(|errors| diagnostics::export_error(&world, &errors))
    }
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

    #[test]
    fn the_standards_combine() {
        assert!(PdfStandards::new(&STANDARDS).is_ok());
    }
}
