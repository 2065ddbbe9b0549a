//! `codepub completions SHELL` and `codepub man`: what shells and `man` need, generated from the
//! command line's own definition (clap_complete, clap_mangen), so they never drift from it.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use roff::{Roff, bold, italic, roman};

use super::{CliError, write_stdout};
use crate::cli::Cli;
use codepub::explain::all_explanations;
use codepub::i18n::{Localizer, Message, UiLang};

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
                codepub::write::write_file_atomic(&path, &page)
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
        .map_err(|error| CliError::Write { path: format!("{name}.1"), error })?;
    // The pages of codepub and of `codepub explain` end with every check explained.
    if name == "codepub" || name == "codepub-explain" {
        out.extend_from_slice(checks_section(&Localizer::new(UiLang::English)).as_bytes());
    }
    Ok(())
}

/// The CHECKS section of the manual: `codepub explain`'s text of every check, in roff.
fn checks_section(l10n: &Localizer) -> String {
    let mut roff = Roff::new();
    roff.control("SH", ["CHECKS"]);
    roff.text([roman(l10n.format(&Message::new("explain-catalogue-intro")))]);
    for explanation in all_explanations(l10n) {
        let heading = format!("{} {}: {}", explanation.code, explanation.name, explanation.title);
        roff.control("SS", [heading.as_str()]);
        roff.text([roman(explanation.to_markdown(l10n).lines().next().unwrap_or_default().to_string())]);
        let sections = [
            ("explain-heading-compares", &explanation.compares),
            ("explain-heading-why", &explanation.why),
            ("explain-heading-config", &explanation.config),
        ];
        for (heading, body) in sections {
            roff.control("PP", []).text([bold(l10n.format(&Message::new(heading))), roman(format!(". {body}"))]);
        }
        let example = |roff: &mut Roff, heading: &'static str, pair: &codepub::explain::ExamplePair| {
            roff.control("PP", []).text([bold(l10n.format(&Message::new(heading)))]);
            roff.control("nf", []).control("RS", ["4"]);
            for line in pair.en.lines().chain(pair.ja.lines()) {
                roff.text([roman(line)]);
            }
            roff.control("RE", []).control("fi", []);
        };
        example(&mut roff, "explain-heading-fails", &explanation.fails);
        roff.control("RS", ["4"]).text([italic(explanation.reported.clone())]).control("RE", []);
        example(&mut roff, "explain-heading-passes", &explanation.passes);
        if let Some(details) = &explanation.details {
            for line in details.lines() {
                roff.control("PP", []).text([roman(line)]);
            }
        }
    }
    roff.control("SS", [l10n.format(&Message::new("explain-heading-accept")).as_str()]);
    roff.text([roman(l10n.format(&Message::new("explain-accept")))]);
    ascii_roff(&roff.to_roff())
}

/// roff with every character outside ASCII written `\[uXXXX]`, as groff reads it without a
/// preprocessor (the Japanese of the examples).
fn ascii_roff(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let _ = write!(out, "\\[u{:04X}]", c as u32);
        }
    }
    out
}
