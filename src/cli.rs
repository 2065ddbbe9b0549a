//! Command-line interface: the commands and options, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use codepub::pipeline::OutputFormat;
use codepub::report::Format;
use codepub::view::EditionKind;

/// The `--version` line's text after the name: the crate's version and what it typesets with,
/// `0.1.0 (Typst 0.15.1)`, or `0.1.0 (check-only: no pdf, no html)` without the features.
pub fn version() -> String {
    let typesetter = if cfg!(feature = "pdf") { typst_version() } else { "no pdf".to_string() };
    let mut with = vec![typesetter];
    if !cfg!(feature = "html") {
        with.push("no html".to_string());
    }
    let check_only = if cfg!(any(feature = "pdf", feature = "html")) { "" } else { "check-only: " };
    format!("{} ({check_only}{})", env!("CARGO_PKG_VERSION"), with.join(", "))
}

#[cfg(feature = "pdf")]
fn typst_version() -> String {
    format!("Typst {}", typst::utils::version().raw())
}

#[cfg(not(feature = "pdf"))]
fn typst_version() -> String {
    String::new()
}

#[derive(Debug, Parser)]
#[command(
    name = "codepub",
    version = version(),
    about = "Publishes official texts in two languages at once",
    args_override_self = true
)]
pub struct Cli {
    /// Project folder (holding codepub.toml); by default the nearest one at or above the current folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Language of codepub's messages; by default from LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<UiLangArg>,
    /// When to colour terminal output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum UiLangArg {
    En,
    Ja,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check translation parity between the English and Japanese sources.
    ///
    /// Exit status: 0 when no error is left once the baseline's accepted findings are set aside,
    /// 1 when errors remain, 2 for bad input or usage.
    Check(CheckArgs),
    /// Build the PDF and HTML editions (bilingual, facing pages, English, Japanese) after checking parity.
    Build(BuildArgs),
    /// Check and build the editions, then again on every change to the sources, templates,
    /// codepub.toml or fonts, rebuilding only the editions whose inputs changed; Ctrl-C stops.
    ///
    /// Formats: those this binary was built with unless --format names some (without either,
    /// it only checks). A preview: the output always shows the current sources, findings (errors
    /// included) or not; only sources that cannot be read or rendered keep the last output.
    Watch(WatchArgs),
    /// Watch, and serve the HTML editions, the PDFs and a page of the current findings on
    /// http://127.0.0.1:PORT/, reloading open pages after every rebuild, with a banner counting
    /// the findings and the affected paragraphs marked; Ctrl-C stops.
    Serve(ServeArgs),
    /// Record that the Japanese of the given clauses (all clauses when none is given) has been
    /// reviewed against the current English, in content/translations.lock.
    ///
    /// Refused (exit 1, nothing written) while a selected pair has errors other than P013,
    /// unless --force --reason.
    SignOff(SignOffArgs),
    /// Show, per clause, how many translations are current, source changed, awaiting review,
    /// never signed off or missing, and who signed off when.
    Status(StatusArgs),
    /// Create a new bilingual project in DIR (the current folder by default): codepub.toml, an
    /// example clause in both languages, an empty glossary and baseline. Never overwrites.
    ///
    /// With --from-text, the project holds two plain texts instead of the example: one paragraph
    /// per block of lines, headings recognised by pattern (`Article 13` / `第十三条`, with a caption
    /// `Article 1 (Name)` / `第一条（名称）` or above it; `CHAPTER I` / `第一章`, `Section 1` / `第一節`,
    /// `Supplementary Provisions` / `附則`, `Appended Table 1` / `別表第一`, `1. Title`, `a) Title`).
    /// The date is --adopted, else the one the title matter states (`Adopted on 23 February 2023`,
    /// `令和五年二月二十三日制定`). What could not be paired is reported with its line in the text.
    /// Exit status: 0 all paired, 1 something left unpaired or a text without any heading (the
    /// project is written all the same), 2 bad input, a Markdown file, no date, or an existing
    /// project (nothing is written).
    Init {
        /// Folder of the new project; created if missing.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Import the English and the Japanese plain texts.
        #[arg(long, num_args = 2, value_names = ["EN.txt", "JA.txt"], conflicts_with = "from_markdown")]
        from_text: Option<Vec<PathBuf>>,
        /// Adopt existing Markdown sources, as mdBook, Hugo, Jekyll or Docusaurus keep them: two
        /// files, or two folders matched file by file (the same relative path, or `name.md` and
        /// `name.ja.md`; one folder holding both may be given twice). Front matter is read, not
        /// printed; every heading gets the same `{#id}` as its counterpart; the Markdown is kept
        /// as it is. Exit status 1 when headings or files were left without a sure counterpart,
        /// or the adopted project does not check clean (it is written all the same).
        #[arg(long, num_args = 2, value_names = ["EN", "JA"])]
        from_markdown: Option<Vec<PathBuf>>,
        /// The date the text was adopted (YYYY-MM-DD), for an import whose text does not state
        /// one (or states another): the PDFs' date and the header of `codepub diff`.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = codepub::adopted::parse_iso_date)]
        adopted: Option<codepub::config::Date>,
    },
    /// Compare two revisions of the text, in both languages, and say which translations went stale.
    ///
    /// OLD and NEW are git revisions of the project (`HEAD~1`, a tag, a commit) or project folders.
    /// Exit status: 0 no changes, 1 changes, 2 errors.
    Diff(DiffArgs),
    /// Run a Language Server over standard input and output, for editors (Neovim, VS Code).
    ///
    /// Publishes the findings of `check` from the editor's unsaved buffers of content/en/*.md and
    /// content/ja/*.md as they change; hover shows a block's address, its counterpart in the
    /// other language and its translation state; go to definition jumps to the counterpart; code
    /// actions apply the punctuation fixes of `check --fix`. Each document is served by the
    /// project whose codepub.toml is nearest above it (only the --root project, when given).
    /// Exit status: 0 after `shutdown` and `exit`, 1 when the client leaves without `shutdown`.
    Lsp,
    /// Exchange the translation with a translator's CAT tool (Trados, memoQ, OmegaT, Phrase) as
    /// XLIFF 2.0: export the units to translate, then import the translated file, checked.
    Xliff {
        #[command(subcommand)]
        command: XliffCommand,
    },
    /// The translation memory of everything ever signed off: the translation record now and at
    /// every git commit that changed it.
    Memory {
        #[command(subcommand)]
        command: MemoryCommand,
    },
    /// Explain a check, as `rustc --explain` does: what it compares, why it matters, a pair it
    /// reports and one it passes, what configures it and how to accept a finding.
    ///
    /// `codepub explain` lists every check; `codepub explain P004` explains one (`--lang ja` in
    /// Japanese); `--markdown` writes Markdown (without a code: the whole of docs/checks.md).
    Explain {
        /// The check's code (`P004`, `p004`); every check is listed when none is given.
        code: Option<String>,
        /// Write Markdown instead of text: `codepub explain --markdown > docs/checks.md`.
        #[arg(long)]
        markdown: bool,
    },
    /// Print a shell completion script for codepub to standard output.
    ///
    /// bash: `codepub completions bash > ~/.local/share/bash-completion/completions/codepub`;
    /// zsh: `codepub completions zsh > ~/.zfunc/_codepub`; fish:
    /// `codepub completions fish > ~/.config/fish/completions/codepub.fish`; PowerShell:
    /// `codepub completions powershell >> $PROFILE`.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print codepub's manual page (roff) to standard output, or write the pages of codepub and
    /// each of its commands into a folder.
    ///
    /// `codepub man | man -l -` reads it; `codepub man --out DIR` writes codepub.1,
    /// codepub-check.1, … for `man -M`.
    Man {
        /// Write one page per command into this folder (as man1/…) instead.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum XliffCommand {
    /// Write the paired headings, paragraphs, list items and footnote paragraphs as one XLIFF 2.0
    /// document (English source, Japanese target), each unit's state from the translation record:
    /// final (signed off and current), translated (unsigned), initial (stale or missing).
    Export(XliffExportArgs),
    /// Write the targets of an XLIFF 2.0 file into the Japanese sources, in place.
    ///
    /// Refused, with nothing written (exit status 1), when a unit is unknown, when its source is
    /// no longer the current English, when an inline code was lost, duplicated or made up, or
    /// when the imported Japanese fails a parity check at error level. Exit status 2: the file
    /// is not well-formed XLIFF.
    Import(XliffImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct XliffExportArgs {
    /// Clause ids (`principle-3`, `footnote-1`) to export; all clauses when none is given.
    pub clauses: Vec<String>,
    /// Only what needs work: stale translations and missing ones.
    #[arg(long)]
    pub stale: bool,
    /// Write the document to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum MemoryCommand {
    /// Write every signed-off pair of English and Japanese, each once, as a translation memory
    /// for CAT tools (TMX 1.4b): from the translation record now and, in a git repository, from
    /// the record at every commit reachable from HEAD that changed it.
    Export(MemoryExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct MemoryExportArgs {
    /// The format of the memory.
    #[arg(long, value_enum, default_value_t = MemoryFormat::Tmx)]
    pub format: MemoryFormat,
    /// Write the memory to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MemoryFormat {
    /// TMX 1.4b (LISA's Translation Memory eXchange).
    Tmx,
}

#[derive(Debug, clap::Args)]
pub struct XliffImportArgs {
    /// The XLIFF 2.0 file, as exported and translated.
    pub file: PathBuf,
    /// Print what would change, as a unified diff, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// After a clean import, record the imported translations as signed off.
    #[arg(long, conflicts_with = "dry_run")]
    pub sign_off: bool,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier revision: a git revision or a project folder.
    pub old: String,
    /// The later revision: a git revision or a project folder.
    pub new: String,
    /// Output format: terminal text, JSON, or an HTML or PDF redline.
    #[arg(long, value_enum, default_value_t = DiffFormat::Terminal)]
    pub format: DiffFormat,
    /// Write the output to this file (required for PDF) instead of standard output.
    #[arg(long, value_name = "FILE", required_if_eq("format", "pdf"))]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Terminal,
    Json,
    Html,
    Pdf,
}

#[derive(Debug, clap::Args)]
pub struct SignOffArgs {
    /// Clause ids (`principle-3`, `footnote-1`); all clauses when none is given.
    pub clauses: Vec<String>,
    /// Who reviewed the translations (default: `user.name` of the git configuration, else $USER).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// A remark recorded with each pair signed off.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Sign off even though the pairs have errors (other than P013); needs --reason.
    #[arg(long, requires = "reason")]
    pub force: bool,
    /// Why the pairs are signed off over their errors; recorded with each pair.
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    pub format: StatusFormat,
    /// For each pair whose English changed since sign-off: the English word diff and the
    /// Japanese as signed off.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// Ignore content/accepted.toml: report every finding as new.
    #[arg(long)]
    pub no_baseline: bool,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Report only findings in clauses that changed since this git revision (a branch, tag or
    /// commit), in either language; stale translations (P013) are reported everywhere.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Apply the unambiguous punctuation fixes (never to accepted findings), print what changed,
    /// then check again.
    #[arg(long)]
    pub fix: bool,
    /// The fonts of this folder count as the editions' too (as `build --font-path`), for the
    /// glyph coverage check (P015).
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Accept the current finding(s) of check CODE at ADDRESS (`P004@article-4#1`): write
    /// entries bound to them (values, excerpt) into content/accepted.toml, then check again.
    /// Repeatable; needs --reason.
    #[arg(long, value_name = "CODE@ADDRESS", conflicts_with_all = ["fix", "no_baseline"])]
    pub accept: Vec<String>,
    /// With --accept: only the findings in this language (needed when the check reports at the
    /// address in both).
    #[arg(long, value_enum, value_name = "LANG", requires = "accept")]
    pub accept_lang: Option<UiLangArg>,
    /// With --accept: why the published text keeps the finding(s), recorded in each entry.
    #[arg(long, value_name = "TEXT", requires = "accept")]
    pub reason: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Editions to build (repeat or separate with commas); all four by default (the facing pages in PDF only).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub edition: Vec<EditionArg>,
    /// Output formats (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [OutputFormatArg::Pdf, OutputFormatArg::Html])]
    pub format: Vec<OutputFormatArg>,
    /// Output folder, relative to the project root unless absolute.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Publish even when the parity check finds errors (they are printed, and counted).
    #[arg(long)]
    pub allow_errors: bool,
    /// With --allow-errors, print only the count of the errors overridden, not the findings.
    #[arg(long, requires = "allow_errors")]
    pub quiet: bool,
    /// Publish translations that are stale or were never signed off (P013), each marked
    /// provisional and explained on the title page; any other error still stops the build.
    #[arg(long)]
    pub provisional: bool,
    /// Also use the fonts in this folder (system fonts are never used otherwise).
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Write where the build's time went to FILE (relative to the project root unless absolute).
    ///
    /// A Chrome trace (chrome://tracing, ui.perfetto.dev) of codepub's phases and of Typst's
    /// work on each PDF, by thread and template line, written when the build succeeds.
    #[arg(long, value_name = "FILE")]
    pub timings: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// Editions to build (repeat or separate with commas); all of them by default.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub edition: Vec<EditionArg>,
    /// Output formats (comma-separated); by default every format this binary can write.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub format: Vec<OutputFormatArg>,
    /// Output folder, relative to the project root unless absolute.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Does nothing, accepted as before: the output always follows the sources, errors included.
    #[arg(long)]
    pub allow_errors: bool,
    /// Also use the fonts in this folder (watched too).
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub watch: WatchArgs,
    /// Address to listen on: 127.0.0.1 by default; another (0.0.0.0 for every interface) serves
    /// the preview on the network, without authentication (a warning says so).
    #[arg(long, value_name = "ADDR", default_value_t = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST))]
    pub host: std::net::IpAddr,
    /// Port to listen on (0: any free port, printed).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// Open the bilingual page in the default web browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormatArg {
    Pdf,
    Html,
}

impl From<OutputFormatArg> for OutputFormat {
    fn from(format: OutputFormatArg) -> Self {
        match format {
            OutputFormatArg::Pdf => OutputFormat::Pdf,
            OutputFormatArg::Html => OutputFormat::Html,
        }
    }
}

/// Which edition to render (`--edition`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EditionArg {
    /// Both languages side by side in two columns.
    Bilingual,
    /// Both languages on facing pages: English on the left-hand pages, Japanese on the right
    /// (PDF only).
    Facing,
    En,
    Ja,
}

impl From<EditionArg> for EditionKind {
    fn from(edition: EditionArg) -> Self {
        match edition {
            EditionArg::Bilingual => EditionKind::Bilingual,
            EditionArg::Facing => EditionKind::Facing,
            EditionArg::En => EditionKind::En,
            EditionArg::Ja => EditionKind::Ja,
        }
    }
}

/// Output formats of `codepub check` (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// rustc-style text with the English and Japanese source lines.
    Human,
    /// One JSON document (its fields: docs/json.md).
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// GitLab Code Quality report (a JSON array of issues).
    Gitlab,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Gitlab => Format::Gitlab,
        }
    }
}

/// The editions named on the command line, in order and each once.
pub fn editions(named: &[EditionArg]) -> Vec<EditionKind> {
    unique(named)
}

/// The output formats named on the command line, in order and each once.
pub fn formats(named: &[OutputFormatArg]) -> Vec<OutputFormat> {
    unique(named)
}

/// What `named` says, in order and each once.
fn unique<A: Copy, T: From<A> + PartialEq>(named: &[A]) -> Vec<T> {
    let mut unique: Vec<T> = Vec::new();
    for &arg in named {
        let value = T::from(arg);
        if !unique.contains(&value) {
            unique.push(value);
        }
    }
    unique
}
