//! `klaim bench`: extraction throughput over a corpus of at least 20 MB built
//! by repeating sample articles, on one thread and on every core, with the
//! ratio of the two measured in the same run.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use super::{read_text, samples::SAMPLES, value};
use klaim::{extract, Options};

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut mb = 24usize;
    let mut rounds = 3usize;
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--link" => {
                let sizes: Vec<usize> = it.by_ref().map_while(|a| a.parse().ok()).collect();
                return link_bench(if sizes.is_empty() { &[100, 1000, 5000] } else { &sizes });
            }
            "--link-library" => {
                return link_library(value(&mut it, arg)?.parse().map_err(|_| "--link-library takes a whole number")?)
            }
            "--records" => return records_bench(value(&mut it, arg)?, rounds),
            "--mb" => mb = value(&mut it, arg)?.parse().map_err(|_| "--mb takes a whole number")?,
            "--rounds" => rounds = value(&mut it, arg)?.parse().map_err(|_| "--rounds takes a whole number")?,
            "--jobs" | "-j" => {
                jobs = value(&mut it, arg)?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or("--jobs takes a whole number, at least 1")?
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => files.push(read_text(file)?),
        }
    }
    let articles: Vec<String> =
        if files.is_empty() { SAMPLES.iter().map(|(_, t)| (*t).to_owned()).collect() } else { files };
    if articles.iter().all(|a| a.is_empty()) {
        return Err("no text to benchmark".into());
    }
    // The corpus is a list of documents, as a batch run sees it, not one huge
    // string: per-document costs (offset maps, name tables) are part of the figure.
    let target = mb << 20;
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for a in &articles {
            bytes += a.len();
            corpus.push(a.as_str());
        }
    }
    let mbs = bytes as f64 / (1u64 << 20) as f64;
    let (single, claims) = best_of(rounds, || extract_all(&corpus, 1));
    println!("corpus {:.1} MB in {} documents, {} claims; best of {} rounds", mbs, corpus.len(), claims, rounds.max(1));
    println!("single thread: {:.3} s, {:.1} MB/s", single, mbs / single);
    let (all, _) = best_of(rounds, || extract_all(&corpus, jobs));
    println!("{jobs} threads:    {:.3} s, {:.1} MB/s, {:.2}x the single thread", all, mbs / all, single / all);
    long_document(&articles, &Options::default(), rounds.max(1));
    Ok(true)
}

/// `klaim bench --records FILE`: one thread extracts each `{"id", "text"}`
/// line of `FILE` and writes its record as one JSON text (code points), the
/// work wasm `extractJson` does; prints `{"mb", "seconds", "claims"}`, the
/// best of `--rounds` (given before `--records`). Timed inside the process,
/// after the file is read, so `npm run bench` compares like with like: the
/// same documents, the same output, no process start or pipe on one side.
fn records_bench(path: &str, rounds: usize) -> Result<bool, String> {
    #[derive(serde::Deserialize)]
    struct Line {
        id: String,
        text: String,
    }
    let docs: Vec<Line> = read_text(path)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{path}:{}: {e}", i + 1)))
        .collect::<Result<_, _>>()?;
    let options = Options::default();
    let (seconds, claims) = best_of(rounds, || {
        let mut claims = 0;
        for doc in &docs {
            let record = klaim::report(&doc.id, &doc.text, &extract(&doc.text, &options), klaim::Unit::CodePoint);
            claims += record.claims.len();
            std::hint::black_box(serde_json::to_string(&record).unwrap_or_default());
        }
        claims
    });
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / (1u64 << 20) as f64;
    println!("{}", serde_json::json!({ "mb": mb, "seconds": seconds, "claims": claims }));
    Ok(true)
}

/// Extracts every document on `jobs` threads, each taking the next document
/// as it finishes one; returns the number of claims.
fn extract_all(corpus: &[&str], jobs: usize) -> usize {
    let options = Options::default();
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut claims = 0;
        while let Some(doc) = corpus.get(next.fetch_add(1, Ordering::Relaxed)) {
            claims += extract(doc, &options).claims.len();
        }
        claims
    };
    if jobs <= 1 {
        return worker();
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs).map(|_| s.spawn(worker)).collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    })
}

/// The fastest of `rounds` runs in seconds, and what the run returned.
fn best_of(rounds: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut out = 0;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, out)
}

/// One document of at least 5 MB (the articles joined by blank lines) against
/// the same bytes as separate articles: resolution must stay linear, so a
/// pasted transcript costs what its articles cost.
fn long_document(articles: &[String], options: &Options, rounds: usize) {
    let mut parts = Vec::new();
    let mut bytes = 0;
    while bytes < 5 << 20 {
        for a in articles {
            bytes += a.len() + 2;
            parts.push(a.as_str());
        }
    }
    let joined = parts.join("\n\n");
    let time = |f: &dyn Fn() -> usize| {
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let separate = time(&|| parts.iter().map(|doc| extract(doc, options).claims.len()).sum());
    let one = time(&|| extract(&joined, options).claims.len());
    println!(
        "one document of {:.1} MB {:.3} s, as {} articles {:.3} s: ratio {:.2} (must stay under 1.5)",
        joined.len() as f64 / (1u64 << 20) as f64,
        one,
        parts.len(),
        separate,
        one / separate
    );
}

/// `klaim bench --link`: linking time for 100, 1,000 and 5,000 articles of
/// the bench library (`benchlib`: many stories, two to five outlets each),
/// one run each, with the growth of time and of claims between sizes, and
/// how the groups fit the stories (a group's pairs of claims from two
/// articles of one story, against pairs across stories).
pub fn link_bench(sizes: &[usize]) -> Result<bool, String> {
    use klaim::link::link;
    let mut previous: Option<(usize, usize, f64)> = None;
    for &n in sizes {
        let docs: Vec<_> = super::benchlib::library(n).iter().map(|a| super::link::document(&a.id, &a.text)).collect();
        let claims: usize = docs.iter().map(|d| d.claims.len()).sum();
        let t = Instant::now();
        let links = link(&docs);
        let secs = t.elapsed().as_secs_f64();
        let growth = previous.map(|(m, c, s)| {
            format!(
                "; x{:.1} time for x{:.1} articles (x{:.1} claims)",
                secs / s,
                n as f64 / m as f64,
                claims as f64 / c as f64
            )
        });
        let story = |doc: &str| doc.split('-').next().unwrap_or(doc).to_owned();
        let (mut within, mut across) = (0usize, 0usize);
        let mut stories = std::collections::BTreeSet::new();
        for g in &links.groups {
            for (i, a) in g.claims.iter().enumerate() {
                for b in &g.claims[i + 1..] {
                    if a.doc == b.doc {
                        continue;
                    }
                    if story(&a.doc) == story(&b.doc) {
                        within += 1;
                        stories.insert(story(&a.doc));
                    } else {
                        across += 1;
                    }
                }
            }
        }
        println!(
            "link {n} articles ({claims} claims): {secs:.3} s, {} groups (largest {} claims), {} of their cross-article pairs within one story, {} across stories, {} stories grouped{}",
            links.groups.len(),
            links.groups.iter().map(|g| g.claims.len()).max().unwrap_or(0),
            within,
            across,
            stories.len(),
            growth.unwrap_or_default()
        );
        previous = Some((n, claims, secs));
        kept_bench(&docs);
    }
    Ok(true)
}

/// The page's kept library (`link::Library`) over the same articles: its
/// first run, then one claim rejected and one article added, each linked
/// again under the weights of the first run, with how many claims were
/// clustered again; up to 1,000 articles, each result is checked against a
/// run from scratch under the same weights.
fn kept_bench(docs: &[klaim::link::LinkDocument]) {
    use klaim::link::{link_frozen, Library};
    let Some(middle) = docs.get(docs.len() / 2) else { return };
    let mut library = Library::default();
    for d in docs {
        library.upsert(d.clone());
    }
    let t = Instant::now();
    library.link();
    let first = t.elapsed().as_secs_f64();
    let mut held = docs.to_vec();
    let mut edited = middle.clone();
    let half = edited.claims.len() / 2;
    if let Some(c) = edited.claims.get_mut(half) {
        c.status = Some("rejected".into());
    }
    let mut added = docs[0].clone();
    added.id = format!("{}-tambahan", added.id);
    let mut line = format!("  kept library of {} articles: first run {first:.3} s", docs.len());
    for (label, doc) in [("a claim rejected", edited), ("an article added", added)] {
        match held.iter_mut().find(|d| d.id == doc.id) {
            Some(d) => *d = doc.clone(),
            None => held.push(doc.clone()),
        }
        library.upsert(doc);
        let t = Instant::now();
        library.link();
        let secs = t.elapsed().as_secs_f64();
        line += &format!("; {label} {secs:.3} s ({} claims clustered again)", library.reclustered());
        if docs.len() <= 1000 {
            let fresh = library.weights().map(|w| link_frozen(&held, &[], w));
            let same = fresh.is_some_and(|f| f == library.link().0);
            line += if same { ", as from scratch" } else { ", DIFFERS from scratch" };
        }
    }
    println!("{line}");
}

/// `klaim bench --link-library N`: the first `N` articles of the bench
/// library as the linker reads them, one JSON object per line (for `npm run
/// bench`, which links them in wasm).
pub fn link_library(n: usize) -> Result<bool, String> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for a in super::benchlib::library(n) {
        let doc = super::link::document(&a.id, &a.text);
        let line = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| format!("stdout: {e}"))?;
    }
    out.flush().map_err(|e| format!("stdout: {e}"))?;
    Ok(true)
}
