//! Projects read from git revisions with gix: the files as committed, not as in the work tree.

use crate::common;

use codepub::error::InputError;
use codepub::load::{GitTree, load_from};
use common::{EN, TempProject, git};

/// A repository whose first commit is the shipped project and whose second changes principle 3.
fn repository_with_two_revisions(project: &TempProject) {
    git(project.root(), &["init", "-q", "-b", "main"]);
    git(project.root(), &["add", "."]);
    git(project.root(), &["commit", "-q", "-m", "Resolution 11/2023"]);
    project.replace(EN, "We act with honesty", "We act with complete honesty");
    git(project.root(), &["commit", "-q", "-am", "Revise principle 3"]);
}

fn principle_3(project: &codepub::load::Project) -> String {
    let clause = project.documents.en.clause(&codepub::model::ClauseId("principle-3".into())).unwrap();
    clause.blocks[0].plain_text()
}

#[test]
fn each_revision_loads_as_committed() {
    let project = TempProject::shipped();
    repository_with_two_revisions(&project);
    project.replace(EN, "We act with complete honesty", "Uncommitted work");
    let old = load_from(project.root(), &GitTree::open(project.root(), "HEAD~1").unwrap()).unwrap();
    let new = load_from(project.root(), &GitTree::open(project.root(), "main").unwrap()).unwrap();
    assert!(principle_3(&old).starts_with("We act with honesty"));
    assert!(principle_3(&new).starts_with("We act with complete honesty"));
    assert_eq!(new.config.edition.identifier.as_ref().map(|id| id.value.as_str()), Some("11/2023"));
}

#[test]
fn a_project_in_a_subfolder_of_the_repository_loads() {
    let outer = tempfile::tempdir().unwrap();
    let project = TempProject::shipped();
    let nested = outer.path().join("editions/code");
    common::copy_dir(project.root(), &nested);
    git(outer.path(), &["init", "-q"]);
    git(outer.path(), &["add", "."]);
    git(outer.path(), &["commit", "-q", "-m", "initial"]);
    let loaded = load_from(&nested, &GitTree::open(&nested, "HEAD").unwrap()).unwrap();
    assert_eq!(loaded.documents.en.clauses.len(), project_clause_count());
}

fn project_clause_count() -> usize {
    codepub::load::load(&common::manifest_dir()).unwrap().documents.en.clauses.len()
}

#[test]
fn an_unknown_revision_is_a_clear_error() {
    let project = TempProject::shipped();
    repository_with_two_revisions(&project);
    let error = GitTree::open(project.root(), "no-such-branch").err().expect("an error");
    assert!(
        matches!(&error, InputError::Git { message, .. } if message.contains("unknown revision `no-such-branch`")),
        "{error}"
    );
}

#[test]
fn a_folder_outside_any_repository_is_a_clear_error() {
    let project = TempProject::shipped();
    let error = GitTree::open(project.root(), "HEAD").err().expect("an error");
    assert!(matches!(&error, InputError::Git { message, .. } if message.contains("not a git repository")), "{error}");
}

/// `git` of the test, with its standard output.
fn git_output(dir: &std::path::Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git").args(args).current_dir(dir).output().expect("git runs");
    assert!(output.status.success(), "git {args:?}");
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

/// A revision is read by the paths it holds: blobs the project does not read (an unrelated large
/// file beside the project, a file of the project no stage reads) are never loaded, as their
/// objects missing from the object database prove.
#[test]
fn a_revision_loads_without_reading_blobs_the_project_does_not_use() {
    let outer = tempfile::tempdir().unwrap();
    let nested = outer.path().join("editions/code");
    common::copy_dir(TempProject::shipped().root(), &nested);
    std::fs::write(outer.path().join("video.bin"), "an unrelated large file").unwrap();
    std::fs::write(nested.join("notes.bin"), "a file of the project no stage reads").unwrap();
    git(outer.path(), &["init", "-q"]);
    git(outer.path(), &["add", "."]);
    git(outer.path(), &["commit", "-q", "-m", "initial"]);
    for path in ["video.bin", "editions/code/notes.bin"] {
        let oid = git_output(outer.path(), &["rev-parse", &format!("HEAD:{path}")]);
        std::fs::remove_file(outer.path().join(".git/objects").join(&oid[..2]).join(&oid[2..])).unwrap();
    }
    let loaded = load_from(&nested, &GitTree::open(&nested, "HEAD").expect("the revision opens")).expect("it loads");
    assert_eq!(loaded.documents.en.clauses.len(), project_clause_count());
}

#[test]
fn an_empty_revision_is_refused_not_read_as_the_work_tree() {
    let project = TempProject::shipped();
    repository_with_two_revisions(&project);
    for empty in ["", " "] {
        let output = project.codepub().args(["diff", empty, "HEAD"]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "diff {empty:?} HEAD");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("empty revision"), "{stderr}");
    }
}

/// The HTML redline of two git revisions is rendered with the later revision's templates, not
/// with those of the work tree.
#[cfg(feature = "html")]
#[test]
fn the_redline_of_two_revisions_uses_the_later_revisions_templates() {
    let project = TempProject::shipped();
    let template = std::fs::read_to_string(common::manifest_dir().join("templates/redline.html")).unwrap();
    std::fs::create_dir_all(project.path("templates")).unwrap();
    let with_marker = |marker: &str| template.replacen("<body", &format!("<!-- {marker} --><body"), 1);
    std::fs::write(project.path("templates/redline.html"), with_marker("as committed")).unwrap();
    repository_with_two_revisions(&project);
    std::fs::write(project.path("templates/redline.html"), with_marker("uncommitted")).unwrap();
    let output = project.codepub().args(["diff", "HEAD~1", "HEAD", "--format", "html"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.contains("<!-- as committed -->") && !page.contains("uncommitted"),
        "{}",
        &page[..400.min(page.len())]
    );
}
