// The import of 1,000 articles alone (`node scripts/bench-import.mjs
// [--profile] [--rounds N]`): the same JSON Lines file as `npm run bench`,
// handed to the page's file input, timed until the library lists every
// document and until the save state says saved, with the main thread's long
// tasks (PerformanceObserver 'longtask'). `--profile` also records CDP CPU
// profiles of the page's thread and the extraction worker during the import
// and prints the functions with the most self and total time; `--trace`
// records a trace of the page's thread and prints its long tasks by thread
// time, what ran inside the longest, and where the time went (layout,
// paint, messages).
// A figure per line, not a timed test. Runs against www/ as built by
// scripts/build.sh.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, saved, ROOT } from '../tests/e2e/harness.mjs';
import { benchCorpus, importInPage, mainTasks, startTrace } from './bench-lib.mjs';

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
    await page.evaluate((text) => { window.__corpus = text; }, corpus);
    // For profiling only: the import without the linker following it.
    if (process.env.NOLINKS) await page.evaluate(() => { window.klaimLinks.changed = () => {}; });
    const cdp = profile ? await browser.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const tracer = trace ? await startTrace(browser.context, page) : null;
    // The extraction worker's own profile, beside the page's (through the
    // page's session: dedicated workers are its auto-attached targets).
    const wcdp = cdp ? await workerSession(cdp) : null;
    if (wcdp) {
      await wcdp.send('Profiler.enable');
      await wcdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await wcdp.send('Profiler.start');
    }
    const figures = await importInPage(page, before + 1000);
    if (wcdp) {
      const { profile: p } = await wcdp.send('Profiler.stop');
      report(p, 'extraction worker');
    }
    if (tracer) traceReport(await tracer.stop());
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

/** Sums the main thread's trace events by name: where the time not spent
 * in JavaScript goes (style, layout, paint, IPC, IndexedDB). */
function traceReport(events) {
  const mine = mainTasks(events);
  const sums = new Map();
  for (const e of mine) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  const layouts = mine.filter((e) => e.name === 'Layout');
  if (layouts.length) {
    const worst = [...layouts].sort((a, b) => b.dur - a.dur).slice(0, 3);
    console.log(`layouts: ${layouts.length}, longest ${worst.map((e) => `${(e.dur / 1000).toFixed(1)} ms (${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects} objects)`).join(', ')}`);
  }
  // On a loaded machine a task's wall time counts the time the thread
  // waited for a core; its thread time (tdur) is what it ran itself.
  const all = mine.filter((e) => e.name === 'RunTask');
  const cpu = all.filter((e) => (e.tdur ?? 0) > 50_000);
  console.log(`tasks over 50 ms of thread time: ${cpu.length}, longest ${(Math.max(0, ...all.map((e) => e.tdur ?? 0)) / 1000).toFixed(0)} ms; over 50 ms of wall time: ${all.filter((e) => e.dur > 50_000).length}`);
  // The longest tasks, with what ran inside them.
  const tasks = all.filter((e) => e.dur > 50_000).sort((a, b) => b.tdur - a.tdur).slice(0, 5);
  for (const task of tasks) {
    const inside = new Map();
    for (const e of mine) {
      if (e === task || e.name === 'RunTask' || e.ts < task.ts || e.ts + (e.dur ?? 0) > task.ts + task.dur) continue;
      const key = e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName ?? ''} ${(e.args?.data?.url ?? '').split('/').pop()}:${e.args?.data?.lineNumber ?? ''}` : e.name;
      inside.set(key, (inside.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    console.log(`long task ${(task.dur / 1000).toFixed(0)} ms (thread ${(task.tdur / 1000).toFixed(0)} ms): ${top}`);
  }
  console.log('main thread trace events, total duration (ms, nested events counted in each):');
  for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
}

