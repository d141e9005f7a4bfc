//! A sketch of an index's keys, for a caller that looks up many strings
//! almost none of which find a key ([`crate::rescreen`]'s sieve): each key's
//! length and letter masks, by its first byte. A string the sketch rules
//! out finds no key by [`NameIndex::finds_word`]; one it lets through is
//! looked up.

use super::{NameIndex, letter_masks};

/// A key's shape.
#[derive(Debug, Clone, Copy)]
struct Shape {
    len: usize,
    once: u64,
    twice: u64,
}

/// The shapes of an index's keys by first byte, shortest first.
#[derive(Debug, Clone)]
pub(crate) struct Sketch {
    by_first: Vec<Vec<Shape>>,
    /// The same of organisation-word keys (the long side of a contraction).
    generic_by_first: Vec<Vec<Shape>>,
}

impl NameIndex {
    /// The sketch of this index's keys.
    pub(crate) fn sketch(&self) -> Sketch {
        let mut generic = vec![false; self.key_end.len()];
        for &k in self.generic_by_first.values().flatten() {
            generic[k as usize] = true;
        }
        let mut by_first = vec![Vec::new(); 256];
        let mut generic_by_first = vec![Vec::new(); 256];
        for (k, &generic) in generic.iter().enumerate() {
            let key = self.key(k as u32);
            let Some(&first) = key.as_bytes().first() else {
                continue;
            };
            let (once, twice) = letter_masks(key);
            let shape = Shape {
                len: key.len(),
                once,
                twice,
            };
            by_first[usize::from(first)].push(shape);
            if generic {
                generic_by_first[usize::from(first)].push(shape);
            }
        }
        for shapes in by_first.iter_mut().chain(&mut generic_by_first) {
            shapes.sort_by_key(|s| s.len);
        }
        Sketch {
            by_first,
            generic_by_first,
        }
    }
}

impl Sketch {
    /// Whether a string may find a key as a word of a query, from its first
    /// byte, length and [`super::letter_masks`]: a key
    /// beginning with that byte whose length is within two of it and whose
    /// letter masks differ from it in at most four bits (the key itself, or
    /// one within two edits: an edit changes at most two letters' counts by
    /// one each, as the index's typo scan reads them), or a longer
    /// organisation-word key with all its letters (a contraction).
    pub(crate) fn may_find_word(&self, first: u8, len: usize, (once, twice): (u64, u64)) -> bool {
        let first = usize::from(first);
        let near = &self.by_first[first];
        let from = near.partition_point(|k| k.len + 2 < len);
        let typo = near[from..]
            .iter()
            .take_while(|k| k.len <= len + 2)
            .any(|k| (once ^ k.once).count_ones() + (twice ^ k.twice).count_ones() <= 4);
        let longer = &self.generic_by_first[first];
        let from = longer.partition_point(|k| k.len < len + 2);
        typo || longer[from..].iter().any(|k| once & !k.once == 0)
    }
}
