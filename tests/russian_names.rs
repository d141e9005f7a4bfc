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

/// (name in Cyrillic, list, OFAC entity number) of names the lists
/// romanise as BGN/PCGN does: the Cyrillic name reads as the listed name
/// word for word.
const ROMANISED_AS_LISTED: &[(&str, &str, &str)] = &[
    (
        "АО «Международная управляющая компания»",
        "ofac-non-sdn",
        "20006",
    ),
    ("ООО «Северная алмазная компания»", "ofac-sdn", "45016"),
    ("ООО «Сибирская угольная компания»", "ofac-sdn", "44995"),
    ("ООО «Таймырская горная компания»", "ofac-sdn", "45000"),
    ("АО «Дальневосточный завод «Звезда»»", "ofac-sdn", "40581"),
    ("АО «30 судоремонтный завод»", "ofac-sdn", "40584"),
    ("АО «Воткинский завод»", "ofac-sdn", "41002"),
    ("ООО «Авиакомпания Победа»", "ofac-sdn", "48822"),
    (
        "АО «Национальная инжиниринговая корпорация»",
        "ofac-sdn",
        "36517",
    ),
    ("ООО «Азовская зерновая компания»", "ofac-sdn", "37025"),
    ("ООО «Холдинговая компания Интеррос»", "ofac-sdn", "38240"),
    (
        "ПАО «Магнитогорский металлургический комбинат»",
        "ofac-sdn",
        "37998",
    ),
    (
        "Государственная корпорация развития «ВЭБ.РФ»",
        "ofac-non-sdn",
        "17015",
    ),
    ("ООО «Нерудная компания»", "ofac-sdn", "45061"),
    ("АО «Страховая группа МСК»", "ofac-non-sdn", "19989"),
    (
        "ООО «Полярная энергетическая компания»",
        "ofac-sdn",
        "44993",
    ),
    (
        "АО «Транснефть – Центральная Сибирь»",
        "ofac-non-sdn",
        "22395",
    ),
    (
        "ООО «Красноярская энергетическая компания»",
        "ofac-sdn",
        "45087",
    ),
    (
        "АО «Объединенная инвестиционная группа»",
        "ofac-sdn",
        "46513",
    ),
    ("ООО «Камчатская горная компания»", "ofac-sdn", "47837"),
    ("ООО «Полярная горно-рудная компания»", "ofac-sdn", "45013"),
    (
        "АО «Торгово-финансовая компания КАМАЗ»",
        "ofac-sdn",
        "37760",
    ),
    (
        "ООО «Сбытовая энергетическая компания»",
        "ofac-sdn",
        "43120",
    ),
    ("ООО «Пясинская горная компания»", "ofac-sdn", "45024"),
];

/// Names listed in another romanisation ("OBOGATITELNIY" for -ный,
/// "SUDOSTROYENIYA" for -ения, "PRIBOROSTROITELNYI") or with a slip
/// ("KINODSTUDIYA"): they score as a spelling variant.
const ROMANISED_OTHERWISE: &[(&str, &str, &str)] = &[
    (
        "АО «Лебединский горно-обогатительный комбинат»",
        "ofac-sdn",
        "41920",
    ),
    (
        "АО «Дальневосточный центр судостроения и судоремонта»",
        "ofac-sdn",
        "40565",
    ),
    (
        "АО «Арзамасский приборостроительный завод имени П. И. Пландина»",
        "ofac-sdn",
        "47488",
    ),
    ("АО «Ялтинская киностудия»", "ofac-sdn", "18654"),
];

#[test]
fn russian_names_in_cyrillic_find_their_ofac_entries() {
    let s = ofac_screener();
    let as_of = Date::new(2024, 5, 4).expect("date");
    let rows = ROMANISED_AS_LISTED
        .iter()
        .map(|r| (r, 0.99))
        .chain(ROMANISED_OTHERWISE.iter().map(|r| (r, 0.95)));
    let failures: Vec<String> = rows
        .filter_map(|(&(name, list, id), least)| {
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
