//! doccano sequence-labelling JSONL: one document per line,
//! `{"id": ..., "text": ..., "label": [[start, end, "label"], ...]}`.
//!
//! Export: every claim the user did not reject, labelled with its kind
//! (`quote`, `reported`, `unattributed`), offsets in code points (what Python
//! and doccano's own JSONL import count), or in UTF-16 units
//! ([`Format::DoccanoUtf16`](super::Format)): doccano's web editor draws
//! spans by JavaScript string offsets, so a file in code points shows spans
//! after an emoji shifted there. A default doccano project does not allow
//! overlapping spans and drops one of two nested claims: [`overlaps`] names
//! them so the page can warn.
//!
//! Import: `label` as `[start, end, label]` triples, or doccano's newer
//! `entities` objects (`id`, `start_offset`, `end_offset`, `label`) with
//! `relations` (`from_id`, `to_id`, `type`) and `Comments`; a whole-file JSON
//! array of the same records is read too. A label naming a kind sets the
//! kind; any other label becomes a tag. A relation of type claimant, cue or
//! via links that part to the claim; any other relation, and every comment,
//! becomes a note. A record that cannot be read is skipped and named with its
//! line, as doccano itself does; the rest imports. doccano carries no quoted
//! text, so a text with characters beyond U+FFFF (emoji), where doccano's web
//! editor counts UTF-16 units, gets a warning to look at its spans.

use serde_json::{json, Value};

use super::{
    error_at, id_string, imported_document, kind_name, kind_named, name_from_text, tag_id, At, Code, ImportError,
    Known, Message, Params, Span, Text,
};
use crate::offsets::Unit;
use crate::project::{Project, Status};
use crate::report::ClaimantRecord;

/// The project as doccano JSONL, offsets in `unit` (code points or UTF-16).
pub fn export(project: &Project, unit: Unit) -> String {
    let mut out = String::new();
    for doc in &project.documents {
        let text = Text::new(&doc.text);
        let label: Vec<Value> = doc
            .claims
            .iter()
            .filter(|c| c.status != Status::Rejected)
            .map(|c| {
                let (start, end, _) = text.clamped(c.claim.start, c.claim.end);
                let o = |x| text.map.convert(x, Unit::CodePoint, unit);
                json!([o(start), o(end), kind_name(c.claim.kind)])
            })
            .collect();
        let mut line = json!({"id": doc.id, "name": doc.name, "text": doc.text, "label": label});
        // The document's facts, as fields doccano keeps as the example's
        // metadata (like `claimants`).
        for (key, fact) in [("outlet", &doc.outlet), ("published", &doc.published), ("url", &doc.url)] {
            if let Some(v) = fact.as_deref().filter(|v| !v.trim().is_empty()) {
                line[key] = json!(v);
            }
        }
        let claimants = claimants(doc, &text, unit);
        if !claimants.is_empty() {
            line["claimants"] = Value::Array(claimants);
        }
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// Who made each exported claim, as a record field doccano keeps as the
/// example's metadata (shown beside the text, exported back as it came):
/// `{"start", "end"` (the claim's span, as in `label`), `"claimant": {"start",
/// "end", "text", "resolved", "type", "role", "affiliation"}}`. Not a span
/// of `label`: a claimant inside its claim would overlap it, which a default
/// doccano project refuses.
fn claimants(doc: &crate::project::Document, text: &Text<'_>, unit: Unit) -> Vec<Value> {
    let o = |x| text.map.convert(x, Unit::CodePoint, unit);
    doc.claims
        .iter()
        .filter(|c| c.status != Status::Rejected)
        .filter_map(|c| {
            let who = c.claim.claimant.as_ref()?;
            let (start, end, _) = text.clamped(c.claim.start, c.claim.end);
            let (ws, we, _) = text.clamped(who.start, who.end);
            let mut claimant = serde_json::to_value(who).expect("a claimant serializes");
            claimant["start"] = json!(o(ws));
            claimant["end"] = json!(o(we));
            Some(json!({"start": o(start), "end": o(end), "claimant": claimant}))
        })
        .collect()
}

/// Claims (not rejected) that overlap another in the same document, as
/// warnings for a doccano export: a doccano project without "Allow
/// overlapping spans" keeps only one of them.
pub fn overlaps(project: &Project) -> Vec<Message> {
    let mut out = Vec::new();
    for doc in &project.documents {
        let mut spans: Vec<(usize, usize)> =
            doc.claims.iter().filter(|c| c.status != Status::Rejected).map(|c| (c.claim.start, c.claim.end)).collect();
        spans.sort_unstable();
        let mut reach: Option<(usize, usize)> = None;
        let mut n = 0;
        for span in spans {
            if let Some(r) = reach.filter(|r| span.0 < r.1) {
                n += 1;
                if n == 1 {
                    let at = At { name: Some(doc.name.clone()), ..At::default() };
                    let params = Params {
                        start: Some(r.0),
                        end: Some(r.1),
                        to_start: Some(span.0),
                        to_end: Some(span.1),
                        ..Params::default()
                    };
                    out.push(Message::new(Code::Overlap, &at, params));
                }
            }
            if reach.is_none_or(|r| span.1 > r.1) {
                reach = Some(span);
            }
        }
        if n > 1 {
            let last = out.last_mut().expect("pushed at n == 1");
            last.params.count = Some(n);
        }
    }
    if !out.is_empty() {
        out.insert(0, Message::new(Code::OverlapsNote, &At::default(), Params::default()));
    }
    out
}

pub fn import(input: &str, library: &Project, now: &str) -> Result<(Project, Vec<Message>), ImportError> {
    let mut warnings = Vec::new();
    // A JSON array of records, or JSON Lines (blank lines skipped).
    let records: Vec<(usize, Value)> = if input.trim_start().starts_with('[') {
        let all: Vec<Value> = serde_json::from_str(input)
            .map_err(|e| error_at(format!("line {}", e.line()), format!("not valid JSON: {e}")))?;
        all.into_iter().enumerate().map(|(i, v)| (i + 1, v)).collect()
    } else {
        let mut out = Vec::new();
        for (i, line) in input.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str(line) {
                Ok(v) => out.push((i + 1, v)),
                Err(e) => warnings.push(Message::new(
                    Code::NotJson,
                    &At::line(i + 1),
                    Params { error: Some(e.to_string()), ..Params::default() },
                )),
            }
        }
        out
    };
    if records.is_empty() {
        return Err(match warnings.first() {
            Some(w) => error_at("", format!("no record could be read; {w}")),
            None => error_at("", "the file holds no records"),
        });
    }
    let known = Known::new(library);
    let mut tags = library.tags.clone();
    let mut documents = Vec::new();
    let mut relations = Vec::new();
    for (n, record) in records {
        let at = At::line(n);
        match read_record(&record, &at, &mut tags, &mut warnings) {
            Ok((text, spans)) => {
                let rels = super::span_relations(&spans);
                let id = record.get("id").and_then(id_string).unwrap_or_else(|| format!("doccano-{n}"));
                let name = record
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .unwrap_or_else(|| name_from_text(&text));
                let mut doc = imported_document(&known, (id, name, text), spans, now, "doccano", &mut warnings, &at);
                super::facts_from(&mut doc, Some(&record));
                super::facts_from(&mut doc, record.get("meta"));
                relations.extend(super::relations_of(&known, &doc, &rels, &mut warnings, &at));
                documents.push(doc);
            }
            Err(e) => warnings.push(Message::new(
                Code::BadRecord,
                &at,
                Params { error: Some(e.message), ..Params::default() },
            )),
        }
    }
    if documents.is_empty() {
        return Err(error_at("", format!("no record could be read; first: {}", warnings[0])));
    }
    let mut project = super::empty_project(tags);
    project.documents = documents;
    project.relations = relations;
    Ok((project, warnings))
}

/// One record's text and spans, or why it cannot be read.
fn read_record(
    record: &Value,
    at: &At,
    tags: &mut Vec<crate::project::Tag>,
    warnings: &mut Vec<Message>,
) -> Result<(String, Vec<Span>), ImportError> {
    let text = record
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| error_at(at, "`text` is missing or not a string"))?
        .to_owned();
    let t = Text::new(&text);
    // (entity id, span, role) in order.
    let mut spans: Vec<(Option<String>, Span, Option<&'static str>)> = Vec::new();
    let mut add = |start: Option<u64>, end: Option<u64>, label: Option<&str>, field: &str, id: Option<String>| {
        let (Some(start), Some(end)) = (start, end) else {
            return Err(error_at(at, format!("{field}: offsets must be whole numbers")));
        };
        let (start, end) = (start as usize, end as usize);
        if t.slice(start, end).is_none() {
            return Err(error_at(
                at,
                format!("{field}: offsets {start}..{end} are reversed or outside the text ({} code points)", t.len()),
            ));
        }
        let mut span = Span::new(start, end);
        let mut role = None;
        if let Some(label) = label {
            match (kind_named(label), role_named(label)) {
                (Some(k), _) => span.kind = Some(k),
                (None, Some(r)) => role = Some(r),
                (None, None) => span.tags.push(tag_id(tags, label)),
            }
        }
        spans.push((id, span, role));
        Ok(())
    };
    match record.get("label").or(record.get("labels")) {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let field = format!("label[{i}]");
                match item {
                    Value::Array(triple) if triple.len() == 3 => {
                        add(triple[0].as_u64(), triple[1].as_u64(), triple[2].as_str(), &field, None)?
                    }
                    Value::String(_) => {
                        return Err(error_at(
                            at,
                            format!("{field}: a document label (text classification), not a span"),
                        ))
                    }
                    _ => return Err(error_at(at, format!("{field}: expected [start, end, label]"))),
                }
            }
        }
        Some(_) => return Err(error_at(at, "`label` is not a list")),
    }
    if let Some(entities) = record.get("entities") {
        let Some(items) = entities.as_array() else {
            return Err(error_at(at, "`entities` is not a list"));
        };
        for (i, e) in items.iter().enumerate() {
            let field = format!("entities[{i}]");
            let n = |f: &str| e.get(f).and_then(Value::as_u64);
            let id = e.get("id").and_then(id_string);
            add(n("start_offset"), n("end_offset"), e.get("label").and_then(Value::as_str), &field, id)?;
        }
    }
    let mut consumed = vec![false; spans.len()];
    for (r, rel) in record.get("relations").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let field = format!("relations[{r}]");
        let end = |f: &str| {
            let id = rel.get(f).and_then(id_string)?;
            spans.iter().position(|(k, _, _)| k.as_deref() == Some(id.as_str()))
        };
        let kind = rel.get("type").and_then(Value::as_str).unwrap_or("related");
        let (Some(from), Some(to)) = (end("from_id"), end("to_id")) else {
            warnings.push(Message::new(Code::RelationNoEntities, &at.then(&field), Params::default()));
            continue;
        };
        let role = role_named(kind);
        let link = match (spans[from].2.is_none(), spans[to].2.is_none()) {
            (true, false) => Some((from, to)),
            (false, true) => Some((to, from)),
            (true, true) if role.is_some() => Some((from, to)),
            _ => None,
        };
        match link {
            Some((claim, part)) => {
                let span = (spans[part].1.start, spans[part].1.end);
                match spans[part].2.or(role).expect("a role from the entity or the relation") {
                    "claimant" => spans[claim].1.claimant_at = Some(span),
                    "cue" => spans[claim].1.cue = Some(span),
                    _ => spans[claim].1.via = Some(span),
                }
                consumed[part] = spans[part].2.is_some();
            }
            None => {
                let b = (spans[to].1.start, spans[to].1.end);
                spans[from].1.relations.push((b.0, b.1, kind.to_owned()));
                let params = Params { kind: Some(kind.to_owned()), ..Params::default() };
                warnings.push(Message::new(Code::RelationKept, &at.then(&field), params));
            }
        }
    }
    let mut out: Vec<Span> = Vec::new();
    for ((_, mut span, role), used) in spans.into_iter().zip(consumed) {
        if used {
            continue;
        }
        if let Some(role) = role {
            span.add_tag(tag_id(tags, role));
        }
        out.push(span);
    }
    let comments: Vec<String> = record
        .get("Comments")
        .or(record.get("comments"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str().or_else(|| c.get("text").and_then(Value::as_str)).map(str::to_owned))
        .collect();
    if !comments.is_empty() {
        if out.is_empty() {
            let params = Params { count: Some(comments.len()), ..Params::default() };
            warnings.push(Message::new(Code::CommentsDropped, at, params));
        } else {
            let params = Params { count: Some(comments.len()), ..Params::default() };
            warnings.push(Message::new(Code::CommentsKept, at, params));
            for span in &mut out {
                for c in &comments {
                    span.add_note(&format!("doccano comment: {c}"));
                }
            }
        }
    }
    read_claimants(record, &t, &mut out, at, warnings);
    let astral = t.len() != t.map.len(Unit::Utf16);
    if astral && !out.is_empty() {
        warnings.push(Message::new(Code::AstralCodePoints, at, Params::default()));
    }
    Ok((text, out))
}

/// The `claimants` field klaim's export writes (top level, or under `meta`
/// where a tool nests metadata): each entry's claimant joins the span with
/// the same offsets, with its name, type, role and affiliation. An entry
/// that names no span or whose mention does not fit the text is left out
/// and named.
fn read_claimants(record: &Value, t: &Text<'_>, spans: &mut [Span], at: &At, warnings: &mut Vec<Message>) {
    let list = record.get("claimants").or_else(|| record.get("meta").and_then(|m| m.get("claimants")));
    for (i, entry) in list.and_then(Value::as_array).into_iter().flatten().enumerate() {
        let n = |v: &Value, f: &str| v.get(f).and_then(Value::as_u64).map(|x| x as usize);
        let who = entry.get("claimant").and_then(|c| serde_json::from_value::<ClaimantRecord>(c.clone()).ok());
        let span = spans.iter_mut().find(|s| Some(s.start) == n(entry, "start") && Some(s.end) == n(entry, "end"));
        match (span, who) {
            (Some(span), Some(who)) if t.slice(who.start, who.end) == Some(who.text.as_str()) => {
                span.claimant = Some(who);
            }
            _ => warnings.push(Message::new(
                Code::FieldLeftOut,
                at,
                Params { field: Some(format!("claimants[{i}]")), ..Params::default() },
            )),
        }
    }
}

/// `claimant`, `cue` or `via` for a label or relation type naming that part
/// of a claim.
fn role_named(label: &str) -> Option<&'static str> {
    super::role_named(label)
}
