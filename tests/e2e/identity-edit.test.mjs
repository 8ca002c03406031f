// An edit of a claimant's identity applies to the person (user tests 5 #6
// and 6 #1): the role set on a person's first claim reaches her quotation
// and the `Ia` claim after it in the same document, in one undo step; the
// details say how many claims it changes; "this claim only" keeps the edit
// to one claim; another person's claims are untouched. Which claims are
// "the same claimant" is the core's rule (wasm `sameClaimant`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { saved, start, stored } from './harness.mjs';

// Invented people; the first paragraph names her with her office, the
// quotation and the `Ia` sentence the extractor resolves to her name.
const ARTICLE = [
  'KUPANG - Puluhan siswa sekolah dasar di Kupang dirawat setelah menyantap makanan di kantin, Senin (7/12/2026).',
  'Kepala Dinas Kesehatan Kota Kupang, Maria Goreti Ndolu, mengatakan sebagian besar siswa sudah diperbolehkan pulang.',
  '"Kami masih menunggu hasil uji laboratorium sampel makanan itu," kata Maria di Kupang.',
  'Ia menambahkan, dinas akan memeriksa seluruh kantin sekolah di kota itu pekan depan.',
  'Sementara itu, Kapolresta Kupang Kota Kombes Pol Budi Hartono mengatakan polisi telah memeriksa lima pekerja kantin.',
].join('\n');
const ROLE = 'Kepala Dinas Kesehatan';
const AFFILIATION = 'Pemerintah Kota Kupang';

test('a claimant\'s role and affiliation set on one claim reach the person\'s other claims in the document, in one undo step', async () => {
  const browser = await start();
  try {
    const page = await browser.open();
    await saved(page);
    await page.fill('[data-testid=paste-input]', ARTICLE);
    await page.fill('[data-testid=paste-name]', 'Keracunan Kupang');
    await page.click('[data-testid=paste-add]');
    await page.waitForSelector('.doc-row.active >> text=Keracunan Kupang');
    await page.waitForSelector('[data-testid=claim-row]');
    // Her claims: those whose claimant the extractor resolved to her name.
    const claims = await page.evaluate(() => {
      const model = window.klaimModel;
      const doc = [...model.documents.values()].find((d) => d.name === 'Keracunan Kupang');
      return model.claimsOf(doc.id).map((c) => ({ id: c.id, text: c.text, who: c.claimant?.resolved ?? null, role: c.claimant?.role ?? null }));
    });
    const hers = claims.filter((c) => /Maria Goreti Ndolu/.test(c.who ?? ''));
    const his = claims.filter((c) => /Budi Hartono/.test(c.who ?? ''));
    assert.ok(hers.length >= 3, `her claims: ${JSON.stringify(claims)}`);
    assert.ok(his.length >= 1, `his claims: ${JSON.stringify(claims)}`);

    await page.click(`[data-testid=claim-row][data-claim-id="${hers[0].id}"]`);
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${hers[0].id}"]`);
    assert.equal(await page.getAttribute('[data-testid=claim-identity-reach]', 'data-count'), String(hers.length));
    assert.match(await page.textContent('[data-testid=claim-identity-reach]'), new RegExp(`${hers.length} klaim`));
    await page.fill('[data-testid=claim-role]', ROLE);
    await page.fill('[data-testid=claim-affiliation]', AFFILIATION);
    await saved(page);
    for (const c of hers) {
      const s = await stored(page, 'claims', c.id);
      assert.deepEqual([s.claimant.role, s.claimant.affiliation], [ROLE, AFFILIATION], `stored for: ${c.text}`);
    }
    for (const c of his) assert.notEqual((await stored(page, 'claims', c.id)).claimant.affiliation, AFFILIATION, 'another person is untouched');

    // One undo takes the affiliation back from all of them, not one claim.
    await page.click('[data-testid=undo]');
    await saved(page);
    for (const c of hers) {
      const s = await stored(page, 'claims', c.id);
      assert.deepEqual([s.claimant.role, s.claimant.affiliation === AFFILIATION], [ROLE, false], `undone for: ${c.text}`);
    }

    // "This claim only": the edit stays on the claim shown.
    await page.click(`[data-testid=claim-row][data-claim-id="${hers[1].id}"]`);
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${hers[1].id}"]`);
    await page.check('[data-testid=claim-identity-one]');
    assert.equal(await page.getAttribute('[data-testid=claim-identity-reach]', 'data-count'), '1');
    await page.fill('[data-testid=claim-role]', 'Juru Bicara');
    await saved(page);
    assert.equal((await stored(page, 'claims', hers[1].id)).claimant.role, 'Juru Bicara');
    for (const c of [hers[0], ...hers.slice(2)]) assert.equal((await stored(page, 'claims', c.id)).claimant.role, ROLE);
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.stop();
  }
});
