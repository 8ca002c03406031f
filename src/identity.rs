//! What makes two documents the same document: their text, not their id.
//!
//! A colleague's library, a Label Studio task and a doccano record each give
//! an article an id of their own, and a copy pasted from a browser differs
//! from the saved one in line endings and spacing. [`content_hash`] names a
//! text by its words, so imports, agreement and deduplication match documents
//! by content while every tool keeps its own id.

/// A stable name for the content of `text`: 16 lower-case hex digits of the
/// 64-bit FNV-1a hash of [`normalise`]d text. Equal for texts that differ only
/// in line endings, runs of spaces, non-breaking or zero-width spaces, a byte
/// order mark or surrounding blank space; the same on every platform and in
/// every build (the page and the CLI agree).
///
/// 64 bits: the chance that two different texts of a library of a million
/// documents share a hash is about 3 in 100 million.
pub fn content_hash(text: &str) -> String {
    // FNV-1a: a few lines with published constants, stable forever; a
    // cryptographic hash would add a dependency for no gain (nothing here is
    // adversarial: a collision only offers to match two documents).
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for byte in normalise(text).bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    format!("{hash:016x}")
}

/// The text as [`content_hash`] reads it: zero-width characters (U+200B-D,
/// U+2060, U+FEFF) are dropped, every run of white space (line breaks and
/// U+00A0 included) becomes one space, and the ends are trimmed. Case and punctuation are kept: they are the author's.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}') {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(content_hash(a), content_hash(b), "{a:?} vs {b:?}");
    }

    fn differ(a: &str, b: &str) {
        assert_ne!(content_hash(a), content_hash(b), "{a:?} vs {b:?}");
    }

    #[test]
    fn known_values() {
        // FNV-1a 64 reference values (the empty string is the offset basis;
        // "a" is the published test vector af63dc4c8601ec8c).
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_eq!(content_hash("a"), "af63dc4c8601ec8c");
        assert_eq!(content_hash("  a\r\n"), "af63dc4c8601ec8c");
    }

    #[test]
    fn spacing_does_not_matter() {
        same("Jakarta, kata Budi.\nIa datang.", "Jakarta,  kata Budi.\r\n\r\nIa datang.  ");
        same("harga\u{a0}naik", "harga naik");
        same("\u{feff}harga naik", "harga naik");
        same("har\u{200b}ga", "harga");
    }

    #[test]
    fn words_do() {
        differ("Harga naik.", "harga naik.");
        differ("Harga naik.", "Harga naik");
        differ("hargana ik", "harga naik");
        differ("😀", "😁");
    }
}
