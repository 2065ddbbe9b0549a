//! The HTML redline (`render_html`): one self-contained page, inline CSS, no script and no
//! external request (a Content-Security-Policy forbids both), two columns English | Japanese
//! with `lang` attributes, `<del>`/`<ins>` marks. Rendered by an auto-escaping minijinja
//! template, so source text can never become markup.

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value, context};
use serde::Serialize;

use crate::i18n::{Localizer, Message};
use crate::model::Lang;

use super::redline;
use super::terminal::{header_message, lang_name, stale_message, status_message, summary_message};
use super::{ChangeKind, ClauseStatus, GroupKind, RevisionDiff, StaleKind};

const TEMPLATE_NAME: &str = "redline.html";

const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="{{ ui_lang }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{ labels.title }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.5; }
[lang="ja"] { font-family: "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif; line-break: strict; }
h1 { font-size: 1.4rem; margin-bottom: .25rem; }
.editions { color: #444; margin-top: 0; }
section { margin: 2rem 0; }
h2 { font-size: 1.1rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h2 .status { font-weight: normal; font-size: .9rem; color: #555; margin-left: .5rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { vertical-align: top; text-align: left; padding: .5rem; border: 1px solid #ddd; }
th { background: #f4f4f4; }
.address { font-family: ui-monospace, monospace; font-size: .8rem; color: #666; }
.change { font-size: .8rem; margin-left: .4rem; padding: 0 .3rem; border-radius: .2rem; background: #eee; }
.change-added { background: #dcfce7; }
.change-removed { background: #fee2e2; }
.change-changed { background: #fef9c3; }
.text { white-space: pre-wrap; margin: .3rem 0 0; }
del { background: #fee2e2; color: #991b1b; }
ins { background: #dcfce7; color: #166534; text-decoration: underline; }
.cell-removed .text { color: #991b1b; }
tr.stale td { box-shadow: inset 4px 0 0 #d97706; }
.stale-note { display: block; margin-top: .4rem; font-size: .85rem; color: #92400e; }
.stale-list li { margin: .2rem 0; }
.summary { color: #444; }
</style>
</head>
<body>
<header>
<h1>{{ labels.title }}</h1>
<p class="editions">{{ labels.header }}</p>
{% for line in labels.titles_changed %}<p class="editions">{{ line }}</p>{% endfor %}
</header>
<main>
{% if not view.clauses %}<p>{{ labels.no_changes }}</p>{% endif %}
{% for clause in view.clauses %}
<section id="clause-{{ clause.id }}">
<h2>{{ clause.id }}{% if labels.kind[clause.kind] %} ({{ labels.kind[clause.kind] }}){% endif %}
<span class="status">{{ labels.lang.en }}: {{ labels.status[clause.status.en] }}{% if clause.moved.en %}, {{ labels.moved[clause.id].en }}{% endif %};
{{ labels.lang.ja }}: {{ labels.status[clause.status.ja] }}{% if clause.moved.ja %}, {{ labels.moved[clause.id].ja }}{% endif %}</span></h2>
{% if clause.rows %}
<table>
<thead><tr><th scope="col" lang="{{ ui_lang }}">{{ labels.lang.en }}</th><th scope="col" lang="{{ ui_lang }}">{{ labels.lang.ja }}</th></tr></thead>
<tbody>
{% for row in clause.rows %}
<tr{% if row.stale %} class="stale"{% endif %}>
{% for side in ["en", "ja"] %}{% set cell = row[side] %}
<td lang="{{ side }}"{% if cell %} class="cell-{{ cell.change }}"{% endif %}>
{% if cell %}<span class="address">{{ cell.address }}</span><span class="change change-{{ cell.change }}" lang="{{ ui_lang }}">{{ labels.change[cell.change] }}</span>
<p class="text">{% for s in cell.segments %}{% if s.op == "insert" %}<ins>{{ s.text }}</ins>{% elif s.op == "delete" %}<del>{{ s.text }}</del>{% else %}{{ s.text }}{% endif %}{% endfor %}</p>{% endif %}
{% if row.stale and (row.stale_lang == side or (not row.stale_lang and side == "ja")) %}<span class="stale-note" lang="{{ ui_lang }}">{{ labels.stale[row.stale ~ ":" ~ (row.stale_lang or "")] }}</span>{% endif %}
</td>
{% endfor %}
</tr>
{% endfor %}
</tbody>
</table>
{% endif %}
</section>
{% endfor %}
{% if view.stale %}
<section id="stale">
<h2>{{ labels.stale_heading }}</h2>
<ul class="stale-list">
{% for s in view.stale %}<li><span class="address">{{ s.address }}</span> {{ labels.stale[s.kind ~ ":" ~ (s.lang or "")] }}</li>
{% endfor %}</ul>
</section>
{% endif %}
<p class="summary">{{ labels.summary }}</p>
</main>
</body>
</html>
"#;

/// Localised strings the template prints, keyed by the serialised enum names.
#[derive(Serialize)]
struct Labels {
    title: String,
    header: String,
    titles_changed: Vec<String>,
    no_changes: String,
    stale_heading: String,
    summary: String,
    lang: BTreeMap<&'static str, String>,
    status: BTreeMap<&'static str, String>,
    change: BTreeMap<&'static str, String>,
    kind: BTreeMap<&'static str, String>,
    /// `"<kind>:<lang>"` → text (`lang` empty when none).
    stale: BTreeMap<String, String>,
    /// Clause id → per-language "moved after …" text.
    moved: BTreeMap<String, BTreeMap<&'static str, String>>,
}

fn labels(diff: &RevisionDiff, l10n: &Localizer) -> Labels {
    let f = |m: Message| l10n.format(&m);
    let mut lang = BTreeMap::new();
    for l in Lang::BOTH {
        lang.insert(l.code(), f(lang_name(l)));
    }
    let status = [
        ("absent", ClauseStatus::Absent),
        ("unchanged", ClauseStatus::Unchanged),
        ("added", ClauseStatus::Added),
        ("removed", ClauseStatus::Removed),
        ("changed", ClauseStatus::Changed),
    ]
    .into_iter()
    .map(|(k, s)| (k, f(status_message(s))))
    .collect();
    let mut change: BTreeMap<&'static str, String> =
        [("added", ChangeKind::Added), ("removed", ChangeKind::Removed), ("changed", ChangeKind::Changed)]
            .into_iter()
            .map(|(k, c)| (k, f(super::terminal::change_message(c))))
            .collect();
    change.insert("unchanged", f(Message::new("diff-paragraph-unchanged")));
    let kind = [("body", GroupKind::Body), ("colophon", GroupKind::Colophon), ("footnote", GroupKind::Footnote)]
        .into_iter()
        .map(|(k, g)| (k, super::terminal::kind_message(g).map(&f).unwrap_or_default()))
        .collect();
    let mut stale = BTreeMap::new();
    for (name, kind) in [
        ("japanese-stale", StaleKind::JapaneseStale),
        ("english-stale", StaleKind::EnglishStale),
        ("both-changed", StaleKind::BothChanged),
        ("missing-translation", StaleKind::MissingTranslation),
    ] {
        for l in [None, Some(Lang::En), Some(Lang::Ja)] {
            stale.insert(format!("{name}:{}", l.map_or("", Lang::code)), f(stale_message(kind, l)));
        }
    }
    let mut moved = BTreeMap::new();
    for clause in &diff.clauses {
        let mut sides = BTreeMap::new();
        for l in Lang::BOTH {
            if let Some(m) = super::terminal::moved_message(clause.side(l)) {
                sides.insert(l.code(), f(m));
            }
        }
        moved.insert(clause.id.clone(), sides);
    }
    let titles_changed = Lang::BOTH
        .into_iter()
        .filter(|&l| diff.old.title.get(l) != diff.new.title.get(l))
        .map(|l| {
            f(Message::new("diff-title-changed")
                .arg("lang", f(lang_name(l)))
                .arg("old", diff.old.title.get(l).clone())
                .arg("new", diff.new.title.get(l).clone()))
        })
        .collect();
    Labels {
        title: f(Message::new("diff-html-title")
            .arg("old_en", diff.old.name(Lang::En))
            .arg("old_ja", diff.old.name(Lang::Ja))
            .arg("new_en", diff.new.name(Lang::En))
            .arg("new_ja", diff.new.name(Lang::Ja))),
        header: f(header_message(diff)),
        titles_changed,
        no_changes: f(Message::new("diff-no-changes")),
        stale_heading: f(Message::new("diff-stale-heading")),
        summary: f(summary_message(diff)),
        lang,
        status,
        change,
        kind,
        stale,
        moved,
    }
}

/// Renders the redline as one self-contained HTML page, labelled in `l10n`'s language.
pub fn render_html(diff: &RevisionDiff, l10n: &Localizer) -> String {
    let view = redline::build(diff);
    let labels = labels(diff, l10n);
    // The interface language's tag, from the locale itself (`en` or `ja`).
    let ui_lang = match l10n.format(&Message::new("diff-html-lang")).as_str() {
        "ja" => "ja",
        _ => "en",
    };
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build().unwrap_or_default(),
    );
    // No way around escaping: source text can never become markup.
    env.remove_filter("safe");
    let rendered =
        env.add_template(TEMPLATE_NAME, TEMPLATE).and_then(|()| env.get_template(TEMPLATE_NAME)).and_then(|template| {
            template
                .render(context! { view => Value::from(Serde(&view)), labels => Value::from(Serde(&labels)), ui_lang })
        });
    match rendered {
        Ok(html) => html,
        Err(error) => fallback_page(&error.to_string()),
    }
}

/// A minimal page for a template failure (a bug): the error, escaped.
fn fallback_page(error: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>codepub diff</title></head><body><pre>{}</pre></body></html>\n",
        crate::render::html::escape_html(error)
    )
}
