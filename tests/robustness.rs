//! Hostile and unusual input never aborts or hangs codepub (issue 27): inline codes nested
//! tens of thousands deep in an XLIFF file, a named pipe among the sources, unusable entries
//! under `--font-path`, and a language server fed broken frames. Each case ends cleanly and
//! names what it refused or left out.

use crate::common;

use common::TempProject;
use common::lsp_client::LspServer;
use predicates::prelude::*;

const XLIFF_HEAD: &str =
    r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja">"#;

#[test]
fn xliff_with_inline_codes_nested_sixty_thousand_deep_is_refused_at_the_code_too_deep() {
    let project = TempProject::small("# A {#a}\n\nOne.\n", "# ア {#a}\n\n一。\n");
    // 1.4 MB: 60 000 `<pc>` nested in one target, on line 3.
    let open = "<pc id=\"1\">".repeat(60_000);
    let close = "</pc>".repeat(60_000);
    let xliff = format!(
        "{XLIFF_HEAD}\n<file id=\"f\"><unit id=\"a_1\" name=\"a#1\"><segment><source>One.</source>\n\
         <target>{open}一。{close}</target></segment></unit></file></xliff>\n"
    );
    let path = project.path("deep.xlf");
    std::fs::write(&path, xliff).unwrap();
    // The 65th `<pc>` is one level too deep: after `<target>` and 64 codes of 11 characters.
    let column = 1 + "<target>".len() + 64 * "<pc id=\"1\">".len();
    project
        .codepub()
        .args(["xliff", "import"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E015]"))
        .stderr(predicate::str::contains("more than 64 levels deep"))
        .stderr(predicate::str::contains(format!("deep.xlf:3:{column}")));
}

/// Makes a named pipe at `path`.
#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[test]
#[cfg(unix)]
fn a_named_pipe_among_the_sources_is_left_out_with_a_warning_and_never_opened() {
    let project = TempProject::small("# A {#a}\n\nOne.\n", "# ア {#a}\n\n一。\n");
    mkfifo(&project.path("content/en/b.md"));
    // A link to it is no way in either.
    std::os::unix::fs::symlink("../en/b.md", project.path("content/ja/b.md")).unwrap();
    // Opening the pipe would wait for a writer for ever: the time limit turns that into a failure.
    let limit = std::time::Duration::from_secs(60);
    project
        .codepub()
        .arg("check")
        .timeout(limit)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning: content/en/b.md is left out: it is a named pipe (FIFO), never opened",
        ))
        .stdout(predicate::str::contains("warning: content/ja/b.md is left out"));
    // Beside a machine format, the warning goes to standard error.
    let output = project.codepub().args(["check", "--format", "json"]).timeout(limit).assert().code(0);
    let output = output.get_output();
    serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON on standard output");
    assert!(String::from_utf8_lossy(&output.stderr).contains("content/en/b.md is left out"));
}

#[test]
#[cfg(unix)]
fn a_named_pipe_as_the_glossary_is_an_input_error_not_a_hang() {
    let project = TempProject::small("# A {#a}\n\nOne.\n", "# ア {#a}\n\n一。\n");
    mkfifo(&project.path("content/glossary.toml"));
    project
        .codepub()
        .arg("check")
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[E016]: not a regular file but a named pipe (FIFO)"))
        .stderr(predicate::str::contains("--> content/glossary.toml"));
}

#[test]
#[cfg(all(unix, feature = "pdf"))]
fn a_dangling_link_and_a_link_loop_under_the_font_path_are_warnings_for_check_and_build() {
    let project = TempProject::small("# A {#a}\n\nOne.\n", "# ア {#a}\n\n一。\n");
    let fonts = project.path("fonts");
    std::fs::create_dir(&fonts).unwrap();
    std::os::unix::fs::symlink(fonts.join("removed.ttf"), fonts.join("gone.ttf")).unwrap();
    std::os::unix::fs::symlink(&fonts, fonts.join("loop")).unwrap();
    let warned = |stderr: &[u8]| {
        let stderr = String::from_utf8_lossy(stderr);
        for said in
            ["gone.ttf is left out: it is a symbolic link to nothing", "loop is left out: it is a symbolic link back"]
        {
            assert!(stderr.contains(said), "{said}: {stderr}");
        }
    };
    let check = project.codepub().args(["check", "--font-path"]).arg(&fonts).assert().code(0);
    warned(&check.get_output().stderr);
    let build = project
        .codepub()
        .args(["build", "--format", "pdf", "--edition", "en", "--font-path"])
        .arg(&fonts)
        .assert()
        .code(0);
    warned(&build.get_output().stderr);
    assert!(project.path("out/small-en.pdf").is_file());
}

#[test]
fn the_language_server_answers_a_malformed_body_and_header_and_goes_on() {
    let project = TempProject::small("# A {#a}\n\nOne.\n", "# ア {#a}\n\n一。\n");
    let mut server = LspServer::initialized(project.root(), &[]);
    server.send_raw(b"Content-Length: 10\r\n\r\n{not json}");
    let parse_error = server.wait_for(|message| message["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], serde_json::Value::Null, "{parse_error}");
    server.send_raw(b"Content-Length: abc\r\n\r\n");
    // The next request is answered: the server is still there.
    let uri = codepub::lsp::position::uri_of(&project.path("content/ja/a.md")).as_str().to_string();
    server.open(&uri, "# ア {#a}\n\n一。\n");
    let at = serde_json::json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 0 } });
    let hover = server.request("textDocument/hover", at);
    assert!(hover.to_string().contains("One."), "the English counterpart: {hover}");
}
