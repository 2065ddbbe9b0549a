//! Where the HTML templates come from and how they are run: the project's `templates/` folder
//! when it holds a file of that name, else the built-in default embedded in the binary; one
//! auto-escaping minijinja environment over them; template errors mapped to their file, line and
//! column.

use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior, Value};

use crate::render::RenderError;
use crate::source::{Location, SourceFile};

/// The page template: one page of an edition.
pub const PAGE: &str = "page.html";
/// Macros rendering blocks and inline runs, imported by the page template.
pub const MACROS: &str = "macros.html";
/// The stylesheet, copied as it is.
pub const STYLESHEET: &str = "style.css";

/// Built-in templates and assets, by name.
const BUILT_IN: &[(&str, &str)] = &[
    (PAGE, include_str!("../../../templates/page.html")),
    (MACROS, include_str!("../../../templates/macros.html")),
    (STYLESHEET, include_str!("../../../templates/style.css")),
];

/// Template files: a project folder, falling back to the built-in defaults file by file.
#[derive(Clone, Debug)]
pub struct TemplateSet {
    dir: Option<PathBuf>,
    /// The folder as shown in messages (relative to the project root when inside it).
    shown_dir: String,
}

/// One template's text and the name it is shown under.
pub struct TemplateSource {
    pub shown: String,
    pub text: String,
    pub built_in: bool,
}

impl TemplateSet {
    pub fn new(dir: Option<&Path>, root: &Path) -> Self {
        let shown_dir = dir.map_or_else(
            || "templates".to_string(),
            |dir| dir.strip_prefix(root).unwrap_or(dir).to_string_lossy().replace('\\', "/"),
        );
        Self { dir: dir.map(Path::to_path_buf), shown_dir }
    }

    /// The text of template `name`; `None` when the name is not a plain file name or no such
    /// template exists.
    pub fn source(&self, name: &str) -> Result<Option<TemplateSource>, RenderError> {
        if !is_plain_name(name) {
            return Ok(None);
        }
        if let Some(dir) = &self.dir {
            let path = dir.join(name);
            let shown = match self.shown_dir.trim_end_matches('/') {
                "" => name.to_string(),
                dir => format!("{dir}/{name}"),
            };
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let text = String::from_utf8(bytes).map_err(|_| RenderError::Template {
                        at: Location { path: shown.clone(), line: 1, column: 1 },
                        message: "template is not valid UTF-8".to_string(),
                        hints: Vec::new(),
                    })?;
                    return Ok(Some(TemplateSource { shown, text, built_in: false }));
                }
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => {
                    return Err(RenderError::Template {
                        at: Location { path: shown, line: 1, column: 1 },
                        message: format!("cannot read template: {error}"),
                        hints: Vec::new(),
                    });
                }
            }
        }
        Ok(BUILT_IN.iter().find(|(n, _)| *n == name).map(|(n, text)| TemplateSource {
            shown: format!("<built-in>/{n}"),
            text: (*text).to_string(),
            built_in: true,
        }))
    }

    /// An environment that loads templates from this set and escapes everything it prints as
    /// HTML, unless a macro of the templates produced it.
    pub fn environment(&self) -> Environment<'static> {
        let mut env = Environment::new();
        let set = self.clone();
        env.set_loader(move |name| match set.source(name) {
            Ok(found) => Ok(found.map(|source| source.text)),
            Err(error) => Err(minijinja::Error::new(ErrorKind::TemplateNotFound, error.to_string())),
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
    pub fn error(&self, error: &minijinja::Error) -> RenderError {
        let name = error.name().unwrap_or(PAGE);
        let source = self.source(name).ok().flatten();
        let shown = source.as_ref().map_or_else(|| name.to_string(), |s| s.shown.clone());
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
            hints.push(format!("this is the built-in {name}; a file {}/{name} would replace it", self.shown_dir));
        }
        let mut cause = std::error::Error::source(error);
        while let Some(inner) = cause {
            hints.push(inner.to_string());
            cause = inner.source();
        }
        RenderError::Template { at: Location { path: shown, line, column }, message, hints }
    }
}

/// Whether `name` is a bare file name: no folder, no parent reference, nothing hidden.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
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
    fn only_plain_file_names_are_loaded() {
        for bad in ["../x.html", "a/b.html", ".hidden", "", "c:\\x", "/etc/passwd"] {
            assert!(!is_plain_name(bad), "{bad}");
        }
        assert!(is_plain_name("page.html"));
    }

    #[test]
    fn printed_values_are_escaped_and_safe_is_gone() {
        let env = TemplateSet::new(None, Path::new(".")).environment();
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
        let set = TemplateSet::new(Some(&dir), root.path());
        let error = set.environment().get_template(PAGE).map(|_| ()).unwrap_err();
        let RenderError::Template { at, .. } = set.error(&error) else { panic!("not a template error") };
        assert_eq!((at.path.as_str(), at.line), ("templates/page.html", 2), "{at}");
        assert!(at.column > 1, "{at}");
    }
}
