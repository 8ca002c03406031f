//! What a claim states, without who states it: the content a fact-checker
//! reviews. For reported speech it is what was said (`Kepala Dinas X
//! mengatakan harga beras naik` states `Harga beras naik`), for a quotation
//! the quoted words, for the article's own voice the whole sentence.
//!
//! This is what ClaimReview's `claimReviewed` holds (schema.org: "a short
//! summary of the specific claims reviewed"; Google's fact-check markup puts
//! the claim there and the person who made it in `itemReviewed.author`), so
//! an archive matching reviews against claims compares the claim with the
//! claim, not with its attribution.

use crate::model::Kind;
use crate::report::ClaimRecord;

/// The content of `claim` (a record in code points, as the project file and
/// `klaim extract` hold it), whole, first letter upper-cased; the claim's
/// own text when its attribution cannot be told apart from its content.
pub fn said(claim: &ClaimRecord) -> String {
    let chars: Vec<char> = claim.text.chars().collect();
    let content = match claim.kind {
        Kind::Unattributed => None,
        Kind::Quote => quoted(&chars).or_else(|| around_attribution(claim, &chars)),
        Kind::Reported => around_attribution(claim, &chars),
    };
    let content = content.map(|r| tidy(&chars[r])).filter(|s| s.chars().filter(|c| c.is_alphanumeric()).count() >= 3);
    let out = content.unwrap_or_else(|| claim.text.trim().to_owned());
    capitalise(&out)
}

type Range = std::ops::Range<usize>;

/// Quotation marks that open or close a quotation.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// The quoted words of a quotation's sentence: between its first mark and
/// the next, or from the first mark to the end (a quotation running on), or
/// up to the closing mark (the quotation's last sentence).
fn quoted(chars: &[char]) -> Option<Range> {
    let marks: Vec<usize> = (0..chars.len()).filter(|&i| is_mark(chars[i])).collect();
    let lead = |i: usize| chars[..i].iter().all(|c| c.is_whitespace());
    match marks.as_slice() {
        [] => None,
        [open, close, ..] if lead(*open) => Some(open + 1..*close),
        [only] if lead(*only) => Some(only + 1..chars.len()),
        [close, ..] => Some(0..*close),
    }
}

/// The text beside the attribution (claimant, cue and via outlet, and what
/// lies between them): after it when it opens the sentence (`X mengatakan
/// ...`, `Menurut X, ...`), before it when it closes the sentence
/// (`..., kata X`).
fn around_attribution(claim: &ClaimRecord, chars: &[char]) -> Option<Range> {
    let local = |start: usize, end: usize| {
        let (s, e) = (start.checked_sub(claim.start)?, end.checked_sub(claim.start)?);
        (s <= e && e <= chars.len()).then_some(s..e)
    };
    let parts: Vec<Range> = [
        claim.claimant.as_ref().and_then(|c| local(c.start, c.end)),
        claim.cue.as_ref().and_then(|c| local(c.start, c.end)),
        claim.via.as_ref().and_then(|c| local(c.start, c.end)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let start = parts.iter().map(|r| r.start).min()?;
    let end = parts.iter().map(|r| r.end).max()?;
    let before = &chars[..start];
    let after = &chars[end..];
    let words = |cs: &[char]| cs.iter().collect::<String>().split_whitespace().count();
    // `Sementara itu, X mengatakan ...`: a few words before the attribution
    // are a connective, not the content.
    if words(after) >= words(before) || words(before) <= 3 {
        let mut from = end;
        // `mengatakan bahwa ...`, `kata X: ...`
        let rest: String = chars[from..].iter().collect();
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
        from += rest.chars().count() - trimmed.chars().count();
        for word in ["bahwa ", "Bahwa "] {
            if trimmed.starts_with(word) {
                from += word.chars().count();
            }
        }
        Some(from..chars.len())
    } else {
        Some(0..start)
    }
}

/// Spacing and the punctuation left at either edge by the cut trimmed; a
/// sentence cut before its attribution ends with a full stop.
fn tidy(chars: &[char]) -> String {
    let s: String = chars.iter().collect();
    let s = s.trim_matches(|c: char| c.is_whitespace() || is_mark(c) || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'));
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if !out.is_empty() && !out.ends_with(['.', '!', '?', '…']) {
        out.push('.');
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Unit};

    /// The content of the first claim the extractor finds in `sentence`.
    #[track_caller]
    fn check(sentence: &str, expect: &str) {
        let record = crate::report("t", sentence, &crate::extract(sentence, &Options::default()), Unit::CodePoint);
        let claim = record.claims.first().expect("a claim");
        assert_eq!(said(claim), expect, "{sentence}");
    }

    #[test]
    fn what_was_said_without_who_said_it() {
        check(
            "Kepala Dinas Pangan Kota Tebing Wulan Hasibuan mengatakan harga cabai kini mencapai Rp 60.000 per kilogram.",
            "Harga cabai kini mencapai Rp 60.000 per kilogram.",
        );
        check(
            "Wulan Hasibuan, Kepala Dinas Pangan Kota Tebing, menyebutkan harga cabai berada di kisaran Rp 58.000 per kilogram.",
            "Harga cabai berada di kisaran Rp 58.000 per kilogram.",
        );
        check(
            "Menurut Wulan, pemkot menyiapkan dana Rp 3 miliar untuk operasi pasar.",
            "Pemkot menyiapkan dana Rp 3 miliar untuk operasi pasar.",
        );
        check(
            "Juru bicara PT Sinar Tambak, Rudi Lase, mengatakan bahwa perusahaannya tidak membuang limbah ke sungai.",
            "Perusahaannya tidak membuang limbah ke sungai.",
        );
        check(
            "\u{201c}Stok gula cukup sampai akhir tahun,\u{201d} kata Wulan di kantornya, Senin (3/11/2025).",
            "Stok gula cukup sampai akhir tahun.",
        );
        check(
            "Harga gula di Pasar Baru naik 10 persen pekan ini.",
            "Harga gula di Pasar Baru naik 10 persen pekan ini.",
        );
    }
}
