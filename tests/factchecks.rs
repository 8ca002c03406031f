//! The fact-check archive against a library: klaim's own ClaimReview export
//! read back matches the claims it came from, and a review of one figure is
//! not shown on a claim that states another.
//!
//! The articles and review files in `tests/factchecks/` are invented (one
//! rice-price story told by three outlets), written in the shape publishers
//! use (schema.org ClaimReview, Google's fact-check markup).

use klaim::exchange::{export, read_reviews, Format};
use klaim::intake::{intake, Limits};
use klaim::link::{match_fact_checks, LinkDocument};
use klaim::project::Project;
use klaim::{Options, Unit};
use serde_json::{json, Value};

/// A library of the rice story's three articles, as the page builds it
/// (the HTML one through the same intake), each claim tagged `salah`.
fn library() -> Project {
    let files: [(&str, &str); 3] = [
        ("a1_waspada.txt", include_str!("factchecks/a1_waspada.txt")),
        ("a2_tribunmedan.txt", include_str!("factchecks/a2_tribunmedan.txt")),
        ("a3_kompas.html", include_str!("factchecks/a3_kompas.html")),
    ];
    let mut documents = Vec::new();
    for (name, bytes) in files {
        let incoming = intake(name, bytes.as_bytes(), &Limits::default()).unwrap();
        let doc = &incoming.documents[0];
        let id = name.split('.').next().unwrap();
        let record = klaim::report(id, &doc.text, &klaim::extract(&doc.text, &Options::default()), Unit::CodePoint);
        let claims: Vec<Value> = record
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut v = serde_json::to_value(c).unwrap();
                let extra = json!({"id": format!("{id}#{i}"), "origin": "extracted", "status": "pending",
                    "tags": ["salah"], "note": "", "edited": "2026-12-07T10:00:00Z"});
                v.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
                v
            })
            .collect();
        documents.push(json!({"id": id, "name": doc.name, "text": doc.text, "added": "2026-12-07T10:00:00Z",
            "edited": "2026-12-07T10:00:00Z", "outlet": doc.outlet, "published": doc.published, "url": doc.url,
            "claims": claims}));
    }
    serde_json::from_value(json!({"format": "klaim", "version": 2, "tags": klaim::project::default_tags(),
        "documents": documents}))
    .unwrap()
}

/// The library as the linker reads it (the page passes project documents
/// as they are).
fn link_documents(p: &Project) -> Vec<LinkDocument> {
    p.documents.iter().map(|d| serde_json::from_value(serde_json::to_value(d).unwrap()).unwrap()).collect()
}

#[test]
fn own_claimreview_export_matches_its_claims_when_read_back() {
    let lib = library();
    let exported = export(&lib, Format::ClaimReview);
    let (reviews, skipped) = read_reviews(&exported).unwrap();
    assert!(skipped.is_empty());
    let n_claims: usize = lib.documents.iter().map(|d| d.claims.len()).sum();
    assert_eq!(reviews.len(), n_claims);
    // `claimReviewed` states the claim, not who made it.
    let said: Vec<&str> = reviews.iter().map(|r| r.claim_reviewed.as_str()).collect();
    assert!(
        said.contains(&"Harga beras medium kini mencapai Rp 18.000 per kilogram, naik dari Rp 15.500 pada awal bulan."),
        "{said:#?}"
    );
    assert!(
        said.contains(&"Kenaikan ini dipicu oleh mundurnya masa panen di Sumatera Utara akibat hujan deras."),
        "{said:#?}"
    );
    for r in &reviews {
        assert!(!r.claim_reviewed.ends_with('…'), "cut: {}", r.claim_reviewed);
        assert!(!r.claim_reviewed.contains(" mengatakan"), "attribution kept: {}", r.claim_reviewed);
    }
    // Each review matches the claim it was exported from (and maybe the
    // same claim in the other outlets).
    let docs = link_documents(&lib);
    let matches = match_fact_checks(&docs, &reviews);
    let source = |k: usize| -> String {
        // The export lists claims in library order, one review per claim.
        let mut i = 0;
        for d in &lib.documents {
            for c in &d.claims {
                if i == k {
                    return c.id.clone();
                }
                i += 1;
            }
        }
        unreachable!()
    };
    let mut missed = Vec::new();
    for (k, r) in reviews.iter().enumerate() {
        let own = source(k);
        if !matches.iter().any(|m| m.factcheck == r.id && m.claim.as_deref() == Some(own.as_str()) && !m.related) {
            missed.push(format!("{own}: {}", r.claim_reviewed));
        }
    }
    assert!(missed.is_empty(), "reviews that miss their own claim:\n{}", missed.join("\n"));
}

#[test]
fn a_review_of_one_figure_is_not_shown_on_a_claim_with_another() {
    let lib = library();
    let docs = link_documents(&lib);
    let (reviews, _) = read_reviews(include_str!("factchecks/claimreview_publisher.jsonld")).unwrap();
    let rice = reviews.iter().find(|r| r.claim_reviewed.contains("18.000")).unwrap();
    let matched: Vec<String> = match_fact_checks(&docs, std::slice::from_ref(rice))
        .into_iter()
        .map(|m| {
            let d = docs.iter().find(|d| d.id == m.doc).unwrap();
            d.text.chars().skip(m.start).take(m.end - m.start).collect()
        })
        .collect();
    // Waspada's claim states 18.000: the review is about it.
    assert!(matched.iter().any(|t| t.contains("Rp 18.000 per kilogram")), "{matched:#?}");
    // Tribun-Medan's 17.500 and Kompas' 19.000 are other figures.
    assert!(!matched.iter().any(|t| t.contains("17.500") || t.contains("19.000")), "{matched:#?}");
    // A rounder figure written as an approximation reviews the claim:
    // `sekitar Rp 18.000` is what `Rp 17.500` rounds to.
    let mut about = rice.clone();
    about.id = "fc-about".into();
    about.claim_reviewed = "Harga beras medium di pasar tradisional Medan sekitar Rp 18.000 per kilogram".into();
    let matched = match_fact_checks(&docs, std::slice::from_ref(&about));
    assert!(matched.iter().any(|m| m.doc == "a2_tribunmedan"), "{matched:#?}");
}

// What a review states, not only whom it names. The two invented stories
// in `tests/factchecks/b*` (a ferry that sank, pupils taken ill after a
// school meal) and reviews of them in the three shapes a review file comes
// in: a publisher's `@graph` (ratingValue, alternateName, itemReviewed's
// author and appearance), a page's `<script type="application/ld+json">`
// (Google's fact-check markup), and klaim's own export.

/// How a review is shown on a claim.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    /// With its verdict: the claim states what was reviewed.
    Rates,
    /// With its verdict, the claim denying what was reviewed.
    Denies,
    /// Only as related: same subject, something else stated; no verdict.
    Related,
    /// Not with its verdict (related or not shown).
    NoVerdict,
    /// Not shown.
    Nothing,
}

#[derive(Clone, Copy)]
enum Shape {
    Publisher,
    Google,
    Own,
    /// Google's Fact Check Tools API (`claims:search`), not JSON-LD.
    Api,
}

/// `claim` as a review file of `shape`.
fn review_file(shape: Shape, claim: &str) -> String {
    let review = |extra: Value| -> Value {
        let mut r = json!({"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": claim,
            "url": "https://cekfakta.contoh.id/2026/12/10/ulasan", "datePublished": "2026-12-10"});
        r.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        r
    };
    match shape {
        Shape::Publisher => json!({"@context": "https://schema.org", "@graph": [review(json!({
            "author": {"@type": "Organization", "name": "Cek Fakta Contoh", "url": "https://cekfakta.contoh.id"},
            "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": "5", "worstRating": "1", "alternateName": "Salah"},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Akun Facebook"},
                "appearance": [{"@type": "CreativeWork", "url": "https://www.facebook.com/contoh/posts/1"}]}}))]})
        .to_string(),
        Shape::Google => format!(
            "<!doctype html><html><head><title>Cek fakta</title><script type=\"application/ld+json\">{}</script></head><body><p>Ulasan.</p></body></html>",
            review(json!({
                "author": {"@type": "Organization", "name": "Cek Fakta Contoh", "url": "https://cekfakta.contoh.id"},
                "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "Keliru"},
                "itemReviewed": {"@type": "Claim", "datePublished": "2026-12-09",
                    "appearance": {"@type": "CreativeWork", "url": "https://x.com/contoh/status/1"}}}))
        ),
        Shape::Api => json!({"claims": [{"text": claim, "claimant": "Akun Facebook", "claimDate": "2026-12-09T00:00:00Z",
            "claimReview": [{"publisher": {"name": "Cek Fakta Contoh", "site": "cekfakta.contoh.id"},
                "url": "https://cekfakta.contoh.id/2026/12/10/ulasan", "title": "Salah", "reviewDate": "2026-12-10T00:00:00Z",
                "textualRating": "Salah", "languageCode": "id"}]}]})
        .to_string(),
        Shape::Own => json!([review(json!({
            "reviewRating": {"@type": "Rating", "alternateName": "Benar"},
            "itemReviewed": {"@type": "Claim", "name": claim,
                "appearance": {"@type": "CreativeWork", "name": "b1_lombokpost.txt", "publisher": {"@type": "Organization", "name": "LOMBOKPOST.ID"}}}}))])
        .to_string(),
    }
}

/// The two invented stories as the linker reads them, claims `doc#i`.
fn stories() -> Vec<LinkDocument> {
    [
        ("b1_lombokpost", include_str!("factchecks/b1_lombokpost.txt")),
        ("b2_suarantb", include_str!("factchecks/b2_suarantb.txt")),
    ]
    .iter()
    .map(|(id, text)| {
        let record = klaim::report(id, text, &klaim::extract(text, &Options::default()), Unit::CodePoint);
        let mut doc = LinkDocument::from_record(text, &record, None);
        for (i, c) in doc.claims.iter_mut().enumerate() {
            c.id = Some(format!("{id}#{i}"));
        }
        doc
    })
    .collect()
}

/// Reads `claim` as a review file of `shape` and checks how it is shown on
/// each claim holding the words given.
#[track_caller]
fn check(shape: Shape, claim: &str, expect: &[(&str, Mark)]) {
    let docs = stories();
    let (reviews, _) = read_reviews(&review_file(shape, claim)).unwrap();
    assert_eq!(reviews.len(), 1, "{claim}");
    let matches = match_fact_checks(&docs, &reviews);
    for &(words, want) in expect {
        let found: Vec<(&LinkDocument, &klaim::link::LinkClaim)> = docs
            .iter()
            .flat_map(|d| d.claims.iter().map(move |c| (d, c)))
            .filter(|(d, c)| d.text.chars().skip(c.start).take(c.end - c.start).collect::<String>().contains(words))
            .collect();
        assert_eq!(found.len(), 1, "one claim holds {words:?}");
        let id = found[0].1.id.clone();
        let m = matches.iter().find(|m| m.claim == id);
        // Read as JSON, as the page reads it: a match not said to be
        // related (as every match was before) is shown with its verdict.
        let got = match m.map(|m| serde_json::to_value(m).unwrap()) {
            None => Mark::Nothing,
            Some(v) if v["related"] == true => Mark::Related,
            Some(v) if v["denies"] == true => Mark::Denies,
            Some(_) => Mark::Rates,
        };
        let ok = match want {
            Mark::NoVerdict => matches!(got, Mark::Related | Mark::Nothing),
            _ => got == want,
        };
        assert!(ok, "{claim}\n  on {words:?}: {got:?}, expected {want:?} ({m:?})");
    }
}

use Mark::*;
use Shape::*;

#[test]
fn a_review_that_adds_a_cause_does_not_rate_the_bare_event() {
    let cause = "KM Bahari Nusa tenggelam di Selat Lombok karena kelebihan muatan.";
    check(Publisher, cause, &[("tenggelam di perairan Selat Lombok", Related), ("masih mencari sembilan", NoVerdict)]);
    check(Publisher, cause, &[("bertambah menjadi tujuh orang", NoVerdict)]);
    // The cause stated, hedged or denied, is the claim reviewed.
    check(Google, cause, &[("menduga KM Bahari Nusa kelebihan muatan", Rates)]);
    check(Own, cause, &[("membantah KM Bahari Nusa kelebihan muatan", Denies)]);
    // A condition or a time added is a claim of its own too.
    check(
        Publisher,
        "87 siswa SMP di Sumbawa dilarikan ke puskesmas setelah menenggak minuman keras oplosan.",
        &[("dilarikan ke puskesmas setelah menyantap", NoVerdict)],
    );
}

#[test]
fn a_review_of_another_predicate_does_not_rate_the_claim() {
    // Died is not taken to hospital, nor sent home, although subject and
    // number agree.
    let died = "87 siswa SMP di Sumbawa meninggal dunia setelah menyantap nasi kotak makan siang sekolah.";
    check(Publisher, died, &[("dilarikan ke puskesmas", NoVerdict), ("62 sudah dipulangkan", NoVerdict)]);
    check(
        Google,
        "Dari 87 siswa yang keracunan nasi kotak di Sumbawa, 62 meninggal dunia.",
        &[("62 sudah dipulangkan", NoVerdict)],
    );
    // Sank is not searched for; searched for is not sank.
    check(Own, "KM Bahari Nusa tenggelam di perairan Selat Lombok.", &[("masih mencari sembilan", NoVerdict)]);
    check(
        Publisher,
        "Tim SAR masih mencari sembilan penumpang KM Bahari Nusa.",
        &[("tenggelam di perairan Selat Lombok", NoVerdict)],
    );
    // Rescued is not dead.
    check(Google, "Sebanyak 41 penumpang KM Bahari Nusa tewas di Selat Lombok.", &[("41 penumpang", NoVerdict)]);
}

#[test]
fn the_same_statement_in_other_words_still_rates_the_claim() {
    check(Own, "KM Bahari Nusa tenggelam di perairan Selat Lombok.", &[("tenggelam di perairan Selat Lombok", Rates)]);
    check(
        Google,
        "Kapal Motor Bahari Nusa karam di perairan Selat Lombok.",
        &[("tenggelam di perairan Selat Lombok", Rates)],
    );
    // Google's Fact Check Tools API file (before: refused, no ClaimReview in it).
    check(Api, "KM Bahari Nusa tenggelam di perairan Selat Lombok.", &[("tenggelam di perairan Selat Lombok", Rates)]);
    check(
        Api,
        "KM Bahari Nusa tenggelam di Selat Lombok karena kelebihan muatan.",
        &[("tenggelam di perairan Selat Lombok", Related)],
    );
    check(Publisher, "Tim SAR masih mencari sembilan penumpang KM Bahari Nusa.", &[("masih mencari sembilan", Rates)]);
    check(
        Publisher,
        "Tujuh orang meninggal dalam tenggelamnya KM Bahari Nusa di Selat Lombok.",
        &[("bertambah menjadi tujuh orang", Rates)],
    );
    check(
        Google,
        "Sebanyak 87 siswa di Sumbawa dilarikan ke puskesmas setelah makan nasi kotak.",
        &[("dilarikan ke puskesmas", Rates), ("62 sudah dipulangkan", NoVerdict)],
    );
    check(
        Own,
        "Dari 87 siswa yang keracunan nasi kotak di Sumbawa, 62 sudah pulang.",
        &[("62 sudah dipulangkan", Rates)],
    );
    // Beside a figure, the event it counts (`setelah badai`) need not be
    // named again (user test 6: a quote giving the 9 dead of a landslide).
    check(
        Google,
        "Sebanyak 41 penumpang KM Bahari Nusa diselamatkan nelayan setelah badai.",
        &[("41 penumpang", Rates)],
    );
    // The same amount in other units.
    check(
        Publisher,
        "Pemkab Sumbawa menyalurkan anggaran Rp 2.400 juta untuk program makan siang sekolah.",
        &[("Rp 2,4 miliar", Rates)],
    );
}
