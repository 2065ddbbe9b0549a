//! Shared helpers for the integration tests: copies of the shipped project to mutate, and the
//! real `codepub` binary to run on them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub mod lsp_client;
pub mod poppler;
mod small;

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of the shipped project (codepub.toml and content/).
pub struct TempProject {
    pub dir: tempfile::TempDir,
}

impl TempProject {
    pub fn shipped() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&manifest_dir().join("content"), &dir.path().join("content"));
        std::fs::copy(manifest_dir().join("codepub.toml"), dir.path().join("codepub.toml")).expect("copy config");
        Self { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).expect("read file")
    }

    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write file");
    }

    /// Replaces the first occurrence of `from` in a file; panics if it is not there.
    pub fn replace(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        self.write(relative, text.replacen(from, to, 1));
    }

    /// Runs codepub with `args`, expects exit status `code`, and parses its standard output as JSON.
    pub fn json(&self, args: &[&str], code: i32) -> serde_json::Value {
        let output = self.codepub().args(args).assert().code(code).get_output().stdout.clone();
        serde_json::from_slice(&output).expect("JSON on standard output")
    }

    /// Adds "11月に" (a number the English lacks) to the Japanese of principle-2#4: a P004 finding.
    pub fn add_a_number_to_the_japanese(&self) {
        self.replace(
            JA,
            "私たちは、虚偽または誤解を招くような情報を広めたり",
            "私たちは、虚偽または誤解を招くような情報を広めたり、11月に",
        );
    }

    /// `codepub --root <project> --lang en --color never …`
    pub fn codepub(&self) -> Command {
        let mut command = Command::cargo_bin("codepub").expect("binary");
        command.arg("--root").arg(self.root()).args(["--lang", "en", "--color", "never"]);
        command.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
        command
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Replaces folder `dir` with `files` (name, bytes): a rendered site, for the browser tests.
pub fn write_site(dir: &Path, files: &[(String, Vec<u8>)]) {
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("old site removed");
    }
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("page written");
    }
}

/// Runs `git` in `dir` with a fixed identity; panics when it fails.
pub fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

pub const EN: &str = "content/en/10-code.md";
pub const JA: &str = "content/ja/10-code.md";

impl TempProject {
    /// A copy of the shipped project with new findings of every check, P001 to P019.
    pub fn with_every_check_failing() -> Self {
        let project = Self::shipped();
        // P001: principle 9 renamed in Japanese (missing and extra clause).
        project.replace(JA, "{#principle-9}", "{#principle-9-ja}");
        // P002: the last Japanese paragraph of principle 7 dropped.
        project.replace(JA, "私たちは、本機構専用のデータ保護ポリシーを遵守します。\n\n", "");
        // P003: a footnote reference in the English only.
        project.replace(EN, "transparency in all our dealings.", "transparency in all our dealings.[^1]");
        // P004: a number in the Japanese only.
        project.add_a_number_to_the_japanese();
        // P005: emphasis in the English only.
        project.replace(EN, "We respect others", "We respect *others*");
        // P006: a Japanese paragraph without its closing 。.
        project.replace(
            JA,
            "いかなる形態のハラスメントや強制も容認されません。",
            "いかなる形態のハラスメントや強制も容認されません",
        );
        // P007: half-width parentheses in Japanese text.
        project.replace(JA, "ISOの資産に関連して", "ISOの資産(財産)に関連して");
        // P008: an untranslated paragraph.
        project.replace(
            JA,
            "私たちは、それぞれの役割の任務の範囲内でISOを理解し、積極的に貢献します。",
            "We understand and actively contribute to ISO within the mandate of our respective roles.",
        );
        // P009: 評議会 for Council.
        project.replace(
            JA,
            "この規範は承認され、理事会の責任下にあります",
            "この規範は承認され、評議会の責任下にあります",
        );
        // P010: a doubled space (a warning).
        project.replace(EN, "We act with honesty, integrity", "We act with honesty,  integrity");
        // P011: a Japanese paragraph five times as long (a warning).
        let long = "私たちは、合意されたプロセスと解決メカニズムに従って、タイムリーに紛争を特定してエスカレートし、そして、そのプロセスの結果を尊重し支持します。";
        project.replace(JA, long, &long.repeat(5));
        // P012: a javascript: link in both languages.
        project.replace(EN, "We respect applicable laws", "We respect [applicable laws](javascript:alert(1))");
        project.replace(JA, "私たちは、適用される法律", "私たちは、[適用される法律](javascript:alert(1))");
        // P013 follows from the English edits; P014: the English back cover prints another ISBN.
        project.replace("content/en/90-back-cover.md", "ISBN 978-92-67-11315-9", "ISBN 978-92-67-11315-0");
        // P015: a character no bundled font prints, in the English back cover.
        project.replace("content/en/90-back-cover.md", "ISBN 978-92-67-11315-0", "ISBN 978-92-67-11315-0 ✅");
        // P016: a zero width space in a Japanese paragraph.
        project.replace(JA, "私たちは、私たちが所有する機密文書", "私たちは、\u{200B}私たちが所有する機密文書");
        // P017: デ saved decomposed (テ and the combining voiced sound mark), in the same paragraph.
        project.replace(JA, "機密文書やデータが", "機密文書やテ\u{3099}ータが");
        // P018: an unclosed parenthesis in the English (a warning).
        project.replace(EN, "Central Secretariat (ISO/CS).", "Central Secretariat (ISO/CS.");
        // P019: a doubled particle in the Japanese (a warning).
        project.replace(JA, "個人の行動に関する原則", "個人のの行動に関する原則");
        // P020: an e-mail address in the English only (a warning).
        project.replace(
            EN,
            "We take care to act on a fully informed basis and take decisions with due diligence.",
            "We take care to act on a fully informed basis and take decisions with due diligence, asking ethics@iso.org.",
        );
        // P021: one Japanese sentence given to two different English ones (a warning).
        project.replace(
            JA,
            "私たちは、十分な情報に基づいて行動し、十分な注意を払って決定を下すように注意します。",
            "私たちは、注意力、気配り、勤勉さ、そしてスキルをもって力を発揮します。",
        );
        // P022: a term the glossary forbids, in the English.
        let glossary = project.read("content/glossary.toml");
        project.write(
            "content/glossary.toml",
            format!("{glossary}\n[[forbidden]]\nlang = \"en\"\nterm = \"organisation\"\nuse = \"organization\"\n"),
        );
        project.replace(
            EN,
            "contribute to the organization's decision making",
            "contribute to the organisation's decision making",
        );
        // P023: an English clause of the paragraph pasted into its Japanese (a warning).
        project.replace(
            JA,
            "それらは直ちに開示され、適切なメカニズムを通じて対処されるものとします。",
            "they shall immediately be disclosed and addressed through the appropriate mechanisms。",
        );
        // P024: the project's own rule (kana for ください) and a Japanese paragraph breaking it.
        let config = project.read("codepub.toml");
        project.write(
            "codepub.toml",
            format!(
                "{config}\n[[check.patterns]]\nlang = \"ja\"\npattern = \"下さい\"\nmessage = \"write ください in kana\"\n\
                 replace = \"ください\"\nname = \"kana-kudasai\"\n"
            ),
        );
        project.replace(
            JA,
            "その性質上機密である情報を開示しません。",
            "その性質上機密である情報を開示しないで下さい。",
        );
        // P026: impartiality left out of the Japanese list of principles (a warning).
        project.replace(JA, "開放性、公平性、有効性", "開放性、有効性");
        // P025: spelling turned on (the shipped Code has it off), with the words harper lacks in
        // the Code and its one false grammar finding (“according to agreed processes”) settled,
        // and one misspelling in the English (a warning).
        project.replace("codepub.toml", "enabled = false\n", "enabled = true\ndisable = [\"InflectedVerbAfterTo\"]\n");
        project.write("content/dictionary.txt", "non-negotiable\nanticompetitive\nChemin\nBlandonnet\n");
        project.replace(EN, "information necessary to a full", "information neccessary to a full");
        project
    }
}

/// The second test project: a subset of the Constitution of Japan (tests/fixtures/constitution).
pub fn constitution() -> TempProject {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = manifest_dir().join("tests/fixtures/constitution");
    copy_dir(&fixture.join("content"), &dir.path().join("content"));
    std::fs::copy(fixture.join("codepub.toml"), dir.path().join("codepub.toml")).expect("copy config");
    TempProject { dir }
}

/// The shipped project's English and Japanese editions, rendered by the library (for merging
/// them as the parts of one PDF).
#[cfg(feature = "pdf")]
pub fn render_en_and_ja() -> [Vec<u8>; 2] {
    use codepub::render::Templates;
    use codepub::render::pdf::PdfRenderer;
    use codepub::view::{EditionKind, EditionModel};

    let project = codepub::load::load(&manifest_dir()).expect("shipped project loads");
    let alignment = project.alignment();
    let renderer = PdfRenderer::new(&[]).expect("fonts load");
    [EditionKind::En, EditionKind::Ja].map(|kind| {
        let model = EditionModel::build(&alignment, &project.config.edition, kind);
        renderer.render(&model, &Templates::built_in()).expect("the edition renders")
    })
}

/// The shipped project with its body (everything from the first numbered clause) repeated
/// `copies` times, ids and note labels made unique per copy.
pub fn long_project(copies: usize) -> TempProject {
    let project = TempProject::shipped();
    for lang in ["en", "ja"] {
        let file = format!("content/{lang}/10-code.md");
        let text = project.read(&file);
        let start = text.find("\n## ").expect("a numbered clause") + 1;
        let (head, body) = text.split_at(start);
        let mut out = head.to_string();
        for copy in 0..copies {
            let renamed = body.replace("}", &format!("-r{copy}}}")).replace("[^1]", &format!("[^1-r{copy}]"));
            out.push('\n');
            out.push_str(&renamed);
        }
        project.write(&file, out);
    }
    project
}

/// The page labels of `pdf`, page by page, as poppler's `pdftohtml -xml` does not show them:
/// read with lopdf from the catalog's `/PageLabels` number tree (one `/Nums` array, as
/// typst-pdf and the merge of parts write it).
pub fn page_labels(pdf: &[u8]) -> Vec<String> {
    use lopdf::{Document, Object};
    let document = Document::load_mem(pdf).expect("a PDF lopdf reads");
    let resolve = |object: &Object| match object {
        Object::Reference(id) => document.get_object(*id).expect("a reference that resolves").clone(),
        other => other.clone(),
    };
    let catalog = document.catalog().expect("a catalog");
    let tree = resolve(catalog.get(b"PageLabels").expect("/PageLabels"));
    let nums = resolve(tree.as_dict().unwrap().get(b"Nums").expect("/Nums"));
    let nums = nums.as_array().unwrap();
    let ranges: Vec<(usize, String, String, usize)> = (nums.chunks(2))
        .map(|pair| {
            let label = resolve(&pair[1]);
            let label = label.as_dict().unwrap();
            let name = |key: &[u8]| {
                label.get(key).ok().and_then(|o| o.as_name().ok()).map(|n| String::from_utf8_lossy(n).into_owned())
            };
            let prefix =
                label.get(b"P").ok().and_then(|o| o.as_str().ok()).map(|p| String::from_utf8_lossy(p).into_owned());
            let start = label.get(b"St").ok().and_then(|o| o.as_i64().ok()).unwrap_or(1);
            (
                pair[0].as_i64().unwrap() as usize,
                name(b"S").unwrap_or_default(),
                prefix.unwrap_or_default(),
                start as usize,
            )
        })
        .collect();
    let roman = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    (0..document.get_pages().len())
        .map(|page| {
            let (from, s, p, st) = ranges.iter().rev().find(|r| r.0 <= page).expect("a range");
            let n = st + page - from;
            let number = match s.as_str() {
                "D" => n.to_string(),
                "r" => roman.get(n).expect("small roman").to_string(),
                _ => String::new(),
            };
            format!("{p}{number}")
        })
        .collect()
}
