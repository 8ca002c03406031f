//! Who a mention is: entity mentions, the segmentation of `[role]
//! [affiliation] [name]` phrases, what the article says about each person
//! (role, affiliation) and coreference (short names, titles, pronouns,
//! descriptions). `extract/mod.rs` only asks questions of [`Names`].

mod bodies;
pub(crate) mod data;
mod names;
mod profile;
mod salience;
pub(crate) mod segment;

pub use names::Names;
pub use profile::carry;
