// End-to-end tests of what a new-user test found: the language switch
// translating everything at once (and keeping the table's filter), one
// verdict per claim, the search snippet, dates and plurals in the interface
// language, the layout at 1,400 px, messages, the address after an undo, and
// a note edited in two tabs at once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, saved, screenshot, selectText, start } from './harness.mjs';

const DOC = '000_bef3302d05d81497';
const claimRows = (page) => page.locator('[data-testid=claim-row]');

/** Every interface string in the page under `roots` (text, placeholder,
 * title, aria-label), leaving out the document text and messages. */
function uiText(page, roots) {
  return page.evaluate((roots) => {
    const skip = (el) => el.closest('#toasts, [data-testid=doc-text]');
    const out = [`title=${document.title}`];
    for (const root of roots.map((r) => document.querySelector(r))) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = root; n; n = walker.nextNode()) {
        if (n.nodeType === Node.ELEMENT_NODE) {
          if (skip(n)) continue;
          for (const a of ['placeholder', 'title', 'aria-label']) if (n.hasAttribute(a)) out.push(`@${a}=${n.getAttribute(a)}`);
        } else if (!skip(n.parentElement) && n.data.trim()) {
          out.push(n.data.trim());
        }
      }
    }
    return out;
  }, roots);
}

/** The strings of `uiText` that are Indonesian interface strings with a
 * different English version: none may show once the page is in English. */
async function indonesianLeft(page, texts) {
  const id = await page.evaluate(async () => (await import('./js/i18n.js')).catalog('id'));
  const en = await page.evaluate(async () => (await import('./js/i18n.js')).catalog('en'));
  const patterns = Object.keys(id).filter((k) => id[k] !== en[k]).map((k) => {
    const source = id[k].split(/\{[^}]*\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('.+');
    return [k, new RegExp(`^(@[a-z-]+=)?${source}$`)];
  });
  return texts.flatMap((text) => patterns.filter(([, re]) => re.test(text.replace(/^title=/, ''))).map(([k]) => `${k}: ${text}`));
}

describe('usability', () => {
  let browser;
  let page;

  before(async () => {
    browser = await start({ viewport: { width: 1400, height: 860 } });
    page = await browser.open();
    await saved(page);
  });

  after(async () => {
    await browser?.stop();
  });

  test('the developer note is gone from the page, the slot stays', () => {
    const html = readFileSync(join(ROOT, 'www/index.html'), 'utf8');
    assert.doesNotMatch(html, /issue 4|go in this slot/);
    assert.match(html, /id="toolbar-exchange"/);
  });

  test('a language switch translates everything at once, as a reload would', async () => {
    const id = await claimRows(page).nth(2).getAttribute('data-claim-id');
    await claimRows(page).nth(2).click();
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
    await page.click('[data-testid=lang-switch]');
    const roots = ['header.topbar', '#library', '#document', '#side', 'dialog#help'];
    const switched = await uiText(page, roots);
    assert.ok(switched.includes('Accept') && switched.includes('Span') && switched.includes('From selection'), switched.join('\n'));
    assert.ok(switched.includes('Export') && switched.includes('klaim project (JSON)') && switched.includes('Import…'));
    assert.ok(switched.includes('reported') || switched.includes('unattributed'));
    assert.deepEqual(await indonesianLeft(page, switched), []);
    await page.reload();
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${id}"]`);
    assert.deepEqual(await uiText(page, roots), switched, 'the same text as after a reload in English');
    await page.click('[data-testid=lang-switch]');
    assert.equal(await page.textContent('[data-testid=claim-accept]'), 'Terima');
    assert.equal(await page.textContent('[data-testid=export-run]'), 'Ekspor');
  });

  test('the claims table keeps its filter, shown, across a language switch', async () => {
    await page.click('[data-testid=nav-table]');
    await page.waitForSelector('[data-testid=table-row]');
    await page.fill('[data-testid=filter-text]', 'korea');
    await page.selectOption('[data-testid=filter-kind]', 'reported');
    const count = await page.textContent('[data-testid=table-count]');
    const n = count.split(' ')[0];
    await page.click('[data-testid=lang-switch]');
    assert.equal(await page.textContent('.table-top h2'), 'All claims');
    assert.equal(await page.inputValue('[data-testid=filter-text]'), 'korea');
    assert.equal(await page.inputValue('[data-testid=filter-kind]'), 'reported');
    assert.match(await page.textContent('[data-testid=table-count]'), new RegExp(`^${n} of \\d+ claims$`));
    assert.equal(await page.textContent('[data-testid=filter-kind] option:checked'), 'reported');
    assert.deepEqual(await indonesianLeft(page, await uiText(page, ['header.topbar', '#table-view'])), []);
    await page.click('[data-testid=lang-switch]');
    assert.equal(await page.inputValue('[data-testid=filter-text]'), 'korea');
    assert.equal(await page.textContent('[data-testid=table-count]'), count);
    await page.fill('[data-testid=filter-text]', '');
    await page.selectOption('[data-testid=filter-kind]', '');
  });

  test('at 1,400 px the table shows its Status column whole', async () => {
    await page.waitForSelector('[data-testid=table-row]');
    const clipped = await page.evaluate(() => {
      const view = document.querySelector('[data-testid=table-scroller]').getBoundingClientRect();
      return [...document.querySelectorAll('.table-head .c-status, [data-testid=table-row] .c-status')].slice(0, 10)
        .filter((cell) => cell.getBoundingClientRect().right > view.right + 0.5 || cell.scrollWidth > cell.clientWidth)
        .map((cell) => cell.textContent);
    });
    assert.deepEqual(clipped, []);
    await screenshot(page, 'usability-table-1400');
    await page.click('[data-testid=nav-library]');
  });

  test('a verdict replaces the other verdict in one undoable step; other tags combine', async () => {
    await page.goto(`${browser.url}#/doc/${DOC}`);
    await page.waitForSelector('[data-testid=claim-row]');
    await claimRows(page).nth(1).click();
    const pressed = async () => page.evaluate(() => [...document.querySelectorAll('.tag-toggle[aria-pressed=true]')].map((b) => b.dataset.tag));
    await page.click('[data-testid=tag-salah]');
    await page.click('[data-testid=tag-layak-cek]');
    await page.click('[data-testid=tag-benar]');
    assert.deepEqual(await pressed(), ['benar', 'layak-cek']);
    await page.locator('body').press('4'); // perlu dicek, by its number
    assert.deepEqual(await pressed(), ['perlu-dicek', 'layak-cek']);
    await page.locator('body').press('Control+z');
    assert.deepEqual(await pressed(), ['benar', 'layak-cek']);
    await page.locator('body').press('Control+z');
    assert.deepEqual(await pressed(), ['salah', 'layak-cek']);
    await page.click('[data-testid=tag-salah]');
    assert.deepEqual(await pressed(), ['layak-cek']);
    await saved(page);
  });

  test('Accept and Reject stay in reach when the details are scrolled to the note', async () => {
    await claimRows(page).nth(3).click();
    await page.evaluate(() => { const d = document.getElementById('details'); d.scrollTop = d.scrollHeight; });
    assert.ok(await page.locator('[data-testid=claim-note]').isVisible());
    const reachable = await page.evaluate(() => ['claim-accept', 'claim-reject'].every((id) => {
      const b = document.querySelector(`[data-testid=${id}]`).getBoundingClientRect();
      return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.dataset.testid === id;
    }));
    assert.ok(reachable);
    await page.click('[data-testid=claim-reject]');
    await page.waitForSelector(`[data-testid=claim-row].selected[data-status=rejected]`);
  });

  test('another document\'s claim list opens at its first row', async () => {
    await claimRows(page).last().click();
    assert.ok(await page.evaluate(() => document.getElementById('claim-list').scrollTop) > 0);
    await page.locator('[data-testid=doc-row] a').nth(2).click();
    await page.waitForSelector('.doc-row.active >> nth=0');
    await page.waitForFunction(() => document.getElementById('claim-list').scrollTop === 0);
    const whole = await page.evaluate(() => {
      const list = document.getElementById('claim-list').getBoundingClientRect();
      const row = document.querySelector('[data-testid=claim-row]').getBoundingClientRect();
      return row.top >= list.top && row.bottom <= list.bottom;
    });
    assert.ok(whole);
  });

  test('search shows the matched text, emphasised, in the middle of its snippet', async () => {
    await page.fill('[data-testid=library-search]', 'TUMANGANG');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 1);
    const snippet = page.locator('[data-testid=doc-row] .doc-snippet');
    assert.equal(await snippet.locator('mark').textContent(), 'Tumangang');
    const inside = await page.evaluate(() => {
      const box = document.querySelector('.doc-snippet').getBoundingClientRect();
      const hit = document.querySelector('.doc-snippet mark').getBoundingClientRect();
      return hit.width > 0 && hit.top >= box.top && hit.bottom <= box.bottom + 0.5 && hit.left >= box.left && hit.right <= box.right + 0.5;
    });
    assert.ok(inside, 'the hit is not cut off');
    const text = await snippet.textContent();
    const at = text.indexOf('Tumangang');
    assert.ok(at > 20 && text.length - at - 9 > 20, `context on both sides: ${text}`);
    await page.fill('[data-testid=library-search]', '');
  });

  test('English plurals and dates in the interface language', async () => {
    await page.fill('[data-testid=paste-input]', 'Menurut polisi, 3 orang ditangkap di Bandung.');
    await page.click('[data-testid=lang-switch]');
    await page.click('[data-testid=paste-add]');
    await page.waitForSelector('[data-testid=message] >> text=1 document added, 1 claim found');
    await claimRows(page).first().click();
    const meta = () => page.textContent('[data-testid=claim-details] .meta');
    assert.match(await meta(), /Edited: \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    await page.click('[data-testid=lang-switch]');
    assert.match(await meta(), /Diubah: \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}\.\d{2}$/);
    await saved(page);
  });

  test('messages: one area beside the text, newest on top, closing by themselves', async () => {
    for (let i = 0; i < 6; i++) await page.locator('body').press('Control+Shift+z'); // "Nothing to redo" x6
    const area = await page.evaluate(() => {
      const toasts = document.getElementById('toasts');
      const a = toasts.getBoundingClientRect();
      const d = document.getElementById('document').getBoundingClientRect();
      return { n: toasts.children.length, overlaps: a.right > d.left && a.left < d.right && a.bottom > d.top && a.top < d.bottom };
    });
    assert.ok(area.n >= 1 && area.n <= 4, `${area.n} messages`);
    assert.equal(area.overlaps, false);
    await claimRows(page).first().click();
    await page.locator('body').press('a');
    await page.locator('body').press('Control+z');
    assert.match(await page.textContent('#toasts > .toast:first-child'), /Diurungkan/);
    await page.waitForFunction(() => ![...document.querySelectorAll('#toasts .toast')].some((t) => t.textContent.startsWith('Diurungkan')), null, { timeout: 5000 });
  });

  test('the Undo of a deletion message goes once the deletion is undone with Ctrl+Z', async () => {
    const before = await page.locator('[data-testid=doc-row]').count();
    await page.locator('[data-testid=doc-row]').last().locator('[data-testid=doc-delete]').click();
    const message = page.locator('[data-testid=message]', { hasText: 'dihapus' });
    await message.locator('[data-testid=message-action]').waitFor();
    await page.locator('body').press('Control+z');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=doc-row]').length === n, before);
    assert.equal(await message.locator('[data-testid=message-action]').count(), 0);
    await saved(page);
  });

  test('an own claim inside a rejected one is not struck through', async () => {
    await page.goto(`${browser.url}#/doc/${DOC}`);
    await page.waitForSelector('[data-testid=claim-row]');
    const text = await page.evaluate(() => document.querySelector('[data-testid=doc-text]').textContent);
    const whole = 'Seorang pejabat AS mengatakan kepada CBS News';
    await claimRows(page).filter({ hasText: whole }).first().click();
    await page.click('[data-testid=claim-reject]');
    const from = text.indexOf('Korea Utara telah mulai');
    const to = from + 'Korea Utara telah mulai mentransfer artileri'.length;
    await selectText(page, from, to);
    await page.click('[data-testid=add-claim]');
    await page.waitForFunction(() => /#u/.test(decodeURIComponent(location.hash)));
    const struck = await page.evaluate(([a, b]) => [...(CSS.highlights.get('rejected') ?? [])]
      .filter((r) => r.startOffset < b && a < r.endOffset).length, [from, to]);
    assert.equal(struck, 0, 'no rejected strike-through over the own claim');
    await page.locator('body').press('Control+z');
    await page.locator('body').press('Control+z');
    await saved(page);
  });

  test('undoing an added claim takes it out of the address too', async () => {
    await page.goto(`${browser.url}#/doc/${DOC}`);
    await page.waitForSelector('[data-testid=claim-row]');
    await selectText(page, 0, 20);
    await page.click('[data-testid=add-claim]');
    await page.waitForFunction(() => /#u/.test(decodeURIComponent(location.hash)));
    await page.locator('body').press('Control+z');
    await page.waitForFunction((doc) => location.hash === `#/doc/${doc}`, DOC);
    assert.equal(await page.locator('[data-testid=claim-details]').count(), 0);
    await saved(page);
  });

  test('a note changed in another tab replaces the stale text of a focused note box, with a word why', async () => {
    const claim = `${DOC}#2`;
    await page.goto(`${browser.url}#/doc/${DOC}/${encodeURIComponent(claim)}`);
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    await page.click('[data-testid=claim-note]');
    await page.keyboard.type('dari tab satu');
    await saved(page);
    const other = await browser.open(`#/doc/${DOC}/${encodeURIComponent(claim)}`);
    await other.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    assert.equal(await other.inputValue('[data-testid=claim-note]'), 'dari tab satu');
    await other.fill('[data-testid=claim-note]', 'diganti di tab dua');
    await saved(other);
    // Tab one still has the focus in its note box: it shows tab two's note and says so.
    await page.waitForFunction(() => document.querySelector('[data-testid=claim-note]').value === 'diganti di tab dua');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'claim-note');
    assert.ok(await page.locator('[data-testid=claim-note-remote]').isVisible());
    // Typing on continues from tab two's text instead of overwriting it.
    await page.keyboard.press('End');
    await page.keyboard.type(', lalu tab satu');
    await saved(page);
    await other.waitForFunction(() => document.querySelector('[data-testid=claim-note]').value === 'diganti di tab dua, lalu tab satu');
    await other.close();
  });

  test('text typed in a field that another tab then replaced can be put back, in the note and in a claimant field', async () => {
    await page.goto(`${browser.url}#/doc/${DOC}`);
    await saved(page);
    const claim = await page.evaluate((doc) => [...window.klaimModel.claims.values()].find((c) => c.doc === doc && c.claimant)?.id, DOC);
    assert.ok(claim, 'a sample claim with a claimant');
    const path = `#/doc/${DOC}/${encodeURIComponent(claim)}`;
    await page.goto(`${browser.url}${path}`);
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    const other = await browser.open(path);
    await other.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    for (const [field, notice, mine, theirs] of [
      ['claim-note', 'claim-note-remote', 'ketikan tab satu', 'catatan tab dua'],
      ['claim-role', 'claim-field-remote', 'Kepala Pelaksana', 'Ketua'],
    ]) {
      await page.fill(`[data-testid=${field}]`, mine);
      await saved(page);
      await other.waitForFunction(([f, v]) => document.querySelector(`[data-testid=${f}]`).value === v, [field, mine]);
      await other.fill(`[data-testid=${field}]`, theirs);
      await saved(other);
      await page.waitForFunction(([f, v]) => document.querySelector(`[data-testid=${f}]`).value === v, [field, theirs]);
      // The notice offers the user's own text back; taking it writes it again.
      const back = page.locator(`[data-testid=${notice}] [data-testid=remote-restore]`);
      assert.ok(await back.isVisible(), `${field}: a way back to the typed text`);
      await back.click();
      assert.equal(await page.inputValue(`[data-testid=${field}]`), mine, `${field}: the typed text is back`);
      await saved(page);
      await other.waitForFunction(([f, v]) => document.querySelector(`[data-testid=${f}]`).value === v, [field, mine]);
      await page.keyboard.press('Tab');
    }
    await other.close();
  });

  test('Tab from the note and Enter does not delete the claim: deleting takes a second click', async () => {
    const claim = `${DOC}#3`;
    await page.goto(`${browser.url}#/doc/${DOC}/${encodeURIComponent(claim)}`);
    await page.waitForSelector(`[data-testid=claim-details][data-claim-id="${claim}"]`);
    const before = await page.locator('[data-testid=claim-row]').count();
    await page.click('[data-testid=claim-note]');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'claim-delete');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[data-testid=claim-row]').count(), before, 'one Enter deletes nothing');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=claim-row]').length === n - 1, before);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=claim-row]').length === n, before);
  });

  test('no errors on the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});
