// Scale (issue 9): a 1,000-article import runs in the extraction worker in
// batches, with a progress bar and Cancel, while the page stays usable; a
// cancelled import leaves only whole documents saved; the worker runs in
// dist/klaim.html from file:// too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { start, saved, stored, pickFile as pick, ROOT } from './harness.mjs';

const samples = readdirSync(join(ROOT, 'www/samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(ROOT, 'www/samples', f), 'utf8'));
/** `n` articles as JSON Lines, each a different text. */
const corpus = (n) => Array.from({ length: n }, (_, i) => JSON.stringify({
  id: `imp-${i}`, title: `Artikel ${i + 1}`, text: `${samples[i % 5]}\nBerita nomor ${i + 1} dari arsip.`,
})).join('\n');

/** Documents and claims per document as IndexedDB holds them. */
async function library(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('klaim');
    req.onsuccess = () => {
      const tx = req.result.transaction(['documents', 'claims']);
      const docs = tx.objectStore('documents').getAllKeys();
      const claims = tx.objectStore('claims').getAll();
      tx.oncomplete = () => {
        const perDoc = {};
        for (const c of claims.result) perDoc[c.doc] = (perDoc[c.doc] ?? 0) + 1;
        resolve({ docs: docs.result, perDoc });
        req.result.close();
      };
    };
    req.onerror = () => reject(req.error);
  }));
}

let browser;
before(async () => { browser = await start(); });
after(async () => { await browser.stop(); });

test('a 1,000-article import runs in the worker while a claim is accepted and saved', { timeout: 600_000 }, async () => {
  const page = await browser.open();
  await page.waitForSelector('body[data-extractor=worker]');
  await page.waitForSelector('[data-testid=claim-row]');
  await saved(page);
  // What the page's own thread does during the import: IndexedDB puts (each
  // clones its record here) and content hashes, counted.
  await page.evaluate(() => {
    window.__puts = { documents: 0, claims: 0, meta: 0 };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      window.__puts[this.name] = (window.__puts[this.name] ?? 0) + 1;
      return put.apply(this, args);
    };
    window.__hashes = 0;
    const hash = window.klaimModel.kernel.contentHash;
    window.klaimModel.kernel.contentHash = (...args) => { window.__hashes++; return hash(...args); };
  });
  await pick(page, 'seribu.jsonl', corpus(1000));
  await page.waitForSelector('[data-testid=job-progress]');
  // While the import runs: accept the open document's first claim.
  const claim = page.locator('[data-testid=claim-row]').first();
  const id = await claim.getAttribute('data-claim-id');
  await claim.click();
  await page.keyboard.press('a');
  const during = await page.evaluate(() => document.querySelector('[data-testid=job-progress]')?.dataset.done ?? 'gone');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=doc-list]').dataset.count) >= 1005, null, { timeout: 600_000 });
  await saved(page);
  assert.notEqual(during, 'gone', 'the claim was accepted while the import ran');
  assert.ok(Number(during) < 1000, `accepted at ${during} of 1000`);
  assert.equal((await stored(page, 'claims', id)).status, 'accepted');
  const { docs, perDoc } = await library(page);
  assert.equal(docs.length, 1005);
  assert.ok(docs.every((d) => perDoc[d] > 0), 'every document is saved with its claims');
  // The 1,000 documents and their claims were built, hashed and stored off
  // the page's thread; it wrote only the accepted claim (and the history).
  const { puts, hashes } = await page.evaluate(() => ({ puts: window.__puts, hashes: window.__hashes }));
  assert.equal(puts.documents, 0, 'no document record is cloned into IndexedDB on the page\'s thread');
  assert.equal(puts.claims, 1, 'only the accepted claim is written from the page\'s thread');
  assert.equal(hashes, 0, 'the duplicate check hashes in the worker');
  assert.deepEqual(browser.errors, []);
  await page.evaluate(() => indexedDB.deleteDatabase('klaim'));
  await page.close();
});

test('a cancelled import stops at the click: nothing listed after it, no batch asked after it; what was saved is whole', { timeout: 600_000 }, async () => {
  const page = await browser.open();
  await page.waitForSelector('body[data-extractor=worker]');
  await saved(page);
  const before = (await library(page)).docs.length;
  // When the click on Cancel is handled (capture phase, before the button's
  // own handler), how many documents were listed; and every batch the page
  // asks of the worker, with its time. User test 4 #9 read 580 on the bar,
  // clicked, and got 910: the count must be the one at the click.
  await page.evaluate(async () => {
    window.__cancel = null;
    document.addEventListener('click', (e) => {
      if (!e.target.closest?.('[data-testid=job-cancel]')) return;
      window.__cancel = { at: performance.now(), listed: window.klaimModel.documents.size };
    }, true);
    const extractor = await window.klaimModel.extractorReady;
    const ask = extractor.importBatch.bind(extractor);
    window.__asked = [];
    extractor.importBatch = (docs, options) => {
      window.__asked.push(performance.now());
      return ask(docs, options);
    };
  });
  // With copies of the file's own first five articles at its end (whatever
  // the library holds, they are duplicates): skipped, they are not among the
  // documents being added (user test 6 #4: "of 2000" counted them).
  const copies = corpus(5).split('\n').map((line, i) => JSON.stringify({ ...JSON.parse(line), id: `copy-${i}` })).join('\n');
  await pick(page, 'seribu.jsonl', `${corpus(1000)}\n${copies}`);
  await page.waitForSelector('[data-testid=dup-dialog]');
  await page.click('[data-testid=dup-skip]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=job-progress]')?.dataset.done) >= 200, null, { timeout: 600_000, polling: 20 });
  await page.click('[data-testid=job-cancel]');
  await page.waitForSelector('[data-testid=job-cancelled]');
  await saved(page);
  // The list draws only the rows in view; `data-count` is how many it lists.
  const listedCount = () => page.evaluate(() => Number(document.querySelector('[data-testid=doc-list]').dataset.count));
  const listed = await listedCount();
  const { inMemory, cancel, askedAfter, message } = await page.evaluate(() => ({
    inMemory: window.klaimModel.documents.size,
    cancel: window.__cancel,
    askedAfter: window.__asked.filter((t) => t > window.__cancel.at).length,
    message: document.querySelector('[data-testid=job-cancelled]').textContent,
  }));
  assert.equal(listed, inMemory);
  assert.ok(listed > before && listed < before + 1000, `stopped part way: ${listed - before} added`);
  assert.equal(inMemory, cancel.listed, `listed when Cancel was handled: ${cancel.listed - before}; kept: ${inMemory - before}`);
  assert.equal(askedAfter, 0, 'no batch is asked of the worker after Cancel');
  assert.match(message, new RegExp(`\\b${inMemory - before} dari 1000\\b`), message);
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  const { docs, perDoc } = await library(page);
  assert.equal(docs.length, inMemory, 'what was listed is what is stored');
  assert.ok(docs.every((d) => perDoc[d] > 0), 'no document is stored without its claims');
  assert.equal(await listedCount(), inMemory);
  assert.deepEqual(browser.errors, []);
  await page.evaluate(() => indexedDB.deleteDatabase('klaim'));
  await page.close();
});

test('after Cancel the worker starts no batch the page asked before: only the one in flight is extracted', { timeout: 600_000 }, async () => {
  const page = await browser.open();
  await page.waitForSelector('body[data-extractor=worker]');
  await saved(page);
  // The extracting worker (not its writer): each batch it starts is
  // recorded (epoch ms, comparable with the page's) and made 60 ms slower,
  // so it is always behind the page and holds batches asked ahead
  // (IMPORT_AHEAD), as on a loaded machine.
  let worker = null;
  for (const w of page.workers()) if (await w.evaluate(() => self.name) === 'klaim-extractor') worker = w;
  assert.ok(worker, 'the extracting worker runs');
  await worker.evaluate(() => {
    self.__started = [];
    const build = core.importRecords;
    core.importRecords = (...args) => {
      const at = performance.timeOrigin + performance.now();
      self.__started.push(at);
      while (performance.timeOrigin + performance.now() < at + 60) { /* a slower extractor */ }
      return build(...args);
    };
  });
  await page.evaluate(() => {
    document.addEventListener('click', (e) => {
      if (!e.target.closest?.('[data-testid=job-cancel]')) return;
      window.__cancel = { at: performance.timeOrigin + performance.now(), waited: performance.now() - e.timeStamp, listed: window.klaimModel.documents.size };
    }, true);
  });
  await pick(page, 'seribu.jsonl', corpus(1000));
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=job-progress]')?.dataset.done) >= 100, null, { timeout: 600_000, polling: 20 });
  await page.click('[data-testid=job-cancel]');
  await page.waitForSelector('[data-testid=job-cancelled]');
  await saved(page);
  // Let any batch still queued in the worker run, as it would on main.
  await page.waitForTimeout(1000);
  const cancel = await page.evaluate(() => window.__cancel);
  const started = await worker.evaluate(() => self.__started);
  const after = started.filter((t) => t > cancel.at).length;
  console.log(`# Cancel handled ${cancel.waited.toFixed(0)} ms after the click; ${started.length} batches started, ${after} after Cancel`);
  assert.ok(after <= 1, `batches the worker started after Cancel: ${after} (only the one in flight may finish)`);
  const inMemory = await page.evaluate(() => window.klaimModel.documents.size);
  assert.equal(inMemory, cancel.listed, 'nothing is listed after Cancel');
  assert.deepEqual(browser.errors, []);
  await page.evaluate(() => indexedDB.deleteDatabase('klaim'));
  await page.close();
});

test('a claim of a just-listed document, accepted before the worker stored its batch, stays accepted', { timeout: 300_000 }, async () => {
  const page = await browser.open();
  await page.waitForSelector('body[data-extractor=worker]');
  await saved(page);
  // The writer is busy (as it is under a long import): its writes of the
  // import's batches start a second late.
  await page.evaluate(async () => {
    const extractor = await window.klaimModel.extractorReady;
    const store = extractor.store.bind(extractor);
    extractor.store = (json, db) => new Promise((r) => setTimeout(r, 1000)).then(() => store(json, db));
  });
  await pick(page, 'tiga.jsonl', corpus(3));
  await page.waitForSelector('[data-testid=doc-row][data-doc-id=imp-0]');
  await page.click('[data-testid=doc-row][data-doc-id=imp-0] .doc-name');
  const claim = page.locator('[data-testid=claim-row]').first();
  const id = await claim.getAttribute('data-claim-id');
  assert.match(id, /^imp-0#/);
  await claim.click();
  await page.keyboard.press('a');
  await page.waitForFunction(() => !window.klaimModel.importing && window.klaimModel.pending === 0, null, { timeout: 60_000 });
  await saved(page);
  assert.equal((await stored(page, 'claims', id))?.status, 'accepted', 'the import\'s later write did not put the claim back to pending');
  assert.deepEqual(browser.errors, []);
  await page.evaluate(() => indexedDB.deleteDatabase('klaim'));
  await page.close();
});

test('dist/klaim.html from file:// extracts and links in one worker built from a Blob', { timeout: 300_000 }, async () => {
  const DIST = join(ROOT, 'dist/klaim.html');
  if (!existsSync(DIST) || statSync(DIST).mtimeMs < Math.max(...['www/pkg/klaim_bg.wasm', 'www/js/worker.js', 'www/js/extractor.js', 'www/js/store.js', 'www/js/records.js', 'www/js/links.js'].map((f) => statSync(join(ROOT, f)).mtimeMs))) {
    execFileSync('node', [join(ROOT, 'scripts/build-single.mjs')], { stdio: 'inherit' });
  }
  assert.match(readFileSync(DIST, 'utf8'), /worker-src blob:/);
  const profile = mkdtempSync(join(tmpdir(), 'klaim-file-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const errors = [];
  try {
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(pathToFileURL(DIST).href);
    await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
    await page.waitForSelector('body[data-extractor=worker]', { timeout: 30_000 });
    await pick(page, 'tiga.jsonl', corpus(3));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length >= 8, null, { timeout: 60_000 });
    await saved(page);
    // The library is linked by the same worker (there is no other), not in the page.
    await page.waitForFunction(() => window.klaimLinks?.result && window.klaimLinks.state === 'idle', null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => window.klaimLinks.inWorker), true);
    assert.ok(await page.evaluate(() => window.klaimLinks.result.groups.length) > 0, 'the samples link');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
