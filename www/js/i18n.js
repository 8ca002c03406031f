// Interface text in Bahasa Indonesia (default) and English, for every module
// (exchange.js included). `t(key, vars)`
// looks a string up; `translatePage()` fills every element that carries
// `data-i18n` (textContent), `data-i18n-placeholder`, `data-i18n-title` or
// `data-i18n-aria-label`. Only interface text lives here, never user text.

const STRINGS = {
  id: {
    'app.title': 'klaim — anotasi klaim berita',
    'app.tagline': 'Anotasi klaim berita, sepenuhnya di peramban',
    'nav.library': 'Pustaka',
    'nav.table': 'Tabel klaim',
    'lang.switch': 'English',
    'lang.switch.title': 'Ganti bahasa antarmuka ke bahasa Inggris',
    'help.button': 'Pintasan (?)',
    'help.title': 'Pintasan papan ketik',
    'help.close': 'Tutup',
    'save.saved': 'Tersimpan',
    'save.saving': 'Menyimpan…',
    'save.error': 'Gagal menyimpan',
    'save.memory': 'Tidak tersimpan (penyimpanan tidak tersedia)',
    'undo': 'Urungkan',
    'redo': 'Ulangi',
    'undo.title': 'Urungkan (Ctrl+Z)',
    'redo.title': 'Ulangi (Ctrl+Shift+Z)',
    'library.title': 'Dokumen',
    'library.search': 'Cari di semua dokumen…',
    'library.empty': 'Belum ada dokumen.',
    'library.nomatch': 'Tidak ada dokumen yang cocok.',
    'library.count': '{n} dokumen',
    'library.claims': '{n} klaim',
    'library.reviewed': '{done}/{n} ditinjau',
    'library.rename': 'Ganti nama',
    'library.delete': 'Hapus',
    'library.matches': '{n} kecocokan',
    'add.title': 'Tambah dokumen',
    'add.paste': 'Tempel teks berita di sini…',
    'add.name': 'Nama (opsional)',
    'add.button': 'Tambah',
    'add.file': 'Pilih berkas',
    'add.hint': 'atau seret berkas .txt, .md, .html, .json, .jsonl ke halaman',
    'add.drop': 'Lepaskan berkas untuk menambahkannya',
    'add.pasted': 'Teks tempelan',
    'add.done': '{n} dokumen ditambahkan, {claims} klaim ditemukan',
    'add.working': 'Mengekstrak {done}/{n}…',
    'tags.manage': 'Atur tag',
    'tags.title': 'Set tag',
    'tags.label': 'Label',
    'tags.verdict': 'Vonis',
    'tags.add': 'Tambah tag',
    'tags.new': 'tag baru',
    'tags.remove': 'Hapus tag',
    'doc.none': 'Pilih dokumen di pustaka, atau tambahkan yang baru.',
    'doc.claims': 'Klaim',
    'doc.noclaims': 'Tidak ada klaim dalam dokumen ini.',
    'doc.addclaim': 'Tambah klaim dari seleksi',
    'doc.legend': 'Keterangan',
    'doc.notes': 'Catatan ekstraktor',
    'legend.quote': 'kutipan',
    'legend.reported': 'dilaporkan',
    'legend.unattributed': 'tanpa atribusi',
    'legend.hedged': 'ragu-ragu',
    'legend.denied': 'disangkal',
    'legend.claimant': 'pengklaim',
    'legend.cue': 'penanda',
    'legend.via': 'melalui media',
    'legend.quantity': 'kuantitas',
    'legend.boilerplate': 'bukan isi',
    'kind.quote': 'kutipan',
    'kind.reported': 'dilaporkan',
    'kind.unattributed': 'tanpa atribusi',
    'modality.asserted': 'tegas',
    'modality.hedged': 'ragu-ragu',
    'modality.denied': 'disangkal',
    'status.pending': 'belum ditinjau',
    'status.accepted': 'diterima',
    'status.rejected': 'ditolak',
    'origin.extracted': 'hasil ekstraksi',
    'origin.user': 'ditambahkan pengguna',
    'origin.imported': 'diimpor',
    'details.title': 'Detail klaim',
    'details.none': 'Pilih klaim (klik di teks atau di daftar, atau tekan J/K).',
    'details.accept': 'Terima',
    'details.reject': 'Tolak',
    'details.reset': 'Belum ditinjau',
    'details.delete': 'Hapus klaim',
    'details.delete.confirm': 'Klik lagi untuk menghapus',
    'details.text': 'Teks klaim',
    'details.span': 'Rentang',
    'details.fromsel': 'Dari seleksi',
    'details.clear': 'Kosongkan',
    'details.kind': 'Jenis',
    'details.modality': 'Modalitas',
    'details.claimant': 'Pengklaim',
    'details.resolved': 'Nama lengkap',
    'details.identity': 'Identitas',
    'details.claimant.type': 'Tipe',
    'details.role': 'Jabatan',
    'details.affiliation': 'Afiliasi',
    'claimant.person': 'orang',
    'claimant.organisation': 'organisasi',
    'claimant.group': 'kelompok',
    'claimant.outlet': 'media',
    'details.cue': 'Penanda',
    'details.via': 'Melalui',
    'details.quantities': 'Kuantitas',
    'details.value': 'Nilai',
    'details.unit': 'Satuan',
    'details.qualifier': 'Kualifikasi',
    'details.addquantity': 'Tambah kuantitas dari seleksi',
    'details.tags': 'Tag',
    'details.note': 'Catatan',
    'details.origin': 'Asal',
    'details.edited': 'Diubah',
    'details.none.value': '—',
    'details.nosel': 'Pilih dulu teks di dokumen.',
    'details.note.remote': 'Catatan ini baru diubah di tab lain; teks terbarunya ditampilkan di sini.',
    'table.title': 'Semua klaim',
    'table.filter': 'Saring klaim…',
    'table.any': 'semua',
    'table.count': '{n} dari {total} klaim',
    'table.doc': 'Dokumen',
    'table.text': 'Klaim',
    'table.claimant': 'Pengklaim',
    'table.kind': 'Jenis',
    'table.modality': 'Modalitas',
    'table.quantities': 'Kuantitas',
    'table.tags': 'Tag',
    'table.status': 'Status',
    'table.notag': '(tanpa tag)',
    'msg.deleted': 'Dokumen “{name}” dihapus.',
    'msg.undone': 'Diurungkan: {what}',
    'msg.redone': 'Diulangi: {what}',
    'msg.nothing.undo': 'Tidak ada yang bisa diurungkan.',
    'msg.nothing.redo': 'Tidak ada yang bisa diulangi.',
    'msg.conflict': 'Perubahan ini bertabrakan dengan tab lain; data terbaru dimuat ulang.',
    'msg.changed.elsewhere': 'Tidak bisa diurungkan: data ini sudah diubah di tab lain.',
    'msg.remote': 'Pustaka diperbarui dari tab lain.',
    'msg.storage.failed': 'Penyimpanan di peramban gagal ({why}). Perubahan Anda belum tersimpan dan akan hilang saat halaman ditutup. Ekspor semuanya sekarang.',
    'msg.storage.export': 'Ekspor semua (JSON proyek)',
    'msg.close': 'Tutup',
    'msg.loadfailed': 'Halaman gagal dimuat: {why}',
    'err.too_large': '“{name}” terlalu besar: {size} (batas {limit}). Tidak ada yang ditambahkan.',
    'err.binary': '“{name}” bukan berkas teks. Tidak ada yang ditambahkan.',
    'err.empty': '“{name}” tidak berisi teks. Tidak ada yang ditambahkan.',
    'err.malformed': '“{name}” tidak bisa dibaca: {detail}. Tidak ada yang ditambahkan.',
    'err.project': '“{name}” adalah berkas proyek klaim; gunakan impor, bukan tambah dokumen.',
    'err.read': '“{name}” tidak bisa dibaca: {detail}',
    'op.add': 'tambah {n} dokumen',
    'op.rename': 'ganti nama dokumen',
    'op.delete': 'hapus dokumen',
    'op.status': 'ubah status klaim',
    'op.edit': 'ubah klaim',
    'op.tag': 'ubah tag',
    'op.note': 'ubah catatan',
    'op.addclaim': 'tambah klaim',
    'op.deleteclaim': 'hapus klaim',
    'op.tags': 'ubah set tag',
    'keys.next': 'Klaim berikutnya',
    'keys.prev': 'Klaim sebelumnya',
    'keys.accept': 'Terima klaim',
    'keys.reject': 'Tolak klaim',
    'keys.tag': 'Pasang/lepas tag ke-n',
    'keys.add': 'Tambah klaim dari teks terpilih',
    'keys.undo': 'Urungkan',
    'keys.redo': 'Ulangi',
    'keys.search': 'Cari dokumen',
    'keys.table': 'Buka tabel klaim',
    'keys.library': 'Kembali ke dokumen',
    'keys.help': 'Tampilkan pintasan ini',
    'keys.escape': 'Tutup dialog / batal',
    // Export and import (exchange.js).
    'format.klaim': 'Proyek klaim (JSON)',
    'format.jsonl': 'JSON Lines (kontrak ekstraksi)',
    'format.csv': 'CSV (spreadsheet)',
    'format.w3c': 'W3C Web Annotation (JSON-LD)',
    'format.doccano': 'doccano (JSONL, titik kode: untuk impor berkas doccano)',
    'format.doccano-utf16': 'doccano (JSONL, UTF-16: untuk editor web doccano bila teks berisi emoji)',
    'format.labelstudio': 'Label Studio (JSON)',
    'format.claimreview': 'ClaimReview schema.org (JSON-LD)',
    'export.label': 'Format ekspor',
    'export.run': 'Ekspor',
    'export.done': 'Diekspor: {name}',
    'export.empty': 'Diekspor: {name}, tetapi kosong: belum ada klaim dengan tag verdict.',
    'export.failed': 'Ekspor gagal: {why}',
    'import.label': 'Impor…',
    'import.title': 'Impor berkas: proyek klaim, JSON Lines klaim, W3C Web Annotation, doccano JSONL atau Label Studio JSON',
    'import.failed': 'Tidak dapat mengimpor “{name}”: {why}. Pustaka tidak berubah.',
    'import.toolarge': 'berkas terlalu besar ({size}; batas {limit})',
    'import.project.title': 'Impor proyek “{name}”',
    'import.project.body': 'Berkas ini berisi {docs} dokumen dan {claims} klaim. Gabungkan dengan pustaka (dokumen dan klaim yang sama: suntingan terbaru menang), atau ganti seluruh pustaka?',
    'import.merge': 'Gabungkan',
    'import.replace': 'Ganti pustaka…',
    'import.cancel': 'Batal',
    'import.replace.body': 'Mengganti pustaka menghapus {docs} dokumen dan {claims} klaim yang ada sekarang. Ekspor dulu agar tidak hilang.',
    'import.replace.export': 'Ekspor pustaka sekarang',
    'import.replace.confirm': 'Ganti sekarang',
    'import.op': 'impor',
    'import.done': 'Diimpor dari {format}: {docs} dokumen baru, {updated} diperbarui, {claims} klaim baru, {claimsUpdated} klaim diperbarui.',
    'import.replaced': 'Pustaka diganti: {docs} dokumen, {claims} klaim.',
    'import.nothing': 'Tidak ada yang baru dalam “{name}”.',
    'import.renamed': '{n} dokumen dengan id yang sudah dipakai teks lain disimpan dengan id baru.',
    'import.warnings.title': 'Catatan impor ({n})',
    'import.warnings.body': 'Bagian berikut dipindahkan atau dilewati; sisanya sudah diimpor.',
  },
  en: {
    'app.title': 'klaim — news claim annotation',
    'app.tagline': 'News claim annotation, entirely in your browser',
    'nav.library': 'Library',
    'nav.table': 'Claims table',
    'lang.switch': 'Bahasa Indonesia',
    'lang.switch.title': 'Switch the interface to Bahasa Indonesia',
    'help.button': 'Shortcuts (?)',
    'help.title': 'Keyboard shortcuts',
    'help.close': 'Close',
    'save.saved': 'Saved',
    'save.saving': 'Saving…',
    'save.error': 'Saving failed',
    'save.memory': 'Not saved (storage unavailable)',
    'undo': 'Undo',
    'redo': 'Redo',
    'undo.title': 'Undo (Ctrl+Z)',
    'redo.title': 'Redo (Ctrl+Shift+Z)',
    'library.title': 'Documents',
    'library.search': 'Search all documents…',
    'library.empty': 'No documents yet.',
    'library.nomatch': 'No document matches.',
    'library.count': '{n} {n|document|documents}',
    'library.claims': '{n} {n|claim|claims}',
    'library.reviewed': '{done}/{n} reviewed',
    'library.rename': 'Rename',
    'library.delete': 'Delete',
    'library.matches': '{n} {n|match|matches}',
    'add.title': 'Add documents',
    'add.paste': 'Paste a news article here…',
    'add.name': 'Name (optional)',
    'add.button': 'Add',
    'add.file': 'Choose files',
    'add.hint': 'or drop .txt, .md, .html, .json, .jsonl files on the page',
    'add.drop': 'Drop files to add them',
    'add.pasted': 'Pasted text',
    'add.done': '{n} {n|document|documents} added, {claims} {claims|claim|claims} found',
    'add.working': 'Extracting {done}/{n}…',
    'tags.manage': 'Manage tags',
    'tags.title': 'Tag set',
    'tags.label': 'Label',
    'tags.verdict': 'Verdict',
    'tags.add': 'Add tag',
    'tags.new': 'new tag',
    'tags.remove': 'Remove tag',
    'doc.none': 'Choose a document in the library, or add a new one.',
    'doc.claims': 'Claims',
    'doc.noclaims': 'No claims in this document.',
    'doc.addclaim': 'Add claim from selection',
    'doc.legend': 'Legend',
    'doc.notes': 'Extractor notes',
    'legend.quote': 'quote',
    'legend.reported': 'reported',
    'legend.unattributed': 'unattributed',
    'legend.hedged': 'hedged',
    'legend.denied': 'denied',
    'legend.claimant': 'claimant',
    'legend.cue': 'cue',
    'legend.via': 'via outlet',
    'legend.quantity': 'quantity',
    'legend.boilerplate': 'boilerplate',
    'kind.quote': 'quote',
    'kind.reported': 'reported',
    'kind.unattributed': 'unattributed',
    'modality.asserted': 'asserted',
    'modality.hedged': 'hedged',
    'modality.denied': 'denied',
    'status.pending': 'not reviewed',
    'status.accepted': 'accepted',
    'status.rejected': 'rejected',
    'origin.extracted': 'extracted',
    'origin.user': 'added by user',
    'origin.imported': 'imported',
    'details.title': 'Claim details',
    'details.none': 'Select a claim (click it in the text or the list, or press J/K).',
    'details.accept': 'Accept',
    'details.reject': 'Reject',
    'details.reset': 'Not reviewed',
    'details.delete': 'Delete claim',
    'details.delete.confirm': 'Click again to delete',
    'details.text': 'Claim text',
    'details.span': 'Span',
    'details.fromsel': 'From selection',
    'details.clear': 'Clear',
    'details.kind': 'Kind',
    'details.modality': 'Modality',
    'details.claimant': 'Claimant',
    'details.resolved': 'Full name',
    'details.identity': 'Identity',
    'details.claimant.type': 'Type',
    'details.role': 'Role',
    'details.affiliation': 'Affiliation',
    'claimant.person': 'person',
    'claimant.organisation': 'organisation',
    'claimant.group': 'group',
    'claimant.outlet': 'outlet',
    'details.cue': 'Cue',
    'details.via': 'Via',
    'details.quantities': 'Quantities',
    'details.value': 'Value',
    'details.unit': 'Unit',
    'details.qualifier': 'Qualifier',
    'details.addquantity': 'Add quantity from selection',
    'details.tags': 'Tags',
    'details.note': 'Note',
    'details.origin': 'Origin',
    'details.edited': 'Edited',
    'details.none.value': '—',
    'details.nosel': 'Select some text in the document first.',
    'details.note.remote': 'This note was just changed in another tab; its latest text is shown here.',
    'table.title': 'All claims',
    'table.filter': 'Filter claims…',
    'table.any': 'any',
    'table.count': '{n} of {total} {total|claim|claims}',
    'table.doc': 'Document',
    'table.text': 'Claim',
    'table.claimant': 'Claimant',
    'table.kind': 'Kind',
    'table.modality': 'Modality',
    'table.quantities': 'Quantities',
    'table.tags': 'Tags',
    'table.status': 'Status',
    'table.notag': '(no tag)',
    'msg.deleted': 'Document “{name}” deleted.',
    'msg.undone': 'Undone: {what}',
    'msg.redone': 'Redone: {what}',
    'msg.nothing.undo': 'Nothing to undo.',
    'msg.nothing.redo': 'Nothing to redo.',
    'msg.conflict': 'This change clashed with another tab; the latest data was reloaded.',
    'msg.changed.elsewhere': 'Cannot undo: this was changed in another tab since.',
    'msg.remote': 'Library updated from another tab.',
    'msg.storage.failed': 'Browser storage failed ({why}). Your changes are not saved and will be lost when the page closes. Export everything now.',
    'msg.storage.export': 'Export everything (project JSON)',
    'msg.close': 'Close',
    'msg.loadfailed': 'The page failed to load: {why}',
    'err.too_large': '“{name}” is too large: {size} (the limit is {limit}). Nothing was added.',
    'err.binary': '“{name}” is not a text file. Nothing was added.',
    'err.empty': '“{name}” has no text. Nothing was added.',
    'err.malformed': '“{name}” cannot be read: {detail}. Nothing was added.',
    'err.project': '“{name}” is a klaim project file; import it rather than adding it as a document.',
    'err.read': '“{name}” cannot be read: {detail}',
    'op.add': 'add {n} {n|document|documents}',
    'op.rename': 'rename document',
    'op.delete': 'delete document',
    'op.status': 'change claim status',
    'op.edit': 'edit claim',
    'op.tag': 'change tags',
    'op.note': 'change note',
    'op.addclaim': 'add claim',
    'op.deleteclaim': 'delete claim',
    'op.tags': 'change tag set',
    'keys.next': 'Next claim',
    'keys.prev': 'Previous claim',
    'keys.accept': 'Accept claim',
    'keys.reject': 'Reject claim',
    'keys.tag': 'Toggle the n-th tag',
    'keys.add': 'Add a claim from the selected text',
    'keys.undo': 'Undo',
    'keys.redo': 'Redo',
    'keys.search': 'Search documents',
    'keys.table': 'Open the claims table',
    'keys.library': 'Back to the document',
    'keys.help': 'Show these shortcuts',
    'keys.escape': 'Close a dialog / cancel',
    // Export and import (exchange.js).
    'format.klaim': 'klaim project (JSON)',
    'format.jsonl': 'JSON Lines (extraction contract)',
    'format.csv': 'CSV (spreadsheet)',
    'format.w3c': 'W3C Web Annotation (JSON-LD)',
    'format.doccano': "doccano (JSONL, code points: for doccano's file import)",
    'format.doccano-utf16': "doccano (JSONL, UTF-16: for doccano's web editor when the text has emoji)",
    'format.labelstudio': 'Label Studio (JSON)',
    'format.claimreview': 'schema.org ClaimReview (JSON-LD)',
    'export.label': 'Export format',
    'export.run': 'Export',
    'export.done': 'Exported: {name}',
    'export.empty': 'Exported: {name}, but it is empty: no claim has a verdict tag yet.',
    'export.failed': 'Export failed: {why}',
    'import.label': 'Import…',
    'import.title': 'Import a file: klaim project, klaim JSON Lines, W3C Web Annotation, doccano JSONL or Label Studio JSON',
    'import.failed': 'Cannot import “{name}”: {why}. The library is unchanged.',
    'import.toolarge': 'the file is too large ({size}; limit {limit})',
    'import.project.title': 'Import project “{name}”',
    'import.project.body': 'This file holds {docs} {docs|document|documents} and {claims} {claims|claim|claims}. Merge it into the library (same documents and claims: the latest edit wins), or replace the whole library?',
    'import.merge': 'Merge',
    'import.replace': 'Replace library…',
    'import.cancel': 'Cancel',
    'import.replace.body': 'Replacing the library removes the {docs} {docs|document|documents} and {claims} {claims|claim|claims} it holds now. Export them first so nothing is lost.',
    'import.replace.export': 'Export the library now',
    'import.replace.confirm': 'Replace now',
    'import.op': 'import',
    'import.done': 'Imported from {format}: {docs} new {docs|document|documents}, {updated} updated, {claims} new {claims|claim|claims}, {claimsUpdated} {claimsUpdated|claim|claims} updated.',
    'import.replaced': 'Library replaced: {docs} {docs|document|documents}, {claims} {claims|claim|claims}.',
    'import.nothing': 'Nothing new in “{name}”.',
    'import.renamed': '{n} {n|document|documents} whose id another text already had {n|was|were} kept under a new id.',
    'import.warnings.title': 'Import notes ({n})',
    'import.warnings.body': 'These parts were moved or skipped; the rest is imported.',
  },
};

const KEY = 'klaim.lang';
/** Locales for dates and numbers: English dates in day-month order (en-GB). */
const LOCALES = { id: 'id-ID', en: 'en-GB' };
let lang = readLang();
const listeners = [];

function readLang() {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved in STRINGS) return saved;
  } catch { /* Storage may be off; the default language still works. */ }
  return 'id';
}

export function language() {
  return lang;
}

/** Adds strings kept in another module ({id: {...}, en: {...}}), so a
 * feature's words can live beside it without every helper editing this file. */
export function addStrings(more) {
  for (const [code, strings] of Object.entries(more)) Object.assign(STRINGS[code], strings);
}

/** Every interface string of `code` ('id' or 'en'), for the tests' checks. */
export function catalog(code) {
  return { ...STRINGS[code] };
}

/** Calls `fn(lang)` after every language switch, once the page's
 * `data-i18n` elements are translated. Views redraw their own text there. */
export function onLanguageChange(fn) {
  listeners.push(fn);
}

export function setLanguage(next) {
  if (!(next in STRINGS) || next === lang) return;
  lang = next;
  try { localStorage.setItem(KEY, next); } catch { /* See readLang. */ }
  translatePage();
  for (const fn of listeners) fn(lang);
}

/**
 * The string for `key` with `{name}` placeholders filled from `vars`.
 * `{name|one|other}` is the plural form for the number `vars.name` in the
 * current language (Intl.PluralRules): `{n} {n|claim|claims}`.
 */
export function t(key, vars = {}) {
  const s = STRINGS[lang][key] ?? STRINGS.id[key] ?? key;
  return s.replace(/\{(\w+)((?:\|[^|{}]*)*)\}/g, (whole, k, forms) => {
    if (!(k in vars)) return whole;
    if (!forms) return String(vars[k]);
    const [one, other] = forms.slice(1).split('|');
    return plurals().select(Number(vars[k])) === 'one' ? one : other ?? one;
  });
}

let pluralRules = null;
function plurals() {
  if (pluralRules?.lang !== lang) pluralRules = { lang, rules: new Intl.PluralRules(LOCALES[lang]) };
  return pluralRules.rules;
}

export function translatePage(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const [attr, data] of [['placeholder', 'i18nPlaceholder'], ['title', 'i18nTitle'], ['aria-label', 'i18nAriaLabel']]) {
    for (const el of root.querySelectorAll(`[data-${attr === 'aria-label' ? 'i18n-aria-label' : 'i18n-' + attr}]`)) {
      el.setAttribute(attr, t(el.dataset[data]));
    }
  }
}

/** A date and time (an ISO string or a Date) in the interface language. */
export function dateTime(value) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value ?? '');
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Bytes as a short human size in decimal units (as file managers and the
 * core's limits count them), in the current language's number format. */
export function bytes(n) {
  const fmt = (x) => x.toLocaleString(LOCALES[lang], { maximumFractionDigits: 1 });
  if (n >= 1e6) return `${fmt(n / 1e6)} MB`;
  if (n >= 1e3) return `${fmt(n / 1e3)} KB`;
  return `${n} B`;
}
