//! Average linkage kept between runs of a library (`library.rs`): the
//! scored pairs split into connected components, and a component whose
//! items and pair scores are the same as in the last run takes its last
//! clusters instead of being clustered again.
//!
//! This gives exactly what one run over all the pairs gives: a merge joins
//! two clusters with a pair between them, so no cluster crosses a
//! component, and inside a component the merges happen in the same order
//! (the mean of two clusters reads only their own pairs; ties break on the
//! smallest index, and a component's items keep their relative order). An
//! edit or an added document then costs the clustering of the components
//! its pairs reach, as long as the scores elsewhere stay the same (which is
//! what the frozen term weights are for, `words::Weights`).

use std::collections::HashMap;
use std::hash::Hash;

use super::groups::seeded_average_linkage;

/// The clusters of the components of the last run, by what they held.
pub struct Components<K> {
    known: HashMap<Component<K>, Vec<Vec<u32>>>,
    /// Items in components clustered again in the last run (the rest were
    /// kept).
    pub reclustered: usize,
}

impl<K> Default for Components<K> {
    fn default() -> Self {
        Components { known: HashMap::new(), reclustered: 0 }
    }
}

/// A component as a run sees it: its items by their lasting names, in index
/// order, and its pairs over their positions in that list with the score's
/// bits. Equal components cluster alike.
#[derive(PartialEq, Eq, Hash)]
struct Component<K> {
    items: Vec<K>,
    pairs: Vec<(u32, u32, u32)>,
}

impl<K: Hash + Eq> Components<K> {
    /// [`seeded_average_linkage`] over `edges` (`(a, b, score)` with `a < b`, as
    /// that takes them; items are `0..docs.len()`), reusing the clusters of
    /// components seen in the last call. `key` names an item the same way
    /// from one run to the next (a document's id and a claim's place in it);
    /// items of one component must have distinct keys.
    pub fn cluster(
        &mut self,
        docs: &[usize],
        edges: &[(usize, usize, f32)],
        merge: f32,
        seed: f32,
        key: impl Fn(usize) -> K,
    ) -> Vec<Vec<usize>> {
        let n = docs.len();
        let mut parent: Vec<usize> = (0..n).collect();
        for &(a, b, _) in edges {
            let (x, y) = (find(&mut parent, a), find(&mut parent, b));
            if x != y {
                parent[x.max(y)] = x.min(y);
            }
        }
        // Components by their smallest item, each with its items in order
        // and its pairs in input order.
        let mut slot: Vec<u32> = vec![u32::MAX; n];
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut root_slot: HashMap<usize, usize> = HashMap::new();
        let mut pairs: Vec<Vec<(u32, u32, u32)>> = Vec::new();
        let mut local: Vec<u32> = vec![0; n];
        for &(a, _, _) in edges {
            let root = find(&mut parent, a);
            root_slot.entry(root).or_insert_with(|| {
                members.push(Vec::new());
                pairs.push(Vec::new());
                members.len() - 1
            });
        }
        for i in 0..n {
            let root = find(&mut parent, i);
            if let Some(&s) = root_slot.get(&root) {
                slot[i] = s as u32;
                local[i] = members[s].len() as u32;
                members[s].push(i);
            }
        }
        for &(a, b, score) in edges {
            pairs[slot[a] as usize].push((local[a], local[b], score.to_bits()));
        }

        let mut next: HashMap<Component<K>, Vec<Vec<u32>>> = HashMap::with_capacity(members.len());
        let mut out: Vec<Vec<usize>> = Vec::with_capacity(n);
        self.reclustered = 0;
        for (items, pairs) in members.iter().zip(pairs) {
            let component = Component { items: items.iter().map(|&i| key(i)).collect(), pairs };
            let clusters = match self.known.remove(&component) {
                Some(kept) => kept,
                None => {
                    self.reclustered += items.len();
                    let docs: Vec<usize> = items.iter().map(|&i| docs[i]).collect();
                    let edges: Vec<(usize, usize, f32)> =
                        component.pairs.iter().map(|&(a, b, s)| (a as usize, b as usize, f32::from_bits(s))).collect();
                    seeded_average_linkage(&docs, &edges, merge, seed)
                        .into_iter()
                        .map(|c| c.into_iter().map(|i| i as u32).collect())
                        .collect()
                }
            };
            out.extend(clusters.iter().map(|c| c.iter().map(|&i| items[i as usize]).collect::<Vec<usize>>()));
            next.insert(component, clusters);
        }
        // Items without a pair are clusters of their own.
        out.extend((0..n).filter(|&i| slot[i] == u32::MAX).map(|i| vec![i]));
        // In the order average linkage gives: by smallest item.
        out.sort_unstable_by_key(|c| c[0]);
        self.known = next;
        out
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}
