// End-to-end tests of what the page keeps and what it says about it: two tabs
// writing the same claim at once, a library deleted behind the page's back, a
// full disk, persistent storage and the export reminder (issue 11).
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { saved, smallDisk, start, stored } from './harness.mjs';

const DOC = '000_bef3302d05d81497';

/** A tab whose BroadcastChannel messages wait until `release()`: it writes
 * without having heard of the other tab's write, as in a real race. */
async function deafTab(browser, path) {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const Real = BroadcastChannel;
    window.__held = [];
    window.__hold = true;
    window.BroadcastChannel = class extends Real {
      constructor(name) {
        super(name);
        super.onmessage = (e) => (window.__hold ? window.__held.push(() => this.deliver(e)) : this.deliver(e));
      }
      deliver(e) { this.handler?.(e); }
      set onmessage(fn) { this.handler = fn; }
      get onmessage() { return this.handler; }
    };
    window.__release = () => { window.__hold = false; for (const f of window.__held.splice(0)) f(); };
  });
  await page.goto(browser.url + path);
  await page.waitForSelector('body[data-ready=true]');
  return page;
}

describe('two tabs, same claim, same instant', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('the losing tab shows what is stored, its next action keeps the winner\'s note, and the other note is offered', async () => {
    const claim = `${DOC}#2`;
    const path = `#/doc/${DOC}/${encodeURIComponent(claim)}`;
    const one = await browser.open(path);
    await saved(one);
    const two = await deafTab(browser, path);
    await two.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    await one.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    // Tab one writes its note; tab two, not yet told, writes its own.
    await one.fill('[data-testid=claim-note]', 'catatan tab satu');
    await saved(one);
    await two.fill('[data-testid=claim-note]', 'catatan tab dua');
    await saved(two);
    // `Tersimpan` means the screen is what is stored.
    const now = (await stored(two, 'claims', claim)).note;
    assert.equal(await two.inputValue('[data-testid=claim-note]'), now, 'tab two shows what is stored');
    await two.evaluate(() => window.__release());
    // An unrelated action in tab two.
    await two.click('[data-testid=claim-accept]');
    await saved(two);
    await saved(one);
    const record = await stored(one, 'claims', claim);
    assert.equal(record.status, 'accepted');
    const notes = new Set(['catatan tab satu', 'catatan tab dua']);
    assert.ok(notes.has(record.note), `stored note: ${record.note}`);
    // Storage and screen agree in both tabs.
    for (const page of [one, two]) {
      await page.waitForFunction((note) => document.querySelector('[data-testid=claim-note]').value === note, record.note, { timeout: 5000 });
    }
    // The other note is not lost: it is offered, and restoring it stores it.
    const other = [...notes].find((n) => n !== record.note);
    for (const page of [one, two]) {
      await page.waitForSelector('[data-testid=claim-conflict]', { timeout: 5000 });
      assert.match(await page.textContent('[data-testid=claim-conflict]'), new RegExp(other));
    }
    await one.click('[data-testid=conflict-restore]');
    await saved(one);
    assert.equal((await stored(one, 'claims', claim)).note, other);
    await two.waitForFunction((note) => document.querySelector('[data-testid=claim-note]').value === note, other, { timeout: 5000 });
    assert.deepEqual(browser.errors, []);
  });
});

describe('two tabs, same claim: the claimant\'s identity and the note (user test 4 #1)', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  /** The first claim of DOC with a claimant (identity fields editable). */
  async function claimWithClaimant(page) {
    return page.evaluate((doc) => [...window.klaimModel.claims.values()].find((c) => c.doc === doc && c.claimant)?.id, DOC);
  }
  const value = (page, id) => page.inputValue(`[data-testid=${id}]`);
  /** Waits until the control `id` shows `v` (or fails with what it shows). */
  async function shows(page, id, v, what) {
    try {
      await page.waitForFunction(([id, v]) => document.querySelector(`[data-testid=${id}]`).value === v, [id, v], { timeout: 5000 });
    } catch {
      assert.fail(`${what}: ${id} shows ${JSON.stringify(await value(page, id))}, stored ${JSON.stringify(v)}`);
    }
  }

  test('a later edit from the other tab shows in a tab still in the field (it says Tersimpan), and after it leaves it', async () => {
    const first = await browser.open(`#/doc/${DOC}`);
    await saved(first);
    const claim = await claimWithClaimant(first);
    assert.ok(claim, 'a sample claim with a claimant');
    const path = `#/doc/${DOC}/${encodeURIComponent(claim)}`;
    await first.close();
    const one = await browser.open(path);
    const two = await browser.open(path);
    for (const page of [one, two]) await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    // A role written in one shows in the other without a reload.
    await one.fill('[data-testid=claim-role]', 'Juru Bicara Keamanan');
    await saved(one);
    await shows(two, 'claim-role', 'Juru Bicara Keamanan', 'tab two after tab one\'s role');
    // One writes an affiliation; two, having heard it, writes its own after.
    for (const [id, a, b] of [['claim-affiliation', 'Gedung Putih (A)', 'NSC (B)'], ['claim-note', 'catatan A', 'catatan B'], ['claim-claimant', 'John Kirby (A)', 'John Kirby (B)']]) {
      await one.fill(`[data-testid=${id}]`, a);
      await saved(one);
      await shows(two, id, a, 'tab two before its own edit');
      await two.fill(`[data-testid=${id}]`, b);
      await saved(two);
      // Tab one hears of it while still in the field, then both leave it.
      await one.waitForFunction(([claim, id, b]) => {
        const c = window.klaimModel.claims.get(claim);
        return (id === 'claim-affiliation' ? c.claimant.affiliation : id === 'claim-note' ? c.note : c.claimant.resolved) === b;
      }, [claim, id, b]);
      // `Tersimpan` while still in the field: the field shows what is stored.
      await saved(one);
      assert.equal(await one.evaluate(() => document.activeElement?.dataset?.testid), id, 'tab one is still in the field');
      await shows(one, id, b, 'tab one, still in the field, says Tersimpan');
      // And says so, without stopping the typing: which field, what it
      // holds now, what it held. The note has its own line.
      const notice = id === 'claim-note' ? 'claim-note-remote' : 'claim-field-remote';
      assert.ok(await one.isVisible(`[data-testid=${notice}]`), `tab one is told the ${id} was replaced`);
      if (id !== 'claim-note') {
        const told = await one.textContent(`[data-testid=${notice}]`);
        assert.ok(told.includes(b) && told.includes(a) && /tab lain/i.test(told), `the notice says what changed: ${told}`);
        assert.equal(await one.getAttribute(`[data-testid=${notice}]`, 'role'), 'status');
      }
      // Tab reaches the notice's way back to tab one's text, then leaves.
      await one.keyboard.press('Tab');
      assert.equal(await one.evaluate(() => document.activeElement?.dataset?.testid), 'remote-restore', 'Tab reaches the notice\'s button');
      await one.keyboard.press('Tab');
      assert.equal(await one.isVisible(`[data-testid=${notice}]`), false, 'the notice goes when the field is left');
      await two.keyboard.press('Tab');
      const record = await stored(one, 'claims', claim);
      const now = id === 'claim-affiliation' ? record.claimant.affiliation : id === 'claim-note' ? record.note : record.claimant.resolved;
      assert.equal(now, b, 'the later edit is stored');
      await saved(one);
      await shows(one, id, now, 'tab one says Tersimpan');
      await shows(two, id, now, 'tab two says Tersimpan');
    }
    assert.equal(await one.locator('[data-testid=claim-conflict]').count(), 0, 'an edit made over the other one is no conflict');
    assert.deepEqual(browser.errors, []);
    await one.close();
    await two.close();
  });

  test('edits of one claimant at the same instant: different parts are both kept; the same part keeps the newer, offers the other, and restores it', async () => {
    const first = await browser.open(`#/doc/${DOC}`);
    await saved(first);
    const claim = await claimWithClaimant(first);
    const path = `#/doc/${DOC}/${encodeURIComponent(claim)}`;
    await first.close();
    const one = await browser.open(path);
    await saved(one);
    const two = await deafTab(browser, path);
    for (const page of [one, two]) await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    // Tab one writes a role; tab two, not yet told, an affiliation: both stay.
    await one.fill('[data-testid=claim-role]', 'Juru Bicara (satu)');
    await saved(one);
    await two.fill('[data-testid=claim-affiliation]', 'Dewan Keamanan (dua)');
    await saved(two);
    let record = await stored(two, 'claims', claim);
    assert.equal(record.claimant.role, 'Juru Bicara (satu)', 'tab one\'s role is kept');
    assert.equal(record.claimant.affiliation, 'Dewan Keamanan (dua)', 'tab two\'s affiliation is kept');
    await two.keyboard.press('Tab');
    await shows(two, 'claim-role', 'Juru Bicara (satu)', 'tab two after the merge');
    await two.evaluate(() => window.__release());
    await one.keyboard.press('Tab');
    await shows(one, 'claim-affiliation', 'Dewan Keamanan (dua)', 'tab one after the merge');
    assert.equal(await one.locator('[data-testid=claim-conflict]').count(), 0, 'different parts: no conflict');
    // Now both the affiliation, at the same instant.
    await two.evaluate(() => { window.__hold = true; });
    await one.fill('[data-testid=claim-affiliation]', 'Gedung Putih (A)');
    await saved(one);
    await two.fill('[data-testid=claim-affiliation]', 'NSC (B)');
    await saved(two);
    await two.evaluate(() => window.__release());
    for (const page of [one, two]) await page.keyboard.press('Tab');
    record = await stored(one, 'claims', claim);
    const values = new Set(['Gedung Putih (A)', 'NSC (B)']);
    assert.ok(values.has(record.claimant.affiliation), `stored: ${record.claimant.affiliation}`);
    assert.equal(record.claimant.role, 'Juru Bicara (satu)', 'the role is untouched');
    const other = [...values].find((v) => v !== record.claimant.affiliation);
    for (const page of [one, two]) {
      await saved(page);
      await shows(page, 'claim-affiliation', record.claimant.affiliation, 'after the conflict');
      await page.waitForSelector('[data-testid=claim-conflict]', { timeout: 5000 });
      assert.match(await page.textContent('[data-testid=claim-conflict]'), new RegExp(other.replace(/[()]/g, '\\$&')), 'the other value is offered');
    }
    await one.click('[data-testid=conflict-restore]');
    await saved(one);
    record = await stored(one, 'claims', claim);
    assert.equal(record.claimant.affiliation, other, 'restored');
    assert.equal(record.claimant.role, 'Juru Bicara (satu)', 'restoring the affiliation keeps the role');
    await shows(two, 'claim-affiliation', other, 'tab two after the restore');
    assert.deepEqual(browser.errors, []);
  });
});

describe('two tabs renaming one document at once', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('the newer name is stored and shown in both; the other is offered and restorable', async () => {
    const path = `#/doc/${DOC}`;
    const one = await browser.open(path);
    await saved(one);
    const two = await deafTab(browser, path);
    const rename = async (page, name) => {
      await page.locator(`[data-doc-id="${DOC}"] [data-testid=doc-rename]`).click();
      await page.fill('[data-testid=rename-input]', name);
      await page.press('[data-testid=rename-input]', 'Enter');
      await saved(page);
    };
    await rename(one, 'Nama dari tab satu');
    await rename(two, 'Nama dari tab dua');
    await two.evaluate(() => window.__release());
    const name = (await stored(one, 'documents', DOC)).name;
    assert.equal(name, 'Nama dari tab dua');
    for (const page of [one, two]) {
      await page.waitForSelector(`.doc-title >> text=${name}`, { timeout: 5000 });
      await page.waitForSelector('[data-testid=doc-conflict] >> text=Nama dari tab satu', { timeout: 5000 });
    }
    await one.click('[data-testid=doc-conflict-restore]');
    await saved(one);
    assert.equal((await stored(one, 'documents', DOC)).name, 'Nama dari tab satu');
    await two.waitForSelector('.doc-title >> text=Nama dari tab satu', { timeout: 5000 });
    assert.equal(await two.locator('[data-testid=doc-conflict]').count(), 0);
    assert.deepEqual(browser.errors, []);
  });
});

/** Deletes the library from another page of the same origin. */
async function deleteFromElsewhere(browser) {
  const other = await browser.context.newPage();
  await other.route('**/favicon.ico', (r) => r.fulfill({ status: 204, body: '' }));
  await other.goto(`${browser.url}samples/index.json`);
  const result = await other.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('klaim');
    req.onsuccess = () => resolve('deleted');
    req.onerror = () => resolve(`error: ${req.error}`);
    req.onblocked = () => resolve('blocked');
  }));
  await other.close();
  return result;
}

describe('a library deleted behind the page\'s back', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('the open tab says so and can save it back; a reload reports it vanished instead of seeding samples', async () => {
    const claim = `${DOC}#1`;
    const page = await browser.open(`#/doc/${DOC}/${encodeURIComponent(claim)}`);
    await saved(page);
    await page.fill('[data-testid=claim-note]', 'catatan penting');
    await saved(page);
    assert.equal(await deleteFromElsewhere(browser), 'deleted');
    // The open tab still holds everything: it says so and saves it back.
    await page.waitForSelector('[data-testid=library-deleted]', { timeout: 5000 });
    await page.click('[data-testid=deleted-resave]');
    await saved(page);
    assert.equal((await stored(page, 'claims', claim))?.note, 'catatan penting');
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await page.locator('[data-testid=doc-row]').count(), 5);
    assert.equal(await page.locator('[data-testid=library-vanished]').count(), 0);

    // Deleted again, and this time the page is reloaded without saving back.
    assert.equal(await deleteFromElsewhere(browser), 'deleted');
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('[data-testid=library-vanished]');
    const text = await page.textContent('[data-testid=library-vanished]');
    assert.match(text, /5 dokumen/);
    assert.match(text, /hilang/);
    assert.equal(await page.locator('[data-testid=doc-row]').count(), 0, 'no samples seeded over the vanished library');
    assert.equal(await stored(page, 'meta', 'seeded'), undefined);
    // The user's choice: the samples come only when asked for.
    await page.click('[data-testid=vanished-samples]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 5);
    assert.deepEqual(browser.errors, []);
  });
});

describe('persistent storage and the export reminder', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('persist() is requested on the first real edit and its state is shown', async () => {
    await browser.context.addInitScript(() => {
      window.__persistCalls = 0;
      navigator.storage.persisted = async () => window.__persistCalls > 0;
      navigator.storage.persist = async () => { window.__persistCalls++; return true; };
    });
    const page = await browser.open(`#/doc/${DOC}/${encodeURIComponent(`${DOC}#0`)}`);
    await saved(page);
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not on load');
    await page.click('[data-testid=claim-accept]');
    await page.waitForFunction(() => window.__persistCalls === 1);
    await page.waitForSelector('[data-testid=persist-state][data-state=persistent]');
  });

  test('unexported work older than a week brings a reminder that can be dismissed; an export ends it', async () => {
    const page = await browser.open();
    await saved(page);
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    await page.evaluate((old) => {
      const m = JSON.parse(localStorage.getItem('klaim.library') ?? '{}');
      localStorage.setItem('klaim.library', JSON.stringify({ ...m, unexportedSince: old }));
    }, old);
    await page.reload();
    await page.waitForSelector('[data-testid=export-reminder]');
    await page.click('[data-testid=export-reminder-dismiss]');
    assert.equal(await page.locator('[data-testid=export-reminder]').count(), 0);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await page.locator('[data-testid=export-reminder]').count(), 0, 'dismissed for a week');
    // Past the week of the dismissal it comes back; an export of the project ends it.
    await page.evaluate((old) => {
      const m = JSON.parse(localStorage.getItem('klaim.library'));
      localStorage.setItem('klaim.library', JSON.stringify({ ...m, reminderDismissed: old }));
    }, old);
    await page.reload();
    await page.waitForSelector('[data-testid=export-reminder]');
    await Promise.all([page.waitForEvent('download'), page.click('[data-testid=guard-export]')]);
    assert.equal(await page.locator('[data-testid=export-reminder]').count(), 0);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await page.locator('[data-testid=export-reminder]').count(), 0);
  });
});

describe('a full disk', () => {
  const disk = smallDisk('160m');
  let browser;
  const filler = disk && join(disk.dir, 'filler');
  before(async () => { browser = await start(disk ? { profileDir: join(disk.dir, 'profile') } : {}); });
  after(async () => {
    await browser?.stop();
    disk?.stop();
  });

  test(`an add that does not fit says so plainly, keeps the work in the tab and saves it once there is room (${disk ? 'tmpfs profile' : 'CDP storage quota'})`, async () => {
    const page = await browser.open();
    await saved(page);
    const cdp = disk ? null : await browser.context.newCDPSession(page);
    if (disk) {
      // Everything but a few KB of the filesystem taken.
      const { statfsSync } = await import('node:fs');
      const free = statfsSync(disk.dir).bavail * statfsSync(disk.dir).bsize;
      writeFileSync(filler, Buffer.alloc(Math.max(0, free - 512 * 1024)));
    } else {
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(browser.url).origin, quotaSize: usage + 64 * 1024 });
    }
    // Words that do not repeat: an added document's claims are one record
    // (store.js bundles), which IndexedDB compresses; a text that repeats
    // itself would fit in the few KB left.
    let seed = 7;
    const word = () => Array.from({ length: 14 }, () => { seed = (seed * 1103515245 + 12345) % 2147483648; return 'abcdefghijklmnoprstuwy'[seed % 22]; }).join('');
    const text = Array.from({ length: 4000 }, (_, i) => `Menurut ${word()}, ${i + 1} orang ${word()} ditahan di ${word()} pada hari ke-${i}.`).join('\n');
    await page.evaluate((text) => {
      const box = document.querySelector('[data-testid=paste-input]');
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.click('[data-testid=paste-add]');
    await page.waitForSelector('[data-testid=storage-failed]', { timeout: 30_000 });
    const message = await page.textContent('[data-testid=storage-failed]');
    assert.match(message, /^(Ruang penyimpanan penuh|Penyimpanan di peramban gagal): perubahan terakhir BELUM tersimpan/);
    assert.notEqual(await page.getAttribute('[data-testid=save-state]', 'data-state'), 'saved');
    assert.equal(await page.locator('[data-testid=doc-row]').count(), 6, 'the new document stays in the tab');
    // Room again: the same work is saved and survives a reload.
    if (disk) rmSync(filler);
    else await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(browser.url).origin });
    await page.click('[data-testid=storage-retry]');
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    const rows = await page.locator('[data-testid=doc-row]').count();
    const vanished = await page.locator('[data-testid=library-vanished]').count();
    assert.equal(rows, 6, `after a reload: ${rows} documents, vanished notice: ${vanished}`);
  });
});

describe('closing the tab during an import', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('the save state says what is not saved yet and closing the tab asks first', async () => {
    const page = await browser.open();
    await saved(page);
    // A user gesture first: Chromium asks before unloading only pages the user touched.
    await page.click('[data-testid=library-search]');
    // Enough documents that the import lasts a while on a fast machine.
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `imp-${i}`, title: `Berita ${i}`, text: `Menurut polisi, ${i + 3} orang ditahan di Bandung. "Kami masih menyelidiki," kata Kapolres AKBP Budi Santoso, Senin.` }));
    await page.setInputFiles('[data-testid=file-input]', { name: 'banyak.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) });
    // While the import runs: the save state names what is not saved.
    await page.waitForFunction(() => /\d+ dokumen/.test(document.querySelector('[data-testid=save-state]').textContent), null, { timeout: 10_000, polling: 10 });
    const state = await page.getAttribute('[data-testid=save-state]', 'data-state');
    assert.notEqual(state, 'saved');
    assert.match(await page.textContent('[data-testid=save-state]'), /belum tersimpan/);
    // Closing the tab now asks first.
    const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await Promise.race([asked, new Promise((r) => setTimeout(() => r('no dialog'), 5000))]), 'beforeunload');
    await page.waitForFunction(() => document.querySelector('[data-testid=save-state]').dataset.state === 'saved', null, { timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=doc-list]').dataset.count === '3005', null, { timeout: 60_000 });
    await page.close();
  });
});
