//! The XLIFF round trip through the real binary on copies of the shipped Code: export, edit the
//! file as a translator's tool would, import; each refusal exits 1 and writes nothing. The
//! export validates against the OASIS XLIFF 2.0 core schema (`xmllint --schema`), and Translate
//! Toolkit (`translate.storage.xliff2`) reads it, edits a target, and codepub imports the result.
//!
//! The schema is read from `../shared/schemas/xliff-2.0/` beside the repository (or
//! `CODEPUB_XLIFF_SCHEMA`); xmllint comes from Debian's `libxml2-utils`, Translate Toolkit from
//! `tests/xliff/.venv` (both installed by `.ci/run`). Without them those tests skip with a notice,
//! except in CI (`CI=true`), where they fail.

use crate::common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{EN, JA, TempProject, constitution, manifest_dir};
use predicates::prelude::*;

/// Every file under `content/`, by path: what an import may change.
fn content(project: &TempProject) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(project.path("content"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(project.root()).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// `codepub xliff export ARGS --out code.xlf` in the project; the document's text.
fn export(project: &TempProject, args: &[&str]) -> String {
    let out = project.path("code.xlf");
    project.codepub().args(["xliff", "export", "--out"]).arg(&out).args(args).assert().code(0);
    std::fs::read_to_string(out).unwrap()
}

/// Writes `xliff` beside the project and imports it; the assertion on the exit status `code`.
fn import(project: &TempProject, xliff: &str, args: &[&str], code: i32) -> assert_cmd::assert::Assert {
    let path = project.path("edited.xlf");
    std::fs::write(&path, xliff).unwrap();
    project.codepub().args(["xliff", "import"]).arg(&path).args(args).assert().code(code)
}

/// The `<target>` of unit `id`, as written.
fn target<'x>(xliff: &'x str, id: &str) -> &'x str {
    let unit = &xliff[xliff.find(&format!("<unit id=\"{id}\"")).unwrap_or_else(|| panic!("no unit {id}"))..];
    let start = unit.find("<target>").unwrap() + "<target>".len();
    &unit[start..start + unit[start..].find("</target>").unwrap()]
}

/// `xliff` with the target of unit `id` replaced by `new` (XML content).
fn with_target(xliff: &str, id: &str, new: &str) -> String {
    let old = target(xliff, id);
    let at = xliff.find(&format!("<unit id=\"{id}\"")).unwrap();
    let start = at + xliff[at..].find("<target>").unwrap() + "<target>".len();
    format!("{}{new}{}", &xliff[..start], &xliff[start + old.len()..])
}

const PROTECT: &str = "私たちは、本機構専用のデータ保護ポリシーを遵守します。";

#[test]
fn export_then_import_of_the_code_with_no_change_is_byte_identical() {
    let project = TempProject::shipped();
    let before = content(&project);
    let xliff = export(&project, &[]);
    assert_eq!(xliff.matches("<unit ").count(), 51);
    import(&project, &xliff, &[], 0).stdout(predicate::str::contains("0 changed"));
    assert!(content(&project) == before, "the sources changed");
}

#[test]
fn export_then_import_of_the_constitution_with_no_change_is_byte_identical() {
    let project = constitution();
    let before = content(&project);
    let xliff = export(&project, &[]);
    assert!(xliff.matches("<unit ").count() > 20);
    import(&project, &xliff, &[], 0).stdout(predicate::str::contains("0 changed"));
    assert!(content(&project) == before, "the sources changed");
}

#[test]
fn an_edited_target_lands_in_its_paragraph_and_nothing_else_changes() {
    let project = TempProject::shipped();
    let before = project.read(JA);
    let xliff = export(&project, &[]);
    assert_eq!(target(&xliff, "principle-7_3"), PROTECT);
    let edited = with_target(&xliff, "principle-7_3", "私たちは、本機構専用の個人データ保護ポリシーを遵守します。");
    // Only stale now (P013), which an import never refuses.
    import(&project, &edited, &[], 0).stdout(predicate::str::contains("1 changed, in 1 files"));
    assert_eq!(project.read(JA), before.replace(PROTECT, "私たちは、本機構専用の個人データ保護ポリシーを遵守します。"));
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[P013]").and(predicate::str::contains("principle-7#3")));
}

#[test]
fn a_translation_the_japanese_lacks_is_exported_without_target_and_imported_into_its_place() {
    let project = TempProject::shipped();
    let shipped = project.read(JA);
    project.replace(JA, &format!("{PROTECT}\n\n"), "");
    let xliff = export(&project, &["--stale"]);
    assert_eq!(xliff.matches("<unit ").count(), 1, "{xliff}");
    let unit = &xliff[xliff.find("<unit id=\"principle-7_3\"").unwrap()..];
    assert!(unit.contains("<segment state=\"initial\">") && !unit[..unit.find("</unit>").unwrap()].contains("<target"));
    let translated = xliff.replacen("</source>", &format!("</source>\n        <target>{PROTECT}</target>"), 1);
    import(&project, &translated, &[], 0).stdout(predicate::str::contains("1 changed, in 1 files"));
    assert_eq!(project.read(JA), shipped, "the paragraph is back where it was");
}

#[test]
fn inline_codes_move_with_the_text_and_are_spelt_as_the_japanese_spells_them() {
    let project = TempProject::shipped();
    let xliff = export(&project, &[]);
    let old = target(&xliff, "principle-1_2");
    // The footnote reference moved to the end, the second strong emphasis before the first.
    let ph = &old[old.find("<ph ").unwrap()..][..old[old.find("<ph ").unwrap()..].find("/>").unwrap() + 2];
    let first = &old[old.find("<pc id=\"1\"").unwrap()..]
        [..old[old.find("<pc id=\"1\"").unwrap()..].find("</pc>").unwrap() + 5];
    let second = &old[old.find("<pc id=\"2\"").unwrap()..]
        [..old[old.find("<pc id=\"2\"").unwrap()..].find("</pc>").unwrap() + 5];
    let new = old.replacen(ph, "", 1).replacen(first, "@", 1).replacen(second, first, 1).replacen('@', second, 1) + ph;
    import(&project, &with_target(&xliff, "principle-1_2", &new), &[], 0);
    let ja = project.read(JA);
    assert!(ja.contains("私たちは**施行規則**を最高の管理文書と認識しています。それは**会則**によって"), "{ja}");
    assert!(ja.contains("に準拠して実施されます。[^1]\n"), "{ja}");
    project.codepub().arg("check").assert().stdout(predicate::str::contains("P003").not());
}

#[test]
fn a_unit_whose_id_is_unknown_is_refused_and_nothing_is_written() {
    let project = TempProject::shipped();
    let before = content(&project);
    let xliff = export(&project, &[]).replace("<unit id=\"principle-7_3\"", "<unit id=\"principle-77_3\"");
    let edited = with_target(&xliff, "principle-7_2", "私たちは、機密文書を保護します。");
    import(&project, &edited, &[], 1)
        .stderr(predicate::str::contains("unit `principle-77_3` is not a block of this project"))
        .stderr(predicate::str::contains("edited.xlf:"))
        .stderr(predicate::str::contains("nothing written"));
    assert!(content(&project) == before);
}

#[test]
fn a_unit_whose_english_changed_since_the_export_is_refused_at_its_line_and_block() {
    let project = TempProject::shipped();
    let before_ja = project.read(JA);
    let xliff = export(&project, &[]);
    let line = xliff[..xliff.find("<unit id=\"principle-7_3\"").unwrap()].lines().count();
    project.replace(EN, "dedicated data protection policies", "dedicated data protection and privacy policies");
    let edited = with_target(&xliff, "principle-7_3", "私たちは、個人データ保護ポリシーを遵守します。");
    import(&project, &edited, &[], 1)
        .stderr(predicate::str::contains("the English changed since the export"))
        .stderr(predicate::str::contains(format!("edited.xlf:{line}:5")))
        .stderr(predicate::str::contains("block principle-7#3"));
    assert_eq!(project.read(JA), before_ja);
}

#[test]
fn a_lost_inline_code_is_refused() {
    let project = TempProject::shipped();
    let before = content(&project);
    let xliff = export(&project, &[]);
    let old = target(&xliff, "principle-1_2");
    let ph = &old[old.find("<ph ").unwrap()..][..old[old.find("<ph ").unwrap()..].find("/>").unwrap() + 2];
    import(&project, &with_target(&xliff, "principle-1_2", &old.replace(ph, "")), &[], 1)
        .stderr(predicate::str::contains("inline code `4` ([^1]) of the source is missing from the target"))
        .stderr(predicate::str::contains("block principle-1#2"));
    assert!(content(&project) == before);
}

#[test]
fn a_duplicated_inline_code_is_refused() {
    let project = TempProject::shipped();
    let before = content(&project);
    let xliff = export(&project, &[]);
    let old = target(&xliff, "principle-1_2");
    let ph = &old[old.find("<ph ").unwrap()..][..old[old.find("<ph ").unwrap()..].find("/>").unwrap() + 2];
    import(&project, &with_target(&xliff, "principle-1_2", &format!("{old}{ph}")), &[], 1)
        .stderr(predicate::str::contains("inline code `4` ([^1]) appears more than once in the target"));
    assert!(content(&project) == before);
}

#[test]
fn japanese_that_fails_a_parity_check_is_refused_with_the_finding() {
    let project = TempProject::shipped();
    let before = content(&project);
    let xliff = export(&project, &[]);
    let edited = with_target(&xliff, "title_1", "(2024年2月23日, 理事会決議 11/2023 採択により承認)");
    import(&project, &edited, &[], 1)
        .stderr(predicate::str::contains("the imported Japanese fails P004"))
        .stderr(predicate::str::contains("block title#1"));
    assert!(content(&project) == before);
}

#[test]
fn malformed_xml_is_an_input_error_at_its_line_and_column() {
    let project = TempProject::shipped();
    let xliff = export(&project, &[]).replacen("</target>", "</targt>", 1);
    import(&project, &xliff, &[], 2)
        .stderr(predicate::str::contains("E015"))
        .stderr(predicate::str::contains("edited.xlf:"));
}

#[test]
fn stale_exports_only_what_needs_work_with_the_english_as_signed_off() {
    let project = TempProject::shipped();
    project.replace(EN, "dedicated data protection policies", "dedicated data protection and privacy policies");
    let xliff = export(&project, &["--stale"]);
    assert_eq!(xliff.matches("<unit ").count(), 1, "{xliff}");
    assert!(xliff.contains("<unit id=\"principle-7_3\" name=\"principle-7#3\">"));
    // (`id="s1"` follows when the unit is offered an earlier translation, as here.)
    assert!(xliff.contains("<segment state=\"initial\""));
    assert!(xliff.contains("<note category=\"signed-off-english\">We comply with the organization&apos;s dedicated data protection policies.</note>"));
    let all = export(&project, &[]);
    // The other 46 units are signed off and current; the 4 of the back cover are final too.
    assert_eq!(all.matches("state=\"final\"").count(), 50);
    assert_eq!(all.matches("state=\"initial\"").count(), 1);
    assert_eq!(all.matches("translate=\"no\"").count(), 4, "the back cover is there for reference");
}

#[test]
fn clauses_limit_the_export_and_an_unknown_clause_is_refused() {
    let project = TempProject::shipped();
    let xliff = export(&project, &["principle-3"]);
    let names: Vec<&str> = xliff.split("name=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    assert_eq!(names, ["principle-3#heading", "principle-3#1", "principle-3#2", "principle-3#3"]);
    project.codepub().args(["xliff", "export", "principle-99"]).assert().code(2);
}

#[test]
fn dry_run_shows_the_diff_and_writes_nothing() {
    let project = TempProject::shipped();
    let before = content(&project);
    let xliff = export(&project, &[]);
    let edited = with_target(&xliff, "principle-7_3", "私たちは、個人データ保護ポリシーを遵守します。");
    import(&project, &edited, &["--dry-run"], 0)
        .stdout(predicate::str::contains(format!("-{PROTECT}")))
        .stdout(predicate::str::contains("+私たちは、個人データ保護ポリシーを遵守します。"));
    assert!(content(&project) == before);
}

#[test]
fn sign_off_leaves_alone_a_stale_translation_returned_unchanged_and_still_initial() {
    let project = TempProject::shipped();
    project.replace(EN, "dedicated data protection policies", "dedicated data protection and privacy policies");
    let xliff = export(&project, &["--stale"]);
    import(&project, &xliff, &["--sign-off"], 0);
    project.codepub().arg("check").assert().code(1).stdout(predicate::str::contains("principle-7#3"));
    // Reviewed in the CAT tool and marked translated: now it is signed off.
    let reviewed = xliff.replace("state=\"initial\"", "state=\"translated\"");
    import(&project, &reviewed, &["--sign-off"], 0).stdout(predicate::str::contains("signed off 1"));
    project.codepub().arg("check").assert().code(0);
}

#[test]
fn sign_off_records_the_imported_translations() {
    let project = TempProject::shipped();
    let xliff = export(&project, &[]);
    let edited = with_target(&xliff, "principle-7_3", "私たちは、本機構専用の個人データ保護ポリシーを遵守します。");
    import(&project, &edited, &["--sign-off"], 0).stdout(predicate::str::contains("signed off 1"));
    project.codepub().arg("check").assert().code(0);
}

// --- Earlier translations from the translation memory, as translation candidates. ---

const PROTECT_EN: &str = "We comply with the organization's dedicated data protection policies.";
const PRIVACY_EN: &str = "We comply with the organization's dedicated data protection and privacy policies.";
const PRIVACY_JA: &str = "私たちは、本機構専用のデータ保護およびプライバシーポリシーを遵守します。";

/// The `<unit>` element `id` of `xliff`, as written.
fn unit<'x>(xliff: &'x str, id: &str) -> &'x str {
    let start = xliff.find(&format!("<unit id=\"{id}\"")).unwrap_or_else(|| panic!("no unit {id}"));
    &xliff[start..start + xliff[start..].find("</unit>").unwrap() + "</unit>".len()]
}

/// The target of the segment of unit `id` (not a candidate's), when it has one.
fn segment_target<'x>(xliff: &'x str, id: &str) -> Option<&'x str> {
    let unit = unit(xliff, id);
    let segment = &unit[unit.find("<segment").unwrap()..];
    let start = segment.find("<target>")? + "<target>".len();
    Some(&segment[start..start + segment[start..].find("</target>").unwrap()])
}

/// `xliff` with a target `new` for the segment of unit `id`, where it had none or another.
fn with_segment_target(xliff: &str, id: &str, new: &str) -> String {
    let at = xliff.find(&format!("<unit id=\"{id}\"")).unwrap();
    let segment = at + xliff[at..].find("<segment").unwrap();
    let end = segment + xliff[segment..].find("</segment>").unwrap();
    let source_end = segment + xliff[segment..].find("</source>").unwrap() + "</source>".len();
    format!("{}<target>{new}</target>{}", &xliff[..source_end], &xliff[end..])
}

/// The candidate an export offers: `<mtc:match>`'s similarity, source and target.
fn candidate(unit: &str) -> Option<(String, String, String)> {
    let document = roxmltree::Document::parse(unit).unwrap();
    let matched = document.descendants().find(|n| n.has_tag_name(("urn:oasis:names:tc:xliff:matches:2.0", "match")))?;
    assert_eq!(matched.attribute("ref"), Some("#s1"));
    assert_eq!(matched.attribute("origin"), Some("codepub memory"));
    let text = |name: &str| {
        let node = matched.children().find(|n| n.has_tag_name(("urn:oasis:names:tc:xliff:document:2.0", name)));
        node.and_then(|n| n.text()).unwrap_or_default().to_string()
    };
    Some((matched.attribute("similarity").unwrap().to_string(), text("source"), text("target")))
}

/// The unit alone, with the namespaces of the document, for [`candidate`].
fn unit_document(xliff: &str, id: &str) -> String {
    format!(
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\">{}</xliff>",
        unit(xliff, id)
    )
}

#[test]
fn a_stale_unit_is_offered_the_exact_earlier_translation_as_a_candidate_and_its_target_stays_as_it_was() {
    let project = TempProject::shipped();
    let root = project.root();
    common::git(root, &["init", "-q", "-b", "main"]);
    common::git(root, &["add", "."]);
    common::git(root, &["commit", "-q", "-m", "Resolution 11/2023"]);
    project.replace(EN, PROTECT_EN, PRIVACY_EN);
    project.replace(JA, PROTECT, PRIVACY_JA);
    project.codepub().args(["sign-off", "--by", "Aiko Tanaka"]).assert().code(0);
    common::git(root, &["commit", "-q", "-am", "Privacy"]);
    // The English goes back to what it was at the first commit: stale against the record.
    project.replace(EN, PRIVACY_EN, PROTECT_EN);

    let xliff = export(&project, &["--stale"]);
    assert_eq!(xliff.matches("<unit ").count(), 1, "{xliff}");
    let offered = candidate(&unit_document(&xliff, "principle-7_3"));
    assert_eq!(offered, Some(("100".into(), PROTECT_EN.into(), PROTECT.into())), "{xliff}");
    assert!(xliff.contains("<mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\">"), "{xliff}");
    // Offered, never written as the target: that is the Japanese as it is, still initial.
    assert!(unit(&xliff, "principle-7_3").contains("<segment state=\"initial\" id=\"s1\">"));
    assert_eq!(segment_target(&xliff, "principle-7_3"), Some(PRIVACY_JA));
}

#[test]
fn a_stale_unit_is_offered_the_nearest_earlier_translation_with_its_similarity() {
    let project = TempProject::shipped();
    project.replace(EN, PROTECT_EN, PRIVACY_EN);
    let xliff = export(&project, &["--stale"]);
    // 9 words in common of 9 and 11: 2 × 9 / 20.
    let offered = candidate(&unit_document(&xliff, "principle-7_3"));
    assert_eq!(offered, Some(("90".into(), PROTECT_EN.into(), PROTECT.into())), "{xliff}");
    assert_eq!(segment_target(&xliff, "principle-7_3"), Some(PROTECT));
}

#[test]
fn a_unit_whose_english_resembles_nothing_signed_off_is_offered_no_candidate() {
    let project = TempProject::shipped();
    project.replace(EN, PROTECT_EN, "Members of the Council shall be elected every three years.");
    let xliff = export(&project, &["--stale"]);
    assert_eq!(xliff.matches("<unit ").count(), 1, "{xliff}");
    assert!(!xliff.contains("mtc:"), "{xliff}");
    assert!(unit(&xliff, "principle-7_3").contains("<segment state=\"initial\">"));
}

#[test]
fn a_file_carrying_a_candidate_imports_its_own_target_and_signs_it_off() {
    let project = TempProject::shipped();
    project.replace(EN, PROTECT_EN, PRIVACY_EN);
    let before = project.read(JA);
    let xliff = export(&project, &["--stale"]);
    assert!(xliff.contains("<mtc:match "), "{xliff}");
    // Returned as it was: nothing changes, the candidate is not imported.
    import(&project, &xliff, &[], 0).stdout(predicate::str::contains("0 changed"));
    assert_eq!(project.read(JA), before);
    let translated =
        with_segment_target(&xliff, "principle-7_3", PRIVACY_JA).replace("state=\"initial\"", "state=\"translated\"");
    import(&project, &translated, &["--sign-off"], 0)
        .stdout(predicate::str::contains("1 changed, in 1 files"))
        .stdout(predicate::str::contains("signed off 1"));
    assert_eq!(project.read(JA), before.replace(PROTECT, PRIVACY_JA));
    project.codepub().arg("check").assert().code(0);
}

// --- Real clients: the OASIS schema with xmllint, and Translate Toolkit. ---

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|ci| !ci.is_empty() && ci != "false" && ci != "0")
}

/// `Some(value)`, or `None` with a notice when a prerequisite is missing outside CI (in CI: fail).
pub(crate) fn required<T>(what: &str, found: Result<T, String>) -> Option<T> {
    match found {
        Ok(value) => Some(value),
        Err(reason) if in_ci() => panic!("{what} is required in CI (CI is set) but unavailable: {reason}"),
        Err(reason) => {
            let _ = writeln!(std::io::stderr(), "note: {what} test skipped: {reason}; `bash .ci/run` installs it");
            None
        }
    }
}

fn schema() -> Result<PathBuf, String> {
    let path = std::env::var_os("CODEPUB_XLIFF_SCHEMA")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("../shared/schemas/xliff-2.0/xliff_core_2.0.xsd"));
    if path.is_file() { Ok(path) } else { Err(format!("no schema at {}", path.display())) }
}

fn xmllint() -> Result<(), String> {
    match Command::new("xmllint").arg("--version").output() {
        Ok(output) if output.status.success() => Ok(()),
        Ok(output) => Err(String::from_utf8_lossy(&output.stderr).into_owned()),
        Err(error) => Err(format!("xmllint: {error} (Debian package libxml2-utils)")),
    }
}

fn validate(schema: &Path, file: &Path) -> std::process::Output {
    Command::new("xmllint").args(["--noout", "--schema"]).arg(schema).arg(file).output().unwrap()
}

#[test]
fn every_export_validates_against_the_xliff_2_core_schema() {
    let Some(schema) = required("XLIFF schema", schema().and_then(|s| xmllint().map(|()| s))) else { return };
    let project = TempProject::shipped();
    project.replace(EN, "dedicated data protection policies", "dedicated data protection and privacy policies");
    for args in [&[][..], &["--stale"], &["principle-1", "footnote-1"], &["back-cover"]] {
        export(&project, args);
        let output = validate(&schema, &project.path("code.xlf"));
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let constitution = constitution();
    export(&constitution, &[]);
    let output = validate(&schema, &constitution.path("code.xlf"));
    assert!(output.status.success(), "constitution: {}", String::from_utf8_lossy(&output.stderr));
    // The check can fail: a unit id that is no NMTOKEN does not validate.
    let broken = std::fs::read_to_string(project.path("code.xlf"))
        .unwrap()
        .replace("id=\"back-cover_1\"", "id=\"back-cover#1\"");
    std::fs::write(project.path("broken.xlf"), broken).unwrap();
    assert!(!validate(&schema, &project.path("broken.xlf")).status.success());
}

pub(crate) fn translate_toolkit() -> Result<PathBuf, String> {
    let python = manifest_dir().join("tests/xliff/.venv/bin/python");
    let output = Command::new(&python)
        .args(["-c", "import translate.storage.xliff2"])
        .output()
        .map_err(|e| format!("{}: {e}", python.display()))?;
    if output.status.success() { Ok(python) } else { Err(String::from_utf8_lossy(&output.stderr).into_owned()) }
}

#[test]
fn translate_toolkit_reads_edits_and_writes_the_export_and_codepub_imports_it() {
    let Some(python) = required("Translate Toolkit", translate_toolkit()) else { return };
    let project = TempProject::shipped();
    let xliff = export(&project, &[]);
    let script = r#"
import sys
from translate.storage import xliff2
store = xliff2.Xliff2File.parsefile(sys.argv[1])
for unit in store.units:
    print(unit.getid(), "|", unit.source.replace("\n", " "), "|", unit.target or "")
    if unit.getid() == "principle-7_3":
        unit.target = sys.argv[3]
store.savefile(sys.argv[2])
"#;
    let edited = "私たちは、本機構専用の個人データ保護ポリシーを遵守します。";
    let output = Command::new(&python)
        .args(["-c", script])
        .arg(project.path("code.xlf"))
        .arg(project.path("tt.xlf"))
        .arg(edited)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let listed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(listed.lines().count(), xliff.matches("<unit ").count(), "{listed}");
    assert!(
        listed.contains(&format!(
            "principle-7_3 | We comply with the organization's dedicated data protection policies. | {PROTECT}"
        )),
        "{listed}"
    );
    assert!(listed.contains("title_heading | ISO Code of Ethics and Conduct | ISOの倫理および行動の規範"), "{listed}");
    let saved = std::fs::read_to_string(project.path("tt.xlf")).unwrap();
    let before = project.read(JA);
    import(&project, &saved, &[], 0).stdout(predicate::str::contains("1 changed, in 1 files"));
    assert_eq!(project.read(JA), before.replace(PROTECT, edited));
}

/// A target that leaves the Japanese sources unloadable (here, a paragraph over the block size
/// limit) is refused at that unit's target in the XLIFF file, not at the file's first unit.
#[test]
fn a_target_that_makes_the_sources_unloadable_is_refused_at_its_own_unit() {
    let project = TempProject::shipped();
    let before_ja = project.read(JA);
    let xliff = export(&project, &[]);
    let unit = xliff.find("<unit id=\"principle-7_3\"").unwrap();
    let line = xliff[..unit + xliff[unit..].find("<target>").unwrap()].lines().count();
    let edited = with_target(&xliff, "principle-7_3", &"長い".repeat(600_000));
    let assert = import(&project, &edited, &[], 1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&format!("edited.xlf:{line}:")),
        "not at line {line}:\n{}",
        &stderr[..stderr.len().min(2000)]
    );
    assert_eq!(project.read(JA), before_ja);
}
