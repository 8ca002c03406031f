// Re-extraction keeps the user's work (issue 9, part 6), and the undo
// history survives a reload. The page is made to believe its extractor is
// newer than the one that extracted the library with the test hook
// `?extractor-version=N` (www/js/reextract.js).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saved, selectText, start } from './harness.mjs';

const ARTICLE = [
  'JAKARTA – Pemerintah menaikkan harga beras medium sebesar 5 persen mulai bulan depan.',
  '“Kami sudah menghitung dampaknya terhadap inflasi,” kata Menteri Perdagangan Budi Santoso di Jakarta, Senin.',
  'Menurut Badan Pusat Statistik, inflasi bulan lalu mencapai 2,8 persen.',
  'Warga di pasar mengeluhkan harga yang terus naik sejak awal tahun.',
].join('\n');

const row = (page, id) => page.locator(`[data-testid=claim-row][data-claim-id="${id}"]`);

/** The user's work on document `doc`, as the page holds it. */
function work(page, doc) {
  return page.evaluate((doc) => window.klaimModel.claimsOf(doc).map((c) => ({
    id: c.id, start: c.start, end: c.end, origin: c.origin, status: c.status, tags: c.tags, note: c.note,
    claimant: c.claimant?.resolved ?? null,
  })), doc);
}

async function openClaim(page, id) {
  await row(page, id).click();
  await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
}

describe('re-extraction', () => {
  let browser;
  let page;
  let doc;
  let ids;

  before(async () => {
    browser = await start();
    page = await browser.open();
    await saved(page);
    await page.fill('[data-testid=paste-input]', ARTICLE);
    await page.fill('[data-testid=paste-name]', 'Harga beras');
    await page.click('[data-testid=paste-add]');
    await page.waitForSelector('.doc-row.active >> text=Harga beras');
    await saved(page);
    doc = await page.evaluate(() => window.klaimModel.documentList().find((d) => d.name === 'Harga beras').id);
    ids = (await work(page, doc)).map((c) => c.id);
  });

  after(async () => {
    await browser?.stop();
  });

  test('every decision survives re-extraction and a reload', async () => {
    assert.ok(ids.length >= 4, `claims: ${ids.length}`);
    const [first, quote, third] = ids;
    await openClaim(page, first);
    await page.click('[data-testid=claim-accept]');
    await page.click('[data-testid=tag-salah]');
    await page.fill('[data-testid=claim-note]', 'Cek data BPS');
    await openClaim(page, quote);
    await page.fill('[data-testid=claim-claimant]', 'Budi Santoso (Mendag)');
    await openClaim(page, third);
    await page.click('[data-testid=claim-reject]');
    // A claim of the user's own, inside an extracted one.
    const at = ARTICLE.indexOf('harga beras medium');
    await selectText(page, at, at + 'harga beras medium'.length);
    await page.click('[data-testid=add-claim]');
    await saved(page);
    const before = await work(page, doc);
    const mine = before.filter((c) => c.origin === 'user');
    assert.equal(mine.length, 1);
    assert.equal(await page.locator('[data-testid=reextract-offer]').count(), 0, 'no offer while the extractor is the same');

    // The page now runs a "newer" extractor.
    await page.goto(`${browser.url}?extractor-version=99#/doc/${encodeURIComponent(doc)}`);
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('[data-testid=reextract-offer]');
    // Extraction and carry-over run in the worker.
    await page.waitForSelector('body[data-extractor=worker]');
    await page.click('[data-testid=reextract-run]');
    const report = await page.waitForSelector('[data-testid=reextract-report]', { timeout: 30_000 });
    const words = await report.textContent();
    await saved(page);
    const docs = await page.evaluate(() => window.klaimModel.documentList().map((d) => d.extractor));
    assert.ok(docs.every((v) => v === 99), `extractor recorded: ${docs}`);

    const check = async (when) => {
      const after = await work(page, doc);
      const byId = new Map(after.map((c) => [c.id, c]));
      assert.equal(byId.get(first)?.status, 'accepted', when);
      assert.deepEqual(byId.get(first)?.tags, ['salah'], when);
      assert.equal(byId.get(first)?.note, 'Cek data BPS', when);
      assert.equal(byId.get(quote)?.claimant, 'Budi Santoso (Mendag)', when);
      assert.equal(byId.get(third)?.status, 'rejected', when);
      const user = after.filter((c) => c.origin === 'user');
      assert.deepEqual(user.map(({ start, end, status }) => ({ start, end, status })), mine.map(({ start, end, status }) => ({ start, end, status })), when);
      assert.equal(after.length, before.length, when);
    };
    await check('after re-extraction');
    // The report counts the claims whose work moved (3), those not matched
    // (0) and the user claim kept (1), in the interface language.
    assert.match(words, /pada 3 klaim dipindahkan|on 3 claims moved/, words);
    assert.match(words, /; 0 klaim tidak cocok|; 0 claims could not/, words);
    assert.match(words, /; 1 klaim Anda sendiri tetap|1 of your own claim kept/, words);

    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await check('after a reload');
    assert.equal(await page.locator('[data-testid=reextract-offer]').count(), 0, 'no second offer');
    await openClaim(page, first);
    assert.equal(await row(page, first).getAttribute('data-status'), 'accepted');
    assert.equal(await page.inputValue('[data-testid=claim-note]'), 'Cek data BPS');
  });

  test('the undo history survives a reload', async () => {
    const id = ids[3];
    await openClaim(page, id);
    assert.equal(await row(page, id).getAttribute('data-status'), 'pending');
    await page.click('[data-testid=claim-accept]');
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector(`[data-testid=claim-row][data-claim-id="${id}"][data-status=accepted]`);
    await page.locator('body').press('Control+z');
    await page.waitForSelector(`[data-testid=claim-row][data-claim-id="${id}"][data-status=pending]`, { timeout: 5_000 });
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await row(page, id).getAttribute('data-status'), 'pending', 'the undo is stored');
    // And redo is there too.
    await page.locator('body').press('Control+Shift+z');
    await page.waitForSelector(`[data-testid=claim-row][data-claim-id="${id}"][data-status=accepted]`, { timeout: 5_000 });
    assert.deepEqual(browser.errors, []);
  });
});
