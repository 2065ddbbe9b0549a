//! An XLIFF file imported into a fixed project: read, matched to its units, spelt as Markdown,
//! and the project as planned loaded and checked. Any bytes give a plan, refusals or an input
//! error.
#![no_main]

use codepub_fuzz::MemTree;
use libfuzzer_sys::fuzz_target;

/// The project: a heading, emphasis, a code span, a footnote, a list with strong emphasis and a
/// link, in both languages (`fuzz/seeds/xliff_import/` holds its export).
const EN: &str = "# Code {#code}\n\nSee *the Statutes* and `x`.[^1]\n\n- one **item**\n- two\n\n\
[^1]: A [note](https://example.org).\n";
const JA: &str = "# 規範 {#code}\n\n`x`と*会則*を参照。[^1]\n\n- 一つ目の**項目**\n- 二つ目\n\n\
[^1]: [注](https://example.org)。\n";

fuzz_target!(|data: &[u8]| {
    // The command reads UTF-8, a byte order mark allowed.
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(units) = codepub::xliff::read::read(text, "fuzz.xlf") else { return };
    let tree = MemTree::pair(EN.as_bytes(), JA.as_bytes());
    let Ok(project) = tree.load() else { return };
    if let Ok(Ok(plan)) = codepub::xliff::import::plan_in(&project, &units, &tree) {
        assert!(plan.files.iter().all(|file| file.path.starts_with("content/ja/")));
    }
});
