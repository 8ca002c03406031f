//! Claimants across documents: `Kirby`, `John Kirby` and `Juru Bicara ...
//! John Kirby` are one person; `AS`, `Amerika` and `Amerika Serikat` one
//! state; `Departemen Luar Negeri AS` is another body (guidelines, section 3).
//!
//! Each claimant's resolved name becomes an identity: a personal or proper
//! name (the trailing capitalised words no word list knows) as a set of
//! words, or a description (`majelis hakim`) as one exact key. Two names are
//! one entity when they are equal, or when one's words are a subset of the
//! other's and no second, incompatible longer name claims them (`Santoso`
//! in `Eko Wahyudi Santoso` and `Kevin Santoso Halim` links to neither).

use std::collections::{BTreeMap, HashMap};

use super::words::{split_words, Corpus};
use super::{byte_range, ClaimRef, Mention, Person};
use crate::extract::lexicon::{cat, Cat};

pub struct People {
    /// The entity of each claim (index into `Corpus::claims`), if any.
    pub of_claim: Vec<Option<usize>>,
    entities: Vec<Entity>,
}

struct Entity {
    name: String,
    /// `(claim, claimant byte range)` in corpus order.
    claims: Vec<usize>,
    docs: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Identity {
    /// The organisation head word that starts the name (`departemen`), if
    /// any: a body is never the same as a name without its head.
    head: Option<String>,
    /// Sorted words; for a description, the whole description as one word.
    words: Vec<String>,
    exact: bool,
}

pub fn people(corpus: &Corpus) -> People {
    // Distinct identities, each with the claims and the longest display form.
    let mut ids: BTreeMap<Identity, (Vec<usize>, String)> = BTreeMap::new();
    for (i, c) in corpus.claims.iter().enumerate() {
        let doc = &corpus.docs[c.doc];
        let Some(who) = &doc.src.claims[c.claim].claimant else { continue };
        let written = byte_range(&doc.map, &doc.src.text, who.start, who.end).map(|r| &doc.src.text[r]);
        let name = if who.resolved.trim().is_empty() { written.unwrap_or_default() } else { who.resolved.as_str() };
        let Some((identity, display)) = identify(name) else { continue };
        let entry = ids.entry(identity).or_insert_with(|| (Vec::new(), String::new()));
        entry.0.push(i);
        if display.len() > entry.1.len() || (display.len() == entry.1.len() && display < entry.1) {
            entry.1 = display;
        }
    }
    let keys: Vec<Identity> = ids.keys().cloned().collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    // Word -> identities holding it, to find longer forms without comparing all pairs.
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        if !key.exact {
            for w in &key.words {
                by_word.entry(w.as_str()).or_default().push(k);
            }
        }
    }
    for (k, key) in keys.iter().enumerate() {
        if key.exact || key.words.is_empty() {
            continue;
        }
        // The rarest word's identities are the only candidates.
        let Some(rarest) = key.words.iter().min_by_key(|w| by_word.get(w.as_str()).map_or(0, Vec::len)) else {
            continue;
        };
        let longer: Vec<usize> = by_word[rarest.as_str()]
            .iter()
            .copied()
            .filter(|&o| o != k && keys[o].head == key.head && is_subset(&key.words, &keys[o].words))
            .collect();
        if longer.is_empty() {
            continue;
        }
        // All longer forms must be one chain: the longest contains every other.
        let Some(&longest) = longer.iter().max_by_key(|&&o| (keys[o].words.len(), std::cmp::Reverse(o))) else {
            continue;
        };
        if longer.iter().all(|&o| o == longest || is_subset(&keys[o].words, &keys[longest].words)) {
            union(&mut parent, k, longest);
        }
    }
    let mut entity_of_root: BTreeMap<usize, usize> = BTreeMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut of_claim = vec![None; corpus.claims.len()];
    for (k, (claims, display)) in ids.values().enumerate() {
        let root = find(&mut parent, k);
        let e = *entity_of_root.entry(root).or_insert_with(|| {
            entities.push(Entity { name: String::new(), claims: Vec::new(), docs: 0 });
            entities.len() - 1
        });
        let entity = &mut entities[e];
        let (wa, wb) = (display.split_whitespace().count(), entity.name.split_whitespace().count());
        if (wa, display.len()) > (wb, entity.name.len()) {
            entity.name = display.clone();
        }
        for &c in claims {
            entity.claims.push(c);
            of_claim[c] = Some(e);
        }
    }
    for entity in &mut entities {
        entity.claims.sort_unstable();
        let mut docs: Vec<usize> = entity.claims.iter().map(|&c| corpus.claims[c].doc).collect();
        docs.dedup();
        entity.docs = docs.len();
    }
    People { of_claim, entities }
}

impl People {
    /// The entity of a claim when that entity speaks in two documents or more.
    pub fn shared(&self, claim: usize) -> Option<usize> {
        self.of_claim[claim].filter(|&e| self.entities[e].docs >= 2)
    }

    /// The entities that are claimants in two documents or more.
    pub fn render(&self, corpus: &Corpus) -> Vec<Person> {
        let mut out: Vec<&Entity> = self.entities.iter().filter(|e| e.docs >= 2).collect();
        out.sort_by(|a, b| b.docs.cmp(&a.docs).then(b.claims.len().cmp(&a.claims.len())).then(a.name.cmp(&b.name)));
        out.into_iter()
            .enumerate()
            .map(|(n, e)| Person {
                id: format!("p{}", n + 1),
                name: e.name.clone(),
                mentions: e
                    .claims
                    .iter()
                    .filter_map(|&c| {
                        let info = &corpus.claims[c];
                        let doc = &corpus.docs[info.doc];
                        let who = doc.src.claims[info.claim].claimant.as_ref()?;
                        let r = byte_range(&doc.map, &doc.src.text, who.start, who.end)?;
                        Some(Mention {
                            doc: doc.src.id.clone(),
                            start: who.start,
                            end: who.end,
                            text: doc.src.text[r].to_owned(),
                        })
                    })
                    .collect(),
                claims: e.claims.iter().map(|&c| claim_ref(corpus, c)).collect(),
            })
            .collect()
    }
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

/// The identity of a claimant name and the form to show, or `None` for a
/// source that is never linked: unnamed or generic (`Seorang pejabat AS`,
/// `Sumber-sumber`, `mereka`) or composite (`Korea Utara dan Rusia`).
fn identify(name: &str) -> Option<(Identity, String)> {
    let words: Vec<&str> = split_words(name).into_iter().map(|(_, w)| w).collect();
    let first = words.first()?.to_lowercase();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if GENERIC.contains(&first.as_str())
        || first.starts_with("sumber")
        || lower.iter().any(|w| w == "dan" || w == "serta" || w == "kedua")
        || (words.len() == 1 && cat(&first).has(Cat::PRONOUN))
    {
        return None;
    }
    if words[0].chars().next().is_some_and(char::is_lowercase) {
        // A description: only the same description links.
        let key = lower.join(" ");
        return Some((Identity { head: None, words: vec![key], exact: true }, words.join(" ")));
    }
    // A personal or proper name: the trailing capitalised words no list knows.
    let tail = words
        .iter()
        .rev()
        .take_while(|w| {
            let l = w.to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase) && !is_title_word(&l) && alias(&l).is_none()
        })
        .count();
    if tail > 0 {
        let shown = &words[words.len() - tail..];
        let mut key: Vec<String> = shown.iter().map(|w| w.to_lowercase()).collect();
        key.sort();
        key.dedup();
        return Some((Identity { head: None, words: key, exact: false }, shown.join(" ")));
    }
    // A body or a state: its capitalised words, state aliases folded.
    let head = ORG_HEADS.contains(&first.as_str()).then(|| first.clone());
    let mut key: Vec<String> = Vec::new();
    for (w, l) in words.iter().zip(&lower) {
        if !w.chars().next().is_some_and(char::is_uppercase) || DROP.contains(&l.as_str()) {
            continue;
        }
        match alias(l) {
            Some(a) => key.push(a.to_owned()),
            None => key.push(l.clone()),
        }
    }
    key.sort();
    key.dedup();
    if key.is_empty() {
        return None;
    }
    Some((Identity { head, words: key, exact: false }, words.join(" ")))
}

/// A word of a title or a body's name rather than of a personal name
/// (given names and place words may be both: `Lalu`, `Jakarta`).
fn is_title_word(lower: &str) -> bool {
    let c = cat(lower);
    [Cat::ROLE, Cat::RANK, Cat::ORG, Cat::ORG_TAIL, Cat::JURIS, Cat::PORTFOLIO, Cat::OUTLET, Cat::PRONOUN]
        .iter()
        .any(|&k| c.has(k))
}

fn alias(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "as" | "us" | "usa" | "amerika" | "washington" => "amerika",
        "serikat" => "amerika",
        "korut" | "dprk" | "pyongyang" => "korea-utara",
        "korsel" | "seoul" => "korea-selatan",
        "moskow" | "moscow" | "kremlin" => "rusia",
        "tiongkok" | "beijing" => "china",
        "ri" => "indonesia",
        _ => return None,
    })
}

/// First words of a source that is not identified.
const GENERIC: &[&str] = &[
    "seorang",
    "sejumlah",
    "beberapa",
    "para",
    "banyak",
    "sebagian",
    "pejabat",
    "warga",
    "mereka",
    "kami",
    "pihak",
    "netizen",
    "warganet",
    "media",
    "laporan",
    "laporan-laporan",
];

/// Words that start the name of a body that is not the state or company it
/// belongs to (`Departemen Luar Negeri AS` is not `AS`).
const ORG_HEADS: &[&str] = &[
    "departemen",
    "kementerian",
    "badan",
    "dinas",
    "kantor",
    "lembaga",
    "komisi",
    "pengadilan",
    "kejaksaan",
    "gedung",
    "kepolisian",
    "polda",
    "polres",
    "pemerintah",
    "pemkab",
    "pemkot",
    "pemprov",
    "direktorat",
    "biro",
    "otoritas",
    "tim",
    "satgas",
    "dewan",
    "majelis",
    "istana",
    "militer",
    "angkatan",
    "tentara",
    "pasukan",
    "kedutaan",
    "kongres",
    "parlemen",
    "mahkamah",
    "menteri",
    "juru",
    "presiden",
    "perdana",
];

/// Words that do not tell bodies apart: `PT Jasa Raharja` is `Jasa Raharja`.
const DROP: &[&str] = &["pt", "tbk", "persero", "cv", "kabupaten", "kota", "provinsi", "manajemen"];

fn is_subset(small: &[String], big: &[String]) -> bool {
    small.len() < big.len() && small.iter().all(|w| big.binary_search(w).is_ok())
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

#[cfg(test)]
mod tests {
    use super::identify;

    fn key(name: &str) -> Option<Vec<String>> {
        identify(name).map(|(i, _)| i.words)
    }

    #[test]
    fn identities() {
        assert_eq!(key("John Kirby"), Some(vec!["john".into(), "kirby".into()]));
        assert_eq!(key("Juru Bicara Dewan Keamanan Nasional AS John Kirby"), key("John Kirby"));
        assert_eq!(key("PT Jasa Raharja"), key("Jasa Raharja"));
        assert_eq!(key("AS"), key("Amerika"));
        assert_eq!(key("Seorang pejabat AS"), None);
        assert_eq!(key("Korea Utara dan Rusia"), None);
        assert_eq!(key("Sumber-sumber"), None);
        assert_ne!(key("Departemen Luar Negeri AS"), key("AS"));
    }
}
