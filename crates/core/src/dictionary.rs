//! The project's dictionary (`content/dictionary.txt`, or the file `[check.spelling] dictionary`
//! names): the words the English spelling check (P025) accepts besides its own dictionary.
//!
//! The format is plain text, one word per line; `#` starts a comment, to the end of its line;
//! blank lines are skipped. A line of several words (`Conformity Assessment`) adds each of them,
//! as the spelling check reads word by word. Words keep their case: `ISO` accepts `ISO`, and a
//! word written in lower case is accepted capitalised too (the spell checker folds case).

/// The words of a project's dictionary, in the file's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectDictionary {
    pub words: Vec<String>,
}

impl ProjectDictionary {
    /// The words of a dictionary file's text.
    pub fn parse(text: &str) -> Self {
        let words = (text.lines())
            .map(|line| line.split_once('#').map_or(line, |(before, _)| before))
            .flat_map(str::split_whitespace)
            .map(str::to_string)
            .collect();
        Self { words }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_one_per_line_with_comments_and_blank_lines_skipped() {
        let text = "# Terms of the Code\nISO\n\n  Conformity Assessment  # a phrase: each word\nfoo#bar\n#\n";
        let words = ProjectDictionary::parse(text).words;
        assert_eq!(words, ["ISO", "Conformity", "Assessment", "foo"]);
    }

    /// A project held in memory: `codepub.toml` with `spelling` appended, one Markdown file per
    /// language, and `files`.
    struct Memory(std::collections::BTreeMap<std::path::PathBuf, String>);

    impl crate::load::SourceTree for Memory {
        fn read(&self, relative: &std::path::Path) -> Result<Option<Vec<u8>>, crate::error::InputError> {
            Ok(self.0.get(relative).map(|text| text.as_bytes().to_vec()))
        }

        fn markdown_files(
            &self,
            dir: &std::path::Path,
        ) -> Result<Option<Vec<std::path::PathBuf>>, crate::error::InputError> {
            Ok(Some(self.0.keys().filter(|path| path.starts_with(dir)).cloned().collect()))
        }
    }

    fn load(spelling: &str, files: &[(&str, &str)]) -> Result<crate::load::Project, crate::error::InputError> {
        let config = format!(
            "[edition]\ncouncil_resolution = \"11/2023\"\nadopted = 2023-02-23\nisbn = \"978-92-67-11315-9\"\n\
             author = \"ISO\"\ntitle = {{ en = \"Code\", ja = \"規範\" }}\n\
             copyright = {{ en = [\"© ISO, 2023\"], ja = [\"© ISO, 2023\"] }}\n{spelling}"
        );
        let mut tree = std::collections::BTreeMap::new();
        tree.insert("codepub.toml".into(), config);
        tree.insert("content/en/a.md".into(), "# A {#a}\n\nText.\n".to_string());
        tree.insert("content/ja/a.md".into(), "# エー {#a}\n\n本文。\n".to_string());
        for (path, text) in files {
            tree.insert(path.into(), text.to_string());
        }
        crate::load::load_from(std::path::Path::new("."), &Memory(tree))
    }

    #[test]
    fn the_default_dictionary_file_is_read_when_present_and_may_be_absent() {
        let on = "[check.spelling]\nenabled = true\n";
        let project = load(on, &[("content/dictionary.txt", "Codepub\n")]).expect("loads");
        assert_eq!(project.dictionary.words, ["Codepub"]);
        assert!(load(on, &[]).expect("loads").dictionary.words.is_empty());
    }

    #[test]
    fn a_dictionary_named_in_the_config_is_read_and_must_exist() {
        let config = "[check.spelling]\nenabled = true\ndictionary = \"words.txt\"\n";
        let project = load(config, &[("words.txt", "Codepub\n"), ("content/dictionary.txt", "Other\n")]);
        assert_eq!(project.expect("loads").dictionary.words, ["Codepub"]);
        let error = load(config, &[]).expect_err("a missing dictionary is an input error");
        assert!(matches!(&error, crate::error::InputError::Io { path, .. } if path == "words.txt"), "{error:?}");
    }

    #[test]
    fn the_dictionary_is_not_read_when_the_check_is_off() {
        let config = "[check.spelling]\nenabled = false\ndictionary = \"missing.txt\"\n";
        let project = load(config, &[("content/dictionary.txt", "Codepub\n")]).expect("loads");
        assert!(project.dictionary.words.is_empty());
        // Off is the default.
        let project = load("", &[("content/dictionary.txt", "Codepub\n")]).expect("loads");
        assert!(project.dictionary.words.is_empty());
    }

    #[test]
    fn an_empty_file_has_no_words() {
        assert!(ProjectDictionary::parse("").words.is_empty());
        assert!(ProjectDictionary::parse("\n# only a comment\n").words.is_empty());
    }
}
