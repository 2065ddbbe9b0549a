//! The revision diff engine (`codepub::diff`) on the shipped project (old) and the synthetic
//! revision in `tests/fixtures/revisions/2025-synthetic` (new; invented test data, see the
//! README there): one test per kind of change, then the stale list and the outputs.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[cfg(feature = "html")]
fn render_html(diff: &RevisionDiff, l10n: &Localizer) -> String {
    let templates = codepub::render::Templates::built_in();
    codepub::render::html::redline::render_redline(diff, l10n, &templates).expect("the redline renders")
}
use codepub::address::Owner;
use codepub::diff::{
    ChangeKind, ClauseStatus, GroupKind, ParagraphChange, RevisionDiff, SegmentOp, StaleKind, StaleTranslation,
    compare, redline_view, render_json, render_terminal,
};
use codepub::i18n::{EN_US, JA_JP, Localizer, UiLang, message_ids};
use codepub::model::Lang;

fn shipped() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn synthetic() -> PathBuf {
    shipped().join("tests/fixtures/revisions/2025-synthetic")
}

fn load(root: &Path) -> codepub::load::Project {
    codepub::load::load(root).unwrap_or_else(|error| panic!("{} loads: {error}", root.display()))
}

fn revision_diff() -> RevisionDiff {
    compare(&load(&shipped()), &load(&synthetic()))
}

fn paragraph<'d>(diff: &'d RevisionDiff, lang: Lang, address: &str) -> &'d ParagraphChange {
    diff.paragraphs()
        .find(|p| p.lang == lang && p.address == address.into())
        .unwrap_or_else(|| panic!("no {lang} change at {address}; changes: {:#?}", summary_of(diff)))
}

fn summary_of(diff: &RevisionDiff) -> Vec<String> {
    diff.paragraphs().map(|p| format!("{:?} {} {}", p.change, p.lang, p.address)).collect()
}

fn no_change(diff: &RevisionDiff, lang: Lang, address: &str) -> bool {
    !diff.paragraphs().any(|p| p.lang == lang && p.address == address.into())
}

fn stale<'d>(diff: &'d RevisionDiff, address: &str) -> &'d StaleTranslation {
    diff.stale
        .iter()
        .find(|s| s.address == address.into())
        .unwrap_or_else(|| panic!("{address} not stale; stale: {:#?}", diff.stale))
}

/// Copies the shipped project (codepub.toml and content/) into a temporary folder.
fn copy_project() -> tempfile::TempDir {
    common::TempProject::shipped().dir
}

#[test]
fn header_names_both_editions_from_their_metadata() {
    let diff = revision_diff();
    assert_eq!(diff.old.identifier.as_ref().map(|id| id.value.as_str()), Some("11/2023"));
    assert_eq!(diff.old.adopted.to_string(), "2023-02-23");
    // The fixture spells it `council_resolution = "7/2025"`, as the first projects did.
    assert_eq!(diff.new.identifier.as_ref().map(|id| id.value.as_str()), Some("7/2025"));
    assert_eq!(diff.new.name(codepub::model::Lang::Ja), "理事会決議 7/2025");
    assert_eq!(diff.new.adopted.to_string(), "2025-06-12");
    assert_eq!(diff.new.title.en, "ISO Code of Ethics and Conduct");
}

#[test]
fn english_paragraph_changed_alone_leaves_the_japanese_stale() {
    let diff = revision_diff();
    let change = paragraph(&diff, Lang::En, "principle-3#2");
    assert_eq!(change.change, ChangeKind::Changed);
    assert_eq!(change.clause, Owner::clause("principle-3"));
    assert_eq!(change.old_address, Some("principle-3#2".into()));
    // Word-level: the inserted words, not the whole sentence.
    let inserted: Vec<&str> =
        change.segments.iter().filter(|s| s.op == SegmentOp::Insert).map(|s| s.text.as_str()).collect();
    assert!(inserted.iter().any(|t| t.contains("value")), "{inserted:?}");
    assert!(inserted.iter().any(|t| t.contains("ethical")), "{inserted:?}");
    assert!(change.segments.iter().any(|s| s.op == SegmentOp::Equal && s.text.contains("diversity of professional")));
    assert!(no_change(&diff, Lang::Ja, "principle-3#2"));
    assert_eq!(diff.clause("principle-3").map(|c| c.sides.ja.status), Some(ClauseStatus::Unchanged));

    let stale = stale(&diff, "principle-3#2");
    assert_eq!(stale.kind, StaleKind::JapaneseStale);
    assert_eq!(stale.lang, Some(Lang::Ja));
    assert_eq!(stale.old_address, Some("principle-3#2".into()));
    assert!(stale.current.as_deref().is_some_and(|t| t.starts_with("私たちは、科学的")), "{stale:?}");
}

#[test]
fn paragraph_changed_in_both_languages_was_translated_together() {
    let diff = revision_diff();
    let en = paragraph(&diff, Lang::En, "principle-7#2");
    let ja = paragraph(&diff, Lang::Ja, "principle-7#2");
    assert_eq!((en.change, ja.change), (ChangeKind::Changed, ChangeKind::Changed));
    // Character-level for Japanese: the insertion is the new phrase only.
    let inserted: String = ja.segments.iter().filter(|s| s.op == SegmentOp::Insert).map(|s| s.text.as_str()).collect();
    assert!(inserted.contains("個人データを含め") && inserted.contains("かつ安全"), "{inserted}");
    assert!(ja.segments.iter().any(|s| s.op == SegmentOp::Equal && s.text.contains("機密文書やデータが適切")));
    let stale = stale(&diff, "principle-7#2");
    assert_eq!((stale.kind, stale.lang), (StaleKind::BothChanged, None));
}

#[test]
fn added_principle_is_found_in_both_languages() {
    let diff = revision_diff();
    let clause = diff.clause("principle-11").expect("principle-11 in the diff");
    assert_eq!(clause.kind, GroupKind::Body);
    for lang in Lang::BOTH {
        let side = clause.side(lang);
        assert_eq!(side.status, ClauseStatus::Added, "{lang}");
        let addresses: Vec<String> = side.paragraphs.iter().map(|p| p.address.to_string()).collect();
        assert_eq!(addresses, ["principle-11#heading", "principle-11#1"], "{lang}");
        assert!(side.paragraphs.iter().all(|p| p.change == ChangeKind::Added && p.old_address.is_none()));
    }
    // Added in both languages at once: nothing to translate.
    assert!(!diff.stale.iter().any(|s| s.clause == Owner::clause("principle-11")), "{:#?}", diff.stale);
}

#[test]
fn removed_paragraph_is_found_in_both_languages() {
    let diff = revision_diff();
    for lang in Lang::BOTH {
        let change = paragraph(&diff, lang, "principle-5#3");
        assert_eq!(change.change, ChangeKind::Removed, "{lang}");
        assert_eq!(change.new_address, None);
        assert!(change.segments.iter().all(|s| s.op == SegmentOp::Delete));
    }
    assert!(
        paragraph(&diff, Lang::En, "principle-5#3").old_text.as_deref().is_some_and(|t| t.contains("due diligence"))
    );
    assert!(!diff.stale.iter().any(|s| s.clause == Owner::clause("principle-5")), "{:#?}", diff.stale);
}

#[test]
fn moved_clause_is_found_in_both_languages() {
    let diff = revision_diff();
    let clause = diff.clause("principle-8").expect("principle-8 in the diff");
    for lang in Lang::BOTH {
        let side = clause.side(lang);
        assert_eq!(side.status, ClauseStatus::Unchanged, "{lang}: moved, not rewritten");
        let moved = side.moved.as_ref().unwrap_or_else(|| panic!("{lang}: principle-8 not moved"));
        assert_eq!(moved.after.as_deref(), Some("principle-9"));
        assert_eq!(moved.new_position, moved.old_position + 1);
        assert!(side.paragraphs.is_empty());
    }
    // principle-9 keeps its place in the common order: only one of the two is reported.
    assert!(diff.clause("principle-9").is_none_or(|c| c.sides.en.moved.is_none()));
}

#[test]
fn footnote_changed_in_japanese_only_leaves_the_english_stale() {
    let diff = revision_diff();
    let clause = diff.clause("footnote-1").expect("footnote-1 in the diff");
    assert_eq!(clause.kind, GroupKind::Footnote);
    assert_eq!(clause.sides.en.status, ClauseStatus::Unchanged);
    assert_eq!(clause.sides.ja.status, ClauseStatus::Changed);
    assert_eq!(paragraph(&diff, Lang::Ja, "footnote-1#1").change, ChangeKind::Changed);
    let stale = stale(&diff, "footnote-1#1");
    assert_eq!((stale.kind, stale.lang), (StaleKind::EnglishStale, Some(Lang::En)));
}

#[test]
fn paragraph_added_in_english_only_is_a_missing_translation() {
    let diff = revision_diff();
    let change = paragraph(&diff, Lang::En, "principle-4#3");
    assert_eq!(change.change, ChangeKind::Added);
    assert!(no_change(&diff, Lang::Ja, "principle-4#3"));
    let stale = stale(&diff, "principle-4#3");
    assert_eq!((stale.kind, stale.lang), (StaleKind::MissingTranslation, Some(Lang::Ja)));
    assert_eq!(stale.current, None);
}

#[test]
fn title_paragraph_changed_in_both_languages() {
    let diff = revision_diff();
    assert_eq!(paragraph(&diff, Lang::En, "title#1").change, ChangeKind::Changed);
    assert_eq!(paragraph(&diff, Lang::Ja, "title#1").change, ChangeKind::Changed);
    assert_eq!(stale(&diff, "title#1").kind, StaleKind::BothChanged);
}

#[test]
fn back_covers_are_compared_per_language_and_never_stale() {
    let diff = revision_diff();
    let clause = diff.clause("back-cover").expect("back cover changed");
    assert_eq!(clause.kind, GroupKind::Colophon);
    for lang in Lang::BOTH {
        let side = clause.side(lang);
        assert_eq!(side.status, ClauseStatus::Changed, "{lang}");
        assert!(side.paragraphs.iter().all(|p| p.change == ChangeKind::Changed), "{lang}");
        assert!(side.paragraphs.iter().any(|p| p.new_text.as_deref().is_some_and(|t| t.contains("2025"))), "{lang}");
        assert!(side.paragraphs.iter().all(|p| p.segments.iter().any(|s| s.op == SegmentOp::Insert)), "{lang}");
    }
    assert_eq!(clause.sides.en.paragraphs.len(), 1);
    assert_eq!(clause.sides.ja.paragraphs.len(), 2, "© ISO and © ISO/JSA lines");
    assert!(!diff.stale.iter().any(|s| s.clause == Owner::clause("back-cover")));
}

#[test]
fn the_stale_list_is_exactly_the_expected_one() {
    let diff = revision_diff();
    let found: Vec<(String, StaleKind, Option<Lang>)> =
        diff.stale.iter().map(|s| (s.address.to_string(), s.kind, s.lang)).collect();
    let found: Vec<(&str, StaleKind, Option<Lang>)> = found.iter().map(|(a, k, l)| (a.as_str(), *k, *l)).collect();
    assert_eq!(
        found,
        [
            ("title#1", StaleKind::BothChanged, None),
            ("principle-3#2", StaleKind::JapaneseStale, Some(Lang::Ja)),
            ("principle-4#3", StaleKind::MissingTranslation, Some(Lang::Ja)),
            ("principle-7#2", StaleKind::BothChanged, None),
            ("footnote-1#1", StaleKind::EnglishStale, Some(Lang::En)),
        ]
    );
}

#[test]
fn unchanged_clauses_are_left_out() {
    let diff = revision_diff();
    let ids: BTreeSet<String> = diff.clauses.iter().map(|c| c.id.to_string()).collect();
    let expected: BTreeSet<&str> = [
        "title",
        "principle-3",
        "principle-4",
        "principle-5",
        "principle-7",
        "principle-8",
        "principle-11",
        "back-cover",
        "footnote-1",
    ]
    .into_iter()
    .collect();
    assert_eq!(ids.iter().map(String::as_str).collect::<BTreeSet<&str>>(), expected);
}

#[test]
fn identical_revisions_are_empty() {
    let project = load(&shipped());
    let diff = compare(&project, &load(&shipped()));
    assert!(diff.is_empty(), "{:#?}", diff.clauses);
    assert_eq!(diff.summary(), codepub::diff::Summary::default());
    let text = render_terminal(&diff, &Localizer::new(UiLang::English), false);
    assert!(text.contains("no changes to the text"), "{text}");
}

#[test]
fn the_other_direction_mirrors_additions_and_removals() {
    let diff = compare(&load(&synthetic()), &load(&shipped()));
    assert_eq!(diff.clause("principle-11").map(|c| c.sides.en.status), Some(ClauseStatus::Removed));
    assert_eq!(paragraph(&diff, Lang::Ja, "principle-5#3").change, ChangeKind::Added);
    // The English of principle-3#2 changes and its Japanese does not, but the newer revision's
    // translation record signed this very pair off: it is current there, as `status` says.
    assert_eq!(paragraph(&diff, Lang::En, "principle-3#2").change, ChangeKind::Changed);
    assert!(diff.stale.iter().all(|s| s.address != "principle-3#2".into()), "{:#?}", diff.stale);
}

#[test]
fn terminal_output_is_plain_without_colour() {
    let diff = revision_diff();
    let text = render_terminal(&diff, &Localizer::new(UiLang::English), false);
    let header = text.lines().next().unwrap_or_default();
    assert!(header.contains("11/2023") && header.contains("2023-02-23"), "{header}");
    assert!(header.contains("7/2025") && header.contains("2025-06-12"), "{header}");
    assert!(!text.contains('\x1b'), "no escape sequences when plain");
    assert!(text.contains("principle-3#2"), "{text}");
    assert!(text.contains("{+value +}the diversity"), "{text}");
    assert!(text.contains("moved after principle-9"), "{text}");
    assert!(text.contains("English changed, Japanese did not"), "{text}");

    let coloured = render_terminal(&diff, &Localizer::new(UiLang::English), true);
    assert!(coloured.contains("\x1b[32;4mvalue"), "inserted words green and underlined");

    let japanese = render_terminal(&diff, &Localizer::new(UiLang::Japanese), false);
    assert!(japanese.lines().next().is_some_and(|l| l.contains("理事会決議 7/2025")), "{japanese}");
}

#[test]
fn terminal_output_escapes_control_characters_from_the_sources() {
    let old = copy_project();
    let new = copy_project();
    let path = new.path().join("content/en/10-code.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("We act with honesty", "We act with \x1b[2Jhonesty")).expect("write");
    let diff = compare(&load(old.path()), &load(new.path()));
    let out = render_terminal(&diff, &Localizer::new(UiLang::English), false);
    assert!(!out.contains('\x1b') && out.contains("\\u{1b}[2J"), "{out}");
}

#[test]
fn json_parses_and_has_the_documented_fields() {
    let diff = revision_diff();
    let json: serde_json::Value = serde_json::from_str(&render_json(&diff)).expect("valid JSON");
    assert_eq!(json["version"], 2);
    assert_eq!(json["old"]["identifier"]["value"], "11/2023");
    assert_eq!(json["old"]["identifier"]["label"]["en"], "Council Resolution");
    assert_eq!(json["new"]["adopted"], "2025-06-12");
    assert_eq!(json["new"]["title"]["ja"], "ISOの倫理および行動の規範");
    for field in [
        "clauses_added",
        "clauses_removed",
        "clauses_moved",
        "clauses_changed",
        "paragraphs_added",
        "paragraphs_removed",
        "paragraphs_changed",
        "stale",
    ] {
        assert!(json["summary"][field].is_u64(), "summary.{field}");
    }
    let clauses = json["clauses"].as_array().expect("clauses");
    let p3 = clauses.iter().find(|c| c["id"] == "principle-3").expect("principle-3");
    assert_eq!(p3["kind"], "body");
    assert_eq!(p3["en"]["status"], "changed");
    assert_eq!(p3["ja"]["status"], "unchanged");
    let change = &p3["en"]["paragraphs"][0];
    for field in
        ["change", "lang", "clause", "address", "old_address", "new_address", "old_text", "new_text", "segments"]
    {
        assert!(change.get(field).is_some(), "paragraph field {field}");
    }
    assert_eq!(change["segments"][0]["op"], "equal");
    let p8 = clauses.iter().find(|c| c["id"] == "principle-8").expect("principle-8");
    assert_eq!(p8["ja"]["moved"]["after"], "principle-9");
    assert!(p3["en"].get("moved").is_none(), "moved only when moved");
    let stale = json["stale"].as_array().expect("stale");
    let first = stale.iter().find(|s| s["address"] == "principle-3#2").expect("stale entry");
    assert_eq!(first["kind"], "japanese-stale");
    assert_eq!(first["lang"], "ja");
    for field in ["address", "clause", "old_address", "kind", "lang", "current"] {
        assert!(first.get(field).is_some(), "stale field {field}");
    }
}

#[test]
fn redline_view_pairs_english_and_japanese_rows() {
    let diff = revision_diff();
    let view = serde_json::to_value(redline_view(&diff)).expect("the redline serialises");
    assert_eq!(view["version"], 2);
    let clauses = view["clauses"].as_array().expect("clauses");
    let p7 = clauses.iter().find(|c| c["id"] == "principle-7").expect("principle-7");
    let row = &p7["rows"][0];
    assert_eq!(row["address"], "principle-7#2");
    assert_eq!(row["stale"], "both-changed");
    assert_eq!(row["en"]["change"], "changed");
    assert_eq!(row["ja"]["change"], "changed");
    let p3 = clauses.iter().find(|c| c["id"] == "principle-3").expect("principle-3");
    let row = &p3["rows"][0];
    assert_eq!(row["stale"], "japanese-stale");
    assert_eq!(row["ja"]["change"], "unchanged", "the stale Japanese is shown for review");
    assert_eq!(p3["status"]["en"], "changed");
    // Clauses are titled by their headings in both languages, not by their ids.
    assert_eq!(p3["headings"]["en"], "3. Behave ethically");
    assert_eq!(p3["headings"]["ja"], "3. 倫理的な行動");
    let footnote = clauses.iter().find(|c| c["kind"] == "footnote").expect("the changed footnote");
    assert!(footnote["headings"]["en"].is_null(), "a footnote has no heading");
    assert!(p3["moved"]["en"].is_null());
}

#[test]
#[cfg(feature = "html")]
fn html_redline_is_self_contained_with_marks_and_languages() {
    let diff = revision_diff();
    let html = render_html(&diff, &Localizer::new(UiLang::English));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<ins>value</ins>") || html.contains("<ins>value "), "word insertion marked");
    assert!(html.contains("<del>"), "deletions marked");
    assert!(html.contains("<td lang=\"en\"") && html.contains("<td lang=\"ja\""));
    assert!(
        html.contains("<span lang=\"en\">3. Behave ethically</span> / <span lang=\"ja\">3. 倫理的な行動</span>"),
        "each clause titled by its headings in both languages"
    );
    assert!(html.contains("2025-06-12") && html.contains("2023-02-23"), "both editions named");
    assert!(!html.contains("<script"), "no script");
    assert!(!html.contains("src=") && !html.contains("<link"), "no external resources");
    assert!(html.contains("default-src 'none'"), "a CSP forbids requests");
    let japanese = render_html(&diff, &Localizer::new(UiLang::Japanese));
    assert!(japanese.contains("<html lang=\"ja\">") && japanese.contains("日本語"));
}

#[test]
#[cfg(feature = "html")]
fn html_redline_escapes_source_text() {
    let old = copy_project();
    let new = copy_project();
    let path = new.path().join("content/en/10-code.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let hostile = "We act with <script>alert(\"x\")</script> honesty & <img src=x onerror=alert(1)> integrity";
    std::fs::write(&path, text.replace("We act with honesty", hostile)).expect("write");
    let diff = compare(&load(old.path()), &load(new.path()));
    assert!(!diff.is_empty());
    let html = render_html(&diff, &Localizer::new(UiLang::English));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(html.contains("&amp;"), "{html}");
}

#[test]
fn every_diff_message_id_exists_in_both_locales() {
    let literal = regex::Regex::new(r#""(diff-[a-z0-9-]+)""#).expect("regex");
    let mut used = BTreeSet::new();
    for entry in walkdir::WalkDir::new(shipped().join("crates/view/src/diff")) {
        let entry = entry.expect("walk");
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            used.extend(literal.captures_iter(&text).map(|c| c[1].to_string()));
        }
    }
    assert!(used.len() > 20, "scan found only {} ids", used.len());
    for (name, source) in [("en-US", EN_US), ("ja-JP", JA_JP)] {
        let defined: BTreeSet<String> = message_ids(source).into_iter().collect();
        let missing: Vec<_> = used.difference(&defined).collect();
        assert!(missing.is_empty(), "{name} lacks {missing:?}");
    }
}

/// Replaces `from` with `to` in `file` of the project copy at `root`; panics if it is not there.
fn revise(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// The shipped Code, and a copy of it with `edits` (file, from, to) made.
#[cfg(feature = "html")]
fn diff_after(edits: &[(&str, &str, &str)]) -> RevisionDiff {
    let old = copy_project();
    let new = copy_project();
    for (file, from, to) in edits {
        revise(new.path(), file, from, to);
    }
    compare(&load(old.path()), &load(new.path()))
}

#[cfg(feature = "html")]
const EN_CODE: &str = "content/en/10-code.md";
const JA_CODE: &str = "content/ja/10-code.md";

#[test]
#[cfg(feature = "html")]
fn the_redline_renders_bold_as_bold_not_asterisks() {
    let diff =
        diff_after(&[(EN_CODE, "We respect applicable laws", "We respect **Community Impact** and applicable laws")]);
    let html = render_html(&diff, &Localizer::new(UiLang::English));
    assert!(html.contains("<ins><strong>Community Impact</strong></ins>"), "{html}");
    assert!(!html.contains("**"), "Markdown source printed: {html}");
    // The terminal and JSON diffs keep the Markdown spelling, which shows markup changes as text.
    assert!(render_terminal(&diff, &Localizer::new(UiLang::English), false).contains("{+**Community Impact** and +}"));
}

#[test]
#[cfg(feature = "html")]
fn a_link_in_the_redline_shows_its_url_once() {
    let url = "https://www.iso.org/code-of-conduct";
    let diff = diff_after(&[(
        EN_CODE,
        "We respect applicable laws",
        "We respect [the Code](https://www.iso.org/code-of-conduct), [this](javascript:alert(1)) and applicable laws",
    )]);
    let html = render_html(&diff, &Localizer::new(UiLang::English));
    assert_eq!(html.matches(url).count(), 1, "{html}");
    assert!(html.contains(&format!("<ins><a href=\"{url}\">the Code</a></ins>")), "{html}");
    assert!(!html.contains("](") && !html.contains("[the Code"), "Markdown link printed: {html}");
    // A target a page may not follow prints as its text alone.
    assert!(html.contains("<ins>this</ins>") && !html.contains("javascript"), "{html}");
    // The redline data carries the followable target only.
    let view = serde_json::to_string(&redline_view(&diff)).expect("serialises");
    assert!(view.contains(&format!("\"href\":\"{url}\"")) && !view.contains("javascript"), "{view}");
}

#[test]
fn the_japanese_word_diff_keeps_numbers_whole() {
    let sentence = "報告は30日以内に処理されます。";
    let old = copy_project();
    let new = copy_project();
    let (from, to) = ("容認されません。", format!("容認されません。{sentence}"));
    revise(old.path(), JA_CODE, from, &to);
    revise(new.path(), JA_CODE, from, &to.replace("30日", "60日"));
    let diff = compare(&load(old.path()), &load(new.path()));
    let change = paragraph(&diff, Lang::Ja, "principle-3#3");
    let shown: Vec<(SegmentOp, &str)> = change.segments.iter().map(|s| (s.op, s.text.as_str())).collect();
    assert!(shown.contains(&(SegmentOp::Delete, "30")) && shown.contains(&(SegmentOp::Insert, "60")), "{shown:?}");
    let text = render_terminal(&diff, &Localizer::new(UiLang::English), false);
    assert!(text.contains("報告は[-30-]{+60+}日以内に処理されます。"), "{text}");
}

#[test]
#[cfg(feature = "html")]
fn the_legend_calls_pairs_changed_in_both_languages_updated_not_stale() {
    // The synthetic revision keeps no translation record: title#1 and principle-7#2 changed in
    // both languages (updated together), three pairs changed in one language or lack one.
    let diff = revision_diff();
    let html = render_html(&diff, &Localizer::new(UiLang::English));
    let legend = html.split("<p class=\"legend\">").nth(1).and_then(|rest| rest.split("</p>").next()).expect("legend");
    assert!(legend.contains("updated together: changed in both languages, nothing to review (2)"), "{legend}");
    assert!(legend.contains("Japanese stale: the English changed alone, review the Japanese (1)"), "{legend}");
    assert!(!legend.to_lowercase().contains("5 stale"), "{legend}");
    let review =
        html.split("<section id=\"stale\">").nth(1).and_then(|s| s.split("</section>").next()).expect("review");
    assert!(review.contains("principle-3#2") && !review.contains("principle-7#2") && !review.contains("title#1"));
    let together = html.split("<section id=\"together\">").nth(1).expect("the pairs updated together");
    assert!(together.contains("principle-7#2") && together.contains("title#1"), "{together}");
    assert!(html.contains("<tr class=\"together\">"), "a row changed in both languages is not marked stale");
    assert!(html.contains("3 translations to review; 2 pairs updated together in both languages"), "{html}");

    let japanese = render_html(&diff, &Localizer::new(UiLang::Japanese));
    assert!(japanese.contains("同時に更新：両言語で変更され、見直し不要 (2)"), "{japanese}");
    assert!(japanese.contains("見直しが必要な翻訳 3 件、両言語で同時に更新 2 件"), "{japanese}");
    let terminal = render_terminal(&diff, &Localizer::new(UiLang::English), false);
    let (review, together) = terminal.split_once("Changed in both languages").expect("listed apart");
    assert!(!review.contains("principle-7#2  ") && together.contains("principle-7#2  "), "{terminal}");
}
