//! Lines, sentences and page furniture.
//!
//! A line break always ends a sentence. Lines that are furniture as a whole
//! (bylines, `Baca juga` links, footers, titles, headings) are classified
//! first; the rest are split into sentences, and a sentence may still be a
//! sign-off (`(dam)`) or start with a dateline (`TRIBUNNEWS.COM, PYONGYANG –`).

use std::ops::Range;

use super::doc::{Doc, DASHES, QUOTES};
use super::lexicon::Cat;
use super::tokens::TokKind;
use crate::model::{Boilerplate, BoilerplateKind, Span};

/// A sentence of article body: a claim candidate.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub toks: Range<usize>,
    /// Index of the line (paragraph) it is on.
    pub line: usize,
}

pub struct Structure {
    pub sentences: Vec<Sentence>,
    pub boilerplate: Vec<Boilerplate>,
}

pub fn structure(doc: &Doc, end: usize) -> Structure {
    // News prose runs about 170 bytes a sentence: room for all at once.
    let mut out = Structure { sentences: Vec::with_capacity(end / 128 + 4), boilerplate: Vec::new() };
    let mut ranges = Vec::new();
    let text = &doc.text[..end];
    let mut line_start = 0;
    let mut seen_content = false;
    for (n, raw) in text.split('\n').enumerate() {
        let start = line_start;
        line_start += raw.len() + 1;
        let a = doc.tok_at(start);
        let b = doc.tok_at(start + raw.len());
        if a >= b {
            continue;
        }
        let line_span = doc.span(a, b);
        let mut furniture = line_furniture(doc, a..b, !seen_content);
        // The first line of an article, short and unpunctuated, is its
        // headline even in sentence case (`Harga BBM naik mulai besok`).
        if furniture.is_none()
            && !seen_content
            && unpunctuated(doc, a..b)
            && (2..=16).contains(&word_count(doc, a..b))
            && !text[line_start.min(text.len())..].trim_start().is_empty()
        {
            furniture = Some(BoilerplateKind::Title);
        }
        if let Some(kind) = furniture {
            out.boilerplate.push(Boilerplate { span: line_span, kind });
            if kind == BoilerplateKind::Title {
                seen_content = true;
            }
            continue;
        }
        seen_content = true;
        let mut first = true;
        split_sentences(doc, a..b, &mut ranges);
        for range in ranges.drain(..) {
            let mut range = range;
            if first {
                first = false;
                if let Some(dash) = dateline(doc, range.clone()) {
                    let rest = dash + 1..range.end;
                    let whole = rest.is_empty() || is_place_only(doc, rest.clone());
                    let to = if whole { range.end } else { dash + 1 };
                    out.boilerplate
                        .push(Boilerplate { span: doc.span(range.start, to), kind: BoilerplateKind::Dateline });
                    if whole {
                        continue;
                    }
                    range = rest;
                }
            }
            if let Some(kind) = sentence_furniture(doc, range.clone()) {
                out.boilerplate.push(Boilerplate { span: doc.span(range.start, range.end), kind });
                continue;
            }
            out.sentences.push(Sentence { span: doc.span(range.start, range.end), toks: range, line: n });
        }
    }
    out
}

/// Splits a line's tokens into sentences, into `out` (empty; one buffer
/// serves every line).
fn split_sentences(doc: &Doc, line: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = line.start;
    let mut i = line.start;
    while i < line.end {
        if !doc.punct(i, &['.', '!', '?', '…']) || (doc.punct(i, &['.']) && is_abbreviation(doc, i, line.start)) {
            i += 1;
            continue;
        }
        // Take the rest of a run like `?!`, `...` or `.”` with it.
        let mut j = i + 1;
        while j < line.end
            && !doc.space_before(j)
            && (doc.punct(j, &['.', '!', '?', '…', ')', ']']) || doc.punct(j, QUOTES))
        {
            j += 1;
        }
        if j < line.end && doc.space_before(j) && !starts_lower(doc, j) {
            out.push(start..j);
            start = j;
        }
        i = j;
    }
    if start < line.end {
        out.push(start..line.end);
    }
}

fn starts_lower(doc: &Doc, i: usize) -> bool {
    doc.word(i).chars().next().is_some_and(char::is_lowercase)
}

/// A `.` after `Dr`, `Jl`, an initial (`Jean H. Lee`) or a dotted short form
/// (`S.H.`) does not end a sentence.
fn is_abbreviation(doc: &Doc, dot: usize, line_start: usize) -> bool {
    if dot == line_start || doc.space_before(dot) || doc.kind(dot - 1) != TokKind::Word {
        return false;
    }
    let w = doc.word(dot - 1);
    let low = doc.low(dot - 1);
    let single_initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    single_initial
        || (w.contains('.') && w.len() <= 6)
        || matches!(
            low,
            "dr" | "drs"
                | "dt"
                | "dra"
                | "drg"
                | "prof"
                | "ir"
                | "hj"
                | "kh"
                | "st"
                | "sdr"
                | "sdri"
                | "bpk"
                | "ny"
                | "tn"
                | "no"
                | "jl"
                | "jln"
                | "kec"
                | "kab"
                | "kel"
                | "ds"
                | "tbk"
                | "vs"
                | "mr"
                | "mrs"
                | "ms"
                | "jr"
                | "sr"
                | "kol"
                | "let"
                | "kapt"
                | "ltd"
                | "inc"
                | "co"
                | "corp"
                | "gen"
                | "yth"
                | "an"
                | "rp"
                | "dkk"
                | "hlm"
                | "tel"
                | "telp"
                | "ust"
                | "pdt"
                | "mgr"
                | "nn"
        )
}

/// Classifies a whole line as furniture, or `None` for body text.
fn line_furniture(doc: &Doc, line: Range<usize>, first: bool) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    let (a, n) = (line.start, line.len());
    let low = |k: usize| if k < n { doc.low(a + k) } else { "" };
    let colon = |k: usize| k < n && doc.punct(a + k, &[':']);
    let w0 = low(0);
    let w1 = low(1);
    let byline_head = matches!(
        w0,
        "reporter"
            | "editor"
            | "penulis"
            | "pewarta"
            | "redaktur"
            | "penyunting"
            | "kontributor"
            | "fotografer"
            | "foto"
            | "wartawan"
            | "oleh"
            | "sumber"
            | "video"
            | "grafis"
            | "produser"
            | "penerjemah"
            | "editing"
            | "writer"
            | "author"
            | "koresponden"
            | "layouter"
            | "ilustrasi"
            | "infografis"
    );
    if (byline_head && (colon(1) || (n >= 3 && colon(2) && w0 == "foto")))
        || (w0 == "laporan" && matches!(w1, "wartawan" | "reporter" | "kontributor" | "koresponden" | "jurnalis"))
        || (w0 == "kontributor" && n <= 12)
    {
        return Some(Byline);
    }
    let related = (w0 == "baca" && (w1 == "juga" || colon(1) || w1 == "selengkapnya" || w1 == "berita"))
        || (matches!(w0, "simak" | "lihat" | "tonton" | "saksikan") && matches!(w1, "juga" | "video"))
        || (matches!(w0, "artikel" | "berita" | "topik") && matches!(w1, "terkait" | "lainnya" | "pilihan"))
        || (matches!(w0, "tags" | "tag" | "topik") && colon(1))
        || (w0 == "kata" && w1 == "kunci" && colon(2));
    if related {
        return Some(RelatedLink);
    }
    let footer = (matches!(w0, "kirim" | "isi" | "tulis" | "lihat" | "tampilkan") && w1 == "komentar")
        || (w0 == "komentar" && n <= 3)
        || (w0 == "dapatkan" && matches!(w1, "update" | "berita" | "informasi" | "info"))
        || (w0 == "ikuti"
            && matches!(
                w1,
                "kami" | "berita" | "update" | "saluran" | "akun" | "juga" | "terus" | "channel" | "whatsapp"
            ))
        || (matches!(w0, "download" | "unduh") && matches!(w1, "aplikasi" | "app"))
        || (matches!(w0, "gabung" | "bergabung") && n <= 15)
        || (w0 == "klik" && n <= 12)
        || w0 == "follow";
    if footer {
        return Some(CommentFooter);
    }
    if matches!(w0, "advertisement" | "iklan" | "sponsored" | "scroll") && n <= 6 || (w0 == "scroll" && w1 == "to") {
        return Some(Advertisement);
    }
    if w0 == "copyright" || doc.word(a) == "©" || (w0 == "hak" && w1 == "cipta") {
        return Some(Copyright);
    }
    if is_embed(doc, line.clone()) {
        return Some(Embed);
    }
    if is_headline(doc, line) {
        return Some(if first { Title } else { Heading });
    }
    None
}

/// `[Gambas:Video 20detik]`, a tweet's signature `— Kemenkes RI (@KemenkesRI)
/// February 5, 2024`, `pic.twitter.com/x`, or a bare link.
fn is_embed(doc: &Doc, line: Range<usize>) -> bool {
    let (a, last) = (line.start, line.end - 1);
    let bracketed = doc.punct(a, &['[']) && doc.punct(last, &[']']);
    let handle = (a..last).any(|i| doc.punct(i, &['(']) && doc.punct(i + 1, &['@']));
    let signed = doc.punct(a, &['—', '–', '-']) && handle;
    let link = line.len() <= 12 && matches!(doc.low(a), "http" | "https" | "pic.twitter.com" | "www");
    bracketed || signed || link
}

/// A line without closing punctuation whose words are mostly capitalized.
fn is_headline(doc: &Doc, line: Range<usize>) -> bool {
    if !unpunctuated(doc, line.clone()) {
        return false;
    }
    let words: Vec<usize> = line.clone().filter(|&i| doc.kind(i) == TokKind::Word).collect();
    if words.len() < 2 || words.len() > 22 {
        return false;
    }
    let long: Vec<&usize> = words.iter().filter(|&&i| doc.word(i).chars().count() >= 4).collect();
    let caps = long.iter().filter(|&&&i| doc.cap(i)).count();
    !long.is_empty() && caps * 10 >= long.len() * 6
}

/// The line does not end as a sentence does (`.`, `,`, `;`, `:`, `)` or a
/// closing quote after one of them). `?` and `!` may end a headline.
fn unpunctuated(doc: &Doc, line: Range<usize>) -> bool {
    let last = line.end - 1;
    !(doc.punct(last, &['.', ',', ';', ':', ')'])
        || (doc.punct(last, QUOTES) && line.len() > 1 && doc.punct(last - 1, &['.', ',', '!', '?'])))
}

fn word_count(doc: &Doc, line: Range<usize>) -> usize {
    line.filter(|&i| doc.kind(i) == TokKind::Word).count()
}

/// The index of the dash that ends a dateline at the start of `s`, if any.
fn dateline(doc: &Doc, s: Range<usize>) -> Option<usize> {
    let limit = s.end.min(s.start + 10);
    let dash = (s.start + 1..limit).find(|&i| doc.punct(i, DASHES))?;
    // `JawaPos.com–Presiden`: a dash against the words needs a marked prefix.
    let spaced = doc.space_before(dash);
    // `--` is two tokens; the second one ends the dateline.
    let end =
        if dash + 1 < s.end && doc.punct(dash + 1, DASHES) && !doc.space_before(dash + 1) { dash + 1 } else { dash };
    let prefix = s.start..dash;
    let mut marked = false;
    let mut places = 0;
    let mut words = 0;
    for i in prefix.clone() {
        match doc.kind(i) {
            TokKind::Punct if doc.punct(i, &[',', '(', ')', '.', '/']) => {}
            TokKind::Punct => return None,
            TokKind::Number => return None,
            TokKind::Word => {
                words += 1;
                if !doc.cap(i) && !doc.word(i).contains('.') {
                    return None;
                }
                if doc.all_caps(i) || (doc.word(i).contains('.') && doc.word(i).chars().any(char::is_alphabetic)) {
                    marked = true;
                }
                if doc.is(i, Cat::PLACE) || doc.is(i, Cat::DIRECTION) {
                    places += 1;
                }
            }
        }
    }
    (words > 0 && words <= 6 && (marked || (spaced && places == words))).then_some(end)
}

/// `KYIV.` after a dateline dash: a place and nothing else.
fn is_place_only(doc: &Doc, rest: Range<usize>) -> bool {
    let words = rest.clone().filter(|&i| doc.kind(i) == TokKind::Word).count();
    words <= 3 && rest.clone().all(|i| doc.punct(i, &['.', ',']) || (doc.kind(i) == TokKind::Word && doc.all_caps(i)))
}

/// A sentence that is furniture although its line is not: `(dam)`,
/// `[Gambas:Video CNN]`, `ADVERTISEMENT`.
fn sentence_furniture(doc: &Doc, s: Range<usize>) -> Option<BoilerplateKind> {
    let first = s.start;
    let last = s.end - 1;
    let bytes = doc.toks[last].end() - doc.toks[first].start();
    if s.len() >= 3 && doc.punct(first, &['(']) && doc.punct(last, &[')']) && bytes <= 40 {
        return Some(BoilerplateKind::SignOff);
    }
    if doc.punct(first, &['[']) && doc.punct(last, &[']']) {
        return Some(BoilerplateKind::Embed);
    }
    if s.len() <= 5 && matches!(doc.low(first), "advertisement" | "scroll" | "iklan") {
        return Some(BoilerplateKind::Advertisement);
    }
    None
}
