//! The `codepub` binary: parses the command line and maps results to exit statuses
//! (0 success, 1 findings at error level, 2 bad input or usage).

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
mod cli;
mod cmd;

use cli::{Cli, ColorChoice, Command, MemoryCommand, UiLangArg, XliffCommand};
use cmd::{CliError, Session};
use codepub::i18n::{Localizer, UiLang};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = match cli.lang {
        Some(UiLangArg::En) => UiLang::English,
        Some(UiLangArg::Ja) => UiLang::Japanese,
        None => UiLang::from_env(),
    };
    let color = |stream_is_terminal: bool| match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stream_is_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    match run(&cli, ui, color(std::io::stdout().is_terminal())) {
        Ok(code) => code,
        Err(error) => {
            eprint!("{}", error.render(&Localizer::new(ui), color(std::io::stderr().is_terminal())));
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli, ui: UiLang, color: bool) -> Result<ExitCode, CliError> {
    // Every command but `init` works on the project found from --root or the current folder.
    let session = || -> Result<Session, CliError> {
        let root = match &cli.root {
            Some(root) => root.clone(),
            None => {
                let here = std::env::current_dir().map_err(|error| CliError::Write { path: ".".into(), error })?;
                cmd::find_root(&here)?
            }
        };
        Ok(Session { root, l10n: Localizer::new(ui), color })
    };
    match &cli.command {
        Command::Init { dir, from_markdown: Some(sources), adopted, .. } => {
            cmd::adopt::init_from_markdown(&Localizer::new(ui), [&sources[0], &sources[1]], dir, *adopted)
        }
        Command::Init { dir, from_text: None, adopted, .. } => {
            cmd::init::init(&Localizer::new(ui), dir, adopted.unwrap_or_else(cmd::init::today))
        }
        Command::Init { dir, from_text: Some(texts), adopted, .. } => {
            cmd::init::init_from_text(&Localizer::new(ui), [&texts[0], &texts[1]], dir, *adopted)
        }
        Command::Check(args) => cmd::check::check(&session()?, args),
        Command::Build(args) => cmd::build::build(&session()?, args),
        Command::Watch(args) => cmd::watch::watch(&session()?, args),
        Command::Serve(args) => cmd::serve::serve(&session()?, args),
        Command::SignOff(args) => cmd::sign_off::sign_off(&session()?, args),
        Command::Status(args) => cmd::status::status(&session()?, args),
        Command::Diff(args) => cmd::diff::diff(&session()?, args),
        Command::Lsp => cmd::lsp::lsp(cli.root.clone(), cli.lang.is_some().then_some(ui)),
        Command::Xliff { command: XliffCommand::Export(args) } => cmd::xliff::export(&session()?, args),
        Command::Xliff { command: XliffCommand::Import(args) } => cmd::xliff::import(&session()?, args),
        Command::Memory { command: MemoryCommand::Export(args) } => cmd::memory::export(&session()?, args),
        Command::Explain { code, markdown } => cmd::explain::explain(&Localizer::new(ui), code.as_deref(), *markdown),
        Command::Completions { shell } => cmd::shell::completions(*shell),
        Command::Man { out } => cmd::shell::man(out.as_deref()),
    }
}
