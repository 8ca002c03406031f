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
