//! The contents page of the PDF editions (`contents = "auto" | true | false` under `[edition]`):
//! with `true` every PDF edition lists the headings after its title matter, in both languages
//! where it prints both, each with the label of the page that prints the heading (the label a
//! PDF viewer shows, read here with lopdf); with `false` none does; under `"auto"` a text of more
//! than 20 headings has one and the shipped Code none. A long text rendered in parts lists the
//! labels of headings laid out in later parts.

#![cfg(feature = "pdf")]

use std::path::Path;

use crate::common;

use common::poppler::{pages, run, squash};
use common::{TempProject, long_project};

/// The headings of level 2 and below in a Markdown source, in order (the levels the contents
/// list, the title left out), without their ids.
fn headings(markdown: &str) -> Vec<String> {
    (markdown.lines())
        .filter(|line| line.starts_with("##"))
        .map(|line| {
            let text = line.trim_start_matches('#').trim();
            text.split(" {#").next().unwrap_or(text).trim().to_string()
        })
        .collect()
}

/// The page labels of the PDF at `pdf`, page by page ([`common::page_labels`]).
fn page_labels(pdf: &Path) -> Vec<String> {
    common::page_labels(&std::fs::read(pdf).expect("the PDF"))
}

/// The page labels a contents page prints, in order: the last word of each line of its text
/// laid out (`pdftotext -layout`) that reads as a label (digits, after a letter prefix or not).
fn listed_labels(pdf: &Path, page: usize) -> Vec<String> {
    let page = (page + 1).to_string();
    let text = run("pdftotext", &["-layout", "-f", &page, "-l", &page], pdf);
    (text.lines())
        .filter_map(|line| line.split_whitespace().last())
        .filter(|word| {
            let digits = word.trim_start_matches(|c: char| c.is_ascii_uppercase());
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
        })
        .map(str::to_string)
        .collect()
}

/// Checks that `contents` (page indices from 0) list `headings` in order, each with the label
/// of the first page after the contents (and after the heading before it) that prints it.
fn assert_lists_where_each_heading_is(pdf: &Path, contents: &[usize], headings: &[String]) {
    let labels = page_labels(pdf);
    let texts = pages(pdf);
    let listed: Vec<String> = contents.iter().flat_map(|&page| listed_labels(pdf, page)).collect();
    assert_eq!(listed.len(), headings.len(), "{}: listed {listed:?} for {headings:?}", pdf.display());
    let mut from = contents.iter().max().expect("a contents page") + 1;
    for (heading, label) in headings.iter().zip(&listed) {
        let wanted = squash(heading);
        let page = (from..texts.len()).find(|&page| texts[page].contains(&wanted));
        let page = page.unwrap_or_else(|| panic!("{}: `{heading}` printed after page {from}", pdf.display()));
        assert_eq!(
            label,
            &labels[page],
            "{}: `{heading}` is on page {} labelled {}",
            pdf.display(),
            page + 1,
            labels[page]
        );
        from = page;
    }
}

/// The Constitution excerpt (16 headings on a few pages) with `contents = setting`.
fn constitution_with(setting: &str) -> TempProject {
    let project = common::constitution();
    project.replace("codepub.toml", "[edition]\n", &format!("[edition]\ncontents = {setting}\n"));
    project
}

fn build(project: &TempProject, edition: &str) {
    let args = ["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", edition];
    project.codepub().args(args).assert().success();
}

#[test]
fn contents_true_lists_every_heading_in_each_edition_with_the_label_of_the_page_that_prints_it() {
    let project = constitution_with("true");
    build(&project, "bilingual,facing,en,ja");
    let en = headings(&project.read("content/en/10-text.md"));
    let ja = headings(&project.read("content/ja/10-text.md"));
    assert_eq!(en.len(), 16);
    // After the title page: one page listing both languages side by side, or one.
    for (edition, title, listed) in [("bilingual", "Contents目次", &en), ("en", "Contents", &en), ("ja", "目次", &ja)]
    {
        let pdf = project.path(&format!("out/constitution-{edition}.pdf"));
        let texts = pages(&pdf);
        assert!(texts[1].starts_with(title), "{edition}: {}", texts[1]);
        assert!(!texts[2].contains(title), "{edition}: one contents page");
        assert_lists_where_each_heading_is(&pdf, &[1], listed);
    }
    // Bilingual: each entry holds both languages' headings, the Japanese in its own column.
    let bilingual = pages(&project.path("out/constitution-bilingual.pdf"));
    assert!(ja.iter().all(|heading| bilingual[1].contains(&squash(heading))), "{}", bilingual[1]);
    // Facing: after the cover and the title spread, a contents spread: the English on the
    // left-hand page, the Japanese on the right, each with its own pages' labels.
    let pdf = project.path("out/constitution-facing.pdf");
    let texts = pages(&pdf);
    assert!(texts[3].starts_with("Contents") && texts[4].starts_with("目次"), "{}\n{}", texts[3], texts[4]);
    assert_lists_where_each_heading_is(&pdf, &[3], &en);
    assert_lists_where_each_heading_is(&pdf, &[4], &ja);
}

#[test]
fn contents_false_prints_no_contents_page_even_for_a_text_long_enough_for_auto_the_default() {
    // 2 copies of the Code's body: 28 headings.
    let project = long_project(2);
    for (setting, printed) in [("contents = false\n", false), ("", true)] {
        let config = project.read("codepub.toml").replace("contents = false\n", "");
        project.write("codepub.toml", config.replacen("[edition]\n", &format!("[edition]\n{setting}"), 1));
        build(&project, "en");
        let texts = pages(&project.path("out/code-en.pdf"));
        assert_eq!(texts.iter().any(|page| page.starts_with("Contents")), printed, "{setting:?}: {}", texts[1]);
    }
}

#[test]
fn auto_leaves_the_shipped_code_without_a_contents_page() {
    let project = TempProject::shipped();
    project.replace("codepub.toml", "[edition]\n", "[edition]\ncontents = \"auto\"\n");
    build(&project, "bilingual,en");
    for edition in ["bilingual", "en"] {
        let texts = pages(&project.path(&format!("out/code-{edition}.pdf")));
        assert!(texts.iter().all(|page| !page.starts_with("Contents")), "{edition}: {}", texts[1]);
        assert!(texts[1].contains(&squash("a) Introduction")), "{edition}: {}", texts[1]);
    }
}

#[test]
fn auto_lists_a_long_text_rendered_in_parts_with_the_labels_of_headings_in_later_parts() {
    // 40 copies of the Code's body: 560 headings, some 90 pages in several parts.
    let project = long_project(40);
    project.replace("codepub.toml", "[edition]\n", "[edition]\ncontents = \"auto\"\n");
    build(&project, "en");
    let pdf = project.path("out/code-en.pdf");
    let texts = pages(&pdf);
    assert!(texts.len() > 60, "{} pages: rendered in parts", texts.len());
    let listed = headings(&project.read("content/en/10-code.md"));
    assert_eq!(listed.len(), 560);
    // The contents run from page 2 to the page before the body's first heading.
    assert!(texts[1].starts_with("Contents"), "{}", texts[1]);
    let body = (1..texts.len()).find(|&page| texts[page].starts_with(&squash("a) Introduction Since"))).expect("body");
    let contents: Vec<usize> = (1..body).collect();
    assert!(contents.len() > 5, "{} contents pages", contents.len());
    assert_lists_where_each_heading_is(&pdf, &contents, &listed);
    // The contents are laid out a run of entries at a time, each run cut where a page opens:
    // no page before the last ends short, as one long list would not.
    let lines = |page: usize| {
        let page = (page + 1).to_string();
        let text = run("pdftotext", &["-layout", "-f", &page, "-l", &page], &pdf);
        text.lines().filter(|line| !line.trim().is_empty()).count()
    };
    let full = lines(contents[1]);
    for &page in &contents[1..contents.len() - 1] {
        assert!(lines(page) + 2 >= full, "contents page {} has {} lines, a full one {full}", page + 1, lines(page));
    }
}

#[test]
fn a_long_edition_lays_out_its_contents_a_run_of_entries_at_a_time_twice_and_exports_each_part_once() {
    // 40 copies of the Code's body in English: 560 headings, a contents page under auto and a
    // body in several parts.
    let project = long_project(40);
    project.replace("codepub.toml", "[edition]\n", "[edition]\ncontents = \"auto\"\n");
    let args = ["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", "en", "--timings", "trace.json"];
    project.codepub().args(args).assert().success();
    let trace: Vec<serde_json::Value> = serde_json::from_str(&project.read("trace.json")).expect("a JSON trace");
    let began = |name: &str| trace.iter().filter(|event| event["name"] == name && event["ph"] == "B").count();
    // The contents are laid out 500 entries at a time (codepub_pdf::CONTENTS_ENTRIES_PER_PART):
    // two runs here, each laid out first without the labels of the body's headings to count its
    // pages, then with them. Only the second is exported; each body part is compiled and
    // exported once.
    let (compiles, exports) = (began("compile"), began("pdf"));
    assert!(exports > 3, "{exports} parts: rendered in parts");
    assert_eq!(compiles, exports + 2, "{compiles} compiles, {exports} PDFs exported");
}

#[test]
fn a_long_facing_edition_probes_only_its_body_parts_not_its_runs_of_contents() {
    // 40 copies of the Code's body: two runs of contents, then the body in parts.
    let project = long_project(40);
    project.replace("codepub.toml", "[edition]\n", "[edition]\ncontents = true\n");
    let args =
        ["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", "facing", "--timings", "trace.json"];
    project.codepub().args(args).assert().success();
    let trace: Vec<serde_json::Value> = serde_json::from_str(&project.read("trace.json")).expect("a JSON trace");
    let began = |name: &str| trace.iter().filter(|event| event["name"] == name && event["ph"] == "B").count();
    // Each body part: a probe and its spreads (no page of this text overflows). Each run of the
    // contents: laid out to count its pages, then with its labels; no probe, having no clause.
    let (compiles, exports) = (began("compile"), began("pdf"));
    assert!(exports > 3, "{exports} parts: rendered in parts");
    assert_eq!(compiles, 2 * exports, "{compiles} compiles, {exports} PDFs exported");
}

#[test]
fn a_long_bilingual_or_facing_edition_rendered_in_parts_lists_the_labels_of_headings_in_later_parts() {
    let project = long_project(40);
    project.replace("codepub.toml", "[edition]\n", "[edition]\ncontents = true\n");
    build(&project, "bilingual,facing");
    let en = headings(&project.read("content/en/10-code.md"));
    let ja = headings(&project.read("content/ja/10-code.md"));
    let body_start =
        |texts: &[String]| (1..texts.len()).position(|page| texts[page].contains(&squash("a) Introduction Since")));
    // Bilingual: the contents after the title page, each entry in both languages.
    let pdf = project.path("out/code-bilingual.pdf");
    let texts = pages(&pdf);
    let body = 1 + body_start(&texts).expect("the body");
    assert!(texts[1].starts_with("Contents目次"), "{}", texts[1]);
    assert_lists_where_each_heading_is(&pdf, &(1..body).collect::<Vec<_>>(), &en);
    // Facing: contents spreads after the title spread, English left, Japanese right.
    let pdf = project.path("out/code-facing.pdf");
    let texts = pages(&pdf);
    let body = 1 + body_start(&texts).expect("the body");
    assert!(texts[3].starts_with("Contents") && texts[4].starts_with("目次"), "{}", texts[3]);
    assert_lists_where_each_heading_is(&pdf, &(3..body).step_by(2).collect::<Vec<_>>(), &en);
    assert_lists_where_each_heading_is(&pdf, &(4..body).step_by(2).collect::<Vec<_>>(), &ja);
}

/// Whether the line of `page` in `pdf` (laid out by `pdftotext -layout`) that holds `text` ends
/// with a page label.
fn labelled(pdf: &Path, page: usize, text: &str) -> bool {
    let page = (page + 1).to_string();
    let layout = run("pdftotext", &["-layout", "-f", &page, "-l", &page], pdf);
    let line = layout.lines().find(|line| line.contains(text)).unwrap_or_else(|| panic!("no line holds {text:?}"));
    line.split_whitespace().last().is_some_and(|word| word.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn a_wrapped_entry_has_its_label_on_its_first_line_beside_two_languages_and_on_its_last_alone() {
    let project = TempProject::shipped();
    project.replace("codepub.toml", "[edition]\n", "[edition]\ncontents = true\n");
    build(&project, "bilingual,en");
    // Bilingual: the English of principle 1 wraps and its Japanese does not; the label stands on
    // the line both share, not beside the English's second line alone.
    let bilingual = project.path("out/code-bilingual.pdf");
    assert!(labelled(&bilingual, 1, "1. Comply with legal and statutory"));
    assert!(!labelled(&bilingual, 1, "   obligations"));
    // English alone: principle 2 wraps, and its label ends the entry, as a contents page sets it.
    let english = project.path("out/code-en.pdf");
    assert!(!labelled(&english, 1, "2. Perform and act in good faith"));
    assert!(labelled(&english, 1, "principles of the organization"));
}
