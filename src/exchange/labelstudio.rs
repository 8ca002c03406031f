//! Label Studio task JSON: a list of tasks
//! `{"data": {"text": ...}, "annotations": [{"result": [...]}], "predictions": [...]}`.
//!
//! Export: one task per document (`id`, its place in the library, which
//! label-studio-converter requires; `data.text`, `data.document_id`,
//! `data.document_name`). Claims the user accepted or added are an annotation,
//! claims still pending are a prediction (`model_version` `klaim`), rejected
//! claims are left out. Each claim is one region: a `labels` result (its kind),
//! a per-region `choices` result (its tag labels) and a per-region `textarea`
//! (its note), sharing the region id. A claim's claimant is a region of its
//! own (id `<claim id>:claimant`, label `claimant`) linked to the claim by a
//! `claimant` relation, with per-region fields: `claimant_name` (the
//! resolved name), `claimant_type` (a choice), `claimant_role` and
//! `claimant_affiliation` (text areas). Offsets are code points, as Label
//! Studio stores them since 1.4. A labelling config that reads these results:
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
//!   <Labels name="part" toName="text"><Label value="claimant"/></Labels>
//!   <Relations><Relation value="claimant"/></Relations>
//!   <TextArea name="claimant_name" toName="text" perRegion="true"/>
//!   <Choices name="claimant_type" toName="text" perRegion="true">
//!     <Choice value="person"/><Choice value="organisation"/><Choice value="group"/><Choice value="outlet"/>
//!   </Choices>
//!   <TextArea name="claimant_role" toName="text" perRegion="true"/>
//!   <TextArea name="claimant_affiliation" toName="text" perRegion="true"/>
//! </View>
//! ```
//!
//! Import: annotations (not cancelled) and predictions alike give spans to
//! review; a claimant region linked to its claim brings its per-region
//! fields (above) as the claimant's name, type, role and affiliation. A region's `value.text`, when present, is checked against the text
//! at its offsets; offsets that only match when counted in UTF-16 units (older
//! Label Studio) are converted with a warning, anything else is skipped with
//! one.

use serde_json::{json, Value};

use std::collections::HashMap;

use super::role_named;
use super::{
    claimant_type_name, claimant_type_named, error_at, id_string, imported_document, kind_name, kind_named,
    modality_named, name_from_text, tag_id, tag_labels, At, Code, ImportError, Known, Message, Params, Span, Text,
};
use crate::project::{AnnotatedClaim, Annotator, AnnotatorDocument, Document, Origin, Project, Status, Tag};

pub fn export(project: &Project) -> String {
    let tasks: Vec<Value> = project
        .documents
        .iter()
        .enumerate()
        .map(|(i, doc)| {
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
            // Relations between two annotated claims, as Label Studio draws them.
            let in_annotation = |id: &str| annotation.iter().any(|r: &Value| r["id"] == id);
            let relations: Vec<Value> = project
                .relations
                .iter()
                .filter(|r| in_annotation(&r.from) && in_annotation(&r.to))
                .map(|r| {
                    let labels: Vec<&str> = [r.label.as_str()].into_iter().filter(|l| !l.is_empty()).collect();
                    json!({"from_id": r.from, "to_id": r.to, "type": "relation", "direction": "right", "labels": labels})
                })
                .collect();
            annotation.extend(relations);
            // Label Studio numbers tasks, annotations and predictions; its
            // converter needs them (`KeyError: 'id'` without). Ours are the
            // document's place in the library (1-based), which is stable for
            // one export; the document's own id is `data.document_id`.
            let n = i + 1;
            let mut task = json!({
                "id": n,
                "data": {"text": doc.text, "document_id": doc.id, "document_name": doc.name},
                "annotations": [],
                "predictions": [],
            });
            // The document's facts beside its text (Label Studio keeps any
            // `data` field and shows it with `$outlet`, `$published`, `$url`).
            for (key, fact) in [("outlet", &doc.outlet), ("published", &doc.published), ("url", &doc.url)] {
                if let Some(v) = fact.as_deref().filter(|v| !v.trim().is_empty()) {
                    task["data"][key] = json!(v);
                }
            }
            if !annotation.is_empty() {
                task["annotations"] = json!([{
                    "id": n, "task": n, "result": annotation, "was_cancelled": false, "ground_truth": false,
                    "created_at": doc.edited, "updated_at": doc.edited,
                }]);
            }
            if !prediction.is_empty() {
                task["predictions"] = json!([{"id": n, "task": n, "model_version": "klaim", "result": prediction}]);
            }
            task
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&tasks).expect("JSON values serialize");
    out.push('\n');
    out
}

/// The results of one claim's region, and of its claimant's.
fn regions(project: &Project, c: &AnnotatedClaim, text: &Text<'_>) -> Vec<Value> {
    let origin = if c.origin == Origin::Extracted { "prediction" } else { "manual" };
    // Label Studio's own words for who made a region.
    let region =
        |id: &str, (start, end, quoted): (usize, usize, &str), from: &str, kind: &str, extra: (&str, Value)| {
            let mut value = json!({"start": start, "end": end});
            value[extra.0] = extra.1;
            if kind != "textarea" {
                value["text"] = json!(quoted);
            }
            json!({"id": id, "from_name": from, "to_name": "text", "type": kind, "origin": origin, "value": value})
        };
    let span = text.clamped(c.claim.start, c.claim.end);
    let result = |from: &str, kind: &str, extra: (&str, Value)| region(&c.id, span, from, kind, extra);
    let mut out = vec![result("label", "labels", ("labels", json!([kind_name(c.claim.kind)])))];
    let tags = tag_labels(project, c);
    if !tags.is_empty() {
        out.push(result("tags", "choices", ("choices", json!(tags))));
    }
    if !c.note.is_empty() {
        out.push(result("note", "textarea", ("text", json!([c.note]))));
    }
    if let Some(who) = &c.claim.claimant {
        let id = format!("{}:claimant", c.id);
        let at = text.clamped(who.start, who.end);
        let part = |from: &str, kind: &str, extra: (&str, Value)| region(&id, at, from, kind, extra);
        out.push(part("part", "labels", ("labels", json!(["claimant"]))));
        out.push(part("claimant_name", "textarea", ("text", json!([who.resolved]))));
        if let Some(kind) = who.kind {
            out.push(part("claimant_type", "choices", ("choices", json!([claimant_type_name(kind)]))));
        }
        for (from, field) in [("claimant_role", &who.role), ("claimant_affiliation", &who.affiliation)] {
            if let Some(v) = field {
                out.push(part(from, "textarea", ("text", json!([v]))));
            }
        }
        out.push(json!({
            "from_id": c.id, "to_id": id, "type": "relation", "direction": "right", "labels": ["claimant"],
        }));
    }
    out
}

pub fn import(input: &str, library: &Project, now: &str) -> Result<(Project, Vec<Message>), ImportError> {
    let value: Value = serde_json::from_str(input)
        .map_err(|e| error_at(format!("line {}", e.line()), format!("not valid JSON: {e}")))?;
    let tasks: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        v @ Value::Object(_) => vec![v],
        _ => return Err(error_at("", "not Label Studio JSON: expected a list of tasks")),
    };
    let known = Known::new(library);
    let predictions = predictions_by_id(&tasks);
    let mut tags = library.tags.clone();
    let mut warnings = Vec::new();
    // Per annotator (in order of first appearance): its documents.
    let mut people: Vec<(String, Vec<Document>)> = Vec::new();
    let mut main: Vec<Document> = Vec::new();
    let mut relations = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        let at = At::task(i + 1, task.get("id").and_then(id_string));
        let Some(text) = task.get("data").and_then(|d| d.get("text")).and_then(Value::as_str) else {
            warnings.push(Message::new(Code::NoText, &at, Params::default()));
            continue;
        };
        let t = Text::new(text);
        // (annotator, results) of this task: annotations by who made them,
        // then predictions (objects, or ids resolved from the file).
        let mut sources: Vec<(String, String, &Vec<Value>)> = Vec::new();
        for list in ["annotations", "completions", "predictions"] {
            match task.get(list) {
                None | Some(Value::Array(_)) => {}
                Some(_) => warnings.push(Message::new(
                    Code::NotAList,
                    &at,
                    Params { field: Some(list.to_owned()), ..Params::default() },
                )),
            }
        }
        for list in ["annotations", "completions"] {
            let Some(items) = task.get(list).and_then(Value::as_array) else {
                continue;
            };
            for (a, item) in items.iter().enumerate() {
                if item.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
                    warnings.push(Message::new(Code::Cancelled, &at.then(&format!("{list}[{a}]")), Params::default()));
                    continue;
                }
                let Some(results) = item.get("result").and_then(Value::as_array) else {
                    continue;
                };
                let who = annotator(item).unwrap_or_else(|| format!("annotation {}", a + 1));
                sources.push((who, format!("{list}[{a}]"), results));
            }
        }
        if let Some(items) = task.get("predictions").and_then(Value::as_array) {
            for (p, item) in items.iter().enumerate() {
                let item = match item {
                    Value::Object(_) => Some(item),
                    other => match id_string(other).and_then(|id| predictions.get(&id).copied()) {
                        Some(found) => Some(found),
                        None => {
                            let id = id_string(other).unwrap_or_else(|| other.to_string());
                            let params = Params { id: Some(id), ..Params::default() };
                            warnings.push(Message::new(Code::PredictionById, &at, params));
                            None
                        }
                    },
                };
                if let Some(results) = item.and_then(|p| p.get("result")).and_then(Value::as_array) {
                    sources.push((PREDICTIONS.to_owned(), format!("predictions[{p}]"), results));
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
            .unwrap_or_else(|| name_from_text(text));
        // One span list per annotator; predictions join the first
        // annotator's list where it has no span of their own.
        let mut by_who: Vec<(String, Vec<Span>)> = Vec::new();
        for (who, field, results) in sources {
            let spans = regions_of(&t, results, &at.then(&field), &mut tags, &mut warnings);
            if !people.iter().any(|(p, _)| *p == who) && who != PREDICTIONS {
                people.push((who.clone(), Vec::new()));
            }
            match by_who.iter_mut().find(|(w, _)| *w == who) {
                Some((_, list)) => list.extend(spans),
                None => by_who.push((who, spans)),
            }
        }
        let first = people.first().map(|(p, _)| p.clone());
        let mut library_spans = Vec::new();
        let mut predicted = Vec::new();
        for (who, spans) in by_who {
            if who == PREDICTIONS {
                predicted = spans;
            } else if Some(&who) == first.as_ref() {
                library_spans = spans;
            } else {
                let n = super::span_relations(&spans).len();
                if n > 0 {
                    let params = Params { count: Some(n), name: Some(who.clone()), ..Params::default() };
                    warnings.push(Message::new(Code::RelationsOfAnnotator, &at, params));
                }
                let doc = imported_document(
                    &known,
                    (id.clone(), name.clone(), text.to_owned()),
                    spans,
                    now,
                    "labelstudio",
                    &mut warnings,
                    &at,
                );
                people.iter_mut().find(|(p, _)| *p == who).expect("listed above").1.push(doc);
            }
        }
        for span in predicted {
            if !library_spans.iter().any(|s| (s.start, s.end) == (span.start, span.end)) {
                library_spans.push(span);
            }
        }
        let rels = super::span_relations(&library_spans);
        let mut doc = imported_document(
            &known,
            (id, name, text.to_owned()),
            library_spans,
            now,
            "labelstudio",
            &mut warnings,
            &at,
        );
        super::facts_from(&mut doc, Some(data));
        relations.extend(super::relations_of(&known, &doc, &rels, &mut warnings, &at));
        main.push(doc);
    }
    let mut project = super::empty_project(tags);
    project.documents = main;
    project.relations = relations;
    if let Some((first, _)) = people.first() {
        if people.len() > 1 {
            let params = Params {
                count: Some(people.len()),
                name: Some(first.clone()),
                names: people[1..].iter().map(|(p, _)| p.clone()).collect(),
                ..Params::default()
            };
            warnings.push(Message::new(Code::Annotators, &At::default(), params));
        }
    }
    for (name, documents) in people.into_iter().skip(1) {
        project.annotators.push(Annotator {
            name,
            source: "labelstudio".into(),
            documents: documents
                .into_iter()
                .map(|d| AnnotatorDocument {
                    hash: crate::content_hash(&d.text),
                    id: d.id,
                    their_id: String::new(),
                    claims: d.claims,
                })
                .collect(),
        });
    }
    Ok((project, warnings))
}

/// The name of predictions as a source: they are suggestions for the
/// library's claims, not an annotator.
const PREDICTIONS: &str = "\u{0}predictions";

/// Who made an annotation: `labelstudio:<user id or email>`.
fn annotator(item: &Value) -> Option<String> {
    let by = item.get("completed_by")?;
    let who = match by {
        Value::Object(o) => {
            o.get("email").and_then(Value::as_str).map(str::to_owned).or_else(|| o.get("id").and_then(id_string))
        }
        v => id_string(v),
    }?;
    Some(format!("labelstudio:{who}"))
}

/// Every prediction object in the file by its id: the task's own list, and
/// the `prediction` an annotation was made from (Label Studio's default export
/// lists a task's predictions by id and embeds them only there).
fn predictions_by_id<'v>(tasks: &[&'v Value]) -> HashMap<String, &'v Value> {
    let mut out = HashMap::new();
    for task in tasks {
        let embedded =
            task.get("annotations").and_then(Value::as_array).into_iter().flatten().filter_map(|a| a.get("prediction"));
        let listed = task.get("predictions").and_then(Value::as_array).into_iter().flatten();
        for p in listed.chain(embedded) {
            if let (Some(id), Some(_)) = (p.get("id").and_then(id_string), p.get("result")) {
                out.entry(id).or_insert(p);
            }
        }
    }
    out
}

/// The spans of one annotation's (or prediction's) results: regions grouped
/// by region id, relations applied, task-level choices as tags.
fn regions_of(t: &Text<'_>, results: &[Value], at: &At, tags: &mut Vec<Tag>, warnings: &mut Vec<Message>) -> Vec<Span> {
    // (region id, span, role label) in order of first appearance.
    let mut regions: Vec<(String, Span, Option<&'static str>)> = Vec::new();
    let mut relations: Vec<(usize, &Value)> = Vec::new();
    let mut task_choices: Vec<String> = Vec::new();
    for (r, result) in results.iter().enumerate() {
        let field = at.then(&format!(".result[{r}]"));
        let kind = result.get("type").and_then(Value::as_str).unwrap_or("");
        if kind == "relation" {
            relations.push((r, result));
            continue;
        }
        let Some(value) = result.get("value") else {
            let params = Params { kind: Some(kind.to_owned()), ..Params::default() };
            warnings.push(Message::new(Code::ResultWithoutValue, &field, params));
            continue;
        };
        let strings = |f: &str| -> Vec<String> {
            value
                .get(f)
                .and_then(Value::as_array)
                .map_or(Vec::new(), |xs| xs.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        };
        if value.get("start").is_none() && value.get("end").is_none() {
            match kind {
                "choices" | "taxonomy" => task_choices.extend(strings("choices")),
                _ => warnings.push(Message::new(
                    Code::TaskLevelResult,
                    &field,
                    Params { kind: Some(kind.to_owned()), ..Params::default() },
                )),
            }
            continue;
        }
        let (Some(start), Some(end)) =
            (value.get("start").and_then(Value::as_u64), value.get("end").and_then(Value::as_u64))
        else {
            warnings.push(Message::new(Code::NotWholeNumbers, &field, Params::default()));
            continue;
        };
        let quoted = value.get("text").and_then(Value::as_str).filter(|_| kind != "textarea");
        let Some((start, end)) = place(t, start as usize, end as usize, quoted, &field, warnings) else {
            continue;
        };
        // Regions group by id; results without one by span.
        let key = result.get("id").and_then(id_string).unwrap_or_else(|| format!("{start}-{end}"));
        let k = match regions.iter().position(|(k, s, _)| *k == key && (s.start, s.end) == (start, end)) {
            Some(k) => k,
            None => {
                regions.push((key, Span::new(start, end), None));
                regions.len() - 1
            }
        };
        let (_, span, role) = &mut regions[k];
        let from = result.get("from_name").and_then(Value::as_str).unwrap_or("");
        let first = strings(if kind == "textarea" { "text" } else { "choices" }).into_iter().next();
        match (from, kind) {
            ("claimant_name", "textarea") => span.who.resolved = first,
            ("claimant_role", "textarea") => span.who.role = first,
            ("claimant_affiliation", "textarea") => span.who.affiliation = first,
            ("claimant_type", "choices") => span.who.kind = first.as_deref().and_then(claimant_type_named),
            _ => {}
        }
        if from.starts_with("claimant_") && matches!(kind, "textarea" | "choices") {
            continue;
        }
        match kind {
            "labels" | "hypertextlabels" => {
                for label in strings("labels") {
                    if let Some(k) = kind_named(&label) {
                        span.kind = Some(k);
                    } else if let Some(m) = modality_named(&label) {
                        span.modality = Some(m);
                    } else if let Some(r) = role_named(&label) {
                        *role = Some(r);
                    } else {
                        span.add_tag(tag_id(tags, &label));
                    }
                }
            }
            "choices" | "taxonomy" => {
                for choice in strings("choices") {
                    span.add_tag(tag_id(tags, &choice));
                }
            }
            "textarea" => {
                for note in strings("text") {
                    span.add_note(&note);
                }
            }
            other => warnings.push(Message::new(
                Code::ResultUnread,
                &field,
                Params { kind: Some(other.to_owned()), ..Params::default() },
            )),
        }
    }
    // Relations: a claim and a region labelled claimant/cue/via (or a
    // relation labelled so) link them; any other relation is kept as a note
    // on the region it starts from.
    let mut consumed = vec![false; regions.len()];
    for (r, rel) in relations {
        let field = at.then(&format!(".result[{r}]"));
        let end = |f: &str| {
            let id = rel.get(f).and_then(id_string)?;
            regions.iter().position(|(k, _, _)| *k == id)
        };
        let (Some(from), Some(to)) = (end("from_id"), end("to_id")) else {
            warnings.push(Message::new(Code::RelationOutside, &field, Params::default()));
            continue;
        };
        let labels: Vec<&str> =
            rel.get("labels").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let label_role = labels.iter().find_map(|l| role_named(l));
        let is_claim = |i: usize| regions[i].2.is_none();
        let link = match (is_claim(from), is_claim(to)) {
            (true, false) => Some((from, to)),
            (false, true) => Some((to, from)),
            (true, true) if label_role.is_some() => Some((from, to)),
            _ => None,
        };
        match link {
            Some((claim, part)) => {
                let role = regions[part].2.or(label_role).expect("a role from the region or the relation");
                let span = (regions[part].1.start, regions[part].1.end);
                let who = regions[part].1.who.clone();
                let target = &mut regions[claim].1;
                match role {
                    "claimant" => {
                        target.claimant_at = Some(span);
                        target.who = std::mem::take(&mut target.who).or(who);
                    }
                    "cue" => target.cue = Some(span),
                    _ => target.via = Some(span),
                }
                consumed[part] = regions[part].2.is_some();
            }
            None => {
                let b = (regions[to].1.start, regions[to].1.end);
                let words = if labels.is_empty() { "related".to_owned() } else { labels.join(", ") };
                regions[from].1.relations.push((b.0, b.1, words.clone()));
                let params = Params { kind: Some(words), ..Params::default() };
                warnings.push(Message::new(Code::RelationKept, &field, params));
            }
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    for ((_, span, role), used) in regions.into_iter().zip(consumed) {
        if used {
            continue;
        }
        if let Some(role) = role {
            // A claimant/cue/via region no relation links: kept as a claim
            // with its label as a tag, so nothing is lost.
            let mut span = span;
            span.add_tag(tag_id(tags, role));
            spans.push(span);
            continue;
        }
        spans.push(span);
    }
    if !task_choices.is_empty() {
        if spans.is_empty() {
            let params = Params { names: task_choices.clone(), ..Params::default() };
            warnings.push(Message::new(Code::ChoicesDropped, at, params));
        } else {
            let params = Params { count: Some(spans.len()), names: task_choices.clone(), ..Params::default() };
            warnings.push(Message::new(Code::ChoicesKept, at, params));
        }
        for choice in &task_choices {
            let id = tag_id(tags, choice);
            for span in &mut spans {
                span.add_tag(id.clone());
            }
        }
    }
    spans
}

/// Code point offsets checked against the region's quoted text.
fn place(
    t: &Text<'_>,
    start: usize,
    end: usize,
    quoted: Option<&str>,
    at: &At,
    warnings: &mut Vec<Message>,
) -> Option<(usize, usize)> {
    let slice = t.slice(start, end);
    match (slice, quoted) {
        (Some(s), Some(q)) if s == q => Some((start, end)),
        (Some(_), None) => Some((start, end)),
        _ => {
            if let (Some(q), Some((s, e))) = (quoted, t.span_of_utf16(start, end)) {
                if t.slice(s, e) == Some(q) {
                    let params = Params {
                        start: Some(start),
                        end: Some(end),
                        to_start: Some(s),
                        to_end: Some(e),
                        ..Params::default()
                    };
                    warnings.push(Message::new(Code::Utf16Offsets, at, params));
                    return Some((s, e));
                }
            }
            match slice {
                None => warnings.push(Message::new(
                    Code::OffsetsOutside,
                    at,
                    Params { start: Some(start), end: Some(end), len: Some(t.len()), ..Params::default() },
                )),
                Some(s) => warnings.push(Message::new(
                    Code::QuoteMismatch,
                    at,
                    Params {
                        start: Some(start),
                        end: Some(end),
                        found: Some(s.to_owned()),
                        quote: Some(quoted.unwrap_or("").to_owned()),
                        ..Params::default()
                    },
                )),
            }
            None
        }
    }
}
