//! `codepub lsp` driven through the real binary over JSON-RPC, as an editor drives it:
//! diagnostics from unsaved buffers, hover, go to counterpart, quick fixes, half-typed input,
//! documents outside the project, and the ways the server ends.

use crate::common;

use common::lsp_client::LspServer;
use common::{EN, JA, TempProject};
use serde_json::{Value, json};

const FULL_STOP: &str = "私たちは、本機構専用のデータ保護ポリシーを遵守します。";
const DROPPED: &str = "私たちは、本機構専用のデータ保護ポリシーを遵守します";
const ENGLISH: &str = "We comply with the organization's dedicated data protection policies.";

fn uri(project: &TempProject, relative: &str) -> String {
    codepub::lsp::position::uri_of(&project.path(relative)).as_str().to_string()
}

/// 0-based line of the first line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> u64 {
    text.lines().position(|line| line.contains(needle)).expect("needle in text") as u64
}

fn with_code<'d>(diagnostics: &'d [Value], code: &str, severity: u64) -> Vec<&'d Value> {
    diagnostics.iter().filter(|d| d["code"] == code && d["severity"] == severity).collect()
}

const ERROR: u64 = 1;

/// The shipped project, a server on it, and the Japanese of the Code open with the 。 of
/// principle-7#3 dropped in the editor (not on disk); returns the diagnostics of that buffer.
fn dropped_full_stop() -> (TempProject, LspServer, String, Vec<Value>) {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    let ja = uri(&project, JA);
    server.open(&ja, &project.read(JA).replacen(FULL_STOP, DROPPED, 1));
    let diagnostics = server.current_diagnostics(&ja);
    (project, server, ja, diagnostics)
}

#[test]
fn a_dropped_full_stop_in_an_unsaved_buffer_is_published_in_utf16_with_the_english_as_related() {
    let (project, _server, ja, diagnostics) = dropped_full_stop();
    let found = with_code(&diagnostics, "P006", ERROR);
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    let diagnostic = found[0];
    assert_eq!(diagnostic["source"], "codepub");
    assert!(diagnostic["message"].as_str().unwrap().contains("principle-7#3"), "{diagnostic}");
    // The paragraph's last character: 26 characters into the line, 78 bytes; LSP counts UTF-16 units.
    let line = line_of(&project.read(JA), FULL_STOP);
    let range = &diagnostic["range"];
    assert_eq!(range["start"], json!({ "line": line, "character": DROPPED.chars().count() - 1 }), "{range}");
    assert_eq!(range["end"], json!({ "line": line, "character": DROPPED.encode_utf16().count() }), "{range}");
    // The English it translates, in the other file, as related information.
    let english = uri(&project, EN);
    let related = diagnostic["relatedInformation"].as_array().expect("related information");
    let english_line = line_of(&project.read(EN), ENGLISH);
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == english && r["location"]["range"]["start"]["line"] == english_line),
        "{related:#?}"
    );
    // The file on disk was not touched: the finding came from the buffer.
    assert!(project.read(JA).contains(FULL_STOP));

    // 𠮷 (outside the Basic Multilingual Plane) before it: one character, two UTF-16 units.
    let mut server = _server;
    let with_surrogates = project.read(JA).replacen(FULL_STOP, &format!("𠮷{DROPPED}"), 1);
    server.change(&ja, 2, &with_surrogates);
    let diagnostics = server.current_diagnostics(&ja);
    let found = with_code(&diagnostics, "P006", ERROR);
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    assert_eq!(found[0]["range"]["start"], json!({ "line": line, "character": 2 + DROPPED.chars().count() - 1 }));
}

#[test]
fn restoring_the_full_stop_in_the_buffer_clears_the_finding() {
    let (project, mut server, ja, _) = dropped_full_stop();
    server.change(&ja, 2, &project.read(JA));
    let diagnostics = server.current_diagnostics(&ja);
    assert!(with_code(&diagnostics, "P006", ERROR).is_empty(), "{diagnostics:#?}");
    // The shipped text's accepted findings stay visible, as hints.
    assert!(diagnostics.iter().any(|d| d["code"] == "P006" && d["severity"] == 4), "{diagnostics:#?}");
    assert!(diagnostics.iter().all(|d| d["severity"] == 4), "{diagnostics:#?}");
}

#[test]
fn hover_shows_the_address_the_english_counterpart_and_the_translation_state() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    let ja = uri(&project, JA);
    let text = project.read(JA);
    server.open(&ja, &text);
    server.current_diagnostics(&ja);
    let at = json!({ "line": line_of(&text, FULL_STOP), "character": 3 });
    let hover = server.request("textDocument/hover", json!({ "textDocument": { "uri": ja }, "position": at }));
    let value = hover["contents"]["value"].as_str().expect("markdown hover");
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(value.contains("principle-7#3"), "{value}");
    assert!(value.contains(&format!("> {ENGLISH}")), "{value}");
    assert!(value.contains("current"), "{value}");
    assert_eq!(hover["range"]["start"]["line"], at["line"]);

    // The English edited in the editor: the Japanese is stale, and the hover shows how the
    // English changed since it was signed off, and the Japanese as signed off.
    let english = uri(&project, EN);
    let edited = ENGLISH.replace("policies.", "policies and laws.");
    server.open(&english, &project.read(EN).replacen(ENGLISH, &edited, 1));
    server.current_diagnostics(&english);
    let hover = server.request("textDocument/hover", json!({ "textDocument": { "uri": ja }, "position": at }));
    let value = hover["contents"]["value"].as_str().expect("markdown hover");
    assert!(value.contains(&format!("> {edited}")), "{value}");
    assert!(value.contains("stale"), "{value}");
    // What changed, as a word diff, and the Japanese to start from.
    assert!(value.contains("data protection [-policies.-]{+policies and laws.+}"), "{value}");
    assert!(value.contains(&format!("The Japanese as signed off, to start from:\n\n> {FULL_STOP}")), "{value}");

    // A new paragraph in both languages has never been signed off.
    let (new_en, new_ja) = ("We keep this record.", "私たちはこの記録を保持します。");
    let en_text = project.read(EN).replacen(&format!("{ENGLISH}\n"), &format!("{ENGLISH}\n\n{new_en}\n"), 1);
    let ja_text = text.replacen(&format!("{FULL_STOP}\n"), &format!("{FULL_STOP}\n\n{new_ja}\n"), 1);
    server.change(&english, 2, &en_text);
    server.change(&ja, 2, &ja_text);
    server.current_diagnostics(&ja);
    let at = json!({ "line": line_of(&ja_text, new_ja), "character": 1 });
    let hover = server.request("textDocument/hover", json!({ "textDocument": { "uri": ja }, "position": at }));
    let value = hover["contents"]["value"].as_str().expect("markdown hover");
    assert!(value.contains("principle-7#4") && value.contains(&format!("> {new_en}")), "{value}");
    assert!(value.contains("unsigned"), "{value}");

    // The back cover is each edition's own: not paired.
    let back_cover = uri(&project, "content/ja/90-back-cover.md");
    let back_text = project.read("content/ja/90-back-cover.md");
    server.open(&back_cover, &back_text);
    server.current_diagnostics(&back_cover);
    let at = json!({ "line": line_of(&back_text, "ISBN"), "character": 1 });
    let hover = server.request("textDocument/hover", json!({ "textDocument": { "uri": back_cover }, "position": at }));
    let value = hover["contents"]["value"].as_str().expect("markdown hover");
    assert!(value.contains("back-cover#") && value.contains("Edition matter"), "{value}");
}

#[test]
fn definition_jumps_between_a_block_and_its_counterpart_both_ways() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    let (ja, en) = (uri(&project, JA), uri(&project, EN));
    let (ja_text, en_text) = (project.read(JA), project.read(EN));
    server.open(&ja, &ja_text);
    server.current_diagnostics(&ja);
    let from_ja = json!({ "line": line_of(&ja_text, FULL_STOP), "character": 10 });
    let target =
        server.request("textDocument/definition", json!({ "textDocument": { "uri": ja }, "position": from_ja }));
    assert_eq!(target["uri"], en, "{target}");
    assert_eq!(target["range"]["start"], json!({ "line": line_of(&en_text, ENGLISH), "character": 0 }));

    server.open(&en, &en_text);
    server.current_diagnostics(&en);
    let heading = json!({ "line": line_of(&en_text, "{#principle-7}"), "character": 5 });
    let target =
        server.request("textDocument/definition", json!({ "textDocument": { "uri": en }, "position": heading }));
    assert_eq!(target["uri"], ja, "{target}");
    assert_eq!(target["range"]["start"]["line"], line_of(&ja_text, "{#principle-7}"));

    // A Japanese paragraph without English leads to its clause in English.
    let extra = "私たちはこの記録を保持します。";
    let with_extra = ja_text.replacen(&format!("{FULL_STOP}\n"), &format!("{FULL_STOP}\n\n{extra}\n"), 1);
    server.change(&ja, 2, &with_extra);
    server.current_diagnostics(&ja);
    let from_extra = json!({ "line": line_of(&with_extra, extra), "character": 1 });
    let target =
        server.request("textDocument/definition", json!({ "textDocument": { "uri": ja }, "position": from_extra }));
    assert_eq!(target["uri"], en, "{target}");
    assert_eq!(target["range"]["start"]["line"], line_of(&en_text, "{#principle-7}"));

    // Between blocks there is nothing to jump from.
    let blank = json!({ "line": line_of(&en_text, "{#principle-7}") + 1, "character": 0 });
    let target = server.request("textDocument/definition", json!({ "textDocument": { "uri": en }, "position": blank }));
    assert!(target.is_null(), "{target}");
}

#[test]
fn the_quick_fix_inserts_the_full_stop_and_clears_the_finding() {
    let (project, mut server, ja, diagnostics) = dropped_full_stop();
    let diagnostic = with_code(&diagnostics, "P006", ERROR)[0].clone();
    let params = json!({
        "textDocument": { "uri": ja },
        "range": diagnostic["range"],
        "context": { "diagnostics": [diagnostic] },
    });
    let actions = server.request("textDocument/codeAction", params);
    let actions = actions.as_array().expect("actions");
    let fix = actions.iter().find(|a| a["kind"] == "quickfix").expect("a quick fix");
    assert!(fix["title"].as_str().unwrap().contains("。"), "{fix}");
    let edits = fix["edit"]["changes"][&ja].as_array().expect("edits of this document");
    assert_eq!(edits.len(), 1);
    let line = line_of(&project.read(JA), FULL_STOP);
    let end = DROPPED.encode_utf16().count();
    assert_eq!(edits[0]["range"]["start"], json!({ "line": line, "character": end }));
    assert_eq!(edits[0]["range"]["end"], json!({ "line": line, "character": end }));
    assert_eq!(edits[0]["newText"], "。");

    // Applied as the editor applies it, the buffer is the shipped text again and checks clean.
    let buffer = project.read(JA).replacen(FULL_STOP, DROPPED, 1);
    let mut lines: Vec<String> = buffer.split('\n').map(String::from).collect();
    let target = &mut lines[line as usize];
    let units = edits[0]["range"]["start"]["character"].as_u64().unwrap() as usize;
    let mut at = 0;
    let mut counted = 0;
    for c in target.chars() {
        if counted >= units {
            break;
        }
        counted += c.len_utf16();
        at += c.len_utf8();
    }
    target.insert_str(at, edits[0]["newText"].as_str().unwrap());
    let fixed = lines.join("\n");
    assert_eq!(fixed, project.read(JA));
    server.change(&ja, 2, &fixed);
    assert!(with_code(&server.current_diagnostics(&ja), "P006", ERROR).is_empty());
}

#[test]
fn half_typed_input_gives_diagnostics_and_the_server_keeps_answering() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    let ja = uri(&project, JA);
    let text = project.read(JA);
    server.open(&ja, &text);
    server.current_diagnostics(&ja);

    // An unclosed emphasis: Markdown reads it as text; the paragraph is checked as usual.
    let unclosed = text.replacen("本機構専用の", "本機構*専用の", 1);
    server.change(&ja, 2, &unclosed);
    let diagnostics = server.current_diagnostics(&ja);
    assert!(!diagnostics.is_empty());
    assert!(diagnostics.iter().all(|d| d["code"].as_str().is_some_and(|c| c.starts_with('P'))), "{diagnostics:#?}");

    // A heading whose id is not typed yet: P001 at the heading.
    let no_id = text.replacen(" {#principle-7}", "", 1);
    server.change(&ja, 3, &no_id);
    let diagnostics = server.current_diagnostics(&ja);
    let heading = line_of(&no_id, "### 7.");
    assert!(
        diagnostics.iter().any(|d| d["code"] == "P001" && d["range"]["start"]["line"] == heading),
        "{diagnostics:#?}"
    );

    // A half-typed front matter in the back cover: E007 at its place, and the Code says why it
    // shows no findings.
    let back_cover = uri(&project, "content/ja/90-back-cover.md");
    let half = project.read("content/ja/90-back-cover.md").replacen("clause = \"back-cover\"", "clause = \"back-", 1);
    server.open(&back_cover, &half);
    let errors = server.current_diagnostics(&back_cover);
    assert!(errors.iter().any(|d| d["code"] == "E007" && d["range"]["start"]["line"] == 1), "{errors:#?}");
    let code = server.current_diagnostics(&ja);
    assert_eq!(code.len(), 1, "{code:#?}");
    assert_eq!(code[0]["code"], "E007");
    assert!(code[0]["message"].as_str().unwrap().contains("content/ja/90-back-cover.md:2"), "{code:#?}");
    // Hover and definition answer (with nothing) while the project does not load.
    let at = json!({ "line": heading, "character": 2 });
    assert!(server.request("textDocument/hover", json!({ "textDocument": { "uri": ja }, "position": at })).is_null());

    // A malformed notification is ignored; finishing the front matter brings the findings back.
    server.notify("textDocument/didChange", json!({ "textDocument": 7 }));
    server.change(&back_cover, 2, &project.read("content/ja/90-back-cover.md"));
    assert!(server.current_diagnostics(&back_cover).iter().all(|d| d["code"] != "E007"));
    let diagnostics = server.current_diagnostics(&ja);
    assert!(diagnostics.iter().any(|d| d["code"] == "P001"), "{diagnostics:#?}");
    let hover = server.request("textDocument/hover", json!({ "textDocument": { "uri": ja }, "position": at }));
    assert!(hover["contents"]["value"].as_str().is_some(), "{hover}");
}

#[test]
fn documents_outside_the_project_or_not_its_sources_are_refused_with_a_message() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    let elsewhere = tempfile::tempdir().unwrap();
    let stray = codepub::lsp::position::uri_of(&elsewhere.path().join("notes.md")).as_str().to_string();
    server.open(&stray, "# Notes\n");
    let message = server.wait_for(|m| m["method"] == "window/showMessage");
    assert!(message["params"]["message"].as_str().unwrap().contains("no codepub project"), "{message}");

    project.write("NOTES.md", "# Notes\n");
    let notes = uri(&project, "NOTES.md");
    server.open(&notes, "# Notes\n");
    let message = server.wait_for(|m| m["method"] == "window/showMessage");
    assert!(message["params"]["message"].as_str().unwrap().contains("not a source"), "{message}");
    let at = json!({ "line": 0, "character": 2 });
    assert!(
        server.request("textDocument/hover", json!({ "textDocument": { "uri": notes }, "position": at })).is_null()
    );

    // Nothing was published for them; the project's own source still is.
    let ja = uri(&project, JA);
    server.open(&ja, &project.read(JA));
    server.current_diagnostics(&ja);
    assert!(
        server.notifications.iter().all(|m| m["params"]["uri"] != stray && m["params"]["uri"] != notes),
        "{:#?}",
        server.notifications
    );
}

#[test]
fn two_projects_are_served_side_by_side_unless_the_root_is_given() {
    let (first, second) = (TempProject::shipped(), TempProject::shipped());
    second.replace(JA, FULL_STOP, DROPPED);
    let mut server = LspServer::initialized(first.root(), &[]);
    let (one, two) = (uri(&first, JA), uri(&second, JA));
    server.open(&one, &first.read(JA));
    server.open(&two, &second.read(JA));
    assert!(with_code(&server.current_diagnostics(&one), "P006", ERROR).is_empty());
    assert_eq!(with_code(&server.current_diagnostics(&two), "P006", ERROR).len(), 1);

    let root = first.root().to_str().unwrap();
    let mut server = LspServer::initialized(first.root(), &["--root", root]);
    server.open(&two, &second.read(JA));
    let message = server.wait_for(|m| m["method"] == "window/showMessage");
    assert!(message["params"]["message"].as_str().unwrap().contains("outside the project"), "{message}");
}

#[test]
fn shutdown_then_exit_ends_the_server_with_status_0() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    assert!(server.request("shutdown", Value::Null).is_null());
    let refused = server.call("textDocument/hover", json!({}));
    assert_eq!(refused["error"]["code"], -32600, "{refused}");
    server.notify("exit", Value::Null);
    assert_eq!(server.exit_status().expect("exited").code(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_the_server_with_status_1() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    server.notify("exit", Value::Null);
    assert_eq!(server.exit_status().expect("exited").code(), Some(1));
}

#[test]
fn the_server_exits_when_its_client_dies() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    let ja = uri(&project, JA);
    server.open(&ja, &project.read(JA));
    server.current_diagnostics(&ja);
    server.close_stdin();
    assert!(server.exit_status().is_some(), "still running after its input closed");

    // Also before `initialize`.
    let mut server = LspServer::start(project.root(), &[]);
    server.close_stdin();
    assert!(server.exit_status().is_some(), "still running after its input closed");
}

/// Debian's `nvim`, or `None` (the test is then skipped, except in CI, which installs it).
fn neovim() -> Option<&'static str> {
    let found = std::process::Command::new("nvim").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found && std::env::var("CI").as_deref() == Ok("true") {
        panic!("CI=true but nvim is not installed: .ci/run installs Debian's neovim");
    }
    found.then_some("nvim")
}

#[test]
fn neovim_shows_the_dropped_full_stop_of_an_unsaved_buffer() {
    let Some(nvim) = neovim() else {
        eprintln!("skipped: nvim is not installed (apt-get install neovim)");
        return;
    };
    let project = TempProject::shipped();
    let state = tempfile::tempdir().unwrap();
    let out = state.path().join("diagnostics.tsv");
    let script = common::manifest_dir().join("tests/lsp/neovim.lua");
    let mut child = std::process::Command::new(nvim)
        .args(["--headless", "--clean", "-n", "-i", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("CODEPUB_BIN", env!("CARGO_BIN_EXE_codepub"))
        .env("CODEPUB_FILE", project.path(JA))
        .env("CODEPUB_OUT", &out)
        // Neovim's logs and state in the test's own folder.
        .env("HOME", state.path())
        .env("XDG_CACHE_HOME", state.path())
        .env("XDG_STATE_HOME", state.path())
        .env("XDG_DATA_HOME", state.path())
        .env("XDG_CONFIG_HOME", state.path())
        .current_dir(project.root())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish within two minutes");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let error = std::fs::read_to_string(out.with_extension("tsv.error")).unwrap_or_default();
    assert!(error.is_empty(), "the Lua script failed: {error}");
    let written = std::fs::read_to_string(&out).expect("nvim wrote the diagnostics");
    // Neovim turned the server's UTF-16 column into a byte column: the last character of the
    // paragraph starts 75 bytes into the line.
    let line = line_of(&project.read(JA), FULL_STOP);
    let column = DROPPED.len() - "す".len();
    let expected =
        format!("P006\t1\t{line}:{column}\tparagraph ends with . in English but with no punctuation in Japanese");
    assert!(written.lines().any(|l| l.starts_with(&expected) && l.contains("principle-7#3")), "{written}");
    // The only other error: the Japanese changed since it was signed off (P013). The accepted
    // findings of the shipped text are hints (severity 4).
    let errors: Vec<&str> = written.lines().filter(|l| l.split('\t').nth(1) == Some("1")).collect();
    let mut codes: Vec<&str> = errors.iter().filter_map(|l| l.split('\t').next()).collect();
    codes.sort();
    assert_eq!(codes, ["P006", "P013"], "{written}");
    assert!(written.lines().any(|l| l.split('\t').nth(1) == Some("4")), "{written}");
    // The buffer was never saved.
    assert!(project.read(JA).contains(FULL_STOP));
}

#[test]
fn every_punctuation_fix_of_a_file_is_offered_at_once() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    let ja = uri(&project, JA);
    let shipped = project.read(JA);
    let slipped = shipped.replacen(FULL_STOP, DROPPED, 1).replacen("個人として、私たちは", "個人として，私たちは", 1);
    server.open(&ja, &slipped);
    let diagnostics = server.current_diagnostics(&ja);
    assert_eq!(with_code(&diagnostics, "P007", ERROR).len(), 1, "{diagnostics:#?}");
    let everywhere = json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } });
    let params = json!({ "textDocument": { "uri": ja }, "range": everywhere, "context": { "diagnostics": [] } });
    let actions = server.request("textDocument/codeAction", params);
    let all = actions.as_array().unwrap().iter().find(|a| a["kind"] == "source.fixAll").expect("fix all");
    let edits = all["edit"]["changes"][&ja].as_array().expect("edits");
    assert_eq!(edits.len(), 2, "{all}");
    // None at the first line, where the cursor is: the single fixes are offered where they are.
    assert!(actions.as_array().unwrap().iter().all(|a| a["kind"] != "quickfix"), "{actions}");
    let texts: Vec<&str> = edits.iter().map(|e| e["newText"].as_str().unwrap()).collect();
    assert!(texts.contains(&"。") && texts.contains(&"、"), "{texts:?}");
}

#[test]
fn files_changed_outside_the_editor_are_checked_again_when_the_client_watches_them() {
    let project = TempProject::shipped();
    let watching = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let mut server = LspServer::initialized_with(project.root(), &[], watching);
    let registration = server.wait_for(|m| m["method"] == "client/registerCapability");
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert!(watchers.as_array().unwrap().iter().any(|w| w["globPattern"] == "**/*.lock"), "{registration}");
    server.send(json!({ "jsonrpc": "2.0", "id": registration["id"], "result": null }));

    let ja = uri(&project, JA);
    server.open(&ja, &project.read(JA));
    assert!(with_code(&server.current_diagnostics(&ja), "P013", ERROR).is_empty());
    // The English changed on disk (say, a pull request checked out): until the client says so,
    // the server has no reason to look again.
    project.replace(EN, ENGLISH, &ENGLISH.replace("policies.", "policies and laws."));
    assert_eq!(server.published_since(&ja), None);
    let changes = json!({ "changes": [{ "uri": uri(&project, EN), "type": 2 }] });
    server.notify("workspace/didChangeWatchedFiles", changes);
    let stale = server.current_diagnostics(&ja);
    assert_eq!(with_code(&stale, "P013", ERROR).len(), 1, "{stale:#?}");
}

#[test]
fn a_client_that_cannot_watch_files_is_not_asked_to() {
    let project = TempProject::shipped();
    let mut server = LspServer::initialized(project.root(), &[]);
    let ja = uri(&project, JA);
    server.open(&ja, &project.read(JA));
    server.current_diagnostics(&ja);
    assert!(server.notifications.iter().all(|m| m["method"] != "client/registerCapability"));
}

#[test]
fn the_quick_fix_for_a_heading_without_id_writes_the_same_id_into_its_counterpart() {
    let project = TempProject::shipped();
    project.replace(EN, " {#principle-7}", "");
    project.replace(JA, " {#principle-7}", "");
    let mut server = LspServer::initialized(project.root(), &[]);
    let (en, ja) = (uri(&project, EN), uri(&project, JA));
    server.open(&en, &project.read(EN));
    let diagnostics = server.current_diagnostics(&en);
    let diagnostic = with_code(&diagnostics, "P001", ERROR)[0].clone();
    let params = json!({
        "textDocument": { "uri": en },
        "range": diagnostic["range"],
        "context": { "diagnostics": [diagnostic] },
    });
    let actions = server.request("textDocument/codeAction", params);
    let fix = actions.as_array().expect("actions").iter().find(|a| a["kind"] == "quickfix").expect("a quick fix");
    let id = " {#7-protect-confidential-information}";
    assert_eq!(fix["edit"]["changes"][&en][0]["newText"], id, "{fix}");
    assert_eq!(fix["edit"]["changes"][&ja][0]["newText"], id, "the Japanese heading gets the same id: {fix}");
    let line = line_of(&project.read(JA), "### 7.");
    assert_eq!(fix["edit"]["changes"][&ja][0]["range"]["start"]["line"], line);
}

#[test]
fn accept_this_finding_writes_the_bound_entry_into_the_baseline_with_a_reason_to_write() {
    let (project, mut server, ja, diagnostics) = dropped_full_stop();
    let diagnostic = with_code(&diagnostics, "P006", ERROR)[0].clone();
    let params = json!({
        "textDocument": { "uri": ja },
        "range": diagnostic["range"],
        "context": { "diagnostics": [diagnostic] },
    });
    let actions = server.request("textDocument/codeAction", params);
    let accept = (actions.as_array().expect("actions").iter())
        .find(|a| a["title"].as_str().unwrap_or_default().contains("accept this finding"))
        .expect("an accept action");
    assert!(accept["title"].as_str().unwrap().starts_with("P006: "), "{accept}");
    let changes = accept["edit"]["documentChanges"].as_array().expect("document changes");
    let edit = changes.last().unwrap();
    assert_eq!(edit["textDocument"]["uri"], uri(&project, "content/accepted.toml"), "{edit}");
    let baseline = project.read("content/accepted.toml");
    assert_eq!(edit["edits"][0]["range"]["start"], json!({ "line": 0, "character": 0 }));
    let text = edit["edits"][0]["newText"].as_str().unwrap();
    let entry = "[[accepted]]\ncheck = \"P006\"\naddress = \"principle-7#3\"\nlang = \"ja\"\nvalues = [\".\", \"—\"]\n\
                 reason = \"TODO: why this finding is accepted\"\n";
    assert_eq!(text, format!("{baseline}\n{entry}"));

    // Applied and saved as the editor would: the finding is accepted, and the check asks for
    // the reason (the Japanese changed since it was signed off: P013 is left).
    project.write("content/accepted.toml", text);
    project.write(JA, project.read(JA).replacen(FULL_STOP, DROPPED, 1));
    let report = project.json(&["check", "--format", "json"], 1);
    let findings = report["findings"].as_array().unwrap();
    let p006 = findings.iter().find(|f| f["code"] == "P006" && f["address"] == "principle-7#3").expect("P006");
    assert_eq!(
        (p006["accepted"].as_bool(), p006["reason"].as_str()),
        (Some(true), Some("TODO: why this finding is accepted"))
    );
    assert!(findings.iter().filter(|f| f["accepted"] == false).all(|f| f["code"] == "P013"), "{report}");
    let problem = &report["baseline"][0];
    assert_eq!(
        (problem["problem"].as_str(), problem["message"].as_str()),
        (Some("placeholder-reason"), Some("baseline entry gives no reason: P006 principle-7#3"))
    );
}
