//! Property tests: whatever the string, the extractor returns, and every span
//! lies inside the text on character boundaries and reports its own slice.

use klaim::{extract, report, Options, Unit};
use proptest::prelude::*;

/// Strings built from the pieces that trouble news text: quotes of every
/// kind, dashes, digits with separators, line breaks, emoji, combining marks,
/// right-to-left text and cue words.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "„",
        "'",
        "’",
        "–",
        "—",
        "-",
        ".",
        ",",
        "?",
        "!",
        ":",
        "(",
        ")",
        "\n",
        "\r\n",
        " ",
        "  ",
        "6.700",
        "1,5",
        "15/3/2023",
        "Rp",
        "Rp482,5",
        "triliun",
        "persen",
        "%",
        "dua",
        "puluh",
        "kata",
        "ujarnya",
        "menurut",
        "mengatakan",
        "tidak",
        "membantah",
        "Kim",
        "Jong",
        "Un",
        "Presiden",
        "tersebut",
        "ia",
        "Baca",
        "juga",
        "KOMPAS.com",
        "😀",
        "👍🏽",
        "e\u{301}",
        "\u{0}",
        "עברית",
        "\u{202e}",
        "(dam)",
        "Kepala",
        "BPS",
        "(AS)",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn valid(text: &str) -> Result<(), TestCaseError> {
    let ex = extract(text, &Options::default());
    for c in &ex.claims {
        let spans = [Some(c.span), c.claimant.as_ref().map(|x| x.span), c.cue, c.via]
            .into_iter()
            .flatten()
            .chain(c.quantities.iter().map(|q| q.span));
        for s in spans {
            prop_assert!(s.start() <= s.end() && s.end() <= text.len());
            prop_assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
        }
    }
    for b in &ex.boilerplate {
        prop_assert!(
            b.span.end() <= text.len() && text.is_char_boundary(b.span.start()) && text.is_char_boundary(b.span.end())
        );
    }
    for unit in [Unit::CodePoint, Unit::Utf16] {
        let r = report("p", text, &ex, unit);
        let cps: Vec<char> = text.chars().collect();
        let u16s: Vec<u16> = text.encode_utf16().collect();
        for c in &r.claims {
            let got = match unit {
                Unit::CodePoint => cps[c.start..c.end].iter().collect::<String>(),
                _ => String::from_utf16(&u16s[c.start..c.end]).unwrap(),
            };
            prop_assert_eq!(&got, &c.text);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_gives_valid_spans(text in any::<String>()) {
        valid(&text)?;
    }

    #[test]
    fn news_like_strings_give_valid_spans(text in newsy()) {
        valid(&text)?;
    }
}

// Issue 10: imports of any bytes give a result or an error, never a panic,
// and the agreement of any pair of span sets is well formed.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn imports_never_panic(input in r#"[\[\]{}":,0-9a-z\\ud83d\\ude00 \n]{0,120}"#, noise in any::<String>()) {
        let library: klaim::project::Project = serde_json::from_str(
            r#"{"format": "klaim-project", "version": 1, "tags": [], "documents": [{"id": "d", "name": "d", "text": "ab😀 cd", "added": "", "edited": "", "claims": []}]}"#,
        ).unwrap();
        for format in klaim::exchange::Format::ALL.into_iter().filter(|f| f.can_import()) {
            let _ = klaim::exchange::import(&input, Some(format), &library, "");
            let _ = klaim::exchange::import(&noise, Some(format), &library, "");
        }
    }

    #[test]
    fn span_pairing_is_one_to_one(a in proptest::collection::vec((0usize..50, 0usize..20), 0..12), b in proptest::collection::vec((0usize..50, 0usize..20), 0..12)) {
        let a: Vec<(usize, usize)> = a.into_iter().map(|(s, l)| (s, s + l)).collect();
        let b: Vec<(usize, usize)> = b.into_iter().map(|(s, l)| (s, s + l)).collect();
        let p = klaim::agree::pair_spans(&a, &b);
        let mut seen_a = std::collections::HashSet::new();
        let mut seen_b = std::collections::HashSet::new();
        for &(i, j) in &p.pairs {
            prop_assert!(seen_a.insert(i) && seen_b.insert(j));
            let (x, y) = (a[i], b[j]);
            prop_assert!(x == y || (x.0 < y.1 && y.0 < x.1), "{:?} {:?}", x, y);
        }
        prop_assert!(p.exact <= p.pairs.len());
    }
}
