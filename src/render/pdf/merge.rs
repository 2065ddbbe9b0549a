//! Merging PDFs that [`PdfRenderer`](super::PdfRenderer) wrote for runs of pages of one edition
//! into one PDF, so that a large edition can be compiled in parts. The first part gives the
//! document: its catalog (metadata, output intent, language, mark info, viewer preferences),
//! `/Info` and document id. Every later part brings its pages, its structure elements (under the
//! first part's document element, their `/StructParents` keys moved past the ones before), its
//! bookmarks, page labels, named destinations and structure ids (renamed where they collide);
//! the rest of its catalog is dropped. Objects are renumbered in order, so the same parts give
//! the same bytes, and the result stays PDF/A-2u and PDF/UA-1 (veraPDF checks a merge in
//! `tests/verapdf.rs`).

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId, dictionary};

/// Deeper number or name trees, outlines or page trees than this are taken for loops.
const MAX_DEPTH: usize = 64;

/// The largest object number (ISO 32000-1, Annex C) and integer (a `/StructParents` key or a
/// page index) a PDF holds.
const MAX_OBJECT_NUMBER: u32 = 8_388_607;
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
    let (first, rest) = parts.split_first().ok_or(MergeError::NoParts)?;
    if rest.is_empty() {
        return Ok(first.clone());
    }
    let mut merged = load(first).and_then(Merged::start).map_err(at(1))?;
    for (index, bytes) in rest.iter().enumerate() {
        let part = index + 2;
        load(bytes).and_then(|document| merged.append(part, document)).map_err(at(part))?;
    }
    merged.finish()
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

/// The document being merged, and the trees of the parts so far, written back by
/// [`Merged::finish`].
struct Merged {
    document: Document,
    /// The language of the first part's content (its document element's or catalog's).
    lang: Option<Vec<u8>>,
    /// Each part's page tree root, in order.
    page_roots: Vec<ObjectId>,
    pages: i64,
    outline_items: Vec<ObjectId>,
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
        let labelled = part.page_labels.is_some();
        Ok(Merged {
            document,
            lang,
            page_roots: vec![part.pages_root],
            pages: part.page_count,
            outline_items: part.outline_items,
            page_labels: part.page_labels.unwrap_or_else(|| vec![(0, default_label(0))]),
            labelled,
            named_dests: part.named_dests,
            dests: part.dests,
            structure,
        })
    }

    /// Adds part number `part` after the others.
    fn append(&mut self, part: usize, mut document: Document) -> Result<(), String> {
        let offset = self.document.objects.keys().map(|id| id.0).max().unwrap_or(0).max(self.document.max_id);
        shift_ids(&mut document, offset)?;
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
                let mut parent_tree: Vec<(i64, Object)> =
                    part_tree.parent_tree.into_iter().map(|(key, value)| (key + key_offset, value)).collect();
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
                tree.parent_tree.extend(parent_tree);
                tree.next_key += part_tree.next_key;
                tree.ids.extend(renamed(part_tree.ids, &id_renames));
                merge_map(&mut tree.role_map, part_tree.role_map, "/RoleMap")?;
                merge_map(&mut tree.class_map, part_tree.class_map, "/ClassMap")?;
            }
        }

        match contribution.page_labels {
            Some(labels) => {
                self.labelled = true;
                self.page_labels.extend(labels.into_iter().map(|(key, label)| (key + self.pages, label)));
            }
            None => self.page_labels.push((self.pages, default_label(self.pages))),
        }
        self.page_roots.push(contribution.pages_root);
        self.pages += contribution.page_count;
        self.outline_items.extend(contribution.outline_items);
        self.named_dests.extend(named_dests);
        self.dests.extend(dests);

        self.document.max_id = self.document.max_id.max(document.objects.keys().map(|id| id.0).max().unwrap_or(0));
        self.document.objects.extend(std::mem::take(&mut document.objects));
        if let Some(tree) = &self.structure {
            let element = dict_mut(&mut self.document, tree.document_element, "the document element")?;
            if let Ok(Object::Array(kids)) = element.get_mut(b"K") {
                kids.extend(moved);
            }
        }
        Ok(())
    }

    /// The trees written back, unused objects dropped, objects renumbered, the file written.
    fn finish(mut self) -> Result<Vec<u8>, MergeError> {
        self.write_back().map_err(MergeError::Write)?;
        keep_used_and_renumber(&mut self.document);
        let mut out = Vec::new();
        self.document.save_to(&mut out).map_err(|error| MergeError::Write(error.to_string()))?;
        Ok(out)
    }

    fn write_back(&mut self) -> Result<(), String> {
        let next_key = self.structure.as_ref().map_or(0, |tree| tree.next_key);
        if self.pages > MAX_INTEGER || next_key > MAX_INTEGER {
            return Err(format!("more than {MAX_INTEGER} pages or structure keys"));
        }
        let document = &mut self.document;
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
            let count = visible_items(document, items, 0)?;
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

        if self.labelled {
            self.page_labels.sort_by_key(|(key, _)| *key);
            let nums = self.page_labels.drain(..).flat_map(|(key, label)| [Object::Integer(key), label]).collect();
            document
                .catalog_mut()
                .map_err(|e| e.to_string())?
                .set("PageLabels", dictionary! { "Nums" => Object::Array(nums) });
        }

        if !self.named_dests.is_empty() {
            let catalog = document.catalog().map_err(|e| e.to_string())?;
            let mut names = match catalog.get(b"Names") {
                Ok(names) => dict(document, names, "the catalog's /Names")?.clone(),
                Err(_) => Dictionary::new(),
            };
            names.set("Dests", name_tree(std::mem::take(&mut self.named_dests)));
            document.catalog_mut().map_err(|e| e.to_string())?.set("Names", names);
        }
        if !self.dests.is_empty() {
            let mut dests = Dictionary::new();
            for (name, value) in self.dests.drain(..) {
                dests.set(name, value);
            }
            document.catalog_mut().map_err(|e| e.to_string())?.set("Dests", dests);
        }
        Ok(())
    }
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

/// The pages under page tree node `root`, checked against its `/Count`.
fn count_pages(document: &Document, root: ObjectId) -> Result<i64, String> {
    fn walk(document: &Document, node: ObjectId, depth: usize, seen: &mut BTreeSet<ObjectId>) -> Result<i64, String> {
        if depth > MAX_DEPTH || !seen.insert(node) {
            return Err("the page tree loops".to_string());
        }
        let reference = Object::Reference(node);
        let dictionary = dict(document, &reference, "a page tree node")?;
        match dictionary.get(b"Kids") {
            Err(_) if dictionary.has_type(b"Page") => Ok(1),
            Err(_) => Err(format!("page tree node {} {} R has neither /Kids nor /Type /Page", node.0, node.1)),
            Ok(kids) => {
                let kids = resolve(document, kids)?.as_array().map_err(|_| "a page tree's /Kids is not an array")?;
                let mut pages = 0;
                for kid in kids {
                    let kid = kid.as_reference().map_err(|_| "a page tree's /Kids holds a non-reference")?;
                    pages += walk(document, kid, depth + 1, seen)?;
                }
                Ok(pages)
            }
        }
    }
    let pages = walk(document, root, 0, &mut BTreeSet::new())?;
    let count = dict(document, &Object::Reference(root), "the page tree")?.get(b"Count").and_then(Object::as_i64);
    match count {
        Ok(count) if count == pages => Ok(pages),
        _ => Err(format!("the page tree's /Count is not its {pages} pages")),
    }
}

/// The items from `first` along `/Next`.
fn chain(document: &Document, first: &Object) -> Result<Vec<ObjectId>, String> {
    let mut items = Vec::new();
    let mut seen = BTreeSet::new();
    let mut next = Some(first.as_reference().map_err(|_| "a bookmark's /First or /Next is not a reference")?);
    while let Some(item) = next {
        if !seen.insert(item) {
            return Err("the bookmarks loop".to_string());
        }
        items.push(item);
        next = match dict(document, &Object::Reference(item), "a bookmark")?.get(b"Next") {
            Ok(next) => Some(next.as_reference().map_err(|_| "a bookmark's /Next is not a reference")?),
            Err(_) => None,
        };
    }
    Ok(items)
}

/// The bookmarks a reader shows with the outline open: `items` and, under those with a
/// positive `/Count` (open), their children's, as the outline root's `/Count`.
fn visible_items(document: &Document, items: &[ObjectId], depth: usize) -> Result<i64, String> {
    if depth > MAX_DEPTH {
        return Err("the bookmarks nest too deep".to_string());
    }
    let mut count = 0;
    for &item in items {
        count += 1;
        let reference = Object::Reference(item);
        let item = dict(document, &reference, "a bookmark")?;
        if item.get(b"Count").and_then(Object::as_i64).is_ok_and(|count| count > 0)
            && let Ok(first) = item.get(b"First")
        {
            count += visible_items(document, &chain(document, first)?, depth + 1)?;
        }
    }
    Ok(count)
}

/// The entries of a number tree.
fn number_tree(document: &Document, tree: &Object, what: &str) -> Result<Vec<(i64, Object)>, String> {
    let mut entries = Vec::new();
    tree_entries(document, tree, b"Nums", what, 0, &mut entries)?;
    let key = |key: Object| match key.as_i64() {
        Ok(key) if (0..=MAX_INTEGER).contains(&key) => Ok(key),
        _ => Err(format!("a key of {what} is not an integer from 0 to {MAX_INTEGER}")),
    };
    entries.into_iter().map(|(k, value)| Ok((key(k)?, value))).collect()
}

/// The entries of a name tree.
fn name_tree_entries(document: &Document, tree: &Object, what: &str) -> Result<Vec<(Vec<u8>, Object)>, String> {
    let mut entries = Vec::new();
    tree_entries(document, tree, b"Names", what, 0, &mut entries)?;
    entries
        .into_iter()
        .map(|(key, value)| Ok((key.as_str().map_err(|_| format!("a key of {what} is not a string"))?.to_vec(), value)))
        .collect()
}

/// The key-value pairs of the leaves (`leaves`: `/Nums` or `/Names`) of a number or name tree.
fn tree_entries(
    document: &Document,
    node: &Object,
    leaves: &[u8],
    what: &str,
    depth: usize,
    out: &mut Vec<(Object, Object)>,
) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!("{what} nests too deep"));
    }
    let node = dict(document, node, what)?;
    if let Ok(pairs) = node.get(leaves) {
        let pairs = resolve(document, pairs)?.as_array().map_err(|_| format!("a leaf of {what} is not an array"))?;
        if pairs.len() % 2 != 0 {
            return Err(format!("a leaf of {what} has an odd number of items"));
        }
        out.extend(pairs.chunks(2).map(|pair| (pair[0].clone(), pair[1].clone())));
    }
    if let Ok(kids) = node.get(b"Kids") {
        let kids = resolve(document, kids)?.as_array().map_err(|_| format!("the /Kids of {what} is not an array"))?;
        for kid in kids {
            tree_entries(document, kid, leaves, what, depth + 1, out)?;
        }
    }
    Ok(())
}

/// A name tree of one node holding `entries`, sorted by name.
fn name_tree(mut entries: Vec<(Vec<u8>, Object)>) -> Dictionary {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let names = entries
        .into_iter()
        .flat_map(|(name, value)| [Object::String(name, lopdf::StringFormat::Literal), value])
        .collect::<Vec<_>>();
    dictionary! { "Names" => names }
}

/// The label of pages that had none, numbered as a reader numbers them: the page number.
fn default_label(page_index: i64) -> Object {
    Object::Dictionary(dictionary! { "S" => "D", "St" => page_index + 1 })
}

/// New names for the names of `added` that `existing` (or an earlier one of `added`) holds:
/// `name-<part>`, then `name-<part>-2`, … (in UTF-16 for a UTF-16 name).
fn renames(existing: &[(Vec<u8>, Object)], added: &[(Vec<u8>, Object)], part: usize) -> BTreeMap<Vec<u8>, Vec<u8>> {
    let mut taken: BTreeSet<Vec<u8>> = existing.iter().map(|(name, _)| name.clone()).collect();
    let mut renames = BTreeMap::new();
    for (name, _) in added {
        if taken.insert(name.clone()) {
            continue;
        }
        let new = (1..)
            .map(|n| if n == 1 { format!("-{part}") } else { format!("-{part}-{n}") })
            .map(|suffix| suffixed(name, &suffix))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_default();
        taken.insert(new.clone());
        renames.insert(name.clone(), new);
    }
    renames
}

/// `entries` with their names renamed by `renames`.
fn renamed(entries: Vec<(Vec<u8>, Object)>, renames: &BTreeMap<Vec<u8>, Vec<u8>>) -> Vec<(Vec<u8>, Object)> {
    entries.into_iter().map(|(name, value)| (renames.get(&name).cloned().unwrap_or(name), value)).collect()
}

fn suffixed(name: &[u8], suffix: &str) -> Vec<u8> {
    let mut name = name.to_vec();
    if name.starts_with(&[0xFE, 0xFF]) {
        name.extend(suffix.encode_utf16().flat_map(u16::to_be_bytes));
    } else {
        name.extend(suffix.bytes());
    }
    name
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

/// Every object number of `document` moved up by `offset`.
fn shift_ids(document: &mut Document, offset: u32) -> Result<(), String> {
    let shifted = |(number, generation): ObjectId| {
        let new = number.checked_add(offset).filter(|&new| new <= MAX_OBJECT_NUMBER);
        new.map(|new| ((number, generation), (new, generation))).ok_or("the parts have too many objects")
    };
    let map = document.objects.keys().map(|&id| shifted(id)).collect::<Result<BTreeMap<_, _>, _>>()?;
    let objects = std::mem::take(&mut document.objects);
    for (id, mut object) in objects {
        visit_mut(&mut object, &mut |object| replace_reference(object, &map));
        document.objects.insert(map[&id], object);
    }
    let mut trailer = Object::Dictionary(std::mem::take(&mut document.trailer));
    visit_mut(&mut trailer, &mut |object| replace_reference(object, &map));
    if let Object::Dictionary(trailer) = trailer {
        document.trailer = trailer;
    }
    document.max_id = document.max_id.saturating_add(offset);
    Ok(())
}

/// The objects the trailer reaches, numbered from 1 in the order of their old numbers; the
/// rest dropped. A reference to a missing object becomes null.
fn keep_used_and_renumber(document: &mut Document) {
    let mut used = BTreeSet::new();
    let mut pending = Vec::new();
    let trailer = Object::Dictionary(document.trailer.clone());
    visit(&trailer, &mut |object| {
        if let Object::Reference(id) = object {
            pending.push(*id);
        }
    });
    while let Some(id) = pending.pop() {
        if !used.insert(id) {
            continue;
        }
        if let Some(object) = document.objects.get(&id) {
            visit(object, &mut |object| {
                if let Object::Reference(id) = object {
                    pending.push(*id);
                }
            });
        }
    }
    let map: BTreeMap<ObjectId, ObjectId> = used
        .iter()
        .filter(|id| document.objects.contains_key(id))
        .zip(1..)
        .map(|(&old, new)| (old, (new, 0)))
        .collect();
    let mut objects = std::mem::take(&mut document.objects);
    for (old, new) in &map {
        if let Some(mut object) = objects.remove(old) {
            visit_mut(&mut object, &mut |object| renumber_or_null(object, &map));
            document.objects.insert(*new, object);
        }
    }
    let mut trailer = Object::Dictionary(std::mem::take(&mut document.trailer));
    visit_mut(&mut trailer, &mut |object| renumber_or_null(object, &map));
    if let Object::Dictionary(trailer) = trailer {
        document.trailer = trailer;
    }
    document.max_id = u32::try_from(map.len()).unwrap_or(u32::MAX);
}

fn replace_reference(object: &mut Object, map: &BTreeMap<ObjectId, ObjectId>) {
    if let Object::Reference(id) = object
        && let Some(new) = map.get(id)
    {
        *id = *new;
    }
}

fn renumber_or_null(object: &mut Object, map: &BTreeMap<ObjectId, ObjectId>) {
    if let Object::Reference(id) = object {
        *object = map.get(id).map_or(Object::Null, |&new| Object::Reference(new));
    }
}

/// `f` on `object` and every object inside it.
fn visit(object: &Object, f: &mut dyn FnMut(&Object)) {
    f(object);
    match object {
        Object::Array(items) => items.iter().for_each(|item| visit(item, f)),
        Object::Dictionary(dictionary) => dictionary.iter().for_each(|(_, value)| visit(value, f)),
        Object::Stream(stream) => stream.dict.iter().for_each(|(_, value)| visit(value, f)),
        _ => {}
    }
}

/// `f` on `object` and every object inside it, mutably.
fn visit_mut(object: &mut Object, f: &mut dyn FnMut(&mut Object)) {
    f(object);
    match object {
        Object::Array(items) => items.iter_mut().for_each(|item| visit_mut(item, f)),
        Object::Dictionary(dictionary) => dictionary.iter_mut().for_each(|(_, value)| visit_mut(value, f)),
        Object::Stream(stream) => stream.dict.iter_mut().for_each(|(_, value)| visit_mut(value, f)),
        _ => {}
    }
}

fn dictionary_of(object: &mut Object) -> Option<&mut Dictionary> {
    match object {
        Object::Dictionary(dictionary) => Some(dictionary),
        Object::Stream(stream) => Some(&mut stream.dict),
        _ => None,
    }
}

/// `object`, following references.
fn resolve<'a>(document: &'a Document, object: &'a Object) -> Result<&'a Object, String> {
    let mut object = object;
    for _ in 0..MAX_DEPTH {
        match object {
            Object::Reference(id) => {
                object = document.get_object(*id).map_err(|_| format!("object {} {} R is missing", id.0, id.1))?;
            }
            _ => return Ok(object),
        }
    }
    Err("references loop".to_string())
}

/// `object` (or the object it refers to) as a dictionary, `what` naming it in the error.
fn dict<'a>(document: &'a Document, object: &'a Object, what: &str) -> Result<&'a Dictionary, String> {
    match resolve(document, object)? {
        Object::Dictionary(dictionary) => Ok(dictionary),
        Object::Stream(stream) => Ok(&stream.dict),
        _ => Err(format!("{what} is not a dictionary")),
    }
}

fn dict_mut<'a>(document: &'a mut Document, id: ObjectId, what: &str) -> Result<&'a mut Dictionary, String> {
    let object = document.get_object_mut(id).map_err(|_| format!("{what} ({} {} R) is missing", id.0, id.1))?;
    dictionary_of(object).ok_or_else(|| format!("{what} ({} {} R) is not a dictionary", id.0, id.1))
}

#[cfg(test)]
mod tests {
    use lopdf::StringFormat;

    use super::*;

    fn text(text: &str) -> Object {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    }

    /// A small tagged PDF as typst-pdf writes one, with `pages` pages marked `<name>-<page>`:
    /// a structure tree (a document element with a paragraph per page, the first with id
    /// `note`, and a link), a link annotation and a bookmark to the named destination `intro`,
    /// a closed bookmark with an open child, page labels when `labelled`.
    struct Sample {
        document: Document,
        document_element: ObjectId,
        pages: Vec<ObjectId>,
    }

    fn sample(name: &str, pages: usize, labelled: bool, lang: &str) -> Sample {
        let mut document = Document::with_version("1.7");
        let root = document.new_object_id();
        let tree = document.new_object_id();
        let element = document.new_object_id();
        let mut page_ids = Vec::new();
        let mut paragraphs = Vec::new();
        let mut nums = Vec::new();
        for page in 0..pages {
            let id = document.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => root,
                "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                "StructParents" => i64::try_from(page).unwrap(),
                "Marker" => text(&format!("{name}-{page}")),
            });
            let mut paragraph =
                dictionary! { "Type" => "StructElem", "S" => "P", "P" => element, "Pg" => id, "K" => 0 };
            if page == 0 {
                paragraph.set("ID", text("note"));
            }
            let paragraph = document.add_object(paragraph);
            nums.extend([Object::Integer(i64::try_from(page).unwrap()), vec![Object::Reference(paragraph)].into()]);
            page_ids.push(id);
            paragraphs.push(Object::Reference(paragraph));
        }
        let annotation = document.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Link", "Dest" => text("intro"), "P" => page_ids[0],
            "StructParent" => i64::try_from(pages).unwrap(),
        });
        document.get_dictionary_mut(page_ids[0]).unwrap().set("Annots", vec![Object::Reference(annotation)]);
        let link = document.add_object(dictionary! {
            "Type" => "StructElem", "S" => "Link", "P" => element,
            "K" => vec![Object::Dictionary(dictionary! { "Type" => "OBJR", "Obj" => annotation, "Pg" => page_ids[0] })],
        });
        nums.extend([Object::Integer(i64::try_from(pages).unwrap()), Object::Reference(link)]);
        paragraphs.push(Object::Reference(link));
        document.objects.insert(
            element,
            Object::Dictionary(
                dictionary! { "Type" => "StructElem", "S" => "Document", "P" => tree, "K" => paragraphs.clone() },
            ),
        );
        document.objects.insert(
            tree,
            Object::Dictionary(dictionary! {
                "Type" => "StructTreeRoot",
                "K" => vec![Object::Reference(element)],
                "ParentTree" => dictionary! { "Nums" => nums },
                "ParentTreeNextKey" => i64::try_from(pages + 1).unwrap(),
                "IDTree" => dictionary! { "Names" => vec![text("note"), Object::Reference(paragraphs[0].as_reference().unwrap())] },
                "RoleMap" => dictionary! { "Title" => "P" },
            }),
        );
        let kids = page_ids.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>();
        let count = i64::try_from(pages).unwrap();
        document
            .objects
            .insert(root, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));

        let outlines = document.new_object_id();
        let top = document.new_object_id();
        let child = document.add_object(dictionary! {
            "Title" => text(&format!("{name} child")), "Parent" => top,
            "Dest" => vec![Object::Reference(page_ids[pages - 1]), "Fit".into()],
        });
        let grandchild = document.add_object(dictionary! {
            "Title" => text(&format!("{name} grandchild")), "Parent" => child, "Dest" => text("intro"),
        });
        let child_dict = document.get_dictionary_mut(child).unwrap();
        child_dict.set("First", grandchild);
        child_dict.set("Last", grandchild);
        child_dict.set("Count", 1);
        document.objects.insert(
            top,
            Object::Dictionary(dictionary! {
                "Title" => text(name), "Parent" => outlines, "Dest" => text("intro"),
                "First" => child, "Last" => child, "Count" => -2,
            }),
        );
        document.objects.insert(
            outlines,
            Object::Dictionary(dictionary! { "Type" => "Outlines", "First" => top, "Last" => top, "Count" => 1 }),
        );

        let mut catalog = dictionary! {
            "Type" => "Catalog", "Pages" => root, "StructTreeRoot" => tree, "Outlines" => outlines,
            "Lang" => text(lang), "MarkInfo" => dictionary! { "Marked" => true },
            "Names" => dictionary! { "Dests" => dictionary! {
                "Names" => vec![text("intro"), vec![Object::Reference(page_ids[0]), "Fit".into()].into()],
            } },
        };
        if labelled {
            catalog.set("PageLabels", dictionary! { "Nums" => vec![0.into(), dictionary! { "S" => "r" }.into()] });
        }
        let catalog = document.add_object(catalog);
        let info = document.add_object(dictionary! { "Title" => text(name) });
        document.trailer.set("Root", catalog);
        document.trailer.set("Info", info);
        let id = Object::String(name.as_bytes().to_vec(), StringFormat::Hexadecimal);
        document.trailer.set("ID", vec![id.clone(), id]);
        Sample { document, document_element: element, pages: page_ids }
    }

    fn bytes(mut sample: Sample) -> Vec<u8> {
        let mut out = Vec::new();
        sample.document.save_to(&mut out).unwrap();
        out
    }

    fn part(name: &str, pages: usize) -> Vec<u8> {
        bytes(sample(name, pages, true, "en"))
    }

    fn merged(parts: &[Vec<u8>]) -> Document {
        Document::load_mem(&merge(parts).unwrap()).unwrap()
    }

    fn string<'a>(dictionary: &'a Dictionary, key: &[u8]) -> &'a [u8] {
        dictionary.get(key).unwrap().as_str().unwrap()
    }

    fn reference(dictionary: &Dictionary, key: &[u8]) -> ObjectId {
        dictionary.get(key).unwrap().as_reference().unwrap()
    }

    fn catalog_dict<'a>(document: &'a Document, key: &[u8]) -> &'a Dictionary {
        let object = document.catalog().unwrap().get(key).unwrap();
        dict(document, object, "test").unwrap()
    }

    fn struct_tree(document: &Document) -> &Dictionary {
        catalog_dict(document, b"StructTreeRoot")
    }

    fn document_element(document: &Document) -> (ObjectId, &Dictionary) {
        let id = struct_tree(document).get(b"K").unwrap().as_array().unwrap()[0].as_reference().unwrap();
        (id, document.get_dictionary(id).unwrap())
    }

    /// `(key, value)` pairs of a one-node number or name tree.
    fn leaves<'a>(tree: &'a Dictionary, key: &[u8]) -> Vec<(&'a Object, &'a Object)> {
        tree.get(key).unwrap().as_array().unwrap().chunks(2).map(|pair| (&pair[0], &pair[1])).collect()
    }

    #[test]
    fn one_part_is_returned_unchanged_and_none_is_an_error() {
        let only = part("a", 2);
        assert_eq!(merge(std::slice::from_ref(&only)).unwrap(), only);
        assert_eq!(merge(&[]), Err(MergeError::NoParts));
    }

    #[test]
    fn pages_follow_in_order_under_one_page_tree() {
        let document = merged(&[part("a", 2), part("b", 3)]);
        let markers: Vec<Vec<u8>> = document
            .page_iter()
            .map(|page| string(document.get_dictionary(page).unwrap(), b"Marker").to_vec())
            .collect();
        assert_eq!(markers, [&b"a-0"[..], b"a-1", b"b-0", b"b-1", b"b-2"]);
        let root = reference(document.catalog().unwrap(), b"Pages");
        assert_eq!(document.get_dictionary(root).unwrap().get(b"Count").unwrap().as_i64().unwrap(), 5);
        for page in document.page_iter() {
            let part_root = reference(document.get_dictionary(page).unwrap(), b"Parent");
            assert_eq!(reference(document.get_dictionary(part_root).unwrap(), b"Parent"), root);
        }
    }

    #[test]
    fn struct_parents_and_parent_tree_keys_follow_the_parts_before() {
        let document = merged(&[part("a", 2), part("b", 3)]);
        let keys: Vec<i64> = document
            .page_iter()
            .map(|page| document.get_dictionary(page).unwrap().get(b"StructParents").unwrap().as_i64().unwrap())
            .collect();
        assert_eq!(keys, [0, 1, 3, 4, 5]);
        let tree = struct_tree(&document);
        assert_eq!(tree.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap(), 7);
        let parent_tree = dict(&document, tree.get(b"ParentTree").unwrap(), "test").unwrap();
        let entries = leaves(parent_tree, b"Nums");
        let keys: Vec<i64> = entries.iter().map(|(key, _)| key.as_i64().unwrap()).collect();
        assert_eq!(keys, [0, 1, 2, 3, 4, 5, 6]);
        // Key 6: the second part's link, which its annotation names.
        let annotations: Vec<i64> = (document.objects.values())
            .filter_map(|object| object.as_dict().ok().filter(|d| d.has_type(b"Annot")))
            .map(|annotation| annotation.get(b"StructParent").unwrap().as_i64().unwrap())
            .collect();
        assert_eq!(annotations, [2, 6]);
        let link = document.get_dictionary(entries[6].1.as_reference().unwrap()).unwrap();
        assert_eq!(link.get(b"S").unwrap().as_name().unwrap(), b"Link");
        // Key 3: the second part's first paragraph, on its first page.
        let paragraph = entries[3].1.as_array().unwrap()[0].as_reference().unwrap();
        let page = reference(document.get_dictionary(paragraph).unwrap(), b"Pg");
        assert_eq!(string(document.get_dictionary(page).unwrap(), b"Marker"), b"b-0");

        // Both parts' elements under the first part's document element.
        let (element, dictionary) = document_element(&document);
        let kids = dictionary.get(b"K").unwrap().as_array().unwrap();
        assert_eq!(kids.len(), 3 + 4);
        for kid in kids {
            assert_eq!(reference(document.get_dictionary(kid.as_reference().unwrap()).unwrap(), b"P"), element);
        }
        assert_eq!(struct_tree(&document).get(b"K").unwrap().as_array().unwrap().len(), 1);
    }

    #[test]
    fn colliding_destinations_and_ids_are_renamed_with_their_uses() {
        let document = merged(&[part("a", 1), part("b", 2), part("c", 1)]);
        let names = catalog_dict(&document, b"Names");
        let dests = dict(&document, names.get(b"Dests").unwrap(), "test").unwrap();
        let dests: Vec<(&[u8], &Object)> =
            leaves(dests, b"Names").into_iter().map(|(name, dest)| (name.as_str().unwrap(), dest)).collect();
        let names: Vec<&[u8]> = dests.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, [&b"intro"[..], b"intro-2", b"intro-3"]);
        let marker = |dest: &Object| {
            let page = dest.as_array().unwrap()[0].as_reference().unwrap();
            string(document.get_dictionary(page).unwrap(), b"Marker").to_vec()
        };
        assert_eq!(marker(dests[1].1), b"b-0");
        assert_eq!(marker(dests[2].1), b"c-0");
        // The second part's link and bookmarks use its renamed destination.
        let annotation_dests: Vec<&[u8]> = (document.objects.values())
            .filter_map(|object| object.as_dict().ok().filter(|d| d.has_type(b"Annot")))
            .map(|annotation| string(annotation, b"Dest"))
            .collect();
        assert_eq!(annotation_dests, [&b"intro"[..], b"intro-2", b"intro-3"]);
        let bookmark = (document.objects.values())
            .filter_map(|object| object.as_dict().ok())
            .find(|d| d.get(b"Title").is_ok_and(|title| title.as_str().unwrap() == b"b grandchild"))
            .unwrap();
        assert_eq!(string(bookmark, b"Dest"), b"intro-2");

        // Structure ids: renamed in the tree and on the element.
        let ids = dict(&document, struct_tree(&document).get(b"IDTree").unwrap(), "test").unwrap();
        let ids = leaves(ids, b"Names");
        assert_eq!(ids.len(), 3);
        for (id, element) in ids {
            let element = document.get_dictionary(element.as_reference().unwrap()).unwrap();
            assert_eq!(string(element, b"ID"), id.as_str().unwrap());
        }
    }

    #[test]
    fn bookmarks_of_the_parts_are_linked_in_order_with_the_open_count() {
        let document = merged(&[part("a", 1), part("b", 1)]);
        let root = catalog_dict(&document, b"Outlines");
        let first = reference(root, b"First");
        let last = reference(root, b"Last");
        let top = |id| document.get_dictionary(id).unwrap();
        assert_eq!(string(top(first), b"Title"), b"a");
        assert_eq!(string(top(last), b"Title"), b"b");
        assert_eq!(reference(top(first), b"Next"), last);
        assert_eq!(reference(top(last), b"Prev"), first);
        assert!(!top(first).has(b"Prev") && !top(last).has(b"Next"));
        let root_id = reference(document.catalog().unwrap(), b"Outlines");
        assert_eq!(reference(top(first), b"Parent"), root_id);
        assert_eq!(reference(top(last), b"Parent"), root_id);
        // Both top items show; their children are closed.
        assert_eq!(root.get(b"Count").unwrap().as_i64().unwrap(), 2);

        // Opened, the first part's top item shows its child, and that child its own.
        let mut open = sample("a", 1, true, "en");
        let outlines = reference(open.document.catalog().unwrap(), b"Outlines");
        let top = reference(open.document.get_dictionary(outlines).unwrap(), b"First");
        open.document.get_dictionary_mut(top).unwrap().set("Count", 2);
        let document = merged(&[bytes(open), part("b", 1)]);
        assert_eq!(catalog_dict(&document, b"Outlines").get(b"Count").unwrap().as_i64().unwrap(), 4);
    }

    #[test]
    fn page_labels_start_at_each_part_and_a_part_without_is_numbered() {
        let label_keys = |parts: &[Vec<u8>]| {
            let document = merged(parts);
            let labels = catalog_dict(&document, b"PageLabels").clone();
            leaves(&labels, b"Nums")
                .into_iter()
                .map(|(key, label)| {
                    let label = label.as_dict().unwrap();
                    let style = label.get(b"S").unwrap().as_name().unwrap().to_vec();
                    (key.as_i64().unwrap(), style, label.get(b"St").and_then(Object::as_i64).ok())
                })
                .collect::<Vec<_>>()
        };
        let unlabelled = |name| bytes(sample(name, 2, false, "en"));
        assert_eq!(
            label_keys(&[part("a", 2), unlabelled("b"), part("c", 1)]),
            [(0, b"r".to_vec(), None), (2, b"D".to_vec(), Some(3)), (4, b"r".to_vec(), None)]
        );
        assert_eq!(
            label_keys(&[unlabelled("a"), part("b", 1)]),
            [(0, b"D".to_vec(), Some(1)), (2, b"r".to_vec(), None)]
        );
        let document = merged(&[unlabelled("a"), unlabelled("b")]);
        assert!(!document.catalog().unwrap().has(b"PageLabels"));
    }

    #[test]
    fn elements_of_a_part_in_another_language_say_so() {
        let document = merged(&[part("a", 1), bytes(sample("b", 1, true, "ja"))]);
        assert_eq!(string(document.catalog().unwrap(), b"Lang"), b"en");
        let (_, element) = document_element(&document);
        let langs: Vec<Option<&[u8]>> = (element.get(b"K").unwrap().as_array().unwrap().iter())
            .map(|kid| document.get_dictionary(kid.as_reference().unwrap()).unwrap().get(b"Lang").ok())
            .map(|lang| lang.map(|lang| lang.as_str().unwrap()))
            .collect();
        assert_eq!(langs, [None, None, Some(&b"ja"[..]), Some(&b"ja"[..])]);
    }

    #[test]
    fn marked_content_of_a_later_document_element_keeps_its_page() {
        let mut later = sample("b", 1, true, "en");
        let page = later.pages[0];
        let element = later.document.get_dictionary_mut(later.document_element).unwrap();
        element.set("Pg", page);
        element.get_mut(b"K").unwrap().as_array_mut().unwrap().push(Object::Integer(7));
        let document = merged(&[part("a", 1), bytes(later)]);
        let (_, element) = document_element(&document);
        let last = element.get(b"K").unwrap().as_array().unwrap().last().unwrap().as_dict().unwrap();
        assert_eq!(last.get(b"MCID").unwrap().as_i64().unwrap(), 7);
        let page = reference(last, b"Pg");
        assert_eq!(string(document.get_dictionary(page).unwrap(), b"Marker"), b"b-0");
    }

    #[test]
    fn the_first_part_gives_the_document_and_the_rest_of_the_others_is_dropped() {
        let parts = [part("a", 1), part("b", 1)];
        let bytes = merge(&parts).unwrap();
        assert_eq!(merge(&parts).unwrap(), bytes, "the same bytes twice");
        let document = Document::load_mem(&bytes).unwrap();
        let id = document.trailer.get(b"ID").unwrap().as_array().unwrap();
        assert_eq!(id[0].as_str().unwrap(), b"a");
        let info = dict(&document, document.trailer.get(b"Info").unwrap(), "test").unwrap();
        assert_eq!(string(info, b"Title"), b"a");
        let of_type =
            |name: &[u8]| document.objects.values().filter(|o| o.type_name().is_ok_and(|t| t == name)).count();
        assert_eq!((of_type(b"Catalog"), of_type(b"Outlines"), of_type(b"StructTreeRoot")), (1, 1, 1));
        let infos = document.objects.values().filter(|o| o.as_dict().is_ok_and(|d| d.len() == 1 && d.has(b"Title")));
        assert_eq!(infos.count(), 1, "the second part's /Info is dropped");
        let numbers: Vec<u32> = document.objects.keys().map(|id| id.0).collect();
        assert_eq!(numbers, (1..=u32::try_from(numbers.len()).unwrap()).collect::<Vec<_>>());
    }

    #[test]
    fn damaged_parts_give_an_error_or_a_pdf_never_a_panic() {
        let good = part("a", 2);
        for cut in (0..good.len()).step_by(13) {
            let mut flipped = good.clone();
            flipped[cut] ^= 0x55;
            for damaged in [good[..cut].to_vec(), flipped] {
                for parts in [[good.clone(), damaged.clone()], [damaged.clone(), good.clone()]] {
                    if let Ok(merged) = merge(&parts) {
                        assert!(merged.starts_with(b"%PDF-"));
                    }
                }
            }
        }
    }

    #[test]
    fn odd_parts_are_refused_with_the_part_named() {
        let error = merge(&[part("a", 1), b"%PDF-1.7\nnot a PDF".to_vec()]).unwrap_err();
        assert!(matches!(&error, MergeError::Part { part: 2, .. }), "{error:?}");
        assert!(error.to_string().starts_with("PDF part 2 could not be merged: "), "{error}");

        let mut untagged = sample("b", 1, true, "en");
        untagged.document.catalog_mut().unwrap().remove(b"StructTreeRoot");
        let error = merge(&[part("a", 1), bytes(untagged)]).unwrap_err();
        assert!(error.to_string().contains("no structure tree"), "{error}");

        let mut other_roles = sample("b", 1, true, "en");
        let tree = reference(other_roles.document.catalog().unwrap(), b"StructTreeRoot");
        other_roles.document.get_dictionary_mut(tree).unwrap().set("RoleMap", dictionary! { "Title" => "H1" });
        let error = merge(&[part("a", 1), part("c", 1), bytes(other_roles)]).unwrap_err();
        assert_eq!(
            error,
            MergeError::Part { part: 3, problem: "/RoleMap maps /Title otherwise than the first part".into() }
        );

        let mut negative_key = sample("b", 1, true, "en");
        let tree = reference(negative_key.document.catalog().unwrap(), b"StructTreeRoot");
        let tree = negative_key.document.get_dictionary_mut(tree).unwrap();
        tree.set("ParentTree", dictionary! { "Nums" => vec![Object::Integer(-1), Object::Null] });
        let error = merge(&[part("a", 1), bytes(negative_key)]).unwrap_err();
        assert!(error.to_string().contains("a key of /ParentTree is not an integer from 0"), "{error}");

        let mut looping = sample("b", 1, true, "en");
        let outlines = reference(looping.document.catalog().unwrap(), b"Outlines");
        let top = reference(looping.document.get_dictionary(outlines).unwrap(), b"First");
        looping.document.get_dictionary_mut(top).unwrap().set("Next", top);
        let error = merge(&[part("a", 1), bytes(looping)]).unwrap_err();
        assert!(error.to_string().contains("the bookmarks loop"), "{error}");

        let mut miscounted = sample("a", 2, true, "en");
        let root = reference(miscounted.document.catalog().unwrap(), b"Pages");
        miscounted.document.get_dictionary_mut(root).unwrap().set("Count", 3);
        let error = merge(&[bytes(miscounted), part("b", 1)]).unwrap_err();
        assert!(matches!(&error, MergeError::Part { part: 1, .. }), "{error:?}");
        assert!(error.to_string().contains("/Count"), "{error}");
    }
}
