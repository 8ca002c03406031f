// The views across articles on a library with many groups and people (user
// tests 5 #9 and 6 #4: opening Bandingkan on 1,000 articles held the page's
// thread for 870 ms, drawing every group): only the first groups are drawn,
// more as the list is scrolled to its end, and the chosen group is drawn
// wherever it is; the people view draws its first people and each person's
// first claims, the rest on demand. Timings are `scripts/bench-compare.mjs`'s.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, pickFile, saved, start } from './harness.mjs';
import { benchCorpus } from '../../scripts/bench-lib.mjs';

const samples = readdirSync(join(ROOT, 'www/samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(ROOT, 'www/samples', f), 'utf8'));

describe('compare and people on a library of 120 articles', () => {
  let s;
  let page;

  before(async () => {
    s = await start({ viewport: { width: 1400, height: 900 } });
    page = await s.open();
    await saved(page);
    await pickFile(page, 'banyak.jsonl', benchCorpus(samples, 120));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=doc-list]')?.dataset.count) >= 125, null, { timeout: 120_000 });
    await saved(page);
  });

  after(async () => {
    assert.deepEqual(s.errors, []);
    await s.stop();
  });

  test('the compare view draws the first groups and more as its list is scrolled', async () => {
    await page.click('[data-testid=nav-compare]');
    await page.waitForFunction(() => window.klaimLinks?.result && window.klaimLinks.state === 'idle', null, { timeout: 120_000 });
    await page.waitForSelector('[data-testid=group-item]');
    const total = await page.evaluate(() => window.klaimLinks.result.groups.length);
    const drawn = () => page.$$eval('[data-testid=group-item]', (els) => els.length);
    assert.ok(total > 60, `groups: ${total}`);
    assert.equal(Number(await page.getAttribute('[data-testid=group-list]', 'data-count')), total);
    const first = await drawn();
    assert.ok(first < total && first <= 60, `drawn at first: ${first} of ${total}`);
    // Scrolled to its end, the list draws the next groups.
    await page.evaluate(() => { const nav = document.querySelector('.group-nav'); nav.scrollTop = nav.scrollHeight; });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=group-item]').length > n, first);
    // The join menu holds every other group once it is used.
    await page.focus('[data-testid=compare-join-pick]');
    assert.equal(await page.$$eval('[data-testid=compare-join-pick] option[value]:not([value=""])', (els) => els.length), total - 1);
  });

  test('the people view draws its first people and a person\'s first claims, the rest on demand', async () => {
    await page.click('[data-testid=nav-people]');
    await page.waitForSelector('[data-testid=person]');
    const count = Number(await page.getAttribute('[data-testid=people-list]', 'data-count'));
    const people = await page.$$eval('[data-testid=person]', (els) => els.map((e) => ({ claims: e.dataset.claims.split(' ').length, shown: e.querySelectorAll('[data-testid=person-claim]').length })));
    assert.ok(people.length <= 40 && people.length <= count, `people drawn: ${people.length} of ${count}`);
    const big = people.findIndex((p) => p.claims > 12);
    assert.ok(big >= 0, `a person with many claims: ${JSON.stringify(people.slice(0, 5))}`);
    assert.equal(people[big].shown, 12);
    await page.locator('[data-testid=person]').nth(big).locator('[data-testid=person-all-claims]').click();
    await page.waitForFunction(([i, n]) => document.querySelectorAll('[data-testid=person]')[i].querySelectorAll('[data-testid=person-claim]').length === n, [big, people[big].claims]);
  });
});
