// Re-extraction keeps the user's work (issue 9, part 6), and the undo
// history survives a reload. The page is made to believe its extractor is
// newer than the one that extracted the library with the test hook
// `?extractor-version=N` (www/js/reextract.js).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickFile, ROOT, saved, selectText, start } from './harness.mjs';

const ARTICLE = [
  'JAKARTA – Pemerintah menaikkan harga beras medium sebesar 5 persen mulai bulan depan.',
  '“Kami sudah menghitung dampaknya terhadap inflasi,” kata Menteri Perdagangan Budi Santoso di Jakarta, Senin.',
  'Menurut Badan Pusat Statistik, inflasi bulan lalu mencapai 2,8 persen.',
  'Warga di pasar mengeluhkan harga yang terus naik sejak awal tahun.',
].join('\n');

const row = (page, id) => page.locator(`[data-testid=claim-row][data-claim-id="${id}"]`);

/** The user's work on document `doc`, as the page holds it. */
function work(page, doc) {
  return page.evaluate((doc) => window.klaimModel.claimsOf(doc).map((c) => ({
    id: c.id, start: c.start, end: c.end, origin: c.origin, status: c.status, tags: c.tags, note: c.note,
    claimant: c.claimant?.resolved ?? null,
  })), doc);
}

async function openClaim(page, id) {
  await row(page, id).click();
  await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
}

describe('re-extraction', () => {
  let browser;
  let page;
  let doc;
  let ids;

  before(async () => {
    browser = await start();
    page = await browser.open();
    await saved(page);
    await page.fill('[data-testid=paste-input]', ARTICLE);
    await page.fill('[data-testid=paste-name]', 'Harga beras');
    await page.click('[data-testid=paste-add]');
    await page.waitForSelector('.doc-row.active >> text=Harga beras');
    await saved(page);
    doc = await page.evaluate(() => window.klaimModel.documentList().find((d) => d.name === 'Harga beras').id);
    ids = (await work(page, doc)).map((c) => c.id);
  });

  after(async () => {
    await browser?.stop();
  });

  test('every decision survives re-extraction and a reload', async () => {
    assert.ok(ids.length >= 4, `claims: ${ids.length}`);
    const [first, quote, third] = ids;
    await openClaim(page, first);
    await page.click('[data-testid=claim-accept]');
    await page.click('[data-testid=tag-salah]');
    await page.fill('[data-testid=claim-note]', 'Cek data BPS');
    await openClaim(page, quote);
    await page.fill('[data-testid=claim-claimant]', 'Budi Santoso (Mendag)');
    await openClaim(page, third);
    await page.click('[data-testid=claim-reject]');
    // A claim of the user's own, inside an extracted one.
    const at = ARTICLE.indexOf('harga beras medium');
    await selectText(page, at, at + 'harga beras medium'.length);
    await page.click('[data-testid=add-claim]');
    await saved(page);
    const before = await work(page, doc);
    const mine = before.filter((c) => c.origin === 'user');
    assert.equal(mine.length, 1);
    assert.equal(await page.locator('[data-testid=reextract-offer]').count(), 0, 'no offer while the extractor is the same');

    // The page now runs a "newer" extractor.
    await page.goto(`${browser.url}?extractor-version=99#/doc/${encodeURIComponent(doc)}`);
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('[data-testid=reextract-offer]');
    // Extraction and carry-over run in the worker.
    await page.waitForSelector('body[data-extractor=worker]');
    await page.click('[data-testid=reextract-run]');
    const report = await page.waitForSelector('[data-testid=reextract-report]', { timeout: 30_000 });
    const words = await report.textContent();
    await saved(page);
    const docs = await page.evaluate(() => window.klaimModel.documentList().map((d) => d.extractor));
    assert.ok(docs.every((v) => v === 99), `extractor recorded: ${docs}`);

    const check = async (when) => {
      const after = await work(page, doc);
      const byId = new Map(after.map((c) => [c.id, c]));
      assert.equal(byId.get(first)?.status, 'accepted', when);
      assert.deepEqual(byId.get(first)?.tags, ['salah'], when);
      assert.equal(byId.get(first)?.note, 'Cek data BPS', when);
      assert.equal(byId.get(quote)?.claimant, 'Budi Santoso (Mendag)', when);
      assert.equal(byId.get(third)?.status, 'rejected', when);
      const user = after.filter((c) => c.origin === 'user');
      assert.deepEqual(user.map(({ start, end, status }) => ({ start, end, status })), mine.map(({ start, end, status }) => ({ start, end, status })), when);
      assert.equal(after.length, before.length, when);
    };
    await check('after re-extraction');
    // The report counts the claims whose work moved (3), those not matched
    // (0) and the user claim kept (1), in the interface language.
    assert.match(words, /pada 3 klaim dipindahkan|on 3 claims moved/, words);
    assert.match(words, /; 0 klaim tidak cocok|; 0 claims could not/, words);
    assert.match(words, /; 1 klaim Anda sendiri tetap|1 of your own claim kept/, words);

    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await check('after a reload');
    assert.equal(await page.locator('[data-testid=reextract-offer]').count(), 0, 'no second offer');
    await openClaim(page, first);
    assert.equal(await row(page, first).getAttribute('data-status'), 'accepted');
    assert.equal(await page.inputValue('[data-testid=claim-note]'), 'Cek data BPS');
  });

  test('the undo history survives a reload', async () => {
    const id = ids[3];
    await openClaim(page, id);
    assert.equal(await row(page, id).getAttribute('data-status'), 'pending');
    await page.click('[data-testid=claim-accept]');
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector(`[data-testid=claim-row][data-claim-id="${id}"][data-status=accepted]`);
    await page.locator('body').press('Control+z');
    await page.waitForSelector(`[data-testid=claim-row][data-claim-id="${id}"][data-status=pending]`, { timeout: 5_000 });
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await row(page, id).getAttribute('data-status'), 'pending', 'the undo is stored');
    // And redo is there too.
    await page.locator('body').press('Control+Shift+z');
    await page.waitForSelector(`[data-testid=claim-row][data-claim-id="${id}"][data-status=accepted]`, { timeout: 5_000 });
    assert.deepEqual(browser.errors, []);
  });

  test('a cancelled re-extraction leaves every document whole and every decision in place', { timeout: 600_000 }, async () => {
    // A library large enough to stop halfway: 300 more articles, imported
    // by the extractor the page really has.
    const samples = readdirSync(join(ROOT, 'www/samples')).filter((f) => f.endsWith('.txt')).sort()
      .map((f) => readFileSync(join(ROOT, 'www/samples', f), 'utf8'));
    const jsonl = Array.from({ length: 300 }, (_, i) => JSON.stringify({
      id: `re-${i}`, title: `Arsip ${i + 1}`, text: `${samples[i % 5]}\nArsip nomor ${i + 1}.`,
    })).join('\n');
    await page.goto(browser.url);
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('body[data-extractor=worker]');
    const count = await page.evaluate(() => window.klaimModel.documentList().length);
    await pickFile(page, 'arsip.jsonl', jsonl);
    await page.waitForFunction((n) => window.klaimModel.documentList().length >= n, count + 300, { timeout: 300_000 });
    await saved(page);
    // Decisions spread over the library, in documents re-extracted early,
    // late, and never (cancelled before them).
    const decided = await page.evaluate(() => {
      const m = window.klaimModel;
      const docs = m.documentList().filter((d) => d.name.startsWith('Arsip '));
      const out = [];
      for (const k of [0, 1, 15, 150, 299]) {
        const c = m.claimsOf(docs[k].id)[1];
        m.editClaim(c.id, { status: 'accepted' });
        m.toggleTag(c.id, 'salah');
        out.push({ doc: docs[k].id, id: c.id });
      }
      return out;
    });
    await saved(page);
    const snapshot = () => page.evaluate(() => {
      const m = window.klaimModel;
      return Object.fromEntries(m.documentList().map((d) => [d.id, {
        extractor: d.extractor ?? 0,
        claims: m.claimsOf(d.id).map((c) => `${c.id} ${c.start}-${c.end} ${c.status} ${c.tags.join(',')} ${c.origin}`),
      }]));
    });
    const before = await snapshot();
    const stale = Object.values(before).filter((d) => d.extractor < 99).length;
    assert.ok(stale >= 300, `stale: ${stale}`);

    await page.goto(`${browser.url}?extractor-version=99`);
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('body[data-extractor=worker]');
    await page.click('[data-testid=reextract-run]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=job-progress]')?.dataset.done) >= 30, null, { timeout: 300_000, polling: 20 });
    await page.click('[data-testid=job-cancel]');
    const report = await (await page.waitForSelector('[data-testid=reextract-report]', { timeout: 60_000 })).textContent();
    assert.match(report, /dibatalkan|cancelled/, report);
    await saved(page);

    // What is stored after a reload: each document either re-extracted whole
    // (version 99, all its claims) or untouched, and every decision there.
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    const after = await snapshot();
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'no document lost or added');
    let done = 0;
    for (const [id, doc] of Object.entries(after)) {
      assert.ok(doc.extractor === 99 || doc.extractor === before[id].extractor, `${id}: extractor ${doc.extractor}`);
      if (doc.extractor === 99 && before[id].extractor !== 99) done++;
      // The same extractor makes the same claims: whole, with the same ids
      // and the user's work.
      assert.deepEqual(doc.claims, before[id].claims, id);
    }
    assert.ok(done >= 30 && done < stale, `stopped part way: ${done} of ${stale} re-extracted`);
    assert.match(report, new RegExp(`setelah ${done} dari ${stale}|after ${done} of ${stale}`), report);
    const decisions = await page.evaluate((ids) => ids.map(({ doc, id }) => {
      const c = window.klaimModel.claimsOf(doc).find((x) => x.id === id);
      return c && `${c.status} ${c.tags}`;
    }), decided);
    assert.deepEqual(decisions, decided.map(() => 'accepted salah'));
    // The rest is offered again.
    const offer = await (await page.waitForSelector('[data-testid=reextract-offer]')).textContent();
    assert.match(offer, new RegExp(`\\b${stale - done}\\b`), offer);
    assert.deepEqual(browser.errors, []);
  });
});

describe('re-extraction that no longer finds a claim', () => {
  let browser;
  before(async () => { browser = await start(); });
  after(async () => { await browser?.stop(); });

  test('work on a claim the new extractor does not make stays as the user\'s own, and the report counts it unmatched', async () => {
    const page = await browser.open();
    await saved(page);
    await page.fill('[data-testid=paste-input]', ARTICLE);
    await page.fill('[data-testid=paste-name]', 'Harga beras lama');
    await page.click('[data-testid=paste-add]');
    await page.waitForSelector('.doc-row.active >> text=Harga beras lama');
    await saved(page);
    // A claim an older extractor made over the dateline (which the one the
    // page has sets aside as boilerplate), accepted, tagged and noted.
    const id = await page.evaluate(async () => {
      const m = window.klaimModel;
      const doc = m.documentList().find((d) => d.name === 'Harga beras lama');
      const claim = {
        ...m.claimsOf(doc.id)[0], id: `${doc.id}#90`, start: 0, end: 7, text: doc.text.slice(0, 7),
        claimant: null, cue: null, via: null, quantities: [], status: 'accepted', tags: ['salah'], note: 'dari versi lama', rev: 1,
      };
      delete claim.changed;
      await m.apply([{ store: 'claims', key: claim.id, before: null, after: claim }], { label: ['op.edit'] });
      return claim.id;
    });
    await saved(page);
    const doc = await page.evaluate(() => window.klaimModel.documentList().find((d) => d.name === 'Harga beras lama').id);
    const count = (await work(page, doc)).length;
    await page.goto(`${browser.url}?extractor-version=99#/doc/${encodeURIComponent(doc)}`);
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('body[data-extractor=worker]');
    await page.click('[data-testid=reextract-run]');
    const words = await (await page.waitForSelector('[data-testid=reextract-report]', { timeout: 30_000 })).textContent();
    await saved(page);
    assert.match(words, /; 1 klaim tidak cocok|; 1 claim could not/, words);
    const check = async (when) => {
      const after = await work(page, doc);
      const kept = after.find((c) => c.id === id);
      assert.deepEqual(kept && { origin: kept.origin, status: kept.status, tags: kept.tags, note: kept.note, start: kept.start, end: kept.end },
        { origin: 'user', status: 'accepted', tags: ['salah'], note: 'dari versi lama', start: 0, end: 7 }, when);
      assert.equal(after.length, count, when);
    };
    await check('after re-extraction');
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await check('after a reload');
    assert.deepEqual(browser.errors, []);
  });
});
