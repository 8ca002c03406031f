//! The klaim project file: a whole library of documents with their extractions
//! and every annotation a user made. It is what the browser stores, what
//! `klaim export` reads and what every export format is converted from.
//!
//! All offsets are Unicode code points, as in the extraction contract.

use serde::{Deserialize, Serialize};

use crate::report::{BoilerplateRecord, ClaimRecord, EntityRecord};

/// The value of [`Project::format`]; anything else is not a klaim project.
pub const FORMAT: &str = "klaim-project";
/// The project file version this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub format: String,
    pub version: u32,
    /// The editable tag set, in display order.
    pub tags: Vec<Tag>,
    pub documents: Vec<Document>,
    /// The user's corrections of the cross-article grouping and of the
    /// people, in the order they were made ([`crate::corrections`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<LinkCorrection>,
    /// The fact-check archive kept beside the library: reviews imported from
    /// ClaimReview files, matched against the library's claims.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factchecks: Vec<FactCheck>,
    /// Who publishes this library's fact-checks: the `author` of every
    /// ClaimReview. Set once in the page's settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    /// Other annotators' work on the library's documents (issue 10), kept
    /// beside the library's own claims and compared with them by
    /// `klaim::agree`; nothing of it is merged without a [`Decision`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotators: Vec<Annotator>,
    /// The record of adjudication: who decided what, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Links between two claims that another tool's file drew and that are
    /// not a claimant, cue or via (a Label Studio or doccano relation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
}

/// A relation from claim `from` to claim `to` (claim ids), named `label`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub label: String,
}

/// A fact-checking organisation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Publisher {
    pub name: String,
    #[serde(default)]
    pub url: String,
}

/// One annotator's claims on documents of the library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotator {
    /// Unique in the project: `Ani`, `labelstudio:3`, a file name.
    pub name: String,
    /// Where the work came from: the imported file's name and format.
    #[serde(default)]
    pub source: String,
    pub documents: Vec<AnnotatorDocument>,
}

/// An annotator's claims on one library document, matched by content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnotatorDocument {
    /// The library document's id.
    pub id: String,
    /// `klaim::content_hash` of the text the annotator saw (the same as the
    /// library document's).
    pub hash: String,
    /// The annotator's own id of the document, when it differs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub their_id: String,
    pub claims: Vec<AnnotatedClaim>,
}

/// One adjudication: at span `start..end` of document `doc`, `by` chose the
/// side of `chose` (an annotator's name, `library` for the library's own
/// claims, `edited` when the reviewer wrote their own, or `none` when the claim
/// was removed); `claim` is the library claim that results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub chose: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    pub by: String,
    /// RFC 3339.
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub id: String,
    pub label: String,
    /// A fact-check verdict (`benar`, `salah`, ...): such tags become
    /// ClaimReview ratings on export.
    #[serde(default)]
    pub verdict: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub name: String,
    pub text: String,
    /// RFC 3339 times.
    pub added: String,
    pub edited: String,
    #[serde(default)]
    pub boilerplate: Vec<BoilerplateRecord>,
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// The outlet that published the article (`KONTAN.CO.ID`, `Liputan6.com`),
    /// as the core found it or the user set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The publication date, ISO 8601 `YYYY-MM-DD`: the article's local date
    /// ([`crate::facts::Facts::published`]). A file written before may hold a
    /// time too; it is kept as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where the article was published (a canonical or `og:url`, or the user's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The extractor version ([`crate::EXTRACTOR_VERSION`]) that produced the
    /// document's claims; absent for documents extracted before versions
    /// were recorded. An older version is offered re-extraction
    /// ([`crate::reextract`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractor: Option<u32>,
    pub claims: Vec<AnnotatedClaim>,
}

/// A claim as the user sees it: extracted or added, possibly corrected, with
/// the user's decision, tags and note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnotatedClaim {
    pub id: String,
    #[serde(flatten)]
    pub claim: ClaimRecord,
    pub origin: Origin,
    pub status: Status,
    /// Tag ids from [`Project::tags`].
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// RFC 3339 time of the last change.
    pub edited: String,
    /// The fields the user edited ([`crate::reextract::FIELDS`]: `span`,
    /// `kind`, `claimant`, ...): re-extraction keeps their values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Extracted,
    User,
    /// Brought in from another tool's file (doccano, Label Studio, W3C).
    Imported,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pending,
    Accepted,
    Rejected,
}

/// One correction of the cross-article grouping (`split`, `join`) or of the
/// people (`split-person`, `join-people`). Claims are named by their project
/// ids, which survive edits of their spans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase", deny_unknown_fields)]
pub enum LinkCorrection {
    /// `claim` is taken out of the group it shared with `from` (the group's
    /// other claims when the user split it) and never grouped with them again.
    Split { claim: String, from: Vec<String> },
    /// The groups these claim lists stood for (each the members of one group
    /// when the user joined them) become one group.
    Join { groups: Vec<Vec<String>> },
    /// The claimant of `claim` as its document names it (that document's
    /// claims whose claimant has the same name) is taken out of the person it
    /// shared with `from` (that person's claims in other documents when the
    /// user split it): the linker saw one person where there are two.
    #[serde(rename = "split-person")]
    SplitPerson { claim: String, from: Vec<String> },
    /// The people these claim lists stood for (each the claims of one person
    /// when the user joined them) are one person.
    #[serde(rename = "join-people")]
    JoinPeople { people: Vec<Vec<String>> },
}

/// An earlier fact-check in the archive: what a `ClaimReview` says, in the
/// fields the page shows and matching reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactCheck {
    /// Unique in the archive.
    pub id: String,
    /// The claim as the fact-checker worded it (`claimReviewed`).
    pub claim_reviewed: String,
    /// The verdict (`reviewRating.alternateName`, else its `ratingValue`).
    pub rating: String,
    /// The review's own page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The fact-checking organisation (`author.name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    /// Who made the reviewed claim (`itemReviewed.author.name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// Where the reviewed claim appeared (`itemReviewed.appearance` url or name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appearance: Option<String>,
}

/// The default tag set: fact-check verdicts, then check-worthiness.
pub fn default_tags() -> Vec<Tag> {
    let verdict = |id: &str, label: &str| Tag { id: id.into(), label: label.into(), verdict: true };
    vec![
        verdict("benar", "benar"),
        verdict("salah", "salah"),
        verdict("menyesatkan", "menyesatkan"),
        verdict("perlu-dicek", "perlu dicek"),
        verdict("tidak-dapat-diverifikasi", "tidak dapat diverifikasi"),
        Tag { id: "layak-cek".into(), label: "layak cek".into(), verdict: false },
    ]
}
