// What the page says about the safety of the library, and the marker that
// lets it notice a library that vanished.
//
// IndexedDB can lose a whole database behind the page's back: Chromium drops
// it when the disk fills mid-write, the user or another page of the same
// origin can delete it, the browser can evict best-effort storage. An empty
// database then looks exactly like a first visit, and the page used to seed
// the samples over it. So a small marker lives OUTSIDE IndexedDB (in
// localStorage): the library's size and its last save, and when it was last
// exported. A marker that counts documents over an empty database means the
// library vanished: the page says so, with what can be recovered, and never
// seeds samples over it.
//
// Also here: persistent storage (requested on the first real edit, its state
// shown beside the save state), a plain sentence before any raw storage error
// (a full disk), the reminder to export work older than a week, and what the
// file:// origin means.

import { h, replace } from './dom.js';
import { dateTime, onLanguageChange, t } from './i18n.js';

const MARK = 'klaim.library';
const WEEK = 7 * 24 * 3600 * 1000;

/** The marker as stored, or {} (none, or localStorage off). */
export function readMarker() {
  try {
    return JSON.parse(localStorage.getItem(MARK) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function writeMarker(fields) {
  try {
    localStorage.setItem(MARK, JSON.stringify({ ...readMarker(), ...fields }));
  } catch { /* localStorage off or full: the marker is a help, not a need. */ }
}

/** Whether `error` says the disk or the quota is full. */
export function isFull(error) {
  const text = `${error?.name ?? ''} ${error?.message ?? ''}`;
  return /QuotaExceeded|quota|space|disk|full|IO error|LevelDB|Internal error|UnknownError/i.test(text);
}

/** A plain sentence for a storage error; the raw one follows it. */
export function storageMessage(error, { unsaved = 0 } = {}) {
  const plain = t(isFull(error) ? 'guard.full' : 'guard.failed', { n: unsaved });
  const raw = error?.message ?? String(error ?? '');
  return raw ? `${plain} ${t('guard.detail', { raw })}` : plain;
}

/**
 * Watches `model` and `store`. `root`: the element for the guard's notices;
 * `state`: the element beside the save state for the persistence state;
 * `exportEverything()`: downloads the library. Returns {vanished, failed}.
 */
export function mountGuard({ root, state, model, store, exportEverything, loadSamples, encrypt }) {
  const notices = new Map();
  const before = readMarker();

  /** Shows (or replaces) notice `id`; `text()` is called again on a language switch. */
  function notice(id, text, actions = [], { level = 'error' } = {}) {
    const render = () => {
      const el = h('div', { class: `notice ${level}`, role: level === 'error' ? 'alert' : 'status', 'data-testid': id },
        h('span', {}, text()),
        actions.map((a) => h('button', { type: 'button', class: a.primary ? 'primary' : 'small', 'data-testid': a.testid, onclick: () => a.run(close) }, a.label())),
        h('button', { type: 'button', class: 'small', 'data-testid': `${id}-close`, onclick: () => (actions.find((a) => a.dismiss)?.run(close) ?? close()) }, t('msg.close')));
      const old = notices.get(id)?.el;
      if (old) old.replaceWith(el);
      else root.append(el);
      notices.set(id, { el, render });
    };
    const close = () => {
      notices.get(id)?.el.remove();
      notices.delete(id);
    };
    render();
    return close;
  }
  onLanguageChange(() => {
    for (const n of notices.values()) n.render();
    showPersisted();
  });

  const exportAction = { testid: 'guard-export', label: () => t('msg.storage.export'), run: () => exportEverything(), primary: true };

  // A library that vanished: the marker counts documents, storage has none.
  const vanished = !!store && !model.documents.size && (before.documents ?? 0) > 0;
  if (vanished) {
    notice('library-vanished', () => t('guard.vanished', {
      n: before.documents, claims: before.claims ?? 0,
      saved: before.lastSave ? dateTime(before.lastSave) : '—',
    }) + ' ' + (before.lastExport ? t('guard.recover.export', { when: dateTime(before.lastExport) }) : t('guard.recover.none')), [
      { testid: 'vanished-samples', label: () => t('guard.samples'), run: (close) => { close(); writeMarker({ documents: 0, claims: 0 }); loadSamples(); } },
      { testid: 'vanished-empty', label: () => t('guard.empty'), dismiss: true, run: (close) => { close(); writeMarker({ documents: 0, claims: 0 }); } },
    ]);
  }

  // The marker follows every completed save.
  let edited = false;
  model.on('save', ({ state }) => {
    if (state !== 'saved' || !store || store.deleted) return;
    const fields = { documents: model.documents.size, claims: model.claims.size, lastSave: new Date().toISOString() };
    if (edited && !readMarker().unexportedSince) fields.unexportedSince = fields.lastSave;
    writeMarker(fields);
  });
  model.on('change', (detail) => {
    if (!detail?.keys || detail.remote || detail.merged) return;
    if (!edited) {
      edited = true;
      requestPersistence();
    }
  });
  window.addEventListener('klaim:exported', () => {
    writeMarker({ lastExport: new Date().toISOString(), unexportedSince: null });
    notices.get('export-reminder') && closeNotice('export-reminder');
  });
  const closeNotice = (id) => { notices.get(id)?.el.remove(); notices.delete(id); };

  // The database deleted while this tab is open (another page of the same
  // origin, the user clearing site data): this tab still holds it all.
  if (store) {
    store.onDeleted = () => {
      notice('library-deleted', () => t('guard.deleted', { n: model.documents.size, claims: model.claims.size }), [
        { testid: 'deleted-resave', primary: true, label: () => t('guard.resave'), run: async (close) => {
          try {
            await model.resave();
            close();
          } catch (e) {
            failed(e);
          }
        } },
        exportAction,
      ]);
    };
  }

  // Persistent storage: asked once, on the first real edit (asking on load
  // would be refused or prompt for nothing); its state is always shown.
  let persisted = before.persisted ?? null;
  async function requestPersistence() {
    if (!navigator.storage?.persist) return showPersisted('unsupported');
    try {
      persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
    } catch {
      persisted = false;
    }
    writeMarker({ persisted });
    showPersisted();
  }
  function showPersisted(override) {
    const s = override ?? (persisted == null ? 'unknown' : persisted ? 'persistent' : 'besteffort');
    state.dataset.state = s;
    state.textContent = t(`guard.persist.${s}`);
    state.title = t(`guard.persist.${s}.title`);
  }
  navigator.storage?.persisted?.().then((p) => {
    if (p) persisted = true;
    showPersisted();
  }).catch(() => showPersisted());
  showPersisted(store ? undefined : 'none');

  // Unexported work older than a week.
  const since = before.unexportedSince ? Date.parse(before.unexportedSince) : NaN;
  const dismissed = before.reminderDismissed ? Date.parse(before.reminderDismissed) : 0;
  if (!vanished && Date.now() - since > WEEK && Date.now() - dismissed > WEEK) {
    notice('export-reminder', () => t('guard.reminder', { since: dateTime(before.unexportedSince), last: before.lastExport ? dateTime(before.lastExport) : t('guard.never') }), [
      exportAction,
      { testid: 'export-reminder-dismiss', dismiss: true, label: () => t('guard.later'), run: (close) => { writeMarker({ reminderDismissed: new Date().toISOString() }); close(); } },
    ], { level: 'info' });
  }

  // Encryption at rest: its state beside the storage state, a button to turn it on.
  const lockButton = h('button', { type: 'button', class: 'lock-state', 'data-testid': 'encrypt-open' });
  const showLock = () => {
    const on = !!store?.lock;
    lockButton.textContent = t(on ? 'lock.on' : 'lock.off');
    lockButton.title = t(on ? 'lock.on.title' : 'lock.off.title');
    lockButton.disabled = on || !store;
    lockButton.dataset.state = on ? 'encrypted' : 'plain';
  };
  lockButton.addEventListener('click', () => encrypt());
  state.after(lockButton);
  showLock();
  document.addEventListener('klaim:locked', () => {
    showLock();
    closeNotice('file-origin');
  });
  onLanguageChange(showLock);

  // file://: every local HTML file shares this origin; offer encryption.
  if (location.protocol === 'file:' && !store?.lock) {
    notice('file-origin', () => t('guard.file'), store ? [
      { testid: 'file-encrypt', primary: true, label: () => t('lock.offer'), run: () => encrypt() },
    ] : [], { level: 'info' });
  }

  /** A write failed: a plain sentence first, the raw error after it. */
  function failed(error) {
    const full = isFull(error);
    notice('storage-failed', () => storageMessage(error, { unsaved: model.failed.length }), [
      { testid: 'storage-retry', primary: true, label: () => t('guard.retry'), run: async (close) => {
        close();
        try {
          await model.retry();
        } catch (e) {
          model.saveError = e;
          model.setSave('error');
        }
      } },
      exportAction,
    ]);
    return full;
  }

  return { vanished, failed, notice };
}
