//! `klaim extract`: text files or JSON Lines in, the JSON contract out.
//!
//! Input is streamed: a reader thread cuts it into batches, every core
//! extracts (`--jobs`), and the output keeps the input order (see
//! [`super::ordered`]). Memory stays constant whatever the input size; only
//! one document at a time per batch slot must fit.

use std::io::{BufRead, BufReader, Write};

use serde::Deserialize;

use super::{ordered, read_text, value};
use klaim::facts::Facts;
use klaim::{extract, report, Options, Unit};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: String,
    // What a pipeline already knows of the document wins over what its text
    // gives (`Facts::given_over`); other fields are ignored.
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// A record as printed: with the document's `text` when it is not the
/// input's (an HTML page).
#[derive(serde::Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    record: &'a klaim::Record,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// A batch is cut after this many bytes of input, or [`BATCH_DOCS`]
/// documents: big enough that the channels cost nothing next to extraction
/// (a news article is about 5 KB, extracted in about 0.15 ms), small enough
/// that the batches in flight stay a few MB.
const BATCH_BYTES: usize = 256 << 10;
const BATCH_DOCS: usize = 64;

/// One unit of input, read but not yet parsed or extracted.
enum Item {
    /// A whole text file (or standard input) and its id.
    Text { id: String, text: String },
    /// An HTML page, read as the page reads a dropped one
    /// ([`klaim::intake::html_article`]).
    Html { id: String, html: String },
    /// One line of a JSON Lines file, numbered from 1.
    Line { path: String, number: usize, bytes: Vec<u8> },
    /// Input that could not be read, reported in its place in the order.
    Failed(String),
}

/// What a batch turns into: its output lines and the problems to report.
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    errors: Vec<String>,
}

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut files = Vec::new();
    let mut jsonl = Vec::new();
    let mut unit = Unit::CodePoint;
    let mut options = Options::default();
    let mut pretty = false;
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--jsonl" => jsonl.push(value(&mut it, arg)?.clone()),
            "--unit" => {
                let name = value(&mut it, arg)?;
                unit =
                    Unit::from_name(name).ok_or_else(|| format!("unknown unit `{name}` (codepoint, utf16, byte)"))?;
            }
            "--jobs" | "-j" => {
                jobs = value(&mut it, arg)?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("{arg} takes a whole number of threads, at least 1"))?;
            }
            "--attributed" => options.unattributed = false,
            "--pretty" => pretty = true,
            "-h" | "--help" => return Err("see `klaim --help`".into()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => files.push(file.to_owned()),
        }
    }
    if files.is_empty() && jsonl.is_empty() {
        files.push("-".into());
    }

    let items = files.into_iter().map(|path| match read_text(&path) {
        Ok(text) if klaim::intake::is_html(&path, &text) => Item::Html { id: file_id(&path), html: text },
        Ok(text) => Item::Text { id: file_id(&path), text },
        Err(e) => Item::Failed(e),
    });
    let items = items.chain(jsonl.into_iter().flat_map(jsonl_lines));
    let work = |batch: Vec<Item>| {
        let mut done = Done::default();
        for item in batch {
            let (id, text, given) = match item {
                Item::Text { id, text } => (id, text, None),
                Item::Html { id, html } => {
                    let (text, facts) = klaim::intake::html_article(&html);
                    (id, text, Some(Given::Page(facts)))
                }
                Item::Line { path, number, bytes } => match parse_line(&bytes) {
                    Ok(Some((id, text, given))) => (id, text, Some(Given::Record(given))),
                    Ok(None) => continue,
                    Err(e) => {
                        done.errors.push(format!("{path}:{number}: not a record {{\"id\", \"text\"}}: {e}"));
                        continue;
                    }
                },
                Item::Failed(e) => {
                    done.errors.push(e);
                    continue;
                }
            };
            let mut record = report(&id, &text, &extract(&text, &options), unit);
            // An HTML page's record also holds the text its offsets count in
            // (the page's text, not its markup), and the page's facts; a
            // JSON Lines record keeps the facts it came with.
            let (facts, page) = match given {
                Some(Given::Page(facts)) => (Some(facts), Some(text.as_str())),
                Some(Given::Record(given)) => {
                    let read = Facts { outlet: record.outlet.take(), published: record.published.take(), url: None };
                    (Some(Facts::given_over(given, read)), None)
                }
                None => (None, None),
            };
            if let Some(facts) = facts {
                record.outlet = facts.outlet;
                record.published = facts.published;
                record.url = facts.url;
            }
            let record = WithText { record: &record, text: page };
            let written = if pretty {
                serde_json::to_writer_pretty(&mut done.out, &record)
            } else {
                serde_json::to_writer(&mut done.out, &record)
            };
            // Serializing plain records into memory does not fail; if it
            // ever did, the document is reported rather than cut short.
            if let Err(e) = written {
                done.errors.push(format!("{id}: {e}"));
            }
            done.out.push(b'\n');
        }
        done
    };

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut ok = true;
    ordered::run(jobs, batches(items), work, |done: Done| {
        for e in &done.errors {
            eprintln!("klaim: {e}");
        }
        ok &= done.errors.is_empty();
        out.write_all(&done.out).map_err(super::stdout_error)
    })?;
    out.flush().map_err(super::stdout_error)?;
    Ok(ok)
}

/// The lines of one JSON Lines file (`-`: standard input), read lazily.
fn jsonl_lines(path: String) -> Box<dyn Iterator<Item = Item> + Send> {
    let reader: Box<dyn BufRead + Send> = if path == "-" {
        Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()))
    } else {
        match std::fs::File::open(&path) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => return Box::new(std::iter::once(Item::Failed(format!("{path}: {e}")))),
        }
    };
    let mut failed = false;
    Box::new(reader.split(b'\n').enumerate().map_while(move |(n, line)| {
        if failed {
            return None;
        }
        Some(match line {
            Ok(bytes) => Item::Line { path: path.clone(), number: n + 1, bytes },
            Err(e) => {
                failed = true;
                Item::Failed(format!("{path}:{}: {e}", n + 1))
            }
        })
    }))
}

/// Groups items into batches of about [`BATCH_BYTES`].
fn batches(items: impl Iterator<Item = Item> + Send) -> impl Iterator<Item = Vec<Item>> + Send {
    let mut items = items.peekable();
    std::iter::from_fn(move || {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while bytes < BATCH_BYTES && batch.len() < BATCH_DOCS {
            let Some(item) = items.next() else { break };
            bytes += match &item {
                Item::Text { text, .. } | Item::Html { html: text, .. } => text.len(),
                Item::Line { bytes, .. } => bytes.len(),
                Item::Failed(_) => 0,
            };
            batch.push(item);
        }
        (!batch.is_empty()).then_some(batch)
    })
}

/// Facts a document comes with: an HTML page's metadata, or a JSON Lines
/// record's own fields.
enum Given {
    Page(Facts),
    Record(Facts),
}

/// A record `{"id", "text"}` and the facts it gives, `None` for a blank line.
fn parse_line(bytes: &[u8]) -> Result<Option<(String, String, Facts)>, serde_json::Error> {
    let line = String::from_utf8_lossy(bytes);
    if line.trim().is_empty() {
        return Ok(None);
    }
    let input: Input = serde_json::from_str(&line)?;
    let id = match input.id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    let given = Facts { outlet: input.outlet, published: input.published, url: input.url };
    Ok(Some((id, input.text, given)))
}

/// `dir/001_abc.txt` is document `001_abc`; standard input is `stdin`.
fn file_id(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    let name = std::path::Path::new(path);
    name.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_owned())
}
