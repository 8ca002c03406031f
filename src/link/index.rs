//! Candidate pairs without comparing all pairs: an inverted index from term
//! to claims. Two claims of different documents are compared only when they
//! share a term held by at most [`BLOCK`] claims; terms that common (`kata`,
//! the story's country) still count in the score, they just do not propose
//! pairs. The work is the sum of the squared posting lengths of the rare
//! terms, which grows with the library, not with its square.

use super::words::Corpus;

/// Terms in more claims than this propose no pairs.
pub const BLOCK: usize = 256;

/// `(a, b, cosine, shared weight)` for claims `a < b` of different documents
/// that share a blocking term: the IDF-weighted cosine of their term sets and
/// the summed weight of the terms they share.
pub fn candidates(corpus: &Corpus) -> Vec<(usize, usize, f32, f32)> {
    let n = corpus.claims.len();
    let weights: Vec<f32> = (0..corpus.terms.len() as u32).map(|t| corpus.weight(t)).collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); corpus.terms.len()];
    for (i, c) in corpus.claims.iter().enumerate() {
        for &t in &c.terms {
            postings[t as usize].push(i as u32);
        }
    }
    let norms: Vec<f32> = corpus
        .claims
        .iter()
        .map(|c| c.terms.iter().map(|&t| weights[t as usize].powi(2)).sum::<f32>().sqrt())
        .collect();
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for (a, ca) in corpus.claims.iter().enumerate() {
        for &t in &ca.terms {
            let list = &postings[t as usize];
            if list.len() > BLOCK || list.len() < 2 {
                continue;
            }
            for &b in list {
                let b = b as usize;
                if b > a && !seen[b] && corpus.claims[b].doc != ca.doc {
                    seen[b] = true;
                    touched.push(b as u32);
                }
            }
        }
        for &b in &touched {
            let b = b as usize;
            seen[b] = false;
            let (mut dot, mut sum) = (0.0, 0.0);
            for t in shared(&ca.terms, &corpus.claims[b].terms) {
                let w = weights[t as usize];
                dot += w * w;
                sum += w;
            }
            let norm = norms[a] * norms[b];
            if norm > 0.0 && dot > 0.0 {
                out.push((a, b, dot / norm, sum));
            }
        }
        touched.clear();
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
