// Adding documents to the library: duplicates found by content, the records'
// own id and facts kept, and a report that says what happened.
//
// A document's identity is the core's content hash of its normalised text
// (wasm `contentHash`, `klaim::content_hash`): the same file added twice, or
// the same JSON Lines imported twice, is noticed, and the user chooses to
// skip the copies or keep both. Nothing is hashed here in JS.

import { h, replace } from './dom.js';
import { t } from './i18n.js';

/** Hashes of the library's documents, computed once per document record. */
const hashes = new WeakMap();

/** The content hashes of `texts`: in the extraction worker when there is
 * one (hashing 5 MB is one long task on the page's thread), else here. */
async function contentHashes(model, kernel, texts) {
  if (!texts.length) return [];
  const extractor = await model.extractorReady;
  if (extractor) {
    try {
      return await extractor.map('contentHash', texts.map((text) => [text]));
    } catch (e) {
      console.warn('klaim: hashing on the page, the worker failed:', e?.message ?? e);
    }
  }
  return texts.map((text) => kernel.contentHash(text));
}

/**
 * Adds `documents` ({name, text, id?, url?, published?, outlet?}) through
 * `model.addDocuments`, after asking what to do with duplicates. `dropped`:
 * what the reading of the files left out (warnings, in the core's words).
 * Returns {ids, report} where report = {docs, claims, duplicates, kept,
 * dropped}; null when the user cancelled.
 */
export async function addIncoming({ model, kernel, documents, dropped = [], onProgress, signal }) {
  const library = [...model.documents.values()];
  const unhashed = library.filter((doc) => !hashes.has(doc));
  // Intake hashes what it reads (the core's `hash`); only documents from
  // elsewhere (an exchange import) are hashed here.
  const bare = documents.filter((doc) => !doc.hash);
  const computed = await contentHashes(model, kernel, [...unhashed, ...bare].map((doc) => doc.text));
  unhashed.forEach((doc, i) => hashes.set(doc, computed[i]));
  const hashedHere = new Map(bare.map((doc, i) => [doc, computed[unhashed.length + i]]));
  const incoming = documents.map((doc) => doc.hash || hashedHere.get(doc));
  const known = new Map();
  for (const doc of library) known.set(hashes.get(doc), doc);
  const fresh = [];
  const duplicates = [];
  documents.forEach((doc, i) => {
    const same = known.get(incoming[i]);
    if (same) duplicates.push({ doc, same });
    else {
      fresh.push(doc);
      known.set(incoming[i], doc);
    }
  });
  let keep = false;
  if (duplicates.length) {
    const choice = await askDuplicates(duplicates, documents.length);
    if (!choice) return null;
    keep = choice === 'keep';
  }
  const adding = keep ? documents : fresh;
  const ids = adding.length ? await model.addDocuments(adding, { onProgress, signal }) : [];
  const claims = ids.reduce((n, id) => n + (model.byDoc.get(id)?.length ?? 0), 0);
  return {
    ids,
    report: { docs: ids.length, claims, duplicates: duplicates.length, kept: keep, dropped },
  };
}

/** The report as one message. */
export function reportText({ docs, claims, duplicates, kept, dropped }) {
  const parts = [t('report.added', { n: docs, claims })];
  if (duplicates) parts.push(t(kept ? 'report.dup.kept' : 'report.dup.skipped', { n: duplicates }));
  // Intake notes are codes (intake::Note); an importer's warnings are text.
  const changed = dropped.filter((w) => w?.code === 'replaced_bytes');
  const lost = dropped.filter((w) => w?.code !== 'replaced_bytes');
  const list = (ws) => ws.slice(0, 3).map(word).join('; ') + (ws.length > 3 ? '; …' : '');
  if (lost.length) parts.push(t('report.dropped', { n: lost.length, what: list(lost) }));
  if (changed.length) parts.push(t('report.changed', { what: list(changed) }));
  return parts.join(' ');
}

/** One intake note in the interface language. */
function word(w) {
  if (typeof w === 'string') return w;
  return t(`intake.note.${w.code}`, { name: w.name, record: w.record ?? '', count: w.count ?? 0 });
}

/** Resolves to 'skip', 'keep' or null (cancel). */
function askDuplicates(duplicates, total) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'exchange-dialog', 'data-testid': 'dup-dialog' });
    const done = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(null);
    });
    replace(dialog,
      h('h2', {}, t('dup.title', { n: duplicates.length, total })),
      h('p', {}, t('dup.body')),
      h('ul', { class: 'exchange-warnings' }, duplicates.slice(0, 8).map(({ doc, same }) => h('li', {}, t('dup.item', { name: doc.name, same: same.name }))),
        duplicates.length > 8 ? h('li', {}, '…') : null),
      h('div', { class: 'row end' },
        h('button', { type: 'button', 'data-testid': 'dup-cancel', onclick: () => done(null) }, t('import.cancel')),
        h('button', { type: 'button', 'data-testid': 'dup-keep', onclick: () => done('keep') }, t('dup.keep')),
        h('button', { type: 'button', class: 'primary', 'data-testid': 'dup-skip', onclick: () => done('skip') }, t('dup.skip'))));
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('[data-testid=dup-skip]').focus();
  });
}
