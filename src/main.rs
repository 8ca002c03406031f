//! The `klaim` command: reads files, calls the core, prints JSON Lines. All IO
//! lives here and in `cli/`; no text logic does.

mod cli;

use std::process::ExitCode;

const HELP: &str = "\
klaim: finds the claims in Indonesian news articles, offline.

USAGE:
    klaim extract [OPTIONS] [FILE ...]     one JSON line per document
    klaim bench [OPTIONS] [FILE ...]       extraction throughput in MB/s
    klaim link --jsonl FILE [--pretty]     one JSON object: the same claim across
                                           documents, their numbers, the same people
    klaim export --format F [--out FILE] PROJECT
                                           convert a klaim project file
    klaim --help | --version

EXTRACT:
    FILE             a UTF-8 text file; its id is the file name without extension.
                     `-` (or no FILE and no --jsonl) reads standard input, id `stdin`.
    --jsonl FILE     read records {\"id\": ..., \"text\": ...}, one per line
                     (`-` for standard input). May be given more than once.
    --unit UNIT      offsets in `codepoint` (default, the JSON contract),
                     `utf16` (JavaScript, the DOM) or `byte` (UTF-8).
    --attributed     only attributed claims (no `unattributed` ones).
    --pretty         indent the JSON (one document per block, not JSON Lines).

    Unreadable files and malformed JSONL lines are reported on stderr with their
    name or line number; the rest is still processed and the exit code is 1.
    Invalid UTF-8 is decoded lossily (U+FFFD) with a warning.

BENCH:
    FILE             articles to build the corpus from (default: the built-in
                     sample articles).
    --mb N           corpus size in MB (default 24).
    --rounds N       timed passes over the corpus, best is reported (default 3).

EXPORT:
    --format F       klaim | jsonl | csv | w3c | doccano | labelstudio | claimreview
                     (offsets in code points; ClaimReview only for claims with
                     a verdict tag; doccano and Label Studio leave out rejected
                     claims).
    PROJECT          a klaim project JSON file (`-` for standard input). It is
                     validated first: a bad offset or unknown tag is reported
                     with its place and nothing is written.
    --out FILE       write there instead of standard output.

Output format: see ../shared/spec/extraction-output.md and README.md.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            println!("{HELP}");
            Ok(true)
        }
        Some("-V" | "--version") => {
            println!("klaim {}", env!("CARGO_PKG_VERSION"));
            Ok(true)
        }
        Some("extract") => cli::extract::run(&args[1..]),
        Some("bench") => cli::bench::run(&args[1..]),
        Some("link") => cli::link::run(&args[1..]),
        Some("export") => cli::export::run(&args[1..]),
        Some(other) => Err(format!("unknown command `{other}`; see `klaim --help`")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("klaim: {message}");
            ExitCode::from(2)
        }
    }
}
