//! Offset conversion between the three units klaim deals in.
//!
//! The core works in UTF-8 byte offsets (what `&str` slicing wants), the DOM in
//! UTF-16 code units (what `Range.setStart` and `String.prototype.slice` want)
//! and every export in Unicode code points (what the JSON contract and Python's
//! `str` indexing want). This module is the only place that converts between
//! them, so a wrong offset can only come from here.

use serde::{Deserialize, Serialize};

/// A unit in which an offset into a text is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// UTF-8 bytes: Rust string slicing.
    Byte,
    /// Unicode scalar values: the export contract, Python `str`.
    CodePoint,
    /// UTF-16 code units: JavaScript strings and the DOM.
    Utf16,
}

impl Unit {
    /// The unit called `codepoint`, `utf16` or `byte` (as the CLI's `--unit`
    /// and the wasm binding take it).
    pub fn from_name(name: &str) -> Option<Unit> {
        match name {
            "codepoint" => Some(Unit::CodePoint),
            "utf16" => Some(Unit::Utf16),
            "byte" => Some(Unit::Byte),
            _ => None,
        }
    }
}

/// Converts offsets of one text between units in O(log n) each.
///
/// Built once per document. It records, for every non-ASCII character, where it
/// starts in each unit; ASCII runs between them convert by plain addition, so a
/// mostly-ASCII article costs almost no memory.
#[derive(Clone, Debug)]
pub struct OffsetMap {
    /// One checkpoint per non-ASCII character: its offset in bytes, code points
    /// and UTF-16 units, and its length in each.
    marks: Vec<Mark>,
    len: [usize; 3],
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    at: [usize; 3],
    width: [usize; 3],
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let mut marks = Vec::new();
        let mut u16s = 0usize;
        let mut cps = 0usize;
        for (cp, (byte, ch)) in text.char_indices().enumerate() {
            if !ch.is_ascii() {
                marks.push(Mark { at: [byte, cp, u16s], width: [ch.len_utf8(), 1, ch.len_utf16()] });
            }
            u16s += ch.len_utf16();
            cps = cp + 1;
        }
        OffsetMap { marks, len: [text.len(), cps, u16s] }
    }

    /// Length of the whole text in `unit`.
    pub fn len(&self, unit: Unit) -> usize {
        self.len[index(unit)]
    }

    pub fn is_empty(&self) -> bool {
        self.len[0] == 0
    }

    /// Converts `offset` from one unit to another.
    ///
    /// An offset past the end maps to the end; an offset that falls inside a
    /// character (a byte in the middle of `é`, the second half of a surrogate
    /// pair) maps to the start of that character. Both are clamped rather than
    /// refused because offsets from outside (the DOM, an imported file) are
    /// untrusted; callers that must reject them use [`OffsetMap::is_boundary`].
    pub fn convert(&self, offset: usize, from: Unit, to: Unit) -> usize {
        let (f, t) = (index(from), index(to));
        if f == t {
            return offset.min(self.len[f]);
        }
        if offset >= self.len[f] {
            return self.len[t];
        }
        // Marks are sorted in every unit at once, so one binary search finds the
        // last non-ASCII character starting at or before `offset`.
        let n = self.marks.partition_point(|m| m.at[f] <= offset);
        if n == 0 {
            return offset; // Only ASCII before it: all units agree.
        }
        let m = &self.marks[n - 1];
        let into = offset - m.at[f];
        if into < m.width[f] {
            m.at[t] // Inside (or at the start of) a multi-unit character.
        } else {
            // Past the character: the rest up to `offset` is ASCII.
            m.at[t] + m.width[t] + (into - m.width[f])
        }
    }

    /// Whether `offset` in `unit` falls on a character boundary of the text.
    pub fn is_boundary(&self, offset: usize, unit: Unit) -> bool {
        let f = index(unit);
        if offset > self.len[f] {
            return false;
        }
        if offset == self.len[f] {
            return true;
        }
        let n = self.marks.partition_point(|m| m.at[f] <= offset);
        n == 0 || {
            let m = &self.marks[n - 1];
            offset == m.at[f] || offset >= m.at[f] + m.width[f]
        }
    }
}

fn index(unit: Unit) -> usize {
    match unit {
        Unit::Byte => 0,
        Unit::CodePoint => 1,
        Unit::Utf16 => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks every boundary of `text` against a naive count, in all directions.
    #[track_caller]
    fn check(text: &str) {
        let map = OffsetMap::new(text);
        let mut u16s = 0;
        for (cp, (byte, ch)) in text.char_indices().chain(std::iter::once((text.len(), ' '))).enumerate() {
            let all = [(Unit::Byte, byte), (Unit::CodePoint, cp), (Unit::Utf16, u16s)];
            for (from, a) in all {
                assert!(map.is_boundary(a, from), "{text:?}: {a} {from:?} is a boundary");
                for (to, b) in all {
                    assert_eq!(map.convert(a, from, to), b, "{text:?}: {a} {from:?} -> {to:?}");
                }
            }
            u16s += ch.len_utf16();
        }
        assert_eq!(map.len(Unit::CodePoint), text.chars().count());
        assert_eq!(map.len(Unit::Utf16), text.encode_utf16().count());
    }

    #[test]
    fn converts_at_every_boundary() {
        check("");
        check("plain ascii");
        check("“Kami siap,” kata Budi – Jakarta");
        check("emoji 😀 di tengah 👍🏽 kalimat");
        check("Jose\u{301} dan Zoe\u{308}");
        check("العربية dan עברית");
        check("\u{0}nul\r\ncrlf");
        check("😀");
    }

    #[test]
    fn clamps_offsets_inside_characters() {
        let text = "a😀b";
        let map = OffsetMap::new(text);
        // Bytes 2..4 and UTF-16 unit 2 are inside the emoji.
        assert_eq!(map.convert(3, Unit::Byte, Unit::CodePoint), 1);
        assert_eq!(map.convert(2, Unit::Utf16, Unit::Byte), 1);
        assert!(!map.is_boundary(2, Unit::Utf16));
        assert!(!map.is_boundary(2, Unit::Byte));
        assert_eq!(map.convert(99, Unit::Utf16, Unit::CodePoint), 3);
        assert!(!map.is_boundary(99, Unit::CodePoint));
    }
}
