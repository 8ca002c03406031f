//! The JSON contract (`../shared/spec/extraction-output.md`): an [`Extraction`]
//! turned into records whose offsets are counted in a chosen [`Unit`] and whose
//! spans carry their text.
//!
//! The CLI prints these with code points; the browser asks for UTF-16 for the
//! DOM. Records also deserialize, so exports and imports share them.

use serde::{Deserialize, Serialize, Serializer};

use crate::model::{BoilerplateKind, ClaimantKind, EntityKind, Extraction, Kind, Modality, Span};
use crate::offsets::{OffsetMap, Unit};

/// One document's extraction, as printed by `klaim extract`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub claims: Vec<ClaimRecord>,
    pub boilerplate: Vec<BoilerplateRecord>,
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The outlet, publication date and URL the text gives
    /// (`crate::facts`); absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimantRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub resolved: String,
    /// JSON `type`: `person`, `organisation`, `group` or `outlet`.
    /// Absent rather than `null` when unknown, so older files read the same.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ClaimantKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(serialize_with = "whole_as_integer")]
    pub value: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    pub modality: Modality,
    pub claimant: Option<ClaimantRecord>,
    pub cue: Option<SpanRecord>,
    pub via: Option<SpanRecord>,
    #[serde(default)]
    pub quantities: Vec<QuantityRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoilerplateRecord {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
    pub kind: BoilerplateKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: EntityKind,
}

/// Builds the record for document `id` whose text is `text`, counting offsets
/// in `unit`.
pub fn report(id: &str, text: &str, extraction: &Extraction, unit: Unit) -> Record {
    let map = OffsetMap::new(text);
    let at = |s: Span| SpanRecord {
        start: map.convert(s.start(), Unit::Byte, unit),
        end: map.convert(s.end(), Unit::Byte, unit),
        text: s.text(text).to_owned(),
    };
    let claims = extraction
        .claims
        .iter()
        .map(|c| {
            let span = at(c.span);
            ClaimRecord {
                start: span.start,
                end: span.end,
                text: span.text,
                kind: c.kind,
                modality: c.modality,
                claimant: c.claimant.as_ref().map(|who| {
                    let s = at(who.span);
                    ClaimantRecord {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        resolved: who.resolved.clone(),
                        kind: who.kind,
                        role: who.role.clone(),
                        affiliation: who.affiliation.clone(),
                    }
                }),
                cue: c.cue.map(at),
                via: c.via.map(at),
                quantities: c
                    .quantities
                    .iter()
                    .map(|q| {
                        let s = at(q.span);
                        QuantityRecord {
                            start: s.start,
                            end: s.end,
                            text: s.text,
                            value: q.value,
                            unit: q.unit.clone(),
                            qualifier: q.qualifier.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let boilerplate = extraction
        .boilerplate
        .iter()
        .map(|b| {
            let s = at(b.span);
            BoilerplateRecord { start: s.start, end: s.end, text: s.text, kind: b.kind }
        })
        .collect();
    let entities = extraction
        .entities
        .iter()
        .map(|e| {
            let s = at(e.span);
            EntityRecord { start: s.start, end: s.end, text: s.text, kind: e.kind }
        })
        .collect();
    let facts = crate::facts::text_facts(text);
    Record {
        id: id.to_owned(),
        claims,
        boilerplate,
        entities,
        notes: extraction.notes.clone(),
        outlet: facts.outlet,
        published: facts.published,
        url: facts.url,
    }
}

/// `6700` rather than `6700.0`: the contract's examples print whole numbers as
/// integers, and so do the tools that read them.
fn whole_as_integer<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact.
    if value.fract() == 0.0 && value.abs() < EXACT {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}
