//! Loading every list file of a directory, reporting each file skipped.

use super::format::OFAC_COMPANIONS;
use super::{Format, load_file};
use crate::error::{Error, Result};
use crate::list::report::{ImportReport, Imported};
use crate::list::{LoadOptions, Rejection};
use std::path::Path;

/// Loads every list file in a directory (sorted by name, not recursing):
/// each file of a recognised format is loaded (`format`, when given, is the
/// only one accepted), OFAC's companion files with their primary file (in
/// its report's [`ImportReport::companions`]); every other entry is skipped
/// and named in the report's [`ImportReport::skipped_files`] with the
/// reason, never silently.
/// The report sums the files' counts; each file's own rejections and notes
/// keep its name.
///
/// ```
/// let i = vendor_screen::list::load::load_dir("lists".as_ref(), None, &Default::default())?;
/// assert_eq!(i.lists.len(), 4);
/// assert!(i.report.skipped_files.iter().any(|s| s.file.ends_with("README.md")));
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn load_dir(dir: &Path, format: Option<Format>, options: &LoadOptions) -> Result<Imported> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        paths.push(entry.map_err(io)?.path());
    }
    paths.sort();
    let name = dir.display().to_string();
    let mut report = ImportReport::new(&name, format.map_or("directory", Format::name));
    let mut lists = Vec::new();
    let skip = |report: &mut ImportReport, path: &Path, reason: String| {
        report.skipped_files.push(Rejection {
            file: path.display().to_string(),
            line: 0,
            field: "-".to_string(),
            reason,
        });
    };
    for path in &paths {
        match by_name(dir, path) {
            ByName::Read => {}
            ByName::WithItsPrimary => continue,
            ByName::Skip(reason) => {
                skip(&mut report, path, reason);
                continue;
            }
        }
        let head = std::fs::read(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let detected = Format::detect(&head);
        match (format, detected) {
            (_, None) => {
                skip(
                    &mut report,
                    path,
                    format!(
                        "not a list file: none of the formats matched (tried {})",
                        Format::tried()
                    ),
                );
                continue;
            }
            (Some(want), Some(got)) if want != got => {
                skip(
                    &mut report,
                    path,
                    format!(
                        "a {} file, not {}: not read",
                        got.describe(),
                        want.describe()
                    ),
                );
                continue;
            }
            _ => {}
        }
        let imported = load_file(path, detected, options)?;
        absorb(&mut report, imported.report);
        lists.extend(imported.lists);
    }
    report.count(&lists);
    Ok(Imported { lists, report })
}

/// What a directory's file is, by its name and kind alone.
enum ByName {
    /// A file to read.
    Read,
    /// An OFAC companion file, read with its primary file (whose report
    /// lists it among its companions with its counts): loaded, not skipped.
    WithItsPrimary,
    /// Not read, for this reason.
    Skip(String),
}

/// Whether a directory's file is read: not the fetch cache's previous
/// version or manifest, a directory, or an OFAC companion without its
/// primary file.
fn by_name(dir: &Path, path: &Path) -> ByName {
    let file_name = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
    if let Some(current) = file_name.strip_suffix(".previous") {
        return ByName::Skip(format!(
            "the version {current} replaced, kept by the fetch cache"
        ));
    }
    if file_name.ends_with(".manifest.toml") {
        let list = file_name.trim_end_matches(".manifest.toml");
        return ByName::Skip(format!("a fetch manifest, read with {list}"));
    }
    if path.is_dir() {
        return ByName::Skip("a directory: not read (no recursion)".into());
    }
    match OFAC_COMPANIONS.iter().find(|(c, _)| *c == file_name) {
        Some((_, primary)) if !dir.join(primary).exists() => ByName::Skip(format!(
            "an OFAC companion file without its primary file {primary}: not read"
        )),
        Some(_) => ByName::WithItsPrimary,
        None => ByName::Read,
    }
}

/// A file's import report added to the directory's: its counts, rejected
/// records, notes, companions and skipped files, and the first cut file.
fn absorb(report: &mut ImportReport, r: ImportReport) {
    report.read += r.read;
    report.merged += r.merged;
    report.skipped += r.skipped;
    report.rejected.extend(r.rejected);
    report.notes.extend(r.notes);
    report.companions.extend(r.companions);
    report.skipped_files.extend(r.skipped_files);
    if report.truncated.is_none() {
        report.truncated = r.truncated;
    }
}
