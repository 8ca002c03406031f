// The library: the documents, a search across all of them, and the ways to
// add new ones (paste, file picker; drag-and-drop is wired in app.js for the
// whole window). Rename is in place; delete is undoable.

import { h, replace, JOB_REDRAW_MS } from './dom.js';
import { t } from './i18n.js';

export class LibraryView {
  /** `actions`: {addText(text, name), maxPaste(), addFiles(files), rename(id, name), remove(id)}. */
  /** `kernel`: the wasm functions (searchText). */
  constructor({ root, model, kernel, actions }) {
    this.root = root;
    this.model = model;
    this.kernel = kernel;
    this.actions = actions;
    this.activeId = null;
    this.renaming = null;
    this.query = '';

    this.search = h('input', {
      type: 'search', class: 'search', 'data-testid': 'library-search', 'data-i18n-placeholder': 'library.search', 'data-i18n-aria-label': 'library.search',
      placeholder: t('library.search'), 'aria-label': t('library.search'),
      oninput: () => { this.query = this.search.value; this.renderList(); },
    });
    this.count = h('p', { class: 'count' });
    // Only the rows in view exist (paint()): `entries` are all the rows
    // listed, `heights` the measured height of each drawn row by document.
    this.entries = [];
    this.heights = new Map();
    this.guess = undefined;
    this.list = h('ul', { class: 'doc-list', 'data-testid': 'doc-list', 'aria-label': t('library.title'), 'data-i18n-aria-label': 'library.title' });
    // The list scrolls in a box of its own: the rows not drawn are padding
    // of the list, which a flex item could not shrink below.
    this.scroller = h('div', { class: 'doc-scroll', 'data-testid': 'doc-scroll', tabindex: 0, onkeydown: (e) => this.onKey(e) }, this.list);
    this.scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    // A new width may wrap the rows' names anew: measure them again.
    new ResizeObserver(() => {
      for (const el of this.list.children) el.measured = false;
      this.schedule();
    }).observe(this.scroller);
    this.paste = h('textarea', {
      'data-testid': 'paste-input', rows: 4, placeholder: t('add.paste'), 'data-i18n-placeholder': 'add.paste', 'data-i18n-aria-label': 'add.paste', 'aria-label': t('add.paste'),
      // A paste too large for one document goes straight to intake (which
      // refuses it with a message) instead of freezing the page in a
      // textarea holding megabytes.
      onpaste: (e) => {
        const text = e.clipboardData?.getData('text/plain') ?? '';
        if (text.length > this.actions.maxPaste()) {
          e.preventDefault();
          this.actions.addText(text, this.name.value.trim());
        }
      },
    });
    this.name = h('input', { type: 'text', 'data-testid': 'paste-name', placeholder: t('add.name'), 'data-i18n-placeholder': 'add.name', 'data-i18n-aria-label': 'add.name', 'aria-label': t('add.name') });
    this.file = h('input', {
      type: 'file', multiple: true, 'data-testid': 'file-input', id: 'file-input', class: 'visually-hidden',
      accept: '.txt,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson,text/plain,text/html,application/json',
      onchange: () => { const files = [...this.file.files]; this.file.value = ''; if (files.length) this.actions.addFiles(files); },
    });
    const add = h('section', { class: 'add' },
      h('h3', { 'data-i18n': 'add.title' }, t('add.title')),
      this.paste,
      h('div', { class: 'row' }, this.name,
        h('button', {
          type: 'button', 'data-testid': 'paste-add', class: 'primary', 'data-i18n': 'add.button',
          onclick: () => this.actions.addText(this.paste.value, this.name.value.trim()),
        }, t('add.button'))),
      h('div', { class: 'row' }, this.file, h('label', { for: 'file-input', class: 'button', 'data-i18n': 'add.file', tabindex: 0,
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.file.click(); } } }, t('add.file'))),
      h('p', { class: 'hint', 'data-i18n': 'add.hint' }, t('add.hint')));
    replace(this.root, h('h2', { 'data-i18n': 'library.title' }, t('library.title')), this.search, this.count, this.scroller, add);
  }

  /** Clears the paste box after a successful add. */
  pasted() {
    this.paste.value = '';
    this.name.value = '';
  }

  setActive(id) {
    this.activeId = id;
    for (const row of this.list.children) row.classList.toggle('active', row.dataset.docId === id);
  }

  /** Re-renders only the rows of `docIds` (their claim counts changed). */
  refreshDocs(docIds) {
    if (this.query.trim()) return this.renderList();
    for (const id of docIds) this.list.querySelector(`[data-doc-id="${CSS.escape(id)}"]`)?.remove();
    this.paint();
  }

  /** Adds the rows of newly imported documents (`docIds`, added last, so
   * they belong at the end) without rebuilding the list: an import of 1,000
   * documents in batches must not redraw 1,000 rows per batch. */
  appendDocs(docIds) {
    if (this.query.trim() || !this.entries.length) return this.renderList();
    for (const id of docIds) if (this.model.documents.has(id)) this.entries.push({ id, snippet: null, hits: 0 });
    this.countStale = true;
    // Batches that arrive within JOB_REDRAW_MS are drawn in one go: each
    // drawing is a frame, and the rows added are out of view (at the end).
    // The import's end draws the list at once (the model's last change).
    this.schedule(JOB_REDRAW_MS);
  }

  renderList() {
    const docs = this.model.documentList();
    // Matching and snippets are the core's (search.rs); this only renders.
    const q = this.query.trim();
    const entries = [];
    for (const doc of docs) {
      let snippet = null;
      let hits = 0;
      if (q) {
        const inText = this.kernel.searchText(doc.text, q, MAX_HITS, SNIPPET_CONTEXT);
        const inName = this.kernel.searchText(doc.name, q, 1, 0).hits > 0;
        if (!inName && !inText.hits) continue;
        hits = inText.hits;
        snippet = inText.snippet ?? null;
      }
      entries.push({ id: doc.id, snippet, hits });
    }
    // Rows with snippets are taller: heights measured without them no longer hold.
    if (q !== this.measuredFor) {
      this.heights.clear();
      this.guess = undefined;
    }
    this.measuredFor = q;
    this.entries = entries;
    this.countStale = false;
    this.count.textContent = q && !entries.length ? t('library.nomatch') : docs.length ? t('library.count', { n: entries.length }) : t('library.empty');
    // Every row is drawn anew (paint() keeps none of the old entries'), in
    // the same task as the old ones go: the list never shrinks between.
    this.paint();
  }

  /** Draws the rows in view on the next frame (or after 100 ms in a tab
   * that paints none), once however often it is asked; with `every`, not
   * sooner than `every` ms after the last drawing (a scroll meanwhile draws
   * on the next frame all the same). */
  schedule(every = 0) {
    const wait = every ? (this.painted ?? -Infinity) + every - performance.now() : 0;
    if (this.scheduled && (wait > 0 || !this.waiting)) return;
    clearTimeout(this.waiting);
    this.waiting = null;
    this.scheduled = true;
    const draw = () => nextFrame(() => { this.scheduled = false; this.paint(); });
    if (wait > 0) {
      this.waiting = setTimeout(() => {
        this.waiting = null;
        draw();
      }, wait);
    } else draw();
  }

  /**
   * Renders the rows in view (and a few either side) and nothing else: the
   * list is as tall as all its rows (padding stands for those not drawn),
   * rows keep their height once measured and are estimated until then.
   * Rows still in view are kept, so a scroll adds only the rows entering.
   */
  paint() {
    const n = this.entries.length;
    this.painted = performance.now();
    if (this.countStale) this.count.textContent = t('library.count', { n });
    this.countStale = false;
    const gap = ROW_GAP;
    const guess = this.guess ?? ROW_ESTIMATE;
    const height = (i) => this.heights.get(this.entries[i].id) ?? guess;
    const top = this.scroller.scrollTop;
    const bottom = top + (this.scroller.clientHeight || 600);
    // The first and last rows in view, then the overscan around them.
    let y = 0;
    let i = 0;
    while (i < n && y + height(i) + gap <= top) y += height(i++) + gap;
    let first = Math.max(0, i - OVERSCAN);
    for (let k = i - 1; k >= first; k--) y -= height(k) + gap;
    let last = i;
    while (last < n && y < bottom) y += height(last++) + gap;
    last = Math.min(n, last + OVERSCAN);
    // A row holding the focus stays drawn while it is near, or focus would
    // fall to the page; far away, the focus moves to the list itself.
    const focused = this.list.contains(document.activeElement) && document.activeElement !== this.list ? document.activeElement.closest('.doc-row') : null;
    const keepAt = focused ? this.indexOf(focused.dataset.docId) : -1;
    if (keepAt >= 0 && keepAt < first && first - keepAt <= FOCUS_REACH) first = keepAt;
    if (keepAt >= last && keepAt - last < FOCUS_REACH) last = keepAt + 1;
    let padTop = 0;
    for (let k = 0; k < first; k++) padTop += height(k) + gap;
    if (focused && (keepAt < first || keepAt >= last)) this.scroller.focus({ preventScroll: true });
    // The list keeps its whole height while rows come and go, so that a
    // layout in between (a focused row removed) never pulls the scroll
    // position up; set again once the rows drawn are measured.
    this.list.style.minHeight = `${this.total(height)}px`;
    // Keep the rows already drawn for the same entry; the rest go.
    const drawn = new Map();
    for (const el of [...this.list.children]) {
      const at = el.entry ? this.entries.indexOf(el.entry, first) : -1;
      if (at >= first && at < last) drawn.set(at, el);
      else el.remove();
    }
    let next = null;
    for (let k = last - 1; k >= first; k--) {
      let el = drawn.get(k);
      if (!el) {
        const entry = this.entries[k];
        const doc = this.model.documents.get(entry.id);
        el = doc ? this.row(doc, entry.snippet ? snippetNodes(entry.snippet) : null, entry.hits) : h('li', { class: 'doc-row' });
        el.entry = entry;
        this.list.insertBefore(el, next);
      } else if (el.nextSibling !== next) this.list.insertBefore(el, next);
      el.setAttribute('aria-posinset', k + 1);
      el.setAttribute('aria-setsize', n);
      next = el;
    }
    // The padding stands for the rows not drawn; set before anything is
    // measured, so the list never shrinks under its scroll position.
    let padBottom = 0;
    for (let k = last; k < n; k++) padBottom += height(k) + gap;
    this.list.style.paddingTop = `${padTop}px`;
    this.list.style.paddingBottom = `${padBottom}px`;
    this.list.dataset.count = n;
    // Measure the rows drawn for the first time: later paints place rows by
    // their real height. Rows measured before are not read again: a read
    // lays out the page, and an import's batches would pay it every frame.
    const measured = [];
    for (const el of this.list.children) {
      if (el.measured) continue;
      const h = el.offsetHeight;
      if (h) {
        el.measured = true;
        this.heights.set(el.entry.id, h);
        measured.push(h);
      }
    }
    // Rows never drawn are guessed at the median of the first rows drawn.
    // The guess stays put: moving it with each measurement would move every
    // row not drawn, and the view with them.
    if (this.guess === undefined && measured.length) this.guess = measured.sort((a, b) => a - b)[measured.length >> 1];
    this.list.style.minHeight = `${this.total(height)}px`;
  }

  /** The height of the whole list, rows drawn or not. */
  total(height) {
    let y = 0;
    for (let k = 0; k < this.entries.length; k++) y += height(k) + ROW_GAP;
    return y;
  }

  /** The list's position of document `id`, or -1. */
  indexOf(id) {
    return this.entries.findIndex((e) => e.id === id);
  }

  /** Up/Down (and Home/End) from a row, or from the list itself, move to the
   * next row's document link, drawing and scrolling it into view. */
  onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.matches('input')) return;
    const n = this.entries.length;
    const step = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }[e.key];
    if (step === undefined || !n) return;
    e.preventDefault();
    const row = e.target.closest('.doc-row');
    const from = row ? this.indexOf(row.dataset.docId) : step > 0 ? -1 : n;
    this.focusRow(Math.max(0, Math.min(n - 1, from + step)));
  }

  /** Focuses the link of row `i`, scrolled into view. */
  focusRow(i) {
    const id = this.entries[i].id;
    let el = this.list.querySelector(`[data-doc-id="${CSS.escape(id)}"]`);
    if (!el) {
      // Not drawn: scroll to where it is estimated to be, draw, then settle.
      let y = 0;
      const guess = this.guess ?? ROW_ESTIMATE;
      for (let k = 0; k < i; k++) y += (this.heights.get(this.entries[k].id) ?? guess) + ROW_GAP;
      this.scroller.scrollTop = y - this.scroller.clientHeight / 3;
      this.paint();
      el = this.list.querySelector(`[data-doc-id="${CSS.escape(id)}"]`);
    }
    el?.scrollIntoView({ block: 'nearest' });
    el?.querySelector('.doc-name')?.focus({ preventScroll: true });
    this.paint();
  }

  row(doc, snippet, hits) {
    const claims = this.model.claimsOf(doc.id);
    const done = claims.filter((c) => c.status !== 'pending').length;
    const renaming = this.renaming === doc.id;
    const name = renaming
      ? h('input', {
        type: 'text', class: 'rename', value: doc.name, 'data-testid': 'rename-input', 'aria-label': t('library.rename'),
        onkeydown: (e) => {
          if (e.key === 'Enter') { this.renaming = null; this.actions.rename(doc.id, e.target.value); this.renderList(); }
          if (e.key === 'Escape') { this.renaming = null; this.renderList(); }
        },
        onblur: (e) => { if (this.renaming === doc.id) { this.renaming = null; this.actions.rename(doc.id, e.target.value); this.renderList(); } },
      })
      : h('a', { href: `#/doc/${encodeURIComponent(doc.id)}`, class: 'doc-name' }, doc.name);
    const li = h('li', { 'data-testid': 'doc-row', 'data-doc-id': doc.id, class: `doc-row${doc.id === this.activeId ? ' active' : ''}` },
      h('div', { class: 'doc-main' }, name,
        h('span', { class: 'doc-meta' }, t('library.claims', { n: claims.length }), ' · ', t('library.reviewed', { done, n: claims.length }),
          hits ? [' · ', t('library.matches', { n: hits })] : null),
        snippet ? h('span', { class: 'doc-snippet' }, snippet) : null),
      h('div', { class: 'doc-actions' },
        h('button', { type: 'button', class: 'icon', 'data-testid': 'doc-rename', title: t('library.rename'), 'aria-label': t('library.rename'),
          onclick: () => { this.renaming = doc.id; this.renderList(); this.list.querySelector('.rename')?.select(); } }, '✎'),
        h('button', { type: 'button', class: 'icon', 'data-testid': 'doc-delete', title: t('library.delete'), 'aria-label': t('library.delete'),
          onclick: () => this.actions.remove(doc.id) }, '✕')));
    return li;
  }
}

/** Runs `fn` once, before the next frame is painted, or after 100 ms in a
 * tab that paints no frames (hidden). */
function nextFrame(fn) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(once);
  setTimeout(once, 100);
}

/** Rows drawn beyond each edge of the view. */
const OVERSCAN = 6;
/** How far (in rows) a focused row out of view is still kept drawn. */
const FOCUS_REACH = 40;
/** A row's height before it is first measured, and the gap between rows (px; style.css agrees). */
const ROW_ESTIMATE = 44;
const ROW_GAP = 2;

/** Characters of context on each side of the hit in a search snippet: with
 * the hit in the middle, about three lines of the library column. */
const SNIPPET_CONTEXT = 40;
/** Occurrences counted per document; past it the count shows as this. */
const MAX_HITS = 1000;

/** The snippet the core found, as nodes for h(): the text only ever as text. */
function snippetNodes(s) {
  return [s.cut_before ? '…' : '', s.before, h('mark', {}, s.hit), s.after, s.cut_after ? '…' : ''];
}
