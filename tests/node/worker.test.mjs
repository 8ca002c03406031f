// The extraction worker as the page builds it (extractor.js workerSource:
// the wasm glue, the page modules worker.js imports, worker.js), run in a
// Node vm context standing in for the worker's global scope. It compiles as
// one classic script (no clashing names, every import inlined) and answers
// the import's requests: records as the page stores them, and content
// hashes equal to the core's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { parseBatch, workerImports, workerSource } from '../../www/js/extractor.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (rel) => readFileSync(`${ROOT}www/${rel}`, 'utf8');
const wasm = await import(`${ROOT}www/pkg/klaim.js`);
wasm.initSync({ module: readFileSync(`${ROOT}www/pkg/klaim_bg.wasm`) });

/** The worker in a vm context: send(message) resolves to its answer;
 * `post(message)` only posts (an answer goes to `answers`); `inside(code)`
 * evaluates code in the worker's scope. */
function startWorker() {
  const body = read('js/worker.js');
  const modules = Object.fromEntries(workerImports(body).map(({ file }) => [file, read(`js/${file}`)]));
  const answers = [];
  const waiting = new Map();
  const self = {
    location: { href: 'blob:worker' },
    postMessage: (m) => {
      answers.push(m);
      waiting.get(m.id)?.(m);
      waiting.delete(m.id);
    },
  };
  const context = vm.createContext({ self, TextDecoder, TextEncoder, WebAssembly, MessageChannel, console });
  new vm.Script(workerSource(read('pkg/klaim.js'), body, modules), { filename: 'worker.js' }).runInContext(context);
  let id = 0;
  const post = (message) => {
    const m = { ...message, id: ++id };
    context.self.onmessage({ data: m });
    return m.id;
  };
  const send = (message) => new Promise((resolve) => {
    const at = answers.length;
    const sent = post(message);
    const early = answers.slice(at).find((m) => m.id === sent);
    if (early) resolve(early);
    else waiting.set(sent, resolve);
  });
  // stop(): closes the worker's own port (Node stays alive while it listens).
  return Object.assign(send, { post, answers, inside: (code) => vm.runInContext(code, context), stop: () => vm.runInContext('importTick.port1.close()', context) });
}

test('the worker builds the records an import stores and hashes as the core does', async () => {
  const send = startWorker();
  assert.equal((await send({ type: 'init', wasm: readFileSync(`${ROOT}www/pkg/klaim_bg.wasm`) })).type, 'ready');
  const text = '"Harga beras akan turun bulan depan," kata Menteri Perdagangan Budi Santoso di Jakarta, Senin.';
  const answer = await send({ type: 'import', docs: [{ id: 'a', name: 'A', text, at: '2026-12-07T00:00:00.000Z', facts: { outlet: 'Kompas' } }] });
  assert.equal(answer.type, 'done', answer.message);
  const [{ doc, claims }] = JSON.parse(answer.json);
  assert.deepEqual([doc.id, doc.name, doc.text, doc.added, doc.outlet, doc.rev, doc.extractor], ['a', 'A', text, '2026-12-07T00:00:00.000Z', 'Kompas', 1, wasm.extractorVersion()]);
  const expected = wasm.extract('a', text, 'codepoint').claims;
  assert.ok(expected.length > 0);
  assert.deepEqual(claims.map((c) => [c.id, c.doc, c.start, c.end, c.origin, c.status, c.rev]),
    expected.map((c, i) => [`a#${i}`, 'a', c.start, c.end, 'extracted', 'pending', 1]));
  const hashes = await send({ type: 'map', fn: 'contentHash', args: [[text], ['x']] });
  assert.deepEqual(hashes.value, [wasm.contentHash(text), wasm.contentHash('x')]);
  send.stop();
});

test('a cancel reaches the worker before the batches asked ahead start: only the one in flight is extracted', async () => {
  const send = startWorker();
  await send({ type: 'init', wasm: readFileSync(`${ROOT}www/pkg/klaim_bg.wasm`) });
  const doc = (id) => ({ id, name: id, text: '"Harga beras turun," kata Budi Santoso.', at: '2026-12-07T00:00:00.000Z', facts: {} });
  // Three batches asked at once (as IMPORT_AHEAD does), then Cancel for all
  // three before the worker gets to run any.
  const ids = ['a', 'b', 'c'].map((id) => send.post({ type: 'import', docs: [doc(id)] }));
  send.post({ type: 'cancel', ids });
  await new Promise((r) => setTimeout(r, 50));
  const answers = ids.map((id) => send.answers.find((m) => m.id === id));
  assert.deepEqual(answers.map((m) => m?.cancelled === true), [true, true, true], 'no batch was extracted after the cancel');
  // Asked again, a batch is extracted as usual.
  const again = await send({ type: 'import', docs: [doc('d')] });
  assert.equal(JSON.parse(again.json)[0].doc.id, 'd');
  // A batch is one document a line, so the page parses it document by document.
  const three = await send({ type: 'import', docs: [doc('e'), doc('f'), doc('g')] });
  assert.equal(three.json.split('\n').length, 5);
  assert.deepEqual(await parseBatch(three.json), JSON.parse(three.json));
  send.stop();
});

test('a held batch whose drop came first is not kept in the writer', async () => {
  const send = startWorker();
  send.post({ type: 'drop', batches: [7] });
  send.post({ type: 'hold', batch: 7, json: '[]' });
  send.post({ type: 'hold', batch: 8, json: '[]' });
  assert.equal(send.inside('[...held.keys()].join()'), '8');
  send.post({ type: 'drop', batches: [8] });
  assert.equal(send.inside('held.size + dropped.size'), 0);
  send.stop();
});

test('a module the worker cannot inline is refused by name', () => {
  const body = "import * as core from '../pkg/klaim.js';\nimport { x } from './bad.js';\n";
  assert.throws(() => workerSource('', body, { 'bad.js': "import { y } from './y.js';\nexport const x = y;\n" }), /bad\.js/);
  assert.throws(() => workerSource('', body, {}), /bad\.js/);
});
