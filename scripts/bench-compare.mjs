// Opening the compare view (Bandingkan) on a library of 1,000 articles
// (`klaim bench --link`'s, so target/release/klaim must be built)
// (user test 5 #9: 12.4 s and an 870 ms task at load 19): the library is
// imported, the page reloaded (a fresh load, as a user comes back to it),
// then the click on Bandingkan, timed until the groups are listed and the
// links settled; the main thread's long tasks (PerformanceObserver
// `longtask`) from the click on, and, with `--trace`, the page's tasks
// longer than 50 ms by thread time with what ran in them (CDP trace).
// Then one claim is rejected: the time until the groups are settled again.
//
//   node scripts/bench-compare.mjs [--trace]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { start, ROOT, saved } from '../tests/e2e/harness.mjs';
import { importInPage, mainTasks, startTrace } from './bench-lib.mjs';

const trace = process.argv.includes('--trace');
// The library of `klaim bench --link` (many stories, two to five outlets
// each): the import's corpus (the samples twice over in each article) has
// no term rare enough to group anything at 1,000 articles.
const N = 1000;
const made = spawnSync(join(ROOT, 'target/release/klaim'), ['bench', '--link-library', String(N)], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (made.status !== 0) throw new Error(`klaim bench --link-library: ${made.stderr}`);
const corpus = made.stdout.trim().split('\n').map((line) => {
  const d = JSON.parse(line);
  return JSON.stringify({ id: d.id, title: d.id, text: d.text, outlet: d.outlet ?? undefined });
}).join('\n');
const print = (label, value) => console.log(`${label.padEnd(52)} ${value}`);

const browser = await start({ viewport: { width: 1400, height: 900 } });
try {
  let page = await browser.open();
  await saved(page);
  await page.evaluate((c) => { window.__corpus = c; }, corpus);
  await importInPage(page, N + 5);
  console.error('imported');
  await page.reload();
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  await saved(page);
  // The links of the loaded library are on their way: as a user who
  // clicks at once, the click does not wait for them.
  const tracer = trace ? await startTrace(browser.context, page) : null;
  const opened = await page.evaluate(() => new Promise((resolve) => {
    const long = [];
    new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask' });
    const t0 = performance.now();
    document.querySelector('[data-testid=nav-compare]').click();
    let listed = null;
    const poll = () => {
      const items = document.querySelectorAll('[data-testid=group-item]').length;
      if (listed === null && items > 0) listed = performance.now() - t0;
      if ((items > 0 && window.klaimLinks.state === 'idle') || performance.now() - t0 > 120_000) {
        setTimeout(() => resolve({ listed, settled: performance.now() - t0, status: document.querySelector('[data-testid=compare-status]').textContent, long }), 200);
      } else setTimeout(poll, 20);
    };
    poll();
  }));
  console.error('opened');
  print('compare: click to groups listed', `${(opened.listed / 1000).toFixed(2)} s (${opened.status})`);
  print('compare: click to links settled', `${(opened.settled / 1000).toFixed(2)} s`);
  print('compare: long tasks (ms)', opened.long.length ? `${opened.long.length}: ${opened.long.join(', ')}` : 'none');
  // One claim rejected from the compare view's first group's document.
  const again = await page.evaluate(() => new Promise((resolve) => {
    const long = [];
    new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask' });
    const links = window.klaimLinks;
    const answers = links.answers ?? 0;
    const id = document.querySelector('[data-testid=group-item]').dataset.claims.split(' ')[0];
    const t0 = performance.now();
    window.klaimModel.editClaim(id, { status: 'rejected' });
    const poll = () => {
      if (((links.answers ?? 0) > answers && links.state === 'idle') || performance.now() - t0 > 120_000) setTimeout(() => resolve({ ms: performance.now() - t0, long, run: links.ms }), 200);
      else setTimeout(poll, 20);
    };
    poll();
  }));
  print('a claim rejected: to links settled', `${(again.ms / 1000).toFixed(2)} s (link run ${Math.round(again.run ?? 0)} ms)`);
  print('a claim rejected: long tasks (ms)', again.long.length ? `${again.long.length}: ${again.long.join(', ')}` : 'none');
  if (tracer) {
    const events = await tracer.stop();
    const tasks = mainTasks(events).filter((e) => e.name === 'RunTask' && (e.tdur ?? e.dur) > 50_000);
    for (const task of tasks) {
      const inside = events.filter((e) => e.ph === 'X' && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task && e.dur > 5_000);
      const what = inside.map((e) => `${e.name}${e.args?.data?.functionName ? `:${e.args.data.functionName}` : ''}${e.args?.data?.url ? `@${e.args.data.url.split('/').pop()}:${e.args.data.lineNumber ?? ''}` : ''} ${(e.dur / 1000).toFixed(0)}`).slice(0, 12);
      print(`  task ${(task.dur / 1000).toFixed(0)} ms (thread ${((task.tdur ?? task.dur) / 1000).toFixed(0)} ms)`, what.join(' | '));
    }
  }
} finally {
  await browser.stop();
}
