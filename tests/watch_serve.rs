//! `codepub watch` and `codepub serve`, driven as a translator would: the real binary on a copy
//! of the shipped project, its sources edited while it runs, its output folder and its server
//! read, and a signal to stop it.

// Most of these need a format to build: in a check-only build their helpers go unused.
#![cfg_attr(not(feature = "html"), allow(dead_code, unused_imports))]

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::{EN, JA, TempProject};

/// How long a pass may take in a debug build on a busy machine.
const PASS: Duration = Duration::from_secs(120);

/// A running `codepub watch` or `codepub serve`, its standard output read line by line; killed
/// when dropped, if still running.
pub(crate) struct Live {
    child: Child,
    lines: Receiver<String>,
    pub(crate) seen: String,
}

impl Live {
    pub(crate) fn start(project: &TempProject, args: &[&str]) -> Self {
        Self::spawn(Command::new(assert_cmd::cargo::cargo_bin("codepub")), project, args)
    }

    /// As [`Live::start`], with at most `limit` open file descriptors (`ulimit -n`).
    #[cfg(unix)]
    pub(crate) fn start_with_open_files(project: &TempProject, args: &[&str], limit: u32) -> Self {
        let mut shell = Command::new("sh");
        shell.arg("-c").arg(format!("ulimit -n {limit} && exec \"$@\"")).arg("sh");
        shell.arg(assert_cmd::cargo::cargo_bin("codepub"));
        Self::spawn(shell, project, args)
    }

    fn spawn(mut command: Command, project: &TempProject, args: &[&str]) -> Self {
        let mut child = command
            .arg("--root")
            .arg(project.root())
            .args(["--lang", "en", "--color", "never"])
            .args(args)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("codepub starts");
        let (send, lines) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout piped");
        let stderr = child.stderr.take().expect("stderr piped");
        for stream in [Box::new(stdout) as Box<dyn Read + Send>, Box::new(stderr)] {
            let send = send.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if send.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        Self { child, lines, seen: String::new() }
    }

    /// The process id (of `codepub` itself: the shell of [`Live::start_with_open_files`] execs it).
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Reads output until a line containing `wanted`; returns what was read since the last call.
    pub(crate) fn until(&mut self, wanted: &str) -> String {
        let deadline = Instant::now() + PASS;
        let mut read = String::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    read.push_str(&line);
                    read.push('\n');
                    self.seen.push_str(&line);
                    self.seen.push('\n');
                    if line.contains(wanted) {
                        return read;
                    }
                }
                Err(_) => panic!("no line with {wanted:?} within {PASS:?}; output so far:\n{}", self.seen),
            }
        }
    }

    /// Waits for the end of a pass and returns its output.
    pub(crate) fn pass(&mut self) -> String {
        self.until("watching for changes")
    }

    /// The server's address, from the line under each pass.
    pub(crate) fn address(&self) -> String {
        let at = self.seen.find("http://127.0.0.1:").expect("the address is printed") + "http://".len();
        self.seen[at..].split('/').next().expect("address").to_string()
    }

    /// Sends `signal` (`TERM`, `INT`) and waits for the exit status.
    pub(crate) fn stop_with(mut self, signal: &str) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-s", signal, &pid]).status().expect("kill runs").success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "still running 20 s after SIG{signal}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
#[cfg(all(feature = "pdf", feature = "html"))]
fn watch_rebuilds_after_an_edit_only_the_editions_it_touches() {
    let project = TempProject::shipped();
    // Every edit makes the signed-off translation stale (P013): the preview shows it all the same.
    let mut live = Live::start(&project, &["watch"]);
    let first = live.pass();
    assert!(first.contains("rebuilt 7 editions"), "{first}");
    let out = project.path("out");
    let ja_pdf = read(&out.join("code-ja.pdf"));
    let ja_modified = std::fs::metadata(out.join("code-ja.pdf")).unwrap().modified().unwrap();
    let en_pdf = read(&out.join("code-en.pdf"));

    project.replace(EN, "We act with honesty, integrity", "We act with candour, integrity");
    let pass = live.pass();
    assert!(pass.contains("rebuilt 5 editions"), "{pass}");
    for unchanged in ["the ja edition (PDF) is unchanged", "the ja edition (HTML) is unchanged"] {
        assert!(pass.contains(unchanged), "{unchanged}: {pass}");
    }
    for rebuilt in
        ["building the en edition (PDF)", "building the facing edition (PDF)", "building the bilingual edition (HTML)"]
    {
        assert!(pass.contains(rebuilt), "{rebuilt}: {pass}");
    }
    let en_page = String::from_utf8(read(&out.join("html/en.html"))).unwrap();
    assert!(en_page.contains("We act with candour, integrity"), "the English page shows the edit");
    assert_ne!(read(&out.join("code-en.pdf")), en_pdf, "the English PDF was rebuilt");
    // The Japanese PDF was not even written again.
    assert_eq!(read(&out.join("code-ja.pdf")), ja_pdf);
    assert_eq!(std::fs::metadata(out.join("code-ja.pdf")).unwrap().modified().unwrap(), ja_modified);
    // The HTML folder is replaced whole: the pages not rebuilt are still there.
    assert!(out.join("html/ja.html").is_file() && out.join("html/style.css").is_file());
    assert!(live.stop_with("TERM").success());
}

/// The Japanese of principle 3's first paragraph, signed off, and an edit of it (P013).
const SIGNED_OFF: &str = "正直さ、誠実さ、敬意";
const EDITED: &str = "正直さと誠実さ、敬意";

#[test]
#[cfg(feature = "html")]
fn watch_rewrites_the_output_after_an_edit_that_introduces_p013_and_p004_errors() {
    let project = TempProject::shipped();
    let mut live = Live::start(&project, &["watch", "--format", "html"]);
    let first = live.pass();
    assert!(first.contains("rebuilt 3 editions"), "{first}");

    // A translator's edit of a signed-off paragraph (P013), and a number the English lacks in
    // another (P004, and P013 there too), saved at once.
    let japanese = project.read(JA);
    let number = (
        "私たちは、虚偽または誤解を招くような情報を広めたり",
        "私たちは、虚偽または誤解を招くような情報を広めたり、11月に",
    );
    project.write(JA, japanese.replace(SIGNED_OFF, EDITED).replacen(number.0, number.1, 1));
    let pass = live.pass();
    for printed in ["error[P013]", "error[P004]", "3 errors", "the output shows the sources as they are, with 3 errors"]
    {
        assert!(pass.contains(printed), "{printed}: {pass}");
    }
    assert!(!pass.contains("kept the last"), "{pass}");
    let page = String::from_utf8(read(&project.path("out/html/ja.html"))).unwrap();
    assert!(page.contains(EDITED) && page.contains("広めたり、11月に"), "the page follows the text");
    assert!(!page.contains("codepub-preview"), "the file written is the edition, without the preview");

    // Back as it was: the page follows again.
    project.write(JA, &japanese);
    let pass = live.pass();
    assert!(pass.contains("no errors") && !pass.contains("kept the last"), "{pass}");
    let page = String::from_utf8(read(&project.path("out/html/ja.html"))).unwrap();
    assert!(page.contains(SIGNED_OFF) && !page.contains(EDITED));
    assert!(live.stop_with("INT").success());
}

#[test]
#[cfg(feature = "html")]
fn sources_that_cannot_be_read_keep_the_last_output_and_say_so_in_the_terminal_and_the_page() {
    let project = TempProject::shipped();
    let mut live = Live::start(&project, &["serve", "--port", "0", "--format", "html"]);
    live.pass();
    let address = live.address();
    project.replace(JA, SIGNED_OFF, EDITED);
    live.pass();
    let written = read(&project.path("out/html/ja.html"));

    // A TOML typo: nothing can be loaded, so nothing can be shown but the last output.
    let config = project.read("codepub.toml");
    project.write("codepub.toml", format!("{config}\n[edition\n"));
    let pass = live.until("kept the last output");
    assert!(pass.contains("the sources could not be read: kept the last output"), "{pass}");
    assert_eq!(read(&project.path("out/html/ja.html")), written, "the last output is kept");
    let (_, page) = get(&address, "/html/ja.html");
    assert!(page.contains(EDITED), "the last output is served");
    assert!(page.contains("this page shows the last output"), "the page says so: {page}");
    assert!(page.contains("href=\"/_codepub/findings\""));
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(feature = "html")]
fn a_template_change_rebuilds_every_edition_of_the_format() {
    let project = TempProject::shipped();
    let stylesheet = common::manifest_dir().join("templates/style.css");
    project.write("templates/style.css", read(&stylesheet));
    let mut live = Live::start(&project, &["watch", "--format", "html"]);
    live.pass();
    // No source changed, so no model did: only the template makes the pages stale.
    project.write("templates/style.css", [read(&stylesheet), b"\n.watched { color: red }\n".to_vec()].concat());
    let pass = live.pass();
    assert!(pass.contains("rebuilt 3 editions"), "{pass}");
    let written = String::from_utf8(read(&project.path("out/html/style.css"))).unwrap();
    assert!(written.contains(".watched { color: red }"));
    // A touch that changes nothing rebuilds nothing.
    project.write("content/en/10-code.md", project.read(EN));
    let pass = live.pass();
    assert!(pass.contains("no edition changed: nothing rebuilt"), "{pass}");
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(feature = "html")]
fn a_templates_folder_made_while_watching_is_watched_from_then_on() {
    let project = TempProject::shipped();
    assert!(!project.path("templates").exists(), "the shipped project uses the built-in templates");
    let stylesheet = read(&common::manifest_dir().join("templates/style.css"));
    let mut live = Live::start(&project, &["watch", "--format", "html"]);
    live.pass();
    // The folder and an override in it: the pass after it uses the override.
    project.write("templates/style.css", [stylesheet.clone(), b"\n.first { color: red }\n".to_vec()].concat());
    let pass = live.pass();
    assert!(pass.contains("rebuilt 3 editions"), "{pass}");
    let written = String::from_utf8(read(&project.path("out/html/style.css"))).unwrap();
    assert!(written.contains(".first { color: red }"), "the new folder's override is used");
    // A later edit inside the new folder is seen: the folder is watched now.
    project.write("templates/style.css", [stylesheet, b"\n.second { color: blue }\n".to_vec()].concat());
    let pass = live.pass();
    assert!(pass.contains("rebuilt 3 editions"), "{pass}");
    let written = String::from_utf8(read(&project.path("out/html/style.css"))).unwrap();
    assert!(written.contains(".second { color: blue }"), "an edit in the new folder rebuilds");
    assert!(live.stop_with("TERM").success());
}

/// A small project whose sources are in `texts/` (`[content] dir`), with no `content/` at all.
fn project_in_texts() -> TempProject {
    let project = TempProject::small("# A {#a}\n\nOne.\n", "# ア {#a}\n\n一。\n");
    std::fs::rename(project.path("content"), project.path("texts")).unwrap();
    let config = project.read("codepub.toml");
    project.write("codepub.toml", format!("{config}\n[content]\ndir = \"texts\"\n"));
    project
}

#[test]
#[cfg(feature = "html")]
fn watch_watches_the_content_folder_the_configuration_names() {
    let project = project_in_texts();
    let mut live = Live::start(&project, &["watch", "--format", "html"]);
    let first = live.pass();
    assert!(first.contains("rebuilt"), "{first}");
    // A number the English lacks (P004): the pass that follows the edit reports it.
    project.replace("texts/ja/a.md", "一。", "11月に一。");
    live.until("error[P004]");
    let rest = live.pass();
    assert!(rest.contains("texts/ja/a.md:3:1"), "{rest}");
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(feature = "html")]
fn watch_follows_a_content_folder_replaced_as_a_whole() {
    let project = TempProject::small("# A {#a}\n\nOne.\n", "# ア {#a}\n\n一。\n");
    let mut live = Live::start(&project, &["watch", "--format", "html"]);
    live.pass();
    // `mv content content.old && cp -r content.old content`, as a sync tool or a checkout does.
    std::fs::rename(project.path("content"), project.path("content.old")).unwrap();
    common::copy_dir(&project.path("content.old"), &project.path("content"));
    live.pass();
    // An edit in the new folder is seen (the passes the replacement made may still be running).
    project.replace("content/ja/a.md", "一。", "11月に一。");
    live.until("error[P004]");
    let rest = live.pass();
    assert!(rest.contains("content/ja/a.md:3:1"), "{rest}");
    assert!(live.stop_with("TERM").success());
}

#[test]
fn watch_stops_cleanly_on_sigterm_and_sigint() {
    for signal in ["TERM", "INT"] {
        let project = TempProject::shipped();
        // One edition: the loop, the watch and the signals are what is tested (in a check-only
        // build, the loop only checks).
        let mut live = Live::start(&project, &["watch", "--edition", "en"]);
        live.pass();
        let status = live.stop_with(signal);
        assert_eq!(status.code(), Some(0), "SIG{signal}: {status:?}");
    }
}

#[test]
fn a_format_this_binary_lacks_is_a_clear_error() {
    let project = TempProject::shipped();
    let formats = [("pdf", cfg!(feature = "pdf")), ("html", cfg!(feature = "html"))];
    for (format, _) in formats.into_iter().filter(|(_, built)| !built) {
        let output = project.codepub().args(["watch", "--format", format]).assert().code(2).get_output().stderr.clone();
        let stderr = String::from_utf8_lossy(&output);
        assert!(stderr.contains(&format!("`{format}` feature")), "{stderr}");
    }
    if !cfg!(feature = "html") {
        let output = project.codepub().arg("serve").assert().code(2).get_output().stderr.clone();
        assert!(String::from_utf8_lossy(&output).contains("`html` feature"));
    }
}

/// `GET path` on the server at `address`: the status code and the body.
pub(crate) fn get(address: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).expect("server answers");
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("response read");
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split(' ').nth(1).and_then(|code| code.parse().ok()).expect("status line");
    let body = response.split_once("\r\n\r\n").map_or(String::new(), |(_, body)| body.to_string());
    (status, body)
}

#[test]
#[cfg(feature = "html")]
fn serve_refuses_paths_outside_the_output() {
    let project = TempProject::shipped();
    let mut live = Live::start(&project, &["serve", "--port", "0", "--format", "html"]);
    live.pass();
    let address = live.address();
    let (status, page) = get(&address, "/html/index.html");
    assert_eq!(status, 200);
    assert!(page.contains("new EventSource(\"/_codepub/events\")"), "the served page reloads itself");
    let written = String::from_utf8(read(&project.path("out/html/index.html"))).unwrap();
    assert!(!written.contains("<script"), "the page written to out/ has no script");
    for outside in [
        "/../codepub.toml",
        "/html/../../codepub.toml",
        "/%2e%2e/codepub.toml",
        "/%2E%2E%2Fcodepub.toml",
        "/html/%2e%2e%2f%2e%2e%2fcodepub.toml",
        "/html/..%5c..%5ccodepub.toml",
        "/./content/en/10-code.md",
    ] {
        let (status, body) = get(&address, outside);
        assert_eq!(status, 403, "{outside}: {body}");
        assert!(!body.contains("[edition]"), "{outside} leaked the project");
    }
    for absent in ["/codepub.toml", "/content/en/10-code.md", "/html/nope.html"] {
        assert_eq!(get(&address, absent).0, 404, "{absent}");
    }
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(feature = "html")]
fn serve_sends_a_reload_event_after_an_edit() {
    let project = TempProject::shipped();
    let mut live = Live::start(&project, &["serve", "--port", "0", "--format", "html"]);
    live.pass();
    let address = live.address();
    let mut stream = TcpStream::connect(&address).expect("server answers");
    stream.set_read_timeout(Some(PASS)).unwrap();
    write!(stream, "GET /_codepub/events HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut events = BufReader::new(stream);
    let mut read_until = |wanted: &str| {
        let mut seen = String::new();
        while !seen.contains(wanted) {
            let mut line = String::new();
            assert!(events.read_line(&mut line).expect("event stream read") > 0, "stream closed: {seen}");
            seen.push_str(&line);
        }
        seen
    };
    let head = read_until("data: 1\n");
    assert!(head.contains("text/event-stream") && head.contains("event: reload"), "{head}");

    project.replace(EN, "We act with honesty, integrity", "We act with candour, integrity");
    let event = read_until("\n\n");
    assert!(event.contains("event: reload\ndata: 2\n"), "{event}");
    let (_, page) = get(&address, "/html/en.html");
    assert!(page.contains("We act with candour, integrity"));
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(feature = "html")]
fn serve_serves_the_new_text_after_an_error_with_a_banner_linking_the_findings_and_the_paragraph_marked() {
    let project = TempProject::shipped();
    let mut live = Live::start(&project, &["serve", "--port", "0", "--format", "html"]);
    live.pass();
    let address = live.address();
    let (_, page) = get(&address, "/html/index.html");
    assert!(!page.contains("codepub-preview") && !page.contains("data-codepub-finding"), "no finding, no banner");

    project.replace(JA, SIGNED_OFF, EDITED);
    let pass = live.pass();
    assert!(pass.contains("error[P013]"), "{pass}");
    let (status, page) = get(&address, "/html/index.html");
    assert_eq!(status, 200);
    assert!(page.contains(EDITED), "the new text is served");
    let banner = page.find("<div class=\"codepub-preview").expect("a banner");
    let banner = &page[banner..banner + page[banner..].find("</div>").unwrap()];
    assert!(banner.contains("1 error, no warnings"), "{banner}");
    assert!(banner.contains("<a href=\"/_codepub/findings\">"), "{banner}");
    let row = "<div class=\"pair\" data-address=\"principle-3#1\" data-codepub-finding=\"error\" \
               data-codepub-codes=\"P013\" title=\"P013 principle-3#1: ";
    assert!(page.contains(row), "the paragraph is marked");
    assert_eq!(page.matches("data-codepub-finding=\"").count(), 1, "only the paragraph is marked");
    // The single-language pages carry them too; the files written carry neither.
    let (_, ja) = get(&address, "/html/ja.html");
    assert!(ja.contains("codepub-preview") && ja.contains("data-codepub-codes=\"P013\""));
    let written = String::from_utf8(read(&project.path("out/html/index.html"))).unwrap();
    assert!(written.contains(EDITED) && !written.contains("codepub-") && !written.contains("<script"));
    let (_, findings) = get(&address, "/_codepub/findings");
    assert!(findings.contains("<code>P013</code> principle-3#1</a>"), "{findings}");
    assert!(live.stop_with("TERM").success());
}

/// The state of the listening sockets on `port` in `/proc/net/tcp`: their local addresses, as
/// the kernel prints them (`0100007F` is 127.0.0.1, `00000000` is 0.0.0.0).
#[cfg(target_os = "linux")]
fn listening_on(port: &str) -> Vec<String> {
    let port = format!("{:04X}", port.parse::<u16>().unwrap());
    let table = std::fs::read_to_string("/proc/net/tcp").unwrap();
    (table.lines().skip(1))
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (ip, local_port) = fields.get(1)?.split_once(':')?;
            (local_port == port && fields.get(3) == Some(&"0A")).then(|| ip.to_string())
        })
        .collect()
}

#[test]
#[cfg(all(feature = "html", target_os = "linux"))]
fn serve_listens_on_the_loopback_by_default_and_warns_when_host_is_another_address() {
    let project = TempProject::shipped();
    let mut live = Live::start(&project, &["serve", "--port", "0", "--format", "html"]);
    let pass = live.pass();
    let address = live.address();
    assert_eq!(listening_on(address.rsplit(':').next().unwrap()), ["0100007F"], "127.0.0.1 only");
    assert!(!pass.contains("warning: serving on"), "{pass}");
    assert!(live.stop_with("TERM").success());

    let mut live = Live::start(&project, &["serve", "--host", "0.0.0.0", "--port", "0", "--format", "html"]);
    let pass = live.pass();
    let address = live.address();
    let port = address.rsplit(':').next().unwrap();
    assert_eq!(listening_on(port), ["00000000"], "every interface");
    let warning = format!("warning: serving on 0.0.0.0:{port}, beyond this machine: the preview has no authentication");
    assert!(pass.contains(&warning), "{pass}");
    // Reached by an address of the machine; a name (DNS rebinding) is refused still.
    let by_address = |host: &str| {
        let mut stream = TcpStream::connect(&address).expect("server answers");
        write!(stream, "GET /html/index.html HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response.split(' ').nth(1).unwrap().to_string()
    };
    assert_eq!(by_address(&format!("192.168.1.20:{port}")), "200");
    assert_eq!(by_address(&format!("evil.example:{port}")), "403");
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(feature = "html")]
fn the_findings_page_lists_a_finding_with_a_link_to_its_paragraph() {
    let project = TempProject::shipped();
    project.add_a_number_to_the_japanese();
    let mut live = Live::start(&project, &["serve", "--port", "0", "--format", "html"]);
    live.pass();
    let address = live.address();
    let (status, findings) = get(&address, "/_codepub/findings");
    assert_eq!(status, 200);
    let link = "href=\"/html/index.html?at=principle-2%234#principle-2\"><code>P004</code> principle-2#4</a>";
    assert!(findings.contains(link), "{findings}");
    assert!(findings.contains("content/ja/10-code.md:"), "the finding's place: {findings}");
    // The link leads to a row of the bilingual page that the page's script brings into view.
    let (_, page) = get(&address, "/html/index.html");
    assert!(page.contains("data-address=\"principle-2#4\"") && page.contains("id=\"principle-2\""));
    assert_eq!(get(&address, "/").0, 302);
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(feature = "html")]
fn a_finding_in_a_footnote_links_to_the_note_in_its_language() {
    let project = TempProject::shipped();
    project.replace(JA, "それでもなお、これらの", "それでもなお、3つの");
    let mut live = Live::start(&project, &["serve", "--port", "0", "--format", "html"]);
    live.pass();
    let address = live.address();
    let (_, findings) = get(&address, "/_codepub/findings");
    assert!(findings.contains("<code>P004</code> footnote-1#1</a>"), "{findings}");
    // The note's text in Japanese, where the number was added: the page has that id.
    assert!(findings.contains("href=\"/html/index.html?at=footnote-1%231#fn-ja-1\""), "{findings}");
    let (_, page) = get(&address, "/html/index.html");
    assert!(page.contains("id=\"fn-ja-1\""), "the bilingual page has the note's anchor");
    assert!(live.stop_with("TERM").success());
}

/// The browser test's prerequisites (as `tests/browser.rs`): `None` when all are there.
fn browser_missing() -> Option<&'static str> {
    let browser_dir = common::manifest_dir().join("tests/browser");
    if !browser_dir.join("node_modules/playwright-core").is_dir() {
        return Some("tests/browser/node_modules (npm ci --ignore-scripts in tests/browser)");
    }
    if !Path::new("/usr/bin/chromium").exists() {
        return Some("/usr/bin/chromium (apt-get install chromium)");
    }
    None
}

#[test]
#[cfg(all(feature = "pdf", feature = "html"))]
fn a_served_page_shows_an_edit_of_a_signed_off_paragraph_and_the_banner_within_two_seconds_in_chromium() {
    if let Some(missing) = browser_missing() {
        assert!(std::env::var_os("CI").is_none(), "the live reload test needs {missing}");
        eprintln!("skipping the live reload test: {missing} is missing; `bash .ci/run` installs it");
        return;
    }
    let project = TempProject::shipped();
    // Every format, as a translator runs it.
    let mut live = Live::start(&project, &["serve", "--port", "0"]);
    live.pass();
    let url = format!("http://{}/html/index.html", live.address());
    // The edit makes the paragraph stale (P013): the page shows it, and the banner counts it.
    let output = Command::new("node")
        .arg(common::manifest_dir().join("tests/browser/live_reload.mjs"))
        .arg(&url)
        .arg(project.path(JA))
        .args([SIGNED_OFF, EDITED, "2000", "1 error, no warnings"])
        .current_dir(common::manifest_dir().join("tests/browser"))
        .output()
        .expect("node runs");
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    eprintln!("{report}");
    assert!(output.status.success(), "{report}\ncodepub:\n{}", live.seen);
    assert!(report.contains("the page showed the edit"), "{report}");
    assert!(report.contains("and \"1 error, no warnings\""), "{report}");
    assert!(live.stop_with("TERM").success());
}

/// The live loop's rebuilder of `project`, every edition in PDF and HTML, writing to `out`.
#[cfg(all(feature = "pdf", feature = "html"))]
fn every_edition_live(project: &TempProject, out: &Path) -> codepub::live::Rebuilder {
    use codepub::live::{Plan, Rebuilder};
    use codepub::pipeline::OutputFormat;
    use codepub::view::EditionKind;

    Rebuilder::new(Plan {
        root: project.root().to_path_buf(),
        out: out.to_path_buf(),
        editions: EditionKind::ALL.to_vec(),
        named: false,
        formats: vec![OutputFormat::Pdf, OutputFormat::Html],
        font_path: Vec::new(),
    })
    .expect("renderers")
}

#[test]
#[cfg(all(feature = "pdf", feature = "html"))]
fn a_pass_writes_and_shows_the_pages_before_it_lays_out_the_pdfs() {
    use codepub::i18n::{Localizer, UiLang};
    use codepub::live::{Changes, Outcome};
    use codepub::pipeline::Silent;

    let project = TempProject::shipped();
    let out = tempfile::tempdir().unwrap();
    let mut rebuilder = every_edition_live(&project, out.path());
    // What the preview is shown while the pass goes on: the output so far, and what is on disk.
    let mut shown = Vec::new();
    let l10n = Localizer::new(UiLang::English);
    let pass = rebuilder.pass_showing(&Changes::all(), &l10n, false, &Silent, &mut |outputs, so_far| {
        let on_disk = |path: &str| out.path().join(path).exists();
        shown.push((
            outputs.keys().cloned().collect::<Vec<_>>(),
            so_far.outcome.clone(),
            on_disk("html/index.html"),
            on_disk("code-en.pdf"),
        ));
    });
    assert_eq!(shown.len(), 1, "shown once, between the pages and the PDFs");
    let (paths, outcome, page_written, pdf_written) = &shown[0];
    assert!(!paths.is_empty() && paths.iter().all(|path| path.starts_with("html/")), "{paths:?}");
    assert!(*page_written && !*pdf_written, "the pages are on disk, the PDFs not yet");
    assert!(matches!(outcome, Outcome::Rebuilt(editions) if editions.iter().all(|(format, _)| *format == "HTML")));
    assert!(matches!(&pass.outcome, Outcome::Rebuilt(editions) if editions.len() == 7), "{}", pass.text);
    assert!(out.path().join("code-en.pdf").exists());
}

#[test]
#[cfg(all(feature = "pdf", feature = "html"))]
fn a_later_pass_writes_the_pages_before_it_checks_and_shows_the_findings_before_the_pdfs() {
    use codepub::i18n::{Localizer, UiLang};
    use codepub::live::Changes;
    use codepub::pipeline::Silent;

    let project = TempProject::shipped();
    let out = tempfile::tempdir().unwrap();
    let mut rebuilder = every_edition_live(&project, out.path());
    let l10n = Localizer::new(UiLang::English);
    let first = rebuilder.pass(&Changes::all(), &l10n, false, &Silent);
    let japanese = std::fs::read_to_string(project.path(JA)).unwrap();
    project.write(JA, japanese.replace(SIGNED_OFF, EDITED));
    let pdf_before = read(&out.path().join("code-ja.pdf"));
    // Each time the preview is shown during the pass: the findings it is shown with, whether the
    // page on disk has the edit, and whether the Japanese PDF is still the last pass's.
    let mut shown = Vec::new();
    let sources = Changes { sources: true, ..Changes::default() };
    let pass = rebuilder.pass_showing(&sources, &l10n, false, &Silent, &mut |_, so_far| {
        let page = String::from_utf8(read(&out.path().join("html/index.html"))).unwrap();
        let pdf_unchanged = read(&out.path().join("code-ja.pdf")) == pdf_before;
        shown.push((so_far.findings.clone(), page.contains(EDITED), pdf_unchanged));
    });
    assert_eq!(pass.findings.len(), first.findings.len() + 1, "the edit unsigns a pair: {}", pass.text);
    assert_eq!(shown.len(), 2, "shown with the pages, then with the findings");
    assert_eq!(shown[0], (first.findings.clone(), true, true), "the pages first, with the last pass's findings");
    assert_eq!(shown[1], (pass.findings.clone(), true, true), "then this pass's findings, before the PDFs");
    assert!(read(&out.path().join("code-ja.pdf")) != pdf_before, "the PDF follows at the end of the pass");
    // The report is printed as it always was: the findings before what was built.
    let report = pass.text.find("error[P013]").expect("the finding is reported");
    assert!(report < pass.text.find("building").expect("what was built"), "{}", pass.text);
}
