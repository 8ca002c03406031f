//! The linker: which claims in different documents state the same thing,
//! where their numbers disagree, and which claimants are the same person or
//! body (`../shared/spec/linking-guidelines.md`).
//!
//! Sans IO and offset-agnostic in its logic: [`link`] takes documents with
//! their claims in Unicode code points (as `klaim extract` prints them and
//! as the project file stores them) and returns [`Links`], the contract of
//! `../shared/spec/linking-output.md`, in code points too.
//!
//! Cost: a claim is compared only with the few claims its rarest terms
//! propose (an inverted index read with a bound per claim, [`index`]), so
//! linking grows near-linearly with the number of documents.

mod claimant;
mod components;
mod conflicts;
mod factcheck;
mod groups;
mod identity;
mod index;
mod library;
mod numbers;
mod paraphrase;
mod people;
mod roles;
pub mod stem;
mod tense;
mod words;

pub(crate) use identity::is_place;
pub(crate) use words::split_words as words_of;

use serde::{Deserialize, Serialize};

use crate::model::Modality;
use crate::offsets::{OffsetMap, Unit};
use crate::project::LinkCorrection;
use crate::report::Record;

pub use claimant::{same_claimant, ClaimantName};
pub use factcheck::{match_fact_checks, FactCheckMatch};
pub use library::Library;
pub use words::Weights;

/// What a kept library holds between runs to link again only what changed.
#[derive(Default)]
pub(crate) struct Kept {
    claims: components::Components<groups::ClaimKey>,
}

impl Kept {
    fn reclustered(&self) -> usize {
        self.claims.reclustered
    }
}
/// Whether a lower-case word says nothing about what a claim states (the
/// linker's function words); the bench library keeps these as they are.
pub use words::is_stopword;

/// One document as the linker reads it. Extra fields (a project file's
/// `name`, `boilerplate`, a claim's `tags`) are ignored, so a project
/// document or an extraction record can be passed as it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkDocument {
    pub id: String,
    pub text: String,
    /// The outlet shown beside its values (`KOMPAS.com`); `None` for unknown.
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub claims: Vec<LinkClaim>,
}

/// A claim, offsets in code points. `status: "rejected"` claims are left out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkClaim {
    /// The page's claim id, returned with the claim so it can open it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub modality: Option<Modality>,
    #[serde(default)]
    pub claimant: Option<LinkClaimant>,
    #[serde(default)]
    pub quantities: Vec<LinkQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkClaimant {
    pub start: usize,
    pub end: usize,
    /// The fullest name the document gives.
    #[serde(default)]
    pub resolved: String,
    /// `person`, `organisation`, `group` or `outlet`, when known.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The claimant's office and the body they speak for, as the article
    /// gives them (`Kepala`, `Dinas Kesehatan Kabupaten Sumedang`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkQuantity {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: String,
    #[serde(default)]
    pub qualifier: Option<String>,
}

/// The linking result (`linking-output.md`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Links {
    pub documents: Vec<String>,
    pub groups: Vec<Group>,
    pub people: Vec<Person>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    /// What the claims share, for the page: `sama: kontainer, kirim, Rusia`.
    pub reason: String,
    pub claims: Vec<ClaimRef>,
    pub conflicts: Vec<Conflict>,
    /// How many outlets the claims come from (a document whose outlet is
    /// unknown counts as one of its own): near-copies from one outlet are
    /// one voice.
    #[serde(default)]
    pub outlets: usize,
}

/// A claim of a document, offsets in code points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRef {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The page's claim id when the input had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The unit every `value` is expressed in.
    pub unit: String,
    pub values: Vec<ConflictValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictValue {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: f64,
    pub claimant: Option<String>,
    pub qualifier: Option<String>,
    pub modality: Modality,
    pub outlet: Option<String>,
    /// The claim the value is read from.
    pub claim: ClaimRef,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    /// The fullest name found across documents.
    pub name: String,
    /// The claimant spans, pronouns included.
    pub mentions: Vec<Mention>,
    /// The claims these mentions are claimants of.
    pub claims: Vec<ClaimRef>,
    /// The other names it goes by in the articles (`Kirby`, `Kapolres Sigi`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Its roles as the articles give them (`Kepala, Polres Sigi`).
    #[serde(default)]
    pub roles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl LinkDocument {
    /// A document from its `klaim extract` record (offsets in code points).
    pub fn from_record(text: &str, record: &Record, outlet: Option<String>) -> LinkDocument {
        let claims = record
            .claims
            .iter()
            .map(|c| LinkClaim {
                id: None,
                start: c.start,
                end: c.end,
                modality: Some(c.modality),
                claimant: c.claimant.as_ref().map(|w| LinkClaimant {
                    start: w.start,
                    end: w.end,
                    resolved: w.resolved.clone(),
                    kind: w.kind.map(|k| kind_name(k).to_owned()),
                    role: w.role.clone(),
                    affiliation: w.affiliation.clone(),
                }),
                quantities: c
                    .quantities
                    .iter()
                    .map(|q| LinkQuantity {
                        start: q.start,
                        end: q.end,
                        value: q.value,
                        unit: q.unit.clone(),
                        qualifier: q.qualifier.clone(),
                    })
                    .collect(),
                status: None,
            })
            .collect();
        LinkDocument { id: record.id.clone(), text: text.to_owned(), outlet, claims }
    }
}

/// Links the claims and claimants of `documents`. Never panics: claims whose
/// offsets do not fit their text are skipped. The result does not depend on
/// the order of the documents (only `documents` keeps the input order).
pub fn link(documents: &[LinkDocument]) -> Links {
    link_with(documents, &[])
}

/// [`link`] with the user's corrections (`project::Project::links`, in the
/// order they were made): those of the grouping applied to the groups before
/// their conflicts and reasons are computed, those of the people to the
/// people. Claims are named by [`LinkClaim::id`].
pub fn link_with(documents: &[LinkDocument], corrections: &[LinkCorrection]) -> Links {
    link_in(documents, &words::Corpus::read(documents), corrections, None)
}

/// [`link_with`] with term weights frozen at `weights` (what a kept
/// [`Library`] links with between two full runs, [`Library::weights`]).
pub fn link_frozen(documents: &[LinkDocument], corrections: &[LinkCorrection], weights: &Weights) -> Links {
    link_in(documents, &words::Corpus::read_with(documents, Some(weights)), corrections, None)
}

/// The linking of a read library; `kept` clusters by component and keeps
/// what did not change since its last run (the result is the same).
fn link_in(
    documents: &[LinkDocument],
    corpus: &words::Corpus,
    corrections: &[LinkCorrection],
    kept: Option<&mut Kept>,
) -> Links {
    let people = people::people(corpus, &[], corrections);
    let mut clusters = groups::clusters(corpus, &people, kept.map(|k| &mut k.claims));
    // Claims that count the same thing are one claim even where their words
    // differ: they join as groups before the user's corrections apply.
    let counted = conflicts::counted(corpus, &clusters.lists);
    let extra = conflicts::extra_clusters(&counted, &clusters.lists, corpus.claims.len());
    clusters.lists.extend(extra);
    // Descriptions (`majelis hakim`) are one entity within one story: the
    // documents that share a claim group.
    let people = people::people(corpus, &clusters.lists, corrections);
    let groups = groups::finish(corpus, clusters, corrections);
    let group_conflicts = conflicts::assign(corpus, &counted, &groups);
    Links {
        documents: documents.iter().map(|d| d.id.clone()).collect(),
        groups: groups
            .iter()
            .zip(group_conflicts)
            .enumerate()
            .map(|(n, (g, conflicts))| g.render(corpus, n, conflicts))
            .collect(),
        people: people.render(corpus),
    }
}

// Shared helpers.

/// A claimant's `type` as the JSON contract spells it.
fn kind_name(kind: crate::model::ClaimantKind) -> &'static str {
    use crate::model::ClaimantKind::*;
    match kind {
        Person => "person",
        Organisation => "organisation",
        Group => "group",
        Outlet => "outlet",
    }
}

/// A code-point span of a document's text as a byte range, if it fits.
pub(crate) fn byte_range(map: &OffsetMap, text: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    if start > end || end > map.len(Unit::CodePoint) {
        return None;
    }
    let (s, e) = (map.convert(start, Unit::CodePoint, Unit::Byte), map.convert(end, Unit::CodePoint, Unit::Byte));
    (s <= e && e <= text.len()).then_some(s..e)
}
