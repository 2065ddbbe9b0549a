//! The live loop of `codepub watch` and `codepub serve`: a [`Rebuilder`] that lives as long as
//! the command and runs one [`Pass`] per change: load, align, check, build the render model of
//! each edition, and render again only the editions whose model changed since their last render
//! (or all of them, after a change to the templates or fonts), through renderers kept alive
//! between passes (the PDF renderer's fonts, parsed templates and Typst's memoised layout stay
//! warm). After the first pass, the preview's pages (the HTML) are rendered and written before
//! the check, shown with the last pass's findings until this pass's are known; each edition's
//! model is built when a format first needs it. The last good output of every edition is kept
//! in memory and only what changed is written, atomically, as `codepub build` writes it. The
//! loop is a preview, as `typst watch` is: the output always follows the sources, findings
//! (errors included) or not; only sources that cannot be read, or editions that cannot be
//! rendered or written, keep the last output. `codepub build` stays the gate that publishes
//! only a clean build.
//!
//! Modules: [`watcher`] (the file-system events, debounced, and what they touch); [`serve`]
//! (the local web server of `codepub serve`).

#[cfg(feature = "html")]
pub mod serve;
pub mod watcher;

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;

use crate::address::Owner;
use crate::check::{RunOptions, Severity, run};
use crate::failure::Failure;
use crate::glyphs::EditionFonts;
use crate::i18n::{Localizer, Message};
use crate::load::Project;
use crate::model::Lang;
use crate::pipeline::{LargeSources, Lifetime, OutputFormat, Progress, render_all, renderers, write_outputs};
use crate::render::{CacheUse, Output, RenderContext, Renderer, Templates};
use crate::view::{EditionKind, EditionModel, Note, note_id};
use crate::write::Durability;

pub use watcher::{Changes, SourceWatcher};

/// What the rebuilder is asked to build, fixed for its life.
#[derive(Clone, Debug)]
pub struct Plan {
    pub root: PathBuf,
    /// The output folder (absolute, or relative to the current folder).
    pub out: PathBuf,
    /// The editions, in order; named on the command line or all of them.
    pub editions: Vec<EditionKind>,
    /// Whether the editions were named (an edition a format has no form of is then said so).
    pub named: bool,
    pub formats: Vec<OutputFormat>,
    pub font_path: Vec<PathBuf>,
}

/// What sees the output (by path under the output folder) and the pass so far, each time a
/// format is written while others follow ([`Rebuilder::pass_showing`]).
pub type ShowEarly<'a> = dyn FnMut(&BTreeMap<String, Vec<u8>>, &Pass) + 'a;

/// Renders passes for as long as the command runs.
pub struct Rebuilder {
    plan: Plan,
    renderers: Vec<Box<dyn Renderer>>,
    glyphs: EditionFonts,
    /// The fingerprint of the model each edition of each format was last rendered from.
    rendered: HashMap<(&'static str, EditionKind), u64>,
    /// The findings of the last pass that checked the sources, and how many the baseline
    /// accepted: what the preview shows until a pass's own are known.
    last_findings: Option<(Vec<FindingEntry>, usize)>,
    /// The last output, by path under the output folder.
    outputs: BTreeMap<String, Vec<u8>>,
    passes: u64,
}

/// One pass: what to print, what came of it, and the findings it left.
#[derive(Debug)]
pub struct Pass {
    /// The findings (human format) and what was rebuilt and written, or why nothing was.
    pub text: String,
    pub outcome: Outcome,
    /// The current findings that are not accepted, for the findings page.
    pub findings: Vec<FindingEntry>,
    /// Findings accepted by the baseline, counted.
    pub accepted: usize,
}

/// What a pass did with the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// These editions were rendered again (format name, edition) and the output written.
    Rebuilt(Vec<(&'static str, EditionKind)>),
    /// No edition's inputs changed: nothing was rendered or written.
    Unchanged,
    /// The last output was kept: the sources could not be read, or an edition could not be
    /// rendered or written. (Findings, errors included, never keep it: the output follows the
    /// sources.)
    Kept(KeptBecause),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeptBecause {
    Input,
    Render,
}

/// One finding, as the findings page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingEntry {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub address: String,
    /// `content/ja/10-code.md:74:26`, the primary label's place, when the finding has one.
    pub place: Option<String>,
    /// The clause (or other section) the address is in: the anchor in the bilingual page.
    pub anchor: String,
}

impl Rebuilder {
    /// The renderers of `plan.formats` (fonts loaded once, here); an error naming the Cargo
    /// feature a format needs when this binary lacks it.
    pub fn new(plan: Plan) -> Result<Self, Failure> {
        let renderers = renderers(&plan.formats, &plan.font_path, Lifetime::Live)?;
        let glyphs = EditionFonts::load(&plan.font_path)?;
        Ok(Self {
            plan,
            renderers,
            glyphs,
            rendered: HashMap::new(),
            last_findings: None,
            outputs: BTreeMap::new(),
            passes: 0,
        })
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The last output, by path under the output folder (`code-en.pdf`, `html/index.html`).
    pub fn outputs(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.outputs
    }

    /// Runs one pass after `changes` (everything, for the first); `progress` hears when another
    /// build holds the output folder.
    pub fn pass(&mut self, changes: &Changes, l10n: &Localizer, color: bool, progress: &dyn Progress) -> Pass {
        self.pass_showing(changes, l10n, color, progress, &mut |_, _| {})
    }

    /// [`Rebuilder::pass`], rendering and writing a format at a time, the HTML first: `early`
    /// sees the output and the pass so far each time a format is written while others follow,
    /// so that a preview shows the pages while the PDFs are laid out.
    pub fn pass_showing(
        &mut self,
        changes: &Changes,
        l10n: &Localizer,
        color: bool,
        progress: &dyn Progress,
        early: &mut ShowEarly<'_>,
    ) -> Pass {
        let mut text = String::new();
        let started = Instant::now();
        self.passes += 1;
        if changes.fonts {
            // New fonts: new renderers and coverage, so every edition is rendered again.
            match renderers(&self.plan.formats, &self.plan.font_path, Lifetime::Live)
                .and_then(|r| Ok((r, EditionFonts::load(&self.plan.font_path)?)))
            {
                Ok((renderers, glyphs)) => {
                    self.renderers = renderers;
                    self.glyphs = glyphs;
                    self.rendered.clear();
                }
                Err(error) => return kept(text + &error.render(l10n, color), KeptBecause::Render, Vec::new(), 0, l10n),
            }
        }
        if changes.templates {
            self.rendered.clear();
        }
        let project = match crate::load::load(&self.plan.root) {
            Ok(project) => project,
            Err(error) => {
                text.push_str(&crate::report::render_input_error(&error, l10n, color));
                return kept(text, KeptBecause::Input, Vec::new(), 0, l10n);
            }
        };
        let alignment = project.alignment();
        // After the first pass, the pages of a preview come before the check: they show the last
        // pass's findings until this pass's are known, a moment later.
        let preview_first = self.last_findings.is_some() && self.renderers.first().is_some_and(|r| r.is_preview());
        let mut checked = (!preview_first).then(|| check(&project, &alignment, &self.glyphs, l10n, color));
        let cx = RenderContext {
            templates: Templates::of_project(&project.root),
            slug: project.slug(),
            caches: CacheUse::Shared,
        };
        // Each edition's model and its fingerprint, built when a format first needs it: the
        // pages' editions before the HTML, the facing-pages edition's only before the PDFs.
        let mut models: Vec<(EditionModel<'_>, Option<u64>)> = Vec::new();
        let mut rebuilt = Vec::new();
        let parts_before = self.parts_laid_out_and_reused();
        let last = self.renderers.len().saturating_sub(1);
        for (index, renderer) in self.renderers.iter().enumerate() {
            let format = renderer.name();
            if checked.is_none() && !renderer.is_preview() {
                let done = checked.insert(check(&project, &alignment, &self.glyphs, l10n, color));
                if !rebuilt.is_empty() {
                    // The pages are out: their findings follow, before the other formats.
                    early(&self.outputs, &done.so_far(&text, &rebuilt));
                }
            }
            let wanted: Vec<EditionKind> = (self.plan.editions.iter().copied())
                .filter(|&edition| renderer.renders(edition) && !models.iter().any(|(m, _)| m.edition == edition))
                .collect();
            models.extend(codepub_core::parallel::map_in_order(&wanted, |&edition| {
                let model = EditionModel::build(&alignment, &project.config.edition, edition);
                let fingerprint = fingerprint(&model, &cx.slug);
                (model, fingerprint)
            }));
            let mut due = Vec::new();
            for &edition in &self.plan.editions {
                let model = models.iter().find(|(m, _)| m.edition == edition);
                if !renderer.renders(edition) {
                    if self.plan.named && self.passes == 1 {
                        let message =
                            Message::new("report-no-such-form").arg("edition", edition.name()).arg("format", format);
                        text.push_str(&format!("note: {}\n", l10n.format(&message)));
                    }
                } else if let Some((_, Some(fingerprint))) = model
                    && self.rendered.get(&(format, edition)) == Some(fingerprint)
                {
                    let message = Message::new("watch-unchanged").arg("edition", edition.name()).arg("format", format);
                    text.push_str(&format!("{}\n", l10n.format(&message)));
                } else {
                    let message = Message::new("report-building").arg("edition", edition.name()).arg("format", format);
                    text.push_str(&format!("{}\n", l10n.format(&message)));
                    due.extend(model.map(|(model, _)| model));
                }
            }
            if due.is_empty() {
                continue;
            }
            let mut fresh: Vec<Output> = Vec::new();
            let keep = &mut |outputs| {
                fresh.extend(outputs);
                Ok(())
            };
            // After the first pass, an edit leaves most parts of a long edition as they were: the
            // editions lay out their few changed parts side by side.
            let large = if self.passes > 1 { LargeSources::Together } else { LargeSources::OneAtATime };
            let sources = &project.sources;
            if let Err(error) = render_all(renderer.as_ref(), &due, &cx, &alignment, sources, large, keep) {
                text.push_str(&error.render(l10n, color));
                let checked = checked.unwrap_or_else(|| check(&project, &alignment, &self.glyphs, l10n, color));
                return kept(checked.text + &text, KeptBecause::Render, checked.findings, checked.accepted, l10n);
            }
            // Write what changed: a top-level file alone, a folder whole (with its unchanged files).
            let changed: Vec<Output> =
                fresh.into_iter().filter(|o| self.outputs.get(&o.path) != Some(&o.bytes)).collect();
            let folders: Vec<&str> = changed.iter().filter_map(|o| o.path.split_once('/').map(|(f, _)| f)).collect();
            let unchanged_in_folders = (self.outputs.iter())
                .filter(|(path, _)| path.split_once('/').is_some_and(|(folder, _)| folders.contains(&folder)))
                .filter(|(path, _)| !changed.iter().any(|o| &o.path == *path))
                .map(|(path, bytes)| Output { path: path.clone(), bytes: bytes.clone() });
            let to_write: Vec<Output> = changed.iter().cloned().chain(unchanged_in_folders).collect();
            // Not synced to disk: the next change writes again, and a pass should not wait for the disk.
            match write_outputs(&self.plan.out, to_write, Durability::RenameOnly, progress) {
                Ok(written) => {
                    for path in written {
                        let message = Message::new("report-built").arg("path", path.display().to_string());
                        text.push_str(&format!("{}\n", l10n.format(&message)));
                    }
                }
                Err(error) => {
                    text.push_str(&error.render(l10n, color));
                    let checked = checked.unwrap_or_else(|| check(&project, &alignment, &self.glyphs, l10n, color));
                    return kept(checked.text + &text, KeptBecause::Render, checked.findings, checked.accepted, l10n);
                }
            }
            self.outputs.extend(changed.into_iter().map(|o| (o.path, o.bytes)));
            for model in &due {
                if let Some((_, Some(fingerprint))) = models.iter().find(|(m, _)| m.edition == model.edition) {
                    self.rendered.insert((format, model.edition), *fingerprint);
                }
            }
            rebuilt.extend(due.iter().map(|model| (format, model.edition)));
            if index < last {
                // The formats rendered first (the HTML, in a live loop) are out: seen now, while
                // the rest follow; with the last pass's findings when this one's are not known yet.
                let so_far = match &checked {
                    Some(checked) => checked.so_far(&text, &rebuilt),
                    None => {
                        let (findings, accepted) = self.last_findings.clone().unwrap_or_default();
                        Checked { text: String::new(), findings, accepted }.so_far(&text, &rebuilt)
                    }
                };
                early(&self.outputs, &so_far);
            }
        }
        let Checked { text: checked_text, findings, accepted } =
            checked.unwrap_or_else(|| check(&project, &alignment, &self.glyphs, l10n, color));
        self.last_findings = Some((findings.clone(), accepted));
        let mut text = checked_text + &text;
        #[cfg(feature = "pdf")]
        crate::render::pdf::evict_old_caches();
        let (laid_out, reused) = self.parts_laid_out_and_reused();
        let (laid_out, reused) = (laid_out.saturating_sub(parts_before.0), reused.saturating_sub(parts_before.1));
        if laid_out + reused > 0 {
            let message =
                Message::new("watch-parts").num("laid", laid_out as i64).num("count", (laid_out + reused) as i64);
            text.push_str(&format!("{}\n", l10n.format(&message)));
        }
        let outcome = if rebuilt.is_empty() {
            text.push_str(&format!("{}\n", l10n.format(&Message::new("watch-nothing-changed"))));
            Outcome::Unchanged
        } else {
            let message = Message::new("watch-rebuilt")
                .num("count", rebuilt.len() as i64)
                .num("ms", started.elapsed().as_millis() as i64);
            text.push_str(&format!("{}\n", l10n.format(&message)));
            Outcome::Rebuilt(rebuilt)
        };
        Pass { text, outcome, findings, accepted }
    }
}

impl Rebuilder {
    /// Parts of long editions laid out and reused by the renderers, over their life.
    fn parts_laid_out_and_reused(&self) -> (usize, usize) {
        (self.renderers.iter().map(|renderer| renderer.parts_laid_out_and_reused()))
            .fold((0, 0), |(laid, reused), (l, r)| (laid + l, reused + r))
    }
}

/// What checking the sources in a pass gave: the report (human format) and the findings.
struct Checked {
    text: String,
    findings: Vec<FindingEntry>,
    accepted: usize,
}

impl Checked {
    /// The pass so far, with `rendering` (what the renders said) after the report, having
    /// rebuilt `rebuilt`.
    fn so_far(&self, rendering: &str, rebuilt: &[(&'static str, EditionKind)]) -> Pass {
        Pass {
            text: format!("{}{rendering}", self.text),
            outcome: Outcome::Rebuilt(rebuilt.to_vec()),
            findings: self.findings.clone(),
            accepted: self.accepted,
        }
    }
}

/// Checks `project` as a pass does: the report, and the findings the baseline does not accept.
fn check(
    project: &Project,
    alignment: &crate::align::Alignment<'_>,
    glyphs: &EditionFonts,
    l10n: &Localizer,
    color: bool,
) -> Checked {
    let report = run(project, alignment, RunOptions::default(), glyphs.coverage());
    let mut text = crate::report::render_skipped(glyphs.skipped(), l10n);
    text.push_str(&crate::report::render_human(&report, project, l10n, color));
    let findings = entries(&report, project, alignment, l10n);
    let accepted = report.findings.iter().filter(|f| f.accepted.is_some()).count();
    let failing = report.failing().count();
    if failing > 0 {
        // A preview: rendered all the same, and said so (`build` would refuse).
        let message = Message::new("watch-preview-errors").num("count", failing as i64);
        text.push_str(&format!("note: {}\n", l10n.format(&message)));
    }
    Checked { text, findings, accepted }
}

/// A pass that kept the last output, saying so.
fn kept(
    mut text: String,
    because: KeptBecause,
    findings: Vec<FindingEntry>,
    accepted: usize,
    l10n: &Localizer,
) -> Pass {
    let id = match because {
        KeptBecause::Input => "watch-kept-input",
        KeptBecause::Render => "watch-kept-render",
    };
    text.push_str(&format!("{}\n", l10n.format(&Message::new(id))));
    Pass { text, outcome: Outcome::Kept(because), findings, accepted }
}

/// What the output of an edition depends on besides the templates and fonts: its model, as the
/// renderers receive it, and the output names. `None` for a model that cannot be serialised:
/// always rendered, and its render says why it fails.
fn fingerprint(model: &EditionModel<'_>, slug: &str) -> Option<u64> {
    let json = serde_json::to_vec(model).ok()?;
    let mut hasher = std::hash::DefaultHasher::new();
    json.hash(&mut hasher);
    slug.hash(&mut hasher);
    Some(hasher.finish())
}

/// The findings the baseline does not accept, as the findings page lists them.
fn entries(
    report: &crate::check::Report,
    project: &Project,
    alignment: &crate::align::Alignment<'_>,
    l10n: &Localizer,
) -> Vec<FindingEntry> {
    // A note's anchor in the bilingual page goes by its printed number, not by its label.
    let notes = EditionModel::build(alignment, &project.config.edition, EditionKind::Bilingual).notes;
    (report.findings.iter())
        .filter(|finding| finding.accepted.is_none())
        .map(|finding| FindingEntry {
            code: finding.code(),
            severity: finding.severity(),
            message: l10n.format(finding.message()),
            address: finding.address.to_string(),
            place: finding.labels().first().map(|label| {
                let at = crate::report::place(project, label);
                format!("{}:{}:{}", at.file, at.line, at.column)
            }),
            anchor: anchor(&finding.address.owner, finding.labels().first().map(|label| label.lang), &notes),
        })
        .collect()
}

/// Where a finding about `owner` is in the bilingual page: its clause's section, or its note's
/// text in the language the finding points at (`fn-ja-1`; English when it points nowhere).
fn anchor(owner: &Owner, lang: Option<Lang>, notes: &[Note]) -> String {
    match owner {
        Owner::Footnote(label) => match notes.iter().find(|note| &note.label == label) {
            Some(note) => {
                let lang = lang.filter(|&lang| note.sides.get(lang).is_some()).unwrap_or(Lang::En);
                note_id(lang, note.number)
            }
            // A note no text refers to is not printed: the notes' section is the nearest place.
            None => owner.key(),
        },
        Owner::Clause(_) => owner.key(),
    }
}
