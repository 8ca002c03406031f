//! Agreement coefficients over category labels: Cohen's kappa for two
//! annotators, Krippendorff's alpha (nominal) for any number with missing
//! values. Plain functions over slices; `None` where the coefficient is
//! undefined (no items, or only one category in play: 0/0), which is where
//! scikit-learn returns `nan` and the `krippendorff` package refuses.

use std::collections::BTreeMap;

/// Cohen's kappa of paired labels `(a, b)`: `(p_o - p_e) / (1 - p_e)`, with
/// `p_e` from each annotator's own label frequencies (as scikit-learn's
/// `cohen_kappa_score` without weights).
pub fn cohen_kappa<T: Ord>(pairs: &[(T, T)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.is_empty() {
        return None;
    }
    let mut a: BTreeMap<&T, f64> = BTreeMap::new();
    let mut b: BTreeMap<&T, f64> = BTreeMap::new();
    let mut same = 0.0;
    for (x, y) in pairs {
        *a.entry(x).or_default() += 1.0;
        *b.entry(y).or_default() += 1.0;
        if x == y {
            same += 1.0;
        }
    }
    let observed = same / n;
    let expected: f64 = a.iter().map(|(c, na)| na * b.get(c).copied().unwrap_or(0.0)).sum::<f64>() / (n * n);
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

/// Krippendorff's alpha for nominal data. `units[u][r]` is annotator `r`'s
/// label of unit `u`, `None` when missing. Units with fewer than two labels
/// are not pairable and count for nothing. `1 - (n - 1) * D_o / D_e` over the
/// coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
/// alpha-reliability").
pub fn krippendorff_alpha<T: Ord>(units: &[Vec<Option<T>>]) -> Option<f64> {
    // o[c][k]: coincidences of values c and k within units.
    let mut o: BTreeMap<(&T, &T), f64> = BTreeMap::new();
    for unit in units {
        let values: Vec<&T> = unit.iter().flatten().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        let weight = 1.0 / (m - 1) as f64;
        for (i, c) in values.iter().enumerate() {
            for (j, k) in values.iter().enumerate() {
                if i != j {
                    *o.entry((*c, *k)).or_default() += weight;
                }
            }
        }
    }
    let mut totals: BTreeMap<&T, f64> = BTreeMap::new();
    for ((c, _), v) in &o {
        *totals.entry(*c).or_default() += v;
    }
    let n: f64 = totals.values().sum();
    let disagree: f64 = o.iter().filter(|((c, k), _)| c != k).map(|(_, v)| v).sum();
    let sum: f64 = totals.values().sum::<f64>();
    let same: f64 = totals.values().map(|v| v * v).sum::<f64>();
    let expected = sum * sum - same; // sum over c != k of n_c * n_k
    (n > 1.0 && expected > 0.0).then(|| 1.0 - (n - 1.0) * disagree / expected)
}

/// F1 of two annotators' span sets when `matched` spans pair up one to one:
/// `2m / (a + b)` (symmetric: either side may be the reference). `None` when
/// neither has a span.
pub fn f1(matched: usize, a: usize, b: usize) -> Option<f64> {
    (a + b > 0).then(|| 2.0 * matched as f64 / (a + b) as f64)
}
