// The review flow's settings and steps: `a`/`r` move on to the next pending
// claim (configurable), and the claim list can show only pending claims.
// Settings live in localStorage (per browser, not in the library).

const KEY = 'klaim.review';
const DEFAULTS = { advance: true, pendingOnly: false };
const listeners = [];

export function settings() {
  try {
    return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(KEY) ?? '{}') };
  } catch {
    return { ...DEFAULTS };
  }
}

export function setSetting(name, value) {
  const next = { ...settings(), [name]: value };
  try { localStorage.setItem(KEY, JSON.stringify(next)); } catch { /* Off: the setting lasts this page. */ }
  for (const fn of listeners) fn(next);
}

export function onSettings(fn) {
  listeners.push(fn);
}

/** The first pending claim after `fromId` in the document's order (then
 * from its start), other than `fromId`; null when none is left. */
export function nextPending(model, docId, fromId) {
  const ids = model.byDoc.get(docId) ?? [];
  const at = ids.indexOf(fromId);
  for (let k = 1; k <= ids.length; k++) {
    const id = ids[(at + k) % ids.length];
    if (id !== fromId && model.claims.get(id)?.status === 'pending') return id;
  }
  return null;
}
