//! What we know of each CSL source: list id, name, authority, legal basis,
//! effect and reach.

use crate::list::{Entity, ListMeta, Reach};
use std::collections::HashMap;

/// What we know of each CSL source: (prefix of `source`, list id, list name,
/// authority, legal basis, effect, reach).
pub(super) const SOURCES: &[(&str, &str, &str, &str, &str, &str, Reach)] = &[
    (
        "Entity List",
        "csl-el",
        "Entity List (EL)",
        "US Department of Commerce, Bureau of Industry and Security",
        "Export Administration Regulations, 15 CFR Part 744, Supplement No. 4",
        "A license is required to export, reexport or transfer items subject to the EAR to listed parties.",
        Reach::NamedOnly,
    ),
    (
        "Military End User",
        "csl-meu",
        "Military End User (MEU) List",
        "US Department of Commerce, Bureau of Industry and Security",
        "15 CFR Part 744, Supplement No. 7 (§744.21)",
        "A license is required for listed items exported to listed military end users.",
        Reach::NamedOnly,
    ),
    (
        "Unverified List",
        "csl-uvl",
        "Unverified List (UVL)",
        "US Department of Commerce, Bureau of Industry and Security",
        "15 CFR Part 744, Supplement No. 6",
        "Exports need a UVL statement; listed parties are ineligible for license exceptions.",
        Reach::NamedOnly,
    ),
    (
        "Denied Persons List",
        "csl-dpl",
        "Denied Persons List (DPL)",
        "US Department of Commerce, Bureau of Industry and Security",
        "Denial orders under 15 CFR Part 764",
        "Listed persons may not participate in exports subject to the EAR.",
        Reach::NamedOnly,
    ),
    (
        "Specially Designated Nationals",
        "csl-sdn",
        "Specially Designated Nationals and Blocked Persons (SDN)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "IEEPA and sanctions programs, 31 CFR Chapter V",
        "Property is blocked; US persons may not deal with listed persons or entities owned 50% or more by them.",
        Reach::Owned50Percent,
    ),
    (
        "Sectoral Sanctions Identifications",
        "csl-ssi",
        "Sectoral Sanctions Identifications List (SSI)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "Executive Order 13662, Directives 1-4",
        "Certain debt, equity and energy dealings are prohibited, including with entities owned 50% or more.",
        Reach::Owned50Percent,
    ),
    (
        "Non-SDN Chinese Military-Industrial Complex",
        "csl-ns-cmic",
        "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "Executive Order 13959, as amended by Executive Order 14032",
        "Purchase or sale of publicly traded securities of listed companies is prohibited; OFAC's 50 Percent Rule does not apply (OFAC FAQ 857).",
        Reach::NamedOnly,
    ),
    (
        "Non-SDN Menu-Based Sanctions",
        "csl-ns-mbs",
        "Non-SDN Menu-Based Sanctions List (NS-MBS)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "CAATSA and other menu-based sanctions authorities",
        "Selected sanctions from a menu apply to listed persons.",
        Reach::Owned50Percent,
    ),
    (
        "Palestinian Legislative Council",
        "csl-plc",
        "Non-SDN Palestinian Legislative Council List (NS-PLC)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "31 CFR Part 594",
        "Listed PLC members are not blocked, but transactions are restricted.",
        Reach::Owned50Percent,
    ),
    (
        "Foreign Sanctions Evaders",
        "csl-fse",
        "Foreign Sanctions Evaders List (FSE)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "Executive Order 13608",
        "US persons may not provide or procure goods, services or technology to or from listed persons.",
        Reach::NamedOnly,
    ),
    (
        "Capta List",
        "csl-cap",
        "Correspondent Account or Payable-Through Account Sanctions (CAPTA) List",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "CAATSA and Executive Order 14024",
        "US financial institutions may not open or maintain correspondent or payable-through accounts for listed banks.",
        Reach::Owned50Percent,
    ),
    (
        "Nonproliferation Sanctions",
        "csl-isn",
        "Nonproliferation Sanctions (ISN)",
        "US Department of State, Bureau of International Security and Nonproliferation",
        "Iran, North Korea, and Syria Nonproliferation Act; EO 13382; missile and chemical-biological weapons sanctions laws",
        "Listed parties are subject to nonproliferation sanctions, often including a procurement ban.",
        Reach::NamedOnly,
    ),
    (
        "ITAR Debarred",
        "csl-dtc",
        "ITAR Debarred (DTC)",
        "US Department of State, Directorate of Defense Trade Controls",
        "International Traffic in Arms Regulations, 22 CFR §127.7",
        "Listed parties may not participate in exports of defense articles and services.",
        Reach::NamedOnly,
    ),
];

pub(super) struct ListBuilder {
    pub(super) source: String,
    pub(super) meta: ListMeta,
    pub(super) entities: Vec<Entity>,
    pub(super) ids: HashMap<String, usize>,
}

impl ListBuilder {
    pub(super) fn new(source: &str) -> ListBuilder {
        let known = SOURCES.iter().find(|s| source.starts_with(s.0));
        let meta = match known {
            Some(&(_, id, name, authority, legal, effect, reach)) => ListMeta {
                authority: authority.to_string(),
                legal_basis: legal.to_string(),
                effect: effect.to_string(),
                source_urls: vec!["https://www.trade.gov/consolidated-screening-list".to_string()],
                reach,
                ..ListMeta::new(id, name)
            },
            None => ListMeta {
                authority: source.rsplit(" - ").next().unwrap_or(source).to_string(),
                legal_basis: "Consolidated Screening List source (not known to this version)"
                    .to_string(),
                effect: "See the issuing agency.".to_string(),
                source_urls: vec!["https://www.trade.gov/consolidated-screening-list".to_string()],
                ..ListMeta::new(&format!("csl-{}", slug(source)), source)
            },
        };
        ListBuilder {
            source: source.to_string(),
            meta,
            entities: Vec::new(),
            ids: HashMap::new(),
        }
    }
}

fn slug(s: &str) -> String {
    // The acronym in parentheses when there is one: "Foo List (FL) - Agency" gives "fl".
    let inner = s
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map_or(s, |(a, _)| a);
    let mut out = String::new();
    for c in inner.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
