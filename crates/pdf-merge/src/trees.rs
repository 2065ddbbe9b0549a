//! The trees of a catalog the merge reads and writes: the page tree (counted), the bookmarks
//! (a chain of siblings, and how many a reader shows), number and name trees (flattened, and
//! written as one node), and names that collide renamed.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId, dictionary};

use super::objects::{dict, resolve};
use super::{MAX_DEPTH, MAX_INTEGER};

/// The pages under page tree node `root`, checked against its `/Count`.
pub(super) fn count_pages(document: &Document, root: ObjectId) -> Result<i64, String> {
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
pub(super) fn chain(document: &Document, first: &Object) -> Result<Vec<ObjectId>, String> {
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
pub(super) fn visible_items(document: &Document, items: &[ObjectId], depth: usize) -> Result<i64, String> {
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
pub(super) fn number_tree(document: &Document, tree: &Object, what: &str) -> Result<Vec<(i64, Object)>, String> {
    let mut entries = Vec::new();
    tree_entries(document, tree, b"Nums", what, 0, &mut entries)?;
    let key = |key: Object| match key.as_i64() {
        Ok(key) if (0..=MAX_INTEGER).contains(&key) => Ok(key),
        _ => Err(format!("a key of {what} is not an integer from 0 to {MAX_INTEGER}")),
    };
    entries.into_iter().map(|(k, value)| Ok((key(k)?, value))).collect()
}

/// The entries of a name tree.
pub(super) fn name_tree_entries(
    document: &Document,
    tree: &Object,
    what: &str,
) -> Result<Vec<(Vec<u8>, Object)>, String> {
    let mut entries = Vec::new();
    tree_entries(document, tree, b"Names", what, 0, &mut entries)?;
    entries
        .into_iter()
        .map(|(key, value)| Ok((key.as_str().map_err(|_| format!("a key of {what} is not a string"))?.to_vec(), value)))
        .collect()
}

/// The key-value pairs of the leaves (`leaves`: `/Nums` or `/Names`) of a number or name tree.
pub(super) fn tree_entries(
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
pub(super) fn name_tree(mut entries: Vec<(Vec<u8>, Object)>) -> Dictionary {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let names = entries
        .into_iter()
        .flat_map(|(name, value)| [Object::String(name, lopdf::StringFormat::Literal), value])
        .collect::<Vec<_>>();
    dictionary! { "Names" => names }
}

/// New names for the names of `added` that `existing` (or an earlier one of `added`) holds:
/// `name-<part>`, then `name-<part>-2`, … (in UTF-16 for a UTF-16 name).
pub(super) fn renames(
    existing: &[(Vec<u8>, Object)],
    added: &[(Vec<u8>, Object)],
    part: usize,
) -> BTreeMap<Vec<u8>, Vec<u8>> {
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
pub(super) fn renamed(entries: Vec<(Vec<u8>, Object)>, renames: &BTreeMap<Vec<u8>, Vec<u8>>) -> Vec<(Vec<u8>, Object)> {
    entries.into_iter().map(|(name, value)| (renames.get(&name).cloned().unwrap_or(name), value)).collect()
}

pub(super) fn suffixed(name: &[u8], suffix: &str) -> Vec<u8> {
    let mut name = name.to_vec();
    if name.starts_with(&[0xFE, 0xFF]) {
        name.extend(suffix.encode_utf16().flat_map(u16::to_be_bytes));
    } else {
        name.extend(suffix.bytes());
    }
    name
}
