//! A library kept between linking runs (the page's `LinkLibrary`): the
//! documents as the linker reads them, the grouping corrections and the
//! fact-check archive, and the last result. A run after changes that do not
//! change what the linker reads (a note, a tag: the document sent again is
//! equal to the one held) returns the last result instead of linking again.
//!
//! A real change links again, but clusters again only what it touches.
//! Every pair's score depends on the whole library through the term
//! weights, so the library freezes them ([`Weights`]) at a full run and
//! keeps them while the claims changed since stay under [`DRIFT`] of the
//! claims they were taken from. Under frozen weights a change alters only
//! the scores of the pairs it reaches, and the clusters of every scored
//! component that did not change are kept (`components.rs`). The result is
//! what [`super::link_frozen`] gives from scratch under the same weights.
//! Past the bound the next run takes new weights from the library: a full
//! run, the same as [`super::link_with`].

use super::words::{Corpus, Weights};
use super::{link_in, match_fact_checks, FactCheckMatch, Kept, LinkDocument, Links};
use crate::project::{FactCheck, LinkCorrection};

/// The share of the claims the weights were taken from that may change
/// (added, removed or edited, counted on both sides of an edit) before the
/// next run takes new weights. A term's weight is `ln((n + 20) / df)`: a
/// library 10% larger moves every weight by `ln 1.1 = 0.095`, against
/// weights of 3 to 8 for the terms that decide a pair, so no score moves by
/// more than a few percent while the weights are kept.
pub const DRIFT: f32 = 0.1;

pub struct Library {
    docs: Vec<LinkDocument>,
    at: std::collections::HashMap<String, usize>,
    corrections: Vec<LinkCorrection>,
    checks: Vec<FactCheck>,
    last: Option<(Links, Vec<FactCheckMatch>)>,
    /// How many results were computed: names the last one.
    runs: u64,
    /// The weights of the last full run, and the claims changed since.
    weights: Option<Weights>,
    drift: usize,
    /// The share of changed claims that ends the weights' epoch.
    bound: f32,
    kept: Kept,
}

impl Default for Library {
    fn default() -> Library {
        Library::with_drift(DRIFT)
    }
}

impl Library {
    /// A library whose weights are taken again once the claims changed
    /// exceed `drift` times the claims they were taken from ([`DRIFT`] by
    /// default; 0 links every change in full, infinity never refreshes).
    pub fn with_drift(drift: f32) -> Library {
        Library {
            docs: Vec::new(),
            at: Default::default(),
            corrections: Vec::new(),
            checks: Vec::new(),
            last: None,
            runs: 0,
            weights: None,
            drift: 0,
            bound: drift,
            kept: Kept::default(),
        }
    }

    /// Adds or replaces a document (by id).
    pub fn upsert(&mut self, doc: LinkDocument) {
        match self.at.get(&doc.id) {
            Some(&i) if self.docs[i] == doc => {}
            Some(&i) => {
                self.drift += self.docs[i].claims.len() + doc.claims.len();
                self.docs[i] = doc;
                self.last = None;
            }
            None => {
                self.drift += doc.claims.len();
                self.at.insert(doc.id.clone(), self.docs.len());
                self.docs.push(doc);
                self.last = None;
            }
        }
    }

    /// Removes document `id`, if it is there.
    pub fn remove(&mut self, id: &str) {
        let Some(i) = self.at.remove(id) else { return };
        self.drift += self.docs[i].claims.len();
        self.docs.swap_remove(i);
        if let Some(moved) = self.docs.get(i) {
            self.at.insert(moved.id.clone(), i);
        }
        self.last = None;
    }

    /// Removes every document.
    pub fn clear(&mut self) {
        self.docs.clear();
        self.at.clear();
        self.last = None;
        self.weights = None;
    }

    /// The grouping corrections the next runs apply.
    pub fn set_corrections(&mut self, corrections: Vec<LinkCorrection>) {
        if corrections != self.corrections {
            self.corrections = corrections;
            self.last = None;
        }
    }

    /// The fact-check archive the next runs match.
    pub fn set_fact_checks(&mut self, checks: Vec<FactCheck>) {
        if checks != self.checks {
            self.checks = checks;
            self.last = None;
        }
    }

    /// How many documents are held.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// [`super::link_frozen`] over the documents held with the weights of
    /// the last full run (a full run, [`super::link_with`], when there is
    /// none or the library drifted past [`DRIFT`]), with the corrections,
    /// and the archive's matches ([`match_fact_checks`]); the last result
    /// when nothing the linker reads changed since.
    pub fn link(&mut self) -> &(Links, Vec<FactCheckMatch>) {
        if self.last.is_none() {
            self.runs += 1;
            let stale = self.weights.as_ref().is_none_or(|w| self.drift as f32 > self.bound * w.claims() as f32);
            if stale {
                self.weights = None;
                self.drift = 0;
            }
            let corpus = Corpus::read_with(&self.docs, self.weights.as_ref());
            let links = link_in(&self.docs, &corpus, &self.corrections, Some(&mut self.kept));
            if stale {
                self.weights = Some(Weights::of(&corpus));
            }
            drop(corpus);
            self.last = Some((links, match_fact_checks(&self.docs, &self.checks)));
        }
        self.last.as_ref().expect("computed above")
    }

    /// The weights the runs since the last full run link with (`None`
    /// before the first run).
    pub fn weights(&self) -> Option<&Weights> {
        self.weights.as_ref()
    }

    /// How many claims the last run clustered again; the others' clusters
    /// were kept from the run before.
    pub fn reclustered(&self) -> usize {
        self.kept.reclustered()
    }

    /// Which result [`Library::link`] last computed (1 for the first): a
    /// caller that holds that result need not be sent it again.
    pub fn run(&self) -> u64 {
        self.runs
    }
}
