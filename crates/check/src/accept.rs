//! Accepting findings: the baseline entries that record them (`codepub check --accept` and the
//! editor's "accept this finding" action write the same ones), each bound to its finding by its
//! identity (code, address, language, values, excerpt; see [`Finding::entry`]).

use codepub_core::address::Address;
use codepub_core::baseline::{self, Accepted, Baseline};
use codepub_core::i18n::Message;
use codepub_core::location::Location;
use codepub_core::model::Lang;

use crate::check::{Finding, Report};

/// A finding named on the command line: `P004@article-4#1`, and the language when the check
/// reports there in both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub code: String,
    pub address: Address,
    pub lang: Option<Lang>,
}

impl Target {
    /// Reads `CODE@ADDRESS`.
    pub fn parse(text: &str, lang: Option<Lang>) -> Result<Self, Message> {
        match text.split_once('@') {
            Some((code, address)) if !code.trim().is_empty() && !address.trim().is_empty() => {
                Ok(Self { code: code.trim().to_ascii_uppercase(), address: Address::from(address.trim()), lang })
            }
            _ => Err(Message::new("accept-bad-target").arg("target", text)),
        }
    }

    fn shown(&self) -> String {
        format!("{}@{}", self.code, self.address)
    }
}

/// The findings `target` names, among the current ones: each finding of its check at its
/// address (in its language, when one is given). Refused when there is none, or when there are
/// findings in both languages and no language was given.
pub fn select<'r>(report: &'r Report, target: &Target) -> Result<Vec<&'r Finding>, Message> {
    let at = |finding: &&Finding| finding.code() == target.code && finding.address == target.address;
    let here: Vec<&Finding> = report.findings.iter().filter(at).collect();
    let chosen: Vec<&Finding> =
        here.iter().copied().filter(|f| target.lang.is_none() || f.lang == target.lang).collect();
    if chosen.is_empty() {
        let codes: Vec<&str> = {
            let mut codes: Vec<&str> =
                report.findings.iter().filter(|f| f.address == target.address).map(|f| f.code()).collect();
            codes.dedup();
            codes
        };
        let message = Message::new("accept-no-finding").arg("target", target.shown());
        return Err(match (target.lang, codes.is_empty()) {
            (Some(lang), _) if !here.is_empty() => message.arg("others", format!("{} ≠ {lang}", langs(&here))),
            (_, false) => message.arg("others", codes.join(", ")),
            _ => message.arg("others", "—"),
        });
    }
    let both = chosen.iter().any(|f| f.lang == Some(Lang::En)) && chosen.iter().any(|f| f.lang == Some(Lang::Ja));
    if both {
        return Err(Message::new("accept-which-language").arg("target", target.shown()));
    }
    Ok(chosen)
}

fn langs(findings: &[&Finding]) -> String {
    let mut langs: Vec<&str> = findings.iter().filter_map(|f| f.lang.map(|l| l.code())).collect();
    langs.dedup();
    langs.join(", ")
}

/// The new entries for `findings`, each with `reason`, and the entry each takes the place of: the
/// one that accepted the finding before it changed, or the one without values that accepts it
/// now. A finding a bound entry accepts already, or one identical to a finding listed before it,
/// gets none.
pub fn entries(findings: &[&Finding], baseline: &Baseline, reason: &str) -> Vec<(Option<usize>, Accepted)> {
    let mut out: Vec<(Option<usize>, Accepted)> = Vec::new();
    for finding in findings {
        let accepting = (finding.accepted.is_some())
            .then(|| {
                baseline.find(
                    finding.code(),
                    &finding.address,
                    finding.lang,
                    finding.excerpt.as_deref(),
                    &finding.values,
                )
            })
            .flatten();
        if accepting.is_some_and(|i| baseline.entries[i].is_bound()) {
            continue;
        }
        let at = Location { path: baseline.path.clone(), line: 0, column: 0 };
        let entry = finding.entry(reason, at);
        let same = |(_, other): &(Option<usize>, Accepted)| {
            (&other.check, &other.address, other.lang, &other.excerpt, &other.values)
                == (&entry.check, &entry.address, entry.lang, &entry.excerpt, &entry.values)
        };
        if out.iter().any(same) {
            continue;
        }
        out.push((finding.changed.or(accepting), entry));
    }
    out
}

/// The baseline's text (`None`: no file yet) with `entries` written in.
pub fn baseline_text(text: Option<&str>, baseline: &Baseline, entries: &[(Option<usize>, Accepted)]) -> String {
    baseline::with_entries(text, baseline, entries)
}
