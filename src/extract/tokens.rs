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
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token { span: Span::at(start, start + c.len_utf8()), kind: TokKind::Punct, cap: false });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut prev = c;
        while let Some(&(i, next)) = chars.peek() {
            if is_word_char(next) {
                chars.next();
                end = i + next.len_utf8();
                prev = next;
                continue;
            }
            // A joiner stays inside the token only between two fitting characters.
            let after = text[i + next.len_utf8()..].chars().next();
            let joins = match (next, after) {
                (_, None) => false,
                // `6.700`, `KONTAN.CO.ID`, `Liputan6.com`.
                ('.', Some(a)) => {
                    (prev.is_ascii_digit() && a.is_ascii_digit()) || (prev.is_alphanumeric() && a.is_alphabetic())
                }
                (',' | ':', Some(a)) => prev.is_ascii_digit() && a.is_ascii_digit(),
                ('-' | '/', Some(a)) => prev.is_alphanumeric() && a.is_alphanumeric(),
                ('\'' | '’', Some(a)) => prev.is_alphabetic() && a.is_alphabetic(),
                _ => false,
            };
            if !joins {
                break;
            }
            chars.next();
            end = i + next.len_utf8();
            prev = next;
        }
        let kind = if c.is_ascii_digit() { TokKind::Number } else { TokKind::Word };
        tokens.push(Token { span: Span::at(start, end), kind, cap: c.is_uppercase() });
    }
    tokens
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
        let got: Vec<&str> = tokenize(text).iter().map(|t| t.span.text(text)).collect();
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
