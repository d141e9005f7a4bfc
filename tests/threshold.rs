//! A screener built at a threshold reports exactly the hits a screener
//! built lower reports at or above it, scores as reported (three
//! decimals): on real SDN names varied as vendor masters vary them.
//! Before, a typo pair's score of 0.851 was cut off at 0.85 by the
//! alignment's bound, and a score of 0.8498, reported as 0.850 at 0.75,
//! was not reported at 0.85.

#[path = "../examples/evaluate/perturb.rs"]
#[allow(dead_code)]
mod perturb;

use perturb::{KINDS, Rng, perturb};
use vendor_screen::list::Date;
use vendor_screen::{DEFAULT_THRESHOLD, Report, Screener, ScreenerBuilder, Vendor};

const FLOOR: f64 = 0.75;

fn screeners() -> (Screener, Screener, Vec<String>) {
    let sdn = vendor_screen::list::load::load_path(
        "../shared/data/ofac-sdn/2024-05-03/sdn.csv".as_ref(),
        None,
    )
    .expect("SDN 2024");
    let names: Vec<String> = sdn
        .lists
        .iter()
        .flat_map(|l| &l.entities)
        .flat_map(|e| e.names().map(|(_, n)| n.to_string()))
        .collect();
    let build = |t: f64| {
        ScreenerBuilder::new()
            .lists(sdn.lists.clone())
            .threshold(t)
            .build()
            .expect("builds")
    };
    (build(FLOOR), build(DEFAULT_THRESHOLD), names)
}

/// Each hit of `low` at `t` or above, (list, entity, score, status), that
/// `high` does not report the same; and each hit of `high` that `low` has
/// nothing on.
fn differences(low: &Report, high: &Report, t: f64) -> Vec<String> {
    let mut out = Vec::new();
    for h in low.hits.iter().filter(|h| h.score >= t) {
        let same = high
            .hits
            .iter()
            .find(|x| x.list == h.list && x.entity_id == h.entity_id);
        if same.is_none_or(|x| x.score != h.score || x.status != h.status) {
            out.push(format!(
                "{} {} at {:.3} {:?}: {:?}",
                h.list,
                h.entity_id,
                h.score,
                h.status,
                same.map(|x| (x.score, x.status))
            ));
        }
    }
    for h in &high.hits {
        if !low
            .hits
            .iter()
            .any(|x| x.list == h.list && x.entity_id == h.entity_id)
        {
            out.push(format!("{} {} only at {t}", h.list, h.entity_id));
        }
    }
    out
}

#[test]
fn a_threshold_reports_what_a_lower_one_reports_above_it() {
    let (low, high, names) = screeners();
    let as_of = Date::new(2024, 6, 1).expect("date");
    let mut rng = Rng::new(7);
    // Every name, varied twice as vendor masters combine changes: a typo
    // and another kind, and that kind alone.
    let others: Vec<&str> = KINDS.iter().copied().filter(|&k| k != "typo").collect();
    let queries: Vec<Vendor> = names
        .iter()
        .enumerate()
        .flat_map(|(k, n)| {
            let kind = others[k % others.len()];
            let varied = perturb(n, kind, &mut rng).unwrap_or_else(|| n.clone());
            let typo = perturb(&varied, "typo", &mut rng).unwrap_or_else(|| varied.clone());
            [Vendor::new(varied.as_str()), Vendor::new(typo.as_str())]
        })
        .collect();
    let (a, b) = (
        low.screen_batch(&queries, as_of),
        high.screen_batch(&queries, as_of),
    );
    let mut failures = Vec::new();
    let mut near = 0;
    for ((v, ra), rb) in queries.iter().zip(&a).zip(&b) {
        near += ra
            .hits
            .iter()
            .filter(|h| (DEFAULT_THRESHOLD - 0.01..DEFAULT_THRESHOLD + 0.01).contains(&h.score))
            .count();
        for d in differences(ra, rb, DEFAULT_THRESHOLD) {
            failures.push(format!("{:?}: {d}", v.name));
        }
    }
    // The check means something only with hits near the threshold.
    assert!(near >= 20, "only {near} hits within 0.01 of the threshold");
    assert!(
        failures.is_empty(),
        "{} of {} queries:\n{}",
        failures.len(),
        queries.len(),
        failures.join("\n")
    );
}
