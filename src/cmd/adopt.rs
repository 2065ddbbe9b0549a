//! `codepub init --from-markdown EN JA [DIR]`: a new project whose sources are existing Markdown
//! adopted as it is (see [`codepub::markdown_import`]). It reports what it read and what it
//! could not be sure of (files without counterpart, headings paired on weak evidence or left
//! alone, each at its file and line), checks the result and says so.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use codepub::check::{RunOptions, Severity};
use codepub::config::Date;
use codepub::i18n::{Localizer, Message};
use codepub::markdown_import::{self, Adoption};
use codepub::model::Lang;

/// Writes a project into `dir` whose sources are the Markdown `sources` (English, Japanese)
/// adopted, dated `adopted` (else the front matter's or the text's date; none is an error).
pub fn init_from_markdown(
    l10n: &Localizer,
    sources: [&Path; 2],
    dir: &Path,
    adopted: Option<Date>,
) -> Result<ExitCode, CliError> {
    let pairs = markdown_import::pair_files(sources[0], sources[1])?;
    let adoption = markdown_import::adopt(&pairs)?;
    let date = adopted
        .or_else(|| adoption.front_matter_date())
        .or_else(|| {
            Lang::BOTH
                .into_iter()
                .find_map(|lang| codepub::adopted::adoption_date(&adoption.opening_lines(lang)).map(|(date, _)| date))
        })
        .ok_or_else(|| CliError::NoAdoptionDate { text: sources[0].display().to_string() })?;
    let stem =
        |lang: Lang| sources[usize::from(lang == Lang::Ja)].file_stem().map(|s| s.to_string_lossy().into_owned());
    let titles = Lang::BOTH.map(|lang| adoption.title(lang).or_else(|| stem(lang)).unwrap_or_default());
    let mut files: Vec<(String, String)> = super::init::scaffold(
        &super::init::slug_of(dir),
        date,
        [&titles[0], &titles[1]],
        [String::new(), String::new()],
    )
    .into_iter()
    .filter(|(path, _)| !path.starts_with("content/en/") && !path.starts_with("content/ja/"))
    .map(|(path, text)| (path.to_string(), text))
    .collect();
    if let Some((_, config)) = files.iter_mut().find(|(path, _)| path == codepub::config::CONFIG_FILE) {
        config.push_str(&front_matter_comments(&adoption));
    }
    for file in &adoption.files {
        for lang in Lang::BOTH {
            if let Some(read) = file.sides.get(lang) {
                let path = Path::new("content").join(lang.code()).join(&file.relative);
                files.push((path.to_string_lossy().replace('\\', "/"), read.text.clone()));
            }
        }
    }
    super::init::write_project(l10n, dir, files)?;
    let unsure = report(l10n, &adoption);
    let clean = check_adopted(l10n, dir)?;
    eprintln!("{}", l10n.format(&Message::new("report-init-next").arg("dir", dir.display().to_string())));
    Ok(if unsure == 0 && clean { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The front matter keys codepub does not use, as comments of `codepub.toml`.
fn front_matter_comments(adoption: &Adoption) -> String {
    let mut out = String::new();
    for file in &adoption.files {
        for lang in Lang::BOTH {
            let Some(read) = file.sides.get(lang) else { continue };
            let Some(front) = &read.front else { continue };
            if front.rest.is_empty() {
                continue;
            }
            if out.is_empty() {
                out.push_str(
                    "\n# Front matter of the adopted sources that codepub does not use, kept for reference:\n",
                );
            }
            out.push_str(&format!("# {}:\n", read.shown));
            for line in &front.rest {
                for part in line.lines() {
                    out.push_str(&format!("#   {part}\n"));
                }
            }
        }
    }
    out
}

/// Prints what was adopted and what to look at; returns how many things need a look.
fn report(l10n: &Localizer, adoption: &Adoption) -> usize {
    let mut look = 0;
    let other = |lang: Lang| lang.other().code();
    for file in &adoption.files {
        for lang in Lang::BOTH {
            let Some(read) = file.sides.get(lang) else { continue };
            if let Some(front) = &read.front {
                let message = Message::new("report-adopt-front-matter")
                    .arg("file", &read.shown)
                    .arg("titled", if front.title.is_some() { "yes" } else { "no" })
                    .arg("title", front.title.clone().unwrap_or_default())
                    .num("kept", front.rest.len() as i64);
                eprintln!("{}", l10n.format(&message));
            }
            if let Some(heading) = &read.added_heading {
                eprintln!(
                    "{}",
                    l10n.format(
                        &Message::new("report-adopt-heading-added").arg("file", &read.shown).arg("heading", heading)
                    )
                );
            }
            if file.sides.get(lang.other()).is_none() {
                look += 1;
                let message = Message::new("report-adopt-file-alone").arg("file", &read.shown).arg("lang", other(lang));
                eprintln!("{}", l10n.format(&message));
            }
        }
    }
    let mut paired = 0;
    for heading in &adoption.headings {
        let message = match (&heading.counterpart, heading.sure) {
            (Some(_), true) => {
                paired += usize::from(heading.lang == Lang::En);
                continue;
            }
            (Some((place, text)), false) => {
                if heading.lang == Lang::Ja {
                    continue; // Reported once, from the English side.
                }
                paired += 1;
                Message::new("report-adopt-heading-unsure").arg("other-place", place.to_string()).arg("other", text)
            }
            (None, _) => Message::new("report-adopt-heading-alone").arg("lang", other(heading.lang)),
        };
        look += 1;
        let message =
            message.arg("place", heading.place.to_string()).arg("heading", &heading.text).arg("id", &heading.id);
        eprintln!("{}", l10n.format(&message));
    }
    let alone = adoption.headings.iter().filter(|h| h.counterpart.is_none()).count();
    let unsure = adoption.headings.iter().filter(|h| h.lang == Lang::En && h.counterpart.is_some() && !h.sure).count();
    let summary = Message::new("report-adopt-summary")
        .num("files", adoption.files.len() as i64)
        .num("paired", paired as i64)
        .num("unsure", unsure as i64)
        .num("alone", alone as i64);
    eprintln!("{}", l10n.format(&summary));
    look
}

/// Checks the project written in `dir` as `codepub check` would, and says how it went; true
/// when no error is left.
fn check_adopted(l10n: &Localizer, dir: &Path) -> Result<bool, CliError> {
    let project = codepub::load::load(dir)?;
    let alignment = project.alignment();
    let options = RunOptions { no_baseline: false, deny_warnings: false };
    let report = codepub::check::run(&project, &alignment, options, codepub::glyphs::bundled());
    let (errors, warnings) = (report.count(Severity::Error, false), report.count(Severity::Warning, false));
    let message = Message::new("report-adopt-check")
        .num("errors", errors as i64)
        .num("warnings", warnings as i64)
        .arg("dir", dir.display().to_string());
    eprintln!("{}", l10n.format(&message));
    Ok(errors == 0)
}
