//! Groups of the same claim: scored candidate pairs above a threshold are
//! joined, groups that span two documents or more are kept, and each
//! group's values of one counted thing are checked for disagreement.

use std::collections::BTreeMap;

use super::index::candidates;
use super::numbers::{agree, Value};
use super::people::{claim_ref, People};
use super::words::Corpus;
use super::{byte_range, Conflict, ConflictValue, Group};
use crate::project::LinkCorrection;

/// A pair scoring at least this is the same claim.
const LINK: f32 = 0.30;
/// Added when both claims have the same claimant: attribution may differ
/// between outlets, but the same speaker makes a paraphrase likelier.
const SAME_SPEAKER: f32 = 0.05;

/// A counted thing in a group: the thing, its specific noun, its context word.
type Bucket = (String, Option<String>, Option<String>);

pub struct Found {
    /// Claim indices, sorted.
    pub claims: Vec<usize>,
    score: f32,
}

/// Whether a pair scoring `score` states the same claim (the review matcher
/// uses the grouping's threshold).
pub(super) fn same_claim(score: f32) -> bool {
    score >= LINK
}

/// The groups, with the user's `corrections` applied to the clusters before
/// anything is computed from them (`crate::corrections`).
pub fn groups(corpus: &Corpus, people: &People, corrections: &[LinkCorrection]) -> Vec<Found> {
    let n = corpus.claims.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut best = vec![0f32; n];
    for (a, b, sim) in candidates(corpus) {
        let same_speaker = people.shared(a).is_some() && people.shared(a) == people.shared(b);
        let score = sim + if same_speaker { SAME_SPEAKER } else { 0.0 };
        if score >= LINK {
            union(&mut parent, a, b);
            best[a] = best[a].max(score);
            best[b] = best[b].max(score);
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut clusters: Vec<Vec<usize>> = by_root.into_values().collect();
    if !corrections.is_empty() {
        let ids: Vec<&str> =
            corpus.claims.iter().map(|c| corpus.docs[c.doc].src.claims[c.claim].id.as_deref().unwrap_or("")).collect();
        crate::corrections::apply(&mut clusters, &ids, corrections);
        for c in &mut clusters {
            c.sort_unstable();
        }
    }
    let mut out: Vec<Found> = clusters
        .into_iter()
        .filter(|claims| {
            let first = corpus.claims[claims[0]].doc;
            claims.iter().any(|&c| corpus.claims[c].doc != first)
        })
        .map(|claims| {
            let score = claims.iter().map(|&c| best[c]).sum::<f32>();
            Found { claims, score }
        })
        .collect();
    out.sort_by(|a, b| {
        b.claims.len().cmp(&a.claims.len()).then(b.score.total_cmp(&a.score)).then(a.claims.cmp(&b.claims))
    });
    out
}

impl Found {
    pub fn render(&self, corpus: &Corpus, n: usize) -> Group {
        Group {
            id: format!("g{}", n + 1),
            reason: reason(corpus, &self.claims),
            claims: self.claims.iter().map(|&c| claim_ref(corpus, c)).collect(),
            conflicts: conflicts(corpus, &self.claims),
        }
    }
}

/// `sama: ` and the terms most of the group's claims share, rarest first.
pub(super) fn reason(corpus: &Corpus, claims: &[usize]) -> String {
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for &c in claims {
        for &t in &corpus.claims[c].terms {
            *counts.entry(t).or_default() += 1;
        }
    }
    let mut common: Vec<(u32, usize)> = counts.into_iter().filter(|&(_, k)| k >= 2).collect();
    common.sort_by(|a, b| {
        let wa = a.1 as f32 * corpus.weight(a.0);
        let wb = b.1 as f32 * corpus.weight(b.0);
        wb.total_cmp(&wa).then(a.0.cmp(&b.0))
    });
    let words: Vec<&str> = common.iter().take(4).map(|&(t, _)| corpus.terms[t as usize].surface.as_str()).collect();
    if words.is_empty() {
        "sama: angka".to_owned()
    } else {
        format!("sama: {}", words.join(", "))
    }
}

/// The group's values bucketed by counted thing; a bucket whose values come
/// from two claims or more and do not all agree is a conflict.
fn conflicts(corpus: &Corpus, claims: &[usize]) -> Vec<Conflict> {
    let mut values: Vec<(usize, &Value)> = Vec::new();
    for &c in claims {
        for v in &corpus.claims[c].values {
            values.push((c, v));
        }
    }
    // Buckets: the thing, its specific noun and the context word.
    let mut buckets: BTreeMap<Bucket, Vec<(usize, &Value)>> = BTreeMap::new();
    for &(c, v) in values.iter().filter(|(_, v)| v.noun.is_some() || v.context.is_some()) {
        buckets.entry((v.thing.clone(), v.noun.clone(), v.context.clone())).or_default().push((c, v));
    }
    for &(c, v) in values.iter().filter(|(_, v)| v.noun.is_none() && v.context.is_none()) {
        // A generic value joins the bucket of its thing it agrees with, else the largest.
        let key = buckets
            .iter()
            .filter(|(k, _)| k.0 == v.thing)
            .max_by_key(|(k, list)| {
                (list.iter().any(|(_, o)| agree(o.base, v.base)), list.len(), std::cmp::Reverse((*k).clone()))
            })
            .map(|(k, _)| k.clone())
            .unwrap_or((v.thing.clone(), None, None));
        buckets.entry(key).or_default().push((c, v));
    }
    let mut out = Vec::new();
    for list in buckets.values() {
        let mut claims_in: Vec<usize> = list.iter().map(|(c, _)| *c).collect();
        claims_in.dedup();
        if claims_in.len() < 2 {
            continue;
        }
        let disagree = list.iter().any(|(_, a)| list.iter().any(|(_, b)| !agree(a.base, b.base)));
        if !disagree {
            continue;
        }
        // The unit of the first value; the others are converted to it.
        let (unit, factor) = (list[0].1.unit.clone(), list[0].1.factor);
        let values = list
            .iter()
            .filter_map(|&(c, v)| {
                let info = &corpus.claims[c];
                let doc = &corpus.docs[info.doc];
                let claim = &doc.src.claims[info.claim];
                let q = &claim.quantities[v.index];
                let r = byte_range(&doc.map, &doc.src.text, q.start, q.end)?;
                Some(ConflictValue {
                    doc: doc.src.id.clone(),
                    start: q.start,
                    end: q.end,
                    text: doc.src.text[r].to_owned(),
                    value: tidy(v.base / factor),
                    claimant: claim.claimant.as_ref().map(|w| w.resolved.clone()).filter(|s| !s.is_empty()),
                    qualifier: q.qualifier.clone(),
                    modality: info.modality,
                    outlet: doc.src.outlet.clone(),
                    claim: claim_ref(corpus, c),
                })
            })
            .collect();
        out.push(Conflict { unit, values });
    }
    out
}

/// Conversions leave `239.99999`: round to nine significant digits.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let magnitude = x.abs().log10().floor() as i32;
    let scale = 10f64.powi(8 - magnitude);
    (x * scale).round() / scale
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
