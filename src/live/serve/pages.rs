//! What `codepub serve` adds to the output it serves: the findings page and the reload script
//! of the served pages, and the Content-Type of each file.

use std::collections::BTreeMap;

use super::{EVENTS, HOME};
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
}
