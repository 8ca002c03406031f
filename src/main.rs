//! The `klaim` command: reads files, calls the core, prints JSON Lines. All IO
//! lives here and in `cli/`; no text logic does.

mod cli;

use std::process::ExitCode;

/// The extractor allocates many small strings and tables per document and
/// drops them after it: mimalloc serves them from per-thread pages, where
/// glibc's malloc and free took about 10% of the instructions (callgrind,
/// `klaim bench --mb 1 --rounds 1`: 199 M of 2.06 G; with mimalloc 62 M of
/// 1.92 G, the same output).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HELP: &str = "\
klaim: finds the claims in Indonesian news articles, offline.

USAGE:
    klaim extract [OPTIONS] [FILE ...]     one JSON line per document
    klaim bench [OPTIONS] [FILE ...]       extraction throughput in MB/s, one
                                           thread and every core
    klaim link --jsonl FILE [--pretty]     one JSON object: the same claim across
                                           documents, their numbers, the same people
    klaim export --format F [--out FILE] PROJECT
                                           convert a klaim project file
    klaim import [--format F] FILE... --into PROJECT [--as NAME] [--out FILE]
                                           bring other tools' files into a project
    klaim agree A.json B.json [...] [--format json]
                                           agreement between annotators
    klaim --help | --version

EXTRACT:
    FILE             a UTF-8 text file; its id is the file name without extension.
                     An HTML page (`.html`, `.htm`, `.xhtml`, or a doctype at the
                     start of standard input) is read as the annotator reads a
                     dropped one: its visible text (no markup, scripts or <head>),
                     `outlet`, `published` and `url` from og:site_name,
                     article:published_time and the canonical URL; the record
                     then also holds that `text`, which its offsets count in.
                     `-` (or no FILE and no --jsonl) reads standard input, id `stdin`.
    --jsonl FILE     read records {\"id\": ..., \"text\": ...}, one per line
                     (`-` for standard input). May be given more than once.
    --unit UNIT      offsets in `codepoint` (default, the JSON contract),
                     `utf16` (JavaScript, the DOM) or `byte` (UTF-8).
    --jobs N, -j N   extract on N threads (default: every core). The output
                     is the same, byte for byte, in input order, for any N.
    --attributed     only attributed claims (no `unattributed` ones).
    --pretty         indent the JSON (one document per block, not JSON Lines).

    Unreadable files and malformed JSONL lines are reported on stderr with their
    name or line number; the rest is still processed and the exit code is 1.
    Invalid UTF-8 is decoded lossily (U+FFFD) with a warning. Input is
    streamed: memory stays constant whatever the size of a JSONL file.

BENCH:
    FILE             articles to build the corpus from (default: the built-in
                     sample articles).
    --mb N           corpus size in MB (default 24).
    --rounds N       timed passes over the corpus, best is reported (default 3).
    --link [N ...]   instead: linking time for 100, 1,000 and 5,000 articles
                     of a library of many stories (each told by 2-5 outlets,
                     built from the test articles) and its growth.
    --link-library N that library's first N articles as the linker reads
                     them, one JSON line each (for `npm run bench`).
    --records FILE   instead: one thread extracts each {\"id\", \"text\"} line of
                     FILE and writes its JSON record, as wasm `extractJson`
                     does; prints {\"mb\", \"seconds\", \"claims\"}, the best of
                     --rounds (given first), timed after reading the file.
    --jobs N         threads for the all-core figure (default: every core).

LINK:
    --jsonl FILE     articles {\"id\", \"text\"} as for extract --jsonl (`-` for
                     standard input; may be given more than once), or records
                     that carry their claims too (klaim's JSON Lines export, or
                     klaim extract's records with their \"text\" added): those
                     claims are linked as they stand, rejected ones left out.
                     A record's own \"outlet\" wins over the one its text gives.
    --pretty         indent the JSON.

EXPORT:
    --format F       klaim | jsonl | csv | w3c | doccano | doccano-utf16 |
                     labelstudio | claimreview
                     (offsets in code points; ClaimReview only for claims with
                     a verdict tag; doccano and Label Studio leave out rejected
                     claims).
    PROJECT          a klaim project JSON file (`-` for standard input). It is
                     validated first: a bad offset or unknown tag is reported
                     with its place and nothing is written.
    --out FILE       write there instead of standard output.

IMPORT:
    --format F       klaim | w3c | doccano | labelstudio (default: recognised
                     from the file).
    FILE             files to import, in order; each is matched against the
                     project as it stands (documents by content, not by id).
    --into PROJECT   the klaim project to import into; created when missing,
                     rewritten unless --out is given.
    --as NAME        keep the files' claims apart as annotator NAME (for
                     `klaim agree` and adjudication) instead of merging them.
    What was matched, re-anchored, not placed or dropped goes to stderr.

AGREE:
    A.json B.json    klaim project files of the same documents: A's claims are
                     `library`, each other file's an annotator named by its path.
    --format json    the figures as JSON (default: a text table): span F1 with
                     exact and overlap matching, Cohen's kappa of kind, modality
                     and verdict tags over matched claims, with counts;
                     Krippendorff's alpha with three or more annotators.

Output format: see ../shared/spec/extraction-output.md and README.md.";

/// The current time, RFC 3339 in UTC with milliseconds (as the page writes).
fn now() -> String {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let (secs, ms) = (t.as_secs() as i64, t.subsec_millis());
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// Prints a line to standard output (`println!` would panic on a closed pipe).
fn print(text: &str) -> Result<bool, String> {
    use std::io::Write;
    writeln!(std::io::stdout().lock(), "{text}").map(|()| true).map_err(cli::stdout_error)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => print(HELP),
        // `klaim extract --help`: the one help text, which covers every command.
        Some(_) if args[1..].iter().any(|a| a == "-h" || a == "--help") => print(HELP),
        Some("-V" | "--version") => print(&format!("klaim {}", env!("CARGO_PKG_VERSION"))),
        Some("extract") => cli::extract::run(&args[1..]),
        Some("bench") => cli::bench::run(&args[1..]),
        Some("link") => cli::link::run(&args[1..]),
        Some("export") => cli::export::run(&args[1..]),
        Some("import") => cli::import::run(&args[1..], &now()),
        Some("agree") => cli::agree::run(&args[1..]),
        Some(other) => Err(format!("unknown command `{other}`; see `klaim --help`")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        // The reader went away (`klaim … | head`): nothing more to say.
        Err(message) if message == cli::CLOSED => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("klaim: {message}");
            ExitCode::from(2)
        }
    }
}
