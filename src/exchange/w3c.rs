//! W3C Web Annotation (JSON-LD, `http://www.w3.org/ns/anno.jsonld`).
//!
//! Export: an `AnnotationCollection` with its one `AnnotationPage` embedded,
//! one `Annotation` per claim. The target is the document
//! (`urn:klaim:doc:<id>`) with a `TextQuoteSelector` (exact, and up to 32 code
//! points of prefix and suffix) and a `TextPositionSelector` in code points,
//! which is what the Web Annotation model counts in. Bodies, all
//! `TextualBody`: each tag (purpose `tagging`, its label), the note
//! (`commenting`), the claimant's resolved name (`describing`), kind and
//! modality (`classifying`, e.g. `quote`, `hedged`), and the user's decision
//! (`assessing`: `accepted`, `rejected` or `pending`).
//!
//! The claimant's body also says who the claimant is, in `schema:about`: a
//! `schema:Person`, `schema:Organization`, `schema:NewsMediaOrganization`
//! (an outlet) or `foaf:Group` (unnamed sources), with `schema:name`,
//! `schema:jobTitle` (the role), `schema:affiliation` (an organisation with
//! its `schema:name`; `schema:parentOrganization` for a body) and
//! `schema:alternateName`, the mention as written. Why there and in
//! schema.org terms: annotation clients (Hypothesis, Recogito, Annotorious)
//! show a describing body's `value`, which stays the name; a JSON-LD consumer
//! reads the rest with the anno.jsonld context alone, which declares the
//! `schema` and `foaf` prefixes (the Web Annotation model's own audience
//! example uses schema.org terms the same way), and they are the terms the
//! ClaimReview export uses for the same claimant. A klaim-namespaced property
//! would need a second context and mean nothing to any other reader.
//!
//! Import: a collection with embedded pages, a page, an array of annotations or
//! one annotation. Annotations point at texts they do not carry, so each is
//! attached to the library document its `source` names (`urn:klaim:doc:<id>`,
//! or a document id or name as it is). The position is checked against the
//! quote; a mismatch is re-anchored by the quote (with its prefix and suffix)
//! when that finds one place, and skipped otherwise, with a warning either
//! way. Tags, note, kind and modality come back, and the claimant when its
//! body has our `schema:about`: its mention is placed by its text, inside the
//! claim when it occurs there, else at the occurrence nearest the claim (a
//! claimant the text does not hold is left out, with a warning).

use serde::Serialize;
use serde_json::{Map, Value};

use super::message;
use super::{
    error_at, id_string, kind_name, kind_named, modality_name, modality_named, tag_id, tag_labels, whole, At, Code,
    ImportError, Known, Message, Params, Span, Text,
};
use crate::model::ClaimantKind;
use crate::project::{Document, Project, Status};
use crate::report::ClaimantRecord;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Code points of context on each side in a TextQuoteSelector (Hypothesis
/// uses 32 too).
const CONTEXT_CHARS: usize = 32;
const DOC_PREFIX: &str = "urn:klaim:doc:";
const CLAIM_PREFIX: &str = "urn:klaim:claim:";

#[derive(Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'static str,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
struct Page {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation>,
}

#[derive(Serialize)]
struct Annotation {
    #[serde(rename = "@context")]
    context: (&'static str, Prefix),
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    modified: String,
    body: Vec<BodyItem>,
    target: Target,
}

#[derive(Serialize)]
#[serde(untagged)]
enum BodyItem {
    Text(Body),
    /// klaim's own fields, namespaced so other tools ignore them: what a
    /// round trip through W3C must not lose.
    Klaim(KlaimBody),
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
    format: &'static str,
    #[serde(rename = "schema:about", skip_serializing_if = "Option::is_none")]
    about: Option<Agent>,
}

#[derive(Serialize, serde::Deserialize, Default)]
struct KlaimBody {
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "klaim:status", default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(rename = "klaim:origin", default, skip_serializing_if = "Option::is_none")]
    origin: Option<crate::project::Origin>,
    #[serde(rename = "klaim:claimant", default, skip_serializing_if = "Option::is_none")]
    claimant: Option<crate::report::ClaimantRecord>,
    #[serde(rename = "klaim:cue", default, skip_serializing_if = "Option::is_none")]
    cue: Option<crate::report::SpanRecord>,
    #[serde(rename = "klaim:via", default, skip_serializing_if = "Option::is_none")]
    via: Option<crate::report::SpanRecord>,
    /// The content hash of the annotated text (`klaim::content_hash`), so
    /// another library finds its copy of the article whatever its id.
    #[serde(rename = "klaim:document", default, skip_serializing_if = "String::is_empty")]
    document: String,
}

const KLAIM_BODY: &str = "klaim:Claim";
/// The JSON-LD prefix of klaim's own terms.
const KLAIM_NS: &str = "urn:klaim:ns#";

#[derive(Serialize, Clone, Copy)]
struct Prefix {
    klaim: &'static str,
}

/// The claimant in schema.org terms (see the module docs).
#[derive(Serialize)]
struct Agent {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(rename = "schema:name")]
    name: String,
    #[serde(rename = "schema:alternateName")]
    mention: String,
    #[serde(rename = "schema:jobTitle", skip_serializing_if = "Option::is_none")]
    job_title: Option<String>,
    #[serde(rename = "schema:affiliation", skip_serializing_if = "Option::is_none")]
    affiliation: Option<Organization>,
    #[serde(rename = "schema:parentOrganization", skip_serializing_if = "Option::is_none")]
    parent_organization: Option<Organization>,
}

#[derive(Serialize)]
struct Organization {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "schema:name")]
    name: String,
}

/// The claimant's type as a class of the vocabularies anno.jsonld declares,
/// and back.
const AGENT_TYPES: [(ClaimantKind, &str); 4] = [
    (ClaimantKind::Person, "schema:Person"),
    (ClaimantKind::Organisation, "schema:Organization"),
    (ClaimantKind::Group, "foaf:Group"),
    (ClaimantKind::Outlet, "schema:NewsMediaOrganization"),
];

#[derive(Serialize)]
struct Target {
    source: String,
    selector: (QuoteSelector, PositionSelector),
}

#[derive(Serialize)]
struct QuoteSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: String,
    prefix: String,
    suffix: String,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

pub fn export(project: &Project) -> String {
    let mut items = Vec::new();
    for doc in &project.documents {
        let text = Text::new(&doc.text);
        // The article's address where it has one (another library holding
        // the same article finds it), else klaim's own document IRI.
        let source = match doc.url.as_deref().filter(|u| is_url(u)) {
            Some(url) => url.to_owned(),
            None if is_url(&doc.name) => doc.name.clone(),
            None => format!("{DOC_PREFIX}{}", encode(&doc.id)),
        };
        let hash = crate::content_hash(&doc.text);
        for c in &doc.claims {
            let (start, end, exact) = text.clamped(c.claim.start, c.claim.end);
            let textual = |purpose: &'static str, value: &str| Body {
                kind: "TextualBody",
                purpose,
                value: value.to_owned(),
                format: "text/plain",
                about: None,
            };
            let mut body: Vec<Body> =
                tag_labels(project, c).into_iter().map(|label| textual("tagging", label)).collect();
            if !c.note.is_empty() {
                body.push(textual("commenting", &c.note));
            }
            if let Some(who) = &c.claim.claimant {
                body.push(Body { about: Some(agent(who)), ..textual("describing", &who.resolved) });
            }
            body.push(textual("classifying", kind_name(c.claim.kind)));
            body.push(textual("classifying", modality_name(c.claim.modality)));
            let status = match c.status {
                Status::Pending => "pending",
                Status::Accepted => "accepted",
                Status::Rejected => "rejected",
            };
            body.push(textual("assessing", status));
            let mut body: Vec<BodyItem> = body.into_iter().map(BodyItem::Text).collect();
            body.push(BodyItem::Klaim(KlaimBody {
                kind: KLAIM_BODY.into(),
                status: Some(c.status),
                origin: Some(c.origin),
                claimant: c.claim.claimant.clone(),
                cue: c.claim.cue.clone(),
                via: c.claim.via.clone(),
                document: hash.clone(),
            }));
            items.push(Annotation {
                context: (CONTEXT, Prefix { klaim: KLAIM_NS }),
                id: format!("{CLAIM_PREFIX}{}:{}", encode(&doc.id), encode(&c.id)),
                kind: "Annotation",
                modified: c.edited.clone(),
                body,
                target: Target {
                    source: source.clone(),
                    selector: (
                        QuoteSelector {
                            kind: "TextQuoteSelector",
                            exact: exact.to_owned(),
                            prefix: text.before(start, CONTEXT_CHARS).to_owned(),
                            suffix: text.after(end, CONTEXT_CHARS).to_owned(),
                        },
                        PositionSelector { kind: "TextPositionSelector", start, end },
                    ),
                },
            });
        }
    }
    let collection = Collection {
        context: CONTEXT,
        kind: "AnnotationCollection",
        label: "klaim",
        total: items.len(),
        first: Page { kind: "AnnotationPage", start_index: 0, items },
    };
    let mut out = serde_json::to_string_pretty(&collection).expect("annotations serialize");
    out.push('\n');
    out
}

pub fn import(input: &str, library: &Project) -> Result<(Project, Vec<Message>), ImportError> {
    let value: Value = serde_json::from_str(input)
        .map_err(|e| error_at(format!("line {}", e.line()), format!("not valid JSON: {e}")))?;
    let annotations = annotations(&value)?;
    let known = Known::new(library);
    let mut tags = library.tags.clone();
    let mut warnings = Vec::new();
    let mut docs: Vec<Document> = Vec::new();
    let mut not_placed = 0;
    // The document the last annotation without a usable source was found
    // in: the next is most likely in the same one.
    let mut last_found: Option<usize> = None;
    for (i, a) in annotations.iter().enumerate() {
        let at = At::annotation(i + 1, None);
        let Some(obj) = a.as_object() else {
            warnings.push(Message::new(Code::NotObject, &at, Params::default()));
            not_placed += 1;
            continue;
        };
        if !has_type(obj, "Annotation") {
            warnings.push(Message::new(Code::NotAnnotation, &at, Params::default()));
            not_placed += 1;
            continue;
        }
        let at = At::annotation(i + 1, obj.get("id").and_then(Value::as_str).map(str::to_owned));
        let Some(target) = (match obj.get("target") {
            Some(Value::Array(ts)) => ts.iter().find(|t| t.get("selector").is_some()).or(ts.first()),
            Some(t) => Some(t),
            None => None,
        }) else {
            warnings.push(Message::new(Code::NoTarget, &at, Params::default()));
            not_placed += 1;
            continue;
        };
        let source = match target {
            Value::String(s) => Some(s.as_str()),
            t => t.get("source").and_then(|s| s.as_str().or_else(|| s.get("id").and_then(Value::as_str))),
        };
        let bodies: Vec<&Value> = match obj.get("body") {
            Some(Value::Array(bs)) => bs.iter().collect(),
            Some(b) => vec![b],
            None => Vec::new(),
        };
        let ours: KlaimBody = bodies
            .iter()
            .find(|b| b.get("type").and_then(Value::as_str) == Some(KLAIM_BODY))
            .and_then(|b| serde_json::from_value((*b).clone()).ok())
            .unwrap_or_default();
        // The document: by source (id, address or name), by the content hash
        // klaim writes, else by the quote over the library.
        let by_source = source.and_then(|s| find_document(library, s));
        let by_hash = || (!ours.document.is_empty()).then(|| known.by_hash(&ours.document)).flatten();
        let (doc, placed) = match by_source.or_else(by_hash) {
            Some(d) => {
                if by_source.is_none() {
                    let params = Params { document: Some(d.id.clone()), ..Params::default() };
                    warnings.push(Message::new(Code::Matched, &at, params));
                }
                let text = Text::new(&d.text);
                (d, anchor(&text, target, &at, &mut warnings)?)
            }
            None => match by_quote(library, target, last_found) {
                Some((k, span)) => {
                    last_found = Some(k);
                    let d = &library.documents[k];
                    let params = Params {
                        source: source.map(str::to_owned),
                        document: Some(d.id.clone()),
                        to_start: Some(span.0),
                        to_end: Some(span.1),
                        ..Params::default()
                    };
                    warnings.push(Message::new(Code::AnchoredByQuote, &at, params));
                    (d, Some(span))
                }
                None => {
                    let params = Params { source: source.map(str::to_owned), ..Params::default() };
                    warnings.push(Message::new(Code::QuoteNotFound, &at, params));
                    not_placed += 1;
                    continue;
                }
            },
        };
        let text = Text::new(&doc.text);
        let Some((start, end)) = placed else {
            continue;
        };
        let mut span = Span::new(start, end);
        let motivation = obj.get("motivation").and_then(Value::as_str).unwrap_or("");
        let mut status = None;
        for body in bodies {
            let Some(value) = body.get("value").and_then(Value::as_str) else {
                // klaim's own body was read above; an IRI or a
                // SpecificResource has nothing klaim stores: named.
                if body.get("type").and_then(Value::as_str) != Some(KLAIM_BODY) {
                    let what = body
                        .as_str()
                        .map_or_else(|| body.get("type").map_or("?".into(), |t| t.to_string()), str::to_owned);
                    let params = Params { kind: Some(what), ..Params::default() };
                    warnings.push(Message::new(Code::BodyWithoutText, &at, params));
                }
                continue;
            };
            let purpose = body.get("purpose").and_then(Value::as_str).unwrap_or(motivation);
            match purpose {
                "tagging" => span.add_tag(tag_id(&mut tags, value)),
                "classifying" => {
                    if let Some(k) = kind_named(value) {
                        span.kind = Some(k);
                    } else if let Some(m) = modality_named(value) {
                        span.modality = Some(m);
                    } else {
                        span.add_tag(tag_id(&mut tags, value));
                    }
                }
                "describing" => {
                    if let Some(about) = body.get("schema:about") {
                        span.claimant = claimant(&text, start, end, value, about, &at, &mut warnings);
                    }
                }
                "commenting" | "" => span.add_note(value),
                "assessing" => {
                    status = match value {
                        "accepted" => Some(Status::Accepted),
                        "rejected" => Some(Status::Rejected),
                        "pending" => Some(Status::Pending),
                        _ => status,
                    }
                }
                other => warnings.push(Message::new(
                    Code::BodyDropped,
                    &at,
                    Params { kind: Some(other.to_owned()), quote: Some(value.to_owned()), ..Params::default() },
                )),
            }
        }
        if let Some(note) = obj.get("bodyValue").and_then(Value::as_str) {
            span.add_note(note);
        }
        // klaim's own fields, each checked against the text.
        let fits = |s: usize, e: usize, quoted: &str| text.slice(s, e) == Some(quoted);
        let mut lost = Vec::new();
        match &ours.claimant {
            Some(c) if fits(c.start, c.end, &c.text) => span.claimant = Some(c.clone()),
            Some(_) => lost.push("claimant"),
            None => {}
        }
        for (name, part, slot) in [("cue", &ours.cue, &mut span.cue), ("via", &ours.via, &mut span.via)] {
            match part {
                Some(p) if fits(p.start, p.end, &p.text) => *slot = Some((p.start, p.end)),
                Some(_) => lost.push(name),
                None => {}
            }
        }
        if (start, end) != target_position(target).unwrap_or((start, end)) {
            // Re-anchored: the parts' offsets belong to the old place.
            let claimant = ours.claimant.is_some() && span.claimant.take().is_some();
            if claimant | span.cue.take().is_some() | span.via.take().is_some() {
                lost.push(message::REANCHORED_PARTS);
            }
        }
        if !lost.is_empty() {
            let params = Params { names: lost.iter().map(|s| s.to_string()).collect(), ..Params::default() };
            warnings.push(Message::new(Code::FieldsDropped, &at, params));
        }
        let claim_id = obj
            .get("id")
            .and_then(id_string)
            .and_then(|id| klaim_claim_id(&id))
            .unwrap_or_else(|| format!("{}#w3c-{start}-{end}", doc.id));
        let edited =
            obj.get("modified").or(obj.get("created")).and_then(Value::as_str).unwrap_or(&doc.edited).to_owned();
        let copy = match docs.iter_mut().position(|d| d.id == doc.id) {
            Some(k) => &mut docs[k],
            None => {
                docs.push(Document { claims: Vec::new(), ..doc.clone() });
                docs.last_mut().expect("just pushed")
            }
        };
        let same = |c: &crate::project::AnnotatedClaim| c.claim.start == start && c.claim.end == end;
        // A claim the library has under another id at the same span is
        // already there; under the same id, the merge decides (a later
        // decision wins).
        if doc.claims.iter().any(|c| same(c) && c.id != claim_id)
            || copy.claims.iter().any(|c| c.id == claim_id)
            || copy.claims.iter().any(same)
        {
            continue;
        }
        let mut claim = span.into_claim(claim_id, &text, &edited);
        claim.status = ours.status.or(status).unwrap_or(Status::Pending);
        if let Some(origin) = ours.origin {
            claim.origin = origin;
        }
        copy.claims.push(claim);
    }
    if not_placed > 0 && not_placed == annotations.len() {
        return Err(whole(format!(
            "none of the {} annotations points at a document in the library; first: {}",
            annotations.len(),
            warnings[0]
        )));
    }
    let mut project = super::empty_project(tags);
    project.documents = docs;
    Ok((project, warnings))
}

fn agent(who: &ClaimantRecord) -> Agent {
    let organization = |name: &Option<String>| {
        name.as_ref()
            .filter(|n| !n.trim().is_empty())
            .map(|n| Organization { kind: "schema:Organization", name: n.clone() })
    };
    let body = matches!(who.kind, Some(ClaimantKind::Organisation | ClaimantKind::Outlet));
    Agent {
        kind: who.kind.and_then(|k| AGENT_TYPES.iter().find(|(kind, _)| *kind == k)).map(|(_, name)| *name),
        name: who.resolved.clone(),
        mention: who.text.clone(),
        job_title: who.role.clone().filter(|r| !r.trim().is_empty()),
        // schema:affiliation is a Person's; a body has a parent organisation.
        affiliation: if body { None } else { organization(&who.affiliation) },
        parent_organization: if body { organization(&who.affiliation) } else { None },
    }
}

/// The claimant a describing body's `schema:about` gives, its mention placed
/// in the text: inside the claim `start..end` where it occurs there, else at
/// the occurrence nearest the claim.
fn claimant(
    text: &Text<'_>,
    start: usize,
    end: usize,
    resolved: &str,
    about: &Value,
    at: &At,
    warnings: &mut Vec<Message>,
) -> Option<ClaimantRecord> {
    let string = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned).filter(|s| !s.trim().is_empty());
    // An organisation by its name, or the name alone.
    let organization =
        |v: Option<&Value>| string(v).or_else(|| string(v.and_then(|o| o.get("schema:name").or(o.get("name")))));
    let mention = string(about.get("schema:alternateName")).unwrap_or_else(|| resolved.to_owned());
    if mention.trim().is_empty() {
        return None;
    }
    let distance = |&(s, e): &(usize, usize)| {
        if s >= start && e <= end {
            0
        } else if e <= start {
            start - e + 1
        } else {
            s.saturating_sub(end) + 1
        }
    };
    // Inside the claim first: one short scan for most claimants, so that an
    // import does not read the whole document once per annotation.
    let inside = text.slice(start, end).and_then(|claim| {
        let i = claim.find(mention.as_str())?;
        let s = start + claim[..i].chars().count();
        Some((s, s + mention.chars().count()))
    });
    let found = inside.or_else(|| text.find_quote(&mention, "", "").into_iter().min_by_key(distance));
    let Some((s, e)) = found else {
        let params = Params { quote: Some(mention.clone()), ..Params::default() };
        warnings.push(Message::new(Code::ClaimantNotInText, at, params));
        return None;
    };
    let types: Vec<&str> = match about.get("type").or(about.get("@type")) {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    Some(ClaimantRecord {
        start: s,
        end: e,
        text: mention,
        resolved: resolved.to_owned(),
        kind: AGENT_TYPES.iter().find(|(_, name)| types.contains(name)).map(|(kind, _)| *kind),
        role: string(about.get("schema:jobTitle")),
        affiliation: organization(about.get("schema:affiliation"))
            .or_else(|| organization(about.get("schema:parentOrganization"))),
    })
}

/// The TextPositionSelector's span of a target, if it has one.
fn target_position(target: &Value) -> Option<(usize, usize)> {
    let selectors = match target.get("selector")? {
        Value::Array(s) => s.iter().collect::<Vec<_>>(),
        s => vec![s],
    };
    let s = selectors.into_iter().find(|s| s.get("type").and_then(Value::as_str) == Some("TextPositionSelector"))?;
    Some((s.get("start")?.as_u64()? as usize, s.get("end")?.as_u64()? as usize))
}

/// The one library document (index) and span where the target's
/// TextQuoteSelector occurs, trying `hint` first. The quote with its context
/// must occur once in the whole library; a scan of every document, done only
/// for annotations no source or hash places.
fn by_quote(library: &Project, target: &Value, hint: Option<usize>) -> Option<(usize, (usize, usize))> {
    let selectors = match target.get("selector")? {
        Value::Array(s) => s.iter().collect::<Vec<_>>(),
        s => vec![s],
    };
    let q = selectors.into_iter().find(|s| s.get("type").and_then(Value::as_str) == Some("TextQuoteSelector"))?;
    let f = |f: &str| q.get(f).and_then(Value::as_str).unwrap_or("");
    let (exact, prefix, suffix) = (f("exact"), f("prefix"), f("suffix"));
    if exact.is_empty() {
        return None;
    }
    let find = |k: usize| {
        let text = Text::new(&library.documents[k].text);
        let mut found = text.find_quote(exact, prefix, suffix);
        if found.is_empty() {
            found = text.find_quote(exact, "", "");
        }
        found
    };
    if let Some(k) = hint {
        if let [span] = find(k).as_slice() {
            return Some((k, *span));
        }
    }
    let mut hits = (0..library.documents.len())
        .filter(|&k| library.documents[k].text.contains(exact))
        .flat_map(|k| find(k).into_iter().map(move |span| (k, span)));
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

/// The annotations of a collection, page, array or single annotation.
fn annotations(value: &Value) -> Result<Vec<&Value>, ImportError> {
    match value {
        Value::Array(items) => Ok(items.iter().collect()),
        Value::Object(obj) if has_type(obj, "AnnotationCollection") => {
            let mut out = Vec::new();
            let mut page = obj.get("first");
            while let Some(p) = page {
                let Some(items) = p.get("items").and_then(Value::as_array) else {
                    return Err(error_at(
                        "first",
                        "the collection's pages are not embedded (only their address is given)",
                    ));
                };
                out.extend(items);
                page = p.get("next").filter(|n| n.is_object());
            }
            Ok(out)
        }
        Value::Object(obj) if has_type(obj, "AnnotationPage") => match obj.get("items") {
            Some(Value::Array(items)) => Ok(items.iter().collect()),
            _ => Err(error_at("items", "an AnnotationPage without `items`")),
        },
        Value::Object(obj) if has_type(obj, "Annotation") => Ok(vec![value]),
        _ => Err(whole("not W3C Web Annotation: expected an Annotation, AnnotationPage or AnnotationCollection")),
    }
}

fn has_type(obj: &Map<String, Value>, name: &str) -> bool {
    match obj.get("type").or(obj.get("@type")) {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// The library document a `target.source` names: `urn:klaim:doc:<id>`, a
/// document id, or the article's address (its name when that is a URL).
fn find_document<'p>(library: &'p Project, source: &str) -> Option<&'p Document> {
    let id = source.strip_prefix(DOC_PREFIX).map(decode);
    let id = id.as_deref().unwrap_or(source);
    library
        .documents
        .iter()
        .find(|d| d.id == id)
        .or_else(|| library.documents.iter().find(|d| d.url.as_deref() == Some(source) || d.name == source))
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// The code point span the target's selectors give, checked against the
/// text; `None` (with a warning) when it cannot be placed.
fn anchor(
    text: &Text<'_>,
    target: &Value,
    at: &At,
    warnings: &mut Vec<Message>,
) -> Result<Option<(usize, usize)>, ImportError> {
    let selectors: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(s)) => s.iter().collect(),
        Some(s) => vec![s],
        None => {
            warnings.push(Message::new(Code::NoSelector, at, Params::default()));
            return Ok(None);
        }
    };
    let of_type = |t: &str| selectors.iter().find(|s| s.get("type").and_then(Value::as_str) == Some(t));
    let position = match of_type("TextPositionSelector") {
        Some(s) => {
            let n = |f: &str| {
                s.get(f)
                    .and_then(Value::as_u64)
                    .map(|v| v as usize)
                    .ok_or_else(|| error_at(at, format!("TextPositionSelector `{f}` is missing or not a whole number")))
            };
            Some((n("start")?, n("end")?))
        }
        None => None,
    };
    let quote = match of_type("TextQuoteSelector") {
        Some(s) => {
            let f = |f: &str| s.get(f).and_then(Value::as_str).unwrap_or("");
            let exact = s
                .get("exact")
                .and_then(Value::as_str)
                .ok_or_else(|| error_at(at, "TextQuoteSelector `exact` is missing or not a string"))?;
            Some((exact, f("prefix"), f("suffix")))
        }
        None => None,
    };
    match (position, quote) {
        (None, None) => {
            warnings.push(Message::new(Code::NoPositionOrQuote, at, Params::default()));
            Ok(None)
        }
        (Some((s, e)), None) => match text.slice(s, e) {
            Some(_) => Ok(Some((s, e))),
            None => {
                let params = Params { start: Some(s), end: Some(e), len: Some(text.len()), ..Params::default() };
                warnings.push(Message::new(Code::PositionOutside, at, params));
                Ok(None)
            }
        },
        (position, Some((exact, prefix, suffix))) => {
            if let Some((s, e)) = position {
                if text.slice(s, e) == Some(exact) {
                    return Ok(Some((s, e)));
                }
            }
            let mut found = text.find_quote(exact, prefix, suffix);
            if found.is_empty() {
                found = text.find_quote(exact, "", "");
            }
            let what = Params {
                start: position.map(|p| p.0),
                end: position.map(|p| p.1),
                quote: Some(exact.to_owned()),
                ..Params::default()
            };
            match found.as_slice() {
                [(s, e)] => {
                    if position.is_some() {
                        let params = Params { to_start: Some(*s), to_end: Some(*e), ..what };
                        warnings.push(Message::new(Code::PlacedByQuote, at, params));
                    }
                    Ok(Some((*s, *e)))
                }
                [] => {
                    warnings.push(Message::new(Code::QuoteAbsent, at, what));
                    Ok(None)
                }
                more => {
                    let params = Params { count: Some(more.len()), ..what };
                    warnings.push(Message::new(Code::QuoteAmbiguous, at, params));
                    Ok(None)
                }
            }
        }
    }
}

/// The claim id of one of our annotation ids (`urn:klaim:claim:doc:claim`).
/// Other tools' ids are not used: claim ids are `<document id>#...`, unique
/// across the library.
fn klaim_claim_id(annotation_id: &str) -> Option<String> {
    let (_, claim) = annotation_id.strip_prefix(CLAIM_PREFIX)?.rsplit_once(':')?;
    Some(decode(claim))
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so that any
/// id makes a valid IRI segment (and `:` can separate segments).
fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(segment: &str) -> String {
    let b = segment.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_iris() {
        for id in ["plain", "a b:c/d%e", "berita-😀", "", "%", "%4"] {
            assert_eq!(decode(&encode(id)), id);
        }
        let ours = format!("{CLAIM_PREFIX}{}:{}", encode("d:1"), encode("d:1#c:2"));
        assert_eq!(klaim_claim_id(&ours).as_deref(), Some("d:1#c:2"));
        assert_eq!(klaim_claim_id("https://example.org/anno/1"), None);
    }
}
