//! Adjudication: the library's claims and one annotator's, side by side.
//!
//! [`items`] pairs the two sides' claims per document (as agreement does, by
//! overlap) and lists every pair and every unpaired claim as an [`Item`]: the
//! two claims, whether they are the same (span, kind, modality, tags,
//! claimant), and the [`Decision`] already taken on it, if any. The page
//! applies a choice by editing the library (the chosen claim replaces or joins
//! the library's) and appends a `Decision`; the library then is the merged
//! result and exports like any other.

use serde::Serialize;

use super::{layers, pair_spans};
use crate::project::{AnnotatedClaim, Decision, Project};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    pub doc: String,
    /// The span both sides cover (their union), which decisions are keyed by.
    pub start: usize,
    pub end: usize,
    pub library: Option<AnnotatedClaim>,
    pub other: Option<AnnotatedClaim>,
    /// Both sides hold the same claim: nothing to decide.
    pub same: bool,
    /// The latest decision taken at this span, if any.
    pub decision: Option<Decision>,
}

/// Every pair and unpaired claim of the library and annotator `name`, by
/// document (library order) then start. Empty when there is no such
/// annotator.
pub fn items(project: &Project, name: &str) -> Vec<Item> {
    let layers = layers(project);
    let (Some(mine), Some(theirs)) =
        (layers.first(), layers.iter().find(|l| l.name == name && l.name != super::LIBRARY))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for doc in &project.documents {
        let (Some(a), Some(b)) = (mine.docs.get(doc.id.as_str()), theirs.docs.get(doc.id.as_str())) else {
            continue;
        };
        let span = |c: &&AnnotatedClaim| (c.claim.start, c.claim.end);
        let pairing = pair_spans(&a.iter().map(span).collect::<Vec<_>>(), &b.iter().map(span).collect::<Vec<_>>());
        let mut paired_a = vec![false; a.len()];
        let mut paired_b = vec![false; b.len()];
        let mut found: Vec<(Option<&AnnotatedClaim>, Option<&AnnotatedClaim>)> = Vec::new();
        for &(i, j) in &pairing.pairs {
            paired_a[i] = true;
            paired_b[j] = true;
            found.push((Some(a[i]), Some(b[j])));
        }
        found.extend(a.iter().zip(&paired_a).filter(|(_, p)| !**p).map(|(c, _)| (Some(*c), None)));
        found.extend(b.iter().zip(&paired_b).filter(|(_, p)| !**p).map(|(c, _)| (None, Some(*c))));
        let mut items: Vec<Item> = found
            .into_iter()
            .map(|(x, y)| {
                let spans = [x, y].into_iter().flatten().map(|c| (c.claim.start, c.claim.end));
                let start = spans.clone().map(|s| s.0).min().unwrap_or(0);
                let end = spans.map(|s| s.1).max().unwrap_or(0);
                let decision = project
                    .decisions
                    .iter()
                    .rev()
                    .find(|d| d.doc == doc.id && d.start == start && d.end == end)
                    .cloned();
                Item {
                    doc: doc.id.clone(),
                    start,
                    end,
                    same: matches!((x, y), (Some(x), Some(y)) if same(x, y)),
                    library: x.cloned(),
                    other: y.cloned(),
                    decision,
                }
            })
            .collect();
        items.sort_by_key(|i| (i.start, i.end));
        out.extend(items);
    }
    out
}

/// Two claims say the same: span, kind, modality, tags (in any order) and
/// claimant. Notes, ids and dates may differ.
pub fn same(a: &AnnotatedClaim, b: &AnnotatedClaim) -> bool {
    fn tags(c: &AnnotatedClaim) -> Vec<&str> {
        let mut t: Vec<&str> = c.tags.iter().map(String::as_str).collect();
        t.sort_unstable();
        t
    }
    let who = |c: &AnnotatedClaim| c.claim.claimant.as_ref().map(|w| w.resolved.clone());
    (a.claim.start, a.claim.end, a.claim.kind, a.claim.modality)
        == (b.claim.start, b.claim.end, b.claim.kind, b.claim.modality)
        && tags(a) == tags(b)
        && who(a) == who(b)
}
