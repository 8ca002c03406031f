//! The WebAssembly binding of `klaim::link` and `klaim::facts`: plain data in,
//! plain data out (a Web Worker can call them as they are).

use wasm_bindgen::prelude::*;

use super::encode;
use crate::link::LinkDocument;

/// Links the documents `[{id, text, outlet?, claims: [{id?, start, end,
/// modality?, claimant?: {start, end, resolved}, quantities?: [{start, end,
/// value, unit, qualifier?}], status?}]}]` (offsets in code points, as the
/// project stores them; extra fields are ignored, rejected claims left out)
/// and returns `{documents, groups, people}` as `klaim link` prints it.
#[wasm_bindgen]
pub fn link(documents: JsValue) -> Result<JsValue, JsError> {
    let documents: Vec<LinkDocument> =
        serde_wasm_bindgen::from_value(documents).map_err(|e| JsError::new(&format!("link: {e}")))?;
    encode(&crate::link::link(&documents))
}

/// The outlet and publication date an article's text gives:
/// `{outlet?, published?}`.
#[wasm_bindgen(js_name = textFacts)]
pub fn text_facts(text: &str) -> Result<JsValue, JsError> {
    encode(&crate::facts::text_facts(text))
}
