//! Loads a codepub project: `codepub.toml`, then every Markdown file of each language folder
//! (walked in name order), into one [`Document`] per language, plus the glossary and baseline.

pub mod markdown;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::baseline::Baseline;
use crate::config::{self, CONFIG_FILE, Config};
use crate::error::InputError;
use crate::glossary::Glossary;
use crate::model::{ClauseId, Document, Lang};
use crate::source::{self, Location, SourceFile, SourceMap, Span};

pub use markdown::IdOrigin;

/// A loaded project: configuration, sources and both documents.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub sources: SourceMap,
    pub en: Document,
    pub ja: Document,
    /// Clauses whose heading carries no `{#id}`, by language.
    pub missing_ids: Vec<(Lang, Span)>,
    pub glossary: Glossary,
    pub baseline: Baseline,
}

impl Project {
    pub fn document(&self, lang: Lang) -> &Document {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// Loads the project whose `codepub.toml` is in `root`.
pub fn load(root: &Path) -> Result<Project, InputError> {
    let config: Config = config::read_toml(root, Path::new(CONFIG_FILE))?;
    load_with(root, config)
}

/// Loads the sources of a project whose configuration is already read.
pub fn load_with(root: &Path, config: Config) -> Result<Project, InputError> {
    let mut sources = SourceMap::default();
    let mut missing_ids = Vec::new();
    let en = load_language(root, &config, Lang::En, &mut sources, &mut missing_ids)?;
    let ja = load_language(root, &config, Lang::Ja, &mut sources, &mut missing_ids)?;
    let glossary = Glossary::load(root, &config.content.glossary)?;
    let baseline = Baseline::load(root, &config.content.baseline)?;
    Ok(Project { root: root.to_path_buf(), config, sources, en, ja, missing_ids, glossary, baseline })
}

fn load_language(
    root: &Path,
    config: &Config,
    lang: Lang,
    sources: &mut SourceMap,
    missing_ids: &mut Vec<(Lang, Span)>,
) -> Result<Document, InputError> {
    let dir_relative = config.content.dir.join(lang.code());
    let dir_shown = display(&dir_relative);
    let dir = source::confine(root, &dir_relative, &dir_shown)?;
    let missing = || InputError::MissingLanguage { lang: lang.code().to_string(), dir: dir_shown.clone() };
    if !dir.is_dir() {
        return Err(missing());
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.map_err(|error| InputError::Io {
            path: dir_shown.clone(),
            source: error.into_io_error().unwrap_or_else(|| std::io::Error::other("filesystem loop")),
        })?;
        let is_markdown = entry.path().extension().is_some_and(|ext| ext == "md");
        if !is_markdown || entry.file_type().is_dir() {
            continue;
        }
        let relative = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        files.push(relative);
    }
    if files.is_empty() {
        return Err(missing());
    }

    let mut document = Document { lang, clauses: Vec::new(), footnotes: Vec::new() };
    let mut first_seen: HashMap<ClauseId, Location> = HashMap::new();
    for relative in files {
        let shown = display(&relative);
        let path = source::confine(root, &relative, &shown)?;
        let text = source::read_text(&path, &shown)?;
        let file = sources.add(SourceFile::new(shown, text));
        let parsed = markdown::parse(sources, file, config.content.max_block_bytes)?;
        for (clause, origin) in parsed.clauses {
            let at = location(sources, &clause.span);
            if let Some(first) = first_seen.get(&clause.id) {
                return Err(InputError::DuplicateClause { id: clause.id.0.clone(), at, first: first.clone() });
            }
            first_seen.insert(clause.id.clone(), at);
            if origin == IdOrigin::Missing {
                missing_ids.push((lang, clause.span.clone()));
            }
            document.clauses.push(clause);
        }
        document.footnotes.extend(parsed.footnotes);
    }
    Ok(document)
}

pub fn location(sources: &SourceMap, span: &Span) -> Location {
    Location { path: sources.name(span.file).to_string(), line: span.line, column: span.column }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
