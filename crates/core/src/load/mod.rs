//! Loads a codepub project: `codepub.toml`, then every Markdown file of each language folder
//! (walked in name order), into one [`Document`] per language, plus the glossary, the baseline and
//! the translation record. Files come from a [`SourceTree`]: the folder, or a git revision. A
//! Markdown file that is a named pipe, socket or device is left out, never opened, and listed
//! in [`Project::skipped`] for the reports to warn about.

pub mod history;
pub mod markdown;
pub mod tree;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::baseline::Baseline;
use crate::config::{self, CONFIG_FILE, Config};
use crate::dictionary::ProjectDictionary;
use crate::error::InputError;
use crate::glossary::Glossary;
use crate::location::Location;
use crate::lock::TranslationLock;
use crate::model::{Clause, ClauseId, Document, Lang};
use crate::pair::Pair;
use crate::skipped::{SkipReason, Skipped};
use crate::source::{self, FileId, SourceFile, SourceMap, Span};

pub use markdown::IdOrigin;
pub use tree::{DirTree, GitTree, OverlayTree, SourceTree, shown};

/// A loaded project: configuration, sources and both documents.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub sources: SourceMap,
    /// The Markdown files of each language, in reading order.
    pub files: Pair<Vec<FileId>>,
    /// The English and the Japanese document.
    pub documents: Pair<Document>,
    /// Clauses whose heading carries no `{#id}`, by language.
    pub missing_ids: Vec<(Lang, Span)>,
    pub glossary: Glossary,
    pub baseline: Baseline,
    /// The translation record (`content/translations.lock`), when the project keeps one.
    pub lock: Option<TranslationLock>,
    /// Markdown files of the language folders left out: named pipes, sockets, devices.
    pub skipped: Vec<Skipped>,
    /// The words P025 accepts besides its own dictionary; read only when P025 is enabled.
    pub dictionary: ProjectDictionary,
}

impl Project {
    /// The two documents aligned, with the glossary's and the translation record's help.
    pub fn alignment(&self) -> crate::align::Alignment<'_> {
        let fingerprint = |block: &crate::model::Block| {
            crate::lock::fingerprint(&self.sources.get(block.span.file).text[block.span.range()])
        };
        let record = self.lock.as_ref().map(|lock| crate::align::SignedOff {
            pairs: lock.pairs.iter().map(|p| (p.en.clone(), p.ja.clone())).collect(),
            fingerprint: &fingerprint,
        });
        crate::align::align_with(&self.documents.en, &self.documents.ja, &self.glossary.terms, record.as_ref())
    }

    /// Stem of the output file names: `slug` in `codepub.toml`, else the project folder's name
    /// (characters other than letters, digits, `-`, `_` and `.` made `-`).
    pub fn slug(&self) -> String {
        if let Some(slug) = &self.config.edition.slug {
            return slug.clone();
        }
        let folder = std::fs::canonicalize(&self.root)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
        crate::config::slug_of_folder(&folder.unwrap_or_default())
    }

    pub fn document(&self, lang: Lang) -> &Document {
        self.documents.get(lang)
    }
}

/// Loads the project whose `codepub.toml` is in `root`, from the folder.
pub fn load(root: &Path) -> Result<Project, InputError> {
    load_from(root, &DirTree::new(root))
}

/// Loads the project at `root` from `tree` (the folder or a git revision).
pub fn load_from(root: &Path, tree: &dyn SourceTree) -> Result<Project, InputError> {
    let config: Config = read_toml(tree, Path::new(CONFIG_FILE))?
        .ok_or_else(|| InputError::Io { path: CONFIG_FILE.into(), source: std::io::ErrorKind::NotFound.into() })?;
    let mut sources = SourceMap::default();
    let mut missing_ids = Vec::new();
    let mut skipped = Vec::new();
    // Every input error that can be found is reported at once, as a compiler would.
    let mut errors = Vec::new();
    let mut files = Pair::new(Vec::new(), Vec::new());
    // Every file is read first (English, then Japanese: the order of their ids), parsed over the
    // cores, then assembled in order, so ids and errors come out as if read one by one.
    let read = Pair::new(
        read_language(tree, &config, Lang::En, &mut sources),
        read_language(tree, &config, Lang::Ja, &mut sources),
    );
    let to_parse: Vec<FileId> = [&read.en, &read.ja]
        .into_iter()
        .flat_map(|listed| listed.iter().flatten())
        .filter_map(|read| match read {
            Read::File(file) => Some(*file),
            _ => None,
        })
        .collect();
    let max_block_bytes = config.content.max_block_bytes;
    let mut parsed =
        crate::parallel::map_in_order(&to_parse, |&file| markdown::parse(&sources, file, max_block_bytes)).into_iter();
    let mut found =
        Found { sources: &mut sources, missing_ids: &mut missing_ids, skipped: &mut skipped, errors: &mut errors };
    let Pair { en: read_en, ja: read_ja } = read;
    let en = load_language(&config, Lang::En, read_en, &mut parsed, files.get_mut(Lang::En), &mut found);
    let ja = load_language(&config, Lang::Ja, read_ja, &mut parsed, files.get_mut(Lang::Ja), &mut found);
    let mut glossary: Glossary =
        kept(read_toml(tree, &config.content.glossary), &mut errors).flatten().unwrap_or_default();
    glossary.normalize();
    let baseline_text = kept(read_text(tree, &config.content.baseline), &mut errors).flatten();
    let baseline = kept(Baseline::parse(baseline_text, &tree::shown(&config.content.baseline)), &mut errors);
    let lock_text = kept(read_text(tree, &config.content.lock), &mut errors).flatten();
    let lock = kept(TranslationLock::parse(lock_text, &tree::shown(&config.content.lock)), &mut errors).flatten();
    let dictionary = kept(read_dictionary(tree, &config), &mut errors).unwrap_or_default();
    InputError::all_of(errors)?;
    let baseline = baseline.unwrap_or_default();
    Ok(Project {
        root: root.to_path_buf(),
        config,
        sources,
        files,
        documents: Pair::new(en, ja),
        missing_ids,
        glossary,
        baseline,
        lock,
        skipped,
        dictionary,
    })
}

/// The project's dictionary when P025 is enabled: the default file may be absent, a file
/// `codepub.toml` names must exist.
fn read_dictionary(tree: &dyn SourceTree, config: &Config) -> Result<ProjectDictionary, InputError> {
    let spelling = &config.check.spelling;
    if !spelling.enabled {
        return Ok(ProjectDictionary::default());
    }
    let (path, required) = spelling.dictionary_path();
    match read_text(tree, &path)? {
        Some(text) => Ok(ProjectDictionary::parse(&text)),
        None if required => {
            Err(InputError::Io { path: tree::shown(&path), source: std::io::ErrorKind::NotFound.into() })
        }
        None => Ok(ProjectDictionary::default()),
    }
}

/// The value of `result`, or `None` with its error kept in `errors`.
fn kept<T>(result: Result<T, InputError>, errors: &mut Vec<InputError>) -> Option<T> {
    result.map_err(|error| errors.push(error)).ok()
}

/// A text file of the tree, checked for encoding; `None` when absent.
pub fn read_text(tree: &dyn SourceTree, relative: &Path) -> Result<Option<String>, InputError> {
    let name = tree::shown(relative);
    tree.read(relative)?.map(|bytes| source::decode(&bytes, &name)).transpose()
}

/// A TOML file of the tree, deserialised; `None` when absent.
pub fn read_toml<T: serde::de::DeserializeOwned>(
    tree: &dyn SourceTree,
    relative: &Path,
) -> Result<Option<T>, InputError> {
    let name = tree::shown(relative);
    read_text(tree, relative)?.map(|text| config::parse_toml(&text, &name)).transpose()
}

/// What loading the language folders gathers besides the documents.
struct Found<'a> {
    sources: &'a mut SourceMap,
    missing_ids: &'a mut Vec<(Lang, Span)>,
    skipped: &'a mut Vec<Skipped>,
    errors: &'a mut Vec<InputError>,
}

/// What reading one listed source file gave.
enum Read {
    File(FileId),
    /// Gone between listing and reading.
    Missing,
    Skipped(Skipped),
    Failed(InputError),
}

/// Reads one language's source files into `sources`: what each listed file gave, or why the
/// folder could not be listed.
fn read_language(
    tree: &dyn SourceTree,
    config: &Config,
    lang: Lang,
    sources: &mut SourceMap,
) -> Result<Vec<Read>, InputError> {
    let dir = config.content.dir.join(lang.code());
    let files = match tree.markdown_files(&dir)? {
        Some(files) if !files.is_empty() => files,
        _ => return Err(missing_language(lang, config)),
    };
    let read = files.into_iter().map(|relative| match read_text(tree, &relative) {
        Ok(Some(text)) => Read::File(sources.add(SourceFile::new(tree::shown(&relative), text))),
        Ok(None) => Read::Missing,
        Err(InputError::NotAFile { path, kind }) => Read::Skipped(Skipped { path, why: SkipReason::Special(kind) }),
        Err(error) => Read::Failed(error),
    });
    Ok(read.collect())
}

fn missing_language(lang: Lang, config: &Config) -> InputError {
    let dir_shown = tree::shown(&config.content.dir.join(lang.code()));
    InputError::MissingLanguage { lang: lang.code().to_string(), dir: dir_shown }
}

/// One language's documents from its files as read and parsed (`parsed` gives the parse of each
/// file read, in order); the files it read are added to `files_read`.
fn load_language(
    config: &Config,
    lang: Lang,
    read: Result<Vec<Read>, InputError>,
    parsed: &mut impl Iterator<Item = Result<markdown::ParsedFile, InputError>>,
    files_read: &mut Vec<FileId>,
    found: &mut Found<'_>,
) -> Document {
    let Found { sources, missing_ids, skipped, errors } = found;
    let mut document = Document { lang, clauses: Vec::new(), footnotes: Vec::new() };
    let read = match read {
        Ok(read) => read,
        Err(error) => {
            errors.push(error);
            return document;
        }
    };

    let mut first_seen: HashMap<ClauseId, Location> = HashMap::new();
    let listed = read.len();
    let skipped_before = skipped.len();
    for file in read {
        let file = match file {
            Read::File(file) => file,
            Read::Missing => {
                errors.push(missing_language(lang, config));
                continue;
            }
            Read::Skipped(special) => {
                skipped.push(special);
                continue;
            }
            Read::Failed(error) => {
                errors.push(error);
                continue;
            }
        };
        files_read.push(file);
        let parsed = match parsed.next() {
            Some(Ok(parsed)) => parsed,
            Some(Err(error)) => {
                errors.push(error);
                continue;
            }
            None => continue,
        };
        for (mut clause, origin) in parsed.clauses {
            if origin == IdOrigin::Missing {
                clause.id = stand_in_id(lang, &clause, &first_seen);
            }
            let at = location(sources, &clause.span);
            if let Some(first) = first_seen.get(&clause.id) {
                errors.push(InputError::DuplicateClause { id: clause.id.0.clone(), at, first: first.clone() });
                continue;
            }
            first_seen.insert(clause.id.clone(), at);
            if origin == IdOrigin::Missing {
                missing_ids.push((lang, clause.span.clone()));
            }
            document.clauses.push(clause);
        }
        document.footnotes.extend(parsed.footnotes);
    }
    // Only special files: the language has no sources.
    if skipped.len() - skipped_before == listed {
        errors.push(missing_language(lang, config));
    }
    document
}

/// The id a heading without `{#id}` is known by until it has one: its language and line
/// (`ja-line-59`), so that it pairs with nothing in the other language (a heading is never
/// paired by where it sits in its file) and two such headings never clash.
fn stand_in_id(lang: Lang, clause: &Clause, seen: &HashMap<ClauseId, Location>) -> ClauseId {
    let base = format!("{}-line-{}", lang.code(), clause.span.line);
    let mut id = ClauseId(base.clone());
    let mut n = 1;
    while seen.contains_key(&id) {
        n += 1;
        id = ClauseId(format!("{base}-{n}"));
    }
    id
}

pub fn location(sources: &SourceMap, span: &Span) -> Location {
    Location { path: sources.name(span.file).to_string(), line: span.line, column: span.column }
}
