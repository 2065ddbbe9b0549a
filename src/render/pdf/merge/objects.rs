//! The objects of the documents being merged: walked, their references followed, renumbered
//! (a later part's moved past the merged document's, all of them from 1 at the end) and those
//! no longer used dropped.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::MAX_DEPTH;

/// The largest object number a PDF holds (ISO 32000-1, Annex C).
const MAX_OBJECT_NUMBER: u32 = 8_388_607;

/// Every object number of `document` moved up by `offset`.
pub(super) fn shift_ids(document: &mut Document, offset: u32) -> Result<(), String> {
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
pub(super) fn keep_used_and_renumber(document: &mut Document) {
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

pub(super) fn replace_reference(object: &mut Object, map: &BTreeMap<ObjectId, ObjectId>) {
    if let Object::Reference(id) = object
        && let Some(new) = map.get(id)
    {
        *id = *new;
    }
}

pub(super) fn renumber_or_null(object: &mut Object, map: &BTreeMap<ObjectId, ObjectId>) {
    if let Object::Reference(id) = object {
        *object = map.get(id).map_or(Object::Null, |&new| Object::Reference(new));
    }
}

/// `f` on `object` and every object inside it.
pub(super) fn visit(object: &Object, f: &mut dyn FnMut(&Object)) {
    f(object);
    match object {
        Object::Array(items) => items.iter().for_each(|item| visit(item, f)),
        Object::Dictionary(dictionary) => dictionary.iter().for_each(|(_, value)| visit(value, f)),
        Object::Stream(stream) => stream.dict.iter().for_each(|(_, value)| visit(value, f)),
        _ => {}
    }
}

/// `f` on `object` and every object inside it, mutably.
pub(super) fn visit_mut(object: &mut Object, f: &mut dyn FnMut(&mut Object)) {
    f(object);
    match object {
        Object::Array(items) => items.iter_mut().for_each(|item| visit_mut(item, f)),
        Object::Dictionary(dictionary) => dictionary.iter_mut().for_each(|(_, value)| visit_mut(value, f)),
        Object::Stream(stream) => stream.dict.iter_mut().for_each(|(_, value)| visit_mut(value, f)),
        _ => {}
    }
}

pub(super) fn dictionary_of(object: &mut Object) -> Option<&mut Dictionary> {
    match object {
        Object::Dictionary(dictionary) => Some(dictionary),
        Object::Stream(stream) => Some(&mut stream.dict),
        _ => None,
    }
}

/// `object`, following references.
pub(super) fn resolve<'a>(document: &'a Document, object: &'a Object) -> Result<&'a Object, String> {
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
pub(super) fn dict<'a>(document: &'a Document, object: &'a Object, what: &str) -> Result<&'a Dictionary, String> {
    match resolve(document, object)? {
        Object::Dictionary(dictionary) => Ok(dictionary),
        Object::Stream(stream) => Ok(&stream.dict),
        _ => Err(format!("{what} is not a dictionary")),
    }
}

pub(super) fn dict_mut<'a>(document: &'a mut Document, id: ObjectId, what: &str) -> Result<&'a mut Dictionary, String> {
    let object = document.get_object_mut(id).map_err(|_| format!("{what} ({} {} R) is missing", id.0, id.1))?;
    dictionary_of(object).ok_or_else(|| format!("{what} ({} {} R) is not a dictionary", id.0, id.1))
}
