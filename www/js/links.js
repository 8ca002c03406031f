// The links across the library, kept current without blocking the page: the
// model's changes go, as the documents they touch, to the core's LinkLibrary
// (a wasm handle that keeps the library between runs), which links again a
// moment after the last change. The handle lives in the core's worker
// (worker.js, the same wasm instance that extracts), or in the page when no
// worker could start. Every decision (which claims are the same, which
// numbers disagree, which claimants are one person, which fact-checks
// match, how corrections regroup) is the core's; this only forwards the
// inputs and reads the result. Views read it through the lookups below and
// listen for 'update'.
//
// The result is the core's linking output (../shared/spec/linking-output.md)
// over the stored claims, with the user's grouping corrections applied and
// each claim reference carrying its project claim id (`claim`; `index()`
// copies it to `id`), plus the archive's matches (`factchecks: [{claim,
// factcheck, reason}]`). The worker sends claim references without their
// text (the model has the claims; `index()` puts it back), and nothing but
// the run's number when the result is the one the page holds.

import { toProject } from './store.js';

/** Milliseconds after the last change before linking again: typing a note
 * is one run, not one per key. */
const SETTLE_MS = 250;
/** Claim references indexed between two pauses (`index`): about 5 ms of
 * the page's thread. */
const SLICE = 2000;

export class Links {
  /** `wasm`: the initialised wasm package, for the fallback in the page;
   * `worker`: a promise of the core's worker (extractor.js), or of null. */
  constructor({ model, wasm, worker }) {
    this.model = model;
    this.result = null;
    this.error = null;
    this.state = 'idle'; // 'idle' | 'working'
    this.seq = 0;
    this.listeners = [];
    this.timer = 0;
    this.claimGroups = new Map(); // claim id -> [group]
    this.claimChecks = new Map(); // claim id -> [{factcheck, reason}]
    this.failure = null;
    this.inWorker = false;
    this.port = this.connect(wasm, worker ?? Promise.resolve(null));
    this.sync();
  }

  on(event, fn) {
    if (event === 'update') this.listeners.push(fn);
  }

  /** The groups holding claim `id`. */
  groupsOf(id) {
    return this.claimGroups.get(id) ?? [];
  }

  /** The archived fact-checks matching claim `id`: [{factcheck, reason,
   * related, missing, denies}]; `related`: about the claim's subject but
   * stating something else (the verdict does not rate it; `missing` names
   * the review's words the claim lacks). */
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
   * to the engine, and a run follows once changes settle. An import's batch
   * built by the worker that links (`detail.linked`) is already there: the
   * worker adopts it by id, and only what it no longer holds is sent. */
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
    const adopt = detail.linked && this.inWorker ? new Set(detail.added ?? []) : new Set();
    const upsert = [];
    const remove = [];
    for (const id of docs) {
      if (!this.model.documents.has(id)) remove.push(id);
      else if (!adopt.has(id)) upsert.push(this.projectDoc(id));
    }
    for (const id of remove) this.send('remove', id);
    if (adopt.size) this.adopt([...adopt]);
    for (const d of upsert) this.send('upsert', d);
    if (meta.links) this.send('setCorrections', meta.links);
    if (meta.factchecks) this.send('setFactChecks', meta.factchecks);
    this.schedule();
  }

  /** Sends the whole library (first load, another tab's change, an undo of many). */
  sync() {
    // A failure reported before the library is cleared is forgotten with it.
    this.port.library('clear').then(() => { this.failure = null; }, (e) => this.failed(e));
    for (const d of this.model.documentList()) this.send('upsert', this.projectDoc(d.id));
    this.send('setCorrections', this.model.metaValue('links'));
    this.send('setFactChecks', this.model.metaValue('factchecks'));
    this.schedule();
  }

  /** Has the worker put the import batches' documents `ids` into its
   * LinkLibrary; those it no longer holds are sent from the model. */
  adopt(ids) {
    this.port.library('adopt', ids).then(({ value: missing }) => {
      const left = (missing ?? []).filter((id) => this.model.documents.has(id));
      if (!left.length) return;
      for (const id of left) this.send('upsert', this.projectDoc(id));
      this.schedule();
    }, (e) => this.failed(e));
  }

  /** One call to the LinkLibrary; a refusal (a document the core cannot
   * read) is reported with the next run. */
  send(fn, ...args) {
    this.port.library(fn, ...args).catch((e) => this.failed(e));
  }

  failed(e) {
    this.failure = e?.message ?? String(e);
  }

  /** Links what the library holds; the answer is for run `seq` (the
   * number `schedule` gave the last change). */
  async run(seq) {
    try {
      const { value, ms } = await this.port.library('link', this.result?.run);
      if (this.failure) return this.received({ type: 'error', seq, message: this.failure });
      // One JSON text from the core (LinkLibrary.link): one parse here.
      this.received({ type: 'result', seq, result: JSON.parse(value), ms });
    } catch (e) {
      this.received({ type: 'error', seq, message: e?.message ?? String(e) });
    }
  }

  schedule() {
    clearTimeout(this.timer);
    // A run already on its way links the library as it was before this
    // change: its answer must not be taken (and the state said idle) while
    // the run that sees the change is still to come. The next run answers
    // for this number.
    this.seq += 1;
    // Views hear once that links are pending, not at every change (an
    // import's batches would redraw them each time).
    if (this.state !== 'working') {
      this.state = 'working';
      this.emit();
    }
    this.timer = setTimeout(() => this.settled(), SETTLE_MS);
  }

  /** Links once changes have settled and no import is running: a run per
   * batch would take the worker from the extraction (and the page's thread
   * from the import) for a result the next batch makes stale. */
  settled() {
    if (this.model.importing > 0) {
      this.timer = setTimeout(() => this.settled(), SETTLE_MS);
      return;
    }
    this.run(this.seq);
  }

  /** One document as the project file has it. */
  projectDoc(id) {
    const doc = this.model.documents.get(id);
    return toProject({ format: '', version: 0, tags: [], documents: [doc], claimsOf: (d) => this.model.claimsOf(d) }).documents[0];
  }

  async received(msg) {
    if (msg.seq !== this.seq) return; // A later run is on its way.
    if (msg.type === 'error') {
      this.error = msg.message;
    } else {
      // Only the run's number: the result is the one the page holds, so
      // there is nothing to index again.
      if (msg.result.groups || !this.result) {
        const index = await this.index(msg.result, msg.seq);
        if (!index) return; // A later run took over while this one was indexed.
        this.result = msg.result;
        ({ groups: this.claimGroups, checks: this.claimChecks } = index);
      }
      this.error = null;
      this.ms = msg.ms;
    }
    this.state = 'idle';
    this.answers = (this.answers ?? 0) + 1;
    this.emit();
  }

  /** The lookups of `result` by claim id ({groups, checks}); every claim
   * reference gets `id` (the model's claim id, the core's `claim`) and
   * `text` (the claim's, from the model). Done in slices of SLICE
   * references with a pause between them, so a large result never holds
   * the page's thread for long; null when run `seq` is no longer the
   * latest. */
  async index(result, seq = this.seq) {
    const groups = new Map(); // claim id -> [group]
    const checks = new Map(); // claim id -> [{factcheck, reason, related, missing, denies}]
    let done = 0;
    const pause = async () => {
      done = 0;
      await new Promise((resolve) => setTimeout(resolve, 0));
      return seq === this.seq;
    };
    const named = (ref) => {
      ref.id = ref.claim ?? ref.id ?? this.claim(ref)?.id ?? null;
      ref.text ??= this.model.claims.get(ref.id)?.text ?? '';
      done += 1;
      return ref;
    };
    for (const p of result.people ?? []) {
      (p.claims ?? []).forEach(named);
      if (done >= SLICE && !(await pause())) return null;
    }
    for (const g of result.groups ?? []) {
      for (const c of g.conflicts ?? []) for (const v of c.values) if (v.claim) named(v.claim);
      for (const ref of g.claims) {
        const id = named(ref).id;
        if (!id) continue;
        if (!groups.has(id)) groups.set(id, []);
        groups.get(id).push(g);
      }
      if (done >= SLICE && !(await pause())) return null;
    }
    const archive = new Map(this.model.metaValue('factchecks').map((f) => [f.id, f]));
    for (const m of result.factchecks ?? []) {
      m.claim = m.claim ?? this.claim(m)?.id;
      const factcheck = archive.get(m.factcheck);
      if (!factcheck) continue;
      if (!checks.has(m.claim)) checks.set(m.claim, []);
      checks.get(m.claim).push({ factcheck, reason: m.reason ?? '', related: !!m.related, missing: m.missing ?? '', denies: !!m.denies });
    }
    return { groups, checks };
  }

  emit() {
    for (const fn of this.listeners) fn(this);
  }

  /** The LinkLibrary's calls: `library(fn, ...args)` resolves to {value,
   * ms}. In the core's worker when it started (calls reach it in order),
   * else in the page. */
  connect(wasm, worker) {
    let inPage = null;
    const ready = worker.then((x) => {
      if (x) this.inWorker = true;
      else inPage = new wasm.LinkLibrary();
      return x;
    }, () => { inPage = new wasm.LinkLibrary(); return null; });
    return {
      library: async (fn, ...args) => {
        const x = await ready;
        if (x) return x.library(fn, ...args);
        const start = performance.now();
        const value = inPage[fn](...args);
        return { value, ms: performance.now() - start };
      },
    };
  }
}
