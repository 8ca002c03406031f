//! Word lists of Indonesian news language, looked up by lower-case word.
//!
//! One hash map gives every category of a word in one probe: the pipeline
//! asks several questions of most tokens, and a single lookup keeps the
//! extractor above 30 MB/s. Lists are general Indonesian (and the foreign
//! names that Indonesian news quotes most), never phrases of particular
//! articles.

use std::sync::OnceLock;

use super::wordhash::WordMap;

/// A set of categories a word belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cat(u32);

impl Cat {
    /// Reporting verb that comes before its content: `X mengatakan ...`.
    pub const CUE_PRE: Cat = Cat(1);
    /// Reporting verb that follows a quotation: `"...," kata X`.
    pub const CUE_POST: Cat = Cat(1 << 1);
    /// Source phrase head: `menurut X`, `melansir X`.
    pub const SOURCE: Cat = Cat(1 << 2);
    /// Auxiliary or adverb between a subject and its verb.
    pub const AUX: Cat = Cat(1 << 3);
    /// Negation: a negated cue attributes nothing.
    pub const NEG: Cat = Cat(1 << 4);
    pub const HEDGE: Cat = Cat(1 << 5);
    pub const DENY: Cat = Cat(1 << 6);
    /// A role or office: `presiden`, `juru`, `pejabat`.
    pub const ROLE: Cat = Cat(1 << 7);
    /// A rank or honorific written right before a name: `AKBP`, `Prof`.
    pub const RANK: Cat = Cat(1 << 8);
    /// A role followed by the place it governs: `Bupati Grobogan`.
    pub const JURIS: Cat = Cat(1 << 9);
    /// The first word of an organisation's name: `Kementerian`, `Pusat`.
    pub const ORG: Cat = Cat(1 << 10);
    pub const PLACE: Cat = Cat(1 << 11);
    /// `Utara`, `Selatan`, ...: part of a place name after a place.
    pub const DIRECTION: Cat = Cat(1 << 12);
    pub const MONTH: Cat = Cat(1 << 13);
    pub const DAY: Cat = Cat(1 << 14);
    /// A word that ends a noun phrase read after a cue.
    pub const STOP: Cat = Cat(1 << 15);
    pub const PRONOUN: Cat = Cat(1 << 16);
    /// A word that marks a news outlet: `media`, `News`, `Agency`.
    pub const OUTLET: Cat = Cat(1 << 17);
    /// `tersebut`, `itu`: a definite description of an earlier mention.
    pub const DEMONSTRATIVE: Cat = Cat(1 << 18);
    /// A clause boundary when walking back from a verb to its subject.
    pub const BOUNDARY: Cat = Cat(1 << 19);
    /// A vague amount: `ratusan`, `puluhan`, `beberapa`.
    pub const VAGUE: Cat = Cat(1 << 20);
    /// A word that bounds a number: `lebih dari`, `sekitar`.
    pub const QUALIFIER: Cat = Cat(1 << 21);
    /// A word after which a number is a date, a time or an identifier.
    pub const NOT_COUNT: Cat = Cat(1 << 22);
    /// Last word of an organisation's name: `Centre`, `Institute`.
    pub const ORG_TAIL: Cat = Cat(1 << 23);
    /// A number word (`dua`, `seratus`): see [`number_word`].
    pub const NUMBER: Cat = Cat(1 << 24);
    /// A portfolio inside a title: `Energi` in `Menteri Energi`.
    pub const PORTFOLIO: Cat = Cat(1 << 25);
    /// An Indonesian given or family name (`identity::data`).
    pub const GIVEN: Cat = Cat(1 << 26);

    pub fn has(self, other: Cat) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Cat {
    type Output = Cat;
    fn bitor(self, o: Cat) -> Cat {
        Cat(self.0 | o.0)
    }
}

/// The categories of a lower-case word (empty if it is in no list).
pub fn cat(lower: &str) -> Cat {
    cat_bytes(lower.as_bytes())
}

/// The words of Indonesian province, regency and city names (the gazetteer
/// of `identity/data.rs`), for the linker's region abbreviations.
pub(crate) fn place_words() -> impl Iterator<Item = &'static str> {
    super::identity::data::PLACES.split_ascii_whitespace()
}

/// A word of regional naming customs that belongs to a name (Balinese
/// `Ketut`, `Made`; `identity/segment.rs`).
pub(crate) fn is_name_particle(lower: &str) -> bool {
    super::identity::segment::is_name_particle(lower)
}

/// [`cat`] of a word's bytes.
pub fn cat_bytes(lower: &[u8]) -> Cat {
    // Measured on the samples: half the words of an article are in some
    // list, so a prefilter saved less than it cost; the hash is what counts.
    table().get(lower)
}

/// The value of a number word: `dua` is 2, `seratus` 100; `belas` and
/// `puluh` are handled by the quantity parser.
pub fn number_word(lower: &str) -> Option<f64> {
    NUMBER_WORDS.iter().find(|(w, _)| *w == lower).map(|(_, v)| *v)
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("satu", 1.0),
    ("se", 1.0),
    ("dua", 2.0),
    ("tiga", 3.0),
    ("empat", 4.0),
    ("lima", 5.0),
    ("enam", 6.0),
    ("tujuh", 7.0),
    ("delapan", 8.0),
    ("sembilan", 9.0),
    ("sepuluh", 10.0),
    ("sebelas", 11.0),
    ("seratus", 100.0),
    ("seribu", 1e3),
    ("sejuta", 1e6),
    ("setengah", 0.5),
];

/// The factor of a scale word written after a number: `3 juta` is 3,000,000.
pub fn multiplier(lower: &str) -> Option<f64> {
    Some(match lower {
        "ribu" | "rb" => 1e3,
        "juta" | "jt" => 1e6,
        "miliar" | "milyar" | "m" => 1e9,
        "triliun" | "t" => 1e12,
        _ => return None,
    })
}

// The lists. Lower case; multi-word entries are handled in code where they
// matter (`yakin bahwa`, `tidak benar`, `juru bicara`).

#[rustfmt::skip]
const CUE_PRE: &[&str] = &[
    "mengatakan", "menyatakan", "menyebutkan", "menyebut", "mengungkapkan", "mengungkap", "menjelaskan",
    "menegaskan", "menambahkan", "memperingatkan", "menuduh", "membantah", "mengklaim", "melaporkan",
    "meyakini", "mengindikasikan", "menyampaikan", "mengakui", "menilai", "berpendapat", "mengemukakan",
    "memaparkan", "menerangkan", "mengutarakan", "menuturkan", "mengimbau", "menyangkal", "menepis",
    "mengingatkan", "memastikan", "mengonfirmasi", "membenarkan", "berkata", "berujar", "mengaku", "menganggap",
    "memprediksi", "memperkirakan", "menduga", "menyebutnya", "mencatat", "mengumumkan", "menulis",
    "menuliskan", "menekankan", "mengeklaim", "menandaskan", "menyimpulkan", "bersikeras", "menuding",
    "mengkritik", "meragukan", "mempertanyakan", "menyangsikan", "menyarankan", "memprakirakan", "menampik", "memuji", "mengeklaim", "menyoroti",
    "menyebutkan", "mengeluhkan", "menjawab", "menanggapi", "mengungkapkannya", "mendesak",
    // A request is reported speech too.
    "meminta",
];
#[rustfmt::skip]
const CUE_POST: &[&str] = &[
    "kata", "ujar", "ucap", "ungkap", "tutur", "imbuh", "tambah", "jelas", "tegas", "sebut", "terang", "papar",
    "lanjut", "pungkas", "katanya", "ujarnya", "ucapnya", "ungkapnya", "tuturnya", "imbuhnya", "tambahnya",
    "jelasnya", "tegasnya", "sebutnya", "terangnya", "paparnya", "lanjutnya", "pungkasnya", "tanya", "tanyanya",
    "timpal", "timpalnya", "kilah", "kilahnya", "beber", "bebernya", "seru", "serunya", "akunya", "klaimnya",
    "katakan", "tulis", "tulisnya", "tukas", "tukasnya", "sambung", "sambungnya", "urai", "urainya",
    // Verbs of hoping, closing, asking, urging and recalling that close a quotation.
    "harap", "harapnya", "tutup", "tutupnya", "pesan", "pesannya", "ajak", "ajaknya", "pinta", "pintanya",
    "imbau", "imbaunya", "kenang", "kenangnya", "keluh", "keluhnya", "jawab", "jawabnya", "sahut", "sahutnya",
    "tandas", "tandasnya", "bilang", "bilangnya", "sindir", "sindirnya", "celetuk", "celetuknya", "akui",
    "akuinya", "kisah", "kisahnya", "cerita", "ceritanya", "ingat", "ingatnya", "desak", "desaknya", "saran",
    "sarannya", "nilai", "nilainya", "klaim", "tanggap", "tanggapnya", "simpul", "simpulnya", "tuding",
    "tudingnya", "kritik", "kritiknya", "jawabnya", "tegur", "tegurnya", "seloroh", "selorohnya",
    // English reporting verbs after an English quotation.
    "said", "says", "added", "told", "stated", "explained", "wrote",
];
const SOURCE: &[&str] = &["menurut", "melansir", "dilansir", "mengutip", "dikutip", "berdasarkan", "sebagaimana"];
#[rustfmt::skip]
const AUX: &[&str] = &[
    "telah", "sudah", "juga", "pun", "kembali", "sempat", "akan", "lalu", "kemudian", "pernah", "bahkan",
    "hanya", "masih", "secara", "resmi", "tegas", "dengan", "terang", "langsung", "sebelumnya", "justru",
    "lantas", "kini", "baru", "terus", "tetap", "pula", "sendiri", "pun", "segera", "terbuka", "singkat",
    "gamblang", "rinci", "blak-blakan", "berulang", "sekali", "lagi", "turut", "ikut", "setidaknya", "dulu",
    "selalu", "sering", "kerap", "jelas",
];
const NEG: &[&str] = &["tidak", "tak", "belum", "bukan", "enggan", "tanpa", "menolak", "urung", "jangan"];
#[rustfmt::skip]
const HEDGE: &[&str] = &[
    "tampaknya", "diperkirakan", "diyakini", "mungkin", "berpotensi", "potensial", "dilaporkan", "dikabarkan",
    "diduga", "disebut-sebut", "mengindikasikan", "spekulasi", "sepertinya", "agaknya", "barangkali", "konon",
    "disinyalir", "ditengarai", "diprediksi", "diprakirakan", "diproyeksikan", "kabarnya", "rumor",
    "berspekulasi", "memperkirakan", "memprediksi", "menduga", "dugaan", "diisukan", "diprediksikan",
    "diperkirakannya", "kemungkinannya", "rupanya", "seolah", "seakan", "berpeluang", "memprakirakan",
    "jangan-jangan", "perkirakan",
];
#[rustfmt::skip]
const DENY: &[&str] = &[
    "membantah", "menyangkal", "menepis", "dibantah", "membantahnya", "bantah", "menampik", "ditepis",
    "disangkal", "bantahan",
];
#[rustfmt::skip]
const ROLE: &[&str] = &[
    "presiden", "wakil", "menteri", "menko", "juru", "bicara", "jubir", "pejabat", "kepala", "direktur",
    "ketua", "sekretaris", "pemimpin", "pimpinan", "panglima", "komandan", "duta", "besar", "perdana", "raja",
    "ratu", "pangeran", "kanselir", "anggota", "peneliti", "analis", "pakar", "pengamat", "ahli", "dokter",
    "profesor", "guru", "dosen", "rektor", "dekan", "kapolri", "kapolda", "kapolres", "kapolsek", "kasat",
    "kasatreskrim", "kabid", "kasubdit", "dirut", "ceo", "manajer", "pelatih", "kapten", "gubernur", "bupati",
    "walikota", "wali", "camat", "lurah", "kades", "sekda", "senator", "legislator", "politikus", "politisi",
    "ekonom", "aktivis", "koordinator", "pendiri", "penasihat", "staf", "khusus", "pelaksana", "jaksa", "hakim",
    "pengacara", "kuasa", "hukum", "warga", "korban", "tersangka", "saksi", "petugas", "pengurus", "wartawan",
    "reporter", "pemain", "penyanyi", "artis", "pengusaha", "uskup", "imam", "ulama", "kiai", "ustaz",
    "kapuspen", "kabareskrim", "kadiv", "humas", "karo", "penmas", "dirjen", "irjen", "deputi", "asisten",
    "kasi", "plt", "pj", "kajari", "kajati", "jaksa", "kapuskes", "kadis", "kepolisian", "seorang", "salah",
    "satu", "pihak", "mantan", "eks", "calon", "capres", "cawapres", "cagub", "cabup", "ekonomi", "senior",
    "utama", "umum", "jenderal", "pelapor", "pemilik", "penjual", "sopir", "nelayan", "petani", "mahasiswa",
    "siswa", "orang", "tua", "ibu", "ayah", "anak", "istri", "suami", "kakak", "adik", "paman", "bibi", "kakek",
    "nenek", "sumber", "diplomat", "negarawan", "head", "chief", "director", "spokesperson", "spokesman",
    "officer", "president", "founder", "analyst", "researcher", "minister", "executive", "vice", "manager",
    "spesialis", "kapusdatin", "kalaksa", "sosiolog", "epidemiolog", "psikolog", "kriminolog", "antropolog",
    "virolog", "ahli", "pemerhati", "komisioner", "pembina", "pengajar", "ketum", "sekjen", "bendahara",
    "komisaris", "kabag", "kasubag", "kasubbag", "plh", "wakapolri", "wakapolda", "wakapolres", "wamen",
    "dubes", "kepsek", "vp", "cfo", "cto", "coo", "kasubbid", "kasubdit", "kanit", "panit", "kapolsek",
    "kasatlantas", "kasatnarkoba", "kabidhumas", "danramil", "dandim", "danrem", "pangdam", "kasad", "kasal",
    "kasau", "wadir", "wakadiv", "direksi", "kuasa", "advokat", "sekretariat", "inspektur", "auditor",
    "konsultan", "praktisi", "akademisi", "guru", "ekonom", "pengamat", "kapolresta", "kapolrestabes", "jpu",
    // Short forms of police and military offices: a directorate's or unit's head (`Dir`, `Wadir`,
    // `Kasat`) joined to the unit's own short form (`lantas`, `reskrimum`), and commanders (`Dan`).
    // Written for this project from the units' public names.
    "dirreskrimum", "dirreskrimsus", "dirresnarkoba", "dirlantas", "dirintelkam", "dirbinmas", "dirsamapta",
    "dirsabhara", "dirpolairud", "dirpamobvit", "dirtahti", "wadirreskrimum", "wadirreskrimsus",
    "wadirresnarkoba", "wadirlantas", "wadirintelkam", "wadirbinmas", "wadirsamapta", "wadirsabhara",
    "wadirpolairud", "wadirpamobvit", "wadirtahti", "kasatintelkam", "kasatbinmas", "kasatsamapta",
    "kasatsabhara", "kasatpolairud", "kasattahti", "wakasatreskrim", "wakasatnarkoba", "wakasatintelkam",
    "wakasatbinmas", "wakasatsamapta", "wakasatsabhara", "wakasatpolairud", "wakasatlantas", "wakasattahti",
    "kabidpropam", "kabidkum", "kabiddokkes", "kabidtik", "kasubbidpenmas", "wakapolresta", "wakapolsek",
    "danlanal", "danlantamal", "danlanud", "danyon", "danki", "danpomdam", "kapendam", "kapenrem",
    "kadispenad", "kadispenal", "kadispenau", "konsul", "konjen", "dirops",
];
#[rustfmt::skip]
/// Portfolios, written between a title and a name: `Menteri Energi Budi`,
/// `Organisasi Kesehatan Dunia`. Part of a title, never of a name, but no
/// title themselves.
const PORTFOLIO: &[&str] = &[
    "energi", "keuangan", "pertahanan", "kesehatan", "pendidikan", "negeri", "perdagangan", "perindustrian",
    "pertanian", "kelautan", "perikanan", "sosial", "agama", "perhubungan", "pariwisata", "komunikasi",
    "informatika", "ketenagakerjaan", "tenaga", "kerja", "lingkungan", "hidup", "kehutanan", "perekonomian",
    "koordinator", "bidang", "politik", "keamanan", "investasi", "kebudayaan", "riset", "teknologi",
    "perumahan", "pekerjaan", "pemuda", "olahraga", "pupr", "esdm", "bumn", "ham", "sekretaris",
    "negara", "perencanaan", "pembangunan", "koperasi", "ukm", "desa", "transmigrasi", "agraria", "tata",
    "ruang", "kesejahteraan", "pemberdayaan", "perempuan", "perlindungan", "konstitusi", "niaga", "pajak",
    "anggaran", "operasional", "eksekutif", "harian", "pelaksana", "tugas", "nasional",
    "luar", "dalam",
];
#[rustfmt::skip]
const RANK: &[&str] = &[
    "akbp", "kombes", "kombespol", "akp", "iptu", "ipda", "aiptu", "aipda", "bripka", "brigadir", "briptu",
    "bripda", "kompol", "brigjen", "brigjenpol", "irjen", "irjenpol", "komjen", "komjenpol", "jenderal",
    "letjen", "mayjen", "laksamana", "laksda", "laksdya", "marsekal", "marsda", "marsdya", "kolonel", "letkol",
    "mayor", "kapten", "lettu", "letda", "serka", "serma", "sertu", "kopral", "prof", "dr", "drs", "dra", "ir",
    "h", "hj", "kh", "pak", "bu", "bapak", "ibu", "mr", "mrs", "ms", "sir", "syekh", "gus", "mbak", "mas",
    "bang", "kak", "dokter", "ustadz", "habib", "tuan", "nyonya", "pol", "inf", "kav", "arh", "czi", "cpm",
    "chk", "pnb", "psk", "purn", "letnan", "serda", "praka", "pratu", "prada", "kopda", "koptu",
    // Health professions' titles: dentist, veterinarian, nurse (`drg.`, `drh.`, `Ns.`).
    "drg", "drh", "ns",
];
#[rustfmt::skip]
const JURIS: &[&str] = &[
    "gubernur", "bupati", "walikota", "camat", "lurah", "kades", "kapolda", "kapolres", "kapolsek", "kajari",
    "kajati", "dandim", "danrem", "pangdam", "sekda", "kapolresta", "kapolrestabes", "dprd", "pemkab", "pemkot",
    "pemprov", "polres", "polda", "polsek", "polresta", "kodam", "korem", "kodim", "kejari", "kejati",
];
#[rustfmt::skip]
const ORG: &[&str] = &[
    "kementerian", "kemenkes", "departemen", "badan", "dewan", "lembaga", "pusat", "komisi", "partai",
    "universitas", "institut", "bank", "pt", "cv", "dinas", "kantor", "gedung", "polres", "polda", "polsek",
    "polri", "pengadilan", "kejaksaan", "mahkamah", "majelis", "angkatan", "tentara", "pasukan", "kepolisian",
    "pemerintah", "pemerintahan", "yayasan", "organisasi", "asosiasi", "persatuan", "perhimpunan", "ikatan",
    "serikat", "koalisi", "aliansi", "federasi", "liga", "klub", "tim", "perusahaan", "korporasi", "grup",
    "kelompok", "forum", "sekolah", "rumah", "sakit", "rsud", "puskesmas", "kantor", "biro", "direktorat",
    "inspektorat", "sekretariat", "otoritas", "kongres", "parlemen", "senat", "kabinet", "istana", "markas",
    "satuan", "satgas", "komite", "fraksi", "pemkab", "pemkot", "pemprov", "bpbd", "bmkg", "kpk", "dpr", "dpd",
    "mpr", "kpu", "bawaslu", "ojk", "bi", "bps", "tni", "who", "pbb", "nato", "uni", "perserikatan", "kerajaan",
    "pusat", "laboratorium", "lab", "akademi", "sekolah", "madrasah", "pesantren", "masjid", "gereja", "museum",
    "perum", "bumn", "bumd", "koperasi", "firma", "kantor", "stasiun", "bandara", "pelabuhan", "fasilitas",
    "kpai", "komnas", "ombudsman", "timnas", "pssi", "corporate", "communications", "polresta", "polrestabes",
    "kodam", "kodim", "korem", "kejari", "kejati", "kominfo", "bareskrim", "lantas", "balai", "hotel", "komunitas", "perkumpulan",
    "divisi", "mabes", "gugus", "kesatuan", "himpunan", "jaringan", "paguyuban", "gabungan", "konfederasi",
    // National agencies known by their acronyms (their public names).
    "basarnas", "bnpb", "bpom", "bnn", "bnpt", "brin", "bpjs", "bulog", "bkkbn", "bssn", "bpkp",
];
#[rustfmt::skip]
const ORG_TAIL: &[&str] = &[
    "centre", "center", "institute", "foundation", "corporation", "corp", "inc", "ltd", "group", "university",
    "council", "agency", "ministry", "department", "organization", "organisation", "association", "bank", "tbk",
    "party", "fund", "commission", "committee", "office", "watch", "indonesia",
];
#[rustfmt::skip]
const PLACE: &[&str] = &[
    "indonesia", "jakarta", "amerika", "serikat", "as", "rusia", "ukraina", "korea", "korut", "korsel",
    "jepang", "china", "tiongkok", "cina", "taiwan", "iran", "irak", "suriah", "israel", "palestina", "gaza",
    "lebanon", "arab", "saudi", "mesir", "turki", "inggris", "britania", "raya", "prancis", "perancis",
    "jerman", "italia", "spanyol", "belanda", "belgia", "swiss", "swedia", "norwegia", "finlandia", "denmark",
    "polandia", "hongaria", "yunani", "portugal", "austria", "kanada", "meksiko", "brasil", "argentina",
    "chile", "kolombia", "venezuela", "india", "pakistan", "bangladesh", "afghanistan", "australia", "selandia",
    "baru", "malaysia", "singapura", "thailand", "vietnam", "filipina", "myanmar", "kamboja", "laos", "brunei",
    "timor", "leste", "qatar", "kuwait", "yaman", "yordania", "uea", "emirat", "afrika", "nigeria", "kenya",
    "ethiopia", "sudan", "libya", "aljazair", "maroko", "tunisia", "belarus", "georgia", "armenia",
    "azerbaijan", "kazakhstan", "uzbekistan", "mongolia", "eropa", "asia", "amerika", "pasifik", "atlantik",
    "moskow", "kyiv", "kiev", "pyongyang", "seoul", "washington", "beijing", "tokyo", "london", "paris",
    "berlin", "brussel", "jenewa", "new", "york", "vladivostok", "teheran", "tehran", "riyadh", "kairo",
    "ankara", "istanbul", "dubai", "doha", "bangkok", "manila", "hanoi", "kuala", "lumpur", "canberra",
    "sydney", "melbourne", "delhi", "mumbai", "islamabad", "kabul", "baghdad", "damaskus", "beirut",
    "yerusalem", "tel", "aviv", "roma", "madrid", "wina", "warsawa", "kharkiv", "odesa", "donetsk", "luhansk",
    "krimea", "najin", "sumatera", "sumatra", "jawa", "kalimantan", "sulawesi", "papua", "bali", "nusa",
    "tenggara", "maluku", "aceh", "riau", "jambi", "bengkulu", "lampung", "banten", "yogyakarta", "jogja",
    "diy", "gorontalo", "bandung", "surabaya", "medan", "semarang", "makassar", "palembang", "padang",
    "pekanbaru", "denpasar", "malang", "solo", "surakarta", "bogor", "depok", "tangerang", "bekasi", "cirebon",
    "tasikmalaya", "sukabumi", "garut", "cianjur", "karawang", "purwakarta", "subang", "indramayu", "kudus",
    "pati", "demak", "grobogan", "magelang", "klaten", "sleman", "bantul", "kediri", "blitar", "jember",
    "banyuwangi", "sidoarjo", "gresik", "mojokerto", "pasuruan", "probolinggo", "madura", "balikpapan",
    "samarinda", "pontianak", "banjarmasin", "palangkaraya", "manado", "palu", "kendari", "ambon", "ternate",
    "jayapura", "merauke", "sorong", "kupang", "mataram", "lombok", "batam", "tanjungpinang", "pangkalpinang",
    "bangka", "belitung", "serang", "cilegon", "nunukan", "natuna", "ibu", "kota", "nusantara", "ikn",
    "jabodetabek", "dki", "jabar", "jateng", "jatim", "sumut", "sumbar", "sumsel", "kaltim", "kalbar", "kalsel",
    "kalteng", "sulsel", "sulut", "sulteng", "ntt", "ntb", "kepri", "babel", "metro", "kabupaten", "provinsi",
    "kecamatan", "desa", "kelurahan", "dusun", "kampung",
];
/// Regions as news abbreviates them (not in the gazetteer).
#[rustfmt::skip]
const ABBREVIATED_PLACES: &[&str] = &[
    "tangsel", "jaksel", "jakut", "jakbar", "jaktim", "jakpus", "sultra", "sulbar", "kaltara", "malut", "pabar",
    "sumteng", "kalut", "jabar", "jateng", "jatim", "jogja", "jambi", "diy", "ri", "kabupaten", "kota",
];
/// Given names common in Indonesian news that the Faker id_ID lists
/// (`identity/data.rs`) lack: Christian names of eastern Indonesia, Batak and
/// Chinese-Indonesian families (`Markus`, `Yohanes`, `Marthen`, `Elisabet`),
/// names of Arabic origin (`Saleh`, `Syamsul`, `Zulkifli`) and short Javanese
/// and Sundanese ones (`Asep`, `Dedi`, `Sugeng`). Written for this project
/// from common usage (no outside source; the project's licence). Words that
/// open a name and are left out when the person is called by the next word
/// (`Ahmad`, `Siti`, names.rs `is_name_opener`) and words that are also
/// common or places (`Sara`, `Amin`) are not here.
#[rustfmt::skip]
const MORE_GIVEN: &str = "
    abdullah abraham agustinus ahmadi alfons ali aloysius amir andreas antonius anwar arief arif asep ayub barnabas
    benediktus benyamin bernadeta bernadus burhanuddin daniel david debora dede dedi dodi dony efraim elia elias
    elisabet elisabeth endang eni ester fadli fajar fatimah fauzan fauzi filipus firman frans fransiska fransiskus
    frederik gerson gideon gregorius hamdan hamid hamka harun haryo haryono hendrik hendrikus heri herman hermanus
    hery husein husin ignatius ilham ishak iskandar iwan jafar jamaluddin johanis johannes jonathan julius
    kamaruddin katarina khadijah khairul klara kornelius kristina kristoforus laurensius lukas lusia magdalena
    margaretha markus marselinus marten marthen martinus matius melkias musa nani natanael neni niko nikolas
    nikolaus nining nurdin nurhayati obed oktavianus paulus petrus rahma rahmad rebeka retno richard rizal robert
    ronald roni rony rosalina ruben rudy ruth saleh samuel santi silvester sinta stefanus sugeng sulaiman suleman
    sumarno sunarto supardi suparman sutrisno syaiful syamsuddin syamsul taufiq theresia thomas timotius titus tomas
    tuti utsman valentinus veronika vinsensius wilhelmus yakob yakobus yanti yanto yohan yohana yohanes yohanis
    yonatan yoseph yosua yulianus yulius yunus yusran yustina zainab zainal zainuddin zakaria zulkifli
";
const DIRECTION: &[&str] = &["utara", "selatan", "barat", "timur", "tengah", "laut", "daya"];
#[rustfmt::skip]
const MONTH: &[&str] = &[
    "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "nopember", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt",
    "sep", "sept", "okt", "nov", "des",
];
const DAY: &[&str] = &["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"];
#[rustfmt::skip]
const STOP: &[&str] = &[
    "dalam", "di", "saat", "ketika", "seperti", "kepada", "pada", "usai", "sebelum", "setelah", "yang",
    "sambil", "seraya", "sembari", "lewat", "melalui", "via", "kemarin", "sesaat", "selepas", "seusai", "tadi",
    "ini", "untuk", "bahwa", "soal", "terkait", "mengenai", "tentang", "atas", "sejak", "hingga", "sampai",
    "sebagaimana", "ketika", "namun", "tetapi", "tapi", "sedangkan", "sementara", "karena", "sehingga", "agar",
    "supaya", "jika", "kalau", "bila", "apabila", "meski", "meskipun", "walau", "walaupun", "ke", "oleh",
    "bersama", "beserta", "guna", "demi", "akibat", "terhadap", "sebagai", "menjelang", "jelang", "selama",
    "kala",
];
const PRONOUN: &[&str] =
    &["ia", "dia", "beliau", "mereka", "kami", "saya", "aku", "kita", "nya", "pihaknya", "dirinya"];
#[rustfmt::skip]
const OUTLET: &[&str] = &[
    "media", "news", "agency", "kantor", "berita", "harian", "majalah", "koran", "surat", "kabar", "stasiun",
    "televisi", "tv", "radio", "press", "post", "times", "journal", "herald", "tribune", "daily", "laman",
    "situs", "portal", "reuters", "afp", "ap", "bbc", "cnn", "cbs", "nbc", "abc", "yonhap", "kcna", "xinhua",
    "tass", "ria", "novosti", "bloomberg", "guardian", "firstpost", "nhk", "kyodo", "antara", "kompas",
    "tribunnews", "detik", "detikcom", "tempo", "liputan6", "kumparan", "republika", "okezone", "sindonews",
    "cnbc", "voa", "dw", "nikkei", "politico", "axios", "npr", "newsweek", "scmp", "anadolu", "interfax",
    "sputnik", "arabiya", "jazeera", "telegraph", "independent", "spiegel", "rt", "suara", "merdeka", "viva",
    "inews", "metrotv", "tvone", "kontan", "bisnis", "katadata", "tirto", "idntimes", "jawapos",
];
#[rustfmt::skip]
const BOUNDARY: &[&str] = &[
    "bahwa", "yang", "ketika", "saat", "setelah", "sebelum", "namun", "tetapi", "tapi", "sementara",
    "sedangkan", "karena", "sehingga", "jika", "kalau", "agar", "untuk", "sejak", "kemudian", "lalu", "sedang",
    "meski", "meskipun", "walaupun", "padahal", "bahkan", "hingga", "dan", "serta", "atau", "di", "ke", "dari",
    "pada", "dalam", "oleh", "dengan", "bagi", "tentang", "terhadap", "seperti", "apakah", "mengapa",
    "bagaimana", "kapan", "dimana", "mana", "begitu", "demikian", "juga", "pun", "adapun", "sebagaimana",
    "menurut", "usai", "seusai", "selepas", "akibat", "lantaran", "sebab", "tatkala", "melalui", "lewat",
];
#[rustfmt::skip]
const VAGUE: &[&str] = &[
    "beberapa", "sejumlah", "ratusan", "puluhan", "ribuan", "jutaan", "miliaran", "triliunan", "belasan",
    "berbagai", "banyak", "sebagian", "seluruh", "semua", "para", "sekian", "berapa",
];
#[rustfmt::skip]
const QUALIFIER: &[&str] = &[
    "lebih", "sekitar", "kurang", "hampir", "setidaknya", "sedikitnya", "minimal", "maksimal", "maksimum",
    "minimum", "mencapai", "kira-kira", "nyaris", "sekurangnya", "sebanyak-banyaknya", "hingga", "sampai",
    "paling",
];
#[rustfmt::skip]
const NOT_COUNT: &[&str] = &[
    "tahun", "sejak", "pukul", "jam", "nomor", "no", "pasal", "ayat", "tanggal", "tgl", "periode",
    "edisi", "nomer", "kode", "versi", "seri", "jilid", "bab", "halaman", "hal", "angka", "level", "tingkat",
    "peringkat", "urutan", "rt", "rw", "km", "gelombang", "tahap", "putaran", "babak", "pekan", "menit",
];

/// The lexicon itself, for a caller that looks up every word of a document:
/// one check that the table is built, then [`Table::get`] inlined per word.
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::build(entries()))
}

/// Every word of every list with its category (a word in several lists
/// comes several times).
fn entries() -> impl Iterator<Item = (&'static str, Cat)> {
    let lists: [(&[&str], Cat); 25] = [
        (PORTFOLIO, Cat::PORTFOLIO),
        (CUE_PRE, Cat::CUE_PRE),
        (CUE_POST, Cat::CUE_POST),
        (SOURCE, Cat::SOURCE),
        (AUX, Cat::AUX),
        (NEG, Cat::NEG),
        (HEDGE, Cat::HEDGE),
        (DENY, Cat::DENY),
        (ROLE, Cat::ROLE),
        (RANK, Cat::RANK),
        (JURIS, Cat::JURIS),
        (ORG, Cat::ORG),
        (PLACE, Cat::PLACE),
        (DIRECTION, Cat::DIRECTION),
        (MONTH, Cat::MONTH),
        (DAY, Cat::DAY),
        (STOP, Cat::STOP),
        (PRONOUN, Cat::PRONOUN),
        (OUTLET, Cat::OUTLET),
        (&["tersebut", "itu"], Cat::DEMONSTRATIVE),
        (BOUNDARY, Cat::BOUNDARY),
        (VAGUE, Cat::VAGUE),
        (QUALIFIER, Cat::QUALIFIER),
        (NOT_COUNT, Cat::NOT_COUNT),
        (ORG_TAIL, Cat::ORG_TAIL),
    ];
    use super::identity::data;
    // The long lists are one string each: see `identity/data.rs`.
    let spaced: [(&'static str, Cat); 4] =
        [(data::GIVEN, Cat::GIVEN), (MORE_GIVEN, Cat::GIVEN), (data::FAMILY, Cat::GIVEN), (data::PLACES, Cat::PLACE)];
    let spaced = spaced.into_iter().flat_map(|(words, c)| words.split_ascii_whitespace().map(move |w| (w, c)));
    let numbers = NUMBER_WORDS.iter().map(|(w, _)| (*w, Cat::NUMBER));
    lists
        .into_iter()
        .chain([(ABBREVIATED_PLACES, Cat::PLACE)])
        .flat_map(|(words, c)| words.iter().map(move |w| (*w, c)))
        .chain(spaced)
        .chain(numbers)
}

/// The lexicon as an open-addressed table: a word of up to 16 bytes is
/// packed into two integers, so a probe is one multiply and integer
/// compares, with no pointer to follow and no `memcmp` (std's map of byte
/// slices took about 110 instructions a word on the samples). Longer words
/// (few, `mengungkapkannya`) go to a plain map.
pub struct Table {
    slots: Box<[Slot]>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
    long: WordMap<&'static [u8], Cat>,
}

/// One word of at most [`PACKED`] bytes (`len` 0: an empty slot).
#[derive(Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    len: u32,
    cat: Cat,
}

/// Words up to this length are packed into a [`Slot`].
const PACKED: usize = 16;

impl Table {
    fn build(words: impl Iterator<Item = (&'static str, Cat)>) -> Table {
        let mut packed: WordMap<&'static [u8], Cat> = WordMap::default();
        let mut long: WordMap<&'static [u8], Cat> = WordMap::default();
        for (w, c) in words {
            let map = if w.len() <= PACKED { &mut packed } else { &mut long };
            let e = map.entry(w.as_bytes()).or_default();
            *e = *e | c;
        }
        // At most half full: a miss (half the words of an article) ends at
        // the first or second empty slot.
        let size = (packed.len() * 2).next_power_of_two().max(16);
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![Slot::default(); size].into_boxed_slice();
        let mask = size - 1;
        for (w, c) in packed {
            let (lo, hi) = pack(w);
            let mut i = slot_of(lo, hi, shift);
            while slots[i].len != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot { lo, hi, len: w.len() as u32, cat: c };
        }
        Table { slots, shift, long }
    }

    /// The categories of a lower-case word's bytes (empty if it is in no
    /// list).
    #[inline]
    pub fn get(&self, w: &[u8]) -> Cat {
        if w.len() > PACKED {
            return self.long.get(w).copied().unwrap_or_default();
        }
        let (lo, hi) = pack(w);
        let len = w.len() as u32;
        let mask = self.slots.len() - 1;
        let mut i = slot_of(lo, hi, self.shift);
        loop {
            let s = &self.slots[i];
            if s.lo == lo && s.hi == hi && s.len == len {
                return s.cat;
            }
            if s.len == 0 {
                return Cat::default();
            }
            i = (i + 1) & mask;
        }
    }
}

/// The slot a packed word hashes to: two multiplies, the top bits.
fn slot_of(lo: u64, hi: u64, shift: u32) -> usize {
    let h = (lo.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ hi).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (h >> shift) as usize
}

/// The bytes of a word of at most 16 bytes as two little-endian integers,
/// zero-padded (the length is compared besides). Read as two overlapping
/// loads rather than a copy of variable length, which costs a `memcpy` call.
fn pack(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    match n {
        0 => (0, 0),
        1..=3 => {
            let b = |k: usize| u64::from(w[k]) << (8 * k);
            (b(0) | b(n / 2) | b(n - 1), 0)
        }
        4..=8 => {
            let (a, b) = (load4(&w[..4]), load4(&w[n - 4..]));
            (a | b << (8 * (n - 4)), 0)
        }
        _ => {
            let (a, b) = (load8(&w[..8]), load8(&w[n.min(PACKED) - 8..n.min(PACKED)]));
            (a, b >> (8 * (PACKED - n.min(PACKED))))
        }
    }
}

fn load4(b: &[u8]) -> u64 {
    let mut w = [0; 4];
    w.copy_from_slice(b);
    u64::from(u32::from_le_bytes(w))
}

fn load8(b: &[u8]) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(b);
    u64::from_le_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_and_categories_combine() {
        for (w, _) in entries() {
            assert_eq!(w, w.to_lowercase(), "lexicon entry {w:?} must be lower case");
        }
        assert!(cat("membantah").has(Cat::DENY) && cat("membantah").has(Cat::CUE_PRE));
        assert!(!cat("rumah").has(Cat::CUE_PRE));
        assert_eq!(cat("Mengatakan"), Cat::default(), "lookups take lower case");
    }

    #[test]
    fn the_table_answers_as_a_map_of_the_lists_does() {
        let mut expected: WordMap<&str, Cat> = WordMap::default();
        for (w, c) in entries() {
            let e = expected.entry(w).or_default();
            *e = *e | c;
        }
        for (w, c) in &expected {
            assert_eq!(cat(w), *c, "{w:?}");
            // Not in the lists: a longer or a shorter word, another last letter.
            for other in [format!("{w}x"), w[..w.len() - 1].to_owned(), format!("{}\u{0}", &w[..w.len() - 1])] {
                assert_eq!(cat(&other), expected.get(other.as_str()).copied().unwrap_or_default(), "{other:?}");
            }
        }
        assert_eq!(cat(""), Cat::default());
        assert!(expected.keys().any(|w| w.len() > PACKED), "some words take the long path");
    }

    #[test]
    fn packing_keeps_every_byte_and_pads_with_zeros() {
        let word: Vec<u8> = (1..=16).collect();
        for n in 0..=16 {
            let mut naive = [0u8; 16];
            naive[..n].copy_from_slice(&word[..n]);
            let (lo, hi) = pack(&word[..n]);
            assert_eq!(
                (lo.to_le_bytes(), hi.to_le_bytes()),
                (naive[..8].try_into().unwrap(), naive[8..].try_into().unwrap()),
                "{n}"
            );
        }
    }
}
