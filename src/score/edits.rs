//! Edit distance within a bound, and subsequences.

/// Optimal string alignment distance (Damerau-Levenshtein restricted:
/// insertion, deletion, substitution, adjacent transposition) between two
/// byte strings, if it is at most `k`. Computes only the band of width
/// `2k + 1` around the diagonal, without allocating for words up to 63 bytes.
///
/// ```
/// use vendor_screen::score::osa_within;
/// assert_eq!(osa_within(b"hikvision", b"hikvsiion", 2), Some(1));
/// assert_eq!(osa_within(b"huawei", b"hauwei", 1), Some(1));
/// assert_eq!(osa_within(b"cetc", b"cctc", 0), None);
/// ```
pub fn osa_within(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return None;
    }
    if n >= 63 || m >= 63 {
        let d = strsim::osa_distance(
            std::str::from_utf8(a).unwrap_or(""),
            std::str::from_utf8(b).unwrap_or(""),
        );
        return (d <= k).then_some(d);
    }
    const INF: usize = usize::MAX / 4;
    let mut rows = [[INF; 64]; 3];
    // rows[r % 3] is row i; row 0 is the distance from the empty prefix.
    for (j, cell) in rows[0].iter_mut().enumerate().take(m.min(k) + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur] = [INF; 64];
        let lo = i.saturating_sub(k);
        let hi = (i + k).min(m);
        if lo == 0 {
            rows[cur][0] = i;
        }
        let mut best = if lo == 0 { i } else { INF };
        for j in lo.max(1)..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j - 1] + cost)
                .min(rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            best = best.min(d);
        }
        if best > k {
            return None;
        }
    }
    let d = rows[n % 3][m];
    (d <= k).then_some(d)
}

pub(crate) fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.bytes();
    short.bytes().all(|c| it.any(|d| d == c))
}
