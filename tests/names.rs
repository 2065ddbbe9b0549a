//! The names codepub is installed and referred to by: one PyPI distribution (pyproject.toml's),
//! an action that installs exactly its own version of it, and no address under an owner the
//! project does not control (the GitHub organisation `codepub` and the PyPI name `codepub` are
//! somebody else's).

use std::path::{Path, PathBuf};

use crate::common::manifest_dir;

/// The project's text files, as a user or a CI job reads them: everything but build output,
/// installed packages and git's own folder.
fn project_files() -> Vec<PathBuf> {
    const SKIPPED: [&str; 6] = ["target", ".git", "node_modules", ".venv", "out", "corpus"];
    let root = manifest_dir();
    walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_entry(|entry| !SKIPPED.contains(&entry.file_name().to_str().unwrap_or("")))
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| entry.into_path())
        .filter(|path| std::fs::read_to_string(path).is_ok())
        .collect()
}

fn relative(path: &Path) -> String {
    path.strip_prefix(manifest_dir()).unwrap_or(path).display().to_string()
}

fn distribution_name() -> String {
    let pyproject: toml::Table =
        std::fs::read_to_string(manifest_dir().join("pyproject.toml")).unwrap().parse().unwrap();
    pyproject["project"]["name"].as_str().expect("pyproject.toml names the distribution").to_string()
}

#[test]
fn the_distribution_is_not_the_unrelated_pypi_package_codepub() {
    assert_ne!(distribution_name(), "codepub", "`codepub` on PyPI is an unrelated project");
}

/// `pip install NAME`, `pipx install NAME`, `NAME==VERSION`: every way a file tells pip what to
/// install names pyproject.toml's distribution.
#[test]
fn every_file_names_the_pypi_distribution_as_pyproject_does() {
    let name = distribution_name();
    let install = regex::Regex::new(r"\bpipx? install\s+(?:--?[\w-]+\s+)*(codepub[\w.-]*)").unwrap();
    let pinned = regex::Regex::new(r"\b(codepub[\w.-]*)(?:==|>=|~=)[0-9]").unwrap();
    let mut wrong = Vec::new();
    for path in project_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in text.lines().enumerate() {
            for captures in install.captures_iter(line).chain(pinned.captures_iter(line)) {
                // A wheel file, `codepub_cli-0.1.0-….whl`, is not a name pip looks up.
                let found = captures[1].trim_end_matches('.');
                if found != name {
                    wrong.push(format!("{}:{}: {found}", relative(&path), number + 1));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "files naming another distribution than {name}:\n{}", wrong.join("\n"));
}

#[test]
fn the_action_installs_exactly_its_own_version_by_default() {
    let action: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(manifest_dir().join("action.yml")).unwrap()).unwrap();
    let default = action["inputs"]["requirement"]["default"].as_str().expect("a default requirement");
    assert_eq!(default, format!("{}=={}", distribution_name(), env!("CARGO_PKG_VERSION")));
}

/// Cargo.toml and pyproject.toml name no repository or homepage until the project has one.
#[test]
fn the_manifests_name_no_home_the_project_does_not_have() {
    let cargo: toml::Table = std::fs::read_to_string(manifest_dir().join("Cargo.toml")).unwrap().parse().unwrap();
    for key in ["repository", "homepage", "documentation"] {
        assert!(cargo["package"].get(key).is_none(), "Cargo.toml sets package.{key}");
    }
    let pyproject: toml::Table =
        std::fs::read_to_string(manifest_dir().join("pyproject.toml")).unwrap().parse().unwrap();
    assert!(pyproject["project"].get("urls").is_none(), "pyproject.toml sets project.urls");
}

#[test]
fn no_file_points_at_the_github_owner_codepub() {
    // Spelt in pieces, so that this file does not find itself.
    let forbidden = [["github.com/", "codepub"].concat(), ["codepub/", "codepub@"].concat()];
    let mut hits = Vec::new();
    for path in project_files() {
        let text = std::fs::read_to_string(&path).unwrap().to_ascii_lowercase();
        for (number, line) in text.lines().enumerate() {
            if forbidden.iter().any(|needle| line.contains(needle.as_str())) {
                hits.push(format!("{}:{}: {}", relative(&path), number + 1, line.trim()));
            }
        }
    }
    assert!(hits.is_empty(), "addresses under an owner we don't control:\n{}", hits.join("\n"));
}
