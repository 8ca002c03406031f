//! `klaim export --format F [--out FILE] PROJECT`: a klaim project file
//! converted to another format by `klaim::exchange`.

use klaim::exchange::{self, Format};

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut format = None;
    let mut out = None;
    let mut project = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let name = super::value(&mut it, arg)?;
                format = Some(Format::from_name(name).ok_or_else(|| {
                    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                    format!("unknown format `{name}`; expected one of: {}", names.join(", "))
                })?);
            }
            "--out" | "-o" => out = Some(super::value(&mut it, arg)?),
            "-" => project = Some(arg),
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}` for export")),
            path if project.is_none() => project = Some(arg).filter(|_| !path.is_empty()),
            _ => return Err("export reads one project file".into()),
        }
    }
    let format = format.ok_or("export needs --format (see `klaim --help`)")?;
    let path = project.ok_or("export needs a PROJECT file (or `-` for standard input)")?;
    let text = super::read_text(path)?;
    let project = exchange::parse_project(&text).map_err(|e| format!("{path}: {e}"))?;
    let output = exchange::export(&project, format);
    match out {
        Some(file) if file != "-" => std::fs::write(file, output).map_err(|e| format!("{file}: {e}"))?,
        _ => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(output.as_bytes()).and_then(|()| stdout.flush()).map_err(super::stdout_error)?;
        }
    }
    Ok(true)
}
