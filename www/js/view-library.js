// The library: the documents, a search across all of them, and the ways to
// add new ones (paste, file picker; drag-and-drop is wired in app.js for the
// whole window). Rename is in place; delete is undoable.

import { h, replace } from './dom.js';
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
    this.list = h('ul', { class: 'doc-list', 'aria-label': t('library.title'), 'data-i18n-aria-label': 'library.title' });
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
    replace(this.root, h('h2', { 'data-i18n': 'library.title' }, t('library.title')), this.search, this.count, this.list, add);
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
    for (const id of docIds) {
      const doc = this.model.documents.get(id);
      const row = this.list.querySelector(`[data-doc-id="${CSS.escape(id)}"]`);
      if (doc && row) row.replaceWith(this.row(doc, null, 0));
    }
  }

  /** Adds the rows of newly imported documents (`docIds`, added last, so
   * they belong at the end) without rebuilding the list: an import of 1,000
   * documents in batches must not redraw 1,000 rows per batch. */
  appendDocs(docIds) {
    if (this.query.trim() || !this.list.children.length) return this.renderList();
    // Batches that arrive within one frame are added in one go: one
    // layout for them, not one each.
    const first = !this.appending;
    this.appending = [...(this.appending ?? []), ...docIds];
    if (first) nextFrame(() => this.flushAppends());
  }

  flushAppends() {
    const ids = this.appending;
    this.appending = null;
    if (!ids) return;
    const rows = ids.map((id) => this.model.documents.get(id)).filter(Boolean).map((doc) => this.row(doc, null, 0));
    this.list.append(...rows);
    this.count.textContent = t('library.count', { n: this.model.documents.size });
  }

  renderList() {
    // Everything is drawn from the model: rows waiting to be added come too.
    this.appending = null;
    const docs = this.model.documentList();
    // Matching and snippets are the core's (search.rs); this only renders.
    const q = this.query.trim();
    const rows = [];
    for (const doc of docs) {
      let snippet = null;
      let hits = 0;
      if (q) {
        const inText = this.kernel.searchText(doc.text, q, MAX_HITS, SNIPPET_CONTEXT);
        const inName = this.kernel.searchText(doc.name, q, 1, 0).hits > 0;
        if (!inName && !inText.hits) continue;
        hits = inText.hits;
        if (inText.snippet) snippet = snippetNodes(inText.snippet);
      }
      rows.push(this.row(doc, snippet, hits));
    }
    this.count.textContent = q && !rows.length ? t('library.nomatch') : docs.length ? t('library.count', { n: rows.length }) : t('library.empty');
    replace(this.list, rows);
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

/** Characters of context on each side of the hit in a search snippet: with
 * the hit in the middle, about three lines of the library column. */
const SNIPPET_CONTEXT = 40;
/** Occurrences counted per document; past it the count shows as this. */
const MAX_HITS = 1000;

/** The snippet the core found, as nodes for h(): the text only ever as text. */
function snippetNodes(s) {
  return [s.cut_before ? '…' : '', s.before, h('mark', {}, s.hit), s.after, s.cut_after ? '…' : ''];
}
