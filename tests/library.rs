//! Issue 13 item 7: what the CLI does, the library does, on real lists:
//! serde round trips, lookups, identifiers, findings, clearances by path.

use vendor_screen::clearance::{ClearanceSet, read_clearances};
use vendor_screen::findings::FindingKind;
use vendor_screen::list::load::load_path_with;
use vendor_screen::list::{Date, LoadOptions};
use vendor_screen::output::ScreenLine;
use vendor_screen::{
    Finding, Hit, IdentifierKind, Owner, Report, Screener, ScreenerBuilder, Status, Vendor, Via,
};

fn bundled_and_csl() -> Screener {
    // The shared extract is cut off inside its last record.
    let csl = load_path_with(
        "../shared/data/csl/consolidated-2023-11-partial.csv".as_ref(),
        None,
        &LoadOptions::partial(),
    )
    .expect("CSL loads");
    ScreenerBuilder::new()
        .lists(vendor_screen::lists::bundled().expect("bundled"))
        .lists(csl.lists)
        .build()
        .expect("builds")
}

fn bundled() -> Screener {
    ScreenerBuilder::new()
        .lists(vendor_screen::lists::bundled().expect("bundled"))
        .build()
        .expect("builds")
}

fn day() -> Date {
    Date::new(2026, 11, 22).expect("date")
}

#[test]
fn reports_hits_and_findings_round_trip_through_serde() {
    let s = bundled_and_csl();
    let vendors = [
        Vendor::new("Hik Vision USA Inc").with_country("CN"),
        Vendor::new("EZVIZ").with_owner(
            Owner::new("Hangzhou Hikvision Digital Technology Co., Ltd.")
                .with_share(100.0)
                .with_owner(Owner::new("China Electronics Technology Group Corporation")),
        ),
        Vendor::new("Acme").with_identifier(IdentifierKind::TaxId, "91330000733796106P"),
        Vendor::new("SMIC").with_alias("Semiconductor Manufacturing International"),
    ];
    for v in &vendors {
        let report = s.screen(v, day());
        assert!(!report.hits.is_empty() || !report.identifier_hits.is_empty());
        let json = serde_json::to_string(&report).expect("serialises");
        let back: Report = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, report);
        for h in &report.hits {
            let back: Hit =
                serde_json::from_str(&serde_json::to_string(h).expect("hit")).expect("hit back");
            assert_eq!(&back, h);
        }
        for f in &report.findings {
            let back: Finding = serde_json::from_str(&serde_json::to_string(f).expect("finding"))
                .expect("finding back");
            assert_eq!(&back, f);
        }
        let line = ScreenLine::new(v, report, &s);
        let back: ScreenLine =
            serde_json::from_str(&serde_json::to_string(&line).expect("line")).expect("line back");
        assert_eq!(back, line);
        assert_eq!(&back.input.vendor(), v);
    }
}

#[test]
fn entities_are_looked_up_by_list_and_id() {
    let s = bundled_and_csl();
    let cmic = s.entity("ofac-ns-cmic", "30946").expect("listed");
    assert!(cmic.name.contains("HIKVISION"));
    let csl = s
        .entity("csl-ns-cmic", "30946")
        .expect("listed in the CSL too");
    assert!(csl.name.to_lowercase().contains("hikvision"));
    assert!(s.entity("csl-ns-cmic", "no-such-id").is_none());
}

#[test]
fn an_identifier_match_is_a_finding_of_its_own_kind() {
    let s = bundled_and_csl();
    // The USCC that the bundled §889 entry and the CSL's NS-CMIC row carry
    // for Hikvision, on a vendor whose name matches nothing.
    let v = Vendor::new("Northwind Trading")
        .with_identifier(IdentifierKind::TaxId, "9133 0000 7337 9610 6P");
    let r = s.screen(&v, day());
    assert!(r.hits.is_empty());
    assert!(r.flagged(), "an identifier match counts");
    let lists: Vec<&str> = r.identifier_hits.iter().map(|h| h.list.as_str()).collect();
    assert!(
        lists.contains(&"ndaa-889") && lists.contains(&"csl-ns-cmic"),
        "{lists:?}"
    );
    assert_eq!(r.findings.len(), 1, "{:#?}", r.findings);
    let f = &r.findings[0];
    assert_eq!(f.kind, FindingKind::Identifier);
    assert_eq!(f.status, Status::Match);
    assert!(f.listings.iter().all(|l| l.identifier.is_some()));
    assert!(
        r.identifier_hits[0].rule.contains("equals the listed"),
        "{}",
        r.identifier_hits[0].rule
    );
    // The kind must agree: the same digits as a DUNS number match nothing.
    let duns = Vendor::new("Northwind Trading").with_identifier(IdentifierKind::Duns, "913300007");
    assert!(s.screen(&duns, day()).identifier_hits.is_empty());
}

#[test]
fn the_same_entity_on_two_lists_is_one_finding_but_two_entries_of_one_list_never_are() {
    let s = bundled_and_csl();
    let r = s.screen(&Vendor::new("China Mobile"), day());
    for f in &r.findings {
        let mut lists: Vec<&str> = f.listings.iter().map(|l| l.list.as_str()).collect();
        let n = lists.len();
        lists.sort();
        lists.dedup();
        assert_eq!(lists.len(), n, "one entry per list in a finding: {f:#?}");
    }
    let hik = s.screen(
        &Vendor::new("Hangzhou Hikvision Digital Technology Co., Ltd."),
        day(),
    );
    assert_eq!(hik.findings.len(), 1);
    assert_eq!(
        hik.findings[0].listings.len(),
        5,
        "bundled 4 + the CSL's NS-CMIC row"
    );
}

/// A primary name without a distinctive word links two lists' entries when
/// the names are the same word for word, legal forms aside: China State
/// Shipbuilding Corporation Limited on the 1260H list and on NS-CMIC is one
/// finding. A parent and its listed company whose names differ only by
/// "Group" (China United Network Communications Group Co., Ltd. and China
/// United Network Communications Co., Ltd.) or by a contraction (China
/// Telecommunications Corporation and China Telecom Corporation Limited)
/// stay two.
#[test]
fn a_primary_name_without_a_distinctive_word_links_word_for_word() {
    let s = bundled();
    let together = |r: &Report, a: (&str, &str), b: (&str, &str)| {
        r.findings.iter().any(|f| {
            let has = |(list, id): (&str, &str)| {
                f.listings
                    .iter()
                    .any(|l| l.list == list && l.entity_id == id)
            };
            has(a) && has(b)
        })
    };
    let cssc = s.screen(
        &Vendor::new("China State Shipbuilding Corporation Limited"),
        day(),
    );
    let cssc_1260h = ("dod-1260h", "china-state-shipbuilding-corporation-limited");
    assert!(
        together(&cssc, cssc_1260h, ("ofac-ns-cmic", "30938")),
        "{:#?}",
        cssc.findings
    );
    assert_eq!(cssc.findings.len(), 1, "{:#?}", cssc.findings);

    let unicom = s.screen(
        &Vendor::new("China United Network Communications Co., Ltd."),
        day(),
    );
    let listed_company = ("dod-1260h", "china-united-network-communications-co-ltd");
    let group_1260h = (
        "dod-1260h",
        "china-united-network-communications-group-co-ltd",
    );
    assert!(together(&unicom, group_1260h, ("ofac-ns-cmic", "30942")));
    assert!(!together(
        &unicom,
        listed_company,
        ("ofac-ns-cmic", "30942")
    ));

    let telecom = s.screen(&Vendor::new("China Telecom Corporation Limited"), day());
    let telecom_1260h = ("dod-1260h", "china-telecom-corporation-limited");
    let parent_1260h = ("dod-1260h", "china-telecommunications-corporation");
    assert!(together(&telecom, telecom_1260h, ("ofac-ns-cmic", "30882")));
    assert!(together(&telecom, parent_1260h, ("ofac-ns-cmic", "30939")));
    assert!(!together(&telecom, parent_1260h, ("ofac-ns-cmic", "30882")));
}

/// OFAC numbers an entry once across its lists, and every format keeps the
/// number as the id; an entry whose names have no distinctive word and
/// whose copies differ in identifiers is one finding by that number. Before,
/// Aerospace Communications Holdings Group (ent_num 32073) was two findings:
/// the non-SDN file's entry has no ISIN to link it to the other two.
#[test]
fn one_ofac_entry_on_several_lists_is_one_finding() {
    let non_sdn = load_path_with(
        "../shared/data/ofac-non-sdn/cons_prim.csv".as_ref(),
        None,
        &LoadOptions::default(),
    )
    .expect("non-SDN loads");
    let csl = load_path_with(
        "../shared/data/csl/consolidated-2023-11-partial.csv".as_ref(),
        None,
        &LoadOptions::partial(),
    )
    .expect("CSL loads");
    let s = ScreenerBuilder::new()
        .lists(vendor_screen::lists::bundled().expect("bundled"))
        .lists(non_sdn.lists)
        .lists(csl.lists)
        .build()
        .expect("builds");
    let r = s.screen(
        &Vendor::new("AEROSPACE COMMUNICATIONS HOLDINGS GROUP COMPANY LIMITED"),
        day(),
    );
    let holding: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.listings.iter().any(|l| l.entity_id == "32073"))
        .collect();
    assert_eq!(holding.len(), 1, "{holding:#?}");
    let mut lists: Vec<&str> = holding[0]
        .listings
        .iter()
        .map(|l| l.list.as_str())
        .collect();
    lists.sort();
    assert_eq!(lists, ["csl-ns-cmic", "ofac-non-sdn", "ofac-ns-cmic"]);
    assert!(
        holding[0]
            .linked_by
            .iter()
            .any(|w| w.contains("OFAC's entry number 32073")),
        "{:?}",
        holding[0].linked_by
    );
}

/// Why two listings are one entity quotes the shared name as a list writes
/// it, not its compare form ("huawei investment and" once "&" is read and
/// "Holding" set aside as a legal form).
#[test]
fn listings_linked_by_name_say_the_name_as_written() {
    let s = bundled();
    let r = s.screen(&Vendor::new("Huawei Investment & Holding Co., Ltd."), day());
    let f = r
        .findings
        .iter()
        .find(|f| f.listings.len() > 1 && f.entity_name.contains("Investment"))
        .expect("one finding for the holding's listings");
    assert!(!f.linked_by.is_empty(), "{f:#?}");
    for why in &f.linked_by {
        assert!(
            why.to_lowercase()
                .contains("\"huawei investment & holding co., ltd.\""),
            "{why}"
        );
    }
}

fn clearances(s: &Screener, rows: &str) -> ClearanceSet {
    let csv = format!("vendor,list,entity_id,path,reason,reviewer,date\n{rows}");
    ClearanceSet::new(
        read_clearances(csv.as_bytes(), "c.csv").expect("reads"),
        s,
        day(),
    )
    .expect("valid")
}

#[test]
fn a_clearance_covers_one_path_only() {
    let s = bundled();
    let v = Vendor::new("ZTE Corp")
        .with_alias("Zhongxing Telecom")
        .with_owner(Owner::new("ZTE Corporation").with_share(100.0));
    // The vendor's own name cleared: the alias path takes its place.
    let set = clearances(&s, "ZTE Corp,ndaa-889,zte,self,reviewed,alice,2026-11-01\n");
    let (r, used) = s.screen_cleared(&v, day(), &set);
    assert_eq!(used, [0]);
    let ndaa = r.hits.iter().find(|h| h.list == "ndaa-889").expect("hit");
    assert_eq!(ndaa.status, Status::Match);
    assert!(!matches!(ndaa.via, Via::SelfName), "{:?}", ndaa.via);
    // Every path cleared: the hit is cleared, still reported.
    let set = clearances(
        &s,
        "ZTE Corp,ndaa-889,zte,self,reviewed,alice,2026-11-01\n\
         ZTE Corp,ndaa-889,zte,alias:ZHONGXING TELECOM,reviewed,alice,2026-11-01\n\
         zte corp.,ndaa-889,zte,owner:ZTE Corporation,reviewed,alice,2026-11-01\n",
    );
    let (r, used) = s.screen_cleared(&v, day(), &set);
    assert_eq!(used, [0, 1, 2], "names compared normalised");
    let ndaa = r.hits.iter().find(|h| h.list == "ndaa-889").expect("hit");
    assert_eq!(ndaa.status, Status::Cleared);
    assert!(ndaa.cleared.is_some());
    assert!(
        r.hits
            .iter()
            .any(|h| h.list == "fcc-covered" && h.status.counts())
    );
    // With an id, the name is not consulted.
    let (_, used) = s.screen_cleared(&v.clone().with_id("v9"), day(), &set);
    assert!(used.is_empty());
    assert_eq!(set.stale(used).len(), 3);
}

/// A finding is headed by the listing that decides its status: "Hikv1sion"
/// is a match at 0.90 through the alias "Hikvision" on three lists and a
/// review at 0.95 on the FCC list, which names no such alias; the finding
/// says match, 0.90, "Hikvision", not the review's score and name.
#[test]
fn a_finding_is_headed_by_the_listing_that_decides_its_status() {
    let s = bundled();
    let r = s.screen(&Vendor::new("Hikv1sion"), day());
    let f = &r.findings[0];
    assert_eq!(f.status, Status::Match);
    let deciding: Vec<f64> = f
        .listings
        .iter()
        .filter(|l| l.status == f.status)
        .filter_map(|l| l.score)
        .collect();
    assert!(
        f.listings.iter().any(|l| l.status != f.status),
        "the case needs a listing of another status: {f:#?}"
    );
    let best = deciding.iter().copied().fold(0.0, f64::max);
    assert_eq!(f.score, best, "{f:#?}");
    let deciding_names: Vec<&str> = r
        .hits
        .iter()
        .filter(|h| h.status == f.status && h.score == best)
        .filter(|h| {
            f.listings
                .iter()
                .any(|l| l.list == h.list && l.entity_id == h.entity_id)
        })
        .map(|h| h.matched_name.as_str())
        .collect();
    assert!(
        deciding_names.contains(&f.matched_names[0].as_str()),
        "{:?} heads, not one of {deciding_names:?}",
        f.matched_names
    );
}

/// At equal scores, the hit and the finding that explain more of the
/// vendor's name come first. CETC's 14th Research Institute holds the core
/// of CETC's name ("China Electronics Technology") and, inside it, the core
/// of China Electronics Corporation's ("China Electronics"), two 1260H
/// entities that both score as possible group members; the group whose
/// whole core the name holds heads the report, whichever name sorts first.
#[test]
fn at_equal_scores_the_hit_explaining_more_of_the_name_comes_first() {
    let s = bundled();
    let r = s.screen(
        &Vendor::new("China Electronics Technology Group Corporation 14th Research Institute"),
        day(),
    );
    let position = |id: &str| r.hits.iter().position(|h| h.entity_id == id);
    let (Some(cetc), Some(cec)) = (
        position("china-electronics-technology-group-corporation"),
        position("china-electronics-corporation"),
    ) else {
        panic!("both groups hit: {:#?}", r.hits);
    };
    assert_eq!(
        r.hits[cetc].score, r.hits[cec].score,
        "the case needs a tie"
    );
    assert!(
        r.hits[cetc].explanation.matched > r.hits[cec].explanation.matched,
        "CETC's hit pairs more of the name"
    );
    assert!(cetc < cec, "{:#?}", r.hits);
    assert_eq!(
        r.findings[0].entity_name, "China Electronics Technology Group Corporation",
        "{:#?}",
        r.findings
    );
}
