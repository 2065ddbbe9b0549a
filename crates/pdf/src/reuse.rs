//! The parts of long editions that a long-lived renderer (`codepub watch`, `codepub serve`)
//! keeps between renders. A long edition is rendered a part at a time and merged
//! ([`super::PdfRenderer`]); after an edit, most parts are what they were: the same sections,
//! starting on the same page, under the same templates. Such a part is not laid out again: its
//! PDF and what its pages were are taken from the last render of the edition, and only the parts
//! whose inputs changed are laid out. A part's output depends on nothing else (the fonts are the
//! renderer's own), so the merged whole is byte for byte what a cold render gives.
//!
//! A part is known by its inputs, compared whole: the template set's fingerprint
//! ([`codepub_view::render::templates::Templates::fingerprint`]) and the part's data as serialised for its template (its model,
//! the page it starts on and the pages before it). Each edition keeps the parts of its last render
//! only, so memory holds one edition's PDF bytes once.

use std::collections::HashMap;
use std::sync::Mutex;

use super::Pages;

/// What a part was rendered from: compared whole, never by a hash alone.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct PartKey {
    pub templates: u64,
    pub data: Vec<u8>,
    /// Whether the part was laid out only for its pages, no PDF exported ([`super::Chunk::pages_only`]).
    pub pages_only: bool,
}

/// One part's output, as the last render of its edition left it.
#[derive(Clone)]
pub(crate) struct KeptPart {
    pub key: PartKey,
    pub pdf: Vec<u8>,
    pub pages: Pages,
}

/// The parts of each edition's last render, by the edition's document id.
#[derive(Default)]
pub(crate) struct PartStore {
    editions: Mutex<HashMap<String, Vec<KeptPart>>>,
    /// How many parts were laid out and how many reused, over the store's life.
    counts: Mutex<(usize, usize)>,
}

impl PartStore {
    /// Takes the parts of `ident`'s last render (none the first time).
    pub fn take(&self, ident: &str) -> Vec<KeptPart> {
        self.lock().remove(ident).unwrap_or_default()
    }

    /// Keeps `parts` as `ident`'s last render.
    pub fn keep(&self, ident: &str, parts: Vec<KeptPart>) {
        self.lock().insert(ident.to_string(), parts);
    }

    /// Counts one part laid out (`reused` false) or taken as it was.
    pub fn count(&self, reused: bool) {
        let mut counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if reused { counts.1 += 1 } else { counts.0 += 1 }
    }

    /// Parts laid out and parts reused so far.
    pub fn counts(&self) -> (usize, usize) {
        *self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<KeptPart>>> {
        self.editions.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The part of `previous` rendered from `key`, if any.
pub(crate) fn find<'a>(previous: &'a [KeptPart], key: &PartKey) -> Option<&'a KeptPart> {
    previous.iter().find(|part| &part.key == key)
}
