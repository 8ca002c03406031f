// The import of 1,000 articles alone (`node scripts/bench-import.mjs
// [--profile] [--rounds N]`): the same JSON Lines file as `npm run bench`,
// handed to the page's file input, timed until the library lists every
// document and until the save state says saved, with the main thread's long
// tasks (PerformanceObserver 'longtask'). `--profile` also records a CDP
// CPU profile of the page's main thread during the import and prints the
// functions with the most self time, and the long tasks' own top functions.
// A figure per line, not a timed test. Runs against www/ as built by
// scripts/build.sh.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, saved, ROOT } from '../tests/e2e/harness.mjs';
import { benchCorpus } from './bench-corpus.mjs';

const WWW = join(ROOT, 'www');
const samples = readdirSync(join(WWW, 'samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(WWW, 'samples', f), 'utf8'));
const corpus = benchCorpus(samples);
const profile = process.argv.includes('--profile');
const trace = process.argv.includes('--trace');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 1;
const ms = (x) => `${x.toFixed(0)} ms`;
const print = (label, value) => console.log(`${label.padEnd(52)} ${value}`);

for (let round = 0; round < rounds; round++) {
  const browser = await start();
  try {
    const page = await browser.open();
    await saved(page);
    const before = await page.evaluate(() => window.klaimModel.documents.size);
    // For profiling only: the import without the linker following it.
    if (process.env.NOLINKS) await page.evaluate(() => { window.klaimLinks.changed = () => {}; });
    const cdp = profile ? await browser.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const tracer = trace ? await browser.context.newCDPSession(page) : null;
    const events = [];
    if (tracer) {
      tracer.on('Tracing.dataCollected', ({ value }) => events.push(...value));
      await tracer.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    }
    // The extraction worker's own profile, beside the page's (through the
    // page's session: dedicated workers are its auto-attached targets).
    const wcdp = cdp ? await workerSession(cdp) : null;
    if (wcdp) {
      await wcdp.send('Profiler.enable');
      await wcdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await wcdp.send('Profiler.start');
    }
    const figures = await importInPage(page, corpus, before + 1000);
    if (wcdp) {
      const { profile: p } = await wcdp.send('Profiler.stop');
      report(p, 'extraction worker');
    }
    if (tracer) {
      const done = new Promise((resolve) => tracer.once('Tracing.tracingComplete', resolve));
      await tracer.send('Tracing.end');
      await done;
      traceReport(events);
    }
    print(`import of 1,000 articles (${(corpus.length / 1e6).toFixed(1)} MB)`, `${ms(figures.listed)} to listed, ${ms(figures.saved)} to saved`);
    print('  file read and duplicates checked, first listed', `${ms(figures.started)}, ${ms(figures.first)}`);
    print('main-thread tasks over 50 ms during the import', `${figures.long.length}, longest ${ms(Math.max(0, ...figures.long.map((t) => t.duration)))}`);
    if (cdp) {
      const { profile: p } = await cdp.send('Profiler.stop');
      report(p, 'main thread');
    }
  } finally {
    await browser.stop();
  }
}

/**
 * Imports `corpus` through the file input of `page`; resolves to {listed,
 * saved} in ms and the long tasks [{start, duration}] (page clock) once the
 * library holds `expect` documents and the save state says saved.
 */
export async function importInPage(page, corpus, expect) {
  await page.evaluate((text) => { window.__corpus = text; }, corpus);
  return page.evaluate((expect) => new Promise((resolve) => {
    const long = [];
    new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask' });
    const t0 = performance.now();
    const input = document.querySelector('[data-testid=file-input]');
    const files = new DataTransfer();
    files.items.add(new File([window.__corpus], 'bench.jsonl', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    let listed = null;
    let started = null;
    let first = null;
    const rows = document.querySelectorAll('[data-testid=doc-row]').length;
    const poll = () => {
      if (started === null && window.klaimModel.importing > 0) started = performance.now() - t0;
      if (first === null && document.querySelectorAll('[data-testid=doc-row]').length > rows) first = performance.now() - t0;
      if (listed === null && document.querySelectorAll('[data-testid=doc-row]').length >= expect) listed = performance.now() - t0;
      const state = document.querySelector('[data-testid=save-state]').dataset.state;
      if (listed !== null && state === 'saved') {
        // Let the observer deliver the last entries.
        setTimeout(() => resolve({ started, first, listed, saved: performance.now() - t0, long }), 100);
      } else setTimeout(poll, 20);
    };
    poll();
  }), expect);
}

/** Prints the functions of a CDP profile with the most self time and with
 * the most total time (itself and what it called), on the main thread. */
function report(p, thread) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const total = new Map();
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const key = name(byId.get(id));
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(name(byId.get(at)));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + dt);
  });
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`${thread}, self time (ms):`);
  for (const [k, v] of top(self, 25)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
  console.log(`${thread}, total time (ms):`);
  for (const [k, v] of top(total, 25)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
}

/** Sums the main thread's trace events by name: where the time not spent
 * in JavaScript goes (style, layout, paint, IPC, IndexedDB). */
function traceReport(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid);
  const sums = new Map();
  for (const e of mine) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  const layouts = mine.filter((e) => e.name === 'Layout');
  if (layouts.length) {
    const worst = [...layouts].sort((a, b) => b.dur - a.dur).slice(0, 3);
    console.log(`layouts: ${layouts.length}, longest ${worst.map((e) => `${(e.dur / 1000).toFixed(1)} ms (${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects} objects)`).join(', ')}`);
  }
  console.log('main thread trace events, total duration (ms, nested events counted in each):');
  for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
}

/** A session on the page's extraction worker, as {send(method, params)}. */
async function workerSession(cdp) {
  const attached = new Promise((resolve) => {
    const seen = [];
    cdp.on('Target.attachedToTarget', (e) => {
      seen.push(e);
      if (e.targetInfo.type === 'worker' && e.targetInfo.url.startsWith('blob:')) resolve(e.sessionId);
    });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sessionId = await Promise.race([attached, new Promise((r) => setTimeout(() => r(null), 2000))]);
  if (!sessionId) return null;
  let next = 1;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  return {
    send(method, params = {}) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    },
  };
}
