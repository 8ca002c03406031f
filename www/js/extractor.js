// The page's side of the core's worker (worker.js): starts it and turns its
// messages into promises. Extraction and linking run there, in one wasm
// instance, off the main thread; the page only renders and stores.
//
// The worker is built from a Blob (the wasm-bindgen glue followed by
// worker.js), and the wasm bytes are sent to it, so it works the same served
// over http and from dist/klaim.html on file:// (CSP `worker-src blob:`).

/**
 * Starts the worker; resolves to an Extractor, or null when this browser or
 * page refuses workers (the caller then extracts on the main thread).
 */
export async function startExtractor() {
  if (!globalThis.Worker || !globalThis.Blob || !globalThis.URL?.createObjectURL) return null;
  let url;
  try {
    const [glue, body, wasmBytes] = await Promise.all([
      fetch('pkg/klaim.js').then(text),
      fetch('js/worker.js').then(text),
      fetch('pkg/klaim_bg.wasm').then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`wasm: ${r.status}`)))),
    ]);
    const modules = Object.fromEntries(await Promise.all(workerImports(body).map(async ({ file }) => [file, await fetch(`js/${file}`).then(text)])));
    const source = workerSource(glue, body, modules);
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'klaim-extractor' });
    const extractor = new Extractor(worker);
    // A second instance writes imports into IndexedDB while the first
    // extracts the next batch (it needs no wasm). Without it the page writes.
    try {
      extractor.writer = new Extractor(new Worker(url, { name: 'klaim-writer' }));
      // Import batches go from the extracting instance to the writer directly.
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ type: 'connect', port: port1 }, [port1]);
      extractor.writer.worker.postMessage({ type: 'connect', port: port2 }, [port2]);
      extractor.connected = true;
    } catch (e) {
      console.warn('klaim: the page saves imports itself:', e?.message ?? e);
    }
    await extractor.ready(wasmBytes);
    return extractor;
  } catch (e) {
    console.warn('klaim: extraction stays on the main thread:', e?.message ?? e);
    return null;
  } finally {
    if (url) URL.revokeObjectURL(url);
  }
}

export class Extractor {
  constructor(worker) {
    this.worker = worker;
    this.next = 1;
    this.waiting = new Map();
    this.version = null;
    // The instance that writes imports into the library (startExtractor).
    this.writer = null;
    worker.onmessage = ({ data }) => {
      const job = this.waiting.get(data.id);
      if (!job) return;
      this.waiting.delete(data.id);
      // A storage error comes as {name, message}: a DOMException again.
      if (data.type === 'error') job.reject(data.storage ? new DOMException(data.storage.message, data.storage.name) : data.error ?? new Error(data.message));
      else job.resolve(data);
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      const error = new Error(`extraction worker: ${e.message ?? 'failed'}`);
      for (const job of this.waiting.values()) job.reject(error);
      this.waiting.clear();
    };
  }

  /** Sends the wasm bytes; resolves once the core is ready in the worker. */
  async ready(wasmBytes) {
    const answer = await this.send({ type: 'init', wasm: wasmBytes }, [wasmBytes]);
    this.version = answer.version;
  }

  /** For `docs` ([{id, text}]), in order: {record (offsets in `unit`), read
   * (the text's facts)}. */
  async extract(docs, unit = 'codepoint') {
    const { json } = await this.send({ type: 'extract', docs, unit });
    return JSON.parse(json);
  }

  /**
   * An import's batch (`docs`: [{id, name, text, at, facts}]): resolves to
   * {built, json} once extracted, where built is [{doc, claims}], the
   * records to store (records.js), and json the same as one JSON text, for
   * `store`; `linked`: the worker keeps the batch for its LinkLibrary
   * (links.js `adopt`). `hold`: the page means to store it; the writer is
   * then sent the JSON directly, and `batch` names it for `store` (or
   * `drop`).
   */
  async importBatch(docs, { hold = false, signal } = {}) {
    const id = this.next;
    const batch = hold && this.connected ? id : undefined;
    // Cancel tells the worker at once, so it starts none of the batches
    // asked ahead; only the one it is extracting still answers.
    const cancel = () => this.worker.postMessage({ type: 'cancel', ids: [id] });
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      const { json, linked, held, cancelled } = await this.send({ type: 'import', docs, batch });
      if (cancelled) return { built: [], cancelled: true, batch: undefined };
      return { built: await parseBatch(json), json, linked: !!linked, batch: held ? batch : undefined };
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  /** Held import batches (`importBatch`'s `batch`) that will not be stored. */
  drop(batches) {
    if (batches.length) this.writer?.worker.postMessage({ type: 'drop', batches });
  }

  /** Whether `store` can write (the writer instance runs). */
  get canStore() {
    return !!this.writer;
  }

  /** Writes an import batch's records (importBatch's json) into library
   * `db` from the writer instance; resolves once stored, rejects with the
   * storage error. `bulk` false: one record per claim, as before bundles
   * (store.js), only to measure the two layouts side by side. */
  async store(json, db, { bulk = true, batch } = {}) {
    await this.writer.send(batch === undefined ? { type: 'store', json, db, bulk } : { type: 'store', batch, db, bulk });
    return [];
  }

  /** Any other core function the wasm package exports (e.g. `link`). */
  async call(fn, ...args) {
    return (await this.send({ type: 'call', fn, args })).value;
  }

  /** Core function `fn` once per argument list of `argsList`, in one message. */
  async map(fn, argsList) {
    return (await this.send({ type: 'map', fn, args: argsList })).value;
  }

  /** A method of the worker's LinkLibrary (links.js): resolves to {value, ms}. */
  async library(fn, ...args) {
    const { value, ms } = await this.send({ type: 'library', fn, args });
    return { value, ms };
  }

  send(message, transfer = []) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }
}

/**
 * An import batch's records (klaim::stored::write_batch: `[`, one line per
 * document, `]`) parsed document by document, each in a task of its own:
 * parsing a batch at once was the page's longest task during an import,
 * and it grows with the batch. A text not in that layout is parsed whole.
 */
export async function parseBatch(json) {
  const lines = json.split('\n');
  if (lines.length < 3 || lines[0] !== '[' || lines.at(-1) !== ']') return JSON.parse(json);
  const built = [];
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i];
    if (!line) continue;
    // The first too: the task that received the batch has decoded it.
    await nextTask();
    built.push(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line));
  }
  return built;
}

/** Resolves in a task of its own, after what the page has queued (input
 * first): a message to itself, which is not clamped as nested timers are.
 * The channel closes when no one waits (Node would stay up for it). */
function nextTask() {
  if (!ticks) {
    const own = { channel: new MessageChannel(), waiting: [] };
    own.channel.port1.onmessage = () => {
      const resolve = own.waiting.shift();
      if (!own.waiting.length) {
        own.channel.port1.close();
        if (ticks === own) ticks = null;
      }
      resolve?.();
    };
    ticks = own;
  }
  return new Promise((resolve) => {
    ticks.waiting.push(resolve);
    ticks.channel.port2.postMessage(null);
  });
}
let ticks = null;

/**
 * The worker as one classic script: the wasm-bindgen glue (its exports made
 * plain names, gathered as `core`), then the page modules worker.js imports
 * (`modules`: {file: source}), each in a scope of its own, then worker.js
 * without its import lines. Classic, not a module worker: from file:// a
 * module worker's Blob is refused (module scripts are fetched in CORS mode,
 * and the page's origin is opaque). Throws on a module it cannot inline.
 */
export function workerSource(glue, body, modules) {
  const names = exportedNames(glue);
  const script = glue
    .replace(/^export \{[^}]*\};?\s*$/m, '')
    .replace(/^export (?=function|class)/gm, '')
    .replace(/import\.meta\.url/g, 'self.location.href');
  const inlined = workerImports(body).map(({ names: wanted, file }) => {
    const source = modules[file];
    // Only the simple form is inlined: a module of declarations, each
    // exported where it is declared. Anything else stops here, loudly.
    if (source === undefined || /^import |^export (?:\{|default|\*)/m.test(source)) {
      throw new Error(`${file}: the worker inlines only modules without imports whose exports are declarations`);
    }
    return `const { ${wanted.join(', ')} } = (() => {\n${source.replace(/^export (?=(?:async )?function|class|const|let)/gm, '')}\nreturn { ${exportedNames(source).join(', ')} };\n})();`;
  });
  return `${script}\nconst core = { initSync, ${names.join(', ')} };\n${inlined.join('\n')}\n${body.replace(/^import .*$/gm, '')}`;
}

/** The `import { a, b } from './x.js'` lines of worker.js: [{names, file}]. */
export function workerImports(body) {
  return [...body.matchAll(/^import \{([^}]*)\} from '\.\/([\w-]+\.js)';$/gm)]
    .map((m) => ({ names: m[1].split(',').map((n) => n.trim()).filter(Boolean), file: m[2] }));
}

/** Names a module exports as declarations (`export function f`, ...). */
function exportedNames(source) {
  return [...source.matchAll(/^export (?:async )?(?:function\*?|class|const|let) ([\w$]+)/gm)].map((m) => m[1]);
}

function text(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  return response.text();
}
