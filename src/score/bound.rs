//! An upper bound of a pair's name score from its candidate pairs, so that
//! names that cannot reach the cut-off are never aligned.

use super::Prepared;
use super::candidates::Candidate;
use super::evidence;
use super::weights::leftover_factor;
use crate::normalize::TokenKind;

/// An upper bound of the name score from the candidates: each token at its
/// best similarity, leftovers at their cost, the best subset chosen.
/// `query_cost`: [`super::leftover_total`] of the query, so that a long query's
/// words in no candidate are not visited one by one.
///
/// A pair may weigh less than its words ("Sgma" / "Sigma" weighs as the
/// commoner spelling twice, [`super::candidates::candidates`]), and a pair less alike than
/// the score weighing less raises the score: each token weighs anywhere
/// from its lightest share in a candidate to its own weight, and the bound
/// is the highest over those ([`best_ratio`]), or any figure of `enough`
/// or more: the cut-off, which is all the bound is compared with.
pub(super) fn upper_bound(
    q: &Prepared,
    l: &Prepared,
    cands: &[Candidate],
    query_cost: f64,
    enough: f64,
) -> f64 {
    // Per token of each side: best similarity and lightest share of a
    // candidate's weight (the token's own weight when none is lighter).
    let mut best_q: Vec<(usize, f64, f64)> = Vec::new();
    let mut best_l: Vec<(f64, f64)> = l.weights.iter().map(|&w| (0.0, w)).collect();
    for c in cands {
        let natural: f64 = q.weights[c.query.range()].iter().sum::<f64>()
            + l.weights[c.listed.range()].iter().sum::<f64>();
        let scale = if natural > 0.0 {
            (c.weight / natural).min(1.0)
        } else {
            1.0
        };
        best_q.extend(c.query.range().map(|i| (i, c.sim, q.weights[i] * scale)));
        for j in c.listed.range() {
            let b = &mut best_l[j];
            *b = (b.0.max(c.sim), b.1.min(l.weights[j] * scale));
        }
    }
    best_q.sort_by_key(|&(i, _, _)| i);
    best_q.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 = kept.1.max(next.1);
            kept.2 = kept.2.min(next.2);
        }
        same
    });
    // Start with everything left over, then pair tokens in order of benefit.
    let mut items: Vec<Item> = Vec::new();
    let mut den = query_cost;
    for &(i, best, light) in &best_q {
        if best > 0.0 {
            let cost = q.weights[i] * super::weights::query_leftover_factor(&q.name.tokens[i]);
            items.push(Item {
                best,
                weight: q.weights[i],
                light,
                cost,
            });
        }
    }
    for (j, t) in l.name.tokens.iter().enumerate() {
        // The least a leftover can cost (a shorter form halves a listed
        // distinctive word's cost; a person's middle names left out share
        // a quarter of one's).
        let middle = l
            .person
            .as_ref()
            .filter(|p| p.middle.contains(&j))
            .map(|p| p.middle.len());
        let share = if let Some(n) = middle {
            (super::person::MIDDLE_NAME_SHARE / n as f64).min(evidence::SHORTER_FORM_SHARE)
        } else if t.kind == TokenKind::Distinctive {
            evidence::SHORTER_FORM_SHARE
        } else {
            1.0
        };
        let cost = l.weights[j] * leftover_factor(t) * share;
        den += cost;
        let (best, light) = best_l[j];
        if best > 0.0 {
            items.push(Item {
                best,
                weight: l.weights[j],
                light,
                cost,
            });
        }
    }
    items.sort_by(|a, b| b.best.total_cmp(&a.best));
    best_ratio(&items, den, enough)
}

/// A token of [`upper_bound`]: its best similarity, its own weight, the
/// lightest it may weigh in a pair, and its cost left over.
struct Item {
    best: f64,
    weight: f64,
    light: f64,
    cost: f64,
}

/// The highest score `items` (most alike first) can make, starting from
/// `den` with every token left over. The score is highest with the tokens
/// more alike than it at their full weight and those less alike at their
/// lightest: a split in similarity order, tried at each token that may
/// weigh less (few: typos), until one reaches `enough`.
fn best_ratio(items: &[Item], den: f64, enough: f64) -> f64 {
    let splits = items.iter().filter(|x| x.light < x.weight).count();
    let mut out = 0.0f64;
    // Every token at its own weight first, as most bounds need no more;
    // the other splits only while the bound is under `enough`.
    for split in std::iter::once(splits).chain(0..splits) {
        let (mut num, mut den, mut light_seen) = (0.0, den, 0);
        for x in items {
            let w = if x.light < x.weight {
                light_seen += 1;
                if light_seen <= split {
                    x.weight
                } else {
                    x.light
                }
            } else {
                x.weight
            };
            let (n2, d2) = (num + x.best * w, den + w - x.cost);
            if d2 > 0.0 && (den <= 0.0 || n2 / d2 >= num / den) {
                num = n2;
                den = d2;
            }
        }
        out = out.max(if den > 0.0 { (num / den).min(1.0) } else { 0.0 });
        if out >= enough {
            break;
        }
    }
    out
}
