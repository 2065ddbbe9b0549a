//! The machine-readable diff (`render_json`). Field names are stable; `version` changes only
//! when one is renamed or removed. Shape (version 2, which named `identifier` what version 1
//! called `council_resolution`):
//!
//! ```text
//! {
//!   "version": 2,
//!   "old": { "identifier": { "value": "11/2023",
//!                            "label": { "en": "Council Resolution", "ja": "理事会決議" } } | null,
//!            "adopted": "2023-02-23", "title": { "en": "…", "ja": "…" },
//!            "source": { "kind": "git", "name": "HEAD~1", "commit": "…" | null, "date": "…" | null }
//!                    | { "kind": "folder", "name": "2025-synthetic" | null } },
//!                                                  // where it was read from; absent when unknown
//!   "new": { …same fields… },
//!   "summary": { "clauses_added": 0, "clauses_removed": 0, "clauses_moved": 0,
//!                "clauses_changed": 0, "paragraphs_added": 0, "paragraphs_removed": 0,
//!                "paragraphs_changed": 0, "stale": 0 },          // counted per language side
//!   "clauses": [ {
//!       "id": "principle-3",                       // footnotes: "footnote-<label>"
//!       "kind": "body" | "colophon" | "footnote",
//!       "en": {
//!         "status": "absent" | "unchanged" | "added" | "removed" | "changed",
//!         "moved": { "old_position": 9, "new_position": 10, "after": "principle-9" | null },
//!                                                  // present only when the clause moved
//!         "paragraphs": [ {
//!           "change": "added" | "removed" | "changed",
//!           "lang": "en",
//!           "clause": "principle-3",
//!           "address": "principle-3#2",            // new address; the old one for a removal
//!           "old_address": "principle-3#2" | null, "new_address": "principle-3#2" | null,
//!           "old_text": "…" | null, "new_text": "…" | null,
//!           "segments": [ { "op": "equal" | "delete" | "insert", "text": "…" } ]
//!         } ]
//!       },
//!       "ja": { …same fields… }
//!   } ],
//!   "stale": [ {
//!       "address": "principle-3#2", "clause": "principle-3", "old_address": "principle-3#2" | null,
//!       "kind": "japanese-stale" | "english-stale" | "both-changed" | "missing-translation"
//!             | "translation-updated" | "unsigned",   // the last two from the later revision's record
//!       "lang": "ja" | "en" | null,                // the language to review or translate
//!       "current": "…" | null                      // that language's text now, if any
//!   } ]
//! }
//! ```
//!
//! Addresses: `<clause>#<n>` is the n-th block (1-based), `<clause>#heading` the heading,
//! `footnote-<label>#<n>` a footnote's block. Texts are a light Markdown spelling of the source
//! (`*emphasis*`, `**strong**`, `[text](target)`, `[^1]`, list items as `- ` lines).

use serde::Serialize;

use super::{ClauseDiff, EditionInfo, RevisionDiff, StaleTranslation, Summary};

/// Version of the JSON shape.
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    old: &'a EditionInfo,
    new: &'a EditionInfo,
    summary: Summary,
    clauses: &'a [ClauseDiff],
    stale: &'a [StaleTranslation],
}

/// The diff as pretty-printed JSON, without a final newline (see the module documentation for
/// the shape).
pub fn render_json(diff: &RevisionDiff) -> String {
    let document = Document {
        version: VERSION,
        old: &diff.old,
        new: &diff.new,
        summary: diff.summary(),
        clauses: &diff.clauses,
        stale: &diff.stale,
    };
    // Plain structs with string keys always serialise; keep the output valid JSON anyway.
    serde_json::to_string_pretty(&document)
        .unwrap_or_else(|error| serde_json::json!({ "version": VERSION, "error": error.to_string() }).to_string())
}
