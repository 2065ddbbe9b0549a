//! Turns the targets of an XLIFF file into new contents of the Japanese sources, or refuses.
//!
//! Each target replaces the bytes of its unit's Japanese text only (a heading's text, a
//! paragraph, a list item's text), so the rest of each file, its front matter and the blocks
//! not in the XLIFF stay byte for byte; a target that reads as the Japanese already does leaves
//! its bytes alone. The import is refused when a unit is unknown, when its source no longer reads
//! as the current English, when an inline code was lost, duplicated or made up, or when the
//! imported Japanese fails a parity check at error level that the sources as they are do not
//! (stale translations, P013, aside: an import makes translations unsigned by its nature). A
//! target holding a control character (`<cp hex="0000"/>`) is refused at that character before
//! anything else; a target is written in Unicode normal form ([`crate::nfc`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::markdown::{Spelling, render};
use super::read::ReadUnit;
use super::{CodeKind, Content, Piece, Unit, units};
use crate::address::Address;
use crate::align::Alignment;
use crate::check::{RunOptions, Severity};
use crate::diagnostic::Diagnostic;
use crate::error::InputError;
use crate::i18n::Message;
use crate::load::{DirTree, Project, SourceTree};
use crate::location::Location;
use crate::model::MarkupKind;

/// Why (part of) an import is refused: at a place in the XLIFF file, about a block.
#[derive(Clone, Debug)]
pub struct Refusal {
    pub at: Location,
    pub address: Option<Address>,
    pub message: Message,
    /// The parity finding behind a refusal, when a check refused it.
    pub finding: Option<Message>,
}

impl Refusal {
    /// The refusal as a diagnostic: at its place in the XLIFF file, with the block it targets and
    /// the parity finding behind it as notes.
    pub fn diagnostic(&self) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(self.message.clone()).at(self.at.clone());
        if let Some(address) = &self.address {
            diagnostic = diagnostic.note(Message::new("xliff-at-block").arg("address", address));
        }
        if let Some(finding) = &self.finding {
            diagnostic = diagnostic.note(finding.clone());
        }
        diagnostic
    }
}

/// What an import would write.
#[derive(Debug, Default)]
pub struct Plan {
    /// Japanese sources that change: path relative to the project root, old and new text.
    pub files: Vec<ChangedFile>,
    /// Units with a target, read.
    pub units: usize,
    /// Addresses of the blocks translated, in file order: those whose target changed, and those
    /// whose segment the XLIFF marks past `initial` (`translated`, `reviewed`, `final`). What
    /// `--sign-off` records.
    pub imported: Vec<Address>,
    /// Units whose target differs from the Japanese as it is.
    pub changed: usize,
}

#[derive(Debug)]
pub struct ChangedFile {
    pub path: String,
    pub old: String,
    pub new: String,
    /// Where in `new` each unit's target went, and where that target is in the XLIFF file.
    pub written: Vec<(std::ops::Range<usize>, Location)>,
}

impl ChangedFile {
    /// The XLIFF target whose text the `line` of `new` (1-based) belongs to, when one does.
    fn target_at_line(&self, line: u32) -> Option<&Location> {
        let start = match line {
            0 | 1 => 0,
            line => self.new.match_indices('\n').nth(line as usize - 2).map(|(at, _)| at + 1)?,
        };
        let end = self.new[start..].find('\n').map_or(self.new.len(), |at| start + at);
        self.written.iter().find(|(range, _)| range.start <= end && start <= range.end).map(|(_, at)| at)
    }
}

/// The edits the units of an XLIFF file make to the project's Japanese sources, checked.
pub fn plan(project: &Project, read: &[ReadUnit]) -> Result<Result<Plan, Vec<Refusal>>, InputError> {
    plan_in(project, read, &DirTree::new(&project.root))
}

/// [`plan`] for a project read from `tree` (the folder, or files in memory for the fuzzer):
/// the parity check loads the project from it with the new texts in place.
pub fn plan_in(
    project: &Project,
    read: &[ReadUnit],
    tree: &dyn SourceTree,
) -> Result<Result<Plan, Vec<Refusal>>, InputError> {
    let alignment = project.alignment();
    let current: Vec<Unit> = units(project, &alignment).into_iter().flat_map(|f| f.units).collect();
    let by_id: HashMap<&str, &Unit> = current.iter().map(|u| (u.id.as_str(), u)).collect();
    let map_kind =
        |kind: MarkupKind| (project.config.check.markup.accepted.iter()).find(|m| m.en == kind).map_or(kind, |m| m.ja);
    let mut refusals = Vec::new();
    let mut refuse = |at: &Location, address: Option<&Address>, message: Message| {
        refusals.push(Refusal { at: at.clone(), address: address.cloned(), message, finding: None })
    };
    let mut seen = HashSet::new();
    let mut signed: HashSet<&Address> = HashSet::new();
    // Per file: the range replaced, the new Markdown, and the unit's target in the XLIFF.
    let mut edits: HashMap<crate::source::FileId, Vec<(std::ops::Range<usize>, String, Location)>> = HashMap::new();
    let mut plan = Plan::default();
    // Where each imported unit is, for the parity check's findings.
    let mut located: Vec<(Address, Location)> = Vec::new();
    for read_unit in read {
        let Some(unit) = by_id.get(read_unit.id.as_str()).copied() else {
            refuse(&read_unit.at, None, Message::new("xliff-unknown-unit").arg("id", &read_unit.id));
            continue;
        };
        let address = Some(&unit.address);
        if read_unit.name.as_ref().is_some_and(|name| *name != unit.address.to_string()) {
            let name = read_unit.name.clone().unwrap_or_default();
            refuse(&read_unit.at, address, Message::new("xliff-unit-name").arg("id", &read_unit.id).arg("name", name));
            continue;
        }
        if !seen.insert(unit.id.as_str()) {
            refuse(&read_unit.at, address, Message::new("xliff-unit-twice").arg("id", &read_unit.id));
            continue;
        }
        let read_source = Content { pieces: read_unit.source.clone(), codes: Vec::new() };
        if read_source.signature() != unit.source.signature() {
            refuse(
                &read_unit.at,
                address,
                Message::new("xliff-source-changed").arg("english", crate::lock::normalise(&unit.source.text())),
            );
            continue;
        }
        let Some((target, target_at)) = &read_unit.target else { continue };
        if !unit.translate || target.iter().all(|p| matches!(p, Piece::Text(t) if t.trim().is_empty())) {
            continue;
        }
        if !read_unit.target_controls.is_empty() {
            for &(c, ref at) in &read_unit.target_controls {
                let message = Message::new("xliff-control-character")
                    .arg("codepoint", crate::invisible::code_point(c))
                    .arg("name", crate::invisible::name(c));
                refuse(at, address, message);
            }
            continue;
        }
        // The Japanese as the sources will hold it: in Unicode normal form (see crate::nfc).
        let target = &normalized(target);
        if let Err(message) = check_codes(target, unit) {
            refuse(target_at, address, message);
            continue;
        }
        located.push((unit.address.clone(), target_at.clone()));
        plan.units += 1;
        let unchanged = unit.target.as_ref().is_some_and(|now| now.pieces == *target);
        // A target left as it was, still `initial` (stale, say), was not translated.
        let translated = !unchanged || read_unit.state.as_deref().is_some_and(|state| state != "initial");
        if translated && signed.insert(&unit.address) {
            plan.imported.push(unit.address.clone());
        }
        if unchanged {
            continue;
        }
        let Some(place) = &unit.japanese else {
            refuse(target_at, address, Message::new("xliff-no-japanese-block"));
            continue;
        };
        let markdown = place.opening.clone() + &render(target, &spellings(unit, &map_kind), &place.layout);
        edits.entry(place.file).or_default().push((place.range.clone(), markdown, target_at.clone()));
        plan.changed += 1;
    }
    if !refusals.is_empty() {
        return Ok(Err(refusals));
    }
    let mut files: Vec<_> = edits.into_iter().collect();
    files.sort_by_key(|(file, _)| *file);
    for (file, file_edits) in files {
        let old = project.sources.get(file).text.clone();
        // The file copied once, each edit in its place; the ranges never overlap, and new blocks
        // inserted at one point go in in reading order.
        let mut file_edits: Vec<_> = file_edits.into_iter().enumerate().collect();
        file_edits.sort_by_key(|(order, (range, _, _))| (range.start, *order));
        let mut new = String::with_capacity(old.len());
        let mut copied = 0;
        let mut written = Vec::new();
        for (_, (range, text, target_at)) in file_edits {
            new.push_str(&old[copied..range.start]);
            let start = new.len();
            new.push_str(&text);
            written.push((start..new.len(), target_at));
            copied = range.end;
        }
        new.push_str(&old[copied..]);
        let path = project.sources.name(file).to_string();
        plan.files.push(ChangedFile { path, old, new, written });
    }
    let refusals = check_parity(project, &alignment, tree, &plan, &located, read.first().map(|u| &u.at))?;
    Ok(if refusals.is_empty() { Ok(plan) } else { Err(refusals) })
}

/// Pieces with their text in Unicode normal form.
fn normalized(pieces: &[Piece]) -> Vec<Piece> {
    let mut pieces = pieces.to_vec();
    for piece in &mut pieces {
        if let Piece::Text(text) = piece {
            crate::nfc::normalize_in_place(text);
        }
    }
    pieces
}

/// Every code of the source once in the target, none the unit does not know, each pair closed.
fn check_codes(target: &[Piece], unit: &Unit) -> Result<(), Message> {
    let mut opened: HashMap<&str, usize> = HashMap::new();
    let mut closed: HashMap<&str, usize> = HashMap::new();
    let known = |id: &str| {
        unit.source.code(id).or_else(|| unit.target.as_ref().and_then(|t| t.code(id))).map(|c| c.kind.is_paired())
    };
    for piece in target {
        let (id, paired) = match piece {
            Piece::Text(_) => continue,
            Piece::Open(id) => (id, true),
            Piece::Close(id) => {
                *closed.entry(id).or_default() += 1;
                continue;
            }
            Piece::Placeholder(id) => (id, false),
        };
        if known(id) != Some(paired) {
            return Err(Message::new("xliff-code-unknown").arg("id", id));
        }
        *opened.entry(id).or_default() += 1;
    }
    for code in &unit.source.codes {
        match opened.get(code.id.as_str()).copied().unwrap_or(0) {
            0 => {
                return Err(Message::new("xliff-code-lost")
                    .arg("id", &code.id)
                    .arg("code", shown(&code.kind, &code.start)));
            }
            1 => {}
            _ => {
                return Err(Message::new("xliff-code-duplicated")
                    .arg("id", &code.id)
                    .arg("code", shown(&code.kind, &code.start)));
            }
        }
    }
    // Codes the Japanese has beyond the English's may go, but not twice; a pair closes once.
    let unbalanced = |id: &str, n: usize| known(id) == Some(true) && closed.get(id).copied().unwrap_or(0) != n;
    if let Some((id, _)) = opened.iter().find(|(id, n)| **n > 1 || unbalanced(id, **n)) {
        return Err(Message::new("xliff-code-duplicated").arg("id", *id).arg("code", *id));
    }
    Ok(())
}

/// A code as a translator recognises it: its Markdown (`*…*`, `[^1]`).
fn shown(kind: &CodeKind, start: &str) -> String {
    if kind.is_paired() { format!("{start}…") } else { start.to_string() }
}

/// How each code of `unit` is spelt in Japanese: as the Japanese spells it now, or, for a code
/// the Japanese does not have yet, as the English kind maps to Japanese markup.
fn spellings(unit: &Unit, map_kind: &dyn Fn(MarkupKind) -> MarkupKind) -> HashMap<String, Spelling> {
    let mut spellings = HashMap::new();
    for code in &unit.source.codes {
        let spelling = match code.kind {
            CodeKind::Emphasis | CodeKind::Strong => {
                let kind = if code.kind == CodeKind::Emphasis { MarkupKind::Emphasis } else { MarkupKind::Strong };
                let mark = if map_kind(kind) == MarkupKind::Strong { "**" } else { "*" };
                Spelling { start: mark.into(), end: mark.into() }
            }
            CodeKind::Link => Spelling { start: "[".into(), end: code.end.clone() },
            _ => Spelling { start: code.start.clone(), end: String::new() },
        };
        spellings.insert(code.id.clone(), spelling);
    }
    for code in unit.target.iter().flat_map(|t| t.codes.iter()) {
        spellings.insert(code.id.clone(), Spelling { start: code.start.clone(), end: code.end.clone() });
    }
    spellings
}

/// The project's sources with the plan's new texts in their place.
struct Planned<'a> {
    disk: &'a dyn SourceTree,
    files: HashMap<PathBuf, &'a str>,
}

impl SourceTree for Planned<'_> {
    fn read(&self, relative: &Path) -> Result<Option<Vec<u8>>, InputError> {
        match self.files.get(relative) {
            Some(text) => Ok(Some(text.as_bytes().to_vec())),
            None => self.disk.read(relative),
        }
    }

    fn markdown_files(&self, dir: &Path) -> Result<Option<Vec<PathBuf>>, InputError> {
        self.disk.markdown_files(dir)
    }
}

/// Error findings of the project as planned that the project as it is does not have (P013
/// aside), each at the unit of its block in the XLIFF, or at the file's first unit.
fn check_parity(
    project: &Project,
    alignment: &Alignment<'_>,
    tree: &dyn SourceTree,
    plan: &Plan,
    located: &[(Address, Location)],
    first: Option<&Location>,
) -> Result<Vec<Refusal>, InputError> {
    if plan.files.is_empty() {
        return Ok(Vec::new());
    }
    let key = |f: &crate::check::Finding| (f.code(), f.address.to_string(), f.lang, f.excerpt.clone());
    let failing = |project: &Project, alignment: &Alignment<'_>| {
        let report = crate::check::run(project, alignment, RunOptions::default(), crate::glyphs::bundled());
        report
            .failing()
            .filter(|f| f.code() != "P013" && f.severity() == Severity::Error)
            .map(|f| (key(f), f.message().clone()))
            .collect::<Vec<_>>()
    };
    let before: HashSet<_> = failing(project, alignment).into_iter().map(|(key, _)| key).collect();
    let tree =
        Planned { disk: tree, files: plan.files.iter().map(|f| (PathBuf::from(&f.path), f.new.as_str())).collect() };
    let planned = crate::load::load_from(&project.root, &tree);
    let fallback = first.cloned().unwrap_or(Location { path: String::new(), line: 1, column: 1 });
    let planned = match planned {
        Ok(planned) => planned,
        Err(error) => {
            // At the unit whose target made the sources unloadable, when the error is in one.
            let wrong = error.location();
            let at = (plan.files.iter().filter(|file| file.path == wrong.path))
                .find_map(|file| file.target_at_line(wrong.line))
                .cloned()
                .unwrap_or(fallback);
            let message = Message::new("xliff-unloadable").arg("reason", error.to_string());
            return Ok(vec![Refusal { at, address: None, message, finding: None }]);
        }
    };
    let mut refusals = Vec::new();
    for ((code, address, lang, excerpt), message) in failing(&planned, &planned.alignment()) {
        if before.contains(&(code, address.clone(), lang, excerpt)) {
            continue;
        }
        let address = Address::from(address);
        let at = (located.iter().find(|(a, _)| *a == address)).map_or(fallback.clone(), |(_, at)| at.clone());
        let finding = Some(message);
        refusals.push(Refusal {
            at,
            address: Some(address),
            message: Message::new("xliff-check-fails").arg("code", code),
            finding,
        });
    }
    Ok(refusals)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A project on disk (kept while the folder lives) whose sources are `en` and `ja`.
    fn project_with(en: &str, ja: &str) -> (tempfile::TempDir, Project) {
        let dir = tempfile::tempdir().unwrap();
        let config = "[edition]\ntitle = { en = \"Code\", ja = \"規範\" }\nadopted = 2023-02-23\n\n\
                      [check.markup]\naccepted = [{ en = \"emphasis\", ja = \"strong\" }]\n";
        std::fs::write(dir.path().join("codepub.toml"), config).unwrap();
        for (lang, text) in [("en", en), ("ja", ja)] {
            std::fs::create_dir_all(dir.path().join("content").join(lang)).unwrap();
            std::fs::write(dir.path().join("content").join(lang).join("a.md"), text).unwrap();
        }
        let project = crate::load::load(dir.path()).unwrap();
        (dir, project)
    }

    fn unit_line(read: &[ReadUnit]) -> u32 {
        read.iter().find(|u| u.id == "a_1").and_then(|u| u.target.as_ref()).map_or(0, |(_, at)| at.line)
    }

    fn read_units(project: &Project) -> Vec<ReadUnit> {
        let alignment = project.alignment();
        let document = super::super::document::write(&units(project, &alignment)).unwrap();
        super::super::read::read(&document, "t.xlf").unwrap()
    }

    #[test]
    fn every_japanese_text_of_the_code_and_the_constitution_is_spelt_back_as_its_source_bytes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        spelt_back(root, 40);
        spelt_back(&root.join("tests/fixtures/constitution"), 20);
    }

    /// Renders every Japanese target of the project at `root` and compares it with its bytes.
    fn spelt_back(root: &Path, at_least: usize) {
        let project = crate::load::load(root).unwrap();
        let alignment = project.alignment();
        let map_kind = |kind: MarkupKind| {
            (project.config.check.markup.accepted.iter()).find(|m| m.en == kind).map_or(kind, |m| m.ja)
        };
        let mut spelt = 0;
        for unit in units(&project, &alignment).iter().flat_map(|f| &f.units) {
            let (Some(target), Some(place)) = (&unit.target, &unit.japanese) else { continue };
            let source = &project.sources.get(place.file).text[place.range.clone()];
            assert_eq!(render(&target.pieces, &spellings(unit, &map_kind), &place.layout), source, "{}", unit.address);
            spelt += 1;
        }
        assert!(spelt > at_least, "{spelt}");
    }

    #[test]
    fn a_changed_target_replaces_only_its_own_bytes() {
        let en = "# A {#a}\n\nOne *two*.\n\nThree.\n";
        let ja = "# ア {#a}\n\n一**二**。\n\n三。\n";
        let (_dir, project) = project_with(en, ja);
        let mut read = read_units(&project);
        let unit = read.iter_mut().find(|u| u.id == "a_1").unwrap();
        let (target, _) = unit.target.as_mut().unwrap();
        target.insert(0, Piece::Text("新しい".into()));
        let plan = plan(&project, &read).unwrap().unwrap();
        assert_eq!(plan.changed, 1);
        assert_eq!(plan.files[0].new, "# ア {#a}\n\n新しい一**二**。\n\n三。\n");
    }

    #[test]
    fn a_target_failing_a_parity_check_is_refused_at_its_unit() {
        let (_dir, project) = project_with("# A {#a}\n\nIn 2023.\n", "# ア {#a}\n\n2023年に。\n");
        let mut read = read_units(&project);
        let unit = read.iter_mut().find(|u| u.id == "a_1").unwrap();
        unit.target.as_mut().unwrap().0 = vec![Piece::Text("2024年に。".into())];
        let refusals = plan(&project, &read).unwrap().unwrap_err();
        assert_eq!(refusals.len(), 1, "{refusals:?}");
        assert_eq!(refusals[0].message.args[0].1, crate::i18n::Arg::Text("P004".into()));
        assert_eq!(
            (refusals[0].address.as_ref().map(ToString::to_string), refusals[0].at.line),
            (Some("a#1".into()), unit_line(&read))
        );
    }

    #[test]
    fn a_paragraph_or_list_item_the_japanese_lacks_is_inserted_after_the_one_before_it() {
        let en = "# A {#a}\n\nAlpha.\n\nBeta.\n\nGamma.\n\n1. x\n2. y\n3. z\n\n# B {#b}\n\nDelta.\n";
        let ja = "# ア {#a}\n\nアルファ。\n\n1. エックス\n\n# ビ {#b}\n\nデルタ。\n";
        let (_dir, project) = project_with(en, ja);
        let mut read = read_units(&project);
        for (id, text) in [("a_2", "ベータ。"), ("a_3", "ガンマ。"), ("a_4.2", "ワイ"), ("a_4.3", "ゼット")]
        {
            let unit = read.iter_mut().find(|u| u.id == id).unwrap_or_else(|| panic!("{id}"));
            assert!(unit.target.is_none(), "{id}");
            unit.target = Some((vec![Piece::Text(text.into())], unit.at.clone()));
        }
        let plan = plan(&project, &read).unwrap().unwrap();
        assert_eq!(
            plan.files[0].new,
            "# ア {#a}\n\nアルファ。\n\nベータ。\n\nガンマ。\n\n1. エックス\n2. ワイ\n3. ゼット\n\n# ビ {#b}\n\nデルタ。\n"
        );
    }

    #[test]
    fn a_target_for_a_clause_the_japanese_lacks_has_no_place_and_is_refused() {
        let (_dir, project) = project_with("# A {#a}\n\nAlpha.\n\n# B {#b}\n\nBeta.\n", "# ア {#a}\n\nアルファ。\n");
        let mut read = read_units(&project);
        for id in ["b_heading", "b_1"] {
            let unit = read.iter_mut().find(|u| u.id == id).unwrap_or_else(|| panic!("{id}"));
            unit.target = Some((vec![Piece::Text("ベータ".into())], unit.at.clone()));
        }
        let refusals = plan(&project, &read).unwrap().unwrap_err();
        let ids: Vec<_> =
            refusals.iter().map(|r| (r.address.as_ref().map(ToString::to_string), r.message.id)).collect();
        assert_eq!(
            ids,
            [(Some("b#heading".into()), "xliff-no-japanese-block"), (Some("b#1".into()), "xliff-no-japanese-block")]
        );
    }

    #[test]
    fn a_lost_or_duplicated_code_is_refused() {
        let (_dir, project) = project_with("# A {#a}\n\nOne *two*.\n", "# ア {#a}\n\n一**二**。\n");
        for edit in [
            |t: &mut Vec<Piece>| t.retain(|p| matches!(p, Piece::Text(_))),
            |t: &mut Vec<Piece>| t.extend([Piece::Open("1".into()), Piece::Text("x".into()), Piece::Close("1".into())]),
            |t: &mut Vec<Piece>| t.push(Piece::Placeholder("9".into())),
        ] {
            let mut read = read_units(&project);
            let unit = read.iter_mut().find(|u| u.id == "a_1").unwrap();
            edit(&mut unit.target.as_mut().unwrap().0);
            let refusals = plan(&project, &read).unwrap().unwrap_err();
            assert_eq!(refusals.len(), 1);
            let refused_for_codes = ["xliff-code-lost", "xliff-code-duplicated", "xliff-code-unknown"];
            assert!(refused_for_codes.contains(&refusals[0].message.id), "{:?}", refusals[0].message);
        }
    }
}
