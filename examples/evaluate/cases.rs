//! Test cases (a query and the listed entity it should hit), their outcomes
//! when screened, and the tables that summarise them: recall at a threshold,
//! per row, and the worst misses.

use serde::Serialize;
use std::collections::BTreeMap;
use vendor_screen::list::{Date, DesignationList};
use vendor_screen::{DEFAULT_THRESHOLD, Error, Screener, ScreenerBuilder, Vendor, Via};

/// One query and what it should (or, for a negative, should not) hit.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    /// The rows of the report it counts in (its kind first).
    pub rows: Vec<String>,
    /// The text screened.
    pub query: String,
    /// The listed name it was made from (or the member's parent, for group members).
    pub source: String,
    /// The list id of the expected entity.
    pub list: String,
    /// The expected entity's id.
    pub entity: String,
    /// The expected entity's names in the lists screened (for the peers).
    pub expected_names: Vec<String>,
    /// Group members: the hit must have a status that counts (match or
    /// review), through any path; otherwise the hit must come through the
    /// name itself (or a name written into it: "X, a.k.a. Y").
    pub member: bool,
    /// A negative: the query is another name and must not hit the entity.
    pub negative: bool,
}

/// What screening a case gave.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Outcome {
    /// The best score on the expected entity at the floor threshold (`None`:
    /// no hit on it), read at thresholds other than the default.
    pub own: Option<f64>,
    /// The same from a screener built at the default threshold.
    pub own_default: Option<f64>,
    /// The best hit on another entity at the default threshold: (list,
    /// entity id, matched name, score).
    pub instead: Option<(String, String, String, f64)>,
    /// At the default threshold, the hit on the expected entity came only
    /// through a listed entry's link (a group member matching a listed
    /// sibling "Linked To:" the group), not through the name itself.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub through_link: bool,
}

impl Outcome {
    /// The best score on the expected entity, as a screener at threshold `t`
    /// would report it: from the one at the default threshold at or above it.
    ///
    /// Below it, a case found at the default threshold stays found. A
    /// screener keeps one hit per entity, the more serious status first and
    /// a hit through the entity's own names before one through a listed
    /// entry's link; at the floor, another path can stand in the place of
    /// the hit the default threshold reports: a link from an entry matched
    /// only under the default threshold with a more serious status (§889
    /// reaches affiliates), or the entity's own name scoring under `t`
    /// where the default threshold reports a link.
    pub fn own_at(&self, t: f64) -> Option<f64> {
        if t >= DEFAULT_THRESHOLD {
            self.own_default
        } else {
            match (self.own, self.own_default) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            }
        }
    }

    /// Whether the case counts as found (positives) or as wrongly hit
    /// (negatives) at threshold `t`.
    pub fn found_at(&self, t: f64) -> bool {
        found(self.own_at(t), t)
    }
}

/// Screeners of the same lists at the floor threshold and at the default
/// one. A report at a lower threshold is not the higher one's plus more
/// hits: an entity's hit is its best by status before score (a `match` at
/// 0.81 through an alias outranks a `review` at 0.86 through a group's
/// core), so the figures at the default threshold come from a screener
/// built at it.
pub struct Screeners {
    /// At the floor.
    pub floor: Screener,
    /// At the default threshold, when the floor is lower.
    default: Option<Screener>,
}

impl Screeners {
    /// Builds both from `lists`.
    pub fn build(lists: Vec<DesignationList>, floor: f64) -> Result<Screeners, Error> {
        let default = (floor < DEFAULT_THRESHOLD)
            .then(|| ScreenerBuilder::new().lists(lists.clone()).build())
            .transpose()?;
        let floor = ScreenerBuilder::new()
            .lists(lists)
            .threshold(floor)
            .build()?;
        Ok(Screeners { floor, default })
    }

    /// The screener at the default threshold.
    pub fn default(&self) -> &Screener {
        self.default.as_ref().unwrap_or(&self.floor)
    }

    /// Screens every case, at the floor and at the default threshold.
    pub fn screen(&self, cases: &[Case], as_of: Date) -> Vec<Outcome> {
        screen(&self.floor, self.default(), cases, as_of)
    }
}

/// Screens every case with `floor` and `default` (the same screener when
/// the floor is the default threshold), all at once.
pub fn screen(floor: &Screener, default: &Screener, cases: &[Case], as_of: Date) -> Vec<Outcome> {
    let queries: Vec<Vendor> = cases
        .iter()
        .map(|c| Vendor::new(c.query.as_str()))
        .collect();
    let at_floor = read(floor, &queries, cases, as_of);
    if std::ptr::eq(floor, default) {
        return at_floor
            .into_iter()
            .map(|r| Outcome {
                own: r.own,
                own_default: r.own,
                instead: r.instead,
                through_link: r.through_link,
            })
            .collect();
    }
    at_floor
        .into_iter()
        .zip(read(default, &queries, cases, as_of))
        .map(|(floor, default)| Outcome {
            own: floor.own,
            own_default: default.own,
            instead: default.instead,
            through_link: default.through_link,
        })
        .collect()
}

/// What one screener gave a case.
struct Read {
    /// The best score on its entity.
    own: Option<f64>,
    /// The best hit on another entity.
    instead: Option<(String, String, String, f64)>,
    /// The hit on its entity came through a listed entry's link only.
    through_link: bool,
}

/// Each case's best score on its entity and best hit on another.
fn read(screener: &Screener, queries: &[Vendor], cases: &[Case], as_of: Date) -> Vec<Read> {
    screener
        .screen_batch(queries, as_of)
        .into_iter()
        .zip(cases)
        .map(|(report, c)| {
            let on_entity = |h: &vendor_screen::Hit| h.list == c.list && h.entity_id == c.entity;
            let counted: Vec<&vendor_screen::Hit> = report
                .hits
                .iter()
                .filter(|h| on_entity(h))
                .filter(|h| {
                    if c.member {
                        h.status.counts()
                    } else {
                        // The case's own name, or a name written into it
                        // ("X, a.k.a. Y": the screener screens each as an
                        // alias; a case has no aliases of its own).
                        matches!(h.via, Via::SelfName | Via::Alias { .. })
                    }
                })
                .collect();
            let own = counted.iter().map(|h| h.score).reduce(f64::max);
            let through_link = !counted.is_empty()
                && counted
                    .iter()
                    .all(|h| matches!(h.via, Via::Relation { .. }));
            let instead = report.hits.iter().find(|h| !on_entity(h)).map(|h| {
                (
                    h.list.clone(),
                    h.entity_id.clone(),
                    h.matched_name.clone(),
                    h.score,
                )
            });
            Read {
                own,
                instead,
                through_link,
            }
        })
        .collect()
}

/// Whether a case with best score `own` counts as found (positives) or as
/// wrongly hit (negatives) at threshold `t`.
pub fn found(own: Option<f64>, t: f64) -> bool {
    own.is_some_and(|s| s >= t)
}

/// One row of a table: how many cases, and how many found at each threshold.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Row {
    /// The row's label.
    pub label: String,
    /// Cases.
    pub n: usize,
    /// Negatives among them.
    pub negative: bool,
    /// Found at the default threshold (for a negative row: wrongly hit).
    pub at_default: usize,
    /// Found at the threshold where 1% of vendor names hit.
    pub at_1pct: usize,
    /// Each peer's found count at its own 1% threshold: (peer, found).
    pub peers: Vec<(String, usize)>,
}

/// A set of cases, summarised.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// The set's title.
    pub title: String,
    /// The rows, in first-seen order.
    pub rows: Vec<Row>,
    /// The worst misses at the default threshold, lowest score first.
    pub worst: Vec<Miss>,
    /// The worst wrong hits of negatives at the default threshold, highest first.
    pub wrong: Vec<Miss>,
}

/// A miss (or, for a negative, a wrong hit) to show.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    /// The query.
    pub query: String,
    /// The row it counts in first.
    pub kind: String,
    /// The expected entity: list, id, the name it was made from.
    pub expected: (String, String, String),
    /// The best score on the expected entity.
    pub own: Option<f64>,
    /// What it hit instead.
    pub instead: Option<(String, String, String, f64)>,
}

/// Peer scores per case: (peer name, threshold at 1% vendor false
/// positives, each case's best score on its expected entity).
pub type PeerScores<'a> = [(String, f64, &'a [f64])];

/// Summarises outcomes into rows (the `pinned` ones first, then the others
/// in first-seen order) and the `show` worst misses.
#[allow(clippy::too_many_arguments)]
pub fn table(
    title: &str,
    pinned: &[&str],
    cases: &[Case],
    outcomes: &[Outcome],
    default: f64,
    t1: f64,
    peers: &PeerScores,
    show: usize,
) -> Table {
    let mut order: Vec<String> = pinned.iter().map(|p| p.to_string()).collect();
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for (i, (c, o)) in cases.iter().zip(outcomes).enumerate() {
        for r in &c.rows {
            let row = rows.entry(r.clone()).or_insert_with(|| {
                if !order.contains(r) {
                    order.push(r.clone());
                }
                Row {
                    label: r.clone(),
                    negative: c.negative,
                    peers: peers.iter().map(|(p, _, _)| (p.clone(), 0)).collect(),
                    ..Row::default()
                }
            });
            row.n += 1;
            row.at_default += usize::from(o.found_at(default));
            row.at_1pct += usize::from(o.found_at(t1));
            for (k, (_, pt, scores)) in peers.iter().enumerate() {
                if scores.get(i).is_some_and(|s| *s >= *pt) {
                    row.peers[k].1 += 1;
                }
            }
        }
    }
    let worst = |negative: bool, n: usize| -> Vec<Miss> {
        let mut misses: Vec<(usize, &Case, &Outcome)> = cases
            .iter()
            .zip(outcomes)
            .enumerate()
            .filter(|(_, (c, o))| c.negative == negative && o.found_at(default) == negative)
            .map(|(i, (c, o))| (i, c, o))
            .collect();
        // Misses lowest first; wrong hits highest first.
        let sign = if negative { -1.0 } else { 1.0 };
        misses.sort_by(|a, b| {
            (sign * a.2.own_default.unwrap_or(0.0))
                .total_cmp(&(sign * b.2.own_default.unwrap_or(0.0)))
                .then(a.0.cmp(&b.0))
        });
        misses
            .into_iter()
            .take(n)
            .map(|(_, c, o)| Miss {
                query: c.query.clone(),
                kind: c.rows.first().cloned().unwrap_or_default(),
                expected: (c.list.clone(), c.entity.clone(), c.source.clone()),
                own: o.own_default,
                instead: o.instead.clone(),
            })
            .collect()
    };
    Table {
        title: title.to_string(),
        rows: order.iter().filter_map(|r| rows.remove(r)).collect(),
        worst: worst(false, show),
        wrong: worst(true, show / 2),
    }
}

/// Prints a table: one line per row, then the worst misses.
pub fn print(t: &Table, default: f64, t1: f64, peer_thresholds: &[(String, f64)]) {
    println!();
    println!("## {}", t.title);
    let mut header = format!(
        "  {:<46} {:>6} {:>9} {:>9}",
        "",
        "n",
        format!("@{default:.2}"),
        format!("@{t1:.3}")
    );
    for (p, pt) in peer_thresholds {
        let at = if *pt > 1.0 {
            "none".to_string()
        } else {
            format!("{pt:.3}")
        };
        header.push_str(&format!(" {:>16}", format!("{p}@{at}")));
    }
    println!("{header}");
    for r in &t.rows {
        let pct = |k: usize| 100.0 * k as f64 / r.n.max(1) as f64;
        let label = if r.negative {
            format!("{} (hit: wrong)", r.label)
        } else {
            r.label.clone()
        };
        let mut line = format!(
            "  {:<46} {:>6} {:>8.1}% {:>8.1}%",
            truncate(&label, 46),
            r.n,
            pct(r.at_default),
            pct(r.at_1pct)
        );
        for (_, k) in &r.peers {
            line.push_str(&format!(" {:>15.1}%", pct(*k)));
        }
        println!("{line}");
    }
    for (what, list) in [("misses", &t.worst), ("wrong hits", &t.wrong)] {
        if !list.is_empty() {
            println!("  worst {} {what} at {default:.2}:", list.len());
        }
        for m in list {
            print_miss(m);
        }
    }
}

fn print_miss(m: &Miss) {
    {
        println!(
            "    {} {:?} [{}] expected {:?} ({} {}); instead: {}",
            m.own.map_or("  -  ".to_string(), |s| format!("{s:.3}")),
            m.query,
            m.kind,
            m.expected.2,
            m.expected.0,
            truncate(&m.expected.1, 12),
            m.instead
                .as_ref()
                .map_or("nothing".to_string(), |(l, _, n, s)| format!(
                    "{n:?} ({l}) {s:.3}"
                ))
        );
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).chain(['…']).collect()
    }
}
