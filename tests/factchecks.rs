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
        if !matches.iter().any(|m| m.factcheck == r.id && m.claim.as_deref() == Some(own.as_str())) {
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
