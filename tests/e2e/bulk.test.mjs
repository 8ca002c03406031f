// Storage in bulk (issue 9, part 3): an import stores each document's claims
// as one record (a bundle), because IndexedDB's cost is per record; a claim
// edited or deleted later gets a record of its own. What issue 11 promises
// keeps holding over bundles: edits, deletions and undo survive a reload, two
// tabs see and merge each other's writes, an encrypted library seals them,
// and a library saved one record per claim (the layout before bundles) opens
// and keeps working.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pickFile as pick, rawClaims, saved, start, stored, ROOT } from './harness.mjs';

const samples = readdirSync(join(ROOT, 'www/samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(ROOT, 'www/samples', f), 'utf8'));
/** `n` articles as JSON Lines, ids `imp-${from}`..., each a different text. */
const corpus = (n, from = 0) => Array.from({ length: n }, (_, j) => {
  const i = from + j;
  return JSON.stringify({ id: `imp-${i}`, title: `Artikel ${i + 1}`, text: `${samples[i % 5]}\nBerita nomor ${i + 1} dari arsip.` });
}).join('\n');

/** The page's claims of document `doc`, as the model holds them. */
const claimsOf = (page, doc) => page.evaluate((doc) => window.klaimModel.claimsOf(doc).map(({ id, status, note, rev }) => ({ id, status, note, rev })), doc);

async function importInto(page, n, from = 0) {
  // The library list draws only the rows in view; `data-count` is how many it lists.
  const listed = () => page.evaluate(() => Number(document.querySelector('[data-testid=doc-list]').dataset.count ?? 0));
  const rows = await listed();
  await pick(page, `impor-${from}-${n}.jsonl`, corpus(n, from));
  await page.waitForFunction((want) => Number(document.querySelector('[data-testid=doc-list]').dataset.count) >= want, rows + n, { timeout: 120_000 });
  await page.waitForFunction(() => !window.klaimModel.importing && window.klaimModel.pending === 0, null, { timeout: 60_000 });
  await saved(page);
}

async function reload(page) {
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
}

describe('an import stored in bulk', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('each imported document\'s claims are one record, and all of them come back after a reload', { timeout: 300_000 }, async () => {
    const page = await browser.open();
    await page.waitForSelector('body[data-extractor=worker]');
    await saved(page);
    await importInto(page, 20);
    const before = await page.evaluate(() => Object.fromEntries([...window.klaimModel.documents.keys()].map((d) => [d, window.klaimModel.claimsOf(d)])));
    const raw = await rawClaims(page);
    const imported = Object.keys(before).filter((d) => d.startsWith('imp-'));
    assert.equal(imported.length, 20);
    for (const doc of imported) {
      const records = raw.filter((r) => r.doc === doc);
      assert.equal(records.length, 1, `${doc}: ${records.length} records for ${before[doc].length} claims`);
      assert.equal(records[0].bundle, before[doc].length, `${doc}: the record holds every claim`);
    }
    // The samples, seeded as new documents too, are one record each as well.
    assert.deepEqual(raw.filter((r) => r.doc === '000_bef3302d05d81497').map((r) => r.bundle), [before['000_bef3302d05d81497'].length]);
    await reload(page);
    const after = await page.evaluate(() => Object.fromEntries([...window.klaimModel.documents.keys()].map((d) => [d, window.klaimModel.claimsOf(d)])));
    assert.deepEqual(after, before, 'the library reads back claim for claim');
    assert.deepEqual(browser.errors, []);
    await page.evaluate(() => indexedDB.deleteDatabase('klaim'));
    await page.close();
  });

  test('edits, deletions and undo of bundled claims survive a reload; a deleted document leaves no record behind', { timeout: 300_000 }, async () => {
    const page = await browser.open();
    await page.waitForSelector('body[data-extractor=worker]');
    await saved(page);
    await importInto(page, 3);
    await page.click('[data-testid=doc-row][data-doc-id=imp-0] .doc-name');
    const first = await page.locator('[data-testid=claim-row]').first().getAttribute('data-claim-id');
    await page.locator('[data-testid=claim-row]').first().click();
    await page.keyboard.press('a');
    await saved(page);
    const [, second, third] = (await claimsOf(page, 'imp-0')).map((c) => c.id);
    await page.evaluate(([a, b]) => { window.klaimModel.deleteClaim(a); return window.klaimModel.editClaim(b, { note: 'catatan terbundel' }); }, [second, third]);
    await saved(page);
    const n = (await claimsOf(page, 'imp-0')).length;
    assert.equal((await stored(page, 'claims', first)).status, 'accepted', 'an edited claim gets its own record');
    assert.equal((await stored(page, 'claims', second)).gone, true, 'a deleted one a tombstone');
    await reload(page);
    let claims = await claimsOf(page, 'imp-0');
    assert.equal(claims.length, n);
    assert.equal(claims.find((c) => c.id === first).status, 'accepted');
    assert.equal(claims.find((c) => c.id === third).note, 'catatan terbundel');
    assert.ok(!claims.some((c) => c.id === second), 'the deleted claim stays deleted');
    assert.ok(claims.filter((c) => c.id !== first).every((c) => c.status === 'pending'));
    // The undo history survives the reload: the note, then the deletion.
    await page.evaluate(async () => { await window.klaimModel.undo(); await window.klaimModel.undo(); });
    await saved(page);
    await reload(page);
    claims = await claimsOf(page, 'imp-0');
    assert.equal(claims.length, n + 1, 'the deletion was undone');
    assert.equal(claims.find((c) => c.id === third).note, '');
    // A document deleted after one of its claims was: nothing of it is left.
    const gone = (await claimsOf(page, 'imp-1'))[0].id;
    await page.evaluate(async (id) => { await window.klaimModel.deleteClaim(id); await window.klaimModel.deleteDocument('imp-1'); }, gone);
    await saved(page);
    assert.deepEqual((await rawClaims(page)).filter((r) => r.doc === 'imp-1'), []);
    await reload(page);
    assert.equal(await page.evaluate(() => window.klaimModel.documents.has('imp-1')), false);
    assert.ok((await claimsOf(page, 'imp-2')).length > 0);
    assert.deepEqual(browser.errors, []);
    await page.evaluate(() => indexedDB.deleteDatabase('klaim'));
    await page.close();
  });

  test('two tabs: an import in one is listed with its claims in the other, and the same bundled claim edited in both is merged', { timeout: 300_000 }, async () => {
    const one = await browser.open();
    await one.waitForSelector('body[data-extractor=worker]');
    await saved(one);
    const two = await browser.open();
    await saved(two);
    await importInto(one, 3);
    await two.waitForFunction(() => ['imp-0', 'imp-1', 'imp-2'].every((d) => window.klaimModel.claimsOf(d).length > 0), null, { timeout: 30_000 });
    assert.deepEqual(await claimsOf(two, 'imp-2'), await claimsOf(one, 'imp-2'));
    // Both tabs edit the same claim, neither having heard of the other's write.
    const id = (await claimsOf(one, 'imp-1'))[0].id;
    await Promise.all([one, two].map((p, i) => p.evaluate(([id, i]) => {
      window.klaimModel.store.onRemoteChange(() => {});
      return window.klaimModel.editClaim(id, i ? { status: 'accepted' } : { note: 'catatan tab satu' });
    }, [id, i])));
    await saved(one);
    await saved(two);
    const record = await stored(one, 'claims', id);
    assert.equal(record.status, 'accepted', 'tab two\'s change is stored');
    assert.equal(record.note, 'catatan tab satu', 'and tab one\'s');
    assert.deepEqual(browser.errors, []);
    await two.close();
    await one.evaluate(() => indexedDB.deleteDatabase('klaim'));
    await one.close();
  });

  test('an encrypted library seals the bundles it had and those it stores, and opens them with the passphrase', { timeout: 300_000 }, async () => {
    const PASS = 'kata sandi yang panjang';
    const page = await browser.open();
    await saved(page);
    await importInto(page, 3);
    await page.click('[data-testid=encrypt-open]');
    await page.fill('[data-testid=encrypt-pass]', PASS);
    await page.fill('[data-testid=encrypt-pass2]', PASS);
    await page.click('[data-testid=encrypt-submit]');
    await page.waitForSelector('[data-testid=encrypt-open][data-state=encrypted]', { timeout: 20_000 });
    // Five more, imported into the encrypted library.
    await importInto(page, 5, 3);
    const before = await claimsOf(page, 'imp-1');
    const after = await claimsOf(page, 'imp-4');
    const raw = await page.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open('klaim');
      req.onsuccess = () => {
        const all = req.result.transaction('claims').objectStore('claims').getAll();
        all.onsuccess = () => { resolve(all.result.map((r) => ({ bundle: Array.isArray(r.id), sealed: !!r.sealed, readable: 'claims' in r || 'text' in r }))); req.result.close(); };
      };
    }));
    assert.equal(raw.filter((r) => r.bundle).length, 8, 'one record per imported document');
    assert.ok(raw.every((r) => r.sealed && !r.readable), 'every claim record sealed');
    await page.reload();
    await page.waitForSelector('[data-testid=unlock-dialog]');
    await page.fill('[data-testid=unlock-pass]', PASS);
    await page.click('[data-testid=unlock-submit]');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    assert.deepEqual(await claimsOf(page, 'imp-1'), before);
    assert.deepEqual(await claimsOf(page, 'imp-4'), after);
    // An edit of a sealed bundle's claim.
    await page.evaluate((id) => window.klaimModel.editClaim(id, { status: 'rejected' }), before[0].id);
    await saved(page);
    await page.reload();
    await page.fill('[data-testid=unlock-pass]', PASS);
    await page.click('[data-testid=unlock-submit]');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    assert.equal((await claimsOf(page, 'imp-1'))[0].status, 'rejected');
    assert.deepEqual(browser.errors, []);
    await page.close();
  });
});

describe('a library saved one record per claim (before bundles)', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('opens with every claim, takes edits and imports beside it, and reads back after a reload', { timeout: 300_000 }, async () => {
    // Written by hand as the store wrote it before bundles: a document
    // record, one record per claim (with `doc`), the meta records.
    const setup = await browser.context.newPage();
    await setup.route('**/favicon.ico', (r) => r.fulfill({ status: 204, body: '' }));
    await setup.goto(`${browser.url}samples/index.json`);
    const text = 'Harga beras naik tajam pekan ini. "Kami akan menambah pasokan beras ke pasar," kata Budi Santoso, Kepala Dinas Pangan, Senin (3/3/2025). Menurut Ani Lestari, stok cukup sampai Lebaran.';
    await setup.evaluate((text) => new Promise((resolve, reject) => {
      const req = indexedDB.open('klaim', 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('documents', { keyPath: 'id' });
        db.createObjectStore('claims', { keyPath: 'id' }).createIndex('doc', 'doc');
        db.createObjectStore('meta', { keyPath: 'key' });
      };
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction(['documents', 'claims', 'meta'], 'readwrite');
        const at = '2025-03-03T08:00:00.000Z';
        tx.objectStore('documents').put({ id: 'lama', name: 'Berita lama', text, added: at, edited: at, boilerplate: [], entities: [], notes: [], extractor: 4, rev: 1 });
        const claim = (i, start, end, status, note) => ({
          id: `lama#${i}`, doc: 'lama', start, end, text: text.slice(start, end), kind: 'quote', modality: 'asserted',
          claimant: null, cue: null, via: null, quantities: [], origin: 'extracted', status, tags: [], note, edited: at, rev: status === 'pending' ? 1 : 2,
        });
        const quote = text.indexOf('"');
        const source = text.indexOf('Menurut');
        tx.objectStore('claims').put(claim(0, quote, source - 1, 'accepted', 'dari tata letak lama'));
        tx.objectStore('claims').put(claim(1, source, text.length, 'pending', ''));
        tx.objectStore('meta').put({ key: 'seeded', value: true, rev: 1 });
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    }), text);
    await setup.close();
    const page = await browser.open('#/doc/lama');
    assert.deepEqual((await claimsOf(page, 'lama')).map((c) => [c.id, c.status, c.note]), [['lama#0', 'accepted', 'dari tata letak lama'], ['lama#1', 'pending', '']]);
    assert.equal(await page.locator('[data-testid=doc-row]').count(), 1, 'no samples seeded over it');
    await page.evaluate(() => window.klaimModel.editClaim('lama#1', { status: 'rejected' }));
    await saved(page);
    await importInto(page, 2);
    await reload(page);
    const claims = await claimsOf(page, 'lama');
    assert.deepEqual(claims.map((c) => [c.id, c.status]), [['lama#0', 'accepted'], ['lama#1', 'rejected']]);
    assert.ok((await claimsOf(page, 'imp-1')).length > 0);
    await page.evaluate(() => window.klaimModel.deleteDocument('lama'));
    await saved(page);
    await reload(page);
    assert.equal(await page.evaluate(() => window.klaimModel.documents.has('lama')), false);
    assert.deepEqual((await rawClaims(page)).filter((r) => r.doc === 'lama'), []);
    assert.deepEqual(browser.errors, []);
    await page.close();
  });
});
