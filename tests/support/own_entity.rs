//! Listed names written otherwise, screened against their own file: each
//! must hit its own entity at the default threshold.

use vendor_screen::list::{Date, EntityKind, LoadOptions, NameKind, load};
use vendor_screen::{DEFAULT_THRESHOLD, ScreenerBuilder, Vendor};

/// Screens every organisation name of `files` (paths under
/// `../shared/data`; weak aliases aside) as
/// `vary` writes it, where it writes it otherwise, against its own file:
/// how many were screened, and each that missed its own entity at the
/// default threshold.
pub fn misses_when_written(
    files: &[&str],
    vary: impl Fn(&str) -> Option<String>,
) -> (usize, Vec<String>) {
    let as_of = Date::new(2026, 11, 22).unwrap();
    let (mut cases, mut misses) = (0, Vec::new());
    for f in files {
        let path = format!("../shared/data/{f}");
        let loaded = load::load_path_with(path.as_ref(), None, &LoadOptions::partial())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let screener = ScreenerBuilder::new()
            .lists(loaded.lists.clone())
            .build()
            .expect("builds");
        for e in loaded.lists.iter().flat_map(|l| &l.entities) {
            if e.kind == EntityKind::Individual {
                continue;
            }
            for (kind, name) in e.names() {
                if kind == NameKind::WeakAlias {
                    continue;
                }
                let Some(query) = vary(name) else {
                    continue;
                };
                cases += 1;
                let report = screener.screen(&Vendor::new(query.as_str()), as_of);
                let own = report.hits.iter().find(|h| h.entity_id == e.id);
                if own.is_none_or(|h| h.score < DEFAULT_THRESHOLD) {
                    misses.push(format!(
                        "{f}: {query:?} ~ {name:?}: {:?}",
                        own.map(|h| h.score)
                    ));
                }
            }
        }
    }
    (cases, misses)
}

/// [`misses_when_written`], printed as "N of M names `what` miss", and
/// held to none missing of more than `more_than` names written otherwise.
pub fn all_hit_their_entity(
    files: &[&str],
    vary: impl Fn(&str) -> Option<String>,
    what: &str,
    more_than: usize,
) {
    all_hit_but_known(files, vary, what, more_than, &[]);
}

/// [`all_hit_their_entity`], but for the names `known` to miss (each as
/// varied, with its reason beside the caller's list), which must still
/// miss: one found since is to be struck from the list.
pub fn all_hit_but_known(
    files: &[&str],
    vary: impl Fn(&str) -> Option<String>,
    what: &str,
    more_than: usize,
    known: &[&str],
) {
    let (cases, misses) = misses_when_written(files, vary);
    println!("{} of {cases} names {what} miss", misses.len());
    assert!(cases > more_than, "only {cases} names {what}");
    let is_known = |m: &String| known.iter().any(|k| m.contains(&format!("{k:?}")));
    let unknown: Vec<&String> = misses.iter().filter(|m| !is_known(m)).collect();
    assert!(
        unknown.is_empty(),
        "{}",
        unknown
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let found: Vec<&&str> = known
        .iter()
        .filter(|k| !misses.iter().any(|m| m.contains(&format!("{k:?}"))))
        .collect();
    assert!(
        found.is_empty(),
        "known misses found now, strike them: {found:?}"
    );
}
