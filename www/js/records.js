// The store changes that add new documents' records. The records themselves
// (the document, and one per claim, each with `rev` 1) are built by the core
// (wasm `importRecords`, klaim::stored), for the worker and the page alike:
// one shape, written once. Plain data in, plain data out; no IO.

/** The store changes that add `built` ([{doc, claims}] of importRecords). */
export function addedChanges(built) {
  return built.flatMap(({ doc, claims }) => [
    { store: 'documents', key: doc.id, before: null, after: doc },
    ...claims.map((c) => ({ store: 'claims', key: c.id, before: null, after: c })),
  ]);
}
