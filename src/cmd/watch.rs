//! `codepub watch`: a first pass, then one pass per change to the inputs, each printed on a
//! cleared screen (when standard output is a terminal), until Ctrl-C, SIGTERM or SIGHUP. The
//! passes are the [`codepub::live::Rebuilder`]'s; this is the loop and its printing, shared with
//! `codepub serve`, which adds its server ([`run_loop`]'s `show`).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};

use super::{CliError, Session};
use crate::cli::WatchArgs;
use codepub::i18n::Message;
use codepub::live::watcher::{DEBOUNCE, LONGEST_BATCH, LiveEvent, next_batch};
use codepub::live::{Changes, Pass, Plan, Rebuilder, SourceWatcher};
use codepub::pipeline::OutputFormat;
use codepub::view::EditionKind;

pub fn watch(session: &Session, args: &WatchArgs) -> Result<ExitCode, CliError> {
    let (events, received) = stop_on_signals()?;
    run_loop(session, args, events, received, String::new, |_, _| {})
}

/// The channel every event of the loop arrives on, with Ctrl-C, SIGTERM and SIGHUP sending
/// [`LiveEvent::Stop`] to it.
pub(crate) fn stop_on_signals() -> Result<(Sender<LiveEvent>, Receiver<LiveEvent>), CliError> {
    let (events, received) = mpsc::channel();
    let stop = events.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(LiveEvent::Stop);
    })
    .map_err(|error| CliError::Watch { path: "signals".into(), reason: error.to_string() })?;
    Ok((events, received))
}

/// The plan of `args`: the editions named or all, the formats named or all this binary has.
pub(crate) fn plan(session: &Session, args: &WatchArgs) -> Plan {
    let formats = if args.format.is_empty() {
        [(OutputFormat::Pdf, cfg!(feature = "pdf")), (OutputFormat::Html, cfg!(feature = "html"))]
            .into_iter()
            .filter_map(|(format, built)| built.then_some(format))
            .collect()
    } else {
        crate::cli::formats(&args.format)
    };
    Plan {
        root: session.root.clone(),
        out: session.output_path(&args.out),
        editions: if args.edition.is_empty() { EditionKind::ALL.to_vec() } else { crate::cli::editions(&args.edition) },
        named: !args.edition.is_empty(),
        formats,
        font_path: args.font_path.clone(),
    }
}

/// Runs the first pass, then one per batch of changes, until a stop event. `show` sees the output
/// and the pass each time a format is written while others follow (serve shows the pages while
/// the PDFs are laid out) and after each pass (serve updates its site); `footer` is printed under
/// each pass (serve's address).
pub(crate) fn run_loop(
    session: &Session,
    args: &WatchArgs,
    events: Sender<LiveEvent>,
    received: Receiver<LiveEvent>,
    footer: impl Fn() -> String,
    mut show: impl FnMut(&BTreeMap<String, Vec<u8>>, &Pass),
) -> Result<ExitCode, CliError> {
    let mut rebuilder = Rebuilder::new(plan(session, args))?;
    let mut watcher = SourceWatcher::start(&session.root, &args.font_path, events)
        .map_err(|error| CliError::Watch { path: error.path.display().to_string(), reason: error.error.to_string() })?;
    let clear = std::io::stdout().is_terminal();
    let mut changes = Changes::all();
    loop {
        let printed = super::build::Printed(&session.l10n);
        let pass = rebuilder.pass_showing(&changes, &session.l10n, session.color, &printed, &mut show);
        show(rebuilder.outputs(), &pass);
        print_pass(clear, &pass.text, &footer(), session);
        // Wait for a change, then for the inputs to be quiet for a moment (an editor's save is
        // several events), and make one pass of it all.
        let batch = next_batch(&received, DEBOUNCE, LONGEST_BATCH);
        for reason in batch.watch_failures {
            let message = Message::new("error-watch").arg("path", ".").arg("reason", reason);
            eprintln!("warning: {}", session.l10n.format(&message));
        }
        #[cfg(feature = "html")]
        if let Some(error) = batch.server_failed {
            return Err(error.into());
        }
        changes = batch.changes;
        if batch.stop || !changes.any() {
            break;
        }
        if changes.rewatch {
            // A watched folder made, removed or replaced, or `codepub.toml` changed.
            if let Err(error) = watcher.rewatch() {
                let message = Message::new("error-watch")
                    .arg("path", error.path.display().to_string())
                    .arg("reason", error.error.to_string());
                eprintln!("warning: {}", session.l10n.format(&message));
            }
        }
    }
    eprintln!("{}", session.l10n.format(&Message::new("watch-stopped")));
    Ok(ExitCode::SUCCESS)
}

/// Prints a pass, on a cleared screen when standard output is a terminal.
fn print_pass(clear: bool, text: &str, footer: &str, session: &Session) {
    let mut stdout = std::io::stdout().lock();
    let clear = if clear { "\x1b[2J\x1b[3J\x1b[H" } else { "" };
    let watching = session.l10n.format(&Message::new("watch-waiting"));
    // A closed standard output (a pager quit) is no reason to stop rebuilding.
    let _ = writeln!(stdout, "{clear}{text}{footer}{watching}").and_then(|()| stdout.flush());
}
