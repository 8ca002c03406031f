//! The bodies an article spells out, so that a short form of one written
//! elsewhere is given as the article spells it: `Dishub Kaltim` after
//! `Dinas Perhubungan Kalimantan Timur`, `Kantor Basarnas Palu` after
//! `Kantor Pencarian dan Pertolongan (Basarnas) Palu`, `Pemkab Konawe` after
//! `Pemerintah Kabupaten (Pemkab) Konawe`. Two names are the same body when
//! their words agree once short forms are spelled out (the article's own
//! acronyms, then the [`SHORT`] list) and the words the press drops or adds
//! freely are left out: a parenthesised acronym, `Provinsi`, and `Kota` or
//! `Kabupaten` after a body's head (`Dinas Kesehatan Kota Bogor` is `Dinkes
//! Bogor`; `Pemerintah Kota Bogor` keeps `Kota`). Names are compared by a hash
//! of those words, learnt once per body name: no search of the text per
//! claimant.

use std::hash::Hasher;
use std::ops::Range;

use crate::extract::doc::Doc;
use crate::extract::lexicon::Cat;
use crate::extract::tokens::TokKind;
use crate::extract::wordhash::{WordHash, WordMap};

/// The fullest spelling of each body named in the article, by its key.
#[derive(Default)]
pub struct Bodies {
    /// Key -> byte range of the longest spelling with that key.
    by_key: WordMap<u64, Range<usize>>,
}

impl Bodies {
    /// Reads the body names in sentence `r`: each capitalized run that opens
    /// with an organisation word (`Dinas`, `Kantor`, `Pemerintah`), with its
    /// `dan` and its parenthesised acronym, and every prefix of it of two
    /// words or more (the run may go on into a person's name).
    pub fn learn(&mut self, doc: &Doc, r: Range<usize>) {
        let word = |k: usize| doc.kind(k) == TokKind::Word;
        let opens = |k: usize| word(k) && doc.cap(k) && doc.is(k, Cat::ORG);
        for start in r.clone().filter(|&k| opens(k) && !(k > r.start && opens(k - 1))) {
            let mut key = Key::default();
            let mut k = start;
            while k < r.end && k - start < 16 {
                if doc.punct(k, &['(']) && k + 2 < r.end && word(k + 1) && doc.punct(k + 2, &[')']) {
                    k += 3; // `(Basarnas)`: written or not, the same body.
                    continue;
                }
                let joins = doc.low(k) == "dan" && k + 1 < r.end && word(k + 1) && doc.cap(k + 1);
                if !(word(k) && doc.cap(k) || joins) {
                    break;
                }
                key.push(doc.low(k));
                if key.words >= 2 && !joins {
                    let span = doc.span(start, k + 1);
                    let range = span.start()..span.end();
                    let longest = self.by_key.entry(key.hash).or_insert_with(|| range.clone());
                    if range.len() > longest.len() {
                        *longest = range;
                    }
                }
                k += 1;
            }
        }
    }

    /// The article's fullest spelling of `body` (`Dishub Kaltim`), when it
    /// has one other than `body` itself. `acronyms` holds the acronyms the
    /// article spells out (`Basarnas` -> `Kantor Pencarian dan Pertolongan
    /// (Basarnas) Palu`).
    pub fn fullest<'t>(&self, doc: &Doc<'t>, body: &str, acronyms: &WordMap<String, String>) -> Option<&'t str> {
        let mut key = Key::default();
        let mut short = false;
        for w in body.split_whitespace() {
            if let Some(full) = acronyms.get(w) {
                full.split_whitespace().filter(|f| !f.starts_with('(')).for_each(|f| key.push(&f.to_lowercase()));
                short = true;
            } else if let Some(full) = spelled(w) {
                full.split(' ').for_each(|f| key.push(f));
                short = true;
            } else if !w.starts_with('(') {
                key.push(&w.to_lowercase());
            }
        }
        if !short || key.words < 2 {
            return None;
        }
        let range = self.by_key.get(&key.hash)?;
        doc.text.get(range.clone()).filter(|full| *full != body)
    }
}

/// A body's name reduced to the words that identify it, hashed word by word.
#[derive(Default)]
struct Key {
    hash: u64,
    words: usize,
    /// Hashes of the words kept so far: a repeated word counts once
    /// (`Kantor Basarnas Palu` spells out to `Kantor Kantor Pencarian dan
    /// Pertolongan Palu Palu`).
    kept: Vec<u64>,
    /// The last word kept.
    last: u64,
}

impl Key {
    fn push(&mut self, low: &str) {
        let h = word_hash(low);
        let optional = match low {
            "provinsi" | "prov" => true,
            "kota" | "kabupaten" | "kab" => self.last != word_hash("pemerintah"),
            _ => false,
        };
        if optional || self.kept.contains(&h) {
            return;
        }
        self.kept.push(h);
        self.last = h;
        self.words += 1;
        self.hash = (self.hash ^ h).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
}

fn word_hash(low: &str) -> u64 {
    let mut h = WordHash::default();
    h.write(low.as_bytes());
    h.finish()
}

/// A short form the article may not spell out, in lower case: the full
/// words, lower case.
fn spelled(w: &str) -> Option<&'static str> {
    let low = w.to_lowercase();
    SHORT.binary_search_by(|(s, _)| s.cmp(&low.as_str())).ok().map(|i| SHORT[i].1)
}

/// Short forms of government bodies and of provinces and Jakarta's cities,
/// as the Indonesian press writes them, with their official names (the
/// bodies' names as each body and the provinces' names as Law 23/2014 and
/// Kemendagri's province list give them; facts, written for this project,
/// no licence attached). Sorted by short form.
#[rustfmt::skip]
const SHORT: &[(&str, &str)] = &[
    ("bapenda", "badan pendapatan daerah"), ("bappeda", "badan perencanaan pembangunan daerah"),
    ("bkd", "badan kepegawaian daerah"), ("bpbd", "badan penanggulangan bencana daerah"),
    ("dinkes", "dinas kesehatan"), ("dinsos", "dinas sosial"), ("disbud", "dinas kebudayaan"),
    ("disdag", "dinas perdagangan"), ("disdik", "dinas pendidikan"),
    ("disdikbud", "dinas pendidikan dan kebudayaan"), ("disdukcapil", "dinas kependudukan dan pencatatan sipil"),
    ("dishub", "dinas perhubungan"), ("diskominfo", "dinas komunikasi dan informatika"),
    ("disnaker", "dinas tenaga kerja"), ("disnakertrans", "dinas tenaga kerja dan transmigrasi"),
    ("dispar", "dinas pariwisata"), ("disperindag", "dinas perindustrian dan perdagangan"),
    ("dispora", "dinas pemuda dan olahraga"), ("distan", "dinas pertanian"), ("dlh", "dinas lingkungan hidup"),
    ("dprd", "dewan perwakilan rakyat daerah"), ("jabar", "jawa barat"), ("jakbar", "jakarta barat"),
    ("jakpus", "jakarta pusat"), ("jaksel", "jakarta selatan"), ("jaktim", "jakarta timur"),
    ("jakut", "jakarta utara"), ("jateng", "jawa tengah"), ("jatim", "jawa timur"), ("kalbar", "kalimantan barat"),
    ("kalsel", "kalimantan selatan"), ("kaltara", "kalimantan utara"), ("kalteng", "kalimantan tengah"),
    ("kaltim", "kalimantan timur"), ("kanwil", "kantor wilayah"), ("kejari", "kejaksaan negeri"),
    ("kejati", "kejaksaan tinggi"), ("kemenag", "kementerian agama"), ("kemendag", "kementerian perdagangan"),
    ("kemendagri", "kementerian dalam negeri"), ("kemenhub", "kementerian perhubungan"),
    ("kemenkes", "kementerian kesehatan"), ("kemenkeu", "kementerian keuangan"),
    ("kemenlu", "kementerian luar negeri"), ("kemenperin", "kementerian perindustrian"),
    ("kemensos", "kementerian sosial"), ("kementan", "kementerian pertanian"),
    ("kemnaker", "kementerian ketenagakerjaan"), ("kepri", "kepulauan riau"), ("malut", "maluku utara"),
    ("ntb", "nusa tenggara barat"), ("ntt", "nusa tenggara timur"), ("pemkab", "pemerintah kabupaten"),
    ("pemkot", "pemerintah kota"), ("pemprov", "pemerintah provinsi"), ("polda", "kepolisian daerah"),
    ("polres", "kepolisian resor"), ("polresta", "kepolisian resor kota"), ("polsek", "kepolisian sektor"),
    ("sulbar", "sulawesi barat"), ("sulsel", "sulawesi selatan"), ("sulteng", "sulawesi tengah"),
    ("sultra", "sulawesi tenggara"), ("sulut", "sulawesi utara"), ("sumbar", "sumatera barat"),
    ("sumsel", "sumatera selatan"), ("sumut", "sumatera utara"),
];

#[cfg(test)]
mod tests {
    use super::SHORT;

    #[test]
    fn short_forms_are_sorted_for_binary_search() {
        assert!(SHORT.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
