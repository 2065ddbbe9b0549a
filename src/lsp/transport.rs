//! The protocol's framing on standard input and output (`Content-Length` headers, then a JSON
//! body), in place of `lsp_server::Connection::stdio`: its reader thread ends on the first
//! malformed frame, and the server with it, and allocates whatever `Content-Length` says.
//!
//! Here a malformed frame is answered and passed over, and reading goes on:
//! - a body that is not JSON: a JSON-RPC error -32700 (Parse error), `id` null;
//! - JSON that is not a request, response or notification: -32600 (Invalid Request), with the
//!   body's `id` when it has one;
//! - a body over [`MAX_BODY`] bytes: read and dropped, -32600;
//! - a header block without a usable `Content-Length` (none, not a number, a line over
//!   [`MAX_HEADER_LINE`] bytes or without `:`): -32700, and whatever follows is skipped up to the
//!   next `Content-Length:` (the body, if the client sent one, has no length to go by).
//!
//! Frames that read as messages go to the server loop over `lsp-server`'s channels; its answers
//! come back over them to the writer thread. The reader answers malformed frames itself, through
//! the same lock on the output, so frames never interleave.

use std::io::{self, BufRead, Read, Write};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use lsp_server::{Connection, ErrorCode, Message, RequestId};
use serde_json::{Value, json};

/// The largest body read: twice the largest source file (a document sent whole, escaped).
pub const MAX_BODY: u64 = 2 * crate::source::MAX_FILE_BYTES;

/// The longest header line kept (the protocol's headers are a few dozen bytes).
pub const MAX_HEADER_LINE: usize = 4096;

const PARSE_ERROR: i32 = ErrorCode::ParseError as i32;
const INVALID_REQUEST: i32 = ErrorCode::InvalidRequest as i32;

/// What one frame of the input holds.
#[derive(Debug)]
pub enum Frame {
    Message(Message),
    Malformed(Malformed),
}

/// A frame that is no message, and the error it is answered with.
#[derive(Debug, Clone, PartialEq)]
pub struct Malformed {
    /// -32700 (Parse error) or -32600 (Invalid Request).
    pub code: i32,
    /// The body's `id`, when it has one that is a number or a string.
    pub id: Option<RequestId>,
    pub reason: String,
}

impl Malformed {
    fn parse(reason: impl Into<String>) -> Self {
        Self { code: PARSE_ERROR, id: None, reason: reason.into() }
    }

    /// The JSON-RPC error response to it (`id` null when the frame has none).
    pub fn response(&self) -> Value {
        let id = self.id.as_ref().and_then(|id| serde_json::to_value(id).ok()).unwrap_or(Value::Null);
        let kind = if self.code == PARSE_ERROR { "Parse error" } else { "Invalid Request" };
        json!({
            "jsonrpc": "2.0",
            "id": id,
            "error": { "code": self.code, "message": format!("{kind}: {}", self.reason) },
        })
    }
}

/// One line of the header block.
enum Line {
    Text(Vec<u8>),
    /// Longer than [`MAX_HEADER_LINE`]: read to its end and dropped.
    TooLong,
    End,
}

/// Reads frames one after another from `input`.
pub struct FrameReader<R> {
    input: R,
    /// After a header block without a usable length: skip to the next `Content-Length:`.
    lost: bool,
    /// Bytes already read that begin the next line (the `Content-Length:` found when skipping).
    carried: Vec<u8>,
}

impl<R: BufRead> FrameReader<R> {
    pub fn new(input: R) -> Self {
        Self { input, lost: false, carried: Vec::new() }
    }

    /// The next frame; `None` at the end of the input (a frame cut short included).
    pub fn next_frame(&mut self) -> io::Result<Option<Frame>> {
        if self.lost {
            if !self.skip_to_header()? {
                return Ok(None);
            }
            self.lost = false;
        }
        let mut length: Result<Option<u64>, String> = Ok(None);
        let mut headers = 0;
        loop {
            let line = match self.read_line()? {
                Line::End => return Ok(None),
                Line::TooLong => {
                    headers += 1;
                    length = Err(format!("a header line over {MAX_HEADER_LINE} bytes"));
                    continue;
                }
                Line::Text(line) => line,
            };
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() && headers == 0 {
                // A blank line between frames.
                continue;
            }
            if line.is_empty() {
                break;
            }
            headers += 1;
            if length.is_err() {
                continue;
            }
            length = match line.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    value.trim().parse::<u64>().map(Some).map_err(|_| format!("malformed header {line:?}"))
                }
                Some(_) => length,
                None => Err(format!("malformed header {line:?}")),
            };
        }
        let length = match length.and_then(|length| length.ok_or_else(|| "a header without Content-Length".into())) {
            Ok(length) => length,
            Err(reason) => {
                self.lost = true;
                return Ok(Some(Frame::Malformed(Malformed::parse(reason))));
            }
        };
        let mut body = Vec::new();
        let read = (&mut self.input).take(length.min(MAX_BODY + 1)).read_to_end(&mut body)? as u64;
        if length > MAX_BODY {
            // Dropped as it comes, never held.
            let rest = io::copy(&mut (&mut self.input).take(length - read), &mut io::sink())?;
            if read + rest < length {
                return Ok(None);
            }
            let reason = format!("a body of {length} bytes, over the limit of {MAX_BODY}");
            return Ok(Some(Frame::Malformed(Malformed { code: INVALID_REQUEST, id: None, reason })));
        }
        if read < length {
            return Ok(None);
        }
        Ok(Some(parse(&body)))
    }

    /// One line, `\n` included; lines over [`MAX_HEADER_LINE`] are not kept.
    fn read_line(&mut self) -> io::Result<Line> {
        let mut line = std::mem::take(&mut self.carried);
        let mut too_long = false;
        loop {
            let buffer = match self.input.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                return Ok(match (too_long, line.is_empty()) {
                    (true, _) => Line::TooLong,
                    (false, true) => Line::End,
                    (false, false) => Line::Text(line),
                });
            }
            let (taken, done) = match buffer.iter().position(|&b| b == b'\n') {
                Some(at) => (at + 1, true),
                None => (buffer.len(), false),
            };
            if !too_long {
                line.extend_from_slice(&buffer[..taken]);
                if line.len() > MAX_HEADER_LINE {
                    too_long = true;
                    line = Vec::new();
                }
            }
            self.input.consume(taken);
            if done {
                return Ok(if too_long { Line::TooLong } else { Line::Text(line) });
            }
        }
    }

    /// Skips to the next `Content-Length:` (any case), which then begins the next line read.
    /// `false` at the end of the input.
    fn skip_to_header(&mut self) -> io::Result<bool> {
        const HEADER: &[u8] = b"content-length:";
        // No proper prefix of HEADER recurs in it (`c` is only its first byte): on a mismatch
        // the match starts again at this byte.
        let mut matched = 0;
        self.carried.clear();
        loop {
            let buffer = match self.input.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                return Ok(false);
            }
            let mut used = 0;
            for &byte in buffer {
                used += 1;
                let byte = byte.to_ascii_lowercase();
                if byte == HEADER[matched] {
                    matched += 1;
                    if matched == HEADER.len() {
                        self.input.consume(used);
                        self.carried = b"Content-Length:".to_vec();
                        return Ok(true);
                    }
                } else {
                    matched = usize::from(byte == HEADER[0]);
                }
            }
            self.input.consume(used);
        }
    }
}

/// A body as a message, or the error it is answered with.
fn parse(body: &[u8]) -> Frame {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(error) => return Frame::Malformed(Malformed::parse(error.to_string())),
    };
    let id = value.get("id").and_then(|id| serde_json::from_value::<RequestId>(id.clone()).ok());
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Frame::Message(message),
        Err(error) => {
            let reason = format!("not a request, response or notification: {error}");
            Frame::Malformed(Malformed { code: INVALID_REQUEST, id, reason })
        }
    }
}

/// Writes one frame: its header and `body`.
pub fn write_frame(out: &mut impl Write, body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

/// The reader and writer threads of a connection.
pub struct IoThreads {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl IoThreads {
    /// Waits for both to end: the reader at the end of its input or after `exit`, the writer
    /// once the server's side of the connection is dropped.
    pub fn join(self) -> io::Result<()> {
        let reader = self.reader.join().unwrap_or_else(|_| Err(io::Error::other("the reader panicked")));
        let writer = self.writer.join().unwrap_or_else(|_| Err(io::Error::other("the writer panicked")));
        reader.and(writer)
    }
}

/// A connection over standard input and output.
pub fn stdio() -> (Connection, IoThreads) {
    connect(io::BufReader::new(io::stdin()), io::stdout())
}

/// A connection reading frames from `input` and writing them to `output`.
pub fn connect(input: impl BufRead + Send + 'static, output: impl Write + Send + 'static) -> (Connection, IoThreads) {
    // Two connected ends: the server's, returned, and the threads'.
    let (server, threads) = Connection::memory();
    let output = Arc::new(Mutex::new(output));
    let reader_output = Arc::clone(&output);
    let Connection { sender: to_server, receiver: from_server } = threads;
    let reader = std::thread::spawn(move || {
        let mut frames = FrameReader::new(input);
        while let Some(frame) = frames.next_frame()? {
            match frame {
                Frame::Message(message) => {
                    let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                    if to_server.send(message).is_err() || exit {
                        break;
                    }
                }
                Frame::Malformed(malformed) => {
                    eprintln!("codepub lsp: answered a malformed frame: {}", malformed.reason);
                    let mut out = reader_output.lock().unwrap_or_else(PoisonError::into_inner);
                    write_frame(&mut *out, &malformed.response().to_string())?;
                }
            }
        }
        Ok(())
    });
    let writer = std::thread::spawn(move || {
        for message in from_server {
            let mut out = output.lock().unwrap_or_else(PoisonError::into_inner);
            message.write(&mut *out)?;
        }
        Ok(())
    });
    (server, IoThreads { reader, writer })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn frames(input: &str) -> Vec<Frame> {
        let mut reader = FrameReader::new(input.as_bytes());
        std::iter::from_fn(|| reader.next_frame().unwrap()).collect()
    }

    const HOVER: &str = r#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}"#;

    fn is_hover(frame: &Frame) -> bool {
        matches!(frame, Frame::Message(Message::Request(r)) if r.method == "textDocument/hover")
    }

    fn code(frame: &Frame) -> Option<i32> {
        match frame {
            Frame::Malformed(m) => Some(m.code),
            Frame::Message(_) => None,
        }
    }

    #[test]
    fn a_body_that_is_not_json_is_a_parse_error_and_the_next_frame_is_read() {
        let read = frames(&(frame("{not json}") + &frame(HOVER)));
        assert_eq!(read.len(), 2);
        assert_eq!(code(&read[0]), Some(PARSE_ERROR));
        assert!(is_hover(&read[1]));
        let Frame::Malformed(malformed) = &read[0] else { unreachable!() };
        let response = malformed.response();
        assert_eq!((response["id"].clone(), response["error"]["code"].clone()), (Value::Null, json!(-32700)));
    }

    #[test]
    fn a_length_that_is_no_number_is_skipped_to_the_next_header_with_or_without_a_body() {
        for bad in ["Content-Length: abc\r\n\r\n", "Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\"}", "junk\r\n\r\n"] {
            let read = frames(&format!("{bad}{}", frame(HOVER)));
            assert_eq!(read.len(), 2, "{bad:?}");
            assert_eq!(code(&read[0]), Some(PARSE_ERROR), "{bad:?}");
            assert!(is_hover(&read[1]), "{bad:?}");
        }
    }

    #[test]
    fn json_that_is_no_message_is_an_invalid_request_answered_with_its_id() {
        let read = frames(&frame(r#"{"jsonrpc":"2.0","id":"x","method":3}"#));
        let Frame::Malformed(malformed) = &read[0] else { panic!("{read:?}") };
        assert_eq!(malformed.code, INVALID_REQUEST);
        assert_eq!(malformed.response()["id"], "x");
    }

    #[test]
    fn headers_in_any_case_and_order_and_lf_line_ends_are_read() {
        let input = format!("Content-Type: application/vscode-jsonrpc\ncontent-length:{}\n\n{HOVER}", HOVER.len());
        let read = frames(&input);
        assert!(read.len() == 1 && is_hover(&read[0]), "{read:?}");
    }

    #[test]
    fn an_overlong_header_line_or_body_is_refused_without_being_kept() {
        let long = format!("X-Padding: {}\r\n{}", "a".repeat(MAX_HEADER_LINE * 4), frame(HOVER));
        let read = frames(&long);
        assert_eq!(code(&read[0]), Some(PARSE_ERROR));
        // A length over the limit, cut short by the end of the input: nothing more to read.
        let read = frames(&format!("Content-Length: {}\r\n\r\n{{}}", MAX_BODY + 1));
        assert!(read.is_empty(), "{read:?}");
        let read = frames(&format!("Content-Length: 99999999999999999999999\r\n\r\n{}", frame(HOVER)));
        assert_eq!(code(&read[0]), Some(PARSE_ERROR));
        assert!(is_hover(&read[1]));
    }

    #[test]
    fn a_frame_cut_short_ends_the_input() {
        assert!(frames("Content-Length: 50\r\n\r\n{\"a\"").is_empty());
        assert!(frames("Content-Len").is_empty());
        assert!(frames("").is_empty());
    }

    /// Output shared with the test.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().write(bytes)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_threads_answer_a_malformed_frame_and_pass_on_the_next_and_the_server_answers_it() {
        let exit = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        let input = frame("{not json}") + "Content-Length: abc\r\n\r\n" + &frame(HOVER) + &frame(exit);
        let output = Shared::default();
        let (connection, threads) = connect(io::Cursor::new(input.into_bytes()), output.clone());
        let Ok(Message::Request(request)) = connection.receiver.recv() else { panic!("the hover request") };
        connection.sender.send(lsp_server::Response::new_ok(request.id, "answer").into()).unwrap();
        assert!(matches!(connection.receiver.recv(), Ok(Message::Notification(n)) if n.method == "exit"));
        drop(connection);
        threads.join().unwrap();
        let written = String::from_utf8(output.0.lock().unwrap().clone()).unwrap();
        assert_eq!(written.matches("\"code\":-32700").count(), 2, "{written}");
        assert!(written.contains(r#""id":7,"result":"answer""#), "{written}");
    }
}
