//! The shipped sources reproduce the published text: every paragraph of the seed is found, in
//! order, in the parsed sources of its language.

use std::path::Path;

use codepub::load;
use codepub::model::{Document, Lang, plain_text};

const SEED: &str = include_str!("fixtures/iso-code-of-ethics-2023.en-ja.txt");

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A seed paragraph as plain text: emphasis markers and link syntax removed, list markers and
/// the footnote mark ¹ turned into what the parsed model prints.
fn seed_plain(paragraph: &str) -> String {
    let link = regex::Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap();
    let text = link.replace_all(paragraph, "$1").replace("**", "").replace('*', "");
    let text = text.strip_prefix("¹ ").unwrap_or(&text).replace('¹', "[^1]");
    let lines: Vec<&str> = text.lines().map(|l| l.strip_prefix("- ").unwrap_or(l)).collect();
    normalise(&lines.join("\n"))
}

fn has_japanese(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
}

/// The seed's paragraphs by language. The Japanese edition's back cover (the second one) is
/// Japanese as a whole, though some of its lines are English.
fn seed_paragraphs() -> (Vec<String>, Vec<String>) {
    let second_cover = SEED.match_indices("**International Organization").nth(1).unwrap().0;
    let (mut en, mut ja) = (Vec::new(), Vec::new());
    let mut offset = 0;
    for paragraph in SEED.split("\n\n") {
        let start = offset;
        offset += paragraph.len() + 2;
        if paragraph.trim().is_empty() {
            continue;
        }
        let text = seed_plain(paragraph);
        if start >= second_cover || has_japanese(paragraph) { ja.push(text) } else { en.push(text) }
    }
    (en, ja)
}

/// Every heading, block and footnote block of a document, in source order, as plain text.
fn parsed_texts(document: &Document) -> Vec<String> {
    let mut texts = Vec::new();
    for clause in &document.clauses {
        if let Some(heading) = &clause.heading {
            texts.push((heading.span.file, heading.span.start, plain_text(&heading.inlines)));
        }
        for block in &clause.blocks {
            texts.push((block.span.file, block.span.start, block.plain_text()));
        }
    }
    for footnote in &document.footnotes {
        for block in &footnote.blocks {
            texts.push((block.span.file, block.span.start, block.plain_text()));
        }
    }
    texts.sort_by_key(|(file, start, _)| (*file, *start));
    texts.into_iter().map(|(_, _, text)| normalise(&text)).collect()
}

fn assert_in_order(lang: Lang, seed: &[String], parsed: &[String]) {
    let mut position = 0;
    for paragraph in seed {
        match parsed[position..].iter().position(|p| p == paragraph) {
            Some(found) => position += found + 1,
            None => panic!("{lang}: seed paragraph not found in order after block {position}:\n{paragraph}"),
        }
    }
}

#[test]
fn every_seed_paragraph_is_in_the_shipped_sources_in_order() {
    let project = load::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("shipped project loads");
    let (en, ja) = seed_paragraphs();
    assert!(en.len() > 40 && ja.len() > 40, "seed split: {} en, {} ja", en.len(), ja.len());
    let (parsed_en, parsed_ja) = (parsed_texts(&project.documents.en), parsed_texts(&project.documents.ja));
    assert_in_order(Lang::En, &en, &parsed_en);
    assert_in_order(Lang::Ja, &ja, &parsed_ja);
    // Nothing was added either: the sources hold exactly the seed's paragraphs.
    assert_eq!(parsed_en.len(), en.len(), "English blocks beyond the seed");
    assert_eq!(parsed_ja.len(), ja.len(), "Japanese blocks beyond the seed");
}

#[test]
fn the_seed_copy_in_the_repository_matches_the_shared_seed() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/iso-code-of-ethics-2023.en-ja.txt");
    if let Ok(text) = std::fs::read_to_string(shared) {
        assert_eq!(text, SEED);
    }
}
