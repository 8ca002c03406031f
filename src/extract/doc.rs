//! A document prepared for the passes: its tokens, their lower-case text and
//! lexicon categories, computed once.

use super::lexicon::{self, Cat};
use std::cell::Cell;

use super::tokens::{tokenize_into, TokKind, Token};
use crate::model::Span;

pub struct Doc<'t> {
    pub text: &'t str,
    /// `text` with ASCII letters lower-cased: same byte offsets, so a token's
    /// lower-case form is a plain slice.
    lower: String,
    pub toks: Vec<Token>,
    /// Per token, what the passes ask most often, computed once.
    info: Vec<Info>,
}

#[derive(Clone, Copy)]
struct Info {
    cat: Cat,
    all_caps: bool,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Doc<'t> {
        let Buffers { mut lower, mut toks, mut info } = SPARE.with(Cell::take).unwrap_or_default();
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        tokenize_into(text, &mut toks);
        let lexicon = lexicon::table();
        info.clear();
        info.extend(toks.iter().map(|t| match t.kind {
            TokKind::Punct | TokKind::Number => Info { cat: Cat::default(), all_caps: false },
            TokKind::Word => Info {
                cat: lexicon.get(&lower.as_bytes()[t.start()..t.end()]),
                // Only a capitalized word can be in capitals throughout.
                all_caps: t.cap && all_caps(&text[t.start()..t.end()]),
            },
        }));
        Doc { text, lower, toks, info }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token's text as written.
    pub fn word(&self, i: usize) -> &'t str {
        self.toks[i].span.text(self.text)
    }

    /// The token's text with ASCII letters in lower case.
    pub fn low(&self, i: usize) -> &str {
        &self.lower[self.toks[i].start()..self.toks[i].end()]
    }

    pub fn cat(&self, i: usize) -> Cat {
        self.info[i].cat
    }

    pub fn is(&self, i: usize, c: Cat) -> bool {
        self.info[i].cat.has(c)
    }

    pub fn kind(&self, i: usize) -> TokKind {
        self.toks[i].kind
    }

    pub fn cap(&self, i: usize) -> bool {
        self.toks[i].cap
    }

    /// The token is this punctuation character.
    pub fn punct(&self, i: usize, chars: &[char]) -> bool {
        let c = self.toks[i].punct;
        c != '\0' && chars.contains(&c)
    }

    /// The token is written in capitals throughout (`KPK`, `TRIBUNNEWS.COM`).
    pub fn all_caps(&self, i: usize) -> bool {
        self.info[i].all_caps
    }

    /// Whitespace separates token `i` from the one before it.
    pub fn space_before(&self, i: usize) -> bool {
        i == 0 || self.toks[i - 1].end() < self.toks[i].start()
    }

    pub fn span(&self, from: usize, to: usize) -> Span {
        Span::at(self.toks[from].start(), self.toks[to - 1].end())
    }

    /// Index of the first token that starts at or after `byte`.
    pub fn tok_at(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.start() < byte)
    }
}

/// A document's buffers outlive it on its thread, for the next document: a
/// batch reads thousands of articles, and each fresh large block (tokens,
/// lower-case text) made glibc's malloc consolidate its free lists first
/// (`malloc_consolidate`, about 2% of the time on the samples).
#[derive(Default)]
struct Buffers {
    lower: String,
    toks: Vec<Token>,
    info: Vec<Info>,
}

/// Buffers of documents up to this many bytes are kept: a pasted 5 MB
/// transcript's are not held for the rest of the session.
const SPARE_UP_TO: usize = 1 << 20;

thread_local! {
    static SPARE: Cell<Option<Buffers>> = const { Cell::new(None) };
}

impl Drop for Doc<'_> {
    fn drop(&mut self) {
        if self.lower.capacity() <= SPARE_UP_TO {
            let buffers = Buffers {
                lower: std::mem::take(&mut self.lower),
                toks: std::mem::take(&mut self.toks),
                info: std::mem::take(&mut self.info),
            };
            // A thread being torn down has no spare slot: the buffers are freed.
            let _ = SPARE.try_with(|spare| spare.set(Some(buffers)));
        }
    }
}

pub const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»'];
pub const DASHES: &[char] = &['-', '–', '—', '―', '‒'];

impl Doc<'_> {
    /// A line break lies between token `i` and the one before it.
    pub fn newline_before(&self, i: usize) -> bool {
        self.toks[i].newline_before
    }
}

/// At least two letters, none of them lower case (`KPK`, `TRIBUNNEWS.COM`).
fn all_caps(w: &str) -> bool {
    if w.is_ascii() {
        let b = w.as_bytes();
        return b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2 && !b.iter().any(u8::is_ascii_lowercase);
    }
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}
