//! JSON Lines per the extraction contract (`../shared/spec/extraction-output.md`):
//! one object per document, `id`, `claims`, `boilerplate`, `entities`, with the
//! user's decisions added to each claim (its `id`, `origin`, `status`,
//! `tags`, `note`, `edited`) and the document's `name` and `text`, so the file
//! is also valid input for `klaim extract --jsonl`. Offsets are code points.

use serde::Serialize;

use super::Text;
use crate::project::{AnnotatedClaim, Origin, Project, Status};
use crate::report::{BoilerplateRecord, ClaimRecord, EntityRecord};

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    name: &'a str,
    text: &'a str,
    claims: Vec<Claim<'a>>,
    boilerplate: Vec<BoilerplateRecord>,
    entities: &'a [EntityRecord],
}

#[derive(Serialize)]
struct Claim<'a> {
    #[serde(flatten)]
    claim: &'a ClaimRecord,
    id: &'a str,
    origin: Origin,
    status: Status,
    tags: &'a [String],
    note: &'a str,
    edited: &'a str,
}

pub fn export(project: &Project) -> String {
    let mut out = String::new();
    for doc in &project.documents {
        let text = Text::new(&doc.text);
        // The contract requires `text` on boilerplate; the project may omit it.
        let boilerplate = doc
            .boilerplate
            .iter()
            .map(|b| {
                let (start, end, t) = text.clamped(b.start, b.end);
                BoilerplateRecord { start, end, text: t.to_owned(), kind: b.kind }
            })
            .collect();
        let line = Line {
            id: &doc.id,
            name: &doc.name,
            text: &doc.text,
            claims: doc.claims.iter().map(claim).collect(),
            boilerplate,
            entities: &doc.entities,
        };
        out.push_str(&serde_json::to_string(&line).expect("a record always serializes"));
        out.push('\n');
    }
    out
}

fn claim(c: &AnnotatedClaim) -> Claim<'_> {
    Claim {
        claim: &c.claim,
        id: &c.id,
        origin: c.origin,
        status: c.status,
        tags: &c.tags,
        note: &c.note,
        edited: &c.edited,
    }
}
