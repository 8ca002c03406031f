// Earlier fact-checks by what they state (user test 5 #1), end to end in
// headless Chromium: a review's verdict badge is shown on a claim that
// states what was reviewed (here a hedged claim of the reviewed cause), and
// a review that only shares the claim's subject (the bare event, without
// the cause; pupils taken to hospital against a hoax that they died) is
// shown as related, apart, without its verdict, in the claim details, the
// claims table and the archive view. The articles are the invented ones of
// tests/factchecks/.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, start, saved } from './harness.mjs';

const ARTICLES = ['b1_lombokpost.txt', 'b2_suarantb.txt'].map((name) => ({ name, text: readFileSync(join(ROOT, 'tests/factchecks', name), 'utf8') }));

/** Two reviews as a fact-checking site's page markup publishes them (an `@graph`). */
const REVIEWS = JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    {
      '@type': 'ClaimReview', url: 'https://cekfakta.contoh.id/2026/12/10/keliru-km-bahari-nusa-kelebihan-muatan',
      claimReviewed: 'KM Bahari Nusa tenggelam di Selat Lombok karena kelebihan muatan.',
      author: { '@type': 'Organization', name: 'Cek Fakta Contoh', url: 'https://cekfakta.contoh.id' },
      reviewRating: { '@type': 'Rating', ratingValue: '2', bestRating: '5', worstRating: '1', alternateName: 'Keliru' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Akun Facebook' } },
    },
    {
      '@type': 'ClaimReview', url: 'https://cekfakta.contoh.id/2026/12/11/salah-87-siswa-meninggal',
      claimReviewed: '87 siswa SMP di Sumbawa meninggal dunia setelah menyantap nasi kotak makan siang sekolah.',
      author: { '@type': 'Organization', name: 'Cek Fakta Contoh' },
      reviewRating: { '@type': 'Rating', ratingValue: '1', bestRating: '5', worstRating: '1', alternateName: 'Salah' },
      itemReviewed: { '@type': 'Claim', appearance: [{ '@type': 'CreativeWork', url: 'https://www.facebook.com/contoh/posts/2' }] },
    },
  ],
});

describe('fact-checks by what they state', () => {
  let s;
  let page;

  before(async () => {
    s = await start();
    page = await s.open();
    for (const { name, text } of ARTICLES) {
      const n = await page.locator('[data-testid=doc-row]').count();
      await page.fill('[data-testid=paste-input]', text);
      await page.fill('[data-testid=paste-name]', name);
      await page.click('[data-testid=paste-add]');
      await page.waitForFunction((k) => document.querySelectorAll('[data-testid=doc-row]').length === k + 1, n);
    }
    await saved(page);
    await page.click('[data-testid=nav-factchecks]');
    await page.waitForSelector('[data-testid=factchecks-view]:not([hidden])');
    await page.setInputFiles('[data-testid=factcheck-input]', { name: 'ulasan.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(REVIEWS) });
    await page.waitForSelector('[data-testid=factcheck-done]');
    await saved(page);
  });

  after(async () => {
    assert.deepEqual(s.errors, []);
    await s.stop();
  });

  /** Opens the claim holding `text` in its document; returns its details panel. */
  async function open(name, text) {
    const doc = await page.evaluate((n) => window.klaimModel.documentList().find((d) => d.name === n).id, name);
    await page.goto(`${s.url}#/doc/${encodeURIComponent(doc)}`);
    await page.waitForSelector('[data-testid=claim-row]');
    const row = page.locator('[data-testid=claim-row]', { hasText: text }).first();
    const id = await row.getAttribute('data-claim-id');
    await row.click();
    await page.waitForFunction(() => window.klaimLinks?.result && window.klaimLinks.state === 'idle', null, { timeout: 30_000 });
    const details = page.locator(`[data-testid=claim-details][data-claim-id="${id}"]`);
    await details.waitFor();
    return details;
  }

  test('the verdict badge on a claim that states the reviewed cause (hedged)', async () => {
    const details = await open('b1_lombokpost.txt', 'menduga KM Bahari Nusa kelebihan muatan');
    const box = details.locator('[data-testid=claim-factcheck]');
    await box.waitFor();
    assert.equal(await box.locator('[data-testid=review-rating]').textContent(), 'Keliru');
    assert.match(await box.textContent(), /sama: kelebihan/, 'the reason names the predicate that matched');
  });

  test('the bare event is only related: no verdict, what it lacks said', async () => {
    const details = await open('b1_lombokpost.txt', 'tenggelam di perairan Selat Lombok');
    const related = details.locator('[data-testid=claim-factcheck-related]');
    await related.waitFor();
    assert.equal(await details.locator('[data-testid=claim-factcheck]').count(), 0, 'no verdict box');
    assert.equal(await related.locator('[data-testid=review-rating]').count(), 0, 'no verdict badge');
    assert.match(await related.textContent(), /terkait[\s\S]*kelebihan/);
    // Pupils taken to hospital are not the hoax that they died.
    const pupils = await open('b2_suarantb.txt', 'dilarikan ke puskesmas');
    await pupils.locator('[data-testid=claim-factcheck-related]').waitFor();
    assert.equal(await pupils.locator('[data-testid=claim-factcheck]').count(), 0);
    assert.doesNotMatch(await pupils.textContent(), /Salah/);
    assert.match(await pupils.locator('[data-testid=claim-factcheck-related]').textContent(), /meninggal/);
  });

  test('the table and the archive keep the two apart', async () => {
    await page.click('[data-testid=nav-table]');
    const cell = async (text) => {
      await page.fill('[data-testid=filter-text]', text);
      await page.waitForFunction((t) => {
        const rows = [...document.querySelectorAll('[data-testid=table-row]')];
        return rows.length === 1 && rows[0].textContent.includes(t) && rows[0].querySelector('[data-testid=table-factcheck]').textContent !== '';
      }, text);
      return page.locator('[data-testid=table-row] [data-testid=table-factcheck]');
    };
    const hedged = await cell('menduga KM Bahari Nusa');
    assert.equal(await hedged.textContent(), 'Keliru');
    const bare = await cell('tenggelam di perairan Selat Lombok');
    assert.equal(await bare.textContent(), 'terkait');
    assert.equal(await bare.locator('[data-testid=table-review-related]').count(), 1);
    await page.click('[data-testid=nav-factchecks]');
    await page.waitForSelector('[data-testid=factchecks-view]:not([hidden])');
    const cause = page.locator('[data-testid=factcheck]', { hasText: 'Keliru' });
    const rated = await cause.locator('[data-testid=factcheck-claim]').allTextContents();
    const related = await cause.locator('[data-testid=factcheck-related]').allTextContents();
    assert.ok(rated.some((t) => t.includes('menduga')) && !rated.some((t) => t.includes('tenggelam di perairan')), `rated: ${rated}`);
    assert.ok(related.some((t) => t.includes('tenggelam di perairan')), `related: ${related}`);
    // The claims take the review's width (user test 6 #6: before, about 80 px, a word or two per line).
    const width = await cause.locator('[data-testid=factcheck-claim]').first().evaluate((a) => a.getBoundingClientRect().width);
    const whole = await cause.evaluate((li) => li.getBoundingClientRect().width);
    assert.ok(width > whole / 2, `claim ${width} px of ${whole} px`);
  });
});
