// The library in memory, every change to it, and the undo history.
//
// Every change is an operation: a list of record changes {store, key, before,
// after} (null for absent). `apply` updates memory at once, pushes the
// operation on the undo stack and writes it through the store; the save state
// goes `saving` until the transaction completes, then `saved` (or `error`).
// Undo applies the inverse; it refuses when another tab changed a record since.
// Views listen with `on(event, fn)`: 'change', 'save', 'message'.
//
// Offsets in records are code points (`klaim::project`); views convert them
// for the DOM through the wasm TextIndex.

import { ConflictError, restoredFields, toProject } from './store.js';
import { HISTORY_KEY, REDO_PREFIX, historyRecords, restoreHistory } from './history.js';
import { addedChanges } from './records.js';

const HISTORY_LIMIT = 500;
/** Documents per worker request and per storage transaction during an
 * import. IndexedDB clones every record it is given on the main thread
 * (about 2 ms per document with its claims, profiled on the bench import),
 * so a batch must stay well under the 50 ms of a long task; 10 documents is
 * 100 transactions for 1,000 articles, whose fixed cost is small. */
export const IMPORT_BATCH = 10;
/** Import batches asked of the worker before the first comes back: enough
 * that it always has the next one while the page lists and saves. */
const IMPORT_AHEAD = 3;

/** Library-wide records kept in the `meta` store beside the tag set (issue
 * 10): `publisher` ({name, url} for ClaimReview), `annotators` (other people's
 * work, kept apart), `decisions` (the adjudication record) and `relations`
 * (links between claims another tool drew). Each is one
 * meta record `{key, value, rev}`; their values are the project file's. */
export const EXTRAS = { publisher: null, annotators: [], decisions: [], relations: [] };

export class Model {
  /**
   * `store`: a Store or null (no persistence); `kernel`: the wasm functions
   * {extract, defaultTags, projectFormat}.
   */
  constructor({ store, kernel }) {
    this.store = store;
    this.kernel = kernel;
    this.documents = new Map();
    this.claims = new Map();
    this.byDoc = new Map(); // doc id -> claim ids sorted by start
    this.tags = [];
    this.tagsRev = undefined;
    this.extras = structuredClone(EXTRAS);
    this.extrasRev = {};
    // Other meta records ({key, value, rev}): 'links' (grouping corrections),
    // 'factchecks' (the fact-check archive).
    this.meta = new Map();
    this.undoStack = [];
    this.redoStack = [];
    // Documents of undone imports whose records are stored for their redo
    // (history.js `redo/` meta records).
    this.redoKept = new Set();
    // `store/key` -> the rev this tab last wrote (undefined: deleted). A
    // record whose current rev differs was changed by another tab since.
    this.written = new Map();
    this.pending = 0;
    // Record changes handed to storage and not yet stored (the save state
    // says how many), and those whose write failed (kept to write again).
    this.unsaved = 0;
    this.unsavedDocs = 0;
    this.failed = [];
    // Documents being imported (extracted, not yet handed to storage).
    this.importing = 0;
    // Imported documents the worker's writer has not stored yet: doc id ->
    // the promise of that write (awaitStored).
    this.storing = new Map();
    // Imports store each document's claims as one bundle record (store.js);
    // false only to measure the layout before bundles (scripts/bench-import.mjs).
    this.bulk = true;
    this.saveState = store ? 'saved' : 'memory';
    this.saveError = null;
    this.listeners = new Map();
  }

  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, []);
    this.listeners.get(event).push(fn);
  }

  emit(event, detail) {
    for (const fn of this.listeners.get(event) ?? []) fn(detail);
  }

  // Loading.

  async load() {
    const kept = new Map();
    if (this.store) {
      const { documents, claims, meta } = await this.store.loadAll();
      for (const d of documents) this.documents.set(d.id, d);
      for (const c of claims) this.claims.set(c.id, c);
      const tags = meta.find((m) => m.key === 'tags');
      if (tags) {
        this.tags = tags.value;
        this.tagsRev = tags.rev;
      }
      this.seeded = !!meta.find((m) => m.key === 'seeded');
      for (const m of meta) {
        if (m.key in EXTRAS) this.setRecord('meta', m.key, m);
        else if (m.key.startsWith?.(REDO_PREFIX)) {
          // An undone import's records (history.js): for its redo only.
          kept.set(m.key.slice(REDO_PREFIX.length), m.value);
          this.redoKept.add(m.key.slice(REDO_PREFIX.length));
        } else if (m.key !== 'tags' && m.key !== 'seeded') this.meta.set(m.key, m);
      }
    }
    if (!this.tagsRev) this.tags = this.kernel.defaultTags();
    this.reindex();
    restoreHistory(this, this.meta.get(HISTORY_KEY)?.value, kept);
    this.meta.delete(HISTORY_KEY);
    await this.migrate();
  }

  /** A library written before publication dates were cut to the day holds
   * dates with a time (`2026-12-02T09:15`): each becomes its day, as the
   * core reads it (`publishedDate`), and is stored at once. A date the user
   * typed in another form is kept, and so is every other field of the
   * document (its `edited` too). Not an undo step: nothing the user did. */
  async migrate() {
    const day = this.kernel.publishedDate;
    if (!day) return;
    const changes = [];
    for (const d of this.documents.values()) {
      const cut = d.published ? day(d.published) : null;
      if (cut && cut !== d.published) changes.push(this.update('documents', d, { published: cut }));
    }
    if (changes.length) await this.commit(changes);
  }

  /** First open: the sample articles, extracted, with fixed ids. */
  async seed(samples) {
    if (this.seeded || this.documents.size) return;
    const start = Date.now();
    const changes = [];
    // One millisecond apart, so the library keeps the samples' order.
    samples.forEach((s, i) => changes.push(...this.documentChanges(s.id, s.name, s.text, new Date(start + i).toISOString())));
    changes.push({ store: 'meta', key: 'tags', before: null, after: { key: 'tags', value: this.tags, rev: 1 } });
    changes.push({ store: 'meta', key: 'seeded', before: null, after: { key: 'seeded', value: true, rev: 1 } });
    this.applyToMemory(changes, 'after');
    this.reindex();
    this.tagsRev = 1;
    this.seeded = true;
    this.emit('change', { all: true });
    // Another tab seeding at the same moment writes the same ids: forced.
    await this.persist(changes, { force: true });
  }

  reindex() {
    this.byDoc = new Map();
    for (const id of this.documents.keys()) this.byDoc.set(id, []);
    for (const c of this.claims.values()) {
      if (!this.byDoc.has(c.doc)) this.byDoc.set(c.doc, []);
      this.byDoc.get(c.doc).push(c.id);
    }
    for (const ids of this.byDoc.values()) ids.sort((a, b) => this.compareClaims(this.claims.get(a), this.claims.get(b)));
  }

  /** Updates the per-document claim order for `changes` only: one edit in a
   * library of 20,000 claims should not re-sort them all. */
  reindexChanged(changes) {
    const touched = new Set();
    for (const c of changes) {
      if (c.store === 'documents') {
        if (c.after && !this.byDoc.has(c.key)) this.byDoc.set(c.key, []);
        if (!c.after && !this.claimsOfDocRemain(c.key)) this.byDoc.delete(c.key);
      } else if (c.store === 'claims') {
        const doc = (c.after ?? c.before).doc;
        if (!this.byDoc.has(doc)) this.byDoc.set(doc, []);
        const ids = this.byDoc.get(doc);
        const at = ids.indexOf(c.key);
        if (c.after && at < 0) ids.push(c.key);
        if (!c.after && at >= 0) ids.splice(at, 1);
        touched.add(doc);
      }
    }
    for (const doc of touched) this.byDoc.get(doc).sort((a, b) => this.compareClaims(this.claims.get(a), this.claims.get(b)));
  }

  claimsOfDocRemain(docId) {
    return (this.byDoc.get(docId) ?? []).some((id) => this.claims.has(id));
  }

  compareClaims(a, b) {
    return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1);
  }

  // Reading.

  documentList() {
    return [...this.documents.values()].sort((a, b) => (a.added < b.added ? -1 : a.added > b.added ? 1 : a.name.localeCompare(b.name)));
  }

  claimsOf(docId) {
    return (this.byDoc.get(docId) ?? []).map((id) => this.claims.get(id));
  }

  tagLabel(id) {
    return this.tags.find((t) => t.id === id)?.label ?? id;
  }

  project() {
    const { format, version } = this.kernel.projectFormat();
    const project = toProject({
      format, version, tags: this.tags, documents: this.documentList(), claimsOf: (id) => this.claimsOf(id),
      links: this.metaValue('links'), factchecks: this.metaValue('factchecks'),
    });
    if (this.extras.publisher) project.publisher = this.extras.publisher;
    if (this.extras.annotators.length) project.annotators = this.extras.annotators;
    if (this.extras.decisions.length) project.decisions = this.extras.decisions;
    if (this.extras.relations.length) project.relations = this.extras.relations;
    return project;
  }

  /** The change that sets library-wide record `key` (one of EXTRAS) to `value`. */
  extraChange(key, value) {
    return { store: 'meta', key, before: this.current('meta', key), after: { key, value, rev: (this.extrasRev[key] ?? 0) + 1 } };
  }

  /** Sets the reviewing organisation ({name, url}) ClaimReview exports name. */
  setPublisher(publisher) {
    return this.apply([this.extraChange('publisher', publisher)], { label: ['op.publisher'] });
  }

  /** The value of meta record `key` ('links', 'factchecks'), `[]` when absent. */
  metaValue(key) {
    return this.meta.get(key)?.value ?? [];
  }

  // Changes.

  /**
   * Adds incoming documents ({name, text, id?, url?, published?, outlet?});
   * returns their ids. Extraction runs in the worker (`this.extractor`, when
   * there is one) in batches of IMPORT_BATCH documents; each batch is listed
   * as soon as it is extracted and saved in one transaction (documents with
   * their claims, never one without the other), while the worker extracts
   * the next. `signal` (an AbortSignal) stops the import before the next
   * batch is added: what was added until then stays, and the import is one
   * undo step either way.
   * `onProgress(done, total)` after each batch.
   */
  async addDocuments(incoming, { onProgress, signal } = {}) {
    const start = Date.now();
    const ids = [];
    const all = [];
    const writes = [];
    // Until its write completes, a document exists nowhere but here: the
    // save state counts them and closing the tab asks first.
    this.importing += incoming.length;
    let left = incoming.length;
    if (this.store) this.setSave('saving');
    const taken = new Set();
    const named = incoming.map((doc, i) => {
      // A record's own id names the document unless the library has it.
      const own = doc.id;
      const id = own && !this.documents.has(own) && !taken.has(own) ? own : newId('d');
      taken.add(id);
      const facts = Object.fromEntries(['url', 'published', 'outlet'].filter((k) => doc[k]).map((k) => [k, doc[k]]));
      return { id, name: doc.name, text: doc.text, at: new Date(start + i).toISOString(), facts };
    });
    const batch = await this.importer(signal);
    let failure = null;
    // Up to IMPORT_AHEAD batches are asked for at once, so the worker
    // never waits for this thread between two batches.
    const asked = [];
    try {
      let from = 0;
      const ask = () => {
        while (asked.length < IMPORT_AHEAD && from < named.length) {
          const next = batch(named.slice(from, from + IMPORT_BATCH));
          // A batch dropped by a cancel or an earlier failure is never awaited.
          next.catch(() => {});
          asked.push(next);
          from += IMPORT_BATCH;
        }
      };
      ask();
      while (asked.length) {
        const { built, save, linked, drop } = await asked.shift();
        // A cancel drops the batch in hand and what was asked after it:
        // none of them was stored.
        if (signal?.aborted) {
          drop?.();
          for (const next of asked.splice(0)) next.then((b) => b.drop?.(), () => {});
          break;
        }
        ask();
        const changes = addedChanges(built);
        const added = built.map(({ doc }) => doc.id);
        ids.push(...added);
        all.push(...changes);
        this.importing -= added.length;
        left -= added.length;
        const saving = this.commit(changes, { force: true, added, linked, stored: save?.() ?? null });
        if (save) this.awaitStored(added, saving);
        writes.push(saving);
        onProgress?.(ids.length, named.length);
      }
    } catch (e) {
      // The worker failed: what was added so far stays, undoable, saved.
      failure = e;
      for (const next of asked.splice(0)) next.then((b) => b.drop?.(), () => {});
    } finally {
      this.importing -= left;
    }
    if (all.length) {
      // `imported`: the history keeps this step by its documents' ids across
      // a reload (history.js), not as thousands of claim records.
      this.undoStack.push({ label: ['op.add', { n: ids.length }], changes: all, at: Date.now(), imported: ids });
      if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
      this.redoStack = [];
      this.emit('change', { keys: [] });
    }
    await Promise.all(writes);
    // The batches were written without the history (force): it goes now,
    // with the import as its last step, so the import is undoable after a
    // reload too. Not after a failed save: the history alone stored would
    // say `saved` over work that is not (the retry writes it again).
    if (all.length && this.store && this.saveState !== 'error' && !this.failed.length) await this.persist([], { history: true });
    if (this.store && this.pending === 0 && this.saveState === 'saving') this.setSave('saved');
    if (failure) throw failure;
    return ids;
  }

  /**
   * How an import's batches are made: a function from [{id, name, text, at,
   * facts}] to a promise of {built: [{doc, claims}] (records.js), save,
   * linked}. In the worker when there is one; `save()` then has the
   * worker's writer store them and resolves once stored (an encrypted
   * library seals its records on this thread, so the page writes those),
   * and `linked` says the worker keeps them for its LinkLibrary (links.js).
   * Else on this thread, yielding between documents, and `save` is null
   * (the page writes). `signal` (the import's Cancel) also tells the
   * worker, which then starts none of the batches asked ahead.
   */
  async importer(signal) {
    if (this.extractorReady) this.extractor = await this.extractorReady;
    const extractor = this.extractor;
    if (extractor?.importBatch) {
      const db = extractor.canStore && this.store && !this.store.cipher && !this.store.deleted && !this.store.closed ? this.store.name : null;
      return async (docs) => {
        const into = this.workerWrites === false ? null : db;
        // Stored by the writer: the extracting worker hands it the batch itself.
        const { built, json, linked, batch } = await extractor.importBatch(docs, { hold: !!into, signal });
        const bulk = this.bulk;
        return {
          built, linked,
          save: into ? () => extractor.store(json, into, { bulk, batch }) : null,
          drop: () => extractor.drop?.(batch === undefined ? [] : [batch]),
        };
      };
    }
    return async (docs) => {
      const built = [];
      for (const doc of docs) {
        built.push(...this.newRecords([doc]));
        await new Promise((r) => setTimeout(r, 0));
      }
      return { built, save: null };
    };
  }

  /**
   * Documents `ids` are being stored by the worker's writer (`saving`
   * settles when they are, or when the page wrote them instead). Its
   * transaction is on another connection, not ordered with this page's
   * until it exists: a write of this page touching those documents (an
   * accepted claim, the import's undo) waits for it, so it lands after.
   */
  awaitStored(ids, saving) {
    for (const id of ids) this.storing.set(id, saving);
    saving.finally(() => {
      for (const id of ids) if (this.storing.get(id) === saving) this.storing.delete(id);
    }).catch(() => {});
  }

  /** The writes of the worker that `changes` must follow (awaitStored). */
  storedFirst(changes) {
    if (!this.storing.size) return [];
    const waits = new Set();
    for (const c of changes) {
      const doc = c.store === 'documents' ? c.key : c.store === 'claims' ? (c.after ?? c.before)?.doc : null;
      const saving = doc && this.storing.get(doc);
      if (saving) waits.add(saving);
    }
    return [...waits];
  }

  /** Extractions ({id, text} in; {record: report::Record in code points,
   * read: the text's facts} out): in the worker when there is one, else
   * here, yielding between documents. */
  async extractMany(docs) {
    if (this.extractorReady) this.extractor = await this.extractorReady;
    if (this.extractor) return this.extractor.extract(docs, 'codepoint');
    const out = [];
    for (const doc of docs) {
      out.push({ record: this.kernel.extract(doc.id, doc.text, 'codepoint'), read: this.kernel.textFacts?.(doc.text) ?? {} });
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }

  /** A value lost to a newer edit from another tab (`record.conflicts[i]`,
   * see store.js merge): restored over the stored one, or dismissed. */
  resolveConflict(store, id, i, restore) {
    const record = this.mapOf(store)?.get(id);
    const list = record?.conflicts ?? [];
    const lost = list[i];
    if (!lost) return;
    const fields = { conflicts: list.filter((_, j) => j !== i) };
    if (restore) Object.assign(fields, restoredFields(record, lost), { edited: now() });
    return this.apply([this.update(store, record, fields)], { label: ['op.edit'] });
  }

  renameDocument(id, name) {
    const doc = this.documents.get(id);
    if (!doc || !name.trim() || name === doc.name) return;
    return this.apply([this.update('documents', doc, { name: name.trim(), edited: now() })], { label: ['op.rename'] });
  }

  deleteDocument(id) {
    const doc = this.documents.get(id);
    if (!doc) return;
    const changes = [{ store: 'documents', key: id, before: doc, after: null }];
    for (const c of this.claimsOf(id)) changes.push({ store: 'claims', key: c.id, before: c, after: null });
    return this.apply(changes, { label: ['op.delete'] });
  }

  /** Changes fields of a claim: {status}, {kind}, {claimant}, ... */
  editClaim(id, fields, label = ['op.edit'], { coalesce } = {}) {
    const claim = this.claims.get(id);
    if (!claim) return;
    return this.apply([this.update('claims', claim, { ...fields, ...editedFields(claim, fields), edited: now() })], { label, coalesce });
  }

  /** Changes fields of several claims in one undoable step: `edits` is
   * [[id, fields]] (an identity edit that reaches a person's every claim). */
  editClaims(edits, label = ['op.edit'], { coalesce } = {}) {
    const changes = edits.filter(([id]) => this.claims.has(id)).map(([id, fields]) => {
      const claim = this.claims.get(id);
      return this.update('claims', claim, { ...fields, ...editedFields(claim, fields), edited: now() });
    });
    if (changes.length) return this.apply(changes, { label, coalesce });
  }

  /** Puts a tag on a claim or takes it off. A claim has at most one verdict
   * (`verdict: true` tags: benar, salah, ...): choosing one replaces any
   * other in the same undoable change; other tags combine freely. */
  toggleTag(claimId, tagId) {
    const claim = this.claims.get(claimId);
    const tag = this.tags.find((t) => t.id === tagId);
    if (!claim || !tag) return;
    let tags;
    if (claim.tags.includes(tagId)) {
      tags = claim.tags.filter((t) => t !== tagId);
    } else {
      const verdicts = new Set(tag.verdict ? this.tags.filter((t) => t.verdict).map((t) => t.id) : []);
      tags = [...claim.tags.filter((t) => !verdicts.has(t)), tagId];
    }
    return this.editClaim(claimId, { tags }, ['op.tag']);
  }

  /** A claim the user marked: span in code points, `text` its slice. */
  addClaim(docId, start, end, text) {
    const doc = this.documents.get(docId);
    if (!doc || end <= start) return;
    const claim = {
      id: `${docId}#u${newId('')}`,
      doc: docId,
      start, end, text,
      kind: 'unattributed',
      modality: 'asserted',
      claimant: null, cue: null, via: null,
      quantities: [],
      origin: 'user',
      status: 'accepted',
      tags: [],
      note: '',
      edited: now(),
      rev: 1,
    };
    this.apply([{ store: 'claims', key: claim.id, before: null, after: claim }], { label: ['op.addclaim'] });
    return claim.id;
  }

  deleteClaim(id) {
    const claim = this.claims.get(id);
    if (!claim) return;
    return this.apply([{ store: 'claims', key: id, before: claim, after: null }], { label: ['op.deleteclaim'] });
  }

  /** Replaces the tag set; tags that disappear are taken off every claim. */
  setTags(tags) {
    const ids = new Set(tags.map((t) => t.id));
    const changes = [{
      store: 'meta', key: 'tags',
      before: this.tagsRev ? { key: 'tags', value: this.tags, rev: this.tagsRev } : null,
      after: { key: 'tags', value: tags, rev: (this.tagsRev ?? 0) + 1 },
    }];
    for (const c of this.claims.values()) {
      if (c.tags.some((t) => !ids.has(t))) changes.push(this.update('claims', c, { tags: c.tags.filter((t) => ids.has(t)) }));
    }
    return this.apply(changes, { label: ['op.tags'], coalesce: 'tags' });
  }

  /** Replaces meta record `key` ('links', 'factchecks') as one undoable step. */
  setMeta(key, value, label) {
    const before = this.meta.get(key) ?? null;
    return this.apply([{ store: 'meta', key, before, after: { key, value, rev: (before?.rev ?? 0) + 1 } }], { label });
  }

  /** Sets a document's outlet, publication date or URL ({outlet, published,
   * url}; an empty string clears the field). */
  editDocumentFacts(id, fields) {
    const doc = this.documents.get(id);
    if (!doc) return;
    const next = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.trim() ? v.trim() : null]));
    if (Object.entries(next).every(([k, v]) => (doc[k] ?? null) === v)) return;
    return this.apply([this.update('documents', doc, { ...next, edited: now() })], { label: ['op.docfacts'] });
  }

  // History.

  async undo() {
    const op = this.undoStack.pop();
    if (!op) return this.emit('message', { key: 'msg.nothing.undo' });
    if (!this.unchanged(op)) {
      this.emit('message', { key: 'msg.changed.elsewhere', level: 'error' });
      return;
    }
    const inverse = op.changes.map((c) => this.revise(c, 'before'));
    this.redoStack.push(op);
    this.emit('message', { key: 'msg.undone', vars: { what: op.label }, quiet: true });
    await this.commit(inverse, { compact: op.compact });
  }

  async redo() {
    const op = this.redoStack.pop();
    if (!op) return this.emit('message', { key: 'msg.nothing.redo' });
    if (!this.unchanged(op)) {
      this.emit('message', { key: 'msg.changed.elsewhere', level: 'error' });
      return;
    }
    const forward = op.changes.map((c) => this.revise(c, 'after'));
    this.undoStack.push(op);
    this.emit('message', { key: 'msg.redone', vars: { what: op.label }, quiet: true });
    await this.commit(forward, { compact: op.compact });
  }

  canUndo() { return this.undoStack.length > 0; }
  canRedo() { return this.redoStack.length > 0; }

  // Other tabs.

  /** Reloads records another tab wrote (`keys`), and documents it wrote
   * whole (`docs`: an import's, read with their claims in one go). A record
   * is taken from storage unless it is the very one in memory: equal revs
   * alone do not say so (two tabs that both wrote over rev 1 each hold a rev
   * 2 of their own). */
  async refresh(keys, { force = false, docs = [] } = {}) {
    if (!this.store) return;
    const loaded = keys.length ? await this.store.load(keys) : [];
    const touched = [];
    const take = (store, key, value) => {
      if (!force && sameRecord(this.current(store, key), value)) return;
      touched.push({ store, key });
      this.setRecord(store, key, value ?? null);
    };
    for (const { store, key, value } of loaded) take(store, key, value);
    for (const { id, doc, claims } of docs.length ? await this.store.loadDocuments(docs) : []) {
      take('documents', id, doc);
      const stored = new Set(claims.map((c) => c.id));
      for (const c of this.claimsOf(id)) if (!stored.has(c.id)) take('claims', c.id, undefined);
      for (const c of claims) take('claims', c.id, c);
    }
    if (touched.length) {
      this.reindex();
      this.emit('change', { remote: true, keys: touched });
    }
  }

  // Internals.

  /** The records for a new document and its extracted claims. */
  documentChanges(id, name, text, at, facts = {}) {
    return addedChanges(this.newRecords([{ id, name, text, at, facts }]));
  }

  /** New documents' records ([{doc, claims}]), extracted on this thread by
   * the core (klaim::stored): the facts of `facts` win over the text's,
   * which fill the rest (the user can edit all three above the text). */
  newRecords(docs) {
    return JSON.parse(this.kernel.importRecords(docs, this.kernel.extractorVersion()));
  }

  update(store, record, fields) {
    return { store, key: record.id ?? record.key, before: record, after: { ...record, ...fields, rev: (record.rev ?? 0) + 1 } };
  }

  /** Pushes on the undo stack, updates memory, persists. */
  async apply(changes, { label, coalesce, compact } = {}) {
    if (!changes.length) return;
    const top = this.undoStack.at(-1);
    // Typing a note is one undo step per claim, not one per keystroke.
    if (coalesce && top?.coalesce === coalesce && Date.now() - top.at < 1500 && sameKeys(top.changes, changes)) {
      top.changes = top.changes.map((c, i) => ({ ...c, after: changes[i].after }));
      top.at = Date.now();
    } else {
      // `compact`: the documents whose claims storage folds into one record
      // after this step (re-extraction), and after its undo and redo.
      this.undoStack.push({ label, changes, coalesce, at: Date.now(), ...(compact ? { compact } : {}) });
      if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    }
    this.redoStack = [];
    await this.commit(changes.map((c) => ({ ...c })), { compact });
  }

  /** A change that moves a record to its `side` state, with fresh revs. */
  revise(change, side) {
    const current = this.current(change.store, change.key);
    const target = change[side];
    return {
      store: change.store,
      key: change.key,
      before: current,
      after: target && { ...target, rev: (current?.rev ?? target.rev ?? 0) + 1 },
    };
  }

  /** Whether every record of `op` is as this tab last wrote it: no other
   * tab changed it since. (Comparing with the revs `op` itself wrote would
   * refuse a second undo on the same claim: the first undo wrote a new rev.) */
  unchanged(op) {
    return op.changes.every((c) => (this.current(c.store, c.key)?.rev ?? undefined) === this.written.get(`${c.store}/${c.key}`));
  }

  current(store, key) {
    if (store === 'meta') {
      if (key === 'tags') return this.tagsRev ? { key, value: this.tags, rev: this.tagsRev } : null;
      if (key in EXTRAS) return this.extrasRev[key] ? { key, value: this.extras[key], rev: this.extrasRev[key] } : null;
      return this.meta.get(key) ?? null;
    }
    return this.mapOf(store).get(key) ?? null;
  }

  /** `force`: new records with fresh ids, written without reading them
   * first (a bulk import); `linked`: the worker that built them holds them
   * for linking (the change's detail says so to links.js). */
  async commit(changes, { force = false, added, linked = false, stored = null, compact } = {}) {
    for (const c of changes) this.written.set(`${c.store}/${c.key}`, c.after?.rev);
    this.applyToMemory(changes, 'after');
    this.reindexChanged(changes);
    this.emit('change', { keys: changes.map(({ store, key }) => ({ store, key })), added, ...(linked ? { linked } : {}) });
    // A bulk import's batches (force) leave the history to the step that
    // follows: storing it with every batch would clone it each time.
    // Any new document's claims are stored as one bundle record (store.js
    // `bulk`): an import's batch, its redo, a retry, an undone deletion.
    await this.persist(changes, { force, history: !force, stored, bulk: this.bulk, compact, added });
  }

  applyToMemory(changes, side) {
    for (const c of changes) this.setRecord(c.store, c.key, c[side]);
  }

  setRecord(store, key, value) {
    if (store === 'meta') {
      if (key === 'tags') {
        this.tags = value ? value.value : this.kernel.defaultTags();
        this.tagsRev = value?.rev;
      } else if (key in EXTRAS) {
        this.extras[key] = value ? value.value : structuredClone(EXTRAS[key]);
        this.extrasRev[key] = value?.rev;
      } else if (key !== 'seeded' && !key.startsWith(REDO_PREFIX)) {
        if (value) this.meta.set(key, value);
        else this.meta.delete(key);
      }
      return;
    }
    const map = this.mapOf(store);
    if (value) map.set(key, value);
    else map.delete(key);
  }

  mapOf(store) {
    return store === 'documents' ? this.documents : store === 'claims' ? this.claims : null;
  }

  /** Writes `changes` through the store; `stored`: a promise of their
   * write made elsewhere (the worker's, for an import), awaited instead
   * and then announced to other tabs. */
  async persist(changes, { force = false, history = false, stored = null, bulk = this.bulk, compact, added } = {}) {
    if (!this.store) return;
    this.pending++;
    const docs = changes.filter((c) => c.store === 'documents' && c.after).length;
    this.unsaved += changes.length;
    this.unsavedDocs += docs;
    this.setSave('saving');
    try {
      const records = changes.map((c) => ({ store: c.store, key: c.key, expect: c.before?.rev, base: c.before, value: c.after }));
      // The undo history goes with the step it records (history.js).
      const kept = history ? historyRecords(this) : null;
      if (kept) records.push(...kept.records);
      const first = stored ? [] : this.storedFirst(changes);
      if (first.length) await Promise.allSettled(first);
      let written;
      if (stored) {
        try {
          written = await stored;
          // Other tabs read the new documents whole, not claim by claim.
          const whole = new Set(added ?? []);
          this.store.announce(changes.filter((c) => !whole.has(c.store === 'documents' ? c.key : c.after?.doc)), [...whole]);
        } catch (e) {
          // The worker could not write (its storage refused, or failed):
          // this page writes the same new records itself, from now on.
          console.warn('klaim: the page saves the import, the worker could not:', e?.message ?? e);
          this.workerWrites = false;
          written = await this.store.write(records, { force, bulk });
        }
      } else written = await this.store.write(records, { force, bulk, compact });
      this.pending--;
      this.unsaved -= changes.length;
      this.unsavedDocs -= docs;
      if (kept) this.redoKept = kept.kept;
      this.adoptStored(changes, written ?? []);
      // Saved only once nothing is left to save: an import's batch stored
      // (quickly, since bundles) while later batches are still being
      // extracted leaves documents that exist only in this tab.
      if (this.saveState !== 'error') this.setSave(this.pending === 0 && !this.importing ? 'saved' : 'saving');
    } catch (e) {
      this.pending--;
      this.unsavedDocs -= docs;
      if (e instanceof ConflictError) {
        this.unsaved -= changes.length;
        // A deletion of a record another tab changed: the other tab wins;
        // drop the step and show what is stored.
        this.undoStack = this.undoStack.filter((op) => !op.changes.some((c) => changes.some((d) => d.key === c.key)));
        this.emit('message', { key: 'msg.conflict', level: 'error' });
        await this.refresh(changes.map(({ store, key }) => ({ store, key })), { force: true });
        if (this.pending === 0 && !this.importing) this.setSave('saved');
      } else {
        this.unsaved -= changes.length;
        this.saveError = e;
        this.failed.push(...changes);
        this.setSave('error');
      }
    }
  }

  /** After a write: where storage merged our change with another tab's, the
   * merged record replaces ours in memory, so the screen shows what is
   * stored; lost values are announced (the record keeps them to restore). */
  adoptStored(changes, written) {
    const keys = [];
    written.forEach((w, i) => {
      const mine = changes[i]?.after ?? null;
      if (w.value === mine || !changes[i]) return;
      // A later local edit of the same record is already in memory and in
      // flight; it will adopt its own result.
      if ((this.current(w.store, w.key)?.rev ?? undefined) !== mine?.rev) return;
      this.written.set(`${w.store}/${w.key}`, w.value?.rev);
      this.setRecord(w.store, w.key, w.value ?? null);
      keys.push({ store: w.store, key: w.key });
    });
    if (!keys.length) return;
    this.reindex();
    this.emit('change', { keys, merged: true });
    const lost = written.flatMap((w) => w.conflicts ?? []);
    if (lost.length) this.emit('message', { key: 'msg.merged', vars: { n: lost.length }, level: 'warning' });
  }

  /** Writes the whole library from memory into a database opened afresh
   * (after it was deleted behind the page's back). */
  async resave() {
    await this.store.reopen();
    const changes = [
      ...[...this.documents.values()].map((d) => ({ store: 'documents', key: d.id, before: null, after: d })),
      ...[...this.claims.values()].map((c) => ({ store: 'claims', key: c.id, before: null, after: c })),
    ];
    if (this.tagsRev) changes.push({ store: 'meta', key: 'tags', before: null, after: { key: 'tags', value: this.tags, rev: this.tagsRev } });
    if (this.seeded) changes.push({ store: 'meta', key: 'seeded', before: null, after: { key: 'seeded', value: true, rev: 1 } });
    for (const key of Object.keys(EXTRAS)) {
      const record = this.current('meta', key);
      if (record) changes.push({ store: 'meta', key, before: null, after: record });
    }
    // An encrypted library stays encrypted: its lock goes back with it.
    if (this.store.lock) changes.push({ store: 'meta', key: 'crypto', before: null, after: this.store.lock });
    this.failed = [];
    this.saveError = null;
    this.saveState = 'saving';
    // The undone imports' records kept for their redo are written again
    // with the next history.
    this.redoKept = new Set();
    await this.persist(changes, { force: true });
  }

  /** Writes again the changes whose write failed (after space was freed). */
  async retry() {
    // The connection closed under us (Chromium does after an IO error, and
    // may drop the database with it): write the whole library again.
    if (this.store?.closed || this.store?.deleted) return this.resave();
    const changes = this.failed.splice(0);
    if (!changes.length) return;
    this.saveError = null;
    this.saveState = 'saving';
    // Each record as it is now in memory over what storage holds.
    const keys = [...new Map(changes.map((c) => [`${c.store}/${c.key}`, { store: c.store, key: c.key }])).values()];
    const stored = this.store ? await this.store.load(keys) : [];
    const redo = stored.map(({ store, key, value }) => ({ store, key, before: value ?? null, after: this.current(store, key) }));
    await this.persist(redo);
  }

  setSave(state) {
    this.saveState = state;
    this.emit('save', { state, error: this.saveError });
  }
}

// Helpers.

export function now() {
  return new Date().toISOString();
}

export function newId(prefix) {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  return prefix + random.replace(/-/g, '').slice(0, 12);
}

function sameRecord(a, b) {
  if ((a?.rev ?? undefined) !== (b?.rev ?? undefined)) return false;
  if (!a || !b) return !a && !b;
  return a.edited === b.edited && JSON.stringify(a.conflicts ?? null) === JSON.stringify(b.conflicts ?? null)
    && (a.edited !== undefined || JSON.stringify(a.value) === JSON.stringify(b.value));
}

/** The claim fields a user edit touches, added to the claim's `changed`
 * (klaim::project::AnnotatedClaim): re-extraction keeps their values. Names
 * as klaim::reextract::FIELDS; `span` stands for start, end and text. */
function editedFields(claim, fields) {
  const names = Object.keys(fields).map((f) => (f === 'start' || f === 'end' || f === 'text' ? 'span' : f)).filter((f) => EDITABLE.includes(f));
  return names.length ? { changed: [...new Set([...(claim.changed ?? []), ...names])] } : {};
}

const EDITABLE = ['span', 'kind', 'modality', 'claimant', 'cue', 'via', 'quantities'];

function sameKeys(a, b) {
  return a.length === b.length && a.every((c, i) => c.store === b[i].store && c.key === b[i].key);
}
