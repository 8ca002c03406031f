// Shared setup for the end-to-end tests and the benchmark: serves www/ on a
// free loopback port and drives Debian's /usr/bin/chromium headless through
// playwright-core, with a fresh profile per browser.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

/** Starts the server and a browser with a fresh profile. */
export async function start({ viewport = { width: 1440, height: 900 }, profileDir } = {}) {
  const { server, url } = await serve({ port: 0 });
  // `profileDir`: a directory of the caller's (e.g. on a small filesystem).
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'klaim-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport,
  });
  const errors = [];
  context.on('page', (page) => watch(page, errors));
  for (const page of context.pages()) watch(page, errors);
  return {
    url, context, errors,
    /** A new tab at the page, once it is ready. */
    async open(path = '') {
      const page = context.pages().find((p) => p.url() === 'about:blank') ?? await context.newPage();
      await page.goto(url + path);
      await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
      return page;
    },
    async stop() {
      await context.close();
      await new Promise((r) => server.close(r));
      if (!profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

function watch(page, errors) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Waits until the save state shows `saved`. */
export async function saved(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=save-state]')?.dataset.state === 'saved', null, { timeout: 15_000 });
}

/** Selects characters `from`..`to` of the document text's first text node,
 * as a user dragging over it would. */
export async function selectText(page, from, to) {
  await page.evaluate(([a, b]) => {
    const node = document.querySelector('[data-testid=doc-text]').firstChild;
    const r = document.createRange();
    r.setStart(node, a);
    r.setEnd(node, b);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  }, [from, to]);
}

/** Picks a file in the page's file input, as the user would. */
export async function pickFile(page, name, text) {
  await page.evaluate(([name, text]) => {
    const input = document.querySelector('[data-testid=file-input]');
    const files = new DataTransfer();
    files.items.add(new File([text], name, { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, [name, text]);
}

/** The record `key` of object store `store` as IndexedDB holds it now (a
 * claim held only by its document's bundle: the bundle's copy). */
export async function stored(page, store, key, db = 'klaim') {
  return page.evaluate(([store, key, db]) => new Promise((resolve, reject) => {
    const req = indexedDB.open(db);
    req.onsuccess = () => {
      const os = req.result.transaction(store).objectStore(store);
      const get = os.get(key);
      get.onsuccess = () => {
        // A claim without a record of its own is its document's bundle's copy (store.js).
        const doc = store === 'claims' && !get.result ? /^(.*)#\d+$/s.exec(key)?.[1] : null;
        if (!doc) {
          resolve(get.result);
          req.result.close();
          return;
        }
        const bundle = os.get([doc]);
        bundle.onsuccess = () => { resolve(bundle.result?.claims?.find((c) => c.id === key)); req.result.close(); };
        bundle.onerror = () => reject(bundle.error);
      };
      get.onerror = () => reject(get.error);
    };
    req.onerror = () => reject(req.error);
  }), [store, key, db]);
}

/** A 1.9 MB document: the samples again and again, a number changed in each copy. */
export function hugeDocument(samples, bytes = 1_900_000) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `${samples[i % samples.length]}\nSalinan nomor ${i + 1}.`;
    size += Buffer.byteLength(part) + 1;
    parts.push(part);
  }
  return parts.join('\n').slice(0, bytes);
}

/** The raw records of the `claims` store: [{id, doc, gone, sealed, bundle (claims held)}]. */
export function rawClaims(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('klaim');
    req.onsuccess = () => {
      const all = req.result.transaction('claims').objectStore('claims').getAll();
      all.onsuccess = () => {
        resolve(all.result.map((r) => ({ id: r.id, doc: r.doc, gone: !!r.gone, sealed: !!r.sealed, bundle: Array.isArray(r.id) ? (r.claims ?? Object.keys(r.revs)).length : 0 })));
        req.result.close();
      };
    };
    req.onerror = () => reject(req.error);
  }));
}

/** A small filesystem for the browser profile: a tmpfs when this runs as
 * root, else null (the test then fills a storage quota instead). `name`
 * keeps two test files' mounts apart. */
export function smallDisk(size, name = 'klaim-small') {
  const dir = join(tmpdir(), `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return { dir, stop: () => { try { execFileSync('umount', [dir], { stdio: 'ignore' }); } catch { /* busy: left to the OS */ } rmSync(dir, { recursive: true, force: true }); } };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
