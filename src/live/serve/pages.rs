//! What `codepub serve` adds to the output it serves: the findings page; the preview of the
//! served pages (a banner counting the findings, a mark on each block a finding is about, and the
//! reload script), added as each page is served and never written to the output folder; and the
//! Content-Type of each file.
//!
//! The marks are attributes added to the opening tag of the block a finding is about, found by
//! its address (`data-address="principle-2#4"`, a row of the pages) or, for what has no row (a
//! heading, a footnote, a whole clause), by the finding's anchor (`id="fn-ja-1"`,
//! `id="principle-2"`); a stylesheet added to the page draws them. Every text taken from the
//! findings (codes, addresses, messages) is escaped as HTML: the sources are data, never markup.
//! The page's own text cannot hold the attributes searched for, since the templates escape its
//! quotes.

use std::collections::{BTreeMap, BTreeSet};

use super::{EVENTS, FINDINGS, HOME};
use crate::check::Severity;
use crate::i18n::{Localizer, Message};
use crate::live::{FindingEntry, Outcome, Pass};
use crate::render::html::escape_html;

/// The script `serve` adds to a page: reload when the served generation moves on from the one
/// the page was served at, and bring the row of `?at=ADDRESS` into view (the findings page's
/// links).
fn reload_script(generation: u64) -> String {
    format!(
        r#"<script>
(() => {{
  const served = "{generation}";
  const at = new URLSearchParams(location.search).get("at");
  const row = at && [...document.querySelectorAll("[data-address]")].find((r) => r.dataset.address === at);
  if (row) {{ row.scrollIntoView({{ block: "center" }}); row.style.outline = "3px solid #c60"; }}
  const events = new EventSource("{EVENTS}");
  events.addEventListener("reload", (event) => {{ if (event.data !== served) location.reload(); }});
}})();
</script>
"#
    )
}

/// The stylesheet of the preview: the banner and the marks (none of it printed).
const PREVIEW_STYLE: &str = "<style>\n\
.codepub-preview{position:sticky;top:0;z-index:2147483647;display:flex;flex-wrap:wrap;gap:.3rem 1rem;\
align-items:baseline;margin:0;padding:.45rem 1rem;font:500 .9rem/1.4 system-ui,sans-serif;color:#fff;\
background:#a3001a}\n\
.codepub-preview.codepub-warning{background:#6b4400}\n\
.codepub-preview a{color:inherit;text-decoration:underline}\n\
[data-codepub-finding]{position:relative;outline:2px solid #c4001f;outline-offset:3px}\n\
[data-codepub-finding=warning]{outline-color:#a86b00}\n\
[data-codepub-finding]::before{content:attr(data-codepub-codes);position:absolute;top:-.9rem;right:0;\
z-index:1;padding:0 .3rem;border-radius:.2rem;font:600 .7rem/1.4 system-ui,sans-serif;color:#fff;\
background:#c4001f}\n\
[data-codepub-finding=warning]::before{background:#a86b00}\n\
@media print{.codepub-preview{display:none}[data-codepub-finding]{outline:none}\
[data-codepub-finding]::before{content:none}}\n\
</style>\n";

/// What the served pages show of a pass: a banner with the count of the findings and a link to
/// the findings page (and, when the pass kept the last output, that it did), and a mark on each
/// block a finding is about. Built from the findings, escaped; added to a page as it is served.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Preview {
    /// The banner's markup; empty when there is nothing to say (no finding, the output current).
    banner: String,
    /// The findings by address, in address order.
    marks: BTreeMap<String, Mark>,
}

/// The findings about one address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Mark {
    /// Where the address is in the bilingual page when it has no row there.
    anchor: String,
    error: bool,
    codes: BTreeSet<&'static str>,
    /// One line per finding: `P013 principle-3#1: message`.
    lines: Vec<String>,
}

impl Mark {
    fn merge(&mut self, other: &Mark) {
        self.error |= other.error;
        self.codes.extend(&other.codes);
        self.lines.extend(other.lines.iter().cloned());
    }

    /// The attributes added to the block's opening tag, escaped.
    fn attributes(&self) -> String {
        let severity = if self.error { "error" } else { "warning" };
        let codes = self.codes.iter().copied().collect::<Vec<_>>().join(" ");
        format!(
            " data-codepub-finding=\"{severity}\" data-codepub-codes=\"{}\" title=\"{}\"",
            escape_html(&codes),
            escape_html(&self.lines.join("\n"))
        )
    }
}

impl Preview {
    pub(crate) fn of(pass: &Pass, l10n: &Localizer) -> Self {
        let errors = pass.findings.iter().filter(|f| f.severity == Severity::Error).count();
        let warnings = pass.findings.len() - errors;
        let kept = matches!(pass.outcome, Outcome::Kept(_));
        let mut marks: BTreeMap<String, Mark> = BTreeMap::new();
        for finding in &pass.findings {
            let mark = marks.entry(finding.address.clone()).or_default();
            if mark.anchor.is_empty() {
                mark.anchor = finding.anchor.clone();
            }
            mark.error |= finding.severity == Severity::Error;
            mark.codes.insert(finding.code);
            mark.lines.push(format!("{} {}: {}", finding.code, finding.address, finding.message));
        }
        let banner = if pass.findings.is_empty() && !kept {
            String::new()
        } else {
            let text = |message: &Message| escape_html(&l10n.format(message));
            let class = if errors > 0 || kept { "codepub-error" } else { "codepub-warning" };
            let mut banner = format!(
                "<div class=\"codepub-preview {class}\" id=\"codepub-preview\" role=\"status\" lang=\"{}\">",
                text(&Message::new("serve-page-lang"))
            );
            if kept {
                banner.push_str(&format!("<span>{}</span>", text(&Message::new("serve-banner-kept"))));
            }
            if !pass.findings.is_empty() || !kept {
                let count =
                    Message::new("serve-banner-count").num("errors", errors as i64).num("warnings", warnings as i64);
                banner.push_str(&format!("<strong class=\"codepub-count\">{}</strong>", text(&count)));
            }
            banner
                .push_str(&format!("<a href=\"{FINDINGS}\">{}</a></div>\n", text(&Message::new("serve-banner-link"))));
            banner
        };
        Self { banner, marks }
    }

    /// `page` with the preview: the stylesheet in its head, the banner first in its body, and
    /// the marks on the blocks of the findings that it shows.
    pub(super) fn apply(&self, page: &[u8]) -> Vec<u8> {
        if self.banner.is_empty() && self.marks.is_empty() {
            return page.to_vec();
        }
        let page = String::from_utf8_lossy(page);
        // One scan: where each row's address and each id ends (after its closing quote).
        let mut places: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for attribute in [" data-address=\"", " id=\""] {
            for (at, _) in page.match_indices(attribute) {
                let start = at + attribute.len();
                if let Some(length) = page[start..].find('"') {
                    places.entry((attribute, &page[start..start + length])).or_insert(start + length + 1);
                }
            }
        }
        // Each address's row, or else its anchor; findings that meet at one block are merged.
        let mut targets: BTreeMap<usize, Mark> = BTreeMap::new();
        for (address, mark) in &self.marks {
            let (row, anchor) = (escape_html(address), escape_html(&mark.anchor));
            let place =
                (places.get(&(" data-address=\"", row.as_str()))).or_else(|| places.get(&(" id=\"", anchor.as_str())));
            if let Some(&place) = place {
                targets.entry(place).or_default().merge(mark);
            }
        }
        let mut text = String::with_capacity(page.len() + 4096);
        let mut from = 0;
        for (&place, mark) in &targets {
            text.push_str(&page[from..place]);
            text.push_str(&mark.attributes());
            from = place;
        }
        text.push_str(&page[from..]);
        if let Some(at) = text.find("<body").and_then(|body| text[body..].find('>').map(|end| body + end + 1)) {
            text.insert_str(at, &format!("\n{}", self.banner));
        } else {
            text.insert_str(0, &self.banner);
        }
        match text.find("</head>") {
            Some(at) => text.insert_str(at, PREVIEW_STYLE),
            None => text.insert_str(0, PREVIEW_STYLE),
        }
        text.into_bytes()
    }
}

pub(super) fn with_reload_script(page: &[u8], generation: u64) -> Vec<u8> {
    let script = reload_script(generation);
    let text = String::from_utf8_lossy(page);
    match text.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

/// The findings page of `pass`: each finding not accepted, linked to its row in the bilingual
/// page when there is one, and the files served.
pub(super) fn findings_page(pass: &Pass, outputs: &BTreeMap<String, Vec<u8>>, l10n: &Localizer) -> Vec<u8> {
    let text = |id: &'static str| escape_html(&l10n.format(&Message::new(id)));
    let has_page = outputs.contains_key(&HOME[1..]);
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\
         li{{margin:.4rem 0}}.error code{{color:#b00}}.warning code{{color:#850}}</style>\n</head>\n<body>\n<main>\n\
         <h1>{}</h1>\n",
        text("serve-page-lang"),
        text("serve-findings-title"),
        text("serve-findings-title"),
    );
    // The output follows the sources whatever the findings; it is kept only when the sources
    // could not be read or rendered.
    let outcome = match &pass.outcome {
        Outcome::Kept(_) => "serve-outcome-kept",
        Outcome::Rebuilt(_) | Outcome::Unchanged => "serve-outcome-current",
    };
    html.push_str(&format!("<p class=\"outcome\">{}</p>\n", text(outcome)));
    if pass.findings.is_empty() {
        html.push_str(&format!("<p class=\"none\">{}</p>\n", text("serve-no-findings")));
    } else {
        html.push_str("<ul class=\"findings\">\n");
        for finding in &pass.findings {
            html.push_str(&finding_item(finding, has_page));
        }
        html.push_str("</ul>\n");
    }
    let accepted = Message::new("serve-accepted").num("count", pass.accepted as i64);
    html.push_str(&format!("<p class=\"accepted\">{}</p>\n", escape_html(&l10n.format(&accepted))));
    html.push_str(&format!("<h2>{}</h2>\n<ul class=\"files\">\n", text("serve-files")));
    for path in outputs.keys().filter(|path| path.ends_with(".html") || path.ends_with(".pdf")) {
        let path = escape_html(path);
        html.push_str(&format!("<li><a href=\"/{path}\">{path}</a></li>\n"));
    }
    html.push_str("</ul>\n</main>\n</body>\n</html>\n");
    html.into_bytes()
}

fn finding_item(finding: &FindingEntry, has_page: bool) -> String {
    let severity = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let place = finding.place.as_deref().map(|place| format!(" <span class=\"place\">{}</span>", escape_html(place)));
    let label = format!("<code>{}</code> {}", finding.code, escape_html(&finding.address));
    let link = if has_page {
        let href = format!("{HOME}?at={}#{}", percent_encode(&finding.address), percent_encode(&finding.anchor));
        format!("<a href=\"{}\">{label}</a>", escape_html(&href))
    } else {
        label
    };
    format!("<li class=\"{severity}\">{link}: {}{}</li>\n", escape_html(&finding.message), place.unwrap_or_default())
}

/// Everything but unreserved characters percent-encoded, for a query value or fragment.
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

pub(super) fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let page = with_reload_script(b"<html><body><p>x</p></body></html>", 7);
        let page = String::from_utf8(page).unwrap();
        let script = page.find("<script>").unwrap();
        assert!(script > page.find("<p>x</p>").unwrap() && script < page.find("</body>").unwrap());
        assert!(page.contains("const served = \"7\";") && page.contains(EVENTS));
    }

    #[test]
    fn a_finding_links_to_its_row_in_the_bilingual_page() {
        let finding = FindingEntry {
            code: "P004",
            severity: Severity::Error,
            message: "a <number>".into(),
            address: "principle-2#4".into(),
            place: Some("content/ja/10-code.md:40:1".into()),
            anchor: "principle-2".into(),
        };
        let item = finding_item(&finding, true);
        assert!(item.contains("href=\"/html/index.html?at=principle-2%234#principle-2\""), "{item}");
        assert!(item.contains("a &lt;number&gt;") && item.contains("content/ja/10-code.md:40:1"), "{item}");
        assert!(!finding_item(&finding, false).contains("href"));
    }

    fn pass_of(findings: Vec<FindingEntry>, outcome: Outcome) -> Pass {
        Pass { text: String::new(), outcome, findings, accepted: 0 }
    }

    #[test]
    fn the_preview_escapes_what_it_takes_from_the_findings() {
        let finding = |address: &str, message: &str| FindingEntry {
            code: "P004",
            severity: Severity::Error,
            message: message.into(),
            address: address.into(),
            place: None,
            anchor: "x\"><script>alert(1)</script>".into(),
        };
        let findings = vec![
            finding("a#1", "<img src=x onerror=alert(1)> & \"quoted\""),
            finding("a\"><script>alert(2)</script>#1", "</div><script>alert(3)</script>"),
        ];
        let l10n = Localizer::new(crate::i18n::UiLang::English);
        let preview = Preview::of(&pass_of(findings, Outcome::Unchanged), &l10n);
        let page =
            "<html><head></head><body class=\"x\"><div class=\"pair\" data-address=\"a#1\">a</div></body></html>";
        let page = String::from_utf8(preview.apply(page.as_bytes())).unwrap();
        assert!(!page.contains("<img") && !page.contains("<script>alert"), "{page}");
        assert!(
            page.contains("title=\"P004 a#1: &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;\""),
            "{page}"
        );
        assert!(page.contains("<body class=\"x\">\n<div class=\"codepub-preview codepub-error\""), "{page}");
        assert!(page.contains("2 errors, no warnings") && page.contains("href=\"/_codepub/findings\""), "{page}");
        assert!(page.find("<style>").unwrap() < page.find("</head>").unwrap());
    }

    #[test]
    fn a_clean_pass_adds_nothing_and_a_kept_one_says_so() {
        let l10n = Localizer::new(crate::i18n::UiLang::English);
        let page = b"<html><head></head><body><p>x</p></body></html>";
        assert_eq!(Preview::of(&pass_of(Vec::new(), Outcome::Unchanged), &l10n).apply(page), page);
        let kept = Preview::of(&pass_of(Vec::new(), Outcome::Kept(crate::live::KeptBecause::Input)), &l10n);
        let kept = String::from_utf8(kept.apply(page)).unwrap();
        assert!(kept.contains("this page shows the last output") && !kept.contains("no errors"), "{kept}");
    }
}
