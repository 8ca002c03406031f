//! Paraphrase families: words news use interchangeably for one event or
//! thing (`mengirim`, `mentransfer`, `memasok`; `tewas`, `meninggal`), so
//! that two outlets' wordings of one claim share a term (guidelines,
//! section 1: wording may differ).
//!
//! A family is a matching key like a stem; the linker adds it beside the
//! word's own stem. The families are general news vocabulary (predicates of
//! shipping, dying, arresting, investigating, sentencing ...), written for
//! this module from common Indonesian usage (MIT, like the crate); none is
//! taken from a test story. Keep each family narrow: a family joins words a
//! fact-checker would check together, not a topic.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::stem::stem;

/// The family of a lower-case word, by its exact form first (for forms
/// whose stem is ambiguous: `meninggal` folds like `tinggal`), then by its
/// stem. Returns the family's head word.
pub fn family(lower: &str, stemmed: &str) -> Option<&'static str> {
    let (exact, stems) = tables();
    exact.get(lower).or_else(|| stems.get(stemmed)).copied()
}

/// The family of a two-word phrase whose words alone say otherwise
/// (`belum ditemukan`: not found yet, that is missing).
pub fn phrase(previous: &str, lower: &str) -> Option<&'static str> {
    PHRASES.iter().find(|&&(a, b, _)| a == previous && b == lower).map(|&(_, _, family)| family)
}

/// `(first word, second word, family)`.
const PHRASES: &[(&str, &str, &str)] = &[
    ("belum", "ditemukan", "hilang"),
    ("masih", "dicari", "hilang"),
    ("korban", "jiwa", "tewas"),
    ("luka", "luka", "luka"),
    ("dirawat", "inap", "rawat"),
    ("kelebihan", "muatan", "sesak"),
    ("melebihi", "kapasitas", "sesak"),
];

/// The family head `name` as a static string, if it is one.
pub fn head(name: &str) -> Option<&'static str> {
    FAMILIES.iter().map(|&(h, _)| h).find(|&h| h == name)
}

/// `(head, members)`. A member written `=form` matches that exact word only;
/// any other member matches every word with its stem.
#[rustfmt::skip]
const FAMILIES: &[(&str, &[&str])] = &[
    // Moving goods to someone.
    ("kirim", &["kirim", "transfer", "pasok", "suplai", "sedia", "salur", "ekspor", "=dikirimkan", "=pengiriman"]),
    // Arms and ammunition.
    ("senjata", &["senjata", "persenjataan", "amunisi", "munisi", "artileri", "peluru", "roket", "rudal", "mortir"]),
    // Dying.
    ("tewas", &["tewas", "=meninggal", "=meninggalnya", "wafat", "=mati", "=kematian", "gugur"]),
    // Missing and searched for.
    ("hilang", &["hilang", "=pencarian", "=dicari", "=mencari"]),
    // Rescued.
    ("selamat", &["selamat", "evakuasi", "=diselamatkan", "=menyelamatkan"]),
    // Arrested or detained.
    ("tangkap", &["tangkap", "=ditahan", "=menahan", "=penahanan", "=diamankan", "=mengamankan", "ciduk", "bekuk", "ringkus"]),
    // Injured.
    ("luka", &["luka", "cedera"]),
    // Sentenced.
    ("vonis", &["vonis", "=menghukum", "=dihukum", "=hukuman"]),
    // Investigated.
    ("selidik", &["selidik", "sidik", "investigasi", "usut", "periksa", "pemeriksaan"]),
    // Accused.
    ("tuduh", &["tuduh", "tuding", "dakwa"]),
    // Met or visited.
    ("temu", &["=bertemu", "=pertemuan", "=menemui", "kunjung", "jumpa"]),
    // Worried.
    ("khawatir", &["khawatir", "kekhawatiran", "prihatin", "cemas", "risau"]),
    // An agreement or deal.
    ("sepakat", &["sepakat", "kesepakatan", "perjanjian", "kontrak"]),
    // In return for.
    ("imbal", &["imbal", "imbalan", "=balasan", "=kompensasi"]),
    // War and attacks.
    ("perang", &["perang", "invasi", "serang", "serangan", "gempur"]),
    // Help and support.
    ("dukung", &["dukung", "bantu", "bantuan"]),
    // Clashes and riots.
    ("bentrok", &["bentrok", "bentrokan", "ricuh", "kericuhan", "rusuh", "kerusuhan", "tawur"]),
    // Money.
    ("uang", &["uang", "dana", "duit"]),
    // Land.
    ("lahan", &["lahan", "tanah"]),
    // Police.
    ("polisi", &["polisi", "kepolisian", "aparat", "polres", "polda"]),
    // Pupils.
    ("siswa", &["siswa", "pelajar", "murid"]),
    // Eating.
    ("makan", &["makan", "santap"]),
    // Checked, reviewed, audited.
    ("evaluasi", &["evaluasi", "audit"]),
    // Hospital care.
    ("rawat", &["rawat", "inap"]),
    // Fire.
    ("bakar", &["bakar", "kebakaran"]),
    // Sent home or returned home.
    ("pulang", &["pulang", "=dipulangkan"]),
    // Stale or spoiled food.
    ("basi", &["basi", "asam", "busuk"]),
    // Carried on board.
    ("angkut", &["angkut", "bawa", "muat", "muatan"]),
    // Overloaded.
    ("sesak", &["sesak", "kelebihan", "kapasitas"]),
    // Rising and falling figures.
    ("naik", &["naik", "=meningkat", "=peningkatan", "=bertambah", "=melonjak", "=lonjakan"]),
    ("turun", &["turun", "=menurun", "=penurunan", "=berkurang", "anjlok", "merosot"]),
    // Rejected or opposed.
    ("tolak", &["tolak", "tentang", "=penolakan"]),
    // Approved or passed.
    ("sahkan", &["sahkan", "=mengesahkan", "=disahkan", "=pengesahan", "=menyetujui", "=disetujui", "=persetujuan"]),
    // Banned.
    ("larang", &["larang", "=pelarangan"]),
    // Resigned.
    ("mundur", &["mundur", "=pengunduran"]),
    // Damaged or destroyed.
    ("rusak", &["rusak", "hancur", "=kerusakan"]),
    // Flooded.
    ("banjir", &["banjir", "rendam", "genang", "=tergenang", "=genangan"]),
    // Evacuated from home.
    ("ungsi", &["ungsi", "=mengungsi", "=pengungsi", "=pengungsian"]),
    // Seized.
    ("sita", &["sita", "rampas", "=penyitaan", "=perampasan"]),
    // Found.
    ("temukan", &["=ditemukan", "=menemukan", "=temuan", "=penemuan"]),
    // Bribery and graft.
    ("korupsi", &["korupsi", "suap", "gratifikasi", "=rasuah"]),
    // Protests.
    ("demo", &["demo", "demonstrasi", "protes", "=unjuk"]),
    // Crashes.
    ("tabrak", &["tabrak", "=tabrakan", "=kecelakaan"]),
    // Sinking.
    ("tenggelam", &["tenggelam", "karam"]),
    // Poisoning.
    ("racun", &["racun", "=keracunan"]),
    // Built.
    ("bangun", &["=membangun", "=dibangun", "=pembangunan", "konstruksi"]),
    // Stopped.
    ("henti", &["=menghentikan", "=dihentikan", "=penghentian", "setop", "stop"]),
    // Paid.
    ("bayar", &["bayar", "=pembayaran", "lunas", "=melunasi"]),
    // Promised.
    ("janji", &["janji", "=berjanji", "=menjanjikan", "=dijanjikan"]),
    // Embezzled.
    ("gelap", &["gelap", "=menggelapkan", "=digelapkan", "=penggelapan", "selewengkan"]),
];

/// Exact form to family, and stem to family.
type Tables = (HashMap<&'static str, &'static str>, HashMap<String, &'static str>);

/// The exact-form and stem tables, built once.
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let (mut exact, mut stems) = (HashMap::new(), HashMap::new());
        for &(head, members) in FAMILIES {
            for &m in members {
                match m.strip_prefix('=') {
                    Some(form) => {
                        exact.insert(form, head);
                    }
                    None => {
                        stems.insert(stem(m), head);
                    }
                }
            }
        }
        (exact, stems)
    })
}

#[cfg(test)]
mod tests {
    use super::family;
    use crate::link::stem::stem;

    #[track_caller]
    fn check(word: &str, expect: Option<&str>) {
        assert_eq!(family(word, &stem(word)), expect, "{word}");
    }

    #[test]
    fn paraphrases_share_a_family() {
        check("mentransfer", Some("kirim"));
        check("mengirimkan", Some("kirim"));
        check("memasok", Some("kirim"));
        check("menyediakan", Some("kirim"));
        check("amunisi", Some("senjata"));
        check("artileri", Some("senjata"));
        check("meninggal", Some("tewas"));
        check("tewas", Some("tewas"));
        check("tinggal", None);
        check("diamankan", Some("tangkap"));
        check("ditangkap", Some("tangkap"));
        check("diselidiki", Some("selidik"));
        check("memeriksa", Some("selidik"));
        check("divonis", Some("vonis"));
        check("menghukum", Some("vonis"));
        check("kekhawatiran", Some("khawatir"));
        check("prihatin", Some("khawatir"));
        check("rumah", None);
        check("melonjak", Some("naik"));
        check("tergenang", Some("banjir"));
        check("dirampas", Some("sita"));
        check("disita", Some("sita"));
        check("ditemukan", Some("temukan"));
        check("bertemu", Some("temu"));
    }
}
