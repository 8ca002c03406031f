// IndexedDB persistence: the only module that touches IndexedDB or the
// BroadcastChannel between tabs.
//
// Records are stored one per document, one per claim and one per meta entry
// (the tag set), so two tabs editing different claims never overwrite each
// other. Every record carries `rev`; a write states the rev it expects to
// replace (and the record it started from). When another tab wrote in
// between, the two edits are merged field by field inside the same
// transaction: a field only one side changed takes that side's value; a field
// both changed takes the newer edit (`edited`) and the other value is kept in
// the record's `conflicts` list, so every tab can show it and restore it.
// Deleting a record another tab changed aborts with a `ConflictError`. A
// write counts as saved when its transaction completes, and resolves with
// the records as stored, so the page shows exactly what storage holds.
//
// Claims are stored as `klaim::project::AnnotatedClaim` (code point offsets)
// plus `doc` (the document id) and `rev`; documents as `klaim::project::Document`
// without `claims`, plus `rev`; meta records are {key, value, rev}: `tags`,
// `seeded`, `links` (grouping corrections) and `factchecks` (the fact-check
// archive). `toProject` rebuilds the project file.
//
// Bundles: a new document's claims are stored as one record (`write`'s
// `bulk`: an import, its redo, the retry after a full disk, seeding, an
// undone deletion), because IndexedDB's cost is per record: 27,000 claim
// records cost the browser about 2 s of CPU, the same bytes as 1,000 records
// about 0.2 s. A bundle lives in the `claims` store under the key `[doc]` (an
// array, which never equals a claim id, a string): {id: [doc], doc, rev,
// revs: {claim id: rev}, claims: [claim records]}. A claim edited later gets
// its own record, which wins over the bundle's copy, and a deleted one a
// tombstone {id, doc, gone: true, rev}; a write that names a document in
// `compact` (re-extraction) folds them back into one fresh bundle in the
// same transaction. Only claims whose id is `${doc}#${n}` (records.js) are
// bundled, so a claim's bundle is found from its id alone. A library of one
// record per claim (the layout before bundles) is valid as it is. Every
// method here speaks one record per claim: `loadAll`, `load`,
// `loadDocuments` and `claimsOf` resolve bundles; no caller sees them.
// Other tabs are told the documents written whole (`docs`), not their claims.

const DB_NAME = 'klaim';
const DB_VERSION = 1;
export const STORES = ['documents', 'claims', 'meta'];

export class ConflictError extends Error {
  constructor(store, key) {
    super(`${store}/${key} was changed by another tab`);
    this.name = 'ConflictError';
    this.store = store;
    this.key = key;
  }
}

/** A write found a record changed since (encrypted libraries merge outside the transaction). */
class StaleError extends ConflictError {}

/** Opens the library. Rejects when IndexedDB is missing or refused.
 * `channel: false`: a connection that does not tell other tabs of its
 * writes (the extraction worker's; the page announces them). */
export async function open({ name = DB_NAME, channel = true } = {}) {
  if (!globalThis.indexedDB) throw new Error('IndexedDB is not available');
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('documents')) db.createObjectStore('documents', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('claims')) {
        db.createObjectStore('claims', { keyPath: 'id' }).createIndex('doc', 'doc');
      }
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab on an older version'));
  });
  return new Store(db, name, { channel });
}

export class Store {
  constructor(db, name, { channel = true } = {}) {
    this.name = name;
    this.channel = channel && 'BroadcastChannel' in globalThis ? new BroadcastChannel(`${name}-changes`) : null;
    this.deleted = false;
    this.attach(db);
  }

  attach(db) {
    this.db = db;
    this.closed = false;
    // Chromium closes the connection itself after an IO error (a full disk)
    // and may have dropped the database with it: writes need a fresh
    // connection, and the library must be written whole again.
    db.onclose = () => { this.closed = true; };
    // Another tab upgrading the schema, or deleting the database: close so
    // it is not blocked. A deletion (newVersion null) is told to the page,
    // which still holds the whole library in memory and can write it back.
    db.onversionchange = (event) => {
      db.close();
      if (event.newVersion === null) {
        this.deleted = true;
        this.onDeleted?.();
      }
    };
  }

  /** Opens the database again (after it was deleted behind the page's back). */
  async reopen() {
    const fresh = await open({ name: this.name });
    fresh.channel?.close();
    this.attach(fresh.db);
    this.deleted = false;
  }

  /** Everything in the library: {documents, claims, meta}, one record per claim. */
  async loadAll() {
    const { documents, claims, meta } = await this.loadRaw();
    return { documents, claims: resolveClaims(claims), meta };
  }

  /** Every stored record as it is (bundles and tombstones included), opened. */
  async loadRaw() {
    const tx = this.db.transaction(STORES, 'readonly');
    const all = (s) => request(tx.objectStore(s).getAll());
    const [documents, claims, meta] = await Promise.all(STORES.map(all));
    if (!this.cipher) return { documents, claims, meta };
    const open = (records) => Promise.all(records.map((r) => this.openRecord(r)));
    return { documents: await open(documents), claims: await open(claims), meta: await open(meta) };
  }

  /** The current records for `keys`: [{store, key, value|undefined}]; a
   * claim stored only in its document's bundle is taken from there. */
  async load(keys) {
    const stores = [...new Set(keys.map((k) => k.store))];
    if (!stores.length) return [];
    const tx = this.db.transaction(stores, 'readonly');
    const bundles = new Map();
    const bundle = (doc) => {
      if (!bundles.has(doc)) bundles.set(doc, request(tx.objectStore('claims').get([doc])).then((b) => this.openRecord(b)));
      return bundles.get(doc);
    };
    // Every request is made before the first await of an opened bundle, so
    // the transaction is still active for them.
    const raw = keys.map(({ store, key }) => {
      const got = request(tx.objectStore(store).get(key));
      const doc = store === 'claims' ? bundleDoc(key) : null;
      return { store, key, got, inBundle: doc === null ? null : bundle(doc) };
    });
    return Promise.all(raw.map(async ({ store, key, got, inBundle }) => {
      const own = await this.openRecord(await got);
      if (own) return { store, key, value: own.gone ? undefined : own };
      const b = await inBundle;
      return { store, key, value: b?.claims?.find((c) => c.id === key) };
    }));
  }

  /** Documents `ids` as stored, each with its claims:
   * [{id, doc|undefined, claims}], in one transaction. */
  async loadDocuments(ids) {
    if (!ids.length) return [];
    const tx = this.db.transaction(['documents', 'claims'], 'readonly');
    const raw = ids.map((id) => ({
      id,
      doc: request(tx.objectStore('documents').get(id)),
      claims: request(tx.objectStore('claims').index('doc').getAll(id)),
    }));
    return Promise.all(raw.map(async ({ id, doc, claims }) => ({
      id,
      doc: await this.openRecord(await doc),
      claims: resolveClaims(await Promise.all((await claims).map((c) => this.openRecord(c)))),
    })));
  }

  /** The claims of one document, from storage. */
  async claimsOf(docId) {
    const tx = this.db.transaction('claims', 'readonly');
    const claims = await request(tx.objectStore('claims').index('doc').getAll(docId));
    return resolveClaims(await Promise.all(claims.map((c) => this.openRecord(c))));
  }

  /**
   * Writes `changes` in one transaction: [{store, key, expect, base?, value}]
   * where `expect` is the rev the stored record should have (undefined: must
   * not exist), `base` the record this tab started from (for merging) and
   * `value` the new record (null: delete). Resolves when the transaction
   * completes with [{store, key, value, conflicts}]: the records as stored
   * (merged where another tab wrote in between) and the fields whose other
   * value lost. Rejects with ConflictError (a delete of a record changed
   * elsewhere) or the storage error. `force` skips the rev checks (first-run
   * seeding of fixed sample ids). `bulk`: the new claims of each document
   * created by the same changes are stored as one bundle record. `compact`:
   * documents whose claims are folded into one fresh bundle after the
   * changes (in the same transaction; an encrypted library's in a second
   * one, `foldSealed`).
   */
  async write(changes, { force = false, bulk = false, compact = [] } = {}) {
    // Each new document's new claims as one bundle record (`bulk`); `from`
    // maps the records written back to `changes` (-1: a bundle).
    const { records, from, docs } = bulk ? bundled(changes) : { records: changes, from: changes.map((_, i) => i), docs: [] };
    // Documents deleted with their claims (an undone import): other tabs
    // read them whole (and find them gone), not their claims one by one.
    const gone = new Set(records.filter((c) => c.store === 'documents' && c.value == null).map((c) => c.key));
    const whole = new Set([...docs, ...gone]);
    const keys = records.filter((c) => !c.bundle && !(c.store === 'documents' && whole.has(c.key)) && !(gone.size && goneWith(c, gone)));
    const announced = { keys, docs: [...whole] };
    const back = (results) => {
      const out = changes.map(({ store, key, value }) => ({ store, key, value, conflicts: [] }));
      results.forEach((r, j) => { if (from[j] >= 0) out[from[j]] = r; });
      return out;
    };
    if (!this.cipher) return back(await this.writeTx(records, { force, merge: true, announced, compact: new Set(compact) }));
    // Encrypted: sealing is asynchronous, so it happens before the
    // transaction (which would commit while we waited), and a record another
    // tab changed in between is merged outside it and written again. Sealed
    // records cannot be opened inside a transaction either, so `compact`
    // folds after it (`foldSealed`).
    let todo = records.map((c) => ({ ...c }));
    const lost = new Map();
    for (let attempt = 0; ; attempt++) {
      const sealed = await Promise.all(todo.map(async (c) => ({ ...c, value: await this.sealRecord(c.store, c.value) })));
      try {
        const results = await this.writeTx(sealed, { force, merge: false, announced });
        const out = back(results.map((r, i) => ({ ...r, value: todo[i].value, conflicts: lost.get(i) ?? [] })));
        for (const doc of new Set(compact)) await this.foldSealed(doc);
        return out;
      } catch (e) {
        if (!(e instanceof StaleError) || attempt >= 4) throw e;
        const current = await this.load(todo.map(({ store, key }) => ({ store, key })));
        todo = todo.map((c, i) => {
          if (c.bundle) return c;
          const now = current[i].value;
          if ((now?.rev ?? undefined) === c.expect) return c;
          if (c.value == null) throw new ConflictError(c.store, c.key);
          if (!now) return { ...c, expect: undefined };
          const merged = merge(c.base, now, c.value);
          lost.set(i, [...(lost.get(i) ?? []), ...merged.lost]);
          return { ...c, base: now, expect: now.rev, value: merged.record };
        });
      }
    }
  }

  /**
   * Folds document `doc`'s claims into one fresh bundle in an encrypted
   * library, as `fold` does inside a plain write's transaction: the records
   * are read and opened, the bundle built and sealed, then written in a
   * second transaction that first checks nothing of the document's claims
   * changed since they were read (ids, revs). If something did (another
   * tab's edit in between), the document is left as it is: unfolded, which
   * is a valid library, only one record per changed claim.
   */
  async foldSealed(doc) {
    const claims = (mode) => this.db.transaction('claims', mode).objectStore('claims');
    const raw = await request(claims('readonly').index('doc').getAll(IDBKeyRange.only(doc)));
    const plan = foldPlan(doc, await Promise.all(raw.map((r) => this.openRecord(r))));
    if (!plan) return;
    const bundle = plan.bundle && await this.sealRecord('claims', plan.bundle);
    await new Promise((resolve, reject) => {
      const os = claims('readwrite');
      const tx = os.transaction;
      const now = os.index('doc').getAll(IDBKeyRange.only(doc));
      now.onsuccess = () => {
        if (recordRevs(now.result) !== recordRevs(raw)) return;
        for (const key of plan.remove) os.delete(key);
        if (bundle) os.put(bundle);
      };
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
  }

  /** The stored lock (meta `crypto`: salt, iterations, a sealed check) when
   * the library is encrypted, else null. */
  async lockInfo() {
    const tx = this.db.transaction('meta', 'readonly');
    return (await request(tx.objectStore('meta').get('crypto'))) ?? null;
  }

  /** From now on records are sealed and opened with `cipher` (crypto.js). */
  setCipher(cipher, lock) {
    this.cipher = cipher;
    this.lock = lock;
  }

  /** Encrypts the whole library in place under `cipher` and stores `lock`;
   * other tabs are told to reload (they would write in the clear). */
  async encrypt(cipher, lock) {
    // The records as stored (bundles and tombstones as they are), each sealed in place.
    const { documents, claims, meta } = await this.loadRaw();
    this.setCipher(cipher, lock);
    const changes = [
      ...documents.map((d) => ({ store: 'documents', key: d.id, value: d })),
      ...claims.map((c) => ({ store: 'claims', key: c.id, value: c })),
      ...meta.filter((m) => m.key !== 'crypto').map((m) => ({ store: 'meta', key: m.key, value: m })),
    ];
    const sealed = await Promise.all(changes.map(async (c) => ({ ...c, value: await this.sealRecord(c.store, c.value) })));
    await this.writeTx([...sealed, { store: 'meta', key: 'crypto', value: lock }], { force: true });
    this.channel?.postMessage({ locked: true });
  }

  /** A record as stored: sealed when a cipher is set. Ids, revs, a claim's
   * document and a bundle's claim revs stay readable (keys, the `doc` index
   * and the rev checks inside a transaction need them); a tombstone holds
   * nothing else and stays as it is. */
  async sealRecord(store, value) {
    if (!this.cipher || !value || value.gone || (store === 'meta' && value.key === 'crypto')) return value;
    const kept = store === 'documents' ? { id: value.id } : store === 'claims' ? { id: value.id, doc: value.doc, ...(value.revs ? { revs: value.revs } : {}) } : { key: value.key };
    return { ...kept, rev: value.rev, sealed: await this.cipher.seal(value) };
  }

  /** A stored record opened (the inverse of sealRecord). */
  async openRecord(value) {
    if (!value?.sealed) return value;
    if (!this.cipher) throw new Error('the library is encrypted and locked');
    return { ...(await this.cipher.open(value.sealed)), rev: value.rev };
  }

  /** One readwrite transaction over `changes` (store.write's, already
   * sealed when the library is encrypted); `announced`: what other tabs are
   * told was written ({keys, docs}: documents whose claims are to be read
   * whole, not claim by claim); `compact`: documents whose claims are folded
   * into one fresh bundle once the changes are made (never sealed ones). */
  writeTx(changes, { force = false, merge: merging = true, announced = { keys: changes, docs: [] }, compact = new Set() } = {}) {
    // A document's deletion also removes its bundle and tombstones.
    const gone = new Set(changes.filter((c) => c.store === 'documents' && c.value == null).map((c) => c.key));
    // The deleted claims of those documents (an undone import, a deleted
    // document): checked and deleted document by document, one read of the
    // `doc` index each, not one read and one delete per claim.
    const wholesale = new Map(); // doc -> indices in `changes`
    if (gone.size) {
      changes.forEach((c, i) => {
        if (!goneWith(c, gone)) return;
        const doc = c.base?.doc ?? bundleDoc(c.key);
        if (!wholesale.has(doc)) wholesale.set(doc, []);
        wholesale.get(doc).push(i);
      });
    }
    const inWholesale = new Set([...wholesale.values()].flat());
    const stores = [...new Set([...changes.map((c) => c.store), ...(gone.size || compact.size ? ['claims'] : [])])];
    return new Promise((resolve, reject) => {
      let tx;
      try {
        tx = this.db.transaction(stores, 'readwrite');
      } catch (e) {
        reject(e);
        return;
      }
      let conflict = null;
      const results = changes.map(({ store, key, value }) => ({ store, key, value, conflicts: [] }));
      tx.oncomplete = () => {
        this.announce(announced.keys, announced.docs);
        resolve(results);
      };
      tx.onabort = () => reject(conflict ?? tx.error ?? new Error('transaction aborted'));
      tx.onerror = (event) => {
        // Reported through onabort; keep the error from reaching window.onerror.
        event.preventDefault?.();
      };
      const bundles = bundleReader(() => tx.objectStore('claims'));
      // Reads still to answer; the fold waits for the last write they make.
      let reading = 0;
      const settled = () => {
        if (reading === 0 && !conflict) for (const doc of compact) fold(tx.objectStore('claims'), doc);
      };
      changes.forEach((change, i) => {
        const os = tx.objectStore(change.store);
        // `held`: the claim's bundle holds it (its deletion leaves a tombstone).
        const put = (value, current, held) => {
          if (conflict) return;
          results[i].value = value;
          if (value != null) os.put(value);
          else if (held && !gone.has(bundleDoc(change.key))) os.put({ id: change.key, doc: bundleDoc(change.key), gone: true, rev: (current?.rev ?? 0) + 1 });
          else os.delete(change.key);
          if (value == null && change.store === 'documents' && !wholesale.has(change.key)) clearBundle(tx.objectStore('claims'), change.key);
        };
        if (inWholesale.has(i)) return;
        if (change.bundle) {
          // A new document's bundle: a stale one under its key (a document
          // created twice at once) keeps the claims this one does not hold.
          reading++;
          bundles(change.value.doc, (old) => {
            reading--;
            put(old?.claims && !old.sealed && !change.value.sealed ? joinBundles(old, change.value) : change.value);
            settled();
          });
          return;
        }
        if (force && change.value != null) {
          put(change.value);
          return;
        }
        reading++;
        readCurrent(os, change, bundles, (current, held) => {
          reading--;
          if (conflict) return;
          if (force || (current?.rev ?? undefined) === change.expect) put(change.value, current, held);
          else if (change.value == null && current) {
            conflict = new ConflictError(change.store, change.key);
            tx.abort();
            return;
          } else if (change.value == null || !current) put(change.value, current, held);
          else if (!merging) {
            conflict = new StaleError(change.store, change.key);
            tx.abort();
            return;
          } else {
            const merged = merge(change.base, current, change.value);
            results[i].conflicts = merged.lost;
            put(merged.record, current, held);
          }
          settled();
        });
      });
      for (const [doc, indices] of wholesale) {
        reading++;
        const os = tx.objectStore('claims');
        const all = os.index('doc').getAll(IDBKeyRange.only(doc));
        all.onsuccess = () => {
          reading--;
          if (conflict) return;
          // Each claim the document holds must be one this write deletes,
          // at the rev it expects; anything else is another tab's since.
          const expected = new Map(indices.map((i) => [changes[i].key, changes[i].expect]));
          const stray = force ? null : [...heldRevs(all.result)].find(([id, rev]) => expected.get(id) !== rev);
          if (stray) {
            conflict = new ConflictError('claims', stray[0]);
            tx.abort();
            return;
          }
          for (const r of all.result) os.delete(r.id);
          for (const i of indices) results[i].value = null;
          settled();
        };
      }
      settled();
    });
  }

  /** Tells other tabs of the library that `changes` ([{store, key}]) were
   * written (also for writes another connection made for this page: the
   * extraction worker's); `docs`: documents written whole (an import's),
   * which other tabs read with their claims in one go (`loadDocuments`)
   * instead of claim by claim. */
  announce(changes, docs = []) {
    this.channel?.postMessage({ keys: changes.map(({ store, key }) => ({ store, key })), ...(docs.length ? { docs } : {}) });
  }

  /** Calls `fn({keys})` when another tab of the same library wrote. */
  onRemoteChange(fn) {
    if (this.channel) this.channel.onmessage = (event) => fn(event.data);
  }
}

/** The whole library as a `klaim::project::Project` (code point offsets). */
export function toProject({ format, version, tags, documents, claimsOf, links = [], factchecks = [] }) {
  return {
    format,
    version,
    tags: tags.map(({ id, label, verdict }) => ({ id, label, verdict: !!verdict })),
    documents: documents.map((d) => ({
      id: d.id,
      name: d.name,
      text: d.text,
      added: d.added,
      edited: d.edited,
      boilerplate: d.boilerplate ?? [],
      entities: d.entities ?? [],
      ...Object.fromEntries(['outlet', 'published', 'url'].filter((k) => d[k]).map((k) => [k, d[k]])),
      ...(d.extractor ? { extractor: d.extractor } : {}),
      claims: claimsOf(d.id).map(({ doc, rev, conflicts, ...claim }) => claim),
    })),
    ...(links.length ? { links } : {}),
    ...(factchecks.length ? { factchecks } : {}),
  };
}

/** Fields that describe the record rather than the annotation. */
const BOOKKEEPING = new Set(['rev', 'edited', 'conflicts']);
/** A record keeps at most this many lost values to offer back. */
const MAX_CONFLICTS = 10;

/**
 * Three-way merge of one record: `base` is what the writing tab started
 * from, `stored` what another tab wrote since, `mine` the writing tab's
 * version. Returns {record, lost}: lost = [{field, value, at}] the values that
 * lost to a newer edit of the same field (also appended to
 * `record.conflicts`).
 */
export function merge(base, stored, mine) {
  const record = { ...stored };
  const lost = [];
  const mineNewer = (mine.edited ?? '') >= (stored.edited ?? '');
  for (const field of new Set([...Object.keys(stored), ...Object.keys(mine)])) {
    if (BOOKKEEPING.has(field)) continue;
    const a = mine[field];
    const b = stored[field];
    if (same(a, b)) continue;
    const mineChanged = !base || !same(a, base[field]);
    const theirsChanged = !base || !same(b, base[field]);
    if (mineChanged && theirsChanged && PARTS[field] && [a, b, base?.[field]].every(isObject)) {
      // Two tabs that changed different parts of a claimant (one its role,
      // the other its affiliation) both keep their change.
      record[field] = { ...b };
      for (const keys of partsOf(field, a, b)) {
        const pa = pick(a, keys);
        const pb = pick(b, keys);
        const po = pick(base[field], keys);
        if (same(pa, pb) || same(pa, po)) continue;
        if (same(pb, po) || mineNewer) Object.assign(record[field], pa);
        if (!same(pb, po)) {
          const part = keys.length === 1 ? keys[0] : 'mention';
          const value = (mineNewer ? pb : pa);
          lost.push({ field, part, value: keys.length === 1 ? value[part] ?? null : value, at: (mineNewer ? stored.edited : mine.edited) ?? null });
        }
      }
    } else if (mineChanged && !theirsChanged) {
      record[field] = a;
    } else if (mineChanged && theirsChanged) {
      record[field] = mineNewer ? a : b;
      lost.push({ field, value: mineNewer ? b : a, at: (mineNewer ? stored.edited : mine.edited) ?? null });
    }
  }
  record.rev = Math.max(stored.rev ?? 0, mine.rev ?? 0) + 1;
  if (mine.edited || stored.edited) record.edited = mineNewer ? mine.edited : stored.edited;
  const conflicts = [...(stored.conflicts ?? []), ...lost].slice(-MAX_CONFLICTS);
  if (conflicts.length) record.conflicts = conflicts;
  return { record, lost };
}

/**
 * The fields `restoring` a lost value (an entry of `record.conflicts`) puts
 * back over `record`: a part of an object field goes back into the object as
 * it is now, leaving its other parts alone.
 */
export function restoredFields(record, lost) {
  if (!lost.part) return { [lost.field]: lost.value };
  const now = record[lost.field];
  if (!isObject(now)) return {};
  return { [lost.field]: { ...now, ...(lost.part === 'mention' ? lost.value : { [lost.part]: lost.value }) } };
}

/**
 * Object fields merged part by part: the parts that change together (a
 * claimant's mention is its start, end and text); any other key is a part
 * of its own.
 */
const PARTS = { claimant: [['start', 'end', 'text']] };

function partsOf(field, a, b) {
  const grouped = PARTS[field];
  const inGroup = new Set(grouped.flat());
  const rest = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !inGroup.has(k));
  return [...grouped, ...rest.map((k) => [k])];
}

function pick(o, keys) {
  return Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function same(a, b) {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The document whose bundle may hold claim `key`: bundled claims are
 * `${doc}#${n}` (records.js); null for any other key. */
export function bundleDoc(key) {
  const m = typeof key === 'string' ? /^(.*)#\d+$/s.exec(key) : null;
  return m ? m[1] : null;
}

/** Claim records (opened) as the library holds them: a bundle's claims
 * unless a record of their own (an edit, or a tombstone) overrides them. */
export function resolveClaims(records) {
  const own = new Set();
  for (const r of records) if (!Array.isArray(r.id)) own.add(r.id);
  const out = [];
  for (const r of records) {
    if (Array.isArray(r.id)) {
      for (const c of r.claims ?? []) if (!own.has(c.id)) out.push(c);
    } else if (!r.gone) out.push(r);
  }
  return out;
}

/** `changes` with the new claims (ids `${doc}#${n}`) of each document
 * created in the same changes put together as one bundle record (a change
 * with `bundle: true`); other changes as they are. Returns {records, from,
 * docs}: `from[j]` is the index in `changes` of records[j] (-1 for a
 * bundle), `docs` the documents bundled. */
function bundled(changes) {
  const created = new Set(changes.filter((c) => c.store === 'documents' && c.value && c.expect === undefined).map((c) => c.key));
  const records = [];
  const from = [];
  const byDoc = new Map();
  changes.forEach((c, i) => {
    const doc = c.store === 'claims' && c.value && c.expect === undefined ? bundleDoc(c.key) : null;
    if (doc === null || !created.has(doc) || c.value.doc !== doc || c.value.id !== c.key) {
      records.push(c);
      from.push(i);
      return;
    }
    if (!byDoc.has(doc)) byDoc.set(doc, []);
    byDoc.get(doc).push(c.value);
  });
  for (const [doc, claims] of byDoc) {
    records.push({ store: 'claims', key: [doc], bundle: true, value: { id: [doc], doc, rev: 1, revs: Object.fromEntries(claims.map((c) => [c.id, c.rev])), claims } });
    from.push(-1);
  }
  return { records, from, docs: [...byDoc.keys()] };
}

/** Bundle `next` over a stale bundle `old` of the same document: the
 * claims of `next`, then those only `old` held. */
function joinBundles(old, next) {
  const claims = [...next.claims, ...old.claims.filter((c) => !Object.hasOwn(next.revs, c.id))];
  return { ...next, rev: Math.max(old.rev ?? 0, next.rev) + 1, revs: Object.fromEntries(claims.map((c) => [c.id, c.rev])), claims };
}

/** Folds document `doc`'s claims (ids `${doc}#${n}`) into one fresh
 * bundle, inside the transaction and after its writes: their own records,
 * the old bundle and the tombstones go. Claims with other ids (the user's
 * own) keep their records. */
function fold(claims, doc) {
  const all = claims.index('doc').getAll(IDBKeyRange.only(doc));
  all.onsuccess = () => {
    // Sealed records are folded after the transaction (`foldSealed`).
    if (all.result.some((r) => r.sealed)) return;
    const plan = foldPlan(doc, all.result);
    if (!plan) return;
    for (const key of plan.remove) claims.delete(key);
    if (plan.bundle) claims.put(plan.bundle);
  };
}

/** How document `doc`'s claim records (opened) fold into one bundle:
 * {bundle (null: none is left), remove: the keys to delete}: the claims'
 * own records, the tombstones, and the old bundle when no claim is left
 * for a new one; null when there is nothing to fold. */
function foldPlan(doc, records) {
  if (!records.length) return null;
  const old = records.find((r) => Array.isArray(r.id));
  const held = resolveClaims(records).filter((c) => bundleDoc(c.id) === doc && c.doc === doc);
  const ids = new Set(held.map((c) => c.id));
  const remove = records.filter((r) => !Array.isArray(r.id) && (r.gone || ids.has(r.id))).map((r) => r.id);
  if (!held.length) return { bundle: null, remove: old ? [...remove, [doc]] : remove };
  const bundle = { id: [doc], doc, rev: (old?.rev ?? 0) + 1, revs: Object.fromEntries(held.map((c) => [c.id, c.rev])), claims: held };
  return { bundle, remove };
}

/** The keys and revs of raw records, as one comparable string. */
function recordRevs(records) {
  return records.map((r) => JSON.stringify([r.id, r.rev, !!r.gone])).sort().join('\n');
}

/** Reads of bundles inside one transaction, one request per document:
 * `read(doc, fn)` calls fn(bundle|undefined), raw (sealed when encrypted). */
function bundleReader(claimsStore) {
  const entries = new Map();
  return (doc, fn) => {
    let entry = entries.get(doc);
    if (!entry) {
      entry = { done: false, value: undefined, waiting: [] };
      entries.set(doc, entry);
      const get = claimsStore().get([doc]);
      get.onsuccess = () => {
        entry.done = true;
        entry.value = get.result;
        for (const f of entry.waiting.splice(0)) f(entry.value);
      };
    }
    if (entry.done) fn(entry.value);
    else entry.waiting.push(fn);
  };
}

/** Calls `fn(current, held)` with the record `change` replaces, as the
 * library holds it: a claim's own record, else its bundle's copy (rev only,
 * when sealed), undefined when tombstoned or absent; `held`: its bundle holds
 * it. Inside the transaction, by callbacks. */
function readCurrent(os, change, bundles, fn) {
  const get = os.get(change.key);
  get.onsuccess = () => {
    const own = get.result;
    const doc = change.store === 'claims' ? bundleDoc(change.key) : null;
    if (doc === null) return fn(own, false);
    bundles(doc, (bundle) => {
      const held = !!bundle?.revs && Object.hasOwn(bundle.revs, change.key);
      if (own) return fn(own.gone ? undefined : own, held);
      if (!held) return fn(undefined, false);
      fn(bundle.claims?.find((c) => c.id === change.key) ?? { id: change.key, doc, rev: bundle.revs[change.key] }, true);
    });
  };
}

/** Whether `change` deletes a claim of one of the documents `gone` (deleted
 * by the same write). */
function goneWith(change, gone) {
  return change.store === 'claims' && change.value == null && !change.bundle && gone.has(change.base?.doc ?? bundleDoc(change.key));
}

/** The claims raw records hold (a bundle's, overridden by own records and
 * tombstones): Map claim id -> rev. Works on sealed records (ids and revs
 * stay readable). */
function heldRevs(records) {
  const revs = new Map();
  const bundle = records.find((r) => Array.isArray(r.id));
  for (const [id, rev] of Object.entries(bundle?.revs ?? {})) revs.set(id, rev);
  for (const r of records) {
    if (Array.isArray(r.id)) continue;
    if (r.gone) revs.delete(r.id);
    else revs.set(r.id, r.rev);
  }
  return revs;
}

/** Removes document `doc`'s bundle and tombstones (its deletion's). */
function clearBundle(claims, doc) {
  claims.delete([doc]);
  const cursor = claims.index('doc').openCursor(IDBKeyRange.only(doc));
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) return;
    if (at.value.gone) at.delete();
    at.continue();
  };
}
