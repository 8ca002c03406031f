// End-to-end tests of the library chores: rename, search, drag-and-drop, the
// editable tag set, the <mark> fallback for browsers without the Custom
// Highlight API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saved, start } from './harness.mjs';

describe('the library', () => {
  let browser;
  let page;

  before(async () => {
    browser = await start();
    page = await browser.open();
    await saved(page);
  });

  after(async () => {
    await browser?.stop();
  });

  test('rename a document in place; it survives a reload; undo restores the name', async () => {
    const row = page.locator('[data-testid=doc-row]').first();
    const id = await row.getAttribute('data-doc-id');
    await row.locator('[data-testid=doc-rename]').click();
    await page.fill('[data-testid=rename-input]', 'Artileri untuk Rusia');
    await page.press('[data-testid=rename-input]', 'Enter');
    await page.waitForSelector(`[data-doc-id="${id}"] >> text=Artileri untuk Rusia`);
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector(`[data-doc-id="${id}"] >> text=Artileri untuk Rusia`);
    // The history is per page session: a fresh rename to undo.
    await page.locator(`[data-doc-id="${id}"] [data-testid=doc-rename]`).click();
    await page.fill('[data-testid=rename-input]', 'Nama sementara');
    await page.press('[data-testid=rename-input]', 'Enter');
    await page.click('[data-testid=undo]');
    await page.waitForSelector(`[data-doc-id="${id}"] >> text=Artileri untuk Rusia`);
  });

  test('search finds documents by their text and shows where', async () => {
    await page.fill('[data-testid=library-search]', 'Tumangang');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 1);
    assert.match(await page.textContent('[data-testid=doc-row] .doc-snippet'), /Tumangang/);
    await page.fill('[data-testid=library-search]', 'tidak ada di mana pun xyz');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 0);
    await page.fill('[data-testid=library-search]', '');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 5);
  });

  test('a file dropped on the page is added', async () => {
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Menurut polisi, 12 orang ditahan di Bandung.'], 'dijatuhkan.txt', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    });
    await page.waitForSelector('.doc-title >> text=dijatuhkan');
    assert.equal(await page.locator('[data-testid=doc-row]').count(), 6);
    assert.ok(await page.locator('#drop-overlay').isHidden());
    await saved(page);
  });

  test('the tag set is editable and new tags apply to claims', async () => {
    await page.click('[data-testid=tags-open]');
    await page.click('[data-testid=tags-dialog] >> text=Tambah tag');
    await page.locator('[data-testid=tags-dialog] .tag-edit input[type=text]').last().fill('hoaks lama');
    await page.click('[data-testid=tags-save]');
    await page.locator('[data-testid=claim-row]').first().click();
    await page.click('[data-testid=tag-hoaks-lama]');
    assert.equal(await page.getAttribute('[data-testid=tag-hoaks-lama]', 'aria-pressed'), 'true');
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.locator('[data-testid=claim-row]').first().click();
    assert.equal(await page.getAttribute('[data-testid=tag-hoaks-lama]', 'aria-pressed'), 'true');
  });

  test('without the Custom Highlight API, claims are <mark>ed and still clickable', async () => {
    const marks = await browser.open('?highlights=marks#/doc/001_070c2e44d61fb293');
    await marks.waitForSelector('[data-testid=doc-text] mark.hl-kind-quote, [data-testid=doc-text] mark.hl-kind-reported');
    const text = await marks.textContent('[data-testid=doc-text]');
    assert.ok(text.startsWith('Kim Jong Un Turun Gunung'), 'the text is whole');
    const mark = marks.locator('[data-testid=doc-text] mark[data-claim]').nth(2);
    const id = await mark.getAttribute('data-claim');
    await mark.click();
    await marks.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
    await marks.close();
  });

  test('no errors on the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});
