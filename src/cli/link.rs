//! `klaim link`: articles in, one linking object out
//! (`../shared/spec/linking-output.md`).

use std::io::{BufRead, BufReader, Write};

use serde::Deserialize;

use super::{read_text, value};
use klaim::link::{link, LinkDocument};
use klaim::{extract, facts, report, Options, Unit};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: String,
}

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut jsonl = Vec::new();
    let mut pretty = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--jsonl" => jsonl.push(value(&mut it, arg)?.clone()),
            "--pretty" => pretty = true,
            flag => return Err(format!("unknown option `{flag}`; see `klaim --help`")),
        }
    }
    if jsonl.is_empty() {
        return Err("klaim link needs --jsonl FILE (`-` for standard input)".into());
    }
    let mut ok = true;
    let mut documents = Vec::new();
    for path in &jsonl {
        let text = match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("klaim: {e}");
                ok = false;
                continue;
            }
        };
        for (n, line) in BufReader::new(text.as_bytes()).lines().enumerate() {
            let line = line.map_err(|e| format!("{path}: {e}"))?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Input>(&line) {
                Ok(input) => {
                    let id = match input.id {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    documents.push(document(&id, &input.text));
                }
                Err(e) => {
                    eprintln!("klaim: {path}:{}: not a record {{\"id\", \"text\"}}: {e}", n + 1);
                    ok = false;
                }
            }
        }
    }
    let links = link(&documents);
    let out = if pretty { serde_json::to_string_pretty(&links) } else { serde_json::to_string(&links) };
    let stdout = std::io::stdout();
    writeln!(stdout.lock(), "{}", out.map_err(|e| e.to_string())?).map_err(super::stdout_error)?;
    Ok(ok)
}

/// A document extracted as `klaim extract` would, with its outlet.
pub fn document(id: &str, text: &str) -> LinkDocument {
    let record = report(id, text, &extract(text, &Options::default()), Unit::CodePoint);
    LinkDocument::from_record(text, &record, facts::text_facts(text).outlet)
}
