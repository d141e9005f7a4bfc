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
        let file_name = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
        if let Some(current) = file_name.strip_suffix(".previous") {
            skip(
                &mut report,
                path,
                format!("the version {current} replaced, kept by the fetch cache"),
            );
            continue;
        }
        if file_name.ends_with(".manifest.toml") {
            let list = file_name.trim_end_matches(".manifest.toml");
            skip(
                &mut report,
                path,
                format!("a fetch manifest, read with {list}"),
            );
            continue;
        }
        if path.is_dir() {
            skip(
                &mut report,
                path,
                "a directory: not read (no recursion)".into(),
            );
            continue;
        }
        if let Some((_, primary)) = OFAC_COMPANIONS.iter().find(|(c, _)| *c == file_name) {
            // Read with its primary file, whose report lists it among its
            // companions with its counts: it is loaded, not skipped.
            if !dir.join(primary).exists() {
                skip(
                    &mut report,
                    path,
                    format!("an OFAC companion file without its primary file {primary}: not read"),
                );
            }
            continue;
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
        let r = imported.report;
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
        lists.extend(imported.lists);
    }
    report.count(&lists);
    Ok(Imported { lists, report })
}
