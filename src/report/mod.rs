//! Renders a check [`Report`](crate::check::Report) for people and machines: rustc-style text,
//! JSON, SARIF 2.1.0 and GitHub workflow annotations.

mod github;
mod human;
mod input_error;
mod json;
mod sarif;

pub use github::render_github;
pub use human::{render_human, render_input_error};
pub use input_error::render_input_error_as;
pub use json::render_json;
pub use sarif::render_sarif;

use crate::check::Label;
use crate::load::Project;

/// Output formats of `codepub check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style text with the English and Japanese source lines.
    Human,
    /// One JSON document (schema in README: "JSON output").
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
}

/// A label's place as file, line, column and end line/column (1-based, columns in characters).
pub(crate) struct Place<'a> {
    pub file: &'a str,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

pub(crate) fn place<'a>(project: &'a Project, label: &Label) -> Place<'a> {
    let file = project.sources.get(label.span.file);
    let (end_line, end_column) = file.line_column(label.span.end);
    Place { file: &file.name, line: label.span.line, column: label.span.column, end_line, end_column }
}
