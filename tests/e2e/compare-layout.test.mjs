// The compare view's layout at 1400x900 (user test 5 #7, #14): a group with
// long claimant names and three columns of numbers shows every cell whole,
// none over another and none beyond the panel's right edge; two groups whose
// first claim is the same are told apart in the list and in the join menu;
// and the claim list beside a document shows more than a few claims.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, before, after } from 'node:test';
import { ROOT, pickFile, saved, screenshot, start } from './harness.mjs';

const FIXTURES = join(ROOT, 'tests/e2e/fixtures');

/** Two invented articles on one landslide, with long claimant names and
 * two counted things that disagree (houses and the missing). */
function landslide() {
  return ['longsor-kabarjabar', 'longsor-kabarnusa'].map((id) => JSON.stringify({
    id, name: id, text: readFileSync(join(FIXTURES, `${id}.txt`), 'utf8'),
  })).join('\n');
}

/** Boxes of the shown group's cells that overlap one another, or reach
 * past the detail panel's visible right edge or the window's. */
function badBoxes(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid=group-detail]').getBoundingClientRect();
    const right = Math.min(panel.right, window.innerWidth);
    const bad = [];
    // The boxes a cell's content takes (its text lines and elements), not
    // the cell's own box, which is the grid's track whatever overflows it.
    const content = (cell) => {
      const r = document.createRange();
      r.selectNodeContents(cell);
      return [...r.getClientRects()].filter((b) => b.width > 0 && b.height > 0);
    };
    for (const row of document.querySelectorAll('.cmp-row')) {
      const cells = [...row.children].map((c) => ({ c, boxes: content(c) }));
      cells.forEach(({ c, boxes }, i) => {
        const name = `${row.dataset.claimId || 'head'} cell ${i}`;
        for (const b of boxes) {
          if (b.right > right + 0.5) bad.push(`${name} ends at ${Math.round(b.right)} past ${Math.round(right)}: ${c.textContent.slice(0, 40)}`);
        }
        for (const other of cells.slice(i + 1)) {
          for (const a of boxes) {
            for (const b of other.boxes) {
              if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
                bad.push(`${name} (${c.textContent.slice(0, 30)}) over ${other.c.textContent.slice(0, 30)}`);
              }
            }
          }
        }
      });
    }
    return [...new Set(bad)];
  });
}

describe('compare layout at 1400x900', () => {
  let s;
  let page;

  before(async () => {
    s = await start({ viewport: { width: 1400, height: 900 } });
    page = await s.open();
    await saved(page);
    await pickFile(page, 'longsor.jsonl', landslide());
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=doc-list]')?.dataset.count) >= 7, null, { timeout: 30_000 });
    await saved(page);
  });

  after(async () => {
    assert.deepEqual(s.errors, []);
    await s.stop();
  });

  test('long claimant names and three number columns: no cell over another, none cut off', async () => {
    await page.click('[data-testid=nav-compare]');
    await page.waitForFunction(() => window.klaimLinks?.result && window.klaimLinks.state === 'idle', null, { timeout: 30_000 });
    const item = page.locator('[data-testid=group-item][data-claims*="longsor-kabarjabar"][data-claims*="longsor-kabarnusa"]').first();
    await item.click();
    await page.waitForSelector('[data-testid=compare-row][data-doc=longsor-kabarnusa]');
    const columns = await page.$$eval('.cmp-head [role=columnheader].num', (els) => els.length);
    assert.ok(columns >= 2, `the group shows two or more number columns (${columns})`);
    await screenshot(page, 'compare-1400');
    assert.deepEqual(await badBoxes(page), []);
  });
});

describe('telling groups apart; the claim list beside a document', () => {
  let s;
  let page;

  before(async () => {
    s = await start({ viewport: { width: 1400, height: 900 } });
    page = await s.open();
    await saved(page);
  });

  after(async () => {
    assert.deepEqual(s.errors, []);
    await s.stop();
  });

  test('two groups that begin with the same claim are told apart, in the list and in the join menu', async () => {
    await page.click('[data-testid=nav-compare]');
    await page.waitForFunction(() => window.klaimLinks?.result && window.klaimLinks.state === 'idle', null, { timeout: 30_000 });
    // A claim may be in two groups (the linking guidelines allow it; on the
    // samples one claim is): the core's order of a group's claims may put
    // it first in both, as user test 5 saw. That order is the core's, so
    // the result is reordered here to show such a pair.
    const shared = await page.evaluate(() => {
      const links = window.klaimLinks;
      const seen = new Map();
      for (const g of links.result.groups) {
        for (const c of g.claims) {
          const other = seen.get(c.id);
          if (other && other !== g) {
            for (const x of [g, other]) x.claims.unshift(...x.claims.splice(x.claims.indexOf(x.claims.find((y) => y.id === c.id)), 1));
            links.emit();
            return c.id;
          }
          seen.set(c.id, g);
        }
      }
      return null;
    });
    assert.ok(shared, 'a claim of the samples is in two groups');
    await page.waitForFunction((id) => [...document.querySelectorAll('[data-testid=group-item]')].filter((e) => e.dataset.claims.startsWith(id)).length === 2, shared);
    const labels = await page.$$eval('[data-testid=group-item]', (els) => els.map((e) => e.querySelector('.group-label').textContent));
    assert.ok(labels.length >= 5, `groups listed: ${labels.length}`);
    const twice = (xs) => xs.filter((x, i) => xs.indexOf(x) !== i);
    assert.deepEqual(twice(labels), []);
    // The join menu of a group lists every other group under a label of its own.
    await page.click(`[data-testid=group-item]:not([data-claims^="${shared}"])`);
    const options = await page.$$eval('[data-testid=compare-join-pick] option', (els) => els.map((e) => e.textContent));
    assert.deepEqual(twice(options), []);
  });

  test('the claim list beside a document shows at least six claims at 1400x900', async () => {
    await page.goto(`${s.url}#/doc/001_070c2e44d61fb293/001_070c2e44d61fb293%230`);
    await page.waitForSelector('[data-testid=claim-details]');
    const shown = await page.evaluate(() => {
      const box = document.querySelector('[data-testid=claim-list]').getBoundingClientRect();
      return [...document.querySelectorAll('[data-testid=claim-row]')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= box.top - 1 && r.bottom <= Math.min(box.bottom, innerHeight) + 1;
      }).length;
    });
    assert.ok(shown >= 6, `claims shown whole in the list: ${shown}`);
  });
});
