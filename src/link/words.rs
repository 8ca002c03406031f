//! Each claim read once into what linking compares: its terms (stemmed
//! content words and names, without its attribution), its quantities and
//! its claimant. Terms are interned to numbers and weighed by how rare they
//! are among the library's claims.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::numbers::{self, Value};
use super::stem::stem;
use super::tense;
use super::{byte_range, LinkDocument};
use super::{paraphrase, roles};
use crate::extract::lexicon::{cat, Cat};
use crate::model::Modality;
use crate::offsets::OffsetMap;

/// The documents in a fixed order (by id, then text), so that nothing
/// downstream depends on the order they were given in.
pub struct Corpus<'a> {
    pub docs: Vec<Doc<'a>>,
    pub claims: Vec<ClaimInfo>,
    /// Per term: how it reads (the first surface form seen) and in how many
    /// claims it occurs.
    pub terms: Vec<Term>,
    /// Per term: its key (`kirim`, `~kirim`, `#count:kontainer`).
    keys: Vec<String>,
    /// What [`Corpus::weight`] reads: the claims counted and, per term, the
    /// claims it occurs in (the library's own, or frozen [`Weights`]).
    counted: f32,
    df: Vec<u32>,
}

/// Term weights frozen for a while (an epoch of a kept library,
/// `library.rs`): the claims counted and each term's claims when they were
/// taken. A library that changes a little keeps them, so the scores of pairs
/// its change does not touch stay the same and their clusters can be kept; a
/// term they do not know counts as the library counts it now.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Weights {
    claims: usize,
    df: HashMap<String, u32>,
}

impl Weights {
    /// The weights of `corpus` as it reads now.
    pub fn of(corpus: &Corpus) -> Weights {
        let df = corpus.keys.iter().zip(&corpus.terms).map(|(k, t)| (k.clone(), t.claims)).collect();
        Weights { claims: corpus.claims.len(), df }
    }

    /// How many claims they were taken from.
    pub fn claims(&self) -> usize {
        self.claims
    }
}

/// Claims assumed beside the library's when weighing terms.
const PRIOR: f32 = 20.0;

pub struct Doc<'a> {
    pub src: &'a LinkDocument,
    pub map: OffsetMap,
}

pub struct Term {
    pub surface: String,
    pub claims: u32,
    pub kind: Kind,
    /// A word stem whose word also gives a paraphrase family: the family
    /// term stands for it when counting what a pair shares, so that one
    /// shared word does not count twice.
    pub in_family: bool,
}

/// What a term is, which sets how much sharing it says beside its rarity
/// ([`Corpus::weight`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A capitalised word or acronym: who or where, not what happened.
    Name,
    /// The stem of a common word.
    Word,
    /// A paraphrase family (`~kirim` for `mengirim`, `memasok`, `mentransfer`).
    Family,
    /// The counted thing of a quantity (`#count:kontainer`), whatever its number.
    Thing,
    /// What a measure, a sum of money or a count of people is of (`#time-d`,
    /// `#rp`, `#people`): a weaker sign, as many claims carry one.
    Measure,
    /// A counted thing with its amount to two significant digits.
    Value,
}

impl Kind {
    /// How much a shared term of this kind says, beside its rarity. Names
    /// say who the claim is about, not what it states (the guidelines:
    /// same subject AND same predicate), so they count for less; a shared
    /// counted thing is strong evidence even when the numbers differ.
    /// Chosen on the seeds and dev sets (tests/links).
    pub fn factor(self) -> f32 {
        match self {
            Kind::Name => NAME_FACTOR,
            Kind::Word | Kind::Family => 1.0,
            Kind::Thing => THING_FACTOR,
            Kind::Measure => MEASURE_FACTOR,
            Kind::Value => VALUE_FACTOR,
        }
    }
}

const NAME_FACTOR: f32 = 0.6;
const THING_FACTOR: f32 = 1.5;
const MEASURE_FACTOR: f32 = 0.7;
const VALUE_FACTOR: f32 = 1.5;

pub struct ClaimInfo {
    pub doc: usize,
    /// Index into the document's `claims`.
    pub claim: usize,
    pub bytes: Range<usize>,
    /// Sorted, without repeats.
    pub terms: Vec<u32>,
    pub modality: Modality,
    pub values: Vec<Value>,
    /// Its directed predicates: who gives to whom (`roles.rs`).
    pub roles: Vec<roles::Role>,
}

impl<'a> Corpus<'a> {
    pub fn read(documents: &'a [LinkDocument]) -> Corpus<'a> {
        Corpus::read_with(documents, None)
    }

    /// [`Corpus::read`], weighing terms by `frozen` when given.
    pub fn read_with(documents: &'a [LinkDocument], frozen: Option<&Weights>) -> Corpus<'a> {
        let mut order: Vec<&LinkDocument> = documents.iter().collect();
        order.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.text.cmp(&b.text)));
        let docs: Vec<Doc> = order.into_iter().map(|src| Doc { map: OffsetMap::new(&src.text), src }).collect();
        let lower_words = lower_initial_words(&docs);
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut term_keys: Vec<String> = Vec::new();
        let mut claims = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let text = doc.src.text.as_str();
            for (c, claim) in doc.src.claims.iter().enumerate() {
                if claim.status.as_deref() == Some("rejected") {
                    continue;
                }
                let Some(bytes) = byte_range(&doc.map, text, claim.start, claim.end) else { continue };
                // Attribution is left out (outlets quote different people for
                // one claim), except in a denial: who denies is the subject of
                // the claim denied (`PT X membantah mencemari sungai`).
                let denied = claim.modality == Some(Modality::Denied);
                let skip = claim
                    .claimant
                    .as_ref()
                    .filter(|_| !denied)
                    .and_then(|w| byte_range(&doc.map, text, w.start, w.end));
                let mut set = Vec::new();
                let mut roles = roles::Reader::default();
                let mut tense = tense::Reader::default();
                let mut previous = String::new();
                for (word, capital, at) in claim_words(text, bytes.clone()) {
                    if skip.as_ref().is_some_and(|s| s.start <= at && at < s.end) {
                        continue;
                    }
                    let lower = word.to_lowercase();
                    let phrase = paraphrase::phrase(&previous, &lower);
                    if let Some(family) = phrase {
                        set.push(intern(
                            &mut ids,
                            &mut terms,
                            &mut term_keys,
                            &format!("~{family}"),
                            family,
                            Kind::Family,
                        ));
                    }
                    let mut keys = keys(word, capital, &lower_words);
                    if phrase.is_some() {
                        // The phrase's family replaces the word's own (`belum
                        // ditemukan` is missing, not found).
                        keys.retain(|(_, kind)| *kind != Kind::Family);
                    }
                    let name = keys.iter().rev().find(|(_, k)| *k == Kind::Name).map(|(key, _)| key.as_str());
                    let family =
                        keys.iter().find(|(_, k)| *k == Kind::Family).and_then(|(key, _)| paraphrase::head(&key[1..]));
                    roles.word(&lower, name, family);
                    tense.word(&lower);
                    previous = lower;
                    for (key, kind) in keys {
                        let surface = if kind == Kind::Family { &key[1..] } else { word };
                        let id = intern(&mut ids, &mut terms, &mut term_keys, &key, surface, kind);
                        terms[id as usize].in_family |= kind == Kind::Word && family.is_some();
                        set.push(id);
                    }
                }
                let time = tense.finish();
                let roles = roles.finish();
                // A directed frame with its time (`@kirim>rusia/earlier`):
                // the same verb towards the same receiver at the same time
                // is likelier one event told in other words, while the same
                // frame planned, or a year earlier, is another event
                // (guidelines, section 1).
                for r in &roles {
                    let key = format!("@{}>{}/{}", r.family, r.receiver.as_deref().unwrap_or(""), time.key());
                    set.push(intern(&mut ids, &mut terms, &mut term_keys, &key, r.family, Kind::Family));
                }
                let values = numbers::values(doc, claim, bytes.clone());
                for v in &values {
                    let q = &claim.quantities[v.index];
                    let shown = byte_range(&doc.map, text, q.start, q.end).map_or(v.unit.as_str(), |r| &text[r]);
                    let thing = match &v.context {
                        Some(context) => format!("#{}:{context}", v.thing),
                        None => format!("#{}", v.thing),
                    };
                    let kind = if v.thing.starts_with("count:") { Kind::Thing } else { Kind::Measure };
                    set.push(intern(&mut ids, &mut terms, &mut term_keys, &thing, &v.unit, kind));
                    if v.base != 0.0 && v.base.is_finite() {
                        let key = format!("={thing}:{}", two_digits(v.base));
                        set.push(intern(&mut ids, &mut terms, &mut term_keys, &key, shown, Kind::Value));
                    }
                }
                set.sort_unstable();
                set.dedup();
                for &t in &set {
                    terms[t as usize].claims += 1;
                }
                claims.push(ClaimInfo {
                    doc: d,
                    claim: c,
                    bytes,
                    terms: set,
                    modality: claim.modality.unwrap_or(Modality::Asserted),
                    values,
                    roles,
                });
            }
        }
        let (counted, df) = match frozen {
            Some(w) => (
                w.claims as f32,
                term_keys.iter().zip(&terms).map(|(k, t)| w.df.get(k).copied().unwrap_or(t.claims)).collect(),
            ),
            None => (claims.len() as f32, terms.iter().map(|t| t.claims).collect()),
        };
        Corpus { docs, claims, terms, keys: term_keys, counted, df }
    }

    /// Term `t`'s key (`kirim`, `~kirim`, `#count:kontainer`).
    pub fn key(&self, t: u32) -> &str {
        &self.keys[t as usize]
    }

    /// How much sharing term `t` says: rare terms say more. The prior
    /// counts [`PRIOR`] claims that hold no term, so that in a library of
    /// two articles a shared word still says something.
    pub fn weight(&self, t: u32) -> f32 {
        let df = self.df[t as usize].max(1) as f32;
        ((self.counted + PRIOR) / df).ln().max(0.0) * self.terms[t as usize].kind.factor()
    }
}

/// The id of term `key`, added on first sight.
fn intern(
    ids: &mut HashMap<String, u32>,
    terms: &mut Vec<Term>,
    keys: &mut Vec<String>,
    key: &str,
    surface: &str,
    kind: Kind,
) -> u32 {
    if let Some(&id) = ids.get(key) {
        return id;
    }
    let id = terms.len() as u32;
    terms.push(Term { surface: surface.to_owned(), claims: 0, kind, in_family: false });
    keys.push(key.to_owned());
    ids.insert(key.to_owned(), id);
    id
}

/// `x` rounded to two significant digits, printed: `3.512` and `3.500` both
/// give `3500`, so values that agree by rounding mostly share the key.
fn two_digits(x: f64) -> String {
    let magnitude = x.abs().log10().floor() as i32;
    let scale = 10f64.powi(1 - magnitude);
    format!("{}", (x * scale).round() / scale)
}

/// The words of `text[range]`: `(word, capitalised and not sentence-initial
/// common word, byte offset)`. Numbers are left out: quantities carry them.
fn claim_words(text: &str, range: Range<usize>) -> impl Iterator<Item = (&str, bool, usize)> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    let mut first = true;
    for (at, word) in split_words(slice) {
        let starts_sentence = first;
        first = false;
        if word.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        out.push((word, capital && !starts_sentence, range.start + at, starts_sentence && capital));
    }
    out.into_iter().map(|(w, cap, at, _)| (w, cap, at))
}

/// Words with their byte offsets: letters and digits, joined by `-`, `.` or
/// `'` between two of them (`diam-diam`, `KONTAN.CO.ID`, `6.700`).
pub fn split_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let joins = matches!(ch, '-' | '.' | '\'' | ',')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric())
            && (ch != ',' || text[..i].chars().next_back().is_some_and(|p| p.is_ascii_digit()));
        if ch.is_alphanumeric() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Lower-case words seen anywhere in the library: a capitalised word that
/// opens a sentence is a common word when it also occurs in lower case.
fn lower_initial_words(docs: &[Doc]) -> HashSet<String> {
    let mut set = HashSet::new();
    for doc in docs {
        for (_, w) in split_words(&doc.src.text) {
            if w.chars().next().is_some_and(char::is_lowercase) {
                set.insert(w.to_owned());
            }
        }
    }
    set
}

/// The matching keys of one word: none for a function word, the stem of a
/// common word, the lower-case form of a name (aliases for the names of a
/// few states, which news write several ways).
fn keys(word: &str, capital: bool, lower_words: &HashSet<String>) -> Vec<(String, Kind)> {
    let lower = word.to_lowercase();
    let lower = lower.strip_suffix("-nya").unwrap_or(&lower);
    let name = capital || (word.chars().next().is_some_and(char::is_uppercase) && !lower_words.contains(lower));
    keys_as(word, name)
}

/// [`keys`] of a word read as a name (`name`) or as a common word.
fn keys_as(word: &str, name: bool) -> Vec<(String, Kind)> {
    let lower = word.to_lowercase();
    let lower = lower.strip_suffix("-nya").unwrap_or(&lower).to_owned();
    if is_stopword(&lower) {
        return Vec::new();
    }
    if name || word.len() > 1 && word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
        if let Some(alias) = STATE_ALIASES.iter().find(|(w, _)| *w == lower) {
            return alias.1.iter().map(|s| ((*s).to_owned(), Kind::Name)).collect();
        }
        if lower.len() < 2 {
            return Vec::new();
        }
        return vec![(lower, Kind::Name)];
    }
    if lower.len() < 3 {
        return Vec::new();
    }
    let stemmed = stem(&lower);
    let family = paraphrase::family(&lower, &stemmed).map(|f| (format!("~{f}"), Kind::Family));
    std::iter::once((stemmed, Kind::Word)).chain(family).collect()
}

/// Every key word `word` (after the lower-case word `previous`) may have
/// been given in a claim, read as a name and as a common word, with the
/// family of the phrase the two words make replacing the word's own, as
/// [`Corpus::read`] does: a caller keeps those its claim holds
/// ([`Corpus::key`]) to know which word a term came from.
pub fn word_keys(previous: &str, word: &str) -> Vec<(String, Kind)> {
    let lower = word.to_lowercase();
    let phrase = paraphrase::phrase(previous, &lower);
    let mut out: Vec<(String, Kind)> = phrase.map(|f| (format!("~{f}"), Kind::Family)).into_iter().collect();
    for name in [false, true] {
        for (key, kind) in keys_as(word, name) {
            let replaced = phrase.is_some() && kind == Kind::Family;
            if !replaced && !out.iter().any(|(k, _)| *k == key) {
                out.push((key, kind));
            }
        }
    }
    out
}

/// Words that say nothing about what a claim states: function words,
/// reporting verbs, hedges, pronouns, days and months (dates are compared
/// as quantities, not as words).
pub fn is_stopword(lower: &str) -> bool {
    const SKIP: Cat = Cat::CUE_PRE;
    let c = cat(lower);
    if [
        SKIP,
        Cat::CUE_POST,
        Cat::SOURCE,
        Cat::AUX,
        Cat::NEG,
        Cat::HEDGE,
        Cat::DENY,
        Cat::STOP,
        Cat::PRONOUN,
        Cat::DEMONSTRATIVE,
        Cat::BOUNDARY,
        Cat::VAGUE,
        Cat::QUALIFIER,
        Cat::DAY,
        Cat::MONTH,
        Cat::NUMBER,
    ]
    .iter()
    .any(|&k| c.has(k))
    {
        return true;
    }
    // `ribu`, `juta`: a scale is part of a value (guidelines, section 2), and
    // values are compared as quantities, not as words.
    if crate::extract::lexicon::multiplier(lower).is_some() {
        return true;
    }
    STOPWORDS.binary_search(&lower).is_ok()
}

// Own lists, written for this module (MIT, like the crate).

/// Function words and very common verbs and adverbs of news prose not in the
/// extractor's lexicon. Sorted (binary search).
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "ada", "adalah", "agar", "akan", "akhir", "amat", "anda", "antara", "apa", "apakah", "atas", "bagai",
    "bagaimana", "baik", "banyak", "baru", "begitu", "belum", "berada", "berbagai", "berhasil", "berikut", "besar",
    "bisa", "boleh", "bukan", "cukup", "dapat", "dari", "daripada", "dengan", "dua", "hal", "hanya", "harus",
    "ialah", "ikut", "ini", "itu", "jadi", "juga", "jumlah", "kalangan", "kali", "kata", "ke", "kemudian", "kepada",
    "kini", "kita", "lagi", "lain", "lainnya", "lalu", "lama", "lebih", "masih", "masing", "maupun",
    "melakukan", "memang", "mereka", "merupakan", "misalnya", "mulai", "mungkin", "nanti", "oleh", "pada",
    "pernah", "pihak", "pula", "pun", "saja", "salah", "sama", "sangat", "satu", "sebanyak", "sebelumnya", "sebuah",
    "secara", "sedang", "sekarang", "sekitar", "selain", "semakin", "sendiri", "seorang", "seperti", "sesuai",
    "setiap", "sudah", "tahun", "telah", "tengah", "terakhir", "terdapat", "terus", "tetap", "tidak", "total", "turut",
    "ujar", "waktu", "yaitu", "yakni", "yang",
];

/// A state written as its acronym, its capital or a short form stands for
/// the state (guidelines, section 3): `AS`, `Amerika`, `Washington`.
/// General knowledge, written for this module.
const STATE_ALIASES: &[(&str, &[&str])] = &[
    ("as", &["amerika"]),
    ("us", &["amerika"]),
    ("usa", &["amerika"]),
    ("washington", &["amerika"]),
    ("korut", &["korea", "utara"]),
    ("dprk", &["korea", "utara"]),
    ("pyongyang", &["korea", "utara"]),
    ("korsel", &["korea", "selatan"]),
    ("seoul", &["korea", "selatan"]),
    ("moskow", &["rusia"]),
    ("moscow", &["rusia"]),
    ("kremlin", &["rusia"]),
    ("tiongkok", &["china"]),
    ("beijing", &["china"]),
    ("kyiv", &["ukraina"]),
    ("kiev", &["ukraina"]),
    ("ri", &["indonesia"]),
];

#[cfg(test)]
mod tests {
    #[test]
    fn stopwords_are_sorted() {
        assert!(super::STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_keep_their_joiners() {
        let words: Vec<&str> =
            super::split_words("Rp 1,2 triliun, diam-diam KONTAN.CO.ID.").into_iter().map(|(_, w)| w).collect();
        assert_eq!(words, ["Rp", "1,2", "triliun", "diam-diam", "KONTAN.CO.ID"]);
    }
}
