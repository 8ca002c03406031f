//! Entity mentions and the fullest name the document gives a claimant.
//!
//! Names are read from capitalized runs: `Juru Bicara Dewan Keamanan Nasional
//! Amerika Serikat (AS) John Kirby` is a role, an organisation, a place and a
//! person. What is learnt (full person names, which role belongs to whom)
//! resolves short names (`Kirby`), titles (`Presiden`), pronouns (`ia`,
//! `ujarnya`) and descriptions (`pejabat tersebut`, `pusat tersebut`).

#[cfg(not(target_arch = "wasm32"))]
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use super::bodies::Bodies;
use super::profile::{Profile, Profiles};
use super::salience::{Salience, Weight};
use super::segment::{
    all_rank, apposition_after, conjunct_before, continues_name, description_before, is_name_particle, is_office,
    is_title_alone, lead_in, org_or_place, person_tail, role_key, split, starts_name, title_words, words,
};
use crate::extract::doc::Doc;
use crate::extract::lexicon::Cat;
use crate::extract::tokens::TokKind;
use crate::extract::wordhash::{with_lower, WordMap, WordSet};
use crate::model::{ClaimantKind, Entity, EntityKind, Span};

/// A person mention. `titled` when a role, rank or apposition introduced it
/// (`Menteri X`, `Kepala Y, X,`): a bare capitalized pair may as well be a
/// programme or a place (`Kartu Prakerja`, `Candi Borobudur`).
struct Person {
    span: Span,
    name: Name,
    titled: bool,
}

/// A full name as the tables below hold it: each distinct name is allocated
/// once ([`Names::intern`]) and shared by every table and mention that holds
/// it. Copying names as `String`s into each table was most of the
/// extraction's allocations (callgrind, the samples).
pub type Name = Rc<str>;

/// Names learnt from one document. Every question is answered from an index
/// (by name, by word, by role, by position), so resolving a claimant costs
/// the same in a 5 MB transcript as in a short article.
#[derive(Default)]
pub struct Names {
    pub entities: Vec<Entity>,
    /// Person mentions in text order, for `person_before`.
    persons: Vec<Person>,
    /// Each distinct full name: whether any mention was titled, and the
    /// index of its last mention (ties go to the latest).
    known: WordMap<Name, Known>,
    /// Lower-case word -> the distinct names that contain it.
    by_word: WordMap<Box<str>, Vec<Name>>,
    /// The first four letters of a long word of a name of two words or
    /// more -> those names: where a nickname cut from the start of a word
    /// (`Wulan` for `Tri Wulandarisari`) finds its full name.
    by_prefix: WordMap<Box<str>, Vec<Name>>,
    /// Names already resolved as speakers: the surest persons there are.
    speakers: WordSet<Name>,
    /// Role words in lower case -> the people given that role, with the
    /// byte where each was named, in text order: `presiden` -> `Joko
    /// Widodo`. `role_prefixes` holds every shorter word prefix of those
    /// keys (`presiden` for `presiden korea utara`).
    roles: WordMap<String, Vec<(usize, Name)>>,
    role_prefixes: WordMap<Box<str>, Vec<(usize, Name)>>,
    /// Later words of a title that name the office alone: `hakim` of
    /// `Ketua majelis hakim`, `jpu` of `Jaksa penuntut umum (JPU)`.
    role_words: WordMap<Box<str>, Vec<(usize, Name)>>,
    /// Who is in focus where: the referent of pronouns.
    pub salience: Salience,
    /// Acronym -> full name: `KLHK` -> `Kementerian Lingkungan Hidup dan
    /// Kehutanan (KLHK)`, learnt where the text spells it out.
    acronyms: WordMap<String, String>,
    /// What the article says about each person: role and affiliation.
    pub profiles: Profiles,
    /// The bodies the article spells out, for their short forms.
    bodies: Bodies,
    /// Unnamed sources who spoke (`Seorang pedagang`), as they were
    /// described: `katanya` after them is theirs.
    unnamed: WordMap<String, Identity>,
    /// Words the article uses alone for someone who speaks (`kata Budi`,
    /// `Menurut Budi,`, `Budi menambahkan`), by [`word_key`]: where a person
    /// is called by one word, their name starts no later than that word.
    called: WordSet<u64>,
    /// Capitalized words that end a capitalized run somewhere (`Sayurku
    /// mencatat`, `di Sayurku.`), by [`word_key`]: a word written before a
    /// name that also stands on its own is a body's name.
    run_ends: WordSet<u64>,
    /// [`Names::spelled_out`]'s answers, by body. Claimants share few
    /// affiliations, and each answer hashes every word of the body and of
    /// the acronyms it holds (3% of the instructions on the samples,
    /// callgrind); what it reads (acronyms, bodies) is complete once
    /// [`Names::learn`] returns, before the first question.
    /// Native only, as is `tails`: in the wasm the two maps cost 843 bytes
    /// gzipped, more than the size budget had left.
    #[cfg(not(target_arch = "wasm32"))]
    spelled: RefCell<WordMap<String, String>>,
    /// [`Names::person_part`]'s answers for claimants, by token range:
    /// `resolve` and `identity` ask it of the same mention, and `identity`
    /// again for each sentence of a quoted paragraph. It reads only what
    /// `learn_alone` learnt before any question. Keyed by [`range_key`],
    /// with an empty range for `None` (a part is never empty).
    #[cfg(not(target_arch = "wasm32"))]
    tails: RefCell<WordMap<u64, Range<usize>>>,
    /// Groups that open a narrative sentence (`Puluhan korban yang ...
    /// mendatangi`, `Seusai sidang, para nelayan ...`): the byte where each
    /// starts and its words, in text order, for `mereka`.
    groups: Vec<(usize, usize, Name)>,
}

/// Who a claimant is, besides their name.
#[derive(Clone)]
pub struct Identity {
    pub kind: ClaimantKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

struct Known {
    titled: bool,
    last: usize,
    /// The name's words in lower case, separated by single spaces,
    /// computed once: `fullest` compares them for every candidate of every
    /// short name.
    lower: Box<str>,
    /// How many words the name has.
    n_words: usize,
}

impl Known {
    fn words(&self) -> std::str::Split<'_, char> {
        self.lower.split(' ')
    }
}

impl Names {
    /// Reads every capitalized run in the body sentences (`ranges`);
    /// `narrative[n]` counts the sentences before the `n`th that are not
    /// wholly quoted, and `quoted` says which tokens are inside quotations
    /// (a person a speaker talks about is not in the narrative's focus).
    pub fn learn(doc: &Doc, ranges: &[Range<usize>], narrative: &[usize], quoted: &dyn Fn(usize) -> bool) -> Names {
        let mut names = Names::default();
        // About three entity mentions a sentence in news (the samples: 39
        // in 14): room for them at once rather than five regrowths.
        names.entities.reserve(ranges.len() * 3);
        let mut short = Vec::new();
        for r in ranges {
            names.learn_alone(doc, r.clone());
        }
        for (n, r) in ranges.iter().enumerate() {
            let place = Place { sentence: r.clone(), narrative: narrative.get(n).copied().unwrap_or(n), quoted };
            names.learn_acronyms(doc, r.clone());
            names.bodies.learn(doc, r.clone());
            let mut i = r.start;
            while i < r.end {
                // `Kata Budi, harga naik`: a cue opening the sentence is no
                // part of the name after it.
                let opening_cue = i == r.start && (doc.is(i, Cat::CUE_POST) || doc.is(i, Cat::SOURCE));
                if opening_cue || !starts_name(doc, i, r.start) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < r.end && continues_name(doc, j, r.end) {
                    j += 1;
                }
                if let Some(s) = names.classify(doc, i..j, &place) {
                    short.push(s);
                }
                i = j;
            }
            if !(place.quoted)(r.start) {
                if let Some(g) = group_opening(doc, r.clone()) {
                    let name = names.intern(words(doc, g.clone()));
                    names.groups.push((doc.toks[g.start].start(), place.narrative, name));
                }
            }
            // `pemimpin Korea Utara tersebut menuntut ...`: a description of
            // a person named before puts them in focus as any mention does.
            for k in r.clone().filter(|&k| doc.is(k, Cat::DEMONSTRATIVE) && !quoted(k)) {
                if let Some((s, name)) = names.description_at(doc, k, r.start, doc.toks[k].start()) {
                    let weight = focus_weight(doc, s..k + 1, r);
                    names.salience.mention(doc.toks[k].end(), place.narrative, name, weight, true);
                }
            }
        }
        // A one-word name (`Yusri tetap berharap`) is a person when the
        // article gives the full name somewhere.
        for s in short {
            if let Some(full) = names.fullest(doc.word(s.tok)) {
                names.salience.mention(doc.toks[s.tok].end(), s.narrative, full, s.weight, false);
            }
        }
        let known = &names.known;
        names.salience.settle(&|name| known.get(name).is_some_and(|k| k.titled));
        names
    }

    /// Learns from one capitalized run; returns it when it is a one-word
    /// name that only the whole article can confirm.
    fn classify(&mut self, doc: &Doc, run: Range<usize>, place: &Place) -> Option<Short> {
        let sentence = place.sentence.clone();
        let sentence_start = sentence.start;
        // Role words written in lower case right before the run count too:
        // `pemimpin Korea Utara Kim Jong Un`, `presiden Korea Utara (Korut) ...`.
        // `juru bicara keamanan nasional Gedung Putih John Kirby`.
        let mut role_start = lead_in(doc, run.start, sentence_start);
        // A description with connectors before the run: `Pembina Komunitas
        // Bike to Work (B2W) Andi Setiawan`.
        // English names of bodies join several runs: `Direktur Eksekutif
        // Institute for Development of Economics and Finance (Indef) X`.
        // A list or a numbered name joined by `dan` (`Komisioner Divisi A, B,
        // dan C`, `Ketua Satgas Covid - 19 dan D`) too.
        let mut k = role_start;
        while run.start - k < 16 {
            let Some(from) = conjunct_before(doc, k, sentence_start) else { break };
            k = from;
            if (k..role_start).any(|t| doc.is(t, Cat::ROLE)) {
                role_start = lead_in(doc, k, sentence_start);
            }
        }
        let span = doc.span(run.start, run.end);
        let first = doc.cat(run.start);
        let last = doc.cat(run.end - 1);
        let all_places =
            run.clone().all(|k| doc.is(k, Cat::PLACE) || doc.is(k, Cat::DIRECTION) || doc.punct(k, &['(', ')']));
        if all_places {
            self.entities.push(Entity { span, kind: EntityKind::Place });
            return None;
        }
        // A word before a number names a thing: `Covid-19`, `Nomor 8`.
        let numbered = run.end < doc.len()
            && (doc.kind(run.end) == TokKind::Number
                || (doc.punct(run.end, &['-']) && run.end + 1 < doc.len() && doc.kind(run.end + 1) == TokKind::Number));
        if let Some(name) = self.person_part(doc, role_start..run.end).filter(|_| !numbered) {
            // `Jalan Brigjen Katamso`, `RSUD Dr Soetomo`, `Bandara Sultan
            // Hasanuddin`: a road or a building named after a person.
            let mut head = name.start;
            while head > role_start && (doc.is(head - 1, Cat::RANK) || doc.punct(head - 1, &['.'])) {
                head -= 1;
            }
            if head > role_start && is_named_after(doc.low(head - 1)) {
                self.entities.push(Entity { span, kind: org_or_place(doc, run) });
                return None;
            }
            let has_prefix = name.start > role_start;
            let bare_person = !has_prefix && name.len() >= 2;
            // `Salah satu korban, Siti (45),`: one name in apposition to a role.
            let appositive = !has_prefix
                && name.start >= 2
                && doc.punct(name.start - 1, &[','])
                && description_before(doc, name.start - 1, sentence_start).is_some();
            let after_role =
                has_prefix && (role_start..name.start).any(|k| doc.is(k, Cat::ROLE) || doc.is(k, Cat::RANK));
            // A single capitalized word with nothing before it: a person
            // only if the article names them in full.
            // `Menurut Subarjo, anggota KPU Kota Bandung,`: a description after
            // one name introduces a person as a title before it does.
            // (`Apalagi, Presiden Joko Widodo`: a description that names a
            // person of its own is no apposition.)
            // `Hartini (58)`: only people are given an age, and news gives one
            // to introduce the person the next sentences follow.
            let aged = name.end + 2 < sentence.end
                && doc.punct(name.end, &['('])
                && doc.kind(name.end + 1) == TokKind::Number
                && doc.punct(name.end + 2, &[')']);
            let apposed = apposition_after(doc, name.end, sentence.end);
            let described = apposed.clone().is_some_and(|d| {
                let closed = d.end >= sentence.end || doc.punct(d.end, &[',', '.']);
                closed && person_tail(doc, d.clone()).is_none() && !d.clone().any(|k| doc.is(k, Cat::GIVEN))
            });
            if !has_prefix
                && !appositive
                && !described
                && !aged
                && name.len() == 1
                && run.len() == 1
                && !(place.quoted)(name.start)
            {
                let weight = focus_weight(doc, name.clone(), &sentence);
                return Some(Short { tok: name.start, narrative: place.narrative, weight });
            }
            if bare_person || appositive || after_role || (has_prefix && name.len() >= 2) || described || aged {
                let full = self.intern(words(doc, name.clone()));
                let at = doc.toks[name.start].start();
                if has_prefix {
                    self.add_title(doc, role_start..name.start, &full, at);
                }
                // An appositive: `pemimpin Korea Utara, Kim Jong Un`, also with
                // a rank after the comma (`Kepala Dinas X, dr. Yakob Aru`).
                let mut lead = name.start;
                while lead > sentence_start && (doc.is(lead - 1, Cat::RANK) || doc.punct(lead - 1, &['.'])) {
                    lead -= 1;
                }
                // `Kepala Polsek X, Komisaris Darto`: a rank that is also an
                // office word (`Komisaris`) before the name.
                if lead > role_start && all_rank(doc, role_start..lead) {
                    lead = role_start;
                }
                let ranks_only = lead <= role_start;
                if (!has_prefix || ranks_only) && lead >= 2 && doc.punct(lead - 1, &[',']) {
                    if let Some(k) = description_before(doc, lead - 1, sentence_start) {
                        self.add_title(doc, k..lead - 1, &full, at);
                        self.profiles.add(&full, split(doc, k..lead - 1));
                    }
                }
                if run.start < name.start {
                    self.entities.push(Entity {
                        span: doc.span(run.start, name.start),
                        kind: org_or_place(doc, run.start..name.start),
                    });
                }
                if has_prefix {
                    self.profiles.add(&full, split(doc, role_start..name.start));
                }
                if let Some(desc) = apposed.clone() {
                    self.profiles.add(&full, split(doc, desc));
                }
                // A description after the name (`Tongam Sirait, Ketua ..., menjabarkan`)
                // introduces a person as surely as a title before it.
                let titled = has_prefix || apposed.is_some() || (name.start >= 1 && doc.punct(name.start - 1, &[',']));
                if !(place.quoted)(name.start) {
                    let weight = match focus_weight(doc, role_start..name.end, &sentence) {
                        Weight::Object if aged => Weight::Subject,
                        w => w,
                    };
                    let sure = titled || aged || doc.is(name.start, Cat::GIVEN);
                    self.salience.mention(doc.toks[name.end - 1].end(), place.narrative, full.clone(), weight, sure);
                }
                self.add_person(Person { span: doc.span(name.start, name.end), name: full, titled });
                self.entities.push(Entity { span: doc.span(name.start, name.end), kind: EntityKind::Person });
                return None;
            }
        }
        if first.has(Cat::ORG)
            || last.has(Cat::ORG_TAIL)
            || first.has(Cat::OUTLET)
            || run.clone().any(|k| doc.all_caps(k))
            || run.len() >= 2
        {
            self.entities.push(Entity { span, kind: org_or_place(doc, run) });
        }
        None
    }

    /// The fullest name for the claimant written as `np` (`who`), in the
    /// `narrative`-th narrative sentence. `previous` lists earlier claimants
    /// (sentence, surface, resolved), nearest last, `recent` its last few.
    #[allow(clippy::too_many_arguments)]
    pub fn resolve(
        &self,
        doc: &Doc,
        np: Range<usize>,
        who: Span,
        narrative: usize,
        recent: &[(usize, String, String)],
        previous: &[(usize, String, String)],
        nearest: &dyn Fn() -> Option<String>,
    ) -> String {
        let surface = who.text(doc.text).trim().to_owned();
        // `mereka`, `kami`: a group, never one person named before, nor one
        // official (`Jaksa`): a group that opened a sentence just before
        // (`Puluhan korban ... mendatangi`), else the last claimant that is
        // neither.
        if np.len() == 1 && matches!(doc.low(np.start), "mereka" | "kami" | "kita") {
            if doc.low(np.start) == "mereka" {
                let i = self.groups.partition_point(|g| g.0 < who.start());
                if let Some((_, n, g)) = i.checked_sub(1).map(|i| &self.groups[i]) {
                    if narrative.saturating_sub(*n) <= GROUP_WINDOW {
                        return g.to_string();
                    }
                }
            }
            return recent
                .iter()
                .rev()
                .find(|(_, s, r)| !is_pronoun(s) && !self.is_person(r) && !is_title(r))
                .map_or(surface, |(_, _, r)| r.clone());
        }
        if np.is_empty() || (np.len() == 1 && doc.is(np.start, Cat::PRONOUN)) {
            // A pronoun: the person in focus; failing one, as before.
            if let Some(name) = self.salience.focus(who.start(), narrative) {
                return name.to_owned();
            }
            if let Some((_, _, name)) = recent.iter().rev().find(|(_, _, r)| self.is_person(r)) {
                return name.clone();
            }
            // Failing a person, the last speaker who was not a pronoun: news
            // follows one source at a time.
            let last_named = || previous.iter().rev().find(|(_, s, _)| !is_pronoun(s)).map(|(_, _, r)| r.clone());
            return nearest().or_else(last_named).unwrap_or(surface);
        }
        let first = doc.low(np.start);
        // `baik X maupun Y` is X and Y.
        if first == "baik" && np.clone().any(|k| doc.low(k) == "maupun") {
            let m = np.clone().find(|&k| doc.low(k) == "maupun").unwrap_or(np.start);
            return format!("{} dan {}", words(doc, np.start + 1..m), words(doc, m + 1..np.end));
        }
        // `Seorang guru di sekolah tersebut`: an unnamed source, not a
        // description of someone named before.
        let demonstrative = doc.is(np.end - 1, Cat::DEMONSTRATIVE) && !is_one_unnamed(doc, np.clone());
        if demonstrative && np.len() >= 2 {
            let desc = np.start..np.end - 1;
            let head = doc.low(desc.start);
            if let Some((_, _, r)) =
                previous.iter().rev().take(200).find(|(_, s, r)| contains_word(s, head) || contains_word(r, head))
            {
                return r.clone();
            }
            let key = role_key(doc, desc.clone());
            if let Some(name) = self.by_role(&key, who.start()) {
                return name.to_string();
            }
            if let Some(e) = self
                .organisations_before(who.start(), 200)
                .find(|e| e.span.text(doc.text).split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case(head)))
            {
                return e.span.text(doc.text).to_owned();
            }
            if doc.is(desc.start, Cat::ROLE) {
                // A description no title matches (`Mantan Wali Kota Solo
                // itu`): the person in focus.
                if let Some(name) = self.salience.focus(who.start(), narrative) {
                    return name.to_owned();
                }
                return nearest().unwrap_or(surface);
            }
            return surface;
        }
        // One word the article calls a person by, also when it is a common
        // word (`kata Lalu`, a Sasak title): the person's full name. An
        // acronym the article spells out is the body's (`Data Bapanas
        // mencatat` is no person's name).
        if np.len() == 1
            && doc.cap(np.start)
            && self.called.contains(&word_key(doc.low(np.start)))
            && !self.acronyms.contains_key(doc.word(np.start))
        {
            if let Some(full) = self.fullest(doc.word(np.start)) {
                return full.to_string();
            }
        }
        // A title written alone: its holder.
        if let Some(name) = self.by_title(doc, np.clone(), who.start()) {
            return name.to_string();
        }
        // A generic description of an organisation just named: `lembaga
        // pemikir Washington` after `Pusat Studi Strategis dan Internasional`.
        if !doc.cap(np.start)
            && matches!(first, "lembaga" | "organisasi" | "institusi" | "badan" | "pusat" | "perusahaan" | "kelompok")
        {
            if let Some(e) = self.organisations_before(who.start(), 50).find(|e| who.start() - e.span.end() < 600) {
                return e.span.text(doc.text).to_owned();
            }
        }
        // An organisation: its spelt-out name, acronym included.
        // Countries keep the name the text uses (`AS`), organisations get
        // their full one.
        if np.len() == 1 && !doc.is(np.start, Cat::PLACE) {
            if let Some(full) = self.acronyms.get(doc.word(np.start)) {
                return full.clone();
            }
        }
        // A name before a description: `Rina Kusnadi, Ketua YLKI`.
        if let Some(c) = np.clone().find(|&k| doc.punct(k, &[','])) {
            if c > np.start && c + 1 < np.end && (is_office(doc, c + 1) || !doc.cap(c + 1)) {
                if let Some(name) = self.person_part(doc, np.start..c).filter(|t| t.start == np.start) {
                    let short = words(doc, name);
                    return self.fullest(&short).map_or(short, |n| n.to_string());
                }
            }
        }
        // `Kementerian ESDM`: a body named by a head and a known acronym.
        if np.len() >= 2 && doc.is(np.start, Cat::ORG) && doc.all_caps(np.end - 1) {
            if let Some(full) = self.acronyms.get(doc.word(np.end - 1)) {
                return full.clone();
            }
        }
        // An apposition names the person after the comma: `Pusat Kajian X,
        // Teguh Aryandi`.
        let apposed =
            np.clone().rev().find(|&k| doc.punct(k, &[','])).is_some_and(|c| c + 2 < np.end && doc.low(c + 1) != "dan");
        // `Pihak DanaKita`, `Manajemen NEHI` speak for DanaKita and NEHI.
        if matches!(first, "pihak" | "manajemen" | "direksi" | "jajaran") && np.len() == 2 && doc.cap(np.start + 1) {
            let body = doc.word(np.start + 1);
            return self.acronyms.get(body).cloned().unwrap_or_else(|| body.to_owned());
        }
        // `Seorang pejabat Kominfo`: an unnamed source, described by who
        // employs them.
        if !apposed && matches!(first, "seorang" | "sebuah" | "salah" | "para" | "sejumlah" | "beberapa" | "kedua") {
            return surface;
        }
        let titled = np.clone().any(|k| doc.is(k, Cat::ROLE) || doc.is(k, Cat::RANK));
        let organisation = np
            .clone()
            .any(|k| doc.is(k, Cat::ORG) || doc.is(k, Cat::OUTLET) || doc.is(k, Cat::ORG_TAIL) || doc.all_caps(k));
        if titled || apposed || !organisation {
            if let Some(name) = self.claimant_part(doc, np.clone()) {
                let short = words(doc, name.clone());
                return self.fullest(&short).map_or(short, |n| n.to_string());
            }
        }
        // A title alone: `kata Presiden`.
        if titled
            && np.clone().all(|k| {
                doc.is(k, Cat::ROLE) || doc.is(k, Cat::RANK) || doc.is(k, Cat::PLACE) || doc.is(k, Cat::DIRECTION)
            })
        {
            if let Some(name) = self.by_role(&role_key(doc, np.clone()), who.start()) {
                return name.to_string();
            }
        }
        surface
    }

    /// Remembers every acronym the sentence `r` spells out: `Badan Pusat
    /// Statistik (BPS)`, `Badan Meteorologi, Klimatologi, dan Geofisika
    /// (BMKG)`, `Badan X (BPBD) Demak`. The name is the capitalized run before
    /// the parenthesis, without leading titles, and a place right after it.
    fn learn_acronyms(&mut self, doc: &Doc, r: Range<usize>) {
        for open in r.clone().filter(|&k| doc.punct(k, &['('])) {
            let close = open + 2;
            if close >= r.end || !doc.punct(close, &[')']) || doc.kind(open + 1) != TokKind::Word {
                continue;
            }
            // `(BPS)`, `(Kemenkes)`; not an age or a number.
            let acronym = doc.word(open + 1);
            if !doc.cap(open + 1) {
                continue;
            }
            let mut from = open;
            let mut listed = false;
            while from > r.start {
                let t = from - 1;
                // `Anti - Korupsi`: a hyphen between capitalized words.
                let hyphen = doc.punct(t, &['-']) && t > r.start && doc.cap(t - 1) && doc.cap(t + 1);
                let joins = doc.low(t) == "dan" || doc.punct(t, &['.', '&']) && !doc.space_before(t) || hyphen;
                let listing = doc.punct(t, &[',']) && listed;
                if !(doc.cap(t) && doc.kind(t) == TokKind::Word || joins || listing) {
                    break;
                }
                listed |= doc.low(t) == "dan";
                from = t;
            }
            while from < open
                && (doc.is(from, Cat::ROLE)
                    || doc.is(from, Cat::RANK)
                    || doc.kind(from) == TokKind::Punct
                    || doc.low(from) == "dan")
            {
                from += 1;
            }
            // `Saham PT X (X)`: the name starts at its head word.
            if let Some(head) = (from..open).find(|&k| doc.is(k, Cat::ORG)) {
                from = head;
            }
            if open - from < 2 {
                continue; // One word before the parenthesis spells nothing out.
            }
            if from >= open {
                continue;
            }
            let mut to = close + 1;
            while to < r.end && doc.cap(to) && doc.is(to, Cat::PLACE) {
                to += 1;
            }
            let full = doc.span(from, to).text(doc.text).to_owned();
            self.acronyms.insert(acronym.to_owned(), full);
        }
    }

    /// Records that the claimant written as `np`, resolved to `resolved`
    /// and described as `who`, spoke at byte `end` of the `narrative`-th
    /// narrative sentence: people speak on as `ia` and `ujarnya`, and so does
    /// one unnamed person (`Seorang pedagang ... mengatakan`, then
    /// `katanya`). Bodies and groups do only when no person is in focus
    /// (the fallbacks of `resolve`).
    pub fn spoke(&mut self, doc: &Doc, np: Range<usize>, resolved: &str, who: &Identity, end: usize, narrative: usize) {
        if let Some((name, _)) = self.known.get_key_value(resolved) {
            // `is_person`: a confirmed speaker is always a known name.
            self.salience.speaker(end, narrative, name.clone());
        } else if !np.is_empty() && is_one_unnamed(doc, np) {
            self.salience.speaker(end, narrative, resolved.into());
            self.unnamed.insert(resolved.to_owned(), who.clone());
        }
    }

    /// What kind of claimant the mention `np` (resolved to `resolved`) is,
    /// with the role and affiliation the article gives it anywhere.
    pub fn identity(&self, doc: &Doc, np: Range<usize>, resolved: &str, outlet: bool) -> Identity {
        if outlet {
            return Identity { kind: ClaimantKind::Outlet, role: None, affiliation: None };
        }
        // `katanya` after `Seorang pedagang ... mengatakan`.
        let pronoun = np.is_empty() || np.len() == 1 && doc.is(np.start, Cat::PRONOUN);
        if let Some(who) = self.unnamed.get(resolved).filter(|_| pronoun) {
            return who.clone();
        }
        // `Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`: a mention
        // that closes with an acronym the article spells out is that body.
        let acronym_last = np.len() >= 3
            && doc.punct(np.end - 1, &[')'])
            && doc.punct(np.end - 3, &['('])
            && self.acronyms.contains_key(doc.word(np.end - 2));
        if acronym_last && !is_group(doc, np.clone()) {
            return Identity { kind: ClaimantKind::Organisation, role: None, affiliation: None };
        }
        let tail = if np.is_empty() { None } else { self.claimant_part(doc, np.clone()) };
        let group = !np.is_empty() && is_group(doc, np.clone());
        if self.is_person(resolved) || tail.is_some() && !group {
            let known = self.profiles.get(resolved);
            let (role, affiliation) = match known {
                // What the article says of the person wins over this mention's
                // own words: a known role and affiliation need no split.
                Some(Profile { role: Some(role), affiliation: Some(affiliation), .. }) => {
                    (Some(role.clone()), Some(affiliation.clone()))
                }
                _ => {
                    let known = known.cloned().unwrap_or_default();
                    let own = match &tail {
                        Some(t) if t.start > np.start => split(doc, np.start..t.start),
                        _ => Profile::default(),
                    };
                    (known.role.or(own.role).or(known.rank).or(own.rank), known.affiliation.or(own.affiliation))
                }
            };
            let affiliation = affiliation.map(|a| self.spelled_out(doc, &a));
            return Identity { kind: ClaimantKind::Person, role, affiliation };
        }
        if group {
            let p = split(doc, np.clone());
            return Identity { kind: ClaimantKind::Group, role: p.role, affiliation: p.affiliation };
        }
        // `kata Dirreskrimsus Polda Riau`: an office named without its
        // holder's name is still the person who holds it.
        if !np.is_empty() && is_title_alone(doc, np.clone()) {
            let p = split(doc, title_words(doc, np.clone()));
            if p.role.is_some() {
                let affiliation = p.affiliation.map(|a| self.spelled_out(doc, &a));
                return Identity { kind: ClaimantKind::Person, role: p.role, affiliation };
            }
        }
        Identity { kind: ClaimantKind::Organisation, role: None, affiliation: None }
    }

    /// A body's spelled-out name when the article gives it: `JPPI` and
    /// `Kementerian ESDM` become `Jaringan Pemantau Pendidikan Indonesia
    /// (JPPI)` and `Kementerian Energi dan Sumber Daya Mineral (ESDM)`.
    /// `Dishub Kaltim` becomes `Dinas Perhubungan Kalimantan Timur` where the
    /// article writes that ([`Bodies`]).
    fn spelled_out(&self, doc: &Doc, body: &str) -> String {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(full) = self.spelled.borrow().get(body) {
            return full.clone();
        }
        let full = self.spell_out(doc, body);
        #[cfg(not(target_arch = "wasm32"))]
        self.spelled.borrow_mut().insert(body.to_owned(), full.clone());
        full
    }

    /// [`Names::spelled_out`], worked out.
    fn spell_out(&self, doc: &Doc, body: &str) -> String {
        let mut words = body.split_whitespace();
        let known = match (words.next(), words.next(), words.next()) {
            (Some(acronym), None, _) => self.acronyms.get(acronym),
            (Some(head), Some(acronym), None) => self
                .acronyms
                .get(acronym)
                .filter(|full| full.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case(head))),
            _ => None,
        };
        match known {
            Some(full) => full.clone(),
            None => self.bodies.fullest(doc, body, &self.acronyms).unwrap_or(body).to_owned(),
        }
    }

    /// The shared copy of `name`: the known one if the document named this
    /// person before, else a new one.
    fn intern(&self, name: String) -> Name {
        match self.known.get_key_value(name.as_str()) {
            Some((known, _)) => known.clone(),
            None => name.into(),
        }
    }

    /// The person's name at the end of `np`: what [`person_tail`] reads,
    /// less the words before it that are surely not the person's: a body's
    /// common words (`Ikatan Pedagang Pasar Tradisional | Budi`), the place
    /// of a post (`Konsul RI di Houston | Budi Santoso`), what comes before
    /// a Balinese birth-order name (`Taman Satwa X | Ketut Budi`), and a
    /// body's own name that the article also writes alone (`CEO Sayurku |
    /// Hendarto Wibisono`, with `Sayurku mencatat` or `kata Hendarto`
    /// elsewhere). `None` when nothing is left.
    fn person_part(&self, doc: &Doc, np: Range<usize>) -> Option<Range<usize>> {
        let from = np.start;
        let tail = person_tail(doc, np)?;
        let tail = self.called_before(doc, from, tail);
        let end = tail.end;
        let word = |t: usize| doc.kind(t) == TokKind::Word;
        let mut start = tail.start;
        // The last common word of a body's name; a tail ending in one is a
        // body's name, not a person's (`Head of Investment Research`).
        if let Some(t) = (start..end).rev().find(|&t| word(t) && is_body_word(doc, t)) {
            if t + 1 == end {
                return None;
            }
            start = t + 1;
        }
        // `di Houston`: the post's place. Two name words at least remain.
        if start == tail.start && start > 0 && doc.low(start - 1) == "di" && end - start >= 3 && word(start) {
            start += 1;
        }
        // A Balinese name opens with its birth-order or caste word.
        if let Some(t) = (start + 1..end).find(|&t| opens_balinese_name(doc, t, end)) {
            if !(start..t).any(|x| is_name_particle(doc.low(x))) {
                start = t;
            }
        }
        // Words before the name that are no given name, the last of them
        // a body's name written alone elsewhere, and two name words after
        // it: the name starts after it, or at the word the article calls
        // the person by. A family name says nothing of where the name
        // starts, nor does a given name (`Muhammad Tito Karnavian` is
        // called `Tito`).
        let not_given = |x: usize| {
            word(x)
                && doc.word(x).chars().count() > 1
                && !doc.is(x, Cat::GIVEN)
                && !is_name_particle(doc.low(x))
                && !is_name_opener(doc.low(x))
        };
        let key = |t: usize| word_key(doc.low(t));
        let body = (start..end.saturating_sub(2)).take_while(|&t| not_given(t)).find(|&t| {
            self.run_ends.contains(&key(t))
                && !self.called.contains(&key(t))
                && (t + 1..end).filter(|&x| word(x)).count() >= 2
        });
        let called = (start + 1..end.saturating_sub(1)).find(|&t| word(t) && self.called.contains(&key(t)));
        if let Some(t) = called.filter(|&t| (start..t).all(not_given) && self.run_ends.contains(&key(t - 1))) {
            start = t;
        } else if let Some(t) = body {
            start = t + 1;
        }
        Some(start..end)
    }

    /// [`Names::person_part`] of a claimant's mention, worked out once.
    fn claimant_part(&self, doc: &Doc, np: Range<usize>) -> Option<Range<usize>> {
        #[cfg(not(target_arch = "wasm32"))]
        let key = range_key(&np);
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(part) = self.tails.borrow().get(&key) {
            return Some(part.clone()).filter(|p| !p.is_empty());
        }
        let part = self.person_part(doc, np);
        #[cfg(not(target_arch = "wasm32"))]
        self.tails.borrow_mut().insert(key, part.clone().unwrap_or(0..0));
        part
    }

    /// `tail` widened to the left over name words the article calls the
    /// person by (`Otoritas Jasa Keuangan | Warsito Gumelar`, `Badan Riset |
    /// Sutrisno PS Wiryo`, with `kata Warsito`, `kata Sutrisno` elsewhere):
    /// a word of a given name the lists lack, a place's name that is also a
    /// person's (`Bima`),
    /// initials between them (`PS`). No further left than token `from`.
    fn called_before(&self, doc: &Doc, from: usize, tail: Range<usize>) -> Range<usize> {
        let mut start = tail.start;
        let mut k = tail.start;
        while k > from && tail.end - k < 5 {
            let t = k - 1;
            let c = doc.cat(t);
            // A body that speaks (`Sayurku menyatakan`) is written after other
            // name words too (`PT Sayurku`): no given name.
            let key = word_key(doc.low(t));
            let called = doc.kind(t) == TokKind::Word && self.called.contains(&key) && !self.run_ends.contains(&key);
            let initials = doc.all_caps(t) && doc.word(t).chars().count() <= 3 && t > from && doc.cap(t - 1);
            let plain = doc.kind(t) == TokKind::Word
                && doc.cap(t)
                && (!doc.all_caps(t) || initials)
                && !is_body_word(doc, t)
                && !(c.has(Cat::ROLE)
                    || c.has(Cat::RANK)
                    || c.has(Cat::ORG)
                    || c.has(Cat::ORG_TAIL)
                    || c.has(Cat::OUTLET)
                    || c.has(Cat::PORTFOLIO)
                    || c.has(Cat::STOP)
                    || c.has(Cat::PLACE) && !called);
            if !plain {
                break;
            }
            if called && !initials {
                start = t;
            }
            k = t;
        }
        start..tail.end
    }

    /// Learns from sentence `r` the words it uses alone for someone who
    /// speaks (one capitalized word after a cue, `menurut` or a rank, or
    /// before a cue verb) and the capitalized words that end a run after
    /// another name word or a common noun (`KAI Commuter`, `layanan
    /// Sayurku`, `di Sayurku`): a person's first name written alone opens
    /// its clause (`Budi juga ...`) or follows a verb or a preposition of
    /// persons (`bertemu Budi`, `kepada Budi`), a body's name need not.
    fn learn_alone(&mut self, doc: &Doc, r: Range<usize>) {
        let name_like = |t: usize| doc.kind(t) == TokKind::Word && doc.cap(t);
        for i in r.clone() {
            if !name_like(i) || i + 1 < r.end && name_like(i + 1) {
                continue;
            }
            let key = word_key(doc.low(i));
            let prev = i.checked_sub(1).filter(|&p| p >= r.start);
            let after_cue =
                prev.is_some_and(|p| doc.is(p, Cat::CUE_POST) || doc.is(p, Cat::SOURCE) || doc.is(p, Cat::RANK));
            let alone = !prev.is_some_and(name_like) || after_cue;
            let mut k = i + 1;
            while k < r.end && doc.is(k, Cat::AUX) && !doc.cap(k) {
                k += 1;
            }
            let before_cue = alone && k < r.end && doc.is(k, Cat::CUE_PRE) && !doc.cap(k);
            let c = doc.cat(i);
            let common =
                c.has(Cat::ROLE) || c.has(Cat::ORG) || c.has(Cat::PLACE) || c.has(Cat::PRONOUN) || c.has(Cat::STOP);
            if (after_cue || before_cue) && !common && !doc.all_caps(i) {
                self.called.insert(key);
            } else if prev.is_some_and(|p| name_like(p) && !doc.is(p, Cat::ROLE) || owner_noun(doc, p)) {
                self.run_ends.insert(key);
            }
        }
    }

    fn add_person(&mut self, p: Person) {
        let last = self.persons.len();
        match self.known.get_mut(&p.name) {
            Some(k) => {
                k.titled |= p.titled;
                k.last = last;
            }
            None => {
                let mut lower = String::with_capacity(p.name.len());
                let mut n_words = 0;
                for w in p.name.split_whitespace() {
                    if n_words > 0 {
                        lower.push(' ');
                    }
                    n_words += 1;
                    let from = lower.len();
                    with_lower(w, |low| lower.push_str(low));
                    let word = &lower[from..];
                    match self.by_word.get_mut(word) {
                        Some(names) => names.push(p.name.clone()),
                        None => {
                            self.by_word.insert(word.into(), vec![p.name.clone()]);
                        }
                    }
                }
                if n_words >= 2 {
                    for w in lower.split(' ') {
                        if let Some(key) = nickname_key(w, NICKNAME_MIN + 2) {
                            match self.by_prefix.get_mut(key) {
                                Some(names) => names.push(p.name.clone()),
                                None => {
                                    self.by_prefix.insert(key.into(), vec![p.name.clone()]);
                                }
                            }
                        }
                    }
                }
                let known = Known { titled: p.titled, last, lower: lower.into(), n_words };
                self.known.insert(p.name.clone(), known);
            }
        }
        self.persons.push(p);
    }

    /// Indexes the person `name`, named at byte `at`, by the title written
    /// in tokens `r`: its whole key, every prefix of it, and its later office
    /// words and the acronym that abbreviates it.
    fn add_title(&mut self, doc: &Doc, r: Range<usize>, name: &Name, at: usize) {
        self.add_role(role_key(doc, r.clone()), name, at);
        for k in r.clone().skip(1) {
            let word = is_office(doc, k) && !doc.cap(k) || title_acronym(doc, k, r.start);
            if word {
                match self.role_words.get_mut(doc.low(k)) {
                    Some(holders) => holders.push((at, name.clone())),
                    None => {
                        self.role_words.insert(doc.low(k).into(), vec![(at, name.clone())]);
                    }
                }
            }
        }
    }

    fn add_role(&mut self, key: String, name: &Name, at: usize) {
        if key.is_empty() {
            return;
        }
        // Every shorter prefix of whole words: `presiden` for `presiden
        // korea utara`. A key is new only for a new title; look it up first.
        for (space, _) in key.match_indices(' ') {
            let prefix = &key[..space];
            match self.role_prefixes.get_mut(prefix) {
                Some(holders) => holders.push((at, name.clone())),
                None => {
                    self.role_prefixes.insert(prefix.into(), vec![(at, name.clone())]);
                }
            }
        }
        self.roles.entry(key).or_default().push((at, name.clone()));
    }

    pub fn is_person(&self, name: &str) -> bool {
        self.known.contains_key(name) || self.speakers.contains(name)
    }

    /// Remembers a resolved claimant as a person: later pronouns may refer
    /// to them.
    pub fn confirm_speaker(&mut self, name: &str) {
        if let Some((known, _)) = self.known.get_key_value(name) {
            if !self.speakers.contains(name) {
                self.speakers.insert(known.clone());
            }
        }
    }

    fn sure(&self, name: &str) -> bool {
        self.known.get(name).is_some_and(|k| k.titled) || self.speakers.contains(name)
    }

    /// The nearest person mention ending before byte `at`, at most `limit`
    /// bytes back, whose name is surely a person's.
    fn sure_person_before(&self, at: usize, limit: usize) -> Option<&Person> {
        let upto = self.persons.partition_point(|p| p.span.end() <= at);
        self.persons[..upto].iter().rev().take_while(|p| at - p.span.end() < limit).find(|p| self.sure(&p.name))
    }

    /// The longest known person name that contains every word of `short`,
    /// preferring names introduced with a title. Looks only at the names
    /// that share the rarest word of `short`.
    fn fullest(&self, short: &str) -> Option<Name> {
        // One word (`Kirby`, `Yusri`) is most of the questions: no vector.
        let mut words = short.split_whitespace();
        if let (Some(word), None) = (words.next(), words.next()) {
            return with_lower(word, |low| {
                let exact = self.by_word.get(low).and_then(|names| {
                    names
                        .iter()
                        .map(|name| (name, &self.known[name]))
                        .filter(|(_, k)| k.words().any(|w| w == low))
                        .max_by_key(|(name, k)| (self.sure(name), k.n_words, k.last))
                        .map(|(name, k)| (name.clone(), k.n_words))
                });
                match exact {
                    Some((name, n)) if n >= 2 => Some(name),
                    alone => self.nickname(low).or(alone.map(|(name, _)| name)),
                }
            });
        }
        let lower: Vec<String> = short.split_whitespace().map(str::to_lowercase).collect();
        let candidates = lower.iter().filter_map(|w| self.by_word.get(w.as_str())).min_by_key(|c| c.len())?;
        candidates
            .iter()
            .map(|name| (name, &self.known[name]))
            .filter(|(_, k)| lower.iter().all(|s| k.words().any(|w| w == s)))
            .max_by_key(|(name, k)| (self.sure(name), k.n_words, k.last))
            .map(|(name, _)| name.clone())
    }

    /// The one full name with a word that starts with `low` and is at least
    /// two letters longer (`Wulan` for `Tri Wulandarisari`): a nickname cut
    /// from a long name word. Two such names: none.
    fn nickname(&self, low: &str) -> Option<Name> {
        let key = nickname_key(low, NICKNAME_MIN)?;
        let mut found: Option<&Name> = None;
        for name in self.by_prefix.get(key)? {
            let k = &self.known[name];
            if !k.words().any(|w| w.len() >= low.len() + 2 && w.starts_with(low)) {
                continue;
            }
            match found {
                Some(f) if f != name => return None,
                _ => found = Some(name),
            }
        }
        found.cloned()
    }

    /// The holder of the title written alone as `np` (`Kapolresta`, `Kapolres
    /// Sukamaju`, `JPU`, `Hakim`): by the whole title, else, for one word, by
    /// an office word or acronym inside a longer title.
    fn by_title(&self, doc: &Doc, np: Range<usize>, at: usize) -> Option<Name> {
        let opens = doc.is(np.start, Cat::ROLE) || doc.is(np.start, Cat::JURIS) || doc.all_caps(np.start);
        if !opens || np.clone().any(|k| doc.kind(k) != TokKind::Word) {
            return None;
        }
        let key = role_key(doc, np.clone());
        if self.roles.contains_key(&key) || self.role_prefixes.contains_key(key.as_str()) {
            return self.by_role(&key, at);
        }
        let holders = self.role_words.get(key.as_str()).filter(|_| np.len() == 1)?;
        let before = &holders[..holders.partition_point(|(pos, _)| *pos < at)];
        before.last().or(holders.first()).map(|(_, name)| name.clone())
    }

    /// The holder of the role `key` named last before byte `at` (the first
    /// one named, if none is before).
    fn by_role(&self, key: &str, at: usize) -> Option<Name> {
        if key.is_empty() {
            return None;
        }
        // The exact title (`jaksa`) and longer ones it begins (`jaksa
        // penuntut umum`): whichever holder was named last before `at`.
        let lists = [self.roles.get(key), self.role_prefixes.get(key)];
        let last_before = lists
            .iter()
            .flatten()
            .filter_map(|holders| holders[..holders.partition_point(|(pos, _)| *pos < at)].last())
            .max_by_key(|(pos, _)| *pos);
        let first = || lists.iter().flatten().filter_map(|holders| holders.first()).min_by_key(|(pos, _)| *pos);
        last_before.or_else(first).map(|(_, name)| name.clone())
    }

    /// The person mentioned nearest before byte `at`, among those surely
    /// persons, and where the mention ends.
    pub fn person_before(&self, at: usize, limit: usize) -> Option<(usize, String)> {
        self.sure_person_before(at, limit).map(|p| (p.span.end(), p.name.to_string()))
    }

    /// Like [`Names::person_before`], with the mention's span.
    pub fn person_mention_before(&self, at: usize, limit: usize) -> Option<(Span, String)> {
        self.sure_person_before(at, limit)
            .map(|p| (p.span, self.fullest(&p.name).unwrap_or_else(|| p.name.clone()).to_string()))
    }

    /// Organisations mentioned before byte `at`, nearest first, at most
    /// `limit` of them.
    fn organisations_before(&self, at: usize, limit: usize) -> impl Iterator<Item = &Entity> {
        let upto = self.entities.partition_point(|e| e.span.end() <= at);
        self.entities[..upto].iter().rev().take(limit).filter(|e| e.kind == EntityKind::Organisation)
    }

    /// Role descriptions with a demonstrative before `at`, resolved.
    pub fn description_before(&self, doc: &Doc, at: usize, limit: usize) -> Option<(usize, String)> {
        let from = doc.tok_at(at.saturating_sub(limit));
        let to = doc.tok_at(at);
        (from..to)
            .rev()
            .find_map(|k| self.description_at(doc, k, from, at).map(|(_, n)| (doc.toks[k].end(), n.to_string())))
    }

    /// The person a description ending with the demonstrative at token `k`
    /// refers to (`pemimpin Korea Utara tersebut`: the holder of that role
    /// named last before byte `at`), and where the description starts; it
    /// starts no earlier than token `from`.
    fn description_at(&self, doc: &Doc, k: usize, from: usize, at: usize) -> Option<(usize, Name)> {
        if !doc.is(k, Cat::DEMONSTRATIVE)
            || k == 0
            || k <= from
            || !doc.is(k - 1, Cat::ROLE) && !doc.is(k - 1, Cat::PLACE) && !doc.is(k - 1, Cat::DIRECTION)
        {
            return None;
        }
        let mut s = k;
        while s > from
            && doc.kind(s - 1) == TokKind::Word
            && (doc.is(s - 1, Cat::ROLE) || doc.is(s - 1, Cat::PLACE) || doc.is(s - 1, Cat::DIRECTION))
        {
            s -= 1;
        }
        if !(s..k).any(|x| doc.is(x, Cat::ROLE)) {
            return None;
        }
        self.by_role(&role_key(doc, s..k), at).map(|n| (s, n))
    }
}

/// Where a capitalized run is: its sentence, how many narrative sentences
/// came before, and which tokens are quoted.
struct Place<'a> {
    sentence: Range<usize>,
    narrative: usize,
    quoted: &'a dyn Fn(usize) -> bool,
}

/// A one-word name waiting for the whole article: `Yusri` is a person if
/// `Yusri Yunus` is named somewhere.
struct Short {
    tok: usize,
    narrative: usize,
    weight: Weight,
}

/// Whether the person mention `m` (its titles included) is the subject of
/// its sentence: it opens the sentence or follows a comma (`Meski demikian,
/// Yusri ...`, `..., Rina, pengamat ..., menilai`), and a predicate follows
/// it, not the end of the sentence or a passive verb (`IJP juga telah
/// ditarik` is done to, not by). Anything else is an object.
fn focus_weight(doc: &Doc, m: Range<usize>, sentence: &Range<usize>) -> Weight {
    // What precedes the mention in its clause: nothing, or other titles of
    // the same person (`Kepala X yang juga Ketua Y Budi`).
    let clause = (sentence.start..m.start).rev().find(|&k| doc.punct(k, &[','])).map_or(sentence.start, |c| c + 1);
    let opens = (clause..m.start).all(|k| {
        doc.cap(k)
            || doc.is(k, Cat::ROLE)
            || doc.punct(k, &['(', ')', '-'])
            || doc.kind(k) == TokKind::Number
            || matches!(doc.low(k), "yang" | "juga" | "sekaligus" | "selaku" | "dan" | "serta")
    });
    // `Budi, saat dihubungi, Senin, mengatakan`: an aside after a name
    // that opens its clause belongs to a subject.
    if opens && m.end < sentence.end && doc.punct(m.end, &[',']) {
        return Weight::Subject;
    }
    let mut k = m.end;
    // An age or acronym in brackets, an apposition set off by commas.
    if k < sentence.end && doc.punct(k, &['(']) {
        while k < sentence.end && !doc.punct(k, &[')']) {
            k += 1;
        }
        k += 1;
    }
    if k < sentence.end && doc.punct(k, &[',']) {
        k += 1;
        while k < sentence.end && !doc.punct(k, &[',']) {
            k += 1;
        }
        k += 1;
    }
    while k < sentence.end && doc.is(k, Cat::AUX) && !doc.cap(k) {
        k += 1;
    }
    let predicate = k < sentence.end
        && doc.kind(k) == TokKind::Word
        && !doc.cap(k)
        && !is_passive(doc.low(k))
        && !matches!(doc.low(k), "dan" | "atau" | "serta" | "tersebut" | "itu" | "ini")
        && !doc.is(k, Cat::STOP);
    if opens && predicate {
        Weight::Subject
    } else {
        Weight::Object
    }
}

/// An acronym in parentheses that abbreviates the office words before it:
/// `Jaksa penuntut umum (JPU)`; not a body's (`Komisi Pemilihan Umum (KPU)`).
fn title_acronym(doc: &Doc, k: usize, start: usize) -> bool {
    if !doc.all_caps(k) || k < start + 2 || !doc.punct(k - 1, &['(']) {
        return false;
    }
    let letters: Vec<char> = doc.low(k).chars().collect();
    let n = letters.len();
    let open = k - 1;
    if n < 2 || open < start + n {
        return false;
    }
    let words = open - n..open;
    words.clone().all(|t| doc.kind(t) == TokKind::Word && !doc.is(t, Cat::ORG))
        && is_office(doc, words.start)
        && words.zip(letters).all(|(t, c)| doc.low(t).starts_with(c))
}

/// `ditarik`, `dirawat`, `tertangkap`: the subject of these is acted on.
fn is_passive(low: &str) -> bool {
    (low.starts_with("di") || low.starts_with("ter")) && low.len() > 5 && !matches!(low, "diri" | "dirinya")
}

/// The head of a road's, a building's or a place's name, which is often a
/// person's: `Jalan Sudirman`, `RSUD Dr Soetomo`, `Bandara Sultan
/// Hasanuddin`, `Masjid Istiqlal`.
fn is_named_after(low: &str) -> bool {
    matches!(
        low,
        "jalan"
            | "jl"
            | "jln"
            | "gang"
            | "gg"
            | "bandara"
            | "bandar"
            | "pelabuhan"
            | "terminal"
            | "stasiun"
            | "stadion"
            | "lapangan"
            | "gedung"
            | "wisma"
            | "taman"
            | "monumen"
            | "museum"
            | "makam"
            | "jembatan"
            | "tol"
            | "masjid"
            | "gereja"
            | "pura"
            | "klenteng"
            | "rsud"
            | "rsup"
            | "rs"
            | "sakit"
            | "universitas"
            | "kampus"
            | "yayasan"
            | "pesantren"
            | "ponpes"
            | "kri"
            | "km"
            | "kapal"
    )
}

fn is_pronoun(s: &str) -> bool {
    matches!(s.to_lowercase().as_str(), "ia" | "dia" | "beliau" | "nya" | "mereka" | "pihaknya" | "dirinya")
}

/// `laporan-laporan`, `sumber-sumber`: a noun said twice is a plural.
/// How many narrative sentences back `mereka` finds a group that opened a
/// sentence: the paragraph before.
const GROUP_WINDOW: usize = 2;

/// A group that opens sentence `r` as its subject, perhaps after an
/// adverbial and its comma (`Seusai sidang, puluhan korban`): a plural
/// quantifier (`puluhan`, `ratusan`, `sejumlah`, `para`, `beberapa`) and
/// the nouns after it, up to `yang`, a preposition, a verb or punctuation
/// (`Ratusan warga Nagari X`, `para nelayan tradisional`).
fn group_opening(doc: &Doc, r: Range<usize>) -> Option<Range<usize>> {
    let comma = (r.start..r.end.min(r.start + 5)).find(|&k| doc.punct(k, &[',']));
    let q = [Some(r.start), comma.map(|c| c + 1)].into_iter().flatten().find(|&k| {
        k < r.end && matches!(doc.low(k), "puluhan" | "ratusan" | "ribuan" | "sejumlah" | "para" | "beberapa")
    })?;
    let mut e = q + 1;
    while e < r.end && e - q < 6 {
        let low = doc.low(e);
        let verb = !doc.cap(e)
            && low.len() > 4
            && ["me", "be", "di", "te", "ter", "ber"].iter().any(|p| low.starts_with(p))
            && !doc.is(e, Cat::ROLE);
        if doc.kind(e) != TokKind::Word
            || verb
            || doc.is(e, Cat::AUX)
            || doc.is(e, Cat::BOUNDARY)
            || doc.is(e, Cat::STOP)
            || doc.is(e, Cat::CUE_PRE)
            || doc.is(e, Cat::CUE_POST)
            || matches!(low, "yang" | "di" | "dari" | "ke" | "dalam" | "asal")
        {
            break;
        }
        e += 1;
    }
    (e > q + 1).then_some(q..e)
}

/// A claimant named by office words only (`Jaksa`, `Kapolres`): one
/// official, never what `mereka` stands for.
fn is_title(resolved: &str) -> bool {
    resolved.split_whitespace().all(|w| with_lower(w, |low| crate::extract::lexicon::cat(low).has(Cat::ROLE)))
}

fn is_plural(low: &str) -> bool {
    low.split_once('-').is_some_and(|(a, b)| !a.is_empty() && a == b)
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.eq_ignore_ascii_case(word))
}

/// One unnamed person: `Seorang pedagang`, `salah seorang warga`.
fn is_one_unnamed(doc: &Doc, np: Range<usize>) -> bool {
    let first = doc.low(np.start);
    np.len() >= 2
        && (first == "seorang" || first == "salah" && doc.low(np.start + 1) == "seorang")
        && !np.clone().any(|k| doc.punct(k, &[',']))
}

/// An unnamed source: `seorang pejabat AS`, `sejumlah warga`, `mereka`,
/// and a reduplicated plural (`Laporan-laporan`, `sumber-sumber`), which is
/// never one person.
fn is_group(doc: &Doc, np: Range<usize>) -> bool {
    is_plural(doc.low(np.start))
        || matches!(
            doc.low(np.start),
            "seorang"
                | "sejumlah"
                | "para"
                | "beberapa"
                | "warga"
                | "sebagian"
                | "banyak"
                | "kalangan"
                | "mereka"
                | "sebuah"
                | "salah"
        )
        || np.len() == 1 && matches!(doc.low(np.start), "warga" | "pedagang" | "petani" | "nelayan" | "buruh" | "kami")
}

/// A common word of a body's name that is no one's name: `Ikatan Pedagang
/// Pasar Tradisional`, `Ekonomi Kreatif`, `Network for Democracy and
/// Electoral Integrity`. Indonesian nouns and adjectives that name what a
/// body does, and English ones of the same use; a word that is also a given
/// name in the name lists is left to them. Written for this project.
fn is_body_word(doc: &Doc, k: usize) -> bool {
    !doc.is(k, Cat::GIVEN)
        && matches!(
            doc.low(k),
            "masyarakat"
                | "pasar"
                | "tradisional"
                | "modern"
                | "terpadu"
                | "kreatif"
                | "produk"
                | "industri"
                | "multi"
                | "pedagang"
                | "pengusaha"
                | "perajin"
                | "pekerja"
                | "buruh"
                | "konsumen"
                | "penanggulangan"
                | "bencana"
                | "pengelola"
                | "pengelolaan"
                | "promosi"
                | "pemasaran"
                | "pelayanan"
                | "penelitian"
                | "pengembangan"
                | "kajian"
                | "studi"
                | "advokasi"
                | "bantuan"
                | "hukum"
                | "pangan"
                | "gambut"
                | "hutan"
                | "satwa"
                | "margasatwa"
                | "konservasi"
                | "organik"
                | "usaha"
                | "mikro"
                | "menengah"
                | "swasta"
                | "transportasi"
                | "angkutan"
                | "logistik"
                | "perbankan"
                | "asuransi"
                | "properti"
                | "infrastruktur"
                | "wisata"
                | "kuliner"
                | "kesenian"
                | "seni"
                | "budaya"
                | "peduli"
                | "demokrasi"
                | "global"
                | "justice"
                | "integrity"
                | "electoral"
                | "democracy"
                | "network"
                | "strategic"
                | "syndicate"
                | "hospitality"
                | "marketplace"
                | "commuter"
                | "research"
                | "studies"
                | "investment"
                | "ventures"
                | "holdings"
                | "solutions"
                | "services"
                | "technologies"
                | "technology"
                | "consulting"
                | "institute"
                | "initiative"
                | "policy"
                | "public"
                | "society"
                | "watch"
        )
}

/// A Balinese name's first word, by birth order or caste: `Wayan`, `Made`,
/// `Nyoman`, `Ketut`, `Putu`, `Kadek`, `Komang`, `Gede`, `Cokorda`; `I` and
/// `Ni` before another such word (`I Gusti`, `Ni Luh`), never as an initial.
fn opens_balinese_name(doc: &Doc, k: usize, end: usize) -> bool {
    let next_particle = k + 1 < end && is_name_particle(doc.low(k + 1));
    match doc.low(k) {
        "wayan" | "made" | "nyoman" | "ketut" | "putu" | "kadek" | "komang" | "nengah" | "gede" | "cokorda"
        | "tjokorda" => doc.cap(k),
        "i" | "ni" => doc.word(k) != "i" && next_particle,
        _ => false,
    }
}

/// A lower-case word before a capitalized one that makes it a thing's name,
/// not a person's: a common noun or `di`/`ke` (`layanan X`, `di X`); not a
/// verb (`bertemu X`), a role (`istri X`) or a preposition of persons
/// (`kepada X`, `oleh X`).
fn owner_noun(doc: &Doc, p: usize) -> bool {
    let low = doc.low(p);
    let verb = ["me", "be", "di", "te", "pe", "ke"].iter().any(|f| low.starts_with(f)) && low.len() > 4;
    doc.kind(p) == TokKind::Word
        && !doc.cap(p)
        && (matches!(low, "di" | "ke") || !verb)
        && !doc.is(p, Cat::ROLE)
        && !doc.is(p, Cat::RANK)
        && !doc.is(p, Cat::CUE_PRE)
        && !doc.is(p, Cat::CUE_POST)
        && !doc.is(p, Cat::SOURCE)
        && !matches!(
            low,
            "kepada"
                | "oleh"
                | "dengan"
                | "bersama"
                | "untuk"
                | "bagi"
                | "dari"
                | "dan"
                | "atau"
                | "serta"
                | "sang"
                | "si"
        )
}

/// A token range as one integer: both ends fit in 32 bits (four billion
/// tokens would not fit in memory).
#[cfg(not(target_arch = "wasm32"))]
fn range_key(r: &Range<usize>) -> u64 {
    (r.start as u64) << 32 | (r.end as u64 & 0xffff_ffff)
}

/// A word's key in the per-document word sets: FNV-1a of its lower-case
/// bytes, so that remembering a word allocates nothing. A collision can only
/// move where one name starts.
fn word_key(low: &str) -> u64 {
    low.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Words that open many Indonesian names and are left out when the person
/// is called by the next word: `Muhammad Tito Karnavian` is `Tito`, `Ahmad
/// Riza Patria` is `Riza`, `Sri Mulyani` is `Mulyani`.
fn is_name_opener(low: &str) -> bool {
    matches!(
        low,
        "muhammad"
            | "mohammad"
            | "mohamad"
            | "muhamad"
            | "mochammad"
            | "mochamad"
            | "moh"
            | "muh"
            | "mhd"
            | "ahmad"
            | "achmad"
            | "akhmad"
            | "abdul"
            | "abd"
            | "siti"
            | "sri"
            | "nur"
            | "nurul"
            | "ahmed"
            | "mohammed"
            | "mohamed"
            | "abu"
            | "syarif"
            | "said"
            | "tri"
            | "dwi"
            | "eka"
            | "raden"
            | "kiagus"
            | "kemas"
            | "masagus"
            | "nyimas"
    )
}

/// The shortest nickname cut from a name word, in letters: shorter starts
/// (`Sri`, `Ali`) are whole given names more often than nicknames.
const NICKNAME_MIN: usize = 5;

/// The key of a nickname index: the first four letters of `low`, a
/// lower-case word of at least `min` letters, all of them letters.
fn nickname_key(low: &str, min: usize) -> Option<&str> {
    let letters = low.chars().count();
    if letters < min || !low.chars().all(char::is_alphabetic) {
        return None;
    }
    low.char_indices().nth(4).map(|(i, _)| &low[..i])
}
