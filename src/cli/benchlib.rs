//! The library `klaim bench --link` links: many distinct stories, each told
//! by two to five outlets, built deterministically from the test articles.
//!
//! A library of one story copied 1,000 times is no test of blocking: every
//! word of the story is in every copy. Real libraries hold many stories with
//! vocabularies of their own and a shared core of common news words. So each
//! story takes one source (an article, or a set of articles that are one
//! story told by several outlets: the samples, the two dev stories) and
//! rewrites it with substitutions of its own: every name, place and body
//! becomes an invented name, about two thirds of the content words become
//! invented words, about half the numbers change. Function words, cue words
//! and the remaining content words stay, so stories still share what news
//! prose shares. Each outlet's version then varies on its own: a few words
//! paraphrased, some numbers different (the conflicts), some paragraphs left
//! out, its own outlet name in the dateline.
//!
//! Everything is a function of the story and outlet numbers (FNV and
//! splitmix64, no clock, no randomness), so every run links the same library.

use super::samples::SAMPLES;
use klaim::link::is_stopword;

/// One article of the bench library.
pub struct Article {
    pub id: String,
    pub text: String,
}

/// The first `n` articles of the bench library.
pub fn library(n: usize) -> Vec<Article> {
    let sources = sources();
    let mut out = Vec::with_capacity(n);
    let mut story = 0u64;
    while out.len() < n {
        let source = &sources[story as usize % sources.len()];
        // Two to five outlets; a source told by several outlets gives each
        // outlet its own article.
        let outlets = 2 + (mix(&[story, 1]) % 4) as usize;
        let outlets = if source.len() > 1 { outlets.min(source.len()) } else { outlets };
        for outlet in 0..outlets {
            if out.len() == n {
                break;
            }
            let text = &source[outlet % source.len()];
            out.push(Article { id: format!("s{story}-{outlet}"), text: rewrite(text, story, outlet as u64) });
        }
        story += 1;
    }
    out
}

/// Sources: the samples (one story, five outlets), the two dev stories
/// (three outlets each) and the other test articles, one outlet each.
fn sources() -> Vec<Vec<String>> {
    let mut out = vec![SAMPLES.iter().map(|(_, t)| (*t).to_owned()).collect::<Vec<_>>()];
    let dev: Vec<String> = DEV
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    out.extend(dev.chunks(3).map(<[String]>::to_vec));
    out.extend(ARTICLES.iter().map(|t| vec![(*t).to_owned()]));
    out
}

/// Share of content words a story replaces (per word, decided once per
/// story, so all its outlets replace the same words): two stories from one
/// source then share about an eighth of its content words.
const STORY_WORDS: u64 = 65;
/// Share of numbers a story changes.
const STORY_NUMBERS: u64 = 50;
/// Share of content words an outlet words its own way.
const OUTLET_WORDS: u64 = 8;
/// Share of numbers an outlet gives differently (a conflict).
const OUTLET_NUMBERS: u64 = 15;
/// Share of paragraphs (after the title and dateline) an outlet leaves out.
const OUTLET_DROPS: u64 = 15;

fn rewrite(text: &str, story: u64, outlet: u64) -> String {
    let lower_words: std::collections::HashSet<String> =
        runs(text).filter(|r| r.chars().next().is_some_and(char::is_lowercase)).map(str::to_owned).collect();
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.lines().enumerate() {
        if i >= 2 && percent(&[story, outlet, 3, i as u64]) < OUTLET_DROPS {
            continue;
        }
        let mut rest = line;
        while let Some(ch) = rest.chars().next() {
            let len = run_len(rest);
            let (piece, after) = rest.split_at(len);
            if ch.is_alphabetic() {
                let outlet_name = outlet_suffix(after);
                out.push_str(&word(piece, story, outlet, outlet_name, &lower_words));
            } else if ch.is_ascii_digit() {
                out.push_str(&number(piece, story, outlet));
            } else {
                out.push_str(piece);
            }
            rest = after;
        }
        out.push('\n');
    }
    out
}

/// A letter run: kept, or replaced by a word invented for its story (and
/// outlet, for an outlet's name or an outlet's own wording).
fn word(
    w: &str,
    story: u64,
    outlet: u64,
    outlet_name: bool,
    lower_words: &std::collections::HashSet<String>,
) -> String {
    let lower = w.to_lowercase();
    if lower.chars().count() < 4 || is_stopword(&lower) {
        return w.to_owned();
    }
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let name = capital && !lower_words.contains(&lower);
    let key = fnv(lower.as_bytes());
    let seed = if outlet_name {
        mix(&[story, outlet, key, 1])
    } else if name {
        mix(&[story, key, 2])
    } else if percent(&[story, key, 4]) < STORY_WORDS {
        mix(&[story, key, 5])
    } else if percent(&[story, outlet, key, 6]) < OUTLET_WORDS {
        mix(&[story, outlet, key, 7])
    } else {
        return w.to_owned();
    };
    invent(w, seed)
}

/// A digit run: its leading digit changed for the story, another digit for
/// the outlet.
fn number(digits: &str, story: u64, outlet: u64) -> String {
    let key = fnv(digits.as_bytes());
    let mut d: Vec<u8> = digits.bytes().collect();
    if percent(&[story, key, 8]) < STORY_NUMBERS {
        d[0] = b'1' + (mix(&[story, key, 9]) % 9) as u8;
    }
    if percent(&[story, outlet, key, 10]) < OUTLET_NUMBERS {
        let at = (mix(&[story, outlet, key, 11]) % d.len() as u64) as usize;
        d[at] = if at == 0 { b'1' + (d[at] - b'0') % 9 } else { b'0' + (d[at] - b'0' + 1) % 10 };
    }
    String::from_utf8(d).unwrap_or_else(|_| digits.to_owned())
}

/// A made-up word about as long as `like`, with its capitalisation.
fn invent(like: &str, seed: u64) -> String {
    const CONSONANTS: &[u8] = b"bcdfghjklmnprstw";
    const VOWELS: &[u8] = b"aiueo";
    let syllables = (like.chars().count() / 3).clamp(2, 5);
    let mut state = seed;
    let mut w = String::new();
    for _ in 0..syllables {
        state = splitmix(state);
        w.push(CONSONANTS[(state % CONSONANTS.len() as u64) as usize] as char);
        w.push(VOWELS[((state >> 8) % VOWELS.len() as u64) as usize] as char);
        if (state >> 16) % 4 == 0 {
            w.push(CONSONANTS[((state >> 24) % CONSONANTS.len() as u64) as usize] as char);
        }
    }
    if like.chars().all(|c| !c.is_lowercase()) {
        w.to_uppercase()
    } else if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = w.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or(w)
    } else {
        w
    }
}

/// Whether the text after a word makes it an outlet's name
/// (`KOMPAS.com`, `KONTAN.CO.ID`, `Liputan6.com`).
fn outlet_suffix(after: &str) -> bool {
    let after = after.trim_start_matches(|c: char| c.is_ascii_digit());
    let lower = after.get(..4).unwrap_or(after).to_ascii_lowercase();
    lower.starts_with(".co")
}

/// Letter runs, digit runs and everything else, in order.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (piece, after) = rest.split_at(run_len(rest));
        rest = after;
        Some(piece)
    })
}

/// The byte length of the run `text` starts with.
fn run_len(text: &str) -> usize {
    let kind = |c: char| {
        if c.is_alphabetic() {
            0
        } else if c.is_ascii_digit() {
            1
        } else {
            2
        }
    };
    let first = text.chars().next().map_or(2, kind);
    if first == 2 {
        return text.chars().next().map_or(0, char::len_utf8);
    }
    text.char_indices().find(|&(_, c)| kind(c) != first).map_or(text.len(), |(i, _)| i)
}

fn percent(parts: &[u64]) -> u64 {
    mix(parts) % 100
}

fn mix(parts: &[u64]) -> u64 {
    parts.iter().fold(0x9e37_79b9_7f4a_7c15, |h, &p| splitmix(h ^ p))
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The dev stories: two stories, three outlets each, in story order.
const DEV: &str = include_str!("../../tests/links/dev.jsonl");

/// The other test articles, each one story of one outlet.
const ARTICLES: &[&str] = &[
    include_str!("../../tests/articles/blind_01_vonis.txt"),
    include_str!("../../tests/articles/blind_02_kpk.txt"),
    include_str!("../../tests/articles/blind_03_mudik.txt"),
    include_str!("../../tests/articles/blind_04_bbm.txt"),
    include_str!("../../tests/articles/blind_05_gaza.txt"),
    include_str!("../../tests/articles/blind_06_ipo.txt"),
    include_str!("../../tests/articles/blind_07_malaria_sorong.txt"),
    include_str!("../../tests/articles/blind_08_kekeringan_ende.txt"),
    include_str!("../../tests/articles/blind_09_tambang_acehbarat.txt"),
    include_str!("../../tests/articles/blind_10_mk_sisdiknas.txt"),
    include_str!("../../tests/articles/blind_11_smelter_nikel.txt"),
    include_str!("../../tests/articles/blind_12_erp_jakarta.txt"),
    include_str!("../../tests/articles/blind_13_phk_startup.txt"),
    include_str!("../../tests/articles/blind_14_karhutla_kalsel.txt"),
    include_str!("../../tests/articles/own_01_banjir.txt"),
    include_str!("../../tests/articles/own_02_inflasi.txt"),
    include_str!("../../tests/articles/own_03_dbd.txt"),
    include_str!("../../tests/articles/own_04_gempa.txt"),
    include_str!("../../tests/articles/own_05_pemilu.txt"),
    include_str!("../../tests/articles/own_06_sepakbola.txt"),
    include_str!("../../tests/articles/own_07_narkoba.txt"),
    include_str!("../../tests/articles/own_08_teknologi.txt"),
    include_str!("../../tests/articles/own_09_pendidikan.txt"),
    include_str!("../../tests/articles/own_10_polusi.txt"),
];
