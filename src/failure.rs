//! What stops a command: its input could not be loaded, an edition could not be rendered or
//! written, the output folder could not be published into, a format this binary lacks, or a
//! usage error. Each is rendered, localised, as the command line prints it (exit status 2); the
//! library's stages (the publish pipeline, the live loop) return it, and the commands print it.

use std::path::Path;

use crate::diagnostic::Diagnostic;
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
    /// `codepub init` importing a text that states no date of adoption, without `--adopted`.
    #[error("{text}: no date of adoption; pass --adopted YYYY-MM-DD")]
    NoAdoptionDate { text: String },
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
    /// The error as printed, localised: its diagnostics, as every diagnostic is printed
    /// ([`crate::report::render_diagnostics`]).
    pub fn render(&self, l10n: &Localizer, color: bool) -> String {
        match self {
            Failure::Input(error) => crate::report::render_input_error(error, l10n, color),
            other => crate::report::render_diagnostics(&other.diagnostics(), l10n, color),
        }
    }

    /// What went wrong, as diagnostics: input errors each at its place, a render error with the
    /// block it was traced to and Typst's hints, a refused publication with each file codepub
    /// will not replace.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let error = |message: Message| vec![Diagnostic::error(message)];
        match self {
            Failure::Input(error) => error.diagnostics(),
            Failure::Render { what, error } => vec![error.diagnostic(what)],
            Failure::Write { path, error } => {
                vec![Diagnostic::error(Message::new("error-write").arg("path", path).arg("reason", error.to_string()))]
            }
            Failure::Publish(error) => publish_diagnostics(error),
            Failure::UnknownClause { id } => error(Message::new("error-unknown-clause").arg("id", id)),
            Failure::UnknownCheck { code } => error(Message::new("explain-unknown").arg("code", code)),
            Failure::ProjectExists { dir } => error(Message::new("error-project-exists").arg("dir", dir)),
            Failure::FileExists { path } => error(Message::new("error-file-exists").arg("path", path)),
            Failure::MissingFeature { output, feature } => vec![
                Diagnostic::error(
                    Message::new("error-missing-feature").arg("output", *output).arg("feature", *feature),
                )
                .help(Message::new("help-missing-feature").arg("feature", *feature)),
            ],
            Failure::Watch { path, reason } => {
                error(Message::new("error-watch").arg("path", path).arg("reason", reason))
            }
            Failure::Serve { address, reason } => {
                error(Message::new("error-serve").arg("address", address).arg("reason", reason))
            }
            Failure::NoProject { dir } => error(Message::new("error-no-project").arg("dir", dir)),
            Failure::NoAdoptionDate { text } => vec![
                Diagnostic::error(Message::new("error-no-adoption-date").arg("source", text))
                    .help(Message::new("help-no-adoption-date")),
            ],
        }
    }
}

/// A publication's error: each file codepub will not replace a diagnostic of its own, the last
/// with the help.
fn publish_diagnostics(error: &PublishError) -> Vec<Diagnostic> {
    match error {
        PublishError::Io { path, error } => vec![Diagnostic::error(
            Message::new("error-write").arg("path", path.display().to_string()).arg("reason", error.to_string()),
        )],
        PublishError::NotOurs { paths } => {
            let mut diagnostics: Vec<Diagnostic> = (paths.iter())
                .map(|path| Diagnostic::error(Message::new("error-not-ours").arg("path", path.display().to_string())))
                .collect();
            let manifest = Path::new(crate::publish::RECORD).join("manifest.json");
            let help = Message::new("help-not-ours").arg("manifest", manifest.display().to_string());
            if let Some(last) = diagnostics.pop() {
                diagnostics.push(last.help(help));
            }
            diagnostics
        }
        PublishError::Record { path, reason } => {
            let path = path.display().to_string();
            let message = Message::new("error-output-record").arg("path", path.clone()).arg("reason", reason.clone());
            vec![Diagnostic::error(message).help(Message::new("help-output-record").arg("path", path))]
        }
    }
}
