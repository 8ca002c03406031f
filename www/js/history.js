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
// stack) it needs its records, and is bounded like any step.
// With `written` (the revs this tab wrote, for the records in the history),
// undo after a reload still refuses a record another tab changed since.
// One history per library: with two tabs open, the last to write wins.

export const HISTORY_KEY = 'history';
const MAX_STEPS = 100;
const MAX_CHANGES = 2000;

/** The meta record holding `model`'s history as it is now. */
export function historyRecord(model) {
  const undo = recent(model.undoStack, true).map((op) => (op.imported ? byIds(op) : op));
  const redo = recent(model.redoStack, false);
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
  return { key: HISTORY_KEY, value: { undo, redo, written } };
}

/** Puts a stored history (the record's value) back into `model`, after the
 * library is loaded. */
export function restoreHistory(model, value) {
  if (!value) return;
  model.undoStack = (value.undo ?? []).map((op) => (op.imported && !op.changes ? rebuilt(model, op, value.written ?? {}) : op));
  model.redoStack = value.redo ?? [];
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

/** The most recent steps of `stack` within the bounds, oldest first; with
 * `byId`, an import counts one per document. */
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
