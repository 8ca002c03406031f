//! Who a claimant is: one line per phrase shape (`check`: the mention, then
//! role, affiliation, name and type), and coreference cases (`check_speakers`:
//! the resolved claimant of every claim in order).

use klaim::{extract, report, Options, Unit};

/// The first claim's claimant of `text` as (role, affiliation, resolved, type).
fn identity(text: &str) -> (Option<String>, Option<String>, String, String) {
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    let c = r.claims.iter().find_map(|c| c.claimant.clone()).expect("a claimant");
    let kind = c.kind.map(|k| serde_json::to_value(k).unwrap().as_str().unwrap().to_owned()).unwrap_or_default();
    (c.role, c.affiliation, c.resolved, kind)
}

/// `sentence` is completed with ` harga beras naik.` unless it already ends.
#[track_caller]
fn check(sentence: &str, role: Option<&str>, affiliation: Option<&str>, name: &str, kind: &str) {
    let text = if sentence.ends_with('.') { sentence.to_owned() } else { format!("{sentence} harga beras naik.") };
    let got = identity(&text);
    let want = (role.map(str::to_owned), affiliation.map(str::to_owned), name.to_owned(), kind.to_owned());
    assert_eq!(got, want, "\n{text}");
}

/// The resolved claimant of every claim, in order (`-` for none).
#[track_caller]
fn check_speakers(text: &str, expect: &[&str]) {
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    let got: Vec<String> =
        r.claims.iter().map(|c| c.claimant.as_ref().map_or("-".to_owned(), |x| x.resolved.clone())).collect();
    assert_eq!(got, expect, "\n{text}");
}

/// Like [`check_speakers`], for the claims that have a claimant only.
#[track_caller]
fn check_claimants(text: &str, expect: &[&str]) {
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    let got: Vec<String> = r.claims.iter().filter_map(|c| c.claimant.as_ref().map(|x| x.resolved.clone())).collect();
    assert_eq!(got, expect, "\n{text}");
}

#[test]
fn role_affiliation_and_name() {
    check(
        "Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo mengatakan",
        Some("Kepala"),
        Some("Dinas Perhubungan DKI Jakarta"),
        "Syafrin Liputo",
        "person",
    );
    check(
        "Hakim Konstitusi Arief Setiawan Nugroho mengatakan",
        Some("Hakim Konstitusi"),
        None,
        "Arief Setiawan Nugroho",
        "person",
    );
    check(
        "CEO KirimCepat Andi Wirawan Setiadi mengatakan",
        Some("CEO"),
        Some("KirimCepat"),
        "Andi Wirawan Setiadi",
        "person",
    );
    check(
        "Kepala Badan Ketahanan Pangan Kementerian Pertanian Wahyu Pratomo mengatakan",
        Some("Kepala Badan Ketahanan Pangan"),
        Some("Kementerian Pertanian"),
        "Wahyu Pratomo",
        "person",
    );
    check(
        "Direktur Niaga dan Manajemen Pelanggan PLN Dimas Wirawan mengatakan",
        Some("Direktur Niaga dan Manajemen Pelanggan"),
        Some("PLN"),
        "Dimas Wirawan",
        "person",
    );
    check(
        "Ketua Pengurus Harian Yayasan Lembaga Konsumen Indonesia Rina Kusnadi mengatakan",
        Some("Ketua Pengurus Harian"),
        Some("Yayasan Lembaga Konsumen Indonesia"),
        "Rina Kusnadi",
        "person",
    );
    check("Wali Kota Bekasi Hendra Gunawan mengatakan", Some("Wali Kota Bekasi"), None, "Hendra Gunawan", "person");
    check("Bupati Brebes Idza Priyanti mengatakan", Some("Bupati Brebes"), None, "Idza Priyanti", "person");
    check("Menteri Keuangan Sri Mulyani mengatakan", Some("Menteri Keuangan"), None, "Sri Mulyani", "person");
}

#[test]
fn apposition_gives_role_and_affiliation() {
    check(
        "Rina Kusnadi, Ketua Pengurus Harian Yayasan Lembaga Konsumen Indonesia, mengatakan",
        Some("Ketua Pengurus Harian"),
        Some("Yayasan Lembaga Konsumen Indonesia"),
        "Rina Kusnadi",
        "person",
    );
    check(
        "Sigit Rahardjo, sosiolog dari Universitas Negeri Jakarta, mengatakan",
        Some("sosiolog"),
        Some("Universitas Negeri Jakarta"),
        "Sigit Rahardjo",
        "person",
    );
}

#[test]
fn places_and_organisations_stay_out_of_names() {
    check(
        "Ketua Kelompok Konservasi Penyu Pangumbahan Sukabumi Sukirno mengatakan",
        Some("Ketua"),
        Some("Kelompok Konservasi Penyu Pangumbahan Sukabumi"),
        "Sukirno",
        "person",
    );
    check(
        "Ketua Serikat Pekerja Hotel Harmoni One Wahyu mengatakan",
        Some("Ketua Serikat Pekerja"),
        Some("Hotel Harmoni One"),
        "Wahyu",
        "person",
    );
    check("Hakim Agung Syamsul Maarif mengatakan", Some("Hakim Agung"), None, "Syamsul Maarif", "person");
    check(
        "Pelaksana Tugas Kepala Dinas Kesehatan Tangsel Yayan Suryana mengatakan",
        Some("Pelaksana Tugas Kepala"),
        Some("Dinas Kesehatan Tangsel"),
        "Yayan Suryana",
        "person",
    );
}

#[test]
fn organisations_resolve_to_their_spelled_out_name() {
    check(
        "Kementerian Energi dan Sumber Daya Mineral (ESDM) menerbitkan aturan baru. Kementerian ESDM mengatakan harga naik.",
        None,
        None,
        "Kementerian Energi dan Sumber Daya Mineral (ESDM)",
        "organisation",
    );
    check("Seorang pejabat Kominfo mengatakan", Some("pejabat"), Some("Kominfo"), "Seorang pejabat Kominfo", "group");
    check("Sejumlah warga mengatakan", None, None, "Sejumlah warga", "group");
    // A reduplicated plural is never one person.
    check("Laporan-laporan menyebutkan", None, None, "Laporan-laporan", "group");
    check("Sumber-sumber mengatakan", None, None, "Sumber-sumber", "group");
}

#[test]
fn the_role_comes_from_anywhere_in_the_article() {
    let text = "Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo meninjau lokasi.\n\n\"Kami akan menambah armada,\" kata Syafrin.";
    assert_eq!(
        identity(text),
        (Some("Kepala".into()), Some("Dinas Perhubungan DKI Jakarta".into()), "Syafrin Liputo".into(), "person".into())
    );
}

#[test]
fn pronouns_follow_the_newest_speaker() {
    check_speakers(
        "Menteri Pertahanan Budi Santoso mengatakan anggaran naik.\n\nSementara itu, Rina Wulandari, pengamat militer dari Universitas Indonesia, menilai anggaran itu kecil.\n\n\"Ini belum cukup,\" ujarnya.\n\nIa menambahkan bahwa perlu ada audit.",
        &["Budi Santoso", "Rina Wulandari", "Rina Wulandari", "Rina Wulandari"],
    );
    // Never a place, a road or a date.
    check_speakers(
        "Bupati Kepulauan Aru Johan Gonga meninjau banjir.\n\nBanjir merendam Kepulauan Aru sejak Senin.\n\n\"Kami butuh bantuan,\" ujarnya.",
        &["-", "-", "Johan Gonga"],
    );
}
#[test]
fn pronouns_go_to_the_subject_not_the_object() {
    // The subject of the last narrative sentence, not the person it talks about.
    check_claimants(
        "Kepala Dinas Pangan Rudi Hartono meninjau pasar bersama Gubernur Sari Utami.\n\n\"Stok beras aman,\" ujarnya.",
        &["Rudi Hartono"],
    );
    // A new person in the narrative takes over from the last speaker, even
    // with no reporting verb of their own.
    check_claimants(
        "\"Harga naik,\" kata pengamat ekonomi Dani Prasetyo.\n\nBupati Sleman Kustini Purnomo meninjau pasar pada Senin.\n\n\"Kami akan menambah stok,\" ujarnya.",
        &["Dani Prasetyo", "Kustini Purnomo"],
    );
    // A short name as subject keeps its person in focus.
    check_claimants(
        "\"Harga naik,\" kata pengamat ekonomi Dani Prasetyo.\n\nWali Kota Depok Anton Wibisono dirawat di rumah sakit sejak Maret.\n\nSelama isolasi, Anton hanya berkomunikasi dengan perawat.\n\n\"Ini pertarungan mental,\" ujarnya.",
        &["Dani Prasetyo", "Anton Wibisono"],
    );
    // A subject with two titles and an aside before its verb.
    check_claimants(
        "Kepala Dinas Kesehatan yang juga Ketua Satgas Dodi Marwan, saat dihubungi pada Senin, memuji sikap Kiai Sahal tersebut.\n\nSebab, dengan itu semua orang bisa diperiksa. \"Ini langkah mulia,\" katanya.",
        &["Dodi Marwan"],
    );
    // A source phrase makes a speaker; a name in a later sentence's object
    // does not take over.
    check_claimants(
        "Menurut Made Sudarma, batik berasal dari Jawa.\n\nBuktinya tercatat dalam kitab karya Raja Hayam Wuruk.\n\n\"Motif ini sangat tua,\" ujarnya.",
        &["Made Sudarma", "Made Sudarma"],
    );
}

#[test]
fn pronouns_never_go_to_a_place_a_road_or_a_building() {
    check_claimants(
        "Kapolres Bogor AKBP Iman Santoso meninjau kemacetan pada Senin (3/4/2023).\n\nKemacetan terjadi di Jalan Brigjen Katamso hingga Jl. Sudirman sejak pagi.\n\n\"Kami alihkan arus,\" ujarnya.",
        &["Iman Santoso"],
    );
    check_claimants(
        "Kepala Unit Bandara Sultan Hasanuddin, Rahmat Sulaiman, yang dihubungi melalui telepon, mengatakan bandara aman.\n\nSampel diperiksa di RSUD Dr Soetomo.\n\n\"Penerbangan normal,\" ujarnya.",
        &["Rahmat Sulaiman", "Rahmat Sulaiman"],
    );
    // A name the lists don't know, introduced by a description after it,
    // takes the focus from the person before, though its verb is no cue.
    check_claimants(
        "Gubernur Sari Utami meninjau pelabuhan.\n\nTongam Sirait, Ketua Koperasi Nelayan Sibolga, menjabarkan bahwa kapal sudah siap.\n\n\"Kami siap berlayar,\" ujarnya.",
        &["Tongam Sirait"],
    );
    // `ia` is a person, never the organisation spoken of since.
    check_claimants(
        "Menteri Kesehatan Budi Gunadi Sadikin meninjau rumah sakit.\n\nKementerian Kesehatan menyiapkan vaksin baru.\n\nIa mengatakan vaksin cukup.",
        &["Budi Gunadi Sadikin"],
    );
}

#[test]
fn titles_and_descriptions_go_to_their_holder() {
    // A bare title: the holder named before it, not a later one.
    check_claimants(
        "Jaksa Penuntut Umum Andi Pratama membacakan tuntutan.\n\nKuasa hukum terdakwa, Budi Santoso, menilai tuntutan itu berat.\n\nJaksa mengatakan terdakwa terbukti bersalah.\n\nDalam sidang lain, jaksa Citra Lestari menuntut hukuman ringan.",
        &["Budi Santoso", "Andi Pratama"],
    );
    // `Hakim konstitusi itu`: the judge of this part of the article.
    check_claimants(
        "Hakim Konstitusi Ratna Sari membacakan pertimbangan.\n\nHakim konstitusi itu mengatakan permohonan tidak beralasan.\n\nDalam perkara lain, Hakim Konstitusi Dahlan Ramadhan menolak gugatan.",
        &["Ratna Sari"],
    );
    // A description no title matches: the person in focus.
    check_claimants(
        "Presiden Joko Widodo meminta warga memakai masker.\n\nMantan Wali Kota Solo itu juga mengatakan vaksin aman.\n\n\"Semua harus disiplin,\" tuturnya.",
        &["Joko Widodo", "Joko Widodo", "Joko Widodo"],
    );
}

#[test]
fn ranks_and_degrees_are_not_names() {
    check(
        "Kepala Polres Bantaeng Ajun Komisaris Besar Rudy Hartanto mengatakan",
        Some("Kepala"),
        Some("Polres Bantaeng"),
        "Rudy Hartanto",
        "person",
    );
    check(
        "Kabid Humas Polda Jatim Kombes Pol Trunoyudo Wisnu Andiko mengatakan",
        Some("Kabid Humas"),
        Some("Polda Jatim"),
        "Trunoyudo Wisnu Andiko",
        "person",
    );
    check("dr. Yudhi Prasetyo Wicaksono, M.Kes., mengatakan", Some("dr."), None, "Yudhi Prasetyo Wicaksono", "person");
    check("Guru besar Prof. Dr. Hasan Basri mengatakan", Some("Guru besar"), None, "Hasan Basri", "person");
}

#[test]
fn missing_claimants_and_cues() {
    check("Pemerintah, yang diwakili Kementerian Luar Negeri, membantah", None, None, "Pemerintah", "organisation");
    check(
        "Survei terbaru Lembaga Survei Indonesia menunjukkan",
        None,
        None,
        "Lembaga Survei Indonesia",
        "organisation",
    );
    check_speakers("\"The market will recover,\" said Margaret Liang, an analyst.", &["Margaret Liang"]);
    check_speakers(
        "Bupati Sleman Kustini meninjau sungai.\n\n\"Jangan buang sampah ke sungai,\" pesannya kepada warga.",
        &["-", "Kustini"],
    );
    check_speakers(
        "Kepala Desa Sukamaju Darmin Hasan datang.\n\n\"Semoga panen tahun ini baik,\" harap Darmin.",
        &["-", "Darmin Hasan"],
    );
    check_speakers(
        "Kepala Desa Sukamaju Darmin Hasan datang.\n\n\"Acara ini kami tutup,\" tutup Darmin.",
        &["-", "Darmin Hasan"],
    );
}

#[test]
fn a_cue_that_opens_the_sentence() {
    check_speakers("Kata Budi, harga naik.", &["Budi"]);
    check_speakers("Menurut Budi, harga naik.", &["Budi"]);
}

#[test]
fn the_object_of_a_preposition_is_no_subject() {
    // `bertemu dengan Putin, pemimpin Korea Utara tersebut`: the leader is
    // the one named before, Putin is whom he met.
    check_speakers(
        "Pemimpin Korea Utara, Kim Jong Un, mengunjungi Rusia untuk bertemu Presiden Vladimir Putin.\n\nBulan lalu, setelah bertemu dengan Putin, pemimpin Korea Utara tersebut mengatakan produksi senjata harus naik.",
        &["-", "Kim Jong Un"],
    );
}

#[test]
fn no_quote_without_a_claimant() {
    let text = "Harga beras naik tajam pekan ini.\n\n\"Kami tidak sanggup membeli beras lagi dengan harga segini.\"\n\nPedagang menutup kios lebih awal.";
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    for c in &r.claims {
        assert!(c.claimant.is_some() || serde_json::to_value(c.kind).unwrap() != "quote", "{:?}", c.text);
    }
}

/// Role and affiliation of every claim's claimant, in order (`-` for none).
#[track_caller]
fn check_roles(text: &str, expect: &[(&str, &str)]) {
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    let got: Vec<(String, String)> = r
        .claims
        .iter()
        .filter_map(|c| c.claimant.as_ref())
        .map(|c| (c.role.clone().unwrap_or("-".into()), c.affiliation.clone().unwrap_or("-".into())))
        .collect();
    let want: Vec<(String, String)> = expect.iter().map(|(r, a)| (r.to_string(), a.to_string())).collect();
    assert_eq!(got, want, "\n{text}");
}

#[test]
fn a_name_after_an_acronym_keeps_its_first_word() {
    check(
        "Direktur Operasi PLN Sumarno Wibowo mengatakan",
        Some("Direktur Operasi"),
        Some("PLN"),
        "Sumarno Wibowo",
        "person",
    );
    check(
        "Kepala Biro Hukum Komnas HAM Tarmizi Santoso mengatakan",
        Some("Kepala Biro Hukum"),
        Some("Komnas HAM"),
        "Tarmizi Santoso",
        "person",
    );
}

#[test]
fn numbered_names_of_bodies_stay_whole() {
    check(
        "Ketua Satuan Tugas Penanganan Covid - 19 Kabupaten Sigi Rudi Hartono mengatakan",
        Some("Ketua"),
        Some("Satuan Tugas Penanganan Covid - 19 Kabupaten Sigi"),
        "Rudi Hartono",
        "person",
    );
    check(
        "Juru bicara Satgas Covid-19, Lestari Handayani, mengatakan",
        Some("Juru bicara"),
        Some("Satgas Covid-19"),
        "Lestari Handayani",
        "person",
    );
    check(
        "Juru bicara Satgas Covid - 19 Kota Palu, Lestari Handayani, mengatakan",
        Some("Juru bicara"),
        Some("Satgas Covid - 19 Kota Palu"),
        "Lestari Handayani",
        "person",
    );
}

#[test]
fn the_role_starts_at_its_office_word() {
    check(
        "Penutupan jalan Kepala Bidang Humas Polda Riau Sunarto Budiman mengatakan",
        Some("Kepala Bidang Humas"),
        Some("Polda Riau"),
        "Sunarto Budiman",
        "person",
    );
    check("Menurut epidemiolog Hendra Kusuma, harga beras naik.", Some("epidemiolog"), None, "Hendra Kusuma", "person");
    check(
        "Sutradara dan pendiri Sanggar Nusa, Made Artawan, mengatakan",
        Some("pendiri"),
        Some("Sanggar Nusa"),
        "Made Artawan",
        "person",
    );
}

#[test]
fn ministers_of_other_countries() {
    check(
        "Menteri Pertahanan Nasional Korea Selatan Shin Won Sik mengatakan",
        Some("Menteri Pertahanan Nasional"),
        Some("Korea Selatan"),
        "Shin Won Sik",
        "person",
    );
    check(
        "Menteri Luar Negeri Rusia Sergei Lavrov mengatakan",
        Some("Menteri Luar Negeri"),
        Some("Rusia"),
        "Sergei Lavrov",
        "person",
    );
    // A head of a region keeps the region in the office.
    check(
        "Gubernur Jawa Tengah Ganjar Pranowo mengatakan",
        Some("Gubernur Jawa Tengah"),
        None,
        "Ganjar Pranowo",
        "person",
    );
}

#[test]
fn a_seat_of_government_is_an_organisation() {
    check("Gedung Putih mengatakan", None, None, "Gedung Putih", "organisation");
    check("Istana Kepresidenan mengatakan", None, None, "Istana Kepresidenan", "organisation");
}

#[test]
fn the_role_given_once_carries_to_every_claim() {
    check_roles(
        "Juru bicara keamanan nasional Gedung Putih John Kirby mengatakan harga naik.\n\n\"Kami prihatin,\" kata Kirby.\n\nKirby yakin bahwa harga akan turun.",
        &[
            ("Juru bicara keamanan nasional", "Gedung Putih"),
            ("Juru bicara keamanan nasional", "Gedung Putih"),
            ("Juru bicara keamanan nasional", "Gedung Putih"),
        ],
    );
    check_roles(
        "Harga naik, kata juru bicara Satgas Covid - 19 Kota Palu, Lestari Handayani, Rabu.\n\n\"Kami siap,\" kata Lestari.",
        &[("juru bicara", "Satgas Covid - 19 Kota Palu"), ("juru bicara", "Satgas Covid - 19 Kota Palu")],
    );
}

#[test]
fn the_claimant_mention_lends_its_role_to_the_other_claims() {
    check_roles(
        "Direktur Eksekutif Institute for Development of Economics and Finance (Indef) Rudi Hartono berpendapat harga naik.\n\n\"Kami siap,\" kata Rudi.",
        &[
            ("Direktur Eksekutif", "Institute for Development of Economics and Finance (Indef)"),
            ("Direktur Eksekutif", "Institute for Development of Economics and Finance (Indef)"),
        ],
    );
}

#[test]
fn a_bare_title_goes_to_its_holder_after_other_speakers() {
    // An office word written alone (`Kapolresta`), the title's acronym
    // (`JPU`), a word inside a longer title (`Hakim` of `Ketua majelis
    // hakim`), a title with its region (`Kapolres Sukamaju`): the holder
    // introduced with it, though others spoke since.
    check_claimants(
        "Kapolresta Sukamaju Kombes Pol Danu Hartono mengatakan pelaku ditangkap.\n\nKasat Reskrim Kompol Rudi Santosa menjelaskan motifnya.\n\nKapolresta menambahkan, pelaku dijerat pasal berlapis.",
        &["Danu Hartono", "Rudi Santosa", "Danu Hartono"],
    );
    check_claimants(
        "Jaksa penuntut umum (JPU) Kejaksaan Negeri Sleman, Andi Wirawan, menyatakan terdakwa bersalah.\n\nKuasa hukum terdakwa, Budi Santoso, menilai tuntutan berat.\n\nMenurut JPU, dana itu dipakai membeli mobil.",
        &["Andi Wirawan", "Budi Santoso", "Andi Wirawan"],
    );
    check_claimants(
        "Ketua majelis hakim, Dr. Rina Melati, S.H., M.H., mengatakan sidang dilanjutkan.\n\nKuasa hukum terdakwa, Budi Santoso, menilai tuntutan berat.\n\nHakim menegaskan sidang tidak ditunda lagi.",
        &["Rina Melati", "Budi Santoso", "Rina Melati"],
    );
    check_claimants(
        "Kapolres Sukamaju AKBP Dedi Kurniawan menyatakan sopir ditahan.\n\nKepala Dinas Perhubungan Sukamaju, Sari Utami, mengakui pengawasan lemah.\n\nKapolres Sukamaju menambahkan, razia digelar setiap malam.",
        &["Dedi Kurniawan", "Sari Utami", "Dedi Kurniawan"],
    );
}

#[test]
fn a_rank_with_its_dot_inside_an_apposition_after_the_cue() {
    check_claimants(
        "\"Kondisinya stabil,\" ujar Kepala Instalasi Gawat Darurat RSUD Kota Sleman, dr. Rina Kusumawati, Sp.B.",
        &["Rina Kusumawati"],
    );
    check_claimants(
        "\"Dua korban masih dirawat,\" kata Wakil Direktur Pelayanan RSUD Kota Sleman, dr. Rina Kusumawati.",
        &["Rina Kusumawati"],
    );
}

#[test]
fn pronouns_go_to_an_unnamed_source_who_spoke_last() {
    check_claimants(
        "Kapolsek Depok Kompol Rudi Santosa mengatakan pelaku sudah ditangkap.\n\nSeorang pedagang yang enggan disebut namanya mengatakan pelaku datang dari utara.\n\n\"Saya sudah teriak minta tolong,\" katanya.",
        &["Rudi Santosa", "Seorang pedagang", "Seorang pedagang"],
    );
}

#[test]
fn name_parts_of_regional_naming_customs_stay_in_the_name() {
    // Balinese `I Gusti Ngurah`, Minangkabau `Dt.`, a hajj `H.` (a title,
    // not a name), Acehnese `Teuku`: the surnames here are also places.
    check_claimants(
        "Kepala Dinas Pariwisata Bali, Dr. I Gusti Ngurah Klungkung, S.E., mengatakan kunjungan naik.\n\n\"Kami siap,\" ujar Ngurah Klungkung.",
        &["I Gusti Ngurah Klungkung", "I Gusti Ngurah Klungkung"],
    );
    check_claimants(
        "Ketua Kerapatan Adat Nagari Sungai Pua, Hendri Dt. Rajo Bujang, mengatakan lahan itu milik kaum.\n\n\"Kami menolak,\" kata Hendri.",
        &["Hendri Dt. Rajo Bujang", "Hendri Dt. Rajo Bujang"],
    );
    check_claimants(
        "Ketua Komisi III DPRD Jambi, H. Rudi Batanghari, mengatakan anggaran cukup.",
        &["Rudi Batanghari"],
    );
    check_claimants(
        "Kepala Dinas Kesehatan Aceh, Teuku Ridwan Bireuen, mengatakan stok vaksin cukup.",
        &["Teuku Ridwan Bireuen"],
    );
}

#[test]
fn a_long_title_after_the_cue_keeps_its_name() {
    check_claimants(
        "\"Sopir diduga mengantuk,\" kata Kepala Unit Patroli Jalan Raya (PJR) Tol Cikampek Utama Ajun Komisaris Dodi Firmansyah.",
        &["Dodi Firmansyah"],
    );
}

#[test]
fn places_and_bodies_are_never_the_person_in_focus() {
    check_claimants(
        "Kepala Dinas Perhubungan Maluku, Rudi Santosa, mengatakan feri ditambah.\n\nFeri melayani Tual, Kepulauan Aru, dan Saumlaki.\n\n\"Kami butuh kapal,\" katanya.",
        &["Rudi Santosa", "Rudi Santosa"],
    );
    check_claimants(
        "Mantan Kadis Kesehatan Riau dr Wulan Sarimah menuturkan laporan belum diterima.\n\nPembelian diurus Dinkes Riau lewat sebuah rekanan.\n\n\"Saya tidak ingat lagi,\" katanya.",
        &["Wulan Sarimah", "Wulan Sarimah"],
    );
}

#[test]
fn a_relative_clause_whose_verb_is_a_cue() {
    check_claimants(
        "Seorang guru di sekolah itu yang meminta namanya tidak ditulis mengatakan, siswa diminta membeli buku.",
        &["Seorang guru di sekolah itu"],
    );
}

#[test]
fn a_name_is_only_its_person_name_part() {
    // A body's name the article also writes alone is not the person's; nor
    // is what comes before the word the article calls the person by.
    check_claimants(
        "CEO Sayurku Hendarto Wibisono mengatakan, penjualan naik tahun ini.\n\nLayanan Sayurku kini ada di 40 kota.\n\n\"Kami senang sekali,\" kata Hendarto.",
        &["Hendarto Wibisono", "Hendarto Wibisono"],
    );
    // A first word never written alone stays, even when the person is called by the next.
    check_claimants(
        "Bupati Sukamaju Yusran Fauzan Harahap mengatakan, jalan desa diperbaiki.\n\n\"Anggaran sudah ada,\" kata Fauzan.",
        &["Yusran Fauzan Harahap", "Yusran Fauzan Harahap"],
    );
    check_claimants(
        "Ketua Paguyuban Kopi Lereng Wilis Sarkoni Bagyo mengatakan, panen turun.\n\nAnggota Kopi Lereng Wilis kini 300 petani.\n\nMenurut Sarkoni, harga kopi naik.",
        &["Sarkoni Bagyo", "Sarkoni Bagyo"],
    );
    // Common words of a body's name are never a person's.
    check_claimants(
        "Ketua Ikatan Petani Sayur Organik Darsono Wiryo mengatakan, harga pupuk naik.",
        &["Darsono Wiryo"],
    );
    check_claimants("Menteri Pariwisata dan Ekonomi Kreatif Sandiaga Uno mengatakan, wisata pulih.", &["Sandiaga Uno"]);
    // A Balinese birth-order name opens the name.
    check_claimants(
        "Kepala Bidang Edukasi Kebun Raya Bedugul Ketut Sudarma mengatakan, pengunjung dibatasi.",
        &["Ketut Sudarma"],
    );
    // The word after `di` in a title is the post's place.
    check_claimants(
        "Konsul Jenderal RI di Houston Rinaldo Sitompul mengatakan, ekspor kopi naik.",
        &["Rinaldo Sitompul"],
    );
}

#[test]
fn a_word_the_article_calls_the_person_by_belongs_to_the_name() {
    // Given names the lists lack, initials, a common word or a place that is
    // also a name word (a Sasak `Lalu`): the article calls the person by it.
    check_claimants(
        "Ketua Dewan Pengawas Otoritas Jasa Keuangan Warsito Gumelar memastikan bank aman.\n\n\"Skema ini bisnis,\" kata Warsito.",
        &["Warsito Gumelar", "Warsito Gumelar"],
    );
    check_claimants(
        "Kepala Badan Riset Nasional Sutrisno PS Wiryo mengatakan vaksin siap.\n\n\"Vaksin siap,\" kata Sutrisno.",
        &["Sutrisno PS Wiryo", "Sutrisno PS Wiryo"],
    );
    check_claimants(
        "Kepala Kantor SAR Kupang Lalu Hendra Wiratama mengatakan dua kapal dikerahkan.\n\n\"Pencarian terus dilakukan,\" ujar Lalu di Kupang.",
        &["Lalu Hendra Wiratama", "Lalu Hendra Wiratama"],
    );
    // An acronym the article spells out stays the body's, also when a common
    // word opens the sentence before it.
    check_claimants(
        "Juru Bicara Badan Pangan Nasional (Bapanas), Sutarjo Wibowo, mengatakan Bapanas telah meminta petani melapor.\n\n\"Panen tahun ini bagus,\" kata Sutarjo.\n\nData Bapanas mencatat sebanyak 5.000 petani menerima bantuan pupuk.",
        &["Sutarjo Wibowo", "Sutarjo Wibowo", "Badan Pangan Nasional (Bapanas)"],
    );
}

#[test]
fn a_nickname_cut_from_a_name_word_is_that_person() {
    check_claimants(
        "Wali Kota Salatiga Tri Wulandarisari mengatakan pasar dibuka pekan depan.\n\n\"Harga harus stabil,\" kata Wulan.",
        &["Tri Wulandarisari", "Tri Wulandarisari"],
    );
    // Two names it could be cut from: neither.
    check_claimants(
        "Wali Kota Salatiga Tri Wulandarisari mengatakan pasar dibuka.\n\nWulandari Putri, Ketua DPRD Salatiga, mengatakan anggaran cukup.\n\n\"Harga harus stabil,\" kata Wulan.",
        &["Tri Wulandarisari", "Wulandari Putri", "Wulan"],
    );
}

/// Given names the Faker lists lack (`Markus`, `Syamsul`, `Saleh`) open the
/// name also when its last word is a place, so the office and body before it
/// stay out, and the given name written alone is that person.
#[test]
fn a_common_given_name_opens_a_name_that_ends_in_a_place() {
    check_claimants(
        "Kepala Dinas Kesehatan Kota Kendari Markus Ende mengatakan stok vaksin cukup.\n\n\"Kami siap,\" kata Markus.",
        &["Markus Ende", "Markus Ende"],
    );
    check_claimants(
        "Ketua Komisi C DPRD Kota Parepare, Syamsul Daeng Maros, meminta harga turun.\n\nSyamsul menilai stok cukup.",
        &["Syamsul Daeng Maros", "Syamsul Daeng Maros"],
    );
    check_claimants(
        "Ketua Asosiasi Petani Garam Kota Bima, La Ode Saleh Buton, mengatakan harga naik.",
        &["La Ode Saleh Buton"],
    );
}

/// `Name (45), description, mengatakan`: the name before a short description
/// in lower case is the subject (it had no claimant at all).
#[test]
fn a_name_before_a_description_in_lower_case_speaks() {
    check_claimants("Rudi Hartono (45), pedagang sayur, mengatakan pembeli berkurang.", &["Rudi Hartono"]);
    check_claimants("Dimas Saputra, pembeli beras, mengatakan harga cabai naik.", &["Dimas Saputra"]);
}

/// A person given an age (`Wartini (61)`) is the one the next quotation's
/// `ujarnya` points to, not the speaker before; `Tua` between name words is
/// part of a name, not an office.
#[test]
fn a_person_introduced_with_an_age_takes_the_next_pronoun() {
    check_speakers(
        "Kuasa hukum Budi, Sahat Tua Simanjuntak, mengatakan kliennya akan banding.\n\nSejumlah nasabah menangis saat vonis dibacakan.\n\nSalah satunya Wartini (61), pensiunan bidan asal Depok.\n\n\"Itu tabungan saya,\" ujarnya.",
        &["Sahat Tua Simanjuntak", "-", "-", "Wartini"],
    );
}

/// `Mereka` is a group: the one that opened a sentence just before, never a
/// single official (`Jaksa`) who spoke in between.
#[test]
fn mereka_is_a_group_never_one_official() {
    check_claimants(
        "Jaksa menyatakan pikir-pikir atas putusan itu.\n\nSeusai sidang, puluhan nasabah yang tergabung dalam Forum Nasabah mendatangi kantor kejaksaan.\n\nMereka meminta aparat menyita aset terdakwa.",
        &["Jaksa", "puluhan nasabah"],
    );
}
