// The undo history kept across reloads (issue 9): the model's undo and redo
// stacks go into the meta record `history` in the same transaction as the
// change they record, so a step shown as done can be undone after a reload.
//
// Bounded: the most recent steps whose record changes add up to at most
// MAX_CHANGES (a re-extraction of a large library is one step per batch; a
// step larger than the bound alone stays undoable until the page closes).
// With `written` (the revs this tab wrote, for the records in the history),
// undo after a reload still refuses a record another tab changed since.
// One history per library: with two tabs open, the last to write wins.

export const HISTORY_KEY = 'history';
const MAX_STEPS = 100;
const MAX_CHANGES = 2000;

/** The meta record holding `model`'s history as it is now. */
export function historyRecord(model) {
  const undo = recent(model.undoStack);
  const redo = recent(model.redoStack);
  const written = {};
  for (const op of [...undo, ...redo]) {
    for (const c of op.changes) {
      const key = `${c.store}/${c.key}`;
      if (model.written.has(key)) written[key] = model.written.get(key) ?? null;
    }
  }
  return { key: HISTORY_KEY, value: { undo, redo, written } };
}

/** Puts a stored history (the record's value) back into `model`, after the
 * library is loaded. */
export function restoreHistory(model, value) {
  if (!value) return;
  model.undoStack = value.undo ?? [];
  model.redoStack = value.redo ?? [];
  for (const [key, rev] of Object.entries(value.written ?? {})) {
    const slash = key.indexOf('/');
    const current = model.current(key.slice(0, slash), key.slice(slash + 1))?.rev ?? undefined;
    // Only records nobody wrote since: undo of another tab's newer change
    // refuses, as it would have before the reload.
    if (current === (rev ?? undefined)) model.written.set(key, rev ?? undefined);
  }
}

/** The most recent steps of `stack` within the bounds, oldest first. */
function recent(stack) {
  const kept = [];
  let changes = 0;
  for (let i = stack.length - 1; i >= 0 && kept.length < MAX_STEPS; i--) {
    changes += stack[i].changes.length;
    if (changes > MAX_CHANGES) break;
    kept.push(stack[i]);
  }
  return kept.reverse();
}
