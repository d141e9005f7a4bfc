//! Which lists to screen against, loaded from their specs, with one
//! summary line of their age and import notes.
//!
//! A spec is `bundled` (the lists compiled into the crate), a path (a TOML
//! list, a directory of them, or an official file whose format is
//! detected), or `FORMAT:PATH` forcing one (`toml`, `csl`, `ofac`, `dpl`).
//! Lists given are added to the bundled ones unless those are left out.
//!
//! ```
//! use vendor_screen::sources::{ListSpec, load_lists};
//! let specs: Vec<ListSpec> = vec!["tests/fixtures/csl/sample-2025.csv".parse()?];
//! let loaded = load_lists(&specs, true)?;
//! assert!(loaded.lists.iter().any(|l| l.meta.id == "ndaa-889"), "bundled kept");
//! assert!(loaded.lists.iter().any(|l| l.meta.id == "csl-el"));
//! let only = load_lists(&specs, false)?;
//! assert!(!only.lists.iter().any(|l| l.meta.id == "ndaa-889"));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::error::{Error, Result, escape_controls};
use crate::list::load::{Format, load_path_with};
use crate::list::{Date, DesignationList, ImportReport, ListMeta, LoadOptions};
use std::path::PathBuf;
use std::str::FromStr;

/// Where lists come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListSpec {
    /// The lists bundled with the crate.
    Bundled,
    /// A file or directory, with its format forced or detected.
    Path {
        /// The path.
        path: PathBuf,
        /// The format, when forced.
        format: Option<Format>,
    },
}

impl ListSpec {
    /// Parses every spec.
    pub fn parse_all(specs: &[String]) -> Result<Vec<ListSpec>> {
        specs.iter().map(|s| s.parse()).collect()
    }
}

impl FromStr for ListSpec {
    type Err = Error;

    /// ```
    /// use vendor_screen::sources::ListSpec;
    /// use vendor_screen::list::load::Format;
    /// assert_eq!("bundled".parse::<ListSpec>()?, ListSpec::Bundled);
    /// assert!(matches!("csl:x.csv".parse::<ListSpec>()?, ListSpec::Path { format: Some(Format::Csl), .. }));
    /// assert!(matches!("C:/lists/x.csv".parse::<ListSpec>()?, ListSpec::Path { format: None, .. }));
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<ListSpec> {
        if s.is_empty() {
            return Err(Error::Argument {
                name: "list".into(),
                message: "empty path".into(),
            });
        }
        if s == "bundled" {
            return Ok(ListSpec::Bundled);
        }
        Ok(match s.split_once(':') {
            Some((f, p)) if Format::parse(f).is_some() => ListSpec::Path {
                path: PathBuf::from(p),
                format: Format::parse(f),
            },
            _ => ListSpec::Path {
                path: PathBuf::from(s),
                format: None,
            },
        })
    }
}

/// Lists loaded from specs, with what each imported file reported.
#[derive(Debug, Clone)]
pub struct LoadedLists {
    /// The lists, bundled ones first.
    pub lists: Vec<DesignationList>,
    /// Ids of the bundled lists among them.
    pub bundled: Vec<String>,
    /// One report per file loaded.
    pub imports: Vec<ImportReport>,
    /// Bundled lists replaced by a loaded list of the same id: (id, file).
    pub replaced: Vec<(String, String)>,
}

/// Loads the bundled lists (when `with_bundled`, or when a spec names them)
/// and every spec's lists, with the default [`LoadOptions`] (a file cut off
/// mid-record is an error). A loaded list with the id of a bundled list (a
/// newer copy of it) takes its place, and [`LoadedLists::replaced`] says so.
pub fn load_lists(specs: &[ListSpec], with_bundled: bool) -> Result<LoadedLists> {
    load_lists_with(specs, with_bundled, &LoadOptions::default())
}

/// [`load_lists`] with these options for every file (`LoadOptions::partial()`
/// keeps the records before the cut of a file cut off mid-record).
///
/// ```
/// use vendor_screen::sources::{ListSpec, load_lists, load_lists_with};
/// use vendor_screen::list::LoadOptions;
/// let cut: Vec<ListSpec> = vec!["../shared/data/csl/consolidated-2023-11-partial.csv".parse()?];
/// # if std::path::Path::new("../shared/data").exists() {
/// assert!(load_lists(&cut, true).is_err());
/// let loaded = load_lists_with(&cut, true, &LoadOptions::partial())?;
/// assert!(loaded.summary(vendor_screen::list::Date::new(2026, 11, 22).unwrap(), 90)
///     .is_some_and(|s| s.contains("cut off at line 4233")));
/// # }
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn load_lists_with(
    specs: &[ListSpec],
    with_bundled: bool,
    options: &LoadOptions,
) -> Result<LoadedLists> {
    let mut out = LoadedLists {
        lists: Vec::new(),
        bundled: Vec::new(),
        imports: Vec::new(),
        replaced: Vec::new(),
    };
    if with_bundled || specs.contains(&ListSpec::Bundled) {
        let bundled = crate::lists::bundled()?;
        out.bundled = bundled.iter().map(|l| l.meta.id.clone()).collect();
        out.lists.extend(bundled);
    }
    for spec in specs {
        if let ListSpec::Path { path, format } = spec {
            let imported = load_path_with(path, *format, options)?;
            for list in imported.lists {
                // A newer copy of a bundled list replaces it.
                let bundled = out.bundled.iter().position(|b| *b == list.meta.id);
                match bundled.and_then(|_| out.lists.iter().position(|l| l.meta.id == list.meta.id))
                {
                    Some(i) => {
                        out.replaced
                            .push((list.meta.id.clone(), imported.report.file.clone()));
                        out.bundled.retain(|b| *b != list.meta.id);
                        out.lists[i] = list;
                    }
                    None => out.lists.push(list),
                }
            }
            out.imports.push(imported.report);
        }
    }
    if out.lists.is_empty() {
        return Err(Error::Argument {
            name: "list".into(),
            message: "no list to screen against (the bundled lists were left out and no --list was given)".into(),
        });
    }
    Ok(out)
}

/// A list older than the age allowed.
#[derive(Debug, Clone, PartialEq)]
pub struct StaleList<'a> {
    /// The list.
    pub meta: &'a ListMeta,
    /// Days from the date it was last verified (else its as-of date) to the
    /// day checked; `None` when neither date is known.
    pub age_days: Option<i64>,
}

/// The lists more than `max_age_days` old on `on`, counting from when each
/// was last verified against its source, else from its as-of date; a list
/// of unknown date counts as stale ([`ListMeta::is_stale`]).
///
/// ```
/// use vendor_screen::sources::stale_lists;
/// use vendor_screen::list::Date;
/// let lists = vendor_screen::lists::bundled()?;
/// let far = Date::new(2040, 1, 1).unwrap();
/// assert_eq!(stale_lists(&lists, far, 90).len(), lists.len());
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn stale_lists(lists: &[DesignationList], on: Date, max_age_days: i64) -> Vec<StaleList<'_>> {
    lists
        .iter()
        .filter(|l| l.meta.is_stale(on, max_age_days))
        .map(|l| StaleList {
            meta: &l.meta,
            age_days: l.meta.age_days(on),
        })
        .collect()
}

/// `1234567` as `1,234,567`.
pub(crate) fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn file_name(path: &str) -> String {
    let name = std::path::Path::new(path)
        .file_name()
        .map_or(path.to_string(), |f| f.to_string_lossy().into_owned());
    escape_controls(&name).into_owned()
}

impl LoadedLists {
    /// One line saying what a reviewer should know about the lists: stale
    /// ones and, per imported file, what was kept and rejected; `None` when
    /// there is nothing to say.
    ///
    /// ```
    /// use vendor_screen::sources::{ListSpec, load_lists};
    /// use vendor_screen::list::Date;
    /// let specs: Vec<ListSpec> = vec!["tests/fixtures/csl/sample-2025.csv".parse()?];
    /// let loaded = load_lists(&specs, false)?;
    /// let line = loaded.summary(Date::new(2026, 11, 22).unwrap(), 90).unwrap();
    /// assert!(line.starts_with("lists: sample-2025.csv: "), "{line}");
    /// assert!(line.ends_with("details with --verbose"), "{line}");
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn summary(&self, on: Date, max_age_days: i64) -> Option<String> {
        let stale = stale_lists(&self.lists, on, max_age_days);
        let is_bundled = |id: &str| self.bundled.iter().any(|b| b == id);
        let mut parts = Vec::new();
        let stale_bundled = stale.iter().filter(|s| is_bundled(&s.meta.id)).count();
        if stale_bundled > 0 {
            parts.push(format!(
                "{stale_bundled} bundled list{} older than {max_age_days} days",
                if stale_bundled == 1 { "" } else { "s" }
            ));
        }
        for r in &self.imports {
            let ids: Vec<&str> = r.kept_per_list.iter().map(|(id, _)| id.as_str()).collect();
            let old = stale
                .iter()
                .filter(|s| ids.contains(&s.meta.id.as_str()))
                .count();
            let mut part = format!(
                "{}: {} kept, {} rejected",
                file_name(&r.file),
                thousands(r.kept()),
                thousands(r.rejected.len())
            );
            if let Some(t) = &r.truncated {
                part.push_str(&format!(", cut off at line {}", t.line));
            }
            if !r.skipped_files.is_empty() {
                let n = r.skipped_files.len();
                part.push_str(&format!(
                    ", {n} file{} not loaded",
                    if n == 1 { "" } else { "s" }
                ));
            }
            if !r.notes.is_empty() {
                let n = r.notes.len();
                part.push_str(&format!(
                    ", {} note{}",
                    thousands(n),
                    if n == 1 { "" } else { "s" }
                ));
            }
            let replaced: Vec<&str> = self
                .replaced
                .iter()
                .filter(|(_, f)| *f == r.file)
                .map(|(id, _)| id.as_str())
                .collect();
            if !replaced.is_empty() {
                part.push_str(&format!(", replacing bundled {}", replaced.join(", ")));
            }
            if old > 0 {
                part.push_str(&format!(
                    ", {old} of {} lists older than {max_age_days} days",
                    ids.len()
                ));
            }
            parts.push(part);
        }
        if parts.is_empty() {
            return None;
        }
        Some(format!(
            "lists: {}; details with --verbose",
            parts.join("; ")
        ))
    }

    /// Records rejected across every imported file.
    pub fn rejected(&self) -> usize {
        self.imports.iter().map(|r| r.rejected.len()).sum()
    }

    /// What to tell the user about the lists: every detail when `verbose`,
    /// else the one summary line (or nothing).
    pub fn report_lines(&self, verbose: bool, on: Date, max_age_days: i64) -> Vec<String> {
        if verbose {
            self.details(on, max_age_days)
        } else {
            self.summary(on, max_age_days).into_iter().collect()
        }
    }

    /// Every detail the summary leaves out, one line each: lists per file,
    /// rejected records, notes, stale lists.
    pub fn details(&self, on: Date, max_age_days: i64) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.imports {
            let file = file_name(&r.file);
            for (id, n) in &r.kept_per_list {
                out.push(format!(
                    "loaded {id} from {file}: {} entities",
                    thousands(*n)
                ));
            }
            out.push(escape_controls(&r.to_string()).into_owned());
            for x in &r.rejected {
                out.push(format!("rejected {}", escape_controls(&x.to_string())));
            }
            for x in &r.notes {
                out.push(format!("note {}", escape_controls(&x.to_string())));
            }
            for x in &r.skipped_files {
                out.push(format!("not loaded {}", escape_controls(&x.to_string())));
            }
        }
        for s in stale_lists(&self.lists, on, max_age_days) {
            let age = match s.age_days {
                Some(days) => format!("{days} days old"),
                None => "of unknown age".to_string(),
            };
            out.push(format!(
                "warning: list {} is {age} ({}), more than {max_age_days} days",
                s.meta.id,
                s.meta.dates_text()
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_separators() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(4226), "4,226");
        assert_eq!(super::thousands(1234567), "1,234,567");
    }
}
