//! The segmentation of a mention into rank, role, affiliation and name:
//! `Kepala Polres Bantaeng Ajun Komisaris Besar Rudy Hartanto` is the role
//! `Kepala`, the body `Polres Bantaeng`, the rank `Ajun Komisaris Besar`
//! and the name `Rudy Hartanto`. Everything here reads word categories
//! (offices, organisation heads, acronym shapes, ranks, places, given names),
//! never particular phrases.

use std::ops::Range;

use super::profile::Profile;
use crate::extract::doc::Doc;
use crate::extract::lexicon::Cat;
use crate::extract::tokens::TokKind;
use crate::model::EntityKind;

/// Splits the words written before a name (or in apposition to it) into
/// role, affiliation and rank. `dari`/`di` separate role and body
/// explicitly (`sosiolog dari Universitas Negeri Jakarta`); otherwise the
/// body starts at the last organisation head after the office words
/// (`Kepala Badan Ketahanan Pangan | Kementerian Pertanian`), a run of heads
/// being one body (`Yayasan Lembaga Konsumen Indonesia`).
pub fn split(doc: &Doc, r: Range<usize>) -> Profile {
    let mut start = r.start;
    let mut end = r.end;
    while start < end && (doc.kind(start) == TokKind::Punct || matches!(doc.low(start), "seorang" | "sang" | "para")) {
        start += 1;
    }
    while end > start && doc.kind(end - 1) == TokKind::Punct && !doc.punct(end - 1, &[')', '.']) {
        end -= 1;
    }
    // A rank right before the name: `Ajun Komisaris Besar`, `AKBP`, `dr.`.
    let mut rank_start = end;
    while rank_start > start && is_rank_part(doc, rank_start - 1) {
        rank_start -= 1;
    }
    while rank_start < end && !starts_rank(doc, rank_start) {
        rank_start += 1;
    }
    let rank = (rank_start < end).then(|| source(doc, rank_start..end));
    end = rank_start;
    // `Ekonom Universitas X, | Dr.`: the comma before a degree.
    while end > start && doc.punct(end - 1, &[',']) {
        end -= 1;
    }
    let mut profile = Profile { role: None, affiliation: None, rank };
    if start >= end {
        return profile;
    }
    start = office_start(doc, start, end);
    start = last_office(doc, start, end);
    // `Kapolres Aceh Barat`: the head of a body named by the office word
    // itself; the body is `Polres Aceh Barat`.
    if let Some(body) = headed_body(doc, start) {
        profile.role = Some(source(doc, start..start + 1));
        let rest = if start + 1 < end { format!(" {}", source(doc, start + 1..end)) } else { String::new() };
        profile.affiliation = Some(format!("{body}{rest}"));
        return profile;
    }
    // An English title (`Head of Global Macro Research | Nomura`).
    if let Some((role_end, aff_start)) = english_title(doc, start, end) {
        profile.role = Some(source(doc, start..role_end));
        profile.affiliation = (aff_start < end).then(|| source(doc, aff_start..end));
        return profile;
    }
    // `Menteri PUPR`, `Sekretaris Daerah DI Yogyakarta`, `kuasa hukum Budi`:
    // an office whose complement names no body.
    if let Some(role_end) = whole_office(doc, start, end) {
        profile.role = Some(source(doc, start..role_end));
        profile.affiliation = (role_end < end).then(|| source(doc, role_end..end));
        return profile;
    }
    // `Konsul Jenderal RI di Chicago`: a post in a place is one office.
    let explicit = (start + 1..end)
        .find(|&k| matches!(doc.low(k), "dari" | "di" | "pada"))
        .filter(|&k| !(doc.low(k) == "di" && (k + 1..end).all(|t| is_place_word(doc, t))));
    let body = match explicit {
        Some(k) => Some((k, k + 1)),
        None => body_start(doc, start, end).or_else(|| named_body(doc, start, end)).map(|b| (b, b)),
    };
    // `Menteri Pertahanan Nasional | Korea Selatan`: an office that governs
    // no region, then the country or region it serves.
    let body = body.or_else(|| served_place(doc, start, end).map(|p| (p, p)));
    let (role_end, aff_start) = body.unwrap_or((end, end));
    if (start..role_end).any(|k| is_office(doc, k)) {
        profile.role = Some(source(doc, start..role_end)).filter(|w| !w.is_empty());
    } else if body.is_none() && (start..end).any(|k| is_head(doc, k)) {
        return Profile { affiliation: Some(source(doc, start..end)), ..profile };
    }
    let body = body_words(doc, aff_start, end);
    if !body.is_empty() {
        profile.affiliation = Some(source(doc, body)).filter(|w| !w.is_empty());
    }
    profile
}

/// The body's own name in the words `start..end` after an office: without
/// a generic word before it (`di lingkungan | Pemprov Malut`) and up to the
/// first lower-case word that is no connector of a name (`DPR RI | daerah
/// pemilihan Jawa Barat`).
fn body_words(doc: &Doc, mut start: usize, end: usize) -> Range<usize> {
    while start + 1 < end && matches!(doc.low(start), "lingkungan" | "jajaran" | "kalangan") && doc.cap(start + 1) {
        start += 1;
    }
    let cut = (start + 1..end).find(|&k| {
        doc.kind(k) == TokKind::Word
            && !doc.cap(k)
            && doc.cap(start)
            && !matches!(
                doc.low(k),
                "dan"
                    | "untuk"
                    | "of"
                    | "for"
                    | "the"
                    | "and"
                    | "to"
                    | "on"
                    | "in"
                    | "at"
                    | "de"
                    | "van"
                    | "der"
                    | "bin"
            )
    });
    start..cut.unwrap_or(end)
}

/// Where the office starts in `start..end`: at its first office word,
/// leaving out what comes before (`Menurut`, a subheading glued to the
/// sentence, `Sutradara dan` of a double role). An English title keeps the
/// words before its head noun (`General Manager`, `Vice President`).
fn office_start(doc: &Doc, start: usize, end: usize) -> usize {
    if is_office(doc, start) || starts_rank(doc, start) {
        return start;
    }
    match (start + 1..end).find(|&k| is_office(doc, k)) {
        Some(k) if !is_english_title(doc.low(k)) && !(start..k).any(|t| is_head(doc, t)) => k,
        _ => start,
    }
}

/// Where the last of two offices joined in `start..end` starts: `Gubernur
/// Jawa Tengah X dan | Gubernur Jawa Timur`, `Pengajar Ilmu Politik dan |
/// peneliti Pusat Studi X`. The office written next to the name is the one
/// the article gives it as (and the words before may name another holder),
/// as `Sutradara dan` is left out before a title. `dan` and `serta` join
/// offices only before an office's head word (`Kepala Biro Hukum dan Humas`
/// is one office). `CEO sekaligus pendiri` says both of one person: it stays
/// whole.
fn last_office(doc: &Doc, start: usize, end: usize) -> usize {
    let joins = |k: usize| matches!(doc.low(k), "dan" | "serta") && is_office_head(doc.low(k + 1));
    (start + 1..end.saturating_sub(1))
        .rev()
        .find(|&k| !doc.cap(k) && joins(k) && (start..k).any(|t| is_office(doc, t)))
        .map_or(start, |k| k + 1)
}

/// The office a title-alone mention gives (`Ketua Komisi B DPRD X, La Ode
/// Banda`: the words before the comma; the rest names its holder).
pub fn title_words(doc: &Doc, np: Range<usize>) -> Range<usize> {
    np.start..np.clone().find(|&t| doc.punct(t, &[','])).unwrap_or(np.end)
}

/// `Dirreskrimsus Polda Riau`, `Juru Bicara Kemenkes`: a mention that opens
/// with an office held by one person (not a body's own name, `Kepolisian
/// Resor X`, nor a board, `Direksi X`).
pub fn is_title_alone(doc: &Doc, np: Range<usize>) -> bool {
    let k = np.start;
    // A given name: a holder's name the names did not take apart.
    !np.clone().any(|t| doc.is(t, Cat::GIVEN))
        && is_office(doc, k)
        && !doc.is(k, Cat::ORG)
        && !matches!(
            doc.low(k),
            "kepolisian" | "direksi" | "sekretariat" | "pimpinan" | "pengurus" | "humas" | "hukum" | "sumber"
        )
        && (is_office_head(doc.low(k)) || headed_office(doc.low(k)))
}

/// A police or military office's short form: `Kapolres`, `Dirreskrimsus`,
/// `Danrem`, `Kasatlantas`.
fn headed_office(low: &str) -> bool {
    ["ka", "dir", "wadir", "dan", "kasat", "wakasat", "waka", "kabid", "pang"].iter().any(|p| low.starts_with(p))
        && low.len() >= 5
}

/// A word that opens an office on its own: `Ketua`, `anggota`, `Gubernur`
/// (not `Humas`, `Umum`, `Khusus`, which qualify one). Written for this
/// project.
fn is_office_head(low: &str) -> bool {
    matches!(
        low,
        "kepala"
            | "ketua"
            | "wakil"
            | "direktur"
            | "anggota"
            | "gubernur"
            | "bupati"
            | "wali"
            | "walikota"
            | "menteri"
            | "sekretaris"
            | "koordinator"
            | "pembina"
            | "pendiri"
            | "peneliti"
            | "pengajar"
            | "dosen"
            | "guru"
            | "juru"
            | "presiden"
            | "panglima"
            | "komandan"
            | "komisioner"
            | "deputi"
            | "staf"
            | "penasihat"
            | "pengamat"
            | "ekonom"
            | "pakar"
            | "ahli"
            | "rektor"
            | "dekan"
            | "camat"
            | "lurah"
            | "manajer"
    )
}

/// Where an office ends whose complement is part of it, not a body: a
/// minister's portfolio (`Menteri Pekerjaan Umum dan Perumahan Rakyat`,
/// `Menteri PUPR`, `Menteri Sekretariat Negara`) up to the country it serves
/// (`Menteri Luar Negeri | Rusia`); a regional office's region (`Sekretaris
/// Daerah DI Yogyakarta`, `Kepala Desa Sukamaju`, `Penjabat Bupati Bogor`)
/// when no organisation word follows; a lawyer's client (`kuasa hukum
/// Budi`). `None` for any other office, or when `dari`/`di` names the body.
fn whole_office(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    if (start + 1..end).any(|k| matches!(doc.low(k), "dari" | "di" | "pada") && !doc.all_caps(k)) {
        return None;
    }
    // Acting and deputy holders hold the same office: `Wakil`, `Plt`,
    // `Pejabat Sementara (Pjs)`, `Penjabat`.
    let mut k = start;
    while k + 1 < end
        && (matches!(
            doc.low(k),
            "wakil" | "plt" | "plh" | "pj" | "pjs" | "penjabat" | "pejabat" | "sementara" | "(" | ")"
        ) || doc.punct(k, &['(', ')']))
    {
        k += 1;
    }
    let low = doc.low(k);
    let next = if k + 1 < end { doc.low(k + 1) } else { "" };
    if matches!(low, "menteri" | "menko" | "wamen") {
        return Some(served_place(doc, start, end).unwrap_or(end));
    }
    let lawyer = matches!(low, "kuasa" | "penasihat") && next == "hukum" || low == "pengacara";
    if lawyer && !(k + 1..end).any(|t| is_head(doc, t)) {
        return Some(end);
    }
    let regional = matches!(low, "gubernur" | "bupati" | "walikota" | "camat" | "lurah" | "kades" | "sekda")
        || low == "wali" && next == "kota"
        || low == "sekretaris" && next == "daerah"
        || low == "kepala" && matches!(next, "desa" | "dusun" | "kelurahan" | "kampung" | "nagari");
    (regional && !(k + 1..end).any(|t| doc.is(t, Cat::ORG))).then_some(end)
}

/// An English title and where it ends: the words up to its head noun and
/// the functions after it (`Chief Information Officer`, `Regional Head of
/// Operations`, `VP Corporate Communication`, `head of Asia credit
/// research at`), then where the body starts. `None` unless the office
/// opens with an English title.
fn english_title(doc: &Doc, start: usize, end: usize) -> Option<(usize, usize)> {
    let word = |k: usize| doc.kind(k) == TokKind::Word;
    // The head noun, at most three words in: `Resort Manager`, `Senior Vice President`.
    let head = (start..end.min(start + 4)).take_while(|&k| word(k)).find(|&k| is_english_title(doc.low(k)))?;
    // Capitalized qualifiers (`Resort Manager`), or English ones in lower
    // case (`senior analyst at X`, after `said X,`).
    if (start..head).any(|k| !doc.cap(k) && !is_english_function(doc.low(k))) {
        return None;
    }
    let mut role_end = head + 1;
    let mut k = head + 1;
    while k < end && word(k) {
        let low = doc.low(k);
        if is_english_title(low) || is_english_function(low) {
            role_end = k + 1;
        } else if !matches!(low, "of" | "and" | "for") {
            break;
        }
        k += 1;
    }
    // `VP Corporate Communiction | PT KCI`: words before a body that owns
    // them (a head followed by its name) still describe the office.
    if let Some(body) = (role_end..end.saturating_sub(1)).find(|&t| is_top_body(doc, t)) {
        if (role_end..body).all(|t| word(t) && doc.cap(t) && !is_head(doc, t)) {
            role_end = body;
        }
    }
    let aff_start = if role_end < end && doc.low(role_end) == "at" { role_end + 1 } else { role_end };
    // Whatever follows is a body's name, or nothing.
    (aff_start == end || doc.cap(aff_start)).then_some((role_end, aff_start))
}

/// Words of an English title's function: `Global Macro Research`,
/// `Corporate Communication`, `Card and Digital Lending`. Written for this
/// project.
fn is_english_function(low: &str) -> bool {
    matches!(
        low,
        "research"
            | "operations"
            | "operation"
            | "marketing"
            | "sales"
            | "finance"
            | "financial"
            | "strategy"
            | "strategic"
            | "communications"
            | "communication"
            | "corporate"
            | "global"
            | "macro"
            | "regional"
            | "asia"
            | "pacific"
            | "credit"
            | "equity"
            | "equities"
            | "economics"
            | "economic"
            | "investor"
            | "relations"
            | "policy"
            | "product"
            | "products"
            | "technology"
            | "engineering"
            | "business"
            | "development"
            | "digital"
            | "lending"
            | "card"
            | "cards"
            | "human"
            | "resources"
            | "legal"
            | "compliance"
            | "risk"
            | "treasury"
            | "public"
            | "affairs"
            | "data"
            | "analytics"
            | "security"
            | "information"
            | "investment"
            | "investments"
            | "banking"
            | "retail"
            | "commercial"
            | "consumer"
            | "international"
            | "country"
            | "group"
            | "growth"
            | "partnerships"
            | "brand"
            | "customer"
            | "experience"
            | "innovation"
            | "sustainability"
            | "government"
            | "external"
            | "internal"
            | "supply"
            | "chain"
            | "fixed"
            | "income"
            | "wealth"
            | "management"
            | "markets"
            | "capital"
            | "trade"
            | "services"
            | "marketplace"
            | "senior"
            | "junior"
            | "principal"
            | "associate"
            | "assistant"
            | "deputy"
            | "managing"
            | "general"
            | "vice"
            | "executive"
            | "chief"
            | "co"
    )
}

/// English heads of titles, written after what they qualify.
fn is_english_title(low: &str) -> bool {
    matches!(
        low,
        "manager"
            | "officer"
            | "president"
            | "director"
            | "head"
            | "chief"
            | "executive"
            | "founder"
            | "analyst"
            | "researcher"
            | "minister"
            | "spokesperson"
            | "spokesman"
            | "ceo"
            | "cfo"
            | "cto"
            | "coo"
            | "vp"
            | "evp"
            | "svp"
            | "avp"
            | "economist"
            | "strategist"
            | "secretary"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "supervisor"
            | "specialist"
            | "advisor"
            | "adviser"
    )
}

/// A word of a place name: `Korea Selatan`, `DKI Jakarta`, `New York`.
fn is_place_word(doc: &Doc, k: usize) -> bool {
    doc.kind(k) == TokKind::Word && (doc.is(k, Cat::PLACE) || doc.is(k, Cat::DIRECTION)) && doc.cap(k)
}

/// The start of the places that close `start..end` after an office that
/// governs no region: `Menteri Luar Negeri | Rusia`. Regional heads keep
/// their region (`Gubernur Jawa Tengah`, `Kepala Desa Sukamaju`).
fn served_place(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let mut p = end;
    while p > start && is_place_word(doc, p - 1) {
        p -= 1;
    }
    let governs = |t: usize| {
        doc.is(t, Cat::JURIS)
            || matches!(
                doc.low(t),
                "wali"
                    | "desa"
                    | "kelurahan"
                    | "kecamatan"
                    | "dusun"
                    | "kampung"
                    | "kabupaten"
                    | "provinsi"
                    | "kota"
                    | "daerah"
                    | "wilayah"
                    | "perwakilan"
                    | "konsul"
            )
    };
    let office = (start..p).any(|t| is_office(doc, t));
    (p > start && p < end && office && !(start..p).any(governs) && doc.kind(p - 1) == TokKind::Word && doc.cap(p - 1))
        .then_some(p)
}

/// `Kapolres` -> `Polres`, `Kadishub` -> `Dishub`: an office word made of
/// `ka-` (head of) and a body's name.
fn headed_body(doc: &Doc, k: usize) -> Option<String> {
    let w = doc.word(k);
    let rest = w.strip_prefix("Ka").or_else(|| w.strip_prefix("KA"))?;
    let low = rest.to_lowercase();
    let body = crate::extract::lexicon::cat(&low).has(Cat::ORG) || is_org_shape(&low);
    (body && rest.len() >= 3).then(|| {
        let mut c = rest.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    })
}

/// Where a description written before token `at` starts: `juru bicara
/// keamanan nasional [Gedung Putih John Kirby]`. Lower-case words are taken
/// back to the furthest office word among them (at most six words; a
/// clause word, a verb or a cue ends the walk).
pub fn lead_in(doc: &Doc, at: usize, sentence_start: usize) -> usize {
    if let Some(opened) = phrase_before_acronym(doc, at, sentence_start) {
        return lead_in(doc, opened, sentence_start);
    }
    let mut best = at;
    let mut k = at;
    while k > sentence_start && at - k < 6 {
        let t = k - 1;
        if doc.kind(t) != TokKind::Word {
            break;
        }
        // `Juru bicara ...` opening the sentence; after another capitalized
        // word the lower-case words continue a longer phrase (`Direktur PT X
        // selaku penjamin pelaksana emisi`), not a description of their own.
        if doc.cap(t) {
            best = if doc.is(t, Cat::ROLE) { t } else { at };
            break;
        }
        if doc.is(t, Cat::ROLE) {
            best = t;
        } else if doc.cat(t).has(Cat::STOP)
            || doc.is(t, Cat::BOUNDARY)
            || doc.is(t, Cat::CUE_PRE)
            || doc.is(t, Cat::CUE_POST)
            || doc.is(t, Cat::SOURCE)
            || doc.is(t, Cat::AUX)
            || doc.is(t, Cat::NEG)
            || doc.is(t, Cat::PRONOUN)
            || doc.is(t, Cat::DEMONSTRATIVE)
            || looks_like_verb(doc.low(t))
        {
            break;
        }
        k = t;
    }
    best
}

/// Where the words that the connector before token `k` joins to the run at
/// `k` start: `Ketua Satgas Penanganan Covid - 19 | dan | Pemulihan ...`,
/// `Komisioner Divisi Pendataan, Partisipasi Warga, | dan | Sumber ...`,
/// `Institute for | Development`. A list crosses its commas up to the first
/// office word (`Dihubungi di Palu, | Komisioner ...` stops there). `None`
/// without a connector after a capitalized word, a number or a parenthesis.
pub fn conjunct_before(doc: &Doc, k: usize, sentence_start: usize) -> Option<usize> {
    if k < sentence_start + 2
        || !matches!(doc.low(k - 1), "dan" | "untuk" | "to" | "of" | "for" | "the" | "and" | "on" | "&")
    {
        return None;
    }
    let mut t = k - 1;
    if doc.low(t) == "dan" && t > sentence_start + 1 && doc.punct(t - 1, &[',']) {
        t -= 1;
    }
    let numbered = |x: usize| doc.kind(x) == TokKind::Number && x > sentence_start && doc.punct(x - 1, &['-']);
    let part = |x: usize| {
        doc.kind(x) == TokKind::Word && (doc.cap(x) || doc.is(x, Cat::ROLE))
            || numbered(x)
            || doc.punct(x, &['-']) && x > sentence_start && doc.cap(x - 1)
            || doc.punct(x, &['(', ')'])
    };
    if !(doc.kind(t - 1) == TokKind::Word && doc.cap(t - 1) || numbered(t - 1) || doc.punct(t - 1, &[')'])) {
        return None;
    }
    let mut office = false;
    let mut from = t;
    while from > sentence_start {
        let x = from - 1;
        let listed = doc.punct(x, &[',']) && !office && x > sentence_start && doc.cap(x - 1);
        if !(listed || part(x)) {
            break;
        }
        office |= is_office_head(doc.low(x));
        from = x;
    }
    Some(from)
}

/// Whether every word of `r` is part of a rank (`Komisaris`, `AKBP`,
/// `Brigjen TNI (Purn)`).
pub fn all_rank(doc: &Doc, r: Range<usize>) -> bool {
    !r.is_empty() && r.clone().all(|k| is_rank_part(doc, k)) && starts_rank(doc, r.start)
}

/// `Direktur Utama (Dirut) PT X`, `Juru Bicara Kementerian Dalam Negeri
/// (Kemendagri) X`: a run that starts inside the parentheses of a
/// mixed-case acronym continues the capitalized phrase the acronym
/// abbreviates, when that phrase holds an office. Where that phrase starts.
fn phrase_before_acronym(doc: &Doc, at: usize, sentence_start: usize) -> Option<usize> {
    let acronym = at >= sentence_start + 2
        && doc.punct(at - 1, &['('])
        && doc.kind(at) == TokKind::Word
        && at + 1 < doc.len()
        && doc.punct(at + 1, &[')']);
    if !acronym {
        return None;
    }
    let mut k = at - 1;
    while k > sentence_start
        && at - k <= 8
        && doc.kind(k - 1) == TokKind::Word
        && (doc.cap(k - 1) || doc.low(k - 1) == "dan")
    {
        k -= 1;
    }
    (k < at - 1 && doc.cap(k) && (k..at - 1).any(|t| is_office(doc, t))).then_some(k)
}

/// Where the description ending at the comma `comma` (before a name in
/// apposition) starts: `anggota Komisi Pemilihan Umum (KPU) Kota Palu, |
/// Budi`, `juru bicara Satgas Covid - 19, | Budi`. `None` without an
/// office word in it.
pub fn description_before(doc: &Doc, comma: usize, sentence_start: usize) -> Option<usize> {
    let mut k = comma;
    let mut segment_end = comma;
    while k > sentence_start && comma - k < 16 {
        let t = k - 1;
        let word = doc.kind(t) == TokKind::Word
            && (doc.is(t, Cat::ROLE) || doc.is(t, Cat::ORG) || doc.cap(t) || doc.low(t) == "dan");
        // An acronym in parentheses and a numbered name: `(KPU)`, `Covid - 19`.
        let inside = doc.punct(t, &['(', ')'])
            || doc.punct(t, &['-']) && t > sentence_start && doc.cap(t - 1)
            || doc.kind(t) == TokKind::Number && t > sentence_start && doc.punct(t - 1, &['-']);
        // `Lembaga Kajian untuk Demokrasi`, `pengacara dari LBH Padang`: a
        // connector before a capitalized word continues the description.
        let connector = is_connector(doc, t) && k < comma && doc.cap(k);
        // `Balai Taman Nasional X, Kalimantan Tengah, | Budi`: a place set
        // off by commas belongs to the body before it.
        let place_aside = doc.punct(t, &[','])
            && t > sentence_start
            && doc.cap(t - 1)
            && k < segment_end
            && (k..segment_end).all(|x| is_place_word(doc, x));
        if place_aside {
            segment_end = t;
        } else if !(word || inside || connector) {
            break;
        }
        k = t;
    }
    let mut k = lead_in(doc, k, sentence_start);
    while k < comma && is_connector(doc, k) {
        k += 1;
    }
    (k..comma).any(|x| doc.is(x, Cat::ROLE)).then_some(k)
}

/// A lower-case word inside a body's name or between an office and its
/// body: `untuk`, `dari`, `of`.
fn is_connector(doc: &Doc, k: usize) -> bool {
    doc.kind(k) == TokKind::Word
        && !doc.cap(k)
        && match doc.low(k) {
            // Between an office and its body, after any word: `pengacara publik dari LBH X`.
            "dari" | "di" => true,
            // Inside a body's name, after one of its capitalized words.
            "untuk" | "of" | "for" | "and" | "the" | "&" => k > 0 && doc.cap(k - 1),
            _ => false,
        }
}

/// An active verb by its shape: `menemui`, `mengatakan`, `bertemu`. (Not
/// `di-` and `ter-`: `digital`, `terorisme` describe an expert's field.)
fn looks_like_verb(low: &str) -> bool {
    low.len() > 5 && ["men", "mem", "meng", "meny", "ber"].iter().any(|p| low.starts_with(p))
}

/// A description in apposition after a name, up to the comma or verb that
/// closes it: `Rina Kusnadi, Ketua Pengurus Harian YLKI, mengatakan`.
pub fn apposition_after(doc: &Doc, name_end: usize, end: usize) -> Option<Range<usize>> {
    if name_end + 1 >= end || !doc.punct(name_end, &[',']) {
        return None;
    }
    // An office word, or an English title's qualifiers (`Regional Head of`).
    let opens = is_office(doc, name_end + 1)
        || (name_end + 1..end.min(name_end + 4))
            .take_while(|&k| doc.kind(k) == TokKind::Word && is_english_function(doc.low(k)))
            .last()
            .is_some_and(|k| k + 1 < end && is_english_title(doc.low(k + 1)));
    if !opens {
        return None;
    }
    let from = name_end + 1;
    let mut k = from;
    while k < end && k - from < 16 {
        if doc.punct(k, &[',']) || doc.is(k, Cat::CUE_PRE) || doc.is(k, Cat::CUE_POST) && !doc.cap(k) {
            break;
        }
        if doc.kind(k) == TokKind::Punct && !doc.punct(k, &['(', ')', '.', '-', '&']) {
            return None;
        }
        if doc.kind(k) == TokKind::Word
            && !doc.cap(k)
            && (doc.is(k, Cat::BOUNDARY) || doc.is(k, Cat::STOP))
            && !matches!(doc.low(k), "dari" | "di" | "dan" | "pada")
        {
            break;
        }
        k += 1;
    }
    // The full stop closing the sentence is not part of a body's name
    // (`Harbour Bank.`); an abbreviation's dot is (`Tbk.`).
    if k == end && k > from + 1 && doc.punct(k - 1, &['.']) && doc.word(k - 2).chars().count() > 3 {
        return Some(from..k - 1);
    }
    (k > from && (k == end || doc.kind(k) == TokKind::Word || doc.punct(k, &[',']))).then_some(from..k)
}

/// A word that names an office or function (`Kepala`, `juru`, `sosiolog`),
/// or completes one (`Hakim Agung`).
pub fn is_office(doc: &Doc, k: usize) -> bool {
    doc.kind(k) == TokKind::Word
        && (doc.is(k, Cat::ROLE) && !matches!(doc.low(k), "seorang" | "salah" | "satu" | "pihak" | "warga" | "orang")
            || completes_office(doc, k))
}

/// `Agung` after `Hakim` or `Jaksa` is part of the office, not a name.
pub fn completes_office(doc: &Doc, k: usize) -> bool {
    k > 0 && doc.low(k) == "agung" && matches!(doc.low(k - 1), "hakim" | "jaksa")
}

/// Where the body a role belongs to starts inside `start..end`, if anywhere
/// after the first word. A sub-unit the office heads belongs to the role
/// and the body it is part of starts at the next head word: `Kepala Bagian
/// Penerangan Umum | Divisi Humas Polri`, `Kepala Badan Ketahanan Pangan |
/// Kementerian Pertanian`. Only the first unit joins the role (`Kepala
/// Departemen Epidemiologi | Fakultas Kesehatan Masyarakat Universitas X`).
/// The central board of a body (`Pimpinan Pusat`, `Pengurus Besar`) speaks
/// for it and opens the body.
fn body_start(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    if let Some(k) = (start + 1..end.saturating_sub(1)).find(|&k| is_central_board(doc, k)) {
        return Some(k);
    }
    // `Sekretaris Perusahaan`: the company's secretary, an office.
    let own = |k: usize| doc.low(k) == "perusahaan" && doc.low(k - 1) == "sekretaris";
    let mut first = (start + 1..end)
        .find(|&k| (is_head(doc, k) || is_sub_unit(doc, k) && doc.cap(k)) && !own(k) && !doc.punct(k - 1, &['(']))?;
    // `Direktur Layanan Aplikasi Informatika Pemerintahan | Kementerian X`:
    // `Pemerintahan` (government, as a field) closes the office before a body.
    if doc.low(first) == "pemerintahan" && first + 1 < end && is_head(doc, first + 1) {
        first += 1;
    }
    if is_sub_unit(doc, first) {
        let body = (first + 2..end).find(|&k| {
            is_head(doc, k)
                && !is_place_word(doc, k)
                && !doc.punct(k - 1, &['('])
                && !is_head(doc, k - 1)
                && doc.low(k - 1) != "dan"
                // `Dewan Pimpinan Pusat`: the board's own words.
                && !matches!(doc.low(k - 1), "pimpinan" | "pengurus")
        });
        return Some(body.unwrap_or(first));
    }
    // A named body, then the one it belongs to: `Kepolisian Sektor X |
    // Kepolisian Resor Y`, `Corporate Communication | PT X`; not `Koperasi
    // dan UKM`, not `Yayasan Lembaga ...`.
    let mut at = first;
    for k in first + 2..end {
        if is_head(doc, k)
            && is_top_body(doc, k)
            && !doc.punct(k - 1, &['('])
            && !is_head(doc, k - 1)
            && !is_rank_part(doc, k - 1)
            && doc.low(k - 1) != "dan"
        {
            at = k;
        }
    }
    Some(at)
}

/// A unit inside a body, named after its head word: `Bagian`, `Bidang`,
/// `Biro`, `Departemen`, `Tim`, `Komite`, `Dewan Komisioner`, `Badan`
/// (inside a ministry), `Direktorat Jenderal`, party boards (`DPP`).
fn is_sub_unit(doc: &Doc, k: usize) -> bool {
    match doc.low(k) {
        "bagian" | "biro" | "seksi" | "subbagian" | "subbidang" | "subdirektorat" | "subdit" | "departemen"
        | "divisi" | "tim" | "komite" | "komisi" | "fraksi" | "pusat" | "unit" | "presidium" | "dewan" | "badan"
        | "kedeputian" | "fakultas" | "laboratorium" | "serikat" | "dpp" | "dpc" | "dpw" => true,
        // `Menteri Koordinator Bidang Perekonomian`: a portfolio, no unit.
        "bidang" => !matches!(doc.low(k - 1), "koordinator" | "menteri" | "menko" | "deputi" | "ahli" | "khusus"),
        "direktorat" => k + 1 < doc.len() && doc.low(k + 1) == "jenderal",
        _ => false,
    }
}

/// `Pimpinan Pusat Muhammadiyah`, `Pengurus Besar Nahdlatul Ulama`: a
/// central board named on its own (not `Dewan Pimpinan Pusat`, a unit, nor
/// `Pengurus Harian`, an office), the name the body is known by.
fn is_central_board(doc: &Doc, k: usize) -> bool {
    let board = match doc.low(k) {
        "pimpinan" => matches!(doc.low(k + 1), "pusat" | "wilayah" | "daerah" | "cabang"),
        "pengurus" => doc.low(k + 1) == "besar",
        _ => false,
    };
    board && doc.cap(k) && doc.cap(k + 1) && !matches!(doc.low(k - 1), "dewan" | "badan")
}

/// With no head word: the capitalized words after the office words that are
/// neither office, portfolio nor place (`Direktur Utama | Garuda Indonesia`,
/// `Direktur | Lappan`). Not after an office that governs a place (`Wali Kota
/// Bekasi`).
fn named_body(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let mut k = start;
    while k < end && (is_office(doc, k) || doc.is(k, Cat::PORTFOLIO) || doc.low(k) == "dan") {
        if doc.is(k, Cat::JURIS) || doc.low(k) == "wali" {
            return None;
        }
        k += 1;
    }
    let plain = |t: usize| {
        doc.kind(t) == TokKind::Word
            && doc.cap(t)
            && !doc.is(t, Cat::PLACE)
            && !doc.is(t, Cat::DIRECTION)
            && !doc.is(t, Cat::ROLE)
            && !doc.is(t, Cat::OUTLET)
    };
    (k > start && k < end && plain(k)).then_some(k)
}

/// A body that sub-units belong to: `Kepala Badan Ketahanan Pangan |
/// Kementerian Pertanian`, `Kepala Bidang Humas | Polda Jatim`.
fn is_top_body(doc: &Doc, k: usize) -> bool {
    let low = doc.low(k);
    // An acronym closes the name of the body its sub-unit belongs to:
    // `Kepala Biro Hukum | Komnas HAM`, `Direktur Operasi | PLN`.
    if doc.all_caps(k) && doc.word(k).chars().count() >= 2 && !is_roman(doc.word(k))
        || low == "komnas"
        || low == "mabes"
    {
        return true;
    }
    matches!(
        low,
        "kementerian"
            | "universitas"
            | "pemerintah"
            | "pemprov"
            | "pemkab"
            | "pemkot"
            | "polda"
            | "polres"
            | "polri"
            | "kepolisian"
            | "kejaksaan"
            | "tni"
            | "institut"
            | "pt"
            | "hotel"
            | "rsud"
    ) || low.starts_with("kemen")
}

/// An organisation's first word: a head noun (`Kementerian`, `Polda`), an
/// acronym that is no place, office or rank (`PLN`, `OJK`) or a CamelCase
/// brand (`KirimCepat`, `NasDem`).
pub fn is_head(doc: &Doc, k: usize) -> bool {
    if doc.kind(k) != TokKind::Word || !doc.cap(k) {
        return false;
    }
    let c = doc.cat(k);
    if c.has(Cat::ORG) || is_org_shape(doc.low(k)) {
        return true;
    }
    if c.has(Cat::PLACE) || c.has(Cat::ROLE) || c.has(Cat::RANK) || c.has(Cat::DIRECTION) {
        return false;
    }
    let w = doc.word(k);
    let acronym = doc.all_caps(k) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !is_roman(w);
    acronym || is_camel(w)
}

/// A Roman numeral numbers a unit (`Komisi III`, `Kelas II`); it names none.
fn is_roman(w: &str) -> bool {
    w.len() <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Ministry and government abbreviations built on a head: `Kemenkes`,
/// `Kemendikbudristek`, `Pemkab`, `Dinkes`, `Dishub`.
fn is_org_shape(low: &str) -> bool {
    low.len() >= 6 && (low.starts_with("kemen") || low.starts_with("pemk") || low.starts_with("pempro"))
        || matches!(
            low,
            "dinkes"
                | "dishub"
                | "disdik"
                | "disnaker"
                | "dispenda"
                | "satpol"
                | "balai"
                | "unit"
                | "perkumpulan"
                | "komunitas"
                | "hotel"
                | "fakultas"
        )
}

/// `KirimCepat`, `DealStreetAsia`: a capital after a lower-case letter.
/// The capital comes after three letters or more, which keeps `McCarthy`,
/// `MacArthur` and `DeSantis` names.
pub fn is_camel(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 6
        && b[0].is_ascii_uppercase()
        && b.windows(2)
            .enumerate()
            .skip(2)
            .any(|(i, p)| i >= 3 && p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
}

/// A word of a rank: `AKBP`, `Brigjen`, `dr`, `Prof`, `Ajun Komisaris
/// Besar`, `Inspektur Polisi Satu`, `(Pol)`.
fn is_rank_part(doc: &Doc, k: usize) -> bool {
    doc.is(k, Cat::RANK)
        || matches!(
            doc.low(k),
            "ajun"
                | "komisaris"
                | "besar"
                | "inspektur"
                | "letnan"
                | "polisi"
                | "satu"
                | "dua"
                | "pertama"
                | "muda"
                | "madya"
                | "purn"
                | "purnawirawan"
                | "("
                | ")"
                | "."
        ) && !(doc.low(k) == "besar" && k > 0 && doc.low(k - 1) == "duta")
        || is_rank_branch(doc, k)
}

/// The service a rank belongs to, written after it: `Mayjen TNI (Purn)`,
/// `Kolonel (Mar)`, `Brigjen Polri`. Only right after a rank word (or its
/// parenthesis), so `Panglima TNI` keeps its body.
fn is_rank_branch(doc: &Doc, k: usize) -> bool {
    if !matches!(doc.low(k), "tni" | "polri" | "mar" | "marinir" | "ad" | "al" | "au") || k == 0 {
        return false;
    }
    let prev = if doc.punct(k - 1, &['(']) && k >= 2 { k - 2 } else { k - 1 };
    doc.is(prev, Cat::RANK)
        || matches!(doc.low(prev), "komisaris" | "inspektur" | "letnan" | "besar" | "pertama" | "muda" | "madya")
}

/// The first word of a rank: a rank word, or the Indonesian police and
/// military ranks spelt out (`Ajun Komisaris`, `Inspektur Jenderal`).
fn starts_rank(doc: &Doc, k: usize) -> bool {
    doc.kind(k) == TokKind::Word
        && !matches!(doc.low(k), "bapak" | "ibu" | "pak" | "bu" | "jenderal" | "pol")
        && (doc.is(k, Cat::RANK) || matches!(doc.low(k), "ajun" | "komisaris" | "inspektur" | "letnan"))
}
/// A capitalized word that can start a name.
pub fn starts_name(doc: &Doc, i: usize, sentence_start: usize) -> bool {
    if doc.kind(i) != TokKind::Word || !doc.cap(i) {
        return false;
    }
    let c = doc.cat(i);
    if c.has(Cat::MONTH) || c.has(Cat::DAY) {
        return false;
    }
    // A capital at the start of a sentence says nothing about a common word.
    !(i == sentence_start
        && (c.has(Cat::BOUNDARY)
            || c.has(Cat::STOP)
            || c.has(Cat::AUX)
            || c.has(Cat::PRONOUN)
            || c.has(Cat::NEG)
            || c.has(Cat::DEMONSTRATIVE)))
}

pub fn continues_name(doc: &Doc, j: usize, end: usize) -> bool {
    if doc.kind(j) == TokKind::Word && doc.cap(j) && !doc.is(j, Cat::MONTH) && !doc.is(j, Cat::DAY) {
        return true;
    }
    // `Pusat Studi Strategis dan Internasional`, `Ahmad bin Ali`; but
    // `Korea Utara dan Rusia` is two names.
    if doc.kind(j) == TokKind::Word && j + 1 < end && doc.cap(j + 1) {
        match doc.low(j) {
            "bin" | "binti" | "van" | "von" | "de" | "al" | "el" | "da" => return true,
            "dan" => return !(doc.is(j + 1, Cat::ORG) || doc.is(j + 1, Cat::PLACE) || doc.is(j + 1, Cat::ROLE)),
            _ => {}
        }
    }
    if doc.punct(j, &['(']) {
        return j + 2 < end && doc.all_caps(j + 1) && doc.punct(j + 2, &[')']);
    }
    // A numbered name written with spaces: `Satgas Covid - 19 Kota Palu`.
    if doc.punct(j, &['-']) {
        return doc.cap(j - 1) && j + 1 < end && doc.kind(j + 1) == TokKind::Number;
    }
    if doc.kind(j) == TokKind::Number {
        return j >= 2 && doc.punct(j - 1, &['-']) && doc.cap(j - 2) && j + 1 < end && doc.cap(j + 1);
    }
    if doc.punct(j, &['.']) {
        let short = doc.word(j - 1).chars().count() == 1 || doc.low(j - 1) == "dt";
        return !doc.space_before(j) && short && j + 1 < end && doc.cap(j + 1);
    }
    if doc.punct(j, &[')']) {
        return j >= 2 && doc.punct(j - 2, &['(']);
    }
    doc.kind(j) == TokKind::Word && doc.all_caps(j) && j + 1 < end && doc.cap(j + 1)
}

/// The person's name at the end of `np`: the capitalized words after the
/// last role, rank, organisation or place word. `None` if there is none.
pub fn person_tail(doc: &Doc, np: Range<usize>) -> Option<Range<usize>> {
    // An age or an acronym after the name: `Euis Sumiati (45)`; degrees
    // after a comma: `Melati Sukma, Sp.P`.
    let mut np = np;
    if np.len() > 2 && doc.punct(np.end - 2, &[',']) && doc.word(np.end - 1).contains('.') {
        np = np.start..np.end - 2;
    }
    if np.len() > 2 && doc.punct(np.end - 1, &[')']) {
        if let Some(p) = (np.start..np.end - 1).rev().take(5).find(|&p| doc.punct(p, &['('])) {
            np = np.start..p;
        }
    }
    let mut k = np.end;
    while k > np.start {
        let t = k - 1;
        let c = doc.cat(t);
        // The second word of an organisation's name: `Gedung Putih`. A
        // complete name before a person (`Kemenkes Siti Nadia`) is no head.
        if t > np.start && k < np.end && doc.cap(t - 1) && is_org_head(doc.low(t - 1)) {
            break;
        }
        let w = doc.word(t);
        let low = doc.low(t);
        // `Anak Agung`, `Dt.`: parts of a name that other lists hold too.
        let particle = doc.kind(t) == TokKind::Word
            && doc.cap(t)
            && is_name_particle(low)
            && (low != "anak" || t + 1 < np.end && doc.low(t + 1) == "agung")
            && k < np.end;
        let particle_dot = doc.punct(t, &['.']) && t > np.start && !doc.space_before(t) && doc.low(t - 1) == "dt";
        // `Tua` is an office word only in `orang tua`; between two name
        // words it is part of the name (`Maruli Tua Pardede`, a Batak name).
        let role = c.has(Cat::ROLE)
            && !(low == "tua" && k < np.end && doc.cap(t) && !(t > np.start && doc.low(t - 1) == "orang"));
        let plain = doc.kind(t) == TokKind::Word
            && !is_place_head(low)
            && !is_org_shape(low)
            && !c.has(Cat::PORTFOLIO)
            && doc.cap(t)
            && !doc.all_caps(t)
            && !w.contains(|c: char| c.is_ascii_digit() || c == '.')
            && !is_camel(w)
            && !(role
                || c.has(Cat::RANK)
                || c.has(Cat::ORG)
                || c.has(Cat::PLACE)
                || c.has(Cat::DIRECTION)
                || c.has(Cat::OUTLET)
                || c.has(Cat::ORG_TAIL)
                || c.has(Cat::PRONOUN)
                || c.has(Cat::BOUNDARY)
                || c.has(Cat::STOP)
                || c.has(Cat::DEMONSTRATIVE));
        // A one-letter initial inside a name: `Jean H Lee`, `Rudi P. Santoso`;
        // a short acronym closing one: `Mahfud MD`.
        // `Hakim Agung X`: `Agung` completes the office, it starts no name.
        if t > np.start && completes_office(doc, t) {
            break;
        }
        let initial = (doc.kind(t) == TokKind::Word && doc.word(t).chars().count() == 1 && doc.cap(t) && k < np.end)
            || (doc.punct(t, &['.'])
                && t > np.start
                && !doc.space_before(t)
                && doc.word(t - 1).chars().count() == 1
                && k < np.end);
        let closing_acronym = t + 1 == np.end
            && t > np.start
            && doc.all_caps(t)
            && w.chars().count() <= 3
            && doc.cap(t - 1)
            && !doc.all_caps(t - 1)
            && !doc.cat(t - 1).has(Cat::ORG)
            && !doc.cat(t - 1).has(Cat::ROLE);
        // A family name that is also a place (`Paulus Sorong`, `dr. Yakob
        // Aru`): the last word, right after a given name or a first name
        // that opens the phrase.
        let place_surname = t + 1 == np.end && t > np.start && c.has(Cat::PLACE) && doc.cap(t) && {
            let prev = t - 1;
            let opens = prev == np.start
                || doc.punct(prev - 1, &[',', '.'])
                || doc.is(prev - 1, Cat::RANK)
                || doc.is(prev - 1, Cat::ROLE)
                || doc.is(prev - 1, Cat::GIVEN)
                || is_name_particle(doc.low(prev - 1));
            name_word(doc, prev) && (doc.is(prev, Cat::GIVEN) || is_name_particle(doc.low(prev)) || opens)
        };
        if !(plain || initial || closing_acronym || place_surname || particle || particle_dot) || np.end - t > 5 {
            break;
        }
        k = t;
    }
    // `Hotel Harmoni One Wahyu`: after a body's name, the person starts at
    // the first known given name.
    // An acronym closes a body's name by itself (`Direktur PLN Sumarno
    // Wibowo`): the person starts right after it.
    let plain_before = k > np.start
        && doc.kind(k - 1) == TokKind::Word
        && !doc.all_caps(k - 1)
        && !(doc.is(k - 1, Cat::RANK) || doc.is(k - 1, Cat::ROLE) || doc.is(k - 1, Cat::PLACE))
        // `PT X Tbk Kresna Adiwinata`: a company's closing word ends its name.
        && !doc.is(k - 1, Cat::ORG_TAIL);
    if plain_before && (np.start..k).any(|t| is_head(doc, t)) {
        if let Some(g) = (k..np.end).find(|&t| doc.is(t, Cat::GIVEN)) {
            k = g;
        }
    }
    // A hajj's `H.` before the name is a title: `H. Rudi Batanghari`.
    if k + 2 < np.end && doc.word(k) == "H" && doc.punct(k + 1, &['.']) {
        k += 2;
    }
    if k == np.end || (k + 1 == np.end && doc.all_caps(k)) {
        return None;
    }
    // `Gedung Putih`, `Istana Kepresidenan`: one word completing an
    // organisation's head is the organisation's name, not a person's.
    if k + 1 == np.end
        && k > np.start
        && doc.cap(k - 1)
        && (is_org_head(doc.low(k - 1)) || is_org_shape(doc.low(k - 1)))
    {
        return None;
    }
    // `Kepala Bapanas Hendra Wijayakusuma`: a head of something names the
    // body first.
    if k > np.start
        && np.end - k >= 3
        && matches!(
            doc.low(k - 1),
            "kepala"
                | "ketua"
                | "direktur"
                | "manajer"
                | "pimpinan"
                | "pelatih"
                | "kapten"
                | "dirut"
                | "sekjen"
                | "rektor"
                | "dekan"
        )
    {
        k += 1;
    }
    // After a role that governs a place (`Bupati Grobogan Sri Sumarni`), the
    // first word is the place; alone (`Kapolda Sultra`), it is no name.
    // So does a place head: `Kepala Desa Sukamaju Darmin Hasan`.
    let place_head = |t: usize| {
        matches!(
            doc.low(t),
            "desa" | "kelurahan" | "kecamatan" | "dusun" | "kampung" | "kabupaten" | "provinsi" | "nagari"
        )
    };
    if k > np.start && (doc.is(k - 1, Cat::JURIS) || place_head(k - 1)) {
        if np.end - k < 2 {
            return None;
        }
        k += 1;
    }
    Some(k..np.end)
}

/// Words of regional naming customs that are no given name of their own but
/// belong to the name: Balinese birth-order and caste names (`I`, `Ni`,
/// `Gusti`, `Ngurah`, `Made`, `Ida Bagus`, `Anak Agung`, `Cokorda`),
/// Acehnese `Teuku`/`Cut`, Bugis `Andi`, Minangkabau `Dt.` (datuk),
/// Javanese and Sundanese `Raden`, `Tubagus`.
pub fn is_name_particle(low: &str) -> bool {
    matches!(
        low,
        "i" | "ni"
            | "gusti"
            | "ngurah"
            | "made"
            | "wayan"
            | "nyoman"
            | "ketut"
            | "putu"
            | "kadek"
            | "komang"
            | "nengah"
            | "gede"
            | "ida"
            | "bagus"
            | "ayu"
            | "agung"
            | "cokorda"
            | "tjokorda"
            | "desak"
            | "luh"
            | "teuku"
            | "cut"
            | "tengku"
            | "andi"
            | "dt"
            | "datuk"
            | "raden"
            | "tubagus"
    )
}

/// The common noun that heads a place's name: `Kepulauan Aru`, `Pulau
/// Seram`, `Kabupaten Sorong`. Never part of a person's name.
fn is_place_head(low: &str) -> bool {
    matches!(
        low,
        "kepulauan"
            | "pulau"
            | "teluk"
            | "selat"
            | "danau"
            | "sungai"
            | "gunung"
            | "kabupaten"
            | "provinsi"
            | "kecamatan"
            | "kelurahan"
            | "desa"
            | "dusun"
    )
}

/// A capitalized word that can be part of a person's name: in no list that
/// makes it an office, body, place or function word.
fn name_word(doc: &Doc, k: usize) -> bool {
    let c = doc.cat(k);
    doc.kind(k) == TokKind::Word
        && doc.cap(k)
        && !doc.all_caps(k)
        && !(c.has(Cat::ROLE)
            || c.has(Cat::RANK)
            || c.has(Cat::ORG)
            || c.has(Cat::PLACE)
            || c.has(Cat::DIRECTION)
            || c.has(Cat::PORTFOLIO)
            || c.has(Cat::OUTLET)
            || c.has(Cat::ORG_TAIL)
            || c.has(Cat::STOP)
            || c.has(Cat::BOUNDARY))
}

/// An organisation word that needs a complement: `Gedung` (Putih), `Badan`
/// (Pusat Statistik).
pub fn is_org_head(low: &str) -> bool {
    matches!(
        low,
        "gedung"
            | "badan"
            | "dewan"
            | "lembaga"
            | "pusat"
            | "komisi"
            | "partai"
            | "universitas"
            | "institut"
            | "bank"
            | "dinas"
            | "kantor"
            | "kementerian"
            | "departemen"
            | "direktorat"
            | "rumah"
            | "sekolah"
            | "pengadilan"
            | "kejaksaan"
            | "mahkamah"
            | "majelis"
            | "angkatan"
            | "yayasan"
            | "organisasi"
            | "asosiasi"
            | "persatuan"
            | "perhimpunan"
            | "ikatan"
            | "serikat"
            | "satuan"
            | "komite"
            | "markas"
            | "istana"
            | "pt"
            | "cv"
            | "perum"
            | "stasiun"
            | "bandara"
            | "pelabuhan"
            | "fasilitas"
            | "museum"
            | "masjid"
            | "gereja"
            | "otoritas"
    )
}

pub fn org_or_place(doc: &Doc, r: Range<usize>) -> EntityKind {
    if r.clone().all(|k| doc.is(k, Cat::PLACE) || doc.is(k, Cat::DIRECTION) || doc.kind(k) == TokKind::Punct) {
        EntityKind::Place
    } else {
        EntityKind::Organisation
    }
}

/// The words of a token range joined by single spaces.
pub fn words(doc: &Doc, r: Range<usize>) -> String {
    let mut s = String::with_capacity(span_len(doc, &r));
    for k in r {
        if doc.kind(k) == TokKind::Punct {
            // Keep the dot of an initial: `Rudi P. Santoso`.
            if doc.punct(k, &['.']) && !doc.space_before(k) && !s.is_empty() {
                s.push('.');
            }
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(doc.word(k));
    }
    s
}

/// The text of tokens `r` as written, line breaks folded.
fn source(doc: &Doc, r: Range<usize>) -> String {
    let text = doc.span(r.start, r.end).text(doc.text);
    let mut s = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

/// Role words in lower case, separated by single spaces, without parentheses.
pub fn role_key(doc: &Doc, r: Range<usize>) -> String {
    let mut s = String::with_capacity(span_len(doc, &r));
    for k in r {
        if doc.kind(k) != TokKind::Word || matches!(doc.low(k), "seorang" | "sang" | "para") {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(doc.low(k));
    }
    s
}

/// The bytes tokens `r` span: room enough for their words joined by single
/// spaces, so building a name or key allocates once.
fn span_len(doc: &Doc, r: &Range<usize>) -> usize {
    if r.is_empty() {
        0
    } else {
        doc.toks[r.end - 1].end() - doc.toks[r.start].start()
    }
}
