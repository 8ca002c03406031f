//! The user's corrections of the cross-article grouping: splits and joins,
//! applied in the order they were made to the linker's groups before their
//! conflicts are computed. Corrections of the people (`split-person`,
//! `join-people`) are kept in the same list, validated and pruned here, and
//! applied by the people index (`link/people.rs`), which knows what a
//! claimant is.
//!
//! Corrections name claims by their project ids (`<document id>#...`), which
//! stay when the user edits a claim's span, so a correction still holds after
//! the library changes and the linker runs again. A correction whose claims
//! are gone does nothing.
//!
//! Cost: one hash map from id to claim index, then each correction looks at
//! the groups that hold its claims (through an index rebuilt per
//! correction): linear in claims plus group sizes, never all pairs.

use std::collections::{HashMap, HashSet};

pub use crate::project::LinkCorrection;

/// A group during linking: the indexes of its claims in the linker's input.
pub type Cluster = Vec<usize>;

/// Applies `corrections` in order to `clusters`. `ids[i]` is the project
/// claim id of claim `i` (empty for claims that have none, as in the CLI;
/// corrections never touch those). Clusters may overlap (a claim in two
/// groups). Clusters emptied or left with one claim are removed; the linker
/// still drops groups whose claims are all from one document.
pub fn apply(clusters: &mut Vec<Cluster>, ids: &[&str], corrections: &[LinkCorrection]) {
    let index: HashMap<&str, usize> =
        ids.iter().enumerate().filter(|(_, id)| !id.is_empty()).map(|(i, id)| (*id, i)).collect();
    let resolve = |list: &[String]| -> Vec<usize> {
        let mut seen = HashSet::new();
        list.iter().filter_map(|id| index.get(id.as_str()).copied()).filter(|i| seen.insert(*i)).collect()
    };
    for correction in corrections {
        match correction {
            LinkCorrection::Split { claim, from } => {
                let Some(&c) = index.get(claim.as_str()) else { continue };
                let from: HashSet<usize> = resolve(from).into_iter().collect();
                for cluster in clusters.iter_mut() {
                    if cluster.contains(&c) && cluster.iter().any(|i| from.contains(i)) {
                        cluster.retain(|&i| i != c);
                    }
                }
            }
            LinkCorrection::Join { groups } => {
                let sides: Vec<Vec<usize>> = groups.iter().map(|g| resolve(g)).filter(|g| !g.is_empty()).collect();
                if sides.len() < 2 {
                    continue;
                }
                // Each side is the cluster that shares most claims with it
                // (the group the user saw, as the linker builds it now), or
                // its own claims when no cluster holds any of them.
                let mut taken: Vec<usize> = Vec::new();
                let mut union: Vec<usize> = Vec::new();
                for side in &sides {
                    match best_cluster(clusters, side) {
                        Some(k) => {
                            if !taken.contains(&k) {
                                taken.push(k);
                                union.extend_from_slice(&clusters[k]);
                            }
                        }
                        None => union.extend_from_slice(side),
                    }
                }
                let mut seen = HashSet::new();
                union.retain(|i| seen.insert(*i));
                taken.sort_unstable();
                for k in taken.into_iter().rev() {
                    clusters.remove(k);
                }
                clusters.push(union);
            }
            LinkCorrection::SplitPerson { .. } | LinkCorrection::JoinPeople { .. } => {}
        }
    }
    clusters.retain(|c| c.len() >= 2);
}

/// What is wrong with a correction, or `None`. `exists` says whether a claim
/// id is in the project.
pub fn problem(correction: &LinkCorrection, exists: impl Fn(&str) -> bool) -> Option<String> {
    let unknown = |id: &str| (!exists(id)).then(|| format!("claim `{id}` is not in the project"));
    match correction {
        LinkCorrection::Split { claim, from } => {
            if from.is_empty() {
                return Some("a split names the claims it is split from".into());
            }
            if from.contains(claim) {
                return Some(format!("claim `{claim}` is split from itself"));
            }
            std::iter::once(claim).chain(from).find_map(|id| unknown(id))
        }
        LinkCorrection::Join { groups } => {
            if groups.len() < 2 || groups.iter().any(Vec::is_empty) {
                return Some("a join names at least two groups, each by at least one claim".into());
            }
            groups.iter().flatten().find_map(|id| unknown(id))
        }
        LinkCorrection::SplitPerson { claim, from } => {
            if from.is_empty() {
                return Some("a person split names the claims it is split from".into());
            }
            if from.contains(claim) {
                return Some(format!("claim `{claim}` is split from itself"));
            }
            std::iter::once(claim).chain(from).find_map(|id| unknown(id))
        }
        LinkCorrection::JoinPeople { people } => {
            if people.len() < 2 || people.iter().any(Vec::is_empty) {
                return Some("a join of people names at least two people, each by at least one claim".into());
            }
            people.iter().flatten().find_map(|id| unknown(id))
        }
    }
}

/// `corrections` without the claims that are gone (`exists` false) and
/// without corrections left with nothing to say, so that a project whose
/// user deleted a claim still passes [`problem`].
pub fn prune(corrections: &[LinkCorrection], exists: impl Fn(&str) -> bool) -> Vec<LinkCorrection> {
    let keep = |list: &[String]| list.iter().filter(|id| exists(id)).cloned().collect::<Vec<_>>();
    corrections
        .iter()
        .filter_map(|c| match c {
            LinkCorrection::Split { claim, from } => {
                let from = keep(from);
                (exists(claim) && !from.is_empty()).then(|| LinkCorrection::Split { claim: claim.clone(), from })
            }
            LinkCorrection::Join { groups } => {
                let groups: Vec<Vec<String>> = groups.iter().map(|g| keep(g)).filter(|g| !g.is_empty()).collect();
                (groups.len() >= 2).then_some(LinkCorrection::Join { groups })
            }
            LinkCorrection::SplitPerson { claim, from } => {
                let from = keep(from);
                (exists(claim) && !from.is_empty()).then(|| LinkCorrection::SplitPerson { claim: claim.clone(), from })
            }
            LinkCorrection::JoinPeople { people } => {
                let people: Vec<Vec<String>> = people.iter().map(|g| keep(g)).filter(|g| !g.is_empty()).collect();
                (people.len() >= 2).then_some(LinkCorrection::JoinPeople { people })
            }
        })
        .collect()
}

/// The index of the cluster sharing most claims with `side` (the first on a
/// tie), if any shares one.
fn best_cluster(clusters: &[Cluster], side: &[usize]) -> Option<usize> {
    let side: HashSet<usize> = side.iter().copied().collect();
    let mut best: Option<(usize, usize)> = None;
    for (k, cluster) in clusters.iter().enumerate() {
        let shared = cluster.iter().filter(|i| side.contains(i)).count();
        if shared > 0 && best.is_none_or(|(_, n)| shared > n) {
            best = Some((k, shared));
        }
    }
    best.map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 6] = ["a#0", "a#1", "b#0", "b#1", "c#0", ""];

    fn split(claim: &str, from: &[&str]) -> LinkCorrection {
        LinkCorrection::Split { claim: claim.into(), from: from.iter().map(|s| s.to_string()).collect() }
    }

    fn join(groups: &[&[&str]]) -> LinkCorrection {
        LinkCorrection::Join { groups: groups.iter().map(|g| g.iter().map(|s| s.to_string()).collect()).collect() }
    }

    fn split_person(claim: &str, from: &[&str]) -> LinkCorrection {
        LinkCorrection::SplitPerson { claim: claim.into(), from: from.iter().map(|s| s.to_string()).collect() }
    }

    fn join_people(people: &[&[&str]]) -> LinkCorrection {
        LinkCorrection::JoinPeople {
            people: people.iter().map(|g| g.iter().map(|s| s.to_string()).collect()).collect(),
        }
    }

    #[track_caller]
    fn check(clusters: &[&[usize]], corrections: &[LinkCorrection], expect: &[&[usize]]) {
        let mut got: Vec<Cluster> = clusters.iter().map(|c| c.to_vec()).collect();
        apply(&mut got, &IDS, corrections);
        let mut got: Vec<Vec<usize>> = got
            .into_iter()
            .map(|mut c| {
                c.sort_unstable();
                c
            })
            .collect();
        got.sort();
        let mut expect: Vec<Vec<usize>> = expect.iter().map(|c| c.to_vec()).collect();
        expect.sort();
        assert_eq!(got, expect);
    }

    #[test]
    fn corrections_change_groups() {
        // Nothing to correct.
        check(&[&[0, 2, 4]], &[], &[&[0, 2, 4]]);
        // A split takes the claim out of the group it shared with `from`.
        check(&[&[0, 2, 4]], &[split("c#0", &["a#0", "b#0"])], &[&[0, 2]]);
        // ... and out of any group holding one of them, however the linker regrouped.
        check(&[&[0, 4], &[2, 3, 4]], &[split("c#0", &["a#0", "b#0"])], &[&[2, 3]]);
        // ... but not out of a group with other claims.
        check(&[&[0, 2], &[1, 4]], &[split("c#0", &["a#0", "b#0"])], &[&[0, 2], &[1, 4]]);
        // A split leaving one claim removes the group.
        check(&[&[0, 2]], &[split("a#0", &["b#0"])], &[]);
        // A join makes one group of two.
        check(&[&[0, 2], &[1, 4]], &[join(&[&["a#0", "b#0"], &["a#1", "c#0"]])], &[&[0, 1, 2, 4]]);
        // The sides are found by most shared claims, after the linker regrouped.
        check(&[&[0, 3], &[1, 4], &[2, 3]], &[join(&[&["a#0", "b#0"], &["c#0"]])], &[&[0, 1, 3, 4], &[2, 3]]);
        // A side no group holds joins with its own claims.
        check(&[&[0, 2]], &[join(&[&["a#0"], &["c#0"]])], &[&[0, 2, 4]]);
        // A join of one group with itself changes nothing.
        check(&[&[0, 2]], &[join(&[&["a#0"], &["b#0"]])], &[&[0, 2]]);
        // Corrections apply in order: a later join undoes an earlier split.
        check(&[&[0, 2, 4]], &[split("c#0", &["a#0", "b#0"]), join(&[&["a#0", "b#0"], &["c#0"]])], &[&[0, 2, 4]]);
        check(
            &[&[0, 2], &[1, 4]],
            &[join(&[&["a#0", "b#0"], &["a#1", "c#0"]]), split("a#1", &["a#0", "b#0", "c#0"])],
            &[&[0, 2, 4]],
        );
        // Corrections of people leave the groups alone.
        check(&[&[0, 2]], &[split_person("a#0", &["b#0"]), join_people(&[&["a#0"], &["c#0"]])], &[&[0, 2]]);
        // Claims that are gone, and claims without ids, are never touched.
        check(&[&[0, 5]], &[split("zz#9", &["a#0"]), split("", &["a#0"])], &[&[0, 5]]);
        check(&[&[0, 2]], &[join(&[&["a#0"], &["zz#9"]])], &[&[0, 2]]);
    }

    #[track_caller]
    fn check_problem(correction: LinkCorrection, expect: Option<&str>) {
        let exists = |id: &str| IDS.contains(&id) && !id.is_empty();
        assert_eq!(problem(&correction, exists).as_deref(), expect);
    }

    #[test]
    fn problems_are_named() {
        check_problem(split("a#0", &["b#0"]), None);
        check_problem(split("a#0", &[]), Some("a split names the claims it is split from"));
        check_problem(split("a#0", &["a#0"]), Some("claim `a#0` is split from itself"));
        check_problem(split("a#0", &["x#1"]), Some("claim `x#1` is not in the project"));
        check_problem(join(&[&["a#0"], &["b#0"]]), None);
        check_problem(join(&[&["a#0"]]), Some("a join names at least two groups, each by at least one claim"));
        check_problem(join(&[&["a#0"], &[]]), Some("a join names at least two groups, each by at least one claim"));
        check_problem(join(&[&["a#0"], &["q#0"]]), Some("claim `q#0` is not in the project"));
        check_problem(split_person("a#0", &["b#0"]), None);
        check_problem(split_person("a#0", &[]), Some("a person split names the claims it is split from"));
        check_problem(split_person("a#0", &["a#0"]), Some("claim `a#0` is split from itself"));
        check_problem(join_people(&[&["a#0"], &["b#0"]]), None);
        check_problem(
            join_people(&[&["a#0"]]),
            Some("a join of people names at least two people, each by at least one claim"),
        );
        check_problem(join_people(&[&["a#0"], &["q#0"]]), Some("claim `q#0` is not in the project"));
    }

    #[test]
    fn prune_drops_what_is_gone() {
        let exists = |id: &str| id != "b#0";
        assert_eq!(prune(&[split("a#0", &["b#0", "c#0"])], exists), vec![split("a#0", &["c#0"])]);
        assert_eq!(prune(&[split("a#0", &["b#0"])], exists), vec![]);
        assert_eq!(prune(&[split("b#0", &["a#0"])], exists), vec![]);
        assert_eq!(prune(&[join(&[&["a#0", "b#0"], &["c#0"]])], exists), vec![join(&[&["a#0"], &["c#0"]])]);
        assert_eq!(prune(&[join(&[&["b#0"], &["c#0"]])], exists), vec![]);
        assert_eq!(prune(&[split_person("a#0", &["b#0", "c#0"])], exists), vec![split_person("a#0", &["c#0"])]);
        assert_eq!(prune(&[split_person("a#0", &["b#0"])], exists), vec![]);
        assert_eq!(
            prune(&[join_people(&[&["a#0", "b#0"], &["c#0"]])], exists),
            vec![join_people(&[&["a#0"], &["c#0"]])]
        );
        assert_eq!(prune(&[join_people(&[&["b#0"], &["c#0"]])], exists), vec![]);
    }
}
