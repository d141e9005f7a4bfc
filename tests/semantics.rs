//! Screening semantics: owners, list relations, per-list reach and the 50%
//! rule, dates, country, cleared hits. All on real list entries.

use vendor_screen::clearance::{ClearanceSet, read_clearances};
use vendor_screen::list::Date;
use vendor_screen::{Hit, Owner, Report, Screener, ScreenerBuilder, Status, Vendor, Via};

fn bundled() -> Screener {
    ScreenerBuilder::new()
        .lists(vendor_screen::lists::bundled().unwrap())
        .build()
        .unwrap()
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn hit<'a>(r: &'a Report, list: &str, name_part: &str) -> &'a Hit {
    r.hits
        .iter()
        .find(|h| h.list == list && h.entity_name.contains(name_part))
        .unwrap_or_else(|| {
            panic!(
                "no {list} hit on {name_part}: {:#?}",
                r.hits
                    .iter()
                    .map(|h| (&h.list, &h.entity_name, h.status))
                    .collect::<Vec<_>>()
            )
        })
}

const HIKVISION: &str = "Hangzhou Hikvision Digital Technology Co., Ltd.";
const CETC: &str = "China Electronics Technology Group Corporation";

#[test]
fn ezviz_is_reached_through_its_owners() {
    let s = bundled();
    let v = Vendor::new("EZVIZ").with_owner(Owner::new(HIKVISION).with_owner(Owner::new(CETC)));
    let r = s.screen(&v, date("2026-11-22"));
    assert!(r.flagged());
    for list in ["ndaa-889", "fcc-covered"] {
        let h = hit(&r, list, "Hikvision");
        assert_eq!(h.status, Status::Match, "{list}: reaches subsidiaries");
        assert!(matches!(&h.via, Via::Parent { level: 1, name, .. } if name == HIKVISION));
        assert!(
            h.explanation
                .rule
                .as_deref()
                .unwrap()
                .contains("subsidiary or affiliate")
        );
    }
    let h = hit(&r, "dod-1260h", "Hikvision");
    assert!(matches!(h.via, Via::Parent { level: 1, .. }));
    let h = hit(
        &r,
        "dod-1260h",
        "China Electronics Technology Group Corporation",
    );
    assert!(matches!(h.via, Via::Parent { level: 2, .. }), "{:?}", h.via);
    assert!(
        h.explanation
            .rule
            .as_deref()
            .unwrap()
            .contains("parent entities")
    );
    // EZVIZ itself is on no list.
    assert!(r.hits.iter().all(|h| !matches!(h.via, Via::SelfName)));
}

#[test]
fn a_listed_entitys_listed_parent_is_reported_through_the_relation() {
    let s = bundled();
    let r = s.screen(&Vendor::new("Hikvision USA Inc"), date("2026-11-22"));
    let h = hit(
        &r,
        "dod-1260h",
        "China Electronics Technology Group Corporation",
    );
    match &h.via {
        Via::Relation {
            entity_name,
            link,
            citation,
            ..
        } => {
            assert_eq!(entity_name, HIKVISION);
            assert_eq!(link, "parent");
            assert!(citation.as_deref().unwrap().contains("1260H"));
        }
        other => panic!("{other:?}"),
    }
}

/// The bundled lists with OFAC's real 2024 SDN file and consolidated
/// (non-SDN) file beside them.
fn with_ofac() -> Screener {
    let mut lists = vendor_screen::lists::bundled().unwrap();
    for f in [
        "../shared/data/ofac-sdn/2024-05-03/sdn.csv",
        "../shared/data/ofac-non-sdn/cons_prim.csv",
    ] {
        let loaded = vendor_screen::list::load::load_path(f.as_ref(), None).expect(f);
        lists.extend(loaded.lists);
    }
    ScreenerBuilder::new().lists(lists).build().unwrap()
}

const ROSOBORONEKSPORT: &str = "ROSOBORONEKSPORT OAO";
const ROSTEC: &str = "STATE CORPORATION ROSTEC";

#[test]
fn ofac_fifty_percent_rule() {
    let s = with_ofac();
    let d = date("2024-05-04");
    let status = |owners: Vec<Owner>| {
        let mut v = Vendor::new("Acme Widgets LLC");
        v.owners = owners;
        hit(&s.screen(&v, d), "ofac-sdn", ROSOBORONEKSPORT).status
    };
    assert_eq!(
        status(vec![Owner::new(ROSOBORONEKSPORT).with_share(50.0)]),
        Status::Match
    );
    assert_eq!(
        status(vec![Owner::new(ROSOBORONEKSPORT).with_share(49.0)]),
        Status::OutOfReach
    );
    assert_eq!(status(vec![Owner::new(ROSOBORONEKSPORT)]), Status::Review);
    // Two listed direct owners, 30% and 25%: 55% in aggregate.
    assert_eq!(
        status(vec![
            Owner::new(ROSOBORONEKSPORT).with_share(30.0),
            Owner::new(ROSTEC).with_share(25.0),
        ]),
        Status::Match
    );
    // 30% listed plus 25% held by an unlisted owner: out of reach.
    assert_eq!(
        status(vec![
            Owner::new(ROSOBORONEKSPORT).with_share(30.0),
            Owner::new("Acme Holdings").with_share(25.0)
        ]),
        Status::OutOfReach
    );
    // Up a chain, every link must be 50% or more.
    let chain = |a: f64, b: f64| {
        Vendor::new("Acme Widgets LLC").with_owner(
            Owner::new("Acme Holdings")
                .with_share(a)
                .with_owner(Owner::new(ROSOBORONEKSPORT).with_share(b)),
        )
    };
    let status = |v: &Vendor| hit(&s.screen(v, d), "ofac-sdn", ROSOBORONEKSPORT).status;
    assert_eq!(status(&chain(60.0, 80.0)), Status::Match);
    assert_eq!(status(&chain(40.0, 80.0)), Status::OutOfReach);
    let r = s.screen(&chain(60.0, 80.0), d);
    let rule = hit(&r, "ofac-sdn", ROSOBORONEKSPORT)
        .explanation
        .rule
        .clone()
        .unwrap_or_default();
    assert!(
        rule.contains("50 Percent Rule") && rule.contains("(60% of 80%) is 50% or more"),
        "{rule}"
    );
}

/// OFAC FAQ 857: "OFAC's 50 percent rule does not apply to entities listed
/// solely pursuant to E.O. 13959". An NS-CMIC listing reaches the company
/// it names, not what that company owns: in the bundled list, in the
/// official consolidated file (which mixes it with SSI entries, to which
/// the rule does apply) and in the CSL's NS-CMIC source.
#[test]
fn an_ns_cmic_listing_does_not_reach_what_its_company_owns() {
    let s = with_ofac();
    let d = date("2024-05-04");
    let v = Vendor::new("Acme Widgets LLC").with_owner(Owner::new(HIKVISION).with_share(100.0));
    let r = s.screen(&v, d);
    for list in ["ofac-ns-cmic", "ofac-non-sdn"] {
        let h = hit(&r, list, "HIKVISION");
        assert_eq!(
            h.status,
            Status::OutOfReach,
            "{list}: {:?}",
            h.explanation.rule
        );
        let rule = h.explanation.rule.as_deref().unwrap_or("");
        assert!(
            rule.contains("reaches only the entities it names"),
            "{rule}"
        );
    }
    // The same owner still reaches the vendor where the law says so.
    assert_eq!(hit(&r, "ndaa-889", "Hikvision").status, Status::Match);
    // An SSI entry of the same file keeps the 50 Percent Rule.
    let sber = "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA";
    let v = Vendor::new("Acme Widgets LLC").with_owner(Owner::new(sber).with_share(60.0));
    let r = s.screen(&v, d);
    assert!(
        r.hits.iter().any(|h| h.list == "ofac-non-sdn"
            && h.entity_name == sber
            && h.status == Status::Match),
        "{:#?}",
        r.hits
            .iter()
            .map(|h| (&h.list, &h.entity_name, h.status))
            .collect::<Vec<_>>()
    );
    let csl = vendor_screen::list::load::load_path_with(
        "../shared/data/csl/consolidated-2023-11-partial.csv".as_ref(),
        None,
        &vendor_screen::list::LoadOptions::partial(),
    )
    .expect("CSL");
    let cmic = csl
        .lists
        .iter()
        .find(|l| l.meta.id == "csl-ns-cmic")
        .expect("an NS-CMIC source");
    assert!(
        cmic.entities
            .iter()
            .all(|e| cmic.reach_of(e) == vendor_screen::list::Reach::NamedOnly)
    );
}

/// A possible member of a listed group is a `review` whose rule says what
/// its name holds of the listed name; it does not first say the name
/// "matches a listed name" (it does not), and through an owner it asks
/// about the owner.
#[test]
fn a_group_members_rule_says_what_the_name_contains() {
    let s = bundled();
    let d = date("2026-11-22");
    let r = s.screen(&Vendor::new("Huawei Marine Networks Co., Ltd."), d);
    assert!(r.hits.len() >= 3, "{:#?}", r.hits);
    for h in &r.hits {
        let rule = h.explanation.rule.as_deref().unwrap_or("");
        assert_eq!(h.status, Status::Review, "{rule}");
        assert!(rule.contains("only contains \"Huawei\""), "{rule}");
        assert!(!rule.contains("matches a listed name"), "{rule}");
        assert!(rule.contains("whether the vendor is"), "{rule}");
    }
    let v = Vendor::new("Acme Widgets LLC")
        .with_owner(Owner::new("Huawei Marine Networks").with_share(60.0));
    let r = s.screen(&v, d);
    assert!(r.hits.len() >= 3, "{:#?}", r.hits);
    for h in &r.hits {
        let rule = h.explanation.rule.as_deref().unwrap_or("");
        assert!(rule.contains("only contains \"Huawei\""), "{rule}");
        assert!(!rule.contains("matches a listed name"), "{rule}");
        assert!(rule.contains("whether the owner is"), "{rule}");
    }
}

#[test]
fn an_entity_removed_from_the_1260h_list_expires() {
    let s = bundled();
    let v = Vendor::new("Anhui Sun Create Electronics Co., Ltd.");
    let before = s.screen(&v, date("2026-01-15"));
    assert_eq!(
        hit(&before, "dod-1260h", "Anhui Sun Create").status,
        Status::Match
    );
    let after = s.screen(&v, date("2026-03-01"));
    let h = hit(&after, "dod-1260h", "Anhui Sun Create");
    assert_eq!(h.status, Status::Expired, "still shown, with its history");
    assert!(
        h.explanation
            .rule
            .as_deref()
            .unwrap()
            .contains("2026-02-17")
    );
    assert!(!after.flagged());
    // Before its first edition it was not yet listed: a status of its own.
    let early = s.screen(&v, date("2024-06-01"));
    let h = hit(&early, "dod-1260h", "Anhui Sun Create");
    assert_eq!(h.status, Status::NotYetListed);
    let rule = h.explanation.rule.as_deref().unwrap();
    assert!(
        rule.contains("after the as-of date 2024-06-01: not yet listed"),
        "{rule}"
    );
}

#[test]
fn a_denied_persons_order_expires() {
    let dpl =
        vendor_screen::list::load::load_path("tests/fixtures/dpl/dpl.txt".as_ref(), None).unwrap();
    let s = ScreenerBuilder::new().lists(dpl.lists).build().unwrap();
    let v = Vendor::new("Dahua Electronics Corp");
    assert_eq!(
        hit(&s.screen(&v, date("2025-06-01")), "bis-dpl", "DAHUA").status,
        Status::Match
    );
    let r = s.screen(&v, date("2025-12-01"));
    assert_eq!(hit(&r, "bis-dpl", "DAHUA").status, Status::Expired);
    assert!(!r.flagged());
}

#[test]
fn country_is_a_soft_signal_that_never_removes_a_hit() {
    let s = bundled();
    let d = date("2026-11-22");
    let plain = s.screen(&Vendor::new("Huawei Technologies Co Ltd"), d);
    let cn = s.screen(
        &Vendor::new("Huawei Technologies Co Ltd").with_country("CN"),
        d,
    );
    let us = s.screen(
        &Vendor::new("Huawei Technologies Co Ltd").with_country("US"),
        d,
    );
    let score = |r: &Report| hit(r, "ndaa-889", "Huawei").score;
    assert!(score(&cn) >= score(&plain) && score(&us) <= score(&plain));
    assert!(score(&us) >= s.threshold());
    assert!(
        hit(&us, "ndaa-889", "Huawei")
            .explanation
            .country
            .as_deref()
            .unwrap()
            .contains("not among")
    );
    assert_eq!(plain.hits.len(), us.hits.len());
}

fn clearances(s: &Screener, csv: &str, as_of: &str) -> vendor_screen::Result<ClearanceSet> {
    ClearanceSet::new(
        read_clearances(csv.as_bytes(), "cleared.csv")?,
        s,
        date(as_of),
    )
}

#[test]
fn cleared_hits_stay_visible_and_stop_counting() {
    let s = bundled();
    let d = date("2026-11-22");
    let set = clearances(
        &s,
        "vendor,list,entity_id,reason,reviewer,date\n\
         v7,ndaa-889,zte,reviewed,compliance,2026-11-01\n\
         v7,fcc-covered,zte,reviewed,compliance,2026-11-01\n\
         v7,dod-1260h,huawei,reviewed,compliance,2026-11-01\n",
        "2026-11-22",
    )
    .unwrap();
    let v7 = Vendor::new("ZTE Corp").with_id("v7");
    let (r, used) = s.screen_cleared(&v7, d, &set);
    assert_eq!(used, vec![0, 1], "the dod-1260h clearance is stale");
    assert!(
        r.hits
            .iter()
            .all(|h| h.status == Status::Cleared && h.cleared.is_some())
    );
    assert!(!r.flagged());
    assert!(r.findings.iter().all(|f| f.status == Status::Cleared));
    // Another vendor is not cleared by them, even with the same name.
    for other in [
        Vendor::new("ZTE Corp").with_id("v8"),
        Vendor::new("ZTE Corporation").with_id("v9"),
    ] {
        let (r, used) = s.screen_cleared(&other, d, &set);
        assert!(used.is_empty());
        assert!(r.flagged());
    }
}

#[test]
fn reports_state_each_lists_as_of_date() {
    let s = bundled();
    let r = s.screen(&Vendor::new("Acme"), date("2026-11-22"));
    let ids: Vec<&str> = r.lists.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        ["ndaa-889", "fcc-covered", "dod-1260h", "ofac-ns-cmic"]
    );
    assert!(
        r.lists
            .iter()
            .any(|l| l.id == "dod-1260h" && l.as_of == Some(date("2026-06-08")))
    );
}
