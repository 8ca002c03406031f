// Re-extraction that keeps the user's work (issue 9, part 6). Each document
// records the extractor version that made its claims (`extractor`); when the
// page's extractor is newer, a notice offers to extract the library again.
// The core (wasm `carryOver`, klaim::reextract) puts every decision, tag,
// note, edited field and user claim on the new claims; this module only
// fetches extractions, turns the result into record changes and says how
// many moved and how many could not be matched.
//
// Test hook: `?extractor-version=N` makes the page run as extractor version N.

import { addStrings, t } from './i18n.js';
import { IMPORT_BATCH, now } from './model.js';
import { progressIn } from './progress.js';

/** Documents per step: one undoable, saved change each, so what is done
 * stays saved if the tab closes midway; as small as an import's batches, to
 * keep each step's main-thread work (storing) short. */
const BATCH = IMPORT_BATCH;

/** The extractor version the page runs: the core's, or the test hook's. */
export function extractorVersion(wasm) {
  const hook = Number(new URLSearchParams(globalThis.location?.search ?? '').get('extractor-version'));
  return hook > 0 ? hook : wasm.extractorVersion();
}

/** Documents whose claims an older extractor made. */
export function staleDocuments(model, version) {
  return model.documentList().filter((d) => (d.extractor ?? 0) < version);
}

/**
 * The extraction boundary: records (code points) for `docs`, in order, from
 * the extraction worker (model.extractMany; on the main thread, yielding,
 * where workers are refused).
 */
export async function extractDocuments(model, docs) {
  return (await model.extractMany(docs.map(({ id, text }) => ({ id, text })))).map((r) => r.record);
}

/** The core's carry-over, in the worker when there is one. */
function carryOver(model, kernel, doc, claims, at) {
  return model.extractor ? model.extractor.call('carryOver', doc, claims, at) : kernel.carryOver(doc, claims, at);
}

/**
 * Extracts `docs` again with the user's work carried over; resolves with the
 * summed report {documents, moved, unmatched, kept, replaced, extracted}.
 * `onProgress(done, total)`; `signal` cancels between batches (what is
 * done stays done).
 */
export async function reextract({ model, kernel, docs, version, onProgress, signal, extract = extractDocuments }) {
  const total = { documents: 0, moved: 0, unmatched: 0, kept: 0, replaced: 0, extracted: 0 };
  for (let i = 0; i < docs.length && !signal?.aborted; i += BATCH) {
    const batch = docs.slice(i, i + BATCH).filter((d) => model.documents.has(d.id));
    const records = await extract(model, batch);
    const changes = [];
    for (const [j, record] of records.entries()) {
      const doc = model.documents.get(batch[j].id);
      if (!doc) continue;
      const olds = model.claimsOf(doc.id);
      const { claims, report } = await carryOver(model, kernel, { ...doc, claims: olds }, record.claims, now());
      // The user may have edited this document's claims meanwhile: their
      // work is in `olds` only if it was there before the carry-over.
      // (Such a document stays offered.)
      const latest = model.claimsOf(doc.id);
      const current = model.documents.get(doc.id);
      if (!current || latest.length !== olds.length || latest.some((c, k) => c !== olds[k])) continue;
      changes.push(...claimChanges(doc.id, olds, claims));
      changes.push(model.update('documents', current, {
        extractor: version, boilerplate: record.boilerplate, entities: record.entities ?? [], notes: record.notes ?? [],
      }));
      total.documents++;
      for (const k of ['moved', 'unmatched', 'kept', 'replaced', 'extracted']) total[k] += report[k];
    }
    // Storage folds each re-extracted document's claims into one record again.
    const compact = [...new Set(changes.filter((c) => c.store === 'documents').map((c) => c.key))];
    await model.apply(changes, { label: ['op.reextract', { n: records.length }], compact });
    onProgress?.(Math.min(i + BATCH, docs.length), docs.length);
  }
  return total;
}

/**
 * Offers re-extraction when documents are older than the page's extractor.
 * `notice(id, text, actions, {level})`: the page's notice area (guard.js);
 * `message(...)`: a toast (app.js), holding the progress bar while it runs.
 */
export function mountReextract({ model, kernel, notice, message }) {
  const version = kernel.extractorVersion();
  let running = false;
  // How many were offered: a dismissed offer comes back only for more.
  let offered = 0;
  const offer = () => {
    if (running) return;
    let n = 0;
    for (const d of model.documents.values()) if ((d.extractor ?? 0) < version) n++;
    if (!n || n <= offered) return;
    offered = n;
    notice('reextract-offer', () => t('reextract.offer', { n }), [
      { testid: 'reextract-run', primary: true, label: () => t('reextract.run'), run: (close) => { close(); run(staleDocuments(model, version)); } },
    ], { level: 'info' });
  };

  async function run(stale) {
    const progress = message({ text: '', sticky: true, testid: 'job' });
    const job = progressIn(progress.text, (done, n) => t('reextract.progress', { done, n }));
    job.update(0, stale.length);
    let report;
    running = true;
    try {
      report = await reextract({ model, kernel, docs: stale, version, signal: job.signal, onProgress: job.update });
    } finally {
      running = false;
      offered = 0;
      progress.close();
    }
    notice('reextract-report', () => t(job.signal.aborted ? 'reextract.stopped' : 'reextract.done', { ...report, n: stale.length }), [], { level: 'info' });
    offer();
  }

  offer();
  // Documents that arrive later from an older extractor (a project file, another tab).
  model.on('change', (detail) => {
    if (detail?.all || detail?.remote || detail?.keys?.some((k) => k.store === 'documents')) offer();
  });
  return { offer };
}

addStrings({
  id: {
    'reextract.offer': 'Ekstraktor klaim sudah diperbarui. Ekstrak ulang {n} dokumen? Keputusan, suntingan, tag, catatan, dan klaim Anda sendiri tetap disimpan.',
    'reextract.run': 'Ekstrak ulang',
    'reextract.progress': 'Mengekstrak ulang: {done} dari {n} dokumen',
    'reextract.done': 'Diekstrak ulang: {documents} dokumen. Pekerjaan Anda pada {moved} klaim dipindahkan ke klaim baru; {unmatched} klaim tidak cocok dengan klaim baru dan disimpan sebagai klaim Anda sendiri; {kept} klaim Anda sendiri tetap. {replaced} klaim yang belum disentuh diganti.',
    'reextract.stopped': 'Ekstraksi ulang dibatalkan setelah {documents} dari {n} dokumen (yang sudah selesai tersimpan). Pekerjaan Anda pada {moved} klaim dipindahkan; {unmatched} tidak cocok dan disimpan sebagai klaim Anda sendiri; {kept} klaim Anda sendiri tetap.',
    'op.reextract': 'ekstrak ulang {n} dokumen',
  },
  en: {
    'reextract.offer': 'The claim extractor has improved. Extract {n} {n|document|documents} again? Your decisions, edits, tags, notes and own claims are kept.',
    'reextract.run': 'Extract again',
    'reextract.progress': 'Extracting again: {done} of {n} {n|document|documents}',
    'reextract.done': 'Extracted again: {documents} {documents|document|documents}. Your work on {moved} {moved|claim|claims} moved to the new claims; {unmatched} {unmatched|claim|claims} could not be matched and {unmatched|was|were} kept as your own; {kept} of your own {kept|claim|claims} kept. {replaced} untouched {replaced|claim was|claims were} replaced.',
    'reextract.stopped': 'Extracting again was cancelled after {documents} of {n} documents (what is done is saved). Your work on {moved} {moved|claim|claims} moved; {unmatched} could not be matched and {unmatched|was|were} kept as your own; {kept} of your own {kept|claim|claims} kept.',
    'op.reextract': 'extract {n} {n|document|documents} again',
  },
});

/** Record changes from the old claims of `doc` to the carried ones. */
function claimChanges(doc, olds, claims) {
  const before = new Map(olds.map((c) => [c.id, c]));
  const changes = [];
  for (const c of claims) {
    const old = before.get(c.id) ?? null;
    before.delete(c.id);
    const after = { ...c, doc, rev: (old?.rev ?? 0) + 1 };
    if (!old || JSON.stringify({ ...old, rev: 0, conflicts: undefined }) !== JSON.stringify({ ...after, rev: 0 })) {
      changes.push({ store: 'claims', key: c.id, before: old, after });
    }
  }
  for (const old of before.values()) changes.push({ store: 'claims', key: old.id, before: old, after: null });
  return changes;
}
