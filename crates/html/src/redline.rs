//! The HTML redline ([`render_redline`]): the diff's [`RedlineView`] and the interface's
//! localised words ([`RedlineLabels`], the PDF redline's too), through `templates/redline.html`
//! (a project's own file overrides it) in the auto-escaping environment of every HTML template,
//! so source text can never become markup.

use minijinja::value::Serde;
use minijinja::{Value, context};

use codepub_core::i18n::Localizer;
use codepub_view::diff::{RedlineLabels, RedlineView, RevisionDiff, redline_view};
use codepub_view::render::{RenderError, Templates};

/// The redline's template.
pub const REDLINE: &str = "redline.html";

/// Renders the redline of `diff` as one self-contained HTML page, labelled in `l10n`'s language.
pub fn render_redline(diff: &RevisionDiff, l10n: &Localizer, templates: &Templates) -> Result<String, RenderError> {
    let view: RedlineView = redline_view(diff);
    let labels = RedlineLabels::new(diff, l10n);
    let ui_lang = labels.ui_lang;
    let env = super::templates::environment(templates);
    let template = env.get_template(REDLINE).map_err(|error| super::templates::error(templates, &error))?;
    template
        .render(context! { view => Value::from(Serde(&view)), labels => Value::from(Serde(&labels)), ui_lang })
        .map_err(|error| super::templates::error(templates, &error))
}
