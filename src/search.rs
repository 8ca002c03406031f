//! Search inside a document's text: case-insensitive occurrences of a query
//! and a snippet around the first one, for the library's search box.
//!
//! Matching folds case the Unicode way (`İ` becomes `i̇`, two characters), so
//! positions are found in the folded text and mapped back to the original.

use std::cell::RefCell;

use serde::Serialize;

/// What a search found in one text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Found {
    /// Occurrences, counted up to the limit asked for.
    pub hits: usize,
    /// The text around the first occurrence, if there is one.
    pub snippet: Option<Snippet>,
}

/// A first occurrence with its context, white space collapsed, cut at word
/// boundaries; `cut_before`/`cut_after` say whether text was left out there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub before: String,
    pub hit: String,
    pub after: String,
    pub cut_before: bool,
    pub cut_after: bool,
}

/// Finds `query` in `text` ignoring case, counting at most `limit`
/// occurrences, with `context` characters of snippet on each side of the
/// first. An empty (or all-space) query finds nothing.
pub fn search(text: &str, query: &str, limit: usize, context: usize) -> Found {
    let hits = occurrences(text, query, limit);
    Found { hits: hits.len(), snippet: hits.first().map(|&(s, e)| snippet(text, s, e, context)) }
}

/// Where `query` occurs in `text` ignoring case, at most `limit` times: byte
/// ranges of `text`. One call over many texts joined together filters a
/// whole table at once.
pub fn occurrences(text: &str, query: &str, limit: usize) -> Vec<(usize, usize)> {
    let query = fold(query.trim()).0;
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let (folded, back) = fold(text);
    let original = |i: usize| back.as_ref().map_or(i, |b| b[i]);
    let mut hits = Vec::new();
    let mut at = 0;
    while hits.len() < limit {
        let Some(found) = folded[at..].find(&query) else { break };
        let (start, end) = (at + found, at + found + query.len());
        hits.push((original(start), original(end)));
        at = end;
    }
    hits
}

/// Many short texts searched at once: the rows of the claims table. Built
/// once per change of the library (each row folded once), then every
/// keystroke of the filter is one pass over the folded text, or over the
/// rows the previous query matched when the new one holds it (typing on).
#[derive(Clone, Debug, Default)]
pub struct RowSearch {
    /// The rows folded, each followed by a NUL so no match spans two rows.
    folded: String,
    /// Where each row ends in `folded` (its NUL), ascending.
    ends: Vec<usize>,
    /// The previous query (folded, not empty) and the rows it matched.
    last: RefCell<Option<(String, Vec<u32>)>>,
}

impl RowSearch {
    pub fn new<'a>(rows: impl IntoIterator<Item = &'a str>) -> RowSearch {
        let mut search = RowSearch::default();
        for row in rows {
            search.folded.push_str(&fold(row).0);
            search.ends.push(search.folded.len());
            search.folded.push('\0');
        }
        search
    }

    /// The rows containing `query` ignoring case (as [`occurrences`]
    /// matches), by index, ascending. An empty query matches every row.
    pub fn matching(&self, query: &str) -> Vec<u32> {
        let query = fold(query.trim()).0;
        if query.is_empty() {
            return (0..self.ends.len() as u32).collect();
        }
        let mut last = self.last.borrow_mut();
        // A row holding the new query holds any part of it: when the new
        // query holds the previous one, only the rows that matched are read.
        let rows = match last.as_ref() {
            Some((before, rows)) if query.contains(before.as_str()) => {
                rows.iter().copied().filter(|&row| self.row(row as usize).contains(&query)).collect()
            }
            _ => self.scan(&query),
        };
        *last = Some((query, rows.clone()));
        rows
    }

    /// The rows containing folded `query`, by one pass over all of them.
    fn scan(&self, query: &str) -> Vec<u32> {
        let mut rows = Vec::new();
        let mut at = 0;
        while let Some(found) = self.folded[at..].find(query) {
            let row = self.ends.partition_point(|&end| end <= at + found);
            rows.push(row as u32);
            // One hit is enough: go on from the next row.
            match self.ends.get(row) {
                Some(&end) => at = end + 1,
                None => break,
            }
            if at >= self.folded.len() {
                break;
            }
        }
        rows
    }

    /// Row `row` folded, without its NUL.
    fn row(&self, row: usize) -> &str {
        let start = if row == 0 { 0 } else { self.ends[row - 1] + 1 };
        &self.folded[start..self.ends[row]]
    }

    /// The rows containing `query` (as [`RowSearch::matching`]) in the
    /// order of `order`, the table's sort: the rows the table shows, as it
    /// shows them, without a sort per keystroke. Entries of `order` that are
    /// no row are left out. An empty query gives every row of `order`.
    pub fn matching_in(&self, query: &str, order: &[u32]) -> Vec<u32> {
        let mut hit = vec![false; self.ends.len()];
        for row in self.matching(query) {
            hit[row as usize] = true;
        }
        order.iter().copied().filter(|&row| hit.get(row as usize).copied().unwrap_or(false)).collect()
    }
}

/// `text` in lower case and, where folding changed a character's length
/// (`İ`), for each byte of it (and its end) the byte of `text` it came from.
/// Without such a character the offsets are the same and no map is built.
fn fold(text: &str) -> (String, Option<Vec<usize>>) {
    // ASCII, nearly all of an Indonesian article, folds byte for byte.
    let mut folded = String::with_capacity(text.len());
    let mut same = true;
    for ch in text.chars() {
        if ch.is_ascii() {
            folded.push(ch.to_ascii_lowercase());
        } else {
            let before = folded.len();
            folded.extend(ch.to_lowercase());
            same &= folded.len() - before == ch.len_utf8();
        }
    }
    if same {
        return (folded, None);
    }
    let mut back = Vec::with_capacity(folded.len() + 1);
    for (at, ch) in text.char_indices() {
        let width: usize = ch.to_lowercase().map(char::len_utf8).sum();
        back.resize(back.len() + width, at);
    }
    back.push(text.len());
    (folded, Some(back))
}

fn snippet(text: &str, start: usize, end: usize, context: usize) -> Snippet {
    let before_all = &text[..start];
    let after_all = &text[end..];
    let from = before_all.char_indices().rev().nth(context.saturating_sub(1)).map_or(0, |(i, _)| i);
    let to = after_all.char_indices().nth(context).map_or(after_all.len(), |(i, _)| i);
    let (cut_before, cut_after) = (from > 0, to < after_all.len());
    let mut before = &before_all[from..];
    let mut after = &after_all[..to];
    // Cut at word boundaries: drop the partial word at each cut end.
    if cut_before {
        if let Some(space) = before.find(char::is_whitespace) {
            before = &before[space..];
        }
    }
    if cut_after {
        if let Some(space) = after.rfind(char::is_whitespace) {
            after = &after[..space];
        }
    }
    Snippet {
        before: collapse(before).trim_start().to_owned(),
        hit: collapse(&text[start..end]),
        after: collapse(after).trim_end().to_owned(),
        cut_before,
        cut_after,
    }
}

/// Runs of white space (line breaks included) as one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(ch);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(hits, "before[hit]after")` with `…` where text was cut.
    #[track_caller]
    fn check(text: &str, query: &str, context: usize, expect: (usize, &str)) {
        let found = search(text, query, 100, context);
        let shown = found.snippet.map_or(String::new(), |s| {
            format!(
                "{}{}[{}]{}{}",
                if s.cut_before { "…" } else { "" },
                s.before,
                s.hit,
                s.after,
                if s.cut_after { "…" } else { "" }
            )
        });
        assert_eq!((found.hits, shown.as_str()), expect);
    }

    #[test]
    fn finds_ignoring_case_with_a_snippet() {
        check("Kata Kirby, kirby yakin.", "KIRBY", 40, (2, "Kata [Kirby], kirby yakin."));
        check("satu dua tiga empat lima enam tujuh", "empat", 8, (1, "…tiga [empat] lima…"));
        check("baris satu\n\nbaris   dua", "satu baris", 40, (0, ""));
        check("baris satu\n\nbaris   dua", "dua", 40, (1, "baris satu baris [dua]"));
        check("apa saja", "  ", 40, (0, ""));
        check("", "a", 40, (0, ""));
    }

    #[test]
    fn rows_are_found_by_index_once_each() {
        let check = |rows: &[&str], query: &str, expect: &[u32]| {
            assert_eq!(RowSearch::new(rows.iter().copied()).matching(query), expect, "{query:?}");
        };
        let rows = ["Kirby kata KIRBY", "tidak ada", "İzmir dan kirby", "", "kir", "by"];
        check(&rows, "kirby", &[0, 2]);
        check(&rows, "  KIRBY ", &[0, 2]);
        check(&rows, "İZMIR", &[2]);
        check(&rows, "kirby", &[0, 2]);
        check(&rows, "rby", &[0, 2]);
        check(&rows, "kirb", &[0, 2]);
        check(&rows, "irby", &[0, 2]);
        check(&rows, "", &[0, 1, 2, 3, 4, 5]);
        check(&rows, "by", &[0, 2, 5]);
        check(&[], "a", &[]);
    }

    #[test]
    fn rows_come_in_the_order_given() {
        let check = |query: &str, order: &[u32], expect: &[u32]| {
            let rows = ["Kirby kata", "tidak ada", "kata Kirby", "KIRBY", ""];
            assert_eq!(RowSearch::new(rows).matching_in(query, order), expect, "{query:?} {order:?}");
        };
        check("kirby", &[4, 3, 2, 1, 0], &[3, 2, 0]);
        check("kirby", &[2, 0, 3], &[2, 0, 3]);
        check("kirby", &[1, 4], &[]);
        check("", &[4, 0, 2], &[4, 0, 2]);
        check("kata", &[9, 2, 70, 0], &[2, 0]);
        check("kirby", &[], &[]);
    }

    #[test]
    fn typing_on_matches_as_a_fresh_search() {
        // Each query after the previous ones, against a fresh index's answer.
        let rows = ["Kirby kata", "tidak ada", "kata Kirby", "KIRBY", "", "İstanbul ki", "kiri"];
        let search = RowSearch::new(rows);
        for query in
            ["k", "ki", "kir", "kirb", "kirby", "irb", "kirby", "kata kirby", "x", "xk", "ki", "i̇", "i̇s", " KI ", "ka"]
        {
            assert_eq!(search.matching(query), RowSearch::new(rows).matching(query), "{query:?}");
        }
    }

    #[test]
    fn maps_positions_back_where_case_folding_changes_length() {
        // `İ` folds to `i` + U+0307: the hit must still be the original text.
        check("İstanbul dan Bandung 😀 ramai", "bandung", 40, (1, "İstanbul dan [Bandung] 😀 ramai"));
        check("KOTA İZMİR", "i̇zmi̇r", 40, (1, "KOTA [İZMİR]"));
    }
}
