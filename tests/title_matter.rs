//! The title matter of any document: the text before the first clause, when it opens with a
//! title. Its short lines (an approval line) stand under the title on the title page; a longer
//! text under the title (a preamble) is laid out as paired rows that open the body. Nothing
//! depends on a clause id.

#![cfg(feature = "pdf")]

use crate::common;

use codepub::model::Lang;
use codepub::render::pdf::PdfRenderer;
use codepub::render::{CacheUse, RenderContext, Renderer, Templates};
use codepub::view::{EditionKind, EditionModel};
use common::TempProject;

const EN: &str = "content/en/10-code.md";
const JA: &str = "content/ja/10-code.md";

const PREAMBLE_EN: &str = "We, the members, acting through our duly elected representatives, resolve that this \
    Code shall guide our conduct in every activity of the organization, and we pledge our honour to accomplish \
    these high ideals and purposes with all our resources.";
const PREAMBLE_JA: &str = "私たち会員は、正当に選挙された代表者を通じて行動し、この規範が本機構のあらゆる活動における\
    私たちの行動の指針となることを決意し、全力をあげてこの崇高な理想と目的を達成することを誓う。\
    私たちは、この規範を守り、その精神を次の世代に伝える。私たちは、この規範を守り、その精神を次の世代に伝える。";

/// The shipped Code with the title clause renamed (no `title` id) and a preamble under it.
fn project_with_a_preamble(keep_approval: bool) -> TempProject {
    let project = TempProject::shipped();
    let en_approval = "(As approved under Council Resolution 11/2023 adopted on 23\nFebruary 2023)\n";
    let ja_approval = "(2023年2月23日, 理事会決議 11/2023 採択により承認)\n";
    project.replace(EN, "{#title}", "{#front}");
    project.replace(JA, "{#title}", "{#front}");
    let en = if keep_approval { format!("{en_approval}\n{PREAMBLE_EN}\n") } else { format!("{PREAMBLE_EN}\n") };
    let ja = if keep_approval { format!("{ja_approval}\n{PREAMBLE_JA}\n") } else { format!("{PREAMBLE_JA}\n") };
    project.replace(EN, en_approval, &en);
    project.replace(JA, ja_approval, &ja);
    project
}

#[test]
fn a_preamble_under_the_title_is_laid_out_as_paired_rows() {
    let project = project_with_a_preamble(true);
    let loaded = codepub::load::load(project.root()).expect("loads");
    let model = EditionModel::build(&loaded.alignment(), &loaded.config.edition, EditionKind::Bilingual);
    let title = model.title_page.as_ref().expect("the text opens with a title");
    assert_eq!(title.id, "front");
    assert_eq!(title.lines.len(), 1, "the approval line stays on the title page");
    let opening = &model.sections[0];
    assert_eq!((opening.id.as_str(), opening.level, opening.headed), ("front", 0, false));
    assert_eq!(opening.rows.len(), 1);
    let row = &opening.rows[0];
    assert!(row.cells.en.is_some() && row.cells.ja.is_some(), "the preamble pairs English with Japanese");
    assert_eq!(row.address.to_string(), "front#2");
}

#[test]
fn a_title_without_short_lines_has_a_title_page_of_its_own_and_the_preamble_opens_the_body() {
    let project = project_with_a_preamble(false);
    let loaded = codepub::load::load(project.root()).expect("loads");
    let alignment = loaded.alignment();
    let model = EditionModel::build(&alignment, &loaded.config.edition, EditionKind::Bilingual);
    assert!(model.title_page.as_ref().is_some_and(|title| title.lines.is_empty()));
    assert!(model.sections[0].rows[0].cells.get(Lang::Ja).is_some());

    // In the PDF: the title page holds the titles only; the preamble is on the first body page,
    // English and Japanese side by side.
    let cx = RenderContext { templates: Templates::built_in(), slug: "front".into(), caches: CacheUse::Shared };
    let renderer = PdfRenderer::new(&[]).expect("fonts");
    let output = renderer.render_edition(&model, &cx).expect("renders");
    let dir = tempfile::tempdir().expect("temp");
    let pdf = dir.path().join("front.pdf");
    std::fs::write(&pdf, &output[0].bytes).expect("written");
    let page = |n: &str, x: &str| {
        let out = std::process::Command::new("pdftotext")
            .args(["-f", n, "-l", n, "-r", "72", "-x", x, "-y", "0", "-W", "297", "-H", "842"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is needed");
        String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<String>()
    };
    let squash = |text: &str| text.split_whitespace().collect::<String>();
    let (title_left, title_right) = (page("1", "0"), page("1", "298"));
    assert!(
        !title_left.contains("dulyelected") && !title_right.contains("正当に選挙"),
        "the title page is the title's"
    );
    assert!(page("2", "0").contains(&squash("We, the members, acting through our duly")));
    assert!(page("2", "298").contains("私たち会員は、正当に選挙された代表者を通じて行動し"));
}

#[test]
fn a_document_without_a_title_has_no_title_page() {
    let project = TempProject::shipped();
    project.replace(EN, "# ISO Code of Ethics and Conduct {#title}", "## Preliminary {#title}");
    project.replace(JA, "# ISOの倫理および行動の規範 {#title}", "## 前置き {#title}");
    let loaded = codepub::load::load(project.root()).expect("loads");
    let model = EditionModel::build(&loaded.alignment(), &loaded.config.edition, EditionKind::En);
    assert!(model.title_page.is_none());
    assert_eq!((model.sections[0].id.as_str(), model.sections[0].level), ("title", 2));
}
