//! Data-driven tests of every format: round trips, the rules each format
//! states, and offsets in code points on text with emoji.

use serde_json::{json, Value};

use super::*;
use crate::model::ClaimantKind;
use crate::project::{default_tags, AnnotatedClaim, Document, FactCheck, LinkCorrection};
use crate::report::{ClaimantRecord, QuantityRecord, SpanRecord};

const NOW: &str = "2026-11-22T12:00:00.000Z";

/// Emoji before the claims, so code points, UTF-16 units and bytes all differ.
const TEXT: &str =
    "😀 JAKARTA – \"Harga naik 👍🏽 10 persen,\" kata Budi Santoso. =SUM(A1) adalah rumus. Harga naik lagi.";

/// A claim of `text` at the first occurrence of `quote` (code points).
fn claim(id: &str, text: &str, quote: &str, status: Status, tags: &[&str], note: &str) -> AnnotatedClaim {
    let (start, end) = span(text, quote);
    AnnotatedClaim {
        id: id.into(),
        claim: ClaimRecord {
            start,
            end,
            text: quote.into(),
            kind: Kind::Quote,
            modality: Modality::Asserted,
            claimant: None,
            cue: None,
            via: None,
            quantities: Vec::new(),
        },
        origin: Origin::Extracted,
        status,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        note: note.into(),
        edited: "2026-11-20T08:00:00.000Z".into(),
        changed: Vec::new(),
    }
}

fn span(text: &str, quote: &str) -> (usize, usize) {
    let byte = text.find(quote).unwrap_or_else(|| panic!("{quote:?} not in text"));
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

fn sample() -> Project {
    let mut quote = claim(
        "c1",
        TEXT,
        "Harga naik 👍🏽 10 persen,",
        Status::Accepted,
        &["salah", "layak-cek"],
        "cek \"BPS\", data 2025",
    );
    let (s, e) = span(TEXT, "Budi Santoso");
    quote.claim.claimant = Some(ClaimantRecord {
        start: s,
        end: e,
        text: "Budi Santoso".into(),
        resolved: "Budi Santoso".into(),
        kind: None,
        role: None,
        affiliation: None,
    });
    let (s, e) = span(TEXT, "kata");
    quote.claim.cue = Some(SpanRecord { start: s, end: e, text: "kata".into() });
    let (s, e) = span(TEXT, "10 persen");
    quote.claim.quantities = vec![QuantityRecord {
        start: s,
        end: e,
        text: "10 persen".into(),
        value: 10.0,
        unit: "persen".into(),
        qualifier: None,
    }];
    let mut formula = claim("c2", TEXT, "=SUM(A1) adalah rumus.", Status::Pending, &[], "-catatan\nbaris dua");
    formula.claim.kind = Kind::Unattributed;
    let mut rejected = claim("c3", TEXT, "Harga naik lagi.", Status::Rejected, &["benar"], "");
    rejected.claim.kind = Kind::Unattributed;
    rejected.claim.modality = Modality::Hedged;
    let plain = "Menurut BPS, inflasi 3 persen.";
    let mut reported = claim("k1", plain, "Menurut BPS, inflasi 3 persen.", Status::Pending, &["benar"], "");
    reported.claim.kind = Kind::Reported;
    reported.origin = Origin::User;
    Project {
        format: crate::project::FORMAT.into(),
        version: crate::project::VERSION,
        tags: default_tags(),
        publisher: None,
        annotators: Vec::new(),
        decisions: Vec::new(),
        relations: Vec::new(),
        documents: vec![
            Document {
                id: "doc 1/😀".into(),
                name: "Berita 😀".into(),
                text: TEXT.into(),
                added: "2026-11-20T07:00:00.000Z".into(),
                edited: "2026-11-20T08:00:00.000Z".into(),
                boilerplate: Vec::new(),
                entities: Vec::new(),
                outlet: None,
                published: None,
                url: None,
                extractor: None,
                claims: vec![quote, formula, rejected],
            },
            Document {
                id: "d2".into(),
                name: "https://example.org/berita".into(),
                text: plain.into(),
                added: "2026-11-20T07:00:00.000Z".into(),
                edited: "2026-11-20T07:00:00.000Z".into(),
                boilerplate: Vec::new(),
                entities: Vec::new(),
                outlet: Some("Example.org".into()),
                published: Some("2026-11-19".into()),
                url: Some("https://example.org/berita".into()),
                extractor: None,
                claims: vec![reported],
            },
        ],
        links: vec![
            LinkCorrection::Split { claim: "k1".into(), from: vec!["c1".into()] },
            LinkCorrection::Join { groups: vec![vec!["c1".into()], vec!["k1".into(), "c2".into()]] },
            LinkCorrection::SplitPerson { claim: "k1".into(), from: vec!["c1".into()] },
            LinkCorrection::JoinPeople { people: vec![vec!["c1".into()], vec!["k1".into(), "c2".into()]] },
        ],
        factchecks: vec![FactCheck {
            id: "f1".into(),
            claim_reviewed: "Harga naik 10 persen".into(),
            rating: "Salah".into(),
            url: Some("https://cekfakta.example/harga".into()),
            author: Some("Cek Fakta".into()),
            date_published: Some("2026-11-21".into()),
            claimant: Some("Budi Santoso".into()),
            appearance: None,
        }],
    }
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

fn empty() -> Project {
    empty_project(default_tags())
}

/// A message as one line: `warning: code key=value ...` (place, then
/// parameters; text JSON-quoted), so tests assert codes and parameters.
fn coded(m: &Message) -> String {
    let mut line = format!("warning: {}", serde_json::to_value(m.code).unwrap().as_str().unwrap());
    for part in [serde_json::to_value(&m.at).unwrap(), serde_json::to_value(&m.params).unwrap()] {
        for (k, v) in part.as_object().unwrap() {
            line.push_str(&format!(" {k}={v}"));
        }
    }
    line
}

/// Imports `input` as `format` into `library` and returns the claims (as
/// `start..end text`) and warnings, or the error message.
#[track_caller]
fn check_import(input: &str, format: Format, library: &Project, expect: &str) {
    let got = match import(input, Some(format), library, NOW) {
        Ok(imp) => {
            let mut lines = Vec::new();
            for d in &imp.project.documents {
                for c in &d.claims {
                    let r = &c.claim;
                    lines.push(format!(
                        "{} {}..{} {:?} {:?} {:?} tags={:?} note={:?}",
                        d.id, r.start, r.end, r.text, r.kind, c.status, c.tags, c.note
                    ));
                    assert_eq!(c.origin, Origin::Imported);
                    assert_eq!(Text::new(&d.text).slice(r.start, r.end), Some(r.text.as_str()));
                }
            }
            lines.extend(imp.messages.iter().map(coded));
            lines.join("\n")
        }
        Err(e) => format!("error: {e}"),
    };
    assert_eq!(got.trim(), expect.trim(), "\n--- got ---\n{got}\n");
}

// ---- klaim project ----

#[test]
fn project_round_trips_losslessly() {
    let p = sample();
    let once = export(&p, Format::Klaim);
    let back = import(&once, None, &empty(), NOW).unwrap();
    assert_eq!(back.format, Format::Klaim);
    assert_eq!(back.project, p);
    assert_eq!(export(&back.project, Format::Klaim), once);
    // With a byte order mark too.
    assert_eq!(parse_project(&format!("\u{feff}{once}")).unwrap(), p);
}

#[track_caller]
fn check_project_error(edit: impl FnOnce(&mut Value), expect: &str) {
    let mut v = json(&export(&sample(), Format::Klaim));
    edit(&mut v);
    let err = parse_project(&v.to_string()).unwrap_err().to_string();
    assert_eq!(err, expect);
}

#[test]
fn project_import_names_the_problem() {
    check_project_error(|v| v["format"] = json!("other"), "format: not a klaim project: format is `other`");
    check_project_error(
        |v| drop(v.as_object_mut().unwrap().remove("format")),
        "format: not a klaim project: no `format` field",
    );
    check_project_error(
        |v| v["version"] = json!(2),
        "version: version 2 was written by a newer klaim; this one reads version 1",
    );
    check_project_error(|v| v["version"] = json!("1"), "version: missing or not a number");
    check_project_error(|v| v["documents"][0]["claims"][0]["start"] = json!(3), "documents[0] (`doc 1/😀`).claims[0]: text \"Harga naik 👍🏽 10 persen,\" does not match the document at 3..37 (\"AKARTA – \\\"Harga naik 👍🏽 10 persen,\")");
    check_project_error(
        |v| v["documents"][0]["claims"][1]["end"] = json!(999),
        "documents[0] (`doc 1/😀`).claims[1]: offsets 58..999 are outside the text (97 code points)",
    );
    check_project_error(|v| v["documents"][0]["claims"][0]["claimant"]["text"] = json!("Budi"), "documents[0] (`doc 1/😀`).claims[0].claimant: text \"Budi\" does not match the document at 44..56 (\"Budi Santoso\")");
    check_project_error(|v| v["documents"][0]["claims"][0]["quantities"][0]["end"] = json!(35), "documents[0] (`doc 1/😀`).claims[0].quantities[0]: text \"10 persen\" does not match the document at 27..35 (\"10 perse\")");
    check_project_error(
        |v| v["documents"][0]["claims"][1]["id"] = json!("c1"),
        "documents[0] (`doc 1/😀`).claims[1]: claim id `c1` appears twice",
    );
    check_project_error(
        |v| v["documents"][1]["id"] = json!("doc 1/😀"),
        "documents[1] (`doc 1/😀`): document id appears twice",
    );
    check_project_error(
        |v| v["documents"][0]["claims"][0]["tags"] = json!(["nope"]),
        "documents[0] (`doc 1/😀`).claims[0].tags: tag `nope` is not in the project's tag set",
    );
    check_project_error(|v| v["links"][0]["claim"] = json!("c7"), "links[0]: claim `c7` is not in the project");
    check_project_error(
        |v| v["links"][1]["groups"] = json!([["c1"]]),
        "links[1]: a join names at least two groups, each by at least one claim",
    );
    check_project_error(|v| v["links"][0]["claim"] = json!("c1"), "links[0]: claim `c1` is split from itself");
    check_project_error(
        |v| v["factchecks"][0]["claim_reviewed"] = json!(" "),
        "factchecks[0]: `claim_reviewed` is empty",
    );
    check_project_error(
        |v| v["factchecks"] = json!([v["factchecks"][0], v["factchecks"][0]]),
        "factchecks[1]: fact-check id `f1` appears twice",
    );
    check_project_error(
        |v| v["documents"][0]["claims"][0]["status"] = json!("maybe"),
        "line 1: unknown variant `maybe`, expected one of `pending`, `accepted`, `rejected` (column 456)",
    );
    check_project_error(
        |v| v["documents"][0]["claims"][0]["claimant"]["type"] = json!("robot"),
        "line 1: unknown variant `robot`, expected one of `person`, `organisation`, `group`, `outlet` (column 555)",
    );
    check_project_error(
        |v| v["documents"][0]["claims"][0]["claimant"]["role"] = json!(["Kepala"]),
        "line 1: invalid type: sequence, expected a string (column 558)",
    );
    check_project_error(
        |v| drop(v["documents"][0].as_object_mut().unwrap().remove("text")),
        "line 1: missing field `text` (column 1166)",
    );
    assert_eq!(
        parse_project("{\"format\": ").unwrap_err().to_string(),
        "line 1: not valid JSON: EOF while parsing a value at line 1 column 11"
    );
    assert_eq!(parse_project("[1]").unwrap_err().to_string(), "not a klaim project: the file is not a JSON object");
}

#[test]
fn merge_never_lets_an_untouched_copy_replace_an_edited_one() {
    // Elsewhere, the user reviewed the samples on the 20th; this library
    // seeded the same samples on the 22nd and never touched them.
    let mut edited = sample();
    let mut fresh = sample();
    for (p, added) in [(&mut edited, "2026-11-01T00:00:00Z"), (&mut fresh, "2026-11-22T00:00:00Z")] {
        for d in &mut p.documents {
            d.added = added.into();
            d.edited = added.into();
            for c in &mut d.claims {
                c.edited = added.into();
                c.status = Status::Pending;
                c.note.clear();
            }
        }
    }
    edited.documents[0].name = "renamed".into();
    edited.documents[0].edited = "2026-11-20T00:00:00Z".into();
    edited.documents[0].claims[0].status = Status::Accepted;
    edited.documents[0].claims[0].note = "checked".into();
    edited.documents[0].claims[0].edited = "2026-11-20T00:00:00Z".into();
    let (merged, summary) = merge(&fresh, &edited);
    assert_eq!(merged.documents[0].name, "renamed");
    assert_eq!(merged.documents[0].claims[0].status, Status::Accepted);
    assert_eq!(merged.documents[0].claims[0].note, "checked");
    assert_eq!((summary.documents_updated, summary.claims_updated), (1, 1));
    // And the other way round: the edited library keeps its edits.
    let (kept, summary) = merge(&edited, &fresh);
    assert_eq!(kept.documents[0].claims[0].status, Status::Accepted);
    assert_eq!(kept.documents[0].name, "renamed");
    assert_eq!((summary.documents_updated, summary.claims_updated), (0, 0));
}

#[test]
fn merge_keeps_the_later_edit() {
    let base = sample();
    let mut theirs = sample();
    // A later edit of c1, an earlier one of c2, a new claim, a new document and
    // a different text under an existing id.
    theirs.documents[0].claims[0].status = Status::Rejected;
    theirs.documents[0].claims[0].edited = "2026-11-21T00:00:00+07:00".into();
    theirs.documents[0].claims[1].note = "older".into();
    theirs.documents[0].claims[1].edited = "2026-11-19T00:00:00.000Z".into();
    theirs.documents[0].claims.push(claim("c9", TEXT, "Harga naik", Status::Pending, &[], ""));
    theirs.documents[1].text = "Teks lain.".into();
    theirs.documents[1].claims = vec![claim("d2#x", "Teks lain.", "Teks", Status::Pending, &[], "")];
    theirs.documents.push(Document { id: "d3".into(), claims: Vec::new(), ..theirs.documents[1].clone() });
    theirs.tags.push(crate::project::Tag { id: "baru".into(), label: "baru".into(), verdict: false });
    let (merged, summary) = merge(&base, &theirs);
    let d0 = &merged.documents[0];
    assert_eq!(d0.claims[0].status, Status::Rejected);
    assert_eq!(d0.claims[1].note, "-catatan\nbaris dua");
    assert_eq!(d0.claims.last().unwrap().id, "c9");
    let ids: Vec<&str> = merged.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["doc 1/😀", "d2", "d2-2", "d3"]);
    assert_eq!(merged.documents[1], base.documents[1]);
    assert_eq!(merged.documents[2].claims[0].id, "d2-2#x", "claim ids move with a renamed document");
    assert_eq!(merged.tags.last().unwrap().id, "baru");
    assert_eq!(
        summary,
        MergeSummary {
            documents_added: 2,
            documents_updated: 1,
            // c9, and d2-2's claim: a new document's claims are new claims
            // (issue 10: the page said `0 klaim baru` before).
            claims_added: 2,
            claims_updated: 1,
            tags_added: 1,
            links_added: 0,
            factchecks_added: 0,
            renamed: vec![("d2".into(), "d2-2".into())],
            matched: Vec::new(),
            annotators: Vec::new(),
        }
    );
    validate(&merged).unwrap();
    // Merging a project into itself changes nothing.
    let (same, summary) = merge(&base, &base);
    assert_eq!(same, base);
    assert_eq!(summary, MergeSummary::default());
}

#[test]
fn merge_adds_corrections_and_fact_checks_the_library_lacks() {
    let mut base = sample();
    base.links.truncate(1);
    base.factchecks.clear();
    base.documents[1].outlet = None;
    let (merged, summary) = merge(&base, &sample());
    assert_eq!(merged.links, sample().links);
    assert_eq!(merged.factchecks, sample().factchecks);
    assert_eq!((summary.links_added, summary.factchecks_added), (3, 1));
    // Document facts come with the side edited later (here: equal times, the base stays).
    assert_eq!(merged.documents[1].outlet, None);
}

#[test]
fn export_drops_corrections_of_deleted_claims() {
    let mut p = sample();
    p.documents[1].claims.clear(); // k1 deleted
    let back = parse_project(&export(&p, Format::Klaim)).unwrap();
    assert_eq!(
        back.links,
        vec![
            LinkCorrection::Join { groups: vec![vec!["c1".into()], vec!["c2".into()]] },
            LinkCorrection::JoinPeople { people: vec![vec!["c1".into()], vec!["c2".into()]] },
        ]
    );
}

// ---- ClaimReview into the fact-check archive ----

#[track_caller]
fn check_reviews(input: &str, expect: &[(&str, &str, Option<&str>, Option<&str>)]) {
    let (reviews, _) = read_reviews(input).unwrap();
    let got: Vec<_> = reviews
        .iter()
        .map(|r| (r.claim_reviewed.as_str(), r.rating.as_str(), r.url.as_deref(), r.claimant.as_deref()))
        .collect();
    assert_eq!(got, expect);
}

#[track_caller]
fn check_reviews_error(input: &str, expect: &str) {
    assert_eq!(read_reviews(input).unwrap_err().to_string(), expect);
}

#[test]
fn claimreview_files_become_archive_entries() {
    // A publisher's page markup: a @graph beside a WebPage.
    check_reviews(
        include_str!("../../tests/e2e/fixtures/claimreview-graph.jsonld"),
        &[("Korea Utara telah mengirimkan lebih dari 1.000 kontainer berisi peralatan militer dan amunisi ke Rusia dalam beberapa pekan terakhir.", "Sebagian benar", Some("https://cekfakta.contoh.id/2023/10/kontainer-amunisi-korut/"), Some("John Kirby"))],
    );
    // An array; a rating with only numbers reads as value/best.
    check_reviews(
        include_str!("../../tests/e2e/fixtures/claimreview-array.json"),
        &[
            (
                "Korea Utara mengirim 6.700 kontainer berisi jutaan amunisi ke Rusia.",
                "Belum terbukti",
                Some("https://periksa.contoh.org/fakta/2023-09-artileri"),
                Some("Shin Won-sik"),
            ),
            (
                "Vaksin campak menyebabkan autisme pada anak.",
                "Salah",
                Some("https://periksa.contoh.org/fakta/2023-08-vaksin"),
                Some("akun media sosial"),
            ),
        ],
    );
    check_reviews(
        r#"{"@type":"ClaimReview","claimReviewed":"X naik","reviewRating":{"ratingValue":2,"bestRating":5}}"#,
        &[("X naik", "2/5", None, None)],
    );
    check_reviews(
        r#"{"@type":["ClaimReview"],"claimReviewed":"X","author":"Tim","itemReviewed":{"author":[{"name":"Budi"}]}}"#,
        &[("X", "", None, Some("Budi"))],
    );
    check_reviews(
        r#"{"@type":"WebPage","mainEntity":{"@type":"http://schema.org/ClaimReview","claimReviewed":"Y"}}"#,
        &[("Y", "", None, None)],
    );
    // A page with the markup in a script block.
    check_reviews(
        r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"ClaimReview","claimReviewed":"Z","url":"https://a.example/z"}</script></head></html>"#,
        &[("Z", "", Some("https://a.example/z"), None)],
    );
    // The same review twice is one entry.
    check_reviews(
        r#"[{"@type":"ClaimReview","claimReviewed":"X"},{"@type":"ClaimReview","claimReviewed":"X"}]"#,
        &[("X", "", None, None)],
    );
    // klaim's own export reads back.
    let mut p = sample();
    p.documents[0].claims[0].tags = vec!["salah".into()];
    let exported = export(&p, Format::ClaimReview);
    let (reviews, _) = read_reviews(&exported).unwrap();
    assert!(reviews.iter().any(|r| r.rating == "salah"
        && r.claim_reviewed == p.documents[0].claims[0].claim.text
        && r.claimant.as_deref() == Some("Budi Santoso")));
    // A review without its claim is named, not silently dropped.
    let (reviews, skipped) = read_reviews(
        r#"[{"@type":"ClaimReview","url":"https://a.example/1"},{"@type":"ClaimReview","claimReviewed":"Q"}]"#,
    )
    .unwrap();
    assert_eq!(
        (reviews.len(), skipped.iter().map(coded).collect::<Vec<_>>()),
        (1, vec![r#"warning: review_without_claim source="https://a.example/1""#.to_string()])
    );
}

#[test]
fn claimreview_reading_names_the_problem() {
    // Each a code the page words in its language (before: `line 1: not
    // valid JSON: expected value ...`, English inside Indonesian).
    check_reviews_error("{", "line 1: not a ClaimReview file: neither JSON nor an HTML page");
    assert_eq!(read_reviews("Harga beras naik.").unwrap_err().code, Code::ReviewsNotJson);
    assert_eq!(
        read_reviews("<html><script type=\"application/ld+json\">{</script>").unwrap_err().code,
        Code::ReviewsNotJson
    );
    check_reviews_error(r#"{"@type":"NewsArticle"}"#, "no ClaimReview in the file");
    check_reviews_error(
        "<html><body>no markup</body></html>",
        "the page has no JSON-LD (<script type=\"application/ld+json\">)",
    );
    check_reviews_error("[]", "no ClaimReview in the file");
}

// ---- JSON Lines ----

#[test]
fn jsonl_follows_the_contract() {
    let out = export(&sample(), Format::Jsonl);
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(lines.len(), 2);
    let c = &lines[0]["claims"][0];
    assert_eq!(lines[0]["id"], "doc 1/😀");
    assert_eq!(c["id"], "c1");
    assert_eq!(c["status"], "accepted");
    assert_eq!(c["tags"], json!(["salah", "layak-cek"]));
    assert_eq!(c["note"], "cek \"BPS\", data 2025");
    assert_eq!(c["quantities"][0]["value"], json!(10));
    assert_eq!(c["claimant"]["resolved"], "Budi Santoso");
    assert_eq!(c["via"], Value::Null);
    // Every span's text is its code point slice of the document text.
    for line in &lines {
        let text: Vec<char> = line["text"].as_str().unwrap().chars().collect();
        for c in line["claims"].as_array().unwrap() {
            for s in [c, &c["claimant"], &c["cue"]].into_iter().filter(|s| !s.is_null()) {
                let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
                assert_eq!(text[a..b].iter().collect::<String>(), s["text"].as_str().unwrap());
            }
        }
    }
    // The records read back as contract records.
    let rec: crate::Record = serde_json::from_value(lines[0].clone()).unwrap();
    assert_eq!(rec.claims.len(), 3);
}

#[test]
fn jsonl_round_trips_into_a_library() {
    let p = sample();
    let out = export(&p, Format::Jsonl);
    // Into an empty library: every document and claim, decisions included.
    let back = import(&out, None, &empty(), NOW).unwrap();
    assert_eq!(back.messages, Vec::<Message>::new());
    for (got, want) in back.project.documents.iter().zip(&p.documents) {
        assert_eq!((&got.id, &got.name, &got.text, &got.added), (&want.id, &want.name, &want.text, &NOW.to_owned()));
        assert_eq!(got.claims, want.claims);
    }
    assert_eq!(back.project.documents.len(), p.documents.len());
    // Into the library it came from: merging it changes nothing.
    let back = import(&out, None, &p, NOW).unwrap();
    let (merged, summary) = merge(&p, &back.project);
    assert_eq!(merged, p);
    assert_eq!(summary, MergeSummary::default());
}

/// Issue 8: a document's outlet, publication date and URL are in every
/// export that has a place for them, and read back where klaim imports the
/// format (before: JSON Lines had none of them, CSV no columns).
#[test]
fn document_facts_are_in_every_export() {
    let mut p = sample();
    p.documents[0].outlet = Some("WASPADA.ID".into());
    p.documents[0].published = Some("2026-11-30".into());
    p.documents[0].url = Some("https://waspada.example/beras".into());
    let facts = |d: &Document| (d.outlet.clone(), d.published.clone(), d.url.clone());
    let want = facts(&p.documents[0]);
    // JSON Lines: the contract's optional fields, absent when unknown.
    let out = export(&p, Format::Jsonl);
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(
        (&lines[0]["outlet"], &lines[0]["published"], &lines[0]["url"]),
        (&json!("WASPADA.ID"), &json!("2026-11-30"), &json!("https://waspada.example/beras"))
    );
    let mut none = p.clone();
    none.documents[0].outlet = None;
    let line = json(export(&none, Format::Jsonl).lines().next().unwrap());
    assert!(line.get("outlet").is_none(), "absent when unknown");
    let rec: crate::Record = serde_json::from_value(lines[0].clone()).unwrap();
    assert_eq!((rec.outlet, rec.published, rec.url), want);
    let back = import(&out, None, &empty(), NOW).unwrap();
    assert_eq!(facts(&back.project.documents[0]), want);
    // CSV: three columns.
    let csv = export(&p, Format::Csv);
    let mut rows = csv.trim_start_matches('\u{feff}').lines();
    let header = rows.next().unwrap();
    assert!(header.ends_with(r#""document_outlet","document_published","document_url""#), "{header}");
    assert!(rows.next().unwrap().ends_with(r#""WASPADA.ID","2026-11-30","https://waspada.example/beras""#));
    // doccano (metadata fields) and Label Studio (`data`) carry them and
    // read them back.
    for format in [Format::Doccano, Format::LabelStudio] {
        let out = export(&p, format);
        assert!(out.contains("https://waspada.example/beras"), "{format:?}");
        let back = import(&out, Some(format), &empty(), NOW).unwrap();
        assert_eq!(facts(&back.project.documents[0]), want, "{format:?}");
    }
}

/// One JSON Lines record for [`TEXT`] holding `claim` (merged over a valid
/// claim of `Harga naik lagi.`).
fn jsonl_line(claim: Value) -> String {
    let mut c = json!({"start": 81, "end": 97, "text": "Harga naik lagi.", "kind": "unattributed", "modality": "asserted", "claimant": null, "cue": null, "via": null, "id": "d#1", "origin": "imported", "status": "pending", "edited": NOW});
    c.as_object_mut().unwrap().extend(claim.as_object().unwrap().clone());
    json!({"id": "d", "text": TEXT, "claims": [c]}).to_string()
}

#[test]
fn jsonl_import_checks_every_span() {
    let lib = empty();
    let ok = "d 81..97 \"Harga naik lagi.\" Unattributed Pending tags=[] note=\"\"";
    check_import(&jsonl_line(json!({})), Format::Jsonl, &lib, ok);
    check_import(
        &jsonl_line(json!({"status": "accepted", "tags": ["salah", "Baru"], "note": "n"})),
        Format::Jsonl,
        &lib,
        "d 81..97 \"Harga naik lagi.\" Unattributed Accepted tags=[\"salah\", \"baru\"] note=\"n\"",
    );
    check_import(&jsonl_line(json!({"start": 80, "end": 96})), Format::Jsonl, &lib, &format!("{ok}\nwarning: placed_by_text line=1 path=\"claims[0]\" end=96 quote=\"Harga naik lagi.\" start=80 to_end=97 to_start=81"));
    check_import(
        &jsonl_line(json!({"start": 0, "end": 5, "text": "Harga"})),
        Format::Jsonl,
        &lib,
        "warning: text_ambiguous line=1 path=\"claims[0]\" count=2 end=5 quote=\"Harga\" start=0",
    );
    check_import(
        &jsonl_line(json!({"start": 0, "end": 5, "text": "Bukan"})),
        Format::Jsonl,
        &lib,
        "warning: text_absent line=1 path=\"claims[0]\" end=5 quote=\"Bukan\" start=0",
    );
    check_import(
        &jsonl_line(
            json!({"claimant": {"start": 81, "end": 86, "text": "Budi", "resolved": "Budi", "role": "Kepala"}}),
        ),
        Format::Jsonl,
        &lib,
        &format!("{ok}\nwarning: field_left_out line=1 path=\"claims[0]\" field=\"claimant\""),
    );
    check_import(&jsonl_line(json!({"cue": {"start": 1, "end": 2, "text": "x"}, "quantities": [{"start": 1, "end": 2, "text": "x", "value": 1, "unit": "x"}]})), Format::Jsonl, &lib, &format!("{ok}\nwarning: field_left_out line=1 path=\"claims[0]\" field=\"cue\"\nwarning: field_left_out line=1 path=\"claims[0]\" field=\"quantity\""));
    // What does not read is refused whole, with its place.
    check_import(&jsonl_line(json!({"claimant": {"start": 44, "end": 56, "text": "Budi Santoso", "resolved": "Budi Santoso", "type": "robot"}})), Format::Jsonl, &lib, "error: line 1: unknown variant `robot`, expected one of `person`, `organisation`, `group`, `outlet` (column 306)");
    check_import(
        &jsonl_line(json!({"status": "maybe"})),
        Format::Jsonl,
        &lib,
        "error: line 1: unknown variant `maybe`, expected one of `pending`, `accepted`, `rejected` (column 186)",
    );
    check_import(
        "{\"id\": \"d\", \"claims\": []}",
        Format::Jsonl,
        &lib,
        "error: line 1: missing field `text` (column 25)",
    );
    check_import("{\"text\": \"a\"", Format::Jsonl, &lib, "error: line 1: EOF while parsing an object (column 12)");
    check_import("", Format::Jsonl, &lib, "error: the file holds no records");
}

// ---- CSV ----

#[track_caller]
fn check_cell(value: &str, expect: &str) {
    assert_eq!(csv::cell(value), expect);
}

#[test]
fn csv_cells_are_quoted_and_neutralised() {
    check_cell("plain", "\"plain\"");
    check_cell("", "\"\"");
    check_cell("a \"quoted\" word", "\"a \"\"quoted\"\" word\"");
    check_cell("a,b", "\"a,b\"");
    check_cell("line\r\nbreak", "\"line\r\nbreak\"");
    check_cell("=SUM(A1)", "\"'=SUM(A1)\"");
    check_cell("+62 812", "\"'+62 812\"");
    check_cell("-10 persen", "\"'-10 persen\"");
    check_cell("@budi", "\"'@budi\"");
    check_cell("\tx", "\"'\tx\"");
    check_cell("\rx", "\"'\rx\"");
    check_cell("=\"x\"", "\"'=\"\"x\"\"\"");
    check_cell("a=b", "\"a=b\"");
    check_cell("😀 emoji", "\"😀 emoji\"");
}

#[test]
fn csv_has_one_row_per_claim() {
    let out = export(&sample(), Format::Csv);
    assert!(out.starts_with("\u{feff}\"document_id\",\"document_name\",\"claim_id\","));
    let rows = parse_csv(out.strip_prefix('\u{feff}').unwrap());
    assert_eq!(rows.len(), 1 + 4);
    assert!(rows.iter().all(|r| r.len() == 25));
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][col("text")], "Harga naik 👍🏽 10 persen,");
    assert_eq!(rows[1][col("start")], "13");
    assert_eq!(rows[1][col("tags")], "salah; layak cek");
    assert_eq!(rows[1][col("note")], "cek \"BPS\", data 2025");
    assert_eq!(rows[1][col("quantities")], "10 persen");
    assert_eq!(rows[1][col("claimant_resolved")], "Budi Santoso");
    assert_eq!(rows[2][col("text")], "'=SUM(A1) adalah rumus.");
    assert_eq!(rows[2][col("note")], "'-catatan\nbaris dua");
    assert_eq!(rows[3][col("status")], "rejected");
    assert_eq!(rows[4][col("document_id")], "d2");
}

#[track_caller]
fn check_csv_quantity(text: &str, value: f64, unit: &str, expect: &str) {
    let mut project = sample();
    let q = &mut project.documents[0].claims[0].claim.quantities[0];
    (q.text, q.value, q.unit) = (text.into(), value, unit.into());
    let rows = parse_csv(export(&project, Format::Csv).strip_prefix('\u{feff}').unwrap());
    let col = rows[0].iter().position(|h| h == "quantities").unwrap();
    assert_eq!(rows[1][col], expect, "{text}");
}

/// The CSV gives a quantity's unit as the text writes it, not the
/// extractor's matching key (user test 5 #14: `12 lain` for `12 lainnya`).
#[test]
fn csv_quantities_keep_the_unit_as_written() {
    check_csv_quantity("10 persen", 10.0, "persen", "10 persen");
    check_csv_quantity("12 lainnya", 12.0, "lain", "12 lainnya");
    check_csv_quantity("tiga Penumpang", 3.0, "penumpang", "3 Penumpang");
    check_csv_quantity("6.700 kontainer", 6700.0, "kontainer", "6700 kontainer");
    check_csv_quantity("Rp 1,2 triliun", 1.2e12, "rp", "1200000000000 rp");
}

/// A strict RFC 4180 reader: every field quoted, CRLF between records.
fn parse_csv(input: &str) -> Vec<Vec<String>> {
    let mut rows = vec![vec![]];
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        assert_eq!(c, '"', "every field starts with a quote");
        let mut field = String::new();
        loop {
            match chars.next().expect("unterminated field") {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => break,
                c => field.push(c),
            }
        }
        rows.last_mut().unwrap().push(field);
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'));
                rows.push(vec![]);
            }
            other => panic!("unexpected {other:?} after a field"),
        }
    }
    assert!(rows.pop().unwrap().is_empty(), "the file ends with CRLF");
    rows
}

// ---- W3C Web Annotation ----

#[test]
fn w3c_selectors_hold_code_points() {
    let p = sample();
    let out = json(&export(&p, Format::W3c));
    assert_eq!(out["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(out["type"], "AnnotationCollection");
    let items = out["first"]["items"].as_array().unwrap();
    assert_eq!(out["total"], json!(items.len()));
    assert_eq!(items.len(), 4);
    for a in items {
        assert_eq!(a["type"], "Annotation");
        let source = a["target"]["source"].as_str().unwrap();
        // The article's address where it has one, else klaim's document IRI.
        let doc = p.documents.iter().find(|d| source == d.name || source.ends_with(&w3c_encode(&d.id))).unwrap();
        let text: Vec<char> = doc.text.chars().collect();
        let sel = a["target"]["selector"].as_array().unwrap();
        let (q, pos) = (&sel[0], &sel[1]);
        assert_eq!(
            (q["type"].as_str(), pos["type"].as_str()),
            (Some("TextQuoteSelector"), Some("TextPositionSelector"))
        );
        let (s, e) = (pos["start"].as_u64().unwrap() as usize, pos["end"].as_u64().unwrap() as usize);
        let at = |a: usize, b: usize| text[a..b].iter().collect::<String>();
        assert_eq!(q["exact"].as_str().unwrap(), at(s, e));
        assert_eq!(q["prefix"].as_str().unwrap(), at(s.saturating_sub(32), s));
        assert_eq!(q["suffix"].as_str().unwrap(), at(e, (e + 32).min(text.len())));
    }
    let first = &items[0];
    assert_eq!(first["target"]["selector"][1], json!({"type": "TextPositionSelector", "start": 13, "end": 37}));
    assert_eq!(first["id"], "urn:klaim:claim:doc%201%2F%F0%9F%98%80:c1");
    let bodies: Vec<(String, String)> = first["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["type"] != "klaim:Claim")
        .map(|b| (b["purpose"].as_str().unwrap().into(), b["value"].as_str().unwrap().into()))
        .collect();
    let expect = [
        ("tagging", "salah"),
        ("tagging", "layak cek"),
        ("commenting", "cek \"BPS\", data 2025"),
        ("describing", "Budi Santoso"),
        ("classifying", "quote"),
        ("classifying", "asserted"),
        ("assessing", "accepted"),
    ];
    assert_eq!(bodies, expect.map(|(a, b)| (a.to_owned(), b.to_owned())));
}

fn w3c_encode(id: &str) -> String {
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn w3c_round_trips_into_a_library() {
    let p = sample();
    let mut bare = p.clone();
    for d in &mut bare.documents {
        d.claims.clear();
    }
    let imp = import(&export(&p, Format::W3c), None, &bare, NOW).unwrap();
    assert_eq!(imp.format, Format::W3c);
    assert!(imp.messages.is_empty(), "{:?}", imp.messages);
    for (got, want) in imp.project.documents.iter().zip(&p.documents) {
        assert_eq!(got.claims.len(), want.claims.len());
        for (g, w) in got.claims.iter().zip(&want.claims) {
            assert_eq!(
                (g.id.as_str(), g.claim.start, g.claim.end, &g.claim.text),
                (w.id.as_str(), w.claim.start, w.claim.end, &w.claim.text)
            );
            assert_eq!(
                (g.claim.kind, g.claim.modality, &g.tags, &g.note, &g.edited),
                (w.claim.kind, w.claim.modality, &w.tags, &w.note, &w.edited)
            );
            // Issue 10: decisions, origin, claimant, cue and via come back
            // (klaim's namespaced body); they were all `pending` before.
            assert_eq!((g.origin, g.status), (w.origin, w.status));
            assert_eq!(
                (&g.claim.claimant, &g.claim.cue, &g.claim.via),
                (&w.claim.claimant, &w.claim.cue, &w.claim.via)
            );
        }
    }
    // Into the full library, nothing is new.
    let again = import(&export(&p, Format::W3c), None, &p, NOW).unwrap();
    let (_, summary) = merge(&p, &again.project);
    assert_eq!((summary.claims_added, summary.claims_updated, summary.documents_added), (0, 0, 0));
}

/// A one-annotation W3C file for document `d2` of [`sample`].
fn anno(selectors: Value) -> String {
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Hoaks"}, {"type": "TextualBody", "value": "catatan"}],
        "target": {"source": "urn:klaim:doc:d2", "selector": selectors},
    })
    .to_string()
}

#[test]
fn w3c_import_checks_quotes_against_positions() {
    let lib = sample();
    let q = |exact: &str, prefix: &str, suffix: &str| json!({"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix});
    let pos = |s: u64, e: u64| json!({"type": "TextPositionSelector", "start": s, "end": e});
    let tags = "tags=[\"hoaks\"] note=\"catatan\"";
    check_import(
        &anno(json!([q("BPS", "Menurut ", ","), pos(8, 11)])),
        Format::W3c,
        &lib,
        &format!("d2 8..11 \"BPS\" Unattributed Pending {tags}"),
    );
    check_import(&anno(json!([q("BPS", "", ""), pos(9, 12)])), Format::W3c, &lib, &format!("d2 8..11 \"BPS\" Unattributed Pending {tags}\nwarning: placed_by_quote annotation=1 end=12 quote=\"BPS\" start=9 to_end=11 to_start=8"));
    check_import(
        &anno(json!(q("persen", "3 ", ""))),
        Format::W3c,
        &lib,
        &format!("d2 23..29 \"persen\" Unattributed Pending {tags}"),
    );
    check_import(
        &anno(json!(pos(0, 7))),
        Format::W3c,
        &lib,
        &format!("d2 0..7 \"Menurut\" Unattributed Pending {tags}"),
    );
    check_import(
        &anno(json!(pos(0, 99))),
        Format::W3c,
        &lib,
        "warning: position_outside annotation=1 end=99 len=30 start=0",
    );
    check_import(
        &anno(json!([q("OJK", "", ""), pos(8, 11)])),
        Format::W3c,
        &lib,
        "warning: quote_absent annotation=1 end=11 quote=\"OJK\" start=8",
    );
    check_import(
        &anno(json!(q("n", "", ""))),
        Format::W3c,
        &lib,
        "warning: quote_ambiguous annotation=1 count=3 quote=\"n\"",
    );
    check_import(
        &anno(json!({"type": "CssSelector", "value": "p"})),
        Format::W3c,
        &lib,
        "warning: no_position_or_quote annotation=1",
    );
    check_import(
        &anno(json!(json!({"type": "TextPositionSelector", "start": -1, "end": 2}))),
        Format::W3c,
        &lib,
        "error: annotation 1: TextPositionSelector `start` is missing or not a whole number",
    );
    check_import(&anno(json!(pos(0, 7))).replace("urn:klaim:doc:d2", "https://elsewhere.example/a"), Format::W3c, &lib, "error: none of the 1 annotations points at a document in the library; first: annotation 1: not placed, its source \"https://elsewhere.example/a\" is not a document in the library and its quote is not found in exactly one place");
    check_import("{\"type\": \"Annotation\"}", Format::W3c, &lib, "error: none of the 1 annotations points at a document in the library; first: annotation 1: not placed, it has no `target`");
    check_import(
        "{\"type\": \"Note\"}",
        Format::W3c,
        &lib,
        "error: not W3C Web Annotation: expected an Annotation, AnnotationPage or AnnotationCollection",
    );
    check_import("[{\"type\": \"Note\"}]", Format::W3c, &lib, "error: none of the 1 annotations points at a document in the library; first: annotation 1: skipped, `type` is not `Annotation`");
    check_import(
        "{\"type\": \"AnnotationCollection\", \"first\": \"https://x/page1\"}",
        Format::W3c,
        &lib,
        "error: first: the collection's pages are not embedded (only their address is given)",
    );
    // Emoji: positions are code points, not UTF-16 units or bytes.
    let (s, e) = span(TEXT, "Budi Santoso");
    let one = json!({"type": "Annotation", "target": {"source": "urn:klaim:doc:doc%201%2F%F0%9F%98%80", "selector": [q("Budi Santoso", "", ""), pos(s as u64, e as u64)]}}).to_string();
    check_import(&one, Format::W3c, &lib, "doc 1/😀 44..56 \"Budi Santoso\" Unattributed Pending tags=[] note=\"\"");
    let utf16 = json!({"type": "Annotation", "target": {"source": "doc 1/😀", "selector": [q("Budi Santoso", "", ""), pos(47, 59)]}}).to_string();
    check_import(&utf16, Format::W3c, &lib, "doc 1/😀 44..56 \"Budi Santoso\" Unattributed Pending tags=[] note=\"\"\nwarning: placed_by_quote annotation=1 end=59 quote=\"Budi Santoso\" start=47 to_end=56 to_start=44");
}

// ---- doccano ----

#[test]
fn doccano_exports_unrejected_claims_in_code_points() {
    let out = export(&sample(), Format::Doccano);
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(lines[0]["label"], json!([[13, 37, "quote"], [58, 80, "unattributed"]]));
    assert_eq!(lines[1]["label"], json!([[0, 30, "reported"]]));
    assert_eq!(lines[0]["text"], TEXT);
    // Imported into an empty library: the same documents and spans, pending.
    let imp = import(&out, None, &empty(), NOW).unwrap();
    assert_eq!(imp.format, Format::Doccano);
    let spans: Vec<(usize, usize, Kind)> =
        imp.project.documents[0].claims.iter().map(|c| (c.claim.start, c.claim.end, c.claim.kind)).collect();
    assert_eq!(spans, [(13, 37, Kind::Quote), (58, 80, Kind::Unattributed)]);
    assert_eq!(imp.project.documents[0].id, "doc 1/😀");
    assert_eq!(imp.project.documents[0].name, "Berita 😀");
    assert_eq!(imp.messages.len(), 1, "emoji text warns: {:?}", imp.messages);
    // Into the library it came from: nothing new.
    let again = import(&out, None, &sample(), NOW).unwrap();
    assert!(again.project.documents.iter().all(|d| d.claims.is_empty()));
}

#[test]
fn doccano_import_checks_offsets() {
    let lib = empty();
    check_import(
        r#"{"text": "Harga naik.", "label": [[0, 5, "HOAKS"]]}"#,
        Format::Doccano,
        &lib,
        r#"doccano-1 0..5 "Harga" Unattributed Pending tags=["hoaks"] note="""#,
    );
    check_import(
        r#"{"id": 7, "text": "Harga naik.", "label": [[6, 10, "reported"]]}"#,
        Format::Doccano,
        &lib,
        r#"7 6..10 "naik" Reported Pending tags=[] note="""#,
    );
    check_import(
        "\n{\"text\": \"ab\", \"entities\": [{\"start_offset\": 0, \"end_offset\": 1, \"label\": \"x\"}]}\n\n",
        Format::Doccano,
        &lib,
        r#"doccano-2 0..1 "a" Unattributed Pending tags=["x"] note="""#,
    );
    check_import(
        r#"[{"text": "ab", "label": [[1, 2, "quote"]]}]"#,
        Format::Doccano,
        &lib,
        r#"doccano-1 1..2 "b" Quote Pending tags=[] note="""#,
    );
    check_import(
        "{\"text\": \"😀 ab\", \"label\": [[2, 4, \"x\"]]}",
        Format::Doccano,
        &lib,
        "doccano-1 2..4 \"ab\" Unattributed Pending tags=[\"x\"] note=\"\"\nwarning: astral_code_points line=1",
    );
    check_import(
        r#"{"text": "ab", "label": [[1, 3, "x"]]}"#,
        Format::Doccano,
        &lib,
        "error: no record could be read; first: line 1: skipped, label[0]: offsets 1..3 are reversed or outside the text (2 code points)",
    );
    check_import(
        r#"{"text": "ab", "label": [[2, 1, "x"]]}"#,
        Format::Doccano,
        &lib,
        "error: no record could be read; first: line 1: skipped, label[0]: offsets 2..1 are reversed or outside the text (2 code points)",
    );
    check_import(
        r#"{"text": "ab", "label": [[-1, 1, "x"]]}"#,
        Format::Doccano,
        &lib,
        "error: no record could be read; first: line 1: skipped, label[0]: offsets must be whole numbers",
    );
    check_import(
        r#"{"text": "ab", "label": ["positive"]}"#,
        Format::Doccano,
        &lib,
        "error: no record could be read; first: line 1: skipped, label[0]: a document label (text classification), not a span",
    );
    check_import(
        r#"{"text": "ab", "label": [[0, 1]]}"#,
        Format::Doccano,
        &lib,
        "error: no record could be read; first: line 1: skipped, label[0]: expected [start, end, label]",
    );
    check_import(
        "{\"text\": \"ab\"}\n{\"txt\": \"ab\"}",
        Format::Doccano,
        &lib,
        "warning: bad_record line=2 error=\"`text` is missing or not a string\"",
    );
    check_import(
        "{\"text\": \"ab\"}\n{oops",
        Format::Doccano,
        &lib,
        "warning: not_json line=2 error=\"key must be a string at line 1 column 2\"",
    );
    check_import("", Format::Doccano, &lib, "error: the file holds no records");
}

// ---- Label Studio ----

#[test]
fn labelstudio_splits_annotations_and_predictions() {
    let out = json(&export(&sample(), Format::LabelStudio));
    let tasks = out.as_array().unwrap();
    assert_eq!(tasks[0]["data"]["text"], TEXT);
    let ann = &tasks[0]["annotations"][0]["result"];
    assert_eq!(
        ann[0]["value"],
        json!({"start": 13, "end": 37, "text": "Harga naik 👍🏽 10 persen,", "labels": ["quote"]})
    );
    assert_eq!(ann[1]["value"]["choices"], json!(["salah", "layak cek"]));
    assert_eq!(ann[2]["value"]["text"], json!(["cek \"BPS\", data 2025"]));
    assert!(ann.as_array().unwrap()[..3].iter().all(|r| r["id"] == "c1"));
    // Its claimant: a region of its own, with its name, linked to the claim.
    assert_eq!(ann[3]["id"], "c1:claimant");
    assert_eq!(ann[3]["value"], json!({"start": 44, "end": 56, "text": "Budi Santoso", "labels": ["claimant"]}));
    assert_eq!(
        (ann[4]["from_name"].as_str(), &ann[4]["value"]["text"]),
        (Some("claimant_name"), &json!(["Budi Santoso"]))
    );
    assert_eq!(
        ann[5],
        json!({"from_id": "c1", "to_id": "c1:claimant", "type": "relation", "direction": "right", "labels": ["claimant"]})
    );
    let pred = &tasks[0]["predictions"][0]["result"];
    assert_eq!(pred[0]["value"]["labels"], json!(["unattributed"]));
    assert_eq!(pred.as_array().unwrap().len(), 2, "c2 label and note; c3 rejected is left out");
    assert_eq!(tasks[1]["annotations"][0]["result"][0]["value"]["labels"], json!(["reported"]));
    // And back.
    let imp = import(&out.to_string(), None, &empty(), NOW).unwrap();
    assert_eq!(imp.format, Format::LabelStudio);
    assert!(imp.messages.is_empty(), "{:?}", imp.messages);
    let c = &imp.project.documents[0].claims[0];
    assert_eq!((c.claim.start, c.claim.end, c.claim.kind), (13, 37, Kind::Quote));
    assert_eq!(c.tags, ["salah", "layak-cek"]);
    assert_eq!(c.note, "cek \"BPS\", data 2025");
    assert_eq!(imp.project.documents[0].claims.len(), 2);
    assert_eq!(imp.project.documents[1].id, "d2");
}

fn ls_task(value: Value) -> String {
    json!([{"id": 5, "data": {"text": "😀 Harga naik."}, "annotations": [{"result": [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": value}
    ]}]}])
    .to_string()
}

#[test]
fn labelstudio_import_checks_offsets_and_text() {
    let lib = empty();
    check_import(
        &ls_task(json!({"start": 2, "end": 7, "text": "Harga", "labels": ["quote"]})),
        Format::LabelStudio,
        &lib,
        r#"labelstudio-5 2..7 "Harga" Quote Pending tags=[] note="""#,
    );
    check_import(
        &ls_task(json!({"start": 2, "end": 7, "labels": ["Klaim"]})),
        Format::LabelStudio,
        &lib,
        r#"labelstudio-5 2..7 "Harga" Unattributed Pending tags=["klaim"] note="""#,
    );
    check_import(&ls_task(json!({"start": 3, "end": 8, "text": "Harga", "labels": ["hedged"]})), Format::LabelStudio, &lib, "labelstudio-5 2..7 \"Harga\" Unattributed Pending tags=[] note=\"\"\nwarning: utf16_offsets id=\"5\" path=\"annotations[0].result[0]\" task=1 end=8 start=3 to_end=7 to_start=2");
    check_import(
        &ls_task(json!({"start": 2, "end": 7, "text": "Hargo", "labels": ["quote"]})),
        Format::LabelStudio,
        &lib,
        "warning: quote_mismatch id=\"5\" path=\"annotations[0].result[0]\" task=1 end=7 found=\"Harga\" quote=\"Hargo\" start=2",
    );
    check_import(
        &ls_task(json!({"start": 2, "end": 70, "labels": ["quote"]})),
        Format::LabelStudio,
        &lib,
        "warning: offsets_outside id=\"5\" path=\"annotations[0].result[0]\" task=1 end=70 len=13 start=2",
    );
    check_import(
        &ls_task(json!({"start": "/p[1]", "end": "/p[1]", "startOffset": 0, "labels": ["x"]})),
        Format::LabelStudio,
        &lib,
        "warning: not_whole_numbers id=\"5\" path=\"annotations[0].result[0]\" task=1",
    );
    check_import(r#"[{"data": {"txt": "a"}}]"#, Format::LabelStudio, &lib, "warning: no_text task=1");
    check_import(
        r#"[{"data": {"text": "a"}, "annotations": {}}]"#,
        Format::LabelStudio,
        &lib,
        "warning: not_a_list task=1 field=\"annotations\"",
    );
    check_import("3", Format::LabelStudio, &lib, "error: not Label Studio JSON: expected a list of tasks");
    // Cancelled annotations are not imported.
    let cancelled = ls_task(json!({"start": 2, "end": 7, "labels": ["quote"]}))
        .replace("\"annotations\":[{", "\"annotations\":[{\"was_cancelled\":true,");
    check_import(&cancelled, Format::LabelStudio, &lib, "warning: cancelled id=\"5\" path=\"annotations[0]\" task=1");
}

// ---- ClaimReview ----

#[test]
fn claimreview_has_the_required_fields() {
    let out = json(&export(&sample(), Format::ClaimReview));
    let reviews = out.as_array().unwrap();
    // c1 is tagged `salah` (a verdict) and `layak-cek` (not one); c3 is rejected;
    // k1 is tagged `benar`.
    assert_eq!(reviews.len(), 2);
    for r in reviews {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert!(r["claimReviewed"].as_str().is_some_and(|s| !s.is_empty()));
        assert_eq!(r["reviewRating"]["@type"], "Rating");
        assert!(r["reviewRating"]["alternateName"].as_str().is_some_and(|s| !s.is_empty()));
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert_eq!(r["itemReviewed"]["appearance"]["@type"], "CreativeWork");
        assert_eq!(r["datePublished"], "2026-11-20");
    }
    assert_eq!(reviews[0]["claimReviewed"], "Harga naik 👍🏽 10 persen,");
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "salah");
    assert_eq!(reviews[0]["itemReviewed"]["author"], json!({"@type": "Person", "name": "Budi Santoso"}));
    assert_eq!(reviews[0]["itemReviewed"]["appearance"]["name"], "Berita 😀");
    assert_eq!(reviews[0]["reviewBody"], "cek \"BPS\", data 2025");
    assert_eq!(reviews[1]["reviewRating"]["alternateName"], "benar");
    assert_eq!(reviews[1]["itemReviewed"]["appearance"]["url"], "https://example.org/berita");
    assert!(reviews[1]["itemReviewed"].get("author").is_none(), "no claimant, no author");
}

/// A ClaimReview export with no claim tagged with a verdict says why (the
/// page then downloads nothing; before: a silent `[]`).
#[test]
fn claimreview_with_no_verdict_says_why() {
    let codes = |p: &Project| export_warnings(p, Format::ClaimReview).iter().map(|m| m.code).collect::<Vec<_>>();
    assert!(!codes(&sample()).contains(&Code::NoVerdicts));
    let mut none = sample();
    for d in &mut none.documents {
        for c in &mut d.claims {
            c.tags.clear();
        }
    }
    assert_eq!(export(&none, Format::ClaimReview).trim(), "[]");
    assert_eq!(codes(&none)[0], Code::NoVerdicts);
}

// ---- the claimant as an identity (issue 7) ----

/// The sample with claim c1's claimant given `kind`, `role` and
/// `affiliation`; checks that each format carries them: the project file
/// and JSON Lines as fields, CSV in its columns, W3C in the describing body's
/// `schema:about` (and back through import), ClaimReview as `author`.
#[track_caller]
fn check_identity(kind: Option<ClaimantKind>, role: Option<&str>, affiliation: Option<&str>, author: Value) {
    let mut p = sample();
    let who = p.documents[0].claims[0].claim.claimant.as_mut().unwrap();
    who.kind = kind;
    who.role = role.map(Into::into);
    who.affiliation = affiliation.map(Into::into);
    let who = who.clone();
    let type_name = kind.map(super::claimant_type_name);

    let klaim = export(&p, Format::Klaim);
    assert_eq!(parse_project(&klaim).unwrap(), p, "project file round trip");
    let c = json(&klaim)["documents"][0]["claims"][0]["claimant"].clone();
    assert_eq!((c["type"].as_str(), c["role"].as_str(), c["affiliation"].as_str()), (type_name, role, affiliation));

    let line = json(export(&p, Format::Jsonl).lines().next().unwrap());
    let c = &line["claims"][0]["claimant"];
    assert_eq!((c["type"].as_str(), c["role"].as_str(), c["affiliation"].as_str()), (type_name, role, affiliation));
    let rec: crate::Record = serde_json::from_value(line.clone()).unwrap();
    assert_eq!(rec.claims[0].claimant.as_ref(), Some(&who), "JSONL reads back as contract records");

    let rows = parse_csv(export(&p, Format::Csv).strip_prefix('\u{feff}').unwrap());
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let cells = [col("claimant_type"), col("claimant_role"), col("claimant_affiliation")].map(|i| rows[1][i].as_str());
    // As a spreadsheet shows them: formulas neutralised (see csv.rs).
    let shown = |v: Option<&str>| match v {
        Some(v) if v.starts_with('=') => format!("'{v}"),
        v => v.unwrap_or("").to_owned(),
    };
    assert_eq!(cells.map(str::to_owned), [shown(type_name), shown(role), shown(affiliation)]);

    // JSON Lines and W3C: exported, then imported into a library that lacks
    // the claim.
    let mut library = p.clone();
    library.documents[0].claims.remove(0);
    let back = import(&export(&p, Format::Jsonl), None, &library, NOW).unwrap();
    assert_eq!(back.format, Format::Jsonl);
    let c1 = back.project.documents[0].claims.iter().find(|c| c.id == "c1").unwrap();
    assert_eq!(c1.claim.claimant.as_ref(), Some(&who), "JSONL import reads the claimant back");

    let w3c = export(&p, Format::W3c);
    let mut library = p.clone();
    library.documents[0].claims.remove(0);
    let back = import(&w3c, Some(Format::W3c), &library, NOW).unwrap();
    let c1 = back.project.documents[0].claims.iter().find(|c| c.id == "c1").unwrap();
    assert_eq!(c1.claim.claimant.as_ref(), Some(&who), "W3C import reads the claimant back");
    assert_eq!(back.messages, Vec::<Message>::new());

    // doccano (its `claimants` metadata) and Label Studio (a claimant region
    // with per-region fields): exported, then imported on their own.
    for format in [Format::Doccano, Format::LabelStudio] {
        let back = import(&export(&p, format), Some(format), &empty_project(default_tags()), NOW).unwrap();
        let c1 =
            &back.project.documents[0].claims.iter().find(|c| c.claim.start == p.documents[0].claims[0].claim.start);
        let got = c1.and_then(|c| c.claim.claimant.as_ref());
        assert_eq!(got, Some(&who), "{format:?} import reads the claimant back");
        assert_eq!(back.messages.iter().filter(|m| m.code == Code::FieldLeftOut).count(), 0, "{format:?}");
    }

    let reviews = json(&export(&p, Format::ClaimReview));
    assert_eq!(reviews[0]["itemReviewed"]["author"], author);
}

#[test]
fn the_claimant_identity_goes_into_every_format() {
    use ClaimantKind::*;
    let person = |extra: Value| {
        let mut a = json!({"@type": "Person", "name": "Budi Santoso"});
        a.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        a
    };
    let org = |name: &str| json!({"@type": "Organization", "name": name});
    check_identity(None, None, None, person(json!({})));
    check_identity(
        Some(Person),
        Some("Kepala"),
        Some("Badan Pusat Statistik"),
        person(json!({"jobTitle": "Kepala", "affiliation": org("Badan Pusat Statistik")})),
    );
    check_identity(Some(Person), Some("Juru Bicara"), None, person(json!({"jobTitle": "Juru Bicara"})));
    check_identity(Some(Person), None, Some("KirimCepat"), person(json!({"affiliation": org("KirimCepat")})));
    check_identity(None, Some("Hakim Konstitusi"), None, person(json!({"jobTitle": "Hakim Konstitusi"})));
    check_identity(
        Some(Group),
        Some("pejabat"),
        Some("Kementerian Pertahanan AS"),
        person(json!({"jobTitle": "pejabat", "affiliation": org("Kementerian Pertahanan AS")})),
    );
    // A body has no job title; its affiliation is its parent organisation.
    check_identity(
        Some(Organisation),
        None,
        Some("Pemprov DKI Jakarta"),
        json!({"@type": "Organization", "name": "Budi Santoso", "parentOrganization": org("Pemprov DKI Jakarta")}),
    );
    check_identity(Some(Outlet), None, None, org("Budi Santoso"));
    // Text that needs escaping in every format.
    check_identity(
        Some(Person),
        Some("=Kepala \"Divisi\", Humas"),
        Some("PT \"Maju\"\nJaya 😀"),
        person(json!({"jobTitle": "=Kepala \"Divisi\", Humas", "affiliation": org("PT \"Maju\"\nJaya 😀")})),
    );
}

#[test]
fn files_without_the_claimant_identity_still_read() {
    // A project file written before issue 7: claimants without the fields.
    let mut v = json(&export(&sample(), Format::Klaim));
    let c = v["documents"][0]["claims"][0]["claimant"].as_object_mut().unwrap();
    for key in ["type", "role", "affiliation"] {
        c.remove(key);
    }
    let p = parse_project(&v.to_string()).unwrap();
    assert_eq!(p, sample());
    // A contract record of the same age.
    let line = json(export(&sample(), Format::Jsonl).lines().next().unwrap());
    let mut old = line.clone();
    for key in ["type", "role", "affiliation"] {
        old["claims"][0]["claimant"].as_object_mut().unwrap().remove(key);
    }
    let rec: crate::Record = serde_json::from_value(old).unwrap();
    assert_eq!(rec.claims[0].claimant, sample().documents[0].claims[0].claim.claimant);
}

#[track_caller]
fn check_w3c_claimant(claim: &str, about: Value, expect: &str) {
    let lib = w3c_library();
    let (s, e) = span(W3C_TEXT, claim);
    let input = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
        "body": {"type": "TextualBody", "purpose": "describing", "value": "Sri Mulyani Indrawati", "schema:about": about},
        "target": {"source": "urn:klaim:doc:d", "selector": {"type": "TextPositionSelector", "start": s, "end": e}},
    });
    let imp = import(&input.to_string(), Some(Format::W3c), &lib, NOW).unwrap();
    let got = match &imp.project.documents[0].claims[0].claim.claimant {
        Some(c) => format!(
            "{}..{} {:?} {:?} {:?} {:?} {:?}",
            c.start, c.end, c.text, c.resolved, c.kind, c.role, c.affiliation
        ),
        None => "none".into(),
    };
    let got = [got].into_iter().chain(imp.messages.iter().map(coded)).collect::<Vec<_>>();
    assert_eq!(got.join("\n"), expect);
}

const W3C_TEXT: &str = "Menteri Keuangan Sri Mulyani menilai inflasi terkendali. \"Harga stabil,\" ujarnya. Kata Sri Mulyani, defisit aman.";

fn w3c_library() -> Project {
    let mut p = empty();
    p.documents.push(Document {
        id: "d".into(),
        name: "d".into(),
        text: W3C_TEXT.into(),
        added: NOW.into(),
        edited: NOW.into(),
        boilerplate: Vec::new(),
        entities: Vec::new(),
        claims: Vec::new(),
        outlet: None,
        published: None,
        url: None,
        extractor: None,
    });
    p
}

#[test]
fn w3c_import_places_the_claimant_mention() {
    let kemenkeu = json!({"type": "schema:Person", "schema:alternateName": "Sri Mulyani", "schema:jobTitle": "Menteri Keuangan", "schema:affiliation": {"type": "schema:Organization", "schema:name": "Kementerian Keuangan"}});
    // Inside the claim when it is there; else the nearest occurrence.
    check_w3c_claimant("Kata Sri Mulyani, defisit aman.", kemenkeu.clone(), "87..98 \"Sri Mulyani\" \"Sri Mulyani Indrawati\" Some(Person) Some(\"Menteri Keuangan\") Some(\"Kementerian Keuangan\")");
    check_w3c_claimant("\"Harga stabil,\" ujarnya.", kemenkeu.clone(), "87..98 \"Sri Mulyani\" \"Sri Mulyani Indrawati\" Some(Person) Some(\"Menteri Keuangan\") Some(\"Kementerian Keuangan\")");
    check_w3c_claimant("Menteri Keuangan Sri Mulyani menilai inflasi terkendali.", kemenkeu, "17..28 \"Sri Mulyani\" \"Sri Mulyani Indrawati\" Some(Person) Some(\"Menteri Keuangan\") Some(\"Kementerian Keuangan\")");
    // Other tools' shapes: plain names, `name`, a body's parent, no type.
    check_w3c_claimant(
        "Kata Sri Mulyani, defisit aman.",
        json!({"schema:alternateName": "Sri Mulyani", "schema:affiliation": "Kemenkeu"}),
        "87..98 \"Sri Mulyani\" \"Sri Mulyani Indrawati\" None None Some(\"Kemenkeu\")",
    );
    check_w3c_claimant(
        "Kata Sri Mulyani, defisit aman.",
        json!({"type": ["schema:Organization"], "schema:alternateName": "Sri Mulyani", "schema:parentOrganization": {"name": "Pemerintah"}}),
        "87..98 \"Sri Mulyani\" \"Sri Mulyani Indrawati\" Some(Organisation) None Some(\"Pemerintah\")",
    );
    check_w3c_claimant(
        "Kata Sri Mulyani, defisit aman.",
        json!({"type": "foaf:Group", "schema:alternateName": "Sri Mulyani", "schema:jobTitle": ""}),
        "87..98 \"Sri Mulyani\" \"Sri Mulyani Indrawati\" Some(Group) None None",
    );
    // No mention given: the resolved name, which this text does not hold.
    check_w3c_claimant(
        "Kata Sri Mulyani, defisit aman.",
        json!({"type": "schema:Person"}),
        "none\nwarning: claimant_not_in_text annotation=1 quote=\"Sri Mulyani Indrawati\"",
    );
}

// ---- all formats ----

#[test]
fn formats_have_names_and_detection() {
    for f in Format::ALL {
        assert_eq!(Format::from_name(f.name()), Some(f));
    }
    assert_eq!(Format::from_name("xml"), None);
    let p = sample();
    for f in Format::ALL.into_iter().filter(|f| f.can_import()) {
        assert_eq!(detect(&export(&p, f)), Some(f), "{}", f.name());
    }
    assert_eq!(detect("hello"), None);
    assert_eq!(detect("{\"a\": 1}"), None);
    check_import("{\"a\": 1}", Format::Csv, &p, "error: csv files are exported only, not imported");
    assert_eq!(
        import("name,text\n", None, &p, NOW).unwrap_err().to_string(),
        "not a format klaim imports (klaim project, klaim JSON Lines, W3C Web Annotation, doccano JSONL, Label Studio JSON)"
    );
}

#[test]
fn exports_of_an_empty_project_are_valid() {
    let p = empty();
    for f in Format::ALL {
        let out = export(&p, f);
        match f {
            Format::Csv => assert_eq!(out.lines().count(), 1),
            Format::Jsonl | Format::Doccano | Format::DoccanoUtf16 => assert_eq!(out, ""),
            _ => drop(json(&out)),
        }
    }
}

#[test]
fn exports_clamp_offsets_of_an_unvalidated_project() {
    // A project edited by hand with a span past the end still exports
    // consistent quotes.
    let mut p = sample();
    p.documents[1].claims[0].claim.end = 500;
    let out = json(&export(&p, Format::W3c));
    let last = out["first"]["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["target"]["selector"][1]["end"], 30);
    assert_eq!(last["target"]["selector"][0]["exact"], "Menurut BPS, inflasi 3 persen.");
}

// ---- messages ----

/// The English wording (the CLI's) of a message, the one place it lives.
#[track_caller]
fn check_english(m: Message, expect: &str) {
    assert_eq!(m.to_string(), expect);
}

#[test]
fn messages_are_worded_in_english_once() {
    let p = Params::default;
    let line = At::line(3);
    let task = At::task(2, Some("7".into())).then("annotations[0]").then(".result[1]");
    let anno = At::annotation(4, Some("#a".into()));
    check_english(
        Message::new(Code::NotJson, &line, Params { error: Some("EOF".into()), ..p() }),
        "line 3: skipped, not valid JSON: EOF",
    );
    check_english(
        Message::new(Code::Cancelled, &At::task(1, None).then("annotations[0]"), p()),
        "task 1, annotations[0]: was cancelled in Label Studio: not imported",
    );
    check_english(
        Message::new(Code::ResultUnread, &task, Params { kind: Some("rating".into()), ..p() }),
        "task 2 (id 7), annotations[0].result[1]: dropped, a `rating` result klaim does not read",
    );
    check_english(
        Message::new(Code::QuoteNotFound, &anno, p()),
        "annotation 4 (id #a): not placed, it has no `target.source` and its quote is not found in exactly one place",
    );
    check_english(Message::new(Code::QuoteNotFound, &anno, Params { source: Some("s".into()), ..p() }), "annotation 4 (id #a): not placed, its source \"s\" is not a document in the library and its quote is not found in exactly one place");
    check_english(
        Message::new(Code::QuoteAbsent, &anno, Params { quote: Some("q".into()), ..p() }),
        "annotation 4 (id #a): skipped, quote \"q\" and the quote is not in the text",
    );
    check_english(Message::new(Code::FieldsDropped, &anno, Params { names: vec!["cue".into(), message::REANCHORED_PARTS.into()], ..p() }), "annotation 4 (id #a): dropped its cue, claimant/cue/via (the claim was re-anchored) (offsets do not fit the text)");
    check_english(
        Message::new(Code::DocumentNotPlaced, &At::document("x", Some("Berita")), p()),
        "document \"x\" (Berita): not placed, the library has no document with this text",
    );
    let overlap = Params { start: Some(1), end: Some(9), to_start: Some(3), to_end: Some(5), count: Some(3), ..p() };
    check_english(
        Message::new(Code::Overlap, &At { name: Some("Berita".into()), ..At::default() }, overlap),
        "Berita: the claims at 1..9 and 3..5 overlap (3 overlapping claims in this document)",
    );
    check_english(
        Message::new(Code::LoneSurrogates, &At::default(), Params { count: Some(2), ..p() }),
        "2 lone UTF-16 surrogate escape(s) (half of an emoji, as a JavaScript slice can leave) read as U+FFFD",
    );
}

/// The report counts codes: a name holding "dropped" or "skipped" in a
/// kept message no longer counts (it did when the report read the wording).
#[test]
fn the_report_counts_codes_not_words() {
    let named =
        |code, name: &str| Message::new(code, &At::line(1), Params { kind: Some(name.into()), ..Params::default() });
    let messages = [
        named(Code::RelationKept, "dropped: skipped"),
        named(Code::Matched, ""),
        named(Code::SpanReanchored, ""),
        named(Code::Utf16Offsets, ""),
        named(Code::BadRecord, ""),
        named(Code::ResultUnread, "x"),
    ];
    assert_eq!(Report::of(&messages), Report { matched: 1, reanchored: 2, not_placed: 1, dropped: 1 });
}

/// Every code serializes in snake_case, and every code the page must word
/// has a tally (a new code cannot be forgotten by the report).
#[test]
fn codes_serialize_in_snake_case() {
    let m = Message::new(Code::QuoteMismatch, &At::task(1, None), Params { start: Some(2), ..Params::default() });
    assert_eq!(
        serde_json::to_value(&m).unwrap(),
        json!({"code": "quote_mismatch", "at": {"task": 1}, "params": {"start": 2}})
    );
    assert_eq!(
        serde_json::to_value(Message::new(Code::NoText, &At::default(), Params::default())).unwrap(),
        json!({"code": "no_text"})
    );
}

/// Every code of `message.rs` has a wording in both of the page's languages
/// (`www/js/i18n-exchange.js`): a missing one would show the raw code.
#[test]
fn every_code_is_worded_by_the_page() {
    let source = include_str!("message.rs");
    let page = include_str!("../../www/js/i18n-exchange.js");
    let body = &source[source.find("pub enum Code {").unwrap()..];
    let body = &body[..body.find("\n}").unwrap()];
    let mut n = 0;
    for line in body.lines().skip(1).map(str::trim).filter(|l| !l.starts_with("//") && l.ends_with(',')) {
        let name = line.trim_end_matches(',');
        let mut snake = String::new();
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        }
        assert_eq!(page.matches(&format!("'xmsg.{snake}':")).count(), 2, "{snake}: Indonesian and English");
        n += 1;
    }
    assert!(n > 50, "{n} codes read from message.rs");
}
