//! CSV, one row per claim, for spreadsheet software. Each row also carries
//! its document's facts (`document_outlet`, `document_published`,
//! `document_url`; empty when unknown).
//!
//! - A UTF-8 byte order mark, so Excel reads the file as UTF-8.
//! - RFC 4180: CRLF between records, every field quoted, `"` doubled. Line
//!   breaks inside a field stay as they are (quoted, so they are legal).
//! - Formulas neutralised (OWASP "CSV injection"): a cell whose first character
//!   is `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, which
//!   spreadsheets show as text. Numeric columns are never negative, so they
//!   are never touched.

use super::{claimant_type_name, kind_name, modality_name, tag_labels};
use crate::project::{Origin, Project, Status};

const HEADER: [&str; 25] = [
    "document_id",
    "document_name",
    "claim_id",
    "start",
    "end",
    "text",
    "kind",
    "modality",
    "claimant",
    "claimant_resolved",
    "claimant_type",
    "claimant_role",
    "claimant_affiliation",
    "cue",
    "via",
    "quantities",
    "origin",
    "status",
    "tags",
    "note",
    "edited",
    "document_edited",
    "document_outlet",
    "document_published",
    "document_url",
];

pub fn export(project: &Project) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for doc in &project.documents {
        for c in &doc.claims {
            let r = &c.claim;
            let quantities = r
                .quantities
                .iter()
                .map(|q| {
                    let value = if q.value.fract() == 0.0 && q.value.abs() < 9e15 {
                        format!("{}", q.value as i64)
                    } else {
                        q.value.to_string()
                    };
                    let unit = written_unit(&q.text, &q.unit);
                    match &q.qualifier {
                        Some(qual) => format!("{qual} {value} {unit}"),
                        None => format!("{value} {unit}"),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            row(
                &mut out,
                [
                    doc.id.clone(),
                    doc.name.clone(),
                    c.id.clone(),
                    r.start.to_string(),
                    r.end.to_string(),
                    r.text.clone(),
                    kind_name(r.kind).into(),
                    modality_name(r.modality).into(),
                    r.claimant.as_ref().map_or(String::new(), |x| x.text.clone()),
                    r.claimant.as_ref().map_or(String::new(), |x| x.resolved.clone()),
                    r.claimant.as_ref().and_then(|x| x.kind).map_or("", claimant_type_name).into(),
                    r.claimant.as_ref().and_then(|x| x.role.clone()).unwrap_or_default(),
                    r.claimant.as_ref().and_then(|x| x.affiliation.clone()).unwrap_or_default(),
                    r.cue.as_ref().map_or(String::new(), |x| x.text.clone()),
                    r.via.as_ref().map_or(String::new(), |x| x.text.clone()),
                    quantities,
                    origin_name(c.origin).into(),
                    status_name(c.status).into(),
                    tag_labels(project, c).join("; "),
                    c.note.clone(),
                    c.edited.clone(),
                    doc.edited.clone(),
                    doc.outlet.clone().unwrap_or_default(),
                    doc.published.clone().unwrap_or_default(),
                    doc.url.clone().unwrap_or_default(),
                ],
            );
        }
    }
    out
}

/// One record: every field quoted, formulas neutralised, CRLF.
fn row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(&field));
    }
    out.push_str("\r\n");
}

/// A quoted CSV field whose content a spreadsheet shows as text.
pub(super) fn cell(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut out = String::with_capacity(value.len() + 3);
    out.push('"');
    if risky {
        out.push('\'');
    }
    out.push_str(&value.replace('"', "\"\""));
    out.push('"');
    out
}

fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::Extracted => "extracted",
        Origin::User => "user",
        Origin::Imported => "imported",
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Pending => "pending",
        Status::Accepted => "accepted",
        Status::Rejected => "rejected",
    }
}

/// The unit as the text writes it: the extractor's `unit` is the counted
/// noun in lower case without `-nya` (`lain` for `12 lainnya`), a key to
/// compare, not a word to show. The quantity's last words are the unit as
/// written when they spell it, else the key is all there is.
fn written_unit<'a>(text: &'a str, unit: &'a str) -> &'a str {
    let n = unit.split_whitespace().count().max(1);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        return unit;
    }
    let first = words.len() - n;
    let start = words[first].as_ptr() as usize - text.as_ptr() as usize;
    let tail = text[start..].trim_end_matches(|c: char| !c.is_alphanumeric());
    if tail.to_lowercase().starts_with(&unit.to_lowercase()) {
        tail
    } else {
        unit
    }
}
