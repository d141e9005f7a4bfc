//! Legal forms and contractions as vendor masters and lists write them.

/// Written forms of one legal form, each a way vendor masters and lists
/// write it. The first class whose form ends (or starts) a name is its legal form.
pub const LEGAL_FORMS: &[&[&str]] = &[
    &[
        "Group Co., Ltd.",
        "Group Corporation",
        "Group Co.",
        "Group Company Limited",
        "Group Corp.",
        "Group Co Ltd",
        "GROUP CO LTD",
    ],
    &[
        "Co., Ltd.",
        "Co., Ltd",
        "Co. Ltd.",
        "Co Ltd",
        "Company Limited",
        "Company Ltd.",
        "Co., Limited",
        "CO  LTD",
    ],
    &[
        "Corp., Ltd.",
        "Corporation Limited",
        "Corp. Ltd.",
        "Corp Ltd",
        "Corporation Ltd.",
    ],
    &[
        "Public Joint Stock Company",
        "PJSC",
        "PAO",
        "Publichnoe Aktsionernoe Obshchestvo",
    ],
    &[
        "Open Joint Stock Company",
        "OJSC",
        "OAO",
        "Otkrytoe Aktsionernoe Obshchestvo",
    ],
    &[
        "Closed Joint Stock Company",
        "CJSC",
        "ZAO",
        "Zakrytoe Aktsionernoe Obshchestvo",
    ],
    &[
        "Joint Stock Company",
        "JSC",
        "AO",
        "Aktsionernoe Obshchestvo",
    ],
    &[
        "Limited Liability Company",
        "LLC",
        "L.L.C.",
        "OOO",
        "Obshchestvo s Ogranichennoi Otvetstvennostyu",
    ],
    &["Private Limited", "Pvt. Ltd.", "Pvt Ltd", "(Pvt) Ltd."],
    &["Pte. Ltd.", "Pte Ltd", "PTE LTD"],
    &["Sdn. Bhd.", "Sdn Bhd", "SDN BHD"],
    &["Public Limited Company", "PLC", "P.L.C."],
    &["S.A. de C.V.", "SA de CV", "S.A. DE C.V."],
    &["Incorporated", "Inc.", "Inc", "INC."],
    &["Corporation", "Corp.", "Corp", "CORP."],
    &["Company", "Co.", "Co", "CO."],
    &["Limited", "Ltd.", "Ltd", "LTD."],
    &["GmbH", "G.m.b.H."],
    &["S.A.", "SA", "S.A"],
    &["B.V.", "BV"],
    &["S.R.L.", "SRL"],
    &["S.A.R.L.", "SARL"],
    &["FZE", "F.Z.E."],
    &["FZCO", "FZ Co"],
    &["AG"],
    &["Ltda.", "Ltda"],
    &["S.A.S.", "SAS"],
    &["S.P.R.L.", "SPRL"],
    &["LLP", "L.L.P."],
    &["Oy", "OY"],
    &["A.S.", "AS"],
    &["d.o.o.", "DOO", "D.O.O."],
    &["s.r.o.", "SRO", "S.R.O."],
    &["Sp. z o.o.", "Sp. z.o.o.", "SP Z OO"],
    &["EOOD"],
    &["OOD"],
    &["Kft.", "KFT"],
    &["PT", "P.T."],
];

/// Contractions of organisation words, from reading vendor names; `used`
/// below keeps those actually seen in the vendor files. (contraction, words it
/// stands for).
pub const CONTRACTIONS: &[(&str, &[&str])] = &[
    ("Avn", &["Aviation"]),
    ("Aviat", &["Aviation"]),
    ("Ind", &["Industry", "Industries", "Industrial"]),
    ("Inds", &["Industries"]),
    ("Indus", &["Industry", "Industries", "Industrial"]),
    ("Indl", &["Industrial"]),
    ("Tech", &["Technology", "Technologies", "Technical"]),
    ("Tec", &["Technology", "Technologies"]),
    ("Techs", &["Technologies"]),
    ("Mfg", &["Manufacturing"]),
    ("Mfrs", &["Manufacturers"]),
    ("Intl", &["International"]),
    ("Natl", &["National"]),
    ("Svcs", &["Services"]),
    ("Svc", &["Service", "Services"]),
    ("Serv", &["Service", "Services"]),
    ("Engg", &["Engineering"]),
    ("Eng", &["Engineering"]),
    ("Engr", &["Engineering"]),
    ("Hldgs", &["Holdings"]),
    ("Hldg", &["Holding"]),
    ("Grp", &["Group"]),
    ("Assn", &["Association"]),
    ("Assoc", &["Association", "Associates", "Associated"]),
    ("Sys", &["Systems", "System"]),
    (
        "Elec",
        &["Electric", "Electrical", "Electronics", "Electronic"],
    ),
    ("Electro", &["Electronics", "Electronic"]),
    ("Comm", &["Communications", "Communication", "Commercial"]),
    ("Comms", &["Communications"]),
    ("Telecom", &["Telecommunications", "Telecommunication"]),
    ("Telcom", &["Telecommunications", "Telecommunication"]),
    ("Mgmt", &["Management"]),
    ("Mgt", &["Management"]),
    ("Dev", &["Development"]),
    ("Devt", &["Development"]),
    ("Labs", &["Laboratories", "Laboratory"]),
    ("Lab", &["Laboratory"]),
    ("Res", &["Research"]),
    ("Chem", &["Chemical", "Chemicals"]),
    ("Pharma", &["Pharmaceutical", "Pharmaceuticals"]),
    ("Inst", &["Institute"]),
    ("Univ", &["University"]),
    ("Ctr", &["Center", "Centre"]),
    ("Sci", &["Science", "Sciences", "Scientific"]),
    ("Dist", &["Distribution", "Distributors"]),
    ("Equip", &["Equipment"]),
    ("Govt", &["Government"]),
    ("Trans", &["Transport", "Transportation"]),
    ("Const", &["Construction"]),
    ("Mech", &["Mechanical"]),
    ("Mach", &["Machinery", "Machine"]),
    ("Hlth", &["Health"]),
    ("Med", &["Medical"]),
    ("Petro", &["Petroleum"]),
    ("Bldg", &["Building"]),
    ("Gen", &["General"]),
    ("Info", &["Information"]),
    ("Enviro", &["Environmental"]),
    ("Aero", &["Aerospace", "Aeronautical", "Aeronautics"]),
    ("Auto", &["Automotive"]),
    ("Bros", &["Brothers"]),
    ("Invest", &["Investment", "Investments"]),
    ("Ops", &["Operations"]),
    ("Dept", &["Department"]),
    ("Div", &["Division"]),
    ("Pwr", &["Power"]),
    ("Ctrl", &["Control"]),
    ("Trdg", &["Trading"]),
    ("Shpg", &["Shipping"]),
];

/// How often each contraction occurs as a word in the vendor names:
/// (contraction, words, count in FPDS, count in SEC).
pub fn contraction_counts(
    vendors: &[super::super::vendors::VendorName],
) -> Vec<(&'static str, &'static [&'static str], usize, usize)> {
    use std::collections::HashMap;
    let mut counts: HashMap<(String, &str), usize> = HashMap::new();
    for v in vendors {
        for w in v.name.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                *counts.entry((w.to_lowercase(), v.file)).or_default() += 1;
            }
        }
    }
    CONTRACTIONS
        .iter()
        .map(|(c, words)| {
            let n = |f| {
                counts
                    .get(&(c.to_lowercase(), f))
                    .copied()
                    .unwrap_or_default()
            };
            (*c, *words, n("fpds"), n("sec"))
        })
        .collect()
}
