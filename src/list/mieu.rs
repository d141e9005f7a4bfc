//! BIS Military-Intelligence End Users, EAR §744.22(f)(2) (`mieu`), as
//! transcribed in `mieu.csv`: `Type, Name, Alias, Country, Topics, Program,
//! Date, End date, Source URL`, one row per end user.
//!
//! ```
//! let data = b"Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\nOrganization,Directorate of Military Intelligence,DIM,CU,export.control,US-BIS-MIEU,2021-03-16,,https://www.federalregister.gov/d/2021-00977\n";
//! let i = vendor_screen::list::mieu::parse(data, "mieu.csv")?;
//! let e = &i.lists[0].entities[0];
//! assert_eq!((e.name.as_str(), e.aliases[0].as_str()), ("Directorate of Military Intelligence", "DIM"));
//! assert_eq!(i.lists[0].meta.as_of.map(|d| d.to_string()).as_deref(), Some("2021-03-16"));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use super::report::{ImportReport, Imported};
use super::rows::Table;
use super::{AsOfBasis, Date, DesignationList, Entity, ListMeta, LoadOptions, Period, Reach};
use crate::error::Result;

/// The header that identifies the format.
pub const HEADER: [&str; 9] = [
    "Type",
    "Name",
    "Alias",
    "Country",
    "Topics",
    "Program",
    "Date",
    "End date",
    "Source URL",
];

/// Parses `mieu.csv` (a file cut off mid-record is an error).
pub fn parse(data: &[u8], file: &str) -> Result<Imported> {
    parse_with(data, file, &LoadOptions::default())
}

/// Parses `mieu.csv` with options.
pub fn parse_with(data: &[u8], file: &str, options: &LoadOptions) -> Result<Imported> {
    let mut report = ImportReport::new(file, "mieu");
    let t = Table::read(data, b',', &mut report, options, 1)?;
    let c = |n: &str| t.column(file, n);
    let (kind, name, alias, country) = (c("Type")?, c("Name")?, c("Alias")?, c("Country")?);
    let (program, start, end, url) = (c("Program")?, c("Date")?, c("End date")?, c("Source URL")?);
    let mut entities: Vec<Entity> = Vec::new();
    let mut latest: Option<Date> = None;
    for (line, f) in &t.records {
        if f[name].is_empty() {
            report.reject(*line, "Name", "empty name");
            continue;
        }
        let mut date = |col: usize, field: &str, start: bool| {
            options.date_cell(&f[col], start, (*line, field), &mut report)
        };
        let (s, e) = (date(start, "Date", true), date(end, "End date", false));
        if let Some(s) = s {
            latest = Some(latest.map_or(s, |l: Date| l.max(s)));
        }
        let citation = match f[url].as_str() {
            "" => "BIS Military-Intelligence End User List, EAR §744.22(f)(2)".to_string(),
            u => format!("BIS Military-Intelligence End User List, EAR §744.22(f)(2): {u}"),
        };
        let mut entity = Entity::new(
            &super::stable_id(&[&f[name], &f[country]]),
            &f[name].split_whitespace().collect::<Vec<_>>().join(" "),
            &citation,
        );
        if !f[alias].is_empty() {
            entity.aliases.push(f[alias].clone());
        }
        if !f[country].is_empty() {
            entity.countries.push(f[country].clone());
        }
        if !f[program].is_empty() {
            entity.programs.push(f[program].clone());
        }
        if !f[kind].eq_ignore_ascii_case("organization") && !f[kind].is_empty() {
            entity.notes = Some(format!("type: {}", f[kind]));
        }
        if s.is_some() || e.is_some() {
            entity.periods.push(Period {
                start: s,
                end: e,
                citation: (!f[url].is_empty()).then(|| f[url].clone()),
                action: None,
            });
        }
        entities.push(entity);
    }
    let lists = vec![DesignationList {
        meta: ListMeta {
            authority: "US Department of Commerce, Bureau of Industry and Security".to_string(),
            legal_basis: "Export Administration Regulations, 15 CFR §744.22(f)(2)".to_string(),
            effect: "A license is required for exports, reexports and transfers of items subject to the EAR when the exporter knows the item is for a listed military-intelligence end user; US persons may not support them.".to_string(),
            source_urls: vec!["https://www.ecfr.gov/current/title-15/section-744.22".to_string()],
            as_of: latest,
            as_of_basis: AsOfBasis::of_latest_entry(latest),
            reach: Reach::NamedOnly,
            ..ListMeta::new("bis-mieu", "BIS Military-Intelligence End Users (EAR §744.22)")
        },
        entities,
    }];
    report.count(&lists);
    Ok(Imported { lists, report })
}
