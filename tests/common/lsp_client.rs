//! A small JSON-RPC client of `codepub lsp`: starts the real binary, frames messages with
//! `Content-Length` as the Language Server Protocol does, and keeps the server's notifications
//! while it waits for an answer.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any one answer may take (a debug build on a busy machine).
pub const PATIENCE: Duration = Duration::from_secs(60);

pub struct LspServer {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Notifications received and not yet looked at.
    pub notifications: Vec<Value>,
    next_id: i64,
}

impl LspServer {
    /// `codepub lsp` with `args` (before `lsp`), in `dir`, messages in English.
    pub fn start(dir: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_codepub"))
            .args(["--lang", "en"])
            .args(args)
            .arg("lsp")
            .current_dir(dir)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("codepub lsp starts");
        let stdout = child.stdout.take().expect("stdout");
        let stdin = child.stdin.take();
        let (sender, incoming) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Self { child, stdin, incoming, notifications: Vec::new(), next_id: 1 }
    }

    /// Started and initialised, by a client with no optional capability.
    pub fn initialized(dir: &Path, args: &[&str]) -> Self {
        Self::initialized_with(dir, args, json!({}))
    }

    /// Started and initialised by a client with `capabilities`.
    pub fn initialized_with(dir: &Path, args: &[&str], capabilities: Value) -> Self {
        let mut server = Self::start(dir, args);
        let result = server.request("initialize", json!({ "capabilities": capabilities, "processId": null }));
        assert_eq!(result["capabilities"]["positionEncoding"], "utf-16", "{result}");
        server.notify("initialized", json!({}));
        server
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write to server");
        stdin.flush().expect("flush");
    }

    /// Writes `bytes` as they are: frames broken on purpose.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write to server");
        stdin.flush().expect("flush");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its whole response (`result` or `error`).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(|message| message["id"] == id && message.get("method").is_none())
    }

    /// Sends a request and returns its `result`, failing on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    /// The next message matching `wanted`; notifications passed on the way are kept.
    pub fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(index) = self.notifications.iter().position(&wanted) {
            return self.notifications.remove(index);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => {
                    if message.get("method").is_some() && message.get("id").is_none() {
                        self.notifications.push(message);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no such message within {PATIENCE:?}: {:#?}", self.notifications)
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            }
        }
    }

    /// The diagnostics of `uri` once the server has caught up with everything sent so far.
    pub fn current_diagnostics(&mut self, uri: &str) -> Vec<Value> {
        self.published_since(uri).expect("diagnostics published for the document")
    }

    /// The diagnostics last published for `uri`, once the server has caught up with everything
    /// sent so far, if any were published since the last look: a request is answered only after
    /// the edits before it are analysed and published, so the answer comes after them.
    pub fn published_since(&mut self, uri: &str) -> Option<Vec<Value>> {
        let at = json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } });
        self.request("textDocument/hover", at);
        let is_for_uri = |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
        let latest = self.notifications.iter().rposition(is_for_uri)?;
        let message = self.notifications.remove(latest);
        self.notifications.retain(|m| !is_for_uri(m));
        Some(message["params"]["diagnostics"].as_array().cloned().unwrap_or_default())
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        let document = json!({ "uri": uri, "languageId": "markdown", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
    }

    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    /// Closes the server's input, as a client that dies does.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// The exit status, once the server has exited within [`PATIENCE`]; `None` if it is still running.
    pub fn exit_status(&mut self) -> Option<ExitStatus> {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for LspServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One framed message, or `None` at the end of the output.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}
