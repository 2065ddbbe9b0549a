//! `codepub build`: load and align the project once, check parity, build the render model of
//! each requested edition once, lay it out with each requested renderer, and only when all of
//! them rendered, publish the files together into the output folder ([`codepub::publish`]). A
//! failed build leaves the last good output in place.

use std::path::Path;
use std::process::ExitCode;

use super::{CliError, Session};
use crate::cli::BuildArgs;
use codepub::check::{RunOptions, run};
use codepub::glyphs::EditionFonts;
use codepub::i18n::{Localizer, Message};
use codepub::pipeline::{Lifetime, Plan, Progress, publish_marked, renderers, require_formats};
use codepub::render::Renderer;
use codepub::view::EditionKind;
use codepub::write::Durability;

pub fn build(session: &Session, args: &BuildArgs) -> Result<ExitCode, CliError> {
    let formats = crate::cli::formats(&args.format);
    // A format this binary cannot write is a usage error, found before any work.
    require_formats(&formats)?;
    let recording = args.timings.is_some().then(codepub::timings::Recording::start);
    // The fonts are parsed while the sources are loaded, aligned and checked.
    codepub::glyphs::warm();
    let loading = codepub::timings::phase("codepub: load and align");
    let project = codepub::load::load(&session.root)?;
    let alignment = project.alignment();
    drop(loading);
    let setting_up = codepub::timings::phase("codepub: set up renderers");
    let renderers = renderers(&formats, &args.font_path, Lifetime::OneBuild)?;
    drop(setting_up);
    let checking = codepub::timings::phase("codepub: check");
    let glyphs = EditionFonts::load(&args.font_path)?;
    let report = run(&project, &alignment, RunOptions::default(), glyphs.coverage());
    drop(checking);
    // With --provisional, stale and unsigned translations (P013) are published, marked; only
    // the other errors stop the build.
    let provisional = args.provisional.then(|| codepub::pipeline::provisional(&report, &alignment));
    let marked = provisional.as_ref().map_or(0, |provisional| provisional.addresses.len());
    let published = |finding: &codepub::check::Finding| {
        finding.code() == codepub::pipeline::PROVISIONAL_CODE
            && provisional.as_ref().is_some_and(|provisional| provisional.addresses.contains(&finding.address))
    };
    let blocking: Vec<&str> =
        report.failing().filter(|finding| !published(finding)).map(|finding| finding.code()).collect();
    let failing = blocking.len();
    eprint!("{}", codepub::report::render_skipped(glyphs.skipped(), &session.l10n));
    // The report, printed below when there are errors, lists the sources left out itself.
    let report_printed = failing > 0 && (!args.allow_errors || !args.quiet);
    if !report_printed {
        eprint!("{}", codepub::report::render_skipped(&project.skipped, &session.l10n));
    }
    if failing > 0 && !args.allow_errors {
        eprint!("{}", codepub::report::render_human(&report, &project, &session.l10n, session.color));
        let message = if args.provisional {
            let mut codes = blocking.clone();
            codes.sort_unstable();
            codes.dedup();
            Message::new("report-build-provisional-refused").arg("codes", codes.join(", "))
        } else {
            Message::new("report-build-refused")
        };
        eprintln!("error: {}", session.l10n.format(&message));
        return Ok(ExitCode::from(1));
    }
    if marked > 0 {
        // Publishing a provisional translation is a decision too: said, with its count.
        let message = Message::new("report-build-provisional").num("count", marked as i64);
        eprintln!("warning: {}", session.l10n.format(&message));
    }
    if failing > 0 {
        // Publishing over errors is a decision: it is never silent.
        if !args.quiet {
            eprint!("{}", codepub::report::render_human(&report, &project, &session.l10n, session.color));
        }
        let message = Message::new("report-build-overridden").num("count", failing as i64);
        eprintln!("warning: {}", session.l10n.format(&message));
    }
    let editions: Vec<EditionKind> =
        if args.edition.is_empty() { EditionKind::ALL.to_vec() } else { crate::cli::editions(&args.edition) };
    let out = session.output_path(&args.out);
    let plan = Plan { editions: &editions, named: !args.edition.is_empty(), out: &out, durability: Durability::Synced };
    let written =
        publish_marked(&project, &alignment, &renderers, &plan, &Printed(&session.l10n), provisional.as_ref())?;
    for path in written {
        let message = Message::new("report-built").arg("path", path.display().to_string());
        eprintln!("{}", session.l10n.format(&message));
    }
    if let (Some(recording), Some(file)) = (recording, &args.timings) {
        let path = session.output_path(file);
        write_timings(recording, &renderers, &path)?;
        let message = Message::new("report-built").arg("path", path.display().to_string());
        eprintln!("{}", session.l10n.format(&message));
    }
    Ok(ExitCode::SUCCESS)
}

/// The recorded trace written (atomically) to `path`, each Typst event tied to its template
/// line by the renderer whose template it ran.
fn write_timings(
    recording: codepub::timings::Recording,
    renderers: &[Box<dyn Renderer>],
    path: &Path,
) -> Result<(), CliError> {
    let failed = |error: std::io::Error| CliError::Write { path: path.display().to_string(), error };
    let trace = recording
        .finish(|span| renderers.iter().find_map(|renderer| renderer.locate_span(span)))
        .map_err(|message| failed(std::io::Error::other(message)))?;
    codepub::write::write_file_atomic(path, &trace).map_err(failed)
}

/// A build's progress, printed on standard error.
pub struct Printed<'l>(pub &'l Localizer);

impl Progress for Printed<'_> {
    fn building(&self, edition: EditionKind, format: &str) {
        let message = Message::new("report-building").arg("edition", edition.name()).arg("format", format);
        eprintln!("{}", self.0.format(&message));
    }

    fn no_such_form(&self, edition: EditionKind, format: &str) {
        let message = Message::new("report-no-such-form").arg("edition", edition.name()).arg("format", format);
        eprintln!("note: {}", self.0.format(&message));
    }

    fn waiting(&self, out: &Path, holder: Option<u32>) {
        let path = out.display().to_string();
        let message = match holder {
            Some(pid) => Message::new("report-waiting").arg("path", path).arg("pid", pid.to_string()),
            None => Message::new("report-waiting-unknown").arg("path", path),
        };
        eprintln!("{}", self.0.format(&message));
    }
}
