//! Registered Russian names, written in Cyrillic as the companies write
//! them, find their entries in the real OFAC files (`../shared/data`),
//! which romanise Russian as BGN/PCGN does: a vendor master keeping the
//! Cyrillic name loses nothing against the Latin listing.

use vendor_screen::list::Date;
use vendor_screen::list::load::load_path;
use vendor_screen::{Screener, ScreenerBuilder, Vendor};

fn ofac_screener() -> Screener {
    let mut lists = Vec::new();
    for p in [
        "../shared/data/ofac-sdn/2024-05-03",
        "../shared/data/ofac-non-sdn",
    ] {
        lists.extend(load_path(p.as_ref(), None).expect("OFAC file").lists);
    }
    ScreenerBuilder::new().lists(lists).build().expect("builds")
}

/// (name in Cyrillic, list, OFAC entity number, least score). Where the
/// list romanises as BGN/PCGN, the Cyrillic name reads as the listed name
/// word for word (0.99); the last four rows are listed in another
/// romanisation ("OBOGATITELNIY" for -ный, "SUDOSTROYENIYA" for
/// -ения, "PRIBOROSTROITELNYI") or with a slip ("KINODSTUDIYA"), and
/// score as a spelling variant.
const NAMES: &[(&str, &str, &str, f64)] = &[
    (
        "АО «Международная управляющая компания»",
        "ofac-non-sdn",
        "20006",
        0.99,
    ),
    (
        "ООО «Северная алмазная компания»",
        "ofac-sdn",
        "45016",
        0.99,
    ),
    (
        "ООО «Сибирская угольная компания»",
        "ofac-sdn",
        "44995",
        0.99,
    ),
    (
        "ООО «Таймырская горная компания»",
        "ofac-sdn",
        "45000",
        0.99,
    ),
    (
        "АО «Дальневосточный завод «Звезда»»",
        "ofac-sdn",
        "40581",
        0.99,
    ),
    ("АО «30 судоремонтный завод»", "ofac-sdn", "40584", 0.99),
    ("АО «Воткинский завод»", "ofac-sdn", "41002", 0.99),
    ("ООО «Авиакомпания Победа»", "ofac-sdn", "48822", 0.99),
    (
        "АО «Национальная инжиниринговая корпорация»",
        "ofac-sdn",
        "36517",
        0.99,
    ),
    (
        "ООО «Азовская зерновая компания»",
        "ofac-sdn",
        "37025",
        0.99,
    ),
    (
        "ООО «Холдинговая компания Интеррос»",
        "ofac-sdn",
        "38240",
        0.99,
    ),
    (
        "ПАО «Магнитогорский металлургический комбинат»",
        "ofac-sdn",
        "37998",
        0.99,
    ),
    (
        "Государственная корпорация развития «ВЭБ.РФ»",
        "ofac-non-sdn",
        "17015",
        0.99,
    ),
    ("ООО «Нерудная компания»", "ofac-sdn", "45061", 0.99),
    ("АО «Страховая группа МСК»", "ofac-non-sdn", "19989", 0.99),
    (
        "ООО «Полярная энергетическая компания»",
        "ofac-sdn",
        "44993",
        0.99,
    ),
    (
        "АО «Транснефть – Центральная Сибирь»",
        "ofac-non-sdn",
        "22395",
        0.99,
    ),
    (
        "ООО «Красноярская энергетическая компания»",
        "ofac-sdn",
        "45087",
        0.99,
    ),
    (
        "АО «Объединенная инвестиционная группа»",
        "ofac-sdn",
        "46513",
        0.99,
    ),
    (
        "ООО «Камчатская горная компания»",
        "ofac-sdn",
        "47837",
        0.99,
    ),
    (
        "ООО «Полярная горно-рудная компания»",
        "ofac-sdn",
        "45013",
        0.99,
    ),
    (
        "АО «Торгово-финансовая компания КАМАЗ»",
        "ofac-sdn",
        "37760",
        0.99,
    ),
    (
        "ООО «Сбытовая энергетическая компания»",
        "ofac-sdn",
        "43120",
        0.99,
    ),
    ("ООО «Пясинская горная компания»", "ofac-sdn", "45024", 0.99),
    (
        "АО «Лебединский горно-обогатительный комбинат»",
        "ofac-sdn",
        "41920",
        0.95,
    ),
    (
        "АО «Дальневосточный центр судостроения и судоремонта»",
        "ofac-sdn",
        "40565",
        0.95,
    ),
    (
        "АО «Арзамасский приборостроительный завод имени П. И. Пландина»",
        "ofac-sdn",
        "47488",
        0.95,
    ),
    ("АО «Ялтинская киностудия»", "ofac-sdn", "18654", 0.95),
];

#[test]
fn russian_names_in_cyrillic_find_their_ofac_entries() {
    let s = ofac_screener();
    let as_of = Date::new(2024, 5, 4).expect("date");
    let failures: Vec<String> = NAMES
        .iter()
        .filter_map(|&(name, list, id, least)| {
            let report = s.screen(&Vendor::new(name), as_of);
            let score = report
                .hits
                .iter()
                .filter(|h| h.list == list && h.entity_id == id)
                .map(|h| h.score)
                .fold(0.0, f64::max);
            (score < least).then(|| format!("{name}: {score:.3} on {list} {id}, want {least}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
