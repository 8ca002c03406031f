//! Re-extraction that keeps the user's work (issue 9, part 6).
//!
//! When the extractor improves ([`crate::EXTRACTOR_VERSION`]), a document's
//! claims are extracted again. [`carry_over`] puts every user decision of the
//! old claims on the new ones: status, tags, note and the fields the user
//! edited ([`AnnotatedClaim::changed`]) move to the new claim at the same
//! stretch of text; a claim the user added moves onto an extracted claim at
//! the same span. What finds no match stays, as a user claim, so nothing the
//! user did is lost. Claims nobody touched are simply replaced; one found
//! again at the same span keeps its id, and no other claim ever takes the id
//! of a replaced one (a link correction or an adjudication record may name it).
//!
//! Matching is by span in code points, in this order: the same span; a claim
//! split in two (each new part mostly inside the old claim: every part gets
//! the decisions); the same stretch with moved edges (the overlap covers most
//! of both); an old claim now inside a longer new one. A claim whose `text`
//! no longer sits at its offsets is first re-anchored where the text occurs
//! nearest. Each document is one sweep over claims sorted by start, so the
//! cost grows with the claims, not their pairs.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::offsets::{OffsetMap, Unit};
use crate::project::{AnnotatedClaim, Document, Origin, Status};
use crate::report::ClaimRecord;

/// The claim fields a user can edit, as named in [`AnnotatedClaim::changed`]:
/// `span` stands for `start`, `end` and `text`.
pub const FIELDS: [&str; 7] = ["span", "kind", "modality", "claimant", "cue", "via", "quantities"];

/// What re-extraction did to one document, or summed over a library.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Old claims carrying the user's work whose work now sits on new
    /// extracted claims.
    pub moved: usize,
    /// Old extracted claims carrying the user's work that no new claim
    /// matches: kept as they were, as user claims.
    pub unmatched: usize,
    /// The user's own claims (added by hand, imported) no new claim matches:
    /// kept as they were.
    pub kept: usize,
    /// Old extracted claims nobody touched, replaced by the new extraction.
    pub replaced: usize,
    /// Claims in the new extraction.
    pub extracted: usize,
    /// Ids of the unmatched claims, for the page to point at.
    pub unmatched_claims: Vec<String>,
}

impl Report {
    /// Adds another document's report to this one.
    pub fn add(&mut self, other: &Report) {
        self.moved += other.moved;
        self.unmatched += other.unmatched;
        self.kept += other.kept;
        self.replaced += other.replaced;
        self.extracted += other.extracted;
        self.unmatched_claims.extend(other.unmatched_claims.iter().cloned());
    }
}

/// The new claims of a document and what became of the old ones.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Carried {
    /// Sorted by start, then end.
    pub claims: Vec<AnnotatedClaim>,
    pub report: Report,
}

/// The claims of `doc` after re-extraction: `new` (the new extraction's
/// claims, code points) with the user's work on `doc.claims` carried over.
/// `now` (RFC 3339) stamps the new claims nobody has touched yet.
pub fn carry_over(doc: &Document, new: &[ClaimRecord], now: &str) -> Carried {
    let map = OffsetMap::new(&doc.text);
    let mut report = Report { extracted: new.len(), ..Report::default() };
    // Every old id stays reserved: a link correction or an adjudication
    // record may name a replaced claim, and must never come to name another.
    let mut taken: HashSet<String> = doc.claims.iter().map(|c| c.id.clone()).collect();
    // Untouched claims by span: one found again at the same span is the
    // same claim and keeps its id.
    let mut same: HashMap<(usize, usize), &str> = HashMap::new();
    // The old claims that hold the user's work, with the span to match by.
    let mut olds = Vec::new();
    for (i, c) in doc.claims.iter().enumerate() {
        if c.origin == Origin::Extracted && !touched(doc, c) {
            report.replaced += 1;
            same.insert((c.claim.start, c.claim.end), &c.id);
        } else {
            let (start, end) = anchor(&doc.text, &map, &c.claim);
            olds.push(Old { index: i, start, end });
        }
    }
    let matches = assign(doc, &olds, new);

    let mut claims = Vec::with_capacity(new.len() + olds.len());
    // New claims that received someone's work, by new index.
    let mut heir: Vec<Option<(usize, bool)>> = vec![None; new.len()];
    for (o, parts) in matches.iter().enumerate() {
        for (k, &n) in parts.iter().enumerate() {
            heir[n] = Some((olds[o].index, k == 0));
        }
    }
    for (o, parts) in matches.iter().enumerate() {
        let old = &doc.claims[olds[o].index];
        if !parts.is_empty() {
            report.moved += 1;
        } else if old.origin == Origin::Extracted {
            report.unmatched += 1;
            report.unmatched_claims.push(old.id.clone());
            claims.push(AnnotatedClaim { origin: Origin::User, ..old.clone() });
        } else {
            report.kept += 1;
            claims.push(old.clone());
        }
    }
    for (n, record) in new.iter().enumerate() {
        match heir[n] {
            Some((o, first)) => {
                let old = &doc.claims[o];
                let id = if first { old.id.clone() } else { fresh_id(&doc.id, n, &mut taken) };
                claims.push(inherit(doc, old, record, id));
            }
            None => claims.push(AnnotatedClaim {
                id: match same.remove(&(record.start, record.end)) {
                    Some(id) => id.to_owned(),
                    None => fresh_id(&doc.id, n, &mut taken),
                },
                claim: record.clone(),
                origin: Origin::Extracted,
                status: Status::Pending,
                tags: Vec::new(),
                note: String::new(),
                edited: now.to_owned(),
                changed: Vec::new(),
            }),
        }
    }
    claims.sort_by(|a, b| (a.claim.start, a.claim.end, &a.id).cmp(&(b.claim.start, b.claim.end, &b.id)));
    Carried { claims, report }
}

/// Whether the user did anything to extracted claim `c`: a decision, a tag,
/// a note or an edit. Documents extracted before versions were recorded
/// (`extractor` absent) kept no list of edited fields: there a claim changed
/// after its document was added counts as edited, all fields.
pub fn touched(doc: &Document, c: &AnnotatedClaim) -> bool {
    c.status != Status::Pending
        || !c.tags.is_empty()
        || !c.note.is_empty()
        || !c.changed.is_empty()
        || legacy_edit(doc, c)
}

// Internals.

struct Old {
    /// Index in `doc.claims`.
    index: usize,
    start: usize,
    end: usize,
}

fn legacy_edit(doc: &Document, c: &AnnotatedClaim) -> bool {
    doc.extractor.is_none() && c.origin == Origin::Extracted && c.changed.is_empty() && c.edited != doc.added
}

/// The span to match `c` by: its own, unless its text no longer sits there;
/// then the occurrence of its text nearest to it.
fn anchor(text: &str, map: &OffsetMap, c: &ClaimRecord) -> (usize, usize) {
    let (s, e) = (map.convert(c.start, Unit::CodePoint, Unit::Byte), map.convert(c.end, Unit::CodePoint, Unit::Byte));
    if c.text.is_empty() || text.get(s..e) == Some(c.text.as_str()) {
        return (c.start, c.end);
    }
    let nearest = text.match_indices(c.text.as_str()).map(|(at, _)| at).min_by_key(|&at| at.abs_diff(s));
    match nearest {
        Some(at) => {
            (map.convert(at, Unit::Byte, Unit::CodePoint), map.convert(at + c.text.len(), Unit::Byte, Unit::CodePoint))
        }
        None => (c.start, c.end),
    }
}

/// For each old claim, the new claims (indexes into `new`) that take its
/// work: none, one, or the parts of a split. A new claim takes the work of
/// at most one old claim.
fn assign(doc: &Document, olds: &[Old], new: &[ClaimRecord]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..new.len()).collect();
    order.sort_by_key(|&n| (new[n].start, new[n].end));
    let longest = new.iter().map(|c| c.end.saturating_sub(c.start)).max().unwrap_or(0);

    // Candidate pairs: (tier, -score as per mille, old, new). Tier 0: same
    // span; 1: split parts; 2: same stretch, edges moved; 3: old inside new.
    let mut pairs: Vec<(u8, i64, usize, usize)> = Vec::new();
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); olds.len()];
    for (o, old) in olds.iter().enumerate() {
        let own = doc.claims[old.index].origin != Origin::Extracted;
        let hi = order.partition_point(|&n| new[n].start < old.end);
        for &n in order[..hi].iter().rev() {
            let (s, e) = (new[n].start, new[n].end);
            if s + longest <= old.start {
                break;
            }
            let overlap = old.end.min(e).saturating_sub(old.start.max(s));
            if overlap == 0 {
                continue;
            }
            let (lo, ln) = (old.end.saturating_sub(old.start), e.saturating_sub(s));
            let score = (overlap * 1000 / lo.max(ln)) as i64;
            if (s, e) == (old.start, old.end) {
                pairs.push((0, -1000, o, n));
            } else if own {
                // A claim the user marked moves only onto the same stretch.
                if score >= 800 {
                    pairs.push((2, -score, o, n));
                }
            } else {
                if overlap * 2 >= ln && ln < lo {
                    parts[o].push(n);
                }
                if overlap * 2 > lo.max(ln) {
                    pairs.push((2, -score, o, n));
                } else if overlap * 2 >= lo {
                    pairs.push((3, -score, o, n));
                }
            }
        }
    }
    for (o, p) in parts.iter().enumerate() {
        if p.len() >= 2 {
            for &n in p {
                pairs.push((1, 0, o, n));
            }
        }
    }
    pairs.sort_unstable_by_key(|&(tier, score, o, n)| (tier, score, olds[o].start, new[n].start, o, n));

    let mut result: Vec<Vec<usize>> = vec![Vec::new(); olds.len()];
    let mut split: Vec<bool> = vec![false; olds.len()];
    let mut free = vec![true; new.len()];
    for (tier, _, o, n) in pairs {
        if !free[n] {
            continue;
        }
        let open = if tier == 1 { result[o].is_empty() || split[o] } else { result[o].is_empty() };
        if open {
            split[o] = tier == 1;
            result[o].push(n);
            free[n] = false;
        }
    }
    for r in &mut result {
        r.sort_by_key(|&n| (new[n].start, new[n].end));
    }
    result
}

/// New claim `record` with the work of `old`: its decision, tags and note,
/// and the fields the user edited.
fn inherit(doc: &Document, old: &AnnotatedClaim, record: &ClaimRecord, id: String) -> AnnotatedClaim {
    let mut claim = record.clone();
    let mut changed = old.changed.clone();
    if legacy_edit(doc, old) {
        // Which fields were edited is not known: keep every one that differs.
        changed = FIELDS.iter().filter(|f| !same_field(f, &old.claim, record)).map(|f| f.to_string()).collect();
    }
    if old.origin != Origin::Extracted
        && (old.claim.start, old.claim.end) != (record.start, record.end)
        && !changed.iter().any(|f| f == "span")
    {
        // The user chose this span when marking the claim.
        changed.insert(0, "span".to_owned());
    }
    for field in &changed {
        copy_field(field, &old.claim, &mut claim);
    }
    AnnotatedClaim {
        id,
        claim,
        origin: Origin::Extracted,
        status: old.status,
        tags: old.tags.clone(),
        note: old.note.clone(),
        edited: old.edited.clone(),
        changed,
    }
}

fn copy_field(field: &str, from: &ClaimRecord, to: &mut ClaimRecord) {
    match field {
        "span" => {
            to.start = from.start;
            to.end = from.end;
            to.text = from.text.clone();
        }
        "kind" => to.kind = from.kind,
        "modality" => to.modality = from.modality,
        "claimant" => to.claimant = from.claimant.clone(),
        "cue" => to.cue = from.cue.clone(),
        "via" => to.via = from.via.clone(),
        "quantities" => to.quantities = from.quantities.clone(),
        _ => {}
    }
}

fn same_field(field: &str, a: &ClaimRecord, b: &ClaimRecord) -> bool {
    let mut copy = b.clone();
    copy_field(field, a, &mut copy);
    &copy == b
}

/// `doc#n`, or with a suffix when that id is taken (by any old claim or a
/// new one).
fn fresh_id(doc: &str, n: usize, taken: &mut HashSet<String>) -> String {
    let mut id = format!("{doc}#{n}");
    let mut k = 2;
    while taken.contains(&id) {
        id = format!("{doc}#{n}-{k}");
        k += 1;
    }
    taken.insert(id.clone());
    id
}
