// The Web Worker that owns the wasm core, so extraction (and linking) never
// runs on the page's main thread. It has no logic of its own: each request
// names a core function, and the answer is what the core returned.
//
// Protocol (structured-clone messages; see extractor.js for the other side):
//   → {id, type: 'init', wasm: ArrayBuffer}        ← {id, type: 'ready', version}
//   → {id, type: 'extract', docs: [{id, text}], unit}
//                                                  ← {id, type: 'done', json}
//       json: one JSON array of {record, read}, in the order of `docs`, for
//       a single JSON.parse on the page: record is the extraction
//       (report::Record), read the facts the text states (`textFacts`).
//   → {id, type: 'call', fn, args}                 ← {id, type: 'done', value}
//       any other exported core function (e.g. `link`), by name.
//   → {id, type: 'map', fn, args: [[...], ...]}   ← {id, type: 'done', value: [...]}
//       the core function `fn` once per argument list, in order (e.g. the
//       content hash of every incoming document: one message, not 1,000).
//   ← {id, type: 'error', message, error?} when the core throws; `error` is
//       the thrown value itself when it is a plain object (intake's
//       refusals: {kind, message, ...}).
//
// The page builds this worker from a Blob, as one classic script: the
// wasm-bindgen glue (pkg/klaim.js, exports made plain) followed by this file,
// whose import line is replaced by the glue's exports (extractor.js). So it
// works from file:// too, where a worker cannot load a script by URL.
import * as core from '../pkg/klaim.js';

self.onmessage = ({ data }) => {
  const { id, type } = data;
  try {
    if (type === 'init') {
      core.initSync({ module: data.wasm });
      self.postMessage({ id, type: 'ready', version: core.version() });
    } else if (type === 'extract') {
      const parts = data.docs.map((doc) => `{"record":${core.extractJson(doc.id, doc.text, data.unit)},"read":${JSON.stringify(core.textFacts?.(doc.text) ?? {})}}`);
      self.postMessage({ id, type: 'done', json: `[${parts.join(',')}]` });
    } else if (type === 'call') {
      const fn = core[data.fn];
      if (typeof fn !== 'function') throw new Error(`the core has no function ${data.fn}`);
      self.postMessage({ id, type: 'done', value: fn(...data.args) });
    } else if (type === 'map') {
      const fn = core[data.fn];
      if (typeof fn !== 'function') throw new Error(`the core has no function ${data.fn}`);
      self.postMessage({ id, type: 'done', value: data.args.map((args) => fn(...args)) });
    } else {
      throw new Error(`unknown request ${type}`);
    }
  } catch (e) {
    const plain = e && typeof e === 'object' && !(e instanceof Error) ? e : undefined;
    self.postMessage({ id, type: 'error', message: e?.message ?? String(e), error: plain });
  }
};
