//! The objects of the documents being merged: walked, their references followed, renumbered
//! (a later part's moved past the objects merged before it, then each kept one given its final
//! number) and those no longer used left out.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::MAX_DEPTH;

/// The largest object number a PDF holds (ISO 32000-1, Annex C).
pub(super) const MAX_OBJECT_NUMBER: u32 = 8_388_607;

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

/// The objects of `document` that `roots` reach, following references (a reference to a
/// missing object is not followed).
pub(super) fn reachable(document: &Document, roots: impl IntoIterator<Item = ObjectId>) -> BTreeSet<ObjectId> {
    let mut used = BTreeSet::new();
    let mut pending: Vec<ObjectId> = roots.into_iter().collect();
    while let Some(id) = pending.pop() {
        if !document.objects.contains_key(&id) || !used.insert(id) {
            continue;
        }
        visit(&document.objects[&id], &mut |object| {
            if let Object::Reference(id) = object {
                pending.push(*id);
            }
        });
    }
    used
}

/// The objects `object` refers to, itself included when it is a reference.
pub(super) fn references(object: &Object) -> Vec<ObjectId> {
    let mut found = Vec::new();
    visit(object, &mut |object| {
        if let Object::Reference(id) = object {
            found.push(*id);
        }
    });
    found
}

/// A part's references given their final numbers by `map`. Numbers up to `earlier` belong to
/// objects already merged (a part's own are moved past them) and stay; a reference to an object
/// of the part that is not kept becomes null.
pub(super) fn renumber_part(object: &mut Object, map: &BTreeMap<ObjectId, ObjectId>, earlier: u32) {
    visit_mut(object, &mut |object| {
        if let Object::Reference(id) = object {
            match map.get(id) {
                Some(&new) => *id = new,
                None if id.0 <= earlier => {}
                None => *object = Object::Null,
            }
        }
    });
}

pub(super) fn replace_reference(object: &mut Object, map: &BTreeMap<ObjectId, ObjectId>) {
    if let Object::Reference(id) = object
        && let Some(new) = map.get(id)
    {
        *id = *new;
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
