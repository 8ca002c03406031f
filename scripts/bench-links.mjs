// The links across the library in the page (`node scripts/bench-links.mjs
// [N...]`): for libraries of N articles (default 100 and 400, built from the
// five samples with their numbers changed so none repeat), the time until
// the page holds new links after a note is edited, a claim is rejected and a
// document is added, the worker's share of it, and the longest task the
// page's own thread ran meanwhile (PerformanceObserver 'longtask': tasks
// over 50 ms; none means the page never froze). A figure per line, not a
// timed test. Runs against www/ as built by scripts/build.sh.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, saved, ROOT } from '../tests/e2e/harness.mjs';

const WWW = join(ROOT, 'www');
const samples = readdirSync(join(WWW, 'samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(WWW, 'samples', f), 'utf8'));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const print = (label, value) => console.log(`${label.padEnd(60)} ${value}`);

for (const n of sizes.length ? sizes : [100, 400]) {
  const s = await start();
  try {
    const page = await s.open();
    await saved(page);
    const incoming = Array.from({ length: n }, (_, i) => ({
      name: `artikel ${i}`,
      text: samples[i % samples.length].replace(/\d+(?:\.\d+)?/g, (d) => String(Number(d.replace('.', '')) + 1 + Math.floor(i / samples.length))),
    }));
    await page.evaluate((docs) => window.klaimModel.addDocuments(docs), incoming);
    await page.waitForFunction(() => window.klaimLinks.result && window.klaimLinks.state === 'idle', null, { timeout: 600_000 });
    const first = await page.evaluate(() => window.klaimLinks.ms);
    const docs = n + 5;
    print(`${docs} articles: first link (worker)`, `${first.toFixed(0)} ms`);
    // Three changes, each timed until the page holds the new result: a
    // note (the linker does not read it: the kept result comes back), a
    // claim rejected (the linker reads it) and one document added.
    const changes = [
      ['a note edited', 'note'],
      ['a claim rejected', 'reject'],
      ['a document added', 'add'],
    ];
    for (const [label, kind] of changes) {
      const figures = await page.evaluate(async ({ kind, text }) => {
        const long = [];
        const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => e.duration)));
        observer.observe({ type: 'longtask', buffered: false });
        const links = window.klaimLinks;
        const model = window.klaimModel;
        const before = links.answers;
        const claims = [...model.claims.values()].filter((c) => c.doc !== '000_bef3302d05d81497' && c.status !== 'rejected');
        const claim = claims[Math.floor(claims.length / 2)];
        const t0 = performance.now();
        if (kind === 'note') model.editClaim(claim.id, { note: 'bench' }, ['op.note']);
        else if (kind === 'reject') model.editClaim(claim.id, { status: 'rejected' }, ['op.status']);
        else model.addDocuments([{ name: 'tambahan', text }]);
        const edit = performance.now() - t0;
        await new Promise((resolve) => { const check = () => (links.answers !== before && links.state === 'idle' ? resolve() : setTimeout(check, 5)); check(); });
        const total = performance.now() - t0;
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        return { edit, total, worker: links.ms, longest: long.length ? Math.max(...long) : 0, groups: links.result.groups.length, inWorker: links.inWorker };
      }, { kind, text: `${samples[1]}\n\nTambahan ${n}.` });
      print(`${docs} articles: ${label}, until the groups are new`, `${figures.total.toFixed(0)} ms (250 ms settle + worker ${figures.worker.toFixed(0)} ms)`);
      print(`${docs} articles: ${label}, on the page's thread`, `${figures.edit.toFixed(1)} ms`);
      print(`${docs} articles: ${label}, longest task on the page's thread meanwhile`, figures.longest ? `${figures.longest.toFixed(0)} ms` : 'none over 50 ms');
      print(`${docs} articles: groups, linked in a worker`, `${figures.groups}, ${figures.inWorker}`);
    }
  } finally {
    await s.stop();
  }
}
