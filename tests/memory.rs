//! The translation memory (`codepub memory export`, TMX 1.4b): every signed-off pair, from the
//! translation record and from its git history, read back as XML and by Translate Toolkit
//! (`translate.storage.tmx`, from `tests/xliff/.venv` as for tests/xliff.rs: skipped with a notice
//! when missing, except in CI).

use crate::common;
use crate::xliff::{required, translate_toolkit};

use std::process::Command;

use common::{EN, JA, TempProject, git};

const PROTECT_EN: &str = "We comply with the organization's dedicated data protection policies.";
const PROTECT_JA: &str = "私たちは、本機構専用のデータ保護ポリシーを遵守します。";
const PRIVACY_EN: &str = "We comply with the organization's dedicated data protection and privacy policies.";
const PRIVACY_JA: &str = "私たちは、本機構専用のデータ保護およびプライバシーポリシーを遵守します。";

/// `codepub memory export` of the project, on standard output.
fn memory(project: &TempProject) -> String {
    let output = project.codepub().args(["memory", "export", "--format", "tmx"]).assert().code(0);
    String::from_utf8(output.get_output().stdout.clone()).unwrap()
}

/// Signs off everything as Aiko Tanaka at a fixed time.
fn sign_off(project: &TempProject) {
    (project.codepub().args(["sign-off", "--by", "Aiko Tanaka"]))
        .env("CODEPUB_NOW", "2026-03-01T09:30:00Z")
        .assert()
        .code(0);
}

/// The (English, Japanese, address) of every `<tu>`, checking each has one `<tuv>` per language.
fn units(tmx: &str) -> Vec<(String, String, String)> {
    let document = roxmltree::Document::parse(tmx).unwrap_or_else(|e| panic!("not well-formed: {e}\n{tmx}"));
    let root = document.root_element();
    assert_eq!((root.tag_name().name(), root.attribute("version")), ("tmx", Some("1.4")));
    let header = root.children().find(|n| n.has_tag_name("header")).expect("a header");
    for (name, value) in
        [("creationtool", "codepub"), ("srclang", "en"), ("adminlang", "en"), ("datatype", "plaintext")]
    {
        assert_eq!(header.attribute(name), Some(value), "{name}");
    }
    assert_eq!(header.attribute("segtype"), Some("paragraph"));
    let xml_lang = ("http://www.w3.org/XML/1998/namespace", "lang");
    (document.descendants().filter(|n| n.has_tag_name("tu")))
        .map(|tu| {
            let seg = |lang: &str| {
                let tuvs: Vec<_> =
                    tu.children().filter(|n| n.has_tag_name("tuv") && n.attribute(xml_lang) == Some(lang)).collect();
                assert_eq!(tuvs.len(), 1, "one <tuv xml:lang=\"{lang}\">");
                let seg = tuvs[0].children().find(|n| n.has_tag_name("seg")).expect("a <seg>");
                seg.text().unwrap_or_default().to_string()
            };
            let prop = tu.children().find(|n| n.has_tag_name("prop") && n.attribute("type") == Some("x-address"));
            (seg("en"), seg("ja"), prop.and_then(|p| p.text()).unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn tmx_export_of_a_signed_off_project_has_one_well_formed_tu_per_pair_with_both_languages() {
    let project = TempProject::shipped();
    sign_off(&project);
    let record = project.read("content/translations.lock");
    let pairs = record.matches("[[pair]]").count();
    assert_eq!(pairs, 45);
    let tmx = memory(&project);
    let units = units(&tmx);
    assert_eq!(units.len(), pairs, "{tmx}");
    assert!(units.contains(&(PROTECT_EN.into(), PROTECT_JA.into(), "principle-7#3".into())), "{units:?}");
    assert!(units.iter().all(|(en, ja, address)| !en.is_empty() && !ja.is_empty() && !address.is_empty()));
    // Who signed off and when, as TMX spells them; the apostrophe escaped, not lost.
    assert!(tmx.contains("<tu creationid=\"Aiko Tanaka\" creationdate=\"20260301T093000Z\">"), "{tmx}");
    assert!(tmx.contains("organization&apos;s") || tmx.contains("organization's"));

    // --out writes the same document, atomically, and says so.
    (project.codepub().args(["memory", "export", "--out"]).arg(project.path("code.tmx")))
        .assert()
        .code(0)
        .stderr(predicates::str::contains("wrote 45 signed-off pairs"));
    assert_eq!(project.read("code.tmx"), tmx);
}

#[test]
fn the_memory_holds_the_pairs_of_every_signed_off_revision_in_the_git_history() {
    let project = TempProject::shipped();
    let root = project.root();
    // Revision 1: the shipped record (version 1: fingerprints and the English only).
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "Resolution 11/2023"]);
    // Revision 2: the English of principle 7 changed, translated and signed off again.
    project.replace(EN, PROTECT_EN, PRIVACY_EN);
    project.replace(JA, PROTECT_JA, PRIVACY_JA);
    sign_off(&project);
    git(root, &["commit", "-q", "-am", "Privacy"]);

    let units = units(&memory(&project));
    // The earlier pair, whose Japanese the version 1 record does not hold, read from the sources
    // of its commit; and the pair signed off now.
    assert!(units.contains(&(PROTECT_EN.into(), PROTECT_JA.into(), "principle-7#3".into())), "{units:?}");
    assert!(units.contains(&(PRIVACY_EN.into(), PRIVACY_JA.into(), "principle-7#3".into())), "{units:?}");
    // Each identical pair once: 45 pairs now, and the one of revision 1 that changed.
    assert_eq!(units.len(), 46);
    // The record as it is now alone does not hold the earlier pair.
    std::fs::remove_dir_all(root.join(".git")).unwrap();
    let now = self::units(&memory(&project));
    assert_eq!(now.len(), 45);
    assert!(!now.iter().any(|(en, _, _)| en == PROTECT_EN));
}

#[test]
fn translate_toolkit_reads_the_tmx_export() {
    let Some(python) = required("Translate Toolkit", translate_toolkit()) else { return };
    let project = TempProject::shipped();
    sign_off(&project);
    std::fs::write(project.path("code.tmx"), memory(&project)).unwrap();
    let script = r#"
import sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
for unit in store.units:
    print(unit.source, "|", unit.target)
"#;
    let output = Command::new(&python).args(["-c", script]).arg(project.path("code.tmx")).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let listed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(listed.lines().count(), 45, "{listed}");
    assert!(listed.contains(&format!("{PROTECT_EN} | {PROTECT_JA}")), "{listed}");
    assert!(listed.contains("ISO Code of Ethics and Conduct | ISOの倫理および行動の規範"), "{listed}");
}
