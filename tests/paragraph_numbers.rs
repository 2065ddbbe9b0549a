//! Citable paragraphs (`numbering = "paragraph"` under `[edition]`): every PDF edition prints
//! each block's number within its clause beside it, the number its address holds, so the English
//! and the Japanese of a pair print the same one (read back with `pdftotext -layout`, where a
//! number in the margin starts or ends its paragraph's first line); the HTML gives each row its
//! address for an id and a number linking to it. Off by default, and then nothing changes; a
//! value other than "none" or "paragraph" is an error that names them.

use crate::common;

use common::TempProject;

/// The shipped Code with `numbering = value` under `[edition]`.
fn code_numbered(value: &str) -> TempProject {
    let project = TempProject::shipped();
    project.replace("codepub.toml", "[edition]\n", &format!("[edition]\nnumbering = \"{value}\"\n"));
    project
}

/// Builds `editions` of `project` in `format` into `out`.
#[cfg(any(feature = "pdf", feature = "html"))]
fn build(project: &TempProject, editions: &str, format: &str, out: &std::path::Path) {
    (project.codepub())
        .args(["build", "--allow-errors", "--quiet", "--format", format, "--edition", editions, "--out"])
        .arg(out)
        .assert()
        .success();
}

#[test]
fn an_unknown_numbering_is_an_error_naming_the_allowed_values() {
    let project = code_numbered("article");
    let output = project.codepub().arg("check").assert().code(2).get_output().clone();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(r#"numbering = "article": expected "none" or "paragraph""#), "{stderr}");
}

#[cfg(feature = "pdf")]
mod pdf {
    use super::*;
    use common::poppler;

    /// Principle 3's paragraphs: the start of each one's first line in English and in Japanese.
    const PRINCIPLE_3: [(&str, &str); 3] = [
        ("We act with honesty", "私たちはすべての取引において"),
        ("We respect others", "私たちは、科学的、専門的"),
        ("Harassment or coercion", "性的、道徳的、金銭的"),
    ];

    /// The lines of `pdf` as `pdftotext -layout` sets them out.
    fn layout_lines(pdf: &std::path::Path) -> Vec<String> {
        poppler::run("pdftotext", &["-layout"], pdf).lines().map(str::to_string).collect()
    }

    /// The line of `lines` holding `text`; panics if none does.
    fn line_with<'l>(lines: &'l [String], text: &str) -> &'l str {
        lines.iter().find(|line| line.contains(text)).unwrap_or_else(|| panic!("no line holds {text:?}"))
    }

    /// Whether `line` opens with the number `n` in the margin, before `text`.
    fn number_before(line: &str, n: usize, text: &str) -> bool {
        line.trim_start().strip_prefix(&n.to_string()).is_some_and(|rest| rest.trim_start().starts_with(text))
    }

    #[test]
    fn every_pdf_edition_prints_the_paragraph_numbers_of_principle_3_beside_them_in_both_languages() {
        let project = code_numbered("paragraph");
        let out = tempfile::tempdir().unwrap();
        build(&project, "bilingual,facing,en,ja", "pdf", out.path());
        let lines = |edition: &str| layout_lines(&out.path().join(format!("code-{edition}.pdf")));
        let (bilingual, facing, en, ja) = (lines("bilingual"), lines("facing"), lines("en"), lines("ja"));
        for (index, (english, japanese)) in PRINCIPLE_3.into_iter().enumerate() {
            let n = index + 1;
            // Bilingual: the row's number once, in the left margin, its two languages on its line.
            let row = line_with(&bilingual, english);
            assert!(number_before(row, n, english) && row.contains(japanese), "{row:?}");
            assert_eq!(row.matches(&n.to_string()).count(), 1, "{row:?}");
            // The single-language editions: beside the paragraph.
            assert!(number_before(line_with(&en, english), n, english), "{:?}", line_with(&en, english));
            assert!(number_before(line_with(&ja, japanese), n, japanese), "{:?}", line_with(&ja, japanese));
            // Facing pages: on both pages, in the outer margins (left of the English, right of the Japanese).
            assert!(number_before(line_with(&facing, english), n, english), "{:?}", line_with(&facing, english));
            let right = line_with(&facing, japanese).trim_end();
            assert!(right.ends_with(&format!(" {n}")), "{right:?}");
        }
        // Headings get no number: the heading's line starts with its own words.
        assert!(line_with(&en, "3. Behave ethically").trim_start().starts_with("3. Behave ethically"));
        // Nor do the footnotes or the back cover.
        let footnote = line_with(&en, "Nevertheless, these ISO procedural documents");
        assert!(footnote.trim_start().starts_with("1 Nevertheless"), "{footnote:?}");
        assert!(line_with(&en, "Chemin de Blandonnet").starts_with("Chemin de Blandonnet"));
    }

    #[test]
    fn numbering_none_builds_the_same_pdf_as_no_setting_with_no_numbers() {
        let (plain, none) = (TempProject::shipped(), code_numbered("none"));
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        build(&plain, "en", "pdf", a.path());
        build(&none, "en", "pdf", b.path());
        let pdf = |dir: &tempfile::TempDir| std::fs::read(dir.path().join("code-en.pdf")).unwrap();
        assert!(pdf(&a) == pdf(&b), "numbering = \"none\" changed the PDF");
        let lines = layout_lines(&b.path().join("code-en.pdf"));
        let (english, _) = PRINCIPLE_3[0];
        assert!(line_with(&lines, english).trim_start().starts_with(english));
    }

    /// In the Constitution's English edition, Article 14's second paragraph does not fit at the
    /// foot of page 3 and moves to page 4: its number must go with it, not stay behind alone.
    #[test]
    fn a_paragraph_number_moves_to_the_next_page_with_its_paragraph() {
        let project = common::constitution();
        project.replace("codepub.toml", "[edition]\n", "[edition]\nnumbering = \"paragraph\"\n");
        let out = tempfile::tempdir().unwrap();
        build(&project, "en,ja", "pdf", out.path());
        for edition in ["en", "ja"] {
            let pdf = out.path().join(format!("constitution-{edition}.pdf"));
            for (index, page) in poppler::run("pdftotext", &["-layout"], &pdf).split('\u{c}').enumerate() {
                let lines: Vec<&str> = page.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
                // A line holding a number and nothing else, but the page's folio at its foot.
                let lone = lines.iter().rev().skip(1).find(|line| line.chars().all(|c| c.is_ascii_digit()));
                assert!(lone.is_none(), "{edition} page {}: number {lone:?} without its paragraph:\n{page}", index + 1);
            }
        }
        let english = layout_lines(&out.path().join("constitution-en.pdf"));
        assert!(number_before(line_with(&english, "Peers and peerage"), 2, "Peers and peerage"));
    }

    #[test]
    fn a_long_edition_rendered_in_parts_numbers_the_paragraphs_of_every_part() {
        let project = common::long_project(40);
        project.replace("codepub.toml", "[edition]\n", "[edition]\nnumbering = \"paragraph\"\ncontents = false\n");
        let out = tempfile::tempdir().unwrap();
        build(&project, "en", "pdf", out.path());
        let pdf = out.path().join("code-en.pdf");
        assert!(poppler::page_count(&pdf) > 60, "rendered in parts");
        let lines = layout_lines(&pdf);
        // Every copy's principle 3 (the last copies in the last part) prints 1, 2 and 3.
        for (index, (english, _)) in PRINCIPLE_3.into_iter().enumerate() {
            let numbered = lines.iter().filter(|line| number_before(line, index + 1, english)).count();
            assert_eq!(numbered, 40, "{english}");
        }
    }
}

#[cfg(feature = "html")]
mod html {
    use super::*;

    #[test]
    fn every_html_page_anchors_each_row_at_its_address_with_a_number_linking_to_it() {
        let project = code_numbered("paragraph");
        let out = tempfile::tempdir().unwrap();
        build(&project, "bilingual,en,ja", "html", out.path());
        let row = regex::Regex::new(r##"<div class="pair" data-address="([^"#]+)#(\d+)" id="([^"]+)">"##).unwrap();
        let number =
            regex::Regex::new(r##"<a class="pn" href="#([^"]+)" aria-label="[^"]+ (\d+)">(\d+)</a>"##).unwrap();
        for page in ["index.html", "en.html", "ja.html"] {
            let html = std::fs::read_to_string(out.path().join("html").join(page)).unwrap();
            // The row of principle-3#2, in either language's page, is `#principle-3:2`.
            assert!(html.contains(r##"data-address="principle-3#2" id="principle-3:2">"##), "{page}");
            assert!(html.contains(r##"<a class="pn" href="#principle-3:2" aria-label="##), "{page}");
            // Each row's id is its address, and its number links to it: one number per row, none elsewhere.
            let rows: Vec<(String, String)> =
                row.captures_iter(&html).map(|c| (format!("{}:{}", &c[1], &c[2]), c[3].to_string())).collect();
            assert!(rows.len() > 20 && rows.iter().all(|(address, id)| address == id), "{page}: {rows:?}");
            let numbers: Vec<(String, String)> =
                number.captures_iter(&html).map(|c| (c[1].to_string(), c[3].to_string())).collect();
            assert_eq!(numbers.len(), rows.len(), "{page}");
            for ((id, _), (href, n)) in rows.iter().zip(&numbers) {
                assert_eq!(id, href, "{page}");
                assert!(id.ends_with(&format!(":{n}")), "{page}: {id} prints {n}");
            }
            assert_eq!(html.matches(r#"class="pn""#).count(), rows.len(), "{page}: numbers beyond the rows");
        }
    }

    /// A second "Definitions" heading is given the clause id `definitions-2` (P001's fix and
    /// `codepub init` propose it): the second paragraph of the first must not take it as well.
    #[test]
    fn a_paragraph_id_never_repeats_the_id_of_a_clause_named_like_it() {
        let en = "# Rules {#rules}\n\n## Definitions {#definitions}\n\nOne.\n\nTwo.\n\n\
                  ## Definitions {#definitions-2}\n\nThree.\n";
        let ja = "# 規則 {#rules}\n\n## 定義 {#definitions}\n\n一。\n\n二。\n\n## 定義 {#definitions-2}\n\n三。\n";
        let project = TempProject::small(en, ja);
        project.replace("codepub.toml", "[edition]\n", "[edition]\nnumbering = \"paragraph\"\n");
        let out = tempfile::tempdir().unwrap();
        build(&project, "bilingual", "html", out.path());
        let html = std::fs::read_to_string(out.path().join("html/index.html")).unwrap();
        let id = regex::Regex::new(r#" id="([^"]+)""#).unwrap();
        let ids: Vec<&str> = id.captures_iter(&html).map(|c| c.get(1).unwrap().as_str()).collect();
        assert!(ids.contains(&"definitions-2") && ids.contains(&"definitions:2"), "{ids:?}");
        let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "an id repeated in the page: {ids:?}");
    }

    #[test]
    fn without_numbering_the_html_has_no_row_ids_nor_numbers() {
        let project = TempProject::shipped();
        let out = tempfile::tempdir().unwrap();
        build(&project, "bilingual", "html", out.path());
        let html = std::fs::read_to_string(out.path().join("html/index.html")).unwrap();
        assert!(html.contains(r##"<div class="pair" data-address="principle-3#2">"##));
        assert!(!html.contains("class=\"pn\"") && !html.contains(".pn"));
    }
}
