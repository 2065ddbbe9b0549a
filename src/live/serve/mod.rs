//! The local web server of `codepub serve`: the output of the live loop, served from memory
//! (`/html/index.html`, `/code-en.pdf`), a page of the current findings (`/_codepub/findings`),
//! and server-sent events (`/_codepub/events`) that tell open pages to reload after a pass. The
//! preview is added to the pages as they are served (`pages`): the reload script, a banner
//! counting the findings with a link to their page, and a mark on each block a finding is
//! about; the files written to the output folder stay as `codepub build` writes them.
//!
//! Only what the output holds is served: a path is looked up among the output's file names,
//! never on disk, and a path with a `.` or `..` segment, a backslash or a NUL, raw or
//! percent-encoded, is refused (403).
//!
//! The server is axum on hyper, run by a tokio runtime in a thread of its own; the rest of
//! codepub stays synchronous and reaches it through [`SiteServer`]. Modules: `guard` (which
//! requests are answered at all: GET and HEAD, from this server's own host and origin; on the
//! loopback by default, on the network only when asked);
//! `listener` (connections, their limits and timeouts); `pages` (the findings page, and the
//! preview added to the pages). Event streams are capped at [`EVENT_STREAMS`] (503 beyond) and each ends when
//! its page goes away.

mod guard;
mod listener;
mod pages;

pub use listener::{CONNECTIONS, HEADER_TIMEOUT, MAX_HEAD, WRITE_TIMEOUT};

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::http::header::{ALLOW, CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::{StreamExt, stream};
use tokio::sync::{Semaphore, oneshot, watch};

use super::Pass;
use crate::i18n::Localizer;

/// The path of the server-sent events.
pub const EVENTS: &str = "/_codepub/events";
/// The path of the findings page.
pub const FINDINGS: &str = "/_codepub/findings";
/// The bilingual page, where `/` leads.
const HOME: &str = "/html/index.html";
/// Event streams open at once (each holds a connection).
pub const EVENT_STREAMS: usize = 16;
/// How soon a page's event source reconnects after its stream ends.
const RECONNECT: Duration = Duration::from_millis(500);

/// Why the server could not start, or stopped on its own.
#[derive(Debug, thiserror::Error)]
#[error("{address}: {failure}")]
pub struct ServeError {
    pub address: SocketAddr,
    pub failure: ServeFailure,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeFailure {
    /// The address could not be bound.
    #[error("{0}")]
    Listen(io::Error),
    /// The runtime or its thread could not be started.
    #[error("{0}")]
    Start(io::Error),
    /// The listener failed for good while serving.
    #[error("{0}")]
    Accept(io::Error),
    /// The server's thread panicked.
    #[error("the server stopped unexpectedly")]
    Panicked,
}

/// What is served: the output, the findings page of the last pass and what the pages show of it
/// (`preview`). `generation` counts the passes that changed any; pages reload when it moves on.
#[derive(Default)]
struct Snapshot {
    files: BTreeMap<String, Bytes>,
    /// The HTML pages of `files` as served: with the preview and the reload script (made once
    /// a pass, not once a request).
    pages: BTreeMap<String, Bytes>,
    findings_page: Vec<u8>,
    preview: pages::Preview,
    generation: u64,
}

struct Site {
    snapshot: RwLock<Snapshot>,
    /// The generation served, sent to every event stream when it moves on.
    generation: watch::Sender<u64>,
    /// One permit for each event stream that may be open.
    streams: Arc<Semaphore>,
    /// The names of this server, which `Host` and `Origin` must use.
    names: guard::Names,
}

/// The running server; [`SiteServer::stop`] (or dropping it) stops it.
pub struct SiteServer {
    site: Arc<Site>,
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl SiteServer {
    /// Listens on `host`:`port` (127.0.0.1 for the machine alone; 0: a free port). Should the
    /// server later stop on its own (its listener fails for good), `on_failure` is called with
    /// why, from the server's thread.
    pub fn start(
        host: IpAddr,
        port: u16,
        on_failure: impl FnOnce(ServeError) + Send + 'static,
    ) -> Result<Self, ServeError> {
        let address = SocketAddr::from((host, port));
        let listener = std::net::TcpListener::bind(address)
            .map_err(|error| ServeError { address, failure: ServeFailure::Listen(error) })?;
        Self::on(listener, on_failure)
    }

    /// Serves on a bound `listener`.
    fn on(
        listener: std::net::TcpListener,
        on_failure: impl FnOnce(ServeError) + Send + 'static,
    ) -> Result<Self, ServeError> {
        let start = |address| move |error| ServeError { address, failure: ServeFailure::Start(error) };
        let address = listener.local_addr().map_err(start(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))))?;
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build().map_err(start(address))?;
        listener.set_nonblocking(true).map_err(start(address))?;
        let listener = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(listener).map_err(start(address))?
        };
        let site = Arc::new(Site {
            snapshot: RwLock::default(),
            generation: watch::Sender::new(0),
            streams: Arc::new(Semaphore::new(EVENT_STREAMS)),
            names: guard::Names { port: address.port(), network: !address.ip().is_loopback() },
        });
        let router = Router::new().fallback(answer).with_state(Arc::clone(&site));
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("codepub-serve".into())
            .spawn(move || {
                let served =
                    catch_unwind(AssertUnwindSafe(|| runtime.block_on(listener::run(listener, router, stopped))));
                let failure = match served {
                    Ok(Ok(())) => return,
                    Ok(Err(error)) => ServeFailure::Accept(error),
                    Err(_) => ServeFailure::Panicked,
                };
                on_failure(ServeError { address, failure });
            })
            .map_err(start(address))?;
        Ok(Self { site, address, stop: Some(stop), thread: Some(thread) })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Whether the server can be reached from other machines (it listens on an address other
    /// than the loopback).
    pub fn on_network(&self) -> bool {
        self.site.names.network
    }

    /// The server's address on this machine, `http://127.0.0.1:PORT/` (the loopback when it
    /// listens on every interface: 0.0.0.0 or ::).
    pub fn url(&self) -> String {
        let address = match self.address.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => SocketAddr::from((Ipv4Addr::LOCALHOST, self.address.port())),
            IpAddr::V6(ip) if ip.is_unspecified() => SocketAddr::from((Ipv6Addr::LOCALHOST, self.address.port())),
            _ => self.address,
        };
        format!("http://{address}/")
    }

    /// Serves the output and findings of `pass`, and tells the open pages to reload when what
    /// they show changed: the pages and what they load, the findings or the preview. A PDF that
    /// changed is served anew without a reload: the pages only link to it (and a pass writes
    /// the pages first, then the PDFs, updating the site after each).
    pub fn update(&self, outputs: &BTreeMap<String, Vec<u8>>, pass: &Pass, l10n: &Localizer) {
        let findings_page = pages::findings_page(pass, outputs, l10n);
        let preview = pages::Preview::of(pass, l10n);
        let mut snapshot = self.site.snapshot.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        let same = |shown: fn(&str) -> bool| {
            let old = snapshot.files.iter().filter(|(path, _)| shown(path));
            let new = outputs.iter().filter(|(path, _)| shown(path));
            old.map(|(path, bytes)| (path.as_str(), &bytes[..]))
                .eq(new.map(|(path, bytes)| (path.as_str(), &bytes[..])))
        };
        let same_files = same(|_| true);
        let same_pages = same(|path| !path.ends_with(".pdf"));
        let same_view = same_pages && snapshot.findings_page == findings_page && snapshot.preview == preview;
        if same_files && same_view && snapshot.generation > 0 {
            return;
        }
        if same_view && snapshot.generation > 0 {
            // Only PDFs changed: served anew, the pages left as they are.
            snapshot.files =
                outputs.iter().map(|(path, bytes)| (path.clone(), Bytes::copy_from_slice(bytes))).collect();
            return;
        }
        snapshot.generation += 1;
        snapshot.findings_page = findings_page;
        snapshot.preview = preview;
        if !same_files {
            snapshot.files =
                outputs.iter().map(|(path, bytes)| (path.clone(), Bytes::copy_from_slice(bytes))).collect();
        }
        let generation = snapshot.generation;
        let served = (snapshot.files.iter().filter(|(path, _)| path.ends_with(".html")))
            .map(|(path, bytes)| {
                let page = snapshot.preview.apply(bytes);
                (path.clone(), Bytes::from(pages::with_reload_script(&page, generation)))
            })
            .collect();
        snapshot.pages = served;
        drop(snapshot);
        self.site.generation.send_replace(generation);
    }

    /// Stops answering, closes every connection (the event streams with them) and waits for the
    /// server's thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            // Gone when the server has already stopped on its own.
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for SiteServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Why a request path is not served.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// A path that tries to leave the output (`..`, `.`, `\`, NUL, raw or encoded): 403.
    Forbidden,
    /// Malformed percent-encoding or not UTF-8: 400.
    BadRequest,
}

/// The output file a request path names (`/html/index.html` → `html/index.html`), its query
/// and fragment dropped and percent-encoding decoded; refused when it tries to leave the output.
pub fn output_path(url: &str) -> Result<String, Refused> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path).ok_or(Refused::BadRequest)?;
    if decoded.contains(['\\', '\0']) {
        return Err(Refused::Forbidden);
    }
    let segments: Vec<&str> = decoded.split('/').filter(|segment| !segment.is_empty()).collect();
    if segments.iter().any(|segment| *segment == "." || *segment == "..") {
        return Err(Refused::Forbidden);
    }
    Ok(segments.join("/"))
}

/// `%XX` decoded; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    String::from_utf8(crate::percent::decode(text)?).ok()
}

/// Every request: refused by the `guard`, or answered from the snapshot.
async fn answer(State(site): State<Arc<Site>>, request: Request) -> Response {
    if let Err(refusal) = guard::admit(request.method(), request.uri(), request.headers(), site.names) {
        let response = text(refusal.status(), refusal.text());
        return match refusal {
            guard::Refusal::Method => ([(ALLOW, "GET, HEAD")], response).into_response(),
            _ => response,
        };
    }
    let path = request.uri().path();
    if path == EVENTS {
        return events(&site);
    }
    let snapshot = site.snapshot.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    match path {
        // To the bilingual page, or to the findings page when there is no HTML.
        "/" => {
            let target = if snapshot.files.contains_key(&HOME[1..]) { HOME } else { FINDINGS };
            (StatusCode::FOUND, [(LOCATION, target)]).into_response()
        }
        FINDINGS => {
            file(pages::with_reload_script(&snapshot.findings_page, snapshot.generation), "text/html; charset=utf-8")
        }
        // A page of the output, with the preview: the banner, the marks and the reload script.
        _ => match output_path(path) {
            Err(Refused::Forbidden) => text(StatusCode::FORBIDDEN, "403 forbidden: outside the output\n"),
            Err(Refused::BadRequest) => text(StatusCode::BAD_REQUEST, "400 bad request\n"),
            Ok(path) => match snapshot.files.get(&path) {
                None => text(StatusCode::NOT_FOUND, "404 not found\n"),
                Some(bytes) => match snapshot.pages.get(&path) {
                    Some(page) => file(page.clone(), pages::content_type(&path)),
                    None => file(bytes.clone(), pages::content_type(&path)),
                },
            },
        },
    }
}

/// An event stream, while fewer than [`EVENT_STREAMS`] are open: how soon to reconnect, the
/// generation served now, and each later one as [`SiteServer::update`] moves it on. It ends,
/// and gives its place back, when its page goes away or the server stops.
fn events(site: &Site) -> Response {
    let Ok(place) = Arc::clone(&site.streams).try_acquire_owned() else {
        return text(StatusCode::SERVICE_UNAVAILABLE, "503 too many event streams\n");
    };
    let mut generations = site.generation.subscribe();
    generations.mark_changed();
    let reconnect = stream::once(async { Ok(Event::default().retry(RECONNECT)) });
    let reloads = stream::unfold((generations, place), |(mut generations, place)| async move {
        generations.changed().await.ok()?;
        let generation = *generations.borrow_and_update();
        let event = Event::default().event("reload").data(generation.to_string());
        Some((Ok::<_, Infallible>(event), (generations, place)))
    });
    ([(CACHE_CONTROL, "no-store")], Sse::new(reconnect.chain(reloads))).into_response()
}

fn file(bytes: impl Into<Body>, content_type: &'static str) -> Response {
    ([(CONTENT_TYPE, content_type), (CACHE_CONTROL, "no-store")], bytes.into()).into_response()
}

fn text(status: StatusCode, text: &'static str) -> Response {
    (status, [(CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

impl From<ServeError> for crate::failure::Failure {
    fn from(error: ServeError) -> Self {
        crate::failure::Failure::Serve { address: error.address.to_string(), reason: error.failure.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_are_confined_to_the_output() {
        assert_eq!(output_path("/html/index.html?at=a%232#a"), Ok("html/index.html".into()));
        assert_eq!(output_path("/code-en.pdf"), Ok("code-en.pdf".into()));
        assert_eq!(output_path("//html//style.css"), Ok("html/style.css".into()));
        for bad in [
            "/../Cargo.toml",
            "/html/../../etc/passwd",
            "/%2e%2e/codepub.toml",
            "/%2E%2E%2Fcodepub.toml",
            "/html/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/./html/index.html",
            "/html/..%5c..%5ccodepub.toml",
            "/html/index.html%00.pdf",
        ] {
            assert_eq!(output_path(bad), Err(Refused::Forbidden), "{bad}");
        }
        assert_eq!(output_path("/%zz"), Err(Refused::BadRequest));
        assert_eq!(output_path("/%ff"), Err(Refused::BadRequest));
    }

    #[test]
    fn a_listener_that_stops_listening_ends_the_server_with_its_error() {
        let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let socket = listener.try_clone().unwrap();
        let (failed, failure) = std::sync::mpsc::channel();
        let server = SiteServer::on(listener, move |error| {
            let _ = failed.send(error);
        })
        .unwrap();
        socket2::SockRef::from(&socket).shutdown(std::net::Shutdown::Both).unwrap();
        let error = failure.recv_timeout(Duration::from_secs(10)).expect("the failure is reported");
        assert!(matches!(error.failure, ServeFailure::Accept(_)), "{error:?}");
        assert_eq!(error.address, server.address());
        server.stop();
    }
}
