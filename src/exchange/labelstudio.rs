//! Label Studio task JSON: a list of tasks
//! `{"data": {"text": ...}, "annotations": [{"result": [...]}], "predictions": [...]}`.
//!
//! Export: one task per document (`data.text`, `data.document_id`,
//! `data.document_name`). Claims the user accepted or added are an annotation,
//! claims still pending are a prediction (`model_version` `klaim`), rejected
//! claims are left out. Each claim is one region: a `labels` result (its kind),
//! a per-region `choices` result (its tag labels) and a per-region `textarea`
//! (its note), sharing the region id. Offsets are code points, as Label Studio
//! stores them since 1.4. A labelling config that reads these results:
//!
//! ```xml
//! <View>
//!   <Labels name="label" toName="text">
//!     <Label value="quote"/><Label value="reported"/><Label value="unattributed"/>
//!   </Labels>
//!   <Text name="text" value="$text"/>
//!   <Choices name="tags" toName="text" perRegion="true" choice="multiple">
//!     <Choice value="benar"/><Choice value="salah"/><Choice value="menyesatkan"/>
//!     <Choice value="perlu dicek"/><Choice value="tidak dapat diverifikasi"/><Choice value="layak cek"/>
//!   </Choices>
//!   <TextArea name="note" toName="text" perRegion="true"/>
//! </View>
//! ```
//!
//! Import: annotations (not cancelled) and predictions alike give spans to
//! review. A region's `value.text`, when present, is checked against the text
//! at its offsets; offsets that only match when counted in UTF-16 units (older
//! Label Studio) are converted with a warning, anything else is skipped with
//! one.

use serde_json::{json, Value};

use super::{
    error_at, id_string, imported_document, kind_name, kind_named, modality_named, name_from_text, tag_id, tag_labels,
    ImportError, Span, Text,
};
use crate::project::{AnnotatedClaim, Origin, Project, Status};

pub fn export(project: &Project) -> String {
    let tasks: Vec<Value> = project
        .documents
        .iter()
        .map(|doc| {
            let text = Text::new(&doc.text);
            let mut annotation = Vec::new();
            let mut prediction = Vec::new();
            for c in &doc.claims {
                let target = match (c.status, c.origin) {
                    (Status::Rejected, _) => continue,
                    (Status::Accepted, _) | (_, Origin::User) => &mut annotation,
                    _ => &mut prediction,
                };
                target.extend(regions(project, c, &text));
            }
            let mut task = json!({
                "data": {"text": doc.text, "document_id": doc.id, "document_name": doc.name},
                "annotations": [],
                "predictions": [],
            });
            if !annotation.is_empty() {
                task["annotations"] = json!([{"result": annotation, "was_cancelled": false, "ground_truth": false}]);
            }
            if !prediction.is_empty() {
                task["predictions"] = json!([{"model_version": "klaim", "result": prediction}]);
            }
            task
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&tasks).expect("JSON values serialize");
    out.push('\n');
    out
}

/// The results of one claim's region.
fn regions(project: &Project, c: &AnnotatedClaim, text: &Text<'_>) -> Vec<Value> {
    let (start, end, quoted) = text.clamped(c.claim.start, c.claim.end);
    let result = |from: &str, kind: &str, extra: (&str, Value)| {
        let mut value = json!({"start": start, "end": end});
        value[extra.0] = extra.1;
        if kind != "textarea" {
            value["text"] = json!(quoted);
        }
        // Label Studio's own words for who made a region.
        let origin = if c.origin == Origin::Extracted { "prediction" } else { "manual" };
        json!({"id": c.id, "from_name": from, "to_name": "text", "type": kind, "origin": origin, "value": value})
    };
    let mut out = vec![result("label", "labels", ("labels", json!([kind_name(c.claim.kind)])))];
    let tags = tag_labels(project, c);
    if !tags.is_empty() {
        out.push(result("tags", "choices", ("choices", json!(tags))));
    }
    if !c.note.is_empty() {
        out.push(result("note", "textarea", ("text", json!([c.note]))));
    }
    out
}

pub fn import(input: &str, library: &Project, now: &str) -> Result<(Project, Vec<String>), ImportError> {
    let value: Value = serde_json::from_str(input)
        .map_err(|e| error_at(format!("line {}", e.line()), format!("not valid JSON: {e}")))?;
    let tasks: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        v @ Value::Object(_) => vec![v],
        _ => return Err(error_at("", "not Label Studio JSON: expected a list of tasks")),
    };
    let mut tags = library.tags.clone();
    let mut warnings = Vec::new();
    let mut documents = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        let at = match task.get("id").and_then(id_string) {
            Some(id) => format!("task {} (id {id})", i + 1),
            None => format!("task {}", i + 1),
        };
        let text = task
            .get("data")
            .and_then(|d| d.get("text"))
            .and_then(Value::as_str)
            .ok_or_else(|| error_at(&at, "`data.text` is missing or not a string"))?
            .to_owned();
        let t = Text::new(&text);
        // Regions by id, in order of first appearance.
        let mut spans: Vec<(String, Span)> = Vec::new();
        let lists = ["annotations", "completions", "predictions"];
        for list in lists {
            let Some(items) = task.get(list) else {
                continue;
            };
            let items = items.as_array().ok_or_else(|| error_at(&at, format!("`{list}` is not a list")))?;
            for (a, item) in items.iter().enumerate() {
                if item.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
                    continue;
                }
                let Some(results) = item.get("result") else {
                    continue;
                };
                let results =
                    results.as_array().ok_or_else(|| error_at(&at, format!("{list}[{a}].result is not a list")))?;
                for (r, result) in results.iter().enumerate() {
                    let field = format!("{list}[{a}].result[{r}]");
                    let Some(value) = result.get("value") else {
                        return Err(error_at(&at, format!("{field}: no `value`")));
                    };
                    if value.get("start").is_none() && value.get("end").is_none() {
                        continue; // A task-level choice or rating: not a span.
                    }
                    let (Some(start), Some(end)) =
                        (value.get("start").and_then(Value::as_u64), value.get("end").and_then(Value::as_u64))
                    else {
                        return Err(error_at(
                            &at,
                            format!(
                                "{field}: `value.start`/`value.end` are not whole numbers (a rich-text XPath region?)"
                            ),
                        ));
                    };
                    let (start, end) = (start as usize, end as usize);
                    let quoted = value.get("text").and_then(Value::as_str);
                    let kind = result.get("type").and_then(Value::as_str).unwrap_or("");
                    let Some((start, end)) = place(
                        &t,
                        start,
                        end,
                        quoted.filter(|_| kind != "textarea"),
                        &format!("{at}, {field}"),
                        &mut warnings,
                    ) else {
                        continue;
                    };
                    // Regions group by id within one annotation; by span across them.
                    let key = format!("{start}-{end}");
                    let span = match spans.iter().position(|(k, _)| *k == key) {
                        Some(k) => &mut spans[k].1,
                        None => {
                            spans.push((key, Span::new(start, end)));
                            &mut spans.last_mut().expect("just pushed").1
                        }
                    };
                    let strings = |f: &str| -> Vec<String> {
                        value
                            .get(f)
                            .and_then(Value::as_array)
                            .map_or(Vec::new(), |xs| xs.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                    };
                    match kind {
                        "labels" | "hypertextlabels" => {
                            for label in strings("labels") {
                                if let Some(k) = kind_named(&label) {
                                    span.kind = Some(k);
                                } else if let Some(m) = modality_named(&label) {
                                    span.modality = Some(m);
                                } else {
                                    let id = tag_id(&mut tags, &label);
                                    if !span.tags.contains(&id) {
                                        span.tags.push(id);
                                    }
                                }
                            }
                        }
                        "choices" | "taxonomy" => {
                            for choice in strings("choices") {
                                let id = tag_id(&mut tags, &choice);
                                if !span.tags.contains(&id) {
                                    span.tags.push(id);
                                }
                            }
                        }
                        "textarea" => {
                            for note in strings("text") {
                                if !span.note.is_empty() {
                                    span.note.push_str("\n\n");
                                }
                                span.note.push_str(&note);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        let data = &task["data"];
        let id = data
            .get("document_id")
            .and_then(id_string)
            .or_else(|| task.get("id").and_then(id_string).map(|id| format!("labelstudio-{id}")))
            .unwrap_or_else(|| format!("labelstudio-{}", i + 1));
        let name = data
            .get("document_name")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| name_from_text(&text));
        let spans = spans.into_iter().map(|(_, s)| s).collect();
        documents.push(imported_document(library, id, name, text, spans, now, "labelstudio"));
    }
    let mut project = super::empty_project(tags);
    project.documents = documents;
    Ok((project, warnings))
}

/// Code point offsets checked against the region's quoted text.
fn place(
    t: &Text<'_>,
    start: usize,
    end: usize,
    quoted: Option<&str>,
    at: &str,
    warnings: &mut Vec<String>,
) -> Option<(usize, usize)> {
    let slice = t.slice(start, end);
    match (slice, quoted) {
        (Some(s), Some(q)) if s == q => Some((start, end)),
        (Some(_), None) => Some((start, end)),
        _ => {
            if let (Some(q), Some((s, e))) = (quoted, t.span_of_utf16(start, end)) {
                if t.slice(s, e) == Some(q) {
                    warnings.push(format!(
                        "{at}: offsets {start}..{end} count UTF-16 units (older Label Studio); read as code points {s}..{e}"
                    ));
                    return Some((s, e));
                }
            }
            match slice {
                None => warnings.push(format!(
                    "{at}: skipped, offsets {start}..{end} are reversed or outside the text ({} code points)",
                    t.len()
                )),
                Some(s) => warnings.push(format!(
                    "{at}: skipped, the text at {start}..{end} is {s:?}, not {:?}",
                    quoted.unwrap_or("")
                )),
            }
            None
        }
    }
}
