// Tests of the built wasm package (www/pkg, from scripts/build.sh) under
// Node: offsets in both units on text with emoji and curly quotes, the same
// claims as the native CLI on the sample articles, intake through wasm.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const wasm = await import(`${ROOT}www/pkg/klaim.js`);
wasm.initSync({ module: readFileSync(`${ROOT}www/pkg/klaim_bg.wasm`) });

const SAMPLES = `${ROOT}www/samples/`;
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();

/** Every span of a record: the claim and its parts. */
function spans(record) {
  const out = [];
  for (const c of record.claims) {
    out.push(c, ...[c.claimant, c.cue, c.via].filter(Boolean), ...c.quantities);
  }
  out.push(...record.boilerplate.filter((b) => b.text));
  return out;
}

const codePoints = (text, start, end) => Array.from(text).slice(start, end).join('');

const TRICKY = [
  '“Harga beras naik 😀 5 persen bulan ini,” kata Menteri Perdagangan Budi Santoso 👍🏽 di Jakarta.',
  'Menurut Badan Pusat Statistik (BPS) 📊, inflasi mencapai 3,2 persen pada ‘kuartal’ ketiga.',
  'Ia mengatakan bahwa 👨‍👩‍👧 keluarga menerima bantuan Rp 600.000 per bulan.',
].join('\n');

test('UTF-16 offsets slice the same text in JavaScript', () => {
  const record = wasm.extract('tricky', TRICKY, 'utf16');
  assert.ok(record.claims.length > 0, 'the extractor finds claims in the tricky text');
  for (const s of spans(record)) assert.equal(TRICKY.slice(s.start, s.end), s.text, JSON.stringify(s));
});

test('code point offsets slice the same text as Python would', () => {
  const record = wasm.extract('tricky', TRICKY, 'codepoint');
  assert.ok(record.claims.length > 0);
  for (const s of spans(record)) assert.equal(codePoints(TRICKY, s.start, s.end), s.text, JSON.stringify(s));
});

test('TextIndex converts DOM offsets to code points and back', () => {
  const index = new wasm.TextIndex(TRICKY);
  try {
    assert.equal(index.len('utf16'), TRICKY.length);
    assert.equal(index.len('codepoint'), Array.from(TRICKY).length);
    let cp = 0;
    for (let u = 0; u <= TRICKY.length; u++) {
      const boundary = u === TRICKY.length || !(TRICKY.charCodeAt(u) >= 0xdc00 && TRICKY.charCodeAt(u) <= 0xdfff);
      assert.equal(index.isBoundary(u, 'utf16'), boundary, `utf16 ${u}`);
      if (!boundary) continue;
      assert.equal(index.convert(u, 'utf16', 'codepoint'), cp, `utf16 ${u}`);
      assert.equal(index.convert(cp, 'codepoint', 'utf16'), u, `codepoint ${cp}`);
      cp++;
    }
    const all = index.convertAll(Uint32Array.from([0, 1, 20, TRICKY.length]), 'utf16', 'codepoint');
    assert.deepEqual([...all], [0, 1, index.convert(20, 'utf16', 'codepoint'), Array.from(TRICKY).length]);
    assert.throws(() => index.convert(0, 'utf8', 'utf16'), /unknown unit/);
  } finally {
    index.free();
  }
});

test('the same claims as the native CLI on the sample articles', () => {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'klaim', '--', 'extract', ...samples.map((f) => SAMPLES + f)], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const native = out.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(native.length, samples.length);
  let claims = 0;
  for (const record of native) {
    const text = readFileSync(`${SAMPLES}${record.id}.txt`, 'utf8');
    const mine = wasm.extract(record.id, text, 'codepoint');
    assert.deepEqual(mine, record, record.id);
    claims += record.claims.length;
  }
  assert.ok(claims > 0, 'the samples have claims');
});

test('intake refuses binary input and reduces HTML', () => {
  assert.throws(() => wasm.intake('foto.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), (e) => e.kind === 'binary' && /not a text file/.test(e.message));
  const html = new TextEncoder().encode('<p>Satu &amp; dua</p><script>alert(1)</script><p>Tiga</p>');
  assert.deepEqual(wasm.intake('a.html', html).documents, [{ id: null, name: 'a', text: 'Satu & dua\nTiga', hash: wasm.contentHash('Satu & dua\nTiga') }]);
  assert.throws(() => wasm.intakeText('tempel', ' '), (e) => e.kind === 'empty');
  const limits = wasm.intakeLimits();
  assert.ok(limits.max_document_bytes > 100_000 && limits.max_file_bytes >= limits.max_document_bytes);
});

test('the default tag set comes from the core', () => {
  const tags = wasm.defaultTags();
  assert.deepEqual(tags.map((t) => t.label), ['benar', 'salah', 'menyesatkan', 'perlu dicek', 'tidak dapat diverifikasi', 'layak cek']);
  assert.equal(tags.filter((t) => t.verdict).length, 5);
});

test('search ignores case, keeps the original text in its snippet and counts hits', () => {
  const found = wasm.searchText('KOTA İZMİR 😀 dan izmir lagi', 'izmir', 10, 40);
  assert.equal(found.hits, 1, 'İZMİR folds to i̇zmi̇r, not izmir');
  assert.deepEqual(wasm.searchText('Kata Kirby, kirby yakin.', 'KIRBY', 10, 40), {
    hits: 2,
    snippet: { before: 'Kata ', hit: 'Kirby', after: ', kirby yakin.', cut_before: false, cut_after: false },
  });
  assert.deepEqual(wasm.searchText('apa saja', '  ', 10, 40), { hits: 0, snippet: null });
});

test('a selected quantity is read by the core', () => {
  assert.deepEqual(wasm.quantityIn('lebih dari 3 juta peluru'), { value: 3_000_000, unit: 'peluru', qualifier: 'lebih dari' });
  assert.deepEqual(wasm.quantityIn('Rp 2,3 miliar'), { value: 2_300_000_000, unit: 'rupiah', qualifier: null });
  assert.equal(wasm.quantityIn('ratusan warga'), null);
});

test('search starts are UTF-16 offsets into the text searched', () => {
  const text = '😀 Kirby\u0000“kirby” dan İzmir';
  const starts = wasm.searchStarts(text, 'KIRBY', 10);
  assert.deepEqual(Array.from(starts, (s) => text.slice(s, s + 5)), ['Kirby', 'kirby']);
  assert.equal(wasm.searchStarts(text, 'i̇zmir', 10).length, 1);
});

test('link returns the same object as `klaim link` on the sample articles', () => {
  const texts = samples.map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(SAMPLES + f, 'utf8') }));
  const input = texts.map((d) => JSON.stringify(d)).join('\n');
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'klaim', '--', 'link', '--jsonl', '-'], {
    cwd: ROOT, encoding: 'utf8', input, maxBuffer: 64 << 20, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const native = JSON.parse(out);
  // The page passes its stored documents: the extraction record plus the outlet.
  const documents = texts.map(({ id, text }) => ({
    ...wasm.extract(id, text, 'codepoint'), text, outlet: wasm.textFacts(text).outlet ?? null,
  }));
  const mine = wasm.link(documents);
  assert.deepEqual(mine, native);
  assert.ok(mine.groups.length > 0, 'the samples share claims');
  assert.ok(mine.groups.some((g) => g.conflicts.length > 0), 'and disagree on a number');
});

test('LinkLibrary gives the page every field of a person that link gives', () => {
  const documents = samples.map((f) => {
    const id = f.replace(/\.txt$/, '');
    const text = readFileSync(SAMPLES + f, 'utf8');
    return { ...wasm.extract(id, text, 'codepoint'), text, outlet: wasm.textFacts(text).outlet ?? null };
  });
  const whole = wasm.link(documents);
  const library = new wasm.LinkLibrary();
  for (const d of documents) library.upsert(d);
  const page = JSON.parse(library.link());
  // The page's shape leaves out the claims' texts, nothing else.
  const withoutText = ({ text, ...ref }) => ref;
  assert.deepEqual(page.people, whole.people.map((p) => ({ ...p, claims: p.claims.map(withoutText) })));
  assert.ok(page.people.some((p) => p.roles.length && p.aliases.length), 'the samples name a person with a role and another name');
});

test('carryOver takes page records as they are stored and keeps the user\'s work', () => {
  const text = TRICKY;
  const record = wasm.extract('d', text, 'codepoint');
  assert.ok(record.claims.length > 0);
  // As the page stores them: `doc`, `rev` and `conflicts` beside the project fields.
  const claims = record.claims.map((c, i) => ({
    id: `d#${i}`, doc: 'd', ...c, origin: 'extracted', status: 'pending', tags: [], note: '', edited: 'a', rev: 3, conflicts: [],
  }));
  claims[0] = { ...claims[0], status: 'accepted', tags: ['salah'], note: 'cek', changed: ['claimant'], claimant: { ...claims[0].claimant, resolved: 'Budi S.' } };
  const doc = { id: 'd', name: 'd', text, added: 'a', edited: 'a', boilerplate: [], entities: [], notes: [], rev: 2, extractor: 1, claims };
  const { claims: after, report } = wasm.carryOver(doc, record.claims, 'b');
  assert.equal(report.moved, 1);
  assert.equal(report.replaced, claims.length - 1);
  assert.equal(wasm.extractorVersion() >= 1, true);
  const kept = after.find((c) => c.id === 'd#0');
  assert.equal(kept.status, 'accepted');
  assert.deepEqual(kept.tags, ['salah']);
  assert.equal(kept.note, 'cek');
  assert.equal(kept.claimant.resolved, 'Budi S.');
  assert.deepEqual(kept.changed, ['claimant']);
});
