// The progress of a long job in the worker (an import, a re-extraction):
// documents done of total in a <progress> bar, and a Cancel button that
// stops the job after the batch in hand (what is done stays done).
import { atMostEvery, h, replace, JOB_REDRAW_MS } from './dom.js';
import { addStrings, t } from './i18n.js';

addStrings({
  id: {
    'job.cancel': 'Batalkan',
    'job.cancelled': 'Dibatalkan: {done} dari {n} dokumen sudah masuk dan tersimpan.',
    'job.reextract.offer': 'Ekstraktor versi {version} lebih baru daripada yang mengekstrak {n} dokumen. Ekstrak ulang? Keputusan Anda dipindahkan ke klaim baru.',
    'job.reextract.run': 'Ekstrak ulang',
    'job.reextract.working': 'Mengekstrak ulang {done}/{n}…',
    'job.reextract.done': 'Diekstrak ulang: {docs} dokumen. Keputusan dipindahkan ke klaim baru: {moved}; tanpa padanan (tetap sebagai klaim pengguna): {unmatched}.',
  },
  en: {
    'job.cancel': 'Cancel',
    'job.cancelled': 'Cancelled: {done} of {n} documents were added and saved.',
    'job.reextract.offer': 'Extractor {version} is newer than the one that extracted {n} {n|document|documents}. Re-extract? Your decisions move to the new claims.',
    'job.reextract.run': 'Re-extract',
    'job.reextract.working': 'Re-extracting {done}/{n}…',
    'job.reextract.done': 'Re-extracted {docs} {docs|document|documents}. Decisions moved to the new claims: {moved}; not matched (kept as user claims): {unmatched}.',
  },
});

/**
 * Fills the message `el` (a toast's text span) with `label(done, n)` and a
 * bar; returns {update(done, n), signal, done()}. The Cancel button aborts
 * `signal`. The figures shown lag the job's by at most JOB_REDRAW_MS.
 */
export function progressIn(el, label) {
  const controller = new AbortController();
  const words = h('span', {});
  const bar = h('progress', { 'data-testid': 'job-progress', max: 1, value: 0 });
  const cancel = h('button', { type: 'button', class: 'small', 'data-testid': 'job-cancel', onclick: () => {
    controller.abort();
    cancel.disabled = true;
  } }, t('job.cancel'));
  replace(el, words, ' ', bar, ' ', cancel);
  const draw = atMostEvery(JOB_REDRAW_MS, (done, n) => {
    words.textContent = label(done, n);
    bar.max = Math.max(n, 1);
    bar.value = done;
    bar.dataset.done = String(done);
    bar.dataset.total = String(n);
  });
  // The first and last figures at once; those between at most every
  // JOB_REDRAW_MS (each is a frame to draw while the import runs).
  const update = (done, n) => (done === 0 || done >= n ? draw.now(done, n) : draw(done, n));
  return { update, signal: controller.signal };
}
