//! JSON Lines per the extraction contract (`../shared/spec/extraction-output.md`):
//! one object per document, `id`, `claims`, `boilerplate`, `entities`, with the
//! user's decisions added to each claim (its `id`, `origin`, `status`,
//! `tags`, `note`, `edited`) and the document's `name` and `text`, and its
//! `outlet`, `published` and `url` where known (the fields `klaim extract`
//! writes), so the file is also valid input for `klaim extract --jsonl`.
//! Offsets are code points.
//!
//! Import reads such a file back, claimants with their type, role and
//! affiliation included: every line needs `text` and `claims`, each claim as
//! the export writes it (with its `id`, `origin`, `status` and `edited`); a
//! line that is not so is refused with its line and column, and nothing is
//! applied. Tags are found by id or label (unknown ones are added to the tag
//! set). Every span is checked against the text: a claim whose offsets do not
//! hold its `text` is placed by that text when it occurs once, and skipped
//! otherwise; a claimant, cue, via or quantity that does not fit is left out;
//! each with a warning. (Reading claims with the project file's own type,
//! rather than field by field, costs 4.6 KB of gzipped wasm instead of 14.)

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{error_at, id_string, name_from_text, tag_id, At, Code, ImportError, Message, Params, Text};
use crate::project::{AnnotatedClaim, Document, Origin, Project, Status};
use crate::report::{BoilerplateRecord, ClaimRecord, EntityRecord};

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    name: &'a str,
    text: &'a str,
    claims: Vec<Claim<'a>>,
    boilerplate: Vec<BoilerplateRecord>,
    entities: &'a [EntityRecord],
    /// The document's facts, the contract's optional fields (as `klaim
    /// extract` writes them); absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct Claim<'a> {
    #[serde(flatten)]
    claim: &'a ClaimRecord,
    id: &'a str,
    origin: Origin,
    status: Status,
    tags: &'a [String],
    note: &'a str,
    edited: &'a str,
}

pub fn export(project: &Project) -> String {
    let mut out = String::new();
    for doc in &project.documents {
        let text = Text::new(&doc.text);
        // The contract requires `text` on boilerplate; the project may omit it.
        let boilerplate = doc
            .boilerplate
            .iter()
            .map(|b| {
                let (start, end, t) = text.clamped(b.start, b.end);
                BoilerplateRecord { start, end, text: t.to_owned(), kind: b.kind }
            })
            .collect();
        let line = Line {
            id: &doc.id,
            name: &doc.name,
            text: &doc.text,
            claims: doc.claims.iter().map(claim).collect(),
            boilerplate,
            entities: &doc.entities,
            outlet: known(&doc.outlet),
            published: known(&doc.published),
            url: known(&doc.url),
        };
        out.push_str(&serde_json::to_string(&line).expect("a record always serializes"));
        out.push('\n');
    }
    out
}

/// A document fact that is set (the page may store an emptied field as "").
fn known(fact: &Option<String>) -> Option<&str> {
    fact.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn claim(c: &AnnotatedClaim) -> Claim<'_> {
    Claim {
        claim: &c.claim,
        id: &c.id,
        origin: c.origin,
        status: c.status,
        tags: &c.tags,
        note: &c.note,
        edited: &c.edited,
    }
}

/// One line as read: a document as the export writes it. Claims are read as
/// the project file holds them (`klaim::parse_project` reads the same type),
/// which keeps the wasm small.
#[derive(Deserialize)]
struct InLine {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    name: Option<String>,
    text: String,
    claims: Vec<AnnotatedClaim>,
    #[serde(default)]
    boilerplate: Vec<BoilerplateRecord>,
    #[serde(default)]
    entities: Vec<EntityRecord>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

pub fn import(input: &str, library: &Project, now: &str) -> Result<(Project, Vec<Message>), ImportError> {
    let mut tags = library.tags.clone();
    let mut warnings = Vec::new();
    let mut documents: Vec<Document> = Vec::new();
    for (i, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = At::line(i + 1);
        let record: InLine = serde_json::from_str(line).map_err(|e| {
            // The line is ours to name: serde's `at line 1 column C` becomes the column.
            let msg = e.to_string();
            let msg = msg.rfind(" at line ").map_or(msg.clone(), |i| format!("{} (column {})", &msg[..i], e.column()));
            error_at(&at, msg)
        })?;
        let id = id_string(&record.id).unwrap_or_else(|| format!("jsonl-{}", i + 1));
        if documents.iter().any(|d| d.id == id) {
            return Err(error_at(&at, format!("document id `{id}` appears twice")));
        }
        let text = Text::new(&record.text);
        let mut claims: Vec<AnnotatedClaim> = Vec::new();
        for (k, mut c) in record.claims.into_iter().enumerate() {
            let at = at.then(&format!("claims[{k}]"));
            let Some(claim) = placed(&text, c.claim, &at, &mut warnings) else { continue };
            if claims.iter().any(|x| x.id == c.id) {
                let params = Params { id: Some(c.id.clone()), ..Params::default() };
                warnings.push(Message::new(Code::DuplicateClaimId, &at, params));
                continue;
            }
            c.claim = claim;
            c.tags = c.tags.iter().map(|t| tag_id(&mut tags, t)).collect();
            claims.push(c);
        }
        let n = record.boilerplate.len() + record.entities.len();
        let boilerplate: Vec<BoilerplateRecord> = record
            .boilerplate
            .into_iter()
            .filter(|b| text.slice(b.start, b.end).is_some_and(|s| b.text.is_empty() || s == b.text))
            .collect();
        let entities: Vec<EntityRecord> =
            record.entities.into_iter().filter(|e| text.slice(e.start, e.end) == Some(e.text.as_str())).collect();
        if boilerplate.len() + entities.len() < n {
            let dropped = n - boilerplate.len() - entities.len();
            let params = Params { count: Some(dropped), ..Params::default() };
            warnings.push(Message::new(Code::PartsLeftOut, &at, params));
        }
        let known = library.documents.iter().find(|d| d.id == id && d.text == record.text);
        let (added, edited) = match known {
            Some(d) => (d.added.clone(), d.edited.clone()),
            None => (now.to_owned(), now.to_owned()),
        };
        documents.push(Document {
            name: record.name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| name_from_text(&record.text)),
            id,
            added,
            edited,
            boilerplate,
            entities,
            outlet: record.outlet,
            published: record.published,
            url: record.url,
            extractor: None,
            claims,
            text: record.text,
        });
    }
    if documents.is_empty() {
        return Err(error_at("", "the file holds no records"));
    }
    let mut project = super::empty_project(tags);
    project.documents = documents;
    super::validate(&project)?;
    Ok((project, warnings))
}
/// `claim` with its spans checked against `text`: the claim placed by its
/// quote when its offsets do not hold it, sub-spans that do not fit left
/// out; `None` when the claim cannot be placed.
fn placed(text: &Text<'_>, mut claim: ClaimRecord, at: &At, warnings: &mut Vec<Message>) -> Option<ClaimRecord> {
    if text.slice(claim.start, claim.end) != Some(claim.text.as_str()) {
        let what = Params {
            start: Some(claim.start),
            end: Some(claim.end),
            quote: Some(claim.text.clone()),
            ..Params::default()
        };
        match text.find_quote(&claim.text, "", "").as_slice() {
            [(s, e)] => {
                let params = Params { to_start: Some(*s), to_end: Some(*e), ..what };
                warnings.push(Message::new(Code::PlacedByText, at, params));
                (claim.start, claim.end) = (*s, *e);
            }
            [] => {
                warnings.push(Message::new(Code::TextAbsent, at, what));
                return None;
            }
            more => {
                let params = Params { count: Some(more.len()), ..what };
                warnings.push(Message::new(Code::TextAmbiguous, at, params));
                return None;
            }
        }
    }
    let fits = |start: usize, end: usize, quoted: &str| text.slice(start, end) == Some(quoted);
    let mut drop = |field: &str| {
        let params = Params { field: Some(field.to_owned()), ..Params::default() };
        warnings.push(Message::new(Code::FieldLeftOut, at, params))
    };
    if claim.claimant.as_ref().is_some_and(|x| !fits(x.start, x.end, &x.text)) {
        claim.claimant = None;
        drop("claimant");
    }
    if claim.cue.as_ref().is_some_and(|x| !fits(x.start, x.end, &x.text)) {
        claim.cue = None;
        drop("cue");
    }
    if claim.via.as_ref().is_some_and(|x| !fits(x.start, x.end, &x.text)) {
        claim.via = None;
        drop("via");
    }
    let n = claim.quantities.len();
    claim.quantities.retain(|q| fits(q.start, q.end, &q.text));
    if claim.quantities.len() < n {
        drop("quantity");
    }
    Some(claim)
}
