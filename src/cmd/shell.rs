//! `codepub completions SHELL` and `codepub man`: what shells and `man` need, generated from the
//! command line's own definition (clap_complete, clap_mangen), so they never drift from it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use super::CliError;
use crate::cli::Cli;

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode, CliError> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "codepub", &mut script);
    write_stdout(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes codepub's manual page to standard output, or every command's page under `out/man1/`.
pub fn man(out: Option<&Path>) -> Result<ExitCode, CliError> {
    let command = Cli::command();
    match out {
        None => {
            let mut page = Vec::new();
            render(&command, &mut page, "codepub")?;
            write_stdout(&page)?;
        }
        Some(dir) => {
            let dir = dir.join("man1");
            let mut pages = Vec::new();
            collect(&command, "codepub", &mut pages)?;
            for (name, page) in pages {
                let path = dir.join(format!("{name}.1"));
                crate::write::write_file_atomic(&path, &page)
                    .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The page of `command` (named `name`) and of each of its subcommands (`codepub-check`).
fn collect(command: &clap::Command, name: &str, pages: &mut Vec<(String, Vec<u8>)>) -> Result<(), CliError> {
    let mut page = Vec::new();
    render(command, &mut page, name)?;
    pages.push((name.to_string(), page));
    for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
        let sub_name = format!("{name}-{}", sub.get_name());
        let sub = sub.clone().name(sub_name.clone()).version(command.get_version().unwrap_or_default().to_string());
        collect(&sub, &sub_name, pages)?;
    }
    Ok(())
}

fn render(command: &clap::Command, out: &mut Vec<u8>, name: &str) -> Result<(), CliError> {
    clap_mangen::Man::new(command.clone())
        .title(name.to_uppercase())
        .section("1")
        .manual("codepub manual")
        .render(out)
        .map_err(|error| CliError::Write { path: format!("{name}.1"), error })
}

fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|error| CliError::Write { path: "stdout".into(), error })
}
