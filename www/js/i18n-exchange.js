// The import messages of the core (klaim::exchange::Message: a code, a place
// in the file and named parameters) worded in the interface language. The
// core words them in English only for the CLI; the page words them here.
import { addStrings, t } from './i18n.js';

/** One import message (`{code, at?, params?}`) as a sentence. */
export function wordMessage(m) {
  if (typeof m === 'string') return m;
  const p = { ...(m.params ?? {}) };
  p.quote = p.quote ?? '';
  const url = p.source;
  p.source = m.code === 'review_without_claim' ? (url ? ` (${url})` : '')
    : url ? t('xmsg.source.some', { source: url }) : t('xmsg.source.none');
  p.more = p.count > 1 ? t('xmsg.overlap.more', p) : '';
  p.what = p.start != null ? t('xmsg.quote.at', p) : t('xmsg.quote', p);
  p.names = (p.names ?? []).map((n) => t(`xmsg.part.${n}`) === `xmsg.part.${n}` ? n : t(`xmsg.part.${n}`)).join(', ');
  if (p.field) p.field = t(`xmsg.part.${p.field}`) === `xmsg.part.${p.field}` ? p.field : t(`xmsg.part.${p.field}`);
  const key = `xmsg.${m.code}`;
  const text = t(key, p);
  const sentence = text === key ? m.code : text;
  const at = place(m.at);
  return at ? `${at}: ${sentence}` : sentence;
}

/** Where in the file, in words: `baris 3`, `tugas 2 (id 7), annotations[0]`. */
function place(at) {
  if (!at) return '';
  const parts = [];
  const id = at.id != null ? ` (id ${at.id})` : '';
  if (at.line != null) parts.push(t('xmsg.at.line', { n: at.line }));
  else if (at.task != null) parts.push(t('xmsg.at.task', { n: at.task }) + id);
  else if (at.annotation != null) parts.push(t('xmsg.at.annotation', { n: at.annotation }) + id);
  else if (at.id != null) parts.push(t('xmsg.at.document', { id: at.id }) + (at.name ? ` (${at.name})` : ''));
  else if (at.name) parts.push(at.name);
  if (at.path) parts.push(at.path);
  return parts.join(', ');
}

addStrings({
  id: {
    'xmsg.at.line': 'baris {n}',
    'xmsg.at.task': 'tugas {n}',
    'xmsg.at.annotation': 'anotasi {n}',
    'xmsg.at.document': 'dokumen “{id}”',
    'xmsg.source.some': 'sumbernya “{source}” bukan dokumen di pustaka',
    'xmsg.source.none': 'tidak punya `target.source`',
    'xmsg.quote.at': 'posisi {start}..{end} tidak memuat kutipannya “{quote}”',
    'xmsg.quote': 'kutipan “{quote}”',
    'xmsg.part.reanchored': 'pengklaim/isyarat/perantara (klaimnya dipindahkan)',
    'xmsg.part.claimant': 'pengklaim',
    'xmsg.part.cue': 'isyarat',
    'xmsg.part.via': 'perantara',
    'xmsg.part.quantity': 'angka',
    'xmsg.lone_surrogates': '{count} separuh pasangan surrogate UTF-16 (separuh emoji, sisa potongan JavaScript) dibaca sebagai U+FFFD.',
    'xmsg.matched': 'dikenali dari isi teksnya sebagai dokumen pustaka “{document}”.',
    'xmsg.document_not_placed': 'tidak ditempatkan: pustaka tidak punya dokumen dengan teks ini.',
    'xmsg.span_reanchored': 'rentang {start}..{end} dipindahkan menurut kutipannya ke {to_start}..{to_end}.',
    'xmsg.placed_by_text': 'posisi {start}..{end} tidak memuat teksnya “{quote}”; ditempatkan menurut teksnya di {to_start}..{to_end}.',
    'xmsg.placed_by_quote': '{what}; ditempatkan menurut kutipan di {to_start}..{to_end}.',
    'xmsg.anchored_by_quote': '{source}; ditempatkan menurut kutipannya di “{document}” pada {to_start}..{to_end}.',
    'xmsg.utf16_offsets': 'posisi {start}..{end} dihitung dalam unit UTF-16 (Label Studio lama); dibaca sebagai titik kode {to_start}..{to_end}.',
    'xmsg.span_not_placed': 'rentang {start}..{end} tidak ditempatkan: kutipannya “{quote}” tidak ada di teks pustaka.',
    'xmsg.claim_not_placed': 'klaim “{id}” tidak ditempatkan: teksnya tidak ada di “{document}”.',
    'xmsg.not_json': 'dilewati, bukan JSON yang sah (rincian: {error}).',
    'xmsg.bad_record': 'dilewati, rekaman tidak dapat dibaca (rincian: {error}).',
    'xmsg.duplicate_claim_id': 'dilewati, id klaim `{id}` muncul dua kali.',
    'xmsg.text_absent': 'dilewati: posisi {start}..{end} tidak memuat teksnya “{quote}” dan teks itu tidak ada di dokumen.',
    'xmsg.text_ambiguous': 'dilewati: posisi {start}..{end} tidak memuat teksnya “{quote}” dan teks itu muncul {count} kali.',
    'xmsg.no_text': 'dilewati, `data.text` tidak ada atau bukan teks.',
    'xmsg.not_whole_numbers': 'dilewati, `value.start`/`value.end` bukan bilangan bulat (wilayah XPath teks kaya?).',
    'xmsg.offsets_outside': 'dilewati, posisi {start}..{end} terbalik atau di luar teks ({len} titik kode).',
    'xmsg.quote_mismatch': 'dilewati, teks pada {start}..{end} adalah “{found}”, bukan “{quote}”.',
    'xmsg.not_object': 'dilewati, bukan objek JSON.',
    'xmsg.not_annotation': 'dilewati, `type` bukan `Annotation`.',
    'xmsg.no_target': 'tidak ditempatkan: tidak punya `target`.',
    'xmsg.quote_not_found': 'tidak ditempatkan: {source} dan kutipannya tidak ditemukan tepat di satu tempat.',
    'xmsg.no_selector': 'dilewati, targetnya tanpa selector (menganotasi seluruh dokumen).',
    'xmsg.no_position_or_quote': 'dilewati, tidak punya TextPositionSelector atau TextQuoteSelector.',
    'xmsg.position_outside': 'dilewati, posisi {start}..{end} di luar teks ({len} titik kode).',
    'xmsg.quote_absent': 'dilewati: {what} dan kutipan itu tidak ada di teks.',
    'xmsg.quote_ambiguous': 'dilewati: {what} dan kutipan itu muncul {count} kali di teks.',
    'xmsg.cancelled': 'dibatalkan di Label Studio: tidak diimpor.',
    'xmsg.relation_dropped': 'relasi ({kind}) dari {start}..{end} ke {to_start}..{to_end} dibuang: salah satu ujungnya bukan klaim.',
    'xmsg.relation_no_entities': 'relasi dibuang: entitasnya tidak ada di rekaman.',
    'xmsg.relation_outside': 'dibuang: relasi antara wilayah yang tidak ada di anotasi ini.',
    'xmsg.relations_of_annotator': '{count} relasi milik {name} dibuang: relasi hanya disimpan untuk klaim pustaka.',
    'xmsg.comments_dropped': '{count} komentar dibuang: rekaman tidak punya klaim untuk menampungnya.',
    'xmsg.parts_left_out': '{count} rentang boilerplate atau entitas tidak cocok dengan teks dan ditinggalkan.',
    'xmsg.field_left_out': '{field} tidak cocok dengan teks dan ditinggalkan.',
    'xmsg.not_a_list': '`{field}` dibuang: bukan daftar.',
    'xmsg.prediction_by_id': 'prediksi {id} dibuang (hanya disebut id-nya; hasilnya tidak ada di berkas).',
    'xmsg.result_without_value': 'dibuang: hasil `{kind}` tanpa `value`.',
    'xmsg.task_level_result': 'dibuang: hasil `{kind}` tingkat tugas.',
    'xmsg.result_unread': 'dibuang: hasil `{kind}` yang tidak dibaca klaim.',
    'xmsg.choices_dropped': 'pilihan tingkat tugas ({names}) dibuang: anotasi ini tidak punya klaim untuk diberi tag.',
    'xmsg.body_without_text': 'body tanpa nilai teks dibuang ({kind}).',
    'xmsg.body_dropped': 'body dengan purpose “{kind}” (“{quote}”) dibuang: klaim tidak punya tempat untuknya.',
    'xmsg.fields_dropped': '{names} dibuang (posisinya tidak cocok dengan teks).',
    'xmsg.claimant_not_in_text': 'pengklaimnya “{quote}” tidak ada di teks; klaim diimpor tanpa pengklaim.',
    'xmsg.relation_kept': 'relasi ({kind}) disimpan sebagai relasi antara dua klaim.',
    'xmsg.comments_kept': '{count} komentar disimpan sebagai catatan pada klaim rekaman ini.',
    'xmsg.choices_kept': 'pilihan tingkat tugas ({names}) disimpan sebagai tag pada {count} klaim tugas ini.',
    'xmsg.annotators': '{count} anotator: hasil {name} menjadi klaim pustaka; yang lain ({names}) disimpan terpisah sebagai anotator untuk kesepakatan dan adjudikasi.',
    'xmsg.astral_code_points': 'teks memuat karakter di atas U+FFFF (emoji); posisi dibaca sebagai titik kode, periksa rentangnya bila berkas berasal dari editor doccano.',
    'xmsg.overlaps_note': 'doccano hanya menyimpan satu dari dua rentang yang bertumpang tindih, kecuali proyeknya mengizinkan (pengaturan proyek, “Allow overlapping spans”).',
    'xmsg.overlap': 'klaim pada {start}..{end} dan {to_start}..{to_end} bertumpang tindih{more}.',
    'xmsg.overlap.more': ' ({count} klaim bertumpang tindih dalam dokumen ini)',
    'xmsg.publisher_missing': 'ClaimReview: nama dan alamat organisasi pemeriksa belum diisi (pengaturan); setiap ulasan tanpa `author` dan `url`, yang diwajibkan markup cek fakta Google.',
    'xmsg.review_without_claim': 'sebuah ClaimReview{source} tidak punya claimReviewed; dilewati.',
    'xmsg.no_verdicts': 'ClaimReview: tidak ada yang diekspor, belum ada klaim dengan tag verdict (salah, benar, …). Beri tag verdict pada klaim yang sudah diperiksa; satu ulasan ditulis untuk setiap klaim itu.',
    'xmsg.reviews_not_json': 'bukan berkas ClaimReview: isinya bukan JSON yang sah, dan bukan halaman HTML dengan JSON-LD yang sah.',
    'xmsg.reviews_no_markup': 'halaman ini tidak memuat JSON-LD (<script type="application/ld+json">), jadi tidak ada ClaimReview.',
    'xmsg.reviews_none': 'tidak ada ClaimReview dalam berkas ini.',
    'annotator.report': '{matched} dokumen cocok, {reanchored} klaim dipindahkan, {not_placed} tidak dapat ditempatkan.',
  },
  en: {
    'xmsg.at.line': 'line {n}',
    'xmsg.at.task': 'task {n}',
    'xmsg.at.annotation': 'annotation {n}',
    'xmsg.at.document': 'document “{id}”',
    'xmsg.source.some': 'its source “{source}” is not a document in the library',
    'xmsg.source.none': 'it has no `target.source`',
    'xmsg.quote.at': 'position {start}..{end} does not hold its quote “{quote}”',
    'xmsg.quote': 'quote “{quote}”',
    'xmsg.part.reanchored': 'claimant/cue/via (the claim was re-anchored)',
    'xmsg.part.claimant': 'claimant',
    'xmsg.part.cue': 'cue',
    'xmsg.part.via': 'via',
    'xmsg.part.quantity': 'quantity',
    'xmsg.lone_surrogates': '{count} lone UTF-16 surrogate escape(s) (half of an emoji, as a JavaScript slice can leave) read as U+FFFD.',
    'xmsg.matched': 'matched by content to the library\'s document “{document}”.',
    'xmsg.document_not_placed': 'not placed, the library has no document with this text.',
    'xmsg.span_reanchored': 'span {start}..{end} re-anchored by its quote at {to_start}..{to_end}.',
    'xmsg.placed_by_text': 'offsets {start}..{end} do not hold its text “{quote}”; placed by the text at {to_start}..{to_end}.',
    'xmsg.placed_by_quote': '{what}; placed by the quote at {to_start}..{to_end}.',
    'xmsg.anchored_by_quote': '{source}; anchored by its quote in “{document}” at {to_start}..{to_end}.',
    'xmsg.utf16_offsets': 'offsets {start}..{end} count UTF-16 units (older Label Studio); read as code points {to_start}..{to_end}.',
    'xmsg.span_not_placed': 'span {start}..{end} not placed: its quote “{quote}” is not in the library\'s text.',
    'xmsg.claim_not_placed': 'claim “{id}” not placed: its text is not in “{document}”.',
    'xmsg.not_json': 'skipped, not valid JSON (detail: {error}).',
    'xmsg.bad_record': 'skipped, the record cannot be read (detail: {error}).',
    'xmsg.duplicate_claim_id': 'skipped, claim id `{id}` appears twice.',
    'xmsg.text_absent': 'skipped: offsets {start}..{end} do not hold its text “{quote}” and the text is not in the document.',
    'xmsg.text_ambiguous': 'skipped: offsets {start}..{end} do not hold its text “{quote}” and the text occurs {count} times.',
    'xmsg.no_text': 'skipped, `data.text` is missing or not a string.',
    'xmsg.not_whole_numbers': 'skipped, `value.start`/`value.end` are not whole numbers (a rich-text XPath region?).',
    'xmsg.offsets_outside': 'skipped, offsets {start}..{end} are reversed or outside the text ({len} code points).',
    'xmsg.quote_mismatch': 'skipped, the text at {start}..{end} is “{found}”, not “{quote}”.',
    'xmsg.not_object': 'skipped, not a JSON object.',
    'xmsg.not_annotation': 'skipped, `type` is not `Annotation`.',
    'xmsg.no_target': 'not placed, it has no `target`.',
    'xmsg.quote_not_found': 'not placed: {source} and its quote is not found in exactly one place.',
    'xmsg.no_selector': 'skipped, its target has no selector (it annotates the whole document).',
    'xmsg.no_position_or_quote': 'skipped, it has no TextPositionSelector or TextQuoteSelector.',
    'xmsg.position_outside': 'skipped, position {start}..{end} is outside the text ({len} code points).',
    'xmsg.quote_absent': 'skipped: {what} and the quote is not in the text.',
    'xmsg.quote_ambiguous': 'skipped: {what} and the quote occurs {count} times in the text.',
    'xmsg.cancelled': 'was cancelled in Label Studio: not imported.',
    'xmsg.relation_dropped': 'dropped a relation ({kind}) from {start}..{end} to {to_start}..{to_end}: one end is not a claim.',
    'xmsg.relation_no_entities': 'dropped a relation: its entities are not in the record.',
    'xmsg.relation_outside': 'dropped, a relation between regions that are not in this annotation.',
    'xmsg.relations_of_annotator': 'dropped {count} relation(s) of {name}: relations are kept for the library\'s claims only.',
    'xmsg.comments_dropped': 'dropped {count} comment(s): the record has no claim to hold them.',
    'xmsg.parts_left_out': '{count} boilerplate or entity spans do not fit the text and were left out.',
    'xmsg.field_left_out': 'its {field} does not fit the text and was left out.',
    'xmsg.not_a_list': 'dropped `{field}`: not a list.',
    'xmsg.prediction_by_id': 'dropped prediction {id} (listed by id only; its results are not in the file).',
    'xmsg.result_without_value': 'dropped, a `{kind}` result without `value`.',
    'xmsg.task_level_result': 'dropped, a task-level `{kind}` result.',
    'xmsg.result_unread': 'dropped, a `{kind}` result klaim does not read.',
    'xmsg.choices_dropped': 'dropped task-level choices ({names}): the annotation has no claim to tag.',
    'xmsg.body_without_text': 'dropped a body without a text value ({kind}).',
    'xmsg.body_dropped': 'dropped a body with purpose “{kind}” (“{quote}”): klaim has no place for it.',
    'xmsg.fields_dropped': 'dropped its {names} (offsets do not fit the text).',
    'xmsg.claimant_not_in_text': 'its claimant “{quote}” is not in the text; the claim is imported without it.',
    'xmsg.relation_kept': 'a relation ({kind}) kept as a relation between two claims.',
    'xmsg.comments_kept': '{count} comment(s) kept as notes on the record\'s claims.',
    'xmsg.choices_kept': 'task-level choices ({names}) kept as tags on the task\'s {count} claims.',
    'xmsg.annotators': '{count} annotators: the results of {name} are the library\'s claims; the others ({names}) are kept apart as annotators for agreement and adjudication.',
    'xmsg.astral_code_points': 'the text has characters beyond U+FFFF (emoji); offsets were read as code points, check its spans if the file came from doccano\'s editor.',
    'xmsg.overlaps_note': 'doccano keeps one of two overlapping spans unless the project allows overlapping spans (project settings, “Allow overlapping spans”).',
    'xmsg.overlap': 'the claims at {start}..{end} and {to_start}..{to_end} overlap{more}.',
    'xmsg.overlap.more': ' ({count} overlapping claims in this document)',
    'xmsg.publisher_missing': 'ClaimReview: the reviewing organisation\'s name and address are not set (settings); every review lacks `author` and `url`, which Google\'s fact-check markup requires.',
    'xmsg.review_without_claim': 'a ClaimReview{source} has no claimReviewed; skipped.',
    'xmsg.no_verdicts': 'ClaimReview: nothing was exported, no claim has a verdict tag yet (salah, benar, …). Tag the claims you checked with a verdict; one review is written for each.',
    'xmsg.reviews_not_json': 'not a ClaimReview file: it is neither valid JSON nor an HTML page with valid JSON-LD.',
    'xmsg.reviews_no_markup': 'the page has no JSON-LD (<script type="application/ld+json">), so no ClaimReview.',
    'xmsg.reviews_none': 'no ClaimReview in the file.',
    'annotator.report': '{matched} {matched|document|documents} matched, {reanchored} {reanchored|claim|claims} re-anchored, {not_placed} not placed.',
  },
});
