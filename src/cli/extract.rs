//! `klaim extract`: text files or JSON Lines in, the JSON contract out.

use std::io::{BufRead, BufReader, Write};

use serde::Deserialize;

use super::{read_text, value};
use klaim::{extract, report, Options, Unit};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: String,
}

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut files = Vec::new();
    let mut jsonl = Vec::new();
    let mut unit = Unit::CodePoint;
    let mut options = Options::default();
    let mut pretty = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--jsonl" => jsonl.push(value(&mut it, arg)?.clone()),
            "--unit" => {
                let name = value(&mut it, arg)?;
                unit =
                    Unit::from_name(name).ok_or_else(|| format!("unknown unit `{name}` (codepoint, utf16, byte)"))?;
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

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut ok = true;
    let mut emit = |id: &str, text: &str| -> Result<(), String> {
        let record = report(id, text, &extract(text, &options), unit);
        let line = if pretty { serde_json::to_string_pretty(&record) } else { serde_json::to_string(&record) };
        writeln!(out, "{}", line.map_err(|e| e.to_string())?).map_err(|e| format!("stdout: {e}"))
    };

    for path in &files {
        match read_text(path) {
            Ok(text) => emit(&file_id(path), &text)?,
            Err(e) => {
                eprintln!("klaim: {e}");
                ok = false;
            }
        }
    }
    for path in &jsonl {
        let reader: Box<dyn BufRead> = if path == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    eprintln!("klaim: {path}: {e}");
                    ok = false;
                    continue;
                }
            }
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = match line {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    eprintln!("klaim: {path}: {e}");
                    ok = false;
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Input>(&line) {
                Ok(input) => {
                    let id = match input.id {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    emit(&id, &input.text)?;
                }
                Err(e) => {
                    eprintln!("klaim: {path}:{}: not a record {{\"id\", \"text\"}}: {e}", n + 1);
                    ok = false;
                }
            }
        }
    }
    Ok(ok)
}

/// `dir/001_abc.txt` is document `001_abc`; standard input is `stdin`.
fn file_id(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    let name = std::path::Path::new(path);
    name.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_owned())
}
