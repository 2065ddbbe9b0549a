//! Code actions: the machine-applicable fixes of the punctuation checks (P006, P007), the same
//! edits `codepub check --fix` makes, offered one by one at the cursor and all at once for the
//! file (planned by [`crate::fix::plan`]: never an accepted finding, never two that overlap).

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
            edit: Some(workspace_edit(vec![edit(fix)])),
            is_preferred: Some(true),
            ..Default::default()
        }));
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
