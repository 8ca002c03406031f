//! How sure a claim is presented: asserted, hedged or denied.

use std::ops::Range;

use super::doc::Doc;
use super::lexicon::Cat;
use super::tokens::TokKind;
use crate::model::Modality;

/// Reads the modality of the tokens in `range`, quotation content included:
/// `"Ini mungkin ...," ucap Shin` is hedged by what Shin said.
pub fn modality(doc: &Doc, range: Range<usize>) -> Modality {
    let mut hedged = false;
    for i in range.clone() {
        // Only words of the lexicon and the few words below count: numbers
        // and punctuation are skipped before any slicing.
        if doc.kind(i) != TokKind::Word {
            continue;
        }
        let c = doc.cat(i);
        let low = doc.low(i);
        let prev = || if i > range.start { doc.low(i - 1) } else { "" };
        let next = || if i + 1 < range.end { doc.low(i + 1) } else { "" };
        if c.has(Cat::DENY) && !(i > range.start && doc.is(i - 1, Cat::NEG)) {
            return Modality::Denied;
        }
        if low == "benar" && matches!(prev(), "tidak" | "tak" | "bukan") && !matches!(next(), "bahwa") {
            return Modality::Denied;
        }
        if hedged {
            continue;
        }
        hedged = match low {
            // `dilaporkan ke polisi` is literal reporting, not hearsay.
            "dilaporkan" => !matches!(next(), "ke" | "kepada" | "oleh"),
            // An adverb (`kemungkinan akan`), not a noun (`membahas kemungkinan`).
            "kemungkinan" => {
                !matches!(
                    prev(),
                    "membahas"
                        | "ada"
                        | "adanya"
                        | "soal"
                        | "tentang"
                        | "terkait"
                        | "menutup"
                        | "membuka"
                        | "segala"
                        | "berbagai"
                        | "mengkaji"
                        | "menjajaki"
                        | "melihat"
                        | "akan"
                ) && !matches!(
                    next(),
                    "untuk"
                        | "bahwa"
                        | "itu"
                        | "ini"
                        | "tersebut"
                        | "yang"
                        | "adanya"
                        | "pengiriman"
                        | "terburuk"
                        | "lain"
                        | ""
                )
            }
            "jelas" | "pasti" | "diketahui" => matches!(prev(), "belum" | "tidak" | "tak"),
            "saja" => matches!(prev(), "bisa" | "dapat" | "boleh"),
            _ => c.has(Cat::HEDGE),
        };
    }
    if hedged {
        Modality::Hedged
    } else {
        Modality::Asserted
    }
}
