//! `klaim link`: articles in, one linking object out
//! (`../shared/spec/linking-output.md`). A line is an article (`{"id",
//! "text"}`, extracted here) or a record that carries its claims as well
//! (klaim's JSON Lines export): those are linked as they stand, so a
//! reviewed library links as reviewed. A record's own outlet wins over its
//! text's.

use std::io::{BufRead, BufReader, Write};

use serde::Deserialize;

use super::{read_text, value};
use klaim::facts::{self, Facts};
use klaim::link::{link, LinkClaim, LinkDocument};
use klaim::{extract, report, Options, Unit};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    claims: Option<Vec<LinkClaim>>,
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
                Ok(Input { id, text: Some(text), outlet, claims }) => {
                    let id = match id {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    let given = Facts { outlet, ..Facts::default() };
                    let outlet = Facts::given_over(given, facts::text_facts(&text)).outlet;
                    documents.push(match claims {
                        Some(claims) => LinkDocument { id, text, outlet, claims },
                        None => extracted(&id, &text, outlet),
                    });
                }
                Ok(Input { claims: Some(_), .. }) => {
                    eprintln!(
                        "klaim: {path}:{}: a record with claims but not its text (as `klaim extract` writes it): \
                         give the articles ({{\"id\", \"text\"}}) or records with their \"text\" (klaim's JSON Lines export)",
                        n + 1
                    );
                    ok = false;
                }
                Ok(Input { .. }) => {
                    eprintln!("klaim: {path}:{}: not a record {{\"id\", \"text\"}}: missing field `text`", n + 1);
                    ok = false;
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

/// A document extracted as `klaim extract` would, with the outlet its text gives.
pub fn document(id: &str, text: &str) -> LinkDocument {
    extracted(id, text, facts::text_facts(text).outlet)
}

fn extracted(id: &str, text: &str, outlet: Option<String>) -> LinkDocument {
    let record = report(id, text, &extract(text, &Options::default()), Unit::CodePoint);
    LinkDocument::from_record(text, &record, outlet)
}
