//! What the extractor finds, in byte offsets into the text it was given.
//!
//! These types are the core's own vocabulary. The JSON contract (code points,
//! `text` beside every span) is built from them in `report.rs`.

use serde::{Deserialize, Serialize};

/// A non-empty-or-empty byte range of a text that starts and ends on char
/// boundaries. Fields are private so that every `Span` went through a
/// constructor that checked this against the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span of `text`, or `None` when it is reversed, out of range or cuts a
    /// character.
    pub fn new(text: &str, start: usize, end: usize) -> Option<Span> {
        (start <= end && text.is_char_boundary(start) && text.is_char_boundary(end)).then_some(Span { start, end })
    }

    /// A span the caller knows to be valid (built from `char_indices`, token
    /// bounds or other spans of the same text). Checked in debug builds.
    pub(crate) fn at(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Bytes shared by both spans.
    pub fn overlap(self, other: Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }

    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// How a claim reaches the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A direct quotation with a speaker.
    Quote,
    /// Indirect speech or a source phrase (`menurut X`).
    Reported,
    /// The article's own voice.
    Unattributed,
}

/// How sure the claim is presented.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Hedged,
    Denied,
}

/// The kinds of page furniture and structure that are never claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    Byline,
    Dateline,
    RelatedLink,
    CommentFooter,
    Advertisement,
    /// An embedded post or player: `[Gambas:Video CNN]`, a tweet's
    /// `— Name (@handle) date` line, a bare link.
    Embed,
    SignOff,
    Copyright,
    Title,
    Heading,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// What kind of source a claimant is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimantKind {
    Person,
    Organisation,
    /// An unnamed source: `seorang pejabat AS`, `sejumlah warga`.
    Group,
    /// A news outlet or agency.
    Outlet,
}

/// The person or body a claim is attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Claimant {
    pub span: Span,
    /// The fullest name the document gives this claimant, the name alone
    /// (no office, body or rank).
    pub resolved: String,
    pub kind: Option<ClaimantKind>,
    /// The office or function the article gives the claimant (`Juru Bicara`,
    /// `Hakim Konstitusi`), ranks and degrees included.
    pub role: Option<String>,
    /// The body the claimant speaks for (`Dinas Perhubungan DKI Jakarta`).
    pub affiliation: Option<String>,
}

/// An explicit number with the noun it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// From the first digit or number word to the end of the unit.
    pub span: Span,
    pub value: f64,
    /// The counted noun in lower case, `-nya` dropped.
    pub unit: String,
    /// `lebih dari`, `sekitar`, ... when the text bounds the number.
    pub qualifier: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub span: Span,
    pub kind: Kind,
    pub modality: Modality,
    pub claimant: Option<Claimant>,
    /// The reporting verb or source phrase that attributes the claim.
    pub cue: Option<Span>,
    /// The outlet the statement came through.
    pub via: Option<Span>,
    pub quantities: Vec<Quantity>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Boilerplate {
    pub span: Span,
    pub kind: BoilerplateKind,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityKind,
}

/// Everything found in one document. Every span lies inside that document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub boilerplate: Vec<Boilerplate>,
    pub entities: Vec<Entity>,
    /// What was skipped and why, for the user rather than for the program.
    pub notes: Vec<String>,
}
