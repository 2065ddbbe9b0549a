//! The heading or block under the cursor and its counterpart in the other language, as the
//! aligner pairs them: hover (address, the paired text, the translation state against
//! `content/translations.lock`) and go to definition (the counterpart's place).

use std::path::Path;

use lsp_types::{Hover, HoverContents, Location, MarkupContent, MarkupKind, Position};

use super::position::{offset, range};
use super::project::{ProjectState, uri_in};
use crate::address::{Address, Owner};
use crate::check::Context;
use crate::check::stale::{Standing, records};
use crate::i18n::{Localizer, Message};
use crate::load::Project;
use crate::model::Lang;
use crate::source::{FileId, Span};

/// A heading or block of one language at the cursor.
struct Under<'c> {
    address: &'c Address,
    lang: Lang,
    span: &'c Span,
    /// The paired unit in the other language, when there is one.
    counterpart: Option<&'c Span>,
    /// Edition matter (a back cover): each language its own, never paired block by block.
    colophon: bool,
}

/// The smallest heading or block of `file` holding byte `offset` (its end included, so the
/// cursor after a paragraph's last character is still in it).
fn under<'c>(cx: &'c Context<'c>, file: FileId, offset: usize) -> Option<Under<'c>> {
    let holds = |span: &Span| span.file == file && span.start <= offset && offset <= span.end;
    let translated = cx.pairs.iter().flat_map(|pair| {
        Lang::BOTH.into_iter().filter_map(move |lang| {
            let unit = pair.side(lang)?;
            let counterpart = pair.side(lang.other()).map(|other| other.span);
            Some(Under { address: &pair.address, lang, span: unit.span, counterpart, colophon: false })
        })
    });
    let colophon = (cx.colophon.iter()).map(|(address, unit)| Under {
        address,
        lang: unit.lang,
        span: unit.span,
        counterpart: None,
        colophon: true,
    });
    translated.chain(colophon).filter(|found| holds(found.span)).min_by_key(|found| found.span.end - found.span.start)
}

/// The hover of the unit at `position` of `file`.
pub(super) fn hover(project: &Project, file: FileId, position: Position, l10n: &Localizer) -> Option<Hover> {
    let alignment = project.alignment();
    let cx = Context::new(project, &alignment).with_glyphs(crate::glyphs::bundled());
    let source = project.sources.get(file);
    let found = under(&cx, file, offset(source, position))?;
    let other = found.lang.other();
    let mut text = format!("**`{}`** ({})\n\n", found.address, found.lang);
    if found.colophon {
        text.push_str(&l10n.format(&Message::new("lsp-hover-edition-matter")));
        text.push('\n');
    } else if let Some(span) = found.counterpart {
        let counterpart = project.sources.get(span.file);
        let place = format!("{}:{}", counterpart.name, span.line);
        text.push_str(
            &l10n.format(&Message::new("lsp-hover-counterpart").arg("lang", other.code()).arg("place", place)),
        );
        text.push_str("\n\n");
        text.push_str(&quoted(&counterpart.text[span.range()]));
        text.push('\n');
        text.push_str(&state(project, &cx, found.address, l10n));
    } else {
        text.push_str(&l10n.format(&Message::new("lsp-hover-no-counterpart").arg("lang", other.code())));
        text.push('\n');
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }),
        range: Some(range(source, found.span.start, found.span.end)),
    })
}

/// The translation state of the pair at `address`, as `codepub status` counts it; for a pair
/// whose English changed, what changed (the English word diff since sign-off) and where to
/// start (the Japanese as signed off), with who signed it off and when.
fn state(project: &Project, cx: &Context<'_>, address: &Address, l10n: &Localizer) -> String {
    let path = crate::load::tree::shown(&project.config.content.lock);
    let Some(records) = records(cx) else {
        return l10n.format(&Message::new("lsp-state-no-record").arg("path", path)) + "\n";
    };
    let Some((pair, standing, entry)) = records.into_iter().find(|(pair, _, _)| pair.address == *address) else {
        return l10n.format(&Message::new("lsp-state-unsigned").arg("path", path)) + "\n";
    };
    let mut text = match &standing {
        Standing::Current => l10n.format(&Message::new("lsp-state-current")) + "\n",
        Standing::EnglishChanged { .. } => l10n.format(&Message::new("lsp-state-english-changed")) + "\n",
        Standing::JapaneseChanged { .. } => l10n.format(&Message::new("lsp-state-japanese-changed")) + "\n",
        Standing::Unsigned => return l10n.format(&Message::new("lsp-state-unsigned").arg("path", path)) + "\n",
    };
    let old_english = match &standing {
        Standing::EnglishChanged { old_english } => Some(old_english.as_str()),
        Standing::JapaneseChanged { old_english } => old_english.as_deref(),
        _ => None,
    };
    if let (Some(old), Some(english)) = (old_english.filter(|old| !old.is_empty()), pair.side(Lang::En)) {
        let changes = crate::lock::marked_diff(old, &english.text, Lang::En);
        text.push_str(&format!(
            "\n{}\n\n```text\n{changes}\n```\n",
            l10n.format(&Message::new("lsp-state-english-diff"))
        ));
        // A record without the texts (version 1): the Japanese of a pair whose English alone
        // changed is still the one signed off.
        let unchanged = matches!(standing, Standing::EnglishChanged { .. }).then(|| pair.side(Lang::Ja)).flatten();
        let japanese = entry.and_then(|e| e.japanese.as_deref()).or(unchanged.map(|unit| unit.text.as_str()));
        if let Some(japanese) = japanese {
            text.push_str(&format!(
                "\n{}\n\n{}",
                l10n.format(&Message::new("lsp-state-japanese-then")),
                quoted(japanese)
            ));
        }
    }
    if let Some(by) = entry.and_then(|e| e.by.as_deref()) {
        let at = entry.and_then(|e| e.at.as_deref()).unwrap_or_default();
        text.push_str(&format!(
            "\n{}\n",
            l10n.format(&Message::new("lsp-state-signed-off").arg("by", by).arg("at", at))
        ));
    }
    text
}

/// Markdown source as a block quote.
fn quoted(text: &str) -> String {
    text.trim_end().lines().map(|line| format!("> {line}\n")).collect()
}

/// Where the counterpart of the unit at `position` is: the paired heading or block; for one
/// without a pair, its clause (or footnote) in the other language, when that language has it.
pub(super) fn definition(
    state: &ProjectState,
    project: &Project,
    file: FileId,
    position: Position,
) -> Option<Location> {
    let alignment = project.alignment();
    let cx = Context::new(project, &alignment).with_glyphs(crate::glyphs::bundled());
    let found = under(&cx, file, offset(project.sources.get(file), position))?;
    let other = found.lang.other();
    let span = match found.counterpart {
        Some(span) => span,
        None => match &found.address.owner {
            Owner::Clause(id) => &alignment.clauses.iter().find(|c| c.id.0 == *id)?.side(other)?.span,
            Owner::Footnote(label) => {
                &alignment.footnotes.iter().find(|f| f.label == label)?.sides.get(other).as_ref()?.span
            }
        },
    };
    let target = project.sources.get(span.file);
    Some(Location { uri: uri_in(state, Path::new(&target.name)), range: range(target, span.start, span.end) })
}
