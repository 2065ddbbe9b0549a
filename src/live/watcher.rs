//! What `codepub watch` watches, with the `notify` crate: the folders the configuration names
//! (`[content] dir`, and the folders of the glossary, baseline and translation record when they
//! lie elsewhere), `templates/` and the `--font-path` folders, each recursively, and the project
//! folder itself for `codepub.toml` (an editor's save by rename is seen there). Each event that
//! may change a file (not a read: every pass reads the sources) is sorted into the [`Changes`]
//! it makes; everything the loop waits for (a change, a watch error, a stop signal, a failed
//! server) arrives as one [`LiveEvent`] on one channel, and the loop debounces ([`next_batch`]):
//! it starts a pass once the inputs have been quiet for [`DEBOUNCE`], or [`LONGEST_BATCH`] after
//! the first change.
//!
//! A watch follows a folder, not its name: a folder replaced as a whole (`mv content old && cp -r
//! old content`), made after the start, or named anew in `codepub.toml` would go unseen. So the
//! folders between the project folder and each watched folder are watched too (not
//! recursively), and an event on a watched folder itself, on a folder above it, or on
//! `codepub.toml` asks for [`SourceWatcher::rewatch`]: the configuration is read again and every
//! watch set afresh, before the pass that reads the result.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::config::{CONFIG_FILE, ContentConfig};
use crate::load::DirTree;

/// How long the file system must be quiet before a batch of events is a change: an editor's
/// save (temporary file, rename) is one change. Typst's `watch` waits as long.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// The longest a batch gathers events after its first change: a steady stream of events (a
/// tool writing files one after another) still gets a pass this often.
pub const LONGEST_BATCH: Duration = Duration::from_millis(500);

/// The events of one wait of the loop ([`next_batch`]).
#[derive(Debug, Default)]
pub struct Batch {
    /// What the batch's changes touched; nothing when it ended without one.
    pub changes: Changes,
    /// A stop signal came, or every sender is gone.
    pub stop: bool,
    /// The watch's failures, each to be said.
    pub watch_failures: Vec<String>,
    /// The server of `codepub serve` stopped: the batch ended there.
    #[cfg(feature = "html")]
    pub server_failed: Option<super::serve::ServeError>,
}

/// Waits for the next batch of events on `received`: for a first change (or a stop), then for
/// the changes that follow it until the inputs have been quiet for `quiet`, or `longest` has
/// passed since the first change.
pub fn next_batch(received: &Receiver<LiveEvent>, quiet: Duration, longest: Duration) -> Batch {
    let mut batch = Batch::default();
    let mut first_change: Option<Instant> = None;
    loop {
        let event = match first_change {
            None => received.recv().ok(),
            Some(at) => match longest.checked_sub(at.elapsed()) {
                Some(left) if !left.is_zero() => received.recv_timeout(quiet.min(left)).ok(),
                _ => None,
            },
        };
        let Some(event) = event else {
            // Quiet after a change, the batch's time is up, or nobody is left to send.
            batch.stop |= first_change.is_none();
            return batch;
        };
        match event {
            LiveEvent::Changed(more) => {
                batch.changes.merge(more);
                first_change.get_or_insert_with(Instant::now);
            }
            LiveEvent::WatchFailed(reason) => batch.watch_failures.push(reason),
            LiveEvent::Stop => {
                batch.stop = true;
                return batch;
            }
            #[cfg(feature = "html")]
            LiveEvent::ServerFailed(error) => {
                batch.server_failed = Some(error);
                return batch;
            }
        }
    }
}

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
    /// The content folder, the glossary, baseline or translation record, or `codepub.toml`.
    pub sources: bool,
    pub templates: bool,
    pub fonts: bool,
    /// A watched folder, or a folder above one, was made, removed or replaced, or
    /// `codepub.toml` changed: the watches are to be set again ([`SourceWatcher::rewatch`]).
    pub rewatch: bool,
}

impl Changes {
    /// Everything, as on the first pass.
    pub fn all() -> Self {
        Self { sources: true, templates: true, fonts: true, rewatch: false }
    }

    pub fn any(self) -> bool {
        self.sources || self.templates || self.fonts
    }

    /// Adds what `other` touched.
    pub fn merge(&mut self, other: Changes) {
        self.sources |= other.sources;
        self.templates |= other.templates;
        self.fonts |= other.fonts;
        self.rewatch |= other.rewatch;
    }
}

/// The watched inputs of a project, as its configuration names them.
#[derive(Clone, Debug)]
pub struct Inputs {
    root: PathBuf,
    font_dirs: Vec<PathBuf>,
    /// `[content] dir`.
    content: PathBuf,
    /// The glossary, the baseline and the translation record (inside the content folder or not).
    named_files: Vec<PathBuf>,
}

impl Inputs {
    /// The inputs of the project at `root`, after its `codepub.toml` (the defaults when it cannot
    /// be read: the pass says why).
    pub fn new(root: &Path, font_dirs: &[PathBuf]) -> Self {
        // Events name absolute paths: compare with absolute ones.
        let absolute = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let root = absolute(root);
        // Only `[content]`: an error elsewhere in the file leaves the folders where they are.
        let config: Option<ContentSection> =
            crate::load::read_toml(&DirTree::new(&root), Path::new(CONFIG_FILE)).ok().flatten();
        let content = config.map(|config| config.content).unwrap_or_default();
        // As the loader reads them: relative to the project folder, `.` and trailing `/` aside.
        let under_root = |relative: &Path| -> PathBuf { root.join(relative).components().collect() };
        Self {
            content: under_root(&content.dir),
            named_files: [&content.glossary, &content.baseline, &content.lock].map(|p| under_root(p)).to_vec(),
            font_dirs: font_dirs.iter().map(|dir| absolute(dir)).collect(),
            root,
        }
    }

    fn templates(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// The folders watched recursively, with what a change in each touches.
    fn trees(&self) -> Vec<(PathBuf, Changes)> {
        let sources = Changes { sources: true, ..Changes::default() };
        let mut trees = vec![(self.content.clone(), sources)];
        trees.push((self.templates(), Changes { templates: true, ..Changes::default() }));
        trees.extend(self.font_dirs.iter().map(|dir| (dir.clone(), Changes { fonts: true, ..Changes::default() })));
        trees
    }

    /// The folders watched on their own (not recursively), besides the [`Inputs::trees`]: the
    /// project folder, and every folder between it and a watched folder or named file (for one
    /// outside the project folder, its parent), where the folder or file can appear, go or be
    /// replaced. A folder inside a tree is watched with it.
    fn folders(&self) -> Vec<PathBuf> {
        let trees: Vec<PathBuf> = self.trees().into_iter().map(|(tree, _)| tree).collect();
        let mut folders = vec![self.root.clone()];
        for target in trees.iter().chain(&self.named_files) {
            let Some(parent) = target.parent() else { continue };
            let above: Vec<&Path> = if target.starts_with(&self.root) {
                parent.ancestors().take_while(|folder| folder.starts_with(&self.root)).collect()
            } else {
                vec![parent]
            };
            for folder in above {
                let in_a_tree = trees.iter().any(|tree| folder.starts_with(tree));
                if !in_a_tree && !folders.iter().any(|f| f == folder) {
                    folders.push(folder.to_path_buf());
                }
            }
        }
        folders
    }

    /// What a change to `path` touches; nothing for a path outside the inputs (the output
    /// folder, an editor's file beside `codepub.toml`). A change to a watched folder itself or to
    /// a folder above one also asks for the watches to be set again, and so does one to
    /// `codepub.toml`, which names the folders.
    pub fn classify(&self, path: &Path) -> Changes {
        let mut changes = Changes::default();
        for (tree, touches) in self.trees() {
            if tree.starts_with(path) {
                changes.merge(touches);
                changes.rewatch = true;
            } else if path.starts_with(&tree) {
                changes.merge(touches);
            }
        }
        for file in &self.named_files {
            if file.starts_with(path) {
                changes.sources = true;
                changes.rewatch |= file != path;
            }
        }
        if path == self.root.join(CONFIG_FILE) {
            changes.sources = true;
            changes.rewatch = true;
        }
        // The font folders come first: a font folder inside the project is not a source.
        if changes.fonts && self.font_dirs.iter().any(|dir| path.starts_with(dir)) {
            changes.sources = false;
            changes.templates = false;
        }
        changes
    }
}

/// The `[content]` table of `codepub.toml`, the rest passed over.
#[derive(serde::Deserialize)]
struct ContentSection {
    #[serde(default)]
    content: ContentConfig,
}

/// The running watch; dropping it stops it.
pub struct SourceWatcher {
    watcher: RecommendedWatcher,
    /// Shared with the event handler, which sorts events by them.
    inputs: Arc<Mutex<Inputs>>,
    font_dirs: Vec<PathBuf>,
    /// What is watched now, and how.
    watched: Vec<(PathBuf, RecursiveMode)>,
}

impl SourceWatcher {
    /// Starts watching the inputs of the project at `root`, sending a [`LiveEvent`] per batch of
    /// changes to `events`. A watched folder that does not exist yet is watched once it does.
    pub fn start(root: &Path, font_dirs: &[PathBuf], events: Sender<LiveEvent>) -> Result<Self, WatchError> {
        let inputs = Arc::new(Mutex::new(Inputs::new(root, font_dirs)));
        let sorter = Arc::clone(&inputs);
        let root = lock(&inputs).root.clone();
        let watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
            let event = match result {
                // Reading a file changes nothing, and every pass reads the sources.
                Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
                Ok(event) => {
                    let inputs = lock(&sorter);
                    let mut changes = Changes::default();
                    for path in &event.paths {
                        changes.merge(inputs.classify(path));
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
        .map_err(|error| WatchError { path: root.clone(), error })?;
        let mut started = Self { watcher, inputs, font_dirs: font_dirs.to_vec(), watched: Vec::new() };
        started.watch_all()?;
        Ok(started)
    }

    /// Reads the configuration again and sets every watch afresh: after a watched folder was
    /// made, removed or replaced, or `codepub.toml` changed. The next pass reads whatever the
    /// folders hold by then, so nothing changed in between is missed.
    pub fn rewatch(&mut self) -> Result<(), WatchError> {
        let root = lock(&self.inputs).root.clone();
        *lock(&self.inputs) = Inputs::new(&root, &self.font_dirs);
        for (path, _) in std::mem::take(&mut self.watched) {
            // Gone with its folder, or already dropped by the watcher: either way not watched.
            let _ = self.watcher.unwatch(&path);
        }
        self.watch_all()
    }

    /// Watches every input folder that exists: an error only when one that exists cannot be.
    fn watch_all(&mut self) -> Result<(), WatchError> {
        let inputs = lock(&self.inputs).clone();
        let wanted = (inputs.trees().into_iter().map(|(tree, _)| (tree, RecursiveMode::Recursive)))
            .chain(inputs.folders().into_iter().map(|folder| (folder, RecursiveMode::NonRecursive)));
        for (path, mode) in wanted {
            if !path.is_dir() || self.watched.iter().any(|(watched, _)| *watched == path) {
                continue;
            }
            match self.watcher.watch(&path, mode) {
                Ok(()) => self.watched.push((path, mode)),
                // Removed since it was looked at: its parent's watch sees it come back.
                Err(error) if matches!(&error.kind, notify::ErrorKind::PathNotFound) => {}
                Err(error) => return Err(WatchError { path, error }),
            }
        }
        Ok(())
    }
}

fn lock(inputs: &Mutex<Inputs>) -> std::sync::MutexGuard<'_, Inputs> {
    inputs.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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
        let rewatch = Changes { sources: true, rewatch: true, ..Changes::default() };
        assert_eq!(touched("/nonexistent/project/codepub.toml"), rewatch);
        // The content folder itself made, removed or renamed: the watches are set again.
        assert_eq!(touched("/nonexistent/project/content"), rewatch);
        assert_eq!(
            touched("/nonexistent/project/templates"),
            Changes { templates: true, rewatch: true, ..Changes::default() }
        );
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
    fn the_folders_the_configuration_names_are_watched_and_those_above_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::write(
            root.join(CONFIG_FILE),
            "[content]\ndir = \"texts/official/\"\nglossary = \"terms/glossary.toml\"\n",
        )
        .unwrap();
        let inputs = Inputs::new(&root, &[]);
        let trees: Vec<PathBuf> = inputs.trees().into_iter().map(|(tree, _)| tree).collect();
        assert_eq!(trees, [root.join("texts/official"), root.join("templates")]);
        // The project folder, the folder above the content folder, the glossary's folder, and
        // that of the baseline and translation record (`content/` unless named otherwise).
        assert_eq!(inputs.folders(), [root.clone(), root.join("texts"), root.join("terms"), root.join("content")]);
        let sources = Changes { sources: true, ..Changes::default() };
        let rewatch = Changes { rewatch: true, ..sources };
        assert_eq!(inputs.classify(&root.join("texts/official/ja/a.md")), sources);
        assert_eq!(inputs.classify(&root.join("terms/glossary.toml")), sources);
        assert_eq!(inputs.classify(&root.join("texts")), rewatch);
        assert!(!inputs.classify(&root.join("content/ja/a.md")).any(), "content/ holds no sources here");
        assert_eq!(inputs.classify(&root.join("content/accepted.toml")), sources);
        assert!(!inputs.classify(&root.join("terms/notes.txt")).any());
    }

    fn changed() -> LiveEvent {
        LiveEvent::Changed(Changes { sources: true, ..Changes::default() })
    }

    #[test]
    fn a_batch_gathers_the_changes_that_follow_each_other_closely_and_ends_when_quiet() {
        let (send, received) = std::sync::mpsc::channel();
        send.send(LiveEvent::WatchFailed("too many watches".into())).unwrap();
        send.send(changed()).unwrap();
        send.send(LiveEvent::Changed(Changes { templates: true, ..Changes::default() })).unwrap();
        let batch = next_batch(&received, Duration::from_millis(50), Duration::from_secs(60));
        assert_eq!(batch.changes, Changes { sources: true, templates: true, ..Changes::default() });
        assert_eq!(batch.watch_failures, ["too many watches"]);
        assert!(!batch.stop);
        // A change after the quiet is the next batch's.
        send.send(changed()).unwrap();
        assert!(next_batch(&received, Duration::from_millis(50), Duration::from_secs(60)).changes.any());
        send.send(LiveEvent::Stop).unwrap();
        assert!(next_batch(&received, Duration::from_millis(50), Duration::from_secs(60)).stop);
        drop(send);
        assert!(next_batch(&received, Duration::from_millis(50), Duration::from_secs(60)).stop, "nobody left to send");
    }

    #[test]
    fn a_steady_stream_of_changes_still_gets_a_pass_once_the_longest_batch_is_up() {
        let (send, received) = std::sync::mpsc::channel();
        let stream = std::thread::spawn(move || {
            // A change every 20 ms for 6 s: never quiet for the second a batch waits for.
            for _ in 0..300 {
                if send.send(changed()).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let started = Instant::now();
        let batch = next_batch(&received, Duration::from_secs(1), Duration::from_millis(200));
        let waited = started.elapsed();
        assert!(batch.changes.sources && !batch.stop);
        assert!(waited < Duration::from_secs(3), "the batch ended after {waited:?}, with the stream still going");
        drop(received);
        stream.join().unwrap();
    }

    #[test]
    fn merged_changes_keep_everything_touched() {
        let mut changes = Changes { sources: true, ..Changes::default() };
        changes.merge(Changes { fonts: true, ..Changes::default() });
        assert_eq!(changes, Changes { sources: true, templates: false, fonts: true, rewatch: false });
        assert!(Changes::all().any() && !Changes::default().any());
    }
}
