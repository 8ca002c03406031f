// Every way a document's claims come to be stored writes them as one record
// (a bundle, store.js), not only an import (bulk.test.mjs): re-extraction
// folds each document's claims into a fresh bundle, the redo of an undone
// import and the retry after a full disk write bundles, and another tab is
// told of an import by its documents, not by 27,000 claim keys.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { pickFile as pick, rawClaims, saved, smallDisk, start, ROOT } from './harness.mjs';

const samples = readdirSync(join(ROOT, 'www/samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(ROOT, 'www/samples', f), 'utf8'));
/** `n` articles as JSON Lines, ids `imp-${i}`, each a different text. */
const corpus = (n) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `imp-${i}`, title: `Artikel ${i + 1}`, text: `${samples[i % 5]}\nBerita nomor ${i + 1} dari arsip.` })).join('\n');

/** Document `doc`'s raw claim records: {bundles, own (ids), tombstones}. */
async function recordsOf(page, doc) {
  const raw = (await rawClaims(page)).filter((r) => r.doc === doc);
  return {
    bundles: raw.filter((r) => r.bundle).map((r) => r.bundle),
    own: raw.filter((r) => !r.bundle && !r.gone).map((r) => r.id),
    tombstones: raw.filter((r) => r.gone).length,
  };
}

/** The library as the page holds it: {doc: [claim]} for documents `ids`. */
const library = (page, ids) => page.evaluate((ids) => Object.fromEntries(ids.map((d) => [d, window.klaimModel.claimsOf(d)])), ids);

async function importInto(page, n) {
  const rows = await page.evaluate(() => Number(document.querySelector('[data-testid=doc-list]').dataset.count ?? 0));
  await pick(page, `impor-${n}.jsonl`, corpus(n));
  await page.waitForFunction((want) => Number(document.querySelector('[data-testid=doc-list]').dataset.count) >= want, rows + n, { timeout: 120_000 });
  await page.waitForFunction(() => !window.klaimModel.importing && window.klaimModel.pending === 0, null, { timeout: 60_000 });
  await saved(page);
}

async function ready(page) {
  await page.waitForSelector('body[data-ready=true]');
  await page.waitForSelector('body[data-extractor=worker]');
  await saved(page);
}

describe('bundles beyond the import', () => {
  // A browser (a fresh profile, so a fresh library) per test.
  let browser;
  beforeEach(async () => { browser = await start(); });
  afterEach(async () => { await browser?.stop(); });

  test('re-extraction folds each document\'s claims into one fresh record, and every decision reads back', { timeout: 300_000 }, async () => {
    await reextractionFolds(browser, null);
  });

  test('re-extraction folds an encrypted library\'s claims the same way, sealed', { timeout: 300_000 }, async () => {
    await reextractionFolds(browser, 'kata sandi yang panjang');
  });

  test('the redo of an undone import stores each document\'s claims as one record', { timeout: 300_000 }, async () => {
    const page = await browser.open();
    await ready(page);
    await importInto(page, 3);
    const before = await library(page, ['imp-0', 'imp-1', 'imp-2']);
    await page.evaluate(() => window.klaimModel.undo());
    await saved(page);
    assert.deepEqual((await rawClaims(page)).filter((r) => r.doc.startsWith?.('imp-')), [], 'the undo left nothing of the import');
    await page.evaluate(() => window.klaimModel.redo());
    await saved(page);
    for (const d of ['imp-0', 'imp-1', 'imp-2']) {
      const records = await recordsOf(page, d);
      assert.deepEqual(records, { bundles: [before[d].length], own: [], tombstones: 0 }, d);
    }
    await page.reload();
    await ready(page);
    const after = await library(page, ['imp-0', 'imp-1', 'imp-2']);
    for (const d of Object.keys(before)) assert.deepEqual(after[d].map(({ rev, ...c }) => c), before[d].map(({ rev, ...c }) => c), d);
    assert.deepEqual(browser.errors, []);
  });

  test('an import is undone document by document, not claim by claim, and stays undoable after a reload', { timeout: 400_000 }, async () => {
    const page = await browser.open();
    await ready(page);
    // More records than the history keeps as records (2,000).
    const n = 160;
    await importInto(page, n);
    const ids = Array.from({ length: n }, (_, i) => `imp-${i}`);
    const claims = await page.evaluate((ids) => ids.reduce((n, d) => n + window.klaimModel.claimsOf(d).length, 0), ids);
    assert.ok(claims + n > 2000, `${claims} claims`);
    await page.reload();
    await ready(page);
    assert.deepEqual(await page.evaluate(() => window.klaimModel.undoStack.at(-1)?.label), ['op.add', { n }], 'the import is the last step after a reload');
    // What the undo asks of the claims store.
    await page.evaluate(() => {
      window.__requests = 0;
      const count = (proto, names) => {
        for (const name of names) {
          const f = proto[name];
          proto[name] = function (...args) {
            if ((this.objectStore ?? this).name === 'claims') window.__requests += 1;
            return f.apply(this, args);
          };
        }
      };
      count(IDBObjectStore.prototype, ['get', 'getAll', 'put', 'delete', 'openCursor']);
      count(IDBIndex.prototype, ['get', 'getAll', 'openCursor']);
    });
    await page.evaluate(() => window.klaimModel.undo());
    await saved(page);
    const requests = await page.evaluate(() => window.__requests);
    assert.ok(requests <= 3 * ids.length, `${requests} requests of the claims store for ${ids.length} documents and ${claims} claims`);
    assert.deepEqual((await rawClaims(page)).filter((r) => r.doc.startsWith?.('imp-')), [], 'nothing of the import is left');
    assert.equal(await page.evaluate(() => window.klaimModel.documents.has('imp-0')), false);
    // Redone: the same documents, each one bundle again.
    await page.evaluate(() => window.klaimModel.redo());
    await saved(page);
    assert.deepEqual(await recordsOf(page, 'imp-7'), { bundles: [await page.evaluate(() => window.klaimModel.claimsOf('imp-7').length)], own: [], tombstones: 0 });
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate((ids) => ids.reduce((n, d) => n + window.klaimModel.claimsOf(d).length, 0), ids), claims, 'redone, after a reload');
    assert.deepEqual(browser.errors, []);
  });

  test('an undone import too large for the history\'s records can still be redone after a reload', { timeout: 400_000 }, async () => {
    const page = await browser.open();
    await ready(page);
    const n = 160;
    await importInto(page, n);
    const ids = Array.from({ length: n }, (_, i) => `imp-${i}`);
    const before = await library(page, ids);
    const claims = Object.values(before).reduce((k, cs) => k + cs.length, 0);
    assert.ok(claims + n > 2000, `${claims} claims: more records than the history keeps as records`);
    await page.evaluate(() => window.klaimModel.undo());
    await saved(page);
    assert.deepEqual((await rawClaims(page)).filter((r) => r.doc.startsWith?.('imp-')), [], 'the undo left no claim of the import');
    await page.reload();
    await ready(page);
    assert.deepEqual(await page.evaluate(() => window.klaimModel.redoStack.at(-1)?.label), ['op.add', { n }], 'the undone import is the step to redo after a reload');
    await page.evaluate(() => window.klaimModel.redo());
    await saved(page);
    await page.reload();
    await ready(page);
    const after = await library(page, ids);
    for (const d of ids) assert.deepEqual(after[d].map(({ rev, ...c }) => c), before[d].map(({ rev, ...c }) => c), d);
    assert.equal(await page.evaluate(() => window.klaimModel.documents.get('imp-9')?.name), 'Artikel 10');
    // The redone import is undoable again, and what kept it for the redo is gone.
    assert.deepEqual(await page.evaluate(() => window.klaimModel.undoStack.at(-1)?.label), ['op.add', { n }]);
    const kept = await page.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open('klaim');
      req.onsuccess = () => {
        const keys = req.result.transaction('meta').objectStore('meta').getAllKeys();
        keys.onsuccess = () => { resolve(keys.result.filter((k) => k !== 'history' && k !== 'tags' && k !== 'seeded')); req.result.close(); };
      };
    }));
    assert.deepEqual(kept, [], 'no record of the undone import is left in meta');
    assert.deepEqual(browser.errors, []);
  });

  test('two tabs: an import is announced by its documents, and the other tab loads them whole', { timeout: 300_000 }, async () => {
    const one = await browser.open();
    await ready(one);
    const two = await browser.open();
    await saved(two);
    // What tab two hears on the library's channel.
    await two.evaluate(() => {
      window.__heard = [];
      new BroadcastChannel('klaim-changes').onmessage = (e) => window.__heard.push(e.data);
    });
    await importInto(one, 3);
    const ids = ['imp-0', 'imp-1', 'imp-2'];
    await two.waitForFunction((ids) => ids.every((d) => window.klaimModel.claimsOf(d).length > 0), ids, { timeout: 30_000 });
    await two.waitForFunction(() => window.klaimModel.pending === 0);
    assert.deepEqual(await library(two, ids), await library(one, ids));
    const heard = await two.evaluate(() => window.__heard);
    const claimKeys = heard.flatMap((m) => m.keys ?? []).filter((k) => k.store === 'claims');
    assert.deepEqual(claimKeys, [], 'no claim key is announced for an import');
    assert.deepEqual(heard.flatMap((m) => m.docs ?? []).sort(), ids);
    assert.deepEqual(browser.errors, []);
  });
});

describe('a full disk, then room again', () => {
  const disk = smallDisk('160m', 'klaim-small-bundles');
  const filler = disk && join(disk.dir, 'filler');
  let browser;
  before(async () => { browser = await start(disk ? { profileDir: join(disk.dir, 'profile') } : {}); });
  after(async () => {
    await browser?.stop();
    disk?.stop();
  });

  test('the retry stores the added document\'s claims as one record', { timeout: 300_000 }, async () => {
    const page = await browser.open();
    await ready(page);
    const cdp = disk ? null : await browser.context.newCDPSession(page);
    const origin = new URL(browser.url).origin;
    if (disk) {
      const free = statfsSync(disk.dir).bavail * statfsSync(disk.dir).bsize;
      writeFileSync(filler, Buffer.alloc(Math.max(0, free - 512 * 1024)));
    } else {
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 64 * 1024 });
    }
    // Words that do not repeat, so the bundle does not compress into the room left.
    let seed = 11;
    const word = () => Array.from({ length: 14 }, () => { seed = (seed * 1103515245 + 12345) % 2147483648; return 'abcdefghijklmnoprstuwy'[seed % 22]; }).join('');
    const text = Array.from({ length: 4000 }, (_, i) => `Menurut ${word()}, ${i + 1} orang ${word()} ditahan di ${word()} pada hari ke-${i}.`).join('\n');
    await page.evaluate((text) => {
      const box = document.querySelector('[data-testid=paste-input]');
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.fill('[data-testid=paste-name]', 'Tidak muat');
    await page.click('[data-testid=paste-add]');
    await page.waitForSelector('[data-testid=storage-failed]', { timeout: 60_000 });
    const doc = await page.evaluate(() => window.klaimModel.documentList().find((d) => d.name === 'Tidak muat').id);
    const claims = await page.evaluate((doc) => window.klaimModel.claimsOf(doc).length, doc);
    assert.ok(claims > 1000, `claims: ${claims}`);
    if (disk) rmSync(filler);
    else await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.click('[data-testid=storage-retry]');
    await saved(page);
    assert.deepEqual(await recordsOf(page, doc), { bundles: [claims], own: [], tombstones: 0 });
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await page.evaluate((doc) => window.klaimModel.claimsOf(doc).length, doc), claims);
    await page.close();
  });
});

/** Imports three articles, works on the first (accepted, noted, deleted, a
 * claim of the user's), re-extracts, and checks that each document's claims
 * are one bundle (only the user's own claim keeps a record), no tombstone
 * is left, and the library reads back claim for claim. With `passphrase`,
 * the library is encrypted first (its records sealed). */
async function reextractionFolds(browser, passphrase) {
  const page = await browser.open();
  await ready(page);
  await importInto(page, 3);
  if (passphrase) {
    await page.click('[data-testid=encrypt-open]');
    await page.fill('[data-testid=encrypt-pass]', passphrase);
    await page.fill('[data-testid=encrypt-pass2]', passphrase);
    await page.click('[data-testid=encrypt-submit]');
    await page.waitForSelector('[data-testid=encrypt-open][data-state=encrypted]', { timeout: 20_000 });
  }
  const unlock = async () => {
    if (!passphrase) return;
    await page.waitForSelector('[data-testid=unlock-dialog]');
    await page.fill('[data-testid=unlock-pass]', passphrase);
    await page.click('[data-testid=unlock-submit]');
  };
  const reopen = async () => {
    await unlock();
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('body[data-extractor=worker]');
    await saved(page);
  };

  // Work of every kind on imp-0: accepted, noted, deleted, a claim of the user's.
  const [a, b, c] = (await library(page, ['imp-0']))['imp-0'].map((x) => x.id);
  const doc = await page.evaluate(() => window.klaimModel.documents.get('imp-0'));
  await page.evaluate(async ([a, b, c, text]) => {
    const m = window.klaimModel;
    await m.editClaim(a, { status: 'accepted' });
    await m.editClaim(b, { note: 'periksa angka' });
    await m.deleteClaim(c);
    m.addClaim('imp-0', 0, 20, [...text].slice(0, 20).join(''));
  }, [a, b, c, doc.text]);
  await saved(page);
  let records = await recordsOf(page, 'imp-0');
  assert.equal(records.own.length, 3, `before: ${JSON.stringify(records)}`);
  assert.equal(records.tombstones, 1);

  await page.goto(`${browser.url}?extractor-version=99`);
  await reopen();
  await page.click('[data-testid=reextract-run]');
  await page.waitForSelector('[data-testid=reextract-report]', { timeout: 60_000 });
  await saved(page);
  const ids = await page.evaluate(() => window.klaimModel.documentList().map((d) => d.id));
  const before = await library(page, ids);
  for (const d of ids) {
    records = await recordsOf(page, d);
    const mine = before[d].filter((x) => !/#\d+$/.test(x.id)).map((x) => x.id);
    assert.deepEqual(records.bundles, [before[d].length - mine.length], `${d}: one bundle of its extracted claims (${JSON.stringify(records)})`);
    assert.deepEqual(records.own.sort(), mine.sort(), `${d}: only the user's own claims have records of their own`);
    assert.equal(records.tombstones, 0, `${d}: no tombstones`);
  }
  const work = before['imp-0'];
  assert.equal(work.find((x) => x.id === a).status, 'accepted');
  assert.equal(work.find((x) => x.id === b).note, 'periksa angka');
  await page.reload();
  await reopen();
  assert.deepEqual(await library(page, ids), before, 'the library reads back claim for claim');
  // An edit after the fold: its own record again, read back over the bundle.
  await page.evaluate((a) => window.klaimModel.editClaim(a, { status: 'rejected' }), a);
  await saved(page);
  await page.reload();
  await reopen();
  assert.equal((await library(page, ['imp-0']))['imp-0'].find((x) => x.id === a).status, 'rejected');
  assert.deepEqual(browser.errors, []);
  // Sealed: every claim record but the tombstones, which hold no text.
  if (passphrase) assert.deepEqual((await rawClaims(page)).filter((r) => !r.gone && !r.sealed), [], 'every claim record is sealed');
}
