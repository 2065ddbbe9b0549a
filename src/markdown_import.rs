//! Adopts an existing pair of Markdown sources as mdBook, Hugo, Jekyll and Docusaurus keep them
//! (`codepub init --from-markdown`): two files or two folders, matched file by file (the same
//! relative path, or `name.md` ↔ `name.ja.md`); front matter (TOML `+++`, YAML `---`) read and
//! taken out of the text; every heading without `{#id}` given one, the same in both languages,
//! by the section aligner ([`codepub_core::heading_ids`]). The Markdown itself is kept byte for
//! byte: only the front matter leaves and the ids come in.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use codepub_core::config::Date;
use codepub_core::error::InputError;
use codepub_core::heading_ids::{self, Proposal};
use codepub_core::load::markdown::{self, IdOrigin};
use codepub_core::location::Location;
use codepub_core::model::{Clause, Document, Lang, plain_text};
use codepub_core::pair::Pair;
use codepub_core::source::{FileId, SourceFile, SourceMap};

/// One English file and its Japanese counterpart, either of which may be missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePair {
    /// Where both are written under `content/en` and `content/ja`: the English file's path
    /// relative to its folder (the Japanese one's when there is no English).
    pub relative: PathBuf,
    pub en: Option<PathBuf>,
    pub ja: Option<PathBuf>,
}

/// Markdown files are matched across the two folders by these rules, in turn.
const JAPANESE_SUFFIXES: [&str; 2] = [".ja.md", ".ja-jp.md"];

/// Matches the Markdown files of `en` and `ja`: two files are one pair; two folders are matched
/// file by file, by relative path or by `name.md` ↔ `name.ja.md` (`name.en.md` ↔ `name.ja.md`),
/// and one folder holding both languages (Hugo's `name.md` beside `name.ja.md`) works too.
/// mdBook's `SUMMARY.md`, a table of contents, is not text.
pub fn pair_files(en: &Path, ja: &Path) -> Result<Vec<FilePair>, InputError> {
    let kind = |path: &Path| {
        std::fs::metadata(path)
            .map(|m| m.is_dir())
            .map_err(|source| InputError::Io { path: path.display().to_string(), source })
    };
    match (kind(en)?, kind(ja)?) {
        (false, false) => {
            let relative = english_name(en.file_name().map(Path::new).unwrap_or(Path::new("text.md")));
            Ok(vec![FilePair { relative, en: Some(en.to_path_buf()), ja: Some(ja.to_path_buf()) }])
        }
        (true, true) => pair_folders(en, ja),
        _ => Err(InputError::MarkdownPair { en: en.display().to_string(), ja: ja.display().to_string() }),
    }
}

fn pair_folders(en_dir: &Path, ja_dir: &Path) -> Result<Vec<FilePair>, InputError> {
    let same = std::fs::canonicalize(en_dir).ok() == std::fs::canonicalize(ja_dir).ok();
    let en_files: Vec<PathBuf> = markdown_files(en_dir)?.into_iter().filter(|f| !same || !is_japanese(f)).collect();
    let ja_files: Vec<PathBuf> = markdown_files(ja_dir)?.into_iter().filter(|f| !same || is_japanese(f)).collect();
    if en_files.is_empty() {
        return Err(InputError::NoMarkdown { path: en_dir.display().to_string() });
    }
    if ja_files.is_empty() {
        return Err(InputError::NoMarkdown { path: ja_dir.display().to_string() });
    }
    // Japanese files by the English name they stand for.
    let mut japanese: BTreeMap<PathBuf, PathBuf> =
        ja_files.iter().map(|relative| (english_name(relative), relative.clone())).collect();
    let mut pairs = Vec::new();
    for relative in &en_files {
        let name = english_name(relative);
        let ja = japanese.remove(&name).or_else(|| japanese.remove(relative));
        pairs.push(FilePair { relative: name, en: Some(en_dir.join(relative)), ja: ja.map(|j| ja_dir.join(j)) });
    }
    for (name, relative) in japanese {
        pairs.push(FilePair { relative: name, en: None, ja: Some(ja_dir.join(relative)) });
    }
    pairs.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(pairs)
}

/// `*.md` files under `dir`, by path relative to it, in name order; `SUMMARY.md` left out.
fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|error| InputError::Io {
            path: dir.display().to_string(),
            source: error.into_io_error().unwrap_or_else(|| std::io::Error::other("filesystem loop")),
        })?;
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|ext| ext != "md") {
            continue;
        }
        if path.file_name().is_some_and(|name| name == "SUMMARY.md") {
            continue;
        }
        files.push(path.strip_prefix(dir).unwrap_or(path).to_path_buf());
    }
    Ok(files)
}

fn is_japanese(path: &Path) -> bool {
    let name = path.to_string_lossy().to_lowercase();
    JAPANESE_SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

/// The name a file is written under: `name.ja.md` and `name.en.md` become `name.md`.
fn english_name(relative: &Path) -> PathBuf {
    let name = relative.to_string_lossy();
    for suffix in JAPANESE_SUFFIXES.iter().chain(&[".en.md"]) {
        if name.to_lowercase().ends_with(suffix) {
            return PathBuf::from(format!("{}.md", &name[..name.len() - suffix.len()]));
        }
    }
    relative.to_path_buf()
}

/// A file's front matter, read.
#[derive(Debug, Default)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<Date>,
    /// Every other key, as a TOML line (`version = "2.1"`), in the order written.
    pub rest: Vec<String>,
    /// Lines the front matter took, its fences included.
    pub lines: usize,
}

/// Splits a Markdown file into its front matter (TOML between `+++` lines, YAML between `---`
/// and `---` or `...`) and the text after it. `shown` names the file in errors.
pub fn split_front_matter<'t>(text: &'t str, shown: &str) -> Result<(Option<FrontMatter>, &'t str), InputError> {
    let fence = match text.lines().next() {
        Some(line) if line.trim_end() == "+++" => "+++",
        Some(line) if line.trim_end() == "---" => "---",
        _ => return Ok((None, text)),
    };
    let mut offset = text.find('\n').map_or(text.len(), |n| n + 1);
    let body_start = offset;
    for (index, line) in text[body_start..].split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            let body = &text[body_start..offset];
            let after = offset + line.len();
            let at = |line: usize| Location { path: shown.to_string(), line: line as u32, column: 1 };
            let mut front = match fence {
                "+++" => toml_front_matter(body).map_err(|message| InputError::FrontMatter { at: at(2), message })?,
                _ => yaml_front_matter(body).map_err(|message| InputError::FrontMatter { at: at(2), message })?,
            };
            front.lines = index + 2;
            return Ok((Some(front), &text[after..]));
        }
        offset += line.len();
    }
    let at = Location { path: shown.to_string(), line: 1, column: 1 };
    Err(InputError::FrontMatter { at, message: format!("the front matter opened by `{fence}` is never closed") })
}

fn toml_front_matter(body: &str) -> Result<FrontMatter, String> {
    let table: toml::Table = toml::from_str(body).map_err(|error| error.message().to_string())?;
    Ok(front_matter(table.into_iter().collect()))
}

fn yaml_front_matter(body: &str) -> Result<FrontMatter, String> {
    if body.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    let mapping: serde_yaml::Mapping = serde_yaml::from_str(body).map_err(|error| error.to_string())?;
    let entries = mapping
        .into_iter()
        .filter_map(|(key, value)| {
            let key = key.as_str()?.to_string();
            // Keys without a TOML form (`~`, nulls) are left out.
            Some((key, toml::Value::try_from(value).ok()?))
        })
        .collect();
    Ok(front_matter(entries))
}

fn front_matter(entries: Vec<(String, toml::Value)>) -> FrontMatter {
    let mut front = FrontMatter::default();
    for (key, value) in entries {
        match (key.as_str(), &value) {
            ("title", toml::Value::String(title)) => front.title = Some(title.clone()),
            ("date", value) => match date_of(value) {
                Some(date) => front.date = Some(date),
                None => front.rest.push(format!("{key} = {value}")),
            },
            _ => {
                let mut line = toml::Table::new();
                line.insert(key.clone(), value);
                front.rest.push(toml::to_string(&line).map_or_else(|_| key, |s| s.trim_end().to_string()));
            }
        }
    }
    front
}

/// `2023-02-23`, `2023-02-23T10:00:00Z`, or a TOML date.
fn date_of(value: &toml::Value) -> Option<Date> {
    let text = match value {
        toml::Value::Datetime(datetime) => datetime.to_string(),
        toml::Value::String(text) => text.clone(),
        _ => return None,
    };
    let day = text.get(..10)?;
    let mut parts = day.split('-');
    let (year, month, day) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    (1..=12).contains(&month).then_some(())?;
    (1..=31).contains(&day).then_some(())?;
    Some(Date { year, month, day })
}

/// One language's side of a file pair, read.
#[derive(Debug)]
pub struct ReadFile {
    /// The path as given (shown to users).
    pub shown: String,
    pub front: Option<FrontMatter>,
    /// The text written into the project: the file without its front matter, a heading added
    /// when text came before the first one.
    pub text: String,
    /// How many lines the text written starts below the file's first (front matter taken out,
    /// less the lines of a heading added).
    pub line_offset: i64,
    /// The heading added (from the front matter's title, else the file's name), if any.
    pub added_heading: Option<String>,
}

/// Reads one Markdown file to adopt.
pub fn read_file(path: &Path) -> Result<ReadFile, InputError> {
    let shown = path.display().to_string();
    let io = |source| InputError::Io { path: shown.clone(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > codepub_core::source::MAX_FILE_BYTES {
        return Err(InputError::FileTooLarge { path: shown, bytes: size, limit: codepub_core::source::MAX_FILE_BYTES });
    }
    let mut bytes = std::fs::read(path).map_err(io)?;
    bytes.retain(|&b| b != b'\r');
    let whole = codepub_core::source::decode(&bytes, &shown)?;
    let (front, body) = split_front_matter(&whole, &shown)?;
    let skipped = front.as_ref().map_or(0, |f| f.lines) as i64;
    let mut read = ReadFile { shown, front, text: body.to_string(), line_offset: skipped, added_heading: None };
    if starts_before_a_heading(&read.text) {
        let title = read.front.as_ref().and_then(|f| f.title.clone()).unwrap_or_else(|| {
            path.file_stem().map(|s| english_name(Path::new(s)).to_string_lossy().into_owned()).unwrap_or_default()
        });
        read.text = format!("# {}\n\n{}", escape_heading(&title), read.text.trim_start_matches('\n'));
        read.line_offset -= 2;
        read.added_heading = Some(title);
    }
    Ok(read)
}

/// Whether the first block of `text` is not a heading (the loader needs every block under one).
fn starts_before_a_heading(text: &str) -> bool {
    let parser = pulldown_cmark::Parser::new_ext(text, markdown::options());
    parser
        .into_iter()
        .find_map(|event| match event {
            pulldown_cmark::Event::Start(tag) => Some(!matches!(tag, pulldown_cmark::Tag::Heading { .. })),
            pulldown_cmark::Event::Rule => Some(true),
            _ => None,
        })
        .unwrap_or(false)
}

/// A title as heading text: Markdown's punctuation escaped, so it reads back as written.
fn escape_heading(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_punctuation()
            && !matches!(c, '.' | ',' | '\'' | '"' | '-' | '/' | ':' | ';' | '?' | '!' | '(' | ')')
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The pairs read and given ids, ready to write.
#[derive(Debug)]
pub struct Adoption {
    pub files: Vec<AdoptedFile>,
    /// Every heading given an id, with what the aligner made of it.
    pub headings: Vec<AdoptedHeading>,
}

#[derive(Debug)]
pub struct AdoptedFile {
    pub relative: PathBuf,
    pub sides: Pair<Option<ReadFile>>,
}

/// A heading given an id: where it is in its file as given, and its counterpart's.
#[derive(Debug)]
pub struct AdoptedHeading {
    pub lang: Lang,
    pub id: String,
    pub place: Location,
    pub text: String,
    /// The counterpart's place and text when the aligner paired it.
    pub counterpart: Option<(Location, String)>,
    pub sure: bool,
}

/// Reads every file pair, pairs the headings of the two languages and writes the ids into the
/// texts. Every file is read before an error is returned; a Markdown error (nesting too deep,
/// a block too large) points at the file as given.
pub fn adopt(pairs: &[FilePair]) -> Result<Adoption, InputError> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for pair in pairs {
        let mut read = |path: &Option<PathBuf>| match path.as_deref().map(read_file).transpose() {
            Ok(read) => read,
            Err(error) => {
                errors.push(error);
                None
            }
        };
        let (en, ja) = (read(&pair.en), read(&pair.ja));
        files.push(AdoptedFile { relative: pair.relative.clone(), sides: Pair::new(en, ja) });
    }
    InputError::all_of(errors)?;
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for file in &files {
        match (parse(file, Lang::En), parse(file, Lang::Ja)) {
            (Ok(en), Ok(ja)) => parsed.push(Pair::new(en, ja)),
            (en, ja) => errors.extend([en.err(), ja.err()].into_iter().flatten()),
        }
    }
    InputError::all_of(errors)?;
    // Ids already written anywhere stay unique; each pair of files is paired on its own.
    let mut taken: HashSet<String> = parsed
        .iter()
        .flat_map(|pair| Lang::BOTH.map(|lang| pair.get(lang)))
        .flat_map(|side| side.document.clauses.iter().enumerate().filter(|(k, _)| !side.missing.contains(k)))
        .map(|(_, clause)| clause.id.0.clone())
        .collect();
    let mut insertions: BTreeMap<(Lang, usize), Vec<(usize, String)>> = BTreeMap::new();
    let mut headings = Vec::new();
    for (file, pair) in parsed.iter().enumerate() {
        let proposals = heading_ids::propose_among(
            Pair::new(&pair.en.document, &pair.ja.document),
            Pair::new(&pair.en.missing, &pair.ja.missing),
            &[],
            &mut taken,
        );
        for proposal in &proposals {
            let side = pair.get(proposal.lang);
            let Some(heading) = &side.document.clauses[proposal.clause].heading else { continue };
            let text = &side.sources.get(heading.span.file).text;
            insertions.entry((proposal.lang, file)).or_default().push(heading_ids::insertion(
                text,
                heading.span.start,
                heading.span.end,
                &proposal.id,
            ));
            headings.push(adopted_heading(&files[file], pair, proposal));
        }
    }
    for ((lang, file), mut edits) in insertions {
        let Some(read) = files[file].sides.get_mut(lang).as_mut() else { continue };
        edits.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        for (at, insert) in edits {
            read.text.insert_str(at, &insert);
        }
    }
    headings.sort_by(|a, b| (a.lang, &a.place.path, a.place.line).cmp(&(b.lang, &b.place.path, b.place.line)));
    Ok(Adoption { files, headings })
}

/// One language's file of a pair parsed, as the project will load it (empty when the file
/// has no counterpart in this language).
struct Parsed {
    sources: SourceMap,
    document: Document,
    /// Clauses whose headings have no id.
    missing: HashSet<usize>,
}

fn parse(file: &AdoptedFile, lang: Lang) -> Result<Parsed, InputError> {
    let mut parsed = Parsed {
        sources: SourceMap::default(),
        document: Document { lang, clauses: Vec::new(), footnotes: Vec::new() },
        missing: HashSet::new(),
    };
    let Some(read) = file.sides.get(lang) else { return Ok(parsed) };
    let id: FileId = parsed.sources.add(SourceFile::new(read.shown.clone(), read.text.clone()));
    let file_parsed = markdown::parse(&parsed.sources, id, usize::MAX).map_err(|e| shifted(e, read.line_offset))?;
    for (clause, origin) in file_parsed.clauses {
        if origin == IdOrigin::Missing {
            parsed.missing.insert(parsed.document.clauses.len());
        }
        parsed.document.clauses.push(clause);
    }
    parsed.document.footnotes.extend(file_parsed.footnotes);
    Ok(parsed)
}

/// An error of the text written, moved to the line of the file as given.
fn shifted(error: InputError, offset: i64) -> InputError {
    let shift = |at: Location| Location { line: (i64::from(at.line) + offset).max(1) as u32, ..at };
    match error {
        InputError::NestingTooDeep { at, limit } => InputError::NestingTooDeep { at: shift(at), limit },
        InputError::BlockTooLarge { at, bytes, limit } => InputError::BlockTooLarge { at: shift(at), bytes, limit },
        InputError::ContentOutsideClause { at } => InputError::ContentOutsideClause { at: shift(at) },
        InputError::Toml { at, message } => InputError::Toml { at: shift(at), message },
        other => other,
    }
}

fn adopted_heading(file: &AdoptedFile, parsed: &Pair<Parsed>, proposal: &Proposal) -> AdoptedHeading {
    let place = |lang: Lang, clause: usize| -> (Location, String) {
        let clause_ref: &Clause = &parsed.get(lang).document.clauses[clause];
        let read = file.sides.get(lang).as_ref();
        let offset = read.map_or(0, |r| r.line_offset);
        let line = (i64::from(clause_ref.span.line) + offset).max(1) as u32;
        let path = read.map_or_else(String::new, |r| r.shown.clone());
        let text = clause_ref.heading.as_ref().map(|h| plain_text(&h.inlines)).unwrap_or_default();
        (Location { path, line, column: 1 }, text)
    };
    let (here, text) = place(proposal.lang, proposal.clause);
    AdoptedHeading {
        lang: proposal.lang,
        id: proposal.id.clone(),
        place: here,
        text,
        counterpart: proposal.counterpart.map(|other| place(proposal.lang.other(), other)),
        sure: proposal.sure,
    }
}

impl Adoption {
    /// The edition's title in `lang`: the first file's front matter title, else its first
    /// heading.
    pub fn title(&self, lang: Lang) -> Option<String> {
        let first = self.files.iter().find_map(|f| f.sides.get(lang).as_ref())?;
        if let Some(title) = first.front.as_ref().and_then(|f| f.title.clone()) {
            return Some(title);
        }
        let parser = pulldown_cmark::Parser::new_ext(&first.text, markdown::options());
        let mut title = String::new();
        let mut inside = false;
        for event in parser {
            match event {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { .. }) => inside = true,
                pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(_)) => break,
                pulldown_cmark::Event::Text(text) | pulldown_cmark::Event::Code(text) if inside => {
                    title.push_str(&text)
                }
                _ => {}
            }
        }
        (!title.trim().is_empty()).then(|| title.trim().to_string())
    }

    /// The date a front matter states (`date = 2023-02-23`), English first.
    pub fn front_matter_date(&self) -> Option<Date> {
        Lang::BOTH.into_iter().find_map(|lang| {
            self.files.iter().filter_map(|f| f.sides.get(lang).as_ref()).find_map(|r| r.front.as_ref()?.date)
        })
    }

    /// The first lines of the first file of `lang`, where a date of adoption would be stated.
    pub fn opening_lines(&self, lang: Lang) -> Vec<&str> {
        let first = self.files.iter().find_map(|f| f.sides.get(lang).as_ref());
        first.map_or_else(Vec::new, |read| read.text.lines().take(20).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter_gives_the_title_and_date_and_keeps_the_rest_as_toml() {
        let text = "+++\ntitle = \"Code\"\ndate = 2023-02-23\nversion = \"2.1\"\n+++\n\n# Code\n";
        let (front, body) = split_front_matter(text, "en.md").unwrap();
        let front = front.unwrap();
        assert_eq!(front.title.as_deref(), Some("Code"));
        assert_eq!(front.date, Some(Date { year: 2023, month: 2, day: 23 }));
        assert_eq!(front.rest, ["version = \"2.1\""]);
        assert_eq!(front.lines, 5);
        assert_eq!(body, "\n# Code\n");
    }

    #[test]
    fn yaml_front_matter_is_read_as_docusaurus_and_jekyll_write_it() {
        let text = "---\ntitle: Our Rules\nsidebar_position: 2\ndate: 2024-05-01T10:00:00Z\n---\nText.\n";
        let (front, body) = split_front_matter(text, "en.md").unwrap();
        let front = front.unwrap();
        assert_eq!(front.title.as_deref(), Some("Our Rules"));
        assert_eq!(front.date, Some(Date { year: 2024, month: 5, day: 1 }));
        assert_eq!(front.rest, ["sidebar_position = 2"]);
        assert_eq!(body, "Text.\n");
    }

    #[test]
    fn unclosed_or_invalid_front_matter_is_an_error_at_its_line() {
        let error = split_front_matter("+++\ntitle = \"x\"\n", "en.md").unwrap_err();
        assert!(matches!(error, InputError::FrontMatter { ref at, .. } if at.line == 1), "{error:?}");
        let error = split_front_matter("---\ntitle: [unclosed\n---\n", "ja.md").unwrap_err();
        assert!(matches!(error, InputError::FrontMatter { ref at, .. } if at.line == 2 && at.path == "ja.md"));
    }

    #[test]
    fn a_file_without_front_matter_is_all_text() {
        assert!(matches!(split_front_matter("# A\n---\n", "x"), Ok((None, "# A\n---\n"))));
    }

    #[test]
    fn japanese_names_stand_for_the_english_file() {
        assert_eq!(english_name(Path::new("docs/intro.ja.md")), Path::new("docs/intro.md"));
        assert_eq!(english_name(Path::new("intro.en.md")), Path::new("intro.md"));
        assert_eq!(english_name(Path::new("intro.md")), Path::new("intro.md"));
    }

    #[test]
    fn headings_with_markdown_punctuation_are_escaped() {
        assert_eq!(escape_heading("C# *and* [x]"), r"C\# \*and\* \[x\]");
    }
}
