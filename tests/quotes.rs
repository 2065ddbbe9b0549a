//! `smart_quotes = true` under `[edition]`: the English's straight quotes and apostrophes print
//! curly in every PDF edition and in the HTML, decided across bold and links, never inside code
//! spans or link targets; the Japanese, and every edition of a project without the setting,
//! print what was typed.

#![cfg(all(feature = "pdf", feature = "html"))]

use crate::common;

use common::TempProject;
use common::poppler;

/// A title page (the level-1 heading and its short lines) and a body clause with a list and a
/// footnote: every kind of text an edition prints.
const EN: &str = "# The \"Code\" {#code}\n\nThe Residents' \"**Association**\" said: don't use `it's \"x\"` here.\n\n\
                  See [the 'site'](https://example.org/it's).\n\n## The \"rules\" {#rules}\n\n\
                  Members' \"duties\" are these:\n\n- \"first\", don't.\n\nA note's text.[^n]\n\n[^n]: The \"note\".\n";
const JA: &str = "# 「規範」 {#code}\n\n住民の「**協会**」は、`it's \"x\"`を使わないと述べた。\n\n\
                  [サイト](https://example.org/it's)を参照。\n\n## 「規則」 {#rules}\n\n\
                  会員の「義務」は次のとおり。\n\n- 「第一」、しない。\n\n注の本文。[^n]\n\n[^n]: 「注」。\n";

/// A back cover: edition matter, its lines printed one by one, each in its own language.
const COVER: &str = "+++\nclause = \"back-cover\"\nkind = \"colophon\"\n+++\n\n";
/// The Japanese edition's back cover: an English line, curled, and a Japanese one, as typed.
const JA_COVER: [&str; 2] = ["ISO \"Central\" Secretariat", JA_LINE];
/// The Japanese line of the Japanese back cover, as typed (the bilingual editions print it).
const JA_LINE: &str = "地球を\"大切\"に。";

/// What the English prints with the setting on.
const CURLED: [&str; 11] = [
    "We care about our “planet”.",
    "The “Code”",
    "Residents’",
    "“Association”",
    "don’t use",
    "the ‘site’",
    "The “rules”",
    "Members’ “duties”",
    "“first”, don’t.",
    "A note’s text.",
    "The “note”.",
];
/// The code span, as typed in every edition.
const CODE: &str = "it's \"x\"";
/// The link's target, as typed, wherever an edition prints it.
const TARGET: &str = "https://example.org/it's";

fn built(smart_quotes: bool, editions: &str) -> TempProject {
    let project = TempProject::small(EN, JA);
    project.write("content/en/b.md", format!("{COVER}We care about our \"planet\".\n"));
    project.write("content/ja/b.md", format!("{COVER}{}\n", JA_COVER.join("\n\n")));
    if smart_quotes {
        project.replace("codepub.toml", "[edition]\n", "[edition]\nsmart_quotes = true\n");
    }
    project.codepub().args(["build", "--edition", editions]).assert().success();
    project
}

fn pdf_text(project: &TempProject, edition: &str) -> String {
    poppler::run("pdftotext", &[], &project.path(&format!("out/small-{edition}.pdf")))
}

/// The text outside the code span, the link's target and the Japanese holds no straight quote.
fn no_straight_quote_but_as_typed(text: &str) -> bool {
    !text.replace(CODE, "").replace(TARGET, "").replace(JA_LINE, "").contains(['"', '\''])
}

#[test]
fn smart_quotes_curl_the_english_of_every_pdf_edition_and_leave_code_as_typed() {
    let project = built(true, "bilingual,facing,en,ja");
    for edition in ["en", "bilingual", "facing"] {
        let text = pdf_text(&project, edition);
        for curled in CURLED {
            assert!(text.contains(curled), "{edition}: {curled} in\n{text}");
        }
        assert!(text.contains(CODE), "{edition}: the code span as typed in\n{text}");
        assert!(no_straight_quote_but_as_typed(&text), "{edition}:\n{text}");
    }
    // The Japanese as typed, but for the English line of its back cover.
    let japanese = pdf_text(&project, "ja");
    assert!(japanese.contains("「協会」") && japanese.contains(CODE), "{japanese}");
    assert!(japanese.contains("ISO “Central” Secretariat") && japanese.contains(JA_LINE), "{japanese}");
    let japanese = japanese.replace("ISO “Central” Secretariat", "");
    assert!(!japanese.contains(['“', '”', '‘', '’']), "{japanese}");
}

#[test]
fn smart_quotes_curl_the_english_of_the_html_but_not_code_or_link_targets() {
    let project = built(true, "bilingual,en");
    for page in ["index.html", "en.html"] {
        let html = project.read(&format!("out/html/{page}"));
        for curled in CURLED.map(|curled| curled.replace("Association", "<strong>Association</strong>")) {
            assert!(html.contains(&curled), "{page}: {curled}");
        }
        assert!(html.contains("it&#39;s &quot;x&quot;"), "{page}: the code span as typed");
        assert!(html.contains("href=\"https://example.org/it&#39;s\""), "{page}: the link target as typed");
        assert!(!html.contains("Residents&#39;") && !html.contains("&quot;Association"), "{page}");
    }
}

#[test]
fn without_smart_quotes_every_edition_prints_the_quotes_as_typed() {
    let project = built(false, "bilingual,en");
    for text in [pdf_text(&project, "en"), pdf_text(&project, "bilingual")] {
        assert!(text.contains("Residents' \"Association\"") && text.contains("don't"), "{text}");
        assert!(!text.contains(['“', '”', '‘', '’']), "{text}");
    }
    let html = project.read("out/html/en.html");
    assert!(html.contains("Residents&#39; &quot;"), "{html}");
    assert!(!html.contains(['“', '”', '‘', '’']), "{html}");
}

/// The small project titled `Residents' "Code"` in `codepub.toml`, its facing edition and web
/// page built.
fn titled(smart_quotes: bool) -> TempProject {
    let project = TempProject::small(EN, JA);
    project.replace("codepub.toml", "en = \"Code\"", r#"en = "Residents' \"Code\"""#);
    if smart_quotes {
        project.replace("codepub.toml", "[edition]\n", "[edition]\nsmart_quotes = true\n");
    }
    project.codepub().args(["build", "--edition", "facing,bilingual"]).assert().success();
    project
}

/// The PDF's document title, as `pdfinfo` reads it from the metadata.
fn pdf_title(project: &TempProject, edition: &str) -> String {
    let info = poppler::run("pdfinfo", &[], &project.path(&format!("out/small-{edition}.pdf")));
    info.lines().find_map(|line| line.strip_prefix("Title:")).expect("a title").trim().to_string()
}

#[test]
fn smart_quotes_curl_the_title_on_the_facing_cover_in_the_pdf_metadata_and_the_page_title() {
    let project = titled(true);
    let cover = poppler::run("pdftotext", &["-f", "1", "-l", "1"], &project.path("out/small-facing.pdf"));
    assert!(cover.contains("Residents’ “Code”"), "{cover}");
    for edition in ["facing", "bilingual"] {
        assert_eq!(pdf_title(&project, edition), "Residents’ “Code” / 規範", "{edition}");
    }
    let html = project.read("out/html/index.html");
    assert!(html.contains("<title>Residents’ “Code” — 規範</title>"), "{html}");
}

#[test]
fn without_smart_quotes_the_title_prints_as_typed_in_codepub_toml() {
    let project = titled(false);
    let cover = poppler::run("pdftotext", &["-f", "1", "-l", "1"], &project.path("out/small-facing.pdf"));
    assert!(cover.contains("Residents' \"Code\""), "{cover}");
    assert_eq!(pdf_title(&project, "facing"), "Residents' \"Code\" / 規範");
    let html = project.read("out/html/index.html");
    assert!(html.contains("<title>Residents&#39; &quot;Code&quot; — 規範</title>"), "{html}");
}

#[test]
fn the_setting_init_writes_commented_out_turns_smart_quotes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut init = assert_cmd::Command::cargo_bin("codepub").expect("binary");
    init.arg("init").arg(dir.path()).assert().success();
    let config = std::fs::read_to_string(dir.path().join("codepub.toml")).expect("codepub.toml");
    let commented =
        config.lines().find(|line| line.starts_with("# smart_quotes = true")).expect("the setting, commented");
    let loaded = codepub::load::load(dir.path()).expect("the new project loads");
    assert!(!loaded.config.edition.smart_quotes, "off as written");
    std::fs::write(dir.path().join("codepub.toml"), config.replacen(commented, &commented[2..], 1)).expect("written");
    let loaded = codepub::load::load(dir.path()).expect("the project loads with the setting on");
    assert!(loaded.config.edition.smart_quotes);
}
