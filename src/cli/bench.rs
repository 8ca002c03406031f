//! `klaim bench`: single-thread extraction throughput over a corpus of at
//! least 20 MB built by repeating sample articles.

use std::time::Instant;

use super::{read_text, samples::SAMPLES, value};
use klaim::{extract, Options};

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut mb = 24usize;
    let mut rounds = 3usize;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--mb" => mb = value(&mut it, arg)?.parse().map_err(|_| "--mb takes a whole number")?,
            "--rounds" => rounds = value(&mut it, arg)?.parse().map_err(|_| "--rounds takes a whole number")?,
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
    let options = Options::default();
    let mut best = f64::INFINITY;
    let mut claims = 0;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        claims = corpus.iter().map(|doc| extract(doc, &options).claims.len()).sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mbs = bytes as f64 / (1u64 << 20) as f64;
    println!(
        "corpus {:.1} MB in {} documents, {} claims; best of {} rounds {:.3} s: {:.1} MB/s (single thread)",
        mbs,
        corpus.len(),
        claims,
        rounds.max(1),
        best,
        mbs / best
    );
    Ok(true)
}
