//! The page layout of the two bilingual PDF editions, read back from the PDFs the real binary
//! writes: in the columns edition the paragraphs of one row (a quote of several paragraphs, one
//! cell of the row) stay apart in both languages, measured with `pdftotext -bbox-layout`; in the
//! facing edition every page has a number of its own, counted on from the front cover, and the
//! number printed at its foot is its PDF page label (read with lopdf).

#![cfg(feature = "pdf")]

use crate::common;
use crate::common::page_labels;

use std::path::{Path, PathBuf};

use common::TempProject;
use common::poppler;

/// One line of a page as `pdftotext -bbox-layout` reports it: where it starts and its text.
struct Line {
    x: f64,
    y: f64,
    text: String,
}

/// The lines of page `page` of `pdf`, top to bottom as poppler lists them.
fn lines(pdf: &Path, page: usize) -> Vec<Line> {
    let page = page.to_string();
    let xml = poppler::run("pdftotext", &["-f", &page, "-l", &page, "-bbox-layout"], pdf);
    let line = regex::Regex::new(r#"(?s)<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</line>"#).unwrap();
    let word = regex::Regex::new(r"<word[^>]*>([^<]*)</word>").unwrap();
    (line.captures_iter(&xml))
        .map(|c| Line {
            x: c[1].parse().unwrap(),
            y: c[2].parse().unwrap(),
            text: word.captures_iter(&c[3]).map(|w| w[1].to_string()).collect::<Vec<_>>().join(" "),
        })
        .collect()
}

/// Builds `edition` of `project` as PDF into `out`; the PDF's path.
fn build(project: &TempProject, edition: &str, out: &Path) -> PathBuf {
    (project.codepub())
        .args(["build", "--allow-errors", "--quiet", "--format", "pdf", "--edition", edition, "--out"])
        .arg(out)
        .assert()
        .success();
    out.join(format!("small-{edition}.pdf"))
}

const QUOTE_EN: &str = "# Code {#title}\n\n## 1. Quoted {#article-1}\n\n\
> The first quoted paragraph of the English, long enough to run over two lines of its column here.\n\
>\n\
> The second quoted paragraph of the English, which stands apart from the first by the paragraph gap.\n";

const QUOTE_JA: &str = "# 規範 {#title}\n\n## 1. 引用 {#article-1}\n\n\
> 第一の引用段落です。二段組みの版で列の中に二行以上にわたるよう、十分に長い日本語の文章をここに書きます。さらに文を足して、日本語の欄を英語の欄より高くします。\n\
>\n\
> 第二の引用段落です。最初の段落とは段落の間隔をあけて置かれます。ここにも文を足して、日本語の欄を英語の欄より高くします。\n";

/// In column `left` (else the right one) of `lines`, how much further apart the first line of
/// the paragraph starting with `second` is from the line before it than the two lines before
/// that are from each other (the first paragraph's line pitch): the space its paragraph gap adds.
fn gap_beyond_leading(lines: &[Line], left: bool, second: &str) -> f64 {
    let column: Vec<&Line> = lines.iter().filter(|l| (l.x < 297.0) == left).collect();
    let at = column.iter().position(|l| l.text.starts_with(second)).unwrap_or_else(|| {
        panic!("no line starting with {second:?} in {:?}", column.iter().map(|l| &l.text).collect::<Vec<_>>())
    });
    assert!(at >= 2, "the first paragraph before {second:?} has fewer than two lines");
    let pitch = column[at - 1].y - column[at - 2].y;
    (column[at].y - column[at - 1].y) - pitch
}

#[test]
fn paragraphs_in_one_cell_of_a_row_keep_their_spacing_in_both_languages() {
    let project = TempProject::small(QUOTE_EN, QUOTE_JA);
    let out = tempfile::tempdir().unwrap();
    let pdf = build(&project, "bilingual", out.path());
    // Page 1 is the title page.
    let lines = lines(&pdf, 2);
    // Half an em of space between the paragraphs beyond the leading: some 5 pt in 10.5 pt
    // English and 9.5 pt Japanese (the body's gap added 2.4 pt in English and none in Japanese).
    let en = gap_beyond_leading(&lines, true, "The second");
    let ja = gap_beyond_leading(&lines, false, "第二の引用段落");
    assert!(en > 4.0, "the English paragraphs of the row are {en:.2} pt apart beyond their leading");
    assert!(ja > 4.0, "the Japanese paragraphs of the row are {ja:.2} pt apart beyond their leading");
}

/// A facing edition of a title, enough clauses for several spreads, and both back covers.
fn facing_project() -> TempProject {
    let en_para = "Members act with honesty and care in every meeting, and they keep to the rules that \
        govern the work of the committees, so that all parties can trust the outcome of the process.";
    let ja_para = "会員は、すべての会議において誠実かつ慎重に行動し、委員会の業務を定める規則を守ることで、\
        すべての関係者がその過程の成果を信頼できるようにします。";
    let mut en = String::from("# Code {#title}\n\n");
    let mut ja = String::from("# 規範 {#title}\n\n");
    for clause in ["one", "two", "three", "four", "five", "six"] {
        en.push_str(&format!("## Clause {{#clause-{clause}}}\n\n"));
        ja.push_str(&format!("## 条項 {{#clause-{clause}}}\n\n"));
        for _ in 0..6 {
            en.push_str(&format!("{en_para}\n\n"));
            ja.push_str(&format!("{ja_para}\n\n"));
        }
    }
    let project = TempProject::small(&en, &ja);
    let cover = "+++\nclause = \"back-cover\"\nkind = \"colophon\"\n+++\n\n";
    project.write("content/en/b.md", format!("{cover}ISO\n"));
    project.write("content/ja/b.md", format!("{cover}ISO\n"));
    project
}

#[test]
fn every_facing_page_is_numbered_on_from_the_cover_and_prints_its_page_label() {
    let project = facing_project();
    let out = tempfile::tempdir().unwrap();
    let pdf = build(&project, "facing", out.path());
    let labels = page_labels(&std::fs::read(&pdf).unwrap());
    // Every page a number of its own, as a viewer shows it: 1 the front cover, 2 and 3 the title
    // spread, the body's spreads from 4 (English) and 5 (Japanese) on, then the back covers.
    let expected: Vec<String> = (1..=labels.len()).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);
    // The body's pages print that number at their foot; the covers and the title spread count
    // without printing one.
    let mut printed = Vec::new();
    for (index, label) in labels.iter().enumerate() {
        let page = index + 1;
        let text = poppler::run("pdftotext", &["-f", &page.to_string(), "-l", &page.to_string()], &pdf);
        let last = text.trim_end().lines().last().map(str::trim).unwrap_or_default().to_string();
        if last.parse::<usize>().is_ok() {
            assert_eq!(&last, label, "page {page} prints {last} but is labelled {label}");
            printed.push(page);
        }
        // English on the even (left-hand) pages of the body, Japanese on the odd ones.
        if text.contains("Members act") {
            assert_eq!(page % 2, 0, "English on page {page}");
        } else if text.contains("会員は") {
            assert_eq!(page % 2, 1, "Japanese on page {page}");
        }
    }
    let body: Vec<usize> = (4..4 + printed.len()).collect();
    assert_eq!(printed, body, "the pages printing a number are not the body's");
    assert!(printed.len() >= 4 && printed.len() % 2 == 0, "{} body pages", printed.len());
    assert!(labels.len() >= printed.len() + 5, "no back covers after the body: {} pages", labels.len());
}
