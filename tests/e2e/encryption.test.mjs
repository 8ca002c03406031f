// Encryption at rest (issue 11, file:// origin): with a passphrase, no
// record of the library holds readable text in IndexedDB, edits made after
// stay sealed, the page opens only with the passphrase, and dist/klaim.html
// opened from disk says what its origin means and offers the encryption.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ROOT, saved, start } from './harness.mjs';

const DOC = '000_bef3302d05d81497';
const PASS = 'kata sandi yang panjang';

/** Every string in the raw IndexedDB records, binary data read as Latin-1:
 * what another page of the same origin could read. */
async function rawText(browser) {
  const other = await browser.context.newPage();
  await other.route('**/favicon.ico', (r) => r.fulfill({ status: 204, body: '' }));
  await other.goto(`${browser.url}samples/index.json`);
  const text = await other.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('klaim');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['documents', 'claims', 'meta']);
      const out = [];
      const walk = (v) => {
        if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) out.push(new TextDecoder('latin1').decode(v));
        else if (typeof v === 'string') out.push(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      let left = 3;
      for (const s of ['documents', 'claims', 'meta']) {
        const all = tx.objectStore(s).getAll();
        all.onsuccess = () => {
          walk(all.result);
          if (--left === 0) { db.close(); resolve(out.join('\n')); }
        };
      }
    };
  }));
  await other.close();
  return text;
}

describe('encryption at rest', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('with a passphrase, IndexedDB holds no readable text, and the page opens only with it', async () => {
    const claim = `${DOC}#1`;
    const page = await browser.open(`#/doc/${DOC}/${encodeURIComponent(claim)}`);
    await saved(page);
    await page.fill('[data-testid=claim-note]', 'rahasia-satu');
    await saved(page);
    assert.match(await rawText(browser), /rahasia-satu/, 'readable before');
    await page.click('[data-testid=encrypt-open]');
    await page.fill('[data-testid=encrypt-pass]', PASS);
    await page.fill('[data-testid=encrypt-pass2]', PASS);
    await page.click('[data-testid=encrypt-submit]');
    await page.waitForSelector('[data-testid=encrypt-open][data-state=encrypted]', { timeout: 20_000 });
    await page.fill('[data-testid=claim-note]', 'rahasia-dua');
    await saved(page);
    const raw = await rawText(browser);
    for (const secret of ['rahasia', 'Korea Utara', 'Barratut', 'benar', 'pending']) assert.doesNotMatch(raw, new RegExp(secret), secret);
    // Reload: the passphrase is asked for; a wrong one is refused.
    await page.reload();
    await page.waitForSelector('[data-testid=unlock-dialog]');
    await page.fill('[data-testid=unlock-pass]', 'salah sama sekali');
    await page.click('[data-testid=unlock-submit]');
    await page.waitForSelector('[data-testid=unlock-error]:not([hidden])', { timeout: 20_000 });
    await page.fill('[data-testid=unlock-pass]', PASS);
    await page.click('[data-testid=unlock-submit]');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    assert.equal(await page.locator('[data-testid=doc-row]').count(), 5);
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    assert.equal(await page.inputValue('[data-testid=claim-note]'), 'rahasia-dua');

    // Two tabs writing the same claim of the encrypted library at once:
    // merged outside the transaction, the other value kept and offered.
    const two = await browser.context.newPage();
    await two.addInitScript(() => {
      const Real = BroadcastChannel;
      window.__held = [];
      window.__hold = true;
      window.BroadcastChannel = class extends Real {
        constructor(name) {
          super(name);
          super.onmessage = (e) => (window.__hold ? window.__held.push(() => this.handler?.(e)) : this.handler?.(e));
        }
        set onmessage(fn) { this.handler = fn; }
        get onmessage() { return this.handler; }
      };
      window.__release = () => { window.__hold = false; for (const f of window.__held.splice(0)) f(); };
    });
    await two.goto(`${browser.url}#/doc/${DOC}/${encodeURIComponent(claim)}`);
    await two.fill('[data-testid=unlock-pass]', PASS);
    await two.click('[data-testid=unlock-submit]');
    await two.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`, { timeout: 20_000 });
    await page.fill('[data-testid=claim-note]', 'tab satu terkunci');
    await saved(page);
    await two.fill('[data-testid=claim-note]', 'tab dua terkunci');
    await saved(two);
    await two.evaluate(() => window.__release());
    for (const p of [page, two]) {
      await p.waitForFunction(() => document.querySelector('[data-testid=claim-note]').value === 'tab dua terkunci', null, { timeout: 5000 });
      await p.waitForSelector('[data-testid=claim-conflict] >> text=tab satu terkunci', { timeout: 5000 });
    }
    assert.doesNotMatch(await rawText(browser), /terkunci/);
    await two.close();
    assert.deepEqual(browser.errors, []);
  });
});

test('dist/klaim.html from file:// says what its origin means and offers the encryption', async () => {
  const DIST = join(ROOT, 'dist/klaim.html');
  if (!existsSync(DIST) || statSync(DIST).mtimeMs < statSync(join(ROOT, 'www/js/guard.js')).mtimeMs) {
    execFileSync('node', [join(ROOT, 'scripts/build-single.mjs')], { stdio: 'ignore' });
  }
  const profile = mkdtempSync(join(tmpdir(), 'klaim-file-lock-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(pathToFileURL(DIST).href);
    await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
    const notice = await page.textContent('[data-testid=file-origin]');
    assert.match(notice, /file:\/\//);
    assert.match(notice, /setiap berkas HTML lokal lain/);
    assert.ok(await page.locator('[data-testid=file-encrypt]').isVisible());
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
