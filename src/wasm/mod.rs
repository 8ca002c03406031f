//! The WebAssembly binding: the only module that knows about `JsValue`.
//!
//! Every exported function decodes its input, calls the core and encodes the
//! result; none has logic of its own. Offsets leave in the unit the caller
//! asks for: UTF-16 code units for the DOM, code points for storage and
//! exports. [`TextIndex`] keeps one document's [`OffsetMap`] alive on the Rust
//! side so the page converts DOM selections without re-sending the text.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::intake::Limits;
use crate::{OffsetMap, Options, Unit};

pub mod exchange;
pub mod link;
pub mod reextract;

/// Extracts the claims of `text` and returns the JSON-contract record for
/// document `id`, offsets in `unit` (`"utf16"` or `"codepoint"`).
#[wasm_bindgen]
pub fn extract(id: &str, text: &str, unit: &str) -> Result<JsValue, JsError> {
    let unit = parse_unit(unit)?;
    let record = crate::report(id, text, &crate::extract(text, &Options::default()), unit);
    encode(&record)
}

/// [`extract`] as one JSON string, for `JSON.parse` on the other side.
/// Building the objects field by field through `serde-wasm-bindgen` costs
/// more than the extraction itself; V8's `JSON.parse` builds them in one
/// native pass (measured by `npm run bench`, "boundary").
#[wasm_bindgen(js_name = extractJson)]
pub fn extract_json(id: &str, text: &str, unit: &str) -> Result<String, JsError> {
    let unit = parse_unit(unit)?;
    let record = crate::report(id, text, &crate::extract(text, &Options::default()), unit);
    serde_json::to_string(&record).map_err(|e| JsError::new(&e.to_string()))
}

/// An import batch's records as the page stores them (`klaim::stored`):
/// `docs` is `[{id, name, text, at, facts}]`, the answer one JSON array of
/// `{doc, claims}` in that order, claims marked with `extractor`, for one
/// `JSON.parse` on the other side.
#[wasm_bindgen(js_name = importRecords)]
pub fn import_records(docs: JsValue, extractor: u32) -> Result<String, JsError> {
    let docs: Vec<crate::stored::Incoming> = serde_wasm_bindgen::from_value(docs)?;
    let mut out = Vec::with_capacity(docs.iter().map(|d| 3 * d.text.len()).sum());
    crate::stored::write_batch(&mut out, &docs, extractor).map_err(|e| JsError::new(&e.to_string()))?;
    String::from_utf8(out).map_err(|e| JsError::new(&e.to_string()))
}

/// The default tag set of a new library (`klaim::project::default_tags`).
#[wasm_bindgen(js_name = defaultTags)]
pub fn default_tags() -> Result<JsValue, JsError> {
    encode(&crate::project::default_tags())
}

/// The project file's `format` and `version` this build writes.
#[wasm_bindgen(js_name = projectFormat)]
pub fn project_format() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Format {
        format: &'static str,
        version: u32,
    }
    encode(&Format { format: crate::project::FORMAT, version: crate::project::VERSION })
}

/// The size limits intake enforces, so the page can refuse a huge file before
/// reading it.
#[wasm_bindgen(js_name = intakeLimits)]
pub fn intake_limits() -> Result<JsValue, JsError> {
    encode(&Limits::default())
}

/// Documents from the file `name` with contents `bytes`. Throws an object
/// `{kind, message, size?, limit?, line?}` when the file is refused.
#[wasm_bindgen]
pub fn intake(name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
    outcome(crate::intake::intake(name, bytes, &Limits::default()))
}

/// One document from pasted text; refused like [`intake`].
#[wasm_bindgen(js_name = intakeText)]
pub fn intake_text(name: &str, text: &str) -> Result<JsValue, JsValue> {
    outcome(crate::intake::intake_text(name, text, &Limits::default()))
}

/// Occurrences of `query` in `text`, ignoring case, counted up to `limit`,
/// with a snippet of `context` characters around the first:
/// `{hits, snippet: {before, hit, after, cut_before, cut_after} | null}`.
#[wasm_bindgen(js_name = searchText)]
pub fn search_text(text: &str, query: &str, limit: usize, context: usize) -> Result<JsValue, JsError> {
    encode(&crate::search::search(text, query, limit, context))
}

/// Where `query` occurs in `text` ignoring case: the UTF-16 offsets of the
/// starts, at most `limit`.
#[wasm_bindgen(js_name = searchStarts)]
pub fn search_starts(text: &str, query: &str, limit: usize) -> Vec<u32> {
    let map = OffsetMap::new(text);
    crate::search::occurrences(text, query, limit)
        .into_iter()
        .map(|(start, _)| map.convert(start, Unit::Byte, Unit::Utf16) as u32)
        .collect()
}

/// The first quantity in `text` as `{value, unit, qualifier}`, or `null`.
#[wasm_bindgen(js_name = quantityIn)]
pub fn quantity_in(text: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Read {
        value: f64,
        unit: String,
        qualifier: Option<String>,
    }
    encode(&crate::quantity_in(text).map(|q| Read { value: q.value, unit: q.unit, qualifier: q.qualifier }))
}

/// The content hash of a document's text (`klaim::content_hash`): equal for
/// the same article whatever its id, line endings or spacing.
#[wasm_bindgen(js_name = contentHash)]
pub fn content_hash(text: &str) -> String {
    crate::content_hash(text)
}

/// The crate version, shown in the page's help.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The claims table's text filter: the rows' texts folded once (per change
/// of the library), then one call per keystroke gives the matching rows.
#[wasm_bindgen]
pub struct RowIndex {
    search: crate::search::RowSearch,
}

#[wasm_bindgen]
impl RowIndex {
    #[wasm_bindgen(constructor)]
    pub fn new(rows: Vec<String>) -> RowIndex {
        RowIndex { search: crate::search::RowSearch::new(rows.iter().map(String::as_str)) }
    }

    /// Indexes of the rows containing `query`, ignoring case, ascending.
    pub fn matching(&self, query: &str) -> Vec<u32> {
        self.search.matching(query)
    }

    /// The rows containing `query`, in the order of `order` (the table's
    /// sort): what the table shows, as a `Uint32Array`.
    #[wasm_bindgen(js_name = matchingIn)]
    pub fn matching_in(&self, query: &str, order: &[u32]) -> Vec<u32> {
        self.search.matching_in(query, order)
    }
}

/// Offset conversion for one document's text.
#[wasm_bindgen]
pub struct TextIndex {
    map: OffsetMap,
}

#[wasm_bindgen]
impl TextIndex {
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> TextIndex {
        TextIndex { map: OffsetMap::new(text) }
    }

    /// Length of the text in `unit`.
    pub fn len(&self, unit: &str) -> Result<usize, JsError> {
        Ok(self.map.len(parse_unit(unit)?))
    }

    /// Converts one offset; see `OffsetMap::convert` for clamping.
    pub fn convert(&self, offset: usize, from: &str, to: &str) -> Result<usize, JsError> {
        Ok(self.map.convert(offset, parse_unit(from)?, parse_unit(to)?))
    }

    /// Converts many offsets at once: one boundary crossing per document.
    #[wasm_bindgen(js_name = convertAll)]
    pub fn convert_all(&self, offsets: &[u32], from: &str, to: &str) -> Result<Vec<u32>, JsError> {
        let (from, to) = (parse_unit(from)?, parse_unit(to)?);
        Ok(offsets.iter().map(|&o| self.map.convert(o as usize, from, to) as u32).collect())
    }

    #[wasm_bindgen(js_name = isBoundary)]
    pub fn is_boundary(&self, offset: usize, unit: &str) -> Result<bool, JsError> {
        Ok(self.map.is_boundary(offset, parse_unit(unit)?))
    }
}

// Helpers.

fn parse_unit(unit: &str) -> Result<Unit, JsError> {
    Unit::from_name(unit).ok_or_else(|| JsError::new(&format!("unknown unit `{unit}` (utf16, codepoint, byte)")))
}

/// Plain objects (not `Map`s) and `null` for `None`, as `JSON.parse` gives.
fn encode<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

fn outcome<T: Serialize, E: Serialize>(result: Result<T, E>) -> Result<JsValue, JsValue> {
    match result {
        Ok(value) => encode(&value).map_err(JsValue::from),
        Err(error) => Err(encode(&error).map_err(JsValue::from)?),
    }
}
