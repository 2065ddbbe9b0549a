//! Japanese end-punctuation cases of two peer checkers, run through the real `codepub check`:
//! each row gives the peer's verdict and codepub's, and says why where they differ.
//!
//! Peers (cases copied verbatim; only the Japanese-relevant ones):
//! - Weblate, WeblateOrg/weblate@083e51f2d08b2cfdd80ccb4dd287880093e83f0a,
//!   `weblate/checks/tests/test_chars_checks.py`: `EndStopCheckTest.test_japanese`,
//!   `EndColonCheckTest.test_japanese[_ignore]` (language `ja`), and the full-width (`！？`) rows of
//!   `EndQuestionCheckTest.test_interrobang`, `EndExclamationCheckTest.test_interrobang` and
//!   `EndInterrobangCheckTest.test_translate` (run by Weblate with its default test language).
//! - Translate Toolkit, translate/translate@b48f273fd27f941bb4b6930b0202efe6299d74d9:
//!   `tests/translate/filters/checks/test_punctuation.py::test_endpunc` has no Japanese case; its
//!   one CJK case (target language `zh`) is here. `endpunc` compares the target with
//!   `punctranslate(source)`, so the Japanese `punctranslate` assertions of
//!   `tests/translate/lang/test_ja.py::test_punctranslate` are `endpunc` passes for `ja`.
//!
//! A peer verdict is "fires" (the check reports the pair); codepub's is the list of its
//! punctuation checks (P006 final-punctuation, P007 half-width-punctuation) that report it.

use crate::common;

use common::TempProject;

struct Row {
    peer: &'static str,
    en: &'static str,
    ja: &'static str,
    peer_fires: bool,
    codepub: &'static [&'static str],
    /// Why codepub differs from the peer, where it does.
    why: &'static str,
}

const AGREE: &str = "";
const COLON_IS_NOT_A_FULL_STOP: &str = "an English `:` introduces what follows; Japanese writes `：`, and `。` closes \
     the sentence instead, changing the text: codepub reports it (and offers no fix, the translator decides)";
const ONE_CHECK_FOR_INTERROBANGS: &str = "Weblate leaves `?!` pairs to EndInterrobangCheck (whose test_failure_1 \
     `string!?`/`string?` fires); codepub's one check compares the whole final mark, so `？！` against `?` is reported";
const HALF_WIDTH_BRACKET: &str = "P006 agrees; P007 also reports the half-width `)` against `。`: Japanese text \
     takes `（ ）`";

const ROWS: &[Row] = &[
    // Weblate EndStopCheckTest.test_japanese
    Row {
        peer: "Weblate EndStop ja",
        en: "Text:",
        ja: "Text。",
        peer_fires: false,
        codepub: &["P006"],
        why: COLON_IS_NOT_A_FULL_STOP,
    },
    Row { peer: "Weblate EndStop ja", en: "Text:", ja: "Text", peer_fires: true, codepub: &["P006"], why: AGREE },
    Row {
        peer: "Weblate EndStop ja",
        en: "English.",
        ja: "Japanese…",
        peer_fires: true,
        codepub: &["P006"],
        why: AGREE,
    },
    Row { peer: "Weblate EndStop ja", en: "English.", ja: "Japanese。", peer_fires: false, codepub: &[], why: AGREE },
    // Weblate EndColonCheckTest.test_japanese, test_japanese_ignore
    Row {
        peer: "Weblate EndColon ja",
        en: "Text:",
        ja: "Texte。",
        peer_fires: false,
        codepub: &["P006"],
        why: COLON_IS_NOT_A_FULL_STOP,
    },
    Row { peer: "Weblate EndColon ja", en: "Text", ja: "Texte", peer_fires: false, codepub: &[], why: AGREE },
    // Weblate EndQuestionCheckTest.test_interrobang, full-width rows
    Row {
        peer: "Weblate EndQuestion",
        en: "string？！",
        ja: "string?",
        peer_fires: false,
        codepub: &["P006"],
        why: ONE_CHECK_FOR_INTERROBANGS,
    },
    Row {
        peer: "Weblate EndQuestion",
        en: "string?",
        ja: "string！？",
        peer_fires: false,
        codepub: &["P006"],
        why: ONE_CHECK_FOR_INTERROBANGS,
    },
    // Weblate EndExclamationCheckTest.test_interrobang, full-width rows
    Row {
        peer: "Weblate EndExclamation",
        en: "string？！",
        ja: "string!",
        peer_fires: false,
        codepub: &["P006"],
        why: ONE_CHECK_FOR_INTERROBANGS,
    },
    Row {
        peer: "Weblate EndExclamation",
        en: "string!",
        ja: "string！？",
        peer_fires: false,
        codepub: &["P006"],
        why: ONE_CHECK_FOR_INTERROBANGS,
    },
    // Weblate EndInterrobangCheckTest.test_translate, full-width rows
    Row {
        peer: "Weblate EndInterrobang",
        en: "string！？",
        ja: "string！？",
        peer_fires: false,
        codepub: &[],
        why: AGREE,
    },
    Row {
        peer: "Weblate EndInterrobang",
        en: "string！？",
        ja: "string？！",
        peer_fires: false,
        codepub: &[],
        why: AGREE,
    },
    Row {
        peer: "Weblate EndInterrobang",
        en: "string?!",
        ja: "string？！",
        peer_fires: false,
        codepub: &[],
        why: AGREE,
    },
    // ASCII `!?` closing Latin text is not "after Japanese": codepub leaves it, as Weblate does.
    Row {
        peer: "Weblate EndInterrobang",
        en: "string！？",
        ja: "string!?",
        peer_fires: false,
        codepub: &[],
        why: AGREE,
    },
    Row {
        peer: "Weblate EndInterrobang",
        en: "string？！",
        ja: "string⁈",
        peer_fires: false,
        codepub: &[],
        why: AGREE,
    },
    // Translate Toolkit test_endpunc, target language zh (run with targetlanguage "ja", the toolkit
    // rejects this pair: its Japanese punctranslate maps no `:`).
    Row {
        peer: "Translate Toolkit endpunc zh",
        en: "To activate your account, follow this link:",
        ja: "要啟用戶口，請瀏覽這個鏈結：",
        peer_fires: false,
        codepub: &["P007"],
        why: "P006 agrees (`:` ↔ `：`); P007 reports `，`: the Chinese comma, which Japanese running text writes `、`",
    },
    // Translate Toolkit test_ja.py test_punctranslate, as endpunc passes for ja
    Row {
        peer: "Translate Toolkit punctranslate ja",
        en: "abc efg.",
        ja: "abc efg。",
        peer_fires: false,
        codepub: &[],
        why: AGREE,
    },
    Row {
        peer: "Translate Toolkit punctranslate ja",
        en: "(abc efg).",
        ja: "(abc efg)。",
        peer_fires: false,
        codepub: &["P007"],
        why: HALF_WIDTH_BRACKET,
    },
    Row {
        peer: "Translate Toolkit punctranslate ja",
        en: "(abc efg). hijk",
        ja: "(abc efg)。hijk",
        peer_fires: false,
        codepub: &["P007"],
        why: HALF_WIDTH_BRACKET,
    },
    Row { peer: "Translate Toolkit punctranslate ja", en: ".", ja: "。", peer_fires: false, codepub: &[], why: AGREE },
    Row {
        peer: "Translate Toolkit punctranslate ja",
        en: "abc efg...",
        ja: "abc efg...",
        peer_fires: false,
        codepub: &[],
        why: AGREE,
    },
];

/// A project of one clause whose only paragraph is `en` in English and `ja` in Japanese.
fn project(en: &str, ja: &str) -> TempProject {
    let project = TempProject { dir: tempfile::tempdir().expect("temp dir") };
    project.write(
        "codepub.toml",
        "[edition]\ncouncil_resolution = \"11/2023\"\nadopted = 2023-02-23\nisbn = \"978-92-67-11315-9\"\n\
         author = \"ISO\"\ntitle = { en = \"Code\", ja = \"規範\" }\n\
         copyright = { en = [\"© ISO, 2023\"], ja = [\"© ISO, 2023\", \"© ISO/JSA, 2023\"] }\n",
    );
    project.write("content/en/a.md", format!("# A {{#a}}\n\n{en}\n"));
    project.write("content/ja/a.md", format!("# A {{#a}}\n\n{ja}\n"));
    project
}

/// The punctuation checks codepub reports on the paragraph.
fn codepub_verdict(en: &str, ja: &str) -> Vec<String> {
    let project = project(en, ja);
    let output = project.codepub().args(["check", "--format", "json", "--no-baseline"]).output().expect("codepub runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let mut codes: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["address"] == "a#1" && (f["code"] == "P006" || f["code"] == "P007"))
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect();
    codes.dedup();
    codes
}

#[test]
fn peer_japanese_end_punctuation_cases_get_the_documented_verdicts() {
    let mut wrong = Vec::new();
    for row in ROWS {
        let found = codepub_verdict(row.en, row.ja);
        if found != row.codepub {
            wrong.push(format!("{}: {:?} / {:?}: expected {:?}, got {found:?}", row.peer, row.en, row.ja, row.codepub));
        }
        // A row where codepub and the peer differ says why.
        let differs = row.peer_fires == row.codepub.is_empty();
        assert_eq!(
            differs,
            !row.why.is_empty(),
            "{}: {:?} / {:?}: give the reason iff the verdicts differ",
            row.peer,
            row.en,
            row.ja
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
