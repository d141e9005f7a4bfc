//! Our own TOML list format (documented in `lists/README.md`).
//!
//! Loading is strict: an unknown field (a typo must not silently drop data), a
//! missing or empty name, a duplicate entity id, a relation to an unknown id
//! or a malformed date is an [`Error::Invalid`] naming the file, the line and
//! the field.
//!
//! ```
//! use vendor_screen::list::toml::parse_list;
//!
//! let text = r#"
//! [list]
//! id = "demo"
//! name = "Demo list"
//! authority = "Nobody"
//! legal_basis = "None"
//! effect = "None"
//! source_urls = []
//! as_of = "2026-01-01"
//! reach = "named_only"
//!
//! [[entity]]
//! id = "e1"
//! name = "Example Co."
//! citation = "Example notice"
//! start = "2026-13-01"
//! "#;
//! let err = parse_list(text, "demo.toml").unwrap_err().to_string();
//! assert!(err.starts_with("demo.toml:16: field `entity.start`"), "{err}");
//! ```

use super::{
    AsOfBasis, Category, Date, DesignationList, Entity, EntityKind, Identifier, ListMeta,
    OriginalName, Period, Reach, Relation, RelationKind,
};
use crate::error::{Error, Result, line_of};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use toml::Spanned;

type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    list: RawMeta,
    #[serde(default, rename = "entity")]
    entities: Vec<RawEntity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: S<String>,
    name: S<String>,
    authority: String,
    legal_basis: String,
    effect: String,
    source_urls: Vec<String>,
    as_of: S<String>,
    amended: Option<S<String>>,
    verified: Option<S<String>>,
    reach: Reach,
    #[serde(default)]
    categories: Vec<RawCategory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    description: String,
    added: Option<S<String>>,
    citation: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: S<String>,
    name: S<String>,
    #[serde(default)]
    aliases: Vec<S<String>>,
    #[serde(default)]
    weak_aliases: Vec<S<String>>,
    #[serde(default)]
    former_names: Vec<S<String>>,
    #[serde(default)]
    original_names: Vec<RawOriginal>,
    #[serde(default = "default_kind")]
    kind: EntityKind,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    addresses: Vec<String>,
    #[serde(default)]
    identifiers: Vec<RawIdentifier>,
    #[serde(default)]
    programs: Vec<String>,
    start: Option<S<String>>,
    end: Option<S<String>>,
    #[serde(default)]
    periods: Vec<RawPeriod>,
    #[serde(default)]
    relations: Vec<RawRelation>,
    citation: S<String>,
    notes: Option<String>,
}

fn default_kind() -> EntityKind {
    EntityKind::Organization
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    start: Option<S<String>>,
    end: Option<S<String>>,
    citation: Option<String>,
    action: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOriginal {
    name: S<String>,
    citation: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIdentifier {
    kind: String,
    value: String,
    country: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    kind: RelationKind,
    target: Option<S<String>>,
    name: Option<S<String>>,
    share: Option<S<f64>>,
    citation: Option<String>,
}

/// Parses one list from TOML text; `file` names it in errors.
///
/// ```
/// let text = include_str!("../../lists/ndaa-889.toml");
/// let list = vendor_screen::list::toml::parse_list(text, "ndaa-889.toml")?;
/// assert_eq!(list.meta.id, "ndaa-889");
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn parse_list(text: &str, file: &str) -> Result<DesignationList> {
    let raw: RawFile = ::toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        let message = e.message().trim().to_string();
        let field = field_in_message(&message)
            .or_else(|| line.and_then(|l| key_on_line(text, l)))
            .unwrap_or_else(|| "-".to_string());
        Error::invalid(file, line, field, message)
    })?;
    Checker { text, file }.build(raw)
}

/// Reads and parses one TOML list file.
///
/// ```no_run
/// let list = vendor_screen::list::toml::load_file("lists/ndaa-889.toml".as_ref())?;
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn load_file(path: &Path) -> Result<DesignationList> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path.display().to_string();
    let mut list = parse_list(&text, &name)?;
    list.meta.source = Some(super::SourceFile::of(&name, "toml", text.as_bytes()));
    Ok(list)
}

/// Loads every `*.toml` file in a directory (sorted by file name), skipping
/// `README`-like files that are not TOML.
///
/// ```no_run
/// let lists = vendor_screen::list::toml::load_dir("lists".as_ref())?;
/// assert!(!lists.is_empty());
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn load_dir(dir: &Path) -> Result<Vec<DesignationList>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            paths.push(path);
        }
    }
    paths.sort();
    paths.iter().map(|p| load_file(p)).collect()
}

/// The field a serde/toml message names, e.g. "unknown field `nmae`" gives `nmae`.
fn field_in_message(message: &str) -> Option<String> {
    message
        .split('`')
        .nth(1)
        .filter(|_| message.contains("field"))
        .map(str::to_string)
}

/// The key assigned on a 1-based line (`reach = "x"` gives `reach`).
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let (key, _) = text.lines().nth(line.checked_sub(1)?)?.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_string())
}

struct Checker<'a> {
    text: &'a str,
    file: &'a str,
}

impl Checker<'_> {
    fn err<T>(&self, spanned: &S<T>, field: &str, message: impl Into<String>) -> Error {
        Error::invalid(
            self.file,
            Some(line_of(self.text, spanned.span().start)),
            field,
            message,
        )
    }

    fn date(&self, raw: &S<String>, field: &str) -> Result<Date> {
        raw.get_ref()
            .parse()
            .map_err(|m: String| self.err(raw, field, m))
    }

    fn opt_date(&self, raw: &Option<S<String>>, field: &str) -> Result<Option<Date>> {
        raw.as_ref().map(|d| self.date(d, field)).transpose()
    }

    fn period(
        &self,
        start: &Option<S<String>>,
        end: &Option<S<String>>,
        field: &str,
        citation: Option<String>,
        action: Option<String>,
    ) -> Result<Period> {
        let s = self.opt_date(start, &format!("{field}.start"))?;
        let en = self.opt_date(end, &format!("{field}.end"))?;
        if let (Some(s), Some(en), Some(raw_end)) = (s, en, end) {
            if en < s {
                return Err(self.err(
                    raw_end,
                    &format!("{field}.end"),
                    format!("end {en} is before start {s}"),
                ));
            }
        }
        Ok(Period {
            start: s,
            end: en,
            citation,
            action,
        })
    }

    fn non_empty(&self, raw: &S<String>, field: &str) -> Result<String> {
        let value = raw.get_ref().trim();
        if value.is_empty() {
            return Err(self.err(raw, field, "must not be empty"));
        }
        Ok(value.to_string())
    }

    fn names(&self, raw: &[S<String>], field: &str) -> Result<Vec<String>> {
        raw.iter().map(|n| self.non_empty(n, field)).collect()
    }

    fn build(&self, raw: RawFile) -> Result<DesignationList> {
        let meta = ListMeta {
            authority: raw.list.authority,
            legal_basis: raw.list.legal_basis,
            effect: raw.list.effect,
            source_urls: raw.list.source_urls,
            as_of: Some(self.date(&raw.list.as_of, "list.as_of")?),
            as_of_basis: AsOfBasis::Stated,
            amended: self.opt_date(&raw.list.amended, "list.amended")?,
            verified: self.opt_date(&raw.list.verified, "list.verified")?,
            reach: raw.list.reach,
            categories: raw
                .list
                .categories
                .into_iter()
                .map(|c| {
                    Ok(Category {
                        added: self.opt_date(&c.added, "list.categories.added")?,
                        description: c.description,
                        citation: c.citation,
                    })
                })
                .collect::<Result<_>>()?,
            ..ListMeta::new(
                &self.non_empty(&raw.list.id, "list.id")?,
                &self.non_empty(&raw.list.name, "list.name")?,
            )
        };

        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, e) in raw.entities.iter().enumerate() {
            let id = self.non_empty(&e.id, "entity.id")?;
            if let Some(first) = seen.insert(id.clone(), i) {
                let first_line = line_of(self.text, raw.entities[first].id.span().start);
                return Err(self.err(
                    &e.id,
                    "entity.id",
                    format!("duplicate entity id `{id}` (first used on line {first_line})"),
                ));
            }
        }

        let mut entities = Vec::with_capacity(raw.entities.len());
        for e in &raw.entities {
            entities.push(self.entity(e, &raw.entities, &seen)?);
        }
        Ok(DesignationList { meta, entities })
    }

    fn entity(
        &self,
        e: &RawEntity,
        all: &[RawEntity],
        ids: &HashMap<String, usize>,
    ) -> Result<Entity> {
        let relations = e
            .relations
            .iter()
            .map(|r| self.relation(e, r, all, ids))
            .collect::<Result<Vec<_>>>()?;
        let periods = self.periods(e)?;
        Ok(Entity {
            id: e.id.get_ref().trim().to_string(),
            name: self.non_empty(&e.name, "entity.name")?,
            aliases: self.names(&e.aliases, "entity.aliases")?,
            weak_aliases: self.names(&e.weak_aliases, "entity.weak_aliases")?,
            former_names: self.names(&e.former_names, "entity.former_names")?,
            original_names: e
                .original_names
                .iter()
                .map(|o| {
                    Ok(OriginalName {
                        name: self.non_empty(&o.name, "entity.original_names.name")?,
                        citation: o.citation.clone(),
                    })
                })
                .collect::<Result<_>>()?,
            kind: e.kind,
            countries: e.countries.clone(),
            addresses: e.addresses.clone(),
            identifiers: e
                .identifiers
                .iter()
                .map(|i| Identifier {
                    kind: i.kind.clone(),
                    value: i.value.clone(),
                    country: i.country.clone(),
                })
                .collect(),
            programs: e.programs.clone(),
            periods,
            relations,
            citation: self.non_empty(&e.citation, "entity.citation")?,
            notes: e.notes.clone(),
        })
    }

    /// A relation of entity `e`: its target an id of the file (`ids`, into
    /// `all`) and/or a name, its share a percentage.
    fn relation(
        &self,
        e: &RawEntity,
        r: &RawRelation,
        all: &[RawEntity],
        ids: &HashMap<String, usize>,
    ) -> Result<Relation> {
        let target = match &r.target {
            Some(t) => {
                let Some(&idx) = ids.get(t.get_ref().trim()) else {
                    return Err(self.err(
                        t,
                        "entity.relations.target",
                        format!(
                            "relation to unknown entity id `{}`",
                            super::rows::escape_control(t.get_ref())
                        ),
                    ));
                };
                Some((t.get_ref().trim().to_string(), idx))
            }
            None => None,
        };
        let name = match (&r.name, &target) {
            (Some(n), _) => self.non_empty(n, "entity.relations.name")?,
            (None, Some((_, idx))) => all[*idx].name.get_ref().trim().to_string(),
            (None, None) => {
                return Err(self.err(
                    &e.id,
                    "entity.relations",
                    "a relation needs a `target` id or a `name`",
                ));
            }
        };
        if let Some(share) = &r.share {
            let v = *share.get_ref();
            if !(0.0..=100.0).contains(&v) {
                return Err(self.err(
                    share,
                    "entity.relations.share",
                    format!("share {v} is not a percentage between 0 and 100"),
                ));
            }
        }
        Ok(Relation {
            kind: r.kind,
            target: target.map(|(id, _)| id),
            name,
            share: r.share.as_ref().map(|s| *s.get_ref()),
            citation: r.citation.clone(),
        })
    }

    /// The listing periods of entity `e`: `start`/`end` or its
    /// `[[entity.periods]]`, not both.
    fn periods(&self, e: &RawEntity) -> Result<Vec<Period>> {
        let mut periods = Vec::with_capacity(e.periods.len().max(1));
        if e.start.is_some() || e.end.is_some() {
            if !e.periods.is_empty() {
                return Err(self.err(
                    &e.id,
                    "entity.periods",
                    "give either `start`/`end` or `[[entity.periods]]`, not both",
                ));
            }
            periods.push(self.period(&e.start, &e.end, "entity", None, None)?);
        }
        for p in &e.periods {
            periods.push(self.period(
                &p.start,
                &p.end,
                "entity.periods",
                p.citation.clone(),
                p.action.clone(),
            )?);
        }
        Ok(periods)
    }
}
