//! Quotation marks paired into quotations.
//!
//! Newsrooms differ: `"..."`, `“...”`, and Kompas's `”...”` with the same mark
//! on both sides. A mark's side is read from its surroundings (space before
//! and a word after opens; a word before and space after closes), and marks
//! that say nothing alternate. A quotation never crosses a line break; one left
//! open runs to the end of its line, as a quoted paragraph does. A line that
//! then closes a quotation it never opened continues that paragraph's: the
//! quotation starts at the line's first word (`continues`).

use super::doc::{Doc, QUOTES};
use super::lexicon::Cat;
use super::tokens::TokKind;

#[derive(Clone, Debug)]
pub struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or the last token of the line when
    /// the quotation is left open.
    pub close: usize,
    pub closed: bool,
    /// Words inside.
    pub words: usize,
    /// The content ends with `,` `.` `?` `!` just inside the closing mark, as
    /// speech does and scare quotes do not.
    pub ends_like_speech: bool,
    /// It has no opening mark: it continues the quotation left open at the
    /// end of the line before, and `open` is its first word.
    pub continues: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Open,
    Close,
    Either,
}

pub fn quotations(doc: &Doc, toks: std::ops::Range<usize>) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // The first token of this line, while the line before ended inside a
    // quotation and this line has shown no quotation mark yet.
    let mut carried: Option<usize> = None;
    for i in toks.clone() {
        if doc.newline_before(i) {
            carried = None;
            if let Some(o) = open.take() {
                out.push(make(doc, o, i - 1, false));
                carried = Some(i);
            }
        }
        if !doc.punct(i, QUOTES) {
            continue;
        }
        let side = side(doc, i, toks.end);
        let continued = carried.take();
        match (open, side) {
            (None, Side::Close) => {
                if let Some(first) = continued.filter(|&f| f < i) {
                    out.push(Quotation { continues: true, ..make(doc, first, i, true) });
                }
            }
            (None, _) => open = Some(i),
            (Some(o), Side::Open) => {
                // A second opening mark: the first quotation was never closed.
                out.push(make(doc, o, i - 1, false));
                open = Some(i);
            }
            (Some(o), _) => {
                out.push(make(doc, o, i, true));
                open = None;
            }
        }
    }
    if let Some(o) = open {
        out.push(make(doc, o, toks.end - 1, false));
    }
    out.retain(|q| q.close > q.open);
    out
}

fn side(doc: &Doc, i: usize, end: usize) -> Side {
    let c = doc.word(i).chars().next().unwrap_or('"');
    match c {
        '“' | '„' | '«' => return Side::Open,
        '»' => return Side::Close,
        _ => {}
    }
    // A mark followed by its cue closes, whatever the spacing: `..., ”kata
    // Heri`.
    if i > 0
        && i + 1 < end
        && !doc.newline_before(i + 1)
        && doc.is(i + 1, Cat::CUE_POST)
        && !doc.cap(i + 1)
        && doc.punct(i - 1, &[',', '.', '!', '?', '…'])
    {
        return Side::Close;
    }
    let before = doc.space_before(i) || doc.newline_before(i) || doc.punct(i - 1, &['(', '[', ':']);
    let after = i + 1 >= end
        || doc.newline_before(i + 1)
        || doc.space_before(i + 1)
        || doc.punct(i + 1, &[',', '.', ';', ':', ')', '!', '?', ']']);
    match (before, after) {
        (true, false) => Side::Open,
        (false, true) => Side::Close,
        _ => Side::Either,
    }
}

fn make(doc: &Doc, open: usize, close: usize, closed: bool) -> Quotation {
    let inner_end = if closed { close } else { close + 1 };
    let inner_start = if doc.punct(open, QUOTES) { open + 1 } else { open };
    let words = (inner_start..inner_end).filter(|&i| doc.kind(i) != TokKind::Punct).count();
    let ends_like_speech = closed && close > inner_start && doc.punct(close - 1, &[',', '.', '?', '!', '…']);
    Quotation { open, close, closed, words, ends_like_speech, continues: false }
}
