// The records a new document is stored as, built from its extraction: one
// for the document (klaim::project::Document without `claims`) and one per
// claim (klaim::project::AnnotatedClaim plus `doc`), each with `rev` 1.
// Shared by the page (model.js) and the extraction worker (worker.js), which
// builds and stores an import's records off the page's thread: one shape,
// written once. Plain data in, plain data out; no IO.

/**
 * `incoming`: {id, name, text, at (ISO time of adding), facts ({url,
 * published, outlet} the record brought)}; `extraction`: {record
 * (report::Record, code point offsets), read (the facts the text states)};
 * `extractor`: the EXTRACTOR_VERSION that made the claims. Returns {doc,
 * claims}.
 */
export function documentRecords({ id, name, text, at, facts = {} }, { record, read = {} }, extractor) {
  const doc = {
    id, name, text, added: at, edited: at,
    // What the record said wins over what the text says.
    ...Object.fromEntries(['url', 'published', 'outlet'].map((k) => [k, facts[k] || read[k] || null]).filter(([, v]) => v)),
    boilerplate: record.boilerplate, entities: record.entities ?? [], notes: record.notes ?? [],
    // Which extraction rules made the claims: an older one is offered re-extraction (reextract.js).
    extractor,
    rev: 1,
  };
  const claims = record.claims.map((c, i) => ({
    id: `${id}#${i}`, doc: id, ...c,
    origin: 'extracted', status: 'pending', tags: [], note: '', edited: at, rev: 1,
  }));
  return { doc, claims };
}

/** The store changes that add `built` ({doc, claims} of documentRecords). */
export function addedChanges(built) {
  return built.flatMap(({ doc, claims }) => [
    { store: 'documents', key: doc.id, before: null, after: doc },
    ...claims.map((c) => ({ store: 'claims', key: c.id, before: null, after: c })),
  ]);
}
