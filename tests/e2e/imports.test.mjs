// End-to-end tests of imports that tell the truth (issue 11): duplicates by
// content with a choice to keep both, a JSON array of {text} records
// extracted, JSON Lines records' own id, url, published and outlet kept, and
// a report of what was added, skipped and dropped.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { saved, start } from './harness.mjs';

const ARTICLE = 'Menurut polisi, 12 orang ditahan di Bandung.\n"Kami masih menyelidiki," kata Kapolres AKBP Budi Santoso, Senin.';
const rows = (page) => page.locator('[data-testid=doc-row]');

async function addFile(page, name, text) {
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

async function report(page) {
  const el = page.locator('[data-testid=message]', { hasText: /dokumen ditambahkan/ }).first();
  await el.waitFor();
  const text = await el.textContent();
  await page.evaluate(() => document.querySelectorAll('[data-testid=message]').forEach((e) => e.remove()));
  return text;
}

describe('imports', () => {
  let browser;
  let page;
  before(async () => {
    browser = await start();
    page = await browser.open();
    await saved(page);
  });
  after(async () => { await browser?.stop(); });

  test('the same file added twice: the copy is noticed; skip it or keep both', async () => {
    await addFile(page, 'berita.txt', ARTICLE);
    assert.match(await report(page), /^1 dokumen ditambahkan, 2 klaim ditemukan/);
    await saved(page);
    assert.equal(await rows(page).count(), 6);
    // Same text, other spacing and line ends: the same document.
    await addFile(page, 'berita-lagi.txt', ARTICLE.replace('\n', '\r\n  ').replace('polisi,', 'polisi,  '));
    await page.waitForSelector('[data-testid=dup-dialog]');
    await page.click('[data-testid=dup-skip]');
    assert.match(await report(page), /^0 dokumen ditambahkan, 0 klaim ditemukan\. 1 duplikat dilewati/);
    assert.equal(await rows(page).count(), 6);
    await addFile(page, 'berita.txt', ARTICLE);
    await page.click('[data-testid=dup-keep]');
    assert.match(await report(page), /^1 dokumen ditambahkan, 2 klaim ditemukan\. 1 duplikat tetap ditambahkan/);
    assert.equal(await rows(page).count(), 7);
    await saved(page);
  });

  test('the same JSON Lines imported twice does not double the library; the records keep their id, url, published and outlet', async () => {
    const lines = [
      { id: 'kompas-1', title: 'Satu', text: 'Menurut BPS, inflasi mencapai 2,8 persen.', url: 'https://contoh.id/1', published: '2024-03-01', outlet: 'Kompas' },
      { id: 'kompas-2', title: 'Dua', text: '"Harga beras naik," kata Menteri Budi, Senin.' },
      { id: 'kompas-3', title: 'Kosong', text: '   ' },
    ].map((r) => JSON.stringify(r)).join('\n');
    await addFile(page, 'korpus.jsonl', lines);
    const first = await report(page);
    assert.match(first, /^2 dokumen ditambahkan, 2 klaim ditemukan\. 1 catatan dibuang: “korpus\.jsonl” catatan ke-3 tanpa teks/);
    await saved(page);
    assert.equal(await rows(page).count(), 9);
    await addFile(page, 'korpus.jsonl', lines);
    await page.click('[data-testid=dup-skip]');
    assert.match(await report(page), /2 duplikat dilewati/);
    assert.equal(await rows(page).count(), 9);
    // The project file keeps the record's facts.
    await page.selectOption('[data-testid=export-format]', 'klaim');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-run]')]);
    const project = JSON.parse(await readFile(await download.path(), 'utf8'));
    const doc = project.documents.find((d) => d.id === 'kompas-1');
    assert.ok(doc, `ids: ${project.documents.map((d) => d.id).join(' ')}`);
    assert.deepEqual([doc.url, doc.published, doc.outlet], ['https://contoh.id/1', '2024-03-01', 'Kompas']);
  });

  test('a JSON array of {text} records through Import is extracted, not imported as empty doccano', async () => {
    const records = [
      { text: 'Menurut polisi, 30 orang ditahan di Medan.' },
      { text: '"Kami menolak kenaikan itu," kata Ketua Serikat Buruh Said Iqbal, Selasa.' },
    ];
    await page.setInputFiles('[data-testid=import-input]', { name: 'teks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(records)) });
    const text = await report(page);
    const m = text.match(/^(\d+) dokumen ditambahkan, (\d+) klaim ditemukan/);
    assert.ok(m, text);
    assert.equal(Number(m[1]), 2);
    assert.ok(Number(m[2]) >= 2, text);
    await saved(page);
    assert.equal(await rows(page).count(), 11);
  });

  test('a broken file is refused in the interface language, no English from the core', async () => {
    await addFile(page, 'rusak.jsonl', '{"text": "satu"}\n{rusak');
    const error = page.locator('[data-testid=intake-error]').first();
    await error.waitFor();
    const text = await error.textContent();
    assert.match(text, /“rusak\.jsonl” tidak bisa dibaca: isinya bukan JSON yang sah \(catatan ke-2\)/);
    assert.doesNotMatch(text, /record|not JSON|expected/);
  });

  test('no errors on the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});
