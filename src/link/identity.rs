//! Who a claimant is, as keys the people index compares (guidelines,
//! section 3): a personal name as a set of spelling-folded words
//! (`Moh. Rizal` and `Muhammad Rizal`, `Yoon Suk-yeol` and `Yoon Suk Yeol`,
//! `Soekarno` and `Sukarno`), a body as its head and capitalised words, an
//! office without a name (`Kapolres Sigi`, `Menhan Korsel`) as the words of
//! its spelled-out title, and a description (`majelis hakim`) as its head
//! word. Role and affiliation phrases become the same spelled-out words
//! ([`signature`]), so a title alone can find the one named holder of it.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::words::split_words;
use crate::extract::lexicon::{cat, Cat};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    /// A personal or proper name, a body or a state: linked by its words
    /// (and a body's head).
    Name,
    /// An office with its place or body and no name (`Bupati Sumedang`).
    Title,
    /// A definite description without a proper name (`majelis hakim`,
    /// `jaksa`): the same entity only within one story.
    Description,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identity {
    pub shape: Shape,
    /// The organisation head word that starts a body's name (`departemen`),
    /// if any: a body is never the same as a name without its head.
    pub head: Option<String>,
    /// Sorted, distinct keys: folded name words, a body's words, a title's
    /// spelled-out words, or a description's head.
    pub words: Vec<String>,
    /// Set when one name is held by people the articles tell apart (two
    /// regents of different regencies): the places of their offices.
    pub places: Vec<String>,
}

/// The identity of a claimant name and the form to show, or `None` for a
/// source that is never linked: unnamed or generic (`Seorang pejabat AS`,
/// `Sumber-sumber`, `mereka`) or composite (`Korea Utara dan Rusia`).
pub fn identify(name: &str, kind: Option<&str>) -> Option<(Identity, String)> {
    let words: Vec<&str> = split_words(name).into_iter().map(|(_, w)| w).collect();
    let first = words.first()?.to_lowercase();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // `dan` joins two sources (`Korea Utara dan Rusia`), except inside one
    // body's name: one with its acronym in parentheses (`Kamar Dagang dan
    // Industri (Kadin)`) or opening with a body's word (`Kementerian Energi
    // dan Sumber Daya Mineral`).
    let one_body = name.contains('(') || ORG_HEADS.contains(&first.as_str()) || cat(&first).has(Cat::ORG);
    if GENERIC.contains(&first.as_str())
        || first.starts_with("sumber")
        || lower.iter().any(|w| w == "serta" || w == "kedua" || (w == "dan" && !one_body))
        || (words.len() == 1 && cat(&first).has(Cat::PRONOUN))
    {
        return None;
    }
    let shown = words.join(" ");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // The trailing capitalised words no list knows: a personal or proper name.
    let tail = words
        .iter()
        .rev()
        .take_while(|w| {
            let l = w.to_lowercase();
            capitalised(w) && !is_title_word(&l) && alias(&l).is_none()
        })
        .count();
    // An office opening the name with no personal name after it (`Bupati
    // Sumedang`, `Kapolres Sigi`): the extractor's `resolved` keeps a title
    // only when it found no name, and calls it a body.
    if is_office(&first) {
        let after = &lower[words.len() - tail..];
        let named = tail > 0
            && tail < words.len()
            && !matches!(kind, Some("organisation" | "group"))
            && !after.iter().all(|w| is_place(w) || cat(w).has(Cat::DIRECTION));
        if !named {
            let sig = signature(name);
            if sig.iter().any(|w| is_qualifier(w)) {
                return Some((identity(Shape::Title, None, sig), shown));
            }
            return Some((identity(Shape::Description, None, vec![first]), shown));
        }
    }
    // A description: lower-case words only, whatever the case of the first
    // (`majelis hakim` opening a sentence is `Majelis hakim`).
    if !capitalised(words[0])
        || (words.len() > 1 && cat(&first).has(Cat::ORG) && words[1..].iter().all(|w| !capitalised(w)))
    {
        return Some((identity(Shape::Description, None, vec![first]), shown));
    }
    // Only places after a body's or an office's word name a body, not a
    // person (`Polres Sigi`, `Pemkab Sumedang`).
    let places_only =
        tail < words.len() && lower[words.len() - tail..].iter().all(|w| is_place(w) || cat(w).has(Cat::DIRECTION));
    if tail > 0 && !places_only {
        // A body named with its acronym in parentheses is shown whole; its
        // key is still the words that tell it apart.
        let shown = if name.contains('(') {
            name.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            words[words.len() - tail..].join(" ")
        };
        // A region's abbreviation in a body's short name (`Walhi Sumut`) is the
        // region's words, as the body's full name gives them.
        let key: Vec<String> = words[words.len() - tail..]
            .iter()
            .flat_map(|w| place_words(&w.to_lowercase(), false).unwrap_or_else(|| name_keys(w)))
            .collect();
        return Some((identity(Shape::Name, None, key), shown));
    }
    // A body or a state: its capitalised words, state aliases folded.
    let head = ORG_HEADS.contains(&first.as_str()).then(|| first.clone());
    let mut key: Vec<String> = Vec::new();
    for (w, l) in words.iter().zip(&lower) {
        if !capitalised(w) || DROP.contains(&l.as_str()) {
            continue;
        }
        match (alias(l), place_words(l, true)) {
            (Some(a), _) => key.push(a.to_owned()),
            (None, Some(words)) => key.extend(words),
            (None, None) => key.push(l.clone()),
        }
    }
    if key.is_empty() {
        return None;
    }
    // Shown without the description after the name (`PT X selaku operator kapal`).
    let named = words.len() - words.iter().rev().take_while(|w| !capitalised(w)).count();
    Some((identity(Shape::Name, head, key), words[..named].join(" ")))
}

/// The spelled-out words of a title, role or affiliation phrase, sorted and
/// distinct: `Kapolres Sigi` and `Kepala` + `Polres Sigi` give the same
/// words, `Menhan Korsel` those of `Menteri Pertahanan` + `Korea Selatan`.
pub fn signature(phrase: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, w) in split_words(phrase) {
        for part in w.split('-').filter(|p| !p.is_empty()) {
            let l = part.trim_end_matches('.').to_lowercase();
            match (expansion(&l), place_abbreviation(&l)) {
                (Some(words), _) => out.extend(words.iter().map(|&x| x.to_owned())),
                (None, Some(place)) => out.push(place),
                (None, None) => out.push(l),
            }
        }
    }
    // Two-word places and states as one word: `korea selatan`, `sulawesi tengah`.
    let mut joined: Vec<String> = Vec::new();
    for w in out {
        if let Some(prev) = joined.last_mut() {
            let direction = cat(&w).has(Cat::DIRECTION);
            if direction && cat(prev).has(Cat::PLACE) && !prev.contains('-') {
                prev.push('-');
                prev.push_str(&w);
                continue;
            }
            if prev == "amerika" && w == "serikat" {
                continue;
            }
        }
        joined.push(w);
    }
    let mut key: Vec<String> = joined
        .into_iter()
        .filter(|w| !SIGNATURE_STOP.contains(&w.as_str()) && !DROP.contains(&w.as_str()) && !cat(w).has(Cat::STOP))
        .map(|w| alias(&w).map(str::to_owned).unwrap_or(w))
        .collect();
    key.sort();
    key.dedup();
    key
}

/// The first spelled-out word of an office (`kepala` for `Kapolres`), which
/// a title and its holder must share.
pub fn office_of(phrase: &str) -> Option<String> {
    let (_, first) = *split_words(phrase).first()?;
    let l = first.to_lowercase();
    Some(expansion(&l).map_or(l, |words| words[0].to_owned()))
}

/// A word of a signature that says which office it is, not which kind:
/// the place or body (`sigi`, `putih`, `bapanas`), not `kepala` or `dinas`.
pub fn is_qualifier(word: &str) -> bool {
    let c = cat(word);
    !c.has(Cat::ROLE)
        && !c.has(Cat::PORTFOLIO)
        && !c.has(Cat::ORG)
        && !c.has(Cat::RANK)
        && !c.has(Cat::JURIS)
        && !c.has(Cat::ORG_TAIL)
        && !c.has(Cat::DIRECTION)
        && !EXPANDED.contains(&word)
}

/// A place among a signature's words: two holders of one office in
/// different places are different people.
pub fn is_place(word: &str) -> bool {
    let base = word.split('-').next().unwrap_or(word);
    (cat(base).has(Cat::PLACE) || alias(word).is_some() || word.contains('-') || place_abbreviation(word).is_some())
        && !NOT_PLACES.contains(&base)
}

/// A region as news abbreviates it: the first syllable of a place word and
/// of a direction (`Tapsel` for Tapanuli Selatan, `Halteng` for Halmahera
/// Tengah, `Minut` for Minahasa Utara). The place spelled out and joined as
/// [`signature`] joins two-word places (`halmahera-tengah`) when one place
/// word starts so; the word itself when several do (still a place); `None`
/// for any other word, and for given names.
pub fn place_abbreviation(lower: &str) -> Option<String> {
    const DIRECTIONS: [(&str, &str); 6] = [
        ("teng", "tengah"),
        ("sel", "selatan"),
        ("bar", "barat"),
        ("tim", "timur"),
        ("tra", "tenggara"),
        ("ut", "utara"),
    ];
    if !lower.bytes().all(|b| b.is_ascii_lowercase())
        || cat(lower).has(Cat::PLACE)
        || cat(lower).has(Cat::GIVEN)
        || crate::extract::lexicon::is_name_particle(lower)
    {
        return None;
    }
    for (short, direction) in DIRECTIONS {
        let Some(head) = lower.strip_suffix(short) else { continue };
        if !(3..=5).contains(&head.len()) {
            continue;
        }
        return match place_prefixes().get(head) {
            Some(Some(place)) => Some(format!("{place}-{direction}")),
            Some(None) => Some(lower.to_owned()),
            None => continue,
        };
    }
    None
}

/// The words a region's abbreviation stands for (`sumut`: `sumatera`,
/// `utara`), from the list of abbreviations, or when `computed` also spelled
/// out by [`place_abbreviation`] (not among a person's name words, where a
/// name may look like one: Balinese `Ketut`); `None` for any other word.
fn place_words(lower: &str, computed: bool) -> Option<Vec<String>> {
    if let Some(words) = expansion(lower) {
        let places = words.iter().all(|w| cat(w).has(Cat::PLACE) || cat(w).has(Cat::DIRECTION));
        return places.then(|| words.iter().map(|&w| w.to_owned()).collect());
    }
    if !computed {
        return None;
    }
    let place = place_abbreviation(lower)?;
    Some(place.split('-').map(str::to_owned).collect())
}

/// The first three to five letters of every place word (the gazetteer's),
/// each with the one word it starts, or `None` when several start so.
fn place_prefixes() -> &'static HashMap<&'static str, Option<&'static str>> {
    static PREFIXES: OnceLock<HashMap<&'static str, Option<&'static str>>> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        let mut map: HashMap<&'static str, Option<&'static str>> = HashMap::new();
        for word in crate::extract::lexicon::place_words() {
            for n in 3..=5.min(word.len().saturating_sub(1)) {
                let Some(prefix) = word.get(..n) else { continue };
                map.entry(prefix)
                    .and_modify(|w| {
                        if *w != Some(word) {
                            *w = None
                        }
                    })
                    .or_insert(Some(word));
            }
        }
        map
    })
}

/// The keys of one word of a personal name: spelling folded, a hyphenated
/// Korean given name split (`Suk-yeol`), `Moh.` as `Muhammad`.
pub fn name_keys(word: &str) -> Vec<String> {
    word.split('-').filter(|p| !p.is_empty()).map(|p| fold(p.trim_end_matches('.'))).collect()
}

/// One spelling for the variants Indonesian and transliterated names are
/// written in: the old spelling (`oe`, `dj`, `tj`), `ch`/`kh` for `h`,
/// `dh`/`th`, doubled letters, a final `y` for `i`, `oo`/`ou` for `u`, and
/// the usual abbreviations of Muhammad and Abdul. Two names that fold alike
/// are linked only where nothing else tells them apart.
pub fn fold(word: &str) -> String {
    let lower: String = word.to_lowercase().chars().map(plain).collect();
    match lower.as_str() {
        "m" | "moh" | "muh" | "mhd" | "moch" | "much" | "mochamad" | "mochammad" | "mohamad" | "mohammad"
        | "mohammed" | "mohamed" | "muhamad" | "muhammed" | "muhamed" | "mochammed" | "md" => {
            return "muhamad".to_owned()
        }
        "abd" => return "abdul".to_owned(),
        _ => {}
    }
    let mut s = lower;
    for (from, to) in [
        ("oe", "u"),
        ("oo", "u"),
        ("ou", "u"),
        ("dj", "j"),
        ("tj", "c"),
        ("sj", "sy"),
        ("ch", "h"),
        ("kh", "h"),
        ("dh", "d"),
        ("th", "t"),
        ("ph", "f"),
        ("ae", "ai"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    if s.len() > 2 && s.ends_with('y') {
        while s.ends_with('y') {
            s.pop();
        }
        s.push('i');
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

fn identity(shape: Shape, head: Option<String>, mut words: Vec<String>) -> Identity {
    words.sort();
    words.dedup();
    Identity { shape, head, words, places: Vec::new() }
}

/// Accented Latin letters as plain ones (`é` as `e`), the rest as they are.
fn plain(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

/// Whether a role phrase opens with an office (`Kepala`, `Kapolres`).
pub fn is_office_phrase(role: &str) -> bool {
    split_words(role).first().is_some_and(|(_, w)| is_office(&w.to_lowercase()))
}

/// A body's word of the lexicon (`bpbd`, `kementerian`).
pub fn is_body_word(lower: &str) -> bool {
    cat(lower).has(Cat::ORG)
}

/// An office word that can open a claimant's name: a title, not a given
/// name that is also a word of the role list (`Imam`, `Raja`).
fn is_office(lower: &str) -> bool {
    let c = cat(lower);
    (c.has(Cat::ROLE) || c.has(Cat::JURIS) || expansion(lower).is_some_and(|w| cat(w[0]).has(Cat::ROLE)))
        && !c.has(Cat::GIVEN)
        && !c.has(Cat::ORG)
        && !GENERIC.contains(&lower)
}

/// A word of a title or a body's name rather than of a personal name
/// (given names and place words may be both: `Lalu`, `Jakarta`).
fn is_title_word(lower: &str) -> bool {
    let c = cat(lower);
    [Cat::ROLE, Cat::RANK, Cat::ORG, Cat::ORG_TAIL, Cat::JURIS, Cat::PORTFOLIO, Cat::OUTLET, Cat::PRONOUN]
        .iter()
        .any(|&k| c.has(k))
}

pub fn alias(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "as" | "us" | "usa" | "amerika" | "washington" => "amerika",
        "serikat" => "amerika",
        "korut" | "dprk" | "pyongyang" | "korea-utara" => "korea-utara",
        "korsel" | "seoul" | "korea-selatan" => "korea-selatan",
        "moskow" | "moscow" | "kremlin" => "rusia",
        "tiongkok" | "beijing" => "china",
        "ri" => "indonesia",
        _ => return None,
    })
}

/// Office and region abbreviations as news writes them, spelled out
/// (own list, general Indonesian usage).
fn expansion(lower: &str) -> Option<&'static [&'static str]> {
    Some(match lower {
        "kapolri" => &["kepala", "polri"],
        "kapolda" => &["kepala", "polda"],
        "kapolres" => &["kepala", "polres"],
        "kapolresta" => &["kepala", "polresta"],
        "kapolrestabes" => &["kepala", "polrestabes"],
        "kapolsek" => &["kepala", "polsek"],
        "kajari" => &["kepala", "kejari"],
        "kajati" => &["kepala", "kejati"],
        "kadis" => &["kepala", "dinas"],
        "kadinkes" => &["kepala", "dinas", "kesehatan"],
        "dinkes" => &["dinas", "kesehatan"],
        "kadishub" => &["kepala", "dinas", "perhubungan"],
        "dishub" => &["dinas", "perhubungan"],
        "kalak" | "kalaksa" => &["kepala", "pelaksana"],
        "kabid" => &["kepala", "bidang"],
        "kasat" => &["kepala", "satuan"],
        "kadiv" => &["kepala", "divisi"],
        "kades" => &["kepala", "desa"],
        "kepsek" => &["kepala", "sekolah"],
        "kabag" => &["kepala", "bagian"],
        "menhan" => &["menteri", "pertahanan"],
        "menlu" => &["menteri", "luar", "negeri"],
        "mendagri" => &["menteri", "dalam", "negeri"],
        "menkeu" => &["menteri", "keuangan"],
        "menkes" => &["menteri", "kesehatan"],
        "mentan" => &["menteri", "pertanian"],
        "mendag" => &["menteri", "perdagangan"],
        "menaker" => &["menteri", "ketenagakerjaan"],
        "mensos" => &["menteri", "sosial"],
        "jubir" => &["juru", "bicara"],
        "dirut" => &["direktur", "utama"],
        "wapres" => &["wakil", "presiden"],
        "wagub" => &["wakil", "gubernur"],
        "wabup" => &["wakil", "bupati"],
        "walkot" | "walikota" => &["wali", "kota"],
        "sekda" => &["sekretaris", "daerah"],
        "ketum" => &["ketua", "umum"],
        "sekjen" => &["sekretaris", "jenderal"],
        "dubes" => &["duta", "besar"],
        "pangdam" => &["panglima", "kodam"],
        "dandim" => &["komandan", "kodim"],
        "danrem" => &["komandan", "korem"],
        "sumut" => &["sumatera", "utara"],
        "sumbar" => &["sumatera", "barat"],
        "sumsel" => &["sumatera", "selatan"],
        "jabar" => &["jawa", "barat"],
        "jateng" => &["jawa", "tengah"],
        "jatim" => &["jawa", "timur"],
        "kaltim" => &["kalimantan", "timur"],
        "kalbar" => &["kalimantan", "barat"],
        "kalsel" => &["kalimantan", "selatan"],
        "kalteng" => &["kalimantan", "tengah"],
        "kaltara" => &["kalimantan", "utara"],
        "sulsel" => &["sulawesi", "selatan"],
        "sulut" => &["sulawesi", "utara"],
        "sulteng" => &["sulawesi", "tengah"],
        "sultra" => &["sulawesi", "tenggara"],
        "sulbar" => &["sulawesi", "barat"],
        "malut" => &["maluku", "utara"],
        "ntb" => &["nusa", "tenggara", "barat"],
        "ntt" => &["nusa", "tenggara", "timur"],
        "korsel" => &["korea", "selatan"],
        "korut" => &["korea", "utara"],
        _ => return None,
    })
}

/// Words that spelled-out offices add (`kepala` of `Kapolres`): never what
/// tells one office from another.
const EXPANDED: &[&str] = &["kepala", "pelaksana", "bidang", "satuan", "divisi", "bagian", "utama", "umum", "wakil"];

/// Place-list words that name no place by themselves.
const NOT_PLACES: &[&str] = &[
    "kabupaten",
    "provinsi",
    "kota",
    "kecamatan",
    "desa",
    "kelurahan",
    "dusun",
    "kampung",
    "metro",
    "ibu",
    "baru",
    "raya",
    "new",
    "serikat",
    "arab",
];

/// Words of a role or affiliation phrase that do not tell offices apart.
const SIGNATURE_STOP: &[&str] = &["dan", "dari", "selaku", "se", "sebagai", "the", "of", "for"];

/// First words of a source that is not identified.
const GENERIC: &[&str] = &[
    "seorang",
    "sejumlah",
    "beberapa",
    "para",
    "banyak",
    "sebagian",
    "pejabat",
    "warga",
    "mereka",
    "kami",
    "pihak",
    "netizen",
    "warganet",
    "media",
    "laporan",
    "laporan-laporan",
    "salah",
];

/// Words that start the name of a body that is not the state or company it
/// belongs to (`Departemen Luar Negeri AS` is not `AS`).
const ORG_HEADS: &[&str] = &[
    "departemen",
    "kementerian",
    "badan",
    "dinas",
    "kantor",
    "lembaga",
    "komisi",
    "pengadilan",
    "kejaksaan",
    "gedung",
    "kepolisian",
    "polda",
    "polres",
    "pemerintah",
    "pemkab",
    "pemkot",
    "pemprov",
    "direktorat",
    "biro",
    "otoritas",
    "tim",
    "satgas",
    "dewan",
    "majelis",
    "istana",
    "militer",
    "angkatan",
    "tentara",
    "pasukan",
    "kedutaan",
    "kongres",
    "parlemen",
    "mahkamah",
    "menteri",
    "juru",
    "presiden",
    "perdana",
];

/// Words that do not tell bodies apart: `PT Jasa Raharja` is `Jasa Raharja`.
const DROP: &[&str] = &["pt", "tbk", "persero", "cv", "kabupaten", "kota", "provinsi", "manajemen"];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Option<(Shape, Vec<String>)> {
        identify(name, None).map(|(i, _)| (i.shape, i.words))
    }

    #[test]
    fn identities() {
        assert_eq!(key("John Kirby"), Some((Shape::Name, vec!["john".into(), "kirbi".into()])));
        assert_eq!(key("Juru Bicara Dewan Keamanan Nasional AS John Kirby"), key("John Kirby"));
        assert_eq!(key("PT Jasa Raharja"), key("Jasa Raharja"));
        assert_eq!(key("AS"), key("Amerika"));
        assert_eq!(key("Seorang pejabat AS"), None);
        assert_eq!(key("Korea Utara dan Rusia"), None);
        assert_eq!(key("Sumber-sumber"), None);
        assert_ne!(key("Departemen Luar Negeri AS"), key("AS"));
        assert_eq!(key("Majelis hakim"), key("majelis hakim"));
        assert_eq!(key("Kapolres Sigi"), key("Kepala Polres Sigi"));
        assert_eq!(key("Yoon Suk-yeol"), key("Yoon Suk Yeol"));
        assert_eq!(key("Moh. Rizal"), key("Muhammad Rizal"));
        assert_eq!(key("Soekarno"), key("Sukarno"));
        assert_eq!(key("Achmad Yani"), key("Ahmad Yani"));
        // `dan` inside one body's name is no second source.
        assert!(key("Kamar Dagang dan Industri (Kadin) Jawa Timur").is_some());
        assert!(key("Kementerian Energi dan Sumber Daya Mineral").is_some());
        // A region's abbreviation in a body's short name is the region.
        assert_eq!(key("LBH Sumbar").map(|k| k.1), Some(vec!["barat".into(), "lbh".into(), "sumatera".into()]));
    }

    #[test]
    fn place_abbreviations() {
        let check =
            |word: &str, expect: Option<&str>| assert_eq!(place_abbreviation(word).as_deref(), expect, "{word}");
        check("halsel", Some("halmahera-selatan"));
        check("minut", Some("minahasa-utara"));
        // Not a region: no place starts so, a given name or a name's particle, or too short a syllable.
        check("budi", None);
        check("ketut", None);
        check("akbar", None);
        check("halmahera", None);
        assert!(is_place("halteng"));
        assert_eq!(signature("Kalak BPBD Halteng"), signature("Kepala Pelaksana BPBD Halmahera Tengah"));
    }

    #[test]
    fn signatures() {
        assert_eq!(signature("Menhan Korsel"), vec!["korea-selatan", "menteri", "pertahanan"]);
        assert_eq!(signature("Kapolres Sigi"), signature("Kepala Polres Sigi"));
        assert_eq!(signature("Gubernur Sulteng"), signature("Gubernur Sulawesi Tengah"));
        assert_eq!(office_of("Kapolres"), Some("kepala".to_owned()));
    }
}
