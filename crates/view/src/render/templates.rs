//! Where every template comes from, Typst and HTML alike: the project's `templates/` folder when
//! it has the file, else the default embedded in the binary, file by file. Paths never leave the
//! folder (no `..`, no symbolic link out). Also names each template file the way users see it in
//! error messages. A git revision's templates (the HTML and PDF redline of `codepub diff` use
//! the later revision's) are held in memory, read from the revision, with the same rules.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The default templates, embedded at build time: file name (relative to `templates/`) and text.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("edition.typ", include_str!("../../templates/edition.typ")),
    ("facing.typ", include_str!("../../templates/facing.typ")),
    ("content.typ", include_str!("../../templates/content.typ")),
    ("contents.typ", include_str!("../../templates/contents.typ")),
    ("style.typ", include_str!("../../templates/style.typ")),
    ("redline.typ", include_str!("../../templates/redline.typ")),
    ("page.html", include_str!("../../templates/page.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("style.css", include_str!("../../templates/style.css")),
    ("redline.html", include_str!("../../templates/redline.html")),
];

/// Templates: the project's own (a folder, or a revision's files) over the embedded defaults.
#[derive(Clone, Debug, Default)]
pub struct Templates {
    own: Own,
}

/// Where a project's own templates are.
#[derive(Clone, Debug, Default)]
enum Own {
    #[default]
    None,
    Folder(PathBuf),
    /// The texts of a revision's `templates/` files, by `/`-separated path inside the folder.
    Revision(BTreeMap<String, String>),
}

/// A template file's text and how it is named to users.
#[derive(Clone, Debug)]
pub struct TemplateFile {
    pub text: String,
    /// `templates/page.html` for a project file (relative to the project), `<built-in>/page.html`
    /// for a default.
    pub shown_as: String,
    pub built_in: bool,
}

/// Why a template file could not be read.
pub enum TemplateMiss {
    NotFound,
    Io(std::io::Error),
}

impl Templates {
    /// The templates of the project at `root`: its `templates/` folder, when it has one.
    pub fn of_project(root: &Path) -> Self {
        let dir = root.join("templates");
        Self::new(dir.is_dir().then_some(dir))
    }

    /// Templates from `dir` (when it is a folder) over the defaults.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self { own: dir.filter(|dir| dir.is_dir()).map_or(Own::None, Own::Folder) }
    }

    /// A revision's templates: the texts of its `templates/` files, by path inside the folder
    /// (`edition.typ`, `partials/x.html`), over the defaults.
    pub fn of_revision(files: BTreeMap<String, String>) -> Self {
        Self { own: Own::Revision(files) }
    }

    /// The embedded defaults only.
    pub fn built_in() -> Self {
        Self { own: Own::None }
    }

    /// Reads `relative` (a `/`-separated path inside the templates folder): from the project
    /// folder if it has the file, else from the defaults. Paths leaving the folder are not found.
    pub fn read(&self, relative: &str) -> Result<TemplateFile, TemplateMiss> {
        let relative = relative.trim_start_matches('/');
        let parts: Vec<&str> = relative.split('/').collect();
        if parts.iter().any(|p| p.is_empty() || *p == "." || *p == "..") {
            return Err(TemplateMiss::NotFound);
        }
        if let Own::Revision(files) = &self.own
            && let Some(text) = files.get(relative)
        {
            return Ok(TemplateFile { text: text.clone(), shown_as: format!("templates/{relative}"), built_in: false });
        }
        if let Own::Folder(dir) = &self.own {
            let path: PathBuf = parts.iter().collect();
            if path.components().all(|c| matches!(c, Component::Normal(_))) {
                let full = dir.join(&path);
                // A symbolic link may not lead out of the folder either.
                let inside = match (dir.canonicalize(), full.canonicalize()) {
                    (Ok(dir), Ok(full)) => full.starts_with(dir),
                    _ => false,
                };
                if inside && full.is_file() {
                    let text = std::fs::read_to_string(&full).map_err(TemplateMiss::Io)?;
                    return Ok(TemplateFile { text, shown_as: format!("templates/{relative}"), built_in: false });
                }
            }
        }
        DEFAULTS
            .iter()
            .find(|(name, _)| *name == relative)
            .map(|(name, text)| TemplateFile {
                text: (*text).to_string(),
                shown_as: format!("<built-in>/{name}"),
                built_in: true,
            })
            .ok_or(TemplateMiss::NotFound)
    }

    /// A fingerprint of every template a render could read: each file name the defaults, the
    /// project's folder or the revision has, with what [`Templates::read`] gives for it (its
    /// text and where it comes from, or why it cannot be read). Two renders with the same
    /// fingerprint read the same templates; a long-lived renderer keys what it reuses by it.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut names: std::collections::BTreeSet<String> =
            DEFAULTS.iter().map(|(name, _)| (*name).to_string()).collect();
        match &self.own {
            Own::None => {}
            Own::Revision(files) => names.extend(files.keys().cloned()),
            Own::Folder(dir) => {
                for entry in walkdir::WalkDir::new(dir).min_depth(1).into_iter().flatten() {
                    if entry.file_type().is_dir() {
                        continue;
                    }
                    if let Ok(relative) = entry.path().strip_prefix(dir) {
                        let parts: Option<Vec<&str>> = relative.components().map(|c| c.as_os_str().to_str()).collect();
                        if let Some(parts) = parts {
                            names.insert(parts.join("/"));
                        }
                    }
                }
            }
        }
        let mut hasher = std::hash::DefaultHasher::new();
        for name in &names {
            name.hash(&mut hasher);
            match self.read(name) {
                Ok(file) => (0u8, file.text, file.shown_as).hash(&mut hasher),
                Err(TemplateMiss::NotFound) => 1u8.hash(&mut hasher),
                Err(TemplateMiss::Io(error)) => (2u8, error.kind().to_string()).hash(&mut hasher),
            }
        }
        hasher.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_used_without_a_folder() {
        let file = Templates::built_in().read("edition.typ").ok().unwrap();
        assert_eq!(file.shown_as, "<built-in>/edition.typ");
        assert!(file.text.contains("json(\"/data.json\")"));
    }

    #[test]
    fn a_project_file_overrides_its_default_and_others_fall_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("style.typ"), "// mine").unwrap();
        let templates = Templates::new(Some(dir.path().to_path_buf()));
        let mine = templates.read("style.typ").ok().unwrap();
        assert_eq!(
            (mine.text.as_str(), mine.shown_as.as_str(), mine.built_in),
            ("// mine", "templates/style.typ", false)
        );
        assert!(templates.read("/content.typ").ok().unwrap().built_in);
        assert!(templates.read("page.html").ok().unwrap().built_in);
    }

    #[test]
    fn a_revisions_file_overrides_its_default_and_paths_leaving_it_are_not_found() {
        let files = BTreeMap::from([("style.typ".to_string(), "// then".to_string())]);
        let templates = Templates::of_revision(files);
        let then = templates.read("style.typ").ok().unwrap();
        assert_eq!((then.text.as_str(), then.built_in), ("// then", false));
        assert!(templates.read("edition.typ").ok().unwrap().built_in);
        assert!(matches!(templates.read("../style.typ"), Err(TemplateMiss::NotFound)));
    }

    #[test]
    fn paths_leaving_the_folder_are_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let templates = Templates::new(Some(dir.path().to_path_buf()));
        for bad in ["../Cargo.toml", "a/../../x", "./edition.typ", ""] {
            assert!(matches!(templates.read(bad), Err(TemplateMiss::NotFound)), "{bad}");
        }
    }

    #[test]
    fn the_fingerprint_changes_with_a_template_s_text_and_with_a_new_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let templates = Templates::new(Some(dir.path().to_path_buf()));
        let defaults = templates.fingerprint();
        assert_eq!(defaults, Templates::built_in().fingerprint(), "an empty folder reads as the defaults");
        std::fs::write(dir.path().join("style.typ"), "// mine").unwrap();
        let mine = templates.fingerprint();
        assert_ne!(mine, defaults);
        assert_eq!(templates.fingerprint(), mine, "unchanged files, unchanged fingerprint");
        std::fs::write(dir.path().join("style.typ"), "// mine, edited").unwrap();
        assert_ne!(templates.fingerprint(), mine);
        let edited = templates.fingerprint();
        std::fs::create_dir(dir.path().join("parts")).unwrap();
        std::fs::write(dir.path().join("parts/cover.typ"), "// new").unwrap();
        assert_ne!(templates.fingerprint(), edited, "a file in a subfolder counts");
    }
}
