//! Loading a list file of any supported format, detected from its content or
//! forced (`FORMAT:PATH` on the command line), or every list file of a
//! directory.
//!
//! ```
//! use vendor_screen::list::load::{Format, load_path};
//! let imported = load_path("tests/fixtures/csl/sample-2025.csv".as_ref(), None)?;
//! assert_eq!(imported.report.format, "csl");
//! assert_eq!(Format::parse("ofac"), Some(Format::Ofac));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

mod dir;
mod format;

pub use dir::load_dir;
pub use format::Format;
pub(crate) use format::OFAC_COMPANIONS;

use super::manifest::Manifest;
use super::report::{ImportReport, Imported};
use super::{AsOfBasis, Date, LoadOptions, SourceFile};
use crate::error::{Error, Result};
use std::path::Path;

/// Loads one list file, or every list file of a directory (see
/// [`load_dir`]), with the default options: a file cut off mid-record is an
/// error, and no entry may start after today.
pub fn load_path(path: &Path, format: Option<Format>) -> Result<Imported> {
    load_path_with(path, format, &LoadOptions::default())
}

/// [`load_path`] with options. An unset [`LoadOptions::not_after`] becomes
/// today's date.
///
/// ```
/// use vendor_screen::list::{LoadOptions, load::load_path_with};
/// let path = "../shared/data/csl/consolidated-2023-11-partial.csv".as_ref();
/// # if std::path::Path::new(path).exists() {
/// assert!(vendor_screen::list::load::load_path(path, None).is_err(), "cut off mid-record");
/// let i = load_path_with(path, None, &LoadOptions::partial())?;
/// assert_eq!(i.report.truncated.as_ref().map(|t| t.line), Some(4233));
/// # }
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn load_path_with(
    path: &Path,
    format: Option<Format>,
    options: &LoadOptions,
) -> Result<Imported> {
    let mut options = options.clone();
    if options.not_after.is_none() {
        options.not_after = Some(Date::today());
    }
    if path.is_dir() {
        return load_dir(path, format, &options);
    }
    load_file(path, format, &options)
}

/// Loads one file.
pub(crate) fn load_file(
    path: &Path,
    format: Option<Format>,
    options: &LoadOptions,
) -> Result<Imported> {
    let name = path.display().to_string();
    let data = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if data.is_empty() {
        return Err(Error::invalid(&name, Some(1), "-", "empty file"));
    }
    let format = match format.or_else(|| Format::detect(&data)) {
        Some(f) => f,
        None => {
            return Err(Error::invalid(
                &name,
                Some(1),
                "-",
                format!(
                    "unknown list format (tried {}; force one with FORMAT:PATH)",
                    Format::tried()
                ),
            ));
        }
    };
    // A fetch manifest beside the file, when it describes these bytes, says
    // when they were retrieved: no entry can start after that.
    let manifest = match Manifest::read_for(path)? {
        Some(m) if m.describes(&data) => Some(m),
        Some(_) => None,
        None => None,
    };
    let mut options = options.clone();
    if let Some(day) = manifest.as_ref().and_then(Manifest::retrieved_date) {
        options.not_after = Some(options.not_after.map_or(day, |d| d.min(day)));
    }
    let mut imported = parse_bytes(path, &name, &data, format, &options)?;
    let source = SourceFile::of(&name, &imported.report.format, &data);
    for list in &mut imported.lists {
        if list.meta.source.is_none() {
            list.meta.source = Some(source.clone());
        }
    }
    match manifest {
        Some(m) => date_by_manifest(&mut imported, &m),
        None => {
            if Manifest::path_for(path).exists() {
                imported.report.note(
                    1,
                    "manifest",
                    format!(
                        "{} does not describe this file (size or SHA-256 differs): ignored",
                        Manifest::path_for(path).display()
                    ),
                );
            }
            note_undated_lists(&mut imported, path);
        }
    }
    Ok(imported)
}

fn parse_bytes(
    path: &Path,
    name: &str,
    data: &[u8],
    format: Format,
    options: &LoadOptions,
) -> Result<Imported> {
    Ok(match format {
        Format::Csl => super::csl::parse_with(data, name, options)?,
        Format::Ofac => super::ofac::load(path, data, options)?,
        Format::Dpl => super::dpl::parse_with(data, name, options)?,
        Format::Mieu => super::mieu::parse_with(data, name, options)?,
        Format::Dod1260h => super::dod1260h::parse_with(data, name, options)?,
        Format::Fcc => super::fcc::parse_with(data, name, options)?,
        Format::Ndaa889 => super::ndaa889::parse_with(data, name, options)?,
        Format::Toml => {
            let text = std::str::from_utf8(data).map_err(|e| {
                let line = crate::error::line_of(&String::from_utf8_lossy(data), e.valid_up_to());
                Error::invalid(name, Some(line), "-", "invalid UTF-8")
            })?;
            let list = super::toml::parse_list(text, name)?;
            let mut report = ImportReport::new(name, "toml");
            report.read = list.entities.len();
            let lists = vec![list];
            report.count(&lists);
            Imported { lists, report }
        }
    })
}

/// A fetched file: the manifest's retrieval date is the as-of date of a
/// list whose content states none, and its check date the verification date.
fn date_by_manifest(imported: &mut Imported, m: &Manifest) {
    for list in &mut imported.lists {
        if list.meta.as_of.is_none() {
            list.meta.as_of = m.retrieved_date();
            list.meta.as_of_basis = AsOfBasis::Retrieved;
        }
        list.meta.verified = m.checked_date();
    }
}

/// Official files that state no date (OFAC's CSV set has none; a CSL or DPL
/// file without any dated entry) keep an unknown as-of date, which counts as
/// stale; the file's modification time is recorded as such
/// ([`super::ListMeta::file_modified`]) and the report says so.
fn note_undated_lists(imported: &mut Imported, path: &Path) {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| Date::from_days_since_epoch((d.as_secs() / 86_400) as i64));
    for list in &mut imported.lists {
        if list.meta.as_of.is_some() {
            continue;
        }
        list.meta.file_modified = modified;
        let when = match modified {
            Some(day) => format!("the file was modified on {day}, which is not an as-of date"),
            None => "the file's modification time is unreadable".to_string(),
        };
        let reason = format!(
            "{}: the file states no date; as-of date unknown ({when}); counted as stale",
            list.meta.id
        );
        imported.report.note(1, "as_of", reason);
    }
}
