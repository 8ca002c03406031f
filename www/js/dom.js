// Small DOM helpers shared by the views. Text always goes in as textContent
// (or a Text node), never as HTML: user text cannot become markup here.

/**
 * `h('button', {class: 'x', onclick: fn, dataset: {id: 1}}, 'Label', child)`.
 * Attributes starting with `on` become listeners; `dataset` sets data-*; any
 * other value is set as an attribute (true as empty, false/null left out).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'value') el.value = value;
    else if (name === 'checked') el.checked = !!value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A text shortened to `n` characters at a word boundary where possible. */
export function shorten(text, n) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= n) return flat;
  const cut = flat.slice(0, n);
  const space = cut.lastIndexOf(' ');
  return (space > n * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** How often a long job's running figures (a progress bar, a count, the
 * save state's number) are redrawn: each redraw is a frame the browser
 * lays out, paints and composites, and an import's batches come faster
 * than the eye reads a number (100 batches in about 2 s). */
export const JOB_REDRAW_MS = 100;

/**
 * `fn` run at most once every `ms`, with the latest arguments: a call within
 * `ms` of the last run waits for the rest of that time (however many calls
 * come meanwhile, one run). `.now(...args)` runs at once (a final figure).
 */
export function atMostEvery(ms, fn) {
  let last = -Infinity;
  let timer = null;
  let args = [];
  const run = () => {
    clearTimeout(timer);
    timer = null;
    last = performance.now();
    fn(...args);
  };
  const call = (...a) => {
    args = a;
    if (timer) return;
    const wait = last + ms - performance.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  call.now = (...a) => {
    args = a;
    run();
  };
  return call;
}

/**
 * The last entry of a list drawn a page at a time (`view.shown`, of which
 * the first `view.drawn` are in `view.list`): a button that draws the next
 * page, pressed by itself when it scrolls into view; null when all are
 * drawn. `paging`: `{page, testid, label(n, left), render(entry, index)}`.
 * The compare view's groups and the people view's people page alike.
 */
export function moreEntry(view, paging) {
  view.moreObserver?.disconnect();
  const left = view.shown.length - view.drawn;
  if (left <= 0) return null;
  const li = h('li', { class: 'group-more' }, h('button', {
    type: 'button', class: 'small', 'data-testid': paging.testid, onclick: () => drawMore(view, paging),
  }, paging.label(Math.min(paging.page, left), left)));
  if (typeof IntersectionObserver === 'function') {
    view.moreObserver = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) drawMore(view, paging); });
    view.moreObserver.observe(li);
  }
  return li;
}

/** Draws the next page of `view`'s list, then its `moreEntry`. */
export function drawMore(view, paging) {
  const from = view.drawn;
  if (from >= view.shown.length) return;
  view.drawn = Math.min(view.shown.length, from + paging.page);
  view.list.lastElementChild?.remove();
  view.list.append(...view.shown.slice(from, view.drawn).map((entry, i) => paging.render(entry, from + i)));
  const more = moreEntry(view, paging);
  if (more) view.list.append(more);
}
