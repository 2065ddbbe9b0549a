//! P009 glossary: a glossary term in a heading, paragraph or list expects its counterpart in the
//! paired text, both ways: an English term its Japanese term in the Japanese, and a Japanese
//! term its English term in the English.
//!
//! Terms are found as a reader counts them ([`TermFinder::longest`]): at each place the longest
//! glossary term, so 理事会 inside 技術管理理事会 is not counted when both are terms. English
//! terms match whole words, also with capitals where the term has lower case at the start of a
//! word (a sentence start, a heading in title case) or throughout (`THE COUNCIL`), and followed by `s`, `'s` or `’s` (`Council's`); a plural term also in the
//! singular (`multi-stakeholder` for `stakeholders`). Several entries may share a
//! term: any of their counterparts satisfies it. Each missing term is reported once per pair.
//! One automaton per language and run: the work is linear in the text.

use super::{Check, Context, Draft, Label, Severity, Unit, literal_span_in_text, push_text_without_refs};
use codepub_core::glossary::TermFinder;
use codepub_core::i18n::Message;
use codepub_core::model::Lang;
use codepub_core::pair::Pair;
use codepub_core::source::Span;

pub struct GlossaryTerms;

/// The span of bytes `offset..offset + len` of a unit's text, when one literal text inline
/// spells them.
pub(super) fn term_span(unit: &Unit<'_>, offset: usize, len: usize) -> Option<Span> {
    let mut text = String::new();
    let mut starts = Vec::new();
    for (i, group) in unit.groups.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        push_text_without_refs(group, &mut text, &mut starts);
    }
    let &(start, inline) = starts.iter().rev().find(|(start, _)| *start <= offset)?;
    literal_span_in_text(inline, offset - start, len)
}

/// The glossary's terms of both languages, and which terms of one language translate each of
/// the other's.
struct Terms {
    finders: Pair<TermFinder>,
    /// For each term of a language (its index in that language's finder), its counterparts'
    /// indices in the other's.
    counterparts: Pair<Vec<Vec<usize>>>,
    /// The English terms in any capitals, for whether the English mentions a term at all.
    english_mentioned: TermFinder,
}

impl Terms {
    fn of(cx: &Context<'_>) -> Self {
        let entries = &cx.project.glossary.terms;
        let finder = |lang| TermFinder::with_singulars(lang, entries.iter().map(|t| t.get(lang)));
        let finders = Pair::new(finder(Lang::En), finder(Lang::Ja));
        let mut counterparts = Pair::new(vec![Vec::new(); finders.en.len()], vec![Vec::new(); finders.ja.len()]);
        for entry in entries {
            let (Some(en), Some(ja)) = (finders.en.index(&entry.en), finders.ja.index(&entry.ja)) else { continue };
            for (lang, term, other) in [(Lang::En, en, ja), (Lang::Ja, ja, en)] {
                let list = &mut counterparts.get_mut(lang)[term];
                if !list.contains(&other) {
                    list.push(other);
                }
            }
        }
        let english_mentioned = TermFinder::with_singulars(Lang::En, entries.iter().map(|t| t.en.as_str())).any_case();
        Self { finders, counterparts, english_mentioned }
    }
}

impl Check for GlossaryTerms {
    fn code(&self) -> &'static str {
        "P009"
    }

    fn name(&self) -> &'static str {
        "glossary"
    }

    fn help(&self) -> &'static str {
        "help-p009"
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Draft>) {
        let terms = Terms::of(cx);
        if terms.finders.en.is_empty() {
            return;
        }
        // For each term, the pair it was last seen in (1-based) and where: reset by pair number,
        // never cleared, so a pair costs what its text does.
        let mut seen = Pair::new(vec![(0usize, 0usize); terms.finders.en.len()], vec![(0, 0); terms.finders.ja.len()]);
        let mut mentioned = vec![0usize; terms.english_mentioned.len()];
        for (number, pair) in cx.pairs.iter().enumerate() {
            let Some((en, ja)) = pair.sides.both() else { continue };
            let number = number + 1;
            let mut found = Pair::new(Vec::new(), Vec::new());
            for (lang, unit) in [(Lang::En, en), (Lang::Ja, ja)] {
                for occurrence in terms.finders.get(lang).longest(&unit.text) {
                    let slot = &mut seen.get_mut(lang)[occurrence.term];
                    if slot.0 != number {
                        *slot = (number, occurrence.range.start);
                        found.get_mut(lang).push(occurrence.term);
                    }
                }
            }
            if !found.ja.is_empty() {
                for occurrence in terms.english_mentioned.all(&en.text) {
                    mentioned[occurrence.term] = number;
                }
            }
            for lang in Lang::BOTH {
                for &term in found.get(lang) {
                    let alternatives = &terms.counterparts.get(lang)[term];
                    let other = terms.finders.get(lang.other());
                    let present = |t: usize| match lang {
                        Lang::En => seen.ja[t].0 == number,
                        Lang::Ja => mentioned[t] == number,
                    };
                    if alternatives.iter().any(|&t| present(t)) {
                        continue;
                    }
                    let written = terms.finders.get(lang).term(term);
                    let expected: Vec<&str> = alternatives.iter().map(|&t| other.term(t)).collect();
                    let expected = expected.join(" / ");
                    let at = seen.get(lang)[term].1;
                    let (unit, target) = if lang == Lang::En { (en, ja) } else { (ja, en) };
                    let here = term_span(unit, at, written.len()).unwrap_or_else(|| unit.span.clone());
                    let draft = match lang {
                        Lang::En => Draft::new(
                            Message::new("p009-term-missing").arg("en", written).arg("ja", &expected),
                            &pair.address,
                            Some(Lang::Ja),
                        )
                        .label(
                            Label::new(Lang::Ja, target.span)
                                .with(Message::new("label-term-expected").arg("ja", &expected)),
                        )
                        .label(Label::new(Lang::En, &here).with(Message::new("label-term-here").arg("en", written))),
                        Lang::Ja => Draft::new(
                            Message::new("p009-english-term-missing").arg("ja", written).arg("en", &expected),
                            &pair.address,
                            Some(Lang::Ja),
                        )
                        .label(
                            Label::new(Lang::Ja, &here)
                                .with(Message::new("label-japanese-term-here").arg("ja", written)),
                        )
                        .label(
                            Label::new(Lang::En, target.span)
                                .with(Message::new("label-english-term-expected").arg("en", &expected)),
                        )
                        .help(Message::new("help-p009-english-term-missing"))
                        // A Japanese term is often part of a longer word (電波 in 電波法): a warning.
                        .severity(Severity::Warning),
                    };
                    out.push(draft.excerpt(written));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, glossary, project};
    use codepub_core::i18n::Arg;

    /// The message and its arguments of each finding on a one-paragraph pair, with `terms`.
    fn found(en: &str, ja: &str, terms: &[(&str, &str)]) -> Vec<String> {
        let mut p = project(&format!("# A {{#a}}\n\n{en}\n"), &format!("# エー {{#a}}\n\n{ja}\n"));
        for (en, ja) in terms {
            glossary(&mut p, en, ja);
        }
        (findings(&p, &GlossaryTerms).iter())
            .map(|d| {
                let args: Vec<String> = (d.diagnostic.message.args.iter())
                    .map(|(_, a)| match a {
                        Arg::Text(t) => t.clone(),
                        Arg::Number(n) => n.to_string(),
                    })
                    .collect();
                format!("{} {}", d.diagnostic.message.id, args.join(" "))
            })
            .collect()
    }

    const COUNCIL: &[(&str, &str)] = &[("Council", "理事会")];

    /// English, Japanese, glossary, what is reported (empty: passes).
    type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);

    #[test]
    fn failing_and_passing_pairs_both_ways() {
        // (English, Japanese, glossary, what is reported; empty: passes).
        let tmb: &[(&str, &str)] = &[("Council", "理事会"), ("Technical Management Board", "技術管理理事会")];
        let shared: &[(&str, &str)] = &[("Council", "理事会"), ("Board", "理事会")];
        let consensus: &[(&str, &str)] = &[("consensus", "コンセンサス")];
        let table: &[Row<'_>] = &[
            (
                "under the responsibility of Council.",
                "評議会の責任下にあります。",
                COUNCIL,
                &["p009-term-missing Council 理事会"],
            ),
            (
                "under the responsibility of ISO.",
                "理事会の責任下にあります。",
                COUNCIL,
                &["p009-english-term-missing 理事会 Council"],
            ),
            // The longest term counts: 理事会 inside 技術管理理事会 is not the Council.
            ("the Technical Management Board decides.", "技術管理理事会が決定する。", tmb, &[]),
            (
                "the Council decides.",
                "技術管理理事会が決定する。",
                tmb,
                &[
                    "p009-term-missing Council 理事会",
                    "p009-english-term-missing 技術管理理事会 Technical Management Board",
                ],
            ),
            // Several entries share a Japanese term: any of their English terms satisfies it.
            ("the Board decides.", "理事会が決定する。", shared, &[]),
            ("ISO decides.", "理事会が決定する。", shared, &["p009-english-term-missing 理事会 Council / Board"]),
            // The English mentions the term, in other capitals: the Japanese term is accounted for.
            ("this code of conduct applies.", "この行動規範は適用される。", &[("Code of Conduct", "行動規範")], &[]),
            ("this code of conduct applies.", "この規範は適用される。", &[("Code of Conduct", "行動規範")], &[]),
            // Possessive, plural, a sentence start.
            ("the Council's decision.", "理事会の決定。", COUNCIL, &[]),
            ("a multi-stakeholder approach.", "複数の利害関係者による手法。", &[("stakeholders", "利害関係者")], &[]),
            ("Consensus is sought.", "コンセンサスを求める。", consensus, &[]),
            ("Consensus is sought.", "合意を求める。", consensus, &["p009-term-missing consensus コンセンサス"]),
            // Not the term: other capitals, a longer word.
            ("the council decides, as Councillors do.", "評議会が決定する。", COUNCIL, &[]),
            ("under the responsibility of Council.", "理事会の責任下にあります。", COUNCIL, &[]),
        ];
        for (en, ja, terms, expected) in table {
            assert_eq!(&found(en, ja, terms), expected, "{en} | {ja}");
        }
    }

    #[test]
    fn each_missing_term_is_reported_once_per_pair() {
        let found = found("Council and Council's members", "評議会と評議会の会員", COUNCIL);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_japanese_term_without_its_english_is_labelled_at_the_term_and_the_english() {
        let mut p =
            project("# A {#a}\n\nunder the *responsibility* of ISO.\n", "# エー {#a}\n\nその**理事会**の責任。\n");
        glossary(&mut p, "Council", "理事会");
        let found = findings(&p, &GlossaryTerms);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt.as_deref(), Some("理事会"));
        assert_eq!(found[0].severity, Some(Severity::Warning), "the Japanese-to-English direction warns");
        let labels = &found[0].diagnostic.labels;
        assert_eq!((labels[0].lang, labels[1].lang), (Lang::Ja, Lang::En));
        let ja = p.sources.get(labels[0].span.file);
        assert_eq!(&ja.text[labels[0].span.range()], "理事会");
    }

    #[test]
    fn term_translated_otherwise_is_reported_at_the_english_term() {
        let mut p =
            project("# A {#a}\n\nunder the responsibility of Council.\n", "# A {#a}\n\n評議会の責任下にあります。\n");
        glossary(&mut p, "Council", "理事会");
        let found = findings(&p, &GlossaryTerms);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt.as_deref(), Some("Council"));
        assert_eq!(found[0].severity, None, "the check's default: error");
        let en = &found[0].diagnostic.labels[1];
        assert_eq!(&p.sources.get(en.span.file).text[en.span.range()], "Council");
    }

    #[test]
    fn five_hundred_terms_on_two_thousand_paragraphs_run() {
        let terms: Vec<(String, String)> =
            (0..500).map(|i| (format!("Term{i} Body"), format!("用語{i}機関"))).collect();
        let mut en = String::from("# A {#a}\n\n");
        let mut ja = String::from("# エー {#a}\n\n");
        for i in 0..2000 {
            en.push_str(&format!("The Term{} Body and the Term{} Body decide.\n\n", i % 500, (i * 7) % 500));
            ja.push_str(&format!("用語{}機関が決定する。\n\n", i % 500));
        }
        let mut p = project(&en, &ja);
        for (en, ja) in &terms {
            glossary(&mut p, en, ja);
        }
        let alignment = p.alignment();
        let cx = Context::new(&p, &alignment);
        let mut found = Vec::new();
        let started = std::time::Instant::now();
        GlossaryTerms.run(&cx, &mut found);
        eprintln!("P009: 500 terms, 2000 paragraphs: {:?}", started.elapsed());
        // Every paragraph whose second term differs from its first misses its Japanese.
        assert_eq!(found.len(), (0..2000).filter(|i| i % 500 != (i * 7) % 500).count());
    }

    #[test]
    fn the_explanation_examples_fail_and_pass() {
        let l10n = codepub_core::i18n::Localizer::new(codepub_core::i18n::UiLang::English);
        let explanation = crate::explain::Explanation::of(&GlossaryTerms, &l10n).expect("explained");
        let terms: &[(&str, &str)] = &[("Ethics Committee", "倫理委員会")];
        assert_eq!(found(&explanation.fails.en, &explanation.fails.ja, terms).len(), 1);
        assert!(found(&explanation.passes.en, &explanation.passes.ja, terms).is_empty());
    }
}
