//! `codepub lsp`: a Language Server over standard input and output, for translators editing
//! the sources in their editor. It publishes the findings of `codepub check` from the unsaved
//! buffers as they change, shows the counterpart of the block under the cursor (hover), jumps to
//! it (go to definition) and applies the punctuation fixes (code actions).
//!
//! This module speaks the protocol (`lsp-server`'s messages and channels, as rust-analyzer does,
//! over codepub's own framing, [`transport`], which answers a malformed frame and goes on);
//! [`Workspace`] holds the documents and analyses. Messages that arrive together are handled
//! together and analysed once.

mod actions;
mod counterpart;
mod diagnostics;
pub mod position;
mod project;
pub mod transport;
mod workspace;

use lsp_server::{Connection, ErrorCode, Message, Notification, ProtocolError, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, GotoDefinition, HoverRequest, RegisterCapability, Request as _, Shutdown};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, DidChangeWatchedFilesRegistrationOptions,
    FileSystemWatcher, GlobPattern, InitializeParams, PositionEncodingKind, Registration, RegistrationParams,
    ServerCapabilities, ServerInfo, TextDocumentContentChangeEvent, TextDocumentSyncCapability, TextDocumentSyncKind,
};

pub use workspace::{Refusal, Workspace};

use crate::source::SourceFile;

/// How the conversation with the client ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// `exit`, after `shutdown` or not.
    Exit { after_shutdown: bool },
    /// Standard input closed: the client is gone.
    Disconnected,
}

/// What the server can do, as told to the client in answer to `initialize`.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(true.into()),
        definition_provider: Some(lsp_types::OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::SOURCE_FIX_ALL]),
            ..Default::default()
        })),
        ..Default::default()
    }
}

/// Answers `initialize` and returns its parameters (the client's locale, among others).
pub fn initialize(connection: &Connection) -> Result<InitializeParams, ProtocolError> {
    let (id, params) = connection.initialize_start()?;
    // Nothing in them is needed to serve: parameters the types do not read are taken as none.
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = lsp_types::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo { name: "codepub".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
    };
    connection.initialize_finish(id, serde_json::to_value(result).unwrap_or_default())?;
    Ok(params)
}

/// Whether the client can watch files for the server (`workspace/didChangeWatchedFiles` with
/// dynamic registration: VS Code can, Neovim from 0.9).
pub fn client_watches_files(params: &InitializeParams) -> bool {
    let watched = params.capabilities.workspace.as_ref().and_then(|w| w.did_change_watched_files.as_ref());
    watched.and_then(|w| w.dynamic_registration) == Some(true)
}

/// Asks the client to tell the server when the projects' files change on disk: the sources,
/// `codepub.toml`, the glossary, the baseline and the translation record (which `codepub
/// sign-off` rewrites), so findings follow what was done outside the editor.
pub fn watch_files(connection: &Connection) {
    let watchers = ["**/*.md", "**/*.toml", "**/*.lock"]
        .map(|pattern| FileSystemWatcher { glob_pattern: GlobPattern::String(pattern.into()), kind: None });
    let options = DidChangeWatchedFilesRegistrationOptions { watchers: watchers.to_vec() };
    let registration = Registration {
        id: "codepub-files".into(),
        method: DidChangeWatchedFiles::METHOD.into(),
        register_options: serde_json::to_value(options).ok(),
    };
    let params = RegistrationParams { registrations: vec![registration] };
    send(connection, Request::new("codepub-watch".to_string().into(), RegisterCapability::METHOD.into(), params));
}

/// Serves the client until `exit` or until its messages stop.
pub fn serve(connection: &Connection, workspace: &mut Workspace) -> Ended {
    let mut shut_down = false;
    loop {
        let Ok(first) = connection.receiver.recv() else { return Ended::Disconnected };
        // Whatever else has arrived is handled with it, and the edits analysed once.
        let mut batch = vec![first];
        while let Ok(next) = connection.receiver.try_recv() {
            batch.push(next);
        }
        for message in batch {
            match message {
                Message::Request(request) if shut_down => {
                    let error = "the server is shut down";
                    send(connection, Response::new_err(request.id, ErrorCode::InvalidRequest as i32, error.into()));
                }
                Message::Request(request) if request.method == Shutdown::METHOD => {
                    shut_down = true;
                    send(connection, Response::new_ok(request.id, ()));
                }
                Message::Request(request) => {
                    // Answers are about the text as it is now: analyse what changed first.
                    publish(connection, workspace);
                    let id = request.id.clone();
                    // A bug in answering is an error response, not the end of the server.
                    let response =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| answer(workspace, request)))
                            .unwrap_or_else(|_| {
                                Response::new_err(
                                    id,
                                    ErrorCode::InternalError as i32,
                                    "codepub lsp failed to answer".into(),
                                )
                            });
                    send(connection, response);
                }
                Message::Notification(notification) if notification.method == "exit" => {
                    return Ended::Exit { after_shutdown: shut_down };
                }
                Message::Notification(notification) => notify(connection, workspace, notification),
                Message::Response(_) => {}
            }
        }
        publish(connection, workspace);
    }
}

fn send(connection: &Connection, message: impl Into<Message>) {
    // The writer only stops when standard output is gone; the reader then ends the loop.
    let _ = connection.sender.send(message.into());
}

/// Analyses the projects edited since their last analysis and publishes their diagnostics.
fn publish(connection: &Connection, workspace: &mut Workspace) {
    for params in workspace.analyse() {
        send(connection, Notification::new(PublishDiagnostics::METHOD.into(), params));
    }
}

fn answer(workspace: &Workspace, request: Request) -> Response {
    let id = request.id.clone();
    let result = match request.method.as_str() {
        HoverRequest::METHOD => params::<lsp_types::HoverParams>(request).map(|p| {
            let at = p.text_document_position_params;
            serde_json::to_value(workspace.hover(&at.text_document.uri, at.position))
        }),
        GotoDefinition::METHOD => params::<lsp_types::GotoDefinitionParams>(request).map(|p| {
            let at = p.text_document_position_params;
            serde_json::to_value(workspace.definition(&at.text_document.uri, at.position))
        }),
        CodeActionRequest::METHOD => params::<lsp_types::CodeActionParams>(request)
            .map(|p| serde_json::to_value(workspace.code_actions(&p.text_document.uri, p.range))),
        method => {
            let message = format!("codepub lsp does not handle {method}");
            return Response::new_err(id, ErrorCode::MethodNotFound as i32, message);
        }
    };
    match result {
        Ok(Ok(value)) => Response::new_ok(id, value),
        Ok(Err(error)) => Response::new_err(id, ErrorCode::InternalError as i32, error.to_string()),
        Err(error) => Response::new_err(id, ErrorCode::InvalidParams as i32, error.to_string()),
    }
}

fn params<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, serde_json::Error> {
    serde_json::from_value(request.params)
}

fn notify(connection: &Connection, workspace: &mut Workspace, notification: Notification) {
    let method = notification.method.clone();
    let handled = match method.as_str() {
        DidOpenTextDocument::METHOD => {
            serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(notification.params).map(|p| {
                if let Some(refused) = workspace.open(p.text_document.uri, p.text_document.text) {
                    send(connection, Notification::new(ShowMessage::METHOD.into(), refused));
                }
            })
        }
        DidChangeTextDocument::METHOD => {
            serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(notification.params).map(|p| {
                let uri = p.text_document.uri;
                if let Some(text) = workspace.text(&uri) {
                    let text = changed(text, p.content_changes);
                    workspace.change(&uri, text);
                }
            })
        }
        DidChangeWatchedFiles::METHOD => {
            serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(notification.params)
                .map(|p| workspace.files_changed(p.changes.iter().filter_map(|change| position::path_of(&change.uri))))
        }
        DidCloseTextDocument::METHOD => {
            serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(notification.params)
                .map(|p| workspace.close(&p.text_document.uri))
        }
        // Saving changes nothing the buffers did not already say; the rest is not for us.
        _ => Ok(()),
    };
    if let Err(error) = handled {
        eprintln!("codepub lsp: ignored a malformed {method}: {error}");
    }
}

/// The text after a `didChange`'s edits: a whole new text, or ranges replaced in turn.
pub fn changed(text: &str, changes: Vec<TextDocumentContentChangeEvent>) -> String {
    let mut text = text.to_string();
    for change in changes {
        match change.range {
            None => text = change.text,
            Some(range) => {
                let file = SourceFile::new("", text);
                let start = position::offset(&file, range.start);
                let end = position::offset(&file, range.end).max(start);
                text = file.text;
                text.replace_range(start..end, &change.text);
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    #[test]
    fn ranged_changes_apply_in_utf16_units_and_whole_texts_replace() {
        let edit = |range: Option<Range>, text: &str| TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.into(),
        };
        let at = |line, character| Position { line, character };
        let text = "私𠮷\nです";
        let after = changed(text, vec![edit(Some(Range { start: at(0, 3), end: at(0, 3) }), "。")]);
        assert_eq!(after, "私𠮷。\nです");
        let after = changed(&after, vec![edit(Some(Range { start: at(1, 0), end: at(1, 2) }), "だ")]);
        assert_eq!(after, "私𠮷。\nだ");
        assert_eq!(changed(&after, vec![edit(None, "new")]), "new");
    }
}
