//! Hostile and unusual input never aborts or hangs codepub (issue 27): inline codes nested
//! tens of thousands deep in an XLIFF file, a named pipe among the sources, unusable entries
//! under `--font-path`, and a language server fed broken frames. Each case ends cleanly and
//! names what it refused or left out.

use crate::common;

use common::TempProject;
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
