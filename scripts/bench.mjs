// The page benchmark (`npm run bench`): a figure per line, not a timed test.
//
//   - page load to first highlighted claim (fresh profile: includes seeding
//     and extracting the samples; then a warm reload from IndexedDB);
//   - import and extraction of 1,000 articles (one JSON Lines file through the
//     file input, until the library lists them and until they are saved),
//     and the same import stored one record per claim, the layout before
//     bundles (store.js), in a fresh browser just before: their ratio is
//     this run's;
//   - rendering a document with 500 claims;
//   - scrolling the claims table over the whole corpus (20,000+ rows);
//   - the wasm and the whole page, gzipped;
//   - wasm against native extraction throughput on the same corpus (the
//     1,000 articles of the import), alternating round by round: native
//     `klaim bench --records` (one thread, each record written as JSON,
//     timed in the process) against wasm `extractJson` (the same work), then
//     with the JS objects the page holds (JSON.parse of it, or
//     serde-wasm-bindgen objects from `extract`);
//   - the longest main-thread task (PerformanceObserver `longtask`) during
//     the import;
//   - linking 100, 1,000 and 5,000 articles in wasm (the core's `link`, the
//     documents handed over as JS objects), with the growth between sizes:
//     the library is `klaim bench --link-library N` (many stories, two to
//     five outlets each), native figures are `klaim bench --link`.
//
// Articles are built from the five samples, so the figures move with the
// extractor. Runs against www/ as built by scripts/build.sh.
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { start, ROOT, hugeDocument } from '../tests/e2e/harness.mjs';
import { benchCorpus, importInPage, mainTasks, startTrace } from './bench-lib.mjs';

const WWW = join(ROOT, 'www');
const wasm = await import(join(WWW, 'pkg/klaim.js'));
wasm.initSync({ module: readFileSync(join(WWW, 'pkg/klaim_bg.wasm')) });
const samples = readdirSync(join(WWW, 'samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(WWW, 'samples', f), 'utf8'));

const ms = (x) => `${x.toFixed(0)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const print = (label, value) => console.log(`${label.padEnd(52)} ${value}`);

// Sizes.
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const pageFiles = ['index.html', 'style.css', 'pkg/klaim.js', 'pkg/klaim_bg.wasm',
  ...readdirSync(join(WWW, 'js')).filter((f) => f.endsWith('.js')).map((f) => `js/${f}`)];
const wasmRaw = readFileSync(join(WWW, 'pkg/klaim_bg.wasm')).length;
print('wasm (wasm-opt -Oz)', `${kb(wasmRaw)}, gzipped ${kb(gz(join(WWW, 'pkg/klaim_bg.wasm')))}`);
const pageRaw = pageFiles.reduce((n, f) => n + readFileSync(join(WWW, f)).length, 0);
const pageGz = pageFiles.reduce((n, f) => n + gz(join(WWW, f)), 0);
print(`whole page (${pageFiles.length} files, without samples)`, `${kb(pageRaw)}, gzipped ${kb(pageGz)}`);
if (existsSync(join(ROOT, 'dist/klaim.html'))) print('dist/klaim.html', `gzipped ${kb(gz(join(ROOT, 'dist/klaim.html')))}`);

// Corpora.
const corpus = benchCorpus(samples);
// Wasm against native, same documents, one run (the machine is shared:
// the ratio means more than either figure). Not in `jstep` mode.
if (process.argv[2] !== 'jstep') {
  const docs = corpus.split('\n').map((line) => JSON.parse(line));
  const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / (1 << 20);
  const dir = mkdtempSync(join(tmpdir(), 'klaim-bench-'));
  writeFileSync(join(dir, 'corpus.jsonl'), corpus);
  const klaim = join(ROOT, 'target/release/klaim');
  // Like with like: native `klaim bench --records` extracts each document
  // and writes its record as one JSON text on one thread, timed inside the
  // process after reading the file; wasm `extractJson` does the same work
  // here. The sides alternate round by round, so both see the same load;
  // best of ROUNDS each. The JS-objects lines add what the page pays to
  // hold the result as objects: JSON.parse of that text, or
  // serde-wasm-bindgen objects built field by field (`extract`).
  const ROUNDS = 5;
  const wasmTime = (f) => {
    const t = performance.now();
    f();
    return (performance.now() - t) / 1000;
  };
  const sides = {
    native: () => {
      const run = spawnSync(klaim, ['bench', '--rounds', '1', '--records', join(dir, 'corpus.jsonl')], { maxBuffer: 1 << 30 });
      if (run.status !== 0) throw new Error(`klaim bench --records: ${run.stderr}`);
      return JSON.parse(run.stdout.toString()).seconds;
    },
    json: () => wasmTime(() => { for (const d of docs) wasm.extractJson(d.id, d.text, 'codepoint'); }),
    parsed: () => wasmTime(() => { for (const d of docs) JSON.parse(wasm.extractJson(d.id, d.text, 'codepoint')); }),
    objects: () => wasmTime(() => { for (const d of docs) wasm.extract(d.id, d.text, 'codepoint'); }),
  };
  const best = Object.fromEntries(Object.keys(sides).map((k) => [k, Infinity]));
  for (let r = 0; r < ROUNDS; r++) for (const [k, f] of Object.entries(sides)) best[k] = Math.min(best[k], f());
  const rate = (s) => `${(mb / s).toFixed(1)} MB/s`;
  const of = (s) => `${rate(s)}, ${(100 * best.native / s).toFixed(0)}% of native`;
  print(`native klaim bench --records, one thread (${mb.toFixed(1)} MB)`, rate(best.native));
  print('wasm extractJson, the same work', of(best.json));
  print('wasm extractJson + JSON.parse (JS objects)', of(best.parsed));
  print('wasm extract, serde-wasm-bindgen objects', of(best.objects));

  // Linking in wasm, one run per size (as `klaim bench --link` does natively),
  // after one untimed run of the smallest (the first call also compiles the
  // linker's code: 0.8 s against 0.1 s once warm).
  const linkLibrary = (n) => {
    const run = spawnSync(klaim, ['bench', '--link-library', String(n)], { maxBuffer: 1 << 30 });
    if (run.status !== 0) throw new Error(`klaim bench --link-library: ${run.stderr}`);
    return run.stdout.toString().trim().split('\n').map((line) => JSON.parse(line));
  };
  wasm.link(linkLibrary(100), undefined);
  let previous = null;
  for (const n of [100, 1000, 5000]) {
    const library = linkLibrary(n);
    const claims = library.reduce((k, d) => k + d.claims.length, 0);
    const t = performance.now();
    const links = wasm.link(library, undefined);
    const secs = (performance.now() - t) / 1000;
    const growth = previous ? `, x${(secs / previous.secs).toFixed(1)} time for x${(n / previous.n).toFixed(0)} articles` : '';
    print(`wasm link ${n} articles (${claims} claims)`, `${secs.toFixed(2)} s, ${links.groups.length} groups${growth}`);
    previous = { n, secs };
  }
}

let big = '';
let n500 = 0;
for (let i = 0; n500 < 500; i++) {
  big += (big ? '\n' : '') + samples[i % 5];
  n500 = wasm.extract('big', big, 'utf16').claims.length;
}

/** One `j` step in the 1.9 MB document: keydown until two frames later. */
async function jStep(browser) {
  const page = await browser.open();
  await page.waitForFunction(() => document.querySelector('[data-testid=save-state]').dataset.state === 'saved');
  const text = hugeDocument(samples);
  await page.evaluate((text) => {
    const box = document.querySelector('[data-testid=paste-input]');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('[data-testid=paste-name]').value = 'raksasa';
    document.querySelector('[data-testid=paste-add]').click();
  }, text);
  await page.waitForSelector('.doc-title >> text=raksasa', { timeout: 600_000 });
  await page.waitForSelector('[data-testid=claim-row]', { timeout: 600_000 });
  const claims = await page.evaluate(() => Number(document.querySelector('#claim-list .list-title')?.textContent.match(/\d+/)?.[0]));
  await page.locator('[data-testid=claim-row]').first().click();
  const steps = [];
  for (let i = 0; i < 5; i++) {
    steps.push(await page.evaluate(() => new Promise((resolve) => {
      const t = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)));
    })));
  }
  steps.sort((a, b) => a - b);
  print(`j step in a ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB document (${claims} claims), median of 5`, ms(steps[2]));
  await page.close();
}

/** The 1,000-article import in a fresh browser, stored one record per
 * claim as before bundles (Model.bulk false): {listed, saved} in ms. */
async function recordsLayout() {
  const other = await start({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await other.open();
    await page.waitForFunction(() => document.querySelector('[data-testid=save-state]').dataset.state === 'saved');
    await page.evaluate((text) => { window.__corpus = text; window.klaimModel.bulk = false; }, corpus);
    return await importInPage(page, 1005);
  } finally {
    await other.stop();
  }
}

const browser = await start({ viewport: { width: 1440, height: 900 } });
try {
  // `node scripts/bench.mjs jstep`: only the 1.9 MB document's j step.
  if (process.argv[2] === 'jstep') {
    await jStep(browser);
    await browser.stop();
    process.exit(0);
  }
  // Page load to first highlighted claim.
  let page = await browser.open();
  const firstCold = await page.evaluate(() => performance.getEntriesByName('klaim:first-highlight')[0]?.startTime);
  await page.waitForFunction(() => document.querySelector('[data-testid=save-state]').dataset.state === 'saved');
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('klaim:first-highlight').length > 0);
  const firstWarm = await page.evaluate(() => performance.getEntriesByName('klaim:first-highlight')[0].startTime);
  print('page load to first highlighted claim (first open)', ms(firstCold));
  print('page load to first highlighted claim (reload)', ms(firstWarm));

  // Import and extraction of 1,000 articles, watching the main thread.
  // The file is handed to the page's input as a user's pick would be; built
  // in the page from a string, because playwright's setInputFiles decodes
  // 5 MB of base64 in one 4 s task of its own that would count as ours.
  const before = await recordsLayout();
  await page.evaluate((text) => { window.__corpus = text; }, corpus);
  const tracer = await startTrace(browser.context, page);
  const imported = await importInPage(page, 1005);
  const tasks = mainTasks(await tracer.stop()).filter((e) => e.name === 'RunTask');
  print(`import + extraction of 1,000 articles (${(corpus.length / 1e6).toFixed(1)} MB)`, `${ms(imported.listed)} to listed, ${ms(imported.saved)} to saved`);
  print('  the same, stored one record per claim (before bundles)', `${ms(before.listed)} to listed, ${ms(before.saved)} to saved; saved x${(before.saved / imported.saved).toFixed(2)}`);
  const long = imported.long.map((t) => t.duration);
  print('main-thread tasks over 50 ms during the import', `${long.length}, longest ${ms(Math.max(0, ...long))}`);
  // A loaded machine makes tasks wait for a core; their thread time is what
  // the page itself ran (a trace's tdur).
  const ran = tasks.map((e) => (e.tdur ?? 0) / 1000);
  print('  the same by thread time (trace)', `${ran.filter((x) => x > 50).length}, longest ${ms(Math.max(0, ...ran))}`);
  const claims = await page.evaluate(() => window.klaimModel.claims.size);

  // One annotation in the big library: accept a claim, until the next frame
  // (the library, document and details views all refresh).
  await page.evaluate(() => { location.hash = '#/doc/000_bef3302d05d81497'; });
  await page.locator('[data-testid=claim-row]').first().click();
  const accept = await page.evaluate(() => new Promise((resolve) => {
    const t = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)));
  }));
  print('accept a claim with 1,005 documents in the library', ms(accept));

  // Rendering a document with 500 claims.
  await page.setInputFiles('[data-testid=file-input]', { name: 'besar.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
  await page.waitForSelector('.doc-title >> text=besar');
  const bigId = await page.evaluate(() => decodeURIComponent(location.hash.split('/')[2]));
  const render = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => { location.hash = '#/doc/000_bef3302d05d81497'; });
    await page.waitForSelector('.doc-title >> text=Kontan');
    render.push(await page.evaluate((id) => new Promise((resolve) => {
      const t = performance.now();
      location.hash = `#/doc/${encodeURIComponent(id)}`;
      // Two frames: the highlights are painted once the second begins.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)));
    }), bigId));
  }
  const rows = await page.locator('[data-testid=claim-row]').count();
  render.sort((a, b) => a - b);
  print(`render a document with ${rows} claims (${kb(big.length)}), median of 5`, ms(render[2]));

  // Scrolling the claims table.
  await page.evaluate(() => { location.hash = '#/table'; });
  await page.waitForSelector('[data-testid=table-row]');
  const scroll = await page.evaluate(() => new Promise((resolve) => {
    // Long animation frames (over 50 ms, Chrome's LoAF) are the ones a
    // user feels as jank; the frame intervals include headless compositing.
    const long = [];
    new PerformanceObserver((list) => long.push(...list.getEntries())).observe({ type: 'long-animation-frame' });
    const scroller = document.querySelector('[data-testid=table-scroller]');
    const frames = [];
    let last = performance.now();
    let step = 0;
    const total = Number(document.querySelector('[data-testid=table-count]').textContent.match(/\d+/)[0]);
    const tick = () => {
      const now = performance.now();
      frames.push(now - last);
      last = now;
      if (step++ >= 240) {
        frames.sort((a, b) => a - b);
        resolve({ total, long: long.length, median: frames[frames.length >> 1], p95: frames[Math.floor(frames.length * 0.95)], max: frames.at(-1), dom: document.querySelectorAll('[data-testid=table-row]').length });
        return;
      }
      scroller.scrollTop += step % 40 === 0 ? 50_000 : 700; // Mostly a fling, now and then a jump.
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  print(`scroll the claims table, ${scroll.total} rows, 240 frames`, `frame median ${ms(scroll.median)}, p95 ${ms(scroll.p95)}, max ${ms(scroll.max)}; ${scroll.long} frames over 50 ms; ${scroll.dom} rows in the DOM`);
  const sort = await page.evaluate(() => new Promise((resolve) => {
    const t = performance.now();
    document.querySelector('[data-testid=sort-claimant]').click();
    requestAnimationFrame(() => resolve(performance.now() - t));
  }));
  print('sort the claims table by claimant', ms(sort));
  // Filtering, one keystroke at a time ("k", "ki", ... "kirby"): each is the
  // time from the input event to the next frame; the worst is reported.
  const filter = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid=filter-text]');
    const times = [];
    for (const q of ['k', 'ki', 'kir', 'kirb', 'kirby']) {
      const t = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      times.push(performance.now() - t);
    }
    return { ms: Math.max(...times), all: times.map((x) => x.toFixed(0)).join(', '), shown: document.querySelector('[data-testid=table-count]').textContent };
  });
print('filter the claims table, keystrokes "k" to "kirby"', `worst ${ms(filter.ms)} (each: ${filter.all} ms; ${filter.shown})`);
  await jStep(browser);
  if (browser.errors.length) console.log('page errors:', browser.errors);
  void claims;
} finally {
  await browser.stop();
}
