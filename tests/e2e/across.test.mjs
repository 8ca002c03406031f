// Across articles (issue 8), end to end in headless Chromium: the compare
// view lines up the samples' container numbers with the conflict marked;
// grouping corrections (split, join) are undoable and survive a reload, and
// so are the people's (a claimant split out of a person, two people joined);
// document facts are editable and stored; ClaimReview files (a publisher's
// @graph page markup, a plain array, and klaim's own export) go into the
// fact-check archive and show on the claims they match, in the details and
// the table; and none of it makes a request beyond the page's origin.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, start, saved, screenshot, stored } from './harness.mjs';

const FIXTURES = join(ROOT, 'tests/e2e/fixtures');
const TRIBUN = '001_070c2e44d61fb293';
const INDOPOS = '002_7200fbc241553ea4';

/** Opens a view from the top bar and waits for the links to be computed. */
async function view(page, name) {
  await page.click(`[data-testid=nav-${name}]`);
  await page.waitForSelector(`[data-testid=${name}-view]:not([hidden])`);
  await page.waitForFunction(() => window.klaimLinks?.result && window.klaimLinks.state === 'idle', null, { timeout: 30_000 });
}

/** The groups shown in the compare view: [{group, claims: [claim id]}]. */
function groups(page) {
  return page.$$eval('[data-testid=group-item]', (els) => els.map((e) => ({
    group: e.dataset.group, claims: e.dataset.claims.split(' ').filter(Boolean), conflicts: Number(e.dataset.conflicts),
  })));
}

/** Chooses the group whose claims include `a` (and `b`); returns its claim ids. */
async function choose(page, pred) {
  const all = await groups(page);
  const g = all.find((x) => pred(x.claims, x));
  assert.ok(g, `a group matching: ${JSON.stringify(all).slice(0, 400)}`);
  await page.click(`[data-testid=group-item][data-group="${g.group}"]`);
  await page.waitForSelector(`[data-testid=group-item][data-group="${g.group}"][aria-current=true]`);
  return g.claims;
}

const fromDoc = (doc) => (id) => id.startsWith(`${doc}#`);

/** Every request the context makes; `foreign()` lists those leaving the origin. */
function watchRequests(s) {
  const requests = [];
  s.context.on('request', (r) => requests.push(r.url()));
  return { requests, foreign: () => requests.filter((u) => !u.startsWith(s.url) && !/^(blob|data):/.test(u)) };
}

describe('across articles', () => {
  let s;
  let page;
  let net;

  before(async () => {
    s = await start();
    net = watchRequests(s);
    page = await s.open();
    await saved(page);
  });

  after(async () => {
    assert.deepEqual(net.foreign(), [], 'no request leaves the page’s origin');
    assert.ok(net.requests.some((u) => u.endsWith('.wasm')), 'the requests were watched');
    assert.deepEqual(s.errors, []);
    await s.stop();
  });

  test('the compare view lines up the samples’ container numbers and marks the conflict', async () => {
    await view(page, 'compare');
    // The group of the White House's figure (Indopos) and Tribunnews's.
    // Several groups span both outlets with a conflict (the war's duration
    // too): the one whose values hold Kirby's 1.000.
    const containers = (c, g) => g.conflicts > 0 && c.some(fromDoc(TRIBUN)) && c.some(fromDoc(INDOPOS));
    const read = () => page.$$eval('[data-testid=compare-value]', (els) => els.map((e) => ({
      doc: e.closest('[data-testid=compare-row]').dataset.doc, value: Number(e.dataset.value), conflict: e.dataset.conflict, text: e.textContent,
    })));
    let values = [];
    for (const g of (await groups(page)).filter((x) => containers(x.claims, x))) {
      await page.click(`[data-testid=group-item][data-group="${g.group}"]`);
      await page.waitForSelector(`[data-testid=group-item][data-group="${g.group}"][aria-current=true]`);
      assert.ok(g.claims.length >= 2);
      values = await read();
      if (values.some((v) => v.doc === INDOPOS && v.value === 1000)) break;
    }
    assert.ok(values.some((v) => v.doc === INDOPOS && v.value === 1000 && /1\.000 kontainer/.test(v.text)), `1.000 kontainer shown: ${JSON.stringify(values)}`);
    assert.ok(values.some((v) => v.doc === TRIBUN && [6700, 10000, 9000].includes(v.value)), `Tribunnews's figure shown: ${JSON.stringify(values)}`);
    assert.ok(values.some((v) => v.conflict === 'true'), 'the disagreement is marked');
    // In one column: the values' cells share their left and right edges.
    const edges = await page.$$eval('[data-testid=compare-value]', (els) => els.map((e) => Math.round(e.parentElement.getBoundingClientRect().right)));
    assert.equal(new Set(edges).size, 1, `one column: ${edges}`);
    assert.match(await page.textContent('[data-testid=compare-conflict]'), /kontainer/);
    // Each outlet's claim in its own words, with its outlet.
    const rows = await page.$$eval('[data-testid=compare-row]', (els) => els.map((e) => ({ doc: e.dataset.doc, outlet: e.querySelector('[data-testid=compare-outlet]').textContent })));
    assert.ok(new Set(rows.map((r) => r.doc)).size >= 2);
    await screenshot(page, 'compare');
    // One click opens the claim in its document.
    const row = page.locator(`[data-testid=compare-row][data-doc="${INDOPOS}"]`).first();
    const id = await row.getAttribute('data-claim-id');
    await row.locator('[data-testid=compare-open]').click();
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
    assert.equal(decodeURIComponent(new URL(page.url()).hash), `#/doc/${INDOPOS}/${id}`);
  });

  test('document facts: the outlet and date are edited, shown when comparing, and stored', async () => {
    await page.goto(`${s.url}#/doc/${INDOPOS}`);
    await page.waitForSelector('[data-testid=doc-outlet]');
    await page.fill('[data-testid=doc-outlet]', 'INDOPOS.CO.ID');
    await page.press('[data-testid=doc-outlet]', 'Enter');
    await page.fill('[data-testid=doc-published]', '2023-10-14');
    await page.locator('[data-testid=doc-published]').blur();
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('[data-testid=doc-outlet]');
    assert.equal(await page.inputValue('[data-testid=doc-outlet]'), 'INDOPOS.CO.ID');
    assert.equal(await page.inputValue('[data-testid=doc-published]'), '2023-10-14');
    await view(page, 'compare');
    await choose(page, (c) => c.some(fromDoc(INDOPOS)));
    const row = page.locator(`[data-testid=compare-row][data-doc="${INDOPOS}"]`).first();
    assert.match(await row.textContent(), /INDOPOS\.CO\.ID[\s\S]*2023-10-14/);
    const project = await page.evaluate(() => window.klaimModel.project());
    const doc = project.documents.find((d) => d.id === INDOPOS);
    assert.equal(doc.outlet, 'INDOPOS.CO.ID');
    assert.equal(doc.published, '2023-10-14');
  });

  test('a library stored with dates and times gets them cut to the day on load; a date in the user’s own words and every other field are kept', async () => {
    // As a library of last session holds them: written straight into
    // storage, as the page wrote them then (a newer rev, the rest as it was).
    const put = (id, published) => page.evaluate(([id, published]) => new Promise((resolve, reject) => {
      const req = indexedDB.open('klaim');
      req.onsuccess = () => {
        const tx = req.result.transaction('documents', 'readwrite');
        const os = tx.objectStore('documents');
        const get = os.get(id);
        get.onsuccess = () => os.put({ ...get.result, published, rev: get.result.rev + 1 });
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    }), [id, published]);
    await saved(page);
    const before = await stored(page, 'documents', TRIBUN);
    await put(TRIBUN, '2023-03-15T09:15');
    await put(INDOPOS, '14 Oktober 2023');
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await saved(page);
    const doc = await page.evaluate((id) => window.klaimModel.documents.get(id), TRIBUN);
    assert.equal(doc.published, '2023-03-15', 'cut to the day');
    const kept = await stored(page, 'documents', TRIBUN);
    assert.equal(kept.published, '2023-03-15', 'and stored so');
    for (const field of ['name', 'outlet', 'url', 'edited', 'added', 'text']) assert.equal(kept[field], before[field], `${field} kept`);
    assert.equal((await stored(page, 'documents', INDOPOS)).published, '14 Oktober 2023', 'a date in other words is the user’s: kept');
    await page.evaluate((id) => window.klaimModel.editDocumentFacts(id, { published: '2023-10-14' }), INDOPOS);
    await saved(page);
  });

  test('split and join: undoable, stored, and still there after a reload', async () => {
    await view(page, 'compare');
    const before = await groups(page);
    assert.ok(before.length >= 2, 'at least two groups to join');
    // Split the Indopos claim out of the container group.
    const claims = await choose(page, (c, g) => g.conflicts > 0 && c.some(fromDoc(TRIBUN)) && c.some(fromDoc(INDOPOS)));
    const out = claims.find(fromDoc(INDOPOS));
    const rest = claims.filter((c) => c !== out);
    const together = (all) => all.some((g) => g.claims.includes(out) && g.claims.some((c) => rest.includes(c)));
    await page.click(`[data-testid=compare-row][data-claim-id="${out}"] [data-testid=compare-split]`);
    await page.waitForFunction(() => window.klaimLinks.state === 'idle' && window.klaimModel.metaValue('links').length === 1);
    await view(page, 'compare');
    assert.equal(together(await groups(page)), false, 'split out');
    // Undo brings it back; redo splits it again.
    await page.click('[data-testid=undo]');
    await page.waitForFunction(() => window.klaimModel.metaValue('links').length === 0);
    await view(page, 'compare');
    assert.equal(together(await groups(page)), true, 'undone');
    await page.click('[data-testid=redo]');
    await page.waitForFunction(() => window.klaimModel.metaValue('links').length === 1);
    await view(page, 'compare');
    assert.equal(together(await groups(page)), false, 'redone');
    // Join the first two groups shown.
    const [a, b] = await groups(page);
    await page.click(`[data-testid=group-item][data-group="${a.group}"]`);
    await page.selectOption('[data-testid=compare-join-pick]', b.group);
    await page.click('[data-testid=compare-join]');
    await page.waitForFunction(() => window.klaimModel.metaValue('links').length === 2);
    await view(page, 'compare');
    const joined = (all) => all.some((g) => [...a.claims, ...b.claims].every((c) => g.claims.includes(c)));
    assert.equal(joined(await groups(page)), true, 'joined');
    await saved(page);
    // A reload reads both corrections back from storage.
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await view(page, 'compare');
    const after = await groups(page);
    assert.equal(together(after), false, 'the split survives a reload');
    assert.equal(joined(after), true, 'the join survives a reload');
    const project = await page.evaluate(() => window.klaimModel.project());
    assert.deepEqual(project.links.map((l) => l.op), ['split', 'join']);
    // In the project file: exported, then imported into a fresh profile, the
    // corrections group the library the same way.
    await page.selectOption('[data-testid=export-format]', 'klaim');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-run]')]);
    const file = await download.path();
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).links, project.links);
    const fresh = await start();
    try {
      const other = await fresh.open();
      await saved(other);
      await other.setInputFiles('[data-testid=import-input]', file);
      await other.click('[data-testid=import-replace]');
      await other.click('[data-testid=import-replace-confirm]');
      await other.waitForSelector('[data-testid=import-done]');
      await saved(other);
      await view(other, 'compare');
      const there = await groups(other);
      assert.equal(together(there), false, 'the split came with the file');
      assert.equal(joined(there), true, 'the join came with the file');
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.stop();
    }
  });

  test('adding a document, rejecting a claim and deleting a document update the groups, linked off the page’s thread', async () => {
    await view(page, 'compare');
    const before = await groups(page);
    // Another outlet reports Kirby's figure: it joins the container group.
    await page.goto(`${s.url}#/doc/${INDOPOS}`);
    // What the page asks of the linking worker from here on.
    await page.evaluate(() => {
      const port = window.klaimLinks.port;
      const call = port.library;
      window.linkCalls = [];
      port.library = (fn, ...args) => { window.linkCalls.push(fn); return call(fn, ...args); };
    });
    await page.fill('[data-testid=paste-input]', 'JAKARTA, KOMPAS.com - Gedung Putih menyebut Korea Utara telah mengirimkan lebih dari 1.000 kontainer berisi peralatan militer dan amunisi ke Rusia dalam beberapa pekan terakhir, kata juru bicara John Kirby.');
    await page.fill('[data-testid=paste-name]', 'Kompas: Korut kirim 1.000 kontainer');
    await page.click('[data-testid=paste-add]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 6);
    await view(page, 'compare');
    const added = await page.evaluate(() => window.klaimModel.documentList().at(-1).id);
    // The worker that extracted the new document put it into its library
    // itself: the page did not send its text and claims back.
    const calls = await page.evaluate(() => window.linkCalls);
    assert.ok(calls.includes('adopt') && !calls.includes('upsert'), `the page's calls: ${calls}`);
    const withNew = await groups(page);
    // (The Indopos claim was split out of that group by the test before.)
    assert.ok(withNew.some((g) => g.claims.some(fromDoc(added)) && g.claims.some(fromDoc(TRIBUN)) && g.conflicts > 0),
      `the new outlet's 1.000 is lined up against Tribunnews's figure: ${JSON.stringify(withNew)}`);
    // Its outlet came from its dateline.
    await choose(page, (c) => c.some(fromDoc(added)));
    assert.match(await page.locator(`[data-testid=compare-row][data-doc="${added}"] [data-testid=compare-outlet]`).textContent(), /KOMPAS\.com/);
    // The runs happen in a worker: the page's thread has no long task while linking.
    assert.equal(await page.evaluate(() => window.klaimLinks.inWorker), true);
    // Editing a claim counts: a rejected claim is in no group.
    const newClaim = withNew.find((g) => g.claims.some(fromDoc(added))).claims.find(fromDoc(added));
    await page.evaluate((id) => window.klaimModel.editClaim(id, { status: 'rejected' }, ['op.status']), newClaim);
    await view(page, 'compare');
    assert.equal((await groups(page)).some((g) => g.claims.includes(newClaim)), false, 'a rejected claim leaves its group');
    await page.click('[data-testid=undo]');
    await view(page, 'compare');
    assert.ok((await groups(page)).some((g) => g.claims.includes(newClaim)), 'undone');
    // Deleting the document takes its claims out of every group; undo brings them back.
    await page.evaluate((id) => window.klaimModel.deleteDocument(id), added);
    await view(page, 'compare');
    assert.equal((await groups(page)).some((g) => g.claims.some(fromDoc(added))), false);
    assert.equal((await groups(page)).length, before.length);
    await page.click('[data-testid=undo]');
    await view(page, 'compare');
    assert.ok((await groups(page)).some((g) => g.claims.some(fromDoc(added))));
    await page.click('[data-testid=undo]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 5);
    await saved(page);
  });

  test('the people view lists a person’s claims across the library and filters by name', async () => {
    await view(page, 'people');
    const people = await page.$$eval('[data-testid=person]', (els) => els.map((e) => e.querySelector('h3').textContent));
    assert.ok(people.length >= 1, 'someone claims in two documents');
    const first = people[0].split(' ')[0];
    await page.fill('[data-testid=people-filter]', first.slice(0, 4));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=person]').length <= n, people.length);
    const shown = await page.$$eval('[data-testid=person] h3', (els) => els.map((e) => e.textContent));
    assert.ok(shown.length >= 1 && shown.length <= people.length);
    await page.fill('[data-testid=people-filter]', 'zzzz-nobody');
    await page.waitForSelector('[data-testid=people-list] .empty');
    await page.fill('[data-testid=people-filter]', '');
  });

  test('the people view shows a person’s roles and other names and filters by role', async () => {
    await view(page, 'people');
    const kirby = page.locator('[data-testid=person]', { has: page.locator('h3', { hasText: 'John Kirby' }) }).first();
    await kirby.waitFor();
    assert.match(await kirby.locator('[data-testid=person-roles]').textContent(), /Juru [Bb]icara.*Gedung Putih|Gedung Putih.*Juru [Bb]icara/);
    assert.match(await kirby.locator('[data-testid=person-aliases]').textContent(), /\bKirby\b/);
    // A role's words find the person (his name does not hold them).
    await page.fill('[data-testid=people-filter]', 'gedung putih');
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('[data-testid=person] h3')].map((h) => h.textContent);
      return names.length >= 1 && names.some((n) => n.includes('John Kirby'));
    });
    await page.fill('[data-testid=people-filter]', '');
  });

  test('people: two people joined and a claimant split out, undoable, still there after a reload', async () => {
    await view(page, 'people');
    const people = () => page.$$eval('[data-testid=person]', (els) => els.map((e) => ({
      name: e.querySelector('h3').firstChild.textContent, claims: e.dataset.claims.split(' ').filter(Boolean),
    })));
    const ofPeople = (c) => c.op === 'split-person' || c.op === 'join-people';
    const settled = (n) => page.waitForFunction(([n, ops]) => window.klaimLinks.state === 'idle'
      && window.klaimModel.metaValue('links').filter((c) => ops.includes(c.op)).length === n, [n, ['split-person', 'join-people']]);
    const person = (name) => page.locator('[data-testid=person]', { has: page.locator('h3', { hasText: name }) });
    const start = await people();
    const kirby = start.find((p) => p.name === 'John Kirby');
    const kim = start.find((p) => p.name === 'Kim Jong Un');
    assert.ok(kirby && kim, `John Kirby and Kim Jong Un are listed: ${JSON.stringify(start.map((p) => p.name))}`);
    assert.equal((await page.evaluate(() => window.klaimModel.metaValue('links'))).filter(ofPeople).length, 0);
    // Join them: one person holds both's claims.
    const one = (all) => all.some((p) => [...kirby.claims, ...kim.claims].every((c) => p.claims.includes(c)));
    assert.match(await page.textContent('[data-testid=people-hint]'), /dua dokumen atau lebih/);
    await person('Kim Jong Un').locator('[data-testid=person-join]').click();
    assert.match(await page.textContent('[data-testid=people-hint]'), /Kim Jong Un/);
    await person('John Kirby').locator('[data-testid=person-join-here]').click();
    await settled(1);
    await view(page, 'people');
    assert.equal(one(await people()), true, 'joined');
    // Undo parts them; redo joins them again.
    await page.click('[data-testid=undo]');
    await settled(0);
    await view(page, 'people');
    assert.equal(one(await people()), false, 'undone');
    await page.click('[data-testid=redo]');
    await settled(1);
    await view(page, 'people');
    assert.equal(one(await people()), true, 'redone');
    // Split the claimant of a third document out of the joined person.
    const doc = (id) => id.replace(/#[^#]*$/, '');
    const kept = new Set([doc(kirby.claims[0]), ...kim.claims.map(doc)]);
    const out = kirby.claims.find((c) => !kept.has(doc(c)));
    assert.ok(out, 'a claim of a third document to split out');
    await page.click(`[data-testid=person-split][data-claim-id="${out}"]`);
    await settled(2);
    await view(page, 'people');
    const check = (all, why) => {
      const p = all.find((x) => x.claims.includes(kirby.claims[0]));
      assert.ok(kim.claims.every((c) => p.claims.includes(c)), `still joined ${why}`);
      assert.ok(!p.claims.includes(out), `split out ${why}`);
    };
    check(await people(), '');
    await saved(page);
    // A reload reads both corrections back from storage.
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await view(page, 'people');
    check(await people(), 'after a reload');
    const project = await page.evaluate(() => window.klaimModel.project());
    assert.deepEqual(project.links.filter(ofPeople).map((l) => l.op), ['join-people', 'split-person']);
    // The claimant split out is listed, though in one document, and is
    // joined back from the view.
    const outPerson = page.locator('[data-testid=person]', { has: page.locator(`[data-testid=person-split][data-claim-id="${out}"]`) });
    assert.equal(await outPerson.count(), 1, 'the claimant split out is listed');
    assert.match(await page.textContent('[data-testid=people-hint]'), /dipisahkan/);
    await outPerson.locator('[data-testid=person-join]').click();
    await page.locator('[data-testid=person]', { has: page.locator(`[data-testid=person-split][data-claim-id="${kirby.claims[0]}"]`) })
      .locator('[data-testid=person-join-here]').click();
    await settled(3);
    await view(page, 'people');
    const back = (await people()).find((x) => x.claims.includes(kirby.claims[0]));
    assert.ok(back.claims.includes(out) && kim.claims.every((c) => back.claims.includes(c)), 'joined back');
    await page.click('[data-testid=undo]');
    await settled(2);
    // Both undone, the people are as the linker found them.
    await page.click('[data-testid=undo]');
    await settled(1);
    await page.click('[data-testid=undo]');
    await settled(0);
    await view(page, 'people');
    assert.deepEqual((await people()).map((p) => p.claims.join(' ')).sort(), start.map((p) => p.claims.join(' ')).sort());
  });

  test('a ClaimReview export with no verdict tag says why and downloads nothing; a file that is no review file is refused in words', async () => {
    // Before: a 3-byte `[]` was downloaded and the message hidden behind the
    // publisher warning.
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await page.selectOption('[data-testid=export-format]', 'claimreview');
    await page.click('[data-testid=export-run]');
    const empty = page.locator('[data-testid=export-empty]');
    await empty.waitFor();
    assert.match(await empty.textContent(), /tag verdict/);
    await page.waitForTimeout(300);
    assert.equal(downloads, 0);
    // Before: `line 1: not valid JSON: expected value at line 1 column 1` inside the Indonesian sentence.
    await view(page, 'factchecks');
    await page.setInputFiles('[data-testid=factcheck-input]', { name: 'artikel.txt', mimeType: 'text/plain', buffer: Buffer.from('Harga beras naik menjadi Rp 18.000 per kilogram.') });
    const error = page.locator('[data-testid=factcheck-error]');
    await error.waitFor();
    const words = await error.textContent();
    assert.match(words, /bukan berkas ClaimReview/);
    assert.doesNotMatch(words, /not valid|expected value|line 1/);
  });

  test('ClaimReview files go into the archive and show on the claims they match', async () => {
    await view(page, 'factchecks');
    await page.setInputFiles('[data-testid=factcheck-input]', join(FIXTURES, 'claimreview-graph.jsonld'));
    await page.waitForSelector('[data-testid=factcheck-done]');
    await page.setInputFiles('[data-testid=factcheck-input]', join(FIXTURES, 'claimreview-array.json'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=factcheck]').length === 3);
    await saved(page);
    await view(page, 'factchecks');
    // The publisher's review of Kirby's figure matches his claim in Indopos.
    const kirby = page.locator('[data-testid=factcheck]', { hasText: 'Sebagian benar' });
    await kirby.locator('[data-testid=factcheck-claim]').first().waitFor();
    const href = await kirby.locator('[data-testid=factcheck-claim]').first().getAttribute('href');
    assert.ok(decodeURIComponent(href).startsWith(`#/doc/${INDOPOS}/`), href);
    // A review of nothing in the library matches nothing.
    const vaccine = page.locator('[data-testid=factcheck]', { hasText: 'Vaksin campak' });
    assert.equal(await vaccine.locator('[data-testid=factcheck-claim]').count(), 0);
    // In the claim details: claimReviewed, rating and URL.
    await kirby.locator('[data-testid=factcheck-claim]').first().click();
    const box = page.locator('[data-testid=claim-factcheck]');
    await box.waitFor();
    assert.match(await box.textContent(), /Sebagian benar/);
    assert.match(await box.locator('[data-testid=review-claim]').textContent(), /1\.000 kontainer/);
    assert.equal(await box.locator('[data-testid=review-url]').getAttribute('href'), 'https://cekfakta.contoh.id/2023/10/kontainer-amunisi-korut/');
    // In the table.
    await page.click('[data-testid=nav-table]');
    await page.fill('[data-testid=filter-text]', '1.000 kontainer');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=table-factcheck]')].some((e) => e.textContent.includes('Sebagian benar')));
    const title = await page.$$eval('[data-testid=table-factcheck]', (els) => els.map((e) => e.title).find((x) => x.includes('Sebagian benar')));
    assert.match(title, /1\.000 kontainer[\s\S]*https:\/\/cekfakta\.contoh\.id\//, 'the cell names the review and its URL');
    // The rating whole (before: `Sebag…`), a link to the review.
    const link = page.locator('[data-testid=table-review-url]', { hasText: 'Sebagian benar' }).first();
    assert.equal(await link.getAttribute('href'), 'https://cekfakta.contoh.id/2023/10/kontainer-amunisi-korut/');
    const whole = await link.evaluate((a) => { const cell = a.closest('[data-testid=table-factcheck]'); return cell.scrollWidth <= cell.clientWidth + 1 && cell.scrollHeight <= cell.clientHeight + 1; });
    assert.ok(whole, 'the rating fits its cell');
    // Stored: a reload keeps the archive, and it is in the project file.
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    const project = await page.evaluate(() => window.klaimModel.project());
    assert.equal(project.factchecks.length, 3);
    assert.ok(project.factchecks.some((f) => f.rating === 'Sebagian benar' && f.claimant === 'John Kirby'));
  });

  test('klaim’s own ClaimReview export, imported into the archive, matches its claims', async () => {
    // Two claims tagged: one in the article's voice and one of reported
    // speech (Kirby's), whose `claimReviewed` must be what he said, not
    // `Juru Bicara ... John Kirby mengatakan…` (before: the archive matched
    // nothing, the first 75 characters being only the attribution).
    const tag = async (doc, text, verdict) => {
      await page.goto(`${s.url}#/doc/${doc}`);
      await page.waitForSelector('[data-testid=claim-row]');
      const row = page.locator('[data-testid=claim-row]', { hasText: text }).first();
      const id = await row.getAttribute('data-claim-id');
      await row.click();
      await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
      await page.click(`[data-testid=tag-${verdict}]`);
      await saved(page);
      return id;
    };
    const food = await tag(TRIBUN, '9.000 kontainer', 'salah');
    const kirby = await tag(INDOPOS, 'mengatakan Pyongyang telah mengirimkan lebih dari 1.000 kontainer', 'menyesatkan');
    await page.selectOption('[data-testid=export-format]', 'claimreview');
    // No reviewing organisation yet: the page asks for it before the file
    // is made; set here, each review gets its author and its own url.
    await page.click('[data-testid=export-run]');
    await page.waitForSelector('[data-testid=publisher-dialog]');
    await page.fill('[data-testid=publisher-name]', 'Cek Fakta Contoh');
    await page.fill('[data-testid=publisher-url]', 'https://cekfakta.contoh.id/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=publisher-save]')]);
    const file = await download.path();
    const reviews = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(reviews.every((r) => r.author?.name === 'Cek Fakta Contoh' && r.url.startsWith('https://cekfakta.contoh.id/#klaim-')), JSON.stringify(reviews[0]));
    assert.equal(new Set(reviews.map((r) => r.url)).size, reviews.length, 'each review its own url');
    const said = reviews.find((r) => r.reviewRating.alternateName === 'menyesatkan');
    assert.match(said.claimReviewed, /^Pyongyang telah mengirimkan lebih dari 1\.000 kontainer berisi peralatan dan amunisi/, said.claimReviewed);
    assert.equal(said.itemReviewed.author.name, 'John Kirby');
    await view(page, 'factchecks');
    const before = await page.evaluate(() => window.klaimModel.metaValue('factchecks').length);
    await page.setInputFiles('[data-testid=factcheck-input]', file);
    await page.waitForFunction((n) => window.klaimModel.metaValue('factchecks').length === n + 2, before);
    for (const [doc, id, verdict, text] of [[TRIBUN, food, 'salah', /9\.000 kontainer/], [INDOPOS, kirby, 'menyesatkan', /1\.000 kontainer/]]) {
      await page.goto(`${s.url}#/doc/${doc}/${encodeURIComponent(id)}`);
      await page.waitForFunction(() => window.klaimLinks.state === 'idle');
      const box = page.locator('[data-testid=claim-factcheck]', { hasText: verdict });
      await box.waitFor();
      assert.match(await box.locator('[data-testid=review-claim]').textContent(), text);
    }
  });

  test('a change made while a link run is on its way is never shown as the settled result (the run that sees it is awaited)', async () => {
    // Last session's flake: a project imported into a fresh profile showed
    // the split undone. The first link run (of the seeded samples, without
    // the corrections) answered just after the import's change, before the
    // run that sees it, and was taken as the settled result. Here that
    // order is forced: the first run's answer is held until the split is
    // made, then let go.
    await view(page, 'compare');
    await page.evaluate(() => window.klaimModel.setMeta('links', [], ['op.split']));
    await page.waitForFunction(() => window.klaimLinks.state === 'idle');
    const claims = await page.evaluate(() => {
      const g = window.klaimLinks.result.groups.find((x) => x.claims.length >= 2 && new Set(x.claims.map((c) => c.doc)).size >= 2);
      return g.claims.map((c) => c.id);
    });
    const [out] = claims;
    await page.evaluate(({ out, claims }) => {
      const links = window.klaimLinks;
      const call = links.port.library;
      window.linkStarted = 0;
      let release;
      window.release = new Promise((resolve) => { release = resolve; });
      window.letGo = release;
      links.port.library = async (fn, ...args) => {
        if (fn !== 'link') return call(fn, ...args);
        window.linkStarted += 1;
        const first = window.linkStarted === 1;
        const answer = await call(fn, ...args);
        if (first) await window.release;
        return answer;
      };
      // What each settled result shows: the claim still with the others?
      window.settled = [];
      links.on('update', () => {
        if (links.state !== 'idle') return;
        window.settled.push(links.groupsOf(out).some((g) => g.claims.some((c) => c.id !== out && claims.includes(c.id))));
      });
    }, { out, claims });
    // A change, then, while its run is on its way, the split; the first
    // run's answer comes at once after the split.
    const other = claims.find((c) => c.split('#')[0] !== out.split('#')[0]);
    await page.evaluate((id) => window.klaimModel.editClaim(id, { status: 'accepted' }), other);
    await page.waitForFunction(() => window.linkStarted === 1);
    await page.evaluate(({ out, claims }) => {
      window.klaimModel.setMeta('links', [{ op: 'split', claim: out, from: claims.filter((c) => c !== out) }], ['op.split']);
      window.letGo();
    }, { out, claims });
    await page.waitForFunction(() => window.klaimLinks.state === 'idle' && window.linkStarted >= 2, null, { timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.settled), [false], 'the only settled result has the claim split out');
    await page.evaluate(() => window.klaimModel.setMeta('links', [], ['op.split']));
    await page.waitForFunction(() => window.klaimLinks.state === 'idle');
  });
});
