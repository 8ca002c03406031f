//! Quantities made comparable: each value gets the counted thing it belongs
//! to and its amount in that thing's base unit, and two values agree when
//! they are equal or one is the other rounded (guidelines, section 2).

use std::ops::Range;

use super::words::{is_stopword, split_words, Doc};
use super::{byte_range, LinkClaim};

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
    /// The word after the number that says what a duration or amount is of
    /// (`penjara` in `11 tahun penjara`), when there is one.
    pub context: Option<String>,
    /// The amount in the thing's base unit.
    pub base: f64,
    /// The unit as written, and how many base units one of it is.
    pub unit: String,
    pub factor: f64,
}

/// The comparable values of `claim`, whose text is `doc.text[bytes]`.
pub fn values(doc: &Doc, claim: &LinkClaim, bytes: Range<usize>) -> Vec<Value> {
    let text = doc.src.text.as_str();
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
            Some(Class::People { generic }) => ("people".to_owned(), (!generic).then(|| unit.clone()), 1.0, unit),
            Some(Class::Piece) => match &after {
                // `47 unit kendaraan`: the noun after the measure word is counted.
                Some(noun) => (format!("count:{noun}"), None, 1.0, noun.clone()),
                None => (format!("count:{unit}"), None, 1.0, unit),
            },
            None => (format!("count:{unit}"), None, 1.0, unit),
        };
        let context = if thing.starts_with("time") { after.filter(|w| *w != unit) } else { None };
        out.push(Value { index, thing, noun, context, base: q.value * factor, unit, factor });
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
        | "pelajar" | "relawan" | "pendaki" | "nelayan" | "petani" | "pedagang" | "jemaah" | "tersangka" => {
            Some(Class::People { generic: false })
        }
        "unit" | "buah" | "ekor" | "biji" | "lembar" | "batang" | "butir" | "set" | "paket" => Some(Class::Piece),
        _ => None,
    }
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
