//! An earlier run's JSON Lines, as `screen --since` reads them: the
//! vendor, its hits and the lists it was screened against.

use super::EntityKey;
use crate::error::{Error, Result};
use crate::list::{Date, DesignationList};
use crate::screen::Status;

/// A hit as an earlier run's JSON line states it (the fields `--since`
/// needs; others are ignored).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct EarlierHit {
    /// The list id.
    pub list: String,
    /// The entity id.
    pub entity_id: String,
    /// The entity's name.
    #[serde(default)]
    pub entity_name: String,
    /// Its status then.
    pub status: Status,
    /// How it was reached (`kind`, and for a relation the entity matched).
    #[serde(default)]
    pub via: Option<EarlierVia>,
}

/// The `via` of an earlier hit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct EarlierVia {
    /// `self`, `alias`, `parent` or `relation`.
    pub kind: String,
    /// For a relation: the entity the vendor matched.
    #[serde(default)]
    pub entity_id: Option<String>,
}

/// The keys of an earlier run's hits (see [`super::Rescreener::keys`]).
pub fn earlier_keys(hits: &[EarlierHit]) -> Vec<EntityKey> {
    let mut keys = Vec::new();
    for h in hits {
        keys.push((h.list.clone(), h.entity_id.clone()));
        if let Some(id) = h.via.as_ref().and_then(|v| v.entity_id.clone()) {
            keys.push((h.list.clone(), id));
        }
    }
    keys
}

/// A list as an earlier run's JSON line names it (`lists`): its id and,
/// when the run recorded them, its source file and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
pub struct EarlierList {
    /// The list id.
    pub id: String,
    /// The file it was read from.
    #[serde(default, alias = "source_file", alias = "source")]
    pub file: Option<String>,
    /// SHA-256 of the file's bytes.
    #[serde(default)]
    pub sha256: Option<String>,
}

/// The vendor an earlier JSON line is about.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
pub struct EarlierInput {
    /// The vendor's id, when the input had one.
    #[serde(default)]
    pub id: Option<String>,
    /// Its name.
    pub name: String,
}

/// One line of an earlier run's JSON Lines output (the fields `--since`
/// needs; others are ignored).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct EarlierLine {
    /// The vendor.
    pub input: EarlierInput,
    /// The date it was screened as of.
    pub as_of: Date,
    /// The threshold of that run, when recorded.
    #[serde(default)]
    pub threshold: Option<f64>,
    /// The lists it was screened against.
    #[serde(default)]
    pub lists: Vec<EarlierList>,
    /// Its hits.
    #[serde(default)]
    pub hits: Vec<EarlierHit>,
    /// Its identifier hits (read as hits: their list, entity and status).
    #[serde(default)]
    pub identifier_hits: Vec<EarlierHit>,
}

/// The lists an earlier run screened against, as far as they can be found:
/// a list whose source SHA-256 is that of the current list is the current
/// one; otherwise the earlier bytes are looked for where the run read them
/// (the file, or the version the fetch cache kept beside it,
/// [`crate::list::manifest::Manifest::find_version`]). A list found nowhere
/// is left out, so [`super::Rescreener`] counts all its entities as new. So is a
/// list read from a set of files (OFAC's primary file with its alias,
/// address and comments files): one SHA-256 cannot say the set is the same.
pub fn earlier_lists(earlier: &[EarlierList], current: &[DesignationList]) -> Vec<DesignationList> {
    use crate::list::LoadOptions;
    use crate::list::load::load_path_with;
    use crate::list::manifest::Manifest;
    let mut out: Vec<DesignationList> = Vec::new();
    for e in earlier {
        if out.iter().any(|l| l.meta.id == e.id) {
            continue;
        }
        let current_source = current
            .iter()
            .find(|l| l.meta.id == e.id)
            .and_then(|l| l.meta.source.as_ref());
        if current_source.is_some_and(|s| !s.companions.is_empty()) {
            continue;
        }
        let same = current.iter().find(|l| {
            l.meta.id == e.id
                && e.sha256.is_some()
                && l.meta.source.as_ref().map(|s| &s.sha256) == e.sha256.as_ref()
        });
        if let Some(l) = same {
            out.push(l.clone());
            continue;
        }
        let (Some(file), Some(sha)) = (&e.file, &e.sha256) else {
            continue;
        };
        let Some(path) = Manifest::find_version(std::path::Path::new(file), sha) else {
            continue;
        };
        if let Ok(i) = load_path_with(&path, None, &LoadOptions::partial()) {
            out.extend(i.lists.into_iter().filter(|l| l.meta.id == e.id));
        }
    }
    out
}

/// Reads an earlier run's JSON Lines (`screen --json`); `file` names it in
/// errors, with the line that is not a JSON line of a run.
///
/// ```
/// use vendor_screen::rescreen::read_earlier;
/// let text = r#"{"input":{"name":"Acme"},"as_of":"2026-11-01","threshold":0.85,"hits":[]}"#;
/// let lines = read_earlier(text, "run.jsonl")?;
/// assert_eq!(lines[0].input.name, "Acme");
/// assert!(read_earlier("{}", "run.jsonl").unwrap_err().to_string().contains("run.jsonl:1"));
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn read_earlier(text: &str, file: &str) -> Result<Vec<EarlierLine>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l = serde_json::from_str(line).map_err(|e| Error::Invalid {
            file: file.to_string(),
            line: Some(i + 1),
            field: "-".to_string(),
            message: format!("not a line of a JSON run: {e}"),
        })?;
        out.push(l);
    }
    Ok(out)
}

/// An earlier run is compared at its own threshold: a different one would
/// report hits that only the threshold made or removed.
///
/// ```
/// use vendor_screen::rescreen::{check_threshold, read_earlier};
/// let earlier = read_earlier(r#"{"input":{"name":"Acme"},"as_of":"2026-11-01","threshold":0.85}"#, "run.jsonl")?;
/// assert!(check_threshold(&earlier, 0.85).is_ok());
/// assert!(check_threshold(&earlier, 0.9).is_err());
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn check_threshold(earlier: &[EarlierLine], threshold: f64) -> Result<()> {
    match earlier.first().and_then(|l| l.threshold) {
        Some(t) if (t - threshold).abs() > 1e-9 => Err(Error::Argument {
            name: "--since".to_string(),
            message: format!(
                "the earlier run used threshold {t}, this one {threshold}; give --threshold {t}"
            ),
        }),
        _ => Ok(()),
    }
}
