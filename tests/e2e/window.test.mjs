// A 1.9 MB document is windowed (issue 11): only the claim rows near the
// list's scroll position and the highlights near the viewport exist, while
// j/k, clicks and the address keep working. The time of one j step is a
// benchmark figure (`node scripts/bench.mjs jstep`), not asserted here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, hugeDocument, saved, start } from './harness.mjs';

const samples = readdirSync(join(ROOT, 'www/samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(ROOT, 'www/samples', f), 'utf8'));

const huge = () => hugeDocument(samples);

describe('a 2 MB document', () => {
  let browser;
  let page;
  before(async () => {
    browser = await start();
    page = await browser.open();
    await saved(page);
  });
  after(async () => { await browser?.stop(); });

  test('is windowed: few rows and highlights exist, yet stepping, clicking and the text are whole', async () => {
    const text = huge();
    await page.evaluate((text) => {
      const box = document.querySelector('[data-testid=paste-input]');
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      document.querySelector('[data-testid=paste-name]').value = 'raksasa';
      document.querySelector('[data-testid=paste-add]').click();
    }, text);
    await page.waitForSelector('.doc-title >> text=raksasa', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=claim-row]');
    const claims = Number((await page.textContent('#claim-list .list-title')).match(/\d+/)[0]);
    assert.ok(claims > 5000, `${claims} claims`);
    const state = () => page.evaluate(() => ({
      rows: document.querySelectorAll('[data-testid=claim-row]').length,
      ranges: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
      text: document.querySelector('[data-testid=doc-text]').textContent.length,
      hash: decodeURIComponent(location.hash),
      selected: document.querySelector('[data-testid=claim-row].selected')?.dataset.claimId ?? null,
      details: document.querySelector('[data-testid=claim-details]')?.dataset.claimId ?? null,
    }));
    let s = await state();
    assert.ok(s.rows < 200, `${s.rows} claim rows in the DOM for ${claims} claims`);
    assert.ok(s.ranges < claims / 4, `${s.ranges} highlight ranges for ${claims} claims`);
    assert.equal(s.text, text.length, 'the whole text is there to select, copy and find');
    // j steps: the selection, the list row, the details and the address follow.
    await page.locator('[data-testid=claim-row]').first().click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    s = await state();
    assert.ok(s.hash.endsWith('#3'), s.hash);
    assert.ok(s.selected?.endsWith('#3') && s.details?.endsWith('#3'), JSON.stringify(s));
    // Far down the list: jump by scrolling the list, click a row there.
    await page.evaluate(() => { document.getElementById('claim-list').scrollTop = 30 * 5000; });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=claim-row]')].some((r) => /#5000$/.test(r.dataset.claimId)));
    await page.click('[data-testid=claim-row][data-claim-id$="#5000"]');
    await page.waitForFunction(() => decodeURIComponent(location.hash).endsWith('#5000'));
    s = await state();
    assert.ok(s.rows < 200, `${s.rows} rows after a jump`);
    // The text there is highlighted (the highlights moved with the viewport) and the claim is selected.
    const near = await page.evaluate(() => {
      const sel = CSS.highlights.get('selected');
      const range = sel && [...sel][0];
      const block = range?.startContainer.parentElement;
      const box = document.querySelector('.doc-scroller').getBoundingClientRect();
      const r = block?.getBoundingClientRect();
      const painted = [...CSS.highlights.entries()].filter(([k]) => k.startsWith('kind-')).some(([, h]) => [...h].some((x) => x.startContainer === range.startContainer));
      return { visible: !!r && r.bottom > box.top && r.top < box.bottom, painted };
    });
    assert.deepEqual(near, { visible: true, painted: true });
    // Accepting there moves on and is saved.
    await page.keyboard.press('a');
    await saved(page);
    assert.deepEqual(browser.errors, []);
  });
});
