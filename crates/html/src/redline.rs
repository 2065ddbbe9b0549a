//! The HTML redline ([`render_redline`]): the diff's [`RedlineView`] and the interface's
//! localised words, through `templates/redline.html` (a project's own file overrides it) in the
//! auto-escaping environment of every HTML template, so source text can never become markup.

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use codepub_core::i18n::{Localizer, Message};
use codepub_core::model::Lang;
use codepub_view::diff::terminal::{self, header_message, lang_name, stale_message, status_message, summary_message};
use codepub_view::diff::{ChangeKind, ClauseStatus, GroupKind, RedlineView, RevisionDiff, StaleKind, redline_view};
use codepub_view::render::{RenderError, Templates};

/// The redline's template.
pub const REDLINE: &str = "redline.html";

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
            .map(|(k, c)| (k, f(terminal::change_message(c))))
            .collect();
    change.insert("unchanged", f(Message::new("diff-paragraph-unchanged")));
    let kind = [("body", GroupKind::Body), ("colophon", GroupKind::Colophon), ("footnote", GroupKind::Footnote)]
        .into_iter()
        .map(|(k, g)| (k, terminal::kind_message(g).map(&f).unwrap_or_default()))
        .collect();
    let mut stale = BTreeMap::new();
    for (name, kind) in [
        ("japanese-stale", StaleKind::JapaneseStale),
        ("english-stale", StaleKind::EnglishStale),
        ("both-changed", StaleKind::BothChanged),
        ("missing-translation", StaleKind::MissingTranslation),
        ("translation-updated", StaleKind::TranslationUpdated),
        ("unsigned", StaleKind::Unsigned),
    ] {
        for l in [None, Some(Lang::En), Some(Lang::Ja)] {
            stale.insert(format!("{name}:{}", l.map_or("", Lang::code)), f(stale_message(kind, l)));
        }
    }
    let mut moved = BTreeMap::new();
    for clause in &diff.clauses {
        let mut sides = BTreeMap::new();
        for l in Lang::BOTH {
            if let Some(m) = terminal::moved_message(clause.side(l)) {
                sides.insert(l.code(), f(m));
            }
        }
        moved.insert(clause.id.to_string(), sides);
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

/// Renders the redline of `diff` as one self-contained HTML page, labelled in `l10n`'s language.
pub fn render_redline(diff: &RevisionDiff, l10n: &Localizer, templates: &Templates) -> Result<String, RenderError> {
    let view: RedlineView = redline_view(diff);
    let labels = labels(diff, l10n);
    // The interface language's tag, from the locale itself (`en` or `ja`).
    let ui_lang = match l10n.format(&Message::new("diff-html-lang")).as_str() {
        "ja" => "ja",
        _ => "en",
    };
    let env = super::templates::environment(templates);
    let template = env.get_template(REDLINE).map_err(|error| super::templates::error(templates, &error))?;
    template
        .render(context! { view => Value::from(Serde(&view)), labels => Value::from(Serde(&labels)), ui_lang })
        .map_err(|error| super::templates::error(templates, &error))
}
