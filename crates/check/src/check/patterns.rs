//! P024 patterns: the project's own checklist of regular expressions, per language, from
//! `[[check.patterns]]` in codepub.toml. Each rule names a language (`en`, `ja` or `both`), a
//! pattern (the `regex` crate's syntax), the message a match is reported with (one text, or one
//! per UI language), a severity (`error` by default, or `warning`), optionally a replacement (the
//! fix, `$1` naming a group) and a name.
//!
//! Every match is a finding at the match, in headings, paragraphs, list items, footnotes and the
//! edition matter (back covers) of the rule's languages, blocks without counterpart included:
//! the rule is about the text, not the pair. The paired heading or block of the other language is
//! the secondary label. Each inline group (a heading, a paragraph, one list item) is searched on
//! its own, its line breaks as `\n`; code spans, link targets and footnote references are not
//! read, and a match that would take in a code span or that is empty is left out. A finding's
//! values are the rule's name (its pattern when it has none) and the matched text, so a baseline
//! entry accepts one rule's match at one address. The fix replaces the match when the source
//! spells it literally (no escape or markup inside).
//!
//! A pattern that is not a valid regular expression is reported once, on codepub.toml, and its
//! rule is left out; a bad `lang` or `severity` is an error in codepub.toml at its line.

use regex::Regex;

use super::brackets::{CODE, Char, char_span, chars_of, excerpt, literal_span};
use super::{Check, Context, Draft, Fix, Label, Unit};
use codepub_core::address::Address;
use codepub_core::config::PatternRule;
use codepub_core::i18n::Message;
use codepub_core::source::Span;

pub struct Patterns;

/// A rule whose pattern compiled.
struct Compiled<'a> {
    rule: &'a PatternRule,
    regex: Regex,
}

impl Check for Patterns {
    fn code(&self) -> &'static str {
        "P024"
    }

    fn name(&self) -> &'static str {
        "patterns"
    }

    fn help(&self) -> &'static str {
        "help-p024"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let mut rules = Vec::new();
        for rule in &cx.project.config.check.patterns {
            match Regex::new(&rule.pattern) {
                Ok(regex) => rules.push(Compiled { rule, regex }),
                Err(_) => out.push(
                    Draft::new(Message::new("p024-bad-pattern").arg("pattern", &rule.pattern), "codepub.toml", None)
                        .severity(super::Severity::Error),
                ),
            }
        }
        if rules.is_empty() {
            return;
        }
        for pair in &cx.pairs {
            for (lang, unit) in pair.sides.present() {
                let other = pair.side(lang.other()).map(|u| u.span);
                search(&rules, &pair.address, unit, other, out);
            }
        }
        for (address, unit) in &cx.colophon {
            search(&rules, address, unit, None, out);
        }
    }
}

/// The findings of every rule of `unit`'s language in `unit`.
fn search(rules: &[Compiled<'_>], address: &Address, unit: &Unit<'_>, other: Option<&Span>, out: &mut Vec<Draft>) {
    let rules: Vec<&Compiled<'_>> = rules.iter().filter(|c| c.rule.lang.covers(unit.lang)).collect();
    if rules.is_empty() {
        return;
    }
    for group in &unit.groups {
        let chars = chars_of(group);
        // The group's text, and the index in `chars` of each byte's character.
        let mut text = String::new();
        let mut at = Vec::new();
        for (i, ch) in chars.iter().enumerate() {
            text.push(ch.c);
            at.extend(std::iter::repeat_n(i, ch.c.len_utf8()));
        }
        for compiled in &rules {
            for captures in compiled.regex.captures_iter(&text) {
                let Some(found) = captures.get(0) else { continue };
                if found.is_empty() || found.as_str().contains(CODE) {
                    continue;
                }
                let range = at[found.start()]..at[found.end() - 1] + 1;
                out.push(draft(compiled, address, unit, other, &chars, range, &captures));
            }
        }
    }
}

fn draft(
    compiled: &Compiled<'_>,
    address: &Address,
    unit: &Unit<'_>,
    other: Option<&Span>,
    chars: &[Char<'_>],
    range: std::ops::Range<usize>,
    captures: &regex::Captures<'_>,
) -> Draft {
    let rule = compiled.rule;
    let found = &captures[0];
    let texts = rule.message.texts();
    let message = match &rule.name {
        Some(name) => Message::new("p024-match-named").arg("name", name),
        None => Message::new("p024-match"),
    };
    let message = message.arg("en", texts.en).arg("ja", texts.ja).arg("found", found);
    let literal = literal_span(&chars[range.clone()]);
    let label = literal.clone().unwrap_or_else(|| char_span(&chars[range.start], unit.span));
    let mut draft = Draft::new(message, address, Some(unit.lang))
        .label(Label::new(unit.lang, &label))
        .excerpt(excerpt(chars, range, 8))
        .values(vec![rule.name.clone().unwrap_or_else(|| rule.pattern.clone()), found.to_string()])
        .severity(rule.severity);
    if let Some(other) = other {
        draft = draft.label(Label::new(unit.lang.other(), other));
    }
    if let Some(replace) = &rule.replace {
        let mut replacement = String::new();
        captures.expand(replace, &mut replacement);
        draft = draft.help(Message::new("help-p024-replace").arg("found", found).arg("replacement", &replacement));
        let fix = literal.filter(|_| replacement != found).map(|span| Fix { span, replacement });
        draft = draft.fix(fix);
    }
    draft
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project_with};
    use codepub_core::model::Lang;

    const EN: &str = "# Rules {#a}\n\nPlease write to us.\n";
    const JA: &str = "# 規則 {#a}\n\n連絡して下さい。\n";

    /// A rule's language and pattern, and each finding's language and match.
    type Case<'a> = (&'a str, &'a str, &'a [(Lang, &'a str)]);

    fn rule(lang: &str, pattern: &str, extra: &str) -> String {
        format!("[[check.patterns]]\nlang = \"{lang}\"\npattern = '{pattern}'\nmessage = \"m\"\n{extra}\n")
    }

    /// (language, matched text) of each finding.
    fn found(en: &str, ja: &str, config: &str) -> Vec<(Lang, String)> {
        let p = project_with(en, ja, config);
        (findings(&p, &Patterns).into_iter()).map(|d| (d.lang.unwrap(), d.values.unwrap()[1].clone())).collect()
    }

    #[test]
    fn failing_and_passing_rules() {
        // (rule, what is found in EN and JA).
        let table: &[Case] = &[
            ("ja", "下さい", &[(Lang::Ja, "下さい")]),
            ("en", "(?i)please", &[(Lang::En, "Please")]),
            ("both", "(?i)please|下さい", &[(Lang::En, "Please"), (Lang::Ja, "下さい")]),
            ("en", "規則", &[]),
            ("ja", "Rules", &[]),
            ("both", "x^", &[]),
            ("ja", "(?m)^", &[]),
        ];
        for (lang, pattern, expected) in table {
            let expected: Vec<(Lang, String)> = expected.iter().map(|(l, t)| (*l, t.to_string())).collect();
            assert_eq!(found(EN, JA, &rule(lang, pattern, "")), expected, "{lang} {pattern}");
        }
    }

    #[test]
    fn headings_list_items_and_footnotes_are_searched_but_not_code_spans_or_link_targets() {
        let en = "# Do not {#a}\n\n- do not\n- `do not` [x](https://do.not/)\n\nText.[^1]\n\n[^1]: do not\n";
        let ja = "# 規則 {#a}\n\n- 一\n- 二\n\n本文。[^1]\n\n[^1]: 注\n";
        let found = found(en, ja, &rule("en", "(?i)do not", ""));
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn a_finding_has_its_message_severity_labels_values_and_fix() {
        let config = rule("ja", "下(さ)い", "severity = \"warning\"\nreplace = \"く$1い\"\nname = \"kana-kudasai\"");
        let p = project_with(EN, JA, &config);
        let drafts = findings(&p, &Patterns);
        let [draft] = &drafts[..] else { panic!("{drafts:?}") };
        assert_eq!(draft.diagnostic.message.id, "p024-match-named");
        assert_eq!(draft.severity, Some(codepub_core::diagnostic::Severity::Warning));
        assert_eq!(draft.values.as_deref(), Some(&["kana-kudasai".to_string(), "下さい".to_string()][..]));
        let text = |span: &Span| p.sources.get(span.file).text[span.range()].to_string();
        let labels = &draft.diagnostic.labels;
        assert_eq!((labels[0].lang, text(&labels[0].span)), (Lang::Ja, "下さい".into()));
        assert_eq!(labels[1].lang, Lang::En);
        let fix = draft.diagnostic.fix.as_ref().expect("a fix");
        assert_eq!((text(&fix.span), fix.replacement.as_str()), ("下さい".into(), "くさい"));
        // Without `name`, the values name the pattern; without `replace`, no fix.
        let drafts = findings(&project_with(EN, JA, &rule("ja", "下さい", "")), &Patterns);
        assert_eq!(drafts[0].values.as_ref().unwrap()[0], "下さい");
        assert_eq!(drafts[0].diagnostic.message.id, "p024-match");
        assert_eq!(drafts[0].severity, Some(codepub_core::diagnostic::Severity::Error));
        assert!(drafts[0].diagnostic.fix.is_none());
    }

    #[test]
    fn no_fix_where_the_source_does_not_spell_the_match_literally() {
        let ja = "# 規則 {#a}\n\n連絡して*下*さい。\n";
        let drafts = findings(&project_with(EN, ja, &rule("ja", "下さい", "replace = \"ください\"")), &Patterns);
        assert_eq!(drafts.len(), 1);
        assert!(drafts[0].diagnostic.fix.is_none());
    }

    #[test]
    fn an_invalid_pattern_is_reported_on_the_config_and_the_other_rules_still_run() {
        let config = format!("{}{}", rule("ja", "下(さい", ""), rule("ja", "下さい", ""));
        let drafts = findings(&project_with(EN, JA, &config), &Patterns);
        let ids: Vec<(&str, String)> =
            drafts.iter().map(|d| (d.diagnostic.message.id, d.address.to_string())).collect();
        assert_eq!(ids, [("p024-bad-pattern", "codepub.toml".into()), ("p024-match", "a#1".into())]);
    }

    #[test]
    fn matches_at_character_boundaries_do_not_panic() {
        for pattern in [".", "\\b", "(?s).*", "[^あ]", "𠮷", "\\p{Han}+$"] {
            let _ =
                found("# A {#a}\n\n𠮷é a.\n", "# ア {#a}\n\n𠮷あ`x`い。\n", &rule("both", pattern, "replace = \"$9\""));
        }
    }

    #[test]
    fn the_explanation_examples_fail_and_pass_with_the_config_they_show() {
        let l10n = codepub_core::i18n::Localizer::new(codepub_core::i18n::UiLang::English);
        let explanation = crate::explain::Explanation::of(&Patterns, &l10n).expect("explained");
        let config = "[[check.patterns]]\nlang = \"ja\"\npattern = \"下さい\"\nmessage = \"write ください in kana\"\n\
                      replace = \"ください\"\nname = \"kana-kudasai\"\n";
        let run = |en: &str, ja: &str| {
            findings(
                &project_with(&format!("# T {{#t}}\n\n{en}\n"), &format!("# T {{#t}}\n\n{ja}\n"), config),
                &Patterns,
            )
        };
        assert_eq!(run(&explanation.fails.en, &explanation.fails.ja).len(), 1);
        assert!(run(&explanation.passes.en, &explanation.passes.ja).is_empty());
        assert!(explanation.config.contains(config.lines().nth(2).unwrap()), "the explanation shows this config");
    }
}
