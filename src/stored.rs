//! The records a new document is stored as in the page's library
//! (`www/js/store.js`), built from its extraction: one for the document (a
//! [`crate::project::Document`] without its claims, plus the extraction's
//! `notes` and `rev` 1) and one per extracted claim (an
//! [`crate::project::AnnotatedClaim`] plus `doc` and `rev` 1, pending, no
//! tags, no note).
//!
//! The page's worker asks for an import batch's records as one JSON text
//! ([`write_batch`]), which the page parses once. Building the same records
//! in JS from serde-wasm-bindgen objects and then `JSON.stringify` cost the
//! worker more than the extraction itself (issue 9): the shape lives here
//! only, for the worker and for the page's own fallbacks alike.

use serde::{Deserialize, Serialize};

use crate::facts::Facts;
use crate::project::{Origin, Status};
use crate::report::{BoilerplateRecord, ClaimRecord, EntityRecord, Record};
use crate::{Options, Unit};

/// A document being added, as the page has it before extraction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Incoming {
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub text: String,
    /// RFC 3339 time of adding: the document's `added` and `edited`, and each
    /// claim's `edited`.
    pub at: String,
    /// The outlet, date and URL the file's record brought; they win over what
    /// the text states.
    #[serde(default)]
    pub facts: Facts,
}

/// A new document's records: `{doc, claims}`.
#[derive(Debug, Serialize)]
pub struct Stored<'a> {
    pub doc: StoredDocument<'a>,
    pub claims: Vec<StoredClaim<'a>>,
}

/// The document record (store.js `documents`).
#[derive(Debug, Serialize)]
pub struct StoredDocument<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub text: &'a str,
    pub added: &'a str,
    pub edited: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    pub boilerplate: Vec<BoilerplateRecord>,
    pub entities: Vec<EntityRecord>,
    pub notes: Vec<String>,
    /// The [`crate::EXTRACTOR_VERSION`] that made the claims: an older one is
    /// offered re-extraction.
    pub extractor: u32,
    pub rev: u32,
}

/// One claim's record (store.js `claims`): id `<doc>#<n>`.
#[derive(Debug, Serialize)]
pub struct StoredClaim<'a> {
    pub id: String,
    pub doc: &'a str,
    #[serde(flatten)]
    pub claim: ClaimRecord,
    pub origin: Origin,
    pub status: Status,
    pub tags: [&'static str; 0],
    pub note: &'static str,
    pub edited: &'a str,
    pub rev: u32,
}

/// Extracts `incoming` (offsets in code points, as the project stores them)
/// and builds its records; `extractor` is the version they are marked with.
pub fn extract_stored(incoming: &Incoming, extractor: u32) -> Stored<'_> {
    let extraction = crate::extract(&incoming.text, &Options::default());
    stored(incoming, crate::report(&incoming.id, &incoming.text, &extraction, Unit::CodePoint), extractor)
}

/// The records of `incoming` from its `record` (code points). An empty fact
/// of the file counts as none, so the text's fills it.
pub fn stored(incoming: &Incoming, record: Record, extractor: u32) -> Stored<'_> {
    let Incoming { id, name, text, at, facts } = incoming;
    let given = |own: &Option<String>, read: Option<String>| own.clone().filter(|s| !s.is_empty()).or(read);
    let doc = StoredDocument {
        id,
        name,
        text,
        added: at,
        edited: at,
        url: given(&facts.url, record.url),
        published: given(&facts.published, record.published),
        outlet: given(&facts.outlet, record.outlet),
        boilerplate: record.boilerplate,
        entities: record.entities,
        notes: record.notes,
        extractor,
        rev: 1,
    };
    let claims = record
        .claims
        .into_iter()
        .enumerate()
        .map(|(i, claim)| StoredClaim {
            id: format!("{id}#{i}"),
            doc: id,
            claim,
            origin: Origin::Extracted,
            status: Status::Pending,
            tags: [],
            note: "",
            edited: at,
            rev: 1,
        })
        .collect();
    Stored { doc, claims }
}

/// Writes the records of every document of `batch` as one JSON array of
/// `{doc, claims}` into `out`, one document at a time (a batch's records
/// are never all in memory as values). Each document's records are one line
/// of their own (`[`, then `{...},` per document, the last without the
/// comma, then `]`; JSON escapes every newline inside a string), so the page
/// can parse a batch document by document, a short task each, instead of in
/// one task that grows with the batch.
pub fn write_batch(out: &mut Vec<u8>, batch: &[Incoming], extractor: u32) -> serde_json::Result<()> {
    out.extend_from_slice(b"[\n");
    for (i, incoming) in batch.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        serde_json::to_writer(&mut *out, &extract_stored(incoming, extractor))?;
    }
    out.extend_from_slice(b"\n]");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const TEXT: &str = "JAKARTA, KOMPAS.com - \u{201c}Harga beras akan turun bulan depan,\u{201d} kata Menteri Perdagangan Budi Santoso di Jakarta, Senin.";

    fn incoming(facts: Facts) -> Incoming {
        Incoming {
            id: "a".into(),
            name: "Artikel".into(),
            text: TEXT.into(),
            at: "2026-12-07T00:00:00.000Z".into(),
            facts,
        }
    }

    fn batch(docs: &[Incoming]) -> Value {
        let mut out = Vec::new();
        write_batch(&mut out, docs, 6).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[track_caller]
    fn check(facts: Facts, expect: Value) {
        let stored = &batch(&[incoming(facts)])[0]["doc"];
        let got = json!({"outlet": stored["outlet"], "published": stored["published"], "url": stored["url"]});
        assert_eq!(got, expect);
    }

    #[test]
    fn the_file_facts_win_over_the_text_and_an_empty_one_is_none() {
        check(Facts::default(), json!({"outlet": "KOMPAS.com", "published": null, "url": null}));
        check(
            Facts { outlet: Some("Kompas".into()), ..Facts::default() },
            json!({"outlet": "Kompas", "published": null, "url": null}),
        );
        check(
            Facts { outlet: Some(String::new()), ..Facts::default() },
            json!({"outlet": "KOMPAS.com", "published": null, "url": null}),
        );
        check(
            Facts { published: Some("2026-12-01".into()), url: Some("https://x.id/a".into()), outlet: None },
            json!({"outlet": "KOMPAS.com", "published": "2026-12-01", "url": "https://x.id/a"}),
        );
    }

    #[test]
    fn a_document_and_its_claims_are_the_records_the_page_stores() {
        let docs = batch(&[
            incoming(Facts::default()),
            Incoming { id: "b".into(), text: String::new(), ..incoming(Facts::default()) },
        ]);
        let [a, b] = docs.as_array().unwrap().as_slice() else { panic!("{docs}") };
        let doc = &a["doc"];
        assert_eq!(
            [
                &doc["id"],
                &doc["name"],
                &doc["text"],
                &doc["added"],
                &doc["edited"],
                &doc["extractor"],
                &doc["rev"],
                &doc["notes"]
            ],
            [
                &json!("a"),
                &json!("Artikel"),
                &json!(TEXT),
                &json!("2026-12-07T00:00:00.000Z"),
                &json!("2026-12-07T00:00:00.000Z"),
                &json!(6),
                &json!(1),
                &json!([])
            ]
        );
        let record = crate::report("a", TEXT, &crate::extract(TEXT, &Options::default()), Unit::CodePoint);
        assert!(!record.claims.is_empty());
        let claims = a["claims"].as_array().unwrap();
        assert_eq!(claims.len(), record.claims.len());
        for (i, (c, r)) in claims.iter().zip(&record.claims).enumerate() {
            let mut own = serde_json::to_value(r).unwrap();
            own.as_object_mut().unwrap().extend([
                ("id".to_owned(), json!(format!("a#{i}"))),
                ("doc".to_owned(), json!("a")),
                ("origin".to_owned(), json!("extracted")),
                ("status".to_owned(), json!("pending")),
                ("tags".to_owned(), json!([])),
                ("note".to_owned(), json!("")),
                ("edited".to_owned(), json!("2026-12-07T00:00:00.000Z")),
                ("rev".to_owned(), json!(1)),
            ]);
            assert_eq!(c, &own);
        }
        assert_eq!((b["doc"]["id"].clone(), b["claims"].clone()), (json!("b"), json!([])));
    }

    #[test]
    fn each_document_is_a_line_of_its_own() {
        let text = "Baris satu.\n\"Harga naik,\" kata Budi.\nBaris tiga.";
        let docs: Vec<Incoming> = ["a", "b", "c"]
            .iter()
            .map(|id| Incoming {
                id: (*id).into(),
                text: text.into(),
                at: "2026-12-07T00:00:00.000Z".into(),
                ..Incoming::default()
            })
            .collect();
        let mut out = Vec::new();
        write_batch(&mut out, &docs, 6).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!((lines[0], lines[lines.len() - 1], lines.len()), ("[", "]", 5));
        for (line, id) in lines[1..4].iter().zip(["a", "b", "c"]) {
            let one: Value = serde_json::from_str(line.strip_suffix(',').unwrap_or(line)).unwrap();
            assert_eq!(one["doc"]["id"], json!(id));
            assert_eq!(one["doc"]["text"], json!(text));
        }
    }
}
