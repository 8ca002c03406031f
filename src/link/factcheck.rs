//! Earlier fact-checks matched against the library's claims with the
//! grouping's own engine: each archived review is read as a document of its
//! own (its `claimReviewed`, extracted like any article, so its numbers are
//! read the same way), and a review matches a claim when the pair scores as
//! two claims of one group must ([`super::groups`]'s threshold), through the
//! same inverted index: never all pairs.

use serde::Serialize;

use super::groups::{reason, same_claim};
use super::index::{candidates, shared};
use super::numbers::{agree, Value};
use super::words::Corpus;
use super::{LinkClaim, LinkDocument};
use crate::project::FactCheck;
use crate::{Options, Unit};

/// A claim of the library that an archived review reviewed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactCheckMatch {
    /// The claim's id ([`LinkClaim::id`]), when the input had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    pub doc: String,
    /// The claim's span, code points.
    pub start: usize,
    pub end: usize,
    /// [`FactCheck::id`].
    pub factcheck: String,
    /// What they share: `sama: kontainer, Kirby, amunisi`.
    pub reason: String,
}

/// Every (claim, review) pair of `documents` and `checks` that states the
/// same claim, in document order.
pub fn match_fact_checks(documents: &[LinkDocument], checks: &[FactCheck]) -> Vec<FactCheckMatch> {
    if checks.is_empty() || documents.is_empty() {
        return Vec::new();
    }
    let mut all: Vec<LinkDocument> = documents.to_vec();
    all.extend(checks.iter().enumerate().map(|(i, c)| review_document(i, c)));
    let corpus = Corpus::read(&all);
    // The corpus orders documents by id: a review is known by its id.
    let review_of =
        |c: usize| corpus.docs[corpus.claims[c].doc].src.id.strip_prefix(REVIEW).and_then(|i| i.parse::<usize>().ok());
    let mut out = Vec::new();
    let weights: Vec<f32> = (0..corpus.terms.len() as u32).map(|t| corpus.weight(t)).collect();
    for pair in candidates(&corpus, &weights, |_| false) {
        let (a, b, sim) = (pair.a, pair.b, pair.cosine());
        let (claim, review, k) = match (review_of(a), review_of(b)) {
            (None, Some(k)) => (a, b, k),
            (Some(k), None) => (b, a, k),
            _ => continue,
        };
        if (!same_claim(sim) && covered(&corpus, review, claim) < COVERED) || !same_numbers(&corpus, review, claim) {
            continue;
        }
        let info = &corpus.claims[claim];
        let doc = corpus.docs[info.doc].src;
        let src: &LinkClaim = &doc.claims[info.claim];
        out.push(FactCheckMatch {
            claim: src.id.clone(),
            doc: doc.id.clone(),
            start: src.start,
            end: src.end,
            factcheck: checks[k].id.clone(),
            reason: reason(&corpus, &[claim, review]),
        });
    }
    out.sort_by(|x, y| (&x.doc, x.start, &x.factcheck).cmp(&(&y.doc, y.start, &y.factcheck)));
    out
}

/// A review's `claimReviewed` is a summary: the claim it reviews says more
/// (who said it, where) and so scores a low cosine against it. The share of
/// the review's weighted terms that the claim holds says whether the claim
/// states what was reviewed; at least this share matches. Set on the
/// samples with the e2e fixtures' reviews (tests/e2e/fixtures): a review of
/// Kirby's figure covers 0.88 of his claim's terms (cosine 0.94 with it), one
/// of Tribunnews' 6.700 lead 1.00 (cosine 0.31); claims about the same
/// shipment without the reviewed number reach 0.44-0.78 and are kept out by
/// [`same_numbers`], not by this share.
const COVERED: f32 = 0.55;

/// The share of review claim `r`'s IDF-weighted terms (squared, as in the
/// cosine) that claim `c` holds.
fn covered(corpus: &Corpus, r: usize, c: usize) -> f32 {
    let w = |t: u32| corpus.weight(t).powi(2);
    let total: f32 = corpus.claims[r].terms.iter().map(|&t| w(t)).sum();
    if total <= 0.0 {
        return 0.0;
    }
    shared(&corpus.claims[r].terms, &corpus.claims[c].terms).map(w).sum::<f32>() / total
}

/// The id prefix of a review's document; no library document id starts with
/// a NUL.
const REVIEW: &str = "\u{0}review:";

/// Words alone do not tell `6.700 kontainer` from `1.000 kontainer`: every
/// counted thing the review gives a number for must be in the claim with the
/// same figure. A claim that states another number is in conflict with the
/// review (the linking guidelines' conflict rules), not reviewed by it, so
/// the review's rating is not shown on it.
///
/// The same figure is stricter than the grouping's rounding rule
/// ([`agree`]), which lets `Rp 17.500` and `Rp 18.000` stand side by side in a
/// group as one rounded figure: a verdict rates the figure it was given. Two
/// figures are the same when their amounts are equal (`Rp 1,2 triliun` =
/// `Rp 1.200 miliar`), or when they agree by rounding and the rounder one is
/// written as an approximation (`sekitar 3.500` reviews `3.512`); every
/// example of rounding in the guidelines is of that shape.
fn same_numbers(corpus: &Corpus, r: usize, c: usize) -> bool {
    let claim = &corpus.claims[c].values;
    corpus.claims[r]
        .values
        .iter()
        .all(|v| claim.iter().any(|w| w.thing == v.thing && same_figure(corpus, (r, v), (c, w))))
}

/// Two values of one counted thing, each with its claim, as [`same_numbers`]
/// compares them.
fn same_figure(corpus: &Corpus, (a, va): (usize, &Value), (b, vb): (usize, &Value)) -> bool {
    let (x, y) = (va.base, vb.base);
    if (x - y).abs() <= x.abs().max(y.abs()) * 1e-9 {
        return true;
    }
    if !agree(x, y) {
        return false;
    }
    // The rounder of the two: the one with fewer significant digits, which
    // is the one rounding turns the other into.
    let rounder = if digits(x) <= digits(y) { (a, va) } else { (b, vb) };
    approximate(corpus, rounder.0, rounder.1)
}

/// Significant digits of `x` as written in decimal.
fn digits(x: f64) -> usize {
    let s = format!("{}", x.abs());
    let s = s.trim_start_matches(['0', '.']);
    let s = if s.contains('.') { s.replace('.', "") } else { s.trim_end_matches('0').to_owned() };
    s.len().max(1)
}

/// Whether the value is written as an approximation: `sekitar`,
/// `kira-kira`, `hampir`, `nyaris` (not a bound: `lebih dari`, `hingga`).
fn approximate(corpus: &Corpus, c: usize, v: &Value) -> bool {
    let info = &corpus.claims[c];
    let claim = &corpus.docs[info.doc].src.claims[info.claim];
    claim
        .quantities
        .get(v.index)
        .and_then(|q| q.qualifier.as_deref())
        .is_some_and(|q| matches!(q, "sekitar" | "kira-kira" | "hampir" | "nyaris"))
}

/// A review as a document: its claim extracted as an article's sentence
/// would be (quantities and all), or the whole text as one claim when the
/// extractor finds none.
fn review_document(k: usize, check: &FactCheck) -> LinkDocument {
    let text = &check.claim_reviewed;
    let record =
        crate::report(&format!("{REVIEW}{k}"), text, &crate::extract(text, &Options::default()), Unit::CodePoint);
    let mut doc = LinkDocument::from_record(text, &record, None);
    if doc.claims.is_empty() {
        doc.claims.push(LinkClaim {
            id: None,
            start: 0,
            end: text.chars().count(),
            modality: None,
            claimant: None,
            quantities: Vec::new(),
            status: None,
        });
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::LinkCorrection;

    /// The five sample articles, each claim with a page-style id `doc#i`.
    fn samples() -> Vec<LinkDocument> {
        let texts = [
            ("000_bef3302d05d81497", include_str!("../../www/samples/000_bef3302d05d81497.txt")),
            ("001_070c2e44d61fb293", include_str!("../../www/samples/001_070c2e44d61fb293.txt")),
            ("002_7200fbc241553ea4", include_str!("../../www/samples/002_7200fbc241553ea4.txt")),
            ("003_2ed8a68eee3b228c", include_str!("../../www/samples/003_2ed8a68eee3b228c.txt")),
            ("004_2d5f7446322cde1f", include_str!("../../www/samples/004_2d5f7446322cde1f.txt")),
        ];
        texts
            .iter()
            .map(|(id, text)| {
                let record = crate::report(id, text, &crate::extract(text, &Options::default()), Unit::CodePoint);
                let mut doc = LinkDocument::from_record(text, &record, None);
                for (i, c) in doc.claims.iter_mut().enumerate() {
                    c.id = Some(format!("{id}#{i}"));
                }
                doc
            })
            .collect()
    }

    fn review(claim: &str) -> FactCheck {
        FactCheck {
            id: format!("fc-{}", crate::identity::content_hash(claim)),
            claim_reviewed: claim.into(),
            rating: "Salah".into(),
            url: None,
            author: None,
            date_published: None,
            claimant: None,
            appearance: None,
        }
    }

    /// The claims `claim` matches, each as its document and first words.
    #[track_caller]
    fn check(claim: &str, expect: &[(&str, &str)]) {
        let docs = samples();
        let got: Vec<(String, String)> = match_fact_checks(&docs, &[review(claim)])
            .iter()
            .map(|m| {
                let doc = docs.iter().find(|d| d.id == m.doc).unwrap();
                (m.doc.clone(), doc.text.chars().skip(m.start).take(m.end - m.start).collect())
            })
            .collect();
        assert_eq!(got.len(), expect.len(), "{claim}: {got:?}");
        for ((doc, text), (want_doc, want_start)) in got.iter().zip(expect) {
            assert_eq!(doc, want_doc);
            assert!(text.starts_with(want_start), "{claim}: matched {text:?}");
        }
    }

    #[test]
    fn reviews_match_the_claims_they_reviewed() {
        // A publisher's summary of Kirby's figure (tests/e2e/fixtures).
        check(
            "Korea Utara telah mengirimkan lebih dari 1.000 kontainer berisi peralatan militer dan amunisi ke Rusia dalam beberapa pekan terakhir.",
            &[("002_7200fbc241553ea4", "Juru Bicara Dewan Keamanan Nasional")],
        );
        // The same words with another number match the claim with that number only.
        check(
            "Korea Utara mengirim 6.700 kontainer berisi jutaan amunisi ke Rusia.",
            &[("001_070c2e44d61fb293", "Perang antara Rusia dan Ukraina")],
        );
        check("Korea Utara mengirim 5.000 kontainer berisi jutaan amunisi ke Rusia.", &[]);
        // 6.700 is 6.660 rounded, but a verdict on 6.660 does not rate 6.700
        // (tests/factchecks.rs has the approximate case).
        check("Korea Utara mengirim 6.660 kontainer berisi jutaan amunisi ke Rusia.", &[]);
        // klaim's own export: the claim's own text.
        check(
            "Sebagai imbalannya, Rusia mengirim 9.000 kontainer yang sebagian besar berisi persediaan makanan untuk Korut yang saat ini sedang dilanda krisis pangan.",
            &[("001_070c2e44d61fb293", "Sebagai imbalannya")],
        );
        // Nothing in the library.
        check("Vaksin campak menyebabkan autisme pada anak.", &[]);
        check("", &[]);
        assert!(match_fact_checks(&[], &[review("Korea Utara")]).is_empty());
    }

    #[test]
    fn corrections_split_and_join_the_groups() {
        let docs = samples();
        let groups = |corrections: &[LinkCorrection]| -> Vec<Vec<String>> {
            crate::link::link_with(&docs, corrections)
                .groups
                .into_iter()
                .map(|g| g.claims.into_iter().filter_map(|c| c.claim).collect())
                .collect()
        };
        let before = groups(&[]);
        let containers = before
            .iter()
            .find(|g| g.iter().any(|c| c.starts_with("001_")) && g.iter().any(|c| c.starts_with("002_")))
            .expect("the container group")
            .clone();
        let out = containers.iter().find(|c| c.starts_with("002_")).unwrap().clone();
        let rest: Vec<String> = containers.iter().filter(|c| **c != out).cloned().collect();
        let split = LinkCorrection::Split { claim: out.clone(), from: rest.clone() };
        let after = groups(std::slice::from_ref(&split));
        assert!(!after.iter().any(|g| g.contains(&out) && rest.iter().any(|c| g.contains(c))), "split: {after:?}");
        // A join of the two first groups makes one.
        let (a, b) = (before[0].clone(), before[1].clone());
        let joined = groups(&[LinkCorrection::Join { groups: vec![a.clone(), b.clone()] }]);
        assert!(joined.iter().any(|g| a.iter().chain(&b).all(|c| g.contains(c))), "join: {joined:?}");
        assert_eq!(joined.len(), before.len() - 1);
        // Corrections naming claims that are gone change nothing.
        let gone = LinkCorrection::Split { claim: "x#1".into(), from: vec!["y#2".into()] };
        assert_eq!(groups(&[gone]), before);
    }
}
