// The library list at scale (issue 9): with 1,205 documents only the rows in
// view exist, and the list still does everything it does with five: every
// row reachable by scrolling and by the keyboard, the open document marked,
// claim counts kept current, rename, search and list semantics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pickFile, saved, start } from './harness.mjs';

const N = 1200;
const corpus = Array.from({ length: N }, (_, i) => JSON.stringify({
  id: `lib-${i}`, title: `Berita ${i}`,
  text: `Menurut polisi, ${i + 3} orang ditahan di Bandung. "Kami masih menyelidiki," kata Kapolres AKBP Budi Santoso, Senin.`,
})).join('\n');

const rows = (page) => page.locator('[data-testid=doc-row]');
const listed = (page) => page.evaluate(() => Number(document.querySelector('[data-testid=doc-list]').dataset.count));

describe('a library of 1,205 documents', () => {
  let browser;
  let page;

  before(async () => {
    browser = await start();
    page = await browser.open();
    await saved(page);
    await pickFile(page, 'banyak.jsonl', corpus);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=doc-list]')?.dataset.count) === n, N + 5, { timeout: 300_000 });
    await saved(page);
  });

  after(async () => {
    await browser?.stop();
  });

  test('only the rows in view exist, each saying where it stands in the whole list', async () => {
    assert.equal(await listed(page), N + 5);
    const drawn = await rows(page).count();
    assert.ok(drawn > 5 && drawn < 60, `${drawn} rows in the DOM`);
    const first = rows(page).first();
    assert.equal(await first.getAttribute('aria-setsize'), String(N + 5));
    assert.equal(await first.getAttribute('aria-posinset'), '1');
    assert.match(await page.textContent('.library .count'), /1205/);
  });

  test('scrolled to its end, the last document is there, opens and is marked open', async () => {
    await page.evaluate(() => { const l = document.querySelector('[data-testid=doc-scroll]'); l.scrollTop = l.scrollHeight; });
    const last = page.locator('[data-testid=doc-row][data-doc-id=lib-1199]');
    await last.waitFor();
    assert.equal(await last.getAttribute('aria-posinset'), String(N + 5));
    assert.ok(await rows(page).count() < 60);
    await last.locator('.doc-name').click();
    await page.waitForSelector('.doc-title >> text=Berita 1199');
    await page.waitForSelector('.doc-row.active[data-doc-id=lib-1199]');
    // Away and back: the row is drawn anew, still marked open.
    await page.evaluate(() => { document.querySelector('[data-testid=doc-scroll]').scrollTop = 0; });
    await page.waitForSelector('[data-testid=doc-row][data-doc-id=lib-1199]', { state: 'detached' });
    await page.evaluate(() => { const l = document.querySelector('[data-testid=doc-scroll]'); l.scrollTop = l.scrollHeight; });
    await page.waitForSelector('.doc-row.active[data-doc-id=lib-1199]');
  });

  test('the keyboard walks every row: End, arrows, Home, Enter opens', async () => {
    await rows(page).first().locator('.doc-name').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.closest('.doc-row')?.dataset.docId === 'lib-1199');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.activeElement?.closest('.doc-row')?.dataset.docId === 'lib-1198');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.doc-title >> text=Berita 1198');
    await page.waitForSelector('.doc-row.active[data-doc-id=lib-1198]');
    await rows(page).last().locator('.doc-name').focus();
    await page.keyboard.press('Home');
    const firstId = await page.evaluate(() => window.klaimModel.documentList()[0].id);
    await page.waitForFunction((id) => document.activeElement?.closest('.doc-row')?.dataset.docId === id, firstId);
    // Down, row after row, past the rows drawn at first.
    for (let i = 0; i < 70; i++) await page.keyboard.press('ArrowDown');
    const at = await page.evaluate(() => Number(document.activeElement?.closest('.doc-row')?.getAttribute('aria-posinset')));
    assert.equal(at, 71);
    assert.ok(await rows(page).count() < 60);
  });

  test('a claim decided in a document far down the list updates its row', async () => {
    await page.goto(`${browser.url}#/doc/lib-1150`);
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('.doc-title >> text=Berita 1150');
    await page.locator('[data-testid=claim-row]').first().click();
    await page.locator('body').press('a');
    await page.evaluate(() => { const l = document.querySelector('[data-testid=doc-scroll]'); l.scrollTop = l.scrollHeight * (1150 / 1205); });
    const row = page.locator('[data-testid=doc-row][data-doc-id=lib-1150]');
    await row.waitFor();
    assert.match(await row.locator('.doc-meta').textContent(), /1\/\d+/);
    await saved(page);
  });

  test('rename a row far down the list; search finds it among all 1,205', async () => {
    await page.evaluate(() => { const l = document.querySelector('[data-testid=doc-scroll]'); l.scrollTop = l.scrollHeight; });
    const row = page.locator('[data-testid=doc-row][data-doc-id=lib-1197]');
    await row.locator('[data-testid=doc-rename]').click();
    await page.fill('[data-testid=rename-input]', 'Nama baru di ujung');
    await page.press('[data-testid=rename-input]', 'Enter');
    await page.waitForSelector('[data-doc-id=lib-1197] >> text=Nama baru di ujung');
    await page.fill('[data-testid=library-search]', 'ujung');
    await page.waitForFunction(() => document.querySelector('[data-testid=doc-list]').dataset.count === '1');
    assert.equal(await rows(page).count(), 1);
    await page.fill('[data-testid=library-search]', 'ditahan');
    await page.waitForFunction((n) => document.querySelector('[data-testid=doc-list]').dataset.count === String(n), N);
    assert.ok(await rows(page).count() < 60);
    assert.match(await rows(page).first().locator('.doc-snippet').textContent(), /ditahan/);
    await page.fill('[data-testid=library-search]', '');
    await page.waitForFunction((n) => document.querySelector('[data-testid=doc-list]').dataset.count === String(n), N + 5);
    await saved(page);
  });

  test('no errors on the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});
