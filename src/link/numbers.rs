//! Quantities made comparable: each value gets the counted thing it belongs
//! to and its amount in that thing's base unit, and two values agree when
//! they are equal or one is the other rounded (guidelines, section 2).

use std::ops::Range;

use super::paraphrase;
use super::stem::stem;
use super::words::{is_stopword, split_words, Doc};
use super::{byte_range, LinkClaim};
use crate::extract::lexicon::{cat, Cat};

/// One quantity of a claim.
#[derive(Clone, Debug)]
pub struct Value {
    /// Index into the claim's `quantities`.
    pub index: usize,
    /// What is counted: `people`, `time-m`, `rupiah`, `count:kontainer`.
    pub thing: String,
    /// A more specific noun inside `thing` (`penumpang` among people), or
    /// `None` for a generic one (`orang`).
    pub noun: Option<String>,
    /// The word after the number that says what a duration is of
    /// (`penjara` in `11 tahun penjara`), when there is one.
    pub context: Option<String>,
    /// The claim's words near the number, as matching keys (stems, lower
    /// case), each with how near it is: 1 next to the number, halving every
    /// [`HALF_WORDS`] words and at each other quantity in between. The
    /// claimant's words are left out (attribution differs between outlets).
    pub near: Vec<(String, f32)>,
    /// The amount in the thing's base unit.
    pub base: f64,
    /// The unit as written, and how many base units one of it is.
    pub unit: String,
    pub factor: f64,
    /// What happened to the people (or things) counted, when a word of one
    /// outcome stands close to the number (`36 penumpang selamat`, `5 orang
    /// meninggal`): the family of that word ([`OUTCOMES`]).
    pub outcome: Option<&'static str>,
}

/// The near word every negation becomes.
pub const NEGATION: &str = "~tidak";

/// Words that introduce a number without saying what it counts
/// (`sebanyak 198 orang`, `bertambah menjadi lima orang`). Written for
/// this module.
const INTRODUCERS: &[&str] = &["sebanyak", "sebesar", "senilai", "menjadi", "berjumlah", "tercatat", "total"];

/// Outcomes of the people counted in news of accidents, disasters and
/// crimes, as classes of paraphrase families (`paraphrase.rs`): counts of
/// two classes are two counted things (guidelines, section 2: a toll and
/// the number missing are two). Evacuated and rescued are one class
/// (`dievakuasi` is said of the rescued and of the displaced), and so are
/// the injured and those in hospital. Written for this module.
const OUTCOMES: &[&[&str]] =
    &[&["tewas"], &["hilang"], &["selamat", "ungsi"], &["luka", "rawat"], &["pulang"], &["tangkap"]];
/// The paraphrase families of outcome class `head` (a [`Value::outcome`]).
pub fn outcome_families(head: &str) -> &'static [&'static str] {
    OUTCOMES.iter().find(|c| c[0] == head).copied().unwrap_or(&[])
}

/// How near an outcome word must stand to say what its number counts: about
/// five words away, or next to it with another number in between.
const OUTCOME_NEAR: f32 = 0.5;

/// Nearness halves every this many words: a number's own clause weighs most.
const HALF_WORDS: f32 = 4.0;
/// Words weighing less than this are not near.
const FAR: f32 = 0.08;

/// The comparable values of `claim`, whose text is `doc.text[bytes]`.
pub fn values(doc: &Doc, claim: &LinkClaim, bytes: Range<usize>) -> Vec<Value> {
    let text = doc.src.text.as_str();
    let spans: Vec<Range<usize>> = claim
        .quantities
        .iter()
        .filter_map(|q| byte_range(&doc.map, text, q.start, q.end))
        .filter(|r| r.start >= bytes.start && r.end <= bytes.end)
        .collect();
    let skip = claim.claimant.as_ref().and_then(|w| byte_range(&doc.map, text, w.start, w.end));
    let (words, span_at) = context_words(text, bytes.clone(), &spans, skip);
    let mut out = Vec::new();
    for (index, q) in claim.quantities.iter().enumerate() {
        let Some(span) = byte_range(&doc.map, text, q.start, q.end) else { continue };
        if span.start < bytes.start || span.end > bytes.end || !q.value.is_finite() {
            continue;
        }
        let after = next_word(&text[span.end..bytes.end]);
        let unit = q.unit.to_lowercase();
        let (thing, noun, factor, unit) = match classify(&unit) {
            Some(Class::Measure(thing, factor)) => (thing.to_owned(), None, factor, unit),
            Some(Class::Money) => (unit.clone(), None, 1.0, unit),
            Some(Class::People { generic: false }) => ("people".to_owned(), Some(unit.clone()), 1.0, unit),
            // `jumlah penumpang di kapal lebih dari 300 orang`: a generic
            // noun counts the people a specific noun just before named.
            Some(Class::People { generic: true }) => {
                ("people".to_owned(), people_noun_before(&text[bytes.start..span.start]), 1.0, unit)
            }
            Some(Class::Piece) => match &after {
                // `47 unit kendaraan`: the noun after the measure word is counted.
                Some(noun) => (format!("count:{noun}"), None, 1.0, noun.clone()),
                None => (format!("count:{unit}"), None, 1.0, unit),
            },
            None => (format!("count:{unit}"), None, 1.0, unit),
        };
        // `Rp 6.500 per kilogram` is a rate: it counts rupiah per kilogram,
        // which no total in rupiah converts to (guidelines, section 2).
        let thing = match (rate(&text[span.end..bytes.end]), thing.starts_with("people")) {
            (Some(per), false) => format!("{thing}/{per}"),
            _ => thing,
        };
        let context = if thing.starts_with("time") { after.filter(|w| *w != unit) } else { None };
        let mut near =
            spans.iter().position(|r| *r == span).map(|k| near(&words, &spans, k, span_at[k])).unwrap_or_default();
        // The counted thing itself is a near word: a rare one (`kendaraan`)
        // says more than `orang`, and a people noun tells `penumpang` from
        // `awak`. A unit of measure or money says nothing of what is
        // measured: every value it is compared with has the same unit, so as
        // a near word it only raised every pair's score alike (`dua jam`
        // after eating and `lima jam` after cooking joined as one thing).
        let measured = !thing.starts_with("count:") && noun.is_none();
        if !measured {
            // The class of the people counted, also when a generic noun
            // counts the people a specific noun named before it (`jumlah
            // penumpang ... 300 orang` is of the passengers' class).
            let own = match (&noun, noun.as_deref().and_then(family)) {
                (Some(_), Some(f)) => format!("#family{f}"),
                (Some(n), None) => format!("#{n}"),
                (None, _) => format!("#{thing}"),
            };
            near.push((own, 1.0));
        }
        let outcome = outcome(&near);
        out.push(Value { index, thing, noun, context, near, base: q.value * factor, unit, factor, outcome });
    }
    out
}

/// Whether `a` and `b` count people (or things) to whom different things
/// happened: `36 penumpang selamat` and `5 orang meninggal dunia`.
pub fn other_outcome(a: &Value, b: &Value) -> bool {
    matches!((a.outcome, b.outcome), (Some(x), Some(y)) if x != y)
}

/// Whether `a` and `b` may count the same thing: the same thing, the same
/// context word for durations (`11 tahun penjara` is not `6 bulan
/// kurungan`), and for people nouns of one family or a generic noun
/// (`orang`, `korban`) on one side.
pub fn comparable(a: &Value, b: &Value) -> bool {
    if a.thing != b.thing {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.context, &b.context) {
        if x != y {
            return false;
        }
    }
    match (&a.noun, &b.noun) {
        (Some(x), Some(y)) => x == y || family(x).is_some_and(|f| family(y) == Some(f)),
        _ => true,
    }
}

/// One word of the claim outside every quantity and the claimant: its key,
/// byte offset and position among the claim's words (a quantity counts as
/// one word).
struct Word {
    key: String,
    at: usize,
    position: usize,
}

/// The claim's content words as matching keys, and the position of each
/// quantity in `spans`.
fn context_words(
    text: &str,
    bytes: Range<usize>,
    spans: &[Range<usize>],
    skip: Option<Range<usize>>,
) -> (Vec<Word>, Vec<usize>) {
    let mut out = Vec::new();
    let mut span_at = vec![0; spans.len()];
    let mut position = 0;
    let mut last_span: Option<usize> = None;
    for (at, word) in split_words(&text[bytes.clone()]) {
        let at = bytes.start + at;
        if let Some(k) = spans.iter().position(|r| r.start <= at && at < r.end) {
            if last_span != Some(k) {
                position += 1;
                last_span = Some(k);
                span_at[k] = position;
            }
            continue;
        }
        last_span = None;
        position += 1;
        if skip.as_ref().is_some_and(|s| s.start <= at && at < s.end) || word.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let lower = word.to_lowercase();
        let lower = lower.strip_suffix("-nya").unwrap_or(&lower);
        // A negation turns the predicate around (`ditemukan meninggal`,
        // `belum ditemukan`): it is a near word of its own.
        if cat(lower).has(Cat::NEG) {
            out.push(Word { key: NEGATION.to_owned(), at, position });
            continue;
        }
        // `dua penumpang lainnya`: the rest of a count, not the count.
        if lower == "lainnya" {
            out.push(Word { key: "~lain".to_owned(), at, position });
            continue;
        }
        if is_stopword(lower) || INTRODUCERS.contains(&lower) || lower.chars().count() < 3 {
            continue;
        }
        // A paraphrase family stands for its words (`diamankan`, `ditangkap`).
        let stemmed = stem(lower);
        let key = match paraphrase::family(lower, &stemmed) {
            Some(family) => format!("~{family}"),
            None => stemmed,
        };
        out.push(Word { key, at, position });
    }
    (out, span_at)
}

/// The words near the quantity `spans[k]`, at position `own`, with their
/// nearness.
fn near(words: &[Word], spans: &[Range<usize>], k: usize, own: usize) -> Vec<(String, f32)> {
    let span = &spans[k];
    let mut out: Vec<(String, f32)> = Vec::new();
    for w in words {
        let distance = w.position.abs_diff(own) as f32;
        let (lo, hi) = if w.at < span.start { (w.at, span.start) } else { (span.end, w.at) };
        let between = spans.iter().filter(|r| r.start >= lo && r.end <= hi).count() as i32;
        let weight = 0.5f32.powf((distance - 1.0).max(0.0) / HALF_WORDS) * 0.5f32.powi(between);
        if weight < FAR {
            continue;
        }
        match out.iter_mut().find(|(k, _)| *k == w.key) {
            Some(entry) => entry.1 = entry.1.max(weight),
            None => out.push((w.key.clone(), weight)),
        }
    }
    out
}

/// Two amounts agree when they are equal, or when the rounder one is the
/// other rounded to the rounder one's significant digits and they are
/// within 10% of each other (`3.512` ~ `3.500`, `198` ~ `200`).
pub fn agree(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    let (big, small) = (a.abs().max(b.abs()), a.abs().min(b.abs()));
    if big == 0.0 || (big - small) / big > 0.10 + 1e-9 {
        return false;
    }
    let (rounder, other) = if significant(a) <= significant(b) { (a, b) } else { (b, a) };
    let digits = significant(rounder);
    (round_to(other, digits) - rounder).abs() <= rounder.abs() * 1e-9
}

/// Significant digits of `x` as written in decimal (`3500` has 2, `4,8` 2).
fn significant(x: f64) -> u32 {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return 1;
    }
    for digits in 1..=15 {
        if (round_to(x, digits) - x).abs() <= x * 1e-12 {
            return digits;
        }
    }
    15
}

fn round_to(x: f64, digits: u32) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let magnitude = x.abs().log10().floor() as i32;
    let scale = 10f64.powi(digits as i32 - 1 - magnitude);
    (x * scale).round() / scale
}

enum Class {
    /// A unit that converts: the thing and how many base units one is.
    Measure(&'static str, f64),
    /// A currency: amounts in different currencies are never compared.
    Money,
    /// A noun that counts people; `orang`, `jiwa`, `korban` are generic.
    People { generic: bool },
    /// A measure word (`unit`, `buah`): the noun after it is counted.
    Piece,
}

fn classify(unit: &str) -> Option<Class> {
    let measure = |thing, f| Some(Class::Measure(thing, f));
    match unit {
        "detik" => measure("time-s", 1.0),
        "menit" => measure("time-s", 60.0),
        "jam" => measure("time-s", 3600.0),
        "hari" => measure("time-d", 1.0),
        "pekan" | "minggu" => measure("time-d", 7.0),
        "bulan" => measure("time-m", 1.0),
        "tahun" => measure("time-m", 12.0),
        "dekade" | "dasawarsa" => measure("time-m", 120.0),
        "abad" => measure("time-m", 1200.0),
        "mm" | "milimeter" => measure("length", 0.001),
        "cm" | "sentimeter" => measure("length", 0.01),
        "m" | "meter" => measure("length", 1.0),
        "km" | "kilometer" => measure("length", 1000.0),
        "mil" => measure("length", 1609.344),
        "mg" | "miligram" => measure("mass", 0.001),
        "g" | "gr" | "gram" => measure("mass", 1.0),
        "kg" | "kilogram" => measure("mass", 1000.0),
        "kuintal" => measure("mass", 100_000.0),
        "ton" => measure("mass", 1_000_000.0),
        "ml" | "mililiter" => measure("volume", 0.001),
        "l" | "liter" => measure("volume", 1.0),
        "kl" | "kiloliter" => measure("volume", 1000.0),
        "ha" | "hektare" | "hektar" => measure("area", 10_000.0),
        "persen" | "%" => measure("percent", 1.0),
        "rupiah" | "rp" | "dolar" | "dollar" | "usd" | "us$" | "$" | "euro" | "yen" | "yuan" | "ringgit" | "won"
        | "rubel" | "poundsterling" => Some(Class::Money),
        "orang" | "jiwa" | "korban" => Some(Class::People { generic: true }),
        "penumpang" | "warga" | "member" | "anggota" | "nasabah" | "pasien" | "peserta" | "penduduk" | "pekerja"
        | "karyawan" | "siswa" | "mahasiswa" | "awak" | "tentara" | "prajurit" | "personel" | "pengungsi"
        | "petugas" | "jenazah" | "wisatawan" | "pemudik" | "buruh" | "guru" | "santri" | "anak" | "balita"
        | "pelajar" | "murid" | "relawan" | "pendaki" | "nelayan" | "petani" | "pedagang" | "jemaah" | "tersangka" => {
            Some(Class::People { generic: false })
        }
        "unit" | "buah" | "ekor" | "biji" | "lembar" | "batang" | "butir" | "set" | "paket" => Some(Class::Piece),
        _ => None,
    }
}

/// People nouns that name one group of people in news: pupils are `siswa`,
/// `pelajar`, `murid` or `anak`; clients `member`, `nasabah`, `anggota`.
/// Written for this module.
fn family(noun: &str) -> Option<usize> {
    const FAMILIES: &[&[&str]] = &[
        &["siswa", "pelajar", "murid", "anak", "balita", "santri", "mahasiswa"],
        &["member", "nasabah", "anggota", "peserta"],
        &["tentara", "prajurit", "personel", "petugas"],
        &["penumpang", "pemudik", "wisatawan"],
        &["warga", "penduduk", "pengungsi"],
        &["pekerja", "karyawan", "buruh"],
    ];
    FAMILIES.iter().position(|f| f.contains(&noun))
}

/// A specific people noun among the last few words of `before`, with no
/// number between it and the end (`jumlah penumpang di kapal lebih dari`).
fn people_noun_before(before: &str) -> Option<String> {
    const LOOK_BACK: usize = 6;
    for (_, word) in split_words(before).into_iter().rev().take(LOOK_BACK) {
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let lower = word.to_lowercase();
        if let Some(Class::People { generic: false }) = classify(&lower) {
            return Some(lower);
        }
    }
    None
}

/// What a value right before `rest` is counted per (`per kilogram`, `/kg`,
/// `per ton`): the unit after `per` as its thing and size when it is a
/// measure (`kg` and `kilogram` are one), else the word itself.
fn rate(rest: &str) -> Option<String> {
    let trimmed = rest.trim_start();
    let after = if let Some(r) = trimmed.strip_prefix('/') {
        r
    } else {
        let (at, word) = split_words(trimmed).into_iter().next()?;
        if at != 0 || !word.eq_ignore_ascii_case("per") {
            return None;
        }
        &trimmed[word.len()..]
    };
    let (at, word) = split_words(after).into_iter().next()?;
    if !after[..at].trim().is_empty() || word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = word.to_lowercase();
    Some(match classify(&lower) {
        // Per kilogram and per ton are not compared (no conversion here).
        Some(Class::Measure(thing, factor)) => format!("{thing}{factor}"),
        _ => lower,
    })
}

/// The outcome class of the nearest outcome word, if it is near enough and
/// no word of another class is as near (`tewas dan luka` says neither).
fn outcome(near: &[(String, f32)]) -> Option<&'static str> {
    let mut best: Option<(&'static str, f32)> = None;
    let mut tie = false;
    for (key, w) in near {
        let class = key.strip_prefix('~').and_then(|f| OUTCOMES.iter().find(|c| c.contains(&f)));
        let Some(class) = class.map(|c| c[0]) else { continue };
        match best {
            Some((_, bw)) if *w > bw => {
                best = Some((class, *w));
                tie = false;
            }
            Some((b, bw)) if *w == bw && b != class => tie = true,
            None => best = Some((class, *w)),
            _ => {}
        }
    }
    best.filter(|&(_, w)| w >= OUTCOME_NEAR && !tie).map(|(c, _)| c)
}

/// The first content word of `rest` (lower case), if it comes right away.
fn next_word(rest: &str) -> Option<String> {
    let (at, word) = split_words(rest).into_iter().next()?;
    if !rest[..at].trim().is_empty() || word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = word.to_lowercase();
    (!is_stopword(&lower) && lower.len() > 2).then_some(lower)
}

#[cfg(test)]
mod tests {
    use super::agree;

    #[test]
    fn rounding_is_agreement() {
        for (a, b, same) in [
            (3512.0, 3500.0, true),
            (198.0, 200.0, true),
            (4.8, 5.0, true),
            (1000.0, 1000.0, true),
            (1000.0, 1400.0, false),
            (20_000.0, 24_000.0, false),
            (3512.0, 4000.0, false),
            (310e9, 301e9, false),
            (15.0, 16.0, false),
            (1.2e12, 1.2e12, true),
        ] {
            assert_eq!(agree(a, b), same, "{a} vs {b}");
        }
    }
}
