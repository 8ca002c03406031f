//! Explicit numbers with the noun they count: `6.700 kontainer`, `3 juta
//! peluru`, `Rp482,5 triliun`, `25 persen`, `dua dekade`, `enam harinya`.
//!
//! Indonesian writes `.` between thousands and `,` for decimals. Dates,
//! clock times, identifiers and vague amounts (`ratusan`, `beberapa juta`)
//! are not quantities.

use std::ops::Range;

use super::doc::Doc;
use super::lexicon::{multiplier, number_word, Cat};
use super::tokens::TokKind;
use crate::model::{Quantity, Span};

pub fn quantities(doc: &Doc, range: Range<usize>) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        // Most tokens start no quantity: only numbers, number words and `Rp` do.
        let may_start = match doc.kind(i) {
            TokKind::Number => true,
            TokKind::Word => doc.is(i, Cat::NUMBER) || doc.low(i).starts_with("rp"),
            TokKind::Punct => false,
        };
        if !may_start {
            i += 1;
            continue;
        }
        match quantity_at(doc, i, range.clone()) {
            Some((q, next)) => {
                out.push(q);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The quantity that starts at token `i`, and the token after it.
fn quantity_at(doc: &Doc, i: usize, range: Range<usize>) -> Option<(Quantity, usize)> {
    let end = range.end;
    if i >= end || doc.kind(i) == TokKind::Punct {
        return None;
    }
    let word = doc.word(i);
    let low = doc.low(i);
    let prev = |k: usize| (k > range.start).then(|| k - 1);
    // Money: `Rp 15.000`, `Rp482,5 triliun`, `Rp. 10.000`.
    let (mut value, mut j, money) = if low == "rp" {
        let mut j = i + 1;
        if j < end && doc.punct(j, &['.']) {
            j += 1;
        }
        if j >= end || doc.kind(j) != TokKind::Number {
            return None;
        }
        (parse_number(doc.word(j))?, j + 1, true)
    } else if low.starts_with("rp") && word[2..].starts_with(|c: char| c.is_ascii_digit()) {
        (parse_number(&word[2..])?, i + 1, true)
    } else if doc.kind(i) == TokKind::Number {
        // A bare year (`2018`): Indonesian writes counts that large as `2.018`.
        if word.len() == 4 && word.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)) {
            return None;
        }
        if let Some(p) = prev(i) {
            // `tahun 2023`, `pukul 10.00`, `Pasal 5`, `(32)` after a name.
            if doc.is(p, Cat::NOT_COUNT)
                || doc.is(p, Cat::MONTH)
                || doc.is(p, Cat::DAY)
                || doc.punct(p, &['-', '/', '$', '#'])
            {
                return None;
            }
            if doc.punct(p, &['(']) && i + 1 < end && doc.punct(i + 1, &[')']) {
                return None;
            }
        }
        (parse_number(word)?, i + 1, false)
    } else if let Some(v) = doc.is(i, Cat::NUMBER).then(|| number_word(low)).flatten() {
        if low == "satu" && prev(i).is_some_and(|p| doc.low(p) == "salah") {
            return None;
        }
        let (v, j) = compound_number(doc, v, i + 1, end);
        (v, j, false)
    } else {
        return None;
    };
    if j < end {
        if let Some(m) = multiplier(doc.low(j)) {
            value *= m;
            j += 1;
        }
    }
    let start_tok = i;
    let qualifier = prev(i).and_then(|p| qualifier(doc, p, range.start));
    if money {
        return Some((quantity(doc, start_tok, j, value, "rupiah".into(), qualifier), j));
    }
    // Unit before the number: `bermagnitudo 5,6`.
    if let Some(p) = prev(i) {
        if doc.low(p).ends_with("magnitudo") {
            return Some((quantity(doc, p, j, value, "magnitudo".into(), qualifier), j));
        }
    }
    if j >= end {
        return None;
    }
    if doc.punct(j, &['%']) {
        return Some((quantity(doc, start_tok, j + 1, value, "persen".into(), qualifier), j + 1));
    }
    // `dua hingga tiga hari`: the first number shares the second's unit.
    if matches!(doc.low(j), "hingga" | "sampai" | "atau") || doc.punct(j, &['-', '–']) {
        if let Some((next, _)) = quantity_at(doc, j + 1, j + 1..end) {
            if !next.unit.is_empty() && next.unit != "rupiah" {
                return Some((quantity(doc, start_tok, j, value, next.unit, qualifier), j));
            }
        }
        return None;
    }
    unit(doc, j).map(|u| (quantity(doc, start_tok, j + 1, value, u, qualifier), j + 1))
}

/// `dua puluh`, `dua belas`, `tiga ratus`, `lima ribu`.
fn compound_number(doc: &Doc, mut value: f64, mut j: usize, end: usize) -> (f64, usize) {
    if j < end {
        match doc.low(j) {
            "puluh" => {
                value *= 10.0;
                j += 1;
                if j < end {
                    if let Some(v) = number_word(doc.low(j)).filter(|v| *v < 10.0) {
                        value += v;
                        j += 1;
                    }
                }
            }
            "belas" => {
                value += 10.0;
                j += 1;
            }
            "ratus" => {
                value *= 100.0;
                j += 1;
            }
            _ => {}
        }
    }
    (value, j)
}

/// The counted noun at token `j`, lower case, `-nya` dropped.
fn unit(doc: &Doc, j: usize) -> Option<String> {
    if doc.kind(j) != TokKind::Word {
        return None;
    }
    let c = doc.cat(j);
    if c.has(Cat::MONTH) || c.has(Cat::STOP) || c.has(Cat::BOUNDARY) || c.has(Cat::DAY) || c.has(Cat::AUX) {
        return None;
    }
    let word = doc.word(j);
    // A capitalized word after a number is a name (`3 Rusia`), unless it is an
    // acronym unit (`686 TPS`, `10 KK`).
    if doc.cap(j) && !doc.all_caps(j) {
        return None;
    }
    let low = doc.low(j);
    if matches!(low, "wib" | "wita" | "wit" | "utc" | "gmt") {
        return None; // `10.00 WIB` is a time.
    }
    if matches!(low, "plus" | "minus" | "koma" | "kali-kali") {
        return None; // `2,5 plus minus 1 persen`: the noun comes later.
    }
    let low = match low.strip_suffix("nya") {
        Some(stem) if stem.len() >= 3 => stem,
        _ => low,
    };
    // A plural by reduplication counts the noun: `7 anak-anak` is 7 anak.
    let low = match low.split_once('-') {
        Some((a, b)) if a == b => a,
        _ => low,
    };
    (!word.is_empty()).then(|| low.to_owned())
}

fn qualifier(doc: &Doc, p: usize, start: usize) -> Option<String> {
    let low = doc.low(p);
    if low == "dari" && p > start && matches!(doc.low(p - 1), "lebih" | "kurang") {
        return Some(format!("{} dari", doc.low(p - 1)));
    }
    (doc.is(p, Cat::QUALIFIER) && !matches!(low, "hingga" | "sampai")).then(|| low.to_owned())
}

fn quantity(doc: &Doc, from: usize, to: usize, value: f64, unit: String, qualifier: Option<String>) -> Quantity {
    Quantity { span: Span::at(doc.toks[from].start(), doc.toks[to - 1].end()), value, unit, qualifier }
}

/// `6.700` is 6700, `1,5` is 1.5, `500.000` is 500000, `2.5` is 2.5. Dates,
/// times and anything with letters are not numbers.
pub fn parse_number(s: &str) -> Option<f64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    // Dots between groups of three digits (the last group may carry the
    // decimal comma: `1.234.567,89`) separate thousands.
    let thousands = s.contains('.') && s.split('.').skip(1).all(|g| g.len() == 3 || g.find(',') == Some(3));
    let has_comma = s.contains(',');
    if !thousands && has_comma && s.contains('.') {
        return None; // `1.5,2`: not a number format anyone writes.
    }
    // The number as Rust reads it: thousands dots dropped, the decimal comma
    // a dot. On the stack: a number is one of the commonest tokens of a
    // claim, and this ran once per number with three allocations.
    let mut stack = [0u8; 40];
    let mut heap = Vec::new();
    let out: &mut [u8] = if s.len() <= stack.len() {
        &mut stack
    } else {
        heap.resize(s.len(), 0);
        &mut heap
    };
    let mut n = 0;
    let mut dots = 0;
    for b in s.bytes() {
        let c = match b {
            b'.' if thousands => continue,
            b',' => b'.',
            _ => b,
        };
        dots += usize::from(c == b'.');
        out[n] = c;
        n += 1;
    }
    if dots > 1 {
        return None;
    }
    std::str::from_utf8(&out[..n]).ok()?.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_indonesian_numbers() {
        for (s, v) in [
            ("6.700", Some(6700.0)),
            ("1,5", Some(1.5)),
            ("500.000", Some(500000.0)),
            ("482,5", Some(482.5)),
            ("1.234.567,89", Some(1234567.89)),
            ("2.5", Some(2.5)),
            ("15/3/2023", None),
            ("10:30", None),
            ("12a", None),
            ("", None),
        ] {
            assert_eq!(parse_number(s), v, "{s}");
        }
    }

    /// The allocation-free `parse_number` reads every short string of digits,
    /// dots and commas as the plain version it replaced did.
    #[test]
    fn parse_number_as_before() {
        fn reference(s: &str) -> Option<f64> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
                return None;
            }
            let groups: Vec<&str> = s.split('.').collect();
            let thousands = groups.len() > 1
                && groups[1..]
                    .iter()
                    .all(|g| g.len() == 3 || (g.contains(',') && g.split(',').next().is_some_and(|h| h.len() == 3)));
            let cleaned: String = if thousands {
                s.replace('.', "").replace(',', ".")
            } else if s.contains(',') {
                if s.contains('.') {
                    return None;
                }
                s.replace(',', ".")
            } else {
                s.to_owned()
            };
            if cleaned.matches('.').count() > 1 {
                return None;
            }
            cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
        }
        let alphabet = ['0', '7', '.', ','];
        let mut words = vec![String::new()];
        for _ in 0..8 {
            let longer: Vec<String> =
                words.iter().flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}"))).collect();
            for w in &longer {
                assert_eq!(parse_number(w), reference(w), "{w}");
            }
            words = longer;
        }
        let long = format!("{}.000,5", "1".repeat(60));
        assert_eq!(parse_number(&long), reference(&long));
    }
}
