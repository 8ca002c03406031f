//! Re-extraction keeps the user's work (`klaim::reextract`), one line per case.
//!
//! A case names the old claims (what the user has), the new extraction's
//! claims, and the claims that result, each by its quote in [`TEXT`] with
//! `|`-separated attributes:
//! `accepted`/`rejected` (status), `user`/`imported` (origin), `tag=a,b`,
//! `note=...`, `claimant=Name`, `changed=f,g` (fields the user edited),
//! `at=N` (wrong start offset: the claim is re-anchored by its text),
//! `legacy` (edited before versions were recorded: the document has no
//! `extractor` and the claim a later `edited` time). The result is followed by
//! ` / moved unmatched kept replaced`.

use klaim::project::{AnnotatedClaim, Document, Origin, Status};
use klaim::reextract::{carry_over, Carried};
use klaim::report::{ClaimRecord, ClaimantRecord};
use klaim::{Kind, Modality};

const TEXT: &str = "Budi bilang harga naik. Stok aman sampai Maret. \"Kami impor beras,\" kata Ani. Warga mengeluh.";
const ADDED: &str = "2026-12-01T00:00:00Z";
const NOW: &str = "2026-12-07T00:00:00Z";

#[test]
fn decisions_move_to_the_new_claims() {
    // Same span.
    check("Budi bilang harga naik.|accepted", "Budi bilang harga naik.", "Budi bilang harga naik.|accepted / 1 0 0 0");
    // Shifted span: the new extractor leaves the full stop out.
    check("Budi bilang harga naik.|rejected", "Budi bilang harga naik", "Budi bilang harga naik|rejected / 1 0 0 0");
    // Shifted span: the new claim starts earlier.
    check("Kami impor beras|accepted", "\"Kami impor beras,\"", "\"Kami impor beras,\"|accepted / 1 0 0 0");
    // A claim split in two: both parts carry the decision.
    check(
        "Budi bilang harga naik. Stok aman sampai Maret.|accepted|tag=layak-cek",
        "Budi bilang harga naik.; Stok aman sampai Maret.",
        "Budi bilang harga naik.|accepted|tag=layak-cek; Stok aman sampai Maret.|accepted|tag=layak-cek / 1 0 0 0",
    );
    // Two claims joined in one: the first keeps its place, the other stays.
    check(
        "Budi bilang harga naik.|accepted; Stok aman sampai Maret.|rejected",
        "Budi bilang harga naik. Stok aman sampai Maret.",
        "Budi bilang harga naik. Stok aman sampai Maret.|accepted; Stok aman sampai Maret.|rejected|user / 1 1 0 0",
    );
    // A claim gone from the new extraction stays, as a user claim.
    check(
        "Warga mengeluh.|accepted",
        "Budi bilang harga naik.",
        "Budi bilang harga naik.; Warga mengeluh.|accepted|user / 0 1 0 0",
    );
    // Untouched claims are replaced.
    check("Warga mengeluh.; Budi bilang harga naik.", "Budi bilang harga naik", "Budi bilang harga naik / 0 0 0 2");
    // Tags and note kept, on a pending claim.
    check(
        "Stok aman sampai Maret.|tag=salah,layak-cek|note=cek data BPS",
        "Stok aman sampai Maret.",
        "Stok aman sampai Maret.|tag=salah,layak-cek|note=cek data BPS / 1 0 0 0",
    );
    // A claim whose offsets no longer fit its text is re-anchored by it.
    check("Warga mengeluh.|accepted|at=3", "Warga mengeluh.", "Warga mengeluh.|accepted / 1 0 0 0");
}

#[test]
fn user_claims_move_only_to_the_same_span() {
    check("Warga mengeluh.|user|accepted", "Warga mengeluh.", "Warga mengeluh.|accepted / 1 0 0 0");
    check("Stok aman|user|accepted", "Warga mengeluh.", "Stok aman|accepted|user; Warga mengeluh. / 0 0 1 0");
    // Marked inside a longer extracted claim: both stay.
    check("Stok aman|user", "Stok aman sampai Maret.", "Stok aman|user; Stok aman sampai Maret. / 0 0 1 0");
    // Nearly the same span: the user's span is kept.
    check(
        "Stok aman sampai Maret|user|tag=salah",
        "Stok aman sampai Maret.",
        "Stok aman sampai Maret|tag=salah / 1 0 0 0",
    );
    // Imported claims (another annotator's) are the user's too.
    check(
        "Warga mengeluh|imported",
        "Budi bilang harga naik.",
        "Budi bilang harga naik.; Warga mengeluh|imported / 0 0 1 0",
    );
}

#[test]
fn edited_fields_are_kept_the_rest_is_new() {
    let q = "\"Kami impor beras,\" kata Ani.";
    // The user corrected the claimant: it stays.
    check(
        &format!("{q}|claimant=Ani Yudhoyono|changed=claimant"),
        &format!("{q}|claimant=Ani"),
        &format!("{q}|claimant=Ani Yudhoyono / 1 0 0 0"),
    );
    // Not edited: the new extractor's claimant.
    check(
        &format!("{q}|accepted|claimant=Ani"),
        &format!("{q}|claimant=Ani Yudhoyono"),
        &format!("{q}|accepted|claimant=Ani Yudhoyono / 1 0 0 0"),
    );
    // The user's span, on a shifted match.
    check("Budi bilang harga|changed=span", "Budi bilang harga naik.", "Budi bilang harga / 1 0 0 0");
    // Edited before the edited fields were recorded: every field that differs stays.
    check(
        &format!("{q}|legacy|claimant=Ani Yudhoyono"),
        &format!("{q}|claimant=Ani"),
        &format!("{q}|claimant=Ani Yudhoyono / 1 0 0 0"),
    );
    // A legacy document's untouched claim is replaced.
    check(
        &format!("{q}|claimant=Ani; Warga mengeluh.|legacy"),
        &format!("{q}|claimant=A"),
        &format!("{q}|claimant=A; Warga mengeluh.|user / 0 1 0 1"),
    );
}

#[test]
fn ids_survive_and_new_ids_are_unique() {
    let doc = document(&old("Warga mengeluh.|accepted; Budi bilang harga naik.|user|accepted"), false);
    let new = records("Budi bilang harga naik.; Stok aman sampai Maret.; Warga mengeluh.");
    let got = carry_over(&doc, &new, NOW);
    let ids: Vec<&str> = got.claims.iter().map(|c| c.id.as_str()).collect();
    // The old ids were `d#0` (Warga) and `d#1` (Budi, user-added).
    assert_eq!(ids, ["d#1", "d#1-2", "d#0"]);
    assert_eq!(got.claims[1].edited, NOW);
    assert_eq!(got.claims[0].origin, Origin::Extracted);
}

#[test]
fn ids_of_replaced_claims_never_name_another_claim() {
    // An untouched claim found again at the same span is the same claim: it
    // keeps its id, so a link correction or an adjudication naming it still
    // means it.
    check_ids(
        "Warga mengeluh.; Budi bilang harga naik.",
        "Budi bilang harga naik.; Stok aman sampai Maret.; Warga mengeluh.",
        "d#1 d#1-2 d#0",
    );
    // A replaced claim's id is never given to a different claim.
    check_ids("Warga mengeluh.", "Budi bilang harga naik.", "d#0-2");
    check_ids(
        "Warga mengeluh.; Stok aman sampai Maret.|accepted",
        "Budi bilang harga naik.; Stok aman sampai Maret.",
        "d#0-2 d#1",
    );
    check_ids("Budi bilang harga naik.; Warga mengeluh.", "Budi bilang harga naik; Warga mengeluh.", "d#0-2 d#1");
}

#[test]
fn nothing_panics_on_bad_spans() {
    let mut doc = document(&old("Warga mengeluh.|accepted; Budi bilang|user"), false);
    doc.claims[0].claim.start = 500;
    doc.claims[0].claim.end = 3;
    doc.claims[1].claim.end = 10_000;
    let mut new = records("Budi bilang harga naik.");
    new[0].end = 0;
    let got = carry_over(&doc, &new, NOW);
    assert_eq!(got.claims.len(), 3);
}

/// The version must move with the extraction: this fingerprint of what the
/// extractor makes of the test articles is pinned to the version.
#[test]
fn extractor_version_moves_with_the_extraction() {
    const PINNED: (u32, &str) = (8, "1acbbcfd3f7a0b3c");
    let mut all = String::new();
    let mut names: Vec<_> = std::fs::read_dir("tests/articles").unwrap().map(|e| e.unwrap().path()).collect();
    names.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let record =
            klaim::report("t", &text, &klaim::extract(&text, &klaim::Options::default()), klaim::Unit::CodePoint);
        all.push_str(&serde_json::to_string(&record).unwrap());
    }
    let fingerprint = klaim::content_hash(&all);
    assert_eq!(
        (klaim::EXTRACTOR_VERSION, fingerprint.as_str()),
        PINNED,
        "the extraction of tests/articles is now {fingerprint:?}: when it changes, bump klaim::EXTRACTOR_VERSION \
         (src/lib.rs) and pin the new version with this fingerprint here"
    );
}

// Helpers.

#[track_caller]
fn check(old_claims: &str, new_claims: &str, expect: &str) {
    let specs = old(old_claims);
    let legacy = specs.iter().any(|c| c.edited != ADDED);
    let doc = document(&specs, legacy);
    let got = carry_over(&doc, &records(new_claims), NOW);
    assert_eq!(render(&got), expect, "\nold: {old_claims}\nnew: {new_claims}");
}

/// The ids of the claims after re-extraction, in text order.
#[track_caller]
fn check_ids(old_claims: &str, new_claims: &str, expect: &str) {
    let got = carry_over(&document(&old(old_claims), false), &records(new_claims), NOW);
    let ids: Vec<&str> = got.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.join(" "), expect, "\nold: {old_claims}\nnew: {new_claims}");
}

fn document(claims: &[AnnotatedClaim], legacy: bool) -> Document {
    Document {
        id: "d".into(),
        name: "d".into(),
        text: TEXT.into(),
        added: ADDED.into(),
        edited: ADDED.into(),
        boilerplate: Vec::new(),
        entities: Vec::new(),
        outlet: None,
        published: None,
        url: None,
        extractor: if legacy { None } else { Some(1) },
        claims: claims.to_vec(),
    }
}

fn old(spec: &str) -> Vec<AnnotatedClaim> {
    parts(spec).enumerate().map(|(i, s)| claim(&format!("d#{i}"), s)).collect()
}

fn records(spec: &str) -> Vec<ClaimRecord> {
    parts(spec).map(|s| claim("", s).claim).collect()
}

fn parts(spec: &str) -> impl Iterator<Item = &str> {
    spec.split("; ").filter(|s| !s.is_empty())
}

fn claim(id: &str, spec: &str) -> AnnotatedClaim {
    let mut attrs = spec.split('|');
    let quote = attrs.next().unwrap();
    let byte = TEXT.find(quote).unwrap_or_else(|| panic!("{quote:?} is not in the text"));
    let start = TEXT[..byte].chars().count();
    let mut c = AnnotatedClaim {
        id: id.into(),
        claim: ClaimRecord {
            start,
            end: start + quote.chars().count(),
            text: quote.into(),
            kind: Kind::Reported,
            modality: Modality::Asserted,
            claimant: None,
            cue: None,
            via: None,
            quantities: Vec::new(),
        },
        origin: Origin::Extracted,
        status: Status::Pending,
        tags: Vec::new(),
        note: String::new(),
        edited: ADDED.into(),
        changed: Vec::new(),
    };
    for attr in attrs {
        let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
        let list = || value.split(',').map(str::to_owned).collect::<Vec<_>>();
        match key {
            "accepted" => c.status = Status::Accepted,
            "rejected" => c.status = Status::Rejected,
            "user" => c.origin = Origin::User,
            "imported" => c.origin = Origin::Imported,
            "tag" => c.tags = list(),
            "note" => c.note = value.into(),
            "changed" => c.changed = list(),
            "legacy" => c.edited = NOW.into(),
            "at" => {
                let shift: usize = value.parse().unwrap();
                c.claim.start -= shift;
                c.claim.end -= shift;
            }
            "claimant" => {
                c.claim.claimant = Some(ClaimantRecord {
                    start: 0,
                    end: 0,
                    text: value.into(),
                    resolved: value.into(),
                    kind: None,
                    role: None,
                    affiliation: None,
                })
            }
            _ => panic!("unknown attribute {attr:?}"),
        }
    }
    c
}

fn render(got: &Carried) -> String {
    let claims: Vec<String> = got
        .claims
        .iter()
        .map(|c| {
            let mut s = c.claim.text.clone();
            match c.status {
                Status::Accepted => s.push_str("|accepted"),
                Status::Rejected => s.push_str("|rejected"),
                Status::Pending => {}
            }
            match c.origin {
                Origin::User => s.push_str("|user"),
                Origin::Imported => s.push_str("|imported"),
                Origin::Extracted => {}
            }
            if !c.tags.is_empty() {
                s.push_str(&format!("|tag={}", c.tags.join(",")));
            }
            if !c.note.is_empty() {
                s.push_str(&format!("|note={}", c.note));
            }
            if let Some(who) = &c.claim.claimant {
                s.push_str(&format!("|claimant={}", who.resolved));
            }
            s
        })
        .collect();
    let r = &got.report;
    format!("{} / {} {} {} {}", claims.join("; "), r.moved, r.unmatched, r.kept, r.replaced)
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// (start, length, work: 0 none, 1 accepted, 2 user claim, 3 tagged).
    fn spans() -> impl Strategy<Value = Vec<(usize, usize, u8)>> {
        prop::collection::vec((0usize..110, 0usize..60, 0u8..4), 0..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Whatever the spans (out of range, empty, overlapping): no panic,
        /// every new claim is there, and every old claim with work is either
        /// moved or kept; ids stay unique.
        #[test]
        fn work_is_never_lost(old in spans(), new in spans()) {
            let claim = |i: usize, &(start, len, work): &(usize, usize, u8)| {
                let mut c = super::claim(&format!("d#{i}"), "Warga mengeluh.");
                (c.claim.start, c.claim.end) = (start, start + len);
                c.claim.text = TEXT.chars().skip(start).take(len).collect();
                match work {
                    1 => c.status = Status::Accepted,
                    2 => c.origin = Origin::User,
                    3 => c.tags = vec!["salah".into()],
                    _ => {}
                }
                c
            };
            let olds: Vec<AnnotatedClaim> = old.iter().enumerate().map(|(i, s)| claim(i, s)).collect();
            let news: Vec<ClaimRecord> = new.iter().enumerate().map(|(i, s)| claim(i, s).claim).collect();
            let with_work = olds.iter().filter(|c| c.status != Status::Pending || c.origin != Origin::Extracted || !c.tags.is_empty()).count();
            let got = carry_over(&document(&olds, false), &news, NOW);
            let r = &got.report;
            prop_assert_eq!(r.moved + r.unmatched + r.kept, with_work);
            prop_assert_eq!(r.replaced, olds.len() - with_work);
            prop_assert_eq!(got.claims.len(), news.len() + r.unmatched + r.kept);
            let ids: std::collections::HashSet<&str> = got.claims.iter().map(|c| c.id.as_str()).collect();
            prop_assert_eq!(ids.len(), got.claims.len());
        }
    }
}
