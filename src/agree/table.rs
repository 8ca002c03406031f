//! The agreement figures as a plain-text table (the CLI's default output).

use std::fmt::Write;

use super::{Agreement, AlphaValue, Figures, Kappa};

/// One block per pair of annotators: the library-wide line, then one line per
/// document; then Krippendorff's alpha when there is one.
pub fn table(agreement: &Agreement) -> String {
    let mut out = String::new();
    for pair in &agreement.pairs {
        let _ = writeln!(out, "{} vs {}", pair.a, pair.b);
        let _ = writeln!(out, "  {:<32} {}", "all documents", line(&pair.total));
        for d in &pair.documents {
            let name: String = d.name.chars().take(32).collect();
            let _ = writeln!(out, "  {name:<32} {}", line(&d.figures));
        }
    }
    if let Some(alpha) = &agreement.alpha {
        let _ = writeln!(
            out,
            "Krippendorff's alpha (nominal), {} annotators, {} units",
            agreement.annotators.len(),
            alpha.units
        );
        let a = |v: &AlphaValue| format!("{} ({} values)", number(v.alpha), v.values);
        let _ = writeln!(out, "  spans {}  kind {}  modality {}", a(&alpha.spans), a(&alpha.kind), a(&alpha.modality));
        for v in &alpha.verdicts {
            let _ = writeln!(out, "  {} {}", v.label, a(&v.alpha));
        }
    }
    if agreement.pairs.is_empty() {
        out.push_str("no two annotators share a document\n");
    }
    out
}

fn line(f: &Figures) -> String {
    let k = |k: &Kappa| format!("{} ({}/{})", number(k.kappa), k.agree, k.n);
    let mut s = format!(
        "claims {}/{}  F1 exact {} ({})  overlap {} ({})  kappa kind {}  modality {}",
        f.a_claims,
        f.b_claims,
        number(f.exact.f1),
        f.exact.matched,
        number(f.overlap.f1),
        f.overlap.matched,
        k(&f.kind),
        k(&f.modality)
    );
    for v in f.verdicts.iter().filter(|v| v.kappa.n > 0) {
        let _ = write!(s, "  {} {}", v.label, k(&v.kappa));
    }
    s
}

/// Three decimals, or `-` where the figure is undefined.
fn number(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.3}"))
}
