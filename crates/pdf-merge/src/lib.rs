//! Merging PDFs that [`PdfRenderer`](super::PdfRenderer) wrote for runs of pages of one edition
//! into one PDF, so that a large edition can be compiled in parts. The first part gives the
//! document: its catalog (metadata, output intent, language, mark info, viewer preferences),
//! `/Info` and document id; the XMP metadata's page count becomes the merged document's. Every
//! later part brings its pages, its structure elements (under the first part's document
//! element, their `/StructParents` keys moved past the ones before), its bookmarks, page labels,
//! named destinations and structure ids (renamed where they collide); the rest of its catalog is
//! dropped. Objects are renumbered in order, so the same parts give the same bytes, and the
//! result stays PDF/A-2u and PDF/UA-1 (veraPDF checks a merge in `tests/verapdf.rs`). Each
//! part's pages stay under its own page tree, one root above them all, so what a part's root
//! passes down to its pages is kept.
//!
//! Modules: `objects` (walking, renumbering and dropping objects), `trees` (page tree,
//! bookmarks, number and name trees, colliding names).

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId, dictionary};

use self::objects::{
    MAX_OBJECT_NUMBER, dict, dict_mut, dictionary_of, reachable, references, renumber_part, replace_reference, resolve,
    shift_ids, visit_mut,
};
use self::trees::{chain, count_pages, name_tree, name_tree_entries, number_tree, renamed, renames, visible_items};
use self::writer::PdfWriter;

mod objects;
mod trees;
mod writer;

/// Deeper number or name trees, outlines or page trees than this are taken for loops.
const MAX_DEPTH: usize = 64;

/// The largest integer (a `/StructParents` key or a page index) a PDF holds (ISO 32000-1,
/// Annex C).
const MAX_INTEGER: i64 = i32::MAX as i64;

/// Why the parts could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// No part was given.
    NoParts,
    /// Part `part` (counted from 1) holds something the merge does not understand.
    Part { part: usize, problem: String },
    /// The merged document could not be written.
    Write(String),
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::NoParts => write!(f, "no PDF to merge"),
            MergeError::Part { part, problem } => write!(f, "PDF part {part} could not be merged: {problem}"),
            MergeError::Write(error) => write!(f, "the merged PDF could not be written: {error}"),
        }
    }
}

impl std::error::Error for MergeError {}

/// `parts` in order as one PDF; one part is returned as it is.
pub fn merge(parts: &[Vec<u8>]) -> Result<Vec<u8>, MergeError> {
    let mut merger = Merger::new();
    for part in parts {
        merger.push(part.clone())?;
    }
    merger.finish()
}

/// A merge fed one part at a time: each part's objects are written out as soon as it is read,
/// and only what later parts extend (the catalog, the page tree and structure tree roots, the
/// document element, the top-level bookmarks, the entries of the number and name trees) is
/// kept until [`Merger::finish`]. Memory holds one part, not the document.
#[derive(Default)]
pub struct Merger {
    state: State,
    /// Entries the merged catalog gets (e.g. the page layout).
    catalog: Vec<(Vec<u8>, Object)>,
    parts: usize,
}

#[derive(Default)]
enum State {
    #[default]
    Empty,
    /// The first part, kept as it is while it may be the only one.
    One(Vec<u8>),
    Merging(Box<Merged>),
}

impl Merger {
    pub fn new() -> Self {
        Self::default()
    }

    /// `key` set to `value` in the merged document's catalog.
    pub fn set_in_catalog(&mut self, key: &[u8], value: Object) {
        self.catalog.push((key.to_vec(), value));
    }

    /// The next part, after the others.
    pub fn push(&mut self, bytes: Vec<u8>) -> Result<(), MergeError> {
        self.parts += 1;
        let part = self.parts;
        self.state = match std::mem::take(&mut self.state) {
            State::Empty => State::One(bytes),
            State::One(first) => {
                let mut merged = load(&first).and_then(Merged::start).map_err(at(1))?;
                drop(first);
                load(&bytes).and_then(|document| merged.append(part, document)).map_err(at(part))?;
                State::Merging(Box::new(merged))
            }
            State::Merging(mut merged) => {
                load(&bytes).and_then(|document| merged.append(part, document)).map_err(at(part))?;
                State::Merging(merged)
            }
        };
        Ok(())
    }

    /// The merged PDF; one part as it is (with the catalog entries set, if any).
    pub fn finish(self) -> Result<Vec<u8>, MergeError> {
        match self.state {
            State::Empty => Err(MergeError::NoParts),
            State::One(only) if self.catalog.is_empty() => Ok(only),
            State::One(only) => {
                let mut document = load(&only).map_err(at(1))?;
                let catalog = document.catalog_mut().map_err(|error| at(1)(error.to_string()))?;
                for (key, value) in self.catalog {
                    catalog.set(key, value);
                }
                let mut out = Vec::with_capacity(only.len() + 64);
                document.save_to(&mut out).map_err(|error| MergeError::Write(error.to_string()))?;
                Ok(out)
            }
            State::Merging(merged) => merged.finish(self.catalog),
        }
    }
}

/// A problem of part `part`.
fn at(part: usize) -> impl Fn(String) -> MergeError {
    move |problem| MergeError::Part { part, problem }
}

fn load(bytes: &[u8]) -> Result<Document, String> {
    // lopdf reads untrusted bytes; a panic in it is an unreadable part, not a crash.
    let loaded = std::panic::catch_unwind(|| Document::load_mem(bytes))
        .map_err(|_| "not read as a PDF: the reader failed".to_string())?;
    let document = loaded.map_err(|error| format!("not read as a PDF: {error}"))?;
    if document.is_encrypted() {
        return Err("the PDF is encrypted".to_string());
    }
    Ok(document)
}

/// The document being merged: the objects written so far, those kept to be completed, and the
/// trees of the parts so far, written by [`Merged::finish`].
struct Merged {
    writer: PdfWriter,
    /// The next object number to give.
    next_number: u32,
    /// The objects kept until the end, under their final numbers: the first part's catalog,
    /// metadata, structure tree root, document element and bookmark root, and every part's
    /// page tree root and top-level bookmarks.
    kept: Document,
    /// The language of the first part's content (its document element's or catalog's).
    lang: Option<Vec<u8>>,
    /// Each part's page tree root, in order.
    page_roots: Vec<ObjectId>,
    pages: i64,
    outline_items: Vec<ObjectId>,
    /// The bookmarks a reader shows with the outline open, over the parts so far.
    visible_items: i64,
    page_labels: Vec<(i64, Object)>,
    /// Whether a part had page labels (otherwise none are written).
    labelled: bool,
    /// `/Names /Dests` entries (names are strings).
    named_dests: Vec<(Vec<u8>, Object)>,
    /// `/Dests` entries (names are names).
    dests: Vec<(Vec<u8>, Object)>,
    structure: Option<Structure>,
}

/// The first part's structure tree, growing.
struct Structure {
    root: ObjectId,
    document_element: ObjectId,
    /// The document element's type (`/S`): a later part's top element of this type gives its
    /// children, one of another type is appended itself.
    tag: Vec<u8>,
    parent_tree: Vec<(i64, Object)>,
    next_key: i64,
    ids: Vec<(Vec<u8>, Object)>,
    role_map: Dictionary,
    class_map: Dictionary,
}

/// What one part's catalog holds.
struct Contribution {
    pages_root: ObjectId,
    page_count: i64,
    lang: Option<Vec<u8>>,
    outline_items: Vec<ObjectId>,
    page_labels: Option<Vec<(i64, Object)>>,
    named_dests: Vec<(Vec<u8>, Object)>,
    dests: Vec<(Vec<u8>, Object)>,
    structure: Option<PartStructure>,
}

/// One part's structure tree.
struct PartStructure {
    root: ObjectId,
    elements: Vec<ObjectId>,
    parent_tree: Vec<(i64, Object)>,
    next_key: i64,
    ids: Vec<(Vec<u8>, Object)>,
    role_map: Option<Dictionary>,
    class_map: Option<Dictionary>,
}

impl Merged {
    fn start(mut document: Document) -> Result<Self, String> {
        let part = read(&document)?;
        let structure = match part.structure {
            None => None,
            Some(tree) => {
                let [document_element] = tree.elements[..] else {
                    return Err(format!(
                        "the structure tree has {} top-level elements, one document element expected",
                        tree.elements.len()
                    ));
                };
                let element = dict_mut(&mut document, document_element, "the document element")?;
                let tag = element.get(b"S").and_then(Object::as_name).map_err(|_| "the document element has no /S")?;
                let tag = tag.to_vec();
                // Its children as an array, to append to.
                let kids = match element.remove(b"K") {
                    None => Vec::new(),
                    Some(Object::Array(kids)) => kids,
                    Some(kid) => vec![kid],
                };
                element.set("K", kids);
                // The trees the merge writes anew leave the root: their old nodes are not kept.
                let root = dict_mut(&mut document, tree.root, "the structure tree root")?;
                for key in [&b"ParentTree"[..], b"ParentTreeNextKey", b"IDTree", b"RoleMap", b"ClassMap"] {
                    root.remove(key);
                }
                Some(Structure {
                    root: tree.root,
                    document_element,
                    tag,
                    parent_tree: tree.parent_tree,
                    next_key: tree.next_key,
                    ids: tree.ids,
                    role_map: tree.role_map.unwrap_or_default(),
                    class_map: tree.class_map.unwrap_or_default(),
                })
            }
        };
        let lang = match &structure {
            Some(tree) => element_lang(&document, tree.document_element).or(part.lang),
            None => part.lang,
        };
        let visible_items = visible_items(&document, &part.outline_items, 0)?;

        let catalog_id =
            document.trailer.get(b"Root").and_then(Object::as_reference).map_err(|_| "the trailer has no /Root")?;
        let catalog = dict_mut(&mut document, catalog_id, "the catalog")?;
        for key in [&b"PageLabels"[..], b"Names", b"Dests"] {
            catalog.remove(key);
        }
        let mut kept = vec![catalog_id, part.pages_root];
        kept.extend(catalog.get(b"Metadata").and_then(Object::as_reference));
        kept.extend(catalog.get(b"Outlines").and_then(Object::as_reference));
        kept.extend(&part.outline_items);
        if let Some(tree) = &structure {
            kept.extend([tree.root, tree.document_element]);
        }

        let mut merged = Merged {
            writer: PdfWriter::new(&document.version, &document.binary_mark),
            next_number: 1,
            kept: Document::with_version(document.version.clone()),
            lang,
            page_roots: vec![part.pages_root],
            pages: part.page_count,
            outline_items: part.outline_items,
            visible_items,
            labelled: part.page_labels.is_some(),
            page_labels: part.page_labels.unwrap_or_else(|| vec![(0, default_label(0))]),
            named_dests: part.named_dests,
            dests: part.dests,
            structure,
        };
        let mut trailer = Object::Dictionary(std::mem::take(&mut document.trailer));
        let mut roots = references(&trailer);
        roots.extend(merged.entries().flat_map(references));
        let map = merged.write_part(document, roots, &kept.into_iter().collect(), 0)?;
        renumber_part(&mut trailer, &map, 0);
        merged.renumber_entries(&map);
        if let Object::Dictionary(trailer) = trailer {
            merged.kept.trailer = trailer;
        }
        Ok(merged)
    }

    /// Adds part number `part` after the others.
    fn append(&mut self, part: usize, mut document: Document) -> Result<(), String> {
        let earlier = self.next_number - 1;
        shift_ids(&mut document, earlier)?;
        let contribution = read(&document)?;

        // Named destinations: a name the parts before hold is renamed, with its uses.
        let named_renames = renames(&self.named_dests, &contribution.named_dests, part);
        let dest_renames = renames(&self.dests, &contribution.dests, part);
        if !named_renames.is_empty() || !dest_renames.is_empty() {
            rename_destinations(&mut document, &named_renames, &dest_renames);
        }
        let named_dests = renamed(contribution.named_dests, &named_renames);
        let dests = renamed(contribution.dests, &dest_renames);

        // Structure: keys moved past the parts before, ids renamed, elements moved under the
        // first part's document element.
        let mut moved = Vec::new();
        let mut parent_tree = Vec::new();
        let mut ids = Vec::new();
        match (&mut self.structure, contribution.structure) {
            (None, None) => {}
            (Some(_), None) => return Err("it has no structure tree (the first part has one)".to_string()),
            (None, Some(_)) => return Err("it has a structure tree (the first part has none)".to_string()),
            (Some(tree), Some(part_tree)) => {
                let key_offset = tree.next_key;
                shift_struct_parents(&mut document, key_offset);
                let id_renames = renames(&tree.ids, &part_tree.ids, part);
                for (id, element) in &part_tree.ids {
                    if let Some(new) = id_renames.get(id) {
                        let element = element.as_reference().map_err(|_| "an /IDTree value is not a reference")?;
                        dict_mut(&mut document, element, "an element of the /IDTree")?
                            .set("ID", Object::String(new.clone(), lopdf::StringFormat::Literal));
                    }
                }
                parent_tree = part_tree.parent_tree.into_iter().map(|(key, value)| (key + key_offset, value)).collect();
                for element in part_tree.elements {
                    let lang = element_lang(&document, element).or_else(|| contribution.lang.clone());
                    let Some(kids) = take_kids(&mut document, element, &tree.tag)? else {
                        // Another type than the document element: appended itself.
                        moved.push(Object::Reference(element));
                        set_parent_and_lang(&mut document, element, tree.document_element, &lang, &self.lang)?;
                        continue;
                    };
                    for kid in kids {
                        if let Object::Reference(kid) = kid {
                            set_parent_and_lang(&mut document, kid, tree.document_element, &lang, &self.lang)?;
                        }
                        moved.push(kid);
                    }
                    // Content marked directly in the dropped element now belongs to the first
                    // part's document element.
                    let map = BTreeMap::from([(element, tree.document_element)]);
                    for (_, value) in &mut parent_tree {
                        visit_mut(value, &mut |object| replace_reference(object, &map));
                    }
                }
                tree.next_key += part_tree.next_key;
                ids = renamed(part_tree.ids, &id_renames);
                merge_map(&mut tree.role_map, part_tree.role_map, "/RoleMap")?;
                merge_map(&mut tree.class_map, part_tree.class_map, "/ClassMap")?;
            }
        }

        // The top-level bookmarks are linked to the others' at the end: their links to their
        // part's bookmark root and to each other go, so that the root is not kept.
        for &item in &contribution.outline_items {
            let item = dict_mut(&mut document, item, "a bookmark")?;
            for key in [&b"Parent"[..], b"Prev", b"Next"] {
                item.remove(key);
            }
        }
        let visible = visible_items(&document, &contribution.outline_items, 0)?;
        let page_labels = match contribution.page_labels {
            Some(labels) => {
                self.labelled = true;
                labels.into_iter().map(|(key, label)| (key + self.pages, label)).collect()
            }
            None => vec![(self.pages, default_label(self.pages))],
        };

        // What this part adds, its objects written and its references given their numbers.
        let mut added = Added {
            moved: Object::Array(moved),
            parent_tree,
            ids,
            page_labels,
            named_dests,
            dests,
            outline_items: contribution.outline_items.iter().map(|&id| Object::Reference(id)).collect(),
            pages_root: Object::Reference(contribution.pages_root),
        };
        let roots = added.objects().flat_map(references).collect();
        let kept = contribution.outline_items.iter().copied().chain([contribution.pages_root]).collect();
        let map = self.write_part(document, roots, &kept, earlier)?;
        for object in added.objects_mut() {
            renumber_part(object, &map, earlier);
        }

        let reference = |object: &Object| object.as_reference().map_err(|_| "a kept object of the part is missing");
        self.page_roots.push(reference(&added.pages_root)?);
        self.outline_items.extend(added.outline_items.iter().map(reference).collect::<Result<Vec<_>, _>>()?);
        self.visible_items += visible;
        self.pages += contribution.page_count;
        self.page_labels.extend(added.page_labels);
        self.named_dests.extend(added.named_dests);
        self.dests.extend(added.dests);
        if let Some(tree) = &mut self.structure {
            tree.parent_tree.extend(added.parent_tree);
            tree.ids.extend(added.ids);
            let element = dict_mut(&mut self.kept, tree.document_element, "the document element")?;
            if let (Ok(Object::Array(kids)), Object::Array(moved)) = (element.get_mut(b"K"), added.moved) {
                kids.extend(moved);
            }
        }
        Ok(())
    }

    /// The objects of `document` that `roots` reach, numbered on from the objects merged before
    /// (in the order of their numbers in the part): those in `kept` kept, the others written.
    /// `earlier`: the last number of the objects merged before, under which the part's own
    /// were moved. Returns the part's numbers to final numbers.
    fn write_part(
        &mut self,
        mut document: Document,
        roots: Vec<ObjectId>,
        kept: &BTreeSet<ObjectId>,
        earlier: u32,
    ) -> Result<BTreeMap<ObjectId, ObjectId>, String> {
        let used = reachable(&document, roots);
        let mut map = BTreeMap::new();
        for &old in &used {
            let number = self.next_number;
            if number > MAX_OBJECT_NUMBER {
                return Err("the parts have too many objects".to_string());
            }
            map.insert(old, (number, 0));
            self.next_number += 1;
        }
        for (old, &new) in &map {
            let Some(mut object) = document.objects.remove(old) else { continue };
            renumber_part(&mut object, &map, earlier);
            if kept.contains(old) {
                self.kept.objects.insert(new, object);
            } else {
                self.writer.write(new.0, &object)?;
            }
        }
        Ok(map)
    }

    /// The values of the trees the first part gave (they refer to its objects).
    fn entries(&self) -> impl Iterator<Item = &Object> {
        let tree = self.structure.iter();
        (tree.clone().flat_map(|tree| tree.parent_tree.iter().map(|(_, value)| value)))
            .chain(tree.flat_map(|tree| tree.ids.iter().map(|(_, value)| value)))
            .chain(self.page_labels.iter().map(|(_, value)| value))
            .chain(self.named_dests.iter().chain(&self.dests).map(|(_, value)| value))
    }

    /// The first part's trees and kept objects given their final numbers by `map`.
    fn renumber_entries(&mut self, map: &BTreeMap<ObjectId, ObjectId>) {
        let number = |id: &mut ObjectId| {
            if let Some(&new) = map.get(id) {
                *id = new;
            }
        };
        self.page_roots.iter_mut().for_each(number);
        self.outline_items.iter_mut().for_each(number);
        let values = (self.page_labels.iter_mut().map(|(_, value)| value))
            .chain(self.named_dests.iter_mut().chain(&mut self.dests).map(|(_, value)| value));
        values.for_each(|value| renumber_part(value, map, 0));
        if let Some(tree) = &mut self.structure {
            number(&mut tree.root);
            number(&mut tree.document_element);
            let values = (tree.parent_tree.iter_mut().map(|(_, value)| value))
                .chain(tree.ids.iter_mut().map(|(_, value)| value));
            values.for_each(|value| renumber_part(value, map, 0));
        }
    }

    /// The trees written, the kept objects completed and written, then the cross-reference
    /// table and trailer; `catalog`: entries the catalog gets.
    fn finish(mut self, catalog: Vec<(Vec<u8>, Object)>) -> Result<Vec<u8>, MergeError> {
        self.kept.max_id = self.next_number - 1;
        self.write_back().map_err(MergeError::Write)?;
        let write = |error: String| MergeError::Write(error);
        let root = self.kept.catalog_mut().map_err(|error| write(error.to_string()))?;
        for (key, value) in catalog {
            root.set(key, value);
        }
        for (id, object) in std::mem::take(&mut self.kept.objects) {
            self.writer.write(id.0, &object).map_err(write)?;
        }
        let mut trailer = Dictionary::new();
        for key in [&b"Root"[..], b"Info", b"ID"] {
            if let Ok(value) = self.kept.trailer.get(key) {
                trailer.set(key, value.clone());
            }
        }
        self.writer.finish(trailer).map_err(write)
    }

    fn write_back(&mut self) -> Result<(), String> {
        let next_key = self.structure.as_ref().map_or(0, |tree| tree.next_key);
        if self.pages > MAX_INTEGER || next_key > MAX_INTEGER {
            return Err(format!("more than {MAX_INTEGER} pages or structure keys"));
        }
        let document = &mut self.kept;
        set_metadata_pages(document, self.pages)?;
        let root = document.add_object(dictionary! {
            "Type" => "Pages",
            "Kids" => self.page_roots.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>(),
            "Count" => self.pages,
        });
        for &part_root in &self.page_roots {
            dict_mut(document, part_root, "a page tree")?.set("Parent", root);
        }
        document.catalog_mut().map_err(|error| error.to_string())?.set("Pages", root);

        if let Some(tree) = &mut self.structure {
            tree.parent_tree.sort_by_key(|(key, _)| *key);
            let nums = tree.parent_tree.drain(..).flat_map(|(key, value)| [Object::Integer(key), value]).collect();
            let root = dict_mut(document, tree.root, "the structure tree root")?;
            root.set("ParentTree", dictionary! { "Nums" => Object::Array(nums) });
            root.set("ParentTreeNextKey", tree.next_key);
            if !tree.ids.is_empty() {
                root.set("IDTree", name_tree(std::mem::take(&mut tree.ids)));
            }
            if !tree.role_map.is_empty() {
                root.set("RoleMap", std::mem::take(&mut tree.role_map));
            }
            if !tree.class_map.is_empty() {
                root.set("ClassMap", std::mem::take(&mut tree.class_map));
            }
        }

        if !self.outline_items.is_empty() {
            let outlines = match document.catalog().map_err(|e| e.to_string())?.get(b"Outlines") {
                Ok(Object::Reference(id)) => *id,
                _ => document.add_object(dictionary! { "Type" => "Outlines" }),
            };
            let items = &self.outline_items;
            for (index, &item) in items.iter().enumerate() {
                let item = dict_mut(document, item, "a bookmark")?;
                item.set("Parent", outlines);
                match index.checked_sub(1) {
                    Some(before) => item.set("Prev", items[before]),
                    None => drop(item.remove(b"Prev")),
                }
                match items.get(index + 1) {
                    Some(&after) => item.set("Next", after),
                    None => drop(item.remove(b"Next")),
                }
            }
            let count = self.visible_items;
            let root = dict_mut(document, outlines, "the outline root")?;
            root.set("First", items[0]);
            root.set("Last", items[items.len() - 1]);
            if count > 0 {
                root.set("Count", count);
            } else {
                root.remove(b"Count");
            }
            document.catalog_mut().map_err(|e| e.to_string())?.set("Outlines", outlines);
        }

        let catalog = document.catalog_mut().map_err(|e| e.to_string())?;
        if self.labelled {
            self.page_labels.sort_by_key(|(key, _)| *key);
            let nums = self.page_labels.drain(..).flat_map(|(key, label)| [Object::Integer(key), label]).collect();
            catalog.set("PageLabels", dictionary! { "Nums" => Object::Array(nums) });
        }
        if !self.named_dests.is_empty() {
            catalog.set("Names", dictionary! { "Dests" => name_tree(std::mem::take(&mut self.named_dests)) });
        }
        if !self.dests.is_empty() {
            let mut dests = Dictionary::new();
            for (name, value) in self.dests.drain(..) {
                dests.set(name, value);
            }
            catalog.set("Dests", dests);
        }
        Ok(())
    }
}

/// What a later part adds to the trees, its references given final numbers once its objects
/// are written.
struct Added {
    /// The structure elements moved under the document element (an array).
    moved: Object,
    parent_tree: Vec<(i64, Object)>,
    ids: Vec<(Vec<u8>, Object)>,
    page_labels: Vec<(i64, Object)>,
    named_dests: Vec<(Vec<u8>, Object)>,
    dests: Vec<(Vec<u8>, Object)>,
    outline_items: Vec<Object>,
    pages_root: Object,
}

impl Added {
    fn objects(&self) -> impl Iterator<Item = &Object> {
        [&self.moved, &self.pages_root]
            .into_iter()
            .chain(self.parent_tree.iter().map(|(_, value)| value))
            .chain(self.ids.iter().map(|(_, value)| value))
            .chain(self.page_labels.iter().map(|(_, value)| value))
            .chain(self.named_dests.iter().chain(&self.dests).map(|(_, value)| value))
            .chain(&self.outline_items)
    }

    fn objects_mut(&mut self) -> impl Iterator<Item = &mut Object> {
        [&mut self.moved, &mut self.pages_root]
            .into_iter()
            .chain(self.parent_tree.iter_mut().map(|(_, value)| value))
            .chain(self.ids.iter_mut().map(|(_, value)| value))
            .chain(self.page_labels.iter_mut().map(|(_, value)| value))
            .chain(self.named_dests.iter_mut().chain(&mut self.dests).map(|(_, value)| value))
            .chain(&mut self.outline_items)
    }
}

/// The page count of the catalog's XMP metadata (`<xmpTPg:NPages>`, which typst-pdf writes)
/// set to `pages`, when the metadata is stored unfiltered (as PDF/A has it).
fn set_metadata_pages(document: &mut Document, pages: i64) -> Result<(), String> {
    const OPEN: &[u8] = b"<xmpTPg:NPages>";
    const CLOSE: &[u8] = b"</xmpTPg:NPages>";
    let find = |haystack: &[u8], needle: &[u8]| haystack.windows(needle.len()).position(|w| w == needle);
    let catalog = document.catalog().map_err(|error| error.to_string())?;
    let Ok(&Object::Reference(metadata)) = catalog.get(b"Metadata") else { return Ok(()) };
    let Ok(Object::Stream(stream)) = document.get_object_mut(metadata) else { return Ok(()) };
    if stream.dict.has(b"Filter") {
        return Ok(());
    }
    let Some(start) = find(&stream.content, OPEN).map(|at| at + OPEN.len()) else { return Ok(()) };
    let Some(end) = find(&stream.content[start..], CLOSE).map(|length| start + length) else {
        return Err("the XMP metadata's page count is not closed".to_string());
    };
    let mut content = stream.content[..start].to_vec();
    content.extend(pages.to_string().bytes());
    content.extend(&stream.content[end..]);
    stream.set_content(content);
    Ok(())
}

/// Reads what the merge takes from `document`'s catalog.
fn read(document: &Document) -> Result<Contribution, String> {
    let catalog = document.catalog().map_err(|error| format!("no document catalog: {error}"))?;
    let pages_root = catalog
        .get(b"Pages")
        .and_then(Object::as_reference)
        .map_err(|_| "the catalog's /Pages is not a reference to a page tree")?;
    let page_count = count_pages(document, pages_root)?;
    let lang =
        catalog.get(b"Lang").ok().and_then(|lang| resolve(document, lang).ok()?.as_str().ok()).map(<[u8]>::to_vec);

    let mut outline_items = Vec::new();
    if let Ok(outlines) = catalog.get(b"Outlines") {
        let outlines = dict(document, outlines, "the catalog's /Outlines")?;
        if let Ok(first) = outlines.get(b"First") {
            outline_items = chain(document, first)?;
        }
    }

    let page_labels = match catalog.get(b"PageLabels") {
        Ok(tree) => Some(number_tree(document, tree, "/PageLabels")?),
        Err(_) => None,
    };

    let mut named_dests = Vec::new();
    if let Ok(names) = catalog.get(b"Names") {
        for (key, tree) in dict(document, names, "the catalog's /Names")? {
            if key != b"Dests" {
                let key = String::from_utf8_lossy(key);
                return Err(format!("the catalog's /Names has /{key}, which the merge does not keep"));
            }
            named_dests = name_tree_entries(document, tree, "/Names /Dests")?;
        }
    }
    let mut dests = Vec::new();
    if let Ok(old) = catalog.get(b"Dests") {
        for (name, value) in dict(document, old, "the catalog's /Dests")? {
            dests.push((name.clone(), value.clone()));
        }
    }

    let structure = match catalog.get(b"StructTreeRoot") {
        Ok(root) => Some(read_structure(document, root)?),
        Err(_) => None,
    };
    Ok(Contribution { pages_root, page_count, lang, outline_items, page_labels, named_dests, dests, structure })
}

fn read_structure(document: &Document, root: &Object) -> Result<PartStructure, String> {
    let what = "the catalog's /StructTreeRoot";
    let root_id = root.as_reference().map_err(|_| format!("{what} is not a reference"))?;
    let tree = dict(document, root, what)?;
    let elements = match tree.get(b"K") {
        Err(_) => Vec::new(),
        Ok(Object::Reference(id)) => vec![*id],
        Ok(kids) => {
            let kids =
                resolve(document, kids)?.as_array().map_err(|_| "the structure tree root's /K is not an array")?;
            let ids = kids.iter().map(Object::as_reference).collect::<Result<Vec<_>, _>>();
            ids.map_err(|_| "the structure tree root's /K holds something else than elements")?
        }
    };
    let parent_tree = match tree.get(b"ParentTree") {
        Ok(parent_tree) => number_tree(document, parent_tree, "/ParentTree")?,
        Err(_) => Vec::new(),
    };
    let after_last = parent_tree.iter().map(|(key, _)| key + 1).max().unwrap_or(0);
    let next_key = tree.get(b"ParentTreeNextKey").and_then(Object::as_i64).unwrap_or(0).clamp(0, MAX_INTEGER);
    let next_key = next_key.max(after_last);
    let ids = match tree.get(b"IDTree") {
        Ok(ids) => name_tree_entries(document, ids, "/IDTree")?,
        Err(_) => Vec::new(),
    };
    let map = |key: &[u8]| match tree.get(key) {
        Ok(map) => dict(document, map, "a structure map").map(|map| Some(map.clone())),
        Err(_) => Ok(None),
    };
    Ok(PartStructure {
        root: root_id,
        elements,
        parent_tree,
        next_key,
        ids,
        role_map: map(b"RoleMap")?,
        class_map: map(b"ClassMap")?,
    })
}

/// The label of pages that had none, numbered as a reader numbers them: the page number.
fn default_label(page_index: i64) -> Object {
    Object::Dictionary(dictionary! { "S" => "D", "St" => page_index + 1 })
}

/// Uses of renamed destinations (`/Dest` of bookmarks and links, `/D` of go-to actions)
/// rewritten: strings by `named`, names by `dests`.
fn rename_destinations(
    document: &mut Document,
    named: &BTreeMap<Vec<u8>, Vec<u8>>,
    dests: &BTreeMap<Vec<u8>, Vec<u8>>,
) {
    let rename = |object: &mut Object| match object {
        Object::String(name, _) => {
            if let Some(new) = named.get(name) {
                name.clone_from(new);
            }
        }
        Object::Name(name) => {
            if let Some(new) = dests.get(name) {
                name.clone_from(new);
            }
        }
        _ => {}
    };
    for object in document.objects.values_mut() {
        visit_mut(object, &mut |object| {
            let Some(dictionary) = dictionary_of(object) else { return };
            if let Ok(dest) = dictionary.get_mut(b"Dest") {
                rename(dest);
            }
            let go_to = dictionary.get(b"S").and_then(Object::as_name).is_ok_and(|s| s == b"GoTo");
            if go_to && let Ok(dest) = dictionary.get_mut(b"D") {
                rename(dest);
            }
        });
    }
}

/// `/StructParents` (pages, forms) and `/StructParent` (annotations) moved by `offset`.
fn shift_struct_parents(document: &mut Document, offset: i64) {
    for object in document.objects.values_mut() {
        visit_mut(object, &mut |object| {
            let Some(dictionary) = dictionary_of(object) else { return };
            for key in [&b"StructParents"[..], b"StructParent"] {
                if let Ok(Object::Integer(key)) = dictionary.get_mut(key) {
                    *key = key.saturating_add(offset);
                }
            }
        });
    }
}

/// The children of a later part's top element `element`, taken from it, when it has the type
/// `tag` (the document element's): marked content made explicit with its page, so that it can
/// move.
fn take_kids(document: &mut Document, element: ObjectId, tag: &[u8]) -> Result<Option<Vec<Object>>, String> {
    let dictionary = dict_mut(document, element, "a top-level structure element")?;
    if !dictionary.get(b"S").and_then(Object::as_name).is_ok_and(|s| s == tag) {
        return Ok(None);
    }
    let page = dictionary.get(b"Pg").ok().cloned();
    let kids = match dictionary.remove(b"K") {
        None => Vec::new(),
        Some(Object::Array(kids)) => kids,
        Some(kid) => vec![kid],
    };
    let mut explicit = Vec::with_capacity(kids.len());
    for kid in kids {
        explicit.push(match kid {
            Object::Integer(mcid) => {
                let page = page.clone().ok_or("marked content in the document element has no page")?;
                Object::Dictionary(dictionary! { "Type" => "MCR", "Pg" => page, "MCID" => mcid })
            }
            Object::Dictionary(mut reference) => {
                if let (false, Some(page)) = (reference.has(b"Pg"), &page) {
                    reference.set("Pg", page.clone());
                }
                Object::Dictionary(reference)
            }
            kid => kid,
        });
    }
    Ok(Some(explicit))
}

/// `element` under `parent`, with the language of its part `lang` when that is not the
/// document's (`document_lang`) and it has none of its own.
fn set_parent_and_lang(
    document: &mut Document,
    element: ObjectId,
    parent: ObjectId,
    lang: &Option<Vec<u8>>,
    document_lang: &Option<Vec<u8>>,
) -> Result<(), String> {
    let dictionary = dict_mut(document, element, "a structure element")?;
    if !dictionary.has(b"S") {
        return Ok(());
    }
    dictionary.set("P", parent);
    if let Some(lang) = lang
        && lang != document_lang.as_ref().unwrap_or(&Vec::new())
        && !dictionary.has(b"Lang")
    {
        dictionary.set("Lang", Object::String(lang.clone(), lopdf::StringFormat::Literal));
    }
    Ok(())
}

/// The `/Lang` of structure element `element`.
fn element_lang(document: &Document, element: ObjectId) -> Option<Vec<u8>> {
    let element = document.get_dictionary(element).ok()?;
    element.get(b"Lang").and_then(Object::as_str).ok().map(<[u8]>::to_vec)
}

/// `added`'s entries into `map`; the same key with another value is refused.
fn merge_map(map: &mut Dictionary, added: Option<Dictionary>, what: &str) -> Result<(), String> {
    for (key, value) in added.iter().flatten() {
        match map.get(key) {
            Ok(existing) if existing != value => {
                let key = String::from_utf8_lossy(key);
                return Err(format!("{what} maps /{key} otherwise than the first part"));
            }
            Ok(_) => {}
            Err(_) => map.set(key.clone(), value.clone()),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
