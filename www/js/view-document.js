// The document view: the text with claims highlighted, and the list of its
// claims. Highlights use the CSS Custom Highlight API (ranges over one text
// node; the text DOM is never touched); where that API is missing, or with
// `?highlights=marks`, the text is split into <mark> elements instead. Either
// way clicks are hit-tested against our own span table, not the DOM.
//
// Stored offsets are code points; the DOM wants UTF-16. Both directions go
// through one wasm TextIndex per open document.

import { h, replace, shorten } from './dom.js';
import { t } from './i18n.js';
import { onSettings, setSetting, settings } from './review.js';
import { Blocks, VirtualList, isLarge, spansIn } from './window.js';

/** Highlight names, lowest priority first. */
const LAYERS = [
  'boilerplate', 'kind-unattributed', 'kind-reported', 'kind-quote', 'rejected',
  'mod-hedged', 'mod-denied', 'part-cue', 'part-via', 'part-quantity', 'part-claimant', 'selected',
];

export class DocumentView {
  constructor({ root, list, model, kernel, onSelect }) {
    this.root = root;
    this.list = list;
    this.model = model;
    this.kernel = kernel;
    this.onSelect = onSelect;
    this.docId = null;
    this.claimId = null;
    this.index = null;
    this.spans = [];
    this.selection = null;
    this.useHighlights = 'highlights' in CSS && typeof Highlight === 'function'
      && new URLSearchParams(location.search).get('highlights') !== 'marks';
    this.firstPaint = false;

    this.header = h('div', { class: 'doc-header' });
    this.scroller = h('div', { class: 'doc-scroller' });
    this.text = h('div', { class: 'doc-text', 'data-testid': 'doc-text', lang: 'id' });
    this.scroller.append(this.text);
    this.root.replaceChildren(this.header, this.scroller);

    this.text.addEventListener('click', (e) => this.hitTest(e));
    onSettings(() => { if (this.docId) this.renderList(); });
    document.addEventListener('selectionchange', () => this.trackSelection());
  }

  /** Shows document `docId` (re-rendering only what changed) and selects `claimId`. */
  show(docId, claimId = null) {
    const doc = this.model.documents.get(docId);
    if (!doc) {
      this.close();
      replace(this.header, h('p', { class: 'empty' }, t('doc.none')));
      replace(this.list);
      return;
    }
    if (docId !== this.docId || doc.text !== this.textOf) {
      this.close();
      this.docId = docId;
      this.textOf = doc.text;
      this.index = new this.kernel.TextIndex(doc.text);
      this.scroller.scrollTop = 0;
      // A new document's list starts at its top, not where the last one was.
      this.list.scrollTop = 0;
      // Very large documents are windowed (window.js); the <mark> fallback is not.
      if (this.useHighlights && isLarge(doc.text, this.model.byDoc.get(docId)?.length ?? 0)) {
        this.blocks = new Blocks(this.text, doc.text, () => this.paintWindow());
      }
      this.dirty = true;
    }
    const claim = claimId && this.model.claims.has(claimId) ? claimId : null;
    // Only the selection moved (j/k, a click): no need to lay everything out again.
    if (!this.dirty) return this.select(claim);
    this.claimId = claim;
    this.render();
    if (this.claimId) this.scrollTo(this.claimId);
  }

  close() {
    this.index?.free();
    this.index = null;
    this.blocks?.disconnect();
    this.blocks = null;
    this.rows?.disconnect();
    this.rows = null;
    this.docId = null;
    this.selection = null;
    if (this.useHighlights) for (const name of LAYERS) CSS.highlights.delete(name);
    this.text.replaceChildren();
  }

  /** Re-renders after a model change. */
  refresh() {
    if (!this.docId) return;
    this.dirty = true;
    if (!this.model.documents.has(this.docId)) return this.show(null);
    this.show(this.docId, this.claimId);
  }

  select(claimId, { scroll = true } = {}) {
    this.claimId = claimId;
    this.paintSelection();
    this.renderList();
    if (scroll && claimId) this.scrollTo(claimId);
  }

  /** The next (+1) or previous (-1) claim id, from the selected one. */
  neighbour(step) {
    const ids = this.shownIds();
    if (!ids.length) return null;
    const at = ids.indexOf(this.claimId);
    if (at < 0) return step > 0 ? ids[0] : ids.at(-1);
    return ids[Math.min(ids.length - 1, Math.max(0, at + step))];
  }

  /** The claim ids the list shows: all, or only the pending ones (and the
   * selected claim, so accepting it does not make it vanish under the user). */
  shownIds() {
    const ids = this.model.byDoc.get(this.docId) ?? [];
    if (!settings().pendingOnly) return ids;
    return ids.filter((id) => id === this.claimId || this.model.claims.get(id)?.status === 'pending');
  }

  /** The list's header: its title and the review settings. */
  listHead() {
    const s = settings();
    const toggle = (name, key, testid) => h('label', { class: 'review-toggle' },
      h('input', { type: 'checkbox', checked: s[name], 'data-testid': testid, onchange: (e) => setSetting(name, e.target.checked) }), ' ', t(key));
    return h('div', { class: 'list-head' },
      h('h3', { class: 'list-title' }, this.listTitle ?? t('doc.claims')),
      h('div', { class: 'review-settings' },
        toggle('pendingOnly', 'review.pendingonly', 'pending-only'),
        toggle('advance', 'review.advance', 'review-advance')));
  }

  /** The text the user selected in the document: code points and UTF-16. */
  selected() {
    return this.selection;
  }

  /** Code point offsets to UTF-16 and back, for one document. */
  toUtf16(offsets) {
    return this.index.convertAll(Uint32Array.from(offsets), 'codepoint', 'utf16');
  }

  // Rendering.

  render() {
    const doc = this.model.documents.get(this.docId);
    const claims = this.model.claimsOf(this.docId);
    this.renderHeader(doc, claims);
    this.dirty = false;
    this.spans = this.layout(doc, claims);
    if (this.blocks) this.paintWindow();
    else if (this.useHighlights) this.paintHighlights(doc);
    else this.paintMarks(doc);
    this.paintSelection();
    this.renderList();
    if (!this.firstPaint && claims.length) {
      this.firstPaint = true;
      performance.mark('klaim:first-highlight');
    }
  }

  renderHeader(doc, claims) {
    const swatch = (cls, key) => h('span', { class: `swatch hl-${cls}` }, t(key));
    replace(this.header,
      h('h2', { class: 'doc-title' }, doc.name),
      h('div', { class: 'doc-tools' },
        h('button', {
          type: 'button', class: 'add-claim', 'data-testid': 'add-claim', disabled: !this.selection,
          onmousedown: (e) => e.preventDefault(), onclick: () => this.onAddClaim?.(),
          title: 'C',
        }, t('doc.addclaim')),
        h('span', { class: 'legend', 'aria-label': t('doc.legend') },
          swatch('kind-quote', 'legend.quote'), swatch('kind-reported', 'legend.reported'),
          swatch('kind-unattributed', 'legend.unattributed'), swatch('mod-hedged', 'legend.hedged'),
          swatch('mod-denied', 'legend.denied'), swatch('part-claimant', 'legend.claimant'),
          swatch('part-cue', 'legend.cue'), swatch('part-via', 'legend.via'),
          swatch('part-quantity', 'legend.quantity'), swatch('boilerplate', 'legend.boilerplate'))),
      doc.notes?.length ? h('details', { class: 'doc-notes' }, h('summary', {}, t('doc.notes')), h('ul', {}, doc.notes.map((n) => h('li', {}, n)))) : null,
      // Values another tab wrote at the same moment that lost to a newer edit.
      (doc.conflicts ?? []).map((c, i) => h('div', { class: 'conflict', 'data-testid': 'doc-conflict', role: 'status' },
        h('p', {}, t('conflict.doc', { field: t(`conflict.field.${c.field}`) === `conflict.field.${c.field}` ? c.field : t(`conflict.field.${c.field}`) })),
        h('blockquote', { class: 'conflict-value' }, typeof c.value === 'string' ? c.value : JSON.stringify(c.value)),
        h('button', { type: 'button', class: 'small', 'data-testid': 'doc-conflict-restore', onclick: () => this.model.resolveConflict('documents', doc.id, i, true) }, t('conflict.restore')),
        h('button', { type: 'button', class: 'small', 'data-testid': 'doc-conflict-dismiss', onclick: () => this.model.resolveConflict('documents', doc.id, i, false) }, t('conflict.dismiss')))),
    );
    this.listTitle = `${t('doc.claims')} (${claims.length})`;
  }

  /** Every painted span in UTF-16: {layer, start, end, claim?}. */
  layout(doc, claims) {
    const cp = [];
    const items = [];
    const add = (layer, s, claim) => {
      if (!s) return;
      items.push({ layer, claim, at: cp.length });
      cp.push(s.start, s.end);
    };
    for (const b of doc.boilerplate ?? []) add('boilerplate', b);
    for (const c of claims) {
      add(c.status === 'rejected' ? 'rejected' : `kind-${c.kind}`, c, c.id);
      if (c.status !== 'rejected') {
        if (c.modality !== 'asserted') add(`mod-${c.modality}`, c, c.id);
        add('part-claimant', c.claimant, c.id);
        add('part-cue', c.cue, c.id);
        add('part-via', c.via, c.id);
        for (const q of c.quantities ?? []) add('part-quantity', q, c.id);
      }
    }
    const u16 = cp.length ? this.toUtf16(cp) : [];
    const spans = items.map(({ layer, claim, at }) => ({ layer, claim, start: u16[at], end: u16[at + 1] }));
    return withoutNested(spans);
  }

  /** While printing, a windowed document paints its whole text. */
  paintAll(on) {
    this.printing = on;
    this.paintWindow();
  }

  /** Windowed: highlights for the spans near the viewport only. */
  paintWindow() {
    if (!this.blocks) return;
    if (this.sortedFor !== this.spans) {
      this.sortedFor = this.spans;
      this.sorted = this.spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
      this.maxSpan = this.sorted.reduce((m, s) => Math.max(m, s.end - s.start), 0);
    }
    const [start, end] = this.printing ? [0, this.blocks.length] : this.blocks.visibleRange();
    const byLayer = new Map(LAYERS.map((l) => [l, []]));
    for (const s of spansIn(this.sorted, start, end, this.maxSpan)) byLayer.get(s.layer).push(...this.blocks.ranges(s.start, s.end));
    LAYERS.forEach((layer, i) => {
      if (layer === 'selected') return;
      const hl = new Highlight(...byLayer.get(layer));
      hl.priority = i;
      CSS.highlights.set(layer, hl);
    });
    this.text.dataset.painted = String(end - start);
  }

  paintHighlights(doc) {
    if (this.text.firstChild?.nodeType !== Node.TEXT_NODE || this.text.childNodes.length !== 1) {
      this.text.replaceChildren(document.createTextNode(doc.text));
    }
    const node = this.text.firstChild;
    const byLayer = new Map(LAYERS.map((l) => [l, []]));
    for (const s of this.spans) {
      if (s.end <= s.start) continue;
      const r = new StaticRange({ startContainer: node, startOffset: s.start, endContainer: node, endOffset: s.end });
      byLayer.get(s.layer).push(r);
    }
    LAYERS.forEach((layer, i) => {
      if (layer === 'selected') return;
      const hl = new Highlight(...byLayer.get(layer));
      hl.priority = i;
      CSS.highlights.set(layer, hl);
    });
  }

  /** The fallback: the text cut at every span boundary into <mark>s. */
  paintMarks(doc) {
    const cuts = new Set([0, doc.text.length]);
    for (const s of this.spans) cuts.add(s.start).add(s.end);
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = doc.text.slice(a, b);
      const covering = this.spans.filter((s) => s.start <= a && b <= s.end);
      if (!covering.length) {
        frag.append(document.createTextNode(piece));
        continue;
      }
      const mark = h('mark', { class: covering.map((s) => `hl-${s.layer}`).join(' ') }, piece);
      const claim = covering.filter((s) => s.claim).sort((x, y) => (x.end - x.start) - (y.end - y.start))[0];
      if (claim) mark.dataset.claim = claim.claim;
      frag.append(mark);
    }
    this.text.replaceChildren(frag);
  }

  paintSelection() {
    const span = this.spans.find((s) => s.claim === this.claimId && (s.layer.startsWith('kind-') || s.layer === 'rejected'));
    if (this.blocks) {
      if (span) {
        const hl = new Highlight(...this.blocks.ranges(span.start, span.end));
        hl.priority = LAYERS.length;
        CSS.highlights.set('selected', hl);
      } else {
        CSS.highlights.delete('selected');
      }
    } else if (this.useHighlights) {
      const node = this.text.firstChild;
      if (span && node) {
        const hl = new Highlight(new StaticRange({ startContainer: node, startOffset: span.start, endContainer: node, endOffset: span.end }));
        hl.priority = LAYERS.length;
        CSS.highlights.set('selected', hl);
      } else {
        CSS.highlights.delete('selected');
      }
    } else {
      for (const m of this.text.querySelectorAll('mark.hl-selected')) m.classList.remove('hl-selected');
      if (span) for (const m of this.text.querySelectorAll('mark')) if (m.dataset.claim === this.claimId) m.classList.add('hl-selected');
    }
  }

  renderList() {
    const claims = this.shownIds().map((id) => this.model.claims.get(id));
    if (this.blocks) return this.renderWindowedList(claims);
    const rows = claims.map((c, i) => this.row(c, i));
    replace(this.list,
      this.listHead(),
      rows.length ? h('ul', { class: 'claim-list', role: 'listbox', 'aria-label': t('doc.claims') }, rows) : h('p', { class: 'empty' }, t('doc.noclaims')));
    this.revealSelectedRow();
  }

  /** Windowed: the same rows, one line each, only those near the scroll position. */
  renderWindowedList(claims) {
    if (!this.rows || this.rows.claims !== claims.length || !this.list.contains(this.rows.list)) {
      this.rows?.disconnect();
      const ul = h('ul', { class: 'claim-list', role: 'listbox', 'aria-label': t('doc.claims') });
      replace(this.list, this.listHead(), ul);
      this.rows = new VirtualList(this.list, ul, claims.length, (i) => this.row(this.listed[i], i));
      this.rows.claims = claims.length;
    } else {
      this.list.querySelector('.list-title').textContent = this.listTitle ?? t('doc.claims');
    }
    this.listed = claims;
    const at = this.claimId ? claims.findIndex((c) => c.id === this.claimId) : -1;
    if (at >= 0) this.rows.reveal(at, this.list.querySelector('.list-head')?.offsetHeight ?? 0);
    else this.rows.paint();
  }

  row(c, i) {
    return h('li', {
      'data-testid': 'claim-row',
      'data-claim-id': c.id,
      'data-status': c.status,
      class: `claim-row status-${c.status}${c.id === this.claimId ? ' selected' : ''}`,
      role: 'option',
      'aria-selected': c.id === this.claimId ? 'true' : 'false',
      tabindex: c.id === this.claimId || (!this.claimId && i === 0) ? '0' : '-1',
      onclick: () => this.onSelect(c.id),
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.onSelect(c.id); } },
    },
      h('span', { class: 'status-icon', title: t(`status.${c.status}`) }, c.status === 'accepted' ? '✓' : c.status === 'rejected' ? '✗' : '•'),
      h('span', { class: `badge hl-kind-${c.kind}` }, t(`kind.${c.kind}`)),
      c.modality !== 'asserted' ? h('span', { class: `badge hl-mod-${c.modality}` }, t(`modality.${c.modality}`)) : null,
      c.claimant ? h('span', {
        class: 'claimant',
        // Role and affiliation on hover: the row has no room to spare.
        title: [c.claimant.role, c.claimant.affiliation].filter(Boolean).join(', ') || null,
      }, c.claimant.resolved || c.claimant.text) : null,
      h('span', { class: 'snippet' }, shorten(c.text, 140)),
      c.tags.length ? h('span', { class: 'tags' }, c.tags.map((tag) => h('span', { class: 'tag' }, this.model.tagLabel(tag)))) : null,
    );
  }

  /** Scrolls the claim list (and nothing else: scrollIntoView would also
   * move the page's overflow-hidden ancestors) so the selected row shows
   * whole, below the list's title. */
  revealSelectedRow() {
    const row = this.list.querySelector('.claim-row.selected');
    if (!row) return;
    const box = this.list.getBoundingClientRect();
    const rect = row.getBoundingClientRect();
    const title = this.list.querySelector('.list-head')?.getBoundingClientRect().height ?? 0;
    const top = rect.top - box.top - title - 8;
    const bottom = rect.bottom - box.bottom + 8;
    if (top < 0) this.list.scrollTop += top;
    else if (bottom > 0) this.list.scrollTop += Math.min(bottom, top);
  }

  scrollTo(claimId) {
    const span = this.spans.find((s) => s.claim === claimId);
    if (!span) return;
    if (this.blocks) return this.blocks.reveal(this.scroller, span.start);
    const range = document.createRange();
    const [node, offset] = this.locate(span.start);
    if (!node) return;
    range.setStart(node, offset);
    range.collapse(true);
    const rect = range.getBoundingClientRect();
    const box = this.scroller.getBoundingClientRect();
    if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40) {
      this.scroller.scrollTop += rect.top - box.top - box.height / 3;
    }
  }

  // Hit-testing and selection.

  hitTest(event) {
    const sel = getSelection();
    if (sel && !sel.isCollapsed) return;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const range = caret ? null : document.caretRangeFromPoint?.(event.clientX, event.clientY);
    const node = caret?.offsetNode ?? range?.startContainer;
    const offset = caret?.offset ?? range?.startOffset;
    if (!node || !this.text.contains(node)) return;
    const at = this.offsetOf(node, offset);
    const hits = this.spans.filter((s) => s.claim && (s.layer.startsWith('kind-') || s.layer === 'rejected') && s.start <= at && at < s.end);
    hits.sort((a, b) => (a.end - a.start) - (b.end - b.start));
    if (hits[0]) this.onSelect(hits[0].claim);
  }

  /** UTF-16 offset of a DOM point inside the text. */
  offsetOf(node, offset) {
    if (this.blocks) return this.blocks.offsetOf(node, offset) ?? 0;
    const r = document.createRange();
    r.setStart(this.text, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }

  /** The DOM point at UTF-16 offset `at` of the text. */
  locate(at) {
    if (this.blocks) return this.blocks.point(at);
    const walker = document.createTreeWalker(this.text, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (at <= seen + n.length) return [n, at - seen];
      seen += n.length;
    }
    return [null, 0];
  }

  trackSelection() {
    const sel = getSelection();
    if (!sel || !sel.rangeCount || !this.index) return;
    const r = sel.getRangeAt(0);
    const inside = this.text.contains(r.startContainer) && this.text.contains(r.endContainer);
    if (!inside) return; // A click elsewhere (a button) keeps the last selection.
    const before = !!this.selection;
    if (sel.isCollapsed) {
      this.selection = null;
    } else {
      let start = this.offsetOf(r.startContainer, r.startOffset);
      let end = this.offsetOf(r.endContainer, r.endOffset);
      const text = this.model.documents.get(this.docId).text;
      // Trim the whitespace a double-click or a sloppy drag takes along.
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      const [cpStart, cpEnd] = this.index.convertAll(Uint32Array.from([start, end]), 'utf16', 'codepoint');
      this.selection = end > start ? { start, end, cpStart, cpEnd, text: text.slice(start, end) } : null;
    }
    if (before !== !!this.selection) {
      const button = this.header.querySelector('.add-claim');
      if (button) button.disabled = !this.selection;
    }
  }
}

/** A rejected claim's strike-through stops where a claim that is not
 * rejected lies inside it (the user's own claim within a rejected one). */
function withoutNested(spans) {
  // Only the live spans that overlap a rejected one are looked at (sorted by
  // start, found by bisection): thousands of rejected claims stay linear.
  const live = spans.filter((s) => s.layer.startsWith('kind-')).sort((a, b) => a.start - b.start);
  const maxLength = live.reduce((m, l) => Math.max(m, l.end - l.start), 0);
  return spans.flatMap((s) => {
    if (s.layer !== 'rejected') return [s];
    let pieces = [s];
    for (const l of spansIn(live, s.start, s.end, maxLength)) {
      if (l.end <= s.start || s.end <= l.start) continue;
      pieces = pieces.flatMap((p) => [
        p.start < l.start ? { ...p, end: Math.min(p.end, l.start) } : null,
        l.end < p.end ? { ...p, start: Math.max(p.start, l.end) } : null,
      ].filter((x) => x && x.start < x.end));
    }
    return pieces;
  });
}
