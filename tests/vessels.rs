//! A company is neither a ship nor a plane: on the real 2024 SDN file, a
//! real vendor's name that is a listed vessel's word for word with a
//! company's legal form ("DOVER Corp" against the crude oil tanker DOVER)
//! scores below the default threshold, and says why when a lower threshold
//! shows it. Before, 43 of the 452 real vendor names hitting some shared
//! list by mistake hit a vessel or an aircraft this way. The kind is a
//! signal, not a filter: the vessel's name as written, or a vendor's name
//! without a legal form, still hits it, and an organisation's name with a
//! legal form is scored as before.

mod support;

use support::screen_after_sdn_2024 as screen;
use support::sdn_2024_screener as screener;
use vendor_screen::Report;
use vendor_screen::score::Rule;

fn score_on(r: &Report, entity: &str) -> Option<f64> {
    r.hits
        .iter()
        .filter(|h| h.entity_id == entity)
        .map(|h| h.score)
        .reduce(f64::max)
}

/// (vendor name from `../shared/data/vendors`, vessel's name, its `ent_num`).
const COMPANIES_NAMED_AS_SHIPS: [(&str, &str, &str); 4] = [
    ("DOVER Corp", "DOVER", "15046"),
    ("Freedom Holding Corp.", "FREEDOM", "29485"),
    ("MARA Holdings, Inc.", "MARA", "26646"),
    ("HAPPINESS CO., LTD.", "HAPPINESS I", "15055"),
];

#[test]
fn a_company_named_as_a_ship_is_not_the_ship() {
    let s = screener(0.85);
    for (vendor, vessel, id) in COMPANIES_NAMED_AS_SHIPS {
        let r = screen(&s, vendor);
        assert_eq!(
            score_on(&r, id),
            None,
            "{vendor} hit {vessel}: {:?}",
            r.hits
        );
        let r = screen(&s, vessel);
        let own = score_on(&r, id);
        assert!(
            own.is_some_and(|x| x >= 0.99),
            "{vessel} must find itself: {own:?}"
        );
    }
    // Without a legal form the vendor's name says nothing of its kind.
    let r = screen(&s, "Dover");
    assert!(
        score_on(&r, "15046").is_some_and(|x| x >= 0.99),
        "{:?}",
        r.hits
    );
}

#[test]
fn a_lower_threshold_shows_the_ship_and_says_why() {
    let s = screener(0.5);
    let r = screen(&s, "DOVER Corp");
    let hit = r
        .hits
        .iter()
        .find(|h| h.entity_id == "15046")
        .expect("shown below the default threshold");
    assert!((0.75..0.85).contains(&hit.score), "{}", hit.score);
    let line = hit
        .explanation
        .evidence
        .iter()
        .find(|e| e.rule == Rule::KindDiffers)
        .expect("the kind's line");
    assert!(line.detail.contains("'Corp'"), "{}", line.detail);
}

#[test]
fn an_organisation_with_a_legal_form_is_scored_as_before() {
    // LAROSA is an organisation on the SDN list: a company's legal form
    // beside its name is no disagreement.
    let s = screener(0.85);
    let r = screen(&s, "La Rosa Holdings Corp.");
    assert!(
        score_on(&r, "44457").is_some_and(|x| x > 0.99),
        "{:?}",
        r.hits
    );
}
