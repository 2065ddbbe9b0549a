//! Reading the PDFs codepub writes with poppler-utils (`pdftotext`, `pdfinfo`, `pdftohtml`), as
//! the PDF tests do.

use std::path::Path;
use std::process::Command;

/// Runs poppler's `tool` on `pdf` with `args`; its standard output (the text tools write to it).
pub fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" || tool == "pdftohtml" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|error| panic!("{tool} (poppler-utils) is needed: {error}"));
    assert!(output.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// Text for comparison: whitespace dropped (Japanese lines break without spaces, so any
/// whitespace pdftotext puts at a line end is layout) and hyphens dropped (English words are
/// hyphenated at line ends).
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{AD}' | '\u{2010}')).collect()
}

/// The number of pages of `pdf`.
pub fn page_count(pdf: &Path) -> usize {
    let info = run("pdfinfo", &[], pdf);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).expect("page count").trim().parse().expect("a count")
}

/// Each page's text, squashed; `pages[0]` is page 1.
pub fn pages(pdf: &Path) -> Vec<String> {
    (1..=page_count(pdf))
        .map(|page| {
            let page = page.to_string();
            squash(&run("pdftotext", &["-f", &page, "-l", &page], pdf))
        })
        .collect()
}
