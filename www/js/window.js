// Windowing for very large documents: only what is near the viewport is
// rendered, so a 2 MB article with 14,000 claims scrolls and steps (j/k) as
// a short one does.
//
// - The text is cut into blocks of whole lines, one text node each, with
//   `content-visibility: auto`: the browser lays out and paints only blocks
//   near the viewport, while the whole text stays in the DOM (selection,
//   copy, find-in-page and offsets keep working).
// - Highlights are registered only for the spans of blocks near the viewport
//   (an IntersectionObserver says which); scrolling repaints them.
// - The claim list draws fixed-height rows near its scroll position only.
//
// Offsets here are UTF-16 (the DOM's); the view converts code points through
// the wasm TextIndex as before.

import { h } from './dom.js';

/** Documents with more claims or characters than this are windowed. */
export const WINDOW_CLAIMS = 1000;
export const WINDOW_CHARS = 300_000;
/** A block holds whole lines up to about this many characters. */
const BLOCK_CHARS = 2000;
/** The height of one row of a windowed claim list, in px (style.css agrees). */
export const ROW_HEIGHT = 30;
/** Rows drawn beyond the visible ones, each side. */
const OVERSCAN = 12;

export function isLarge(text, claims) {
  return claims > WINDOW_CLAIMS || text.length > WINDOW_CHARS;
}

/** The text of `container` as blocks of whole lines. */
export class Blocks {
  constructor(container, text, onVisible) {
    this.container = container;
    this.starts = [];
    this.nodes = [];
    const els = [];
    let at = 0;
    while (at < text.length) {
      let end = text.indexOf('\n', Math.min(text.length, at + BLOCK_CHARS));
      end = end < 0 ? text.length : end + 1;
      const piece = text.slice(at, end);
      const node = document.createTextNode(piece);
      // An estimate of the height until the block is first laid out
      // (`auto` then remembers the real one).
      const lines = Math.max(1, Math.ceil(piece.length / 80));
      const el = h('div', { class: 'doc-block', 'data-block': this.starts.length }, node);
      el.style.containIntrinsicSize = `auto ${lines * 28}px`;
      els.push(el);
      this.starts.push(at);
      this.nodes.push(node);
      at = end;
    }
    this.length = text.length;
    container.replaceChildren(...els);
    this.visible = new Set();
    let queued = false;
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const i = Number(e.target.dataset.block);
        if (e.isIntersecting) this.visible.add(i);
        else this.visible.delete(i);
      }
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        onVisible();
      });
    }, { root: container.closest('.doc-scroller'), rootMargin: '600px 0px' });
    for (const el of els) this.observer.observe(el);
  }

  disconnect() {
    this.observer.disconnect();
  }

  /** The index of the block holding UTF-16 offset `at`. */
  blockAt(at) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The DOM point at UTF-16 offset `at`. */
  point(at) {
    const i = this.blockAt(Math.min(at, this.length));
    return [this.nodes[i], Math.min(at - this.starts[i], this.nodes[i].length)];
  }

  /** The UTF-16 offset of a DOM point inside the text, or null. */
  offsetOf(node, offset) {
    const block = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node)?.closest?.('.doc-block');
    if (!block) {
      // The container itself: offset counts blocks.
      if (node === this.container) return offset >= this.starts.length ? this.length : this.starts[offset];
      return null;
    }
    const i = Number(block.dataset.block);
    return this.starts[i] + (node.nodeType === Node.TEXT_NODE ? offset : offset ? this.nodes[i].length : 0);
  }

  /** The UTF-16 range [start, end) of the blocks near the viewport. */
  visibleRange() {
    if (!this.visible.size) return [0, 0];
    const first = Math.min(...this.visible);
    const last = Math.max(...this.visible);
    return [this.starts[first], last + 1 < this.starts.length ? this.starts[last + 1] : this.length];
  }

  /** StaticRanges for [start, end), cut at block boundaries. */
  ranges(start, end) {
    const out = [];
    for (let i = this.blockAt(start); i < this.starts.length && this.starts[i] < end; i++) {
      const a = Math.max(start, this.starts[i]) - this.starts[i];
      const b = Math.min(end, this.starts[i] + this.nodes[i].length) - this.starts[i];
      if (b > a) out.push(new StaticRange({ startContainer: this.nodes[i], startOffset: a, endContainer: this.nodes[i], endOffset: b }));
    }
    return out;
  }

  /** Scrolls `scroller` so that offset `at` sits a third of the way down. */
  reveal(scroller, at) {
    const i = this.blockAt(at);
    const block = this.nodes[i].parentElement;
    const box = scroller.getBoundingClientRect();
    const rect = block.getBoundingClientRect();
    if (rect.top < box.top || rect.top > box.bottom - 40) scroller.scrollTop += rect.top - box.top - box.height / 3;
    // Now laid out: place the exact line.
    const range = document.createRange();
    const [node, offset] = this.point(at);
    range.setStart(node, offset);
    range.collapse(true);
    const r = range.getBoundingClientRect();
    if (r.top < box.top + 40 || r.bottom > box.bottom - 40) scroller.scrollTop += r.top - box.top - box.height / 3;
  }
}

/** Spans (sorted by start) that overlap [start, end): `maxLength` is the
 * longest span, so the scan starts no earlier than it must. */
export function spansIn(sorted, start, end, maxLength) {
  let lo = 0;
  let hi = sorted.length;
  const from = start - maxLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < sorted.length && sorted[i].start < end; i++) {
    if (sorted[i].end > start) out.push(sorted[i]);
  }
  return out;
}

/** A list of fixed-height rows of which only those near the scroll
 * position exist in the DOM. */
export class VirtualList {
  /** `scroller`: the scrolling element; `list`: the <ul> inside it. */
  constructor(scroller, list, count, makeRow) {
    this.scroller = scroller;
    this.list = list;
    this.count = count;
    this.makeRow = makeRow;
    list.classList.add('windowed');
    list.style.height = `${count * ROW_HEIGHT}px`;
    this.onScroll = () => {
      if (this.queued) return;
      this.queued = true;
      requestAnimationFrame(() => {
        this.queued = false;
        this.paint();
      });
    };
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
  }

  disconnect() {
    this.scroller.removeEventListener('scroll', this.onScroll);
  }

  /** Draws the rows near the scroll position. */
  paint() {
    const top = this.scroller.scrollTop - this.list.offsetTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.count, Math.ceil((top + this.scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const rows = [];
    for (let i = first; i < last; i++) {
      const row = this.makeRow(i);
      row.style.top = `${i * ROW_HEIGHT}px`;
      rows.push(row);
    }
    this.list.replaceChildren(...rows);
  }

  /** Scrolls so row `i` shows whole (below `margin` px of sticky title). */
  reveal(i, margin = 0) {
    const rowTop = this.list.offsetTop + i * ROW_HEIGHT;
    const viewTop = this.scroller.scrollTop + margin;
    const viewBottom = this.scroller.scrollTop + this.scroller.clientHeight;
    if (rowTop < viewTop) this.scroller.scrollTop = rowTop - margin - 8;
    else if (rowTop + ROW_HEIGHT > viewBottom) this.scroller.scrollTop = rowTop + ROW_HEIGHT - this.scroller.clientHeight + 8;
    this.paint();
  }
}
