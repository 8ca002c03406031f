//! The WebAssembly binding of `klaim::link` and `klaim::facts`: plain data in,
//! plain data out (a Web Worker can call them as they are).

use wasm_bindgen::prelude::*;

use super::encode;
use crate::link::LinkDocument;
use crate::project::{FactCheck, LinkCorrection};

/// Links the documents `[{id, text, outlet?, claims: [{id?, start, end,
/// modality?, claimant?: {start, end, resolved}, quantities?: [{start, end,
/// value, unit, qualifier?}], status?}]}]` (offsets in code points, as the
/// project stores them; extra fields are ignored, rejected claims left out)
/// and returns `{documents, groups, people}` as `klaim link` prints it.
///
/// `corrections` (optional): the project's grouping corrections
/// (`project::LinkCorrection`), applied before conflicts are computed.
#[wasm_bindgen]
pub fn link(documents: JsValue, corrections: JsValue) -> Result<JsValue, JsError> {
    let documents: Vec<LinkDocument> =
        serde_wasm_bindgen::from_value(documents).map_err(|e| JsError::new(&format!("link: {e}")))?;
    let corrections: Vec<LinkCorrection> = if corrections.is_undefined() || corrections.is_null() {
        Vec::new()
    } else {
        serde_wasm_bindgen::from_value(corrections).map_err(|e| JsError::new(&format!("link corrections: {e}")))?
    };
    encode(&crate::link::link_with(&documents, &corrections))
}

/// The claims of `documents` (as for [`link`]) that the archived reviews
/// `factchecks` (`project::FactCheck`) reviewed: `[{claim?, doc, start, end,
/// factcheck, reason}]`.
#[wasm_bindgen(js_name = matchFactChecks)]
pub fn match_fact_checks(documents: JsValue, factchecks: JsValue) -> Result<JsValue, JsError> {
    let documents: Vec<LinkDocument> =
        serde_wasm_bindgen::from_value(documents).map_err(|e| JsError::new(&format!("documents: {e}")))?;
    let checks: Vec<FactCheck> =
        serde_wasm_bindgen::from_value(factchecks).map_err(|e| JsError::new(&format!("fact-checks: {e}")))?;
    encode(&crate::link::match_fact_checks(&documents, &checks))
}

/// The outlet and publication date an article's text gives:
/// `{outlet?, published?}`.
#[wasm_bindgen(js_name = textFacts)]
pub fn text_facts(text: &str) -> Result<JsValue, JsError> {
    encode(&crate::facts::text_facts(text))
}

/// A publication date as the project keeps it, `YYYY-MM-DD` (the
/// article's local date), from a value that starts with one: a library
/// written before dates were cut to the day holds `2026-12-02T09:15`. None
/// when `value` does not start with a date (a user's own wording is kept).
#[wasm_bindgen(js_name = publishedDate)]
pub fn published_date(value: &str) -> Option<String> {
    crate::facts::date_of(value)
}

/// The library as the linker reads it, kept on the Rust side between runs
/// (`link::Library`): the page sends a document when it changes
/// ([`LinkLibrary::upsert`]), not the whole library per run, so a run
/// converts nothing at the boundary but its result; a run after changes the
/// linker does not read returns the last result.
#[wasm_bindgen]
#[derive(Default)]
pub struct LinkLibrary {
    library: crate::link::Library,
}

#[wasm_bindgen]
impl LinkLibrary {
    #[wasm_bindgen(constructor)]
    pub fn new() -> LinkLibrary {
        LinkLibrary::default()
    }

    /// Adds or replaces one document (shaped as for [`link`]).
    pub fn upsert(&mut self, document: JsValue) -> Result<(), JsError> {
        let doc: LinkDocument =
            serde_wasm_bindgen::from_value(document).map_err(|e| JsError::new(&format!("document: {e}")))?;
        self.library.upsert(doc);
        Ok(())
    }

    /// Removes document `id`, if it is there.
    pub fn remove(&mut self, id: &str) {
        self.library.remove(id);
    }

    /// Removes every document.
    pub fn clear(&mut self) {
        self.library.clear();
    }

    /// The grouping corrections (`project::LinkCorrection[]`) the next runs apply.
    #[wasm_bindgen(js_name = setCorrections)]
    pub fn set_corrections(&mut self, corrections: JsValue) -> Result<(), JsError> {
        let corrections: Vec<LinkCorrection> =
            serde_wasm_bindgen::from_value(corrections).map_err(|e| JsError::new(&format!("corrections: {e}")))?;
        self.library.set_corrections(corrections);
        Ok(())
    }

    /// The fact-check archive (`project::FactCheck[]`) the next runs match.
    #[wasm_bindgen(js_name = setFactChecks)]
    pub fn set_fact_checks(&mut self, checks: JsValue) -> Result<(), JsError> {
        let checks: Vec<FactCheck> =
            serde_wasm_bindgen::from_value(checks).map_err(|e| JsError::new(&format!("fact-checks: {e}")))?;
        self.library.set_fact_checks(checks);
        Ok(())
    }

    /// How many documents are held.
    pub fn size(&self) -> usize {
        self.library.len()
    }

    /// [`link`] over the documents held, with the corrections, in the
    /// page's shape ([`PageLinks`]: claim references without their text,
    /// which the page holds), plus `run`, the result's number, and
    /// `factchecks`: the archive's matches as [`match_fact_checks`] gives
    /// them, as one JSON text: a string crosses from the worker to the
    /// page as one copy, where an object graph of 25,000 references at
    /// 1,000 articles took the page's thread about 150 ms to rebuild.
    /// `known`: the run the caller holds; when the result is that one still
    /// (nothing the linker reads changed), only `{"run"}` is returned.
    pub fn link(&mut self, known: Option<f64>) -> Result<String, JsError> {
        self.library.link();
        let run = self.library.run();
        let (links, factchecks) = self.library.link();
        let json = if known == Some(run as f64) {
            serde_json::to_string(&Unchanged { run })
        } else {
            serde_json::to_string(&PageLinks::new(run, links, factchecks))
        };
        json.map_err(|e| JsError::new(&e.to_string()))
    }
}

#[derive(serde::Serialize)]
struct Unchanged {
    run: u64,
}

/// The linking result as the page takes it: the same as `klaim link`'s
/// but for claim references, which name their claim (`claim`, the page's
/// id) and span without repeating the claim's text: at 1,000 articles the
/// texts were about half the result, cloned into the page for nothing.
#[derive(serde::Serialize)]
struct PageLinks<'a> {
    run: u64,
    documents: &'a [String],
    groups: Vec<PageGroup<'a>>,
    people: Vec<PagePerson<'a>>,
    factchecks: &'a [crate::link::FactCheckMatch],
}

#[derive(serde::Serialize)]
struct PageRef<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct PageGroup<'a> {
    id: &'a str,
    reason: &'a str,
    claims: Vec<PageRef<'a>>,
    conflicts: Vec<PageConflict<'a>>,
    outlets: usize,
}

#[derive(serde::Serialize)]
struct PageConflict<'a> {
    unit: &'a str,
    values: Vec<PageValue<'a>>,
}

#[derive(serde::Serialize)]
struct PageValue<'a> {
    #[serde(flatten)]
    value: ValueFields<'a>,
    claim: PageRef<'a>,
}

/// A conflict value's own fields (its text is the number as written, short).
#[derive(serde::Serialize)]
struct ValueFields<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    claimant: Option<&'a str>,
    qualifier: Option<&'a str>,
    modality: crate::model::Modality,
    outlet: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct PagePerson<'a> {
    id: &'a str,
    name: &'a str,
    mentions: &'a [crate::link::Mention],
    claims: Vec<PageRef<'a>>,
    aliases: &'a [String],
    roles: &'a [String],
}

impl<'a> PageLinks<'a> {
    fn new(run: u64, links: &'a crate::link::Links, factchecks: &'a [crate::link::FactCheckMatch]) -> PageLinks<'a> {
        let claim = |c: &'a crate::link::ClaimRef| PageRef {
            doc: &c.doc,
            start: c.start,
            end: c.end,
            claim: c.claim.as_deref(),
        };
        PageLinks {
            run,
            documents: &links.documents,
            groups: links
                .groups
                .iter()
                .map(|g| PageGroup {
                    id: &g.id,
                    reason: &g.reason,
                    claims: g.claims.iter().map(claim).collect(),
                    conflicts: g
                        .conflicts
                        .iter()
                        .map(|c| PageConflict {
                            unit: &c.unit,
                            values: c
                                .values
                                .iter()
                                .map(|v| PageValue {
                                    value: ValueFields {
                                        doc: &v.doc,
                                        start: v.start,
                                        end: v.end,
                                        text: &v.text,
                                        value: v.value,
                                        claimant: v.claimant.as_deref(),
                                        qualifier: v.qualifier.as_deref(),
                                        modality: v.modality,
                                        outlet: v.outlet.as_deref(),
                                    },
                                    claim: claim(&v.claim),
                                })
                                .collect(),
                        })
                        .collect(),
                    outlets: g.outlets,
                })
                .collect(),
            people: links
                .people
                .iter()
                .map(|p| PagePerson {
                    id: &p.id,
                    name: &p.name,
                    mentions: &p.mentions,
                    claims: p.claims.iter().map(claim).collect(),
                    aliases: &p.aliases,
                    roles: &p.roles,
                })
                .collect(),
            factchecks,
        }
    }
}

/// The indices of the claims of one document whose claimant is the same as
/// claim `at`'s (`klaim::link::same_claimant`). The document's claims in
/// order, as two texts of fields joined by NUL (plain strings cost the
/// binary least): `names`, each claim's claimant name (the resolved name,
/// else the mention; empty for a claim without a claimant), and `kinds`,
/// each claimant's type (empty when not known).
#[wasm_bindgen(js_name = sameClaimant)]
pub fn same_claimant(names: &str, kinds: &str, at: usize) -> Vec<u32> {
    let mut kinds = kinds.split('\0');
    let claimants: Vec<Option<crate::link::ClaimantName>> = names
        .split('\0')
        .map(|name| {
            let kind = kinds.next().filter(|k| !k.is_empty()).map(str::to_owned);
            (!name.is_empty()).then(|| crate::link::ClaimantName {
                text: String::new(),
                resolved: name.to_owned(),
                kind,
            })
        })
        .collect();
    crate::link::same_claimant(&claimants, at).into_iter().map(|i| i as u32).collect()
}
