// The page's side of the extraction worker (worker.js): starts it and turns
// its messages into promises. Extraction and linking run there, off the main
// thread; the page only renders and stores.
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
    // worker.js imports the glue as `core`; in one classic script the
    // glue's exports are plain names in scope. Classic, not a module worker:
    // from file:// a module worker's Blob is refused (module scripts are
    // fetched in CORS mode, and the page's origin is opaque).
    const names = [...glue.matchAll(/^export (?:function|class) ([\w$]+)/gm)].map((m) => m[1]);
    const script = glue
      .replace(/^export \{[^}]*\};?\s*$/m, '')
      .replace(/^export (?=function|class)/gm, '')
      .replace(/import\.meta\.url/g, 'self.location.href');
    const source = `${script}\nconst core = { initSync, ${names.join(', ')} };\n${body.replace(/^import \* as core from .*$/m, '')}`;
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'klaim-extractor' });
    const extractor = new Extractor(worker);
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
    worker.onmessage = ({ data }) => {
      const job = this.waiting.get(data.id);
      if (!job) return;
      this.waiting.delete(data.id);
      if (data.type === 'error') job.reject(data.error ?? new Error(data.message));
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

  /** Any other core function the wasm package exports (e.g. `link`). */
  async call(fn, ...args) {
    return (await this.send({ type: 'call', fn, args })).value;
  }

  /** Core function `fn` once per argument list of `argsList`, in one message. */
  async map(fn, argsList) {
    return (await this.send({ type: 'map', fn, args: argsList })).value;
  }

  send(message, transfer = []) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }
}

function text(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  return response.text();
}
