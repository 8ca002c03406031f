//! Splits text into words, numbers and punctuation with byte spans.
//!
//! A word keeps its inner joiners (`diam-diam`, `KONTAN.CO.ID`, `Ma’ruf`,
//! `mdk/ded`) and a number its separators (`6.700`, `1,5`, `15/3/2023`), so
//! that later passes see the units a reader sees.

use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
    /// The first character is an upper-case letter.
    pub cap: bool,
    /// A line feed (or the start of the text) comes before the token.
    pub newline_before: bool,
    /// The character of a punctuation token, `'\0'` for words and numbers.
    pub punct: char,
}

impl Token {
    pub fn start(&self) -> usize {
        self.span.start()
    }
    pub fn end(&self) -> usize {
        self.span.end()
    }
}

/// Tokenizes `text`. Whitespace (including line breaks) separates tokens and
/// is not itself a token; callers look at the bytes between tokens for that.
/// Into `tokens` (cleared first), so that a caller can reuse one buffer for
/// many documents.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    tokens.clear();
    // News text has about one token per 4.3 bytes: room for all of them at once.
    tokens.reserve(text.len() / 4 + 16);
    let mut newline_before = true;
    let mut i = 0;
    while i < bytes.len() {
        // Most of an article is ASCII: classify a byte by table, decode only
        // the rest.
        let b = bytes[i];
        let c = match ASCII[usize::from(b)] {
            SPACE => {
                newline_before |= b == b'\n';
                i += 1;
                continue;
            }
            PUNCT => {
                tokens.push(punct(i, 1, b as char, newline_before));
                newline_before = false;
                i += 1;
                continue;
            }
            ALNUM => b as char,
            _ => {
                let c = char_at(text, i);
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                if !is_word_char(c) {
                    tokens.push(punct(i, c.len_utf8(), c, newline_before));
                    newline_before = false;
                    i += c.len_utf8();
                    continue;
                }
                c
            }
        };
        let start = i;
        let mut end = i + c.len_utf8();
        let mut prev = c;
        loop {
            // Most of a word is ASCII letters and digits: no decoding needed.
            let run = end;
            while end < bytes.len() && ASCII[usize::from(bytes[end])] == ALNUM {
                end += 1;
            }
            if end > run {
                prev = bytes[end - 1] as char;
            }
            if end >= bytes.len() {
                break;
            }
            let next = match bytes[end] {
                // The usual end of a word: a space or punctuation that never joins.
                b if b.is_ascii() && !matches!(b, b'.' | b',' | b':' | b'-' | b'/' | b'\'') => break,
                b if b.is_ascii() => b as char,
                _ => char_at(text, end),
            };
            if is_word_char(next) {
                end += next.len_utf8();
                prev = next;
                continue;
            }
            // A joiner stays inside the token only between two fitting characters.
            let after = end + next.len_utf8();
            let a = if after < bytes.len() { char_at(text, after) } else { ' ' };
            let joins = match next {
                // `6.700`, `KONTAN.CO.ID`, `Liputan6.com`.
                '.' => (prev.is_ascii_digit() && a.is_ascii_digit()) || (prev.is_alphanumeric() && a.is_alphabetic()),
                ',' | ':' => prev.is_ascii_digit() && a.is_ascii_digit(),
                '-' | '/' => prev.is_alphanumeric() && a.is_alphanumeric(),
                '\'' | '’' => prev.is_alphabetic() && a.is_alphabetic(),
                _ => false,
            };
            if !joins {
                break;
            }
            end = after;
            prev = next;
        }
        let kind = if c.is_ascii_digit() { TokKind::Number } else { TokKind::Word };
        tokens.push(Token { span: Span::at(start, end), kind, cap: c.is_uppercase(), newline_before, punct: '\0' });
        newline_before = false;
        i = end;
    }
}

fn punct(at: usize, width: usize, c: char, newline_before: bool) -> Token {
    Token { span: Span::at(at, at + width), kind: TokKind::Punct, cap: false, newline_before, punct: c }
}

/// Classes of ASCII bytes; `OTHER` marks the first byte of a multi-byte
/// character.
const SPACE: u8 = 0;
const PUNCT: u8 = 1;
const ALNUM: u8 = 2;
const OTHER: u8 = 3;
static ASCII: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c.is_ascii_whitespace() || c == 0x0b {
            // As `char::is_whitespace`, which also counts the vertical tab.
            SPACE
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// The character starting at byte `i` (a char boundary).
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes()[i] {
        b if b.is_ascii() => b as char,
        _ => text[i..].chars().next().unwrap_or(' '),
    }
}

/// Letters, digits and marks. Non-ASCII symbols that are punctuation in news
/// text (typographic quotes, dashes, ellipsis, bullets) are not.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !c.is_whitespace()
        && !matches!(
            c,
            '“' | '”'
                | '„'
                | '‟'
                | '‘'
                | '’'
                | '‚'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '–'
                | '—'
                | '―'
                | '‒'
                | '−'
                | '…'
                | '•'
                | '·'
                | '©'
                | '®'
                | '™'
                | '°'
                | '€'
                | '£'
                | '¥'
                | '§'
                | '¶'
                | '\u{a0}'
                | '\u{200b}'
                | '\u{feff}'
        )
        && !('\u{1f000}'..='\u{1faff}').contains(&c)
        && !('\u{2600}'..='\u{27bf}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let mut tokens = Vec::new();
        tokenize_into(text, &mut tokens);
        let got: Vec<&str> = tokens.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn keeps_units_whole() {
        check("6.700 kontainer", &["6.700", "kontainer"]);
        check("Rp482,5 triliun.", &["Rp482,5", "triliun", "."]);
        check("(15/3/2023)", &["(", "15/3/2023", ")"]);
        check("diam – diam", &["diam", "–", "diam"]);
        check("diam-diam, KONTAN.CO.ID -", &["diam-diam", ",", "KONTAN.CO.ID", "-"]);
        check("Ma’ruf “kata”", &["Ma’ruf", "“", "kata", "”"]);
        check("ujar Jose\u{301}.", &["ujar", "Jose\u{301}", "."]);
        check("12% naik 😀!", &["12", "%", "naik", "😀", "!"]);
        check("Rusia. Ia", &["Rusia", ".", "Ia"]);
        check("Liputan6.com, Rp.10.000", &["Liputan6.com", ",", "Rp", ".", "10.000"]);
        check("", &[]);
    }
}
