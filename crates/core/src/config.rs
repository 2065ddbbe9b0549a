//! `codepub.toml`: the edition metadata (title, Council resolution, adoption date, ISBN,
//! copyright lines) and the project's settings, read once with serde.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::location::Location;
use crate::model::MarkupKind;
use crate::pair::Pair;
use crate::source::SourceFile;

pub const CONFIG_FILE: &str = "codepub.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub edition: Edition,
    #[serde(default)]
    pub content: ContentConfig,
    #[serde(default)]
    pub check: CheckConfig,
}

/// Edition metadata: what the title page and the colophon print, and what identifies a revision.
/// Only the title and the date are required; the rest is what a publication has of it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(from = "EditionSource")]
pub struct Edition {
    pub title: Pair<String>,
    pub adopted: Date,
    /// What names the revision (a resolution, a law number), with its label in each language.
    pub identifier: Option<Identifier>,
    /// Printed on the back covers and checked there (P014).
    pub isbn: Option<String>,
    /// The author or publisher, in the documents' metadata.
    pub author: Option<String>,
    pub website: Option<String>,
    /// Each language's copyright lines, printed on its back cover and checked there (P014).
    pub copyright: Pair<Vec<String>>,
    /// Stem of the output file names (`code` → `code-bilingual.pdf`); the project folder's name
    /// when not given.
    pub slug: Option<String>,
    /// The paper of the facing-pages edition (`facing_paper = "a5"`); A4 when not given.
    pub facing_paper: Paper,
}

/// A paper size of the PDF editions, spelled as Typst names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    A5,
}

/// What names a revision: `identifier = { value = "11/2023", label = { en = "Council Resolution",
/// ja = "理事会決議" } }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Identifier {
    pub value: String,
    pub label: Pair<String>,
}

/// `[edition]` as written. `council_resolution = "11/2023"` is the first projects' spelling of
/// an identifier, kept so their older revisions still load (in `codepub diff`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionSource {
    title: Pair<String>,
    adopted: Date,
    #[serde(default)]
    identifier: Option<Identifier>,
    #[serde(default)]
    council_resolution: Option<String>,
    #[serde(default)]
    isbn: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    copyright: Pair<Vec<String>>,
    #[serde(default, deserialize_with = "slug")]
    slug: Option<String>,
    #[serde(default)]
    facing_paper: Paper,
}

/// The slug of a project without one: its folder's name, characters other than letters, digits,
/// `-`, `_` and `.` made `-`, no leading `.` (`edition` if nothing is left).
pub fn slug_of_folder(folder: &str) -> String {
    let safe: String =
        folder.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' }).collect();
    let safe = safe.trim_start_matches('.');
    if safe.is_empty() { "edition".into() } else { safe.to_string() }
}

/// A file-name stem: letters, digits, `-`, `_` and `.`, not starting with `.`; never a path.
fn slug<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let slug = String::deserialize(deserializer)?;
    let safe = !slug.is_empty()
        && !slug.starts_with('.')
        && slug.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if safe {
        Ok(Some(slug))
    } else {
        Err(serde::de::Error::custom(format!(
            "slug `{slug}` must be a file-name stem: letters, digits, `-`, `_` and `.`, not starting with `.`"
        )))
    }
}

impl From<EditionSource> for Edition {
    fn from(source: EditionSource) -> Self {
        let legacy = source.council_resolution.map(|value| Identifier {
            value,
            label: Pair { en: "Council Resolution".into(), ja: "理事会決議".into() },
        });
        Self {
            title: source.title,
            adopted: source.adopted,
            identifier: source.identifier.or(legacy),
            isbn: source.isbn,
            author: source.author,
            website: source.website,
            copyright: source.copyright,
            slug: source.slug,
            facing_paper: source.facing_paper,
        }
    }
}

/// A calendar date (`2023-02-23` in TOML).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The calendar date `days` after 1970-01-01 (proleptic Gregorian; Howard Hinnant's
    /// `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::value::Datetime::deserialize(deserializer)?;
        match (value.date, value.time) {
            (Some(date), None) => Ok(Date { year: date.year, month: date.month, day: date.day }),
            _ => Err(serde::de::Error::custom("expected a date such as 2023-02-23, without a time")),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ContentConfig {
    /// Folder holding one folder per language (`en/`, `ja/`).
    pub dir: PathBuf,
    pub glossary: PathBuf,
    pub baseline: PathBuf,
    /// The translation record written by `codepub sign-off`.
    pub lock: PathBuf,
    /// Largest block (paragraph, list) accepted, in bytes.
    pub max_block_bytes: usize,
}

impl Default for ContentConfig {
    fn default() -> Self {
        Self {
            dir: "content".into(),
            glossary: "content/glossary.toml".into(),
            baseline: "content/accepted.toml".into(),
            lock: "content/translations.lock".into(),
            max_block_bytes: 1024 * 1024,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    pub markup: MarkupConfig,
    pub untranslated: UntranslatedConfig,
    pub length_ratio: LengthRatioConfig,
    pub final_punctuation: FinalPunctuationConfig,
    pub repeated: RepeatedConfig,
    pub identifiers: IdentifiersConfig,
}

/// `[check.identifiers]`: what P020 need not find in both languages.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IdentifiersConfig {
    /// Regular expressions, each matched against a whole identifier as P020 reports it (a literal
    /// identifier, `ISO/CS`, matches itself).
    pub allow: Vec<String>,
}

/// `[check.repeated]`: English words P019 accepts written twice in a row (`"very"` or
/// `"very very"`), besides `that`, `had`, `is` and `do`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RepeatedConfig {
    pub allow: Vec<String>,
}

/// `[check.final_punctuation]`: which English and Japanese endings P006 accepts as equivalent
/// beyond the one-to-one marks (`.` ↔ `。`…).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FinalPunctuationConfig {
    /// Statute conventions, on unless turned off: a list item ending `;`, `,` or nothing ↔ `。`,
    /// and the lead-in of a list ending `:` ↔ `。`.
    pub statute_conventions: bool,
    /// The project's own equivalences.
    pub accept: Vec<PunctuationEquivalence>,
}

impl Default for FinalPunctuationConfig {
    fn default() -> Self {
        Self { statute_conventions: true, accept: Vec::new() }
    }
}

/// `[[check.final_punctuation.accept]] en = ";" ja = "。" where = "list-item"`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PunctuationEquivalence {
    /// The English ending: a mark (`.`, `:`, `;`, `,`, `?`, `!`, `?!`) or `""` for none.
    #[serde(deserialize_with = "final_mark")]
    pub en: String,
    /// The Japanese ending that translates it.
    #[serde(deserialize_with = "final_mark")]
    pub ja: String,
    #[serde(default, rename = "where")]
    pub place: PunctuationPlace,
}

/// Where an equivalence holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PunctuationPlace {
    #[default]
    Anywhere,
    /// A paragraph, not a list item.
    Paragraph,
    ListItem,
    /// A paragraph directly followed by a list.
    LeadIn,
}

/// A final punctuation mark as configured: empty (no mark) or one or two marks P006 knows.
fn final_mark<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    const MARKS: &str = ".。．:：;；,，、?？!！⁉⁈";
    let mark = String::deserialize(deserializer)?;
    if mark.chars().count() <= 2 && mark.chars().all(|c| MARKS.contains(c)) {
        Ok(mark)
    } else {
        Err(serde::de::Error::custom(format!(
            "`{mark}` is not a final punctuation mark: use one of . 。 : ： ; ； , 、 ? ？ ! ！ ?!, or \"\" for none"
        )))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MarkupConfig {
    /// Markup kinds that may stand for each other across languages.
    pub accepted: Vec<MarkupMapping>,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkupMapping {
    pub en: MarkupKind,
    pub ja: MarkupKind,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UntranslatedConfig {
    /// Regular expressions; a Japanese paragraph matching one may hold no Japanese script.
    pub allow: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LengthRatioConfig {
    pub factor: f64,
    pub min_chars: usize,
}

impl Default for LengthRatioConfig {
    fn default() -> Self {
        Self { factor: 2.0, min_chars: 40 }
    }
}

/// Deserialises TOML `text` shown to users as `shown`.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, shown: &str) -> Result<T, InputError> {
    toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        let (line, column) = SourceFile::new(shown, text.to_string()).line_column(offset);
        InputError::Toml {
            at: Location { path: shown.to_string(), line, column },
            message: error.message().trim().to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    const MINIMAL: &str = r#"
[edition]
council_resolution = "11/2023"
adopted = 2023-02-23
isbn = "978-92-67-11315-9"
author = "ISO"
title = { en = "Code", ja = "規範" }
copyright = { en = ["© ISO, 2023"], ja = ["© ISO, 2023", "© ISO/JSA, 2023"] }
"#;

    #[test]
    fn edition_metadata_is_read_with_defaults_for_the_rest() {
        let config: Config = parse_toml(MINIMAL, "codepub.toml").unwrap();
        assert_eq!(config.edition.adopted, Date { year: 2023, month: 2, day: 23 });
        assert_eq!(config.edition.copyright.get(Lang::Ja).len(), 2);
        assert_eq!(config.content.dir, PathBuf::from("content"));
        assert_eq!(config.check.length_ratio.factor, 2.0);
    }

    #[test]
    fn malformed_toml_reports_line_and_column() {
        let error = parse_toml::<Config>("[edition]\nisbn = \n", "codepub.toml").unwrap_err();
        assert!(matches!(&error, InputError::Toml { at, .. } if at.line == 2 && at.path == "codepub.toml"), "{error}");
    }

    #[test]
    fn the_facing_paper_is_a4_unless_a5_is_asked_for() {
        assert_eq!(parse_toml::<Config>(MINIMAL, "codepub.toml").unwrap().edition.facing_paper, Paper::A4);
        let a5 = MINIMAL.replacen("[edition]", "[edition]\nfacing_paper = \"a5\"", 1);
        assert_eq!(parse_toml::<Config>(&a5, "codepub.toml").unwrap().edition.facing_paper, Paper::A5);
        let letter = MINIMAL.replacen("[edition]", "[edition]\nfacing_paper = \"letter\"", 1);
        assert!(parse_toml::<Config>(&letter, "codepub.toml").is_err());
    }

    #[test]
    fn unknown_keys_are_refused() {
        let text = format!("{MINIMAL}\n[content]\ndirectory = \"x\"\n");
        let error = parse_toml::<Config>(&text, "codepub.toml").unwrap_err();
        assert!(matches!(error, InputError::Toml { message, .. } if message.contains("directory")));
    }

    #[test]
    fn adoption_date_must_be_a_date() {
        let text = MINIMAL.replace("adopted = 2023-02-23", "adopted = 2023-02-23T10:00:00");
        assert!(parse_toml::<Config>(&text, "codepub.toml").is_err());
    }
}
