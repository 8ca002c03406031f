//! The `klaim` command as a user runs it: files, standard input, JSON Lines,
//! and what happens to bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn klaim(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_klaim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("klaim runs");
    // Written from another thread: a large input would otherwise fill the
    // pipe while klaim waits for its output to be read.
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("klaim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn files_get_their_stem_as_id() {
    let a = temp("001_a.txt", "Budi mengatakan harga naik.".as_bytes());
    let out = klaim(&["extract", &a], b"");
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs[0]["id"], "001_a");
    assert_eq!(docs[0]["claims"][0]["claimant"]["text"], "Budi");
}

#[test]
fn standard_input_is_read_with_a_dash_or_by_default() {
    for args in [&["extract", "-"][..], &["extract"][..]] {
        let out = klaim(args, "Menurut BPS, inflasi turun.".as_bytes());
        assert!(out.status.success());
        assert_eq!(lines(&out)[0]["id"], "stdin");
    }
}

#[test]
fn a_missing_file_is_named_and_the_rest_still_processed() {
    let a = temp("ok.txt", "Budi mengatakan harga naik.".as_bytes());
    let out = klaim(&["extract", "/nonexistent/missing.txt", &a], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/missing.txt"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let a = temp("bad.txt", b"Budi mengatakan harga \xff naik.");
    let out = klaim(&["extract", &a], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid UTF-8"));
    assert!(lines(&out)[0]["claims"][0]["text"].as_str().unwrap().contains('\u{fffd}'));
}

#[test]
fn jsonl_records_keep_their_ids_and_a_bad_line_is_reported_by_number() {
    let input = "{\"id\": \"x1\", \"text\": \"Kata Budi, ini benar.\"}\nnot json\n\n{\"id\": 7, \"text\": \"Harga naik 5 persen.\"}\n";
    let out = klaim(&["extract", "--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2:"), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "x1");
    assert_eq!(docs[1]["id"], "7");
    assert_eq!(docs[1]["claims"][0]["quantities"][0]["value"], 5);
}

#[test]
fn offsets_can_be_asked_in_utf16() {
    let text = "Budi mengatakan 😀 harga naik. Ani mengatakan harga turun.";
    let cp = lines(&klaim(&["extract", "-"], text.as_bytes()));
    let u16 = lines(&klaim(&["extract", "--unit", "utf16", "-"], text.as_bytes()));
    assert_eq!(cp[0]["claims"][1]["start"], 30);
    assert_eq!(u16[0]["claims"][1]["start"], 31);
}

#[test]
fn help_version_and_usage_errors() {
    let help = klaim(&["--help"], b"");
    let text = String::from_utf8_lossy(&help.stdout);
    for option in ["--jsonl", "--unit", "--jobs", "--attributed", "--pretty", "--mb", "--rounds", "--format", "--out"] {
        assert!(text.contains(option), "--help documents {option}");
    }
    assert!(String::from_utf8_lossy(&klaim(&["--version"], b"").stdout).starts_with("klaim "));
    assert_eq!(klaim(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(klaim(&["extract", "--unit", "miles"], b"").status.code(), Some(2));
    assert_eq!(klaim(&["extract", "--jobs", "0"], b"").status.code(), Some(2));
}

/// An HTML page is read as the annotator reads a dropped one: its visible
/// text, and its site name, publication time and canonical URL (before: the
/// markup was extracted as text, `<meta charset="utf-8">` a claim, and
/// `published` and `url` were null).
#[test]
fn an_html_page_is_read_as_the_page_reads_it() {
    let html = include_str!("factchecks/a3_kompas.html");
    let page = temp("a3_kompas.html", html.as_bytes());
    let out = klaim(&["extract", &page], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = &lines(&out)[0];
    assert_eq!(doc["id"], "a3_kompas");
    assert_eq!(doc["outlet"], "KOMPAS.com");
    assert_eq!(doc["url"], "https://regional.kompas.example/read/2026/12/02/beras-mahal-warga-medan-antre");
    assert_eq!(doc["published"], "2026-12-02");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let claims = doc["claims"].as_array().unwrap();
    assert!(claims.len() >= 4, "{claims:#?}");
    for c in claims {
        let t = c["text"].as_str().unwrap();
        assert!(!t.contains('<') && !t.contains('>'), "markup in a claim: {t}");
        let (a, b) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
        assert_eq!(text[a..b].iter().collect::<String>(), t, "offsets count in the record's text");
    }
    assert!(claims.iter().any(|c| c["claimant"]["resolved"] == "Rahmat Simanjuntak"));
    // The same page on standard input, known by its doctype.
    assert_eq!(lines(&klaim(&["extract"], html.as_bytes()))[0]["url"], doc["url"]);
    // A text file is not read as HTML, and its record has no `text`.
    let plain = temp("a1.txt", include_bytes!("factchecks/a1_waspada.txt"));
    assert!(lines(&klaim(&["extract", &plain], b""))[0].get("text").is_none());
    // `klaim extract --help` prints the help, which says so.
    let help = klaim(&["extract", "--help"], b"");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("HTML"));
}

/// A JSON Lines stream of every test article, `copies` times over, each
/// record with its own id: several batches of work for the threads.
fn article_stream(copies: usize) -> String {
    let mut articles: Vec<_> = std::fs::read_dir("tests/articles").unwrap().map(|e| e.unwrap().path()).collect();
    articles.sort();
    let mut out = String::new();
    for copy in 0..copies {
        for path in articles.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            let text = std::fs::read_to_string(path).unwrap();
            let id = format!("{}-{copy}", path.file_stem().unwrap().to_string_lossy());
            out += &serde_json::json!({ "id": id, "text": text }).to_string();
            out.push('\n');
        }
    }
    out
}

#[test]
fn jobs_do_not_change_a_byte_of_the_output() {
    let input = article_stream(20);
    let one = klaim(&["extract", "--jobs", "1", "--jsonl", "-"], input.as_bytes());
    let four = klaim(&["extract", "--jobs", "4", "--jsonl", "-"], input.as_bytes());
    assert!(one.status.success() && four.status.success());
    assert_eq!(lines(&one).len(), input.lines().count());
    assert!(one.stdout == four.stdout, "--jobs 1 and --jobs 4 differ");
    // And in input order.
    let ids: Vec<String> = lines(&four).iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect();
    let expected: Vec<String> = input
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, expected);
}

#[test]
fn a_malformed_line_mid_stream_is_reported_by_number_and_the_rest_processed() {
    let mut input: Vec<&str> = Vec::new();
    let stream = article_stream(10);
    input.extend(stream.lines());
    let n = input.len();
    input.insert(n / 2, "{\"id\": \"broken\", \"text\": ");
    let file = temp("stream.jsonl", (input.join("\n") + "\n").as_bytes());
    let out = klaim(&["extract", "--jobs", "2", "--jsonl", &file], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("stream.jsonl:{}:", n / 2 + 1)), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(lines(&out).len(), n);
}

fn interop(name: &str) -> String {
    format!("{}/tests/interop/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn import_into_a_project_and_agree() {
    // Two people's work on the same article: a Label Studio export (two
    // annotators) and a doccano export, each imported into its own copy.
    let library = std::fs::read(interop("library.klaim.json")).unwrap();
    let a = temp("agree-a.json", &library);
    let b = temp("agree-b.json", &library);
    let out = klaim(&["import", "--format", "labelstudio", &interop("labelstudio-export.json"), "--into", &a], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("3 new claim(s)") && report.contains("annotators: labelstudio:2"), "{report}");
    let out = klaim(&["import", &interop("doccano-export.jsonl"), "--into", &b], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: skipped"));
    let out = klaim(&["agree", &a, &b, "--format", "json"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let figures: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figures["annotators"], serde_json::json!(["library", "labelstudio:2", b]));
    // library vs B: claims 3/2, both of B's spans exact; kinds agree.
    let pair = &figures["pairs"][1]["total"];
    assert_eq!((&pair["a_claims"], &pair["b_claims"], &pair["exact"]["matched"]), (&3.into(), &2.into(), &2.into()));
    assert_eq!(pair["exact"]["f1"], 0.8);
    assert_eq!(pair["kind"], serde_json::json!({"n": 2, "agree": 2, "kappa": 1.0}));
    assert_eq!(figures["alpha"]["units"], 3);
    // The text table names the figures.
    let out = klaim(&["agree", &a, &b], b"");
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("F1 exact 0.800 (2)") && table.contains("Krippendorff's alpha"), "{table}");
    // Usage errors.
    assert_eq!(klaim(&["import", &a], b"").status.code(), Some(2));
    assert_eq!(klaim(&["import", "--format", "csv", &a, "--into", &b], b"").status.code(), Some(2));
}

/// The bench library (`klaim bench --link-library N`) is the same every
/// run, holds stories of two to five outlets whose articles differ from one
/// another, and gives every article claims to link.
#[test]
fn the_bench_library_is_many_stories_of_several_outlets() {
    let first = klaim(&["bench", "--link-library", "40"], b"");
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert_eq!(first.stdout, klaim(&["bench", "--link-library", "40"], b"").stdout, "deterministic");
    let docs = lines(&first);
    assert_eq!(docs.len(), 40);
    let mut stories: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for d in &docs {
        let id = d["id"].as_str().unwrap();
        assert!(!d["claims"].as_array().unwrap().is_empty(), "{id} has claims");
        stories.entry(id.split('-').next().unwrap().to_owned()).or_default().push(d["text"].as_str().unwrap());
    }
    assert!(stories.len() >= 8, "{} stories", stories.len());
    for (story, texts) in &stories {
        if texts.len() < 2 {
            continue; // the last story may be cut short
        }
        assert!(texts.len() <= 5, "{story}: {} outlets", texts.len());
        assert!(texts.windows(2).all(|w| w[0] != w[1]), "{story}: outlets word it differently");
    }
}

/// A JSON Lines record's own `outlet`, `published` and `url` are what a
/// pipeline already knows: they win over what the text gives, as in the
/// page's import (user test 5: `"outlet":"UJI.ID","published":"2026-12-01"`
/// came out as the dateline's outlet and no date).
#[test]
fn a_records_own_facts_are_kept() {
    let records = concat!(
        r#"{"id": "a", "text": "JAKARTA, KONTAN.CO.ID - Budi mengatakan harga naik.", "outlet": "UJI.ID", "published": "2026-12-01T08:00:00+07:00", "url": "https://uji.example/a"}"#,
        "\n",
        r#"{"id": "b", "text": "JAKARTA, KONTAN.CO.ID - Budi mengatakan harga naik.", "outlet": " "}"#,
        "\n"
    );
    let out = klaim(&["extract", "--jsonl", "-"], records.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = lines(&out);
    let facts = |d: &serde_json::Value| (d["outlet"].clone(), d["published"].clone(), d["url"].clone());
    assert_eq!(facts(&docs[0]), ("UJI.ID".into(), "2026-12-01".into(), "https://uji.example/a".into()));
    // A blank field gives way to the text's.
    assert_eq!(facts(&docs[1]), ("KONTAN.CO.ID".into(), serde_json::Value::Null, serde_json::Value::Null));
}

/// A reader that goes away (`klaim extract … | head -1`) ends klaim quietly,
/// as it ends Unix tools (before: `klaim: stdout: Broken pipe (os error 32)`
/// and exit code 2).
#[test]
fn a_closed_pipe_ends_quietly() {
    let record = r#"{"id": "x", "text": "Budi mengatakan harga beras naik sepuluh persen pekan ini."}"#;
    let input = format!("{record}\n").repeat(4000);
    let path = temp("many.jsonl", input.as_bytes());
    for args in [&["extract", "--jsonl", path.as_str()][..], &["--help"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_klaim"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("klaim runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

/// `klaim bench --records FILE` times the work of wasm `extractJson` over
/// the file's documents (what `npm run bench` compares wasm against): the
/// claims it counts are the ones `klaim extract` writes.
#[test]
fn bench_records_extracts_the_documents_of_a_file() {
    let text =
        "\u{201c}Harga beras akan turun bulan depan,\u{201d} kata Menteri Perdagangan Budi Santoso di Jakarta, Senin.";
    let line = serde_json::json!({ "id": "a", "text": text }).to_string();
    let file = temp("bench-records.jsonl", format!("{line}\n{line}\n").as_bytes());
    let out = klaim(&["bench", "--rounds", "1", "--records", &file], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let figures: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let extracted = lines(&klaim(&["extract", "--jsonl", &file], b""));
    let claims: usize = extracted.iter().map(|d| d["claims"].as_array().unwrap().len()).sum();
    assert!(claims > 0);
    assert_eq!(figures["claims"], claims);
    assert!(figures["seconds"].as_f64().unwrap() > 0.0 && figures["mb"].as_f64().unwrap() > 0.0, "{figures}");
    let bad = temp("bench-records-bad.jsonl", b"{\"id\": 1}\n");
    assert!(!klaim(&["bench", "--records", &bad], b"").status.success());
}

/// `klaim link` reads articles (`{"id", "text"}`, as `extract --jsonl`
/// does) or records that also carry their claims (klaim's JSON Lines export,
/// `klaim extract`'s records with the text added): those claims are linked
/// as they stand, rejected ones left out, so a reviewed library links as
/// reviewed. A record with claims and no text (what `klaim extract` writes)
/// is refused with what to give instead, and a record's own outlet wins over
/// its text's (user test 6 #9: `{"documents": []}` and `missing field
/// 'text'` for every line).
#[test]
fn link_reads_articles_or_records_that_carry_their_claims() {
    let articles = concat!(
        r#"{"id": "a", "text": "Juru bicara Budi Santoso mengatakan 1.000 kontainer senjata dikirim ke Rusia pada September.", "outlet": "UJI.ID"}"#,
        "\n",
        r#"{"id": "b", "text": "Juru bicara Budi Santoso mengatakan 6.700 kontainer senjata dikirim ke Rusia pada September."}"#,
        "\n"
    );
    let linked = |input: &str| {
        let out = klaim(&["link", "--jsonl", "-"], input.as_bytes());
        (
            out.status.code(),
            serde_json::from_slice::<serde_json::Value>(&out.stdout).ok(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, from_text, err) = linked(articles);
    assert_eq!(code, Some(0), "{err}");
    let from_text = from_text.unwrap();
    assert_eq!(from_text["groups"].as_array().map(Vec::len), Some(1), "{from_text}");
    let outlets: Vec<_> = from_text["groups"][0]["conflicts"][0]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["outlet"].clone())
        .collect();
    assert!(outlets.contains(&"UJI.ID".into()), "the record's own outlet: {outlets:?}");

    // klaim extract's records, with their text added as a pipeline would.
    let records = lines(&klaim(&["extract", "--jsonl", "-"], articles.as_bytes()));
    let with_text = |status: Option<&str>| {
        let mut out = String::new();
        for (mut record, article) in records.clone().into_iter().zip(articles.lines()) {
            let article: serde_json::Value = serde_json::from_str(article).unwrap();
            record["text"] = article["text"].clone();
            if let (Some(status), "b") = (status, record["id"].as_str().unwrap()) {
                for claim in record["claims"].as_array_mut().unwrap() {
                    claim["status"] = status.into();
                }
            }
            out += &format!("{record}\n");
        }
        out
    };
    let (code, given, err) = linked(&with_text(None));
    assert_eq!((code, given.as_ref().map(|g| &g["groups"])), (Some(0), Some(&from_text["groups"])), "{err}");
    let (code, reviewed, err) = linked(&with_text(Some("rejected")));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(reviewed.unwrap()["groups"], serde_json::json!([]), "b's claims were rejected: nothing to link");

    // Without the text: refused, saying what to give.
    let bare: String = records.iter().map(|r| format!("{r}\n")).collect();
    let (code, _, err) = linked(&bare);
    assert_eq!(code, Some(1));
    assert!(err.contains("-:1:") && err.contains("text") && err.contains("klaim extract"), "{err}");
}
