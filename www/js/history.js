// The undo history kept across reloads (issue 9): the model's undo and redo
// stacks go into the meta record `history` in the same transaction as the
// change they record, so a step shown as done can be undone after a reload.
//
// Bounded: the most recent steps whose record changes add up to at most
// MAX_CHANGES (a re-extraction of a large library is one step per batch; a
// step larger than the bound alone stays undoable until the page closes).
// An import on the undo stack is kept by its documents' ids (`imported`),
// counted one per document: its records are the library's own until it is
// undone, so a reload rebuilds the step from them. Undone (on the redo
// stack), its records are no longer the library's: each document's are kept
// in a meta record of their own, `redo/<document id>` ({doc, claims}),
// written in the same transaction as the undo and deleted in the redo's (or
// in the first write after the step left the redo stack), so a reload
// rebuilds the redo step from them, and the history itself stays small.
// With `written` (the revs this tab wrote, for the records in the history),
// undo after a reload still refuses a record another tab changed since.
// One history per library: with two tabs open, the last to write wins.

export const HISTORY_KEY = 'history';
/** The meta keys of an undone import's documents (see above). */
export const REDO_PREFIX = 'redo/';
const MAX_STEPS = 100;
const MAX_CHANGES = 2000;

/**
 * The meta records that store `model`'s history as it is now: the history
 * record, then the `redo/` records of the undone imports it holds that are
 * not stored yet, and deletions of those stored that it no longer holds.
 * `kept`: the documents whose `redo/` records are stored once these are
 * written (the model's `redoKept` after the write).
 */
export function historyRecords(model) {
  const undo = recent(model.undoStack, true).map((op) => (op.imported ? byIds(op) : op));
  const redoSteps = recent(model.redoStack, true);
  const redo = redoSteps.map((op) => (op.imported ? byIds(op) : op));
  const written = {};
  const note = (key) => {
    if (model.written.has(key)) written[key] = model.written.get(key) ?? null;
  };
  for (const op of [...undo, ...redo]) {
    // An import's claims are kept as written when they are still at the
    // rev an import gives (restoreHistory); its documents are noted.
    if (op.imported && !op.changes) op.imported.forEach((id) => note(`documents/${id}`));
    else for (const c of op.changes) note(`${c.store}/${c.key}`);
  }
  const records = [{ store: 'meta', key: HISTORY_KEY, value: { key: HISTORY_KEY, value: { undo, redo, written } } }];
  const kept = new Set();
  for (const op of redoSteps) {
    if (!op.imported) continue;
    const byDoc = new Map(op.imported.map((id) => [id, { doc: null, claims: [] }]));
    for (const c of op.changes) {
      const entry = byDoc.get(c.store === 'documents' ? c.key : c.after?.doc);
      if (!entry || !c.after) continue;
      if (c.store === 'documents') entry.doc = c.after;
      else entry.claims.push(c.after);
    }
    for (const [id, value] of byDoc) {
      if (!value.doc) continue;
      kept.add(id);
      if (!model.redoKept.has(id)) records.push({ store: 'meta', key: REDO_PREFIX + id, value: { key: REDO_PREFIX + id, value } });
    }
  }
  for (const id of model.redoKept) if (!kept.has(id)) records.push({ store: 'meta', key: REDO_PREFIX + id, value: null });
  return { records, kept };
}

/** Puts a stored history (the record's value) back into `model`, after the
 * library is loaded; `kept`: the `redo/` records' values by document id. */
export function restoreHistory(model, value, kept = new Map()) {
  if (!value) return;
  model.undoStack = (value.undo ?? []).map((op) => (op.imported && !op.changes ? rebuilt(model, op, value.written ?? {}) : op));
  // An undone import whose records are not all kept cannot be redone, nor
  // can the steps redone after it (below it on the stack).
  const redo = (value.redo ?? []).map((op) => (op.imported && !op.changes ? undone(op, kept) : op));
  const lost = redo.findLastIndex((op) => op === null);
  model.redoStack = redo.slice(lost + 1);
  for (const [key, rev] of Object.entries(value.written ?? {})) {
    const slash = key.indexOf('/');
    const current = model.current(key.slice(0, slash), key.slice(slash + 1))?.rev ?? undefined;
    // Only records nobody wrote since: undo of another tab's newer change
    // refuses, as it would have before the reload.
    if (current === (rev ?? undefined)) model.written.set(key, rev ?? undefined);
  }
}

/** An import step kept by its documents' ids. */
function byIds({ label, at, imported }) {
  return { label, at, imported };
}

/** An import step kept by ids, made again from the library as loaded: its
 * documents and their claims. A claim at rev 1 (as an import stores it)
 * that no later step wrote counts as this tab's, so undo may delete it;
 * one at another rev was changed elsewhere, and undo refuses. */
function rebuilt(model, op, written) {
  const changes = [];
  for (const id of op.imported) {
    const doc = model.documents.get(id);
    if (!doc) continue;
    changes.push({ store: 'documents', key: id, before: null, after: doc });
    for (const c of model.claimsOf(id)) {
      changes.push({ store: 'claims', key: c.id, before: null, after: c });
      if (!(`claims/${c.id}` in written) && c.rev === 1) model.written.set(`claims/${c.id}`, 1);
    }
  }
  return { ...op, changes };
}

/** An undone import step kept by ids, made again from its `redo/` records;
 * null when one is missing. */
function undone(op, kept) {
  const changes = [];
  for (const id of op.imported) {
    const value = kept.get(id);
    if (!value?.doc) return null;
    changes.push({ store: 'documents', key: id, before: null, after: value.doc });
    for (const c of value.claims) changes.push({ store: 'claims', key: c.id, before: null, after: c });
  }
  return { ...op, changes };
}

/** The most recent steps of `stack` within the bounds, oldest first; with
 * `byId`, an import counts one per document (its records are the library's,
 * or its `redo/` records). */
function recent(stack, byId) {
  const kept = [];
  let changes = 0;
  for (let i = stack.length - 1; i >= 0 && kept.length < MAX_STEPS; i--) {
    changes += byId && stack[i].imported ? stack[i].imported.length : stack[i].changes.length;
    if (changes > MAX_CHANGES) break;
    kept.push(stack[i]);
  }
  return kept.reverse();
}
