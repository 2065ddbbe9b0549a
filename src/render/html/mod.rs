//! HTML editions: the bilingual side-by-side page (`index.html`), the English and Japanese pages
//! (`en.html`, `ja.html`) and their stylesheet (`style.css`), rendered from the edition views
//! through auto-escaping minijinja templates. Pages are self-contained: no script, no request to
//! another host, system fonts only.

mod context;
mod templates;

use std::path::Path;

use crate::load::Project;
use crate::render::RenderError;
use crate::view::{EditionKind, edition_view};

pub use context::{page_file, page_lang};
pub use templates::escape_html;

/// Renders every edition's page and the shared assets: (path relative to the HTML output dir,
/// bytes). Pages: `index.html` (the bilingual side-by-side edition), `en.html`, `ja.html`; plus
/// `style.css`.
///
/// Templates (`page.html`, `macros.html`) and the stylesheet are read from `template_dir` when
/// it holds them, else the built-in defaults are used. The output depends on the sources and
/// templates only: the same input gives byte-identical files.
pub fn render_site(project: &Project, template_dir: Option<&Path>) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let set = templates::TemplateSet::new(template_dir, &project.root);
    let env = set.environment();
    let page = env.get_template(templates::PAGE).map_err(|error| set.error(&error))?;
    let mut files = Vec::with_capacity(EditionKind::ALL.len() + 1);
    for edition in EditionKind::ALL {
        let view = edition_view(project, edition);
        let context = context::page_context(&view)?;
        let html = page
            .render(minijinja::Value::from(minijinja::value::Serde(&context)))
            .map_err(|error| set.error(&error))?;
        files.push((page_file(edition).to_string(), html.into_bytes()));
    }
    let stylesheet = set.source(templates::STYLESHEET)?.ok_or_else(|| RenderError::Template {
        at: crate::source::Location { path: templates::STYLESHEET.to_string(), line: 1, column: 1 },
        message: "stylesheet not found".to_string(),
        hints: Vec::new(),
    })?;
    files.push((templates::STYLESHEET.to_string(), stylesheet.text.into_bytes()));
    Ok(files)
}
