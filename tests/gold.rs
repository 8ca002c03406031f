//! Scores the extractor on the gold files in `tests/gold/` with the rules of
//! `../shared/eval/score.py` (per gold sentence: the predicted claim that
//! overlaps it most is read), prints the figures and fails below the
//! thresholds the project promises.

use std::collections::HashMap;

use klaim::{extract, report, Options, Record, Unit};
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    text: String,
    sentences: Vec<GoldSentence>,
}

#[derive(Deserialize)]
struct GoldSentence {
    start: usize,
    end: usize,
    role: String,
    #[serde(default)]
    claimant: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    via: Option<String>,
    #[serde(default)]
    modality: Option<String>,
    #[serde(default)]
    quantities: Vec<(f64, String)>,
    #[serde(default)]
    alt_null: bool,
    #[serde(default)]
    alt_modality: Vec<String>,
    #[serde(default)]
    alt_via_null: bool,
    #[serde(default)]
    claimant_role: Option<String>,
    #[serde(default)]
    claimant_affiliation: Option<String>,
    #[serde(default)]
    claimant_type: Option<String>,
}

#[derive(Debug, Default)]
struct Figures {
    claims: usize,
    det: [usize; 3],
    claimant: usize,
    resolved: usize,
    kind: usize,
    modality: usize,
    via: [usize; 3],
    qty: [usize; 3],
    /// `[right, gold has it]` for the claimant's role, affiliation and type,
    /// over claims whose gold gives them.
    role: [usize; 2],
    affiliation: [usize; 2],
    ctype: [usize; 2],
    span_errors: usize,
}

fn f1([tp, fp, fn_]: [usize; 3]) -> f64 {
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 0.0 };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// `norm` of score.py: collapse white space, strip punctuation at the ends,
/// lower case.
fn norm(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim().trim_matches(|c| ".,;:\"“”'()".contains(c)).trim();
    trimmed.to_lowercase()
}

/// `name_norm` of score.py: case, punctuation and spacing aside.
fn name_norm(s: &str) -> String {
    let cleaned: String = s
        .to_lowercase()
        .chars()
        .filter(|c| !"’'`".contains(*c))
        .map(|c| if c.is_alphanumeric() || c.is_whitespace() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `name_key` of score.py: without parenthesised parts.
fn name_key(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    norm(&out)
}

const PRONOUNS: &[&str] = &["ia", "dia", "beliau", "mereka", "kami", "saya", "aku", "kita", "nya", "pihaknya"];

/// `a` is `n` or ends `n` at a word boundary.
fn ends_with_word(n: &str, a: &str) -> bool {
    n == a || (n.ends_with(a) && n[..n.len() - a.len()].ends_with(' '))
}

fn claimant_ok(g: &GoldSentence, pred: Option<(&str, &str)>) -> bool {
    let Some((text, resolved)) = pred else { return g.claimant.is_none() || g.alt_null };
    let accepted: Vec<String> = g.claimant.iter().chain(g.aliases.iter()).map(|a| norm(a)).collect();
    [resolved, text].iter().map(|n| norm(n)).any(|n| {
        accepted.iter().any(|a| {
            n == *a
                || (a.chars().count() >= 4
                    && !PRONOUNS.contains(&n.as_str())
                    && (ends_with_word(&n, a) || (n.chars().count() >= 4 && ends_with_word(a, &n))))
        })
    })
}

fn score(gold: &[GoldDoc]) -> Figures {
    let mut f = Figures::default();
    for doc in gold {
        let record: Record = report(&doc.id, &doc.text, &extract(&doc.text, &Options::default()), Unit::CodePoint);
        let chars: Vec<char> = doc.text.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let mut assigned: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        for (k, c) in record.claims.iter().enumerate() {
            let spans = std::iter::once((c.start, c.end, c.text.clone()))
                .chain(c.claimant.iter().map(|x| (x.start, x.end, x.text.clone())))
                .chain(c.cue.iter().chain(c.via.iter()).map(|x| (x.start, x.end, x.text.clone())))
                .chain(c.quantities.iter().map(|x| (x.start, x.end, x.text.clone())));
            for (s, e, t) in spans {
                if !(s < e && e <= chars.len() && slice(s, e) == t) {
                    f.span_errors += 1;
                }
            }
            let best = doc
                .sentences
                .iter()
                .enumerate()
                .map(|(i, s)| (i, s.end.min(c.end) as i64 - s.start.max(c.start) as i64))
                .filter(|&(_, ov)| ov > 0)
                .max_by_key(|&(i, ov)| (ov, std::cmp::Reverse(i)));
            if let Some((i, ov)) = best {
                assigned.entry(i).or_default().push((ov as usize, k));
            }
        }
        for (i, s) in doc.sentences.iter().enumerate() {
            if s.role == "title" || s.role == "heading" {
                continue;
            }
            let mut got = assigned.remove(&i).unwrap_or_default();
            got.sort_by_key(|&(ov, k)| (std::cmp::Reverse(ov), k));
            if s.role == "boilerplate" {
                if !got.is_empty() {
                    f.det[1] += 1;
                    eprintln!("{}: boilerplate taken as claim: {:?}", doc.id, slice(s.start, s.end));
                }
                continue;
            }
            f.claims += 1;
            let Some(&(_, k)) = got.first() else {
                f.det[2] += 1;
                eprintln!("{}: claim missed: {:?}", doc.id, slice(s.start, s.end));
                continue;
            };
            f.det[0] += 1;
            let c = &record.claims[k];
            let pc = c.claimant.as_ref().map(|x| (x.text.as_str(), x.resolved.as_str()));
            if claimant_ok(s, pc) {
                f.claimant += 1;
            } else {
                eprintln!("{}: claimant {:?} want {:?}", doc.id, pc, s.claimant);
            }
            let resolved_ok = match (&s.claimant, pc) {
                (None, p) => p.is_none() || s.alt_null,
                (Some(_), None) => false,
                (Some(g), Some((_, r))) => name_key(r) == name_key(g),
            };
            if resolved_ok {
                f.resolved += 1;
            } else {
                eprintln!("{}: resolved {:?} want {:?}", doc.id, pc, s.claimant);
            }
            let who = c.claimant.as_ref();
            let ctype = who.and_then(|x| x.kind).map(|k| serde_json::to_value(k).unwrap().as_str().unwrap().to_owned());
            for (want, have, tally, what) in [
                (&s.claimant_role, who.and_then(|x| x.role.clone()), &mut f.role, "role"),
                (&s.claimant_affiliation, who.and_then(|x| x.affiliation.clone()), &mut f.affiliation, "affiliation"),
                (&s.claimant_type, ctype, &mut f.ctype, "type"),
            ] {
                let Some(want) = want else { continue };
                tally[1] += 1;
                // Ranks and degrees written after the office (`Kepala, dr.,
                // M.Kes.`) count with or without, as score.py counts names.
                let office = want.split(", ").next().unwrap_or(want);
                if have.as_deref().is_some_and(|h| name_norm(h) == name_norm(want) || name_norm(h) == name_norm(office))
                {
                    tally[0] += 1;
                } else {
                    eprintln!("{}: {what} {have:?} want {want:?}", doc.id);
                }
            }
            let kind = serde_json::to_value(c.kind).unwrap();
            if kind.as_str() == s.kind.as_deref() {
                f.kind += 1;
            } else {
                eprintln!("{}: kind {kind} want {:?}: {:?}", doc.id, s.kind, &c.text);
            }
            let modality = serde_json::to_value(c.modality).unwrap();
            let m = modality.as_str().unwrap_or_default();
            if Some(m) == s.modality.as_deref() || s.alt_modality.iter().any(|a| a == m) {
                f.modality += 1;
            } else {
                eprintln!("{}: modality {m} want {:?}: {:?}", doc.id, s.modality, &c.text);
            }
            let first_word = |g: &str| norm(g).split(' ').next().unwrap_or_default().to_owned();
            match (&s.via, &c.via) {
                (Some(g), Some(p)) if norm(&p.text).starts_with(&first_word(g)) => f.via[0] += 1,
                (Some(_), None) => f.via[2] += usize::from(!s.alt_via_null),
                (g, Some(_)) => {
                    f.via[1] += 1;
                    f.via[2] += usize::from(g.is_some());
                }
                (None, None) => {}
            }
            let mut predicted: Vec<(f64, String)> = Vec::new();
            for &(_, k2) in &got {
                for q in &record.claims[k2].quantities {
                    let item = (q.value, norm(&q.unit));
                    if !predicted.contains(&item) {
                        predicted.push(item);
                    }
                }
            }
            let mut rest: Vec<(f64, String)> = s.quantities.iter().map(|(v, u)| (*v, norm(u))).collect();
            for q in predicted {
                match rest.iter().position(|x| (x.0 - q.0).abs() <= 1e-9 * x.0.abs().max(1.0) && x.1 == q.1) {
                    Some(p) => {
                        rest.remove(p);
                        f.qty[0] += 1;
                    }
                    None => {
                        f.qty[1] += 1;
                        eprintln!("{}: extra quantity {q:?}", doc.id);
                    }
                }
            }
            f.qty[2] += rest.len();
        }
    }
    f
}

/// The thresholds every kept gold set meets: detection F1, claimant, resolved
/// name, kind, modality, via F1, quantity F1.
const THRESHOLDS: [f64; 7] = [0.97, 0.92, 0.88, 0.95, 0.90, 0.90, 0.95];

#[track_caller]
fn check(file: &str) {
    check_with(file, THRESHOLDS);
}

#[track_caller]
fn check_with(file: &str, min: [f64; 7]) {
    let path = format!("{}/tests/gold/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let gold: Vec<GoldDoc> =
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!gold.is_empty(), "{path} has no documents");
    let f = score(&gold);
    let n = f.claims.max(1) as f64;
    let figures = [
        ("detection_f1", f1(f.det), min[0]),
        ("claimant_acc", f.claimant as f64 / n, min[1]),
        ("resolved_acc", f.resolved as f64 / n, min[2]),
        ("kind_acc", f.kind as f64 / n, min[3]),
        ("modality_acc", f.modality as f64 / n, min[4]),
        ("via_f1", f1(f.via), min[5]),
        ("quantity_f1", f1(f.qty), min[6]),
    ];
    println!("{file}: {} documents, {} gold claims", gold.len(), f.claims);
    for (name, value, _) in figures {
        println!("  {name:14} {value:.4}");
    }
    for (name, [ok, n]) in [("role_acc", f.role), ("affiliation_acc", f.affiliation), ("type_acc", f.ctype)] {
        if n > 0 {
            println!("  {name:14} {:.4} ({ok}/{n})", ok as f64 / n as f64);
        }
    }
    println!("  span_errors    {}", f.span_errors);
    let below: Vec<String> =
        figures.iter().filter(|(_, v, min)| v < min).map(|(n, v, min)| format!("{n} {v:.4} < {min}")).collect();
    assert!(below.is_empty() && f.span_errors == 0, "{file}: {below:?}, span errors {}", f.span_errors);
}

#[test]
fn seeds_meet_the_thresholds() {
    check("seeds.jsonl");
}

#[test]
fn own_articles_meet_the_thresholds() {
    check("own.jsonl");
}

/// Written without seeing the extractor (`tests/gold/README.md`): the
/// nearest thing to unseen articles the project keeps.
#[test]
fn blind_articles_meet_the_thresholds() {
    check("blind.jsonl");
}

/// A second held-out set (`blind2.jsonl`, `tests/gold/README.md`), written
/// blind while the extractor was being changed and measured only after the
/// changes. Its floors are that first measurement, rounded down, where it
/// is under the kept sets' thresholds; they stop a regression and are not
/// targets.
#[test]
fn second_blind_set_does_not_fall() {
    check_with("blind2.jsonl", BLIND2_FLOORS);
}
const BLIND2_FLOORS: [f64; 7] = [0.97, 0.92, 0.70, 0.90, 0.90, 0.90, 0.95];

/// A third held-out set (`blind3.jsonl`, eight articles, `blind3_src/README.md`),
/// written blind during the third day and first run after that day's
/// changes: resolved names 0.70 (0.58 on the extractor before the day).
/// Floors are that first measurement, rounded down; they are not targets.
#[test]
fn third_blind_set_does_not_fall() {
    check_with("blind3.jsonl", BLIND3_FLOORS);
}
const BLIND3_FLOORS: [f64; 7] = [0.97, 0.95, 0.69, 0.90, 0.95, 0.45, 0.95];

/// A fourth held-out set (`blind4.jsonl`, eight ordinary news articles,
/// `blind4_src/README.md`), written blind during the fourth day and first run
/// after that day's changes: resolved names 0.94 (also 0.94 on the extractor before
/// the day, a4e7b3c; role 0.63, affiliation 0.42, type 0.92 after). Floors are that first measurement, rounded
/// down; they are not targets.
#[test]
fn fourth_blind_set_does_not_fall() {
    check_with("blind4.jsonl", BLIND4_FLOORS);
}
const BLIND4_FLOORS: [f64; 7] = [0.99, 0.98, 0.94, 0.98, 0.99, 0.99, 0.99];

/// A fifth held-out set (`blind5.jsonl`, eight ordinary news articles,
/// `blind5_src/README.md`), written blind during the fifth day and first run
/// after that day's changes: resolved names 0.91 (also 0.91 on the extractor
/// before the day, 5435a92; role 0.68, affiliation 0.71, type 0.94 after). Floors are that first measurement,
/// rounded down; they are not targets.
#[test]
fn fifth_blind_set_does_not_fall() {
    check_with("blind5.jsonl", BLIND5_FLOORS);
}
const BLIND5_FLOORS: [f64; 7] = [0.99, 0.96, 0.91, 0.97, 0.99, 0.99, 0.97];

/// A sixth held-out set (`blind6.jsonl`, eight ordinary news articles,
/// `blind6_src/README.md`), written blind at the start of the sixth day and
/// first run after that day's changes: resolved names 0.88 (also 0.88 on the
/// extractor before the day, 53b3681), via 0.57; role 0.71, affiliation 0.60,
/// type 0.90. Floors are that first measurement, rounded down; they are not
/// targets.
#[test]
fn sixth_blind_set_does_not_fall() {
    check_with("blind6.jsonl", BLIND6_FLOORS);
}
const BLIND6_FLOORS: [f64; 7] = [0.99, 0.96, 0.87, 0.96, 0.99, 0.57, 0.99];
