//! What the language server knows: the projects its documents belong to, the editor's unsaved
//! buffers of their sources, and each project's last analysis (loaded from the folder with the
//! buffers laid over it, then aligned and checked as `codepub check` does). No I/O with the
//! client here: requests go in, LSP values come out, so the request path can be benchmarked.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use lsp_types::{
    CodeActionOrCommand, GotoDefinitionResponse, Hover, MessageType, Position, PublishDiagnosticsParams, Range,
    ShowMessageParams, Uri,
};

use super::diagnostics::ByUri;
use super::position::path_of;
use super::project::{Analysis, ProjectState, file_id};
use crate::check::{self, Context, RunOptions};
use crate::config::{CONFIG_FILE, Config};
use crate::error::InputError;
use crate::i18n::{Localizer, Message};
use crate::load::{DirTree, OverlayTree};
use crate::model::Lang;

/// The documents, projects and analyses of one server.
pub struct Workspace {
    /// `--root`: when given, only this project is served.
    only_root: Option<PathBuf>,
    pub(super) l10n: Localizer,
    projects: BTreeMap<PathBuf, ProjectState>,
    /// Documents refused (outside any project, or not a source), each told once.
    refused: HashSet<Uri>,
}

/// Why a document is not served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a `file:` URI.
    NotAFile,
    /// No folder at or above it holds `codepub.toml` (or, with `--root`, it is not under that root).
    NoProject,
    /// In a project, but not one of its sources (`content/en/*.md`, `content/ja/*.md`).
    NotASource { root: PathBuf },
}

impl Workspace {
    pub fn new(only_root: Option<PathBuf>, l10n: Localizer) -> Self {
        let only_root = only_root.map(|root| std::path::absolute(&root).unwrap_or(root));
        Self { only_root, l10n, projects: BTreeMap::new(), refused: HashSet::new() }
    }

    /// The project root and the path in it of a document, when it is a source of a project.
    pub fn locate(&self, uri: &Uri) -> Result<(PathBuf, PathBuf), Refusal> {
        let path = path_of(uri).ok_or(Refusal::NotAFile)?;
        let path = normalise(&path);
        let root = match &self.only_root {
            Some(root) if path.starts_with(root) => root.clone(),
            Some(_) => return Err(Refusal::NoProject),
            None => path
                .ancestors()
                .skip(1)
                .find(|dir| dir.join(CONFIG_FILE).is_file())
                .map(Path::to_path_buf)
                .ok_or(Refusal::NoProject)?,
        };
        let relative = path.strip_prefix(&root).map_err(|_| Refusal::NoProject)?.to_path_buf();
        let content = content_dir(&root);
        let in_language_folder = Lang::BOTH.iter().any(|lang| relative.starts_with(content.join(lang.code())));
        if !in_language_folder || relative.extension().is_none_or(|ext| ext != "md") {
            return Err(Refusal::NotASource { root });
        }
        Ok((root, relative))
    }

    /// A document opened in the editor; a refusal comes back as the message telling the client.
    pub fn open(&mut self, uri: Uri, text: String) -> Option<ShowMessageParams> {
        match self.locate(&uri) {
            Ok((root, relative)) => {
                let project = self.projects.entry(root.clone()).or_insert_with(|| ProjectState {
                    root,
                    open: BTreeMap::new(),
                    analysis: None,
                    published: HashSet::new(),
                });
                project.open.insert(relative, (uri, text));
                project.analysis = None;
                None
            }
            Err(refusal) => self.refuse(uri, refusal),
        }
    }

    /// The text of an open document, as the editor last sent it.
    pub fn text(&self, uri: &Uri) -> Option<&str> {
        let (project, relative) = self.project_of(uri)?;
        project.open.get(&relative).map(|(_, text)| text.as_str())
    }

    /// The whole new text of an open document.
    pub fn change(&mut self, uri: &Uri, text: String) {
        if let Some((project, relative)) = self.project_of_mut(uri)
            && let Some(open) = project.open.get_mut(&relative)
        {
            open.1 = text;
            project.analysis = None;
        }
    }

    /// A document closed: the project reads the file on disk again.
    pub fn close(&mut self, uri: &Uri) {
        self.refused.remove(uri);
        if let Some((project, relative)) = self.project_of_mut(uri) {
            project.open.remove(&relative);
            project.analysis = None;
        }
    }

    /// Files changed on disk (told by the client's file watcher): the projects holding them are
    /// analysed again. An open source's buffer still wins over its file.
    pub fn files_changed(&mut self, paths: impl Iterator<Item = PathBuf>) {
        for path in paths {
            let path = normalise(&path);
            for project in self.projects.values_mut().filter(|project| path.starts_with(&project.root)) {
                project.analysis = None;
            }
        }
    }

    fn refuse(&mut self, uri: Uri, refusal: Refusal) -> Option<ShowMessageParams> {
        let path = path_of(&uri).map_or_else(|| uri.as_str().to_string(), |path| path.display().to_string());
        let message = match &refusal {
            Refusal::NotAFile | Refusal::NoProject => match &self.only_root {
                Some(root) => {
                    Message::new("lsp-outside-root").arg("path", path).arg("root", root.display().to_string())
                }
                None => Message::new("lsp-no-project").arg("path", path),
            },
            Refusal::NotASource { root } => {
                Message::new("lsp-not-a-source").arg("path", path).arg("dir", content_dir(root).display().to_string())
            }
        };
        let first_time = self.refused.insert(uri);
        first_time.then(|| ShowMessageParams { typ: MessageType::INFO, message: self.l10n.format(&message) })
    }

    pub(super) fn project_of(&self, uri: &Uri) -> Option<(&ProjectState, PathBuf)> {
        let (root, relative) = self.locate(uri).ok()?;
        let project = self.projects.get(&root)?;
        project.open.contains_key(&relative).then_some((project, relative))
    }

    fn project_of_mut(&mut self, uri: &Uri) -> Option<(&mut ProjectState, PathBuf)> {
        let (root, relative) = self.locate(uri).ok()?;
        Some((self.projects.get_mut(&root)?, relative))
    }

    /// Analyses every project edited since its last analysis and returns the diagnostics to
    /// publish: for every file with findings and every open source, and an empty list for each
    /// file that had some and has none now.
    pub fn analyse(&mut self) -> Vec<PublishDiagnosticsParams> {
        let mut out = Vec::new();
        for project in self.projects.values_mut() {
            if project.analysis.is_some() {
                continue;
            }
            let (analysis, mut by_uri) = analyse(project, &self.l10n);
            // Every open source hears, if only that it has nothing.
            for (uri, _) in project.open.values() {
                by_uri.entry(uri.clone()).or_default();
            }
            let now: HashSet<Uri> = by_uri.keys().cloned().collect();
            for uri in project.published.difference(&now) {
                out.push(PublishDiagnosticsParams { uri: uri.clone(), diagnostics: Vec::new(), version: None });
            }
            for (uri, diagnostics) in by_uri {
                out.push(PublishDiagnosticsParams { uri, diagnostics, version: None });
            }
            project.published = now;
            project.analysis = Some(analysis);
        }
        out
    }

    /// Hover on a heading or block: its address, its counterpart and its translation state.
    pub fn hover(&self, uri: &Uri, position: Position) -> Option<Hover> {
        let (project, relative) = self.project_of(uri)?;
        let Some(Analysis::Checked { project: loaded, .. }) = &project.analysis else { return None };
        let file = file_id(loaded, &relative)?;
        super::counterpart::hover(loaded, file, position, &self.l10n)
    }

    /// Go to definition: the counterpart of the heading or block in the other language.
    pub fn definition(&self, uri: &Uri, position: Position) -> Option<GotoDefinitionResponse> {
        let (project, relative) = self.project_of(uri)?;
        let Some(Analysis::Checked { project: loaded, .. }) = &project.analysis else { return None };
        let file = file_id(loaded, &relative)?;
        let location = super::counterpart::definition(project, loaded, file, position)?;
        Some(GotoDefinitionResponse::Scalar(location))
    }

    /// Quick fixes for the findings in `range` that carry a machine-applicable fix.
    pub fn code_actions(&self, uri: &Uri, range: Range) -> Vec<CodeActionOrCommand> {
        let Some((project, relative)) = self.project_of(uri) else { return Vec::new() };
        let Some(Analysis::Checked { project: loaded, report }) = &project.analysis else { return Vec::new() };
        let Some(file) = file_id(loaded, &relative) else { return Vec::new() };
        super::actions::quick_fixes(project, loaded, report, file, uri, range, &self.l10n)
    }
}

/// The project with the open buffers laid over its files, checked as `codepub check` checks it
/// (the baseline applies; the bundled fonts), and its diagnostics: aligned once for both.
fn analyse(state: &ProjectState, l10n: &Localizer) -> (Analysis, ByUri) {
    let buffers: BTreeMap<PathBuf, String> =
        state.open.iter().map(|(relative, (_, text))| (relative.clone(), text.clone())).collect();
    let run = || {
        let base = DirTree::new(&state.root);
        let project = crate::load::load_from(&state.root, &OverlayTree::new(&base, &buffers))?;
        let (report, diagnostics) = {
            let alignment = project.alignment();
            let cx = Context::new(&project, &alignment).with_glyphs(crate::glyphs::bundled());
            let report = check::run_checks(&cx, &check::all_checks(), RunOptions::default());
            let diagnostics = super::diagnostics::of_report(state, &cx, &report, l10n);
            (report, diagnostics)
        };
        Ok::<_, InputError>((Analysis::Checked { project: Box::new(project), report }, diagnostics))
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Ok(checked)) => checked,
        Ok(Err(error)) => {
            let diagnostics = super::diagnostics::of_input_errors(state, &error, l10n);
            (Analysis::NotChecked, diagnostics)
        }
        Err(panic) => {
            let reason = (panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let diagnostics = super::diagnostics::of_crash(state, &reason, l10n);
            (Analysis::NotChecked, diagnostics)
        }
    }
}

/// The folder of a project's language folders, from its `codepub.toml` (`content` when unreadable).
fn content_dir(root: &Path) -> PathBuf {
    let config: Option<Config> = crate::load::read_toml(&DirTree::new(root), Path::new(CONFIG_FILE)).ok().flatten();
    config.map_or_else(|| PathBuf::from("content"), |config| normalise(&config.content.dir))
}

/// `a/./b/../c` as `a/c`, without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
