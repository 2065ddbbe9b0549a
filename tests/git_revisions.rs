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
    let clause = project.en.clause(&codepub::model::ClauseId("principle-3".into())).unwrap();
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
    assert_eq!(loaded.en.clauses.len(), project_clause_count());
}

fn project_clause_count() -> usize {
    codepub::load::load(&common::manifest_dir()).unwrap().en.clauses.len()
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
