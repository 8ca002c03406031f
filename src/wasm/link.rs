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

    /// [`link`] over the documents held, with the corrections, plus
    /// `factchecks`: the archive's matches as [`match_fact_checks`] gives them.
    pub fn link(&mut self) -> Result<JsValue, JsError> {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            links: &'a crate::link::Links,
            factchecks: &'a [crate::link::FactCheckMatch],
        }
        let (links, factchecks) = self.library.link();
        encode(&Out { links, factchecks })
    }
}
