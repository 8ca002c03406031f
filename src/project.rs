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
