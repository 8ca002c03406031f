//! A light Indonesian stemmer: particles (`-lah`, `-kah`, `-pun`), `-nya`, derivational prefixes
//! (`di-`, `ke-`, `meN-`, `peN-`, `ber-`, `ter-`, `per-`) and suffixes
//! (`-kan`, `-an`, `-i`) are stripped without a dictionary.
//!
//! Without a root list, `mengirim` cannot know whether its root is `kirim` or
//! `irim`; instead every stem is *folded*: a `k`, `p`, `t` or `s` before a
//! vowel at its start is dropped, which is exactly the consonant `meN-`/`peN-`
//! swallow. `mengirim`, `dikirim`, `kiriman` and `pengiriman` all become
//! `irim`. The folded stem is a matching key, not a word to show. It was
//! written rather than taken from a crate: the Snowball crates carry 20
//! languages and `sastrawi-rs` a 26k-word dictionary, where linking only
//! needs the same key for the same root.
//!
//! A root list would settle `dicari` (`car`) against `pencarian` (`cari`),
//! but none fits the crate's licence: Sastrawi's list (PyPI `Sastrawi`, the
//! code MIT) is Kateglo's under CC BY-NC-SA 3.0, the Debian `hunspell-id`
//! dictionary is LGPL-3. Measured anyway (session 4, never shipped: its
//! 29,932 roots looked up with the affixes undone, the fold kept), it
//! lowered group F1 on the seeds (-0.01), dev (-0.03) and blind (-0.02)
//! and raised it on blind2 and blind3, so it would not earn its ~85 KB
//! gzipped either.

/// The matching key of a lower-case word.
pub fn stem(word: &str) -> String {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) || word.len() < 4 {
        return word.to_owned();
    }
    let mut w = word;
    for particle in ["lah", "kah", "pun"] {
        if let Some(rest) = w.strip_suffix(particle) {
            if rest.len() >= 4 {
                w = rest;
                break;
            }
        }
    }
    for possessive in ["nya"] {
        if let Some(rest) = w.strip_suffix(possessive) {
            if rest.len() >= 4 {
                w = rest;
                break;
            }
        }
    }
    let mut prefixed = false;
    for _ in 0..2 {
        match strip_prefix(w) {
            Some(rest) if rest.len() >= 3 => {
                w = rest;
                prefixed = true;
            }
            _ => break,
        }
    }
    let mut suffixed = false;
    for suffix in ["kan", "an"] {
        if let Some(rest) = w.strip_suffix(suffix) {
            if rest.len() >= if prefixed { 3 } else { 4 } {
                w = rest;
                suffixed = true;
                break;
            }
        }
    }
    // `-i` never follows `-kan`/`-an` (`merugikan` keeps the `i` of `rugi`).
    if prefixed && !suffixed && w.len() >= 4 && w.ends_with('i') && !w.ends_with("ai") {
        w = &w[..w.len() - 1];
    }
    fold(w).to_owned()
}

/// Drops the consonant a nasal prefix would have swallowed, and a final `k`
/// after a vowel (`pasokan` is `pasok-an` but strips like `paso-kan`).
fn fold(w: &str) -> &str {
    let b = w.as_bytes();
    let mut w = w;
    if b.len() >= 4 && matches!(b[0], b'k' | b'p' | b't' | b's') && is_vowel(b[1]) {
        w = &w[1..];
    }
    let b = w.as_bytes();
    if b.len() >= 4 && b[b.len() - 1] == b'k' && is_vowel(b[b.len() - 2]) {
        w = &w[..w.len() - 1];
    }
    w
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// One derivational prefix off `w`, with the nasal assimilation undone up to
/// the fold (`meny-` + vowel leaves the vowel: `menyampaikan` → `ampaikan`).
fn strip_prefix(w: &str) -> Option<&str> {
    let b = w.as_bytes();
    let next = |n: usize| b.get(n).copied().unwrap_or(0);
    for head in ["me", "pe"] {
        if let Some(rest) = w.strip_prefix(head) {
            let r = rest.as_bytes();
            return Some(match r.first()? {
                b'n' if r.get(1) == Some(&b'g') && (is_vowel(next(4)) || matches!(next(4), b'g' | b'h' | b'k')) => {
                    &rest[2..]
                }
                b'n' if r.get(1) == Some(&b'y') && is_vowel(next(4)) => &rest[2..],
                b'n' if is_vowel(next(3)) || matches!(next(3), b'c' | b'd' | b'j' | b't' | b'z' | b's') => &rest[1..],
                b'm' if is_vowel(next(3)) || matches!(next(3), b'b' | b'p' | b'f') => &rest[1..],
                b'r' if head == "pe" && !is_vowel(next(3)) => &rest[1..],
                b'l' | b'm' | b'n' | b'r' | b'w' | b'y' => rest,
                _ => return None,
            });
        }
    }
    for head in ["ber", "ter", "per"] {
        if let Some(rest) = w.strip_prefix(head) {
            return Some(rest);
        }
    }
    for head in ["di", "ke", "be", "te"] {
        if let Some(rest) = w.strip_prefix(head) {
            if head.starts_with('b') || head.starts_with('t') {
                // `bekerja`, `tertawa`: only before a consonant + `er`.
                return (rest.len() > 2 && !is_vowel(rest.as_bytes()[0]) && rest[1..].starts_with("er"))
                    .then_some(rest);
            }
            return Some(rest);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn same(words: &[&str]) {
        let first = stem(words[0]);
        for w in &words[1..] {
            assert_eq!(stem(w), first, "{w} vs {}", words[0]);
        }
    }

    #[test]
    fn derivations_share_a_key() {
        same(&["kirim", "mengirim", "mengirimkan", "dikirim", "pengiriman", "kiriman", "dikirimkan"]);
        same(&["tuduh", "menuduh", "tuduhan", "dituduh"]);
        same(&["pasok", "memasok", "pasokan"]);
        same(&["sampai", "menyampaikan", "disampaikan"]);
        same(&["bantah", "membantah", "dibantah", "bantahan"]);
        same(&["rugi", "merugikan", "kerugian"]);
        same(&["temu", "bertemu", "pertemuan", "menemui"]);
        same(&["tipu", "menipu", "penipuan"]);
        same(&["selidik", "diselidiki", "penyelidikan"]);
        same(&["bakar", "terbakar", "kebakaran"]);
        same(&["dana", "dananya"]);
    }

    #[test]
    fn short_and_foreign_words_stay() {
        assert_eq!(stem("as"), "as");
        assert_eq!(stem("kim"), "kim");
        assert_eq!(stem("6.700"), "6.700");
        assert_eq!(stem("transfer"), stem("mentransfer"));
    }
}
