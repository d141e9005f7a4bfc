//! The designation lists bundled with the crate, compiled in from `lists/`.
//!
//! ```
//! let lists = vendor_screen::lists::bundled()?;
//! let ids: Vec<&str> = lists.iter().map(|l| l.meta.id.as_str()).collect();
//! assert_eq!(ids, ["ndaa-889", "fcc-covered", "dod-1260h", "ofac-ns-cmic"]);
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::error::Result;
use crate::list::{DesignationList, SourceFile, toml::parse_list};

/// The bundled list files: (file name, TOML text).
pub const BUNDLED_FILES: [(&str, &str); 4] = [
    ("ndaa-889.toml", include_str!("../lists/ndaa-889.toml")),
    (
        "fcc-covered.toml",
        include_str!("../lists/fcc-covered.toml"),
    ),
    ("dod-1260h.toml", include_str!("../lists/dod-1260h.toml")),
    (
        "ofac-ns-cmic.toml",
        include_str!("../lists/ofac-ns-cmic.toml"),
    ),
];

/// Parses the bundled lists. Needs no file at run time.
///
/// ```
/// let lists = vendor_screen::lists::bundled()?;
/// assert!(lists.iter().all(|l| !l.entities.is_empty()));
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn bundled() -> Result<Vec<DesignationList>> {
    BUNDLED_FILES
        .iter()
        .map(|(file, text)| {
            let name = format!("<bundled:lists/{file}>");
            let mut list = parse_list(text, &name)?;
            list.meta.source = Some(SourceFile::of(&name, "toml", text.as_bytes()));
            Ok(list)
        })
        .collect()
}
