//! A light Indonesian stemmer: particles (`-lah`, `-kah`, `-pun`), `-nya`, derivational prefixes
//! (`di-`, `ke-`, `meN-`, `peN-`, `ber-`, `ter-`, `per-`) and suffixes
//! (`-kan`, `-an`, `-i`) are stripped without a dictionary.
//!
//! `meN-`/`peN-` swallow a root's first `k`, `p`, `t` or `s` (`mengirim`,
//! `memukul`, `menanam`, `menyampaikan`), so what is left after them opens
//! with a vowel either way: `mengirim` leaves `irim` (root `kirim`),
//! `mengambil` leaves `ambil` (root `ambil`). The stemmer gives the
//! consonant back, the one the nasal's form says (`ng` `k`, `m` `p`, `n`
//! `t`, `ny` `s`), unless the vowel-initial (or `m`, `n`, `ny`) root is one
//! of [`VOWEL_ROOTS`], [`NASAL_ROOTS`]: the Nazief-Adriani order (strip,
//! then check the remaining stem), with a short list of the exceptions in
//! place of a whole dictionary. A word without such a prefix keeps its
//! first letter: `pagi` is `pagi`, never `agi`. An earlier version folded
//! every stem instead (dropped any first `k`/`p`/`t`/`s` before a vowel),
//! which gave `kawah` and `sawah`, `siang` and `tiang`, `pangan` and
//! `tangan` one key. A vowel-initial root missing from the list only keeps
//! its `meN-`/`peN-` forms apart from its plain and `di-` forms.
//!
//! A whole root list would settle the rest (`dicari` `car` against
//! `pencarian` `cari`), but none fits the crate's licence: Sastrawi's list
//! (PyPI `Sastrawi`, the code MIT) is Kateglo's under CC BY-NC-SA 3.0, the
//! Debian `hunspell-id` dictionary is LGPL-3. Measured anyway (session 4,
//! never shipped: its 29,932 roots looked up with the affixes undone), it
//! lowered group F1 on the seeds (-0.01), dev (-0.03) and blind (-0.02) and
//! raised it on blind2 and blind3, so it would not earn its ~85 KB gzipped
//! either. The Snowball crates carry 20 languages for one light stemmer.

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
    // The consonant the innermost prefix may have swallowed.
    let mut swallowed = None;
    for _ in 0..2 {
        match strip_prefix(w) {
            Some((rest, nasal)) if rest.len() >= 3 => {
                w = rest;
                prefixed = true;
                swallowed = nasal;
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
    // `-i` never follows `-kan`/`-an` (`merugikan` keeps the `i` of `rugi`),
    // and a long word in `-si` is a loan (`mengevakuasi`, `diidentifikasi`),
    // whose `i` is its own.
    // A listed root is checked before the `-i` is taken (`mengungsi`).
    let loan = w.len() >= 8 && w.ends_with("si");
    let listed = swallowed.is_some_and(|c| listed(w, c).is_some());
    if prefixed && !suffixed && !loan && !listed && w.len() >= 4 && w.ends_with('i') && !w.ends_with("ai") {
        w = &w[..w.len() - 1];
    }
    let root = match swallowed {
        Some(consonant) => restore(w, consonant),
        None => w.to_owned(),
    };
    fold(&root).to_owned()
}

/// The root of `rest`, what a nasal prefix left before a vowel, given the
/// consonant that nasal stands for: `rest` itself when the vowel-initial
/// root is known, the nasal's own sound when that root is, else the
/// consonant given back.
fn restore(rest: &str, consonant: u8) -> String {
    listed(rest, consonant).unwrap_or_else(|| format!("{}{rest}", consonant as char))
}

/// The listed root `rest` stands for after a nasal that may have swallowed
/// `consonant`: `rest` itself, or with the nasal's own sound before it.
fn listed(rest: &str, consonant: u8) -> Option<String> {
    if consonant == b'k' {
        return in_list(VOWEL_ROOTS, rest).then(|| rest.to_owned());
    }
    let nasal = match consonant {
        b'p' => "m",
        b't' => "n",
        _ => "ny",
    };
    let own = format!("{nasal}{rest}");
    in_list(NASAL_ROOTS, &own).then_some(own)
}

/// Whether `word` is one of `list`'s space-separated words (a string, not a
/// slice of strings: the lists cost their letters and no pointers in wasm).
fn in_list(list: &str, word: &str) -> bool {
    list.split(' ').any(|w| w == word)
}

/// Drops a final `k` after a vowel (`pasokan` is `pasok-an` but strips
/// like `paso-kan`).
fn fold(w: &str) -> &str {
    let b = w.as_bytes();
    if b.len() >= 4 && b[b.len() - 1] == b'k' && is_vowel(b[b.len() - 2]) {
        return &w[..w.len() - 1];
    }
    w
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// One derivational prefix off `w`, with the consonant a nasal prefix may
/// have swallowed when what is left opens with a vowel (`menyampaikan` ->
/// `ampaikan` and `s`).
fn strip_prefix(w: &str) -> Option<(&str, Option<u8>)> {
    let b = w.as_bytes();
    let next = |n: usize| b.get(n).copied().unwrap_or(0);
    for head in ["me", "pe"] {
        if let Some(rest) = w.strip_prefix(head) {
            let r = rest.as_bytes();
            return Some(match r.first()? {
                b'n' if r.get(1) == Some(&b'g') && (is_vowel(next(4)) || matches!(next(4), b'g' | b'h' | b'k')) => {
                    (&rest[2..], is_vowel(next(4)).then_some(b'k'))
                }
                b'n' if r.get(1) == Some(&b'y') && is_vowel(next(4)) => (&rest[2..], Some(b's')),
                b'n' if is_vowel(next(3)) || matches!(next(3), b'c' | b'd' | b'j' | b't' | b'z' | b's') => {
                    (&rest[1..], is_vowel(next(3)).then_some(b't'))
                }
                b'm' if is_vowel(next(3)) || matches!(next(3), b'b' | b'p' | b'f') => {
                    (&rest[1..], is_vowel(next(3)).then_some(b'p'))
                }
                b'r' if head == "pe" && !is_vowel(next(3)) => (&rest[1..], None),
                b'l' | b'm' | b'n' | b'r' | b'w' | b'y' => (rest, None),
                _ => return None,
            });
        }
    }
    for head in ["ber", "ter", "per"] {
        if let Some(rest) = w.strip_prefix(head) {
            return Some((rest, None));
        }
    }
    for head in ["di", "ke", "be", "te"] {
        if let Some(rest) = w.strip_prefix(head) {
            if head.starts_with('b') || head.starts_with('t') {
                // `bekerja`, `tertawa`: only before a consonant + `er`.
                return (rest.len() > 2 && !is_vowel(rest.as_bytes()[0]) && rest[1..].starts_with("er"))
                    .then_some((rest, None));
            }
            return Some((rest, None));
        }
    }
    None
}

// Own lists, written for this module from common Indonesian usage (MIT,
// like the crate): roots of news verbs, as the stemmer leaves them (no
// `-i`, `-kan`, `-an`).

/// Roots that open with a vowel and take `meng-`/`peng-` (`mengambil`,
/// `pengungsi`), loans in `-si` among them. Sorted.
const VOWEL_ROOTS: &str = concat!(
    " ada adil adopsi adu ajak ajar aju akhir akomodasi akses aku alam alih alir alokasi aman amat",
    " ambil amuk ancam anggap anggar angkat angkut aniaya antar antisipasi antre apresiasi arah atas",
    " atur audit awal awas edar edukasi eksekusi eksploitasi ekspor elak emban endap evakuasi",
    " evaluasi identifikasi ikat ikut imbang imbau implementasi impor inap incar informasi ingat",
    " ingin injak intai integrasi intimidasi investigasi isi isolasi obat olah operasi oplos optimal",
    " ubah ucap uji ukur ulang umum undang unggah unggul ungkap ungsi untung upaya urai urus usir",
    " usul usung usut utama utus ",
);

/// Roots that open with `m`, `n` or `ny` before a vowel, which `mem-`,
/// `men-`, `meny-` leave as they would a `p`, `t`, `s` root (`meminta`,
/// `menilai`, `menyatakan`). Sorted.
const NASAL_ROOTS: &str = concat!(
    " maaf makan malu marah masak masuk menang milik minta minum mohon muat mulai musnah naik nasihat",
    " nikah nikmat nilai nyala nyanyi nyata ",
);

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

    #[track_caller]
    fn check(word: &str, key: &str) {
        assert_eq!(stem(word), key, "{word}");
    }

    #[track_caller]
    fn apart(a: &str, b: &str) {
        assert_ne!(stem(a), stem(b), "{a} and {b}");
    }

    #[test]
    fn plain_words_keep_their_first_consonant() {
        check("pagi", "pagi");
        check("kawah", "kawah");
        check("sungai", "sungai");
        check("tepi", "tepi");
        check("siang", "siang");
        apart("kawah", "sawah");
        apart("siang", "tiang");
        apart("tepi", "sepi");
        apart("kalah", "salah");
        apart("pangan", "tangan");
        apart("pajak", "mengajak");
        apart("sapi", "api");
    }

    #[test]
    fn a_nasal_prefix_gives_back_the_consonant_it_swallowed() {
        same(&["tanam", "menanam", "penanaman", "ditanam"]);
        same(&["pukul", "memukul", "dipukul"]);
        same(&["tangkap", "menangkap", "penangkapan", "ditangkap"]);
        same(&["selesai", "menyelesaikan", "diselesaikan"]);
        same(&["sidik", "penyidik", "penyidikan", "disidik"]);
    }

    #[test]
    fn a_root_that_opens_with_a_vowel_or_a_nasal_stays() {
        same(&["evakuasi", "mengevakuasi", "dievakuasi"]);
        same(&["ambil", "mengambil", "pengambilan", "diambil"]);
        same(&["ungsi", "mengungsi", "pengungsi", "pengungsian", "diungsikan"]);
        same(&["ungkap", "mengungkap", "pengungkapan", "diungkap", "terungkap"]);
        same(&["nilai", "menilai", "penilaian", "dinilai"]);
        same(&["minta", "meminta", "diminta", "permintaan"]);
        same(&["nyata", "menyatakan", "pernyataan", "dinyatakan"]);
    }

    #[test]
    fn root_lists_are_sorted() {
        for list in [super::VOWEL_ROOTS, super::NASAL_ROOTS] {
            let words: Vec<&str> = list.split(' ').filter(|w| !w.is_empty()).collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn short_and_foreign_words_stay() {
        assert_eq!(stem("as"), "as");
        assert_eq!(stem("kim"), "kim");
        assert_eq!(stem("6.700"), "6.700");
        assert_eq!(stem("transfer"), stem("mentransfer"));
    }
}
