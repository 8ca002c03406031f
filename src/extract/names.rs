//! Entity mentions and the fullest name the document gives a claimant.
//!
//! Names are read from capitalized runs: `Juru Bicara Dewan Keamanan Nasional
//! Amerika Serikat (AS) John Kirby` is a role, an organisation, a place and a
//! person. What is learnt (full person names, which role belongs to whom)
//! resolves short names (`Kirby`), titles (`Presiden`), pronouns (`ia`,
//! `ujarnya`) and descriptions (`pejabat tersebut`, `pusat tersebut`).

use std::ops::Range;

use super::doc::Doc;
use super::lexicon::Cat;
use super::tokens::TokKind;
use crate::model::{Entity, EntityKind, Span};

/// A person mention. `titled` when a role, rank or apposition introduced it
/// (`Menteri X`, `Kepala Y, X,`): a bare capitalized pair may as well be a
/// programme or a place (`Kartu Prakerja`, `Candi Borobudur`).
struct Person {
    span: Span,
    name: String,
    titled: bool,
}

/// Names learnt from one document.
#[derive(Default)]
pub struct Names {
    pub entities: Vec<Entity>,
    /// Full person names, with where they were mentioned.
    persons: Vec<Person>,
    /// Names already resolved as speakers: the surest persons there are.
    speakers: Vec<String>,
    /// `(role words in lower case, person name)`: `presiden` -> `Joko Widodo`.
    roles: Vec<(String, String)>,
    /// `(acronym, full name)`: `KLHK` -> `Kementerian Lingkungan Hidup dan
    /// Kehutanan (KLHK)`, learnt where the text spells it out.
    acronyms: Vec<(String, String)>,
}

impl Names {
    /// Reads every capitalized run in the body sentences (`ranges`).
    pub fn learn(doc: &Doc, ranges: &[Range<usize>]) -> Names {
        let mut names = Names::default();
        for r in ranges {
            names.learn_acronyms(doc, r.clone());
            let mut i = r.start;
            while i < r.end {
                if !starts_name(doc, i, r.start) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < r.end && continues_name(doc, j, r.end) {
                    j += 1;
                }
                names.classify(doc, i..j, r.start);
                i = j;
            }
        }
        names
    }

    fn classify(&mut self, doc: &Doc, run: Range<usize>, sentence_start: usize) {
        // Role words written in lower case right before the run count too:
        // `pemimpin Korea Utara Kim Jong Un`, `presiden Korea Utara (Korut) ...`.
        let mut role_start = run.start;
        while role_start > sentence_start
            && doc.kind(role_start - 1) == TokKind::Word
            && !doc.cap(role_start - 1)
            && doc.is(role_start - 1, Cat::ROLE)
        {
            role_start -= 1;
        }
        let span = doc.span(run.start, run.end);
        let first = doc.cat(run.start);
        let last = doc.cat(run.end - 1);
        let all_places =
            run.clone().all(|k| doc.is(k, Cat::PLACE) || doc.is(k, Cat::DIRECTION) || doc.punct(k, &['(', ')']));
        if all_places {
            self.entities.push(Entity { span, kind: EntityKind::Place });
            return;
        }
        // A word before a number names a thing: `Covid-19`, `Nomor 8`.
        let numbered = run.end < doc.len()
            && (doc.kind(run.end) == TokKind::Number
                || (doc.punct(run.end, &['-']) && run.end + 1 < doc.len() && doc.kind(run.end + 1) == TokKind::Number));
        if let Some(name) = person_tail(doc, role_start..run.end).filter(|_| !numbered) {
            let has_prefix = name.start > role_start;
            let bare_person = !has_prefix && name.len() >= 2;
            // `Salah satu korban, Siti (45),`: one name in apposition to a role.
            let appositive = !has_prefix
                && name.start >= 2
                && doc.punct(name.start - 1, &[','])
                && (name.start.saturating_sub(5).max(sentence_start)..name.start - 1).any(|k| doc.is(k, Cat::ROLE));
            let after_role =
                has_prefix && (role_start..name.start).any(|k| doc.is(k, Cat::ROLE) || doc.is(k, Cat::RANK));
            if bare_person || appositive || after_role || (has_prefix && name.len() >= 2) {
                let full = words(doc, name.clone());
                if has_prefix {
                    let role = role_key(doc, role_start..name.start);
                    if !role.is_empty() {
                        self.roles.push((role, full.clone()));
                    }
                }
                // An appositive: `pemimpin Korea Utara, Kim Jong Un`.
                if !has_prefix && name.start >= 2 && doc.punct(name.start - 1, &[',']) {
                    let mut k = name.start - 1;
                    while k > sentence_start
                        && doc.kind(k - 1) == TokKind::Word
                        && (doc.is(k - 1, Cat::ROLE) || doc.cap(k - 1))
                        && name.start - k < 8
                    {
                        k -= 1;
                    }
                    if (k..name.start - 1).any(|x| doc.is(x, Cat::ROLE)) {
                        self.roles.push((role_key(doc, k..name.start - 1), full.clone()));
                    }
                }
                if run.start < name.start {
                    self.entities.push(Entity {
                        span: doc.span(run.start, name.start),
                        kind: org_or_place(doc, run.start..name.start),
                    });
                }
                let titled = has_prefix || (name.start >= 1 && doc.punct(name.start - 1, &[',']));
                self.persons.push(Person { span: doc.span(name.start, name.end), name: full, titled });
                self.entities.push(Entity { span: doc.span(name.start, name.end), kind: EntityKind::Person });
                return;
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
    }

    /// The fullest name for the claimant written as `np`, which starts at
    /// byte `at`. `previous` lists earlier claimants (surface, resolved),
    /// nearest last.
    pub fn resolve(
        &self,
        doc: &Doc,
        np: Range<usize>,
        who: Span,
        recent: &[(usize, String, String)],
        previous: &[(usize, String, String)],
        nearest: &dyn Fn() -> Option<String>,
    ) -> String {
        let surface = who.text(doc.text).trim().to_owned();
        // `mereka`, `kami`: a group, never one person named before.
        if np.len() == 1 && matches!(doc.low(np.start), "mereka" | "kami" | "kita") {
            return recent
                .iter()
                .rev()
                .find(|(_, s, r)| !is_pronoun(s) && !self.is_person(r))
                .map_or(surface, |(_, _, r)| r.clone());
        }
        if np.is_empty() || (np.len() == 1 && doc.is(np.start, Cat::PRONOUN)) {
            // A pronoun: the last person spoken of.
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
        let demonstrative = doc.is(np.end - 1, Cat::DEMONSTRATIVE);
        if demonstrative && np.len() >= 2 {
            let desc = np.start..np.end - 1;
            let head = doc.low(desc.start);
            if let Some((_, _, r)) =
                previous.iter().rev().find(|(_, s, r)| contains_word(s, head) || contains_word(r, head))
            {
                return r.clone();
            }
            let key = role_key(doc, desc.clone());
            if let Some(name) = self.by_role(&key) {
                return name;
            }
            if let Some(e) = self
                .entities
                .iter()
                .rev()
                .filter(|e| e.span.end() <= who.start() && e.kind == EntityKind::Organisation)
                .find(|e| e.span.text(doc.text).split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case(head)))
            {
                return e.span.text(doc.text).to_owned();
            }
            if doc.is(desc.start, Cat::ROLE) {
                return nearest().unwrap_or(surface);
            }
            return surface;
        }
        // A generic description of an organisation just named: `lembaga
        // pemikir Washington` after `Pusat Studi Strategis dan Internasional`.
        if !doc.cap(np.start)
            && matches!(first, "lembaga" | "organisasi" | "institusi" | "badan" | "pusat" | "perusahaan" | "kelompok")
        {
            if let Some(e) = self.entities.iter().rev().find(|e| {
                e.span.end() <= who.start() && e.kind == EntityKind::Organisation && who.start() - e.span.end() < 600
            }) {
                return e.span.text(doc.text).to_owned();
            }
        }
        // An organisation: its spelt-out name, acronym included.
        // Countries keep the name the text uses (`AS`), organisations get
        // their full one.
        if np.len() == 1 && !doc.is(np.start, Cat::PLACE) {
            if let Some((_, full)) = self.acronyms.iter().find(|(a, _)| a == doc.word(np.start)) {
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
            return self
                .acronyms
                .iter()
                .find(|(a, _)| a == body)
                .map(|(_, full)| full.clone())
                .unwrap_or_else(|| body.to_owned());
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
            if let Some(name) = person_tail(doc, np.clone()) {
                let short = words(doc, name.clone());
                return self.fullest(&short).unwrap_or(short);
            }
        }
        // A title alone: `kata Presiden`.
        if titled
            && np.clone().all(|k| {
                doc.is(k, Cat::ROLE) || doc.is(k, Cat::RANK) || doc.is(k, Cat::PLACE) || doc.is(k, Cat::DIRECTION)
            })
        {
            if let Some(name) = self.by_role(&role_key(doc, np.clone())) {
                return name;
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
                let joins = doc.low(t) == "dan" || doc.punct(t, &['.', '&']) && !doc.space_before(t);
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
            self.acronyms.retain(|(a, _)| a != acronym);
            self.acronyms.push((acronym.to_owned(), full));
        }
    }

    fn is_person(&self, name: &str) -> bool {
        self.persons.iter().any(|p| p.name == name) || self.speakers.iter().any(|p| p == name)
    }

    /// Remembers a resolved claimant as a person: later pronouns may refer
    /// to them.
    pub fn confirm_speaker(&mut self, name: &str) {
        if self.persons.iter().any(|p| p.name == name) && !self.speakers.iter().any(|p| p == name) {
            self.speakers.push(name.to_owned());
        }
    }

    fn sure(&self, p: &Person) -> bool {
        p.titled || self.speakers.contains(&p.name)
    }

    /// The longest known person name that contains every word of `short`,
    /// preferring names introduced with a title.
    fn fullest(&self, short: &str) -> Option<String> {
        self.persons
            .iter()
            .filter(|p| short.split_whitespace().all(|s| p.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(s))))
            .max_by_key(|p| (self.sure(p), p.name.split_whitespace().count()))
            .map(|p| p.name.clone())
    }

    fn by_role(&self, key: &str) -> Option<String> {
        if key.is_empty() {
            return None;
        }
        let starts = |r: &str| r.strip_prefix(key).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
        self.roles
            .iter()
            .rev()
            .find(|(r, _)| r == key)
            .or_else(|| self.roles.iter().rev().find(|(r, _)| starts(r)))
            .map(|(_, n)| n.clone())
    }

    /// The person mentioned nearest before byte `at`, among those surely
    /// persons, and where the mention ends.
    pub fn person_before(&self, at: usize, limit: usize) -> Option<(usize, String)> {
        self.persons
            .iter()
            .rev()
            .find(|p| p.span.end() <= at && at - p.span.end() < limit && self.sure(p))
            .map(|p| (p.span.end(), p.name.clone()))
    }

    /// Role descriptions with a demonstrative before `at`, resolved.
    pub fn description_before(&self, doc: &Doc, at: usize, limit: usize) -> Option<(usize, String)> {
        let from = doc.tok_at(at.saturating_sub(limit));
        let to = doc.tok_at(at);
        (from..to).rev().find_map(|k| {
            if !doc.is(k, Cat::DEMONSTRATIVE)
                || k == 0
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
            self.by_role(&role_key(doc, s..k)).map(|n| (doc.toks[k].end(), n))
        })
    }
}

/// A capitalized word that can start a name.
fn starts_name(doc: &Doc, i: usize, sentence_start: usize) -> bool {
    if doc.kind(i) != TokKind::Word || !doc.cap(i) {
        return false;
    }
    let c = doc.cat(i);
    if c.has(Cat::MONTH) || c.has(Cat::DAY) {
        return false;
    }
    // A capital at the start of a sentence says nothing about a common word.
    !(i == sentence_start
        && (c.has(Cat::BOUNDARY)
            || c.has(Cat::STOP)
            || c.has(Cat::AUX)
            || c.has(Cat::PRONOUN)
            || c.has(Cat::NEG)
            || c.has(Cat::DEMONSTRATIVE)))
}

fn continues_name(doc: &Doc, j: usize, end: usize) -> bool {
    if doc.kind(j) == TokKind::Word && doc.cap(j) && !doc.is(j, Cat::MONTH) && !doc.is(j, Cat::DAY) {
        return true;
    }
    // `Pusat Studi Strategis dan Internasional`, `Ahmad bin Ali`; but
    // `Korea Utara dan Rusia` is two names.
    if doc.kind(j) == TokKind::Word && j + 1 < end && doc.cap(j + 1) {
        match doc.low(j) {
            "bin" | "binti" | "van" | "von" | "de" | "al" | "el" | "da" => return true,
            "dan" => return !(doc.is(j + 1, Cat::ORG) || doc.is(j + 1, Cat::PLACE) || doc.is(j + 1, Cat::ROLE)),
            _ => {}
        }
    }
    if doc.punct(j, &['(']) {
        return j + 2 < end && doc.all_caps(j + 1) && doc.punct(j + 2, &[')']);
    }
    if doc.punct(j, &['.']) {
        return !doc.space_before(j) && doc.word(j - 1).chars().count() == 1 && j + 1 < end && doc.cap(j + 1);
    }
    if doc.punct(j, &[')']) {
        return j >= 2 && doc.punct(j - 2, &['(']);
    }
    doc.kind(j) == TokKind::Word && doc.all_caps(j) && j + 1 < end && doc.cap(j + 1)
}

/// The person's name at the end of `np`: the capitalized words after the
/// last role, rank, organisation or place word. `None` if there is none.
fn person_tail(doc: &Doc, np: Range<usize>) -> Option<Range<usize>> {
    // An age or an acronym after the name: `Euis Sumiati (45)`; degrees
    // after a comma: `Melati Sukma, Sp.P`.
    let mut np = np;
    if np.len() > 2 && doc.punct(np.end - 2, &[',']) && doc.word(np.end - 1).contains('.') {
        np = np.start..np.end - 2;
    }
    if np.len() > 2 && doc.punct(np.end - 1, &[')']) {
        if let Some(p) = (np.start..np.end - 1).rev().take(5).find(|&p| doc.punct(p, &['('])) {
            np = np.start..p;
        }
    }
    let mut k = np.end;
    while k > np.start {
        let t = k - 1;
        let c = doc.cat(t);
        // The second word of an organisation's name: `Gedung Putih`. A
        // complete name before a person (`Kemenkes Siti Nadia`) is no head.
        if t > np.start && k < np.end && doc.cap(t - 1) && is_org_head(doc.low(t - 1)) {
            break;
        }
        let w = doc.word(t);
        let plain = doc.kind(t) == TokKind::Word
            && !c.has(Cat::PORTFOLIO)
            && doc.cap(t)
            && !doc.all_caps(t)
            && !w.contains(|c: char| c.is_ascii_digit() || c == '.')
            && !(c.has(Cat::ROLE)
                || c.has(Cat::RANK)
                || c.has(Cat::ORG)
                || c.has(Cat::PLACE)
                || c.has(Cat::DIRECTION)
                || c.has(Cat::OUTLET)
                || c.has(Cat::ORG_TAIL)
                || c.has(Cat::PRONOUN)
                || c.has(Cat::BOUNDARY)
                || c.has(Cat::STOP)
                || c.has(Cat::DEMONSTRATIVE));
        // A one-letter initial inside a name: `Jean H Lee`, `Teguh P. Nugroho`;
        // a short acronym closing one: `Mahfud MD`.
        let initial = (doc.kind(t) == TokKind::Word && doc.word(t).chars().count() == 1 && doc.cap(t) && k < np.end)
            || (doc.punct(t, &['.'])
                && t > np.start
                && !doc.space_before(t)
                && doc.word(t - 1).chars().count() == 1
                && k < np.end);
        let closing_acronym = t + 1 == np.end
            && t > np.start
            && doc.all_caps(t)
            && w.chars().count() <= 3
            && doc.cap(t - 1)
            && !doc.all_caps(t - 1)
            && !doc.cat(t - 1).has(Cat::ORG)
            && !doc.cat(t - 1).has(Cat::ROLE);
        if !(plain || initial || closing_acronym) || np.end - t > 5 {
            break;
        }
        k = t;
    }
    if k == np.end || (k + 1 == np.end && doc.all_caps(k)) {
        return None;
    }
    // `Kepala Bapanas Hendra Wijayakusuma`: a head of something names the
    // body first.
    if k > np.start
        && np.end - k >= 3
        && matches!(
            doc.low(k - 1),
            "kepala"
                | "ketua"
                | "direktur"
                | "manajer"
                | "pimpinan"
                | "pelatih"
                | "kapten"
                | "dirut"
                | "sekjen"
                | "rektor"
                | "dekan"
        )
    {
        k += 1;
    }
    // After a role that governs a place (`Bupati Grobogan Sri Sumarni`), the
    // first word is the place; alone (`Kapolda Sultra`), it is no name.
    if k > np.start && doc.is(k - 1, Cat::JURIS) {
        if np.end - k < 2 {
            return None;
        }
        k += 1;
    }
    Some(k..np.end)
}

/// An organisation word that needs a complement: `Gedung` (Putih), `Badan`
/// (Pusat Statistik).
fn is_org_head(low: &str) -> bool {
    matches!(
        low,
        "gedung"
            | "badan"
            | "dewan"
            | "lembaga"
            | "pusat"
            | "komisi"
            | "partai"
            | "universitas"
            | "institut"
            | "bank"
            | "dinas"
            | "kantor"
            | "kementerian"
            | "departemen"
            | "direktorat"
            | "rumah"
            | "sekolah"
            | "pengadilan"
            | "kejaksaan"
            | "mahkamah"
            | "majelis"
            | "angkatan"
            | "yayasan"
            | "organisasi"
            | "asosiasi"
            | "persatuan"
            | "perhimpunan"
            | "ikatan"
            | "serikat"
            | "satuan"
            | "komite"
            | "markas"
            | "istana"
            | "pt"
            | "cv"
            | "perum"
            | "stasiun"
            | "bandara"
            | "pelabuhan"
            | "fasilitas"
            | "museum"
            | "masjid"
            | "gereja"
            | "otoritas"
    )
}

fn org_or_place(doc: &Doc, r: Range<usize>) -> EntityKind {
    if r.clone().all(|k| doc.is(k, Cat::PLACE) || doc.is(k, Cat::DIRECTION) || doc.kind(k) == TokKind::Punct) {
        EntityKind::Place
    } else {
        EntityKind::Organisation
    }
}

/// The words of a token range joined by single spaces.
fn words(doc: &Doc, r: Range<usize>) -> String {
    let mut s = String::new();
    for k in r {
        if doc.kind(k) == TokKind::Punct {
            // Keep the dot of an initial: `Teguh P. Nugroho`.
            if doc.punct(k, &['.']) && !doc.space_before(k) && !s.is_empty() {
                s.push('.');
            }
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(doc.word(k));
    }
    s
}

/// Role words in lower case, separated by single spaces, without parentheses.
fn role_key(doc: &Doc, r: Range<usize>) -> String {
    let mut s = String::new();
    for k in r {
        if doc.kind(k) != TokKind::Word || matches!(doc.low(k), "seorang" | "sang" | "para") {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(doc.low(k));
    }
    s
}

fn is_pronoun(s: &str) -> bool {
    matches!(s.to_lowercase().as_str(), "ia" | "dia" | "beliau" | "nya" | "mereka" | "pihaknya" | "dirinya")
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.eq_ignore_ascii_case(word))
}
