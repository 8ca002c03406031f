//! The WebAssembly binding of `klaim::reextract`: the extractor's version and
//! the carry-over of the user's work onto a new extraction.

use wasm_bindgen::prelude::*;

use super::encode;
use crate::project::Document;
use crate::report::ClaimRecord;

/// `klaim::EXTRACTOR_VERSION`: documents recorded with an older one are
/// offered re-extraction.
#[wasm_bindgen(js_name = extractorVersion)]
pub fn extractor_version() -> u32 {
    crate::EXTRACTOR_VERSION
}

/// The claims of `document` (a project Document with its `claims`, code
/// points; extra fields such as `rev` are ignored) after re-extraction:
/// `claims` are the new extraction's claims (code points), `now` the RFC 3339
/// time of new claims. Returns `{claims, report: {moved, unmatched, kept,
/// replaced, extracted, unmatched_claims}}`.
#[wasm_bindgen(js_name = carryOver)]
pub fn carry_over(document: JsValue, claims: JsValue, now: &str) -> Result<JsValue, JsError> {
    let document: Document =
        serde_wasm_bindgen::from_value(document).map_err(|e| JsError::new(&format!("carryOver document: {e}")))?;
    let claims: Vec<ClaimRecord> =
        serde_wasm_bindgen::from_value(claims).map_err(|e| JsError::new(&format!("carryOver claims: {e}")))?;
    encode(&crate::reextract::carry_over(&document, &claims, now))
}
