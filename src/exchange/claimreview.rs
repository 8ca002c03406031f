//! schema.org ClaimReview (JSON-LD): a JSON array with one `ClaimReview` per
//! claim and verdict tag (a tag with `verdict: true`), rejected claims left
//! out.
//!
//! Each review has `claimReviewed` (the claim's text), `reviewRating` (a
//! `Rating` whose `alternateName` is the verdict's label), `datePublished`
//! (the claim's last edit, a date) and `itemReviewed`: a `Claim` with its
//! `author` (the claimant's resolved name; omitted for claims in the article's
//! own voice, whose author the project does not know; a `Person` unless the
//! extractor marked the claimant as an organisation) and its `appearance`
//! (the article, by name). The review's own `url` and `author` (the
//! fact-checking organisation) are not in a klaim project: the publisher adds
//! them.

use serde_json::{json, Value};

use crate::project::{Project, Status};
use crate::EntityKind;

pub fn export(project: &Project) -> String {
    let mut reviews = Vec::new();
    for doc in &project.documents {
        for c in &doc.claims {
            if c.status == Status::Rejected {
                continue;
            }
            for tag in project
                .tags
                .iter()
                .filter(|t| t.verdict && c.tags.contains(&t.id))
            {
                let mut item = json!({
                    "@type": "Claim",
                    "appearance": appearance(&doc.name),
                });
                if let Some(who) = &c.claim.claimant {
                    let name = if who.resolved.is_empty() {
                        &who.text
                    } else {
                        &who.resolved
                    };
                    // The extractor's entity at the claimant says person or
                    // organisation; without one, a person (most claimants are).
                    let org = doc.entities.iter().any(|e| {
                        e.kind == EntityKind::Organisation && e.start < who.end && who.start < e.end
                    });
                    let kind = if org { "Organization" } else { "Person" };
                    item["author"] = json!({"@type": kind, "name": name});
                }
                let mut review = json!({
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "claimReviewed": c.claim.text,
                    "reviewRating": {"@type": "Rating", "alternateName": tag.label},
                    "itemReviewed": item,
                });
                if let Some(date) = c
                    .edited
                    .get(..10)
                    .filter(|d| d.as_bytes().get(4) == Some(&b'-'))
                {
                    review["datePublished"] = json!(date);
                }
                if !c.note.is_empty() {
                    review["reviewBody"] = json!(c.note);
                }
                reviews.push(review);
            }
        }
    }
    let mut out = serde_json::to_string_pretty(&reviews).expect("JSON values serialize");
    out.push('\n');
    out
}

/// The article as a `CreativeWork`: with a `url` when its name is one.
fn appearance(name: &str) -> Value {
    if name.starts_with("http://") || name.starts_with("https://") {
        json!({"@type": "CreativeWork", "url": name})
    } else {
        json!({"@type": "CreativeWork", "name": name})
    }
}
