//! Who a sentence attributes its content to: reporting cues, the noun phrase
//! they govern, source phrases and the outlet a statement came through.
//!
//! Everything here reads only tokens outside quotations: a cue inside a
//! quotation is part of what was said, not an attribution of it.

use std::ops::Range;

use super::doc::{Doc, QUOTES};
use super::lexicon::Cat;
use super::tokens::TokKind;
use crate::model::Span;

/// One attribution found in a sentence.
#[derive(Clone, Debug)]
pub struct Source {
    /// The claimant as written (possibly the `-nya` of `ujarnya`).
    pub who: Span,
    /// Token range of `who`, empty for a `-nya` suffix.
    pub toks: Range<usize>,
    pub cue: Span,
    pub outlet: bool,
}

/// What a sentence says about its source.
#[derive(Clone, Debug, Default)]
pub struct Found {
    pub claimant: Option<Source>,
    pub via: Option<Span>,
}

/// Reads the attribution of the tokens in `range` that `outside` accepts.
pub fn attribute(doc: &Doc, range: Range<usize>, outside: &dyn Fn(usize) -> bool) -> Found {
    let mut sources: Vec<Source> = Vec::new();
    let mut vias: Vec<Span> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !outside(i) || doc.kind(i) != TokKind::Word {
            i += 1;
            continue;
        }
        let c = doc.cat(i);
        let low = doc.low(i);
        // `Kata Budi, harga naik.`: the cue opens the sentence and the
        // speaker is set off by a comma.
        if c.has(Cat::CUE_POST) && i == range.start && !low.ends_with("nya") {
            if let Some(np) = np_after(doc, i + 1, range.end)
                .filter(|np| np.end < range.end && doc.punct(np.end, &[',']) && doc.cap(np.start))
            {
                let outlet = is_outlet(doc, np.clone());
                sources.push(Source {
                    who: doc.span(np.start, np.end),
                    toks: np.clone(),
                    cue: doc.span(i, i + 1),
                    outlet,
                });
                i = np.end;
                continue;
            }
        }
        if c.has(Cat::CUE_POST) && post_cue_position(doc, i, range.start) {
            if let Some(s) = post_cue(doc, i, range.end) {
                i = s.toks.end.max(i + 1);
                vias.extend(told_outlet(doc, i, range.end));
                sources.push(s);
                continue;
            }
        }
        // `Survei terbaru Lembaga X menunjukkan`, `Data BPS menunjukkan`: the
        // body behind a study speaks through it.
        if matches!(low, "menunjukkan" | "memperlihatkan" | "mengungkap" | "mencatat") {
            if let Some(toks) = study_source(doc, i, range.start, outside) {
                let outlet = is_outlet(doc, toks.clone());
                sources.push(Source { who: doc.span(toks.start, toks.end), toks, cue: doc.span(i, i + 1), outlet });
                i += 1;
                continue;
            }
        }
        let yakin = low == "yakin" && i + 1 < range.end && doc.low(i + 1) == "bahwa";
        if (c.has(Cat::CUE_PRE) || yakin)
            && !(i > range.start && matches!(doc.low(i - 1), "yang" | "untuk" | "akan" | "ingin" | "mau"))
        {
            if let Some(toks) = np_before(doc, i, range.start, outside) {
                let cue_end = if yakin { i + 2 } else { i + 1 };
                let outlet = is_outlet(doc, toks.clone());
                sources.push(Source { who: doc.span(toks.start, toks.end), toks, cue: doc.span(i, cue_end), outlet });
                // `mengatakan kepada CBS News`: the outlet the words went to.
                vias.extend(told_outlet(doc, cue_end, range.end));
                i = cue_end;
                continue;
            }
        }
        if low == "menurutnya" {
            sources.push(suffix_source(doc, i));
            i += 1;
            continue;
        }
        // The passive with its agent: `Hal itu disampaikan (oleh) Kepala BPBD X`.
        if matches!(
            low,
            "dikatakan"
                | "disampaikan"
                | "diungkapkan"
                | "dijelaskan"
                | "ditegaskan"
                | "disebutkan"
                | "diutarakan"
                | "dipaparkan"
                | "diterangkan"
        ) && !(i > range.start && (doc.is(i - 1, Cat::NEG) || doc.low(i - 1) == "yang"))
        {
            let mut j = i + 1;
            if j < range.end && doc.low(j) == "oleh" {
                j += 1;
            }
            if let Some(np) = np_after(doc, j, range.end).filter(|np| doc.cap(np.start) || doc.is(np.start, Cat::ROLE))
            {
                let outlet = is_outlet(doc, np.clone());
                sources.push(Source { who: doc.span(np.start, np.end), toks: np.clone(), cue: doc.span(i, j), outlet });
                i = np.end;
                continue;
            }
        }
        if c.has(Cat::SOURCE) || low == "dalam" {
            if let Some((cue_end, np)) = source_phrase(doc, i, range.end) {
                let outlet = is_outlet(doc, np.clone());
                let who = doc.span(np.start, np.end);
                if outlet && matches!(low, "dikutip" | "dilansir" | "melansir" | "mengutip" | "sebagaimana") {
                    vias.push(who);
                }
                sources.push(Source { who, toks: np.clone(), cue: doc.span(i, cue_end), outlet });
                i = np.end;
                continue;
            }
        }
        i += 1;
    }
    // A person or body is the claimant; an outlet is only the channel, unless
    // it is the only source there is.
    let claimant = sources.iter().find(|s| !s.outlet).or_else(|| sources.first()).cloned();
    let via = match &claimant {
        Some(c) if !c.outlet => sources.iter().find(|s| s.outlet).map(|s| s.who).or_else(|| vias.first().copied()),
        _ => None,
    };
    Found { claimant, via }
}

/// The body a study is by, for `<study> [terbaru] <Body> menunjukkan`:
/// `Survei terbaru Lembaga Survei Indonesia`, `Data BPS`, `Riset Katadata`.
fn study_source(doc: &Doc, v: usize, start: usize, outside: &dyn Fn(usize) -> bool) -> Option<Range<usize>> {
    // `... pada 2024 menunjukkan`: the study's year is no part of its body.
    let mut v = v;
    if v >= start + 2 && doc.kind(v - 1) == TokKind::Number && matches!(doc.low(v - 2), "pada" | "tahun" | "sejak") {
        v -= 2;
    }
    let (k, end) = walk_back(doc, v, start, outside)?;
    if end != v {
        return None;
    }
    let mut b = k;
    while b < end
        && matches!(
            doc.low(b),
            "survei"
                | "hasil"
                | "data"
                | "riset"
                | "studi"
                | "penelitian"
                | "laporan"
                | "kajian"
                | "analisis"
                | "temuan"
                | "jajak"
                | "pendapat"
                | "terbaru"
                | "terkini"
                | "teranyar"
                | "terakhir"
                | "yang"
                | "dirilis"
                | "dilakukan"
                | "oleh"
                | "dari"
        )
    {
        b += 1;
    }
    (b > k && b < end && doc.cap(b)).then_some(b..end)
}

/// A cue like `kata` attributes only right after a quotation or a comma:
/// `"...," kata Shin`, `..., kata pusat tersebut,`. Elsewhere it is a noun
/// (`kata kunci`) or a hedge (`yang katanya`).
fn post_cue_position(doc: &Doc, i: usize, start: usize) -> bool {
    i > start && (doc.punct(i - 1, &[',']) || doc.punct(i - 1, QUOTES) || doc.punct(i - 1, &['.', '?', '!']))
}

fn post_cue(doc: &Doc, i: usize, end: usize) -> Option<Source> {
    let low = doc.low(i);
    let span = doc.toks[i].span;
    if low.len() > 5 && low.ends_with("nya") {
        return Some(suffix_source(doc, i));
    }
    let np = np_after(doc, i + 1, end)?;
    if !nameish(doc, np.clone()) {
        return None;
    }
    let outlet = is_outlet(doc, np.clone());
    Some(Source { who: doc.span(np.start, np.end), toks: np, cue: span, outlet })
}

/// `ujarnya`, `menurutnya`: the cue is the stem, the speaker its `-nya`,
/// resolved later like `ia`.
fn suffix_source(doc: &Doc, i: usize) -> Source {
    let span = doc.toks[i].span;
    let cut = span.end() - "nya".len();
    Source { who: Span::at(cut, span.end()), toks: i + 1..i + 1, cue: Span::at(span.start(), cut), outlet: false }
}

/// `kepada CBS News`, `saat dihubungi detikcom`, `ketika diwawancarai
/// Kompas.com` right at `i`: the outlet the words were given to.
fn told_outlet(doc: &Doc, i: usize, end: usize) -> Option<Span> {
    let mut j = i;
    if j < end && matches!(doc.low(j), "saat" | "ketika" | "kala" | "sewaktu") {
        j += 1;
    }
    match (j < end).then(|| doc.low(j)) {
        Some("kepada") if j == i => {}
        Some("dihubungi" | "diwawancarai" | "ditemui" | "dikonfirmasi" | "diwawancara") => {}
        _ => return None,
    }
    let np = np_after(doc, j + 1, end)?;
    is_outlet(doc, np.clone()).then(|| doc.span(np.start, np.end))
}

/// `menurut X`, `melansir dari X`, `seperti dikutip dari X`, `dalam lembar
/// fakta X`, `berdasarkan data X`: the cue's end and X.
fn source_phrase(doc: &Doc, i: usize, end: usize) -> Option<(usize, Range<usize>)> {
    let mut j = i + 1;
    match doc.low(i) {
        "menurut" | "melansir" | "dilansir" | "mengutip" | "dikutip" => {}
        "sebagaimana" if j < end && matches!(doc.low(j), "dilaporkan" | "dikutip" | "dilansir" | "disampaikan") => {
            j += 1
        }
        "berdasarkan" | "dalam" => {
            // A document or statement of someone: `dalam lembar fakta X`,
            // `berdasarkan data X`.
            let head = |k: usize| {
                k < end
                    && matches!(
                        doc.low(k),
                        "lembar"
                            | "fakta"
                            | "laporan"
                            | "keterangan"
                            | "pernyataan"
                            | "siaran"
                            | "pers"
                            | "rilis"
                            | "data"
                            | "catatan"
                            | "hasil"
                            | "informasi"
                            | "dokumen"
                            | "unggahan"
                            | "cuitan"
                            | "surat"
                            | "analisis"
                            | "kajian"
                            | "survei"
                            | "riset"
                            | "penelitian"
                            | "studi"
                            | "tertulis"
                            | "resmi"
                    )
            };
            if !head(j) {
                return None;
            }
            while head(j) {
                j += 1;
            }
            // The author must be named: `dalam laporan tahunan` names no one,
            // `berdasarkan data situs pemantau IQAir` names IQAir.
            let named = (j..end.min(j + 6)).find(|&k| doc.cap(k) || doc.kind(k) == TokKind::Punct)?;
            // `dalam laporan yang dirilis Kamis (14/11), WHO mencatat`: a day
            // is no author.
            if !doc.cap(named) || doc.is(named, Cat::DAY) || doc.is(named, Cat::MONTH) {
                return None;
            }
            j = named;
        }
        _ => return None,
    }
    if j < end && doc.low(j) == "dari" {
        j += 1;
    }
    let np = np_after(doc, j, end)?;
    nameish(doc, np.clone()).then_some((j, np))
}

/// The noun phrase that starts at `i`: a name with its titles, or a
/// description such as `pusat tersebut` or `media pemerintah Korea Utara`.
fn np_after(doc: &Doc, i: usize, end: usize) -> Option<Range<usize>> {
    let mut j = i;
    // Long titles run to 20 tokens: `Kepala Induk Patroli Jalan Raya (PJR)
    // Tol X Ajun Komisaris Y Z`.
    while j < end && j < i + 20 {
        if doc.punct(j, &['(']) {
            // A short parenthesis inside a name: `Amerika Serikat (AS)`, but
            // not a citation: `Presiden (Kompas, 11/11/2017)`.
            let close = (j + 1..end.min(j + 5)).find(|&k| doc.punct(k, &[')']));
            let plain = |k: usize| (j + 1..k).all(|x| doc.kind(x) == TokKind::Word);
            match close {
                Some(k) if j > i && plain(k) => {
                    j = k + 1;
                    continue;
                }
                _ => break,
            }
        }
        // `Covid - 19` as some sources space it.
        if j > i && doc.punct(j, &['-']) && j + 1 < end && doc.kind(j + 1) == TokKind::Number {
            j += 2;
            continue;
        }
        if doc.kind(j) == TokKind::Punct {
            break;
        }
        let c = doc.cat(j);
        let low = doc.low(j);
        if j > i && (c.has(Cat::CUE_PRE) || c.has(Cat::CUE_POST) || c.has(Cat::SOURCE) || c.has(Cat::DAY)) {
            break;
        }
        if c.has(Cat::STOP) && !doc.cap(j) {
            break;
        }
        // A name ends where lower-case prose begins: `Al Arabiya mobil itu`.
        if j > i
            && doc.cap(i)
            && !doc.cap(j)
            && doc.kind(j) == TokKind::Word
            && !c.has(Cat::RANK)
            && !matches!(
                low,
                "dan" | "maupun" | "serta" | "atau" | "bin" | "binti" | "van" | "von" | "de" | "al" | "el" | "da"
            )
        {
            break;
        }
        if matches!(low, "dan" | "maupun" | "serta" | "atau") {
            // Join only two names: `Korea Utara dan Rusia`.
            if j + 1 < end && doc.cap(j + 1) && j > i && doc.cap(j - 1) {
                j += 1;
                continue;
            }
            break;
        }
        j += 1;
        if c.has(Cat::DEMONSTRATIVE) {
            break;
        }
    }
    if j == i {
        return None;
    }
    // An apposition after a title, or a list inside it: `kata juru bicara
    // Gugus Tugas, Alamsyah,`, `kata Menteri Koordinator Bidang Politik,
    // Hukum, dan Keamanan Mahfud MD`.
    let mut np_end = j;
    let mut at = j;
    while at + 1 < end && doc.punct(at, &[',']) && (i..at).any(|k| doc.is(k, Cat::ROLE)) {
        let mut k = at + 1;
        if doc.low(k) == "dan" {
            k += 1;
        }
        let seg = k;
        while k < end && k - seg < 6 {
            // The dot of a rank before the name: `, dr. Rina Kusumawati`.
            let rank_dot = doc.punct(k, &['.'])
                && k > seg
                && !doc.space_before(k)
                && doc.is(k - 1, Cat::RANK)
                && k + 1 < end
                && doc.cap(k + 1);
            let word = doc.kind(k) == TokKind::Word
                && (doc.cap(k) || doc.is(k, Cat::RANK))
                && !doc.is(k, Cat::DAY)
                && !doc.is(k, Cat::MONTH);
            if !(word || rank_dot) {
                break;
            }
            k += 1;
        }
        if k == seg {
            break;
        }
        let closed = k == end || doc.kind(k) == TokKind::Punct || doc.is(k, Cat::DAY) || doc.is(k, Cat::STOP);
        if !closed {
            break;
        }
        np_end = k;
        at = k;
    }
    Some(i..np_end)
}

/// The subject of the verb at `v`, walking back over auxiliaries
/// (`telah`, `juga`, `dengan tegas`) to the previous clause boundary. `None`
/// when the verb is negated (`tidak menjelaskan`) or has no subject here.
///
/// Appositions are part of the subject: `Anggota Bawaslu, Lestiani Putri,
/// menyebutkan`; so are lists inside a name (`Badan Meteorologi,
/// Klimatologi, dan Geofisika`) and a relative clause after its head
/// (`Seorang pejabat yang enggan disebutkan namanya mengatakan`).
fn np_before(doc: &Doc, v: usize, start: usize, outside: &dyn Fn(usize) -> bool) -> Option<Range<usize>> {
    let mut j = v;
    while j > start && doc.is(j - 1, Cat::AUX) && !doc.cap(j - 1) {
        j -= 1;
    }
    if j > start && doc.is(j - 1, Cat::NEG) {
        return None;
    }
    let mut end = j;
    if end > start + 1 && doc.punct(end - 1, &[',']) {
        end -= 1; // `..., Lestiani Putri, menyebutkan`
    }
    // Asides between subject and verb: a date (`Faisal, Minggu (3/5/2020),
    // menyampaikan`) and a place (`Tjahjo melalui keterangan tertulis di
    // Jakarta, mengatakan`).
    end = skip_date_aside(doc, end, start);
    end = skip_degree_aside(doc, end, start);
    let (mut k, e) = walk_back(doc, end, start, outside)?;
    end = e;
    while k > start + 1
        && matches!(doc.low(k - 1), "di" | "dari" | "ke")
        && (k..end).all(|x| doc.is(x, Cat::PLACE) || doc.is(x, Cat::DIRECTION) || doc.punct(x, &[',']))
    {
        (k, end) = walk_back(doc, k - 1, start, outside)?;
    }
    // `Seorang guru yang meminta namanya tidak ditulis mengatakan`: the walk
    // stopped at the clause's own verb, a cue; the clause starts at `yang`.
    if k >= start + 2
        && !nameish(doc, k..end)
        && doc.low(k - 2) == "yang"
        && (doc.is(k - 1, Cat::CUE_PRE) || doc.is(k - 1, Cat::CUE_POST))
    {
        k -= 1;
    }
    // A relative clause set off by commas: `Pemerintah, yang diwakili
    // Kementerian X, membantah` is the government's denial.
    if k > start + 2 && doc.low(k - 1) == "yang" && doc.punct(k - 2, &[',']) {
        if let Some((mut h, head_end)) = walk_back(doc, k - 2, start, outside).filter(|&(h, e)| nameish(doc, h..e)) {
            // `Seorang karyawan yang terkena PHK, yang ...`: a head with a
            // relative clause of its own.
            while h > start + 1 && doc.low(h - 1) == "yang" {
                match walk_back(doc, h - 1, start, outside) {
                    Some((h2, e2)) if e2 == h - 1 => h = h2,
                    _ => break,
                }
            }
            return Some(h..head_end);
        }
    }
    // A relative clause: take its head instead.
    if !nameish(doc, k..end) && k > start && doc.low(k - 1) == "yang" {
        let head_end = k - 1;
        let (h, head_end) = walk_back(doc, head_end, start, outside)?;
        if nameish(doc, h..head_end) {
            return Some(h..head_end);
        }
        return None;
    }
    // Apposition and name lists across commas.
    let mut in_list = k < end && doc.low(k) == "dan";
    let first_k = k;
    while k > start + 1 && doc.punct(k - 1, &[',']) && end - k < 20 {
        let seg_end = k - 1;
        // A segment that stepped over a phrase is no apposition.
        let Some((seg, seg_end)) = walk_back(doc, seg_end, start, outside).filter(|&(_, e)| e == seg_end) else {
            break;
        };
        // `Dalam pernyataan bersama, ASEAN menyatakan`: an adverbial, not a
        // title.
        if doc.is(seg, Cat::BOUNDARY) || doc.is(seg, Cat::STOP) {
            break;
        }
        // `setelah bertemu dengan Putin, pemimpin Korea Utara tersebut,
        // menuntut`: a name governed by a preposition is an object, not
        // the subject's apposition.
        if seg > start && is_preposition(doc.low(seg - 1)) {
            break;
        }
        let titled = (seg..seg_end)
            .any(|x| doc.is(x, Cat::ROLE) || doc.is(x, Cat::ORG) || doc.is(x, Cat::RANK) || doc.is(x, Cat::ORG_TAIL));
        let listed = in_list && (seg..seg_end).all(|x| doc.cap(x) || doc.kind(x) == TokKind::Punct);
        // `Rina Wulandari, pengamat militer dari UI, menilai`: a name before
        // a description that starts with an office.
        let named = doc.is(k, Cat::ROLE) && (seg..seg_end).all(|x| doc.cap(x) || doc.punct(x, &['.']));
        // `Rudi Hartono (45), pedagang sayur, mengatakan`, `Salah satunya
        // Wartini (61), pensiunan bidan, mengaku`: a person's name before a
        // short description in lower case; the name is the subject.
        if !(titled || listed || named || in_list || k != first_k || doc.cap(k)) && end - k <= 8 {
            if let Some(name) = described_name(doc, seg, seg_end) {
                k = name;
                break;
            }
        }
        if !(titled || listed || named) || seg_end - seg > 10 {
            break;
        }
        in_list = in_list || doc.low(seg) == "dan";
        k = seg;
    }
    // Leading adverbs are not part of the subject: `Sebelumnya Kirby`.
    while k < end && doc.is(k, Cat::AUX) {
        k += 1;
    }
    if k >= end || end - k >= 24 {
        return None;
    }
    nameish(doc, k..end).then_some(k..end)
}

/// Where a person's name starts that ends the phrase `from..to`, perhaps
/// with an age after it: two to five capitalized words that are no place,
/// office or body (`Rudi Hartono`), or one with an age (`Wartini (61)`);
/// the words before it, if any, are in lower case or `Salah satunya`.
fn described_name(doc: &Doc, from: usize, mut to: usize) -> Option<usize> {
    let aged =
        to >= from + 4 && doc.punct(to - 1, &[')']) && doc.kind(to - 2) == TokKind::Number && doc.punct(to - 3, &['(']);
    if aged {
        to -= 3;
    }
    let name_word = |x: usize| {
        let c = doc.cat(x);
        doc.kind(x) == TokKind::Word
            && doc.cap(x)
            && !doc.all_caps(x)
            && !(c.has(Cat::PLACE)
                || c.has(Cat::DAY)
                || c.has(Cat::MONTH)
                || c.has(Cat::ROLE)
                || c.has(Cat::ORG)
                || c.has(Cat::ORG_TAIL)
                || c.has(Cat::OUTLET)
                || c.has(Cat::RANK)
                || c.has(Cat::STOP)
                || c.has(Cat::PRONOUN)
                || c.has(Cat::BOUNDARY))
    };
    let mut k = to;
    while k > from && to - k < 5 && name_word(k - 1) {
        k -= 1;
    }
    let n = to - k;
    let before_ok = k == from || (from..k).all(|x| !doc.cap(x) || x == from) && doc.kind(k - 1) == TokKind::Word;
    (n >= 2 || (n == 1 && aged)).then_some(k).filter(|_| before_ok)
}

/// `end` moved before `, M.Kes.` or `, S.H., M.H.`: academic degrees after a
/// name (`dr. Yudhi Prasetyo, M.Kes., mengatakan`).
fn skip_degree_aside(doc: &Doc, end: usize, start: usize) -> usize {
    let mut e = end;
    while e > start + 1 && doc.punct(e - 1, &['.']) {
        e -= 1;
    }
    // One or more: `, S.H., M.H.`.
    let mut out = end;
    loop {
        let mut k = e;
        while k > start && (is_degree(doc, k - 1) || doc.punct(k - 1, &['.'])) && e - k < 8 {
            k -= 1;
        }
        if !(k < e && k > start + 1 && doc.punct(k - 1, &[',']) && (k..e).any(|x| is_degree(doc, x))) {
            return out;
        }
        out = k - 1;
        e = k - 1;
    }
}

/// `M.Kes`, `S.H`, `Sp.PD`, `Ph.D`, `MBA`: a degree's shape, a capital and
/// an inner dot, or a short all-capital title.
fn is_degree(doc: &Doc, k: usize) -> bool {
    if doc.kind(k) != TokKind::Word || !doc.cap(k) {
        return false;
    }
    let w = doc.word(k);
    let inner_dot = w.contains('.') && w.len() <= 8;
    inner_dot || matches!(w, "MBA" | "MSc" | "PhD" | "SH" | "MH" | "SE" | "MM" | "MSi" | "MPH" | "MKes" | "MA")
}

/// `end` moved before `, Minggu (3/5/2020)` or `, Senin` if that is what
/// precedes it.
fn skip_date_aside(doc: &Doc, end: usize, start: usize) -> usize {
    let mut e = end;
    if e > start && doc.punct(e - 1, &[')']) {
        match (start..e - 1).rev().take(6).find(|&p| doc.punct(p, &['('])) {
            Some(p) => e = p,
            None => return end,
        }
    }
    if e > start + 1 && doc.is(e - 1, Cat::DAY) && doc.punct(e - 2, &[',']) {
        return e - 2;
    }
    end
}

/// Walks back from `end` over one noun phrase; returns its range, which ends
/// before `end` when a prepositional phrase was stepped over.
fn walk_back(doc: &Doc, end: usize, start: usize, outside: &dyn Fn(usize) -> bool) -> Option<(usize, usize)> {
    let mut k = end;
    while k > start && end - k < 20 {
        let t = k - 1;
        if !outside(t) {
            break;
        }
        if doc.punct(t, &[')']) {
            match (start..t).rev().take(6).find(|&p| doc.punct(p, &['('])) {
                Some(p) => {
                    k = p;
                    continue;
                }
                None => break,
            }
        }
        // The dot of `dr.` or `Prof.` before a name.
        if doc.punct(t, &['.']) && t > start && !doc.space_before(t) && doc.is(t - 1, Cat::RANK) && k < end {
            k = t;
            continue;
        }
        if doc.kind(t) == TokKind::Punct || doc.is(t, Cat::DAY) {
            break;
        }
        let c = doc.cat(t);
        // A capital opening the sentence (`Namun ICW meragukan`) says nothing.
        if c.has(Cat::BOUNDARY) && (!doc.cap(t) || t == start) {
            let low = doc.low(t);
            // `Presiden dalam pidatonya mengatakan`: step over a short
            // prepositional phrase between subject and verb.
            let pp = matches!(low, "dalam" | "lewat" | "melalui" | "saat" | "ketika" | "usai" | "seusai");
            if pp && k < end && end - k <= 4 && !(k..end).any(|x| doc.cap(x)) && t > start {
                return walk_back(doc, t, start, outside);
            }
            // `Sebuah sumber di internal tim`, `Pakar dari Universitas X`.
            // `Ekonom energi dari UGM`: a role just before, its field between.
            let role_before = (t.saturating_sub(3).max(start)..t).any(|x| doc.is(x, Cat::ROLE));
            if matches!(low, "di" | "dari") && k < end && t > start && role_before {
                k = t;
                continue;
            }
            // `Korea Utara dan Rusia`, `Klimatologi, dan Geofisika`.
            if matches!(low, "dan" | "maupun" | "serta")
                && k < end
                && doc.cap(k)
                && t > start
                && (doc.cap(t - 1) || doc.punct(t - 1, &[',']))
            {
                k = t;
                continue;
            }
            break;
        }
        if (c.has(Cat::CUE_PRE) || c.has(Cat::CUE_POST)) && k < end {
            break;
        }
        k = t;
    }
    (k < end).then_some((k, end))
}

/// A preposition that makes the noun phrase after it an object or an
/// adverbial: `dengan Putin`, `kepada Kirby`, `di Jakarta`.
fn is_preposition(low: &str) -> bool {
    matches!(
        low,
        "dengan"
            | "dari"
            | "kepada"
            | "oleh"
            | "untuk"
            | "bersama"
            | "terhadap"
            | "atas"
            | "pada"
            | "di"
            | "ke"
            | "bagi"
            | "tentang"
            | "mengenai"
            | "melawan"
            | "antara"
    )
}

/// Could this phrase name a speaker? A name, a pronoun, a role, an
/// organisation, an outlet, or a definite description (`pejabat tersebut`).
fn nameish(doc: &Doc, np: Range<usize>) -> bool {
    np.clone().any(|i| {
        doc.cap(i)
            || doc.word(i).contains('.')
            || doc.cat(i).has(Cat::PRONOUN)
            || doc.cat(i).has(Cat::ROLE)
            || doc.cat(i).has(Cat::ORG)
            || doc.cat(i).has(Cat::OUTLET)
            || doc.cat(i).has(Cat::DEMONSTRATIVE)
    })
}

/// A news outlet: `CBS News`, `Kantor Berita Pusat Korea`, `media pemerintah
/// Korea Utara`, `Kompas.com`.
fn is_outlet(doc: &Doc, np: Range<usize>) -> bool {
    // Generic words that make an outlet only at the head of a phrase.
    const HEADS: &[&str] =
        &["media", "harian", "majalah", "koran", "laman", "situs", "portal", "stasiun", "televisi", "radio"];
    // Words of outlet names that say nothing alone: `Post`, `AP`, `berita`.
    const PARTS: &[&str] = &["post", "times", "daily", "press"];
    const WEAK: &[&str] = &["kantor", "berita", "surat", "kabar", "ap", "rt", "dw", "ria"];
    let first = doc.low(np.start);
    let second = if np.len() > 1 { doc.low(np.start + 1) } else { "" };
    if HEADS.contains(&first) || (first == "kantor" && second == "berita") || (first == "surat" && second == "kabar") {
        return true;
    }
    np.clone().any(|i| {
        let low = doc.low(i);
        let named = doc.is(i, Cat::OUTLET) && ![HEADS, PARTS, WEAK].iter().any(|list| list.contains(&low));
        named
            || low.ends_with(".com")
            || low.ends_with(".co")
            || low.ends_with(".co.id")
            || low.ends_with(".id")
            || (PARTS.contains(&low) && np.len() > 1)
    })
}
