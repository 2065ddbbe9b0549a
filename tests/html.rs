//! The HTML editions: every paragraph of the sources is on its page, pages are byte-identical
//! from run to run, and source text is printed as text, never as markup. Also writes the site
//! into `target/html-site/` for the browser tests (`tests/browser/run.sh target/html-site`).

#![cfg(feature = "html")]

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codepub::load::{self, Project};
use codepub::model::{Document, Lang};
use codepub::render::RenderError;
use codepub::render::Templates;
use codepub::render::html::render_site;
use codepub::view::{EditionKind, EditionModel};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> Project {
    load::load(root()).expect("the shipped project loads")
}

fn site(project: &Project) -> BTreeMap<String, String> {
    render_site(project, &Templates::built_in())
        .expect("the site renders")
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8(bytes).expect("pages are UTF-8")))
        .collect()
}

/// Text of a page as a reader sees it: tags removed (block tags stand for a space), entities
/// unescaped, whitespace normalised.
fn page_text(html: &str) -> String {
    let body = html.split_once("<body").map_or(html, |(_, body)| body);
    let tag = regex::Regex::new(r"<(/?)([a-zA-Z0-9]+)[^>]*>").expect("regex");
    let text = tag.replace_all(body, |caps: &regex::Captures<'_>| {
        match caps[2].to_ascii_lowercase().as_str() {
            "em" | "strong" | "a" | "sup" | "code" | "span" => "",
            _ => " ",
        }
        .to_string()
    });
    normalise(&unescape(&text))
}

fn unescape(text: &str) -> String {
    let entity = regex::Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);").expect("regex");
    entity
        .replace_all(text, |caps: &regex::Captures<'_>| {
            let name = &caps[1];
            let code = if let Some(hex) = name.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok()
            } else {
                match name {
                    "amp" => Some(u32::from('&')),
                    "lt" => Some(u32::from('<')),
                    "gt" => Some(u32::from('>')),
                    "quot" => Some(u32::from('"')),
                    "apos" => Some(u32::from('\'')),
                    "nbsp" => Some(0xA0),
                    _ => None,
                }
            };
            code.and_then(char::from_u32).map_or_else(|| caps[0].to_string(), String::from)
        })
        .into_owned()
}

fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{33FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}')
}

/// Whitespace collapsed to single spaces, and dropped between two wide (CJK) characters, where
/// a source line break prints as nothing.
fn normalise(text: &str) -> String {
    let collapsed: Vec<char> = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
    let mut out = String::with_capacity(collapsed.len());
    for (i, &c) in collapsed.iter().enumerate() {
        let between_wide = c == ' '
            && i > 0
            && collapsed.get(i - 1).is_some_and(|&p| is_wide(p))
            && collapsed.get(i + 1).is_some_and(|&n| is_wide(n));
        if !between_wide {
            out.push(c);
        }
    }
    out
}

/// Every heading, block and footnote block of `document` as the page prints it: footnote
/// references `[^label]` become their numbers. Colophon clauses only when `colophon`.
fn expected_texts(document: &Document, numbers: &BTreeMap<String, usize>, colophon: bool) -> Vec<String> {
    let reference = regex::Regex::new(r"\[\^([^\]]+)\]").expect("regex");
    let print = |text: String| {
        let text = reference.replace_all(&text, |caps: &regex::Captures<'_>| {
            numbers.get(&caps[1]).map_or_else(|| caps[0].to_string(), usize::to_string)
        });
        normalise(&text)
    };
    let mut texts = Vec::new();
    for clause in &document.clauses {
        let is_colophon = clause.kind == codepub::model::ClauseKind::Colophon;
        if is_colophon != colophon && is_colophon {
            continue;
        }
        if let Some(heading) = &clause.heading {
            texts.push(print(codepub::model::plain_text(&heading.inlines)));
        }
        texts.extend(clause.blocks.iter().map(|b| print(b.plain_text())));
    }
    for footnote in &document.footnotes {
        texts.extend(footnote.blocks.iter().map(|b| print(b.plain_text())));
    }
    texts.retain(|t| !t.is_empty());
    texts
}

fn footnote_numbers(project: &Project, edition: EditionKind) -> BTreeMap<String, usize> {
    EditionModel::build(&project.alignment(), &project.config.edition, edition)
        .notes
        .iter()
        .map(|note| (note.label.clone(), note.number))
        .collect()
}

/// The directory the browser tests read: `target/html-site/`.
fn site_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).join("html-site")
}

#[test]
fn site_is_written_for_the_browser_tests() {
    let files = render_site(&shipped(), &Templates::built_in()).expect("the site renders");
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["index.html", "en.html", "ja.html", "style.css"]);
    common::write_site(&site_dir(), &files);
}

#[test]
fn every_paragraph_is_on_its_page() {
    let project = shipped();
    let pages = site(&project);
    // Each edition prints its languages' back covers: the bilingual edition both.
    // (page, edition, languages printed with whether their back cover is printed)
    type Case<'a> = (&'a str, EditionKind, &'a [(Lang, bool)]);
    let cases: [Case; 3] = [
        ("index.html", EditionKind::Bilingual, &[(Lang::En, true), (Lang::Ja, true)]),
        ("en.html", EditionKind::En, &[(Lang::En, true)]),
        ("ja.html", EditionKind::Ja, &[(Lang::Ja, true)]),
    ];
    for (page, edition, langs) in cases {
        let text = page_text(&pages[page]);
        let numbers = footnote_numbers(&project, edition);
        let mut checked = 0;
        for &(lang, colophon) in langs {
            for expected in expected_texts(project.document(lang), &numbers, colophon) {
                assert!(text.contains(&expected), "{page}: missing {lang} text {expected:?}");
                checked += 1;
            }
        }
        assert!(checked > 40, "{page}: only {checked} texts checked");
    }
    // A single-language page holds none of the other language's body text.
    assert!(!page_text(&pages["en.html"]).contains("私たちは、適用される法律"));
    assert!(!page_text(&pages["ja.html"]).contains("We respect applicable laws"));
    // The English edition's back cover is in the English and the bilingual pages, not the Japanese.
    assert!(page_text(&pages["en.html"]).contains("© ISO, 2023 All rights reserved"));
    assert!(page_text(&pages["index.html"]).contains("© ISO, 2023 All rights reserved"));
    assert!(!page_text(&pages["ja.html"]).contains("© ISO, 2023 All rights reserved"));
}

#[test]
fn rendering_is_deterministic() {
    let first = render_site(&shipped(), &Templates::built_in()).expect("renders");
    for _ in 0..3 {
        assert!(
            render_site(&shipped(), &Templates::built_in()).expect("renders") == first,
            "output changed between runs"
        );
    }
}

#[test]
fn pages_declare_languages_and_link_clauses_and_notes() {
    let project = shipped();
    let pages = site(&project);
    assert!(pages["index.html"].contains("<html lang=\"en\">"));
    assert!(pages["en.html"].contains("<html lang=\"en\">"));
    assert!(pages["ja.html"].contains("<html lang=\"ja\">"));
    let index = &pages["index.html"];
    for section in EditionModel::build(&project.alignment(), &project.config.edition, EditionKind::Bilingual)
        .sections
        .iter()
        .filter(|s| s.level >= 2)
    {
        assert!(index.contains(&format!("<section id=\"{}\"", section.id)), "no anchor for {}", section.id);
        assert!(index.contains(&format!("href=\"#{}\"", section.id)), "no contents entry for {}", section.id);
    }
    assert!(index.contains("<section id=\"principle-3\""));
    // Every paragraph cell of the bilingual page says its language.
    let cells = regex::Regex::new(r#"<div class="cell[^"]*"[^>]*>"#).expect("regex");
    let lang = regex::Regex::new(r#" lang="(en|ja)""#).expect("regex");
    for cell in cells.find_iter(index) {
        assert!(lang.is_match(cell.as_str()), "cell without lang: {}", cell.as_str());
    }
    // Footnote 1: a link from each language's text to its note, and a link back.
    for lang in ["en", "ja"] {
        assert!(index.contains(&format!("<a id=\"fnref-{lang}-1\" href=\"#fn-{lang}-1\">1</a>")), "{lang} note ref");
        assert!(index.contains(&format!("id=\"fn-{lang}-1\"")), "{lang} note");
        assert!(index.contains(&format!("href=\"#fnref-{lang}-1\"")), "{lang} back-link");
    }
    // Titles and approval lines on the bilingual title page.
    let cover = index.split("</header>").next().unwrap_or_default();
    for text in [
        "ISO Code of Ethics and Conduct",
        "ISOの倫理および行動の規範",
        "Council Resolution 11/2023",
        "理事会決議 11/2023",
    ] {
        assert!(cover.contains(text), "title page lacks {text}");
    }
}

#[test]
fn back_cover_lines_print_as_in_the_source() {
    let pages = site(&shipped());
    let ja = &pages["ja.html"];
    assert!(ja.contains("<strong>International Organization<br>\nfor Standardization</strong>"));
    assert!(ja.contains("ISO Central Secretariat<br>\nChemin de Blandonnet 8<br>\n1214 Geneva, Switzerland"));
    assert!(ja.contains("私たちは地球を大切にしています。<br>\nこのプロシユアは再生紙を使用しています。"));
    // English lines of the Japanese back cover say they are English.
    assert!(ja.contains("<div class=\"colophon-block\" lang=\"en\"><p class=\"lines\">ISO Central Secretariat"));
    let en = &pages["en.html"];
    assert!(en.contains("© ISO, 2023<br>\nAll rights reserved<br>\nISBN 978-92-67-11315-9"));
    assert!(en.contains("<a href=\"https://www.iso.org\">iso.org</a>"));
}

#[test]
fn pages_are_self_contained() {
    let links = regex::Regex::new(r#"<link [^>]*href="([^"]*)""#).expect("regex");
    for (name, text) in site(&shipped()) {
        let lower = text.to_ascii_lowercase();
        for banned in ["<script", "<iframe", "<img", "@import", "url(", " src=", "javascript:"] {
            assert!(!lower.contains(banned), "{name} contains {banned}");
        }
        for link in links.captures_iter(&text) {
            assert!(!link[1].contains(':') && !link[1].starts_with("//"), "{name} loads {}", &link[1]);
        }
    }
    let css = &site(&shipped())["style.css"];
    for rule in ["line-break: strict", "size: A4", "Hiragino Mincho ProN", "Noto Serif CJK JP"] {
        assert!(css.contains(rule), "style.css lacks {rule}");
    }
}

/// Copies the shipped project (configuration and content) into a temporary folder.
fn copy_project() -> tempfile::TempDir {
    common::TempProject::shipped().dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

const INJECTION: &str = "Injected: <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) {{ 7*7 }} {% raw %} \"quoted\" 'single' & done";

#[test]
fn source_text_cannot_inject_markup() {
    let dir = copy_project();
    edit(
        &dir.path().join("content/en/10-code.md"),
        "We respect applicable laws and regulations and we avoid collusive or anticompetitive behaviour.",
        INJECTION,
    );
    edit(
        &dir.path().join("content/en/10-code.md"),
        "### 3. Behave ethically",
        "### 3. Behave <b onmouseover=alert(1)>ethically</b>",
    );
    edit(&dir.path().join("content/ja/90-back-cover.md"), "不許複製", "<script>alert('ja')</script>{{ 6*7 }}");
    edit(
        &dir.path().join("codepub.toml"),
        "en = \"ISO Code of Ethics and Conduct\"",
        "en = \"ISO Code</title><script>alert(1)</script>\"",
    );
    let project = load::load(dir.path()).expect("the edited project loads");
    let pages = site(&project);
    let attribute = regex::Regex::new(r"<[^<>]*\bon[a-z]+\s*=").expect("regex");
    let javascript = regex::Regex::new(r#"(?i)\b(href|src|action)\s*=\s*["']?\s*javascript:"#).expect("regex");
    for (name, html) in &pages {
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{name}: script element");
        assert!(!lower.contains("<img"), "{name}: img element");
        assert!(!lower.contains("<b "), "{name}: b element");
        assert!(!javascript.is_match(html), "{name}: javascript: URL");
        assert!(!attribute.is_match(html), "{name}: event handler attribute");
    }
    for name in ["index.html", "en.html"] {
        let html = &pages[name];
        assert!(
            html.contains(
                "<p>Injected: &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; x {{ 7*7 }} {% raw %} \
                 &quot;quoted&quot; &#39;single&#39; &amp; done</p>"
            ),
            "{name}: injected paragraph not printed as text"
        );
        assert!(!html.contains(">49<") && !html.contains(" 49 "), "{name}: template syntax in the sources was run");
        assert!(html.contains("3. Behave &lt;b onmouseover=alert(1)&gt;ethically&lt;/b&gt;"), "{name}: heading");
        assert!(html.contains("<title>ISO Code&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "{name}: title");
    }
    assert!(pages["ja.html"].contains("&lt;script&gt;alert(&#39;ja&#39;)&lt;/script&gt;{{ 6*7 }}"));
    assert!(!pages["ja.html"].contains("42"));
}

#[test]
fn project_templates_replace_the_built_in_ones_and_errors_name_the_line() {
    let dir = copy_project();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).expect("mkdir");
    // A folder holding other renderers' templates only: the built-in HTML templates are used.
    std::fs::write(templates.join("edition.typ"), "#let x = 1\n").expect("write");
    let project = load::load(dir.path()).expect("loads");
    let built_in =
        render_site(&project, &Templates::new(Some(templates.clone()))).expect("renders with built-in templates");
    assert!(built_in == render_site(&project, &Templates::built_in()).expect("renders"));

    std::fs::write(templates.join("style.css"), "body { color: black }\n").expect("write");
    std::fs::write(templates.join("page.html"), "<title>{{ title }}</title>\n<p>{{ meta.isbn }}</p>\n").expect("write");
    let custom: BTreeMap<String, Vec<u8>> =
        render_site(&project, &Templates::new(Some(templates.clone()))).expect("renders").into_iter().collect();
    assert_eq!(custom["en.html"], b"<title>ISO Code of Ethics and Conduct</title>\n<p>978-92-67-11315-9</p>\n");
    assert_eq!(custom["style.css"], b"body { color: black }\n");

    std::fs::write(templates.join("page.html"), "<p>ok</p>\n<p>{{ meta.isbn | nosuchfilter }}</p>\n").expect("write");
    let error = render_site(&project, &Templates::new(Some(templates.clone()))).expect_err("unknown filter");
    let RenderError::Template { at, .. } = &error else { panic!("not a template error: {error}") };
    assert_eq!((at.path.as_str(), at.line), ("templates/page.html", 2), "{error}");
    assert!(at.column > 1, "{error}");

    std::fs::write(templates.join("page.html"), "{% for x in %}\n").expect("write");
    let error = render_site(&project, &Templates::new(Some(templates.clone()))).expect_err("syntax error");
    assert!(error.to_string().starts_with("templates/page.html:1:"), "{error}");
}

#[test]
fn snapshot_of_a_clause() {
    let pages = site(&shipped());
    let index = &pages["index.html"];
    let start = index.find("<section id=\"principle-3\"").expect("principle 3");
    let end = index[start..].find("</section>").map_or(index.len(), |end| start + end + "</section>".len());
    insta::assert_snapshot!(&index[start..end]);
}

#[test]
fn each_note_follows_the_section_of_its_first_reference_on_every_page() {
    let dir = copy_project();
    let (en, ja) = (dir.path().join("content/en/10-code.md"), dir.path().join("content/ja/10-code.md"));
    edit(
        &en,
        "in any form, such as sexual, moral or financial, is not tolerated.",
        "in any form is not tolerated.[^2]",
    );
    edit(&ja, "いかなる形態のハラスメントや強制も容認されません。", "いかなる形態のハラスメントも容認されません。[^2]");
    let append = |path: &Path, line: &str| {
        let text = std::fs::read_to_string(path).expect("read");
        std::fs::write(path, format!("{text}\n{line}\n")).expect("write");
    };
    append(&en, "[^2]: Such as sexual, moral or financial.");
    append(&ja, "[^2]: 性的、道徳的、金銭的など。");
    let project = load::load(dir.path()).expect("the edited project loads");
    let pages = site(&project);
    for (page, first, second) in [
        ("index.html", "Nevertheless, these ISO", "Such as sexual"),
        ("en.html", "Nevertheless, these ISO", "Such as sexual"),
        ("ja.html", "それでもなお", "性的、道徳的"),
    ] {
        let html = &pages[page];
        // The section a text is printed in: the last `<section id=` of a clause before it.
        let section_of = |text: &str| {
            let at = html.find(text).unwrap_or_else(|| panic!("{page} lacks {text:?}"));
            let opened = html[..at].rfind("<section id=\"").expect("a section") + "<section id=\"".len();
            html[opened..].split('"').next().expect("an id").to_string()
        };
        assert_eq!(section_of(first), "principle-1", "{page}");
        assert_eq!(section_of(second), "principle-3", "{page}");
        assert_eq!(html.matches("<section class=\"footnotes\"").count(), 2, "{page}");
    }
}
