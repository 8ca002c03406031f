// Printing (issue 11): an article prints with its highlighted claims and,
// after it, each claim with its decision, verdict and note; the claims table
// prints as a list of the rows its filter shows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saved, start } from './harness.mjs';

const DOC = '000_bef3302d05d81497';

describe('print', () => {
  let browser;
  let page;
  before(async () => {
    browser = await start();
    page = await browser.open(`#/doc/${DOC}/${encodeURIComponent(`${DOC}#1`)}`);
    await saved(page);
  });
  after(async () => { await browser?.stop(); });

  const printing = (page) => page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const shown = (page, selector) => page.evaluate((s) => [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0), selector);

  test('an article: the text with highlights, the claims with decision, verdict and note; no controls', async () => {
    await page.click('[data-testid=tag-salah]');
    await page.fill('[data-testid=claim-note]', 'dibantah pejabat lain');
    await page.click('[data-testid=claim-reject]');
    await saved(page);
    await printing(page);
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await shown(page, '[data-testid=doc-text]'), true);
      for (const hidden of ['.topbar', '#library', '#side', '[data-testid=add-claim]']) assert.equal(await shown(page, hidden), false, hidden);
      assert.ok(await page.evaluate(() => CSS.highlights.size > 0));
      const items = await page.locator('[data-testid=print-claim]').allTextContents();
      const claims = Number((await page.textContent('#claim-list .list-title')).match(/\d+/)[0]);
      assert.equal(items.length, claims);
      const noted = items.find((x) => x.includes('dibantah pejabat lain'));
      assert.ok(noted, items.join('\n'));
      assert.match(noted, /ditolak/i);
      assert.match(noted, /salah/);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    }
  });

  test('the table: a list of the rows the filter shows', async () => {
    await page.evaluate(() => { location.hash = '#/table'; });
    await page.waitForSelector('[data-testid=table-row]');
    await page.selectOption('[data-testid=filter-status]', 'rejected');
    const n = Number((await page.textContent('[data-testid=table-count]')).match(/\d+/)[0]);
    await printing(page);
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await shown(page, '[data-testid=table-view]'), false);
      assert.equal(await page.locator('[data-testid=print-claim]').count(), n);
      assert.match(await page.textContent('[data-testid=print-view]'), /dibantah pejabat lain/);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    assert.deepEqual(browser.errors, []);
  });
});
