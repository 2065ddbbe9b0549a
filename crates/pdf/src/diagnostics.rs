//! Typst diagnostics as codepub errors: a compile error becomes [`RenderError::Template`] at the
//! template's own file, line and column, with Typst's hints, call trace and any further errors
//! as hints; an export error (PDF/A, PDF/UA) becomes [`RenderError::Export`].

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::DiagSpan;

use super::EDITION_TEMPLATE;
use super::world::{EditionWorld, project_file};
use codepub_core::location::Location;
use codepub_core::source::SourceFile;
use codepub_view::render::RenderError;

/// The error for failed compilation: the first error's place and message; the rest as hints.
pub fn template_error(world: &EditionWorld<'_>, diagnostics: &[SourceDiagnostic]) -> RenderError {
    let mut errors = diagnostics.iter().filter(|d| d.severity == Severity::Error);
    let Some(first) = errors.next().or(diagnostics.first()) else {
        return RenderError::Template {
            at: fallback_location(world),
            message: "the template could not be compiled".into(),
            hints: Vec::new(),
        };
    };
    let mut hints = hints_of(world, first);
    for other in errors {
        hints.push(format!("also: {}: {}", locate(world, other.span), other.message));
        hints.extend(hints_of(world, other));
    }
    RenderError::Template { at: locate(world, first.span), message: first.message.to_string(), hints }
}

/// The error for a failed export: every error with its place and hints in one message.
pub fn export_error(world: &EditionWorld<'_>, diagnostics: &[SourceDiagnostic]) -> RenderError {
    let parts: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            let mut text = if d.span.id().is_some() {
                format!("{}: {}", locate(world, d.span), d.message)
            } else {
                d.message.to_string()
            };
            for hint in hints_of(world, d) {
                text.push_str("\n  ");
                text.push_str(&hint);
            }
            text
        })
        .collect();
    RenderError::Export(format!("the PDF could not be exported: {}", parts.join("\n")))
}

fn hints_of(world: &EditionWorld<'_>, diagnostic: &SourceDiagnostic) -> Vec<String> {
    let mut hints: Vec<String> = diagnostic
        .hints
        .iter()
        .map(|hint| match hint.span.id() {
            Some(_) => format!("hint: {} ({})", hint.v, locate(world, hint.span)),
            None => format!("hint: {}", hint.v),
        })
        .collect();
    for point in &diagnostic.trace {
        let span = DiagSpan::from_span(point.span, None);
        if span.id().is_some() {
            hints.push(format!("{} ({})", point.v, locate(world, span)));
        }
    }
    hints
}

/// The file, line and column a span points at; the main template's start when detached.
fn locate(world: &EditionWorld<'_>, span: DiagSpan) -> Location {
    let (Some(id), Some(range)) = (span.id(), world.range(span)) else {
        return fallback_location(world);
    };
    let path = world.shown_as(id);
    let text = typst::World::file(world, id)
        .ok()
        .and_then(|bytes| std::str::from_utf8(&bytes).ok().map(str::to_string))
        .unwrap_or_default();
    let (line, column) = SourceFile::new(path.clone(), text).line_column(range.start);
    Location { path, line, column }
}

fn fallback_location(world: &EditionWorld<'_>) -> Location {
    let path = project_file(EDITION_TEMPLATE)
        .map(|id| world.shown_as(id))
        .unwrap_or_else(|| format!("templates/{EDITION_TEMPLATE}"));
    Location { path, line: 1, column: 1 }
}
