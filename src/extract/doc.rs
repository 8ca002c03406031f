//! A document prepared for the passes: its tokens, their lower-case text and
//! lexicon categories, computed once.

use super::lexicon::{cat, Cat};
use super::tokens::{tokenize, TokKind, Token};
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
    /// The character of a punctuation token, `'\0'` for words and numbers.
    punct: char,
    all_caps: bool,
    newline_before: bool,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Doc<'t> {
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text);
        let mut prev_end = 0;
        let info = toks
            .iter()
            .map(|t| {
                let w = &text[t.start()..t.end()];
                let newline_before = prev_end == 0 || text.as_bytes()[prev_end..t.start()].contains(&b'\n');
                prev_end = t.end();
                match t.kind {
                    TokKind::Punct => Info {
                        cat: Cat::default(),
                        punct: w.chars().next().unwrap_or('\0'),
                        all_caps: false,
                        newline_before,
                    },
                    _ => Info {
                        cat: if t.kind == TokKind::Word { cat(&lower[t.start()..t.end()]) } else { Cat::default() },
                        punct: '\0',
                        // Only a capitalized word can be in capitals throughout.
                        all_caps: t.cap
                            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                            && !w.chars().any(char::is_lowercase),
                        newline_before,
                    },
                }
            })
            .collect();
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
        let c = self.info[i].punct;
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

pub const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»'];
pub const DASHES: &[char] = &['-', '–', '—', '―', '‒'];

impl Doc<'_> {
    /// A line break lies between token `i` and the one before it.
    pub fn newline_before(&self, i: usize) -> bool {
        self.info[i].newline_before
    }
}
