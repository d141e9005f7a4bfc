//! OFAC's weak aliases (the quoted a.k.a.s of the SDN file's remarks:
//! nicknames, noms de guerre, common acronyms) hit only a vendor's name that
//! is the alias word for word, on the real 2024 SDN file: "PPL Corp" is not
//! Petropars Ltd. (a.k.a. 'PPL'). Before, 85 of the 590 real vendor names
//! that hit some shared list hit a weak alias, most of them "X Inc" against
//! 'X'. A weak alias that is the initialism of its entity's other name
//! counts as any alias, so the group brand "EDBI" still finds the Export
//! Development Bank of Iran's companies.

use vendor_screen::list::{Date, NameKind};
use vendor_screen::{Report, Screener, ScreenerBuilder, Vendor};

fn screener() -> Screener {
    let sdn = vendor_screen::list::load::load_path(
        "../shared/data/ofac-sdn/2024-05-03/sdn.csv".as_ref(),
        None,
    )
    .expect("SDN 2024");
    assert!(
        sdn.report.prose.weak_aliases > 3000,
        "the file quotes some 3,500 a.k.a.s in its remarks: {}",
        sdn.report.prose.weak_aliases
    );
    ScreenerBuilder::new()
        .lists(sdn.lists)
        .build()
        .expect("builds")
}

fn screen(s: &Screener, name: &str) -> Report {
    let as_of: Date = "2024-05-04".parse().expect("date");
    s.screen(&Vendor::new(name), as_of)
}

fn hits(r: &Report, entity: &str) -> bool {
    r.hits.iter().any(|h| h.entity_id == entity)
}

#[test]
fn weak_aliases_hit_only_word_for_word() {
    let s = screener();
    // (vendor, entity whose weak alias it holds): real SEC and FPDS names.
    for (vendor, entity) in [
        ("PPL Corp", "11633"),
        ("Bancorp, Inc.", "26549"),
        ("National Bank Holdings Corp", "26549"),
        ("Orion S.A.", "16974"),
        ("Fox Corp", "43843"),
    ] {
        let r = screen(&s, vendor);
        assert!(!hits(&r, entity), "{vendor} hit {entity}: {:?}", r.hits);
    }
    for (alias, entity) in [("PPL", "11633"), ("BANCORP", "26549"), ("Fox", "43843")] {
        let r = screen(&s, alias);
        let hit = r.hits.iter().find(|h| h.entity_id == entity);
        assert!(
            hit.is_some_and(|h| h.matched_name_kind == NameKind::WeakAlias && h.score >= 0.99),
            "{alias} as written must hit {entity}: {:?}",
            r.hits
        );
    }
}

#[test]
fn a_weak_initialism_of_the_entitys_name_counts_as_an_alias() {
    let s = screener();
    let r = screen(&s, "EDBI Exchange Company");
    assert!(
        hits(&r, "25639"),
        "the brand of Export Development Bank of Iran: {:?}",
        r.hits
    );
}
