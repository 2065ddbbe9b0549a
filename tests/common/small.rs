//! A small bilingual project written from strings, for tests that build (the shipped Code takes
//! longer to typeset).

use super::TempProject;

pub const CONFIG: &str = "[edition]\nslug = \"small\"\nadopted = 2023-02-23\n\
title = { en = \"Code\", ja = \"規範\" }\n";

impl TempProject {
    /// A project whose only sources are `content/en/a.md` = `en` and `content/ja/a.md` = `ja`.
    pub fn small(en: &str, ja: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = TempProject { dir };
        project.write("codepub.toml", CONFIG);
        project.write("content/en/a.md", en);
        project.write("content/ja/a.md", ja);
        project
    }
}
