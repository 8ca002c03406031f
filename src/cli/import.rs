//! `klaim import [--format F] FILE... --into PROJECT [--as NAME] [--out FILE]`:
//! other tools' files (or colleagues' projects) merged into a klaim project
//! file, or kept apart as another annotator's work (`--as`).

use klaim::exchange::{self, Format};
use klaim::project::Project;

pub fn run(args: &[String], now: &str) -> Result<bool, String> {
    let mut format = None;
    let mut into = None;
    let mut out = None;
    let mut name = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let value = super::value(&mut it, arg)?;
                format = Some(Format::from_name(value).filter(|f| f.can_import()).ok_or_else(|| {
                    let names: Vec<&str> = Format::ALL.iter().filter(|f| f.can_import()).map(|f| f.name()).collect();
                    format!("`{value}` is not a format klaim imports; expected one of: {}", names.join(", "))
                })?);
            }
            "--into" => into = Some(super::value(&mut it, arg)?),
            "--out" | "-o" => out = Some(super::value(&mut it, arg)?),
            "--as" => name = Some(super::value(&mut it, arg)?),
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("unknown option `{flag}` for import")),
            _ => files.push(arg),
        }
    }
    let into = into.ok_or("import needs --into PROJECT (a klaim project file; created when missing)")?;
    if files.is_empty() {
        return Err("import needs at least one FILE".into());
    }
    let mut library: Project = match std::fs::read_to_string(into) {
        Ok(text) => exchange::parse_project(&text).map_err(|e| format!("{into}: {e}"))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => empty(),
        Err(e) => return Err(format!("{into}: {e}")),
    };
    let mut ok = true;
    for file in files {
        let text = super::read_text(file)?;
        let imported = match exchange::import(&text, format, &library, now) {
            Ok(imported) => imported,
            Err(e) => {
                eprintln!("klaim: {file}: {e}");
                ok = false;
                continue;
            }
        };
        let r = &imported.report;
        eprintln!(
            "klaim: {file}: {} document(s) matched by content, {} span(s) re-anchored, {} not placed, {} dropped",
            r.matched, r.reanchored, r.not_placed, r.dropped
        );
        for w in &imported.messages {
            eprintln!("klaim: {file}: {w}");
        }
        let incoming = match name {
            Some(name) => {
                let (layer, notes, r) = exchange::as_annotator(&imported.project, &library, name, file);
                eprintln!(
                    "klaim: {file}: {name}: {} document(s) matched, {} claim(s) re-anchored, {} not placed",
                    r.matched, r.reanchored, r.not_placed
                );
                for n in notes {
                    eprintln!("klaim: {file}: {n}");
                }
                layer
            }
            None => imported.project,
        };
        let (merged, s) = exchange::merge(&library, &incoming);
        eprintln!(
            "klaim: {file} ({}): {} new document(s), {} updated, {} matched by content, {} new claim(s), {} updated{}",
            imported.format.name(),
            s.documents_added,
            s.documents_updated,
            s.matched.len(),
            s.claims_added,
            s.claims_updated,
            if s.annotators.is_empty() { String::new() } else { format!(", annotators: {}", s.annotators.join(", ")) }
        );
        library = merged;
    }
    let target = out.unwrap_or(into);
    let text = exchange::export(&library, Format::Klaim);
    if target == "-" {
        print!("{text}");
    } else {
        std::fs::write(target, text).map_err(|e| format!("{target}: {e}"))?;
    }
    Ok(ok)
}

fn empty() -> Project {
    let mut p: Project = serde_json::from_value(serde_json::json!({
        "format": klaim::project::FORMAT, "version": klaim::project::VERSION, "tags": [], "documents": []
    }))
    .expect("an empty project");
    p.tags = klaim::project::default_tags();
    p
}
