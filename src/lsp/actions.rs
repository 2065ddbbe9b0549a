//! Code actions: the machine-applicable fixes of the checks (the punctuation of P006 and P007,
//! a heading's new id of P001, written into its counterpart in the other language's file too),
//! the same edits `codepub check --fix` makes, offered one by one at the cursor and all at once
//! for the file (planned by [`crate::fix::plan`]: never an accepted finding, never two that
//! overlap); and for each finding at the cursor, "accept this finding…": the entry
//! `codepub check --accept` would write, bound to the finding, as an edit of the baseline file
//! (the editor shows it, undoes it, saves it). An action asks nothing, so the entry's reason is
//! [`crate::baseline::PLACEHOLDER_REASON`], which the check reports until the publisher writes one.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit};

use super::position::{offset, range};
use super::project::ProjectState;
use crate::check::{Context, Fix, Report};
use crate::i18n::{Localizer, Message};
use crate::load::Project;
use crate::source::FileId;

pub(super) fn quick_fixes(
    state: &ProjectState,
    project: &Project,
    report: &Report,
    file: FileId,
    uri: &Uri,
    requested: Range,
    l10n: &Localizer,
) -> Vec<CodeActionOrCommand> {
    let source = project.sources.get(file);
    let (from, to) = (offset(source, requested.start), offset(source, requested.end));
    let touches = |start: usize, end: usize| start <= to && from <= end;
    let alignment = project.alignment();
    let cx = Context::new(project, &alignment).with_glyphs(crate::glyphs::bundled());
    let edit =
        |fix: &Fix| TextEdit { range: range(source, fix.span.start, fix.span.end), new_text: fix.replacement.clone() };
    let workspace_edit = |edits: Vec<TextEdit>| WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    };
    // A heading's new id goes into its counterpart in the other file too (P001's fix).
    let with_counterpart = |finding: &crate::check::Finding, fix: &Fix, mut changes: WorkspaceEdit| {
        if finding.code() != "P001" {
            return changes;
        }
        let counterpart = report.findings.iter().filter(|other| other.accepted.is_none() && other.code() == "P001");
        let counterpart = counterpart
            .filter_map(|other| other.fix())
            .find(|other| other.span.file != file && other.replacement == fix.replacement);
        if let Some(other) = counterpart {
            let other_source = project.sources.get(other.span.file);
            let relative = std::path::Path::new(project.sources.name(other.span.file));
            let text_edit = TextEdit {
                range: range(other_source, other.span.start, other.span.end),
                new_text: other.replacement.clone(),
            };
            changes.changes.get_or_insert_default().insert(super::project::uri_in(state, relative), vec![text_edit]);
        }
        changes
    };

    let mut actions = Vec::new();
    for finding in report.findings.iter().filter(|finding| finding.accepted.is_none()) {
        let Some(fix) = finding.fix().filter(|fix| fix.span.file == file) else { continue };
        let primary = finding.labels().first().filter(|label| label.span.file == file);
        let at_cursor = touches(fix.span.start, fix.span.end)
            || primary.is_some_and(|label| touches(label.span.start, label.span.end));
        if !at_cursor {
            continue;
        }
        let (_, diagnostic) = super::diagnostics::of_finding(state, &cx, finding, l10n);
        let old = &source.text[fix.span.range()];
        let message = match (old.is_empty(), fix.replacement.is_empty()) {
            (true, _) => Message::new("lsp-fix-insert").arg("new", &fix.replacement),
            (false, true) => Message::new("lsp-fix-delete").arg("old", old),
            (false, false) => Message::new("lsp-fix-replace").arg("old", old).arg("new", &fix.replacement),
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("{}: {}", finding.code(), l10n.format(&message)),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(with_counterpart(finding, fix, workspace_edit(vec![edit(fix)]))),
            is_preferred: Some(true),
            ..Default::default()
        }));
    }

    for finding in report.findings.iter().filter(|finding| finding.accepted.is_none()) {
        let primary = finding.labels().first().filter(|label| label.span.file == file);
        if primary.is_some_and(|label| touches(label.span.start, label.span.end)) {
            let (_, diagnostic) = super::diagnostics::of_finding(state, &cx, finding, l10n);
            actions.push(accept(state, project, finding, diagnostic, l10n));
        }
    }

    let planned = crate::fix::plan(report).remove(&file).unwrap_or_default();
    if planned.len() > 1 {
        let message = Message::new("lsp-fix-all").num("count", planned.len() as i64);
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: l10n.format(&message),
            kind: Some(CodeActionKind::SOURCE_FIX_ALL),
            edit: Some(workspace_edit(planned.iter().map(edit).collect())),
            ..Default::default()
        }));
    }
    actions
}

/// "Accept this finding…": the baseline file (the editor's buffer when it is open, else the file
/// on disk, else a new file) with the finding's entry written in, as `codepub check --accept`
/// writes it (in place of the entry that accepted it before it changed), reason to be written.
fn accept(
    state: &ProjectState,
    project: &Project,
    finding: &crate::check::Finding,
    diagnostic: lsp_types::Diagnostic,
    l10n: &Localizer,
) -> CodeActionOrCommand {
    use lsp_types::{
        CreateFile, CreateFileOptions, DocumentChangeOperation, DocumentChanges, OneOf,
        OptionalVersionedTextDocumentIdentifier, ResourceOp, TextDocumentEdit,
    };
    let relative = &project.config.content.baseline;
    let uri = super::project::uri_in(state, relative);
    let old = match state.open.get(relative) {
        Some((_, text)) => Some(text.clone()),
        None => std::fs::read_to_string(state.root.join(relative)).ok(),
    };
    let reason = crate::baseline::PLACEHOLDER_REASON;
    let entries = codepub_check::accept::entries(&[finding], &project.baseline, reason);
    let new = codepub_check::accept::baseline_text(old.as_deref(), &project.baseline, &entries);
    let whole = match &old {
        Some(text) => {
            range(&crate::source::SourceFile::new(project.baseline.path.clone(), text.clone()), 0, text.len())
        }
        None => Range::default(),
    };
    let edit = TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version: None },
        edits: vec![OneOf::Left(TextEdit { range: whole, new_text: new })],
    };
    let mut operations = Vec::new();
    if old.is_none() {
        let options = CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) };
        let create = CreateFile { uri, options: Some(options), annotation_id: None };
        operations.push(DocumentChangeOperation::Op(ResourceOp::Create(create)));
    }
    operations.push(DocumentChangeOperation::Edit(edit));
    let message = Message::new("lsp-accept").arg("path", &project.baseline.path);
    CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("{}: {}", finding.code(), l10n.format(&message)),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(operations)),
            ..Default::default()
        }),
        ..Default::default()
    })
}
