//! `codepub serve`: `codepub watch` with a local web server ([`codepub::live::serve`]) that serves
//! the output and the current findings, with a banner and marks of the findings in the pages, and
//! reloads open pages after each pass. On the loopback unless `--host` names another address,
//! which is warned about: the preview has no authentication. Needs the `html` feature: what it
//! serves first is the HTML editions.

use std::process::ExitCode;

use super::{CliError, Session};
use crate::cli::ServeArgs;

pub fn serve(session: &Session, args: &ServeArgs) -> Result<ExitCode, CliError> {
    super::require_feature("codepub serve", "html")?;
    #[cfg(feature = "html")]
    {
        serve_site(session, args)
    }
    #[cfg(not(feature = "html"))]
    {
        let _ = (session, args);
        unreachable!("require_feature refused")
    }
}

#[cfg(feature = "html")]
fn serve_site(session: &Session, args: &ServeArgs) -> Result<ExitCode, CliError> {
    use std::collections::BTreeMap;

    use codepub::i18n::Message;
    use codepub::live::serve::SiteServer;
    use codepub::live::watcher::LiveEvent;

    let (events, received) = super::watch::stop_on_signals()?;
    let failed = events.clone();
    // A server that stops on its own ends the loop, and the command, with its error.
    let server = SiteServer::start(args.host, args.port, move |error| {
        let _ = failed.send(LiveEvent::ServerFailed(error));
    })?;
    let url = server.url();
    // Under each pass, as the screen is cleared before it: a preview on the network is one anyone
    // who can reach the address can read.
    let warning = (server.on_network())
        .then(|| Message::new("serve-on-network").arg("address", server.address().to_string()))
        .map(|message| format!("warning: {}\n", session.l10n.format(&message)))
        .unwrap_or_default();
    let footer = || format!("{}\n{warning}", session.l10n.format(&Message::new("serve-url").arg("url", url.clone())));
    // The browser opens on the first pages written: those of the first pass's HTML, or its end.
    let opened = std::cell::Cell::new(!args.open);
    let show = |outputs: &BTreeMap<String, Vec<u8>>, pass: &codepub::live::Pass| {
        server.update(outputs, pass, &session.l10n);
        if !opened.replace(true) {
            open_in_browser(&url);
        }
    };
    let status = super::watch::run_loop(session, &args.watch, events, received, footer, show);
    server.stop();
    status
}

/// Opens `url` in the default browser, without waiting for it; a failure is only said.
#[cfg(feature = "html")]
fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(error) = std::process::Command::new(opener.0).args(&opener.1).spawn() {
        eprintln!("warning: {}: {error}", opener.0);
    }
}
