//! klaim: finds the claims in Indonesian news articles: who said what, through
//! which outlet, how sure, with which numbers, and what is page furniture.
//!
//! The core is sans IO: [`extract`] takes a `&str` and always returns an
//! [`Extraction`] in byte offsets. [`report`] turns it into the JSON contract in
//! the offset unit the caller needs. The CLI (`main.rs`) and the WebAssembly
//! binding (`wasm/`) are thin edges around these functions.

pub mod agree;
pub mod corrections;
pub mod exchange;
pub mod facts;
pub mod identity;
pub mod intake;
pub mod model;
pub mod offsets;
pub mod project;
pub mod reextract;
pub mod report;
pub mod said;
pub mod search;
pub mod stored;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

mod extract;
pub mod link;

pub use extract::{extract, quantity_in};
pub use identity::content_hash;
pub use model::{
    Boilerplate, BoilerplateKind, Claim, Claimant, ClaimantKind, Entity, EntityKind, Extraction, Kind, Modality,
    Quantity, Span,
};
pub use offsets::{OffsetMap, Unit};
pub use report::{report, Record};

/// The version of the extraction rules. Bump it whenever a change makes
/// [`extract`] give different claims (the `extractor_version` test says when):
/// the page then offers to re-extract documents made by an older version,
/// keeping the user's work ([`reextract`]).
pub const EXTRACTOR_VERSION: u32 = 8;

/// What [`extract`] should do. `Options::default()` is what the CLI and the page
/// use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Text beyond this many bytes is not read (a note says so). It bounds the
    /// work for a pasted 50 MB blob; a long news article is under 100 KB.
    pub max_bytes: usize,
    /// Report sentences in the article's own voice as `unattributed` claims.
    /// Off, only attributed statements are returned.
    pub unattributed: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { max_bytes: 16 << 20, unattributed: true }
    }
}
