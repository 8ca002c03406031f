//! The extraction pipeline: structure, quotations, attribution, names,
//! modality and quantities, each a pass over one tokenized document.

mod attribution;
mod doc;
mod identity;
pub(crate) mod lexicon;
mod modality;
mod quantity;
mod quotes;
mod structure;
mod tokens;
mod wordhash;

use attribution::{attribute, Found};
use doc::Doc;
use identity::Names;
use quotes::Quotation;
use wordhash::WordMap;

use crate::model::{Claim, Claimant, Extraction, Kind, Span};
use crate::Options;

/// The first quantity in `text` (a user's selection, say `3 juta peluru` or
/// `Rp 2,3 miliar`), read as the extractor reads quantities in claims.
pub fn quantity_in(text: &str) -> Option<crate::model::Quantity> {
    let doc = Doc::new(text);
    quantity::quantities(&doc, 0..doc.len()).into_iter().next()
}

/// Finds every claim, boilerplate block and entity mention in `text`.
///
/// Never panics and always returns: text it cannot use (past
/// `options.max_bytes`) is skipped with a note.
pub fn extract(text: &str, options: &Options) -> Extraction {
    let mut notes = Vec::new();
    let mut end = text.len().min(options.max_bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() {
        notes.push(format!("only the first {end} of {} bytes were read", text.len()));
    }
    let doc = Doc::new(&text[..end]);
    let st = structure::structure(&doc, end);
    let quotes = quotes::quotations(&doc, 0..doc.len());

    // Which quotation each token is inside, for O(1) questions.
    let quote_of = owners(doc.len(), quotes.iter().map(|q| q.open..q.close + 1));
    let outside = |i: usize| quote_of.of(i).is_none();
    let found: Vec<Found> = st.sentences.iter().map(|s| attribute(&doc, s.toks.clone(), &outside)).collect();
    // Which sentence each token is in (boilerplate tokens are in none).
    let sentence_at = owners(doc.len(), st.sentences.iter().map(|s| s.toks.clone()));
    let sentence_of = |tok: usize| sentence_at.of(tok);
    let direct: Vec<bool> = quotes.iter().map(|q| is_direct(&doc, q, &st.sentences, &found, &sentence_of)).collect();

    let ranges: Vec<_> = st.sentences.iter().map(|s| s.toks.clone()).collect();
    // For each sentence, how many before it are narrative (not wholly inside
    // a quotation): the clock that salience fades by.
    let mut narrative = Vec::with_capacity(ranges.len());
    let mut told = 0;
    for r in &ranges {
        narrative.push(told);
        if r.clone().any(outside) {
            told += 1;
        }
    }
    let quoted = |i: usize| !outside(i);
    let mut names = Names::learn(&doc, &ranges, &narrative, &quoted);
    // A claimant resolved once (by where it is written) stays resolved: every
    // sentence of a quoted paragraph asks about the same `ujarnya`.
    let mut resolved_at: WordMap<usize, String> = WordMap::default();

    let mut claims: Vec<Claim> = Vec::with_capacity(st.sentences.len());
    // Earlier claimants as (sentence, surface, resolved), for pronouns and
    // descriptions.
    let mut previous: Vec<(usize, String, String)> = Vec::new();
    let mut last_speaker: Option<Speaker> = None;
    for (n, s) in st.sentences.iter().enumerate() {
        if s.toks.len() < 3 && !s.toks.clone().any(|i| quote_of.of(i).is_some()) {
            notes.push(format!("skipped fragment {:?}", s.span.text(text)));
            continue;
        }
        let quote = dominant_quote(s.toks.clone(), &quote_of, &direct);
        // A question in the article's own voice (an interviewer's `Tanya:`)
        // states nothing; a quoted one is the speaker's and stays.
        if quote.is_none() && doc.punct(s.toks.end - 1, &['?']) {
            notes.push(format!("skipped question {:?}", s.span.text(text)));
            continue;
        }
        let (mut kind, source) = match quote {
            Some(qi) => {
                let q = &quotes[qi];
                // The speaker is named after the closing mark (of the next
                // paragraph's, for a quotation carried over a line break), or
                // failing that before the opening one.
                let close = match quotes.get(qi + 1) {
                    Some(next) if !q.closed && next.continues => next.close,
                    _ => q.close,
                };
                let after = sentence_of(close).and_then(|k| found[k].claimant.clone().map(|c| (k, c)));
                let before = || sentence_of(q.open).and_then(|k| found[k].claimant.clone().map(|c| (k, c)));
                (Kind::Quote, after.or_else(before))
            }
            None => match &found[n].claimant {
                Some(c) => (Kind::Reported, Some((n, c.clone()))),
                None => (Kind::Unattributed, None),
            },
        };
        let mut claimant = None;
        let mut cue = None;
        let mut via = None;
        if let Some((k, src)) = source {
            // A pronoun looks back three sentences for a speaker; a
            // description (`pejabat tersebut`) as far as the article goes.
            let recent = previous.partition_point(|(at, _, _)| n - at > 3);
            let resolved = match resolved_at.get(&src.who.start()) {
                Some(r) => r.clone(),
                None => {
                    let nearest = || nearest_person(&doc, &names, src.who.start(), &quote_of);
                    let told = narrative[k];
                    let r =
                        names.resolve(&doc, src.toks.clone(), src.who, told, &previous[recent..], &previous, &nearest);
                    resolved_at.insert(src.who.start(), r.clone());
                    r
                }
            };
            names.confirm_speaker(&resolved);
            let who = names.identity(&doc, src.toks.clone(), &resolved, src.outlet);
            names.spoke(&doc, src.toks.clone(), &resolved, &who, src.who.end(), narrative[k]);
            claimant = Some(Claimant {
                span: src.who,
                resolved,
                kind: Some(who.kind),
                role: who.role,
                affiliation: who.affiliation,
            });
            cue = Some(src.cue);
            via = found[k].via;
        } else if kind == Kind::Quote {
            // A quoted paragraph with no cue of its own continues the speaker
            // of the quotation just before it.
            if let Some(last) = last_speaker.as_ref().filter(|last| s.line <= last.line + 1) {
                claimant = Some(last.claimant.clone());
                cue = last.cue;
                via = last.via;
            } else if let Some((span, resolved)) = names.person_mention_before(s.span.start(), NEAREST_REACH) {
                // Failing that, the person just spoken of in the narrative.
                let who = names.identity(&doc, 0..0, &resolved, false);
                claimant = Some(Claimant {
                    span,
                    resolved,
                    kind: Some(who.kind),
                    role: who.role,
                    affiliation: who.affiliation,
                });
            }
        }
        // A quotation needs a speaker (guidelines): with none found it is
        // the article's own voice.
        if kind == Kind::Quote && claimant.is_none() {
            kind = Kind::Unattributed;
        }
        if kind == Kind::Unattributed && !options.unattributed {
            continue;
        }
        if let (Kind::Quote, Some(c)) = (kind, &claimant) {
            last_speaker = Some(Speaker { line: s.line, claimant: c.clone(), cue, via });
        }
        if kind == Kind::Reported && claimant.is_none() {
            kind = Kind::Unattributed;
        }
        if let Some(c) = &claimant {
            previous.push((n, c.span.text(text).to_owned(), c.resolved.clone()));
        }
        claims.push(Claim {
            span: s.span,
            kind,
            modality: modality::modality(&doc, s.toks.clone()),
            claimant,
            cue,
            via,
            quantities: quantity::quantities(&doc, s.toks.clone()),
        });
    }
    identity::carry(&mut claims);
    let mut boilerplate = st.boilerplate;
    boilerplate.sort_by_key(|b| b.span);
    Extraction { claims, boilerplate, entities: names.entities, notes }
}

/// For each of `len` tokens, the index of the range that holds it (the last
/// one, where ranges overlap).
fn owners(len: usize, ranges: impl Iterator<Item = std::ops::Range<usize>>) -> Owners {
    let mut owner = vec![Owners::NONE; len];
    for (n, r) in ranges.enumerate() {
        // More than four billion quotations or sentences cannot fit in memory
        // as tokens; were there, the rest would count as owned by none.
        let n = u32::try_from(n).unwrap_or(Owners::NONE);
        for slot in &mut owner[r] {
            *slot = n;
        }
    }
    Owners(owner)
}

/// Which range holds each token, four bytes a token (an `Option<usize>` takes
/// sixteen, and the tables are filled for every document).
struct Owners(Vec<u32>);

impl Owners {
    const NONE: u32 = u32::MAX;

    fn of(&self, tok: usize) -> Option<usize> {
        match self.0[tok] {
            Owners::NONE => None,
            n => Some(n as usize),
        }
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// The speaker of the last quotation, for a quoted paragraph that names no
/// one.
struct Speaker {
    line: usize,
    claimant: Claimant,
    cue: Option<Span>,
    via: Option<Span>,
}

/// Whether a quotation is speech rather than scare quotes around a phrase
/// (`dengan "kecepatan penuh"`).
fn is_direct(
    doc: &Doc,
    q: &Quotation,
    sentences: &[structure::Sentence],
    found: &[Found],
    sentence_of: &dyn Fn(usize) -> Option<usize>,
) -> bool {
    let opens_sentence = sentence_of(q.open).is_some_and(|k| sentences[k].toks.start == q.open);
    let introduced = q.open > 0 && doc.punct(q.open - 1, &[':', ',']);
    let attributed_after = sentence_of(q.close).is_some_and(|k| found[k].claimant.is_some()) && q.closed;
    if q.words < 3 {
        // `"Harga naik," kata Budi` is speech; `"kecepatan penuh"` is not.
        return q.words == 2 && q.ends_like_speech && attributed_after;
    }
    q.ends_like_speech
        || !q.closed
        || opens_sentence
        || introduced
        || (attributed_after && q.words >= 5)
        || q.words >= 8
}

/// The sentence's first direct quotation, if it covers at least half of the
/// sentence's tokens or opens the sentence.
fn dominant_quote(toks: std::ops::Range<usize>, quote_of: &Owners, direct: &[bool]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for i in toks.clone() {
        if let Some(q) = quote_of.of(i).filter(|&q| direct[q]) {
            match &mut best {
                Some((bq, count)) if *bq == q => *count += 1,
                Some(_) => {}
                None => best = Some((q, 1)),
            }
        }
    }
    // A short quotation opening its sentence still makes it a quote:
    // `"Harga naik," kata Menteri Energi Budi Santoso.`
    let opens = quote_of.of(toks.start).is_some_and(|q| direct[q]);
    best.filter(|&(_, count)| count * 2 >= toks.len() || opens).map(|(q, _)| q)
}

/// How far back a pronoun or an uncued quotation looks for a person: about
/// three sentences of news prose.
const NEAREST_REACH: usize = 700;

/// The person spoken of nearest before byte `at`, outside quotations: a name
/// or a role description (`pemimpin Korea Utara tersebut`).
fn nearest_person(doc: &Doc, names: &Names, at: usize, quote_of: &Owners) -> Option<String> {
    let outside_quote = |byte: usize| {
        let tok = doc.tok_at(byte);
        tok >= quote_of.len() || quote_of.of(tok).is_none()
    };
    let name = names.person_before(at, NEAREST_REACH).filter(|(end, _)| outside_quote(end.saturating_sub(1)));
    let desc = names.description_before(doc, at, NEAREST_REACH);
    // Whichever was mentioned last.
    match (name, desc) {
        (Some((n_end, n)), Some((d_end, d))) => Some(if d_end > n_end { d } else { n }),
        (Some((_, n)), None) | (None, Some((_, n))) => Some(n),
        (None, None) => None,
    }
}
