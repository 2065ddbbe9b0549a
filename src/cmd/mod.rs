//! The commands behind the CLI, each returning an exit status or a [`CliError`].

pub mod build;
pub mod check;
pub mod diff;
pub mod explain;
pub mod init;
pub mod lsp;
pub mod serve;
pub mod shell;
pub mod sign_off;
pub mod status;
pub mod watch;
pub mod xliff;

use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::i18n::{Localizer, Message};
use crate::publish::PublishError;
use crate::render::RenderError;

/// Everything a command needs besides its own arguments.
pub struct Session {
    pub root: PathBuf,
    pub l10n: Localizer,
    pub color: bool,
}

impl Session {
    /// An output path given on the command line: relative to the project root unless absolute.
    pub fn output_path(&self, path: &Path) -> PathBuf {
        // `join` keeps an absolute path as it is.
        self.root.join(path)
    }
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
    /// The editions could not be published into the output folder.
    #[error(transparent)]
    Publish(#[from] PublishError),
    #[error("no codepub.toml in {dir}")]
    NoProject { dir: String },
    #[error("unknown clause {id}")]
    UnknownClause { id: String },
    /// `codepub explain CODE` with a code no check has.
    #[error("unknown check {code}")]
    UnknownCheck { code: String },
    #[error("{dir} already holds a codepub project")]
    ProjectExists { dir: String },
    #[error("{path} already exists")]
    FileExists { path: String },
    /// A folder could not be watched, or the signals could not be caught.
    #[error("could not watch {path}: {reason}")]
    Watch { path: String, reason: String },
    /// `codepub serve` could not listen on its address.
    #[error("could not listen on {address}: {reason}")]
    Serve { address: String, reason: String },
    /// The output needs a Cargo feature this binary was built without.
    #[error("{output} needs codepub built with the `{feature}` feature")]
    MissingFeature { output: &'static str, feature: &'static str },
}

/// `Ok` when this binary was built with `feature` (`pdf`, `html`), else the error naming it.
pub fn require_feature(output: &'static str, feature: &'static str) -> Result<(), CliError> {
    const BUILT: [(&str, bool); 2] = [("pdf", cfg!(feature = "pdf")), ("html", cfg!(feature = "html"))];
    if BUILT.contains(&(feature, true)) { Ok(()) } else { Err(CliError::MissingFeature { output, feature }) }
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
                if let RenderError::InSource { address, lang, cause, .. } = error {
                    let block = Message::new("hint-render-block").arg("address", address.to_string());
                    text.push_str(&format!("  = hint: {}\n", l10n.format(&block.arg("lang", lang.to_string()))));
                    if let RenderError::Template { at, .. } = cause.as_ref() {
                        let template = Message::new("hint-render-template").arg("at", at.to_string());
                        text.push_str(&format!("  = hint: {}\n", l10n.format(&template)));
                    }
                }
                for hint in error.hints() {
                    text.push_str(&format!("  = hint: {hint}\n"));
                }
                text
            }
            CliError::Write { path, error } => format!(
                "error: {}\n",
                l10n.format(&Message::new("error-write").arg("path", path).arg("reason", error.to_string()))
            ),
            CliError::Publish(error) => render_publish_error(error, l10n),
            CliError::UnknownClause { id } => {
                format!("error: {}\n", l10n.format(&Message::new("error-unknown-clause").arg("id", id)))
            }
            CliError::UnknownCheck { code } => {
                format!("error: {}\n", l10n.format(&Message::new("explain-unknown").arg("code", code)))
            }
            CliError::ProjectExists { dir } => {
                format!("error: {}\n", l10n.format(&Message::new("error-project-exists").arg("dir", dir)))
            }
            CliError::FileExists { path } => {
                format!("error: {}\n", l10n.format(&Message::new("error-file-exists").arg("path", path)))
            }
            CliError::MissingFeature { output, feature } => format!(
                "error: {}\n  = help: {}\n",
                l10n.format(&Message::new("error-missing-feature").arg("output", *output).arg("feature", *feature)),
                l10n.format(&Message::new("help-missing-feature").arg("feature", *feature))
            ),
            CliError::Watch { path, reason } => format!(
                "error: {}\n",
                l10n.format(&Message::new("error-watch").arg("path", path).arg("reason", reason))
            ),
            CliError::Serve { address, reason } => format!(
                "error: {}\n",
                l10n.format(&Message::new("error-serve").arg("address", address).arg("reason", reason))
            ),
            CliError::NoProject { dir } => {
                format!("error: {}\n", l10n.format(&Message::new("error-no-project").arg("dir", dir)))
            }
        }
    }
}

/// Writes `bytes` to standard output. A reader that left early (`codepub status | head`) ends
/// the output quietly, as a Unix filter does, instead of a panic or an error; any other failure
/// to write is an error.
pub fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result.map_err(|error| CliError::Write { path: "stdout".into(), error }),
    }
}

/// [`write_stdout`] of one line.
pub fn write_line(line: &str) -> Result<(), CliError> {
    write_stdout(format!("{line}\n").as_bytes())
}

/// A publication's error, localised: each file codepub will not replace named on its own line.
fn render_publish_error(error: &PublishError, l10n: &Localizer) -> String {
    let line = |message: Message| format!("error: {}\n", l10n.format(&message));
    match error {
        PublishError::Io { path, error } => {
            line(Message::new("error-write").arg("path", path.display().to_string()).arg("reason", error.to_string()))
        }
        PublishError::NotOurs { paths } => {
            let mut text: String = paths
                .iter()
                .map(|path| line(Message::new("error-not-ours").arg("path", path.display().to_string())))
                .collect();
            let manifest = Path::new(crate::publish::RECORD).join("manifest.json");
            let help = Message::new("help-not-ours").arg("manifest", manifest.display().to_string());
            text.push_str(&format!("  = help: {}\n", l10n.format(&help)));
            text
        }
        PublishError::Record { path, reason } => {
            let path = path.display().to_string();
            let mut text =
                line(Message::new("error-output-record").arg("path", path.clone()).arg("reason", reason.clone()));
            text.push_str(&format!(
                "  = help: {}\n",
                l10n.format(&Message::new("help-output-record").arg("path", path))
            ));
            text
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
