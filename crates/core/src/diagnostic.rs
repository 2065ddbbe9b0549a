//! One shape for everything codepub reports, in the manner of Typst's `SourceDiagnostic`: a
//! [`Diagnostic`] has a code (`P004`, `E007`, or none for a failure of the run itself), a
//! [`Severity`], a message, the places it points at (labelled spans of loaded sources, or a
//! `file:line:col` where no source is loaded), notes, hints, help and the [`Fix`] that resolves it.
//!
//! A parity finding (`codepub_check::check::Finding`), an input error
//! ([`crate::error::InputError::diagnostics`]), a render error traced to its source, an XLIFF
//! import refusal and a command's failure all are, or become, diagnostics; each reporter (human,
//! JSON, SARIF, GitHub, GitLab, the LSP) renders them through one path.

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::i18n::Message;
use crate::location::Location;
use crate::model::Lang;
use crate::source::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A labelled span of a loaded source, in one language.
#[derive(Clone, Debug)]
pub struct Label {
    pub span: Span,
    pub lang: Lang,
    pub message: Option<Message>,
}

impl Label {
    pub fn new(lang: Lang, span: &Span) -> Self {
        Self { span: span.clone(), lang, message: None }
    }

    pub fn with(mut self, message: Message) -> Self {
        self.message = Some(message);
        self
    }
}

/// A machine-applicable edit: the bytes of `span` (in its file) become `replacement`; an empty
/// span inserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// Another place a diagnostic refers to, where no source is loaded (the first of two duplicate
/// clause ids, say).
#[derive(Clone, Debug)]
pub struct Related {
    pub location: Location,
    pub message: Message,
}

/// Something codepub reports.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// `P004` (a check), `E007` (an input error); `None` for a failure of the run itself (a
    /// render, a write, an import refused).
    pub code: Option<&'static str>,
    pub severity: Severity,
    pub message: Message,
    /// Labelled spans of loaded sources; the first is the primary place.
    pub labels: Vec<Label>,
    /// Where it is when no loaded source holds it: a file, line and column.
    pub location: Option<Location>,
    pub related: Vec<Related>,
    pub notes: Vec<Message>,
    pub hints: Vec<Message>,
    pub help: Option<Message>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// An error saying `message`, at no place yet.
    pub fn error(message: Message) -> Self {
        Self::new(Severity::Error, message)
    }

    pub fn new(severity: Severity, message: Message) -> Self {
        Self {
            code: None,
            severity,
            message,
            labels: Vec::new(),
            location: None,
            related: Vec::new(),
            notes: Vec::new(),
            hints: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// At `location` (a place without a loaded source).
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }

    pub fn related(mut self, location: Location, message: Message) -> Self {
        self.related.push(Related { location, message });
        self
    }

    pub fn note(mut self, note: Message) -> Self {
        self.notes.push(note);
        self
    }

    pub fn hint(mut self, hint: Message) -> Self {
        self.hints.push(hint);
        self
    }

    pub fn help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    pub fn fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    /// Whether a check's long explanation exists for the code (`codepub explain P004`).
    pub fn is_explained(&self) -> bool {
        self.code.is_some_and(|code| code.starts_with('P'))
    }
}

/// Input errors as diagnostics (here, beside the type they become, so that the loader's errors
/// need not know of diagnostics).
impl InputError {
    /// Each single error as a [`Diagnostic`]: its code, message and place, the help with its
    /// arguments, and (a duplicate clause id) the first place as a related one.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.each().into_iter().map(InputError::diagnostic).collect()
    }

    fn diagnostic(&self) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(self.message()).code(self.code()).at(self.location());
        if let Some(help) = self.help() {
            diagnostic = diagnostic.help(match self {
                InputError::MissingLanguage { lang, .. } => help.arg("lang", lang),
                _ => help,
            });
        }
        if let InputError::DuplicateClause { first, .. } = self {
            diagnostic = diagnostic.related(first.clone(), Message::new("lsp-first-here"));
        }
        diagnostic
    }
}

/// A result whose errors are diagnostics, as Typst's `SourceResult`: every error found, not only
/// the first.
pub type Diagnosed<T> = Result<T, Vec<Diagnostic>>;

/// Attaching a place to an error, as Typst's `At` does: `result.at(location)`.
pub trait At<T> {
    fn at(self, location: Location) -> Diagnosed<T>;
}

impl<T> At<T> for Result<T, Message> {
    fn at(self, location: Location) -> Diagnosed<T> {
        self.map_err(|message| vec![Diagnostic::error(message).at(location)])
    }
}

/// Adding a hint to an error, as Typst's `Hint` does: `result.hint(message)`.
pub trait Hint<T> {
    fn hint(self, hint: Message) -> Diagnosed<T>;
}

impl<T> Hint<T> for Diagnosed<T> {
    fn hint(self, hint: Message) -> Diagnosed<T> {
        self.map_err(|diagnostics| diagnostics.into_iter().map(|diagnostic| diagnostic.hint(hint.clone())).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn location() -> Location {
        Location { path: "content/en/a.md".into(), line: 3, column: 7 }
    }

    #[test]
    fn a_diagnostic_is_built_with_its_code_place_hints_and_help() {
        let diagnostic = Diagnostic::error(Message::new("error-bom"))
            .code("E004")
            .at(location())
            .hint(Message::new("hint"))
            .help(Message::new("help-bom"));
        assert_eq!(diagnostic.code, Some("E004"));
        assert_eq!(diagnostic.location.as_ref().map(ToString::to_string).as_deref(), Some("content/en/a.md:3:7"));
        assert_eq!((diagnostic.hints.len(), diagnostic.help.as_ref().map(|help| help.id)), (1, Some("help-bom")));
        assert!(!diagnostic.is_explained(), "input errors have no long explanation");
    }

    #[test]
    fn at_and_hint_turn_a_message_error_into_a_placed_diagnostic() {
        let failed: Result<(), Message> = Err(Message::new("error-toml"));
        let diagnostics = failed.at(location()).hint(Message::new("look here")).unwrap_err();
        let diagnostic = &diagnostics[0];
        assert_eq!(diagnostic.message.id, "error-toml");
        assert_eq!(diagnostic.location.as_ref().unwrap().line, 3);
        assert_eq!(diagnostic.hints[0].id, "look here");
        assert_eq!(diagnostic.severity, Severity::Error);
    }

    #[test]
    fn only_check_codes_are_explained() {
        assert!(Diagnostic::error(Message::new("x")).code("P004").is_explained());
        assert!(!Diagnostic::error(Message::new("x")).is_explained());
    }
}
