//! `klaim agree A.json B.json [C.json ...] [--format json]`: the agreement of
//! the annotators of klaim project files on the documents they share
//! (matched by content). A's own claims are `library`; every other file's are
//! an annotator named by its path, as are annotators the files already hold.

use klaim::exchange;

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut json = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" | "-f" => match super::value(&mut it, arg)?.as_str() {
                "json" => json = true,
                "text" => json = false,
                other => return Err(format!("unknown format `{other}` for agree (text, json)")),
            },
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("unknown option `{flag}` for agree")),
            _ => files.push(arg),
        }
    }
    let [first, rest @ ..] = files.as_slice() else {
        return Err("agree needs project files: A.json B.json [...]".into());
    };
    let read = |path: &str| -> Result<klaim::project::Project, String> {
        let text = super::read_text(path)?;
        exchange::parse_project(&text).map_err(|e| format!("{path}: {e}"))
    };
    let mut library = read(first)?;
    for path in rest {
        let other = read(path)?;
        let (layer, notes, r) = exchange::as_annotator(&other, &library, path, path);
        eprintln!(
            "klaim: {path}: {} document(s) matched, {} claim(s) re-anchored, {} not placed",
            r.matched, r.reanchored, r.not_placed
        );
        for n in notes {
            eprintln!("klaim: {path}: {n}");
        }
        library = exchange::merge(&library, &layer).0;
    }
    let agreement = klaim::agree::agreement(&library);
    if json {
        let mut out = serde_json::to_string_pretty(&agreement).map_err(|e| e.to_string())?;
        out.push('\n');
        print!("{out}");
    } else {
        println!("library = {first}");
        print!("{}", klaim::agree::table(&agreement));
    }
    Ok(true)
}
