//! `codepub serve` against clients that misbehave, as a hostile web page or a stuck program
//! would: descriptors run out, event streams dropped, clients that never read or never finish a
//! request, oversized requests, methods other than GET and HEAD, and requests for another host
//! (DNS rebinding). The server is the real binary on a small project, on 127.0.0.1.

#![cfg(feature = "html")]

use crate::common;
use crate::watch_serve::{Live, get};

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use codepub::live::serve::{CONNECTIONS, EVENT_STREAMS, EVENTS, FINDINGS, HEADER_TIMEOUT, WRITE_TIMEOUT};
use common::TempProject;

/// How long a request that should be answered at once may take on a busy machine.
const PROMPT: Duration = Duration::from_secs(10);

/// A small project whose bilingual page is large (some 200 kB): a client that stops reading it
/// stalls the server's writes.
fn project() -> TempProject {
    let (mut en, mut ja) = ("# Code {#code}\n\n".to_string(), "# 規範 {#code}\n\n".to_string());
    for clause in 1..=60 {
        en.push_str(&format!("## {clause}. Clause {{#c{clause}}}\n\n"));
        ja.push_str(&format!("## {clause}. 条 {{#c{clause}}}\n\n"));
        for _ in 0..4 {
            en.push_str(&"The members of the committee agree on the procedures of the council. ".repeat(4));
            en.push_str("\n\n");
            ja.push_str(&"委員会の委員は理事会の手続に合意します。".repeat(4));
            ja.push_str("\n\n");
        }
    }
    TempProject::small(&en, &ja)
}

/// `codepub serve` of the HTML editions on a free port, its first pass done.
fn serving(project: &TempProject) -> Live {
    // `--allow-errors` is accepted still, and does nothing: the preview always shows the sources.
    let mut live = Live::start(project, &["serve", "--port", "0", "--format", "html", "--allow-errors"]);
    live.pass();
    live
}

/// Sends `request` as it is and reads the answer until the server closes the connection: its
/// status code and the whole answer, or `None` when no answer came within `PROMPT`.
fn exchange(address: &str, request: &[u8]) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(address).expect("server accepts");
    stream.set_read_timeout(Some(PROMPT)).unwrap();
    // The request is written on a thread of its own while the answer is read here: a server
    // that answers a request too large and closes before reading all of it resets the
    // connection, and an answer not yet read when the reset arrives would be lost (under load,
    // the reset can come before a writer that reads only afterwards has finished writing).
    let mut writer = stream.try_clone().expect("clone the stream");
    writer.set_write_timeout(Some(PROMPT)).unwrap();
    let request = request.to_vec();
    let writing = std::thread::spawn(move || writer.write_all(&request));
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let _ = writing.join();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()?;
    Some((status, response))
}

/// `METHOD path` with the headers given (`Host` among them, or not), closing after the answer.
fn request(address: &str, method: &str, path: &str, headers: &[(&str, &str)]) -> Option<(u16, String)> {
    let mut text = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    exchange(address, text.as_bytes())
}

/// Opens an event stream and reads until its first event.
fn open_event_stream(address: &str) -> Result<BufReader<TcpStream>, String> {
    let mut stream = TcpStream::connect(address).expect("server accepts");
    stream.set_read_timeout(Some(PROMPT)).unwrap();
    write!(stream, "GET {EVENTS} HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut stream = BufReader::new(stream);
    let mut seen = String::new();
    while !seen.contains("data: ") {
        let mut line = String::new();
        match stream.read_line(&mut line) {
            Ok(0) | Err(_) => return Err(seen),
            Ok(_) => seen.push_str(&line),
        }
    }
    Ok(stream)
}

/// Connections that sent the start of a request and nothing more.
fn unfinished_requests(address: &str, count: usize) -> Vec<TcpStream> {
    let address = address.parse().expect("socket address");
    (0..count)
        .filter_map(|_| TcpStream::connect_timeout(&address, Duration::from_secs(2)).ok())
        .map(|mut stream| {
            let _ = stream.write_all(b"GET /_codepub/findings HTTP/1.1\r\n");
            stream
        })
        .collect()
}

/// The file descriptors process `pid` holds open.
#[cfg(target_os = "linux")]
fn open_descriptors(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).expect("/proc/PID/fd").count()
}

/// Waits up to `PROMPT` for `condition`.
fn eventually(mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + PROMPT;
    while Instant::now() < deadline {
        if condition() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    condition()
}

#[test]
#[cfg(unix)]
fn serve_answers_again_once_descriptors_that_ran_out_are_freed() {
    let project = project();
    // Enough for the pass and a few connections, not for all those opened below.
    let mut live = Live::start_with_open_files(&project, &["serve", "--port", "0", "--format", "html"], 48);
    live.pass();
    let address = live.address();
    assert_eq!(get(&address, FINDINGS).0, 200);
    let held = unfinished_requests(&address, 80);
    // The server runs out of descriptors while accepting these.
    std::thread::sleep(Duration::from_millis(1500));
    drop(held);
    let answer = request(&address, "GET", FINDINGS, &[("Host", &address)]);
    assert_eq!(answer.map(|(status, _)| status), Some(200), "the server still answers:\n{}", live.seen);
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(target_os = "linux")]
fn a_closed_event_stream_gives_back_its_descriptor_at_once() {
    let project = project();
    let live = serving(&project);
    let address = live.address();
    drop(open_event_stream(&address).expect("an event stream"));
    std::thread::sleep(Duration::from_millis(300));
    let before = open_descriptors(live.pid());
    for _ in 0..30 {
        drop(open_event_stream(&address).expect("an event stream"));
    }
    // No pass has run since: only the closing of each stream can have let it go.
    let mut now = 0;
    let released = eventually(|| {
        now = open_descriptors(live.pid());
        now <= before + 2
    });
    assert!(released, "{before} descriptors open before 30 closed event streams, {now} after");
    assert!(live.stop_with("TERM").success());
}

#[test]
fn event_streams_beyond_the_cap_are_refused_until_one_closes() {
    let project = project();
    let live = serving(&project);
    let address = live.address();
    let mut open: Vec<_> = (0..EVENT_STREAMS)
        .map(|n| open_event_stream(&address).unwrap_or_else(|seen| panic!("stream {n} refused: {seen}")))
        .collect();
    let refused = request(&address, "GET", EVENTS, &[("Host", &address)]);
    assert_eq!(refused.as_ref().map(|(status, _)| *status), Some(503), "{refused:?}");
    open.pop();
    assert!(eventually(|| open_event_stream(&address).is_ok()), "a stream closed makes room for another");
    drop(open);
    assert!(live.stop_with("TERM").success());
}

#[test]
fn a_client_that_stops_reading_blocks_no_one_and_is_cut_off() {
    let project = project();
    let live = serving(&project);
    let address = live.address();
    // Each asks for the large page many times over and reads none of it.
    let stalled: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = TcpStream::connect(&address).expect("server accepts");
            stream.set_write_timeout(Some(Duration::from_secs(2))).unwrap();
            let one = format!("GET /html/index.html HTTP/1.1\r\nHost: {address}\r\n\r\n");
            let _ = stream.write_all(one.repeat(200).as_bytes());
            stream
        })
        .collect();
    let started = Instant::now();
    let answer = request(&address, "GET", FINDINGS, &[("Host", &address)]);
    assert_eq!(answer.map(|(status, _)| status), Some(200), "others are served while those stall");
    // Once no write has gone through for the write timeout, the server lets the client go.
    std::thread::sleep((WRITE_TIMEOUT + Duration::from_secs(5)).saturating_sub(started.elapsed()));
    for mut stream in stalled {
        stream.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        let mut buffer = vec![0; 1 << 16];
        let closed = loop {
            match stream.read(&mut buffer) {
                Ok(0) => break true,
                Ok(_) => continue,
                Err(error) if error.kind() == ErrorKind::ConnectionReset => break true,
                Err(_) => break false,
            }
        };
        assert!(closed, "a client that stopped reading is still connected after {WRITE_TIMEOUT:?}");
    }
    assert!(live.stop_with("TERM").success());
}

#[test]
fn a_connection_that_never_finishes_its_request_is_closed() {
    let project = project();
    let live = serving(&project);
    let address = live.address();
    let mut stream = TcpStream::connect(&address).expect("server accepts");
    stream.write_all(b"GET /_codepub/findings HTTP/1.1\r\nHost: ").unwrap();
    stream.set_read_timeout(Some(HEADER_TIMEOUT + PROMPT)).unwrap();
    let mut answer = Vec::new();
    let closed = match stream.read_to_end(&mut answer) {
        Ok(_) => true,
        Err(error) => error.kind() == ErrorKind::ConnectionReset,
    };
    assert!(closed, "still open {:?} after an unfinished request", HEADER_TIMEOUT + PROMPT);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(live.stop_with("TERM").success());
}

#[test]
#[cfg(target_os = "linux")]
fn connections_beyond_the_cap_wait_without_taking_a_descriptor() {
    let project = project();
    let live = serving(&project);
    let address = live.address();
    assert_eq!(get(&address, FINDINGS).0, 200);
    let before = open_descriptors(live.pid());
    let held = unfinished_requests(&address, CONNECTIONS + 50);
    std::thread::sleep(Duration::from_millis(1000));
    let during = open_descriptors(live.pid());
    assert!(
        during <= before + CONNECTIONS + 2,
        "{before} descriptors before {} connections, {during} with them",
        held.len()
    );
    drop(held);
    let answer = request(&address, "GET", FINDINGS, &[("Host", &address)]);
    assert_eq!(answer.map(|(status, _)| status), Some(200), "served once the others went away");
    assert!(live.stop_with("TERM").success());
}

#[test]
fn oversized_urls_and_headers_are_refused() {
    let project = project();
    let live = serving(&project);
    let address = live.address();
    let host = [("Host", address.as_str())];
    let long_url = format!("/html/{}.html", "a".repeat(5000));
    let answer = request(&address, "GET", &long_url, &host);
    assert_eq!(answer.as_ref().map(|(status, _)| *status), Some(414), "{answer:?}");
    // A megabyte of header: refused once the limit is read, not buffered whole.
    let big = "a".repeat(1 << 20);
    let answer = request(&address, "GET", FINDINGS, &[("Host", &address), ("X-Big", &big)]);
    assert_eq!(answer.as_ref().map(|(status, _)| *status), Some(431), "{:?}", answer.map(|(s, a)| (s, a.len())));
    assert_eq!(get(&address, FINDINGS).0, 200, "the server goes on");
    assert!(live.stop_with("TERM").success());
}

#[test]
fn only_get_and_head_are_answered() {
    let project = project();
    let live = serving(&project);
    let address = live.address();
    let host = [("Host", address.as_str())];
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        for path in [FINDINGS, "/html/index.html", EVENTS] {
            let answer = request(&address, method, path, &host);
            let (status, answer) = answer.unwrap_or_else(|| panic!("{method} {path}: no answer"));
            assert_eq!(status, 405, "{method} {path}: {answer}");
            assert!(answer.to_ascii_lowercase().contains("allow: get, head"), "{answer}");
        }
    }
    let with_body = format!("POST {FINDINGS} HTTP/1.1\r\nHost: {address}\r\nContent-Length: 5\r\n\r\nhello");
    assert_eq!(exchange(&address, with_body.as_bytes()).map(|(status, _)| status), Some(405));
    let (status, head) = request(&address, "HEAD", "/html/index.html", &host).expect("HEAD answered");
    assert_eq!(status, 200);
    let (_, page) = get(&address, "/html/index.html");
    assert!(head.to_ascii_lowercase().contains(&format!("content-length: {}", page.len())), "{head}");
    assert!(head.ends_with("\r\n\r\n"), "no body after the head: {head}");
    assert!(live.stop_with("TERM").success());
}

#[test]
fn a_request_for_another_host_or_from_another_origin_is_refused() {
    let project = project();
    let live = serving(&project);
    let address = live.address();
    let port = address.rsplit(':').next().expect("port").to_string();
    let paths = [FINDINGS, "/html/index.html", "/", EVENTS];
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        "localhost:1".to_string(),
        "".to_string(),
    ] {
        for path in paths {
            let answer = request(&address, "GET", path, &[("Host", &host)]);
            assert_eq!(answer.as_ref().map(|(status, _)| *status), Some(403), "Host {host:?}, {path}: {answer:?}");
        }
    }
    let no_host = request(&address, "GET", FINDINGS, &[]);
    assert_eq!(no_host.map(|(status, _)| status), Some(403), "no Host");
    let absolute =
        format!("GET http://evil.example{FINDINGS} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    assert_eq!(exchange(&address, absolute.as_bytes()).map(|(status, _)| status), Some(403), "absolute URL");
    for origin in [
        "http://evil.example".to_string(),
        "null".to_string(),
        "http://localhost:1".into(),
        format!("https://{address}"),
    ] {
        for path in paths {
            let answer = request(&address, "GET", path, &[("Host", &address), ("Origin", &origin)]);
            assert_eq!(answer.as_ref().map(|(status, _)| *status), Some(403), "Origin {origin}, {path}: {answer:?}");
        }
    }
    let local = [
        address.clone(),
        "127.0.0.1".into(),
        format!("localhost:{port}"),
        "localhost".into(),
        "LocalHost".into(),
        format!("[::1]:{port}"),
        "[::1]".into(),
    ];
    for host in &local {
        let answer = request(&address, "GET", FINDINGS, &[("Host", host)]);
        assert_eq!(answer.as_ref().map(|(status, _)| *status), Some(200), "Host {host}: {answer:?}");
    }
    for origin in [format!("http://{address}"), format!("http://localhost:{port}")] {
        let answer = request(&address, "GET", FINDINGS, &[("Host", &address), ("Origin", &origin)]);
        assert_eq!(answer.as_ref().map(|(status, _)| *status), Some(200), "Origin {origin}: {answer:?}");
    }
    assert!(live.stop_with("TERM").success());
}
