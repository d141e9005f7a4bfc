//! Must-match and must-not-match tables, each row with its reason. Scores use
//! the default weights (every listed word rare) and the default threshold.

use vendor_screen::DEFAULT_THRESHOLD;
use vendor_screen::normalize::Normalizer;
use vendor_screen::score::{Prepared, Weights, align};

struct Case {
    query: &'static str,
    listed: &'static str,
    why: &'static str,
}

macro_rules! cases {
    ($($q:expr, $l:expr, $why:expr;)*) => { &[$(Case { query: $q, listed: $l, why: $why }),*] };
}

fn score(query: &str, listed: &str) -> f64 {
    let n = Normalizer::new();
    let w = Weights::default();
    let q = Prepared::new(n.normalize(query), &w);
    let l = Prepared::new(n.normalize(listed), &w);
    align(&q, &l, 0.0).map_or(0.0, |a| a.score)
}

const MUST_MATCH: &[Case] = cases![
    // The seed spellings.
    "HANGZHOU HIKVISION DIGITAL TECH CO LTD", "Hangzhou Hikvision Digital Technology Co., Ltd.", "abbreviation, legal form, case";
    "Hik Vision USA Inc", "Hikvision", "split word, added country and legal form";
    "Hik Vision USA Inc", "Hangzhou Hikvision Digital Technology Company", "split word; place and generic words differ";
    "ZTE Corp", "ZTE Corporation", "legal form abbreviated";
    "Huawei Technologies Company", "HUAWEI TECHNOLOGIES CO., LTD.", "legal forms differ";
    "Zhongxing Telecom", "中兴通讯股份有限公司", "pinyin of the registered Chinese name";
    "海康威视", "杭州海康威视数字技术股份有限公司", "Chinese short name inside the unspaced legal name";
    // Evasions and encodings.
    "Hu\u{0430}wei Technologies", "Huawei Technologies Co., Ltd.", "Cyrillic look-alike letter";
    "Ｈｕａｗｅｉ Ｔｅｃｈｎｏｌｏｇｉｅｓ", "Huawei Technologies Co., Ltd.", "full-width letters";
    "Hik\u{200B}vision", "Hikvision", "zero-width space";
    "Société Générale de Surveillance", "SOCIETE GENERALE DE SURVEILLANCE", "diacritics";
    "ПАО Газпром", "PUBLIC JOINT STOCK COMPANY GAZPROM", "Cyrillic, legal forms in two languages";
    "Siemens AG", "Siemens Aktiengesellschaft", "legal form abbreviated (rigour)";
    // Spacing, typos, order, numbers (watchman's expectations, LESSONS.md).
    "ANGLO CARIBBEAN CO LTD", "ANGLO-CARIBBEAN CO., LTD.", "hyphen and punctuation";
    "AEROCARRIBEAN AIRLINES", "AEROCARIBBEAN AIRLINES", "misspelling";
    "AIRLINES AEROCARIBBEAN", "AEROCARIBBEAN AIRLINES", "word order";
    "THE AEROCARIBBEAN AIRLINES COMPANY", "AEROCARIBBEAN AIRLINES", "extra generic words";
    "JSC ARGUMENT", "JSCARGUMENT", "merged words";
    "Gazprom Bank", "GAZPROMBANK", "merged words";
    "1142021 corp", "11 420 2 1 corp", "digits re-spaced";
    "CETC 13", "China Electronics Technology Group Corporation 13th Research Institute", "initialism with an agreeing number";
    "GUANGZHOU HAIGE COMM GRP", "Guangzhou Haige Communications Group Incorporated Company", "abbreviations (nomenklatura#274)";
    "Dahau Technology Company", "Dahua Technology Company", "transposition";
    "Megvii Techn ology Limited", "Megvii Technology Limited", "a split word whose first half is also an abbreviation";
];

const MUST_NOT_MATCH: &[Case] = cases![
    "Hangzhou Digital Technology Co., Ltd.", "Hangzhou Hikvision Digital Technology Co., Ltd.", "shares only place and generic words";
    "China Technology Group Corporation", "China Electronics Technology Group Corporation", "generic words only; one differs";
    "China Technology Group Corporation", "CTG", "a listed acronym stands only for itself";
    "Co., Ltd.", "Huawei Technologies Co., Ltd.", "a legal form alone matches nothing";
    "Tesla, Inc.", "TESA", "one edit in a five-letter word makes another real word (SEC name, SDN alias)";
    "LINDE PLC", "LINDA", "one edit in a five-letter word makes another real word (SEC name, SDN alias)";
    "ADVANCED ATC INC", "YK-ATC", "YK in an aircraft registration is no legal form (SDN aircraft)";
    "ICF International, Inc.", "EP-ICF", "EP in an aircraft registration is no legal form (SEC name, SDN aircraft)";
    "Industrial and Commercial Bank of Chad", "Industrial and Commercial Bank of China", "the one place differs";
    "CARIBBEAN TRADING LIMITED", "PACIFIC TRADING LIMITED", "shared generic words (watchman)";
    "skylight financial services", "africada financial services bureau change", "shared generic words (watchman#483)";
    "the bridgespan group", "the group for the preservation of the holy sites", "stop words (watchman)";
    "independent insurance group ltd", "bindaree food group pty ltd", "shared generic words (watchman)";
    "CETC 13", "CETC 14", "numbers differ";
    "BELLETECH CORP", "11420 CORP.", "numbers are not dropped (watchman#483)";
    "EMMA", "Emma Daniels", "a short name inside a longer one (watchman#338)";
    "AGS MALI-SARL", "MA LI", "short listed words inside another name";
    "All Traffic Solutions Inc", "ATS", "listed three-letter acronym";
    "Aecom Services", "Mecom", "a different first letter is a different word";
    "Samsung", "SA", "a legal form is not read inside a word";
    "General Cutting Tools Inc", "Iran Cutting Tools Co.", "shared words are common in company names";
];

#[test]
fn must_match() {
    let failed: Vec<String> = MUST_MATCH
        .iter()
        .map(|c| (c, score(c.query, c.listed)))
        .filter(|(_, s)| *s < DEFAULT_THRESHOLD)
        .map(|(c, s)| format!("{:?} ~ {:?} = {s:.3} ({})", c.query, c.listed, c.why))
        .collect();
    assert!(failed.is_empty(), "should match:\n{}", failed.join("\n"));
}

#[test]
fn must_not_match() {
    let failed: Vec<String> = MUST_NOT_MATCH
        .iter()
        .map(|c| (c, score(c.query, c.listed)))
        .filter(|(_, s)| *s >= DEFAULT_THRESHOLD)
        .map(|(c, s)| format!("{:?} ~ {:?} = {s:.3} ({})", c.query, c.listed, c.why))
        .collect();
    assert!(
        failed.is_empty(),
        "should not match:\n{}",
        failed.join("\n")
    );
}

#[test]
fn explanations_name_what_normalisation_did() {
    let n = Normalizer::new();
    let w = Weights::default();
    let q = Prepared::new(
        n.normalize("Hu\u{0430}wei\u{200B} Technologies Co., Ltd."),
        &w,
    );
    let l = Prepared::new(n.normalize("HUAWEI TECHNOLOGIES CO., LTD."), &w);
    let a = align(&q, &l, 0.0).expect("aligned");
    let e = vendor_screen::explain::Explanation::new(&q, &l, &a, DEFAULT_THRESHOLD);
    let text = e.to_string();
    for expected in [
        "removed zero-width space",
        "folded Cyrillic 'а' to 'a' in 'Huаwei'",
        "legal form 'Co., Ltd.' ignored",
        "threshold 0.850",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Every token of both names is in exactly one pair or leftover.
    let mut q_seen = vec![0; q.name.tokens.len()];
    let mut l_seen = vec![0; l.name.tokens.len()];
    for p in &a.pairs {
        p.query.iter().for_each(|&i| q_seen[i] += 1);
        p.listed.iter().for_each(|&j| l_seen[j] += 1);
    }
    for x in &a.leftovers {
        match x.side {
            vendor_screen::score::Side::Query => q_seen[x.token] += 1,
            vendor_screen::score::Side::Listed => l_seen[x.token] += 1,
        }
    }
    assert!(q_seen.iter().chain(&l_seen).all(|&c| c == 1));
    let json = serde_json::to_value(&e).expect("serialises");
    assert_eq!(json["pairs"].as_array().map(Vec::len), Some(a.pairs.len()));
}
