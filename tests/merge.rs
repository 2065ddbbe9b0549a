//! Merging PDFs rendered by the library (the `pdfa-merge` crate): the English and the
//! Japanese editions of the shipped project, rendered apart and merged, read with poppler
//! (pages, text) and lopdf (bookmarks, structure tree, parent tree, page labels). veraPDF checks
//! the merged file in `tests/verapdf.rs`.

#![cfg(feature = "pdf")]

use crate::common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use common::poppler::{page_count, pages};
use lopdf::{Dictionary, Document, Object, ObjectId};
use pdfa_merge::{MergeError, merge};

/// The English and Japanese editions, rendered once.
fn parts() -> &'static [Vec<u8>; 2] {
    static PARTS: OnceLock<[Vec<u8>; 2]> = OnceLock::new();
    PARTS.get_or_init(common::render_en_and_ja)
}

fn merged() -> &'static Vec<u8> {
    static MERGED: OnceLock<Vec<u8>> = OnceLock::new();
    MERGED.get_or_init(|| merge(parts()).expect("the editions merge"))
}

/// `pdf` written to a temporary file, for poppler.
fn file(pdf: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("file.pdf");
    std::fs::write(&path, pdf).unwrap();
    (dir, path)
}

fn get<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => document.get_object(*id).unwrap(),
        object => object,
    }
}

fn dict<'a>(document: &'a Document, object: &'a Object) -> &'a Dictionary {
    get(document, object).as_dict().unwrap()
}

/// The bookmark titles, depth first, each with its depth.
fn bookmarks(document: &Document) -> Vec<(usize, Vec<u8>)> {
    fn walk(document: &Document, first: Option<&Object>, depth: usize, out: &mut Vec<(usize, Vec<u8>)>) {
        let mut next = first.cloned();
        while let Some(item) = next {
            let item = dict(document, &item);
            out.push((depth, item.get(b"Title").unwrap().as_str().unwrap().to_vec()));
            walk(document, item.get(b"First").ok(), depth + 1, out);
            next = item.get(b"Next").ok().cloned();
        }
    }
    let outlines = dict(document, document.catalog().unwrap().get(b"Outlines").unwrap());
    let mut out = Vec::new();
    walk(document, outlines.get(b"First").ok(), 0, &mut out);
    out
}

/// The structure tree root.
fn struct_tree(document: &Document) -> &Dictionary {
    dict(document, document.catalog().unwrap().get(b"StructTreeRoot").unwrap())
}

/// Every structure element under `element` (itself included), checking each child's `/P`.
fn elements(document: &Document, element: ObjectId, out: &mut Vec<ObjectId>) {
    out.push(element);
    let dictionary = document.get_dictionary(element).unwrap();
    let kids = match dictionary.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    for kid in kids {
        if let Object::Reference(kid) = kid
            && document.get_dictionary(kid).unwrap().has(b"S")
        {
            let parent = document.get_dictionary(kid).unwrap().get(b"P").unwrap().as_reference().unwrap();
            assert_eq!(parent, element, "element {kid:?} points to {parent:?}, not its parent {element:?}");
            elements(document, kid, out);
        }
    }
}

/// The document element and all elements of `document`.
fn all_elements(document: &Document) -> (ObjectId, Vec<ObjectId>) {
    let root = struct_tree(document);
    let top = root.get(b"K").unwrap().as_array().unwrap();
    assert_eq!(top.len(), 1, "one document element");
    let top = top[0].as_reference().unwrap();
    let mut out = Vec::new();
    elements(document, top, &mut out);
    (top, out)
}

/// Whether structure element `element` holds marked content of `page` (its `/Pg`, or that of a
/// marked-content reference among its children).
fn marks_on(document: &Document, element: ObjectId, page: ObjectId) -> bool {
    let element = document.get_dictionary(element).unwrap();
    let on_page = |dictionary: &Dictionary| dictionary.get(b"Pg").is_ok_and(|pg| pg.as_reference().unwrap() == page);
    let kids = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    on_page(element) || kids.iter().any(|kid| matches!(kid, Object::Dictionary(kid) if on_page(kid)))
}

/// The parent tree's `/Nums` (keys and values).
fn parent_tree(document: &Document) -> Vec<(i64, Object)> {
    let tree = dict(document, struct_tree(document).get(b"ParentTree").unwrap());
    let nums = get(document, tree.get(b"Nums").unwrap()).as_array().unwrap();
    nums.chunks(2).map(|pair| (pair[0].as_i64().unwrap(), pair[1].clone())).collect()
}

#[test]
fn merged_editions_have_every_page_and_its_text_in_order() {
    let [en, ja] = parts();
    let (_en_dir, en) = file(en);
    let (_ja_dir, ja) = file(ja);
    let (_dir, merged) = file(merged());
    assert_eq!(page_count(&merged), page_count(&en) + page_count(&ja));
    let expected: Vec<String> = pages(&en).into_iter().chain(pages(&ja)).collect();
    assert_eq!(pages(&merged), expected);
}

#[test]
fn merged_editions_have_the_bookmarks_of_both_in_order() {
    let [en, ja] = parts().each_ref().map(|part| Document::load_mem(part).unwrap());
    let merged = Document::load_mem(merged()).unwrap();
    let expected: Vec<_> = bookmarks(&en).into_iter().chain(bookmarks(&ja)).collect();
    assert!(!bookmarks(&en).is_empty() && !bookmarks(&ja).is_empty());
    assert_eq!(bookmarks(&merged), expected);
    // Every bookmark's destination is a page of the merged file.
    let pages: BTreeSet<ObjectId> = merged.get_pages().into_values().collect();
    for object in merged.objects.values() {
        if let Ok(item) = object.as_dict()
            && item.has(b"Title")
            && let Ok(dest) = item.get(b"Dest")
        {
            let dest = get(&merged, dest).as_array().unwrap();
            assert!(pages.contains(&dest[0].as_reference().unwrap()), "{dest:?}");
        }
    }
}

#[test]
fn merged_structure_tree_holds_both_editions_elements_and_keys() {
    let [en, ja] = parts().each_ref().map(|part| Document::load_mem(part).unwrap());
    let merged = Document::load_mem(merged()).unwrap();
    let (_, en_elements) = all_elements(&en);
    let (_, ja_elements) = all_elements(&ja);
    let (_, merged_elements) = all_elements(&merged);
    // The Japanese document element is replaced by the English one.
    assert_eq!(merged_elements.len(), en_elements.len() + ja_elements.len() - 1);

    // One parent tree entry per page and annotation key, the keys of both parts.
    let next_key = |document: &Document| struct_tree(document).get(b"ParentTreeNextKey").unwrap().as_i64().unwrap();
    assert_eq!(next_key(&merged), next_key(&en) + next_key(&ja));
    let tree = parent_tree(&merged);
    let keys: Vec<i64> = tree.iter().map(|(key, _)| *key).collect();
    assert_eq!(keys.len(), parent_tree(&en).len() + parent_tree(&ja).len());
    assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
    let elements: BTreeSet<ObjectId> = merged_elements.into_iter().collect();
    for (page_number, page) in merged.get_pages() {
        let key = merged.get_dictionary(page).unwrap().get(b"StructParents").unwrap().as_i64().unwrap();
        let (_, value) = tree.iter().find(|(k, _)| *k == key).unwrap_or_else(|| panic!("page {page_number}: no key"));
        for element in get(&merged, value).as_array().unwrap() {
            let element = element.as_reference().unwrap();
            assert!(elements.contains(&element), "page {page_number}: {element:?} is not in the tree");
            assert!(marks_on(&merged, element, page), "page {page_number}: {element:?} marks nothing on it");
        }
    }

    // The Japanese elements say they are Japanese; the document stays English.
    let document = merged.catalog().unwrap();
    assert_eq!(document.get(b"Lang").unwrap().as_str().unwrap(), b"en");
    let (top, _) = all_elements(&merged);
    let kids = merged.get_dictionary(top).unwrap().get(b"K").unwrap().as_array().unwrap();
    let langs: Vec<Option<&[u8]>> = kids
        .iter()
        .map(|kid| {
            merged.get_dictionary(kid.as_reference().unwrap()).unwrap().get(b"Lang").ok().map(|l| l.as_str().unwrap())
        })
        .collect();
    assert!(langs.contains(&Some(&b"ja"[..])) && langs.contains(&None), "{langs:?}");

    // Structure ids stay unique.
    let ids = dict(&merged, struct_tree(&merged).get(b"IDTree").unwrap());
    let ids = ids.get(b"Names").unwrap().as_array().unwrap();
    let names: BTreeSet<&[u8]> = ids.chunks(2).map(|pair| pair[0].as_str().unwrap()).collect();
    assert_eq!(names.len(), ids.len() / 2);
}

#[test]
fn merged_page_labels_continue_after_the_first_part() {
    let en = Document::load_mem(&parts()[0]).unwrap();
    let merged = Document::load_mem(merged()).unwrap();
    let labels = dict(&merged, merged.catalog().unwrap().get(b"PageLabels").unwrap());
    let keys: Vec<i64> =
        labels.get(b"Nums").unwrap().as_array().unwrap().iter().step_by(2).map(|k| k.as_i64().unwrap()).collect();
    let en_pages = i64::try_from(en.get_pages().len()).unwrap();
    assert!(keys.contains(&0) && keys.contains(&en_pages), "{keys:?}");
    assert!(keys.iter().all(|&key| key < i64::try_from(merged.get_pages().len()).unwrap()));
}

#[test]
fn merging_gives_the_same_bytes_twice_and_one_part_is_kept() {
    assert_eq!(&merge(parts()).unwrap(), merged());
    assert_eq!(merge(&parts()[..1]).unwrap(), parts()[0]);
    // The first part's document: its id and catalog's metadata.
    let en = Document::load_mem(&parts()[0]).unwrap();
    let merged = Document::load_mem(merged()).unwrap();
    assert_eq!(merged.trailer.get(b"ID").unwrap(), en.trailer.get(b"ID").unwrap());
    let metadata = |document: &Document| {
        let stream = get(document, document.catalog().unwrap().get(b"Metadata").unwrap());
        stream.as_stream().unwrap().content.clone()
    };
    // The first part's XMP metadata, with the merged document's page count.
    let count = |document: &Document| format!("<xmpTPg:NPages>{}</xmpTPg:NPages>", document.get_pages().len());
    assert_ne!(count(&en), count(&merged));
    let expected = String::from_utf8(metadata(&en)).unwrap().replace(&count(&en), &count(&merged));
    assert!(String::from_utf8(metadata(&merged)).unwrap() == expected, "the merged page count in the metadata");
    let catalogs = merged.objects.values().filter(|object| object.type_name().is_ok_and(|t| t == b"Catalog")).count();
    assert_eq!(catalogs, 1, "the later part's catalog is dropped");
}

#[test]
fn a_broken_part_is_named_in_the_error() {
    let error = merge(&[parts()[0].clone(), b"%PDF-1.7\nnot a PDF".to_vec()]).unwrap_err();
    assert!(matches!(error, MergeError::Part { part: 2, .. }), "{error:?}");
    assert!(error.to_string().contains("part 2"), "{error}");
}
