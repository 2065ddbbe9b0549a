//! The commands behind the CLI, each returning an exit status or a [`CliError`].

pub mod build;
pub mod check;
pub mod diff;
pub mod init;
pub mod sign_off;
pub mod status;

use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::i18n::{Localizer, Message};
use crate::render::RenderError;

/// Everything a command needs besides its own arguments.
pub struct Session {
    pub root: PathBuf,
    pub l10n: Localizer,
    pub color: bool,
}

/// Why a command could not run (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Input(#[from] InputError),
    /// `what`: the edition (`bilingual`, `en`, `ja`) or `redline`.
    #[error("{what}: {error}")]
    Render { what: String, error: RenderError },
    #[error("{path}: {error}")]
    Write { path: String, error: std::io::Error },
    #[error("no codepub.toml in {dir}")]
    NoProject { dir: String },
    #[error("unknown clause {id}")]
    UnknownClause { id: String },
    #[error("{dir} already holds a codepub project")]
    ProjectExists { dir: String },
}

/// What the editions' fonts can print: the bundled fonts, and those of `--font-path`.
pub fn glyph_coverage(
    font_paths: &[std::path::PathBuf],
) -> Result<std::borrow::Cow<'static, crate::glyphs::GlyphCoverage>, CliError> {
    if font_paths.is_empty() {
        return Ok(std::borrow::Cow::Borrowed(crate::glyphs::GlyphCoverage::bundled()));
    }
    let coverage = crate::glyphs::GlyphCoverage::load(font_paths)
        .map_err(|error| CliError::Render { what: "pdf".into(), error })?;
    Ok(std::borrow::Cow::Owned(coverage))
}

impl CliError {
    /// The error as printed, localised.
    pub fn render(&self, l10n: &Localizer, color: bool) -> String {
        match self {
            CliError::Input(error) => crate::report::render_input_error(error, l10n, color),
            CliError::Render { what, error } => {
                let mut text = format!(
                    "error: {}\n",
                    l10n.format(&Message::new("error-render").arg("edition", what).arg("reason", error.to_string()))
                );
                if let RenderError::Template { hints, .. } = error {
                    for hint in hints {
                        text.push_str(&format!("  = hint: {hint}\n"));
                    }
                }
                text
            }
            CliError::Write { path, error } => format!(
                "error: {}\n",
                l10n.format(&Message::new("error-write").arg("path", path).arg("reason", error.to_string()))
            ),
            CliError::UnknownClause { id } => {
                format!("error: {}\n", l10n.format(&Message::new("error-unknown-clause").arg("id", id)))
            }
            CliError::ProjectExists { dir } => {
                format!("error: {}\n", l10n.format(&Message::new("error-project-exists").arg("dir", dir)))
            }
            CliError::NoProject { dir } => {
                format!("error: {}\n", l10n.format(&Message::new("error-no-project").arg("dir", dir)))
            }
        }
    }
}

/// The nearest folder at or above `start` holding `codepub.toml`.
pub fn find_root(start: &Path) -> Result<PathBuf, CliError> {
    start
        .ancestors()
        .find(|dir| dir.join(crate::config::CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| CliError::NoProject { dir: start.display().to_string() })
}
