//! What the article says about each person: the office they hold and the
//! body they speak for, learnt from any mention (`Kepala Dinas Perhubungan
//! DKI Jakarta Syafrin Liputo`, `Rina Kusnadi, Ketua YLKI,`) and asked for by
//! the full name a claimant resolved to.

use super::names::Name;
use crate::extract::wordhash::{with_lower, WordMap};
use crate::model::{Claim, ClaimantKind};

/// Role, affiliation and rank of one person (or of one mention).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub rank: Option<String>,
}

#[derive(Default)]
pub struct Profiles {
    by_name: WordMap<Name, Profile>,
    /// Lower-case last word -> names, for a profile learnt under a shorter
    /// or longer form of the name.
    by_last: WordMap<String, Vec<Name>>,
}

impl Profiles {
    /// Adds what one mention says of `name`; the first mention that gives a
    /// field keeps it (news introduces a source fully once).
    pub fn add(&mut self, name: &Name, p: Profile) {
        if p.role.is_none() && p.affiliation.is_none() && p.rank.is_none() {
            return;
        }
        if !self.by_name.contains_key(name) {
            if let Some(last) = name.split_whitespace().last() {
                self.by_last.entry(last.to_lowercase()).or_default().push(name.clone());
            }
            self.by_name.insert(name.clone(), Profile::default());
        }
        let Some(entry) = self.by_name.get_mut(name) else { return };
        // Role and affiliation come from the same mention where possible.
        if entry.role.is_none() && entry.affiliation.is_none() {
            entry.role = p.role;
            entry.affiliation = p.affiliation;
        } else if entry.role.is_none() {
            entry.role = p.role;
        } else if entry.affiliation.is_none() {
            entry.affiliation = p.affiliation;
        }
        if entry.rank.is_none() {
            entry.rank = p.rank;
        }
    }

    /// The profile of `name`, or of a form of it that shares its last word
    /// and whose words all belong to it (or the other way round).
    pub fn get(&self, name: &str) -> Option<&Profile> {
        if let Some(p) = self.by_name.get(name) {
            return Some(p);
        }
        let others = with_lower(name.split_whitespace().last()?, |last| self.by_last.get(last))?;
        let mine: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        others.iter().find_map(|other| {
            let theirs: Vec<String> = other.split_whitespace().map(str::to_lowercase).collect();
            let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
            (within(&mine, &theirs) || within(&theirs, &mine)).then(|| &self.by_name[&**other])
        })
    }
}

/// What one claim's claimant mention says of a person (`Direktur Eksekutif
/// Indef Rudi Hartono berpendapat`) holds for every claim of that person in
/// the document (`kata Rudi`): a role or affiliation missing from a claim is
/// taken from the first claim of the same resolved person that has one.
/// One pass to learn, one to fill.
pub fn carry(claims: &mut [Claim]) {
    let mut known: WordMap<String, (Option<String>, Option<String>)> = WordMap::default();
    for c in claims.iter().filter_map(|c| c.claimant.as_ref()) {
        if c.kind != Some(ClaimantKind::Person) || c.role.is_none() && c.affiliation.is_none() {
            continue;
        }
        let (role, affiliation) = known.entry(c.resolved.clone()).or_default();
        if role.is_none() && affiliation.is_none() {
            (*role, *affiliation) = (c.role.clone(), c.affiliation.clone());
        } else if role.is_none() {
            *role = c.role.clone();
        } else if affiliation.is_none() {
            *affiliation = c.affiliation.clone();
        }
    }
    for c in claims.iter_mut().filter_map(|c| c.claimant.as_mut()) {
        if c.kind != Some(ClaimantKind::Person) {
            continue;
        }
        if let Some((role, affiliation)) = known.get(&c.resolved) {
            if c.role.is_none() {
                c.role = role.clone();
            }
            if c.affiliation.is_none() {
                c.affiliation = affiliation.clone();
            }
        }
    }
}
