//! Which claims of one document have the same claimant: what an edit of a
//! claimant's identity (type, role, affiliation) in the page applies to. A
//! user who sets a person's role on one claim means the person: their
//! quotation and the `Ia` claim after it (which the extractor resolved to
//! the same name) must not keep the old role (user tests 5 #6 and 6 #1).
//!
//! The rule is the people index's (`identity.rs`): two claimants are the
//! same when their names (the resolved name, else the mention) give the
//! same identity: a personal name's spelling-folded words (`Moh. Rizal`,
//! `Muhammad Rizal`), a body's head and words, an office's spelled-out
//! title. A source that is never linked (`mereka`, `sejumlah warga`, a
//! composite `A dan B`) is only itself. Within one document, so no story
//! rule is needed.

use super::identity::identify;

/// A claimant's names as the page and the project file hold them.
#[derive(Clone, Debug, Default)]
pub struct ClaimantName {
    /// The mention as written (`Ia`, `Kapolres Sigi`).
    pub text: String,
    /// The fullest name the document gives (may be empty).
    pub resolved: String,
    /// `person`, `organisation`, `group` or `outlet`, when known.
    pub kind: Option<String>,
}

/// The indices of the claims in `claimants` (one document's claims, in any
/// order; `None` for a claim without a claimant) whose claimant is the same
/// as claim `at`'s, `at` included, in increasing order. A claim without a
/// claimant, or whose claimant is never linked, gives only `at`; an `at`
/// out of range gives nothing.
pub fn same_claimant(claimants: &[Option<ClaimantName>], at: usize) -> Vec<usize> {
    let Some(slot) = claimants.get(at) else { return Vec::new() };
    let Some(key) = slot.as_ref().and_then(identity_of) else { return vec![at] };
    claimants
        .iter()
        .enumerate()
        .filter(|&(i, c)| i == at || c.as_ref().and_then(identity_of).is_some_and(|k| k == key))
        .map(|(i, _)| i)
        .collect()
}

fn identity_of(c: &ClaimantName) -> Option<super::identity::Identity> {
    let name = if c.resolved.trim().is_empty() { &c.text } else { &c.resolved };
    identify(name, c.kind.as_deref()).map(|(identity, _)| identity)
}
