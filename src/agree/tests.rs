//! Agreement statistics against reference values, and the figures of small
//! projects.
//!
//! Reference values were computed once (2026-12-07) by
//! `scripts/agree-reference.py` on the same data: scikit-learn 1.9.1
//! `cohen_kappa_score(a, b)` and krippendorff 0.9.0
//! `alpha(reliability_data=d, level_of_measurement="nominal")`. Where
//! scikit-learn gives `nan` or krippendorff refuses ("There has to be more
//! than one value in the domain", "... at least one unit with values assigned
//! by at least two coders") we give `None`.

use super::stats::{cohen_kappa, krippendorff_alpha};
use super::*;
use crate::project::{default_tags, Annotator, AnnotatorDocument, Document, Origin};
use crate::report::ClaimRecord;

#[track_caller]
fn close(got: Option<f64>, expect: Option<f64>) {
    match (got, expect) {
        (Some(g), Some(e)) => assert!((g - e).abs() < 1e-12, "got {g}, expected {e}"),
        (g, e) => assert_eq!(g, e),
    }
}

#[track_caller]
fn check_kappa(a: &str, b: &str, expect: Option<f64>) {
    let pairs: Vec<(char, char)> = a.chars().zip(b.chars()).collect();
    close(cohen_kappa(&pairs), expect);
}

#[test]
fn cohen_kappa_equals_scikit_learn() {
    check_kappa("qqruqrq", "qrruqqq", Some(0.4999999999999999)); // mixed kinds
    check_kappa("xyx", "xyx", Some(1.0)); // perfect agreement
    check_kappa("xxx", "xxx", None); // one category only: nan
    check_kappa("10", "01", Some(-1.0)); // opposite
    check_kappa("11000100", "10001100", Some(0.4666666666666667)); // a verdict tag present or not
    check_kappa("xx", "yy", Some(0.0)); // each constant, different
    check_kappa("", "", None); // nothing paired
}

/// `rows` is reliability data as krippendorff takes it: one string per
/// annotator, one character per unit, `.` missing.
#[track_caller]
fn check_alpha(rows: &[&str], expect: Option<f64>) {
    let units: Vec<Vec<Option<char>>> =
        (0..rows[0].len()).map(|u| rows.iter().map(|r| r.chars().nth(u).filter(|&c| c != '.')).collect()).collect();
    close(krippendorff_alpha(&units), expect);
}

#[test]
fn krippendorff_alpha_equals_the_krippendorff_package() {
    // Krippendorff (2011), the nominal example: 4 coders, 12 units.
    check_alpha(&["123321412...", "1233224125.3", ".3332342251.", "12332441251."], Some(0.743421052631579));
    check_alpha(&["1212", "1212", "12.2"], Some(1.0)); // perfect agreement
    check_alpha(&["1123.1", "12231.", ".12111"], Some(0.5483870967741935)); // missing values
    check_alpha(&["111", "111", "11."], None); // one category only
    check_alpha(&["1..", ".2.", "..1"], None); // no overlap
}

#[track_caller]
fn check_pairs(a: &[(usize, usize)], b: &[(usize, usize)], expect: &[(usize, usize)], exact: usize) {
    let got = pair_spans(a, b);
    let mut pairs = got.pairs.clone();
    pairs.sort();
    assert_eq!((pairs.as_slice(), got.exact), (expect, exact), "{a:?} / {b:?}");
}

#[test]
fn spans_pair_one_to_one() {
    check_pairs(&[(0, 10), (20, 30)], &[(0, 10), (20, 30)], &[(0, 0), (1, 1)], 2);
    check_pairs(&[(0, 10)], &[(10, 20)], &[], 0); // touching is not overlapping
    check_pairs(&[(0, 10)], &[(5, 20), (2, 8)], &[(0, 1)], 0); // the larger overlap
    check_pairs(&[(0, 10), (0, 10)], &[(0, 10)], &[(0, 0)], 1); // one to one
    check_pairs(&[(0, 30)], &[(0, 10), (12, 30)], &[(0, 1)], 0);
    check_pairs(&[(5, 5)], &[(0, 10)], &[], 0); // an empty span overlaps nothing
                                                // Greedy, not optimal: the long span takes the larger overlap first.
    check_pairs(&[(0, 100), (40, 50)], &[(45, 200), (0, 10)], &[(0, 0)], 0);
}

const TEXT: &str = "Satu dua tiga. Empat lima enam. Tujuh delapan sembilan. Sepuluh sebelas.";

/// A claim over `quote`, written `quote|kind|modality|tag,tag|x` (`x`:
/// rejected).
fn claim(doc: &str, spec: &str) -> AnnotatedClaim {
    let mut parts = spec.split('|');
    let quote = parts.next().unwrap();
    let byte = TEXT.find(quote).unwrap();
    let kind = match parts.next().unwrap_or("q") {
        "r" => Kind::Reported,
        "u" => Kind::Unattributed,
        _ => Kind::Quote,
    };
    let modality = match parts.next().unwrap_or("a") {
        "h" => Modality::Hedged,
        "d" => Modality::Denied,
        _ => Modality::Asserted,
    };
    let tags = parts.next().unwrap_or("").split(',').filter(|t| !t.is_empty()).map(str::to_owned).collect();
    let status = if parts.next() == Some("x") { Status::Rejected } else { Status::Accepted };
    AnnotatedClaim {
        id: format!("{doc}#{byte}"),
        claim: ClaimRecord {
            start: byte,
            end: byte + quote.len(),
            text: quote.into(),
            kind,
            modality,
            claimant: None,
            cue: None,
            via: None,
            quantities: Vec::new(),
        },
        origin: Origin::User,
        status,
        tags,
        note: String::new(),
        edited: "2026-12-07T00:00:00Z".into(),
        changed: Vec::new(),
    }
}

/// A project whose library has `mine` and whose annotators have `others`,
/// all on one document `d`.
fn project(mine: &[&str], others: &[&[&str]]) -> Project {
    let mut p = empty();
    p.documents = vec![Document {
        id: "d".into(),
        name: "D".into(),
        text: TEXT.into(),
        added: String::new(),
        edited: String::new(),
        boilerplate: Vec::new(),
        entities: Vec::new(),
        outlet: None,
        published: None,
        url: None,
        extractor: None,
        claims: mine.iter().map(|s| claim("d", s)).collect(),
    }];
    p.annotators = others
        .iter()
        .enumerate()
        .map(|(i, cs)| Annotator {
            name: format!("A{}", i + 1),
            source: String::new(),
            documents: vec![AnnotatorDocument {
                id: "d".into(),
                hash: crate::content_hash(TEXT),
                their_id: String::new(),
                claims: cs.iter().map(|s| claim("d", s)).collect(),
            }],
        })
        .collect();
    p
}

fn empty() -> Project {
    let mut p: Project =
        serde_json::from_str(r#"{"format": "klaim-project", "version": 1, "tags": [], "documents": []}"#)
            .expect("an empty project");
    p.tags = default_tags();
    p
}

/// The total figures of library vs A1 as one line:
/// `claims a/b exact m f1 overlap m f1 kind n/agree k modality ... salah ...`.
fn line(p: &Project) -> String {
    let agreement = agreement(p);
    let f = &agreement.pairs[0].total;
    let num = |x: Option<f64>| x.map_or("-".to_owned(), |v| format!("{v:.3}"));
    let k = |k: &Kappa| format!("{}/{} {}", k.agree, k.n, num(k.kappa));
    let salah = f.verdicts.iter().find(|v| v.tag == "salah").unwrap();
    format!(
        "claims {}/{} exact {} {} overlap {} {} kind {} modality {} salah {}",
        f.a_claims,
        f.b_claims,
        f.exact.matched,
        num(f.exact.f1),
        f.overlap.matched,
        num(f.overlap.f1),
        k(&f.kind),
        k(&f.modality),
        k(&salah.kappa)
    )
}

#[track_caller]
fn check(mine: &[&str], theirs: &[&str], expect: &str) {
    assert_eq!(line(&project(mine, &[theirs])), expect);
}

#[test]
fn pair_figures() {
    // Perfect agreement: kappa undefined where one value only is in play.
    check(
        &["Satu dua tiga.|q|a|salah", "Empat lima enam.|r|h"],
        &["Satu dua tiga.|q|a|salah", "Empat lima enam.|r|h"],
        "claims 2/2 exact 2 1.000 overlap 2 1.000 kind 2/2 1.000 modality 2/2 1.000 salah 2/2 1.000",
    );
    // No overlap at all.
    check(
        &["Satu dua tiga."],
        &["Empat lima enam.", "Sepuluh sebelas."],
        "claims 1/2 exact 0 0.000 overlap 0 0.000 kind 0/0 - modality 0/0 - salah 0/0 -",
    );
    // One category only: everything quote and asserted.
    check(
        &["Satu dua tiga.", "Empat lima"],
        &["Satu dua", "Empat lima enam."],
        "claims 2/2 exact 0 0.000 overlap 2 1.000 kind 2/2 - modality 2/2 - salah 2/2 -",
    );
    // One kind disagreement out of three pairs (q/q, r/q, u/u: p_o 2/3,
    // p_e 1/3), one span unmatched.
    check(
        &["Satu dua tiga.|q", "Empat lima enam.|r|a|salah", "Tujuh delapan|u", "Sepuluh sebelas.|q"],
        &["Satu dua tiga.|q", "lima enam.|q|a|salah", "delapan sembilan.|u"],
        "claims 4/3 exact 1 0.286 overlap 3 0.857 kind 2/3 0.500 modality 3/3 - salah 3/3 1.000",
    );
    // Rejected claims are not claims.
    let mut p = project(&["Satu dua tiga."], &[&["Satu dua tiga."]]);
    p.documents[0].claims[0].status = Status::Rejected;
    assert!(line(&p).starts_with("claims 0/1 exact 0 0.000"), "{}", line(&p));
}

#[test]
fn documents_not_shared_are_not_compared() {
    let mut p = project(&["Satu dua tiga."], &[&["Satu dua tiga."]]);
    p.annotators[0].documents[0].id = "elsewhere".into();
    assert!(agreement(&p).pairs.is_empty());
}

#[test]
fn alpha_with_three_annotators() {
    let p = project(
        &["Satu dua tiga.|q", "Empat lima enam.|r"],
        &[&["Satu dua tiga.|q", "Empat lima enam.|q"], &["Satu dua|q", "Tujuh delapan sembilan.|u"]],
    );
    let a = agreement(&p);
    assert_eq!(a.annotators, ["library", "A1", "A2"]);
    assert_eq!(a.pairs.len(), 3);
    let alpha = a.alpha.expect("three annotators");
    // Units: "Satu dua tiga." (q,q,q), "Empat lima enam." (r,q,-), "Tujuh..." (-,-,u).
    assert_eq!(alpha.units, 3);
    // Kind: only units 1 and 2 have two values: same data as reference
    // ["qr", "qq", "q."] -> kappa-like alpha computed by hand below.
    close(
        alpha.kind.alpha,
        krippendorff_alpha(&[vec![Some('q'), Some('q'), Some('q')], vec![Some('r'), Some('q'), None]]),
    );
    assert_eq!(alpha.kind.values, 5);
    // Spans: present in every annotator for unit 1, 2 of 3 for unit 2, 1 of 3 for unit 3.
    assert_eq!(alpha.spans.values, 9);
}

/// Curation items of the library `mine` against one annotator's `theirs`,
/// one per item as `start-end differing,fields` (`same` when none).
fn check_curate(mine: &[&str], theirs: &[&str], expect: &str) {
    let items = curate::items(&project(mine, &[theirs]), "A1");
    let got: Vec<String> = items
        .iter()
        .map(|i| format!("{}-{} {}", i.start, i.end, if i.same { "same".into() } else { i.differs.join(",") }))
        .collect();
    assert_eq!(got.join("; "), expect, "{mine:?} / {theirs:?}");
}

#[test]
fn curation_names_what_differs_and_keeps_rejections() {
    check_curate(&["Satu dua tiga."], &["Satu dua tiga."], "0-14 same");
    check_curate(&["Satu dua tiga.|r"], &["Satu dua tiga.|q|h"], "0-14 kind,modality");
    check_curate(&["Satu dua tiga.|q|a|benar"], &["Satu dua tiga.|q|a|salah"], "0-14 tags");
    // A colleague's rejection is a side to take, not "no claim".
    check_curate(&["Satu dua tiga."], &["Satu dua tiga.|q|a||x"], "0-14 status");
    check_curate(&["Satu dua tiga.|q|a||x"], &["Satu dua tiga."], "0-14 status");
    // Rejected or absent on both sides: nothing to decide.
    check_curate(&["Satu dua tiga.|q|a||x"], &["Satu dua tiga.|q|a||x"], "");
    check_curate(&["Satu dua tiga.|q|a||x"], &[], "");
    check_curate(&["Satu dua tiga."], &[], "0-14 span");
    check_curate(&["Satu dua"], &["Satu dua tiga."], "0-14 span");
}
