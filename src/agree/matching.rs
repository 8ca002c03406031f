//! Pairing two annotators' spans one to one.

use std::collections::HashMap;

/// Which spans of `a` and `b` were paired.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairing {
    /// `(index in a, index in b)`, exact pairs first.
    pub pairs: Vec<(usize, usize)>,
    /// How many of `pairs` have the same start and end.
    pub exact: usize,
}

/// Pairs spans (`start..end`, any order) of `a` with spans of `b`: first equal
/// spans, then each remaining span of `a` (by start) with the unpaired span of
/// `b` it overlaps most (ties: the nearer start). Empty spans overlap nothing.
/// A sweep over spans sorted by start: candidates are only spans that overlap,
/// so the cost is `O(n log n + overlaps)`.
pub fn pair_spans(a: &[(usize, usize)], b: &[(usize, usize)]) -> Pairing {
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut pairs = Vec::new();
    let mut at: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, span) in b.iter().enumerate().rev() {
        at.entry(*span).or_default().push(j);
    }
    for (i, span) in a.iter().enumerate() {
        if let Some(j) = at.get_mut(span).and_then(Vec::pop) {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    let exact = pairs.len();

    let mut order_a: Vec<usize> = (0..a.len()).filter(|&i| !used_a[i] && a[i].0 < a[i].1).collect();
    order_a.sort_by_key(|&i| a[i]);
    let mut order_b: Vec<usize> = (0..b.len()).filter(|&j| !used_b[j] && b[j].0 < b[j].1).collect();
    order_b.sort_by_key(|&j| b[j]);
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for i in order_a {
        let (s, e) = a[i];
        while next < order_b.len() && b[order_b[next]].0 < e {
            active.push(order_b[next]);
            next += 1;
        }
        // Spans of b that end before this one starts end before every later one.
        active.retain(|&j| b[j].1 > s && !used_b[j]);
        let best = active.iter().copied().filter(|&j| b[j].0 < e).max_by_key(|&j| {
            let overlap = e.min(b[j].1) - s.max(b[j].0);
            (overlap, std::cmp::Reverse(s.abs_diff(b[j].0)), std::cmp::Reverse(j))
        });
        if let Some(j) = best {
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    Pairing { pairs, exact }
}
