//! The klaim project file: lossless export, strict import, and merging two
//! libraries.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::{error_at, whole, At, Code, ImportError, Message, Params, Report, Text};
use crate::corrections;
use crate::project::{Annotator, AnnotatorDocument, Document, Project, FORMAT, VERSION};

/// The project as pretty JSON with a final newline. Reading it back with
/// [`parse_project`] gives an equal project, so export, import, export gives
/// the same bytes. Grouping corrections naming claims the user has since
/// deleted lose those names (the page keeps them, for an undo).
pub fn export(project: &Project) -> String {
    let ids: HashSet<&str> = claim_ids(project);
    let links = corrections::prune(&project.links, |id| ids.contains(id));
    let out = if links == project.links { None } else { Some(Project { links, ..project.clone() }) };
    let mut out = serde_json::to_string_pretty(out.as_ref().unwrap_or(project)).expect("a project always serializes");
    out.push('\n');
    out
}

/// Reads a klaim project file and [`validate`]s it.
pub fn parse_project(input: &str) -> Result<Project, ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    // Check what the file says it is before its shape, so that a foreign file
    // is called foreign rather than "missing field `tags`".
    let value: serde_json::Value = serde_json::from_str(input)
        .map_err(|e| error_at(format!("line {}", e.line()), format!("not valid JSON: {e}")))?;
    let Some(obj) = value.as_object() else {
        return Err(whole("not a klaim project: the file is not a JSON object"));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(error_at("format", format!("not a klaim project: format is `{other}`"))),
        None => return Err(error_at("format", "not a klaim project: no `format` field")),
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(error_at(
                "version",
                format!("version {v} was written by a newer klaim; this one reads version {VERSION}"),
            ))
        }
        Some(v) => return Err(error_at("version", format!("unknown version {v}"))),
        None => return Err(error_at("version", "missing or not a number")),
    }
    let project: Project =
        serde_json::from_str(input).map_err(|e| error_at(format!("line {}", e.line()), strip_position(&e)))?;
    validate(&project)?;
    Ok(project)
}

/// Checks what serde cannot: unique ids, tags that exist, and every span inside
/// its document with a `text` equal to its slice (code points).
pub fn validate(project: &Project) -> Result<(), ImportError> {
    let mut tag_ids = HashSet::new();
    for (i, tag) in project.tags.iter().enumerate() {
        if !tag_ids.insert(tag.id.as_str()) {
            return Err(error_at(format!("tags[{i}]"), format!("tag id `{}` appears twice", tag.id)));
        }
    }
    let mut doc_ids = HashSet::new();
    for (d, doc) in project.documents.iter().enumerate() {
        let at = |rest: &str| format!("documents[{d}] (`{}`){rest}", doc.id);
        if !doc_ids.insert(doc.id.as_str()) {
            return Err(error_at(at(""), "document id appears twice"));
        }
        let text = Text::new(&doc.text);
        let span = |field: String, start: usize, end: usize, quoted: &str| -> Result<(), ImportError> {
            match text.slice(start, end) {
                None => Err(error_at(
                    at(&field),
                    format!("offsets {start}..{end} are outside the text ({} code points)", text.len()),
                )),
                Some(s) if s != quoted => Err(error_at(
                    at(&field),
                    format!("text {quoted:?} does not match the document at {start}..{end} ({s:?})"),
                )),
                Some(_) => Ok(()),
            }
        };
        for (i, b) in doc.boilerplate.iter().enumerate() {
            // Boilerplate `text` is optional in the contract: check it when given.
            if b.text.is_empty() {
                span(format!(".boilerplate[{i}]"), b.start, b.end, text.slice(b.start, b.end).unwrap_or(""))?;
            } else {
                span(format!(".boilerplate[{i}]"), b.start, b.end, &b.text)?;
            }
        }
        for (i, e) in doc.entities.iter().enumerate() {
            span(format!(".entities[{i}]"), e.start, e.end, &e.text)?;
        }
        let mut claim_ids = HashSet::new();
        for (i, c) in doc.claims.iter().enumerate() {
            let f = |rest: &str| format!(".claims[{i}]{rest}");
            if !claim_ids.insert(c.id.as_str()) {
                return Err(error_at(at(&f("")), format!("claim id `{}` appears twice", c.id)));
            }
            let r = &c.claim;
            span(f(""), r.start, r.end, &r.text)?;
            if let Some(x) = &r.claimant {
                span(f(".claimant"), x.start, x.end, &x.text)?;
            }
            if let Some(x) = &r.cue {
                span(f(".cue"), x.start, x.end, &x.text)?;
            }
            if let Some(x) = &r.via {
                span(f(".via"), x.start, x.end, &x.text)?;
            }
            for (q, x) in r.quantities.iter().enumerate() {
                span(f(&format!(".quantities[{q}]")), x.start, x.end, &x.text)?;
            }
            for tag in &c.tags {
                if !tag_ids.contains(tag.as_str()) {
                    return Err(error_at(at(&f(".tags")), format!("tag `{tag}` is not in the project's tag set")));
                }
            }
        }
    }
    let ids = claim_ids(project);
    for (i, c) in project.links.iter().enumerate() {
        if let Some(why) = corrections::problem(c, |id| ids.contains(id)) {
            return Err(error_at(format!("links[{i}]"), why));
        }
    }
    let mut check_ids = HashSet::new();
    for (i, f) in project.factchecks.iter().enumerate() {
        if !check_ids.insert(f.id.as_str()) {
            return Err(error_at(format!("factchecks[{i}]"), format!("fact-check id `{}` appears twice", f.id)));
        }
        if f.claim_reviewed.trim().is_empty() {
            return Err(error_at(format!("factchecks[{i}]"), "`claim_reviewed` is empty"));
        }
    }
    // Relations are not checked against the claims: the page deletes a
    // claim without touching them, and a file must import as it exported.
    // Other annotators' claims: on documents of the library, inside their text.
    let mut names = HashSet::new();
    for (a, annotator) in project.annotators.iter().enumerate() {
        if !names.insert(annotator.name.as_str()) {
            return Err(error_at(format!("annotators[{a}]"), format!("annotator `{}` appears twice", annotator.name)));
        }
        for (d, doc) in annotator.documents.iter().enumerate() {
            let at = format!("annotators[{a}].documents[{d}]");
            let Some(mine) = project.documents.iter().find(|x| x.id == doc.id) else {
                return Err(error_at(at, format!("document `{}` is not in the library", doc.id)));
            };
            let text = Text::new(&mine.text);
            for (i, c) in doc.claims.iter().enumerate() {
                if text.slice(c.claim.start, c.claim.end) != Some(c.claim.text.as_str()) {
                    return Err(error_at(
                        format!("{at}.claims[{i}]"),
                        format!(
                            "text {:?} does not match the document at {}..{}",
                            c.claim.text, c.claim.start, c.claim.end
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Every claim id in the project.
fn claim_ids(project: &Project) -> HashSet<&str> {
    project.documents.iter().flat_map(|d| &d.claims).map(|c| c.id.as_str()).collect()
}

/// What [`merge`] did, for the message the user sees.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct MergeSummary {
    pub documents_added: usize,
    pub documents_updated: usize,
    pub claims_added: usize,
    pub claims_updated: usize,
    pub tags_added: usize,
    /// Grouping corrections and archived fact-checks the library lacked.
    pub links_added: usize,
    pub factchecks_added: usize,
    /// Incoming documents whose id was taken by a different text in the
    /// library: `(old id, new id)`. Both are kept.
    pub renamed: Vec<(String, String)>,
    /// Incoming documents found in the library under another id by their
    /// content (`klaim::content_hash`): `(their id, library id)`. Merged.
    pub matched: Vec<(String, String)>,
    /// Annotators added or updated (their work kept apart, issue 10).
    pub annotators: Vec<String>,
}

/// `incoming` merged into `base`, by document and claim id.
///
/// - Tags: the base set, then incoming tags with new ids.
/// - A document only on one side is kept. A document on both sides with the
///   same text is merged: name, boilerplate and entities from the side edited
///   later; claims by id, the later `edited` winning (a tie keeps the base).
/// - A document on both sides with different texts is not the same document
///   (texts are never edited): the incoming one is added under a new id
///   (`<id>-2`), its claim ids `<id>#...` renamed with it.
///
/// An untouched side never replaces an edited one, whatever the times: a
/// fresh library seeds its samples at first open, later than the edits a
/// user made to the same samples elsewhere. A document is untouched while
/// `edited == added`, a claim while its `edited` is its document's `added`.
///
/// - Grouping corrections: the base's, then incoming ones it lacks (claims of
///   renamed documents keep their old ids there: they no longer match).
/// - Fact-checks: the base archive, then incoming reviews with new ids.
///
/// Nothing in `base` is lost except what a later edit of the same claim
/// replaced.
pub fn merge(base: &Project, incoming: &Project) -> (Project, MergeSummary) {
    let mut out = base.clone();
    let mut summary = MergeSummary::default();
    for link in &incoming.links {
        if !out.links.contains(link) {
            out.links.push(link.clone());
            summary.links_added += 1;
        }
    }
    for check in &incoming.factchecks {
        if !out.factchecks.iter().any(|f| f.id == check.id) {
            out.factchecks.push(check.clone());
            summary.factchecks_added += 1;
        }
    }
    // Incoming document id -> the id it has in the result.
    let mut ids: HashMap<String, String> = HashMap::new();
    // Incoming claim id -> its id in the result, where it changed.
    let mut claim_ids: HashMap<String, String> = HashMap::new();
    // Only the base's documents: two copies in one file are not merged here.
    let mut by_hash: HashMap<String, usize> = HashMap::new();
    for (i, d) in out.documents.iter().enumerate() {
        by_hash.entry(crate::content_hash(&d.text)).or_insert(i);
    }
    for tag in &incoming.tags {
        if !out.tags.iter().any(|t| t.id == tag.id) {
            out.tags.push(tag.clone());
            summary.tags_added += 1;
        }
    }
    for doc in &incoming.documents {
        let same_id = out.documents.iter().position(|d| d.id == doc.id);
        let same_content = || {
            let i = *by_hash.get(&crate::content_hash(&doc.text))?;
            // Only the same text: offsets are kept as they are.
            (out.documents[i].text == doc.text).then_some(i)
        };
        if same_id.is_none_or(|i| out.documents[i].text != doc.text) {
            if let Some(i) = same_content() {
                let mine = &mut out.documents[i];
                let mut theirs = doc.clone();
                theirs.id.clone_from(&mine.id);
                for c in &mut theirs.claims {
                    let new = match c.id.strip_prefix(&format!("{}#", doc.id)) {
                        Some(rest) => format!("{}#{rest}", mine.id),
                        None => format!("{}#{}", mine.id, c.id),
                    };
                    claim_ids.insert(std::mem::replace(&mut c.id, new.clone()), new);
                }
                summary.matched.push((doc.id.clone(), mine.id.clone()));
                ids.insert(doc.id.clone(), mine.id.clone());
                if merge_document(mine, &theirs, &mut summary) {
                    summary.documents_updated += 1;
                }
                continue;
            }
        }
        ids.insert(doc.id.clone(), doc.id.clone());
        match out.documents.iter_mut().find(|d| d.id == doc.id) {
            None => {
                summary.documents_added += 1;
                // Their claims are new too (the message said `0 klaim baru`
                // for a file that added documents with claims).
                summary.claims_added += doc.claims.len();
                out.documents.push(doc.clone());
            }
            Some(mine) if mine.text == doc.text => {
                if merge_document(mine, doc, &mut summary) {
                    summary.documents_updated += 1;
                }
            }
            Some(_) => {
                let mut n = 2;
                let id = loop {
                    let id = format!("{}-{n}", doc.id);
                    if !out.documents.iter().any(|d| d.id == id) && !incoming.documents.iter().any(|d| d.id == id) {
                        break id;
                    }
                    n += 1;
                };
                // Claim ids are `<document id>#...` and unique across the
                // library: they move with the document.
                let mut renamed = Document { id: id.clone(), ..doc.clone() };
                for c in &mut renamed.claims {
                    if let Some(rest) = c.id.strip_prefix(&format!("{}#", doc.id)) {
                        let new = format!("{id}#{rest}");
                        claim_ids.insert(std::mem::replace(&mut c.id, new.clone()), new);
                    }
                }
                summary.renamed.push((doc.id.clone(), id.clone()));
                summary.documents_added += 1;
                summary.claims_added += renamed.claims.len();
                ids.insert(doc.id.clone(), id);
                out.documents.push(renamed);
            }
        }
    }
    if out.publisher.is_none() {
        out.publisher.clone_from(&incoming.publisher);
    }
    // Annotators: their documents follow the renames; one of the same name
    // is updated document by document.
    for a in &incoming.annotators {
        let mut a = a.clone();
        for d in &mut a.documents {
            if let Some(id) = ids.get(&d.id) {
                d.id.clone_from(id);
            }
        }
        summary.annotators.push(a.name.clone());
        match out.annotators.iter_mut().find(|x| x.name == a.name) {
            None => out.annotators.push(a),
            Some(mine) => {
                for d in a.documents {
                    match mine.documents.iter_mut().find(|x| x.id == d.id) {
                        Some(x) => *x = d,
                        None => mine.documents.push(d),
                    }
                }
            }
        }
    }
    // Relations follow their claims' ids.
    for r in &incoming.relations {
        let id = |x: &String| claim_ids.get(x).unwrap_or(x).clone();
        let r = crate::project::Relation { from: id(&r.from), to: id(&r.to), label: r.label.clone() };
        if !out.relations.contains(&r) {
            out.relations.push(r);
        }
    }
    for d in &incoming.decisions {
        let mut d = d.clone();
        if let Some(id) = ids.get(&d.doc) {
            d.doc.clone_from(id);
        }
        if !out.decisions.contains(&d) {
            out.decisions.push(d);
        }
    }
    (out, summary)
}

/// The claims of `incoming` (a colleague's project, or another tool's file as
/// imported) as the work of annotator `name` on the library's documents,
/// matched by id and text or by content. The result holds only annotators
/// (this one, and any the file had), to be [`merge`]d into the library.
/// Documents the library does not hold are not placed, and named in the
/// returned messages with what was matched; the report counts the documents
/// matched (by id or content), the claims re-anchored and what was not placed.
pub fn as_annotator(
    incoming: &Project,
    library: &Project,
    name: &str,
    source: &str,
) -> (Project, Vec<Message>, Report) {
    let known = super::Known::new(library);
    let mut notes = Vec::new();
    let mut ids: HashMap<&str, String> = HashMap::new();
    let mut documents = Vec::new();
    let (mut matched, mut moved) = (0, 0);
    for doc in &incoming.documents {
        let Some(mine) = known.same(&doc.id, &doc.text) else {
            notes.push(Message::new(
                Code::DocumentNotPlaced,
                &At::document(&doc.id, Some(&doc.name)),
                Params::default(),
            ));
            continue;
        };
        matched += 1;
        if mine.id != doc.id {
            let params = Params { document: Some(mine.id.clone()), name: Some(mine.name.clone()), ..Params::default() };
            notes.push(Message::new(Code::Matched, &At::document(&doc.id, None), params));
        }
        ids.insert(doc.id.as_str(), mine.id.clone());
        let mut claims = doc.claims.clone();
        if mine.text != doc.text {
            // Same words, other spacing: each claim found again by its quote.
            let text = Text::new(&mine.text);
            claims.retain_mut(|c| match text.find_quote(&c.claim.text, "", "").first() {
                Some(&(s, e)) => {
                    (c.claim.start, c.claim.end) = (s, e);
                    (c.claim.claimant, c.claim.cue, c.claim.via) = (None, None, None);
                    c.claim.quantities.clear();
                    moved += 1;
                    true
                }
                None => {
                    let params =
                        Params { id: Some(c.id.clone()), document: Some(mine.id.clone()), ..Params::default() };
                    notes.push(Message::new(Code::ClaimNotPlaced, &At::default(), params));
                    false
                }
            });
        }
        documents.push(AnnotatorDocument {
            id: mine.id.clone(),
            hash: crate::content_hash(&mine.text),
            their_id: if mine.id == doc.id { String::new() } else { doc.id.clone() },
            claims,
        });
    }
    let report = Report { matched, reanchored: moved, ..Report::of(&notes) };
    let mut out = super::empty_project(incoming.tags.clone());
    out.annotators.push(Annotator { name: name.to_owned(), source: source.to_owned(), documents });
    for a in &incoming.annotators {
        let mut a = a.clone();
        a.documents.retain_mut(|d| match ids.get(d.id.as_str()) {
            Some(id) => {
                d.id.clone_from(id);
                true
            }
            None => false,
        });
        out.annotators.push(a);
    }
    (out, notes, report)
}

/// Merges `theirs` into `mine` (same id, same text); whether anything changed.
fn merge_document(mine: &mut Document, theirs: &Document, summary: &mut MergeSummary) -> bool {
    let mut changed = false;
    if wins(&theirs.edited, &theirs.added, &mine.edited, &mine.added) {
        let doc_changed = mine.name != theirs.name
            || mine.boilerplate != theirs.boilerplate
            || mine.entities != theirs.entities
            || (mine.outlet.as_ref(), mine.published.as_ref(), mine.url.as_ref())
                != (theirs.outlet.as_ref(), theirs.published.as_ref(), theirs.url.as_ref());
        mine.name.clone_from(&theirs.name);
        mine.outlet.clone_from(&theirs.outlet);
        mine.published.clone_from(&theirs.published);
        mine.url.clone_from(&theirs.url);
        mine.boilerplate.clone_from(&theirs.boilerplate);
        mine.entities.clone_from(&theirs.entities);
        mine.edited.clone_from(&theirs.edited);
        changed |= doc_changed;
    }
    let (my_added, their_added) = (mine.added.clone(), theirs.added.clone());
    if later(&mine.added, &theirs.added) {
        mine.added.clone_from(&theirs.added);
    }
    for claim in &theirs.claims {
        match mine.claims.iter_mut().find(|c| c.id == claim.id) {
            None => {
                mine.claims.push(claim.clone());
                summary.claims_added += 1;
                changed = true;
            }
            Some(c) if c != claim && wins(&claim.edited, &their_added, &c.edited, &my_added) => {
                *c = claim.clone();
                summary.claims_updated += 1;
                changed = true;
            }
            Some(_) => {}
        }
    }
    changed
}

/// Whether their version (edited at `theirs`, untouched if that is
/// `their_base`) replaces mine: an edit beats no edit, the later of two edits
/// wins, and of two untouched versions mine stays.
fn wins(theirs: &str, their_base: &str, mine: &str, my_base: &str) -> bool {
    match (theirs != their_base, mine != my_base) {
        (true, false) => true,
        (true, true) => later(theirs, mine),
        (false, _) => false,
    }
}

/// Whether RFC 3339 time `a` is strictly later than `b`. Times that do not
/// parse compare as strings (which orders `toISOString()` output correctly).
fn later(a: &str, b: &str) -> bool {
    match (instant(a), instant(b)) {
        (Some(x), Some(y)) => x.cmp(&y) == Ordering::Greater,
        _ => a > b,
    }
}

/// Seconds since 1970 (UTC) and nanoseconds of an RFC 3339 time:
/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
fn instant(s: &str) -> Option<(i64, u32)> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (y, mo, d, h, mi, sec) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    let mut i = 19;
    let mut nanos = 0u32;
    if b[i] == b'.' {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        for k in 0..9 {
            nanos = nanos * 10 + if k < digits { u32::from(b[i + 1 + k] - b'0') } else { 0 };
        }
        i += 1 + digits;
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let m = num(i + 1..i + 3)? * 60 + num(i + 4..i + 6)?;
            if *sign == b'+' {
                m
            } else {
                -m
            }
        }
        _ => return None,
    };
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let yy = if mo <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * (if mo > 2 { mo - 3 } else { mo + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400 + h * 3600 + mi * 60 + sec - offset * 60, nanos))
}

/// serde_json's message without its ` at line L column C` tail, which the
/// caller reports as the location.
fn strip_position(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &msg[..i], e.column()),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_later(a: &str, b: &str, expect: bool) {
        assert_eq!(later(a, b), expect, "{a} later than {b}");
    }

    #[test]
    fn compares_times() {
        check_later("2026-11-22T10:00:00.000Z", "2026-11-22T09:59:59.999Z", true);
        check_later("2026-11-22T10:00:00Z", "2026-11-22T10:00:00.000Z", false);
        check_later("2026-11-22T10:00:00+07:00", "2026-11-22T04:00:00Z", false);
        check_later("2026-11-22T10:00:00+07:00", "2026-11-22T02:59:59Z", true);
        check_later("2027-01-01T00:00:00Z", "2026-12-31T23:59:59.5Z", true);
        check_later("2024-03-01T00:00:00Z", "2024-02-29T23:00:00Z", true);
        check_later("b", "a", true); // Not times: string order.
    }
}
