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
    /// Whether the editions print the English's straight quotes and apostrophes curly
    /// (`smart_quotes = true`, [`crate::quotes`]); off unless turned on, so that a text is
    /// printed as typed. Not serialised: the render model carries its text already curled.
    #[serde(skip_serializing)]
    pub smart_quotes: bool,
    /// Whether the PDF editions print a contents page (`contents = "auto" | true | false`);
    /// not serialised: the render model carries the decision.
    #[serde(skip_serializing)]
    pub contents: ContentsPage,
    /// Whether the editions print each block's number within its clause beside it
    /// (`numbering = "none" | "paragraph"`); not serialised: the render model carries the numbers.
    #[serde(skip_serializing)]
    pub numbering: Numbering,
}

/// `numbering` under `[edition]`: whether the editions print the number of each block of a
/// clause (its paragraphs, lists, quotes) beside it, the number its address holds
/// (`principle-3#2` → 2), so that a reader can cite "principle 3, paragraph 2" in either
/// language. `"none"`, the default, prints none; `"paragraph"` prints them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Numbering {
    #[default]
    None,
    Paragraph,
}

impl<'de> Deserialize<'de> for Numbering {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match String::deserialize(deserializer)?.as_str() {
            "none" => Ok(Numbering::None),
            "paragraph" => Ok(Numbering::Paragraph),
            word => {
                Err(serde::de::Error::custom(format!("numbering = \"{word}\": expected \"none\" or \"paragraph\"")))
            }
        }
    }
}

/// `contents` under `[edition]`: a contents page in the PDF editions always (`true`), never
/// (`false`), or when the text is long enough to want one (`"auto"`: the render model decides
/// from the headings it lists), which is the default: the Code, a brochure, has none, a statute
/// has one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ContentsPage {
    #[default]
    Auto,
    Always,
    Never,
}

impl<'de> Deserialize<'de> for ContentsPage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// `true`, `false` or `"auto"`, as written.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Flag(bool),
            Word(String),
        }
        match Written::deserialize(deserializer)? {
            Written::Flag(true) => Ok(ContentsPage::Always),
            Written::Flag(false) => Ok(ContentsPage::Never),
            Written::Word(word) if word == "auto" => Ok(ContentsPage::Auto),
            Written::Word(word) => {
                Err(serde::de::Error::custom(format!("contents = \"{word}\": expected \"auto\", true or false")))
            }
        }
    }
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
    #[serde(default)]
    smart_quotes: bool,
    #[serde(default)]
    contents: ContentsPage,
    #[serde(default)]
    numbering: Numbering,
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
            smart_quotes: source.smart_quotes,
            contents: source.contents,
            numbering: source.numbering,
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
    pub partly_untranslated: PartlyUntranslatedConfig,
    /// `[[check.patterns]]`: the project's own checklist of regular expressions (P024).
    pub patterns: Vec<PatternRule>,
    pub spelling: SpellingConfig,
    pub enumerations: EnumerationsConfig,
}

/// `[check.spelling]`: P025, English spelling and grammar (harper).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SpellingConfig {
    /// Off unless turned on: on real texts most of what harper reports are names and terms of
    /// the text its dictionary lacks (1 true finding in 14 on four texts), and it takes about
    /// 5 ms a paragraph, a hundred times the rest of the check (see docs/checks.md).
    pub enabled: bool,
    /// The project's dictionary: one word per line, `#` comments. The default file may be
    /// absent (no words); a file named here must exist.
    pub dictionary: Option<PathBuf>,
    /// Grammar lints besides spelling; `false` keeps spelling only.
    pub grammar: bool,
    /// Harper lints turned off by name (`"SentenceCapitalization"`).
    pub disable: Vec<String>,
    /// The English of the text: `american` (the default), `british`, `canadian`, `australian`
    /// or `indian`.
    pub dialect: SpellingDialect,
}

/// The default project dictionary, read when `[check.spelling] dictionary` names none.
pub const DEFAULT_DICTIONARY: &str = "content/dictionary.txt";

impl Default for SpellingConfig {
    fn default() -> Self {
        Self {
            enabled: false,
            dictionary: None,
            grammar: true,
            disable: Vec::new(),
            dialect: SpellingDialect::American,
        }
    }
}

impl SpellingConfig {
    /// The dictionary file to read, and whether it must exist (it was named in codepub.toml).
    pub fn dictionary_path(&self) -> (PathBuf, bool) {
        match &self.dictionary {
            Some(path) => (path.clone(), true),
            None => (DEFAULT_DICTIONARY.into(), false),
        }
    }
}

/// The dialects of English P025 spells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpellingDialect {
    #[default]
    American,
    British,
    Canadian,
    Australian,
    Indian,
}

/// `[check.partly_untranslated]`: what P023 reports as English prose left in the Japanese.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PartlyUntranslatedConfig {
    /// Regular expressions, each matched against a whole run of English as P023 reports it.
    pub allow: Vec<String>,
    /// Fewest words of a run that reads as prose (the English holding a run verbatim reports
    /// runs of three words and more, whatever this is).
    pub min_words: usize,
}

impl Default for PartlyUntranslatedConfig {
    fn default() -> Self {
        Self { allow: Vec::new(), min_words: 4 }
    }
}

/// One rule of `[[check.patterns]]`: a regular expression that must not match the text of a
/// language, with the message a match is reported with and, optionally, its fix.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternRule {
    /// The language whose text is searched: `en`, `ja` or `both`.
    pub lang: PatternLang,
    /// A regular expression (the `regex` crate's syntax).
    pub pattern: String,
    /// What a match is reported with: one text, or one per UI language.
    pub message: PatternMessage,
    /// `error` (the default) or `warning`.
    #[serde(default = "error_severity")]
    pub severity: crate::diagnostic::Severity,
    /// The fix: what replaces a match (`$1` names a group).
    #[serde(default)]
    pub replace: Option<String>,
    /// The rule's id, shown with its findings and recorded in the baseline.
    #[serde(default)]
    pub name: Option<String>,
}

fn error_severity() -> crate::diagnostic::Severity {
    crate::diagnostic::Severity::Error
}

/// The language a pattern searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PatternLang {
    En,
    Ja,
    Both,
}

impl PatternLang {
    pub fn covers(self, lang: crate::model::Lang) -> bool {
        match self {
            PatternLang::Both => true,
            PatternLang::En => lang == crate::model::Lang::En,
            PatternLang::Ja => lang == crate::model::Lang::Ja,
        }
    }
}

/// A pattern's message: `message = "…"`, or `message = { en = "…", ja = "…" }` for each UI
/// language.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged, expecting = "a message: a string, or a table { en = \"…\", ja = \"…\" }")]
pub enum PatternMessage {
    One(String),
    Each(Pair<String>),
}

impl PatternMessage {
    /// The message in each UI language.
    pub fn texts(&self) -> Pair<&str> {
        match self {
            PatternMessage::One(text) => Pair::new(text.as_str(), text.as_str()),
            PatternMessage::Each(pair) => Pair::new(pair.en.as_str(), pair.ja.as_str()),
        }
    }
}

/// `[check.enumerations]`: P026, in-sentence lists with as many items in both languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EnumerationsConfig {
    /// Items both lists must have at least for a difference to be reported (2 or more).
    #[serde(deserialize_with = "min_items")]
    pub min_items: usize,
}

impl Default for EnumerationsConfig {
    fn default() -> Self {
        Self { min_items: 4 }
    }
}

/// `min_items` of `[check.enumerations]`: a list has two items or more.
fn min_items<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<usize, D::Error> {
    let value = usize::deserialize(deserializer)?;
    if value >= 2 {
        Ok(value)
    } else {
        Err(serde::de::Error::custom(format!("min_items is {value}: a list has 2 items or more")))
    }
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
    fn the_contents_page_is_auto_unless_true_or_false_is_given() {
        let contents = |line: &str| {
            let toml = MINIMAL.replacen("[edition]", &format!("[edition]\n{line}"), 1);
            parse_toml::<Config>(&toml, "codepub.toml").map(|config| config.edition.contents)
        };
        assert_eq!(parse_toml::<Config>(MINIMAL, "codepub.toml").unwrap().edition.contents, ContentsPage::Auto);
        assert_eq!(contents("contents = \"auto\"").unwrap(), ContentsPage::Auto);
        assert_eq!(contents("contents = true").unwrap(), ContentsPage::Always);
        assert_eq!(contents("contents = false").unwrap(), ContentsPage::Never);
        assert!(contents("contents = \"yes\"").is_err());
        assert!(contents("contents = 3").is_err());
    }

    #[test]
    fn paragraph_numbering_is_none_unless_paragraph_is_given_and_other_values_name_the_allowed_ones() {
        let numbering = |line: &str| {
            let toml = MINIMAL.replacen("[edition]", &format!("[edition]\n{line}"), 1);
            parse_toml::<Config>(&toml, "codepub.toml").map(|config| config.edition.numbering)
        };
        assert_eq!(parse_toml::<Config>(MINIMAL, "codepub.toml").unwrap().edition.numbering, Numbering::None);
        assert_eq!(numbering("numbering = \"none\"").unwrap(), Numbering::None);
        assert_eq!(numbering("numbering = \"paragraph\"").unwrap(), Numbering::Paragraph);
        let error = numbering("numbering = \"article\"").unwrap_err().to_string();
        assert!(error.contains("\"none\" or \"paragraph\""), "{error}");
        assert!(numbering("numbering = true").is_err());
    }

    #[test]
    fn smart_quotes_are_off_unless_turned_on() {
        assert!(!parse_toml::<Config>(MINIMAL, "codepub.toml").unwrap().edition.smart_quotes);
        let on = MINIMAL.replacen("[edition]", "[edition]\nsmart_quotes = true", 1);
        assert!(parse_toml::<Config>(&on, "codepub.toml").unwrap().edition.smart_quotes);
        let word = MINIMAL.replacen("[edition]", "[edition]\nsmart_quotes = \"yes\"", 1);
        assert!(parse_toml::<Config>(&word, "codepub.toml").is_err());
    }

    #[test]
    fn unknown_keys_are_refused() {
        let text = format!("{MINIMAL}\n[content]\ndirectory = \"x\"\n");
        let error = parse_toml::<Config>(&text, "codepub.toml").unwrap_err();
        assert!(matches!(error, InputError::Toml { message, .. } if message.contains("directory")));
    }

    #[test]
    fn check_patterns_are_read_with_their_defaults() {
        let text = format!(
            "{MINIMAL}\n[[check.patterns]]\nlang = \"ja\"\npattern = \"下さい\"\nmessage = \"kana\"\n\n\
             [[check.patterns]]\nlang = \"both\"\npattern = \"x\"\nmessage = {{ en = \"E\", ja = \"J\" }}\n\
             severity = \"warning\"\nreplace = \"y\"\nname = \"n\"\n"
        );
        let config: Config = parse_toml(&text, "codepub.toml").unwrap();
        let [first, second] = &config.check.patterns[..] else { panic!("two rules") };
        assert_eq!(
            (first.lang, first.severity, first.replace.as_deref()),
            (PatternLang::Ja, crate::diagnostic::Severity::Error, None)
        );
        assert_eq!(first.message.texts(), Pair::new("kana", "kana"));
        assert_eq!((second.severity, second.name.as_deref()), (crate::diagnostic::Severity::Warning, Some("n")));
        assert_eq!(second.message.texts(), Pair::new("E", "J"));
        assert!(PatternLang::Both.covers(Lang::En) && !PatternLang::Ja.covers(Lang::En));
    }

    #[test]
    fn a_bad_pattern_severity_language_or_message_is_an_error_at_its_line() {
        for bad in ["severity = \"fatal\"", "lang = \"fr\"", "message = 3"] {
            let key = bad.split(' ').next().unwrap();
            let mut rule = vec!["lang = \"ja\"", "pattern = \"a\"", "message = \"m\""];
            rule.retain(|line| !line.starts_with(key));
            rule.push(bad);
            let text = format!("{MINIMAL}\n[[check.patterns]]\n{}\n", rule.join("\n"));
            let line = text.lines().position(|l| l == bad).unwrap() as u32 + 1;
            let error = parse_toml::<Config>(&text, "codepub.toml").unwrap_err();
            assert!(matches!(&error, InputError::Toml { at, .. } if at.line == line), "{bad}: {error}");
        }
    }

    #[test]
    fn partly_untranslated_needs_four_words_unless_configured() {
        assert_eq!(parse_toml::<Config>(MINIMAL, "codepub.toml").unwrap().check.partly_untranslated.min_words, 4);
        let text = format!("{MINIMAL}\n[check.partly_untranslated]\nmin_words = 6\nallow = [\"a\"]\n");
        assert_eq!(parse_toml::<Config>(&text, "codepub.toml").unwrap().check.partly_untranslated.min_words, 6);
    }

    #[test]
    fn adoption_date_must_be_a_date() {
        let text = MINIMAL.replace("adopted = 2023-02-23", "adopted = 2023-02-23T10:00:00");
        assert!(parse_toml::<Config>(&text, "codepub.toml").is_err());
    }

    #[test]
    fn enumerations_compare_lists_of_four_items_unless_configured_and_never_fewer_than_two() {
        assert_eq!(parse_toml::<Config>(MINIMAL, "codepub.toml").unwrap().check.enumerations.min_items, 4);
        let with = |n: usize| format!("{MINIMAL}\n[check.enumerations]\nmin_items = {n}\n");
        assert_eq!(parse_toml::<Config>(&with(2), "codepub.toml").unwrap().check.enumerations.min_items, 2);
        let error = parse_toml::<Config>(&with(1), "codepub.toml").unwrap_err().to_string();
        assert!(error.contains("a list has 2 items or more"), "{error}");
    }
}
