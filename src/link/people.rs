//! Claimants across documents: `Kirby`, `John Kirby` and `Juru Bicara ...
//! John Kirby` are one person; `AS`, `Amerika` and `Amerika Serikat` one
//! state; `Departemen Luar Negeri AS` is another body (guidelines, section 3).
//!
//! Each claimant becomes an [`Identity`] (`identity.rs`). Two names are one
//! entity when they are equal, or when one's words are a subset of the
//! other's and no second, incompatible longer name claims them (`Santoso`
//! in `Eko Wahyudi Santoso` and `Kevin Santoso Halim` links to neither).
//! A name held by people whose offices lie in different places (two
//! `Bupati`, of Garut and of Sumedang) is split by place. A title alone
//! (`Kapolres Sigi`) joins the one named entity whose roles and
//! affiliations hold all its words; a description (`majelis hakim`) joins
//! the same description only in documents that share a claim group (one
//! story). Every question is answered from an index (by word, by office and
//! place), never by comparing all pairs. The user's corrections of people
//! (`split-person`, `join-people`, in the project's `links`) apply last, in
//! the order they were made.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::identity::{
    identify, is_body_word, is_office_phrase, is_place, is_qualifier, office_of, signature, Identity, Shape,
};
use super::words::Corpus;
use super::{byte_range, ClaimRef, Mention, Person};
use crate::project::LinkCorrection;

pub struct People {
    /// The entity of each claim (index into `Corpus::claims`), if any.
    pub of_claim: Vec<Option<usize>>,
    entities: Vec<Entity>,
}

struct Entity {
    name: String,
    /// The shape of the identity `name` comes from.
    shape: Shape,
    /// Claims in corpus order.
    claims: Vec<usize>,
    docs: usize,
    /// A people correction names one of its claims: listed in one document
    /// too, so a claimant split out can be joined back.
    corrected: bool,
    /// The other names it goes by, and its roles as the articles give them.
    aliases: BTreeSet<String>,
    roles: BTreeSet<String>,
}

/// What one claimant says of who it is.
struct Seen {
    claim: usize,
    identity: Identity,
    display: String,
    /// The spelled-out words of its role and affiliation, and its office.
    signature: Vec<String>,
    office: Option<String>,
    role: Option<String>,
}

/// The entities of the library's claimants. `stories` are claim groups
/// (lists of claim indices): a description links only across documents
/// that share one; without them a description stays within its document.
/// `corrections`: the project's, of which the people's apply (by claim id).
pub fn people(corpus: &Corpus, stories: &[Vec<usize>], corrections: &[LinkCorrection]) -> People {
    let seen = read(corpus);
    // Distinct identities, each with its claimants (indices into `seen`).
    let mut ids: BTreeMap<Identity, Vec<usize>> = BTreeMap::new();
    for (s, item) in seen.iter().enumerate() {
        ids.entry(item.identity.clone()).or_default().push(s);
    }
    let keys: Vec<Identity> = ids.keys().cloned().collect();
    let members: Vec<&Vec<usize>> = ids.values().collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    join_short_forms(&keys, &members, &seen, &mut parent);
    join_longer_names(&keys, &mut parent);
    join_titles(&keys, &members, &seen, &mut parent);
    join_descriptions(corpus, &keys, &members, &seen, stories, &mut parent);

    // Each claimant's entity: the root of its identity, then as corrected.
    let mut key_of = vec![0; seen.len()];
    for (k, list) in members.iter().enumerate() {
        for &s in list.iter() {
            key_of[s] = k;
        }
    }
    let mut label: Vec<usize> = key_of.iter().map(|&k| find(&mut parent, k)).collect();
    if corrections.iter().any(|c| matches!(c, LinkCorrection::SplitPerson { .. } | LinkCorrection::JoinPeople { .. })) {
        correct(corpus, &seen, &key_of, keys.len(), &mut label, corrections);
    }

    let mut entity_of_root: BTreeMap<usize, usize> = BTreeMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut of_claim = vec![None; corpus.claims.len()];
    for list in members.iter() {
        for &s in list.iter() {
            let e = *entity_of_root.entry(label[s]).or_insert_with(|| {
                entities.push(Entity {
                    name: String::new(),
                    shape: Shape::Description,
                    claims: Vec::new(),
                    docs: 0,
                    corrected: false,
                    aliases: BTreeSet::new(),
                    roles: BTreeSet::new(),
                });
                entities.len() - 1
            });
            let entity = &mut entities[e];
            let item = &seen[s];
            // The fullest name: a name before a title or a description,
            // then most words, then longest, then first in alphabetical
            // order (so the choice does not depend on order).
            let rank = |shape: Shape, name: &str| (shape == Shape::Name, name.split_whitespace().count(), name.len());
            let (mine, theirs) = (rank(item.identity.shape, &item.display), rank(entity.shape, &entity.name));
            if entity.name.is_empty() || mine > theirs || (mine == theirs && item.display < entity.name) {
                entity.name = item.display.clone();
                entity.shape = item.identity.shape;
            }
            entity.aliases.insert(item.display.clone());
            entity.roles.extend(item.role.clone());
            entity.claims.push(item.claim);
            of_claim[item.claim] = Some(e);
        }
    }
    let named = corrected_claims(corrections);
    for entity in &mut entities {
        entity.claims.sort_unstable();
        entity.claims.dedup();
        let mut docs: Vec<usize> = entity.claims.iter().map(|&c| corpus.claims[c].doc).collect();
        docs.dedup();
        entity.docs = docs.len();
        entity.corrected = !named.is_empty()
            && entity.claims.iter().any(|&c| {
                let info = &corpus.claims[c];
                corpus.docs[info.doc].src.claims[info.claim].id.as_deref().is_some_and(|id| named.contains(id))
            });
        let name = entity.name.clone();
        entity.aliases.remove(&name);
    }
    People { of_claim, entities }
}

impl People {
    /// The entity of a claim when that entity speaks in two documents or more.
    pub fn shared(&self, claim: usize) -> Option<usize> {
        self.of_claim[claim].filter(|&e| self.entities[e].docs >= 2)
    }

    /// The entities that are claimants in two documents or more, and those
    /// a people correction names a claim of (a claimant split out of a
    /// person, and what is left of that person, may be in one document
    /// each: they stay listed, to be joined back). A mention
    /// is the claimant's span; where that lies outside its claim (the later
    /// sentences of a quotation whose speaker is named once), the claim's
    /// own span stands for it, so that each mention names the claim it is
    /// the claimant of.
    pub fn render(&self, corpus: &Corpus) -> Vec<Person> {
        let mut out: Vec<&Entity> = self.entities.iter().filter(|e| e.docs >= 2 || e.corrected).collect();
        out.sort_by(|a, b| b.docs.cmp(&a.docs).then(b.claims.len().cmp(&a.claims.len())).then(a.name.cmp(&b.name)));
        out.into_iter()
            .enumerate()
            .map(|(n, e)| Person {
                id: format!("p{}", n + 1),
                name: e.name.clone(),
                mentions: e.claims.iter().filter_map(|&c| mention(corpus, c)).collect(),
                claims: e.claims.iter().map(|&c| claim_ref(corpus, c)).collect(),
                aliases: e.aliases.iter().cloned().collect(),
                roles: e.roles.iter().cloned().collect(),
            })
            .collect()
    }
}

/// The claim ids the people's corrections name (split-person's claim and
/// `from`, join-people's sides).
fn corrected_claims(corrections: &[LinkCorrection]) -> HashSet<&str> {
    let mut named = HashSet::new();
    for correction in corrections {
        match correction {
            LinkCorrection::SplitPerson { claim, from } => {
                named.insert(claim.as_str());
                named.extend(from.iter().map(String::as_str));
            }
            LinkCorrection::JoinPeople { people } => named.extend(people.iter().flatten().map(String::as_str)),
            _ => {}
        }
    }
    named
}

pub fn claim_ref(corpus: &Corpus, c: usize) -> ClaimRef {
    let info = &corpus.claims[c];
    let doc = &corpus.docs[info.doc];
    let claim = &doc.src.claims[info.claim];
    ClaimRef {
        doc: doc.src.id.clone(),
        start: claim.start,
        end: claim.end,
        text: doc.src.text[info.bytes.clone()].to_owned(),
        claim: claim.id.clone(),
    }
}

fn mention(corpus: &Corpus, c: usize) -> Option<Mention> {
    let info = &corpus.claims[c];
    let doc = &corpus.docs[info.doc];
    let claim = &doc.src.claims[info.claim];
    let who = claim.claimant.as_ref()?;
    let (start, end) =
        if who.start >= claim.start && who.end <= claim.end { (who.start, who.end) } else { (claim.start, claim.end) };
    let r = byte_range(&doc.map, &doc.src.text, start, end)?;
    Some(Mention { doc: doc.src.id.clone(), start, end, text: doc.src.text[r].to_owned() })
}

/// Applies the user's corrections of people in order to `label` (the
/// entity of each claimant, indexed like `seen`; `first_free` is a label no
/// claimant has). A split takes the claimant of a claim as its document
/// names it (that document's claimants of the same identity in the same
/// entity) out of the entity when that entity holds one of `from`; a join
/// makes one entity of those holding most of each side's claims. Claims that
/// are gone, or have no claimant, change nothing. Cost: each correction
/// touches the entities it names, never all pairs.
fn correct(
    corpus: &Corpus,
    seen: &[Seen],
    key_of: &[usize],
    first_free: usize,
    label: &mut [usize],
    corrections: &[LinkCorrection],
) {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (s, item) in seen.iter().enumerate() {
        let info = &corpus.claims[item.claim];
        if let Some(id) = corpus.docs[info.doc].src.claims[info.claim].id.as_deref() {
            by_id.insert(id, s);
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (s, &l) in label.iter().enumerate() {
        members.entry(l).or_default().push(s);
    }
    let resolve =
        |ids: &[String]| -> Vec<usize> { ids.iter().filter_map(|id| by_id.get(id.as_str()).copied()).collect() };
    let mut next = first_free;
    for correction in corrections {
        match correction {
            LinkCorrection::SplitPerson { claim, from } => {
                let Some(&s) = by_id.get(claim.as_str()) else { continue };
                let l = label[s];
                if !resolve(from).iter().any(|&f| label[f] == l && f != s) {
                    continue;
                }
                let doc = corpus.claims[seen[s].claim].doc;
                let list = members.remove(&l).unwrap_or_default();
                let (leaving, staying): (Vec<usize>, Vec<usize>) =
                    list.into_iter().partition(|&o| key_of[o] == key_of[s] && corpus.claims[seen[o].claim].doc == doc);
                for &o in &leaving {
                    label[o] = next;
                }
                members.insert(next, leaving);
                next += 1;
                if !staying.is_empty() {
                    members.insert(l, staying);
                }
            }
            LinkCorrection::JoinPeople { people } => {
                // Each side is the entity holding most of its claims (the
                // person the user saw, as the linker builds it now).
                let mut chosen: Vec<usize> = Vec::new();
                for side in people {
                    let mut count: Vec<(usize, usize)> = Vec::new();
                    for s in resolve(side) {
                        match count.iter_mut().find(|(l, _)| *l == label[s]) {
                            Some(entry) => entry.1 += 1,
                            None => count.push((label[s], 1)),
                        }
                    }
                    let best = count.iter().fold(None, |best: Option<(usize, usize)>, &(l, n)| match best {
                        Some((_, m)) if m >= n => best,
                        _ => Some((l, n)),
                    });
                    if let Some((l, _)) = best {
                        if !chosen.contains(&l) {
                            chosen.push(l);
                        }
                    }
                }
                let Some((&into, rest)) = chosen.split_first() else { continue };
                for l in rest {
                    let moved = members.remove(l).unwrap_or_default();
                    for &o in &moved {
                        label[o] = into;
                    }
                    members.entry(into).or_default().extend(moved);
                }
            }
            LinkCorrection::Split { .. } | LinkCorrection::Join { .. } => {}
        }
    }
}

/// Each claimant's identity, role signature and office; a name held in
/// different places by one office is told apart by its places.
fn read(corpus: &Corpus) -> Vec<Seen> {
    let bodies = body_acronyms(corpus);
    let mut seen: Vec<Seen> = Vec::new();
    for (i, c) in corpus.claims.iter().enumerate() {
        let doc = &corpus.docs[c.doc];
        let Some(who) = &doc.src.claims[c.claim].claimant else { continue };
        let written = byte_range(&doc.map, &doc.src.text, who.start, who.end).map(|r| &doc.src.text[r]);
        let name = if who.resolved.trim().is_empty() { written.unwrap_or_default() } else { who.resolved.as_str() };
        // An office holder named by their body (`Kepala Bapanas` given as a
        // person `Bapanas` whose role is `Kepala`) is that title, when the
        // name is one word the library knows as a body's.
        let titled = match who.role.as_deref() {
            Some(role) if is_office_phrase(role) && is_body(name, &bodies) => Some(format!("{role} {}", name.trim())),
            _ => None,
        };
        // A claimant whose name is nothing but its role and body (`Juru
        // Bicara Gedung Putih`, a person with role `Juru Bicara`) is that
        // title, as when the extractor called it a body.
        let fold = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
        let role_and_body =
            [who.role.as_deref(), who.affiliation.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
        let only_title = who.role.is_some() && fold(name) == fold(&role_and_body);
        let found = match &titled {
            Some(title) => identify(title, Some("organisation")),
            None if only_title => identify(name, Some("organisation")),
            None => identify(name, who.kind.as_deref()),
        };
        let Some((mut identity, display)) = found else { continue };
        let role_phrase = role_and_body;
        let office = who.role.as_deref().and_then(office_of);
        if identity.shape == Shape::Description {
            // Within one document until the stories join them.
            identity.places = vec![format!("#{}", c.doc)];
        }
        let role = match (who.role.as_deref(), who.affiliation.as_deref()) {
            (Some(r), Some(a)) => Some(format!("{r}, {a}")),
            (Some(r), None) => Some(r.to_owned()),
            (None, Some(a)) => Some(a.to_owned()),
            (None, None) => None,
        };
        seen.push(Seen { claim: i, identity, display, signature: signature(&role_phrase), office, role });
    }
    split_by_place(&mut seen);
    seen
}

/// The one-word names the library's claimants give bodies in parentheses
/// (`Badan Pangan Nasional (Bapanas)`), lower-cased.
fn body_acronyms(corpus: &Corpus) -> HashSet<String> {
    let mut out = HashSet::new();
    for c in &corpus.claims {
        let Some(who) = &corpus.docs[c.doc].src.claims[c.claim].claimant else { continue };
        for phrase in [Some(who.resolved.as_str()), who.affiliation.as_deref()].into_iter().flatten() {
            for part in phrase.split('(').skip(1) {
                let Some((inside, _)) = part.split_once(')') else { continue };
                let inside = inside.trim();
                if !inside.is_empty() && !inside.contains(char::is_whitespace) {
                    out.insert(inside.to_lowercase());
                }
            }
        }
    }
    out
}

/// Whether `name` is one word that names a body: an acronym the library
/// gives a body, or a body's word of the lexicon (`BPBD`).
fn is_body(name: &str, bodies: &HashSet<String>) -> bool {
    let name = name.trim();
    let lower = name.to_lowercase();
    !name.is_empty() && !name.contains(char::is_whitespace) && (bodies.contains(&lower) || is_body_word(&lower))
}

/// One name whose holders serve one office in different places (`Bupati`
/// of Garut, `Bupati` of Sumedang) is two people: each keeps its places in
/// its identity. Claimants of that name with no place stay unplaced.
fn split_by_place(seen: &mut [Seen]) {
    let places = |s: &Seen| -> Vec<String> { s.signature.iter().filter(|w| is_place(w)).cloned().collect() };
    // Per name: its (office, places) as given.
    let mut by_name: HashMap<Vec<String>, BTreeSet<(String, Vec<String>)>> = HashMap::new();
    for s in seen.iter() {
        if s.identity.shape != Shape::Name {
            continue;
        }
        let (Some(office), p) = (&s.office, places(s)) else { continue };
        if !p.is_empty() {
            by_name.entry(s.identity.words.clone()).or_default().insert((office.clone(), p));
        }
    }
    for s in seen.iter_mut() {
        let Some(offices) = by_name.get(&s.identity.words) else { continue };
        let disagree =
            offices.iter().any(|(o, p)| offices.iter().any(|(o2, p2)| o == o2 && !p.iter().any(|w| p2.contains(w))));
        if disagree {
            s.identity.places = places(s);
        }
    }
}

/// A name written with a short form of one of its words (`Frans` for
/// `Fransiskus`, `Agus` for `Agustinus`: one word starts the other, four
/// letters at least, the other words the same) is the same person when the
/// two hold one office with a place or body word in common. The short form
/// alone is too weak a sign (`Budi` and `Budiman` are two names); the
/// office says it is one person written two ways.
fn join_short_forms(keys: &[Identity], members: &[&Vec<usize>], seen: &[Seen], parent: &mut [usize]) {
    /// Names in one bucket at most: more are too common a name to tell.
    const MAX_BUCKET: usize = 8;
    // (the other words, the first four letters of the word that varies) -> (identity, that word).
    type Bucket<'a> = (Vec<&'a str>, &'a str);
    let mut buckets: HashMap<Bucket, Vec<(usize, &str)>> = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        if key.shape != Shape::Name || key.head.is_some() || key.words.len() < 2 {
            continue;
        }
        for (i, w) in key.words.iter().enumerate() {
            let Some(prefix) = w.get(..4) else { continue };
            let rest: Vec<&str> =
                key.words.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, o)| o.as_str()).collect();
            buckets.entry((rest, prefix)).or_default().push((k, w.as_str()));
        }
    }
    // Per identity: its offices and the place or body words of its roles.
    let offices = |k: usize| -> (BTreeSet<&str>, BTreeSet<&str>) {
        let mut out = (BTreeSet::new(), BTreeSet::new());
        for &s in members[k] {
            out.0.extend(seen[s].office.as_deref());
            out.1.extend(seen[s].signature.iter().map(String::as_str).filter(|w| is_qualifier(w)));
        }
        out
    };
    for list in buckets.values().filter(|l| l.len() >= 2 && l.len() <= MAX_BUCKET) {
        for (n, &(a, wa)) in list.iter().enumerate() {
            for &(b, wb) in &list[n + 1..] {
                if wa == wb || !(wa.starts_with(wb) || wb.starts_with(wa)) {
                    continue;
                }
                let ((oa, qa), (ob, qb)) = (offices(a), offices(b));
                if oa.intersection(&ob).next().is_some() && qa.intersection(&qb).next().is_some() {
                    union(parent, a, b);
                }
            }
        }
    }
}

/// `Kirby` joins `John Kirby` when that is the only longer name holding it.
fn join_longer_names(keys: &[Identity], parent: &mut [usize]) {
    // Word -> identities holding it, to find longer forms without comparing all pairs.
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        if key.shape == Shape::Name {
            for w in key.words.iter().filter(|w| w.chars().count() > 1) {
                by_word.entry(w.as_str()).or_default().push(k);
            }
        }
    }
    for (k, key) in keys.iter().enumerate() {
        if key.shape != Shape::Name {
            continue;
        }
        // The rarest word's identities are the only candidates (an initial
        // finds nothing by itself).
        let Some(rarest) = key
            .words
            .iter()
            .filter(|w| w.chars().count() > 1)
            .min_by_key(|w| by_word.get(w.as_str()).map_or(0, Vec::len))
        else {
            continue;
        };
        let longer: Vec<usize> = by_word[rarest.as_str()]
            .iter()
            .copied()
            .filter(|&o| {
                o != k
                    && keys[o].shape == key.shape
                    && keys[o].head == key.head
                    && (key.places.is_empty() || keys[o].places == key.places)
                    && is_subset(&key.words, &keys[o].words)
            })
            .collect();
        if longer.is_empty() {
            continue;
        }
        // All longer forms must be one chain (the longest contains every
        // other) or already one entity (`Frans Lembeh`, `Fransiskus Lembeh`).
        let Some(&longest) = longer.iter().max_by_key(|&&o| (keys[o].words.len(), std::cmp::Reverse(o))) else {
            continue;
        };
        let root = find(parent, longest);
        if longer
            .iter()
            .all(|&o| o == longest || is_subset(&keys[o].words, &keys[longest].words) || find(parent, o) == root)
        {
            union(parent, k, longest);
        }
    }
}

/// A title alone (`Kapolres Sigi`, `Juru Bicara Gedung Putih`) joins the
/// one named entity whose offices include the title's and whose roles and
/// affiliations hold every word of it; with two or more such holders it
/// joins none.
fn join_titles(keys: &[Identity], members: &[&Vec<usize>], seen: &[Seen], parent: &mut [usize]) {
    // Per named root: the words of its roles and affiliations, and its offices.
    let mut holders: BTreeMap<usize, (BTreeSet<&str>, BTreeSet<&str>)> = BTreeMap::new();
    for (k, key) in keys.iter().enumerate() {
        if key.shape != Shape::Name {
            continue;
        }
        let root = find(parent, k);
        let entry = holders.entry(root).or_default();
        for &s in members[k] {
            entry.0.extend(seen[s].signature.iter().map(String::as_str));
            entry.1.extend(seen[s].office.as_deref());
        }
    }
    // (office, qualifier word) -> holders.
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (&root, (words, offices)) in &holders {
        for &office in offices {
            for &w in words.iter().filter(|w| is_qualifier(w)) {
                index.entry((office, w)).or_default().push(root);
            }
        }
    }
    for (k, key) in keys.iter().enumerate() {
        if key.shape != Shape::Title {
            continue;
        }
        let Some(office) = members[k].first().and_then(|&s| office_of(&seen[s].display)) else { continue };
        let buckets = key.words.iter().filter(|w| is_qualifier(w)).map(|w| index.get(&(office.as_str(), w.as_str())));
        let Some(smallest) = buckets.map(|b| b.map_or(&[][..], Vec::as_slice)).min_by_key(|b| b.len()) else {
            continue;
        };
        let fits: BTreeSet<usize> =
            smallest.iter().copied().filter(|r| key.words.iter().all(|w| holders[r].0.contains(w.as_str()))).collect();
        if fits.len() == 1 {
            let root = *fits.iter().next().unwrap_or(&k);
            union(parent, k, root);
        }
    }
}

/// A description (`majelis hakim`, `jaksa`) is one entity across documents
/// that share a claim group: the same story's court, not any court. A title
/// opening with the description's word (`jaksa penuntut umum dari Kejaksaan
/// Negeri X`) joins it when it is the story's only such title.
fn join_descriptions(
    corpus: &Corpus,
    keys: &[Identity],
    members: &[&Vec<usize>],
    seen: &[Seen],
    stories: &[Vec<usize>],
    parent: &mut [usize],
) {
    // Per document: (word, identity, is a title).
    let mut of_doc: HashMap<usize, Vec<(String, usize, bool)>> = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        let word = match key.shape {
            Shape::Description => key.words.first().cloned(),
            Shape::Title => {
                members[k].first().and_then(|&s| seen[s].display.split_whitespace().next()).map(str::to_lowercase)
            }
            Shape::Name => None,
        };
        let Some(word) = word else { continue };
        let mut docs: Vec<usize> = members[k].iter().map(|&s| corpus.claims[seen[s].claim].doc).collect();
        docs.dedup();
        for doc in docs {
            of_doc.entry(doc).or_default().push((word.clone(), k, key.shape == Shape::Title));
        }
    }
    for list in stories {
        let mut docs: Vec<usize> = list.iter().map(|&c| corpus.claims[c].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        // Per word: the story's descriptions and titles.
        let mut found: BTreeMap<&str, (Vec<usize>, BTreeSet<usize>)> = BTreeMap::new();
        for doc in docs {
            for (word, k, title) in of_doc.get(&doc).map_or(&[][..], Vec::as_slice) {
                let entry = found.entry(word.as_str()).or_default();
                if *title {
                    entry.1.insert(*k);
                } else {
                    entry.0.push(*k);
                }
            }
        }
        for (descriptions, titles) in found.values() {
            let Some(&first) = descriptions.first() else { continue };
            for &k in &descriptions[1..] {
                union(parent, first, k);
            }
            if titles.len() == 1 {
                union(parent, first, *titles.iter().next().unwrap_or(&first));
            }
        }
    }
}

/// Whether every word of `small` is in `big` (a shorter name): an initial
/// (`A` of `A. Rizal`) stands for any word it starts.
fn is_subset(small: &[String], big: &[String]) -> bool {
    small.len() < big.len()
        && small.iter().all(|w| {
            big.binary_search(w).is_ok()
                || (w.chars().count() == 1 && big.iter().any(|b| b.len() > 1 && b.starts_with(w.as_str())))
        })
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The smaller index is the root: the result does not depend on the order of unions.
        parent[ra.max(rb)] = ra.min(rb);
    }
}
