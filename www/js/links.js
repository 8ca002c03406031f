// The links across the library, kept current without blocking the page: the
// model's changes go to the link engine (link-engine.js, in a Web Worker
// where the page can start one) as the documents they touch, and the engine
// links again a moment after the last change. Views read the latest result
// through the lookups below and listen for 'update'.
//
// The result is the core's linking output (../shared/spec/linking-output.md)
// over the stored claims, with the user's grouping corrections applied and
// each claim reference carrying its project claim id (`claim`; `index()`
// copies it to `id`), plus the archive's matches (`factchecks: [{claim,
// factcheck, reason}]`).

import { LinkEngine } from './link-engine.js';
import { toProject } from './store.js';

/** Milliseconds after the last change before linking again: typing a note
 * is one run, not one per key. */
const SETTLE_MS = 250;

export class Links {
  /** `wasm`: the initialised wasm package, for the fallback in the page. */
  constructor({ model, wasm }) {
    this.model = model;
    this.result = null;
    this.error = null;
    this.state = 'idle'; // 'idle' | 'working'
    this.seq = 0;
    this.listeners = [];
    this.timer = 0;
    this.claimGroups = new Map(); // claim id -> [group]
    this.claimChecks = new Map(); // claim id -> [{factcheck, reason}]
    this.port = this.connect(wasm);
    this.sync();
  }

  on(event, fn) {
    if (event === 'update') this.listeners.push(fn);
  }

  /** The groups holding claim `id`. */
  groupsOf(id) {
    return this.claimGroups.get(id) ?? [];
  }

  /** The archived fact-checks matching claim `id`: [{factcheck, reason}]. */
  checksOf(id) {
    return this.claimChecks.get(id) ?? [];
  }

  /** The model's claim a reference of the result points at ({id} or {doc, start, end}). */
  claim(ref) {
    const id = ref.claim ?? ref.id;
    if (id && this.model.claims.has(id)) return this.model.claims.get(id);
    return this.model.claimsOf(ref.doc).find((c) => c.start === ref.start && c.end === ref.end) ?? null;
  }

  /** After a model change (its 'change' detail): the touched documents go
   * to the engine, and a run follows once changes settle. */
  changed(detail) {
    const keys = detail?.keys;
    if (!keys) return this.sync();
    const docs = new Set();
    const meta = {};
    for (const { store, key } of keys) {
      if (store === 'documents') docs.add(key);
      else if (store === 'claims') docs.add(this.model.claims.get(key)?.doc ?? key.split('#')[0]);
      else if (store === 'meta' && (key === 'links' || key === 'factchecks')) meta[key] = this.model.metaValue(key);
    }
    if (!docs.size && !Object.keys(meta).length) return;
    const upsert = [];
    const remove = [];
    for (const id of docs) {
      if (this.model.documents.has(id)) upsert.push(this.projectDoc(id));
      else remove.push(id);
    }
    this.port.post({ type: 'update', upsert, remove, ...meta });
    this.schedule();
  }

  /** Sends the whole library (first load, another tab's change, an undo of many). */
  sync() {
    this.port.post({
      type: 'sync', docs: this.model.documentList().map((d) => this.projectDoc(d.id)),
      links: this.model.metaValue('links'), factchecks: this.model.metaValue('factchecks'),
    });
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    this.state = 'working';
    this.emit();
    this.timer = setTimeout(() => this.port.post({ type: 'run', seq: ++this.seq }), SETTLE_MS);
  }

  /** One document as the project file has it. */
  projectDoc(id) {
    const doc = this.model.documents.get(id);
    return toProject({ format: '', version: 0, tags: [], documents: [doc], claimsOf: (d) => this.model.claimsOf(d) }).documents[0];
  }

  received(msg) {
    if (msg.seq !== this.seq) return; // A later run is on its way.
    this.state = 'idle';
    if (msg.type === 'error') {
      this.error = msg.message;
    } else {
      this.error = null;
      this.result = msg.result;
      this.ms = msg.ms;
      this.index();
    }
    this.emit();
  }

  index() {
    this.claimGroups = new Map();
    this.claimChecks = new Map();
    // Every claim reference gets `id`, the model's claim id (the core
    // returns it as `claim` when the input had it).
    const named = (ref) => { ref.id = ref.claim ?? ref.id ?? this.claim(ref)?.id ?? null; return ref; };
    for (const p of this.result.people ?? []) (p.claims ?? []).forEach(named);
    for (const g of this.result.groups ?? []) {
      for (const c of g.conflicts ?? []) for (const v of c.values) if (v.claim) named(v.claim);
      for (const ref of g.claims) {
        const id = named(ref).id;
        if (!id) continue;
        if (!this.claimGroups.has(id)) this.claimGroups.set(id, []);
        this.claimGroups.get(id).push(g);
      }
    }
    const archive = new Map(this.model.metaValue('factchecks').map((f) => [f.id, f]));
    for (const m of this.result.factchecks ?? []) {
      m.claim = m.claim ?? this.claim(m)?.id;
      const factcheck = archive.get(m.factcheck);
      if (!factcheck) continue;
      if (!this.claimChecks.has(m.claim)) this.claimChecks.set(m.claim, []);
      this.claimChecks.get(m.claim).push({ factcheck, reason: m.reason ?? '' });
    }
  }

  emit() {
    for (const fn of this.listeners) fn(this);
  }

  /** A Web Worker running the engine, or the engine in the page (the
   * single-file build from file:// cannot start module workers). */
  connect(wasm) {
    // The single file's policy allows no worker: do not try (a refused
    // worker is a console error).
    if (location.protocol === 'file:' || typeof Worker !== 'function') return this.inPage(wasm);
    try {
      const worker = new Worker(new URL('./link-worker.js', import.meta.url), { type: 'module' });
      worker.onmessage = ({ data }) => this.received(data);
      this.inWorker = true;
      worker.onerror = (e) => {
        // A worker that cannot load: the page links by itself from now on.
        e.preventDefault?.();
        worker.terminate();
        this.port = this.inPage(wasm);
        this.sync();
      };
      return { post: (msg) => worker.postMessage(msg) };
    } catch {
      return this.inPage(wasm);
    }
  }

  inPage(wasm) {
    this.inWorker = false;
    const engine = new LinkEngine(wasm);
    return {
      post: (msg) => {
        const reply = engine.handle(msg);
        if (reply) setTimeout(() => this.received(reply), 0);
      },
    };
  }
}
