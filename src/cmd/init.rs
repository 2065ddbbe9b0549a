//! `codepub init [DIR]`: scaffolds a new bilingual project (a commented `codepub.toml`, an example
//! clause in both languages, an empty glossary and baseline, and a `.gitignore` for `out/`) that
//! checks clean and builds as it is, dated today (or `--adopted`); with `--from-text EN.txt JA.txt`,
//! the sources are the two plain texts imported (see [`codepub::text_import`]), dated as
//! `--adopted` says or else as their title matter states ([`codepub::adopted`]), and what could
//! not be paired is reported. A text that is Markdown, or texts without a date when `--adopted`
//! gives none, are refused. It never overwrites: a folder that already holds a project, or any of
//! the files, is refused. Nothing is written when anything is refused.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use codepub::config::{CONFIG_FILE, Date};
use codepub::diagnostic::{Diagnostic, Severity};
use codepub::error::InputError;
use codepub::i18n::{Localizer, Message};
use codepub::location::Location;
use codepub::model::Lang;
use codepub::text_import::{HeadingKind, ImportedText, NotPlainText, ReadError, Unpaired};
use codepub::write::write_file_atomic;

/// Writes the scaffold into `dir` (created if missing), dated `adopted`.
pub fn init(l10n: &Localizer, dir: &Path, adopted: Date) -> Result<ExitCode, CliError> {
    let files = scaffold(
        &slug_of(dir),
        adopted,
        ["Example Text", "例文"],
        [example_english(adopted), example_japanese(adopted)],
    );
    write_project(l10n, dir, files)?;
    eprintln!("{}", l10n.format(&Message::new("report-init-next").arg("dir", dir.display().to_string())));
    Ok(ExitCode::SUCCESS)
}

/// Why `init --from-text` writes nothing, besides a [`CliError`]: printed as a diagnostic, exit
/// status 2.
#[derive(Debug)]
enum Refusal {
    /// A text is Markdown.
    NotPlainText(NotPlainText),
    /// Neither `--adopted` nor the texts' title matter give the adoption date.
    NoAdoptionDate { en: String, ja: String },
}

impl Refusal {
    fn diagnostic(&self) -> Diagnostic {
        match self {
            Refusal::NotPlainText(refusal) => refusal.diagnostic(),
            Refusal::NoAdoptionDate { en, ja } => {
                Diagnostic::error(Message::new("error-import-no-date").arg("en", en).arg("ja", ja))
                    .help(Message::new("help-import-no-date"))
            }
        }
    }
}

/// What stops `init --from-text`.
enum Stop {
    Failed(CliError),
    Refused(Refusal),
}

impl From<CliError> for Stop {
    fn from(error: CliError) -> Self {
        Stop::Failed(error)
    }
}

impl From<Refusal> for Stop {
    fn from(refusal: Refusal) -> Self {
        Stop::Refused(refusal)
    }
}

impl From<InputError> for Stop {
    fn from(error: InputError) -> Self {
        Stop::Failed(error.into())
    }
}

impl From<ReadError> for Stop {
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::Input(error) => error.into(),
            ReadError::NotPlainText(refusal) => Refusal::NotPlainText(refusal).into(),
        }
    }
}

/// Writes a project into `dir` whose sources are the plain texts `texts` (English, Japanese)
/// imported, dated `adopted` or, without it, as the texts' title matter states; reports on
/// standard error what could not be paired, with its line in the text, and a text in which no
/// heading was recognised. Exit status 1 when something was left unpaired or a text has no
/// heading (the project is written all the same), 2 when a text is refused or no date is known
/// (nothing is written).
pub fn init_from_text(
    l10n: &Localizer,
    texts: [&Path; 2],
    dir: &Path,
    adopted: Option<Date>,
) -> Result<ExitCode, CliError> {
    match import_texts(l10n, texts, dir, adopted) {
        Ok(code) => Ok(code),
        Err(Stop::Failed(error)) => Err(error),
        Err(Stop::Refused(refusal)) => {
            eprint!("{}", codepub::report::render_diagnostics(&[refusal.diagnostic()], l10n, false));
            Ok(ExitCode::from(2))
        }
    }
}

fn import_texts(l10n: &Localizer, texts: [&Path; 2], dir: &Path, adopted: Option<Date>) -> Result<ExitCode, Stop> {
    let en = read_plain_text(texts[0], Lang::En)?;
    let ja = read_plain_text(texts[1], Lang::Ja)?;
    let shown = |lang: Lang| texts[usize::from(lang == Lang::Ja)].display().to_string();
    let (adopted, stated_at) = adoption_date(adopted, [&en, &ja], shown)?;
    let titles = [title_of(&en, texts[0]), title_of(&ja, texts[1])];
    let alone = codepub::text_import::unpaired(&en, &ja);
    let files = scaffold(&slug_of(dir), adopted, [&titles[0], &titles[1]], [en.markdown(), ja.markdown()]);
    write_project(l10n, dir, files)?;
    report_unpaired(l10n, &alone, shown);
    let without_headings: Vec<Diagnostic> = [&en, &ja]
        .into_iter()
        .filter_map(|text| Some(no_headings_warning(&shown(text.lang), text.without_headings()?)))
        .collect();
    eprint!("{}", codepub::report::render_diagnostics(&without_headings, l10n, false));
    if let Some((lang, line)) = stated_at {
        let stated = Message::new("report-import-adopted")
            .arg("date", adopted.to_string())
            .arg("file", shown(lang))
            .num("line", i64::from(line));
        eprintln!("{}", l10n.format(&stated));
    }
    let clauses = en.clauses.len().max(ja.clauses.len()) as i64;
    let summary = if without_headings.is_empty() {
        Message::new("report-import-summary").num("clauses", clauses).num("alone", alone.len() as i64)
    } else {
        Message::new("report-import-summary-no-headings").num("clauses", clauses)
    };
    eprintln!("{}", l10n.format(&summary));
    eprintln!("{}", l10n.format(&Message::new("report-init-next").arg("dir", dir.display().to_string())));
    Ok(if alone.is_empty() && without_headings.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The edition's title in one language: the text's title, else its file's name.
fn title_of(text: &ImportedText, path: &Path) -> String {
    text.clauses
        .iter()
        .find(|c| c.kind == HeadingKind::Title)
        .map(|c| c.heading.clone())
        .unwrap_or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default())
}

/// Prints each clause or paragraph that has no counterpart, at its line in its text.
fn report_unpaired(l10n: &Localizer, alone: &[Unpaired], shown: impl Fn(Lang) -> String) {
    for unpaired in alone {
        let message = match &unpaired.excerpt {
            None => Message::new("report-import-clause-alone"),
            Some(excerpt) => Message::new("report-import-block-alone").arg("excerpt", excerpt),
        };
        let message = message
            .arg("file", shown(unpaired.lang))
            .num("line", i64::from(unpaired.line))
            .arg("heading", &unpaired.heading)
            .arg("other", shown(unpaired.lang.other()));
        eprintln!("{}", l10n.format(&message));
    }
}

/// The project's date: `adopted` when given, else the one the title matter states (the
/// English's first), with the language and line that state it; refused when neither gives one.
fn adoption_date(
    adopted: Option<Date>,
    texts: [&ImportedText; 2],
    shown: impl Fn(Lang) -> String,
) -> Result<(Date, Option<(Lang, u32)>), Refusal> {
    if let Some(adopted) = adopted {
        return Ok((adopted, None));
    }
    texts
        .iter()
        .find_map(|text| text.adoption_date().map(|(date, line)| (date, Some((text.lang, line)))))
        .ok_or_else(|| Refusal::NoAdoptionDate { en: shown(Lang::En), ja: shown(Lang::Ja) })
}

/// The warning for a text of `paragraphs` paragraphs in which no heading was recognised.
fn no_headings_warning(file: &str, paragraphs: usize) -> Diagnostic {
    Diagnostic::new(Severity::Warning, Message::new("report-import-no-headings").num("paragraphs", paragraphs as i64))
        .at(Location { path: file.to_string(), line: 1, column: 1 })
        .help(Message::new("help-import-no-headings"))
}

/// A plain text to import: UTF-8 without BOM, at most [`codepub::source::MAX_FILE_BYTES`]; CRLF line
/// ends are read as LF.
fn read_plain_text(path: &Path, lang: Lang) -> Result<ImportedText, Stop> {
    let shown = path.display().to_string();
    let io = |source| InputError::Io { path: shown.clone(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > codepub::source::MAX_FILE_BYTES {
        let limit = codepub::source::MAX_FILE_BYTES;
        return Err(InputError::FileTooLarge { path: shown, bytes: size, limit }.into());
    }
    let mut bytes = std::fs::read(path).map_err(io)?;
    bytes.retain(|&b| b != b'\r');
    let text = codepub::source::decode(&bytes, &shown)?;
    Ok(codepub::text_import::read(&text, lang, &shown)?)
}

/// The output name stem of a project in `dir`: the folder's name, made safe.
pub(super) fn slug_of(dir: &Path) -> String {
    // The folder itself when it exists (`.`), else its parent's real path and its name.
    let folder = std::fs::canonicalize(dir)
        .ok()
        .or_else(|| {
            let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            Some(std::fs::canonicalize(parent).ok()?.join(dir.file_name()?))
        })
        .unwrap_or_else(|| dir.to_path_buf());
    codepub::config::slug_of_folder(&folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
}

/// Writes `files` under `dir`, after making sure none of them exists: an existing `codepub.toml`
/// or source is refused before anything is written; an existing `.gitignore` is kept as it is.
pub(super) fn write_project<S: AsRef<str>>(
    l10n: &Localizer,
    dir: &Path,
    files: Vec<(S, String)>,
) -> Result<(), CliError> {
    if dir.join(CONFIG_FILE).exists() {
        return Err(CliError::ProjectExists { dir: dir.display().to_string() });
    }
    let mut writes = Vec::new();
    for (relative, text) in files {
        let path = dir.join(relative.as_ref());
        if path.exists() {
            if relative.as_ref() == ".gitignore" {
                continue;
            }
            return Err(CliError::FileExists { path: path.display().to_string() });
        }
        writes.push((path, text));
    }
    for (path, text) in writes {
        write_file_atomic(&path, text.as_bytes())
            .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
        eprintln!("{}", l10n.format(&Message::new("report-created").arg("path", path.display().to_string())));
    }
    Ok(())
}

fn example_english(adopted: Date) -> String {
    let Date { year, month, day } = adopted;
    let month_name = codepub::numerals::MONTHS[usize::from(month.clamp(1, 12)) - 1];
    format!(
        "# Example Text {{#title}}\n\n(Adopted on {day} {month_name} {year})\n\n\
         ## 1. Purpose {{#article-1}}\n\n\
         This text shows how codepub pairs the paragraphs of two languages, clause by clause.\n\n\
         Replace it with your own: give each clause a heading with an id, the same id in both languages.\n"
    )
}

fn example_japanese(adopted: Date) -> String {
    let Date { year, month, day } = adopted;
    format!(
        "# 例文 {{#title}}\n\n（{year}年{month}月{day}日採択）\n\n\
         ## 1. 目的 {{#article-1}}\n\n\
         この文書は、codepub が二つの言語の段落を条項ごとに対にする方法を示します。\n\n\
         これを独自の文書に置き換えてください。各条項の見出しにidを付け、両言語で同じidを使います。\n"
    )
}

/// The files of a new project, by path relative to its folder.
pub(super) fn scaffold(
    slug: &str,
    adopted: Date,
    title: [&str; 2],
    sources: [String; 2],
) -> Vec<(&'static str, String)> {
    let year = adopted.year;
    let quoted = |text: &str| toml::Value::String(text.to_string()).to_string();
    let (title_en, title_ja) = (quoted(title[0]), quoted(title[1]));
    let config = format!(
        r#"# codepub project: one text in English and Japanese.
# Edition metadata lives here, once; the sources are under content/.

[edition]
# Output files are named after the slug: out/{slug}-bilingual.pdf, out/{slug}-facing.pdf, out/{slug}-en.pdf …
slug = "{slug}"
# The edition's date: the PDFs' date and the header of `codepub diff`.
adopted = {adopted}
# Optional, as the publication has them:
# identifier = {{ value = "1/{year}", label = {{ en = "Resolution", ja = "決議" }} }}   # names a revision in `codepub diff`
# isbn = "978-…"                                 # checked on the back covers (P014)
# author = "…"                                   # the documents' metadata
# copyright = {{ en = ["© …"], ja = ["© …"] }}    # checked on the back covers (P014)
# facing_paper = "a5"                            # the facing-pages edition's paper: a4 (default) or a5
# smart_quotes = true                            # print the English's "quotes" and apostrophes curly
# contents = "auto"                             # a contents page in the PDFs: true, "auto" (over 20 headings, the default) or false
# numbering = "paragraph"                       # print each paragraph's number in its clause beside it: "none" (default) or "paragraph"

[edition.title]
en = {title_en}
ja = {title_ja}

[content]
# One folder per language under this directory; every *.md file in it is read, in name order.
dir = "content"
glossary = "content/glossary.toml"
baseline = "content/accepted.toml"

# English spelling and grammar (P025, offline), with the project's words in content/dictionary.txt:
# [check.spelling]
# enabled = true
# dialect = "british"                            # american (default), british, canadian, australian, indian
"#
    );
    let [english, japanese] = sources;
    vec![
        (CONFIG_FILE, config),
        ("content/en/10-text.md", english),
        ("content/ja/10-text.md", japanese),
        (
            "content/glossary.toml",
            "# The text's terminology: an English term in a paragraph expects its Japanese term in the paired one.\n\
             # [[term]]\n# en = \"Council\"\n# ja = \"理事会\"\n"
                .to_string(),
        ),
        (
            "content/dictionary.txt",
            "# Words the English spelling check (P025, when codepub.toml turns it on) accepts besides its\n\
             # own dictionary: one word per line, `#` starts a comment. Names and terms of the text go here.\n\
             codepub\n"
                .to_string(),
        ),
        (
            "content/accepted.toml",
            "# Findings the publisher accepts, each with a reason. `codepub check --accept CODE@ADDRESS\n\
             # --reason \"…\"` writes an entry bound to the finding (its values and excerpt): if the\n\
             # finding changes, it is reported again. An example:\n\
             # [[accepted]]\n# check = \"P007\"\n# address = \"title#1\"\n# lang = \"ja\"\n\
             # values = [\",\", \"、\"]\n# excerpt = \"3日, 理\"\n# reason = \"As published.\"\n"
                .to_string(),
        ),
        (".gitignore", "/out/\n".to_string()),
    ]
}

/// Today's date in UTC, from the system clock.
pub fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400) as i64;
    Date::from_days_since_epoch(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_become_file_name_stems() {
        use codepub::config::slug_of_folder;
        assert_eq!(slug_of_folder("Act on Examples"), "Act-on-Examples");
        assert_eq!(slug_of_folder(".hidden"), "hidden");
        assert_eq!(slug_of_folder(""), "edition");
    }

    #[test]
    fn days_since_the_epoch_become_calendar_dates() {
        assert_eq!(Date::from_days_since_epoch(0), Date { year: 1970, month: 1, day: 1 });
        assert_eq!(Date::from_days_since_epoch(19_411), Date { year: 2023, month: 2, day: 23 });
        assert_eq!(Date::from_days_since_epoch(11_016), Date { year: 2000, month: 2, day: 29 });
    }
}
