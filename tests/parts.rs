//! A long edition (sources over `build`'s one-edition-at-a-time limit) is rendered in parts of
//! whole clauses and merged into one PDF (the `pdfa-merge` crate): the pages are numbered
//! on across the parts, every clause is printed once in order, and the back cover closes it.
//! veraPDF checks such a merge in `tests/verapdf.rs`.

#![cfg(feature = "pdf")]

use crate::common;

use common::long_project;
use common::poppler::{pages, squash};

#[test]
fn a_long_edition_is_rendered_in_parts_numbered_on_and_merged() {
    let project = long_project(40);
    // What this test reads is the body's pages: no contents page (which "auto" gives a text this long).
    project.replace("codepub.toml", "[edition]\n", "[edition]\ncontents = false\n");
    let out = tempfile::tempdir().unwrap();
    project
        .codepub()
        .args(["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", "en", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let pages = pages(&out.path().join("code-en.pdf"));
    assert!(pages.len() > 60, "{} pages", pages.len());
    // Every body page ends with its number, counted on across the parts: page n prints n (the
    // title page, a blank page before the back cover and the cover print none).
    let last_body = pages.len() - 1;
    for (index, page) in pages.iter().enumerate().take(last_body).skip(1).filter(|(_, page)| !page.is_empty()) {
        assert!(
            page.ends_with(&(index + 1).to_string()),
            "page {}: …{}",
            index + 1,
            &page[page.len().saturating_sub(40)..]
        );
    }
    // Each copy's first clause is printed once, the copies in order.
    let heading = squash("a) Introduction");
    let found: Vec<usize> =
        (pages.iter().enumerate()).flat_map(|(i, page)| page.matches(&heading).map(move |_| i)).collect();
    assert_eq!(found.len(), 40, "{found:?}");
    assert!(found.windows(2).all(|pair| pair[0] <= pair[1]));
    assert!(pages.last().unwrap().contains("iso.org"), "the back cover closes the edition");
}
