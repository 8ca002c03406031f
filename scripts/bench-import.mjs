// The import of 1,000 articles alone (`node scripts/bench-import.mjs
// [--profile] [--rounds N]`): the same JSON Lines file as `npm run bench`,
// handed to the page's file input, timed until the library lists every
// document and until the save state says saved, with the main thread's long
// tasks (PerformanceObserver 'longtask'). `--profile` also records CDP CPU
// profiles of the page's thread and the extraction worker during the import
// and prints the functions with the most self and total time; `--trace`
// records a trace of the page's thread and prints its long tasks by thread
// time, what ran inside the longest, and where the time went (layout,
// paint, messages). `--layout records` stores the import one record per
// claim, the layout before bundles (store.js); `--compare` runs both layouts
// in turn in each round, so their figures come from one run.
// A figure per line, not a timed test. Runs against www/ as built by
// scripts/build.sh.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const layoutArg = process.argv.includes('--layout') ? process.argv[process.argv.indexOf('--layout') + 1] : 'bundles';
const layouts = process.argv.includes('--compare') ? ['records', 'bundles'] : [layoutArg];
const ms = (x) => `${x.toFixed(0)} ms`;
const print = (label, value) => console.log(`${label.padEnd(52)} ${value}`);

for (let run = 0; run < rounds * layouts.length; run++) {
  const layout = layouts[run % layouts.length];
  const profileDir = mkdtempSync(join(tmpdir(), 'klaim-bench-import-'));
  const browser = await start({ profileDir });
  try {
    const page = await browser.open();
    await saved(page);
    const before = await page.evaluate(() => window.klaimModel.documents.size);
    await page.evaluate((text) => { window.__corpus = text; }, corpus);
    // For profiling only: the import without the linker following it.
    if (process.env.NOLINKS) await page.evaluate(() => { window.klaimLinks.changed = () => {}; });
    if (layout === 'records') await page.evaluate(() => { window.klaimModel.bulk = false; });
    const cdp = profile ? await browser.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const tracer = trace ? await startTrace(browser.context, page) : null;
    // The extraction worker's own profile, beside the page's (through the
    // page's session: dedicated workers are its auto-attached targets).
    const workers = cdp ? await workerSessions(cdp) : [];
    for (const w of workers) {
      await w.send('Profiler.enable');
      await w.send('Profiler.setSamplingInterval', { interval: 200 });
      await w.send('Profiler.start');
    }
    const cpuBefore = threadTimes(profileDir);
    const figures = await importInPage(page, before + 1000);
    const cpuAfter = threadTimes(profileDir);
    for (const w of workers) report((await w.send('Profiler.stop')).profile, `worker ${w.name}`);
    if (tracer) traceReport(await tracer.stop());
    print(`import of 1,000 articles (${(corpus.length / 1e6).toFixed(1)} MB), ${layout === 'records' ? 'one record per claim' : 'bundles'}`, `${ms(figures.listed)} to listed, ${ms(figures.saved)} to saved`);
    print('  file read and duplicates checked, first listed', `${ms(figures.started)}, ${ms(figures.first)}`);
    print('CPU time during the import, by thread (ms)', cpuReport(cpuBefore, cpuAfter));
    print('main-thread tasks over 50 ms during the import', `${figures.long.length}, longest ${ms(Math.max(0, ...figures.long.map((t) => t.duration)))}`);
    if (cdp) {
      const { profile: p } = await cdp.send('Profiler.stop');
      report(p, 'main thread');
    }
  } finally {
    await browser.stop();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** CPU time (user + system, ms) of every thread of the browser started on
 * `profileDir`, from /proc: {`process type/thread name`: ms}. Unlike wall
 * time it does not grow when other work on the machine takes the cores. */
function threadTimes(profileDir) {
  const times = {};
  const tick = 1000 / 100; // USER_HZ is 100 on Linux.
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let args;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    } catch { continue; }
    if (!args.some((a) => a.includes(profileDir)) && !args.some((a) => a.startsWith('--type=') && isChild(pid, profileDir))) continue;
    const type = (args.find((a) => a.startsWith('--type=')) ?? '--type=browser').slice(7);
    let tids;
    try { tids = readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // Each worker apart (they share a thread name).
        const key = name === 'DedicatedWorker' ? `${type}/${name} ${tid}` : `${type}/${name}`;
        times[`${key}#${pid}/${tid}`] = { key, ms: (Number(fields[11]) + Number(fields[12])) * tick };
      } catch { /* the thread ended */ }
    }
  }
  return times;
}

/** Whether process `pid` descends from the browser on `profileDir`. */
function isChild(pid, profileDir) {
  for (let at = pid, n = 0; at && at !== '1' && n < 6; n++) {
    try {
      at = readFileSync(`/proc/${at}/stat`, 'utf8').split(') ')[1].split(' ')[1];
      if (readFileSync(`/proc/${at}/cmdline`, 'utf8').includes(profileDir)) return true;
    } catch { return false; }
  }
  return false;
}

/** The threads that ran more than 20 ms between two threadTimes. */
function cpuReport(before, after) {
  const sums = new Map();
  for (const [id, { key, ms }] of Object.entries(after)) sums.set(key, (sums.get(key) ?? 0) + ms - (before[id]?.ms ?? 0));
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  return `${total.toFixed(0)} in all; ` + [...sums].filter(([, v]) => v > 20).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
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
  const busy = [...self].filter(([k]) => !k.startsWith('(idle)')).reduce((n, [, v]) => n + v, 0);
  console.log(`${thread}: busy ${busy.toFixed(0)} ms of ${[...self].reduce((n, [, v]) => n + v, 0).toFixed(0)} ms sampled`);
  console.log(`${thread}, self time (ms):`);
  for (const [k, v] of top(self, 12)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
  console.log(`${thread}, total time (ms):`);
  for (const [k, v] of top(total, 15)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
}

/** Sessions on the page's workers built from a Blob (the extraction worker
 * and its writer), as [{name, send(method, params)}]. */
async function workerSessions(cdp) {
  const found = [];
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker' && e.targetInfo.url.startsWith('blob:')) found.push(e);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((r) => setTimeout(r, 1000));
  let next = 1;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    waiting.get(`${e.sessionId}/${m.id}`)?.(m.result);
    waiting.delete(`${e.sessionId}/${m.id}`);
  });
  return found.map(({ sessionId, targetInfo }) => ({
    name: targetInfo.title,
    send(method, params = {}) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(`${sessionId}/${id}`, resolve);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    },
  }));
}
