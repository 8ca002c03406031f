//! What an import tells the user, as typed messages: a [`Code`], the place in
//! the file ([`At`]) and named parameters ([`Params`]). The core never words
//! them for a person except in English, here, once ([`Message`]'s `Display`,
//! used by the CLI); the page words the codes in its own languages
//! (`www/js/i18n-exchange.js`). [`Report`](super::Report) counts the codes,
//! never the wording.

use serde::Serialize;
use std::fmt;

/// One thing an import did or could not do.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Message {
    pub code: Code,
    /// Where in the file; empty for the file as a whole.
    #[serde(skip_serializing_if = "At::is_empty")]
    pub at: At,
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

/// What happened. Serialized in snake_case (`not_json`, `matched`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    // Whole file.
    LoneSurrogates,
    // Documents.
    Matched,
    DocumentNotPlaced,
    // Spans placed elsewhere than their offsets said.
    SpanReanchored,
    PlacedByText,
    PlacedByQuote,
    AnchoredByQuote,
    Utf16Offsets,
    // Spans, records, annotations not placed.
    SpanNotPlaced,
    ClaimNotPlaced,
    NotJson,
    BadRecord,
    DuplicateClaimId,
    TextAbsent,
    TextAmbiguous,
    NoText,
    NotWholeNumbers,
    OffsetsOutside,
    QuoteMismatch,
    NotObject,
    NotAnnotation,
    NoTarget,
    QuoteNotFound,
    NoSelector,
    NoPositionOrQuote,
    PositionOutside,
    QuoteAbsent,
    QuoteAmbiguous,
    Cancelled,
    // Things klaim has no place for.
    RelationDropped,
    RelationNoEntities,
    RelationOutside,
    RelationsOfAnnotator,
    CommentsDropped,
    PartsLeftOut,
    FieldLeftOut,
    NotAList,
    PredictionById,
    ResultWithoutValue,
    TaskLevelResult,
    ResultUnread,
    ChoicesDropped,
    BodyWithoutText,
    BodyDropped,
    FieldsDropped,
    ClaimantNotInText,
    // Kept, in another shape: for the user to know.
    RelationKept,
    CommentsKept,
    ChoicesKept,
    Annotators,
    AstralCodePoints,
    // About an export, or a review file.
    OverlapsNote,
    Overlap,
    PublisherMissing,
    ReviewWithoutClaim,
    /// A ClaimReview export with nothing in it: no claim has a verdict tag.
    NoVerdicts,
    // Why a review file could not be read (the whole file fails).
    ReviewsNotJson,
    ReviewsNoMarkup,
    ReviewsNone,
}

/// Which count of the import [`Report`](super::Report) a message adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tally {
    Matched,
    Reanchored,
    NotPlaced,
    Dropped,
    /// Kept (in another shape), or about the file as a whole: not counted.
    None,
}

impl Code {
    pub fn tally(self) -> Tally {
        use Code::*;
        match self {
            Matched => Tally::Matched,
            SpanReanchored | PlacedByText | PlacedByQuote | AnchoredByQuote | Utf16Offsets => Tally::Reanchored,
            DocumentNotPlaced | SpanNotPlaced | ClaimNotPlaced | NotJson | BadRecord | DuplicateClaimId
            | TextAbsent | TextAmbiguous | NoText | NotWholeNumbers | OffsetsOutside | QuoteMismatch | NotObject
            | NotAnnotation | NoTarget | QuoteNotFound | NoSelector | NoPositionOrQuote | PositionOutside
            | QuoteAbsent | QuoteAmbiguous | Cancelled => Tally::NotPlaced,
            RelationDropped | RelationNoEntities | RelationOutside | RelationsOfAnnotator | CommentsDropped
            | PartsLeftOut | FieldLeftOut | NotAList | PredictionById | ResultWithoutValue | TaskLevelResult
            | ResultUnread | ChoicesDropped | BodyWithoutText | BodyDropped | FieldsDropped | ClaimantNotInText => {
                Tally::Dropped
            }
            RelationKept | CommentsKept | ChoicesKept | Annotators | AstralCodePoints | LoneSurrogates
            | OverlapsNote | Overlap | PublisherMissing | ReviewWithoutClaim | NoVerdicts | ReviewsNotJson
            | ReviewsNoMarkup | ReviewsNone => Tally::None,
        }
    }
}

/// The name in [`Params::names`] of [`Code::FieldsDropped`] for a claim's
/// claimant, cue and via left behind because the claim itself was re-anchored.
pub const REANCHORED_PARTS: &str = "reanchored";

/// A place in an imported file. Numbers count from 1; `path` is the JSON path
/// inside the item (`claims[0]`, `annotations[1].result[2]`), not words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct At {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotation: Option<usize>,
    /// The item's own id (a task's, an annotation's, a document's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A document's name, where the place is a document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub path: String,
}

impl At {
    pub fn line(n: usize) -> At {
        At { line: Some(n), ..At::default() }
    }
    pub fn task(n: usize, id: Option<String>) -> At {
        At { task: Some(n), id, ..At::default() }
    }
    pub fn annotation(n: usize, id: Option<String>) -> At {
        At { annotation: Some(n), id, ..At::default() }
    }
    /// A document by id (and name).
    pub fn document(id: &str, name: Option<&str>) -> At {
        At { id: Some(id.to_owned()), name: name.map(str::to_owned), ..At::default() }
    }
    /// This place, one JSON step further in (`claims[0]`, `.result[2]`).
    pub fn then(&self, step: &str) -> At {
        let mut at = self.clone();
        if !at.path.is_empty() && !step.starts_with('.') && !step.starts_with('[') {
            at.path.push('.');
        }
        at.path.push_str(step);
        at
    }
    pub fn is_empty(&self) -> bool {
        *self == At::default()
    }
}

/// The named parameters a message's wording uses; absent ones are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Params {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// A claim's or prediction's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The library's document (id, name) a thing was matched or placed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A field, list or JSON key of the file (`claimant`, `predictions`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// A label, result type or body purpose, as the file spells it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Text: a quote, a body's value, a claimant's mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The text found at the offsets instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// The offsets the file gave (code points unless said).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// Where it was placed instead (or a relation's other end).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_end: Option<usize>,
    /// The text's length in code points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub len: Option<usize>,
    /// A source address the file named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A parser's own detail (English, technical), shown after a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Several names: annotators, choices, parts left out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
}

impl Params {
    pub fn is_empty(&self) -> bool {
        *self == Params::default()
    }
}

impl Message {
    pub fn new(code: Code, at: &At, params: Params) -> Message {
        Message { code, at: at.clone(), params }
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        let id = self.id.as_deref().map(|id| format!(" (id {id})")).unwrap_or_default();
        if let Some(n) = self.line {
            parts.push(format!("line {n}"));
        } else if let Some(n) = self.task {
            parts.push(format!("task {n}{id}"));
        } else if let Some(n) = self.annotation {
            parts.push(format!("annotation {n}{id}"));
        } else if let Some(id) = &self.id {
            let name = self.name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            parts.push(format!("document {id:?}{name}"));
        } else if let Some(name) = &self.name {
            parts.push(name.clone());
        }
        if !self.path.is_empty() {
            parts.push(self.path.clone());
        }
        f.write_str(&parts.join(", "))
    }
}

/// The English wording, the one place it lives (the CLI prints it).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Code::*;
        let p = &self.params;
        let n = p.count.unwrap_or(0);
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        let q = |v: &Option<String>| format!("{:?}", v.as_deref().unwrap_or(""));
        let span = format!("{}..{}", p.start.unwrap_or(0), p.end.unwrap_or(0));
        let to = format!("{}..{}", p.to_start.unwrap_or(0), p.to_end.unwrap_or(0));
        let len = p.len.unwrap_or(0);
        let names = p
            .names
            .iter()
            .map(|n| match n.as_str() {
                REANCHORED_PARTS => "claimant/cue/via (the claim was re-anchored)",
                n => n,
            })
            .collect::<Vec<_>>()
            .join(", ");
        let source = match &p.source {
            Some(src) => format!("its source {src:?} is not a document in the library"),
            None => "it has no `target.source`".to_owned(),
        };
        let at_quote = match p.start {
            Some(_) => format!("position {span} does not hold its quote {}", q(&p.quote)),
            None => format!("quote {}", q(&p.quote)),
        };
        let text = match self.code {
            LoneSurrogates => format!(
                "{n} lone UTF-16 surrogate escape(s) (half of an emoji, as a JavaScript slice can leave) read as U+FFFD"
            ),
            Matched => match &p.name {
                Some(name) => format!("matched by content to the library's document {} ({name})", q(&p.document)),
                None => format!("matched by content to the library's document {}", q(&p.document)),
            },
            DocumentNotPlaced => "not placed, the library has no document with this text".into(),
            SpanReanchored => format!("span {span} re-anchored by its quote at {to}"),
            PlacedByText => format!("offsets {span} do not hold its text {}; placed by the text at {to}", q(&p.quote)),
            PlacedByQuote => format!("{at_quote}; placed by the quote at {to}"),
            AnchoredByQuote => format!("{source}; anchored by its quote in {} at {to}", q(&p.document)),
            Utf16Offsets => {
                format!("offsets {span} count UTF-16 units (older Label Studio); read as code points {to}")
            }
            SpanNotPlaced => {
                format!("span {span} not placed: its quote {} is not in the library's text", q(&p.quote))
            }
            ClaimNotPlaced => format!("claim {}: not placed, its text is not in {}", q(&p.id), q(&p.document)),
            NotJson => format!("skipped, not valid JSON: {}", s(&p.error)),
            BadRecord => format!("skipped, {}", s(&p.error)),
            DuplicateClaimId => format!("skipped, claim id `{}` appears twice", s(&p.id)),
            TextAbsent => format!(
                "skipped, offsets {span} do not hold its text {} and the text is not in the document",
                q(&p.quote)
            ),
            TextAmbiguous => {
                format!("skipped, offsets {span} do not hold its text {} and the text occurs {n} times", q(&p.quote))
            }
            NoText => "skipped, `data.text` is missing or not a string".into(),
            NotWholeNumbers => {
                "skipped, `value.start`/`value.end` are not whole numbers (a rich-text XPath region?)".into()
            }
            OffsetsOutside => format!("skipped, offsets {span} are reversed or outside the text ({len} code points)"),
            QuoteMismatch => format!("skipped, the text at {span} is {}, not {}", q(&p.found), q(&p.quote)),
            NotObject => "skipped, not a JSON object".into(),
            NotAnnotation => "skipped, `type` is not `Annotation`".into(),
            NoTarget => "not placed, it has no `target`".into(),
            QuoteNotFound => format!("not placed, {source} and its quote is not found in exactly one place"),
            NoSelector => "skipped, its target has no selector (it annotates the whole document)".into(),
            NoPositionOrQuote => "skipped, it has no TextPositionSelector or TextQuoteSelector".into(),
            PositionOutside => format!("skipped, position {span} is outside the text ({len} code points)"),
            QuoteAbsent => format!("skipped, {at_quote} and the quote is not in the text"),
            QuoteAmbiguous => format!("skipped, {at_quote} and the quote occurs {n} times in the text"),
            Cancelled => "was cancelled in Label Studio: not imported".into(),
            RelationDropped => {
                format!("dropped a relation ({}) from {span} to {to}: one end is not a claim", s(&p.kind))
            }
            RelationNoEntities => "dropped a relation: its entities are not in the record".into(),
            RelationOutside => "dropped, a relation between regions that are not in this annotation".into(),
            RelationsOfAnnotator => {
                format!("dropped {n} relation(s) of {}: relations are kept for the library's claims only", s(&p.name))
            }
            CommentsDropped => format!("dropped {n} comment(s): the record has no claim to hold them"),
            PartsLeftOut => format!("{n} boilerplate or entity spans do not fit the text and were left out"),
            FieldLeftOut => format!("its {} does not fit the text and was left out", s(&p.field)),
            NotAList => format!("dropped `{}`: not a list", s(&p.field)),
            PredictionById => {
                format!("dropped prediction {} (listed by id only; its results are not in the file)", s(&p.id))
            }
            ResultWithoutValue => format!("dropped, a `{}` result without `value`", s(&p.kind)),
            TaskLevelResult => format!("dropped, a task-level `{}` result", s(&p.kind)),
            ResultUnread => format!("dropped, a `{}` result klaim does not read", s(&p.kind)),
            ChoicesDropped => format!("dropped task-level choices {:?}: the annotation has no claim to tag", p.names),
            BodyWithoutText => format!("dropped a body without a text value ({})", s(&p.kind)),
            BodyDropped => format!(
                "dropped a body with purpose {} ({}): klaim has no place for it",
                q(&p.kind),
                q(&p.quote)
            ),
            FieldsDropped => format!("dropped its {names} (offsets do not fit the text)"),
            ClaimantNotInText => {
                format!("its claimant {} is not in the text; the claim is imported without it", q(&p.quote))
            }
            RelationKept => format!("a relation ({}) kept as a relation between two claims", s(&p.kind)),
            CommentsKept => format!("{n} comment(s) kept as notes on the record's claims"),
            ChoicesKept => format!("task-level choices {:?} kept as tags on the task's {n} claims", p.names),
            Annotators => format!(
                "{n} annotators: the results of {} are the library's claims; the others are kept apart as annotators for agreement and adjudication ({names})",
                s(&p.name)
            ),
            AstralCodePoints => "the text has characters beyond U+FFFF (emoji); offsets were read as code points, \
                                 check its spans if the file came from doccano's editor"
                .into(),
            OverlapsNote => "doccano keeps one of two overlapping spans unless the project allows overlapping spans \
                             (project settings, \"Allow overlapping spans\")"
                .into(),
            Overlap => {
                let more = if n > 1 { format!(" ({n} overlapping claims in this document)") } else { String::new() };
                format!("the claims at {span} and {to} overlap{more}")
            }
            PublisherMissing => "ClaimReview: the reviewing organisation's name and address are not set (settings); \
                                 every review lacks `author` and `url`, which Google's fact-check markup requires"
                .into(),
            ReviewWithoutClaim => match &p.source {
                Some(url) => format!("a ClaimReview ({url}) has no claimReviewed"),
                None => "a ClaimReview has no claimReviewed".into(),
            },
            NoVerdicts => "ClaimReview: nothing to export, no claim has a verdict tag (salah, benar, ...); \
                           a review is written for each claim tagged with one"
                .into(),
            ReviewsNotJson => match p.count {
                Some(block) => format!("the page's JSON-LD block {block} is not valid JSON"),
                None => "not a ClaimReview file: neither JSON nor an HTML page".into(),
            },
            ReviewsNoMarkup => "the page has no JSON-LD (<script type=\"application/ld+json\">)".into(),
            ReviewsNone => "no ClaimReview in the file".into(),
        };
        if self.at.is_empty() {
            f.write_str(&text)
        } else {
            write!(f, "{}: {text}", self.at)
        }
    }
}
