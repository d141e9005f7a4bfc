//! Tests of reading names written as prose.

use super::reading::read_names;
use super::*;

#[test]
fn entity_list_prose_is_split() {
    // watchman's CSL parser cases (LESSONS.md).
    let p = split_prose(
        "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity: Huawei Terminal (Shenzhen) Co., Ltd.",
    );
    assert_eq!(p.primary, "Huawei Technologies Co., Ltd.");
    assert_eq!(
        p.aliases,
        ["Huawei Terminal (Shenzhen) Co., Ltd.", "Huawei"]
    );
    assert_eq!(
        p.relations,
        [(
            RelationKind::Affiliate,
            "Huawei Terminal (Shenzhen) Co., Ltd.".to_string()
        )]
    );

    let p = split_prose(
        "Universal Enterprise Limited [aka General Technology Limited, aka Beijing Luo Luo Tech Development Limited, aka Tiger Force Electronics, aka Foshan Nanhai Winhope Trade Company] (Hong Kong Entity), and its sub-units and successors",
    );
    assert_eq!(p.primary, "Universal Enterprise Limited");
    assert_eq!(
        p.aliases,
        [
            "General Technology Limited",
            "Beijing Luo Luo Tech Development Limited",
            "Tiger Force Electronics",
            "Foshan Nanhai Winhope Trade Company"
        ]
    );

    let p = split_prose(
        "China Electronics Technology Group Corporation 13th Research Institute (CETC 13).  Subordinate Institution - MT Microsystems",
    );
    assert_eq!(
        p.primary,
        "China Electronics Technology Group Corporation 13th Research Institute"
    );
    assert!(
        p.aliases.contains(&"CETC 13".to_string())
            && p.aliases.contains(&"MT Microsystems".to_string())
    );
}

#[test]
fn akas_formers_parents_and_mid_name_acronyms() {
    let p = split_prose(
        "Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)",
    );
    assert_eq!(p.primary, "Chitron Electronics Company Ltd.");
    assert!(
        p.aliases
            .contains(&"Chi-Chung Electronics Company Ltd.".to_string()),
        "{p:?}"
    );

    let p = split_prose(
        "Baotou Guanghua Chemical Industrial Corporation (Parent Organization: China National Nuclear Group Corporation (CNNC))",
    );
    assert_eq!(p.primary, "Baotou Guanghua Chemical Industrial Corporation");
    assert_eq!(
        p.relations,
        [(
            RelationKind::Parent,
            "China National Nuclear Group Corporation (CNNC)".to_string()
        )]
    );

    let p = split_prose(
        "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy, 33 Research Institute",
    );
    assert_eq!(
        p.primary,
        "China Aerospace Science and Industry Corporation 3rd Academy, 33 Research Institute"
    );
    assert_eq!(p.aliases, ["CASIC 3rd Academy, 33 Research Institute"]);

    let p = split_prose(
        "Gazprom Telekom, OOO (f.k.a. Obshchestvo s Ogranichennoi Otvetstvennostyu Gazprom Svyaz)",
    );
    assert_eq!(p.primary, "Gazprom Telekom, OOO");
    assert_eq!(
        p.former,
        ["Obshchestvo s Ogranichennoi Otvetstvennostyu Gazprom Svyaz"]
    );
}

#[test]
fn comma_joined_aliases_are_split_where_names_end() {
    assert_eq!(
        split_commas(
            "DPRK Committee for Space Technology, Department of Space Technology of North Korea, KCST"
        ),
        [
            "DPRK Committee for Space Technology",
            "Department of Space Technology of North Korea",
            "KCST"
        ]
    );
    assert_eq!(split_commas("ZAMAN, Haydar"), ["ZAMAN, Haydar"]);
    assert_eq!(
        split_commas("TABA, TABA Co., Iran Cutting Tools Co."),
        ["TABA", "TABA Co.", "Iran Cutting Tools Co."]
    );
    assert_eq!(
        split_commas("CITC, Technology Cooperation Office, TCO"),
        ["CITC", "Technology Cooperation Office", "TCO"]
    );
}
#[test]
fn a_parenthesised_acronym_is_an_alias_and_the_written_name_stays() {
    let r = read_names(
        "Chengdu GaStone Technology Co., Ltd. (CGTC)",
        "",
        false,
        false,
    );
    assert_eq!(r.primary, "Chengdu GaStone Technology Co., Ltd.");
    assert_eq!(
        r.aliases,
        ["Chengdu GaStone Technology Co., Ltd. (CGTC)", "CGTC"]
    );
    assert_eq!(r.counts.parenthetical_aliases, 1);
}

#[test]
fn prose_in_names_is_read_and_counted() {
    let r = read_names(
        "Poly Technologies Incorporated (PTI), and its sub-units and successors",
        "",
        false,
        false,
    );
    assert_eq!(r.primary, "Poly Technologies Incorporated");
    assert!(r.aliases.contains(&"PTI".to_string()));
    assert!(
        r.aliases
            .contains(&"Poly Technologies Incorporated (PTI)".to_string())
    );
    assert_eq!(r.notes, ["and its sub-units and successors"]);
    assert_eq!(r.counts.reach_notes, 1);

    let r = read_names(
        "Gazprom Promgaz, AO (f.k.a. Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz)",
        "",
        false,
        false,
    );
    assert_eq!(r.primary, "Gazprom Promgaz, AO");
    assert_eq!(
        r.former,
        ["Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz"]
    );
    assert_eq!(r.counts.former, 1);

    let r = read_names(
        "Pakistan Atomic Energy Commission (PAEC), and subordinate entity National Development Complex (NDC)",
        "",
        false,
        false,
    );
    assert_eq!(r.primary, "Pakistan Atomic Energy Commission");
    assert_eq!(
        r.relations,
        [(
            RelationKind::Subsidiary,
            "National Development Complex (NDC)".to_string()
        )]
    );
    assert_eq!(r.counts.related, 1);

    let r = read_names(
        "Department of Atomic Energy entity: Bhabha Atomic Research Center (BARC)",
        "",
        false,
        false,
    );
    assert_eq!(r.primary, "Bhabha Atomic Research Center");
    assert_eq!(
        r.relations,
        [(
            RelationKind::Parent,
            "Department of Atomic Energy".to_string()
        )]
    );
}

#[test]
fn alias_fragments_and_tight_separators() {
    let r = read_names(
        "Beihang University",
        "and  Beijing Power Machinery Institute; NPO Izhmash OAO;OJSC Concern Kalashnikov; (all of preceding located in Beijing)",
        false,
        false,
    );
    for a in [
        "Beijing Power Machinery Institute",
        "NPO Izhmash OAO",
        "OJSC Concern Kalashnikov",
    ] {
        assert!(r.aliases.contains(&a.to_string()), "{a}: {:?}", r.aliases);
    }
    assert!(
        r.aliases
            .contains(&"and Beijing Power Machinery Institute".to_string()),
        "as written"
    );
    assert_eq!(r.notes, ["(all of preceding located in Beijing)"]);
    assert_eq!((r.counts.and_fragments, r.counts.tight_separators), (1, 1));
}
