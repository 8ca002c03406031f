//! Candidate pairs without comparing all pairs: an inverted index from term
//! to claims, read the way a search engine reads it. Each claim looks up its
//! terms rarest first and adds up, for every claim it meets, the weight of
//! the terms they share; it reads at most [`SCAN`] postings and keeps the
//! [`KEEP`] claims that scored best. Those pairs are then scored in full
//! (every shared term counts, however common). So a claim's cost is bounded
//! whatever the library holds, and a common word is not thrown away for
//! every claim (as a cap on the posting length would): it proposes pairs for
//! the claims that have nothing rarer to go by, and it always counts in the
//! score. The work is about `claims * (SCAN + KEEP * terms)`: linear.

use super::words::Corpus;

/// Postings one claim reads to find its candidates, rarest terms first; a
/// term whose postings would overrun this is not read (it still counts in
/// the score). Chosen on the bench library (`klaim bench --link`): 2,048
/// and 512 gave the same seeds, dev and blind figures as no limit at all,
/// 256 too, and at 5,000 articles 256 found as many pairs within one story
/// (104,424 against 102,663 for 2,048) and far fewer across stories
/// (52,738 against 185,701) while reading a claim's postings in bounded time.
pub const SCAN: usize = 256;
/// Candidates one claim keeps, best first by the terms it read (measured
/// with [`SCAN`]; 12 and 64 gave the same seeds, dev and blind figures).
/// A story told by five outlets gives a claim four to a dozen real partners.
pub const KEEP: usize = 16;

/// A candidate pair, scored once over every term its claims share (the
/// grouping and the review matcher read these figures; nothing scores the
/// pair again).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    /// Claim indices, `a < b`, of different documents.
    pub a: usize,
    pub b: usize,
    /// The summed squared weights of the shared terms.
    pub dot: f32,
    /// The product of the two claims' squared norms.
    pub norms: f32,
    /// The summed weight of the shared terms.
    pub shared: f32,
    /// The summed weight of the shared terms the caller's `content` test
    /// keeps (for the grouping: what a claim states, not who).
    pub content: f32,
}

impl Pair {
    /// The weighted cosine of the two claims' term sets.
    pub fn cosine(&self) -> f32 {
        self.dot / self.norms.sqrt()
    }
}

/// The pairs of claims of different documents that one of them proposed as
/// a candidate, each scored with `weights` (one per term, [`Corpus::weight`])
/// over every term they share, `content` summed apart. Sorted by `(a, b)`,
/// without repeats; pairs that share nothing of weight are left out.
pub fn candidates(corpus: &Corpus, weights: &[f32], content: impl Fn(u32) -> bool) -> Vec<Pair> {
    let n = corpus.claims.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); corpus.terms.len()];
    for (i, c) in corpus.claims.iter().enumerate() {
        for &t in &c.terms {
            postings[t as usize].push(i as u32);
        }
    }
    let squared: Vec<f32> =
        corpus.claims.iter().map(|c| c.terms.iter().map(|&t| weights[t as usize].powi(2)).sum::<f32>()).collect();
    let norms: Vec<f32> = squared.iter().map(|s| s.sqrt()).collect();
    // The document of each claim, packed: the scan below reads it for
    // every posting, and the claims themselves are large records.
    let doc_of: Vec<u32> = corpus.claims.iter().map(|c| c.doc as u32).collect();
    let mut score = vec![0f32; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut order: Vec<u32> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (a, ca) in corpus.claims.iter().enumerate() {
        order.clear();
        order.extend(ca.terms.iter().copied().filter(|&t| postings[t as usize].len() > 1));
        order.sort_unstable_by_key(|&t| (postings[t as usize].len(), t));
        let mut read = 0;
        let doc = ca.doc as u32;
        for &t in &order {
            let list = &postings[t as usize];
            if read + list.len() > SCAN {
                break;
            }
            read += list.len();
            let w = weights[t as usize].powi(2);
            for &b in list {
                if doc_of[b as usize] == doc {
                    continue;
                }
                if !seen[b as usize] {
                    seen[b as usize] = true;
                    touched.push(b);
                }
                score[b as usize] += w;
            }
        }
        // The best by cosine over the terms read (the claim's own norm is
        // the same for all); ties to the lower index.
        let rank = |b: &u32| {
            let nb = norms[*b as usize];
            (if nb > 0.0 { score[*b as usize] / nb } else { 0.0 }, std::cmp::Reverse(*b))
        };
        if touched.len() > KEEP {
            touched.select_nth_unstable_by(KEEP, |x, y| {
                rank(y).partial_cmp(&rank(x)).unwrap_or(std::cmp::Ordering::Equal)
            });
        }
        for &b in &touched {
            score[b as usize] = 0.0;
            seen[b as usize] = false;
        }
        touched.truncate(KEEP);
        let a = a as u32;
        pairs.extend(touched.drain(..).map(|b| (a.min(b), a.max(b))));
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut out = Vec::with_capacity(pairs.len());
    for (a, b) in pairs {
        let (a, b) = (a as usize, b as usize);
        let (mut dot, mut sum, mut kept) = (0.0f32, 0.0f32, 0.0f32);
        for t in shared(&corpus.claims[a].terms, &corpus.claims[b].terms) {
            let w = weights[t as usize];
            dot += w * w;
            sum += w;
            if content(t) {
                kept += w;
            }
        }
        let norm = squared[a] * squared[b];
        if norm > 0.0 && dot > 0.0 {
            out.push(Pair { a, b, dot, norms: norm, shared: sum, content: kept });
        }
    }
    out
}

/// Terms in both sorted lists.
pub fn shared<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}
