//! Issue 10: files from the tools people use, in the shapes those tools
//! write (`tests/interop/`), imported without losing what klaim can keep,
//! and exports those tools accept. Each test names the problem it measures;
//! each failed on the code before the fix.

use klaim::exchange::{export, import, merge, Format};
use klaim::project::Project;
use serde_json::Value;

const NOW: &str = "2026-12-07T06:00:00.000Z";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/interop/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn library() -> Project {
    serde_json::from_str(&fixture("library.klaim.json")).unwrap()
}

/// One line per claim: `doc start..end kind modality status [tags] who=.. cue=.. via=.. note=..`.
fn claims(p: &Value) -> String {
    let mut out = Vec::new();
    for d in p["documents"].as_array().unwrap() {
        for c in d["claims"].as_array().unwrap() {
            let part = |k: &str| c[k]["text"].as_str().unwrap_or("-").to_owned();
            out.push(format!(
                "{} {}..{} {} {} {} {} who={} cue={} via={} note={:?}",
                d["id"].as_str().unwrap(),
                c["start"],
                c["end"],
                c["kind"].as_str().unwrap(),
                c["modality"].as_str().unwrap(),
                c["status"].as_str().unwrap(),
                c["tags"],
                part("claimant"),
                part("cue"),
                part("via"),
                c["note"].as_str().unwrap_or(""),
            ));
        }
    }
    out.join("\n")
}

fn imported(file: &str, format: Format, library: &Project) -> (Value, Vec<String>) {
    let imp = import(&fixture(file), Some(format), library, NOW).unwrap_or_else(|e| panic!("{file}: {e}"));
    // The report's counts, first, as one line.
    let r = &imp.report;
    let mut warnings = vec![format!(
        "matched {} re-anchored {} not placed {} dropped {}",
        r.matched, r.reanchored, r.not_placed, r.dropped
    )];
    warnings.extend(imp.messages.iter().map(coded));
    (serde_json::to_value(&imp.project).unwrap(), warnings)
}

/// A message as one line, `code key=value ...` (place, then parameters), so
/// the tests assert codes and parameters, not wording.
fn coded(m: &klaim::exchange::Message) -> String {
    let mut line = serde_json::to_value(m.code).unwrap().as_str().unwrap().to_owned();
    for part in [serde_json::to_value(&m.at).unwrap(), serde_json::to_value(&m.params).unwrap()] {
        for (k, v) in part.as_object().unwrap() {
            line.push_str(&format!(" {k}={v}"));
        }
    }
    line
}

#[track_caller]
fn has(warnings: &[String], part: &str) {
    assert!(warnings.iter().any(|w| w.contains(part)), "no warning with {part:?} in {warnings:#?}");
}

#[test]
fn labelstudio_keeps_relations_predictions_annotators_and_choices() {
    // Before: `annotations[0].result[4]: no value` refused the whole file.
    let (p, warnings) = imported("labelstudio-export.json", Format::LabelStudio, &library());
    assert_eq!(
        claims(&p),
        [
            // Matched by content: the task has no id of ours.
            r#"berita-1 13..40 quote asserted pending ["salah","ekonomi"] who=Menteri Budi cue=kata via=- note="""#,
            r#"berita-1 87..117 reported asserted pending ["ekonomi"] who=- cue=- via=- note="""#,
            // Prediction 7 was listed by id only; its results were embedded
            // in the annotation made from it.
            r#"berita-1 61..86 unattributed asserted pending [] who=- cue=- via=- note="""#,
        ]
        .join("\n")
    );
    // Before: both annotators' labels were merged into one claim.
    let others = p["annotators"].as_array().expect("the second annotator is kept apart");
    assert_eq!(others.len(), 1);
    assert_eq!(others[0]["name"], "labelstudio:2");
    let theirs = &others[0]["documents"][0];
    assert_eq!(theirs["id"], "berita-1");
    assert_eq!(theirs["claims"][0]["kind"], "reported");
    assert_eq!(theirs["claims"][0]["tags"], serde_json::json!(["benar"]));
    has(&warnings, "annotators count=2");
    assert_eq!(warnings[0], "matched 1 re-anchored 0 not placed 0 dropped 1");
    has(&warnings, "prediction_by_id id=\"42\" task=2 id=\"8\"");
    has(&warnings, "choices_kept id=\"41\" path=\"annotations[0]\" task=1 count=2 names=[\"ekonomi\"]");
    has(&warnings, "matched id=\"41\" task=1 document=\"berita-1\" name=\"Harga beras\"");
}

#[test]
fn labelstudio_export_has_the_ids_its_converter_needs() {
    // Before: no task `id`, label-studio-converter stopped with KeyError: 'id'.
    let mut lib = library();
    let imp = import(&fixture("labelstudio-export.json"), Some(Format::LabelStudio), &lib, NOW).unwrap();
    lib = merge(&lib, &imp.project).0;
    let tasks: Value = serde_json::from_str(&export(&lib, Format::LabelStudio)).unwrap();
    for (i, task) in tasks.as_array().unwrap().iter().enumerate() {
        assert_eq!(task["id"], i + 1);
        for list in ["annotations", "predictions"] {
            for a in task[list].as_array().unwrap() {
                assert_eq!((a["id"].is_u64(), &a["task"]), (true, &task["id"]));
            }
        }
    }
}

#[test]
fn doccano_keeps_relations_and_comments_and_skips_a_bad_record() {
    // Before: line 2 (no text) refused the whole file; relations and
    // comments were dropped without a word.
    let (p, warnings) = imported("doccano-export.jsonl", Format::Doccano, &library());
    assert_eq!(
        claims(&p),
        [
            r#"berita-1 13..40 quote asserted pending [] who=Menteri Budi cue=- via=- note="doccano comment: cek data BPS""#,
            r#"berita-1 87..117 reported asserted pending [] who=- cue=- via=- note="doccano comment: cek data BPS""#,
            r#"9 0..21 quote asserted pending [] who=- cue=- via=- note="""#,
        ]
        .join("\n")
    );
    // Before: the relation was dropped; now it links the two claims.
    assert_eq!(
        p["relations"],
        serde_json::json!([{"from": "berita-1#doccano-87-117", "to": "berita-1#doccano-13-40", "label": "contradicts"}])
    );
    has(&warnings, "bad_record line=2 error=\"`text` is missing or not a string\"");
    assert_eq!(warnings[0], "matched 1 re-anchored 0 not placed 1 dropped 0");
    has(&warnings, "relation_kept line=1 path=\"relations[1]\" kind=\"contradicts\"");
    // ... and goes out to Label Studio as a relation, and comes back.
    let mut lib = library();
    let imp = import(&fixture("doccano-export.jsonl"), Some(Format::Doccano), &lib, NOW).unwrap();
    lib = merge(&lib, &imp.project).0;
    klaim::exchange::validate(&lib).unwrap();
    for d in &mut lib.documents {
        for c in &mut d.claims {
            c.status = klaim::project::Status::Accepted;
        }
    }
    let ls = export(&lib, Format::LabelStudio);
    let back = import(&ls, Some(Format::LabelStudio), &library(), NOW).unwrap();
    let spans: Vec<(&str, &str, &str)> =
        back.project.relations.iter().map(|r| (r.from.as_str(), r.to.as_str(), r.label.as_str())).collect();
    assert_eq!(spans, [("berita-1#labelstudio-87-117", "berita-1#labelstudio-13-40", "contradicts")]);
    has(&warnings, "comments_kept line=1 count=1");
}

#[test]
fn doccano_export_in_utf16_and_a_warning_for_nested_claims() {
    let mut lib = library();
    let imp = import(&fixture("labelstudio-export.json"), Some(Format::LabelStudio), &lib, NOW).unwrap();
    lib = merge(&lib, &imp.project).0;
    let cp: Value = serde_json::from_str(export(&lib, Format::Doccano).lines().next().unwrap()).unwrap();
    let u16: Value = serde_json::from_str(export(&lib, Format::DoccanoUtf16).lines().next().unwrap()).unwrap();
    // The emoji before the claims is one code point, two UTF-16 units.
    assert_eq!(cp["label"][0], serde_json::json!([13, 40, "quote"]));
    assert_eq!(u16["label"][0], serde_json::json!([14, 41, "quote"]));
    assert!(klaim::exchange::export_warnings(&lib, Format::Doccano).is_empty());
    // A claim inside another: doccano's default project keeps only one.
    let mut nested = lib.clone();
    let mut inner = nested.documents[0].claims[0].clone();
    inner.id = "berita-1#inner".into();
    (inner.claim.start, inner.claim.end, inner.claim.text) = (19, 30, "beras naik ".into());
    nested.documents[0].claims.push(inner);
    let w: Vec<String> = klaim::exchange::export_warnings(&nested, Format::Doccano).iter().map(coded).collect();
    assert_eq!(w, ["overlaps_note", r#"overlap name="Harga beras" end=40 start=13 to_end=30 to_start=19"#]);
}

#[test]
fn w3c_without_source_and_with_a_lone_surrogate_is_anchored_by_quote() {
    // Before: `\ude00` made the file unreadable, and an annotation without
    // `target.source` was refused.
    let (p, warnings) = imported("w3c-recogito.jsonld", Format::W3c, &library());
    assert_eq!(
        claims(&p),
        [
            r#"berita-1 87..117 unattributed asserted pending ["salah"] who=- cue=- via=- note="cek ulang""#,
            r#"berita-1 13..40 unattributed asserted pending ["layak-cek"] who=- cue=- via=- note="""#,
        ]
        .join("\n")
    );
    has(&warnings, "lone_surrogates count=1");
    assert_eq!(warnings[0], "matched 0 re-anchored 1 not placed 0 dropped 2");
    has(&warnings, "body_dropped annotation=2 id=\"https://example.org/anno/2\" kind=\"linking\"");
    has(
        &warnings,
        "body_without_text annotation=2 id=\"https://example.org/anno/2\" kind=\"https://example.org/tags/harga\"",
    );
    has(&warnings, "anchored_by_quote annotation=1 id=\"#a1b2\" document=\"berita-1\" to_end=117 to_start=87");
}

#[test]
fn w3c_from_a_colleagues_library_matches_documents_by_content() {
    // A colleague holds the same article under another id, and decided.
    let mut theirs = library();
    theirs.documents[0].id = "x-99".into();
    let imp = import(&fixture("labelstudio-export.json"), Some(Format::LabelStudio), &theirs, NOW).unwrap();
    let mut theirs = merge(&theirs, &imp.project).0;
    theirs.documents[0].claims[0].status = klaim::project::Status::Accepted;
    theirs.documents[0].claims[1].status = klaim::project::Status::Rejected;
    let file = export(&theirs, Format::W3c);
    // Before: `none of the 3 annotations points at a document in the library`.
    let imp = import(&file, Some(Format::W3c), &library(), NOW).unwrap();
    let p = serde_json::to_value(&imp.project).unwrap();
    assert_eq!(
        claims(&p),
        [
            r#"berita-1 13..40 quote asserted accepted ["salah","ekonomi"] who=Menteri Budi cue=kata via=- note="""#,
            r#"berita-1 87..117 reported asserted rejected ["ekonomi"] who=- cue=- via=- note="""#,
            r#"berita-1 61..86 unattributed asserted pending [] who=- cue=- via=- note="""#,
        ]
        .join("\n")
    );
    let messages: Vec<String> = imp.messages.iter().map(coded).collect();
    has(&messages, "matched annotation=1 id=\"urn:klaim:claim:x-99:x-99%23labelstudio-13-40\" document=\"berita-1\"");
}

#[test]
fn claimreview_has_url_author_and_the_claim_said() {
    let mut lib: Value = serde_json::from_str(&fixture("library.klaim.json")).unwrap();
    lib["publisher"] = serde_json::json!({"name": "Cek Fakta Nusantara", "url": "https://cekfakta.example/"});
    lib["documents"][0]["url"] = "https://berita.example/harga-beras".into();
    lib["documents"][0]["outlet"] = "Berita Contoh".into();
    lib["documents"][0]["published"] = "2026-12-01".into();
    let mut lib: Project = serde_json::from_value(lib).unwrap();
    let imp = import(&fixture("labelstudio-export.json"), Some(Format::LabelStudio), &lib, NOW).unwrap();
    lib = merge(&lib, &imp.project).0;
    lib.documents[0].claims[0].claim.text = "Harga beras naik 10 persen,".into();
    let reviews: Value = serde_json::from_str(&export(&lib, Format::ClaimReview)).unwrap();
    let r = &reviews[0];
    // Before: no `url`, no `author` in any item.
    assert_eq!(r["url"], "https://cekfakta.example/#klaim-berita-1%23labelstudio-13-40");
    assert_eq!(
        r["author"],
        serde_json::json!({"@type": "Organization", "name": "Cek Fakta Nusantara", "url": "https://cekfakta.example/"})
    );
    assert_eq!(r["reviewRating"]["alternateName"], "salah");
    // Before: `appearance` held the file name only.
    assert_eq!(
        r["itemReviewed"]["appearance"],
        serde_json::json!({"@type": "CreativeWork", "name": "Harga beras", "url": "https://berita.example/harga-beras",
            "publisher": {"@type": "Organization", "name": "Berita Contoh"}, "datePublished": "2026-12-01"})
    );
    assert!(r["datePublished"].is_string());
    // A claim given two verdicts is two reviews, each its own address
    // (before: both had the claim's; pyld + the schema.org vocabulary found it).
    let mut two = lib.clone();
    two.documents[0].claims[0].tags = vec!["salah".into(), "benar".into()];
    let reviews: Value = serde_json::from_str(&export(&two, Format::ClaimReview)).unwrap();
    let urls: Vec<&str> = reviews.as_array().unwrap().iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(urls.len(), 2);
    assert_ne!(urls[0], urls[1], "{urls:?}");
    // `claimReviewed` states what was said, whole (before: its first 75
    // characters, `Menteri Budi mengatakan bahwa harga beras di seluruh
    // pasar…`); the sentence is `itemReviewed.name`, the claimant its author.
    let long = "Menteri Budi mengatakan bahwa harga beras di seluruh pasar tradisional Jakarta naik sepuluh persen sejak awal bulan.";
    let mut one = lib.clone();
    let c = &mut one.documents[0].claims[0].claim;
    c.text = long.into();
    c.kind = klaim::Kind::Reported;
    c.claimant = Some(klaim::report::ClaimantRecord {
        start: c.start,
        end: c.start + "Menteri Budi".chars().count(),
        text: "Menteri Budi".into(),
        resolved: "Budi".into(),
        kind: None,
        role: Some("Menteri".into()),
        affiliation: None,
    });
    let at = c.start + "Menteri Budi ".chars().count();
    c.cue = Some(klaim::report::SpanRecord { start: at, end: at + "mengatakan".len(), text: "mengatakan".into() });
    let reviews: Value = serde_json::from_str(&export(&one, Format::ClaimReview)).unwrap();
    assert_eq!(
        reviews[0]["claimReviewed"],
        "Harga beras di seluruh pasar tradisional Jakarta naik sepuluh persen sejak awal bulan."
    );
    assert_eq!(reviews[0]["itemReviewed"]["name"], long);
    assert_eq!(reviews[0]["itemReviewed"]["author"]["name"], "Budi");
    // Without a publisher the export says what is missing.
    lib.publisher = None;
    assert!(!klaim::exchange::export_warnings(&lib, Format::ClaimReview).is_empty());
}
