//! The claimant's role and affiliation: one line per phrase shape. Every
//! name here is invented; organisation names are public ones.

use klaim::{extract, report, Options, Unit};

/// The first claimant of `sentence` (completed with ` harga beras naik.`
/// unless it ends) as (role, affiliation, resolved name).
#[track_caller]
fn check(sentence: &str, role: Option<&str>, affiliation: Option<&str>, name: &str) {
    let text = if sentence.ends_with('.') { sentence.to_owned() } else { format!("{sentence} harga beras naik.") };
    let r = report("t", &text, &extract(&text, &Options::default()), Unit::CodePoint);
    let c = r.claims.iter().find_map(|c| c.claimant.clone()).expect("a claimant");
    let got = (c.role.as_deref(), c.affiliation.as_deref(), c.resolved.as_str());
    assert_eq!(got, (role, affiliation, name), "\n{text}");
}

/// A sub-unit the role heads (`Bagian`, `Bidang`, `Departemen`, `Tim`,
/// `Komite`, `Dewan Komisioner`) belongs to the role; the body it is part of
/// is the affiliation, from its first own head word on.
#[test]
fn a_sub_unit_belongs_to_the_role() {
    check(
        "Kepala Bagian Penerangan Umum Divisi Humas Polri Kombes Budi Santoso mengatakan",
        Some("Kepala Bagian Penerangan Umum"),
        Some("Divisi Humas Polri"),
        "Budi Santoso",
    );
    check(
        "Kepala Departemen Epidemiologi Fakultas Kesehatan Masyarakat Universitas Indonesia Rina Kartika mengatakan",
        Some("Kepala Departemen Epidemiologi"),
        Some("Fakultas Kesehatan Masyarakat Universitas Indonesia"),
        "Rina Kartika",
    );
    check(
        "Peneliti Pusat Penelitian Ekonomi Lembaga Ilmu Pengetahuan Indonesia Dewi Lestari mengatakan",
        Some("Peneliti Pusat Penelitian Ekonomi"),
        Some("Lembaga Ilmu Pengetahuan Indonesia"),
        "Dewi Lestari",
    );
    check(
        "Ketua Tim Ahli Gugus Tugas Penanganan Banjir Rudi Hartanto mengatakan",
        Some("Ketua Tim Ahli"),
        Some("Gugus Tugas Penanganan Banjir"),
        "Rudi Hartanto",
    );
    check(
        "Ketua Komite Ekspor Asosiasi Pengusaha Indonesia (Apindo) Hadi Susanto mengatakan",
        Some("Ketua Komite Ekspor"),
        Some("Asosiasi Pengusaha Indonesia (Apindo)"),
        "Hadi Susanto",
    );
    check(
        "Ketua Dewan Komisioner Otoritas Jasa Keuangan Wahyu Pratama mengatakan",
        Some("Ketua Dewan Komisioner"),
        Some("Otoritas Jasa Keuangan"),
        "Wahyu Pratama",
    );
    check(
        "Guru Besar Fakultas Hukum Universitas Gadjah Mada Bambang Sutrisno mengatakan",
        Some("Guru Besar Fakultas Hukum"),
        Some("Universitas Gadjah Mada"),
        "Bambang Sutrisno",
    );
    check(
        "Ketua Serikat Pekerja PT Sinar Baja Budi Firmansyah mengatakan",
        Some("Ketua Serikat Pekerja"),
        Some("PT Sinar Baja"),
        "Budi Firmansyah",
    );
    // A place is no body of its own.
    check(
        "Juru Bicara Dewan Keamanan Nasional Amerika Serikat (AS) Tom Walker mengatakan",
        Some("Juru Bicara"),
        Some("Dewan Keamanan Nasional Amerika Serikat (AS)"),
        "Tom Walker",
    );
    // A portfolio, not a unit.
    check(
        "Menteri Koordinator Bidang Perekonomian Bambang Wijaya mengatakan",
        Some("Menteri Koordinator Bidang Perekonomian"),
        None,
        "Bambang Wijaya",
    );
}

/// A named body, then the larger one it belongs to: the affiliation is the
/// larger one.
#[test]
fn the_affiliation_is_the_body_a_unit_belongs_to() {
    check(
        "VP Corporate Communication PT Kereta Cepat Nusantara Dian Puspita mengatakan",
        Some("VP Corporate Communication"),
        Some("PT Kereta Cepat Nusantara"),
        "Dian Puspita",
    );
    check(
        "Kepala Kepolisian Sektor Cempaka Kepolisian Resor Kota Bogor Joko Susilo mengatakan",
        Some("Kepala Kepolisian Sektor Cempaka"),
        Some("Kepolisian Resor Kota Bogor"),
        "Joko Susilo",
    );
    // The initials of a name after a rank name no body. FIXME: they belong
    // to the name, and the rank to the role (the name tail stops at `RZ`).
    check(
        "Kepala Polda Sulut Inspektur Jenderal RZ Panji Mahardika mengatakan",
        Some("Kepala"),
        Some("Polda Sulut Inspektur Jenderal RZ"),
        "Panji Mahardika",
    );
}

/// `Pimpinan Pusat` and `Pengurus Besar` name the body's central board, which
/// speaks for it: they open the affiliation, not close the role.
#[test]
fn a_central_board_is_the_body() {
    check(
        "Sekretaris Umum Pimpinan Pusat Muhammadiyah Agus Salim mengatakan",
        Some("Sekretaris Umum"),
        Some("Pimpinan Pusat Muhammadiyah"),
        "Agus Salim",
    );
    check(
        "Sekretaris Jenderal Pengurus Besar Nahdlatul Ulama (PBNU) Yusuf Maulana mengatakan",
        Some("Sekretaris Jenderal"),
        Some("Pengurus Besar Nahdlatul Ulama (PBNU)"),
        "Yusuf Maulana",
    );
}

/// An office whose complement names no body: a minister's portfolio, a
/// regional office's region, a lawyer's client.
#[test]
fn offices_whose_complement_is_no_body() {
    check("Menteri PUPR Basuki Hartono mengatakan", Some("Menteri PUPR"), None, "Basuki Hartono");
    check(
        "Menteri Sekretariat Negara Joko Prasetyo mengatakan",
        Some("Menteri Sekretariat Negara"),
        None,
        "Joko Prasetyo",
    );
    check(
        "Sekretaris Daerah DI Yogyakarta Baskoro Adi mengatakan",
        Some("Sekretaris Daerah DI Yogyakarta"),
        None,
        "Baskoro Adi",
    );
    check("Kepala Desa Sukamaju Darmin Hasan mengatakan", Some("Kepala Desa Sukamaju"), None, "Darmin Hasan");
    check("Kuasa hukum Joko Susilo, Anita Rahayu, mengatakan", Some("Kuasa hukum Joko Susilo"), None, "Anita Rahayu");
    // A minister of another country serves it.
    check(
        "Menteri Luar Negeri Rusia Pavel Orlov mengatakan",
        Some("Menteri Luar Negeri"),
        Some("Rusia"),
        "Pavel Orlov",
    );
    check(
        "Sekretaris Perusahaan PT Bank Sentosa Tbk Rudi Hartono mengatakan",
        Some("Sekretaris Perusahaan"),
        Some("PT Bank Sentosa Tbk"),
        "Rudi Hartono",
    );
}

/// English titles keep their function words; the body follows them.
#[test]
fn english_titles() {
    check(
        "Chief Information Officer KreditKita Budi Wijaya mengatakan",
        Some("Chief Information Officer"),
        Some("KreditKita"),
        "Budi Wijaya",
    );
    // FIXME: `Head of Global Macro Research Sakura Securities Tom Walker`
    // loses `Research` and the body to the name: the name tail takes every
    // capitalized word it does not know (names.rs).
}

/// A rank's branch and retirement (`TNI`, `(Purn)`, `(Mar)`) belong to the
/// rank before the name, not to the body before it.
#[test]
fn a_rank_keeps_its_branch() {
    check(
        "Ketua Umum Persatuan Atletik Jawa Barat Mayjen TNI (Purn) Dedi Kurnia mengatakan",
        Some("Ketua Umum"),
        Some("Persatuan Atletik Jawa Barat"),
        "Dedi Kurnia",
    );
    check(
        "Direktur Kesiapsiagaan Badan SAR Nasional (Basarnas) Kolonel (Mar) Rudi Hartanto mengatakan",
        Some("Direktur Kesiapsiagaan"),
        Some("Badan SAR Nasional (Basarnas)"),
        "Rudi Hartanto",
    );
}

/// A description in apposition before a name keeps a body whose name has
/// connectors (`untuk`, `dan`) or that `dari` introduces.
#[test]
fn a_description_before_a_comma_keeps_its_body() {
    check(
        "Peneliti Lembaga Kajian untuk Demokrasi (Lekad), Rina Kartika, mengatakan",
        Some("Peneliti"),
        Some("Lembaga Kajian untuk Demokrasi (Lekad)"),
        "Rina Kartika",
    );
    check(
        "Pengacara publik dari Lembaga Bantuan Hukum (LBH) Padang, Rina Kartika, mengatakan",
        Some("Pengacara publik"),
        Some("Lembaga Bantuan Hukum (LBH) Padang"),
        "Rina Kartika",
    );
}

/// An office's own acronym in parentheses stays in the role; short forms of
/// police and military offices (`Dirlantas`, `Wadirreskrimum`) are offices.
#[test]
fn office_acronyms() {
    check(
        "Direktur Utama (Dirut) PT Kereta Cepat Nusantara Dian Puspita mengatakan",
        Some("Direktur Utama (Dirut)"),
        Some("PT Kereta Cepat Nusantara"),
        "Dian Puspita",
    );
    check("Dirlantas Polda Bali AKBP Made Suarta mengatakan", Some("Dirlantas"), Some("Polda Bali"), "Made Suarta");
    check(
        "Wadirreskrimum Polda Riau AKBP Budi Santoso mengatakan",
        Some("Wadirreskrimum"),
        Some("Polda Riau"),
        "Budi Santoso",
    );
}

/// A description after the name: English titles (also in lower case after
/// `said`), and a one-word name.
#[test]
fn a_description_after_the_name() {
    check(
        "\"We will grow,\" said Tom Walker, senior analyst at Harbour Bank.",
        Some("senior analyst"),
        Some("Harbour Bank"),
        "Tom Walker",
    );
    check(
        "Harga naik, kata Rudi Hartanto, Head of Fleet Operations KirimCepat.",
        Some("Head of Fleet Operations"),
        Some("KirimCepat"),
        "Rudi Hartanto",
    );
    check(
        "Menurut Subarjo, anggota KPU Kota Bandung, harga beras naik.",
        Some("anggota"),
        Some("KPU Kota Bandung"),
        "Subarjo",
    );
}

/// Words that close a company's name (`Tbk`) end the body: the name after
/// them is the person's, given name known or not.
#[test]
fn a_company_suffix_ends_the_body() {
    check(
        "Direktur Keuangan PT Sinar Tirta (Persero) Tbk Kresna Adiwinata mengatakan",
        Some("Direktur Keuangan"),
        Some("PT Sinar Tirta (Persero) Tbk"),
        "Kresna Adiwinata",
    );
}

/// The claimant of the last claim of `text` as (role, affiliation, resolved
/// name): what a later mention (`kata Budi`, `ujarnya`) is given.
#[track_caller]
fn check_last(text: &str, role: Option<&str>, affiliation: Option<&str>, name: &str) {
    let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
    let c = r.claims.iter().rev().find_map(|c| c.claimant.clone()).expect("a claimant");
    let got = (c.role.as_deref(), c.affiliation.as_deref(), c.resolved.as_str());
    assert_eq!(got, (role, affiliation, name), "\n{text}");
}

/// A body's short form (`Dishub Kaltim`, `Kantor Basarnas Palu`, `Pemkab
/// Sigi`, `Polda Jabar`, `Kemenhub`) is given as the article spells the body
/// out elsewhere, with or without its acronym, `Provinsi` or `Kota`.
#[test]
fn a_short_form_is_the_body_the_article_spells_out() {
    check(
        "Rapat digelar di kantor Dinas Perhubungan Kalimantan Timur pada Senin. Kepala Dishub Kaltim Rahmat Wibisono mengatakan tarif naik.",
        Some("Kepala"),
        Some("Dinas Perhubungan Kalimantan Timur"),
        "Rahmat Wibisono",
    );
    check(
        "Rapat digelar di kantor Dinas Kesehatan (Dinkes) Provinsi Gorontalo pada Senin. Kepala Dinkes Gorontalo Yakub Lamusu mengatakan vaksin cukup.",
        Some("Kepala"),
        Some("Dinas Kesehatan (Dinkes) Provinsi Gorontalo"),
        "Yakub Lamusu",
    );
    check(
        "Dua kapal dari Kantor Pencarian dan Pertolongan (Basarnas) Palu tiba Senin. Kepala Kantor Basarnas Palu, Dedi Kurniawan, mengatakan tim sudah di lokasi.",
        Some("Kepala"),
        Some("Kantor Pencarian dan Pertolongan (Basarnas) Palu"),
        "Dedi Kurniawan",
    );
    check(
        "Rapat digelar di aula Pemerintah Kabupaten (Pemkab) Sigi pada Senin. Juru Bicara Pemkab Sigi Anwar Lamato mengatakan jalan diperbaiki.",
        Some("Juru Bicara"),
        Some("Pemerintah Kabupaten (Pemkab) Sigi"),
        "Anwar Lamato",
    );
    check(
        "Pengamanan dipimpin Kepolisian Daerah Jawa Barat sejak Senin. Kepala Bidang Humas Polda Jabar Kombes Hendra Gunawan mengatakan jalan ditutup.",
        Some("Kepala Bidang Humas"),
        Some("Kepolisian Daerah Jawa Barat"),
        "Hendra Gunawan",
    );
    check(
        "Aturan itu diterbitkan Kementerian Perhubungan pada Senin. Juru bicara Kemenhub Budi Rahman mengatakan tarif naik.",
        Some("Juru bicara"),
        Some("Kementerian Perhubungan"),
        "Budi Rahman",
    );
    // No spelled-out body in the article: the short form stays.
    check("Kepala Dishub Kaltim Rahmat Wibisono mengatakan", Some("Kepala"), Some("Dishub Kaltim"), "Rahmat Wibisono");
}

/// Of two offices joined by `dan`, the one written next to the name is the
/// role: the words before may be another holder's.
#[test]
fn of_two_offices_the_one_next_to_the_name() {
    check(
        "Gubernur Jawa Tengah Slamet Riyadi dan Gubernur Jawa Timur Bambang Hartono mengatakan",
        Some("Gubernur Jawa Timur"),
        None,
        "Bambang Hartono",
    );
    check(
        "Pengajar Ilmu Politik dan peneliti Pusat Kajian Agraria Budi Pratama mengatakan",
        Some("peneliti"),
        Some("Pusat Kajian Agraria"),
        "Budi Pratama",
    );
    // `sekaligus`: both offices of one person, kept whole.
    check(
        "Pengamat transportasi sekaligus anggota Dewan Transportasi Kota Jakarta Yoga Pratama mengatakan",
        Some("Pengamat transportasi sekaligus anggota"),
        Some("Dewan Transportasi Kota Jakarta"),
        "Yoga Pratama",
    );
    // One office whose unit is a pair: no cut.
    check(
        "Kepala Biro Hukum dan Humas Kementerian Sosial Budi Hartono mengatakan",
        Some("Kepala Biro Hukum dan Humas"),
        Some("Kementerian Sosial"),
        "Budi Hartono",
    );
}

/// An office whose unit is a list (`Divisi A, B, dan C`, `Komite A - 19 dan
/// B`) is one role, wherever the sentence puts it.
#[test]
fn an_office_with_a_list_in_it() {
    check(
        "Dihubungi di Palu, Komisioner Divisi Pendataan, Partisipasi Warga, dan Sumber Daya Manusia Bawaslu Sulteng Rudi Pranata membenarkan, daftar pemilih sudah tetap.",
        Some("Komisioner Divisi Pendataan, Partisipasi Warga, dan Sumber Daya Manusia"),
        Some("Bawaslu Sulteng"),
        "Rudi Pranata",
    );
    check(
        "Ketua Harian Satuan Tugas Penanganan Covid - 19 dan Pemulihan Ekonomi Kreatif Andri Kusuma mengatakan",
        Some("Ketua Harian"),
        Some("Satuan Tugas Penanganan Covid - 19 dan Pemulihan Ekonomi Kreatif"),
        "Andri Kusuma",
    );
}

/// A later mention (`kata Darto`, `Menurut dia`) is given the office of the
/// description before the comma, not the rank after it.
#[test]
fn a_later_mention_keeps_the_office_not_the_rank() {
    check_last(
        "Kepala Kepolisian Sektor Cibeunying Kepolisian Resor Kota Besar Bandung, Komisaris Darto Wiyono, mengatakan polisi datang. \"Kami datang,\" kata Darto.",
        Some("Kepala Kepolisian Sektor Cibeunying"),
        Some("Kepolisian Resor Kota Besar Bandung"),
        "Darto Wiyono",
    );
}

/// The body's own name: without a generic word before it (`di lingkungan`)
/// and without a lower-case qualifier after it (`daerah pemilihan X`).
#[test]
fn the_body_is_its_name_alone() {
    check(
        "Anggota DPR RI daerah pemilihan Jawa Barat Sinta Marlina mengatakan",
        Some("Anggota"),
        Some("DPR RI"),
        "Sinta Marlina",
    );
    check(
        "Seorang staf di lingkungan Pemprov Kaltara yang enggan disebut namanya mengatakan",
        Some("staf"),
        Some("Pemprov Kaltara"),
        "Seorang staf di lingkungan Pemprov Kaltara",
    );
}

/// An office named without its holder's name (`kata Dirreskrimsus Polda
/// Riau`) is a person with that role, not an organisation.
#[test]
fn a_title_alone_is_a_person() {
    for text in [
        "Dirreskrimsus Polda Riau mengatakan kasus itu masih diselidiki.",
        "Kasus itu masih diselidiki, kata Dirreskrimsus Polda Riau.",
    ] {
        let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
        let c = r.claims.iter().find_map(|c| c.claimant.clone()).expect("a claimant");
        let got = (c.kind, c.role.as_deref(), c.affiliation.as_deref());
        assert_eq!(got, (Some(klaim::ClaimantKind::Person), Some("Dirreskrimsus"), Some("Polda Riau")), "\n{text}");
    }
}

/// A mention that closes with the acronym the article spells out is that
/// body; a national agency's acronym opens a body's name; a health
/// profession's title (`drg.`) is a rank before the name, not a break in
/// the description before the comma.
#[test]
fn bodies_and_titles_in_the_mention() {
    for text in [
        "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) menyatakan gelombang tinggi masih berpotensi terjadi.",
        "Basarnas Kendari mencatat tiga kapal tenggelam sepekan terakhir.",
    ] {
        let r = report("t", text, &extract(text, &Options::default()), Unit::CodePoint);
        let c = r.claims.iter().find_map(|c| c.claimant.clone()).expect("a claimant");
        assert_eq!(c.kind, Some(klaim::ClaimantKind::Organisation), "\n{text}");
    }
    check(
        "Kepala Dinas Kesehatan Kota Bitung, drg. Maria Lumintang, mengatakan",
        Some("Kepala"),
        Some("Dinas Kesehatan Kota Bitung"),
        "Maria Lumintang",
    );
}

/// Hyphens inside a body's name: `Perkumpulan Warga Anti - Korupsi (PWAK)`; a field
/// word ending an office (`Informatika Pemerintahan`) before the body.
#[test]
fn connectors_inside_a_body() {
    check(
        "Kasus itu dilaporkan Perkumpulan Warga Anti - Korupsi (PWAK) pekan lalu. Koordinator PWAK Budi Santoso mengatakan harga beras naik.",
        Some("Koordinator"),
        Some("Perkumpulan Warga Anti - Korupsi (PWAK)"),
        "Budi Santoso",
    );
    check(
        "Direktur Layanan Digital Pemerintahan Kementerian Dalam Negeri Budi Santoso mengatakan",
        Some("Direktur Layanan Digital Pemerintahan"),
        Some("Kementerian Dalam Negeri"),
        "Budi Santoso",
    );
}
