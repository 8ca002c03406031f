// What the benchmarks of the import share (`npm run bench`,
// scripts/bench-import.mjs): the 1,000 articles, the import through the file
// input, and a trace of the page's thread.

/** The 1,000 articles the benchmarks import: one JSON Lines text. Article
 * i is two of the five samples back to back with a line of its own, so none
 * repeat (the duplicate check would skip a repeat). */
export function benchCorpus(samples, n = 1000) {
  const article = (i) => `${samples[i % 5]}\n${samples[(i + 2) % 5]}\nBerita nomor ${i + 1} dari arsip.`;
  return Array.from({ length: n }, (_, i) => JSON.stringify({ id: `bench-${i}`, title: `Artikel ${i + 1}`, text: article(i) })).join('\n');
}

/**
 * Imports `window.__corpus` (set beforehand: handing 5 MB to the page is a
 * long task of the harness's own) through the file input of `page`;
 * resolves to {started, first, listed, saved} in ms (the import began
 * after the file was read and checked for duplicates; the first row was
 * listed; all were; all were saved) and the long tasks [{start, duration}] (page clock) once the
 * library holds `expect` documents and the save state says saved.
 */
export async function importInPage(page, expect) {
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
    // The list draws only the rows in view; `data-count` is how many it lists.
    const listedNow = () => Number(document.querySelector('[data-testid=doc-list]').dataset.count ?? 0);
    const rows = listedNow();
    const poll = () => {
      if (started === null && window.klaimModel.importing > 0) started = performance.now() - t0;
      if (first === null && listedNow() > rows) first = performance.now() - t0;
      if (listed === null && listedNow() >= expect) listed = performance.now() - t0;
      const state = document.querySelector('[data-testid=save-state]').dataset.state;
      if (listed !== null && state === 'saved') {
        // Let the observer deliver the last entries.
        setTimeout(() => resolve({ started, first, listed, saved: performance.now() - t0, long }), 100);
      } else setTimeout(poll, 20);
    };
    poll();
  }), expect);
}


/** Starts a trace of the page's thread; `stop()` resolves to its events. */
export async function startTrace(context, page) {
  const tracer = await context.newCDPSession(page);
  const events = [];
  tracer.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await tracer.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise((resolve) => tracer.once('Tracing.tracingComplete', resolve));
      await tracer.send('Tracing.end');
      await done;
      return events;
    },
  };
}

/** The page's main-thread tasks of a trace: [{ts, dur, tdur}] in µs, where
 * tdur is the thread time (what the task ran itself) and dur the wall time,
 * which on a loaded machine also counts the wait for a core. */
export function mainTasks(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid);
}
