//! How the HTML templates are run: one auto-escaping minijinja environment over the templates
//! (the project's, else the built-in ones, through [`Templates`]); template errors mapped to
//! their file, line and column.

use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior, Value};

use codepub_core::source::SourceFile;

use codepub_core::location::Location;
use codepub_view::render::RenderError;
use codepub_view::render::templates::{TemplateMiss, Templates};

use super::PAGE;

/// An environment that loads templates from `templates` and escapes everything it prints as
/// HTML, unless a macro of the templates produced it.
pub fn environment(templates: &Templates) -> Environment<'static> {
    let mut env = Environment::new();
    let set = templates.clone();
    env.set_loader(move |name| match set.read(name) {
        Ok(file) => Ok(Some(file.text)),
        Err(TemplateMiss::NotFound) => Ok(None),
        Err(TemplateMiss::Io(error)) => Err(minijinja::Error::new(ErrorKind::TemplateNotFound, error.to_string())),
    });
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_formatter(format_value);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .unwrap_or_default(),
    );
    // No way around escaping: source text can never become markup.
    env.remove_filter("safe");
    env
}

/// Maps a minijinja error to the template file, line and column it points at.
pub fn error(templates: &Templates, error: &minijinja::Error) -> RenderError {
    let name = error.name().unwrap_or(PAGE);
    let source = templates.read(name).ok();
    let shown = source.as_ref().map_or_else(|| name.to_string(), |s| s.shown_as.clone());
    let (line, column) = match (error.range(), &source) {
        (Some(range), Some(source)) => SourceFile::new(shown.clone(), source.text.clone()).line_column(range.start),
        _ => (error.line().map_or(1, |line| line as u32), 1),
    };
    let mut message = error.kind().to_string();
    if let Some(detail) = error.detail() {
        message = format!("{message}: {detail}");
    }
    let mut hints = Vec::new();
    if source.as_ref().is_some_and(|s| s.built_in) {
        hints.push(format!("this is the built-in {name}; a file templates/{name} would replace it"));
    }
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        hints.push(inner.to_string());
        cause = inner.source();
    }
    RenderError::Template { at: Location { path: shown, line, column }, message, hints }
}

/// Prints a value: escaped as HTML (`&`, `<`, `>`, `"`, `'`) unless it is markup a macro produced.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if *state.auto_escape() != AutoEscape::Html || value.is_safe() || value.is_undefined() || value.is_none() {
        return minijinja::escape_formatter(out, state, value);
    }
    let text = value.to_string();
    out.write_str(&escape_html(&text)).map_err(|_| minijinja::Error::from(ErrorKind::WriteFailure))
}

/// Escapes text for HTML content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_values_are_escaped_and_safe_is_gone() {
        let env = environment(&Templates::built_in());
        let out = env.render_str("{{ x }}", minijinja::context!(x => "<a href='/x'>&\"")).unwrap_or_default();
        assert_eq!(out, "&lt;a href=&#39;/x&#39;&gt;&amp;&quot;");
        assert!(env.render_str("{{ x|safe }}", minijinja::context!(x => "<b>")).is_err());
    }

    #[test]
    fn a_template_error_names_file_line_and_column() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("templates");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join(PAGE), "<p>\n  {{ 1 + }}\n").unwrap();
        let templates = Templates::of_project(root.path());
        let error = environment(&templates).get_template(PAGE).map(|_| ()).unwrap_err();
        let RenderError::Template { at, .. } = super::error(&templates, &error) else { panic!("not a template error") };
        assert_eq!((at.path.as_str(), at.line), ("templates/page.html", 2), "{at}");
        assert!(at.column > 1, "{at}");
    }

    #[test]
    fn templates_outside_the_folder_are_not_loaded() {
        let env = environment(&Templates::built_in());
        for bad in ["../Cargo.toml", "a/../../x.html", "/etc/passwd"] {
            assert!(env.get_template(bad).is_err(), "{bad}");
        }
    }
}
