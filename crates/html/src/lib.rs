//! HTML editions: the bilingual side-by-side page (`html/index.html`), the English and Japanese
//! pages (`html/en.html`, `html/ja.html`) and their stylesheet (`html/style.css`), rendered from
//! the render model through auto-escaping minijinja templates. Pages are self-contained: no
//! script, no request to another host, system fonts only.

mod page;
pub mod redline;
mod templates;

use codepub_core::load::Project;
use codepub_core::location::Location;
use codepub_view::render::{CacheUse, Output, RenderContext, RenderError, Renderer, Templates};
use codepub_view::view::{EditionKind, EditionModel};

pub use page::{Page, page_file, page_lang};
pub use templates::escape_html;

/// The folder of the HTML output, replaced as a whole by a build.
pub const FOLDER: &str = "html";

/// The page template: one page of an edition.
pub const PAGE: &str = "page.html";
/// Macros rendering blocks and inline runs, imported by the page template.
pub const MACROS: &str = "macros.html";
/// The stylesheet, copied as it is.
pub const STYLESHEET: &str = "style.css";

/// Renders the web editions. The output depends on the sources and templates only: the same
/// input gives byte-identical files.
#[derive(Debug, Default)]
pub struct HtmlRenderer;

impl Renderer for HtmlRenderer {
    fn name(&self) -> &'static str {
        "HTML"
    }

    fn renders(&self, edition: EditionKind) -> bool {
        page_file(edition).is_some()
    }

    fn is_preview(&self) -> bool {
        true
    }

    /// The edition's page; nothing for an edition without one ([`page_file`]).
    fn render_edition(&self, edition: &EditionModel<'_>, cx: &RenderContext) -> Result<Vec<Output>, RenderError> {
        let Some(file) = page_file(edition.edition) else { return Ok(Vec::new()) };
        let env = templates::environment(&cx.templates);
        let page = env.get_template(PAGE).map_err(|error| templates::error(&cx.templates, &error))?;
        let html = page
            .render(minijinja::Value::from(minijinja::value::Serde(Page::new(edition, STYLESHEET))))
            .map_err(|error| templates::error(&cx.templates, &error))?;
        Ok(vec![Output { path: format!("{FOLDER}/{file}"), bytes: html.into_bytes() }])
    }

    /// The stylesheet.
    fn shared(&self, cx: &RenderContext) -> Result<Vec<Output>, RenderError> {
        let stylesheet = cx.templates.read(STYLESHEET).map_err(|_| RenderError::Template {
            at: Location { path: format!("templates/{STYLESHEET}"), line: 1, column: 1 },
            message: "stylesheet not found".to_string(),
            hints: Vec::new(),
        })?;
        Ok(vec![Output { path: format!("{FOLDER}/{STYLESHEET}"), bytes: stylesheet.text.into_bytes() }])
    }
}

/// Every edition's page and the stylesheet of `project`, aligned once: (path inside the HTML
/// folder, bytes), in edition order, the stylesheet last. What `codepub build --format html`
/// writes under `out/html/`.
pub fn render_site(project: &Project, templates: &Templates) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let alignment = project.alignment();
    let cx = RenderContext { templates: templates.clone(), slug: project.slug(), caches: CacheUse::Shared };
    let mut outputs = Vec::new();
    for edition in EditionKind::ALL.into_iter().filter(|&edition| HtmlRenderer.renders(edition)) {
        let model = EditionModel::build(&alignment, &project.config.edition, edition);
        outputs.extend(HtmlRenderer.render_edition(&model, &cx)?);
    }
    outputs.extend(HtmlRenderer.shared(&cx)?);
    let inside = |path: String| path.strip_prefix(&format!("{FOLDER}/")).map(str::to_string).unwrap_or(path);
    Ok(outputs.into_iter().map(|output| (inside(output.path), output.bytes)).collect())
}
