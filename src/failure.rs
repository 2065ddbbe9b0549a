//! What stops a command: its input could not be loaded, an edition could not be rendered or
//! written, the output folder could not be published into, a format this binary lacks, or a
//! usage error. Each is rendered, localised, as the command line prints it (exit status 2); the
//! library's stages (the publish pipeline, the live loop) return it, and the commands print it.

use std::path::Path;

use crate::error::InputError;
use crate::i18n::{Localizer, Message};
use crate::publish::PublishError;
use crate::render::RenderError;

/// Why a command could not run (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum Failure {
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
pub fn require_feature(output: &'static str, feature: &'static str) -> Result<(), Failure> {
    const BUILT: [(&str, bool); 2] = [("pdf", cfg!(feature = "pdf")), ("html", cfg!(feature = "html"))];
    if BUILT.contains(&(feature, true)) { Ok(()) } else { Err(Failure::MissingFeature { output, feature }) }
}

impl Failure {
    /// The error as printed, localised.
    pub fn render(&self, l10n: &Localizer, color: bool) -> String {
        match self {
            Failure::Input(error) => crate::report::render_input_error(error, l10n, color),
            Failure::Render { what, error } => {
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
            Failure::Write { path, error } => format!(
                "error: {}\n",
                l10n.format(&Message::new("error-write").arg("path", path).arg("reason", error.to_string()))
            ),
            Failure::Publish(error) => render_publish_error(error, l10n),
            Failure::UnknownClause { id } => {
                format!("error: {}\n", l10n.format(&Message::new("error-unknown-clause").arg("id", id)))
            }
            Failure::UnknownCheck { code } => {
                format!("error: {}\n", l10n.format(&Message::new("explain-unknown").arg("code", code)))
            }
            Failure::ProjectExists { dir } => {
                format!("error: {}\n", l10n.format(&Message::new("error-project-exists").arg("dir", dir)))
            }
            Failure::FileExists { path } => {
                format!("error: {}\n", l10n.format(&Message::new("error-file-exists").arg("path", path)))
            }
            Failure::MissingFeature { output, feature } => format!(
                "error: {}\n  = help: {}\n",
                l10n.format(&Message::new("error-missing-feature").arg("output", *output).arg("feature", *feature)),
                l10n.format(&Message::new("help-missing-feature").arg("feature", *feature))
            ),
            Failure::Watch { path, reason } => format!(
                "error: {}\n",
                l10n.format(&Message::new("error-watch").arg("path", path).arg("reason", reason))
            ),
            Failure::Serve { address, reason } => format!(
                "error: {}\n",
                l10n.format(&Message::new("error-serve").arg("address", address).arg("reason", reason))
            ),
            Failure::NoProject { dir } => {
                format!("error: {}\n", l10n.format(&Message::new("error-no-project").arg("dir", dir)))
            }
        }
    }
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

#[cfg(feature = "html")]
impl From<crate::live::serve::ServeError> for Failure {
    fn from(error: crate::live::serve::ServeError) -> Self {
        Failure::Serve { address: error.address.to_string(), reason: error.failure.to_string() }
    }
}
