// The library as the linker sees it, kept where the linking runs (a Web
// Worker, or the page when workers are unavailable): documents arrive one by
// one as they change, and the core links them when the page asks. Every
// decision (which claims are the same, which numbers disagree, which
// claimants are one person, which fact-checks match) is the core's; this
// only holds the inputs and calls it.
//
// Messages in: {type: 'sync', docs, links, factchecks} (everything),
// {type: 'update', upsert: [doc], remove: [id], links?, factchecks?}, then
// {type: 'run', seq}. Out: {type: 'result', seq, result, ms} or
// {type: 'error', seq, message}.

export class LinkEngine {
  /** `wasm`: the initialised wasm package. */
  constructor(wasm) {
    this.wasm = wasm;
    this.docs = new Map();
    this.links = [];
    this.factchecks = [];
  }

  /** Applies one message; returns the reply for 'run', else null. */
  handle(msg) {
    if (msg.type === 'sync') {
      this.docs = new Map(msg.docs.map((d) => [d.id, d]));
      this.links = msg.links ?? [];
      this.factchecks = msg.factchecks ?? [];
    } else if (msg.type === 'update') {
      for (const id of msg.remove ?? []) this.docs.delete(id);
      for (const d of msg.upsert ?? []) this.docs.set(d.id, d);
      if (msg.links) this.links = msg.links;
      if (msg.factchecks) this.factchecks = msg.factchecks;
    } else if (msg.type === 'run') {
      return this.run(msg.seq);
    }
    return null;
  }

  run(seq) {
    const start = performance.now();
    try {
      const documents = [...this.docs.values()];
      const result = this.wasm.link(documents, this.links);
      result.factchecks = this.factchecks.length ? this.wasm.matchFactChecks(documents, this.factchecks) : [];
      return { type: 'result', seq, result, ms: performance.now() - start };
    } catch (e) {
      return { type: 'error', seq, message: e?.message ?? String(e) };
    }
  }
}
