// The library as the linker sees it, kept where the linking runs (a Web
// Worker, or the page when workers are unavailable): documents cross into
// the core's LinkLibrary (wasm) one by one as they change, and the core
// links what it holds when the page asks. Every decision (which claims are
// the same, which numbers disagree, which claimants are one person, which
// fact-checks match, how corrections regroup) is the core's; this only
// forwards the inputs and calls it.
//
// Messages in: {type: 'sync', docs, links, factchecks} (everything),
// {type: 'update', upsert: [doc], remove: [id], links?, factchecks?}, then
// {type: 'run', seq}. Out: {type: 'result', seq, result, ms} or
// {type: 'error', seq, message}.

export class LinkEngine {
  /** `wasm`: the initialised wasm package. */
  constructor(wasm) {
    this.library = new wasm.LinkLibrary();
    this.failure = null;
  }

  /** Applies one message; returns the reply for 'run', else null. */
  handle(msg) {
    try {
      if (msg.type === 'sync') {
        this.library.clear();
        for (const d of msg.docs) this.library.upsert(d);
        this.library.setCorrections(msg.links ?? []);
        this.library.setFactChecks(msg.factchecks ?? []);
        this.failure = null;
      } else if (msg.type === 'update') {
        for (const id of msg.remove ?? []) this.library.remove(id);
        for (const d of msg.upsert ?? []) this.library.upsert(d);
        if (msg.links) this.library.setCorrections(msg.links);
        if (msg.factchecks) this.library.setFactChecks(msg.factchecks);
      } else if (msg.type === 'run') {
        return this.run(msg.seq);
      }
    } catch (e) {
      // Reported with the next run: a document the core refused is named there.
      this.failure = e?.message ?? String(e);
    }
    return null;
  }

  run(seq) {
    if (this.failure) return { type: 'error', seq, message: this.failure };
    const start = performance.now();
    try {
      return { type: 'result', seq, result: this.library.link(), ms: performance.now() - start };
    } catch (e) {
      return { type: 'error', seq, message: e?.message ?? String(e) };
    }
  }
}
