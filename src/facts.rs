//! Document facts the comparison needs: the outlet, the publication date and
//! the URL of an article, read from its text (dateline, byline, footer) or
//! from the HTML it was dropped as (`og:site_name`, `article:published_time`,
//! `<link rel=canonical>`, `og:url`). Pure functions; the user can overwrite
//! every fact in the page.

use serde::{Deserialize, Serialize};

use crate::link::words_of;

/// What is known about where and when a document was published. `None` is
/// unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// As the outlet writes itself: `KOMPAS.com`, `TRIBUNNEWS.COM`, `ANTARA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The publication date, ISO 8601 `YYYY-MM-DD`: the article's local date
    /// (`2025-10-16T23:45:00+07:00` is `2025-10-16`, the day its readers saw
    /// on the page; never shifted to UTC). The time of day is not kept: the
    /// page's field, the compare and people views, and the exports
    /// (ClaimReview `datePublished`, the CSV, JSON Lines) all hold the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Lines read at the top and the bottom of an article: datelines, bylines
/// and date lines are in the first, copyright and "first published at"
/// footers in the last.
const HEAD_LINES: usize = 8;
const FOOT_LINES: usize = 6;

/// The facts an article's text gives.
pub fn text_facts(text: &str) -> Facts {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let head = &lines[..lines.len().min(HEAD_LINES)];
    let foot = &lines[lines.len().saturating_sub(FOOT_LINES)..];
    let outlet = head
        .iter()
        .find_map(|l| dateline_outlet(l))
        .or_else(|| head.iter().find_map(|l| byline_outlet(l)))
        .or_else(|| head.iter().find_map(|l| credit_outlet(l)))
        .or_else(|| head.iter().chain(foot).find_map(|l| domain_in(l)))
        .or_else(|| foot.iter().find_map(|l| copyright_outlet(l)));
    let published = head.iter().find_map(|l| date_line(l)).or_else(|| head.iter().filter_map(|l| lead_date(l)).max());
    Facts { outlet, published, url: None }
}

impl Facts {
    /// A record's own facts (a JSON Lines record's `url`, `published`,
    /// `outlet`; blank strings are none) over `read`, the facts its text
    /// gives: what a pipeline already knows wins. The date is put in the
    /// library's form (`2024-03-01T10:00:00+07:00` is `2024-03-01`); a
    /// string that is no ISO date is kept as given.
    pub fn given_over(given: Facts, read: Facts) -> Facts {
        let some = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        Facts {
            outlet: some(given.outlet).or(read.outlet),
            published: some(given.published).map(|d| date_of(&d).unwrap_or(d)).or(read.published),
            url: some(given.url).or(read.url),
        }
    }
}

/// The facts of an HTML page: its metadata first, then its text's.
pub fn html_facts(html: &str, text: &str) -> Facts {
    let from_text = text_facts(text);
    let meta = |keys: &[&str]| keys.iter().find_map(|k| meta_content(html, k));
    Facts {
        outlet: meta(&["og:site_name", "application-name", "publisher"]).or(from_text.outlet),
        published: meta(&["article:published_time", "datePublished", "pubdate", "publishdate", "date"])
            .and_then(|d| date_of(&d))
            .or(from_text.published),
        url: link_canonical(html).or_else(|| meta(&["og:url"])).filter(|u| u.starts_with("http")),
    }
}

/// `KOMPAS.com` in `JAKARTA, KOMPAS.com -`, `ANTARA` in `Mataram (ANTARA) -`,
/// `JABAR EKSPRES` in `JABAR EKSPRES –`.
fn dateline_outlet(line: &str) -> Option<String> {
    let dash = line.find([' ', '\u{a0}']).and_then(|_| ["– ", "- ", "— "].iter().filter_map(|d| line.find(d)).min())?;
    let prefix = line[..dash].trim();
    if prefix.is_empty() || prefix.chars().count() > 40 {
        return None;
    }
    if let Some(d) = domain_in(prefix) {
        return Some(d);
    }
    if let (Some(open), Some(close)) = (prefix.find('('), prefix.find(')')) {
        let inside = &prefix[open + 1..close.max(open + 1)];
        if inside.len() >= 2 && inside.chars().all(|c| c.is_uppercase() || c == ' ') {
            return Some(inside.to_owned());
        }
    }
    let letters = prefix.chars().filter(|c| c.is_alphabetic()).count();
    (!prefix.contains(',')
        && !is_place_name(prefix)
        && letters >= 4
        && prefix.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.'))
    .then(|| prefix.to_owned())
}

/// `KONAWE`, `MALANG KOTA`, `TANJUNG SELOR`: a dateline that gives only the
/// place: every word a place of the gazetteer or a word places are named
/// with, or such a word and the place's name (towns are not all in the
/// gazetteer, which lists provinces, regencies and cities).
fn is_place_name(prefix: &str) -> bool {
    const PLACE_HEADS: [&str; 8] = ["kota", "kabupaten", "kab", "tanjung", "pulau", "teluk", "muara", "bandar"];
    let words: Vec<String> = prefix.split_whitespace().map(|w| w.trim_matches('.').to_lowercase()).collect();
    let head = |w: &String| PLACE_HEADS.contains(&w.as_str());
    words.iter().all(|w| head(w) || crate::link::is_place(w)) || (words.len() == 2 && head(&words[0]))
}

/// `detikNews` in `Rizky Maulana Hidayat - detikNews`: a byline that ends in
/// one word naming a news outlet.
fn byline_outlet(line: &str) -> Option<String> {
    let (_, last) = line.rsplit_once(" - ")?;
    let last = last.trim();
    if last.contains(' ') || last.len() < 4 {
        return None;
    }
    let lower = last.to_lowercase();
    KNOWN.iter().any(|k| lower.starts_with(k)).then(|| last.to_owned())
}

/// `detikJatim` in `Laporan Wartawan detikJatim, Sari Wulandari`: the
/// outlet a reporter's credit line names before the reporter.
fn credit_outlet(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    let rest = ["laporan wartawan ", "laporan reporter ", "laporan koresponden ", "laporan jurnalis "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &line[p.len()..]))?;
    let (name, _) = rest.split_once(',')?;
    let name = name.trim();
    let words = name.split_whitespace().count();
    let first = name.chars().next()?;
    let named = first.is_uppercase() || KNOWN.iter().any(|k| name.to_lowercase().starts_with(k));
    ((1..=3).contains(&words) && named).then(|| name.to_owned())
}

/// `ANTARA` in `Copyright © ANTARA 2025`.
fn copyright_outlet(line: &str) -> Option<String> {
    // ASCII lower case keeps byte offsets (full lower case can change them).
    let lower = line.to_ascii_lowercase();
    let at = lower.find("copyright").or_else(|| lower.find('©'))?;
    let words: Vec<&str> = line[at..].split_whitespace().skip(1).filter(|w| *w != "©").collect();
    let name: Vec<&str> = words.into_iter().take_while(|w| !w.chars().any(|c| c.is_ascii_digit())).take(3).collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// A web domain in a line: `Liputan6.com`, `TRIBUN-BALI.COM`, `TEMPO.CO`.
fn domain_in(line: &str) -> Option<String> {
    words_of(line).into_iter().map(|(_, w)| w).find(|w| is_domain(w)).map(str::to_owned)
}

fn is_domain(w: &str) -> bool {
    let lower = w.to_lowercase();
    let Some((name, tld)) = lower.split_once('.') else { return false };
    let tld_ok = ["com", "co", "id", "net", "org", "news", "tv", "co.id", "or.id", "go.id", "info"]
        .iter()
        .any(|t| tld == *t || tld.starts_with(&format!("{t}.")));
    tld_ok && name.len() >= 3 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Outlet names that appear without a domain (first words of `detikNews`).
const KNOWN: &[&str] = &[
    "detik",
    "kompas",
    "tempo",
    "antara",
    "liputan6",
    "tribun",
    "kumparan",
    "cnn",
    "cnbc",
    "republika",
    "okezone",
    "sindonews",
    "suara",
    "merdeka",
    "viva",
    "kontan",
    "bisnis",
    "katadata",
    "tirto",
    "idntimes",
    "jawapos",
    "inews",
    "metrotv",
    "tvone",
    "jpnn",
    "beritasatu",
    "medcom",
    "jabar",
];

/// A date line (`Kamis, 16 Oktober 2025 20:10 WIB`, `Kompas.com - 16/10/2025,
/// 17:45 WIB`, `Diperbarui 03 Nov 2025, 15:20 WIB`) as ISO 8601.
fn date_line(line: &str) -> Option<String> {
    if line.chars().count() > 60 {
        return None;
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        // 16/10/2025
        let parts: Vec<&str> = w.split('/').collect();
        if parts.len() == 3 {
            if let (Ok(d), Ok(m), Ok(y)) = (parts[0].parse::<u32>(), parts[1].parse::<u32>(), parts[2].parse::<u32>()) {
                return iso(y, m, d);
            }
        }
        // 16 Oktober 2025
        if let (Some(m), Some(d), Some(y)) = (
            month(w),
            i.checked_sub(1).and_then(|j| words[j].parse::<u32>().ok()),
            words.get(i + 1).and_then(|y| y.parse::<u32>().ok()),
        ) {
            return iso(y, m, d);
        }
    }
    None
}

/// The latest `Kamis (3/12/2026)` of a lead: Indonesian news dates what it
/// reports with the weekday and the date in brackets, and the report is from
/// that day or the next. Used only when no date line gives the day itself;
/// a date without its weekday (`sejak 1/12/2026`) is not the report's.
fn lead_date(line: &str) -> Option<String> {
    const DAYS: [&str; 8] = ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"];
    let mut latest = None;
    for (open, _) in line.match_indices('(') {
        let day = line[..open].trim_end().rsplit(|c: char| c.is_whitespace() || c == ',').next().unwrap_or("");
        if !DAYS.contains(&day.to_lowercase().as_str()) {
            continue;
        }
        let inside = line[open + 1..].split(')').next().unwrap_or("");
        let parts: Vec<u32> = inside.split('/').filter_map(|p| p.trim().parse().ok()).collect();
        if let [d, m, y] = parts[..] {
            latest = latest.max(iso(y, m, d));
        }
    }
    latest
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn month(w: &str) -> Option<u32> {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"];
    let lower = w.to_lowercase();
    if lower.len() < 3 || !lower.chars().all(char::is_alphabetic) {
        return None;
    }
    let full = [
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    if let Some(i) = full.iter().position(|m| *m == lower) {
        return Some(i as u32 + 1);
    }
    (lower.len() <= 4).then(|| NAMES.iter().position(|m| lower.starts_with(m)).map(|i| i as u32 + 1)).flatten()
}

/// `2025-10-16T17:45:00+07:00` → `2025-10-16`: the date as written, in the
/// page's own offset (its local date).
pub fn date_of(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let date_ok = b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && s[..4].parse::<u32>().is_ok();
    if !date_ok {
        return None;
    }
    Some(s[..10].to_owned())
}

/// The `content` of `<meta property|name|itemprop=KEY content=...>`.
fn meta_content(html: &str, key: &str) -> Option<String> {
    tags(html, "meta").find_map(|tag| {
        let named =
            ["property", "name", "itemprop"].iter().any(|a| attr(tag, a).is_some_and(|v| v.eq_ignore_ascii_case(key)));
        named.then(|| attr(tag, "content")).flatten().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
    })
}

/// The `href` of `<link rel=canonical>`.
fn link_canonical(html: &str) -> Option<String> {
    tags(html, "link").find_map(|tag| {
        attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")).then(|| attr(tag, "href")).flatten()
    })
}

/// The insides of every `<NAME ...>` tag, case-insensitively.
fn tags<'h>(html: &'h str, name: &'h str) -> impl Iterator<Item = &'h str> + 'h {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let rest = html.get(at..)?;
        let open = rest.find('<')?;
        let start = at + open + 1;
        let end = start + html[start..].find('>')?;
        at = end + 1;
        let tag = &html[start..end];
        let word_end = tag.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(tag.len());
        if tag[..word_end].eq_ignore_ascii_case(name) {
            return Some(&tag[word_end..]);
        }
    })
}

/// The value of attribute `name` in a tag's inside, quotes removed and
/// entities decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let value = match rest.chars().next()? {
            q @ ('"' | '\'') => rest[1..].split(q).next()?,
            _ => rest.split(|c: char| c.is_whitespace()).next()?,
        };
        return Some(crate::intake::decode_entities(value).into_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(text: &str) -> Option<String> {
        text_facts(text).outlet
    }

    #[test]
    fn outlets_from_datelines_bylines_and_footers() {
        for (text, expected) in [
            ("JAKARTA, KOMPAS.com - Majelis hakim menjatuhkan vonis.", Some("KOMPAS.com")),
            ("TRIBUNNEWS.COM, SEOUL – Pemimpin Korea Utara bertemu.", Some("TRIBUNNEWS.COM")),
            ("Liputan6.com, Denpasar - Jumlah korban bertambah.", Some("Liputan6.com")),
            ("Mataram (ANTARA) - Kapal terbakar.", Some("ANTARA")),
            ("JABAR EKSPRES – Amerika Serikat khawatir.", Some("JABAR EKSPRES")),
            ("KONTAN.CO.ID - KYIV. Seorang pejabat AS mengatakan.", Some("KONTAN.CO.ID")),
            ("Judul\nRizky Maulana - detikNews\nJakarta - Isi berita.", Some("detikNews")),
            ("Isi berita.\nCopyright © ANTARA 2025", Some("ANTARA")),
            ("Judul\nLaporan Wartawan detikJatim, Sari Wulandari\nMalang - Isi.", Some("detikJatim")),
            ("Judul\nLaporan Reporter Tribun Jateng, Agus Santosa\nIsi.", Some("Tribun Jateng")),
            ("Judul\nLaporan Wartawan Tribunlampung.co.id, Dedi Kurnia\nIsi.", Some("Tribunlampung.co.id")),
            ("Judul\nLaporan wartawan kami dari lokasi kejadian menyebut banjir.", None),
            ("Jakarta - Isi berita tanpa nama media.", None),
            // A dateline's place in capitals is not an outlet.
            ("KONAWE - Banjir merendam desa.", None),
            ("MALANG KOTA – Mantan kepala sekolah dituntut.", None),
            ("TANJUNG SELOR – Anggaran pendidikan turun.", None),
        ] {
            assert_eq!(outlet(text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn dates_from_date_lines() {
        for (text, expected) in [
            ("Judul\nKompas.com - 16/10/2025, 17:45 WIB\nIsi.", Some("2025-10-16")),
            ("Judul\nKamis, 16 Oktober 2025 20:10 WIB\nIsi.", Some("2025-10-16")),
            ("Judul\nDiperbarui 03 Nov 2025, 15:20 WIB\nIsi.", Some("2025-11-03")),
            ("Judul\nSenin, 3 November 2025\nIsi.", Some("2025-11-03")),
            ("Tidak ada tanggal di sini sama sekali, hanya kalimat panjang yang menyebut 2025.", None),
            // A lead that dates its news with the weekday (`Rabu (2/12/2026)`)
            // and no date line: the latest such date of the first lines.
            ("Judul\nMalang - Bus terguling di Batu, Rabu (2/12/2026) malam. Polisi memeriksa sopir, Kamis (3/12/2026).", Some("2026-12-03")),
            ("Judul\nKUPANG - Sebanyak 40 siswa dirawat, Senin (7/12/2026).\nIsi.", Some("2026-12-07")),
            // A date without its weekday is a date in the news, not the day of
            // the report (`sejak 1/12/2026`, a deadline).
            ("Judul\nJAKARTA - Aturan berlaku sejak 1/12/2026 hingga 31/12/2026 bagi semua pelaku usaha.", None),
        ] {
            assert_eq!(text_facts(text).published.as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn html_metadata_wins() {
        let html = r#"<html><head><meta property="og:site_name" content="Kompas.com">
            <meta property="article:published_time" content="2025-10-16T17:45:00+07:00">
            <link rel="canonical" href="https://example.com/a?x=1&amp;y=2"></head><body>Isi</body></html>"#;
        let f = html_facts(html, "Isi");
        assert_eq!(f.outlet.as_deref(), Some("Kompas.com"));
        // The article's local date, offset and time dropped (before:
        // `2025-10-16T17:45`, shown in a field that asks for YYYY-MM-DD).
        assert_eq!(f.published.as_deref(), Some("2025-10-16"));
        assert_eq!(f.url.as_deref(), Some("https://example.com/a?x=1&y=2"));
        let og = r#"<meta content="https://example.com/b" property="og:url">"#;
        assert_eq!(html_facts(og, "").url.as_deref(), Some("https://example.com/b"));
    }
}
