//! schema.org ClaimReview (JSON-LD): a JSON array with one `ClaimReview` per
//! claim and verdict tag (a tag with `verdict: true`), rejected claims left
//! out.
//!
//! Each review has `claimReviewed` (the claim's text), `reviewRating` (a
//! `Rating` whose `alternateName` is the verdict's label), `datePublished`
//! (the claim's last edit, a date) and `itemReviewed`: a `Claim` with its
//! `author` (the claimant; omitted for claims in the article's own voice,
//! whose author the project does not know) and its `appearance` (the article:
//! its address, outlet and date where known, else its name).
//!
//! The author is a schema.org `Person` or `Organization` named by the
//! claimant's resolved name, the two types Google's fact-check markup accepts
//! for a claim's author. A person carries `jobTitle` (the claimant's role) and
//! `affiliation` (an `Organization` with its name), both Person properties in
//! schema.org and read by Google's Fact Check Tools (`claimAuthor.jobTitle`).
//! An organisation or outlet has no job title; its affiliation is its
//! `parentOrganization`. Unnamed sources (`group`: `sejumlah warga`, `seorang
//! pejabat AS`) are people, so a `Person`.
//!
//! The review's `author` is the library's [`Publisher`] (set once in the
//! page's settings and stored with the library) and its `url` the publisher's
//! address with the claim as fragment: Google's fact-check markup needs both,
//! so [`missing`] says what to set when there is no publisher.
//! `claimReviewed` is what the claim states ([`crate::said`]: for reported
//! speech what was said, for a quotation the quoted words), whole: schema.org
//! calls it "a short summary of the specific claims reviewed" and Google's
//! markup "a short summary of the claim being evaluated", with the person who
//! made it in `itemReviewed.author`. Google asks to keep it under 75
//! characters where possible; a claim cut mid-sentence no longer states what
//! was reviewed, so it is not cut. The claim's full sentence is the
//! `itemReviewed`'s `name`.
//!
//! [`read_reviews`] reads the other way, for the fact-check archive: any
//! ClaimReview file (klaim's, a publisher's page markup) into
//! [`FactCheck`] entries.

use serde::Serialize;
use serde_json::Value;

use super::{At, Code, Message, Params};
use crate::model::ClaimantKind;
use crate::project::{FactCheck, Project, Publisher, Status};
use crate::EntityKind;

#[derive(Serialize)]
struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Organization<'a>>,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: String,
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
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    url: &'a str,
}

#[derive(Serialize)]
struct Claim<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    /// The claim's full text.
    name: &'a str,
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
    /// The outlet, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Named<'a>>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
}

pub fn export(project: &Project) -> String {
    let mut reviews = Vec::new();
    for doc in &project.documents {
        // The article as a `CreativeWork`: its address (the document's
        // `url`, or its name when that is one), its outlet and date where
        // known; its name unless that is the address.
        let is_url = doc.name.starts_with("http://") || doc.name.starts_with("https://");
        let url = doc.url.as_deref().filter(|u| !u.is_empty()).or(is_url.then_some(doc.name.as_str()));
        let appearance = || Work {
            kind: "CreativeWork",
            name: (!is_url).then_some(doc.name.as_str()),
            url,
            publisher: doc.outlet.as_deref().filter(|o| !o.is_empty()).map(|name| Named { kind: "Organization", name }),
            date_published: doc.published.as_deref().filter(|d| !d.is_empty()),
        };
        for c in &doc.claims {
            if c.status == Status::Rejected {
                continue;
            }
            let verdicts = project.tags.iter().filter(|t| t.verdict && c.tags.contains(&t.id)).count();
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
                let publisher = project.publisher.as_ref().filter(|p| !p.name.trim().is_empty());
                reviews.push(ClaimReview {
                    context: "https://schema.org",
                    kind: "ClaimReview",
                    // One address per review: a claim given two verdicts
                    // is two reviews, told apart by the verdict.
                    url: publisher.filter(|p| !p.url.is_empty()).map(|p| {
                        if verdicts > 1 {
                            review_url(&p.url, &format!("{}/{}", c.id, tag.id))
                        } else {
                            review_url(&p.url, &c.id)
                        }
                    }),
                    author: publisher.map(|p| Organization { kind: "Organization", name: &p.name, url: &p.url }),
                    claim_reviewed: crate::said::said(&c.claim),
                    review_rating: Rating { kind: "Rating", alternate_name: &tag.label },
                    item_reviewed: Claim { kind: "Claim", name: &c.claim.text, author, appearance: appearance() },
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

/// The reviews of a ClaimReview file as fact-check archive entries: one
/// `ClaimReview` object, an array of them, a JSON-LD `@graph` (as WordPress
/// fact-check plugins publish), nested in any of these, an HTML page whose
/// `<script type="application/ld+json">` blocks hold them, or the claims of
/// Google's Fact Check Tools API ([`api_claim`]). Objects of other
/// types are passed over; a review without `claimReviewed` is skipped and
/// named in the second list. An entry's `id` is a hash of its URL and
/// claim, so importing the same file twice adds nothing.
// The error is a typed message the page words in its language; it is made
// once per file read, so its size does not matter.
#[allow(clippy::result_large_err)]
pub fn read_reviews(input: &str) -> Result<(Vec<FactCheck>, Vec<Message>), Message> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let trimmed = input.trim_start();
    let fail = |code, at: &At, params| Message::new(code, at, params);
    let mut values = Vec::new();
    if trimmed.starts_with('<') {
        for (i, block) in ld_json_blocks(input).into_iter().enumerate() {
            let value: Value = serde_json::from_str(block).map_err(|_| {
                fail(Code::ReviewsNotJson, &At::default(), Params { count: Some(i + 1), ..Params::default() })
            })?;
            values.push(value);
        }
        if values.is_empty() {
            return Err(fail(Code::ReviewsNoMarkup, &At::default(), Params::default()));
        }
    } else {
        values.push(
            serde_json::from_str(input)
                .map_err(|e| fail(Code::ReviewsNotJson, &At::line(e.line()), Params::default()))?,
        );
    }
    let mut reviews = Vec::new();
    let mut skipped = Vec::new();
    for value in &values {
        collect(value, &mut reviews, &mut skipped, 0);
    }
    if reviews.is_empty() && skipped.is_empty() {
        return Err(fail(Code::ReviewsNone, &At::default(), Params::default()));
    }
    Ok((reviews, skipped))
}

/// JSON-LD nests at most a few levels; deeper input is not a review file.
const MAX_DEPTH: usize = 16;

fn collect(value: &Value, out: &mut Vec<FactCheck>, skipped: &mut Vec<Message>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect(v, out, skipped, depth + 1)),
        Value::Object(obj) => {
            if is_type(value, "ClaimReview") {
                match review(value) {
                    Some(r) if !out.iter().any(|x: &FactCheck| x.id == r.id) => out.push(r),
                    Some(_) => {}
                    None => skipped.push(Message::new(
                        Code::ReviewWithoutClaim,
                        &At::default(),
                        Params { source: text(obj.get("url")).map(|u| u.to_string()), ..Params::default() },
                    )),
                }
            } else if obj.contains_key("claimReview") {
                api_claim(value, out);
            } else if let Some(claims) = obj.get("claims") {
                collect(claims, out, skipped, depth + 1);
            } else if let Some(graph) = obj.get("@graph") {
                collect(graph, out, skipped, depth + 1);
            } else if let Some(main) = obj.get("mainEntity") {
                collect(main, out, skipped, depth + 1);
            }
        }
        _ => {}
    }
}

fn review(value: &Value) -> Option<FactCheck> {
    let claim = text(value.get("claimReviewed"))?.trim().to_owned();
    if claim.is_empty() {
        return None;
    }
    let url = text(value.get("url")).map(str::to_owned);
    let rating = first(value.get("reviewRating")).map(rating).unwrap_or_default();
    let item = first(value.get("itemReviewed"));
    let appearance = item
        .and_then(|i| first(i.get("appearance")).or_else(|| first(i.get("firstAppearance"))))
        .and_then(|a| text(a.get("url")).or_else(|| name(a)).or_else(|| text(Some(a))))
        .map(str::to_owned);
    let mut seed = url.clone().unwrap_or_default();
    seed.push('\n');
    seed.push_str(&claim);
    Some(FactCheck {
        id: format!("fc-{}", crate::identity::content_hash(&seed)),
        claim_reviewed: claim,
        rating,
        url,
        author: first(value.get("author")).and_then(name).map(str::to_owned),
        date_published: text(value.get("datePublished")).map(str::to_owned),
        claimant: item.and_then(|i| first(i.get("author"))).and_then(name).map(str::to_owned),
        appearance,
    })
}

/// A claim as Google's Fact Check Tools API gives it (`claims:search`, what
/// its Explorer downloads: `{"claims": [{"text", "claimant", "claimReview":
/// [{"publisher": {"name", "site"}, "url", "textualRating", "reviewDate"}]}]}`):
/// one entry per review, in the API's own words.
fn api_claim(claim: &Value, out: &mut Vec<FactCheck>) {
    let Some(said) = text(claim.get("text")).map(str::trim) else { return };
    let Some(Value::Array(reviews)) = claim.get("claimReview") else { return };
    for r in reviews {
        let url = text(r.get("url")).map(str::to_owned);
        let id = format!("fc-{}", crate::identity::content_hash(&format!("{}\n{said}", url.as_deref().unwrap_or(""))));
        if out.iter().any(|x| x.id == id) {
            continue;
        }
        out.push(FactCheck {
            id,
            claim_reviewed: said.to_owned(),
            rating: text(r.get("textualRating")).unwrap_or_default().trim().to_owned(),
            url,
            author: r.get("publisher").and_then(name).map(str::to_owned),
            date_published: text(r.get("reviewDate")).map(|d| d.get(..10).unwrap_or(d).to_owned()),
            claimant: text(claim.get("claimant")).map(str::to_owned),
            appearance: None,
        });
    }
}

/// The verdict as people read it: `alternateName` (publishers' words), else
/// `name`, else `ratingValue` out of `bestRating`.
fn rating(r: &Value) -> String {
    if let Some(words) = text(r.get("alternateName")).or_else(|| text(r.get("name"))) {
        return words.trim().to_owned();
    }
    let number = |v: Option<&Value>| match v {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    };
    match (number(r.get("ratingValue")), number(r.get("bestRating"))) {
        (Some(v), Some(best)) => format!("{v}/{best}"),
        (Some(v), None) => v,
        _ => String::new(),
    }
}

fn is_type(value: &Value, wanted: &str) -> bool {
    let matches = |t: &Value| t.as_str().is_some_and(|s| s == wanted || s.ends_with(&format!("/{wanted}")));
    match value.get("@type") {
        Some(Value::Array(types)) => types.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

/// An object or the first of an array of them.
fn first(value: Option<&Value>) -> Option<&Value> {
    match value? {
        Value::Array(items) => items.first(),
        v => Some(v),
    }
}

/// A thing's `name` (or a plain string standing for it).
fn name(value: &Value) -> Option<&str> {
    text(value.get("name"))
        .or_else(|| text(value.get("headline")))
        .or_else(|| value.as_str())
        .filter(|s| !s.trim().is_empty())
}

fn text(value: Option<&Value>) -> Option<&str> {
    value?.as_str().filter(|s| !s.trim().is_empty())
}

/// The contents of the page's `<script type="application/ld+json">` blocks.
fn ld_json_blocks(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<script") {
        let open = at + i;
        let Some(close) = lower[open..].find('>').map(|j| open + j + 1) else { break };
        let tag = &lower[open..close];
        let Some(end) = lower[close..].find("</script").map(|j| close + j) else { break };
        if tag.contains("application/ld+json") {
            out.push(&html[close..end]);
        }
        at = end;
    }
    out
}

/// What a ClaimReview export of `project` lacks for Google's fact-check
/// markup, as messages; empty when nothing.
pub fn missing(project: &Project) -> Vec<Message> {
    let mut out = Vec::new();
    // Nothing to export says why first: the file holds `[]`.
    let reviewed = project
        .documents
        .iter()
        .flat_map(|d| &d.claims)
        .any(|c| c.status != Status::Rejected && project.tags.iter().any(|t| t.verdict && c.tags.contains(&t.id)));
    if !reviewed {
        out.push(Message::new(Code::NoVerdicts, &At::default(), Params::default()));
    }
    match &project.publisher {
        Some(Publisher { name, url }) if !name.trim().is_empty() && !url.trim().is_empty() => {}
        _ => out.push(Message::new(Code::PublisherMissing, &At::default(), Params::default())),
    }
    out
}

/// The review's address: the publisher's, with the claim id as fragment.
fn review_url(base: &str, claim: &str) -> String {
    let base = base.split('#').next().unwrap_or(base);
    let mut fragment = String::new();
    for b in claim.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            fragment.push(char::from(b));
        } else {
            fragment.push_str(&format!("%{b:02X}"));
        }
    }
    format!("{base}#klaim-{fragment}")
}
