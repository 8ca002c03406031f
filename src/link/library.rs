//! A library kept between linking runs (the page's `LinkLibrary`): the
//! documents as the linker reads them, the grouping corrections and the
//! fact-check archive, and the last result. A run after changes that do not
//! change what the linker reads (a note, a tag: the document sent again is
//! equal to the one held) returns the last result instead of linking again.
//! Any real change links the whole library again: every pair's score
//! depends on the whole library (term weights), so a part cannot be
//! relinked alone and give what a full run gives.

use super::{link_with, match_fact_checks, FactCheckMatch, LinkDocument, Links};
use crate::project::{FactCheck, LinkCorrection};

#[derive(Default)]
pub struct Library {
    docs: Vec<LinkDocument>,
    at: std::collections::HashMap<String, usize>,
    corrections: Vec<LinkCorrection>,
    checks: Vec<FactCheck>,
    last: Option<(Links, Vec<FactCheckMatch>)>,
    /// How many results were computed: names the last one.
    runs: u64,
}

impl Library {
    /// Adds or replaces a document (by id).
    pub fn upsert(&mut self, doc: LinkDocument) {
        match self.at.get(&doc.id) {
            Some(&i) if self.docs[i] == doc => {}
            Some(&i) => {
                self.docs[i] = doc;
                self.last = None;
            }
            None => {
                self.at.insert(doc.id.clone(), self.docs.len());
                self.docs.push(doc);
                self.last = None;
            }
        }
    }

    /// Removes document `id`, if it is there.
    pub fn remove(&mut self, id: &str) {
        let Some(i) = self.at.remove(id) else { return };
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

    /// [`link_with`] over the documents held, with the corrections, and the
    /// archive's matches ([`match_fact_checks`]); the last result when
    /// nothing the linker reads changed since.
    pub fn link(&mut self) -> &(Links, Vec<FactCheckMatch>) {
        let (docs, corrections, checks, runs) = (&self.docs, &self.corrections, &self.checks, &mut self.runs);
        self.last.get_or_insert_with(|| {
            *runs += 1;
            (link_with(docs, corrections), match_fact_checks(docs, checks))
        })
    }

    /// Which result [`Library::link`] last computed (1 for the first): a
    /// caller that holds that result need not be sent it again.
    pub fn run(&self) -> u64 {
        self.runs
    }
}
