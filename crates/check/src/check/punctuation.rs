//! P006 final-punctuation: a paragraph (or list item) ends the same way in both languages, and
//! the Japanese ends in the Japanese form of the mark: `.` ↔ `。`, `:` ↔ `：`, `?` ↔ `？`,
//! `!` ↔ `！`, `;` ↔ `；`, `?!`/`!?` ↔ `？！`/`！？` (either order), or neither ends in punctuation.
//!
//! A Japanese ending in `．` or `｡` is always the wrong form; an ASCII mark (`.`, `:`, `!?`…) is
//! the wrong form when it touches Japanese text (`します.`, `「なぜISO?」`), not when it closes
//! Latin text (`ISO/IEC Directives.`). The help names the exact replacement. A fix is offered only when it
//! is the one sensible edit: a wrong form becomes its Japanese form, and a missing mark is
//! inserted after the last character when that character is plain text (not a closing bracket or
//! the inside of emphasis), never `。` at the end of a list item. A different mark (`:` translated
//! as `。`) is reported, never fixed.
//!
//! A Japanese list item may end as a noun phrase without punctuation (体言止め) where the English
//! item ends with `;`; an English run ending in a bare URL ends without a mark, and the Japanese
//! may end it with `。`.

use std::collections::HashSet;
use std::ops::Range;

use super::{Check, Context, Draft, Fix, Label, Unit, UnitKind, literal_span_in_text};
use codepub_core::address::Address;
use codepub_core::config::PunctuationPlace;
use codepub_core::i18n::Message;
use codepub_core::model::{Inline, InlineKind, Lang, walk_inlines};
use codepub_core::script::is_japanese;
use codepub_core::source::{FileId, Span};

pub struct FinalPunctuation;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    FullStop,
    Colon,
    Question,
    Exclamation,
    Semicolon,
    /// `?!`, `!?`, `⁉`, `⁈` (and their full-width spellings).
    Interrobang,
    None,
}

/// Closing brackets, quotes and emphasis markers looked past when finding the final mark.
const CLOSERS: [char; 12] = [')', '）', '」', '』', '"', '”', '’', '\'', ']', '】', '*', '_'];

/// One character of a group's text and, for text inlines, where it comes from.
#[derive(Clone, Copy)]
struct Char<'a> {
    c: char,
    /// The text inline holding the character and its byte offset there.
    origin: Option<(&'a Inline, usize)>,
}

/// The characters of an inline run as printed, footnote references left out.
#[cfg(test)]
fn chars_of(group: &[Inline]) -> Vec<Char<'_>> {
    let mut chars = Vec::new();
    walk_inlines(group, &mut |inline| match &inline.kind {
        InlineKind::Text(text) => {
            for (offset, c) in text.char_indices() {
                chars.push(Char { c, origin: Some((inline, offset)) });
            }
        }
        InlineKind::Code(code) => chars.extend(code.chars().map(|c| Char { c, origin: None })),
        InlineKind::SoftBreak | InlineKind::HardBreak => chars.push(Char { c: ' ', origin: None }),
        _ => {}
    });
    chars
}

/// The last characters of an inline run as printed, footnote references left out: the end of
/// what [`chars_of`] gives, read backwards until it holds three characters other than white
/// space and [`CLOSERS`] and one other than white space with a place in the source, or the whole
/// run. That is all [`final_mark`], [`proper_form`] and [`last_character`] look at, and they
/// read it as they read the whole run; a paragraph is not read from its start.
fn tail_of(group: &[Inline]) -> Vec<Char<'_>> {
    let mut tail = Tail { chars: Vec::new(), solid: 0, placed: false };
    tail.read(group);
    tail.chars.reverse();
    tail.chars
}

/// [`tail_of`] being read: its characters, last first.
struct Tail<'a> {
    chars: Vec<Char<'a>>,
    /// Characters other than white space and closers.
    solid: usize,
    /// Whether a character other than white space with a place in the source is read.
    placed: bool,
}

impl<'a> Tail<'a> {
    fn done(&self) -> bool {
        self.solid >= 3 && self.placed
    }

    fn push(&mut self, c: char, origin: Option<(&'a Inline, usize)>) {
        if !c.is_whitespace() {
            self.solid += usize::from(!CLOSERS.contains(&c));
            self.placed |= origin.is_some();
        }
        self.chars.push(Char { c, origin });
    }

    /// Reads `inlines` from the end, as [`walk_inlines`] would visit them backwards.
    fn read(&mut self, inlines: &'a [Inline]) {
        for inline in inlines.iter().rev() {
            if self.done() {
                return;
            }
            match &inline.kind {
                InlineKind::Text(text) => {
                    for (offset, c) in text.char_indices().rev() {
                        if self.done() {
                            return;
                        }
                        self.push(c, Some((inline, offset)));
                    }
                }
                InlineKind::Code(code) => {
                    for c in code.chars().rev() {
                        if self.done() {
                            return;
                        }
                        self.push(c, None);
                    }
                }
                InlineKind::SoftBreak | InlineKind::HardBreak => self.push(' ', None),
                InlineKind::Emphasis(children) | InlineKind::Strong(children) | InlineKind::Link { children, .. } => {
                    self.read(children)
                }
                InlineKind::FootnoteRef(_) => {}
            }
        }
    }
}

fn kind_of(c: char) -> Ending {
    match c {
        '.' | '。' | '．' | '｡' => Ending::FullStop,
        ':' | '：' => Ending::Colon,
        '?' | '？' => Ending::Question,
        '!' | '！' => Ending::Exclamation,
        ';' | '；' => Ending::Semicolon,
        '⁉' | '⁈' => Ending::Interrobang,
        _ => Ending::None,
    }
}

/// How a text ends, looking past closing brackets, quotes and whitespace: the kind of mark and
/// the range of its characters (empty, at the end of the text, when there is none).
fn final_mark(chars: &[Char<'_>]) -> (Ending, Range<usize>) {
    let mut end = chars.len();
    while end > 0 && (chars[end - 1].c.is_whitespace() || CLOSERS.contains(&chars[end - 1].c)) {
        end -= 1;
    }
    let Some(last) = end.checked_sub(1) else { return (Ending::None, end..end) };
    let ending = kind_of(chars[last].c);
    if matches!(ending, Ending::Question | Ending::Exclamation) && last > 0 {
        let before = kind_of(chars[last - 1].c);
        if matches!(before, Ending::Question | Ending::Exclamation) && before != ending {
            return (Ending::Interrobang, last - 1..end);
        }
    }
    if ending == Ending::None {
        return (Ending::None, chars.len()..chars.len());
    }
    (ending, last..end)
}

fn text_of(chars: &[Char<'_>]) -> String {
    chars.iter().map(|ch| ch.c).collect()
}

/// The Japanese form of one punctuation character, and whether the other form is wrong even
/// after Latin text.
fn japanese_form(c: char) -> (char, bool) {
    match c {
        '．' | '｡' => ('。', true),
        '.' => ('。', false),
        ':' => ('：', false),
        '?' => ('？', false),
        '!' => ('！', false),
        ';' => ('；', false),
        other => (other, false),
    }
}

/// The Japanese spelling of a final mark, when the one written is the wrong form.
fn proper_form(chars: &[Char<'_>], mark: &Range<usize>) -> Option<String> {
    // Touching Japanese: after Japanese text, or before a Japanese closing bracket (`ISO?」`).
    let after_japanese = mark.start.checked_sub(1).is_some_and(|i| is_japanese(chars[i].c))
        || chars.get(mark.end).is_some_and(|ch| is_japanese(ch.c));
    let mut wrong = false;
    let mut proper = String::new();
    for ch in &chars[mark.clone()] {
        let (full, always) = japanese_form(ch.c);
        wrong |= full != ch.c && (always || after_japanese);
        proper.push(full);
    }
    wrong.then_some(proper)
}

/// What the Japanese should end with, given the English mark.
fn expected_ending(ending: Ending, english: &str) -> Option<String> {
    Some(match ending {
        Ending::FullStop => "。".into(),
        Ending::Colon => "：".into(),
        Ending::Question => "？".into(),
        Ending::Exclamation => "！".into(),
        Ending::Semicolon => "；".into(),
        // Keep the English order: `?!` → `？！`, `!?` → `！？`.
        Ending::Interrobang => match english {
            "⁉" => "！？".into(),
            "⁈" => "？！".into(),
            _ => english.chars().map(|c| japanese_form(c).0).collect(),
        },
        Ending::None => return None,
    })
}

/// A mark as a message argument: `none` for no mark, which the message says in words ("no
/// punctuation", 「句読点なし」).
fn describe(mark: &str) -> String {
    if mark.is_empty() { "none".to_string() } else { mark.to_string() }
}

/// A mark as a baseline entry records it: `—` for no mark, as entries have always recorded it.
fn recorded(mark: &str) -> String {
    if mark.is_empty() { "—".to_string() } else { mark.to_string() }
}

/// Whether a run ends with a bare URL (`…at https://example.org/faq`, `<https://x.org/?>`): the
/// URL's last character is no sentence mark, so the run ends without one. A `.` after a URL
/// written as plain text ends the sentence, as it ends the autolink in Markdown renderers.
fn ends_with_url(group: &[Inline]) -> bool {
    let is_url = |token: &str| {
        let token = token.trim_start_matches(['(', '<', '"', '“', '\'', '‘', '[']).to_ascii_lowercase();
        ["http://", "https://", "www."].iter().any(|scheme| token.starts_with(scheme) && token.len() > scheme.len())
    };
    let last = group.iter().rev().find(|inline| match &inline.kind {
        InlineKind::FootnoteRef(_) | InlineKind::SoftBreak | InlineKind::HardBreak => false,
        InlineKind::Text(text) => !text.trim().is_empty(),
        _ => true,
    });
    match last.map(|inline| &inline.kind) {
        Some(InlineKind::Link { children, .. }) => {
            let mut text = String::new();
            walk_inlines(children, &mut |inline| {
                if let InlineKind::Text(t) | InlineKind::Code(t) = &inline.kind {
                    text.push_str(t);
                }
            });
            !text.trim().contains(char::is_whitespace) && is_url(text.trim())
        }
        Some(InlineKind::Text(text)) => {
            let token = text.trim_end().rsplit(char::is_whitespace).next().unwrap_or_default();
            let token = token.trim_end_matches(CLOSERS);
            is_url(token) && !token.ends_with(['.', ':', '?', '!', ';', ','])
        }
        _ => false,
    }
}

/// The span of some consecutive characters, when they are spelled literally in one text inline.
fn literal_span(chars: &[Char<'_>]) -> Option<Span> {
    let (first, start) = chars.first()?.origin?;
    let mut len = 0;
    for ch in chars {
        let (inline, offset) = ch.origin?;
        if !std::ptr::eq(inline, first) || offset != start + len {
            return None;
        }
        len += ch.c.len_utf8();
    }
    literal_span_in_text(first, start, len)
}

/// The span of the last visible character of an inline run (or `fallback`).
fn last_character(chars: &[Char<'_>], fallback: &Span) -> Span {
    let Some(last) = chars.iter().rposition(|ch| !ch.c.is_whitespace() && ch.origin.is_some()) else {
        return fallback.clone();
    };
    literal_span(&chars[last..=last])
        .unwrap_or_else(|| chars[last].origin.map_or(fallback.clone(), |o| o.0.span.clone()))
}

/// Where a missing final mark goes, when there is exactly one place: right after the run's last
/// top-level text (before any footnote reference), when that text is spelled literally and does
/// not end in a closing bracket or quote.
fn insertion_point(group: &[Inline]) -> Option<Span> {
    let last = group.iter().rev().find(|inline| match &inline.kind {
        InlineKind::FootnoteRef(_) | InlineKind::SoftBreak | InlineKind::HardBreak => false,
        InlineKind::Text(text) => !text.trim().is_empty(),
        _ => true,
    })?;
    let InlineKind::Text(text) = &last.kind else { return None };
    let trimmed = text.trim_end();
    if trimmed.ends_with(CLOSERS) || trimmed.ends_with(['…', '‥', '、', '，', ',']) {
        return None;
    }
    literal_span_in_text(last, trimmed.len(), 0)
}

/// The ending a configured mark stands for (`""`, `,` and `、` end nothing P006 compares).
fn ending_of(mark: &str) -> Ending {
    let chars: Vec<Char<'_>> = mark.chars().map(|c| Char { c, origin: None }).collect();
    final_mark(&chars).0
}

/// English and Japanese endings accepted as equivalent, and where (see
/// [`codepub_core::config::FinalPunctuationConfig`]).
fn equivalences(cx: &Context<'_>) -> Vec<(Ending, Ending, PunctuationPlace)> {
    let config = &cx.project.config.check.final_punctuation;
    let mut accepted = Vec::new();
    if config.statute_conventions {
        // Statutes end each item (号) with 。 where the English ends it with ; or , or nothing, and
        // may end the lead-in of a list with 。 where the English has :.
        accepted.push((Ending::Semicolon, Ending::FullStop, PunctuationPlace::ListItem));
        accepted.push((Ending::None, Ending::FullStop, PunctuationPlace::ListItem));
        accepted.push((Ending::Colon, Ending::FullStop, PunctuationPlace::LeadIn));
    }
    accepted.extend(config.accept.iter().map(|a| (ending_of(&a.en), ending_of(&a.ja), a.place)));
    accepted
}

/// Whether an equivalence configured for `configured` holds at `place`.
fn holds_at(configured: PunctuationPlace, place: PunctuationPlace) -> bool {
    configured == PunctuationPlace::Anywhere
        || configured == place
        || (configured == PunctuationPlace::Paragraph && place == PunctuationPlace::LeadIn)
}

/// One list item or paragraph P006 judges, with its counterpart.
struct Judged<'c, 'a> {
    address: &'c Address,
    /// A list item, a lead-in (a paragraph followed by a list) or another paragraph.
    place: PunctuationPlace,
    /// Item number within the block (0-based) and item count.
    index: usize,
    items: usize,
    en: &'c Unit<'a>,
    ja: &'c Unit<'a>,
    en_group: &'a [Inline],
    ja_group: &'a [Inline],
}

/// The groups P006 judges: paragraphs and lists (not headings) of the same kind and item count.
fn judged_groups<'c, 'a>(cx: &'c Context<'a>) -> Vec<Judged<'c, 'a>> {
    let mut groups = Vec::new();
    for (p, pair) in cx.pairs.iter().enumerate() {
        let Some((en, ja)) = pair.sides.both() else { continue };
        if en.kind == UnitKind::Heading || en.kind != ja.kind || en.groups.len() != ja.groups.len() {
            continue;
        }
        let list_follows = cx.pairs.get(p + 1).is_some_and(|next| {
            next.address.owner == pair.address.owner && next.sides.en.as_ref().is_some_and(|u| u.kind == UnitKind::List)
        });
        let place = match en.kind {
            UnitKind::List => PunctuationPlace::ListItem,
            _ if list_follows => PunctuationPlace::LeadIn,
            _ => PunctuationPlace::Paragraph,
        };
        for (index, (en_group, ja_group)) in en.groups.iter().zip(&ja.groups).enumerate() {
            let (en_group, ja_group) = (*en_group, *ja_group);
            groups.push(Judged {
                address: &pair.address,
                place,
                index,
                items: en.groups.len(),
                en,
                ja,
                en_group,
                ja_group,
            });
        }
    }
    groups
}

/// The Japanese final marks P006 judges, as (file, byte offset) of each character: P007 leaves
/// them to P006 so that one mark is reported once.
pub(super) fn judged_final_marks(cx: &Context<'_>) -> HashSet<(FileId, usize)> {
    let mut marks = HashSet::new();
    for judged in judged_groups(cx) {
        let chars = tail_of(judged.ja_group);
        let (_, mark) = final_mark(&chars);
        for ch in &chars[mark] {
            if let Some(span) = literal_span(std::slice::from_ref(ch)) {
                marks.insert((span.file, span.start));
            }
        }
    }
    marks
}

impl Check for FinalPunctuation {
    fn code(&self) -> &'static str {
        "P006"
    }

    fn name(&self) -> &'static str {
        "final-punctuation"
    }

    fn help(&self) -> &'static str {
        "help-p006"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let equivalences = equivalences(cx);
        for Judged { address, place, index, items, en, ja, en_group, ja_group } in judged_groups(cx) {
            let (en_chars, ja_chars) = (tail_of(en_group), tail_of(ja_group));
            // An English run ending with a bare URL ends without a mark, and a Japanese `。` after
            // the URL ends the sentence as well as nothing does.
            let url = ends_with_url(en_group);
            let (en_end, en_mark) =
                if url { (Ending::None, en_chars.len()..en_chars.len()) } else { final_mark(&en_chars) };
            let (ja_end, ja_mark) = final_mark(&ja_chars);
            let (en_text, ja_text) = (text_of(&en_chars[en_mark.clone()]), text_of(&ja_chars[ja_mark.clone()]));
            let proper = proper_form(&ja_chars, &ja_mark);
            let ja_span = literal_span(&ja_chars[ja_mark.clone()]).filter(|_| !ja_mark.is_empty());
            let en_span = literal_span(&en_chars[en_mark.clone()])
                .filter(|_| !en_mark.is_empty())
                .unwrap_or_else(|| last_character(&en_chars, en.span));
            let ja_label = ja_span.clone().unwrap_or_else(|| last_character(&ja_chars, ja.span));
            // A Japanese list item may end as a noun phrase (体言止め) without punctuation where the
            // English item ends with `;` (`,`, `, and`, `; or` and nothing are no mark P006
            // compares); one ending with `、` is unfinished, not bare.
            let bare_item = place == PunctuationPlace::ListItem
                && en_end == Ending::Semicolon
                && !text_of(&ja_chars).trim_end().ends_with(['、', '，', ',']);
            let accepted = |ja: Ending| {
                (url && ja == Ending::FullStop)
                    || (bare_item && ja == Ending::None)
                    || equivalences.iter().any(|&(e, j, at)| e == en_end && j == ja && holds_at(at, place))
            };
            // What the Japanese should end with: the convention's mark here, else the English one's.
            let convention = equivalences
                .iter()
                .find(|&&(e, j, at)| e == en_end && j != Ending::None && holds_at(at, place))
                .and_then(|&(_, j, _)| expected_ending(j, ""));
            // The values a baseline entry records: the marks, `—` for none (see `recorded`).
            let mut values = None;
            let (message, help, fix) = if en_end == ja_end || accepted(ja_end) {
                // Same mark, wrong form: `．` or `.` after Japanese for `。`…
                let Some(proper) = proper else { continue };
                let fix = ja_span.map(|span| Fix { span, replacement: proper.clone() });
                (
                    Message::new("p006-wrong-form").arg("ja", &ja_text).arg("full", &proper),
                    Message::new("help-p006-replace").arg("old", &ja_text).arg("new", proper),
                    fix,
                )
            } else {
                let message =
                    Message::new("p006-final-punctuation").arg("en", describe(&en_text)).arg("ja", describe(&ja_text));
                values = Some(vec![recorded(&en_text), recorded(&ja_text)]);
                match (convention.or_else(|| expected_ending(en_end, &en_text)), ja_end) {
                    (None, _) => (message, Message::new("help-p006-drop").arg("old", &ja_text), None),
                    (Some(expected), Ending::None) => {
                        // Never `。` appended to a list item: Japanese items end as they are drafted.
                        let insertable = !(place == PunctuationPlace::ListItem && expected == "。");
                        let fix = insertion_point(ja_group)
                            .filter(|_| insertable)
                            .map(|span| Fix { span, replacement: expected.clone() });
                        let help = Message::new("help-p006-insert").arg("new", expected).arg("en", &en_text);
                        (message, help, fix)
                    }
                    (Some(expected), _) => {
                        (message, Message::new("help-p006-replace").arg("old", &ja_text).arg("new", expected), None)
                    }
                }
            };
            let mut draft = Draft::new(message, address, Some(Lang::Ja))
                .label(Label::new(Lang::Ja, &ja_label).with(Message::new("label-japanese-ending")))
                .label(Label::new(Lang::En, &en_span).with(Message::new("label-english-ending")))
                .help(help)
                .fix(fix);
            if let Some(values) = values {
                draft = draft.values(values);
            }
            if items > 1 {
                draft = draft.excerpt(format!("item {}", index + 1));
            }
            out.push(draft);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project, project_with};

    #[test]
    fn full_stop_matches_ideographic_full_stop() {
        let p = project("# A {#a}\n\nWe act.\n\nAs follows:\n", "# A {#a}\n\n行動します。\n\n以下の通り：\n");
        assert!(findings(&p, &FinalPunctuation).is_empty());
    }

    #[test]
    fn japanese_paragraph_without_final_full_stop_is_reported() {
        let p = project("# A {#a}\n\nWe act.\n", "# A {#a}\n\n行動します\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].address.to_string(), "a#1");
    }

    /// The end of a run read backwards is the end of the whole run, and what P006 and P007 read
    /// of it (the final mark, its proper form, the last character, the last mark) is the same.
    #[test]
    fn the_tail_of_a_run_reads_as_the_whole_run_does() {
        let runs = [
            "We act.",
            "We act.)",
            "Why?!",
            "Go!? ",
            "*Directives*.[^1]",
            "Run `the code.`",
            "Run `x` `y` `z`",
            "(adopted 2023)",
            "He said “yes.”",
            "x",
            "ab",
            "a *b* c?」」」",
            "line\nbreak.",
            "**帰結**: ",
            "see https://iso.org",
            "?!",
            "行動します。",
            "規範を遵守する（第２条）。」",
            "**機密**文書",
            "会員は?",
            "ー。",
            "a\n*b*\n**c**",
            "[the link.](https://iso.org)",
            "___",
        ];
        // Each run alone, and after words, so that it is the end of a longer run.
        let en: String = runs.iter().map(|run| format!("{run}\n\nMembers of ISO say {run}\n\n")).collect();
        let p = project(&format!("# A {{#a}}\n\n{en}[^1]: N.\n"), "# A {#a}\n\n本文。\n");
        let alignment = p.alignment();
        let cx = Context::new(&p, &alignment);
        let mut read = 0;
        for (_, unit) in cx.every_unit(Lang::En) {
            for group in &unit.groups {
                let (whole, tail) = (chars_of(group), tail_of(group));
                let at = whole.len() - tail.len();
                let same = |a: &Char<'_>, b: &Char<'_>| {
                    a.c == b.c
                        && a.origin.map(|(i, o)| (i as *const Inline, o))
                            == b.origin.map(|(i, o)| (i as *const Inline, o))
                };
                assert!(whole[at..].iter().zip(&tail).all(|(a, b)| same(a, b)), "{}", unit.text);
                let (whole_end, whole_mark) = final_mark(&whole);
                let (tail_end, tail_mark) = final_mark(&tail);
                assert_eq!(whole_end, tail_end, "{}", unit.text);
                assert_eq!(
                    (whole_mark.start - at, whole_mark.end - at),
                    (tail_mark.start, tail_mark.end),
                    "{}",
                    unit.text
                );
                assert_eq!(proper_form(&whole, &whole_mark), proper_form(&tail, &tail_mark), "{}", unit.text);
                assert_eq!(last_character(&whole, unit.span), last_character(&tail, unit.span), "{}", unit.text);
                assert_eq!(text_of(&whole).trim_end().chars().last(), text_of(&tail).trim_end().chars().last());
                read += usize::from(tail.len() < whole.len());
            }
        }
        assert!(read >= runs.len(), "only {read} runs were read in part");
    }

    #[test]
    fn footnote_references_and_closing_brackets_are_looked_past() {
        let p = project(
            "# A {#a}\n\n*Directives*.[^1]\n\n(adopted 2023)\n\n[^1]: N.\n",
            "# A {#a}\n\n**指針**に準拠します。[^1]\n\n(2023年採択)\n\n[^1]: 注。\n",
        );
        assert!(findings(&p, &FinalPunctuation).is_empty());
    }

    #[test]
    fn headings_are_not_checked() {
        let p = project("# Behave ethically {#a}\n", "# 倫理的な行動。 {#a}\n");
        assert!(findings(&p, &FinalPunctuation).is_empty());
    }

    /// The fix of the only finding: replaced source text and replacement.
    fn only_fix(p: &codepub_core::load::Project, found: &[Draft]) -> (String, String) {
        assert_eq!(found.len(), 1, "{found:?}");
        let fix = found[0].diagnostic.fix.as_ref().expect("a fix");
        let text = &p.sources.get(fix.span.file).text;
        (text[fix.span.range()].to_string(), fix.replacement.clone())
    }

    #[test]
    fn ascii_full_stop_after_japanese_is_the_wrong_form_and_becomes_ideographic() {
        let p = project("# A {#a}\n\nWe act.\n", "# A {#a}\n\n行動します.\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found[0].diagnostic.message.id, "p006-wrong-form");
        assert_eq!(only_fix(&p, &found), (".".into(), "。".into()));
    }

    #[test]
    fn full_width_and_half_width_katakana_full_stops_become_ideographic() {
        for ending in ["．", "｡"] {
            let p = project("# A {#a}\n\nWe act.\n", &format!("# A {{#a}}\n\nISO{ending}\n"));
            assert_eq!(only_fix(&p, &findings(&p, &FinalPunctuation)), (ending.into(), "。".into()));
        }
    }

    #[test]
    fn ascii_mark_before_a_japanese_closing_bracket_is_the_wrong_form() {
        let p = project("# A {#a}\n\nIt asks “Why ISO?”\n", "# A {#a}\n\n「なぜISO?」\n");
        assert_eq!(only_fix(&p, &findings(&p, &FinalPunctuation)), ("?".into(), "？".into()));
    }

    #[test]
    fn ascii_full_stop_closing_latin_text_is_accepted() {
        let p = project("# A {#a}\n\nSee the Directives.\n", "# A {#a}\n\n参照：ISO/IEC Directives.\n");
        assert!(findings(&p, &FinalPunctuation).is_empty());
    }

    #[test]
    fn missing_final_mark_is_inserted_before_a_footnote_reference() {
        let p = project("# A {#a}\n\nWe comply.[^1]\n\n[^1]: N.\n", "# A {#a}\n\n遵守します[^1]\n\n[^1]: 注。\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found[0].diagnostic.help.as_ref().unwrap().id, "help-p006-insert");
        let fix = found[0].diagnostic.fix.as_ref().expect("a fix");
        let text = &p.sources.get(fix.span.file).text;
        assert_eq!(fix.span.start, fix.span.end);
        assert_eq!(&text[..fix.span.start], "# A {#a}\n\n遵守します");
        assert_eq!(fix.replacement, "。");
    }

    #[test]
    fn missing_colon_question_and_exclamation_marks_are_inserted() {
        for (en, ja) in [("As follows:", "："), ("Why?", "？"), ("Act!", "！"), ("Really?!", "？！")] {
            let p = project(&format!("# A {{#a}}\n\n{en}\n"), "# A {#a}\n\n行動します\n");
            assert_eq!(only_fix(&p, &findings(&p, &FinalPunctuation)), (String::new(), ja.into()), "{en}");
        }
    }

    #[test]
    fn missing_mark_after_a_closing_bracket_or_inside_emphasis_has_no_fix() {
        for ja in ["（2023年採択）", "**指針**"] {
            let p = project("# A {#a}\n\n(adopted 2023).\n", &format!("# A {{#a}}\n\n{ja}\n"));
            let found = findings(&p, &FinalPunctuation);
            assert_eq!(found.len(), 1, "{ja}");
            assert!(found[0].diagnostic.fix.is_none(), "{ja}");
        }
    }

    #[test]
    fn colon_translated_as_full_stop_is_reported_with_help_but_no_fix() {
        let p = project("# A {#a}\n\nAs follows:\n", "# A {#a}\n\n以下の通り。\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found.len(), 1);
        assert!(found[0].diagnostic.fix.is_none());
        let help = found[0].diagnostic.help.as_ref().unwrap();
        assert_eq!(help.id, "help-p006-replace");
        assert!(help.args.contains(&("new", codepub_core::i18n::Arg::Text("：".into()))), "{help:?}");
    }

    #[test]
    fn english_without_final_mark_asks_to_drop_the_japanese_one() {
        let p = project("# A {#a}\n\n(adopted 2023)\n", "# A {#a}\n\n2023年採択。\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found[0].diagnostic.help.as_ref().unwrap().id, "help-p006-drop");
        assert!(found[0].diagnostic.fix.is_none());
    }

    #[test]
    fn interrobang_pairs_match_in_either_full_width_order() {
        for en in ["Really?!", "Really!?", "Really⁉"] {
            for ja in ["本当？！", "本当！？"] {
                let p = project(&format!("# A {{#a}}\n\n{en}\n"), &format!("# A {{#a}}\n\n{ja}\n"));
                assert!(findings(&p, &FinalPunctuation).is_empty(), "{en} {ja}");
            }
        }
    }

    #[test]
    fn interrobang_against_a_single_mark_is_reported() {
        for (en, ja) in [("Really?!", "本当？"), ("Really?", "本当！？"), ("Really!", "本当？！")] {
            let p = project(&format!("# A {{#a}}\n\n{en}\n"), &format!("# A {{#a}}\n\n{ja}\n"));
            let found = findings(&p, &FinalPunctuation);
            assert_eq!(found.len(), 1, "{en} {ja}");
            assert!(found[0].diagnostic.fix.is_none());
        }
    }

    #[test]
    fn ascii_interrobang_after_japanese_becomes_full_width_in_its_order() {
        for (ja, full) in [("!?", "！？"), ("?!", "？！")] {
            let p = project("# A {#a}\n\nReally?!\n", &format!("# A {{#a}}\n\n本当{ja}\n"));
            assert_eq!(only_fix(&p, &findings(&p, &FinalPunctuation)), (ja.into(), full.into()));
        }
    }

    #[test]
    fn japanese_noun_phrase_list_items_pass_against_english_items_ending_with_semicolons() {
        let en = "# A {#a}\n\nThe report covers:\n\n- annual reports;\n- accounts,\n- minutes; and\n- budgets; or\n- plans\n";
        let ja = "# A {#a}\n\n報告の対象：\n\n- 年次報告\n- 会計\n- 議事録\n- 予算\n- 計画\n";
        let found = findings(&project(en, ja), &FinalPunctuation);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_list_item_is_never_fixed_by_appending_a_full_stop() {
        let p = project("# A {#a}\n\n- Annual reports.\n- Accounts.\n", "# A {#a}\n\n- 年次報告\n- 会計。\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].diagnostic.fix.is_none(), "{found:?}");
        assert_eq!(found[0].diagnostic.help.as_ref().unwrap().id, "help-p006-insert");
        // A paragraph still gets its 。.
        let p = project("# A {#a}\n\nWe act.\n", "# A {#a}\n\n行動します\n");
        assert_eq!(only_fix(&p, &findings(&p, &FinalPunctuation)), (String::new(), "。".into()));
    }

    #[test]
    fn an_english_paragraph_ending_in_a_bare_url_accepts_a_japanese_full_stop() {
        for en in
            ["Answers are at https://example.org/faq", "See <https://example.org/faq?>", "At www.example.org/faq/"]
        {
            for ja in ["回答は https://example.org/faq にあります。", "回答は https://example.org/faq にあります"]
            {
                let p = project(&format!("# A {{#a}}\n\n{en}\n"), &format!("# A {{#a}}\n\n{ja}\n"));
                let found = findings(&p, &FinalPunctuation);
                assert!(found.is_empty(), "{en} ↔ {ja}: {found:?}");
            }
        }
        // A full stop after a URL ends the English sentence; text that merely mentions a URL
        // earlier ends as usual.
        for en in ["Answers are at https://example.org/faq.", "See https://example.org/faq for answers"] {
            let p = project(&format!("# A {{#a}}\n\n{en}\n"), "# A {#a}\n\n回答はこちら\n");
            let found = findings(&p, &FinalPunctuation);
            let q = project(&format!("# A {{#a}}\n\n{en}\n"), "# A {#a}\n\n回答はこちら。\n");
            let with_stop = findings(&q, &FinalPunctuation);
            assert_eq!(found.len() + with_stop.len(), 1, "{en}: {found:?} {with_stop:?}");
        }
    }

    #[test]
    fn no_mark_is_said_in_words_and_recorded_as_before() {
        let p = project("# A {#a}\n\n- Annual reports:\n", "# A {#a}\n\n- 年次報告\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found.len(), 1, "{found:?}");
        let args = &found[0].diagnostic.message.args;
        assert!(args.contains(&("ja", codepub_core::i18n::Arg::Text("none".into()))), "{args:?}");
        assert_eq!(found[0].values.as_deref(), Some(&[":".to_string(), "—".to_string()][..]));
    }

    const STATUTE_EN: &str =
        "# A {#a}\n\nThe Cabinet shall:\n\n- administer the law;\n- manage foreign affairs; and\n- conclude treaties\n";
    const STATUTE_JA: &str = "# A {#a}\n\n内閣は、次の事務を行ふ。\n\n- 法律を執行すること。\n- 外交関係を処理すること。\n- 条約を締結すること。\n";

    #[test]
    fn statute_list_items_and_lead_ins_ending_in_full_stops_pass_by_default() {
        let p = project(STATUTE_EN, STATUTE_JA);
        assert!(findings(&p, &FinalPunctuation).is_empty(), "{:?}", findings(&p, &FinalPunctuation));
    }

    #[test]
    fn a_colon_translated_as_full_stop_outside_a_lead_in_is_still_reported() {
        let p = project("# A {#a}\n\nThe Cabinet shall:\n\nNext.\n", "# A {#a}\n\n内閣は、次の事務を行ふ。\n\n次。\n");
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].address.to_string(), "a#1");
    }

    #[test]
    fn statute_conventions_can_be_turned_off_and_the_help_then_follows_the_english() {
        let p = project_with(STATUTE_EN, STATUTE_JA, "[check.final_punctuation]\nstatute_conventions = false\n");
        let found = findings(&p, &FinalPunctuation);
        // The lead-in and the three items (`;`, `; and`, nothing) against 。.
        assert_eq!(found.len(), 4, "{found:?}");
        let help = found[1].diagnostic.help.as_ref().expect("a help of its own");
        assert_eq!(help.id, "help-p006-replace");
        assert!(
            help.args.iter().any(|(k, v)| *k == "new" && *v == codepub_core::i18n::Arg::Text("；".into())),
            "{help:?}"
        );
    }

    #[test]
    fn a_configured_equivalence_is_accepted_where_it_is_declared_only() {
        let en = "# A {#a}\n\nOne.\n\n- item.\n";
        let ja = "# A {#a}\n\n一\n\n- 項目\n";
        let config = "[[check.final_punctuation.accept]]\nen = \".\"\nja = \"\"\nwhere = \"list-item\"\n";
        let found = findings(&project_with(en, ja, config), &FinalPunctuation);
        assert_eq!(found.len(), 1, "only the paragraph: {found:?}");
        assert_eq!(found[0].address.to_string(), "a#1");
    }

    #[test]
    fn the_help_suggests_the_conventional_mark_for_a_statute_item() {
        let p = project(STATUTE_EN, &STATUTE_JA.replace("法律を執行すること。", "法律を執行すること、"));
        let found = findings(&p, &FinalPunctuation);
        assert_eq!(found.len(), 1, "{found:?}");
        let help = found[0].diagnostic.help.as_ref().expect("a help of its own");
        assert!(
            help.args.iter().any(|(k, v)| *k == "new" && *v == codepub_core::i18n::Arg::Text("。".into())),
            "{help:?}"
        );
    }
}
