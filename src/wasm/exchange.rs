//! The WebAssembly binding of `klaim::exchange`: export, import and merge.
//!
//! Projects cross the boundary as JSON text (`JSON.stringify` on the way in,
//! `JSON.parse` on the way out): one string per call, and serde_json reads the
//! project format exactly as the CLI does (flattened claim records included).
//! Each function decodes, calls the core and encodes; none has logic of its
//! own.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::exchange::{self, Format, MergeSummary};
use crate::project::Project;

/// The formats, in menu order: `[{name, extension, mediaType, canImport}]`.
#[wasm_bindgen(js_name = exchangeFormats)]
pub fn exchange_formats() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Entry {
        name: &'static str,
        extension: &'static str,
        media_type: &'static str,
        can_import: bool,
    }
    let list: Vec<Entry> = Format::ALL
        .iter()
        .map(|f| Entry {
            name: f.name(),
            extension: f.extension(),
            media_type: f.media_type(),
            can_import: f.can_import(),
        })
        .collect();
    serde_wasm_bindgen::to_value(&list).map_err(|e| JsError::new(&e.to_string()))
}

/// The project (JSON text) in `format` (a name from [`exchange_formats`]).
#[wasm_bindgen(js_name = exportProject)]
pub fn export_project(project_json: &str, format: &str) -> Result<String, JsError> {
    let format = parse_format(format)?;
    let project = parse_library(project_json)?;
    Ok(exchange::export(&project, format))
}

/// Reads a file's text as `format` (empty: detect it) against the library
/// (JSON text), stamping new items with `now`. Returns JSON text
/// `{format, project, messages: [{code, at?, params?}], report: {matched, reanchored, not_placed, dropped}}`
/// (messages: `klaim::exchange::Message`, worded by the page); throws an `Error` whose message names the
/// problem (line, field) when nothing can be imported.
#[wasm_bindgen(js_name = importFile)]
pub fn import_file(input: &str, format: &str, library_json: &str, now: &str) -> Result<String, JsError> {
    let format = if format.is_empty() { None } else { Some(parse_format(format)?) };
    let library = parse_library(library_json)?;
    let imported = exchange::import(input, format, &library, now).map_err(|e| JsError::new(&e.to_string()))?;
    #[derive(Serialize)]
    struct Out<'a> {
        format: &'static str,
        project: &'a Project,
        messages: &'a [exchange::Message],
        report: &'a exchange::Report,
    }
    let out = Out {
        format: imported.format.name(),
        project: &imported.project,
        messages: &imported.messages,
        report: &imported.report,
    };
    serde_json::to_string(&out).map_err(|e| JsError::new(&e.to_string()))
}

/// `incoming` merged into `base` (both JSON text): JSON text
/// `{project, summary}`; see `klaim::exchange::merge`.
#[wasm_bindgen(js_name = mergeProjects)]
pub fn merge_projects(base_json: &str, incoming_json: &str) -> Result<String, JsError> {
    let (base, incoming) = (parse_library(base_json)?, parse_library(incoming_json)?);
    let (project, summary) = exchange::merge(&base, &incoming);
    #[derive(Serialize)]
    struct Out {
        project: Project,
        summary: MergeSummary,
    }
    serde_json::to_string(&Out { project, summary }).map_err(|e| JsError::new(&e.to_string()))
}

/// The reviews of a ClaimReview file (JSON-LD, or an HTML page holding it)
/// as fact-check archive entries: `{reviews: [FactCheck], skipped: [string]}`;
/// throws an `Error` naming the problem when the file holds none.
#[wasm_bindgen(js_name = readFactChecks)]
pub fn read_fact_checks(input: &str) -> Result<JsValue, JsValue> {
    let (reviews, skipped) = match exchange::read_reviews(input) {
        Ok(read) => read,
        // Thrown as the message itself (`{code, at, params}`): the page words it.
        Err(why) => return Err(super::encode(&why).map_err(JsValue::from)?),
    };
    #[derive(Serialize)]
    struct Out {
        reviews: Vec<crate::project::FactCheck>,
        skipped: Vec<exchange::Message>,
    }
    super::encode(&Out { reviews, skipped }).map_err(JsValue::from)
}

/// A file's project (JSON text, as `importFile` gave it) as the work of
/// annotator `name` on the library's documents (JSON text): JSON text
/// `{project, notes: [Message], report}` to merge with `mergeProjects`; see
/// `klaim::exchange::as_annotator`.
#[wasm_bindgen(js_name = asAnnotator)]
pub fn as_annotator(incoming_json: &str, library_json: &str, name: &str, source: &str) -> Result<String, JsError> {
    let (incoming, library) = (parse_library(incoming_json)?, parse_library(library_json)?);
    let (project, notes, report) = exchange::as_annotator(&incoming, &library, name, source);
    #[derive(Serialize)]
    struct Out {
        project: Project,
        notes: Vec<exchange::Message>,
        report: exchange::Report,
    }
    serde_json::to_string(&Out { project, notes, report }).map_err(|e| JsError::new(&e.to_string()))
}

/// What the user should know about exporting the library (JSON text) in
/// `format`: overlapping claims for doccano, a missing publisher for
/// ClaimReview; see `klaim::exchange::export_warnings`.
#[wasm_bindgen(js_name = exportWarnings)]
pub fn export_warnings(project_json: &str, format: &str) -> Result<JsValue, JsError> {
    let format = parse_format(format)?;
    super::encode(&exchange::export_warnings(&parse_library(project_json)?, format))
}

/// The agreement figures of the library's annotators (JSON text in and out);
/// see `klaim::agree::agreement`.
#[wasm_bindgen(js_name = agreementOf)]
pub fn agreement_of(project_json: &str) -> Result<String, JsError> {
    let project = parse_library(project_json)?;
    serde_json::to_string(&crate::agree::agreement(&project)).map_err(|e| JsError::new(&e.to_string()))
}

/// The adjudication items of the library against annotator `name` (JSON
/// text); see `klaim::agree::curate::items`.
#[wasm_bindgen(js_name = curationItems)]
pub fn curation_items(project_json: &str, name: &str) -> Result<String, JsError> {
    let project = parse_library(project_json)?;
    serde_json::to_string(&crate::agree::curate::items(&project, name)).map_err(|e| JsError::new(&e.to_string()))
}

fn parse_format(name: &str) -> Result<Format, JsError> {
    Format::from_name(name).ok_or_else(|| JsError::new(&format!("unknown format `{name}`")))
}

/// The page's own library: read without the import checks.
fn parse_library(json: &str) -> Result<Project, JsError> {
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("library: {e}")))
}
