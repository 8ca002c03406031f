//! Numeric conflicts (guidelines, section 2): quantities that count the same
//! thing and disagree beyond rounding.
//!
//! Values are compared through an index of their own, not only inside the
//! groups: a value is filed under its counted thing and each word near it
//! (`people` + `meninggal`), so two values meet when they count the same
//! thing in the same words, whether or not grouping linked their claims.
//! Pairs are scored by the words near each number (most), the words of the
//! whole claims, and whether grouping put the claims together; values are
//! then clustered by average linkage. A cluster of values from two
//! documents or more is one counted thing: when grouping left its claims
//! apart, they become a group of their own (a different number is never a
//! reason to split, guidelines section 1), and when its values disagree it
//! is a conflict of the group that holds most of them.
//!
//! Cost: as in `index.rs`, each value reads at most [`SCAN`] postings of
//! its keys (rarest first) and keeps its [`KEEP`] best candidates, so the
//! pairs scored grow linearly with the values.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::groups::{average_linkage, Found};
use super::index::shared;
use super::numbers::{agree, comparable, other_outcome, Value, NEGATION};
use super::people::claim_ref;
use super::roles;
use super::words::Corpus;
use super::{byte_range, Conflict, ConflictValue};

/// Values of one counted thing.
pub struct Counted {
    /// `(claim, index into the claim's values)`, in corpus order.
    pub values: Vec<(usize, usize)>,
    /// The claims they are in, sorted, without repeats.
    pub claims: Vec<usize>,
}

/// A posting list's key: a counted thing and a near word's id, or (`true`)
/// a counted thing and a cluster of grouping.
type Key<'a> = (&'a str, u32, bool);

/// Two clusters of values merge while the mean score of their pairs is at
/// least this.
const MERGE: f32 = 0.3;
/// Shares of the pair score: the words near the two numbers and the words
/// of the two claims.
const NEAR: f32 = 0.7;
const CLAIM: f32 = 0.3;
/// Added when grouping put the two claims in one cluster.
const SAME_GROUP: f32 = 0.1;
/// Added when one value's predicate is negated near it and the other's is
/// not (`tiga penumpang ditemukan`, `dua penumpang belum ditemukan`): as
/// far apart as two values of one claim.
const POLARITY: f32 = APART;
/// Added when grouping linked some claims of the two documents: they tell
/// one story, so a rare counted thing in both is likelier the same.
const SAME_STORY: f32 = 0.1;
/// Clusters spanning more documents than this say nothing about stories.
const STORY_DOCS: usize = 64;
/// Two values of one claim count two things (`214 penumpang dan 23 awak`),
/// and so do two disagreeing values of one document from one claimant with
/// one modality (the verdict and the prosecutor's demand; a figure and the
/// same speaker's denial of another are compared): such a pair scores this.
const APART: f32 = -1.0;
/// Postings one value reads to find its candidates, shortest lists first
/// (as `index::SCAN` for claims): a key whose values would overrun this is
/// not read.
const SCAN: usize = 256;
/// Candidates one value keeps, best first by the weight it shares with
/// them over the keys it read.
const KEEP: usize = 16;
/// What a shared group counts for when ranking candidates, against near
/// words weighing their nearness times their IDF (a few units each).
const GROUP_KEY: f32 = 1.0;
/// Values assumed beside the library's when weighing near words (as
/// `words::PRIOR` does for claims).
const PRIOR: f32 = 20.0;

/// The library's counted things that span two documents or more.
/// `clusters` are grouping's clusters of claims (before corrections).
pub fn counted(corpus: &Corpus, clusters: &[Vec<usize>]) -> Vec<Counted> {
    counted_in(corpus, clusters).0
}

/// [`counted`], and how many pairs of values its index proposed.
fn counted_in(corpus: &Corpus, clusters: &[Vec<usize>]) -> (Vec<Counted>, usize) {
    let values: Vec<(usize, usize)> =
        corpus.claims.iter().enumerate().flat_map(|(c, info)| (0..info.values.len()).map(move |v| (c, v))).collect();
    let value = |i: usize| &corpus.claims[values[i].0].values[values[i].1];
    let mut cluster_of: Vec<Vec<u32>> = vec![Vec::new(); corpus.claims.len()];
    for (k, list) in clusters.iter().enumerate() {
        for &c in list {
            cluster_of[c].push(k as u32);
        }
    }

    // Pairs of documents that grouping linked.
    let mut stories: HashSet<(usize, usize)> = HashSet::new();
    for list in clusters {
        let mut docs: Vec<usize> = list.iter().map(|&c| corpus.claims[c].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() <= STORY_DOCS {
            for (i, &x) in docs.iter().enumerate() {
                for &y in &docs[i + 1..] {
                    stories.insert((x, y));
                }
            }
        }
    }

    // Near words interned, weighed by how many values they are near.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let near: Vec<Vec<(u32, f32)>> = (0..values.len())
        .map(|i| {
            let mut list: Vec<(u32, f32)> = value(i)
                .near
                .iter()
                .map(|(key, w)| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(key.as_str()).or_insert(next);
                    if id as usize == df.len() {
                        df.push(0);
                    }
                    df[id as usize] += 1;
                    (id, *w)
                })
                .collect();
            list.sort_by_key(|&(id, _)| id);
            list
        })
        .collect();
    let idf: Vec<f32> = df.iter().map(|&d| ((values.len() as f32 + PRIOR) / d as f32).ln().max(0.0)).collect();
    let norm = |list: &[(u32, f32)]| list.iter().map(|&(k, w)| (w * idf[k as usize]).powi(2)).sum::<f32>().sqrt();
    let near_norms: Vec<f32> = near.iter().map(|l| norm(l)).collect();
    let claim_norms: Vec<f32> =
        corpus.claims.iter().map(|c| c.terms.iter().map(|&t| corpus.weight(t).powi(2)).sum::<f32>().sqrt()).collect();

    // Postings: (thing, near word) -> values with the word's weight near
    // each; (thing, cluster) -> values.
    let mut postings: HashMap<Key, Vec<(u32, f32)>> = HashMap::new();
    for i in 0..values.len() {
        let thing = value(i).thing.as_str();
        for &(k, w) in &near[i] {
            postings.entry((thing, k, false)).or_default().push((i as u32, w * idf[k as usize]));
        }
        for &k in &cluster_of[values[i].0] {
            postings.entry((thing, k, true)).or_default().push((i as u32, GROUP_KEY));
        }
    }
    let mut keys_of: Vec<Vec<(usize, Key)>> = vec![Vec::new(); values.len()];
    for (&key, list) in &postings {
        if list.len() >= 2 && list.len() <= SCAN {
            for &(i, _) in list {
                keys_of[i as usize].push((list.len(), key));
            }
        }
    }

    // Candidates, as `index.rs` finds claims: each value reads its keys
    // shortest list first, at most [`SCAN`] postings, and keeps the [`KEEP`]
    // comparable values that share the most weight with it over the keys
    // read; a pair is proposed by either side. The values of one claim are
    // always paired (they count different things).
    let mut found: Vec<(u32, u32)> = Vec::new();
    let mut weight = vec![0f32; values.len()];
    let mut seen = vec![false; values.len()];
    let mut touched: Vec<u32> = Vec::new();
    for (a, keys) in keys_of.iter_mut().enumerate() {
        keys.sort_unstable();
        let own = |key: &Key| -> f32 {
            if key.2 {
                GROUP_KEY
            } else {
                near[a].iter().find(|&&(k, _)| k == key.1).map_or(0.0, |&(k, w)| w * idf[k as usize])
            }
        };
        let mut read = 0;
        for (len, key) in keys.iter() {
            if read + len > SCAN {
                break;
            }
            read += len;
            let wa = own(key);
            for &(b, wb) in &postings[key] {
                if b as usize == a || !comparable(value(a), value(b as usize)) {
                    continue;
                }
                if !seen[b as usize] {
                    seen[b as usize] = true;
                    touched.push(b);
                }
                weight[b as usize] += wa * wb;
            }
        }
        if touched.len() > KEEP {
            // Shared weight over the candidate's own length, as a cosine
            // without this value's norm (the same for all); ties to the
            // lower index.
            let rank = |b: &u32| (weight[*b as usize] / (near_norms[*b as usize] + 1.0), std::cmp::Reverse(*b));
            touched.select_nth_unstable_by(KEEP, |x, y| {
                rank(y).partial_cmp(&rank(x)).unwrap_or(std::cmp::Ordering::Equal)
            });
        }
        for &b in &touched {
            weight[b as usize] = 0.0;
            seen[b as usize] = false;
        }
        touched.truncate(KEEP);
        let a32 = a as u32;
        found.extend(touched.drain(..).map(|b| (a32.min(b), a32.max(b))));
        let (c, v) = values[a];
        for w in v + 1..corpus.claims[c].values.len() {
            found.push((a32, a32 + (w - v) as u32));
        }
    }
    found.sort_unstable();
    found.dedup();
    let proposed = found.len();

    let mut edges = Vec::new();
    for (a, b) in found {
        let (a, b) = (a as usize, b as usize);
        let (va, vb) = (value(a), value(b));
        if !comparable(va, vb) {
            continue;
        }
        let (ca, cb) = (values[a].0, values[b].0);
        let (ia, ib) = (&corpus.claims[ca], &corpus.claims[cb]);
        let speaker = |c: usize| {
            let info = &corpus.claims[c];
            corpus.docs[info.doc].src.claims[info.claim].claimant.as_ref().map(|w| w.resolved.as_str())
        };
        let one_voice = ia.doc == ib.doc && speaker(ca) == speaker(cb) && ia.modality == ib.modality;
        // Giver and receiver swapped (`Rusia mengirim ... ke Korea Utara`)
        // is the reverse event: its numbers count another thing.
        let reverse = roles::reversed(&ia.roles, &ib.roles);
        if ca == cb || reverse || other_outcome(va, vb) || (one_voice && !agree(va.base, vb.base)) {
            edges.push((a, b, APART));
            continue;
        }
        let near_sim = cosine(&near[a], &near[b], &idf, near_norms[a] * near_norms[b]);
        let claim_dot: f32 = shared(&ia.terms, &ib.terms).map(|t| corpus.weight(t).powi(2)).sum();
        let claim_norm = claim_norms[ca] * claim_norms[cb];
        let claim_sim = if claim_norm > 0.0 { claim_dot / claim_norm } else { 0.0 };
        let together = shared(&cluster_of[ca], &cluster_of[cb]).next().is_some();
        // `tiga penumpang ditemukan`, `dua penumpang belum ditemukan`.
        let negated = |v: &Value| v.near.iter().any(|(k, w)| k == NEGATION && *w >= 0.5);
        let polarity = if negated(va) != negated(vb) { POLARITY } else { 0.0 };
        let story = stories.contains(&(ia.doc.min(ib.doc), ia.doc.max(ib.doc)));
        let score = polarity
            + if story { SAME_STORY } else { 0.0 }
            + NEAR * near_sim
            + CLAIM * claim_sim
            + if together { SAME_GROUP } else { 0.0 };
        if score > 0.0 {
            edges.push((a, b, score));
        }
    }

    let mut out: Vec<Counted> = average_linkage(&(0..values.len()).collect::<Vec<_>>(), &edges, MERGE)
        .into_iter()
        .filter(|list| {
            let first = corpus.claims[values[list[0]].0].doc;
            list.iter().any(|&i| corpus.claims[values[i].0].doc != first)
        })
        .map(|list| {
            let vals: Vec<(usize, usize)> = list.iter().map(|&i| values[i]).collect();
            let mut claims: Vec<usize> = vals.iter().map(|v| v.0).collect();
            claims.dedup();
            Counted { values: vals, claims }
        })
        .collect();
    out.sort_by(|a, b| a.values.cmp(&b.values));
    (out, proposed)
}

/// The claims of each counted thing that no cluster holds whole, as clusters
/// of their own (each once).
pub fn extra_clusters(counted: &[Counted], clusters: &[Vec<usize>], n_claims: usize) -> Vec<Vec<usize>> {
    let mut cluster_of: Vec<Vec<usize>> = vec![Vec::new(); n_claims];
    for (k, list) in clusters.iter().enumerate() {
        for &c in list {
            cluster_of[c].push(k);
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    for thing in counted {
        let held = cluster_of[thing.claims[0]]
            .iter()
            .any(|&k| thing.claims.iter().all(|c| cluster_of[*c].binary_search(&k).is_ok()));
        if !held && !out.contains(&thing.claims) {
            out.push(thing.claims.clone());
        }
    }
    out
}

/// The conflicts of each group: a counted thing whose values disagree is a
/// conflict of the group that holds most of its values (the smaller on a
/// tie), over the values that group holds.
pub fn assign(corpus: &Corpus, counted: &[Counted], groups: &[Found]) -> Vec<Vec<Conflict>> {
    let mut groups_of: Vec<Vec<usize>> = vec![Vec::new(); corpus.claims.len()];
    for (g, found) in groups.iter().enumerate() {
        for &c in &found.claims {
            groups_of[c].push(g);
        }
    }
    let mut out: Vec<Vec<Conflict>> = vec![Vec::new(); groups.len()];
    for thing in counted {
        let mut held: BTreeMap<usize, usize> = BTreeMap::new();
        for &(c, _) in &thing.values {
            for &g in &groups_of[c] {
                *held.entry(g).or_default() += 1;
            }
        }
        let Some((&g, _)) =
            held.iter().max_by_key(|&(&g, &n)| (n, std::cmp::Reverse(groups[g].claims.len()), std::cmp::Reverse(g)))
        else {
            continue;
        };
        let inside: Vec<(usize, usize)> =
            thing.values.iter().copied().filter(|(c, _)| groups[g].claims.binary_search(c).is_ok()).collect();
        if let Some(conflict) = conflict(corpus, &inside) {
            out[g].push(conflict);
        }
    }
    out
}

/// The values as a conflict, when they come from two claims or more and do
/// not all agree.
fn conflict(corpus: &Corpus, values: &[(usize, usize)]) -> Option<Conflict> {
    let value = |&(c, v): &(usize, usize)| &corpus.claims[c].values[v];
    let mut claims: Vec<usize> = values.iter().map(|v| v.0).collect();
    claims.dedup();
    if claims.len() < 2 || values.iter().all(|a| values.iter().all(|b| agree(value(a).base, value(b).base))) {
        return None;
    }
    // The unit of the first value; the others are converted to it.
    let first = value(&values[0]);
    let (unit, factor) = (first.unit.clone(), first.factor);
    let values = values
        .iter()
        .filter_map(|&(c, v)| {
            let info = &corpus.claims[c];
            let doc = &corpus.docs[info.doc];
            let claim = &doc.src.claims[info.claim];
            let val = &info.values[v];
            let q = &claim.quantities[val.index];
            let r = byte_range(&doc.map, &doc.src.text, q.start, q.end)?;
            Some(ConflictValue {
                doc: doc.src.id.clone(),
                start: q.start,
                end: q.end,
                text: doc.src.text[r].to_owned(),
                value: tidy(val.base / factor),
                claimant: claim.claimant.as_ref().map(|w| w.resolved.clone()).filter(|s| !s.is_empty()),
                qualifier: q.qualifier.clone(),
                modality: info.modality,
                outlet: doc.src.outlet.clone(),
                claim: claim_ref(corpus, c),
            })
        })
        .collect();
    Some(Conflict { unit, values })
}

/// Cosine of two weighted word lists sorted by word.
fn cosine(a: &[(u32, f32)], b: &[(u32, f32)], idf: &[f32], norm: f32) -> f32 {
    if norm <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1 * idf[a[i].0 as usize].powi(2);
                i += 1;
                j += 1;
            }
        }
    }
    dot / norm
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::LinkDocument;
    use crate::{extract, report, Options, Unit};

    /// The values a library holds are paired through a bounded index: a
    /// counted thing reported in the same words by many articles (every
    /// value near every other) proposes at most [`KEEP`] partners per value
    /// and the pairs of each claim's own values, not all pairs.
    #[test]
    fn values_propose_a_bounded_number_of_pairs() {
        let docs: Vec<LinkDocument> = (0..200)
            .map(|i| {
                let text = format!("Banjir di Desa Sukamaju memaksa {} warga mengungsi ke balai desa.", 100 + i);
                let record = report(&format!("d{i}"), &text, &extract(&text, &Options::default()), Unit::CodePoint);
                LinkDocument::from_record(&text, &record, None)
            })
            .collect();
        let corpus = Corpus::read(&docs);
        let values: usize = corpus.claims.iter().map(|c| c.values.len()).sum();
        assert_eq!(values, 200);
        let (_, proposed) = counted_in(&corpus, &[]);
        assert!(proposed <= values * KEEP, "{proposed} pairs proposed for {values} values");
    }
}
