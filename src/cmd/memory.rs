//! `codepub memory export`: every signed-off pair as a translation memory (TMX 1.4b), from the
//! translation record and its git history (see [`codepub::translation_memory`]).

use std::process::ExitCode;

use super::{CliError, Session};
use crate::cli::{MemoryExportArgs, MemoryFormat};
use codepub::i18n::Message;
use codepub::translation_memory::{Memory, tmx};

pub fn export(session: &Session, args: &MemoryExportArgs) -> Result<ExitCode, CliError> {
    let project = codepub::load::load(&session.root)?;
    let memory = gather(session, &project)?;
    let document = match args.format {
        MemoryFormat::Tmx => tmx::write(&memory).map_err(|error| CliError::Write { path: "-".into(), error })?,
    };
    match &args.out {
        Some(path) => {
            codepub::write::write_file_atomic(path, document.as_bytes())
                .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
            let message = Message::new("memory-exported")
                .num("count", memory.entries.len() as i64)
                .num("revisions", memory.revisions as i64)
                .arg("path", path.display().to_string());
            eprintln!("{}", session.l10n.format(&message));
        }
        None => super::write_stdout(document.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The project's translation memory; what of its history could not be read is said on standard
/// error (the memory is made of the rest).
pub fn gather(session: &Session, project: &codepub::load::Project) -> Result<Memory, CliError> {
    let memory = Memory::of_project(project)?;
    for skipped in &memory.skipped {
        eprintln!("{}", session.l10n.format(&Message::new("memory-revision-skipped").arg("reason", skipped.clone())));
    }
    Ok(memory)
}
