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
import { workerImports, workerSource } from '../../www/js/extractor.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (rel) => readFileSync(`${ROOT}www/${rel}`, 'utf8');
const wasm = await import(`${ROOT}www/pkg/klaim.js`);
wasm.initSync({ module: readFileSync(`${ROOT}www/pkg/klaim_bg.wasm`) });

/** The worker in a vm context: send(message) resolves to its answer. */
function startWorker() {
  const body = read('js/worker.js');
  const modules = Object.fromEntries(workerImports(body).map(({ file }) => [file, read(`js/${file}`)]));
  const answers = [];
  const self = { location: { href: 'blob:worker' }, postMessage: (m) => answers.push(m) };
  const context = vm.createContext({ self, TextDecoder, TextEncoder, WebAssembly, console });
  new vm.Script(workerSource(read('pkg/klaim.js'), body, modules), { filename: 'worker.js' }).runInContext(context);
  let id = 0;
  return (message) => {
    answers.length = 0;
    context.self.onmessage({ data: { ...message, id: ++id } });
    return answers[0];
  };
}

test('the worker builds the records an import stores and hashes as the core does', () => {
  const send = startWorker();
  assert.equal(send({ type: 'init', wasm: readFileSync(`${ROOT}www/pkg/klaim_bg.wasm`) }).type, 'ready');
  const text = '"Harga beras akan turun bulan depan," kata Menteri Perdagangan Budi Santoso di Jakarta, Senin.';
  const answer = send({ type: 'import', docs: [{ id: 'a', name: 'A', text, at: '2026-12-07T00:00:00.000Z', facts: { outlet: 'Kompas' } }] });
  assert.equal(answer.type, 'done', answer.message);
  const [{ doc, claims }] = JSON.parse(answer.json);
  assert.deepEqual([doc.id, doc.name, doc.text, doc.added, doc.outlet, doc.rev, doc.extractor], ['a', 'A', text, '2026-12-07T00:00:00.000Z', 'Kompas', 1, wasm.extractorVersion()]);
  const expected = wasm.extract('a', text, 'codepoint').claims;
  assert.ok(expected.length > 0);
  assert.deepEqual(claims.map((c) => [c.id, c.doc, c.start, c.end, c.origin, c.status, c.rev]),
    expected.map((c, i) => [`a#${i}`, 'a', c.start, c.end, 'extracted', 'pending', 1]));
  const hashes = send({ type: 'map', fn: 'contentHash', args: [[text], ['x']] });
  assert.deepEqual(hashes.value, [wasm.contentHash(text), wasm.contentHash('x')]);
});

test('a module the worker cannot inline is refused by name', () => {
  const body = "import * as core from '../pkg/klaim.js';\nimport { x } from './bad.js';\n";
  assert.throws(() => workerSource('', body, { 'bad.js': "import { y } from './y.js';\nexport const x = y;\n" }), /bad\.js/);
  assert.throws(() => workerSource('', body, {}), /bad\.js/);
});
