// Layout (issue 11): the page works at 390 px wide, and messages never cover
// a control, at 390 px or at 1440 px.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { saved, start } from './harness.mjs';

const CLAIM = '000_bef3302d05d81497/000_bef3302d05d81497%230';

/** Visible controls outside the message area that a message overlaps. */
function coveredControls(page) {
  return page.evaluate(() => {
    const toasts = [...document.querySelectorAll('#toasts .toast')].map((t) => t.getBoundingClientRect());
    const controls = [...document.querySelectorAll('button, input, select, textarea, a[href], [tabindex="0"]')]
      .filter((el) => !el.closest('#toasts') && el.offsetParent !== null);
    const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    // The part of a control that shows: cut by every scrolling ancestor.
    const shown = (el) => {
      let r = el.getBoundingClientRect();
      r = { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflow === 'visible') continue;
        const c = a.getBoundingClientRect();
        r = { left: Math.max(r.left, c.left), right: Math.min(r.right, c.right), top: Math.max(r.top, c.top), bottom: Math.min(r.bottom, c.bottom) };
      }
      return r.right > r.left && r.bottom > r.top ? r : null;
    };
    return controls.filter((el) => {
      const r = shown(el);
      return r && toasts.some((t) => hit(r, t));
    }).map((el) => el.dataset.testid ?? el.textContent.trim().slice(0, 30) ?? el.tagName);
  });
}

async function fourMessages(page) {
  for (let i = 0; i < 6; i++) await page.locator('body').press('Control+Shift+z'); // "Nothing to redo"
  await page.waitForFunction(() => document.querySelectorAll('#toasts .toast').length >= 4);
}

describe('layout', () => {
  test('at 1440 px, messages cover no control', async () => {
    const browser = await start({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await browser.open(`#/doc/${CLAIM}`);
      await saved(page);
      await fourMessages(page);
      assert.deepEqual(await coveredControls(page), []);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.stop();
    }
  });

  test('at 1400 px during a big import: the top bar keeps its rows, the progress message covers no control', async () => {
    const browser = await start({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await browser.open(`#/doc/${CLAIM}`);
      await saved(page);
      // The bar's height and where each of its controls sits.
      const bar = () => page.evaluate(() => [document.querySelector('.topbar').getBoundingClientRect().height,
        ...[...document.querySelectorAll('.topbar button, .topbar select, .topbar a')].filter((el) => el.offsetParent)
          .map((el) => { const r = el.getBoundingClientRect(); return `${el.dataset.testid ?? el.id} ${Math.round(r.left)},${Math.round(r.top)}`; })]);
      const before = await bar();
      const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `imp-${i}`, title: `Berita ${i}`, text: `Menurut polisi, ${i + 3} orang ditahan di Bandung. "Kami masih menyelidiki," kata Kapolres AKBP Budi Santoso, Senin.` }));
      await page.setInputFiles('[data-testid=file-input]', { name: 'banyak.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) });
      // Before: "Mengimpor: 730 dokumen belum tersimpan" moved the controls
      // after it, or pushed them to a second row.
      await page.waitForFunction(() => /\d{3,} dokumen/.test(document.querySelector('[data-testid=save-state]').textContent), null, { timeout: 20_000, polling: 10 });
      assert.deepEqual(await bar(), before, 'the top bar moved');
      assert.match(await page.getAttribute('[data-testid=save-state]', 'title'), /\d+ dokumen belum tersimpan/);
      await page.waitForSelector('[data-testid=job-progress]');
      // Scrolled to its end, the document list's last rows stay usable.
      await page.evaluate(() => { const l = document.querySelector('#library'); l.scrollTop = l.scrollHeight; });
      assert.deepEqual(await coveredControls(page), []);
      await page.click('[data-testid=job-cancel]');
      await page.waitForSelector('[data-testid=job-cancelled]', { timeout: 60_000 });
      await saved(page);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.stop();
    }
  });

  test('at 390 px: no sideways scrolling, the text is readable, the decision buttons work, messages cover nothing', async () => {
    const browser = await start({ viewport: { width: 390, height: 844 } });
    try {
      const page = await browser.open(`#/doc/${CLAIM}`);
      await saved(page);
      const box = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        text: document.querySelector('[data-testid=doc-text]').getBoundingClientRect().width,
      }));
      assert.ok(box.scroll <= 390, `page is ${box.scroll} px wide`);
      assert.ok(box.text >= 300, `text column ${box.text} px`);
      await page.locator('[data-testid=claim-accept]').scrollIntoViewIfNeeded();
      await page.click('[data-testid=claim-accept]');
      await page.waitForSelector('[data-testid=claim-details] [data-status-badge].status-accepted');
      await fourMessages(page);
      assert.deepEqual(await coveredControls(page), []);
      // The table too fits the width (it scrolls inside itself).
      await page.evaluate(() => { location.hash = '#/table'; });
      await page.waitForSelector('[data-testid=table-row]');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.stop();
    }
  });
});
