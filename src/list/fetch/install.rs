//! Staging a download, loading it, and renaming it into the cache.

use super::error::FetchError;
use super::http::Got;
use super::{FetchOptions, Fetched, Outcome, Source, io};
use crate::list::Date;
use crate::list::load::{Format, load_path_with};
use crate::list::manifest::{Manifest, ManifestReport, rfc3339};
use crate::list::{LoadOptions, sha256_hex};
use std::path::{Path, PathBuf};

/// Writes `data` to `path` through a temporary file renamed over it.
pub(super) fn write_atomic(path: &Path, data: &[u8]) -> Result<(), FetchError> {
    let mut tmp = path.as_os_str().to_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, data).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

pub(super) fn stage_and_install(
    source: &Source,
    dir: &Path,
    staging: &Path,
    got: Vec<Got>,
    cached: Vec<Option<Manifest>>,
    now: u64,
    options: &FetchOptions,
) -> Result<Fetched, FetchError> {
    let mut manifests = Vec::new();
    for ((f, g), m) in source.files.iter().zip(got).zip(cached) {
        let staged = staging.join(&f.name);
        let manifest = match g {
            Got::New {
                body,
                etag,
                last_modified,
            } => {
                std::fs::write(&staged, &body).map_err(io(&staged))?;
                let mut m = Manifest::new(&f.url, &f.name, now, &body);
                m.etag = etag;
                m.last_modified = last_modified;
                m
            }
            Got::NotModified => {
                let from = dir.join(&f.name);
                std::fs::copy(&from, &staged).map_err(io(&from))?;
                let mut m = m.unwrap_or_else(|| Manifest::new(&f.url, &f.name, now, b""));
                m.checked = rfc3339(now);
                m
            }
        };
        manifests.push(manifest);
    }
    // The strict importer: a cut-off file or a page that is not the format
    // is an error; an HTML page, or a file the format keeps nothing of, too.
    let staged_primary = staging.join(&source.files[0].name);
    let imported = load_path_with(
        &staged_primary,
        Some(source.format),
        &LoadOptions::default().not_after(Some(Date::today())),
    )
    .map_err(|e| FetchError::Invalid {
        source_id: source.id.clone(),
        format: source.format.describe(),
        message: e.to_string(),
    })?;
    let entities = imported.report.kept();
    if entities == 0 {
        return Err(FetchError::Invalid {
            source_id: source.id.clone(),
            format: source.format.describe(),
            message: format!("no entity kept ({})", imported.report),
        });
    }
    let primary = dir.join(&source.files[0].name);
    let previous = previous_entities(&primary, source.format);
    if let Some(old) = previous {
        let floor = old as f64 * (1.0 - options.max_drop);
        if (entities as f64) < floor && !options.force {
            return Err(FetchError::Drop {
                source_id: source.id.clone(),
                old,
                new: entities,
                max_percent: options.max_drop * 100.0,
            });
        }
    }
    manifests[0].report = Some(ManifestReport::from(&imported.report));
    // Install: companions first, the primary last, each renamed into place
    // and followed by its manifest. The version replaced is kept as
    // NAME.previous (with its manifest), so a later run can tell what
    // changed (`Manifest::find_version`).
    for (f, m) in source.files.iter().zip(&manifests).rev() {
        let (from, to) = (staging.join(&f.name), dir.join(&f.name));
        let changed = std::fs::read(&to).map_or(true, |old| sha256_hex(&old) != m.sha256);
        if to.exists() && changed {
            let kept = Manifest::previous_of(&to);
            std::fs::rename(&to, &kept).map_err(io(&kept))?;
            let (old_m, new_m) = (Manifest::path_for(&to), Manifest::path_for(&kept));
            if old_m.exists() {
                std::fs::rename(&old_m, &new_m).map_err(io(&new_m))?;
            }
        }
        std::fs::rename(&from, &to).map_err(io(&to))?;
        write_atomic(&Manifest::path_for(&to), m.to_toml().as_bytes())?;
    }
    debug_assert!(manifests.iter().all(|m| !m.sha256.is_empty()));
    Ok(Fetched {
        source: source.id.clone(),
        outcome: Outcome::Updated { entities, previous },
        path: primary,
        manifests,
    })
}

/// Entities in the cached version: from its manifest's report, else by
/// loading it.
fn previous_entities(primary: &Path, format: Format) -> Option<usize> {
    let data = std::fs::read(primary).ok()?;
    if let Some(m) = Manifest::read_for(primary).ok().flatten() {
        if m.sha256 == sha256_hex(&data) {
            if let Some(r) = m.report {
                return Some(r.kept);
            }
        }
    }
    load_path_with(primary, Some(format), &LoadOptions::partial())
        .ok()
        .map(|i| i.report.kept())
}
