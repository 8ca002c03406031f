//! Agreement between annotators of the same documents (issue 10).
//!
//! The annotators of a project are the library itself (its own claims, named
//! [`LIBRARY`]) and every [`Annotator`](crate::project::Annotator) imported
//! beside it. Rejected claims are not an annotator's claims. For each pair of
//! annotators, over the documents both annotated, [`agreement`] gives:
//!
//! - span agreement: F1 with exact matching (same start and end) and with
//!   overlap matching (spans that share a character, paired one to one,
//!   largest overlap first), with the counts;
//! - Cohen's kappa of kind, modality and each verdict tag (present or not)
//!   over the claims paired by overlap, with the number of pairs and how many
//!   agree.
//!
//! With more than two annotators, Krippendorff's alpha (nominal) over units:
//! a unit is a run of overlapping spans of any annotator in one document;
//! each annotator who annotated the document gives the unit a value (span
//! present or not; the kind, modality and verdicts of their claim there,
//! missing when they have none).
//!
//! Cost: spans are sorted once per document and paired by a sweep; no
//! all-pairs loop over claims.

pub mod curate;
mod matching;
pub mod stats;
mod table;

use std::collections::HashMap;

use serde::Serialize;

use crate::project::{AnnotatedClaim, Project, Status};
use crate::{Kind, Modality};

pub use matching::{pair_spans, Pairing};
pub use table::table;

/// The name of the library's own claims as an annotator.
pub const LIBRARY: &str = "library";

/// Everything the agreement view shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// [`LIBRARY`] first, then the project's annotators in order.
    pub annotators: Vec<String>,
    /// Every pair of annotators that share a document.
    pub pairs: Vec<PairAgreement>,
    /// Krippendorff's alpha, when more than two annotators exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alpha: Option<Alpha>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairAgreement {
    pub a: String,
    pub b: String,
    /// Over all the documents both annotated.
    pub total: Figures,
    pub documents: Vec<DocumentFigures>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentFigures {
    pub id: String,
    pub name: String,
    pub figures: Figures,
}

/// The figures of one pair of annotators on one or more documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Claims of `a` and of `b`.
    pub a_claims: usize,
    pub b_claims: usize,
    pub exact: SpanAgreement,
    pub overlap: SpanAgreement,
    /// Over the claims paired by overlap.
    pub kind: Kappa,
    pub modality: Kappa,
    /// One per verdict tag of the project, in the tag set's order.
    pub verdicts: Vec<TagKappa>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SpanAgreement {
    /// Spans paired one to one.
    pub matched: usize,
    /// `2 * matched / (a_claims + b_claims)`; `None` when both have none.
    pub f1: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Kappa {
    /// Paired claims.
    pub n: usize,
    /// Pairs with the same value.
    pub agree: usize,
    /// `None` when undefined (no pairs, or one value only on both sides).
    pub kappa: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TagKappa {
    pub tag: String,
    pub label: String,
    #[serde(flatten)]
    pub kappa: Kappa,
}

/// Krippendorff's alpha (nominal) over all annotators.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alpha {
    /// Units (runs of overlapping spans).
    pub units: usize,
    pub spans: AlphaValue,
    pub kind: AlphaValue,
    pub modality: AlphaValue,
    pub verdicts: Vec<TagAlpha>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlphaValue {
    /// Values given (over units with at least two).
    pub values: usize,
    pub alpha: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TagAlpha {
    pub tag: String,
    pub label: String,
    #[serde(flatten)]
    pub alpha: AlphaValue,
}

/// One annotator's claims by library document id.
pub struct Layer<'p> {
    pub name: &'p str,
    pub docs: HashMap<&'p str, Vec<&'p AnnotatedClaim>>,
}

/// The annotators of `project`: the library, then each imported annotator.
pub fn layers(project: &Project) -> Vec<Layer<'_>> {
    fn kept(claims: &[AnnotatedClaim]) -> Vec<&AnnotatedClaim> {
        claims.iter().filter(|c| c.status != Status::Rejected).collect()
    }
    let mut out = vec![Layer {
        name: LIBRARY,
        docs: project.documents.iter().map(|d| (d.id.as_str(), kept(&d.claims))).collect(),
    }];
    for a in &project.annotators {
        out.push(Layer { name: &a.name, docs: a.documents.iter().map(|d| (d.id.as_str(), kept(&d.claims))).collect() });
    }
    out
}

/// The agreement figures of `project`'s annotators.
pub fn agreement(project: &Project) -> Agreement {
    let layers = layers(project);
    let verdicts: Vec<(&str, &str)> =
        project.tags.iter().filter(|t| t.verdict).map(|t| (t.id.as_str(), t.label.as_str())).collect();
    let mut pairs = Vec::new();
    for (i, a) in layers.iter().enumerate() {
        for b in &layers[i + 1..] {
            let mut documents = Vec::new();
            let mut all = Tally::default();
            for doc in &project.documents {
                let (Some(ca), Some(cb)) = (a.docs.get(doc.id.as_str()), b.docs.get(doc.id.as_str())) else {
                    continue;
                };
                let mut tally = Tally::default();
                tally.add(ca, cb, &verdicts);
                documents.push(DocumentFigures {
                    id: doc.id.clone(),
                    name: doc.name.clone(),
                    figures: tally.figures(&verdicts),
                });
                all.extend(tally);
            }
            if documents.is_empty() {
                continue;
            }
            pairs.push(PairAgreement {
                a: a.name.to_owned(),
                b: b.name.to_owned(),
                total: all.figures(&verdicts),
                documents,
            });
        }
    }
    let alpha = (layers.len() > 2).then(|| alpha(project, &layers, &verdicts));
    Agreement { annotators: layers.iter().map(|l| l.name.to_owned()).collect(), pairs, alpha }
}

/// The values of one pair of annotators, accumulated over documents.
#[derive(Default)]
struct Tally {
    a: usize,
    b: usize,
    exact: usize,
    overlap: usize,
    kind: Vec<(&'static str, &'static str)>,
    modality: Vec<(&'static str, &'static str)>,
    /// Per verdict tag, in order.
    verdicts: Vec<Vec<(bool, bool)>>,
}

impl Tally {
    fn add(&mut self, a: &[&AnnotatedClaim], b: &[&AnnotatedClaim], verdicts: &[(&str, &str)]) {
        let span = |c: &&AnnotatedClaim| (c.claim.start, c.claim.end);
        let pairing = pair_spans(&a.iter().map(span).collect::<Vec<_>>(), &b.iter().map(span).collect::<Vec<_>>());
        self.a += a.len();
        self.b += b.len();
        self.exact += pairing.exact;
        self.overlap += pairing.pairs.len();
        self.verdicts.resize(verdicts.len(), Vec::new());
        for &(i, j) in &pairing.pairs {
            let (x, y) = (a[i], b[j]);
            self.kind.push((kind_key(x.claim.kind), kind_key(y.claim.kind)));
            self.modality.push((modality_key(x.claim.modality), modality_key(y.claim.modality)));
            for (v, (tag, _)) in verdicts.iter().enumerate() {
                let has = |c: &AnnotatedClaim| c.tags.iter().any(|t| t == tag);
                self.verdicts[v].push((has(x), has(y)));
            }
        }
    }

    fn extend(&mut self, other: Tally) {
        self.a += other.a;
        self.b += other.b;
        self.exact += other.exact;
        self.overlap += other.overlap;
        self.kind.extend(other.kind);
        self.modality.extend(other.modality);
        self.verdicts.resize(other.verdicts.len().max(self.verdicts.len()), Vec::new());
        for (v, pairs) in other.verdicts.into_iter().enumerate() {
            self.verdicts[v].extend(pairs);
        }
    }

    fn figures(&self, verdicts: &[(&str, &str)]) -> Figures {
        Figures {
            a_claims: self.a,
            b_claims: self.b,
            exact: SpanAgreement { matched: self.exact, f1: stats::f1(self.exact, self.a, self.b) },
            overlap: SpanAgreement { matched: self.overlap, f1: stats::f1(self.overlap, self.a, self.b) },
            kind: kappa(&self.kind),
            modality: kappa(&self.modality),
            verdicts: verdicts
                .iter()
                .enumerate()
                .map(|(v, (tag, label))| TagKappa {
                    tag: (*tag).to_owned(),
                    label: (*label).to_owned(),
                    kappa: kappa(self.verdicts.get(v).map_or(&[][..], Vec::as_slice)),
                })
                .collect(),
        }
    }
}

fn kappa<T: Ord>(pairs: &[(T, T)]) -> Kappa {
    Kappa { n: pairs.len(), agree: pairs.iter().filter(|(a, b)| a == b).count(), kappa: stats::cohen_kappa(pairs) }
}

fn alpha(project: &Project, layers: &[Layer<'_>], verdicts: &[(&str, &str)]) -> Alpha {
    // units[u][r]: annotator r's claim in unit u; None (outer) when r did not
    // annotate the document, Some(None) when r has no claim there.
    let mut units: Vec<Vec<Option<Option<&AnnotatedClaim>>>> = Vec::new();
    for doc in &project.documents {
        let mut spans: Vec<(usize, usize, usize, &AnnotatedClaim)> = Vec::new();
        for (r, layer) in layers.iter().enumerate() {
            for c in layer.docs.get(doc.id.as_str()).into_iter().flatten() {
                spans.push((c.claim.start, c.claim.end, r, c));
            }
        }
        spans.sort_by_key(|s| (s.0, s.1, s.2));
        let mut i = 0;
        while i < spans.len() {
            let mut end = spans[i].1.max(spans[i].0 + 1);
            let mut j = i + 1;
            while j < spans.len() && spans[j].0 < end {
                end = end.max(spans[j].1);
                j += 1;
            }
            let unit = layers
                .iter()
                .enumerate()
                .map(|(r, layer)| {
                    layer.docs.contains_key(doc.id.as_str()).then(|| spans[i..j].iter().find(|s| s.2 == r).map(|s| s.3))
                })
                .collect();
            units.push(unit);
            i = j;
        }
    }
    let over = |value: &dyn Fn(&AnnotatedClaim) -> String, present_only: bool| -> AlphaValue {
        let data: Vec<Vec<Option<String>>> = units
            .iter()
            .map(|u| {
                u.iter()
                    .map(|r| match r {
                        None => None,
                        Some(None) if present_only => None,
                        Some(None) => Some(String::new()),
                        Some(Some(c)) => Some(value(c)),
                    })
                    .collect()
            })
            .collect();
        let values = data.iter().map(|u| u.iter().flatten().count()).filter(|&m| m >= 2).sum();
        AlphaValue { values, alpha: stats::krippendorff_alpha(&data) }
    };
    Alpha {
        units: units.len(),
        spans: over(&|_| "claim".into(), false),
        kind: over(&|c| kind_key(c.claim.kind).into(), true),
        modality: over(&|c| modality_key(c.claim.modality).into(), true),
        verdicts: verdicts
            .iter()
            .map(|(tag, label)| TagAlpha {
                tag: (*tag).to_owned(),
                label: (*label).to_owned(),
                alpha: over(&|c| c.tags.iter().any(|t| t == tag).to_string(), true),
            })
            .collect(),
    }
}

fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Quote => "quote",
        Kind::Reported => "reported",
        Kind::Unattributed => "unattributed",
    }
}

fn modality_key(modality: Modality) -> &'static str {
    match modality {
        Modality::Asserted => "asserted",
        Modality::Hedged => "hedged",
        Modality::Denied => "denied",
    }
}

#[cfg(test)]
mod tests;
