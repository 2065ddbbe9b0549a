//! Links and titles on paper, in every PDF edition built by the real binary and read with
//! `pdftotext`: an external link prints its address after its text (a mail address without
//! `mailto:`), once per language, unless its text already reads as the address; an internal link
//! prints nothing more; the web page prints link texts only. A long title is never hyphenated,
//! on the facing edition's cover nor anywhere else.

#![cfg(feature = "pdf")]

use crate::common;

use std::path::{Path, PathBuf};

use common::TempProject;
use common::poppler::{self, squash};

/// A title long enough that the facing edition's cover breaks it inside "Association" when
/// titles are hyphenated.
const TITLE_EN: &str = "Bylaws of Riverside Residents' Association of Greater Northfield";
const TITLE_JA: &str = "リバーサイド住民協会規約";

/// The words of the English title a hyphen could split.
const TITLE_WORDS: [&str; 5] = ["Bylaws", "Riverside", "Association", "Greater", "Northfield"];

const MOZILLA: &str = "https://github.com/mozilla/diversity";
const FAQ: &str = "https://www.contributor-covenant.org/faq";

/// A project with, in both languages: a link whose text is not its address (Mozilla's ladder, as
/// the Contributor Covenant has it), a link whose text is its address, one whose text is its
/// address without scheme, `www.` and trailing slash, a mail link, a mail link whose text is its
/// address, and an internal link.
fn project_with_links() -> TempProject {
    let en = format!(
        "# {TITLE_EN} {{#title}}\n\n(Approved)\n\n## 1. Enforcement {{#enforcement}}\n\n\
         The community impact guidelines were inspired by \
         [Mozilla's code of conduct enforcement ladder]({MOZILLA}).\n\n\
         Answers to common questions are at [{FAQ}]({FAQ}), and the covenant's home is \
         [contributor-covenant.org](https://www.contributor-covenant.org/).\n\n\
         Write to [the secretary](mailto:secretary@example.org) about any concern, or see \
         [clause 1](#enforcement). The chair is [chair@example.org](mailto:chair@example.org).\n"
    );
    let ja = format!(
        "# {TITLE_JA} {{#title}}\n\n（承認）\n\n## 1. 執行 {{#enforcement}}\n\n\
         コミュニティへの影響ガイドラインは[Mozilla's code of conduct enforcement ladder]({MOZILLA})に\
         適合しています。\n\n\
         よくある質問への回答は[{FAQ}]({FAQ})にあり、規約のホームは\
         [contributor-covenant.org](https://www.contributor-covenant.org/)です。\n\n\
         懸念があれば[事務局](mailto:secretary@example.org)に連絡するか、[第1条](#enforcement)を\
         参照してください。議長は[chair@example.org](mailto:chair@example.org)です。\n"
    );
    let project = TempProject::small(&en, &ja);
    project.write(
        "codepub.toml",
        format!(
            "[edition]\nslug = \"links\"\nadopted = 2023-02-23\ntitle = {{ en = \"{TITLE_EN}\", ja = \"{TITLE_JA}\" }}\n"
        ),
    );
    project
}

/// The PDF editions and how many languages each prints.
const EDITIONS: [(&str, usize); 4] = [("bilingual", 2), ("facing", 2), ("en", 1), ("ja", 1)];

/// Builds every PDF edition of `project` into `out`; each edition's name, language count and
/// PDF path.
fn build_pdfs(project: &TempProject, out: &Path) -> Vec<(&'static str, usize, PathBuf)> {
    project.codepub().args(["build", "--format", "pdf", "--out"]).arg(out).assert().success();
    EDITIONS.iter().map(|&(edition, langs)| (edition, langs, out.join(format!("links-{edition}.pdf")))).collect()
}

/// The whole text of `pdf`, as `pdftotext` extracts it.
fn text_of(pdf: &Path) -> String {
    poppler::run("pdftotext", &[], pdf)
}

#[test]
fn an_external_links_address_is_printed_once_per_language_in_every_pdf_edition() {
    let project = project_with_links();
    let out = tempfile::tempdir().expect("temp dir");
    for (edition, langs, pdf) in build_pdfs(&project, out.path()) {
        let text = squash(&text_of(&pdf));
        assert_eq!(text.matches(&squash(MOZILLA)).count(), langs, "{edition}: {text}");
        // After the link's text, in brackets: full-width in Japanese.
        let en = squash(&format!("enforcement ladder ({MOZILLA})."));
        let ja = squash(&format!("enforcement ladder（{MOZILLA}）に適合"));
        let expected = match edition {
            "en" => (1, 0),
            "ja" => (0, 1),
            _ => (1, 1),
        };
        assert_eq!((text.matches(&en).count(), text.matches(&ja).count()), expected, "{edition}: {text}");
    }
}

#[test]
fn the_facing_edition_prints_the_address_on_the_english_and_on_the_japanese_page() {
    let project = project_with_links();
    let out = tempfile::tempdir().expect("temp dir");
    project
        .codepub()
        .args(["build", "--format", "pdf", "--edition", "facing", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let pages = poppler::pages(&out.path().join("links-facing.pdf"));
    let holding: Vec<usize> = (1..=pages.len()).filter(|&p| pages[p - 1].contains(&squash(MOZILLA))).collect();
    assert_eq!(holding.len(), 2, "one English page and one Japanese page: {holding:?}");
    assert!(pages[holding[0] - 1].contains("Enforcement") && pages[holding[1] - 1].contains("執行"), "{pages:?}");
}

#[test]
fn a_link_whose_text_reads_as_its_address_does_not_print_the_address_again() {
    let project = project_with_links();
    let out = tempfile::tempdir().expect("temp dir");
    for (edition, langs, pdf) in build_pdfs(&project, out.path()) {
        let text = squash(&text_of(&pdf));
        // The FAQ's link text is its address; the home's is its address without `https://www.`
        // and the trailing slash: each printed once per language, by its text.
        assert_eq!(text.matches(&squash(FAQ)).count(), langs, "{edition}: {text}");
        assert_eq!(text.matches(&squash("contributor-covenant.org")).count(), 2 * langs, "{edition}: {text}");
        // A mail link whose text is its address without `mailto:`.
        assert_eq!(text.matches("chair@example.org").count(), langs, "{edition}: {text}");
        for bracket in ["(", "（"] {
            let again = squash(&format!("{bracket}https://www.contributor-covenant.org"));
            assert!(!text.contains(&again), "{edition}: {text}");
        }
    }
}

#[test]
fn a_mail_links_address_is_printed_without_mailto() {
    let project = project_with_links();
    let out = tempfile::tempdir().expect("temp dir");
    for (edition, langs, pdf) in build_pdfs(&project, out.path()) {
        let text = squash(&text_of(&pdf));
        assert_eq!(text.matches("secretary@example.org").count(), langs, "{edition}: {text}");
        assert!(!text.contains("mailto"), "{edition}: {text}");
        if edition != "ja" {
            assert!(text.contains("Writetothesecretary(secretary@example.org)about"), "{edition}: {text}");
        }
        if edition != "en" {
            assert!(text.contains("事務局（secretary@example.org）に連絡"), "{edition}: {text}");
        }
    }
}

#[test]
fn an_internal_link_prints_its_text_only() {
    let project = project_with_links();
    let out = tempfile::tempdir().expect("temp dir");
    for (edition, _, pdf) in build_pdfs(&project, out.path()) {
        let text = squash(&text_of(&pdf));
        assert!(!text.contains("#enforcement"), "{edition}: {text}");
        if edition != "ja" {
            assert!(text.contains("orseeclause1."), "{edition}: {text}");
        }
        if edition != "en" {
            assert!(text.contains("第1条を参照"), "{edition}: {text}");
        }
    }
}

#[test]
fn the_web_page_prints_a_links_text_without_its_address() {
    let project = project_with_links();
    let out = tempfile::tempdir().expect("temp dir");
    project.codepub().args(["build", "--format", "html", "--out"]).arg(out.path()).assert().success();
    let html = std::fs::read_to_string(out.path().join("html/index.html")).expect("the web page");
    assert!(html.contains(&format!("href=\"{MOZILLA}\"")), "the link stays a link");
    assert!(!html.contains(&format!("({MOZILLA})")) && !html.contains(&format!("（{MOZILLA}）")));
    assert!(!html.contains("(secretary@example.org)"));
}

#[test]
fn a_long_title_is_never_hyphenated_in_any_edition() {
    let project = project_with_links();
    let out = tempfile::tempdir().expect("temp dir");
    for (edition, _, pdf) in build_pdfs(&project, out.path()) {
        if edition == "ja" {
            continue; // No English title to break.
        }
        let text = text_of(&pdf);
        // Every time a title word is printed (as the squashed text, hyphens dropped, finds it),
        // it is printed whole.
        for word in TITLE_WORDS {
            let whole = text.matches(word).count();
            assert!(whole >= 1, "{edition}: {word} is printed");
            assert_eq!(whole, squash(&text).matches(word).count(), "{edition}: {word} is broken: {text}");
        }
        // The facing edition prints the title on its cover and on its title page.
        if edition == "facing" {
            assert_eq!(text.matches("Association").count(), 2, "{edition}: {text}");
        }
    }
}
