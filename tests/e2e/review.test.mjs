// The review flow (issue 11): a/r move on to the next pending claim (and can
// be told not to), the claim list can show only pending claims, the table
// filters by claimant and unit and is driven by the keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saved, start } from './harness.mjs';

const DOC = '001_070c2e44d61fb293';

describe('review', () => {
  let browser;
  let page;
  before(async () => {
    browser = await start();
    page = await browser.open(`#/doc/${DOC}`);
    await saved(page);
  });
  after(async () => { await browser?.stop(); });

  const details = () => page.getAttribute('[data-testid=claim-details]', 'data-claim-id');

  test('a and r move on to the next pending claim; turned off, they stay', async () => {
    const ids = await page.locator('[data-testid=claim-row]').evaluateAll((els) => els.map((e) => e.dataset.claimId));
    await page.click(`[data-testid=claim-row][data-claim-id="${ids[0]}"]`);
    // The third claim is decided already: `r` on the second skips it.
    await page.click(`[data-testid=claim-row][data-claim-id="${ids[2]}"]`);
    await page.locator('body').press('a');
    await page.waitForFunction((id) => document.querySelector('[data-testid=claim-details]')?.dataset.claimId === id, ids[3]);
    await page.click(`[data-testid=claim-row][data-claim-id="${ids[1]}"]`);
    await page.locator('body').press('r');
    await page.waitForFunction((id) => document.querySelector('[data-testid=claim-details]')?.dataset.claimId === id, ids[3]);
    assert.equal(await page.getAttribute(`[data-testid=claim-row][data-claim-id="${ids[1]}"]`, 'data-status'), 'rejected');
    await page.uncheck('[data-testid=review-advance]');
    await page.locator('body').press('a');
    await saved(page);
    assert.equal(await details(), ids[3], 'with the setting off, a stays');
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await page.isChecked('[data-testid=review-advance]'), false, 'the setting is kept');
    await page.check('[data-testid=review-advance]');
  });

  test('the claim list can show only pending claims; j steps over them', async () => {
    const all = await page.locator('[data-testid=claim-row]').count();
    await page.check('[data-testid=pending-only]');
    // Pending ones, and the selected claim (deciding it does not pull it away).
    const statuses = await page.locator('[data-testid=claim-row]:not(.selected)').evaluateAll((els) => els.map((e) => e.dataset.status));
    assert.ok(statuses.length < all - 1 && statuses.length > 0, `${statuses.length} of ${all}`);
    assert.deepEqual([...new Set(statuses)], ['pending']);
    await page.locator('[data-testid=claim-row]').first().click();
    await page.locator('body').press('j');
    const now = await details();
    assert.equal(await page.getAttribute(`[data-testid=claim-row][data-claim-id="${now}"]`, 'data-status'), 'pending');
    await page.uncheck('[data-testid=pending-only]');
    assert.equal(await page.locator('[data-testid=claim-row]').count(), all);
  });

  test('the table filters by status, claimant and unit, and the keyboard walks and opens its rows', async () => {
    await page.evaluate(() => { location.hash = '#/table'; });
    await page.waitForSelector('[data-testid=table-row]');
    const count = async () => Number((await page.textContent('[data-testid=table-count]')).match(/\d+/)[0]);
    const total = await count();
    await page.selectOption('[data-testid=filter-status]', 'pending');
    const pending = await count();
    assert.ok(pending < total, `${pending} pending of ${total}`);
    await page.selectOption('[data-testid=filter-status]', '');
    const claimant = await page.locator('[data-testid=filter-claimant] option').nth(1).getAttribute('value');
    await page.selectOption('[data-testid=filter-claimant]', claimant);
    const cells = await page.locator('[data-testid=table-row] .c-claimant > span:first-child').allTextContents();
    assert.ok(cells.length > 0 && cells.every((c) => c === claimant), `${claimant}: ${cells.join(' | ')}`);
    await page.selectOption('[data-testid=filter-claimant]', '');
    const unit = await page.locator('[data-testid=filter-unit] option').nth(1).getAttribute('value');
    assert.ok(unit, 'some quantity has a unit');
    await page.selectOption('[data-testid=filter-unit]', unit);
    const withUnit = await count();
    assert.ok(withUnit > 0 && withUnit < total, `${withUnit} with ${unit}`);
    await page.selectOption('[data-testid=filter-unit]', '');
    // Keyboard: focus the rows, go down twice, open.
    await page.focus('[data-testid=table-scroller]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('[data-testid=table-row].active', 'data-claim-id');
    assert.equal(active, await page.locator('[data-testid=table-row]').nth(1).getAttribute('data-claim-id'));
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    assert.equal(await page.getAttribute('[data-testid=table-row].active', 'data-index'), '0');
    const first = await page.getAttribute('[data-testid=table-row].active', 'data-claim-id');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('[data-testid=claim-details]')?.dataset.claimId === id, first);
  });

  test('no errors on the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});
