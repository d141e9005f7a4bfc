//! Loading a list file of any supported format, detected from its content or
//! forced (`FORMAT:PATH` on the command line).
//!
//! ```
//! use vendor_screen::list::load::{Format, load_path};
//! let imported = load_path("tests/fixtures/csl/sample-2025.csv".as_ref(), None)?;
//! assert_eq!(imported.report.format, "csl");
//! assert_eq!(Format::parse("ofac"), Some(Format::Ofac));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use super::report::{ImportReport, Imported};
use super::{Date, SourceFile};
use crate::error::{Error, Result};
use std::path::Path;

/// A list file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Our TOML list format.
    Toml,
    /// trade.gov Consolidated Screening List CSV.
    Csl,
    /// OFAC legacy CSV set (`sdn.csv` or `cons_prim.csv` with its companions).
    Ofac,
    /// BIS Denied Persons List, tab-delimited.
    Dpl,
}

impl Format {
    /// The format named `name` (`toml`, `csl`, `ofac`, `dpl`).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "toml" => Some(Format::Toml),
            "csl" => Some(Format::Csl),
            "ofac" | "sdn" => Some(Format::Ofac),
            "dpl" => Some(Format::Dpl),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes of a file.
    ///
    /// ```
    /// use vendor_screen::list::load::Format;
    /// assert_eq!(Format::detect(b"\"_id\",\"source\",\"entity_number\""), Some(Format::Csl));
    /// assert_eq!(Format::detect(b"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\""), Some(Format::Ofac));
    /// assert_eq!(Format::detect(b"[list]\nid = \"x\""), Some(Format::Toml));
    /// assert_eq!(Format::detect(b"\x00\x01binary"), None);
    /// ```
    pub fn detect(head: &[u8]) -> Option<Format> {
        let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or("").trim();
        let lower = first.to_ascii_lowercase();
        if lower.contains("source")
            && (lower.contains("name") || lower.contains("entity_number"))
            && first.contains(',')
        {
            return Some(Format::Csl);
        }
        if lower.starts_with("\"name\"\t") || lower.starts_with("name\t") {
            return Some(Format::Dpl);
        }
        if first
            .split(',')
            .next()
            .is_some_and(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
            && first.contains(",\"")
        {
            return Some(Format::Ofac);
        }
        let toml_like = text.lines().map(str::trim).any(|l| l == "[list]");
        toml_like.then_some(Format::Toml)
    }
}

/// Loads one list file (or, for [`Format::Toml`], a directory of them).
pub fn load_path(path: &Path, format: Option<Format>) -> Result<Imported> {
    let name = path.display().to_string();
    if path.is_dir() {
        if format.is_some_and(|f| f != Format::Toml) {
            return Err(Error::invalid(
                &name,
                None,
                "-",
                "a directory can only hold TOML lists",
            ));
        }
        let lists = super::toml::load_dir(path)?;
        let mut report = ImportReport::new(&name, "toml");
        report.read = lists.iter().map(|l| l.entities.len()).sum();
        report.count(&lists);
        return Ok(Imported { lists, report });
    }
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
                "unknown list format (expected TOML, CSL CSV, OFAC CSV or BIS DPL; force one with FORMAT:PATH)",
            ));
        }
    };
    let mut imported = match format {
        Format::Csl => super::csl::parse(&data, &name)?,
        Format::Ofac => super::ofac::load(path, &data)?,
        Format::Dpl => super::dpl::parse(&data, &name)?,
        Format::Toml => {
            let text = std::str::from_utf8(&data).map_err(|e| {
                let line = crate::error::line_of(&String::from_utf8_lossy(&data), e.valid_up_to());
                Error::invalid(&name, Some(line), "-", "invalid UTF-8")
            })?;
            let list = super::toml::parse_list(text, &name)?;
            let mut report = ImportReport::new(&name, "toml");
            report.read = list.entities.len();
            let lists = vec![list];
            report.count(&lists);
            Imported { lists, report }
        }
    };
    let source = SourceFile::of(&name, &imported.report.format, &data);
    for list in &mut imported.lists {
        if list.meta.source.is_none() {
            list.meta.source = Some(source.clone());
        }
    }
    note_undated_lists(&mut imported, path);
    Ok(imported)
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
