//! P025 spelling: English spelling and grammar, through harper (`harper-core`, offline, its
//! dictionary compiled in).
//!
//! - **What is read**: the English side only (harper reads English alone): headings, paragraphs,
//!   list items, block quotes and footnotes, each run of inlines fed to harper as plain text of
//!   its own. Code spans are not read (each stands as one character harper does not lint), link
//!   targets and footnote references are not text, code blocks are skipped.
//! - **Known words**: harper's curated dictionary, the project's dictionary
//!   ([`codepub_core::dictionary`], `content/dictionary.txt` by default) and the words of the
//!   glossary's English terms.
//! - **Reported**: each harper lint, at the characters it names (harper counts characters; they
//!   are mapped back to the source through the text inlines, so a label is exact when the source
//!   spells the text literally, and the inline's span otherwise). A spelling lint names the word
//!   and harper's suggestions; any other lint is a grammar finding, with harper's own (English)
//!   message and the lint's name, which `disable` takes. The fix: the one suggestion, only for a
//!   spelling lint that has exactly one.
//! - **Configuration**: `[check.spelling]` `enabled`, `dictionary`, `grammar` (`false`: the
//!   spelling lint alone), `disable` (lint names; a name harper does not know is reported on
//!   codepub.toml) and `dialect`. Some lints are off by default, noisy on official texts:
//!   [`QUIET`].
//! - **Without the `spelling` feature** (a check-only build without harper), an enabled P025
//!   reports once, on codepub.toml, that it cannot run: it never passes silently.

use super::{Check, Context, Draft};
use codepub_core::i18n::Message;

pub struct Spelling;

/// Harper lints always off, noisy on official texts (measured on the ISO Code, the Contributor
/// Covenant, the Radio Act and the Constitution fixtures): `OxfordComma` (a house style, and the
/// ISO Code's is without: 10 findings, none an error) and `LongSentences` (provisions are long
/// sentences by nature: every one of its findings was a sentence as adopted),
/// `NumericRangeEnDash` (statutes number articles `36-2`, not ranges: 4 false findings in the
/// Radio Act), and the style lints `CondenseAllThe` and `AvoidAndAlso` (a wording as adopted,
/// not an error: 3 findings, none an error). And two lints other checks own, so that one slip
/// is one finding: `Spaces` (P010 whitespace) and `RepeatedWords` (P019 repeated-word).
#[cfg(feature = "spelling")]
const QUIET: &[&str] = &[
    "OxfordComma",
    "LongSentences",
    "NumericRangeEnDash",
    "CondenseAllThe",
    "AvoidAndAlso",
    "Spaces",
    "RepeatedWords",
];

impl Check for Spelling {
    fn code(&self) -> &'static str {
        "P025"
    }

    fn name(&self) -> &'static str {
        "spelling"
    }

    fn help(&self) -> &'static str {
        "help-p025-spelling"
    }

    fn default_severity(&self) -> super::Severity {
        super::Severity::Warning
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let config = &cx.project.config.check.spelling;
        if !config.enabled {
            return;
        }
        #[cfg(feature = "spelling")]
        harper::run(cx, config, out);
        #[cfg(not(feature = "spelling"))]
        out.push(
            Draft::new(Message::new("p025-unavailable"), "codepub.toml", None)
                .help(Message::new("help-p025-unavailable")),
        );
    }
}

#[cfg(feature = "spelling")]
mod harper {
    //! The harper side: the dictionary, the lint group, one document per run of inlines.

    use std::collections::BTreeMap;
    use std::sync::Arc;

    use harper_core::linting::{Lint, LintGroup, LintKind, Suggestion};
    use harper_core::parsers::PlainEnglish;
    use harper_core::spell::{Dictionary, FstDictionary, MergedDictionary, MutableDictionary};
    use harper_core::{Dialect, DialectFlags, DictWordMetadata, Document};

    use super::super::brackets::{CODE, Char, char_span, chars_of, excerpt, literal_span};
    use super::super::{Draft, Fix, Label, Unit};
    use super::{Context, Message, QUIET};
    use codepub_core::address::Address;
    use codepub_core::config::{SpellingConfig, SpellingDialect};
    use codepub_core::model::Lang;

    /// The lint that reports words not in the dictionary.
    const SPELL_CHECK: &str = "SpellCheck";

    /// What code spans are replaced with in the text harper reads: a character it tokenises as
    /// neither a word nor punctuation, so that nothing is reported at it.
    const CODE_STAND_IN: char = CODE;

    /// Suggestions shown in the help, at most.
    const SHOWN_SUGGESTIONS: usize = 3;

    /// Characters of the reported text kept in a finding's excerpt, at most.
    const EXCERPT_CHARS: usize = 40;

    /// The text harper reads for a run: its characters, code spans and a leading enumerator
    /// (`a)`, `(b)`, `c.`, whose letter harper would read as a word, `a) Introduction` as the
    /// article) replaced by a character it does not lint, so that character indices stay those
    /// of `chars`.
    fn harper_text(chars: &[Char<'_>]) -> Vec<char> {
        let mut text: Vec<char> = chars.iter().map(|ch| if ch.c == CODE { CODE_STAND_IN } else { ch.c }).collect();
        let start = text.iter().position(|c| !c.is_whitespace()).unwrap_or(text.len());
        let letter = start + usize::from(text.get(start) == Some(&'('));
        let enumerator = text.get(letter).is_some_and(char::is_ascii_alphabetic)
            && matches!(text.get(letter + 1), Some(')' | '.'))
            && text.get(letter + 2).is_none_or(|c| c.is_whitespace());
        if enumerator {
            text[letter] = CODE_STAND_IN;
        }
        text
    }

    /// An acronym or other identifier in capitals (`IEC`, `ISO/CS`), P020's, or a roman numeral
    /// (`CHAPTER X.`): not a misspelling.
    fn is_acronym(word: &str) -> bool {
        let roman = || word.trim_end_matches('.').chars().all(|c| "IVXLCDM".contains(c));
        (word.chars().filter(|c| c.is_alphabetic()).count() >= 2 || roman()) && !word.chars().any(char::is_lowercase)
    }

    /// Whether the characters at `end` continue the word as a hyphenated compound (`socio` in
    /// `socio-economic`): harper splits compounds at hyphens and knows few prefixes alone.
    fn prefix_of_compound(chars: &[Char<'_>], end: usize) -> bool {
        chars.get(end).is_some_and(|ch| ch.c == '-') && chars.get(end + 1).is_some_and(|ch| ch.c.is_alphabetic())
    }

    fn dialect(dialect: SpellingDialect) -> Dialect {
        match dialect {
            SpellingDialect::American => Dialect::American,
            SpellingDialect::British => Dialect::British,
            SpellingDialect::Canadian => Dialect::Canadian,
            SpellingDialect::Australian => Dialect::Australian,
            SpellingDialect::Indian => Dialect::Indian,
        }
    }

    /// Harper's dictionary with the project's words first (so that a word the project lists is
    /// known in every dialect), then the glossary's English words harper does not know.
    fn dictionary(cx: &Context<'_>) -> MergedDictionary {
        let curated = FstDictionary::curated();
        let mut project = MutableDictionary::new();
        let listed = cx.project.dictionary.words.iter().map(String::as_str);
        let glossary = (cx.project.glossary.terms.iter())
            .flat_map(|term| term.en.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
            .filter(|word| !word.is_empty())
            .filter(|word| !curated.contains_word_str(word));
        let words: Vec<Vec<char>> = listed.chain(glossary).map(|word| word.chars().collect()).collect();
        // Known in every dialect: harper merges a word's entries, and would keep its own dialects
        // (`Councillors`, British) otherwise.
        let metadata = DictWordMetadata { dialects: DialectFlags::all(), ..DictWordMetadata::default() };
        project.extend_words(words.iter().map(|word| (word.as_slice(), metadata.clone())));
        let mut merged = MergedDictionary::new();
        merged.add_dictionary(Arc::new(project));
        merged.add_dictionary(curated);
        merged
    }

    /// The lint group as configured; lint names `disable` holds that harper does not know are
    /// reported on codepub.toml.
    fn lint_group(dictionary: Arc<MergedDictionary>, config: &SpellingConfig, out: &mut Vec<Draft>) -> LintGroup {
        let mut group = LintGroup::new_curated(dictionary, dialect(config.dialect));
        let known: Vec<String> = group.iter_keys().map(str::to_string).collect();
        if !config.grammar {
            group.set_all_rules_to(Some(false));
            group.config.set_rule_enabled(SPELL_CHECK, true);
        }
        for name in QUIET {
            group.config.set_rule_enabled(*name, false);
        }
        for name in &config.disable {
            if known.iter().any(|key| key == name) {
                group.config.set_rule_enabled(name, false);
            } else {
                out.push(Draft::new(Message::new("p025-unknown-lint").arg("lint", name), "codepub.toml", None));
            }
        }
        group
    }

    pub(super) fn run(cx: &Context<'_>, config: &SpellingConfig, out: &mut Vec<Draft>) {
        let dictionary = Arc::new(dictionary(cx));
        let mut group = lint_group(dictionary.clone(), config, out);
        for (address, unit) in cx.units(Lang::En) {
            for inlines in &unit.groups {
                let chars = chars_of(inlines);
                if !chars.iter().any(|ch| ch.c.is_alphabetic()) {
                    continue;
                }
                let text = harper_text(&chars);
                let document = Document::new_from_chars(text.into(), &PlainEnglish, dictionary.as_ref());
                let lints = group.organized_lints(&document);
                report(address, unit, &chars, lints, out);
            }
        }
    }

    /// The findings of one run of inlines, in the text's order.
    fn report(
        address: &Address,
        unit: &Unit<'_>,
        chars: &[Char<'_>],
        lints: BTreeMap<String, Vec<Lint>>,
        out: &mut Vec<Draft>,
    ) {
        let mut lints: Vec<(String, Lint)> = lints
            .into_iter()
            .flat_map(|(name, lints)| lints.into_iter().map(move |lint| (name.clone(), lint)))
            .collect();
        lints.sort_by_key(|(_, lint)| (lint.span.start, lint.span.end));
        // An unknown word is reported once, as a misspelling: harper's other lints at the same
        // word read it as the word they guess it is.
        let misspelt: Vec<(usize, usize)> = (lints.iter())
            .filter(|(_, lint)| lint.lint_kind == LintKind::Spelling)
            .map(|(_, lint)| (lint.span.start, lint.span.end))
            .collect();
        for (name, lint) in lints {
            if lint.lint_kind != LintKind::Spelling && misspelt.contains(&(lint.span.start, lint.span.end)) {
                continue;
            }
            let (start, end) = (lint.span.start.min(chars.len()), lint.span.end.min(chars.len()));
            if start >= end {
                continue;
            }
            let written: String = chars[start..end].iter().map(|ch| ch.c).collect();
            let source = literal_span(&chars[start..end]);
            let label = source.clone().unwrap_or_else(|| char_span(&chars[start], unit.span));
            let replacements: Vec<String> = (lint.suggestions.iter())
                .filter_map(|suggestion| match suggestion {
                    Suggestion::ReplaceWith(chars) => Some(chars.iter().collect()),
                    _ => None,
                })
                .collect();
            let shown =
                (replacements.iter().take(SHOWN_SUGGESTIONS)).map(|s| format!("“{s}”")).collect::<Vec<_>>().join(", ");
            let draft = if lint.lint_kind == LintKind::Spelling {
                if is_acronym(&written) || prefix_of_compound(chars, end) {
                    continue;
                }
                let help = if shown.is_empty() {
                    Message::new("help-p025-spelling")
                } else {
                    Message::new("help-p025-spelling-suggested").arg("suggestions", &shown)
                };
                let fix = match (&source, replacements.as_slice()) {
                    (Some(span), [only]) if lint.suggestions.len() == 1 => {
                        Some(Fix { span: span.clone(), replacement: only.clone() })
                    }
                    _ => None,
                };
                Draft::new(Message::new("p025-spelling").arg("word", &written), address, Some(Lang::En))
                    .help(help)
                    .fix(fix)
            } else {
                let help = if shown.is_empty() {
                    Message::new("help-p025-grammar").arg("lint", &name)
                } else {
                    Message::new("help-p025-grammar-suggested").arg("lint", &name).arg("suggestions", &shown)
                };
                Draft::new(
                    Message::new("p025-grammar").arg("lint", &name).arg("message", lint.message.trim()),
                    address,
                    Some(Lang::En),
                )
                .help(help)
                // Harper's wording may change between versions: a baseline entry records the
                // lint and the text it names.
                .values(vec![name.clone(), written.clone()])
            };
            out.push(draft.label(Label::new(Lang::En, &label)).excerpt(excerpt(
                chars,
                start..end.min(start + EXCERPT_CHARS),
                8,
            )));
        }
    }
}

#[cfg(all(test, feature = "spelling"))]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};
    use codepub_core::i18n::Arg;

    /// A project with the check turned on (it is off by default) and `config` besides.
    fn project_with(en: &str, ja: &str, config: &str) -> codepub_core::load::Project {
        let config = if config.contains("enabled") {
            config.to_string()
        } else if config.contains("[check.spelling]") {
            config.replace("[check.spelling]\n", "[check.spelling]\nenabled = true\n")
        } else {
            format!("[check.spelling]\nenabled = true\n{config}")
        };
        crate::check::testing::project_with(en, ja, &config)
    }

    #[test]
    fn the_check_is_off_unless_the_project_turns_it_on() {
        let p = project("# A {#a}\n\nMembers shall declare any intrest.\n", "# エー {#a}\n\n本文。\n");
        assert!(findings(&p, &Spelling).is_empty());
        let p = project_with("# A {#a}\n\nMembers shall declare any intrest.\n", "# エー {#a}\n\n本文。\n", "");
        assert_eq!(findings(&p, &Spelling).len(), 1);
    }

    const JA: &str = "会員は利益相反を申告しなければならない。";

    fn text(arg: &Arg) -> String {
        match arg {
            Arg::Text(text) => text.clone(),
            Arg::Number(number) => number.to_string(),
        }
    }

    /// Message ids and first arguments of the findings on a one-paragraph pair.
    fn found_with(en: &str, config: &str) -> Vec<(String, String)> {
        let p = project_with(&format!("# Conflicts {{#a}}\n\n{en}\n"), &format!("# 利益相反 {{#a}}\n\n{JA}\n"), config);
        (findings(&p, &Spelling).into_iter())
            .map(|d| {
                let message = d.diagnostic.message;
                let value = message.args.iter().find(|(k, _)| *k == "word" || *k == "lint").map(|(_, v)| text(v));
                (message.id.to_string(), value.unwrap_or_default())
            })
            .collect()
    }

    fn found(en: &str) -> Vec<(String, String)> {
        found_with(en, "")
    }

    #[test]
    fn explanation_examples_fail_once_and_pass_with_the_check_on() {
        use codepub_core::i18n::{Localizer, UiLang};
        let explanation =
            crate::explain::Explanation::of(&Spelling, &Localizer::new(UiLang::English)).expect("explained");
        let run = |en: &str, ja: &str| {
            findings(&project_with(&format!("# T {{#t}}\n\n{en}\n"), &format!("# T {{#t}}\n\n{ja}\n"), ""), &Spelling)
        };
        assert_eq!(run(&explanation.fails.en, &explanation.fails.ja).len(), 1);
        assert!(run(&explanation.passes.en, &explanation.passes.ja).is_empty());
    }

    #[test]
    fn misspellings_are_reported_and_correct_english_passes() {
        let spelling = |word: &str| vec![("p025-spelling".to_string(), word.to_string())];
        let table: &[(&str, Vec<(String, String)>)] = &[
            ("Members shall declare any conflict of intrest.", spelling("intrest")),
            ("Members shall *recieve* no gifts.", spelling("recieve")),
            ("Members shall report to [the Secretariat](https://example.org/secretarait).", vec![]),
            ("Members shall run `recieve --now` daily.", vec![]),
            ("Members shall declare any conflict of interest.", vec![]),
            ("Members shall comply with ISO 9001:2015 and report to the ISO/CS and IEC.", vec![]),
            ("a) Members shall declare conflicts.", vec![]),
            ("Members consider socio-economic status.", vec![]),
            ("Members shall declare a interest.", vec![("p025-grammar".into(), "AnA".into())]),
            // The quiet lints: no serial comma, a long sentence.
            ("Members act with honesty, integrity and respect.", vec![]),
            // Other checks' findings: P010 (a doubled space), P019 (a repeated word).
            ("Members act with honesty,  integrity.", vec![]),
            ("Members act with the the honesty.", vec![]),
        ];
        for (en, expected) in table {
            assert_eq!(&found(en), expected, "{en}");
        }
    }

    #[test]
    fn the_japanese_is_not_read() {
        let p = project_with("# Conflicts {#a}\n\nMembers declare.\n", "# 利益相反 {#a}\n\nintrest recieve。\n", "");
        assert!(findings(&p, &Spelling).is_empty());
    }

    #[test]
    fn the_label_is_at_the_word_after_curly_quotes_and_em_dashes() {
        let en = "“Members” — ‘all of them’ — shall declare any intrest.";
        let p = project_with(&format!("# Conflicts {{#a}}\n\n{en}\n"), &format!("# 利益相反 {{#a}}\n\n{JA}\n"), "");
        let drafts = findings(&p, &Spelling);
        assert_eq!(drafts.len(), 1, "{drafts:?}");
        let span = &drafts[0].diagnostic.labels[0].span;
        assert_eq!(&p.sources.get(span.file).text[span.range()], "intrest");
        assert_eq!(span.column as usize, en.chars().position(|c| c == 'i').unwrap() + 1);
    }

    #[test]
    fn a_fix_is_offered_only_for_a_single_suggestion() {
        let p = project_with("# Conflicts {#a}\n\nMembers value transparancy.\n", "# 利益相反 {#a}\n\n本文。\n", "");
        let drafts = findings(&p, &Spelling);
        let fix = drafts[0].diagnostic.fix.as_ref().expect("one suggestion, a fix");
        assert_eq!(fix.replacement, "transparency");
        assert_eq!(&p.sources.get(fix.span.file).text[fix.span.range()], "transparancy");
        // “intrest”: interest, ingress, intent… no fix.
        let p =
            project_with("# Conflicts {#a}\n\nMembers shall declare any intrest.\n", "# 利益相反 {#a}\n\n本文。\n", "");
        assert!(findings(&p, &Spelling).iter().all(|d| d.diagnostic.fix.is_none()));
    }

    #[test]
    fn the_project_dictionary_and_the_glossary_add_known_words() {
        let en = "Members of Blandonnet and Zorbix shall declare.";
        assert_eq!(found(en).len(), 2);
        let mut p = project_with(&format!("# Conflicts {{#a}}\n\n{en}\n"), &format!("# 利益相反 {{#a}}\n\n{JA}\n"), "");
        p.dictionary.words.push("Blandonnet".into());
        crate::check::testing::glossary(&mut p, "Zorbix Council", "ゾルビクス評議会");
        assert!(findings(&p, &Spelling).is_empty());
    }

    #[test]
    fn grammar_false_keeps_spelling_alone_and_disable_turns_a_lint_off() {
        let en = "Members shall declare a interest and any intrest.";
        assert_eq!(found(en).len(), 2);
        assert_eq!(found_with(en, "[check.spelling]\ngrammar = false\n"), [("p025-spelling".into(), "intrest".into())]);
        assert_eq!(found_with(en, "[check.spelling]\ndisable = [\"AnA\"]\n").len(), 1);
    }

    #[test]
    fn an_unknown_lint_name_is_reported_on_codepub_toml() {
        let drafts = {
            let en = "# Conflicts {#a}\n\nMembers declare.\n";
            let p = project_with(en, "# 利益相反 {#a}\n\n本文。\n", "[check.spelling]\ndisable = [\"NoSuchLint\"]\n");
            findings(&p, &Spelling)
        };
        assert_eq!(drafts.len(), 1);
        assert_eq!(
            (drafts[0].diagnostic.message.id, drafts[0].address.to_string()),
            ("p025-unknown-lint", "codepub.toml".into())
        );
    }

    #[test]
    fn the_dialect_decides_british_and_american_spellings() {
        let en = "Members shall show good behaviour.";
        assert_eq!(found(en), [("p025-spelling".into(), "behaviour".into())]);
        assert!(found_with(en, "[check.spelling]\ndialect = \"british\"\n").is_empty());
    }

    #[test]
    fn a_word_of_another_dialect_in_the_project_dictionary_is_known() {
        let en = "Members shall show good behaviour.";
        let mut p = project_with(&format!("# Conflicts {{#a}}\n\n{en}\n"), &format!("# 利益相反 {{#a}}\n\n{JA}\n"), "");
        p.dictionary.words.push("behaviour".into());
        assert!(findings(&p, &Spelling).is_empty());
    }

    #[test]
    fn a_disabled_check_reports_nothing() {
        assert!(found_with("Members shall declare any intrest.", "[check.spelling]\nenabled = false\n").is_empty());
    }

    #[test]
    fn the_shipped_code_with_the_check_off_reports_nothing() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let project = codepub_core::load::load(&root).expect("the shipped Code loads");
        assert!(!project.config.check.spelling.enabled);
        assert!(findings(&project, &Spelling).is_empty());
    }

    #[test]
    fn no_input_panics_at_character_boundaries() {
        for en in ["é", "—intrest—", "`code`", "a)", "(", "“”", "🙂 intrest 🙂", "ｉｎｔｒｅｓｔ", "x\u{301}y"]
        {
            let p = project_with(&format!("# T {{#a}}\n\n{en}\n"), "# T {#a}\n\n本文。\n", "");
            let _ = findings(&p, &Spelling);
        }
    }
}

#[cfg(all(test, not(feature = "spelling")))]
mod unavailable {
    use super::*;
    use crate::check::testing::{findings, project, project_with};

    #[test]
    fn an_enabled_check_without_harper_reports_that_it_cannot_run() {
        let p = project_with(
            "# A {#a}\n\nMembers declare.\n",
            "# エー {#a}\n\n本文。\n",
            "[check.spelling]\nenabled = true\n",
        );
        let drafts = findings(&p, &Spelling);
        assert_eq!(drafts.len(), 1);
        assert_eq!(
            (drafts[0].diagnostic.message.id, drafts[0].address.to_string()),
            ("p025-unavailable", "codepub.toml".into())
        );
        let p = project("# A {#a}\n\nMembers.\n", "# エー {#a}\n\n本文。\n");
        assert!(findings(&p, &Spelling).is_empty());
    }
}
