//! The long explanation of each check, as `codepub explain P004` prints it (like `rustc
//! --explain`): what the check compares, why it matters, a pair it reports and one it passes,
//! what configures it and how to accept a finding.
//!
//! The text lives in Fluent (`locales/*/explain.ftl`, one message a check with an attribute per
//! section), so it speaks the interface language; this module only arranges it. The same
//! [`Explanation`] is written as plain text for the terminal, as Markdown for `docs/checks.md`
//! and SARIF's `help.markdown` (GitHub code scanning shows it beside an alert), and as a section
//! of the manual page: one source, so none of them drifts from the others.

use std::fmt::Write as _;

use crate::check::{Check, Severity, all_checks};
use codepub_core::i18n::{Localizer, Message};

/// One check's explanation, formatted in one interface language.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub title: String,
    pub compares: String,
    pub why: String,
    pub fails: ExamplePair,
    /// What codepub reports on `fails`.
    pub reported: String,
    pub passes: ExamplePair,
    pub config: String,
    /// The rules in full, where a check has more of them than `compares` says (P004).
    pub details: Option<String>,
    /// How to accept a finding, and a baseline entry for this check.
    pub accept: String,
    pub accept_example: String,
}

/// An English source and its Japanese, as written in the Markdown files.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamplePair {
    pub en: String,
    pub ja: String,
}

/// Headings of the sections, in the interface language.
struct Headings {
    compares: String,
    why: String,
    example: String,
    fails: String,
    passes: String,
    config: String,
    accept: String,
}

impl Headings {
    fn new(l10n: &Localizer) -> Self {
        let heading = |id| l10n.format(&Message::new(id));
        Self {
            compares: heading("explain-heading-compares"),
            why: heading("explain-heading-why"),
            example: heading("explain-heading-example"),
            fails: heading("explain-heading-fails"),
            passes: heading("explain-heading-passes"),
            config: heading("explain-heading-config"),
            accept: heading("explain-heading-accept"),
        }
    }
}

/// The check with `code` (`P004`, `p004`), when there is one.
pub fn find_check(code: &str) -> Option<Box<dyn Check>> {
    all_checks().into_iter().find(|check| check.code().eq_ignore_ascii_case(code))
}

/// The Fluent id of a check's explanation: `explain-p004`.
fn message_id(code: &str) -> Option<&'static str> {
    let id: &'static str = match code {
        "P001" => "explain-p001",
        "P002" => "explain-p002",
        "P003" => "explain-p003",
        "P004" => "explain-p004",
        "P005" => "explain-p005",
        "P006" => "explain-p006",
        "P007" => "explain-p007",
        "P008" => "explain-p008",
        "P009" => "explain-p009",
        "P010" => "explain-p010",
        "P011" => "explain-p011",
        "P012" => "explain-p012",
        "P013" => "explain-p013",
        "P014" => "explain-p014",
        "P015" => "explain-p015",
        "P016" => "explain-p016",
        "P017" => "explain-p017",
        "P018" => "explain-p018",
        "P019" => "explain-p019",
        "P020" => "explain-p020",
        "P021" => "explain-p021",
        "P022" => "explain-p022",
        "P023" => "explain-p023",
        "P024" => "explain-p024",
        "P025" => "explain-p025",
        "P026" => "explain-p026",
        _ => return None,
    };
    Some(id)
}

impl Explanation {
    /// The explanation of `check`, or `None` when the locale files lack it (a test sees to it
    /// that they never do).
    pub fn of(check: &dyn Check, l10n: &Localizer) -> Option<Self> {
        let message = Message::new(message_id(check.code())?);
        let part = |name: &str| l10n.format_attribute(&message, name);
        let severity = check.default_severity();
        let accept_example = l10n.format(&Message::new("explain-accept-example").arg("code", check.code()));
        Some(Self {
            code: check.code(),
            name: check.name(),
            severity,
            title: l10n.format(&message),
            compares: part("compares")?,
            why: part("why")?,
            fails: ExamplePair { en: part("fails-en")?, ja: part("fails-ja")? },
            reported: part("reported")?,
            passes: ExamplePair { en: part("passes-en")?, ja: part("passes-ja")? },
            config: part("config")?,
            details: part("details"),
            accept: l10n.format(&Message::new("explain-accept")),
            accept_example: format!("[[accepted]]\n{accept_example}"),
        })
    }

    /// `P004 `numbers`: Numbers match as values`, the Markdown heading's text.
    pub fn heading(&self) -> String {
        format!("{} `{}`: {}", self.code, self.name, self.title)
    }

    fn severity_line(&self, l10n: &Localizer) -> String {
        l10n.format(&Message::new("explain-severity").arg("severity", self.severity.name()))
    }

    /// Plain text for the terminal.
    pub fn to_text(&self, l10n: &Localizer) -> String {
        let headings = Headings::new(l10n);
        let indent = |text: &str, by: &str| text.lines().map(|line| format!("{by}{line}\n")).collect::<String>();
        let mut out = format!("{} {}: {}\n{}\n", self.code, self.name, self.title, self.severity_line(l10n));
        for (heading, body) in [(&headings.compares, &self.compares), (&headings.why, &self.why)] {
            let _ = write!(out, "\n{heading}\n{}", indent(body, "  "));
        }
        let _ = write!(out, "\n{}\n", headings.example);
        let _ = writeln!(out, "  {}:", headings.fails);
        out.push_str(&indent(&self.fails.en, "    en │ "));
        out.push_str(&indent(&self.fails.ja, "    ja │ "));
        out.push_str(&indent(&self.reported, "    => "));
        let _ = writeln!(out, "  {}:", headings.passes);
        out.push_str(&indent(&self.passes.en, "    en │ "));
        out.push_str(&indent(&self.passes.ja, "    ja │ "));
        let _ = write!(out, "\n{}\n{}", headings.config, indent(&self.config, "  "));
        if let Some(details) = &self.details {
            let _ = write!(out, "\n{}", indent(details, "  "));
        }
        let _ = write!(
            out,
            "\n{}\n{}\n{}",
            headings.accept,
            indent(&self.accept, "  "),
            indent(&self.accept_example, "    ")
        );
        out
    }

    /// The Markdown body (no heading): SARIF's `help.markdown`, and a section of `docs/checks.md`.
    pub fn to_markdown(&self, l10n: &Localizer) -> String {
        let headings = Headings::new(l10n);
        let fence = |text: &str| format!("```markdown\n{text}\n```\n");
        let mut out = format!("{}\n\n", self.severity_line(l10n));
        let _ = write!(out, "**{}.** {}\n\n", headings.compares, self.compares);
        let _ = write!(out, "**{}.** {}\n\n", headings.why, self.why);
        let _ = write!(out, "**{}: {}.**\n\n", headings.example, headings.fails);
        let _ = write!(out, "{}\n{}\n> {}\n\n", fence(&self.fails.en), fence(&self.fails.ja), self.reported);
        let _ = write!(out, "**{}.**\n\n{}\n{}\n", headings.passes, fence(&self.passes.en), fence(&self.passes.ja));
        let _ = write!(out, "**{}.** {}\n\n", headings.config, self.config);
        if let Some(details) = &self.details {
            let _ = write!(out, "{details}\n\n");
        }
        let _ = write!(out, "**{}.** {}\n\n```toml\n{}\n```\n", headings.accept, self.accept, self.accept_example);
        out
    }
}

/// Every check's explanation, in code order.
pub fn all_explanations(l10n: &Localizer) -> Vec<Explanation> {
    all_checks().iter().filter_map(|check| Explanation::of(check.as_ref(), l10n)).collect()
}

/// `codepub explain` without a code: one line a check.
pub fn list_text(l10n: &Localizer) -> String {
    let mut out = format!("{}\n", l10n.format(&Message::new("explain-list-heading")));
    for explanation in all_explanations(l10n) {
        let _ = writeln!(
            out,
            "  {}  {:<24} {:<8} {}",
            explanation.code,
            explanation.name,
            explanation.severity.name(),
            explanation.title
        );
    }
    out
}

/// `docs/checks.md`: the table of checks, then each check's section under an anchor of its
/// code (`#p004`).
pub fn catalogue_markdown(l10n: &Localizer) -> String {
    let explanations = all_explanations(l10n);
    let mut out = String::from("# Checks\n\n");
    out.push_str("<!-- Generated by `codepub explain --markdown > docs/checks.md`: edit locales/*/explain.ftl, not this file. -->\n\n");
    out.push_str(&l10n.format(&Message::new("explain-catalogue-intro")));
    out.push_str("\n\n| Code | Name | Severity | |\n|---|---|---|---|\n");
    for e in &explanations {
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {} |",
            e.code,
            e.code.to_ascii_lowercase(),
            e.name,
            e.severity.name(),
            e.title
        );
    }
    for e in &explanations {
        let _ = write!(out, "\n<a id=\"{}\"></a>\n\n## {}\n\n", e.code.to_ascii_lowercase(), e.heading());
        out.push_str(&e.to_markdown(l10n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use codepub_core::i18n::UiLang;

    #[test]
    fn every_check_is_explained_in_both_languages() {
        for lang in [UiLang::English, UiLang::Japanese] {
            let l10n = Localizer::new(lang);
            for check in all_checks() {
                let explanation = Explanation::of(check.as_ref(), &l10n)
                    .unwrap_or_else(|| panic!("{} is not explained in {lang:?}", check.code()));
                assert_ne!(explanation.fails, explanation.passes, "{}: the examples are the same", check.code());
                assert!(!explanation.title.starts_with("explain-"), "{}: no title", check.code());
            }
        }
    }

    #[test]
    fn japanese_explanations_are_japanese() {
        let l10n = Localizer::new(UiLang::Japanese);
        for explanation in all_explanations(&l10n) {
            let japanese = |text: &str| text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
            assert!(japanese(&explanation.why) && japanese(&explanation.compares), "{}", explanation.code);
        }
    }

    #[test]
    fn codes_are_found_in_either_case_and_unknown_ones_are_not() {
        assert_eq!(find_check("p004").map(|c| c.code()), Some("P004"));
        assert!(find_check("P999").is_none());
    }

    #[test]
    fn the_baseline_example_names_the_check() {
        let l10n = Localizer::new(UiLang::English);
        let explanation = Explanation::of(find_check("P007").unwrap().as_ref(), &l10n).unwrap();
        assert!(
            explanation.accept_example.starts_with("[[accepted]]\ncheck = \"P007\""),
            "{}",
            explanation.accept_example
        );
    }
}
