// Export and import (issue 4): the toolbar controls, the merge-or-replace
// choice, and applying an imported project to the model as one undoable step.
//
// Every conversion happens in the Rust core (`klaim::exchange`, through the
// wasm functions exportProject, importFile and mergeProjects); this module only
// moves text between the page, files and the model. Projects cross into wasm
// as JSON text.
//
// Hooks: data-testid="export-format" (a <select>), "export-run",
// "import-input" (an <input type=file>); the dialog's buttons "import-merge",
// "import-replace", "import-replace-export", "import-replace-confirm",
// "import-cancel"; messages "import-done", "import-error",
// "import-warnings".

import { h, replace } from './dom.js';
import { language } from './i18n.js';

const STRINGS = {
  id: {
    'format.klaim': 'Proyek klaim (JSON)',
    'format.jsonl': 'JSON Lines (kontrak ekstraksi)',
    'format.csv': 'CSV (spreadsheet)',
    'format.w3c': 'W3C Web Annotation (JSON-LD)',
    'format.doccano': 'doccano (JSONL)',
    'format.labelstudio': 'Label Studio (JSON)',
    'format.claimreview': 'ClaimReview schema.org (JSON-LD)',
    'export.label': 'Format ekspor',
    'export.run': 'Ekspor',
    'export.done': 'Diekspor: {name}',
    'export.failed': 'Ekspor gagal: {why}',
    'import.label': 'Impor…',
    'import.title': 'Impor berkas: proyek klaim, W3C Web Annotation, doccano JSONL atau Label Studio JSON',
    'import.failed': 'Tidak dapat mengimpor “{name}”: {why}. Pustaka tidak berubah.',
    'import.toolarge': 'berkas terlalu besar ({size}; batas {limit})',
    'import.project.title': 'Impor proyek “{name}”',
    'import.project.body': 'Berkas ini berisi {docs} dokumen dan {claims} klaim. Gabungkan dengan pustaka (dokumen dan klaim yang sama: suntingan terbaru menang), atau ganti seluruh pustaka?',
    'import.merge': 'Gabungkan',
    'import.replace': 'Ganti pustaka…',
    'import.cancel': 'Batal',
    'import.replace.body': 'Mengganti pustaka menghapus {docs} dokumen dan {claims} klaim yang ada sekarang. Ekspor dulu agar tidak hilang.',
    'import.replace.export': 'Ekspor pustaka sekarang',
    'import.replace.confirm': 'Ganti sekarang',
    'import.op': 'impor',
    'import.done': 'Diimpor dari {format}: {docs} dokumen baru, {updated} diperbarui, {claims} klaim baru, {claimsUpdated} klaim diperbarui.',
    'import.replaced': 'Pustaka diganti: {docs} dokumen, {claims} klaim.',
    'import.nothing': 'Tidak ada yang baru dalam “{name}”.',
    'import.renamed': '{n} dokumen dengan id yang sudah dipakai teks lain disimpan dengan id baru.',
    'import.warnings.title': 'Catatan impor ({n})',
    'import.warnings.body': 'Bagian berikut dipindahkan atau dilewati; sisanya sudah diimpor.',
    'close': 'Tutup',
  },
  en: {
    'format.klaim': 'klaim project (JSON)',
    'format.jsonl': 'JSON Lines (extraction contract)',
    'format.csv': 'CSV (spreadsheet)',
    'format.w3c': 'W3C Web Annotation (JSON-LD)',
    'format.doccano': 'doccano (JSONL)',
    'format.labelstudio': 'Label Studio (JSON)',
    'format.claimreview': 'schema.org ClaimReview (JSON-LD)',
    'export.label': 'Export format',
    'export.run': 'Export',
    'export.done': 'Exported: {name}',
    'export.failed': 'Export failed: {why}',
    'import.label': 'Import…',
    'import.title': 'Import a file: klaim project, W3C Web Annotation, doccano JSONL or Label Studio JSON',
    'import.failed': 'Cannot import “{name}”: {why}. The library is unchanged.',
    'import.toolarge': 'the file is too large ({size}; limit {limit})',
    'import.project.title': 'Import project “{name}”',
    'import.project.body': 'This file holds {docs} documents and {claims} claims. Merge it into the library (same documents and claims: the latest edit wins), or replace the whole library?',
    'import.merge': 'Merge',
    'import.replace': 'Replace library…',
    'import.cancel': 'Cancel',
    'import.replace.body': 'Replacing the library removes the {docs} documents and {claims} claims it holds now. Export them first so nothing is lost.',
    'import.replace.export': 'Export the library now',
    'import.replace.confirm': 'Replace now',
    'import.op': 'import',
    'import.done': 'Imported from {format}: {docs} new documents, {updated} updated, {claims} new claims, {claimsUpdated} claims updated.',
    'import.replaced': 'Library replaced: {docs} documents, {claims} claims.',
    'import.nothing': 'Nothing new in “{name}”.',
    'import.renamed': '{n} documents whose id another text already had were kept under a new id.',
    'import.warnings.title': 'Import notes ({n})',
    'import.warnings.body': 'These parts were moved or skipped; the rest is imported.',
    'close': 'Close',
  },
};

/** Files above this are refused before reading (a project of 1,000 articles is ~20 MB). */
const MAX_IMPORT_BYTES = 128 << 20;

function tr(key, vars = {}) {
  const s = STRINGS[language()]?.[key] ?? STRINGS.id[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/**
 * Puts the export and import controls into `root`. `wasm`: the wasm package
 * (exchangeFormats, exportProject, importFile, mergeProjects); `message`: the
 * page's toast function ({text, level, testid, sticky}).
 */
export function mountExchange({ root, model, wasm, message }) {
  const formats = wasm.exchangeFormats();
  const select = h('select', { 'data-testid': 'export-format', 'aria-label': tr('export.label'), title: tr('export.label') },
    formats.map((f) => h('option', { value: f.name }, tr(`format.${f.name}`))));
  const run = h('button', { type: 'button', 'data-testid': 'export-run', onclick: () => exportNow(select.value) }, tr('export.run'));
  const input = h('input', {
    type: 'file', 'data-testid': 'import-input', accept: '.json,.jsonl,.jsonld,.ndjson,application/json',
    hidden: true, onchange: () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) importFile(file);
    },
  });
  const pick = h('button', { type: 'button', title: tr('import.title'), onclick: () => input.click() }, tr('import.label'));
  replace(root, select, run, pick, input);

  /** Downloads the library in `format`; returns the file name. */
  function exportNow(format) {
    const f = formats.find((x) => x.name === format) ?? formats[0];
    let text;
    try {
      text = wasm.exportProject(JSON.stringify(model.project()), f.name);
    } catch (e) {
      message({ text: tr('export.failed', { why: e?.message ?? String(e) }), level: 'error', testid: 'export-error' });
      return null;
    }
    const name = `klaim-${new Date().toISOString().slice(0, 10)}.${f.extension}`;
    const url = URL.createObjectURL(new Blob([text], { type: f.mediaType }));
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    message({ text: tr('export.done', { name }), quiet: true, testid: 'export-done' });
    return name;
  }

  async function importFile(file) {
    const fail = (why) => message({ text: tr('import.failed', { name: file.name, why }), level: 'error', sticky: true, testid: 'import-error' });
    if (file.size > MAX_IMPORT_BYTES) return fail(tr('import.toolarge', { size: mb(file.size), limit: mb(MAX_IMPORT_BYTES) }));
    let result;
    try {
      const text = await file.text();
      const library = JSON.stringify(model.project());
      result = JSON.parse(wasm.importFile(text, '', library, new Date().toISOString()));
    } catch (e) {
      return fail(e?.message ?? String(e));
    }
    if (result.format === 'klaim') {
      const choice = await askMergeOrReplace(file.name, result.project);
      if (choice === 'replace') return finish(await applyProject(model, result.project, { replace: true }), result, file.name);
      if (choice !== 'merge') return;
    }
    try {
      const merged = JSON.parse(wasm.mergeProjects(JSON.stringify(model.project()), JSON.stringify(result.project)));
      finish(await applyProject(model, merged.project, { replace: false }), result, file.name, merged.summary);
    } catch (e) {
      fail(e?.message ?? String(e));
    }
  }

  function finish(counts, result, name, summary) {
    const fmt = tr(`format.${result.format}`);
    if (!summary) {
      message({ text: tr('import.replaced', counts), testid: 'import-done' });
    } else if (counts.changed === 0) {
      message({ text: tr('import.nothing', { name }), testid: 'import-done' });
    } else {
      const text = tr('import.done', {
        format: fmt, docs: summary.documents_added, updated: summary.documents_updated,
        claims: summary.claims_added, claimsUpdated: summary.claims_updated,
      }) + (summary.renamed.length ? ` ${tr('import.renamed', { n: summary.renamed.length })}` : '');
      message({ text, testid: 'import-done' });
    }
    if (result.warnings.length) showWarnings(result.warnings);
  }

  /** Resolves to 'merge', 'replace' or null. */
  function askMergeOrReplace(name, project) {
    const claims = project.documents.reduce((n, d) => n + d.claims.length, 0);
    const current = model.project();
    const currentClaims = current.documents.reduce((n, d) => n + d.claims.length, 0);
    return new Promise((resolve) => {
      const dialog = h('dialog', { class: 'exchange-dialog', 'data-testid': 'import-dialog' });
      const done = (value) => {
        dialog.close();
        dialog.remove();
        resolve(value);
      };
      dialog.addEventListener('cancel', () => resolve(null));
      const first = () => replace(dialog,
        h('h2', {}, tr('import.project.title', { name })),
        h('p', {}, tr('import.project.body', { docs: project.documents.length, claims })),
        h('div', { class: 'row end' },
          h('button', { type: 'button', 'data-testid': 'import-cancel', onclick: () => done(null) }, tr('import.cancel')),
          h('button', { type: 'button', 'data-testid': 'import-replace', onclick: second }, tr('import.replace')),
          h('button', { type: 'button', class: 'primary', 'data-testid': 'import-merge', onclick: () => done('merge') }, tr('import.merge'))));
      // Replacing: offer an export of what is there first.
      const second = () => replace(dialog,
        h('h2', {}, tr('import.project.title', { name })),
        h('p', {}, tr('import.replace.body', { docs: current.documents.length, claims: currentClaims })),
        h('div', { class: 'row end' },
          h('button', { type: 'button', 'data-testid': 'import-cancel', onclick: () => done(null) }, tr('import.cancel')),
          h('button', { type: 'button', 'data-testid': 'import-replace-export', onclick: () => exportNow('klaim') }, tr('import.replace.export')),
          h('button', { type: 'button', class: 'danger', 'data-testid': 'import-replace-confirm', onclick: () => done('replace') }, tr('import.replace.confirm'))));
      first();
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  function showWarnings(warnings) {
    const dialog = h('dialog', { class: 'exchange-dialog', 'data-testid': 'import-warnings' },
      h('h2', {}, tr('import.warnings.title', { n: warnings.length })),
      h('p', {}, tr('import.warnings.body')),
      h('ul', { class: 'exchange-warnings' }, warnings.map((w) => h('li', {}, w))),
      h('div', { class: 'row end' }, h('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, tr('close'))));
    document.body.append(dialog);
    dialog.showModal();
  }

  return { exportNow, importFile };
}

/**
 * Makes the model hold `project` (klaim::project::Project, code points): one
 * undoable operation of record changes. With `replace`, documents and claims
 * that `project` lacks are removed; otherwise nothing is removed. Returns
 * {docs, claims, changed}.
 */
export async function applyProject(model, project, { replace: removeOthers }) {
  const changes = [];
  const put = (store, current, fields) => {
    if (!current) {
      changes.push({ store, key: fields.id, before: null, after: { ...fields, rev: 1 } });
    } else if (!sameRecord(current, fields)) {
      changes.push({ store, key: fields.id, before: current, after: { ...current, ...fields, rev: (current.rev ?? 0) + 1 } });
    }
  };
  const keepDocs = new Set();
  const keepClaims = new Set();
  let claims = 0;
  for (const d of project.documents) {
    const { claims: docClaims, ...doc } = d;
    keepDocs.add(doc.id);
    const current = model.documents.get(doc.id);
    put('documents', current, { notes: current?.notes ?? [], ...doc });
    for (const c of docClaims) {
      keepClaims.add(c.id);
      claims++;
      put('claims', model.claims.get(c.id), { ...c, doc: doc.id });
    }
  }
  if (removeOthers) {
    for (const c of model.claims.values()) if (!keepClaims.has(c.id)) changes.push({ store: 'claims', key: c.id, before: c, after: null });
    for (const d of model.documents.values()) if (!keepDocs.has(d.id)) changes.push({ store: 'documents', key: d.id, before: d, after: null });
  }
  if (JSON.stringify(model.tags) !== JSON.stringify(project.tags)) {
    changes.push({
      store: 'meta', key: 'tags',
      before: model.tagsRev ? { key: 'tags', value: model.tags, rev: model.tagsRev } : null,
      after: { key: 'tags', value: project.tags, rev: (model.tagsRev ?? 0) + 1 },
    });
  }
  await model.apply(changes, { label: tr('import.op') });
  return { docs: project.documents.length, claims, changed: changes.length };
}

/** Whether `record` already holds every field of `fields` (revs aside). */
function sameRecord(record, fields) {
  return Object.keys(fields).every((k) => JSON.stringify(record[k]) === JSON.stringify(fields[k]));
}

function mb(n) {
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;
}
