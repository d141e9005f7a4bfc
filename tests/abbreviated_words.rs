//! Words the lists write both whole and abbreviated, as vendors do:
//! Import and Export ("CHINA NATIONAL ELECTRONICS IMPORT AND EXPORT
//! CORPORATION"; "JINCHENG GROUP IMP & EXP. CO. LTD.", "ZHEJIANG WONDER
//! IMP. AND EXP. CO., LTD.", as Chinese companies' names often write it),
//! and Establishment ("TARIQ ABU SHANAB EST. FOR TRADE & COMMERCE", as
//! names of the Arab world write it). Every organisation name of the OFAC
//! SDN (2024 and 2021), non-SDN, DPL and CSL (2023) files that writes
//! either, written the other way, hits its own entity at the default
//! threshold. Not a sample; each miss is printed.

use support::own_entity::all_hit_their_entity;

mod support;

const FILES: &[&str] = &[
    "ofac-sdn/2024-05-03/sdn.csv",
    "ofac-sdn/2021-07-07/sdn.csv",
    "ofac-non-sdn/cons_prim.csv",
    "bis-dpl/dpl.txt",
    "csl/consolidated-2023-11-partial.csv",
];

/// The words between Import and Export as names write them.
const JOINS: &[&str] = &[" AND ", " & ", "&", " / ", "/"];

/// The name with "Import and Export" written "Imp & Exp", or "Imp & Exp"
/// ("Imp. and Exp.", "IMP&EXP.") written out, in either case; `None` when
/// it writes neither.
fn import_export_the_other_way(name: &str) -> Option<String> {
    let upper = name.to_uppercase();
    for (long, short) in [("IMPORT", "EXPORT"), ("IMP.", "EXP."), ("IMP", "EXP")] {
        for join in JOINS {
            let phrase = format!("{long}{join}{short}");
            let Some(at) = upper.find(&phrase) else {
                continue;
            };
            let end = at + phrase.len();
            // Whole words only: not the "IMP" of "IMPORT".
            let bounded = |i: usize| {
                upper[i..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            };
            if !bounded(end) || (at > 0 && !bounded(at - 1)) {
                continue;
            }
            let other = if long == "IMPORT" {
                "IMP & EXP"
            } else {
                "IMPORT AND EXPORT"
            };
            return Some(format!("{}{other}{}", &name[..at], &name[end..]));
        }
    }
    None
}

#[test]
fn import_and_export_contracted_or_spelt_out_hits_its_entity() {
    all_hit_their_entity(
        FILES,
        import_export_the_other_way,
        "with Import and Export written the other way",
        30,
    );
}

/// The name with the word Establishment written "EST.", or "Est." written
/// out, in either case; `None` when it writes neither.
fn establishment_the_other_way(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut changed = false;
    let out: Vec<String> = words
        .iter()
        .map(|w| {
            let bare = w.trim_end_matches(',');
            let tail = &w[bare.len()..];
            match bare.to_uppercase().as_str() {
                "ESTABLISHMENT" => {
                    changed = true;
                    format!("EST.{tail}")
                }
                "EST." | "EST" => {
                    changed = true;
                    format!("ESTABLISHMENT{tail}")
                }
                _ => (*w).to_string(),
            }
        })
        .collect();
    changed.then(|| out.join(" "))
}

#[test]
fn establishment_abbreviated_or_spelt_out_hits_its_entity() {
    all_hit_their_entity(
        FILES,
        establishment_the_other_way,
        "with Establishment written the other way",
        100,
    );
}

#[test]
fn the_words_are_found_as_names_write_them() {
    type Rewrite = fn(&str) -> Option<String>;
    let rows: &[(Rewrite, &str, Option<&str>)] = &[
        (
            establishment_the_other_way,
            "TARIQ ABU SHANAB EST. FOR TRADE & COMMERCE",
            Some("TARIQ ABU SHANAB ESTABLISHMENT FOR TRADE & COMMERCE"),
        ),
        (
            establishment_the_other_way,
            "MILITARY HOUSING ESTABLISHMENT, SYRIA",
            Some("MILITARY HOUSING EST., SYRIA"),
        ),
        (establishment_the_other_way, "ESTONIA TRADE", None),
        (
            import_export_the_other_way,
            "ZHEJIANG WONDER IMP. AND EXP. CO., LTD.",
            Some("ZHEJIANG WONDER IMPORT AND EXPORT CO., LTD."),
        ),
        (
            import_export_the_other_way,
            "Sinobright Import and Export Company",
            Some("Sinobright IMP & EXP Company"),
        ),
        (
            import_export_the_other_way,
            "SHEN YANG JING CHENG MACHINERY IMP&EXP. CO., LIMITED",
            Some("SHEN YANG JING CHENG MACHINERY IMPORT AND EXPORT. CO., LIMITED"),
        ),
        (import_export_the_other_way, "IMPERIAL EXPORTS LTD", None),
    ];
    for (rewrite, name, expected) in rows {
        assert_eq!(rewrite(name).as_deref(), *expected, "{name}");
    }
}
