// Reading on while an import runs (issue 9, part 1): the open document and
// claim stay open, their controls are not redrawn under the pointer, and the
// links are computed once the import is over, not after each batch (each run
// would take the worker from the extraction, and redraw the views).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pickFile, saved, start, ROOT } from './harness.mjs';

const samples = readdirSync(join(ROOT, 'www/samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(ROOT, 'www/samples', f), 'utf8'));
const corpus = (n) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `baca-${i}`, title: `Bacaan ${i + 1}`, text: `${samples[i % 5]}\nBacaan nomor ${i + 1}.` })).join('\n');
const DOC = '000_bef3302d05d81497';

describe('reading while an import runs', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('the open claim stays open and its buttons stay put; the links run once, after the import', { timeout: 300_000 }, async () => {
    const claim = `${DOC}#2`;
    const page = await browser.open(`#/doc/${DOC}/${encodeURIComponent(claim)}`);
    await page.waitForSelector('body[data-extractor=worker]');
    await saved(page);
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    await page.waitForFunction(() => window.klaimLinks.state === 'idle', null, { timeout: 60_000 });
    // Each batch comes 400 ms after the one before (a slow machine), longer
    // than the links wait for changes to settle.
    await page.evaluate(async () => {
      const extractor = await window.klaimModel.extractorReady;
      const batch = extractor.importBatch.bind(extractor);
      extractor.importBatch = (...args) => new Promise((r) => setTimeout(r, 400)).then(() => batch(...args));
      const links = window.klaimLinks;
      const run = links.run.bind(links);
      window.__runs = [];
      links.run = (...args) => { window.__runs.push(window.klaimModel.importing); return run(...args); };
      document.querySelector('[data-testid=claim-accept]').__mark = true;
      // Whether the accept button was ever another element during the import.
      window.__redrawn = 0;
      const watch = () => {
        if (!document.querySelector('[data-testid=claim-accept]')?.__mark) window.__redrawn++;
        if (window.__watching) setTimeout(watch, 20);
      };
      window.__watching = true;
      setTimeout(watch, 20);
    });
    await pickFile(page, 'bacaan.jsonl', corpus(40));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=doc-list]').dataset.count) >= 45, null, { timeout: 120_000 });
    await page.waitForFunction(() => !window.klaimModel.importing && window.klaimModel.pending === 0, null, { timeout: 60_000 });
    await saved(page);
    const during = await page.evaluate(() => { window.__watching = false; return { runs: window.__runs.filter((n) => n > 0).length, redrawn: window.__redrawn }; });
    await page.waitForFunction(() => window.klaimLinks.state === 'idle' && window.__runs.length > 0, null, { timeout: 60_000 });
    assert.deepEqual(during, { runs: 0, redrawn: 0 }, 'no link run and no redrawn button while the import ran');
    // The reader is where they were.
    assert.equal(await page.getAttribute('[data-testid=claim-details]', 'data-claim-id'), claim);
    assert.equal(await page.getAttribute('.doc-row.active', 'data-doc-id'), DOC);
    assert.deepEqual(browser.errors, []);
  });
});
