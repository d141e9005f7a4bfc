//! NDAA FY2019 §889 companies as a CSV (`ndaa889`): `schema, name, aliases,
//! topics, program, authority, reason, report-date, start-date, end-date,
//! country, notes, source_url`, one row per named company. The statute names
//! them "or any subsidiary or affiliate of such entities".
//!
//! ```
//! let data = b"schema,name,aliases,topics,program,authority,reason,report-date,start-date,end-date,country,notes,source_url\nCompany,ZTE Corporation,,debarment,Section 889,United States Congress,,,,,,,https://www.congress.gov/115/plaws/publ232/PLAW-115publ232.pdf\n";
//! let i = vendor_screen::list::ndaa889::parse(data, "section_889.csv")?;
//! assert_eq!(i.lists[0].entities[0].name, "ZTE Corporation");
//! assert!(i.lists[0].meta.as_of.is_none(), "the file states no date");
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use super::report::{ImportReport, Imported};
use super::rows::Table;
use super::{AsOfBasis, Date, DesignationList, Entity, ListMeta, LoadOptions, Period, Reach};
use crate::error::Result;

/// The header that identifies the format.
pub const HEADER: [&str; 13] = [
    "schema",
    "name",
    "aliases",
    "topics",
    "program",
    "authority",
    "reason",
    "report-date",
    "start-date",
    "end-date",
    "country",
    "notes",
    "source_url",
];

/// Parses `section_889.csv` (a file cut off mid-record is an error).
pub fn parse(data: &[u8], file: &str) -> Result<Imported> {
    parse_with(data, file, &LoadOptions::default())
}

/// Parses `section_889.csv` with options.
pub fn parse_with(data: &[u8], file: &str, options: &LoadOptions) -> Result<Imported> {
    let mut report = ImportReport::new(file, "ndaa889");
    let t = Table::read(data, b',', &mut report, options, 1)?;
    let c = |n: &str| t.column(file, n);
    let (name, aliases, program, start, end) = (
        c("name")?,
        c("aliases")?,
        c("program")?,
        c("start-date")?,
        c("end-date")?,
    );
    let (country, url) = (c("country")?, c("source_url")?);
    let mut entities: Vec<Entity> = Vec::new();
    let mut latest: Option<Date> = None;
    for (line, f) in &t.records {
        if f[name].is_empty() {
            report.reject(*line, "name", "empty name");
            continue;
        }
        let mut date = |col: usize, field: &str, start: bool| {
            options.date_cell(&f[col], start, (*line, field), &mut report)
        };
        let (s, e) = (
            date(start, "start-date", true),
            date(end, "end-date", false),
        );
        if let Some(s) = s {
            latest = Some(latest.map_or(s, |l: Date| l.max(s)));
        }
        let citation = match (f[program].as_str(), f[url].as_str()) {
            ("", u) => format!("Pub. L. 115-232 §889: {u}"),
            (p, "") => p.to_string(),
            (p, u) => format!("{p}: {u}"),
        };
        let mut entity = Entity::new(
            &super::stable_id(&[&f[name]]),
            &f[name].split_whitespace().collect::<Vec<_>>().join(" "),
            &citation,
        );
        entity.aliases = f[aliases]
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect();
        if !f[country].is_empty() {
            entity.countries.push(f[country].clone());
        }
        if s.is_some() || e.is_some() {
            entity.periods.push(Period::new(s, e));
        }
        entities.push(entity);
    }
    let lists = vec![DesignationList {
        meta: ListMeta {
            authority: "United States Congress".to_string(),
            legal_basis: "Section 889(f)(3) of the John S. McCain National Defense Authorization Act for Fiscal Year 2019, Pub. L. 115-232".to_string(),
            effect: "Executive agencies may not procure covered telecommunications equipment or services from these companies or their subsidiaries and affiliates.".to_string(),
            source_urls: vec!["https://www.congress.gov/115/plaws/publ232/PLAW-115publ232.pdf".to_string()],
            as_of: latest,
            as_of_basis: AsOfBasis::of_latest_entry(latest),
            reach: Reach::SubsidiariesAndAffiliates,
            ..ListMeta::new("ndaa-889-csv", "NDAA FY2019 §889 companies (CSV)")
        },
        entities,
    }];
    report.count(&lists);
    Ok(Imported { lists, report })
}
