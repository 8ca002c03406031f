// Import messages in the interface language (issues 10 and 11): the core
// returns codes and parameters (klaim::exchange::Message); the Indonesian
// page words every one of them in Indonesian, with its place (baris,
// anotasi, tugas), and shows no English from the core.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { saved, start } from './harness.mjs';

const ENGLISH = /\b(skipped|not placed|dropped|matched by|kept as|line \d|annotation \d|task \d|re-anchored|placed by)\b/;

async function exportAs(page, format) {
  await page.selectOption('[data-testid=export-format]', format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-run]')]);
  return readFileSync(await download.path(), 'utf8');
}

/** Imports `text` as file `name`; the messages dialog's items. */
async function importMessages(page, name, text) {
  await page.setInputFiles('[data-testid=import-input]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const dialog = page.locator('[data-testid=import-warnings]');
  await dialog.waitFor();
  const items = await dialog.locator('li').allTextContents();
  await dialog.locator('button').last().click();
  await saved(page);
  return items;
}

describe('import messages', () => {
  let browser;
  let page;
  before(async () => {
    browser = await start();
    page = await browser.open();
    await saved(page);
  });
  after(async () => { await browser?.stop(); });

  test('a W3C file: each unplaceable annotation is named in Indonesian', async () => {
    const library = JSON.parse(await exportAs(page, 'klaim'));
    const doc = library.documents[0];
    const exact = Array.from(doc.text).slice(0, 30).join('');
    const anno = (target, extra = {}) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', target, ...extra });
    const file = JSON.stringify([
      // Placed: by its quote (no source).
      anno({ selector: { type: 'TextQuoteSelector', exact } }, { body: [{ type: 'TextualBody', purpose: 'linking', value: 'x' }] }),
      anno({ selector: { type: 'TextQuoteSelector', exact: 'kalimat yang tidak ada di pustaka mana pun' } }),
      anno({ source: doc.id, selector: { type: 'TextPositionSelector', start: 0, end: 999999 } }),
      anno({ source: doc.id }),
      { type: 'Note' },
      42,
    ]);
    const items = await importMessages(page, 'rekan.jsonld', file);
    const expected = [
      /^anotasi 1: tidak punya `target.source`; ditempatkan menurut kutipannya di “.+” pada 0\.\.30\.$/,
      /^anotasi 1: body dengan purpose “linking” \(“x”\) dibuang: klaim tidak punya tempat untuknya\.$/,
      /^anotasi 2: tidak ditempatkan: tidak punya `target.source` dan kutipannya tidak ditemukan tepat di satu tempat\.$/,
      /^anotasi 3: dilewati, posisi 0\.\.999999 di luar teks \(\d+ titik kode\)\.$/,
      /^anotasi 4: dilewati, targetnya tanpa selector \(menganotasi seluruh dokumen\)\.$/,
      /^anotasi 5: dilewati, `type` bukan `Annotation`\.$/,
      /^anotasi 6: dilewati, bukan objek JSON\.$/,
    ];
    for (const re of expected) assert.ok(items.some((i) => re.test(i)), `${re} in\n${items.join('\n')}`);
    for (const item of items) assert.doesNotMatch(item, ENGLISH, item);
    assert.equal(items.length, expected.length, items.join('\n'));
  });

  test('a doccano file: a bad record, a bad line, a kept relation and comment, in Indonesian', async () => {
    const text = 'Menurut BPS, inflasi tiga persen tahun ini. Kata dia, harga beras naik.';
    const file = [
      JSON.stringify({ id: 'd1', text, entities: [{ id: 1, label: 'quote', start_offset: 0, end_offset: 43 }, { id: 2, label: 'quote', start_offset: 44, end_offset: 71 }], relations: [{ id: 1, from_id: 1, to_id: 2, type: 'contradicts' }, { id: 2, from_id: 1, to_id: 99, type: 'x' }], Comments: ['cek data'] }),
      JSON.stringify({ id: 'd2', label: [] }),
      '{rusak',
    ].join('\n');
    const items = await importMessages(page, 'doccano.jsonl', file);
    const expected = [
      /^baris 1, relations\[0\]: relasi \(contradicts\) disimpan sebagai relasi antara dua klaim\.$/,
      /^baris 1, relations\[1\]: relasi dibuang: entitasnya tidak ada di rekaman\.$/,
      /^baris 1: 1 komentar disimpan sebagai catatan pada klaim rekaman ini\.$/,
      /^baris 2: dilewati, rekaman tidak dapat dibaca \(rincian: .+\)\.$/,
      /^baris 3: dilewati, bukan JSON yang sah \(rincian: .+\)\.$/,
    ];
    for (const re of expected) assert.ok(items.some((i) => re.test(i)), `${re} in\n${items.join('\n')}`);
    // The parser's own detail is in English, after a plain sentence.
    for (const item of items) assert.doesNotMatch(item.replace(/\(rincian: .+\)/, ''), ENGLISH, item);
  });

  test('an export warning is worded in Indonesian', async () => {
    // With no verdict tag nothing is downloaded, and the page says why.
    await page.selectOption('[data-testid=export-format]', 'claimreview');
    await page.click('[data-testid=export-run]');
    const empty = page.locator('[data-testid=export-empty]');
    await empty.waitFor();
    assert.match(await empty.textContent(), /ClaimReview: tidak ada yang diekspor, belum ada klaim dengan tag verdict/);
    // One claim tagged with a verdict: before the file is made, the page
    // asks for what Google's markup still needs, in Indonesian.
    await page.locator('[data-testid=claim-row]').first().click();
    await page.click('[data-testid=tag-salah]');
    await saved(page);
    await page.click('[data-testid=export-run]');
    const dialog = page.locator('[data-testid=publisher-dialog]');
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /Markup cek fakta Google mewajibkan author dan url di setiap ClaimReview/);
    assert.doesNotMatch(await dialog.textContent(), /requires|Web address/);
    await Promise.all([page.waitForEvent('download'), page.click('[data-testid=publisher-skip]')]);
  });

  test('the same messages in English after switching the language', async () => {
    await page.click('[data-testid=lang-switch]');
    const file = JSON.stringify({ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'kalimat yang tidak ada di pustaka mana pun' } } });
    // A file with nothing placed at all is refused as a whole; add one the library has.
    const library = JSON.parse(await exportAs(page, 'klaim'));
    const exact = Array.from(library.documents[1].text).slice(0, 25).join('');
    const both = `[${file}, ${JSON.stringify({ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact } } })}]`;
    const items = await importMessages(page, 'en.jsonld', both);
    assert.ok(items.some((i) => /^annotation 1: not placed: it has no `target.source` and its quote is not found in exactly one place\.$/.test(i)), items.join('\n'));
    await page.click('[data-testid=lang-switch]');
  });

  test('no errors on the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});
