// The claims table's text filter (issue 9): each keystroke is one call to the
// core's index, which gives the matching rows already in the sort's order;
// the rest of the table (the claimant and unit choices, built from the whole
// library) is left as it is.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saved, start } from './harness.mjs';

/** The claim ids of the rows the table shows, in order (what printing lists). */
const shownIds = (page) => page.evaluate(() => window.klaimTable.rows.map((r) => r.claim.id));

describe('the claims table filter', () => {
  let browser;
  let page;

  before(async () => {
    browser = await start();
    page = await browser.open();
    await saved(page);
    // A link result changes the library's rows (fact-check column) and so,
    // rightly, the choices: let it come first.
    await page.waitForFunction(() => window.klaimLinks?.result && window.klaimLinks.state === 'idle', null, { timeout: 60_000 });
    await page.click('[data-testid=nav-table]');
    await page.waitForSelector('[data-testid=table-row]');
  });

  after(async () => {
    await browser?.stop();
  });

  test('a keystroke leaves the library\'s choices as they are', async () => {
    await page.fill('[data-testid=filter-text]', '');
    // Mark the options now: refilled, they would be new elements.
    await page.evaluate(() => {
      for (const id of ['filter-claimant', 'filter-unit', 'filter-tag']) document.querySelector(`[data-testid=${id}]`).options[1].marked = true;
    });
    await page.fill('[data-testid=filter-text]', 'kat');
    await page.fill('[data-testid=filter-text]', 'kata');
    const kept = await page.evaluate(() => ['filter-claimant', 'filter-unit', 'filter-tag'].filter((id) => document.querySelector(`[data-testid=${id}]`).options[1].marked));
    await page.fill('[data-testid=filter-text]', '');
    assert.deepEqual(kept, ['filter-claimant', 'filter-unit', 'filter-tag']);
  });

  test('a new link result changes the fact-check column only: the search index and the choices stay', async () => {
    await page.fill('[data-testid=filter-text]', 'kata');
    await page.evaluate(() => {
      window.__index = window.klaimTable.searchIndex();
      for (const id of ['filter-claimant', 'filter-unit', 'filter-tag']) document.querySelector(`[data-testid=${id}]`).options[1].marked = true;
      // The archive now rates every claim (as a link result with matches would say).
      window.__factcheck = window.klaimTable.factcheck;
      window.klaimTable.factcheck = () => 'Salah';
      for (const fn of window.klaimLinks.listeners) fn();
    });
    const after = await page.evaluate(() => ({
      index: window.klaimTable.index === window.__index,
      kept: ['filter-claimant', 'filter-unit', 'filter-tag'].filter((id) => document.querySelector(`[data-testid=${id}]`).options[1].marked),
      cell: document.querySelector('[data-testid=table-row] [data-testid=table-factcheck]').textContent,
    }));
    await page.evaluate(() => {
      window.klaimTable.factcheck = window.__factcheck;
      for (const fn of window.klaimLinks.listeners) fn();
    });
    await page.fill('[data-testid=filter-text]', '');
    assert.deepEqual(after, { index: true, kept: ['filter-claimant', 'filter-unit', 'filter-tag'], cell: 'Salah' });
  });

  test('the rows matched come in the sort\'s order, with the other filters applied', async () => {
    await page.click('[data-testid=sort-claimant]');
    await page.click('[data-testid=sort-claimant]'); // descending
    const all = await shownIds(page);
    assert.equal(all.length, await page.evaluate(() => window.klaimModel.claims.size));
    await page.fill('[data-testid=filter-text]', 'KATA');
    const shown = await shownIds(page);
    // What the filter should keep, by the core's own search, in the order
    // the table had without a filter.
    const expected = await page.evaluate((ids) => ids.filter((id) => {
      const row = window.klaimTable.allRows.find((r) => r.claim.id === id);
      const text = `${row.docName}\n${row.claim.text}\n${row.claimant}\n${row.identity}\n${row.tags}\n${row.claim.note}`;
      return window.klaimModel.kernel.searchText(text, 'KATA', 1, 0).hits > 0;
    }), all);
    assert.ok(shown.length > 3 && shown.length < all.length, `${shown.length} of ${all.length}`);
    assert.deepEqual(shown, expected);
    const first = await page.getAttribute('[data-testid=table-row][data-index="0"]', 'data-claim-id');
    assert.equal(first, shown[0]);
    // With the kind as well: the same order, fewer rows.
    await page.selectOption('[data-testid=filter-kind]', 'quote');
    const quotes = await shownIds(page);
    const kinds = await page.evaluate((ids) => ids.map((id) => window.klaimModel.claims.get(id).kind), shown);
    assert.deepEqual(quotes, shown.filter((_, i) => kinds[i] === 'quote'));
    assert.ok(quotes.length > 1 && quotes.length < shown.length, `${quotes.length} quotes of ${shown.length}`);
    // The keyboard walks them in that order; Enter opens the one it is on.
    await page.focus('[data-testid=table-scroller]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${quotes[1]}"]`);
    await page.click('[data-testid=nav-table]');
    await page.selectOption('[data-testid=filter-kind]', '');
    await page.fill('[data-testid=filter-text]', '');
  });

  test('no errors on the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});
