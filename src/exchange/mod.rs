//! Export and import: a klaim [`Project`] converted to and from the formats
//! other tools read (issue 4).
//!
//! Pure functions over `&str` and project structs: no IO, no clock (callers
//! pass `now`), no JS. The CLI (`cli/export.rs`) and the wasm binding
//! (`wasm/exchange.rs`) are thin edges around [`export`], [`import`] and
//! [`merge`].
//!
//! Offsets in every format are Unicode code points, as in the project file and
//! the extraction contract; every conversion to bytes goes through
//! [`OffsetMap`]. Imported offsets are checked against the text (range, and the
//! quoted text where the format carries one); a span that does not fit is
//! re-anchored by its quote or skipped, and either way named in
//! [`Imported::warnings`], never applied silently.
//!
//! One module per format:
//! - `klaim`: the project file itself, lossless; validation and [`merge`].
//! - `jsonl`: the extraction contract, one document per line, plus the
//!   user's decisions.
//! - `csv`: one row per claim, for spreadsheets.
//! - `w3c`: W3C Web Annotation JSON-LD.
//! - `doccano`: doccano sequence-labelling JSONL.
//! - `labelstudio`: Label Studio task JSON.
//! - `claimreview`: schema.org ClaimReview for claims with a verdict tag.

mod claimreview;
mod csv;
mod doccano;
mod jsonl;
mod klaim;
mod labelstudio;
mod message;
mod w3c;

use std::collections::HashMap;
use std::fmt;

use crate::model::ClaimantKind;
use crate::offsets::{OffsetMap, Unit};
use crate::project::{AnnotatedClaim, Document, Origin, Project, Status, Tag};
use crate::report::{ClaimRecord, ClaimantRecord, SpanRecord};
use crate::{Kind, Modality};

pub use claimreview::read_reviews;
pub use klaim::{as_annotator, merge, parse_project, validate, MergeSummary};
pub use message::{At, Code, Message, Params, Tally};

/// A file format klaim exports to, imports from, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The klaim project file (export and import).
    Klaim,
    /// The extraction contract as JSON Lines with the user's decisions (export
    /// and import).
    Jsonl,
    /// One row per claim (export).
    Csv,
    /// W3C Web Annotation JSON-LD (export and import).
    W3c,
    /// doccano sequence-labelling JSONL (export and import).
    Doccano,
    /// The same in UTF-16 offsets, as doccano's web editor counts (export).
    DoccanoUtf16,
    /// Label Studio task JSON (export and import).
    LabelStudio,
    /// schema.org ClaimReview JSON-LD (export).
    ClaimReview,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Klaim,
        Format::Jsonl,
        Format::Csv,
        Format::W3c,
        Format::Doccano,
        Format::DoccanoUtf16,
        Format::LabelStudio,
        Format::ClaimReview,
    ];

    /// The name used on the command line and in the page: `klaim`, `jsonl`,
    /// `csv`, `w3c`, `doccano`, `labelstudio`, `claimreview`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Klaim => "klaim",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::W3c => "w3c",
            Format::Doccano => "doccano",
            Format::DoccanoUtf16 => "doccano-utf16",
            Format::LabelStudio => "labelstudio",
            Format::ClaimReview => "claimreview",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// A file name extension for an export in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Klaim => "klaim.json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::W3c => "w3c.jsonld",
            Format::Doccano => "doccano.jsonl",
            Format::DoccanoUtf16 => "doccano-utf16.jsonl",
            Format::LabelStudio => "labelstudio.json",
            Format::ClaimReview => "claimreview.jsonld",
        }
    }

    /// The media type for a download of this format.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Jsonl | Format::Doccano | Format::DoccanoUtf16 => "application/x-ndjson",
            Format::W3c => "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"",
            Format::ClaimReview => "application/ld+json",
            Format::Klaim | Format::LabelStudio => "application/json",
        }
    }

    /// Whether [`import`] reads this format.
    pub fn can_import(self) -> bool {
        matches!(self, Format::Klaim | Format::Jsonl | Format::W3c | Format::Doccano | Format::LabelStudio)
    }
}

/// `project` in `format`. Exports never fail: offsets are clamped to the text
/// through [`OffsetMap`] so that every quoted text equals its slice, even for a
/// project that was not validated.
pub fn export(project: &Project, format: Format) -> String {
    match format {
        Format::Klaim => klaim::export(project),
        Format::Jsonl => jsonl::export(project),
        Format::Csv => csv::export(project),
        Format::W3c => w3c::export(project),
        Format::Doccano => doccano::export(project, Unit::CodePoint),
        Format::DoccanoUtf16 => doccano::export(project, Unit::Utf16),
        Format::LabelStudio => labelstudio::export(project),
        Format::ClaimReview => claimreview::export(project),
    }
}

/// What the user should know about an export of `project` in `format`: for
/// doccano, the claims that overlap (a default doccano project keeps one of
/// them). Empty when there is nothing to say.
pub fn export_warnings(project: &Project, format: Format) -> Vec<Message> {
    match format {
        Format::Doccano | Format::DoccanoUtf16 => doccano::overlaps(project),
        Format::ClaimReview => claimreview::missing(project),
        _ => Vec::new(),
    }
}

/// What an import brought in, to be [`merge`]d into the library (or, for a
/// klaim project, to replace it).
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub format: Format,
    /// The documents the file holds, with the claims it adds. For W3C these are
    /// copies of library documents (annotations point at texts they do not
    /// carry) holding only the new claims.
    pub project: Project,
    /// Spans that were re-anchored or skipped, and other things the user should
    /// know, each naming its line or item: codes and parameters, worded by
    /// the page (and in English by [`Message`]'s `Display`).
    pub messages: Vec<Message>,
    /// The counts of [`Imported::messages`] by code: matched, re-anchored,
    /// not placed, dropped.
    pub report: Report,
}

/// Why a file could not be imported at all. Nothing of it is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Where: `line 3`, `documents[2].claims[0].start`, `annotation 5`; empty
    /// when the whole file is at fault.
    pub at: String,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.at, self.message)
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads `input` as `format` (or the format [`detect`] recognises when `None`).
///
/// `library` is the project the result will be merged into: W3C annotations
/// are attached to its documents, and spans it already has are not imported
/// twice. `now` (RFC 3339) stamps documents and claims the file does not date.
/// Imported spans become claims to review: origin `imported`, status `pending`.
pub fn import(input: &str, format: Option<Format>, library: &Project, now: &str) -> Result<Imported, ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let (input, lone) = tolerate_lone_surrogates(input);
    let input = input.as_ref();
    let format = match format {
        Some(f) => f,
        None => detect(input).ok_or_else(|| {
            whole("not a format klaim imports (klaim project, klaim JSON Lines, W3C Web Annotation, doccano JSONL, Label Studio JSON)")
        })?,
    };
    let (project, messages) = match format {
        Format::Klaim => (parse_project(input)?, Vec::new()),
        Format::Jsonl => jsonl::import(input, library, now)?,
        Format::W3c => w3c::import(input, library)?,
        Format::Doccano => doccano::import(input, library, now)?,
        Format::LabelStudio => labelstudio::import(input, library, now)?,
        other => return Err(whole(format!("{} files are exported only, not imported", other.name()))),
    };
    let mut messages = messages;
    // One message per fact (a document matched for two annotators is one).
    let mut seen = std::collections::HashSet::new();
    messages.retain(|m| seen.insert(m.clone()));
    let report = Report::of(&messages);
    if lone > 0 {
        let params = Params { count: Some(lone), ..Params::default() };
        messages.insert(0, Message::new(Code::LoneSurrogates, &At::default(), params));
    }
    Ok(Imported { format, project, messages, report })
}

/// What an import did, counted from its messages' codes ([`Code::tally`]).
/// The messages name each item.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// Documents found in the library by their text under another id.
    pub matched: usize,
    /// Spans placed elsewhere than their offsets said (by quote, or offsets
    /// read in another unit).
    pub reanchored: usize,
    /// Spans, records or annotations that could not be placed.
    pub not_placed: usize,
    /// Things the file holds that klaim has no place for.
    pub dropped: usize,
}

impl Report {
    pub fn of(messages: &[Message]) -> Report {
        let count = |t: Tally| messages.iter().filter(|m| m.code.tally() == t).count();
        Report {
            matched: count(Tally::Matched),
            reanchored: count(Tally::Reanchored),
            not_placed: count(Tally::NotPlaced),
            dropped: count(Tally::Dropped),
        }
    }
}

/// `input` with every `\\uXXXX` escape of a lone UTF-16 surrogate (one half
/// of a pair without the other) replaced by `\\uFFFD`, and how many there
/// were. serde_json refuses such escapes, and JavaScript writes them when a
/// string was cut next to an emoji (a W3C prefix of 32 UTF-16 units).
fn tolerate_lone_surrogates(input: &str) -> (std::borrow::Cow<'_, str>, usize) {
    if !input.contains("\\u") {
        return (input.into(), 0);
    }
    let b = input.as_bytes();
    let hex = |at: usize| -> Option<u32> {
        let s = input.get(at..at + 4)?;
        s.bytes().all(|c| c.is_ascii_hexdigit()).then(|| u32::from_str_radix(s, 16).ok())?
    };
    // `\uXXXX` at byte `at`, if that is what is there.
    let escape = |at: usize| -> Option<u32> {
        (b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u')).then(|| hex(at + 2))?
    };
    let mut out = String::with_capacity(input.len());
    let mut lone = 0;
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape(i) {
            Some(0xD800..=0xDBFF) if matches!(escape(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&input[copied..i]);
                out.push_str("\\uFFFD");
                lone += 1;
                i += 6;
                copied = i;
            }
            Some(_) => i += 6,
            None => i += 2, // `\\`, `\"`, ...: the next byte is escaped.
        }
    }
    if lone == 0 {
        return (input.into(), 0);
    }
    out.push_str(&input[copied..]);
    (out.into(), lone)
}

/// The importable format `input` looks like, from its first JSON value.
pub fn detect(input: &str) -> Option<Format> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input).trim_start();
    let (input, _) = tolerate_lone_surrogates(input);
    let input = input.as_ref();
    let first: serde_json::Value = match serde_json::from_str(input) {
        Ok(v) => v,
        // JSON Lines: the first line decides.
        Err(_) => serde_json::from_str(input.lines().next()?).ok()?,
    };
    let item = match &first {
        serde_json::Value::Array(items) => items.first()?,
        v => v,
    };
    let obj = item.as_object()?;
    if obj.get("format").and_then(|f| f.as_str()) == Some(crate::project::FORMAT) {
        return Some(Format::Klaim);
    }
    let context = obj.get("@context").map(|c| c.to_string()).unwrap_or_default();
    let types = obj.get("type").map(|t| t.to_string()).unwrap_or_default();
    if context.contains("www.w3.org/ns/anno") || types.contains("Annotation") {
        return Some(Format::W3c);
    }
    if obj.get("data").and_then(|d| d.get("text")).is_some() {
        return Some(Format::LabelStudio);
    }
    if obj.get("text").is_some_and(|t| t.is_string()) {
        // Our JSON Lines carry the claims; doccano's its labels.
        if obj.get("claims").is_some_and(|c| c.is_array()) {
            return Some(Format::Jsonl);
        }
        return Some(Format::Doccano);
    }
    None
}

// Shared helpers for the format modules.

fn whole(message: impl Into<String>) -> ImportError {
    ImportError { at: String::new(), message: message.into() }
}

fn error_at(at: impl fmt::Display, message: impl Into<String>) -> ImportError {
    ImportError { at: at.to_string(), message: message.into() }
}

/// A document text with its offset map: code point spans sliced safely.
struct Text<'a> {
    text: &'a str,
    map: OffsetMap,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        Text { text, map: OffsetMap::new(text) }
    }

    fn len(&self) -> usize {
        self.map.len(Unit::CodePoint)
    }

    /// The text between code points `start` and `end`, or `None` when the range
    /// is reversed or runs past the end.
    fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        (start <= end && end <= self.len()).then(|| {
            let b = |cp| self.map.convert(cp, Unit::CodePoint, Unit::Byte);
            &self.text[b(start)..b(end)]
        })
    }

    /// Like [`Text::slice`] but clamped into the text: for exports, which must
    /// produce consistent output from any project.
    fn clamped(&self, start: usize, end: usize) -> (usize, usize, &'a str) {
        let end = end.min(self.len());
        let start = start.min(end);
        (start, end, self.slice(start, end).unwrap_or(""))
    }

    /// Code point offset of byte offset `byte`.
    fn cp(&self, byte: usize) -> usize {
        self.map.convert(byte, Unit::Byte, Unit::CodePoint)
    }

    /// The code point span of UTF-16 offsets, when both fall on characters.
    fn span_of_utf16(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let ok = |o| o <= self.map.len(Unit::Utf16) && self.map.is_boundary(o, Unit::Utf16);
        (start <= end && ok(start) && ok(end)).then(|| {
            let c = |o| self.map.convert(o, Unit::Utf16, Unit::CodePoint);
            (c(start), c(end))
        })
    }

    /// Up to `n` code points before code point `at`.
    fn before(&self, at: usize, n: usize) -> &'a str {
        self.slice(at.saturating_sub(n), at).unwrap_or("")
    }

    /// Up to `n` code points after code point `at`.
    fn after(&self, at: usize, n: usize) -> &'a str {
        self.slice(at, (at + n).min(self.len())).unwrap_or("")
    }

    /// Every code point span where `exact` occurs (overlapping occurrences
    /// included), whose preceding text ends with `prefix` and following text
    /// starts with `suffix`.
    fn find_quote(&self, exact: &str, prefix: &str, suffix: &str) -> Vec<(usize, usize)> {
        if exact.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(i) = self.text[from..].find(exact) {
            let (s, e) = (from + i, from + i + exact.len());
            if self.text[..s].ends_with(prefix) && self.text[e..].starts_with(suffix) {
                found.push((self.cp(s), self.cp(e)));
            }
            from = s + self.text[s..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }
}

/// Tag labels of a claim's tag ids, in the order of the project's tag set;
/// unknown ids are kept as they are.
fn tag_labels<'p>(project: &'p Project, claim: &'p AnnotatedClaim) -> Vec<&'p str> {
    claim
        .tags
        .iter()
        .map(|id| project.tags.iter().find(|t| &t.id == id).map_or(id.as_str(), |t| t.label.as_str()))
        .collect()
}

/// Finds the tag named `name` (by id or label, ignoring case) in `tags`, adding
/// a new non-verdict tag when there is none, and returns its id.
fn tag_id(tags: &mut Vec<Tag>, name: &str) -> String {
    let name = name.trim();
    if let Some(t) =
        tags.iter().find(|t| t.id.eq_ignore_ascii_case(name) || t.label.to_lowercase() == name.to_lowercase())
    {
        return t.id.clone();
    }
    let mut id: String = name.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    if id.is_empty() {
        id = "tag".into();
    }
    let base = id.clone();
    let mut n = 2;
    while tags.iter().any(|t| t.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    tags.push(Tag { id: id.clone(), label: name.to_owned(), verdict: false });
    id
}

fn kind_named(name: &str) -> Option<Kind> {
    match name.trim().to_lowercase().as_str() {
        "quote" => Some(Kind::Quote),
        "reported" => Some(Kind::Reported),
        "unattributed" => Some(Kind::Unattributed),
        _ => None,
    }
}

fn modality_named(name: &str) -> Option<Modality> {
    match name.trim().to_lowercase().as_str() {
        "asserted" => Some(Modality::Asserted),
        "hedged" => Some(Modality::Hedged),
        "denied" => Some(Modality::Denied),
        _ => None,
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Quote => "quote",
        Kind::Reported => "reported",
        Kind::Unattributed => "unattributed",
    }
}

fn modality_name(modality: Modality) -> &'static str {
    match modality {
        Modality::Asserted => "asserted",
        Modality::Hedged => "hedged",
        Modality::Denied => "denied",
    }
}

/// The claimant's `type` as the project file writes it.
fn claimant_type_name(kind: ClaimantKind) -> &'static str {
    match kind {
        ClaimantKind::Person => "person",
        ClaimantKind::Organisation => "organisation",
        ClaimantKind::Group => "group",
        ClaimantKind::Outlet => "outlet",
    }
}

/// `person`, `organisation`, `group`, `outlet`: a claimant type by name.
fn claimant_type_named(name: &str) -> Option<ClaimantKind> {
    match name.trim().to_lowercase().as_str() {
        "person" => Some(ClaimantKind::Person),
        "organisation" | "organization" => Some(ClaimantKind::Organisation),
        "group" => Some(ClaimantKind::Group),
        "outlet" => Some(ClaimantKind::Outlet),
        _ => None,
    }
}

/// What a file says of a claimant linked by span only (Label Studio's
/// per-region fields): its name, type, role and affiliation.
#[derive(Clone, Debug, Default)]
struct Who {
    resolved: Option<String>,
    kind: Option<ClaimantKind>,
    role: Option<String>,
    affiliation: Option<String>,
}

impl Who {
    /// These fields, each missing one taken from `other`.
    fn or(self, other: Who) -> Who {
        Who {
            resolved: self.resolved.or(other.resolved),
            kind: self.kind.or(other.kind),
            role: self.role.or(other.role),
            affiliation: self.affiliation.or(other.affiliation),
        }
    }
}

/// A span brought in from another tool: a claim to review.
struct Span {
    start: usize,
    end: usize,
    kind: Option<Kind>,
    modality: Option<Modality>,
    claimant: Option<ClaimantRecord>,
    tags: Vec<String>,
    note: String,
    /// Code point spans of the claimant, cue and via, where the file links
    /// them (Label Studio and doccano relations).
    claimant_at: Option<(usize, usize)>,
    /// The claimant's identity where the file gives it beside the span.
    who: Who,
    cue: Option<(usize, usize)>,
    via: Option<(usize, usize)>,
    /// Relations to other spans of the same document: `(start, end, label)`.
    relations: Vec<(usize, usize, String)>,
}

impl Span {
    fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            kind: None,
            modality: None,
            claimant: None,
            tags: Vec::new(),
            note: String::new(),
            claimant_at: None,
            who: Who::default(),
            cue: None,
            via: None,
            relations: Vec::new(),
        }
    }

    fn add_tag(&mut self, id: String) {
        if !self.tags.contains(&id) {
            self.tags.push(id);
        }
    }

    fn add_note(&mut self, note: &str) {
        if !self.note.is_empty() {
            self.note.push_str("\n\n");
        }
        self.note.push_str(note);
    }

    fn into_claim(self, id: String, text: &Text<'_>, edited: &str) -> AnnotatedClaim {
        let part = |s: Option<(usize, usize)>| {
            s.and_then(|(a, b)| Some(SpanRecord { start: a, end: b, text: text.slice(a, b)?.to_owned() }))
        };
        AnnotatedClaim {
            id,
            claim: ClaimRecord {
                start: self.start,
                end: self.end,
                text: text.slice(self.start, self.end).unwrap_or("").to_owned(),
                kind: self.kind.unwrap_or(Kind::Unattributed),
                modality: self.modality.unwrap_or(Modality::Asserted),
                // A claimant the file describes (W3C), else one it links by
                // span only (Label Studio and doccano relations).
                claimant: self.claimant.or_else(|| {
                    let who = self.who;
                    part(self.claimant_at).map(|s| ClaimantRecord {
                        start: s.start,
                        end: s.end,
                        resolved: who.resolved.unwrap_or_else(|| s.text.clone()),
                        text: s.text,
                        kind: who.kind,
                        role: who.role,
                        affiliation: who.affiliation,
                    })
                }),
                cue: part(self.cue),
                via: part(self.via),
                quantities: Vec::new(),
            },
            origin: Origin::Imported,
            status: Status::Pending,
            tags: self.tags,
            note: self.note,
            edited: edited.to_owned(),
            changed: Vec::new(),
        }
    }
}

/// The library's documents indexed by id and by content
/// ([`crate::content_hash`]), built once per import.
struct Known<'p> {
    library: &'p Project,
    by_id: HashMap<&'p str, usize>,
    by_hash: HashMap<String, usize>,
}

impl<'p> Known<'p> {
    fn new(library: &'p Project) -> Known<'p> {
        let mut by_hash = HashMap::new();
        for (i, d) in library.documents.iter().enumerate() {
            by_hash.entry(crate::content_hash(&d.text)).or_insert(i);
        }
        let by_id = library.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        Known { library, by_id, by_hash }
    }

    /// The library document whose content hash is `hash`.
    fn by_hash(&self, hash: &str) -> Option<&'p Document> {
        self.by_hash.get(hash).map(|&i| &self.library.documents[i])
    }

    /// The library document that is the same as a file's document `id` with
    /// `text`: the same id and text, else the same content under any id.
    fn same(&self, id: &str, text: &str) -> Option<&'p Document> {
        let docs = &self.library.documents;
        self.by_id
            .get(id)
            .map(|&i| &docs[i])
            .filter(|d| d.text == text)
            .or_else(|| self.by_hash.get(&crate::content_hash(text)).map(|&i| &docs[i]))
    }
}

/// A relation by span: `(from, to, label)`.
type SpanRelation = ((usize, usize), (usize, usize), String);

/// The relations `spans` carry, by span; taken before the spans become claims.
fn span_relations(spans: &[Span]) -> Vec<SpanRelation> {
    spans
        .iter()
        .flat_map(|s| s.relations.iter().map(move |(a, b, l)| ((s.start, s.end), (*a, *b), l.clone())))
        .collect()
}

/// `relations` (by span) as relations between the claim ids of `doc`, or of
/// the library's copy of it where the library already had the claim. A
/// relation whose end is no claim (its span was not placed) is named and
/// dropped.
fn relations_of(
    library: &Known<'_>,
    doc: &Document,
    relations: &[SpanRelation],
    warnings: &mut Vec<Message>,
    at: &At,
) -> Vec<crate::project::Relation> {
    let mine = library.by_id.get(doc.id.as_str()).map(|&i| &library.library.documents[i]);
    let claim_at = |span: (usize, usize)| {
        doc.claims
            .iter()
            .chain(mine.into_iter().flat_map(|d| &d.claims))
            .find(|c| (c.claim.start, c.claim.end) == span)
            .map(|c| c.id.clone())
    };
    let mut out = Vec::new();
    for (from, to, label) in relations {
        match (claim_at(*from), claim_at(*to)) {
            (Some(from), Some(to)) => {
                let r = crate::project::Relation { from, to, label: label.clone() };
                if !out.contains(&r) {
                    out.push(r);
                }
            }
            _ => warnings.push(Message::new(
                Code::RelationDropped,
                at,
                Params {
                    kind: Some(label.clone()),
                    start: Some(from.0),
                    end: Some(from.1),
                    to_start: Some(to.0),
                    to_end: Some(to.1),
                    ..Params::default()
                },
            )),
        }
    }
    out
}

/// A document of a span-based import (doccano, Label Studio): its spans become
/// pending claims, minus those the library's copy of the same text already
/// has. A document the library already holds (by id and text, or by content
/// under another id) takes the library's id, name, text and dates, and the
/// match is reported.
/// Fills the document facts `doc` lacks from an imported record's `outlet`,
/// `published` and `url` strings (doccano's metadata, Label Studio's `data`:
/// where klaim's exports put them).
fn facts_from(doc: &mut Document, fields: Option<&serde_json::Value>) {
    let Some(fields) = fields else { return };
    for (key, fact) in [("outlet", &mut doc.outlet), ("published", &mut doc.published), ("url", &mut doc.url)] {
        let given = fields.get(key).and_then(serde_json::Value::as_str).map(str::trim).filter(|v| !v.is_empty());
        if let (None, Some(v)) = (fact.as_ref(), given) {
            *fact = Some(v.to_owned());
        }
    }
}

fn imported_document(
    library: &Known<'_>,
    (id, name, text): (String, String, String),
    spans: Vec<Span>,
    now: &str,
    prefix: &str,
    warnings: &mut Vec<Message>,
    at: &At,
) -> Document {
    let known = library.same(&id, &text);
    if let Some(d) = known.filter(|d| d.id != id) {
        let params = Params { document: Some(d.id.clone()), name: Some(d.name.clone()), ..Params::default() };
        warnings.push(Message::new(Code::Matched, at, params));
    }
    let text = match known {
        // The same content with other spacing: spans are re-read on the
        // library's text by their quote.
        Some(d) if d.text != text => {
            let theirs = Text::new(&text);
            let mine = Text::new(&d.text);
            let mut placed = Vec::new();
            for mut span in spans {
                let quote = theirs.slice(span.start, span.end).unwrap_or("");
                match mine.find_quote(quote, "", "").as_slice() {
                    [(s, e), ..] => {
                        warnings.push(Message::new(
                            Code::SpanReanchored,
                            at,
                            Params {
                                start: Some(span.start),
                                end: Some(span.end),
                                to_start: Some(*s),
                                to_end: Some(*e),
                                ..Params::default()
                            },
                        ));
                        (span.start, span.end) = (*s, *e);
                        span.claimant = None;
                        span.cue = None;
                        span.via = None;
                        placed.push(span);
                    }
                    [] => warnings.push(Message::new(
                        Code::SpanNotPlaced,
                        at,
                        Params {
                            start: Some(span.start),
                            end: Some(span.end),
                            quote: Some(quote.to_owned()),
                            ..Params::default()
                        },
                    )),
                }
            }
            return imported_document(
                library,
                (d.id.clone(), d.name.clone(), d.text.clone()),
                placed,
                now,
                prefix,
                warnings,
                at,
            );
        }
        _ => text,
    };
    let id = known.map_or(id, |d| d.id.clone());
    let t = Text::new(&text);
    let mut claims: Vec<AnnotatedClaim> = Vec::new();
    for span in spans {
        let already = |c: &AnnotatedClaim| c.claim.start == span.start && c.claim.end == span.end;
        if known.is_some_and(|d| d.claims.iter().any(already)) || claims.iter().any(already) {
            continue;
        }
        // `<document id>#...` like every claim id, unique across the library.
        let claim_id = format!("{id}#{prefix}-{}-{}", span.start, span.end);
        claims.push(span.into_claim(claim_id, &t, now));
    }
    let (name, added, edited) = match known {
        Some(d) => (d.name.clone(), d.added.clone(), d.edited.clone()),
        None => (name, now.to_owned(), now.to_owned()),
    };
    Document {
        id,
        name,
        text,
        added,
        edited,
        boilerplate: Vec::new(),
        entities: Vec::new(),
        outlet: known.and_then(|d| d.outlet.clone()),
        published: known.and_then(|d| d.published.clone()),
        url: known.and_then(|d| d.url.clone()),
        extractor: None,
        claims,
    }
}

/// `claimant`, `cue` or `via` for a region or relation label naming that part
/// of a claim (English or Indonesian).
fn role_named(label: &str) -> Option<&'static str> {
    match label.trim().to_lowercase().as_str() {
        "claimant" | "speaker" | "source" | "narasumber" | "penutur" => Some("claimant"),
        "cue" | "reporting verb" | "kata kerja" => Some("cue"),
        "via" | "outlet" | "media" => Some("via"),
        _ => None,
    }
}

/// A short display name for a document from its text: the first line, cut at
/// 60 characters.
fn name_from_text(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut name: String = line.chars().take(60).collect();
    if line.chars().count() > 60 {
        name.push('…');
    }
    name
}

/// A JSON value that is an id: strings as they are, numbers printed.
fn id_string(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn empty_project(tags: Vec<Tag>) -> Project {
    Project {
        format: crate::project::FORMAT.into(),
        version: crate::project::VERSION,
        tags,
        documents: Vec::new(),
        links: Vec::new(),
        factchecks: Vec::new(),
        publisher: None,
        annotators: Vec::new(),
        decisions: Vec::new(),
        relations: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
