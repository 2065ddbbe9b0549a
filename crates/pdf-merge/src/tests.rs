//! Merges of small tagged PDFs built with lopdf, shaped as typst-pdf writes them.

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
        let mut paragraph = dictionary! { "Type" => "StructElem", "S" => "P", "P" => element, "Pg" => id, "K" => 0 };
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
    let xmp = format!("<x:xmpmeta><xmpTPg:NPages>{pages}</xmpTPg:NPages></x:xmpmeta>");
    let metadata = lopdf::Stream::new(dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, xmp.into_bytes());
    catalog.set("Metadata", document.add_object(metadata));
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
    let markers: Vec<Vec<u8>> =
        document.page_iter().map(|page| string(document.get_dictionary(page).unwrap(), b"Marker").to_vec()).collect();
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
    assert_eq!(label_keys(&[unlabelled("a"), part("b", 1)]), [(0, b"D".to_vec(), Some(1)), (2, b"r".to_vec(), None)]);
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
    let of_type = |name: &[u8]| document.objects.values().filter(|o| o.type_name().is_ok_and(|t| t == name)).count();
    assert_eq!((of_type(b"Catalog"), of_type(b"Outlines"), of_type(b"StructTreeRoot")), (1, 1, 1));
    let infos = document.objects.values().filter(|o| o.as_dict().is_ok_and(|d| d.len() == 1 && d.has(b"Title")));
    assert_eq!(infos.count(), 1, "the second part's /Info is dropped");
    let metadata = document.catalog().unwrap().get(b"Metadata").unwrap().as_reference().unwrap();
    let metadata = document.get_object(metadata).unwrap().as_stream().unwrap();
    assert_eq!(metadata.content, b"<x:xmpmeta><xmpTPg:NPages>2</xmpTPg:NPages></x:xmpmeta>", "the merged count");
    assert_eq!(metadata.dict.get(b"Length").unwrap().as_i64().unwrap(), 55);
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

/// The objects a merge keeps until the end after `parts` parts of `pages` pages each.
fn kept_after(parts: usize, pages: usize) -> usize {
    let mut merger = Merger::new();
    for index in 0..parts {
        merger.push(part(&format!("p{index}"), pages)).unwrap();
    }
    match &merger.state {
        State::Merging(merged) => merged.kept.objects.len(),
        _ => panic!("{parts} parts are being merged"),
    }
}

#[test]
fn a_merge_keeps_only_the_tree_roots_not_the_parts_pages() {
    // Written out as each part is read: more pages or parts keep no more objects than the
    // catalog, metadata, structure root, document element, bookmark root, and each part's page
    // tree root and top-level bookmark.
    assert_eq!(kept_after(2, 1), kept_after(2, 30));
    assert_eq!(kept_after(4, 30), kept_after(2, 30) + 2 * 2);
}

#[test]
fn the_catalog_entries_asked_for_are_set_in_a_merge_and_in_one_part() {
    for parts in [vec![part("a", 1), part("b", 2)], vec![part("a", 1)]] {
        let mut merger = Merger::new();
        merger.set_in_catalog(b"PageLayout", Object::Name(b"TwoPageRight".to_vec()));
        for part in &parts {
            merger.push(part.clone()).unwrap();
        }
        let document = Document::load_mem(&merger.finish().unwrap()).unwrap();
        let layout = document.catalog().unwrap().get(b"PageLayout").unwrap().as_name().unwrap();
        assert_eq!(layout, b"TwoPageRight", "{} part(s)", parts.len());
        assert_eq!(document.get_pages().len(), if parts.len() == 2 { 3 } else { 1 });
    }
}
