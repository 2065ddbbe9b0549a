//! Every message id the code uses exists in both locales, and both locales define the same ids.

use std::collections::BTreeSet;

use codepub::i18n::{EN_US, JA_JP, message_ids};
use regex::Regex;
use walkdir::WalkDir;

/// String literals in `src/` and `crates/` that look like message ids (`"p007-half-width"`, `"help-bom"`…).
fn ids_used_in_source() -> BTreeSet<String> {
    let literal = Regex::new(r#""((?:p0\d\d|error|help|label|report|xliff|watch|serve)-[a-z0-9-]+)""#).unwrap();
    let mut ids = BTreeSet::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in WalkDir::new(root.join("src")).into_iter().chain(WalkDir::new(root.join("crates"))) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            ids.extend(literal.captures_iter(&text).map(|c| c[1].to_string()));
        }
    }
    ids
}

#[test]
fn every_message_id_used_in_the_code_exists_in_both_locales() {
    let used = ids_used_in_source();
    assert!(used.len() > 60, "scan found only {} ids", used.len());
    for (name, source) in [("en-US", EN_US), ("ja-JP", JA_JP)] {
        let defined: BTreeSet<String> = message_ids(source).into_iter().collect();
        let missing: Vec<_> = used.difference(&defined).collect();
        assert!(missing.is_empty(), "{name} lacks {missing:?}");
    }
}

#[test]
fn both_locales_define_exactly_the_same_ids() {
    let en: BTreeSet<String> = message_ids(EN_US).into_iter().collect();
    let ja: BTreeSet<String> = message_ids(JA_JP).into_iter().collect();
    assert_eq!(en.symmetric_difference(&ja).collect::<Vec<_>>(), Vec::<&String>::new());
}
