//! codepub-view: what the renderers lay out, and the trait they implement.
//!
//! [`view`] builds one edition's render model (`EditionModel`) from the alignment; [`diff`]
//! compares two revisions into a `RevisionDiff` and its redline model; [`render`] holds the
//! `Renderer` trait, the template loader and the tracing of a render error to its source block,
//! which the PDF (`codepub-pdf`) and HTML (`codepub-html`) renderers share; [`timings`] records
//! where a build's time goes. No Typst, no HTML engine here.

pub mod diff;
pub mod render;
pub mod timings;
pub mod view;
