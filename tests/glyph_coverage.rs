//! P015 glyph coverage: characters no bundled font prints are reported by `check` at their line
//! and column with the code point and the fonts tried; characters of JIS X 0213 names print.

#![cfg(feature = "pdf")]

use crate::common;

use common::TempProject;
use predicates::prelude::*;

const EN: &str = "# Names {#names}\n\nMr Yoshida, Mr Takahashi and Ms Yamasaki.\n";

#[test]
fn emoji_and_arabic_ligature_are_reported_at_line_and_column() {
    let ja = "# 名前 {#names}\n\n吉田さん😀、髙橋さん、山﨑さん﷽。\n";
    let project = TempProject::small(EN, ja);
    let json = project.json(&["check", "--format", "json"], 1);
    let p015: Vec<_> = json["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "P015").collect();
    let places: Vec<_> = p015
        .iter()
        .map(|f| (f["excerpt"].as_str().unwrap(), f["labels"][0]["line"].clone(), f["labels"][0]["column"].clone()))
        .collect();
    assert_eq!(places, [("😀", 3.into(), 5.into()), ("﷽", 3.into(), 16.into())]);
    project
        .codepub()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[P015]: no font of the editions can print “😀” (U+1F600)"))
        .stdout(predicate::str::contains("┌─ content/ja/a.md:3:5"))
        .stdout(predicate::str::contains("fonts tried: BIZ UDGothic, BIZ UDMincho"));
}

#[test]
fn jis_x_0213_name_characters_pass() {
    let ja = "# 名前 {#names}\n\n𠮷田さん、髙橋さん、山﨑さん。\n";
    let project = TempProject::small(EN, ja);
    let json = project.json(&["check", "--format", "json"], 0);
    assert!(json["findings"].as_array().unwrap().iter().all(|f| f["code"] != "P015"), "{json}");
}

#[test]
fn the_shipped_code_has_no_unprintable_character() {
    let project = TempProject::shipped();
    let json = project.json(&["check", "--format", "json", "--no-baseline"], 1);
    assert!(json["findings"].as_array().unwrap().iter().all(|f| f["code"] != "P015"));
}

#[test]
fn a_font_path_font_counts_for_the_check() {
    let ja = "# 名前 {#names}\n\n吉田さん✅。\n";
    let project = TempProject::small(EN, ja);
    let json = project.json(&["check", "--format", "json"], 1);
    assert!(json["findings"].as_array().unwrap().iter().any(|f| f["code"] == "P015"), "{json}");
    let fonts = project.path("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    // DejaVu Sans (Debian's fonts-dejavu-core, which fontconfig pulls in) has ✅ (U+2705).
    let dejavu = std::path::Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    if !dejavu.exists() {
        eprintln!("skipping the --font-path half: {} is missing", dejavu.display());
        return;
    }
    std::fs::copy(dejavu, fonts.join("DejaVuSans.ttf")).unwrap();
    let json = project.json(&["check", "--format", "json", "--font-path", fonts.to_str().unwrap()], 0);
    assert!(json["findings"].as_array().unwrap().iter().all(|f| f["code"] != "P015"), "{json}");
}
