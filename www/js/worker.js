// The Web Worker that owns the wasm core, so extraction and linking never
// run on the page's main thread: one wasm instance does both. It has no
// logic of its own: each request names a core function (or a method of the
// library's LinkLibrary handle, which lives here between requests), and the
// answer is what the core returned.
//
// Protocol (structured-clone messages; see extractor.js for the other side):
//   → {id, type: 'init', wasm: ArrayBuffer}        ← {id, type: 'ready', version}
//   → {id, type: 'extract', docs: [{id, text}], unit}
//                                                  ← {id, type: 'done', json}
//       json: one JSON array of {record, read}, in the order of `docs`, for
//       a single JSON.parse on the page: record is the extraction
//       (report::Record), read the facts the text states (`textFacts`).
//   → {id, type: 'call', fn, args}                 ← {id, type: 'done', value}
//       any other exported core function (e.g. `intake`), by name.
//   → {id, type: 'library', fn, args}              ← {id, type: 'done', value, ms}
//       a method of the worker's one LinkLibrary (`upsert`, `remove`,
//       `clear`, `setCorrections`, `setFactChecks`, `link`), created at
//       the first request; `ms` is the time the core took. And `adopt`
//       (ids): the documents of import batches this worker built go into
//       the LinkLibrary as they are, so the page does not send back what
//       it was sent; value: the ids it no longer holds (the page sends those).
//   → {id, type: 'import', docs: [{id, name, text, at, facts}]}
//                                                  ← {id, type: 'done', json, linked}
//       an import's batch: extracted and built into the records the page
//       stores by the core (`importRecords`, klaim::stored), as one JSON
//       array of {doc, claims}; `linked`:
//       kept for `adopt` until the page lists the batch (a cancelled
//       import's batches are never adopted, and are dropped after two link
//       runs).
//       With `batch` (a number of the page's) and a writer connected, the
//       JSON also goes straight to the writer (`hold`), and `held` is true.
//   → {type: 'connect', port}                       (no answer)
//       a MessagePort to the other instance (extractor.js makes the pair):
//       the extracting one sends the writer {type: 'hold', batch, json},
//       so 5 MB of an import's records do not pass through the page.
//   → {type: 'drop', batches}                       (no answer)
//       held batches the page will not store (a cancelled import); a
//       `hold` that comes after its drop is dropped on arrival.
//   → {type: 'cancel', ids}                         (no answer of its own)
//       import requests (by id) the page no longer wants: those not started
//       are answered {id, type: 'done', cancelled: true} and never
//       extracted; the one being extracted answers as usual. Imports are
//       queued and run one per task, so a cancel is read between batches.
//   → {id, type: 'store', json | batch, db, bulk}  ← {id, type: 'done'}
//       writes such an array (given, or held as `batch`, waited for when it
//       has not come yet) into library `db` in one transaction, with the
//       page's own storage code (store.js; each document's claims as one
//       bundle record; `bulk` false: one record per claim, the layout
//       before bundles, kept to measure both), once it has completed. A second
//       instance of this worker does it (extractor.js), so an import's
//       records are cloned into IndexedDB neither on the page's thread nor
//       in the extracting worker's.
//   → {id, type: 'map', fn, args: [[...], ...]}   ← {id, type: 'done', value: [...]}
//       the core function `fn` once per argument list, in order (e.g. the
//       content hash of every incoming document: one message, not 1,000).
//   ← {id, type: 'error', message, error?, storage?} when the core throws;
//       `error` is the thrown value itself when it is a plain object
//       (intake's refusals: {kind, message, ...}); `storage` {name, message}
//       when IndexedDB refused a 'store'.
//
// The page builds this worker from a Blob, as one classic script: the
// wasm-bindgen glue (pkg/klaim.js, exports made plain) followed by this file,
// whose import line is replaced by the glue's exports, and whose other
// imports are inlined (extractor.js). So it works from file:// too, where a
// worker cannot load a script by URL.
import * as core from '../pkg/klaim.js';
import { open, toProject } from './store.js';

/** The library's connections by database name, opened on first write. */
const libraries = new Map();

/** The LinkLibrary handle links.js talks to, made at its first request. */
let library = null;

/** Import batches' records by document id ({batch: {json, built}, index}:
 * the batch's JSON, parsed at the first adoption that reads it), with the
 * link run they were built in, until the page adopts them into the
 * LinkLibrary. */
const imported = new Map();
let runs = 0;
/** Adopted documents (`adopt`) not yet in the LinkLibrary, by id. */
const adopted = new Map();

self.onmessage = ({ data }) => handle(data);

/** The worker's other instance (`connect`): the extracting one hands
 * import batches straight to the writer, not through the page. */
let peer = null;
/** In the writer: import batches' JSON sent by the extracting instance
 * (`hold`), by batch number, until the page asks to store them; and the
 * page's `store` requests that came first. */
const held = new Map();
const waiting = new Map();
/** In the writer: batches the page dropped before their `hold` came. */
const dropped = new Set();

/** Import batches asked and not yet started, in order. One runs per task,
 * and the next is started by a message this worker posts itself, which
 * queues behind any message the page sent meanwhile: after Cancel only the
 * batch in flight is extracted (a timer would do the same, but nested
 * timers are clamped to 4 ms each). */
let imports = [];
let importing = false;
const importTick = new MessageChannel();
importTick.port1.onmessage = () => {
  importing = false;
  const job = imports.shift();
  if (job) {
    try {
      importBatch(job);
    } catch (e) {
      self.postMessage({ id: job.id, type: 'error', message: e?.message ?? String(e) });
    }
  }
  nextImport();
};

function nextImport() {
  if (importing || !imports.length) return;
  importing = true;
  importTick.port2.postMessage(null);
}

/** Extracts an import's batch and builds its records in the core
 * (klaim::stored) as one JSON text: this worker parses it only if the
 * batch is adopted for linking. */
function importBatch({ id, docs, batch: number }) {
  const json = core.importRecords(docs, core.extractorVersion());
  const batch = { json, built: null };
  docs.forEach((doc, index) => imported.set(doc.id, { batch, index, run: runs }));
  // The writer gets the batch now; it stores it when the page says so.
  const hold = number != null && peer;
  if (hold) peer.postMessage({ type: 'hold', batch: number, json });
  self.postMessage({ id, type: 'done', json, linked: true, held: !!hold });
}

function handle(data) {
  const { id, type } = data;
  try {
    if (type === 'connect') {
      peer = data.port;
      peer.onmessage = ({ data: d }) => handle(d);
    } else if (type === 'hold') {
      if (dropped.delete(data.batch)) return;
      const ask = waiting.get(data.batch);
      waiting.delete(data.batch);
      if (ask) storeBatch(ask.id, ask.db, JSON.parse(data.json), ask.bulk !== false);
      else held.set(data.batch, data.json);
    } else if (type === 'drop') {
      for (const batch of data.batches) {
        // Its `hold` may still be on its way from the other instance.
        if (!held.delete(batch)) dropped.add(batch);
      }
    } else if (type === 'init') {
      core.initSync({ module: data.wasm });
      self.postMessage({ id, type: 'ready', version: core.version() });
    } else if (type === 'extract') {
      const parts = data.docs.map((doc) => `{"record":${core.extractJson(doc.id, doc.text, data.unit)},"read":${JSON.stringify(core.textFacts?.(doc.text) ?? {})}}`);
      self.postMessage({ id, type: 'done', json: `[${parts.join(',')}]` });
    } else if (type === 'call') {
      const fn = core[data.fn];
      if (typeof fn !== 'function') throw new Error(`the core has no function ${data.fn}`);
      self.postMessage({ id, type: 'done', value: fn(...data.args) });
    } else if (type === 'import') {
      // Queued, not run now: a `cancel` the page sends meanwhile is read
      // before the next batch starts (runImports).
      imports.push(data);
      nextImport();
    } else if (type === 'cancel') {
      const ids = new Set(data.ids);
      for (const job of imports.filter((j) => ids.has(j.id))) self.postMessage({ id: job.id, type: 'done', cancelled: true });
      imports = imports.filter((j) => !ids.has(j.id));
    } else if (type === 'store') {
      const json = data.json ?? held.get(data.batch);
      held.delete(data.batch);
      if (json !== undefined) storeBatch(id, data.db, JSON.parse(json), data.bulk !== false);
      else waiting.set(data.batch, { id, db: data.db, bulk: data.bulk });
    } else if (type === 'map') {
      const fn = core[data.fn];
      if (typeof fn !== 'function') throw new Error(`the core has no function ${data.fn}`);
      self.postMessage({ id, type: 'done', value: data.args.map((args) => fn(...args)) });
    } else if (type === 'library') {
      library ??= new core.LinkLibrary();
      if (data.fn !== 'adopt' && typeof library[data.fn] !== 'function') throw new Error(`LinkLibrary has no method ${data.fn}`);
      const start = performance.now();
      // What the page sends for a document replaces an adoption not yet made.
      if (data.fn === 'upsert') adopted.delete(data.args[0]?.id);
      else if (data.fn === 'remove') adopted.delete(data.args[0]);
      else if (data.fn === 'clear') adopted.clear();
      else if (data.fn !== 'adopt') upsertAdopted();
      if (data.fn === 'link') forgetImported();
      const value = data.fn === 'adopt' ? adopt(data.args[0]) : library[data.fn](...data.args);
      self.postMessage({ id, type: 'done', value, ms: performance.now() - start });
    } else {
      throw new Error(`unknown request ${type}`);
    }
  } catch (e) {
    const plain = e && typeof e === 'object' && !(e instanceof Error) ? e : undefined;
    self.postMessage({ id, type: 'error', message: e?.message ?? String(e), error: plain });
  }
}

/** Takes the import batches' documents `ids` for the LinkLibrary; returns
 * the ids not held. They go in at the next request that reads the library
 * (upsertAdopted), not now: during an import this worker's time is the
 * extraction's, and the link run waits for the import's last batch anyway. */
function adopt(ids) {
  const missing = [];
  for (const id of ids) {
    const held = imported.get(id);
    imported.delete(id);
    if (held) adopted.set(id, held);
    else missing.push(id);
  }
  return missing;
}

/** Upserts the adopted documents into the LinkLibrary, in the project
 * file's shape (as links.js would send them). */
function upsertAdopted() {
  for (const { batch, index } of adopted.values()) {
    batch.built ??= JSON.parse(batch.json);
    const { doc, claims } = batch.built[index];
    library.upsert(toProject({ format: '', version: 0, tags: [], documents: [doc], claimsOf: () => claims }).documents[0]);
  }
  adopted.clear();
}

/** Drops the batches of imports that were cancelled: those built before
 * the previous link run and never adopted. */
function forgetImported() {
  runs += 1;
  for (const [id, held] of imported) if (held.run < runs - 1) imported.delete(id);
}

/** Writes `built` ({doc, claims}) into library `name` in one transaction,
 * then answers. New records with fresh ids: written without reading
 * (store.write's `force`), so no merge applies. The page announces the write
 * to other tabs; this connection does not (the page would hear it too). */
async function storeBatch(id, name, built, bulk) {
  try {
    let library = await libraries.get(name);
    if (!library || library.closed || library.deleted) {
      const opening = open({ name, channel: false });
      libraries.set(name, opening);
      library = await opening;
    }
    const records = built.flatMap(({ doc, claims }) => [
      { store: 'documents', key: doc.id, value: doc },
      ...claims.map((c) => ({ store: 'claims', key: c.id, value: c })),
    ]);
    // One bundle record per document for its claims (store.js): IndexedDB's cost is per record.
    await library.write(records, { force: true, bulk });
    self.postMessage({ id, type: 'done' });
  } catch (e) {
    libraries.delete(name);
    self.postMessage({ id, type: 'error', message: e?.message ?? String(e), storage: { name: e?.name ?? 'Error', message: e?.message ?? String(e) } });
  }
}
