//! The publisher's accepted findings (`content/accepted.toml`): each entry names a check, the
//! address it fired at, the values the finding reported there (`values`, and its `excerpt`) and
//! why the published text keeps it. Accepted findings do not fail a run; an entry accepts only a
//! finding with the same identity, so a finding that changed under it is reported again.
//! [`Accepted::toml`] writes an entry, [`with_entries`] adds entries to a baseline's text.

use serde::Deserialize;

use crate::address::Address;
use crate::config;
use crate::error::InputError;
use crate::location::Location;
use crate::model::Lang;
use crate::source::SourceFile;

#[derive(Debug, Default)]
pub struct Baseline {
    /// Path shown to users.
    pub path: String,
    pub entries: Vec<Accepted>,
}

/// One accepted finding.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub check: String,
    pub address: Address,
    pub lang: Option<Lang>,
    pub excerpt: Option<String>,
    /// The values the finding reported (its message's arguments: the numbers that differ, the
    /// marks, the term); `None` in an entry written without them, which then accepts any finding
    /// of its check at its address.
    pub values: Option<Vec<String>>,
    pub reason: String,
    /// Where the entry is written, for reporting entries that no longer match anything.
    pub at: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    accepted: Vec<toml::Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    check: String,
    address: String,
    #[serde(default)]
    lang: Option<Lang>,
    #[serde(default)]
    excerpt: Option<String>,
    #[serde(default)]
    values: Option<Vec<String>>,
    reason: String,
}

/// The reason an entry gets when it is written without one (by the editor's "accept this
/// finding" action): the check warns about it until the publisher writes the real one.
pub const PLACEHOLDER_REASON: &str = "TODO: why this finding is accepted";

impl Baseline {
    /// Parses the baseline's text (`None`: the project has no baseline and accepts nothing).
    pub fn parse(text: Option<String>, shown: &str) -> Result<Self, InputError> {
        let Some(text) = text else {
            return Ok(Self { path: shown.to_string(), entries: Vec::new() });
        };
        let file: File = config::parse_toml(&text, shown)?;
        let index = SourceFile::new(shown, text);
        let entries = file
            .accepted
            .into_iter()
            .map(|spanned| {
                let (line, column) = index.line_column(spanned.span().start);
                let entry = spanned.into_inner();
                // Keys compare with findings made from normalised text (see crate::nfc).
                Accepted {
                    check: entry.check,
                    address: Address::from(entry.address),
                    lang: entry.lang,
                    excerpt: entry.excerpt.map(|excerpt| crate::nfc::normalize(&excerpt).into_owned()),
                    values: (entry.values)
                        .map(|values| values.iter().map(|v| crate::nfc::normalize(v).into_owned()).collect()),
                    reason: entry.reason,
                    at: Location { path: shown.to_string(), line, column },
                }
            })
            .collect();
        Ok(Self { path: shown.to_string(), entries })
    }

    /// Index of the first entry that accepts a finding with this identity: its check, address and
    /// language, and the excerpt and values the entry records (an entry without them accepts any).
    pub fn find(
        &self,
        check: &str,
        address: &Address,
        lang: Option<Lang>,
        excerpt: Option<&str>,
        values: &[String],
    ) -> Option<usize> {
        self.entries.iter().position(|entry| {
            entry.is_at(check, address, lang)
                && (entry.excerpt.is_none() || entry.excerpt.as_deref() == excerpt)
                && entry.values.as_deref().is_none_or(|recorded| recorded == values)
        })
    }

    /// Indices of the entries at a finding's check, address and language, whatever they record.
    pub fn at<'a>(
        &'a self,
        check: &'a str,
        address: &'a Address,
        lang: Option<Lang>,
    ) -> impl Iterator<Item = usize> + 'a {
        (0..self.entries.len()).filter(move |&i| self.entries[i].is_at(check, address, lang))
    }
}

impl Accepted {
    fn is_at(&self, check: &str, address: &Address, lang: Option<Lang>) -> bool {
        self.check == check && self.address == *address && (self.lang.is_none() || self.lang == lang)
    }

    /// Whether the entry records what the finding reported (`values`), so that it accepts that
    /// finding only.
    pub fn is_bound(&self) -> bool {
        self.values.is_some()
    }

    pub fn has_placeholder_reason(&self) -> bool {
        let reason = self.reason.trim();
        reason.is_empty() || reason == PLACEHOLDER_REASON
    }

    /// The entry as TOML, `[[accepted]]` and one key a line, as `codepub check --accept` and the
    /// editor write it.
    pub fn toml(&self) -> String {
        let mut text =
            format!("[[accepted]]\ncheck = {}\naddress = {}\n", quoted(&self.check), quoted(&self.address.to_string()));
        if let Some(lang) = self.lang {
            text.push_str(&format!("lang = {}\n", quoted(lang.code())));
        }
        if let Some(values) = &self.values {
            text.push_str(&format!("{}\n", values_line(values)));
        }
        if let Some(excerpt) = &self.excerpt {
            text.push_str(&format!("excerpt = {}\n", quoted(excerpt)));
        }
        text.push_str(&format!("reason = {}\n", quoted(&self.reason)));
        text
    }
}

/// `values = ["1,200", "1200"]`, the line that binds an entry to what its finding reports.
pub fn values_line(values: &[String]) -> String {
    format!("values = [{}]", values.iter().map(|v| quoted(v)).collect::<Vec<_>>().join(", "))
}

/// A TOML basic string.
pub fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The baseline's text (`None`: no file yet) with `added` entries: those that take the place of
/// an entry (`Some(index)` of the parsed `baseline`: an acceptance whose finding changed, or one
/// without values) are written where that entry was, the others appended in order, each after a
/// blank line. Every other line, comments included, is kept as it is.
pub fn with_entries(text: Option<&str>, baseline: &Baseline, added: &[(Option<usize>, Accepted)]) -> String {
    let original: Vec<&str> = text.unwrap_or("").lines().collect();
    let mut lines: Vec<Option<String>> = original.iter().map(|line| Some(format!("{line}\n"))).collect();
    let mut appended = Vec::new();
    let mut replaced: Vec<(usize, Vec<&Accepted>)> = Vec::new();
    for (replaces, entry) in added {
        let first = replaces.and_then(|i| baseline.entries.get(i)).map(|old| old.at.line as usize - 1);
        match first.filter(|&first| first < lines.len()) {
            Some(first) => match replaced.iter_mut().find(|(line, _)| *line == first) {
                Some((_, entries)) => entries.push(entry),
                None => replaced.push((first, vec![entry])),
            },
            None => appended.push(entry),
        }
    }
    for (first, entries) in replaced {
        // The entry runs from its header to its last key, before the next table and the
        // comments and blank lines that precede it.
        let mut last = first;
        for (i, line) in original.iter().enumerate().skip(first + 1) {
            let line = line.trim();
            if line.starts_with('[') {
                break;
            }
            if !line.is_empty() && !line.starts_with('#') {
                last = i;
            }
        }
        let text: Vec<String> = entries.iter().map(|entry| entry.toml()).collect();
        lines[first] = Some(text.join("\n"));
        for line in &mut lines[first + 1..=last] {
            *line = None;
        }
    }
    let mut out: String = lines.into_iter().flatten().collect();
    for entry in appended {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(&entry.toml());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(check: &str, values: &[&str], reason: &str) -> Accepted {
        Accepted {
            check: check.into(),
            address: Address::from("article-4#1"),
            lang: Some(Lang::Ja),
            excerpt: None,
            values: Some(values.iter().map(|v| v.to_string()).collect()),
            reason: reason.into(),
            at: Location { path: "accepted.toml".into(), line: 0, column: 0 },
        }
    }

    #[test]
    fn an_entry_written_reads_back_the_same() {
        let written = entry("P004", &["1,200", "say \"1200\"\\"], "As published.");
        let text = with_entries(Some("# Accepted.\n"), &Baseline::default(), &[(None, written.clone())]);
        assert!(text.starts_with("# Accepted.\n\n[[accepted]]\ncheck = \"P004\"\n"), "{text}");
        let read = Baseline::parse(Some(text), "accepted.toml").unwrap();
        assert_eq!(read.entries[0].values, written.values);
        assert_eq!(read.entries[0].lang, Some(Lang::Ja));
        assert_eq!(read.entries[0].at.line, 3);
    }

    #[test]
    fn a_replaced_entry_keeps_its_place_and_the_comments_around_it() {
        let text = "# Head.\n\n[[accepted]]\ncheck = \"P004\"\naddress = \"article-4#1\"\nreason = \"old\"\n\n\
                    # Next one.\n[[accepted]]\ncheck = \"P010\"\naddress = \"a#1\"\nreason = \"kept\"\n";
        let baseline = Baseline::parse(Some(text.to_string()), "accepted.toml").unwrap();
        let new = with_entries(Some(text), &baseline, &[(Some(0), entry("P004", &["1"], "new"))]);
        let read = Baseline::parse(Some(new.clone()), "accepted.toml").unwrap();
        assert_eq!(read.entries.len(), 2, "{new}");
        assert_eq!((read.entries[0].reason.as_str(), read.entries[1].reason.as_str()), ("new", "kept"));
        assert!(new.starts_with("# Head.\n\n[[accepted]]") && new.contains("\n\n# Next one.\n"), "{new}");
    }

    #[test]
    fn an_entry_without_values_accepts_any_and_one_with_values_only_its_own() {
        let text = "[[accepted]]\ncheck = \"P004\"\naddress = \"a#1\"\nreason = \"r\"\n\n\
                    [[accepted]]\ncheck = \"P004\"\naddress = \"b#1\"\nvalues = [\"1\"]\nreason = \"r\"\n";
        let baseline = Baseline::parse(Some(text.to_string()), "accepted.toml").unwrap();
        let (a, b) = (Address::from("a#1"), Address::from("b#1"));
        assert_eq!(baseline.find("P004", &a, None, None, &["9".to_string()]), Some(0));
        assert_eq!(baseline.find("P004", &b, None, None, &["1".to_string()]), Some(1));
        assert_eq!(baseline.find("P004", &b, None, None, &["2".to_string()]), None);
        assert!(!baseline.entries[0].is_bound() && baseline.entries[1].is_bound());
    }
}
