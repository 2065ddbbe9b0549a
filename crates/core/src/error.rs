//! Errors that stop a run before any check: unreadable, badly encoded or malformed input, and
//! paths outside the project. Each has a stable code, a Fluent message and a file:line:col.

use crate::i18n::Message;
use crate::location::Location;
use crate::skipped::SpecialFile;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path} is outside the project root {root}")]
    OutsideRoot { path: String, root: String },
    #[error("{path} is {bytes} bytes, over the limit of {limit}")]
    FileTooLarge { path: String, bytes: u64, limit: u64 },
    #[error("{at}: byte order mark")]
    ByteOrderMark { at: Location },
    #[error("{at}: invalid UTF-8 byte {byte:#04x}")]
    InvalidUtf8 { at: Location, byte: u8 },
    #[error("{at}: carriage return")]
    CarriageReturn { at: Location },
    #[error("{at}: {message}")]
    Toml { at: Location, message: String },
    #[error("{dir}: no {lang} sources")]
    MissingLanguage { lang: String, dir: String },
    #[error("{at}: duplicate clause id {id} (first at {first})")]
    DuplicateClause { id: String, at: Location, first: Location },
    #[error("{at}: block of {bytes} bytes, over the limit of {limit}")]
    BlockTooLarge { at: Location, bytes: usize, limit: usize },
    #[error("{at}: content before the first clause heading")]
    ContentOutsideClause { at: Location },
    #[error("{at}: {message}")]
    Git { at: Location, message: String },
    /// Several of the above, in the order they were found (never fewer than two).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Several(Vec<InputError>),
    /// A plain text to import (`codepub init --from-text`) that holds no paragraph.
    #[error("{path}: no text to import")]
    EmptyText { path: String },
    #[error("{at}: markup nested over the limit of {limit} levels")]
    NestingTooDeep { at: Location, limit: usize },
    /// An XLIFF file to import that is not well-formed XML, or not an English to Japanese XLIFF
    /// 2.0 document.
    #[error("{at}: {message}")]
    Xliff { at: Location, message: String },
    /// A file the project names (`codepub.toml`, the glossary, the baseline, the translation
    /// record) that is a named pipe, a socket or a device: never opened.
    #[error("{path} is not a regular file ({})", kind.name())]
    NotAFile { path: String, kind: SpecialFile },
    /// Front matter of a Markdown file to adopt (`codepub init --from-markdown`) that is not
    /// valid TOML or YAML, or is never closed.
    #[error("{at}: front matter: {message}")]
    FrontMatter { at: Location, message: String },
    /// Markdown sources to adopt given as a file and a folder.
    #[error("{en} and {ja}: one is a file, the other a folder")]
    MarkdownPair { en: String, ja: String },
    /// A folder of Markdown sources to adopt that holds none.
    #[error("{path}: no Markdown files")]
    NoMarkdown { path: String },
}

impl InputError {
    /// `Ok` when `errors` is empty, else the one error or [`InputError::Several`].
    pub fn all_of(mut errors: Vec<InputError>) -> Result<(), InputError> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            _ => Err(InputError::Several(errors)),
        }
    }

    /// Every single error this one stands for, in order.
    pub fn each(&self) -> Vec<&InputError> {
        match self {
            Self::Several(errors) => errors.iter().flat_map(InputError::each).collect(),
            single => vec![single],
        }
    }

    /// Stable code, shown with the message and used by the JSON and SARIF output.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Io { .. } => "E001",
            Self::OutsideRoot { .. } => "E002",
            Self::FileTooLarge { .. } => "E003",
            Self::ByteOrderMark { .. } => "E004",
            Self::InvalidUtf8 { .. } => "E005",
            Self::CarriageReturn { .. } => "E006",
            Self::Toml { .. } => "E007",
            Self::MissingLanguage { .. } => "E008",
            Self::DuplicateClause { .. } => "E009",
            Self::BlockTooLarge { .. } => "E010",
            Self::ContentOutsideClause { .. } => "E011",
            Self::Git { .. } => "E012",
            Self::Several(errors) => errors.first().map_or("E001", InputError::code),
            Self::EmptyText { .. } => "E013",
            Self::NestingTooDeep { .. } => "E014",
            Self::Xliff { .. } => "E015",
            Self::NotAFile { .. } => "E016",
            Self::FrontMatter { .. } => "E017",
            Self::MarkdownPair { .. } => "E018",
            Self::NoMarkdown { .. } => "E019",
        }
    }

    /// Where the error is: a file, line and column (line 1, column 1 when the whole file is at fault).
    pub fn location(&self) -> Location {
        let whole = |path: &str| Location { path: path.to_string(), line: 1, column: 1 };
        match self {
            Self::Io { path, .. }
            | Self::OutsideRoot { path, .. }
            | Self::FileTooLarge { path, .. }
            | Self::NotAFile { path, .. }
            | Self::NoMarkdown { path } => whole(path),
            Self::MarkdownPair { en, .. } => whole(en),
            Self::MissingLanguage { dir, .. } => whole(dir),
            Self::EmptyText { path } => whole(path),
            Self::ByteOrderMark { at }
            | Self::InvalidUtf8 { at, .. }
            | Self::CarriageReturn { at }
            | Self::Toml { at, .. }
            | Self::DuplicateClause { at, .. }
            | Self::BlockTooLarge { at, .. }
            | Self::ContentOutsideClause { at }
            | Self::Git { at, .. }
            | Self::NestingTooDeep { at, .. }
            | Self::Xliff { at, .. }
            | Self::FrontMatter { at, .. } => at.clone(),
            Self::Several(errors) => errors.first().map_or_else(|| whole("."), InputError::location),
        }
    }

    /// The localised message for this error.
    pub fn message(&self) -> Message {
        match self {
            Self::Io { source, .. } => Message::new("error-io").arg("reason", source.to_string()),
            Self::OutsideRoot { path, root } => Message::new("error-outside-root").arg("path", path).arg("root", root),
            Self::FileTooLarge { bytes, limit, .. } => {
                Message::new("error-file-too-large").num("bytes", *bytes as i64).num("limit", *limit as i64)
            }
            Self::ByteOrderMark { .. } => Message::new("error-bom"),
            Self::InvalidUtf8 { byte, .. } => Message::new("error-invalid-utf8").arg("byte", format!("{byte:#04x}")),
            Self::CarriageReturn { .. } => Message::new("error-carriage-return"),
            Self::Toml { message, .. } => Message::new("error-toml").arg("reason", message),
            Self::MissingLanguage { lang, .. } => Message::new("error-missing-language").arg("lang", lang),
            Self::DuplicateClause { id, first, .. } => {
                Message::new("error-duplicate-clause").arg("id", id).arg("first", first.to_string())
            }
            Self::BlockTooLarge { bytes, limit, .. } => {
                Message::new("error-block-too-large").num("bytes", *bytes as i64).num("limit", *limit as i64)
            }
            Self::ContentOutsideClause { .. } => Message::new("error-content-outside-clause"),
            Self::Git { message, .. } => Message::new("error-git").arg("reason", message),
            Self::Several(errors) => errors.first().map_or_else(|| Message::new("error-io"), InputError::message),
            Self::EmptyText { .. } => Message::new("error-empty-text"),
            Self::NestingTooDeep { limit, .. } => Message::new("error-nesting-too-deep").num("limit", *limit as i64),
            Self::Xliff { message, .. } => Message::new("error-xliff").arg("reason", message),
            Self::NotAFile { kind, .. } => Message::new("error-not-a-file").arg("kind", kind.name()),
            Self::FrontMatter { message, .. } => Message::new("error-front-matter").arg("reason", message),
            Self::MarkdownPair { ja, .. } => Message::new("error-markdown-pair").arg("other", ja),
            Self::NoMarkdown { .. } => Message::new("error-no-markdown"),
        }
    }

    /// Advice on how to fix it, where there is one.
    pub fn help(&self) -> Option<Message> {
        if let Self::NestingTooDeep { limit, .. } = self {
            return Some(Message::new("help-nesting-too-deep").num("limit", *limit as i64));
        }
        let id = match self {
            Self::ByteOrderMark { .. } => "help-bom",
            Self::CarriageReturn { .. } => "help-carriage-return",
            Self::InvalidUtf8 { .. } => "help-invalid-utf8",
            Self::OutsideRoot { .. } => "help-outside-root",
            Self::DuplicateClause { .. } => "help-duplicate-clause",
            Self::BlockTooLarge { .. } => "help-block-too-large",
            Self::ContentOutsideClause { .. } => "help-content-outside-clause",
            Self::MissingLanguage { .. } => "help-missing-language",
            Self::Several(errors) => return errors.first().and_then(InputError::help),
            Self::EmptyText { .. } => "help-empty-text",
            Self::Xliff { .. } => "help-xliff",
            Self::NotAFile { .. } => "help-not-a-file",
            Self::FrontMatter { .. } => "help-front-matter",
            Self::MarkdownPair { .. } => "help-markdown-pair",
            Self::NoMarkdown { .. } => "help-no-markdown",
            _ => return None,
        };
        Some(Message::new(id))
    }
}
