//! Which claims of a document have the same claimant (`link::same_claimant`):
//! what an edit of a claimant's role, affiliation or type applies to in the
//! page. One line per case: the document's claimants as `resolved|type`
//! (`-` for a claim without one, `mention>resolved` where the mention
//! differs), the claim edited, the claims the edit reaches.
//! Names are invented.

use klaim::link::{same_claimant, ClaimantName};

#[track_caller]
fn check(claimants: &[&str], at: usize, expected: &[usize]) {
    let parsed: Vec<Option<ClaimantName>> = claimants
        .iter()
        .map(|c| {
            (*c != "-").then(|| {
                let (name, kind) = c.split_once('|').map_or((*c, None), |(n, k)| (n, Some(k.to_owned())));
                let (text, resolved) = name.split_once('>').unwrap_or((name, name));
                ClaimantName { text: text.to_owned(), resolved: resolved.to_owned(), kind }
            })
        })
        .collect();
    assert_eq!(same_claimant(&parsed, at), expected, "{claimants:?} at {at}");
}

#[test]
fn a_person_s_claims_in_the_document() {
    // Her first claim, her quotation, the `Ia` claim after it; another person between.
    check(
        &[
            "Maria Goreti Ndolu|person",
            "Budi Hartono|person",
            "Ia>Maria Goreti Ndolu|person",
            "Maria Goreti Ndolu|person",
        ],
        0,
        &[0, 2, 3],
    );
    check(&["Maria Goreti Ndolu|person", "Budi Hartono|person", "Ia>Maria Goreti Ndolu|person"], 2, &[0, 2]);
    check(&["Maria Goreti Ndolu|person", "Budi Hartono|person"], 1, &[1]);
}

#[test]
fn spellings_of_one_name_are_one_person() {
    check(&["Moh. Rizal Effendi|person", "Muhammad Rizal Effendi|person", "Rizal Effendi|person"], 0, &[0, 1]);
    check(&["Yoon Suk-yeol|person", "Yoon Suk Yeol|person"], 1, &[0, 1]);
}

#[test]
fn a_body_and_an_office_by_their_words() {
    check(
        &[
            "Badan Penanggulangan Bencana Daerah|organisation",
            "Badan Penanggulangan Bencana Daerah|organisation",
            "Polres Sigi|organisation",
        ],
        0,
        &[0, 1],
    );
    check(&["Kapolres Sigi|person", "Kapolres Sigi|person", "Kapolres Poso|person"], 1, &[0, 1]);
}

#[test]
fn an_unnamed_or_composite_source_is_only_itself() {
    check(&["mereka|group", "mereka|group"], 0, &[0]);
    check(&["Korea Utara dan Rusia|organisation", "Korea Utara dan Rusia|organisation"], 1, &[1]);
    check(&["-", "-", "Budi Hartono|person"], 0, &[0]);
}

#[test]
fn an_empty_resolved_name_reads_the_mention_and_out_of_range_is_nothing() {
    check(&["Budi Hartono>|person", "Budi Hartono|person"], 0, &[0, 1]);
    check(&["Budi Hartono|person"], 3, &[]);
}
