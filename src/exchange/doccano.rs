//! doccano sequence-labelling JSONL: one document per line,
//! `{"id": ..., "text": ..., "label": [[start, end, "label"], ...]}`.
//!
//! Export: every claim the user did not reject, labelled with its kind
//! (`quote`, `reported`, `unattributed`), offsets in code points (what Python
//! and doccano's own JSONL import count).
//!
//! Import: `label` as `[start, end, label]` triples, or doccano's newer
//! `entities` objects (`start_offset`, `end_offset`, `label`); a whole-file
//! JSON array of the same records is read too. A label naming a kind sets the
//! kind; any other label becomes a tag. Offsets are checked against the text
//! (whole numbers, in order, inside it); doccano carries no quoted text, so a
//! text with characters beyond U+FFFF (emoji), where doccano's web editor has
//! been known to count UTF-16 units, gets a warning to look at its spans.

use serde_json::{json, Value};

use super::{
    error_at, id_string, imported_document, kind_name, kind_named, name_from_text, tag_id, ImportError, Span, Text,
};
use crate::offsets::Unit;
use crate::project::{Project, Status};

pub fn export(project: &Project) -> String {
    let mut out = String::new();
    for doc in &project.documents {
        let text = Text::new(&doc.text);
        let label: Vec<Value> = doc
            .claims
            .iter()
            .filter(|c| c.status != Status::Rejected)
            .map(|c| {
                let (start, end, _) = text.clamped(c.claim.start, c.claim.end);
                json!([start, end, kind_name(c.claim.kind)])
            })
            .collect();
        let line = json!({"id": doc.id, "name": doc.name, "text": doc.text, "label": label});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

pub fn import(input: &str, library: &Project, now: &str) -> Result<(Project, Vec<String>), ImportError> {
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
            let v = serde_json::from_str(line)
                .map_err(|e| error_at(format!("line {}", i + 1), format!("not valid JSON: {e}")))?;
            out.push((i + 1, v));
        }
        out
    };
    if records.is_empty() {
        return Err(error_at("", "the file holds no records"));
    }
    let mut tags = library.tags.clone();
    let mut warnings = Vec::new();
    let mut documents = Vec::new();
    for (n, record) in records {
        let at = format!("line {n}");
        let text = record
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| error_at(&at, "`text` is missing or not a string"))?
            .to_owned();
        let t = Text::new(&text);
        let mut spans = Vec::new();
        let mut add = |start: Option<u64>, end: Option<u64>, label: Option<&str>, field: &str| {
            let (Some(start), Some(end)) = (start, end) else {
                return Err(error_at(&at, format!("{field}: offsets must be whole numbers")));
            };
            let (start, end) = (start as usize, end as usize);
            if t.slice(start, end).is_none() {
                return Err(error_at(
                    &at,
                    format!(
                        "{field}: offsets {start}..{end} are reversed or outside the text ({} code points)",
                        t.len()
                    ),
                ));
            }
            let mut span = Span::new(start, end);
            if let Some(label) = label {
                match kind_named(label) {
                    Some(k) => span.kind = Some(k),
                    None => span.tags.push(tag_id(&mut tags, label)),
                }
            }
            spans.push(span);
            Ok(())
        };
        match record.get("label").or(record.get("labels")) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let field = format!("label[{i}]");
                    match item {
                        Value::Array(triple) if triple.len() == 3 => {
                            add(triple[0].as_u64(), triple[1].as_u64(), triple[2].as_str(), &field)?
                        }
                        Value::String(_) => {
                            return Err(error_at(
                                &at,
                                format!("{field}: a document label (text classification), not a span"),
                            ))
                        }
                        _ => return Err(error_at(&at, format!("{field}: expected [start, end, label]"))),
                    }
                }
            }
            Some(_) => return Err(error_at(&at, "`label` is not a list")),
        }
        if let Some(entities) = record.get("entities") {
            let Some(items) = entities.as_array() else {
                return Err(error_at(&at, "`entities` is not a list"));
            };
            for (i, e) in items.iter().enumerate() {
                let field = format!("entities[{i}]");
                let n = |f: &str| e.get(f).and_then(Value::as_u64);
                add(n("start_offset"), n("end_offset"), e.get("label").and_then(Value::as_str), &field)?;
            }
        }
        let astral = t.len() != t.map.len(Unit::Utf16);
        if astral && !spans.is_empty() {
            warnings.push(format!(
                "{at}: the text has characters beyond U+FFFF (emoji); offsets were read as code points, \
                 check its spans if the file came from doccano's editor"
            ));
        }
        let id = record.get("id").and_then(id_string).unwrap_or_else(|| format!("doccano-{n}"));
        let name =
            record.get("name").and_then(Value::as_str).map(str::to_owned).unwrap_or_else(|| name_from_text(&text));
        documents.push(imported_document(library, id, name, text, spans, now, "doccano"));
    }
    let mut project = super::empty_project(tags);
    project.documents = documents;
    Ok((project, warnings))
}
