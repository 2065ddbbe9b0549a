//! Where the Typst templates come from: the project's `templates/` folder when it has the file,
//! else the default templates embedded in the binary. Also names each template file the way
//! users see it in error messages.

use std::path::{Component, Path, PathBuf};

/// The main template of the editions, the file Typst compiles.
pub const MAIN: &str = "edition.typ";

/// The main template of a revision redline (`codepub diff --format pdf`).
pub const REDLINE: &str = "redline.typ";

/// The default templates, embedded at build time: file name (relative to `templates/`) and text.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("edition.typ", include_str!("../../../templates/edition.typ")),
    ("content.typ", include_str!("../../../templates/content.typ")),
    ("style.typ", include_str!("../../../templates/style.typ")),
    ("redline.typ", include_str!("../../../templates/redline.typ")),
];

/// The virtual path of the edition data, read by the templates with `json("/data.json")`.
pub const DATA_PATH: &str = "data.json";

/// Templates to compile: an optional project folder over the embedded defaults.
#[derive(Clone, Copy, Debug)]
pub struct Templates<'a> {
    dir: Option<&'a Path>,
}

/// A template file's text and how it is named to users.
pub struct TemplateFile {
    pub text: String,
    pub shown_as: String,
}

/// Why a template file could not be read.
pub enum TemplateMiss {
    NotFound,
    Io(std::io::Error),
}

impl<'a> Templates<'a> {
    pub fn new(dir: Option<&'a Path>) -> Self {
        Self { dir }
    }

    /// Reads `relative` (a `/`-separated path inside the templates folder): from the project
    /// folder if it has the file, else from the defaults. Paths leaving the folder are not found.
    pub fn read(&self, relative: &str) -> Result<TemplateFile, TemplateMiss> {
        let relative = relative.trim_start_matches('/');
        let parts: Vec<&str> = relative.split('/').collect();
        if parts.iter().any(|p| p.is_empty() || *p == "." || *p == "..") {
            return Err(TemplateMiss::NotFound);
        }
        if let Some(dir) = self.dir {
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
                    return Ok(TemplateFile { text, shown_as: shown(&full) });
                }
            }
        }
        DEFAULTS
            .iter()
            .find(|(name, _)| *name == relative)
            .map(|(name, text)| TemplateFile { text: (*text).to_string(), shown_as: format!("templates/{name}") })
            .ok_or(TemplateMiss::NotFound)
    }
}

/// A path as shown to users, with `/` separators.
fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_used_without_a_folder() {
        let file = Templates::new(None).read(MAIN).ok().unwrap();
        assert_eq!(file.shown_as, "templates/edition.typ");
        assert!(file.text.contains("json(\"/data.json\")"));
    }

    #[test]
    fn a_project_file_overrides_its_default_and_others_fall_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("style.typ"), "// mine").unwrap();
        let templates = Templates::new(Some(dir.path()));
        assert_eq!(templates.read("style.typ").ok().unwrap().text, "// mine");
        assert!(templates.read("/content.typ").ok().unwrap().shown_as.starts_with("templates/"));
    }

    #[test]
    fn paths_leaving_the_folder_are_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let templates = Templates::new(Some(dir.path()));
        for bad in ["../Cargo.toml", "a/../../x", "./edition.typ", ""] {
            assert!(matches!(templates.read(bad), Err(TemplateMiss::NotFound)), "{bad}");
        }
    }
}
