//! `codepub build --timings FILE`: where a build's time goes, as a Chrome trace (the trace-event
//! JSON that `chrome://tracing` and <https://ui.perfetto.dev> open, the format of
//! `typst compile --timings`). It holds codepub's own phases (loading, checking, each edition in
//! each format, writing) and, inside each PDF edition, Typst's (evaluating the template, each
//! layout iteration, the PDF export), one row per thread, each Typst event tied to the template
//! file and line it ran. Recording costs time of its own: compare traces with traces, not with
//! untraced runs.

use std::num::NonZeroU64;

use typst_timing::TimingScope;

use crate::view::EditionKind;

/// A recording of the build's events, from [`Recording::start`] to [`Recording::finish`].
/// Typst's timer is process-wide: one recording at a time.
#[must_use = "a recording is written by `finish`"]
pub struct Recording(());

impl Recording {
    /// Starts recording: events from now on, on every thread, are kept.
    pub fn start() -> Self {
        typst_timing::clear();
        typst_timing::enable();
        Recording(())
    }

    /// Stops recording and returns the trace, each event with a span tied to the file and line
    /// `locate` gives for it (when it gives one).
    pub fn finish(self, mut locate: impl FnMut(NonZeroU64) -> Option<(String, u32)>) -> Result<Vec<u8>, String> {
        typst_timing::disable();
        let mut json = Vec::new();
        // An event whose span nothing can place keeps an empty file name, as Typst's own CLI
        // writes it for a detached span.
        typst_timing::export_json(&mut json, |span| locate(span).unwrap_or_default())?;
        Ok(json)
    }
}

/// A span of codepub's own work, recorded when a recording is on (a no-op otherwise). The
/// event ends when the returned guard is dropped.
pub fn phase(name: &'static str) -> Option<TimingScope> {
    TimingScope::new(name)
}

/// [`phase`] for rendering `edition` with the renderer named `format` (`PDF`, `HTML`).
pub fn rendering(format: &str, edition: EditionKind) -> Option<TimingScope> {
    phase(rendering_name(format, edition))
}

/// The event name of rendering `edition` in `format` (Typst's timer takes static names).
fn rendering_name(format: &str, edition: EditionKind) -> &'static str {
    match (format, edition) {
        ("PDF", EditionKind::Bilingual) => "codepub: pdf bilingual",
        ("PDF", EditionKind::Facing) => "codepub: pdf facing",
        ("PDF", EditionKind::En) => "codepub: pdf en",
        ("PDF", EditionKind::Ja) => "codepub: pdf ja",
        ("HTML", EditionKind::Bilingual) => "codepub: html bilingual",
        ("HTML", EditionKind::Facing) => "codepub: html facing",
        ("HTML", EditionKind::En) => "codepub: html en",
        ("HTML", EditionKind::Ja) => "codepub: html ja",
        _ => "codepub: render",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edition_in_every_format_has_a_name_of_its_own() {
        let mut names = Vec::new();
        for format in ["PDF", "HTML"] {
            for edition in EditionKind::ALL {
                let name = rendering_name(format, edition);
                assert!(name.contains(edition.name()), "{name}");
                names.push(name);
            }
        }
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
    }
}
