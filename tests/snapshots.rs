//! Snapshot tests: the whole extraction of every test article, one line per
//! claim and boilerplate block, compared with `tests/snapshots/<id>.txt`.
//!
//! A change in behaviour shows up here as a readable diff. After a deliberate
//! change, run `UPDATE_EXPECT=1 cargo test --test snapshots` and review the
//! diff of `tests/snapshots/` before committing it.

use std::fmt::Write;
use std::path::Path;

use klaim::{extract, report, Options, Unit};

fn render(id: &str, text: &str) -> String {
    let r = report(id, text, &extract(text, &Options::default()), Unit::CodePoint);
    let name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    let mut out = String::new();
    for b in &r.boilerplate {
        writeln!(out, "[{}..{}] {}: {:?}", b.start, b.end, name(serde_json::to_value(b.kind).unwrap()), b.text)
            .unwrap();
    }
    for c in &r.claims {
        let mut line = format!(
            "[{}..{}] {} {}",
            c.start,
            c.end,
            name(serde_json::to_value(c.kind).unwrap()),
            name(serde_json::to_value(c.modality).unwrap())
        );
        if let Some(w) = &c.claimant {
            write!(line, " | claimant {:?} => {:?}", w.text, w.resolved).unwrap();
            if let Some(k) = w.kind {
                write!(line, " ({})", serde_json::to_value(k).unwrap().as_str().unwrap()).unwrap();
            }
            if let Some(r) = &w.role {
                write!(line, " role {r:?}").unwrap();
            }
            if let Some(a) = &w.affiliation {
                write!(line, " of {a:?}").unwrap();
            }
        }
        if let Some(q) = &c.cue {
            write!(line, " | cue {:?}", q.text).unwrap();
        }
        if let Some(v) = &c.via {
            write!(line, " | via {:?}", v.text).unwrap();
        }
        for q in &c.quantities {
            write!(line, " | {} {}", q.value, q.unit).unwrap();
        }
        let head: String = c.text.chars().take(60).collect();
        writeln!(out, "{line} | {head:?}").unwrap();
    }
    out
}

#[test]
fn extractions_match_their_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut articles: Vec<_> = std::fs::read_dir(root.join("articles")).unwrap().map(|e| e.unwrap().path()).collect();
    articles.sort();
    assert!(articles.len() >= 20, "the test articles are in tests/articles");
    let mut changed = Vec::new();
    for path in articles {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let got = render(&id, &std::fs::read_to_string(&path).unwrap());
        let snapshot = root.join("snapshots").join(format!("{id}.txt"));
        let want = std::fs::read_to_string(&snapshot).unwrap_or_default();
        if got != want {
            if update {
                std::fs::write(&snapshot, &got).unwrap();
            } else {
                let first = got.lines().zip(want.lines()).find(|(g, w)| g != w);
                eprintln!(
                    "{id}: differs from its snapshot; first difference:\n  got  {:?}\n  want {:?}",
                    first.map(|f| f.0),
                    first.map(|f| f.1)
                );
            }
            changed.push(id);
        }
    }
    assert!(update || changed.is_empty(), "extractions differ from tests/snapshots/ for {changed:?}; if deliberate, UPDATE_EXPECT=1 cargo test --test snapshots and review the diff");
}
