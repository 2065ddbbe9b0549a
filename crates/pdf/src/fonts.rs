//! The fonts Typst may use: those bundled in the binary (every file of the crate's `fonts/`
//! folder, embedded by `build.rs`) followed by those found in the CLI's `--font-path` folders.
//! System fonts are never searched. The bundled fonts are parsed once per process and shared by
//! every render and by the glyph check. What a `--font-path` folder holds that cannot be read (a
//! symbolic link to nothing, a loop of links, an unreadable file, a named pipe named `*.ttf`) is
//! left out and listed in [`FontSet::skipped`]; a `--font-path` that is not a folder is an error.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use codepub_core::skipped::{SkipReason, Skipped, SpecialFile};
use codepub_view::render::RenderError;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_fonts.rs"));
}

/// Font files embedded in the binary: file name and bytes.
pub fn bundled_files() -> &'static [(&'static str, &'static [u8])] {
    bundled::BUNDLED_FONTS
}

/// File extensions Typst can read fonts from.
const FONT_EXTENSIONS: [&str; 4] = ["ttf", "otf", "ttc", "otc"];

/// Parsed fonts and the book Typst selects them from; `book` indexes `fonts`.
pub struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
    /// Entries of the `--font-path` folders left out, in walking order.
    pub skipped: Vec<Skipped>,
}

impl FontSet {
    /// The bundled fonts, then every font file under `extra_dirs` (searched recursively, in
    /// file-name order so the result does not depend on the file system).
    pub fn load(extra_dirs: &[PathBuf]) -> Result<Self, RenderError> {
        let mut fonts = bundled_fonts()?.to_vec();
        let mut skipped = Vec::new();
        for dir in extra_dirs {
            load_dir(dir, &mut fonts, &mut skipped)?;
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Ok(Self { book, fonts, skipped })
    }
}

/// The bundled fonts, parsed once per process and shared by every renderer and by the glyph
/// check (P015); the files are parsed on parallel threads, in file order in the result. A
/// command that will need them may call this early on another thread ([`warm_bundled_fonts`]).
pub fn bundled_fonts() -> Result<&'static [Font], RenderError> {
    static BUNDLED: OnceLock<Result<Vec<Font>, String>> = OnceLock::new();
    let parsed = BUNDLED.get_or_init(|| {
        let per_file: Vec<(&str, Vec<Font>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (bundled_files().iter())
                .map(|(name, bytes)| (*name, scope.spawn(|| Font::iter(Bytes::new(*bytes)).collect::<Vec<Font>>())))
                .collect();
            handles.into_iter().map(|(name, handle)| (name, handle.join().unwrap_or_default())).collect()
        });
        let mut fonts = Vec::new();
        for (name, faces) in per_file {
            if faces.is_empty() {
                return Err(format!("bundled font {name} could not be read"));
            }
            fonts.extend(faces);
        }
        Ok(fonts)
    });
    parsed.as_deref().map_err(|message| RenderError::Font(message.clone()))
}

/// Starts parsing the bundled fonts on a thread of its own, so that it overlaps the work a
/// command does before it needs them (loading, aligning and checking the sources).
pub fn warm_bundled_fonts() {
    std::thread::spawn(|| {
        // An error is reported by whoever uses the fonts.
        let _ = bundled_fonts();
    });
}

/// Adds the fonts of every font file under `dir`; files that are not fonts are passed over, and
/// entries that cannot be read are left out into `skipped`.
fn load_dir(dir: &Path, fonts: &mut Vec<Font>, skipped: &mut Vec<Skipped>) -> Result<(), RenderError> {
    if !dir.is_dir() {
        return Err(RenderError::Font(format!("font path {} is not a directory", dir.display())));
    }
    let mut skip = |path: &Path, why| skipped.push(Skipped { path: path.display().to_string(), why });
    for entry in walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            // The walk goes on past it (a loop is not entered).
            Err(error) => {
                skip(error.path().unwrap_or(dir), Skipped::of_walk_error(&error));
                continue;
            }
        };
        let named_as_font = (entry.path().extension().and_then(|ext| ext.to_str()))
            .is_some_and(|ext| FONT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()));
        if !named_as_font || entry.file_type().is_dir() {
            continue;
        }
        if !entry.file_type().is_file() {
            // A named pipe would never end a read: its type says so before any opening.
            let kind = entry.metadata().ok().and_then(|m| SpecialFile::of(&m)).unwrap_or(SpecialFile::Other);
            skip(entry.path(), SkipReason::Special(kind));
            continue;
        }
        match std::fs::read(entry.path()) {
            Ok(bytes) => fonts.extend(Font::iter(Bytes::new(bytes))),
            Err(error) => skip(entry.path(), SkipReason::Unreadable(error.to_string())),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_both_scripts_and_styles() {
        let set = FontSet::load(&[]).unwrap();
        let families: Vec<String> = set.fonts.iter().map(|f| f.info().family.clone()).collect();
        for family in ["BIZ UDMincho", "BIZ UDGothic", "Libertinus Serif", "Open Sans", "DejaVu Sans Mono"] {
            assert!(families.iter().any(|f| f == family), "{family} missing from {families:?}");
        }
        let italic = set
            .fonts
            .iter()
            .any(|f| f.info().family == "Libertinus Serif" && f.info().variant.style == typst::text::FontStyle::Italic);
        assert!(italic, "an italic Latin face is bundled");
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_entries_of_a_font_path_are_left_out_and_the_rest_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let fonts = dir.path();
        std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fonts/DejaVuSansMono.ttf"), fonts.join("b.ttf"))
            .unwrap();
        std::os::unix::fs::symlink(fonts.join("missing.ttf"), fonts.join("a-dangling.ttf")).unwrap();
        std::os::unix::fs::symlink(fonts, fonts.join("c-loop")).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(fonts.join("d-pipe.otf")).status().unwrap().success());
        let set = FontSet::load(&[fonts.to_path_buf()]).unwrap();
        assert_eq!(set.fonts.len(), FontSet::load(&[]).unwrap().fonts.len() + 1);
        let why: Vec<(String, &SkipReason)> = (set.skipped.iter())
            .map(|s| (Path::new(&s.path).file_name().unwrap().to_string_lossy().into_owned(), &s.why))
            .collect();
        assert_eq!(
            why,
            [
                ("a-dangling.ttf".to_string(), &SkipReason::DanglingLink),
                ("c-loop".to_string(), &SkipReason::LinkLoop),
                ("d-pipe.otf".to_string(), &SkipReason::Special(SpecialFile::Fifo)),
            ]
        );
    }

    #[test]
    fn a_missing_font_path_is_an_error() {
        let error = FontSet::load(&[PathBuf::from("/nonexistent/fonts")]).err();
        assert!(matches!(error, Some(RenderError::Font(_))));
    }
}
