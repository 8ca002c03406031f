//! The hash behind the extractor's maps: the lexicon (fixed at build time)
//! and the per-document tables of names, roles and profiles. Keys are short
//! words, names and byte offsets; std's SipHash guards against HashDoS,
//! which a map rebuilt for each document and dropped after it does not need,
//! and it cost about 6% of the extraction's instructions (callgrind, the
//! samples, main 51b6004). No map's iteration order reaches the output:
//! they are only probed.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` hashed with [`WordHash`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHash>>;
/// A `HashSet` hashed with [`WordHash`].
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHash>>;

/// A hash for short words: eight bytes at a time, one multiply each, mixed
/// once at the end. The keys are short ASCII words, where this beats SipHash
/// (and byte-at-a-time FNV) several times over. HashDoS is no concern: the
/// lexicon is fixed, and a text crafted to collide would only slow its own
/// extraction on the user's machine.
#[derive(Default)]
pub struct WordHash(u64);

const MUL: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hasher for WordHash {
    fn finish(&self) -> u64 {
        let h = self.0 ^ (self.0 >> 32);
        h.wrapping_mul(MUL) ^ (h >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0; 8];
            w.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(MUL).rotate_left(23);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = 0u64;
            for (k, b) in rest.iter().enumerate() {
                w |= u64::from(*b) << (8 * k);
            }
            h = (h ^ w).wrapping_mul(MUL).rotate_left(23);
        }
        self.0 = h;
    }
    fn write_usize(&mut self, n: usize) {
        // The length prefix of a slice key: one step, not eight bytes.
        self.0 = (self.0 ^ n as u64).wrapping_mul(MUL);
    }
}

/// Calls `f` with `w` in lower case, exactly as `str::to_lowercase` gives it,
/// without allocating for a short ASCII word (most names): for probing the
/// maps above by a lower-case key.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.is_ascii() && w.len() <= buf.len() {
        let low = &mut buf[..w.len()];
        low.copy_from_slice(w.as_bytes());
        low.make_ascii_lowercase();
        // ASCII lower-cased is still ASCII, so valid UTF-8.
        return f(std::str::from_utf8(low).unwrap_or_default());
    }
    f(&w.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::with_lower;

    #[test]
    fn with_lower_is_to_lowercase() {
        for w in
            ["Kirby", "KIRBY", "kirby", "", "Ma'ruf", "ÉDOUARD", "İstanbul", "ΟΔΥΣΣΕΥΣ", "K", "A".repeat(40).as_str()]
        {
            assert_eq!(with_lower(w, str::to_owned), w.to_lowercase(), "{w:?}");
        }
    }
}
