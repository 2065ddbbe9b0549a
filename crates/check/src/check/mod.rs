//! Parity checks. Each check is a small module with a code (`P0xx`), a default severity and a
//! help text; it reads the aligned documents and reports [`Finding`]s with spans in both
//! languages. The publisher's baseline then marks the accepted ones.

mod blocks;
mod brackets;
mod colophon;
mod consistency;
mod enumerations;
mod footnotes;
mod glossary;
mod glyphs;
mod identifiers;
mod invisible;
mod length_ratio;
mod links;
mod markup;
mod normalization;
mod numbers;
mod partly_untranslated;
mod patterns;
mod punctuation;
mod repeated;
mod spelling;
pub mod stale;
mod structure;
mod terms;
mod untranslated;
mod whitespace;
mod width;

use std::collections::{HashMap, HashSet};

use codepub_core::address::{Address, Owner, Part};
use codepub_core::align::{Alignment, BlockPair, ClausePair};
pub use codepub_core::diagnostic::{Diagnostic, Fix, Label, Severity};
use codepub_core::glyphs::{GlyphCoverage, Unknown};
use codepub_core::i18n::Message;
use codepub_core::load::Project;
use codepub_core::model::{Block, BlockKind, Inline, InlineKind, Lang};
use codepub_core::pair::Pair;
use codepub_core::source::{FileId, Span};

/// One parity check.
pub trait Check: Sync {
    /// Stable code, `P001`…
    fn code(&self) -> &'static str;
    /// Short kebab-case name, `clause-structure`…
    fn name(&self) -> &'static str;
    /// Fluent id of the help text shown with every finding of the check.
    fn help(&self) -> &'static str;
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>);
}

/// Every check, in code order.
pub fn all_checks() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(structure::ClauseStructure),
        Box::new(blocks::BlockCounts),
        Box::new(footnotes::Footnotes),
        Box::new(numbers::Numbers),
        Box::new(markup::InlineMarkup),
        Box::new(punctuation::FinalPunctuation),
        Box::new(width::HalfWidthPunctuation),
        Box::new(untranslated::Untranslated),
        Box::new(glossary::GlossaryTerms),
        Box::new(whitespace::Whitespace),
        Box::new(length_ratio::LengthRatio),
        Box::new(links::UnsafeLinks),
        Box::new(stale::StaleTranslation),
        Box::new(colophon::EditionMatter),
        Box::new(glyphs::GlyphCoverage),
        Box::new(invisible::InvisibleCharacters),
        Box::new(normalization::UnicodeNormalization),
        Box::new(brackets::UnpairedBrackets),
        Box::new(repeated::RepeatedWord),
        Box::new(identifiers::Identifiers),
        Box::new(consistency::Consistency),
        Box::new(terms::ForbiddenTerms),
        Box::new(partly_untranslated::PartlyUntranslated),
        Box::new(patterns::Patterns),
        Box::new(spelling::Spelling),
        Box::new(enumerations::Enumerations),
    ]
}

/// What a check reports: a [`Diagnostic`] and the finding's identity (address, language,
/// excerpt); [`run`] adds the code, the severity, the check's help where the draft has none, and
/// the baseline's verdict.
#[derive(Clone, Debug)]
pub struct Draft {
    pub diagnostic: Diagnostic,
    /// Stable address (`principle-3#2`), the key of baseline entries.
    pub address: Address,
    /// The language whose text is at fault, when one is.
    pub lang: Option<Lang>,
    /// The offending text, short; lets a baseline entry accept one occurrence and not another.
    pub excerpt: Option<String>,
    /// What the finding reports, which a baseline entry records: the message's arguments unless
    /// the check says otherwise ([`Draft::values`]).
    pub values: Option<Vec<String>>,
    /// This finding's severity, when not its check's default (a deprecated term warns where a
    /// forbidden one is an error); `--deny-warnings` still makes it an error.
    pub severity: Option<Severity>,
}

impl Draft {
    pub fn new(message: Message, address: impl Into<Address>, lang: Option<Lang>) -> Self {
        Self {
            diagnostic: Diagnostic::error(message),
            address: address.into(),
            lang,
            excerpt: None,
            values: None,
            severity: None,
        }
    }

    /// A finding on the Japanese side of a pair: the Japanese text as primary label, the English
    /// it translates as secondary.
    pub fn on_pair(message: Message, address: impl Into<Address>, ja: &Span, en: &Span) -> Self {
        Self::new(message, address, Some(Lang::Ja)).label(Label::new(Lang::Ja, ja)).label(Label::new(Lang::En, en))
    }

    /// Adds a label; the first is the primary one.
    pub fn label(mut self, label: Label) -> Self {
        self.diagnostic = self.diagnostic.label(label);
        self
    }

    pub fn excerpt(mut self, excerpt: impl Into<String>) -> Self {
        self.excerpt = Some(excerpt.into());
        self
    }

    /// The values a baseline entry records for this finding, when its message's arguments are
    /// not the right ones (some depend on the rest of the text).
    pub fn values(mut self, values: Vec<String>) -> Self {
        self.values = Some(values);
        self
    }

    /// Reports this finding with `severity` instead of its check's default.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    pub fn note(mut self, note: Message) -> Self {
        self.diagnostic = self.diagnostic.note(note);
        self
    }

    /// Help for this finding in particular (the exact replacement); the check's help otherwise.
    pub fn help(mut self, help: Message) -> Self {
        self.diagnostic = self.diagnostic.help(help);
        self
    }

    /// Offers `fix`, the edit that resolves the finding, when there is exactly one sensible edit
    /// (`None` leaves the finding without).
    pub fn fix(mut self, fix: Option<Fix>) -> Self {
        self.diagnostic = self.diagnostic.fix(fix);
        self
    }
}

/// A finding as reported: the draft's diagnostic with its check's code, severity and help, and
/// the baseline's verdict.
#[derive(Clone, Debug)]
pub struct Finding {
    pub diagnostic: Diagnostic,
    /// The check's short name (`final-punctuation`).
    pub check: &'static str,
    pub address: Address,
    pub lang: Option<Lang>,
    pub excerpt: Option<String>,
    /// What the finding reports (the numbers that differ, the marks, the term): with the code,
    /// address, language and excerpt, its identity, which a baseline entry records.
    pub values: Vec<String>,
    /// The baseline's reason, when the publisher accepted this finding.
    pub accepted: Option<String>,
    /// The baseline entry that accepted this finding at this address before it changed (its
    /// values or excerpt are no longer those recorded): the finding fails the run until accepted
    /// again.
    pub changed: Option<usize>,
}

impl Finding {
    /// The check's code (`P004`).
    pub fn code(&self) -> &'static str {
        self.diagnostic.code.unwrap_or_default()
    }

    pub fn severity(&self) -> Severity {
        self.diagnostic.severity
    }

    pub fn message(&self) -> &Message {
        &self.diagnostic.message
    }

    /// The finding's own help, or its check's.
    pub fn help(&self) -> &Message {
        // `run` gives every finding its check's help when the draft has none.
        static NO_HELP: Message = Message { id: "", args: Vec::new() };
        self.diagnostic.help.as_ref().unwrap_or(&NO_HELP)
    }

    pub fn labels(&self) -> &[Label] {
        &self.diagnostic.labels
    }

    pub fn notes(&self) -> &[Message] {
        &self.diagnostic.notes
    }

    pub fn fix(&self) -> Option<&Fix> {
        self.diagnostic.fix.as_ref()
    }

    /// `P004@article-4#1`, as `codepub check --accept` names the finding.
    pub fn target(&self) -> String {
        format!("{}@{}", self.code(), self.address)
    }

    /// The `codepub check --accept` command that records this finding in the baseline.
    pub fn accept_command(&self) -> String {
        let lang = self.lang.map(|lang| format!(" --accept-lang {}", lang.code())).unwrap_or_default();
        format!("codepub check --accept {}{lang} --reason \"…\"", self.target())
    }

    /// The baseline entry that accepts exactly this finding, with `reason`.
    pub fn entry(&self, reason: &str, at: codepub_core::location::Location) -> codepub_core::baseline::Accepted {
        codepub_core::baseline::Accepted {
            check: self.code().to_string(),
            address: self.address.clone(),
            lang: self.lang,
            excerpt: self.excerpt.clone(),
            values: Some(self.values.clone()),
            reason: reason.to_string(),
            at,
        }
    }
}

/// The values of a message: its arguments, in order, as text.
fn message_values(message: &Message) -> Vec<String> {
    (message.args.iter())
        .map(|(_, arg)| match arg {
            codepub_core::i18n::Arg::Text(text) => text.clone(),
            codepub_core::i18n::Arg::Number(number) => number.to_string(),
        })
        .collect()
}

/// A heading or block of one language, as the checks see it.
#[derive(Clone, Debug)]
pub struct Unit<'a> {
    pub lang: Lang,
    pub span: &'a Span,
    pub kind: UnitKind,
    /// Inline runs: one for a heading or paragraph, one per list item.
    pub groups: Vec<&'a [Inline]>,
    /// Plain text without footnote references; list items joined by newlines.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Heading,
    Paragraph,
    List,
    Other,
}

impl<'a> Unit<'a> {
    fn heading(lang: Lang, span: &'a Span, inlines: &'a [Inline]) -> Self {
        Self { lang, span, kind: UnitKind::Heading, groups: vec![inlines], text: text_without_refs(inlines) }
    }

    fn block(lang: Lang, block: &'a Block) -> Self {
        let kind = match block.kind {
            BlockKind::Paragraph(_) => UnitKind::Paragraph,
            BlockKind::List { .. } => UnitKind::List,
            _ => UnitKind::Other,
        };
        let groups = block.inline_groups();
        let text = match groups.as_slice() {
            [group] => text_without_refs(group),
            groups => groups.iter().map(|g| text_without_refs(g)).collect::<Vec<_>>().join("\n"),
        };
        Self { lang, span: &block.span, kind, groups, text }
    }

    /// Every inline of the unit, depth first.
    pub fn inlines(&self) -> Vec<&'a Inline> {
        let mut all = Vec::new();
        for group in &self.groups {
            codepub_core::model::walk_inlines(group, &mut |inline| all.push(inline));
        }
        all
    }
}

/// Plain text of inline runs with footnote references left out.
pub fn text_without_refs(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_text_without_refs(inlines, &mut out, &mut Vec::new());
    out
}

/// Appends the plain text of inline runs, footnote references left out, to `out`, and records
/// where each inline's text starts in it (for placing a match in the source).
pub fn push_text_without_refs<'a>(inlines: &'a [Inline], out: &mut String, starts: &mut Vec<(usize, &'a Inline)>) {
    for inline in inlines {
        match &inline.kind {
            InlineKind::FootnoteRef(_) => {}
            InlineKind::Emphasis(children) | InlineKind::Strong(children) | InlineKind::Link { children, .. } => {
                push_text_without_refs(children, out, starts)
            }
            _ => {
                starts.push((out.len(), inline));
                out.push_str(codepub_core::model::leaf_text(inline).unwrap_or_default());
            }
        }
    }
}

/// A heading or block and its counterpart, under one address: its `sides`, the [`Pair`] of its
/// two languages.
#[derive(Clone, Debug)]
pub struct UnitPair<'a> {
    pub address: Address,
    pub sides: Pair<Option<Unit<'a>>>,
}

impl<'a> UnitPair<'a> {
    /// The units of an aligned row of blocks (of a clause or a footnote).
    fn of_row(row: &'a BlockPair<'a>) -> Self {
        UnitPair {
            address: row.address.clone(),
            sides: Pair::new(
                row.sides.en.map(|b| Unit::block(Lang::En, b)),
                row.sides.ja.map(|b| Unit::block(Lang::Ja, b)),
            ),
        }
    }

    pub fn side(&self, lang: Lang) -> Option<&Unit<'a>> {
        self.sides.get(lang).as_ref()
    }
}

/// Below this many blocks, a context's units are made on one thread: starting threads would
/// cost more than they save (the Code has under 100 blocks; 10 000 paragraph pairs take 8 ms on one
/// core).
const UNITS_MADE_IN_PARALLEL: usize = 1_000;

/// What one clause gives a [`Context`]: translated units, paired, or edition matter.
enum ClauseUnits<'a> {
    Translated(Vec<UnitPair<'a>>),
    Colophon(Vec<(Address, Unit<'a>)>),
}

/// What every check reads.
pub struct Context<'a> {
    pub project: &'a Project,
    pub alignment: &'a Alignment<'a>,
    /// Translated headings and blocks (clauses and footnotes), paired.
    pub pairs: Vec<UnitPair<'a>>,
    /// Edition matter (back covers), each language's own, with addresses.
    pub colophon: Vec<(Address, Unit<'a>)>,
    /// Addresses of blocks without counterpart in a clause (or footnote) present in both
    /// languages: P002 reports them, and the other checks leave them alone, so one missing or
    /// extra block is one finding.
    pub unmatched: HashSet<Address>,
    /// Clauses and footnotes (`footnote-1`) present in both languages.
    pub in_both: HashSet<Owner>,
    /// What the editions' fonts can print ([`Context::with_glyphs`]); unknown by default, so
    /// that every character prints.
    pub glyphs: &'a dyn GlyphCoverage,
}

impl<'a> Context<'a> {
    pub fn new(project: &'a Project, alignment: &'a Alignment<'a>) -> Self {
        // Each clause's units are made on their own (their texts gathered from the inlines), over
        // the cores when the text is long enough to repay the threads.
        let blocks: usize = alignment.clauses.iter().map(|c| c.blocks.len()).sum();
        let per_clause = if blocks >= UNITS_MADE_IN_PARALLEL {
            let clauses: Vec<&'a ClausePair<'a>> = alignment.clauses.iter().collect();
            codepub_core::parallel::map_in_order(&clauses, |&clause| Self::units_of_clause(clause))
        } else {
            alignment.clauses.iter().map(Self::units_of_clause).collect()
        };
        let mut pairs = Vec::with_capacity(blocks + alignment.clauses.len());
        let mut colophon = Vec::new();
        for units in per_clause {
            match units {
                ClauseUnits::Translated(units) => pairs.extend(units),
                ClauseUnits::Colophon(units) => colophon.extend(units),
            }
        }
        for footnote in &alignment.footnotes {
            pairs.extend(footnote.blocks.iter().map(UnitPair::of_row));
        }
        let clauses =
            alignment.clauses.iter().filter(|c| c.sides.en.is_some() && c.sides.ja.is_some()).map(|c| c.id.owner());
        let footnotes = (alignment.footnotes.iter())
            .filter(|f| f.sides.en.is_some() && f.sides.ja.is_some())
            .map(|f| Owner::footnote(f.label));
        let in_both: HashSet<Owner> = clauses.chain(footnotes).collect();
        let unmatched = pairs
            .iter()
            .filter(|p| p.sides.en.is_some() != p.sides.ja.is_some())
            .filter(|p| p.side(Lang::En).or(p.side(Lang::Ja)).is_some_and(|u| u.kind != UnitKind::Heading))
            .filter(|p| in_both.contains(&p.address.owner))
            .map(|p| p.address.clone())
            .collect();
        Self { project, alignment, pairs, colophon, unmatched, in_both, glyphs: &Unknown }
    }

    /// The units of one clause: its heading and blocks, paired, or, for edition matter, each
    /// language's blocks with their addresses.
    fn units_of_clause(clause: &'a ClausePair<'a>) -> ClauseUnits<'a> {
        if clause.is_colophon() {
            let mut colophon = Vec::new();
            for lang in Lang::BOTH {
                let Some(side) = clause.side(lang) else { continue };
                for (i, block) in side.blocks.iter().enumerate() {
                    colophon.push((Address::block(clause.id.owner(), i), Unit::block(lang, block)));
                }
            }
            return ClauseUnits::Colophon(colophon);
        }
        let mut pairs = Vec::with_capacity(clause.blocks.len() + 1);
        let heading = |lang| {
            let heading = clause.side(lang)?.heading.as_ref()?;
            Some(Unit::heading(lang, &heading.span, &heading.inlines))
        };
        let (en, ja) = (heading(Lang::En), heading(Lang::Ja));
        if en.is_some() || ja.is_some() {
            pairs.push(UnitPair { address: Address::heading(clause.id.owner()), sides: Pair::new(en, ja) });
        }
        pairs.extend(clause.blocks.iter().map(UnitPair::of_row));
        ClauseUnits::Translated(pairs)
    }

    /// The context with the coverage of the fonts the editions will be set with (P015).
    pub fn with_glyphs(self, glyphs: &'a dyn GlyphCoverage) -> Self {
        Self { glyphs, ..self }
    }

    /// Every unit of one language: translated ones and edition matter, with addresses; blocks
    /// without counterpart left out (see [`Context::unmatched`]).
    pub fn units(&self, lang: Lang) -> Vec<(&Address, &Unit<'a>)> {
        let mut units = self.every_unit(lang);
        units.retain(|(address, _)| !self.unmatched.contains(*address));
        units
    }

    /// The address of what holds byte `offset` of `file`, a source of `lang`: the heading or block
    /// there, else the footnote or clause it is in (`principle-3`), else the file's first clause,
    /// else the file's name. For findings made on a file's text rather than on the model.
    pub fn address_at(&self, lang: Lang, file: FileId, offset: usize) -> Address {
        let holds = |span: &Span| span.file == file && span.start <= offset && offset < span.end.max(span.start + 1);
        if let Some((address, _)) = self.every_unit(lang).into_iter().find(|(_, unit)| holds(unit.span)) {
            return address.clone();
        }
        let document = self.project.document(lang);
        if let Some(footnote) = document.footnotes.iter().find(|f| holds(&f.span)) {
            return Address { owner: Owner::Footnote(footnote.label.clone()), part: Part::Whole };
        }
        let in_file = || document.clauses.iter().filter(|c| c.span.file == file);
        let clause = in_file().take_while(|c| c.span.start <= offset).last().or_else(|| in_file().next());
        match clause {
            Some(clause) => Address { owner: Owner::Clause(clause.id.0.clone()), part: Part::Whole },
            None => Address::from(self.project.sources.name(file)),
        }
    }

    /// Every unit of one language, blocks without counterpart included.
    pub fn every_unit(&self, lang: Lang) -> Vec<(&Address, &Unit<'a>)> {
        let translated = self.pairs.iter().filter_map(|p| Some((&p.address, p.side(lang)?)));
        let colophon = self.colophon.iter().filter(|(_, u)| u.lang == lang).map(|(a, u)| (a, u));
        translated.chain(colophon).collect()
    }
}

/// Options of a check run.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Ignore the baseline: every finding is reported as new.
    pub no_baseline: bool,
    /// Report warnings as errors.
    pub deny_warnings: bool,
}

/// The outcome of a run: findings (accepted ones marked), baseline entries that matched nothing
/// and what else is wrong with the baseline's entries.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub unused_baseline: Vec<usize>,
    /// Every problem of the baseline (the unused entries among them), entry by entry.
    pub baseline: Vec<BaselineWarning>,
}

/// A problem of one baseline entry (`entry`, its index), reported at the entry's line.
#[derive(Clone, Debug)]
pub struct BaselineWarning {
    pub entry: usize,
    pub problem: BaselineProblem,
    /// A warning, or an error with `--deny-warnings`.
    pub severity: Severity,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaselineProblem {
    /// The entry accepts no finding (nor one that changed): what it accepted is gone.
    Unused,
    /// The entry records no values: it accepts whatever its check reports at its address, these
    /// findings (indices in [`Report::findings`]) and any new one.
    Unbound { findings: Vec<usize> },
    /// The entry's reason is empty or the placeholder the editor writes.
    PlaceholderReason,
}

impl BaselineProblem {
    /// The problem's stable name in the machine formats.
    pub fn name(&self) -> &'static str {
        match self {
            BaselineProblem::Unused => "unused",
            BaselineProblem::Unbound { .. } => "no-values",
            BaselineProblem::PlaceholderReason => "placeholder-reason",
        }
    }
}

impl BaselineWarning {
    /// The problem as a diagnostic at the entry's line, with the fix.
    pub fn diagnostic(&self, report: &Report, project: &Project) -> Diagnostic {
        let entry = &project.baseline.entries[self.entry];
        let (message, help) = match &self.problem {
            BaselineProblem::Unused => (
                Message::new("report-unused-baseline").arg("code", &entry.check).arg("address", &entry.address),
                Message::new("help-unused-baseline"),
            ),
            BaselineProblem::Unbound { findings } => {
                let findings: Vec<&Finding> = findings.iter().map(|&i| &report.findings[i]).collect();
                // One command per language the entry accepts findings in.
                let mut commands: Vec<String> = findings.iter().map(|f| f.accept_command()).collect();
                commands.dedup();
                let command = commands.join("`, `");
                let first = findings[0];
                let help = if findings.iter().all(|f| f.values == first.values) {
                    let mut lines = codepub_core::baseline::values_line(&first.values);
                    // The excerpt names one occurrence: only for an entry that accepts one.
                    if let Some(excerpt) =
                        first.excerpt.as_deref().filter(|_| entry.excerpt.is_none() && findings.len() == 1)
                    {
                        lines.push_str(&format!("`, `excerpt = {}", codepub_core::baseline::quoted(excerpt)));
                    }
                    Message::new("help-unbound-baseline").arg("lines", lines).arg("command", command)
                } else {
                    Message::new("help-unbound-baseline-split").arg("command", command)
                };
                (Message::new("report-unbound-baseline").arg("code", &entry.check).arg("address", &entry.address), help)
            }
            BaselineProblem::PlaceholderReason => (
                Message::new("report-placeholder-reason").arg("code", &entry.check).arg("address", &entry.address),
                Message::new("help-placeholder-reason"),
            ),
        };
        let mut diagnostic = Diagnostic::new(self.severity, message).at(entry.at.clone());
        diagnostic.help = Some(help);
        diagnostic
    }
}

impl Report {
    /// Findings that fail the run: errors the baseline does not accept.
    pub fn failing(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.accepted.is_none() && f.severity() == Severity::Error)
    }

    /// Whether the run fails: an error left, or (with `--deny-warnings`) a baseline problem.
    pub fn fails(&self) -> bool {
        self.failing().next().is_some() || self.baseline.iter().any(|w| w.severity == Severity::Error)
    }

    /// The baseline's problems as diagnostics, in the entries' order.
    pub fn baseline_diagnostics(&self, project: &Project) -> Vec<Diagnostic> {
        self.baseline.iter().map(|warning| warning.diagnostic(self, project)).collect()
    }

    pub fn count(&self, severity: Severity, accepted: bool) -> usize {
        self.findings.iter().filter(|f| f.severity() == severity && f.accepted.is_some() == accepted).count()
    }
}

/// Runs every check on a loaded project, aligned once by the caller ([`Project::alignment`]),
/// who shares the alignment with whatever follows (the editions of a build); `glyphs`: the
/// coverage of the fonts the editions will be set with.
pub fn run(project: &Project, alignment: &Alignment<'_>, options: RunOptions, glyphs: &dyn GlyphCoverage) -> Report {
    let cx = Context::new(project, alignment).with_glyphs(glyphs);
    run_checks(&cx, &all_checks(), options)
}

/// The drafts of each check, in the order of `checks`. The checks are independent readers of
/// one context: they run on as many threads as the machine has cores, each taking the next
/// check not yet taken, and their drafts are put back in order, so the report does not depend on
/// which thread ran what.
fn drafts_of(cx: &Context<'_>, checks: &[Box<dyn Check>]) -> Vec<Vec<Draft>> {
    codepub_core::parallel::map_in_order(checks, |check| drafts_of_one(cx, check.as_ref()))
}

fn drafts_of_one(cx: &Context<'_>, check: &dyn Check) -> Vec<Draft> {
    let mut drafts = Vec::new();
    check.run(cx, &mut drafts);
    drafts
}

pub fn run_checks(cx: &Context<'_>, checks: &[Box<dyn Check>], options: RunOptions) -> Report {
    let baseline = &cx.project.baseline;
    // How many findings each entry accepts, and which, for an entry without values.
    let mut used = vec![0usize; baseline.entries.len()];
    let mut unbound: Vec<Vec<usize>> = vec![Vec::new(); baseline.entries.len()];
    let mut findings = Vec::new();
    for (check, drafts) in checks.iter().zip(drafts_of(cx, checks)) {
        for draft in drafts {
            let severity = if options.deny_warnings {
                Severity::Error
            } else {
                draft.severity.unwrap_or_else(|| check.default_severity())
            };
            let values = draft.values.unwrap_or_else(|| message_values(&draft.diagnostic.message));
            let accepted = if options.no_baseline {
                None
            } else {
                baseline.find(check.code(), &draft.address, draft.lang, draft.excerpt.as_deref(), &values).map(|i| {
                    used[i] += 1;
                    if !baseline.entries[i].is_bound() {
                        unbound[i].push(findings.len());
                    }
                    baseline.entries[i].reason.clone()
                })
            };
            let mut diagnostic = draft.diagnostic.code(check.code());
            diagnostic.severity = severity;
            diagnostic.help = diagnostic.help.or_else(|| Some(Message::new(check.help())));
            findings.push(Finding {
                diagnostic,
                check: check.name(),
                address: draft.address,
                lang: draft.lang,
                excerpt: draft.excerpt,
                values,
                accepted,
                changed: None,
            });
        }
    }
    if options.no_baseline {
        return Report { findings, ..Report::default() };
    }
    // A finding no entry accepts where an entry, accepting nothing else, accepted one before:
    // the accepted finding changed. It fails the run, whatever its check's severity.
    let mut changed = vec![false; baseline.entries.len()];
    for finding in findings.iter_mut().filter(|f| f.accepted.is_none()) {
        let stale = baseline.at(finding.code(), &finding.address, finding.lang).find(|&i| used[i] == 0);
        if let Some(i) = stale {
            changed[i] = true;
            finding.changed = Some(i);
            finding.diagnostic.severity = Severity::Error;
            let entry = &baseline.entries[i];
            let recorded = |values: Option<&[String]>, excerpt: Option<&str>| {
                let mut shown = values.map(codepub_core::baseline::values_line).unwrap_or_default();
                if let Some(excerpt) = excerpt {
                    if !shown.is_empty() {
                        shown.push_str(", ");
                    }
                    shown.push_str(&format!("excerpt = {}", codepub_core::baseline::quoted(excerpt)));
                }
                shown
            };
            let note = Message::new("note-accepted-changed")
                .arg("place", entry.at.to_string())
                .arg("reason", &entry.reason)
                .arg("was", recorded(entry.values.as_deref(), entry.excerpt.as_deref()))
                .arg("now", recorded(Some(&finding.values), finding.excerpt.as_deref()))
                .arg("command", finding.accept_command());
            finding.diagnostic.notes.insert(0, note);
        }
    }
    let severity = if options.deny_warnings { Severity::Error } else { Severity::Warning };
    let unused_baseline: Vec<usize> = (0..used.len()).filter(|&i| used[i] == 0 && !changed[i]).collect();
    let mut warnings = Vec::new();
    for (i, entry) in baseline.entries.iter().enumerate() {
        let problem = if unused_baseline.contains(&i) {
            Some(BaselineProblem::Unused)
        } else {
            Some(std::mem::take(&mut unbound[i]))
                .filter(|findings| !findings.is_empty())
                .map(|findings| BaselineProblem::Unbound { findings })
        };
        warnings.extend(problem.map(|problem| BaselineWarning { entry: i, problem, severity }));
        if entry.has_placeholder_reason() {
            warnings.push(BaselineWarning { entry: i, problem: BaselineProblem::PlaceholderReason, severity });
        }
    }
    Report { findings, unused_baseline, baseline: warnings }
}

/// Counts of values, for comparing the two sides of a pair.
pub fn multiset<T: std::hash::Hash + Eq>(items: impl IntoIterator<Item = T>) -> HashMap<T, usize> {
    let mut counts = HashMap::new();
    for item in items {
        *counts.entry(item).or_insert(0) += 1;
    }
    counts
}

/// The span of `needle` at byte `offset` of a text inline, when the source spells the text
/// literally (no escapes); the whole inline's span otherwise.
pub fn span_in_text(inline: &Inline, offset: usize, len: usize) -> Span {
    literal_span_in_text(inline, offset, len).unwrap_or_else(|| inline.span.clone())
}

/// The span of bytes `offset..offset + len` of a text inline, only when the source spells the
/// text literally (so that an edit of those bytes edits exactly that text).
pub fn literal_span_in_text(inline: &Inline, offset: usize, len: usize) -> Option<Span> {
    let InlineKind::Text(text) = &inline.kind else { return None };
    let mut span = inline.span.clone();
    if span.end - span.start != text.len() || offset + len > text.len() {
        return None;
    }
    span.column += text[..offset].chars().count() as u32;
    span.start += offset;
    span.end = span.start + len;
    Some(span)
}

#[cfg(any(test, feature = "testing"))]
pub mod testing {
    //! Builds small projects on disk for the checks' unit tests (and, with the `testing`
    //! feature, for the tests of the crates above).

    use std::path::Path;

    use super::*;

    /// `check`'s explanation, as `codepub explain` prints it: its failing example gets exactly
    /// one finding of `check`, its passing example none.
    pub fn explanation_examples(check: &dyn Check) {
        use codepub_core::i18n::{Localizer, UiLang};
        let explanation = crate::explain::Explanation::of(check, &Localizer::new(UiLang::English)).expect("explained");
        let run = |en: &str, ja: &str| {
            findings(&project(&format!("# T {{#t}}\n\n{en}\n"), &format!("# T {{#t}}\n\n{ja}\n")), check)
        };
        let failing = run(&explanation.fails.en, &explanation.fails.ja);
        assert_eq!(failing.len(), 1, "{failing:?}");
        let passing = run(&explanation.passes.en, &explanation.passes.ja);
        assert!(passing.is_empty(), "{passing:?}");
    }

    /// A project whose English and Japanese sources are `en` and `ja` (one file each).
    pub fn project(en: &str, ja: &str) -> Project {
        project_with(en, ja, "")
    }

    /// Same, with extra TOML appended to `codepub.toml` and an optional glossary.
    pub fn project_with(en: &str, ja: &str, extra_config: &str) -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let config = format!(
            "[edition]\ncouncil_resolution = \"11/2023\"\nadopted = 2023-02-23\nisbn = \"978-92-67-11315-9\"\n\
             author = \"ISO\"\ntitle = {{ en = \"Code\", ja = \"規範\" }}\n\
             copyright = {{ en = [\"© ISO, 2023\"], ja = [\"© ISO, 2023\", \"© ISO/JSA, 2023\"] }}\n{extra_config}"
        );
        std::fs::write(root.join("codepub.toml"), config).unwrap();
        for (lang, text) in [("en", en), ("ja", ja)] {
            std::fs::create_dir_all(root.join("content").join(lang)).unwrap();
            std::fs::write(root.join("content").join(lang).join("a.md"), text).unwrap();
        }
        codepub_core::load::load(Path::new(root)).expect("test project loads")
    }

    pub fn glossary(project: &mut Project, en: &str, ja: &str) {
        project.glossary.terms.push(codepub_core::glossary::Term::new(en, ja));
    }

    /// Findings of one check on a project, baseline ignored.
    pub fn findings(project: &Project, check: &dyn Check) -> Vec<Draft> {
        let alignment = project.alignment();
        let cx = Context::new(project, &alignment);
        let mut out = Vec::new();
        check.run(&cx, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::testing::project;
    use super::*;

    /// A context's units in order: each pair's address and both texts, then the edition matter.
    fn units_in_order(cx: &Context<'_>) -> Vec<String> {
        let pairs = cx.pairs.iter().map(|p| {
            let text = |lang| p.side(lang).map_or("-", |u| u.text.as_str()).to_string();
            format!("{} {} | {}", p.address, text(Lang::En), text(Lang::Ja))
        });
        let colophon = cx.colophon.iter().map(|(address, unit)| format!("{address} {}", unit.text));
        pairs.chain(colophon).collect()
    }

    #[test]
    fn a_long_text_made_into_units_over_the_cores_keeps_them_in_the_order_of_the_text() {
        // Uneven clauses (one to 24 paragraphs), so the threads finish them out of order.
        let (mut en, mut ja) = (String::new(), String::new());
        let mut blocks = 0;
        for clause in 0..120 {
            en.push_str(&format!("## {clause}. Clause {{#c{clause}}}\n\n"));
            ja.push_str(&format!("## {clause}. 条 {{#c{clause}}}\n\n"));
            for paragraph in 0..(clause * 7 % 24 + 1) {
                en.push_str(&format!("Paragraph {paragraph} of clause {clause}.\n\n"));
                ja.push_str(&format!("第{clause}条の段落{paragraph}。\n\n"));
                blocks += 1;
            }
        }
        assert!(blocks >= UNITS_MADE_IN_PARALLEL, "{blocks} blocks are made into units on one thread");
        let project = project(&en, &ja);
        let alignment = project.alignment();
        let made = units_in_order(&Context::new(&project, &alignment));
        let one_by_one: Vec<String> = {
            let mut pairs = Vec::new();
            let mut colophon = Vec::new();
            for clause in &alignment.clauses {
                match Context::units_of_clause(clause) {
                    ClauseUnits::Translated(units) => pairs.extend(units),
                    ClauseUnits::Colophon(units) => colophon.extend(units),
                }
            }
            let cx = Context { pairs, colophon, ..Context::new(&project, &alignment) };
            units_in_order(&cx)
        };
        assert_eq!(made.len(), blocks + 120);
        assert_eq!(made, one_by_one);
        assert_eq!(made[1], "c0#1 Paragraph 0 of clause 0. | 第0条の段落0。");
    }
}
