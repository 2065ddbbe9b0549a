//! P022 terms: a forbidden or deprecated term, in either language, as the glossary lists them
//! (`[[forbidden]]` tables, or `en_forbidden`, `ja_forbidden`, `en_deprecated`, `ja_deprecated`
//! on a `[[term]]`, see [`codepub_core::glossary`]).
//!
//! - A forbidden term is an error, a deprecated one a warning (per finding, whatever the
//!   check's default).
//! - English terms match whole words, as written, or with capitals where the term has lower
//!   case at the start of a word or throughout (see [`codepub_core::glossary`]), also followed
//!   by `s`, `'s` or `’s`; Japanese terms literally.
//! - An approved term wins: an occurrence inside one of the glossary's terms of that language or
//!   a preferred term (`use`) is not reported, so forbidding 評議会 leaves 技術管理評議会 alone
//!   when that is a glossary term. Of two banned terms found one inside the other, the longer
//!   is reported.
//! - With exactly one preferred term, the fix replaces the occurrence by it (capitalised as the
//!   occurrence was) when the source spells the occurrence literally.

use super::glossary::term_span;
use super::{Check, Context, Draft, Fix, Label, Severity};
use codepub_core::glossary::{Banned, Status, TermFinder};
use codepub_core::i18n::Message;
use codepub_core::model::Lang;

pub struct ForbiddenTerms;

/// The preferred term written as the occurrence was: in capitals when an English term with
/// lower case was found in capitals (`THE CHAIRMAN`), capitalised when its first letter was
/// (a sentence start).
fn as_written(preferred: &str, banned: &str, found: &str) -> String {
    let has_lower = |text: &str| text.chars().any(char::is_lowercase);
    if found.chars().count() > 1 && !has_lower(found) && has_lower(banned) {
        return preferred.to_uppercase();
    }
    let capitalised =
        found.chars().next().is_some_and(char::is_uppercase) && banned.chars().next().is_some_and(char::is_lowercase);
    let mut chars = preferred.chars();
    match chars.next() {
        Some(first) if capitalised => first.to_uppercase().chain(chars).collect(),
        _ => preferred.to_string(),
    }
}

fn report(
    address: &codepub_core::address::Address,
    unit: &super::Unit<'_>,
    range: std::ops::Range<usize>,
    banned: &Banned,
) -> Draft {
    let lang = unit.lang;
    let found = &unit.text[range.clone()];
    let id = match banned.status {
        Status::Forbidden => "p022-forbidden",
        Status::Deprecated => "p022-deprecated",
    };
    let literal = term_span(unit, range.start, range.len());
    let at = literal.clone().unwrap_or_else(|| unit.span.clone());
    let preferred: Vec<String> = banned.preferred.iter().map(|p| as_written(p, &banned.term, found)).collect();
    let preferred = preferred.join(" / ");
    let mut label = Label::new(lang, &at);
    let mut draft = Draft::new(Message::new(id).arg("term", &banned.term), address, Some(lang)).excerpt(found);
    if !banned.preferred.is_empty() {
        label = label.with(Message::new("label-p022-use").arg("use", &preferred));
        draft = draft.help(Message::new("help-p022-use").arg("term", found).arg("use", &preferred));
    }
    draft = draft.label(label);
    if let Some(reason) = banned.reason.as_deref().filter(|r| !r.trim().is_empty()) {
        draft = draft.note(Message::new("note-p022-reason").arg("reason", reason));
    }
    if banned.status == Status::Deprecated {
        draft = draft.severity(Severity::Warning);
    }
    let fix =
        (banned.preferred.len() == 1).then_some(literal).flatten().map(|span| Fix { span, replacement: preferred });
    draft.fix(fix)
}

impl Check for ForbiddenTerms {
    fn code(&self) -> &'static str {
        "P022"
    }

    fn name(&self) -> &'static str {
        "terms"
    }

    fn help(&self) -> &'static str {
        "help-p022"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let all_banned = cx.project.glossary.banned();
        for lang in Lang::BOTH {
            let banned: Vec<&Banned> = all_banned.iter().filter(|b| b.lang == lang).collect();
            if banned.is_empty() {
                continue;
            }
            // Banned terms first (the first entry of a term wins), then the approved ones.
            let approved = (cx.project.glossary.terms.iter().map(|t| t.get(lang)))
                .chain(banned.iter().flat_map(|b| b.preferred.iter().map(String::as_str)));
            let finder = TermFinder::new(lang, banned.iter().map(|b| b.term.as_str()).chain(approved.clone()));
            let mut entry: Vec<Option<&Banned>> = vec![None; finder.len()];
            for b in &banned {
                if let Some(slot) = finder.index(&b.term).map(|i| &mut entry[i]) {
                    slot.get_or_insert(b);
                }
            }
            let mut is_approved = vec![false; finder.len()];
            for term in approved {
                if let Some(i) = finder.index(term) {
                    is_approved[i] = true;
                }
            }
            for (address, unit) in cx.units(lang) {
                // By start, longest first: an approved or reported term seen so far covers up to
                // these ends.
                let (mut approved_end, mut reported_end) = (0, 0);
                for occurrence in finder.all(&unit.text) {
                    let range = occurrence.range;
                    if is_approved[occurrence.term] {
                        approved_end = approved_end.max(range.end);
                        continue;
                    }
                    let Some(banned) = entry[occurrence.term] else { continue };
                    if approved_end >= range.end || reported_end >= range.end {
                        continue;
                    }
                    reported_end = range.end;
                    out.push(report(address, unit, range, banned));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, project};
    use codepub_core::glossary::Glossary;

    fn with_glossary(en: &str, ja: &str, glossary: &str) -> (codepub_core::load::Project, Vec<Draft>) {
        let mut p = project(&format!("# A {{#a}}\n\n{en}\n"), &format!("# エー {{#a}}\n\n{ja}\n"));
        let mut parsed: Glossary =
            codepub_core::config::parse_toml(glossary, "content/glossary.toml").expect("glossary parses");
        parsed.normalize();
        p.glossary = parsed;
        let found = findings(&p, &ForbiddenTerms);
        (p, found)
    }

    /// What is reported: the language, the text found, and the fix's replacement if any.
    fn found(en: &str, ja: &str, glossary: &str) -> Vec<String> {
        let (p, drafts) = with_glossary(en, ja, glossary);
        (drafts.iter())
            .map(|d| {
                let fix =
                    d.diagnostic.fix.as_ref().map(|f| {
                        format!(" -> {} ({})", f.replacement, &p.sources.get(f.span.file).text[f.span.range()])
                    });
                format!("{} {}{}", d.lang.unwrap().code(), d.excerpt.as_deref().unwrap(), fix.unwrap_or_default())
            })
            .collect()
    }

    const EN: &str = "Members report to the Council.";
    const JA: &str = "会員は理事会に報告する。";
    const COUNCIL: &str = "[[term]]\nen = \"Council\"\nja = \"理事会\"\n";
    const HYOGIKAI: &str = "[[forbidden]]\nlang = \"ja\"\nterm = \"評議会\"\nuse = \"理事会\"\n";
    const CHAIRMAN: &str = "[[forbidden]]\nlang = \"en\"\nterm = \"chairman\"\nuse = \"chair\"\n";

    #[test]
    fn failing_and_passing_pairs() {
        let tmb =
            format!("{COUNCIL}[[term]]\nen = \"Technical Management Board\"\nja = \"技術管理評議会\"\n{HYOGIKAI}");
        let shorthand =
            "[[term]]\nen = \"Council\"\nja = \"理事会\"\nja_forbidden = [\"評議会\"]\nen_deprecated = [\"Board\"]\n";
        let no_use = "[[forbidden]]\nlang = \"en\"\nterm = \"whilst\"\n";
        let two_uses = "[[forbidden]]\nlang = \"ja\"\nterm = \"規定\"\nuse = [\"規程\", \"規則\"]\n";
        let table: &[(&str, &str, &str, &[&str])] = &[
            (EN, "会員は評議会に報告する。", HYOGIKAI, &["ja 評議会 -> 理事会 (評議会)"]),
            (
                "The chairman and the Chairman's office.",
                JA,
                CHAIRMAN,
                &["en chairman -> chair (chairman)", "en Chairman -> Chair (Chairman)"],
            ),
            ("Chairmanship is open.", JA, CHAIRMAN, &[]),
            ("THE CHAIRMAN SPEAKS", JA, CHAIRMAN, &["en CHAIRMAN -> CHAIR (CHAIRMAN)"]),
            ("The Council hears the CHAIRMan.", JA, CHAIRMAN, &[]),
            (EN, "会員は評議会に報告する。", shorthand, &["ja 評議会 -> 理事会 (評議会)"]),
            ("The Board decides.", JA, shorthand, &["en Board -> Council (Board)"]),
            ("We act whilst reporting.", JA, no_use, &["en whilst"]),
            (EN, "規定に従う。", two_uses, &["ja 規定"]),
            // Inside an approved term: a glossary term or a preferred one.
            ("The Technical Management Board decides.", "技術管理評議会が決定する。", &tmb, &[]),
            (EN, "技術管理評議会と評議会。", &tmb, &["ja 評議会 -> 理事会 (評議会)"]),
            (EN, "理事会に報告する。", "[[forbidden]]\nlang = \"ja\"\nterm = \"会\"\nuse = \"理事会\"\n", &[]),
            (
                EN,
                "会員は理事会に報告する。",
                "[[forbidden]]\nlang = \"ja\"\nterm = \"会\"\nuse = \"理事会\"\n",
                &["ja 会 -> 理事会 (会)"],
            ),
            // Of two banned terms one inside the other, the longer.
            (
                EN,
                "管理評議会に報告する。",
                "[[forbidden]]\nlang = \"ja\"\nterm = \"評議会\"\n[[forbidden]]\nlang = \"ja\"\nterm = \"管理評議会\"\n",
                &["ja 管理評議会"],
            ),
            (EN, JA, HYOGIKAI, &[]),
        ];
        for (en, ja, glossary, expected) in table {
            assert_eq!(&found(en, ja, glossary), expected, "{en} | {ja} | {glossary}");
        }
    }

    #[test]
    fn forbidden_is_an_error_and_deprecated_a_warning_with_the_reason_noted() {
        let glossary = "[[forbidden]]\nlang = \"ja\"\nterm = \"評議会\"\nuse = \"理事会\"\n\
                        [[forbidden]]\nlang = \"en\"\nterm = \"Board\"\nuse = \"Council\"\nstatus = \"deprecated\"\nreason = \"renamed in 2020\"\n";
        let (_, drafts) = with_glossary("The Board decides.", "評議会が決定する。", glossary);
        let by_lang = |lang| drafts.iter().find(|d| d.lang == Some(lang)).expect("a finding");
        assert_eq!(by_lang(Lang::Ja).severity, None, "the check's default: error");
        assert_eq!(by_lang(Lang::Ja).diagnostic.message.id, "p022-forbidden");
        assert_eq!(by_lang(Lang::En).severity, Some(Severity::Warning));
        assert_eq!(by_lang(Lang::En).diagnostic.message.id, "p022-deprecated");
        assert_eq!(by_lang(Lang::En).diagnostic.notes[0].id, "note-p022-reason");
        assert!(by_lang(Lang::Ja).diagnostic.notes.is_empty());
    }

    #[test]
    fn a_deprecated_term_warns_in_a_full_run_and_errs_with_deny_warnings() {
        let glossary = "[[forbidden]]\nlang = \"en\"\nterm = \"Board\"\nstatus = \"deprecated\"\n";
        let (p, _) = with_glossary("The Board decides.", JA, glossary);
        let alignment = p.alignment();
        let cx = Context::new(&p, &alignment);
        let checks: Vec<Box<dyn Check>> = vec![Box::new(ForbiddenTerms)];
        for (deny_warnings, expected) in [(false, Severity::Warning), (true, Severity::Error)] {
            let options = super::super::RunOptions { no_baseline: true, deny_warnings };
            let report = super::super::run_checks(&cx, &checks, options);
            assert_eq!(report.findings[0].severity(), expected);
        }
    }

    #[test]
    fn the_term_is_labelled_and_an_escaped_occurrence_gets_no_fix() {
        let (p, drafts) = with_glossary(EN, "会員は*評議会*に報告する。", HYOGIKAI);
        let label = &drafts[0].diagnostic.labels[0];
        assert_eq!(&p.sources.get(label.span.file).text[label.span.range()], "評議会");
        assert!(drafts[0].diagnostic.fix.is_some());
        let (_, drafts) = with_glossary(EN, "会員は評&#35696;会に報告する。", HYOGIKAI);
        assert_eq!(drafts.len(), 1);
        assert!(drafts[0].diagnostic.fix.is_none(), "the source does not spell the term literally");
    }

    #[test]
    fn five_hundred_terms_on_two_thousand_paragraphs_run() {
        let mut glossary = String::new();
        for i in 0..500 {
            glossary.push_str(&format!("[[forbidden]]\nlang = \"ja\"\nterm = \"禁止{i}号\"\nuse = \"許可{i}号\"\n"));
            glossary.push_str(&format!("[[forbidden]]\nlang = \"en\"\nterm = \"banned{i}\"\n"));
        }
        let mut en = String::from("# A {#a}\n\n");
        let mut ja = String::from("# エー {#a}\n\n");
        for i in 0..2000 {
            en.push_str(&format!("Members use banned{} and allowed{i} words.\n\n", i % 500));
            ja.push_str(&format!("会員は許可{i}号と禁止{}号を使う。\n\n", i % 500));
        }
        let (p, _) = with_glossary("", "", &glossary);
        let mut p2 = project(&en, &ja);
        p2.glossary = p.glossary;
        let alignment = p2.alignment();
        let cx = Context::new(&p2, &alignment);
        let mut drafts = Vec::new();
        let started = std::time::Instant::now();
        ForbiddenTerms.run(&cx, &mut drafts);
        eprintln!("P022: 1000 banned terms, 2000 paragraphs: {:?}", started.elapsed());
        assert_eq!(drafts.len(), 4000);
    }

    #[test]
    fn the_explanation_examples_fail_and_pass() {
        let l10n = codepub_core::i18n::Localizer::new(codepub_core::i18n::UiLang::English);
        let explanation = crate::explain::Explanation::of(&ForbiddenTerms, &l10n).expect("explained");
        let glossary = "[[term]]\nen = \"Ethics Committee\"\nja = \"倫理委員会\"\nja_forbidden = [\"倫理審査会\"]\n";
        assert_eq!(found(&explanation.fails.en, &explanation.fails.ja, glossary).len(), 1);
        assert!(found(&explanation.passes.en, &explanation.passes.ja, glossary).is_empty());
    }
}
