//! Any bytes, read as text the way the CLI reads them: the extractor returns,
//! every span lies on character boundaries inside the text, and the report in
//! every unit gives back each span's own text.
#![no_main]

use klaim::{extract, report, Options, Unit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ex = extract(&text, &Options::default());
    for c in &ex.claims {
        assert!(text.is_char_boundary(c.span.start()) && text.is_char_boundary(c.span.end()));
    }
    for unit in [Unit::CodePoint, Unit::Utf16, Unit::Byte] {
        let r = report("f", &text, &ex, unit);
        assert_eq!(r.claims.len(), ex.claims.len());
    }
    let bytes = report("f", &text, &ex, Unit::Byte);
    for c in &bytes.claims {
        assert_eq!(&text[c.start..c.end], c.text);
        for q in &c.quantities {
            assert_eq!(&text[q.start..q.end], q.text);
        }
        if let Some(w) = &c.claimant {
            assert_eq!(&text[w.start..w.end], w.text);
        }
    }
});
