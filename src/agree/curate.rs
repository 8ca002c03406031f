//! Adjudication: the library's claims and one annotator's, side by side.
//!
//! [`items`] pairs the two sides' claims per document (as agreement does, by
//! overlap) and lists every pair and every unpaired claim as an [`Item`]: the
//! two claims, the fields in which they differ (span, claimant, kind,
//! modality, tags, status), and the [`Decision`] already taken on it, if any.
//! Unlike agreement, rejected claims take part: a rejection is a decision
//! someone took, and the reviewer may take it (a span both sides reject or
//! leave out is no item). The page
//! applies a choice by editing the library (the chosen claim replaces or joins
//! the library's) and appends a `Decision`; the library then is the merged
//! result and exports like any other.

use serde::Serialize;

use super::pair_spans;
use crate::project::{AnnotatedClaim, Decision, Project, Status};

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
    /// The fields in which the two sides differ, by name (`span`,
    /// `claimant`, `kind`, `modality`, `tags`, `status`); empty when `same`.
    /// Every field counted here is one the page shows.
    pub differs: Vec<&'static str>,
    /// The latest decision taken at this span, if any.
    pub decision: Option<Decision>,
}

/// Every pair and unpaired claim of the library and annotator `name`, by
/// document (library order) then start. Empty when there is no such
/// annotator.
pub fn items(project: &Project, name: &str) -> Vec<Item> {
    let layers = all_layers(project);
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
            .filter_map(|(x, y)| {
                let spans = [x, y].into_iter().flatten().map(|c| (c.claim.start, c.claim.end));
                let start = spans.clone().map(|s| s.0).min().unwrap_or(0);
                let end = spans.map(|s| s.1).max().unwrap_or(0);
                let decision = project
                    .decisions
                    .iter()
                    .rev()
                    .find(|d| d.doc == doc.id && d.start == start && d.end == end)
                    .cloned();
                // Rejected (or absent) on both sides, and nobody decided it
                // here: nothing to show.
                let kept = [x, y].into_iter().flatten().any(|c| c.status != Status::Rejected);
                if !kept && decision.is_none() {
                    return None;
                }
                let differs = match (x, y) {
                    (Some(x), Some(y)) => differs(x, y),
                    _ => vec!["span"],
                };
                Some(Item {
                    doc: doc.id.clone(),
                    start,
                    end,
                    same: differs.is_empty(),
                    differs,
                    library: x.cloned(),
                    other: y.cloned(),
                    decision,
                })
            })
            .collect();
        items.sort_by_key(|i| (i.start, i.end));
        out.extend(items);
    }
    out
}

/// Two claims say the same: span, kind, modality, tags (in any order),
/// claimant, and both kept or both rejected. Notes, ids and dates may differ,
/// and pending equals accepted (not yet reviewed is no disagreement).
pub fn same(a: &AnnotatedClaim, b: &AnnotatedClaim) -> bool {
    differs(a, b).is_empty()
}

/// The fields in which two claims differ, in the order the page shows them.
pub fn differs(a: &AnnotatedClaim, b: &AnnotatedClaim) -> Vec<&'static str> {
    fn tags(c: &AnnotatedClaim) -> Vec<&str> {
        let mut t: Vec<&str> = c.tags.iter().map(String::as_str).collect();
        t.sort_unstable();
        t
    }
    // The name the page shows: the resolved name, else the mention.
    fn who(c: &AnnotatedClaim) -> Option<&str> {
        let w = c.claim.claimant.as_ref()?;
        [w.resolved.as_str(), w.text.as_str()].into_iter().map(str::trim).find(|s| !s.is_empty())
    }
    let rejected = |c: &AnnotatedClaim| c.status == Status::Rejected;
    [
        ("span", (a.claim.start, a.claim.end) != (b.claim.start, b.claim.end)),
        ("claimant", who(a) != who(b)),
        ("kind", a.claim.kind != b.claim.kind),
        ("modality", a.claim.modality != b.claim.modality),
        ("tags", tags(a) != tags(b)),
        ("status", rejected(a) != rejected(b)),
    ]
    .into_iter()
    .filter_map(|(name, d)| d.then_some(name))
    .collect()
}

/// Every layer (the library first) with all its claims, rejected ones too.
fn all_layers(project: &Project) -> Vec<super::Layer<'_>> {
    fn all(claims: &[AnnotatedClaim]) -> Vec<&AnnotatedClaim> {
        claims.iter().collect()
    }
    let mut out = vec![super::Layer {
        name: super::LIBRARY,
        docs: project.documents.iter().map(|d| (d.id.as_str(), all(&d.claims))).collect(),
    }];
    for a in &project.annotators {
        out.push(super::Layer {
            name: &a.name,
            docs: a.documents.iter().map(|d| (d.id.as_str(), all(&d.claims))).collect(),
        });
    }
    out
}
