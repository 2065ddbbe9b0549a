//! `codepub init [DIR]`: scaffolds a new bilingual project (a commented `codepub.toml`, an example
//! clause in both languages, an empty glossary and baseline, and a `.gitignore` for `out/`) that
//! checks clean and builds as it is. It never overwrites: a folder that already holds a project
//! is refused.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use crate::config::{CONFIG_FILE, Date};
use crate::i18n::{Localizer, Message};
use crate::write::write_file_atomic;

/// Writes the scaffold into `dir` (created if missing), dated `today`.
pub fn init(l10n: &Localizer, dir: &Path, today: Date) -> Result<ExitCode, CliError> {
    if dir.join(CONFIG_FILE).exists() {
        return Err(CliError::ProjectExists { dir: dir.display().to_string() });
    }
    let folder = std::fs::canonicalize(dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")))
        .ok()
        .and_then(|parent| Some(parent.join(dir.file_name()?)))
        .unwrap_or_else(|| dir.to_path_buf());
    let slug = crate::config::slug_of_folder(
        &folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
    );
    for (relative, text) in scaffold(&slug, today) {
        let path = dir.join(relative);
        write_file_atomic(&path, text.as_bytes())
            .map_err(|error| CliError::Write { path: path.display().to_string(), error })?;
        eprintln!("{}", l10n.format(&Message::new("report-created").arg("path", path.display().to_string())));
    }
    eprintln!("{}", l10n.format(&Message::new("report-init-next").arg("dir", dir.display().to_string())));
    Ok(ExitCode::SUCCESS)
}

/// The files of a new project, by path relative to its folder.
fn scaffold(slug: &str, today: Date) -> Vec<(&'static str, String)> {
    let Date { year, month, day } = today;
    let month_name = crate::numerals::MONTHS[usize::from(month.clamp(1, 12)) - 1];
    let config = format!(
        r#"# codepub project: one text in English and Japanese.
# Edition metadata lives here, once; the sources are under content/.

[edition]
# Output files are named after the slug: out/{slug}-bilingual.pdf, out/{slug}-en.pdf, out/{slug}-ja.pdf.
slug = "{slug}"
# The edition's date: the PDFs' date and the header of `codepub diff`.
adopted = {today}

[edition.title]
en = "Example Text"
ja = "例文"

# Optional, as the publication has them:
# identifier = {{ value = "1/{year}", label = {{ en = "Resolution", ja = "決議" }} }}   # names a revision in `codepub diff`
# isbn = "978-…"                                 # checked on the back covers (P014)
# author = "…"                                   # the documents' metadata
# copyright = {{ en = ["© …"], ja = ["© …"] }}    # checked on the back covers (P014)

[content]
# One folder per language under this directory; every *.md file in it is read, in name order.
dir = "content"
glossary = "content/glossary.toml"
baseline = "content/accepted.toml"
"#
    );
    let english = format!(
        "# Example Text {{#title}}\n\n(Adopted on {day} {month_name} {year})\n\n\
         ## 1. Purpose {{#article-1}}\n\n\
         This text shows how codepub pairs the paragraphs of two languages, clause by clause.\n\n\
         Replace it with your own: give each clause a heading with an id, the same id in both languages.\n"
    );
    let japanese = format!(
        "# 例文 {{#title}}\n\n（{year}年{month}月{day}日採択）\n\n\
         ## 1. 目的 {{#article-1}}\n\n\
         この文書は、codepub が二つの言語の段落を条項ごとに対にする方法を示します。\n\n\
         これを独自の文書に置き換えてください。各条項の見出しにidを付け、両言語で同じidを使います。\n"
    );
    vec![
        (CONFIG_FILE, config),
        ("content/en/10-text.md", english),
        ("content/ja/10-text.md", japanese),
        (
            "content/glossary.toml",
            "# The text's terminology: an English term in a paragraph expects its Japanese term in the paired one.\n\
             # [[term]]\n# en = \"Council\"\n# ja = \"理事会\"\n"
                .to_string(),
        ),
        (
            "content/accepted.toml",
            "# Findings the publisher accepts, each with a reason (see `codepub check --format json`).\n\
             # [[accepted]]\n# check = \"P007\"\n# address = \"title#1\"\n# reason = \"As published.\"\n"
                .to_string(),
        ),
        (".gitignore", "/out/\n".to_string()),
    ]
}

/// Today's date in UTC, from the system clock.
pub fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400) as i64;
    date_from_days(days)
}

/// The calendar date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn date_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_become_file_name_stems() {
        use crate::config::slug_of_folder;
        assert_eq!(slug_of_folder("Act on Examples"), "Act-on-Examples");
        assert_eq!(slug_of_folder(".hidden"), "hidden");
        assert_eq!(slug_of_folder(""), "edition");
    }

    #[test]
    fn days_since_the_epoch_become_calendar_dates() {
        assert_eq!(date_from_days(0), Date { year: 1970, month: 1, day: 1 });
        assert_eq!(date_from_days(19_411), Date { year: 2023, month: 2, day: 23 });
        assert_eq!(date_from_days(11_016), Date { year: 2000, month: 2, day: 29 });
    }
}
