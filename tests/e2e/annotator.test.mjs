// End-to-end tests of the annotator in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core). The scenarios run in order on
// one fresh profile, as a user would; screenshots of the main views go to
// tests/e2e/screenshots/ (git-ignored).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saved, screenshot, selectText, start } from './harness.mjs';

const ARTICLE = [
  'JAKARTA – Pemerintah menaikkan harga beras medium sebesar 5 persen mulai bulan depan.',
  '“Kami sudah menghitung dampaknya terhadap inflasi,” kata Menteri Perdagangan Budi Santoso di Jakarta, Senin.',
  'Menurut Badan Pusat Statistik, inflasi bulan lalu mencapai 2,8 persen.',
].join('\n');

const rows = (page) => page.locator('[data-testid=doc-row]');
const claimRows = (page) => page.locator('[data-testid=claim-row]');

describe('the annotator', () => {
  let browser;
  let page;

  before(async () => {
    browser = await start();
    page = await browser.open();
  });

  after(async () => {
    await browser?.stop();
  });

  test('first open shows the five samples, extracted and highlighted', async () => {
    await saved(page);
    assert.equal(await rows(page).count(), 5);
    await page.waitForSelector('[data-testid=claim-row]');
    assert.ok(await claimRows(page).count() > 0, 'the first sample has claims');
    const painted = await page.evaluate(() => ['kind-quote', 'kind-reported', 'kind-unattributed'].reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0));
    assert.ok(painted > 0, 'claims are highlighted');
    await screenshot(page, '1-library-and-document');
  });

  test('a pasted article is added and its claims appear', async () => {
    await page.fill('[data-testid=paste-input]', ARTICLE);
    await page.fill('[data-testid=paste-name]', 'Harga beras');
    await page.click('[data-testid=paste-add]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 6);
    await page.waitForSelector('.doc-row.active >> text=Harga beras');
    await page.waitForSelector('[data-testid=claim-row]');
    const texts = await claimRows(page).allTextContents();
    assert.ok(texts.some((x) => x.includes('Kami sudah menghitung')), texts.join('\n'));
    assert.equal(await page.inputValue('[data-testid=paste-input]'), '');
    await saved(page);
  });

  test('accept, tag and note a claim; after a reload it is all still there', async () => {
    const first = claimRows(page).first();
    const id = await first.getAttribute('data-claim-id');
    await first.click();
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
    await page.click('[data-testid=claim-accept]');
    await page.click('[data-testid=tag-salah]');
    await page.click('[data-testid=tag-layak-cek]');
    await page.fill('[data-testid=claim-note]', 'Cek data BPS <b>asli</b>');
    await saved(page);
    await screenshot(page, '2-claim-details');

    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.click(`[data-testid=claim-row][data-claim-id="${id}"]`);
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
    assert.equal(await page.getAttribute(`[data-testid=claim-row][data-claim-id="${id}"]`, 'data-status'), 'accepted');
    assert.equal(await page.getAttribute('[data-testid=tag-salah]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-testid=tag-layak-cek]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-testid=tag-benar]', 'aria-pressed'), 'false');
    assert.equal(await page.inputValue('[data-testid=claim-note]'), 'Cek data BPS <b>asli</b>');
  });

  test('undo and redo with Ctrl+Z and Ctrl+Shift+Z, also across a delete', async () => {
    const row = claimRows(page).nth(1);
    const id = await row.getAttribute('data-claim-id');
    await row.click();
    const status = () => page.getAttribute(`[data-testid=claim-row][data-claim-id="${id}"]`, 'data-status');
    await page.click('[data-testid=claim-reject]');
    assert.equal(await status(), 'rejected');
    await page.locator('body').press('Control+z');
    assert.equal(await status(), 'pending');
    await page.locator('body').press('Control+Shift+z');
    assert.equal(await status(), 'rejected');
    await saved(page);

    const before = await rows(page).count();
    await page.locator('[data-testid=doc-row]').last().locator('[data-testid=doc-delete]').click();
    assert.equal(await rows(page).count(), before - 1);
    await page.locator('body').press('Control+z');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=doc-row]').length === n, before);
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await rows(page).count(), before, 'the undone delete stays undone after a reload');
  });

  test('keyboard: next claim, accept, tag by number, help', async () => {
    await rows(page).first().locator('a').click();
    await page.waitForSelector('[data-testid=claim-row]');
    await page.locator('body').press('j');
    const id = await page.getAttribute('[data-testid=claim-details]', 'data-claim-id');
    assert.equal(id, await claimRows(page).first().getAttribute('data-claim-id'));
    await page.locator('body').press('j');
    const second = await claimRows(page).nth(1).getAttribute('data-claim-id');
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${second}"]`);
    await page.locator('body').press('1');
    assert.equal(await page.getAttribute('[data-testid=tag-benar]', 'aria-pressed'), 'true');
    // `a` accepts and moves on to the next pending claim.
    const next = await page.evaluate((second) => {
      const all = [...document.querySelectorAll('[data-testid=claim-row]')];
      return all.slice(all.findIndex((r) => r.dataset.claimId === second) + 1).find((r) => r.dataset.status === 'pending')?.dataset.claimId;
    }, second);
    await page.locator('body').press('a');
    assert.equal(await page.getAttribute(`[data-testid=claim-row][data-claim-id="${second}"]`, 'data-status'), 'accepted');
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${next}"]`);
    await page.locator('body').press('Shift+?');
    assert.ok(await page.locator('[data-testid=help]').isVisible());
    await page.keyboard.press('Escape');
    assert.ok(!(await page.locator('[data-testid=help]').isVisible()));
  });

  test('a claim is added by selecting text', async () => {
    const before = await claimRows(page).count();
    await selectText(page, 0, 20);
    await page.click('[data-testid=add-claim]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=claim-row]').length === n + 1, before);
    const text = await page.textContent('[data-testid=claim-text]');
    assert.ok(text.length > 5 && text.length <= 20, text);
    await saved(page);
  });

  test('untrusted text is shown as text and runs nothing', async () => {
    const evil = 'Kata dia: <img src=x onerror="window.__xss=1"> dan <script>window.__xss=2</script> selesai.';
    await page.fill('[data-testid=paste-input]', evil);
    await page.fill('[data-testid=paste-name]', '<img src=y onerror="window.__xss=3">');
    await page.click('[data-testid=paste-add]');
    await page.waitForSelector('.doc-title >> text=<img src=y');
    const shown = await page.textContent('[data-testid=doc-text]');
    assert.equal(shown, evil);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await saved(page);
  });

  test('a binary file and a 50 MB paste are refused and nothing else changes', async () => {
    const before = await rows(page).count();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await page.setInputFiles('[data-testid=file-input]', { name: 'foto.png', mimeType: 'image/png', buffer: png });
    const error = page.locator('[data-testid=intake-error]').last();
    await error.waitFor();
    assert.match(await error.textContent(), /foto\.png.*bukan berkas teks/);
    // A 50 MB paste never reaches the text box.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'a'.repeat(50 * 1024 * 1024));
      document.querySelector('[data-testid=paste-input]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.locator('[data-testid=intake-error] >> text=terlalu besar').first().waitFor();
    assert.equal(await page.inputValue('[data-testid=paste-input]'), '');
    // Nor does 3 MB typed or set some other way and then added.
    await page.evaluate(() => {
      const box = document.querySelector('[data-testid=paste-input]');
      box.value = 'kata '.repeat(600_000);
      document.querySelector('[data-testid=paste-add]').click();
      box.value = '';
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=intake-error]').length >= 3);
    assert.equal(await rows(page).count(), before);
  });

  test('files: HTML reduced to text, JSON Lines records become documents', async () => {
    const before = await rows(page).count();
    await page.setInputFiles('[data-testid=file-input]', [
      { name: 'berita.html', mimeType: 'text/html', buffer: Buffer.from('<html><head><style>p{}</style></head><body><p>Menurut BPS, ekspor naik 3 persen.</p><script>window.__xss=4</script></body></html>') },
      { name: 'korpus.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"id":"a","title":"Satu","text":"Ia mengatakan harga naik."}\n{"id":"b","text":"Menurut polisi, 3 orang ditangkap."}\n') },
    ]);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=doc-row]').length === n + 3, before);
    await page.click('[data-testid=doc-row] >> text=berita');
    await page.waitForSelector('.doc-title >> text=berita');
    assert.equal(await page.textContent('[data-testid=doc-text]'), 'Menurut BPS, ekspor naik 3 persen.');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await saved(page);
  });

  test('the claims table lists, sorts, filters and opens claims', async () => {
    await page.click('[data-testid=nav-table]');
    await page.waitForSelector('[data-testid=table-row]');
    const total = await page.evaluate(() => document.querySelector('[data-testid=table-count]').textContent);
    assert.match(total, /^\d+ dari \d+ klaim$/);
    await page.click('[data-testid=sort-claimant]');
    await page.selectOption('[data-testid=filter-status]', 'accepted');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=table-row]')].every((r) => r.classList.contains('status-accepted')));
    assert.ok(await page.locator('[data-testid=table-row]').count() >= 2);
    await page.selectOption('[data-testid=filter-status]', '');
    await screenshot(page, '3-claims-table');
    const row = page.locator('[data-testid=table-row]').first();
    const id = await row.getAttribute('data-claim-id');
    await row.click();
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
    assert.ok(await page.locator(`[data-testid=claim-row][data-claim-id="${id}"].selected`).count() === 1);
  });

  test('the interface switches to English and back', async () => {
    await page.click('[data-testid=lang-switch]');
    assert.equal(await page.textContent('[data-testid=nav-library]'), 'Library');
    assert.equal(await page.textContent('[data-testid=save-state]'), 'Saved');
    await page.click('[data-testid=lang-switch]');
    assert.equal(await page.textContent('[data-testid=nav-library]'), 'Pustaka');
  });

  test('two tabs on one library do not overwrite each other', async () => {
    await rows(page).first().locator('a').click();
    await page.waitForSelector('[data-testid=claim-row]');
    const other = await browser.open('#/doc/000_bef3302d05d81497');
    await other.waitForSelector('[data-testid=claim-row]');
    const ids = await claimRows(page).evaluateAll((els) => els.map((e) => e.dataset.claimId));
    const [a, b] = [ids.at(-1), ids.at(-2)];
    // Tab one rejects claim a while tab two tags claim b: both must survive.
    await page.click(`[data-testid=claim-row][data-claim-id="${a}"]`);
    await page.click('[data-testid=claim-reject]');
    await other.click(`[data-testid=claim-row][data-claim-id="${b}"]`);
    await other.click('[data-testid=tag-menyesatkan]');
    await saved(page);
    await saved(other);
    // Each tab sees the other's change without a reload.
    await other.waitForSelector(`[data-testid=claim-row][data-claim-id="${a}"][data-status=rejected]`);
    await page.waitForFunction((b) => document.querySelector(`[data-testid=claim-row][data-claim-id="${b}"]`)?.textContent.includes('menyesatkan'), b);
    await other.close();
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await page.getAttribute(`[data-testid=claim-row][data-claim-id="${a}"]`, 'data-status'), 'rejected');
    await page.click(`[data-testid=claim-row][data-claim-id="${b}"]`);
    assert.equal(await page.getAttribute('[data-testid=tag-menyesatkan]', 'aria-pressed'), 'true');
    await screenshot(page, '4-document-with-highlights');
  });

  test('no errors on the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});

describe('without storage', () => {
  test('the page says so plainly and offers to export everything', async () => {
    const browser = await start();
    try {
      await browser.context.addInitScript(() => {
        Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } });
      });
      const page = await browser.open();
      await page.waitForSelector('[data-testid=banner]:not([hidden])');
      assert.match(await page.textContent('[data-testid=banner]'), /Penyimpanan di peramban gagal/);
      assert.equal(await page.getAttribute('[data-testid=save-state]', 'data-state'), 'memory');
      assert.equal(await rows(page).count(), 5, 'the samples still load, in memory');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-everything]')]);
      const path = await download.path();
      const project = JSON.parse(await (await import('node:fs/promises')).readFile(path, 'utf8'));
      assert.equal(project.format, 'klaim-project');
      assert.equal(project.documents.length, 5);
      assert.ok(project.documents.some((d) => d.claims.length > 0));
    } finally {
      await browser.stop();
    }
  });
});
