// Wiring: loads the wasm core and the library, connects the views to the
// model, and handles routing (#/doc/ID/CLAIM, #/table), keyboard shortcuts,
// drag-and-drop, intake messages, the save state and storage failure.

import init, * as wasm from '../pkg/klaim.js';
import { atMostEvery, h, replace, JOB_REDRAW_MS } from './dom.js';
import { addIncoming, reportText } from './adding.js';
import { mountExchange } from './exchange.js';
import { mountGuard } from './guard.js';
import { bytes, language, onLanguageChange, setLanguage, t, translatePage } from './i18n.js';
import './i18n-storage.js';
import { startExtractor } from './extractor.js';
import { Model } from './model.js';
import { progressIn } from './progress.js';
import { extractorVersion, mountReextract } from './reextract.js';
import { open as openStore } from './store.js';
import { mountPrint } from './print.js';
import { askToEncrypt, askToUnlock } from './view-lock.js';
import { nextPending, settings as reviewSettings } from './review.js';
import { DetailsView } from './view-details.js';
import { DocumentView } from './view-document.js';
import { LibraryView } from './view-library.js';
import { TableView } from './view-table.js';
import { AgreeView } from './view-agree.js';
import { CurateView } from './view-curate.js';
import { Links } from './links.js';
import { CompareView } from './view-compare.js';
import { DocFactsView } from './view-docfacts.js';
import { FactChecksView, reviewCard } from './view-factchecks.js';
import { PeopleView } from './view-people.js';

const $ = (id) => document.getElementById(id);

/** The wasm functions the model and views use; nothing else calls wasm. */
const kernel = {
  extract: (id, text, unit) => wasm.extract(id, text, unit),
  importRecords: (docs, version) => wasm.importRecords(docs, version),
  defaultTags: () => wasm.defaultTags(),
  projectFormat: () => wasm.projectFormat(),
  intake: (name, data) => wasm.intake(name, data),
  intakeText: (name, text) => wasm.intakeText(name, text),
  intakeLimits: () => wasm.intakeLimits(),
  searchText: (text, query, limit, context) => wasm.searchText(text, query, limit, context),
  searchStarts: (text, query, limit) => wasm.searchStarts(text, query, limit),
  quantityIn: (text) => wasm.quantityIn(text),
  contentHash: (text) => wasm.contentHash(text),
  extractorVersion: () => extractorVersion(wasm),
  carryOver: (doc, claims, at) => wasm.carryOver(doc, claims, at),
  textFacts: (text) => wasm.textFacts(text),
  publishedDate: (value) => wasm.publishedDate(value),
  sameClaimant: (names, kinds, at) => wasm.sameClaimant(names, kinds, at),
  TextIndex: wasm.TextIndex,
  RowIndex: wasm.RowIndex,
};

let model;
let library;
let documentView;
let details;
let table;
let agree;
let curate;
let guard;
/** The save state's count, redrawn at most every JOB_REDRAW_MS (showSaveState). */
let saveCount = null;
let links;
let across; // the views across articles: {compare, people, factchecks}
let docFacts;

main().catch((e) => {
  console.error(e);
  banner(() => t('msg.loadfailed', { why: e?.message ?? String(e) }), null);
});

async function main() {
  translatePage();
  // The worker starts beside the page's own wasm; imports wait for it.
  const extractor = startExtractor();
  await init();
  let store = null;
  let storageError = null;
  try {
    store = await openStore();
  } catch (e) {
    storageError = e;
  }
  // An encrypted library opens only with its passphrase (the key is never stored).
  const lock = store && await store.lockInfo().catch(() => null);
  if (lock) {
    const cipher = await askToUnlock(lock);
    if (cipher) store.setCipher(cipher, lock);
    else store = null; // Go on in memory: nothing is written over the encrypted library.
  }
  model = new Model({ store, kernel });
  try {
    await model.load();
  } catch (e) {
    // Opened but unreadable: carry on in memory rather than lose the page.
    storageError = e;
    model = new Model({ store: null, kernel });
    await model.load();
  }
  if (storageError) storageFailed(storageError);
  model.extractorReady = extractor;
  // Where extraction runs, for the curious and the tests: `worker` or `page`.
  extractor.then((x) => { document.body.dataset.extractor = x ? 'worker' : 'page'; });

  library = new LibraryView({
    root: $('library'), model, kernel, actions: {
      addText, addFiles,
      maxPaste: () => kernel.intakeLimits().max_document_bytes,
      rename: (id, name) => model.renameDocument(id, name),
      remove: removeDocument,
    },
  });
  documentView = new DocumentView({ root: $('document'), list: $('claim-list'), model, kernel, onSelect: (id) => go(route.doc, id) });
  documentView.onAddClaim = addClaimFromSelection;
  details = new DetailsView({ root: $('details'), model, kernel, selection: () => documentView.selected(), message: toast });
  table = new TableView({ root: $('table-view'), model, kernel, open: (doc, claim) => go(doc, claim) });
  mountPrint({ model, view: () => route.view, docId: () => route.doc, rows: () => table.rows, paintAll: (on) => documentView.paintAll(on) });
  curate = new CurateView({ model, wasm, open: (doc, claim) => go(doc, claim) });
  agree = new AgreeView({ root: $('agree-view'), model, wasm, curate });
  mountAcross();

  model.on('change', (detail) => {
    // Claim edits touch one library row; anything else redraws the list.
    const keys = detail?.keys;
    if (detail?.added) {
      // A batch of an import: new rows at the end; nothing open changed.
      library.appendDocs(detail.added);
      table.invalidate();
      links.changed(detail);
      return;
    }
    if (keys && keys.every((k) => k.store === 'claims')) {
      library.refreshDocs(new Set(keys.map((k) => model.claims.get(k.key)?.doc ?? k.key.split('#')[0])));
    } else {
      library.renderList();
    }
    library.setActive(route.doc);
    documentView.refresh();
    details.refresh();
    table.invalidate();
    if (route.view === 'agree') agree.render();
    links.changed(detail);
    docFacts.show(route.view === 'doc' ? route.doc : null);
    updateHistoryButtons();
    refreshToastActions();
    leaveRemovedRecords();
  });
  model.on('save', ({ state, error }) => {
    showSaveState(state);
    if (state === 'error') storageFailed(error);
  });
  model.on('message', toast);
  // Another tab encrypted the library: this one would write in the clear.
  store?.onRemoteChange(({ keys, docs, locked }) => (locked ? location.reload() : model.refresh(keys ?? [], { docs: docs ?? [] })));

  wireChrome();
  mountExchange({ root: $('toolbar-exchange'), model, wasm, message: toast, addDocuments });
  showSaveState(model.saveState);
  library.renderList();

  const guardRoot = h('div', { class: 'notices', 'data-testid': 'notices' });
  $('banner').after(guardRoot);
  const persistState = h('span', { class: 'persist-state', 'data-testid': 'persist-state' });
  $('save-state').after(persistState);
  guard = mountGuard({ root: guardRoot, state: persistState, model, store, exportEverything, loadSamples: seedSamples, encrypt: () => askToEncrypt(store, { message: toast }) });
  // Samples only on a true first visit: never over a library that vanished.
  if (!model.documents.size && !model.seeded && !guard.vanished) await seedSamples();
  mountReextract({ model, kernel, notice: guard.notice, message: toast });
  window.addEventListener('hashchange', applyRoute);
  applyRoute();
  document.body.dataset.ready = 'true';
}

// Routing.

const route = { view: 'doc', doc: null, claim: null };

function go(doc, claim) {
  const hash = `#/doc/${encodeURIComponent(doc)}${claim ? `/${encodeURIComponent(claim)}` : ''}`;
  if (location.hash !== hash) location.hash = hash;
  // At once, not at the hashchange event: a second `j` pressed before that
  // event must step on from this claim, not from the one before it. (The
  // event's own applyRoute then finds nothing to change.)
  applyRoute();
}

function applyRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (showAcross(parts[0])) return;
  const view = parts[0] === 'table' || parts[0] === 'agree' ? parts[0] : 'doc';
  const tableView = view !== 'doc';
  $('main').dataset.view = view;
  $('table-view').hidden = view !== 'table';
  $('agree-view').hidden = view !== 'agree';
  for (const id of ['document', 'side']) $(id).hidden = tableView;
  for (const a of document.querySelectorAll('nav a')) a.setAttribute('aria-current', String(a.dataset.view === view));
  if (view === 'agree') {
    route.view = 'agree';
    agree.render();
    return;
  }
  if (tableView) {
    route.view = 'table';
    table.render();
    return;
  }
  route.view = 'doc';
  let doc = parts[0] === 'doc' ? parts[1] : null;
  if (!doc || !model.documents.has(doc)) doc = route.doc && model.documents.has(route.doc) ? route.doc : model.documentList()[0]?.id ?? null;
  route.doc = doc;
  route.claim = parts[2] && model.claims.get(parts[2])?.doc === doc ? parts[2] : null;
  library.setActive(doc);
  documentView.show(doc, route.claim);
  docFacts.show(doc);
  details.show(route.claim);
}

// Across articles (issue 8): links, the compare, people and fact-check views,
// the document facts, and what the claim details and the table show of them.

function mountAcross() {
  links = new Links({ model, wasm, worker: model.extractorReady });
  across = {
    compare: new CompareView({ root: $('compare-view'), model, links }),
    people: new PeopleView({ root: $('people-view'), model, kernel, links }),
    factchecks: new FactChecksView({ root: $('factchecks-view'), model, links, message: toast, readReviews: (text) => wasm.readFactChecks(text) }),
  };
  // For the end-to-end tests and the console: the library, its links and the claims table.
  window.klaimModel = model;
  window.klaimLinks = links;
  window.klaimTable = table;
  docFacts = new DocFactsView({ model });
  $('document').insertBefore(docFacts.el, $('document').children[1] ?? null);
  // A review that rates the claim shows its verdict; one only about the
  // claim's subject (same names and figures, another predicate) is shown
  // apart, without the verdict, with what the claim does not say.
  details.extras = (claim) => links.checksOf(claim.id).map(({ factcheck, reason, related, missing, denies }) => related
    ? h('div', { class: 'claim-factcheck related', 'data-testid': 'claim-factcheck-related' },
      h('strong', {}, t('fc.related')), reviewCard(factcheck, { verdict: false }),
      h('p', { class: 'hint' }, t('fc.missing', { words: missing })))
    : h('div', { class: 'claim-factcheck', 'data-testid': 'claim-factcheck' },
      h('strong', {}, t(denies ? 'fc.onclaim.denies' : 'fc.onclaim')), reviewCard(factcheck), reason ? h('p', { class: 'hint' }, reason) : null));
  table.factcheck = (id) => links.checksOf(id).map(({ factcheck, related }) => (related ? t('fc.related.short') : factcheck.rating)).join(', ');
  table.factcheckReviews = (id) => links.checksOf(id).map(({ factcheck, related }) => ({ ...factcheck, related }));
  // The whole review on hover: what was reviewed, the verdict, where.
  table.factcheckTitle = (id) => links.checksOf(id).map(({ factcheck: f, related, missing }) => (related
    ? [t('fc.related'), f.claim_reviewed, t('fc.missing', { words: missing }), f.url]
    : [f.rating, f.claim_reviewed, f.url]).filter(Boolean).join(' — ')).join('\n');
  links.on('update', () => {
    across[route.view]?.render();
    details.refresh();
    // The links change the table's fact-check column only.
    table.refreshFactchecks();
  });
  onLanguageChange(() => {
    across[route.view]?.render();
    docFacts.relabel();
  });
}

/** Shows the compare, people or fact-check view for `name`; false for other routes. */
function showAcross(name) {
  const view = across[name] ? name : null;
  for (const [key, v] of Object.entries(across)) v.root.hidden = key !== view;
  if (!view) return false;
  route.view = view;
  $('main').dataset.view = 'across';
  for (const id of ['document', 'side', 'table-view', 'agree-view']) $(id).hidden = true;
  for (const a of document.querySelectorAll('nav a')) a.setAttribute('aria-current', String(a.dataset.view === view));
  across[view].render();
  return true;
}

/** After an undo, a delete or another tab's change, the address must not
 * name a claim or document that is gone: it is replaced (not pushed, so Back
 * does not lead there either). */
function leaveRemovedRecords() {
  if (route.view !== 'doc') return;
  const docGone = route.doc && !model.documents.has(route.doc);
  const claimGone = route.claim && !model.claims.has(route.claim);
  if (!docGone && !claimGone) return;
  const doc = docGone ? model.documentList()[0]?.id : route.doc;
  history.replaceState(history.state, '', doc ? `#/doc/${encodeURIComponent(doc)}` : '#/');
  applyRoute();
}

function selectClaim(id) {
  if (id) go(route.doc, id);
}

// Adding documents.

async function seedSamples() {
  const index = await (await fetch('samples/index.json')).json();
  const samples = await Promise.all(index.samples.map(async (s) => ({
    id: s.id, name: s.name ?? s.id, text: await (await fetch(`samples/${s.file}`)).text(),
  })));
  await model.seed(samples);
}

async function addText(text, name) {
  const limits = kernel.intakeLimits();
  const label = name || t('add.pasted');
  // Checked before the text crosses into wasm, so a 50 MB paste does not
  // grow the module's memory for nothing; intakeText checks again. A paste
  // is one document, so the document limit applies.
  if (text.length > limits.max_document_bytes) {
    const size = new Blob([text]).size;
    if (size > limits.max_document_bytes) {
      return intakeError(label, { kind: 'too_large', size, limit: limits.max_document_bytes });
    }
  }
  let result;
  try {
    // Without a name of the user's, the core names it by its first line.
    result = kernel.intakeText(name || '', text);
  } catch (e) {
    return intakeError(label, e);
  }
  library.pasted();
  await addDocuments(result);
}

async function addFiles(files) {
  const limits = kernel.intakeLimits();
  const documents = [];
  const warnings = [];
  for (const file of files) {
    if (file.size > limits.max_file_bytes) {
      intakeError(file.name, { kind: 'too_large', size: file.size, limit: limits.max_file_bytes });
      continue;
    }
    let data;
    try {
      data = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      toast({ text: t('err.read', { name: file.name, detail: e.message }), level: 'error' });
      continue;
    }
    try {
      // A 5 MB JSON Lines file takes a long moment to read: in the worker.
      const extractor = await model.extractorReady;
      const result = extractor ? await extractor.call('intake', file.name, data) : kernel.intake(file.name, data);
      documents.push(...result.documents);
      // Codes (intake::Note), worded by the page in its language.
      warnings.push(...(result.notes ?? result.warnings));
    } catch (e) {
      intakeError(file.name, e);
    }
  }
  if (documents.length) await addDocuments({ documents, warnings });
}

async function addDocuments({ documents, warnings }) {
  const from = { doc: route.doc, claim: route.claim };
  const progress = toast({ text: '', sticky: true, testid: 'job' });
  const job = progressIn(progress.text, (done, n) => t('add.working', { done, n }));
  job.update(0, documents.length);
  let added;
  try {
    added = await addIncoming({
      model, kernel, documents, dropped: warnings ?? [], signal: job.signal,
      onProgress: job.update,
    });
  } finally {
    progress.close();
  }
  if (!added) return;
  // Of the documents being added: duplicates skipped in the dialog were not.
  const adding = documents.length - (added.report.kept ? 0 : added.report.duplicates);
  if (job.signal.aborted) toast({ text: t('job.cancelled', { done: added.ids.length, n: adding }), testid: 'job-cancelled' });
  toast({ text: reportText(added.report), level: added.report.dropped.length ? 'warning' : 'info' });
  // The added document opens when it is the only one (a paste, an article)
  // or none was open; a larger import leaves the reader where they are, and
  // so does any move the reader made meanwhile.
  const moved = route.doc !== from.doc || route.claim !== from.claim;
  if (added.ids.length && !moved && (added.ids.length === 1 || !from.doc)) go(added.ids[0], null);
}

function intakeError(name, e) {
  const kind = e?.kind ?? 'malformed';
  // The core gives a code (`reason`) and numbers; the page words them. Only
  // an error without a code (a browser's) is quoted, after a plain sentence.
  const detail = e?.reason ? t(`err.reason.${e.reason}`, { line: e.line ?? '' }) + (e.line ? ` ${t('err.reason.at', { line: e.line })}` : '')
    : e?.kind ? e.message : t('err.browser', { raw: e?.message ?? String(e) });
  const text = t(`err.${kind}`, {
    name,
    size: e.size != null ? bytes(e.size) : '',
    limit: e.limit != null ? bytes(e.limit) : '',
    detail,
  });
  toast({ text, level: 'error', testid: 'intake-error' });
}

function removeDocument(id) {
  const doc = model.documents.get(id);
  if (!doc) return;
  model.deleteDocument(id);
  if (route.doc === id) go(model.documentList()[0]?.id ?? '', null);
  // The toast's Undo undoes this deletion only: once it is undone (Ctrl+Z)
  // or something else is done after it, the button goes.
  const op = model.undoStack.at(-1);
  toast({
    text: t('msg.deleted', { name: doc.name }),
    action: { label: t('undo'), run: () => model.undo(), valid: () => model.undoStack.at(-1) === op },
  });
}

function addClaimFromSelection() {
  const sel = documentView.selected();
  if (!sel || !route.doc) return toast({ key: 'details.nosel', level: 'error' });
  const id = model.addClaim(route.doc, sel.cpStart, sel.cpEnd, sel.text);
  getSelection()?.removeAllRanges();
  if (id) go(route.doc, id);
}

// Chrome: toolbar, keyboard, drag-and-drop, dialogs, messages.

function wireChrome() {
  $('undo').addEventListener('click', () => model.undo());
  $('redo').addEventListener('click', () => model.redo());
  $('lang-switch').addEventListener('click', () => setLanguage(language() === 'id' ? 'en' : 'id'));
  // Elements with data-i18n follow by themselves; the views redraw the text
  // they build, keeping what the user has open, typed or filtered.
  onLanguageChange(() => {
    library.renderList();
    documentView.refresh();
    details.relabel();
    table.relabel();
    if (route.view === 'agree') agree.render();
    showSaveState(model.saveState);
    if (!$('banner').hidden) bannerShown?.();
  });
  $('help-open').addEventListener('click', () => $('help').showModal());
  $('tags-open').addEventListener('click', openTags);
  document.addEventListener('keydown', onKey);
  // Closing the tab while a write is in flight, or with storage failed,
  // would lose work that was never shown as saved: ask first.
  window.addEventListener('beforeunload', (e) => {
    if (model.pending > 0 || model.importing > 0 || model.saveState === 'error' || (model.saveState === 'memory' && model.canUndo())) e.preventDefault();
  });

  let depth = 0;
  const overlay = $('drop-overlay');
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  window.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; overlay.hidden = false; } });
  window.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; overlay.hidden = true; } });
  window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    addFiles([...e.dataTransfer.files]);
  });
  updateHistoryButtons();
}

function updateHistoryButtons() {
  $('undo').disabled = !model.canUndo();
  $('redo').disabled = !model.canRedo();
}

function onKey(e) {
  const target = e.target;
  const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Escape') {
    if (typing) target.blur();
    return;
  }
  if (mod && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.key === 'y')) {
    if (typing) return; // The field's own undo.
    e.preventDefault();
    if (e.key === 'y' || e.shiftKey) model.redo();
    else model.undo();
    return;
  }
  if (typing || mod || e.altKey || document.querySelector('dialog[open]')) return;
  if (route.view === 'agree' && curate.key(e)) {
    e.preventDefault();
    return;
  }
  const claim = route.claim;
  const act = {
    '?': () => $('help').showModal(),
    '/': () => $('library').querySelector('.search').focus(),
    t: () => { location.hash = route.view === 'table' ? `#/doc/${encodeURIComponent(route.doc ?? '')}` : '#/table'; },
    j: () => selectClaim(documentView.neighbour(1)),
    k: () => selectClaim(documentView.neighbour(-1)),
    ArrowDown: () => selectClaim(documentView.neighbour(1)),
    ArrowUp: () => selectClaim(documentView.neighbour(-1)),
    a: () => decide(claim, 'accepted'),
    r: () => decide(claim, 'rejected'),
    u: () => claim && model.editClaim(claim, { status: 'pending' }, ['op.status']),
    c: addClaimFromSelection,
  }[e.key];
  if (route.view === 'agree' && !['?', '/', 't'].includes(e.key)) return;
  if (/^[1-9]$/.test(e.key)) {
    const tag = model.tags[Number(e.key) - 1];
    if (claim && tag) model.toggleTag(claim, tag.id);
    e.preventDefault();
    return;
  }
  if (!act || (route.view !== 'doc' && !['?', '/', 't'].includes(e.key))) return;
  e.preventDefault();
  act();
}

/** `a`/`r`: the decision, then (unless turned off) on to the next pending claim. */
function decide(claim, status) {
  if (!claim) return;
  model.editClaim(claim, { status }, ['op.status']);
  if (!reviewSettings().advance) return;
  const next = nextPending(model, route.doc, claim);
  if (next) selectClaim(next);
  else toast({ key: 'review.done', quiet: true });
}

function openTags() {
  const dialog = $('tags');
  let tags = model.tags.map((tag) => ({ ...tag }));
  const body = dialog.querySelector('.tags-body');
  const render = () => replace(body, tags.map((tag, i) => h('div', { class: 'tag-edit' },
    h('input', { type: 'text', value: tag.label, 'aria-label': t('tags.label'), oninput: (e) => { tag.label = e.target.value; } }),
    h('label', {}, h('input', { type: 'checkbox', checked: tag.verdict, onchange: (e) => { tag.verdict = e.target.checked; } }), ' ', t('tags.verdict')),
    h('button', { type: 'button', class: 'small', onclick: () => { tags.splice(i, 1); render(); } }, t('tags.remove')))),
  h('button', { type: 'button', class: 'small', onclick: () => {
    tags.push({ id: '', label: t('tags.new'), verdict: false });
    render();
    body.querySelector('.tag-edit:last-of-type input')?.select();
  } }, t('tags.add')));
  render();
  dialog.querySelector('form').onsubmit = (e) => {
    if (e.submitter?.value !== 'save') return;
    const used = new Set();
    const next = tags.filter((tag) => tag.label.trim()).map((tag) => {
      let id = tag.id || slug(tag.label);
      while (used.has(id)) id += '-';
      used.add(id);
      return { id, label: tag.label.trim(), verdict: !!tag.verdict };
    });
    model.setTags(next);
  };
  dialog.showModal();
}

function slug(label) {
  return label.toLocaleLowerCase('id').normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'tag';
}

/** The save state: its `data-state` at once; while it stays `saving`, its
 * count of what is not saved yet at most every JOB_REDRAW_MS (an import
 * changes it twice a batch). */
function showSaveState(state) {
  const el = $('save-state');
  const same = el.dataset.state === state;
  el.dataset.state = state;
  saveCount ??= atMostEvery(JOB_REDRAW_MS, () => showSaveCount(el, el.dataset.state));
  if (same && state === 'saving') saveCount();
  else saveCount.now();
}

/** The save state's text, with what is not saved yet when there is any. */
function showSaveCount(el, state) {
  const docs = (model?.importing ?? 0) + (model?.unsavedDocs ?? 0);
  // A chip of fixed width (the top bar must not re-wrap as it changes): a
  // short form shows, the full sentence is its title and is read out.
  const say = (key, short, n) => {
    const full = t(key, { n });
    el.title = full;
    replace(el, h('span', { 'aria-hidden': 'true' }, t(short, { n })), h('span', { class: 'visually-hidden' }, full));
  };
  if (state === 'saving' && docs) say(model.importing ? 'save.importing' : 'save.unsaved.docs', model.importing ? 'save.importing.short' : 'save.unsaved.short', docs);
  else if (state === 'saving' && model?.unsaved) say('save.unsaved', 'save.unsaved.short', model.unsaved);
  else if (state === 'error' && model?.failed.length) say('save.failed', 'save.failed.short', model.failed.length);
  else {
    el.textContent = t(`save.${state}`);
    el.title = el.textContent;
  }
}

function storageFailed(error) {
  // A write that failed on an open library: the guard says what is not
  // saved and offers to try again; the database deleted behind the page's
  // back has its own notice.
  if (model?.store && guard) {
    if (!model.store.deleted) guard.failed(error);
    return;
  }
  const why = error?.name === 'QuotaExceededError' ? 'quota' : error?.message ?? String(error);
  banner(() => t('msg.storage.failed', { why }), { label: () => t('msg.storage.export'), run: exportEverything });
  if (!model?.store) showSaveState('memory');
}

/** Downloads the whole library as one klaim project file. */
function exportEverything() {
  const json = JSON.stringify(model.project(), null, 2);
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = h('a', { href: url, download: `klaim-${new Date().toISOString().slice(0, 10)}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  window.dispatchEvent(new Event('klaim:exported'));
}

let bannerShown = null;

/** The banner under the top bar; `text()` and `action.label()` are called
 * again after a language switch. */
function banner(text, action) {
  const el = $('banner');
  bannerShown = () => replace(el, h('span', {}, text()),
    action ? h('button', { type: 'button', class: 'primary', 'data-testid': 'export-everything', onclick: action.run }, action.label()) : null,
    h('button', { type: 'button', class: 'small', onclick: () => { el.hidden = true; } }, t('msg.close')));
  bannerShown();
  el.hidden = false;
}

/** At most this many messages show at once; older ones make way. */
const MAX_TOASTS = 4;
/** Toasts whose action may stop making sense: {valid(), button}. */
const toastActions = new Set();

/**
 * Shows a message in the one message area (newest on top); returns {text,
 * close}. Messages close by themselves unless `sticky`. An `action`
 * ({label, run, valid?}) is a button, removed once `valid()` turns false.
 */
function toast({ key, vars, text, level = 'info', action, sticky, quiet, testid }) {
  const words = text ?? t(key, vars && { ...vars, what: Array.isArray(vars.what) ? t(...vars.what) : vars.what });
  const span = h('span', {}, words);
  const button = action ? h('button', { type: 'button', class: 'small', 'data-testid': 'message-action', onclick: () => { action.run(); close(); } }, action.label) : null;
  const el = h('div', { class: `toast ${level}`, role: level === 'error' ? 'alert' : 'status', 'data-testid': testid ?? 'message' }, span,
    button, h('button', { type: 'button', class: 'icon', 'aria-label': t('msg.close'), onclick: () => close() }, '×'));
  const entry = action?.valid ? { valid: action.valid, button } : null;
  const close = () => {
    el.remove();
    if (entry) toastActions.delete(entry);
  };
  el.close = close;
  if (entry) toastActions.add(entry);
  if (sticky) el.dataset.sticky = 'true';
  else setTimeout(close, quiet ? 2500 : level === 'error' ? 12000 : 6000);
  const area = $('toasts');
  area.prepend(el);
  // Older messages make way; progress messages (sticky) stay.
  for (const old of [...area.children].filter((x) => !x.dataset.sticky).slice(MAX_TOASTS)) old.close?.();
  return { text: span, close };
}

function refreshToastActions() {
  for (const entry of toastActions) {
    if (entry.valid()) continue;
    entry.button.remove();
    toastActions.delete(entry);
  }
}
