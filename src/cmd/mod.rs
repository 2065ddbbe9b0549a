//! The commands behind the CLI, each returning an exit status or a [`CliError`]: each parses
//! its arguments into a call of the library (the publish pipeline, the live loop, the checks)
//! and prints what comes back, nothing else.

pub mod adopt;
pub mod build;
pub mod check;
pub mod diff;
pub mod explain;
pub mod init;
pub mod lsp;
pub mod memory;
pub mod serve;
pub mod shell;
pub mod sign_off;
pub mod status;
pub mod watch;
pub mod xliff;

use std::path::{Path, PathBuf};

pub use codepub::failure::{Failure as CliError, require_feature};
use codepub::i18n::Localizer;

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

/// The nearest folder at or above `start` holding `codepub.toml`.
pub fn find_root(start: &Path) -> Result<PathBuf, CliError> {
    start
        .ancestors()
        .find(|dir| dir.join(codepub::config::CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| CliError::NoProject { dir: start.display().to_string() })
}
