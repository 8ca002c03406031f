//! schema.org ClaimReview (JSON-LD): a JSON array with one `ClaimReview` per
//! claim and verdict tag (a tag with `verdict: true`), rejected claims left
//! out.
//!
//! Each review has `claimReviewed` (the claim's text), `reviewRating` (a
//! `Rating` whose `alternateName` is the verdict's label), `datePublished`
//! (the claim's last edit, a date) and `itemReviewed`: a `Claim` with its
//! `author` (the claimant; omitted for claims in the article's own voice,
//! whose author the project does not know) and its `appearance` (the article,
//! by name).
//!
//! The author is a schema.org `Person` or `Organization` named by the
//! claimant's resolved name, the two types Google's fact-check markup accepts
//! for a claim's author. A person carries `jobTitle` (the claimant's role) and
//! `affiliation` (an `Organization` with its name), both Person properties in
//! schema.org and read by Google's Fact Check Tools (`claimAuthor.jobTitle`).
//! An organisation or outlet has no job title; its affiliation is its
//! `parentOrganization`. Unnamed sources (`group`: `sejumlah warga`, `seorang
//! pejabat AS`) are people, so a `Person`. The review's own `url` and `author` (the
//! fact-checking organisation) are not in a klaim project: the publisher adds
//! them.

use serde::Serialize;

use crate::model::ClaimantKind;
use crate::project::{Project, Status};
use crate::EntityKind;

#[derive(Serialize)]
struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: &'a str,
    #[serde(rename = "reviewRating")]
    review_rating: Rating<'a>,
    #[serde(rename = "itemReviewed")]
    item_reviewed: Claim<'a>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(rename = "reviewBody", skip_serializing_if = "str::is_empty")]
    review_body: &'a str,
}

#[derive(Serialize)]
struct Rating<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "alternateName")]
    alternate_name: &'a str,
}

#[derive(Serialize)]
struct Claim<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Author<'a>>,
    appearance: Work<'a>,
}

/// The claim's author: the claimant as schema.org describes a person or a
/// body.
#[derive(Serialize)]
struct Author<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "jobTitle", skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<Named<'a>>,
    #[serde(rename = "parentOrganization", skip_serializing_if = "Option::is_none")]
    parent_organization: Option<Named<'a>>,
}

#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Work<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

pub fn export(project: &Project) -> String {
    let mut reviews = Vec::new();
    for doc in &project.documents {
        // The article as a `CreativeWork`: by `url` when its name is one.
        let is_url = doc.name.starts_with("http://") || doc.name.starts_with("https://");
        let appearance = || Work {
            kind: "CreativeWork",
            name: (!is_url).then_some(doc.name.as_str()),
            url: is_url.then_some(doc.name.as_str()),
        };
        for c in &doc.claims {
            if c.status == Status::Rejected {
                continue;
            }
            for tag in project.tags.iter().filter(|t| t.verdict && c.tags.contains(&t.id)) {
                let author = c.claim.claimant.as_ref().map(|who| {
                    let org = match who.kind {
                        Some(kind) => matches!(kind, ClaimantKind::Organisation | ClaimantKind::Outlet),
                        // Without a type, the extractor's entity at the
                        // claimant says person or body (a country speaks as
                        // an organisation); without one, a person (most
                        // claimants are).
                        None => {
                            doc.entities.iter().any(|e| {
                                matches!(e.kind, EntityKind::Organisation | EntityKind::Place)
                                    && e.start < who.end
                                    && who.start < e.end
                            }) && !doc
                                .entities
                                .iter()
                                .any(|e| e.kind == EntityKind::Person && e.start < who.end && who.start < e.end)
                        }
                    };
                    let name = if who.resolved.is_empty() { &who.text } else { &who.resolved };
                    let body = who
                        .affiliation
                        .as_deref()
                        .filter(|a| !a.trim().is_empty())
                        .map(|name| Named { kind: "Organization", name });
                    let role = who.role.as_deref().filter(|r| !r.trim().is_empty());
                    if org {
                        Author {
                            kind: "Organization",
                            name,
                            job_title: None,
                            affiliation: None,
                            parent_organization: body,
                        }
                    } else {
                        Author { kind: "Person", name, job_title: role, affiliation: body, parent_organization: None }
                    }
                });
                reviews.push(ClaimReview {
                    context: "https://schema.org",
                    kind: "ClaimReview",
                    claim_reviewed: &c.claim.text,
                    review_rating: Rating { kind: "Rating", alternate_name: &tag.label },
                    item_reviewed: Claim { kind: "Claim", author, appearance: appearance() },
                    date_published: c.edited.get(..10).filter(|d| d.as_bytes().get(4) == Some(&b'-')),
                    review_body: &c.note,
                });
            }
        }
    }
    let mut out = serde_json::to_string_pretty(&reviews).expect("reviews serialize");
    out.push('\n');
    out
}
