//! The local web server of `codepub serve`: the last good output of the live loop, served from
//! memory (`/html/index.html`, `/code-en.pdf`), a page of the current findings
//! (`/_codepub/findings`), and server-sent events (`/_codepub/events`) that tell open pages to
//! reload after a pass. The reload script is added to the pages as they are served; the files
//! written to the output folder stay free of script.
//!
//! Only what the output holds is served: a path is looked up among the output's file names,
//! never on disk, and a path with a `.` or `..` segment, a backslash or a NUL, raw or
//! percent-encoded, is refused (403).

use std::collections::BTreeMap;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;

use tiny_http::{Header, Request, Response, Server, StatusCode};

use super::{FindingEntry, Outcome, Pass};
use crate::check::Severity;
use crate::i18n::{Localizer, Message};
use crate::render::html::escape_html;

/// The path of the server-sent events.
pub const EVENTS: &str = "/_codepub/events";
/// The path of the findings page.
pub const FINDINGS: &str = "/_codepub/findings";
/// The bilingual page, where `/` leads.
const HOME: &str = "/html/index.html";

/// Threads answering requests; an event stream holds none.
const WORKERS: usize = 4;

/// What is served: the last good output and the findings page of the last pass. `generation`
/// counts the passes that changed either; pages reload when it moves on.
#[derive(Default)]
struct Snapshot {
    files: BTreeMap<String, Vec<u8>>,
    findings_page: Vec<u8>,
    generation: u64,
}

#[derive(Default)]
struct Shared {
    snapshot: RwLock<Snapshot>,
    /// The open event streams.
    listeners: Mutex<Vec<Box<dyn Write + Send>>>,
}

/// The running server; [`SiteServer::stop`] (or dropping it) stops it.
pub struct SiteServer {
    server: Arc<Server>,
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
    address: SocketAddr,
}

impl SiteServer {
    /// Listens on 127.0.0.1:`port` (0: a free port).
    pub fn start(port: u16) -> Result<Self, String> {
        let server = Arc::new(Server::http(("127.0.0.1", port)).map_err(|error| error.to_string())?);
        let address = server.server_addr().to_ip().ok_or("not an IP address")?;
        let shared = Arc::new(Shared::default());
        let workers = (0..WORKERS)
            .map(|_| {
                let (server, shared) = (Arc::clone(&server), Arc::clone(&shared));
                std::thread::spawn(move || {
                    while let Ok(request) = server.recv() {
                        answer(request, &shared);
                    }
                })
            })
            .collect();
        Ok(Self { server, shared, workers, address })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    /// Serves the output and findings of `pass`, and tells the open pages to reload when either
    /// changed.
    pub fn update(&self, outputs: &BTreeMap<String, Vec<u8>>, pass: &Pass, l10n: &Localizer) {
        let generation = {
            let mut snapshot = self.shared.snapshot.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            let findings_page = findings_page(pass, outputs, l10n);
            if snapshot.files == *outputs && snapshot.findings_page == findings_page && snapshot.generation > 0 {
                return;
            }
            snapshot.generation += 1;
            snapshot.findings_page = findings_page;
            snapshot.files.clone_from(outputs);
            snapshot.generation
        };
        let mut listeners = self.shared.listeners.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // A stream that cannot be written to has been closed by its page.
        listeners.retain_mut(|stream| send_generation(stream.as_mut(), generation).is_ok());
    }

    /// Stops answering, closes the event streams and waits for the threads.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.shared.listeners.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
        for _ in &self.workers {
            self.server.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
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

fn answer(request: Request, shared: &Shared) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS {
        return open_events(request, shared);
    }
    let response = match path {
        "/" => redirect(shared),
        FINDINGS => {
            let snapshot = shared.snapshot.read().unwrap_or_else(|poisoned| poisoned.into_inner());
            file_response(with_reload_script(&snapshot.findings_page, snapshot.generation), "text/html; charset=utf-8")
        }
        _ => match output_path(&url) {
            Err(Refused::Forbidden) => text_response(403, "403 forbidden: outside the output\n"),
            Err(Refused::BadRequest) => text_response(400, "400 bad request\n"),
            Ok(file) => {
                let snapshot = shared.snapshot.read().unwrap_or_else(|poisoned| poisoned.into_inner());
                match snapshot.files.get(&file) {
                    None => text_response(404, "404 not found\n"),
                    Some(bytes) if file.ends_with(".html") => {
                        file_response(with_reload_script(bytes, snapshot.generation), content_type(&file))
                    }
                    Some(bytes) => file_response(bytes.clone(), content_type(&file)),
                }
            }
        },
    };
    // The page may have gone away: nothing to do.
    let _ = request.respond(response);
}

/// `/` leads to the bilingual page, or to the findings page when there is no HTML.
fn redirect(shared: &Shared) -> Response<std::io::Cursor<Vec<u8>>> {
    let snapshot = shared.snapshot.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    let target = if snapshot.files.contains_key(&HOME[1..]) { HOME } else { FINDINGS };
    text_response(302, "").with_header(header("Location", target))
}

/// Answers with an event stream: the headers and the current generation now, every later one
/// when a pass changes what is served ([`SiteServer::update`]).
fn open_events(request: Request, shared: &Shared) {
    let mut stream = request.into_writer();
    // Held while the generation is read and sent, so that no update falls between the two.
    let mut listeners = shared.listeners.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let generation = shared.snapshot.read().unwrap_or_else(|poisoned| poisoned.into_inner()).generation;
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: close\r\n\r\nretry: 500\n\n";
    if stream.write_all(head.as_bytes()).is_ok() && send_generation(stream.as_mut(), generation).is_ok() {
        listeners.push(stream);
    }
}

fn send_generation(stream: &mut dyn Write, generation: u64) -> std::io::Result<()> {
    write!(stream, "event: reload\ndata: {generation}\n\n")?;
    stream.flush()
}

/// The script `serve` adds to a page: reload when the served generation moves on from the one
/// the page was served at, and bring the row of `?at=ADDRESS` into view (the findings page's
/// links).
fn reload_script(generation: u64) -> String {
    format!(
        r#"<script>
(() => {{
  const served = "{generation}";
  const at = new URLSearchParams(location.search).get("at");
  const row = at && [...document.querySelectorAll("[data-address]")].find((r) => r.dataset.address === at);
  if (row) {{ row.scrollIntoView({{ block: "center" }}); row.style.outline = "3px solid #c60"; }}
  const events = new EventSource("{EVENTS}");
  events.addEventListener("reload", (event) => {{ if (event.data !== served) location.reload(); }});
}})();
</script>
"#
    )
}

fn with_reload_script(page: &[u8], generation: u64) -> Vec<u8> {
    let script = reload_script(generation);
    let text = String::from_utf8_lossy(page);
    match text.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

/// The findings page of `pass`: each finding not accepted, linked to its row in the bilingual
/// page when there is one, and the files served.
fn findings_page(pass: &Pass, outputs: &BTreeMap<String, Vec<u8>>, l10n: &Localizer) -> Vec<u8> {
    let text = |id: &'static str| escape_html(&l10n.format(&Message::new(id)));
    let has_page = outputs.contains_key(&HOME[1..]);
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\
         li{{margin:.4rem 0}}.error code{{color:#b00}}.warning code{{color:#850}}</style>\n</head>\n<body>\n<main>\n\
         <h1>{}</h1>\n",
        text("serve-page-lang"),
        text("serve-findings-title"),
        text("serve-findings-title"),
    );
    let outcome = match &pass.outcome {
        Outcome::Kept(_) => "serve-outcome-kept",
        Outcome::Rebuilt(_) | Outcome::Unchanged => "serve-outcome-current",
    };
    html.push_str(&format!("<p class=\"outcome\">{}</p>\n", text(outcome)));
    if pass.findings.is_empty() {
        html.push_str(&format!("<p class=\"none\">{}</p>\n", text("serve-no-findings")));
    } else {
        html.push_str("<ul class=\"findings\">\n");
        for finding in &pass.findings {
            html.push_str(&finding_item(finding, has_page));
        }
        html.push_str("</ul>\n");
    }
    let accepted = Message::new("serve-accepted").num("count", pass.accepted as i64);
    html.push_str(&format!("<p class=\"accepted\">{}</p>\n", escape_html(&l10n.format(&accepted))));
    html.push_str(&format!("<h2>{}</h2>\n<ul class=\"files\">\n", text("serve-files")));
    for path in outputs.keys().filter(|path| path.ends_with(".html") || path.ends_with(".pdf")) {
        let path = escape_html(path);
        html.push_str(&format!("<li><a href=\"/{path}\">{path}</a></li>\n"));
    }
    html.push_str("</ul>\n</main>\n</body>\n</html>\n");
    html.into_bytes()
}

fn finding_item(finding: &FindingEntry, has_page: bool) -> String {
    let severity = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let place = finding.place.as_deref().map(|place| format!(" <span class=\"place\">{}</span>", escape_html(place)));
    let label = format!("<code>{}</code> {}", finding.code, escape_html(&finding.address));
    let link = if has_page {
        let href = format!("{HOME}?at={}#{}", percent_encode(&finding.address), percent_encode(&finding.anchor));
        format!("<a href=\"{}\">{label}</a>", escape_html(&href))
    } else {
        label
    };
    format!("<li class=\"{severity}\">{link}: {}{}</li>\n", escape_html(&finding.message), place.unwrap_or_default())
}

/// Everything but unreserved characters percent-encoded, for a query value or fragment.
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header names and ASCII values")
}

fn file_response(bytes: Vec<u8>, content_type: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(bytes)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
}

fn text_response(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(text)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
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
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let page = with_reload_script(b"<html><body><p>x</p></body></html>", 7);
        let page = String::from_utf8(page).unwrap();
        let script = page.find("<script>").unwrap();
        assert!(script > page.find("<p>x</p>").unwrap() && script < page.find("</body>").unwrap());
        assert!(page.contains("const served = \"7\";") && page.contains(EVENTS));
    }

    #[test]
    fn a_finding_links_to_its_row_in_the_bilingual_page() {
        let finding = FindingEntry {
            code: "P004",
            severity: Severity::Error,
            message: "a <number>".into(),
            address: "principle-2#4".into(),
            place: Some("content/ja/10-code.md:40:1".into()),
            anchor: "principle-2".into(),
        };
        let item = finding_item(&finding, true);
        assert!(item.contains("href=\"/html/index.html?at=principle-2%234#principle-2\""), "{item}");
        assert!(item.contains("a &lt;number&gt;") && item.contains("content/ja/10-code.md:40:1"), "{item}");
        assert!(!finding_item(&finding, false).contains("href"));
    }
}
