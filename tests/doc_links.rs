//! The documentation a reader follows from the README: every relative link (`[text](path)`,
//! `[text](path#anchor)`, `[text](#anchor)`, images too) in README.md, CONTRIBUTING.md, docs/*.md,
//! benches/README.md and fuzz/README.md leads to a file of the repository, and its anchor to a
//! heading of that file as GitHub names it (or an explicit `<a id>`). Links to other sites are
//! not followed. Links are found by pulldown-cmark, as the Markdown is rendered, so a link in a
//! code block is not one. The README also stays short enough to read in ten minutes.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::common::manifest_dir;

/// The Markdown files a reader is sent to: the fixed ones, and every `docs/*.md` (`docs/checks.md`
/// among them once it is generated).
fn documents(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["README.md", "CONTRIBUTING.md", "benches/README.md", "fuzz/README.md"]
        .iter()
        .map(|name| root.join(name))
        .collect();
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    docs.retain(|path| path.extension().is_some_and(|ext| ext == "md") && path.is_file());
    docs.sort();
    files.extend(docs);
    files
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Every link and image target of a Markdown text, in order.
fn link_targets(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, markdown_options())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// GitHub's anchor for a heading's text (github-slugger): lowercase, every character but
/// letters, digits, `-`, `_` and spaces dropped, each space a `-`.
fn slug(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|&c| c.is_alphanumeric() || c == '-' || c == '_' || c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The values of `id="…"` and `name="…"` of the `<a>` tags of a piece of raw HTML.
fn html_anchor_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let lower = html.to_ascii_lowercase();
    for (start, _) in lower.match_indices("<a ") {
        let tag = &html[start..start + lower[start..].find('>').unwrap_or(lower.len() - start)];
        for attribute in [" id=\"", " name=\""] {
            if let Some(at) = tag.to_ascii_lowercase().find(attribute) {
                let value = &tag[at + attribute.len()..];
                ids.push(value[..value.find('"').unwrap_or(value.len())].to_string());
            }
        }
    }
    ids
}

/// The anchors a rendered Markdown text offers: its headings' slugs (a repeated one numbered
/// `-1`, `-2` as GitHub numbers it) and the ids of its `<a>` tags.
fn anchors(markdown: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&heading.take().unwrap_or_default());
                let count = seen.entry(base.clone()).or_insert(0);
                found.insert(if *count == 0 { base.clone() } else { format!("{base}-{count}") });
                *count += 1;
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = heading.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => found.extend(html_anchor_ids(&html)),
            _ => {}
        }
    }
    found
}

/// A path with `.` and `..` resolved without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether a link target names another site (`https:`, `mailto:` …) rather than a path.
fn has_scheme(target: &str) -> bool {
    let before = target.split(['/', '#', '?']).next().unwrap_or("");
    before.contains(':')
}

/// Every relative link of `documents` that leads nowhere, as `file: target: why`.
fn broken_links(root: &Path, documents: &[PathBuf]) -> Vec<String> {
    let mut broken = Vec::new();
    let mut anchors_of: HashMap<PathBuf, HashSet<String>> = HashMap::new();
    for document in documents {
        let name = document.strip_prefix(root).unwrap_or(document).display().to_string();
        let markdown = match std::fs::read_to_string(document) {
            Ok(markdown) => markdown,
            Err(error) => {
                broken.push(format!("{name}: cannot be read: {error}"));
                continue;
            }
        };
        for target in link_targets(&markdown) {
            if has_scheme(&target) {
                continue;
            }
            let (path, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let file = if path.is_empty() {
                document.clone()
            } else {
                normalise(&document.parent().unwrap_or(root).join(path))
            };
            if !file.starts_with(root) {
                broken.push(format!("{name}: {target}: leads out of the repository"));
                continue;
            }
            if !file.exists() {
                broken.push(format!("{name}: {target}: no such file"));
                continue;
            }
            if anchor.is_empty() {
                continue;
            }
            if file.extension().is_none_or(|ext| ext != "md") {
                broken.push(format!("{name}: {target}: an anchor into a file that is not Markdown"));
                continue;
            }
            let offered = anchors_of
                .entry(file.clone())
                .or_insert_with(|| anchors(&std::fs::read_to_string(&file).unwrap_or_default()));
            if !offered.contains(anchor) {
                broken.push(format!("{name}: {target}: no heading or <a id> gives the anchor #{anchor}"));
            }
        }
    }
    broken
}

#[test]
fn every_relative_link_in_the_docs_resolves() {
    let root = manifest_dir();
    let documents = documents(&root);
    let broken = broken_links(&root, &documents);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_docs_checked_include_the_readme_the_guide_and_the_fuzzing_notes() {
    let root = manifest_dir();
    let documents = documents(&root);
    for name in ["README.md", "CONTRIBUTING.md", "docs/guide.md", "docs/json.md", "fuzz/README.md"] {
        assert!(documents.contains(&root.join(name)), "{name} is not among the documents checked");
    }
}

#[test]
fn readme_is_at_most_300_lines() {
    let readme = std::fs::read_to_string(manifest_dir().join("README.md")).unwrap();
    let lines = readme.lines().count();
    assert!(
        lines <= 300,
        "README.md has {lines} lines: move the details to docs/ (a newcomer reads it in ten minutes)"
    );
}

#[test]
fn a_missing_file_a_missing_heading_and_a_link_out_of_the_repository_are_each_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::write(
        root.join("docs/guide.md"),
        "# The guide\n\n## In the editor: `codepub lsp`\n\n<a id=\"p006\"></a>\n\n## The translator's workflow\n",
    )
    .unwrap();
    std::fs::write(
        root.join("README.md"),
        "# Title\n\n\
         [fine](docs/guide.md#in-the-editor-codepub-lsp) [fine](docs/guide.md#the-translators-workflow) \
         [fine](docs/guide.md#p006) [fine](#title) [fine](https://example.org/nowhere.md#x)\n\n\
         [gone](docs/missing.md) [no heading](docs/guide.md#the-editor) [outside](../elsewhere.md) \
         [no heading here](#nothing)\n\n\
         ```text\n[inside a code block](docs/not-a-link.md)\n```\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("elsewhere.md"), "# Elsewhere\n").unwrap();
    let broken = broken_links(&root, &[root.join("README.md")]);
    assert_eq!(
        broken,
        [
            "README.md: docs/missing.md: no such file",
            "README.md: docs/guide.md#the-editor: no heading or <a id> gives the anchor #the-editor",
            "README.md: ../elsewhere.md: leads out of the repository",
            "README.md: #nothing: no heading or <a id> gives the anchor #nothing",
        ]
    );
}

#[test]
fn heading_anchors_are_named_as_github_names_them() {
    let markdown = "# codepub\n\n## JSON output\n\n## `codepub status --format json`\n\n\
                    ## Comparing revisions: `codepub diff`\n\n## 日本語の見出し\n\n## Notes\n\n## Notes\n";
    let offered = anchors(markdown);
    for anchor in [
        "codepub",
        "json-output",
        "codepub-status---format-json",
        "comparing-revisions-codepub-diff",
        "日本語の見出し",
        "notes",
        "notes-1",
    ] {
        assert!(offered.contains(anchor), "no #{anchor} in {offered:?}");
    }
}
