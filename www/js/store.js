// IndexedDB persistence: the only module that touches IndexedDB or the
// BroadcastChannel between tabs.
//
// Records are stored one per document, one per claim and one per meta entry
// (the tag set), so two tabs editing different claims never overwrite each
// other. Every record carries `rev`; a write states the rev it expects to
// replace and the transaction aborts with a `ConflictError` when another tab
// wrote in between. A write counts as saved when its transaction completes.
//
// Claims are stored as `klaim::project::AnnotatedClaim` (code point offsets)
// plus `doc` (the document id) and `rev`; documents as `klaim::project::Document`
// without `claims`, plus `rev`. `toProject` rebuilds the project file.

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

/** Opens the library. Rejects when IndexedDB is missing or refused. */
export async function open({ name = DB_NAME } = {}) {
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
  return new Store(db, name);
}

export class Store {
  constructor(db, name) {
    this.db = db;
    this.channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel(`${name}-changes`) : null;
    // Another tab upgrading the schema: close so it is not blocked.
    db.onversionchange = () => db.close();
  }

  /** Everything in the library: {documents, claims, meta}. */
  async loadAll() {
    const tx = this.db.transaction(STORES, 'readonly');
    const all = (s) => request(tx.objectStore(s).getAll());
    const [documents, claims, meta] = await Promise.all(STORES.map(all));
    return { documents, claims, meta };
  }

  /** The current records for `keys`: [{store, key, value|undefined}]. */
  async load(keys) {
    const stores = [...new Set(keys.map((k) => k.store))];
    if (!stores.length) return [];
    const tx = this.db.transaction(stores, 'readonly');
    return Promise.all(keys.map(async ({ store, key }) => ({ store, key, value: await request(tx.objectStore(store).get(key)) })));
  }

  /** The claims of one document, from storage. */
  async claimsOf(docId) {
    const tx = this.db.transaction('claims', 'readonly');
    return request(tx.objectStore('claims').index('doc').getAll(docId));
  }

  /**
   * Writes `changes` in one transaction: [{store, key, expect, value}] where
   * `expect` is the rev the stored record must have (undefined: must not
   * exist) and `value` is the new record (null: delete). Resolves when the
   * transaction completes; rejects with ConflictError or the storage error.
   * `force` skips the rev checks (first-run seeding of fixed sample ids).
   */
  write(changes, { force = false } = {}) {
    const stores = [...new Set(changes.map((c) => c.store))];
    return new Promise((resolve, reject) => {
      let tx;
      try {
        tx = this.db.transaction(stores, 'readwrite');
      } catch (e) {
        reject(e);
        return;
      }
      let conflict = null;
      tx.oncomplete = () => {
        this.channel?.postMessage({ keys: changes.map(({ store, key }) => ({ store, key })) });
        resolve();
      };
      tx.onabort = () => reject(conflict ?? tx.error ?? new Error('transaction aborted'));
      tx.onerror = (event) => {
        // Reported through onabort; keep the error from reaching window.onerror.
        event.preventDefault?.();
      };
      for (const change of changes) {
        const os = tx.objectStore(change.store);
        const put = () => {
          if (conflict) return;
          if (change.value == null) os.delete(change.key);
          else os.put(change.value);
        };
        if (force) {
          put();
          continue;
        }
        const get = os.get(change.key);
        get.onsuccess = () => {
          const current = get.result;
          if (conflict) return;
          if ((current?.rev ?? undefined) !== change.expect) {
            conflict = new ConflictError(change.store, change.key);
            tx.abort();
            return;
          }
          put();
        };
      }
    });
  }

  /** Calls `fn({keys})` when another tab of the same library wrote. */
  onRemoteChange(fn) {
    if (this.channel) this.channel.onmessage = (event) => fn(event.data);
  }
}

/** The whole library as a `klaim::project::Project` (code point offsets). */
export function toProject({ format, version, tags, documents, claimsOf }) {
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
      claims: claimsOf(d.id).map(({ doc, rev, ...claim }) => claim),
    })),
  };
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
