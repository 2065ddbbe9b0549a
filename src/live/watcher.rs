//! What `codepub watch` watches: `content/`, `templates/` and the `--font-path` folders, each
//! recursively, and `codepub.toml` (through the project folder, so an editor's save by rename is
//! seen), with the `notify` crate. Each event that may change a file (not a read: every pass
//! reads the sources) is sorted into the [`Changes`] it makes; everything the loop waits for (a
//! change, a watch error, a stop signal, a failed server) arrives as one [`LiveEvent`] on one channel, and the
//! loop debounces: it starts a pass once the inputs have been quiet for [`DEBOUNCE`].

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::config::CONFIG_FILE;

/// How long the file system must be quiet before a batch of events is a change: an editor's
/// save (temporary file, rename) is one change.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// What the live loop waits for.
#[derive(Debug)]
pub enum LiveEvent {
    Changed(Changes),
    /// The watch failed (a watched folder removed, too many watches): said, and the loop goes on.
    WatchFailed(String),
    /// Ctrl-C, SIGTERM or SIGHUP: stop.
    Stop,
    /// The server of `codepub serve` stopped on its own (its listener failed): the command ends
    /// with this error.
    #[cfg(feature = "html")]
    ServerFailed(super::serve::ServeError),
}

/// Which inputs a batch of events touched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// `content/` or `codepub.toml`.
    pub sources: bool,
    pub templates: bool,
    pub fonts: bool,
}

impl Changes {
    /// Everything, as on the first pass.
    pub fn all() -> Self {
        Self { sources: true, templates: true, fonts: true }
    }

    pub fn any(self) -> bool {
        self.sources || self.templates || self.fonts
    }

    /// Adds what `other` touched.
    pub fn merge(&mut self, other: Changes) {
        self.sources |= other.sources;
        self.templates |= other.templates;
        self.fonts |= other.fonts;
    }
}

/// The watched inputs of a project.
#[derive(Clone, Debug)]
pub struct Inputs {
    root: PathBuf,
    font_dirs: Vec<PathBuf>,
}

impl Inputs {
    pub fn new(root: &Path, font_dirs: &[PathBuf]) -> Self {
        // Events name absolute paths: compare with absolute ones.
        let absolute = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        Self { root: absolute(root), font_dirs: font_dirs.iter().map(|dir| absolute(dir)).collect() }
    }

    fn content(&self) -> PathBuf {
        self.root.join("content")
    }

    fn templates(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// What a change to `path` touches; nothing for a path outside the inputs (the output
    /// folder, an editor's file beside `codepub.toml`).
    pub fn classify(&self, path: &Path) -> Changes {
        let mut changes = Changes::default();
        if self.font_dirs.iter().any(|dir| path.starts_with(dir)) {
            changes.fonts = true;
        } else if path.starts_with(self.templates()) {
            changes.templates = true;
        } else if path.starts_with(self.content()) || path == self.root.join(CONFIG_FILE) {
            changes.sources = true;
        }
        changes
    }
}

/// The running watch; dropping it stops it.
pub struct SourceWatcher {
    watcher: RecommendedWatcher,
    inputs: Inputs,
    /// Whether `templates/` is watched: it may be made (or removed) while codepub runs.
    templates_watched: bool,
}

impl SourceWatcher {
    /// Starts watching the inputs of the project at `root`, sending a [`LiveEvent`] per batch of
    /// changes to `events`.
    pub fn start(root: &Path, font_dirs: &[PathBuf], events: Sender<LiveEvent>) -> Result<Self, WatchError> {
        let inputs = Inputs::new(root, font_dirs);
        let sorter = inputs.clone();
        let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
            let event = match result {
                // Reading a file changes nothing, and every pass reads the sources.
                Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
                Ok(event) => {
                    let mut changes = Changes::default();
                    for path in &event.paths {
                        changes.merge(sorter.classify(path));
                    }
                    if !changes.any() {
                        return;
                    }
                    LiveEvent::Changed(changes)
                }
                Err(error) => LiveEvent::WatchFailed(error.to_string()),
            };
            // The loop has ended when nobody receives: nothing left to tell.
            let _ = events.send(event);
        })
        .map_err(|error| WatchError { path: inputs.root.clone(), error })?;
        let mut watch = |path: &Path, mode| {
            watcher.watch(path, mode).map_err(|error| WatchError { path: path.to_path_buf(), error })
        };
        // The project folder itself (not recursively): `codepub.toml`, and `templates/` made later.
        watch(&inputs.root, RecursiveMode::NonRecursive)?;
        watch(&inputs.content(), RecursiveMode::Recursive)?;
        for dir in &inputs.font_dirs {
            watch(dir, RecursiveMode::Recursive)?;
        }
        let mut started = Self { watcher, inputs, templates_watched: false };
        started.follow_templates()?;
        Ok(started)
    }

    /// Watches `templates/` if it exists and is not watched yet, and notes when it is gone (its
    /// watch ends with it). Called after every batch of changes that touched it: a project's
    /// `templates/` folder made while codepub runs is then watched from the next pass on, and
    /// that pass reads whatever it already holds.
    pub fn follow_templates(&mut self) -> Result<(), WatchError> {
        let templates = self.inputs.templates();
        let exists = templates.is_dir();
        if exists && !self.templates_watched {
            self.watcher
                .watch(&templates, RecursiveMode::Recursive)
                .map_err(|error| WatchError { path: templates.clone(), error })?;
        }
        self.templates_watched = exists;
        Ok(())
    }
}

/// A folder that could not be watched.
#[derive(Debug, thiserror::Error)]
#[error("{}: {error}", path.display())]
pub struct WatchError {
    pub path: PathBuf,
    pub error: notify::Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_sorted_into_the_inputs_they_touch() {
        let root = Path::new("/nonexistent/project");
        let inputs = Inputs::new(root, &[PathBuf::from("/nonexistent/fonts")]);
        let touched = |path: &str| inputs.classify(Path::new(path));
        let sources = Changes { sources: true, ..Changes::default() };
        assert_eq!(touched("/nonexistent/project/content/ja/10-code.md"), sources);
        assert_eq!(touched("/nonexistent/project/codepub.toml"), sources);
        assert_eq!(
            touched("/nonexistent/project/templates/style.typ"),
            Changes { templates: true, ..Changes::default() }
        );
        assert_eq!(touched("/nonexistent/fonts/a.ttf"), Changes { fonts: true, ..Changes::default() });
        for outside in ["/nonexistent/project/out/code-en.pdf", "/nonexistent/project/.codepub.toml.swp", "/elsewhere"]
        {
            assert!(!touched(outside).any(), "{outside}");
        }
    }

    #[test]
    fn merged_changes_keep_everything_touched() {
        let mut changes = Changes { sources: true, ..Changes::default() };
        changes.merge(Changes { fonts: true, ..Changes::default() });
        assert_eq!(changes, Changes { sources: true, templates: false, fonts: true });
        assert!(Changes::all().any() && !Changes::default().any());
    }
}
