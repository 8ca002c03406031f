// The claims table over the whole corpus: one row per claim, sortable,
// filterable and virtualised: only the rows in view (plus a few) exist in the
// DOM, so 20,000 claims scroll as smoothly as 20.

import { h, replace, shorten } from './dom.js';
import { t } from './i18n.js';

const ROW_HEIGHT = 32; // px; must match .table-row in style.css.
const OVERSCAN = 8;

const COLUMNS = [
  { key: 'doc', label: 'table.doc', value: (r) => r.docName },
  { key: 'text', label: 'table.text', value: (r) => r.claim.text },
  { key: 'claimant', label: 'table.claimant', value: (r) => r.claimant },
  { key: 'kind', label: 'table.kind', value: (r) => r.claim.kind },
  { key: 'modality', label: 'table.modality', value: (r) => r.claim.modality },
  { key: 'quantities', label: 'table.quantities', value: (r) => r.quantities },
  { key: 'tags', label: 'table.tags', value: (r) => r.tags },
  { key: 'factcheck', label: 'fc.column', value: (r) => r.factcheck },
  { key: 'status', label: 'table.status', value: (r) => r.claim.status },
];

export class TableView {
  /** `kernel`: the wasm functions (searchText matches the text filter). */
  constructor({ root, model, kernel, open }) {
    this.root = root;
    this.model = model;
    this.kernel = kernel;
    this.open = open;
    this.sort = { key: 'doc', dir: 1 };
    this.filter = { q: '', kind: '', modality: '', status: '', tag: '', claimant: '', unit: '' };
    // The row the keyboard is on (index into this.shown).
    this.active = -1;
    // The rows shown, in order: indexes into this.allRows, as the core's
    // index gave them (no object per row per keystroke).
    this.shown = new Uint32Array(0);
    this.dirty = true;
    // The claimant and unit choices are the library's: refilled when it changes, not per keystroke.
    this.choicesStale = true;
    /** Set by the page: `factcheck(claimId)` gives the ratings of matching archived reviews. */
    this.factcheck = null;
    /** Set by the page: `factcheckReviews(claimId)` gives those reviews (rating, url). */
    this.factcheckReviews = null;
    this.frame = 0;

    this.controls = h('div', { class: 'table-controls' });
    this.head = h('div', { class: 'table-head', role: 'row' });
    this.spacer = h('div', { class: 'table-spacer' });
    this.body = h('div', { class: 'table-body', role: 'rowgroup' });
    this.spacer.append(this.body);
    this.scroller = h('div', { class: 'table-scroller', 'data-testid': 'table-scroller', tabindex: 0 }, this.spacer);
    this.scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    this.countEl = h('span', { class: 'count', 'data-testid': 'table-count' });
    replace(this.root, h('div', { class: 'table-top' }, h('h2', { 'data-i18n': 'table.title' }, t('table.title')), this.countEl), this.controls,
      h('div', { class: 'table', role: 'table' }, this.head, this.scroller));
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
  }

  /** Marks the rows stale; they are rebuilt the next time the table shows. */
  invalidate() {
    this.dirty = true;
    this.stale = true;
    this.choicesStale = true;
    if (!this.root.hidden) this.render();
  }

  /** After a new link result: only the fact-check column can change (the
   * rows' text, the search index and the choices stay). Refreshed now when
   * the table shows, else at its next render. */
  refreshFactchecks() {
    this.checksStale = true;
    if (!this.root.hidden) this.render();
  }

  /** After a language switch: the controls are rebuilt in the new language
   * with the filter they apply still shown in them. */
  relabel() {
    this.controls.replaceChildren();
    this.headFor = null;
    this.body.replaceChildren(); // paint() keeps rows whose data is unchanged
    this.render();
  }

  render() {
    this.renderControls();
    if (this.headFor !== `${this.sort.key} ${this.sort.dir}`) this.renderHead();
    if (this.checksStale && !this.stale && this.allRows) this.fillFactchecks();
    if (this.dirty) this.rebuild();
    this.countEl.textContent = t('table.count', { n: this.shown.length, total: this.model.claims.size });
    this.spacer.style.height = `${this.shown.length * ROW_HEIGHT}px`;
    this.paint();
  }

  /** The rows as the page prints them: filtered and sorted, as shown. */
  get rows() {
    return Array.from(this.shown, (at) => this.allRows[at]);
  }

  /** Every row (its index in this.allRows) in the order of the sort in
   * force, sorted once per change of the library or of the sort (not per
   * keystroke: the core filters in this order). */
  sortedOrder() {
    const key = `${this.sort.key} ${this.sort.dir}`;
    if (this.sorted?.rows === this.allRows && this.sorted.key === key) return this.sorted.order;
    const rows = [...this.allRows];
    const col = COLUMNS.find((c) => c.key === this.sort.key);
    const dir = this.sort.dir;
    const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });
    rows.sort((a, b) => {
      if (this.sort.key !== 'doc') {
        // Empty cells (no claimant, no tags) go last in either direction.
        const [x, y] = [col.value(a), col.value(b)];
        if (!x !== !y) return x ? -1 : 1;
      }
      const primary = this.sort.key === 'doc' ? a.docOrder - b.docOrder : collator.compare(col.value(a), col.value(b));
      return dir * primary || a.docOrder - b.docOrder || a.claim.start - b.claim.start;
    });
    const order = Uint32Array.from(rows, (row) => row.at);
    this.sorted = { rows: this.allRows, key, order };
    return order;
  }

  /** The core's index of every row's text (search.rs `RowSearch`), built
   * once per change of the library, not per keystroke. */
  searchIndex() {
    if (!this.index) {
      this.index = new this.kernel.RowIndex(this.allRows.map((row) =>
        `${row.docName}\n${row.claim.text}\n${row.claimant}\n${row.identity}\n${row.tags}\n${row.claim.note}`));
    }
    return this.index;
  }

  /** The fact-check column of every row, from the links' result; rows in
   * view are drawn again, and a sort by that column sorts again. */
  fillFactchecks() {
    this.checksStale = false;
    for (const row of this.allRows) {
      row.factcheck = this.factcheck?.(row.claim.id) ?? '';
      row.factcheckTitle = this.factcheckTitle?.(row.claim.id) ?? '';
    }
    if (this.sort.key === 'factcheck') {
      this.sorted = null;
      this.dirty = true;
    }
    this.body.replaceChildren();
  }

  /** One row per claim of the library, built when the library changed. */
  buildAllRows() {
    this.stale = false;
    this.checksStale = false;
    this.index?.free();
    this.index = null;
    const names = new Map([...this.model.documents.values()].map((d) => [d.id, d.name]));
    const order = new Map(this.model.documentList().map((d, i) => [d.id, i]));
    this.allRows = [...this.model.claims.values()].map((claim, at) => ({
      claim,
      at, // Its row in the search index.
      docName: names.get(claim.doc) ?? claim.doc,
      docOrder: order.get(claim.doc) ?? 0,
      claimant: claim.claimant ? claim.claimant.resolved || claim.claimant.text : '',
      // Role and affiliation, shown under the name and matched by the filter.
      identity: claim.claimant ? [claim.claimant.role, claim.claimant.affiliation].filter(Boolean).join(', ') : '',
      quantities: claim.quantities.map((x) => x.text).join('; '),
      tags: claim.tags.map((x) => this.model.tagLabel(x)).join(', '),
      factcheck: this.factcheck?.(claim.id) ?? '',
      factcheckTitle: this.factcheckTitle?.(claim.id) ?? '',
    }));
    // Ready before the first keystroke, without delaying this paint.
    const rows = this.allRows;
    (globalThis.requestIdleCallback ?? setTimeout)(() => { if (this.allRows === rows) this.searchIndex(); });
  }

  rebuild() {
    this.dirty = false;
    if (this.stale || !this.allRows) this.buildAllRows();
    const f = this.filter;
    const q = f.q.trim();
    // The rows whose text matches, in the sort's order, by the core's
    // index: no matching here.
    let shown = q ? this.searchIndex().matchingIn(q, this.sortedOrder()) : this.sortedOrder();
    if (f.kind || f.modality || f.status || f.tag || f.unit || f.claimant) {
      const kept = new Uint32Array(shown.length);
      let n = 0;
      for (const at of shown) {
        const { claim, claimant } = this.allRows[at];
        if (f.kind && claim.kind !== f.kind) continue;
        if (f.modality && claim.modality !== f.modality) continue;
        if (f.status && claim.status !== f.status) continue;
        if (f.tag === '-' ? claim.tags.length : f.tag && !claim.tags.includes(f.tag)) continue;
        if (f.unit && !claim.quantities.some((x) => (x.unit ?? '') === f.unit)) continue;
        if (f.claimant && claimant !== f.claimant) continue;
        kept[n++] = at;
      }
      shown = kept.subarray(0, n);
    }
    this.shown = shown;
    this.active = Math.min(this.active, shown.length - 1);
  }

  /** Keyboard: arrows, Page Up/Down, Home/End move the active row; Enter opens it. */
  onKey(e) {
    if (e.target !== this.scroller || e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 1);
    const step = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity }[e.key];
    if (e.key === 'Enter' && this.active >= 0 && this.active < this.shown.length) {
      e.preventDefault();
      const c = this.allRows[this.shown[this.active]].claim;
      this.open(c.doc, c.id);
      return;
    }
    if (step === undefined || !this.shown.length) return;
    e.preventDefault();
    e.stopPropagation();
    this.active = Math.max(0, Math.min(this.shown.length - 1, (this.active < 0 ? -1 : this.active) + step));
    const top = this.active * ROW_HEIGHT;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = top + ROW_HEIGHT - this.scroller.clientHeight;
    this.body.replaceChildren(); // The active mark moves: rows in view are drawn again.
    this.paint();
    this.scroller.setAttribute('aria-activedescendant', `table-row-${this.active}`);
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.paint(); });
  }

  /** Renders the rows in view. Rows still in view are kept, not rebuilt:
   * each sits at its own offset, so a scroll adds and removes only the rows
   * that enter and leave. */
  paint() {
    if (this.root.hidden) return;
    const top = this.scroller.scrollTop;
    const height = this.scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.shown.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const keep = new Map();
    for (const el of [...this.body.children]) {
      const i = Number(el.dataset.index);
      if (i >= first && i < last && el.rowData === this.allRows[this.shown[i]]) keep.set(i, el);
      else el.remove();
    }
    const fresh = document.createDocumentFragment();
    for (let i = first; i < last; i++) {
      if (keep.has(i)) continue;
      const data = this.allRows[this.shown[i]];
      const el = this.row(data, i);
      el.rowData = data;
      el.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
      fresh.append(el);
    }
    this.body.append(fresh);
  }

  /** The ratings of the claim's archived reviews, each a link to its review
   * (http(s) only: the archive's files are untrusted), whole (the cell wraps). */
  reviewLinks(id, text) {
    const reviews = this.factcheckReviews?.(id);
    if (!reviews?.length) return [text];
    return reviews.flatMap((f, i) => {
      const safe = f.url && /^https?:\/\//i.test(f.url) ? f.url : null;
      // A review only about the claim's subject: a muted mark, never its verdict.
      const label = f.related ? t('fc.related.short') : f.rating;
      const attrs = f.related ? { class: 'fc-related', 'data-testid': 'table-review-related' } : {};
      const rating = safe
        ? h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'table-review-url', onclick: (e) => e.stopPropagation(), ...attrs }, label)
        : h('span', attrs, label);
      return i ? [', ', rating] : [rating];
    });
  }

  row(r, i) {
    const c = r.claim;
    return h('div', {
      class: `table-row status-${c.status}${i === this.active ? ' active' : ''}`, role: 'row', 'data-testid': 'table-row', 'data-claim-id': c.id, 'data-index': i,
      id: `table-row-${i}`, 'aria-selected': i === this.active ? 'true' : null,
      onclick: () => this.open(c.doc, c.id),
    },
      h('span', { role: 'cell', class: 'c-doc', title: r.docName }, shorten(r.docName, 40)),
      h('span', { role: 'cell', class: 'c-text', title: c.text }, shorten(c.text, 160)),
      h('span', { role: 'cell', class: 'c-claimant', title: r.identity ? `${r.claimant} (${r.identity})` : null },
        h('span', {}, r.claimant), r.identity ? h('span', { class: 'identity', 'data-testid': 'claimant-identity' }, r.identity) : null),
      h('span', { role: 'cell', class: 'c-kind' }, h('span', { class: `badge hl-kind-${c.kind}` }, t(`kind.${c.kind}`))),
      h('span', { role: 'cell', class: 'c-modality' }, t(`modality.${c.modality}`)),
      h('span', { role: 'cell', class: 'c-quantities', title: r.quantities }, r.quantities),
      h('span', { role: 'cell', class: 'c-tags' }, r.tags),
      h('span', { role: 'cell', class: 'c-factcheck', 'data-testid': 'table-factcheck', title: r.factcheckTitle || r.factcheck },
        ...this.reviewLinks(c.id, r.factcheck)),
      h('span', { role: 'cell', class: 'c-status' }, t(`status.${c.status}`)));
  }

  renderHead() {
    // Drawn again only for another sort (or language), not per keystroke.
    this.headFor = `${this.sort.key} ${this.sort.dir}`;
    replace(this.head, COLUMNS.map((col) => {
      const active = this.sort.key === col.key;
      return h('span', { role: 'columnheader', class: `c-${col.key}`, 'aria-sort': active ? (this.sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
        h('button', {
          type: 'button', class: 'sort', 'data-testid': `sort-${col.key}`,
          onclick: () => {
            this.sort = { key: col.key, dir: active ? -this.sort.dir : 1 };
            this.dirty = true;
            this.render();
          },
        }, t(col.label), active ? (this.sort.dir > 0 ? ' ▲' : ' ▼') : ''));
    }));
  }

  renderControls() {
    if (this.controls.childElementCount) return this.relabelControls();
    const set = (key) => (e) => { this.filter[key] = e.target.value; this.dirty = true; this.scroller.scrollTop = 0; this.render(); };
    // Built from this.filter, so rebuilt controls show the filter in force.
    const choice = (key, values, prefix) => h('select', { 'data-testid': `filter-${key}`, onchange: set(key), 'aria-label': t(`table.${key}`) },
      h('option', { value: '' }, `${t(`table.${key}`)}: ${t('table.any')}`),
      values.map((v) => h('option', { value: v, selected: this.filter[key] === v }, t(`${prefix}.${v}`))));
    this.controls.append(
      h('input', { type: 'search', 'data-testid': 'filter-text', placeholder: t('table.filter'), 'aria-label': t('table.filter'), value: this.filter.q, oninput: set('q') }),
      choice('kind', ['quote', 'reported', 'unattributed'], 'kind'),
      choice('modality', ['asserted', 'hedged', 'denied'], 'modality'),
      choice('status', ['pending', 'accepted', 'rejected'], 'status'),
      this.tagSelect = h('select', { 'data-testid': 'filter-tag', onchange: set('tag'), 'aria-label': t('table.tags') }),
      this.claimantSelect = h('select', { 'data-testid': 'filter-claimant', onchange: set('claimant'), 'aria-label': t('table.claimant') }),
      this.unitSelect = h('select', { 'data-testid': 'filter-unit', onchange: set('unit'), 'aria-label': t('table.unit') }));
    this.relabelControls();
  }

  /** The claimant and unit choices: the values the library holds, most used first. */
  fillValueChoices() {
    const counts = (pick) => {
      const n = new Map();
      for (const c of this.model.claims.values()) for (const v of pick(c)) n.set(v, (n.get(v) ?? 0) + 1);
      return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
    };
    const fill = (select, key, label, values) => {
      const current = this.filter[key];
      replace(select, h('option', { value: '' }, `${label}: ${t('table.any')}`), values.map((v) => h('option', { value: v }, v)));
      select.value = current;
    };
    fill(this.claimantSelect, 'claimant', t('table.claimant'), counts((c) => (c.claimant ? [c.claimant.resolved || c.claimant.text] : [])));
    fill(this.unitSelect, 'unit', t('table.unit'), counts((c) => new Set(c.quantities.map((x) => x.unit).filter(Boolean))));
  }

  relabelControls() {
    // Refilled when the claims changed (or the language did: the selects
    // are new), never for a keystroke of the filter.
    if (!this.choicesStale && this.unitSelect.options.length) return;
    this.choicesStale = false;
    this.fillValueChoices();
    const current = this.filter.tag;
    replace(this.tagSelect,
      h('option', { value: '' }, `${t('table.tags')}: ${t('table.any')}`),
      h('option', { value: '-' }, t('table.notag')),
      this.model.tags.map((tag) => h('option', { value: tag.id }, tag.label)));
    this.tagSelect.value = current;
  }
}
