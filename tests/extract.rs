//! The extractor's features, one line per case. Each `check` runs the whole
//! pipeline on a small article and compares one aspect of the result.

use klaim::{extract, report, Options, Unit};

/// The claims of `text`, each as `kind modality claimant=>resolved [via] "start of text"`.
fn claims(text: &str) -> Vec<String> {
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    r.claims
        .iter()
        .map(|c| {
            let kind = serde_json::to_value(c.kind).unwrap();
            let m = serde_json::to_value(c.modality).unwrap();
            let who = c.claimant.as_ref().map(|x| format!(" {}=>{}", x.text, x.resolved)).unwrap_or_default();
            let via = c.via.as_ref().map(|v| format!(" via {}", v.text)).unwrap_or_default();
            let head: String = c.text.chars().take(12).collect();
            format!("{} {}{who}{via} {head:?}", kind.as_str().unwrap(), m.as_str().unwrap())
        })
        .collect()
}

#[track_caller]
fn check(text: &str, expect: &[&str]) {
    assert_eq!(claims(text), expect, "\n{text}");
}

/// Boilerplate kinds with the text they cover.
#[track_caller]
fn check_boilerplate(text: &str, expect: &[&str]) {
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    let got: Vec<String> = r
        .boilerplate
        .iter()
        .map(|b| format!("{} {:?}", serde_json::to_value(b.kind).unwrap().as_str().unwrap(), b.text))
        .collect();
    assert_eq!(got, expect, "\n{text}");
}

/// Quantities as `value unit`.
#[track_caller]
fn check_quantities(text: &str, expect: &[&str]) {
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    let got: Vec<String> =
        r.claims.iter().flat_map(|c| c.quantities.iter().map(|q| format!("{} {}", q.value, q.unit))).collect();
    assert_eq!(got, expect, "\n{text}");
}

#[test]
fn attribution() {
    check(
        "Budi Santoso mengatakan harga beras naik.",
        &["reported asserted Budi Santoso=>Budi Santoso \"Budi Santoso\""],
    );
    check(
        "Menurut Bank Indonesia, inflasi terkendali.",
        &["reported asserted Bank Indonesia=>Bank Indonesia \"Menurut Bank\""],
    );
    check("Shin tidak menjelaskan sumber informasinya kepada publik.", &["unattributed asserted \"Shin tidak m\""]);
    check(
        "Seorang pejabat AS mengatakan kepada CBS News, rudal sudah dikirim.",
        &["reported asserted Seorang pejabat AS=>Seorang pejabat AS via CBS News \"Seorang peja\""],
    );
    check(
        "Anggota Bawaslu, Lestiani Putri, menyebutkan ada pelanggaran di tiga daerah.",
        &["reported asserted Anggota Bawaslu, Lestiani Putri=>Lestiani Putri \"Anggota Bawa\""],
    );
    check("Sebagai imbalannya, Rusia mengirim makanan ke sana.", &["unattributed asserted \"Sebagai imba\""]);
    check(
        "Hal itu disampaikan Kepala BPBD Demak Agus Nugroho, Senin.",
        &["reported asserted Kepala BPBD Demak Agus Nugroho=>Agus Nugroho \"Hal itu disa\""],
    );
    check("Latihan itu diklaim Korea Utara sebagai persiapan perang.", &["unattributed asserted \"Latihan itu \""]);
    check(
        "Washington merilis gambar yang katanya menunjukkan kontainer senjata.",
        &["unattributed asserted \"Washington m\""],
    );
}

#[test]
fn quotations() {
    check("\"Kami siap bertanding besok malam,\" kata Rudi.", &["quote asserted Rudi=>Rudi \"\\\"Kami siap b\""]);
    check(
        "“Ini mungkin campuran keduanya,” ucap Shin seperti dikutip dari Yonhap.",
        &["quote hedged Shin=>Shin via Yonhap \"“Ini mungkin\""],
    );
    // Kompas writes ” on both sides; a quotation over two sentences gives
    // two claims with the speaker named after the closing mark.
    check(
        "”Saya minta semua jalan. Ini mendesak sekali,” kata Presiden Joko Widodo.",
        &[
            "quote asserted Presiden Joko Widodo=>Joko Widodo \"”Saya minta \"",
            "quote asserted Presiden Joko Widodo=>Joko Widodo \"Ini mendesak\"",
        ],
    );
    // A closing mark written against its cue still closes.
    check("” Kami tunduk pada aturan, ”ucap Angga.", &["quote asserted Angga=>Angga \"” Kami tundu\""]);
    // Scare quotes do not make a quotation.
    check(
        "Pabrik bekerja dengan \"kecepatan penuh\" meski kekurangan listrik.",
        &["unattributed asserted \"Pabrik beker\""],
    );
    // A cue inside the quotation does not attribute it.
    check("\"Anda bisa mengatakan bahwa itu benar,\" ujar Shin.", &["quote asserted Shin=>Shin \"\\\"Anda bisa m\""]);
}

#[test]
fn resolution() {
    check(
        "Juru bicara Gedung Putih John Kirby mengatakan ada kesepakatan. Kirby yakin bahwa Rusia akan membayar.",
        &[
            "reported asserted Juru bicara Gedung Putih John Kirby=>John Kirby \"Juru bicara \"",
            "reported asserted Kirby=>John Kirby \"Kirby yakin \"",
        ],
    );
    check(
        "Kepala BPS Ratna Dewi mengatakan inflasi turun. \"Harga pangan stabil,\" ujarnya.",
        &[
            "reported asserted Kepala BPS Ratna Dewi=>Ratna Dewi \"Kepala BPS R\"",
            "quote asserted nya=>Ratna Dewi \"\\\"Harga panga\"",
        ],
    );
    check(
        "Badan Pusat Statistik (BPS) mencatat inflasi 2 persen. BPS menyatakan harga stabil.",
        &[
            "reported asserted Badan Pusat Statistik (BPS)=>Badan Pusat Statistik (BPS) \"Badan Pusat \"",
            "reported asserted BPS=>Badan Pusat Statistik (BPS) \"BPS menyatak\"",
        ],
    );
    check(
        "\"Harga naik,\" kata Menteri Energi Budi Santoso. Menteri Keuangan Sri Mulyani Indrawati mengatakan APBN aman.",
        &["quote asserted Menteri Energi Budi Santoso=>Budi Santoso \"\\\"Harga naik,\"", "reported asserted Menteri Keuangan Sri Mulyani Indrawati=>Sri Mulyani Indrawati \"Menteri Keua\""],
    );
    check(
        "PT Sinar Jaya Tbk (SJT) mencatat laba naik. Manajemen SJT membantah kabar itu.",
        &[
            "reported asserted PT Sinar Jaya Tbk (SJT)=>PT Sinar Jaya Tbk (SJT) \"PT Sinar Jay\"",
            "reported denied Manajemen SJT=>PT Sinar Jaya Tbk (SJT) \"Manajemen SJ\"",
        ],
    );
    check(
        "Dalam pernyataan bersama, ASEAN menyatakan keprihatinan.",
        &["reported asserted ASEAN=>ASEAN \"Dalam pernya\""],
    );
    check(
        "Baik Korea Utara maupun Rusia membantah tuduhan itu.",
        &["reported denied Baik Korea Utara maupun Rusia=>Korea Utara dan Rusia \"Baik Korea U\""],
    );
}

#[test]
fn modality() {
    check("Harga diperkirakan naik bulan depan.", &["unattributed hedged \"Harga diperk\""]);
    check("Belum jelas kapan bantuan tiba di lokasi.", &["unattributed hedged \"Belum jelas \""]);
    check("Polisi membantah ada korban jiwa dalam kejadian itu.", &["reported denied Polisi=>Polisi \"Polisi memba\""]);
    check("Kabar itu tidak benar sama sekali menurut warga.", &["reported denied warga=>warga \"Kabar itu ti\""]);
    check("Pelaku dilaporkan ke polisi oleh korban kemarin.", &["unattributed asserted \"Pelaku dilap\""]);
    check("Mereka membahas kemungkinan pengiriman senjata.", &["unattributed asserted \"Mereka memba\""]);
    check("Ia kemungkinan absen karena cedera pada laga itu.", &["unattributed hedged \"Ia kemungkin\""]);
}

#[test]
fn boilerplate() {
    check_boilerplate(
        "Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - KYIV. Rusia menyerang kota itu pada malam hari.\nBaca Juga: Judul Lain\nBACA JUGA: Judul Lagi",
        &["byline \"Reporter: Ani | Editor: Budi\"", "dateline \"KONTAN.CO.ID - KYIV.\"", "related_link \"Baca Juga: Judul Lain\"", "related_link \"BACA JUGA: Judul Lagi\""],
    );
    check_boilerplate(
        "TRIBUNNEWS.COM, PYONGYANG – Perang antara dua negara kian memanas.",
        &["dateline \"TRIBUNNEWS.COM, PYONGYANG –\""],
    );
    check_boilerplate("Kedua negara tidak mengungkap langkah apa pun. (dam)", &["sign_off \"(dam)\""]);
    check_boilerplate(
        "Kim Turun Gunung Kirim Kontainer ke Putin\nBadai itu merusak ratusan rumah warga di pesisir.\nHubungan Mesra Korut- Rusia\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nKirim Komentar\nIsi komentar sepenuhnya adalah tanggung jawab pengguna.",
        &[
            "title \"Kim Turun Gunung Kirim Kontainer ke Putin\"",
            "heading \"Hubungan Mesra Korut- Rusia\"",
            "advertisement \"ADVERTISEMENT\"",
            "advertisement \"SCROLL TO CONTINUE WITH CONTENT\"",
            "comment_footer \"Kirim Komentar\"",
            "comment_footer \"Isi komentar sepenuhnya adalah tanggung jawab pengguna.\"",
        ],
    );
    // A sentence-case headline on the first line; alone, a line is a claim.
    check_boilerplate(
        "Harga BBM naik mulai besok\nPertamina menaikkan harga Pertalite.",
        &["title \"Harga BBM naik mulai besok\""],
    );
    check_boilerplate("Pertamina menaikkan harga Pertalite mulai besok", &[]);
    // The claim starts after the dateline dash.
    check("Jakarta, CNN Indonesia -- Harga cabai naik tajam.", &["unattributed asserted \"Harga cabai \""]);
}

#[test]
fn segmentation() {
    // Thousands, decimals, dates, initials and abbreviations do not end a sentence.
    check(
        "Jean H. Lee dari Wilson Centre tiba pada 15/3/2023 tentang 6.700 kontainer dan 1,5 juta peluru.",
        &["unattributed asserted \"Jean H. Lee \""],
    );
    check(
        "Dr. Budi tiba. Ia langsung bekerja.",
        &["unattributed asserted \"Dr. Budi tib\"", "unattributed asserted \"Ia langsung \""],
    );
    check(
        "Presiden Korut sejak Juli diam – diam telah mengirim peluru.\r\nRusia membalas dengan makanan.",
        &["unattributed asserted \"Presiden Kor\"", "unattributed asserted \"Rusia membal\""],
    );
}

#[test]
fn quantities() {
    check_quantities(
        "Korut mengirim 6.700 kontainer dan 3 juta peluru artileri 152 mm.",
        &["6700 kontainer", "3000000 peluru", "152 mm"],
    );
    check_quantities(
        "Anggaran mencapai Rp482,5 triliun, naik 25 persen atau 12% dari tahun lalu.",
        &["482500000000000 rupiah", "25 persen", "12 persen"],
    );
    check_quantities("Perang berlangsung dua dekade, kunjungan enam harinya lancar.", &["2 dekade", "6 hari"]);
    check_quantities("Serangan itu menewaskan 7 anak-anak.", &["7 anak"]);
    check_quantities(
        "Lebih dari 1.000 warga mengungsi sejak 2018, tanggal 7 September, pukul 10.00 WIB.",
        &["1000 warga"],
    );
    check_quantities("Ratusan pabrik dan beberapa juta peluru, salah satu gudang rusak.", &[]);
    check_quantities(
        "Gempa bermagnitudo 5,6 terjadi dua hingga tiga hari lalu.",
        &["5.6 magnitudo", "2 hari", "3 hari"],
    );
}

#[test]
fn offsets_count_code_points() {
    let text = "😀 “Kami siap,” kata Budi. Jose\u{301} mengatakan 😀 2 orang hilang.";
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    let chars: Vec<char> = text.chars().collect();
    for c in &r.claims {
        assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.text);
        for q in &c.quantities {
            assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
        }
    }
    let u = report("t", text, &extract(text, &Options::default()), Unit::Utf16);
    let units: Vec<u16> = text.encode_utf16().collect();
    for c in &u.claims {
        assert_eq!(String::from_utf16(&units[c.start..c.end]).unwrap(), c.text);
    }
    assert_eq!(r.claims[1].claimant.as_ref().map(|c| c.resolved.as_str()), Some("Jose\u{301}"));
}

#[test]
fn bad_input_gives_a_result() {
    for text in
        ["", " ", "\n\n\n", "\"", "“", "( ) . , -", "\0\0\0", "Rp", "Rp.", "kata", "menurut", ", kata", "\u{202e}تم"]
    {
        let r = extract(text, &Options::default());
        assert!(r.claims.iter().all(|c| c.span.end() <= text.len()));
    }
    let long = "Budi mengatakan harga naik. ".repeat(20_000);
    let r = extract(&long, &Options { max_bytes: 100_000, ..Options::default() });
    assert!(r.notes.iter().any(|n| n.contains("only the first")), "{:?}", r.notes);
}

#[test]
fn a_selection_is_read_as_a_quantity() {
    let q = klaim::quantity_in("sekitar 1,5 juta warga").unwrap();
    assert_eq!((q.value, q.unit.as_str(), q.qualifier.as_deref()), (1_500_000.0, "warga", Some("sekitar")));
    assert!(klaim::quantity_in("beberapa juta peluru").is_none());
}

#[test]
fn outlets_a_speaker_talked_to() {
    check(
        "\"Pelaku sudah kami amankan,\" kata Kompol Budi Hartono saat dihubungi detikcom, Rabu.",
        &["quote asserted Kompol Budi Hartono=>Budi Hartono via detikcom \"\\\"Pelaku suda\""],
    );
    check(
        "Budi mengatakan kepada Kompas.com bahwa harga naik.",
        &["reported asserted Budi=>Budi via Kompas.com \"Budi mengata\""],
    );
}

#[test]
fn embedded_players_and_posts_are_furniture() {
    check_boilerplate(
        "Vaksin tiba di Papua hari ini.\n— Kemenkes RI (@KemenkesRI) February 5, 2024\nhttps://t.co/abc",
        &["embed \"— Kemenkes RI (@KemenkesRI) February 5, 2024\"", "embed \"https://t.co/abc\""],
    );
    check_boilerplate(
        "Polisi menangkap dua pria.\n[Gambas:Video 20detik]\n(mea/idn)",
        &["embed \"[Gambas:Video 20detik]\"", "sign_off \"(mea/idn)\""],
    );
}

#[test]
fn a_quotation_carried_over_a_line_break() {
    // The second paragraph closes a quotation it never opened.
    check(
        "\"Keputusan ini konsisten dengan kebijakan kami.\nKami akan terus mencermati pasar,\" ujar Gubernur BI Perry Warjiyo.",
        &[
            "quote asserted Gubernur BI Perry Warjiyo=>Perry Warjiyo \"\\\"Keputusan i\"",
            "quote asserted Gubernur BI Perry Warjiyo=>Perry Warjiyo \"Kami akan te\"",
        ],
    );
}

#[test]
fn datelines_of_many_outlets() {
    for (text, dateline) in [
        ("REPUBLIKA.CO.ID, JAKARTA -- Harga naik.", "REPUBLIKA.CO.ID, JAKARTA --"),
        ("Jakarta (ANTARA) - Harga naik.", "Jakarta (ANTARA) -"),
        ("JawaPos.com–Harga naik tajam.", "JawaPos.com–"),
        ("Bandung - Harga naik tajam.", "Bandung -"),
        ("JAKARTA, KOMPAS — Harga naik.", "JAKARTA, KOMPAS —"),
    ] {
        check_boilerplate(text, &[format!("dateline {dateline:?}").as_str()]);
    }
    // Not datelines: a hyphenated pair, a name and an aside.
    check_boilerplate("Korea Utara–Rusia makin dekat.", &[]);
    check_boilerplate("Presiden Joko Widodo - yang baru tiba - langsung rapat.", &[]);
}

#[test]
fn questions_state_nothing_unless_someone_asks_them() {
    check(
        "Tanya: Kapan vaksin tiba di daerah?\nJawab: Paling lambat dua minggu lagi.",
        &["unattributed asserted \"Jawab: Palin\""],
    );
    check("\"Siapa yang bisa menjamin itu?\" kata Budi.", &["quote asserted Budi=>Budi \"\\\"Siapa yang \""]);
}

/// Cases a second user test found in articles written for it.
#[test]
fn names_inside_organisations_and_titles() {
    check(
        "Organisasi Kesehatan Dunia (WHO) menyatakan kasus naik. Dalam laporan yang dirilis Kamis (14/11), WHO mencatat 1,2 juta kasus.",
        &[
            "reported asserted Organisasi Kesehatan Dunia (WHO)=>Organisasi Kesehatan Dunia (WHO) \"Organisasi K\"",
            "reported asserted WHO=>Organisasi Kesehatan Dunia (WHO) \"Dalam lapora\"",
        ],
    );
    check(
        "Juru bicara Kemenkes Siti Nadia Tarmizi membantah kabar itu.",
        &["reported denied Juru bicara Kemenkes Siti Nadia Tarmizi=>Siti Nadia Tarmizi \"Juru bicara \""],
    );
    check(
        "Salah satu korban, Siti (45), mengaku rugi. Kapolres AKBP Dirmanto mengatakan kasus diusut. Ia membantah menerima uang.",
        &[
            "reported asserted Salah satu korban, Siti (45)=>Siti \"Salah satu k\"",
            "reported asserted Kapolres AKBP Dirmanto=>Dirmanto \"Kapolres AKB\"",
            "reported denied Ia=>Dirmanto \"Ia membantah\"",
        ],
    );
    check(
        "Namun Indonesia Corruption Watch (ICW) meragukan klaim tersebut.",
        &["reported asserted Indonesia Corruption Watch (ICW)=>Indonesia Corruption Watch (ICW) \"Namun Indone\""],
    );
    check_quantities("Vaksin dikirim ke 10 provinsi pada tahap ke-2.", &["10 provinsi"]);
}

#[test]
fn asides_between_subject_and_verb() {
    check(
        "Menteri PANRB Tjahjo Kumolo melalui keterangan tertulis di Jakarta, Jumat (15/5/2020), mengatakan aturan berlaku.",
        &["reported asserted Menteri PANRB Tjahjo Kumolo=>Tjahjo Kumolo \"Menteri PANR\""],
    );
    check(
        "Direktur Eksekutif Core Indonesia Mohammad Faisal, Minggu (3/5/2020), menyampaikan, pemerintah kurang siap.",
        &["reported asserted Direktur Eksekutif Core Indonesia Mohammad Faisal=>Mohammad Faisal \"Direktur Eks\""],
    );
}
