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
        Kind::Quote => quoted(&chars).map(|r| vec![r]).or_else(|| around_attribution(claim, &chars)),
        Kind::Reported => around_attribution(claim, &chars),
    };
    let content = content
        .map(|parts| join(parts.into_iter().map(|r| tidy(&chars[r])).filter(|p| p != ".")))
        .filter(|s| s.chars().filter(|c| c.is_alphanumeric()).count() >= 3);
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
/// (`..., kata X`), both sides when a closing cue sits mid-sentence and the
/// sentence goes on with a connective (`..., kata X, sedangkan ...`).
// The content's parts are ranges of the sentence, most often one.
#[allow(clippy::single_range_in_vec_init)]
fn around_attribution(claim: &ClaimRecord, chars: &[char]) -> Option<Vec<Range>> {
    let local = |start: usize, end: usize| {
        let (s, e) = (start.checked_sub(claim.start)?, end.checked_sub(claim.start)?);
        (s <= e && e <= chars.len()).then_some(s..e)
    };
    let claimant = claim.claimant.as_ref().and_then(|c| local(c.start, c.end));
    let cue = claim.cue.as_ref().and_then(|c| local(c.start, c.end));
    let via = claim.via.as_ref().and_then(|c| local(c.start, c.end));
    let parts: Vec<&Range> = [&claimant, &cue, &via].into_iter().flatten().collect();
    let start = parts.iter().map(|r| r.start).min()?;
    let end = parts.iter().map(|r| r.end).max()?;
    let text = |r: Range| chars[r].iter().collect::<String>();
    let words = |r: Range| text(r).split_whitespace().count();
    let (n_before, n_after) = (words(0..start), words(end..chars.len()));
    // `kata X`, `ujar X`: a cue before its claimant closes what was said.
    let closing = matches!((&cue, &claimant), (Some(c), Some(w)) if c.start < w.start);
    if closing && n_before > 3 {
        let mut out = vec![0..start];
        let rest = text(end..chars.len());
        let next = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',').split_whitespace().next();
        if rest.trim_start().starts_with(',') && next.is_some_and(|w| CONNECTIVES.contains(&w.to_lowercase().as_str()))
        {
            out.push(end..chars.len());
        }
        return Some(out);
    }
    // `Sementara itu, X mengatakan ...`: a few words before the attribution
    // are a connective, not the content.
    if n_after >= n_before || n_before <= 3 {
        let rest = text(end..chars.len());
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
        let mut from = end + rest.chars().count() - trimmed.chars().count();
        // `mengatakan (kepada Putin) bahwa ...`, `mengungkap fakta bahwa ...`:
        // what was said starts after a `bahwa` near the cue.
        let mut seen = 0;
        for w in trimmed.split_inclusive(char::is_whitespace).take(BAHWA_WITHIN) {
            seen += w.chars().count();
            if w.trim().eq_ignore_ascii_case("bahwa") {
                from += seen;
                break;
            }
        }
        Some(vec![from..chars.len()])
    } else {
        Some(vec![0..start])
    }
}

/// How many words after a cue a `bahwa` may come and still open what was
/// said (`mengatakan kepada wartawan di Jakarta bahwa ...`).
const BAHWA_WITHIN: usize = 6;

/// Words that carry a sentence on after a mid-sentence attribution.
const CONNECTIVES: &[&str] = &["sedangkan", "namun", "tetapi", "tapi", "sementara", "karena", "sehingga", "dan"];

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

/// Parts of one sentence: each but the last loses its full stop, joined by
/// a comma.
fn join(parts: impl Iterator<Item = String>) -> String {
    let parts: Vec<String> = parts.collect();
    let n = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| if i + 1 < n { p.trim_end_matches('.').to_owned() } else { p })
        .collect::<Vec<_>>()
        .join(", ")
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
        check(
            "Wulan mengatakan kepada wartawan bahwa stok gula cukup sampai akhir tahun.",
            "Stok gula cukup sampai akhir tahun.",
        );
        check(
            "Harga gula naik 10 persen, kata Wulan, sedangkan harga beras tetap.",
            "Harga gula naik 10 persen, sedangkan harga beras tetap.",
        );
        check("Harga gula naik 10 persen, kata Wulan di Medan, Senin (3/11/2025).", "Harga gula naik 10 persen.");
    }
}
