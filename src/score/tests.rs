use super::*;
use crate::normalize::Normalizer;

/// A vendor's name `q` aligned with the listed organisation's name `l`.
fn aligned(q: &str, l: &str) -> Option<Alignment> {
    let n = Normalizer::new();
    let w = Weights::default();
    align(
        &Prepared::new(n.normalize(q), &w),
        &Prepared::new(n.normalize(l), &w).organisation(),
        0.0,
    )
}

/// The weak-evidence rule's factor for the two names (1 when it does not
/// weigh in).
fn weak_factor(q: &str, l: &str) -> f64 {
    aligned(q, l)
        .expect("aligned")
        .evidence
        .iter()
        .find(|e| e.rule == Rule::WeakEvidence)
        .map_or(1.0, |e| e.factor)
}

fn score(a: &str, b: &str) -> f64 {
    let n = Normalizer::new();
    let w = Weights::default();
    let pa = Prepared::new(n.normalize(a), &w);
    let pb = Prepared::new(n.normalize(b), &w).organisation();
    align(&pa, &pb, 0.0).map_or(0.0, |x| x.score)
}

/// Found by `tests/properties.rs::an_unrelated_word_never_raises_a_score`:
/// "limited" alone has nothing but a legal form and scores 0, so an
/// unrelated word beside it must not make its legal form count against
/// a listed name that writes "Ltd" as a word of its own.
#[test]
fn a_legal_form_paired_with_a_word_shares_nothing() {
    let listed = "ltd-cetc & and & machinery";
    assert_eq!(score("limited", listed), 0.0);
    assert_eq!(score("limited jxxzj", listed), 0.0);
}

#[test]
fn initialisms_and_merges() {
    assert!(
        score(
            "CETC 13",
            "China Electronics Technology Group Corporation 13th Research Institute"
        ) >= 0.85
    );
    assert!(
        score(
            "CETC 14",
            "China Electronics Technology Group Corporation 13th Research Institute"
        ) < 0.5,
        "numbers differ"
    );
    assert!(
        score("ZTE", "Zhongxing Telecommunication Equipment Corporation") < 0.85,
        "a lone acronym needs a second agreeing word"
    );
    assert!(
        score("Zhongxing Telecommunication Equipment Corporation", "ZTE") < 0.85,
        "listed acronyms stand for themselves"
    );
    assert!(score("JSC ARGUMENT", "JSCARGUMENT") >= 0.9);
    assert!(score("1142021 corp", "11 420 2 1 corp") >= 0.9);
}

#[test]
fn group_members_score_by_their_core() {
    let a = aligned;
    let member = a(
        "Huawei Marine Networks Co., Ltd.",
        "Huawei Technologies Co., Ltd.",
    )
    .expect("aligned");
    let c = member.containment.expect("a group member");
    assert_eq!(c.core, "Huawei");
    assert_eq!(c.extra, ["Marine", "Networks"]);
    assert!(member.score >= 0.9);
    let mobile = a(
        "China Mobile Online Services Co., Ltd.",
        "China Mobile Limited",
    )
    .expect("aligned");
    assert_eq!(
        mobile.containment.map(|c| c.core).as_deref(),
        Some("China Mobile")
    );
    assert!(mobile.score >= 0.85, "{}", mobile.score);
    let panda = a("Panda Express Inc", "Panda Corporation");
    assert!(panda.is_none_or(|x| x.score < 0.85), "a common word");
    let same = a("Huawei Technologies USA", "Huawei Technologies Co., Ltd.").expect("aligned");
    assert!(
        same.containment.is_none(),
        "a branch scoring as the name is no member"
    );
}

/// A word hyphenated to a core word is part of the core: a vendor's name
/// that has only the rare half ("Zi Yun Dong Fang" / DAE-DONG CREDIT BANK,
/// a real SEC name against a real SDN entry) carries no core, one that
/// writes the whole hyphenated name does. An organisation word hyphenated
/// to it stays out ("Tsargrad-Kultura" of Tsargrad-Media).
#[test]
fn a_hyphenated_name_is_one_core() {
    let containment = |q: &str, l: &str| aligned(q, l).and_then(|a| a.containment).map(|c| c.core);
    assert_eq!(
        containment("Zi Yun Dong Fang Ltd", "DAE-DONG CREDIT BANK"),
        None
    );
    assert_eq!(
        containment("Dae-Dong Trading Co", "DAE-DONG CREDIT BANK").as_deref(),
        Some("DAE DONG")
    );
    assert_eq!(
        containment("Tsargrad-Kultura OOO", "TSARGRAD-MEDIA OOO").as_deref(),
        Some("TSARGRAD")
    );
}

/// A word misspelt on one side weighs in its pair as its spelling on
/// the other: the typo makes a word no company name has, not a rare
/// name ("Wuhaan" is the place Wuhan).
#[test]
fn a_misspelt_word_weighs_as_its_spelling() {
    let n = Normalizer::new();
    let w = Weights::default();
    let q = Prepared::new(n.normalize("Wuhaan Sensor Technology"), &w);
    let l = Prepared::new(n.normalize("Wuhan Sensor Technology"), &w);
    let a = align(&q, &l, 0.0).expect("aligned");
    let typo = a
        .pairs
        .iter()
        .find(|p| matches!(p.kind, PairKind::Typo { .. }))
        .expect("a typo pair");
    let (i, j) = (typo.query[0], typo.listed[0]);
    assert!(q.weights[i] > l.weights[j], "the misspelling looks rarer");
    assert!((typo.weight - 2.0 * l.weights[j]).abs() < 1e-9, "{typo:?}");
    let b = align(&l, &q, 0.0).expect("aligned");
    assert!((a.score - b.score).abs() < 1e-9, "symmetric");
}

/// A branch's qualifier only the vendor's name has ("Global",
/// "International", "Trading") costs nothing after a name ("Volga
/// Group Global" is a branch of Volga Group), half what another
/// organisation word costs after common words only ("Technical
/// Services Global" may be another company), and in full when all the
/// names share is an acronym and its legal form ("ABS Global" is not
/// "ABS Corporation").
#[test]
fn a_branch_qualifier_costs_nothing_after_a_name_half_after_common_words() {
    let branch = weak_factor("Volga Group Global", "Volga Group");
    let other = weak_factor("Volga Group Services", "Volga Group");
    assert!(other < 1.0, "a word of its own needs evidence");
    assert!((branch - 1.0).abs() < 1e-9, "{branch}");
    let common = weak_factor("Technical Services Global", "Technical Services");
    let common_other = weak_factor("Technical Services Partners", "Technical Services");
    assert!(common < 1.0, "a name of common words still needs evidence");
    assert!(
        (1.0 - common - (1.0 - common_other) / 2.0).abs() < 1e-9,
        "{common} / {common_other}"
    );
    let acronym = weak_factor("ABS Global, Inc.", "ABS Corporation");
    let acronym_other = weak_factor("ABS Services, Inc.", "ABS Corporation");
    assert!(
        (acronym - acronym_other).abs() < 1e-9,
        "{acronym} / {acronym_other}"
    );
}

/// A place only the listed name has, beside a place the names share, is the
/// listed branch's country: the vendor names the group ("China Mobile
/// International Ltd" for China Mobile International USA Inc.) and the
/// weak-evidence rule leaves it out. A place that is the only place of the
/// listed name still counts ("Central Bank" is not the Central Bank of
/// Iran).
#[test]
fn a_listed_branch_country_beside_a_shared_place_is_no_disagreement() {
    let branch = weak_factor(
        "China Mobile International Ltd",
        "China Mobile International USA Inc.",
    );
    assert!((branch - 1.0).abs() < 1e-9, "{branch}");
    assert!(
        score(
            "China Mobile International Ltd",
            "China Mobile International USA Inc."
        ) >= 0.85
    );
    assert!(weak_factor("Central Bank", "Central Bank of Iran") < 1.0);
    assert!(score("Central Bank", "Central Bank of Iran") < 0.85);
    // A word of the listed name the vendor left out still counts.
    assert!(
        weak_factor(
            "China Mobile USA Inc",
            "China Mobile International USA Inc."
        ) < 1.0
    );
}

/// A company abroad named with the group's name and the country's own name
/// for itself is the group's branch, as with the English name: "ZTE
/// España S.L." scores as ZTE Corporation's name, not as a member holding
/// "ZTE" beside a word of its own.
#[test]
fn a_country_s_own_name_is_a_branch_qualifier() {
    for vendor in ["ZTE España S.L.", "ZTE Spain S.L."] {
        let a = aligned(vendor, "ZTE Corporation").expect("aligned");
        assert!(a.containment.is_none(), "{vendor}: {:?}", a.containment);
        assert!(a.score >= 0.96, "{vendor}: {}", a.score);
    }
}

/// A vendor's name that is a listed name's core, with no word of its own,
/// is the group's name or the listed name without its other words: a
/// containment scored by the core's rarity, wherever the core stands in
/// the listed name. Not a name that pairs with more than the core.
#[test]
fn the_core_alone_is_a_containment() {
    let bare = |q: &str, l: &str| aligned(q, l).and_then(|a| a.containment);
    let haleel = aligned("HALEEL LTD", "HALEEL COMMODITIES L.L.C.").expect("aligned");
    let c = haleel.containment.expect("the core alone");
    assert_eq!(c.core, "HALEEL");
    assert!(c.extra.is_empty());
    assert!(haleel.score >= 0.85, "{}", haleel.score);
    assert!(
        bare("BAHMAN GROUP", "BAHMAN DIESEL CO.").is_some(),
        "Group is no word of its own"
    );
    // OFAC's short form of the name, whose brand ends it.
    let tochmash = aligned(
        "TOCHMASH",
        "JOINT STOCK COMPANY VLADIMIR PRODUCTION AMALGAMATION TOCHMASH",
    )
    .expect("aligned");
    let c = tochmash
        .containment
        .expect("the core alone, closing the name");
    assert_eq!(c.core, "TOCHMASH");
    assert!(tochmash.score >= 0.85, "{}", tochmash.score);
    for (vendor, listed, why) in [
        (
            "PETROCHINA CO LTD",
            "PETRO CHINA PARS CO.",
            "the vendor's word pairs with more than the core",
        ),
        (
            "Bank of China (Hong Kong)",
            "Bank of China (Singapore)",
            "a place of the vendor's own, even in parentheses",
        ),
    ] {
        assert!(bare(vendor, listed).is_none(), "{vendor}: {why}");
    }
    assert!(
        score("MONSOON LTD", "MONSOON SHIPPING LTD") < 0.85,
        "an ordinary word counts for little"
    );
}

/// A core of one ordinary word of Spanish, Portuguese or French counts as
/// an ordinary English word, unless the list vouches for it as a brand;
/// a coined word or a place keeps its rarity.
#[test]
fn an_ordinary_foreign_core_counts_as_an_english_word() {
    let n = Normalizer::new();
    let w = Weights::default();
    let containment = |vendor: &str, listed: &str, vouched: bool| {
        let q = Prepared::new(n.normalize_query(vendor), &w);
        let mut l = Prepared::new(n.normalize(listed), &w).organisation();
        if let Some(c) = l.core.as_mut() {
            c.carried_by_member = vouched;
        }
        align(&q, &l, 0.0).and_then(|a| a.containment)
    };
    let english = crate::background::Background::get()
        .specificity_of_df(crate::background::ENGLISH_WORD_DF)
        .powi(4);
    for (vendor, listed, vouched, ordinary) in [
        (
            "Cristal Autoworks Inc",
            "Grupo Cristal Corona S.A. de C.V.",
            false,
            true,
        ),
        ("Estrella Immunopharma Inc", "Casa Estrella", false, true),
        (
            "Cristal Autoworks Inc",
            "Grupo Cristal Corona S.A. de C.V.",
            true,
            false,
        ),
        (
            "Alabuga Logistics LLC",
            "Alabuga Development OOO",
            false,
            false,
        ),
        (
            "Hikvision Robotics Co",
            "Hikvision Digital Technology Co",
            false,
            false,
        ),
    ] {
        let c = containment(vendor, listed, vouched)
            .unwrap_or_else(|| panic!("{vendor} ~ {listed}: a containment"));
        assert_eq!(c.ordinary_word, ordinary, "{vendor} ~ {listed}: {c:?}");
        if ordinary {
            assert!((c.rarity - english).abs() < 1e-9, "{c:?}");
        } else {
            assert!(c.rarity > 0.9, "{vendor} ~ {listed}: {c:?}");
        }
    }
}

/// The kind-differs rule's factor for a vendor's name against a vessel's.
fn against_vessel(q: &str, vessel: &str) -> f64 {
    let n = Normalizer::new();
    let w = Weights::default();
    let a = align(
        &Prepared::new(n.normalize(q), &w),
        &Prepared::new(n.normalize(vessel), &w).craft(),
        0.0,
    )
    .expect("aligned");
    a.evidence
        .iter()
        .find(|e| e.rule == Rule::KindDiffers)
        .map_or(1.0, |e| e.factor)
}

#[test]
fn a_company_s_legal_form_disagrees_with_a_vessel() {
    for (vendor, vessel, factor) in [
        ("DOVER Corp", "DOVER", evidence::KIND_FACTOR),
        ("THE HUMANITY GROUP, INC", "HUMANITY", evidence::KIND_FACTOR),
        (
            "Skylife Corporation Limited Liability Company",
            "SKYLINE",
            evidence::KIND_FACTOR,
        ),
        ("Dover", "DOVER", 1.0),
        ("Dover Shipping", "DOVER SHIPPING", 1.0),
        // The legal form is the vessel's own, as written.
        ("Sea Star Ltd", "SEA STAR LTD", 1.0),
    ] {
        assert_eq!(
            against_vessel(vendor, vessel),
            factor,
            "{vendor} ~ {vessel}"
        );
    }
    // An organisation's name is no vessel's.
    let a = aligned("DOVER Corp", "DOVER").expect("aligned");
    assert!(a.evidence.iter().all(|e| e.rule != Rule::KindDiffers));
}

/// A listed name of one word is all identity: a vendor's name that says
/// more matches it only as a member of its group, by containment, but a
/// branch's qualifier says no more of a primary name rare among company
/// names (OFAC's MODABER and PRINTPRODUCT), and does of a common one (the
/// DPL's PEARL) and of an alias.
#[test]
fn a_branch_qualifier_says_no_more_of_a_rare_one_word_name() {
    let n = Normalizer::new();
    let w = Weights::default();
    // Whether the vendor's name says more than the listed name (rejected
    // outright when the listed name has no core to be contained).
    let says_more = |q: &str, l: Prepared| {
        let q = Prepared::new(n.normalize(q), &w);
        align(&q, &l, 0.0).is_none_or(|a| {
            rejected::rejected(&q, &l, &a.pairs, &a.leftovers).is_none_or(|more| more)
        })
    };
    let primary = |l: &str| Prepared::new(n.normalize(l), &w).primary_organisation();
    for (vendor, listed, more) in [
        ("MODABER GLOBAL", "MODABER", false),
        ("TRADING PRINTPRODUCT", "PRINTPRODUCT", false),
        ("International Modaberr", "MODABER", false),
        ("PEARL INTERNATIONAL LLC", "PEARL", true),
        ("MODABER SHIPPING", "MODABER", true),
    ] {
        assert_eq!(
            says_more(vendor, primary(listed)),
            more,
            "{vendor} ~ {listed}"
        );
    }
    // An alias of one word gets no core, and nothing that says more of it
    // matches.
    let alias = Prepared::new(n.normalize("MODABER"), &w).organisation();
    let q = Prepared::new(n.normalize("MODABER GLOBAL"), &w);
    assert_eq!(align(&q, &alias, 0.0), None);
}

/// The branch-qualifier rule: whether a qualifier or a place only the
/// vendor's name has is freed, for names sharing a rare word and not.
#[test]
fn a_branch_qualifier_is_free_beside_a_rare_shared_word() {
    let freed = |q: &str, l: &str| {
        aligned(q, l)
            .expect("aligned")
            .evidence
            .iter()
            .any(|e| e.rule == Rule::BranchQualifier)
    };
    for (vendor, listed, free) in [
        ("MELYTC INTERNATIONAL LLC", "LLC MELYTEC", true),
        (
            "Tenxent Holdings Trading Limited",
            "Tencent Holdings Limited",
            true,
        ),
        (
            "Global Hikvision Technology",
            "Hikvision Digital Technology",
            true,
        ),
        (
            "PATRIOTS INTERNATIONAL LLC",
            "PATRIOT PRIVATE MILITARY COMPANY",
            false,
        ),
        ("ABS Global", "ABS Corporation", false),
        // A place only the vendor's name has is one too...
        ("MELYTC USA LLC", "LLC MELYTEC", true),
        ("AMERICA MEGSFON PAO", "MEGAFON PAO", true),
        // ...but only beside the whole listed name: not beside a place only
        // the listed name has (the places differ, which their own rule
        // weighs), nor beside listed words the vendor leaves out.
        ("MELYTC USA LLC", "LLC MELYTEC RUSSIA", false),
        ("MELYTC USA LLC", "LLC MELYTEC ENGINEERING", false),
    ] {
        assert_eq!(freed(vendor, listed), free, "{vendor} ~ {listed}");
    }
    // Freed, the qualifier costs what a legal form does: nothing more.
    let with = aligned("MELYTC INTERNATIONAL LLC", "LLC MELYTEC").expect("aligned");
    let without = aligned("MELYTC LLC", "LLC MELYTEC").expect("aligned");
    assert!(
        (with.score - without.score).abs() < 1e-9,
        "{} / {}",
        with.score,
        without.score
    );
}

/// A letter left out inside a listed word, beside the name's other words
/// written as listed, reaches the default threshold; a letter changed in a
/// word of the same length stays below it (real SDN names).
#[test]
fn a_letter_left_out_inside_a_word_reaches_the_threshold() {
    let dropped = score("MAUN PETROCHEMICAL CO", "MARUN PETROCHEMICAL COMPANY");
    assert!(dropped >= crate::DEFAULT_THRESHOLD, "{dropped}");
    let changed = score("NOBIN ENERGY CO.", "NOVIN ENERGY COMPANY");
    assert!(changed < crate::DEFAULT_THRESHOLD, "{changed}");
    let at_the_end = score(
        "SEPI SHIPPING CO., LIMITED",
        "SEPID SHIPPING COMPANY LIMITED",
    );
    assert!(at_the_end < crate::DEFAULT_THRESHOLD, "{at_the_end}");
}
