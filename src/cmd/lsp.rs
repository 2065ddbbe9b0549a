//! `codepub lsp`: the Language Server ([`codepub::lsp`]) on standard input and output.

use std::process::ExitCode;

use super::CliError;
use codepub::i18n::{Localizer, UiLang};
use codepub::lsp::{Ended, Workspace};

/// Serves one client until it says `exit` or goes away. `ui`: the language of `--lang`; without
/// it, the client's locale (`initialize`), else the environment's.
pub fn lsp(root: Option<std::path::PathBuf>, ui: Option<UiLang>) -> Result<ExitCode, CliError> {
    let (connection, io_threads) = codepub::lsp::transport::stdio();
    let ended = match codepub::lsp::initialize(&connection) {
        Ok(params) => {
            let ui = ui.unwrap_or_else(|| match params.locale.as_deref() {
                Some(locale) => UiLang::from_locale(locale),
                None => UiLang::from_env(),
            });
            if codepub::lsp::client_watches_files(&params) {
                codepub::lsp::watch_files(&connection);
            }
            let mut workspace = Workspace::new(root, Localizer::new(ui));
            codepub::lsp::serve(&connection, &mut workspace)
        }
        Err(error) => {
            // The reader may still be waiting for input: leave without it.
            eprintln!("codepub lsp: {error}");
            return Ok(ExitCode::from(1));
        }
    };
    // The reader has stopped (at `exit` or at the end of its input); the writer finishes what
    // it was given once the connection is gone.
    drop(connection);
    if let Err(error) = io_threads.join() {
        eprintln!("codepub lsp: {error}");
    }
    Ok(match ended {
        Ended::Exit { after_shutdown: true } => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    })
}
