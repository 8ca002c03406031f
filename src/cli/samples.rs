//! The five sample articles the product was conceived from, built into the
//! binary so `klaim bench` needs no files.

pub const SAMPLES: [(&str, &str); 5] = [
    ("000_bef3302d05d81497", include_str!("../../www/samples/000_bef3302d05d81497.txt")),
    ("001_070c2e44d61fb293", include_str!("../../www/samples/001_070c2e44d61fb293.txt")),
    ("002_7200fbc241553ea4", include_str!("../../www/samples/002_7200fbc241553ea4.txt")),
    ("003_2ed8a68eee3b228c", include_str!("../../www/samples/003_2ed8a68eee3b228c.txt")),
    ("004_2d5f7446322cde1f", include_str!("../../www/samples/004_2d5f7446322cde1f.txt")),
];
